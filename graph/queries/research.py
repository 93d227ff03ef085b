"""Cypher of the research analytics (graph/analytics.py): subgraph projection for centrality
and communities, a park's industry-chain gaps, the collaboration matrix between parks, and
paths between two entities. Every value arrives as a $parameter; the few fragments that vary
(the node filter, the hop bound) are fixed text assembled here at import time."""

from __future__ import annotations

MAX_PATH_HOPS = 8

# Which nodes a subgraph holds. $labels: any of these labels (None: all); $city: the node's
# city uid; $industry: nodes active in or focusing on that industry or one of its children.
_NODE_FILTER = """
  ($labels IS NULL OR any(l IN labels({v}) WHERE l IN $labels))
  AND ($city IS NULL OR {v}.city_uid = $city)
  AND ($industry IS NULL OR EXISTS {{
        MATCH ({v})-[:ACTIVE_IN|FOCUSES_ON]->(:Industry)
              -[:CHILD_OF*0..4]->(:Industry {{uid: $industry}})
      }})
"""


def _filter(variable: str) -> str:
    return _NODE_FILTER.format(v=variable)


# Nodes and relationships come back in few, large records: the driver's cost is per record,
# and a metro-scale subgraph has about a million relationships.
SUBGRAPH_NODES_QUERY = f"""
MATCH (n:Entity)
WHERE {_filter("n")}
WITH n ORDER BY n.uid LIMIT $limit
WITH collect([elementId(n), n.uid, n.name, labels(n), n.city_uid]) AS rows
UNWIND range(0, size(rows) - 1, $batch) AS start
RETURN rows[start..start + $batch] AS part
"""

SUBGRAPH_NODE_COUNT_QUERY = f"""
MATCH (n:Entity)
WHERE {_filter("n")}
RETURN count(n) AS n
"""

# Only the start node is filtered here: the far end is named by its element id (no read of
# its record) and kept by the caller when it is one of the subgraph's nodes. Both queries run
# in one transaction, where element ids are stable.
SUBGRAPH_EDGES_QUERY = f"""
MATCH (a:Entity)
WHERE {_filter("a")}
MATCH (a)-[r]->(b)
WHERE type(r) IN $types
WITH a, collect(elementId(b)) AS targets, collect(type(r)) AS types,
     collect(coalesce(toFloat(r.weight), 1.0)) AS weights
RETURN elementId(a) AS source, targets, types, weights
"""

# Exports: the same subgraph with every property (masking happens in Python).
SUBGRAPH_EXPORT_NODES_QUERY = f"""
MATCH (n:Entity)
WHERE {_filter("n")}
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props
ORDER BY n.uid
LIMIT $limit
"""

SUBGRAPH_EXPORT_EDGES_QUERY = f"""
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types AND {_filter("a")} AND {_filter("b")}
RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS source, elementId(b) AS target,
       properties(r) AS props
LIMIT $limit
"""

CITY_NAMES_QUERY = """
MATCH (c:City)
RETURN c.uid AS uid, c.name AS name
"""

# --- Industry-chain gaps of a park ----------------------------------------------------------

PARK_PEERS_QUERY = """
MATCH (p:Park {uid: $park})
OPTIONAL MATCH (p)-[r:PARTNER_OF|ENCLAVE_OF]-(q:Park)
WHERE q <> p
RETURN p.uid AS uid, p.name AS name,
       collect(CASE WHEN q IS NULL THEN NULL
               ELSE {uid: q.uid, name: q.name, tie: type(r),
                     direction: CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END}
               END) AS peers
"""

# The industries a park stands on: its leading industries (with weight) and those the
# organisations it hosts are active in (with how many).
PARK_ANCHOR_INDUSTRIES_QUERY = """
MATCH (p:Park {uid: $park})
CALL (p) {
  MATCH (p)-[f:FOCUSES_ON]->(i:Industry)
  RETURN i, f.weight AS focus, 0 AS organisations
  UNION ALL
  MATCH (p)-[:HOSTS]->(o:Organisation)-[:ACTIVE_IN]->(i:Industry)
  RETURN i, 0.0 AS focus, count(DISTINCT o) AS organisations
}
RETURN i.uid AS uid, i.name AS name, max(focus) AS focus, max(organisations) AS organisations
ORDER BY focus DESC, organisations DESC
LIMIT $limit
"""

# One step along the chain from each anchor industry: who supplies it, whom it supplies.
CHAIN_NEIGHBOURS_QUERY = """
UNWIND $anchors AS anchor_uid
MATCH (i:Industry {uid: anchor_uid})
CALL (i) {
  MATCH (u:Industry)-[:SUPPLIES]->(i)
  RETURN u AS other, 'upstream' AS direction
  UNION
  MATCH (i)-[:SUPPLIES]->(d:Industry)
  RETURN d AS other, 'downstream' AS direction
}
RETURN anchor_uid AS anchor, other.uid AS uid, other.name AS name, direction
"""

# How strong each park is in each industry: leading-industry weight, hosted organisations
# active in the industry or one of its children, and all hosted organisations.
INDUSTRY_STRENGTH_QUERY = """
UNWIND $parks AS park_uid
MATCH (p:Park {uid: park_uid})
WITH p, COUNT { (p)-[:HOSTS]->(:Organisation) } AS hosted
UNWIND $industries AS industry_uid
MATCH (i:Industry {uid: industry_uid})
RETURN p.uid AS park, i.uid AS industry, hosted,
       coalesce(head(COLLECT { MATCH (p)-[f:FOCUSES_ON]->(i) RETURN f.weight }), 0.0) AS focus,
       COUNT {
         MATCH (p)-[:HOSTS]->(o:Organisation)-[:ACTIVE_IN]->(:Industry)-[:CHILD_OF*0..4]->(i)
         RETURN DISTINCT o
       } AS organisations
"""

# --- Collaboration between parks ------------------------------------------------------------

MATRIX_PARKS_QUERY = """
MATCH (p:Park)
WHERE ($parks IS NULL OR p.uid IN $parks)
  AND ($city IS NULL OR p.city_uid = $city)
  AND (NOT $alliance_only OR EXISTS { (p)-[:MEMBER_OF]->(:Alliance) })
WITH p, COUNT { (p)-[:HOSTS]->() } AS hosted
RETURN p.uid AS uid, p.name AS name, p.city_uid AS city, hosted
ORDER BY hosted DESC, p.uid
LIMIT $limit
"""

# Each organisation relationship once (directed match), counted per pair of host parks.
ORGANISATION_TIES_QUERY = """
UNWIND $parks AS park_uid
MATCH (p:Park {uid: park_uid})-[:HOSTS]->(:Organisation)
      -[r:COOPERATES_WITH|SUPPLIES_TO|AFFILIATED_WITH]->(:Organisation)<-[:HOSTS]-(q:Park)
WHERE q.uid IN $parks
RETURN p.uid AS source, q.uid AS target, type(r) AS type, count(r) AS n
"""

PARK_TIES_QUERY = """
MATCH (p:Park)-[r:PARTNER_OF|ENCLAVE_OF]->(q:Park)
WHERE p.uid IN $parks AND q.uid IN $parks
RETURN p.uid AS source, q.uid AS target, type(r) AS type, count(r) AS n
"""

# --- Paths ----------------------------------------------------------------------------------

# Variable-length bounds cannot be parameters: one query per hop limit.
ALL_SHORTEST_PATHS_QUERIES: dict[int, str] = {
    hops: f"""
MATCH (a:Entity {{uid: $source}}), (b:Entity {{uid: $target}})
MATCH p = allShortestPaths((a)-[*..{hops}]-(b))
WHERE $types IS NULL OR all(r IN relationships(p) WHERE type(r) IN $types)
RETURN [n IN nodes(p) | {{uid: n.uid, labels: labels(n), props: properties(n)}}] AS nodes,
       [r IN relationships(p) | {{id: elementId(r), type: type(r), source: startNode(r).uid,
                                  target: endNode(r).uid, props: properties(r)}}] AS rels
LIMIT $limit
"""
    for hops in range(1, MAX_PATH_HOPS + 1)
}

ENTITIES_EXIST_QUERY = """
UNWIND $uids AS uid
OPTIONAL MATCH (n:Entity {uid: uid})
RETURN uid, n IS NOT NULL AS found
"""

# --- The console's schema hints (labels, relationship types, property keys) -----------------

CONSOLE_SCHEMA_QUERY = """
CALL () { CALL db.labels() YIELD label RETURN collect(label) AS labels }
CALL () {
  CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types
}
CALL () { CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS keys }
RETURN labels, types, keys
"""

# --- Stopping a console transaction the server did not stop in time -------------------------

CONSOLE_TRANSACTIONS_OF_RUN_QUERY = """
SHOW TRANSACTIONS YIELD transactionId, metaData
WHERE metaData.app = 'ningju-console' AND metaData.console_id = $console_id
RETURN transactionId
"""

TERMINATE_TRANSACTIONS_QUERY = "TERMINATE TRANSACTIONS $ids"
