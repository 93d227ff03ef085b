from __future__ import annotations

from neo4j import Driver

CLEAN_GRAPH_QUERY = "MATCH (n) WHERE NOT n:GraphMigration DETACH DELETE n"
COUNT_NODES_QUERY = "MATCH (n) WHERE NOT n:GraphMigration RETURN count(n) AS n"


def clean_graph(driver: Driver, database: str) -> None:
    driver.execute_query(CLEAN_GRAPH_QUERY, database_=database)
