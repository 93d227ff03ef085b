#!/usr/bin/env bash
# Start and stop throw-away PostgreSQL, Redis and Neo4j servers on loopback, on free ports.
# Sourced by with-services.sh; each function takes the run directory that holds data, logs,
# pid files and `env` (the variables that point the platform at these servers).
set -euo pipefail
SERVICES_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

svc_log() { printf '\033[1;32m[services]\033[0m %s\n' "$*" >&2; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$dir" ] && echo "$dir" || dirname "$(command -v pg_ctl)"
}

# PostgreSQL refuses to run as root: run it as the `postgres` system user when we are root.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_up() {
  local run=$1 port bin
  port=$(free_port); bin=$(pg_bin)
  mkdir -p "$run/pg"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$run/pg"
  as_pg "$bin/initdb" -D "$run/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$run/pg/initdb.log" 2>&1 \
    || { cat "$run/pg/initdb.log" >&2; return 1; }
  echo "-p $port -k $run/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >"$run/pg/opts"
  postgres_start "$run" || return 1
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres ningju
  echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/ningju" >>"$run/env"
  echo "$port" >"$run/pg/port"
  svc_log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

# Start (again) the server postgres_up created, on the same port and data directory.
postgres_start() {
  local run=$1
  as_pg "$(pg_bin)/pg_ctl" -D "$run/pg/data" -l "$run/pg/server.log" -w -t 60 \
    -o "$(cat "$run/pg/opts")" start >/dev/null || { cat "$run/pg/server.log" >&2; return 1; }
}

postgres_down() {
  local run=$1
  [ -d "$run/pg/data" ] || return 0
  as_pg "$(pg_bin)/pg_ctl" -D "$run/pg/data" -m fast -w stop >/dev/null 2>&1 || true
}

redis_up() {
  local run=$1 port
  port=$(free_port)
  mkdir -p "$run/redis"
  echo "$port" >"$run/redis/port"
  redis_start "$run" || return 1
  echo "export REDIS_URL=redis://127.0.0.1:$port/0" >>"$run/env"
  svc_log "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on 127.0.0.1:$port"
}

# Start (again) on the same port and directory. The append-only file keeps queued Celery
# tasks and channel data across a restart, as a production Redis should (deploy/).
redis_start() {
  local run=$1 port
  port=$(cat "$run/redis/port")
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --pidfile "$run/redis/redis.pid" \
    --logfile "$run/redis/redis.log" --dir "$run/redis" --save '' \
    --appendonly yes --appendfsync everysec >/dev/null
  for _ in $(seq 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  redis-cli -p "$port" ping >/dev/null || { cat "$run/redis/redis.log" >&2; return 1; }
}

redis_down() {
  local run=$1
  [ -f "$run/redis/redis.pid" ] || return 0
  kill "$(cat "$run/redis/redis.pid")" 2>/dev/null || true
}

neo4j_up() {
  local run=$1 port
  port=$(free_port)
  export NEO4J_LOCAL_BOLT_PORT=$port NEO4J_LOCAL_DATA_DIR="$run/neo4j"
  export NEO4J_LOCAL_PASSWORD="${NEO4J_PASSWORD:-ningju-local-dev}"
  "$SERVICES_ROOT/graph/server/neo4j-server" start >&2
  {
    echo "export NEO4J_URI=bolt://127.0.0.1:$port"
    echo "export NEO4J_PASSWORD=$NEO4J_LOCAL_PASSWORD"
    # Tests that stop and restart the graph (fault tests) use these.
    echo "export NEO4J_LOCAL_BOLT_PORT=$port"
    echo "export NEO4J_LOCAL_DATA_DIR=$run/neo4j"
    echo "export NEO4J_LOCAL_PASSWORD=$NEO4J_LOCAL_PASSWORD"
    echo "export NINGJU_NEO4J_SERVER_SCRIPT=$SERVICES_ROOT/graph/server/neo4j-server"
  } >>"$run/env"
}

neo4j_down() {
  local run=$1
  [ -d "$run/neo4j" ] || return 0
  NEO4J_LOCAL_DATA_DIR="$run/neo4j" "$SERVICES_ROOT/graph/server/neo4j-server" stop >&2 || true
}
