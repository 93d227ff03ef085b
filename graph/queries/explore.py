"""Reads for the explorer: neighbours (one hop per query, capped), shortest paths, a park's
ecosystem. Every node of the network carries :Entity with a unique uid (V0002)."""

from __future__ import annotations

MAX_PATH_HOPS = 8

# One breadth-first step: the neighbours of the frontier not seen yet, optionally filtered by
# label, city and industry. LIMIT keeps a hub (a city, a big industry) from flooding the step.
NEIGHBOURS_STEP_QUERY = """
UNWIND $frontier AS from_uid
MATCH (a:Entity {uid: from_uid})-[r]-(b:Entity)
WHERE NOT b.uid IN $seen
  AND ($labels IS NULL OR any(l IN labels(b) WHERE l IN $labels))
  AND ($city IS NULL OR b.city_uid IS NULL OR b.city_uid = $city)
  AND ($industry IS NULL OR NOT (b:Organisation OR b:Park)
       OR EXISTS { (b)-[:ACTIVE_IN|FOCUSES_ON]->(:Industry {uid: $industry}) })
WITH r, b LIMIT $limit
RETURN elementId(r) AS id, type(r) AS type, startNode(r).uid AS source,
       endNode(r).uid AS target, properties(r) AS rel_props,
       b.uid AS uid, labels(b) AS labels, properties(b) AS props
"""

NODE_QUERY = """
MATCH (n:Entity {uid: $uid})
RETURN n.uid AS uid, labels(n) AS labels, properties(n) AS props
"""

# Edges among a set of nodes, so an expansion also shows how the new nodes tie to the old.
EDGES_AMONG_QUERY = """
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.uid IN $uids AND b.uid IN $uids
RETURN elementId(r) AS id, type(r) AS type, a.uid AS source, b.uid AS target,
       properties(r) AS rel_props
LIMIT $limit
"""

# Variable-length bounds cannot be parameters: one query per hop limit.
SHORTEST_PATH_QUERIES: dict[int, str] = {
    hops: f"""
MATCH (a:Entity {{uid: $source}}), (b:Entity {{uid: $target}})
MATCH p = shortestPath((a)-[*..{hops}]-(b))
RETURN [n IN nodes(p) | {{uid: n.uid, labels: labels(n), props: properties(n)}}] AS nodes,
       [r IN relationships(p) | {{id: elementId(r), type: type(r), source: startNode(r).uid,
                                  target: endNode(r).uid, props: properties(r)}}] AS rels
"""
    for hops in range(1, MAX_PATH_HOPS + 1)
}

# A park's ecosystem: what it hosts, who those cooperate with or supply, its partner,
# enclave and docked parks, its city, zone and industries. Each part is capped separately.
ECOSYSTEM_QUERY = """
MATCH (p:Park {uid: $uid})
CALL (p) {
  MATCH (p)-[r:IN_CITY|PART_OF|MEMBER_OF|FOCUSES_ON|ENCLAVE_OF|PARTNER_OF|DOCKED_WITH]-(x:Entity)
  RETURN collect({rel: r, node: x})[..$limit] AS around
}
CALL (p) {
  MATCH (p)-[r:HOSTS]->(o:Organisation)
  WITH r, o ORDER BY o.is_synthetic, o.employees DESC LIMIT $limit
  RETURN collect({rel: r, node: o}) AS hosted
}
CALL (p) {
  MATCH (p)-[:HOSTS]->(o:Organisation)-[r:COOPERATES_WITH|AFFILIATED_WITH|SUPPLIES_TO]-(x)
  WITH r, x LIMIT $limit
  RETURN collect({rel: r, node: x}) AS linked
}
RETURN p.uid AS uid, labels(p) AS labels, properties(p) AS props, around, hosted, linked
"""

ECOSYSTEM_SUMMARY_QUERY = """
MATCH (p:Park {uid: $uid})
RETURN
  COLLECT {
    MATCH (p)-[:HOSTS]->(o:Organisation)
    WITH o.kind AS kind, count(*) AS n
    RETURN {kind: kind, n: n}
  } AS hosted,
  COUNT {
    MATCH (p)-[:HOSTS]->(:Organisation)-[:COOPERATES_WITH|AFFILIATED_WITH|SUPPLIES_TO]-(x)
    RETURN DISTINCT x
  } AS cooperating,
  COUNT { MATCH (p)-[:PARTNER_OF]-(q:Park) RETURN DISTINCT q } AS partner_parks,
  COUNT { MATCH (p)-[:ENCLAVE_OF]-(q:Park) RETURN DISTINCT q } AS enclaves
"""
