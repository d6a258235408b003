#!/usr/bin/env bash
# Sourced by .ci/run: starts a throwaway PostgreSQL cluster (port 55432) for the integration tests and
# makes sure a Redis answers on 127.0.0.1:6379. Exports TEST_DATABASE_URL; stops the cluster on exit.
PG_PORT=55432
initdb_bin=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
if [ -z "$initdb_bin" ]; then
  echo "PostgreSQL server binaries not found (install Debian's postgresql package)." >&2
  return 1 2>/dev/null || exit 1
fi
pg_bin=$(dirname "$initdb_bin")
PG_DIR=$(mktemp -d /tmp/autocoach-ci-pg.XXXXXX)
run_as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
run_as_pg "$pg_bin/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null
run_as_pg "$pg_bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
  -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100" start >/dev/null
export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
echo "PostgreSQL test server: $("$pg_bin/postgres" --version) on port $PG_PORT"
stop_ci_postgres() { run_as_pg "$pg_bin/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1; rm -rf "$PG_DIR"; }
trap stop_ci_postgres EXIT

if ! (echo > /dev/tcp/127.0.0.1/6379) 2>/dev/null; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  sleep 0.5
fi
(echo > /dev/tcp/127.0.0.1/6379) 2>/dev/null && echo "Redis: 127.0.0.1:6379"
