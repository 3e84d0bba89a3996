// SPDX-License-Identifier: GPL-2.0-only
#include "mobility-agent.h"

#include "ns3/ipv6-address.h"
#include "ns3/log.h"
#include "ns3/node.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MobilityAgent");
NS_OBJECT_ENSURE_REGISTERED(MobilityAgent);

TypeId
MobilityAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MobilityAgent")
            .SetParent<Application>()
            .SetGroupName("Pmipv6")
            .AddAttribute("Address",
                          "This agent's address on the core network (LMAA or Proxy-CoA)",
                          Ipv6AddressValue(),
                          MakeIpv6AddressAccessor(&MobilityAgent::m_address),
                          MakeIpv6AddressChecker());
    return tid;
}

void
MobilityAgent::DoInitialize()
{
    Ptr<Node> node = GetNode();
    NS_ABORT_MSG_IF(m_address.IsAny(),
                    "mobility agent on node " << node->GetId() << " has no Address");
    m_mobility = GetOrInstallL4Protocol<MobilityL4Protocol>(node);
    m_tunnel = GetOrInstallL4Protocol<Ipv6TunnelL4Protocol>(node);
    for (uint8_t type : GetHandledTypes())
    {
        m_mobility->RegisterHandler(type, MakeCallback(&MobilityAgent::Dispatch, this));
    }
    m_hook = MobilityRoutingHook::Install(node, MakeCallback(&MobilityAgent::RouteInput, this));
    Application::DoInitialize();
}

void
MobilityAgent::RegisterHandler(uint8_t mhType, MobilityL4Protocol::MessageHandler handler)
{
    m_mobility->RegisterHandler(mhType, handler);
}

void
MobilityAgent::Dispatch(Ptr<Packet> p, const Ipv6Header& ip)
{
    uint8_t type = 0;
    MobilityHeader::PeekMhType(p, type); // length already checked by the protocol
    ReceiveMessage(type, p, ip);
}

uint32_t
MobilityAgent::SendMessage(MobilityHeader& message, Ipv6Address dst)
{
    return m_mobility->Send(message, m_address, dst);
}

Ptr<MobilityL4Protocol>
MobilityAgent::GetMobilityProtocol() const
{
    return m_mobility;
}

Ptr<Ipv6TunnelL4Protocol>
MobilityAgent::GetTunnel() const
{
    return m_tunnel;
}

Ipv6Address
MobilityAgent::GetAddress() const
{
    return m_address;
}

void
MobilityAgent::SetAddress(Ipv6Address address)
{
    m_address = address;
}

void
MobilityAgent::StartApplication()
{
}

void
MobilityAgent::StopApplication()
{
}

void
MobilityAgent::DoDispose()
{
    if (m_hook)
    {
        m_hook->SetInputCallback(MobilityRoutingHook::InputCallback());
    }
    m_hook = nullptr;
    m_mobility = nullptr;
    m_tunnel = nullptr;
    Application::DoDispose();
}

} // namespace ns3
