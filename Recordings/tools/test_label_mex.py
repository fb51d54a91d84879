"""Tests for label_mex.py on recordings with a known answer.

Each test writes a real CSV file (sensor at a random rotation, noise, timing jitter,
repeated timestamps), runs the labeller on it and compares with the reps that were put
in. Run: `python3 -m pytest Recordings/tools`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import label_mex  # noqa: E402

TOOL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "label_mex.py")
G = 9.81


def rotation(rng: np.random.Generator) -> np.ndarray:
    """A random rotation matrix: the strap may sit any way round."""
    q, r = np.linalg.qr(rng.normal(size=(3, 3)))
    q = q @ np.diag(np.sign(np.diag(r)))
    return q if np.linalg.det(q) > 0 else -q


def ramp(x: np.ndarray) -> np.ndarray:
    """Smooth 0 -> 1 over x in [0, 1] (raised cosine)."""
    return 0.5 - 0.5 * np.cos(np.pi * np.clip(x, 0.0, 1.0))


def tilt_profile(t, reps, amplitude_deg, rise_s, fall_s):
    """Tilt (deg) for reps given as (start, hold_start, hold_end, end) of the true motion."""
    theta = np.zeros_like(t)
    for s, hs, he, e in reps:
        up = ramp((t - s) / (hs - s))
        down = 1.0 - ramp((t - he) / (e - he))
        theta += amplitude_deg * np.where(t < he, up, down) * ((t >= s) & (t <= e))
    return theta


def write_recording(path, t, theta_deg, rng, exercise, noise=0.08, dup_every=37):
    """Gravity tilted by theta about a fixed axis, seen by a rotated, noisy sensor."""
    th = np.radians(theta_deg)
    body = np.column_stack([np.sin(th) * G, np.zeros_like(th), np.cos(th) * G])
    accel = body @ rotation(rng).T + rng.normal(scale=noise, size=body.shape)
    # Uneven timing as on the AX3: jitter, and every dup_every-th timestamp repeated.
    times = t + rng.uniform(-0.002, 0.002, size=t.shape)
    times[0] = 0.0
    times = np.maximum.accumulate(np.round(times, 3))
    times[dup_every::dup_every] = times[dup_every - 1:-1:dup_every]
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# exercise: {exercise}\n# placement: thigh\n")
        f.write("time_s,accel_x,accel_y,accel_z\n")
        for ti, (x, y, z) in zip(times, accel):
            f.write(f"{ti:.3f},{x:.4f},{y:.4f},{z:.4f}\n")


def covered(result, reps):
    """For each true rep, whether exactly one labelled rep spans its hold's middle."""
    return [sum(r.start <= 0.5 * (hs + he) <= r.end for r in result.reps) == 1
            for _, hs, he, _ in reps]


TRUE_REPS = [(4.0, 5.5, 10.5, 12.0), (17.0, 19.0, 22.0, 24.0), (29.0, 30.2, 30.8, 32.0),
             (37.0, 38.5, 44.5, 46.5)]


def expected(rep, edge=label_mex.EDGE_FRACTION, settle=label_mex.SETTLE_FRACTION):
    """Where the documented rules put the boundaries of an ideal raised-cosine rep.

    start/end: where the ramp crosses `edge` of the height; hold_start/hold_end: where
    the ramp's speed (proportional to sin(pi x)) is down to `settle` of its peak.
    """
    s, hs, he, e = rep
    level = lambda p: np.arccos(1 - 2 * p) / np.pi  # inverse of ramp()
    slow = np.arcsin(settle) / np.pi  # fraction of the ramp left when speed < settle*peak
    return (s + level(edge) * (hs - s), hs - slow * (hs - s),
            he + slow * (e - he), he + level(1 - edge) * (e - he))


@pytest.mark.parametrize("exercise,amplitude", [("bridge", 12.0), ("bird-dog", 75.0)])
def test_recovers_reps_and_boundaries(tmp_path, exercise, amplitude):
    rng = np.random.default_rng(7)
    t = np.arange(0, 50, 0.0097)
    path = tmp_path / f"syn-{exercise}.csv"
    write_recording(path, t, tilt_profile(t, TRUE_REPS, amplitude, 1.5, 1.5), rng, exercise)
    result = label_mex.label_file(str(path), {})
    assert result.exercise == exercise
    assert len(result.reps) == len(TRUE_REPS)
    for got, rep in zip(result.reps, TRUE_REPS):
        want = expected(rep)
        have = (got.start, got.hold_start, got.hold_end, got.end)
        assert np.allclose(have, want, atol=0.15), (have, want)
        assert abs(got.amplitude - amplitude) < 0.1 * amplitude


def test_rep_cut_off_by_file_edges_is_not_labelled(tmp_path):
    rng = np.random.default_rng(3)
    t = np.arange(0, 40, 0.01)
    # Starts inside a hold, ends on the way up into a last rep.
    reps = [(-3.0, -1.5, 2.0, 3.5), (9.0, 10.5, 15.0, 16.5), (22.0, 23.5, 28.0, 29.5),
            (37.5, 39.0, 44.0, 45.5)]
    path = tmp_path / "edges.csv"
    write_recording(path, t, tilt_profile(t, reps, 15.0, 1.5, 1.5), rng, "bridge")
    result = label_mex.label_file(str(path), {})
    assert covered(result, reps) == [False, True, True, False]
    whys = " ".join(why for _, why in result.rejected)
    assert "starts inside" in whys and "ends inside" in whys


def test_bird_dog_other_leg_is_not_counted(tmp_path):
    rng = np.random.default_rng(11)
    t = np.arange(0, 60, 0.01)
    big = [(3.0, 4.5, 8.5, 10.0), (23.0, 24.5, 28.5, 30.0), (43.0, 44.5, 48.5, 50.0)]
    small = [(13.0, 14.5, 18.5, 20.0), (33.0, 34.5, 38.5, 40.0)]  # the other leg
    theta = tilt_profile(t, big, 80.0, 1.5, 1.5) + tilt_profile(t, small, 6.0, 1.5, 1.5)
    path = tmp_path / "other-leg.csv"
    write_recording(path, t, theta, rng, "bird-dog")
    result = label_mex.label_file(str(path), {})
    assert len(result.reps) == 3
    labels = label_mex.to_labels(result)
    assert all(rep["side"] is None for s in labels["sets"] for rep in s["reps"])
    assert label_mex.validate_labels(labels) == []


def test_jolt_is_not_a_rep(tmp_path):
    rng = np.random.default_rng(5)
    t = np.arange(0, 30, 0.01)
    reps = [(4.0, 5.5, 9.0, 10.5), (15.0, 15.3, 15.4, 15.7), (20.0, 21.5, 25.0, 26.5)]
    path = tmp_path / "jolt.csv"
    write_recording(path, t, tilt_profile(t, reps, 10.0, 1.5, 1.5), rng, "bridge")
    result = label_mex.label_file(str(path), {})
    assert covered(result, reps) == [True, False, True]
    assert len(result.reps) == 2


def test_override_sets_boundary_and_rejects_disorder(tmp_path):
    rng = np.random.default_rng(2)
    t = np.arange(0, 20, 0.01)
    path = tmp_path / "ovr.csv"
    write_recording(path, t, tilt_profile(t, [TRUE_REPS[0]], 12.0, 1.5, 1.5), rng, "bridge")
    fix = {"ovr.csv": {"reason": "test", "set_boundaries": [{"near_s": 8, "hold_end": 10.0}]}}
    assert label_mex.label_file(str(path), fix).reps[0].hold_end == 10.0
    bad = {"ovr.csv": {"reason": "test", "set_boundaries": [{"near_s": 8, "hold_end": 13.0}]}}
    with pytest.raises(SystemExit, match="out of order"):
        label_mex.label_file(str(path), bad)


def test_check_detects_edited_labels(tmp_path):
    rng = np.random.default_rng(9)
    t = np.arange(0, 50, 0.01)
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    write_recording(src / "s99-bridge-thigh.csv", t,
                    tilt_profile(t, TRUE_REPS, 12.0, 1.5, 1.5), rng, "bridge")
    ovr = tmp_path / "ovr.json"
    ovr.write_text("{}")
    common = ["--src", str(src), "--out", str(out), "--overrides", str(ovr),
              "--plots", str(tmp_path / "plots")]
    subprocess.run([sys.executable, TOOL, *common], check=True, capture_output=True)
    assert (tmp_path / "plots" / "s99-bridge-thigh.png").exists()
    ok = subprocess.run([sys.executable, TOOL, "--check", *common], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout
    labels_path = out / "s99-bridge-thigh.labels.json"
    labels = json.loads(labels_path.read_text())
    # Within the tolerance (one sample): still passes.
    labels["sets"][0]["reps"][0]["hold_end"] += 0.01
    labels_path.write_text(json.dumps(labels, indent=2) + "\n")
    ok = subprocess.run([sys.executable, TOOL, "--check", *common], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout
    labels["sets"][0]["reps"][0]["hold_end"] += 0.5
    labels_path.write_text(json.dumps(labels, indent=2) + "\n")
    bad = subprocess.run([sys.executable, TOOL, "--check", *common], capture_output=True, text=True)
    assert bad.returncode == 1 and "labels differ" in bad.stdout
    # Without the source folder the check derives from the committed copy.
    shutil.rmtree(src)
    bad = subprocess.run([sys.executable, TOOL, "--check", *common], capture_output=True, text=True)
    assert bad.returncode == 1 and "labels differ" in bad.stdout
    # A dropped rep is a difference in structure, whatever the tolerance.
    del labels["sets"][0]["reps"][-1]
    labels_path.write_text(json.dumps(labels, indent=2) + "\n")
    bad = subprocess.run([sys.executable, TOOL, "--check", *common], capture_output=True, text=True)
    assert bad.returncode == 1 and "reps per set" in bad.stdout
