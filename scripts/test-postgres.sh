#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL server on 127.0.0.1 for the database test lane.
# Usage: scripts/test-postgres.sh start|stop   (prints the DATABASE_URL on start)
# PostgreSQL refuses to run as root, so the server runs as a dedicated system user.
set -euo pipefail
port="${ROSTER_TEST_PG_PORT:-54329}"
dir="${ROSTER_TEST_PG_DIR:-/tmp/roster-test-pg}"
run_as="roster-pg"

find_bin() {
  local found
  found=$(command -v pg_ctl 2>/dev/null || true)
  if [ -z "$found" ]; then
    found=$(ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  echo "$found"
}

as_user() {
  if [ "$(id -u)" = "0" ]; then runuser -u "$run_as" -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    pg_ctl=$(find_bin)
    if [ -z "$pg_ctl" ]; then
      echo "Installing PostgreSQL from Debian's packages..." >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
      pg_ctl=$(find_bin)
    fi
    bindir=$(dirname "$(readlink -f "$pg_ctl")")
    if [ "$(id -u)" = "0" ] && ! id "$run_as" >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin "$run_as"
    fi
    # A server left running from an earlier run of this script is stopped before its files are replaced.
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_user "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir" && mkdir -p "$dir"
    [ "$(id -u)" = "0" ] && chown "$run_as" "$dir"
    as_user "$bindir/initdb" -D "$dir/data" -U roster --auth=trust -E UTF8 --no-locale >/dev/null
    as_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    as_user "$bindir/createdb" -h 127.0.0.1 -p "$port" -U roster roster
    echo "postgres://roster@127.0.0.1:$port/roster"
    ;;
  stop)
    pg_ctl=$(find_bin)
    [ -n "$pg_ctl" ] && [ -d "$dir/data" ] && as_user "$(dirname "$(readlink -f "$pg_ctl")")/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
