#!/usr/bin/env bash
# Scores the counter on recordings it was never tuned on: the two generators'
# catalogues again, with every seed moved by OFFSET, and variants of the real MEx
# recordings (another strap rotation, rate, sensor and pace: mex_variants.py), written
# to DIR (not to Recordings/), then `repcount eval` on each part and on the whole.
#
#   Recordings/tools/holdout.sh [DIR] [OFFSET]      # default /tmp/repcount-holdout 7000
#
# Needs a release build of repcount and repcount-sim (it builds them) and, for the
# second generator and the variants, Python 3 with numpy and scipy. Use two or three
# offsets before trusting a change: a rule that helps one batch can hurt the next.
set -euo pipefail

dir=${1:-/tmp/repcount-holdout}
offset=${2:-7000}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

swift build -c release --product repcount >/dev/null
swift build -c release --product repcount-sim >/dev/null
bin=.build/release

mkdir -p "$dir/sim" "$dir/stress" "$dir/mex"

# The simulator's batch, each recording's seed moved by the offset.
"$bin/repcount-sim" batch --out "$dir/sim" --seed-offset "$offset" >/dev/null

# The independent generator's catalogue, each seed moved by the offset.
python3 Recordings/tools/stress_sim.py --out "$dir/stress" --seed-offset "$offset" >/dev/null

# Two variants of each labelled real recording.
python3 Recordings/tools/mex_variants.py --out "$dir/mex" --seed-offset "$offset" >/dev/null

for part in sim stress mex; do
    echo "== $part (seeds + $offset)"
    "$bin/repcount" eval "$dir/$part"
done
echo "== all"
"$bin/repcount" eval "$dir" | tail -1
