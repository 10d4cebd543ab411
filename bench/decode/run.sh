#!/usr/bin/env bash
# Decoding cost of one 65,507-byte datagram per encoding and kind of content: this tree's TextCodec (after),
# an older one built from git (before), and the peers (Python's decoders, iconv -c) in the same run.
# See bench/README.md.
#   bench/decode/run.sh [BUILD_DIR]        # default: build/ of this repository
# Environment: RUNS [21] decodes per case and round, ROUNDS [3] (before, after and peers take turns),
# BEFORE [merge-base of HEAD and main] a git revision whose src/core/text*.{h,cpp} are "before" (none: skip),
# BEFORE_RUNS [5] (the old code takes up to ~40 ms per decode), PIN [] a CPU list for taskset, e.g. 1.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD_DIR=$(realpath -m "${1:-$ROOT/build}")
RUNS=${RUNS:-21}
ROUNDS=${ROUNDS:-3}
BEFORE_RUNS=${BEFORE_RUNS:-5}
BEFORE=${BEFORE:-$(git -C "$ROOT" merge-base HEAD main 2>/dev/null || echo none)}
PIN=${PIN:-}

cmake --build "$BUILD_DIR" -j2 --target decode_bench >/dev/null
AFTER_BIN=$BUILD_DIR/bench/decode_bench
[[ -x $AFTER_BIN ]] || { echo "missing $AFTER_BIN (cmake target decode_bench)" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

BEFORE_BIN=
if [[ $BEFORE != none ]]; then
  # The same benchmark source against the TextCodec of that revision (only QtCore needed).
  mkdir -p "$WORK/before/src/core"
  for f in $(git -C "$ROOT" ls-tree --name-only "$BEFORE" src/core/ | grep -E '^src/core/(text[a-z_]*|visibletext)\.(h|cpp)$'); do
    git -C "$ROOT" show "$BEFORE:$f" >"$WORK/before/$f"
  done
  # shellcheck disable=SC2046
  g++ -std=c++17 -O3 -DNDEBUG -fPIC -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -DQT_USE_QSTRINGBUILDER \
    -I"$WORK/before/src/core" $(pkg-config --cflags Qt6Core) "$HERE/decode_bench.cpp" "$WORK"/before/src/core/*.cpp \
    $(pkg-config --libs Qt6Core) -o "$WORK/decode_bench_before"
  BEFORE_BIN=$WORK/decode_bench_before
fi

pin=()
[[ -n $PIN ]] && pin=(taskset -c "$PIN")
"$AFTER_BIN" --write-inputs "$WORK/inputs"
results=$WORK/results.txt
echo "decode bench: RUNS=$RUNS ROUNDS=$ROUNDS BEFORE=${BEFORE:0:12} (BEFORE_RUNS=$BEFORE_RUNS) PIN=${PIN:-off}, $(nproc) CPUs" >&2
for ((r = 1; r <= ROUNDS; r++)); do
  echo "  round $r: after" >&2
  "${pin[@]}" "$AFTER_BIN" --runs "$RUNS" --label after | tee -a "$results" >&2
  if [[ -n $BEFORE_BIN ]]; then
    echo "  round $r: before" >&2
    "${pin[@]}" "$BEFORE_BIN" --runs "$BEFORE_RUNS" --label before | tee -a "$results" >&2
  fi
  echo "  round $r: peers" >&2
  "${pin[@]}" python3 "$HERE/peers.py" time "$WORK/inputs" "$RUNS" | tee -a "$results" >&2
done
python3 "$HERE/peers.py" table "$results"
