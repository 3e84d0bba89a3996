// SPDX-License-Identifier: GPL-2.0-only
#include "pmipv6-lma.h"

#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

#include <cmath>

namespace ns3
{

namespace
{
/// Every MN gets a /64 (RFC 5213 sec. 2.2: a prefix dedicated to the MN).
constexpr uint8_t kHomeNetworkPrefixLength = 64;
} // namespace

NS_LOG_COMPONENT_DEFINE("Pmipv6Lma");
NS_OBJECT_ENSURE_REGISTERED(LmaExtension);
NS_OBJECT_ENSURE_REGISTERED(Pmipv6Lma);

// ---------------------------------------------------------------- LmaExtension

TypeId
LmaExtension::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LmaExtension")
                            .SetParent<Object>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<LmaExtension>();
    return tid;
}

void
LmaExtension::Install(Ptr<Pmipv6Lma> lma)
{
    m_lma = lma;
}

void
LmaExtension::NotifyDeregistered(BindingCacheEntry& e, const BindingUpdateHeader& pbu)
{
}

void
LmaExtension::NotifyRegistered(BindingCacheEntry& e, Ipv6Address oldProxyCoa)
{
}

bool
LmaExtension::HandleDownlink(BindingCacheEntry& e, Ptr<const Packet> p, const Ipv6Header& header)
{
    return false;
}

void
LmaExtension::NotifyDeleted(BindingCacheEntry& e)
{
}

void
LmaExtension::DoDispose()
{
    m_lma = nullptr;
    Object::DoDispose();
}

// ------------------------------------------------------------------- Pmipv6Lma

TypeId
Pmipv6Lma::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Pmipv6Lma")
            .SetParent<MobilityAgent>()
            .SetGroupName("Pmipv6")
            .AddConstructor<Pmipv6Lma>()
            .AddAttribute("PrefixPoolBase",
                          "Home network prefixes are /64s numbered into bits 32..63 of this "
                          "/32 (avoid 2001:db8::/32: ns-3 does not forward documentation "
                          "addresses)",
                          Ipv6AddressValue("2001:100::"),
                          MakeIpv6AddressAccessor(&Pmipv6Lma::m_prefixPoolBase),
                          MakeIpv6AddressChecker())
            .AddAttribute("MinDelayBeforeBCEDelete",
                          "RFC 5213 sec. 9.1: how long a de-registered binding is kept",
                          TimeValue(MilliSeconds(10000)),
                          MakeTimeAccessor(&Pmipv6Lma::m_minDelayBeforeBceDelete),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("MaxBindingLifetime",
                          "Longest lifetime granted to a binding",
                          TimeValue(Seconds(3600)),
                          MakeTimeAccessor(&Pmipv6Lma::m_maxBindingLifetime),
                          MakeTimeChecker(Seconds(4)))
            .AddAttribute("TimestampValidityWindow",
                          "RFC 5213 sec. 9.1: largest accepted difference between a PBU's "
                          "timestamp and the LMA's clock",
                          TimeValue(MilliSeconds(300)),
                          MakeTimeAccessor(&Pmipv6Lma::m_timestampValidityWindow),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("PbuProcessingDelay",
                          "Processing from a PBU's arrival to the binding and the PBA (the "
                          "Context Reflector paper, sec. 5.2; 0: none)",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&Pmipv6Lma::m_pbuProcessing),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("Extension",
                          "The scheme's LMA behaviour (an LmaExtension); none: plain PMIPv6",
                          PointerValue(),
                          MakePointerAccessor(&Pmipv6Lma::m_extension),
                          MakePointerChecker<LmaExtension>())
            .AddAttribute("MaxDelayBeforeNewBCEAssign",
                          "RFC 5213 sec. 5.4.1 / 9.1: how long a registration with Handoff "
                          "Indicator 4 (unknown) for a MN registered elsewhere waits for the "
                          "previous MAG's de-registration before it becomes a new mobility "
                          "session",
                          TimeValue(MilliSeconds(1500)),
                          MakeTimeAccessor(&Pmipv6Lma::m_maxDelayBeforeNewBceAssign),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("PbuReceived",
                            "A Proxy Binding Update arrived (before validation)",
                            MakeTraceSourceAccessor(&Pmipv6Lma::m_pbuRxTrace),
                            "ns3::Pmipv6Lma::PbuTracedCallback")
            .AddTraceSource("PbaSent",
                            "A Proxy Binding Acknowledgement was sent",
                            MakeTraceSourceAccessor(&Pmipv6Lma::m_pbaTxTrace),
                            "ns3::Pmipv6Lma::PbaTracedCallback")
            .AddTraceSource("Binding",
                            "A binding was created, moved (handover), refreshed, "
                            "de-registered, deleted or expired",
                            MakeTraceSourceAccessor(&Pmipv6Lma::m_bindingTrace),
                            "ns3::Pmipv6Lma::BindingTracedCallback")
            .AddTraceSource("DataDrop",
                            "A data packet of a mobile node was dropped",
                            MakeTraceSourceAccessor(&Pmipv6Lma::m_dataDropTrace),
                            "ns3::Pmipv6Lma::DataDropTracedCallback")
            .AddTraceSource("UplinkAllowance",
                            "An extension allowed (until > now) or revoked (until = now) a "
                            "MAG's tunnelled uplink for a mobile node",
                            MakeTraceSourceAccessor(&Pmipv6Lma::m_allowanceTrace),
                            "ns3::Pmipv6Lma::AllowanceTracedCallback")
            .AddTraceSource("UplinkAdmitted",
                            "An uplink packet was admitted from a MAG by an allowance (not "
                            "the Proxy-CoA)",
                            MakeTraceSourceAccessor(&Pmipv6Lma::m_admittedTrace),
                            "ns3::Pmipv6Lma::AdmittedTracedCallback")
            .AddTraceSource("BriSent",
                            "A Binding Revocation Indication was sent (RFC 5846)",
                            MakeTraceSourceAccessor(&Pmipv6Lma::m_briTxTrace),
                            "ns3::Pmipv6Lma::RevocationTracedCallback")
            .AddTraceSource("BraReceived",
                            "A Binding Revocation Acknowledgement arrived (RFC 5846)",
                            MakeTraceSourceAccessor(&Pmipv6Lma::m_braRxTrace),
                            "ns3::Pmipv6Lma::RevocationTracedCallback");
    return tid;
}

Pmipv6Lma::Pmipv6Lma() = default;

void
Pmipv6Lma::AddTrustedMag(Ipv6Address proxyCoa)
{
    m_trustedMags.insert(proxyCoa);
}

bool
Pmipv6Lma::IsTrustedMag(Ipv6Address proxyCoa) const
{
    return m_trustedMags.count(proxyCoa) != 0;
}

BindingCache&
Pmipv6Lma::GetBindingCache()
{
    return m_cache;
}

void
Pmipv6Lma::SetExtension(Ptr<LmaExtension> extension)
{
    m_extension = extension;
}

Ptr<LmaExtension>
Pmipv6Lma::GetExtension() const
{
    return m_extension;
}

void
Pmipv6Lma::DoInitialize()
{
    MobilityAgent::DoInitialize();
    if (!m_extension)
    {
        m_extension = CreateObject<LmaExtension>();
    }
    GetTunnel()->SetAdmissionCallback(MakeCallback(&Pmipv6Lma::AdmitUplink, this));
    m_extension->Install(this);
}

std::vector<uint8_t>
Pmipv6Lma::GetHandledTypes() const
{
    return {static_cast<uint8_t>(MhType::BindingUpdate),
            static_cast<uint8_t>(MhType::BindingRevocation)};
}

void
Pmipv6Lma::ReceiveMessage(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip)
{
    switch (static_cast<MhType>(mhType))
    {
    case MhType::BindingUpdate: {
        BindingUpdateHeader pbu;
        if (!GetMobilityProtocol()->Parse(p, ip, pbu))
        {
            return;
        }
        if (!pbu.GetFlagP())
        {
            // A plain Mobile IPv6 Binding Update: this is no home agent.
            GetMobilityProtocol()->Drop(p, ip.GetSource(), MobilityL4Protocol::DROP_UNEXPECTED);
            return;
        }
        if (m_pbuProcessing.IsStrictlyPositive())
        {
            // The Context Reflector paper, sec. 5.2: PBU -> PBA processing.
            Simulator::Schedule(m_pbuProcessing,
                                &Pmipv6Lma::ProcessPbu,
                                this,
                                pbu,
                                ip.GetSource());
        }
        else
        {
            ProcessPbu(pbu, ip.GetSource());
        }
        break;
    }
    case MhType::BindingRevocation:
        RecvBra(p, ip);
        break;
    default:
        GetMobilityProtocol()->Drop(p, ip.GetSource(), MobilityL4Protocol::DROP_NO_HANDLER);
    }
}

void
Pmipv6Lma::ProcessPbu(BindingUpdateHeader pbu, Ipv6Address proxyCoa)
{
    BindingCacheEntry* entry = nullptr;
    uint8_t status = DoRecvPbu(pbu, proxyCoa, entry);
    if (status == kPbaDeferred)
    {
        return; // RFC 5213 sec. 5.4.1: waiting for the previous MAG
    }
    SendPba(pbu, proxyCoa, status, entry);
    if (pbu.GetLifetimeUnits() == 0 && pbu.GetOptions().mnIdentifier)
    {
        ResumeWaiting(*pbu.GetOptions().mnIdentifier);
    }
}

Time
Pmipv6Lma::GrantedLifetime(const BindingUpdateHeader& pbu) const
{
    return std::min(pbu.GetLifetime(), m_maxBindingLifetime);
}

uint8_t
Pmipv6Lma::DoRecvPbu(const BindingUpdateHeader& pbu,
                     Ipv6Address proxyCoa,
                     BindingCacheEntry*& entry)
{
    const MobilityOptions& o = pbu.GetOptions();
    std::string mnId = o.mnIdentifier.value_or("");
    m_pbuRxTrace(mnId, proxyCoa, pbu.GetSequence(), pbu.GetLifetime());
    NS_LOG_INFO("LMA " << GetAddress() << " PBU from " << proxyCoa << " mn " << mnId << " seq "
                       << pbu.GetSequence() << " lifetime " << pbu.GetLifetime().As(Time::S));

    // RFC 5213 sec. 5.3.1: validation, in the RFC's order.
    if (m_trustedMags.count(proxyCoa) == 0)
    {
        return BindingAckStatus::MAG_NOT_AUTHORIZED_FOR_PROXY_REG;
    }
    if (!o.mnIdentifier)
    {
        return BindingAckStatus::MISSING_MN_IDENTIFIER_OPTION;
    }
    if (o.homeNetworkPrefixes.empty())
    {
        return BindingAckStatus::MISSING_HOME_NETWORK_PREFIX_OPTION;
    }
    if (!o.handoffIndicator)
    {
        return BindingAckStatus::MISSING_HANDOFF_INDICATOR_OPTION;
    }
    if (!o.accessTechnologyType)
    {
        return BindingAckStatus::MISSING_ACCESS_TECH_TYPE_OPTION;
    }
    // RFC 5213 sec. 5.5: timestamp-based ordering.
    if (!o.timestamp)
    {
        return BindingAckStatus::TIMESTAMP_MISMATCH;
    }
    Time sent = MobilityTimestampToTime(*o.timestamp);
    if (Abs(Simulator::Now() - sent) > m_timestampValidityWindow)
    {
        return BindingAckStatus::TIMESTAMP_MISMATCH;
    }

    entry = m_cache.Find(mnId);
    if (entry && *o.timestamp < entry->timestamp)
    {
        // An older PBU overtaken by a newer one (e.g. the old MAG's late
        // de-registration after the new MAG's registration).
        return BindingAckStatus::TIMESTAMP_LOWER_THAN_PREV_ACCEPTED;
    }
    if (entry && entry->proxyCoa == proxyCoa &&
        static_cast<int16_t>(pbu.GetSequence() - entry->lastSequence) <= 0)
    {
        // RFC 6275 sec. 9.5.1: a sequence number not newer (modulo 2^16)
        // than the last one accepted from this MAG is a replay, whatever its
        // timestamp says. Only within one MAG's numbering: MAGs number their
        // PBUs independently, timestamps order them across MAGs (RFC 5213 5.5).
        return BindingAckStatus::SEQUENCE_NUMBER_OUT_OF_WINDOW;
    }

    if (pbu.GetLifetimeUnits() == 0)
    {
        // RFC 5213 sec. 5.3.5: de-registration; only the serving MAG may.
        if (entry && entry->proxyCoa == proxyCoa && entry->state == BindingCacheEntry::REGISTERED)
        {
            entry->timestamp = *o.timestamp;
            entry->lastSequence = pbu.GetSequence();
            StartDeregistration(*entry);
            m_extension->NotifyDeregistered(*entry, pbu);
        }
        return BindingAckStatus::ACCEPTED;
    }

    if (!entry)
    {
        HomeNetworkPrefix prefix;
        uint8_t status = BindingAckStatus::ACCEPTED;
        if (!AllocatePrefix(mnId, pbu, prefix, status))
        {
            return status;
        }
        entry = &m_cache.Create(mnId, prefix);
        Register(*entry, pbu, proxyCoa);
        m_bindingTrace(mnId, prefix.prefix, Ipv6Address::GetAny(), proxyCoa, "created");
        m_extension->NotifyRegistered(*entry, Ipv6Address::GetAny());
        return BindingAckStatus::ACCEPTED;
    }

    if (WaitForPreviousMag(*entry, pbu, proxyCoa))
    {
        return kPbaDeferred;
    }
    return UpdateBinding(*entry, pbu, proxyCoa);
}

uint8_t
Pmipv6Lma::UpdateBinding(BindingCacheEntry& e, const BindingUpdateHeader& pbu, Ipv6Address proxyCoa)
{
    // RFC 5213 sec. 5.4.1: Handoff Indicator 2 (another interface of the
    // MN, whatever its technology) and 3 (another MAG) are handoffs: the
    // binding moves and keeps its prefix.
    const HomeNetworkPrefix& requested = pbu.GetOptions().homeNetworkPrefixes.front();
    if (!requested.prefix.IsAny() &&
        PrefixKey(requested.prefix) != PrefixKey(e.homeNetworkPrefix.prefix))
    {
        return BindingAckStatus::BCE_PBU_PREFIX_SET_DO_NOT_MATCH;
    }
    Ipv6Address oldCoa = e.proxyCoa;
    bool moved = oldCoa != proxyCoa;
    Register(e, pbu, proxyCoa);
    m_bindingTrace(e.mnIdentifier,
                   e.homeNetworkPrefix.prefix,
                   oldCoa,
                   proxyCoa,
                   moved ? "handover" : "refreshed");
    m_extension->NotifyRegistered(e, oldCoa);
    return BindingAckStatus::ACCEPTED;
}

bool
Pmipv6Lma::WaitForPreviousMag(BindingCacheEntry& e,
                              const BindingUpdateHeader& pbu,
                              Ipv6Address proxyCoa)
{
    auto waiting = m_waiting.find(e.mnIdentifier);
    if (waiting != m_waiting.end() && waiting->second.proxyCoa == proxyCoa)
    {
        waiting->second.pbu = pbu; // a retransmission: the newest one waits
        return true;
    }
    if (*pbu.GetOptions().handoffIndicator != HandoffIndicator::HANDOFF_STATE_UNKNOWN ||
        e.state != BindingCacheEntry::REGISTERED || e.proxyCoa == proxyCoa ||
        !m_maxDelayBeforeNewBceAssign.IsStrictlyPositive())
    {
        return false;
    }
    NS_LOG_INFO("LMA " << GetAddress() << ": " << e.mnIdentifier << " registers at " << proxyCoa
                       << " with handoff state unknown while at " << e.proxyCoa
                       << "; waiting for its de-registration");
    m_bindingTrace(e.mnIdentifier, e.homeNetworkPrefix.prefix, e.proxyCoa, proxyCoa, "waiting");
    WaitingPbu& w = m_waiting[e.mnIdentifier];
    w.pbu = pbu;
    w.proxyCoa = proxyCoa;
    w.timer = Simulator::Schedule(m_maxDelayBeforeNewBceAssign,
                                  &Pmipv6Lma::NewSessionAfterWait,
                                  this,
                                  e.mnIdentifier);
    return true;
}

void
Pmipv6Lma::ResumeWaiting(const std::string& mnId)
{
    auto waiting = m_waiting.find(mnId);
    BindingCacheEntry* e = m_cache.Find(mnId);
    if (waiting == m_waiting.end() || !e || e->state == BindingCacheEntry::REGISTERED)
    {
        return;
    }
    WaitingPbu w = waiting->second;
    w.timer.Cancel();
    m_waiting.erase(waiting);
    NS_LOG_INFO("LMA " << GetAddress() << ": " << mnId << " de-registered by its previous MAG; "
                       << "the waiting registration at " << w.proxyCoa << " is a handoff");
    uint8_t status = UpdateBinding(*e, w.pbu, w.proxyCoa);
    SendPba(w.pbu, w.proxyCoa, status, e);
}

void
Pmipv6Lma::NewSessionAfterWait(std::string mnId)
{
    auto waiting = m_waiting.find(mnId);
    if (waiting == m_waiting.end())
    {
        return;
    }
    WaitingPbu w = waiting->second;
    m_waiting.erase(waiting);
    NS_LOG_INFO("LMA " << GetAddress() << ": no de-registration of " << mnId << " within "
                       << m_maxDelayBeforeNewBceAssign.As(Time::MS)
                       << "; a new mobility session at " << w.proxyCoa);
    // The old session goes, and the new one gets a new prefix.
    DeleteEntry(mnId, "replaced");
    m_prefixOfMn.erase(mnId);
    HomeNetworkPrefix prefix;
    uint8_t status = BindingAckStatus::ACCEPTED;
    BindingCacheEntry* e = nullptr;
    if (AllocatePrefix(mnId, w.pbu, prefix, status))
    {
        e = &m_cache.Create(mnId, prefix);
        Register(*e, w.pbu, w.proxyCoa);
        m_bindingTrace(mnId, prefix.prefix, Ipv6Address::GetAny(), w.proxyCoa, "created");
        m_extension->NotifyRegistered(*e, Ipv6Address::GetAny());
    }
    SendPba(w.pbu, w.proxyCoa, status, e);
}

bool
Pmipv6Lma::AllocatePrefix(const std::string& mnId,
                          const BindingUpdateHeader& pbu,
                          HomeNetworkPrefix& prefix,
                          uint8_t& status)
{
    auto known = m_prefixOfMn.find(mnId);
    const HomeNetworkPrefix& requested = pbu.GetOptions().homeNetworkPrefixes.front();
    if (known == m_prefixOfMn.end())
    {
        if (!requested.prefix.IsAny())
        {
            // RFC 5213 sec. 5.3.1: a prefix this LMA never gave to the MN.
            status = BindingAckStatus::NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX;
            return false;
        }
        if (m_nextPrefix == 0)
        {
            status = BindingAckStatus::INSUFFICIENT_RESOURCES;
            return false;
        }
        uint8_t bytes[16];
        m_prefixPoolBase.GetBytes(bytes);
        for (int i = 0; i < 4; ++i)
        {
            bytes[4 + i] = (m_nextPrefix >> (24 - 8 * i)) & 0xff;
        }
        std::fill(bytes + 8, bytes + 16, 0);
        ++m_nextPrefix;
        known = m_prefixOfMn.emplace(mnId, HomeNetworkPrefix{Ipv6Address(bytes), kHomeNetworkPrefixLength}).first;
    }
    else if (!requested.prefix.IsAny() &&
             PrefixKey(requested.prefix) != PrefixKey(known->second.prefix))
    {
        status = BindingAckStatus::NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX;
        return false;
    }
    prefix = known->second;
    return true;
}

void
Pmipv6Lma::Register(BindingCacheEntry& e, const BindingUpdateHeader& pbu, Ipv6Address proxyCoa)
{
    const MobilityOptions& o = pbu.GetOptions();
    if (e.proxyCoa != proxyCoa || e.state != BindingCacheEntry::REGISTERED ||
        !GetTunnel()->HasEndpoint(proxyCoa))
    {
        // RFC 5213 sec. 5.6.1: the tunnel follows the binding. The old
        // MAG's uplink is refused from now on unless an extension allows it
        // (AllowUplink).
        if (!e.proxyCoa.IsAny() && e.state == BindingCacheEntry::REGISTERED)
        {
            GetTunnel()->RemoveEndpoint(e.proxyCoa);
        }
        GetTunnel()->AddEndpoint(proxyCoa);
    }
    e.uplinkAllowances.erase(proxyCoa); // the Proxy-CoA needs none
    e.proxyCoa = proxyCoa;
    e.state = BindingCacheEntry::REGISTERED;
    e.lastSequence = pbu.GetSequence();
    e.timestamp = *o.timestamp;
    e.handoffIndicator = *o.handoffIndicator;
    e.accessTechnologyType = *o.accessTechnologyType;
    e.mnLinkLayerId = o.mnLinkLayerId.value_or(std::vector<uint8_t>());
    e.lifetime = GrantedLifetime(pbu);
    e.registeredAt = Simulator::Now();
    Simulator::Cancel(e.expiry);
    e.expiry = Simulator::Schedule(e.lifetime,
                                   &Pmipv6Lma::DeleteEntry,
                                   this,
                                   e.mnIdentifier,
                                   std::string("expired"));
}

void
Pmipv6Lma::StartDeregistration(BindingCacheEntry& e)
{
    GetTunnel()->RemoveEndpoint(e.proxyCoa);
    e.state = BindingCacheEntry::DEREGISTERING;
    m_bindingTrace(e.mnIdentifier,
                   e.homeNetworkPrefix.prefix,
                   e.proxyCoa,
                   Ipv6Address::GetAny(),
                   "deregistered");
    Simulator::Cancel(e.expiry);
    e.expiry = Simulator::Schedule(m_minDelayBeforeBceDelete,
                                   &Pmipv6Lma::DeleteEntry,
                                   this,
                                   e.mnIdentifier,
                                   std::string("deleted"));
}

void
Pmipv6Lma::DeleteEntry(std::string mnId, std::string event)
{
    BindingCacheEntry* e = m_cache.Find(mnId);
    if (!e)
    {
        return;
    }
    NS_LOG_INFO("LMA " << GetAddress() << " binding of " << mnId << " " << event);
    m_extension->NotifyDeleted(*e);
    if (e->state == BindingCacheEntry::REGISTERED)
    {
        GetTunnel()->RemoveEndpoint(e->proxyCoa);
    }
    m_bindingTrace(mnId, e->homeNetworkPrefix.prefix, e->proxyCoa, Ipv6Address::GetAny(), event);
    m_cache.Remove(mnId);
}

void
Pmipv6Lma::SendPba(const BindingUpdateHeader& pbu,
                   Ipv6Address proxyCoa,
                   uint8_t status,
                   const BindingCacheEntry* entry)
{
    // RFC 5213 sec. 5.3.6: the PBA echoes the PBU's options.
    BindingAckHeader pba;
    pba.SetFlagP(true);
    pba.SetStatus(status);
    pba.SetSequence(pbu.GetSequence());
    MobilityOptions& o = pba.GetOptions();
    o = pbu.GetOptions();
    o.unknownOptions = 0;
    bool accepted = BindingAckStatus::IsAccepted(status);
    if (accepted && entry && pbu.GetLifetimeUnits() != 0)
    {
        pba.SetLifetime(entry->lifetime);
        o.homeNetworkPrefixes = {entry->homeNetworkPrefix};
    }
    else
    {
        pba.SetLifetimeUnits(0);
    }
    if (status == BindingAckStatus::SEQUENCE_NUMBER_OUT_OF_WINDOW && entry)
    {
        // RFC 6275 sec. 9.5.1: the last accepted sequence number.
        pba.SetSequence(entry->lastSequence);
    }
    if (status == BindingAckStatus::TIMESTAMP_MISMATCH)
    {
        o.timestamp = TimeToMobilityTimestamp(Simulator::Now());
    }
    else if (status == BindingAckStatus::TIMESTAMP_LOWER_THAN_PREV_ACCEPTED && entry)
    {
        o.timestamp = entry->timestamp;
    }
    NS_LOG_INFO("LMA " << GetAddress() << " PBA to " << proxyCoa << " status " << unsigned(status));
    m_pbaTxTrace(o.mnIdentifier.value_or(""), proxyCoa, status);
    SendMessage(pba, proxyCoa);
}

std::string
Pmipv6Lma::DataDropReasonName(DataDropReason reason)
{
    switch (reason)
    {
    case BINDING_DEREGISTERING:
        return "deregistering";
    case UPLINK_NOT_ADMITTED:
        return "uplink-not-admitted";
    case UPLINK_UNKNOWN_SOURCE:
        return "uplink-unknown-source";
    }
    return "unknown";
}

bool
Pmipv6Lma::RouteInput(Ptr<const Packet> p,
                      const Ipv6Header& header,
                      Ptr<const NetDevice> idev,
                      const Ipv6RoutingProtocol::UnicastForwardCallback& ucb)
{
    BindingCacheEntry* e = m_cache.FindByPrefix(header.GetDestination());
    if (!e)
    {
        return false; // not a mobile node's downlink: static routing
    }
    if (m_extension->HandleDownlink(*e, p, header))
    {
        return true;
    }
    if (e->state != BindingCacheEntry::REGISTERED)
    {
        // RFC 5213 sec. 5.3.5: no forwarding while the binding awaits deletion.
        m_dataDropTrace(p, BINDING_DEREGISTERING);
        return true;
    }
    GetTunnel()->Encapsulate(p, header, GetAddress(), e->proxyCoa);
    return true;
}

bool
Pmipv6Lma::AdmitUplink(Ptr<const Packet> p, Ipv6Address mag, const Ipv6Header& inner)
{
    BindingCacheEntry* e = m_cache.FindByPrefix(inner.GetSource());
    if (!e)
    {
        m_dataDropTrace(p, UPLINK_UNKNOWN_SOURCE);
        return false;
    }
    if (e->state == BindingCacheEntry::REGISTERED && e->proxyCoa == mag)
    {
        return true; // RFC 5213 sec. 5.6.2
    }
    auto allowed = e->uplinkAllowances.find(mag);
    if (allowed != e->uplinkAllowances.end() && allowed->second > Simulator::Now())
    {
        m_admittedTrace(p, e->mnIdentifier, mag);
        return true;
    }
    NS_LOG_LOGIC("LMA " << GetAddress() << " refuses uplink of " << e->mnIdentifier << " from "
                        << mag);
    m_dataDropTrace(p, UPLINK_NOT_ADMITTED);
    return false;
}

void
Pmipv6Lma::AllowUplink(BindingCacheEntry& e, Ipv6Address mag, Time duration)
{
    Time until = Simulator::Now() + duration;
    NS_LOG_INFO("LMA " << GetAddress() << " admits uplink of " << e.mnIdentifier << " from " << mag
                       << " until " << until.As(Time::S));
    e.uplinkAllowances[mag] = until;
    m_allowanceTrace(e.mnIdentifier, mag, until);
}

void
Pmipv6Lma::RevokeUplink(BindingCacheEntry& e, Ipv6Address mag)
{
    if (e.uplinkAllowances.erase(mag) != 0)
    {
        NS_LOG_INFO("LMA " << GetAddress() << " no longer admits uplink of " << e.mnIdentifier
                           << " from " << mag);
        m_allowanceTrace(e.mnIdentifier, mag, Simulator::Now());
    }
}

void
Pmipv6Lma::MoveBinding(BindingCacheEntry& e, Ipv6Address proxyCoa)
{
    Ipv6Address oldCoa = e.proxyCoa;
    if (oldCoa == proxyCoa && e.state == BindingCacheEntry::REGISTERED)
    {
        return;
    }
    if (e.state == BindingCacheEntry::REGISTERED)
    {
        GetTunnel()->RemoveEndpoint(oldCoa);
    }
    GetTunnel()->AddEndpoint(proxyCoa);
    e.uplinkAllowances.erase(proxyCoa);
    e.proxyCoa = proxyCoa;
    e.state = BindingCacheEntry::REGISTERED;
    e.registeredAt = Simulator::Now();
    NS_LOG_INFO("LMA " << GetAddress() << " moves " << e.mnIdentifier << " from " << oldCoa
                       << " to " << proxyCoa);
    m_bindingTrace(e.mnIdentifier, e.homeNetworkPrefix.prefix, oldCoa, proxyCoa, "handover");
}

void
Pmipv6Lma::RevokeBinding(const BindingCacheEntry& e, Ipv6Address mag, uint8_t trigger)
{
    // RFC 5846 sec. 9.1 / 6.1.1: P set for a proxy binding, MN-ID and HNP identify it.
    BindingRevocationHeader bri;
    bri.SetRevocationType(BindingRevocationType::INDICATION);
    bri.SetTriggerOrStatus(trigger);
    bri.SetSequence(++m_revocationSequence);
    bri.SetFlagP(true);
    MobilityOptions& o = bri.GetOptions();
    o.mnIdentifier = e.mnIdentifier;
    o.homeNetworkPrefixes = {e.homeNetworkPrefix};
    if (!e.mnLinkLayerId.empty())
    {
        o.mnLinkLayerId = e.mnLinkLayerId;
    }
    NS_LOG_INFO("LMA " << GetAddress() << " BRI to " << mag << " for " << e.mnIdentifier);
    m_briTxTrace(e.mnIdentifier, mag, m_revocationSequence, trigger);
    SendMessage(bri, mag);
}

void
Pmipv6Lma::RecvBra(Ptr<Packet> p, const Ipv6Header& ip)
{
    BindingRevocationHeader bra;
    if (!GetMobilityProtocol()->Parse(p, ip, bra))
    {
        return;
    }
    if (bra.GetRevocationType() != BindingRevocationType::ACKNOWLEDGEMENT ||
        !IsTrustedMag(ip.GetSource()))
    {
        // RFC 5846 sec. 9.1: the LMA sends BRIs and takes BRAs, from its MAGs.
        GetMobilityProtocol()->Drop(p, ip.GetSource(), MobilityL4Protocol::DROP_UNEXPECTED);
        return;
    }
    const MobilityOptions& o = bra.GetOptions();
    NS_LOG_INFO("LMA " << GetAddress() << " BRA from " << ip.GetSource() << " status "
                       << +bra.GetTriggerOrStatus());
    m_braRxTrace(o.mnIdentifier.value_or(""),
                 ip.GetSource(),
                 bra.GetSequence(),
                 bra.GetTriggerOrStatus());
}

void
Pmipv6Lma::DoDispose()
{
    for (auto& [mnId, w] : m_waiting)
    {
        w.timer.Cancel();
    }
    m_waiting.clear();
    m_cache.Clear();
    if (m_extension)
    {
        m_extension->Dispose();
    }
    m_extension = nullptr;
    MobilityAgent::DoDispose();
}

} // namespace ns3
