"""Tests of stress_sim.py on short sessions made for the test (run: python3 -m pytest -q Recordings/tools).

They check what the labels promise against the signal the tool writes, from the
written files (not from the tool's internals): a labelled hold is far from rest, the
time between reps is at rest, the file obeys the shared format, output is
reproducible, and a clock error stretches the labels with the time axis.
"""

import json
import os

import numpy as np
import pytest

import stress_sim as S


def spec(**kw):
    """A short, clean session: low-noise device, no dropouts, no slip."""
    s = dict(name="test-" + kw.get("exercise", "bridge"), seed=1234, exercise="bridge",
             placement="hip", rate=100, device="adxl355", sets=[4],
             profile=dict(hold=(4, 5), rest=(4, 5)), slip_deg=0, note="test",
             clock_error=0.0)
    s.update(kw)
    return s


def write(tmp_path, sp):
    out, stamp, f, labels = S.generate(sp)
    S.write(out, stamp, f, labels, str(tmp_path))
    base = os.path.join(str(tmp_path), sp["name"])
    t, a = S.read_csv(base + ".csv")
    with open(base + ".labels.json", encoding="utf-8") as fh:
        return t, a, json.load(fh), base


def tilt_deg(t, a, rest_window):
    """Angle of the (0.5 s mean) gravity direction away from its mean in rest_window."""
    k = max(1, int(0.5 * len(t) / (t[-1] - t[0])))
    af = np.column_stack([np.convolve(a[:, i], np.ones(k) / k, "same") for i in range(3)])
    m = (t >= rest_window[0]) & (t < rest_window[1])
    g0 = a[m].mean(0)
    g0 /= np.linalg.norm(g0)
    u = af / np.linalg.norm(af, axis=1)[:, None]
    return np.degrees(np.arccos(np.clip(u @ g0, -1, 1)))


def at(t, x, when):
    return float(np.interp(when, t, x))


@pytest.mark.parametrize("exercise,placement,amp", [
    ("bridge", "hip", 25), ("bridge", "thigh", 15), ("wall-sit", "thigh", 70),
])
def test_labelled_holds_are_far_from_rest_and_gaps_are_at_rest(tmp_path, exercise, placement, amp):
    t, a, labels, _ = write(tmp_path, spec(exercise=exercise, placement=placement, subject=dict(amp=amp)))
    reps = [r for s in labels["sets"] for r in s["reps"]]
    assert len(reps) == 4
    first = reps[0]
    x = tilt_deg(t, a, (first["start"] - 2.0, first["start"] - 0.5))
    for r in reps:
        mid = (r["hold_start"] + r["hold_end"]) / 2
        assert at(t, x, mid) > 0.75 * amp, (r, at(t, x, mid))
        assert at(t, x, r["hold_start"]) > 0.75 * amp
        assert at(t, x, r["start"] - 0.5) < 0.2 * amp
    for r, nxt in zip(reps, reps[1:]):
        assert at(t, x, (r["end"] + nxt["start"]) / 2) < 0.2 * amp


def test_recording_obeys_the_shared_format(tmp_path):
    sp = spec(stamps="burst", burst=16, rate=200, random_gaps=2, device="adxl345-16g")
    t, a, labels, base = write(tmp_path, sp)
    with open(base + ".csv", encoding="utf-8") as fh:
        head = [next(fh) for _ in range(9)]
    assert head[0] == "# exercise: bridge\n"
    assert head[1] == "# placement: hip\n"
    assert head[2] == "# sample_rate_hz: 200\n"
    assert "# generator: stress_sim.py\n" in head and "# seed: 1234\n" in head
    assert "time_s,accel_x,accel_y,accel_z\n" in head
    assert np.all(np.diff(t) >= 0), "time must not go backwards"
    assert np.all(np.isfinite(a))
    lsb = 2 * 16 * S.G / 2 ** 12
    assert np.allclose(np.round(a / lsb) * lsb, a, atol=1e-3), "12-bit counts at +-16 g"
    assert np.max(np.diff(t)) > 0.4, "the dropouts are in the file"
    assert S.check_labels(labels, t[-1]) == []


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    one = S.generate(spec())[1:3]
    two = S.generate(spec())[1:3]
    other = S.generate(spec(seed=99))[1:3]
    assert np.array_equal(one[0], two[0]) and np.array_equal(one[1], two[1])
    assert len(one[0]) != len(other[0]) or not np.array_equal(one[1], other[1])


def test_seed_offset_moves_every_seed(tmp_path):
    name = S.CATALOGUE[0]["name"]
    assert S.main(["--out", str(tmp_path), "--only", name, "--seed-offset", "7000"]) == 0
    header = open(tmp_path / f"{name}.csv").read().split("\n")
    assert f"# seed: {S.CATALOGUE[0]['seed'] + 7000}" in header


def test_clock_error_with_index_stamps_stretches_the_labels():
    slow = S.generate(spec(stamps="index", clock_error=-0.01))[3]
    true = S.generate(spec(stamps="index", clock_error=0.0))[3]
    rs = [r for s in slow["sets"] for r in s["reps"]]
    rt = [r for s in true["sets"] for r in s["reps"]]
    for a_, b_ in zip(rs, rt):
        # a device clock 1 % slow writes 1 % fewer samples per second: at the nominal
        # rate every duration on the file's axis is 1 % shorter
        ratio = (a_["end"] - a_["start"]) / (b_["end"] - b_["start"])
        assert ratio == pytest.approx(0.99, abs=0.002)


def test_thigh_bird_dog_labels_only_the_instrumented_leg(tmp_path):
    sp = spec(exercise="bird-dog", placement="thigh", instrumented_side="left", sets=[3],
              subject=dict(amp=80), name="test-bd-thigh")
    t, a, labels, base = write(tmp_path, sp)
    reps = [r for s in labels["sets"] for r in s["reps"]]
    assert len(reps) == 3 and all(r["side"] == "left" for r in reps)
    with open(base + ".csv", encoding="utf-8") as fh:
        assert "# instrumented_side: left\n" in fh.read(400)
    x = tilt_deg(t, a, (reps[0]["start"] - 2.0, reps[0]["start"] - 0.5))
    # the other leg's rep between two labelled ones moves this thigh only a little
    between = (t > reps[0]["end"] + 0.5) & (t < reps[1]["start"] - 0.5)
    assert np.max(x[between]) < 15
    assert at(t, x, (reps[0]["hold_start"] + reps[0]["hold_end"]) / 2) > 60


def test_file_cut_inside_a_rep_leaves_that_rep_unlabelled():
    full = S.generate(spec(sets=[5]))[3]
    cut = S.generate(spec(sets=[5], cut_start=1.0))[3]
    assert sum(len(s["reps"]) for s in full["sets"]) == 5
    assert sum(len(s["reps"]) for s in cut["sets"]) == 4
    first = cut["sets"][0]["reps"][0]
    assert first["start"] > 0


def test_match_reps_pairs_the_largest_overlap_first():
    # In label order the first label would take the counted rep (overlap 3) and
    # leave the second (overlap 11) unmatched; RepMatcher pairs the larger first.
    labelled = [{"start": 0, "end": 10}, {"start": 8, "end": 20}]
    counted = [{"start": 7, "end": 19}]
    assert S.match_reps(labelled, counted) == {1: 0}
    # Touching is not overlapping.
    assert S.match_reps([{"start": 0, "end": 7}], counted) == {}
