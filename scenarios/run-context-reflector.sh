#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The Context Reflector paper, reproduced from packet-level runs:
#   scenarios/run-context-reflector.sh [OUTDIR]
# 1. Sec. 5.2: the handover latency (drop period) and the loss period of
#    PMIPv6 and Context Reflector against RTT_MAG-LMA (0..50 ms), with the
#    paper's processing times (276.7 + 597.8 + 803.1 us) and AAA off, on
#    ideal access at DHO,L2 = 60 ms (above RTT_MAG-LMA + processing, the
#    paper's assumption) and 11 ms (below it for RTT_MAG-LMA > ~9 ms), and on
#    802.11 access (DHO,L2 as the re-association takes).
# 2. Table 1 as measured: one row per scheme (PMIPv6, FPMIPv6, RFC 5949
#    predictive and reactive, the Fast Handover Scheme, Context Reflector
#    buffering and forwarding, and the two with a wrong prediction) on the
#    FPMIPv6 paper's delays (A) and on the Context Reflector paper's
#    assumption, DHO,L2 > RTT_MAG-LMA (B); each without and with an AAA
#    server (RTT 20 ms) that a MAG without the MN's context must ask first.
# Writes OUTDIR/raw-sec52.csv, OUTDIR/raw-table1.csv (one row per handover
# and direction), OUTDIR/sec52.csv, OUTDIR/table1.csv and OUTDIR/plots/*.png.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/results-cr}
bin=$here/build/handover-scenario
seeds=${SEEDS:-3}
mkdir -p "$out"
start=$(date +%s)

processing=(--ns3::Pmipv6Mag::AttachProcessingDelay=276.7us
            --ns3::Pmipv6Lma::PbuProcessingDelay=597.8us
            --ns3::Pmipv6Mag::PbaProcessingDelay=803.1us)

# run VARIANT ARGS...: one run per seed, rows prefixed with the variant name.
run() {
    local variant=$1
    shift
    for seed in $(seq 1 "$seeds"); do
        # The run's rows: not its provenance lines (# ...) nor its header.
        "$bin" --RngRun="$seed" --signalling --phases "$@" 2>/dev/null |
            awk -v v="$variant" '/^#/ { next } seen++ { print v "," $0 }'

    done
}
# The provenance lines of a one-handover run (# ..., the plotter skips
# them), then the header with a variant column.
header() {
    "$bin" --signalling --phases --handovers=1 2>/dev/null |
        awk '/^#/ { print; next } { print "variant," $0; exit }'
}

echo "== sec. 5.2: PMIPv6 and Context Reflector against RTT_MAG-LMA" >&2
{
    header
    for rtt in 0 5 10 20 30 40 50; do
        for access in "ideal --dhoL2=60ms" "ideal --dhoL2=11ms" "wifi"; do
            # shellcheck disable=SC2086
            set -- --access=$access --rttMagLma=${rtt}ms --handovers=4 "${processing[@]}"
            run pmipv6 --scheme=pmipv6 "$@"
            run cr-forward --scheme=cr --tpred=20ms --crDownlink=forward "$@"
            run cr-buffer --scheme=cr --tpred=20ms --crDownlink=buffer "$@"
        done
    done
} > "$out/raw-sec52.csv"

echo "== Table 1: every scheme, Tpred 40 ms, on two settings" >&2
{
    header
    # A: the FPMIPv6 paper's delays (DHO,L2 11 < RTT_MAG-LMA 30 ms).
    # B: the Context Reflector paper's assumption (DHO,L2 60 > RTT_MAG-LMA 10 ms).
    # A+AAA, B+AAA: the same with an AAA server 20 ms (RTT) from every MAG.
    for setting in "A --dhoL2=11ms --rttMagLma=30ms" "B --dhoL2=60ms --rttMagLma=10ms" \
        "A+AAA --dhoL2=11ms --rttMagLma=30ms --aaaRtt=20ms" \
        "B+AAA --dhoL2=60ms --rttMagLma=10ms --aaaRtt=20ms"; do
        # shellcheck disable=SC2086
        set -- $setting
        tag=$1
        shift
        set -- "$@" --rttMagMag=10ms --rttMagAp=5ms --handovers=4
        run $tag:pmipv6 --scheme=pmipv6 "$@"
        run $tag:fpmipv6 --scheme=fpmipv6 --tpred=40ms "$@"
        run $tag:pfmipv6-predictive --scheme=pfmipv6-predictive --tpred=40ms "$@"
        run $tag:pfmipv6-reactive --scheme=pfmipv6-reactive "$@"
        run $tag:fhs --scheme=fhs --tpred=40ms "$@"
        run $tag:cr-buffer --scheme=cr --tpred=40ms --crDownlink=buffer "$@"
        run $tag:cr-forward --scheme=cr --tpred=40ms --crDownlink=forward "$@"
        run $tag:fhs-wrong --scheme=fhs --tpred=40ms --wrongPrediction=true "$@"
        run $tag:cr-forward-wrong --scheme=cr --tpred=40ms --crDownlink=forward \
            --wrongPrediction=true "$@"
    done
} > "$out/raw-table1.csv"

/usr/bin/python3 "$here/plotting/plot_context_reflector.py" "$out" | tee "$out/summary.txt"

# Every new message on the wire, decoded by tshark: no malformed frame.
if command -v tshark > /dev/null; then
    mkdir -p "$out/pcap"
    for s in "cr --crDownlink=forward" "cr --crDownlink=buffer --contextSize=600" "fhs"; do
        for wrong in false true; do
            # shellcheck disable=SC2086
            "$bin" --scheme=$s --tpred=40ms --wrongPrediction=$wrong --handovers=2 \
                --pcap="$out/pcap/${s%% *}-$wrong" > /dev/null 2>&1
        done
    done
    malformed=0
    for f in "$out"/pcap/*.pcap; do
        n=$(tshark -r "$f" -Y "_ws.malformed || _ws.expert.severity >= error" 2>/dev/null | wc -l)
        malformed=$((malformed + n))
    done
    types=$(for f in "$out"/pcap/*.pcap; do
        tshark -r "$f" -Y "ipv6.nxt == 135" -T fields -e mip6.mhtype 2>/dev/null
    done | sort -n | uniq -c | tr -s ' ' | tr '\n' ';')
    echo "tshark: Mobility Header types seen (count type): $types malformed frames: $malformed" |
        tee -a "$out/summary.txt"
fi
echo "context reflector job done in $(( $(date +%s) - start )) s: $out" >&2
