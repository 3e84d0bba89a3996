#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Lossy signalling study: handover completion and latency against the
# probability P that each Mobility Header message is lost on a MAG-LMA or
# MAG-MAG link (SignallingErrorModel), P = 0 .. 50 %.
#   scenarios/run-lossy-signalling.sh [OUTDIR]
# Environment: RUNS (independent runs per point, default 5), HANDOVERS (per
# run, default 20), SCHEMES (default pmipv6,fpmipv6; pfmipv6-predictive too),
# LOSSES (default 0,0.1,0.2,0.3,0.4,0.5), INTERVAL (probe interval, 20ms),
# JOBS (parallel processes, 2).
# Writes OUTDIR/lossy-signalling.csv (one row per handover and direction),
# OUTDIR/lossy-signalling.png|pdf and OUTDIR/lossy-signalling.txt (the table).
#
# Set-up (doc/pmipv6.rst, "Lossy signalling"): the paper's delays (DHO,L2 11,
# RTT_MAG-LMA 30, RTT_MAG-MAG 10, RTT_MAG-AP 5 ms), 3 MAGs, one MN moving
# every 100 s, so that seven PBU transmissions of the RFC 5213 sec. 6.9.4
# back-off (0, 1.5, 4.5, 10.5, 22.5, 46.5 and 78.5 s after the first) come
# before the next move. FPMIPv6 and RFC 5949 predict 40 ms ahead. The
# binding lifetime is 1000 s, longer than a stay at one MAG, so that no
# refresh falls in a window: the study measures the handover signalling.
# Probe flows every 20 ms each way (latency resolution 20 ms; the study runs
# 2 x 6 x 5 runs of 20 handovers, about 10 min on 2 cores).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/results/lossy-signalling}
runs=${RUNS:-5}
handovers=${HANDOVERS:-20}
schemes=${SCHEMES:-pmipv6,fpmipv6}
losses=${LOSSES:-0,0.1,0.2,0.3,0.4,0.5}
jobs=${JOBS:-2}
bin=$here/build/handover-scenario
[ -x "$bin" ] || { echo "run-lossy-signalling: build first ($bin missing)" >&2; exit 1; }
mkdir -p "$out"
start=$(date +%s)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One line of options per run, dealt round-robin to the parallel batches.
i=0
for scheme in ${schemes//,/ }; do
    tpred=0ms
    [ "$scheme" = pmipv6 ] || tpred=40ms
    for p in ${losses//,/ }; do
        for run in $(seq 1 "$runs"); do
            echo "--scheme=$scheme --tpred=$tpred --signallingLoss=$p --RngRun=$run" \
                >> "$tmp/lines.$(( i % jobs ))"
            i=$(( i + 1 ))
        done
    done
done
common=(--batch --completion --mags=3 --handovers="$handovers" --spacing=100s
        --packetInterval=${INTERVAL:-20ms} --dhoL2=11ms --rttMagLma=30ms --rttMagMag=10ms --rttMagAp=5ms
        --ns3::Pmipv6Mag::BindingLifetime=1000s)
echo "== $i runs of $handovers handovers in $jobs processes" >&2
for j in $(seq 0 $(( jobs - 1 ))); do
    [ -s "$tmp/lines.$j" ] || continue
    "$bin" "${common[@]}" < "$tmp/lines.$j" > "$tmp/out.$j" &
done
wait
# The first batch's provenance lines (without the per-run ones) and header,
# then every batch's rows.
{ grep -e '^# ' "$tmp/out.0" | grep -v -e '^# run_options:' -e '^# radio_load:'
  grep -m 1 '^scheme,' "$tmp/out.0"
  for f in "$tmp"/out.*; do grep -v -e '^#' -e '^scheme,' "$f"; done; } \
    > "$out/lossy-signalling.csv"
/usr/bin/python3 "$here/plotting/plot_lossy_signalling.py" "$out/lossy-signalling.csv" "$out" \
    | tee "$out/lossy-signalling.txt"
echo "lossy signalling study done in $(( $(date +%s) - start )) s: $out" >&2
