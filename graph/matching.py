"""Joint-investment matching (联合招商): rank candidate parks for a project from the graph.

`rank(driver, database, request)` reads facts about every candidate park in one read
transaction (graph/queries/matching.py) and scores them with the pure functions below, so the
scoring is testable without Neo4j. `rank_many` ranks many projects and reads the facts that
depend only on the industry once per industry (re-matching after a graph change). Seven
factors, each 0..1:

- industry fit: the park's FOCUSES_ON an industry of the project's family (same 1.0, child 0.8,
  parent 0.6, sibling 0.4 of the focus weight's scale, see INDUSTRY_RELATION_FACTOR);
- chain complementarity: enterprises it hosts that are active upstream / downstream (SUPPLIES)
  of the project's industry, saturating at CHAIN_SATURATION per side; the project's chain
  segment says which side it needs (an upstream project needs buyers downstream, a downstream
  one suppliers upstream, a midstream one both, see SEGMENT_SIDES);
- innovation support: universities and labs active in the industry's family (or named by the
  project) that the park hosts (1) or is tied to through an organisation it hosts (0.5);
- capacity fit: available land and space against the need (short of it: excluded);
- positioning fit: policy 十五, main-city service parks / suburban manufacturing parks;
- network proximity: partner or enclave tie with the posting park (1.0), same zone (0.6),
  both alliance members (0.3); an agreed docking between the two parks (DOCKED_WITH) 0.8;
- distance: haversine between the two parks, 1 / (1 + km / DISTANCE_SCALE_KM).

Score = 100 * Σ wᵢ·vᵢ / Σ wᵢ (0 when every weight is 0), rounded to 2 decimals. Raising one
factor never lowers the score and a zero weight removes a factor. Ties are ordered by park uid
(numeric id), so equal inputs always give the same order.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import neo4j
from neo4j import Driver, ManagedTransaction

from graph.driver import UNAVAILABLE_ERRORS
from graph.errors import GraphUnavailable
from graph.queries.matching import (
    CANDIDATE_PARKS_QUERY,
    CHAIN_QUERY,
    CHAIN_SIDES_QUERY,
    HOP_EXISTS_QUERY,
    INDUSTRY_FOCUS_QUERY,
    INNOVATION_QUERY,
    NEEDED_INNOVATION_QUERY,
)

FACTORS = (
    "industry_fit",
    "chain_complementarity",
    "innovation_support",
    "capacity_fit",
    "positioning_fit",
    "network_proximity",
    "distance",
)
DEFAULT_WEIGHTS: dict[str, float] = {
    "industry_fit": 0.25,
    "chain_complementarity": 0.15,
    "innovation_support": 0.15,
    "capacity_fit": 0.10,
    "positioning_fit": 0.10,
    "network_proximity": 0.15,
    "distance": 0.10,
}
INDUSTRY_RELATION_FACTOR = {"same": 1.0, "child": 0.8, "parent": 0.6, "sibling": 0.4}
CHAIN_SATURATION = 10
INNOVATION_SATURATION = 3.0
DISTANCE_SCALE_KM = 100.0
MAX_PATHS_PER_FACTOR = 5
EARTH_RADIUS_KM = 6371.0088

# Positioning (policy 十五): how well a park kind suits a manufacturing or a service project.
POSITIONING: dict[str, dict[str, float]] = {
    "manufacturing": {
        "manufacturing": 1.0,
        "enclave": 0.8,
        "zone": 0.7,
        "partner": 0.6,
        "service": 0.2,
    },
    "service": {
        "service": 1.0,
        "zone": 0.7,
        "partner": 0.6,
        "enclave": 0.4,
        "manufacturing": 0.3,
    },
}

# Which chain sides a project in each segment draws on, with their weights.
SEGMENT_SIDES: dict[str, dict[str, float]] = {
    "upstream": {"downstream": 1.0},
    "midstream": {"upstream": 0.5, "downstream": 0.5},
    "downstream": {"upstream": 1.0},
}

Path = list[str]  # [uid, TYPE, uid, TYPE, uid, ...]


@dataclass(frozen=True)
class MatchRequest:
    """What matching needs to know about a project (units: 亩, m²)."""

    owner_uid: str
    industry_uid: str
    positioning: str  # manufacturing | service
    land_mu: float = 0.0
    space_m2: float = 0.0
    needed_uids: tuple[str, ...] = ()
    chain_segment: str = "midstream"  # upstream | midstream | downstream
    only_uids: tuple[str, ...] | None = None  # visibility: chosen parks only


@dataclass(frozen=True)
class FactorScore:
    name: str
    value: float
    weight: float
    paths: list[Path]
    sentence_zh: str
    sentence_en: str

    def as_json(self) -> dict[str, Any]:
        """What a stored match result keeps. Not dataclasses.asdict, whose deep copy of every
        path hop cost a re-match of 200 projects 1.8 s: the paths are fresh lists that the
        ranking built for this outcome and nothing changes afterwards."""
        return {
            "name": self.name,
            "value": self.value,
            "weight": self.weight,
            "paths": self.paths,
            "sentence_zh": self.sentence_zh,
            "sentence_en": self.sentence_en,
        }


@dataclass(frozen=True)
class Candidate:
    park_uid: str
    park_name: str
    score: float
    factors: list[FactorScore]
    supporting_uids: list[str]
    rank: int = 0


@dataclass(frozen=True)
class Exclusion:
    park_uid: str
    park_name: str
    reason_code: str
    reason_zh: str
    reason_en: str


@dataclass(frozen=True)
class MatchOutcome:
    candidates: list[Candidate]
    excluded: list[Exclusion]


# --- pure scoring -------------------------------------------------------------------------


def weighted_score(values: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """0–100: the weighted mean of the factor values, 0 when every weight is 0."""
    total = sum(max(0.0, float(weights.get(f, 0.0))) for f in FACTORS)
    if total <= 0:
        return 0.0
    raw = sum(
        max(0.0, float(weights.get(f, 0.0))) * min(1.0, max(0.0, float(values.get(f, 0.0))))
        for f in FACTORS
    )
    score = Decimal(repr(100.0 * raw / total)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return float(min(Decimal(100), score))


def park_number(uid: str) -> int:
    _, _, raw = uid.partition(":")
    return int(raw) if raw.isdigit() else 0


def order_candidates(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Highest score first; equal scores by park id (stable, deterministic); ranks from 1."""
    ordered = sorted(candidates, key=lambda c: (-c.score, park_number(c.park_uid), c.park_uid))
    return [
        Candidate(c.park_uid, c.park_name, c.score, c.factors, c.supporting_uids, rank=i)
        for i, c in enumerate(ordered, start=1)
    ]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distance_value(km: float | None) -> float:
    if km is None:
        return 0.5  # unknown: neither rewarded nor punished hard
    return 1.0 / (1.0 + max(0.0, km) / DISTANCE_SCALE_KM)


def capacity_value(
    land_have: float, land_need: float, space_have: float, space_need: float
) -> float:
    """1.0 with room to spare (twice the need or more), falling to 0.5 at exactly the need."""
    parts = []
    for have, need in ((land_have, land_need), (space_have, space_need)):
        if need > 0:
            parts.append(min(1.0, 0.5 + 0.5 * (have - need) / need) if have >= need else 0.0)
    return sum(parts) / len(parts) if parts else 1.0


def saturating(n: float, at: float) -> float:
    return min(1.0, max(0.0, n) / at) if at > 0 else 0.0


# --- reading the graph --------------------------------------------------------------------


@dataclass
class _IndustryFacts:
    """What the graph says about every park for one industry (owner-independent)."""

    focus: dict[str, list[dict[str, Any]]]
    chain: dict[str, dict[str, dict[str, Any]]]
    sides: tuple[bool, bool]
    innovation: dict[str, list[dict[str, Any]]]


@dataclass
class _Facts:
    parks: list[dict[str, Any]]
    focus: dict[str, list[dict[str, Any]]]
    chain: dict[str, dict[str, dict[str, Any]]]
    sides: tuple[bool, bool]
    innovation: dict[str, list[dict[str, Any]]]


def _read_industry_facts(tx: ManagedTransaction, industry_uid: str) -> _IndustryFacts:
    focus: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in tx.run(INDUSTRY_FOCUS_QUERY, industry_uid=industry_uid):
        focus[r["park_uid"]].append(dict(r))
    chain: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in tx.run(CHAIN_QUERY, industry_uid=industry_uid, examples=MAX_PATHS_PER_FACTOR):
        chain[r["park_uid"]][r["side"]] = dict(r)
    sides_record = tx.run(CHAIN_SIDES_QUERY, industry_uid=industry_uid).single()
    sides = (
        (bool(sides_record["has_upstream"]), bool(sides_record["has_downstream"]))
        if sides_record
        else (False, False)
    )
    innovation: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in tx.run(INNOVATION_QUERY, industry_uid=industry_uid):
        innovation[r["park_uid"]].append(dict(r))
    return _IndustryFacts(focus, chain, sides, innovation)


def _read_parks(tx: ManagedTransaction, request: MatchRequest) -> list[dict[str, Any]]:
    only = list(request.only_uids) if request.only_uids is not None else None
    return [
        dict(r) for r in tx.run(CANDIDATE_PARKS_QUERY, owner_uid=request.owner_uid, only_uids=only)
    ]


def _read_needed(tx: ManagedTransaction, request: MatchRequest) -> list[dict[str, Any]]:
    if not request.needed_uids:
        return []
    return [dict(r) for r in tx.run(NEEDED_INNOVATION_QUERY, needed_uids=list(request.needed_uids))]


def _combine(
    parks: list[dict[str, Any]], industry: _IndustryFacts, needed: list[dict[str, Any]]
) -> _Facts:
    """One project's facts: the industry's, plus the organisations it names as needed (per
    park and organisation the strongest tie wins, "hosted" before "tied")."""
    innovation = industry.innovation
    if needed:
        best: dict[tuple[str, str], dict[str, Any]] = {}
        for row in [r for rows in innovation.values() for r in rows] + needed:
            key = (row["park_uid"], row["org_uid"])
            if key not in best or (row["how"], row["path"]) < (best[key]["how"], best[key]["path"]):
                best[key] = row
        innovation = defaultdict(list)
        for row in sorted(best.values(), key=lambda r: (r["park_uid"], r["how"], r["org_uid"])):
            innovation[row["park_uid"]].append(row)
    return _Facts(parks, industry.focus, industry.chain, industry.sides, innovation)


def _read_facts(tx: ManagedTransaction, request: MatchRequest) -> _Facts:
    """Everything one ranking reads, in one transaction."""
    return _combine(
        _read_parks(tx, request),
        _read_industry_facts(tx, request.industry_uid),
        _read_needed(tx, request),
    )


def rank(
    driver: Driver, database: str, request: MatchRequest, weights: Mapping[str, float]
) -> MatchOutcome:
    """Score every candidate park for the project; excluded parks come back with reasons."""
    try:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as s:
            facts = s.execute_read(_read_facts, request)
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(f"Neo4j did not answer: {exc}") from exc
    return score_facts(facts, request, weights)


def rank_many(
    driver: Driver,
    database: str,
    requests: Sequence[MatchRequest],
    weights: Mapping[str, float],
) -> list[MatchOutcome]:
    """Rank many projects, reading each industry's facts and each posting park's candidate
    list once. Outcomes come back in the order of the requests, equal to `rank` one by one."""
    industries: dict[str, _IndustryFacts] = {}
    parks: dict[tuple[str, tuple[str, ...] | None], list[dict[str, Any]]] = {}
    outcomes = []
    try:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as s:
            for request in requests:
                if request.industry_uid not in industries:
                    industries[request.industry_uid] = s.execute_read(
                        _read_industry_facts, request.industry_uid
                    )
                park_key = (request.owner_uid, request.only_uids)
                if park_key not in parks:
                    parks[park_key] = s.execute_read(_read_parks, request)
                needed = s.execute_read(_read_needed, request) if request.needed_uids else []
                facts = _combine(parks[park_key], industries[request.industry_uid], needed)
                outcomes.append(score_facts(facts, request, weights))
    except UNAVAILABLE_ERRORS as exc:
        raise GraphUnavailable(f"Neo4j did not answer: {exc}") from exc
    return outcomes


def score_facts(facts: _Facts, request: MatchRequest, weights: Mapping[str, float]) -> MatchOutcome:
    candidates: list[Candidate] = []
    excluded: list[Exclusion] = []
    for park in facts.parks:
        uid, name = park["uid"], park["name"] or park["uid"]
        land = float(park["land_mu"] or 0.0)
        space = float(park["space_m2"] or 0.0)
        if request.land_mu > 0 and land < request.land_mu:
            excluded.append(
                Exclusion(
                    uid,
                    name,
                    "not_enough_land",
                    f"可用土地 {land:g} 亩，不足项目所需 {request.land_mu:g} 亩。",
                    f"{land:g} mu of land available, the project needs {request.land_mu:g} mu.",
                )
            )
            continue
        if request.space_m2 > 0 and space < request.space_m2:
            excluded.append(
                Exclusion(
                    uid,
                    name,
                    "not_enough_space",
                    f"可用载体 {space:g} 平方米，不足项目所需 {request.space_m2:g} 平方米。",
                    f"{space:g} m² of space available, the project needs {request.space_m2:g} m².",
                )
            )
            continue
        factors = [
            _industry_factor(facts.focus.get(uid, []), weights),
            _chain_factor(facts.chain.get(uid, {}), facts.sides, request.chain_segment, weights),
            _innovation_factor(facts.innovation.get(uid, []), weights),
            _capacity_factor(land, space, request, weights),
            _positioning_factor(str(park["kind"] or ""), request.positioning, weights),
            _proximity_factor(park, weights),
            _distance_factor(park, weights),
        ]
        score = weighted_score({f.name: f.value for f in factors}, weights)
        supporting = _supporting(factors, uid, request.owner_uid)
        candidates.append(Candidate(uid, name, score, factors, supporting))
    return MatchOutcome(order_candidates(candidates), excluded)


def _w(weights: Mapping[str, float], name: str) -> float:
    return float(weights.get(name, 0.0))


def _industry_factor(rows: list[dict[str, Any]], weights: Mapping[str, float]) -> FactorScore:
    best, paths, how = 0.0, [], ""
    for row in rows:
        value = INDUSTRY_RELATION_FACTOR[row["relation"]] * (0.5 + 0.5 * float(row["weight"]))
        if value > best:
            best, how = value, row["relation"]
        paths.append(list(row["path"]))
    zh_how = {"same": "本行业", "child": "细分行业", "parent": "上级行业", "sibling": "相邻行业"}
    if best > 0:
        zh = f"园区主导产业覆盖项目所在{zh_how[how]}。"
        en = f"The park focuses on the project's industry ({how} in the taxonomy)."
    else:
        zh, en = "园区主导产业与项目行业无关联。", "None of the park's focus industries is related."
    return FactorScore(
        "industry_fit",
        round(best, 4),
        _w(weights, "industry_fit"),
        paths[:MAX_PATHS_PER_FACTOR],
        zh,
        en,
    )


def chain_value(up: int, down: int, exists: tuple[bool, bool], segment: str) -> float:
    """0..1 from the enterprises on each side the project's segment draws on; a side the
    taxonomy does not have at all (no industry upstream, say) is left out, not counted as 0."""
    wanted = SEGMENT_SIDES.get(segment, SEGMENT_SIDES["midstream"])
    counts = {"upstream": (up, exists[0]), "downstream": (down, exists[1])}
    parts = [
        (weight, saturating(counts[side][0], CHAIN_SATURATION))
        for side, weight in wanted.items()
        if counts[side][1]
    ]
    total = sum(weight for weight, _ in parts)
    return sum(weight * value for weight, value in parts) / total if total else 0.0


_SEGMENT_ZH = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}
_NEEDS_ZH = {"upstream": "下游客户", "midstream": "上下游配套", "downstream": "上游供应"}
_NEEDS_EN = {
    "upstream": "buyers downstream",
    "midstream": "suppliers and buyers",
    "downstream": "suppliers upstream",
}


def _chain_factor(
    sides: dict[str, dict[str, Any]],
    exists: tuple[bool, bool],
    segment: str,
    weights: Mapping[str, float],
) -> FactorScore:
    segment = segment if segment in SEGMENT_SIDES else "midstream"
    up = int(sides.get("upstream", {}).get("n", 0))
    down = int(sides.get("downstream", {}).get("n", 0))
    value = chain_value(up, down, exists, segment)
    wanted = SEGMENT_SIDES[segment]
    paths = [list(p) for side in wanted for p in sides.get(side, {}).get("paths", [])]
    return FactorScore(
        "chain_complementarity",
        round(value, 4),
        _w(weights, "chain_complementarity"),
        paths[:MAX_PATHS_PER_FACTOR],
        f"{_SEGMENT_ZH[segment]}项目需要{_NEEDS_ZH[segment]}：园区内有上游企业 {up} 家、"
        f"下游企业 {down} 家。",
        f"A {segment} project needs {_NEEDS_EN[segment]}: the park hosts {up} upstream and "
        f"{down} downstream enterprises.",
    )


def _innovation_factor(rows: list[dict[str, Any]], weights: Mapping[str, float]) -> FactorScore:
    hosted = sum(1 for r in rows if r["how"] == "hosted")
    tied = sum(1 for r in rows if r["how"] == "tied")
    value = saturating(hosted + 0.5 * tied, INNOVATION_SATURATION)
    return FactorScore(
        "innovation_support",
        round(value, 4),
        _w(weights, "innovation_support"),
        [list(r["path"]) for r in rows][:MAX_PATHS_PER_FACTOR],
        f"园区内有相关高校/实验室 {hosted} 家，通过合作关联 {tied} 家。",
        f"{hosted} relevant universities/labs in the park, {tied} tied through cooperation.",
    )


def _capacity_factor(
    land: float, space: float, request: MatchRequest, weights: Mapping[str, float]
) -> FactorScore:
    value = capacity_value(land, request.land_mu, space, request.space_m2)
    return FactorScore(
        "capacity_fit",
        round(value, 4),
        _w(weights, "capacity_fit"),
        [],
        f"可用土地 {land:g} 亩、载体 {space:g} 平方米（需 {request.land_mu:g} 亩、"
        f"{request.space_m2:g} 平方米）。",
        f"{land:g} mu of land and {space:g} m² of space available (needs {request.land_mu:g} mu, "
        f"{request.space_m2:g} m²).",
    )


def _positioning_factor(kind: str, positioning: str, weights: Mapping[str, float]) -> FactorScore:
    value = POSITIONING.get(positioning, {}).get(kind, 0.5)
    zh_kind = {
        "service": "主城服务型",
        "manufacturing": "郊区制造型",
        "enclave": "飞地",
        "partner": "伙伴",
        "zone": "高新区整体",
    }.get(kind, kind)
    zh_pos = "制造业" if positioning == "manufacturing" else "服务业"
    return FactorScore(
        "positioning_fit",
        value,
        _w(weights, "positioning_fit"),
        [],
        f"{zh_kind}园区承接{zh_pos}项目（政策第十五条）。",
        f"A {kind} park receiving a {positioning} project (policy section 15).",
    )


def _proximity_factor(park: dict[str, Any], weights: Mapping[str, float]) -> FactorScore:
    direct = [list(p) for p in park["direct_ties"]]
    docking = [list(p) for p in park.get("docking_ties", [])]
    zone = [list(p) for p in park["zone_ties"]]
    alliance = [list(p) for p in park["alliance_ties"]]
    value, zh, en = 0.0, "与发布园区无直接关联。", "No tie with the posting park."
    if alliance:
        value, zh, en = 0.3, "两园区同为联盟成员。", "Both parks are alliance members."
    if zone:
        value, zh, en = 0.6, "两园区同属一个高新区。", "Both parks belong to the same zone."
    if docking:
        value, zh, en = 0.8, "两园区有成功对接记录。", "The parks have docked successfully."
    if direct:
        kinds = {p[1] for p in direct}
        value = 1.0
        zh = (
            "两园区为"
            + "、".join(
                {"PARTNER_OF": "伙伴园区", "ENCLAVE_OF": "飞地园区"}[k] for k in sorted(kinds)
            )
            + "关系。"
        )
        en = (
            "The parks are tied as "
            + " and ".join(
                {"PARTNER_OF": "partner parks", "ENCLAVE_OF": "enclave parks"}[k]
                for k in sorted(kinds)
            )
            + "."
        )
    paths = direct + docking + zone + alliance
    return FactorScore(
        "network_proximity",
        value,
        _w(weights, "network_proximity"),
        paths[:MAX_PATHS_PER_FACTOR],
        zh,
        en,
    )


def _distance_factor(park: dict[str, Any], weights: Mapping[str, float]) -> FactorScore:
    coords = (park["latitude"], park["longitude"], park["owner_latitude"], park["owner_longitude"])
    km = None if any(c is None for c in coords) else haversine_km(*(float(c) for c in coords))
    value = distance_value(km)
    if km is None:
        zh, en = "缺少坐标，距离未知。", "Coordinates missing; distance unknown."
    else:
        zh, en = f"两园区直线距离约 {km:.0f} 公里。", f"The parks are about {km:.0f} km apart."
    return FactorScore("distance", round(value, 4), _w(weights, "distance"), [], zh, en)


def _supporting(factors: list[FactorScore], park_uid: str, owner_uid: str) -> list[str]:
    """Organisations on the justifying paths (enterprises, universities, labs), in order."""
    seen: list[str] = []
    for f in factors:
        if f.name not in ("chain_complementarity", "innovation_support"):
            continue
        for path in f.paths:
            for uid in path[0::2]:
                if uid.startswith("org:") and uid not in seen:
                    seen.append(uid)
    return seen[:10]


def path_hops(path: Path) -> list[dict[str, str]]:
    return [
        {"a": path[i], "type": path[i + 1], "b": path[i + 2]} for i in range(0, len(path) - 2, 2)
    ]


def missing_hops(driver: Driver, database: str, paths: Sequence[Path]) -> list[dict[str, str]]:
    """The hops of these paths that do not exist in the graph (empty: every path is real)."""
    hops = [hop for path in paths for hop in path_hops(list(path))]
    if not hops:
        return []
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as s:
        records = s.execute_read(lambda tx: list(tx.run(HOP_EXISTS_QUERY, hops=hops)))
    return [{"a": r["a"], "type": r["type"], "b": r["b"]} for r in records if not r["exists"]]
