#!/usr/bin/env bash
# Install what is missing, build, and run the whole ctest suite. SANITIZE=1 scripts/test.sh runs it built with
# AddressSanitizer and UndefinedBehaviorSanitizer (in build-sanitize/), any finding failing its test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
netpoke_install_packages
netpoke_build
cd "$BUILD_DIR"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 600 -j 2 "$@"
