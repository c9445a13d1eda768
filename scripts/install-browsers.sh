#!/bin/sh
# Installs Debian's Chromium for the browser tests when it is missing.
# Playwright drives this browser; it never downloads one of its own.
set -e
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium from Debian's packages for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    chromium chromium-driver fonts-liberation >/dev/null
else
  echo "Chromium is not installed and this is not root: browser tests will be skipped" \
       "(install the 'chromium' package to run them)." >&2
fi
