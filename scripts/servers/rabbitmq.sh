#!/usr/bin/env bash
# RabbitMQ (Debian 3.10) for tests:  rabbitmq.sh start|stop|restart|ctl STATE_DIR
#   start    new node, prints `export ...` lines (also in STATE_DIR/rabbitmq.env)
#   restart  stops the node and starts it again: same name, ports and data
#            (durable queues and messages survive); returns once it is ready
#   stop     stops the node and its private epmd
#   ctl ARGS rabbitmqctl against this node (add_vhost, list_queues, ...);
#            `ctl stop_app` + `ctl start_app` is a faster (~3 s) soft restart
# The node is fully private: its own name, ports, config, plugins, cookie and
# epmd, so it never meets a system-wide broker or another test run.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
source "$here/common.sh"

cmd=${1:?usage: rabbitmq.sh start|stop|restart|ctl STATE_DIR}
state=$(cd "${2:?usage: rabbitmq.sh start|stop|restart|ctl STATE_DIR}" && pwd)
shift 2
dir=$state/rabbitmq
RMQ=/usr/lib/rabbitmq/bin   # the real scripts; /usr/sbin has a wrapper that su's and drops our env
cd "$state"                 # a folder the rabbitmq user can enter

# Erlang distribution (node <-> rabbitmqctl) listens on 0.0.0.0 unless told.
LOOPBACK_ONLY='-kernel inet_dist_use_interface {127,0,0,1}'

# Run a RabbitMQ script as the rabbitmq user with this node's environment.
# ERL_EPMD_PORT: a private epmd, so stopping leaves no shared daemon behind.
# HOME: where the Erlang cookie is, shared by the server and rabbitmqctl.
rmq() {
  local script=$1; shift
  source "$dir/node.env"
  as_user rabbitmq env HOME="$dir/home" ERL_EPMD_PORT="$EPMD_PORT" ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_NODENAME="$NODE" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$AMQP_PORT" RABBITMQ_DIST_PORT="$DIST_PORT" \
    RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" \
    RABBITMQ_PID_FILE="$dir/mnesia/node.pid" \
    RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf" RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" \
    RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="$LOOPBACK_ONLY" RABBITMQ_CTL_ERL_ARGS="$LOOPBACK_ONLY" \
    "$RMQ/$script" "$@"
}

start_node() {
  local t0=$EPOCHREALTIME deadline=$((SECONDS + 120)) pid
  # setsid: a Ctrl-C in the terminal must reach only the test script, whose
  # cleanup then stops the node properly.
  setsid bash "$here/rabbitmq.sh" serve "$state" </dev/null >>"$dir/server.log" 2>&1 &
  pid=$!
  # await_startup fails at once while the VM is not up yet, so poll it.
  while ((SECONDS < deadline)); do
    if rmq rabbitmqctl -q -n "$NODE" await_startup --timeout 10 >/dev/null 2>&1; then
      log "RabbitMQ ready on 127.0.0.1:$AMQP_PORT (node $NODE) in $(since "$t0") s"
      return 0
    fi
    pid_alive "$pid" || fail "$dir/server.log" "$dir"/log/*.log "RabbitMQ exited during startup"
    sleep 1
  done
  fail "$dir/server.log" "$dir"/log/*.log "RabbitMQ did not start within 120 s"
}

stop_node() {
  local pid
  pid=$(cat "$dir/mnesia/node.pid" 2>/dev/null || true)
  pid_alive "$pid" || return 0
  # `stop PIDFILE` returns only after the VM process has exited.
  rmq rabbitmqctl -q -n "$NODE" stop "$dir/mnesia/node.pid" --timeout 60 >/dev/null 2>&1 || true
  for _ in $(seq 50); do pid_alive "$pid" || return 0; sleep 0.2; done
  log "RabbitMQ did not stop in time; killing it"
  kill -9 "$pid" 2>/dev/null || true
}

case $cmd in
start)
  mkdir -p "$dir"
  chmod 755 "$state" "$dir"
  read -r AMQP_PORT DIST_PORT EPMD_PORT <<<"$(free_ports 3)"
  NODE="notifyhub-test-$$@localhost"
  printf 'NODE=%q\nAMQP_PORT=%q\nDIST_PORT=%q\nEPMD_PORT=%q\n' \
    "$NODE" "$AMQP_PORT" "$DIST_PORT" "$EPMD_PORT" >"$dir/node.env"
  # Own config files, so /etc/rabbitmq (plugins like management on 15672,
  # listeners, a NODENAME in rabbitmq-env.conf) cannot leak into the test node.
  : >"$dir/rabbitmq-env.conf"
  echo '[].' >"$dir/enabled_plugins"
  echo '[].' >"$dir/advanced.config"
  # The defaults suit tests; no disk alarm on a nearly full temp disk.
  echo 'disk_free_limit.absolute = 1MB' >"$dir/rabbitmq.conf"
  # The server drops to the rabbitmq user: everything it writes must be its own,
  # or it dies with failed_to_create_feature_flags_file_directory.
  owned_dir rabbitmq "$dir/mnesia"; owned_dir rabbitmq "$dir/log"; owned_dir rabbitmq "$dir/home"
  head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/home/.erlang.cookie"
  chmod 400 "$dir/home/.erlang.cookie"
  [[ $EUID -ne 0 ]] || chown rabbitmq: "$dir/home/.erlang.cookie"
  # Our own epmd on a private port, started first so the node registers with it.
  epmd=$(command -v epmd || ls /usr/lib/erlang/erts-*/bin/epmd | head -n 1)
  # shellcheck disable=SC2016  # $$ and $@ belong to the inner sh
  setsid sh -c 'echo $$ >"$1"; shift; exec "$@"' sh "$dir/epmd.pid" \
    "$epmd" -port "$EPMD_PORT" -address 127.0.0.1 </dev/null >"$dir/epmd.log" 2>&1 &
  for _ in $(seq 50); do tcp_open "$EPMD_PORT" && break; sleep 0.1; done
  tcp_open "$EPMD_PORT" || fail "$dir/epmd.log" "epmd did not start on port $EPMD_PORT"
  source "$dir/node.env"
  start_node
  self="bash $(printf '%q' "$here/rabbitmq.sh")"
  tee "$state/rabbitmq.env" <<ENV
export NOTIFYHUB_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:$AMQP_PORT/'
export NOTIFYHUB_TEST_RABBITMQ_RESTART=$(printf '%q' "$self restart $(printf '%q' "$state")")
export NOTIFYHUB_TEST_RABBITMQCTL=$(printf '%q' "$self ctl $(printf '%q' "$state")")
ENV
  ;;
serve)  # internal: the server in the foreground, for start_node
  rmq rabbitmq-server
  ;;
restart)
  source "$dir/node.env"
  stop_node
  start_node
  ;;
ctl)
  source "$dir/node.env"
  rmq rabbitmqctl -n "$NODE" "$@"
  ;;
stop)
  [[ -f $dir/node.env ]] || exit 0
  source "$dir/node.env"
  stop_node
  [[ -f $dir/epmd.pid ]] && stop_pid "$dir/epmd.pid"
  exit 0
  ;;
*) fail "usage: rabbitmq.sh start|stop|restart|ctl STATE_DIR" ;;
esac
