#!/usr/bin/env bash
# PostgreSQL 15 for tests: postgres.sh start|stop STATE_DIR
# start prints `export ...` lines (also written to STATE_DIR/postgres.env).
# Tests run with fsync and synchronous commit off (nothing to keep). Benchmarks must measure what production runs:
# NOTIFYHUB_POSTGRES_DURABLE=1 keeps PostgreSQL's durable defaults (fsync, synchronous_commit, full_page_writes on).
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cmd=${1:?usage: postgres.sh start|stop STATE_DIR}
state=$(cd "${2:?usage: postgres.sh start|stop STATE_DIR}" && pwd)
dir=$state/postgres

# Debian keeps the server binaries off PATH; take the newest installed version.
pg_bin() {
  local b
  b=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n $b && -x $b/pg_ctl ]]; then echo "$b"; return; fi
  b=$(command -v pg_ctl) && dirname "$(readlink -f "$b")" && return
  fail "PostgreSQL server binaries (pg_ctl, initdb) not found"
}

case $cmd in
start)
  bin=$(pg_bin)
  port=$(free_ports 1)
  owned_dir postgres "$dir"
  chmod 755 "$state"                     # the postgres user must reach its folder
  t0=$EPOCHREALTIME
  # trust auth: loopback only, throwaway cluster. --no-sync: nothing to keep.
  as_user postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
      --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
    || fail "$dir/initdb.log" "initdb failed"
  speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [[ ${NOTIFYHUB_POSTGRES_DURABLE:-} == 1 ]] && speed=""
  # -w waits until the server accepts connections (or the -t timeout passes).
  as_user postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 $speed" \
      start >"$dir/pg_ctl.log" 2>&1 \
    || fail "$dir/pg_ctl.log" "$dir/server.log" "PostgreSQL did not start on port $port"
  echo "$port" >"$dir/port"
  log "PostgreSQL ready on 127.0.0.1:$port in $(since "$t0") s${speed:+ (fsync off)}"
  tee "$state/postgres.env" <<ENV
export NOTIFYHUB_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Include Error Detail=true'
ENV
  ;;
stop)
  [[ -d $dir/data ]] || exit 0
  # fast = roll back open transactions and disconnect clients instead of waiting.
  if ! as_user postgres "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
    # Not running (already gone) or stuck: make sure the postmaster is gone.
    pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
    if pid_alive "$pid"; then kill -9 "$pid" || true; fi
  fi
  ;;
*) fail "usage: postgres.sh start|stop STATE_DIR" ;;
esac
