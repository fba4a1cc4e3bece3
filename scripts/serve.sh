#!/usr/bin/env bash
# Installs whatever is missing, builds a release and serves it on http://127.0.0.1:8080.
# Add ?demo or ?lang=en to the address as needed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/tools.sh"
ensure_build_tools
cd "$ROOT"
say "building a release"
build_release
exec node scripts/serve.mjs 8080
