#!/usr/bin/env bash
# A throwaway PostgreSQL as a plain local process (no containers, no systemd): what the PostgreSQL tracking tests
# run against, locally and in CI. Listens on 127.0.0.1 only, trust authentication, data and socket in <dir>.
#
#   build/postgres.sh start <dir> <port>   initialises <dir> when empty, starts the server, prints the connection string
#   build/postgres.sh stop <dir>           stops it (the data stays until <dir> is removed)
#
# Only the connection string goes to standard output, so a caller can write
#   export TAXI_POSTGRES="$(build/postgres.sh start /tmp/taxi-pg 54329)"
set -euo pipefail

usage() {
    echo "usage: $0 start <dir> <port> | stop <dir>" >&2
    exit 2
}

# The newest installed server's binaries; Debian keeps them out of PATH under /usr/lib/postgresql/<version>/bin.
server_bin() {
    local found
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$found" && -x "$found/initdb" ]]; then
        echo "$found"
    fi
}

ensure_server() {
    if [[ -z "$(server_bin)" ]]; then
        if [[ "$(id -u)" -ne 0 ]]; then
            echo "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb) and installing it needs root: apt-get install -y postgresql" >&2
            exit 1
        fi
        echo "installing PostgreSQL (Debian package postgresql)..." >&2
        apt-get update >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
    fi
    server_bin
}

# The server refuses to run as root: as root, run its tools as the postgres user the Debian package creates.
as_owner() {
    if [[ "$(id -u)" -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    local dir="$1" port="$2" bin
    [[ "$port" =~ ^[0-9]+$ ]] || usage
    bin="$(ensure_server)"
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    if [[ "$(id -u)" -eq 0 ]]; then
        chown postgres:postgres "$dir"
        chmod 700 "$dir"
    fi

    if as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
        echo "PostgreSQL already running in $dir" >&2
    else
        if [[ ! -f "$dir/PG_VERSION" ]]; then
            # C.UTF-8: byte-order sorting and UTF-8 everywhere, whatever the machine's locale.
            as_owner "$bin/initdb" -D "$dir" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 >&2
        fi
        as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/log" -w -t 60 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >&2
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

stop() {
    local dir="$1" bin
    bin="$(server_bin)"
    if [[ -z "$bin" || ! -f "$dir/PG_VERSION" ]]; then
        echo "no PostgreSQL data folder at $dir" >&2
        exit 1
    fi
    as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >&2
}

case "${1:-}" in
    start) [[ $# -eq 3 ]] || usage; start "$2" "$3" ;;
    stop) [[ $# -eq 2 ]] || usage; stop "$2" ;;
    *) usage ;;
esac
