#!/usr/bin/env python3
"""Label real thigh-accelerometer bridges and bird dogs (MEx dataset) with reps and holds.

This tool is RepCount's *reference* labeller for real recordings. It is deliberately
independent of the Swift counter (different language, offline, non-causal filtering,
whole-file statistics, and a human check of every plot), so that the labels it writes can
be used to score that counter without scoring it against itself.

Procedure (each step is a function below; the constants are at the top of the file):

1. Read the recording (`# key: value` metadata lines, header row, `time_s`, `accel_*`).
   Samples that share a timestamp are averaged; the signal is then interpolated onto a
   uniform grid (`GRID_HZ`) so that a standard filter can be used. Label times stay on the
   recording's own `time_s` axis.
2. Low-pass every axis with a zero-phase Butterworth filter (`LOWPASS_HZ`): exercise
   movements are slower than 1 Hz; the filter removes tremor and sensor noise and, being
   zero-phase, does not delay the boundaries.
3. Estimate the rest orientation: the unit gravity vector in the quietest windows
   (`QUIET_WINDOW_S`, the `QUIET_FRACTION` with the least motion) falls in two clusters,
   rest and held pose; the rest cluster is the one holding more quiet time, unless the
   per-file override `rest_at_s` names a time known (from the plot) to be at rest.
   The rest orientation is the normalised median of that cluster; the held orientation
   is the normalised median of the samples farthest from rest (`FAR_FRACTION`).
4. Tilt from rest: the angle of the gravity vector in the plane spanned by the rest
   orientation and the held-pose orientation (signed, held pose positive). Projecting
   on that plane ignores small sideways rolls that are not the exercise.
5. Candidate reps: peaks of the tilt with a prominence of at least
   `max(MIN_PROMINENCE_DEG[exercise], REL_PROMINENCE * median prominence of the
   large peaks)`; the relative rule is what drops, in bird dog, the other leg's reps,
   which barely move the instrumented thigh.
6. Boundaries of each rep, relative to the local rest level R (the `REST_PERCENTILE`th
   percentile of the tilt in the `REST_WINDOW_S` before the rep, or after it for `end`)
   and the plateau level P (`PLATEAU_PERCENTILE`th percentile of the rep's samples
   above mid-height); a rest level far from the other side's (`POSTURE_CHANGE_FRACTION`)
   is a posture change and is replaced by the other side's:
   - `start`: last time before the hold that the tilt is at or below R + X*(P-R), X = `EDGE_FRACTION`;
   - `hold_start`: the first time the tilt is within tol of P, tol = max(Y*(P-R), Z deg),
     Y = `HOLD_FRACTION`, Z = `HOLD_MIN_TOL_DEG[exercise]`, then moved on to where the
     rise has stopped (speed below `SETTLE_FRACTION` of the rise's peak speed);
   - `hold_end`: the last time the tilt is within tol of P, moved back to where the
     descent begins (speed beyond `SETTLE_FRACTION` of the descent's peak speed);
   - `end`: first time after the hold that the tilt is at or below R + X*(P-R).
   These match the label semantics of `docs/formats.md`: leaving rest, arriving in the held
   pose, leaving it, back at rest.
7. Edge rule: a rep cut off by the file edge (no rest before its start or after its end
   inside the file) is not labelled; it is neither a rep the subject finished in the
   recording nor one the counter can be asked to see. An excursion quicker than
   `MIN_REP_S` from start to end is a jolt, not a rep.
8. Per-file overrides (`mex_overrides.json`, each with its reason) correct what the eye
   finds wrong on the plot: choose the rest pose, drop a proposal, set a boundary by
   hand, change a threshold, or leave a file out.
9. Write `NAME.labels.json` (docs/formats.md), copy `NAME.csv` byte-identical, and draw
   `NAME.png` with the tilt trace and the boundaries.

Usage:
    python3 Recordings/tools/label_mex.py            # label all, write labels + plots
    python3 Recordings/tools/label_mex.py --check    # re-derive, compare to committed labels
    python3 Recordings/tools/label_mex.py --stats    # reps, holds and amplitudes per file
    python3 Recordings/tools/label_mex.py s03-bridge-thigh.csv   # only some files
    python3 Recordings/tools/label_mex.py --label my.csv --exercise bridge   # your own file
    python3 Recordings/tools/label_mex.py --compare Recordings/sim-*.csv    # vs known truth
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import sys
from dataclasses import dataclass, field

import numpy as np
from scipy.signal import butter, filtfilt, find_peaks

# ---------------------------------------------------------------------------------------
# Constants (unit, and why this value)
# ---------------------------------------------------------------------------------------

#: Hz. Uniform grid for filtering; the AX3 delivers ~103 Hz, so 100 Hz loses nothing.
GRID_HZ = 100.0
#: Hz. Low-pass cut-off. Bridges and bird dogs move at well under 1 Hz (1-5 s ramps);
#: 1.5 Hz keeps the ramps' shape (their timing is what we label) and removes tremor.
LOWPASS_HZ = 1.5
#: Butterworth order; applied forwards and backwards (filtfilt), so effectively 4.
LOWPASS_ORDER = 2
#: s. Window for judging how still the sensor is; about one breath-free second.
QUIET_WINDOW_S = 1.0
#: Fraction of windows, the stillest, used to find the rest and held orientations.
#: Rest and holds together fill well over half of every MEx recording.
QUIET_FRACTION = 0.5
#: Samples whose angle from rest exceeds this fraction of the file's 99th-percentile
#: angle define the held orientation (the direction of the exercise's tilt).
FAR_FRACTION = 0.6
#: degrees. Rest and held orientations closer than this are one pose (no exercise at all).
MIN_POSE_SEPARATION_DEG = 3.0
#: degrees. Smallest peak prominence that can be a rep. Bridge: the thigh tilts
#: 5-25 deg (the exercise notes); 3 deg is above the ~1 deg rest wander of the filtered trace.
#: Bird dog: the instrumented leg's extension is 60-90 deg; 20 deg is far above a
#: weight shift while the other leg moves.
#: Wall sit (not in MEx; for users' own recordings): the thigh goes from vertical to
#: 45-90 deg, so the bird-dog values apply.
MIN_PROMINENCE_DEG = {"bridge": 3.0, "bird-dog": 20.0, "wall-sit": 20.0}
#: A peak must also reach this fraction of the median prominence of the file's
#: large peaks (those above the absolute minimum): a rep is one of the file's reps,
#: not a fidget, and, in bird dog, not the other leg (which barely moves this thigh).
REL_PROMINENCE = 0.4
#: s. Two peaks closer than this belong to the same excursion (a wobble in a hold).
MIN_PEAK_DISTANCE_S = 2.0
#: Fraction of the rep's height (plateau minus local rest) above local rest that marks
#: leaving rest (`start`) and being back (`end`). 15% is clear of the rest wander
#: (a bridge of 8 deg: 1.2 deg) yet early on the ramp, so the ramp stays in the rep.
EDGE_FRACTION = 0.15
#: The movement into (out of) the held pose has stopped (started) where the tilt's
#: speed is below this fraction of the transition's peak speed: on a minimum-jerk ramp,
#: the model of a deliberate human movement, that is the last (first) 9% of its
#: duration, so the hold boundaries fall where the movement ends, as the generator
#: labels its recordings; balance and breathing inside a hold move more slowly.
#: Checked on the generator's recordings (Recordings/README.md): hold MAE 0.09 s
#: (bridge) and 0.16 s (bird dog) with it, 0.63 s and 0.55 s without.
SETTLE_FRACTION = 0.1
#: Fraction of the rep's height within which the tilt is "in the held pose".
HOLD_FRACTION = 0.15
#: degrees. Lower bound on the hold tolerance: the filtered trace of a held pose still
#: wanders this much (breathing, balance), which is not leaving the hold.
HOLD_MIN_TOL_DEG = {"bridge": 1.0, "bird-dog": 4.0, "wall-sit": 4.0}
#: Percentile of the tilt within the rep's coarse extent (above mid-height) taken as
#: its plateau level: the top of a flat hold (not the median, which a sagging hold
#: pulls down), the peak of a rep without a hold, and not a brief overshoot on the
#: way in, which lasts a small fraction of the extent.
PLATEAU_PERCENTILE = 90
#: If the rest levels before and after a rep differ by more than this fraction of
#: its height, one of them is a posture change (sitting back, getting up), not rest.
#: Real rest drift between reps stays below ~25% of the height (s05 bridge).
POSTURE_CHANGE_FRACTION = 0.35
#: s. Shortest rep, start to end. Transitions into and out of a hold take 1-3 s
#: each (the exercise notes), so anything quicker is a jolt or a fidget.
MIN_REP_S = 1.5
#: s. Length of the rest window before (after) a rep used for its local rest level.
REST_WINDOW_S = 3.0
#: Percentile of the tilt in the rest window taken as the rest level; low, so that the
#: part of the ramp inside the window does not raise it.
REST_PERCENTILE = 10
#: s. A rep needs at least this much rest data before its start and after its end
#: inside the file, else it is cut off by the file edge (not labelled).
MIN_REST_S = 0.3
#: s. Rest between reps longer than this starts a new set (the exercise notes: about a
#: minute between sets). MEx recordings hold one set each.
SET_GAP_S = 45.0
#: Decimal places of the label times (10 ms, the sample period).
TIME_DECIMALS = 2
#: s. `--check` accepts label times this far from the re-derived ones: two samples,
#: room for another numpy/scipy build to move a threshold crossing by a sample.
CHECK_TOLERANCE_S = 0.02

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_SRC = "/work/shared/datasets/mex"
DEFAULT_OUT = os.path.join(REPO, "Recordings", "mex")
DEFAULT_OVERRIDES = os.path.join(HERE, "mex_overrides.json")
EXERCISE_OF_FILE = {"bridge": "bridge", "superman": "bird-dog"}


# ---------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------

@dataclass
class Recording:
    """A recording on its own time axis plus its uniform-grid, low-passed copy."""

    name: str
    metadata: dict  # the `# key: value` lines
    time: np.ndarray  # s, as in the file (unique, increasing)
    accel: np.ndarray  # m/s^2, N x 3, duplicates averaged
    grid_t: np.ndarray = field(default_factory=lambda: np.zeros(0))
    grid_a: np.ndarray = field(default_factory=lambda: np.zeros((0, 3)))


def read_recording(path: str) -> Recording:
    """Reads a docs/formats.md recording; columns are found by header name."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    i = 0
    metadata = {}
    while i < len(lines) and lines[i].startswith("#"):
        key, _, value = lines[i][1:].partition(":")
        metadata[key.strip()] = value.strip()
        i += 1
    if i >= len(lines):
        raise SystemExit(f"{path}: no header row")
    header = [h.strip() for h in lines[i].split(",")]
    missing = [c for c in ("time_s", "accel_x", "accel_y", "accel_z") if c not in header]
    if missing:
        raise SystemExit(f"{path}:{i + 1}: header lacks {', '.join(missing)}")
    cols = [header.index(c) for c in ("time_s", "accel_x", "accel_y", "accel_z")]
    rows = []
    for n, line in enumerate(lines[i + 1:], start=i + 2):
        if not line.strip():
            continue
        parts = line.split(",")
        try:
            rows.append([float(parts[c]) for c in cols])
        except (ValueError, IndexError) as e:
            raise SystemExit(f"{path}:{n}: cannot parse row: {e}")
    if len(rows) < 2:
        raise SystemExit(f"{path}: fewer than two samples")
    data = np.asarray(rows)
    if not np.all(np.isfinite(data)):
        raise SystemExit(f"{path}: non-finite value")
    t = data[:, 0]
    if np.any(np.diff(t) < 0):
        raise SystemExit(f"{path}: time goes backwards")
    # Repeated timestamps: average the samples that share one.
    ut, inverse = np.unique(t, return_inverse=True)
    a = np.zeros((len(ut), 3))
    np.add.at(a, inverse, data[:, 1:4])
    a /= np.bincount(inverse)[:, None]
    return Recording(os.path.basename(path), metadata, ut, a)


def lowpass(rec: Recording) -> None:
    """Resamples onto a uniform grid and low-passes with a zero-phase filter."""
    grid = np.arange(rec.time[0], rec.time[-1], 1.0 / GRID_HZ)
    a = np.column_stack([np.interp(grid, rec.time, rec.accel[:, k]) for k in range(3)])
    b, den = butter(LOWPASS_ORDER, LOWPASS_HZ / (GRID_HZ / 2))
    rec.grid_t = grid
    rec.grid_a = filtfilt(b, den, a, axis=0)


# ---------------------------------------------------------------------------------------
# Orientation and tilt
# ---------------------------------------------------------------------------------------

def unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def angle_deg(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    return np.degrees(np.arccos(np.clip(np.sum(u * v, axis=-1), -1.0, 1.0)))


@dataclass
class Poses:
    """The rest and held orientations (unit gravity vectors in the sensor's frame)."""

    rest: np.ndarray  # unit vector
    held: np.ndarray  # unit vector
    separation_deg: float


def estimate_poses(rec: Recording, rest_at_s: float | None,
                   held_at_s: float | None = None) -> Poses:
    """Rest orientation from the stillest windows, held orientation from the samples
    farthest from it, or either from a given time (step 3 of the procedure)."""
    g = unit(rec.grid_a)
    w = int(QUIET_WINDOW_S * GRID_HZ)
    if len(g) < 4 * w:
        raise SystemExit(f"{rec.name}: shorter than {4 * QUIET_WINDOW_S:.0f} s, too short to label")
    starts = np.arange(0, len(g) - w, w // 4)
    means = np.array([g[s:s + w].mean(axis=0) for s in starts])
    motion = np.array([g[s:s + w].std(axis=0).sum() for s in starts])
    quiet = motion <= np.quantile(motion, QUIET_FRACTION)
    q = unit(means[quiet])
    # Two-means on the sphere, seeded with the farthest-apart pair of quiet windows.
    d = angle_deg(q[:, None, :], q[None, :, :])
    i, j = np.unravel_index(np.argmax(d), d.shape)
    c = np.array([q[i], q[j]])
    for _ in range(20):
        lab = np.argmax(q @ c.T, axis=1)
        c = np.array([unit(np.median(q[lab == k], axis=0)) for k in (0, 1)])
    if rest_at_s is not None:
        k = int(np.argmin(np.abs(rec.grid_t - rest_at_s)))
        rest_k = int(np.argmax(c @ g[k]))
    else:
        rest_k = int(np.argmax(np.bincount(lab, minlength=2)))
    rest = c[rest_k]
    # The held pose from the samples farthest from rest (not from the quiet cluster:
    # a subject without flat holds leaves no quiet windows in the held pose).
    if held_at_s is not None:
        # Given (override): the median direction within half a second of that time.
        near = np.abs(rec.grid_t - held_at_s) <= 0.5
        held = unit(np.median(g[near], axis=0))
    else:
        away = angle_deg(g, rest)
        far = away >= FAR_FRACTION * np.percentile(away, 99)
        held = unit(np.median(g[far], axis=0))
    return Poses(rest=rest, held=held, separation_deg=float(angle_deg(rest, held)))


def tilt_deg(rec: Recording, poses: Poses) -> np.ndarray:
    """Signed tilt from rest in the rest/held plane, held pose positive (step 4)."""
    e1 = poses.rest
    e2 = unit(poses.held - (poses.held @ e1) * e1)
    g = rec.grid_a
    return np.degrees(np.arctan2(g @ e2, g @ e1))


def off_plane_deg(rec: Recording, poses: Poses) -> np.ndarray:
    """Angle of gravity out of the rest/held plane: motion that is not the exercise
    (rolling the knees aside, repositioning). Plotted only, to help the eye."""
    n = unit(np.cross(poses.rest, poses.held))
    return np.degrees(np.arcsin(np.clip(unit(rec.grid_a) @ n, -1, 1)))


# ---------------------------------------------------------------------------------------
# Reps
# ---------------------------------------------------------------------------------------

@dataclass
class Rep:
    """One labelled rep: times in s on the recording's axis, levels in degrees of tilt."""

    peak: float
    start: float
    hold_start: float
    hold_end: float
    end: float
    rest_before: float
    rest_after: float
    plateau: float
    note: str = ""

    @property
    def amplitude(self) -> float:
        """Tilt of the held pose above the mean of the rest levels around it, degrees."""
        return self.plateau - 0.5 * (self.rest_before + self.rest_after)


def find_candidates(t: np.ndarray, theta: np.ndarray, exercise: str, cfg: dict) -> list[int]:
    """Peak indices of the excursions that are reps (step 5)."""
    min_prom = cfg.get("min_prominence_deg", MIN_PROMINENCE_DEG[exercise])
    dist = int(MIN_PEAK_DISTANCE_S * GRID_HZ)
    peaks, props = find_peaks(theta, prominence=min_prom, distance=dist)
    if len(peaks) == 0:
        return []
    rel = cfg.get("rel_prominence", REL_PROMINENCE)
    floor = rel * float(np.median(props["prominences"]))
    return [int(p) for p, pr in zip(peaks, props["prominences"]) if pr >= floor]


def first_index(mask: np.ndarray) -> int | None:
    idx = np.flatnonzero(mask)
    return int(idx[0]) if len(idx) else None


def last_index(mask: np.ndarray) -> int | None:
    idx = np.flatnonzero(mask)
    return int(idx[-1]) if len(idx) else None


def coarse_extent(theta, p, lo, hi) -> tuple[int, int] | None:
    """Where the excursion peaking at p is above mid-height, searched within [lo, hi).

    Mid-height is halfway between the peak and the lowest point on each side. None if
    the trace never falls below it on one side: the excursion is cut off by the file
    edge.
    """
    left_min = lo + int(np.argmin(theta[lo:p + 1]))
    right_min = p + int(np.argmin(theta[p:hi]))
    a = last_index(theta[lo:p + 1] < 0.5 * (theta[p] + theta[left_min]))
    b = first_index(theta[p:hi] < 0.5 * (theta[p] + theta[right_min]))
    if a is None or b is None:
        return None
    return lo + a, p + b


def measure_rep(t, theta, p, a, b, rest_lo, rest_hi, exercise, cfg) -> Rep | str:
    """Boundaries of the rep peaking at index p with coarse extent [a, b] (step 6).

    Rest before it is looked for in [rest_lo, a], rest after it in [b, rest_hi).
    Returns a Rep, or a string saying why the excursion is not labelled.
    """
    edge = cfg.get("edge_fraction", EDGE_FRACTION)
    hold_frac = cfg.get("hold_fraction", HOLD_FRACTION)
    hold_min = cfg.get("hold_min_tol_deg", HOLD_MIN_TOL_DEG[exercise])
    rw = int(REST_WINDOW_S * GRID_HZ)
    before = theta[max(rest_lo, a - rw):a + 1]
    after = theta[b:min(rest_hi, b + rw)]
    r_before = float(np.percentile(before, REST_PERCENTILE))
    r_after = float(np.percentile(after, REST_PERCENTILE))
    seg = theta[a:b + 1]
    plateau = float(np.percentile(seg, PLATEAU_PERCENTILE))
    note = ""
    # Posture change: a subject who sits back or gets up right after (or just before)
    # the rep leaves a "rest" far from the other side's. The side farther from the
    # file's rest pose (0 deg) is then not a rest; use the other side's level.
    if abs(r_after - r_before) > POSTURE_CHANGE_FRACTION * (plateau - max(r_before, r_after)):
        if abs(r_after) > abs(r_before):
            r_after = r_before
            note = "posture change after"
        else:
            r_before = r_after
            note = "posture change before"
    height = plateau - min(r_before, r_after)
    tol = max(hold_frac * height, hold_min)
    in_hold = np.flatnonzero(seg >= plateau - tol)
    hs = a + int(in_hold[0])
    he = a + int(in_hold[-1])
    th_s = r_before + edge * (plateau - r_before)
    th_e = r_after + edge * (plateau - r_after)
    s = last_index(theta[rest_lo:hs + 1] <= th_s)
    e = first_index(theta[he:rest_hi] <= th_e)
    if s is None or e is None:
        return "cut off by the file edge (no rest before start or after end)"
    s += rest_lo
    e += he
    if rest_lo == 0 and s < MIN_REST_S * GRID_HZ:
        return "cut off by the file start (less than MIN_REST_S of rest before it)"
    if rest_hi == len(theta) and (len(theta) - 1 - e) < MIN_REST_S * GRID_HZ:
        return "cut off by the file end (less than MIN_REST_S of rest after it)"
    # The edge rule above is judged on the level crossings, which are robust; the
    # refinement below only moves the hold boundaries to where the movement stops/starts.
    if SETTLE_FRACTION:
        hs, he = settle(theta, s, hs, he, e)
    if t[e] - t[s] < MIN_REP_S:
        return f"too quick for a rep ({t[e] - t[s]:.1f} s from start to end): a jolt"
    return Rep(peak=float(t[p]), start=float(t[s]), hold_start=float(t[hs]),
               hold_end=float(t[he]), end=float(t[e]), rest_before=r_before,
               rest_after=r_after, plateau=plateau, note=note)


def settle(theta, s, hs, he, e) -> tuple[int, int]:
    """Moves the hold boundaries from the level band to where the movement stops/starts.

    The level band (step 6) finds the held pose robustly but enters it some way up the
    ramp (85% of a minimum-jerk ramp is reached at 73% of its duration), which makes
    holds 0.5-0.6 s too long against recordings whose truth is known. This puts
    `hold_start` where the rise has stopped and `hold_end` where the descent begins:
    the tilt's speed below `SETTLE_FRACTION` of the transition's peak speed, searched
    inwards from the band edges; the first such sample is taken, so wobble inside the
    hold cannot pull a boundary further. If the tilt never settles (a rep that only
    peaks), the hold collapses to the peak: no hold.
    `start` and `end` keep their level crossings: at rest, drift and breathing move
    as fast as 10% of a slow mover's ramp, so a speed rule there wanders into the rest.
    """
    v = np.gradient(theta) * GRID_HZ  # deg/s
    v_rise = max(float(np.max(v[s:hs + 1])), 1e-9)
    v_fall = max(float(-np.min(v[he:e + 1])), 1e-9)
    k = first_index(v[hs:he + 1] <= SETTLE_FRACTION * v_rise)
    hs2 = hs + k if k is not None else hs + int(np.argmax(theta[hs:he + 1]))
    k = last_index(v[hs2:he + 1] >= -SETTLE_FRACTION * v_fall)
    he2 = hs2 + k if k is not None else hs2
    return hs2, he2


@dataclass
class Result:
    """Everything the labeller found in one recording, for the labels and the plot."""

    name: str
    exercise: str
    placement: str
    t: np.ndarray
    theta: np.ndarray
    off_plane: np.ndarray
    poses: Poses
    reps: list[Rep]
    rejected: list[tuple[float, str]]
    excluded: str | None = None


def exercise_of(name: str, metadata: dict, given: str | None) -> str:
    """The exercise: given on the command line, else `# exercise:`, else the MEx name."""
    exercise = given or metadata.get("exercise")
    if exercise is None:
        parts = name.split("-")
        exercise = EXERCISE_OF_FILE.get(parts[1]) if len(parts) > 1 else None
    if exercise not in MIN_PROMINENCE_DEG:
        raise SystemExit(f"{name}: exercise unknown ({exercise!r}); give --exercise "
                         + "|".join(MIN_PROMINENCE_DEG))
    return exercise


def label_file(path: str, overrides: dict, exercise: str | None = None,
               placement: str | None = None) -> Result:
    """Runs steps 1-8 for one recording."""
    name = os.path.basename(path)
    cfg = overrides.get(name, {})
    rec = read_recording(path)
    exercise = exercise_of(name, rec.metadata, exercise)
    placement = placement or rec.metadata.get("placement", "thigh")
    lowpass(rec)
    poses = estimate_poses(rec, cfg.get("rest_at_s"), cfg.get("held_at_s"))
    t, theta = rec.grid_t, tilt_deg(rec, poses)
    result = Result(name, exercise, placement, t, theta, off_plane_deg(rec, poses), poses,
                    [], [], cfg.get("exclude"))
    if poses.separation_deg < MIN_POSE_SEPARATION_DEG:
        result.excluded = result.excluded or "no second pose: no reps"
    peaks = find_candidates(t, theta, exercise, cfg)
    # Overrides: drop proposals near given times (each documented in the overrides file).
    drop = cfg.get("drop_peaks_s", [])
    after = cfg.get("ignore_after_s", float("inf"))
    kept = []
    for p in peaks:
        if any(abs(t[p] - d) < 1.5 for d in drop):
            result.rejected.append((float(t[p]), "dropped by override"))
        elif t[p] > after:
            result.rejected.append((float(t[p]), "after ignore_after_s (override)"))
        else:
            kept.append(p)
    # Coarse extents, each searched only between its neighbours' peaks.
    extents = []
    for k, p in enumerate(kept):
        lo = kept[k - 1] if k > 0 else 0
        hi = kept[k + 1] if k + 1 < len(kept) else len(theta)
        ext = coarse_extent(theta, p, lo, hi)
        if ext is None:
            result.rejected.append((float(t[p]), "cut off by the file edge"))
        else:
            extents.append((p, *ext))
    # Rest before a rep lies between the previous excursion and it; after, likewise.
    for k, (p, a, b) in enumerate(extents):
        rest_lo = extents[k - 1][2] if k > 0 else 0
        rest_hi = extents[k + 1][1] if k + 1 < len(extents) else len(theta)
        if after < t[-1]:
            # Rest after the last rep is looked for only before the ignored tail.
            rest_hi = min(rest_hi, int(np.searchsorted(t, after)))
        rep = measure_rep(t, theta, p, a, b, rest_lo, rest_hi, exercise, cfg)
        if isinstance(rep, str):
            result.rejected.append((float(t[p]), rep))
        else:
            result.reps.append(rep)
    # Excursions cut off by the file edges have no peak inside the file; note them.
    height = np.median([r.plateau for r in result.reps]) if result.reps else None
    if height is not None:
        if theta[0] > 0.5 * height:
            result.rejected.append((float(t[0]), "file starts inside an excursion"))
        if theta[-1] > 0.5 * height:
            result.rejected.append((float(t[-1]), "file ends inside an excursion"))
    # Overrides: set boundaries by hand for the rep whose peak is nearest `near_s`.
    for fix in cfg.get("set_boundaries", []):
        rep = min(result.reps, key=lambda r: abs(r.peak - fix["near_s"]))
        for key in ("start", "hold_start", "hold_end", "end"):
            if key in fix:
                setattr(rep, key, float(fix[key]))
        rep.note = "boundaries set by override"
        if not rep.start <= rep.hold_start <= rep.hold_end <= rep.end:
            raise SystemExit(f"{name}: override near {fix['near_s']} s leaves the rep's "
                             f"times out of order: {rep.start} {rep.hold_start} "
                             f"{rep.hold_end} {rep.end}")
    return result


def to_labels(result: Result) -> dict:
    """The docs/formats.md labels object; reps grouped into sets by SET_GAP_S."""
    sets: list[list[dict]] = []
    last_end = None
    for rep in sorted(result.reps, key=lambda r: r.start):
        if last_end is None or rep.start - last_end > SET_GAP_S:
            sets.append([])
        sets[-1].append({
            "start": round(rep.start, TIME_DECIMALS),
            "hold_start": round(rep.hold_start, TIME_DECIMALS),
            "hold_end": round(rep.hold_end, TIME_DECIMALS),
            "end": round(rep.end, TIME_DECIMALS),
            # Which thigh wore the sensor is not recorded in MEx, so the side of a
            # bird-dog rep is unknown (see Recordings/mex/README.md).
            "side": None,
        })
        last_end = rep.end
    return {"exercise": result.exercise, "placement": result.placement,
            "sets": [{"reps": reps} for reps in sets]}


def labels_text(labels: dict) -> str:
    return json.dumps(labels, indent=2) + "\n"


# ---------------------------------------------------------------------------------------
# Plot
# ---------------------------------------------------------------------------------------

def plot(result: Result, path: str) -> None:
    """Tilt trace with the proposed boundaries, for the check by eye."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(18, 4.5))
    ax.plot(result.t, result.off_plane, color="0.6", lw=0.8, label="off-plane (deg)")
    ax.plot(result.t, result.theta, "k", lw=0.8, label="tilt from rest (deg)")
    for i, r in enumerate(result.reps, 1):
        ax.axvspan(r.start, r.end, color="tab:blue", alpha=0.12)
        ax.axvspan(r.hold_start, r.hold_end, color="tab:green", alpha=0.25)
        for x, c in ((r.start, "tab:blue"), (r.end, "tab:blue"),
                     (r.hold_start, "tab:green"), (r.hold_end, "tab:green")):
            ax.axvline(x, color=c, lw=0.8)
        ax.text(r.peak, r.plateau, f"{i}\n{r.hold_end - r.hold_start:.1f}s\n{r.note}",
                ha="center", va="bottom", fontsize=8)
        ax.hlines([r.rest_before], r.start - 1, r.start, color="tab:red", lw=1)
        ax.hlines([r.rest_after], r.end, r.end + 1, color="tab:red", lw=1)
    for tp, why in result.rejected:
        ax.axvline(tp, color="tab:red", ls="--", lw=1)
        ax.text(tp, ax.get_ylim()[1], why[:30], color="tab:red", fontsize=7,
                rotation=90, va="top")
    title = (f"{result.name}: {len(result.reps)} reps ({result.exercise}, thigh); "
             f"rest/held poses {result.poses.separation_deg:.0f} deg apart")
    if result.excluded:
        title += f"  EXCLUDED: {result.excluded}"
    ax.set_title(title)
    ax.set_xlabel("time_s")
    ax.set_ylabel("deg")
    ax.set_xlim(result.t[0], result.t[-1])
    ax.legend(loc="lower left", fontsize=8)
    # 5 s grid for MEx-length files; coarser for long sessions so the labels stay legible.
    span = result.t[-1] - result.t[0]
    major = 5 if span <= 150 else 30 if span <= 900 else 120
    ax.xaxis.set_major_locator(matplotlib.ticker.MultipleLocator(major))
    ax.xaxis.set_minor_locator(matplotlib.ticker.MultipleLocator(major / 5))
    ax.grid(True, which="major", alpha=0.4)
    ax.grid(True, which="minor", alpha=0.15)
    fig.tight_layout()
    fig.savefig(path, dpi=70)
    plt.close(fig)


# ---------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------

def validate_labels(labels: dict) -> list[str]:
    """Problems with a labels object against docs/formats.md (empty if none)."""
    problems = []
    if labels.get("exercise") not in ("bridge", "bird-dog", "wall-sit"):
        problems.append(f"exercise {labels.get('exercise')!r}")
    if labels.get("placement") not in ("thigh", "hip", "lower-back"):
        problems.append(f"placement {labels.get('placement')!r}")
    sets = labels.get("sets")
    if not isinstance(sets, list):
        return problems + ["sets is not a list"]
    last = -np.inf
    for si, st in enumerate(sets, 1):
        for ri, rep in enumerate(st.get("reps", []), 1):
            keys = ("start", "hold_start", "hold_end", "end")
            times = [rep.get(k) for k in keys]
            if not all(isinstance(x, (int, float)) for x in times):
                problems.append(f"set {si} rep {ri}: a time is missing or not a number")
                continue
            if not (last <= times[0] <= times[1] <= times[2] <= times[3]):
                problems.append(f"set {si} rep {ri}: times out of order {times}")
            if rep.get("side", "missing") not in (None, "left", "right"):
                problems.append(f"set {si} rep {ri}: side {rep.get('side')!r}")
            last = times[3]
    return problems


def mex_sources(src: str, names: list[str]) -> list[str]:
    """The MEx bridge and superman recordings in src (or the named ones)."""
    if names:
        return [os.path.join(src, os.path.basename(n)) for n in names]
    if not os.path.isdir(src):
        return []
    return sorted(os.path.join(src, f) for f in os.listdir(src)
                  if f.endswith("-thigh.csv") and f.split("-")[1] in EXERCISE_OF_FILE)


def write_outputs(result: Result, source: str, out_csv: str | None, out_json: str,
                  plot_path: str) -> None:
    """Plot, labels and (unless labelling in place) the CSV copy."""
    os.makedirs(os.path.dirname(plot_path) or ".", exist_ok=True)
    plot(result, plot_path)
    if result.excluded:
        for p in (out_csv, out_json):
            if p and os.path.exists(p):
                os.remove(p)
        print(f"{result.name}: excluded: {result.excluded}")
        return
    if out_csv and os.path.abspath(out_csv) != os.path.abspath(source):
        shutil.copyfile(source, out_csv)
    with open(out_json, "w", encoding="utf-8") as f:
        f.write(labels_text(to_labels(result)))
    print(f"{result.name}: {len(result.reps)} reps; not labelled: "
          + ("; ".join(f"{tp:.1f}s {why}" for tp, why in result.rejected) or "-"))


def check(args, overrides: dict) -> int:
    """Re-derives every committed label file and compares it byte for byte.

    Labels are derived from the committed CSV copy (so the check runs on a fresh
    clone without the dataset); when the MEx source folder is present, the copies
    are also compared with it, and a source file without labels must be excluded
    by an override.
    """
    failures = 0
    worst = 0.0
    names = {f for f in os.listdir(args.out) if f.endswith(".csv")}
    sources = {os.path.basename(p): p for p in mex_sources(args.src, args.files)}
    if args.files:
        names &= {os.path.basename(n) for n in args.files}
    for name in sorted(names | set(sources)):
        copy = os.path.join(args.out, name)
        out_json = copy[:-4] + ".labels.json"
        result = label_file(copy if os.path.exists(copy) else sources[name], overrides)
        if result.excluded:
            if os.path.exists(out_json) or os.path.exists(copy):
                print(f"FAIL {name}: excluded ({result.excluded}) but its files exist")
                failures += 1
            else:
                print(f"ok   {name}: excluded ({result.excluded})")
            continue
        problems = []
        if not os.path.exists(out_json):
            problems.append("labels missing")
        else:
            with open(out_json, encoding="utf-8") as f:
                committed = f.read()
            diff = labels_difference(json.loads(committed), to_labels(result))
            if diff is not None:
                problems.append(f"labels differ from the tool's: {diff} (run label_mex.py, "
                                "review the plots, commit)")
            else:
                worst = max(worst, max_time_difference(json.loads(committed),
                                                       to_labels(result)))
            problems += validate_labels(json.loads(committed))
        if not os.path.exists(copy):
            problems.append("CSV copy missing")
        elif name in sources and not filecmp.cmp(sources[name], copy, shallow=False):
            problems.append("CSV copy differs from the source")
        if problems:
            print(f"FAIL {name}: " + "; ".join(problems))
            failures += 1
        else:
            print(f"ok   {name}: {len(result.reps)} reps")
    if not names and not sources:
        print(f"FAIL nothing to check in {args.out}")
        failures += 1
    print("check: " + (f"all labels reproduce (largest time difference {worst:.3f} s, "
                        f"tolerance {CHECK_TOLERANCE_S} s)" if failures == 0
                        else f"{failures} FAILED"))
    return 1 if failures else 0


def _times(labels: dict) -> list[list[list[float]]]:
    return [[[rep[k] for k in ("start", "hold_start", "hold_end", "end")]
             for rep in st["reps"]] for st in labels["sets"]]


def max_time_difference(a: dict, b: dict) -> float:
    """Largest difference between corresponding label times (same structure assumed)."""
    diffs = [abs(x - y) for sa, sb in zip(_times(a), _times(b)) for ra, rb in zip(sa, sb)
             for x, y in zip(ra, rb)]
    return max(diffs, default=0.0)


def labels_difference(committed: dict, derived: dict) -> str | None:
    """What differs between two labels objects, or None if they agree.

    Exercise, placement, sets, rep counts and sides must be identical; times may differ
    by `CHECK_TOLERANCE_S`, so that another numpy/scipy build (Debian's packages in CI)
    moving a threshold crossing by a sample does not fail the check.
    """
    for key in ("exercise", "placement"):
        if committed.get(key) != derived.get(key):
            return f"{key} {committed.get(key)!r} != {derived.get(key)!r}"
    ca, da = committed.get("sets", []), derived.get("sets", [])
    if [len(st["reps"]) for st in ca] != [len(st["reps"]) for st in da]:
        return (f"reps per set {[len(st['reps']) for st in ca]} != "
                f"{[len(st['reps']) for st in da]}")
    for si, (sc, sd) in enumerate(zip(ca, da), 1):
        for ri, (rc, rd) in enumerate(zip(sc["reps"], sd["reps"]), 1):
            if rc.get("side") != rd.get("side"):
                return f"set {si} rep {ri} side"
            for k in ("start", "hold_start", "hold_end", "end"):
                if abs(rc[k] - rd[k]) > CHECK_TOLERANCE_S + 1e-9:
                    return f"set {si} rep {ri} {k} {rc[k]} != {rd[k]}"
    return None


def stats(results: list[Result]) -> None:
    """Reps, hold durations and tilt amplitudes per file and per exercise."""
    print(f"{'file':28} {'reps':>4} {'hold s min/med/max':>20} {'tilt deg min/med/max':>22}")
    for r in results:
        holds = [x.hold_end - x.hold_start for x in r.reps]
        amps = [x.amplitude for x in r.reps]
        if r.excluded or not holds:
            print(f"{r.name:28} {len(holds):4d} {r.excluded or ''}")
            continue
        print(f"{r.name:28} {len(holds):4d} {min(holds):6.1f} {np.median(holds):6.1f} "
              f"{max(holds):6.1f}   {min(amps):6.1f} {np.median(amps):6.1f} {max(amps):6.1f}")
    for ex in ("bridge", "bird-dog", "wall-sit"):
        rs = [r for r in results if r.exercise == ex and not r.excluded]
        hs = [x.hold_end - x.hold_start for r in rs for x in r.reps]
        am = [x.amplitude for r in rs for x in r.reps]
        rep_s = [x.end - x.start for r in rs for x in r.reps]
        if hs:
            q = lambda v, f: "/".join(f.format(x) for x in np.percentile(v, [0, 10, 50, 90, 100]))
            print(f"{ex}: {len(rs)} files, {len(hs)} reps; min/p10/median/p90/max: "
                  f"hold s {q(hs, '{:.1f}')}; rep s {q(rep_s, '{:.1f}')}; "
                  f"tilt deg {q(am, '{:.0f}')}")


def compare(paths: list[str]) -> int:
    """Labels recordings whose truth is known (generated ones) and reports the errors.

    This is how the boundary rules were checked: the tool runs without overrides on each
    `NAME.csv` that has `NAME.labels.json`, its reps are matched to the true ones by
    largest time overlap, and the signed errors of each boundary and of the hold
    duration are summarised per exercise and placement. The rest pose is taken at the
    middle of the first true rest, because choosing it is the human's job in the
    procedure (`rest_at_s`), not what is being measured. Bird dog on the lower back is
    skipped: the tool does not handle two-sided rolls.
    """
    groups: dict[tuple[str, str], dict] = {}
    for path in paths:
        labels_path = path[:-4] + ".labels.json"
        if not path.endswith(".csv") or not os.path.exists(labels_path):
            continue
        with open(labels_path, encoding="utf-8") as f:
            truth_labels = json.load(f)
        key = (truth_labels["exercise"], truth_labels["placement"])
        if key == ("bird-dog", "lower-back"):
            continue
        truth = [r for st in truth_labels["sets"] for r in st["reps"]]
        cfg = {}
        if len(truth) >= 2:
            cfg["rest_at_s"] = 0.5 * (truth[0]["end"] + truth[1]["start"])
            cfg["held_at_s"] = 0.5 * (truth[0]["hold_start"] + truth[0]["hold_end"])
        result = label_file(path, {os.path.basename(path): cfg},
                            truth_labels["exercise"], truth_labels["placement"])
        g = groups.setdefault(key, {"files": 0, "truth": 0, "missed": 0, "extra": 0, "err": []})
        g["files"] += 1
        g["truth"] += len(truth)
        used = set()
        for tr in truth:
            overlap = lambda r: min(r.end, tr["end"]) - max(r.start, tr["start"])
            cands = [r for r in result.reps if overlap(r) > 0]
            if not cands:
                g["missed"] += 1
                continue
            r = max(cands, key=overlap)
            used.add(id(r))
            g["err"].append((r.start - tr["start"], r.hold_start - tr["hold_start"],
                             r.hold_end - tr["hold_end"], r.end - tr["end"],
                             (r.hold_end - r.hold_start) - (tr["hold_end"] - tr["hold_start"])))
        g["extra"] += sum(1 for r in result.reps if id(r) not in used)
    if not groups:
        raise SystemExit("no labelled recordings to compare with")
    print("exercise/placement   files  true  missed  extra | median error s: start hold_start "
          "hold_end end | hold duration: median error, MAE, p90 |error|")
    for (ex, pl), g in sorted(groups.items()):
        e = np.array(g["err"]).reshape(-1, 5)
        med = np.median(e, axis=0)
        hold = np.abs(e[:, 4])
        print(f"{ex + '/' + pl:20} {g['files']:5d} {g['truth']:5d} {g['missed']:7d} "
              f"{g['extra']:6d} | {med[0]:+.2f} {med[1]:+.2f} {med[2]:+.2f} {med[3]:+.2f} | "
              f"{med[4]:+.2f} {hold.mean():.2f} {np.percentile(hold, 90):.2f}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n")[0],
        epilog="Without --label: labels the MEx bridges and bird dogs from SRC into OUT.")
    ap.add_argument("files", nargs="*", help="MEx file names (default: every bridge and superman)")
    ap.add_argument("--src", default=DEFAULT_SRC, help="MEx recordings (default %(default)s)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="labels and CSV copies (default %(default)s)")
    ap.add_argument("--plots", default=None, help="plot folder (default OUT/plots, not in git)")
    ap.add_argument("--overrides", default=DEFAULT_OVERRIDES)
    ap.add_argument("--check", action="store_true",
                    help="re-derive the labels in OUT and compare; write nothing; exit 1 on a difference")
    ap.add_argument("--stats", action="store_true", help="print per-file figures; write nothing")
    ap.add_argument("--label", metavar="FILE.csv",
                    help="label your own recording in place: writes FILE.labels.json and FILE.png")
    ap.add_argument("--exercise", choices=sorted(MIN_PROMINENCE_DEG),
                    help="with --label: the exercise (default: the file's '# exercise:' line)")
    ap.add_argument("--rest-at", type=float, metavar="SECONDS",
                    help="with --label: a time at which the subject is at rest (default: the "
                         "pose with the most still time; give it when holds outlast rests)")
    ap.add_argument("--held-at", type=float, metavar="SECONDS",
                    help="with --label: a time in the middle of a hold (default: the samples "
                         "farthest from rest; give it when the file has sets with sitting up "
                         "or standing between them)")
    ap.add_argument("--placement", choices=("thigh", "hip", "lower-back"),
                    help="with --label: the placement (default: '# placement:', else thigh)")
    ap.add_argument("--compare", nargs="+", metavar="FILE.csv",
                    help="label recordings with known truth (e.g. generated) and report errors")
    args = ap.parse_args()

    overrides = {}
    if os.path.exists(args.overrides):
        with open(args.overrides, encoding="utf-8") as f:
            overrides = {k: v for k, v in json.load(f).items() if not k.startswith("_")}
    if args.compare:
        return compare(args.compare)
    if args.label:
        if args.exercise == "bird-dog" and args.placement == "lower-back":
            raise SystemExit("bird dog on the lower back: this tool finds one-sided tilts "
                             "and cannot tell sides; label that from the plot by hand")
        if args.rest_at is not None:
            entry = overrides.setdefault(os.path.basename(args.label), {})
            entry["rest_at_s"] = args.rest_at
        if args.held_at is not None:
            entry = overrides.setdefault(os.path.basename(args.label), {})
            entry["held_at_s"] = args.held_at
        result = label_file(args.label, overrides, args.exercise, args.placement)
        stem = args.label[:-4] if args.label.endswith(".csv") else args.label
        write_outputs(result, args.label, None, stem + ".labels.json", stem + ".png")
        print(f"check the plot {stem}.png by eye; correct by an entry in {args.overrides}")
        return 0
    if args.check:
        return check(args, overrides)
    sources = mex_sources(args.src, args.files)
    if not sources:
        raise SystemExit(f"no MEx recordings in {args.src}")
    results = [label_file(p, overrides) for p in sources]
    if args.stats:
        stats(results)
        return 0
    plots = args.plots or os.path.join(args.out, "plots")
    os.makedirs(args.out, exist_ok=True)
    for path, result in zip(sources, results):
        out_csv = os.path.join(args.out, result.name)
        write_outputs(result, path, out_csv, out_csv[:-4] + ".labels.json",
                      os.path.join(plots, result.name[:-4] + ".png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
