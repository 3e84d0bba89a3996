// SPDX-License-Identifier: GPL-2.0-only
#include "mobility-routing-hook.h"

#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MobilityRoutingHook");
NS_OBJECT_ENSURE_REGISTERED(MobilityRoutingHook);

TypeId
MobilityRoutingHook::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MobilityRoutingHook")
                            .SetParent<Ipv6RoutingProtocol>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<MobilityRoutingHook>();
    return tid;
}

Ptr<MobilityRoutingHook>
MobilityRoutingHook::Install(Ptr<Node> node, InputCallback cb)
{
    Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
    NS_ABORT_MSG_UNLESS(ipv6, "node " << node->GetId() << " has no IPv6 stack");
    Ptr<Ipv6ListRouting> list = DynamicCast<Ipv6ListRouting>(ipv6->GetRoutingProtocol());
    NS_ABORT_MSG_UNLESS(list,
                        "node " << node->GetId()
                                << " must use Ipv6ListRouting (InternetStackHelper's default)");
    Ptr<MobilityRoutingHook> hook = CreateObject<MobilityRoutingHook>();
    hook->SetInputCallback(cb);
    // Higher priority than Ipv6StaticRouting (0): consulted first.
    list->AddRoutingProtocol(hook, 10);
    return hook;
}

void
MobilityRoutingHook::SetInputCallback(InputCallback cb)
{
    m_input = cb;
}

Ptr<Ipv6Route>
MobilityRoutingHook::RouteOutput(Ptr<Packet> p,
                                 const Ipv6Header& header,
                                 Ptr<NetDevice> oif,
                                 Socket::SocketErrno& sockerr)
{
    sockerr = Socket::ERROR_NOROUTETOHOST;
    return nullptr;
}

bool
MobilityRoutingHook::RouteInput(Ptr<const Packet> p,
                                const Ipv6Header& header,
                                Ptr<const NetDevice> idev,
                                UnicastForwardCallback ucb,
                                MulticastForwardCallback mcb,
                                LocalDeliverCallback lcb,
                                ErrorCallback ecb)
{
    if (m_input.IsNull() || header.GetDestination().IsMulticast())
    {
        return false;
    }
    return m_input(p, header, idev, ucb);
}

void
MobilityRoutingHook::NotifyInterfaceUp(uint32_t interface)
{
}

void
MobilityRoutingHook::NotifyInterfaceDown(uint32_t interface)
{
}

void
MobilityRoutingHook::NotifyAddAddress(uint32_t interface, Ipv6InterfaceAddress address)
{
}

void
MobilityRoutingHook::NotifyRemoveAddress(uint32_t interface, Ipv6InterfaceAddress address)
{
}

void
MobilityRoutingHook::NotifyAddRoute(Ipv6Address dst,
                                    Ipv6Prefix mask,
                                    Ipv6Address nextHop,
                                    uint32_t interface,
                                    Ipv6Address prefixToUse)
{
}

void
MobilityRoutingHook::NotifyRemoveRoute(Ipv6Address dst,
                                       Ipv6Prefix mask,
                                       Ipv6Address nextHop,
                                       uint32_t interface,
                                       Ipv6Address prefixToUse)
{
}

void
MobilityRoutingHook::SetIpv6(Ptr<Ipv6> ipv6)
{
}

void
MobilityRoutingHook::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const
{
    *stream->GetStream() << "MobilityRoutingHook: mobile nodes' packets decided by the agent\n";
}

void
MobilityRoutingHook::DoDispose()
{
    m_input = InputCallback();
    Ipv6RoutingProtocol::DoDispose();
}

} // namespace ns3
