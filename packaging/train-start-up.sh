#!/usr/bin/env bash
# The AOT cache training run (JDK 25, JEP 483/514: class data sharing with classes loaded ahead of time).
#   packaging/train-start-up.sh LAUNCHER APP_DIR
# Starts the app image's own launcher on a throw-away demo profile; the window closes itself after its first
# sync (-Doutpost.quitAfterFirstSync, dev.outpost.app.TrainingRun), and the JVM writes every class it loaded
# into APP_DIR/outpost.aot. Then each launcher's .cfg in APP_DIR gets the option that uses it, and a check
# start with -XX:AOTMode=on (which refuses to run on an unusable cache) proves the cache fits this image.
# Training through the launcher itself matters: the cache is valid only for the same class path and options.
set -euo pipefail

readonly launcher=$1 app_dir=$2
readonly cache_name=outpost.aot
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# The JVM reads JAVA_TOOL_OPTIONS in its own path syntax (C:\… on Windows, where this runs in Git Bash).
native_path() { if command -v cygpath >/dev/null 2>&1; then cygpath -w "$1"; else echo "$1"; fi; }
cache=$app_dir/$cache_name
rm -f "$cache"

# Classes are cached loaded and linked (JDK 25's default), lambdas included: 1.5 s to the window instead of 2.0 s
# with loading only, and 3 to 4 s without a cache. That needs the jars unsealed (build-installers.sh, UnsealJars).
# Secrets in files, so that a build never writes into the builder's key ring.
training="-XX:AOTCacheOutput=$(native_path "$cache") -Doutpost.demo=true -Doutpost.quitAfterFirstSync=true \
-Doutpost.secrets=files"

wrapper=()
if [[ $(uname -s) == Linux && -z ${DISPLAY:-} ]]; then
  if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "train-start-up: the training run opens the window, and there is no display (DISPLAY) or xvfb-run." >&2
    echo "  Install xvfb (apt-get install xvfb) or set OUTPOST_SKIP_TRAINING=true for a slower-starting app." >&2
    exit 1
  fi
  wrapper=(xvfb-run -a -s "-screen 0 1280x800x24")
fi
if command -v timeout >/dev/null 2>&1; then
  wrapper=(timeout 600 "${wrapper[@]+"${wrapper[@]}"}")
fi

echo "Training run: $launcher on a demo profile (the window opens, syncs the demo data and closes)"
started=$(date +%s)
OUTPOST_HOME=$(native_path "$profile") JAVA_TOOL_OPTIONS=$training \
  "${wrapper[@]+"${wrapper[@]}"}" "$launcher" 2>&1 | grep -v 'Skipping .*: \|Preload Warning\|^Picked up JAVA_TOOL_OPTIONS: -Djava.class.path' || true
echo "Training run took $(($(date +%s) - started)) s"

if ! grep -qs 'Training run: the first sync finished' "$profile"/logs/*.log; then
  echo "train-start-up: the training run's sync did not finish; its log:" >&2
  cat "$profile"/logs/*.log >&2 2>/dev/null || echo "  (no log: the window did not start)" >&2
  exit 1
fi
if [[ ! -s $cache ]]; then
  echo "train-start-up: the JVM wrote no $cache" >&2
  exit 1
fi

# Each launcher's .cfg (Outpost, and on Windows outpost-cli) uses the cache from now on; an unusable cache
# only costs speed, so its messages are kept off the command line's output.
for cfg in "$app_dir"/*.cfg; do
  awk -v cache="$cache_name" '{ print } /^\[JavaOptions\]$/ {
      print "java-options=-XX:AOTCache=$APPDIR/" cache
      print "java-options=-Xlog:aot*=off,cds*=off" }' "$cfg" >"$cfg.new"
  mv "$cfg.new" "$cfg"
done

check=$launcher
[[ -x $(dirname "$launcher")/outpost-cli.exe ]] && check=$(dirname "$launcher")/outpost-cli.exe # prints; Outpost.exe can't
if ! JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$check" --version; then
  echo "train-start-up: the image does not start with its AOT cache (-XX:AOTMode=on failed)" >&2
  exit 1
fi
ls -l "$cache" | awk '{printf "AOT cache: %s, %.0f MB\n", $NF, $5 / 1048576}'
