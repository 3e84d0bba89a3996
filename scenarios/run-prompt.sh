#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The ProMPt paper in one command: Table 2 (protocol completion time and
# packets lost up and down) for ProMPt scheduled, ProMPt unscheduled and
# Mobile IPv6 + EAP-AKA, with free processing and with the parameters that
# stand for the paper's testbed; the completion time against tau_Domain and
# tau_Internet; ProMPt with MAP buffering (BUFFER_WINDOW, default 150ms);
# the reference with the RFC's reverse tunnelling.
#   scenarios/run-prompt.sh [OUTDIR]
# Environment: RUNS (runs per point, default 5; each has 8 handovers back and
# forth every 5 s as the paper's UDP runs), JOBS (parallel processes, 2),
# TESTBED (options that stand for the testbed, default
# "--processingDelay=1.5ms --routeSwitchDelay=31.7ms", doc/prompt.rst).
# Writes OUTDIR/prompt-*.csv (one row per handover and direction;
# prompt-throughput.csv: 0.5 s bins of scenarios/prompt-throughput.cc),
# OUTDIR/prompt-table2.txt and the figures OUTDIR/prompt-*.png|pdf
# (plotting/plot_prompt.py).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/results/prompt}
runs=${RUNS:-5}
jobs=${JOBS:-2}
testbed=${TESTBED:---processingDelay=1.5ms --routeSwitchDelay=31.7ms}
bin=$here/build/handover-scenario
[ -x "$bin" ] || { echo "run-prompt: build first ($bin missing)" >&2; exit 1; }
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
schemes="prompt-scheduled prompt-unscheduled mipv6-eap-aka"
# The paper's VoIP-like probe, 8 handovers every 5 s.
common=(--batch --packetInterval=20ms --packetSize=160 --handovers=8 --spacing=5s)

# run NAME [OPTIONS...]: one batch per process from the lines in $tmp/NAME.lines
run() {
    local name=$1
    shift
    rm -f "$tmp/$name".part.*
    local i=0
    while read -r line; do
        echo "$line" >> "$tmp/$name.part.$(( i % jobs ))"
        i=$(( i + 1 ))
    done < "$tmp/$name.lines"
    echo "== $name: $i runs in $jobs processes" >&2
    for f in "$tmp/$name".part.*; do
        "$bin" "${common[@]}" "$@" < "$f" > "$f.csv" &
    done
    wait
    # The provenance lines (# key: value) of the first batch, its header, every row.
    { grep -e '^# ' "$tmp/$name.part.0.csv" | grep -v '^#done'
      grep -m 1 -e '^scheme,' "$tmp/$name.part.0.csv"
      for f in "$tmp/$name".part.*.csv; do grep -v -e '^#' -e '^scheme,' "$f"; done; } \
        > "$out/prompt-$name.csv"
}

for variant in zero testbed; do
    : > "$tmp/table2-$variant.lines"
    for s in $schemes; do
        for r in $(seq 1 "$runs"); do
            extra=""
            [ $variant = testbed ] && extra=$testbed
            echo "--scheme=$s $extra --RngRun=$r" >> "$tmp/table2-$variant.lines"
        done
    done
    run "table2-$variant"
done

: > "$tmp/tau-domain.lines"
for s in $schemes; do
    for t in 2 5 10 20 30 40 50; do
        echo "--scheme=$s --tauDomain=${t}ms --RngRun=1" >> "$tmp/tau-domain.lines"
    done
done
run tau-domain

: > "$tmp/tau-internet.lines"
for s in $schemes; do
    for t in 10 25 50 100 150 200; do
        echo "--scheme=$s --tauInternet=${t}ms --RngRun=1" >> "$tmp/tau-internet.lines"
    done
done
run tau-internet

# ProMPt with MAP buffering (the paper's sec. 6 outlook), the testbed's values.
: > "$tmp/buffered.lines"
for s in prompt-scheduled prompt-unscheduled; do
    for r in $(seq 1 "$runs"); do
        echo "--scheme=$s $testbed --RngRun=$r" >> "$tmp/buffered.lines"
    done
done
run buffered --ns3::PromptMap::BufferWindow=${BUFFER_WINDOW:-150ms}

# The reference with the RFC's reverse tunnelling instead of the testbed's direct uplink.
: > "$tmp/mipv6-reverse.lines"
for r in $(seq 1 "$runs"); do
    echo "--scheme=mipv6-eap-aka --RngRun=$r" >> "$tmp/mipv6-reverse.lines"
done
run mipv6-reverse --ns3::Mipv6MnClient::UplinkMode=ReverseTunnel

# Throughput over time (the paper's Fig. 5-7): 5 Mbit/s UDP and TCP bulk from the
# MN to the CN, 8 handovers every 5 s (UDP) or 10 s (TCP), 0.5 s bins, testbed values.
echo "== throughput: 6 runs" >&2
{
    echo "scheme,flow,time_s,throughput_mbps"
    for s in $schemes; do
        for f in udp tcp; do
            # shellcheck disable=SC2086
            "$here/build/prompt-throughput" --scheme="$s" --flow="$f" $testbed | tail -n +2
        done
    done
} > "$out/prompt-throughput.csv"

/usr/bin/python3 "$here/plotting/plot_prompt.py" "$out" | tee "$out/prompt-table2.txt"
