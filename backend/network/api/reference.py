"""Cities, zones, industries and industry-chain links: the alliance's shared reference data.

Who may read: every signed-in user with a role. Who may write: the secretariat and
administrators only.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.access import require_curator, require_reader
from backend.accounts.permissions import IsSignedIn
from backend.core.errors import NotFound
from backend.network import selectors, services
from backend.network.api.common import Pagination, Ref, paginated, query_int, query_text
from backend.network.models import Industry, IndustryLink, Zone


class CityOutput(serializers.Serializer):
    id = serializers.IntegerField()
    uid = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()
    province = serializers.CharField()


class ZoneOutput(serializers.Serializer):
    id = serializers.IntegerField()
    uid = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()
    level = serializers.CharField()
    city = Ref()


class IndustryOutput(serializers.Serializer):
    id = serializers.IntegerField()
    uid = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()
    code = serializers.CharField()
    parent = Ref(allow_null=True)
    is_future_industry = serializers.BooleanField()


class IndustryInput(serializers.Serializer):
    name = serializers.CharField(max_length=64)
    name_en = serializers.CharField(max_length=128, required=False, allow_blank=True)
    code = serializers.SlugField(max_length=64)
    parent = serializers.PrimaryKeyRelatedField(  # type: ignore[assignment]
        queryset=Industry.objects.all(), allow_null=True, required=False
    )
    is_future_industry = serializers.BooleanField(required=False)
    source_note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class IndustryLinkOutput(serializers.Serializer):
    id = serializers.IntegerField()
    upstream = Ref()
    downstream = Ref()


class IndustryLinkInput(serializers.Serializer):
    upstream = serializers.PrimaryKeyRelatedField(queryset=Industry.objects.all())
    downstream = serializers.PrimaryKeyRelatedField(queryset=Industry.objects.all())


class CityListApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(summary="The cities of the metropolitan circle", responses=CityOutput(many=True))
    def get(self, request: Request) -> Response:
        require_reader(request.user)
        return Response(CityOutput(selectors.city_list(), many=True).data)


class ZoneListApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(summary="High-tech zones (一区多园)", responses=ZoneOutput(many=True))
    def get(self, request: Request) -> Response:
        require_reader(request.user)
        zones = Zone.objects.select_related("city").order_by("id")
        return Response(ZoneOutput(zones, many=True).data)


def _industry(industry_id: int) -> Industry:
    industry = Industry.objects.select_related("parent").filter(pk=industry_id).first()
    if industry is None:
        raise NotFound()
    return industry


class IndustryListApi(APIView):
    pagination_class = Pagination  # so that the schema shows the paginated shape
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="The industry taxonomy",
        parameters=[OpenApiParameter("q", str), OpenApiParameter("parent", int)],
        responses=IndustryOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        require_reader(request.user)
        industries = selectors.industry_list(
            q=query_text(request, "q"), parent=query_int(request, "parent")
        )
        return paginated(request, self, industries, IndustryOutput)

    @extend_schema(
        summary="Add an industry (secretariat)", request=IndustryInput, responses=IndustryOutput
    )
    def post(self, request: Request) -> Response:
        require_curator(request.user)
        data = IndustryInput(data=request.data)
        data.is_valid(raise_exception=True)
        industry = services.industry_create(**data.validated_data)
        return Response(IndustryOutput(industry).data, status=201)


class IndustryDetailApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(summary="One industry", responses=IndustryOutput)
    def get(self, request: Request, industry_id: int) -> Response:
        require_reader(request.user)
        return Response(IndustryOutput(_industry(industry_id)).data)

    @extend_schema(
        summary="Edit an industry (secretariat)",
        request=IndustryInput(partial=True),
        responses=IndustryOutput,
    )
    def patch(self, request: Request, industry_id: int) -> Response:
        require_curator(request.user)
        industry = _industry(industry_id)
        data = IndustryInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        industry = services.industry_update(industry=industry, **data.validated_data)
        return Response(IndustryOutput(industry).data)

    @extend_schema(summary="Delete an industry (secretariat)", responses={204: None})
    def delete(self, request: Request, industry_id: int) -> Response:
        require_curator(request.user)
        services.industry_delete(industry=_industry(industry_id))
        return Response(status=204)


class IndustryLinkListApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(
        summary="Industry-chain links (upstream supplies downstream)",
        responses=IndustryLinkOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        require_reader(request.user)
        links = IndustryLink.objects.select_related("upstream", "downstream").order_by("id")
        return Response(IndustryLinkOutput(links, many=True).data)

    @extend_schema(
        summary="Add a chain link (secretariat)",
        request=IndustryLinkInput,
        responses=IndustryLinkOutput,
    )
    def post(self, request: Request) -> Response:
        require_curator(request.user)
        data = IndustryLinkInput(data=request.data)
        data.is_valid(raise_exception=True)
        link = services.industry_link_create(**data.validated_data)
        return Response(IndustryLinkOutput(link).data, status=201)


class IndustryLinkDetailApi(APIView):
    permission_classes = [IsSignedIn]

    @extend_schema(summary="Remove a chain link (secretariat)", responses={204: None})
    def delete(self, request: Request, link_id: int) -> Response:
        require_curator(request.user)
        link = IndustryLink.objects.filter(pk=link_id).first()
        if link is None:
            raise NotFound()
        services.industry_link_delete(link=link)
        return Response(status=204)
