// SPDX-License-Identifier: GPL-2.0-only
#include "pfmipv6-mag-extension.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pfmipv6MagExtension");
NS_OBJECT_ENSURE_REGISTERED(Pfmipv6MagExtension);

TypeId
Pfmipv6MagExtension::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Pfmipv6MagExtension")
                            .SetParent<FastHandoverMagExtension>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<Pfmipv6MagExtension>();
    return tid;
}

void
Pfmipv6MagExtension::Install(Ptr<Pmipv6Mag> mag)
{
    FastHandoverMagExtension::Install(mag);
    mag->RegisterHandler(static_cast<uint8_t>(MhType::HandoverInitiate),
                         MakeCallback(&Pfmipv6MagExtension::RecvHi, this));
    mag->RegisterHandler(static_cast<uint8_t>(MhType::HandoverAck),
                         MakeCallback(&Pfmipv6MagExtension::RecvHack, this));
}

void
Pfmipv6MagExtension::RecvHi(Ptr<Packet> p, const Ipv6Header& ip)
{
    HandoverInitiateHeader hi;
    if (!FromNeighbor(p, ip) || !m_mag->GetMobilityProtocol()->Parse(p, ip, hi) ||
        HandleForwardingCompleted(p, hi, ip))
    {
        return;
    }
    std::string mn;
    bool forwardRequest = hi.GetFlagF();
    BindingUpdateListEntry* e = EntryOf(hi.GetOptions(), mn, !forwardRequest);
    if (!e)
    {
        m_mag->GetMobilityProtocol()->Drop(p,
                                           ip.GetSource(),
                                           MobilityL4Protocol::DROP_UNAUTHORIZED);
        return;
    }
    HandoverContext& c = Context(mn);
    if (forwardRequest)
    {
        // Reactive (sec. 4.2), at the PMAG: forward what is buffered and what
        // still comes. The HAck tells the NMAG the prefix.
        SendHack(*e, hi.GetSequence(), ip.GetSource(), HandoverAckCode::ACCEPTED, FlagsOf(hi));
        if (!e->attached)
        {
            StartForwarding(*e, c, ip.GetSource());
            ScheduleCleanup(*e, c, m_forwardingLifetime);
        }
        return;
    }
    // Predictive (sec. 4.1), at the NMAG: prepare, but do not register yet.
    if (!e->attached)
    {
        Reset(*e, c);
        c.peer = ip.GetSource();
        UsePeer(c, c.peer);
        const MobilityOptions& o = hi.GetOptions();
        if (!o.homeNetworkPrefixes.empty())
        {
            m_mag->GetBindingUpdateList().SetPrefix(*e, o.homeNetworkPrefixes.front());
        }
        SwitchToState(*e, c, AWAITING_MN);
        ScheduleCleanup(*e, c, m_forwardingLifetime);
        c.forwardingFrom = c.peer; // the PMAG forwards once the MN has left it
    }
    SendHack(*e, hi.GetSequence(), ip.GetSource(), HandoverAckCode::ACCEPTED, FlagsOf(hi));
}

void
Pfmipv6MagExtension::RecvHack(Ptr<Packet> p, const Ipv6Header& ip)
{
    HandoverAckHeader hack;
    if (!FromNeighbor(p, ip) || !m_mag->GetMobilityProtocol()->Parse(p, ip, hack))
    {
        return;
    }
    std::string mn;
    BindingUpdateListEntry* e = EntryOf(hack.GetOptions(), mn, false);
    auto it = m_contexts.find(mn);
    if (!e || it == m_contexts.end() || it->second.peer != ip.GetSource() ||
        hack.GetSequence() != it->second.sequence)
    {
        // RFC 5568 6.2.2: the HAck answers the HI of the same sequence number.
        m_mag->GetMobilityProtocol()->Drop(p, ip.GetSource(), MobilityL4Protocol::DROP_UNEXPECTED);
        return;
    }
    HandoverContext& c = it->second;
    if (c.state == HO_INITIATED && HandleRefusal(*e, c, hack))
    {
        return; // the NMAG will not take the MN: nothing to forward there
    }
    const auto& prefixes = hack.GetOptions().homeNetworkPrefixes;
    if (e->homeNetworkPrefix.prefix.IsAny() && !prefixes.empty())
    {
        m_mag->GetBindingUpdateList().SetPrefix(*e, prefixes.front());
    }
    if (c.state == HO_INITIATED)
    {
        SwitchToState(*e, c, HO_READY);
        if (!e->attached)
        {
            StartForwarding(*e, c, c.peer); // the MN left before the HAck came
            ScheduleCleanup(*e, c, m_forwardingLifetime);
        }
    }
}

bool
Pfmipv6MagExtension::NotifyDetach(BindingUpdateListEntry& e)
{
    HandoverContext& c = Context(e.mnIdentifier);
    if (EndAtDetach(e, c))
    {
        return true;
    }
    switch (c.state)
    {
    case HO_READY:
        StartForwarding(e, c, c.peer);
        ScheduleCleanup(e, c, m_forwardingLifetime); // safety net for a lost HI Code 2
        return true;
    case HO_INITIATED:
        // Forwarding starts with the HAck; if the HI or the HAck was lost,
        // AwaitHack times the wait out (lossy signalling).
        AwaitHack(e, c);
        return true;
    case FORWARDING:
        return true; // goes on
    default:
        Reset(e, c);
        StartBuffering(e, c);
        return true;
    }
}

void
Pfmipv6MagExtension::NotifyAttach(BindingUpdateListEntry& e)
{
    HandoverContext& c = Context(e.mnIdentifier);
    if (c.state == AWAITING_MN)
    {
        FlushToMn(e, c); // the core sent the PBU with the HI's prefix
        SwitchToState(e, c, CONNECTED);
        ScheduleCleanup(e, c, m_forwardingLifetime);
        EndPeerForwarding(e, c); // if it was registered already
        return;
    }
    Reset(e, c);
    if (!e.previousMag.IsAny())
    {
        c.peer = e.previousMag;
        UsePeer(c, c.peer);
        SendHi(e, c, c.peer, true, true);
        SwitchToState(e, c, CONNECTED);
        ScheduleCleanup(e, c, m_forwardingLifetime);
    }
}

void
Pfmipv6MagExtension::NotifyRegistered(BindingUpdateListEntry& e)
{
    auto it = m_contexts.find(e.mnIdentifier);
    if (it != m_contexts.end() && it->second.state == CONNECTED)
    {
        EndPeerForwarding(e, it->second); // sec. 6.1.1 Code 2
    }
}

bool
Pfmipv6MagExtension::HandleUplink(BindingUpdateListEntry& e,
                                  Ptr<const Packet> p,
                                  const Ipv6Header& header)
{
    auto it = m_contexts.find(e.mnIdentifier);
    if (it == m_contexts.end() || it->second.state != CONNECTED || it->second.peer.IsAny())
    {
        return false;
    }
    // Sec. 4.1: before its own PBA, the NMAG reverse-tunnels via the PMAG.
    m_mag->GetTunnel()->Encapsulate(p, header, m_mag->GetAddress(), it->second.peer);
    return true;
}

} // namespace ns3
