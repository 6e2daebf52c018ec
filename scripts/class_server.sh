#!/usr/bin/env bash
# A whole class on one server: N dashboard processes behind HAProxy, one address to share.
#
#   scripts/class_server.sh N PORT      e.g. scripts/class_server.sh 4 8500
#
# Starts N `streamlit run dashboard.py` processes on loopback ports PORT+1 .. PORT+N
# (NEGSAMP_BACKEND_PORT sets the first one instead), renders deploy/haproxy.cfg for them
# into a temporary folder, starts HAProxy on PORT (every address of this machine), waits
# until every process answers its health check, and prints the address to give the
# class. Ctrl-C or SIGTERM stops every process it started, and only those.
#
# Each process gets the class server's settings (negsamp/dashboard/class_server.py):
#   NEGSAMP_CLASS_SERVER=1     caps D, the batch size and an upload's size and vocabulary
#   NEGSAMP_MAX_TRAINING=K     at most K sessions train live at once per process
#                              (default below, from README "Teaching a class"; set it
#                              in the environment to change it)
#   NEGSAMP_SERVER_NAME=dashI  its name in HAProxy, to notice learners moved from a dead one
# Logs: one file per process in the temporary folder (printed at start).
set -uo pipefail

DEFAULT_MAX_TRAINING=6   # per process: README, "Teaching a class"

usage() { echo "usage: $0 N PORT   (N dashboard processes behind HAProxy on PORT)" >&2; exit 2; }
[ $# -eq 2 ] || usage
N=$1 PORT=$2
[[ $N =~ ^[1-9][0-9]*$ ]] || { echo "N=$N must be a whole number of at least 1" >&2; usage; }
[[ $PORT =~ ^[1-9][0-9]*$ ]] && [ "$PORT" -lt 65536 ] || { echo "PORT=$PORT is not a port" >&2; usage; }
BASE=${NEGSAMP_BACKEND_PORT:-$((PORT + 1))}
[[ $BASE =~ ^[1-9][0-9]*$ ]] && [ $((BASE + N - 1)) -lt 65536 ] \
  || { echo "NEGSAMP_BACKEND_PORT=$BASE: ports $BASE..$((BASE + N - 1)) are not all ports" >&2; exit 2; }
MAX_TRAINING=${NEGSAMP_MAX_TRAINING:-$DEFAULT_MAX_TRAINING}
PYTHON=${PYTHON:-python3}
HAPROXY=${HAPROXY:-haproxy}
REPO=$(cd "$(dirname "$0")/.." && pwd)
command -v "$HAPROXY" >/dev/null || { echo "haproxy not found: apt-get install haproxy" >&2; exit 1; }
# Streamlit's own upload limit, as the dashboard's class server cap (one place: CLASS_CAPS)
UPLOAD_MB=$(cd "$REPO" && "$PYTHON" -c \
  'from negsamp.dashboard.class_server import CLASS_CAPS; print(CLASS_CAPS["upload_mb"])') \
  || { echo "cannot run $PYTHON with negsamp: pip install -r requirements.txt" >&2; exit 1; }

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
healthy() {  # healthy PORT: Streamlit's health endpoint answers "ok"
  local reply
  reply=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
            printf 'GET /_stcore/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
            timeout 2 cat <&3) 2>/dev/null) || return 1
  [[ $reply == *$'\r\n\r\nok'* ]]
}
for port in "$PORT" $(seq "$BASE" $((BASE + N - 1))); do
  if in_use "$port"; then echo "port $port is in use: choose another PORT" >&2; exit 1; fi
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/negsamp-class.XXXXXX")
PIDS=()
stop() {  # stop every process started here: TERM, up to 10 s, then KILL
  trap - INT TERM EXIT
  if [ ${#PIDS[@]} -gt 0 ]; then
    echo "stopping ${#PIDS[@]} processes..." >&2
    kill -TERM "${PIDS[@]}" 2>/dev/null
    for _ in $(seq 100); do
      kill -0 "${PIDS[@]}" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "${PIDS[@]}" 2>/dev/null
    wait "${PIDS[@]}" 2>/dev/null
  fi
  rm -rf "$WORK"
  echo "class server stopped" >&2
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap 'stop; exit 129' HUP     # the terminal closed
trap 'stop; exit 141' PIPE    # whoever read our output is gone
trap stop EXIT

# The dashboards, on loopback only: learners reach them through HAProxy.
declare -A NAME_OF
for i in $(seq 1 "$N"); do
  port=$((BASE + i - 1))
  (cd "$REPO" && exec env NEGSAMP_CLASS_SERVER=1 NEGSAMP_MAX_TRAINING="$MAX_TRAINING" \
     NEGSAMP_SERVER_NAME="dash$i" PYTHONUNBUFFERED=1 \
     "$PYTHON" -m streamlit run dashboard.py --server.address 127.0.0.1 \
       --server.port "$port" --server.headless true --server.fileWatcherType none \
       --server.maxUploadSize "$UPLOAD_MB" --browser.gatherUsageStats false \
       --logger.level warning) >"$WORK/dash$i.log" 2>&1 </dev/null &
  PIDS+=($!)
  NAME_OF[$!]=dash$i
done

# deploy/haproxy.cfg with this PORT and one server line per process.
servers=$(for i in $(seq 1 "$N"); do
  printf '    server dash%d 127.0.0.1:%d cookie dash%d\n' "$i" $((BASE + i - 1)) "$i"; done)
awk -v port="$PORT" -v servers="$servers" '
  /^[[:space:]]*bind :[0-9]+/ { sub(/:[0-9]+/, ":" port) }
  /# END servers/ { print servers; skip = 0 }
  !skip { print }
  /# BEGIN servers/ { skip = 1 }
' "$REPO/deploy/haproxy.cfg" >"$WORK/haproxy.cfg"
"$HAPROXY" -c -q -f "$WORK/haproxy.cfg" || { echo "$WORK/haproxy.cfg is not valid" >&2; exit 1; }

echo "starting $N dashboard processes (ports $BASE-$((BASE + N - 1)), logs in $WORK)..." >&2
deadline=$((SECONDS + 120))
for i in $(seq 1 "$N"); do
  until healthy $((BASE + i - 1)); do
    if ! kill -0 "${PIDS[$((i - 1))]}" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
      echo "dashboard process dash$i did not start; its log:" >&2
      tail -n 20 "$WORK/dash$i.log" >&2
      exit 1
    fi
    sleep 0.3
  done
done
"$HAPROXY" -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 </dev/null &
HAPROXY_PID=$!
PIDS+=("$HAPROXY_PID")
until healthy "$PORT"; do
  if ! kill -0 "$HAPROXY_PID" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
    echo "HAProxy did not start; its log:" >&2
    cat "$WORK/haproxy.log" >&2
    exit 1
  fi
  sleep 0.2
done

host=$(hostname -f 2>/dev/null || hostname)
ips=$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -v '^$' | grep -v ':' | head -n 3)
echo "class server ready: $N processes, at most $MAX_TRAINING learners training live on each"
echo "share this address with the class:"
for ip in $ips; do echo "  http://$ip:$PORT/"; done
echo "  http://$host:$PORT/"
echo "(Ctrl-C stops it)"

# Run until stopped. A dashboard process that dies is reported; HAProxy already sends
# its learners to the others. If HAProxy itself dies, nothing is reachable: stop all.
while true; do
  wait -n -p ended "${PIDS[@]}"
  status=$?
  [ -n "${ended:-}" ] || continue       # a signal: its trap runs
  if [ "$ended" = "$HAPROXY_PID" ]; then
    echo "HAProxy exited ($status); its log:" >&2
    tail -n 20 "$WORK/haproxy.log" >&2
    exit 1
  fi
  echo "$(date +%T) dashboard process ${NAME_OF[$ended]} exited ($status); its learners" \
       "go to the others on their next page load" >&2
  remaining=()
  for p in "${PIDS[@]}"; do [ "$p" = "$ended" ] || remaining+=("$p"); done
  PIDS=("${remaining[@]}")
  unset ended
done
