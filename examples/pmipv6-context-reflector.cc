// SPDX-License-Identifier: GPL-2.0-only
/*
 * pmipv6-context-reflector: Context Reflector (the Context Reflector paper,
 * sec. 3) in one handover.
 *   CN --- LMA ===== MAG0 ~~ MN   --(1 s: link lost)-->   MAG1 ~~ MN
 *
 * At 0.98 s the L2 tells MAG0 that the MN will move to MAG1 (the
 * prediction, sec. 3.6). At 1 s the MN loses its link; MAG0 de-registers
 * it with a PBU that carries the context flag and the MN's context. The
 * LMA keeps a Context Cache Entry (CCE) naming both MAGs, reflects the
 * context to MAG1 and sends MAG1 the MN's downlink (--downlink=forward) or
 * keeps it (buffer). The MN reaches MAG1 DHO,L2 after the loss; MAG1
 * delivers what it holds and registers the MN; its PBU turns the CCE into
 * a Proxy BCE and the LMA revokes MAG0's state (BRI / BRA). With DHO,L2
 * longer than RTT_MAG-LMA the MN sees a gap of DHO,L2 only (plus the access
 * hop). Pcap: PREFIX-<node>-<device>.pcap (node 1 LMA, 2-3 MAGs).
 */
#include "context-reflector.h"
#include "handover-measurement-helper.h"
#include "ns3/command-line.h"
#include "ns3/enum.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "pmipv6-domain-helper.h"

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
Cce(std::string mn, Ipv6Address pMag, Ipv6Address nMag, std::string event)
{
    Say("LMA") << "context cache entry of " << mn << " " << event << " (pMAG " << pMag << ", nMAG "
               << nMag << ")\n";
}

void
Reflection(std::string mn, Ipv6Address nMag, uint16_t seq, uint32_t bytes)
{
    Say("LMA") << "Context Reflection to " << nMag << " (seq " << seq << ", " << bytes
               << " bytes)\n";
}

void
Context(std::string mag, std::string mn, std::string event)
{
    Say(mag) << "context of " << mn << ": " << event << "\n";
}

void
Pbu(std::string mag, std::string mn, uint16_t seq, Time lifetime)
{
    Say(mag) << (lifetime.IsZero() ? "de-registration PBU" : "PBU") << " sent\n";
}

void
Bri(std::string mn, Ipv6Address mag, uint16_t seq, uint8_t trigger)
{
    Say("LMA") << "Binding Revocation Indication to " << mag << "\n";
}

void
Attach(std::string mag, std::string mn, Mac48Address)
{
    Say(mag) << mn << " attached (L2)\n";
}
} // namespace

int
main(int argc, char* argv[])
{
    Pmipv6DomainHelper::Parameters p;
    p.rttMagLma = MilliSeconds(10); // the paper's assumption: DHO,L2 > RTT_MAG-LMA
    p.dhoL2 = MilliSeconds(20);
    std::string downlink = "forward";
    std::string pcap = "none";
    CommandLine cmd(__FILE__);
    cmd.AddValue("dhoL2", "L2 handover delay DHO,L2", p.dhoL2);
    cmd.AddValue("rttMagLma", "Round-trip time MAG-LMA", p.rttMagLma);
    cmd.AddValue("downlink", "The LMA's downlink during the handover: buffer or forward", downlink);
    cmd.AddValue("pcap", "Prefix of the pcap files ('none': no pcap)", pcap);
    cmd.Parse(argc, argv);

    // Context Reflector extends the LMA and every MAG.
    Pmipv6DomainHelper domain;
    domain.SetLmaExtension("ns3::ContextReflectorLmaExtension");
    domain.GetLmaExtensionFactory().Set("Downlink",
                                        StringValue(downlink == "buffer" ? "Buffer" : "Forward"));
    domain.SetMagExtensionFactory([](uint32_t) -> Ptr<MagExtension>
                                  { return CreateObject<ContextReflectorMagExtension>(); });
    domain.Build(p);
    if (pcap != "none")
    {
        domain.EnablePcap(pcap);
    }
    Ptr<Object> lmaExt = domain.GetLmaApp()->GetExtension();
    lmaExt->TraceConnectWithoutContext("Cce", MakeCallback(&Cce));
    lmaExt->TraceConnectWithoutContext("ReflectionSent", MakeCallback(&Reflection));
    domain.GetLmaApp()->TraceConnectWithoutContext("BriSent", MakeCallback(&Bri));
    for (uint32_t i = 0; i < p.mags; ++i)
    {
        std::string name = "MAG" + std::to_string(i);
        domain.GetMagApp(i)->GetExtension()->TraceConnectWithoutContext("Context",
                                                                        MakeBoundCallback(&Context,
                                                                                          name));
        domain.GetMagApp(i)->TraceConnectWithoutContext("PbuSent", MakeBoundCallback(&Pbu, name));
        domain.GetMagApp(i)->TraceConnectWithoutContext("Attach", MakeBoundCallback(&Attach, name));
    }

    // The prediction 20 ms ahead, then the move.
    Simulator::Schedule(MilliSeconds(980),
                        [&domain]()
                        {
                            DynamicCast<ContextReflectorMagExtension>(
                                domain.GetMagApp(0)->GetExtension())
                                ->PredictHandover(domain.GetMnIdentifier(0),
                                                  domain.GetProxyCoa(1));
                        });
    domain.ScheduleHandover(0, Seconds(1), 1);

    HandoverMeasurementHelper measure;
    measure.Install(domain, MilliSeconds(500), MilliSeconds(1500));
    Simulator::Stop(Seconds(2));
    Simulator::Run();

    const double d = p.dhoL2.GetSeconds() * 1e3, rl = p.rttMagLma.GetSeconds() * 1e3;
    std::cout << "\nMeasured on 1 ms probe flows:\n" << std::setprecision(1);
    for (const auto& r : measure.Compute())
    {
        std::cout << "  " << std::left << std::setw(10) << r.direction + "link:"
                  << "latency " << r.metrics.latencyMs << " ms, loss " << r.metrics.lossPeriodMs
                  << " ms (" << r.metrics.lostPackets << " packets)\n";
    }
    std::cout << "The paper: drop period = DHO,L2 = " << d
              << " ms (PMIPv6: DHO,L2 + RTT = " << d + rl
              << " ms, + processing). Forwarding: latency DHO,L2 + RTT_MAG-AP/2; "
              << "the downlink lost is what the LMA sent toward MAG0 before the "
                 "de-registration PBU arrived (RTT_MAG-AP + RTT_MAG-LMA).\n";
    Simulator::Destroy();
    return 0;
}
