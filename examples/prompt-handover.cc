// SPDX-License-Identifier: GPL-2.0-only
/*
 * ProMPt in its smallest form (the ProMPt paper, Fig. 4): one MN attaches
 * with EAP-AKA through AR 1 to its far home AAA, then hands over to AR 2
 * and back, scheduled by the MAP or unscheduled by the MN, with a VoIP-like
 * flow (160 B every 20 ms) in each direction. Prints every handover's
 * times and the packets each flow lost.
 *
 * With --mipv6 the same topology runs the reference instead: Mobile IPv6
 * with full EAP-AKA against the home AAA on every new link.
 *
 *   prompt-handover [--scheduled=false] [--mipv6] [--tauDomain=20ms] [--pcap=prompt]
 */

#include "handover-probe.h"
#include "prompt-domain-helper.h"

#include "ns3/command-line.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    PromptDomainHelper::Parameters p;
    bool scheduled = true;
    std::string pcap;
    bool verbose = false;
    bool mipv6 = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("mipv6", "Run the Mobile IPv6 + EAP-AKA reference instead of ProMPt", mipv6);
    cmd.AddValue("scheduled", "Scheduled (MAP decides) or unscheduled (MN decides)", scheduled);
    cmd.AddValue("tauInternet", "One-way delay CN-MAP and home-MAP", p.tauInternet);
    cmd.AddValue("tauDomain", "One-way delay MAP-AR", p.tauDomain);
    cmd.AddValue("tauAccess", "One-way delay AR-MN", p.tauAccess);
    cmd.AddValue("processingDelay", "Per-message processing delay", p.processingDelay);
    cmd.AddValue("routeSwitchDelay", "The MAP's route switch delay", p.routeSwitchDelay);
    cmd.AddValue("pcap", "pcap prefix (empty: none)", pcap);
    cmd.AddValue("verbose", "Log the ProMPt entities", verbose);
    cmd.Parse(argc, argv);
    if (verbose)
    {
        for (const char* c : {"PromptMap",
                              "PromptAr",
                              "PromptMnClient",
                              "PromptAgent",
                              "Mipv6MnClient",
                              "Mipv6HomeAgent",
                              "Mipv6AccessRouter"})
        {
            LogComponentEnable(c, LogLevel(LOG_LEVEL_INFO | LOG_PREFIX_TIME | LOG_PREFIX_NODE));
        }
    }

    p.protocol = mipv6 ? PromptDomainHelper::MIPV6 : PromptDomainHelper::PROMPT;
    PromptDomainHelper domain;
    domain.Build(p);
    if (!pcap.empty())
    {
        domain.EnablePcap(pcap);
    }
    Time start = Seconds(2);
    Time stop = Seconds(12);
    Ptr<HandoverProbeReceiver> up = CreateObject<HandoverProbeReceiver>();
    up->SetAttribute("Port", UintegerValue(9001));
    domain.GetCn()->AddApplication(up);
    Ptr<HandoverProbeReceiver> down = CreateObject<HandoverProbeReceiver>();
    down->SetAttribute("Port", UintegerValue(9000));
    domain.GetMn(0)->AddApplication(down);
    Ptr<HandoverProbeSender> upSender = CreateObject<HandoverProbeSender>();
    upSender->SetAttribute("RemoteAddress", AddressValue(domain.GetCnAddress()));
    upSender->SetAttribute("RemotePort", UintegerValue(9001));
    upSender->SetAttribute("Interval", TimeValue(MilliSeconds(20)));
    upSender->SetAttribute("PacketSize", UintegerValue(160));
    upSender->SetStartTime(start);
    upSender->SetStopTime(stop);
    domain.GetMn(0)->AddApplication(upSender);
    Ptr<HandoverProbeSender> downSender = CreateObject<HandoverProbeSender>();
    downSender->SetAttribute("RemotePort", UintegerValue(9000));
    downSender->SetAttribute("Interval", TimeValue(MilliSeconds(20)));
    downSender->SetAttribute("PacketSize", UintegerValue(160));
    downSender->SetStartTime(start);
    downSender->SetStopTime(stop);
    domain.GetCn()->AddApplication(downSender);
    Simulator::Schedule(start - TimeStep(1), [&]() {
        downSender->SetAttribute("RemoteAddress", AddressValue(domain.GetMnAddress(0)));
    });
    domain.ScheduleHandover(0, Seconds(4), 1, scheduled);
    domain.ScheduleHandover(0, Seconds(9), 0, scheduled);
    Simulator::Stop(stop + Seconds(1));
    Simulator::Run();

    std::cout << "MN address " << domain.GetMnAddress(0) << "\n";
    for (const auto& h : domain.GetHandovers())
    {
        std::cout << (mipv6         ? "MIPv6"
                      : h.scheduled ? "scheduled"
                                    : "unscheduled")
                  << " AR" << h.fromAr + 1 << " -> AR" << h.toAr + 1 << ": decision "
                  << h.decision.As(Time::MS) << ", left old link " << h.linkLost.As(Time::MS)
                  << ", first message to target " << h.request.As(Time::MS)
                  << (mipv6 ? ", Binding Ack " : ", route switch ") << h.routeSwitch.As(Time::MS)
                  << "; completion " << (h.routeSwitch - h.request).As(Time::MS) << "\n";
    }
    std::cout << "downlink received " << down->GetRecords().size() << " of "
              << downSender->GetSentCount() << ", uplink " << up->GetRecords().size() << " of "
              << upSender->GetSentCount() << "\n";
    Simulator::Destroy();
    return 0;
}
