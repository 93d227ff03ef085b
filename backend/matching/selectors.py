"""Reads of the matching app and the access rules every view goes through.

Who sees a project:
- the secretariat and administrators: every project, every field, every match row;
- staff of the posting park: their own projects, every match row of them;
- staff of another park: projects past draft that are visible to their park (whole alliance,
  or chosen with their park listed, or handed to them), and only their own match row;
- researchers and organisation users: projects past draft visible to the whole alliance,
  without the confidential fields (CONFIDENTIAL_FIELDS), and no match rows.

Across projects (latest_match_rows_for_user), the same rule: park staff read their own park's
row of each project they see, the secretariat every row, nobody else any.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import F, JSONField, Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import JSONObject

from backend.accounts.access import require_reader, require_writer, user_is_curator
from backend.accounts.models import Role
from backend.core.errors import Conflict, NotFound, PermissionDenied
from backend.core.graph import graph_database, graph_driver
from backend.core.lib.bilingual import Bilingual
from backend.matching.models import (
    DEFAULT_WEIGHT_VALUES,
    AgreementShare,
    BenefitAgreement,
    FeedbackResponse,
    FeedbackSide,
    HandoffStatus,
    LeadHandoff,
    MatchFeedback,
    MatchingWeights,
    MatchResult,
    MatchRun,
    Project,
    ProjectFigure,
    ProjectStatus,
    Visibility,
)
from backend.matching.split import split_amount
from backend.network.models import Organisation
from graph import matching as graph_matching

MATCHABLE_STATUSES = frozenset({ProjectStatus.OPEN, ProjectStatus.NEGOTIATING})
NOT_MATCHABLE = Bilingual(
    zh="只有招商中或洽谈中的项目可以匹配。", en="Only open or negotiating projects are matched."
)
CONFIDENTIAL_FIELDS = frozenset(
    {"description", "investment_wan", "annual_output_wan", "annual_tax_wan", "visible_to"}
)
NOT_YOUR_PROJECT = Bilingual(
    zh="只有发布园区（或秘书处）可以管理此项目。",
    en="Only the posting park (or the secretariat) may manage this project.",
)
MATCHES_FOR_PARKS = Bilingual(
    zh="匹配结果仅供园区工作人员和秘书处查看。",
    en="Match results are for park staff and the secretariat only.",
)


def _is_park_staff(user: Any) -> bool:
    return bool(user.role == Role.PARK_STAFF and user.park_id)


def user_owns_project(user: Any, project: Project) -> bool:
    return user_is_curator(user) or (_is_park_staff(user) and user.park_id == project.park_id)


def user_sees_confidential(user: Any, project: Project) -> bool:
    return user_is_curator(user) or _is_park_staff(user)


def _projects_visible_to(user: Any) -> QuerySet[Project]:
    require_reader(user)
    projects = Project.objects.all()
    if user_is_curator(user):
        return projects
    if _is_park_staff(user):
        return projects.filter(
            Q(park_id=user.park_id)
            | (
                ~Q(status=ProjectStatus.DRAFT)
                & (
                    Q(visibility=Visibility.ALLIANCE)
                    | Q(visible_to=user.park_id)
                    | Q(handoffs__to_park_id=user.park_id)
                )
            )
        ).distinct()
    return projects.filter(visibility=Visibility.ALLIANCE).exclude(status=ProjectStatus.DRAFT)


def project_list_for_user(
    user: Any, *, statuses: Sequence[str] = (), title_contains: str = ""
) -> QuerySet[Project]:
    visible = _projects_visible_to(user)
    if statuses:
        visible = visible.filter(status__in=statuses)
    if title_contains:
        visible = visible.filter(title__icontains=title_contains)
    return (
        visible.select_related("park", "industry", "partner_park")
        .prefetch_related("visible_to", "needed_organisations")
        .order_by("-id")
    )


def access_project_for_user(
    user: Any, project_id: int, *, for_write: bool = False, lean: bool = False
) -> Project:
    """The project if this user may see it (or manage it, with for_write); 404 hides the
    projects a user may not see at all. `lean` reads only the project's own row and the ids
    of its needed organisations (enough to rank it; chosen parks are read only if it has
    them), not the related rows an answer about the project shows."""
    if lean:
        project = (
            _projects_visible_to(user)
            .prefetch_related(Prefetch("needed_organisations", Organisation.objects.only("id")))
            .filter(pk=project_id)
            .first()
        )
    else:
        project = project_list_for_user(user).filter(pk=project_id).first()
    if project is None:
        raise NotFound()
    if for_write and not user_owns_project(user, project):
        raise PermissionDenied(NOT_YOUR_PROJECT)
    return project


def match_request_for(project: Project) -> graph_matching.MatchRequest:
    """What graph matching needs to know: the project's row and the ids of its chosen parks
    and needed organisations (prefetch them when ranking many projects)."""
    only = None
    if project.visibility == Visibility.CHOSEN:
        only = tuple(sorted(f"park:{p.pk}" for p in project.visible_to.all()))
    return graph_matching.MatchRequest(
        owner_uid=f"park:{project.park_id}",
        industry_uid=f"industry:{project.industry_id}",
        positioning=project.positioning,
        chain_segment=project.chain_segment,
        land_mu=float(project.land_mu),
        space_m2=float(project.space_m2),
        needed_uids=tuple(sorted(f"org:{o.pk}" for o in project.needed_organisations.all())),
        only_uids=only,
    )


def ranking_preview(
    *, user: Any, project: Project, weights: Mapping[str, float]
) -> graph_matching.MatchOutcome:
    """The project ranked afresh from the graph under these weights, stored nowhere and told
    to nobody: the secretariat trying weights before setting them for every project, or the
    posting park seeing where it stands now. The same people as re-ranking: the posting park
    and the secretariat."""
    if not user_owns_project(user, project):
        raise PermissionDenied(NOT_YOUR_PROJECT)
    if project.status not in MATCHABLE_STATUSES:
        raise Conflict(NOT_MATCHABLE)
    return graph_matching.rank(
        graph_driver(),
        graph_database(),
        match_request_for(project),
        weights,
    )


def project_history(project: Project) -> QuerySet[Any]:
    return project.history.select_related("by").order_by("id")


def weights_latest() -> MatchingWeights | None:
    """The weights row in force (None until the secretariat first sets weights)."""
    return MatchingWeights.objects.order_by("-id").first()


def weights_values(row: MatchingWeights | None) -> dict[str, float]:
    if row is None:
        return dict(DEFAULT_WEIGHT_VALUES)
    return {name: float(getattr(row, name)) for name in DEFAULT_WEIGHT_VALUES}


def weights_current() -> dict[str, float]:
    return weights_values(weights_latest())


def weights_history() -> QuerySet[MatchingWeights]:
    return MatchingWeights.objects.select_related("set_by").order_by("-id")


def latest_run(project: Project) -> MatchRun | None:
    return project.runs.order_by("-id").first()


def match_rows_for_user(user: Any, project: Project) -> tuple[MatchRun | None, list[MatchResult]]:
    """The latest run's rows this user may see: all for the owner and the secretariat, only
    their own park's row for a candidate park, none for anybody else."""
    run = latest_run(project)
    if run is None:
        return None, []
    rows = run.results.select_related("park").order_by("rank")
    if user_owns_project(user, project):
        return run, list(rows)
    if _is_park_staff(user):
        return run, list(rows.filter(park_id=user.park_id))
    return run, []


NOT_A_CANDIDATE = Bilingual(
    zh="该园区不在此项目的匹配结果中。", en="That park is not among this project's matches."
)
NOT_YOUR_PARK = Bilingual(zh="您只能代表本园区表态。", en="You can only answer for your own park.")


# Who may act on a match, a lead or a figure. The views ask first (someone refused gets 403
# whatever body they sent); the services ask again under their locks.


def feedback_side_for(user: Any, project: Project, park_id: int) -> str:
    """The side this user answers a candidate's match for: the posting park (or the
    secretariat) about any candidate, a candidate park for itself; 403 for anybody else."""
    require_writer(user)
    if user_owns_project(user, project):
        return FeedbackSide.OWNER
    if _is_park_staff(user) and user.park_id == park_id:
        return FeedbackSide.CANDIDATE
    raise PermissionDenied(NOT_YOUR_PARK)


def require_lead_sender(user: Any, project: Project) -> int:
    """Staff of the posting park or of a park matched for the project pass its lead on;
    returns their park."""
    require_writer(user)
    if not _is_park_staff(user):
        raise PermissionDenied(NOT_YOUR_PARK)
    if (
        user.park_id != project.park_id
        and not project.results.filter(park_id=user.park_id).exists()
    ):
        raise PermissionDenied(NOT_A_CANDIDATE)
    return int(user.park_id)


def require_handoff_receiver(user: Any, handoff: LeadHandoff) -> None:
    """Only staff of the park a lead was passed to answer it."""
    require_writer(user)
    if not (_is_park_staff(user) and user.park_id == handoff.to_park_id):
        raise PermissionDenied(NOT_YOUR_PARK)


def require_figure_reporter(user: Any, project: Project) -> None:
    """The posting park, the receiving (partner) park or the secretariat report figures."""
    require_writer(user)
    if user_owns_project(user, project):
        return
    if _is_park_staff(user) and user.park_id == project.partner_park_id:
        return
    raise PermissionDenied()


def require_match_rows_reader(user: Any) -> None:
    """Match rows across projects: park staff (their own park's) and the secretariat; 403 for
    everybody else, before any query parameter is read."""
    require_reader(user)
    if not (user_is_curator(user) or _is_park_staff(user)):
        raise PermissionDenied(MATCHES_FOR_PARKS)


def latest_match_rows_for_user(user: Any, *, park_id: int | None = None) -> QuerySet[MatchResult]:
    """The rows of each project's latest run this user may see, newest run first (then rank).

    Park staff: their own park's row of each project visible to them (project_list_for_user),
    so at most one row per project; the secretariat and administrators: every candidate's row,
    or one park's with `park_id` (for park staff `park_id` narrows further, to nothing when it
    names another park). Rows of older runs never appear. Each row carries the project with
    its posting park, the run's time (`run_created_at`) and the candidate park's own answer
    (`candidate_feedback`: {response, reason} or None), all in one query: the factor
    breakdowns (large JSON) are not loaded.
    """
    require_match_rows_reader(user)
    # The newest run of each project by one grouped pass over the runs, then a semi-join,
    # rather than a lookup per row (portable: SQLite serves `make run`).
    latest_runs = MatchRun.objects.values("project_id").annotate(latest=Max("id")).values("latest")
    rows = MatchResult.objects.filter(run_id__in=latest_runs)
    if not user_is_curator(user):
        rows = rows.filter(
            park_id=user.park_id, project_id__in=project_list_for_user(user).values("pk")
        )
    if park_id is not None:
        rows = rows.filter(park_id=park_id)
    candidate_answer = MatchFeedback.objects.filter(
        project_id=OuterRef("project_id"), park_id=OuterRef("park_id"), side=FeedbackSide.CANDIDATE
    ).values(answer=JSONObject(response="response", reason="reason"))[:1]
    return (
        rows.select_related("park", "project__park")
        .only(
            "rank",
            "score",
            "run_id",
            "park__name",
            "project__title",
            "project__status",
            "project__park__name",
        )
        .annotate(
            run_created_at=F("run__created_at"),
            candidate_feedback=Subquery(candidate_answer, output_field=JSONField()),
        )
        .order_by("-run_created_at", "-run_id", "rank", "id")
    )


def feedback_for(project: Project) -> dict[tuple[int, str], MatchFeedback]:
    return {(f.park_id, f.side): f for f in project.feedback.all()}


@dataclass(frozen=True)
class RankBucket:
    ranks: str
    answered: int
    interested: int
    rate: float | None


RANK_BUCKETS = ((1, 1), (2, 2), (3, 3), (4, 5), (6, 10), (11, 10_000))


def acceptance_by_rank() -> list[RankBucket]:
    """Of the candidate parks' answers, how many were interest, by the rank they had."""
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for rank, response in MatchFeedback.objects.filter(
        side=FeedbackSide.CANDIDATE, rank__isnull=False
    ).values_list("rank", "response"):
        for i, (low, high) in enumerate(RANK_BUCKETS):
            if rank is not None and low <= rank <= high:
                counts[i][0] += 1
                counts[i][1] += int(response == FeedbackResponse.INTEREST)
    buckets = []
    for i, (low, high) in enumerate(RANK_BUCKETS):
        answered, interested = counts[i]
        label = str(low) if low == high else (f"{low}-{high}" if high < 10_000 else f"{low}+")
        buckets.append(
            RankBucket(label, answered, interested, interested / answered if answered else None)
        )
    return buckets


def handoffs_for_user(user: Any) -> QuerySet[LeadHandoff]:
    require_reader(user)
    rows = LeadHandoff.objects.select_related("project", "from_park", "to_park")
    if user_is_curator(user):
        return rows
    if _is_park_staff(user):
        return rows.filter(Q(from_park_id=user.park_id) | Q(to_park_id=user.park_id))
    return rows.none()


def pending_handoff(handoff_id: int) -> LeadHandoff:
    handoff = LeadHandoff.objects.select_related("project", "to_park").filter(pk=handoff_id).first()
    if handoff is None:
        raise NotFound()
    return handoff


def agreements_of(project: Project) -> QuerySet[BenefitAgreement]:
    return project.agreements.prefetch_related("shares").order_by("-version")


def access_agreement_for_user(user: Any, agreement_id: int) -> BenefitAgreement:
    agreement = BenefitAgreement.objects.select_related("project").filter(pk=agreement_id).first()
    if agreement is None:
        raise NotFound()
    if not (
        user_is_curator(user)
        or (
            _is_park_staff(user)
            and user.park_id in (agreement.transferring_park_id, agreement.receiving_park_id)
        )
    ):
        raise NotFound()
    return agreement


def agreement_in_force(project_id: int, year: int) -> BenefitAgreement | None:
    """The newest version both parks confirmed whose years include `year`."""
    return (
        BenefitAgreement.objects.filter(
            project_id=project_id,
            transferring_confirmed_at__isnull=False,
            receiving_confirmed_at__isnull=False,
            year_from__lte=year,
            year_to__gte=year,
        )
        .order_by("-version")
        .first()
    )


@dataclass(frozen=True)
class SplitLine:
    project_id: int
    project_title: str
    year: int
    indicator: str
    amount_wan: Decimal
    park_id: int
    park_name: str
    percent: Decimal
    attributed_wan: Decimal
    agreement_version: int | None


def split_report(*, year: int | None = None, park_id: int | None = None) -> list[SplitLine]:
    """Each reported figure of a landed project divided between the parks (split.py rules).

    With a confirmed agreement in force for the year, its shares apply; without one, or for an
    indicator the agreement does not list, the whole figure is the receiving park's (where
    the project landed), or the posting park's when no receiving park is set.
    """
    figures = (
        ProjectFigure.objects.select_related("project__park", "project__partner_park")
        .filter(project__status=ProjectStatus.LANDED)
        .order_by("project_id", "year", "indicator")
    )
    if year is not None:
        figures = figures.filter(year=year)
    lines: list[SplitLine] = []
    agreements: dict[tuple[int, int], BenefitAgreement | None] = {}
    for figure in figures:
        project = figure.project
        key = (project.pk, figure.year)
        if key not in agreements:
            agreements[key] = agreement_in_force(project.pk, figure.year)
        agreement = agreements[key]
        share: AgreementShare | None = None
        if agreement is not None:
            share = next(
                (s for s in agreement.shares.all() if s.indicator == figure.indicator), None
            )
        if agreement is not None and share is not None:
            parks = [agreement.transferring_park, agreement.receiving_park]
            percents = [share.transferring_percent, share.receiving_percent]
        else:
            parks = [project.partner_park or project.park]
            percents = [Decimal(100)]
        parts = split_amount(figure.amount_wan, percents)
        for park, percent, part in zip(parks, percents, parts, strict=True):
            if park_id is not None and park.pk != park_id:
                continue
            lines.append(
                SplitLine(
                    project.pk,
                    project.title,
                    figure.year,
                    figure.indicator,
                    figure.amount_wan,
                    park.pk,
                    park.name,
                    percent,
                    part,
                    agreement.version if agreement is not None and share is not None else None,
                )
            )
    return lines


def split_totals(lines: list[SplitLine]) -> list[dict[str, Any]]:
    """Attributed totals per park, indicator and year."""
    totals: dict[tuple[int, str, int, str], Decimal] = defaultdict(Decimal)
    for line in lines:
        totals[(line.park_id, line.park_name, line.year, line.indicator)] += line.attributed_wan
    return [
        {"park_id": k[0], "park_name": k[1], "year": k[2], "indicator": k[3], "attributed_wan": v}
        for k, v in sorted(totals.items())
    ]


def handoff_pending_exists(project: Project, to_park_id: int) -> bool:
    return project.handoffs.filter(to_park_id=to_park_id, status=HandoffStatus.PENDING).exists()
