#!/usr/bin/env bash
# Installs what the platform needs, idempotently and quickly when everything is there.
#   scripts/bootstrap.sh system|python|frontend|neo4j|all
# system:   Debian's redis-server, postgresql, chromium and a CJK font (apt, when run as root)
# python:   .venv with the project and its dev tools (re-run when pyproject.toml changes)
# frontend: a nodeenv on the system Node (>= 20) and `npm ci` + build of frontend/
# neo4j:    graph/server's Neo4j Community classpath from Maven Central
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

log() { printf '\033[1;34m[bootstrap]\033[0m %s\n' "$*" >&2; }

have_postgres() { ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1; }

system() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  have_postgres || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # A CJK font, so Chromium renders (and screenshots show) Chinese text instead of boxes.
  fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    log "missing system packages: ${missing[*]} (not root: install them with apt-get, or set" \
        "DATABASE_URL/REDIS_URL to servers of your own)"
    return 0
  fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The Debian package starts a cluster and a redis service of its own; we run our own.
  if command -v service >/dev/null 2>&1; then
    service postgresql stop >/dev/null 2>&1 || true
    service redis-server stop >/dev/null 2>&1 || true
  fi
}

python_env() {
  local stamp=.venv/.ningju-installed hash
  hash=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ -x .venv/bin/python ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then return 0; fi
  log "creating .venv and installing Python packages"
  [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[dev]'
  echo "$hash" > "$stamp"
}

node_env() {
  python_env
  if [ ! -f .nodeenv/bin/activate ]; then
    local major
    major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
    if [ "$major" -ge 20 ]; then
      log "creating .nodeenv on the system Node $(node --version)"
      .venv/bin/nodeenv --node=system .nodeenv >/dev/null
    else
      log "system Node is missing or older than 20: nodeenv installs its own Node"
      .venv/bin/nodeenv --node=20.18.1 --prebuilt .nodeenv >/dev/null
    fi
  fi
}

frontend() {
  node_env
  # shellcheck disable=SC1091
  source .nodeenv/bin/activate
  local stamp=frontend/node_modules/.ningju-installed hash
  hash=$(sha256sum frontend/package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
    log "npm ci (frontend)"
    (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
    echo "$hash" > "$stamp"
  fi
  local newest_source
  newest_source=$(find frontend/src frontend/index.html frontend/package.json frontend/vite.config.ts \
    -newer frontend/dist/index.html 2>/dev/null | head -1 || true)
  if [ ! -f frontend/dist/index.html ] || [ -n "$newest_source" ]; then
    log "building the web app (vite)"
    (cd frontend && npm run build --silent)
  fi
}

neo4j() { graph/server/neo4j-server build; }

case "${1:-all}" in
  system) system ;;
  python) python_env ;;
  frontend) frontend ;;
  neo4j) neo4j ;;
  all) system; python_env; frontend; neo4j ;;
  *) echo "usage: $0 system|python|frontend|neo4j|all" >&2; exit 2 ;;
esac
