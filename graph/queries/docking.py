"""Cypher of docking recommendations (graph/repository/docking.py runs them).

Every query reads only; values arrive as $parameters. Each row is one counterpart
organisation with the path that justifies it: `nodes` (maps of uid, labels, name in walking
order) and `rels` (relationship types between them). The owner is never a counterpart.
"""

from __future__ import annotations

# Organisations active in one of the posting's industries, or in a sub-industry of one.
INDUSTRY_COUNTERPARTS_QUERY = """
UNWIND $industry_uids AS industry_uid
MATCH (t:Industry {uid: industry_uid})
CALL (t) {
  MATCH (o:Organisation)-[:ACTIVE_IN]->(t)
  RETURN o, [t] AS via, ['ACTIVE_IN'] AS rels
  UNION
  MATCH (o:Organisation)-[:ACTIVE_IN]->(c:Industry)-[:CHILD_OF]->(t)
  RETURN o, [c, t] AS via, ['ACTIVE_IN', 'CHILD_OF'] AS rels
}
WITH o, via, rels
WHERE o.uid <> $owner_uid
WITH o, via, rels
ORDER BY coalesce(o.is_synthetic, false), coalesce(o.employees, 0) DESC, o.uid
LIMIT $limit
RETURN o.uid AS uid,
       [n IN [o] + via | {uid: n.uid, labels: labels(n), name: n.name}] AS nodes,
       rels
"""

# Organisations cooperating with the owner's partners: for an organisation owner, the
# organisations it cooperates with; for a park owner, the organisations it hosts.
PARTNER_COOPERATION_COUNTERPARTS_QUERY = """
MATCH (owner:Entity {uid: $owner_uid})
CALL (owner) {
  MATCH (owner:Organisation)-[:COOPERATES_WITH]-(p:Organisation)-[:COOPERATES_WITH]-(o:Organisation)
  WHERE o <> owner AND NOT (owner)-[:COOPERATES_WITH]-(o)
  RETURN o, p, ['COOPERATES_WITH', 'COOPERATES_WITH'] AS rels
  UNION
  MATCH (owner:Park)-[:HOSTS]->(p:Organisation)-[:COOPERATES_WITH]-(o:Organisation)
  WHERE NOT (owner)-[:HOSTS]->(o)
  RETURN o, p, ['HOSTS', 'COOPERATES_WITH'] AS rels
}
WITH owner, o, p, rels
ORDER BY coalesce(o.is_synthetic, false), o.uid, p.uid
LIMIT $limit
RETURN o.uid AS uid,
       [n IN [owner, p, o] | {uid: n.uid, labels: labels(n), name: n.name}] AS nodes,
       rels
"""

# Organisations hosted by a partner or enclave park of the owner's park (the owner itself,
# or the park hosting an organisation owner) that are active in the posting's industries
# (any industry when the posting names none).
PARTNER_PARK_COUNTERPARTS_QUERY = """
MATCH (owner:Entity {uid: $owner_uid})
CALL (owner) {
  MATCH (owner:Park)
  RETURN owner AS home, [] AS lead, [] AS lead_rels
  UNION
  MATCH (home:Park)-[:HOSTS]->(owner:Organisation)
  RETURN home, [owner] AS lead, ['HOSTS'] AS lead_rels
}
MATCH (home)-[r:PARTNER_OF|ENCLAVE_OF]-(q:Park)-[:HOSTS]->(o:Organisation)
WHERE q <> home AND o.uid <> $owner_uid
  AND (size($industry_uids) = 0 OR EXISTS {
    MATCH (o)-[:ACTIVE_IN]->(i:Industry)
    WHERE i.uid IN $industry_uids
       OR EXISTS { (i)-[:CHILD_OF]->(t:Industry) WHERE t.uid IN $industry_uids }
  })
WITH lead, lead_rels, home, r, q, o
ORDER BY coalesce(o.is_synthetic, false), coalesce(o.employees, 0) DESC, o.uid
LIMIT $limit
RETURN o.uid AS uid,
       [n IN reverse(lead) + [home, q, o] | {uid: n.uid, labels: labels(n), name: n.name}] AS nodes,
       lead_rels + [type(r), 'HOSTS'] AS rels
"""
