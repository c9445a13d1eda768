#!/bin/sh
# Installs the servers the scale-out tests start (tests/reliability/) when they
# are missing: Debian's PostgreSQL and Redis. The SMTP and S3 servers come
# from the development dependencies (aiosmtpd, moto).
set -e
missing=""
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing="$missing postgresql"
command -v redis-server >/dev/null 2>&1 || missing="$missing redis-server"
if [ -z "$missing" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing$missing from Debian's packages for the scale-out tests..."
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    $missing >/dev/null
else
  echo "Missing$missing: install them (Debian packages) to run tests/reliability." >&2
  exit 1
fi
