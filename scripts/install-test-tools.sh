#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine:
# the Python packages (in .venv), Debian's Chromium for the browser tests,
# a Java runtime for the Nu HTML Checker, and the pinned npm packages
# (vnu-jar, lighthouse). Safe to run again: it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt

missing=()
# PORTAL_CHROMIUM names another Chromium-based browser (GitHub's Ubuntu
# runners have Google Chrome, and Ubuntu's chromium package is only a snap).
if [ -n "${PORTAL_CHROMIUM:-}" ] && [ -x "${PORTAL_CHROMIUM}" ]; then
    :
else
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fi
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
    echo "Installing Debian packages: ${missing[*]}"
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The vnu-jar postinstall script only looks for Java; Java is installed above.
# Scripts are skipped, so the project's own (the web editor's bundle) runs here.
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
node scripts/editor-bundle.mjs
