"""Writes to the innovation network. One transaction each; each appends its outbox event(s)
so the graph follows (backend/network/outbox.py). Callers have already checked permissions
through the access helpers; services check the invariants a database constraint cannot say
clearly (cycles, endpoints of the right kind, duplicates in either direction).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, Q

from backend.core.errors import Conflict, ValidationFailed
from backend.core.lib.bilingual import Bilingual
from backend.network.models import (
    PARK_RELATIONS,
    SUBKINDS_BY_KIND,
    UNDIRECTED_RELATIONS,
    City,
    Industry,
    IndustryLink,
    Organisation,
    OrganisationIndustry,
    OrganisationKind,
    OutboxEvent,
    Park,
    ParkIndustry,
    Relation,
    RelationKind,
    Zone,
)
from backend.network.outbox import outbox_record

IN_USE = Bilingual(
    zh="该对象仍被其他数据引用，无法删除；请先移除相关引用。",
    en="Other records still refer to this item; remove those references first.",
)
DUPLICATE = Bilingual(zh="同名或相同的记录已存在。", en="An identical record already exists.")


@dataclass(frozen=True)
class Focus:
    industry: Industry
    weight: float


def _field_error(field: str, zh: str, en: str) -> ValidationFailed:
    return ValidationFailed(
        Bilingual(zh=zh, en=en), detail={field: [Bilingual(zh=zh, en=en).resolve()]}
    )


def _save(instance: Any) -> None:
    try:
        instance.full_clean(validate_unique=True, validate_constraints=False)
    except DjangoValidationError as exc:
        raise ValidationFailed(detail=exc.message_dict) from exc
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as exc:
        raise Conflict(DUPLICATE, detail={"error": str(exc).splitlines()[0][:200]}) from exc


def _delete(instance: Any, entity: str, payload: dict[str, Any] | None = None) -> None:
    pk = instance.pk
    try:
        with transaction.atomic():
            instance.delete()
    except ProtectedError as exc:
        blockers = sorted({type(o).__name__ for o in exc.protected_objects})
        raise Conflict(IN_USE, detail={"referenced_by": blockers}) from exc
    outbox_record(entity=entity, entity_id=pk, op=OutboxEvent.Op.DELETE, payload=payload)


def _apply(instance: Any, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        setattr(instance, name, value)


# --- cities and zones ---------------------------------------------------------------------------


@transaction.atomic
def city_create(*, name: str, province: str, name_en: str = "", **extra: Any) -> City:
    city = City(name=name, province=province, name_en=name_en, **extra)
    _save(city)
    outbox_record(entity="City", entity_id=city.pk)
    return city


@transaction.atomic
def zone_create(*, name: str, city: City, level: str, **extra: Any) -> Zone:
    zone = Zone(name=name, city=city, level=level, **extra)
    _save(zone)
    outbox_record(entity="Zone", entity_id=zone.pk)
    return zone


# --- industries ---------------------------------------------------------------------------------


def _check_no_parent_cycle(industry: Industry, parent: Industry | None) -> None:
    seen = {industry.pk}
    node = parent
    while node is not None:
        if node.pk in seen:
            raise _field_error(
                "parent",
                f"上级行业“{parent.name if parent else ''}”会使行业分类形成循环。",
                f"Parent “{parent.name if parent else ''}” would make the taxonomy a cycle.",
            )
        seen.add(node.pk)
        node = node.parent


@transaction.atomic
def industry_create(
    *, name: str, code: str, parent: Industry | None = None, **extra: Any
) -> Industry:
    industry = Industry(name=name, code=code, parent=parent, **extra)
    _save(industry)
    outbox_record(entity="Industry", entity_id=industry.pk)
    return industry


@transaction.atomic
def industry_update(*, industry: Industry, **fields: Any) -> Industry:
    if "parent" in fields:
        _check_no_parent_cycle(industry, fields["parent"])
    _apply(industry, fields)
    _save(industry)
    outbox_record(entity="Industry", entity_id=industry.pk)
    return industry


@transaction.atomic
def industry_delete(*, industry: Industry) -> None:
    _delete(industry, "Industry")


@transaction.atomic
def industry_link_create(*, upstream: Industry, downstream: Industry) -> IndustryLink:
    if upstream.pk == downstream.pk:
        raise _field_error(
            "downstream", "上下游不能是同一行业。", "Upstream and downstream must differ."
        )
    if IndustryLink.objects.filter(upstream=upstream, downstream=downstream).exists():
        raise Conflict(DUPLICATE, detail={"downstream": ["duplicate chain link"]})
    link = IndustryLink(upstream=upstream, downstream=downstream)
    _save(link)
    outbox_record(entity="IndustryLink", entity_id=link.pk)
    return link


@transaction.atomic
def industry_link_delete(*, link: IndustryLink) -> None:
    _delete(link, "IndustryLink")


# --- parks --------------------------------------------------------------------------------------


def _set_focus(park: Park, focus: Sequence[Focus]) -> None:
    industries = [f.industry.pk for f in focus]
    if len(set(industries)) != len(industries):
        raise _field_error(
            "industries", "同一主导产业不能重复出现。", "A leading industry is listed twice."
        )
    ParkIndustry.objects.filter(park=park).delete()
    ParkIndustry.objects.bulk_create(
        [ParkIndustry(park=park, industry=f.industry, weight=f.weight) for f in focus]
    )


@transaction.atomic
def park_create(*, name: str, focus: Sequence[Focus] = (), **fields: Any) -> Park:
    park = Park(name=name, **fields)
    _save(park)
    _set_focus(park, focus)
    outbox_record(entity="Park", entity_id=park.pk)
    return park


@transaction.atomic
def park_update(*, park: Park, focus: Sequence[Focus] | None = None, **fields: Any) -> Park:
    _apply(park, fields)
    _save(park)
    if focus is not None:
        _set_focus(park, focus)
    outbox_record(entity="Park", entity_id=park.pk)
    return park


@transaction.atomic
def park_delete(*, park: Park) -> None:
    _delete(park, "Park")


# --- organisations -------------------------------------------------------------------------------


def _check_subkind(kind: str, subkind: str) -> None:
    if subkind and subkind not in SUBKINDS_BY_KIND.get(kind, set()):
        raise _field_error(
            "subkind",
            f"类型“{kind}”不能有子类型“{subkind}”。",
            f"Kind “{kind}” cannot have subkind “{subkind}”.",
        )


def _set_industries(organisation: Organisation, industries: Iterable[Industry]) -> None:
    OrganisationIndustry.objects.filter(organisation=organisation).delete()
    OrganisationIndustry.objects.bulk_create(
        [
            OrganisationIndustry(organisation=organisation, industry=i)
            for i in {i.pk: i for i in industries}.values()
        ]
    )


@transaction.atomic
def organisation_create(
    *, name: str, kind: str, industries: Iterable[Industry] = (), **fields: Any
) -> Organisation:
    _check_subkind(kind, fields.get("subkind", ""))
    organisation = Organisation(name=name, kind=kind, **fields)
    _save(organisation)
    _set_industries(organisation, industries)
    outbox_record(entity="Organisation", entity_id=organisation.pk)
    return organisation


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, industries: Iterable[Industry] | None = None, **fields: Any
) -> Organisation:
    _check_subkind(
        fields.get("kind", organisation.kind), fields.get("subkind", organisation.subkind)
    )
    if "kind" in fields and fields["kind"] != organisation.kind:
        _check_relations_allow_kind(organisation, fields["kind"])
    _apply(organisation, fields)
    _save(organisation)
    if industries is not None:
        _set_industries(organisation, industries)
    outbox_record(entity="Organisation", entity_id=organisation.pk)
    return organisation


@transaction.atomic
def organisation_delete(*, organisation: Organisation) -> None:
    _delete(organisation, "Organisation")


# --- relations -----------------------------------------------------------------------------------

# Which organisation kinds may stand at each end of an organisation relation.
ORG_RELATION_ENDPOINTS: dict[str, tuple[set[str], set[str]]] = {
    RelationKind.AFFILIATED_WITH: ({OrganisationKind.LAB}, {OrganisationKind.UNIVERSITY}),
    RelationKind.SUPPLIES_TO: ({OrganisationKind.ENTERPRISE}, {OrganisationKind.ENTERPRISE}),
    RelationKind.COOPERATES_WITH: (set(OrganisationKind.values), set(OrganisationKind.values)),
}


def _check_relations_allow_kind(organisation: Organisation, kind: str) -> None:
    for relation in Relation.objects.filter(
        Q(source_organisation=organisation) | Q(target_organisation=organisation)
    ):
        sources, targets = ORG_RELATION_ENDPOINTS[relation.kind]
        allowed = sources if relation.source_organisation_id == organisation.pk else targets
        if kind not in allowed:
            raise _field_error(
                "kind",
                f"该机构存在“{relation.get_kind_display()}”关系，不能改为此类型。",
                f"The organisation has a {relation.kind} relation that this kind cannot hold.",
            )


def _endpoints(kind: str, source: Park | Organisation, target: Park | Organisation) -> dict:
    if kind in PARK_RELATIONS:
        if not isinstance(source, Park) or not isinstance(target, Park):
            raise _field_error(
                "source",
                "飞地、伙伴与对接关系只能连接两个园区。",
                "Enclave, partner and docking relations join two parks.",
            )
    else:
        if not isinstance(source, Organisation) or not isinstance(target, Organisation):
            raise _field_error(
                "source", "该关系只能连接两个机构。", "This relation joins two organisations."
            )
        sources, targets = ORG_RELATION_ENDPOINTS[kind]
        if source.kind not in sources or target.kind not in targets:
            raise _field_error(
                "target",
                "关系两端的机构类型不符（隶属：实验室→高校；供货：企业→企业）。",
                "Endpoint kinds do not fit (affiliated: lab → university; "
                "supplies: enterprise → enterprise).",
            )
    if source.pk == target.pk:
        raise _field_error(
            "target",
            "关系不能指向自身（园区不能是自己的飞地或伙伴）。",
            "A relation cannot join an entity to itself.",
        )
    if kind in UNDIRECTED_RELATIONS and source.pk > target.pk:
        source, target = target, source  # one stored direction for undirected pairs
    prefix = "park" if kind in PARK_RELATIONS else "organisation"
    return {f"source_{prefix}": source, f"target_{prefix}": target}


@transaction.atomic
def relation_create(
    *, kind: str, source: Park | Organisation, target: Park | Organisation, **fields: Any
) -> Relation:
    if kind not in RelationKind.values:
        raise _field_error("kind", f"未知的关系类型“{kind}”。", f"Unknown relation kind “{kind}”.")
    ends = _endpoints(kind, source, target)
    if Relation.objects.filter(kind=kind, **ends).exists():
        raise Conflict(DUPLICATE, detail={"target": ["this relation already exists"]})
    _check_dates(fields)
    relation = Relation(kind=kind, **ends, **fields)
    _save(relation)
    outbox_record(entity="Relation", entity_id=relation.pk, payload={"kind": kind})
    return relation


def _check_dates(fields: dict[str, Any]) -> None:
    started, ended = fields.get("started_on"), fields.get("ended_on")
    if started and ended and ended < started:
        raise _field_error(
            "ended_on", "结束日期早于开始日期。", "The end date is before the start."
        )


@transaction.atomic
def relation_update(*, relation: Relation, **fields: Any) -> Relation:
    fields.pop("kind", None)  # a relation's kind is fixed; create a new one instead
    _check_dates(
        {
            "started_on": fields.get("started_on", relation.started_on),
            "ended_on": fields.get("ended_on", relation.ended_on),
        }
    )
    _apply(relation, fields)
    _save(relation)
    outbox_record(entity="Relation", entity_id=relation.pk, payload={"kind": relation.kind})
    return relation


@transaction.atomic
def relation_delete(*, relation: Relation) -> None:
    _delete(relation, "Relation", payload={"kind": relation.kind})
