// SPDX-License-Identifier: GPL-2.0-only
/*
 * The schemes of the ProMPt paper in the scenario program: ProMPt
 * scheduled and unscheduled, and the Mobile IPv6 + EAP-AKA reference. They
 * bring their own topology (PromptDomainHelper) and run the same probe
 * flows and per-handover measures as the PMIPv6 family.
 */

#include "handover-scenario.h"

#include "ns3/double.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

namespace
{

const uint16_t kDownPort = 9000;
const uint16_t kUpPort = 9001;
const int64_t kPhaseStream = 1;
const int64_t kDomainStreamBase = 1000;

double
Ms(Time t)
{
    return t.GetSeconds() * 1e3;
}

/**
 * One run: the domain, a VoIP-like probe flow each way per MN, handovers
 * back and forth between AR 1 and AR 2 (the ProMPt paper, sec. 4), and per
 * handover the measures of HandoverMetricsCalculator plus the completion.
 */
std::vector<HandoverMeasurementHelper::Result>
RunPromptFamily(const HandoverScenario::Config& c,
                HandoverScenario::Totals& totals,
                PromptDomainHelper::Protocol protocol,
                bool scheduled)
{
    PromptDomainHelper::Parameters p = c.prompt;
    p.protocol = protocol;
    p.mns = c.domain.mns;
    p.ars = std::max(2u, c.domain.mags);
    p.access = c.domain.access;
    PromptDomainHelper domain;
    domain.Build(p);
    domain.AssignStreams(kDomainStreamBase);
    if (!c.pcapPrefix.empty())
    {
        domain.EnablePcap(c.pcapPrefix);
    }

    // The first attachment runs full EAP-AKA with the home AAA (three
    // round trips over tau_Internet + tau_Domain) and the MAP then fetches
    // AVs (one more over tau_Internet): the flows start after both.
    Time rttHome = 2 * (p.tauInternet + p.tauDomain + p.tauAccess);
    Time flowStart = p.firstAttach + 4 * rttHome + 40 * p.processingDelay + MilliSeconds(500) +
                     (p.access == "wifi" ? MilliSeconds(500) : Seconds(0));
    // Handovers every 5 s as the paper's UDP runs (--spacing to change).
    Time spacing = c.spacing.IsZero() ? Seconds(5) : c.spacing;
    Time lead = std::max(Seconds(1), 2 * (p.tauInternet + p.tauDomain));
    Time first = c.firstHandover.IsZero() ? flowStart + lead : c.firstHandover;
    Ptr<UniformRandomVariable> phase = CreateObject<UniformRandomVariable>();
    phase->SetStream(kPhaseStream);
    phase->SetAttribute("Max", DoubleValue(c.packetInterval.GetSeconds()));
    Time lastHandover;
    for (uint32_t n = 0; n < p.mns; ++n)
    {
        Time offset = spacing * n / p.mns;
        for (uint32_t k = 0; k < c.handovers; ++k)
        {
            Time t = first + offset + spacing * k + Seconds(phase->GetValue());
            domain.ScheduleHandover(n, t, (k + 1) % 2, scheduled);
            lastHandover = std::max(lastHandover, t);
        }
    }
    // The last handover settles within the reference's full authentication.
    Time flowStop = lastHandover + std::min(spacing / 2, 4 * rttHome + MilliSeconds(500));

    Ptr<HandoverProbeReceiver> upReceiver = CreateObject<HandoverProbeReceiver>();
    upReceiver->SetAttribute("Port", UintegerValue(kUpPort));
    domain.GetCn()->AddApplication(upReceiver);
    std::vector<Ptr<HandoverProbeSender>> downSenders;
    std::vector<Ptr<HandoverProbeSender>> upSenders;
    std::vector<Ptr<HandoverProbeReceiver>> downReceivers;
    for (uint32_t n = 0; n < p.mns; ++n)
    {
        Ptr<HandoverProbeReceiver> down = CreateObject<HandoverProbeReceiver>();
        down->SetAttribute("Port", UintegerValue(kDownPort));
        domain.GetMn(n)->AddApplication(down);
        downReceivers.push_back(down);
        Ptr<HandoverProbeSender> downSender = CreateObject<HandoverProbeSender>();
        Ptr<HandoverProbeSender> upSender = CreateObject<HandoverProbeSender>();
        for (auto [s, port, flow] : {std::make_tuple(downSender, kDownPort, 2 * n),
                                     std::make_tuple(upSender, kUpPort, 2 * n + 1)})
        {
            s->SetAttribute("RemotePort", UintegerValue(port));
            s->SetAttribute("Interval", TimeValue(c.packetInterval));
            s->SetAttribute("PacketSize", UintegerValue(c.packetSize));
            s->SetAttribute("FlowId", UintegerValue(flow));
            s->SetStopTime(flowStop);
        }
        upSender->SetAttribute("RemoteAddress", AddressValue(domain.GetCnAddress()));
        downSender->SetStartTime(flowStart);
        upSender->SetStartTime(flowStart + c.packetInterval / 2);
        domain.GetCn()->AddApplication(downSender);
        domain.GetMn(n)->AddApplication(upSender);
        downSenders.push_back(downSender);
        upSenders.push_back(upSender);
        Simulator::Schedule(flowStart - TimeStep(1), [&domain, downSender, n]() {
            Ipv6Address a = domain.GetMnAddress(n);
            NS_ABORT_MSG_IF(a.IsAny(),
                            "mobile node " << n << " has no address when its probe flow starts");
            downSender->SetAttribute("RemoteAddress", AddressValue(a));
        });
    }

    Simulator::Stop(flowStop + Seconds(1));
    Simulator::Run();

    std::vector<HandoverMeasurementHelper::Result> results;
    HandoverMetricsCalculator calc(Ms(c.packetInterval));
    std::vector<std::vector<PromptDomainHelper::Handover>> handoversOf(p.mns);
    for (const auto& h : domain.GetHandovers())
    {
        handoversOf[h.mn].push_back(h);
    }
    auto upRecords = upReceiver->GetProbeRecordsByFlow();
    for (uint32_t n = 0; n < p.mns; ++n)
    {
        const auto& hos = handoversOf[n];
        std::vector<ProbeRecord> down = downReceivers[n]->GetProbeRecords(2 * n);
        const std::vector<ProbeRecord>& up = upRecords[2 * n + 1];
        for (uint32_t k = 0; k < hos.size(); ++k)
        {
            const PromptDomainHelper::Handover& h = hos[k];
            double t0 = Ms(h.linkLost);
            double start = k == 0 ? Ms(flowStart) : (Ms(hos[k - 1].linkLost) + t0) / 2;
            double end = k + 1 == hos.size() ? Ms(flowStop) : (Ms(hos[k + 1].linkLost) + t0) / 2;
            HandoverWindow w{start, end, t0};
            double horizon = k + 1 == hos.size() ? Ms(flowStop) : Ms(hos[k + 1].linkLost);
            bool switched = !h.routeSwitch.IsZero();
            for (int dir = 0; dir < 2; ++dir)
            {
                Ptr<HandoverProbeSender> sender = dir == 0 ? downSenders[n] : upSenders[n];
                const std::vector<ProbeRecord>& records = dir == 0 ? down : up;
                auto range =
                    calc.SeqRangeOf(w, Ms(sender->GetFirstTxTime()), sender->GetSentCount());
                HandoverMeasurementHelper::Result r;
                r.mn = n;
                r.handover = k;
                r.direction = dir == 0 ? "down" : "up";
                r.l2 = Pmipv6DomainHelper::L2Handover{n, h.fromAr, h.toAr, h.linkLost, h.request};
                r.metrics = calc.Compute(records, range.first, range.end, w);
                r.signallingMessages = 0;
                r.signallingBytes = 0;
                r.registeredMs =
                    switched ? Ms(h.routeSwitch) - t0 : std::numeric_limits<double>::quiet_NaN();
                r.completed =
                    switched &&
                    std::any_of(records.begin(), records.end(), [&](const ProbeRecord& pr) {
                        return pr.txMs >= Ms(h.request) && pr.txMs < horizon;
                    });
                if (switched)
                {
                    r.completionMs = Ms(h.routeSwitch) - Ms(h.request);
                    r.completionFromDecisionMs = Ms(h.routeSwitch) - Ms(h.decision);
                }
                results.push_back(r);
            }
        }
    }
    totals.events = Simulator::GetEventCount();
    for (uint32_t n = 0; n < p.mns; ++n)
    {
        totals.probePackets += downSenders[n]->GetSentCount() + upSenders[n]->GetSentCount();
        totals.probeReceived += downReceivers[n]->GetRecords().size();
    }
    totals.probeReceived += upReceiver->GetRecords().size();
    totals.signallingMessages = domain.GetSignallingCount();
    Simulator::Destroy();
    return results;
}

struct Registration
{
    Registration()
    {
        HandoverScenario::RegisterTopologyScheme(
            "prompt-scheduled",
            [](const HandoverScenario::Config& c, HandoverScenario::Totals& t) {
                return RunPromptFamily(c, t, PromptDomainHelper::PROMPT, true);
            });
        HandoverScenario::RegisterTopologyScheme(
            "prompt-unscheduled",
            [](const HandoverScenario::Config& c, HandoverScenario::Totals& t) {
                return RunPromptFamily(c, t, PromptDomainHelper::PROMPT, false);
            });
        HandoverScenario::RegisterTopologyScheme(
            "mipv6-eap-aka",
            [](const HandoverScenario::Config& c, HandoverScenario::Totals& t) {
                return RunPromptFamily(c, t, PromptDomainHelper::MIPV6, false);
            });
    }
} g_registration;

} // namespace

} // namespace ns3
