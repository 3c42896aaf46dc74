#!/usr/bin/env bash
# SMTP sink for tests (aiosmtpd, every message saved to a Maildir):
#   smtp.sh start|stop STATE_DIR
# start prints `export ...` lines (also written to STATE_DIR/smtp.env).
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cmd=${1:?usage: smtp.sh start|stop STATE_DIR}
state=$(cd "${2:?usage: smtp.sh start|stop STATE_DIR}" && pwd)
dir=$state/smtp

case $cmd in
start)
  port=$(free_ports 1)
  mkdir -p "$dir"
  t0=$EPOCHREALTIME
  # -n: stay the current user (as root it would setuid to nobody and then
  # could not write the Maildir). -u: advertise SMTPUTF8 (Japanese addresses).
  # setsid: Ctrl-C in the terminal must not kill it before our cleanup runs;
  # the inner sh records the server's own pid (setsid may fork).
  # shellcheck disable=SC2016  # $$ and $@ belong to the inner sh
  setsid sh -c 'echo $$ >"$1"; shift; exec "$@"' sh "$dir/pid" \
      "$PY" -m aiosmtpd -n -u -l "127.0.0.1:$port" \
      -c aiosmtpd.handlers.Mailbox "$dir/Maildir" \
      </dev/null >"$dir/server.log" 2>&1 &
  # Ready = the 220 greeting arrives (a bare TCP accept could still be startup).
  greets() { (exec 3<>"/dev/tcp/127.0.0.1/$port" && read -r -t 5 line <&3 && [[ $line == 220* ]]) 2>/dev/null; }
  for _ in $(seq 150); do
    greets && break
    [[ ! -s $dir/pid ]] || pid_alive "$(cat "$dir/pid")" || fail "$dir/server.log" "aiosmtpd exited during startup"
    sleep 0.1
  done
  greets || fail "$dir/server.log" "SMTP did not answer on port $port within 15 s"
  mkdir -p "$dir/Maildir"/{new,cur,tmp}   # exists even before the first message
  log "SMTP ready on 127.0.0.1:$port in $(since "$t0") s"
  tee "$state/smtp.env" <<ENV
export NOTIFYHUB_TEST_SMTP_HOST=127.0.0.1
export NOTIFYHUB_TEST_SMTP_PORT=$port
export NOTIFYHUB_TEST_SMTP_MAILDIR='$dir/Maildir'
ENV
  ;;
stop)
  [[ -f $dir/pid ]] && stop_pid "$dir/pid"
  exit 0
  ;;
*) fail "usage: smtp.sh start|stop STATE_DIR" ;;
esac
