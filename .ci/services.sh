#!/usr/bin/env bash
# The services the server tests run against: a PostgreSQL cluster of the tests' own on 127.0.0.1:5433 and
# a Redis on 127.0.0.1:6380, both from Debian's packages (installed with apt when missing, as root). Writes
# their addresses to .data/test-services.env for `npm run test:server-pg`. Safe to run again: whatever is
# already running is left as it is. Not root and nothing running: says so and, outside CI, exits 0 (the
# PostgreSQL suite then skips with its own message); under CI=true that is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT=5433
REDIS_PORT=6380
PG_ROOT=/var/lib/postgresql/binational-test
PG_DATA="$PG_ROOT/data"
PG_LOG="$PG_ROOT/postgres.log"
ENV_FILE=.data/test-services.env

unavailable() {
  echo "services: $*" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "services: the PostgreSQL server tests will be skipped (CI=true makes this an error)" >&2
  exit 0
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true; }
redis_ping() { command -v redis-cli >/dev/null 2>&1 && [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]; }
# Runs a command as the postgres user from a folder it can read (it cannot enter the checkout under /root).
as_postgres() { (cd / && runuser -u postgres -- "$@"); }

is_root=false
[ "$(id -u)" = "0" ] && is_root=true

# ——— packages ———
missing=()
[ -n "$(pg_bin)" ] || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  if ! $is_root || ! command -v apt-get >/dev/null 2>&1; then
    unavailable "missing ${missing[*]}: install Debian's packages (apt-get install ${missing[*]}) as root"
  fi
  echo "services: installing ${missing[*]} with apt…"
  export DEBIAN_FRONTEND=noninteractive
  apt_log="$(mktemp)"
  # apt's chatter (debconf, invoke-rc.d refusing to start the services) is shown only when it fails.
  if ! { apt-get update -qq && apt-get install -y -qq -o Dpkg::Use-Pty=0 "${missing[@]}"; } >"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    rm -f "$apt_log"
    echo "services: apt could not install ${missing[*]}" >&2
    exit 1
  fi
  rm -f "$apt_log"
fi
PG_BIN="$(pg_bin)"

# ——— PostgreSQL: a cluster of the tests' own, apart from Debian's main cluster ———
if ! $is_root; then
  # Without root we cannot run the cluster as postgres; a running one (from an earlier root run) still serves.
  if [ -f "$ENV_FILE" ] && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && redis_ping; then
    echo "services: PostgreSQL on 127.0.0.1:$PG_PORT and Redis on 127.0.0.1:$REDIS_PORT already running"
    exit 0
  fi
  unavailable "starting PostgreSQL and Redis for the tests needs root (run: sudo bash .ci/services.sh)"
fi

if [ ! -s "$PG_DATA/PG_VERSION" ]; then
  echo "services: creating a PostgreSQL cluster in $PG_DATA"
  install -d -o postgres -g postgres -m 700 "$PG_ROOT" "$PG_DATA"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >/dev/null
fi

if as_postgres "$PG_BIN/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1; then
  echo "services: PostgreSQL already running on 127.0.0.1:$PG_PORT"
else
  # fsync off: a test database is thrown away, and the tests should not wait on the disk.
  if ! as_postgres "$PG_BIN/pg_ctl" start -w -t 60 -D "$PG_DATA" -l "$PG_LOG" \
    -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null; then
    echo "services: PostgreSQL did not start; the end of $PG_LOG:" >&2
    tail -n 20 "$PG_LOG" >&2 || true
    exit 1
  fi
  echo "services: PostgreSQL started on 127.0.0.1:$PG_PORT"
fi

# The role's password is made once and kept in the env file, so the address stays the same between runs.
password=""
if [ -f "$ENV_FILE" ]; then
  password="$(sed -n 's|^BINATIONAL_TEST_DATABASE_URL=postgres://binational:\([A-Za-z0-9]*\)@.*|\1|p' "$ENV_FILE")"
fi
if [ -z "$password" ]; then
  password="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(18).toString("hex"))')"
fi
psql_admin() { as_postgres "$PG_BIN/psql" -h /tmp -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'binational'")" != "1" ]; then
  psql_admin -c "CREATE ROLE binational LOGIN"
fi
# Set every run: a kept cluster with a new env file (or the reverse) still agrees on the password.
psql_admin -c "ALTER ROLE binational PASSWORD '$password'"
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'binational_test'")" != "1" ]; then
  psql_admin -c "CREATE DATABASE binational_test OWNER binational"
fi

# ——— Redis: nothing saved to disk ———
if redis_ping; then
  echo "services: Redis already running on 127.0.0.1:$REDIS_PORT"
else
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no >/dev/null
  for _ in $(seq 1 50); do
    redis_ping && break
    sleep 0.1
  done
  redis_ping || { echo "services: Redis did not answer on 127.0.0.1:$REDIS_PORT" >&2; exit 1; }
  echo "services: Redis started on 127.0.0.1:$REDIS_PORT"
fi

mkdir -p .data
umask 077
cat >"$ENV_FILE" <<EOF
BINATIONAL_TEST_DATABASE_URL=postgres://binational:$password@127.0.0.1:$PG_PORT/binational_test
BINATIONAL_TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT
EOF
echo "services: addresses written to $ENV_FILE"
