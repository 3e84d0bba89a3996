// SPDX-License-Identifier: GPL-2.0-only
#include "prompt-agent.h"

#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PromptAgent");

NS_OBJECT_ENSURE_REGISTERED(PromptAgent);

Time
ProcessingQueue::Admit(Time processingDelay)
{
    Time now = Simulator::Now();
    m_busyUntil = std::max(m_busyUntil, now) + processingDelay;
    return m_busyUntil - now;
}

TypeId
PromptAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PromptAgent")
            .SetParent<Application>()
            .SetGroupName("Pmipv6")
            .AddAttribute("Address",
                          "This agent's address in the mobility domain",
                          Ipv6AddressValue(),
                          MakeIpv6AddressAccessor(&PromptAgent::m_address),
                          MakeIpv6AddressChecker())
            .AddAttribute("ProcessingDelay",
                          "Time spent on each received ProMPt, EAP or RADIUS message before it "
                          "is handled, one message at a time (the ProMPt paper's testbed slept "
                          "a configurable time per message; 0: free)",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&PromptAgent::m_processingDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("Tx",
                            "A ProMPt message was sent",
                            MakeTraceSourceAccessor(&PromptAgent::m_txTrace),
                            "ns3::PromptAgent::MessageTracedCallback")
            .AddTraceSource("Rx",
                            "A ProMPt message is handled (after the processing delay)",
                            MakeTraceSourceAccessor(&PromptAgent::m_rxTrace),
                            "ns3::PromptAgent::MessageTracedCallback")
            .AddTraceSource("Malformed",
                            "A malformed ProMPt message was dropped",
                            MakeTraceSourceAccessor(&PromptAgent::m_malformedTrace),
                            "ns3::PromptAgent::MalformedTracedCallback");
    return tid;
}

PromptAgent::PromptAgent() = default;

Ipv6Address
PromptAgent::GetAddress() const
{
    return m_address;
}

Ptr<Ipv6TunnelL4Protocol>
PromptAgent::GetTunnel() const
{
    return m_tunnel;
}

uint64_t
PromptAgent::GetSentCount() const
{
    return m_sent;
}

uint64_t
PromptAgent::GetSentBytes() const
{
    return m_sentBytes;
}

Time
PromptAgent::GetProcessingDelay() const
{
    return m_processingDelay;
}

uint32_t
PromptAgent::GetInterfaceForDevice(Ptr<const NetDevice> dev) const
{
    return GetNode()->GetObject<Ipv6L3Protocol>()->GetInterfaceForDevice(dev);
}

void
PromptAgent::DoInitialize()
{
    Ptr<Node> node = GetNode();
    NS_ABORT_MSG_IF(m_address.IsAny(),
                    "ProMPt agent on node " << node->GetId() << " has no Address");
    m_tunnel = GetOrInstallL4Protocol<Ipv6TunnelL4Protocol>(node);
    m_hook = MobilityRoutingHook::Install(node, MakeCallback(&PromptAgent::RouteInput, this));
    Application::DoInitialize();
}

void
PromptAgent::DoDispose()
{
    if (m_hook)
    {
        m_hook->SetInputCallback(MobilityRoutingHook::InputCallback());
    }
    m_hook = nullptr;
    m_tunnel = nullptr;
    m_socket = nullptr;
    Application::DoDispose();
}

void
PromptAgent::StartApplication()
{
    m_socket = Socket::CreateSocket(GetNode(), TypeId::LookupByName("ns3::UdpSocketFactory"));
    NS_ABORT_MSG_IF(m_socket->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), PromptHeader::PORT)) ==
                        -1,
                    "ProMPt agent: cannot bind UDP port " << PromptHeader::PORT);
    m_socket->SetRecvCallback(MakeCallback(&PromptAgent::HandleRead, this));
}

void
PromptAgent::StopApplication()
{
    if (m_socket)
    {
        m_socket->Close();
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    }
}

void
PromptAgent::SendMessage(const PromptHeader& message, Ipv6Address dst)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(message);
    NS_LOG_INFO(Simulator::Now().As(Time::MS)
                << " " << m_address << " -> " << dst << " " << PromptHeader::TypeName(message.type)
                << " tmsi=" << message.tmsi);
    m_sent++;
    m_sentBytes += p->GetSize();
    m_txTrace(message, dst);
    m_socket->SendTo(p, 0, Inet6SocketAddress(dst, PromptHeader::PORT));
}

void
PromptAgent::Process(std::function<void()> handler)
{
    Simulator::Schedule(m_queue.Admit(m_processingDelay), handler);
}

void
PromptAgent::HandleRead(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(from))
    {
        Ipv6Address src = Inet6SocketAddress::ConvertFrom(from).GetIpv6();
        PromptHeader h;
        if (p->RemoveHeader(h) == 0)
        {
            m_malformed++;
            NS_LOG_WARN("malformed ProMPt message from " << src << " dropped");
            m_malformedTrace(p, src);
            continue;
        }
        Process([this, h, src]() {
            m_rxTrace(h, src);
            ReceiveMessage(h, src);
        });
    }
}

} // namespace ns3
