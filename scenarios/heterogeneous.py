#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Heterogeneous-access handovers: each scheme, Wi-Fi -> LTE and LTE -> Wi-Fi.

Runs build/handover-scenario --access=wifi-lte (a Wi-Fi + LTE mobile node,
one handover per run, in each --direction) for PMIPv6, FPMIPv6 and RFC 5949
PFMIPv6 (predictive schemes with --tpred), and --access=lte (an X2 handover
inside the one LTE MAG) as the baseline; writes one tidy row per handover
direction x scheme x flow: mean and 95 % CI of the packet-level latency and
loss period, the mean lost packets and the mean measured DHO,L2.

Usage: /usr/bin/python3 scenarios/heterogeneous.py --out results/heterogeneous.csv
           [--seeds 10] [--tpred 50] [--binary build/handover-scenario]
"""
import argparse
import csv
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from sweep import mean_ci95  # noqa: E402

SCHEMES = ["pmipv6", "fpmipv6", "pfmipv6-predictive", "pfmipv6-reactive"]
PREDICTIVE = {"fpmipv6", "pfmipv6-predictive"}
# The handover of each kind of run, as the table names it.
HANDOVERS = {"wifi-lte": "Wi-Fi->LTE", "lte-wifi": "LTE->Wi-Fi", "x2": "X2 (LTE)"}
COLUMNS = ["handover", "scheme", "tpred_ms", "flow", "n", "latency_mean_ms", "latency_ci95_ms",
           "loss_period_mean_ms", "loss_period_ci95_ms", "lost_packets_mean", "dho_l2_mean_ms"]


def runs(seeds, tpred):
    """(handover kind, scheme, tpred ms, options) for every run."""
    out = []
    for direction in ("wifi-lte", "lte-wifi"):
        for scheme in SCHEMES:
            t = tpred if scheme in PREDICTIVE else 0
            for seed in range(1, seeds + 1):
                out.append((direction, scheme, t,
                            "--access=wifi-lte --mags=2 --direction=%s --scheme=%s --tpred=%gms "
                            "--handovers=1 --RngRun=%d" % (direction, scheme, t, seed)))
    for seed in range(1, seeds + 1):
        out.append(("x2", "pmipv6", 0,
                    "--access=lte --mags=1 --scheme=pmipv6 --handovers=1 --RngRun=%d" % seed))
    return out


def run_batch(binary, plan, provenance=None):
    """Rows of the scenario's CSV, each with the run it came from; the
    batch's provenance lines (# ...) go to the list `provenance`."""
    stdin = "".join(options + "\n" for _, _, _, options in plan)
    proc = subprocess.run([binary, "--batch"], input=stdin, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError("%s --batch failed: %s" % (binary, proc.stderr.strip()[-500:]))
    lines = proc.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    if provenance is not None:
        provenance.extend(lines[:start])
    header = lines[start].split(",")
    rows, index = [], 0
    for line in lines[start + 1:]:
        if line == "#done":
            index += 1
        elif line and not line.startswith("#"):
            row = dict(zip(header, line.split(",")))
            row["kind"], row["run_scheme"], row["run_tpred"], _ = plan[index]
            rows.append(row)
    if index != len(plan):
        raise RuntimeError("%d of %d runs reported" % (index, len(plan)))
    return rows


def aggregate(rows):
    """One tidy row per handover kind x scheme x flow."""
    groups = {}
    for row in rows:
        groups.setdefault((row["kind"], row["scheme"], float(row["tpred_ms"]), row["direction"]),
                          []).append(row)
    tidy = []
    for (kind, scheme, tpred, flow), members in sorted(groups.items()):
        def column(name):
            return [float(m[name]) for m in members]
        dho = [d for d in column("dho_l2_ms") if d >= 0]
        out = {"handover": HANDOVERS[kind], "scheme": scheme, "tpred_ms": "%g" % tpred,
               "flow": flow, "n": len(members)}
        out["latency_mean_ms"], out["latency_ci95_ms"] = mean_ci95(column("latency_ms"))
        out["loss_period_mean_ms"], out["loss_period_ci95_ms"] = mean_ci95(
            column("loss_period_ms"))
        out["lost_packets_mean"] = mean_ci95(column("lost_packets"))[0]
        out["dho_l2_mean_ms"] = mean_ci95(dho)[0] if dho else float("nan")
        tidy.append(out)
    return tidy


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--binary", default=os.environ.get(
        "PMIPV6_SCENARIO", os.path.join(os.path.dirname(HERE), "build", "handover-scenario")))
    p.add_argument("--seeds", type=int, default=10)
    p.add_argument("--tpred", type=float, default=50, help="Tpred of the predictive schemes (ms)")
    p.add_argument("--out", required=True)
    args = p.parse_args(argv)
    plan = runs(args.seeds, args.tpred)
    print("heterogeneous: %d runs of %s" % (len(plan), args.binary), file=sys.stderr)
    provenance = []
    tidy = aggregate(run_batch(args.binary, plan, provenance))
    with open(args.out, "w", newline="") as f:
        for line in provenance:
            f.write(line + "\n")
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for row in tidy:
            w.writerow({k: ("%.6g" % v if isinstance(v, float) else v) for k, v in row.items()})
    print("heterogeneous: %d rows -> %s" % (len(tidy), args.out), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
