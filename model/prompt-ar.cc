// SPDX-License-Identifier: GPL-2.0-only
#include "prompt-ar.h"

#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/ndisc-cache.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PromptAr");

NS_OBJECT_ENSURE_REGISTERED(PromptAr);

TypeId
PromptAr::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PromptAr")
            .SetParent<PromptAgent>()
            .SetGroupName("Pmipv6")
            .AddConstructor<PromptAr>()
            .AddAttribute("MapAddress",
                          "The domain's MAP",
                          Ipv6AddressValue(),
                          MakeIpv6AddressAccessor(&PromptAr::m_mapAddress),
                          MakeIpv6AddressChecker())
            .AddAttribute("AaaAddress",
                          "The home AAA server (first attachment: EAP-AKA relayed there)",
                          Ipv6AddressValue(),
                          MakeIpv6AddressAccessor(&PromptAr::m_aaaAddress),
                          MakeIpv6AddressChecker())
            .AddAttribute("AddressPoolBase",
                          "Addresses this AR assigns after a first authentication: this + 1, + 2, "
                          "... (in the domain's prefix; the MN keeps it across the domain)",
                          Ipv6AddressValue(),
                          MakeIpv6AddressAccessor(&PromptAr::m_addressPoolBase),
                          MakeIpv6AddressChecker())
            .AddAttribute("TmsiBase",
                          "TMSIs this AR assigns: this + 1, + 2, ...",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PromptAr::m_tmsiBase),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("ClientState",
                            "An MN's authentication state here changed",
                            MakeTraceSourceAccessor(&PromptAr::m_stateTrace),
                            "ns3::PromptAr::ClientStateTracedCallback")
            .AddTraceSource("DataDrop",
                            "A data packet was dropped",
                            MakeTraceSourceAccessor(&PromptAr::m_dropTrace),
                            "ns3::PromptAr::DataDropTracedCallback");
    return tid;
}

PromptAr::PromptAr() = default;

std::string
PromptAr::ClientStateName(ClientState s)
{
    switch (s)
    {
    case IDLE:
        return "IDLE";
    case HOME_AUTH:
        return "HOME_AUTH";
    case WAIT_AV:
        return "WAIT_AV";
    case CHALLENGED:
        return "CHALLENGED";
    case AUTHORISED:
        return "AUTHORISED";
    }
    return "?";
}

std::string
PromptAr::DataDropReasonName(DataDropReason r)
{
    return r == UPLINK_NOT_AUTHORISED ? "uplink-not-authorised" : "downlink-not-served";
}

Ptr<NetDevice>
PromptAr::GetAccessDevice() const
{
    return m_accessDevice;
}

void
PromptAr::SetAccessDevice(Ptr<NetDevice> device)
{
    m_accessDevice = device;
}

const PromptAr::Client*
PromptAr::FindClient(Mac48Address mac) const
{
    auto it = m_clients.find(mac);
    return it == m_clients.end() ? nullptr : &it->second;
}

const std::map<Ipv6Address, Mac48Address>&
PromptAr::GetServed() const
{
    return m_served;
}

uint64_t
PromptAr::GetDropCount(DataDropReason reason) const
{
    auto it = m_drops.find(reason);
    return it == m_drops.end() ? 0 : it->second;
}

void
PromptAr::DoDispose()
{
    m_accessDevice = nullptr;
    m_aaaSocket = nullptr;
    PromptAgent::DoDispose();
}

void
PromptAr::StartApplication()
{
    PromptAgent::StartApplication();
    NS_ABORT_MSG_IF(!m_accessDevice, "PromptAr: no access device");
    NS_ABORT_MSG_IF(m_mapAddress.IsAny() || m_aaaAddress.IsAny(),
                    "PromptAr: MapAddress and AaaAddress must be set");
    m_accessIf = GetInterfaceForDevice(m_accessDevice);
    GetTunnel()->AddEndpoint(m_mapAddress);
    for (uint16_t proto : {EapolHeader::ETHERTYPE, PromptHeader::ETHERTYPE})
    {
        GetNode()->RegisterProtocolHandler(MakeCallback(&PromptAr::ReceiveFrame, this),
                                           proto,
                                           m_accessDevice);
    }
    m_aaaSocket = Socket::CreateSocket(GetNode(), TypeId::LookupByName("ns3::UdpSocketFactory"));
    m_aaaSocket->Bind6();
    m_aaaSocket->SetRecvCallback(MakeCallback(&PromptAr::HandleAaa, this));
}

void
PromptAr::SwitchState(Client& c, ClientState to)
{
    NS_LOG_INFO("AR " << GetAddress() << ": MN " << c.mac << " " << ClientStateName(c.state)
                      << " -> " << ClientStateName(to));
    ClientState from = c.state;
    c.state = to;
    m_stateTrace(c.mac, from, to);
}

void
PromptAr::ReceiveFrame(Ptr<NetDevice> device,
                       Ptr<const Packet> packet,
                       uint16_t protocol,
                       const Address& from,
                       const Address& to,
                       NetDevice::PacketType type)
{
    Mac48Address mac = Mac48Address::ConvertFrom(from);
    Ptr<Packet> p = packet->Copy();
    Process([this, mac, p, protocol]() {
        if (protocol == EapolHeader::ETHERTYPE)
        {
            DoRecvEapol(mac, p);
            return;
        }
        PromptHeader m;
        if (p->RemoveHeader(m) == 0)
        {
            NS_LOG_WARN("AR: malformed ProMPt frame from " << mac << " dropped");
            return;
        }
        DoRecvAccessMessage(mac, m);
    });
}

void
PromptAr::DoRecvEapol(Mac48Address mac, Ptr<Packet> p)
{
    EapolHeader eapol;
    if (p->RemoveHeader(eapol) == 0)
    {
        NS_LOG_WARN("AR: malformed EAPOL frame from " << mac << " dropped");
        return;
    }
    Client& c = m_clients[mac];
    c.mac = mac;
    if (eapol.packetType == EapolHeader::START)
    {
        // First attachment (sec. 3.3.1): EAP starts with the identity.
        if (c.state != IDLE)
        {
            SwitchState(c, IDLE); // a new authentication replaces the old one
        }
        c.eapId++;
        SendEap(mac, EapPacket::Identity(EapPacket::REQUEST, c.eapId));
        return;
    }
    EapPacket eap;
    if (p->RemoveHeader(eap) == 0 || eap.code != EapPacket::RESPONSE)
    {
        NS_LOG_WARN("AR: malformed or unexpected EAP packet from " << mac << " dropped");
        return;
    }
    DoRecvEap(c, eap);
}

void
PromptAr::DoRecvEap(Client& c, const EapPacket& eap)
{
    if (c.state == CHALLENGED && eap.type == EapPacket::TYPE_AKA &&
        eap.subtype == EapPacket::AKA_CHALLENGE)
    {
        // Local AKA (handover): the AV came from the MAP.
        bool ok = eap.hasRes && eap.res == c.av.xres && eap.CheckMac(c.av.ik);
        if (!ok)
        {
            NS_LOG_WARN("AR: AKA failure of MN " << c.mac);
            SendEap(c.mac, EapPacket::Result(EapPacket::FAILURE, eap.identifier));
            SwitchState(c, IDLE);
            return;
        }
        SendEap(c.mac, EapPacket::Result(EapPacket::SUCCESS, eap.identifier));
        Authorise(c);
        // Fig. 2: HO success to the MAP and to the previous AR.
        PromptHeader success;
        success.type = PromptHeader::HANDOVER_SUCCESS;
        success.sequence = ++m_sequence;
        success.tmsi = c.tmsi;
        success.hasMnAddress = true;
        success.mnAddress = c.address;
        success.hasArAddress = true;
        success.arAddress = GetAddress();
        SendMessage(success, m_mapAddress);
        if (!c.previousAr.IsAny() && c.previousAr != GetAddress())
        {
            SendMessage(success, c.previousAr);
        }
        return;
    }
    if (c.state == IDLE || c.state == HOME_AUTH)
    {
        // First attachment: relay to the home AAA (RFC 3579).
        if (eap.type == EapPacket::TYPE_IDENTITY || eap.subtype == EapPacket::AKA_IDENTITY)
        {
            c.nai = eap.identity;
        }
        if (c.state == IDLE)
        {
            SwitchState(c, HOME_AUTH);
        }
        RelayToAaa(c, eap);
        return;
    }
    NS_LOG_WARN("AR: EAP response from " << c.mac << " in state " << ClientStateName(c.state)
                                         << " ignored");
}

void
PromptAr::RelayToAaa(Client& c, const EapPacket& eap)
{
    RadiusHeader r;
    r.code = RadiusHeader::ACCESS_REQUEST;
    r.identifier = ++m_radiusId;
    r.SetUserName(c.nai);
    r.SetEap(eap);
    m_radiusPending[r.identifier] = c.mac;
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(r);
    m_aaaSocket->SendTo(p, 0, Inet6SocketAddress(m_aaaAddress, RadiusHeader::PORT));
}

void
PromptAr::HandleAaa(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(from))
    {
        RadiusHeader r;
        if (p->RemoveHeader(r) == 0)
        {
            NS_LOG_WARN("AR: malformed RADIUS packet dropped");
            continue;
        }
        Process([this, r]() { DoRecvRadius(r); });
    }
}

void
PromptAr::DoRecvRadius(const RadiusHeader& r)
{
    auto pending = m_radiusPending.find(r.identifier);
    EapPacket eap;
    if (pending == m_radiusPending.end() || !r.GetEap(eap))
    {
        NS_LOG_WARN("AR: unexpected RADIUS reply " << int(r.identifier) << " dropped");
        return;
    }
    Mac48Address mac = pending->second;
    m_radiusPending.erase(pending);
    auto it = m_clients.find(mac);
    if (it == m_clients.end() || it->second.state != HOME_AUTH)
    {
        return;
    }
    Client& c = it->second;
    SendEap(mac, eap);
    if (r.code == RadiusHeader::ACCESS_REJECT)
    {
        SwitchState(c, IDLE);
        return;
    }
    if (r.code != RadiusHeader::ACCESS_ACCEPT)
    {
        return; // Access-Challenge: relayed, the MN answers
    }
    HomeAuthenticated(c);
}

void
PromptAr::HomeAuthenticated(Client& c)
{
    // Sec. 3.3.1: after EAP-AKA the AR assigns the address and reports it
    // with the TMSI to the MAP.
    m_assigned++;
    uint8_t b[16];
    m_addressPoolBase.GetBytes(b);
    b[14] = uint8_t(m_assigned >> 8);
    b[15] = uint8_t(m_assigned);
    c.address = Ipv6Address(b);
    c.tmsi = m_tmsiBase + m_assigned;
    Authorise(c);
    PromptHeader assign;
    assign.type = PromptHeader::ADDRESS_ASSIGNMENT;
    assign.sequence = ++m_sequence;
    assign.tmsi = c.tmsi;
    assign.hasMnAddress = true;
    assign.mnAddress = c.address;
    assign.hasArAddress = true;
    assign.arAddress = GetAddress();
    SendFrame(c.mac, assign);
    PromptHeader reg;
    reg.type = PromptHeader::REGISTRATION;
    reg.sequence = m_sequence;
    reg.tmsi = c.tmsi;
    reg.hasMnAddress = true;
    reg.mnAddress = c.address;
    reg.identity = c.nai;
    SendMessage(reg, m_mapAddress);
}

void
PromptAr::DoRecvAccessMessage(Mac48Address mac, const PromptHeader& m)
{
    switch (m.type)
    {
    case PromptHeader::HANDOVER_REQUEST:
        DoRecvHandoverRequest(mac, m);
        break;
    case PromptHeader::MEASUREMENT_REPORT: {
        auto it = m_clients.find(mac);
        if (it != m_clients.end() && it->second.state == AUTHORISED)
        {
            PromptHeader relay = m;
            relay.tmsi = it->second.tmsi;
            SendMessage(relay, m_mapAddress);
        }
        break;
    }
    default:
        NS_LOG_WARN("AR: unexpected " << PromptHeader::TypeName(m.type) << " from MN " << mac);
        break;
    }
}

void
PromptAr::DoRecvHandoverRequest(Mac48Address mac, const PromptHeader& m)
{
    Client& c = m_clients[mac];
    c.mac = mac;
    c.tmsi = m.tmsi;
    c.address = m.mnAddress;
    c.previousAr = m.hasArAddress ? m.arAddress : Ipv6Address();
    auto prepared = m_prepared.find(m.tmsi);
    if (prepared != m_prepared.end())
    {
        // Scheduled (Fig. 2): the MAP sent the AV ahead.
        c.address = prepared->second.second;
        AuthenticationVector av = prepared->second.first;
        m_prepared.erase(prepared);
        Challenge(c, av);
        return;
    }
    // Unscheduled (Fig. 3): ask the MAP for the AV.
    SwitchState(c, WAIT_AV);
    PromptHeader req;
    req.type = PromptHeader::AV_REQUEST;
    req.sequence = ++m_sequence;
    req.tmsi = m.tmsi;
    SendMessage(req, m_mapAddress);
}

void
PromptAr::Challenge(Client& c, const AuthenticationVector& av)
{
    c.av = av;
    c.eapId++;
    EapPacket challenge = EapPacket::AkaChallengeRequest(c.eapId, av);
    challenge.SetMac(av.ik);
    SwitchState(c, CHALLENGED);
    SendEap(c.mac, challenge);
}

void
PromptAr::Authorise(Client& c)
{
    SwitchState(c, AUTHORISED);
    m_served[c.address] = c.mac;
    // The IP-to-link-layer table (sec. 3.2.1): no neighbour discovery.
    Ptr<Ipv6L3Protocol> ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
    Ptr<NdiscCache> cache = ipv6->GetInterface(m_accessIf)->GetNdiscCache();
    Ipv6Address ll = Ipv6Address::MakeAutoconfiguredLinkLocalAddress(c.mac);
    NdiscCache::Entry* e = cache->Lookup(ll);
    if (!e)
    {
        e = cache->Add(ll);
    }
    e->SetMacAddress(c.mac);
    e->MarkPermanent();
}

PromptAr::Client*
PromptAr::FindByTmsi(uint32_t tmsi)
{
    for (auto& [mac, c] : m_clients)
    {
        if (c.tmsi == tmsi)
        {
            return &c;
        }
    }
    return nullptr;
}

void
PromptAr::Forget(uint32_t tmsi)
{
    Client* c = FindByTmsi(tmsi);
    if (!c)
    {
        return;
    }
    NS_LOG_INFO("AR " << GetAddress() << ": forgets MN " << tmsi);
    m_served.erase(c->address);
    SwitchState(*c, IDLE);
    m_clients.erase(c->mac);
}

void
PromptAr::ReceiveMessage(const PromptHeader& m, Ipv6Address src)
{
    switch (m.type)
    {
    case PromptHeader::HANDOVER_PREPARE:
        if (!m.avs.empty() && m.hasMnAddress)
        {
            m_prepared[m.tmsi] = {m.avs.front(), m.mnAddress};
        }
        break;
    case PromptHeader::AV_RESPONSE: {
        Client* c = FindByTmsi(m.tmsi);
        if (c && c->state == WAIT_AV && !m.avs.empty())
        {
            if (m.hasMnAddress)
            {
                c->address = m.mnAddress;
            }
            Challenge(*c, m.avs.front());
        }
        break;
    }
    case PromptHeader::HANDOVER_COMMAND: {
        Client* c = FindByTmsi(m.tmsi);
        if (c)
        {
            SendFrame(c->mac, m);
        }
        break;
    }
    case PromptHeader::HANDOVER_SUCCESS:
        // From the new AR: the MN is gone from here (Fig. 2).
        if (src != GetAddress())
        {
            Forget(m.tmsi);
        }
        break;
    case PromptHeader::REGISTRATION_ACK:
        break;
    default:
        NS_LOG_WARN("AR: unexpected " << PromptHeader::TypeName(m.type) << " from " << src);
        break;
    }
}

void
PromptAr::SendEap(Mac48Address mac, const EapPacket& eap)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(eap);
    EapolHeader eapol;
    eapol.packetType = EapolHeader::EAP_PACKET;
    eapol.bodyLength = eap.GetSerializedSize();
    p->AddHeader(eapol);
    m_accessDevice->Send(p, mac, EapolHeader::ETHERTYPE);
}

void
PromptAr::SendFrame(Mac48Address mac, const PromptHeader& m)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(m);
    m_accessDevice->Send(p, mac, PromptHeader::ETHERTYPE);
}

void
PromptAr::Drop(Ptr<const Packet> p, DataDropReason reason)
{
    m_drops[reason]++;
    m_dropTrace(p, reason);
}

bool
PromptAr::RouteInput(Ptr<const Packet> p,
                     const Ipv6Header& header,
                     Ptr<const NetDevice> idev,
                     const Ipv6RoutingProtocol::UnicastForwardCallback& ucb)
{
    uint32_t inIf = GetInterfaceForDevice(idev);
    if (inIf == m_accessIf)
    {
        if (!m_served.count(header.GetSource()))
        {
            Drop(p, UPLINK_NOT_AUTHORISED);
            return true;
        }
        GetTunnel()->Encapsulate(p, header, GetAddress(), m_mapAddress);
        return true;
    }
    if (inIf != GetTunnel()->GetInterfaceIndex())
    {
        return false;
    }
    auto it = m_served.find(header.GetDestination());
    if (it == m_served.end())
    {
        Drop(p, DOWNLINK_NOT_SERVED);
        return true;
    }
    Ptr<Ipv6Route> route = Create<Ipv6Route>();
    route->SetDestination(header.GetDestination());
    route->SetGateway(Ipv6Address::MakeAutoconfiguredLinkLocalAddress(it->second));
    route->SetSource(header.GetSource());
    route->SetOutputDevice(m_accessDevice);
    ucb(idev, route, p, header);
    return true;
}

} // namespace ns3
