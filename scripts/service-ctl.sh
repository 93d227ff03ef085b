#!/usr/bin/env bash
# Stop or start again one of the servers with-services.sh started (for the fault tests):
#   scripts/service-ctl.sh redis|postgres stop|start
# Uses the run directory with-services.sh exported as NINGJU_SERVICES_DIR; same ports and data.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=services.sh
source "$here/services.sh"
run="${NINGJU_SERVICES_DIR:?started by scripts/with-services.sh}"

case "$1:$2" in
  redis:stop)
    pid=$(cat "$run/redis/redis.pid")
    kill "$pid"
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true ;;
  redis:start) redis_start "$run" ;;
  postgres:stop) postgres_down "$run" ;;
  postgres:start) postgres_start "$run" ;;
  *) echo "usage: $0 redis|postgres stop|start" >&2; exit 2 ;;
esac
