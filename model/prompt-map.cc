// SPDX-License-Identifier: GPL-2.0-only
#include "prompt-map.h"

#include "ns3/double.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PromptMap");

NS_OBJECT_ENSURE_REGISTERED(PromptHandoverAlgorithm);
NS_OBJECT_ENSURE_REGISTERED(PromptMap);

TypeId
PromptHandoverAlgorithm::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PromptHandoverAlgorithm")
            .SetParent<Object>()
            .SetGroupName("Pmipv6")
            .AddConstructor<PromptHandoverAlgorithm>()
            .AddAttribute("Hysteresis",
                          "A target AR's level must exceed the serving AR's by this much (dB)",
                          DoubleValue(3),
                          MakeDoubleAccessor(&PromptHandoverAlgorithm::m_hysteresisDb),
                          MakeDoubleChecker<double>(0));
    return tid;
}

Ipv6Address
PromptHandoverAlgorithm::Decide(Ipv6Address serving,
                                const std::vector<PromptHeader::Measurement>& measurements)
{
    double servingLevel = -1e9;
    for (const auto& m : measurements)
    {
        if (m.ar == serving)
        {
            servingLevel = m.levelDbm;
        }
    }
    Ipv6Address best;
    double bestLevel = servingLevel + m_hysteresisDb;
    for (const auto& m : measurements)
    {
        if (m.ar != serving && m.levelDbm > bestLevel)
        {
            best = m.ar;
            bestLevel = m.levelDbm;
        }
    }
    return best;
}

TypeId
PromptMap::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PromptMap")
            .SetParent<PromptAgent>()
            .SetGroupName("Pmipv6")
            .AddConstructor<PromptMap>()
            .AddAttribute("AaaAddress",
                          "The home AAA server, asked for authentication vectors",
                          Ipv6AddressValue(),
                          MakeIpv6AddressAccessor(&PromptMap::m_aaaAddress),
                          MakeIpv6AddressChecker())
            .AddAttribute("AvBatch",
                          "Authentication vectors asked for in one request to the home AAA",
                          UintegerValue(5),
                          MakeUintegerAccessor(&PromptMap::m_avBatch),
                          MakeUintegerChecker<uint32_t>(1, 10))
            .AddAttribute("AvRefillThreshold",
                          "Ask the home AAA for more AVs when an MN has fewer cached than this "
                          "(checked on every authentication; the ProMPt paper, sec. 3.3.1)",
                          UintegerValue(2),
                          MakeUintegerAccessor(&PromptMap::m_refillThreshold),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("RouteSwitchDelay",
                          "Time between the HO Success and the new route taking effect (the "
                          "ProMPt paper's testbed ran the 'route' command; 0: immediate)",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&PromptMap::m_routeSwitchDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("BufferWindow",
                          "MAP buffering (the ProMPt paper's sec. 6 outlook): keep the downlink "
                          "tunnelled to each MN in the last this long and replay it to the new "
                          "AR on the route switch (0: no buffering)",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&PromptMap::m_bufferWindow),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("BufferPackets",
                          "MAP buffering: at most this many packets per MN (the oldest go first)",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&PromptMap::m_bufferPackets),
                          MakeUintegerChecker<uint32_t>(1))
            .AddTraceSource(
                "Replay",
                "MAP buffering: packets replayed to the new AR on a switch (tmsi, count)",
                MakeTraceSourceAccessor(&PromptMap::m_replayTrace),
                "ns3::PromptMap::ReplayTracedCallback")
            .AddTraceSource("HandoverDecision",
                            "The MAP decided a scheduled handover (tmsi, serving AR, target AR)",
                            MakeTraceSourceAccessor(&PromptMap::m_decisionTrace),
                            "ns3::PromptMap::DecisionTracedCallback")
            .AddTraceSource("RouteSwitch",
                            "The route to an MN now goes to its new AR (tmsi, old AR, new AR)",
                            MakeTraceSourceAccessor(&PromptMap::m_routeSwitchTrace),
                            "ns3::PromptMap::RouteSwitchTracedCallback")
            .AddTraceSource("AvCache",
                            "The number of AVs cached for an MN changed (tmsi, count)",
                            MakeTraceSourceAccessor(&PromptMap::m_avCacheTrace),
                            "ns3::PromptMap::AvCacheTracedCallback")
            .AddTraceSource("DataDrop",
                            "A data packet was dropped",
                            MakeTraceSourceAccessor(&PromptMap::m_dropTrace),
                            "ns3::PromptMap::DataDropTracedCallback");
    return tid;
}

PromptMap::PromptMap()
    : m_algorithm(CreateObject<PromptHandoverAlgorithm>())
{
}

void
PromptMap::SetHandoverAlgorithm(Ptr<PromptHandoverAlgorithm> algorithm)
{
    m_algorithm = algorithm;
}

void
PromptMap::AddAccessRouter(Ipv6Address ar)
{
    m_ars.push_back(ar);
}

const PromptMap::MnEntry*
PromptMap::Find(uint32_t tmsi) const
{
    auto it = m_mns.find(tmsi);
    return it == m_mns.end() ? nullptr : &it->second;
}

const PromptMap::MnEntry*
PromptMap::FindByAddress(Ipv6Address address) const
{
    auto it = m_byAddress.find(address);
    return it == m_byAddress.end() ? nullptr : Find(it->second);
}

uint64_t
PromptMap::GetAvRequestCount() const
{
    return m_avRequests;
}

void
PromptMap::DoInitialize()
{
    PromptAgent::DoInitialize();
    for (const auto& ar : m_ars)
    {
        GetTunnel()->AddEndpoint(ar); // one tunnel per AR, for the domain's life
    }
}

void
PromptMap::DoDispose()
{
    m_algorithm = nullptr;
    m_aaaSocket = nullptr;
    m_avWaiters.clear();
    PromptAgent::DoDispose();
}

void
PromptMap::StartApplication()
{
    PromptAgent::StartApplication();
    NS_ABORT_MSG_IF(m_aaaAddress.IsAny(), "PromptMap: no AaaAddress");
    m_aaaSocket = Socket::CreateSocket(GetNode(), TypeId::LookupByName("ns3::UdpSocketFactory"));
    m_aaaSocket->Bind6();
    m_aaaSocket->SetRecvCallback(MakeCallback(&PromptMap::HandleAaa, this));
}

void
PromptMap::ReceiveMessage(const PromptHeader& m, Ipv6Address src)
{
    switch (m.type)
    {
    case PromptHeader::REGISTRATION:
        DoRecvRegistration(m, src);
        break;
    case PromptHeader::MEASUREMENT_REPORT:
        DoRecvMeasurementReport(m, src);
        break;
    case PromptHeader::AV_REQUEST:
        DoRecvAvRequest(m, src);
        break;
    case PromptHeader::HANDOVER_SUCCESS:
        DoRecvHandoverSuccess(m, src);
        break;
    default:
        NS_LOG_WARN("MAP: unexpected " << PromptHeader::TypeName(m.type) << " from " << src);
        break;
    }
}

void
PromptMap::DoRecvRegistration(const PromptHeader& m, Ipv6Address src)
{
    if (!m.hasMnAddress)
    {
        NS_LOG_WARN("MAP: Registration without an MN address from " << src);
        return;
    }
    MnEntry& e = m_mns[m.tmsi];
    e.tmsi = m.tmsi;
    e.nai = m.identity;
    if (!e.address.IsAny())
    {
        m_byAddress.erase(e.address);
    }
    e.address = m.mnAddress;
    e.servingAr = src;
    e.targetAr = Ipv6Address();
    m_byAddress[e.address] = e.tmsi;
    NS_LOG_INFO("MAP: MN " << e.tmsi << " " << e.address << " registered at AR " << src);
    m_routeSwitchTrace(e.tmsi, Ipv6Address(), src);
    PromptHeader ack;
    ack.type = PromptHeader::REGISTRATION_ACK;
    ack.sequence = m.sequence;
    ack.tmsi = m.tmsi;
    SendMessage(ack, src);
    CheckRefill(e);
}

void
PromptMap::DoRecvMeasurementReport(const PromptHeader& m, Ipv6Address src)
{
    auto it = m_mns.find(m.tmsi);
    if (it == m_mns.end() || it->second.servingAr != src || !it->second.targetAr.IsAny())
    {
        return; // unknown, stale, or a handover already under way
    }
    MnEntry& e = it->second;
    Ipv6Address target = m_algorithm->Decide(e.servingAr, m.measurements);
    if (target.IsAny())
    {
        return;
    }
    // Fig. 2: inform the target AR (with an AV and the MN's address), then
    // command the MN through its serving AR.
    NS_LOG_INFO("MAP: scheduled handover of MN " << e.tmsi << " to AR " << target);
    e.targetAr = target;
    m_decisionTrace(e.tmsi, e.servingAr, target);
    uint32_t tmsi = e.tmsi;
    WithAv(e, [this, tmsi, target](const AuthenticationVector& av) {
        MnEntry& e = m_mns[tmsi];
        PromptHeader prepare;
        prepare.type = PromptHeader::HANDOVER_PREPARE;
        prepare.sequence = ++m_sequence;
        prepare.tmsi = tmsi;
        prepare.hasMnAddress = true;
        prepare.mnAddress = e.address;
        prepare.avs.push_back(av);
        SendMessage(prepare, target);
        PromptHeader command;
        command.type = PromptHeader::HANDOVER_COMMAND;
        command.sequence = m_sequence;
        command.tmsi = tmsi;
        command.hasArAddress = true;
        command.arAddress = target;
        SendMessage(command, e.servingAr);
    });
}

void
PromptMap::DoRecvAvRequest(const PromptHeader& m, Ipv6Address src)
{
    auto it = m_mns.find(m.tmsi);
    if (it == m_mns.end())
    {
        NS_LOG_WARN("MAP: AV request for unknown TMSI " << m.tmsi << " from " << src);
        return;
    }
    // Fig. 3: the MN decided; the new AR asks for the AV.
    it->second.targetAr = src;
    uint32_t tmsi = m.tmsi;
    uint16_t seq = m.sequence;
    WithAv(it->second, [this, tmsi, seq, src](const AuthenticationVector& av) {
        PromptHeader r;
        r.type = PromptHeader::AV_RESPONSE;
        r.sequence = seq;
        r.tmsi = tmsi;
        r.hasMnAddress = true;
        r.mnAddress = m_mns[tmsi].address;
        r.avs.push_back(av);
        SendMessage(r, src);
    });
}

void
PromptMap::DoRecvHandoverSuccess(const PromptHeader& m, Ipv6Address src)
{
    auto it = m_mns.find(m.tmsi);
    if (it == m_mns.end())
    {
        NS_LOG_WARN("MAP: HO Success for unknown TMSI " << m.tmsi);
        return;
    }
    Ipv6Address newAr = m.hasArAddress ? m.arAddress : src;
    uint32_t tmsi = m.tmsi;
    if (m_routeSwitchDelay.IsZero())
    {
        SwitchRoute(tmsi, newAr);
    }
    else
    {
        Simulator::Schedule(m_routeSwitchDelay, &PromptMap::SwitchRoute, this, tmsi, newAr);
    }
}

void
PromptMap::SwitchRoute(uint32_t tmsi, Ipv6Address newAr)
{
    MnEntry& e = m_mns[tmsi];
    Ipv6Address old = e.servingAr;
    e.servingAr = newAr;
    e.targetAr = Ipv6Address();
    NS_LOG_INFO("MAP: route to MN " << tmsi << " switched " << old << " -> " << newAr);
    m_routeSwitchTrace(tmsi, old, newAr);
    if (!e.buffer.empty() && old != newAr)
    {
        // What went to the old AR in the window may not have reached the MN:
        // replay it all (the MN's receivers drop what they already have).
        uint32_t n = 0;
        for (const auto& b : e.buffer)
        {
            if (b.sent >= Simulator::Now() - m_bufferWindow)
            {
                GetTunnel()->Encapsulate(b.payload, b.header, GetAddress(), newAr);
                n++;
            }
        }
        e.buffer.clear();
        m_replayTrace(tmsi, n);
    }
}

void
PromptMap::WithAv(MnEntry& e, std::function<void(const AuthenticationVector&)> use)
{
    if (!e.avs.empty())
    {
        AuthenticationVector av = e.avs.front();
        e.avs.pop_front();
        m_avCacheTrace(e.tmsi, e.avs.size());
        CheckRefill(e);
        use(av);
        return;
    }
    // Empty cache: the handover waits for the home AAA (a round trip over the Internet).
    e.avMisses++;
    NS_LOG_WARN("MAP: no AV cached for MN " << e.tmsi << "; waiting for the home AAA");
    m_avWaiters[e.tmsi].push_back(use);
    CheckRefill(e, true);
}

void
PromptMap::CheckRefill(MnEntry& e, bool needed)
{
    if (e.refillPending || (!needed && e.avs.size() >= m_refillThreshold) || e.nai.empty())
    {
        return;
    }
    RadiusHeader r;
    r.code = RadiusHeader::ACCESS_REQUEST;
    r.identifier = ++m_radiusId;
    r.SetUserName(e.nai);
    r.AddVendorAttribute(RadiusHeader::VSA_AV_COUNT, {uint8_t(m_avBatch)});
    m_aaaPending[r.identifier] = e.tmsi;
    e.refillPending = true;
    m_avRequests++;
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(r);
    NS_LOG_INFO("MAP: asking the home AAA for " << m_avBatch << " AVs of MN " << e.tmsi);
    m_aaaSocket->SendTo(p, 0, Inet6SocketAddress(m_aaaAddress, RadiusHeader::PORT));
}

void
PromptMap::HandleAaa(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(from))
    {
        RadiusHeader r;
        if (p->RemoveHeader(r) == 0 || !m_aaaPending.count(r.identifier))
        {
            NS_LOG_WARN("MAP: malformed or unexpected RADIUS reply dropped");
            continue;
        }
        uint32_t tmsi = m_aaaPending[r.identifier];
        m_aaaPending.erase(r.identifier);
        Process([this, r, tmsi]() {
            auto it = m_mns.find(tmsi);
            if (it == m_mns.end())
            {
                return;
            }
            MnEntry& e = it->second;
            e.refillPending = false;
            for (const auto& av : r.GetAvs())
            {
                e.avs.push_back(av);
            }
            m_avCacheTrace(tmsi, e.avs.size());
            auto waiters = std::move(m_avWaiters[tmsi]);
            m_avWaiters.erase(tmsi);
            for (auto& use : waiters)
            {
                WithAv(e, use);
            }
        });
    }
}

bool
PromptMap::RouteInput(Ptr<const Packet> p,
                      const Ipv6Header& header,
                      Ptr<const NetDevice> idev,
                      const Ipv6RoutingProtocol::UnicastForwardCallback& ucb)
{
    auto it = m_byAddress.find(header.GetDestination());
    if (it == m_byAddress.end())
    {
        return false; // uplink out of a tunnel, or other traffic: static routing
    }
    const MnEntry& e = m_mns[it->second];
    if (e.servingAr.IsAny())
    {
        m_dropTrace(p, NO_SERVING_AR);
        return true;
    }
    if (m_bufferWindow.IsStrictlyPositive())
    {
        MnEntry& b = m_mns[it->second];
        Time now = Simulator::Now();
        while (!b.buffer.empty() &&
               (b.buffer.front().sent < now - m_bufferWindow || b.buffer.size() >= m_bufferPackets))
        {
            b.buffer.pop_front();
        }
        b.buffer.push_back(MnEntry::Buffered{now, p->Copy(), header});
    }
    GetTunnel()->Encapsulate(p, header, GetAddress(), e.servingAr);
    return true;
}

} // namespace ns3
