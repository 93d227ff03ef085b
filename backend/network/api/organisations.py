"""Organisations (universities, labs, enterprises, incubators, funds and banks).

Who may read: every signed-in user with a role. Who may write: the secretariat and
administrators anything; staff of a park the organisations their park hosts (and create
organisations hosted by their park); organisation users their own organisation.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.access import (
    OTHER_PARK,
    access_organisation_for_user,
    require_curator,
    require_reader,
    require_writer,
    user_can_edit_organisation,
    user_is_curator,
)
from backend.accounts.models import Role
from backend.accounts.permissions import IsSignedIn
from backend.core.errors import PermissionDenied
from backend.network import selectors, services
from backend.network.api.common import (
    Pagination,
    Ref,
    choice_label,
    paginated,
    query_bool,
    query_choice,
    query_int,
    query_text,
)
from backend.network.models import (
    City,
    Industry,
    Organisation,
    OrganisationKind,
    OrganisationSubkind,
    Park,
)
from backend.network.selectors import FLAG_FILTERS


class OrganisationOutput(serializers.Serializer):
    id = serializers.IntegerField()
    uid = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.SerializerMethodField()
    subkind = serializers.CharField()
    subkind_label = serializers.SerializerMethodField()
    city = Ref(allow_null=True)
    park = Ref(allow_null=True)
    founded_year = serializers.IntegerField(allow_null=True)
    employees = serializers.IntegerField(allow_null=True)
    is_high_tech = serializers.BooleanField()
    is_tech_sme = serializers.BooleanField()
    is_specialised = serializers.BooleanField()
    is_gazelle = serializers.BooleanField()
    is_unicorn = serializers.BooleanField()
    is_nezha = serializers.BooleanField()
    is_listed = serializers.BooleanField()
    industries = serializers.SerializerMethodField()
    is_synthetic = serializers.BooleanField()
    source_note = serializers.CharField()
    can_edit = serializers.SerializerMethodField()

    def get_kind_label(self, organisation: Organisation) -> str:
        return choice_label(organisation, "kind", self.context.get("request"))

    def get_subkind_label(self, organisation: Organisation) -> str:
        if not organisation.subkind:
            return ""
        return choice_label(organisation, "subkind", self.context.get("request"))

    def get_industries(self, organisation: Organisation) -> list[dict[str, Any]]:
        return [{"id": a.industry_id, "name": a.industry.name} for a in organisation.activity.all()]

    def get_can_edit(self, organisation: Organisation) -> bool:
        request = self.context.get("request")
        return bool(request and user_can_edit_organisation(request.user, organisation))


class OrganisationInput(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    name_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    kind = serializers.ChoiceField(choices=OrganisationKind.choices)
    subkind = serializers.ChoiceField(
        choices=OrganisationSubkind.choices, required=False, allow_blank=True
    )
    city = serializers.PrimaryKeyRelatedField(
        queryset=City.objects.all(), allow_null=True, required=False
    )
    park = serializers.PrimaryKeyRelatedField(
        queryset=Park.objects.all(), allow_null=True, required=False
    )
    founded_year = serializers.IntegerField(
        min_value=1800, max_value=2100, allow_null=True, required=False
    )
    employees = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    is_high_tech = serializers.BooleanField(required=False)
    is_tech_sme = serializers.BooleanField(required=False)
    is_specialised = serializers.BooleanField(required=False)
    is_gazelle = serializers.BooleanField(required=False)
    is_unicorn = serializers.BooleanField(required=False)
    is_nezha = serializers.BooleanField(required=False)
    is_listed = serializers.BooleanField(required=False)
    source_note = serializers.CharField(max_length=300, required=False, allow_blank=True)
    industries = serializers.PrimaryKeyRelatedField(
        queryset=Industry.objects.all(), many=True, required=False
    )


def _output(organisation: Organisation, request: Request) -> Response:
    fresh = selectors.organisation_list().get(pk=organisation.pk)
    return Response(OrganisationOutput(fresh, context={"request": request}).data)


def _check_park_for_staff(user: Any, park: Park | None) -> None:
    """Park staff may only place organisations in their own park."""
    if user_is_curator(user) or user.role != Role.PARK_STAFF:
        return
    if park is None or park.pk != user.park_id:
        raise PermissionDenied(OTHER_PARK)


class OrganisationListApi(APIView):
    pagination_class = Pagination  # so that the schema shows the paginated shape
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="List and search organisations",
        parameters=[
            OpenApiParameter(n, str)
            for n in ("q", "kind", "city", "park", "industry", "synthetic", *FLAG_FILTERS)
        ],
        responses=OrganisationOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        require_reader(request.user)
        flags = {f: v for f in FLAG_FILTERS if (v := query_bool(request, f)) is not None}
        organisations = selectors.organisation_list(
            q=query_text(request, "q"),
            kind=query_choice(request, "kind", OrganisationKind.values),
            city=query_int(request, "city"),
            park=query_int(request, "park"),
            industry=query_int(request, "industry"),
            flags=flags,
            synthetic=query_bool(request, "synthetic"),
        )
        return paginated(request, self, organisations, OrganisationOutput)

    @extend_schema(
        summary="Create an organisation (secretariat; park staff in their park)",
        request=OrganisationInput,
        responses=OrganisationOutput,
    )
    def post(self, request: Request) -> Response:
        require_writer(request.user)
        if request.user.role == Role.ORG_USER:  # type: ignore[union-attr]
            require_curator(request.user)
        data = OrganisationInput(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        _check_park_for_staff(request.user, fields.get("park"))
        organisation = services.organisation_create(**fields)
        response = _output(organisation, request)
        response.status_code = 201
        return response


class OrganisationDetailApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(summary="One organisation", responses=OrganisationOutput)
    def get(self, request: Request, organisation_id: int) -> Response:
        organisation = access_organisation_for_user(request.user, organisation_id)
        return _output(organisation, request)

    @extend_schema(
        summary="Edit an organisation",
        request=OrganisationInput(partial=True),
        responses=OrganisationOutput,
    )
    def patch(self, request: Request, organisation_id: int) -> Response:
        organisation = access_organisation_for_user(request.user, organisation_id, for_write=True)
        data = OrganisationInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        if "park" in fields:
            _check_park_for_staff(request.user, fields["park"])
        organisation = services.organisation_update(organisation=organisation, **fields)
        return _output(organisation, request)

    @extend_schema(
        summary="Delete an organisation (secretariat or hosting park's staff)",
        responses={204: None},
    )
    def delete(self, request: Request, organisation_id: int) -> Response:
        organisation = access_organisation_for_user(request.user, organisation_id, for_write=True)
        if request.user.role == Role.ORG_USER:  # type: ignore[union-attr]
            require_curator(request.user)
        services.organisation_delete(organisation=organisation)
        return Response(status=204)
