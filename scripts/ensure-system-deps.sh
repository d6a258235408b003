#!/usr/bin/env bash
# Installs the Debian packages the test suite needs when they are missing: chromium (Playwright e2e;
# Playwright never downloads a browser) and, with --postgres / --redis, the PostgreSQL and Redis servers.
# Needs root (or sudo) and apt-get; otherwise it says exactly what is missing and exits non-zero.
set -u
want_pg=0
want_redis=0
for arg in "$@"; do
  [ "$arg" = "--postgres" ] && want_pg=1
  [ "$arg" = "--redis" ] && want_redis=1
done

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ "$want_pg" = 1 ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing+=(postgresql); fi
if [ "$want_redis" = 1 ] && ! command -v redis-server >/dev/null 2>&1; then missing+=(redis-server); fi
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "Missing system packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 3
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing system packages: ${missing[*]} (no apt-get here; install them with your package manager)." >&2
  exit 3
fi
echo "Installing system packages: ${missing[*]} (apt-get)…"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || true
if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/autocoach-apt.log 2>&1; then
  echo "apt-get install ${missing[*]} failed; see /tmp/autocoach-apt.log" >&2
  tail -5 /tmp/autocoach-apt.log >&2
  exit 4
fi
echo "Installed: ${missing[*]}"
