#!/usr/bin/env bash
# Installs whatever is missing, builds the release and runs the benchmarks (not tests):
# the chart re-render beside Chart.js, in headless Chromium.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/tools.sh"
ensure_build_tools
ensure_chromium
cd "$ROOT"
build_release
node tests/size.mjs
node bench/chart.mjs
node bench/import.mjs
