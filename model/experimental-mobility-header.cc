// SPDX-License-Identifier: GPL-2.0-only
#include "experimental-mobility-header.h"

#include <algorithm>
#include <map>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(ExperimentalMobilityHeader);
NS_OBJECT_ENSURE_REGISTERED(BindingRevocationHeader);

// ---------------------------------------------------------------------------
// ExperimentalMobilityHeader (RFC 5096 sec. 3)

TypeId
ExperimentalMobilityHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::ExperimentalMobilityHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<ExperimentalMobilityHeader>();
    return tid;
}

TypeId
ExperimentalMobilityHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

ExperimentalMobilityHeader::ExperimentalMobilityHeader()
    : MobilityHeader(MhType::Experimental)
{
}

void
ExperimentalMobilityHeader::SetSubtype(uint8_t subtype)
{
    m_subtype = subtype;
}

uint8_t
ExperimentalMobilityHeader::GetSubtype() const
{
    return m_subtype;
}

namespace
{

std::map<uint8_t, std::string>&
SubtypeNames()
{
    static std::map<uint8_t, std::string> names;
    return names;
}

} // namespace

void
ExperimentalMobilityHeader::SetSubtypeName(uint8_t subtype, const std::string& name)
{
    SubtypeNames()[subtype] = name;
}

std::string
ExperimentalMobilityHeader::GetSubtypeName(uint8_t subtype)
{
    auto it = SubtypeNames().find(subtype);
    return it != SubtypeNames().end() ? it->second : "Experimental/" + std::to_string(subtype);
}

void
ExperimentalMobilityHeader::SetStatus(uint8_t status)
{
    m_status = status;
}

uint8_t
ExperimentalMobilityHeader::GetStatus() const
{
    return m_status;
}

void
ExperimentalMobilityHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint16_t
ExperimentalMobilityHeader::GetSequence() const
{
    return m_sequence;
}

void
ExperimentalMobilityHeader::SetLifetime(Time lifetime)
{
    int64_t ms = std::clamp<int64_t>(lifetime.GetMilliSeconds(), 0, 0xffff);
    m_lifetimeMs = static_cast<uint16_t>(ms);
}

Time
ExperimentalMobilityHeader::GetLifetime() const
{
    return MilliSeconds(m_lifetimeMs);
}

uint32_t
ExperimentalMobilityHeader::GetMessageDataSize() const
{
    return 6; // Subtype, Status, Sequence #, Lifetime
}

void
ExperimentalMobilityHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteU8(m_subtype);
    i.WriteU8(m_status);
    i.WriteHtonU16(m_sequence);
    i.WriteHtonU16(m_lifetimeMs);
}

void
ExperimentalMobilityHeader::DeserializeMessageData(Buffer::Iterator& i)
{
    m_subtype = i.ReadU8();
    m_status = i.ReadU8();
    m_sequence = i.ReadNtohU16();
    m_lifetimeMs = i.ReadNtohU16();
}

void
ExperimentalMobilityHeader::PrintMessageData(std::ostream& os) const
{
    os << "subtype=" << +m_subtype << " status=" << +m_status << " seq=" << m_sequence
       << " lifetime=" << m_lifetimeMs << "ms";
}

// ---------------------------------------------------------------------------
// BindingRevocationHeader (RFC 5846 sec. 6.1)

namespace
{
// The 16 bits after the Sequence #: P, V, G, then 13 reserved bits.
constexpr uint16_t BR_FLAG_P = 0x8000;
constexpr uint16_t BR_FLAG_V = 0x4000;
constexpr uint16_t BR_FLAG_G = 0x2000;
constexpr uint16_t BR_FLAGS = BR_FLAG_P | BR_FLAG_V | BR_FLAG_G;
} // namespace

TypeId
BindingRevocationHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingRevocationHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<BindingRevocationHeader>();
    return tid;
}

TypeId
BindingRevocationHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

BindingRevocationHeader::BindingRevocationHeader()
    : MobilityHeader(MhType::BindingRevocation)
{
}

void
BindingRevocationHeader::SetRevocationType(uint8_t type)
{
    m_type = type;
}

uint8_t
BindingRevocationHeader::GetRevocationType() const
{
    return m_type;
}

void
BindingRevocationHeader::SetTriggerOrStatus(uint8_t value)
{
    m_triggerOrStatus = value;
}

uint8_t
BindingRevocationHeader::GetTriggerOrStatus() const
{
    return m_triggerOrStatus;
}

void
BindingRevocationHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint16_t
BindingRevocationHeader::GetSequence() const
{
    return m_sequence;
}

void
BindingRevocationHeader::SetFlag(uint16_t mask, bool f)
{
    m_flags = f ? (m_flags | mask) : (m_flags & ~mask);
}

void
BindingRevocationHeader::SetFlagP(bool f)
{
    SetFlag(BR_FLAG_P, f);
}

bool
BindingRevocationHeader::GetFlagP() const
{
    return m_flags & BR_FLAG_P;
}

void
BindingRevocationHeader::SetFlagV(bool f)
{
    SetFlag(BR_FLAG_V, f);
}

bool
BindingRevocationHeader::GetFlagV() const
{
    return m_flags & BR_FLAG_V;
}

void
BindingRevocationHeader::SetFlagG(bool f)
{
    SetFlag(BR_FLAG_G, f);
}

bool
BindingRevocationHeader::GetFlagG() const
{
    return m_flags & BR_FLAG_G;
}

uint32_t
BindingRevocationHeader::GetMessageDataSize() const
{
    return 6; // B.R. Type, Trigger/Status, Sequence #, flags + Reserved
}

void
BindingRevocationHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteU8(m_type);
    i.WriteU8(m_triggerOrStatus);
    i.WriteHtonU16(m_sequence);
    i.WriteHtonU16(m_flags);
}

void
BindingRevocationHeader::DeserializeMessageData(Buffer::Iterator& i)
{
    m_type = i.ReadU8();
    m_triggerOrStatus = i.ReadU8();
    m_sequence = i.ReadNtohU16();
    m_flags = i.ReadNtohU16() & BR_FLAGS; // reserved bits are ignored
}

void
BindingRevocationHeader::PrintMessageData(std::ostream& os) const
{
    os << (m_type == BindingRevocationType::INDICATION
               ? "BRI trigger="
               : (m_type == BindingRevocationType::ACKNOWLEDGEMENT ? "BRA status=" : "type?="))
       << +m_triggerOrStatus << " seq=" << m_sequence << " flags=" << (GetFlagP() ? "P" : "")
       << (GetFlagV() ? "V" : "") << (GetFlagG() ? "G" : "");
}

} // namespace ns3
