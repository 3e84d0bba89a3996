// SPDX-License-Identifier: GPL-2.0-only
#include "mobility-l4-protocol.h"

#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MobilityL4Protocol");
NS_OBJECT_ENSURE_REGISTERED(MobilityL4Protocol);

TypeId
MobilityL4Protocol::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::MobilityL4Protocol")
            .SetParent<Ipv6OnlyL4Protocol>()
            .SetGroupName("Pmipv6")
            .AddConstructor<MobilityL4Protocol>()
            .AddAttribute("SendJitter",
                          "Each message sent waits a delay drawn uniformly from [0, SendJitter] "
                          "before it goes down to IPv6 (signalling jitter; 0: none)",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&MobilityL4Protocol::m_sendJitter),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("BindingErrorInterval",
                          "RFC 6275 sec. 9.2: Binding Errors are rate-limited as ICMPv6 "
                          "errors; at most one per this interval (0: no limit)",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&MobilityL4Protocol::m_bindingErrorInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("Tx",
                            "A Mobility Header message was sent",
                            MakeTraceSourceAccessor(&MobilityL4Protocol::m_txTrace),
                            "ns3::MobilityL4Protocol::MessageTracedCallback")
            .AddTraceSource("Rx",
                            "A Mobility Header message passed the length and checksum checks",
                            MakeTraceSourceAccessor(&MobilityL4Protocol::m_rxTrace),
                            "ns3::MobilityL4Protocol::MessageTracedCallback")
            .AddTraceSource("Drop",
                            "A Mobility Header message was refused",
                            MakeTraceSourceAccessor(&MobilityL4Protocol::m_dropTrace),
                            "ns3::MobilityL4Protocol::DropTracedCallback");
    return tid;
}

MobilityL4Protocol::MobilityL4Protocol() = default;

int64_t
MobilityL4Protocol::AssignStreams(int64_t stream)
{
    if (!m_jitter)
    {
        m_jitter = CreateObject<UniformRandomVariable>();
    }
    m_jitter->SetStream(stream);
    return 1;
}

int
MobilityL4Protocol::GetProtocolNumber() const
{
    return PROT_NUMBER;
}

std::string
MobilityL4Protocol::DropReasonName(DropReason reason)
{
    switch (reason)
    {
    case DROP_TRUNCATED:
        return "truncated";
    case DROP_BAD_CHECKSUM:
        return "bad-checksum";
    case DROP_NO_HANDLER:
        return "no-handler";
    case DROP_MALFORMED:
        return "malformed";
    case DROP_UNAUTHORIZED:
        return "unauthorized";
    case DROP_UNEXPECTED:
        return "unexpected";
    }
    return "unknown";
}

void
MobilityL4Protocol::RegisterHandler(uint8_t mhType, MessageHandler handler)
{
    NS_ABORT_MSG_IF(m_handlers.count(mhType),
                    "node " << GetNode()->GetId() << ": MH type " << unsigned(mhType)
                            << " already has a handler (two agents of one kind on a node?)");
    m_handlers[mhType] = handler;
}

uint32_t
MobilityL4Protocol::Send(MobilityHeader& message, Ipv6Address src, Ipv6Address dst)
{
    message.CalculatePseudoHeaderChecksum(src, dst);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(message);
    NS_LOG_INFO("node " << GetNode()->GetId() << " sends " << message << " " << src << " -> "
                        << dst);
    m_sent++;
    m_sentBytes += p->GetSize();
    m_txTrace(p, src, dst);
    if (m_sendJitter.IsStrictlyPositive())
    {
        if (!m_jitter)
        {
            // Made on first use: a run without jitter draws from the same
            // streams as before the attribute existed.
            m_jitter = CreateObject<UniformRandomVariable>();
        }
        Time delay = Seconds(m_jitter->GetValue(0, m_sendJitter.GetSeconds()));
        Simulator::Schedule(delay, &MobilityL4Protocol::SendNow, this, p, src, dst);
    }
    else
    {
        SendNow(p, src, dst);
    }
    return p->GetSize();
}

void
MobilityL4Protocol::SendNow(Ptr<Packet> p, Ipv6Address src, Ipv6Address dst)
{
    SendDown(p, src, dst);
}

IpL4Protocol::RxStatus
MobilityL4Protocol::Receive(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> incoming)
{
    uint8_t type = 0;
    if (!MobilityHeader::PeekMhType(p, type))
    {
        Drop(p, header.GetSource(), DROP_TRUNCATED);
        return RX_OK;
    }
    if (MobilityHeader::VerifyChecksum(p, header.GetSource(), header.GetDestination()) != 0)
    {
        Drop(p, header.GetSource(), DROP_BAD_CHECKSUM);
        return RX_OK;
    }
    auto it = m_handlers.find(type);
    if (it == m_handlers.end())
    {
        Drop(p, header.GetSource(), DROP_NO_HANDLER);
        SendBindingError(type, header);
        return RX_OK;
    }
    m_rxTrace(p, header.GetSource(), header.GetDestination());
    it->second(p, header);
    return RX_OK;
}

void
MobilityL4Protocol::SendBindingError(uint8_t mhType, const Ipv6Header& header)
{
    // RFC 6275 sec. 9.2: never in answer to a Binding Error (no loops), nor
    // to a multicast destination or an unspecified source.
    if (mhType == static_cast<uint8_t>(MhType::BindingError) ||
        header.GetDestination().IsMulticast() || header.GetSource().IsAny() ||
        header.GetSource().IsMulticast())
    {
        return;
    }
    if (m_lastBindingError != Time::Min() &&
        Simulator::Now() - m_lastBindingError < m_bindingErrorInterval)
    {
        NS_LOG_LOGIC("Binding Error to " << header.GetSource() << " rate-limited");
        return;
    }
    m_lastBindingError = Simulator::Now();
    BindingErrorHeader be;
    be.SetStatus(BindingErrorStatus::UNRECOGNIZED_MH_TYPE);
    // RFC 6275 sec. 9.3.3: no Home Address destination option was there.
    be.SetHomeAddress(Ipv6Address::GetAny());
    m_bindingErrors++;
    Send(be, header.GetDestination(), header.GetSource());
}

uint64_t
MobilityL4Protocol::GetBindingErrorCount() const
{
    return m_bindingErrors;
}

void
MobilityL4Protocol::Drop(Ptr<const Packet> p, Ipv6Address src, DropReason reason)
{
    NS_LOG_WARN("node " << GetNode()->GetId() << " drops mobility message from " << src << ": "
                        << DropReasonName(reason));
    m_drops++;
    m_dropTrace(p, src, reason);
}

uint64_t
MobilityL4Protocol::GetSentCount() const
{
    return m_sent;
}

uint64_t
MobilityL4Protocol::GetSentBytes() const
{
    return m_sentBytes;
}

uint64_t
MobilityL4Protocol::GetDropCount() const
{
    return m_drops;
}

} // namespace ns3
