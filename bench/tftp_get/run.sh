#!/usr/bin/env bash
# TFTP download benchmark on 127.0.0.1: netpoke-cli against curl, atftp, busybox tftp and tftp-hpa,
# served by tftpd-hpa and atftpd (unpacked from their .debs, never installed as services).
# See bench/README.md.
#   bench/tftp_get/run.sh [BUILD_DIR]          # default: build/ of this repository
# Environment (defaults in brackets):
#   SIZES ["1 32 256"] MiB    RUNS [3]    PLACEMENTS ["same split"]    SERVERS ["hpa atftpd"]
#   SETS ["defaults blk65464 ws16 ws64 rfc1350"]    CLIENTS ["netpoke curl atftp busybox tftp-hpa"]
#   LIMIT [300] s per download    LOSS [1] run the loss table    LOSS_SIZE [1] MiB
#   LOSS_SETS ["defaults rfc1350"]    LOSS_RATE [0.02]    LOSS_SEED [1]    LOSS_LIMIT [120] s
#   WORK [BUILD_DIR/tftp_get_work]    BUILD [0] (1: build netpoke-cli in BUILD_DIR first)
#   OUT_DIR [a fresh dir in /dev/shm if tmpfs, else WORK/out]: where downloads are written
#   TABLE_ONLY [0] (1: only print the tables of the last run from WORK/results.txt and WORK/loss.txt)
set -euo pipefail

BUILD_DIR=$(realpath -m "${1:-$(cd "$(dirname "$0")/../.." && pwd)/build}")
SIZES=${SIZES:-"1 32 256"}
RUNS=${RUNS:-3}
PLACEMENTS=${PLACEMENTS:-"same split"}
SERVERS=${SERVERS:-"hpa atftpd"}
SETS=${SETS:-"defaults blk65464 ws16 ws64 rfc1350"}
CLIENTS=${CLIENTS:-"netpoke curl atftp busybox tftp-hpa"}
LIMIT=${LIMIT:-300}
LOSS=${LOSS:-1}
LOSS_SIZE=${LOSS_SIZE:-1}
LOSS_SETS=${LOSS_SETS:-"defaults rfc1350"}
LOSS_RATE=${LOSS_RATE:-0.02}
LOSS_SEED=${LOSS_SEED:-1}
LOSS_LIMIT=${LOSS_LIMIT:-120}
WORK=$(realpath -m "${WORK:-$BUILD_DIR/tftp_get_work}")
HERE=$(cd "$(dirname "$0")" && pwd)
CLI=$BUILD_DIR/netpoke-cli
RESULTS=$WORK/results.txt
LOSSRES=$WORK/loss.txt
T0=$EPOCHREALTIME

log() { echo "$*" >&2; }

# --- tables (from RESULTS and LOSSRES) --------------------------------------------------------
print_tables() {
if [[ -s $RESULTS ]]; then
echo "TFTP get on 127.0.0.1, MiB/s (median of each cell's runs; 1 MiB = 1048576 bytes), $(nproc) CPUs; server pinned to CPU 0;"
echo "placement same = client on CPU 0 too, split = client on CPU 1. netpoke-cli cells: (ratio to the best peer of the row)."
echo "sets: defaults = each client's own; blk65464 = blksize 65464 (netpoke also --windowsize 0 = not asked, lock-step like the peers);"
echo "ws16/ws64 = blksize 1428 + windowsize 16/64 (tftpd-hpa refuses windowsize: lock-step); rfc1350 = no options, 512-byte lock-step."
maxsize=$(awk '$3 + 0 > m { m = $3 + 0 } END { print m }' "$RESULTS")
awk -v clients="$CLIENTS" -v maxsize="$maxsize" '
function median(list,   a, n, i, j, t) {
  n = split(list, a, " ")
  for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j] + 0 < a[j-1] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
  return a[int((n + 1) / 2)]
}
{
  row = $1 " " $2 " " $3 " " $4; c = $5
  if (!(row in seen)) { seen[row] = 1; order[++nrows] = row }
  if ($7 == "n/a") { cell[row, c] = "n/a"; next }
  if ($7 == "notbuilt") { cell[row, c] = "n/a (not built)"; next }
  if ($7 != "ok") { bad[row, c] = bad[row, c] ? bad[row, c] : $7; next }
  secs[row, c] = secs[row, c] " " $6
  size[row] = $3
}
END {
  nc = split(clients, cl, " ")
  printf "%-34s", "placement server MiB set"
  for (i = 1; i <= nc; i++) printf " %17s", cl[i]
  printf "  %s\n", "best peer"
  for (r = 1; r <= nrows; r++) {
    row = order[r]; best = 0; bestname = "-"
    for (i = 1; i <= nc; i++) {
      c = cl[i]
      if (bad[row, c] != "") { cell[row, c] = (bad[row, c] == "stalled") ? "stalled" : "FAIL " bad[row, c]; rate[row, c] = 0; continue }
      if (secs[row, c] == "") continue
      rate[row, c] = size[row] / median(secs[row, c])
      cell[row, c] = sprintf("%.1f", rate[row, c])
      if (c != "netpoke" && rate[row, c] > best) { best = rate[row, c]; bestname = c }
    }
    printf "%-34s", row
    for (i = 1; i <= nc; i++) {
      c = cl[i]; v = cell[row, c]
      if (c == "netpoke" && rate[row, c] > 0 && best > 0) v = v sprintf(" (%.2fx)", rate[row, c] / best)
      printf " %17s", v
    }
    printf "  %s\n", bestname
    split(row, k, " ")
    group = k[1] " " k[2] " " k[3]
    for (i = 1; i <= nc; i++) {
      c = cl[i]; R[row, c] = rate[row, c]
      if (c != "netpoke" && rate[row, c] > tuned[group]) { tuned[group] = rate[row, c]; tunedname[group] = c " " k[4] }
    }
    if (!(group in gseen)) { gseen[group] = 1; gorder[++ng] = group }
  }
  print ""
  print "Targets (issue 3):"
  for (g = 1; g <= ng; g++) {
    group = gorder[g]; split(group, k, " ")
    # 1. blksize 65464 at 256 MiB (or the largest size run): >= 1.1x best peer
    row = group " blk65464"
    if (k[3] == maxsize && (row in seen)) check(group ": blk65464 >= 1.1x best peer", R[row, "netpoke"], bestof(row), 1.1)
    # 2. atftpd windowsize rows: >= 1.2x atftp
    if (k[2] == "atftpd") for (w = 16; w <= 64; w *= 4) { row = group " ws" w; if (row in seen) check(group ": ws" w " >= 1.2x atftp", R[row, "netpoke"], R[row, "atftp"], 1.2) }
    # 3. RFC 1350 row: >= 1.0x best peer
    row = group " rfc1350"
    if (row in seen) check(group ": rfc1350 >= 1.0x best peer", R[row, "netpoke"], bestof(row), 1.0)
    # 4. netpoke defaults >= 90% of the fastest tuned peer (any set, same placement/server/size)
    row = group " defaults"
    if (row in seen) check(group ": defaults >= 0.9x fastest peer of any set (" tunedname[group] ")", R[row, "netpoke"], tuned[group], 0.9)
  }
}
function bestof(row,   i, b) { b = 0; for (i = 1; i <= nc; i++) if (cl[i] != "netpoke" && R[row, cl[i]] > b) b = R[row, cl[i]]; return b }
function check(what, mine, ref, want) {
  if (mine == "" || mine == 0 || ref == 0) { printf "  %-72s n/a\n", what; return }
  printf "  %-72s %5.2fx  %s\n", what, mine / ref, (mine / ref >= want) ? "ok" : "MISSED"
}' "$RESULTS"

fi
if [[ -s $LOSSRES ]]; then
  echo
  echo "Loss run: ${LOSS_SIZE} MiB through lossy_proxy.py, ${LOSS_RATE} loss each way (seed $LOSS_SEED), client on CPU 1 (server on CPU 0, proxy unpinned), seconds to complete (limit ${LOSS_LIMIT} s):"
  awk -v clients="$CLIENTS" -v limit="$LOSS_LIMIT" '
  { row = $1 " " $2; c = $3; if (!(row in seen)) { seen[row] = 1; order[++n] = row }
    if ($5 == "n/a") v = "n/a"; else if ($5 == "notbuilt") v = "n/a (not built)"
    else if ($5 == "ok") v = sprintf($4 < 1 ? "%.2f" : "%.1f", $4); else if ($5 == "stalled") v = "stalled"; else v = "FAIL " $5
    cell[row, c] = v; if (c == "netpoke" && $5 == "ok") npok[row] = 1; if (c != "netpoke" && $5 != "ok" && $5 != "n/a") peerfail[row] = peerfail[row] " " c }
  END {
    nc = split(clients, cl, " ")
    printf "%-22s", "server set"; for (i = 1; i <= nc; i++) printf " %16s", cl[i]; printf "\n"
    for (r = 1; r <= n; r++) { row = order[r]; printf "%-22s", row; for (i = 1; i <= nc; i++) printf " %16s", cell[row, cl[i]]; printf "\n" }
    print ""
    for (r = 1; r <= n; r++) { row = order[r]
      if (cell[row, "netpoke"] ~ /not built/) { printf "  target %-30s n/a\n", row ": netpoke completes"; continue }
      printf "  target %-30s %s (peers not completing:%s)\n", row ": netpoke completes", npok[row] ? "ok" : "MISSED", peerfail[row] ? peerfail[row] : " none" }
  }' "$LOSSRES"
fi
echo
echo "raw: $RESULTS $LOSSRES"
}

if [[ ${TABLE_ONLY:-0} == 1 ]]; then print_tables; exit 0; fi   # reprint the last run's tables

# --- tools -------------------------------------------------------------------------------------
if [[ ${BUILD:-0} == 1 ]]; then
  cmake --build "$BUILD_DIR" -j2 --target netpoke-cli >/dev/null
fi

missing=()
command -v curl >/dev/null || missing+=(curl)
command -v atftp >/dev/null || missing+=(atftp)
command -v busybox >/dev/null || missing+=(busybox)
command -v tftp >/dev/null || missing+=(tftp-hpa)
command -v taskset >/dev/null || missing+=(util-linux)
command -v python3 >/dev/null || missing+=(python3)
[[ -e /usr/lib/x86_64-linux-gnu/libwrap.so.0 || -n $(ldconfig -p 2>/dev/null | grep libwrap.so.0) ]] || missing+=(libwrap0)
if ((${#missing[@]})); then
  if [[ $(id -u) != 0 ]]; then
    log "missing packages: ${missing[*]} (run as root to install them)"; exit 1
  fi
  log "installing ${missing[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! tftp -V 2>/dev/null | grep -qi hpa; then
  log "warning: 'tftp' is not tftp-hpa's client: $(command -v tftp)"
fi

# The servers: unpacked from their .debs into WORK/pkgs (installing them would start daemons on port 69).
mkdir -p "$WORK/pkgs"
HPA=$WORK/pkgs/tftpd-hpa/usr/sbin/in.tftpd
ATFTPD=$WORK/pkgs/atftpd/usr/sbin/atftpd
for pkg in tftpd-hpa atftpd; do
  [[ -x $WORK/pkgs/$pkg/usr/sbin/${pkg/tftpd-hpa/in.tftpd} ]] && continue
  ( cd "$WORK/pkgs" && rm -f "${pkg}"_*.deb &&
    { apt-get download "$pkg" >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get download "$pkg" >/dev/null 2>&1; }; } &&
    dpkg -x "${pkg}"_*.deb "$pkg" ) || { log "cannot fetch/unpack $pkg"; exit 1; }
done

# Does netpoke-cli have `tftp get`?
HAVE_CLI=0
if [[ -x $CLI ]] && "$CLI" tftp get --help 2>&1 | grep -q -- '--blksize'; then
  HAVE_CLI=1
fi

pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [[ -n ${OUT:-} ]] && rm -f "$OUT"/dl.* 2>/dev/null || true
  if [[ ${OUT_TMP:-0} == 1 ]]; then rm -rf "$OUT"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- files -------------------------------------------------------------------------------------
ROOT=$WORK/root
# Downloads go to a tmpfs by default: netpoke-cli commits through QSaveFile (fsync) and flushes as it
# writes, the peers leave dirty pages behind, so on a disk the fast rows would measure write-back policy.
if [[ -z ${OUT_DIR:-} ]]; then
  if [[ $(stat -f -c %T /dev/shm 2>/dev/null) == tmpfs ]] &&
     (($(df -Pk /dev/shm | awk 'NR == 2 { print $4 }') > 2 * 1048576)); then
    OUT=$(mktemp -d /dev/shm/netpoke-tftp-bench.XXXXXX)
    OUT_TMP=1
  else
    OUT=$WORK/out
  fi
else
  OUT=$OUT_DIR
fi
mkdir -p "$ROOT" "$OUT"
chmod 755 "$WORK" "$ROOT"   # servers run as nobody
allsizes=$(printf '%s\n' $SIZES $( ((LOSS)) && echo "$LOSS_SIZE") | sort -nu)
for s in $allsizes; do
  f=$ROOT/f$s
  if [[ ! -f $f || $(stat -c %s "$f") != $((s * 1048576)) ]]; then
    log "creating $f ($s MiB random)"
    head -c $((s * 1048576)) /dev/urandom >"$f.tmp" && mv "$f.tmp" "$f"
  fi
  chmod 644 "$f"
done
# nobody must be able to reach ROOT (atftpd does not chroot)
d=$ROOT
while [[ $d != / ]]; do
  (( 8#$(stat -c %a "$d") & 1 )) || log "warning: $d is not world-searchable; the servers run as nobody"
  d=$(dirname "$d")
done

# --- servers -----------------------------------------------------------------------------------

free_port() {
  python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_udp_listen() {   # port: until something listens on 127.0.0.1:port
  local hex i
  hex=$(printf '%04X' "$1")
  for ((i = 0; i < 50; i++)); do
    grep -q "0100007F:$hex " /proc/net/udp && return 0
    sleep 0.1
  done
  return 1
}

CPU_SERVER=0
start_server() {   # name -> sets SPORT
  local name=$1
  SPORT=$(free_port)
  case $name in
    hpa) taskset -c $CPU_SERVER "$HPA" -L -a "127.0.0.1:$SPORT" -s "$ROOT" -B 65464 \
           >"$WORK/hpa.log" 2>&1 & ;;
    atftpd) taskset -c $CPU_SERVER "$ATFTPD" --daemon --no-fork --bind-address 127.0.0.1 --port "$SPORT" \
              --user nobody --group nogroup --no-multicast --logfile /dev/null --verbose=1 "$ROOT" \
              >"$WORK/atftpd.log" 2>&1 & ;;
  esac
  pids+=($!)
  wait_udp_listen "$SPORT" || { log "server $name did not start (see $WORK/$name.log)"; exit 1; }
}
declare -A PORT
for s in $SERVERS; do start_server "$s"; PORT[$s]=$SPORT; done

# --- clients -----------------------------------------------------------------------------------
# client_cmd CLIENT SET PORT FILE OUTFILE -> CMD array; returns 1 if the client cannot do that set.
client_cmd() {
  local c=$1 set=$2 port=$3 file=$4 out=$5
  CMD=()
  case $c in
    netpoke)
      ((HAVE_CLI)) || return 2
      CMD=("$CLI" tftp get "tftp://127.0.0.1:$port/$file" -o "$out" --quiet)
      case $set in
        defaults) ;;
        blk65464) CMD+=(--blksize 65464 --windowsize 0) ;;   # like the peers: no windowsize, lock-step
        ws16) CMD+=(--blksize 1428 --windowsize 16) ;;
        ws64) CMD+=(--blksize 1428 --windowsize 64) ;;
        rfc1350) CMD+=(--rfc1350) ;;
      esac ;;
    curl)
      CMD=(curl -sS -o "$out")
      case $set in
        defaults) ;;                       # tsize, blksize 512, timeout 6
        blk65464) CMD+=(--tftp-blksize 65464) ;;
        ws16|ws64) return 1 ;;             # no windowsize
        rfc1350) CMD+=(--tftp-no-options) ;;
      esac
      CMD+=("tftp://127.0.0.1:$port/$file") ;;
    atftp)
      CMD=(atftp -g -r "$file" -l "$out")
      case $set in
        defaults|rfc1350) ;;               # sends no options by default
        blk65464) CMD+=(--option "blksize 65464") ;;
        ws16) CMD+=(--option "blksize 1428" --option "windowsize 16") ;;
        ws64) CMD+=(--option "blksize 1428" --option "windowsize 64") ;;
      esac
      CMD+=(127.0.0.1 "$port") ;;
    busybox)
      CMD=(busybox tftp -g -r "$file" -l "$out")
      case $set in
        defaults|rfc1350) ;;               # always asks tsize; 512-byte blocks
        blk65464) CMD+=(-b 65464) ;;
        ws16|ws64) return 1 ;;
      esac
      CMD+=(127.0.0.1 "$port") ;;
    tftp-hpa)
      case $set in
        defaults|rfc1350) CMD=(tftp -m binary 127.0.0.1 "$port" -c get "$file" "$out") ;;   # no options at all
        *) return 1 ;;
      esac ;;
  esac
  return 0
}

: >"$RESULTS"
: >"$LOSSRES"
declare -A MEMO   # identical command lines are measured once per (placement, server, size)

# one_download CPU LIMIT FILE OUTFILE -> prints "seconds status" (status ok|stalled|rc=N|corrupt)
one_download() {
  local cpu=$1 limit=$2 file=$3 out=$4 rc=0 t0 t1
  rm -f "$out"
  t0=$EPOCHREALTIME
  if [[ $cpu == any ]]; then
    timeout -k 5 "$limit" "${CMD[@]}" </dev/null >"$WORK/client.log" 2>&1 || rc=$?
  else
    timeout -k 5 "$limit" taskset -c "$cpu" "${CMD[@]}" </dev/null >"$WORK/client.log" 2>&1 || rc=$?
  fi
  t1=$EPOCHREALTIME
  local secs
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
  local st=ok
  if ((rc == 124 || rc == 137)); then st=stalled
  elif ((rc != 0)); then st=rc=$rc
  elif ! cmp -s "$out" "$ROOT/$file"; then st=corrupt
  fi
  if [[ $st != ok && $st != stalled ]]; then
    log "    $st: $(tail -c 300 "$WORK/client.log" | tr '\n' ' ')"
  fi
  rm -f "$out"
  echo "$secs $st"
}

cpu_of() { [[ $1 == same ]] && echo 0 || echo 1; }
if (($(nproc) < 2)); then PLACEMENTS=same; log "1 CPU: only the 'same' placement"; fi

log "tftp_get: sizes [$SIZES] MiB, $RUNS run(s), placements [$PLACEMENTS], servers [$SERVERS], downloads to $OUT," \
    "netpoke-cli tftp get: $([[ $HAVE_CLI == 1 ]] && echo yes || echo 'not built')," \
    "$(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
for pl in $PLACEMENTS; do
  cpu=$(cpu_of "$pl")
  for sv in $SERVERS; do
    for size in $SIZES; do
      for set in $SETS; do
        for c in $CLIENTS; do
          rc=0; client_cmd "$c" "$set" "${PORT[$sv]}" "f$size" "$OUT/dl.$c" || rc=$?
          if ((rc == 1)); then echo "$pl $sv $size $set $c - n/a" >>"$RESULTS"; continue; fi
          if ((rc == 2)); then echo "$pl $sv $size $set $c - notbuilt" >>"$RESULTS"; continue; fi
          key="$pl|$sv|$size|${CMD[*]}"
          if [[ -n ${MEMO[$key]:-} ]]; then
            for line in ${MEMO[$key]}; do echo "$pl $sv $size $set $c ${line/:/ } same" >>"$RESULTS"; done
            continue
          fi
          memo=""
          for ((r = 1; r <= RUNS; r++)); do
            read -r secs st < <(one_download "$cpu" "$LIMIT" "f$size" "$OUT/dl.$c")
            log "  $pl $sv ${size}MiB $set $c run $r: $secs s $st"
            echo "$pl $sv $size $set $c $secs $st" >>"$RESULTS"
            memo+="$secs:$st "
          done
          MEMO[$key]=$memo
        done
      done
    done
  done
done

# --- loss run ----------------------------------------------------------------------------------
if ((LOSS)); then
  log "loss run: ${LOSS_SIZE} MiB through lossy_proxy.py (${LOSS_RATE} each way, seed $LOSS_SEED), limit ${LOSS_LIMIT} s, client on CPU 1"
  declare -A LMEMO
  for sv in $SERVERS; do
    python3 "$HERE/lossy_proxy.py" --server-port "${PORT[$sv]}" --loss "$LOSS_RATE" --seed "$LOSS_SEED" \
      >"$WORK/proxy.$sv.out" 2>"$WORK/proxy.$sv.log" &
    proxy=$!
    pids+=($proxy)
    for ((i = 0; i < 50; i++)); do grep -q listening "$WORK/proxy.$sv.out" && break; sleep 0.1; done
    pport=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$WORK/proxy.$sv.out")
    [[ -n $pport ]] || { log "proxy did not start"; exit 1; }
    lcpu=$(cpu_of split); (($(nproc) < 2)) && lcpu=0
    for set in $LOSS_SETS; do
      for c in $CLIENTS; do
        rc=0; client_cmd "$c" "$set" "$pport" "f$LOSS_SIZE" "$OUT/dl.$c" || rc=$?
        if ((rc == 1)); then echo "$sv $set $c - n/a" >>"$LOSSRES"; continue; fi
        if ((rc == 2)); then echo "$sv $set $c - notbuilt" >>"$LOSSRES"; continue; fi
        key="$sv|${CMD[*]}"
        if [[ -n ${LMEMO[$key]:-} ]]; then echo "$sv $set $c ${LMEMO[$key]} same" >>"$LOSSRES"; continue; fi
        read -r secs st < <(one_download "$lcpu" "$LOSS_LIMIT" "f$LOSS_SIZE" "$OUT/dl.$c")
        log "  loss $sv $set $c: $secs s $st"
        echo "$sv $set $c $secs $st" >>"$LOSSRES"
        LMEMO[$key]="$secs $st"
      done
    done
    kill "$proxy" 2>/dev/null || true
    wait "$proxy" 2>/dev/null || true
    sed 's/^/    proxy: /' "$WORK/proxy.$sv.log" >&2
  done
fi

print_tables
echo "total time $(awk -v a="$T0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }') s"
