from __future__ import annotations

from django.urls import path

from backend.docking import api

urlpatterns = [
    path("postings", api.PostingListApi.as_view(), name="docking-postings"),
    path("postings/review-queue", api.ReviewQueueApi.as_view()),
    path("postings/<int:posting_id>", api.PostingDetailApi.as_view(), name="docking-posting"),
    path("postings/<int:posting_id>/submit", api.PostingSubmitApi.as_view()),
    path("postings/<int:posting_id>/review", api.PostingReviewApi.as_view()),
    path("postings/<int:posting_id>/close", api.PostingCloseApi.as_view()),
    path("postings/<int:posting_id>/renew", api.PostingRenewApi.as_view()),
    path("postings/<int:posting_id>/history", api.PostingHistoryApi.as_view()),
    path("postings/<int:posting_id>/recommendations", api.RecommendationsApi.as_view()),
    path("postings/<int:posting_id>/requests", api.PostingRequestsApi.as_view()),
    path("requests", api.RequestListApi.as_view(), name="docking-requests"),
    path("requests/<int:request_id>", api.RequestDetailApi.as_view()),
    path("requests/<int:request_id>/transition", api.RequestTransitionApi.as_view()),
    path("requests/<int:request_id>/project", api.RequestProjectApi.as_view()),
    path("threads", api.ThreadListApi.as_view(), name="docking-threads"),
    path("threads/<int:thread_id>", api.ThreadDetailApi.as_view()),
    path("threads/<int:thread_id>/messages", api.ThreadMessagesApi.as_view()),
    path(
        "messages/<int:message_id>/attachment",
        api.AttachmentApi.as_view(),
        name="docking-attachment",
    ),
    path("saved-searches", api.SavedSearchListApi.as_view()),
    path("saved-searches/<int:search_id>", api.SavedSearchDetailApi.as_view()),
    path("saved-searches/<int:search_id>/results", api.SavedSearchResultsApi.as_view()),
    path("settings", api.SettingsApi.as_view()),
    path("vocabulary", api.VocabularyApi.as_view()),
    path("stats", api.StatsApi.as_view(), name="docking-stats"),
    path("stats.csv", api.StatsCsvApi.as_view()),
    path("stats.xlsx", api.StatsExcelApi.as_view()),
]
