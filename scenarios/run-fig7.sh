#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The main job: the FPMIPv6 paper's Fig. 7 and its companions, from packet-level runs.
#   scenarios/run-fig7.sh [OUTDIR] [extra sweep.py options...]
# Writes OUTDIR/fig7-sweep.csv (mean and 95% CI per point), the per-handover
# rows OUTDIR/raw-*.csv, and the plots OUTDIR/plots/*.png|pdf; then the
# heterogeneous-access figure (OUTDIR/heterogeneous.csv, plots/heterogeneous.*). Every number
# comes from simulated packets; the analytic curves are only drawn beside.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/results}
shift || true
sweep="/usr/bin/python3 $here/scenarios/sweep.py --binary $here/build/handover-scenario"
seeds=${SEEDS:-3}
mkdir -p "$out"
start=$(date +%s)

# Paper's values: DHO,L2 11, RTT_MAG-LMA 30, RTT_MAG-MAG 10, RTT_MAG-AP 5 ms.
common=(--seeds "$seeds" --handovers 4 --dho-l2 11 --rtt-mag-lma 30 --rtt-mag-mag 10 --rtt-mag-ap 5)
echo "== ideal access: PMIPv6, FPMIPv6, RFC 5949 (predictive, reactive), Tpred 0..60 ms" >&2
$sweep "${common[@]}" --schemes pmipv6,fpmipv6,pfmipv6-predictive,pfmipv6-reactive \
    --raw "$out/raw-ideal.csv" --out "$out/part-ideal.csv" "$@"
echo "== ideal access: FPMIPv6 with two interfaces, and with a wrong prediction" >&2
$sweep "${common[@]}" --schemes fpmipv6 --interfaces 2 \
    --raw "$out/raw-2if.csv" --out "$out/part-2if.csv" "$@"
$sweep "${common[@]}" --schemes fpmipv6 --wrong-prediction true \
    --raw "$out/raw-wrong.csv" --out "$out/part-wrong.csv" "$@"
echo "== 802.11a access (DHO,L2 measured), Tpred every 10 ms" >&2
$sweep --seeds 1 --handovers 3 --access wifi --tpred-step 10 \
    --schemes pmipv6,fpmipv6,pfmipv6-predictive,pfmipv6-reactive \
    --raw "$out/raw-wifi.csv" --out "$out/part-wifi.csv" "$@"

# One tidy CSV for the plotter: the first part's provenance lines and
# header, then every part's rows.
{ grep '^#' "$out/part-ideal.csv"; awk '!/^#/ { print; exit }' "$out/part-ideal.csv"
  for f in "$out"/part-*.csv; do grep -v '^#' "$f" | tail -n +2; done; } \
    > "$out/fig7-sweep.csv"
rm -f "$out"/part-*.csv
/usr/bin/python3 "$here/plotting/plot_fig7.py" "$out/fig7-sweep.csv" "$out/plots" | tee "$out/deviations.txt"

echo "== heterogeneous access: Wi-Fi + LTE MN, each scheme, Wi-Fi -> LTE and LTE -> Wi-Fi" >&2
/usr/bin/python3 "$here/scenarios/heterogeneous.py" --binary "$here/build/handover-scenario" \
    --seeds "${HET_SEEDS:-10}" --out "$out/heterogeneous.csv"
/usr/bin/python3 "$here/plotting/plot_heterogeneous.py" "$out/heterogeneous.csv" "$out/plots" \
    | tee "$out/heterogeneous.txt"
echo "main job done in $(( $(date +%s) - start )) s: $out/fig7-sweep.csv, $out/plots/" >&2
