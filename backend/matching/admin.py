from __future__ import annotations

from django.contrib import admin

from backend.matching.models import (
    BenefitAgreement,
    LeadHandoff,
    MatchingWeights,
    MatchRun,
    Project,
    ProjectFigure,
)


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ("id", "title", "park", "industry", "status", "updated_at")
    list_filter = ("status", "positioning")
    search_fields = ("title",)


@admin.register(MatchingWeights)
class MatchingWeightsAdmin(admin.ModelAdmin):
    list_display = ("id", "industry_fit", "chain_complementarity", "set_by", "created_at")


@admin.register(MatchRun)
class MatchRunAdmin(admin.ModelAdmin):
    list_display = ("id", "project", "trigger", "candidate_count", "created_at")


@admin.register(LeadHandoff)
class LeadHandoffAdmin(admin.ModelAdmin):
    list_display = ("id", "project", "from_park", "to_park", "status")


@admin.register(BenefitAgreement)
class BenefitAgreementAdmin(admin.ModelAdmin):
    list_display = ("id", "project", "version", "transferring_park", "receiving_park")


@admin.register(ProjectFigure)
class ProjectFigureAdmin(admin.ModelAdmin):
    list_display = ("id", "project", "year", "indicator", "amount_wan")
