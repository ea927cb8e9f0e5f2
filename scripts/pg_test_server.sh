#!/usr/bin/env bash
# A throwaway local PostgreSQL for the storage tests.
#
#   scripts/pg_test_server.sh start    # init (first time) + start; prints the URL on stdout
#   scripts/pg_test_server.sh url      # prints the URL of the running server (exit 1 if not running)
#   scripts/pg_test_server.sh status   # exit 0 when running
#   scripts/pg_test_server.sh stop     # stop and delete the data directory
#
# Typical use (CI):
#   export RASD_TEST_PG_URL="$(scripts/pg_test_server.sh start)"
#   .venv/bin/pytest tests/storage
#   scripts/pg_test_server.sh stop
#
# Only the URL goes to stdout; progress goes to stderr.  Idempotent: `start` on a running server
# prints its URL, `stop` on a stopped one does nothing.  As root, the server runs as the `postgres`
# user (runuser); as anyone else, as that user.  Trust auth, 127.0.0.1 only, fsync off: test use only.
#
# Environment: RASD_PG_DIR (default /tmp/rasd-pg-test), RASD_PG_PORT (default 55432; the next free
# port is used when it is taken by something else), RASD_PG_BINDIR (default `pg_config --bindir`).
set -euo pipefail

DIR="${RASD_PG_DIR:-/tmp/rasd-pg-test}"
PGDATA="$DIR/data"
PORTFILE="$DIR/port"
DB=rasd_test
USER_NAME=postgres

log() { echo "pg_test_server: $*" >&2; }
die() { log "error: $*"; exit 1; }

find_bindir() {
    if [[ -n "${RASD_PG_BINDIR:-}" ]]; then echo "$RASD_PG_BINDIR"; return; fi
    local d=""
    if command -v pg_config >/dev/null 2>&1; then d="$(pg_config --bindir 2>/dev/null || true)"; fi
    if [[ -n "$d" && -x "$d/initdb" ]]; then echo "$d"; return; fi
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x "$d/initdb" ]]; then echo "$d"; return; fi
    done
    die "no PostgreSQL server binaries (initdb) found; install postgresql-15 or set RASD_PG_BINDIR"
}

BIN="$(find_bindir)"

if [[ "$(id -u)" == 0 ]]; then
    id "$USER_NAME" >/dev/null 2>&1 || die "running as root but there is no '$USER_NAME' user to run the server"
    as_pg() { (cd / && runuser -u "$USER_NAME" -- "$@"); }
    OWNER="$USER_NAME"
else
    as_pg() { (cd / && "$@"); }
    OWNER="$(id -un)"
fi

port_in_use() {
    # bash's /dev/tcp: a successful connect means something listens there.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

is_running() {
    [[ -f "$PGDATA/PG_VERSION" ]] && as_pg "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1
}

url_of() { echo "postgresql://postgres@127.0.0.1:$1/$DB"; }

ensure_db() {
    local port="$1" exists
    exists="$(as_pg "$BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -XtAc \
        "SELECT 1 FROM pg_database WHERE datname = '$DB'")"
    if [[ "$exists" != 1 ]]; then
        as_pg "$BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DB"
        log "created database $DB"
    fi
}

cmd_start() {
    if is_running; then
        local port
        port="$(cat "$PORTFILE")"
        ensure_db "$port"
        log "already running on port $port"
        url_of "$port"
        return
    fi
    mkdir -p "$DIR"
    chown "$OWNER" "$DIR"
    chmod 700 "$DIR"
    if [[ ! -f "$PGDATA/PG_VERSION" ]]; then
        rm -rf "$PGDATA"
        log "initdb in $PGDATA"
        as_pg "$BIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$DIR/initdb.log" 2>&1 \
            || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
    fi
    local port="${RASD_PG_PORT:-55432}" tries=0
    while port_in_use "$port"; do
        tries=$((tries + 1))
        [[ $tries -lt 50 ]] || die "no free port found from ${RASD_PG_PORT:-55432}"
        log "port $port is taken; trying $((port + 1))"
        port=$((port + 1))
    done
    echo "$port" >"$PORTFILE"
    log "starting PostgreSQL ($BIN) on 127.0.0.1:$port"
    as_pg "$BIN/pg_ctl" -D "$PGDATA" -l "$DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >&2 || { tail -n 20 "$DIR/server.log" >&2 || true; die "the server did not start"; }
    ensure_db "$port"
    url_of "$port"
}

cmd_stop() {
    if is_running; then
        as_pg "$BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >&2
    else
        log "not running"
    fi
    rm -rf "$DIR"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) if is_running; then log "running on port $(cat "$PORTFILE")"; else log "not running"; exit 1; fi ;;
    url) is_running || die "not running"; url_of "$(cat "$PORTFILE")" ;;
    *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
