#!/usr/bin/env bash
# The installed app, used as a newcomer would: run inside an X display (xvfb-run -a packaging/linux/smoke-test.sh …).
#   packaging/linux/smoke-test.sh LAUNCHER OUT_DIR [STARTS]
# 1. Starts LAUNCHER on a fresh profile, picks "Explore with demo data" in the welcome (Return: its default
#    button), waits for the demo sync round to end well (the window's log line), saves a screenshot
#    to OUT_DIR/installed-app.png and fails if it is blank, quits with Ctrl+Q, and checks with `LAUNCHER status`
#    that the synced demo records are in the offline copy and nothing waits to be sent, and that the installed
#    app can use the AOT cache the build made.
# 2. Measures the cold start to the first window STARTS times (default 5) on that synced profile and on fresh
#    ones, and prints min, median and max. Needs xdotool and ImageMagick (import, convert).
set -euo pipefail

readonly launcher=$1 out=$2 starts=${3:-5}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "smoke-test: $*" >&2; exit 1; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# Waits up to $2 seconds for a visible window whose title matches $1; prints its id.
wait_window() {
  local deadline=$(($(date +%s) + $2)) id
  until id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1) && [[ -n $id ]]; do
    (($(date +%s) < deadline)) || return 1
    sleep 0.02
  done
  echo "$id"
}
# Starts the app on profile $1 in the background; sets $app_pid.
start_app() {
  OUTPOST_HOME=$1 "$launcher" >>"$work/app.out" 2>&1 &
  app_pid=$!
}
# Quits with Ctrl+Q in the window $1 and waits up to 30 s for the process to end.
quit_app() {
  xdotool windowfocus --sync "$1" key --clearmodifiers ctrl+q 2>/dev/null || true
  for _ in $(seq 300); do kill -0 "$app_pid" 2>/dev/null || { wait "$app_pid" || true; return 0; }; sleep 0.1; done
  kill "$app_pid"; wait "$app_pid" || true
  fail "Ctrl+Q did not close the window within 30 s"
}

echo "== first start on a fresh profile, demo data"
profile=$work/profile
start_app "$profile"
welcome=$(wait_window '^Welcome to Outpost$' 60) || { cat "$work/app.out" >&2; fail "no welcome window within 60 s"; }
xdotool windowfocus --sync "$welcome" key Return
for _ in $(seq 1200); do
  grep -qs "The window's sync round ended" "$profile"/logs/*.log && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.out" >&2; fail "the app ended before its first sync"; }
  sleep 0.1
done
grep -s "Sync with \|sync round ended" "$profile"/logs/*.log | sed 's/^.* - /  log: /'
grep -qs "The window's sync round ended (done)" "$profile"/logs/*.log ||
  fail "no demo sync ended well within 120 s (see $profile/logs)"
grep -qs 'Sync with crm done' "$profile"/logs/*.log || fail "the demo sync did not reach the CRM (see $profile/logs)"
main=$(wait_window '^Outpost$' 10) || fail "no main window"
sleep 1 # the table and status line paint after the sync's last step
import -window root "$out/installed-app.png"
colours=$(convert "$out/installed-app.png" -format '%k' info:)
echo "  screenshot: $out/installed-app.png, $colours colours"
((colours > 100)) || fail "the screenshot is blank ($colours colours)"
quit_app "$main"

status=$(OUTPOST_HOME=$profile "$launcher" status)
echo "$status" | sed 's/^/  status: /'
accounts=$(echo "$status" | awk '$1 == "accounts" { print $2 }')
[[ ${accounts:-0} -gt 0 ]] || fail "no accounts in the offline copy after the demo sync"
echo "$status" | grep -q '^Nothing waits to be synced' || fail "changes wait to be synced after a clean demo sync"

# -XX:AOTMode=on refuses to start without a usable AOT cache: proves the installed files still fit the one the
# build trained (a cache that does not fit costs no error, only half the start-up speed, so nothing else shows it).
JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$launcher" --version >/dev/null 2>&1 ||
  fail "the installed app cannot use its AOT cache (run: JAVA_TOOL_OPTIONS='-XX:AOTMode=on -Xlog:aot' $launcher --version)"
echo "  the installed app starts with its AOT cache"

# Prints min / median / max of the numbers on stdin.
summary() { sort -n | awk '{ v[NR] = $1 } END { printf "min %d ms, median %d ms, max %d ms (%d starts)\n", v[1], v[int((NR + 1) / 2)], v[NR], NR }'; }

echo "== cold start to the first window"
for kind in synced fresh; do
  for i in $(seq "$starts"); do
    [[ $kind == fresh ]] && profile=$work/fresh-$i
    sync # written profile data must not be in the way of the next start's timing
    t0=$(now_ms)
    start_app "$profile"
    id=$(wait_window '^Outpost$' 60) || fail "no window within 60 s"
    echo $(($(now_ms) - t0)) >>"$work/$kind.ms"
    if [[ $kind == fresh ]]; then # the welcome follows the main window; Escape is its "Not now"
      welcome=$(wait_window '^Welcome to Outpost$' 30) || fail "no welcome on a fresh profile"
      xdotool windowfocus --sync "$welcome" key Escape
    fi
    sleep 1
    quit_app "$id"
  done
  echo "  $kind profile: $(summary <"$work/$kind.ms")"
done
