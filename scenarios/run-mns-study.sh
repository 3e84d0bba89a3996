#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Handover latency against the number of MNs per access point, on Wi-Fi,
# with dense probes where they measure and a stated load elsewhere:
#   scenarios/run-mns-study.sh [OUTDIR]
# Environment: MNS (default 1,2,5,10,20,50), BACKGROUND (background flow
# intervals in ms, default 20,100), SEEDS (default 5), HANDOVERS (per run,
# default 4), JOBS (default 2).
#
# Set-up (doc/results.rst, "Many MNs per access point"): PMIPv6 on the
# 802.11a domain (2 MAGs, one access point each). MN0 alone carries the
# 1 ms probes (64 B each way) and hands over MAG0 -> MAG1 -> MAG0 ...; the
# other N-1 MNs stay on MAG0's access point, each with a 160 B UDP flow
# each way every BACKGROUND ms (20 ms: VoIP-like, 64 kbit/s). So MAG0's
# access point carries N MNs, MAG1's only MN0 when it is there: handovers
# into MAG0 (to_mag 0) meet the load, those into MAG1 (to_mag 1) do not.
# The scenario's load check marks the points above its limit.
# Writes OUTDIR/mns-raw.csv, OUTDIR/mns.csv (sweep.py) and OUTDIR/mns.txt
# (the table, plotting/mns_table.py).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/results/mns}
mkdir -p "$out"
/usr/bin/python3 "$here/scenarios/sweep.py" --schemes pmipv6 --access wifi \
    --tpred-min 0 --tpred-max 0 --mns "${MNS:-1,2,5,10,20,50}" --probed-mns 1 \
    --packet-interval 1 --background-interval "${BACKGROUND:-20,100}" --background-size 160 \
    --background-direction both --seeds "${SEEDS:-5}" --handovers "${HANDOVERS:-4}" \
    --jobs "${JOBS:-2}" --raw "$out/mns-raw.csv" --out "$out/mns.csv"
/usr/bin/python3 "$here/plotting/mns_table.py" "$out/mns-raw.csv" | tee "$out/mns.txt"
