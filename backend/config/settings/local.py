"""`make run`: one process, SQLite by default, in-process channel layer, local Neo4j."""

from __future__ import annotations

from backend.config.env import env_bool
from backend.config.settings.base import *  # noqa: F403

DEBUG = env_bool("DJANGO_DEBUG", True)
DEMO_ACCOUNTS_ENABLED = env_bool("NINGJU_DEMO_ACCOUNTS", True)
ENVIRONMENT_NAME = "local"
