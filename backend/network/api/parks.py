"""Parks. Who may read: every signed-in user with a role. Who may write: the secretariat and
administrators create and delete; they and the park's own staff edit it."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.access import (
    access_park_for_user,
    require_curator,
    require_reader,
    user_can_edit_park,
)
from backend.accounts.permissions import IsSignedIn
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
    CIRCLE_LAT,
    CIRCLE_LON,
    City,
    Industry,
    Level,
    Park,
    ParkKind,
    Zone,
)


class FocusOutput(serializers.Serializer):
    id = serializers.IntegerField(source="industry_id")
    name = serializers.CharField(source="industry.name")
    weight = serializers.FloatField()


class ParkOutput(serializers.Serializer):
    id = serializers.IntegerField()
    uid = serializers.CharField()
    name = serializers.CharField()
    short_name = serializers.CharField()
    name_en = serializers.CharField()
    city = Ref(allow_null=True)
    zone = Ref(allow_null=True)
    level = serializers.CharField()
    level_label = serializers.SerializerMethodField()
    kind = serializers.CharField()
    kind_label = serializers.SerializerMethodField()
    alliance_member = serializers.BooleanField()
    available_land_mu = serializers.DecimalField(max_digits=12, decimal_places=2)
    available_space_m2 = serializers.DecimalField(max_digits=14, decimal_places=2)
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    industries = FocusOutput(source="focus", many=True)
    hosted_count = serializers.IntegerField(default=0)
    is_synthetic = serializers.BooleanField()
    source_note = serializers.CharField()
    description = serializers.CharField()
    can_edit = serializers.SerializerMethodField()

    def get_level_label(self, park: Park) -> str:
        return choice_label(park, "level", self.context.get("request"))

    def get_kind_label(self, park: Park) -> str:
        return choice_label(park, "kind", self.context.get("request"))

    def get_can_edit(self, park: Park) -> bool:
        request = self.context.get("request")
        return bool(request and user_can_edit_park(request.user, park))


class FocusInput(serializers.Serializer):
    industry = serializers.PrimaryKeyRelatedField(queryset=Industry.objects.all())
    weight = serializers.FloatField(min_value=0.0, max_value=1.0)


class ParkInput(serializers.Serializer):
    name = serializers.CharField(max_length=128)
    short_name = serializers.CharField(max_length=32, required=False, allow_blank=True)
    name_en = serializers.CharField(max_length=128, required=False, allow_blank=True)
    city = serializers.PrimaryKeyRelatedField(
        queryset=City.objects.all(), allow_null=True, required=False
    )
    zone = serializers.PrimaryKeyRelatedField(
        queryset=Zone.objects.all(), allow_null=True, required=False
    )
    level = serializers.ChoiceField(choices=Level.choices, required=False)
    kind = serializers.ChoiceField(choices=ParkKind.choices, required=False)
    available_land_mu = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=0, required=False
    )
    available_space_m2 = serializers.DecimalField(
        max_digits=14, decimal_places=2, min_value=0, required=False
    )
    latitude = serializers.FloatField(
        min_value=CIRCLE_LAT[0], max_value=CIRCLE_LAT[1], allow_null=True, required=False
    )
    longitude = serializers.FloatField(
        min_value=CIRCLE_LON[0], max_value=CIRCLE_LON[1], allow_null=True, required=False
    )
    alliance_member = serializers.BooleanField(required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    source_note = serializers.CharField(max_length=300, required=False, allow_blank=True)
    industries = FocusInput(many=True, required=False)

    def validate_industries(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        ids = [item["industry"].pk for item in value]
        if len(set(ids)) != len(ids):
            raise serializers.ValidationError("同一主导产业不能重复 / an industry is listed twice")
        return value


def _park_fields(data: dict[str, Any]) -> tuple[dict[str, Any], list[services.Focus] | None]:
    focus = data.pop("industries", None)
    return data, None if focus is None else [
        services.Focus(item["industry"], item["weight"]) for item in focus
    ]


def _output(park: Park, request: Request) -> Response:
    fresh = selectors.park_list().get(pk=park.pk)
    return Response(ParkOutput(fresh, context={"request": request}).data)


class ParkListApi(APIView):
    pagination_class = Pagination  # so that the schema shows the paginated shape
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="List and search parks",
        parameters=[
            OpenApiParameter(n, str)
            for n in ("q", "city", "level", "kind", "industry", "alliance_member")
        ],
        responses=ParkOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        require_reader(request.user)
        parks = selectors.park_list(
            q=query_text(request, "q"),
            city=query_int(request, "city"),
            level=query_choice(request, "level", Level.values),
            kind=query_choice(request, "kind", ParkKind.values),
            industry=query_int(request, "industry"),
            alliance_member=query_bool(request, "alliance_member"),
        )
        return paginated(request, self, parks, ParkOutput)

    @extend_schema(summary="Create a park (secretariat)", request=ParkInput, responses=ParkOutput)
    def post(self, request: Request) -> Response:
        require_curator(request.user)
        data = ParkInput(data=request.data)
        data.is_valid(raise_exception=True)
        fields, focus = _park_fields(dict(data.validated_data))
        park = services.park_create(focus=focus or [], **fields)
        response = _output(park, request)
        response.status_code = 201
        return response


class ParkDetailApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(summary="One park", responses=ParkOutput)
    def get(self, request: Request, park_id: int) -> Response:
        park = access_park_for_user(request.user, park_id)
        return _output(park, request)

    @extend_schema(
        summary="Edit a park (secretariat or its own staff)",
        request=ParkInput(partial=True),
        responses=ParkOutput,
    )
    def patch(self, request: Request, park_id: int) -> Response:
        park = access_park_for_user(request.user, park_id, for_write=True)
        data = ParkInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        fields, focus = _park_fields(dict(data.validated_data))
        park = services.park_update(park=park, focus=focus, **fields)
        return _output(park, request)

    @extend_schema(summary="Delete a park (secretariat)", responses={204: None})
    def delete(self, request: Request, park_id: int) -> Response:
        park = access_park_for_user(request.user, park_id)
        require_curator(request.user)
        services.park_delete(park=park)
        return Response(status=204)
