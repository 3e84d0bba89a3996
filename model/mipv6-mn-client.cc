// SPDX-License-Identifier: GPL-2.0-only
#include "mipv6-mn-client.h"

#include "prompt-agent.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/icmpv6-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Mipv6MnClient");

NS_OBJECT_ENSURE_REGISTERED(Mipv6MnClient);

namespace
{
const Mac48Address kPaeGroup("01:80:c2:00:00:03");
const Mac48Address kAllRoutersMac("33:33:00:00:00:02");
} // namespace

TypeId
Mipv6MnClient::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Mipv6MnClient")
            .SetParent<Application>()
            .SetGroupName("Pmipv6")
            .AddConstructor<Mipv6MnClient>()
            .AddAttribute("Imsi",
                          "The subscriber's permanent identity (IMSI digits)",
                          StringValue("001010000000001"),
                          MakeStringAccessor(&Mipv6MnClient::m_imsi),
                          MakeStringChecker())
            .AddAttribute("Realm",
                          "The home realm of the NAI",
                          StringValue("home.example"),
                          MakeStringAccessor(&Mipv6MnClient::m_realm),
                          MakeStringChecker())
            .AddAttribute("Key",
                          "The subscriber key K shared with the HSS",
                          UintegerValue(1),
                          MakeUintegerAccessor(&Mipv6MnClient::m_key),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("ProcessingDelay",
                          "Time spent on each received message, one at a time",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&Mipv6MnClient::m_processingDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("MaxRtrSolicitationDelay",
                          "Largest random delay before the Router Solicitation (RFC 4861 "
                          "MAX_RTR_SOLICITATION_DELAY is 1 s; 0: at once, as fast movement "
                          "detection does)",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&Mipv6MnClient::m_maxRsDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("OptimisticDad",
                          "Use the care-of address at once (RFC 4429); false: wait DadDelay",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Mipv6MnClient::m_optimisticDad),
                          MakeBooleanChecker())
            .AddAttribute("DadDelay",
                          "Duplicate address detection without optimistic DAD (RFC 4862: "
                          "DupAddrDetectTransmits x RetransTimer = 1 x 1 s)",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&Mipv6MnClient::m_dadDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("UplinkMode",
                          "How packets from the home address leave: natively once EAP-AKA "
                          "succeeded (Direct, the ProMPt paper's testbed) or reverse-tunnelled "
                          "to the home agent (ReverseTunnel, RFC 6275 sec. 11.3.1)",
                          EnumValue(DIRECT),
                          MakeEnumAccessor(&Mipv6MnClient::m_uplinkMode),
                          MakeEnumChecker(DIRECT, "Direct", REVERSE_TUNNEL, "ReverseTunnel"))
            .AddTraceSource("State",
                            "The client's state changed",
                            MakeTraceSourceAccessor(&Mipv6MnClient::m_stateTrace),
                            "ns3::Mipv6MnClient::StateTracedCallback");
    return tid;
}

Mipv6MnClient::Mipv6MnClient()
    : m_rsDelay(CreateObject<UniformRandomVariable>())
{
}

std::string
Mipv6MnClient::StateName(State s)
{
    switch (s)
    {
    case DETACHED:
        return "DETACHED";
    case AUTHENTICATING:
        return "AUTHENTICATING";
    case SOLICITING:
        return "SOLICITING";
    case DAD:
        return "DAD";
    case BINDING:
        return "BINDING";
    case REGISTERED:
        return "REGISTERED";
    }
    return "?";
}

int64_t
Mipv6MnClient::AssignStreams(int64_t stream)
{
    m_rsDelay->SetStream(stream);
    return 1;
}

Mipv6MnClient::State
Mipv6MnClient::GetState() const
{
    return m_state;
}

Ipv6Address
Mipv6MnClient::GetHomeAddress() const
{
    return m_homeAddress;
}

Ipv6Address
Mipv6MnClient::GetCareOfAddress() const
{
    return m_careOf;
}

uint64_t
Mipv6MnClient::GetPortDrops() const
{
    return m_portDrops;
}

void
Mipv6MnClient::Setup(Ptr<NetDevice> access,
                     Mac48Address routerMac,
                     Ipv6Address homeAgent,
                     Ipv6Address homeAddress)
{
    m_access = access;
    m_routerMac = routerMac;
    m_homeAgent = homeAgent;
    m_homeAddress = homeAddress;
    Ptr<Node> node = access->GetNode();
    Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
    m_accessIf = ipv6->GetInterfaceForDevice(access);
    // The home address on a shim interface that holds the default route.
    m_shim = CreateObject<VirtualNetDevice>();
    m_shim->SetAddress(Mac48Address::Allocate());
    m_shim->SetNeedsArp(false);
    m_shim->SetSendCallback(MakeCallback(&Mipv6MnClient::ShimSend, this));
    node->AddDevice(m_shim);
    uint32_t shimIf = ipv6->AddInterface(m_shim);
    ipv6->AddAddress(shimIf, Ipv6InterfaceAddress(homeAddress, Ipv6Prefix(128)));
    ipv6->SetUp(shimIf);
    Ipv6StaticRoutingHelper().GetStaticRouting(ipv6)->SetDefaultRoute(Ipv6Address::GetAny(),
                                                                      shimIf);
}

void
Mipv6MnClient::DoDispose()
{
    m_access = nullptr;
    m_shim = nullptr;
    m_mobility = nullptr;
    m_tunnel = nullptr;
    m_rsDelay = nullptr;
    Application::DoDispose();
}

void
Mipv6MnClient::SwitchState(State to)
{
    NS_LOG_INFO("MIPv6 MN " << m_imsi << ": " << StateName(m_state) << " -> " << StateName(to));
    State from = m_state;
    m_state = to;
    m_stateTrace(from, to);
}

void
Mipv6MnClient::StartApplication()
{
    NS_ABORT_MSG_IF(!m_access, "Mipv6MnClient: Setup() was not called");
    Ptr<Node> node = GetNode();
    m_peer = EapAkaPeer("0" + m_imsi + "@" + m_realm, m_key);
    m_mobility = GetOrInstallL4Protocol<MobilityL4Protocol>(node);
    m_tunnel = GetOrInstallL4Protocol<Ipv6TunnelL4Protocol>(node);
    m_tunnel->AddEndpoint(m_homeAgent);
    m_mobility->RegisterHandler(uint8_t(MhType::BindingAck),
                                MakeCallback(&Mipv6MnClient::ReceiveBindingAck, this));
    for (uint16_t proto : {EapolHeader::ETHERTYPE, Ipv6L3Protocol::PROT_NUMBER})
    {
        node->RegisterProtocolHandler(MakeCallback(&Mipv6MnClient::ReceiveFrame, this),
                                      proto,
                                      m_access);
    }
    NotifyNewLink(); // the first link
}

void
Mipv6MnClient::NotifyNewLink()
{
    // A new link: the port is closed until EAP-AKA succeeds here (802.1X).
    m_portOpen = false;
    SwitchState(AUTHENTICATING);
    Ptr<Packet> p = Create<Packet>();
    EapolHeader start;
    start.packetType = EapolHeader::START;
    p->AddHeader(start);
    m_access->Send(p, kPaeGroup, EapolHeader::ETHERTYPE);
}

void
Mipv6MnClient::ReceiveFrame(Ptr<NetDevice> device,
                            Ptr<const Packet> packet,
                            uint16_t protocol,
                            const Address& from,
                            const Address& to,
                            NetDevice::PacketType type)
{
    Ptr<Packet> p = packet->Copy();
    if (protocol == Ipv6L3Protocol::PROT_NUMBER)
    {
        // The IPv6 stack gets every frame too; only the RA matters here.
        Ipv6Header ip;
        uint8_t icmpType = 0;
        if (m_state != SOLICITING || p->GetSize() < 41 || p->RemoveHeader(ip) == 0 ||
            ip.GetNextHeader() != 58 || p->CopyData(&icmpType, 1) != 1 ||
            icmpType != Icmpv6Header::ICMPV6_ND_ROUTER_ADVERTISEMENT)
        {
            return;
        }
        Icmpv6RA ra;
        Icmpv6OptionPrefixInformation prefix;
        uint8_t optionType = 0;
        if (p->RemoveHeader(ra) == 0 || p->CopyData(&optionType, 1) != 1 ||
            optionType != Icmpv6Header::ICMPV6_OPT_PREFIX || p->GetSize() < 32 ||
            p->RemoveHeader(prefix) == 0)
        {
            NS_LOG_WARN("MIPv6 MN: Router Advertisement without a prefix ignored");
            return;
        }
        Ipv6Address advertised = prefix.GetPrefix();
        Simulator::Schedule(m_queue.Admit(m_processingDelay),
                            &Mipv6MnClient::ReceiveRa,
                            this,
                            advertised);
        return;
    }
    Simulator::Schedule(m_queue.Admit(m_processingDelay), [this, p]() {
        EapolHeader eapol;
        EapPacket eap;
        if (p->RemoveHeader(eapol) == 0 || p->RemoveHeader(eap) == 0)
        {
            NS_LOG_WARN("MIPv6 MN: malformed EAPOL frame dropped");
            return;
        }
        if (m_state != AUTHENTICATING)
        {
            return;
        }
        if (eap.code == EapPacket::SUCCESS)
        {
            // RFC 4861 6.3.7: the RS after a random delay, then the RA.
            m_portOpen = true;
            SwitchState(SOLICITING);
            Simulator::Schedule(Seconds(m_rsDelay->GetValue(0, m_maxRsDelay.GetSeconds())),
                                &Mipv6MnClient::SendRs,
                                this);
            return;
        }
        EapPacket response;
        if (m_peer.Respond(eap, response))
        {
            SendEap(response);
        }
    });
}

void
Mipv6MnClient::SendEap(const EapPacket& eap)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(eap);
    EapolHeader eapol;
    eapol.packetType = EapolHeader::EAP_PACKET;
    eapol.bodyLength = eap.GetSerializedSize();
    p->AddHeader(eapol);
    m_access->Send(p, kPaeGroup, EapolHeader::ETHERTYPE);
}

void
Mipv6MnClient::SendRs()
{
    Ipv6Address src = Ipv6Address::MakeAutoconfiguredLinkLocalAddress(
        Mac48Address::ConvertFrom(m_access->GetAddress()));
    Ipv6Address dst = Ipv6Address::GetAllRoutersMulticast();
    Ptr<Packet> p = Create<Packet>();
    Icmpv6RS rs;
    rs.CalculatePseudoHeaderChecksum(src, dst, rs.GetSerializedSize(), 58);
    p->AddHeader(rs);
    Ipv6Header ip;
    ip.SetSource(src);
    ip.SetDestination(dst);
    ip.SetNextHeader(58);
    ip.SetHopLimit(255);
    ip.SetPayloadLength(p->GetSize());
    p->AddHeader(ip);
    m_access->Send(p, kAllRoutersMac, Ipv6L3Protocol::PROT_NUMBER);
}

void
Mipv6MnClient::ReceiveRa(Ipv6Address prefix)
{
    if (m_state != SOLICITING)
    {
        return;
    }
    // Stateless autoconfiguration (RFC 4862): prefix + interface identifier.
    Ipv6Address careOf =
        Ipv6Address::MakeAutoconfiguredAddress(Mac48Address::ConvertFrom(m_access->GetAddress()),
                                               prefix);
    Ptr<Ipv6L3Protocol> ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
    if (!m_careOf.IsAny() && m_careOf != careOf)
    {
        ipv6->RemoveAddress(m_accessIf, m_careOf);
    }
    m_careOf = careOf;
    ipv6->AddAddress(m_accessIf, Ipv6InterfaceAddress(careOf, Ipv6Prefix(64)));
    if (m_optimisticDad)
    {
        SendBindingUpdate();
        return;
    }
    SwitchState(DAD);
    Simulator::Schedule(m_dadDelay, &Mipv6MnClient::SendBindingUpdate, this);
}

void
Mipv6MnClient::SendBindingUpdate()
{
    BindingUpdateHeader bu;
    bu.SetSequence(++m_sequence);
    bu.SetFlagA(true);
    bu.SetFlagH(true);
    bu.SetLifetime(Seconds(420));
    bu.GetOptions().mnIdentifier = "0" + m_imsi + "@" + m_realm;
    SwitchState(BINDING);
    m_mobility->Send(bu, m_careOf, m_homeAgent);
}

void
Mipv6MnClient::ReceiveBindingAck(Ptr<Packet> p, const Ipv6Header& ip)
{
    BindingAckHeader ba;
    if (!m_mobility->Parse(p, ip, ba))
    {
        return;
    }
    Simulator::Schedule(m_queue.Admit(m_processingDelay), [this, ba]() {
        if (m_state != BINDING || ba.GetSequence() != m_sequence)
        {
            return;
        }
        if (!BindingAckStatus::IsAccepted(ba.GetStatus()))
        {
            NS_LOG_WARN("MIPv6 MN: binding refused, status " << int(ba.GetStatus()));
            return;
        }
        SwitchState(REGISTERED);
    });
}

bool
Mipv6MnClient::ShimSend(Ptr<Packet> p, const Address& src, const Address& dst, uint16_t protocol)
{
    if (!m_portOpen)
    {
        m_portDrops++;
        return false;
    }
    Ipv6Header inner;
    p->PeekHeader(inner);
    NS_LOG_LOGIC("shim: " << inner.GetSource() << " -> " << inner.GetDestination() << " mode "
                          << m_uplinkMode);
    if (inner.GetSource() == m_homeAddress && m_uplinkMode == REVERSE_TUNNEL)
    {
        if (m_careOf.IsAny())
        {
            m_portDrops++;
            return false;
        }
        Ipv6Header outer;
        outer.SetSource(m_careOf);
        outer.SetDestination(m_homeAgent);
        outer.SetNextHeader(Ipv6TunnelL4Protocol::PROT_NUMBER);
        outer.SetHopLimit(64);
        outer.SetPayloadLength(p->GetSize());
        p->AddHeader(outer);
    }
    return m_access->Send(p, m_routerMac, Ipv6L3Protocol::PROT_NUMBER);
}

} // namespace ns3
