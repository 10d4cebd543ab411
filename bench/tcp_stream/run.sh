#!/usr/bin/env bash
# SIZE bytes over TCP on 127.0.0.1 through nc, socat, iperf3 and netpoke-cli tcp connect/listen --raw, both
# directions, each against the same counterpart; the GUI's TCP server tab receiving; 1,000 idle connections.
# Prints a table with the targets of issue 11. See bench/README.md.
#   bench/tcp_stream/run.sh [BUILD_DIR]        # default: build/ of this repository
# Environment: SIZE (1G; K/M/G suffixes are binary), RUNS (3), PIN (1: sender on CPU 0, receiver on CPU 1),
# ROWS (all stream rows; or a list of labels, e.g. "nc>nc netpoke>nc"), SINK (count: the receiver's output is
# counted by tcp_stream's splice sink; null: it goes to /dev/null), IDLE (1: the idle-connections part),
# CONNS (1000), IDLE_S (10), GUI (1: the TCP server tab rows, when tcp_stream_gui was built), LIMIT (300 s per
# transfer), SKIP_BUILD (0), TABLE_FROM (a saved stderr of a run: reprint its table only), CLI (the netpoke-cli to measure; default BUILD_DIR/netpoke-cli).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD_DIR=$(realpath -m "${1:-$HERE/../../build}")
SIZE=${SIZE:-1G}
RUNS=${RUNS:-3}
PIN=${PIN:-1}
ROWS=${ROWS:-all}
SINK=${SINK:-count}
IDLE=${IDLE:-1}
CONNS=${CONNS:-1000}
IDLE_S=${IDLE_S:-10}
GUI=${GUI:-1}
LIMIT=${LIMIT:-300}
BYTES=$(numfmt --from=iec "$SIZE")

# The peers: client programs only (none of these packages starts a service here; iperf3's asks and says no).
missing=()
command -v nc >/dev/null || missing+=(netcat-openbsd)
command -v socat >/dev/null || missing+=(socat)
command -v iperf3 >/dev/null || missing+=(iperf3)
command -v numfmt >/dev/null || missing+=(coreutils)
if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]]; then
    echo "tcp_stream: installing ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
           DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
  else
    echo "tcp_stream: missing ${missing[*]}: install them with apt-get as root" >&2; exit 1
  fi
fi
nc -h 2>&1 | grep -q OpenBSD || { echo "tcp_stream: nc is not netcat-openbsd" >&2; exit 1; }

if [[ -n ${TABLE_FROM:-} ]]; then SKIP_BUILD=1; fi
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  cmake --build "$BUILD_DIR" -j2 --target bench_tcp_stream >/dev/null
fi
STREAM=$BUILD_DIR/bench/tcp_stream
IDLER=$BUILD_DIR/bench/tcp_idle
CLI=${CLI:-$BUILD_DIR/netpoke-cli}
GUIBIN=$BUILD_DIR/bench/tcp_stream_gui
for f in "$STREAM" "$IDLER" "$CLI"; do
  [[ -x $f ]] || { echo "missing $f (build target bench_tcp_stream)" >&2; exit 1; }
done
have_gui=0
[[ $GUI == 1 && -x $GUIBIN ]] && have_gui=1

WORK=$(mktemp -d /dev/shm/netpoke-tcp-stream.XXXXXX 2>/dev/null || mktemp -d)
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
# The source: random bytes in tmpfs, read by each sender from its stdin (a regular file: no generator process
# competes for the CPUs).
[[ -n ${TABLE_FROM:-} ]] || head -c "$BYTES" /dev/urandom >"$WORK/source"
# nc>gui-text: what a device or a classroom script sends, lines of ASCII with some Chinese (UTF-8), for the GUI
# row beside random bytes (which the log shows as text in every script there is, font fallback and all).
[[ -n ${TABLE_FROM:-} ]] || { (yes 'GET /status HTTP/1.1 temperature=21.5 humidity=40 你好' || true) | head -c "$BYTES" >"$WORK/text"; }

pin_args=()
if [[ $PIN == 1 && $(nproc) -ge 2 ]]; then
  # The sink thread empties the receiver's output pipe: it is part of receiving, so it runs on its CPU.
  pin_args=(--sender-cpu 0 --receiver-cpu 1 --sink-cpu 1)
fi

# Rows: label, then the receiver's and the sender's argv. {PORT}: a free port chosen by tcp_stream; a receiver
# without {PORT} binds port 0 itself and prints it. Send rows all go to nc -l, receive rows all take nc -N's
# stream, pairs are each tool with itself.
NC_RECV=(nc -l 127.0.0.1 {PORT})
NC_SEND=(nc -N 127.0.0.1 {PORT})
SOCAT_RECV=(socat -u TCP4-LISTEN:{PORT},bind=127.0.0.1 STDOUT)
SOCAT_SEND=(socat -u STDIN TCP4:127.0.0.1:{PORT})
NP_RECV=("$CLI" tcp listen 127.0.0.1:0 --raw --once)
NP_SEND=("$CLI" tcp connect 127.0.0.1:{PORT} --raw)
ALL_ROWS="nc>nc socat>nc netpoke>nc nc>socat nc>netpoke socat>socat netpoke>netpoke iperf3>iperf3"
((have_gui)) && ALL_ROWS+=" nc>gui nc>gui-text"
[[ $ROWS == all ]] && ROWS=$ALL_ROWS

run_row() {   # label -> one RESULT line
  local label=$1 recv=() send=() sink=$SINK source=(--source "$WORK/source")
  case ${label%%>*} in
    nc) send=("${NC_SEND[@]}") ;;
    socat) send=("${SOCAT_SEND[@]}") ;;
    netpoke) send=("${NP_SEND[@]}") ;;
    iperf3) send=(iperf3 -c 127.0.0.1 -p {PORT} -n {BYTES} -J); source=() ;;
  esac
  case ${label#*>} in
    nc) recv=("${NC_RECV[@]}") ;;
    socat) recv=("${SOCAT_RECV[@]}") ;;
    netpoke) recv=("${NP_RECV[@]}") ;;
    iperf3) recv=(iperf3 -s -1 -B 127.0.0.1 -p {PORT}); sink=iperf3 ;;
    gui) recv=(env QT_QPA_PLATFORM=offscreen "$GUIBIN" --timeout "$LIMIT"); sink=stderr ;;
    gui-text) recv=(env QT_QPA_PLATFORM=offscreen "$GUIBIN" --timeout "$LIMIT"); sink=stderr
              source=(--source "$WORK/text") ;;
  esac
  if [[ ${#recv[@]} == 0 || ${#send[@]} == 0 ]]; then
    echo "RESULT label=$label ok=0 error=unknown_row"
    return
  fi
  "$STREAM" --label "$label" --bytes "$BYTES" "${source[@]}" --sink "$sink" "${pin_args[@]}" --timeout "$LIMIT" \
    --recv "${recv[@]}" --send "${send[@]}" | grep '^RESULT' || true
}

results=$WORK/results
: >"$results"
idle_results=$WORK/idle
: >"$idle_results"
if [[ -n ${TABLE_FROM:-} ]]; then
  grep -o 'RESULT label=.*' "$TABLE_FROM" | grep -v ' connected=' >"$results" || true
  grep -o 'RESULT label=.*' "$TABLE_FROM" | grep ' connected=' >"$idle_results" || true
  ROWS= IDLE=0 RUNS=$(grep -c 'run [0-9]*: RESULT label=nc>nc ' "$TABLE_FROM" || echo 1)
fi
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "tcp_stream: $SIZE ($BYTES bytes) over 127.0.0.1, $RUNS run(s) per row taking turns, pinning" \
     "${pin_args[*]:-off}, sink $SINK, $(nproc) CPUs, load $(load)" >&2
for ((r = 1; r <= RUNS; r++)); do
  for label in $ROWS; do
    line=$(run_row "$label")
    echo "  run $r: $line" >&2
    echo "$line" >>"$results"
  done
done

# Idle connections: the server alone, CONNS connections from tcp_idle, VmRSS once all are accepted and after
# IDLE_S seconds.
start_server() {   # label argv... -> server_pid, port
  local label=$1; shift
  "$@" >/dev/null 2>"$WORK/$label.err" &
  server_pid=$!
  port=
  for _ in $(seq 100); do
    port=$(grep -o -m1 '127\.0\.0\.1:[0-9]*' "$WORK/$label.err" | cut -d: -f2 || true)
    [[ -n $port ]] && break
    sleep 0.1
  done
}
if ((IDLE)); then
  idle_servers=(cli)
  ((have_gui)) && idle_servers+=(gui)
  for s in "${idle_servers[@]}"; do
    case $s in
      cli) start_server idle-cli "$CLI" tcp listen 127.0.0.1:0 ;;
      gui) start_server idle-gui env QT_QPA_PLATFORM=offscreen "$GUIBIN" --idle --timeout $((IDLE_S + 120)) ;;
    esac
    if [[ -z $port ]]; then
      line="RESULT label=idle-$s error=no_port"
    else
      sleep 0.5   # let it settle: RSS before connections
      line=$("$IDLER" --label "idle-$s" --port "$port" --pid "$server_pid" --count "$CONNS" --idle "$IDLE_S" \
             | grep '^RESULT' || true)
    fi
    echo "  $line" >&2
    echo "$line" >>"$idle_results"
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  done
fi
echo "load at the end: $(load)" >&2

awk -v runs="$RUNS" -v idlefile="$idle_results" -v have_gui="$have_gui" -v conns="$CONNS" -v idle_s="$IDLE_S" '
function val(k,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) return kv[2] } return "" }
function rate(l) { return (l in med) ? medrate[l] : 0 }
function max2(a, b) { return a > b ? a : b }
function ratio(a, b) { return (a > 0 && b > 0) ? sprintf("%.2fx", a / b) : "n/a" }
{ l = val("label"); if (!(l in seen)) { seen[l] = 1; order[++m] = l }
  total[l]++
  if (val("ok") == 1) { n[l]++; row[l, n[l]] = $0; r[l, n[l]] = val("mib_s") + 0 } }
END {
  for (i = 1; i <= m; i++) {
    l = order[i]; if (!(l in n)) continue
    for (a = 1; a <= n[l]; a++) idx[a] = a
    for (a = 2; a <= n[l]; a++) for (b = a; b > 1 && r[l, idx[b]] < r[l, idx[b-1]]; b--) { t = idx[b]; idx[b] = idx[b-1]; idx[b-1] = t }
    med[l] = row[l, idx[int((n[l] + 1) / 2)]]; medrate[l] = r[l, idx[int((n[l] + 1) / 2)]]
  }
  ip = rate("iperf3>iperf3")
  best_send = max2(rate("nc>nc"), rate("socat>nc"))
  best_recv = max2(rate("nc>nc"), rate("nc>socat"))
  best_pair = max2(rate("nc>nc"), rate("socat>socat"))
  group["nc>nc"] = "send+recv"; group["socat>nc"] = "send"; group["netpoke>nc"] = "send"
  group["nc>socat"] = "recv"; group["nc>netpoke"] = "recv"; group["nc>gui"] = "recv"; group["nc>gui-text"] = "recv"
  group["socat>socat"] = "pair"; group["netpoke>netpoke"] = "pair"; group["iperf3>iperf3"] = "ceiling"
  base["nc>nc"] = best_send; base["socat>nc"] = best_send; base["netpoke>nc"] = best_send
  base["nc>socat"] = best_recv; base["nc>netpoke"] = best_recv; base["nc>gui"] = rate("nc>nc"); base["nc>gui-text"] = rate("nc>nc")
  base["socat>socat"] = best_pair; base["netpoke>netpoke"] = best_pair; base["iperf3>iperf3"] = best_pair
  printf "%-16s %-9s %9s %8s %8s %10s %10s %11s %8s  %-44s %s\n", "sender>receiver", "dir", "MiB/s", "x peer", "x iperf3",
         "recv cpu", "send cpu", "RSS r/s MiB", "stall", "target", "verdict"
  for (i = 1; i <= m; i++) {
    l = order[i]; tgt = "-"; verdict = ""
    if (!(l in med)) { printf "%-16s %-9s %9s   (0/%d runs ok)\n", l, group[l], "FAIL", total[l]; continue }
    $0 = med[l]; mr = medrate[l]
    stall = val("stall_ms"); stall = stall == "" ? "n/a" : stall
    rss = sprintf("%.0f/%.0f", val("recv_rss_kb") / 1024, val("send_rss_kb") / 1024)
    if (l == "netpoke>nc" || l == "nc>netpoke" || l == "netpoke>netpoke") {
      tgt = ">=1.0x faster of nc/socat, >=0.8x iperf3"
      verdict = (base[l] > 0 && mr >= base[l] && ip > 0 && mr >= 0.8 * ip) ? "met" : "NOT MET"
    }
    if (l == "nc>gui" || l == "nc>gui-text") {
      tgt = ">=0.5x nc>nc, stall<=50ms, RSS<=200MiB"
      verdict = (base[l] > 0 && mr >= 0.5 * base[l] && stall != "n/a" && stall + 0 <= 50 && val("recv_rss_kb") / 1024 <= 200) ? "met" : "NOT MET"
    }
    note = n[l] < total[l] ? sprintf("  (%d/%d runs ok)", n[l], total[l]) : ""
    printf "%-16s %-9s %9.0f %8s %8s %7.0f ms %7.0f ms %11s %8s  %-44s %s%s\n", l, group[l], mr,
           (l == "iperf3>iperf3") ? "-" : ratio(mr, base[l]), ratio(mr, ip), val("recv_cpu_ms"), val("send_cpu_ms"),
           rss, stall, tgt, verdict, note
  }
  printf "x peer: send rows / the faster of nc>nc and socat>nc; recv rows / the faster of nc>nc and nc>socat;\n"
  printf "pairs / the faster of nc>nc and socat>socat; nc>gui and nc>gui-text / nc>nc; all rows send random bytes but\n"
  printf "nc>gui-text (text lines with some Chinese). Medians of %d runs by MiB/s.\n", runs
  while ((getline line < idlefile) > 0) {
    if (!printed++) {
      printf "\n%-10s %9s %9s %7s %13s %13s %9s %9s  %-26s %s\n", "idle", "connected", "accepted", "closed",
             "RSS conn MiB", "RSS +" idle_s "s MiB", "HWM MiB", "accept s", "target", "verdict"
    }
    $0 = line
    if (val("connected") == "") { printf "%-10s FAIL %s\n", val("label"), line; continue }
    okc = val("connected") == conns && val("accepted") >= conns && val("closed") == 0
    v = (okc && val("rss_connected_kb") / 1024 <= 100 && val("rss_idle_kb") / 1024 <= 100) ? "met" : "NOT MET"
    printf "%-10s %9s %9s %7s %13.1f %13.1f %9.1f %9s  %-26s %s\n", val("label"), val("connected"), val("accepted"),
           val("closed"), val("rss_connected_kb") / 1024, val("rss_idle_kb") / 1024, val("hwm_kb") / 1024,
           val("accept_s"), conns " connections <= 100 MiB", v
  }
  if (!have_gui) printf "\n(nc>gui and idle-gui skipped: tcp_stream_gui not built; it needs src/gui/tcpserverpanel.h)\n"
}' "$results"
