from __future__ import annotations

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from backend.core.api import HealthApi
from backend.core.views import api_not_found, web_app

api_patterns: list[URLPattern | URLResolver] = [
    path("health", HealthApi.as_view(), name="health"),
    path("", include("backend.accounts.urls")),
    path("network/", include("backend.network.urls")),
    path("notifications/", include("backend.notifications.urls")),
    path("research/", include("backend.research.urls")),
    path("matching/", include("backend.matching.urls")),
    path("alliance/", include("backend.alliance.urls")),
    path("docking/", include("backend.docking.urls")),
    path("audit", include("backend.audit.urls")),
    path("search", include("backend.search.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    re_path(r"^(?P<path>.*)$", api_not_found),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include(api_patterns)),
    path("", include("backend.core.metrics")),  # /metrics (Prometheus), /healthz (liveness)
    # Everything else is a route of the single-page web app.
    re_path(r"^(?!api/|admin/|static/|ws/)(?P<path>.*)$", web_app, name="web-app"),
]
