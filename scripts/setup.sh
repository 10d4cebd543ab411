#!/usr/bin/env bash
# Shared set-up for run.sh and test.sh: install missing Debian packages, configure and build into build/.
# Sourced, not executed. Honors BUILD_TYPE (default Release) and BUILD_DIR (default build), and SANITIZE=1:
# a separate build (default build-sanitize/) with -fsanitize=address,undefined, any finding fatal.
set -euo pipefail

NETPOKE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SANITIZE="${SANITIZE:-0}"
NETPOKE_CMAKE_ARGS=()
if [ "$SANITIZE" = 1 ]; then
  BUILD_DIR="${BUILD_DIR:-$NETPOKE_ROOT/build-sanitize}"
  BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}"
  NETPOKE_CMAKE_ARGS+=(
    "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined"
    "-DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=address,undefined"
  )
  # Every test process (and netpoke-cli started by a test) stops with a report at the first finding.
  export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
  export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$NETPOKE_ROOT/scripts/lsan.supp:print_suppressions=0}"
elif [ "$SANITIZE" != 0 ]; then
  echo "netpoke: SANITIZE must be 0 or 1, not \"$SANITIZE\"" >&2
  exit 2
fi
BUILD_DIR="${BUILD_DIR:-$NETPOKE_ROOT/build}"
BUILD_TYPE="${BUILD_TYPE:-Release}"

NETPOKE_PACKAGES=(
  cmake g++ make pkg-config
  qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools qt6-translations-l10n libgl-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev
  fonts-noto-cjk
  python3 iproute2 util-linux netcat-openbsd socat openssl
  xvfb xauth
  libwrap0 libpcre2-8-0
  # TFTP clients for tst_tftpserverinterop (client programs only: none of these starts a service; the servers
  # tftpd-hpa and atftpd are never installed, see netpoke_unpack_peers below)
  tftp-hpa curl atftp busybox
)

netpoke_install_packages() {
  local missing=() p
  for p in "${NETPOKE_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "netpoke: installing Debian packages: ${missing[*]}" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
      echo "netpoke: missing packages (${missing[*]}) and not root; install them with apt-get as root." >&2
      return 1
    fi
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Test peers that must not be installed as packages: the tftpd-hpa and atftpd packages start a system daemon on
# port 69, so their servers (in.tftpd, atftpd) are unpacked (apt-get download + dpkg -x, no root needed) into
# NETPOKE_PEERS_DIR, where cmake/tftp.cmake finds them for tst_tftpinterop. A server already on the machine is
# used as it is. Their libraries (libwrap0; libpcre2-8-0, which Debian has anyway) are ordinary packages.
NETPOKE_PEERS_DIR="${NETPOKE_PEERS_DIR:-$BUILD_DIR/peers}"
netpoke_unpack_peers() {
  local pkg dir bin
  for pkg in tftpd-hpa atftpd; do
    dir="$NETPOKE_PEERS_DIR/$pkg"
    case "$pkg" in
      tftpd-hpa) bin=in.tftpd ;;
      atftpd) bin=atftpd ;;
    esac
    [ -x "/usr/sbin/$bin" ] && continue
    [ -d "$dir/root/usr" ] && continue
    mkdir -p "$dir"
    echo "netpoke: unpacking $pkg into $dir for the interoperability tests" >&2
    if ! (cd "$dir" && apt-get download "$pkg" >/dev/null 2>&1); then
      # A fresh machine may have no package lists yet: refresh them once (needs root or sudo).
      local sudo=()
      [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo=(sudo)
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq || true
      (cd "$dir" && apt-get download "$pkg" >/dev/null 2>&1) || {
        echo "netpoke: cannot download $pkg: tst_tftpinterop will fail and say so" >&2
        continue
      }
    fi
    dpkg -x "$dir"/"${pkg}"_*.deb "$dir/root"
  done
}

netpoke_build() {
  netpoke_unpack_peers
  cmake -S "$NETPOKE_ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DNETPOKE_PEERS_DIR="$NETPOKE_PEERS_DIR" \
    ${NETPOKE_CMAKE_ARGS[@]+"${NETPOKE_CMAKE_ARGS[@]}"} >/dev/null
  cmake --build "$BUILD_DIR" -j "$(nproc 2>/dev/null || echo 2)"
}
