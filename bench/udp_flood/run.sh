#!/usr/bin/env bash
# Floods three receivers over 127.0.0.1 and prints a comparison table. See bench/README.md.
#   bench/udp_flood/run.sh [BUILD_DIR] [N]
# Environment: RUNS (3), SIZE (32 bytes), RATE (0 = as fast as possible, else datagrams/s),
# PIN (1: sender on CPU 0, receiver on CPU 1), RECEIVERS ("bare cli gui"), SKIP_BUILD (0),
# CLI_COUNT_LINES (0: netpoke-cli's stdout goes to /dev/null; 1: piped and its lines counted).
set -euo pipefail

BUILD_DIR=${1:-$(cd "$(dirname "$0")/../.." && pwd)/build}
N=${2:-1000000}
RUNS=${RUNS:-3}
SIZE=${SIZE:-32}
RATE=${RATE:-0}
PIN=${PIN:-1}
RECEIVERS=${RECEIVERS:-"bare cli gui"}
IDLE=3

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  cmake --build "$BUILD_DIR" --target bench_udp_flood >/dev/null
fi
FLOOD=$BUILD_DIR/bench/udp_flood
for f in "$FLOOD" "$BUILD_DIR/bench/udp_flood_bare" "$BUILD_DIR/netpoke-cli" "$BUILD_DIR/bench/udp_flood_gui"; do
  [[ -x $f ]] || { echo "missing $f (build target bench_udp_flood)" >&2; exit 1; }
done

pin_args=()
if [[ $PIN == 1 && $(nproc) -ge 2 ]]; then
  pin_args=(--sender-cpu 0 --receiver-cpu 1)
fi

run_one() {   # label -> one RESULT line
  local label=$1 extra=()
  case $label in
    bare) cmd=("$BUILD_DIR/bench/udp_flood_bare" --count "$N" --timeout "$IDLE") ;;
    cli)  cmd=("$BUILD_DIR/netpoke-cli" udp listen 127.0.0.1:0 --count "$N" --timeout "$IDLE")
          [[ ${CLI_COUNT_LINES:-0} == 1 ]] && extra=(--count-stdout-lines) ;;
    gui)  cmd=(env QT_QPA_PLATFORM=offscreen "$BUILD_DIR/bench/udp_flood_gui" --count "$N" --timeout "$IDLE") ;;
  esac
  "$FLOOD" --count "$N" --size "$SIZE" --rate "$RATE" "${pin_args[@]}" "${extra[@]}" --label "$label" -- "${cmd[@]}" \
    | grep '^RESULT'
}

results=$(mktemp)
trap 'rm -f "$results"' EXIT
echo "udp_flood: N=$N x ${SIZE}-byte datagrams to 127.0.0.1, rate=${RATE/#0/max}, $RUNS run(s) each," \
     "pinning ${pin_args[*]:-off}, $(nproc) CPUs" >&2
for label in $RECEIVERS; do
  for ((r = 1; r <= RUNS; r++)); do
    line=$(run_one "$label")
    echo "  run $r: $line" >&2
    echo "$line" >>"$results"
  done
done

# Median run (by accepted rate) of each receiver, then the table.
awk -v runs="$RUNS" '
function val(k,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) return kv[2] } return "" }
{ l = val("label"); n[l]++; row[l, n[l]] = $0; rate[l, n[l]] = val("rate") + 0; if (!(l in seen)) { seen[l] = 1; order[++m] = l } }
END {
  name["bare"] = "(a) bare recvmmsg"; name["cli"] = "(b) netpoke-cli"; name["gui"] = "(c) UdpPanel (GUI)"
  target["bare"] = "-"; target["cli"] = ">=80% of (a)"; target["gui"] = ">=50% of (a), stall<=50ms, RSS<=200MiB"
  for (i = 1; i <= m; i++) {
    l = order[i]
    # sort this receivers runs by rate (insertion sort), take the middle one
    for (a = 1; a <= n[l]; a++) idx[a] = a
    for (a = 2; a <= n[l]; a++) for (b = a; b > 1 && rate[l, idx[b]] < rate[l, idx[b-1]]; b--) { t = idx[b]; idx[b] = idx[b-1]; idx[b-1] = t }
    med[l] = row[l, idx[int((n[l] + 1) / 2)]]
  }
  $0 = med["bare"]; base = val("rate") + 0
  printf "%-20s %-20s %11s %7s %15s %9s %8s  %s\n", "receiver", "received/sent", "accepted/s", "% of a", "drops sock/snmp", "stall ms", "RSS MiB", "target"
  for (i = 1; i <= m; i++) {
    l = order[i]; $0 = med[l]
    recv = val("accepted"); self = val("received")
    pct = base > 0 ? sprintf("%.0f%%", 100 * val("rate") / base) : "n/a"
    stall = val("stall_ms"); if (stall == "") stall = "n/a"
    verdict = ""
    if (l == "cli" && base > 0) verdict = (val("rate") >= 0.8 * base) ? "  ok" : "  MISSED"
    if (l == "gui" && base > 0) verdict = (val("rate") >= 0.5 * base && stall != "n/a" && stall + 0 <= 50 && val("rss_kb") / 1024 <= 200) ? "  ok" : "  MISSED"
    printf "%-20s %-20s %11s %7s %15s %9s %8.1f  %s%s\n", name[l], recv "/" val("sent"), val("rate"), pct, val("sock_drops") "/" val("snmp_rcvbuf_errors"), stall, val("rss_kb") / 1024, target[l], verdict
    if (self != "n/a" && self != recv) printf "%-20s   (receiver itself reported %s received)\n", "", self
  }
}' "$results"
