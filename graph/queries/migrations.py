"""Bookkeeping of applied graph migrations, kept in the graph itself."""

MIGRATION_VERSION_CONSTRAINT_QUERY = (
    "CREATE CONSTRAINT graph_migration_version IF NOT EXISTS "
    "FOR (m:GraphMigration) REQUIRE m.version IS UNIQUE"
)

APPLIED_MIGRATIONS_QUERY = """
MATCH (m:GraphMigration)
RETURN m.version AS version, m.name AS name, m.checksum AS checksum
ORDER BY m.version
"""

RECORD_MIGRATION_QUERY = """
MERGE (m:GraphMigration {version: $version})
ON CREATE SET m.name = $name, m.checksum = $checksum, m.applied_at = datetime()
RETURN m.version AS version
"""

SCHEMA_CONSTRAINTS_QUERY = """
SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties
RETURN name, type, labelsOrTypes, properties ORDER BY name
"""

SCHEMA_INDEXES_QUERY = """
SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state
RETURN name, type, labelsOrTypes, properties, state ORDER BY name
"""
