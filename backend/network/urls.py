from __future__ import annotations

from django.urls import path

from backend.network.api.graph import NeighboursApi, ParkEcosystemApi, PathApi, SearchApi
from backend.network.api.organisations import OrganisationDetailApi, OrganisationListApi
from backend.network.api.parks import ParkDetailApi, ParkListApi
from backend.network.api.reference import (
    CityListApi,
    IndustryDetailApi,
    IndustryLinkDetailApi,
    IndustryLinkListApi,
    IndustryListApi,
    ZoneListApi,
)
from backend.network.api.relations import RelationDetailApi, RelationListApi

urlpatterns = [
    path("cities", CityListApi.as_view(), name="network-cities"),
    path("zones", ZoneListApi.as_view(), name="network-zones"),
    path("industries", IndustryListApi.as_view(), name="network-industries"),
    path("industries/<int:industry_id>", IndustryDetailApi.as_view(), name="network-industry"),
    path("industry-links", IndustryLinkListApi.as_view(), name="network-industry-links"),
    path("industry-links/<int:link_id>", IndustryLinkDetailApi.as_view()),
    path("parks", ParkListApi.as_view(), name="network-parks"),
    path("parks/<int:park_id>", ParkDetailApi.as_view(), name="network-park"),
    path("parks/<int:park_id>/ecosystem", ParkEcosystemApi.as_view(), name="network-ecosystem"),
    path("organisations", OrganisationListApi.as_view(), name="network-organisations"),
    path(
        "organisations/<int:organisation_id>",
        OrganisationDetailApi.as_view(),
        name="network-organisation",
    ),
    path("relations", RelationListApi.as_view(), name="network-relations"),
    path("relations/<int:relation_id>", RelationDetailApi.as_view(), name="network-relation"),
    path("graph/neighbours", NeighboursApi.as_view(), name="network-neighbours"),
    path("graph/path", PathApi.as_view(), name="network-path"),
    path("search", SearchApi.as_view(), name="network-search"),
]

# File import and export (backend/network/transfer/); kept as one block at the end on purpose.
from backend.network.api.transfer import ExportApi, ImportApi  # noqa: E402

urlpatterns += [
    path("import", ImportApi.as_view(), name="network-import"),
    path("export", ExportApi.as_view(), name="network-export"),
]
