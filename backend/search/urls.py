from __future__ import annotations

from django.urls import path

from backend.search.api import SearchApi

urlpatterns = [path("", SearchApi.as_view(), name="search")]
