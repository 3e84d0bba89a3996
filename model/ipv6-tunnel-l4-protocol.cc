// SPDX-License-Identifier: GPL-2.0-only
#include "ipv6-tunnel-l4-protocol.h"

#include "ns3/ipv6-header.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/node.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ipv6TunnelL4Protocol");
NS_OBJECT_ENSURE_REGISTERED(Ipv6TunnelL4Protocol);

TypeId
Ipv6TunnelL4Protocol::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Ipv6TunnelL4Protocol")
            .SetParent<Ipv6OnlyL4Protocol>()
            .SetGroupName("Pmipv6")
            .AddConstructor<Ipv6TunnelL4Protocol>()
            .AddTraceSource("Encapsulate",
                            "A packet entered the tunnel toward a peer",
                            MakeTraceSourceAccessor(&Ipv6TunnelL4Protocol::m_encapTrace),
                            "ns3::Ipv6TunnelL4Protocol::TunnelTracedCallback")
            .AddTraceSource("Decapsulate",
                            "A packet left the tunnel from a peer",
                            MakeTraceSourceAccessor(&Ipv6TunnelL4Protocol::m_decapTrace),
                            "ns3::Ipv6TunnelL4Protocol::TunnelTracedCallback")
            .AddTraceSource("Drop",
                            "A tunnelled packet was dropped (unknown endpoint, malformed, "
                            "hop limit)",
                            MakeTraceSourceAccessor(&Ipv6TunnelL4Protocol::m_dropTrace),
                            "ns3::Ipv6TunnelL4Protocol::DropTracedCallback");
    return tid;
}

Ipv6TunnelL4Protocol::Ipv6TunnelL4Protocol() = default;

int
Ipv6TunnelL4Protocol::GetProtocolNumber() const
{
    return PROT_NUMBER;
}

void
Ipv6TunnelL4Protocol::NotifyNewAggregate()
{
    // Install() aggregates us to the node: create the tunnel interface once.
    Ptr<Node> node = GetObject<Node>();
    if (node && !m_device)
    {
        Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
        m_device = CreateObject<VirtualNetDevice>();
        m_device->SetAddress(Mac48Address::Allocate());
        m_device->SetNeedsArp(false);
        m_device->SetSendCallback(MakeCallback(&Ipv6TunnelL4Protocol::DeviceSend, this));
        node->AddDevice(m_device);
        m_ifIndex = ipv6->AddInterface(m_device);
        ipv6->SetForwarding(m_ifIndex, true);
        ipv6->SetUp(m_ifIndex);
    }
    Ipv6OnlyL4Protocol::NotifyNewAggregate();
}

void
Ipv6TunnelL4Protocol::AddEndpoint(Ipv6Address peer)
{
    if (m_endpoints[peer]++ == 0)
    {
        NS_LOG_INFO("node " << GetNode()->GetId() << ": tunnel to " << peer << " created");
    }
}

void
Ipv6TunnelL4Protocol::RemoveEndpoint(Ipv6Address peer)
{
    auto it = m_endpoints.find(peer);
    if (it == m_endpoints.end())
    {
        return;
    }
    if (--it->second == 0)
    {
        m_endpoints.erase(it);
        NS_LOG_INFO("node " << GetNode()->GetId() << ": tunnel to " << peer << " removed");
    }
}

bool
Ipv6TunnelL4Protocol::HasEndpoint(Ipv6Address peer) const
{
    return m_endpoints.count(peer) != 0;
}

void
Ipv6TunnelL4Protocol::SetAdmissionCallback(AdmissionCallback cb)
{
    m_admission = cb;
}

bool
Ipv6TunnelL4Protocol::Encapsulate(Ptr<const Packet> payload,
                                  Ipv6Header inner,
                                  Ipv6Address src,
                                  Ipv6Address peer)
{
    if (inner.GetHopLimit() <= 1)
    {
        DropPacket(payload, peer, DROP_HOP_LIMIT);
        return false;
    }
    inner.SetHopLimit(inner.GetHopLimit() - 1);
    Ptr<Packet> p = payload->Copy();
    p->AddHeader(inner);
    m_encapTrace(p, peer);
    SendDown(p, src, peer);
    return true;
}

IpL4Protocol::RxStatus
Ipv6TunnelL4Protocol::Receive(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> incoming)
{
    Ipv6Address peer = header.GetSource();
    if (m_admission.IsNull() && !HasEndpoint(peer))
    {
        // RFC 5213 sec. 5.6.2 / 6.10.5: only tunnel peers with a binding.
        DropPacket(p, peer, DROP_UNKNOWN_ENDPOINT);
        return RX_OK;
    }
    Ipv6Header inner;
    if (p->GetSize() < inner.GetSerializedSize())
    {
        DropPacket(p, peer, DROP_MALFORMED);
        return RX_OK;
    }
    p->PeekHeader(inner);
    if (inner.GetPayloadLength() + inner.GetSerializedSize() > p->GetSize())
    {
        DropPacket(p, peer, DROP_MALFORMED);
        return RX_OK;
    }
    if (!m_admission.IsNull())
    {
        if (!m_admission(p, peer, inner))
        {
            DropPacket(p, peer, DROP_NOT_ADMITTED);
            return RX_OK;
        }
    }
    m_decapTrace(p, peer);
    m_device->Receive(p,
                      Ipv6L3Protocol::PROT_NUMBER,
                      m_device->GetAddress(),
                      m_device->GetAddress(),
                      NetDevice::PACKET_HOST);
    return RX_OK;
}

void
Ipv6TunnelL4Protocol::Reinject(Ptr<const Packet> payload, const Ipv6Header& header)
{
    Ptr<Packet> p = payload->Copy();
    p->AddHeader(header);
    m_device->Receive(p,
                      Ipv6L3Protocol::PROT_NUMBER,
                      m_device->GetAddress(),
                      m_device->GetAddress(),
                      NetDevice::PACKET_HOST);
}

bool
Ipv6TunnelL4Protocol::DeviceSend(Ptr<Packet> p,
                                 const Address& src,
                                 const Address& dst,
                                 uint16_t protocol)
{
    // The agents encapsulate from their routing hooks; a packet routed to
    // the tunnel interface by a static route has no known peer.
    DropPacket(p, Ipv6Address::GetAny(), DROP_NO_PEER);
    return false;
}

std::string
Ipv6TunnelL4Protocol::DropReasonName(DropReason reason)
{
    switch (reason)
    {
    case DROP_HOP_LIMIT:
        return "hop-limit";
    case DROP_UNKNOWN_ENDPOINT:
        return "unknown-endpoint";
    case DROP_MALFORMED:
        return "malformed";
    case DROP_NO_PEER:
        return "no-peer";
    case DROP_NOT_ADMITTED:
        return "not-admitted";
    }
    return "unknown";
}

void
Ipv6TunnelL4Protocol::DropPacket(Ptr<const Packet> p, Ipv6Address peer, DropReason reason)
{
    NS_LOG_WARN("node " << GetNode()->GetId() << " tunnel drop (" << DropReasonName(reason)
                        << ") peer " << peer);
    m_dropTrace(p, peer, reason);
}

uint32_t
Ipv6TunnelL4Protocol::GetInterfaceIndex() const
{
    return m_ifIndex;
}

Ptr<VirtualNetDevice>
Ipv6TunnelL4Protocol::GetDevice() const
{
    return m_device;
}

void
Ipv6TunnelL4Protocol::DoDispose()
{
    m_device = nullptr;
    Ipv6OnlyL4Protocol::DoDispose();
}

} // namespace ns3
