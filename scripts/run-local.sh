#!/usr/bin/env bash
# `make run`: the embedded single-machine default — SQLite, in-process channel layer, eager
# Celery, and a local Neo4j Community server unless NEO4J_URI points at one of your own.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
HOST=${1:-127.0.0.1}
PORT=${2:-8000}
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-backend.config.settings.local}
mkdir -p .var

started_neo4j=0
if [ -z "${NEO4J_URI:-}" ]; then
  export NEO4J_LOCAL_BOLT_PORT=${NEO4J_LOCAL_BOLT_PORT:-7687}
  export NEO4J_LOCAL_DATA_DIR=${NEO4J_LOCAL_DATA_DIR:-$ROOT/.var/neo4j}
  export NEO4J_LOCAL_PASSWORD=${NEO4J_PASSWORD:-ningju-local-dev}
  export NEO4J_URI=bolt://127.0.0.1:$NEO4J_LOCAL_BOLT_PORT
  export NEO4J_PASSWORD=$NEO4J_LOCAL_PASSWORD
  graph/server/neo4j-server start
  started_neo4j=1
fi
stop() { [ "$started_neo4j" -eq 1 ] && graph/server/neo4j-server stop || true; }
trap stop EXIT

PY=.venv/bin/python
$PY manage.py migrate --noinput
$PY manage.py graph_migrate
$PY manage.py seed_demo_accounts
if $PY manage.py help seed_demo >/dev/null 2>&1; then $PY manage.py seed_demo; fi
if $PY manage.py help seed_alliance >/dev/null 2>&1; then $PY manage.py seed_alliance; fi
if $PY manage.py help seed_docking_demo >/dev/null 2>&1; then $PY manage.py seed_docking_demo; fi

echo
echo "宁聚 NingJu: http://$HOST:$PORT   (API docs: http://$HOST:$PORT/api/docs/)"
echo "demo accounts: demo-admin, demo-secretariat, demo-park, demo-org, demo-researcher"
echo "password: ningju-demo-2026"
echo
.venv/bin/daphne -b "$HOST" -p "$PORT" backend.config.asgi:application
