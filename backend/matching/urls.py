from __future__ import annotations

from django.urls import path

from backend.matching import api

urlpatterns = [
    path("projects", api.ProjectListApi.as_view(), name="matching-projects"),
    path("projects/<int:project_id>", api.ProjectDetailApi.as_view(), name="matching-project"),
    path("projects/<int:project_id>/transition", api.ProjectTransitionApi.as_view()),
    path("projects/<int:project_id>/history", api.ProjectHistoryApi.as_view()),
    path("projects/<int:project_id>/matches", api.ProjectMatchesApi.as_view()),
    path("projects/<int:project_id>/ranking", api.ProjectRankingApi.as_view()),
    path("projects/<int:project_id>/matches/<int:park_id>/feedback", api.FeedbackApi.as_view()),
    path("projects/<int:project_id>/handoffs", api.ProjectHandoffApi.as_view()),
    path("projects/<int:project_id>/agreements", api.AgreementListApi.as_view()),
    path("projects/<int:project_id>/figures", api.FigureApi.as_view()),
    path("matches", api.ParkMatchListApi.as_view(), name="matching-matches"),
    path("handoffs", api.HandoffListApi.as_view()),
    path("handoffs/<int:handoff_id>/answer", api.HandoffAnswerApi.as_view()),
    path("agreements/<int:agreement_id>", api.AgreementDetailApi.as_view()),
    path("agreements/<int:agreement_id>/confirm", api.AgreementConfirmApi.as_view()),
    path("weights", api.WeightsApi.as_view(), name="matching-weights"),
    path("acceptance-by-rank", api.AcceptanceApi.as_view()),
    path("split-report", api.SplitReportApi.as_view(), name="matching-split-report"),
    path("split-report.xlsx", api.SplitReportExcelApi.as_view()),
]
