#!/usr/bin/env bash
# Installs whatever is missing (the build tools, Chromium, and the benchmark-only npm
# tools in bench/), builds the release and prints the benchmark table, which it also
# writes to BENCHMARKS.md. Timings are not tests; the size budget is (tests/size.mjs).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/tools.sh"
ensure_build_tools
ensure_chromium
ensure_duckdb
cd "$ROOT"
stamp="bench/node_modules/.package-lock.copy"
if ! { [[ -f "$stamp" ]] && cmp -s "$stamp" bench/package-lock.json; }; then
  say "installing the benchmark tools (bench/package-lock.json)"
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
  cp bench/package-lock.json "$stamp"
fi
build_release
node bench/all.mjs
