// SPDX-License-Identifier: GPL-2.0-only
/*
 * pmipv6-wifi-lte-handover: a Wi-Fi + LTE mobile node moving between a
 * Wi-Fi MAG and an LTE MAG (on the EPC's PGW) of one PMIPv6 domain.
 *
 *   CN --- LMA ==== MAG0 (802.11a AP)          ~~ station \
 *              \=== MAG1 = PGW -- SGW -- eNB   ~~ UE      /  MN (one shim, one address)
 *
 * With --direction=wifi-lte the MN starts on Wi-Fi; each handover moves it
 * to the other technology: the old link is lost, the new one comes up by
 * its own means (the UE's RRC connection and default bearer; the station's
 * association), and the new MAG registers the MN with Handoff Indicator 2,
 * "handoff between two different interfaces". The LMA keeps its prefix:
 * the MN's address does not change. Printed: the PMIPv6 events, then per
 * handover the measured DHO,L2 and the latency and loss of the 1 ms probes.
 *   ./pmipv6-wifi-lte-handover --direction=lte-wifi --handovers=2
 */
#include "handover-measurement-helper.h"
#include "pmipv6-domain-helper.h"

#include "ns3/command-line.h"
#include "ns3/simulator.h"

#include <iomanip>
#include <iostream>

using namespace ns3;

namespace
{
std::ostream&
Say(const std::string& who)
{
    return std::cout << std::fixed << std::setprecision(4) << Simulator::Now().GetSeconds()
                     << " s  " << std::left << std::setw(5) << who << std::right;
}

void
MagPbu(std::string mag, std::string mn, uint16_t seq, Time lifetime)
{
    Say(mag) << "PBU for " << mn << (lifetime.IsZero() ? " (de-registration)" : "") << "\n";
}

void
LmaBinding(std::string mn, Ipv6Address hnp, Ipv6Address oldCoa, Ipv6Address newCoa, std::string e)
{
    Say("LMA") << e << ": " << hnp << "/64 -> Proxy-CoA " << newCoa << "\n";
}
} // namespace

int
main(int argc, char* argv[])
{
    Pmipv6DomainHelper::Parameters p;
    p.access = "wifi-lte"; // MAG 0 and MAG 1, one Wi-Fi and one LTE
    uint32_t handovers = 2;
    Time spacing = Seconds(1);
    CommandLine cmd(__FILE__);
    cmd.AddValue("direction", "The technology the MN starts on: wifi-lte or lte-wifi", p.direction);
    cmd.AddValue("handovers", "Handovers, back and forth between the two MAGs", handovers);
    cmd.AddValue("spacing", "Time between handovers", spacing);
    cmd.Parse(argc, argv);

    Pmipv6DomainHelper domain;
    domain.Build(p);
    domain.AssignStreams(1000);
    domain.GetLmaApp()->TraceConnectWithoutContext("Binding", MakeCallback(&LmaBinding));
    for (uint32_t i = 0; i < p.mags; ++i)
    {
        std::string name = "MAG" + std::to_string(i);
        domain.GetMagApp(i)->TraceConnectWithoutContext("PbuSent",
                                                        MakeBoundCallback(&MagPbu, name));
    }
    for (uint32_t k = 0; k < handovers; ++k)
    {
        domain.ScheduleHandover(0, Seconds(1) + spacing * k, (k + 1) % 2);
    }
    Time stop = Seconds(1) + spacing * handovers - spacing / 2;
    HandoverMeasurementHelper measure;
    measure.Install(domain, MilliSeconds(700), stop);
    Simulator::Stop(stop + Seconds(0.5));
    Simulator::Run();

    std::cout << "\n  t0 (s)  MAGs  DHO,L2 (ms)  latency down/up (ms)  loss down/up (ms)\n"
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
                  << "\n";
    }
    std::cout << "MN address at the end: " << domain.GetMnHomeAddress(0) << "\n";
    Simulator::Destroy();
    return 0;
}
