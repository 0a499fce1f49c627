#!/usr/bin/env bash
# Runs every check of werkplaats: formatting, lints, Rust unit and integration
# tests, then the browser tests in headless Chromium. Installs what it needs on a
# fresh Debian machine (Chromium, poppler-utils, nginx, Node packages); never
# downloads a browser of its own.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
# The browsing tests serve the site under /toolkit/ with Debian's nginx.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need_apt+=(nginx)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing ${need_apt[*]} (apt)"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  echo "== installing rustfmt and clippy (rustup)"
  rustup component add rustfmt clippy
fi
# main stays clean by construction: formatting and lints fail the run.
echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --all-targets --locked -- -D warnings

echo "== cargo test"
cargo test --all-targets --locked

if [ -f tests/browser/package.json ]; then
  echo "== browser tests (headless Chromium)"
  cargo build --release --locked --quiet
  (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
  WERKPLAATS_BIN="$PWD/target/release/werkplaats" CHROMIUM="$(command -v chromium)" \
    node --test --test-concurrency=1 tests/browser/
fi
