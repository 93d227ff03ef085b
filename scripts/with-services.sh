#!/usr/bin/env bash
# Runs a command against real, throw-away PostgreSQL, Redis and Neo4j servers, then stops
# them, also when the command fails or is interrupted.
#   scripts/with-services.sh [--keep] -- <command...>
# A server whose URL is already set in the environment (DATABASE_URL, REDIS_URL, NEO4J_URI)
# is used as it is and nothing local starts for it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=services.sh
source "$here/services.sh"

keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done

RUN_DIR=$(mktemp -d /tmp/ningju-services.XXXXXX)
chmod 755 "$RUN_DIR"
: >"$RUN_DIR/env"

stop_all() {
  local code=$?
  set +e
  neo4j_down "$RUN_DIR"
  redis_down "$RUN_DIR"
  postgres_down "$RUN_DIR"
  if [ "$keep" -eq 0 ]; then rm -rf "$RUN_DIR"; else svc_log "kept $RUN_DIR"; fi
  exit "$code"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# The three start in parallel; Neo4j (a JVM) is the slowest.
pids=()
[ -n "${DATABASE_URL:-}" ] || { postgres_up "$RUN_DIR" & pids+=($!); }
[ -n "${REDIS_URL:-}" ] || { redis_up "$RUN_DIR" & pids+=($!); }
[ -n "${NEO4J_URI:-}" ] || { neo4j_up "$RUN_DIR" & pids+=($!); }
for pid in "${pids[@]}"; do wait "$pid"; done

# shellcheck disable=SC1091
source "$RUN_DIR/env"
export NINGJU_SERVICES_DIR="$RUN_DIR"
"$@"
