"""Django admin for curation by the secretariat. Every save and delete appends its outbox
event (ProjectedAdmin), so curation reaches the graph like every other write."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest

from backend.network.models import (
    City,
    Industry,
    IndustryLink,
    Organisation,
    OrganisationIndustry,
    OutboxEvent,
    Park,
    ParkIndustry,
    Relation,
    Zone,
)
from backend.network.outbox import outbox_record


class ProjectedAdmin(admin.ModelAdmin):
    """Every admin save and delete appends its outbox event in the same transaction."""

    entity = ""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            outbox_record(entity=self.entity, entity_id=obj.pk, payload=self._payload(obj))

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
            outbox_record(
                entity=self.entity, entity_id=form.instance.pk, payload=self._payload(form.instance)
            )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            pk, payload = obj.pk, self._payload(obj)
            super().delete_model(request, obj)
            outbox_record(
                entity=self.entity, entity_id=pk, op=OutboxEvent.Op.DELETE, payload=payload
            )

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        with transaction.atomic():
            doomed = [(obj.pk, self._payload(obj)) for obj in queryset]
            super().delete_queryset(request, queryset)
            for pk, payload in doomed:
                outbox_record(
                    entity=self.entity, entity_id=pk, op=OutboxEvent.Op.DELETE, payload=payload
                )

    def _payload(self, obj: Any) -> dict[str, Any]:
        return {}


@admin.register(City)
class CityAdmin(ProjectedAdmin):
    entity = "City"
    list_display = ["name", "name_en", "province", "is_metro_core"]
    search_fields = ["name", "name_en"]


@admin.register(Zone)
class ZoneAdmin(ProjectedAdmin):
    entity = "Zone"
    list_display = ["name", "city", "level"]
    list_filter = ["level", "city"]
    search_fields = ["name"]


@admin.register(Industry)
class IndustryAdmin(ProjectedAdmin):
    entity = "Industry"
    list_display = ["name", "code", "parent", "is_future_industry"]
    search_fields = ["name", "code", "search_key"]


@admin.register(IndustryLink)
class IndustryLinkAdmin(ProjectedAdmin):
    entity = "IndustryLink"
    list_display = ["upstream", "downstream"]
    autocomplete_fields = ["upstream", "downstream"]


class ParkIndustryInline(admin.TabularInline):
    model = ParkIndustry
    extra = 0
    autocomplete_fields = ["industry"]


@admin.register(Park)
class ParkAdmin(ProjectedAdmin):
    entity = "Park"
    list_display = ["name", "city", "zone", "level", "kind", "alliance_member", "is_synthetic"]
    list_filter = ["level", "kind", "alliance_member", "city"]
    search_fields = ["name", "short_name", "search_key"]
    inlines = [ParkIndustryInline]


class OrganisationIndustryInline(admin.TabularInline):
    model = OrganisationIndustry
    extra = 0
    autocomplete_fields = ["industry"]


@admin.register(Organisation)
class OrganisationAdmin(ProjectedAdmin):
    entity = "Organisation"
    list_display = ["name", "kind", "subkind", "city", "park", "is_synthetic"]
    list_filter = ["kind", "subkind", "city", "is_high_tech", "is_specialised", "is_synthetic"]
    search_fields = ["name", "search_key"]
    autocomplete_fields = ["park"]
    inlines = [OrganisationIndustryInline]
    list_select_related = ["city", "park"]


@admin.register(Relation)
class RelationAdmin(ProjectedAdmin):
    entity = "Relation"
    list_display = [
        "kind",
        "source_park",
        "target_park",
        "source_organisation",
        "target_organisation",
        "started_on",
    ]
    list_filter = ["kind"]
    raw_id_fields = ["source_park", "target_park", "source_organisation", "target_organisation"]

    def _payload(self, obj: Any) -> dict[str, Any]:
        return {"kind": obj.kind}


@admin.register(OutboxEvent)
class OutboxEventAdmin(admin.ModelAdmin):
    list_display = ["id", "entity", "entity_id", "op", "created_at", "delivered_at", "attempts"]
    list_filter = ["entity", "op"]
    readonly_fields = [f.name for f in OutboxEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
