#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests and print its URL on stdout:
#   export NONPAPER_TEST_PG_URL=$(bash scripts/test-postgres.sh)
# Run as root on a machine with the postgresql package (installs nothing). The cluster lives in a
# temp folder owned by the postgres user, listens on 127.0.0.1:${NONPAPER_PG_PORT:-54329} only, trusts
# local connections, and is stopped with:
#   runuser -u postgres -- "$(cat /tmp/nonpaper-pg.bin)/pg_ctl" -D "$(cat /tmp/nonpaper-pg.dir)" stop
set -euo pipefail

PORT="${NONPAPER_PG_PORT:-54329}"
DB="${NONPAPER_PG_DB:-nonpaper_test}"
log() { echo "test-postgres: $*" >&2; }

BIN=""
for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then BIN="$dir"; break; fi
done
if [ -z "$BIN" ]; then
    log "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin; install them with: apt-get install -y postgresql"
    exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
    log "run as root (the server runs as the postgres user via runuser)"
    exit 1
fi
if ! id postgres >/dev/null 2>&1; then
    log "no postgres user on this machine; the postgresql package creates it"
    exit 1
fi

# A server from an earlier run on the same port: reuse it when it answers, else fail clearly.
if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; then
    log "a server already listens on 127.0.0.1:$PORT; reusing it"
else
    DATA="$(mktemp -d /tmp/nonpaper-pg.XXXXXX)"
    chown postgres:postgres "$DATA"
    chmod 700 "$DATA"
    runuser -u postgres -- "$BIN/initdb" -D "$DATA/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >&2 \
        || runuser -u postgres -- "$BIN/initdb" -D "$DATA/data" -U postgres -A trust -E UTF8 --locale=C >&2
    # Sockets in the temp dir too: no need for /var/run/postgresql.
    runuser -u postgres -- "$BIN/pg_ctl" -D "$DATA/data" -l "$DATA/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off -c full_page_writes=off" start >&2 || {
        log "the server did not start; its log:"; cat "$DATA/server.log" >&2; exit 1; }
    echo "$BIN" > /tmp/nonpaper-pg.bin
    echo "$DATA/data" > /tmp/nonpaper-pg.dir
    chmod 644 /tmp/nonpaper-pg.bin /tmp/nonpaper-pg.dir
    log "started in $DATA/data on 127.0.0.1:$PORT"
fi

if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" \
        | grep -q 1; then
    "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB" >&2
fi
echo "postgresql://postgres@127.0.0.1:$PORT/$DB"
