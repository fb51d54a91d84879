"""Tests of mex_variants.py on a labelled MEx recording (run: python3 -m pytest -q Recordings/tools).

A variant must keep what the labels say true: the same motion, seen through another
strap rotation and sensor, on a time axis stretched with its labels.
"""

import json
import os

import numpy as np

import mex_variants as V

SOURCE = os.path.join(V.MEX, "s01-bridge-thigh.csv")


def source():
    rec = V.read_recording(SOURCE)
    with open(SOURCE[:-4] + ".labels.json", encoding="utf-8") as fh:
        return rec.time, rec.accel, json.load(fh)


def reps(labels):
    return [r for s in labels["sets"] for r in s["reps"]]


def test_labels_stretch_with_the_time_axis():
    t, a, labels = source()
    v = V.make_variant(t, a, labels, 7)
    tv, lv, stretch = v.time, v.labels, v.stretch
    assert 0.8 <= stretch <= 1.25
    assert abs(tv[-1] - t[-1] * stretch) < 0.5
    for r0, r1 in zip(reps(labels), reps(lv)):
        # The labels are rounded to the millisecond.
        assert abs(r1["start"] - r0["start"] * stretch) < 0.03
        assert abs(r1["hold_end"] - r0["hold_end"] * stretch) < 0.03
    assert len(reps(lv)) == len(reps(labels))


def test_the_motion_is_kept_and_only_turned():
    """The angle between gravity at rest and at a labelled hold (1 s means) is the
    same in the variant: a rotation keeps angles; noise and bias move them little."""
    t, a, labels = source()
    v = V.make_variant(t, a, labels, 11)
    tv, av, lv = v.time, v.accel, v.labels

    def angle(tt, aa, rep):
        rest = aa[(tt > rep["start"] - 1.0) & (tt < rep["start"])].mean(axis=0)
        hold = aa[(tt >= rep["hold_start"]) & (tt <= rep["hold_end"])].mean(axis=0)
        c = rest @ hold / np.linalg.norm(rest) / np.linalg.norm(hold)
        return np.degrees(np.arccos(np.clip(c, -1, 1)))

    r0, r1 = reps(labels)[2], reps(lv)[2]
    assert abs(angle(t, a, r0) - angle(tv, av, r1)) < 3


def test_the_strap_is_turned_every_which_way():
    """Gravity at rest points elsewhere in the variants' frames: over the variants of
    one recording the angle to the source's is spread over the sphere (a uniformly
    rotated vector is uniform on it: 90 degrees from where it was, on average)."""
    t, a, labels = source()
    first = reps(labels)[0]
    g0 = a[t < first["start"]].mean(axis=0)
    turned = []
    for seed in range(20):
        v = V.make_variant(t, a, labels, seed)
        g1 = v.accel[v.time < reps(v.labels)[0]["start"]].mean(axis=0)
        turned.append(np.degrees(np.arccos(np.clip(g0 @ g1 / np.linalg.norm(g0) / np.linalg.norm(g1), -1, 1))))
    assert 60 < np.mean(turned) < 150


def test_files_follow_the_shared_format_and_are_reproducible(tmp_path):
    V.main(["--out", str(tmp_path / "a"), "--variants", "1", "--seed-offset", "5"])
    V.main(["--out", str(tmp_path / "b"), "--variants", "1", "--seed-offset", "5"])
    names = sorted(os.listdir(tmp_path / "a"))
    assert names == sorted(os.listdir(tmp_path / "b"))
    assert len([n for n in names if n.endswith(".csv")]) == 30
    first = tmp_path / "a" / "s01-bridge-thigh-v0.csv"
    assert first.read_bytes() == (tmp_path / "b" / "s01-bridge-thigh-v0.csv").read_bytes()
    lines = first.read_text().splitlines()
    assert lines[0].startswith("# source: variant of s01-bridge-thigh.csv")
    assert "# exercise: bridge" in lines and "# placement: thigh" in lines
    header = [ln for ln in lines if not ln.startswith("#")][0]
    assert header == "time_s,accel_x,accel_y,accel_z"
    rec = V.read_recording(str(first))  # the shared reader: a format error fails here
    t, a = rec.time, rec.accel
    assert np.all(np.diff(t) >= 0) and np.all(np.isfinite(a))
    g = np.linalg.norm(a, axis=1)
    assert 8.5 < np.median(g) < 11.0
