#!/bin/sh
# Runs a libFuzzer target: run-fuzz.sh TARGET WORK_CORPUS [ARGS… SEED_CORPUS].
# New inputs go to WORK_CORPUS in the build tree, never into the seed
# corpus in the source tree. (meson 1.0 cannot run a custom target as a
# test directly, hence this script.)
set -e
target=$1
work=$2
shift 2
mkdir -p "$work"
exec "$target" "$work" "$@"
