#!/usr/bin/env bash
# Fuzzes with libFuzzer for FUZZ_SECONDS (default 60) seconds per target:
#   tftppacket   the TFTP packet parser (tests/fuzz/fuzz_tftppacket.cpp)
#   textdecode   TextCodec::decode and Decoder in every encoding (tests/fuzz/fuzz_textdecode.cpp)
#   visibletext  TextCodec::visibleText, on any text and on decoded bytes (tests/fuzz/fuzz_visibletext.cpp)
#   tftpserver   the server's request parser, option negotiation and root confinement on a real tree
#                (tests/fuzz/fuzz_tftpserver.cpp)
#   tftpdissect  the packet inspector: TFTP dissector and hex dump (tests/fuzz/fuzz_tftpdissect.cpp)
# FUZZ_TARGET picks some of them ("textdecode visibletext"); default: all, in this order. Each is compiled
# from its src/core sources (+ the TextCodec ones) with clang++ -fsanitize=fuzzer,address,undefined against
# Qt6Core into FUZZ_BUILD_DIR (default build-fuzz/) and run on its corpus there (corpus/ for tftppacket,
# corpus-NAME/ for the others), seeded with valid inputs. Installs clang if it is missing.
# Exit status: 0 when no target crashed, else libFuzzer's status of the first one that did.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
SECONDS_TO_RUN="${FUZZ_SECONDS:-60}"
TARGETS="${FUZZ_TARGET:-tftppacket textdecode visibletext tftpserver tftpdissect}"
TARGETS="${TARGETS//fuzz_/}"   # FUZZ_TARGET=fuzz_tftpserver works too

need=()
command -v clang++ >/dev/null 2>&1 || need+=(clang)
dpkg-query -W -f='${Status}' libclang-rt-dev 2>/dev/null | grep -q 'install ok installed' || need+=(libclang-rt-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists Qt6Core 2>/dev/null || need+=(qt6-base-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "fuzz.sh: installing ${need[*]}" >&2
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

CODEC=("$ROOT/src/core/textcodec.cpp" "$ROOT/src/core/textdecode.cpp" "$ROOT/src/core/visibletext.cpp")

build() {   # name, extra sources...
  local name=$1
  shift
  # Qt's headers want -fPIC with a position-independent Qt build.
  # shellcheck disable=SC2046
  clang++ -std=c++17 -g -O1 -fPIC -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -I"$ROOT/src/core" -I"$ROOT/src/core/tftp" $(pkg-config --cflags Qt6Core) \
    "$@" "${CODEC[@]}" "$ROOT/tests/fuzz/fuzz_$name.cpp" $(pkg-config --libs Qt6Core) -o "$OUT/fuzz_$name"
}

seed() {   # name -> its corpus directory, seeded
  local dir
  case $1 in
    tftppacket)
      dir="$OUT/corpus"
      mkdir -p "$dir"
      # One valid packet of each kind.
      printf '\0\1file.bin\0octet\0blksize\0001468\0tsize\0000\0windowsize\0008\0' > "$dir/rrq"
      printf '\0\2up.txt\0netascii\0' > "$dir/wrq"
      printf '\0\3\0\1hello' > "$dir/data"
      printf '\0\4\0\7' > "$dir/ack"
      printf '\0\5\0\1File not found\0' > "$dir/error"
      printf '\0\6blksize\0001024\0tsize\00099\0' > "$dir/oack"
      ;;
    textdecode)
      # Encoding selector (0 UTF-8, 1 GB2312, 2 GBK, 3 GB18030, 4 Big5, 5 Latin-1), two split bytes, bytes.
      dir="$OUT/corpus-textdecode"
      mkdir -p "$dir"
      printf '\0\0\3\xe4\xbd\xa0\xe5\xa5\xbd\xf0\x9f\x98\x80\xff\xef\xbb\xbf\\x' > "$dir/utf8"
      printf '\1\0\1\xc4\xe3\xba\xc3\xff\x80\x85\xa1' > "$dir/gb2312"
      printf '\2\0\2\x80\x81\x40\xfe\xfe\xff\xc4' > "$dir/gbk"
      printf '\3\0\2\x81\x30\x81\x30\x94\x39\xfc\x36\x84\x31\xa4\x37\x81\x30' > "$dir/gb18030"
      printf '\4\0\1\xa7\x41\xa6\x6e\x80\xff\xa4' > "$dir/big5"
      printf '\5\0\0caf\xe9\x85' > "$dir/latin1"
      ;;
    visibletext)
      # Options (bits 0-2 encoding, 3 line breaks kept, 4 cut, 5-7 cut length / 3), then bytes.
      dir="$OUT/corpus-visibletext"
      mkdir -p "$dir"
      printf '\0\x1b]0;x\x07\x1b[2J\\x1B\xe2\x80\xae\xc2\x85\xff\n' > "$dir/utf8"
      printf '\x09\xc4\xe3\\\xff\r\n\x85' > "$dir/gb2312-kept"
      printf '\x53\x3d\xd8\x80\xdc\x00\xdc\x41\x00' > "$dir/gb18030-cut"
      ;;
    tftpserver)
      dir="$OUT/corpus-server"
      mkdir -p "$dir"
      printf '\0\1sub/g\0octet\0blksize\0001468\0tsize\0000\0windowsize\0008\0' > "$dir/rrq"
      printf '\0\2/new\0NetAscii\0timeout\0003\0' > "$dir/wrq"
      printf '\0\1../outside/secret\0octet\0' > "$dir/dotdot"
      printf '\0\1outdir/secret\0octet\0blksize\0007\0' > "$dir/link"
      ;;
    tftpdissect)
      dir="$OUT/corpus-dissect"
      mkdir -p "$dir"
      printf '\0\1file.bin\0octet\0blksize\0001468\0tsize\0000\0windowsize\0008\0' > "$dir/rrq"
      printf '\0\3\0\1\xe4\xb8\xad\xd6\xd0\n' > "$dir/data"
      printf '\0\5\0\1File not found\0pad' > "$dir/error"
      printf '\0\6blksize\0007\0tsize\0' > "$dir/oack-bad"
      ;;
  esac
  echo "$dir"
}

max_len() {
  case $1 in
    tftppacket) echo 2048 ;;
    tftpserver) echo 600 ;;
    tftpdissect) echo 2048 ;;
    *) echo 4096 ;;
  esac
}

mkdir -p "$OUT"
for t in $TARGETS; do
  case $t in
    tftppacket) build tftppacket "$ROOT/src/core/tftp/tftppacket.cpp" ;;
    textdecode|visibletext) build "$t" ;;
    tftpserver) build tftpserver "$ROOT/src/core/tftp/tftprequest.cpp" "$ROOT/src/core/tftp/tftproot.cpp" \
                  "$ROOT/src/core/tftp/tftpoptions.cpp" "$ROOT/src/core/tftp/tftppacket.cpp" ;;
    tftpdissect) build tftpdissect "$ROOT/src/core/tftp/tftpdissect.cpp" "$ROOT/src/core/tftp/tftppacket.cpp" \
                   "$ROOT/src/core/inspect/packetfield.cpp" "$ROOT/src/core/inspect/hexdump.cpp" ;;
    *) echo "fuzz.sh: unknown FUZZ_TARGET \"$t\" (tftppacket, textdecode, visibletext, tftpserver, tftpdissect)" >&2; exit 2 ;;
  esac
done

status=0
for t in $TARGETS; do
  corpus=$(seed "$t")
  echo "fuzz.sh: $t for ${SECONDS_TO_RUN}s" >&2
  rc=0
  (cd "$OUT" && ./"fuzz_$t" -max_total_time="$SECONDS_TO_RUN" -max_len="$(max_len "$t")" -print_final_stats=1 "$corpus") || rc=$?
  if [ "$rc" -ne 0 ] && [ "$status" -eq 0 ]; then
    status=$rc
  fi
done
exit "$status"
