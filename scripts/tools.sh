#!/usr/bin/env bash
# Installs what building Ugeblik needs, idempotently, at pinned versions, fetching nothing
# from GitHub. Reuses any tool already installed at the right version.
#
#   scripts/tools.sh          build tools: wasm32 target, trunk, wasm-bindgen-cli, wasm-opt
#   scripts/tools.sh --test   the same, plus Debian's chromium, chromium-driver and
#                             python3-icalendar, and DuckDB's Python package (target/py)
#
# Sourced by scripts/serve.sh and scripts/test.sh; also runnable on its own.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"   # the newest trunk that builds on rustc 1.95
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$ROOT/node_modules/.bin:$CARGO_BIN:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

say() { printf '\033[1m[tools]\033[0m %s\n' "$*"; }

# Tools built from source build faster without LTO; they work the same.
fast_install() {
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install "$@"
}

ensure_rust_parts() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      say "adding $component"
      rustup component add "$component"
    fi
  done
}

ensure_trunk() {
  if [[ "$(trunk --version 2>/dev/null || true)" == "trunk $TRUNK_VERSION" ]]; then return; fi
  say "installing trunk $TRUNK_VERSION (about 7–10 minutes on 2 cores)"
  fast_install --locked "trunk@$TRUNK_VERSION"
}

# The pinned nightly that builds the page's wasm alone (scripts/split.mjs: the standard
# library built with it, panics that abort at once), with the standard library's source.
# Everything else stays on stable.
export UGEBLIK_NIGHTLY="nightly-2026-05-19"
ensure_nightly() {
  if rustup component list --toolchain "$UGEBLIK_NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src'; then return; fi
  say "installing $UGEBLIK_NIGHTLY with rust-src (about half a minute)"
  rustup toolchain install "$UGEBLIK_NIGHTLY" --profile minimal --component rust-src
}

# The page's code splitting (scripts/split.mjs): the tool cargo-leptos uses, pinned.
WASM_SPLIT_VERSION=0.2.4
ensure_wasm_split() {
  if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then return; fi
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 3 minutes)"
  fast_install --locked "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary
}

# trunk runs the wasm-bindgen CLI only when its version equals the crate's in Cargo.lock.
ensure_wasm_bindgen() {
  local want
  want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
  if [[ -z "$want" ]]; then echo "wasm-bindgen is missing from Cargo.lock" >&2; exit 1; fi
  if [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $want" ]]; then return; fi
  say "installing wasm-bindgen-cli $want (about 4 minutes)"
  # Its own lock file may name crates the registry no longer serves: then resolve afresh.
  fast_install --locked wasm-bindgen-cli --version "$want" || fast_install --force wasm-bindgen-cli --version "$want"
}

# wasm-opt (npm binaryen@132), and the browser tests' driver and axe-core, from the
# committed lock file. Reinstalled only when the lock file changes.
ensure_npm() {
  local stamp="$ROOT/node_modules/.package-lock.copy"
  if [[ -f "$stamp" ]] && cmp -s "$stamp" "$ROOT/package-lock.json"; then return; fi
  say "installing npm packages from package-lock.json"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/package-lock.json" "$stamp"
}

ensure_chromium() {
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then return; fi
  say "installing Debian's chromium and chromium-driver"
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y --no-install-recommends chromium chromium-driver </dev/null ||
    { $sudo apt-get update </dev/null && $sudo apt-get install -y --no-install-recommends chromium chromium-driver </dev/null; }
}

# The calendar parser the reminder's test reads the .ics file with (Debian's package, for
# Debian's own python3).
ensure_icalendar() {
  if /usr/bin/python3 -c 'import icalendar, dateutil' 2>/dev/null; then return; fi
  say "installing Debian's python3-icalendar"
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y --no-install-recommends python3-icalendar </dev/null ||
    { $sudo apt-get update </dev/null && $sudo apt-get install -y --no-install-recommends python3-icalendar </dev/null; }
}

# DuckDB's Python package, pinned, in a virtual environment of its own (target/py): the test
# that computes the provider's report with DuckDB too (tests/report_duckdb.rs) runs it.
DUCKDB_VERSION="1.1.3"
ensure_duckdb() {
  local python="$ROOT/target/py/bin/python"
  if [[ -x "$python" ]] && "$python" -c "import duckdb, sys; sys.exit(duckdb.__version__ != '$DUCKDB_VERSION')" 2>/dev/null; then
    return
  fi
  say "installing DuckDB $DUCKDB_VERSION (Python package) into target/py"
  python3 -m venv "$ROOT/target/py"
  "$python" -m pip install --quiet --disable-pip-version-check "duckdb==$DUCKDB_VERSION" </dev/null
}

ensure_build_tools() {
  ensure_rust_parts
  ensure_nightly
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_split
  ensure_npm
  # The build renders the first screen in Chromium (scripts/prerender.mjs).
  ensure_chromium
  # trunk builds offline (Trunk.toml): fetch the crates first, and those of the standard
  # library the nightly builds for the page (scripts/split.mjs).
  (cd "$ROOT" && cargo fetch --locked)
  (cd "$ROOT" && RUSTUP_TOOLCHAIN="$UGEBLIK_NIGHTLY" cargo fetch --locked -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown)
}

# The release build that is served and tested: trunk, then the JavaScript glue minified,
# the first screen rendered into index.html, trunk's inline loader moved to a file and the
# Content-Security-Policy set, then the service worker's file list written.
build_release() {
  (cd "$ROOT" && trunk build --release && node scripts/split.mjs && node scripts/minify.mjs && node scripts/prerender.mjs && node scripts/csp.mjs && node scripts/offline.mjs)
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  ensure_build_tools
  if [[ "${1:-}" == "--test" ]]; then ensure_chromium; ensure_icalendar; ensure_duckdb; fi
  say "all tools present"
fi
