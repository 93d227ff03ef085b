"""The hostile corpus: queries (with parameters) that a researcher's console must refuse with
a reason or stop by its timeout, never run to the graph's harm. Grouped by kind of attack."""

from __future__ import annotations

from typing import Any

Case = tuple[str, dict[str, Any]]

WRITES: list[Case] = [
    ("CREATE (n:Evil {uid: 'evil:1'})", {}),
    ("CREATE (a:Evil)-[:EVIL]->(b:Evil) RETURN a, b", {}),
    ("MERGE (n:Park {uid: 'park:999999'}) RETURN n", {}),
    ("MATCH (n:Park) SET n.name = 'hacked'", {}),
    ("MATCH (n) SET n += {hacked: true}", {}),
    ("MATCH (n:Park) SET n = {}", {}),
    ("MATCH (n:Park) SET n:Evil RETURN n", {}),
    ("MATCH (n:Park) REMOVE n.name", {}),
    ("MATCH (n:Park) REMOVE n:Park", {}),
    ("MATCH (n) DELETE n", {}),
    ("MATCH ()-[r]->() DELETE r", {}),
    ("MATCH (n) DETACH DELETE n", {}),
    ("match (n) detach delete n", {}),
    ("MATCH (n) FOREACH (x IN [1] | SET n.hacked = x)", {}),
    ("MATCH (n) CALL (n) { SET n.hacked = 1 } RETURN count(*)", {}),
    ("CALL () { MATCH (n) DETACH DELETE n } RETURN 1 AS done", {}),
    ("MATCH (n) WITH n LIMIT 1 CREATE (n)-[:EVIL]->(:Evil) RETURN n", {}),
    ("MATCH (n) RETURN n.uid AS x UNION CREATE (m:Evil) RETURN m.uid AS x", {}),
    ("OPTIONAL MATCH (n:Nothing) MERGE (m:Evil {a: 1}) RETURN m", {}),
    ("INSERT (n:Evil)", {}),
    ("MATCH (n:Park) WHERE n.uid = $uid SET n.name = $name", {"uid": "park:1", "name": "x"}),
    ("UNWIND range(1, 10) AS i CREATE (:Evil {i: i})", {}),
    ("MATCH (n:Park) /* read only, promise */ SET n.name = 'x' // really", {}),
    ("MATCH (a:Park), (b:Park) MERGE (a)-[:PARTNER_OF]->(b)", {}),
]

FILES_AND_TRANSACTIONS: list[Case] = [
    ("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", {}),
    ("LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS row CREATE (:Evil {x: row.x})", {}),
    ("LOAD CSV FROM 'https://example.com/a.csv' AS row RETURN count(row)", {}),
    ("LOAD CSV FROM $url AS row RETURN row", {"url": "file:///etc/shadow"}),
    ("MATCH (n) CALL (n) { RETURN n.uid AS u } IN TRANSACTIONS OF 10 ROWS RETURN u", {}),
    ("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS", {}),
    (
        "UNWIND range(1, 1000) AS i CALL (i) { CREATE (:Evil {i: i}) } IN TRANSACTIONS OF 100 ROWS",
        {},
    ),
]

SCHEMA_AND_ADMIN: list[Case] = [
    ("CREATE INDEX evil_index FOR (n:Evil) ON (n.x)", {}),
    ("CREATE CONSTRAINT evil_constraint FOR (n:Evil) REQUIRE n.x IS UNIQUE", {}),
    ("CREATE FULLTEXT INDEX evil_fulltext FOR (n:Park) ON EACH [n.name]", {}),
    ("DROP CONSTRAINT entity_uid IF EXISTS", {}),
    ("DROP INDEX evil_index IF EXISTS", {}),
    ("SHOW INDEXES", {}),
    ("SHOW CONSTRAINTS", {}),
    ("SHOW TRANSACTIONS", {}),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", {}),
    ("SHOW SETTINGS", {}),
    ("SHOW PROCEDURES YIELD name RETURN name", {}),
    ("SHOW FUNCTIONS", {}),
    ("CREATE USER mallory SET PASSWORD 'secret-password' CHANGE NOT REQUIRED", {}),
    ("ALTER USER neo4j SET PASSWORD 'pwned-password'", {}),
    ("SHOW USERS", {}),
    ("CREATE DATABASE evil", {}),
    ("STOP DATABASE neo4j", {}),
    ("USE system SHOW DATABASES", {}),
    ("USE neo4j MATCH (n) DETACH DELETE n", {}),
    ("GRANT ALL ON DATABASE * TO PUBLIC", {}),
]

PROCEDURES: list[Case] = [
    ("CALL db.createLabel('Evil')", {}),
    ("CALL db.createProperty('evil')", {}),
    ("CALL db.createRelationshipType('EVIL')", {}),
    ("CALL db.index.fulltext.createNodeIndex('evil', ['Park'], ['name'])", {}),
    ("CALL db.index.fulltext.queryNodes('evil', 'x')", {}),
    ("CALL dbms.components()", {}),
    ("CALL dbms.listConfig()", {}),
    ("CALL dbms.killQuery('query-1')", {}),
    ("CALL dbms.security.createUser('mallory', 'secret-password', false)", {}),
    ("CALL db.clearQueryCaches()", {}),
    ("CALL db.awaitIndexes(300)", {}),
    ("CALL tx.setMetaData({evil: true})", {}),
    ("CALL db.stats.collect('QUERIES')", {}),
    ("CALL dbms.routing.getRoutingTable({})", {}),
    ("CALL db.labels() YIELD label CALL db.createLabel(label + 'X') RETURN 1", {}),
    ("CALL db.info()", {}),
]

APOC_AND_PLUGINS: list[Case] = [
    ("CALL apoc.load.json('http://127.0.0.1:9/x')", {}),
    ("CALL apoc.export.csv.all('/tmp/evil.csv', {})", {}),
    ("CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})", {}),
    ("RETURN apoc.util.sleep(10000)", {}),
    ("CALL apoc.cypher.runWrite('CREATE (:Evil)', {})", {}),
    ("CALL `apoc`.`create`.`node`(['Evil'], {})", {}),
    ("RETURN `apoc`.`text`.join(['a'], ',')", {}),
    ("RETURN gds.version()", {}),
    ("CALL gds.graph.drop('all')", {}),
]

EXPLOSIONS: list[Case] = [
    ("MATCH (a), (b), (c), (d), (e), (f), (g), (h) WHERE a.uid < b.uid RETURN count(*)", {}),
    (
        "MATCH (a), (b), (c), (d), (e), (f) "
        "WHERE a.uid + b.uid + c.uid < d.uid + e.uid + f.uid RETURN count(*)",
        {},
    ),
    ("MATCH p = (a)-[*]-(b) RETURN count(p)", {}),
    ("MATCH p = (a)-[*1..50]-(b) RETURN count(p)", {}),
    ("MATCH p = (a)-[*2..]->(b) RETURN p", {}),
    ("MATCH (a) WHERE EXISTS { (a)-[*]-() } RETURN a", {}),
    ("MATCH p = (a)((x)--(y))+(b) RETURN count(p)", {}),
    ("MATCH p = (a)-->{1,}(b) RETURN count(p)", {}),
    ("MATCH p = (a)-[*0..]->(b) RETURN p", {}),
    ("MATCH p = shortestPath((a:Park)-[*]-(b:Park)) RETURN p", {}),
    ("UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 13 RETURN count(x)", {}),
    ("UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*)", {}),
    (
        "UNWIND range(1, 10000) AS a UNWIND range(1, 10000) AS b "
        "WITH a, b WHERE (a * b) % 7919 = 13 RETURN count(*)",
        {},
    ),
    (
        "WITH range(1, 3000) AS xs RETURN reduce(s = 0, a IN xs | s + reduce(t = 0, b IN xs "
        "| t + reduce(u = 0, c IN xs | u + 1))) AS n",
        {},
    ),
    ("WITH range(1, 100000) AS xs RETURN size([a IN xs | [b IN xs | a * b]]) AS n", {}),
    ("WITH range(1, 100000) AS xs RETURN any(a IN xs WHERE all(b IN xs WHERE a > b)) AS n", {}),
    (
        "MATCH (a), (b), (c), (d) UNWIND range(1, 1000) AS i "
        "WITH a, b, c, d, i WHERE a.uid + toString(i) < b.uid RETURN count(*)",
        {},
    ),
    ("RETURN reduce(s = 0, x IN range(1, 1000000000) | s + x) AS total", {}),
    ("RETURN reduce(s = 0, x IN range(1, 10^10) | s + x) AS total", {}),
    (
        "RETURN reduce(s = 0, a IN range(1, 100000) | s + reduce(t = 0, b IN range(1, 100000) "
        "| t + b)) AS total",
        {},
    ),
    ("UNWIND range(1, $n) AS x WITH x WHERE x < 0 RETURN count(x)", {"n": 2_000_000_000}),
]

TEXT_AND_PARAMETERS: list[Case] = [
    ("RETURN 1 " + "AND true " * 3000, {}),
    ("MATCH (n) RETURN n // " + "x" * 25_000, {}),
    ("RETURN " + "(" * 200 + "1" + ")" * 200, {}),
    ("RETURN [" * 100 + "1" + "]" * 100, {}),
    ("RETURN 1; MATCH (n) DETACH DELETE n", {}),
    ("MATCH (n) RETURN n /* */ ; CREATE (:Evil)", {}),
    ("RETURN 1 AS x\x00; CREATE (:Evil)", {}),
    ("EXPLAIN MATCH (n) DETACH DELETE n", {}),
    ("PROFILE MATCH (n) RETURN n", {}),
    ("CYPHER runtime=interpreted MATCH (n) SET n.x = 1", {}),
    ("RETURN $value", {"a) DETACH DELETE (n": 1, "value": 1}),
    ("RETURN $value", {"value": "x" * 20_000}),
    ("RETURN $value", {"value": [[[[[[[[[["deep"]]]]]]]]]]}),
    ("RETURN $value", {"value": list(range(20_000))}),
    ("RETURN $missing", {}),
    ("MATCH (p:Project) RETURN p.confidential_budget", {}),
    ("MATCH (p) UNWIND keys(p) AS k RETURN p[k]", {}),
    ("MATCH (p) RETURN p[$key]", {"key": "confidential_budget"}),
    ("MATCH (p) WHERE properties(p) = $guess RETURN p", {"guess": {"confidential_budget": 1}}),
]

CORPUS: list[Case] = [
    *WRITES,
    *FILES_AND_TRANSACTIONS,
    *SCHEMA_AND_ADMIN,
    *PROCEDURES,
    *APOC_AND_PLUGINS,
    *EXPLOSIONS,
    *TEXT_AND_PARAMETERS,
]
