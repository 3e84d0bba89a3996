// SPDX-License-Identifier: GPL-2.0-only
#include "mn-interface-shim.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MnInterfaceShim");
NS_OBJECT_ENSURE_REGISTERED(MnInterfaceShim);

TypeId
MnInterfaceShim::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MnInterfaceShim")
            .SetParent<Object>()
            .SetGroupName("Pmipv6")
            .AddConstructor<MnInterfaceShim>()
            .AddTraceSource("Switch",
                            "The shim now sends on another physical device",
                            MakeTraceSourceAccessor(&MnInterfaceShim::m_switchTrace),
                            "ns3::TracedValueCallback::Uint32")
            .AddTraceSource("LinkDownDrop",
                            "A packet a device received after its link was declared lost",
                            MakeTraceSourceAccessor(&MnInterfaceShim::m_linkDownDropTrace),
                            "ns3::MnInterfaceShim::LinkDownDropTracedCallback");
    return tid;
}

Ptr<VirtualNetDevice>
MnInterfaceShim::Install(Ptr<Node> node, const std::vector<Ptr<NetDevice>>& devices)
{
    NS_ABORT_MSG_IF(devices.empty(), "MnInterfaceShim: no devices");
    m_devices = devices;
    m_linkUp.assign(devices.size(), true);
    m_ipDevice = CreateObject<VirtualNetDevice>();
    m_ipDevice->SetAddress(devices[0]->GetAddress());
    m_ipDevice->SetNeedsArp(true);
    m_ipDevice->SetSupportsSendFrom(false);
    m_ipDevice->SetSendCallback(MakeCallback(&MnInterfaceShim::Send, this));
    node->AddDevice(m_ipDevice);
    for (auto& d : devices)
    {
        node->RegisterProtocolHandler(MakeCallback(&MnInterfaceShim::Receive, this), 0, d);
    }
    node->AggregateObject(this);
    return m_ipDevice;
}

void
MnInterfaceShim::SetActive(uint32_t index)
{
    NS_ABORT_MSG_UNLESS(index < m_devices.size(), "MnInterfaceShim: no device " << index);
    if (index != m_active)
    {
        NS_LOG_INFO("shim now sends on device " << index);
        m_active = index;
        m_switchTrace(index);
    }
}

uint32_t
MnInterfaceShim::GetActive() const
{
    return m_active;
}

Ptr<NetDevice>
MnInterfaceShim::GetDevice(uint32_t index) const
{
    return m_devices.at(index);
}

bool
MnInterfaceShim::Send(Ptr<Packet> p, const Address& src, const Address& dst, uint16_t protocol)
{
    return m_devices[m_active]->Send(p, dst, protocol);
}

void
MnInterfaceShim::SetLinkUp(uint32_t index, bool up)
{
    NS_ABORT_MSG_UNLESS(index < m_devices.size(), "MnInterfaceShim: no device " << index);
    m_linkUp[index] = up;
}

void
MnInterfaceShim::Receive(Ptr<NetDevice> device,
                         Ptr<const Packet> p,
                         uint16_t protocol,
                         const Address& from,
                         const Address& to,
                         NetDevice::PacketType type)
{
    for (uint32_t i = 0; i < m_devices.size(); ++i)
    {
        if (m_devices[i] == device && !m_linkUp[i])
        {
            NS_LOG_LOGIC("device " << i << " has no link: dropped");
            m_linkDownDropTrace(p, i);
            return;
        }
    }
    m_ipDevice->Receive(p->Copy(), protocol, from, to, type);
}

void
MnInterfaceShim::DoDispose()
{
    m_devices.clear();
    m_ipDevice = nullptr;
    Object::DoDispose();
}

} // namespace ns3
