// SPDX-License-Identifier: GPL-2.0-only
/*
 * Throughput over time across handovers, as the ProMPt paper's Fig. 5-7:
 * the MN sends to the CN (iperf client on the MN, server on the CN) a
 * 5 Mbit/s UDP flow or a TCP bulk flow; the MN hands over back and forth
 * between AR 1 and AR 2 (8 handovers, every 5 s for UDP, 10 s for TCP);
 * the CN's received bytes are binned (0.5 s).
 *
 *   prompt-throughput --scheme=prompt-scheduled|prompt-unscheduled|mipv6-eap-aka
 *                     --flow=udp|tcp [--csv=FILE]
 *
 * CSV: scheme,flow,time_s,throughput_mbps (bin start, received in the bin).
 * TCP's buffers are 32 KiB by default, FreeBSD 6.0's default send and
 * receive space (net.inet.tcp.sendspace/recvspace), the testbed's system.
 */

#include "handover-probe.h"
#include "prompt-domain-helper.h"

#include "ns3/bulk-send-helper.h"
#include "ns3/command-line.h"
#include "ns3/config.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <fstream>
#include <iostream>
#include <map>

using namespace ns3;

namespace
{
std::map<int64_t, uint64_t> g_bins; //!< bin index -> bytes received
Time g_bin;

void
Count(uint32_t bytes)
{
    g_bins[Simulator::Now().GetTimeStep() / g_bin.GetTimeStep()] += bytes;
}
} // namespace

int
main(int argc, char* argv[])
{
    PromptDomainHelper::Parameters p;
    std::string scheme = "prompt-scheduled";
    std::string flow = "udp";
    std::string csv;
    uint32_t handovers = 8;
    uint32_t tcpBuffer = 32768;
    Time spacing;
    g_bin = MilliSeconds(500);
    CommandLine cmd(__FILE__);
    cmd.AddValue("scheme", "prompt-scheduled, prompt-unscheduled or mipv6-eap-aka", scheme);
    cmd.AddValue("flow", "udp (5 Mbit/s) or tcp (bulk)", flow);
    cmd.AddValue("handovers", "Handovers, back and forth", handovers);
    cmd.AddValue("spacing", "Time between handovers (0: 5 s for UDP, 10 s for TCP)", spacing);
    cmd.AddValue("bin", "Throughput bin", g_bin);
    cmd.AddValue("tcpBuffer", "TCP send and receive buffer (bytes)", tcpBuffer);
    cmd.AddValue("tauInternet", "One-way delay CN-MAP and home-MAP", p.tauInternet);
    cmd.AddValue("tauDomain", "One-way delay MAP-AR", p.tauDomain);
    cmd.AddValue("processingDelay", "Per-message processing delay", p.processingDelay);
    cmd.AddValue("routeSwitchDelay", "The anchor's route switch delay", p.routeSwitchDelay);
    cmd.AddValue("csv", "Write the CSV here instead of stdout", csv);
    cmd.Parse(argc, argv);
    if ((scheme != "prompt-scheduled" && scheme != "prompt-unscheduled" &&
         scheme != "mipv6-eap-aka") ||
        (flow != "udp" && flow != "tcp") || !g_bin.IsStrictlyPositive() || handovers == 0)
    {
        std::cerr << "prompt-throughput: bad --scheme, --flow, --bin or --handovers" << std::endl;
        return 1;
    }
    if (spacing.IsZero())
    {
        spacing = Seconds(flow == "udp" ? 5 : 10);
    }
    Config::SetDefault("ns3::TcpSocket::SndBufSize", UintegerValue(tcpBuffer));
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(tcpBuffer));
    p.protocol = scheme == "mipv6-eap-aka" ? PromptDomainHelper::MIPV6 : PromptDomainHelper::PROMPT;
    PromptDomainHelper domain;
    domain.Build(p);
    domain.AssignStreams(1000);

    Time start = Seconds(2);
    Time stop = start + spacing * (handovers + 1);
    const uint16_t port = 5001; // iperf's
    if (flow == "udp")
    {
        // 5 Mbit/s of UDP payload: 1250 bytes every 2 ms.
        Ptr<HandoverProbeReceiver> server = CreateObject<HandoverProbeReceiver>();
        server->SetAttribute("Port", UintegerValue(port));
        domain.GetCn()->AddApplication(server);
        server->TraceConnectWithoutContext(
            "Rx",
            MakeCallback(+[](Ptr<const Packet> pkt, uint32_t, Time) { Count(pkt->GetSize()); }));
        Ptr<HandoverProbeSender> client = CreateObject<HandoverProbeSender>();
        client->SetAttribute("RemoteAddress", AddressValue(domain.GetCnAddress()));
        client->SetAttribute("RemotePort", UintegerValue(port));
        client->SetAttribute("Interval", TimeValue(MilliSeconds(2)));
        client->SetAttribute("PacketSize", UintegerValue(1250));
        client->SetStartTime(start);
        client->SetStopTime(stop);
        domain.GetMn(0)->AddApplication(client);
    }
    else
    {
        PacketSinkHelper sink("ns3::TcpSocketFactory",
                              Inet6SocketAddress(Ipv6Address::GetAny(), port));
        ApplicationContainer s = sink.Install(domain.GetCn());
        s.Get(0)->TraceConnectWithoutContext(
            "Rx",
            MakeCallback(+[](Ptr<const Packet> pkt, const Address&) { Count(pkt->GetSize()); }));
        BulkSendHelper bulk("ns3::TcpSocketFactory",
                            Inet6SocketAddress(domain.GetCnAddress(), port));
        ApplicationContainer c = bulk.Install(domain.GetMn(0));
        c.Start(start);
        c.Stop(stop);
    }
    for (uint32_t k = 0; k < handovers; ++k)
    {
        domain.ScheduleHandover(0,
                                start + spacing * (k + 1),
                                (k + 1) % 2,
                                scheme == "prompt-scheduled");
    }
    Simulator::Stop(stop);
    Simulator::Run();

    std::ofstream file;
    std::ostream* os = &std::cout;
    if (!csv.empty())
    {
        file.open(csv);
        os = &file;
    }
    *os << "scheme,flow,time_s,throughput_mbps\n";
    for (int64_t b = start.GetTimeStep() / g_bin.GetTimeStep();
         b < stop.GetTimeStep() / g_bin.GetTimeStep();
         ++b)
    {
        double mbps = g_bins[b] * 8.0 / g_bin.GetSeconds() / 1e6;
        *os << scheme << "," << flow << "," << (g_bin * b).GetSeconds() << "," << mbps << "\n";
    }
    Simulator::Destroy();
    return 0;
}
