#!/usr/bin/env bash
# Installs whatever is missing, then runs every check: formatting, clippy (host and wasm),
# host tests, the release build with its size budget, and the browser tests in Debian's
# Chromium. Any failure stops it with a non-zero exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/tools.sh"
ensure_build_tools
ensure_chromium
ensure_icalendar
cd "$ROOT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started=$SECONDS

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (host, all targets)"
cargo clippy --locked --all-targets -- -D warnings

step "cargo clippy (wasm32: the UI)"
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins -- -D warnings

step "the domain stays pure"
if grep -rnE 'leptos|web_sys|js_sys|wasm_bindgen|gloo' src/domain src/i18n.rs src/i18n src/config.rs src/protocol.rs src/model.rs; then
  echo "src/domain, src/i18n.rs, src/config.rs, src/protocol.rs and src/model.rs must not use the browser or Leptos" >&2
  exit 1
fi

step "host tests"
cargo test --locked

step "fault injection: 100,000 random sequences against failing storage (optimised)"
cargo test --locked --profile faults --test faults -- --nocapture nothing_the_citizen_gave

step "release build"
build_release

step "size of what the browser downloads (gzip -9)"
node tests/size.mjs

step "browser tests (Chromium)"
node --test --test-concurrency=1 tests/e2e/

echo
echo "all checks passed in $((SECONDS - started)) s"
