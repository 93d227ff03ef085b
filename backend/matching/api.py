"""Joint-investment matching API (/api/matching/).

Who may read / write (rules in selectors.py):
- projects: list/read for every role, filtered by visibility; confidential fields only for
  park staff and the secretariat. Create: park staff for their own park, the secretariat.
  Edit and status changes: the posting park's staff and the secretariat.
- matches: the posting park and the secretariat read every row; a candidate park its own row.
  Running a match: the posting park or the secretariat. Feedback: the posting park (about a
  candidate) and the candidate park (for itself). Across projects (/matches): park staff their
  own park's rows, the secretariat every row; researchers and organisation users none (403).
- weights: everyone reads; the secretariat writes. Acceptance by rank: the secretariat.
- hand-offs: park staff pass leads to partner parks; the receiving park answers.
- agreements: the two parks and the secretariat read and write; only the parks confirm.
- figures and the split report: the parks of a project and the secretariat report; the report
  is the secretariat's (everything) or a park's (its own lines).

Every write checks who may make it before it reads the body: someone refused gets 403 (or 404)
whatever they sent, never a 400 that tells them the object exists and which fields it wants. The
services check again, under their locks, with the same rules (selectors.py).
"""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal
from io import BytesIO
from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.access import (
    require_curator,
    require_reader,
    require_writer,
    user_is_curator,
)
from backend.accounts.models import Role
from backend.accounts.permissions import IsSignedIn
from backend.core.errors import NotFound, PermissionDenied, ValidationFailed
from backend.core.lib.bilingual import Bilingual
from backend.matching import selectors, services
from backend.matching.models import (
    ChainSegment,
    FeedbackResponse,
    Indicator,
    MatchRun,
    Positioning,
    Project,
    ProjectStatus,
    Visibility,
)
from backend.network.api.common import Pagination, Ref, paginated, query_int
from backend.network.demo.targets import POLICY_TARGETS_2025
from backend.network.models import Industry, Organisation, Park
from graph.matching import park_number

UNKNOWN = Bilingual(zh="找不到“{value}”。", en="There is no {value}.")
UNKNOWN_STATUS = Bilingual(
    zh="没有这个项目状态：{value}（可用 draft、open、negotiating、signed、landed、withdrawn）。",
    en="There is no project status {value} (draft, open, negotiating, signed, landed, withdrawn).",
)
# The newest projects a list answers; pickers narrow it with ?q= and ?status=.
PROJECT_LIST_LIMIT = 500


def _invalid(serializer: serializers.Serializer) -> ValidationFailed:
    return ValidationFailed(detail=serializer.errors)


def _valid(serializer_class: type[serializers.Serializer], data: Any, **kw: Any) -> dict[str, Any]:
    serializer = serializer_class(data=data, **kw)
    if not serializer.is_valid():
        raise _invalid(serializer)
    return dict(serializer.validated_data)


# A JSON array of objects; OpenApiTypes.OBJECT would say "an object".
LIST = {"type": "array", "items": {"type": "object", "additionalProperties": {}}}


class _PkField(serializers.PrimaryKeyRelatedField):
    default_error_messages = {
        "does_not_exist": "找不到编号为 {pk_value} 的对象 / no object with id {pk_value}",
        "incorrect_type": "应为编号 / expected an id",
    }


class ProjectInput(serializers.Serializer):
    park = _PkField(queryset=Park.objects.all(), required=False)
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True)
    industry = _PkField(queryset=Industry.objects.all())
    chain_segment = serializers.ChoiceField(choices=ChainSegment.choices, required=False)
    investment_wan = serializers.DecimalField(max_digits=16, decimal_places=2, required=False)
    land_mu = serializers.DecimalField(max_digits=16, decimal_places=2, required=False)
    space_m2 = serializers.DecimalField(max_digits=16, decimal_places=2, required=False)
    annual_output_wan = serializers.DecimalField(max_digits=16, decimal_places=2, required=False)
    annual_tax_wan = serializers.DecimalField(max_digits=16, decimal_places=2, required=False)
    positioning = serializers.ChoiceField(choices=Positioning.choices)
    visibility = serializers.ChoiceField(choices=Visibility.choices, required=False)
    visible_to = _PkField(queryset=Park.objects.all(), many=True, required=False)
    needed_organisations = _PkField(
        queryset=Organisation.objects.filter(kind__in=["university", "lab"]),
        many=True,
        required=False,
    )


class ProjectOutput(serializers.Serializer):
    id = serializers.IntegerField()
    park = serializers.SerializerMethodField()
    title = serializers.CharField()
    industry = serializers.SerializerMethodField()
    chain_segment = serializers.CharField()
    land_mu = serializers.DecimalField(max_digits=16, decimal_places=2)
    space_m2 = serializers.DecimalField(max_digits=16, decimal_places=2)
    positioning = serializers.CharField()
    visibility = serializers.CharField()
    status = serializers.CharField()
    partner_park = serializers.SerializerMethodField()
    needed_organisations = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    confidential = serializers.SerializerMethodField()

    def get_park(self, p: Project) -> dict[str, Any]:
        return {"id": p.park_id, "name": p.park.name}

    def get_industry(self, p: Project) -> dict[str, Any]:
        return {"id": p.industry_id, "name": p.industry.name}

    def get_partner_park(self, p: Project) -> dict[str, Any] | None:
        return {"id": p.partner_park_id, "name": p.partner_park.name} if p.partner_park else None

    def get_needed_organisations(self, p: Project) -> list[dict[str, Any]]:
        return [{"id": o.pk, "name": o.name} for o in p.needed_organisations.all()]

    def get_confidential(self, p: Project) -> dict[str, Any] | None:
        """Investment, output, tax, description and chosen parks: park staff and the
        secretariat only (null for researchers and organisation users)."""
        user = self.context["request"].user
        if not selectors.user_sees_confidential(user, p):
            return None
        return {
            "description": p.description,
            "investment_wan": str(p.investment_wan),
            "annual_output_wan": str(p.annual_output_wan),
            "annual_tax_wan": str(p.annual_tax_wan),
            "visible_to": [{"id": v.pk, "name": v.name} for v in p.visible_to.all()],
        }


def _project_out(request: Request, project: Project) -> dict[str, Any]:
    return dict(ProjectOutput(project, context={"request": request}).data)


class ProjectListApi(APIView):
    """GET: projects this user may see. POST: a park posts a project (draft)."""

    permission_classes = [IsSignedIn]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "status", str, description="one status, or several separated by commas"
            ),
            OpenApiParameter("q", str, description="words in the title"),
        ],
        responses=ProjectOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        statuses = [s for s in (request.query_params.get("status") or "").split(",") if s]
        unknown = [s for s in statuses if s not in ProjectStatus.values]
        if unknown:
            message = UNKNOWN_STATUS.format(value=unknown[0])
            raise ValidationFailed(message, detail={"status": unknown})
        title = (request.query_params.get("q") or "").strip()[:100]
        projects = selectors.project_list_for_user(
            request.user, statuses=statuses, title_contains=title
        )[:PROJECT_LIST_LIMIT]
        return Response(ProjectOutput(projects, many=True, context={"request": request}).data)

    @extend_schema(request=ProjectInput, responses={201: ProjectOutput})
    def post(self, request: Request) -> Response:
        require_writer(request.user)
        data = _valid(ProjectInput, request.data)
        user = request.user
        own_park_id = getattr(user, "park_id", None)
        park = data.pop("park", None) or (
            Park.objects.filter(pk=own_park_id).first() if own_park_id else None
        )
        if park is None:
            raise ValidationFailed(detail={"park": ["required"]})
        project = services.project_create(user=user, park=park, **data)
        return Response(_project_out(request, project), status=201)


class ProjectUpdateInput(ProjectInput):
    park = None  # type: ignore[assignment]
    title = serializers.CharField(max_length=200, required=False)
    industry = _PkField(queryset=Industry.objects.all(), required=False)
    positioning = serializers.ChoiceField(choices=Positioning.choices, required=False)


class ProjectDetailApi(APIView):
    """GET: one project (visibility rules). PATCH: the posting park or the secretariat, while
    draft or open."""

    permission_classes = [IsSignedIn]

    @extend_schema(responses=ProjectOutput)
    def get(self, request: Request, project_id: int) -> Response:
        project = selectors.access_project_for_user(request.user, project_id)
        return Response(_project_out(request, project))

    @extend_schema(request=ProjectUpdateInput, responses=ProjectOutput)
    def patch(self, request: Request, project_id: int) -> Response:
        project = selectors.access_project_for_user(request.user, project_id, for_write=True)
        data = _valid(ProjectUpdateInput, request.data, partial=True)
        project = services.project_update(user=request.user, project=project, **data)
        return Response(_project_out(request, project))


class TransitionInput(serializers.Serializer):
    status = serializers.ChoiceField(choices=ProjectStatus.choices)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class StatusChangeOutput(serializers.Serializer):
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    by = serializers.CharField(source="by.username", default="")
    at = serializers.DateTimeField()
    note = serializers.CharField()


class ProjectTransitionApi(APIView):
    """POST: move one step (draft→open→negotiating→signed→landed, or withdrawn); the posting
    park or the secretariat. A skipped step is 409."""

    permission_classes = [IsSignedIn]

    @extend_schema(request=TransitionInput, responses=ProjectOutput)
    def post(self, request: Request, project_id: int) -> Response:
        project = selectors.access_project_for_user(request.user, project_id, for_write=True)
        data = _valid(TransitionInput, request.data)
        project = services.project_transition(
            user=request.user, project=project, to_status=data["status"], note=data.get("note", "")
        )
        return Response(_project_out(request, project))


class ProjectHistoryApi(APIView):
    """GET: the status history (who and when); whoever may see the project."""

    permission_classes = [IsSignedIn]

    @extend_schema(responses=StatusChangeOutput(many=True))
    def get(self, request: Request, project_id: int) -> Response:
        project = selectors.access_project_for_user(request.user, project_id)
        return Response(StatusChangeOutput(selectors.project_history(project), many=True).data)


class MatchResultOutput(serializers.Serializer):
    park = serializers.SerializerMethodField()
    rank = serializers.IntegerField()
    score = serializers.DecimalField(max_digits=5, decimal_places=2)
    factors = serializers.JSONField()
    supporting = serializers.JSONField()
    feedback = serializers.SerializerMethodField()

    def get_park(self, r: Any) -> dict[str, Any]:
        return {"id": r.park_id, "name": r.park.name, "uid": f"park:{r.park_id}"}

    def get_feedback(self, r: Any) -> dict[str, Any]:
        answers = self.context.get("feedback", {})
        out = {}
        for side in ("owner", "candidate"):
            f = answers.get((r.park_id, side))
            out[side] = None if f is None else {"response": f.response, "reason": f.reason}
        return out


def _matches_out(
    request: Request, project: Project, fresh: MatchRun | None = None
) -> dict[str, Any]:
    """The latest run as this user may see it; `fresh`, a run just stored for its owner (or
    the secretariat), is answered from memory instead of being read back."""
    owner_view = selectors.user_owns_project(request.user, project)
    if fresh is not None and fresh.fresh_results is not None and owner_view:
        run: MatchRun | None = fresh
        rows: list[Any] = fresh.fresh_results
    else:
        run, rows = selectors.match_rows_for_user(request.user, project)
    return {
        "run": None
        if run is None
        else {
            "id": run.pk,
            "created_at": run.created_at.isoformat(),
            "trigger": run.trigger,
            "weights": run.weights_used,
            "candidate_count": run.candidate_count,
            # Excluded parks are other candidates: only the owner and the secretariat see them.
            "excluded": run.excluded if owner_view else [],
        },
        "results": MatchResultOutput(
            rows,
            many=True,
            context={"request": request, "feedback": selectors.feedback_for(project)},
        ).data,
    }


class ProjectMatchesApi(APIView):
    """GET: the latest ranked matches this user may see. POST: re-rank now (posting park or
    secretariat)."""

    permission_classes = [IsSignedIn]

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request, project_id: int) -> Response:
        project = selectors.access_project_for_user(request.user, project_id)
        if not selectors.user_sees_confidential(request.user, project):
            raise PermissionDenied()
        return Response(_matches_out(request, project))

    @extend_schema(request=None, responses=OpenApiTypes.OBJECT)
    def post(self, request: Request, project_id: int) -> Response:
        project = selectors.access_project_for_user(
            request.user, project_id, for_write=True, lean=True
        )
        run = services.project_match(project=project)
        return Response(_matches_out(request, project, fresh=run), status=201)


class WeightValues(serializers.Serializer):
    industry_fit = serializers.FloatField(min_value=0, required=False)
    chain_complementarity = serializers.FloatField(min_value=0, required=False)
    innovation_support = serializers.FloatField(min_value=0, required=False)
    capacity_fit = serializers.FloatField(min_value=0, required=False)
    positioning_fit = serializers.FloatField(min_value=0, required=False)
    network_proximity = serializers.FloatField(min_value=0, required=False)
    distance = serializers.FloatField(min_value=0, required=False)


class WeightsInput(WeightValues):
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


UNKNOWN_FACTOR = Bilingual(
    zh="没有这个匹配因子：{value}。", en="There is no matching factor called {value}."
)


def _preview_weights(query: Any) -> dict[str, float]:
    # A misspelt factor would otherwise be ignored silently and the weight in force used.
    unknown = sorted(set(query) - set(WeightValues().fields))
    if unknown:
        raise ValidationFailed(UNKNOWN_FACTOR.format(value=unknown[0]), detail={"factor": unknown})
    return _valid(WeightValues, query)


class PreviewRowOutput(serializers.Serializer):
    park = serializers.SerializerMethodField()
    rank = serializers.IntegerField()
    score = serializers.SerializerMethodField()
    factors = serializers.SerializerMethodField()
    supporting = serializers.ListField(source="supporting_uids", child=serializers.CharField())

    def get_park(self, c: Any) -> dict[str, Any]:
        return {"id": park_number(c.park_uid), "name": c.park_name, "uid": c.park_uid}

    def get_score(self, c: Any) -> str:
        return f"{c.score:.2f}"

    def get_factors(self, c: Any) -> list[dict[str, Any]]:
        return [f.as_json() for f in c.factors]


class ProjectRankingApi(APIView):
    """GET: the project ranked afresh under the weights in the query (factors not named keep
    the weights in force), stored nowhere and told to nobody: the secretariat trying weights
    before setting them, or the posting park. Same people as re-ranking (POST .../matches)."""

    permission_classes = [IsSignedIn]

    @extend_schema(parameters=[WeightValues], responses=OpenApiTypes.OBJECT)
    def get(self, request: Request, project_id: int) -> Response:
        project = selectors.access_project_for_user(
            request.user, project_id, for_write=True, lean=True
        )
        weights = {**selectors.weights_current(), **_preview_weights(request.query_params)}
        outcome = selectors.ranking_preview(user=request.user, project=project, weights=weights)
        return Response(
            {
                "weights": weights,
                "candidate_count": len(outcome.candidates),
                "excluded": [asdict(e) for e in outcome.excluded],
                "results": PreviewRowOutput(outcome.candidates, many=True).data,
            }
        )


class ParkMatchProjectOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.CharField()
    park = Ref(help_text="the posting park")


class CandidateAnswerOutput(serializers.Serializer):
    response = serializers.ChoiceField(choices=FeedbackResponse.choices)
    reason = serializers.CharField()


class ParkMatchOutput(serializers.Serializer):
    """One candidate park's row of a project's latest match run."""

    project = ParkMatchProjectOutput()
    park = Ref(help_text="the candidate park")
    rank = serializers.IntegerField()
    score = serializers.DecimalField(max_digits=5, decimal_places=2)
    run_created_at = serializers.DateTimeField()
    feedback = CandidateAnswerOutput(
        source="candidate_feedback",
        allow_null=True,
        help_text="the candidate park's own latest answer, or null",
    )


class ParkMatchListApi(APIView):
    """GET: the matches parks appear in, from each project's latest run, newest run first
    (paginated). Park staff: their own park's row of each project they may see; the secretariat
    and administrators: every row, or one park's with ?park=."""

    pagination_class = Pagination  # so that the schema shows the paginated shape
    permission_classes = [IsSignedIn]

    @extend_schema(
        parameters=[OpenApiParameter("park", int, description="only this candidate park's rows")],
        responses=ParkMatchOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        selectors.require_match_rows_reader(request.user)
        park_id = query_int(request, "park", minimum=1)
        rows = selectors.latest_match_rows_for_user(request.user, park_id=park_id)
        return paginated(request, self, rows, ParkMatchOutput)


class FeedbackInput(serializers.Serializer):
    response = serializers.ChoiceField(choices=FeedbackResponse.choices)
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True)


class FeedbackApi(APIView):
    """POST: interest or decline (with a reason) on the match of one candidate park."""

    permission_classes = [IsSignedIn]

    @extend_schema(request=FeedbackInput, responses=OpenApiTypes.OBJECT)
    def post(self, request: Request, project_id: int, park_id: int) -> Response:
        project = selectors.access_project_for_user(request.user, project_id)
        selectors.feedback_side_for(request.user, project, park_id)
        park = Park.objects.filter(pk=park_id).first()
        if park is None:
            raise NotFound()
        data = _valid(FeedbackInput, request.data)
        feedback = services.feedback_give(
            user=request.user,
            project=project,
            park=park,
            response=data["response"],
            reason=data.get("reason", ""),
        )
        project.refresh_from_db()
        return Response(
            {
                "side": feedback.side,
                "response": feedback.response,
                "reason": feedback.reason,
                "project_status": project.status,
            },
            status=201,
        )


class WeightsApi(APIView):
    """GET: weights in force and their history (every role). PUT: the secretariat."""

    permission_classes = [IsSignedIn]

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        require_reader(request.user)
        history = [
            {
                "id": w.pk,
                "set_by": w.set_by.username if w.set_by else "",
                "created_at": w.created_at.isoformat(),
                "note": w.note,
            }
            for w in selectors.weights_history()[:50]
        ]
        return Response({"current": selectors.weights_current(), "history": history})

    @extend_schema(request=WeightsInput, responses=OpenApiTypes.OBJECT)
    def put(self, request: Request) -> Response:
        require_curator(request.user)
        data = _valid(WeightsInput, request.data)
        note = data.pop("note", "")
        services.weights_set(user=request.user, values=data, note=note)
        return Response({"current": selectors.weights_current()})


class AcceptanceApi(APIView):
    """GET: acceptance rate of matches by rank (the secretariat)."""

    permission_classes = [IsSignedIn]

    @extend_schema(responses={200: LIST})
    def get(self, request: Request) -> Response:
        require_curator(request.user)
        return Response([b.__dict__ for b in selectors.acceptance_by_rank()])


class HandoffInput(serializers.Serializer):
    to_park = _PkField(queryset=Park.objects.all())
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


def _handoff_out(h: Any) -> dict[str, Any]:
    return {
        "id": h.pk,
        "project": {"id": h.project_id, "title": h.project.title},
        "from_park": {"id": h.from_park_id, "name": h.from_park.name},
        "to_park": {"id": h.to_park_id, "name": h.to_park.name},
        "note": h.note,
        "status": h.status,
        "created_at": h.created_at.isoformat(),
    }


class ProjectHandoffApi(APIView):
    """POST: pass this project's lead to a partner park (park staff of the posting or a
    candidate park)."""

    permission_classes = [IsSignedIn]

    @extend_schema(request=HandoffInput, responses=OpenApiTypes.OBJECT)
    def post(self, request: Request, project_id: int) -> Response:
        project = selectors.access_project_for_user(request.user, project_id)
        selectors.require_lead_sender(request.user, project)
        data = _valid(HandoffInput, request.data)
        handoff = services.handoff_create(
            user=request.user, project=project, to_park=data["to_park"], note=data.get("note", "")
        )
        return Response(_handoff_out(handoff), status=201)


class HandoffListApi(APIView):
    """GET: hand-offs from or to the user's park (all for the secretariat)."""

    permission_classes = [IsSignedIn]

    @extend_schema(responses={200: LIST})
    def get(self, request: Request) -> Response:
        return Response([_handoff_out(h) for h in selectors.handoffs_for_user(request.user)[:200]])


class HandoffAnswerInput(serializers.Serializer):
    accept = serializers.BooleanField()


class HandoffAnswerApi(APIView):
    """POST: the receiving park accepts or refuses a hand-off."""

    permission_classes = [IsSignedIn]

    @extend_schema(request=HandoffAnswerInput, responses=OpenApiTypes.OBJECT)
    def post(self, request: Request, handoff_id: int) -> Response:
        require_writer(request.user)
        handoff = selectors.pending_handoff(handoff_id)
        selectors.require_handoff_receiver(request.user, handoff)
        data = _valid(HandoffAnswerInput, request.data)
        handoff = services.handoff_answer(user=request.user, handoff=handoff, accept=data["accept"])
        return Response(_handoff_out(handoff))


class ShareInput(serializers.Serializer):
    indicator = serializers.ChoiceField(choices=Indicator.choices)
    transferring_percent = serializers.DecimalField(max_digits=6, decimal_places=2)
    receiving_percent = serializers.DecimalField(max_digits=6, decimal_places=2)


class AgreementInput(serializers.Serializer):
    receiving_park = _PkField(queryset=Park.objects.all(), required=False)
    year_from = serializers.IntegerField(min_value=2000, max_value=2100)
    year_to = serializers.IntegerField(min_value=2000, max_value=2100)
    shares = ShareInput(many=True)


class AgreementUpdateInput(serializers.Serializer):
    year_from = serializers.IntegerField(min_value=2000, max_value=2100, required=False)
    year_to = serializers.IntegerField(min_value=2000, max_value=2100, required=False)
    shares = ShareInput(many=True, required=False)


def _agreement_out(a: Any) -> dict[str, Any]:
    return {
        "id": a.pk,
        "project": a.project_id,
        "version": a.version,
        "transferring_park": a.transferring_park_id,
        "receiving_park": a.receiving_park_id,
        "year_from": a.year_from,
        "year_to": a.year_to,
        "transferring_confirmed_at": a.transferring_confirmed_at,
        "receiving_confirmed_at": a.receiving_confirmed_at,
        "confirmed": a.confirmed,
        "shares": [
            {
                "indicator": s.indicator,
                "transferring_percent": str(s.transferring_percent),
                "receiving_percent": str(s.receiving_percent),
            }
            for s in a.shares.all()
        ],
    }


def _require_party_of_project(user: Any, project: Project) -> None:
    """The posting park or the secretariat, the partner park, or a park that some version names
    as receiving: who reads the agreements and writes a new version."""
    if selectors.user_owns_project(user, project):
        return
    if (
        user.role == Role.PARK_STAFF
        and user.park_id
        and (
            user.park_id == project.partner_park_id
            or project.agreements.filter(receiving_park_id=user.park_id).exists()
        )
    ):
        return
    raise PermissionDenied()


class AgreementListApi(APIView):
    """GET: every version of the project's agreement. POST: a new version."""

    permission_classes = [IsSignedIn]

    @extend_schema(responses={200: LIST})
    def get(self, request: Request, project_id: int) -> Response:
        project = selectors.access_project_for_user(request.user, project_id)
        _require_party_of_project(request.user, project)
        return Response([_agreement_out(a) for a in selectors.agreements_of(project)])

    @extend_schema(request=AgreementInput, responses=OpenApiTypes.OBJECT)
    def post(self, request: Request, project_id: int) -> Response:
        project = selectors.access_project_for_user(request.user, project_id)
        require_writer(request.user)
        _require_party_of_project(request.user, project)
        data = _valid(AgreementInput, request.data)
        agreement = services.agreement_create(
            user=request.user,
            project=project,
            receiving_park=data.get("receiving_park"),
            year_from=data["year_from"],
            year_to=data["year_to"],
            shares=data["shares"],
        )
        return Response(_agreement_out(agreement), status=201)


class AgreementDetailApi(APIView):
    """GET / PATCH one version (409 once both parks confirmed)."""

    permission_classes = [IsSignedIn]

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request, agreement_id: int) -> Response:
        require_reader(request.user)
        return Response(
            _agreement_out(selectors.access_agreement_for_user(request.user, agreement_id))
        )

    @extend_schema(request=AgreementUpdateInput, responses=OpenApiTypes.OBJECT)
    def patch(self, request: Request, agreement_id: int) -> Response:
        require_reader(request.user)
        agreement = selectors.access_agreement_for_user(request.user, agreement_id)
        data = _valid(AgreementUpdateInput, request.data)
        agreement = services.agreement_update(user=request.user, agreement=agreement, **data)
        return Response(_agreement_out(agreement))


class AgreementConfirmApi(APIView):
    """POST: the calling park confirms (once)."""

    permission_classes = [IsSignedIn]

    @extend_schema(request=None, responses=OpenApiTypes.OBJECT)
    def post(self, request: Request, agreement_id: int) -> Response:
        require_reader(request.user)
        agreement = selectors.access_agreement_for_user(request.user, agreement_id)
        agreement = services.agreement_confirm(user=request.user, agreement=agreement)
        return Response(_agreement_out(agreement))


class FigureInput(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    indicator = serializers.ChoiceField(choices=Indicator.choices)
    amount_wan = serializers.DecimalField(max_digits=16, decimal_places=2)


class FigureApi(APIView):
    """POST: report a landed project's yearly figure (万元)."""

    permission_classes = [IsSignedIn]

    @extend_schema(request=FigureInput, responses=OpenApiTypes.OBJECT)
    def post(self, request: Request, project_id: int) -> Response:
        project = selectors.access_project_for_user(request.user, project_id)
        selectors.require_figure_reporter(request.user, project)
        data = _valid(FigureInput, request.data)
        figure = services.figure_report(user=request.user, project=project, **data)
        return Response(
            {
                "year": figure.year,
                "indicator": figure.indicator,
                "amount_wan": str(figure.amount_wan),
            },
            status=201,
        )


def _report_scope(request: Request) -> tuple[int | None, int | None]:
    require_reader(request.user)
    raw_year = request.query_params.get("year")
    year = int(raw_year) if raw_year and raw_year.isdigit() else None
    user: Any = request.user
    if user_is_curator(user):
        return year, None
    if user.role == Role.PARK_STAFF and user.park_id:
        return year, int(user.park_id)
    raise PermissionDenied()


def _line_out(line: selectors.SplitLine) -> dict[str, Any]:
    return {
        **line.__dict__,
        "amount_wan": str(line.amount_wan),
        "percent": str(line.percent),
        "attributed_wan": str(line.attributed_wan),
    }


# Joint-investment output counted against the policy's 2025 targets (section 三), in 亿元.
TARGET_CONTRIBUTIONS = {
    "high_tech_manufacturing_output": ("manufacturing", "output"),
    "high_tech_services_revenue": ("service", "revenue"),
}


def _alliance_view(lines: list[selectors.SplitLine]) -> list[dict[str, Any]]:
    positioning = dict(Project.objects.values_list("pk", "positioning"))
    out = []
    for target in POLICY_TARGETS_2025:
        contribution = None
        if target.code in TARGET_CONTRIBUTIONS:
            kind, indicator = TARGET_CONTRIBUTIONS[target.code]
            total = sum(
                (
                    line.attributed_wan
                    for line in lines
                    if line.indicator == indicator
                    and positioning.get(line.project_id) == kind
                    and line.year == target.year
                ),
                start=Decimal(0),
            )
            contribution = str((total / 10000).quantize(Decimal("0.0001")))
        out.append(
            {
                "code": target.code,
                "name": target.name,
                "name_en": target.name_en,
                "target": str(target.value),
                "unit": target.unit,
                "comparison": target.comparison,
                "year": target.year,
                "joint_projects_contribution": contribution,
            }
        )
    return out


class SplitReportApi(APIView):
    """GET ?year=: attributed figures per park, indicator and year (lines and totals), and the
    alliance view against the 2025 targets. Secretariat: all parks; park staff: their own."""

    permission_classes = [IsSignedIn]

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        year, park_id = _report_scope(request)
        lines = selectors.split_report(year=year, park_id=park_id)
        totals = [
            {**t, "attributed_wan": str(t["attributed_wan"])} for t in selectors.split_totals(lines)
        ]
        return Response(
            {
                "rounding": "largest remainder to 0.01 万元; ties to the transferring park",
                "lines": [_line_out(line) for line in lines],
                "totals": totals,
                "targets": _alliance_view(lines) if park_id is None else [],
            }
        )


class SplitReportExcelApi(APIView):
    """GET ?year=: the split report as an Excel workbook (same scope as the JSON report)."""

    permission_classes = [IsSignedIn]

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> HttpResponse:
        from openpyxl import Workbook

        year, park_id = _report_scope(request)
        lines = selectors.split_report(year=year, park_id=park_id)
        book = Workbook()
        sheet = book.create_sheet("分算明细 Lines", 0)
        for extra in book.sheetnames[1:]:
            del book[extra]
        sheet.title = "分算明细 Lines"
        sheet.append(
            [
                "项目 Project",
                "年度 Year",
                "指标 Indicator",
                "上报额（万元）",
                "园区 Park",
                "比例 %",
                "分算额（万元）",
                "协议版本 Version",
            ]
        )
        for line in lines:
            sheet.append(
                [
                    line.project_title,
                    line.year,
                    line.indicator,
                    line.amount_wan,
                    line.park_name,
                    line.percent,
                    line.attributed_wan,
                    line.agreement_version,
                ]
            )
        totals = book.create_sheet("园区合计 Totals")
        totals.append(["园区 Park", "年度 Year", "指标 Indicator", "分算额（万元）"])
        for t in selectors.split_totals(lines):
            totals.append([t["park_name"], t["year"], t["indicator"], t["attributed_wan"]])
        buffer = BytesIO()
        book.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="split-report.xlsx"'
        return response
