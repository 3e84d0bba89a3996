#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# What a student sees in Wireshark, checked: one handover of every scheme
# with --pcap, then tshark must decode every frame of every capture without
# a malformed frame or an error, and must find the scheme's signalling
# (Mobility Header messages; EAPOL, EAP and RADIUS for ProMPt and Mobile
# IPv6 + EAP-AKA). Wireshark does not verify the Mobility Header checksum:
# the test suites do (mobility-wire, context-transfer, prompt-header).
#   scenarios/check-pcaps.sh [BUILD_DIR]      (CI runs it after the tests)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build}/handover-scenario
command -v tshark > /dev/null || { echo "check-pcaps: tshark is not installed" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
# scheme, then the display filter its signalling must match
while read -r scheme filter; do
    # 20 ms probes: every message type still appears, in fewer frames.
    "$bin" --scheme="$scheme" --tpred=40ms --handovers=1 --packetInterval=20ms \
        --pcap="$dir/$scheme" > /dev/null 2>&1 ||
        { echo "check-pcaps: $scheme: the run failed" >&2; status=1; continue; }
    mergecap -F pcapng -w "$dir/$scheme.all" "$dir/$scheme"-*.pcap
    frames=$(capinfos -c -M "$dir/$scheme.all" | awk '/Number of packets/ { print $NF }')
    bad=$(tshark -n -r "$dir/$scheme.all" -Y "_ws.malformed || _ws.expert.severity >= error" \
        2>/dev/null | wc -l)
    signalling=$(tshark -n -r "$dir/$scheme.all" -Y "$filter" 2>/dev/null | wc -l)
    printf 'check-pcaps: %-20s %6d frames, %4d signalling (%s), %d malformed\n' \
        "$scheme" "$frames" "$signalling" "$filter" "$bad"
    if [ "$bad" -ne 0 ] || [ "$signalling" -eq 0 ]; then
        status=1
    fi
done << 'EOF'
pmipv6 mipv6
fpmipv6 mipv6
pfmipv6-predictive mipv6
pfmipv6-reactive mipv6
cr mip6.mhtype==11
fhs mip6.mhtype==11
prompt-scheduled radius||eapol
prompt-unscheduled radius||eapol
mipv6-eap-aka mipv6
EOF
exit $status
