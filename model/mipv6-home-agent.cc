// SPDX-License-Identifier: GPL-2.0-only
#include "mipv6-home-agent.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Mipv6HomeAgent");

NS_OBJECT_ENSURE_REGISTERED(Mipv6HomeAgent);

TypeId
Mipv6HomeAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Mipv6HomeAgent")
            .SetParent<Application>()
            .SetGroupName("Pmipv6")
            .AddConstructor<Mipv6HomeAgent>()
            .AddAttribute("Address",
                          "The home agent's address",
                          Ipv6AddressValue(),
                          MakeIpv6AddressAccessor(&Mipv6HomeAgent::m_address),
                          MakeIpv6AddressChecker())
            .AddAttribute("ProcessingDelay",
                          "Time spent on each received Binding Update, one at a time",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&Mipv6HomeAgent::m_processingDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("RouteSwitchDelay",
                          "Time from a Binding Update to the tunnel moving to the new care-of "
                          "address and the Binding Acknowledgement (the ProMPt paper's testbed "
                          "ran the 'route' command; 0: immediate)",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&Mipv6HomeAgent::m_routeSwitchDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("Binding",
                            "A binding was created or moved (home address, care-of address)",
                            MakeTraceSourceAccessor(&Mipv6HomeAgent::m_bindingTrace),
                            "ns3::Mipv6HomeAgent::BindingTracedCallback")
            .AddTraceSource("DataDrop",
                            "A packet for a home address without a binding was dropped",
                            MakeTraceSourceAccessor(&Mipv6HomeAgent::m_dropTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

Mipv6HomeAgent::Mipv6HomeAgent() = default;

void
Mipv6HomeAgent::AddMobileNode(const std::string& nai, Ipv6Address home)
{
    m_homeOf[nai] = home;
}

Ipv6Address
Mipv6HomeAgent::GetCareOf(Ipv6Address home) const
{
    auto it = m_careOf.find(home);
    return it == m_careOf.end() ? Ipv6Address() : it->second;
}

void
Mipv6HomeAgent::DoInitialize()
{
    Ptr<Node> node = GetNode();
    NS_ABORT_MSG_IF(m_address.IsAny(), "home agent without an Address");
    m_mobility = GetOrInstallL4Protocol<MobilityL4Protocol>(node);
    m_tunnel = GetOrInstallL4Protocol<Ipv6TunnelL4Protocol>(node);
    m_mobility->RegisterHandler(uint8_t(MhType::BindingUpdate),
                                MakeCallback(&Mipv6HomeAgent::ReceiveBindingUpdate, this));
    m_hook = MobilityRoutingHook::Install(node, MakeCallback(&Mipv6HomeAgent::RouteInput, this));
    Application::DoInitialize();
}

void
Mipv6HomeAgent::DoDispose()
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

void
Mipv6HomeAgent::ReceiveBindingUpdate(Ptr<Packet> p, const Ipv6Header& ip)
{
    BindingUpdateHeader bu;
    if (!m_mobility->Parse(p, ip, bu))
    {
        return;
    }
    const auto& id = bu.GetOptions().mnIdentifier;
    auto home = id ? m_homeOf.find(*id) : m_homeOf.end();
    Ipv6Address careOf = ip.GetSource();
    uint16_t seq = bu.GetSequence();
    Time lifetime = bu.GetLifetime();
    bool known = home != m_homeOf.end() && bu.GetFlagH();
    Ipv6Address homeAddress = known ? home->second : Ipv6Address();
    Simulator::Schedule(m_queue.Admit(m_processingDelay), [=]() {
        if (!known)
        {
            BindingAckHeader ba;
            ba.SetStatus(BindingAckStatus::NOT_HOME_AGENT_FOR_THIS_MOBILE_NODE);
            ba.SetSequence(seq);
            m_mobility->Send(ba, m_address, careOf);
            return;
        }
        Simulator::Schedule(m_routeSwitchDelay,
                            &Mipv6HomeAgent::Bind,
                            this,
                            homeAddress,
                            careOf,
                            seq,
                            lifetime);
    });
}

void
Mipv6HomeAgent::Bind(Ipv6Address home, Ipv6Address careOf, uint16_t sequence, Time lifetime)
{
    Ipv6Address old = GetCareOf(home);
    if (old != careOf)
    {
        if (!old.IsAny())
        {
            m_tunnel->RemoveEndpoint(old);
        }
        m_tunnel->AddEndpoint(careOf);
        m_careOf[home] = careOf;
    }
    NS_LOG_INFO("HA: " << home << " bound to " << careOf);
    m_bindingTrace(home, careOf);
    BindingAckHeader ba;
    ba.SetStatus(BindingAckStatus::ACCEPTED);
    ba.SetSequence(sequence);
    ba.SetLifetime(lifetime);
    m_mobility->Send(ba, m_address, careOf);
}

bool
Mipv6HomeAgent::RouteInput(Ptr<const Packet> p,
                           const Ipv6Header& header,
                           Ptr<const NetDevice> idev,
                           const Ipv6RoutingProtocol::UnicastForwardCallback& ucb)
{
    auto it = m_careOf.find(header.GetDestination());
    if (it != m_careOf.end())
    {
        m_tunnel->Encapsulate(p, header, m_address, it->second); // RFC 6275 10.4.2
        return true;
    }
    for (const auto& [nai, home] : m_homeOf)
    {
        if (home == header.GetDestination())
        {
            m_dropTrace(p); // a mobile node away with no binding yet
            return true;
        }
    }
    return false;
}

} // namespace ns3
