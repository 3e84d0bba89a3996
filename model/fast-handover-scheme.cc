// SPDX-License-Identifier: GPL-2.0-only
#include "fast-handover-scheme.h"

#include "context-reflector.h" // ContextFeature
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("FastHandoverScheme");
NS_OBJECT_ENSURE_REGISTERED(FastHandoverSchemeLmaExtension);
NS_OBJECT_ENSURE_REGISTERED(FastHandoverSchemeMagExtension);


/// Name the four messages' subtypes for logs and charts.
static void
NameSubtypes(uint8_t fastPbu, uint8_t fastPba, uint8_t reversePbu, uint8_t reversePba)
{
    ExperimentalMobilityHeader::SetSubtypeName(fastPbu, "Fast PBU");
    ExperimentalMobilityHeader::SetSubtypeName(fastPba, "Fast PBA");
    ExperimentalMobilityHeader::SetSubtypeName(reversePbu, "Reverse PBU");
    ExperimentalMobilityHeader::SetSubtypeName(reversePba, "Reverse PBA");
}

/// The attributes and the message trace both extensions have.
template <class T>
TypeId
AddFastHandoverSchemeAttributes(TypeId tid)
{
    return tid
        .AddAttribute("FastPbuSubtype",
                      "Experimental Mobility Header subtype of the Fast PBU",
                      UintegerValue(FastHandoverSchemeSubtype::FAST_PBU),
                      MakeUintegerAccessor(&T::m_fastPbu),
                      MakeUintegerChecker<uint8_t>())
        .AddAttribute("FastPbaSubtype",
                      "Experimental Mobility Header subtype of the Fast PBA",
                      UintegerValue(FastHandoverSchemeSubtype::FAST_PBA),
                      MakeUintegerAccessor(&T::m_fastPba),
                      MakeUintegerChecker<uint8_t>())
        .AddAttribute("ReversePbuSubtype",
                      "Experimental Mobility Header subtype of the Reverse PBU",
                      UintegerValue(FastHandoverSchemeSubtype::REVERSE_PBU),
                      MakeUintegerAccessor(&T::m_reversePbu),
                      MakeUintegerChecker<uint8_t>())
        .AddAttribute("ReversePbaSubtype",
                      "Experimental Mobility Header subtype of the Reverse PBA",
                      UintegerValue(FastHandoverSchemeSubtype::REVERSE_PBA),
                      MakeUintegerAccessor(&T::m_reversePba),
                      MakeUintegerChecker<uint8_t>())
        .AddAttribute("OptionSubtype",
                      "Experimental Mobility Option subtype of the nMAG address option",
                      UintegerValue(1),
                      MakeUintegerAccessor(&T::m_optionSubtype),
                      MakeUintegerChecker<uint8_t>())
        .AddAttribute("ContextLifetime",
                      "LMA: how long a move is remembered (to detect a wrong prediction); "
                      "nMAG: how long it holds the MN's downlink waiting for it",
                      TimeValue(Seconds(1)),
                      MakeTimeAccessor(&T::m_lifetime),
                      MakeTimeChecker(MilliSeconds(1)))
        .AddTraceSource("Message",
                        "A Fast PBU, Fast PBA, Reverse PBU or Reverse PBA was sent or received",
                        MakeTraceSourceAccessor(&T::m_messageTrace),
                        "ns3::FastHandoverSchemeLmaExtension::MessageTracedCallback");
}

// ------------------------------------------------------------------------ LMA

TypeId
FastHandoverSchemeLmaExtension::GetTypeId()
{
    static TypeId tid =
        AddFastHandoverSchemeAttributes<FastHandoverSchemeLmaExtension>(
            TypeId("ns3::FastHandoverSchemeLmaExtension")
                .SetParent<LmaExtension>()
                .SetGroupName("Pmipv6")
                .AddConstructor<FastHandoverSchemeLmaExtension>())
            .AddAttribute("SwitchOn",
                          "When the LMA moves the binding to the nMAG: on the Fast PBU (sec. "
                          "4.3.2) or on the Reverse PBA",
                          EnumValue(ON_FAST_PBU),
                          MakeEnumAccessor(&FastHandoverSchemeLmaExtension::m_switchOn),
                          MakeEnumChecker(ON_FAST_PBU, "FastPbu", ON_REVERSE_PBA, "ReversePba"));
    return tid;
}

void
FastHandoverSchemeLmaExtension::Install(Ptr<Pmipv6Lma> lma)
{
    LmaExtension::Install(lma);
    NameSubtypes(m_fastPbu, m_fastPba, m_reversePbu, m_reversePba);
    lma->RegisterHandler(static_cast<uint8_t>(MhType::Experimental),
                         MakeCallback(&FastHandoverSchemeLmaExtension::Receive, this));
}

void
FastHandoverSchemeLmaExtension::Send(ExperimentalMobilityHeader& m,
                                     Ipv6Address to,
                                     const std::string& name)
{
    m_messageTrace("sent",
                   name,
                   m.GetOptions().mnIdentifier.value_or(""),
                   to,
                   m.GetSequence(),
                   m.GetStatus());
    m_lma->SendMessage(m, to);
}

void
FastHandoverSchemeLmaExtension::Receive(Ptr<Packet> p, const Ipv6Header& ip)
{
    ExperimentalMobilityHeader m;
    if (!m_lma->GetMobilityProtocol()->Parse(p, ip, m))
    {
        return;
    }
    if (!m_lma->IsTrustedMag(ip.GetSource()))
    {
        m_lma->GetMobilityProtocol()->Drop(p,
                                           ip.GetSource(),
                                           MobilityL4Protocol::DROP_UNAUTHORIZED);
        return;
    }
    if (m.GetSubtype() == m_fastPbu)
    {
        RecvFastPbu(m, ip.GetSource());
    }
    else if (m.GetSubtype() == m_reversePba)
    {
        RecvReversePba(m, ip.GetSource());
    }
    else
    {
        m_lma->GetMobilityProtocol()->Drop(p, ip.GetSource(), MobilityL4Protocol::DROP_UNEXPECTED);
    }
}

void
FastHandoverSchemeLmaExtension::RecvFastPbu(const ExperimentalMobilityHeader& m, Ipv6Address from)
{
    const MobilityOptions& o = m.GetOptions();
    std::string mnId = o.mnIdentifier.value_or("");
    m_messageTrace("received", "FastPBU", mnId, from, m.GetSequence(), m.GetStatus());
    Ipv6Address nMag = Ipv6Address::GetAny();
    for (const auto& x : o.experimental)
    {
        if (x.subtype == m_optionSubtype &&
            x.featureProfileType == ContextFeature::NEW_MAG_ADDRESS && x.data.size() == 16)
        {
            nMag = Ipv6Address::Deserialize(x.data.data());
        }
    }
    BindingCacheEntry* e = m_lma->GetBindingCache().Find(mnId);
    uint8_t status = BindingAckStatus::ACCEPTED;
    if (!e || e->state != BindingCacheEntry::REGISTERED)
    {
        status = BindingAckStatus::NOT_LMA_FOR_THIS_MOBILE_NODE;
    }
    else if (e->proxyCoa != from)
    {
        // Only the MAG serving the MN may move it.
        status = BindingAckStatus::MAG_NOT_AUTHORIZED_FOR_PROXY_REG;
    }
    else if (nMag.IsAny() || nMag == from || !m_lma->IsTrustedMag(nMag))
    {
        status = BindingAckStatus::REASON_UNSPECIFIED;
    }
    ExperimentalMobilityHeader fpba;
    fpba.SetSubtype(m_fastPba);
    fpba.SetStatus(status);
    fpba.SetSequence(m.GetSequence());
    fpba.GetOptions().mnIdentifier = o.mnIdentifier;
    fpba.GetOptions().mnLinkLayerId = o.mnLinkLayerId;
    Send(fpba, from, "FastPBA");
    if (!BindingAckStatus::IsAccepted(status))
    {
        return;
    }
    Move& mv = m_moves[mnId];
    Simulator::Cancel(mv.expiry);
    mv.pMag = from;
    mv.nMag = nMag;
    mv.switched = false;
    mv.reverseSequence = ++m_sequence;
    mv.expiry =
        Simulator::Schedule(m_lifetime, &FastHandoverSchemeLmaExtension::Forget, this, mnId);
    // Fig. 11 (3): the MN's context to the nMAG.
    ExperimentalMobilityHeader rpbu;
    rpbu.SetSubtype(m_reversePbu);
    rpbu.SetSequence(mv.reverseSequence);
    rpbu.SetLifetime(e->lifetime - (Simulator::Now() - e->registeredAt));
    MobilityOptions& r = rpbu.GetOptions();
    r.mnIdentifier = e->mnIdentifier;
    r.homeNetworkPrefixes = {e->homeNetworkPrefix};
    r.mnLinkLayerId = o.mnLinkLayerId;
    Send(rpbu, nMag, "ReversePBU");
    if (m_switchOn == ON_FAST_PBU)
    {
        m_lma->MoveBinding(*e, nMag); // sec. 4.3.2: on the Fast PBU
        mv.switched = true;
    }
}

void
FastHandoverSchemeLmaExtension::RecvReversePba(const ExperimentalMobilityHeader& m,
                                               Ipv6Address from)
{
    std::string mnId = m.GetOptions().mnIdentifier.value_or("");
    m_messageTrace("received", "ReversePBA", mnId, from, m.GetSequence(), m.GetStatus());
    auto it = m_moves.find(mnId);
    BindingCacheEntry* e = m_lma->GetBindingCache().Find(mnId);
    if (it == m_moves.end() || !e || it->second.nMag != from ||
        it->second.reverseSequence != m.GetSequence())
    {
        return; // nothing pending for it (traced above)
    }
    if (!it->second.switched && BindingAckStatus::IsAccepted(m.GetStatus()) &&
        e->state == BindingCacheEntry::REGISTERED && e->proxyCoa == it->second.pMag)
    {
        m_lma->MoveBinding(*e, from);
        it->second.switched = true;
    }
}

void
FastHandoverSchemeLmaExtension::NotifyRegistered(BindingCacheEntry& e, Ipv6Address oldProxyCoa)
{
    auto it = m_moves.find(e.mnIdentifier);
    if (it == m_moves.end() || oldProxyCoa == e.proxyCoa)
    {
        return;
    }
    if (it->second.switched && oldProxyCoa == it->second.nMag)
    {
        // A wrong prediction: another MAG registered the MN; the nMAG's
        // adopted binding and buffer are revoked (after this PBA).
        Simulator::ScheduleNow(
            [lma = m_lma, mnId = e.mnIdentifier, nMag = it->second.nMag]()
            {
                if (BindingCacheEntry* b = lma->GetBindingCache().Find(mnId))
                {
                    lma->RevokeBinding(*b, nMag, RevocationTrigger::INTER_MAG_HANDOVER_UNKNOWN);
                }
            });
    }
    Simulator::Cancel(it->second.expiry);
    m_moves.erase(it);
}

void
FastHandoverSchemeLmaExtension::Forget(std::string mnId)
{
    m_moves.erase(mnId);
}

void
FastHandoverSchemeLmaExtension::DoDispose()
{
    for (auto& [mnId, mv] : m_moves)
    {
        Simulator::Cancel(mv.expiry);
    }
    m_moves.clear();
    LmaExtension::DoDispose();
}

// ------------------------------------------------------------------------ MAG

TypeId
FastHandoverSchemeMagExtension::GetTypeId()
{
    static TypeId tid =
        AddFastHandoverSchemeAttributes<FastHandoverSchemeMagExtension>(
            TypeId("ns3::FastHandoverSchemeMagExtension")
                .SetParent<MagExtension>()
                .SetGroupName("Pmipv6")
                .AddConstructor<FastHandoverSchemeMagExtension>())
            .AddAttribute("BufferPackets",
                          "Most downlink packets the nMAG holds for a MN not yet attached",
                          UintegerValue(10000),
                          MakeUintegerAccessor(&FastHandoverSchemeMagExtension::m_bufferPackets),
                          MakeUintegerChecker<uint32_t>(1))
            .AddTraceSource("Buffered",
                            "The nMAG held a downlink packet for the MN",
                            MakeTraceSourceAccessor(&FastHandoverSchemeMagExtension::m_bufferTrace),
                            "ns3::FastHandoverSchemeMagExtension::PacketTracedCallback")
            .AddTraceSource("BufferDrop",
                            "A held packet was dropped: buffer full, or the MN never came",
                            MakeTraceSourceAccessor(
                                &FastHandoverSchemeMagExtension::m_bufferDropTrace),
                            "ns3::FastHandoverSchemeMagExtension::PacketTracedCallback");
    return tid;
}

void
FastHandoverSchemeMagExtension::Install(Ptr<Pmipv6Mag> mag)
{
    MagExtension::Install(mag);
    NameSubtypes(m_fastPbu, m_fastPba, m_reversePbu, m_reversePba);
    mag->RegisterHandler(static_cast<uint8_t>(MhType::Experimental),
                         MakeCallback(&FastHandoverSchemeMagExtension::Receive, this));
}

void
FastHandoverSchemeMagExtension::Send(ExperimentalMobilityHeader& m,
                                     Ipv6Address to,
                                     const std::string& name,
                                     const std::string& mnId)
{
    m_messageTrace("sent", name, mnId, to, m.GetSequence(), m.GetStatus());
    m_mag->SendMessage(m, to);
}

void
FastHandoverSchemeMagExtension::PredictHandover(const std::string& mn, Ipv6Address newMag)
{
    BindingUpdateListEntry* e = m_mag->GetBindingUpdateList().Find(mn);
    if (!e || !e->attached || e->state != BindingUpdateListEntry::REGISTERED ||
        newMag == m_mag->GetAddress())
    {
        NS_LOG_WARN("MAG " << m_mag->GetAddress() << ": prediction for " << mn << " ignored");
        return;
    }
    // Fig. 11 (2): Fast PBU with the MN-ID and the nMAG's address.
    MnState& s = m_states[mn];
    s.fastSequence = ++m_sequence;
    ExperimentalMobilityHeader fpbu;
    fpbu.SetSubtype(m_fastPbu);
    fpbu.SetSequence(s.fastSequence);
    MobilityOptions& o = fpbu.GetOptions();
    o.mnIdentifier = e->mnIdentifier;
    uint8_t mac[Address::MAX_SIZE];
    uint32_t length = e->linkLayerId.CopyTo(mac);
    o.mnLinkLayerId = std::vector<uint8_t>(mac, mac + length);
    uint8_t addr[16];
    newMag.Serialize(addr);
    o.experimental = {
        {m_optionSubtype, ContextFeature::NEW_MAG_ADDRESS, std::vector<uint8_t>(addr, addr + 16)}};
    Send(fpbu, e->lmaAddress, "FastPBU", e->mnIdentifier);
}

void
FastHandoverSchemeMagExtension::Receive(Ptr<Packet> p, const Ipv6Header& ip)
{
    ExperimentalMobilityHeader m;
    if (!m_mag->GetMobilityProtocol()->Parse(p, ip, m))
    {
        return;
    }
    const MobilityOptions& o = m.GetOptions();
    std::string mnId = o.mnIdentifier.value_or("");
    const std::string& mn = mnId;
    const bool known = !mnId.empty();
    if (m.GetSubtype() == m_fastPba)
    {
        m_messageTrace("received", "FastPBA", mnId, ip.GetSource(), m.GetSequence(), m.GetStatus());
        BindingUpdateListEntry* e = known ? m_mag->GetBindingUpdateList().Find(mn) : nullptr;
        auto it = m_states.find(mn);
        if (!e || it == m_states.end() || e->lmaAddress != ip.GetSource() ||
            it->second.fastSequence != m.GetSequence())
        {
            m_mag->GetMobilityProtocol()->Drop(p,
                                               ip.GetSource(),
                                               MobilityL4Protocol::DROP_UNEXPECTED);
            return;
        }
        if (!BindingAckStatus::IsAccepted(m.GetStatus()))
        {
            m_states.erase(it); // refused: plain PMIPv6 from here
            return;
        }
        it->second.moved = true;
        m_mag->MarkBindingMoved(*e); // the LMA sends the downlink to the nMAG now
        return;
    }
    if (m.GetSubtype() == m_reversePbu)
    {
        m_messageTrace("received",
                       "ReversePBU",
                       mnId,
                       ip.GetSource(),
                       m.GetSequence(),
                       m.GetStatus());
        BindingUpdateListEntry* e = known ? m_mag->GetOrCreateEntry(mn) : nullptr;
        uint8_t status = BindingAckStatus::ACCEPTED;
        if (!e || e->lmaAddress != ip.GetSource() || o.homeNetworkPrefixes.empty())
        {
            status = BindingAckStatus::REASON_UNSPECIFIED;
        }
        else
        {
            MnState& s = m_states[mn];
            s.context = true;
            Simulator::Cancel(s.expiry);
            s.expiry =
                Simulator::Schedule(m_lifetime, &FastHandoverSchemeMagExtension::Expire, this, mn);
            m_mag->AdoptBinding(*e, o.homeNetworkPrefixes.front(), m.GetLifetime());
        }
        ExperimentalMobilityHeader rpba;
        rpba.SetSubtype(m_reversePba);
        rpba.SetStatus(status);
        rpba.SetSequence(m.GetSequence());
        rpba.GetOptions().mnIdentifier = o.mnIdentifier;
        rpba.GetOptions().mnLinkLayerId = o.mnLinkLayerId;
        Send(rpba, ip.GetSource(), "ReversePBA", mnId);
        return;
    }
    m_mag->GetMobilityProtocol()->Drop(p, ip.GetSource(), MobilityL4Protocol::DROP_UNEXPECTED);
}

bool
FastHandoverSchemeMagExtension::HasContext(const std::string& mn) const
{
    auto it = m_states.find(mn);
    return it != m_states.end() && it->second.context;
}

bool
FastHandoverSchemeMagExtension::HasContext(const BindingUpdateListEntry& e) const
{
    return HasContext(e.mnIdentifier);
}

bool
FastHandoverSchemeMagExtension::HandleUndeliverable(BindingUpdateListEntry& e,
                                                    Ptr<const Packet> p,
                                                    const Ipv6Header& header)
{
    auto it = m_states.find(e.mnIdentifier);
    if (it == m_states.end() || !it->second.context)
    {
        return false;
    }
    if (it->second.buffer.size() >= m_bufferPackets)
    {
        m_bufferDropTrace(p, e.mnIdentifier);
        return true;
    }
    it->second.buffer.emplace_back(p->Copy(), header);
    m_bufferTrace(p, e.mnIdentifier);
    return true;
}

void
FastHandoverSchemeMagExtension::NotifyAttach(BindingUpdateListEntry& e)
{
    auto it = m_states.find(e.mnIdentifier);
    if (it == m_states.end())
    {
        return;
    }
    MnState s = std::move(it->second);
    m_states.erase(it);
    Simulator::Cancel(s.expiry);
    for (auto& [p, h] : s.buffer)
    {
        m_mag->Deliver(e, p, h);
    }
}

bool
FastHandoverSchemeMagExtension::NotifyDetach(BindingUpdateListEntry& e)
{
    // The pMAG of a moved binding: no de-registration (the binding is the
    // nMAG's); the core forgets the IDLE entry.
    m_states.erase(e.mnIdentifier);
    return false;
}

bool
FastHandoverSchemeMagExtension::HandleUplink(BindingUpdateListEntry& e,
                                             Ptr<const Packet> p,
                                             const Ipv6Header& header)
{
    auto it = m_states.find(e.mnIdentifier);
    if (it == m_states.end() || !it->second.moved)
    {
        return false;
    }
    // Sec. 4.3.2: the pMAG still sends the MN's uplink to the LMA, which
    // no longer admits it from here.
    m_mag->GetTunnel()->Encapsulate(p, header, m_mag->GetAddress(), e.lmaAddress);
    return true;
}

bool
FastHandoverSchemeMagExtension::NotifyRevoked(const std::string& mn, BindingUpdateListEntry* e)
{
    auto it = m_states.find(mn);
    if (it == m_states.end())
    {
        return false;
    }
    Simulator::Cancel(it->second.expiry);
    DropBuffer(it->second, e ? e->mnIdentifier : "");
    m_states.erase(it);
    return true;
}

void
FastHandoverSchemeMagExtension::Expire(std::string mn)
{
    auto it = m_states.find(mn);
    if (it == m_states.end())
    {
        return;
    }
    BindingUpdateListEntry* e = m_mag->GetBindingUpdateList().Find(mn);
    DropBuffer(it->second, e ? e->mnIdentifier : "");
    m_states.erase(it);
    if (e && !e->attached)
    {
        m_mag->Release(*e); // the MN never came: de-register it here
    }
}

void
FastHandoverSchemeMagExtension::DropBuffer(MnState& s, const std::string& mnId)
{
    for (auto& [p, h] : s.buffer)
    {
        m_bufferDropTrace(p, mnId);
    }
    s.buffer.clear();
}

void
FastHandoverSchemeMagExtension::DoDispose()
{
    for (auto& [mn, s] : m_states)
    {
        Simulator::Cancel(s.expiry);
    }
    m_states.clear();
    MagExtension::DoDispose();
}

} // namespace ns3
