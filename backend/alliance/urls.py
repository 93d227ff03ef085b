from __future__ import annotations

from django.urls import path, re_path

from backend.alliance import api

urlpatterns = [
    path("members", api.MemberListApi.as_view(), name="alliance-members"),
    path("members/<int:park_id>", api.MemberDetailApi.as_view(), name="alliance-member"),
    path("meetings", api.MeetingListApi.as_view(), name="alliance-meetings"),
    path("meetings/<int:meeting_id>", api.MeetingDetailApi.as_view(), name="alliance-meeting"),
    path(
        "meetings/<int:meeting_id>/announce",
        api.MeetingAnnounceApi.as_view(),
        name="alliance-meeting-announce",
    ),
    path(
        "meetings/<int:meeting_id>/start",
        api.MeetingStartApi.as_view(),
        name="alliance-meeting-start",
    ),
    path(
        "meetings/<int:meeting_id>/close",
        api.MeetingCloseApi.as_view(),
        name="alliance-meeting-close",
    ),
    path(
        "meetings/<int:meeting_id>/current-item",
        api.CurrentItemApi.as_view(),
        name="alliance-meeting-current-item",
    ),
    path("meetings/<int:meeting_id>/items", api.ItemListApi.as_view(), name="alliance-items"),
    path("meetings/<int:meeting_id>/agenda", api.AgendaApi.as_view(), name="alliance-agenda"),
    path(
        "meetings/<int:meeting_id>/agenda/order",
        api.AgendaOrderApi.as_view(),
        name="alliance-agenda-order",
    ),
    path(
        "meetings/<int:meeting_id>/attendance",
        api.AttendanceListApi.as_view(),
        name="alliance-attendance",
    ),
    path(
        "meetings/<int:meeting_id>/attendance/<int:park_id>",
        api.AttendanceDetailApi.as_view(),
        name="alliance-attendance-park",
    ),
    path(
        "meetings/<int:meeting_id>/decisions",
        api.DecisionListApi.as_view(),
        name="alliance-decisions",
    ),
    path(
        "meetings/<int:meeting_id>/suggestions",
        api.SuggestionApi.as_view(),
        name="alliance-suggestions",
    ),
    path(
        "meetings/<int:meeting_id>/minutes",
        api.MinutesListApi.as_view(),
        name="alliance-minutes-list",
    ),
    path("items/<int:item_id>", api.ItemDetailApi.as_view(), name="alliance-item"),
    path("items/<int:item_id>/files", api.ItemFileListApi.as_view(), name="alliance-item-files"),
    path(
        "items/<int:item_id>/files/<int:file_id>",
        api.ItemFileDetailApi.as_view(),
        name="alliance-item-file",
    ),
    path("items/<int:item_id>/triage", api.ItemTriageApi.as_view(), name="alliance-item-triage"),
    path(
        "items/<int:item_id>/decisions",
        api.ItemDecisionApi.as_view(),
        name="alliance-item-decisions",
    ),
    path("decisions/<int:decision_id>/votes", api.VoteApi.as_view(), name="alliance-votes"),
    path(
        "decisions/<int:decision_id>/close",
        api.DecisionCloseApi.as_view(),
        name="alliance-decision-close",
    ),
    path("actions", api.ActionListApi.as_view(), name="alliance-actions"),
    path("actions/dashboard", api.ActionDashboardApi.as_view(), name="alliance-dashboard"),
    path("actions/<int:action_id>", api.ActionDetailApi.as_view(), name="alliance-action"),
    path(
        "actions/<int:action_id>/updates",
        api.ActionProgressApi.as_view(),
        name="alliance-action-updates",
    ),
    path("minutes/<int:minutes_id>", api.MinutesDetailApi.as_view(), name="alliance-minutes"),
    path(
        "minutes/<int:minutes_id>/publish",
        api.MinutesPublishApi.as_view(),
        name="alliance-minutes-publish",
    ),
    path(
        "minutes/<int:minutes_id>/reviews",
        api.MinutesReviewApi.as_view(),
        name="alliance-minutes-reviews",
    ),
    re_path(
        r"^minutes/(?P<minutes_id>[0-9]+)/export\.(?P<fmt>docx|pdf)$",
        api.MinutesExportApi.as_view(),
        name="alliance-minutes-export",
    ),
    path("calendar.ics", api.CalendarApi.as_view(), name="alliance-calendar"),
    path(
        "calendar/subscription",
        api.CalendarSubscriptionApi.as_view(),
        name="alliance-calendar-subscription",
    ),
    re_path(
        r"^calendar/feeds/(?P<token>[A-Za-z0-9_-]{1,100})\.ics$",
        api.CalendarFeedApi.as_view(),
        name="alliance-calendar-feed",
    ),
]
