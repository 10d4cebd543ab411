#!/usr/bin/env bash
# Screenshots of every tab in English and Chinese for the README tour, made under Xvfb so they can be
# refreshed after any change: scripts/screenshots.sh [OUT_DIR]   (default docs/screenshots)
# Installs what is missing and builds like run.sh; each shot starts NetPoke with a fresh configuration
# (XDG_CONFIG_HOME in a temporary folder) showing one tab, at 1x zoom, in a 1280x800 screen.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
NETPOKE_PACKAGES+=(imagemagick xdotool)
netpoke_install_packages
netpoke_build
OUT="${1:-$NETPOKE_ROOT/docs/screenshots}"
mkdir -p "$OUT"
# The tabs in MainWindow's order (src/gui/mainwindow.cpp).
TABS=(udp tcp-client tcp-server chat tftp tftp-server network)
for lang in en zh_CN; do
  for i in "${!TABS[@]}"; do
    cfg=$(mktemp -d)
    mkdir -p "$cfg/NetPoke"
    printf '[window]\ntab=%s\nzoom=1\n[ui]\nlanguage=%s\n' "$i" "$lang" > "$cfg/NetPoke/NetPoke.conf"
    out="$OUT/${TABS[$i]}-$lang.png"
    XDG_CONFIG_HOME="$cfg" LANG=C.UTF-8 xvfb-run -a -s '-screen 0 1280x800x24' bash -c '
      "$1" & pid=$!
      for _ in $(seq 50); do win=$(xdotool search --name "^NetPoke" 2>/dev/null | head -1) && [ -n "$win" ] && break; sleep 0.2; done
      sleep 1.5
      import -window "${win:-root}" "$2"
      kill $pid' _ "$BUILD_DIR/netpoke" "$out"
    rm -rf "$cfg"
    echo "$out"
  done
done
