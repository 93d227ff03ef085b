from __future__ import annotations

from django.urls import path

from backend.audit.api import AuditLogApi

urlpatterns = [path("", AuditLogApi.as_view(), name="audit-log")]
