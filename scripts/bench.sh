#!/usr/bin/env bash
# Build benchmarks, whole process, as users run it: the real toolkit and synthetic
# toolkits of 100, 1,000 and 10,000 pages (examples/synthetic.rs). Prints a Markdown
# table of median and spread (hyperfine, 5 runs after a warm-up) and peak memory
# (GNU time). Needs hyperfine (apt-get install hyperfine); installs it when missing.
#
#   bash scripts/bench.sh            all sizes
#   SIZES="100 1000" bash scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
cargo build --release --locked --quiet --bin werkplaats --example synthetic
bin="$PWD/target/release/werkplaats"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
SIZES="${SIZES:-100 1000 10000}"
RUNS="${RUNS:-5}"

row() { # name, command...
  local name="$1"; shift
  hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$work/h.json" "$*" >/dev/null 2>&1
  local peak
  /usr/bin/time -o "$work/mem" -f "%M" "$@" >/dev/null 2>&1
  peak=$(tail -1 "$work/mem")
  python3 - "$name" "$work/h.json" "$peak" <<'PY'
import json, sys
name, path, peak = sys.argv[1], sys.argv[2], int(sys.argv[3])
r = json.load(open(path))["results"][0]
t = sorted(r["times"])
print(f"| {name} | {r['median']*1000:.1f} ms | {t[0]*1000:.1f}–{t[-1]*1000:.1f} ms | {peak/1024:.0f} MiB |")
PY
}

echo "| what | median | min–max | peak memory |"
echo "|---|---|---|---|"
row "real toolkit: build" "$bin" build --root . --out "$work/real"
row "real toolkit: check" "$bin" check --root .
for n in $SIZES; do
  ./target/release/examples/synthetic "$n" "$work/kit$n"
  row "$n pages: build" "$bin" build --root "$work/kit$n"
  row "$n pages: check" "$bin" check --root "$work/kit$n"
done
