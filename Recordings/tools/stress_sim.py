#!/usr/bin/env python3
"""stress_sim.py: an independent generator of labelled stress-test recordings.

RepCount's counter is scored on recordings "from an independent model of body and
sensor".  This tool is that second model, written without reading the project's own
simulator (Sources/RepCountSimulation), so that its modelling choices differ on
purpose.  It writes `Recordings/stress/*.csv` + `*.labels.json` in the shared formats
(docs/formats.md); the labels are the generator's own ground truth.

Usage (Python 3 + numpy only):

    python3 Recordings/tools/stress_sim.py                  # write the whole catalogue
    python3 Recordings/tools/stress_sim.py --only stress-bridge-thigh-03
    python3 Recordings/tools/stress_sim.py --list           # names, seeds, what each stresses
    python3 Recordings/tools/stress_sim.py --out DIR --seed-offset 7000   # fresh seeds (holdout.sh)
    python3 Recordings/tools/stress_sim.py --plot DIR       # also write a PNG per file (matplotlib)
    python3 Recordings/tools/stress_sim.py --check          # committed files == regenerated, labels sane
    python3 Recordings/tools/stress_sim.py --compare Recordings/stress/*.csv [--plot DIR]
                                          # per labelled rep: the counted rep it matches, misses, extras

Every file is made from its own seed (in the catalogue below), so the output is
byte-identical from run to run on the same numpy.

The model, and how it differs from a minimum-jerk "tidy" simulator
--------------------------------------------------------------------
Body.  Only the segment that carries the sensor is simulated in full (thigh, or
pelvis/sacrum), as a rigid segment hanging from a pivot of a simple chain (bridge
thigh: knee fixed on the mat, hip rising; bridge pelvis: shoulders fixed on the mat;
wall sit: knee nearly fixed, hip sliding down the wall; bird dog thigh: hip fixed;
bird dog sacrum: rolls about the spine).  Orientation = small world-frame
perturbations (breathing, sway, tremor that grows during long holds, fidgets)
x exercise rotation (about a world axis fixed by the posture) x posture (slerp between
named postures: standing, supine knees bent, all fours, sitting on heels, child's pose,
side lying).  The sensor position is pivot + R * lever arm, and the linear acceleration
is its second derivative on a 1 kHz grid, so every ramp, gait step and posture change
adds the dynamic part a real accelerometer sees.  Impacts (pelvis landing on the mat,
heel strikes, knee landing) are added as damped 15-40 Hz oscillations.

Motion profile.  Not minimum jerk: every movement is a chain of keyframes (time, value)
joined by tanh ramps `s(u) = (tanh(k(2u-1))/tanh(k) + 1)/2` with a random steepness k
in [1.2, 2.2] per ramp and random keyframe timing.  Behaviours are built from
keyframes: a pause half-way up, a double bounce at the top, a sagging hold, no
plateau at all (slow movers with 5-6 s ramps), quick reps (one per ~2.5 s), a rest
level that shifts between reps (feet re-placed), holds of up to 30 s.

Sensor mounting.  The strap is at a random rotation about the skin normal (any
angle, so "upside down" included), on the front or the side of the thigh, or on the
side of the pelvis (belt), or over the sacrum; it slips slowly around the thigh
during the session (a few to 25 degrees), and may be re-tightened (a sudden jump).

Sensor errors.  Per-axis scale (+-3 %) and cross-axis (+-1.5 %) errors, offset bias,
a temperature-like bias warm-up (exponential, minutes), pink (1/f) noise, white noise,
single-sample spikes, an anti-alias box filter over one sample period, saturation at
the range (+-2 g on sensitive parts, so heel strikes clip), quantisation (down to
12 bits at +-16 g, 0.077 m/s^2 per count).

Timing.  The sample clock runs off nominal by up to +-1.2 %; time stamps either come
from a host clock (true time + jitter, bursty FIFO reads with repeated stamps) or
from the sample index at the nominal rate (then the whole time axis is stretched,
and the labels are written on that stretched axis, as a real file would be);
dropouts of 0.5-2 s; 50-400 Hz.

Labels.  `start` is the first keyframe of the up ramp (leaving rest), `hold_start`
the arrival at the top keyframe (for a pause half-way up, the final arrival; for a
double bounce, the first arrival), `hold_end` the start of the down ramp, `end` the
arrival back at rest.  Times are on the file's own time axis, 3 decimals.  Reps cut by
the start or the end of the file are left out of the labels (the movement is still in
the signal).  Bird dog: on the sacrum every rep is labelled with the extended leg;
on a thigh only the instrumented leg's reps are labelled (side = that leg); the other
leg's reps are in the signal as small movements of the instrumented thigh.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import sys

import numpy as np

G = 9.80665
"""Standard gravity, m/s^2."""

FS_INT = 1000.0
"""Internal simulation rate, Hz: high enough for impacts and 400 Hz output."""

DEG = math.pi / 180.0

# --------------------------------------------------------------------------- maths


def unit(v):
    v = np.asarray(v, dtype=float)
    return v / np.linalg.norm(v)


def frame(z_anat, x_anat):
    """Rotation matrix (columns = anatomical X, Y, Z in world) from Z and X."""
    z = unit(z_anat)
    x = np.asarray(x_anat, dtype=float)
    x = unit(x - np.dot(x, z) * z)
    y = np.cross(z, x)
    return np.column_stack([x, y, z])


def mat_to_quat(m):
    tr = m[0, 0] + m[1, 1] + m[2, 2]
    if tr > 0:
        s = math.sqrt(tr + 1.0) * 2
        q = [0.25 * s, (m[2, 1] - m[1, 2]) / s, (m[0, 2] - m[2, 0]) / s, (m[1, 0] - m[0, 1]) / s]
    elif m[0, 0] > m[1, 1] and m[0, 0] > m[2, 2]:
        s = math.sqrt(1.0 + m[0, 0] - m[1, 1] - m[2, 2]) * 2
        q = [(m[2, 1] - m[1, 2]) / s, 0.25 * s, (m[0, 1] + m[1, 0]) / s, (m[0, 2] + m[2, 0]) / s]
    elif m[1, 1] > m[2, 2]:
        s = math.sqrt(1.0 + m[1, 1] - m[0, 0] - m[2, 2]) * 2
        q = [(m[0, 2] - m[2, 0]) / s, (m[0, 1] + m[1, 0]) / s, 0.25 * s, (m[1, 2] + m[2, 1]) / s]
    else:
        s = math.sqrt(1.0 + m[2, 2] - m[0, 0] - m[1, 1]) * 2
        q = [(m[1, 0] - m[0, 1]) / s, (m[0, 2] + m[2, 0]) / s, (m[1, 2] + m[2, 1]) / s, 0.25 * s]
    return unit(q)


def quat_to_mats(q):
    """(N,4) quaternions [w,x,y,z] -> (N,3,3) rotation matrices."""
    w, x, y, z = q[:, 0], q[:, 1], q[:, 2], q[:, 3]
    m = np.empty((len(q), 3, 3))
    m[:, 0, 0] = 1 - 2 * (y * y + z * z)
    m[:, 0, 1] = 2 * (x * y - z * w)
    m[:, 0, 2] = 2 * (x * z + y * w)
    m[:, 1, 0] = 2 * (x * y + z * w)
    m[:, 1, 1] = 1 - 2 * (x * x + z * z)
    m[:, 1, 2] = 2 * (y * z - x * w)
    m[:, 2, 0] = 2 * (x * z - y * w)
    m[:, 2, 1] = 2 * (y * z + x * w)
    m[:, 2, 2] = 1 - 2 * (x * x + y * y)
    return m


def axis_angle_mats(rotvec):
    """(N,3) rotation vectors (radians) -> (N,3,3) matrices (Rodrigues)."""
    th = np.linalg.norm(rotvec, axis=1)
    safe = np.where(th > 1e-12, th, 1.0)
    k = rotvec / safe[:, None]
    k[th <= 1e-12] = 0.0
    kx, ky, kz = k[:, 0], k[:, 1], k[:, 2]
    c, s = np.cos(th), np.sin(th)
    C = 1 - c
    m = np.empty((len(th), 3, 3))
    m[:, 0, 0] = c + kx * kx * C
    m[:, 0, 1] = kx * ky * C - kz * s
    m[:, 0, 2] = kx * kz * C + ky * s
    m[:, 1, 0] = ky * kx * C + kz * s
    m[:, 1, 1] = c + ky * ky * C
    m[:, 1, 2] = ky * kz * C - kx * s
    m[:, 2, 0] = kz * kx * C - ky * s
    m[:, 2, 1] = kz * ky * C + kx * s
    m[:, 2, 2] = c + kz * kz * C
    return m


def rot_axis(axis, ang):
    return axis_angle_mats(np.asarray(unit(axis) * ang)[None, :])[0]


def ease(u, k):
    """The tanh ramp: 0 at u=0, 1 at u=1, steepness k (not minimum jerk)."""
    return (np.tanh(k * (2 * u - 1)) / math.tanh(k) + 1) / 2


class Track:
    """A scalar channel made of keyframes joined by tanh ramps (hold value between)."""

    def __init__(self, value=0.0):
        self.keys = [(-1e9, value, 1.5)]

    def to(self, t, value, k=1.7):
        """Ramp from the previous keyframe to `value`, arriving at time t."""
        assert t >= self.keys[-1][0] - 1e-9, (t, self.keys[-1])
        self.keys.append((t, value, k))

    def hold(self, t):
        self.to(t, self.keys[-1][1])

    @property
    def last(self):
        return self.keys[-1]

    def render(self, t):
        out = np.full(len(t), self.keys[0][1])
        for (t0, v0, _), (t1, v1, k) in zip(self.keys[:-1], self.keys[1:]):
            i0, i1 = np.searchsorted(t, [t0, t1])
            if t1 - t0 > 1e-9 and i1 > i0:
                u = (t[i0:i1] - t0) / (t1 - t0)
                out[i0:i1] = v0 + (v1 - v0) * ease(u, k)
            out[i1:] = v1
        return out


# --------------------------------------------------------------------------- noise


def pink(rng, n, fs, fmin=0.005):
    """Unit-variance 1/f noise of n samples at fs (FFT shaping of white noise)."""
    w = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1 / fs)
    f[0] = f[1] if n > 1 else 1.0
    w /= np.sqrt(np.maximum(f, fmin))
    x = np.fft.irfft(w, n)
    return x / (x.std() + 1e-12)


def smooth_noise(rng, n, fs, fc):
    """Unit-variance noise band-limited below fc Hz (random walk-ish sway)."""
    w = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1 / fs)
    w *= 1 / (1 + (f / fc) ** 4)
    x = np.fft.irfft(w, n)
    return x / (x.std() + 1e-12)


def narrowband(rng, n, fs, f0, bw):
    """Unit-variance narrowband noise around f0 Hz (physiological tremor)."""
    w = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1 / fs)
    w *= np.exp(-0.5 * ((f - f0) / bw) ** 2)
    x = np.fft.irfft(w, n)
    return x / (x.std() + 1e-12)


# --------------------------------------------------------------------------- postures
# World: X forward (the way the head points when lying, or the face when standing),
# Z up.  Anatomical segment frame: X anterior, Y left, Z proximal (thigh: knee->hip;
# pelvis: towards the head).  A posture is the segment's frame in the world, plus the
# height of the chain's pivot (for the linear acceleration of posture changes).


def thigh_postures(bridge_elev):
    e = bridge_elev
    return {
        "stand": frame([0, 0, 1], [1, 0, 0]),
        "supine_bent": frame([math.cos(e), 0, -math.sin(e)], [math.sin(e), 0, math.cos(e)]),
        "supine_flat": frame([1, 0, 0], [0, 0, 1]),
        "sit_long": frame([-1, 0, 0.05], [0, 0, 1]),  # sitting on the mat, legs forward
        "all_fours": frame([0, 0, 1], [1, 0, 0]),
        "heels": frame([-1, 0, 0.25], [0.25, 0, 1]),  # sitting back on the heels
        "child": frame([-0.94, 0, 0.34], [0.34, 0, 0.94]),
        "side_lying": frame([math.cos(e), -math.sin(e) * 0.3, -math.sin(e) * 0.2], [0, -1, 0]),
    }


def pelvis_postures():
    return {
        "stand": frame([0, 0, 1], [1, 0, 0]),
        "supine_bent": frame([1, 0, 0.0], [0, 0, 1]),
        "supine_flat": frame([1, 0, 0.0], [0, 0, 1]),
        "sit_long": frame([0.35, 0, 1], [1, 0, -0.35]),
        "all_fours": frame([1, 0, 0.05], [0, 0, -1]),
        "heels": frame([0.2, 0, 1], [1, 0, -0.2]),
        "child": frame([0.6, 0, -0.8], [-0.8, 0, -0.6]),
        "side_lying": frame([1, 0, 0], [0, 1, 0]),
    }


# --------------------------------------------------------------------------- the session


class Session:
    """Everything that happens to the body, as keyframed channels and event lists."""

    def __init__(self, spec, rng):
        self.spec = spec
        self.rng = rng
        self.ex = spec["exercise"]
        self.placement = spec["placement"]
        # channels
        self.act = Track(0.0)  # main exercise activation, 1 = the subject's full amplitude
        self.act_l = Track(0.0)  # bird dog: left leg extension
        self.act_r = Track(0.0)  # bird dog: right leg extension
        self.restoff = Track(0.0)  # rest level drift, degrees about the exercise axis
        self.posture_keys = []  # (t_arrive, name, duration)
        self.fidgets = []  # (t0, dur, world axis, angle rad, k)
        self.gait = []  # (t0, t1, cadence Hz)
        self.impacts = []  # (t, amplitude m/s^2, freq Hz, world dir)
        self.tremor_boost = []  # (t0, t1) long-hold fatigue windows
        self.slip_jumps = []  # (t, degrees) strap re-tightened
        self.reps = []  # dicts with start, hold_start, hold_end, end, side, set
        self.t = 0.0

    # -- helpers
    def u(self, lo, hi):
        return float(self.rng.uniform(lo, hi))

    def k(self):
        return self.u(1.2, 2.2)

    def posture(self, name, dur):
        self.posture_keys.append((self.t + dur, name, dur))
        for tr in (self.act, self.act_l, self.act_r, self.restoff):
            tr.hold(self.t)
        self.t += dur

    def idle(self, dur):
        self.t += dur

    def fidget(self, dur, axis, ang_deg):
        self.fidgets.append((self.t, dur, unit(axis), ang_deg * DEG, self.k()))
        self.t += dur

    def walk(self, dur, cadence=None):
        self.gait.append((self.t, self.t + dur, cadence or self.u(0.8, 1.0)))
        self.t += dur

    def impact(self, t, amp, direction, f=None):
        self.impacts.append((t, amp, f or self.u(15, 40), unit(direction)))

    # -- one rep on a channel; returns the label times
    def rep(self, track, p, side=None, set_index=0, label=True):
        rng = self.rng
        a = float(np.clip(rng.normal(1.0, p.get("amp_sd", 0.08)), 0.7, 1.2))
        t0 = self.t
        up = self.u(*p["up"])
        base = track.last[1]
        track.hold(t0)
        self.restoff.hold(t0)
        if rng.random() < p.get("midpause", 0.0):
            f = self.u(0.35, 0.65)
            pause = self.u(0.5, 1.5)
            track.to(t0 + up * f, base + a * f, self.k())
            track.to(t0 + up * f + pause, base + a * (f + self.u(-0.03, 0.03)), 1.2)
            t1 = t0 + up + pause
        else:
            t1 = t0 + up
        track.to(t1, base + a, self.k())
        hold = self.u(*p["hold"])
        # a long hold sags a little (fatigue); a short one has no time to
        sag = a * self.u(0.0, p.get("sag", 0.06)) * min(1.0, hold / 5.0)
        if hold > 1.2 and rng.random() < p.get("bounce", 0.0):
            dip = self.u(0.08, 0.15)
            track.to(t1 + 0.35, base + a * (1 - dip), 1.3)
            track.to(t1 + 0.8, base + a, 1.3)
        t2 = t1 + hold
        if hold > 0:
            track.to(t2, base + a - sag, 1.0)
        if hold > 8:
            self.tremor_boost.append((t1, t2))
        down = self.u(*p["down"])
        t3 = t2 + down
        track.to(t3, base, self.k())
        # the rest level drifts (feet re-placed, strap settles): step during the down ramp
        drift = p.get("rest_drift_deg", 0.0)
        if drift > 0:
            self.restoff.hold(t2)
            new = float(np.clip(self.restoff.last[1] + rng.normal(0, drift), -2 * drift, 2 * drift))
            self.restoff.to(t3, new, self.k())
        if p.get("land_impact", 0.0) > 0 and rng.random() < 0.7:
            self.impact(t3 - 0.05, p["land_impact"] * self.u(0.5, 1.3), p.get("impact_dir", [0, 0, 1]))
        if label:
            self.reps.append(
                dict(start=t0, hold_start=t1, hold_end=t2, end=t3, side=side, set=set_index)
            )
        self.t = t3
        return t0, t1, t2, t3


# --------------------------------------------------------------------------- exercises


def profile(spec, rng):
    """Subject tempo/hold profile, overridable per catalogue entry."""
    ex = spec["exercise"]
    hold_target = {"bridge": 6.0, "bird-dog": 5.0, "wall-sit": 10.0}[ex]
    p = dict(
        up=(1.0, 3.0),
        down=(1.0, 3.0),
        hold=(hold_target * 0.5, hold_target * 1.2),
        rest=(2.0, 8.0),
        midpause=0.0,
        bounce=0.0,
        sag=0.06,
        amp_sd=0.08,
        rest_drift_deg=1.0 if spec["placement"] != "lower-back" else 0.4,
    )
    p.update(spec.get("profile", {}))
    return p


def build(spec, rng):
    s = Session(spec, rng)
    ex, pl = spec["exercise"], spec["placement"]
    p = profile(spec, rng)
    sets = spec["sets"]  # list of reps per set
    lead = spec.get("cut_start", 0.0)  # seconds of timeline cut from the start
    s.t = 0.0

    # ---------------- getting into position
    if ex == "bridge":
        s.posture("stand" if spec.get("start_standing") else "sit_long", 0.01)
        if spec.get("start_standing"):
            s.idle(s.u(1, 3))
            s.walk(s.u(3, 6))
            s.posture("sit_long", s.u(2.0, 3.5))
            s.impact(s.t - 0.1, 6, [0, 0, 1])
        s.idle(s.u(1, 4))
        s.posture("supine_flat", s.u(1.5, 3.0))
        s.idle(s.u(0.5, 3))
        s.posture("supine_bent", s.u(1.0, 2.5))
        s.idle(s.u(3, 12))
    elif ex == "wall-sit":
        s.posture("stand", 0.01)
        s.idle(s.u(1, 4))
        s.walk(s.u(4, 10))
        s.fidget(s.u(1.5, 3), [0, 0, 1], s.u(90, 180))  # turn round to the wall
        s.fidget(s.u(0.8, 1.5), [0, 1, 0], s.u(-4, 4))  # step back, lean on the wall
        s.idle(s.u(3, 10))
    else:  # bird dog
        s.posture("stand", 0.01)
        s.idle(s.u(1, 3))
        s.posture("heels", s.u(2.5, 4.0))  # kneel down
        s.impact(s.t - 0.3, 8, [0, 0, 1])
        s.idle(s.u(1, 3))
        s.posture("all_fours", s.u(1.5, 2.5))
        s.idle(s.u(3, 10))

    # ---------------- the sets
    first_side = spec.get("first_side", "right")
    inst = spec.get("instrumented_side")
    for si, n in enumerate(sets):
        if si > 0:
            between_sets(s, spec, p)
        if ex == "bird-dog":
            # exercises.md: a set starts with the right leg; `first_side` only changes the
            # first set (so that a file cut in its first rep still shows right first)
            side = first_side if si == 0 else "right"
            for i in range(n):
                for _ in range(2):
                    track = s.act_r if side == "right" else s.act_l
                    label = pl == "lower-back" or side == inst
                    s.rep(track, p, side=side, set_index=si, label=label)
                    rest_between(s, spec, p)
                    if s.rng.random() < spec.get("same_side_again", 0.0):
                        continue  # does the same leg twice in a row
                    side = "left" if side == "right" else "right"
        else:
            for i in range(n):
                s.rep(s.act, p, set_index=si)
                rest_between(s, spec, p)

    # ---------------- the end
    end = spec.get("ending", "quiet")
    if end == "midrep":
        # starts one more rep and the file stops in its hold
        track = s.act if ex != "bird-dog" else s.act_r
        t0, t1, t2, t3 = s.rep(track, p, side="right" if ex == "bird-dog" else None,
                               set_index=len(sets) - 1, label=False)
        s.t = t1 + s.u(0.5, 2.0)
    elif end == "getup":
        s.idle(s.u(2, 6))
        if ex == "bridge":
            s.posture("supine_flat", s.u(1, 2))
            s.posture("sit_long", s.u(1.5, 3))
            s.idle(s.u(1, 3))
            s.posture("stand", s.u(2, 4))
        elif ex == "bird-dog":
            s.posture("heels", s.u(1.5, 3))
            s.idle(s.u(1, 4))
            s.posture("stand", s.u(2, 4))
        s.walk(s.u(4, 10))
        s.idle(s.u(1, 3))
    else:
        s.idle(s.u(3, 10))
    return s, lead


def rest_between(s, spec, p):
    s.idle(s.u(*p["rest"]))
    r = s.rng.random()
    if r < spec.get("fidget_rate", 0.05):
        small_fidget(s, spec)
        s.idle(s.u(1.0, 3.0))


def small_fidget(s, spec):
    ex = spec["exercise"]
    rng = s.rng
    if ex == "bridge":
        kind = rng.choice(["knee_wobble", "scratch", "feet"])
        if kind == "knee_wobble":
            s.fidget(s.u(1.0, 2.5), [1, 0, 0], s.u(-8, 8))
        elif kind == "scratch":
            s.fidget(s.u(1.5, 3.0), rng.normal(size=3), s.u(2, 6))
        else:
            s.fidget(s.u(0.8, 1.5), [0, 1, 0], s.u(-5, 5))
    elif ex == "wall-sit":
        kind = rng.choice(["shift", "step", "phone"])
        if kind == "shift":
            s.fidget(s.u(1.0, 2.0), [1, 0, 0], s.u(-5, 5))
        elif kind == "step":
            s.gait.append((s.t, s.t + 1.2, 0.9))
            s.t += 1.2
        else:
            s.fidget(s.u(2.0, 4.0), [0, 1, 0], s.u(-8, 8))
    else:
        kind = rng.choice(["shift", "rock"])
        if kind == "shift":
            s.fidget(s.u(1.0, 2.0), [1, 0, 0], s.u(-6, 6))
        else:
            s.fidget(s.u(1.5, 3.0), [0, 1, 0], s.u(-12, -5))  # rocks back a little


def between_sets(s, spec, p):
    """45-120 s between sets, filled with what people do."""
    ex = spec["exercise"]
    total = s.u(*spec.get("set_rest", (45, 120)))
    t_end = s.t + total
    style = spec.get("between", "stay")
    if ex == "bridge":
        if style == "phone":
            s.idle(s.u(3, 8))
            s.fidget(s.u(2, 4), [1, 0, 0], s.u(8, 15) * s.rng.choice([-1, 1]))  # reach for the phone
            s.fidget(s.u(1, 2), [0, 1, 0], s.u(-4, 4))
        elif style == "knees":
            s.idle(s.u(3, 8))
            # windscreen wipers: knees side to side; the pelvis follows the thighs only
            # part of the way (about 40 %)
            share = 1.0 if spec["placement"] == "thigh" else 0.4
            for _ in range(s.rng.integers(2, 5)):
                s.fidget(s.u(2.5, 4.5), [1, 0, 0], share * s.u(20, 40) * s.rng.choice([-1, 1]))
        elif style == "situp":
            s.idle(s.u(3, 8))
            s.posture("supine_flat", s.u(1, 2))
            s.posture("sit_long", s.u(1.5, 3))
            s.idle(s.u(8, 20))
            s.posture("supine_flat", s.u(1.5, 3))
            s.posture("supine_bent", s.u(1, 2))
        elif style == "roll":
            s.idle(s.u(3, 8))
            s.posture("side_lying", s.u(1.5, 3))
            s.idle(s.u(8, 25))
            s.posture("supine_bent", s.u(1.5, 3))
        else:
            s.idle(s.u(5, 15))
            small_fidget(s, spec)
    elif ex == "wall-sit":
        s.idle(s.u(2, 5))
        if style == "walk":
            s.fidget(s.u(1, 2), [0, 0, 1], s.u(90, 180))
            s.walk(s.u(8, 20))
            s.idle(s.u(3, 10))
            s.fidget(s.u(1, 2), [0, 0, 1], s.u(90, 180))
            s.walk(s.u(8, 20))
            s.fidget(s.u(1.5, 3), [0, 0, 1], s.u(90, 180))
        elif style == "squat":  # picks something up from the floor
            s.walk(s.u(3, 6))
            s.fidget(s.u(1.2, 2.0), [0, 1, 0], -s.u(70, 100))
            s.walk(s.u(3, 6))
        else:
            small_fidget(s, spec)
    else:  # bird dog
        if style == "child":
            s.posture("child", s.u(1.5, 3))
            s.idle(s.u(15, 40))
            s.posture("all_fours", s.u(1.5, 3))
        elif style == "heels":
            s.posture("heels", s.u(1.5, 3))
            s.idle(s.u(10, 30))
            s.posture("all_fours", s.u(1.5, 3))
        else:
            small_fidget(s, spec)
    if s.t < t_end:
        s.t = t_end
    s.idle(s.u(2, 6))


# --------------------------------------------------------------------------- body -> sensor


def render_body(s, spec, rng):
    """World orientation and position of the sensor, sampled at FS_INT."""
    ex, pl = spec["exercise"], spec["placement"]
    T = s.t
    n = int(T * FS_INT) + 1
    t = np.arange(n) / FS_INT
    subj = spec.get("subject", {})

    # exercise amplitudes for this subject (degrees)
    if ex == "bridge" and pl == "thigh":
        elev = s.u(38, 55) * DEG
        amp = subj.get("amp", s.u(5, 25))
    elif ex == "bridge":
        elev = s.u(38, 55) * DEG
        amp = subj.get("amp", s.u(15, 35))
    elif ex == "wall-sit":
        elev = 0.0
        amp = subj.get("amp", s.u(45, 90))
    elif pl == "thigh":
        elev = 0.0
        amp = subj.get("amp", s.u(60, 90))
    else:
        elev = 0.0
        amp = subj.get("amp", s.u(2.5, 7))  # sacrum roll
    spec["_amp_deg"] = amp

    postures = thigh_postures(elev) if pl == "thigh" else pelvis_postures()
    # posture rotation, slerped between keyframes
    qs = []
    names = [k[1] for k in s.posture_keys]
    q_of = {nm: mat_to_quat(postures[nm]) for nm in set(names)}
    Q = np.tile(q_of[names[0]], (n, 1))
    prev = q_of[names[0]]
    for (ta, nm, dur) in s.posture_keys[1:]:
        q1 = q_of[nm].copy()
        if np.dot(prev, q1) < 0:
            q1 = -q1
        i0, i1 = np.searchsorted(t, [ta - dur, ta])
        u = ease((t[i0:i1] - (ta - dur)) / max(dur, 1e-6), 1.5)
        dot = np.clip(np.dot(prev, q1), -1, 1)
        om = math.acos(dot)
        if om < 1e-6:
            seg = np.outer(1 - u, prev) + np.outer(u, q1)
        else:
            seg = (np.outer(np.sin((1 - u) * om), prev) + np.outer(np.sin(u * om), q1)) / math.sin(om)
        Q[i0:i1] = seg
        Q[i1:] = q1
        prev = q1
    R_post = quat_to_mats(Q / np.linalg.norm(Q, axis=1)[:, None])

    # exercise rotation (world axes), degrees
    a = s.act.render(t)
    drift = s.restoff.render(t)
    rot = np.zeros((n, 3))
    if ex == "bridge" and pl == "thigh":
        rot[:, 1] = -(amp * a + drift) * DEG  # hip rises, thigh flattens
    elif ex == "bridge":
        rot[:, 1] = (amp * a + drift) * DEG  # pelvis tips, head end down
        rot[:, 0] += s.u(-0.15, 0.15) * amp * a * DEG  # a little asymmetric
    elif ex == "wall-sit":
        rot[:, 1] = -(amp * a + drift) * DEG
        rot[:, 0] += s.u(-0.08, 0.08) * amp * a * DEG  # knees not quite straight ahead
    else:
        ar, al = s.act_r.render(t), s.act_l.render(t)
        if pl == "thigh":
            inst = spec["instrumented_side"]
            mine, other = (ar, al) if inst == "right" else (al, ar)
            rot[:, 1] = (amp * mine + drift) * DEG  # hip extension, knee goes back and up
            sgn = 1 if inst == "right" else -1
            rot[:, 0] = sgn * (s.u(1.5, 4) * other - s.u(0.5, 2) * mine) * DEG  # weight shift
            rot[:, 1] += -s.u(1, 5) * other * DEG  # loaded thigh leans a little
        else:
            pitch = s.u(1, 4)
            rot[:, 0] = (amp * ar - amp * s.u(0.7, 1.3) * al) * DEG  # roll, sign = side
            rot[:, 1] = (pitch * (ar + al) + drift) * DEG  # lumbar extension
            rot[:, 2] = s.u(-1.5, 1.5) * (ar - al) * DEG  # a little yaw
    R_ex = axis_angle_mats(rot)

    # perturbations: breathing, sway, tremor, fidgets, gait (world rotation vector)
    pert = np.zeros((n, 3))
    br_f = s.u(0.18, 0.35)
    # breathing moves the pelvis more than the thigh; sway is smaller when the body
    # rests on the mat or on four points than when standing (wall sit)
    br_amp = (s.u(0.1, 0.3) if pl != "thigh" else s.u(0.05, 0.2)) * DEG
    phase = np.cumsum(2 * np.pi * br_f * (1 + 0.1 * smooth_noise(rng, n, FS_INT, 0.02)) / FS_INT)
    pert[:, 1] += br_amp * np.sin(phase)
    sway = (s.u(0.3, 1.0) if ex == "wall-sit" else s.u(0.1, 0.35)) * DEG
    for ax in range(3):
        pert[:, ax] += sway * smooth_noise(rng, n, FS_INT, 0.3)
    trem_env = 0.3 + 0.7 * np.clip(a + s.act_l.render(t) + s.act_r.render(t), 0, 1)
    for (t0, t1) in s.tremor_boost:  # fatigue in long holds: tremor grows over the hold
        i0, i1 = np.searchsorted(t, [t0, t1])
        trem_env[i0:i1] *= 1 + 1.5 * (t[i0:i1] - t0) / max(t1 - t0, 1)
    trem = s.u(0.006, 0.03) * DEG  # 0.1-0.5 m/s^2 at a 20 cm lever, as in MEx
    for ax in range(3):
        pert[:, ax] += trem * trem_env * narrowband(rng, n, FS_INT, s.u(6, 11), 1.5)
    heading = np.zeros(n)  # turns on the spot, composed separately (not a small angle)
    for (t0, dur, axis, ang, k) in s.fidgets:
        i0, i1 = np.searchsorted(t, [t0, t0 + dur])
        u = (t[i0:i1] - t0) / dur
        bump = np.sin(np.pi * ease(u, k)) ** 2  # out and back
        if abs(ang) > 60 * DEG and axis[2] > 0.9:  # a turn on the spot stays turned
            heading[i0:i1] += ang * ease(u, k)
            heading[i1:] += ang
            continue
        pert[i0:i1] += np.outer(bump, axis * ang)
    gait_bounce = np.zeros(n)
    for (t0, t1, cad) in s.gait:
        i0, i1 = np.searchsorted(t, [t0, t1])
        tt = t[i0:i1] - t0
        env = np.clip(np.minimum(tt, t1 - t0 - tt) / 0.6, 0, 1)
        swing = (s.u(15, 25) if pl == "thigh" else s.u(3, 6)) * DEG
        ph = 2 * np.pi * cad * tt + s.u(0, 6.28)
        pert[i0:i1, 1] += env * swing * np.sin(ph)
        if pl != "thigh":
            pert[i0:i1, 0] += env * swing * 0.8 * np.sin(ph + 1)
        gait_bounce[i0:i1] += env * 0.03 * np.cos(2 * ph)
        for ts in np.arange(t0 + 0.5, t1 - 0.4, 1 / cad):  # this leg's heel strike
            s.impact(ts, s.u(8, 25) if pl == "thigh" else s.u(5, 12), [0.3, 0, 1], s.u(12, 25))
            if pl != "thigh":
                s.impact(ts + 0.5 / cad, s.u(5, 12), [0.3, 0, 1], s.u(12, 25))
    R_pert = axis_angle_mats(pert)

    R_seg = np.einsum("nij,njk->nik", R_pert, np.einsum("nij,njk->nik", R_ex, R_post))
    if np.any(heading):
        R_seg = np.einsum("nij,njk->nik", axis_angle_mats(np.outer(heading, [0, 0, 1.0])), R_seg)

    # pivot and lever arm (metres) for the linear acceleration
    if ex == "bridge" and pl == "thigh":
        lever = np.array([0.07, 0, 0.22])  # from the knee: 22 cm towards the hip, on the skin
    elif ex == "bridge":
        lever = np.array([0, 0.15, -0.5])  # from the shoulders: 50 cm down the trunk, on the side
    elif ex == "wall-sit":
        lever = np.array([0.07, 0, 0.25])  # from the knee up the thigh
    elif pl == "thigh":
        lever = np.array([0.07, 0, -0.2])  # from the hip down the thigh
    else:
        lever = np.array([-0.1, 0, 0])  # sacrum surface above the pelvis centre
    pivot_h = {"stand": 0.5, "supine_bent": 0.45, "supine_flat": 0.1, "sit_long": 0.15,
               "all_fours": 0.55, "heels": 0.3, "child": 0.25, "side_lying": 0.2}
    if pl != "thigh":
        pivot_h.update(stand=1.0, supine_bent=0.1, sit_long=0.2, all_fours=0.6, heels=0.6)
    htrack = Track(pivot_h[s.posture_keys[0][1]])
    for (ta, nm, dur) in s.posture_keys[1:]:
        htrack.hold(ta - dur)
        htrack.to(ta, pivot_h[nm], 1.5)
    pos = np.zeros((n, 3))
    pos[:, 2] = htrack.render(t) + gait_bounce
    pos += np.einsum("nij,j->ni", R_seg, lever)
    # second derivative, lightly smoothed (skin and strap damp the sharpest edges)
    acc = np.gradient(np.gradient(pos, 1 / FS_INT, axis=0), 1 / FS_INT, axis=0)
    ker = np.ones(15) / 15
    for ax in range(3):
        acc[:, ax] = np.convolve(acc[:, ax], ker, mode="same")
    for (ti, amp_i, f, d) in s.impacts:
        i0 = int(ti * FS_INT)
        m = int(0.25 * FS_INT)
        if i0 < 0 or i0 >= n:
            continue
        tt = np.arange(min(m, n - i0)) / FS_INT
        tau = s.u(0.02, 0.05)
        acc[i0:i0 + len(tt)] += np.outer(amp_i * np.exp(-tt / tau) * np.sin(2 * np.pi * f * tt), d)
    return t, R_seg, acc


def mount_matrix(spec, rng):
    """Sensor frame -> anatomical segment frame, and the slip axis (anatomical)."""
    pl = spec["placement"]
    where = spec.get("mount", "front")
    if pl == "thigh":
        if where == "front":
            normal = np.array([1.0, 0, 0])
        else:  # on the outside of the thigh
            normal = np.array([0, 1.0 if spec.get("instrumented_side") == "left" else -1.0, 0])
            if spec.get("instrumented_side") is None:
                normal *= rng.choice([-1, 1])
    elif pl == "hip":
        normal = np.array([0, rng.choice([-1.0, 1.0]), 0])
    else:
        normal = np.array([-1.0, 0, 0])
    # sensor z = skin normal, x = anything on the skin (strap rotated at random)
    along = np.array([0, 0, 1.0]) if abs(normal[2]) < 0.9 else np.array([1.0, 0, 0])
    # frame(normal, along): columns are the sensor's x (along the limb), y, z (= normal)
    m = frame(normal, along)
    roll = rng.uniform(0, 2 * np.pi) if spec.get("strap_angle") is None else spec["strap_angle"] * DEG
    tilt_axis = unit(rng.normal(size=3))
    m = rot_axis(normal, roll) @ rot_axis(tilt_axis, rng.uniform(0, 10) * DEG) @ m
    return m


def sensor_stream(spec, rng, t, R_seg, acc_w, s):
    """Specific force in the sensor frame at the device's own sample instants."""
    n = len(t)
    M = mount_matrix(spec, rng)
    # slow slip around the segment's long axis (anatomical Z), plus re-tightening jumps
    slip_total = spec.get("slip_deg", rng.uniform(0, 8))
    slip = slip_total * DEG * (t / t[-1]) ** rng.uniform(0.7, 1.5)
    for (tj, deg) in spec.get("slip_jumps", []):
        slip = slip + (t >= tj) * deg * DEG
    if spec["placement"] != "thigh":
        slip_axis = np.array([1.0, 0, 0])  # a belt slides up/down over the pelvis: tilt
        slip = slip * 0.3
    else:
        slip_axis = np.array([0, 0, 1.0])
    R_slip = axis_angle_mats(np.outer(slip, slip_axis))
    R_ws = np.einsum("nij,njk->nik", R_seg, np.einsum("nij,jk->nik", R_slip, M))
    f_w = acc_w + np.array([0, 0, G])
    f_s = np.einsum("nji,nj->ni", R_ws, f_w)  # R^T f

    # device timing: its own clock runs off nominal
    fs = spec["rate"]
    clock_err = spec.get("clock_error", rng.uniform(-0.004, 0.004))
    fs_true = fs * (1 + clock_err)
    n_out = int(t[-1] * fs_true)
    t_dev = np.arange(n_out) / fs_true + rng.uniform(0, 1 / fs_true)
    t_dev = t_dev[t_dev < t[-1] - 0.01]
    # anti-alias: the device averages over one sample period (box filter)
    w = max(1, int(round(FS_INT / fs_true)))
    cs = np.cumsum(np.vstack([np.zeros((1, 3)), f_s]), axis=0)
    idx = np.clip((t_dev * FS_INT).astype(int), w, n - 1)
    avg = (cs[idx + 1] - cs[idx + 1 - w]) / w

    # sensor errors
    m = len(t_dev)
    dev = spec["device"]
    scale = 1 + rng.uniform(-0.03, 0.03, 3)
    cross = np.eye(3) + rng.uniform(-0.015, 0.015, (3, 3)) * (1 - np.eye(3))
    out = (avg * scale) @ cross.T
    out += rng.uniform(-1, 1, 3) * dev.get("bias", 0.3)
    tau = rng.uniform(60, 400)
    out += np.outer(1 - np.exp(-t_dev / tau), rng.uniform(-1, 1, 3) * dev.get("warmup", 0.15))
    for ax in range(3):
        out[:, ax] += dev.get("pink", 0.01) * pink(rng, m, fs_true)
        out[:, ax] += dev.get("white", 0.04) * rng.standard_normal(m)
    nspk = rng.poisson(m * dev.get("spike_rate", 1e-4))
    for i in rng.integers(0, m, nspk):
        ax = rng.integers(0, 3)
        out[i, ax] += rng.choice([-1, 1]) * rng.uniform(3, 25)
    rng_g = dev.get("range_g", 8)
    lim = rng_g * G
    lsb = 2 * lim / (2 ** dev.get("bits", 12))
    out = np.clip(out, -lim, lim - lsb)
    out = np.round(out / lsb) * lsb

    # time stamps and dropouts
    mode = spec.get("stamps", "host")
    if mode == "index":  # the writer counts samples at the nominal rate
        stamp = np.arange(m) / fs
        to_file = lambda x: np.interp(x, t_dev, stamp)  # noqa: E731
    else:
        jit = spec.get("jitter_ms", 1.0) / 1000
        if mode == "burst":  # FIFO read every `burst` samples, stamped at read time
            b = spec.get("burst", 16)
            read = (np.arange(m) // b + 1) * b
            read = np.minimum(read, m - 1)
            tr = t_dev[read] + np.abs(rng.normal(0, jit, m)) + 0.002
            stamp = tr - (read - np.arange(m)) / fs  # back-dated with the nominal period
        else:
            stamp = t_dev + rng.normal(0, jit, m)
        if spec.get("stamp_resolution"):
            r = spec["stamp_resolution"]
            stamp = np.floor(stamp / r) * r  # coarse clock: repeated stamps
        stamp = np.maximum.accumulate(stamp)
        to_file = lambda x: x  # noqa: E731
    keep = np.ones(m, dtype=bool)
    for (g0, glen) in spec.get("gaps", []):
        keep &= ~((t_dev >= g0) & (t_dev < g0 + glen))
    ngaps = spec.get("random_gaps", 0)
    for _ in range(ngaps):
        g0 = rng.uniform(5, t_dev[-1] - 5)
        keep &= ~((t_dev >= g0) & (t_dev < g0 + rng.uniform(0.5, 2.0)))
    return stamp[keep], out[keep], to_file


# --------------------------------------------------------------------------- catalogue

DEV = {
    # name: error model.  range_g/bits give the quantisation step.
    "adxl345": dict(range_g=2, bits=10, white=0.04, pink=0.01, bias=0.35, warmup=0.1, spike_rate=5e-5),
    "adxl345-16g": dict(range_g=16, bits=12, white=0.05, pink=0.012, bias=0.3, warmup=0.15, spike_rate=5e-5),
    "adxl355": dict(range_g=2, bits=20, white=0.004, pink=0.003, bias=0.05, warmup=0.05, spike_rate=0),
    "lis3dh": dict(range_g=4, bits=12, white=0.06, pink=0.02, bias=0.4, warmup=0.2, spike_rate=2e-4),
    "mpu6050": dict(range_g=2, bits=16, white=0.03, pink=0.015, bias=0.5, warmup=0.3, spike_rate=1e-4),
    "cheap-noisy": dict(range_g=8, bits=10, white=0.25, pink=0.05, bias=0.5, warmup=0.3, spike_rate=5e-4),
}

QUICK = dict(up=(0.8, 1.2), down=(0.8, 1.2), hold=(0.0, 0.3), rest=(0.2, 0.6), amp_sd=0.1)
SLOW = dict(up=(4.5, 6.0), down=(4.5, 6.0), hold=(0.0, 0.0), rest=(1.0, 4.0))

CATALOGUE = [
    # ---------------------------------------------------------------- bridge, thigh
    dict(name="stress-bridge-thigh-01", seed=9101, exercise="bridge", placement="thigh",
         rate=100, device="adxl345", sets=[10, 10], between="knees", mount="front",
         note="standard 2x10, knees rolled side to side between sets, +-2 g 10-bit"),
    dict(name="stress-bridge-thigh-02", seed=9102, exercise="bridge", placement="thigh",
         rate=50, device="adxl345-16g", sets=[15, 15, 15], profile=QUICK, set_rest=(45, 70),
         random_gaps=4, note="quick reps 3x15 (~2.5 s each, no hold), 50 Hz, 12-bit at +-16 g, dropouts"),
    dict(name="stress-bridge-thigh-03", seed=9103, exercise="bridge", placement="thigh",
         rate=100, device="lis3dh", sets=[8], profile=SLOW, subject=dict(amp=7), mount="side",
         ending="getup", note="slow mover, 5-6 s ramps, no plateau, only 7 deg thigh tilt, strap on the side"),
    dict(name="stress-bridge-thigh-04", seed=9104, exercise="bridge", placement="thigh",
         rate=200, device="mpu6050", sets=[10], profile=dict(hold=(9, 12), midpause=0.5, rest=(8, 20)),
         subject=dict(amp=24), stamps="burst", burst=20, cut_start=0, ending="midrep",
         start_standing=True,
         note="10 s pelvic lifts, pauses half-way up, 200 Hz bursty FIFO stamps, ends mid-rep"),
    dict(name="stress-bridge-thigh-05", seed=9105, exercise="bridge", placement="thigh",
         rate=100, device="cheap-noisy", sets=[12, 12], between="situp", slip_deg=25,
         profile=dict(bounce=0.6, rest_drift_deg=2.5, rest=(1, 4)), subject=dict(amp=12),
         note="noisy 10-bit +-8 g, strap slips 25 deg, double bounce at the top, sits up between sets"),
    dict(name="stress-bridge-thigh-06", seed=9106, exercise="bridge", placement="thigh",
         rate=400, device="adxl355", sets=[8], cut_start=9.0, stamps="burst", burst=32,
         profile=dict(rest=(12, 20), hold=(4, 8)), subject=dict(amp=6),
         note="starts mid-rep, 400 Hz bursts, tiny 6 deg tilt, long rests"),
    # ---------------------------------------------------------------- bridge, hip (belt)
    dict(name="stress-bridge-hip-01", seed=9201, exercise="bridge", placement="hip",
         rate=100, device="adxl345", sets=[10, 10], between="phone",
         note="standard, phone check between sets"),
    dict(name="stress-bridge-hip-02", seed=9202, exercise="bridge", placement="hip",
         rate=50, device="lis3dh", sets=[15, 15], profile=QUICK, subject=dict(amp=16),
         between="knees", gaps=[(30, 1.5), (95, 2.0)],
         note="quick reps, 16 deg, knee rolls between sets (pelvis rolls too), 50 Hz with 1.5-2 s gaps"),
    dict(name="stress-bridge-hip-03", seed=9203, exercise="bridge", placement="hip",
         rate=200, device="mpu6050", sets=[8, 8], profile=dict(SLOW, up=(4, 5.5), down=(4.5, 6)),
         between="roll", stamps="index", clock_error=0.01,
         note="slow mover, rolls onto the side between sets, clock 1 % fast (index stamps)"),
    dict(name="stress-bridge-hip-04", seed=9204, exercise="bridge", placement="hip",
         rate=100, device="adxl345-16g", sets=[12], subject=dict(amp=34),
         profile=dict(hold=(5, 8), rest=(1, 2), bounce=0.4), stamp_resolution=0.01, ending="getup",
         note="34 deg, 1 s rests, coarse 10 ms stamps (repeats), gets up and walks off at the end"),
    dict(name="stress-bridge-hip-05", seed=9205, exercise="bridge", placement="hip",
         rate=400, device="adxl355", sets=[10], profile=dict(rest=(15, 22), hold=(5, 7)),
         cut_start=4.0, ending="midrep", fidget_rate=0.3,
         note="400 Hz, 20 s rests with fidgets, starts and ends mid-rep"),
    # ---------------------------------------------------------------- wall sit
    dict(name="stress-wall-sit-thigh-01", seed=9301, exercise="wall-sit", placement="thigh",
         rate=100, device="adxl345", sets=[10], between="walk", subject=dict(amp=80),
         note="standard 10 x 10 s, walks to the wall"),
    dict(name="stress-wall-sit-thigh-02", seed=9302, exercise="wall-sit", placement="thigh",
         rate=50, device="adxl345-16g", sets=[6, 6], profile=dict(hold=(20, 30), rest=(10, 20)),
         between="walk", subject=dict(amp=88), random_gaps=3,
         note="holds of 20-30 s with growing tremor, walks between sets, 50 Hz with dropouts"),
    dict(name="stress-wall-sit-thigh-03", seed=9303, exercise="wall-sit", placement="thigh",
         rate=200, device="mpu6050", sets=[8, 8], subject=dict(amp=47), mount="side",
         profile=dict(rest=(1, 3), midpause=0.4), between="squat", stamps="burst", burst=25,
         note="shallow 47 deg, 1-3 s rests, pauses on the way down, picks something up between sets"),
    dict(name="stress-wall-sit-thigh-04", seed=9304, exercise="wall-sit", placement="thigh",
         rate=100, device="lis3dh", sets=[10], profile=dict(SLOW, hold=(6, 12), rest=(3, 8)),
         subject=dict(amp=60), slip_deg=20, slip_jumps=[(150, -15)], fidget_rate=0.3,
         stamps="index", clock_error=-0.01,
         note="slow slides, strap slips and is re-tightened, clock 1 % slow, fidgets"),
    dict(name="stress-wall-sit-thigh-05", seed=9305, exercise="wall-sit", placement="thigh",
         rate=400, device="adxl355", sets=[8], cut_start=12.0, ending="midrep",
         subject=dict(amp=70), profile=dict(hold=(8, 14), rest=(5, 12)),
         note="400 Hz, starts in a hold, ends in a hold"),
    dict(name="stress-wall-sit-thigh-06", seed=9306, exercise="wall-sit", placement="thigh",
         rate=100, device="cheap-noisy", sets=[12], subject=dict(amp=65),
         profile=dict(hold=(7, 13), bounce=0.5, rest=(4, 10)), stamp_resolution=0.01, random_gaps=2,
         note="noisy 10-bit, repeated stamps, bounce when arriving"),
    # ---------------------------------------------------------------- bird dog, lower back
    dict(name="stress-bird-dog-lower-back-01", seed=9401, exercise="bird-dog", placement="lower-back",
         rate=100, device="adxl345", sets=[8], note="standard 8 per side, alternating"),
    dict(name="stress-bird-dog-lower-back-02", seed=9402, exercise="bird-dog", placement="lower-back",
         rate=50, device="lis3dh", sets=[10, 10], same_side_again=0.15, between="child",
         subject=dict(amp=2.5), random_gaps=3,
         note="2.5 deg roll only, sometimes the same leg twice, child's pose between sets, 50 Hz gaps"),
    dict(name="stress-bird-dog-lower-back-03", seed=9403, exercise="bird-dog", placement="lower-back",
         rate=200, device="mpu6050", sets=[8], profile=dict(QUICK, hold=(0.5, 1.5), rest=(0.5, 1.5)),
         subject=dict(amp=6), stamps="burst", burst=16, same_side_again=0.1,
         note="quick bird dogs (1 s holds, 1 s rests), bursty stamps"),
    dict(name="stress-bird-dog-lower-back-04", seed=9404, exercise="bird-dog", placement="lower-back",
         rate=100, device="adxl345-16g", sets=[10], profile=dict(SLOW, hold=(0, 1), rest=(1, 3)),
         subject=dict(amp=4), ending="getup", fidget_rate=0.15,
         note="slow mover, coarse 12-bit at +-16 g on a 4 deg roll, gets up at the end"),
    dict(name="stress-bird-dog-lower-back-05", seed=9405, exercise="bird-dog", placement="lower-back",
         rate=200, device="adxl355", sets=[8, 8], between="heels", cut_start=3.0,
         first_side="left",  # the cut rep is the left one: the first complete rep is right
         profile=dict(hold=(5, 9), rest=(1, 6)), stamps="index", clock_error=0.012,
         note="200 Hz, clock 1.2 % fast, starts mid-rep, sits on heels between sets"),
    # ---------------------------------------------------------------- bird dog, thigh
    dict(name="stress-bird-dog-thigh-01", seed=9501, exercise="bird-dog", placement="thigh",
         rate=100, device="adxl345", sets=[10], instrumented_side="right",
         note="standard, right thigh, alternating"),
    dict(name="stress-bird-dog-thigh-02", seed=9502, exercise="bird-dog", placement="thigh",
         rate=50, device="adxl345", sets=[8, 8], instrumented_side="left", between="child",
         subject=dict(amp=88), random_gaps=3,
         note="left thigh, child's pose between sets (thigh swings forward), +-2 g clips heel strikes"),
    dict(name="stress-bird-dog-thigh-03", seed=9503, exercise="bird-dog", placement="thigh",
         rate=200, device="mpu6050", sets=[10], instrumented_side="right", mount="side",
         same_side_again=0.2, profile=dict(QUICK, hold=(0.3, 1.2), rest=(0.3, 1.0)),
         subject=dict(amp=62), stamps="burst", burst=20,
         note="quick, side-mounted strap, sometimes the same leg twice"),
    dict(name="stress-bird-dog-thigh-04", seed=9504, exercise="bird-dog", placement="thigh",
         rate=100, device="cheap-noisy", sets=[10, 10], instrumented_side="left", between="heels",
         profile=dict(hold=(3, 8), midpause=0.3, rest=(2, 10)), slip_deg=20, ending="getup",
         note="noisy, strap slips, pauses on the way up, sits on heels between sets, gets up"),
    dict(name="stress-bird-dog-thigh-05", seed=9505, exercise="bird-dog", placement="thigh",
         rate=400, device="adxl355", sets=[8], instrumented_side="right", cut_start=6.0,
         profile=dict(SLOW, hold=(0, 2), rest=(2, 5)), ending="midrep",
         note="slow mover 400 Hz, starts and ends mid-rep"),
]


# --------------------------------------------------------------------------- output


def generate(spec):
    spec = dict(spec)
    rng = np.random.default_rng(spec["seed"])
    spec["device_name"] = spec["device"]
    spec["device"] = DEV[spec["device"]]
    s, cut = build(spec, rng)
    t, R_seg, acc = render_body(s, spec, rng)
    stamp, f, to_file = sensor_stream(spec, rng, t, R_seg, acc, s)
    # cut the beginning (the file starts mid-rep) and restart the time axis at ~0
    if cut > 0:
        # place the cut inside the first rep's hold so that the file starts mid-rep
        first = s.reps[0]
        cut = first["hold_start"] + min(1.0, 0.5 * (first["hold_end"] - first["hold_start"]))
    t_cut = to_file(cut) if cut > 0 else 0.0
    sel = stamp >= t_cut
    stamp, f = stamp[sel], f[sel]
    t0 = stamp[0]
    stamp = stamp - t0
    t_last = stamp[-1]
    # labels: complete reps only, on the file's time axis
    sets = {}
    for r in s.reps:
        times = [float(to_file(r[k]) - t0) for k in ("start", "hold_start", "hold_end", "end")]
        if times[0] < 0 or times[3] > t_last:
            continue
        sets.setdefault(r["set"], []).append(dict(
            start=round(times[0], 3), hold_start=round(times[1], 3),
            hold_end=round(times[2], 3), end=round(times[3], 3), side=r["side"]))
    labels = dict(exercise=spec["exercise"], placement=spec["placement"],
                  sets=[dict(reps=sets[k]) for k in sorted(sets)])
    return spec, stamp, f, labels


def write(spec, stamp, f, labels, outdir):
    name = spec["name"]
    lines = [
        f"# exercise: {spec['exercise']}",
        f"# placement: {spec['placement']}",
        f"# sample_rate_hz: {spec['rate']}",
        f"# device: {spec['device_name']}",
        "# generator: stress_sim.py",
        f"# seed: {spec['seed']}",
    ]
    if spec["exercise"] == "bird-dog" and spec["placement"] == "thigh":
        lines.append(f"# instrumented_side: {spec['instrumented_side']}")
    lines.append(f"# stress: {spec['note']}")
    lines.append("time_s,accel_x,accel_y,accel_z")
    path = os.path.join(outdir, name + ".csv")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
        fh.write(csv_body(stamp, f))
    with open(os.path.join(outdir, name + ".labels.json"), "w", encoding="utf-8") as fh:
        json.dump(labels, fh, indent=2)
        fh.write("\n")
    return path


def csv_body(stamp, f):
    """The rows of a recording, as written after its header: time and three axes, 4 decimals."""
    buf = io.StringIO()
    np.savetxt(buf, np.column_stack([stamp, f]), fmt="%.4f", delimiter=",")
    return buf.getvalue()


def plot(spec, stamp, f, labels, outdir):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(18, 4))
    for i, c in enumerate("rgb"):
        ax.plot(stamp, f[:, i], c, lw=0.4)
    for st in labels["sets"]:
        for r in st["reps"]:
            ax.axvspan(r["start"], r["end"], color="y", alpha=0.2)
            ax.axvspan(r["hold_start"], r["hold_end"], color="orange", alpha=0.3)
    ax.set_title(f"{spec['name']}: {spec['note']}")
    ax.set_ylim(-22, 22)
    fig.tight_layout()
    fig.savefig(os.path.join(outdir, spec["name"] + ".png"), dpi=60)
    plt.close(fig)


def read_csv(path):
    """(time, (N,3) accel) from a recording: metadata lines, header by name, rows."""
    with open(path, encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    cols = lines[0].strip().split(",")
    data = np.loadtxt(lines[1:], delimiter=",", ndmin=2)
    idx = [cols.index(c) for c in ("accel_x", "accel_y", "accel_z")]
    return data[:, cols.index("time_s")], data[:, idx]


def check_labels(labels, t_last):
    """Problems with a labels object (empty list when it is consistent)."""
    bad = []
    prev_end = -1.0
    for si, st in enumerate(labels["sets"]):
        if not st["reps"]:
            bad.append(f"set {si + 1} has no reps")
        for ri, r in enumerate(st["reps"]):
            ts = [r["start"], r["hold_start"], r["hold_end"], r["end"]]
            if ts != sorted(ts) or ts[0] < 0 or ts[3] > t_last or ts[0] < prev_end:
                bad.append(f"set {si + 1} rep {ri + 1}: times {ts} out of order or outside the file")
            prev_end = ts[3]
            want_side = labels["exercise"] == "bird-dog"
            if (r["side"] in ("left", "right")) != want_side:
                bad.append(f"set {si + 1} rep {ri + 1}: side {r['side']!r}")
    return bad


def check(outdir):
    """Regenerates every file in memory and compares it with what is in outdir."""
    failures = 0
    for c in CATALOGUE:
        spec, stamp, f, labels = generate(c)
        base = os.path.join(outdir, c["name"])
        with open(base + ".csv", encoding="utf-8") as fh:
            committed = fh.read()
        same_csv = committed.endswith(csv_body(stamp, f))
        with open(base + ".labels.json", encoding="utf-8") as fh:
            same_labels = json.load(fh) == json.loads(json.dumps(labels))
        problems = check_labels(labels, float(stamp[-1]))
        ok = same_csv and same_labels and not problems
        failures += not ok
        print(f"{'ok ' if ok else 'BAD'} {c['name']}" + ("" if same_csv else "  csv differs")
              + ("" if same_labels else "  labels differ") + "".join("  " + p for p in problems))
    return 1 if failures else 0


def match_reps(labelled, counted):
    """Pairs labelled with counted reps one to one by time overlap, largest overlap
    first (ties by counted, then labelled index), as RepMatcher.swift does; intervals
    that merely touch do not overlap. Returns {labelled index: counted index}."""
    candidates = []
    for i, c in enumerate(counted):
        for j, r in enumerate(labelled):
            o = min(c["end"], r["end"]) - max(c["start"], r["start"])
            if o > 0:
                candidates.append((-o, i, j))
    candidates.sort()
    used_counted, pairs = set(), {}
    for _, i, j in candidates:
        if i not in used_counted and j not in pairs:
            used_counted.add(i)
            pairs[j] = i
    return pairs


def compare(paths, binary, plot_dir=None):
    """Runs `repcount replay --json` and lists, per labelled rep, the counted rep it is
    paired with (match_reps), then the counted reps that match none."""
    import subprocess
    for path in paths:
        with open(path[:-4] + ".labels.json", encoding="utf-8") as fh:
            lab = json.load(fh)
        L = [(si, r) for si, st in enumerate(lab["sets"]) for r in st["reps"]]
        out = subprocess.run([binary, "replay", path, "--json"], capture_output=True, text=True, check=True)
        ev = [json.loads(x) for x in out.stdout.splitlines() if x.strip()]
        C = [e for e in ev if e["type"] == "rep"]
        print(f"== {os.path.basename(path)}: {len(L)} labelled, {len(C)} counted")
        pairs = match_reps([r for _, r in L], C)
        used = set(pairs.values())
        for k, (si, r) in enumerate(L):
            best = pairs.get(k)
            lh = r["hold_end"] - r["hold_start"]
            head = f"  label set {si + 1} {r['start']:8.2f}-{r['end']:8.2f} hold {lh:5.2f} {r['side'] or '':5s}"
            if best is None:
                print(head + " | MISSED")
                continue
            c = C[best]
            flags = ("  HOLD" if abs(c["hold_s"] - lh) > 1 else "") + \
                    ("  SIDE" if r["side"] and c.get("side") != r["side"] else "")
            print(head + f" | set {c['set']} {c['start']:8.2f}-{c['end']:8.2f} hold {c['hold_s']:5.2f} "
                  f"{c.get('side') or '':5s}{flags}")
        for j, c in enumerate(C):
            if j not in used:
                print(f"  EXTRA set {c['set']} {c['start']:8.2f}-{c['end']:8.2f} hold {c['hold_s']:5.2f} "
                      f"{c.get('side') or ''}")
        if plot_dir:
            import matplotlib
            matplotlib.use("Agg")
            import matplotlib.pyplot as plt
            t, a = read_csv(path)
            fig, ax = plt.subplots(figsize=(20, 4))
            for i, col in enumerate("rgb"):
                ax.plot(t, a[:, i], col, lw=0.4)
            for _, r in L:
                ax.axvspan(r["start"], r["end"], ymin=0.5, color="y", alpha=0.3)
                ax.axvspan(r["hold_start"], r["hold_end"], ymin=0.5, color="orange", alpha=0.4)
            for c in C:
                ax.axvspan(c["start"], c["end"], ymax=0.5, color="c", alpha=0.3)
                ax.axvspan(c["hold_start"], c["hold_end"], ymax=0.5, color="b", alpha=0.3)
            ax.set_ylim(-15, 15)
            ax.set_title(os.path.basename(path) + ": labels above, counted below")
            fig.tight_layout()
            os.makedirs(plot_dir, exist_ok=True)
            fig.savefig(os.path.join(plot_dir, os.path.basename(path)[:-4] + ".cmp.png"), dpi=60)
            plt.close(fig)
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "stress"))
    ap.add_argument("--only", action="append", help="generate only this name (repeatable)")
    ap.add_argument("--list", action="store_true", help="list the catalogue")
    ap.add_argument("--plot", metavar="DIR", help="also write a PNG per recording into DIR")
    ap.add_argument("--check", action="store_true",
                    help="regenerate in memory; fail unless the files in --out are identical and consistent")
    ap.add_argument("--compare", nargs="+", metavar="CSV",
                    help="compare `repcount replay` with the labels of these recordings")
    ap.add_argument("--repcount", default=".build/debug/repcount", help="the binary for --compare")
    ap.add_argument("--seed-offset", type=int, default=0,
                    help="added to every seed: the same sessions on recordings the counter was never tuned on")
    a = ap.parse_args(argv)
    if a.check:
        return check(a.out)
    if a.compare:
        return compare(a.compare, a.repcount, a.plot)
    if a.list:
        for c in CATALOGUE:
            print(f"{c['name']:34s} seed {c['seed']}  {c['rate']:3d} Hz  {c['note']}")
        return 0
    os.makedirs(a.out, exist_ok=True)
    for c in CATALOGUE:
        if a.only and c["name"] not in a.only:
            continue
        spec, stamp, f, labels = generate(dict(c, seed=c["seed"] + a.seed_offset))
        path = write(spec, stamp, f, labels, a.out)
        nrep = sum(len(s["reps"]) for s in labels["sets"])
        print(f"{os.path.basename(path):40s} {stamp[-1]:7.1f} s {len(stamp):7d} rows "
              f"{len(labels['sets'])} sets {nrep:3d} reps  amp {spec['_amp_deg']:.1f} deg")
        if a.plot:
            os.makedirs(a.plot, exist_ok=True)
            plot(spec, stamp, f, labels, a.plot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
