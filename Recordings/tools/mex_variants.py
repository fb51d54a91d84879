#!/usr/bin/env python3
"""mex_variants.py: label-preserving variants of the labelled MEx recordings.

The real recordings in Recordings/mex are one sensor (an Axivity AX3 at 100 Hz) on
fifteen people. The counter passes all of them, some by small margins, and will meet
other people and other sensors. This tool keeps the real motion and changes what a
different person or device would change, so a margin that depends on one of them
shows up as a failure:

- the strap turned by a uniformly random rotation (the counter must not care);
- the time axis stretched by 0.8-1.25 (a quicker or slower mover; the labels are
  stretched with it);
- resampled at 50, 62.5, 100, 125 or 200 Hz with 0.1-sample jitter (linear
  interpolation of the original samples);
- per-axis scale (+-3%) and bias (+-0.3 m/s^2) errors, white noise of 0.01-0.1 m/s^2,
  and sometimes quantisation to 0.01-0.08 m/s^2 steps;
- up to three dropouts of 0.1-0.3 s.

Usage (Python 3 + numpy and scipy, for the tools it borrows from):

    python3 Recordings/tools/mex_variants.py --out DIR                 # 2 variants per file
    python3 Recordings/tools/mex_variants.py --out DIR --variants 8 --seed-offset 500000

then `repcount eval DIR`. Each variant's seed is the offset plus 1000 times the
file's position plus the variant's number, so a batch is reproducible; its first
line names the source, seed, stretch and rate. `holdout.sh` makes a batch beside
the two generators' ones.
"""

import argparse
import glob
import json
import os
from dataclasses import dataclass

import numpy as np

from label_mex import read_recording
from stress_sim import quat_to_mats

HERE = os.path.dirname(os.path.abspath(__file__))
MEX = os.path.join(HERE, "..", "mex")

RATES = [50.0, 62.5, 100.0, 125.0, 200.0]  # Hz: rates IIO accelerometers are commonly run at
STEPS = [0.0, 0.0096, 0.0383, 0.0766]  # m/s^2: none, and 16-, 14-, 13-bit at +-8 g


def random_rotation(rng):
    """A uniformly random rotation matrix (from a random unit quaternion)."""
    q = rng.normal(size=4)
    return quat_to_mats((q / np.linalg.norm(q))[None])[0]


@dataclass
class Variant:
    """One variant of a recording, and how it was made."""

    time: np.ndarray  # s
    accel: np.ndarray  # m/s^2, N x 3
    labels: dict  # the source's, on the stretched time axis
    seed: int
    stretch: float
    rate: float  # Hz
    step: float  # m/s^2, quantisation (0: none)

    @property
    def description(self):
        return f"seed {self.seed}, stretch {self.stretch:.3f}, rate {self.rate:g} Hz, step {self.step:g}"


def make_variant(t, a, labels, seed):
    """One variant of the recording (`t`, `a`) and its `labels`, made from `seed`; the
    ranges are those of the module's docstring."""
    rng = np.random.default_rng(seed)
    stretch = rng.uniform(0.8, 1.25)
    rate = float(rng.choice(RATES))
    ts = t * stretch
    n = int(ts[-1] * rate)
    tn = np.arange(n) / rate + rng.normal(0, 0.1 / rate, n)
    tn = np.maximum.accumulate(np.clip(tn, 0, ts[-1]))
    an = np.column_stack([np.interp(tn, ts, a[:, k]) for k in range(3)])
    an = an @ random_rotation(rng).T
    an = an * (1 + rng.uniform(-0.03, 0.03, 3)) + rng.uniform(-0.3, 0.3, 3)
    an = an + rng.normal(0, rng.uniform(0.01, 0.1), an.shape)
    step = float(rng.choice(STEPS))
    if step:
        an = np.round(an / step) * step
    keep = np.ones(n, bool)
    for _ in range(rng.integers(0, 4)):
        s = rng.integers(0, n)
        keep[s:s + int(rng.uniform(0.1, 0.3) * rate)] = False
    out = json.loads(json.dumps(labels))
    for st in out["sets"]:
        for r in st["reps"]:
            for k in ("start", "hold_start", "hold_end", "end"):
                r[k] = round(r[k] * stretch, 3)
    return Variant(tn[keep], an[keep], out, seed, stretch, rate, step)


def write_variant(path, source, metadata, v):
    """The variant `v` of `source` (whose `# key: value` lines are `metadata`) and its
    labels beside it, in the shared formats."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"# source: variant of {os.path.basename(source)} ({v.description}; Recordings/tools/mex_variants.py)\n")
        for key in ("exercise", "placement"):
            fh.write(f"# {key}: {metadata[key]}\n")
        fh.write(f"# sample_rate_hz: {v.rate:g}\n")
        fh.write("time_s,accel_x,accel_y,accel_z\n")
        for ti, (x, y, z) in zip(v.time, v.accel):
            fh.write(f"{ti:.4f},{x:.4f},{y:.4f},{z:.4f}\n")
    with open(path[:-4] + ".labels.json", "w", encoding="utf-8") as fh:
        json.dump(v.labels, fh, indent=1)
        fh.write("\n")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", required=True, help="directory for the variants")
    p.add_argument("--mex", default=MEX, help="labelled MEx recordings (default Recordings/mex)")
    p.add_argument("--variants", type=int, default=2, help="variants per recording")
    p.add_argument("--seed-offset", type=int, default=0)
    args = p.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    sources = [f for f in sorted(glob.glob(os.path.join(args.mex, "*.csv"))) if os.path.exists(f[:-4] + ".labels.json")]
    for i, src in enumerate(sources):
        rec = read_recording(src)
        with open(src[:-4] + ".labels.json", encoding="utf-8") as fh:
            labels = json.load(fh)
        for k in range(args.variants):
            v = make_variant(rec.time, rec.accel, labels, args.seed_offset + 1000 * i + k)
            name = os.path.basename(src)[:-4] + f"-v{k}.csv"
            write_variant(os.path.join(args.out, name), src, rec.metadata, v)
    print(f"{len(sources) * args.variants} variants of {len(sources)} recordings in {args.out}")


if __name__ == "__main__":
    main()
