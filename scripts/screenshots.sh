#!/usr/bin/env bash
# Re-take docs/'s screenshots of report.html and compare.html (data/sample, headless Chromium):
#   bash scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product kickoff
bin=$(swift build -c release --show-bin-path)/kickoff
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
now=2027-01-04T09:00+00:00
"$bin" solve data/sample --out "$tmp/plan" --now "$now" --quiet > /dev/null
"$bin" compare data/sample --out "$tmp/compare" --now "$now" --quiet > /dev/null
probe=Tests/Support/browser_probe.py
python3 "$probe" "$tmp/plan/report.html" 1366 768 docs/report-1366.png 2300 > /dev/null
python3 "$probe" "$tmp/plan/report.html" 390 844 docs/report-390.png 2400 > /dev/null
python3 "$probe" "$tmp/compare/compare.html" 1366 768 docs/compare-1366.png 900 > /dev/null
python3 "$probe" "$tmp/compare/compare.html" 390 844 docs/compare-390.png 900 > /dev/null
ls -l docs/*.png
