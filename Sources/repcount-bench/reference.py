#!/usr/bin/env python3
"""The same job as `repcount replay`, written the straightforward way with
pandas and scipy, for the benchmark to compare against.

Reads a recording (docs/formats.md), low-pass filters the acceleration to get
gravity, learns the rest pose from the first seconds, computes the tilt from
rest, and counts reps with a hysteresis threshold. Prints one JSON object with
the rep count and the wall and CPU time spent in each stage.

Usage: reference.py RECORDING.csv
Needs: pandas, scipy (pip install pandas scipy).
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy import signal

# The same constants as the Swift pipeline's first version.
CUTOFF_HZ = 0.64          # low-pass corner: 1 / (2 pi tau), tau = 0.25 s
SETTLE_S = 2.0            # rest pose learnt from the first seconds
ENTER_DEG = 12.0          # tilt above which the user has left rest
EXIT_DEG = 6.0            # tilt below which the user is back at rest


def main(path):
    t0, c0 = time.perf_counter(), time.process_time()
    frame = pd.read_csv(path, comment="#", skipinitialspace=True)
    t1, c1 = time.perf_counter(), time.process_time()

    times = frame["time_s"].to_numpy()
    accel = frame[["accel_x", "accel_y", "accel_z"]].to_numpy()
    if not np.isfinite(accel).all() or not np.isfinite(times).all():
        raise SystemExit(f"{path}: non-finite value")
    if (np.diff(times) < 0).any():
        raise SystemExit(f"{path}: time_s goes backwards")

    rate = (len(times) - 1) / (times[-1] - times[0])
    sos = signal.butter(2, CUTOFF_HZ, fs=rate, output="sos")
    gravity = signal.sosfiltfilt(sos, accel, axis=0)

    rest = gravity[times < times[0] + SETTLE_S].mean(axis=0)
    cosine = gravity @ rest / (np.linalg.norm(gravity, axis=1) * np.linalg.norm(rest))
    tilt = np.degrees(np.arccos(np.clip(cosine, -1.0, 1.0)))

    # Hysteresis: in a rep from crossing ENTER_DEG until falling below EXIT_DEG.
    state = pd.Series(np.where(tilt > ENTER_DEG, 1.0, np.where(tilt < EXIT_DEG, 0.0, np.nan)))
    in_rep = state.ffill().fillna(0.0).to_numpy()
    reps = int((np.diff(in_rep) < 0).sum())
    t2, c2 = time.perf_counter(), time.process_time()

    print(json.dumps({
        "rows": len(frame), "reps": reps,
        "read_s": t1 - t0, "read_cpu_s": c1 - c0,
        "process_s": t2 - t1, "process_cpu_s": c2 - c1,
    }))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
