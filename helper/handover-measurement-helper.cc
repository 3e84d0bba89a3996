// SPDX-License-Identifier: GPL-2.0-only
#include "handover-measurement-helper.h"

#include "ns3/config.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HandoverMeasurementHelper");

namespace
{
const uint16_t kDownPort = 9000;
const uint16_t kUpPort = 9001;
} // namespace

HandoverMeasurementHelper::HandoverMeasurementHelper() = default;

void
HandoverMeasurementHelper::SetInterval(Time interval)
{
    NS_ABORT_MSG_UNLESS(interval.IsStrictlyPositive(), "probe interval must be positive");
    m_interval = interval;
}

void
HandoverMeasurementHelper::SetPacketSize(uint32_t bytes)
{
    NS_ABORT_MSG_UNLESS(bytes >= HandoverProbeHeader::SIZE,
                        "probe packets carry a " << HandoverProbeHeader::SIZE
                                                 << "-byte header: size too small");
    m_packetSize = bytes;
}

void
HandoverMeasurementHelper::SetBackground(uint32_t probedMns,
                                         Time interval,
                                         uint32_t bytes,
                                         bool down,
                                         bool up)
{
    NS_ABORT_MSG_UNLESS(interval.IsStrictlyPositive(), "background interval must be positive");
    NS_ABORT_MSG_UNLESS(bytes >= HandoverProbeHeader::SIZE,
                        "background packets carry a " << HandoverProbeHeader::SIZE
                                                      << "-byte header: size too small");
    m_probedMns = probedMns;
    m_backgroundInterval = interval;
    m_backgroundSize = bytes;
    m_backgroundDown = down;
    m_backgroundUp = up;
}

void
HandoverMeasurementHelper::Install(Pmipv6DomainHelper& domain, Time start, Time stop)
{
    NS_ABORT_MSG_UNLESS(start < stop, "probe flows: start must precede stop");
    m_domain = &domain;
    m_start = start;
    m_stop = stop;
    uint32_t mns = domain.GetParameters().mns;

    m_upReceiver = CreateObject<HandoverProbeReceiver>();
    m_upReceiver->SetAttribute("Port", UintegerValue(kUpPort));
    domain.GetCn()->AddApplication(m_upReceiver);
    // One socket for all the CN's downlink senders: a socket per flow would
    // put N endpoints in the CN's UDP demultiplexer, which scans them all
    // for every uplink packet.
    Ptr<Socket> downSocket =
        Socket::CreateSocket(domain.GetCn(), TypeId::LookupByName("ns3::UdpSocketFactory"));
    NS_ABORT_MSG_IF(downSocket->Bind6() == -1, "probe flows: cannot bind the CN's socket");
    downSocket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    for (uint32_t n = 0; n < mns; ++n)
    {
        bool probed = n < m_probedMns;
        Time interval = probed ? m_interval : m_backgroundInterval;
        uint32_t size = probed ? m_packetSize : m_backgroundSize;
        Ptr<HandoverProbeReceiver> down = CreateObject<HandoverProbeReceiver>();
        down->SetAttribute("Port", UintegerValue(kDownPort));
        domain.GetMn(n)->AddApplication(down);
        m_downReceivers.push_back(down);

        Ptr<HandoverProbeSender> downSender;
        if (probed || m_backgroundDown)
        {
            downSender = CreateObject<HandoverProbeSender>();
            downSender->SetAttribute("RemotePort", UintegerValue(kDownPort));
            downSender->SetAttribute("Interval", TimeValue(interval));
            downSender->SetAttribute("PacketSize", UintegerValue(size));
            downSender->SetAttribute("FlowId", UintegerValue(2 * n));
            downSender->SetStartTime(start);
            downSender->SetStopTime(stop);
            downSender->SetSocket(downSocket);
            domain.GetCn()->AddApplication(downSender);
        }
        m_downSenders.push_back(downSender);

        Ptr<HandoverProbeSender> upSender;
        if (probed || m_backgroundUp)
        {
            upSender = CreateObject<HandoverProbeSender>();
            upSender->SetAttribute("RemoteAddress", AddressValue(domain.GetCnAddress()));
            upSender->SetAttribute("RemotePort", UintegerValue(kUpPort));
            upSender->SetAttribute("Interval", TimeValue(interval));
            upSender->SetAttribute("PacketSize", UintegerValue(size));
            upSender->SetAttribute("FlowId", UintegerValue(2 * n + 1));
            // Half an interval after the downlink: on a radio the two flows
            // would otherwise reach the air together and collide every time.
            upSender->SetStartTime(start + interval / 2);
            upSender->SetStopTime(stop);
            domain.GetMn(n)->AddApplication(upSender);
        }
        m_upSenders.push_back(upSender);

        // The MN's address exists once the LMA has given it a prefix:
        // aim the downlink just before the flow starts.
        Simulator::Schedule(start - TimeStep(1), [this, n]() {
            Ipv6Address home = m_domain->GetMnHomeAddress(n);
            NS_ABORT_MSG_IF(home.IsAny(),
                            "mobile node " << n << " is not registered when its probe flow "
                                           << "starts; start the flows later");
            if (m_downSenders[n])
            {
                m_downSenders[n]->SetAttribute("RemoteAddress", AddressValue(home));
            }
        });
    }
    // The agents create their protocols when the nodes initialise, at 0.
    Simulator::Schedule(Seconds(0), &HandoverMeasurementHelper::Connect, this);
}

void
HandoverMeasurementHelper::Connect()
{
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/$ns3::MobilityL4Protocol/Tx",
        MakeCallback(&HandoverMeasurementHelper::OnSignalling, this));
    for (uint32_t i = 0; m_domain->GetParameters().mobility && i < m_domain->GetParameters().mags;
         ++i)
    {
        m_domain->GetMagApp(i)->TraceConnectWithoutContext(
            "State",
            MakeCallback(&HandoverMeasurementHelper::OnMagState, this).Bind(i));
    }
}

void
HandoverMeasurementHelper::OnMagState(uint32_t mag,
                                      std::string mnId,
                                      std::string from,
                                      std::string to)
{
    if (to == BindingUpdateListEntry::StateName(BindingUpdateListEntry::REGISTERED))
    {
        m_registrations.push_back(Registration{Simulator::Now().GetSeconds() * 1e3, mnId, mag});
    }
}

void
HandoverMeasurementHelper::OnSignalling(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst)
{
    m_signalling.emplace_back(Simulator::Now().GetSeconds() * 1e3, p->GetSize());
}

std::vector<HandoverMeasurementHelper::Result>
HandoverMeasurementHelper::Compute() const
{
    // Everything is grouped or indexed once, so that the cost stays linear
    // in the number of MNs: per-MN handovers and uplink records in one pass,
    // and the signalling (recorded in time order) by binary search.
    std::vector<Result> results;
    HandoverMetricsCalculator calc(m_interval.GetSeconds() * 1e3);
    uint32_t mns = m_domain->GetParameters().mns;
    std::vector<std::vector<Pmipv6DomainHelper::L2Handover>> handoversOf(mns);
    for (const auto& h : m_domain->GetL2Handovers())
    {
        handoversOf.at(h.mn).push_back(h);
    }
    auto upRecords = m_upReceiver->GetProbeRecordsByFlow();
    std::vector<double> signallingMs;
    std::vector<uint64_t> bytesBefore{0}; // bytes of the messages before index i
    for (const auto& [ms, size] : m_signalling)
    {
        signallingMs.push_back(ms);
        bytesBefore.push_back(bytesBefore.back() + size);
    }
    for (uint32_t n = 0; n < mns; ++n)
    {
        const std::vector<Pmipv6DomainHelper::L2Handover>& hos = handoversOf[n];
        std::vector<ProbeRecord> down = m_downReceivers[n]->GetProbeRecords(2 * n);
        const std::vector<ProbeRecord>& up = upRecords[2 * n + 1];
        for (uint32_t k = 0; k < hos.size(); ++k)
        {
            double t0 = hos[k].linkLost.GetSeconds() * 1e3;
            double start = k == 0 ? m_start.GetSeconds() * 1e3
                                  : (hos[k - 1].linkLost.GetSeconds() * 1e3 + t0) / 2;
            double end = k + 1 == hos.size() ? m_stop.GetSeconds() * 1e3
                                             : (hos[k + 1].linkLost.GetSeconds() * 1e3 + t0) / 2;
            HandoverWindow w{start, end, t0};
            // Messages with start <= ms < end.
            size_t first = std::lower_bound(signallingMs.begin(), signallingMs.end(), start) -
                           signallingMs.begin();
            size_t last =
                std::max(first,
                         size_t(std::lower_bound(signallingMs.begin(), signallingMs.end(), end) -
                                signallingMs.begin()));
            uint64_t messages = last - first;
            uint64_t bytes = bytesBefore[last] - bytesBefore[first];
            // Completion: the new MAG registered the MN (its PBA came back),
            // and packets sent after the attach there arrived, both before
            // the MN's next handover (its retransmissions may run past the
            // window's end, not past the next move).
            double horizon = k + 1 == hos.size() ? m_stop.GetSeconds() * 1e3
                                                 : hos[k + 1].linkLost.GetSeconds() * 1e3;
            double registered = std::numeric_limits<double>::quiet_NaN();
            std::string mnId = m_domain->GetMnIdentifier(n);
            for (const auto& reg : m_registrations)
            {
                if (reg.ms >= start && reg.ms < horizon && reg.mnId == mnId &&
                    reg.mag == hos[k].toMag)
                {
                    registered = reg.ms - t0;
                    break;
                }
            }
            double attached = hos[k].attached.GetSeconds() * 1e3;
            for (int dir = 0; dir < 2; ++dir)
            {
                Ptr<HandoverProbeSender> sender = dir == 0 ? m_downSenders[n] : m_upSenders[n];
                const std::vector<ProbeRecord>& records = dir == 0 ? down : up;
                auto range = calc.SeqRangeOf(w,
                                             sender->GetFirstTxTime().GetSeconds() * 1e3,
                                             sender->GetSentCount());
                Result r;
                r.mn = n;
                r.handover = k;
                r.direction = dir == 0 ? "down" : "up";
                r.l2 = hos[k];
                r.metrics = calc.Compute(records, range.first, range.end, w);
                r.signallingMessages = messages;
                r.signallingBytes = bytes;
                r.registeredMs = registered;
                r.completed =
                    !std::isnan(registered) && !hos[k].attached.IsZero() &&
                    std::any_of(records.begin(), records.end(), [&](const ProbeRecord& p) {
                        return p.txMs >= attached && p.txMs < horizon;
                    });
                results.push_back(r);
            }
        }
    }
    return results;
}

Ptr<HandoverProbeReceiver>
HandoverMeasurementHelper::GetDownlinkReceiver(uint32_t mn) const
{
    return m_downReceivers.at(mn);
}

Ptr<HandoverProbeReceiver>
HandoverMeasurementHelper::GetUplinkReceiver() const
{
    return m_upReceiver;
}

Ptr<HandoverProbeSender>
HandoverMeasurementHelper::GetDownlinkSender(uint32_t mn) const
{
    return m_downSenders.at(mn);
}

Ptr<HandoverProbeSender>
HandoverMeasurementHelper::GetUplinkSender(uint32_t mn) const
{
    return m_upSenders.at(mn);
}

} // namespace ns3
