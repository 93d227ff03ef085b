"""Reads of the system of record: filtered, searchable lists shaped for the API."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from backend.network.models import (
    City,
    Industry,
    Organisation,
    OrganisationIndustry,
    Park,
    ParkIndustry,
    Relation,
)

FLAG_FILTERS = {
    "high_tech": "is_high_tech",
    "tech_sme": "is_tech_sme",
    "specialised": "is_specialised",
    "gazelle": "is_gazelle",
    "unicorn": "is_unicorn",
    "nezha": "is_nezha",
    "listed": "is_listed",
}


def _search(queryset: QuerySet[Any], q: str | None) -> QuerySet[Any]:
    """Chinese substrings, full pinyin and initials all live in search_key (lower case)."""
    if not q:
        return queryset
    for term in q.lower().split():
        queryset = queryset.filter(search_key__contains=term)
    return queryset


def city_list() -> QuerySet[City]:
    return City.objects.order_by("id")


def industry_list(*, q: str | None = None, parent: int | None = None) -> QuerySet[Industry]:
    queryset = Industry.objects.select_related("parent").order_by("id")
    if parent is not None:
        queryset = queryset.filter(parent_id=parent)
    return _search(queryset, q)


def park_list(
    *,
    q: str | None = None,
    city: int | None = None,
    level: str | None = None,
    kind: str | None = None,
    industry: int | None = None,
    alliance_member: bool | None = None,
) -> QuerySet[Park]:
    queryset = (
        Park.objects.select_related("city", "zone")
        .prefetch_related(
            Prefetch("focus", ParkIndustry.objects.select_related("industry").order_by("-weight"))
        )
        .annotate(hosted_count=Count("hosted", distinct=True))
        .order_by("id")
    )
    if city is not None:
        queryset = queryset.filter(city_id=city)
    if level:
        queryset = queryset.filter(level=level)
    if kind:
        queryset = queryset.filter(kind=kind)
    if industry is not None:
        queryset = queryset.filter(focus__industry_id=industry)
    if alliance_member is not None:
        queryset = queryset.filter(alliance_member=alliance_member)
    return _search(queryset, q)


def organisation_list(
    *,
    q: str | None = None,
    kind: str | None = None,
    city: int | None = None,
    park: int | None = None,
    industry: int | None = None,
    flags: dict[str, bool] | None = None,
    synthetic: bool | None = None,
) -> QuerySet[Organisation]:
    queryset = (
        Organisation.objects.select_related("city", "park")
        .prefetch_related(
            Prefetch("activity", OrganisationIndustry.objects.select_related("industry"))
        )
        .order_by("id")
    )
    if kind:
        queryset = queryset.filter(kind=kind)
    if city is not None:
        queryset = queryset.filter(city_id=city)
    if park is not None:
        queryset = queryset.filter(park_id=park)
    if industry is not None:
        queryset = queryset.filter(activity__industry_id=industry)
    for flag, value in (flags or {}).items():
        queryset = queryset.filter(**{FLAG_FILTERS[flag]: value})
    if synthetic is not None:
        queryset = queryset.filter(is_synthetic=synthetic)
    return _search(queryset, q)


def relation_list(*, kind: str | None = None, uid: str | None = None) -> QuerySet[Relation]:
    queryset = Relation.objects.select_related(
        "source_park", "target_park", "source_organisation", "target_organisation"
    ).order_by("id")
    if kind:
        queryset = queryset.filter(kind=kind)
    if uid:
        prefix, _, raw = uid.partition(":")
        pk = int(raw) if raw.isdigit() else -1
        if prefix == "park":
            queryset = queryset.filter(Q(source_park_id=pk) | Q(target_park_id=pk))
        elif prefix == "org":
            queryset = queryset.filter(Q(source_organisation_id=pk) | Q(target_organisation_id=pk))
        else:
            queryset = queryset.none()
    return queryset


def search_entities(q: str, *, limit: int) -> list[dict[str, Any]]:
    """Across parks, organisations, industries, cities and zones: best matches first (names
    that start with the query, then shorter names)."""
    from backend.network.models import Zone

    found: list[dict[str, Any]] = []
    sources: list[tuple[QuerySet[Any], str]] = [
        (City.objects.all(), "City"),
        (Zone.objects.select_related("city"), "Zone"),
        (Park.objects.select_related("city"), "Park"),
        (Industry.objects.all(), "Industry"),
        (Organisation.objects.select_related("city", "park"), "Organisation"),
    ]
    for queryset, label in sources:
        for item in _search(queryset, q)[: limit * 2]:
            found.append(_search_hit(item, label))
    term = q.lower()
    found.sort(
        key=lambda hit: (
            not hit["name"].lower().startswith(term),
            term not in hit["name"].lower(),
            len(hit["name"]),
        )
    )
    return found[:limit]


def _search_hit(item: Any, label: str) -> dict[str, Any]:
    from graph.labels import ORGANISATION_LABELS

    subtitle = ""
    if label == "Organisation":
        label = ORGANISATION_LABELS[item.kind].value
        subtitle = " · ".join(
            filter(
                None,
                [
                    item.get_kind_display().split(" ")[0],
                    item.park.name if item.park else "",
                    item.city.name if item.city else "",
                ],
            )
        )
    elif label == "Park":
        subtitle = " · ".join(
            filter(
                None, [item.get_level_display().split(" ")[0], item.city.name if item.city else ""]
            )
        )
    elif label == "Zone":
        subtitle = item.city.name
    return {"uid": item.uid, "label": label, "id": item.pk, "name": item.name, "subtitle": subtitle}
