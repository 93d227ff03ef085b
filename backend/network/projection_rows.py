"""Rows of the system of record, shaped for graph/projection.py.

The same builders feed the outbox drain (a few ids), `graph_rebuild` (everything, in chunks)
and `graph_check` (everything, compared with the graph), so the three cannot disagree about
what the graph should hold. `.values()` queries keep 100,000 organisations cheap.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from backend.network.models import (
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
from graph.labels import Label, RelationType
from graph.projection import ProjectionBatch, Row

ENTITIES = ("City", "Zone", "Industry", "IndustryLink", "Park", "Organisation", "Relation")
MODELS: dict[str, Any] = {
    "City": City,
    "Zone": Zone,
    "Industry": Industry,
    "IndustryLink": IndustryLink,
    "Park": Park,
    "Organisation": Organisation,
    "Relation": Relation,
}
NODE_LABEL = {
    "City": Label.CITY,
    "Zone": Label.ZONE,
    "Industry": Label.INDUSTRY,
    "Park": Label.PARK,
    "Organisation": Label.ORGANISATION,
}


# Values the graph stores differently from the database (everything else goes as it is).
_CONVERT: dict[type, Callable[[Any], Any]] = {
    Decimal: float,
    date: date.isoformat,
    datetime: datetime.isoformat,
}


def _props(uid: str, values: dict[str, Any]) -> dict[str, Any]:
    """The node's or relationship's properties: uid first, then every value that is set.
    Runs once per row of a rebuild (about a million times), hence the plain loop."""
    props = {"uid": uid}
    for key, value in values.items():
        if value is None or value == "":
            continue
        convert = _CONVERT.get(type(value))
        props[key] = value if convert is None else convert(value)
    return props


def _uid(prefix: str, pk: int | None) -> str | None:
    return None if pk is None else f"{prefix}:{pk}"


def _filtered(queryset: QuerySet[Any], ids: Iterable[int] | None) -> QuerySet[Any]:
    """Rows of these ids; a `range` (what full_batches passes) becomes a range condition,
    which PostgreSQL answers far faster than an IN list of thousands of ids."""
    if ids is None:
        return queryset
    if isinstance(ids, range) and ids.step == 1:
        return queryset.filter(pk__gte=ids.start, pk__lt=ids.stop)
    return queryset.filter(pk__in=list(ids))


def city_rows(ids: Iterable[int] | None = None) -> list[Row]:
    fields = ("id", "name", "name_en", "province", "is_metro_core", "is_synthetic")
    return [
        {
            "id": c["id"],
            "uid": f"city:{c['id']}",
            "props": _props(f"city:{c['id']}", {k: c[k] for k in fields[1:]}),
        }
        for c in _filtered(City.objects.all(), ids).values(*fields)
    ]


def zone_rows(ids: Iterable[int] | None = None) -> list[Row]:
    fields = ("id", "name", "name_en", "level", "city_id", "is_synthetic")
    rows = []
    for z in _filtered(Zone.objects.all(), ids).values(*fields):
        uid = f"zone:{z['id']}"
        city_uid = _uid("city", z["city_id"])
        props = _props(
            uid,
            {
                "name": z["name"],
                "name_en": z["name_en"],
                "level": z["level"],
                "city_uid": city_uid,
                "is_synthetic": z["is_synthetic"],
            },
        )
        rows.append({"id": z["id"], "uid": uid, "props": props, "city_uid": city_uid})
    return rows


def industry_rows(ids: Iterable[int] | None = None) -> list[Row]:
    fields = ("id", "name", "name_en", "code", "parent_id", "is_future_industry", "is_synthetic")
    rows = []
    for i in _filtered(Industry.objects.all(), ids).values(*fields):
        uid = f"industry:{i['id']}"
        props = _props(
            uid,
            {
                "name": i["name"],
                "name_en": i["name_en"],
                "code": i["code"],
                "is_future_industry": i["is_future_industry"],
                "is_synthetic": i["is_synthetic"],
            },
        )
        rows.append(
            {
                "id": i["id"],
                "uid": uid,
                "props": props,
                "parent_uid": _uid("industry", i["parent_id"]),
            }
        )
    return rows


def industry_link_rows(ids: Iterable[int] | None = None) -> list[Row]:
    return [
        {
            "id": link["id"],
            "uid": f"chain:{link['id']}",
            "source_uid": f"industry:{link['upstream_id']}",
            "target_uid": f"industry:{link['downstream_id']}",
        }
        for link in _filtered(IndustryLink.objects.all(), ids).values(
            "id", "upstream_id", "downstream_id"
        )
    ]


PARK_FIELDS = (
    "id",
    "name",
    "short_name",
    "name_en",
    "city_id",
    "zone_id",
    "level",
    "kind",
    "available_land_mu",
    "available_space_m2",
    "latitude",
    "longitude",
    "alliance_member",
    "is_synthetic",
)


def park_rows(ids: Iterable[int] | None = None) -> list[Row]:
    parks = list(_filtered(Park.objects.all(), ids).values(*PARK_FIELDS))
    focus: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for f in (
        ParkIndustry.objects.filter(park_id__in=[p["id"] for p in parks])
        .values("park_id", "industry_id", "weight")
        .order_by("park_id", "industry_id")
    ):
        focus[f["park_id"]].append(
            {"industry_uid": f"industry:{f['industry_id']}", "weight": float(f["weight"])}
        )
    rows = []
    for p in parks:
        uid = f"park:{p['id']}"
        city_uid, zone_uid = _uid("city", p["city_id"]), _uid("zone", p["zone_id"])
        values = {k: p[k] for k in PARK_FIELDS[1:] if k not in ("city_id", "zone_id")}
        props = _props(uid, {**values, "city_uid": city_uid, "zone_uid": zone_uid})
        rows.append(
            {
                "id": p["id"],
                "uid": uid,
                "props": props,
                "city_uid": city_uid,
                "zone_uid": zone_uid,
                "alliance_member": p["alliance_member"],
                "focus": focus[p["id"]],
            }
        )
    return rows


ORGANISATION_FIELDS = (
    "id",
    "name",
    "name_en",
    "kind",
    "subkind",
    "city_id",
    "park_id",
    "founded_year",
    "employees",
    "is_high_tech",
    "is_tech_sme",
    "is_specialised",
    "is_gazelle",
    "is_unicorn",
    "is_nezha",
    "is_listed",
    "is_synthetic",
)


def organisation_rows(ids: Iterable[int] | None = None) -> list[Row]:
    organisations = list(_filtered(Organisation.objects.all(), ids).values(*ORGANISATION_FIELDS))
    active: dict[int, list[str]] = defaultdict(list)
    org_ids = [o["id"] for o in organisations]
    links = OrganisationIndustry.objects.order_by("organisation_id", "industry_id")
    if isinstance(ids, range) and ids.step == 1:
        links = links.filter(organisation_id__gte=ids.start, organisation_id__lt=ids.stop)
    elif ids is not None:
        links = links.filter(organisation_id__in=org_ids)
    elif org_ids:
        links = links.filter(organisation_id__gte=org_ids[0], organisation_id__lte=org_ids[-1])
    for link in links.values("organisation_id", "industry_id"):
        active[link["organisation_id"]].append(f"industry:{link['industry_id']}")
    rows = []
    for o in organisations:
        uid = f"org:{o['id']}"
        city_uid, park_uid = _uid("city", o["city_id"]), _uid("park", o["park_id"])
        values = {k: o[k] for k in ORGANISATION_FIELDS[1:] if k not in ("city_id", "park_id")}
        props = _props(uid, {**values, "city_uid": city_uid, "park_uid": park_uid})
        rows.append(
            {
                "id": o["id"],
                "uid": uid,
                "kind": o["kind"],
                "props": props,
                "park_uid": park_uid,
                "industry_uids": active[o["id"]],
            }
        )
    return rows


RELATION_FIELDS = (
    "id",
    "kind",
    "source_park_id",
    "target_park_id",
    "source_organisation_id",
    "target_organisation_id",
    "cooperation_kind",
    "name",
    "started_on",
    "ended_on",
    "agreement_signed_on",
    "is_synthetic",
)


RELATION_PROPS = RELATION_FIELDS[6:]  # cooperation_kind ... is_synthetic


def relation_rows(ids: Iterable[int] | None = None) -> list[Row]:
    rows = []
    # Tuples rather than .values() dicts: a rebuild reads close to a million of these.
    for pk, kind, source_park, target_park, source_org, target_org, *values in _filtered(
        Relation.objects.all(), ids
    ).values_list(*RELATION_FIELDS):
        uid = f"rel:{pk}"
        if source_park:
            source, target = f"park:{source_park}", f"park:{target_park}"
        else:
            source, target = f"org:{source_org}", f"org:{target_org}"
        rows.append(
            {
                "id": pk,
                "uid": uid,
                "type": kind,
                "source_uid": source,
                "target_uid": target,
                "props": _props(uid, dict(zip(RELATION_PROPS, values, strict=True))),
            }
        )
    return rows


BUILDERS: dict[str, Callable[[Iterable[int] | None], list[Row]]] = {
    "City": city_rows,
    "Zone": zone_rows,
    "Industry": industry_rows,
    "IndustryLink": industry_link_rows,
    "Park": park_rows,
    "Organisation": organisation_rows,
    "Relation": relation_rows,
}

_BATCH_FIELD = {
    "City": "cities",
    "Zone": "zones",
    "Industry": "industries",
    "IndustryLink": "industry_links",
    "Park": "parks",
    "Organisation": "organisations",
    "Relation": "relations",
}


def batch_for_changes(
    ids_by_entity: dict[str, set[int]], relation_kinds: dict[int, str]
) -> ProjectionBatch:
    """The batch that brings the graph in line with the current rows of these ids: rows that
    exist are upserted, rows that are gone are deleted."""
    batch = ProjectionBatch()
    for entity in ENTITIES:
        ids = ids_by_entity.get(entity)
        if not ids:
            continue
        rows = BUILDERS[entity](ids)
        getattr(batch, _BATCH_FIELD[entity]).extend(rows)
        for missing in sorted(ids - {row["id"] for row in rows}):
            if entity == "Relation":
                kind = relation_kinds.get(missing)
                if kind:
                    batch.delete_relation(RelationType(kind), f"rel:{missing}")
            elif entity == "IndustryLink":
                batch.deleted_industry_links.append(f"chain:{missing}")
            else:
                prefix = MODELS[entity].UID_PREFIX
                batch.delete_node(NODE_LABEL[entity], f"{prefix}:{missing}")
    return batch


def full_batches(
    chunk: int = 20_000, *, into_empty_graph: bool = False
) -> Iterator[ProjectionBatch]:
    """Everything, entity by entity in dependency order, `chunk` rows of a kind at a time."""
    for entity in ENTITIES:
        ids = list(MODELS[entity].objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), chunk):
            batch = ProjectionBatch(into_empty_graph=into_empty_graph)
            part = ids[start : start + chunk]
            # Ids ascend, so the chunk is the id range from its first to its last id.
            rows = BUILDERS[entity](range(part[0], part[-1] + 1))
            getattr(batch, _BATCH_FIELD[entity]).extend(rows)
            yield batch
