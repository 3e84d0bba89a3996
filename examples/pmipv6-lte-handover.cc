// SPDX-License-Identifier: GPL-2.0-only
/*
 * pmipv6-lte-handover: LTE access through ns-3's EPC, the MAG on the PGW.
 *
 *   CN --- LMA ==== MAG = PGW -- SGW -- eNB0, eNB1 (X2) ~~ UE (the MN)
 *
 * The UE attaches (RRC connection, default bearer); the MAG registers it
 * with Access Technology Type 8 (3GPP E-UTRAN) and the UE's 64-bit address
 * as MN Link-layer Identifier, and its Router Advertisement reaches the UE
 * across the EPC (the PGW forwards by exact UE address: the access network
 * registers the UE's link-local address at the attach). Each handover is an
 * X2 handover to the other cell inside the one MAG: PMIPv6 sees nothing, the
 * baseline for the inter-technology handovers of pmipv6-wifi-lte-handover.
 *   ./pmipv6-lte-handover --handovers=3
 */
#include "handover-measurement-helper.h"
#include "pmipv6-domain-helper.h"

#include "ns3/command-line.h"
#include "ns3/simulator.h"

#include <iomanip>
#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    Pmipv6DomainHelper::Parameters p;
    p.access = "lte";
    p.mags = 1; // LENA has no handover between EPCs
    uint32_t handovers = 3;
    Time spacing = Seconds(1);
    CommandLine cmd(__FILE__);
    cmd.AddValue("handovers", "X2 handovers, back and forth between the two cells", handovers);
    cmd.AddValue("spacing", "Time between handovers", spacing);
    cmd.Parse(argc, argv);

    Pmipv6DomainHelper domain;
    domain.Build(p);
    domain.AssignStreams(1000);
    uint32_t pbus = 0;
    domain.GetMagApp(0)->TraceConnectWithoutContext(
        "PbuSent",
        MakeCallback(+[](uint32_t* n, std::string, uint16_t, Time) { ++*n; }).Bind(&pbus));
    for (uint32_t k = 0; k < handovers; ++k)
    {
        domain.ScheduleHandover(0, Seconds(1) + spacing * k, 0);
    }
    Time stop = Seconds(1) + spacing * handovers - spacing / 2;
    HandoverMeasurementHelper measure;
    measure.Install(domain, MilliSeconds(500), stop);
    Simulator::Stop(stop + Seconds(0.5));
    Simulator::Run();

    std::cout << "  t0 (s)  DHO,L2 (ms)  latency down/up (ms)  loss down/up (ms)\n"
              << std::fixed << std::setprecision(1);
    std::vector<HandoverMeasurementHelper::Result> results = measure.Compute();
    for (size_t i = 0; i + 1 < results.size(); i += 2)
    {
        const auto& down = results[i].metrics;
        const auto& up = results[i + 1].metrics;
        const auto& l2 = results[i].l2;
        double d = l2.attached.IsZero() ? -1 : (l2.attached - l2.linkLost).GetSeconds() * 1e3;
        std::cout << std::setw(8) << std::setprecision(3) << l2.linkLost.GetSeconds()
                  << std::setprecision(1) << std::setw(13) << d << std::setw(12) << down.latencyMs
                  << " / " << std::setw(5) << up.latencyMs << std::setw(11) << down.lossPeriodMs
                  << " / " << std::setw(5) << up.lossPeriodMs << "\n";
    }
    std::cout << pbus << " PBU(s) sent by the MAG in all (the X2 handovers need none); MN "
              << "address " << domain.GetMnHomeAddress(0) << "\n";
    Simulator::Destroy();
    return 0;
}
