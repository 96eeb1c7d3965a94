#!/usr/bin/env bash
# Takes a screenshot of every page of Forbedring, in every language, light and
# dark, wide and narrow, for a person to look at. A developer's tool: CI does
# not run it, and it builds nothing.
#
# usage: build-aux/screenshots.sh BUILD_DIR OUT_DIR [LANG...] [-- STYLE...] [-- SIZE...]
#   LANG:  nb nn sv da en              (default: all)
#   STYLE: light dark                  (default: both)
#   SIZE:  1280x800 360x720            (default: both)
# e.g.     build-aux/screenshots.sh build /tmp/shots nb -- dark -- 360x720
#
# Needs xvfb-run, xdotool, ImageMagick's import, dbus-run-session and
# python3-pyatspi (Debian packages), and the nb_NO, nn_NO, sv_SE and da_DK
# UTF-8 locales. Screenshots are named LANG-STYLE-WIDTH-NN-page.png.
set -euo pipefail

if [ $# -lt 2 ]; then
  sed -n '5,10p' "$0" >&2
  exit 2
fi

src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$1" && pwd)
out=$2
shift 2
mkdir -p "$out"
out=$(cd "$out" && pwd)

langs=() styles=() sizes=()
list=langs
for arg in "$@"; do
  if [ "$arg" = -- ]; then
    case $list in langs) list=styles ;; *) list=sizes ;; esac
    continue
  fi
  eval "$list+=(\"\$arg\")"
done
[ ${#langs[@]} -gt 0 ] || langs=(nb nn sv da en)
[ ${#styles[@]} -gt 0 ] || styles=(light dark)
[ ${#sizes[@]} -gt 0 ] || sizes=(1280x800 360x720)

for tool in xvfb-run xdotool import dbus-run-session; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing" >&2; exit 1; }
done
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null ||
  { echo "screenshots.sh: python3-pyatspi is missing" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

locale_of () {
  case $1 in
    nb) echo nb_NO.UTF-8 ;; nn) echo nn_NO.UTF-8 ;; sv) echo sv_SE.UTF-8 ;;
    da) echo da_DK.UTF-8 ;; *) echo C.UTF-8 ;;
  esac
}

status=0
for lang in "${langs[@]}"; do
  for style in "${styles[@]}"; do
    for size in "${sizes[@]}"; do
      width=${size%x*} height=${size#*x}
      prefix=$lang-$style-$width
      # Every run starts from the same data, and from an empty database.
      rm -f "$tmp"/*.db*
      "$build/src/cli/forbedring-cli" --db "$tmp/run.db" demo load "$src/data/demo/demo.json" >/dev/null
      scheme=prefer-light
      [ "$style" = dark ] && scheme=prefer-dark
      loc=$(locale_of "$lang")
      echo "== $prefix" >&2
      env LANGUAGE="$lang" LANG="$loc" LC_ALL="$loc" \
        ADW_DEBUG_COLOR_SCHEME="$scheme" \
        GDK_BACKEND=x11 GSK_RENDERER=cairo \
        GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory \
        FB_LOCALEDIR="$build/po" NO_AT_BRIDGE=0 \
        xvfb-run -a -s '-screen 0 1280x800x24 -noreset' dbus-run-session -- \
        /usr/bin/python3 "$src/build-aux/screenshots.py" "$build/src/app/forbedring" \
          "$tmp/run.db" "$tmp/empty.db" "$out" "$prefix" "$width" "$height" ||
        { echo "screenshots.sh: $prefix did not finish" >&2; status=1; }
    done
  done
done

echo "Screenshots in $out" >&2
exit $status
