#!/usr/bin/env bash
# Runs every test: the whole suite on SQLite, then the database-backed projects again on a throwaway
# PostgreSQL cluster. Installs what a fresh Debian machine with only the .NET SDK lacks.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n==> %s\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

ensure_postgres() {
  if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
    log "Installing PostgreSQL server from Debian's packages"
    apt_install postgresql
  fi
}

# The dashboard's browser tests drive Debian's Chromium through Playwright (no browser download).
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    log "Installing Chromium from Debian's packages"
    apt_install chromium
  fi
}

ensure_node() {
  if ! command -v npm >/dev/null 2>&1; then
    log "Installing Node.js and npm from Debian's packages"
    apt_install nodejs npm
  fi
}

free_port() { # $1 = first port to try
  local port
  for port in $(seq "$1" 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free port for PostgreSQL" >&2
  exit 1
}

PG_DIR=""
PG_PORT=""
# initdb refuses to run as root; the cluster then belongs to the postgres user.
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# A port that looked free can be taken before the server binds it, so a failed start is tried again on
# the next port; each failure prints the server's own log, which says why.
start_postgres() {
  PG_DIR="$(mktemp -d /tmp/abm-pg.XXXXXX)"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DIR"
  run_pg "$(pg_bin)/initdb" -D "$PG_DIR/data" -U abm --auth=trust -E UTF8 >/dev/null
  local attempt first=55432
  for attempt in 1 2 3; do
    PG_PORT="$(free_port "$first")"
    log "Starting a throwaway PostgreSQL on 127.0.0.1:$PG_PORT"
    if run_pg "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 120 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
      return 0
    fi
    echo "PostgreSQL did not start (attempt $attempt); its log:" >&2
    tail -n 30 "$PG_DIR/server.log" >&2 || true
    first=$((PG_PORT + 1))
  done
  return 1
}

stop_postgres() {
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR/data" ]; then
    run_pg "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
trap stop_postgres EXIT
trap 'exit 130' INT TERM

RESULTS="$(mktemp -d /tmp/abm-test-results.XXXXXX)"
FAILED=0

run_tests() { # $1 = label, rest = dotnet test arguments
  local label="$1"; shift
  log "Tests ($label)"
  if ! dotnet test "$@" --no-build -c Release --logger "console;verbosity=minimal" 2>&1 | tee -a "$RESULTS/$label.log"; then
    FAILED=1
  fi
}

ensure_postgres
ensure_chromium
ensure_node

# HubSpot's official Node client, pinned by the lockfile, checks the sandbox's fidelity.
log "Installing npm packages"
npm ci --prefix tests/Abm.HubSpot.Sandbox.Tests/NodeClient --no-audit --no-fund --loglevel=error

log "Building"
dotnet build Abm.slnx -c Release -warnaserror

log "Checking formatting"
dotnet format whitespace Abm.slnx --verify-no-changes

run_tests sqlite Abm.slnx
start_postgres
export ABM_TEST_PROVIDER=postgres
export ABM_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=abm;Database=postgres"
for project in tests/Abm.Data.Tests tests/Abm.Server.Tests; do
  run_tests "postgres-$(basename "$project")" "$project"
done
unset ABM_TEST_PROVIDER

# One closing line over every run, in the plain 'N passed, N failed' form.
cat "$RESULTS"/*.log | awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(",", ""); for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1); if ($i == "Skipped:") s += $(i + 1)
    }
  }
  END { printf "\ntests: %d passed, %d failed, %d skipped\n", p, f, s; if (p == 0) exit 1 }' || FAILED=1
rm -rf "$RESULTS"
exit "$FAILED"
