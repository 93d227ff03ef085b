"""The test suite: real PostgreSQL, Redis and Neo4j, started by `make test`
(scripts/with-services.sh). Each must be named in the environment: a suite that silently fell
back to SQLite or an in-process channel layer would pass without the services it is about."""

from __future__ import annotations

from backend.config.env import env_url

for _name, _schemes in (
    ("DATABASE_URL", ["postgres", "postgresql"]),
    ("REDIS_URL", ["redis", "rediss"]),
    ("NEO4J_URI", ["bolt", "neo4j", "bolt+s", "neo4j+s", "bolt+ssc", "neo4j+ssc"]),
):
    env_url(_name, schemes=_schemes, required=True)

from backend.config.settings.base import *  # noqa: E402, F403
from backend.config.settings.base import REST_FRAMEWORK  # noqa: E402

DEBUG = False
ENVIRONMENT_NAME = "test"
# Hashing is not what the tests are about; a fast hasher keeps the suite quick.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
DEMO_ACCOUNTS_ENABLED = True
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"login": "10000/min"}}
# Re-match soon after a graph change, so the test that proves it does not wait a minute.
MATCHING_REMATCH_DEBOUNCE_S = 1
