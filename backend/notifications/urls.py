from __future__ import annotations

from django.urls import path

from backend.notifications.api import (
    NotificationDetailApi,
    NotificationListApi,
    NotificationReadAllApi,
    NotificationReadApi,
    PreferenceListApi,
    PreferenceUpdateApi,
    UnreadCountApi,
)

urlpatterns = [
    path("", NotificationListApi.as_view(), name="notification-list"),
    path("unread-count", UnreadCountApi.as_view(), name="notification-unread-count"),
    path("read-all", NotificationReadAllApi.as_view(), name="notification-read-all"),
    path("preferences", PreferenceListApi.as_view(), name="notification-preferences"),
    path(
        "preferences/<str:kind>",
        PreferenceUpdateApi.as_view(),
        name="notification-preference",
    ),
    path("<int:notification_id>", NotificationDetailApi.as_view(), name="notification-detail"),
    path("<int:notification_id>/read", NotificationReadApi.as_view(), name="notification-read"),
]
