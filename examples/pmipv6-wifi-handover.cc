// SPDX-License-Identifier: GPL-2.0-only
/*
 * pmipv6-wifi-handover: pmipv6-ideal-handover over 802.11a radios.
 *
 *   CN --- LMA ==== MAG0 (AP, channel 36)  ...  MAG1 (AP, channel 40) ~~ MN
 *
 * Both APs show the same MAC (BSSID) and link-local address, the MAGs'
 * shared identity (RFC 5213 sec. 6.9.3). A handover is the station retuning to
 * the other AP's channel: it loses its association, probes (active
 * scanning) and re-associates, and the new MAG learns of the attach from the
 * association. So DHO,L2 is not a parameter but what the radio took: it is
 * measured for every handover and printed with the latency and loss of the
 * two 1 ms probe flows. Pcap (radiotap): PREFIX-4-1.pcap the station,
 * PREFIX-2-3 / PREFIX-3-3 the APs; core links as in the ideal example.
 *   ./pmipv6-wifi-handover --probeRequestTimeout=20ms --handovers=4
 */
#include "handover-measurement-helper.h"
#include "pmipv6-domain-helper.h"

#include "ns3/command-line.h"
#include "ns3/config.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/sta-wifi-mac.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy.h"

#include <iomanip>
#include <iostream>

using namespace ns3;

namespace
{
/// Start a line of the event log: the time, then who acts.
std::ostream&
Say(const std::string& who)
{
    return std::cout << std::fixed << std::setprecision(4) << Simulator::Now().GetSeconds()
                     << " s  " << std::left << std::setw(5) << who << std::right;
}

// The Wi-Fi side of a handover, as the station sees it.
void
StaAssoc(Ptr<WifiNetDevice> sta, bool associated, Mac48Address bssid)
{
    Say("MN") << (associated ? "associated with AP " : "lost AP ") << bssid
              << (associated ? " on channel " : ", scanning channel ")
              << unsigned(sta->GetPhy()->GetChannelNumber()) << "\n";
}

// The PMIPv6 side (RFC 5213 sec. 5, 6): who is told, what the LMA does.
void
MagL2(std::string mag, const char* what, std::string mn, Address)
{
    Say(mag) << mn << " " << what << "\n";
}

void
MagRa(std::string mag, std::string mn, Address)
{
    Say(mag) << "PBA accepted: Router Advertisement with the home network prefix sent\n";
}

void
LmaBinding(std::string mn, Ipv6Address hnp, Ipv6Address oldCoa, Ipv6Address newCoa, std::string e)
{
    Say("LMA") << "binding cache entry " << e << " -> Proxy-CoA " << newCoa << "\n";
}
} // namespace

int
main(int argc, char* argv[])
{
    Pmipv6DomainHelper::Parameters p;
    p.access = "wifi"; // 2 MAGs with one 802.11a AP each, 1 MN
    uint32_t handovers = 3;
    Time spacing = Seconds(1);
    Time probeRequestTimeout = MilliSeconds(50); // ns-3's default
    std::string pcap = "pmipv6-wifi";
    bool verbose = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("rttMagLma", "Round-trip time MAG-LMA", p.rttMagLma);
    cmd.AddValue("handovers", "Handovers, back and forth between the two MAGs", handovers);
    cmd.AddValue("spacing", "Time between handovers", spacing);
    cmd.AddValue("probeRequestTimeout",
                 "How long the station waits for probe responses "
                 "on a channel (most of DHO,L2)",
                 probeRequestTimeout);
    cmd.AddValue("pcap", "Prefix of the pcap files ('none': no pcap)", pcap);
    cmd.AddValue("verbose", "Print the INFO logs of Pmipv6Mag and Pmipv6Lma as well", verbose);
    cmd.Parse(argc, argv);
    if (verbose)
    {
        LogLevel level = LogLevel(LOG_LEVEL_INFO | LOG_PREFIX_TIME | LOG_PREFIX_NODE);
        LogComponentEnable("Pmipv6Mag", level);
        LogComponentEnable("Pmipv6Lma", level);
        std::cout << std::unitbuf; // our lines stay in order with the log's (std::clog)
    }
    Config::SetDefault("ns3::StaWifiMac::ProbeRequestTimeout", TimeValue(probeRequestTimeout));

    // The station associates with MAG0's AP by itself at start-up; the
    // association is the attach that starts MAG0's registration.
    Pmipv6DomainHelper domain;
    domain.Build(p);
    if (pcap != "none")
    {
        domain.EnablePcap(pcap);
    }
    Ptr<WifiNetDevice> sta = DynamicCast<WifiNetDevice>(domain.GetMn(0)->GetDevice(1));
    sta->GetMac()->TraceConnectWithoutContext("Assoc", MakeBoundCallback(&StaAssoc, sta, true));
    sta->GetMac()->TraceConnectWithoutContext("DeAssoc", MakeBoundCallback(&StaAssoc, sta, false));
    domain.GetLmaApp()->TraceConnectWithoutContext("Binding", MakeCallback(&LmaBinding));
    for (uint32_t i = 0; i < p.mags; ++i)
    {
        std::string name = "MAG" + std::to_string(i);
        Ptr<Pmipv6Mag> mag = domain.GetMagApp(i);
        mag->TraceConnectWithoutContext("Attach", MakeBoundCallback(&MagL2, name, "attached, PBU"));
        mag->TraceConnectWithoutContext("Detach", MakeBoundCallback(&MagL2, name, "left, PBU 0 s"));
        mag->TraceConnectWithoutContext("RouterAdvertisement", MakeBoundCallback(&MagRa, name));
    }

    // Handover k at 1 s + k x spacing, alternately to MAG1 and back to MAG0.
    for (uint32_t k = 0; k < handovers; ++k)
    {
        domain.ScheduleHandover(0, Seconds(1) + spacing * k, (k + 1) % 2);
    }
    Time stop = Seconds(1) + spacing * handovers - spacing / 2;
    HandoverMeasurementHelper measure;
    measure.Install(domain, MilliSeconds(500), stop);
    Simulator::Stop(stop + Seconds(0.5));
    Simulator::Run();

    // DHO,L2 is about ProbeRequestTimeout: ns-3's station collects probe
    // responses that long before it associates. The FPMIPv6 paper: latency = DHO,L2 +
    // RTT_MAG-LMA. The old MAG learns of the loss at once (from the station).
    std::cout << "\n  t0 (s)  MAGs  DHO,L2 (ms)  latency down/up (ms)  loss down/up (ms)  "
                 "DHO,L2 + Rl (ms)\n"
              << std::setprecision(1) << std::right;
    std::vector<HandoverMeasurementHelper::Result> results = measure.Compute();
    for (size_t i = 0; i + 1 < results.size(); i += 2)
    {
        const auto& down = results[i].metrics;
        const auto& up = results[i + 1].metrics;
        const auto& l2 = results[i].l2;
        double d = l2.attached.IsZero() ? -1 : (l2.attached - l2.linkLost).GetSeconds() * 1e3;
        std::cout << std::setw(8) << std::setprecision(3) << l2.linkLost.GetSeconds()
                  << std::setprecision(1) << "  " << l2.fromMag << "->" << l2.toMag << std::setw(13)
                  << d << std::setw(12) << down.latencyMs << " / " << std::setw(5) << up.latencyMs
                  << std::setw(11) << down.lossPeriodMs << " / " << std::setw(5) << up.lossPeriodMs
                  << std::setw(15) << d + p.rttMagLma.GetSeconds() * 1e3 << "\n";
    }
    Simulator::Destroy();
    return 0;
}
