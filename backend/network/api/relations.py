"""Typed relations between parks (ENCLAVE_OF, PARTNER_OF) or organisations (COOPERATES_WITH,
AFFILIATED_WITH, SUPPLIES_TO), addressed by uid (`park:12`, `org:345`).

Who may read: every signed-in user with a role. Who may write: the secretariat and
administrators; for park relations also staff of either park; for organisation relations
whoever may edit either organisation (its users, its hosting park's staff).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.access import (
    require_reader,
    require_writer,
    user_can_edit_organisation,
    user_can_edit_park,
)
from backend.accounts.permissions import IsSignedIn
from backend.core.errors import NotFound, PermissionDenied
from backend.core.lib.bilingual import Bilingual
from backend.network import selectors, services
from backend.network.api.common import (
    Pagination,
    choice_label,
    paginated,
    query_choice,
    query_text,
)
from backend.network.models import CooperationKind, Organisation, Park, Relation, RelationKind

NOT_YOURS = Bilingual(
    zh="只有关系一端的园区或机构（或秘书处）可以修改此关系。",
    en="Only a park or organisation at one end of the relation (or the secretariat) may change it.",
)


def entity_for_uid(uid: str) -> Park | Organisation | None:
    prefix, _, raw = uid.partition(":")
    if not raw.isdigit():
        return None
    model: Any = {"park": Park, "org": Organisation}.get(prefix)
    return None if model is None else model.objects.filter(pk=int(raw)).first()


@extend_schema_field(OpenApiTypes.STR)
class EntityField(serializers.Field):
    """A park or organisation named by its uid (a string such as "park:3" or "org:12")."""

    def to_internal_value(self, data: Any) -> Park | Organisation:
        uid = str(data)[:40] if isinstance(data, str | int) else ""
        entity = entity_for_uid(uid)
        if entity is None:
            raise serializers.ValidationError(
                f"找不到“{uid}”（应为 park:<id> 或 org:<id>）/ no park or organisation “{uid}”"
            )
        return entity

    def to_representation(self, value: Park | Organisation) -> str:
        return str(value.uid)


class RelationInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RelationKind.choices)
    source = EntityField()  # type: ignore[assignment]  # a field named like Field.source
    target = EntityField()
    cooperation_kind = serializers.ChoiceField(
        choices=CooperationKind.choices, required=False, allow_blank=True
    )
    name = serializers.CharField(max_length=128, required=False, allow_blank=True)
    started_on = serializers.DateField(required=False, allow_null=True)
    ended_on = serializers.DateField(required=False, allow_null=True)
    agreement_signed_on = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)
    source_note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class RelationUpdateInput(RelationInput):
    kind = None  # type: ignore[assignment]
    source = None  # type: ignore[assignment]
    target = None  # type: ignore[assignment]


class RelationOutput(serializers.Serializer):
    id = serializers.IntegerField()
    uid = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.SerializerMethodField()
    source = serializers.SerializerMethodField()  # type: ignore[assignment]
    target = serializers.SerializerMethodField()
    cooperation_kind = serializers.CharField()
    name = serializers.CharField()
    started_on = serializers.DateField(allow_null=True)
    ended_on = serializers.DateField(allow_null=True)
    agreement_signed_on = serializers.DateField(allow_null=True)
    note = serializers.CharField()
    source_note = serializers.CharField()
    is_synthetic = serializers.BooleanField()

    def get_kind_label(self, relation: Relation) -> str:
        return choice_label(relation, "kind", self.context.get("request"))

    def get_source(self, relation: Relation) -> dict[str, Any]:
        entity = relation.source_park or relation.source_organisation
        return {"uid": relation.source_uid, "name": entity.name if entity else ""}

    def get_target(self, relation: Relation) -> dict[str, Any]:
        entity = relation.target_park or relation.target_organisation
        return {"uid": relation.target_uid, "name": entity.name if entity else ""}


def _may_edit(user: Any, *ends: Park | Organisation | None) -> bool:
    for end in ends:
        if isinstance(end, Park) and user_can_edit_park(user, end):
            return True
        if isinstance(end, Organisation) and user_can_edit_organisation(user, end):
            return True
    return False


def _relation_for_write(user: Any, relation_id: int) -> Relation:
    require_writer(user)
    relation = selectors.relation_list().filter(pk=relation_id).first()
    if relation is None:
        raise NotFound()
    ends = (
        relation.source_park or relation.source_organisation,
        relation.target_park or relation.target_organisation,
    )
    if not _may_edit(user, *ends):
        raise PermissionDenied(NOT_YOURS)
    return relation


class RelationListApi(APIView):
    pagination_class = Pagination  # so that the schema shows the paginated shape
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="List relations",
        parameters=[OpenApiParameter("kind", str), OpenApiParameter("uid", str)],
        responses=RelationOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        require_reader(request.user)
        relations = selectors.relation_list(
            kind=query_choice(request, "kind", RelationKind.values),
            uid=query_text(request, "uid", max_length=40),
        )
        return paginated(request, self, relations, RelationOutput)

    @extend_schema(summary="Create a relation", request=RelationInput, responses=RelationOutput)
    def post(self, request: Request) -> Response:
        require_writer(request.user)
        data = RelationInput(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        if not _may_edit(request.user, fields["source"], fields["target"]):
            raise PermissionDenied(NOT_YOURS)
        relation = services.relation_create(**fields)
        fresh = selectors.relation_list().get(pk=relation.pk)
        return Response(RelationOutput(fresh, context={"request": request}).data, status=201)


class RelationDetailApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(summary="One relation", responses=RelationOutput)
    def get(self, request: Request, relation_id: int) -> Response:
        require_reader(request.user)
        relation = selectors.relation_list().filter(pk=relation_id).first()
        if relation is None:
            raise NotFound()
        return Response(RelationOutput(relation, context={"request": request}).data)

    @extend_schema(
        summary="Edit a relation's dates and details (not its kind or ends)",
        request=RelationUpdateInput(partial=True),
        responses=RelationOutput,
    )
    def patch(self, request: Request, relation_id: int) -> Response:
        relation = _relation_for_write(request.user, relation_id)
        data = RelationUpdateInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        relation = services.relation_update(relation=relation, **data.validated_data)
        fresh = selectors.relation_list().get(pk=relation.pk)
        return Response(RelationOutput(fresh, context={"request": request}).data)

    @extend_schema(summary="Delete a relation", responses={204: None})
    def delete(self, request: Request, relation_id: int) -> Response:
        services.relation_delete(relation=_relation_for_write(request.user, relation_id))
        return Response(status=204)
