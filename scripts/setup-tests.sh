#!/usr/bin/env bash
# Install what the tests need on top of scripts/setup.sh: headless Chromium and npm for
# the browser tests, Pango for PDF reports, the development tools (the 'dev' extra) and
# the browser-side libraries pinned in tests/browser/package-lock.json. Safe to run
# again; quick when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# PDF reports: WeasyPrint lays out text with Pango (fonts come from scripts/setup.sh).
/sbin/ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' || missing+=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup-tests: installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Reinstall only when the package's metadata changed since the last install.
if [ ! -f .venv/.installed-dev ] || [ pyproject.toml -nt .venv/.installed-dev ]; then
    .venv/bin/python -m pip install -q -e '.[dev]'
    touch .venv/.installed-dev
fi

# Reinstall the npm packages only when the lock file changed since the last install.
cd tests/browser
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
