"""Write the curated demo data: idempotent, by natural keys, quick when nothing changed.

`make run` calls this on every start. Rows are matched by natural key (city/zone/park name,
industry code, organisation kind+name, relation kind+endpoints); a row is written only when
it is missing or differs from the data, and only written rows get an outbox event, so a
second run reads a few tables and writes nothing. Rows curated by hand that the data does
not mention are left alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models, transaction

from backend.network.demo.cities import CITIES
from backend.network.demo.industries import INDUSTRIES, INDUSTRY_LINKS
from backend.network.demo.organisations import ORGANISATIONS
from backend.network.demo.parks import PARKS, ZONES
from backend.network.demo.relations import ORGANISATION_RELATIONS, PARK_RELATIONS
from backend.network.models import (
    UNDIRECTED_RELATIONS,
    City,
    Industry,
    IndustryLink,
    Organisation,
    OrganisationIndustry,
    Park,
    ParkIndustry,
    Relation,
    Zone,
)
from backend.network.outbox import outbox_record_many
from backend.network.projection_rows import ENTITIES

M = TypeVar("M", bound=models.Model)


@dataclass
class SeedResult:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    # entity -> ids whose graph projection must be refreshed
    changed: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))

    @property
    def wrote_anything(self) -> bool:
        return bool(self.created or self.updated)

    def summary(self) -> str:
        def fmt(counter: Counter[str]) -> str:
            return ", ".join(f"{k} {v}" for k, v in sorted(counter.items())) or "none"

        return f"created: {fmt(self.created)}; updated: {fmt(self.updated)}"


def _upsert(
    model: type[M], existing: M | None, values: Mapping[str, Any], entity: str, result: SeedResult
) -> M:
    """Create the row, or update the fields that differ; validate whatever is written and mark
    it for the outbox."""
    if existing is None:
        obj = model(**values)
        status = result.created
    else:
        obj = existing
        diff = {k: v for k, v in values.items() if getattr(obj, k) != v}
        if not diff:
            return obj
        for name, value in diff.items():
            setattr(obj, name, value)
        status = result.updated
    obj.full_clean(validate_unique=False, validate_constraints=False)
    obj.save()  # save() also computes the pinyin search key
    status[entity] += 1
    result.changed[entity].add(obj.pk)
    return obj


def _sync_rows(
    model: type[M],
    entity: str,
    existing: Mapping[Any, M],
    rows: Iterable[tuple[Any, dict[str, Any]]],
    result: SeedResult,
) -> dict[Any, int]:
    """Upsert (key, values) rows in order; returns key -> id."""
    ids: dict[Any, int] = {}
    for key, values in rows:
        ids[key] = _upsert(model, existing.get(key), values, entity, result).pk
    return ids


def demo_seed() -> SeedResult:
    """Write the demo data in one transaction, with the outbox events of what changed."""
    result = SeedResult()
    with transaction.atomic():
        city_ids = _sync_rows(
            City,
            "City",
            {c.name: c for c in City.objects.filter(name__in=[s.name for s in CITIES])},
            (
                (
                    s.name,
                    {
                        "name": s.name,
                        "name_en": s.name_en,
                        "province": s.province,
                        "is_metro_core": s.is_metro_core,
                        "source_note": s.source_note,
                    },
                )
                for s in CITIES
            ),
            result,
        )
        zone_ids = _sync_rows(
            Zone,
            "Zone",
            {z.name: z for z in Zone.objects.filter(name__in=[s.name for s in ZONES])},
            (
                (
                    s.name,
                    {
                        "name": s.name,
                        "name_en": s.name_en,
                        "city_id": city_ids[s.city],
                        "level": s.level,
                        "source_note": s.source_note,
                    },
                )
                for s in ZONES
            ),
            result,
        )
        industry_ids = _seed_industries(result)
        _seed_industry_links(industry_ids, result)
        park_ids = _sync_rows(
            Park,
            "Park",
            {p.name: p for p in Park.objects.filter(name__in=[s.name for s in PARKS])},
            (
                (
                    s.name,
                    {
                        "name": s.name,
                        "short_name": s.short_name,
                        "name_en": s.name_en,
                        "city_id": city_ids[s.city],
                        "zone_id": zone_ids[s.zone] if s.zone else None,
                        "level": s.level,
                        "kind": s.kind,
                        "latitude": s.latitude,
                        "longitude": s.longitude,
                        "alliance_member": s.alliance_member,
                        "available_land_mu": s.available_land_mu,
                        "available_space_m2": s.available_space_m2,
                        "description": s.description,
                        "source_note": s.source_note,
                        "is_synthetic": False,
                    },
                )
                for s in PARKS
            ),
            result,
        )
        _seed_park_focus(park_ids, industry_ids, result)
        org_ids = _seed_organisations(city_ids, park_ids, result)
        _seed_organisation_industries(org_ids, industry_ids, result)
        _seed_park_relations(park_ids, result)
        _seed_organisation_relations(org_ids, result)
        for entity in ENTITIES:
            outbox_record_many(entity, sorted(result.changed.get(entity, ())))
    return result


def _seed_industries(result: SeedResult) -> dict[str, int]:
    existing = {i.code: i for i in Industry.objects.filter(code__in=[s.code for s in INDUSTRIES])}
    ids: dict[str, int] = {}
    # The data lists every parent before its children, so parent ids are known in one pass.
    for s in INDUSTRIES:
        values = {
            "code": s.code,
            "name": s.name,
            "name_en": s.name_en,
            "parent_id": ids[s.parent] if s.parent else None,
            "is_future_industry": s.is_future_industry,
            "source_note": s.source_note,
        }
        ids[s.code] = _upsert(Industry, existing.get(s.code), values, "Industry", result).pk
    return ids


def _seed_industry_links(industry_ids: dict[str, int], result: SeedResult) -> None:
    existing = set(IndustryLink.objects.values_list("upstream_id", "downstream_id"))
    for link in INDUSTRY_LINKS:
        pair = (industry_ids[link.upstream], industry_ids[link.downstream])
        if pair in existing:
            continue
        created = IndustryLink.objects.create(upstream_id=pair[0], downstream_id=pair[1])
        existing.add(pair)
        result.created["IndustryLink"] += 1
        result.changed["IndustryLink"].add(created.pk)


def _seed_park_focus(
    park_ids: dict[str, int], industry_ids: dict[str, int], result: SeedResult
) -> None:
    existing = {
        (f.park_id, f.industry_id): f
        for f in ParkIndustry.objects.filter(park_id__in=park_ids.values())
    }
    for s in PARKS:
        park_id = park_ids[s.name]
        for code, weight in s.focus.items():
            key = (park_id, industry_ids[code])
            focus = existing.get(key)
            if focus is None:
                ParkIndustry(park_id=park_id, industry_id=key[1], weight=weight).save()
                result.created["ParkIndustry"] += 1
            elif focus.weight != weight:
                focus.weight = weight
                focus.save(update_fields=["weight"])
                result.updated["ParkIndustry"] += 1
            else:
                continue
            result.changed["Park"].add(park_id)  # focus is part of the park's projection


def _seed_organisations(
    city_ids: dict[str, int], park_ids: dict[str, int], result: SeedResult
) -> dict[str, int]:
    names = [s.name for s in ORGANISATIONS]
    if len(set(names)) != len(names):
        raise ValueError("organisation names in the demo data must be unique")
    existing = {(o.kind, o.name): o for o in Organisation.objects.filter(name__in=names)}
    keyed = _sync_rows(
        Organisation,
        "Organisation",
        existing,
        (
            (
                (s.kind, s.name),
                {
                    "name": s.name,
                    "name_en": s.name_en,
                    "kind": s.kind,
                    "subkind": s.subkind,
                    "city_id": city_ids[s.city],
                    "park_id": park_ids[s.park] if s.park else None,
                    "founded_year": s.founded_year,
                    "source_note": s.source_note,
                    "is_synthetic": False,
                },
            )
            for s in ORGANISATIONS
        ),
        result,
    )
    return {name: pk for (_, name), pk in keyed.items()}


def _seed_organisation_industries(
    org_ids: dict[str, int], industry_ids: dict[str, int], result: SeedResult
) -> None:
    existing = set(
        OrganisationIndustry.objects.filter(organisation_id__in=org_ids.values()).values_list(
            "organisation_id", "industry_id"
        )
    )
    missing = [
        (org_ids[s.name], industry_ids[code])
        for s in ORGANISATIONS
        for code in s.industries
        if (org_ids[s.name], industry_ids[code]) not in existing
    ]
    if not missing:
        return
    OrganisationIndustry.objects.bulk_create(
        [OrganisationIndustry(organisation_id=o, industry_id=i) for o, i in missing]
    )
    result.created["OrganisationIndustry"] += len(missing)
    result.changed["Organisation"].update(o for o, _ in missing)  # ACTIVE_IN is projected with it


def _ordered(kind: str, source: int, target: int) -> tuple[int, int]:
    """Undirected relations are stored once, with the smaller id as source."""
    if kind in UNDIRECTED_RELATIONS and source > target:
        return target, source
    return source, target


def _seed_park_relations(park_ids: dict[str, int], result: SeedResult) -> None:
    existing = {
        (r.kind, r.source_park_id, r.target_park_id): r
        for r in Relation.objects.filter(source_park__isnull=False, is_synthetic=False)
    }
    rows = []
    for s in PARK_RELATIONS:
        source, target = _ordered(s.kind, park_ids[s.source], park_ids[s.target])
        values = {
            "kind": s.kind,
            "source_park_id": source,
            "target_park_id": target,
            "name": s.name,
            "note": s.note,
            "started_on": s.started_on,
            "agreement_signed_on": s.agreement_signed_on,
            "source_note": s.source_note,
        }
        rows.append(((s.kind, source, target), values))
    _sync_rows(Relation, "Relation", existing, rows, result)


def _seed_organisation_relations(org_ids: dict[str, int], result: SeedResult) -> None:
    existing = {
        (r.kind, r.source_organisation_id, r.target_organisation_id): r
        for r in Relation.objects.filter(
            source_organisation_id__in=org_ids.values(),
            target_organisation_id__in=org_ids.values(),
            is_synthetic=False,
        )
    }
    rows = []
    for s in ORGANISATION_RELATIONS:
        source, target = _ordered(s.kind, org_ids[s.source], org_ids[s.target])
        values = {
            "kind": s.kind,
            "source_organisation_id": source,
            "target_organisation_id": target,
            "cooperation_kind": s.cooperation_kind,
            "note": s.note,
            "started_on": s.started_on,
            "source_note": s.source_note,
        }
        rows.append(((s.kind, source, target), values))
    _sync_rows(Relation, "Relation", existing, rows, result)
