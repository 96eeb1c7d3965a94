#!/usr/bin/env bash
# Installs the Debian 12 packages Forbedring needs to build, run and test.
# Does nothing when they are all there already.
set -euo pipefail

packages=(
  build-essential meson ninja-build pkg-config gettext jq
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libcurl4-openssl-dev
  libjson-glib-dev libsoup-3.0-dev libsecret-1-dev libsodium-dev glib-networking
  appstream desktop-file-utils
  xvfb xauth xdotool imagemagick dbus at-spi2-core poppler-utils sqlite3 openssl curl
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
