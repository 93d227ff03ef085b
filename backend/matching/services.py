"""Writes of the matching app: projects and their workflow, match runs, feedback, hand-offs,
benefit-sharing agreements and reported figures. One transaction each; notifications are
written inside it (backend.notifications.services.notify) and pushed after commit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from backend.accounts.access import require_curator, require_writer, user_is_curator
from backend.accounts.models import Role
from backend.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from backend.core.graph import graph_database, graph_driver
from backend.core.lib.bilingual import Bilingual
from backend.matching.models import (
    DEFAULT_WEIGHT_VALUES,
    TRANSITIONS,
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
    ProjectStatusChange,
    Visibility,
)
from backend.matching.selectors import (
    MATCHABLE_STATUSES,
    NOT_A_CANDIDATE,
    NOT_MATCHABLE,
    feedback_side_for,
    match_request_for,
    require_figure_reporter,
    require_handoff_receiver,
    require_lead_sender,
    user_owns_project,
    weights_current,
    weights_latest,
    weights_values,
)
from backend.network.models import Industry, Organisation, Park, Relation, RelationKind
from backend.notifications.kinds import NotificationKind
from backend.notifications.selectors import park_recipient_ids, park_recipient_ids_by_park
from backend.notifications.services import message, notify, notify_all
from graph import matching as graph_matching

HUNDRED = Decimal(100)
STRONG_MATCH_SCORE = Decimal(str(getattr(settings, "MATCHING_NOTIFY_SCORE", 60)))
EDITABLE_STATUSES = frozenset({ProjectStatus.DRAFT, ProjectStatus.OPEN})
BAD_STATUS_JUMP = Bilingual(
    zh="项目状态不能从“{old}”直接变为“{new}”（须按 草稿→招商中→洽谈中→已签约→已落地 逐步推进）。",
    en="A project cannot go from {old} to {new}; it moves draft → open → negotiating → signed → "
    "landed, one step at a time.",
)
NOT_EDITABLE = Bilingual(
    zh="项目进入洽谈后不能再修改基本信息。",
    en="A project cannot be edited once negotiations have started.",
)
SELF_MATCH = Bilingual(zh="园区不能与自己匹配。", en="A park cannot be matched with itself.")
NEGATIVE = Bilingual(zh="金额和面积不能为负数。", en="Amounts and areas cannot be negative.")
NOT_PARTNERS = Bilingual(
    zh="线索只能转给伙伴园区或飞地关联园区。",
    en="A lead can only be passed to a partner or enclave-linked park.",
)
HANDOFF_ANSWERED = Bilingual(zh="该转交已答复过。", en="This hand-off was already answered.")
SHARES_NOT_100 = Bilingual(
    zh="指标“{indicator}”的分成比例之和须恰好为 100（现为 {total}）。",
    en="The shares of {indicator} must add up to exactly 100 (they add up to {total}).",
)
DUPLICATE_INDICATOR = Bilingual(
    zh="每项指标只能出现一次。", en="Each indicator may appear only once."
)
NO_SHARES = Bilingual(
    zh="请至少填写一项指标的分成。", en="Give the shares of at least one indicator."
)
BAD_YEARS = Bilingual(
    zh="起始年份不能晚于截止年份。", en="The first year cannot be after the last."
)
AGREEMENT_CONFIRMED = Bilingual(
    zh="协议已由双方确认，不能再修改；请新建一个版本。",
    en="The agreement is confirmed by both parks and cannot change; create a new version.",
)
ALREADY_CONFIRMED = Bilingual(
    zh="贵园区已确认过此协议。", en="Your park has already confirmed this agreement."
)
NOT_A_PARTY = Bilingual(
    zh="只有协议双方园区可以确认。", en="Only the two parks of the agreement may confirm it."
)
NOT_LANDED = Bilingual(
    zh="只有已落地项目可以填报经济指标。", en="Figures can only be reported for landed projects."
)
SAME_PARKS = Bilingual(
    zh="转出园区和承接园区不能相同。", en="The transferring and receiving parks must differ."
)


def _record(project: Project, old: str, new: str, user: Any, note: str = "") -> None:
    ProjectStatusChange.objects.create(
        project=project, from_status=old, to_status=new, by=user, note=note[:300]
    )


def _check_amounts(values: Mapping[str, Any]) -> None:
    for name in ("investment_wan", "land_mu", "space_m2", "annual_output_wan", "annual_tax_wan"):
        value = values.get(name)
        if value is not None and Decimal(value) < 0:
            raise ValidationFailed(NEGATIVE, detail={name: [NEGATIVE.resolve()]})


def _rematch_on_commit(project: Project, trigger: str) -> None:
    from backend.matching.tasks import rematch_project

    transaction.on_commit(lambda: rematch_project.delay(project.pk, trigger))


@transaction.atomic
def project_create(
    *,
    user: Any,
    park: Park,
    title: str,
    industry: Industry,
    positioning: str,
    description: str = "",
    chain_segment: str = "midstream",
    investment_wan: Decimal = Decimal(0),
    land_mu: Decimal = Decimal(0),
    space_m2: Decimal = Decimal(0),
    annual_output_wan: Decimal = Decimal(0),
    annual_tax_wan: Decimal = Decimal(0),
    visibility: str = Visibility.ALLIANCE,
    visible_to: Iterable[Park] = (),
    needed_organisations: Iterable[Organisation] = (),
) -> Project:
    """A park posts a project (as a draft). Park staff post for their own park only."""
    require_writer(user)
    if not (user_is_curator(user) or (user.role == Role.PARK_STAFF and user.park_id == park.pk)):
        raise PermissionDenied(
            Bilingual(zh="只能以本园区名义发布项目。", en="You can only post for your own park.")
        )
    values = {
        "investment_wan": investment_wan,
        "land_mu": land_mu,
        "space_m2": space_m2,
        "annual_output_wan": annual_output_wan,
        "annual_tax_wan": annual_tax_wan,
    }
    _check_amounts(values)
    chosen = list(visible_to)
    if any(p.pk == park.pk for p in chosen):
        raise ValidationFailed(SELF_MATCH, detail={"visible_to": [SELF_MATCH.resolve()]})
    project = Project.objects.create(
        park=park,
        title=title,
        description=description,
        industry=industry,
        chain_segment=chain_segment,
        positioning=positioning,
        visibility=visibility,
        created_by=user,
        **values,
    )
    project.visible_to.set(chosen)
    project.needed_organisations.set(list(needed_organisations))
    _record(project, "", ProjectStatus.DRAFT, user)
    return project


@transaction.atomic
def project_update(*, user: Any, project: Project, **changes: Any) -> Project:
    """Edit a draft or open project (owner or secretariat); an open project is re-matched."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if not user_owns_project(user, project):
        raise PermissionDenied()
    if project.status not in EDITABLE_STATUSES:
        raise Conflict(NOT_EDITABLE)
    _check_amounts(changes)
    visible_to = changes.pop("visible_to", None)
    needed = changes.pop("needed_organisations", None)
    for name, value in changes.items():
        setattr(project, name, value)
    project.save()
    if visible_to is not None:
        if any(p.pk == project.park_id for p in visible_to):
            raise ValidationFailed(SELF_MATCH, detail={"visible_to": [SELF_MATCH.resolve()]})
        project.visible_to.set(visible_to)
    if needed is not None:
        project.needed_organisations.set(needed)
    if project.status == ProjectStatus.OPEN:
        _rematch_on_commit(project, "project_changed")
    return project


@transaction.atomic
def project_transition(*, user: Any, project: Project, to_status: str, note: str = "") -> Project:
    """Move a project one step along its workflow, recording who and when."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if not user_owns_project(user, project):
        raise PermissionDenied()
    return _transition(project, to_status, user, note)


def _transition(project: Project, to_status: str, user: Any, note: str = "") -> Project:
    old = project.status
    if to_status not in TRANSITIONS.get(old, frozenset()):
        raise Conflict(BAD_STATUS_JUMP.format(old=old, new=to_status), detail={"status": old})
    project.status = to_status
    if to_status == ProjectStatus.OPEN and old == ProjectStatus.NEGOTIATING:
        project.partner_park = None
    project.save(update_fields=["status", "partner_park", "updated_at"])
    _record(project, old, to_status, user, note)
    if to_status == ProjectStatus.OPEN:
        _rematch_on_commit(project, "project_opened")
    return project


@transaction.atomic
def weights_set(*, user: Any, values: Mapping[str, float], note: str = "") -> MatchingWeights:
    """The secretariat sets the factor weights; a new row keeps the history, and every open
    project is re-ranked under them in the background (parks hear of new strong matches)."""
    from backend.matching.tasks import rematch_open_projects

    require_curator(user)
    merged = {**DEFAULT_WEIGHT_VALUES, **weights_current(), **values}
    if any(float(v) < 0 for v in merged.values()):
        raise ValidationFailed(Bilingual(zh="权重不能为负数。", en="Weights cannot be negative."))
    row = MatchingWeights.objects.create(
        set_by=user, note=note[:300], **{k: float(merged[k]) for k in DEFAULT_WEIGHT_VALUES}
    )
    # robust: the weights are set even if the broker cannot take the task right now.
    transaction.on_commit(lambda: rematch_open_projects.delay("weights_changed"), robust=True)
    return row


def project_match(*, project: Project, trigger: str = "manual") -> MatchRun:
    """Rank the candidates in Neo4j (outside the transaction), then store the run and notify
    both parks of each strong match that is new (a park above the threshold for the first
    time for this project)."""
    if project.status not in MATCHABLE_STATUSES:
        raise Conflict(NOT_MATCHABLE)
    stored_weights = weights_latest()
    weights = weights_values(stored_weights)
    outcome = graph_matching.rank(
        graph_driver(), graph_database(), match_request_for(project), weights
    )
    run = _store_run(project, outcome, weights, trigger, stored_weights=stored_weights)
    # The answer names the parks (a background re-match answers nobody, so reads no names).
    rows = run.fresh_results or []
    parks = Park.objects.only("id", "name").in_bulk([r.park_id for r in rows])
    for row in rows:
        row.park = parks[row.park_id]
    return run


def projects_rematch(*, project_ids: Sequence[int], trigger: str = "task") -> int:
    """Re-rank the projects still matchable among these, reading the graph once per industry
    (graph_matching.rank_many); each run is stored as project_match would. Returns the count."""
    projects = list(
        Project.objects.filter(pk__in=list(project_ids), status__in=MATCHABLE_STATUSES)
        .prefetch_related("visible_to", "needed_organisations")
        .order_by("industry_id", "pk")
    )
    if not projects:
        return 0
    stored_weights = weights_latest()
    weights = weights_values(stored_weights)
    outcomes = graph_matching.rank_many(
        graph_driver(), graph_database(), [match_request_for(p) for p in projects], weights
    )
    staff = _ParkStaff()  # read once for the whole chunk, not per project and candidate
    for project, outcome in zip(projects, outcomes, strict=True):
        _store_run(project, outcome, weights, trigger, stored_weights=stored_weights, staff=staff)
    return len(projects)


class _ParkStaff(dict[int, list[int]]):
    """Recipients per park, read at most once per re-match chunk (`load` reads many parks in
    one query)."""

    def load(self, park_ids: Iterable[int]) -> None:
        missing = set(park_ids) - self.keys()
        if missing:
            self.update(park_recipient_ids_by_park(park_ids=missing))

    def __missing__(self, park_id: int) -> list[int]:
        self.load([park_id])
        return self[park_id]


@transaction.atomic
def _store_run(
    project: Project,
    outcome: graph_matching.MatchOutcome,
    weights: Mapping[str, float],
    trigger: str,
    *,
    stored_weights: MatchingWeights | None,
    staff: _ParkStaff | None = None,
) -> MatchRun:
    staff = _ParkStaff() if staff is None else staff
    project = Project.objects.select_for_update().get(pk=project.pk)
    before = set(
        MatchResult.objects.filter(project=project, score__gte=STRONG_MATCH_SCORE).values_list(
            "park_id", flat=True
        )
    )
    run = MatchRun.objects.create(
        project=project,
        weights=stored_weights,
        weights_used=dict(weights),
        trigger=trigger[:32],
        excluded=[asdict(e) for e in outcome.excluded],
        candidate_count=len(outcome.candidates),
    )
    results = MatchResult.objects.bulk_create(
        MatchResult(
            run=run,
            project=project,
            park_id=graph_matching.park_number(c.park_uid),
            rank=c.rank,
            score=Decimal(str(c.score)),
            factors=[f.as_json() for f in c.factors],
            supporting=c.supporting_uids,
        )
        for c in outcome.candidates
    )
    run.fresh_results = sorted(results, key=lambda r: r.rank)
    new_strong = [r for r in results if r.score >= STRONG_MATCH_SCORE and r.park_id not in before]
    if not new_strong:
        return run
    staff.load([project.park_id, *(r.park_id for r in new_strong)])
    notify_all(
        [
            message(
                recipients=[*staff[project.park_id], *staff[result.park_id]],
                kind=NotificationKind.MATCH_CREATED,
                title=Bilingual(
                    zh=f"联合招商新匹配：{project.title}（{result.score} 分）",
                    en=f"New joint-investment match: {project.title} (score {result.score})",
                ),
                link=f"/matching/projects/{project.pk}",
                key=f"match:{project.pk}:{result.park_id}",
            )
            for result in new_strong
        ]
    )
    return run


@transaction.atomic
def feedback_give(
    *, user: Any, project: Project, park: Park, response: str, reason: str = ""
) -> MatchFeedback:
    """A side answers a match. The candidate park answers for itself; the posting park answers
    about a candidate. Both interested: the project moves to negotiating with that park."""
    require_writer(user)
    project = Project.objects.select_for_update().get(pk=project.pk)
    if park.pk == project.park_id:
        raise ValidationFailed(SELF_MATCH)
    result = MatchResult.objects.filter(project=project, park=park).order_by("-run_id").first()
    if result is None:
        raise NotFound(NOT_A_CANDIDATE)
    side = feedback_side_for(user, project, park.pk)
    if response == FeedbackResponse.DECLINE and not reason.strip():
        raise ValidationFailed(
            Bilingual(zh="婉拒时请说明原因。", en="Give a reason when declining."),
            detail={"reason": ["required"]},
        )
    feedback, _ = MatchFeedback.objects.update_or_create(
        project=project,
        park=park,
        side=side,
        defaults={"response": response, "reason": reason[:300], "rank": result.rank, "by": user},
    )
    other = FeedbackSide.CANDIDATE if side == FeedbackSide.OWNER else FeedbackSide.OWNER
    other_interested = MatchFeedback.objects.filter(
        project=project, park=park, side=other, response=FeedbackResponse.INTEREST
    ).exists()
    recipients = [
        *park_recipient_ids(park_id=project.park_id),
        *park_recipient_ids(park_id=park.pk),
    ]
    if (
        response == FeedbackResponse.INTEREST
        and other_interested
        and project.status == ProjectStatus.OPEN
    ):
        project.partner_park = park
        project.save(update_fields=["partner_park", "updated_at"])
        _transition(
            project, ProjectStatus.NEGOTIATING, user, f"mutual interest with park {park.pk}"
        )
        # The two parks talk in a docking thread (backend.docking), opened here once.
        from backend.docking.services import thread_open_for_project

        thread_open_for_project(project=project, park_a_id=project.park_id, park_b_id=park.pk)
        notify(
            recipients=recipients,
            kind=NotificationKind.MATCH_NEGOTIATING,
            title=Bilingual(
                zh=f"双方均有意向，项目进入洽谈：{project.title}",
                en=f"Both parks are interested; negotiating: {project.title}",
            ),
            link=f"/matching/projects/{project.pk}",
        )
    return feedback


def _parks_tied(a: int, b: int) -> bool:
    return Relation.objects.filter(
        kind__in=[RelationKind.PARTNER_OF, RelationKind.ENCLAVE_OF],
        source_park_id__in=[a, b],
        target_park_id__in=[a, b],
    ).exists()


@transaction.atomic
def handoff_create(*, user: Any, project: Project, to_park: Park, note: str = "") -> LeadHandoff:
    """A park passes a lead (its own project, or one it was matched for) to a partner park."""
    from_park_id = require_lead_sender(user, project)
    if to_park.pk in (from_park_id, project.park_id):
        raise ValidationFailed(SELF_MATCH)
    if not _parks_tied(from_park_id, to_park.pk):
        raise ValidationFailed(NOT_PARTNERS)
    if project.handoffs.filter(to_park=to_park, status=HandoffStatus.PENDING).exists():
        raise Conflict()
    handoff = LeadHandoff.objects.create(
        project=project,
        from_park_id=from_park_id,
        to_park=to_park,
        note=note[:300],
        created_by=user,
    )
    notify(
        recipients=park_recipient_ids(park_id=to_park.pk),
        kind=NotificationKind.LEAD_HANDOFF,
        title=Bilingual(
            zh=f"伙伴园区向您转交招商线索：{project.title}",
            en=f"A partner park passed you a lead: {project.title}",
        ),
        link=f"/matching/projects/{project.pk}",
    )
    return handoff


@transaction.atomic
def handoff_answer(*, user: Any, handoff: LeadHandoff, accept: bool) -> LeadHandoff:
    """The receiving park accepts (it then sees the project) or refuses; once only."""
    require_writer(user)
    handoff = LeadHandoff.objects.select_for_update().get(pk=handoff.pk)
    require_handoff_receiver(user, handoff)
    if handoff.status != HandoffStatus.PENDING:
        raise Conflict(HANDOFF_ANSWERED)
    handoff.status = HandoffStatus.ACCEPTED if accept else HandoffStatus.REFUSED
    handoff.answered_at = timezone.now()
    handoff.save(update_fields=["status", "answered_at"])
    if accept:
        handoff.project.visible_to.add(handoff.to_park)
    notify(
        recipients=park_recipient_ids(park_id=handoff.from_park_id),
        kind=NotificationKind.LEAD_HANDOFF,
        title=Bilingual(
            zh=f"线索转交已{'接收' if accept else '拒绝'}：{handoff.project.title}",
            en=f"Lead hand-off {'accepted' if accept else 'refused'}: {handoff.project.title}",
        ),
        link=f"/matching/projects/{handoff.project_id}",
    )
    return handoff


def _valid_shares(shares: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    if not shares:
        raise ValidationFailed(NO_SHARES, detail={"shares": [NO_SHARES.resolve()]})
    seen: set[str] = set()
    clean = []
    for share in shares:
        indicator = str(share["indicator"])
        if indicator in seen:
            raise ValidationFailed(DUPLICATE_INDICATOR)
        seen.add(indicator)
        t, r = Decimal(share["transferring_percent"]), Decimal(share["receiving_percent"])
        if t < 0 or r < 0:
            raise ValidationFailed(NEGATIVE, detail={"shares": [NEGATIVE.resolve()]})
        if t + r != HUNDRED:
            message = SHARES_NOT_100.format(indicator=indicator, total=t + r)
            raise ValidationFailed(message, detail={"shares": [message.resolve()]})
        clean.append({"indicator": indicator, "transferring_percent": t, "receiving_percent": r})
    return clean


@transaction.atomic
def agreement_create(
    *,
    user: Any,
    project: Project,
    receiving_park: Park | None,
    year_from: int,
    year_to: int,
    shares: Sequence[Mapping[str, Any]],
) -> BenefitAgreement:
    """A new version of the project's benefit-sharing agreement (the posting park transfers).

    Written by the posting park, the receiving park or the secretariat."""
    require_writer(user)
    project = Project.objects.select_for_update().get(pk=project.pk)
    receiving = receiving_park or project.partner_park
    if receiving is None:
        raise ValidationFailed(
            Bilingual(zh="请指定承接园区。", en="Name the receiving park."),
            detail={"receiving_park": ["required"]},
        )
    if receiving.pk == project.park_id:
        raise ValidationFailed(SAME_PARKS)
    if not (
        user_owns_project(user, project)
        or (user.role == Role.PARK_STAFF and user.park_id == receiving.pk)
    ):
        raise PermissionDenied()
    if year_from > year_to:
        raise ValidationFailed(BAD_YEARS)
    clean = _valid_shares(shares)
    version = (project.agreements.aggregate(v=Max("version"))["v"] or 0) + 1
    agreement = BenefitAgreement.objects.create(
        project=project,
        version=version,
        transferring_park_id=project.park_id,
        receiving_park=receiving,
        year_from=year_from,
        year_to=year_to,
        created_by=user,
    )
    AgreementShare.objects.bulk_create(AgreementShare(agreement=agreement, **s) for s in clean)
    return agreement


def _party(user: Any, agreement: BenefitAgreement) -> str | None:
    if user.role != Role.PARK_STAFF:
        return None
    if user.park_id == agreement.transferring_park_id:
        return "transferring"
    if user.park_id == agreement.receiving_park_id:
        return "receiving"
    return None


@transaction.atomic
def agreement_update(
    *,
    user: Any,
    agreement: BenefitAgreement,
    year_from: int | None = None,
    year_to: int | None = None,
    shares: Sequence[Mapping[str, Any]] | None = None,
) -> BenefitAgreement:
    """Change an unconfirmed version (either party or the secretariat); any earlier single
    confirmation is withdrawn, since it confirmed other terms. Confirmed: 409."""
    require_writer(user)
    agreement = BenefitAgreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.confirmed:
        raise Conflict(AGREEMENT_CONFIRMED)
    if not (user_is_curator(user) or _party(user, agreement)):
        raise PermissionDenied(NOT_A_PARTY)
    agreement.year_from = year_from if year_from is not None else agreement.year_from
    agreement.year_to = year_to if year_to is not None else agreement.year_to
    if agreement.year_from > agreement.year_to:
        raise ValidationFailed(BAD_YEARS)
    if shares is not None:
        clean = _valid_shares(shares)
        agreement.shares.all().delete()
        AgreementShare.objects.bulk_create(AgreementShare(agreement=agreement, **s) for s in clean)
    agreement.transferring_confirmed_at = agreement.receiving_confirmed_at = None
    agreement.transferring_confirmed_by = agreement.receiving_confirmed_by = None
    agreement.save()
    return agreement


@transaction.atomic
def agreement_confirm(*, user: Any, agreement: BenefitAgreement) -> BenefitAgreement:
    """One party confirms; twice by the same party, or after both did: 409."""
    require_writer(user)
    agreement = BenefitAgreement.objects.select_for_update().get(pk=agreement.pk)
    party = _party(user, agreement)
    if party is None:
        raise PermissionDenied(NOT_A_PARTY)
    if agreement.confirmed:
        raise Conflict(AGREEMENT_CONFIRMED)
    if getattr(agreement, f"{party}_confirmed_at") is not None:
        raise Conflict(ALREADY_CONFIRMED)
    setattr(agreement, f"{party}_confirmed_at", timezone.now())
    setattr(agreement, f"{party}_confirmed_by", user)
    agreement.save()
    other = (
        agreement.receiving_park_id if party == "transferring" else agreement.transferring_park_id
    )
    notify(
        recipients=park_recipient_ids(park_id=other),
        kind=NotificationKind.AGREEMENT_CONFIRMED,
        title=Bilingual(
            zh=f"利益分享协议（第 {agreement.version} 版）对方已确认",
            en=f"The other park confirmed benefit-sharing agreement v{agreement.version}",
        ),
        link=f"/matching/projects/{agreement.project_id}",
    )
    return agreement


@transaction.atomic
def figure_report(
    *, user: Any, project: Project, year: int, indicator: str, amount_wan: Decimal
) -> ProjectFigure:
    """Report (or correct) a landed project's figure: the posting or receiving park, or the
    secretariat."""
    require_figure_reporter(user, project)
    if project.status != ProjectStatus.LANDED:
        raise Conflict(NOT_LANDED)
    if amount_wan < 0:
        raise ValidationFailed(NEGATIVE, detail={"amount_wan": [NEGATIVE.resolve()]})
    figure, _ = ProjectFigure.objects.update_or_create(
        project=project,
        year=year,
        indicator=indicator,
        defaults={"amount_wan": amount_wan, "reported_by": user},
    )
    return figure
