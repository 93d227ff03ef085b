"""Cypher of joint-investment matching (graph/matching.py runs them).

Every query reads only; values arrive as $parameters. Paths come back as alternating lists of
node uids and relationship types in walking order: [uid, TYPE, uid, TYPE, uid]. A hop may be
walked against its stored direction (e.g. CHILD_OF from parent to child); the type is exact.
"""

from __future__ import annotations

# Candidate parks with their own properties and their ties to the posting park.
CANDIDATE_PARKS_QUERY = """
OPTIONAL MATCH (owner:Park {uid: $owner_uid})
MATCH (p:Park)
WHERE p.uid <> $owner_uid AND ($only_uids IS NULL OR p.uid IN $only_uids)
RETURN p.uid AS uid, p.name AS name, p.kind AS kind,
       p.available_land_mu AS land_mu, p.available_space_m2 AS space_m2,
       p.latitude AS latitude, p.longitude AS longitude,
       coalesce(p.alliance_member, false) AS alliance_member,
       owner.latitude AS owner_latitude, owner.longitude AS owner_longitude,
       [(p)-[r:PARTNER_OF|ENCLAVE_OF]-(owner) | [p.uid, type(r), owner.uid]] AS direct_ties,
       [(p)-[:DOCKED_WITH]-(owner) | [p.uid, 'DOCKED_WITH', owner.uid]] AS docking_ties,
       [(p)-[:PART_OF]->(z:Zone)<-[:PART_OF]-(owner)
         | [p.uid, 'PART_OF', z.uid, 'PART_OF', owner.uid]] AS zone_ties,
       [(p)-[:MEMBER_OF]->(a:Alliance)<-[:MEMBER_OF]-(owner)
         | [p.uid, 'MEMBER_OF', a.uid, 'MEMBER_OF', owner.uid]] AS alliance_ties
ORDER BY uid
"""

# Parks focusing on the project's industry, its parent, a child or a sibling (taxonomy-aware).
INDUSTRY_FOCUS_QUERY = """
MATCH (t:Industry {uid: $industry_uid})
CALL (t) {
  MATCH (p:Park)-[f:FOCUSES_ON]->(t)
  RETURN p, f, 'same' AS relation, [p.uid, 'FOCUSES_ON', t.uid] AS path
  UNION
  MATCH (p:Park)-[f:FOCUSES_ON]->(i:Industry)-[:CHILD_OF]->(t)
  RETURN p, f, 'child' AS relation, [p.uid, 'FOCUSES_ON', i.uid, 'CHILD_OF', t.uid] AS path
  UNION
  MATCH (t)-[:CHILD_OF]->(i:Industry)<-[f:FOCUSES_ON]-(p:Park)
  RETURN p, f, 'parent' AS relation, [p.uid, 'FOCUSES_ON', i.uid, 'CHILD_OF', t.uid] AS path
  UNION
  MATCH (t)-[:CHILD_OF]->(g:Industry)<-[:CHILD_OF]-(i:Industry)<-[f:FOCUSES_ON]-(p:Park)
  WHERE i <> t
  RETURN p, f, 'sibling' AS relation,
         [p.uid, 'FOCUSES_ON', i.uid, 'CHILD_OF', g.uid, 'CHILD_OF', t.uid] AS path
}
WITH p, f, relation, path
RETURN p.uid AS park_uid, coalesce(f.weight, 0.0) AS weight, relation, path
ORDER BY park_uid, relation, path
"""

# Enterprises hosted by each park that are active upstream or downstream of the project's
# industry (or of its parent): counts per park and side, and a few example paths. Depends on
# the industry only, so one read serves every project in it (the posting park is skipped by
# the caller).
# The hosting park is read from `e.park_uid`, the property the projection derives HOSTS from
# (same row, same write), not by expanding HOSTS: an enterprise is a sparse node whose
# relationships are one chain, so finding its HOSTS walked all of them (~17 per enterprise,
# 190,000 db hits for one industry at metro scale); the property is one read. The path still
# names the HOSTS hop, which exists exactly when the property is set.
CHAIN_QUERY = """
MATCH (t:Industry {uid: $industry_uid})
OPTIONAL MATCH (t)-[:CHILD_OF]->(parent:Industry)
WITH t, [x IN [t, parent] WHERE x IS NOT NULL] AS anchors
UNWIND anchors AS a
CALL (a) {
  MATCH (u:Industry)-[:SUPPLIES]->(a)
  RETURN u AS other, 'upstream' AS side
  UNION
  MATCH (a)-[:SUPPLIES]->(d:Industry)
  RETURN d AS other, 'downstream' AS side
}
WITH t, a, other, side
MATCH (other)<-[:ACTIVE_IN]-(e:Enterprise)
WITH t, a.uid AS a_uid, other.uid AS other_uid, side, e.park_uid AS park_uid, e.uid AS e_uid
WHERE park_uid IS NOT NULL
ORDER BY e_uid, other_uid, a_uid
WITH t, park_uid, side, count(DISTINCT e_uid) AS n,
     collect([e_uid, other_uid, a_uid])[0..$examples] AS firsts
RETURN park_uid, side, n,
       [f IN firsts | [park_uid, 'HOSTS', f[0], 'ACTIVE_IN', f[1], 'SUPPLIES', f[2]]
         + CASE WHEN f[2] = t.uid THEN [] ELSE ['CHILD_OF', t.uid] END] AS paths
ORDER BY park_uid, side
"""

# Which chain sides exist at all for the project's industry (or its parent).
CHAIN_SIDES_QUERY = """
MATCH (t:Industry {uid: $industry_uid})
OPTIONAL MATCH (t)-[:CHILD_OF]->(parent:Industry)
WITH [x IN [t, parent] WHERE x IS NOT NULL] AS anchors
RETURN
  size([a IN anchors WHERE EXISTS { (:Industry)-[:SUPPLIES]->(a) }]) > 0 AS has_upstream,
  size([a IN anchors WHERE EXISTS { (a)-[:SUPPLIES]->(:Industry) }]) > 0 AS has_downstream
"""

# For each university or lab `o` (with `tail`, the end of its path), the parks it is tied to:
# the park hosting it, or a park hosting an organisation that cooperates with it or that it is
# affiliated with; per park and organisation the strongest tie with its first path. Parks are
# read from `park_uid` (see CHAIN_QUERY).
_PARKS_OF_INNOVATORS = """
CALL (o, tail) {
  WITH o, tail WHERE o.park_uid IS NOT NULL
  RETURN o.park_uid AS park_uid, 'hosted' AS how, [o.park_uid, 'HOSTS'] + tail AS path
  UNION
  MATCH (x:Organisation)-[r:COOPERATES_WITH|AFFILIATED_WITH]-(o)
  WHERE x.park_uid IS NOT NULL
  RETURN x.park_uid AS park_uid, 'tied' AS how, [x.park_uid, 'HOSTS', x.uid, type(r)] + tail AS path
}
WITH park_uid, o, how, path
ORDER BY park_uid, o.uid, how, path
WITH park_uid, o, collect(how)[0] AS how, collect(path)[0] AS path
RETURN park_uid, o.uid AS org_uid, how, path
ORDER BY park_uid, how, org_uid
"""

# Universities and labs active in the industry's family (itself, parent, children), hosted
# by a park or tied (cooperation, affiliation) to an organisation it hosts. Per park and
# organisation the strongest tie ("hosted" before "tied") with its first path. Depends on the
# industry only, like CHAIN_QUERY, and like it reads hosting parks from `park_uid`.
INNOVATION_QUERY = (
    """
MATCH (t:Industry {uid: $industry_uid})
OPTIONAL MATCH (t)-[:CHILD_OF]->(parent:Industry)
OPTIONAL MATCH (child:Industry)-[:CHILD_OF]->(t)
WITH t, parent, collect(child) AS children
WITH [x IN [t, parent] + children WHERE x IS NOT NULL] AS family
UNWIND family AS i
MATCH (o:Organisation)-[:ACTIVE_IN]->(i)
WHERE o:University OR o:Lab
WITH o, min(i.uid) AS industry_uid
WITH o, [o.uid, 'ACTIVE_IN', industry_uid] AS tail
"""
    + _PARKS_OF_INNOVATORS
)

# The same for the universities and labs a project names as needed, whatever their industry.
NEEDED_INNOVATION_QUERY = (
    """
MATCH (o:Organisation)
WHERE o.uid IN $needed_uids AND (o:University OR o:Lab)
WITH o, [o.uid] AS tail
"""
    + _PARKS_OF_INNOVATORS
)

# Whether each hop of a path exists (either direction, exact type): the explanation check.
HOP_EXISTS_QUERY = """
UNWIND $hops AS hop
OPTIONAL MATCH (a:Entity {uid: hop.a})-[r]-(b:Entity {uid: hop.b})
WHERE type(r) = hop.type
RETURN hop.a AS a, hop.type AS type, hop.b AS b, count(r) > 0 AS exists
"""

__all__ = [
    "CANDIDATE_PARKS_QUERY",
    "CHAIN_QUERY",
    "CHAIN_SIDES_QUERY",
    "HOP_EXISTS_QUERY",
    "INDUSTRY_FOCUS_QUERY",
    "INNOVATION_QUERY",
    "NEEDED_INNOVATION_QUERY",
]
