#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""The FPMIPv6 paper's Fig. 7 (and its companions) from the tidy sweep CSV of scenarios/sweep.py.

Usage: python3 plotting/plot_fig7.py SWEEP.csv OUTDIR

For every (access, direction, parameter set) in the CSV it writes, as PNG and
PDF, whichever of these figures it has data for:
  fig7              handover latency and loss period vs Tpred, FPMIPv6 and PMIPv6
  two_interfaces    the same for a two-interface MN (Eq. 8)
  extra_delay       maximum extra delay dadd vs Tpred (Eq. 7)
  wrong_prediction  latency, loss and extra delay when the prediction is wrong (Eq. 9)
  comparison        every scheme in the CSV (one interface, correct prediction)
Simulated points are means with 95 % confidence intervals; lines are the
analytic model (plotting/analytic.py) at the CSV's D, Rl, Rm, Ra. It also
prints, per scheme variant and measure, the largest |simulated mean -
analytic| over Tpred.

Needs Debian's python3-matplotlib, i.e. /usr/bin/python3.
"""

import csv
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import analytic  # noqa: E402

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    sys.exit("plot_fig7.py: matplotlib missing; run it with /usr/bin/python3 "
             "(Debian's python3-matplotlib)")

# Measure -> (mean column, ci column, axis label).
MEASURES = {
    "latency": ("latency_mean_ms", "latency_ci95_ms", "Handover latency $d_{HO}$ (ms)"),
    "loss_period": ("loss_period_mean_ms", "loss_period_ci95_ms", "Loss period $l_{HO}$ (ms)"),
    "extra_delay": ("max_extra_delay_mean_ms", "max_extra_delay_ci95_ms",
                    "Max. extra delay $d_{add}$ (ms)"),
}
# The columns that make one figure set; parameters feed the analytic lines.
GROUP_COLUMNS = ("access", "direction", "dho_l2_ms", "rtt_mag_lma_ms", "rtt_mag_mag_ms",
                 "rtt_mag_ap_ms")

SCHEME_NAMES = {"pmipv6": "PMIPv6", "fpmipv6": "FPMIPv6",
                "pfmipv6-predictive": "PFMIPv6 pred.", "pfmipv6-reactive": "PFMIPv6 react."}
SCHEME_STYLE = {  # colour, marker: distinct in grey-scale print too
    "pmipv6": ("black", "s"), "fpmipv6": ("tab:blue", "o"),
    "pfmipv6-predictive": ("tab:green", "^"), "pfmipv6-reactive": ("tab:orange", "v"),
}
VARIANT_STYLE = {  # (interfaces, wrong prediction) -> colour, marker for FPMIPv6 variants
    (2, False): ("tab:purple", "D"), (1, True): ("tab:red", "X"),
}


# --- Data ----------------------------------------------------------------------------

def measured_access_types():
    """The access types whose DHO,L2 is measured, as the scenario program
    describes them ($PMIPV6_SCENARIO, else build/handover-scenario)."""
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.join(here, "..", "scenarios"))
    import sweep
    binary = os.environ.get("PMIPV6_SCENARIO",
                            os.path.join(here, "..", "build", "handover-scenario"))
    return {name for name, dho in sweep.access_types(binary).items() if dho == sweep.MEASURED}


def load(path):
    """Rows of the tidy CSV with numbers as floats and wrong_prediction as bool."""
    with open(path, newline="") as f:
        # Provenance lines ("# key: value") come first: skip them.
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    for row in rows:
        for key, value in row.items():
            if key.endswith("_ms") or key in ("n", "lost_packets_mean"):
                row[key] = float(value) if value not in ("", None) else math.nan
        row["interfaces"] = int(float(row["interfaces"]))
        row["wrong_prediction"] = row["wrong_prediction"].strip().lower() == "true"
    # On a real radio DHO,L2 is measured, a little different at every point:
    # draw each access network's points in one figure set, and the analytic
    # lines with the mean measured DHO,L2 (rounded to 0.1 ms).
    types = measured_access_types()
    measured = {}
    for row in rows:
        if row["access"] in types:
            measured.setdefault(row["access"], []).append(row["dho_l2_ms"])
    for row in rows:
        if row["access"] in measured:
            values = measured[row["access"]]
            row["dho_l2_ms"] = round(sum(values) / len(values), 1)
    return rows


def variant_key(row):
    return row["scheme"], row["interfaces"], row["wrong_prediction"]


def series(rows, variant, measure):
    """Sorted (tp, mean, ci) lists of one scheme variant and measure."""
    mean_col, ci_col, _ = MEASURES[measure]
    points = sorted((r["tpred_ms"], r[mean_col], r[ci_col])
                    for r in rows if variant_key(r) == variant)
    return [p[0] for p in points], [p[1] for p in points], \
        [0.0 if math.isnan(p[2]) else p[2] for p in points]


def params_of(group):
    """The analytic model's parameters of a group key."""
    g = dict(zip(GROUP_COLUMNS, group))
    return dict(D=g["dho_l2_ms"], Rl=g["rtt_mag_lma_ms"], Rm=g["rtt_mag_mag_ms"],
                Ra=g["rtt_mag_ap_ms"])


# --- Drawing ----------------------------------------------------------------------------

def variant_label(variant, explicit=False):
    """Legend name, e.g. "FPMIPv6, 2 interfaces"; explicit also names 1 interface and a
    correct prediction."""
    scheme, interfaces, wrong = variant
    label = SCHEME_NAMES.get(scheme, scheme)
    if interfaces != 1 or explicit:
        label += ", %d interface%s" % (interfaces, "s" if interfaces != 1 else "")
    if wrong:
        label += ", wrong prediction"
    elif explicit:
        label += ", correct prediction"
    return label


def scheme_rank(variant):
    """Sort key: the schemes in SCHEME_NAMES order, unknown ones last."""
    names = list(SCHEME_NAMES)
    return (names.index(variant[0]) if variant[0] in names else len(names)), variant


def variant_style(variant):
    scheme, interfaces, wrong = variant
    if scheme == "fpmipv6" and (interfaces, wrong) in VARIANT_STYLE:
        return VARIANT_STYLE[(interfaces, wrong)]
    return SCHEME_STYLE.get(scheme, ("tab:gray", "P"))


def draw_panel(ax, rows, measure, variants, params, tp_range, references=()):
    """Simulated points and analytic lines of some variants on one axis.

    references: variants whose analytic curve is drawn thin and dashed for
    comparison, without simulated points.
    """
    tp_dense = [tp_range[0] + (tp_range[1] - tp_range[0]) * i / 600.0 for i in range(601)]
    handles = []  # in drawing order, so each variant's points and line stay together
    for variant in variants:
        colour, marker = variant_style(variant)
        tps, means, cis = series(rows, variant, measure)
        if tps:
            handles.append(ax.errorbar(
                tps, means, yerr=cis, fmt=marker, color=colour, markersize=4,
                markerfacecolor="none", elinewidth=0.8, capsize=2, linestyle="none",
                label="%s, simulated (mean, 95%% CI)" % variant_label(variant)))
        model = analytic.model_for(*variant)
        if model:
            fn = model[measure]
            handles += ax.plot(tp_dense, fn(tp_dense, **params), "-", color=colour, linewidth=1.4,
                               label="%s, analytic (%s)" % (variant_label(variant),
                                                            analytic.EQUATION[fn]))
    for variant in references:
        model = analytic.model_for(*variant)
        if model:
            fn = model[measure]
            handles += ax.plot(tp_dense, fn(tp_dense, **params), "--", color="0.55", linewidth=1.0,
                               label="reference: %s, analytic (%s)"
                               % (variant_label(variant, explicit=True), analytic.EQUATION[fn]))
    ax.set_xlabel("Prediction time $T_{pred}$ (ms)")
    ax.set_ylabel(MEASURES[measure][2])
    ax.set_xlim(tp_range)
    ax.set_ylim(bottom=0)
    ax.grid(True, linewidth=0.4, alpha=0.6)
    # Below the axes: the curves fill the whole plot area at one Tpred or another.
    ax.legend(handles=handles, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.16),
              frameon=False)


def parameter_line(group, rows):
    """Second title line: the parameters the analytic lines were drawn with."""
    g = dict(zip(GROUP_COLUMNS, group))
    ns = sorted({int(r["n"]) for r in rows})
    n_text = "%d" % ns[0] if len(ns) == 1 else "%d-%d" % (ns[0], ns[-1])
    return ("$D_{HO,L2}$ = %g ms, RTT MAG-LMA = %g ms, RTT MAG-MAG = %g ms, RTT MAG-AP = %g ms\n"
            "%s access, %slink, %s handovers per point"
            % (g["dho_l2_ms"], g["rtt_mag_lma_ms"], g["rtt_mag_mag_ms"], g["rtt_mag_ap_ms"],
               g["access"], g["direction"], n_text))


# Figure name -> (title, measures (one panel each), variants, reference variants).
FIGURES = [
    ("fig7", "The FPMIPv6 paper's Fig. 7: handover latency and loss, FPMIPv6 vs PMIPv6",
     ("latency", "loss_period"), [("fpmipv6", 1, False), ("pmipv6", 1, False)], []),
    ("two_interfaces", "Two-interface MN: the new link is up before the old one drops",
     ("latency", "loss_period"), [("fpmipv6", 2, False), ("pmipv6", 2, False)],
     [("fpmipv6", 1, False)]),
    ("extra_delay", "Maximum additional packet delay during the handover",
     ("extra_delay",), [("fpmipv6", 1, False), ("fpmipv6", 2, False), ("pmipv6", 1, False)], []),
    ("wrong_prediction", "FPMIPv6 with a wrongly predicted new MAG",
     ("latency", "loss_period", "extra_delay"), [("fpmipv6", 1, True)], [("fpmipv6", 1, False)]),
    ("comparison", "All schemes (one interface, correct prediction)",
     ("latency", "loss_period", "extra_delay"), None, []),  # None: every scheme present
]


def draw_figures(group, rows, outdir, suffix):
    """Writes the figures of one group; returns the files written."""
    params = params_of(group)
    present = {variant_key(r) for r in rows}
    tps = [r["tpred_ms"] for r in rows]
    tp_range = (min(0.0, min(tps)), max(60.0, max(tps)))
    written = []
    for name, title, measures, variants, references in FIGURES:
        if variants is None:
            variants = sorted((v for v in present if v[1:] == (1, False)),
                              key=scheme_rank)
        drawn = [v for v in variants if v in present]
        if not drawn or (name == "comparison" and len(drawn) < 2):
            continue
        fig, axes = plt.subplots(1, len(measures), figsize=(5.6 * len(measures), 4.6),
                                 squeeze=False, layout="constrained")
        for ax, measure in zip(axes[0], measures):
            draw_panel(ax, rows, measure, drawn, params, tp_range, references)
        fig.suptitle("%s\n%s" % (title, parameter_line(group, rows)), fontsize=10)
        for ext in ("png", "pdf"):
            path = os.path.join(outdir, "%s%s.%s" % (name, suffix, ext))
            # "tight" keeps the legends below the axes inside the image.
            fig.savefig(path, dpi=150, bbox_inches="tight")
            written.append(path)
        plt.close(fig)
    return written


def report_differences(group, rows):
    """Prints max |simulated mean - analytic| over Tpred per variant and measure."""
    params = params_of(group)
    g = dict(zip(GROUP_COLUMNS, group))
    print("%s access, %slink, D=%g Rl=%g Rm=%g Ra=%g:" % (g["access"], g["direction"], params["D"],
                                                         params["Rl"], params["Rm"], params["Ra"]))
    print("  %-44s %-12s %22s %14s" % ("scheme variant", "measure", "max|sim-analytic| (ms)",
                                       "at Tpred (ms)"))
    without_model = []
    for variant in sorted({variant_key(r) for r in rows}):
        model = analytic.model_for(*variant)
        if not model:
            without_model.append(variant_label(variant))
            continue
        for measure in MEASURES:
            tps, means, _ = series(rows, variant, measure)
            expected = model[measure](tps, **params)
            worst = max(zip((abs(m - e) for m, e in zip(means, expected)), tps))
            print("  %-44s %-12s %22.2f %14g"
                  % (variant_label(variant), measure, worst[0], worst[1]))
    if without_model:
        print("  no analytic model in the FPMIPv6 paper for: " + "; ".join(without_model))


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: plot_fig7.py SWEEP.csv OUTDIR")
    rows = load(argv[1])
    if not rows:
        sys.exit("plot_fig7.py: %s has no rows" % argv[1])
    outdir = argv[2]
    os.makedirs(outdir, exist_ok=True)

    groups = {}
    for row in rows:
        groups.setdefault(tuple(row[c] for c in GROUP_COLUMNS), []).append(row)
    # File names carry access and direction; the parameters only when the CSV
    # holds several parameter sets for the same access and direction.
    per_access_direction = {}
    for group in groups:
        per_access_direction.setdefault(group[:2], []).append(group)

    written = []
    for group in sorted(groups):
        suffix = "_%s_%s" % group[:2]
        if len(per_access_direction[group[:2]]) > 1:
            p = params_of(group)
            suffix += "_D%g_Rl%g_Rm%g_Ra%g" % (p["D"], p["Rl"], p["Rm"], p["Ra"])
        written += draw_figures(group, groups[group], outdir, suffix)
        report_differences(group, groups[group])
    print("wrote %d files to %s:" % (len(written), outdir))
    for path in written:
        print("  " + path)


if __name__ == "__main__":
    main(sys.argv)
