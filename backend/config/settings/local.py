"""`make run`: one process, SQLite by default, in-process channel layer, local Neo4j."""

from __future__ import annotations

from backend.config.env import env_bool, env_list
from backend.config.settings.base import *  # noqa: F403

DEBUG = env_bool("DJANGO_DEBUG", True)
DEMO_ACCOUNTS_ENABLED = env_bool("NINGJU_DEMO_ACCOUNTS", True)
ENVIRONMENT_NAME = "local"
# The Vite dev server (npm run dev) proxies /api and /ws from its own origin.
CSRF_TRUSTED_ORIGINS = env_list(
    "DJANGO_CSRF_TRUSTED_ORIGINS", ["http://localhost:5173", "http://127.0.0.1:5173"]
)
