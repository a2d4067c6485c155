#!/usr/bin/env bash
# Starts (or reuses) a private PostgreSQL cluster for the store tests and prints the variables
# the tests read. Usage:
#   eval "$(scripts/test-postgres.sh)" && swift test --filter IntakeStoreTests
# The cluster lives under /tmp (INTAKE_PG_DIR), listens on 127.0.0.1 only (INTAKE_PG_PORT,
# default 54329) and trusts local connections: it is for tests, never for data.
# Progress goes to stderr; stdout carries only the `export` lines.
set -euo pipefail

PORT="${INTAKE_PG_PORT:-54329}"
DIR="${INTAKE_PG_DIR:-/tmp/intake-test-postgres}"
DATA="$DIR/data"
LOG="$DIR/server.log"
CTL="$DIR/ctl.sh"
DB=intake_test

BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
    echo "test-postgres: PostgreSQL server binaries not found; installing the postgresql package" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
    BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi

# initdb and postgres refuse to run as root: use the postgres account when we are root.
if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DIR" postgres
    AS=(runuser -u postgres --)
    OWNER=postgres
else
    AS=()
    OWNER="$(id -un)"
fi

mkdir -p "$DIR"
chown "$OWNER" "$DIR"
chmod 700 "$DIR"

if [ ! -f "$DATA/PG_VERSION" ]; then
    echo "test-postgres: creating a cluster in $DATA" >&2
    "${AS[@]}" "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --no-sync >&2
fi

# The control command the outage test uses to stop and restart the server.
cat > "$CTL" <<CTLEOF
#!/usr/bin/env bash
# Stops or starts the test cluster in $DATA: $CTL stop|start|status
set -eu
# The server must not inherit the caller's descriptors: a test runner that waits for EOF on a
# pipe or socket it gave us would otherwise wait for as long as the server runs.
for fd in /proc/\$\$/fd/*; do
    n="\${fd##*/}"
    if [ "\$n" -gt 2 ] 2>/dev/null; then eval "exec \$n>&-" 2>/dev/null || true; fi
done
case "\${1:-}" in
    stop)   exec ${AS[*]} "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null ;;
    start)  exec ${AS[*]} "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 30 </dev/null \
                -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null ;;
    status) exec ${AS[*]} "$BIN/pg_ctl" -D "$DATA" status >/dev/null ;;
    *) echo "usage: \$0 stop|start|status" >&2; exit 2 ;;
esac
CTLEOF
chmod 755 "$CTL"

if ! "$CTL" status 2>/dev/null; then
    echo "test-postgres: starting the server on 127.0.0.1:$PORT" >&2
    "$CTL" start
fi

PSQL=("${AS[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
if [ "$("${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
    echo "test-postgres: creating database $DB" >&2
    "${PSQL[@]}" -c "CREATE DATABASE $DB"
fi

echo "export INTAKE_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$PORT/$DB"
echo "export INTAKE_TEST_POSTGRES_CTL=$CTL"
