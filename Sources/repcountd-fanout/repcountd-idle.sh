#!/bin/sh
# Idle cost of repcountd: RSS and CPU with no client for SECONDS (default 60),
# counting a bridge session from a 100 Hz source.
#   Sources/repcountd-fanout/repcountd-idle.sh replay [SECONDS]   replay of a recording at real speed
#   Sources/repcountd-fanout/repcountd-idle.sh live [SECONDS]     live IIO source, emulated accelerometer
#                                                   at 100 Hz (root: private namespaces)
# Uses the release build (one --product per call: given twice, only the last is built):
#   swift build -c release --product repcountd && swift build -c release --product repcount-iio-emulator
# Prints figures read from /proc: CPU = (utime+stime) / wall, RSS at the end and the peak.
set -eu
mode=${1:-replay}
seconds=${2:-60}
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d /tmp/repcountd-idle.XXXXXX)
trap 'rm -rf "$work"' EXIT

# A long bridge recording (100 Hz, 8 s reps with 6.5 s holds), longer than the run.
python3 - "$work/bridge.csv" "$seconds" <<'PY'
import math, sys
path, seconds = sys.argv[1], float(sys.argv[2])
rate, t, rows = 100, 0.0, []
def add(dur, ang):
    global t
    n = int(dur * rate)
    for i in range(n):
        a = math.radians(ang(i / n))
        rows.append("%.3f,0,%.5f,%.5f" % (t, 9.81 * math.sin(a), 9.81 * math.cos(a)))
        t += 1 / rate
add(3, lambda f: 0)
while t < seconds + 30:
    add(1.5, lambda f: 20 * f); add(6.5, lambda f: 20); add(1.5, lambda f: 20 * (1 - f)); add(5, lambda f: 0)
open(path, "w").write("# sample_rate_hz: 100\n# exercise: bridge\n# placement: thigh\ntime_s,accel_x,accel_y,accel_z\n" + "\n".join(rows) + "\n")
PY

args="--socket $work/d.sock --database $work/history.db --exercise bridge --log-level warning"
if [ "$mode" = live ]; then
    "$bin/repcount-iio-emulator" run --rate 100 --seconds $((seconds + 20)) --recording "$work/bridge.csv" -- \
        "$bin/repcountd" --device local: $args 2>"$work/emulator.log" &
    launcher=$!
    # The daemon is the emulator's child.
    pid=""
    for _ in $(seq 100); do
        pid=$(cat /proc/$launcher/task/*/children 2>/dev/null | tr ' ' '\n' | grep -m1 . || true)
        [ -n "$pid" ] && break
        sleep 0.1
    done
else
    "$bin/repcountd" --replay "$work/bridge.csv" --speed 1 $args 2>"$work/daemon.log" &
    pid=$!
fi
sleep 5   # start-up (and the pipeline's settling) is not idle work
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' /proc/$pid/stat; }
c0=$(cpu); t0=$(date +%s.%N)
sleep "$seconds"
c1=$(cpu); t1=$(date +%s.%N)
rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
[ "$mode" = live ] && wait "$launcher" 2>/dev/null || true
echo "$mode source, 100 Hz, no client, $seconds s:" \
    "CPU $(echo "$c0 $c1 $t0 $t1 $ticks" | awk '{printf "%.3f", 100 * ($2 - $1) / $5 / ($4 - $3)}')% of one core," \
    "RSS $(echo "$rss" | awk '{printf "%.1f", $1 / 1024}') MiB (peak $(echo "$hwm" | awk '{printf "%.1f", $1 / 1024}') MiB)"
