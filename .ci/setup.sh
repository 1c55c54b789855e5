#!/usr/bin/env bash
# Installs whatever the build needs and is missing; with --test, also what the
# checks need. Everything already present at the right version is skipped, so a
# second run takes a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."

# wasm-bindgen-cli must equal the wasm-bindgen crate exactly.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)

with_tests=false
[ "${1:-}" = "--test" ] && with_tests=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if $with_tests; then
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      say "adding $component"
      rustup component add "$component"
    fi
  done
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes, once)"
  # No --locked: the registry mirror lacks a patch version its lock names.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
# The splitter that cuts the guest's drill part from its first paint
# (ARCHITECTURE.md, "The drill part"); its version must understand the
# wasm_split_helpers crate of Cargo.toml. It has no --version: ask cargo.
SPLIT_CLI_VERSION=0.2.4
if ! cargo install --list | grep -qx "wasm_split_cli_support v$SPLIT_CLI_VERSION:"; then
  say "installing wasm_split_cli_support $SPLIT_CLI_VERSION (about 3 minutes, once)"
  cargo install wasm_split_cli_support --version "$SPLIT_CLI_VERSION" --features build-binary
fi
# npm ci when node_modules is missing or older than the lock file. binaryen
# brings wasm-opt 132 (Debian's 108 cannot read reference-types tables).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi
if $with_tests; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v brotli >/dev/null || missing+=(brotli)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from apt"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  fi
fi
# Fetch every crate now, so the builds and tests after this need no network.
cargo fetch --quiet
