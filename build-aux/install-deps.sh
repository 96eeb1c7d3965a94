#!/usr/bin/env bash
# Installs the Debian 12 packages Forbedring needs to build, run and test.
# Does nothing when they are all there already, and likewise for the locales.
set -euo pipefail

packages=(
  build-essential meson ninja-build pkg-config gettext jq
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libcurl4-openssl-dev
  libjson-glib-dev libsoup-3.0-dev libsecret-1-dev libsodium-dev glib-networking
  appstream desktop-file-utils locales
  xvfb xauth xdotool imagemagick dbus at-spi2-core poppler-utils sqlite3 openssl curl
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The Nordic locales the app is translated for, so that numbers and dates in
# tests and under LANGUAGE= follow them (decimal comma, month names). A fresh
# Debian has none of them; locale-gen only runs when one is missing.
locales=(nb_NO.UTF-8 nn_NO.UTF-8 sv_SE.UTF-8 da_DK.UTF-8)
have=$(locale -a 2>/dev/null | tr '[:upper:]' '[:lower:]' | sed 's/utf-\?8$/utf8/')
gen=()
for l in "${locales[@]}"; do
  norm=$(echo "$l" | tr '[:upper:]' '[:lower:]' | sed 's/utf-8$/utf8/')
  if ! grep -qx "$norm" <<<"$have"; then
    gen+=("$l")
  fi
done

if [ "${#gen[@]}" -gt 0 ]; then
  echo "Generating locales: ${gen[*]}"
  for l in "${gen[@]}"; do
    # Uncomment the line Debian ships, or add it when there is none.
    if grep -Eq "^#? *$l UTF-8\$" /etc/locale.gen; then
      "${sudo[@]}" sed -i -E "s/^# *($l UTF-8)\$/\1/" /etc/locale.gen
    else
      echo "$l UTF-8" | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null
    fi
  done
  "${sudo[@]}" locale-gen >/dev/null
fi
