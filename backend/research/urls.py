from __future__ import annotations

from django.urls import path

from backend.research.api.analytics import (
    AnalyticsOptionsApi,
    CentralityApi,
    ChainGapsApi,
    CollaborationApi,
    CommunitiesApi,
    PathsApi,
)
from backend.research.api.console import ConsoleCheckApi, ConsoleRunApi, ConsoleSchemaApi
from backend.research.api.exports import ExportDetailApi, ExportDownloadApi, ExportListApi
from backend.research.api.runs import RunDetailApi, RunListApi
from backend.research.api.saved_queries import (
    SavedQueryDetailApi,
    SavedQueryListApi,
    SavedQueryRunApi,
    SavedQueryVersionListApi,
)

urlpatterns = [
    path("console/run", ConsoleRunApi.as_view(), name="research-console-run"),
    path("console/check", ConsoleCheckApi.as_view(), name="research-console-check"),
    path("console/schema", ConsoleSchemaApi.as_view(), name="research-console-schema"),
    path("runs", RunListApi.as_view(), name="research-runs"),
    path("runs/<int:run_id>", RunDetailApi.as_view(), name="research-run"),
    path("saved-queries", SavedQueryListApi.as_view(), name="research-saved-queries"),
    path(
        "saved-queries/<int:saved_query_id>",
        SavedQueryDetailApi.as_view(),
        name="research-saved-query",
    ),
    path(
        "saved-queries/<int:saved_query_id>/versions",
        SavedQueryVersionListApi.as_view(),
        name="research-saved-query-versions",
    ),
    path(
        "saved-queries/<int:saved_query_id>/run",
        SavedQueryRunApi.as_view(),
        name="research-saved-query-run",
    ),
    path("analytics/options", AnalyticsOptionsApi.as_view(), name="research-analytics-options"),
    path("analytics/centrality", CentralityApi.as_view(), name="research-centrality"),
    path("analytics/communities", CommunitiesApi.as_view(), name="research-communities"),
    path("analytics/chain-gaps", ChainGapsApi.as_view(), name="research-chain-gaps"),
    path("analytics/collaboration", CollaborationApi.as_view(), name="research-collaboration"),
    path("analytics/paths", PathsApi.as_view(), name="research-paths"),
    path("exports", ExportListApi.as_view(), name="research-exports"),
    path("exports/<int:export_id>", ExportDetailApi.as_view(), name="research-export"),
    path(
        "exports/<int:export_id>/download",
        ExportDownloadApi.as_view(),
        name="research-export-download",
    ),
]
