#!/usr/bin/env bash
# Makes sure Debian's chromium is at /usr/bin/chromium for the docs site's browser tests.
# The tests drive it with playwright-core and never download a browser of their own, so on a
# fresh Debian machine this installs the distribution package (only possible as root).
set -euo pipefail

# Elsewhere (a CI image that ships Chrome) CHROMIUM_PATH names the browser to use instead.
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then
  echo "chromium: using $CHROMIUM_PATH"
  exit 0
fi

if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo 'present at /usr/bin/chromium')"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "chromium: /usr/bin/chromium is missing and this is not root; install Debian's chromium package (apt-get install chromium) to run the docs browser tests" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: /usr/bin/chromium is missing and apt-get is not available; install chromium at /usr/bin/chromium" >&2
  exit 1
fi

echo "chromium: installing Debian's chromium package"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y chromium
/usr/bin/chromium --version
