// SPDX-License-Identifier: GPL-2.0-only
#include "mobility-header.h"

#include "ns3/abort.h"
#include "ns3/global-value.h"
#include "ns3/log.h"

#include <algorithm>
#include <initializer_list>
#include <iomanip>
#include <limits>
#include <sstream>
#include <utility>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MobilityHeader");

NS_OBJECT_ENSURE_REGISTERED(MobilityHeader);
NS_OBJECT_ENSURE_REGISTERED(BindingUpdateHeader);
NS_OBJECT_ENSURE_REGISTERED(FastBindingUpdateHeader);
NS_OBJECT_ENSURE_REGISTERED(BindingAckHeader);
NS_OBJECT_ENSURE_REGISTERED(FastBindingAckHeader);
NS_OBJECT_ENSURE_REGISTERED(HandoverInitiateHeader);
NS_OBJECT_ENSURE_REGISTERED(HandoverAckHeader);
NS_OBJECT_ENSURE_REGISTERED(BindingErrorHeader);

namespace
{

/// RFC 6275 6.1.1: Header Len counts 8-octet units after the first 8 octets.
constexpr uint32_t MAX_HEADER_SIZE = (0xff + 1) * 8;

/**
 * How each option is laid out: its "xn+y" alignment (RFC 6275 6.2: the
 * option's Type octet sits at a multiple of x octets plus y from the start of
 * the Mobility Header; x = 1 means none) and the Length values it may have.
 */
struct OptionRule
{
    uint8_t type;
    const char* name;
    uint8_t alignX;
    uint8_t alignY;
    uint8_t minLength; //!< smallest valid Length field
    uint8_t maxLength; //!< largest valid Length field
};

constexpr OptionRule OPTION_RULES[] = {
    // RFC 4283 sec. 3: "This option does not have any alignment requirements."
    {MobilityOptionType::MN_IDENTIFIER, "MN-ID", 1, 0, 1, 255},
    // RFC 5213 8.3: 8n+4, Length MUST be 18.
    {MobilityOptionType::HOME_NETWORK_PREFIX, "HNP", 8, 4, 18, 18},
    // RFC 5213 8.4 / 8.5: no alignment requirement, Length MUST be 2.
    {MobilityOptionType::HANDOFF_INDICATOR, "HI", 1, 0, 2, 2},
    {MobilityOptionType::ACCESS_TECHNOLOGY_TYPE, "ATT", 1, 0, 2, 2},
    // RFC 5213 8.6: "aligned appropriately" for the identifier's size; 8n+2 here.
    // Length covers the 2 Reserved octets and the identifier.
    {MobilityOptionType::MN_LINK_LAYER_ID, "MN-LL-ID", 8, 2, 2, 255},
    // RFC 5213 8.7: 8n+6, Length 16.
    {MobilityOptionType::LINK_LOCAL_ADDRESS, "LL-Addr", 8, 6, 16, 16},
    // RFC 5213 8.8: 8n+2, Length MUST be 8.
    {MobilityOptionType::TIMESTAMP, "Timestamp", 8, 2, 8, 8},
    // RFC 5949 6.2.2: Option-Code, Reserved, address (18 for IPv6, 6 for IPv4).
    // RFC 5949 states no alignment; 8n+4 puts the address on an 8-octet
    // boundary, as for the HNP option whose layout it shares.
    {MobilityOptionType::LMA_ADDRESS, "LMAA", 8, 4, 2, 255},
    // RFC 5568 6.4.3: no alignment requirement; Option-Code then the LLA.
    {MobilityOptionType::LINK_LAYER_ADDRESS, "MH-LLA", 1, 0, 1, 255},
    // RFC 5949 6.2.1: Reserved (16 bits), then Req-type, Req-length,
    // Req-option per request. 2n keeps Reserved on its natural boundary
    // (RFC 6275 6.2); the requests are octets.
    {MobilityOptionType::CONTEXT_REQUEST, "Context-Request", 2, 0, 2, 255},
    // RFC 5949 6.2.3: Reserved (16 bits), 64-bit Interface Identifier;
    // 8n+4 puts the identifier on an 8-octet boundary (RFC 6275 6.2).
    {MobilityOptionType::MN_LINK_LOCAL_IID, "MN-LLA-IID", 8, 4, 10, 10},
    // RFC 5096 sec. 4: no alignment requirement; here Subtype and Feature
    // Profile Type, then data.
    {MobilityOptionType::EXPERIMENTAL, "Experimental", 1, 0, 2, 255},
};

const OptionRule*
FindRule(uint8_t type)
{
    for (const auto& rule : OPTION_RULES)
    {
        if (rule.type == type)
        {
            return &rule;
        }
    }
    return nullptr;
}

/// Appends n octets of padding: Pad1 for one octet, otherwise one PadN
/// (RFC 6275 6.2.2 and 6.2.3; the padding data is zero).
void
AppendPadding(std::vector<uint8_t>& out, uint32_t n)
{
    if (n == 1)
    {
        out.push_back(MobilityOptionType::PAD1);
    }
    else if (n >= 2)
    {
        out.push_back(MobilityOptionType::PADN);
        out.push_back(static_cast<uint8_t>(n - 2));
        out.insert(out.end(), n - 2, 0);
    }
}

void
AppendAddress(std::vector<uint8_t>& out, const Ipv6Address& a)
{
    uint8_t buf[16];
    a.Serialize(buf);
    out.insert(out.end(), buf, buf + 16);
}

/// One option's Type and its data after the Length octet.
struct OptionTlv
{
    uint8_t type;
    std::vector<uint8_t> data;
};

/// The options to write, in the order of the MobilityOptions members.
std::vector<OptionTlv>
CollectOptions(const MobilityOptions& o)
{
    std::vector<OptionTlv> tlvs;
    if (o.mnIdentifier)
    {
        // RFC 4283 sec. 3: Subtype, Identifier
        OptionTlv t{MobilityOptionType::MN_IDENTIFIER, {MN_ID_SUBTYPE_NAI}};
        t.data.insert(t.data.end(), o.mnIdentifier->begin(), o.mnIdentifier->end());
        tlvs.push_back(std::move(t));
    }
    for (const auto& hnp : o.homeNetworkPrefixes)
    {
        // RFC 5213 8.3: Reserved, Prefix Length, Home Network Prefix
        OptionTlv t{MobilityOptionType::HOME_NETWORK_PREFIX, {0, hnp.prefixLength}};
        AppendAddress(t.data, hnp.prefix);
        tlvs.push_back(std::move(t));
    }
    if (o.handoffIndicator)
    {
        // RFC 5213 8.4: Reserved, HI
        tlvs.push_back({MobilityOptionType::HANDOFF_INDICATOR, {0, *o.handoffIndicator}});
    }
    if (o.accessTechnologyType)
    {
        // RFC 5213 8.5: Reserved, ATT
        tlvs.push_back({MobilityOptionType::ACCESS_TECHNOLOGY_TYPE, {0, *o.accessTechnologyType}});
    }
    if (o.mnLinkLayerId)
    {
        // RFC 5213 8.6: 16-bit Reserved, Link-layer Identifier
        OptionTlv t{MobilityOptionType::MN_LINK_LAYER_ID, {0, 0}};
        t.data.insert(t.data.end(), o.mnLinkLayerId->begin(), o.mnLinkLayerId->end());
        tlvs.push_back(std::move(t));
    }
    if (o.linkLocalAddress)
    {
        // RFC 5213 8.7: Link-local Address
        OptionTlv t{MobilityOptionType::LINK_LOCAL_ADDRESS, {}};
        AppendAddress(t.data, *o.linkLocalAddress);
        tlvs.push_back(std::move(t));
    }
    if (o.timestamp)
    {
        // RFC 5213 8.8: 64-bit Timestamp, network byte order
        OptionTlv t{MobilityOptionType::TIMESTAMP, {}};
        for (int shift = 56; shift >= 0; shift -= 8)
        {
            t.data.push_back(static_cast<uint8_t>(*o.timestamp >> shift));
        }
        tlvs.push_back(std::move(t));
    }
    if (o.lmaAddress)
    {
        // RFC 5949 6.2.2: Option-Code, Reserved, LMA Address
        OptionTlv t{MobilityOptionType::LMA_ADDRESS, {LMAA_CODE_IPV6, 0}};
        AppendAddress(t.data, *o.lmaAddress);
        tlvs.push_back(std::move(t));
    }
    if (o.linkLayerAddress)
    {
        // RFC 5568 6.4.3: Option-Code, LLA
        OptionTlv t{MobilityOptionType::LINK_LAYER_ADDRESS, {MH_LLA_CODE_MN}};
        t.data.insert(t.data.end(), o.linkLayerAddress->begin(), o.linkLayerAddress->end());
        tlvs.push_back(std::move(t));
    }
    if (o.contextRequest)
    {
        // RFC 5949 6.2.1: Reserved, then Req-type, Req-length, Req-option
        OptionTlv t{MobilityOptionType::CONTEXT_REQUEST, {0, 0}};
        for (const auto& req : *o.contextRequest)
        {
            NS_ABORT_MSG_IF(req.option.size() > 0xff, "Context Request Req-option too long");
            t.data.push_back(req.type);
            t.data.push_back(static_cast<uint8_t>(req.option.size()));
            t.data.insert(t.data.end(), req.option.begin(), req.option.end());
        }
        tlvs.push_back(std::move(t));
    }
    if (o.mnLinkLocalIid)
    {
        // RFC 5949 6.2.3: Reserved, Interface Identifier
        OptionTlv t{MobilityOptionType::MN_LINK_LOCAL_IID, {0, 0}};
        for (int shift = 56; shift >= 0; shift -= 8)
        {
            t.data.push_back(static_cast<uint8_t>(*o.mnLinkLocalIid >> shift));
        }
        tlvs.push_back(std::move(t));
    }
    for (const auto& x : o.experimental)
    {
        // RFC 5096 sec. 4: data as this module's experiments define it
        OptionTlv t{MobilityOptionType::EXPERIMENTAL, {x.subtype, x.featureProfileType}};
        t.data.insert(t.data.end(), x.data.begin(), x.data.end());
        tlvs.push_back(std::move(t));
    }
    return tlvs;
}

/**
 * Parses the options area [data, data+size) into `out` (RFC 6275 6.2.1:
 * Pad1 is one octet, every other option is Type, Length, data).
 * \return false if it is malformed
 */
bool
DecodeOptions(const uint8_t* data, uint32_t size, MobilityOptions& out)
{
    uint32_t pos = 0;
    while (pos < size)
    {
        const uint8_t type = data[pos];
        if (type == MobilityOptionType::PAD1)
        {
            pos++;
            continue;
        }
        if (size - pos < 2)
        {
            NS_LOG_LOGIC("option " << +type << " has no Length octet");
            return false;
        }
        const uint8_t length = data[pos + 1];
        if (size - pos - 2 < length)
        {
            NS_LOG_LOGIC("option " << +type << " of length " << +length << " runs past the end");
            return false;
        }
        const uint8_t* d = data + pos + 2;
        pos += 2 + length;

        if (type == MobilityOptionType::PADN)
        {
            continue;
        }
        const OptionRule* rule = FindRule(type);
        if (rule == nullptr)
        {
            out.unknownOptions++;
            continue;
        }
        if (length < rule->minLength || length > rule->maxLength)
        {
            NS_LOG_LOGIC(rule->name << " option with bad length " << +length);
            return false;
        }
        switch (type)
        {
        case MobilityOptionType::MN_IDENTIFIER:
            if (d[0] != MN_ID_SUBTYPE_NAI)
            {
                out.unknownOptions++; // another kind of identifier: not kept
                break;
            }
            out.mnIdentifier = std::string(reinterpret_cast<const char*>(d + 1), length - 1);
            break;
        case MobilityOptionType::HOME_NETWORK_PREFIX:
            if (d[1] > 128)
            {
                NS_LOG_LOGIC("HNP option with prefix length " << +d[1]);
                return false;
            }
            out.homeNetworkPrefixes.push_back({Ipv6Address::Deserialize(d + 2), d[1]});
            break;
        case MobilityOptionType::HANDOFF_INDICATOR:
            out.handoffIndicator = d[1];
            break;
        case MobilityOptionType::ACCESS_TECHNOLOGY_TYPE:
            out.accessTechnologyType = d[1];
            break;
        case MobilityOptionType::MN_LINK_LAYER_ID:
            out.mnLinkLayerId = std::vector<uint8_t>(d + 2, d + length);
            break;
        case MobilityOptionType::LINK_LOCAL_ADDRESS:
            out.linkLocalAddress = Ipv6Address::Deserialize(d);
            break;
        case MobilityOptionType::TIMESTAMP: {
            uint64_t ts = 0;
            for (int k = 0; k < 8; k++)
            {
                ts = (ts << 8) | d[k];
            }
            out.timestamp = ts;
            break;
        }
        case MobilityOptionType::LMA_ADDRESS:
            if (d[0] != LMAA_CODE_IPV6)
            {
                out.unknownOptions++; // IPv4 LMA address (code 2) or reserved: not kept
                break;
            }
            if (length != 18)
            {
                NS_LOG_LOGIC("LMAA option (IPv6) with bad length " << +length);
                return false;
            }
            out.lmaAddress = Ipv6Address::Deserialize(d + 2);
            break;
        case MobilityOptionType::LINK_LAYER_ADDRESS:
            if (d[0] != MH_LLA_CODE_MN)
            {
                out.unknownOptions++;
                break;
            }
            out.linkLayerAddress = std::vector<uint8_t>(d + 1, d + length);
            break;
        case MobilityOptionType::CONTEXT_REQUEST: {
            std::vector<ContextRequestEntry> requests;
            uint32_t k = 2; // after Reserved
            while (k < length)
            {
                if (length - k < 2 || length - k - 2 < d[k + 1])
                {
                    NS_LOG_LOGIC("Context Request: a request runs past the option");
                    return false;
                }
                requests.push_back({d[k], std::vector<uint8_t>(d + k + 2, d + k + 2 + d[k + 1])});
                k += 2 + d[k + 1];
            }
            out.contextRequest = std::move(requests);
            break;
        }
        case MobilityOptionType::MN_LINK_LOCAL_IID: {
            uint64_t iid = 0;
            for (int k = 2; k < 10; k++)
            {
                iid = (iid << 8) | d[k];
            }
            out.mnLinkLocalIid = iid;
            break;
        }
        case MobilityOptionType::EXPERIMENTAL:
            out.experimental.push_back({d[0], d[1], std::vector<uint8_t>(d + 2, d + length)});
            break;
        }
    }
    return true;
}

/// RFC 1071 sum of 16-bit big-endian words (an odd last octet is the high half).
uint32_t
AddWords(uint32_t sum, const uint8_t* data, size_t size)
{
    for (size_t k = 0; k + 1 < size; k += 2)
    {
        sum += (static_cast<uint32_t>(data[k]) << 8) | data[k + 1];
        sum = (sum & 0xffff) + (sum >> 16);
    }
    if (size & 1)
    {
        sum += static_cast<uint32_t>(data[size - 1]) << 8;
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return sum;
}

/// The checksum field value for these bytes: one's complement of the sum of
/// the RFC 2460 sec. 8.1 pseudo-header (next header 135) and the bytes.
uint16_t
MobilityChecksum(Ipv6Address src, Ipv6Address dst, const uint8_t* data, uint32_t size)
{
    uint8_t pseudo[40] = {};
    src.Serialize(pseudo);
    dst.Serialize(pseudo + 16);
    pseudo[32] = static_cast<uint8_t>(size >> 24);
    pseudo[33] = static_cast<uint8_t>(size >> 16);
    pseudo[34] = static_cast<uint8_t>(size >> 8);
    pseudo[35] = static_cast<uint8_t>(size);
    pseudo[39] = MobilityHeader::PROT_NUMBER;
    uint32_t sum = AddWords(0, pseudo, sizeof(pseudo));
    sum = AddWords(sum, data, size);
    return static_cast<uint16_t>(~sum & 0xffff);
}

/// RFC 6275 6.1.7: "one time unit is 4 seconds".
constexpr int64_t LIFETIME_UNIT_NS = 4'000'000'000;

uint16_t
LifetimeToUnits(Time lifetime)
{
    const int64_t ns = lifetime.GetNanoSeconds();
    if (ns <= 0)
    {
        return 0;
    }
    return static_cast<uint16_t>(std::min<int64_t>(ns / LIFETIME_UNIT_NS, 0xffff));
}

Time
UnitsToLifetime(uint16_t units)
{
    return Seconds(4.0 * units);
}

std::string
FlagString(std::initializer_list<std::pair<char, bool>> flags)
{
    std::string s;
    for (const auto& [name, set] : flags)
    {
        if (set)
        {
            s += name;
        }
    }
    return s.empty() ? "-" : s;
}

} // namespace

bool
operator==(const HomeNetworkPrefix& a, const HomeNetworkPrefix& b)
{
    return a.prefix == b.prefix && a.prefixLength == b.prefixLength;
}

bool
operator!=(const HomeNetworkPrefix& a, const HomeNetworkPrefix& b)
{
    return !(a == b);
}

bool
operator==(const ContextRequestEntry& a, const ContextRequestEntry& b)
{
    return a.type == b.type && a.option == b.option;
}

bool
operator==(const ExperimentalOption& a, const ExperimentalOption& b)
{
    return a.subtype == b.subtype && a.featureProfileType == b.featureProfileType &&
           a.data == b.data;
}

bool
operator==(const MobilityOptions& a, const MobilityOptions& b)
{
    return a.mnIdentifier == b.mnIdentifier && a.homeNetworkPrefixes == b.homeNetworkPrefixes &&
           a.handoffIndicator == b.handoffIndicator &&
           a.accessTechnologyType == b.accessTechnologyType && a.mnLinkLayerId == b.mnLinkLayerId &&
           a.linkLocalAddress == b.linkLocalAddress && a.timestamp == b.timestamp &&
           a.lmaAddress == b.lmaAddress && a.linkLayerAddress == b.linkLayerAddress &&
           a.contextRequest == b.contextRequest && a.mnLinkLocalIid == b.mnLinkLocalIid &&
           a.experimental == b.experimental && a.unknownOptions == b.unknownOptions;
}

bool
operator!=(const MobilityOptions& a, const MobilityOptions& b)
{
    return !(a == b);
}

// ---------------------------------------------------------------------------
// MobilityHeader

TypeId
MobilityHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::MobilityHeader").SetParent<Header>().SetGroupName("Pmipv6");
    return tid;
}

MobilityHeader::MobilityHeader(MhType type)
    : m_type(type)
{
}

MhType
MobilityHeader::GetMhType() const
{
    return m_type;
}

MobilityOptions&
MobilityHeader::GetOptions()
{
    return m_options;
}

const MobilityOptions&
MobilityHeader::GetOptions() const
{
    return m_options;
}

void
MobilityHeader::CalculatePseudoHeaderChecksum(Ipv6Address src, Ipv6Address dst)
{
    m_calcChecksum = true;
    m_checksumSrc = src;
    m_checksumDst = dst;
}

uint16_t
MobilityHeader::GetChecksum() const
{
    if (!m_calcChecksum)
    {
        return m_checksum;
    }
    Buffer buffer;
    buffer.AddAtStart(GetSerializedSize());
    Serialize(buffer.Begin());
    Buffer::Iterator i = buffer.Begin();
    i.Next(4);
    return i.ReadNtohU16();
}

uint16_t
MobilityHeader::VerifyChecksum(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst)
{
    std::vector<uint8_t> bytes(p->GetSize());
    p->CopyData(bytes.data(), bytes.size());
    return MobilityChecksum(src, dst, bytes.data(), bytes.size());
}

bool
MobilityHeader::PeekMhType(Ptr<const Packet> p, uint8_t& type)
{
    uint8_t common[COMMON_SIZE];
    if (p->GetSize() < COMMON_SIZE)
    {
        return false;
    }
    p->CopyData(common, COMMON_SIZE);
    if (p->GetSize() < (common[1] + 1u) * 8)
    {
        return false;
    }
    type = common[2];
    return true;
}

std::vector<uint8_t>
MobilityHeader::EncodeOptions() const
{
    const uint32_t offset = COMMON_SIZE + GetMessageDataSize();
    std::vector<uint8_t> out;
    for (const auto& tlv : CollectOptions(m_options))
    {
        const OptionRule* rule = FindRule(tlv.type);
        NS_ABORT_MSG_IF(tlv.data.size() > rule->maxLength,
                        rule->name << " option too long (" << tlv.data.size() << " octets)");
        const uint32_t pos = offset + out.size();
        AppendPadding(out, (rule->alignY + rule->alignX - pos % rule->alignX) % rule->alignX);
        out.push_back(tlv.type);
        out.push_back(static_cast<uint8_t>(tlv.data.size()));
        out.insert(out.end(), tlv.data.begin(), tlv.data.end());
    }
    // RFC 6275 6.1.1: the header is a multiple of 8 octets long.
    AppendPadding(out, (8 - (offset + out.size()) % 8) % 8);
    NS_ABORT_MSG_IF(offset + out.size() > MAX_HEADER_SIZE,
                    "Mobility Header of " << offset + out.size() << " octets exceeds "
                                          << MAX_HEADER_SIZE);
    return out;
}

uint32_t
MobilityHeader::GetSerializedSize() const
{
    return COMMON_SIZE + GetMessageDataSize() + EncodeOptions().size();
}

void
MobilityHeader::Serialize(Buffer::Iterator start) const
{
    const std::vector<uint8_t> options = EncodeOptions();
    const uint32_t size = COMMON_SIZE + GetMessageDataSize() + options.size();

    // RFC 6275 6.1.1 common part; the checksum is zero while it is computed.
    Buffer::Iterator i = start;
    i.WriteU8(NO_NEXT_HEADER);
    i.WriteU8(static_cast<uint8_t>(size / 8 - 1));
    i.WriteU8(static_cast<uint8_t>(m_type));
    i.WriteU8(0);
    i.WriteHtonU16(m_calcChecksum ? 0 : m_checksum);
    SerializeMessageData(i);
    i.Write(options.data(), options.size());

    if (m_calcChecksum)
    {
        std::vector<uint8_t> bytes(size);
        Buffer::Iterator r = start;
        r.Read(bytes.data(), size);
        Buffer::Iterator c = start;
        c.Next(4);
        c.WriteHtonU16(MobilityChecksum(m_checksumSrc, m_checksumDst, bytes.data(), size));
    }
}

uint32_t
MobilityHeader::Deserialize(Buffer::Iterator start)
{
    const uint32_t available = start.GetRemainingSize();
    if (available < COMMON_SIZE)
    {
        NS_LOG_LOGIC("only " << available << " octets");
        return 0;
    }
    Buffer::Iterator i = start;
    uint8_t common[COMMON_SIZE];
    i.Read(common, COMMON_SIZE);
    const uint32_t size = (common[1] + 1u) * 8;
    const uint32_t fixed = COMMON_SIZE + GetMessageDataSize();
    if (available < size)
    {
        NS_LOG_LOGIC("Header Len says " << size << " octets, " << available << " there");
        return 0;
    }
    if (common[0] != NO_NEXT_HEADER)
    {
        NS_LOG_LOGIC("Payload Proto " << +common[0]);
        return 0;
    }
    if (common[2] != static_cast<uint8_t>(m_type))
    {
        NS_LOG_LOGIC("MH Type " << +common[2] << " is not "
                                << MhTypeName(static_cast<uint8_t>(m_type)));
        return 0;
    }
    if (size < fixed)
    {
        NS_LOG_LOGIC("message data needs " << fixed << " octets, Header Len gives " << size);
        return 0;
    }

    std::vector<uint8_t> bytes(size);
    Buffer::Iterator r = start;
    r.Read(bytes.data(), size);
    MobilityOptions options;
    if (!DecodeOptions(bytes.data() + fixed, size - fixed, options))
    {
        return 0;
    }

    // Nothing is changed until the whole message is known to be well formed.
    DeserializeMessageData(i);
    m_options = std::move(options);
    m_checksum = static_cast<uint16_t>((common[4] << 8) | common[5]);
    m_calcChecksum = false; // GetChecksum/Serialize now give the value received
    return size;
}

void
MobilityHeader::Print(std::ostream& os) const
{
    os << MhTypeName(static_cast<uint8_t>(m_type)) << " (";
    PrintMessageData(os);
    const MobilityOptions& o = m_options;
    if (o.mnIdentifier)
    {
        os << " mn-id=" << *o.mnIdentifier;
    }
    for (const auto& hnp : o.homeNetworkPrefixes)
    {
        os << " hnp=" << hnp.prefix << "/" << +hnp.prefixLength;
    }
    if (o.handoffIndicator)
    {
        os << " handoff=" << +*o.handoffIndicator;
    }
    if (o.accessTechnologyType)
    {
        os << " att=" << +*o.accessTechnologyType;
    }
    auto hex = [&os](const std::vector<uint8_t>& v) {
        std::ostringstream s;
        for (size_t k = 0; k < v.size(); k++)
        {
            s << (k ? ":" : "") << std::hex << std::setw(2) << std::setfill('0') << +v[k];
        }
        os << s.str();
    };
    if (o.mnLinkLayerId)
    {
        os << " mn-ll-id=";
        hex(*o.mnLinkLayerId);
    }
    if (o.linkLocalAddress)
    {
        os << " link-local=" << *o.linkLocalAddress;
    }
    if (o.timestamp)
    {
        os << " timestamp=" << MobilityTimestampToUnixTime(*o.timestamp).As(Time::S);
    }
    if (o.lmaAddress)
    {
        os << " lmaa=" << *o.lmaAddress;
    }
    if (o.linkLayerAddress)
    {
        os << " lla=";
        hex(*o.linkLayerAddress);
    }
    if (o.contextRequest)
    {
        os << " context-request=";
        for (size_t k = 0; k < o.contextRequest->size(); k++)
        {
            os << (k ? "," : "") << +(*o.contextRequest)[k].type;
        }
    }
    if (o.mnLinkLocalIid)
    {
        std::ostringstream s;
        s << std::hex << std::setw(16) << std::setfill('0') << *o.mnLinkLocalIid;
        os << " mn-lla-iid=" << s.str();
    }
    for (const auto& x : o.experimental)
    {
        os << " experimental=" << +x.subtype << "/" << +x.featureProfileType << "/"
           << x.data.size() << "B";
    }
    if (o.unknownOptions)
    {
        os << " unknown-options=" << o.unknownOptions;
    }
    os << ")";
}

// ---------------------------------------------------------------------------
// BindingUpdateHeader (RFC 6275 6.1.7, RFC 5213 8.1)

namespace
{
// The 16 bits after the Sequence Number: A H L K M R P, then reserved.
constexpr uint16_t BU_FLAG_A = 0x8000;
constexpr uint16_t BU_FLAG_H = 0x4000;
constexpr uint16_t BU_FLAG_L = 0x2000;
constexpr uint16_t BU_FLAG_K = 0x1000;
constexpr uint16_t BU_FLAG_M = 0x0800; // RFC 5380
constexpr uint16_t BU_FLAG_R = 0x0400; // RFC 3963
constexpr uint16_t BU_FLAG_P = 0x0200; // RFC 5213 8.1
constexpr uint16_t BU_FLAG_C = 0x0001; // the Context Reflector paper: no bit assigned
constexpr uint16_t BU_FLAGS = BU_FLAG_A | BU_FLAG_H | BU_FLAG_L | BU_FLAG_K | BU_FLAG_M |
                              BU_FLAG_R | BU_FLAG_P | BU_FLAG_C;
} // namespace

TypeId
BindingUpdateHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingUpdateHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<BindingUpdateHeader>();
    return tid;
}

TypeId
BindingUpdateHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

BindingUpdateHeader::BindingUpdateHeader()
    : BindingUpdateHeader(MhType::BindingUpdate)
{
}

BindingUpdateHeader::BindingUpdateHeader(MhType type)
    : MobilityHeader(type)
{
}

void
BindingUpdateHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint16_t
BindingUpdateHeader::GetSequence() const
{
    return m_sequence;
}

void
BindingUpdateHeader::SetFlag(uint16_t mask, bool f)
{
    m_flags = f ? (m_flags | mask) : (m_flags & ~mask);
}

void
BindingUpdateHeader::SetFlagA(bool f)
{
    SetFlag(BU_FLAG_A, f);
}

bool
BindingUpdateHeader::GetFlagA() const
{
    return m_flags & BU_FLAG_A;
}

void
BindingUpdateHeader::SetFlagH(bool f)
{
    SetFlag(BU_FLAG_H, f);
}

bool
BindingUpdateHeader::GetFlagH() const
{
    return m_flags & BU_FLAG_H;
}

void
BindingUpdateHeader::SetFlagL(bool f)
{
    SetFlag(BU_FLAG_L, f);
}

bool
BindingUpdateHeader::GetFlagL() const
{
    return m_flags & BU_FLAG_L;
}

void
BindingUpdateHeader::SetFlagK(bool f)
{
    SetFlag(BU_FLAG_K, f);
}

bool
BindingUpdateHeader::GetFlagK() const
{
    return m_flags & BU_FLAG_K;
}

void
BindingUpdateHeader::SetFlagM(bool f)
{
    SetFlag(BU_FLAG_M, f);
}

bool
BindingUpdateHeader::GetFlagM() const
{
    return m_flags & BU_FLAG_M;
}

void
BindingUpdateHeader::SetFlagR(bool f)
{
    SetFlag(BU_FLAG_R, f);
}

bool
BindingUpdateHeader::GetFlagR() const
{
    return m_flags & BU_FLAG_R;
}

void
BindingUpdateHeader::SetFlagP(bool f)
{
    SetFlag(BU_FLAG_P, f);
}

bool
BindingUpdateHeader::GetFlagP() const
{
    return m_flags & BU_FLAG_P;
}

void
BindingUpdateHeader::SetFlagC(bool f)
{
    SetFlag(BU_FLAG_C, f);
}

bool
BindingUpdateHeader::GetFlagC() const
{
    return m_flags & BU_FLAG_C;
}

void
BindingUpdateHeader::SetLifetime(Time lifetime)
{
    m_lifetime = LifetimeToUnits(lifetime);
}

Time
BindingUpdateHeader::GetLifetime() const
{
    return UnitsToLifetime(m_lifetime);
}

void
BindingUpdateHeader::SetLifetimeUnits(uint16_t units)
{
    m_lifetime = units;
}

uint16_t
BindingUpdateHeader::GetLifetimeUnits() const
{
    return m_lifetime;
}

uint32_t
BindingUpdateHeader::GetMessageDataSize() const
{
    return 6; // Sequence #, flags + Reserved, Lifetime
}

void
BindingUpdateHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_sequence);
    i.WriteHtonU16(m_flags);
    i.WriteHtonU16(m_lifetime);
}

void
BindingUpdateHeader::DeserializeMessageData(Buffer::Iterator& i)
{
    m_sequence = i.ReadNtohU16();
    m_flags = i.ReadNtohU16() & BU_FLAGS; // reserved bits are ignored
    m_lifetime = i.ReadNtohU16();
}

void
BindingUpdateHeader::PrintMessageData(std::ostream& os) const
{
    os << "seq=" << m_sequence << " flags="
       << FlagString({{'A', GetFlagA()},
                      {'H', GetFlagH()},
                      {'L', GetFlagL()},
                      {'K', GetFlagK()},
                      {'M', GetFlagM()},
                      {'R', GetFlagR()},
                      {'P', GetFlagP()},
                      {'C', GetFlagC()}})
       << " lifetime=" << m_lifetime * 4 << "s";
}

// ---------------------------------------------------------------------------
// FastBindingUpdateHeader (RFC 5568 6.3.1)

TypeId
FastBindingUpdateHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::FastBindingUpdateHeader")
                            .SetParent<BindingUpdateHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<FastBindingUpdateHeader>();
    return tid;
}

TypeId
FastBindingUpdateHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

FastBindingUpdateHeader::FastBindingUpdateHeader()
    : BindingUpdateHeader(MhType::FastBindingUpdate)
{
}

// ---------------------------------------------------------------------------
// BindingAckHeader (RFC 6275 6.1.8, RFC 5213 8.2)

namespace
{
// The octet after the Status: K R P, then reserved.
constexpr uint8_t BA_FLAG_K = 0x80;
constexpr uint8_t BA_FLAG_R = 0x40; // RFC 3963
constexpr uint8_t BA_FLAG_P = 0x20; // RFC 5213 8.2
constexpr uint8_t BA_FLAGS = BA_FLAG_K | BA_FLAG_R | BA_FLAG_P;
} // namespace

TypeId
BindingAckHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingAckHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<BindingAckHeader>();
    return tid;
}

TypeId
BindingAckHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

BindingAckHeader::BindingAckHeader()
    : BindingAckHeader(MhType::BindingAck)
{
}

BindingAckHeader::BindingAckHeader(MhType type)
    : MobilityHeader(type)
{
}

void
BindingAckHeader::SetStatus(uint8_t status)
{
    m_status = status;
}

uint8_t
BindingAckHeader::GetStatus() const
{
    return m_status;
}

void
BindingAckHeader::SetFlag(uint8_t mask, bool f)
{
    m_flags = f ? (m_flags | mask) : (m_flags & ~mask);
}

void
BindingAckHeader::SetFlagK(bool f)
{
    SetFlag(BA_FLAG_K, f);
}

bool
BindingAckHeader::GetFlagK() const
{
    return m_flags & BA_FLAG_K;
}

void
BindingAckHeader::SetFlagR(bool f)
{
    SetFlag(BA_FLAG_R, f);
}

bool
BindingAckHeader::GetFlagR() const
{
    return m_flags & BA_FLAG_R;
}

void
BindingAckHeader::SetFlagP(bool f)
{
    SetFlag(BA_FLAG_P, f);
}

bool
BindingAckHeader::GetFlagP() const
{
    return m_flags & BA_FLAG_P;
}

void
BindingAckHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint16_t
BindingAckHeader::GetSequence() const
{
    return m_sequence;
}

void
BindingAckHeader::SetLifetime(Time lifetime)
{
    m_lifetime = LifetimeToUnits(lifetime);
}

Time
BindingAckHeader::GetLifetime() const
{
    return UnitsToLifetime(m_lifetime);
}

void
BindingAckHeader::SetLifetimeUnits(uint16_t units)
{
    m_lifetime = units;
}

uint16_t
BindingAckHeader::GetLifetimeUnits() const
{
    return m_lifetime;
}

uint32_t
BindingAckHeader::GetMessageDataSize() const
{
    return 6; // Status, flags + Reserved, Sequence #, Lifetime
}

void
BindingAckHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteU8(m_status);
    i.WriteU8(m_flags);
    i.WriteHtonU16(m_sequence);
    i.WriteHtonU16(m_lifetime);
}

void
BindingAckHeader::DeserializeMessageData(Buffer::Iterator& i)
{
    m_status = i.ReadU8();
    m_flags = i.ReadU8() & BA_FLAGS;
    m_sequence = i.ReadNtohU16();
    m_lifetime = i.ReadNtohU16();
}

void
BindingAckHeader::PrintMessageData(std::ostream& os) const
{
    os << "status=" << +m_status
       << " flags=" << FlagString({{'K', GetFlagK()}, {'R', GetFlagR()}, {'P', GetFlagP()}})
       << " seq=" << m_sequence << " lifetime=" << m_lifetime * 4 << "s";
}

// ---------------------------------------------------------------------------
// FastBindingAckHeader (RFC 5568 6.3.2)

TypeId
FastBindingAckHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::FastBindingAckHeader")
                            .SetParent<BindingAckHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<FastBindingAckHeader>();
    return tid;
}

TypeId
FastBindingAckHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

FastBindingAckHeader::FastBindingAckHeader()
    : BindingAckHeader(MhType::FastBindingAck)
{
}

// ---------------------------------------------------------------------------
// HandoverInitiateHeader (RFC 5568 6.2.1, RFC 5949 6.1.1)

namespace
{
// The octet after the Sequence #: S U (RFC 5568) P F (RFC 5949), then reserved.
constexpr uint8_t HI_FLAG_S = 0x80;
constexpr uint8_t HI_FLAG_U = 0x40;
constexpr uint8_t HI_FLAG_P = 0x20;
constexpr uint8_t HI_FLAG_F = 0x10;
constexpr uint8_t HI_FLAGS = HI_FLAG_S | HI_FLAG_U | HI_FLAG_P | HI_FLAG_F;
} // namespace

TypeId
HandoverInitiateHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::HandoverInitiateHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<HandoverInitiateHeader>();
    return tid;
}

TypeId
HandoverInitiateHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

HandoverInitiateHeader::HandoverInitiateHeader()
    : MobilityHeader(MhType::HandoverInitiate)
{
}

void
HandoverInitiateHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint16_t
HandoverInitiateHeader::GetSequence() const
{
    return m_sequence;
}

void
HandoverInitiateHeader::SetFlag(uint8_t mask, bool f)
{
    m_flags = f ? (m_flags | mask) : (m_flags & ~mask);
}

void
HandoverInitiateHeader::SetFlagS(bool f)
{
    SetFlag(HI_FLAG_S, f);
}

bool
HandoverInitiateHeader::GetFlagS() const
{
    return m_flags & HI_FLAG_S;
}

void
HandoverInitiateHeader::SetFlagU(bool f)
{
    SetFlag(HI_FLAG_U, f);
}

bool
HandoverInitiateHeader::GetFlagU() const
{
    return m_flags & HI_FLAG_U;
}

void
HandoverInitiateHeader::SetFlagP(bool f)
{
    SetFlag(HI_FLAG_P, f);
}

bool
HandoverInitiateHeader::GetFlagP() const
{
    return m_flags & HI_FLAG_P;
}

void
HandoverInitiateHeader::SetFlagF(bool f)
{
    SetFlag(HI_FLAG_F, f);
}

bool
HandoverInitiateHeader::GetFlagF() const
{
    return m_flags & HI_FLAG_F;
}

void
HandoverInitiateHeader::SetCode(uint8_t code)
{
    m_code = code;
}

uint8_t
HandoverInitiateHeader::GetCode() const
{
    return m_code;
}

uint32_t
HandoverInitiateHeader::GetMessageDataSize() const
{
    return 4; // Sequence #, flags + Reserved, Code
}

void
HandoverInitiateHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_sequence);
    i.WriteU8(m_flags);
    i.WriteU8(m_code);
}

void
HandoverInitiateHeader::DeserializeMessageData(Buffer::Iterator& i)
{
    m_sequence = i.ReadNtohU16();
    m_flags = i.ReadU8() & HI_FLAGS;
    m_code = i.ReadU8();
}

void
HandoverInitiateHeader::PrintMessageData(std::ostream& os) const
{
    os << "seq=" << m_sequence << " flags="
       << FlagString({{'S', GetFlagS()}, {'U', GetFlagU()}, {'P', GetFlagP()}, {'F', GetFlagF()}})
       << " code=" << +m_code;
}

// ---------------------------------------------------------------------------
// HandoverAckHeader (RFC 5568 6.2.2, RFC 5949 6.1.2)

namespace
{
// The octet after the Sequence #: U P F (RFC 5949 6.1.2), then reserved.
constexpr uint8_t HACK_FLAG_U = 0x80;
constexpr uint8_t HACK_FLAG_P = 0x40;
constexpr uint8_t HACK_FLAG_F = 0x20;
constexpr uint8_t HACK_FLAGS = HACK_FLAG_U | HACK_FLAG_P | HACK_FLAG_F;
} // namespace

TypeId
HandoverAckHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::HandoverAckHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<HandoverAckHeader>();
    return tid;
}

TypeId
HandoverAckHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

HandoverAckHeader::HandoverAckHeader()
    : MobilityHeader(MhType::HandoverAck)
{
}

void
HandoverAckHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint16_t
HandoverAckHeader::GetSequence() const
{
    return m_sequence;
}

void
HandoverAckHeader::SetFlag(uint8_t mask, bool f)
{
    m_flags = f ? (m_flags | mask) : (m_flags & ~mask);
}

void
HandoverAckHeader::SetFlagU(bool f)
{
    SetFlag(HACK_FLAG_U, f);
}

bool
HandoverAckHeader::GetFlagU() const
{
    return m_flags & HACK_FLAG_U;
}

void
HandoverAckHeader::SetFlagP(bool f)
{
    SetFlag(HACK_FLAG_P, f);
}

bool
HandoverAckHeader::GetFlagP() const
{
    return m_flags & HACK_FLAG_P;
}

void
HandoverAckHeader::SetFlagF(bool f)
{
    SetFlag(HACK_FLAG_F, f);
}

bool
HandoverAckHeader::GetFlagF() const
{
    return m_flags & HACK_FLAG_F;
}

void
HandoverAckHeader::SetCode(uint8_t code)
{
    m_code = code;
}

uint8_t
HandoverAckHeader::GetCode() const
{
    return m_code;
}

uint32_t
HandoverAckHeader::GetMessageDataSize() const
{
    return 4; // Sequence #, flags + Reserved, Code
}

void
HandoverAckHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_sequence);
    i.WriteU8(m_flags);
    i.WriteU8(m_code);
}

void
HandoverAckHeader::DeserializeMessageData(Buffer::Iterator& i)
{
    m_sequence = i.ReadNtohU16();
    m_flags = i.ReadU8() & HACK_FLAGS; // reserved bits are ignored
    m_code = i.ReadU8();
}

void
HandoverAckHeader::PrintMessageData(std::ostream& os) const
{
    os << "seq=" << m_sequence
       << " flags=" << FlagString({{'U', GetFlagU()}, {'P', GetFlagP()}, {'F', GetFlagF()}})
       << " code=" << +m_code;
}

// ---------------------------------------------------------------------------
// BindingErrorHeader (RFC 6275 6.1.9)

TypeId
BindingErrorHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BindingErrorHeader")
                            .SetParent<MobilityHeader>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<BindingErrorHeader>();
    return tid;
}

TypeId
BindingErrorHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

BindingErrorHeader::BindingErrorHeader()
    : MobilityHeader(MhType::BindingError)
{
}

void
BindingErrorHeader::SetStatus(uint8_t status)
{
    m_status = status;
}

uint8_t
BindingErrorHeader::GetStatus() const
{
    return m_status;
}

void
BindingErrorHeader::SetHomeAddress(Ipv6Address address)
{
    m_homeAddress = address;
}

Ipv6Address
BindingErrorHeader::GetHomeAddress() const
{
    return m_homeAddress;
}

uint32_t
BindingErrorHeader::GetMessageDataSize() const
{
    return 18; // Status, Reserved, Home Address
}

void
BindingErrorHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    uint8_t address[16];
    m_homeAddress.Serialize(address);
    i.WriteU8(m_status);
    i.WriteU8(0);
    i.Write(address, 16);
}

void
BindingErrorHeader::DeserializeMessageData(Buffer::Iterator& i)
{
    uint8_t address[16];
    m_status = i.ReadU8();
    i.ReadU8(); // Reserved
    i.Read(address, 16);
    m_homeAddress = Ipv6Address::Deserialize(address);
}

void
BindingErrorHeader::PrintMessageData(std::ostream& os) const
{
    os << "status=" << +m_status << " home-address=" << m_homeAddress;
}

// ---------------------------------------------------------------------------
// Free functions

namespace
{
constexpr int64_t NS_PER_S = 1'000'000'000;
constexpr uint64_t MAX_TIMESTAMP_SECONDS = (uint64_t{1} << 48) - 1;
/// 2026-01-01 00:00:00 UTC in seconds since 1970-01-01 00:00:00 UTC.
constexpr int64_t DEFAULT_EPOCH_UNIX_SECONDS = 1'767'225'600;

GlobalValue g_timestampEpoch("Pmipv6TimestampEpoch",
                             "Wall-clock time (since 1970-01-01 00:00 UTC, RFC 5213 sec. 8.8) "
                             "at simulation time 0; the Mobility Header timestamps count from it",
                             TimeValue(Seconds(DEFAULT_EPOCH_UNIX_SECONDS)),
                             MakeTimeChecker(Seconds(0)));
} // namespace

uint64_t
UnixTimeToMobilityTimestamp(Time t)
{
    const int64_t ns = t.GetNanoSeconds();
    if (ns <= 0)
    {
        return 0;
    }
    const uint64_t seconds = static_cast<uint64_t>(ns / NS_PER_S);
    if (seconds > MAX_TIMESTAMP_SECONDS)
    {
        return std::numeric_limits<uint64_t>::max();
    }
    const uint64_t fraction = (static_cast<uint64_t>(ns % NS_PER_S) << 16) / NS_PER_S;
    return (seconds << 16) | fraction;
}

Time
MobilityTimestampToUnixTime(uint64_t ts)
{
    const uint64_t seconds = ts >> 16;
    const uint64_t fraction = ts & 0xffff;
    if (seconds >= static_cast<uint64_t>(std::numeric_limits<int64_t>::max() / NS_PER_S))
    {
        return Time::Max();
    }
    // Rounded up, so that converting back (which rounds down) gives ts again.
    const int64_t fractionNs = static_cast<int64_t>((fraction * NS_PER_S + 0xffff) >> 16);
    return NanoSeconds(static_cast<int64_t>(seconds) * NS_PER_S + fractionNs);
}

Time
GetMobilityTimestampEpoch()
{
    TimeValue epoch;
    g_timestampEpoch.GetValue(epoch);
    return epoch.Get();
}

uint64_t
TimeToMobilityTimestamp(Time simulationTime)
{
    return UnixTimeToMobilityTimestamp(simulationTime + GetMobilityTimestampEpoch());
}

Time
MobilityTimestampToTime(uint64_t ts)
{
    Time t = MobilityTimestampToUnixTime(ts);
    return t == Time::Max() ? t : t - GetMobilityTimestampEpoch();
}

std::string
MhTypeName(uint8_t type)
{
    switch (static_cast<MhType>(type))
    {
    case MhType::BindingUpdate:
        return "BindingUpdate";
    case MhType::BindingAck:
        return "BindingAck";
    case MhType::FastBindingUpdate:
        return "FastBindingUpdate";
    case MhType::FastBindingAck:
        return "FastBindingAck";
    case MhType::HandoverInitiate:
        return "HandoverInitiate";
    case MhType::HandoverAck:
        return "HandoverAck";
    case MhType::BindingError:
        return "BindingError";
    case MhType::Experimental:
        return "Experimental";
    case MhType::BindingRevocation:
        return "BindingRevocation";
    }
    return "MhType(" + std::to_string(type) + ")";
}

} // namespace ns3
