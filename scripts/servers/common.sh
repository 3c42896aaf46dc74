# shellcheck shell=bash
# Helpers shared by the server scripts (sourced, not run).
# Every server lives in a folder under a state directory given by the caller,
# listens on 127.0.0.1 only, and uses ports chosen at run time so that several
# runs (and other engineers' runs) can share one machine.

# Debian's python, not a pyenv shim: aiosmtpd is installed into it.
PY=/usr/bin/python3

log() { printf '[servers] %s\n' "$*" >&2; }

# since T0: seconds elapsed since T0 (an $EPOCHREALTIME value), one decimal.
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# fail LOGFILE... MESSAGE: print the message and the tail of each log, then exit.
fail() {
  local msg=${*: -1}
  log "ERROR: $msg"
  local f
  for f in "${@:1:$#-1}"; do
    [[ -f $f ]] || continue
    printf '%s\n' "----- tail of $f -----" >&2
    tail -n 40 "$f" >&2
  done
  exit 1
}

# free_ports N: N distinct free TCP ports on 127.0.0.1 (all held open until all
# are chosen, so the N are different; the kernel picks them at random).
free_ports() {
  "$PY" - "$1" <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
}

# tcp_open PORT: true when something accepts connections on 127.0.0.1:PORT.
tcp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# as_user USER CMD...: run as USER when we are root (initdb and RabbitMQ refuse
# or misbehave as root); as a normal user just run it (the files are ours).
as_user() {
  local user=$1; shift
  if [[ $EUID -eq 0 ]]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

# owned_dir USER DIR: create DIR owned by USER (when root) so the server can write it.
owned_dir() {
  mkdir -p "$2"
  if [[ $EUID -eq 0 ]]; then chown "$1:" "$2"; fi
}

# pid_alive PID
pid_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

# stop_pid PIDFILE: TERM, wait up to 10 s, then KILL.
stop_pid() {
  local pid; pid=$(cat "$1" 2>/dev/null) || return 0
  pid_alive "$pid" || { rm -f "$1"; return 0; }
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do pid_alive "$pid" || break; sleep 0.1; done
  if pid_alive "$pid"; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$1"
}
