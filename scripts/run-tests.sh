#!/usr/bin/env bash
# The whole suite: Python tests (API, websockets, Celery, graph, browser journeys in Chromium)
# against the servers with-services.sh started, then the web app's unit tests (Vitest).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DJANGO_SETTINGS_MODULE=backend.config.settings.test
.venv/bin/python -m pytest "$@"
# shellcheck disable=SC1091
source .nodeenv/bin/activate
(cd frontend && npm test --silent)
