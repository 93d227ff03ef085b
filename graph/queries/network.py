"""Cypher of the innovation network's projection (system of record -> graph) and its check.

Rows arrive through `$rows` (UNWIND) with `uid`, `props` (every scalar property, uid included,
so `SET n = row.props` also removes properties the row no longer has) and the uids of what the
node links to. Queries that vary by label or type are built here from the fixed enums in
graph/labels.py.
"""

from __future__ import annotations

from graph.labels import ORGANISATION_LABELS, RELATION_ENDPOINT, Label, RelationType

UPSERT_CITIES_QUERY = """
UNWIND $rows AS row
MERGE (c:City:Entity {uid: row.uid})
SET c = row.props
"""

UPSERT_ZONES_QUERY = """
UNWIND $rows AS row
MERGE (z:Zone:Entity {uid: row.uid})
SET z = row.props
WITH z, row
CALL (z) { MATCH (z)-[old:IN_CITY]->() DELETE old }
CALL (z, row) { MATCH (c:City {uid: row.city_uid}) MERGE (z)-[:IN_CITY]->(c) }
"""

UPSERT_INDUSTRIES_QUERY = """
UNWIND $rows AS row
MERGE (i:Industry:Entity {uid: row.uid})
SET i = row.props
"""

# Second pass, once every industry of the batch exists: the taxonomy's parent links.
SET_INDUSTRY_PARENTS_QUERY = """
UNWIND $rows AS row
MATCH (i:Industry {uid: row.uid})
CALL (i) { MATCH (i)-[old:CHILD_OF]->() DELETE old }
CALL (i, row) { MATCH (p:Industry {uid: row.parent_uid}) MERGE (i)-[:CHILD_OF]->(p) }
"""

UPSERT_INDUSTRY_LINKS_QUERY = """
UNWIND $rows AS row
CALL (row) { MATCH ()-[old:SUPPLIES {uid: row.uid}]->() DELETE old }
WITH row
MATCH (a:Industry {uid: row.source_uid})
MATCH (b:Industry {uid: row.target_uid})
CREATE (a)-[:SUPPLIES {uid: row.uid}]->(b)
"""

DELETE_INDUSTRY_LINKS_QUERY = """
UNWIND $uids AS uid
MATCH ()-[r:SUPPLIES {uid: uid}]->()
DELETE r
"""

UPSERT_PARKS_QUERY = """
UNWIND $rows AS row
MERGE (p:Park:Entity {uid: row.uid})
SET p = row.props
WITH p, row
CALL (p) { MATCH (p)-[old:IN_CITY|PART_OF|MEMBER_OF|FOCUSES_ON]->() DELETE old }
CALL (p, row) { MATCH (c:City {uid: row.city_uid}) CREATE (p)-[:IN_CITY]->(c) }
CALL (p, row) { MATCH (z:Zone {uid: row.zone_uid}) CREATE (p)-[:PART_OF]->(z) }
CALL (p, row) {
  WITH p, row WHERE row.alliance_member
  MERGE (a:Alliance:Entity {uid: $alliance_uid})
  ON CREATE SET a.name = $alliance_name
  CREATE (p)-[:MEMBER_OF]->(a)
}
CALL (p, row) {
  UNWIND row.focus AS focus
  MATCH (i:Industry {uid: focus.industry_uid})
  CREATE (p)-[:FOCUSES_ON {weight: focus.weight}]->(i)
}
"""

_UPSERT_ORGANISATIONS_TEMPLATE = """
UNWIND $rows AS row
MERGE (o:Organisation:Entity {{uid: row.uid}})
SET o = row.props
REMOVE o:{all_kind_labels}
SET o:{label}
WITH o, row
CALL (o) {{ MATCH (o)-[old:ACTIVE_IN]->() DELETE old }}
CALL (o) {{ MATCH ()-[old:HOSTS]->(o) DELETE old }}
CALL (o, row) {{ MATCH (p:Park {{uid: row.park_uid}}) CREATE (p)-[:HOSTS]->(o) }}
CALL (o, row) {{
  UNWIND row.industry_uids AS industry_uid
  MATCH (i:Industry {{uid: industry_uid}})
  CREATE (o)-[:ACTIVE_IN]->(i)
}}
"""

# One query per organisation kind: the kind label cannot be a parameter.
UPSERT_ORGANISATIONS_QUERIES: dict[str, str] = {
    kind: _UPSERT_ORGANISATIONS_TEMPLATE.format(
        label=label.value, all_kind_labels=":".join(sorted(set(ORGANISATION_LABELS.values())))
    )
    for kind, label in ORGANISATION_LABELS.items()
}

# graph_rebuild writes into an emptied graph: no old node or relationship can exist, so the
# "replace what was there" steps of the upserts are skipped (CREATE instead of MERGE).
CREATE_PARKS_QUERY = """
UNWIND $rows AS row
CREATE (p:Park:Entity)
SET p = row.props
WITH p, row
CALL (p, row) { MATCH (c:City {uid: row.city_uid}) CREATE (p)-[:IN_CITY]->(c) }
CALL (p, row) { MATCH (z:Zone {uid: row.zone_uid}) CREATE (p)-[:PART_OF]->(z) }
CALL (p, row) {
  WITH p, row WHERE row.alliance_member
  MERGE (a:Alliance:Entity {uid: $alliance_uid})
  ON CREATE SET a.name = $alliance_name
  CREATE (p)-[:MEMBER_OF]->(a)
}
CALL (p, row) {
  UNWIND row.focus AS focus
  MATCH (i:Industry {uid: focus.industry_uid})
  CREATE (p)-[:FOCUSES_ON {weight: focus.weight}]->(i)
}
RETURN collect([row.uid, elementId(p)]) AS ids
"""

# The create queries of the rebuild return each new node's element id: the rebuild's
# relationships then find their endpoints by id (NodeByElementIdSeek) instead of by a uid
# index seek, which roughly halves Neo4j's work per relationship.
CREATE_INDUSTRIES_QUERY = """
UNWIND $rows AS row
CREATE (i:Industry:Entity)
SET i = row.props
RETURN collect([row.uid, elementId(i)]) AS ids
"""

_CREATE_ORGANISATIONS_TEMPLATE = """
UNWIND $rows AS row
CREATE (o:Organisation:Entity:{label})
SET o = row.props
RETURN collect([row.uid, elementId(o)]) AS ids
"""

CREATE_ORGANISATIONS_QUERIES: dict[str, str] = {
    kind: _CREATE_ORGANISATIONS_TEMPLATE.format(label=label.value)
    for kind, label in ORGANISATION_LABELS.items()
}

# The rebuild's statements that return the [uid, element id] of the nodes they create.
NODE_ID_QUERIES = frozenset(
    {CREATE_INDUSTRIES_QUERY, CREATE_PARKS_QUERY, *CREATE_ORGANISATIONS_QUERIES.values()}
)

# Plain pair lists ({source, target}) for the organisations' derived relationships: one simple
# statement each is much faster than subqueries per organisation.
CREATE_HOSTS_QUERY = """
UNWIND $rows AS row
MATCH (p:Park {uid: row.source})
MATCH (o:Organisation {uid: row.target})
CREATE (p)-[:HOSTS]->(o)
"""

CREATE_ACTIVE_IN_QUERY = """
UNWIND $rows AS row
MATCH (o:Organisation {uid: row.source})
MATCH (i:Industry {uid: row.target})
CREATE (o)-[:ACTIVE_IN]->(i)
"""

# The same by element id ({source_id, target_id}), for endpoints whose ids the rebuild recorded
# when it created them. No node is deleted while a rebuild runs (backend/network/graph_lock.py:
# drains wait), so a recorded id cannot have been reused for another node.
_CREATE_PAIRS_BY_ID_TEMPLATE = """
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.source_id
MATCH (b) WHERE elementId(b) = row.target_id
CREATE (a)-[:{type}]->(b)
"""
CREATE_HOSTS_BY_ID_QUERY = _CREATE_PAIRS_BY_ID_TEMPLATE.format(type="HOSTS")
CREATE_ACTIVE_IN_BY_ID_QUERY = _CREATE_PAIRS_BY_ID_TEMPLATE.format(type="ACTIVE_IN")

_CREATE_RELATIONS_TEMPLATE = """
UNWIND $rows AS row
MATCH (a:{endpoint} {{uid: row.source_uid}})
MATCH (b:{endpoint} {{uid: row.target_uid}})
CREATE (a)-[r:{type}]->(b)
SET r = row.props
"""

CREATE_RELATIONS_QUERIES: dict[RelationType, str] = {
    kind: _CREATE_RELATIONS_TEMPLATE.format(type=kind.value, endpoint=RELATION_ENDPOINT[kind].value)
    for kind in RelationType
}

_CREATE_RELATIONS_BY_ID_TEMPLATE = """
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.source_id
MATCH (b) WHERE elementId(b) = row.target_id
CREATE (a)-[r:{type}]->(b)
SET r = row.props
"""

CREATE_RELATIONS_BY_ID_QUERIES: dict[RelationType, str] = {
    kind: _CREATE_RELATIONS_BY_ID_TEMPLATE.format(type=kind.value) for kind in RelationType
}

_UPSERT_RELATIONS_TEMPLATE = """
UNWIND $rows AS row
CALL (row) {{ MATCH ()-[old:{type} {{uid: row.uid}}]->() DELETE old }}
WITH row
MATCH (a:{endpoint} {{uid: row.source_uid}})
MATCH (b:{endpoint} {{uid: row.target_uid}})
CREATE (a)-[r:{type}]->(b)
SET r = row.props
"""

_DELETE_RELATIONS_TEMPLATE = """
UNWIND $uids AS uid
MATCH ()-[r:{type} {{uid: uid}}]->()
DELETE r
"""

UPSERT_RELATIONS_QUERIES: dict[RelationType, str] = {
    kind: _UPSERT_RELATIONS_TEMPLATE.format(type=kind.value, endpoint=RELATION_ENDPOINT[kind].value)
    for kind in RelationType
}
DELETE_RELATIONS_QUERIES: dict[RelationType, str] = {
    kind: _DELETE_RELATIONS_TEMPLATE.format(type=kind.value) for kind in RelationType
}

_DELETE_NODES_TEMPLATE = """
UNWIND $uids AS uid
MATCH (n:{label} {{uid: uid}})
DETACH DELETE n
"""

DELETE_NODES_QUERIES: dict[Label, str] = {
    label: _DELETE_NODES_TEMPLATE.format(label=label.value)
    for label in (Label.CITY, Label.ZONE, Label.PARK, Label.ORGANISATION, Label.INDUSTRY)
}

# graph_rebuild: empties the graph (schema and migration records stay) in bounded batches.
DELETE_ALL_NETWORK_NODES_QUERY = """
MATCH (n) WHERE NOT n:GraphMigration
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
"""

# graph_check: what the graph holds, to compare with what the system of record says.
_NODE_PROPERTIES_TEMPLATE = """
MATCH (n:{label})
RETURN n.uid AS uid, properties(n) AS props, labels(n) AS labels
"""

NODE_PROPERTIES_QUERIES: dict[Label, str] = {
    label: _NODE_PROPERTIES_TEMPLATE.format(label=label.value)
    for label in (Label.CITY, Label.ZONE, Label.PARK, Label.ORGANISATION, Label.INDUSTRY)
}

ALL_RELATIONSHIPS_QUERY = """
MATCH (a)-[r]->(b)
WHERE NOT a:GraphMigration
RETURN type(r) AS type, a.uid AS source, b.uid AS target, properties(r) AS props
"""

COUNT_NETWORK_NODES_QUERY = "MATCH (n) WHERE NOT n:GraphMigration RETURN count(n) AS n"

__all__ = [
    "ALL_RELATIONSHIPS_QUERY",
    "COUNT_NETWORK_NODES_QUERY",
    "CREATE_ACTIVE_IN_BY_ID_QUERY",
    "CREATE_ACTIVE_IN_QUERY",
    "CREATE_HOSTS_BY_ID_QUERY",
    "CREATE_HOSTS_QUERY",
    "CREATE_INDUSTRIES_QUERY",
    "CREATE_ORGANISATIONS_QUERIES",
    "CREATE_PARKS_QUERY",
    "CREATE_RELATIONS_BY_ID_QUERIES",
    "CREATE_RELATIONS_QUERIES",
    "DELETE_ALL_NETWORK_NODES_QUERY",
    "DELETE_INDUSTRY_LINKS_QUERY",
    "DELETE_NODES_QUERIES",
    "DELETE_RELATIONS_QUERIES",
    "NODE_ID_QUERIES",
    "NODE_PROPERTIES_QUERIES",
    "SET_INDUSTRY_PARENTS_QUERY",
    "UPSERT_CITIES_QUERY",
    "UPSERT_INDUSTRIES_QUERY",
    "UPSERT_INDUSTRY_LINKS_QUERY",
    "UPSERT_ORGANISATIONS_QUERIES",
    "UPSERT_PARKS_QUERY",
    "UPSERT_RELATIONS_QUERIES",
    "UPSERT_ZONES_QUERY",
    "Label",
]
