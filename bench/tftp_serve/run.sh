#!/usr/bin/env bash
# TFTP server benchmark on 127.0.0.1: NetPoke's server (netpoke-cli tftp serve) against tftpd-hpa and atftpd
# (unpacked from their .debs, never installed as services), each downloaded from and uploaded to by curl,
# atftp, busybox tftp, tftp-hpa and netpoke-cli with the same options, then 200 concurrent downloads
# (tftp_many) with the server's peak memory. See bench/README.md.
#   bench/tftp_serve/run.sh [BUILD_DIR]          # default: build/ of this repository
# Environment (defaults in brackets):
#   SIZES ["32 256"] MiB    SMALL_SIZES ["32"]: the sizes at which the 512-byte sets (defaults, rfc1350) run
#   UP_SIZES ["32"] MiB uploads    RUNS [3]    PLACEMENTS ["split"] (same: client on the server's CPU 0 too)
#   SERVERS ["netpoke hpa atftpd"]    CLIENTS ["netpoke curl atftp busybox tftp-hpa"]
#   SETS ["defaults rfc1350 blk65464 ws16 b64w16"]    UP_SETS ["defaults blk65464 ws16"]
#   CONC [200] concurrent downloads    CONC_MIB [4]    CONC_SETS ["65464x8 1428x1"] (blksize x windowsize)
#   CONC_RUNS [1]    (an empty list runs nothing of its kind: SIZES="" UP_SIZES="" is the concurrent part alone)
#   LIMIT [300] s per client run    WORK [BUILD_DIR/tftp_serve_work]    BUILD [0] (1: build
#   netpoke-cli and tftp_many first)    TABLE_ONLY [0] (1: reprint the last run's tables)
set -euo pipefail

BUILD_DIR=$(realpath -m "${1:-$(cd "$(dirname "$0")/../.." && pwd)/build}")
SIZES=${SIZES-"32 256"}
SMALL_SIZES=${SMALL_SIZES-"32"}
UP_SIZES=${UP_SIZES-"32"}
RUNS=${RUNS:-3}
PLACEMENTS=${PLACEMENTS:-"split"}
SERVERS=${SERVERS:-"netpoke hpa atftpd"}
CLIENTS=${CLIENTS:-"netpoke curl atftp busybox tftp-hpa"}
SETS=${SETS-"defaults rfc1350 blk65464 ws16 b64w16"}
UP_SETS=${UP_SETS-"defaults blk65464 ws16"}
CONC=${CONC:-200}
CONC_MIB=${CONC_MIB:-4}
CONC_SETS=${CONC_SETS-"65464x8 1428x1"}
CONC_RUNS=${CONC_RUNS:-1}
LIMIT=${LIMIT:-300}
WORK=$(realpath -m "${WORK:-$BUILD_DIR/tftp_serve_work}")
CLI=$BUILD_DIR/netpoke-cli
MANY=$BUILD_DIR/bench/tftp_many
RESULTS=$WORK/results.txt
CONCRES=$WORK/conc.txt
T0=$EPOCHREALTIME

log() { echo "$*" >&2; }

# --- tables (from RESULTS and CONCRES) ---------------------------------------------------------
print_tables() {
if [[ -s $RESULTS ]]; then
echo "TFTP servers on 127.0.0.1, MiB/s (median of each cell's runs; 1 MiB = 1048576 bytes), $(nproc) CPUs; servers pinned to CPU 0,"
echo "placement split = client on CPU 1, same = client on CPU 0 too. Each row: one client with one option set against the three servers."
echo "sets: defaults = each client's own; rfc1350 = no options (512-byte lock-step); blk65464 = blksize 65464 lock-step"
echo "(netpoke-cli --windowsize 0); ws16 = blksize 1428 + windowsize 16; b64w16 = blksize 65464 + windowsize 16 (tftpd-hpa has"
echo "no windowsize: lock-step there). Ratios: NetPoke's server / tftpd-hpa, / atftpd."
awk -v servers="$SERVERS" '
function median(list,   a, n, i, j, t) {
  n = split(list, a, " ")
  for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j] + 0 < a[j-1] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
  return a[int((n + 1) / 2)]
}
{
  row = $1 " " $2 " " $3 " " $4 " " $5; sv = $6
  if (!(row in seen)) { seen[row] = 1; order[++nrows] = row }
  if ($8 == "n/a") { cell[row, sv] = "n/a"; next }
  if ($8 == "notbuilt") { cell[row, sv] = "not built"; next }
  if ($8 != "ok") { bad[row, sv] = bad[row, sv] ? bad[row, sv] : $8; next }
  secs[row, sv] = secs[row, sv] " " $7
  size[row] = $3
}
END {
  ns = split(servers, sl, " ")
  name["netpoke"] = "NetPoke"; name["hpa"] = "tftpd-hpa"; name["atftpd"] = "atftpd"
  printf "%-38s", "placement dir MiB set client"
  for (i = 1; i <= ns; i++) printf " %10s", name[sl[i]]
  printf " %8s %9s\n", "NP/hpa", "NP/atftpd"
  for (r = 1; r <= nrows; r++) {
    row = order[r]
    for (i = 1; i <= ns; i++) {
      sv = sl[i]; rate[row, sv] = 0
      if (bad[row, sv] != "") { cell[row, sv] = (bad[row, sv] == "stalled") ? "stalled" : "FAIL " bad[row, sv]; continue }
      if (secs[row, sv] == "") continue
      rate[row, sv] = size[row] / median(secs[row, sv])
      cell[row, sv] = sprintf("%.1f", rate[row, sv])
    }
    shown = 0
    for (i = 1; i <= ns; i++) if (cell[row, sl[i]] != "n/a") shown = 1
    if (!shown) continue   # the client cannot do this set
    printf "%-38s", row
    for (i = 1; i <= ns; i++) printf " %10s", cell[row, sl[i]] == "" ? "-" : cell[row, sl[i]]
    printf " %8s %9s\n", ratio(rate[row, "netpoke"], rate[row, "hpa"]), ratio(rate[row, "netpoke"], rate[row, "atftpd"])
    split(row, k, " ")
    if (k[5] != "netpoke" && k[2] == "get") for (i = 1; i <= ns; i++) if (sl[i] != "netpoke") {
      g = k[1] " " k[3]
      if (rate[row, sl[i]] > bestpeer[g]) { bestpeer[g] = rate[row, sl[i]]; bestname[g] = k[5] " " k[4] " from " name[sl[i]] }
    }
    if (k[3] + 0 > maxsize[k[1]]) maxsize[k[1]] = k[3] + 0
  }
  print ""
  print "Targets:"
  for (r = 1; r <= nrows; r++) {
    row = order[r]; split(row, k, " ")
    if (cell[row, "netpoke"] == "" || cell[row, "netpoke"] == "n/a" || cell[row, "hpa"] == "" || cell[row, "hpa"] == "n/a") continue
    np = rate[row, "netpoke"]; hp = rate[row, "hpa"]; grp = k[1] " " k[2]; total[grp]++
    if (!(grp in gseen)) { gseen[grp] = 1; gorder[++ng] = grp }
    if (np > 0 && np >= hp) okcount[grp]++
    else if (np > 0) missed[grp] = missed[grp] sprintf("\n      %s %.2fx", row, np / hp)
    else missed[grp] = missed[grp] "\n      " row ": " cell[row, "netpoke"]
  }
  for (g = 1; g <= ng; g++) {
    grp = gorder[g]
    printf "  %-72s %s\n", grp ": each client as fast from NetPoke as from tftpd-hpa (same options)",
           sprintf("%d of %d ok", okcount[grp], total[grp]) (missed[grp] != "" ? ", MISSED:" missed[grp] : "")
  }
  for (pl in maxsize) {
    row = pl " get " maxsize[pl] " b64w16 netpoke"; g = pl " " maxsize[pl]
    what = sprintf("%s %d MiB: netpoke-cli <-> NetPoke b64w16 >= 3x best peer pair (%s)", pl, maxsize[pl], bestname[g])
    if (rate[row, "netpoke"] > 0 && bestpeer[g] > 0)
      printf "  %-96s %5.2fx  %s\n", what, rate[row, "netpoke"] / bestpeer[g], (rate[row, "netpoke"] >= 3 * bestpeer[g]) ? "ok" : "MISSED"
    else
      printf "  %-96s n/a\n", what
  }
}
function ratio(a, b) { return (a > 0 && b > 0) ? sprintf("%.2fx", a / b) : "-" }' "$RESULTS"
fi
if [[ -s $CONCRES ]]; then
  echo
  echo "Concurrent downloads (tftp_many: one process, one thread, every byte compared), ${CONC_MIB} MiB each, client on CPU 1 (split) or 0 (same):"
  echo "seconds for all of them (median of runs), aggregate MiB/s, the server's peak RSS (VmHWM of the server process, MiB) and"
  echo "the peak Pss of the server process plus its children, sampled every 50 ms (tftpd-hpa forks one per transfer)."
  awk '
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j] + 0 < a[j-1] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
    return a[int((n + 1) / 2)]
  }
  { row = $1 " " $2 " " $3; if (!(row in seen)) { seen[row] = 1; order[++n] = row }
    name[row] = $3; mib[row] = $5; nn[row] = $4
    if ($9 == "ok") secs[row] = secs[row] " " $6; else bad[row] = bad[row] ? bad[row] : $9
    if ($7 + 0 > hwm[row]) hwm[row] = $7 + 0
    if ($8 + 0 > tree[row]) tree[row] = $8 + 0 }
  END {
    nm["netpoke"] = "NetPoke"; nm["hpa"] = "tftpd-hpa"; nm["atftpd"] = "atftpd"
    printf "%-30s %12s %10s %10s %14s %14s\n", "placement set server", "downloads", "seconds", "MiB/s", "VmHWM MiB", "tree Pss MiB"
    for (r = 1; r <= n; r++) { row = order[r]; split(row, k, " ")
      if (secs[row] != "" && bad[row] == "") { s = median(secs[row]); st = sprintf("%10.2f %10.1f", s, nn[row] * mib[row] / s) }
      else st = sprintf("%21s", "FAIL " bad[row])
      printf "%-30s %12s %s %14.1f %14.1f\n", k[1] " " k[2] " " nm[k[3]], nn[row] " x " mib[row] " MiB", st, hwm[row] / 1024, tree[row] / 1024
    }
    print ""
    for (r = 1; r <= n; r++) { row = order[r]; split(row, k, " ")
      if (k[3] != "netpoke") continue
      printf "  target %-62s %s\n", k[1] " " k[2] ": " nn[row] " downloads from NetPoke, all intact, RSS <= 100 MiB",
             (bad[row] == "" && secs[row] != "" && hwm[row] <= 100 * 1024) ? sprintf("ok (%.1f MiB)", hwm[row] / 1024) : sprintf("MISSED (%s, %.1f MiB)", bad[row] ? bad[row] : "ok", hwm[row] / 1024)
    }
  }' "$CONCRES"
fi
echo
echo "raw: $RESULTS $CONCRES"
}

if [[ ${TABLE_ONLY:-0} == 1 ]]; then print_tables; exit 0; fi

# --- tools -------------------------------------------------------------------------------------
if [[ ${BUILD:-0} == 1 ]]; then
  cmake --build "$BUILD_DIR" -j2 --target netpoke-cli tftp_many >/dev/null
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
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
tftp -V 2>/dev/null | grep -qi hpa || log "warning: 'tftp' is not tftp-hpa's client: $(command -v tftp)"
if [[ ! -x $CLI ]] || ! "$CLI" tftp serve --help 2>&1 | grep -q -- '--allow-write'; then
  log "$CLI has no 'tftp serve': build it (BUILD=1)"; exit 1
fi
[[ -x $MANY ]] || { log "$MANY is missing: build the target tftp_many (BUILD=1)"; exit 1; }

# The peer servers: unpacked from their .debs (installing them would start daemons on port 69), as
# scripts/setup.sh does into BUILD_DIR/peers; fetched into WORK/pkgs when that is not there.
mkdir -p "$WORK/pkgs"
PEERS=${PEERS_DIR:-$BUILD_DIR/peers}
HPA=$PEERS/tftpd-hpa/root/usr/sbin/in.tftpd
ATFTPD=$PEERS/atftpd/root/usr/sbin/atftpd
for pkg in tftpd-hpa atftpd; do
  bin=$([[ $pkg == tftpd-hpa ]] && echo in.tftpd || echo atftpd)
  [[ -x $PEERS/$pkg/root/usr/sbin/$bin ]] && continue
  if [[ ! -x $WORK/pkgs/$pkg/usr/sbin/$bin ]]; then
    ( cd "$WORK/pkgs" && rm -f "${pkg}"_*.deb &&
      { apt-get download "$pkg" >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get download "$pkg" >/dev/null 2>&1; }; } &&
      dpkg -x "${pkg}"_*.deb "$pkg" ) || { log "cannot fetch/unpack $pkg"; exit 1; }
  fi
  [[ $pkg == tftpd-hpa ]] && HPA=$WORK/pkgs/$pkg/usr/sbin/$bin || ATFTPD=$WORK/pkgs/$pkg/usr/sbin/$bin
done

pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [[ -n ${SHM:-} ]] && rm -rf "$SHM"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- files: served and written on tmpfs ----------------------------------------------------------
# Files are served from and written to a tmpfs (a fresh folder in /dev/shm, removed at exit), so that no row
# measures a disk. The servers run as nobody: the folders are world-searchable, up/ world-writable.
if [[ $(stat -f -c %T /dev/shm 2>/dev/null) != tmpfs ]]; then log "/dev/shm is not a tmpfs"; exit 1; fi
need=0
for s in $SIZES $UP_SIZES $CONC_MIB; do need=$((need + 3 * s)); done   # sources, a download, an upload
(($(df -Pm /dev/shm | awk 'NR == 2 { print $4 }') > need)) || { log "/dev/shm has less than $need MiB free"; exit 1; }
SHM=$(mktemp -d /dev/shm/netpoke-tftp-serve.XXXXXX)
ROOT=$SHM/root
OUT=$SHM/out
mkdir -p "$ROOT/up" "$OUT" "$WORK"
chmod 755 "$SHM" "$ROOT" && chmod 777 "$ROOT/up"
for s in $(printf '%s\n' $SIZES $UP_SIZES $CONC_MIB | sort -nu); do
  head -c $((s * 1048576)) /dev/urandom >"$ROOT/f$s"
  chmod 644 "$ROOT/f$s"
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
start_server() {   # name -> SPORT, SPID
  local name=$1
  SPORT=$(free_port)
  case $name in
    netpoke) taskset -c $CPU_SERVER "$CLI" tftp serve --root "$ROOT" --listen "127.0.0.1:$SPORT" --allow-write \
               --max-transfers "$((CONC > 200 ? CONC : 200))" >>"$WORK/netpoke.log" 2>>"$WORK/netpoke.err" & ;;
    hpa) taskset -c $CPU_SERVER "$HPA" -L -a "127.0.0.1:$SPORT" -s "$ROOT" -c -B 65464 >>"$WORK/hpa.log" 2>&1 & ;;
    atftpd) taskset -c $CPU_SERVER "$ATFTPD" --daemon --no-fork --bind-address 127.0.0.1 --port "$SPORT" \
              --user nobody --group nogroup --no-multicast --maxthread "$((CONC > 100 ? CONC : 100))" \
              --logfile /dev/null "$ROOT" >>"$WORK/atftpd.log" 2>&1 & ;;
  esac
  SPID=$!
  pids+=("$SPID")
  wait_udp_listen "$SPORT" || { log "server $name did not start (see $WORK/$name.log)"; exit 1; }
}
stop_server() {   # pid
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
declare -A PORT
for s in $SERVERS; do start_server "$s"; PORT[$s]=$SPORT; done

# --- clients -----------------------------------------------------------------------------------
# client_cmd CLIENT DIR SET PORT FILE LOCAL -> CMD; returns 1 if the client cannot do that set or direction.
# get: FILE is fetched into LOCAL; put: LOCAL is sent as FILE (up/NAME).
client_cmd() {
  local c=$1 dir=$2 set=$3 port=$4 file=$5 local=$6
  CMD=()
  case $c in
    netpoke)
      if [[ $dir == get ]]; then CMD=("$CLI" tftp get "tftp://127.0.0.1:$port/$file" -o "$local" --quiet)
      else CMD=("$CLI" tftp put "$local" "tftp://127.0.0.1:$port/$file" --quiet); fi
      case $set in
        defaults) ;;
        rfc1350) CMD+=(--rfc1350) ;;
        blk65464) CMD+=(--blksize 65464 --windowsize 0) ;;   # lock-step, like the peers
        ws16) CMD+=(--blksize 1428 --windowsize 16) ;;
        b64w16) CMD+=(--blksize 65464 --windowsize 16) ;;
      esac ;;
    curl)
      if [[ $dir == get ]]; then CMD=(curl -sS -o "$local"); else CMD=(curl -sS -T "$local"); fi
      case $set in
        defaults) ;;                       # tsize, blksize 512, timeout 6
        rfc1350) CMD+=(--tftp-no-options) ;;
        blk65464) CMD+=(--tftp-blksize 65464) ;;
        *) return 1 ;;                     # no windowsize
      esac
      CMD+=("tftp://127.0.0.1:$port/$file") ;;
    atftp)
      CMD=(atftp "$([[ $dir == get ]] && echo -g || echo -p)" -r "$file" -l "$local")
      case $set in
        defaults|rfc1350) ;;               # sends no options by default
        blk65464) CMD+=(--option "blksize 65464") ;;
        ws16) CMD+=(--option "blksize 1428" --option "windowsize 16") ;;
        b64w16) return 1 ;;                # its 208 KiB receive buffer holds one 64 KiB datagram: every window overflows
      esac
      CMD+=(127.0.0.1 "$port") ;;
    busybox)
      CMD=(busybox tftp "$([[ $dir == get ]] && echo -g || echo -p)" -r "$file" -l "$local")
      case $set in
        defaults|rfc1350) ;;               # always asks tsize; 512-byte blocks
        blk65464) CMD+=(-b 65464) ;;
        *) return 1 ;;
      esac
      CMD+=(127.0.0.1 "$port") ;;
    tftp-hpa)
      case $set in
        defaults|rfc1350)                  # no options at all
          if [[ $dir == get ]]; then CMD=(tftp -m binary 127.0.0.1 "$port" -c get "$file" "$local")
          else CMD=(tftp -m binary 127.0.0.1 "$port" -c put "$local" "$file"); fi ;;
        *) return 1 ;;
      esac ;;
  esac
  return 0
}

# one_run CPU DIR SOURCE WRITTEN -> "seconds status" (ok|stalled|rc=N|corrupt); WRITTEN is removed after.
one_run() {
  local cpu=$1 dir=$2 src=$3 written=$4 rc=0 t0 t1 i st=ok
  rm -f "$written"
  t0=$EPOCHREALTIME
  timeout -k 5 "$LIMIT" taskset -c "$cpu" "${CMD[@]}" </dev/null >"$WORK/client.log" 2>&1 || rc=$?
  t1=$EPOCHREALTIME
  if ((rc == 124 || rc == 137)); then st=stalled
  elif ((rc != 0)); then st=rc=$rc
  elif [[ $dir == get ]]; then
    cmp -s "$written" "$src" || st=corrupt
  else
    # An upload's server may still be closing the file when the client has its final ACK.
    for ((i = 0; i < 50; i++)); do cmp -s "$written" "$src" && break; sleep 0.1; done
    cmp -s "$written" "$src" || st=corrupt
  fi
  [[ $st != ok && $st != stalled ]] && log "    $st: $(tail -c 300 "$WORK/client.log" | tr '\n' ' ')"
  rm -f "$written"
  awk -v a="$t0" -v b="$t1" -v st="$st" 'BEGIN { printf "%.4f %s\n", b - a, st }'
}

cpu_of() { [[ $1 == same ]] && echo 0 || echo 1; }
if (($(nproc) < 2)); then PLACEMENTS=same; log "1 CPU: only the 'same' placement"; fi
in_list() { local x; for x in $2; do [[ $x == "$1" ]] && return 0; done; return 1; }

: >"$RESULTS"
: >"$CONCRES"
declare -A MEMO   # identical command lines are measured once per (placement, direction, server, size)
log "tftp_serve: sizes [$SIZES] (512-byte sets at [$SMALL_SIZES], uploads [$UP_SIZES]) MiB, $RUNS run(s), placements" \
    "[$PLACEMENTS], servers [$SERVERS], on $SHM, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
for pl in $PLACEMENTS; do
  cpu=$(cpu_of "$pl")
  for dir in get put; do
    if [[ $dir == get ]]; then sizes=$SIZES; sets=$SETS; else sizes=$UP_SIZES; sets=$UP_SETS; fi
    for size in $sizes; do
      for set in $sets; do
        [[ $set == defaults || $set == rfc1350 ]] && ! in_list "$size" "$SMALL_SIZES" && continue
        for c in $CLIENTS; do
          if [[ $dir == get ]]; then file=f$size; lf=$OUT/dl.$c; src=$ROOT/f$size; written=$lf
          else file=up/u.$c; lf=$ROOT/f$size; src=$lf; written=$ROOT/up/u.$c; fi
          todo=()
          for sv in $SERVERS; do
            rc=0; client_cmd "$c" "$dir" "$set" "${PORT[$sv]}" "$file" "$lf" || rc=$?
            if ((rc == 1)); then echo "$pl $dir $size $set $c $sv - n/a" >>"$RESULTS"; continue; fi
            key="$pl|$dir|$sv|$size|${CMD[*]}"
            if [[ -n ${MEMO[$key]:-} ]]; then
              for line in ${MEMO[$key]}; do echo "$pl $dir $size $set $c $sv ${line/:/ } same" >>"$RESULTS"; done
              continue
            fi
            todo+=("$sv")
          done
          # The servers take turns, run by run, in alternating order: a burst of other load on the machine
          # then hits all of them alike instead of one server's runs.
          for ((r = 1; r <= RUNS; r++)); do
            order=("${todo[@]}")
            ((r % 2 == 0)) && order=($(printf '%s\n' "${todo[@]}" | tac))
            for sv in ${order[@]+"${order[@]}"}; do
              client_cmd "$c" "$dir" "$set" "${PORT[$sv]}" "$file" "$lf" || true
              key="$pl|$dir|$sv|$size|${CMD[*]}"
              read -r secs st < <(one_run "$cpu" "$dir" "$src" "$written")
              log "  $pl $dir ${size}MiB $set $c <- $sv run $r: $secs s $st"
              echo "$pl $dir $size $set $c $sv $secs $st" >>"$RESULTS"
              MEMO[$key]="${MEMO[$key]:-}$secs:$st "
            done
          done
        done
      done
    done
  done
done

# --- concurrent downloads: a fresh server per run, so that its VmHWM is this run's peak --------------
for p in "${pids[@]}"; do stop_server "$p"; done
pids=()
for pl in $PLACEMENTS; do
  cpu=$(cpu_of "$pl")
  for cs in $CONC_SETS; do
    blk=${cs%x*}; win=${cs#*x}
    for ((r = 1; r <= CONC_RUNS; r++)); do
      for sv in $SERVERS; do
        start_server "$sv"
        sleep 0.2
        st=ok
        line=$(timeout -k 5 "$LIMIT" taskset -c "$cpu" "$MANY" "$SPORT" "f$CONC_MIB" "$ROOT/f$CONC_MIB" "$CONC" "$blk" "$win" \
                 "$((LIMIT - 10))" "$SPID" 2>"$WORK/many.log") || st=failed
        hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SPID/status" 2>/dev/null || echo 0)
        stop_server "$SPID"
        pids=()
        secs=$(sed -n 's/.* seconds=\([0-9.]*\).*/\1/p' <<<"$line"); secs=${secs:-0}
        okn=$(sed -n 's/.* ok=\([0-9]*\).*/\1/p' <<<"$line"); okn=${okn:-0}
        tree=$(sed -n 's/.* tree_pss_peak_kib=\([0-9]*\).*/\1/p' <<<"$line"); tree=${tree:-0}
        [[ $st == ok ]] || st="ok=$okn/$CONC"
        [[ $st == ok ]] || log "    $(head -c 400 "$WORK/many.log" | tr '\n' ' ')"
        log "  $pl concurrent $cs x $CONC <- $sv run $r: $line (VmHWM ${hwm} kB)"
        echo "$pl $cs $sv $CONC $CONC_MIB $secs ${hwm:-0} $tree $st" >>"$CONCRES"
      done
    done
  done
done

print_tables
echo "total time $(awk -v a="$T0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }') s, load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
