"""Fixtures of the research tests: the small network with chains and ties, projected into
Neo4j; the named users (alice secretariat, rita researcher, bob staff of 江宁园, olga of
南京大学, charlie without a role); clients; a checksum of the whole graph."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from neo4j import Driver
from rest_framework.test import APIClient

from backend.accounts.models import Role, User
from backend.accounts.services import user_create
from backend.core.graph import graph_database
from backend.network import services
from backend.network.models import Industry, Park
from backend.network.outbox import outbox_drain
from tests.conftest import PASSWORD
from tests.support.network import SmallNetwork, network  # noqa: F401 - the fixture

# About 10^8 rows, each checked against the transaction timeout: a query that runs for long.
HEAVY_QUERY = (
    "UNWIND range(1, 10000) AS a UNWIND range(1, 10000) AS b "
    "WITH a, b WHERE toString(a * b) ENDS WITH '13579' RETURN count(*) AS n"
)

CHECKSUM_NODES_QUERY = """
MATCH (n)
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props
"""
CHECKSUM_RELATIONSHIPS_QUERY = """
MATCH (a)-[r]->(b)
RETURN type(r) AS type, coalesce(a.uid, elementId(a)) AS source,
       coalesce(b.uid, elementId(b)) AS target, properties(r) AS props
"""
CHECKSUM_SCHEMA_QUERIES = (
    "SHOW INDEXES YIELD name RETURN name",
    "SHOW CONSTRAINTS YIELD name RETURN name",
)


@dataclass
class ResearchNetwork:
    net: SmallNetwork
    materials: Industry
    devices: Industry


@pytest.fixture
def jiangning(network: SmallNetwork) -> Park:  # noqa: F811 - bob's park is the network's
    return network.jiangning


@pytest.fixture
def olga(network: SmallNetwork) -> User:  # noqa: F811
    """An organisation user of 南京大学."""
    return user_create(
        username="olga",
        password=PASSWORD,
        role=Role.ORG_USER,
        organisation=network.nju,
        display_name="周老师",
        validate=False,
    )


@pytest.fixture
def research_net(graph: Driver, network: SmallNetwork) -> ResearchNetwork:  # noqa: F811
    """The small network plus a chain and ties, projected into a clean graph:
    半导体材料 supplies 集成电路 which supplies 智能终端; 江北新区 is 江宁园's partner and
    leads in 半导体材料 (a gap for 江宁园); the lab cooperates with the chip designer, which
    supplies the wafer fab (across the two parks)."""
    materials = services.industry_create(name="半导体材料", code="semi-materials")
    devices = services.industry_create(name="智能终端", code="devices")
    services.industry_link_create(upstream=materials, downstream=network.ic)
    services.industry_link_create(upstream=network.ic, downstream=devices)
    services.park_update(
        park=network.jiangbei,
        focus=[services.Focus(network.chip_design, 0.8), services.Focus(materials, 0.6)],
    )
    services.relation_create(kind="PARTNER_OF", source=network.jiangning, target=network.jiangbei)
    services.relation_create(kind="SUPPLIES_TO", source=network.chipco, target=network.fabco)
    services.relation_create(kind="AFFILIATED_WITH", source=network.lab, target=network.nju)
    services.relation_create(kind="COOPERATES_WITH", source=network.lab, target=network.chipco)
    outbox_drain()
    return ResearchNetwork(network, materials, devices)


def client_for(user: User | None, language: str = "en") -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def rita_client(rita: User) -> APIClient:
    return client_for(rita)


def run_console(client: APIClient, cypher: str, **extra: Any) -> Any:
    return client.post("/api/research/console/run", {"cypher": cypher, **extra}, format="json")


def graph_checksum(driver: Driver) -> str:
    """Counts and a hash of every node (labels, properties), every relationship (type, ends,
    properties) and the schema (index and constraint names): any write changes it."""
    database = graph_database()
    nodes = sorted(
        json.dumps([sorted(r["labels"]), r["props"]], sort_keys=True, default=str)
        for r in driver.execute_query(CHECKSUM_NODES_QUERY, database_=database).records
    )
    rels = sorted(
        json.dumps([r["type"], r["source"], r["target"], r["props"]], sort_keys=True, default=str)
        for r in driver.execute_query(CHECKSUM_RELATIONSHIPS_QUERY, database_=database).records
    )
    schema = sorted(
        r["name"]
        for query in CHECKSUM_SCHEMA_QUERIES
        for r in driver.execute_query(query, database_=database).records
    )
    digest = hashlib.sha256(json.dumps([nodes, rels, schema]).encode()).hexdigest()
    return f"{len(nodes)} nodes, {len(rels)} relationships, {len(schema)} schema items, {digest}"


def system_users(driver: Driver) -> list[str]:
    return sorted(
        r["user"] for r in driver.execute_query("SHOW USERS YIELD user", database_="system").records
    )


@pytest.fixture
def confidential_project(research_net: ResearchNetwork, graph: Driver) -> Iterator[str]:
    """A project node with a confidential field, written straight into the graph (projects
    are not projected yet): the console must never show its confidential_* values."""
    graph.execute_query(
        "CREATE (:Project:Entity {uid: 'project:1', name: '宁芯联合招商项目', "
        "confidential_budget: 123456789, confidential_terms: '分成比例 7:3', stage: 'docking'})",
        database_=graph_database(),
    )
    yield "project:1"
