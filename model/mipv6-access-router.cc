// SPDX-License-Identifier: GPL-2.0-only
#include "mipv6-access-router.h"

#include "ns3/icmpv6-header.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/ipv6-header.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Mipv6AccessRouter");

NS_OBJECT_ENSURE_REGISTERED(Mipv6AccessRouter);

TypeId
Mipv6AccessRouter::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Mipv6AccessRouter")
            .SetParent<PromptAr>()
            .SetGroupName("Pmipv6")
            .AddConstructor<Mipv6AccessRouter>()
            .AddAttribute("Prefix",
                          "The /64 prefix this router advertises on its access link",
                          Ipv6AddressValue(),
                          MakeIpv6AddressAccessor(&Mipv6AccessRouter::m_prefix),
                          MakeIpv6AddressChecker())
            .AddAttribute("MaxRaDelay",
                          "Largest random delay of a solicited Router Advertisement (RFC 4861 "
                          "MAX_RA_DELAY_TIME is 0.5 s; 0: answer at once)",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&Mipv6AccessRouter::m_maxRaDelay),
                          MakeTimeChecker(Seconds(0)));
    return tid;
}

Mipv6AccessRouter::Mipv6AccessRouter()
    : m_raDelay(CreateObject<UniformRandomVariable>())
{
}

int64_t
Mipv6AccessRouter::AssignStreams(int64_t stream)
{
    m_raDelay->SetStream(stream);
    return 1;
}

void
Mipv6AccessRouter::DoDispose()
{
    m_raDelay = nullptr;
    PromptAr::DoDispose();
}

void
Mipv6AccessRouter::StartApplication()
{
    PromptAr::StartApplication();
    GetNode()->RegisterProtocolHandler(MakeCallback(&Mipv6AccessRouter::ReceiveIpv6Frame, this),
                                       Ipv6L3Protocol::PROT_NUMBER,
                                       GetAccessDevice());
}

void
Mipv6AccessRouter::HomeAuthenticated(Client& c)
{
    SwitchState(c, AUTHORISED); // 802.1X: the port is open, routing does the rest
}

bool
Mipv6AccessRouter::RouteInput(Ptr<const Packet> p,
                              const Ipv6Header& header,
                              Ptr<const NetDevice> idev,
                              const Ipv6RoutingProtocol::UnicastForwardCallback& ucb)
{
    return false; // a plain router
}

void
Mipv6AccessRouter::ReceiveIpv6Frame(Ptr<NetDevice> device,
                                    Ptr<const Packet> packet,
                                    uint16_t protocol,
                                    const Address& from,
                                    const Address& to,
                                    NetDevice::PacketType type)
{
    // The IPv6 stack gets the frame too; this only looks for Router Solicitations.
    Ptr<Packet> p = packet->Copy();
    Ipv6Header ip;
    uint8_t icmpType = 0;
    if (p->GetSize() < 41 || p->RemoveHeader(ip) == 0 || ip.GetNextHeader() != 58 ||
        p->CopyData(&icmpType, 1) != 1 || icmpType != Icmpv6Header::ICMPV6_ND_ROUTER_SOLICITATION)
    {
        return;
    }
    Mac48Address mn = Mac48Address::ConvertFrom(from);
    Ipv6Address dst = ip.GetSource().IsAny() ? Ipv6Address::GetAllNodesMulticast() : ip.GetSource();
    Time delay = Seconds(m_raDelay->GetValue(0, m_maxRaDelay.GetSeconds()));
    Simulator::Schedule(delay, &Mipv6AccessRouter::SendRa, this, mn, dst);
}

void
Mipv6AccessRouter::SendRa(Mac48Address mn, Ipv6Address dst)
{
    Ptr<NetDevice> dev = GetAccessDevice();
    Ipv6Address src = Ipv6Address::MakeAutoconfiguredLinkLocalAddress(
        Mac48Address::ConvertFrom(dev->GetAddress()));
    Ptr<Packet> p = Create<Packet>();
    Icmpv6OptionPrefixInformation prefix(m_prefix, 64);
    prefix.SetFlags(Icmpv6OptionPrefixInformation::ONLINK |
                    Icmpv6OptionPrefixInformation::AUTADDRCONF);
    prefix.SetValidTime(7200);
    prefix.SetPreferredTime(1800);
    p->AddHeader(prefix);
    Icmpv6RA ra;
    ra.SetCurHopLimit(64);
    // Router Lifetime 0: the MN keeps its default route on its home
    // address interface (Mipv6MnClient); the shared link-local next hop is
    // the same router on every link.
    ra.SetLifeTime(0);
    ra.SetReachableTime(0);
    ra.SetRetransmissionTime(0);
    ra.CalculatePseudoHeaderChecksum(src, dst, p->GetSize() + ra.GetSerializedSize(), 58);
    p->AddHeader(ra);
    Ipv6Header ip;
    ip.SetSource(src);
    ip.SetDestination(dst);
    ip.SetNextHeader(58);
    ip.SetHopLimit(255);
    ip.SetPayloadLength(p->GetSize());
    p->AddHeader(ip);
    NS_LOG_INFO("AR " << GetAddress() << ": Router Advertisement " << m_prefix << " to " << mn);
    dev->Send(p, mn, Ipv6L3Protocol::PROT_NUMBER);
}

} // namespace ns3
