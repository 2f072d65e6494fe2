#!/usr/bin/env bash
# The main job on the embedded default store (./.diplograph-store, Oxigraph on disk):
# install diplograph into ./.venv, read the seed article (samples/), extract and store what it says,
# answer three sample questions from what was extracted, and write the interactive HTML view.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
dg=.venv/bin/diplograph
$dg ingest samples/petro-trump-2026-01.txt
for q in events_by_date who_sanctioned_whom roles_held; do
  printf '\n== %s: %s\n' "$q" "$(head -1 "graph/queries/sample/$q.rq" | sed 's/^# //')"
  $dg query --name "sample/$q"
done
$dg view -o out/seed-graph.html
echo "HTML view: $(pwd)/out/seed-graph.html (one file, works offline)"
