#!/usr/bin/env bash
# Shared set-up for run.sh and test.sh: install missing Debian packages, configure and build into build/.
# Sourced, not executed. Honors BUILD_TYPE (default Release) and BUILD_DIR (default build).
set -euo pipefail

NETPOKE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$NETPOKE_ROOT/build}"
BUILD_TYPE="${BUILD_TYPE:-Release}"

NETPOKE_PACKAGES=(
  cmake g++ make pkg-config
  qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools qt6-translations-l10n libgl-dev qt6-charts-dev libqt6opengl6-dev
  fonts-noto-cjk
  python3 iproute2 util-linux netcat-openbsd
  xvfb xauth
  libwrap0
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

netpoke_build() {
  cmake -S "$NETPOKE_ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="$BUILD_TYPE" >/dev/null
  cmake --build "$BUILD_DIR" -j "$(nproc 2>/dev/null || echo 2)"
}
