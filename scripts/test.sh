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
ensure_duckdb
export UGEBLIK_PYTHON="$ROOT/target/py/bin/python"
cd "$ROOT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started=$SECONDS

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (host, all targets)"
cargo clippy --locked --all-targets -- -D warnings

step "cargo clippy (wasm32: the UI)"
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins -- -D warnings

step "the layers stay as ARCHITECTURE.md draws them"
# The pure layers (and the pure files of the page and the session) never touch the browser
# or Leptos: the host tests drive them as the browser runs them.
pure="src/domain src/formats src/i18n src/chart src/page/model.rs src/page/steps.rs
      src/session/files.rs src/session/figures.rs src/session/goals.rs src/session/trends.rs"
# shellcheck disable=SC2086
if grep -rnE 'leptos|web_sys|js_sys|wasm_bindgen|gloo' $pure; then
  echo "these must not use the browser or Leptos: $pure" >&2
  exit 1
fi
# The domain knows nothing of the layers above it: no format, language pack, chart or screen.
if grep -rnE 'crate::(formats|i18n|chart|session|page|platform)' src/domain | grep -vE ':[0-9]+:\s*//'; then
  echo "src/domain must not use the modules above it" >&2
  exit 1
fi
# Nothing in the first load or below it reaches into the session's code except through the
# one split point (session::screen::drawn_screen), which keeps it out of the first load.
if grep -rnE 'crate::session::' src/page src/platform src/formats src/domain src/i18n src/chart |
  grep -vE ':[0-9]+:\s*//' | grep -v 'crate::session::screen::drawn_screen'; then
  echo "the first load must reach the session's code only through session::screen::drawn_screen" >&2
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
