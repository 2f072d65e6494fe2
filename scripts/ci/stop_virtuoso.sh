#!/usr/bin/env bash
# Stop the Virtuoso started by scripts/ci/start_virtuoso.sh (by its recorded pid; data stay in the directory).
set -euo pipefail
DIR=${DIPLOGRAPH_VIRTUOSO_DIR:-/tmp/diplograph-virtuoso}
[ -f "$DIR/virtuoso.pid" ] || exit 0
pid=$(cat "$DIR/virtuoso.pid")
if kill -0 "$pid" 2> /dev/null; then
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2> /dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2> /dev/null && kill -KILL "$pid"
fi
rm -f "$DIR/virtuoso.pid"
echo "stop_virtuoso: stopped pid $pid" >&2
