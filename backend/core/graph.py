"""The bridge from Django settings to the graph package (which knows nothing of Django)."""

from __future__ import annotations

from django.conf import settings
from neo4j import Driver

from graph.driver import GraphSettings, get_driver


def graph_settings() -> GraphSettings:
    return GraphSettings(
        uri=str(settings.NEO4J_URI),
        user=settings.NEO4J_USER,
        password=settings.NEO4J_PASSWORD,
        database=settings.NEO4J_DATABASE,
        connection_timeout=settings.NEO4J_CONNECTION_TIMEOUT,
        max_pool_size=settings.NEO4J_MAX_POOL_SIZE,
    )


def graph_driver() -> Driver:
    return get_driver(graph_settings())


def graph_database() -> str:
    return str(settings.NEO4J_DATABASE)
