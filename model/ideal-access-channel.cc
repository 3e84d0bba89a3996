// SPDX-License-Identifier: GPL-2.0-only
#include "ideal-access-channel.h"

#include "ns3/ethernet-header.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simple-net-device.h"
#include "ns3/simulator.h"
#include "ns3/trace-helper.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IdealAccessChannel");
NS_OBJECT_ENSURE_REGISTERED(IdealAccessChannel);

TypeId
IdealAccessChannel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::IdealAccessChannel")
            .SetParent<SimpleChannel>()
            .SetGroupName("Pmipv6")
            .AddConstructor<IdealAccessChannel>()
            .AddAttribute("AccessDelay",
                          "One-way delay between a MAG and an attached mobile node "
                          "(RTT_MAG-AP / 2)",
                          TimeValue(MicroSeconds(2500)),
                          MakeTimeAccessor(&IdealAccessChannel::m_delay),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("Attach",
                            "A mobile node's device was attached to an access point",
                            MakeTraceSourceAccessor(&IdealAccessChannel::m_attachTrace),
                            "ns3::IdealAccessChannel::AttachTracedCallback")
            .AddTraceSource("Detach",
                            "A mobile node's device lost its access point",
                            MakeTraceSourceAccessor(&IdealAccessChannel::m_detachTrace),
                            "ns3::IdealAccessChannel::AttachTracedCallback")
            .AddTraceSource("Drop",
                            "A frame was lost because its link was not (or no longer) there",
                            MakeTraceSourceAccessor(&IdealAccessChannel::m_dropTrace),
                            "ns3::IdealAccessChannel::DropTracedCallback");
    return tid;
}

IdealAccessChannel::IdealAccessChannel() = default;

void
IdealAccessChannel::Add(Ptr<SimpleNetDevice> device)
{
    SimpleChannel::Add(device);
    m_mnByMac[Mac48Address::ConvertFrom(device->GetAddress())].push_back(device);
}

void
IdealAccessChannel::AddAccessPoint(Ptr<SimpleNetDevice> device)
{
    m_accessPoints[device] = true;
    m_mnByMac.erase(Mac48Address::ConvertFrom(device->GetAddress()));
}

bool
IdealAccessChannel::IsAccessPoint(Ptr<SimpleNetDevice> device) const
{
    return m_accessPoints.count(device) != 0;
}

void
IdealAccessChannel::Attach(Ptr<SimpleNetDevice> mn, Ptr<SimpleNetDevice> ap)
{
    NS_ABORT_MSG_UNLESS(IsAccessPoint(ap), "Attach: not an access point of this channel");
    NS_ABORT_MSG_IF(IsAccessPoint(mn), "Attach: an access point cannot attach");
    auto previous = m_attachment.find(mn);
    if (previous != m_attachment.end())
    {
        m_attached[previous->second].erase(mn); // moved without a detach: no trace, as before
    }
    m_attachment[mn] = ap;
    m_attached[ap].insert(mn);
    m_attachTrace(mn, ap);
}

void
IdealAccessChannel::Detach(Ptr<SimpleNetDevice> mn)
{
    auto it = m_attachment.find(mn);
    if (it == m_attachment.end())
    {
        return;
    }
    Ptr<SimpleNetDevice> ap = it->second;
    m_attachment.erase(it);
    m_attached[ap].erase(mn);
    m_detachTrace(mn, ap);
}

Ptr<SimpleNetDevice>
IdealAccessChannel::GetAttachment(Ptr<SimpleNetDevice> mn) const
{
    auto it = m_attachment.find(mn);
    return it == m_attachment.end() ? nullptr : it->second;
}

void
IdealAccessChannel::EnablePcap(const std::string& filename)
{
    PcapHelper helper;
    m_pcap = helper.CreateFile(filename, std::ios::out, PcapHelper::DLT_EN10MB);
}

Time
IdealAccessChannel::GetDelay() const
{
    return m_delay;
}

void
IdealAccessChannel::Send(Ptr<Packet> p,
                         uint16_t protocol,
                         Mac48Address to,
                         Mac48Address from,
                         Ptr<SimpleNetDevice> sender)
{
    if (!IsAccessPoint(sender))
    {
        Ptr<SimpleNetDevice> ap = GetAttachment(sender);
        if (!ap)
        {
            m_dropTrace(p, sender);
            return;
        }
        Schedule(ap, sender, ap, p, protocol, to, from);
        return;
    }
    if (to.IsGroup() || to.IsBroadcast())
    {
        auto attached = m_attached.find(sender);
        if (attached != m_attached.end())
        {
            for (const auto& mn : attached->second)
            {
                Schedule(mn, mn, sender, p->Copy(), protocol, to, from);
            }
        }
        return;
    }
    auto mns = m_mnByMac.find(to);
    if (mns != m_mnByMac.end())
    {
        for (const auto& mn : mns->second)
        {
            if (GetAttachment(mn) == sender)
            {
                Schedule(mn, mn, sender, p, protocol, to, from);
                return;
            }
        }
    }
    m_dropTrace(p, sender);
}

void
IdealAccessChannel::Schedule(Ptr<SimpleNetDevice> receiver,
                             Ptr<SimpleNetDevice> mn,
                             Ptr<SimpleNetDevice> ap,
                             Ptr<Packet> p,
                             uint16_t protocol,
                             Mac48Address to,
                             Mac48Address from)
{
    Simulator::ScheduleWithContext(receiver->GetNode()->GetId(), m_delay, [=]() {
        Arrive(receiver, mn, ap, p, protocol, to, from);
    });
}

void
IdealAccessChannel::Arrive(Ptr<SimpleNetDevice> receiver,
                           Ptr<SimpleNetDevice> mn,
                           Ptr<SimpleNetDevice> ap,
                           Ptr<Packet> p,
                           uint16_t protocol,
                           Mac48Address to,
                           Mac48Address from)
{
    if (GetAttachment(mn) != ap)
    {
        // The link went away while the frame was on it.
        m_dropTrace(p, receiver == mn ? ap : mn);
        return;
    }
    if (m_pcap)
    {
        Ptr<Packet> frame = p->Copy();
        EthernetHeader eth(false);
        eth.SetSource(from);
        eth.SetDestination(to);
        eth.SetLengthType(protocol);
        frame->AddHeader(eth);
        m_pcap->Write(Simulator::Now(), frame);
    }
    receiver->Receive(p, protocol, to, from);
}

} // namespace ns3
