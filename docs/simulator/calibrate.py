#!/usr/bin/env python3
"""Calibration of repcount-sim against the real MEx thigh recordings.

Measures the same figures on real and simulated recordings with the same code:
tilt amplitude of the reps, 10-90 % rise and fall times, hold (time above 80 %
of the rep's excursion), rest between reps, wobble of the rest level and of the
hold, the noise floor, |a| at rest, and the sample-interval statistics; prints a
table and draws real-vs-simulated figures.

Usage: python3 docs/simulator/calibrate.py MEX_DIR RECORDINGS_DIR OUT_DIR
(e.g. /work/shared/datasets/mex Recordings docs/simulator)
"""
import glob, json, os, sys
import numpy as np
import pandas as pd
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt


def load(path):
    d = pd.read_csv(path, comment="#")
    return d.time_s.values, d[["accel_x", "accel_y", "accel_z"]].values


def resample(t, a, rate=100.0):
    """Onto a uniform 100 Hz grid (linear), so real and simulated files at any
    rate are measured alike."""
    keep = np.concatenate([[True], np.diff(t) > 0])
    t, a = t[keep], a[keep]
    g = np.arange(t[0], t[-1], 1 / rate)
    return g, np.column_stack([np.interp(g, t, a[:, i]) for i in range(3)])


def smooth(a, n):
    k = np.ones(n) / n
    return np.column_stack([np.convolve(a[:, i], k, "same") for i in range(3)])


def tilt(a_s, ref):
    u = a_s / np.linalg.norm(a_s, axis=1)[:, None]
    return np.degrees(np.arccos(np.clip(u @ ref, -1, 1)))


def rest_reference(a_s):
    """Orientation at rest: start from the overall median and keep the samples
    nearest to it (the lower half of the tilt), twice."""
    ref = np.median(a_s, axis=0)
    ref /= np.linalg.norm(ref)
    for _ in range(3):
        th = tilt(a_s, ref)
        m = th <= np.percentile(th, 40)
        ref = np.median(a_s[m], axis=0)
        ref /= np.linalg.norm(ref)
    return ref


def reps_of(t, th):
    """Excursions above half the 95th percentile, with hysteresis (enter at 50 %,
    leave at 30 %), longer than 0.8 s."""
    hi = 0.5 * np.percentile(th, 95)
    lo = 0.3 * np.percentile(th, 95)
    out, inside, s = [], False, 0
    for i, v in enumerate(th):
        if not inside and v > hi:
            inside, s = True, i
        elif inside and v < lo:
            inside = False
            if t[i] - t[s] > 0.8:
                out.append((s, i))
    return out


def measure(t, a, windows=None):
    """Figures for one recording; `windows` limits the analysis to (start, end)
    spans (the sets of a simulated session)."""
    t, a = resample(t, a)
    a_s = smooth(a, 20)
    if windows:
        m = np.zeros(len(t), bool)
        for w0, w1 in windows:
            m |= (t >= w0) & (t <= w1)
    else:
        m = np.ones(len(t), bool)
    ref = rest_reference(a_s[m])
    th_all = tilt(a_s, ref)
    res = dict(amp=[], rise=[], fall=[], hold=[], rest=[], hold_wobble=[], rest_wobble=[])
    segs = []
    for w0, w1 in (windows or [(t[0], t[-1])]):
        mm = (t >= w0) & (t <= w1)
        tt, th = t[mm], th_all[mm]
        if len(tt) < 200:
            continue
        reps = reps_of(tt, th)
        prev_end = None
        for s, e in reps:
            # Extend to where the excursion leaves/returns to the local rest level.
            s0 = max(0, s - 400)
            base = np.percentile(th[s0:s], 20) if s > s0 else 0
            peak = np.percentile(th[s:e], 90)
            exc = peak - base
            if exc <= 0:
                continue
            lvl = lambda f: base + f * exc
            seg = th[s0:min(len(th), e + 400)]
            ts = tt[s0:min(len(th), e + 400)]
            ipk = np.argmax(seg >= lvl(0.9))
            above = np.where(seg >= lvl(0.8))[0]
            if len(above) == 0:
                continue
            i10 = np.where(seg[:ipk] < lvl(0.1))[0]
            i10 = i10[-1] if len(i10) else 0
            last90 = np.where(seg >= lvl(0.9))[0][-1]
            after = np.where(seg[last90:] < lvl(0.1))[0]
            if len(after) == 0:
                continue
            j10 = last90 + after[0]
            res["amp"].append(exc)
            res["rise"].append(ts[ipk] - ts[i10])
            res["fall"].append(ts[j10] - ts[last90])
            res["hold"].append(ts[above[-1]] - ts[above[0]])
            core = seg[above[0]:above[-1]]
            if len(core) > 100:
                x = np.arange(len(core))
                res["hold_wobble"].append(np.std(core - np.polyval(np.polyfit(x, core, 1), x)))
            if prev_end is not None:
                res["rest"].append(ts[i10] - prev_end)
            prev_end = ts[j10]
            segs.append((ts[i10], ts[j10]))
    # Rest wobble: SD of tilt within 2 s windows between reps, detrended.
    rest_mask = m.copy()
    for s0, s1 in segs:
        rest_mask &= ~((t >= s0 - 0.5) & (t <= s1 + 0.5))
    wob = []
    for i in range(0, len(t) - 200, 200):
        if rest_mask[i:i + 200].all():
            seg = th_all[i:i + 200]
            x = np.arange(200)
            wob.append(np.std(seg - np.polyval(np.polyfit(x, seg, 1), x)))
    res["rest_wobble"] = wob
    # Noise floor: per-axis SD of the residual after a 0.2 s moving average, in the
    # quietest 10 % of 1 s windows at rest (sensor noise plus the body's own tremor).
    resid = a - smooth(a, 20)
    nf = [np.mean(np.std(resid[i:i + 100], axis=0)) for i in range(0, len(t) - 100, 100) if rest_mask[i:i + 100].all()]
    res["noise"] = [np.percentile(nf, 10)] if nf else []
    g = np.linalg.norm(a_s[rest_mask], axis=1)
    res["g"] = [np.median(g)] if len(g) else []
    return res, t, th_all


BANDS = [(0.05, 0.5), (0.5, 1.5), (1.5, 3), (3, 6), (6, 12), (12, 45)]


def rest_band_rms(files):
    """Median over files of the per-band RMS (m/s², three axes together) of
    acceleration in 4 s windows at rest (tilt under a quarter of the 95th
    percentile), on the 100 Hz grid."""
    out = []
    for f in files:
        t, a = load(f)
        t, a = resample(t, a)
        s = smooth(a, 20)
        th = tilt(s, rest_reference(s))
        rest = th < 0.25 * np.percentile(th, 95)
        rows = []
        for i in range(0, len(t) - 400, 400):
            if rest[i:i + 400].all():
                x = a[i:i + 400] - a[i:i + 400].mean(0)
                F = np.fft.rfftfreq(400, 0.01)
                P = (abs(np.fft.rfft(x, axis=0)) ** 2).sum(1) * 2 / 400 ** 2
                rows.append([np.sqrt(P[(F >= lo) & (F < hi)].sum()) for lo, hi in BANDS])
        if rows:
            out.append(np.median(rows, axis=0))
    return (np.median(out, axis=0) if out else None), len(out)


def overview(rec, out):
    """One simulated session per exercise and placement, whole, with its labels."""
    names = ["sim-bridge-thigh-01", "sim-bridge-hip-03", "sim-wall-sit-thigh-01", "sim-bird-dog-lower-back-01", "sim-bird-dog-thigh-02"]
    fig, axs = plt.subplots(len(names), 1, figsize=(15, 2.6 * len(names)))
    for ax, n in zip(axs, names):
        t, a = load(f"{rec}/{n}.csv")
        lab = json.load(open(f"{rec}/{n}.labels.json"))
        tt, aa = resample(t, a)
        s = smooth(aa, 20)
        r0 = lab["sets"][0]["reps"][0]["start"]
        ref = np.median(s[(tt > r0 - 2) & (tt < r0)], axis=0)
        ax.plot(tt, tilt(s, ref / np.linalg.norm(ref)), lw=0.6, label="tilt from the first rest (deg)")
        ax.plot(tt, np.linalg.norm(aa, axis=1), lw=0.4, label="|a| (m/s²)")
        for st in lab["sets"]:
            for r in st["reps"]:
                ax.axvspan(r["start"], r["end"], color="orange", alpha=0.15)
                ax.axvspan(r["hold_start"], r["hold_end"], color="green", alpha=0.25)
                if r["side"]:
                    ax.text(r["hold_start"], 1, r["side"][0], fontsize=7)
        ax.set_title(f"{n} (orange: rep start-end, green: hold)", fontsize=9)
        ax.legend(loc="upper right", fontsize=7)
    axs[-1].set_xlabel("s")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "overview.png"), dpi=65)


def detail(mex, rec, out):
    """12 s of raw axes (minus their mean): a rep and the rest around it, real and
    simulated, to compare noise, vibration, quantisation and the landing jolt."""
    pairs = [(f"{mex}/s01-bridge-thigh.csv", 10.0, f"{rec}/sim-bridge-thigh-01.csv", None),
             (f"{mex}/s05-superman-thigh.csv", 26.0, f"{rec}/sim-bird-dog-thigh-01.csv", None)]
    fig, axs = plt.subplots(len(pairs), 2, figsize=(15, 3.2 * len(pairs)))
    for row, (real, t0, sim, _) in zip(axs, pairs):
        lab = json.load(open(sim.replace(".csv", ".labels.json")))
        r = lab["sets"][0]["reps"][1]
        for ax, (path, start) in zip(row, [(real, t0), (sim, r["start"] - 4)]):
            t, a = load(path)
            m = (t >= start) & (t <= start + 12)
            for i, c in enumerate("xyz"):
                ax.plot(t[m] - start, a[m, i] - a[m, i].mean(), lw=0.6, label=c)
            ax.set_title(os.path.basename(path) + " (raw axes minus their mean)", fontsize=9)
            ax.set_ylabel("m/s²")
            ax.legend(fontsize=7, loc="upper right")
    axs[-1, 0].set_xlabel("s (real)")
    axs[-1, 1].set_xlabel("s (simulated)")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "detail.png"), dpi=70)


def windows_from_labels(path):
    lab = json.load(open(path))
    w = []
    for s in lab["sets"]:
        if s["reps"]:
            w.append((s["reps"][0]["start"] - 6, s["reps"][-1]["end"] + 4))
    return w, lab


def summarise(name, results):
    keys = ["amp", "rise", "fall", "hold", "rest", "hold_wobble", "rest_wobble", "noise", "g"]
    row = {"set": name}
    for k in keys:
        v = np.concatenate([np.asarray(r[k], float) for r in results if len(r[k])]) if results else np.array([])
        row[k] = (np.percentile(v, 10), np.median(v), np.percentile(v, 90)) if len(v) else (np.nan,) * 3
    return row


def fmt(row):
    cells = [row["set"].ljust(24)]
    for k in ["amp", "rise", "fall", "hold", "rest", "hold_wobble", "rest_wobble", "noise", "g"]:
        lo, md, hi = row[k]
        cells.append(f"{md:6.2f} [{lo:5.2f}-{hi:5.2f}]")
    return " | ".join(cells)


def main():
    mex, rec, out = sys.argv[1:4]
    groups = {
        "MEx bridge thigh": [(p, None) for p in sorted(glob.glob(f"{mex}/s*-bridge-thigh.csv"))],
        "sim bridge thigh": [(p, p.replace(".csv", ".labels.json")) for p in sorted(glob.glob(f"{rec}/sim-bridge-thigh-*.csv"))],
        "MEx superman thigh": [(p, None) for p in sorted(glob.glob(f"{mex}/s*-superman-thigh.csv"))],
        "sim bird-dog thigh": [(p, p.replace(".csv", ".labels.json")) for p in sorted(glob.glob(f"{rec}/sim-bird-dog-thigh-*.csv"))],
    }
    print("figure: median [10th-90th percentile]; amp deg, rise/fall (10-90 %) s, hold (above 80 %) s, rest s,")
    print("hold/rest wobble deg (SD, detrended, 2 s), noise m/s^2 (per-axis SD above ~5 Hz, quiet rest), |a| at rest m/s^2")
    print("set".ljust(24) + " | " + " | ".join(k.ljust(20) for k in ["amp", "rise", "fall", "hold", "rest", "hold_wobble", "rest_wobble", "noise", "g"]))
    traces = {}
    for name, files in groups.items():
        results = []
        for p, lp in files:
            t, a = load(p)
            w = windows_from_labels(lp)[0] if lp else None
            r, tt, th = measure(t, a, w)
            results.append(r)
            traces.setdefault(name, []).append((os.path.basename(p), tt, th, w))
        print(fmt(summarise(name, results)))
    # Ground truth of the simulated files, for holds and rests that the
    # threshold-based measurement above cannot separate (quick reps).
    for pattern in ["sim-bridge-thigh-*", "sim-bird-dog-thigh-*", "sim-bridge-hip-*", "sim-wall-sit-thigh-*", "sim-bird-dog-lower-back-*"]:
        holds, rests, ramps = [], [], []
        for lp in sorted(glob.glob(f"{rec}/{pattern}.labels.json")):
            for s in json.load(open(lp))["sets"]:
                prev = None
                for r in s["reps"]:
                    holds.append(r["hold_end"] - r["hold_start"])
                    ramps += [r["hold_start"] - r["start"], r["end"] - r["hold_end"]]
                    if prev is not None:
                        rests.append(r["start"] - prev)
                    prev = r["end"]
        if holds:
            q = lambda v: f"{np.median(v):5.2f} [{np.percentile(v, 10):5.2f}-{np.percentile(v, 90):5.2f}]"
            print(f"labels {pattern:26s} hold {q(holds)}  ramp {q(ramps)}  rest between labelled reps {q(rests) if rests else '-'}")
    # Sample intervals of the simulated files.
    for p in sorted(glob.glob(f"{rec}/sim-*.csv")):
        t, _ = load(p)
        dt = np.diff(t)
        nominal = float([l for l in open(p) if l.startswith("# sample_rate_hz")][0].split(":")[1])
        print(f"{os.path.basename(p):34s} nominal {nominal:6.1f} Hz  median dt {np.median(dt) * 1000:6.2f} ms  "
              f"jitter (IQR) {np.subtract(*np.percentile(dt, [75, 25])) * 1000:5.2f} ms  gaps > 1.5 dt {int((dt > 1.5 * np.median(dt)).sum()):3d}  "
              f"longest {dt.max():5.2f} s  repeated stamps {int((dt == 0).sum()):3d}")
    print("rest spectrum, RMS m/s² per band: " + "  ".join(f"{lo}-{hi} Hz" for lo, hi in BANDS))
    for name, pattern in [("MEx bridge thigh", f"{mex}/s*-bridge-thigh.csv"), ("sim bridge thigh (standard)", f"{rec}/sim-bridge-thigh-0[12568].csv"),
                          ("MEx superman thigh", f"{mex}/s*-superman-thigh.csv"), ("sim bird-dog thigh", f"{rec}/sim-bird-dog-thigh-*.csv")]:
        r, n = rest_band_rms(sorted(glob.glob(pattern)))
        if r is not None:
            print(f"{name:28s} files {n:2d}  " + "  ".join(f"{v:.3f}" for v in r))
    overview(rec, out)
    detail(mex, rec, out)
    # Figures: three real and three simulated traces side by side, per exercise.
    for real, sim, fname in [("MEx bridge thigh", "sim bridge thigh", "bridge-thigh.png"),
                             ("MEx superman thigh", "sim bird-dog thigh", "bird-dog-thigh.png")]:
        fig, axs = plt.subplots(3, 2, figsize=(15, 8))
        for col, name in enumerate([real, sim]):
            for row, (fn, tt, th, w) in enumerate(traces[name][:3]):
                ax = axs[row, col]
                if w:  # show 75 s of the first set, like a MEx file
                    m = (tt >= w[0][0]) & (tt <= w[0][0] + 75)
                    ax.plot(tt[m] - tt[m][0], th[m], lw=0.7)
                else:
                    ax.plot(tt - tt[0], th, lw=0.7)
                ax.set_title(fn, fontsize=9)
                ax.set_ylabel("tilt from rest (deg)")
        axs[2, 0].set_xlabel("s (real)")
        axs[2, 1].set_xlabel("s (simulated, first set)")
        fig.suptitle(f"{real} (left) vs {sim} (right)")
        fig.tight_layout()
        fig.savefig(os.path.join(out, fname), dpi=70)


if __name__ == "__main__":
    main()
