// SPDX-License-Identifier: GPL-2.0-only
#include "fpmipv6-mag-extension.h"

#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Fpmipv6MagExtension");
NS_OBJECT_ENSURE_REGISTERED(Fpmipv6MagExtension);

TypeId
Fpmipv6MagExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Fpmipv6MagExtension")
            .SetParent<FastHandoverMagExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<Fpmipv6MagExtension>()
            .AddAttribute("ArrivalTimeout",
                          "How long the new MAG waits, after the HI, for the predicted mobile "
                          "node (then it drops the buffer and de-registers the node)",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&Fpmipv6MagExtension::m_arrivalTimeout),
                          MakeTimeChecker(MilliSeconds(1)));
    return tid;
}

void
Fpmipv6MagExtension::Install(Ptr<Pmipv6Mag> mag)
{
    FastHandoverMagExtension::Install(mag);
    mag->RegisterHandler(static_cast<uint8_t>(MhType::HandoverInitiate),
                         MakeCallback(&Fpmipv6MagExtension::RecvHi, this));
    mag->RegisterHandler(static_cast<uint8_t>(MhType::HandoverAck),
                         MakeCallback(&Fpmipv6MagExtension::RecvHack, this));
    mag->RegisterHandler(static_cast<uint8_t>(MhType::FastBindingUpdate),
                         MakeCallback(&Fpmipv6MagExtension::RecvFbu, this));
    mag->RegisterHandler(static_cast<uint8_t>(MhType::FastBindingAck),
                         MakeCallback(&Fpmipv6MagExtension::RecvFback, this));
}

void
Fpmipv6MagExtension::PredictHandover(std::string mn, Ipv6Address newMag)
{
    const HandoverContext* c = GetContext(mn);
    if (c && c->state != IDLE && c->state != CONNECTED)
    {
        return; // a handover of this MN is already under way
    }
    BindingUpdateListEntry* e = m_mag->GetBindingUpdateList().Find(mn);
    if (e && e->state == BindingUpdateListEntry::REGISTERED && BeginHandover(mn, newMag, true))
    {
        L2Control(mn, HO_INIT, newMag);
    }
}

void
Fpmipv6MagExtension::RecvHi(Ptr<Packet> p, const Ipv6Header& ip)
{
    HandoverInitiateHeader hi;
    if (!FromNeighbor(p, ip) || !m_mag->GetMobilityProtocol()->Parse(p, ip, hi) ||
        HandleForwardingCompleted(p, hi, ip))
    {
        return;
    }
    std::string mn;
    BindingUpdateListEntry* e = EntryOf(hi.GetOptions(), mn, true);
    if (!e)
    {
        // No MN link-layer id, or no policy profile for it.
        m_mag->GetMobilityProtocol()->Drop(p,
                                           ip.GetSource(),
                                           MobilityL4Protocol::DROP_UNAUTHORIZED);
        return;
    }
    HandoverContext& c = Context(mn);
    if (e->attached)
    {
        // Already here (a second interface came up before the HI): nothing
        // to prepare. But the old MAG lets the MN go on the HAck, so answer
        // only once the LMA sends the MN's traffic here.
        if (e->state == BindingUpdateListEntry::REGISTERED)
        {
            SendHack(*e, hi.GetSequence(), ip.GetSource(), HandoverAckCode::ACCEPTED, FlagsOf(hi));
        }
        else
        {
            c.hackPending = true;
            c.hackTo = ip.GetSource();
            c.peerSequence = hi.GetSequence();
            c.peerHiFlags = FlagsOf(hi);
        }
        return;
    }
    Reset(*e, c);
    c.peer = ip.GetSource();
    c.peerSequence = hi.GetSequence();
    c.peerHiFlags = FlagsOf(hi);
    UsePeer(c, c.peer);
    const MobilityOptions& o = hi.GetOptions();
    if (!o.homeNetworkPrefixes.empty())
    {
        m_mag->GetBindingUpdateList().SetPrefix(*e, o.homeNetworkPrefixes.front());
    }
    e->handoffIndicator = HandoffIndicator::HANDOFF_BETWEEN_MAGS;
    SwitchToState(*e, c, REGISTERING);
    c.timer = Simulator::Schedule(m_arrivalTimeout, &Fpmipv6MagExtension::ArrivalTimeout, this, mn);
    // The FPMIPv6 paper, sec. 3.2: the PBU carries the HI's timestamp.
    m_mag->Register(*e, o.timestamp.value_or(TimeToMobilityTimestamp(Simulator::Now())));
}

void
Fpmipv6MagExtension::ArrivalTimeout(std::string mn)
{
    BindingUpdateListEntry* e = m_mag->GetBindingUpdateList().Find(mn);
    auto it = m_contexts.find(mn);
    if (!e || e->attached || it == m_contexts.end() ||
        (it->second.state != REGISTERING && it->second.state != AWAITING_MN))
    {
        return;
    }
    NS_LOG_WARN("MAG " << m_mag->GetAddress() << ": predicted " << e->mnIdentifier
                       << " did not arrive; de-registering it");
    Reset(*e, it->second); // the buffer is dropped and traced
    m_contexts.erase(it);
    m_mag->Release(*e); // de-registration PBU (RFC 5213 6.9.1.4), or just forget it
}

void
Fpmipv6MagExtension::NotifyRegistered(BindingUpdateListEntry& e)
{
    auto it = m_contexts.find(e.mnIdentifier);
    if (it == m_contexts.end())
    {
        return;
    }
    if (it->second.hackPending)
    {
        HandoverContext& c = it->second;
        c.hackPending = false;
        SendHack(e, c.peerSequence, c.hackTo, HandoverAckCode::ACCEPTED, c.peerHiFlags);
    }
    if (it->second.state != REGISTERING)
    {
        EndPeerForwarding(e, it->second);
        return;
    }
    HandoverContext& c = it->second;
    SendHack(e, c.peerSequence, c.peer, HandoverAckCode::ACCEPTED, c.peerHiFlags);
    SwitchToState(e, c, e.attached ? CONNECTED : AWAITING_MN);
    if (e.attached)
    {
        ScheduleCleanup(e, c, m_forwardingLifetime);
    }
    EndPeerForwarding(e, c);
}

void
Fpmipv6MagExtension::RecvHack(Ptr<Packet> p, const Ipv6Header& ip)
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
        m_mag->GetMobilityProtocol()->Drop(p, ip.GetSource(), MobilityL4Protocol::DROP_UNEXPECTED);
        return;
    }
    HandoverContext& c = it->second;
    if ((c.state == HO_INITIATED || c.state == HO_READY) && HandleRefusal(*e, c, hack))
    {
        return; // no HOComplete: the MN stays until its link goes
    }
    if (c.state == HO_INITIATED)
    {
        SwitchToState(*e, c, HO_READY);
    }
    if (e->attached)
    {
        // The binding is at the new MAG: the MN may go (the FPMIPv6 paper's Fig. 2).
        L2Control(mn, HO_COMPLETE, c.peer);
    }
}

bool
Fpmipv6MagExtension::NotifyDetach(BindingUpdateListEntry& e)
{
    HandoverContext& c = Context(e.mnIdentifier);
    if (c.state == FORWARDING || EndAtDetach(e, c))
    {
        return true;
    }
    if (!c.forwardTo.IsAny() && (c.state == HO_INITIATED || c.state == HO_READY))
    {
        StartForwarding(e, c, c.forwardTo); // the FBU came before the link went
        ScheduleCleanup(e, c, m_forwardingLifetime);
        return true;
    }
    if (c.state != HO_INITIATED && c.state != HO_READY)
    {
        Reset(e, c); // unpredicted: forget the previous handover's peer
    }
    // The FPMIPv6 paper, sec. 3.4: buffer what still arrives until a new MAG asks.
    StartBuffering(e, c);
    return true;
}

void
Fpmipv6MagExtension::NotifyAttach(BindingUpdateListEntry& e)
{
    HandoverContext& c = Context(e.mnIdentifier);
    switch (c.state)
    {
    case REGISTERING:
    case AWAITING_MN:
        // Predicted: the binding is (being) made here; take what the old MAG holds.
        FlushToMn(e, c);
        SendFbu(e, c, c.peer);
        if (c.state == AWAITING_MN)
        {
            SwitchToState(e, c, CONNECTED);
            ScheduleCleanup(e, c, m_forwardingLifetime);
        }
        EndPeerForwarding(e, c); // registered already: the FBU's forwarding ends at once
        break;
    case IDLE:
    case CONNECTED:
        // Unpredicted (sec. 3.4): the core sent the PBU; ask the previous MAG.
        if (!e.previousMag.IsAny())
        {
            Reset(e, c);
            c.peer = e.previousMag;
            UsePeer(c, c.peer);
            SendFbu(e, c, c.peer);
            SwitchToState(e, c, CONNECTED);
            ScheduleCleanup(e, c, m_forwardingLifetime);
        }
        break;
    case HO_INITIATED:
    case HO_READY:
    case BUFFERING:
    case FORWARDING: {
        // The MN turns up here while this MAG still holds a handover
        // context for it: it came back (sec. 3.5, fallback to the old
        // MAG) or, after a later move, comes from another MAG. Deliver
        // what is here, register again (the binding may be elsewhere) and
        // have the MAG it comes from send its traffic here.
        FlushToMn(e, c);
        Ipv6Address other = !e.previousMag.IsAny()  ? e.previousMag
                            : c.state == FORWARDING ? c.forwardTo
                                                    : c.peer;
        if (c.state == BUFFERING && other.IsAny())
        {
            Reset(e, c); // unpredicted and back: the binding never moved
            break;
        }
        if (e.state == BindingUpdateListEntry::REGISTERED)
        {
            // Still registered here in our list, but the predicted MAG has
            // taken the binding at the LMA: take it back (the core only
            // registers entries it knows to be unregistered).
            m_mag->Register(e, TimeToMobilityTimestamp(Simulator::Now()));
        }
        c.peer = other;
        UsePeer(c, other);
        SendFbu(e, c, other);
        SwitchToState(e, c, CONNECTED);
        ScheduleCleanup(e, c, m_forwardingLifetime);
        EndPeerForwarding(e, c);
        break;
    }
    }
}

void
Fpmipv6MagExtension::RecvFbu(Ptr<Packet> p, const Ipv6Header& ip)
{
    FastBindingUpdateHeader fbu;
    if (!FromNeighbor(p, ip) || !m_mag->GetMobilityProtocol()->Parse(p, ip, fbu))
    {
        return;
    }
    std::string mn;
    BindingUpdateListEntry* e = EntryOf(fbu.GetOptions(), mn, false);
    if (!e)
    {
        m_mag->GetMobilityProtocol()->Drop(p, ip.GetSource(), MobilityL4Protocol::DROP_UNEXPECTED);
        return;
    }
    Ipv6Address from = ip.GetSource();
    SendFback(*e, fbu.GetSequence(), from);
    HandoverContext& c = Context(mn);
    if (e->attached)
    {
        // Still here (a second interface reached the new MAG first): forward
        // to it from the moment this link goes.
        UsePeer(c, from);
        c.forwardTo = from;
        return;
    }
    if (!c.peer.IsAny() && c.peer != from &&
        (c.state == HO_INITIATED || c.state == HO_READY || c.state == BUFFERING))
    {
        // Wrong prediction (sec. 3.5): the predicted MAG holds the binding
        // and buffers; have it send the traffic back here.
        SendFbu(*e, c, c.peer);
    }
    StartForwarding(*e, c, from);
    ScheduleCleanup(*e, c, m_forwardingLifetime);
}

void
Fpmipv6MagExtension::RecvFback(Ptr<Packet> p, const Ipv6Header& ip)
{
    FastBindingAckHeader fback;
    if (!FromNeighbor(p, ip) || !m_mag->GetMobilityProtocol()->Parse(p, ip, fback))
    {
        return;
    }
    NS_LOG_INFO("MAG " << m_mag->GetAddress() << ": FBack from " << ip.GetSource() << " status "
                       << unsigned(fback.GetStatus()));
    std::string mn;
    BindingUpdateListEntry* e = EntryOf(fback.GetOptions(), mn, false);
    const auto& prefixes = fback.GetOptions().homeNetworkPrefixes;
    if (e && e->homeNetworkPrefix.prefix.IsAny() && !prefixes.empty())
    {
        m_mag->GetBindingUpdateList().SetPrefix(*e, prefixes.front());
    }
}

} // namespace ns3
