#!/usr/bin/env bash
# Install what is missing, build, and launch NetPoke.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
netpoke_install_packages
netpoke_build
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  cat >&2 <<MSG
netpoke: built $BUILD_DIR/netpoke, but there is no display to show its window (DISPLAY is not set).
  On a desktop, run this from a terminal inside the graphical session.
  On a server, use a virtual display:  xvfb-run -s '-screen 0 1280x800x24' scripts/run.sh
MSG
  exit 1
fi
exec "$BUILD_DIR/netpoke" "$@"
