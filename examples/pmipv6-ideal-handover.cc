// SPDX-License-Identifier: GPL-2.0-only
/*
 * pmipv6-ideal-handover: the first PMIPv6 program to read.
 *   CN --- LMA ===== MAG0 ~~ MN   --(1 s: link lost)-->   MAG1 ~~ MN
 *
 * The mobile node (MN) registers through MAG0, loses its link at 1 s and
 * reaches MAG1 DHO,L2 later. Every protocol event is printed with its time,
 * then the latency and loss measured on two 1 ms UDP probe flows beside
 * the FPMIPv6 paper's closed form; ideal links have exact delays, so check them by
 * hand. Pcap: PREFIX-access.pcap (access links), PREFIX-<node>-<device>.pcap
 * (core links; node 0 CN, 1 LMA, 2-3 MAGs).
 */
#include "handover-measurement-helper.h"
#include "pmipv6-domain-helper.h"

#include "ns3/command-line.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

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

// Trace sinks (RFC 5213 sec. 5 LMA, sec. 6 MAG); the first arguments are bound.
void
MagL2(std::string mag, const char* what, std::string mn, Address)
{
    Say(mag) << mn << " " << what << " (L2)\n";
}

void
MagState(std::string mag, std::string mn, std::string from, std::string to)
{
    Say(mag) << "binding update list entry " << from << " -> " << to << "\n";
}

void
MagPbu(std::string mag, std::string mn, uint16_t seq, Time lifetime)
{
    Say(mag) << (lifetime.IsZero() ? "de-registration PBU" : "PBU") << " sent (seq " << seq
             << ", lifetime " << std::setprecision(0) << lifetime.GetSeconds() << " s)\n";
}

void
MagPba(std::string mag, std::string mn, uint8_t status, Time lifetime)
{
    Say(mag) << "PBA received, status " << unsigned(status)
             << (status < 128 ? " (accepted)\n" : " (rejected)\n");
}

void
MagRa(std::string mag, std::string mn, Address)
{
    Say(mag) << "Router Advertisement with the home network prefix sent to " << mn << "\n";
}

void
LmaBinding(std::string mn, Ipv6Address hnp, Ipv6Address oldCoa, Ipv6Address newCoa, std::string e)
{
    Say("LMA") << "binding cache entry " << e << " (HNP " << hnp << "/64), PBA sent; tunnel to "
               << (newCoa.IsAny() ? oldCoa : newCoa) << (newCoa.IsAny() ? " down\n" : " up\n");
}
} // namespace

int
main(int argc, char* argv[])
{
    Pmipv6DomainHelper::Parameters p; // ideal access, 2 MAGs, 1 MN, the FPMIPv6 paper's delays
    std::string pcap = "pmipv6-ideal";
    bool verbose = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("dhoL2", "L2 handover delay DHO,L2: link lost -> new MAG knows", p.dhoL2);
    cmd.AddValue("rttMagLma", "Round-trip time MAG-LMA", p.rttMagLma);
    cmd.AddValue("rttMagMag", "Round-trip time MAG-MAG (unused by plain PMIPv6)", p.rttMagMag);
    cmd.AddValue("rttMagAp", "Round-trip time MAG-AP (MAG-MN on ideal access)", p.rttMagAp);
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

    // The whole domain in one call: nodes, core links, LMA and MAG agents,
    // the MN's policy profile at every MAG (RFC 5213 sec. 6.2). The MN
    // attaches to MAG0 at 10 ms; MAG0 registers it (sec. 6.9.1.1, Fig. 2).
    Pmipv6DomainHelper domain;
    domain.Build(p);
    if (pcap != "none")
    {
        domain.EnablePcap(pcap);
    }
    domain.GetLmaApp()->TraceConnectWithoutContext("Binding", MakeCallback(&LmaBinding));
    for (uint32_t i = 0; i < p.mags; ++i)
    {
        std::string name = "MAG" + std::to_string(i);
        Ptr<Pmipv6Mag> mag = domain.GetMagApp(i);
        mag->TraceConnectWithoutContext("Attach", MakeBoundCallback(&MagL2, name, "attached"));
        mag->TraceConnectWithoutContext("Detach", MakeBoundCallback(&MagL2, name, "left"));
        mag->TraceConnectWithoutContext("State", MakeBoundCallback(&MagState, name));
        mag->TraceConnectWithoutContext("PbuSent", MakeBoundCallback(&MagPbu, name));
        mag->TraceConnectWithoutContext("PbaReceived", MakeBoundCallback(&MagPba, name));
        mag->TraceConnectWithoutContext("RouterAdvertisement", MakeBoundCallback(&MagRa, name));
    }

    // The handover (RFC 5213 Fig. 3): at 1 s the MN loses MAG0, which hears
    // of it RTT_MAG-AP/2 later and de-registers (lifetime 0, sec. 6.9.1.4).
    // DHO,L2 after the loss MAG1 learns of the attach and sends a PBU; the
    // LMA moves the binding and the tunnel (sec. 5.3, 5.6.1) and returns a
    // PBA; MAG1 then sends the RA from the link-local address that all MAGs
    // share (sec. 6.9.3): the MN keeps its address and its default router.
    domain.ScheduleHandover(0, Seconds(1), 1);

    // Probe flows: one 64-byte UDP packet per ms each way from 0.5 s to 1.5 s.
    HandoverMeasurementHelper measure;
    measure.Install(domain, MilliSeconds(500), MilliSeconds(1500));
    Simulator::Stop(Seconds(2));
    Simulator::Run();

    // The FPMIPv6 paper, sec. 4: nothing new reaches the MN before MAG1 knows of the
    // attach (D) and has done the PBU/PBA round trip (Rl). Packets also see
    // the access hop: downlink packets on their way to MAG0 die with the old
    // link (in MAG0's tunnel once the binding is gone, at the LMA while it is
    // de-registered), and the first on the new path still crosses MAG1 -> MN
    // (Ra/2). Uplink packets wait only for MAG1's tunnel: D + Rl.
    const double d = p.dhoL2.GetSeconds() * 1e3, rl = p.rttMagLma.GetSeconds() * 1e3;
    const double ra = p.rttMagAp.GetSeconds() * 1e3;
    std::cout << "\nHandover at 1 s, MAG0 -> MAG1. Measured on the probe flows:\n"
              << std::setprecision(1);
    for (const auto& r : measure.Compute())
    {
        std::cout << "  " << std::left << std::setw(10) << r.direction + "link:"
                  << "latency " << r.metrics.latencyMs << " ms, loss " << r.metrics.lossPeriodMs
                  << " ms (" << r.metrics.lostPackets << " packets)\n";
    }
    std::cout << "The FPMIPv6 paper: latency D + Rl = " << d + rl
              << " ms, loss D + Ra + Rl = " << d + ra + rl
              << " ms\nPacket level: downlink D + Rl + Ra/2 = " << d + rl + ra / 2
              << " ms, uplink D + Rl = " << d + rl << " ms (+/- 1 probe interval)\n";
    Simulator::Destroy();
    return 0;
}
