"""Clearly synthetic enterprises at metropolitan scale, from a seeded generator.

Every row is marked `is_synthetic=True`, named 「宁聚示例·<行业>科技有限公司 000123」 and noted
"synthetic, seed S". The same seed over the same demo data gives the same rows: every random
draw comes from one `random.Random(seed)` and walks parks, cities and industries in natural-key
order, never in database-id order.

Shape (what makes the graph look like the circle's): enterprises crowd into national and
Nanjing parks (log-normal park sizes), take their main industry from their park's leading
industries, and are 1–3 industries wide; company size is log-normal. SUPPLIES_TO edges follow
the industry chain (a supplier is drawn from an upstream industry of its customer's), and
COOPERATES_WITH edges are local (same park or same industry) more often than not; both prefer
large companies, which gives the heavy-tailed degrees real supply networks have.

Speed: rows are built as plain tuples, written with `bulk_create` in batches, and read back
with `values_list`; the pinyin search key is computed once per industry and completed with the
serial number.
"""

from __future__ import annotations

import random
import time
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate

from django.db import transaction

from backend.core.lib.pinyin import search_key
from backend.network.demo.stats import graph_relationship_estimate
from backend.network.models import (
    City,
    CooperationKind,
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
)
from backend.network.outbox import outbox_record_many

NAME_PREFIX = "宁聚示例·"
# Whole-graph relationships per enterprise: 100,000 enterprises -> about 1,000,000.
RELATIONSHIPS_PER_ENTERPRISE = 10
# Above this many rows the outbox is skipped and `graph_rebuild` is the faster way in.
OUTBOX_MAX_EVENTS = 50_000
BATCH_SIZE = 5_000

CITY_ONLY_SHARE = 0.08  # enterprises registered in a city but in none of the demo parks
FOCUS_SHARE = 0.8  # main industry drawn from the park's leading industries
INDUSTRY_COUNT_WEIGHTS = (0.5, 0.35, 0.15)  # 1, 2 or 3 industries
_INDUSTRY_COUNT_CUM = list(accumulate(INDUSTRY_COUNT_WEIGHTS))
SUPPLY_SHARE = 0.65  # of generated relations; the rest cooperate
REAL_PARTNER_SHARE = 0.02  # of cooperations: with a real university or lab
LEVEL_WEIGHT = {"national": 3.0, "provincial": 1.5, "municipal": 1.0}
KIND_WEIGHT = {"enclave": 0.3, "partner": 0.3}
COOPERATION_KINDS = (
    (CooperationKind.JOINT_RESEARCH, 0.35),
    (CooperationKind.TECH_TRANSFER, 0.2),
    (CooperationKind.OTHER, 0.2),
    (CooperationKind.TALENT, 0.1),
    (CooperationKind.INVESTMENT, 0.1),
    (CooperationKind.JOINT_LAB, 0.05),
)
FIRST_DAY, LAST_DAY = date(2010, 1, 1), date(2025, 6, 30)


class SyntheticDataExists(Exception):
    """Synthetic enterprises are already there and replacing them was not asked for."""


class DemoDataMissing(Exception):
    """seed_demo has not run: there are no parks or industries to spread enterprises over."""


@dataclass
class SyntheticResult:
    enterprises: int = 0
    active_in: int = 0
    relations: Counter[str] = field(default_factory=Counter)
    deleted_enterprises: int = 0
    outbox_events: int = 0
    outbox_skipped: bool = False
    seconds: dict[str, float] = field(default_factory=dict)
    graph_estimate: dict[str, int] = field(default_factory=dict)


@dataclass
class _Context:
    """The demo data the generator spreads enterprises over, in natural-key order."""

    park_ids: list[int]
    park_city: list[int]
    park_cum: list[float]
    park_focus: list[tuple[list[int], list[float]]]  # industry ids, cumulative weights
    city_ids: list[int]
    city_cum: list[float]
    industry_name: dict[int, str]
    industry_name_en: dict[int, str]
    leaves: list[int]
    leaves_under: dict[int, list[int]]
    siblings: dict[int, list[int]]
    upstream: dict[int, list[int]]
    neighbours: dict[int, list[int]]
    partners: list[int]  # real universities and labs, by name


@dataclass(slots=True)
class _Enterprise:
    number: str
    park: int | None  # index into context.park_ids
    city_id: int
    industries: list[int]
    employees: int
    founded: int
    flags: tuple[bool, bool, bool, bool, bool, bool, bool]


def _cum(weights: Sequence[float]) -> list[float]:
    return list(accumulate(weights))


def _pick(rng: random.Random, cum: Sequence[float]) -> int:
    """Index drawn with probability proportional to its weight (cum: cumulative weights)."""
    return bisect_right(cum, rng.random() * cum[-1])


def _load_context(rng: random.Random) -> _Context:
    parks = list(
        Park.objects.filter(is_synthetic=False, city__isnull=False)
        .order_by("name")
        .values_list("id", "city_id", "level", "kind")
    )
    industries = list(
        Industry.objects.order_by("code").values_list("id", "name", "name_en", "parent_id")
    )
    if not parks or not industries:
        raise DemoDataMissing("no parks or industries yet: run `manage.py seed_demo` first")

    park_index = {pk: i for i, (pk, *_) in enumerate(parks)}
    focus: list[list[tuple[int, float]]] = [[] for _ in parks]
    for park_id, industry_id, weight in (
        ParkIndustry.objects.filter(park_id__in=park_index)
        .order_by("park__name", "industry__code")
        .values_list("park_id", "industry_id", "weight")
    ):
        focus[park_index[park_id]].append((industry_id, weight))
    park_weights = [
        LEVEL_WEIGHT.get(level, 1.0) * KIND_WEIGHT.get(kind, 1.0) * rng.lognormvariate(0, 0.5)
        for _, _, level, kind in parks
    ]

    cities = list(City.objects.order_by("name").values_list("id", "is_metro_core"))

    children: dict[int, list[int]] = defaultdict(list)
    for pk, _, _, parent in industries:
        if parent is not None:
            children[parent].append(pk)

    def leaves_of(pk: int) -> list[int]:
        return [pk] if not children[pk] else [x for c in children[pk] for x in leaves_of(c)]

    leaves = [pk for pk, *_ in industries if not children[pk]]
    parent_of = {pk: parent for pk, _, _, parent in industries}
    siblings = {
        pk: [s for s in children[parent_of[pk]] if s != pk and not children[s]]
        for pk in leaves
        if parent_of[pk] is not None
    }
    upstream: dict[int, list[int]] = defaultdict(list)
    neighbours: dict[int, list[int]] = defaultdict(list)
    for up, down in IndustryLink.objects.order_by("upstream__code", "downstream__code").values_list(
        "upstream_id", "downstream_id"
    ):
        upstream[down].append(up)
        neighbours[down].append(up)
        neighbours[up].append(down)

    partners = list(
        Organisation.objects.filter(
            is_synthetic=False, kind__in=[OrganisationKind.UNIVERSITY, OrganisationKind.LAB]
        )
        .order_by("name")
        .values_list("id", flat=True)
    )
    return _Context(
        park_ids=[pk for pk, *_ in parks],
        park_city=[city for _, city, _, _ in parks],
        park_cum=_cum(park_weights),
        park_focus=[([i for i, _ in f], _cum([w for _, w in f])) for f in focus],
        city_ids=[pk for pk, _ in cities],
        city_cum=_cum([3.0 if core else 1.0 for _, core in cities]),
        industry_name={pk: name for pk, name, _, _ in industries},
        industry_name_en={pk: name_en for pk, _, name_en, _ in industries},
        leaves=leaves,
        leaves_under={pk: leaves_of(pk) for pk, *_ in industries},
        siblings=siblings,
        upstream=dict(upstream),
        neighbours=dict(neighbours),
        partners=partners,
    )


def _industries_for(rng: random.Random, ctx: _Context, park: int | None) -> list[int]:
    focus_ids, focus_cum = ctx.park_focus[park] if park is not None else ([], [])
    if focus_ids and rng.random() < FOCUS_SHARE:
        primary = rng.choice(ctx.leaves_under[focus_ids[_pick(rng, focus_cum)]])
    else:
        primary = rng.choice(ctx.leaves)
    chosen = [primary]
    wanted = 1 + _pick(rng, _INDUSTRY_COUNT_CUM)
    for _ in range(6):  # a few tries; a narrow neighbourhood may give fewer industries
        if len(chosen) >= wanted:
            break
        r = rng.random()
        pool = (
            ctx.neighbours.get(primary)
            if r < 0.5
            else ctx.siblings.get(primary)
            if r < 0.8
            else ctx.leaves
        ) or ctx.leaves
        candidate = rng.choice(pool)
        if candidate not in chosen:
            chosen.append(candidate)
    return chosen


def _flags(rng: random.Random, employees: int) -> tuple[bool, bool, bool, bool, bool, bool, bool]:
    """高新技术 ~30%, 科技型中小 ~40%, 专精特新 ~5%, 瞪羚 ~2%, 上市 ~1%, 独角兽 and 哪吒 rare.

    The rarer badges go mostly to high-tech enterprises (conditional rates chosen so that the
    overall rates come out as above)."""
    high_tech = rng.random() < 0.30
    tech_sme = employees < 500 and rng.random() < 0.402
    specialised = rng.random() < (0.12 if high_tech else 0.02)
    gazelle = rng.random() < (0.05 if high_tech else 0.0071)
    listed = rng.random() < (0.025 if high_tech else 0.0036)
    unicorn = high_tech and not listed and rng.random() < 0.0007
    nezha = high_tech and not listed and not unicorn and rng.random() < 0.0017
    return high_tech, tech_sme, specialised, gazelle, unicorn, nezha, listed


def _generate_enterprises(rng: random.Random, ctx: _Context, count: int) -> list[_Enterprise]:
    width = max(4, len(str(count)))
    out = []
    for i in range(1, count + 1):
        if rng.random() < CITY_ONLY_SHARE:
            park = None
            city_id = ctx.city_ids[_pick(rng, ctx.city_cum)]
        else:
            park = _pick(rng, ctx.park_cum)
            city_id = ctx.park_city[park]
        industries = _industries_for(rng, ctx, park)
        employees = min(60_000, max(3, int(rng.lognormvariate(3.4, 1.1))))
        founded = 2024 - min(34, int(rng.expovariate(1 / 9)))
        flags = _flags(rng, employees)
        high_tech, tech_sme, specialised, gazelle, unicorn, nezha, listed = flags
        if listed or unicorn:
            employees = max(employees * 20, 800)
            tech_sme = False
        if unicorn:
            founded = max(founded, 2012)
        if nezha:
            founded = max(founded, 2019)
        flags = (high_tech, tech_sme, specialised, gazelle, unicorn, nezha, listed)
        out.append(
            _Enterprise(f"{i:0{width}d}", park, city_id, industries, employees, founded, flags)
        )
    return out


class _SearchKeys:
    """search_key(name, name_en) of generated names, computed once per industry.

    The serial number is the only part that varies and passes through pinyin unchanged, so the
    key of a template with a placeholder number, with the real number put back, is the key of
    the name. Each template is checked once against the full computation and falls back to it
    if the two ever differ (e.g. after a change to search_key)."""

    def __init__(self, width: int) -> None:
        self.placeholder = "0" * width
        self.templates: dict[int, str | None] = {}

    def key(self, industry: int, name: str, name_en: str, number: str) -> str:
        if industry not in self.templates:
            candidate = search_key(
                name.replace(number, self.placeholder), name_en.replace(number, self.placeholder)
            )
            exact = search_key(name, name_en)
            fits = candidate.replace(self.placeholder, number) == exact
            self.templates[industry] = candidate if fits else None
            return exact
        template = self.templates[industry]
        if template is None:
            return search_key(name, name_en)
        return template.replace(self.placeholder, number)


def _enterprise_rows(
    ctx: _Context, enterprises: Sequence[_Enterprise], note: str
) -> list[Organisation]:
    keys = _SearchKeys(len(enterprises[0].number) if enterprises else 4)
    rows = []
    for e in enterprises:
        primary = e.industries[0]
        name = f"{NAME_PREFIX}{ctx.industry_name[primary]}科技有限公司 {e.number}"
        name_en = f"NingJu Sample {ctx.industry_name_en[primary]} Technology Co., Ltd. {e.number}"
        high_tech, tech_sme, specialised, gazelle, unicorn, nezha, listed = e.flags
        rows.append(
            Organisation(
                name=name,
                name_en=name_en,
                kind=OrganisationKind.ENTERPRISE,
                city_id=e.city_id,
                park_id=ctx.park_ids[e.park] if e.park is not None else None,
                founded_year=e.founded,
                employees=e.employees,
                is_high_tech=high_tech,
                is_tech_sme=tech_sme,
                is_specialised=specialised,
                is_gazelle=gazelle,
                is_unicorn=unicorn,
                is_nezha=nezha,
                is_listed=listed,
                is_synthetic=True,
                source_note=note,
                search_key=keys.key(primary, name, name_en, e.number),
            )
        )
    return rows


def _insert_enterprises(rows: list[Organisation]) -> list[int]:
    """Insert in batches; returns the ids in row order."""
    for start in range(0, len(rows), BATCH_SIZE):
        Organisation.objects.bulk_create(rows[start : start + BATCH_SIZE])
    if all(row.pk is not None for row in rows):
        return [row.pk for row in rows]
    # Backends that do not return ids from a bulk insert: read them back by (unique) name.
    by_name = dict(
        Organisation.objects.filter(
            kind=OrganisationKind.ENTERPRISE, is_synthetic=True
        ).values_list("name", "id")
    )
    return [by_name[row.name] for row in rows]


@dataclass(frozen=True, slots=True)
class _Edge:
    kind: str
    source: int  # enterprise index, or -(k + 1) for context.partners[k]
    target: int
    cooperation_kind: str
    started_on: date


def _generate_edges(
    rng: random.Random, ctx: _Context, enterprises: Sequence[_Enterprise], count: int
) -> list[_Edge]:
    """`count` distinct SUPPLIES_TO and COOPERATES_WITH edges between enterprise indices."""
    n = len(enterprises)
    if n < 2 or count <= 0:
        return []
    size_cum = _cum([e.employees**0.6 for e in enterprises])
    by_industry: dict[int, list[int]] = defaultdict(list)
    by_park: dict[int, list[int]] = defaultdict(list)
    for i, e in enumerate(enterprises):
        by_industry[e.industries[0]].append(i)
        if e.park is not None:
            by_park[e.park].append(i)

    def group(members: list[int]) -> tuple[list[int], list[float]]:
        return members, _cum([enterprises[i].employees ** 0.6 for i in members])

    industry_groups = {k: group(v) for k, v in by_industry.items()}
    park_groups = {k: group(v) for k, v in by_park.items()}
    kinds = [k for k, _ in COOPERATION_KINDS]
    kinds_cum = _cum([w for _, w in COOPERATION_KINDS])

    def started(*indices: int) -> date:
        year = max([FIRST_DAY.year] + [enterprises[i].founded for i in indices if i >= 0])
        first = max(FIRST_DAY, date(min(year, LAST_DAY.year), 1, 1))
        return first + timedelta(days=rng.randrange(max(1, (LAST_DAY - first).days)))

    def draw(members_cum: tuple[list[int], list[float]] | None) -> int:
        if members_cum is None:
            return _pick(rng, size_cum)
        members, cum = members_cum
        return members[_pick(rng, cum)]

    supplies: set[tuple[int, int]] = set()
    cooperations: set[tuple[int, int]] = set()
    edges: list[_Edge] = []
    attempts = 0
    while len(edges) < count and attempts < 4 * count + 100:
        attempts += 1
        if rng.random() < SUPPLY_SHARE:
            customer = draw(None)
            industry = enterprises[customer].industries[0]
            ups = ctx.upstream.get(industry)
            source_industry = rng.choice(ups) if ups and rng.random() < 0.7 else industry
            supplier = draw(industry_groups.get(source_industry))
            if supplier == customer or (supplier, customer) in supplies:
                continue
            supplies.add((supplier, customer))
            edges.append(
                _Edge(RelationKind.SUPPLIES_TO, supplier, customer, "", started(supplier, customer))
            )
            continue
        a = draw(None)
        park = enterprises[a].park
        r = rng.random()
        if r < REAL_PARTNER_SHARE and ctx.partners:
            b = -(rng.randrange(len(ctx.partners)) + 1)
        elif r < 0.5 and park is not None:
            b = draw(park_groups[park])
        elif r < 0.8:
            b = draw(industry_groups[enterprises[a].industries[0]])
        else:
            b = draw(None)
        pair = (min(a, b), max(a, b))
        if a == b or pair in cooperations:
            continue
        cooperations.add(pair)
        kind = kinds[_pick(rng, kinds_cum)]
        edges.append(_Edge(RelationKind.COOPERATES_WITH, a, b, kind, started(a, b)))
    return edges


def _insert_edges(
    ctx: _Context, edges: Sequence[_Edge], enterprise_ids: Sequence[int], note: str
) -> Counter[str]:
    def org_id(index: int) -> int:
        return enterprise_ids[index] if index >= 0 else ctx.partners[-index - 1]

    counts: Counter[str] = Counter()
    for start in range(0, len(edges), BATCH_SIZE):
        rows = []
        for edge in edges[start : start + BATCH_SIZE]:
            source, target = org_id(edge.source), org_id(edge.target)
            if edge.kind == RelationKind.COOPERATES_WITH and source > target:
                source, target = target, source  # undirected: smaller id as source
            rows.append(
                Relation(
                    kind=edge.kind,
                    source_organisation_id=source,
                    target_organisation_id=target,
                    cooperation_kind=edge.cooperation_kind,
                    started_on=edge.started_on,
                    is_synthetic=True,
                    source_note=note,
                )
            )
            counts[edge.kind] += 1
        Relation.objects.bulk_create(rows, ignore_conflicts=True)
    return counts


def synthetic_delete() -> list[int]:
    """Delete every synthetic relation and enterprise; returns the deleted enterprise ids."""
    Relation.objects.filter(is_synthetic=True).delete()
    OrganisationIndustry.objects.filter(organisation__is_synthetic=True).delete()
    doomed = Organisation.objects.filter(is_synthetic=True)
    ids = list(doomed.values_list("id", flat=True))
    doomed.delete()
    return ids


def synthetic_seed(
    *,
    enterprises: int,
    seed: int,
    relations: int | None = None,
    outbox: bool | None = None,
    replace: bool = False,
    log: Callable[[str], None] = lambda message: None,
) -> SyntheticResult:
    """Generate `enterprises` synthetic enterprises and their relations, in one transaction.

    relations: SUPPLIES_TO + COOPERATES_WITH rows to add; by default as many as bring the whole
    graph to RELATIONSHIPS_PER_ENTERPRISE relationships per enterprise.
    outbox: record outbox events for the new rows (None: only up to OUTBOX_MAX_EVENTS rows;
    beyond that `graph_rebuild` projects them faster).
    replace: delete earlier synthetic data first (otherwise its presence is an error).
    """
    result = SyntheticResult()
    note = f"synthetic, seed {seed}"
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        result.seconds[name] = round(now - clock, 2)
        log(f"{name}: {now - clock:.1f}s")
        clock = now

    with transaction.atomic():
        deleted: list[int] = []
        if (
            Organisation.objects.filter(is_synthetic=True).exists()
            or Relation.objects.filter(is_synthetic=True).exists()
        ):
            if not replace:
                raise SyntheticDataExists(
                    "synthetic data is already loaded; pass --replace to regenerate it"
                )
            deleted = synthetic_delete()
            result.deleted_enterprises = len(deleted)
            lap("delete previous synthetic data")

        ctx = _load_context(rng)
        people = _generate_enterprises(rng, ctx, enterprises)
        rows = _enterprise_rows(ctx, people, note)
        lap("generate enterprises")
        ids = _insert_enterprises(rows)
        del rows
        activity = [
            OrganisationIndustry(organisation_id=pk, industry_id=industry)
            for pk, e in zip(ids, people, strict=True)
            for industry in e.industries
        ]
        OrganisationIndustry.objects.bulk_create(
            activity, batch_size=BATCH_SIZE, ignore_conflicts=True
        )
        result.enterprises, result.active_in = len(ids), len(activity)
        del activity
        lap("insert enterprises and ACTIVE_IN")

        if relations is None:
            baseline = sum(graph_relationship_estimate().values())
            relations = max(0, RELATIONSHIPS_PER_ENTERPRISE * enterprises - baseline)
        edges = _generate_edges(rng, ctx, people, relations)
        lap(f"generate {len(edges)} relations")
        result.relations = _insert_edges(ctx, edges, ids, note)
        del edges
        lap("insert relations")

        events = len(ids) + sum(result.relations.values()) + len(deleted)
        if outbox is None:
            outbox = events <= OUTBOX_MAX_EVENTS
        if outbox:
            outbox_record_many("Organisation", deleted, op=OutboxEvent.Op.DELETE)
            outbox_record_many("Organisation", ids)
            outbox_record_many(
                "Relation",
                list(
                    Relation.objects.filter(is_synthetic=True)
                    .order_by("id")
                    .values_list("id", flat=True)
                ),
            )
            result.outbox_events = events
            lap("record outbox events")
        else:
            result.outbox_skipped = True
    result.graph_estimate = graph_relationship_estimate()
    return result
