#!/usr/bin/env bash
# GUI responsiveness while the TFTP tab downloads at full speed from tftpd-hpa on 127.0.0.1, unpinned (as a
# user runs it), next to netpoke-cli's speed in the same run; then the UDP tab under a flood
# (bench/udp_flood's GUI receiver). See bench/README.md.
#   bench/gui_stall/run.sh [BUILD_DIR]        # default: build/ of this repository
# Environment: SIZE [256] MiB, RUNS [3], SETS ["defaults blk65464 ws64"], FLOOD [1] (0: skip the UDP part)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD_DIR=$(realpath -m "${1:-$HERE/../../build}")
SIZE=${SIZE:-256}
RUNS=${RUNS:-3}
SETS=${SETS:-"defaults blk65464 ws64"}
FLOOD=${FLOOD:-1}
GUI=$BUILD_DIR/bench/gui_stall_tftp
CLI=$BUILD_DIR/netpoke-cli
[[ -x $GUI && -x $CLI ]] || cmake --build "$BUILD_DIR" -j2 --target gui_stall_tftp netpoke-cli >/dev/null
HPA=$(command -v in.tftpd || true)
[[ -n $HPA ]] || HPA=$BUILD_DIR/peers/tftpd-hpa/root/usr/sbin/in.tftpd
[[ -x $HPA ]] || { echo "no in.tftpd: run scripts/test.sh once (it unpacks tftpd-hpa into build/peers)" >&2; exit 1; }

WORK=$(mktemp -d /dev/shm/netpoke-gui-stall.XXXXXX 2>/dev/null || mktemp -d)
pid=
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
chmod 755 "$WORK"
head -c $((SIZE * 1048576)) /dev/urandom >"$WORK/f"
chmod 644 "$WORK/f"
PORT=$(python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$HPA" -L -a "127.0.0.1:$PORT" -s "$WORK" -B 65464 >/dev/null 2>&1 &
pid=$!
sleep 0.3

set_args() {   # set -> ARGS (GUI) and CARGS (CLI)
  case $1 in
    defaults) ARGS=(); CARGS=() ;;
    blk65464) ARGS=(--blksize 65464 --windowsize 0); CARGS=(--blksize 65464 --windowsize 0) ;;
    ws64) ARGS=(--blksize 1428 --windowsize 64); CARGS=(--blksize 1428 --windowsize 64) ;;
  esac
}
echo "TFTP tab downloading ${SIZE} MiB from tftpd-hpa on 127.0.0.1 (unpinned), $(nproc) CPUs, $RUNS runs per set."
echo "stall = the GUI event loop's longest lateness of a 5 ms timer during the transfer (target <= 50 ms)."
printf '%-10s %-4s %12s %10s %14s %14s\n' set run "GUI MiB/s" "stall ms" "stalls>50ms" "CLI MiB/s"
for set in $SETS; do
  set_args "$set"
  for ((r = 1; r <= RUNS; r++)); do
    line=$("$GUI" --port "$PORT" --file f --out "$WORK/gui.out" "${ARGS[@]}" 2>"$WORK/gui.err") || { echo "GUI run failed: $(cat "$WORK/gui.err")" >&2; line=""; }
    rm -f "$WORK/gui.out"
    cli=$("$CLI" tftp get "tftp://127.0.0.1:$PORT/f" -o "$WORK/cli.out" "${CARGS[@]}" 2>&1 | grep -o '([0-9.]* MiB/s)' | tr -d '()' | cut -d' ' -f1)
    rm -f "$WORK/cli.out"
    g() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$line"; }
    printf '%-10s %-4s %12s %10s %14s %14s\n' "$set" "$r" "$(g mib_s)" "$(g stall_ms)" "$(g stalls_over_50ms)" "${cli:-?}"
  done
done
if ((FLOOD)); then
  echo
  echo "UDP tab under a flood (bench/udp_flood, GUI receiver only):"
  RECEIVERS=gui RUNS=$RUNS "$HERE/../udp_flood/run.sh" "$BUILD_DIR" 1000000 | tail -n +1
fi
