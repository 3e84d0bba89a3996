// SPDX-License-Identifier: GPL-2.0-only
#include "fast-handover-mag-extension.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FastHandoverMagExtension");
NS_OBJECT_ENSURE_REGISTERED(FastHandoverMagExtension);

TypeId
FastHandoverMagExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::FastHandoverMagExtension")
            .SetParent<MagExtension>()
            .SetGroupName("Pmipv6")
            .AddAttribute("BufferPackets",
                          "Most packets buffered for one mobile node",
                          UintegerValue(10000),
                          MakeUintegerAccessor(&FastHandoverMagExtension::m_bufferPackets),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("BufferBytes",
                          "Most bytes buffered for one mobile node",
                          UintegerValue(4 << 20),
                          MakeUintegerAccessor(&FastHandoverMagExtension::m_bufferBytes),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("ForwardingLifetime",
                          "How long a handover context forwards a MN's traffic to a peer MAG "
                          "(then it and a detached MN's entry are dropped)",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&FastHandoverMagExtension::m_forwardingLifetime),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("BufferingTimeout",
                          "How long the old MAG buffers for a departed MN that no new MAG "
                          "claims (then it drops the buffer and de-registers the MN)",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&FastHandoverMagExtension::m_bufferingTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddTraceSource("State",
                            "A mobile node's handover context changed state",
                            MakeTraceSourceAccessor(&FastHandoverMagExtension::m_stateTrace),
                            "ns3::FastHandoverMagExtension::StateTracedCallback")
            .AddTraceSource("Buffered",
                            "A downlink packet was buffered",
                            MakeTraceSourceAccessor(&FastHandoverMagExtension::m_bufferTrace),
                            "ns3::FastHandoverMagExtension::PacketTracedCallback")
            .AddTraceSource("BufferDrop",
                            "A packet was dropped: buffer full, or still buffered when the "
                            "handover context ended",
                            MakeTraceSourceAccessor(&FastHandoverMagExtension::m_bufferDropTrace),
                            "ns3::FastHandoverMagExtension::PacketTracedCallback")
            .AddTraceSource("Forwarded",
                            "A downlink packet was forwarded to a peer MAG",
                            MakeTraceSourceAccessor(&FastHandoverMagExtension::m_forwardTrace),
                            "ns3::FastHandoverMagExtension::PacketTracedCallback")
            .AddTraceSource("HandoverRefused",
                            "A peer MAG refused a handover (HAck Code >= 128)",
                            MakeTraceSourceAccessor(&FastHandoverMagExtension::m_refusedTrace),
                            "ns3::FastHandoverMagExtension::RefusedTracedCallback");
    return tid;
}

std::string
FastHandoverMagExtension::StateName(State s)
{
    switch (s)
    {
    case IDLE:
        return "IDLE";
    case HO_INITIATED:
        return "HO_INITIATED";
    case HO_READY:
        return "HO_READY";
    case BUFFERING:
        return "BUFFERING";
    case FORWARDING:
        return "FORWARDING";
    case REGISTERING:
        return "REGISTERING";
    case AWAITING_MN:
        return "AWAITING_MN";
    case CONNECTED:
        return "CONNECTED";
    }
    return "?";
}

void
FastHandoverMagExtension::PredictHandover(std::string mn, Ipv6Address newMag)
{
    BeginHandover(mn, newMag, true);
}

void
FastHandoverMagExtension::SetL2ControlCallback(L2ControlCallback cb)
{
    m_l2Control = cb;
}

const FastHandoverMagExtension::HandoverContext*
FastHandoverMagExtension::GetContext(std::string mn) const
{
    auto it = m_contexts.find(mn);
    return it == m_contexts.end() ? nullptr : &it->second;
}

FastHandoverMagExtension::HandoverContext&
FastHandoverMagExtension::Context(std::string mn)
{
    return m_contexts[mn];
}

void
FastHandoverMagExtension::SwitchToState(BindingUpdateListEntry& e, HandoverContext& c, State s)
{
    if (c.state == s)
    {
        return;
    }
    NS_LOG_INFO("MAG " << m_mag->GetAddress() << " " << e.mnIdentifier << ": " << StateName(c.state)
                       << " -> " << StateName(s));
    m_stateTrace(e.mnIdentifier, StateName(c.state), StateName(s));
    c.state = s;
}

void
FastHandoverMagExtension::UsePeer(HandoverContext& c, Ipv6Address peer)
{
    if (std::find(c.tunnelPeers.begin(), c.tunnelPeers.end(), peer) == c.tunnelPeers.end())
    {
        m_mag->GetTunnel()->AddEndpoint(peer);
        c.tunnelPeers.push_back(peer);
    }
}

void
FastHandoverMagExtension::Reset(BindingUpdateListEntry& e, HandoverContext& c)
{
    Simulator::Cancel(c.timer);
    for (const auto& peer : c.tunnelPeers)
    {
        m_mag->GetTunnel()->RemoveEndpoint(peer);
    }
    c.tunnelPeers.clear();
    for (const auto& [p, h] : c.buffer)
    {
        m_bufferDrops++;
        m_bufferDropTrace(p, e.mnIdentifier);
    }
    c.buffer.clear();
    c.bufferedBytes = 0;
    c.peer = Ipv6Address();
    c.forwardTo = Ipv6Address();
    c.forwardingFrom = Ipv6Address();
    c.hackPending = false;
    c.forwardingDone = false;
    SwitchToState(e, c, IDLE);
}

bool
FastHandoverMagExtension::Buffer(BindingUpdateListEntry& e,
                                 HandoverContext& c,
                                 Ptr<const Packet> p,
                                 const Ipv6Header& h)
{
    if (c.buffer.size() >= m_bufferPackets || c.bufferedBytes + p->GetSize() > m_bufferBytes)
    {
        m_bufferDrops++;
        m_bufferDropTrace(p, e.mnIdentifier);
        return false;
    }
    c.buffer.emplace_back(p->Copy(), h);
    c.bufferedBytes += p->GetSize();
    m_buffered++;
    m_bufferTrace(p, e.mnIdentifier);
    return true;
}

bool
FastHandoverMagExtension::HandleUndeliverable(BindingUpdateListEntry& e,
                                              Ptr<const Packet> p,
                                              const Ipv6Header& header)
{
    auto it = m_contexts.find(e.mnIdentifier);
    if (it == m_contexts.end())
    {
        return false;
    }
    HandoverContext& c = it->second;
    switch (c.state)
    {
    case FORWARDING:
        Forward(e, c, p, header);
        return true;
    case HO_INITIATED:
    case HO_READY:
    case BUFFERING:
    case REGISTERING:
    case AWAITING_MN:
        Buffer(e, c, p, header); // a full buffer drops and traces
        return true;
    default:
        return false;
    }
}

void
FastHandoverMagExtension::FlushToMn(BindingUpdateListEntry& e, HandoverContext& c)
{
    NS_LOG_INFO("MAG " << m_mag->GetAddress() << " delivers " << c.buffer.size()
                       << " buffered packets to " << e.mnIdentifier);
    while (!c.buffer.empty())
    {
        auto [p, h] = c.buffer.front();
        c.buffer.pop_front();
        m_mag->Deliver(e, p, h);
    }
    c.bufferedBytes = 0;
}

void
FastHandoverMagExtension::StartForwarding(BindingUpdateListEntry& e,
                                          HandoverContext& c,
                                          Ipv6Address peer)
{
    UsePeer(c, peer);
    c.forwardTo = peer;
    SwitchToState(e, c, FORWARDING);
    m_mag->MarkBindingMoved(e);
    while (!c.buffer.empty())
    {
        auto [p, h] = c.buffer.front();
        c.buffer.pop_front();
        Forward(e, c, p, h);
    }
    c.bufferedBytes = 0;
}

void
FastHandoverMagExtension::Forward(BindingUpdateListEntry& e,
                                  HandoverContext& c,
                                  Ptr<const Packet> p,
                                  const Ipv6Header& h)
{
    m_forwarded++;
    m_forwardTrace(p, e.mnIdentifier);
    m_mag->GetTunnel()->Encapsulate(p, h, m_mag->GetAddress(), c.forwardTo);
}

void
FastHandoverMagExtension::ScheduleCleanup(BindingUpdateListEntry& e, HandoverContext& c, Time delay)
{
    Simulator::Cancel(c.timer);
    c.timer = Simulator::Schedule(delay, &FastHandoverMagExtension::Cleanup, this, e.mnIdentifier);
}

void
FastHandoverMagExtension::StartBuffering(BindingUpdateListEntry& e, HandoverContext& c)
{
    SwitchToState(e, c, BUFFERING);
    Simulator::Cancel(c.timer);
    c.timer = Simulator::Schedule(m_bufferingTimeout,
                                  &FastHandoverMagExtension::BufferingTimeout,
                                  this,
                                  e.mnIdentifier);
}

void
FastHandoverMagExtension::AwaitHack(BindingUpdateListEntry& e, HandoverContext& c)
{
    Simulator::Cancel(c.timer);
    c.timer = Simulator::Schedule(m_bufferingTimeout,
                                  &FastHandoverMagExtension::BufferingTimeout,
                                  this,
                                  e.mnIdentifier);
}

void
FastHandoverMagExtension::BufferingTimeout(std::string mn)
{
    BindingUpdateListEntry* e = m_mag->GetBindingUpdateList().Find(mn);
    auto it = m_contexts.find(mn);
    if (!e || it == m_contexts.end() || e->attached ||
        (it->second.state != BUFFERING && it->second.state != HO_INITIATED))
    {
        return;
    }
    NS_LOG_WARN("MAG " << m_mag->GetAddress() << ": nobody claimed " << e->mnIdentifier);
    Reset(*e, it->second);
    m_contexts.erase(it);
    m_mag->Release(*e);
}

void
FastHandoverMagExtension::Cleanup(std::string mn)
{
    BindingUpdateListEntry* e = m_mag->GetBindingUpdateList().Find(mn);
    auto it = m_contexts.find(mn);
    if (!e || it == m_contexts.end())
    {
        return;
    }
    Reset(*e, it->second);
    m_contexts.erase(it);
    if (!e->attached)
    {
        m_mag->RemoveEntry(*e);
    }
}

void
FastHandoverMagExtension::IdentifyMn(const BindingUpdateListEntry& e, MobilityOptions& o)
{
    o.mnIdentifier = e.mnIdentifier;
    uint8_t mac[Address::MAX_SIZE];
    uint32_t length = e.linkLayerId.CopyTo(mac);
    o.mnLinkLayerId = std::vector<uint8_t>(mac, mac + length);
    if (!e.homeNetworkPrefix.prefix.IsAny())
    {
        o.homeNetworkPrefixes = {e.homeNetworkPrefix};
    }
}

BindingUpdateListEntry*
FastHandoverMagExtension::BeginHandover(std::string mn, Ipv6Address newMag, bool proxy)
{
    BindingUpdateListEntry* e = m_mag->GetBindingUpdateList().Find(mn);
    if (!e || !e->attached || newMag == m_mag->GetAddress())
    {
        NS_LOG_WARN("MAG " << m_mag->GetAddress() << ": prediction for " << mn
                           << " ignored (not attached here, or target is this MAG)");
        return nullptr;
    }
    HandoverContext& c = Context(mn);
    Reset(*e, c);
    c.peer = newMag;
    UsePeer(c, newMag);
    SendHi(*e, c, newMag, proxy, false);
    SwitchToState(*e, c, HO_INITIATED);
    return e;
}

void
FastHandoverMagExtension::SendHi(BindingUpdateListEntry& e,
                                 HandoverContext& c,
                                 Ipv6Address to,
                                 bool proxy,
                                 bool forward,
                                 uint8_t code)
{
    HandoverInitiateHeader hi;
    c.sequence = ++m_nextSequence;
    hi.SetSequence(c.sequence);
    hi.SetFlagU(code != HandoverInitiateCode::FORWARDING_COMPLETED); // buffer at the new MAG
    hi.SetFlagP(proxy);
    hi.SetFlagF(forward);
    hi.SetCode(code);
    if (forward)
    {
        c.forwardingFrom = to; // RFC 5949 4.2: the previous MAG forwards to us
    }
    MobilityOptions& o = hi.GetOptions();
    IdentifyMn(e, o);
    o.lmaAddress = e.lmaAddress;
    o.timestamp = TimeToMobilityTimestamp(Simulator::Now());
    m_mag->SendMessage(hi, to);
}

FastHandoverMagExtension::HiFlags
FastHandoverMagExtension::FlagsOf(const HandoverInitiateHeader& hi)
{
    return HiFlags{hi.GetFlagU(), hi.GetFlagP(), hi.GetFlagF()};
}

void
FastHandoverMagExtension::SendHack(BindingUpdateListEntry& e,
                                   uint16_t sequence,
                                   Ipv6Address to,
                                   uint8_t code,
                                   const HiFlags& hi)
{
    HandoverAckHeader hack;
    hack.SetSequence(sequence);
    hack.SetCode(code);
    // RFC 5949 6.1.2: P answers a PFMIPv6 HI; U and F confirm what it asked.
    const bool accepted = code < HandoverAckCode::NOT_ACCEPTED_REASON_UNSPECIFIED;
    hack.SetFlagP(hi.proxy);
    hack.SetFlagU(hi.buffer && accepted);
    hack.SetFlagF(hi.forward && accepted);
    MobilityOptions& o = hack.GetOptions();
    IdentifyMn(e, o); // with the HNP and the LMA address: RFC 5949 sec. 6.2.2
    o.lmaAddress = e.lmaAddress;
    m_mag->SendMessage(hack, to);
}

bool
FastHandoverMagExtension::FromNeighbor(Ptr<Packet> p, const Ipv6Header& ip)
{
    if (m_mag->IsNeighborMag(ip.GetSource()))
    {
        return true;
    }
    NS_LOG_WARN("MAG " << m_mag->GetAddress() << ": " << ip.GetSource()
                       << " is not a neighbour MAG; message refused");
    m_mag->GetMobilityProtocol()->Drop(p, ip.GetSource(), MobilityL4Protocol::DROP_UNAUTHORIZED);
    return false;
}

bool
FastHandoverMagExtension::HandleRefusal(BindingUpdateListEntry& e,
                                        HandoverContext& c,
                                        const HandoverAckHeader& hack)
{
    if (hack.GetCode() < HandoverAckCode::NOT_ACCEPTED_REASON_UNSPECIFIED)
    {
        return false;
    }
    NS_LOG_WARN("MAG " << m_mag->GetAddress() << ": " << c.peer << " refused the handover of "
                       << e.mnIdentifier << ", code " << unsigned(hack.GetCode()));
    m_refused++;
    m_refusedTrace(e.mnIdentifier, c.peer, hack.GetCode());
    Reset(e, c); // no forwarding to a MAG that will not take the MN
    return true;
}

bool
FastHandoverMagExtension::HandleForwardingCompleted(Ptr<Packet> p,
                                                    const HandoverInitiateHeader& hi,
                                                    const Ipv6Header& ip)
{
    if (hi.GetCode() != HandoverInitiateCode::FORWARDING_COMPLETED)
    {
        return false;
    }
    std::string mn;
    BindingUpdateListEntry* e = EntryOf(hi.GetOptions(), mn, false);
    auto it = m_contexts.find(mn);
    if (e && it != m_contexts.end() && e->attached &&
        (it->second.state == HO_INITIATED || it->second.state == HO_READY) &&
        (it->second.forwardTo == ip.GetSource() || it->second.peer == ip.GetSource()))
    {
        NS_LOG_INFO("MAG " << m_mag->GetAddress() << ": " << e->mnIdentifier
                           << " is registered at " << ip.GetSource()
                           << " before leaving here: nothing to forward (HI Code 2)");
        it->second.forwardingDone = true;
        return true;
    }
    if (!e || it == m_contexts.end() || it->second.state != FORWARDING ||
        it->second.forwardTo != ip.GetSource())
    {
        // Nothing forwarded to that MAG here: the timer (if any) ends it.
        m_mag->GetMobilityProtocol()->Drop(p, ip.GetSource(), MobilityL4Protocol::DROP_UNEXPECTED);
        return true;
    }
    HandoverContext& c = it->second;
    if (!c.forwardingFrom.IsAny() && c.forwardingFrom != ip.GetSource())
    {
        // A wrong prediction (the FPMIPv6 paper, sec. 3.5): this MAG asked
        // the predicted MAG to send the MN's traffic back here, and what it
        // sends is still on its way. Pass the end on to it; this context
        // ends with its safety timer, after the last of those packets.
        Ipv6Address back = c.forwardingFrom;
        SendHi(*e, c, back, true, false, HandoverInitiateCode::FORWARDING_COMPLETED);
        c.forwardingFrom = Ipv6Address();
        return true;
    }
    NS_LOG_INFO("MAG " << m_mag->GetAddress() << ": forwarding of " << e->mnIdentifier << " to "
                       << ip.GetSource() << " completed (HI Code 2)");
    Cleanup(mn);
    return true;
}

bool
FastHandoverMagExtension::EndAtDetach(BindingUpdateListEntry& e, HandoverContext& c)
{
    if (!c.forwardingDone)
    {
        return false;
    }
    m_mag->MarkBindingMoved(e);
    Cleanup(e.mnIdentifier); // removes the (detached) entry
    return true;
}

void
FastHandoverMagExtension::EndPeerForwarding(BindingUpdateListEntry& e, HandoverContext& c)
{
    if (c.forwardingFrom.IsAny() || !e.attached ||
        e.state != BindingUpdateListEntry::REGISTERED)
    {
        return;
    }
    // RFC 5949 6.1.1 Code 2: the LMA sends everything here since our PBA,
    // and what it sent before has reached the forwarding MAG by now.
    Ipv6Address to = c.forwardingFrom;
    uint16_t sequence = c.sequence;
    SendHi(e, c, to, true, false, HandoverInitiateCode::FORWARDING_COMPLETED);
    c.sequence = sequence; // the handover's own exchange keeps its number
    c.forwardingFrom = Ipv6Address();
}

void
FastHandoverMagExtension::SendFbu(BindingUpdateListEntry& e, HandoverContext& c, Ipv6Address to)
{
    c.forwardingFrom = to; // the FPMIPv6 paper, sec. 3.2: the FBU asks it to forward to us
    FastBindingUpdateHeader fbu;
    c.sequence = ++m_nextSequence;
    fbu.SetSequence(c.sequence);
    fbu.SetFlagA(true);
    fbu.SetLifetime(Seconds(4));
    MobilityOptions& o = fbu.GetOptions();
    IdentifyMn(e, o);
    m_mag->SendMessage(fbu, to);
}

void
FastHandoverMagExtension::SendFback(BindingUpdateListEntry& e, uint16_t sequence, Ipv6Address to)
{
    FastBindingAckHeader fback;
    fback.SetStatus(BindingAckStatus::ACCEPTED);
    fback.SetSequence(sequence);
    fback.SetLifetime(Seconds(4));
    MobilityOptions& o = fback.GetOptions();
    // With the HNP: the new MAG may not know it yet (its PBA is still on
    // the way) but must recognise the forwarded packets that follow.
    IdentifyMn(e, o);
    m_mag->SendMessage(fback, to);
}

BindingUpdateListEntry*
FastHandoverMagExtension::EntryOf(const MobilityOptions& o, std::string& mn, bool create)
{
    if (!o.mnIdentifier)
    {
        return nullptr;
    }
    mn = *o.mnIdentifier;
    return create ? m_mag->GetOrCreateEntry(mn) : m_mag->GetBindingUpdateList().Find(mn);
}

void
FastHandoverMagExtension::L2Control(std::string mn, L2Command cmd, Ipv6Address target)
{
    if (!m_l2Control.IsNull())
    {
        m_l2Control(mn, cmd, target);
    }
}

bool
FastHandoverMagExtension::HasContext(const BindingUpdateListEntry& e) const
{
    auto it = m_contexts.find(e.mnIdentifier);
    return it != m_contexts.end() &&
           (it->second.state == AWAITING_MN || it->second.state == REGISTERING ||
            it->second.state == CONNECTED);
}

uint64_t
FastHandoverMagExtension::GetBufferedCount() const
{
    return m_buffered;
}

uint64_t
FastHandoverMagExtension::GetBufferDropCount() const
{
    return m_bufferDrops;
}

uint64_t
FastHandoverMagExtension::GetForwardedCount() const
{
    return m_forwarded;
}

uint64_t
FastHandoverMagExtension::GetRefusedCount() const
{
    return m_refused;
}

void
FastHandoverMagExtension::DoDispose()
{
    for (auto& [mn, c] : m_contexts)
    {
        Simulator::Cancel(c.timer);
    }
    m_contexts.clear();
    m_l2Control = L2ControlCallback();
    MagExtension::DoDispose();
}

} // namespace ns3
