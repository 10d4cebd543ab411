#!/usr/bin/env bash
# Fuzzes the TFTP packet parser with libFuzzer for FUZZ_SECONDS (default 60) seconds.
# Compiles src/core/tftp/tftppacket.cpp (+ textcodec.cpp) + tests/fuzz/fuzz_tftppacket.cpp with clang++
# -fsanitize=fuzzer,address against Qt6Core, into FUZZ_BUILD_DIR (default build-fuzz/), and runs it on a
# corpus seeded with valid packets. Installs clang if it is missing. Exit status: libFuzzer's (0 = no crash).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
SECONDS_TO_RUN="${FUZZ_SECONDS:-60}"

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

mkdir -p "$OUT/corpus"
# Qt's headers want -fPIC with a position-independent Qt build.
# shellcheck disable=SC2046
clang++ -std=c++17 -g -O1 -fPIC -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -I"$ROOT/src/core" -I"$ROOT/src/core/tftp" $(pkg-config --cflags Qt6Core) \
  "$ROOT/src/core/tftp/tftppacket.cpp" "$ROOT/src/core/textcodec.cpp" "$ROOT/src/core/textdecode.cpp" "$ROOT/src/core/visibletext.cpp" "$ROOT/tests/fuzz/fuzz_tftppacket.cpp" \
  $(pkg-config --libs Qt6Core) -o "$OUT/fuzz_tftppacket"

# Seeds: one valid packet of each kind.
printf '\0\1file.bin\0octet\0blksize\0001468\0tsize\0000\0windowsize\0008\0' > "$OUT/corpus/rrq"
printf '\0\2up.txt\0netascii\0' > "$OUT/corpus/wrq"
printf '\0\3\0\1hello' > "$OUT/corpus/data"
printf '\0\4\0\7' > "$OUT/corpus/ack"
printf '\0\5\0\1File not found\0' > "$OUT/corpus/error"
printf '\0\6blksize\0001024\0tsize\00099\0' > "$OUT/corpus/oack"

cd "$OUT"
exec ./fuzz_tftppacket -max_total_time="$SECONDS_TO_RUN" -max_len=2048 -print_final_stats=1 corpus
