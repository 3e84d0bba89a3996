// SPDX-License-Identifier: GPL-2.0-only
#include "ipv6-only-l4-protocol.h"

#include "ns3/log.h"
#include "ns3/node.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ipv6OnlyL4Protocol");
NS_OBJECT_ENSURE_REGISTERED(Ipv6OnlyL4Protocol);

TypeId
Ipv6OnlyL4Protocol::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Ipv6OnlyL4Protocol").SetParent<IpL4Protocol>().SetGroupName("Pmipv6");
    return tid;
}

void
Ipv6OnlyL4Protocol::Install(Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << node);
    m_ipv6 = node->GetObject<Ipv6L3Protocol>();
    NS_ABORT_MSG_UNLESS(m_ipv6, "install an IPv6 stack on node " << node->GetId() << " first");
    m_node = node;
    node->AggregateObject(this);
    m_ipv6->Insert(this);
    m_downTarget6 = MakeCallback(&Ipv6L3Protocol::Send, m_ipv6);
}

Ptr<Node>
Ipv6OnlyL4Protocol::GetNode() const
{
    return m_node;
}

Ptr<Ipv6L3Protocol>
Ipv6OnlyL4Protocol::GetIpv6() const
{
    return m_ipv6;
}

IpL4Protocol::RxStatus
Ipv6OnlyL4Protocol::Receive(Ptr<Packet> p, const Ipv4Header& header, Ptr<Ipv4Interface> incoming)
{
    return IpL4Protocol::RX_ENDPOINT_UNREACH;
}

void
Ipv6OnlyL4Protocol::SetDownTarget(DownTargetCallback cb)
{
}

void
Ipv6OnlyL4Protocol::SetDownTarget6(DownTargetCallback6 cb)
{
    m_downTarget6 = cb;
}

IpL4Protocol::DownTargetCallback
Ipv6OnlyL4Protocol::GetDownTarget() const
{
    return DownTargetCallback();
}

IpL4Protocol::DownTargetCallback6
Ipv6OnlyL4Protocol::GetDownTarget6() const
{
    return m_downTarget6;
}

void
Ipv6OnlyL4Protocol::SendDown(Ptr<Packet> p, Ipv6Address src, Ipv6Address dst, Ptr<Ipv6Route> route)
{
    m_downTarget6(p, src, dst, static_cast<uint8_t>(GetProtocolNumber()), route);
}

void
Ipv6OnlyL4Protocol::DoDispose()
{
    m_node = nullptr;
    m_ipv6 = nullptr;
    m_downTarget6 = DownTargetCallback6();
    IpL4Protocol::DoDispose();
}

} // namespace ns3
