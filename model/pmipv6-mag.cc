// SPDX-License-Identifier: GPL-2.0-only
#include "pmipv6-mag.h"

#include "aaa-server.h"
#include "experimental-mobility-header.h"

#include "ns3/inet6-socket-address.h"
#include "ns3/udp-socket-factory.h"

#include "ns3/icmpv6-header.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-route.h"
#include "ns3/log.h"
#include "ns3/ndisc-cache.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

namespace
{
/// Cur Hop Limit advertised in the RA (RFC 4861 sec. 4.2; the IANA default TTL).
constexpr uint8_t kRaCurHopLimit = 64;
/// RFC 4861 sec. 6.1.2: Neighbor Discovery messages are sent with hop limit 255.
constexpr uint8_t kNdHopLimit = 255;
} // namespace

NS_LOG_COMPONENT_DEFINE("Pmipv6Mag");
NS_OBJECT_ENSURE_REGISTERED(MagExtension);
NS_OBJECT_ENSURE_REGISTERED(Pmipv6Mag);

// ---------------------------------------------------------------- MagExtension

TypeId
MagExtension::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MagExtension")
                            .SetParent<Object>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<MagExtension>();
    return tid;
}

void
MagExtension::Install(Ptr<Pmipv6Mag> mag)
{
    m_mag = mag;
}

void
MagExtension::NotifyAttach(BindingUpdateListEntry& e)
{
}

bool
MagExtension::NotifyDetach(BindingUpdateListEntry& e)
{
    return false;
}

void
MagExtension::NotifyRegistered(BindingUpdateListEntry& e)
{
}

bool
MagExtension::HandleUndeliverable(BindingUpdateListEntry& e,
                                  Ptr<const Packet> p,
                                  const Ipv6Header& header)
{
    return false;
}

bool
MagExtension::HandleUplink(BindingUpdateListEntry& e, Ptr<const Packet> p, const Ipv6Header& header)
{
    return false;
}

void
MagExtension::DecoratePbu(BindingUpdateListEntry& e, BindingUpdateHeader& pbu)
{
}

bool
MagExtension::NotifyRevoked(const std::string& mnId, BindingUpdateListEntry* e)
{
    return false;
}

bool
MagExtension::HasContext(const BindingUpdateListEntry& e) const
{
    return false;
}

void
MagExtension::DoDispose()
{
    m_mag = nullptr;
    Object::DoDispose();
}

// ------------------------------------------------------------------- Pmipv6Mag

TypeId
Pmipv6Mag::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Pmipv6Mag")
            .SetParent<MobilityAgent>()
            .SetGroupName("Pmipv6")
            .AddConstructor<Pmipv6Mag>()
            .AddAttribute("BindingLifetime",
                          "Lifetime requested in each PBU",
                          TimeValue(Seconds(60)),
                          MakeTimeAccessor(&Pmipv6Mag::m_bindingLifetime),
                          MakeTimeChecker(Seconds(4)))
            .AddAttribute("RefreshAdvance",
                          "How long before the granted lifetime runs out the binding is "
                          "refreshed",
                          TimeValue(Seconds(2)),
                          MakeTimeAccessor(&Pmipv6Mag::m_refreshAdvance),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("InitialBindackTimeoutFirstReg",
                          "RFC 6275 sec. 13 / RFC 5213 sec. 6.9.4: first PBA wait; doubled on "
                          "each retransmission",
                          TimeValue(Seconds(1.5)),
                          MakeTimeAccessor(&Pmipv6Mag::m_initialBindackTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("MaxBindackTimeout",
                          "RFC 6275 MAX_BINDACK_TIMEOUT: longest wait between retransmissions",
                          TimeValue(Seconds(32)),
                          MakeTimeAccessor(&Pmipv6Mag::m_maxBindackTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("MaxPbuRetransmissions",
                          "PBU retransmissions before the MAG gives up on a de-registration, "
                          "or on a registration for a MN that is not attached; for an "
                          "attached MN it retransmits as long as the MN stays (RFC 5213 "
                          "sec. 6.9.4)",
                          UintegerValue(5),
                          MakeUintegerAccessor(&Pmipv6Mag::m_maxRetransmissions),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("AccessTechnologyType",
                          "RFC 5213 sec. 8.5 value sent in the PBU (3 = IEEE 802.3, 4 = "
                          "IEEE 802.11a/b/g)",
                          UintegerValue(3),
                          MakeUintegerAccessor(&Pmipv6Mag::m_accessTechnologyType),
                          MakeUintegerChecker<uint8_t>())
            .AddAttribute("RouterLifetime",
                          "Router Lifetime (s) of the Router Advertisements",
                          UintegerValue(1800),
                          MakeUintegerAccessor(&Pmipv6Mag::m_routerLifetime),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("MovedTunnelGracePeriod",
                          "How long the tunnel to the LMA stays up for a MN whose binding a "
                          "fast handover moved to another MAG",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&Pmipv6Mag::m_movedTunnelGrace),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("AttachProcessingDelay",
                          "Processing from the attach to the PBU's sending (the Context "
                          "Reflector paper, sec. 5.2; 0: none)",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&Pmipv6Mag::m_attachProcessing),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("PbaProcessingDelay",
                          "Processing from a PBA's arrival to its effect (binding, RA)",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&Pmipv6Mag::m_pbaProcessing),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("AaaServer",
                          "The AAA / policy server a MAG without the MN's context asks before "
                          "registering it (RADIUS-like, UDP 1812); :: = a local policy store",
                          Ipv6AddressValue(Ipv6Address::GetAny()),
                          MakeIpv6AddressAccessor(&Pmipv6Mag::m_aaaServer),
                          MakeIpv6AddressChecker())
            .AddTraceSource("Attach",
                            "A mobile node attached to an access link",
                            MakeTraceSourceAccessor(&Pmipv6Mag::m_attachTrace),
                            "ns3::Pmipv6Mag::EntryTracedCallback")
            .AddTraceSource("Detach",
                            "A mobile node left an access link",
                            MakeTraceSourceAccessor(&Pmipv6Mag::m_detachTrace),
                            "ns3::Pmipv6Mag::EntryTracedCallback")
            .AddTraceSource("State",
                            "A binding update list entry changed state",
                            MakeTraceSourceAccessor(&Pmipv6Mag::m_stateTrace),
                            "ns3::Pmipv6Mag::StateTracedCallback")
            .AddTraceSource("PbuSent",
                            "A Proxy Binding Update was sent (lifetime 0: de-registration)",
                            MakeTraceSourceAccessor(&Pmipv6Mag::m_pbuTxTrace),
                            "ns3::Pmipv6Mag::PbuTracedCallback")
            .AddTraceSource("PbaReceived",
                            "A Proxy Binding Acknowledgement for a pending PBU arrived",
                            MakeTraceSourceAccessor(&Pmipv6Mag::m_pbaRxTrace),
                            "ns3::Pmipv6Mag::PbaTracedCallback")
            .AddTraceSource("RouterAdvertisement",
                            "A unicast Router Advertisement was sent to a mobile node",
                            MakeTraceSourceAccessor(&Pmipv6Mag::m_raTxTrace),
                            "ns3::Pmipv6Mag::EntryTracedCallback")
            .AddTraceSource("DataDrop",
                            "A data packet of a mobile node was dropped",
                            MakeTraceSourceAccessor(&Pmipv6Mag::m_dataDropTrace),
                            "ns3::Pmipv6Mag::DataDropTracedCallback")
            .AddTraceSource("RegistrationRefused",
                            "The LMA refused a registration for good (RFC 5213 sec. 6.9.1.2): "
                            "the MAG stops serving the mobile node",
                            MakeTraceSourceAccessor(&Pmipv6Mag::m_refusedTrace),
                            "ns3::Pmipv6Mag::RefusedTracedCallback")
            .AddTraceSource("BriReceived",
                            "A Binding Revocation Indication arrived from the LMA (RFC 5846): "
                            "MN-ID, sequence, revocation trigger",
                            MakeTraceSourceAccessor(&Pmipv6Mag::m_briRxTrace),
                            "ns3::Pmipv6Mag::RevocationTracedCallback")
            .AddTraceSource("BraSent",
                            "A Binding Revocation Acknowledgement was sent: MN-ID, sequence, "
                            "status",
                            MakeTraceSourceAccessor(&Pmipv6Mag::m_braTxTrace),
                            "ns3::Pmipv6Mag::RevocationTracedCallback")
            .AddTraceSource("AaaRequestSent",
                            "An Access-Request for an attaching MN went to the AAA server",
                            MakeTraceSourceAccessor(&Pmipv6Mag::m_aaaTxTrace),
                            "ns3::Pmipv6Mag::AaaTracedCallback")
            .AddTraceSource("AaaAnswerReceived",
                            "The AAA server answered (Code 2 Access-Accept, 3 Access-Reject)",
                            MakeTraceSourceAccessor(&Pmipv6Mag::m_aaaRxTrace),
                            "ns3::Pmipv6Mag::AaaTracedCallback");
    return tid;
}

Pmipv6Mag::Pmipv6Mag()
    : m_extension(CreateObject<MagExtension>())
{
}

void
Pmipv6Mag::AddPolicy(const std::string& mnIdentifier, const Address& linkLayerId, Ipv6Address lma)
{
    m_policies[mnIdentifier] = Policy{linkLayerId, lma};
}

void
Pmipv6Mag::AddAccessInterface(uint32_t ifIndex)
{
    m_accessInterfaces.insert(ifIndex);
}

bool
Pmipv6Mag::IsAccessInterface(uint32_t ifIndex) const
{
    return m_accessInterfaces.count(ifIndex) != 0;
}

void
Pmipv6Mag::AddNeighborMag(Ipv6Address proxyCoa)
{
    m_neighborMags.insert(proxyCoa);
}

bool
Pmipv6Mag::IsNeighborMag(Ipv6Address proxyCoa) const
{
    return m_neighborMags.count(proxyCoa) != 0;
}

void
Pmipv6Mag::SetExtension(Ptr<MagExtension> extension)
{
    m_extension = extension;
}

Ptr<MagExtension>
Pmipv6Mag::GetExtension() const
{
    return m_extension;
}

BindingUpdateList&
Pmipv6Mag::GetBindingUpdateList()
{
    return m_list;
}

void
Pmipv6Mag::DoInitialize()
{
    MobilityAgent::DoInitialize();
    m_extension->Install(this);
    if (!m_aaaServer.IsAny())
    {
        m_aaaSocket = Socket::CreateSocket(GetNode(), UdpSocketFactory::GetTypeId());
        m_aaaSocket->Bind6();
        m_aaaSocket->SetRecvCallback(MakeCallback(&Pmipv6Mag::RecvAaa, this));
    }
}

std::vector<uint8_t>
Pmipv6Mag::GetHandledTypes() const
{
    return {static_cast<uint8_t>(MhType::BindingAck),
            static_cast<uint8_t>(MhType::BindingRevocation)};
}

BindingUpdateListEntry*
Pmipv6Mag::GetOrCreateEntry(const std::string& mnId)
{
    if (BindingUpdateListEntry* e = m_list.Find(mnId))
    {
        return e;
    }
    auto policy = m_policies.find(mnId);
    if (policy == m_policies.end())
    {
        return nullptr;
    }
    BindingUpdateListEntry& e = m_list.Create(mnId, policy->second.linkLayerId);
    e.lmaAddress = policy->second.lma;
    e.homeNetworkPrefix = HomeNetworkPrefix{Ipv6Address::GetAny(), 0};
    // Numbered on from every PBU this MAG sent: a MN that comes back after
    // its entry was removed is not refused as a replay (RFC 6275 9.5.1).
    e.sequence = m_lastSequence;
    return &e;
}

void
Pmipv6Mag::SwitchToState(BindingUpdateListEntry& e, BindingUpdateListEntry::State s)
{
    if (e.state == s)
    {
        return;
    }
    NS_LOG_INFO("MAG " << GetAddress() << " " << e.mnIdentifier << ": "
                       << BindingUpdateListEntry::StateName(e.state) << " -> "
                       << BindingUpdateListEntry::StateName(s));
    // The reverse tunnel exists exactly while the binding is registered
    // (RFC 5213 sec. 6.10.1).
    if (e.state == BindingUpdateListEntry::REGISTERED)
    {
        GetTunnel()->RemoveEndpoint(e.lmaAddress);
    }
    else if (s == BindingUpdateListEntry::REGISTERED)
    {
        GetTunnel()->AddEndpoint(e.lmaAddress);
    }
    m_stateTrace(e.mnIdentifier,
                 BindingUpdateListEntry::StateName(e.state),
                 BindingUpdateListEntry::StateName(s));
    e.state = s;
}

void
Pmipv6Mag::NotifyAttach(const std::string& mnId,
                        uint32_t ifIndex,
                        Ipv6Address previousMag,
                        uint8_t handoffIndicator)
{
    BindingUpdateListEntry* e = GetOrCreateEntry(mnId);
    if (!e)
    {
        // RFC 5213 sec. 6.9.1.1: no policy profile, no service.
        NS_LOG_WARN("MAG " << GetAddress() << ": no policy profile for " << mnId);
        m_attachTrace("", Address());
        return;
    }
    NS_ABORT_MSG_UNLESS(IsAccessInterface(ifIndex),
                        "interface " << ifIndex << " is not an access interface of MAG "
                                     << GetAddress());
    NS_LOG_INFO("MAG " << GetAddress() << ": " << e->mnIdentifier << " attached on if " << ifIndex);
    e->attached = true;
    e->accessInterface = ifIndex;
    e->previousMag = previousMag;
    // RFC 5213 sec. 6.9.1.1 / 8.4: what the MAG knows of this attach.
    if (handoffIndicator == HandoffIndicator::RESERVED)
    {
        handoffIndicator = previousMag.IsAny() ? HandoffIndicator::HANDOFF_STATE_UNKNOWN
                                               : HandoffIndicator::HANDOFF_BETWEEN_MAGS;
    }
    e->handoffIndicator = handoffIndicator;
    PinNeighbor(*e);
    m_attachTrace(e->mnIdentifier, e->linkLayerId);
    switch (e->state)
    {
    case BindingUpdateListEntry::IDLE:
    case BindingUpdateListEntry::DEREGISTERING:
        if (!m_aaaServer.IsAny() && !m_extension->HasContext(*e))
        {
            // The Context Reflector paper, sec. 2.2: no context, so AAA
            // first; the PBU follows the Access-Accept.
            SendAccessRequest(*e);
        }
        else if (m_attachProcessing.IsStrictlyPositive())
        {
            // The Context Reflector paper, sec. 5.2: attach -> PBU processing.
            Simulator::Schedule(m_attachProcessing, &Pmipv6Mag::RegisterAttached, this, mnId);
        }
        else
        {
            Register(*e, TimeToMobilityTimestamp(Simulator::Now()));
        }
        break;
    case BindingUpdateListEntry::REGISTERED:
        SendRouterAdvertisement(*e); // registered ahead of the attach, or back
        break;
    case BindingUpdateListEntry::WAIT_PBA:
        break; // the RA follows the PBA
    }
    m_extension->NotifyAttach(*e);
}

void
Pmipv6Mag::RegisterAttached(std::string mnId)
{
    BindingUpdateListEntry* e = m_list.Find(mnId);
    if (e && e->attached &&
        (e->state == BindingUpdateListEntry::IDLE ||
         e->state == BindingUpdateListEntry::DEREGISTERING))
    {
        Register(*e, TimeToMobilityTimestamp(Simulator::Now()));
    }
}

void
Pmipv6Mag::SendAccessRequest(BindingUpdateListEntry& e)
{
    RadiusMessage request;
    request.code = RadiusMessage::ACCESS_REQUEST;
    request.identifier = ++m_aaaIdentifier;
    request.userName = e.mnIdentifier;
    m_aaaPending[request.identifier] = e.mnIdentifier;
    std::vector<uint8_t> bytes = request.Encode();
    NS_LOG_INFO("MAG " << GetAddress() << ": Access-Request for " << e.mnIdentifier);
    m_aaaTxTrace(e.mnIdentifier, request.code);
    m_aaaSocket->SendTo(Create<Packet>(bytes.data(), bytes.size()),
                        0,
                        Inet6SocketAddress(m_aaaServer, RadiusMessage::PORT));
}

void
Pmipv6Mag::RecvAaa(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(from))
    {
        std::vector<uint8_t> bytes(p->GetSize());
        p->CopyData(bytes.data(), bytes.size());
        auto answer = RadiusMessage::Decode(bytes.data(), bytes.size());
        auto pending = answer ? m_aaaPending.find(answer->identifier) : m_aaaPending.end();
        if (pending == m_aaaPending.end())
        {
            NS_LOG_WARN("MAG " << GetAddress() << ": AAA answer matches no request; dropped");
            continue;
        }
        std::string mnId = pending->second;
        m_aaaPending.erase(pending);
        m_aaaRxTrace(answer->userName, answer->code);
        if (answer->code != RadiusMessage::ACCESS_ACCEPT)
        {
            NS_LOG_WARN("MAG " << GetAddress() << ": AAA refused " << answer->userName);
            continue;
        }
        if (m_attachProcessing.IsStrictlyPositive())
        {
            Simulator::Schedule(m_attachProcessing, &Pmipv6Mag::RegisterAttached, this, mnId);
        }
        else
        {
            RegisterAttached(mnId);
        }
    }
}

void
Pmipv6Mag::NotifyDetach(const std::string& mnId)
{
    BindingUpdateListEntry* e = m_list.Find(mnId);
    if (!e || !e->attached)
    {
        return;
    }
    NS_LOG_INFO("MAG " << GetAddress() << ": " << e->mnIdentifier << " detached");
    e->attached = false;
    UnpinNeighbor(*e);
    m_detachTrace(e->mnIdentifier, e->linkLayerId);
    if (m_extension->NotifyDetach(*e))
    {
        return;
    }
    Release(*e);
}

void
Pmipv6Mag::Release(BindingUpdateListEntry& e)
{
    if (e.state == BindingUpdateListEntry::REGISTERED ||
        e.state == BindingUpdateListEntry::WAIT_PBA)
    {
        // RFC 5213 sec. 6.9.1.4: de-register; the entry goes with the PBA.
        e.retransmissions = 0;
        e.retransmitTimeout = m_initialBindackTimeout;
        SwitchToState(e, BindingUpdateListEntry::DEREGISTERING);
        Simulator::Cancel(e.refreshEvent);
        SendFreshPbu(e, Seconds(0));
        return;
    }
    RemoveEntry(e);
}

void
Pmipv6Mag::RemoveEntry(BindingUpdateListEntry& e)
{
    SwitchToState(e, BindingUpdateListEntry::IDLE);
    m_list.Remove(e.mnIdentifier);
}

void
Pmipv6Mag::MarkBindingMoved(BindingUpdateListEntry& e)
{
    if (e.state != BindingUpdateListEntry::REGISTERED)
    {
        return;
    }
    GetTunnel()->AddEndpoint(e.lmaAddress); // held through the grace period
    Simulator::Schedule(m_movedTunnelGrace,
                        &Ipv6TunnelL4Protocol::RemoveEndpoint,
                        GetTunnel(),
                        e.lmaAddress);
    Simulator::Cancel(e.refreshEvent);
    Simulator::Cancel(e.retransmitEvent);
    SwitchToState(e, BindingUpdateListEntry::IDLE);
}

void
Pmipv6Mag::Register(BindingUpdateListEntry& e, uint64_t timestamp)
{
    e.sequence++;
    e.timestamp = timestamp;
    e.retransmissions = 0;
    e.retransmitTimeout = m_initialBindackTimeout;
    if (e.state != BindingUpdateListEntry::REGISTERED)
    {
        SwitchToState(e, BindingUpdateListEntry::WAIT_PBA);
    }
    SendPbu(e, m_bindingLifetime);
}

void
Pmipv6Mag::SendPbu(BindingUpdateListEntry& e, Time lifetime)
{
    // RFC 5213 sec. 6.9.1.1 / 8.1: P and A flags, and the mandatory options.
    BindingUpdateHeader pbu;
    pbu.SetSequence(e.sequence);
    pbu.SetFlagA(true);
    pbu.SetFlagP(true);
    pbu.SetLifetime(lifetime);
    MobilityOptions& o = pbu.GetOptions();
    o.mnIdentifier = e.mnIdentifier;
    o.homeNetworkPrefixes = {e.homeNetworkPrefix};
    o.handoffIndicator = e.handoffIndicator ? e.handoffIndicator : 4;
    o.accessTechnologyType = m_accessTechnologyType;
    uint8_t mac[Address::MAX_SIZE];
    uint32_t length = e.linkLayerId.CopyTo(mac);
    o.mnLinkLayerId = std::vector<uint8_t>(mac, mac + length);
    o.timestamp = e.timestamp;
    m_extension->DecoratePbu(e, pbu);
    e.pbuSentAt = Simulator::Now();
    if (static_cast<int16_t>(e.sequence - m_lastSequence) > 0)
    {
        m_lastSequence = e.sequence;
    }
    m_pbuTxTrace(e.mnIdentifier, e.sequence, lifetime);
    SendMessage(pbu, e.lmaAddress);
    Simulator::Cancel(e.retransmitEvent);
    e.retransmitEvent =
        Simulator::Schedule(e.retransmitTimeout, &Pmipv6Mag::Retransmit, this, e.mnIdentifier);
}

void
Pmipv6Mag::Retransmit(std::string mnId)
{
    BindingUpdateListEntry* e = m_list.Find(mnId);
    if (!e)
    {
        return;
    }
    bool dereg = e->state == BindingUpdateListEntry::DEREGISTERING;
    // RFC 5213 sec. 6.9.4: a registration is retransmitted until a PBA
    // comes, at the slower rate once the back-off reaches MaxBindackTimeout,
    // for as long as the MN is attached here. A de-registration, or a
    // registration made ahead of a MN that is not (yet) here, gives up
    // after MaxPbuRetransmissions.
    bool bounded = dereg || !e->attached;
    if (bounded && e->retransmissions >= m_maxRetransmissions)
    {
        NS_LOG_WARN("MAG " << GetAddress() << ": no PBA for " << e->mnIdentifier << " after "
                           << e->retransmissions << " retransmissions; giving up");
        SwitchToState(*e, BindingUpdateListEntry::IDLE);
        m_list.Remove(mnId);
        return;
    }
    // RFC 6275 sec. 11.8: exponential back-off up to MaxBindackTimeout; a
    // fresh sequence number (RFC 5213 sec. 6.9.4) and timestamp, so the
    // LMA's timestamp window accepts the retransmission.
    NS_LOG_INFO("MAG " << GetAddress() << ": no PBA for " << e->mnIdentifier << " within "
                       << e->retransmitTimeout.As(Time::S) << "; retransmission "
                       << e->retransmissions + 1);
    e->retransmissions++;
    e->retransmitTimeout = std::min(2 * e->retransmitTimeout, m_maxBindackTimeout);
    SendFreshPbu(*e, dereg ? Seconds(0) : m_bindingLifetime);
}

void
Pmipv6Mag::SendFreshPbu(BindingUpdateListEntry& e, Time lifetime)
{
    e.sequence++;
    e.timestamp = TimeToMobilityTimestamp(Simulator::Now());
    SendPbu(e, lifetime);
}

void
Pmipv6Mag::Refresh(std::string mnId)
{
    if (BindingUpdateListEntry* e = m_list.Find(mnId))
    {
        // RFC 5213 sec. 8.4: a re-registration, nothing changed.
        e->handoffIndicator = HandoffIndicator::HANDOFF_STATE_NOT_CHANGED;
        Register(*e, TimeToMobilityTimestamp(Simulator::Now()));
    }
}

void
Pmipv6Mag::ReceiveMessage(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip)
{
    switch (static_cast<MhType>(mhType))
    {
    case MhType::BindingAck: {
        BindingAckHeader pba;
        if (!GetMobilityProtocol()->Parse(p, ip, pba))
        {
            return;
        }
        if (!pba.GetFlagP())
        {
            GetMobilityProtocol()->Drop(p, ip.GetSource(), MobilityL4Protocol::DROP_UNEXPECTED);
            return;
        }
        DoRecvPba(pba, ip);
        break;
    }
    case MhType::BindingRevocation:
        RecvBri(p, ip);
        break;
    default:
        GetMobilityProtocol()->Drop(p, ip.GetSource(), MobilityL4Protocol::DROP_NO_HANDLER);
    }
}

void
Pmipv6Mag::DoRecvPba(const BindingAckHeader& pba, const Ipv6Header& ip)
{
    const MobilityOptions& o = pba.GetOptions();
    // RFC 5213 sec. 6.9.1.2: the PBA names the MN by its MN-Identifier.
    BindingUpdateListEntry* e = o.mnIdentifier ? m_list.Find(*o.mnIdentifier) : nullptr;
    if (!e || pba.GetSequence() != e->sequence || e->lmaAddress != ip.GetSource() ||
        e->state == BindingUpdateListEntry::IDLE)
    {
        // RFC 5213 sec. 6.9.1.2: a PBA that matches no pending PBU.
        GetMobilityProtocol()->Drop(Create<Packet>(),
                                    ip.GetSource(),
                                    MobilityL4Protocol::DROP_UNEXPECTED);
        return;
    }
    Simulator::Cancel(e->retransmitEvent);
    m_pbaRxTrace(e->mnIdentifier, pba.GetStatus(), pba.GetLifetime());
    NS_LOG_INFO("MAG " << GetAddress() << " PBA for " << e->mnIdentifier << " status "
                       << unsigned(pba.GetStatus()) << " after "
                       << (Simulator::Now() - e->pbuSentAt).As(Time::MS));
    if (m_pbaProcessing.IsStrictlyPositive())
    {
        // The Context Reflector paper, sec. 5.2: PBA -> RA processing, after
        // which the binding, the tunnel and the RA take effect.
        Simulator::Schedule(m_pbaProcessing,
                            &Pmipv6Mag::ApplyPbaLater,
                            this,
                            e->mnIdentifier,
                            pba,
                            ip.GetSource());
        return;
    }
    ApplyPba(*e, pba, ip.GetSource());
}

void
Pmipv6Mag::ApplyPbaLater(std::string mnId, BindingAckHeader pba, Ipv6Address lma)
{
    BindingUpdateListEntry* e = m_list.Find(mnId);
    if (e && e->sequence == pba.GetSequence() && e->state != BindingUpdateListEntry::IDLE)
    {
        ApplyPba(*e, pba, lma);
    }
}

void
Pmipv6Mag::ApplyPba(BindingUpdateListEntry& entry, const BindingAckHeader& pba, Ipv6Address lma)
{
    BindingUpdateListEntry* e = &entry;
    const MobilityOptions& o = pba.GetOptions();
    if (e->state == BindingUpdateListEntry::DEREGISTERING)
    {
        SwitchToState(*e, BindingUpdateListEntry::IDLE);
        if (!e->attached)
        {
            m_list.Remove(e->mnIdentifier);
        }
        return;
    }
    if (!BindingAckStatus::IsAccepted(pba.GetStatus()))
    {
        const uint8_t status = pba.GetStatus();
        // RFC 5213 sec. 6.9.1.2: while the MN is still here, 157 (an older
        // timestamp than the LMA holds) and 156 (timestamp out of the LMA's
        // window) call for a new PBU with a fresh timestamp; 135 (RFC 6275
        // 11.7.3) for one numbered after the LMA's last accepted sequence
        // number. At most MaxPbuRetransmissions of them, so that an LMA
        // that keeps refusing gets no endless storm.
        const bool retry = status == BindingAckStatus::TIMESTAMP_LOWER_THAN_PREV_ACCEPTED ||
                           status == BindingAckStatus::TIMESTAMP_MISMATCH ||
                           status == BindingAckStatus::SEQUENCE_NUMBER_OUT_OF_WINDOW;
        if (retry && e->attached && e->retransmissions < m_maxRetransmissions)
        {
            NS_LOG_INFO("MAG " << GetAddress() << ": registration of " << e->mnIdentifier
                               << " refused with " << unsigned(status) << "; registering again");
            e->retransmissions++;
            SendFreshPbu(*e, m_bindingLifetime);
            return;
        }
        NS_LOG_WARN("MAG " << GetAddress() << ": registration of " << e->mnIdentifier
                           << " refused, status " << unsigned(status) << "; no service");
        Simulator::Cancel(e->refreshEvent);
        SwitchToState(*e, BindingUpdateListEntry::IDLE);
        m_refusedTrace(e->mnIdentifier, status);
        return;
    }
    if (o.homeNetworkPrefixes.empty())
    {
        GetMobilityProtocol()->Drop(Create<Packet>(),
                                    lma,
                                    MobilityL4Protocol::DROP_MALFORMED);
        SwitchToState(*e, BindingUpdateListEntry::IDLE);
        return;
    }
    if (PrefixKey(o.homeNetworkPrefixes.front().prefix) != PrefixKey(e->homeNetworkPrefix.prefix))
    {
        m_list.SetPrefix(*e, o.homeNetworkPrefixes.front());
    }
    e->lifetime = pba.GetLifetime();
    SwitchToState(*e, BindingUpdateListEntry::REGISTERED);
    ScheduleRefresh(*e);
    if (e->attached)
    {
        PinNeighbor(*e);
        SendRouterAdvertisement(*e);
    }
    m_extension->NotifyRegistered(*e);
}

void
Pmipv6Mag::ScheduleRefresh(BindingUpdateListEntry& e)
{
    Simulator::Cancel(e.refreshEvent);
    if (e.lifetime.IsStrictlyPositive())
    {
        // Refresh RefreshAdvance before expiry, and at half the lifetime at
        // the latest (a short grant must still be refreshed in time).
        Time advance = std::min(m_refreshAdvance, e.lifetime / 2);
        e.refreshEvent =
            Simulator::Schedule(e.lifetime - advance, &Pmipv6Mag::Refresh, this, e.mnIdentifier);
    }
}

void
Pmipv6Mag::AdoptBinding(BindingUpdateListEntry& e, const HomeNetworkPrefix& prefix, Time lifetime)
{
    if (PrefixKey(prefix.prefix) != PrefixKey(e.homeNetworkPrefix.prefix))
    {
        m_list.SetPrefix(e, prefix);
    }
    Simulator::Cancel(e.retransmitEvent);
    e.lifetime = lifetime;
    SwitchToState(e, BindingUpdateListEntry::REGISTERED);
    ScheduleRefresh(e);
    if (e.attached)
    {
        PinNeighbor(e);
        SendRouterAdvertisement(e);
    }
}

void
Pmipv6Mag::RecvBri(Ptr<Packet> p, const Ipv6Header& ip)
{
    BindingRevocationHeader bri;
    if (!GetMobilityProtocol()->Parse(p, ip, bri))
    {
        return;
    }
    const MobilityOptions& o = bri.GetOptions();
    std::string mnId = o.mnIdentifier.value_or("");
    BindingUpdateListEntry* e = m_list.Find(mnId);
    if (bri.GetRevocationType() != BindingRevocationType::INDICATION || !bri.GetFlagP() ||
        (e && e->lmaAddress != ip.GetSource()))
    {
        // RFC 5846 sec. 10: a MAG takes proxy BRIs from its MN's LMA only.
        GetMobilityProtocol()->Drop(p, ip.GetSource(), MobilityL4Protocol::DROP_UNEXPECTED);
        return;
    }
    m_briRxTrace(mnId, bri.GetSequence(), bri.GetTriggerOrStatus());
    uint8_t status = BindingRevocationStatus::SUCCESS;
    if (e && e->attached)
    {
        // RFC 5846 sec. 10: the MN is still here; nothing is removed.
        status = BindingRevocationStatus::REVOCATION_FAILED_MN_ATTACHED;
    }
    else
    {
        bool held = m_extension->NotifyRevoked(mnId, e);
        if (e)
        {
            NS_LOG_INFO("MAG " << GetAddress() << ": binding of " << e->mnIdentifier
                               << " revoked by the LMA");
            Simulator::Cancel(e->refreshEvent);
            Simulator::Cancel(e->retransmitEvent);
            RemoveEntry(*e);
        }
        else if (!held)
        {
            status = BindingRevocationStatus::BINDING_DOES_NOT_EXIST;
        }
    }
    BindingRevocationHeader bra;
    bra.SetRevocationType(BindingRevocationType::ACKNOWLEDGEMENT);
    bra.SetTriggerOrStatus(status);
    bra.SetSequence(bri.GetSequence());
    bra.SetFlagP(true);
    bra.GetOptions().mnIdentifier = o.mnIdentifier;
    bra.GetOptions().homeNetworkPrefixes = o.homeNetworkPrefixes;
    m_braTxTrace(mnId, bri.GetSequence(), status);
    SendMessage(bra, ip.GetSource());
}

Ipv6Address
Pmipv6Mag::AccessLinkLocal(uint32_t ifIndex) const
{
    Ptr<Ipv6L3Protocol> ipv6 = GetMobilityProtocol()->GetIpv6();
    for (uint32_t i = 0; i < ipv6->GetNAddresses(ifIndex); ++i)
    {
        Ipv6InterfaceAddress a = ipv6->GetAddress(ifIndex, i);
        if (a.GetScope() == Ipv6InterfaceAddress::LINKLOCAL)
        {
            return a.GetAddress();
        }
    }
    NS_ABORT_MSG("access interface " << ifIndex << " has no link-local address");
    return Ipv6Address();
}

void
Pmipv6Mag::PinNeighbor(BindingUpdateListEntry& e)
{
    // The MAG learnt the MN's link-layer address from the attach itself:
    // no Neighbor Solicitation round trip before the first delivery. Its
    // home address too (once the prefix is known): otherwise every uplink
    // packet makes ns-3 search the neighbour cache for its source.
    Ptr<NdiscCache> cache =
        GetMobilityProtocol()->GetIpv6()->GetInterface(e.accessInterface)->GetNdiscCache();
    if (!cache)
    {
        return; // an access link without Neighbor Discovery (an EPC's TUN device)
    }
    std::vector<Ipv6Address> addresses{e.mnLinkLocal};
    if (!e.homeNetworkPrefix.prefix.IsAny())
    {
        addresses.push_back(
            Ipv6Address::MakeAutoconfiguredAddress(e.linkLayerId, e.homeNetworkPrefix.prefix));
    }
    for (const Ipv6Address& a : addresses)
    {
        NdiscCache::Entry* n = cache->Lookup(a);
        if (!n)
        {
            n = cache->Add(a);
        }
        n->SetMacAddress(e.linkLayerId);
        n->MarkPermanent();
    }
}

void
Pmipv6Mag::UnpinNeighbor(BindingUpdateListEntry& e)
{
    Ptr<NdiscCache> cache =
        GetMobilityProtocol()->GetIpv6()->GetInterface(e.accessInterface)->GetNdiscCache();
    if (!cache)
    {
        return;
    }
    for (const Ipv6Address& a :
         {e.mnLinkLocal,
          Ipv6Address::MakeAutoconfiguredAddress(e.linkLayerId, e.homeNetworkPrefix.prefix)})
    {
        if (NdiscCache::Entry* n = cache->Lookup(a))
        {
            // Stale, not removed: ns-3's NdiscCache::Remove searches the
            // whole cache for the entry (O(N) per detach). A stale entry
            // costs nothing until used, and PinNeighbor pins it again on
            // return; the MAG never routes to a detached MN.
            n->MarkStale();
        }
    }
}

void
Pmipv6Mag::SendRouterAdvertisement(BindingUpdateListEntry& e)
{
    // RFC 5213 sec. 6.7: a unicast RA with the MN's home network prefix only.
    Ptr<Ipv6L3Protocol> ipv6 = GetMobilityProtocol()->GetIpv6();
    Ptr<NetDevice> dev = ipv6->GetNetDevice(e.accessInterface);
    uint32_t prefixLifetime = static_cast<uint32_t>(e.lifetime.GetSeconds());

    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(Icmpv6OptionLinkLayerAddress(true, dev->GetAddress()));
    Icmpv6OptionPrefixInformation prefix;
    prefix.SetPrefix(e.homeNetworkPrefix.prefix);
    prefix.SetPrefixLength(e.homeNetworkPrefix.prefixLength);
    prefix.SetFlags(Icmpv6OptionPrefixInformation::AUTADDRCONF);
    prefix.SetValidTime(prefixLifetime);
    prefix.SetPreferredTime(prefixLifetime);
    p->AddHeader(prefix);
    Icmpv6RA ra;
    ra.SetCurHopLimit(kRaCurHopLimit);
    ra.SetLifeTime(m_routerLifetime);
    Ipv6Address src = AccessLinkLocal(e.accessInterface);
    ra.CalculatePseudoHeaderChecksum(src,
                                     e.mnLinkLocal,
                                     p->GetSize() + ra.GetSerializedSize(),
                                     Icmpv6L4Protocol::PROT_NUMBER);
    p->AddHeader(ra);
    SocketIpv6HopLimitTag hopLimit;
    hopLimit.SetHopLimit(kNdHopLimit);
    p->AddPacketTag(hopLimit);

    Ptr<Ipv6Route> route = Create<Ipv6Route>();
    route->SetDestination(e.mnLinkLocal);
    route->SetGateway(e.mnLinkLocal);
    route->SetSource(src);
    route->SetOutputDevice(dev);
    m_raTxTrace(e.mnIdentifier, e.linkLayerId);
    ipv6->Send(p, src, e.mnLinkLocal, Icmpv6L4Protocol::PROT_NUMBER, route);
}

bool
Pmipv6Mag::Deliver(BindingUpdateListEntry& e, Ptr<const Packet> p, const Ipv6Header& header)
{
    if (!e.attached)
    {
        return false;
    }
    GetTunnel()->Reinject(p, header);
    return true;
}

bool
Pmipv6Mag::RouteInput(Ptr<const Packet> p,
                      const Ipv6Header& header,
                      Ptr<const NetDevice> idev,
                      const Ipv6RoutingProtocol::UnicastForwardCallback& ucb)
{
    Ptr<Ipv6L3Protocol> ipv6 = GetMobilityProtocol()->GetIpv6();
    uint32_t inIf = ipv6->GetInterfaceForDevice(idev);
    if (IsAccessInterface(inIf))
    {
        // Uplink: reverse tunnel chosen by the source prefix (RFC 5213 6.10.5).
        BindingUpdateListEntry* e = m_list.FindByPrefix(header.GetSource());
        if (!e || e->state != BindingUpdateListEntry::REGISTERED || !e->attached)
        {
            if (!e || !m_extension->HandleUplink(*e, p, header))
            {
                DropData(p, e ? UPLINK_NOT_REGISTERED : UPLINK_UNKNOWN_SOURCE);
            }
            return true;
        }
        GetTunnel()->Encapsulate(p, header, GetAddress(), e->lmaAddress);
        return true;
    }
    BindingUpdateListEntry* e = m_list.FindByPrefix(header.GetDestination());
    if (!e)
    {
        BindingUpdateListEntry* sender = m_list.FindByPrefix(header.GetSource());
        bool fromTunnel = inIf == GetTunnel()->GetInterfaceIndex();
        // A MN that left with a fast handover: its binding has moved, but
        // its new MAG relays its uplink here until its own PBA, and the LMA
        // still takes it from us while our tunnel to it stays up.
        bool relayed = sender && !sender->attached && fromTunnel &&
                       GetTunnel()->HasEndpoint(sender->lmaAddress);
        if (sender && (sender->state == BindingUpdateListEntry::REGISTERED || relayed))
        {
            // Uplink relayed by a peer MAG through the MAG-MAG tunnel
            // (RFC 5949 sec. 4.1): into the tunnel to the LMA.
            GetTunnel()->Encapsulate(p, header, GetAddress(), sender->lmaAddress);
            return true;
        }
        if (fromTunnel)
        {
            // Out of a tunnel but for no MN known here: never re-route it
            // (a default route would send it back to the LMA).
            DropData(p, TUNNEL_UNKNOWN_MN);
            return true;
        }
        return false;
    }
    if (!e->attached)
    {
        if (!m_extension->HandleUndeliverable(*e, p, header))
        {
            DropData(p, MN_NOT_ATTACHED);
        }
        return true;
    }
    Ptr<Ipv6Route> route = Create<Ipv6Route>();
    route->SetDestination(header.GetDestination());
    route->SetGateway(e->mnLinkLocal);
    route->SetSource(header.GetSource());
    route->SetOutputDevice(ipv6->GetNetDevice(e->accessInterface));
    ucb(idev, route, p, header);
    return true;
}

std::string
Pmipv6Mag::DataDropReasonName(DataDropReason reason)
{
    switch (reason)
    {
    case UPLINK_NOT_REGISTERED:
        return "uplink-not-registered";
    case UPLINK_UNKNOWN_SOURCE:
        return "uplink-unknown-source";
    case TUNNEL_UNKNOWN_MN:
        return "tunnel-unknown-mn";
    case MN_NOT_ATTACHED:
        return "mn-not-attached";
    }
    return "unknown";
}

void
Pmipv6Mag::DropData(Ptr<const Packet> p, DataDropReason reason)
{
    NS_LOG_LOGIC("MAG " << GetAddress() << " drops a data packet: " << DataDropReasonName(reason));
    m_dataDropTrace(p, reason);
}

void
Pmipv6Mag::DoDispose()
{
    m_aaaSocket = nullptr;
    m_list.Clear();
    if (m_extension)
    {
        m_extension->Dispose();
    }
    m_extension = nullptr;
    MobilityAgent::DoDispose();
}

} // namespace ns3
