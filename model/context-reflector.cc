// SPDX-License-Identifier: GPL-2.0-only
#include "context-reflector.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ContextReflector");
NS_OBJECT_ENSURE_REGISTERED(ContextReflectorLmaExtension);
NS_OBJECT_ENSURE_REGISTERED(ContextReflectorMagExtension);

namespace
{
/// Most data octets of one Experimental Mobility Option (Length 255 - 2).
constexpr uint32_t kMaxOptionData = 253;

std::vector<uint8_t>
AddressBytes(Ipv6Address a)
{
    uint8_t buf[16];
    a.Serialize(buf);
    return std::vector<uint8_t>(buf, buf + 16);
}

/// The nMAG named by the Context Data options of \p subtype (:: if none).
Ipv6Address
NewMagOf(const MobilityOptions& o, uint8_t subtype)
{
    for (const auto& x : o.experimental)
    {
        if (x.subtype == subtype && x.featureProfileType == ContextFeature::NEW_MAG_ADDRESS &&
            x.data.size() == 16)
        {
            return Ipv6Address::Deserialize(x.data.data());
        }
    }
    return Ipv6Address::GetAny();
}
} // namespace

// ------------------------------------------------------------------------ LMA

TypeId
ContextReflectorLmaExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ContextReflectorLmaExtension")
            .SetParent<LmaExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<ContextReflectorLmaExtension>()
            .AddAttribute("MessageSubtype",
                          "Subtype of the Context Reflection message in the Experimental "
                          "Mobility Header (RFC 5096; no value is assigned)",
                          UintegerValue(1),
                          MakeUintegerAccessor(&ContextReflectorLmaExtension::m_messageSubtype),
                          MakeUintegerChecker<uint8_t>())
            .AddAttribute("OptionSubtype",
                          "Subtype of the Context Data option in the Experimental Mobility "
                          "Option (RFC 5096; no value is assigned)",
                          UintegerValue(1),
                          MakeUintegerAccessor(&ContextReflectorLmaExtension::m_optionSubtype),
                          MakeUintegerChecker<uint8_t>())
            .AddAttribute("ContextLifetime",
                          "Lifetime of a Context Cache Entry and of the reflected context",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&ContextReflectorLmaExtension::m_lifetime),
                          MakeTimeChecker(MilliSeconds(1), MilliSeconds(65535)))
            .AddAttribute("Downlink",
                          "While the CCE lives: buffer the MN's downlink at the LMA, or "
                          "forward it to the nMAG at once (sec. 3.4)",
                          EnumValue(BUFFER),
                          MakeEnumAccessor(&ContextReflectorLmaExtension::m_downlink),
                          MakeEnumChecker(BUFFER, "Buffer", FORWARD, "Forward"))
            .AddAttribute("BufferPackets",
                          "Most downlink packets buffered for one MN (more are dropped, traced)",
                          UintegerValue(10000),
                          MakeUintegerAccessor(&ContextReflectorLmaExtension::m_bufferPackets),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("Revocation",
                          "Revoke the pMAG's state with a BRI once the nMAG registered (the "
                          "paper calls it optional)",
                          BooleanValue(true),
                          MakeBooleanAccessor(&ContextReflectorLmaExtension::m_revoke),
                          MakeBooleanChecker())
            .AddTraceSource("Cce",
                            "A Context Cache Entry was created, or removed (registered, "
                            "wrong-prediction, expired, deleted)",
                            MakeTraceSourceAccessor(&ContextReflectorLmaExtension::m_cceTrace),
                            "ns3::ContextReflectorLmaExtension::CceTracedCallback")
            .AddTraceSource("ReflectionSent",
                            "A Context Reflection message was sent to the nMAG",
                            MakeTraceSourceAccessor(
                                &ContextReflectorLmaExtension::m_reflectionTrace),
                            "ns3::ContextReflectorLmaExtension::ReflectionTracedCallback")
            .AddTraceSource("Buffered",
                            "A downlink packet was buffered in a CCE",
                            MakeTraceSourceAccessor(&ContextReflectorLmaExtension::m_bufferTrace),
                            "ns3::ContextReflectorLmaExtension::PacketTracedCallback")
            .AddTraceSource("BufferDrop",
                            "A downlink packet was dropped: buffer full, or still buffered when "
                            "the CCE ended without a MAG to send it to",
                            MakeTraceSourceAccessor(
                                &ContextReflectorLmaExtension::m_bufferDropTrace),
                            "ns3::ContextReflectorLmaExtension::PacketTracedCallback");
    return tid;
}

void
ContextReflectorLmaExtension::NotifyDeregistered(BindingCacheEntry& e,
                                                 const BindingUpdateHeader& pbu)
{
    if (!pbu.GetFlagC())
    {
        return; // a plain de-registration
    }
    Ipv6Address nMag = NewMagOf(pbu.GetOptions(), m_optionSubtype);
    if (nMag.IsAny() || !m_lma->IsTrustedMag(nMag) || nMag == e.proxyCoa)
    {
        NS_LOG_WARN("LMA: context of " << e.mnIdentifier << " names no usable nMAG (" << nMag
                                       << "); plain de-registration");
        return;
    }
    Cce& c = m_cces[e.mnIdentifier];
    Simulator::Cancel(c.expiry);
    c.pMag = e.proxyCoa;
    c.nMag = nMag;
    c.sequence = pbu.GetSequence();
    c.expiry = Simulator::Schedule(m_lifetime,
                                   &ContextReflectorLmaExtension::Expire,
                                   this,
                                   e.mnIdentifier);
    // Sec. 3.4: both MAGs are Proxy-CoAs of the CCE for the MN's uplink.
    m_lma->AllowUplink(e, c.pMag, m_lifetime);
    m_lma->AllowUplink(e, c.nMag, m_lifetime);
    NS_LOG_INFO("LMA: CCE for " << e.mnIdentifier << " pMAG " << c.pMag << " nMAG " << c.nMag);
    m_cceTrace(e.mnIdentifier, c.pMag, c.nMag, "created");
    SendReflection(e, pbu, c);
}

void
ContextReflectorLmaExtension::SendReflection(BindingCacheEntry& e,
                                             const BindingUpdateHeader& pbu,
                                             const Cce& c)
{
    // Sec. 3.5.1: Lifetime, the PBU's Sequence Number, the context.
    ExperimentalMobilityHeader cr;
    cr.SetSubtype(m_messageSubtype);
    cr.SetSequence(c.sequence);
    cr.SetLifetime(m_lifetime);
    MobilityOptions& o = cr.GetOptions();
    o.mnIdentifier = e.mnIdentifier;
    o.homeNetworkPrefixes = {e.homeNetworkPrefix};
    if (!e.mnLinkLayerId.empty())
    {
        o.mnLinkLayerId = e.mnLinkLayerId;
    }
    for (const auto& x : pbu.GetOptions().experimental)
    {
        if (x.subtype == m_optionSubtype)
        {
            o.experimental.push_back(x);
        }
    }
    uint32_t bytes = m_lma->SendMessage(cr, c.nMag);
    m_reflectionTrace(e.mnIdentifier, c.nMag, c.sequence, bytes);
}

bool
ContextReflectorLmaExtension::HandleDownlink(BindingCacheEntry& e,
                                             Ptr<const Packet> p,
                                             const Ipv6Header& h)
{
    auto it = m_cces.find(e.mnIdentifier);
    if (it == m_cces.end())
    {
        return false;
    }
    Cce& c = it->second;
    if (m_downlink == FORWARD)
    {
        m_lma->GetTunnel()->Encapsulate(p, h, m_lma->GetAddress(), c.nMag);
        return true;
    }
    if (c.buffer.size() >= m_bufferPackets)
    {
        m_bufferDrops++;
        m_bufferDropTrace(p, e.mnIdentifier);
        return true;
    }
    c.buffer.emplace_back(p->Copy(), h);
    m_buffered++;
    m_bufferTrace(p, e.mnIdentifier);
    return true;
}

void
ContextReflectorLmaExtension::NotifyRegistered(BindingCacheEntry& e, Ipv6Address oldProxyCoa)
{
    auto it = m_cces.find(e.mnIdentifier);
    if (it == m_cces.end())
    {
        return;
    }
    Ipv6Address pMag = it->second.pMag;
    Ipv6Address nMag = it->second.nMag;
    bool predicted = e.proxyCoa == nMag;
    // Sec. 3.3: the PBU overwrites the CCE with the Proxy BCE; what was
    // buffered goes to the MAG now registered (before its PBA).
    Remove(e, e.proxyCoa, predicted ? "registered" : "wrong-prediction");
    if (m_revoke && pMag != e.proxyCoa)
    {
        Simulator::ScheduleNow(&ContextReflectorLmaExtension::Revoke,
                               this,
                               e.mnIdentifier,
                               pMag,
                               RevocationTrigger::INTER_MAG_HANDOVER_SAME_ACCESS_TYPE);
    }
    if (!predicted)
    {
        // The context reflected to the predicted nMAG is of no use there.
        Simulator::ScheduleNow(&ContextReflectorLmaExtension::Revoke,
                               this,
                               e.mnIdentifier,
                               nMag,
                               RevocationTrigger::INTER_MAG_HANDOVER_UNKNOWN);
    }
}

void
ContextReflectorLmaExtension::Revoke(std::string mnId, Ipv6Address mag, uint8_t trigger)
{
    if (BindingCacheEntry* e = m_lma->GetBindingCache().Find(mnId))
    {
        m_lma->RevokeBinding(*e, mag, trigger);
    }
}

void
ContextReflectorLmaExtension::NotifyDeleted(BindingCacheEntry& e)
{
    if (m_cces.count(e.mnIdentifier))
    {
        Remove(e, Ipv6Address::GetAny(), "deleted");
    }
}

void
ContextReflectorLmaExtension::Expire(std::string mnId)
{
    BindingCacheEntry* e = m_lma->GetBindingCache().Find(mnId);
    if (!e)
    {
        m_cces.erase(mnId);
        return;
    }
    NS_LOG_INFO("LMA: CCE of " << mnId << " expired");
    Remove(*e, Ipv6Address::GetAny(), "expired");
}

void
ContextReflectorLmaExtension::Remove(BindingCacheEntry& e,
                                     Ipv6Address flushTo,
                                     const std::string& event)
{
    auto it = m_cces.find(e.mnIdentifier);
    if (it == m_cces.end())
    {
        return;
    }
    Cce c = std::move(it->second);
    m_cces.erase(it);
    Simulator::Cancel(c.expiry);
    for (Ipv6Address mag : {c.pMag, c.nMag})
    {
        if (mag != e.proxyCoa || e.state != BindingCacheEntry::REGISTERED)
        {
            m_lma->RevokeUplink(e, mag);
        }
    }
    for (auto& [p, h] : c.buffer)
    {
        if (flushTo.IsAny())
        {
            m_bufferDrops++;
            m_bufferDropTrace(p, e.mnIdentifier);
        }
        else
        {
            m_lma->GetTunnel()->Encapsulate(p, h, m_lma->GetAddress(), flushTo);
        }
    }
    m_cceTrace(e.mnIdentifier, c.pMag, c.nMag, event);
}

bool
ContextReflectorLmaExtension::HasCce(const std::string& mnId,
                                     Ipv6Address* pMag,
                                     Ipv6Address* nMag) const
{
    auto it = m_cces.find(mnId);
    if (it == m_cces.end())
    {
        return false;
    }
    if (pMag)
    {
        *pMag = it->second.pMag;
    }
    if (nMag)
    {
        *nMag = it->second.nMag;
    }
    return true;
}

uint64_t
ContextReflectorLmaExtension::GetBufferedCount() const
{
    return m_buffered;
}

uint64_t
ContextReflectorLmaExtension::GetBufferDropCount() const
{
    return m_bufferDrops;
}

void
ContextReflectorLmaExtension::DoDispose()
{
    for (auto& [mnId, c] : m_cces)
    {
        Simulator::Cancel(c.expiry);
    }
    m_cces.clear();
    LmaExtension::DoDispose();
}

// ------------------------------------------------------------------------ MAG

TypeId
ContextReflectorMagExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ContextReflectorMagExtension")
            .SetParent<MagExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<ContextReflectorMagExtension>()
            .AddAttribute("MessageSubtype",
                          "Subtype of the Context Reflection message (as the LMA's)",
                          UintegerValue(1),
                          MakeUintegerAccessor(&ContextReflectorMagExtension::m_messageSubtype),
                          MakeUintegerChecker<uint8_t>())
            .AddAttribute("OptionSubtype",
                          "Subtype of the Context Data option (as the LMA's)",
                          UintegerValue(1),
                          MakeUintegerAccessor(&ContextReflectorMagExtension::m_optionSubtype),
                          MakeUintegerChecker<uint8_t>())
            .AddAttribute("ContextSize",
                          "Octets of opaque ROHC and QoS state in the context (half each; "
                          "the paper's Fig. 14 measured a 64-octet context)",
                          UintegerValue(64),
                          MakeUintegerAccessor(&ContextReflectorMagExtension::m_contextSize),
                          MakeUintegerChecker<uint32_t>(0, 1500))
            .AddAttribute("BufferPackets",
                          "Most downlink packets the nMAG holds for a MN not yet attached",
                          UintegerValue(10000),
                          MakeUintegerAccessor(&ContextReflectorMagExtension::m_bufferPackets),
                          MakeUintegerChecker<uint32_t>(1))
            .AddTraceSource("Context",
                            "A MN's context: predicted, sent (in the de-registration PBU), "
                            "reflection-received, registered, expired, revoked",
                            MakeTraceSourceAccessor(&ContextReflectorMagExtension::m_contextTrace),
                            "ns3::ContextReflectorMagExtension::ContextTracedCallback")
            .AddTraceSource("Buffered",
                            "A downlink packet sent ahead by the LMA was held for the MN",
                            MakeTraceSourceAccessor(&ContextReflectorMagExtension::m_bufferTrace),
                            "ns3::ContextReflectorMagExtension::PacketTracedCallback")
            .AddTraceSource("BufferDrop",
                            "A held packet was dropped: buffer full, or the context ended "
                            "before the MN came",
                            MakeTraceSourceAccessor(
                                &ContextReflectorMagExtension::m_bufferDropTrace),
                            "ns3::ContextReflectorMagExtension::PacketTracedCallback");
    return tid;
}

void
ContextReflectorMagExtension::Install(Ptr<Pmipv6Mag> mag)
{
    MagExtension::Install(mag);
    ExperimentalMobilityHeader::SetSubtypeName(m_messageSubtype, "CR");
    mag->RegisterHandler(static_cast<uint8_t>(MhType::Experimental),
                         MakeCallback(&ContextReflectorMagExtension::RecvReflection, this));
}

void
ContextReflectorMagExtension::PredictHandover(const std::string& mn, Ipv6Address newMag)
{
    BindingUpdateListEntry* e = m_mag->GetBindingUpdateList().Find(mn);
    if (!e || !e->attached || newMag == m_mag->GetAddress())
    {
        NS_LOG_WARN("MAG " << m_mag->GetAddress() << ": prediction for " << mn << " ignored");
        return;
    }
    m_contexts[mn].predictedMag = newMag;
    m_contexts[mn].mnId = e->mnIdentifier;
    m_contextTrace(e->mnIdentifier, "predicted");
}

void
ContextReflectorMagExtension::DecoratePbu(BindingUpdateListEntry& e, BindingUpdateHeader& pbu)
{
    auto it = m_contexts.find(e.mnIdentifier);
    if (pbu.GetLifetimeUnits() != 0 || it == m_contexts.end() || it->second.predictedMag.IsAny())
    {
        return;
    }
    // Sec. 3.3 / 3.5.2: the context flag and the MN's context. MN-ID and HNP
    // are the PBU's own options.
    pbu.SetFlagC(true);
    auto& x = pbu.GetOptions().experimental;
    x.push_back(
        {m_optionSubtype, ContextFeature::NEW_MAG_ADDRESS, AddressBytes(it->second.predictedMag)});
    std::vector<uint8_t> aaa = AddressBytes(e.lmaAddress);
    aaa.insert(aaa.end(), e.mnIdentifier.begin(), e.mnIdentifier.end());
    aaa.resize(std::min<size_t>(aaa.size(), kMaxOptionData));
    x.push_back({m_optionSubtype, ContextFeature::AAA_STATE, aaa});
    // Opaque ROHC and QoS state (their content is not modelled, their size is).
    uint32_t rohc = (m_contextSize + 1) / 2;
    for (auto [type, size] : {std::make_pair(ContextFeature::ROHC, rohc),
                              std::make_pair(ContextFeature::QOS, m_contextSize - rohc)})
    {
        for (uint32_t done = 0; done < size; done += kMaxOptionData)
        {
            uint32_t n = std::min(kMaxOptionData, size - done);
            x.push_back({m_optionSubtype, type, std::vector<uint8_t>(n, 0xc0)});
        }
    }
    m_contextTrace(e.mnIdentifier, "sent");
}

void
ContextReflectorMagExtension::RecvReflection(Ptr<Packet> p, const Ipv6Header& ip)
{
    ExperimentalMobilityHeader cr;
    if (!m_mag->GetMobilityProtocol()->Parse(p, ip, cr))
    {
        return;
    }
    const MobilityOptions& o = cr.GetOptions();
    std::string mn = o.mnIdentifier.value_or("");
    BindingUpdateListEntry* e = mn.empty() ? nullptr : m_mag->GetOrCreateEntry(mn);
    if (cr.GetSubtype() != m_messageSubtype || !e || e->lmaAddress != ip.GetSource() ||
        o.homeNetworkPrefixes.empty())
    {
        // Not ours, no MN we have a policy for, or not from its LMA.
        m_mag->GetMobilityProtocol()->Drop(p, ip.GetSource(), MobilityL4Protocol::DROP_UNEXPECTED);
        if (e && e->state == BindingUpdateListEntry::IDLE && !e->attached && !m_contexts.count(mn))
        {
            m_mag->RemoveEntry(*e);
        }
        return;
    }
    if (e->homeNetworkPrefix.prefix.IsAny())
    {
        m_mag->GetBindingUpdateList().SetPrefix(*e, o.homeNetworkPrefixes.front());
    }
    MnContext& c = m_contexts[mn];
    Simulator::Cancel(c.expiry);
    if (!c.reflected)
    {
        // Downlink the LMA sends ahead comes through our tunnel to it.
        m_mag->GetTunnel()->AddEndpoint(ip.GetSource());
    }
    c.reflected = true;
    c.mnId = e->mnIdentifier;
    c.lma = ip.GetSource();
    c.expiry =
        Simulator::Schedule(cr.GetLifetime(), &ContextReflectorMagExtension::Expire, this, mn);
    NS_LOG_INFO("MAG " << m_mag->GetAddress() << ": context of " << e->mnIdentifier
                       << " reflected (seq " << cr.GetSequence() << ", "
                       << cr.GetLifetime().As(Time::MS) << ")");
    m_contextTrace(e->mnIdentifier, "reflection-received");
}

bool
ContextReflectorMagExtension::HasContext(const std::string& mn) const
{
    auto it = m_contexts.find(mn);
    return it != m_contexts.end() && it->second.reflected;
}

bool
ContextReflectorMagExtension::HasContext(const BindingUpdateListEntry& e) const
{
    return HasContext(e.mnIdentifier);
}

bool
ContextReflectorMagExtension::HandleUndeliverable(BindingUpdateListEntry& e,
                                                  Ptr<const Packet> p,
                                                  const Ipv6Header& header)
{
    auto it = m_contexts.find(e.mnIdentifier);
    if (it == m_contexts.end() || !it->second.reflected)
    {
        return false;
    }
    if (it->second.buffer.size() >= m_bufferPackets)
    {
        m_bufferDrops++;
        m_bufferDropTrace(p, e.mnIdentifier);
        return true;
    }
    it->second.buffer.emplace_back(p->Copy(), header);
    m_buffered++;
    m_bufferTrace(p, e.mnIdentifier);
    return true;
}

void
ContextReflectorMagExtension::NotifyAttach(BindingUpdateListEntry& e)
{
    auto it = m_contexts.find(e.mnIdentifier);
    if (it == m_contexts.end())
    {
        return;
    }
    it->second.predictedMag = Ipv6Address::GetAny(); // a new stay here
    while (!it->second.buffer.empty())
    {
        auto [p, h] = it->second.buffer.front();
        it->second.buffer.pop_front();
        m_mag->Deliver(e, p, h);
    }
    if (!it->second.reflected)
    {
        m_contexts.erase(it);
    }
}

bool
ContextReflectorMagExtension::HandleUplink(BindingUpdateListEntry& e,
                                           Ptr<const Packet> p,
                                           const Ipv6Header& header)
{
    auto it = m_contexts.find(e.mnIdentifier);
    if (it == m_contexts.end())
    {
        return false;
    }
    // Sec. 3.4 (Fig. 7 (a), (b)): the late uplink at the pMAG and the early
    // uplink at the nMAG both go to the LMA, which admits them from the CCE.
    m_mag->GetTunnel()->Encapsulate(p, header, m_mag->GetAddress(), e.lmaAddress);
    return true;
}

void
ContextReflectorMagExtension::NotifyRegistered(BindingUpdateListEntry& e)
{
    if (HasContext(e.mnIdentifier))
    {
        End(e.mnIdentifier, "registered");
    }
}

bool
ContextReflectorMagExtension::NotifyRevoked(const std::string& mn, BindingUpdateListEntry* e)
{
    auto it = m_contexts.find(mn);
    if (it == m_contexts.end())
    {
        return false;
    }
    // Sec. 3.3 (7): the pMAG erases the MN's context cache; a predicted nMAG
    // that was not reached drops the reflected context.
    End(mn, "revoked");
    return true;
}

void
ContextReflectorMagExtension::Expire(std::string mn)
{
    BindingUpdateListEntry* e = m_mag->GetBindingUpdateList().Find(mn);
    End(mn, "expired");
    if (e && !e->attached && e->state == BindingUpdateListEntry::IDLE)
    {
        m_mag->RemoveEntry(*e);
    }
}

void
ContextReflectorMagExtension::End(const std::string& mnId, const std::string& event)
{
    auto it = m_contexts.find(mnId);
    if (it == m_contexts.end())
    {
        return;
    }
    MnContext c = std::move(it->second);
    m_contexts.erase(it);
    const std::string& id = mnId;
    Simulator::Cancel(c.expiry);
    if (c.reflected)
    {
        m_mag->GetTunnel()->RemoveEndpoint(c.lma);
    }
    for (auto& [p, h] : c.buffer)
    {
        m_bufferDrops++;
        m_bufferDropTrace(p, id);
    }
    NS_LOG_INFO("MAG " << m_mag->GetAddress() << ": context of " << id << " " << event);
    m_contextTrace(id, event);
}

uint64_t
ContextReflectorMagExtension::GetBufferedCount() const
{
    return m_buffered;
}

uint64_t
ContextReflectorMagExtension::GetBufferDropCount() const
{
    return m_bufferDrops;
}

void
ContextReflectorMagExtension::DoDispose()
{
    for (auto& [mn, c] : m_contexts)
    {
        Simulator::Cancel(c.expiry);
    }
    m_contexts.clear();
    MagExtension::DoDispose();
}

} // namespace ns3
