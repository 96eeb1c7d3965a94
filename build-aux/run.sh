#!/usr/bin/env bash
# Installs what Forbedring needs, builds it and starts the app on the local
# database ($XDG_DATA_HOME/forbedring/forbedring.db; empty on first start).
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh
[ -d build ] || meson setup build
ninja -C build

# Running from the build tree: the settings schema and the translations are
# compiled there.
export GSETTINGS_SCHEMA_DIR="$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
export FB_LOCALEDIR="$PWD/build/po"
exec ./build/src/app/forbedring "$@"
