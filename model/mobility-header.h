// SPDX-License-Identifier: GPL-2.0-only
/*
 * IPv6 Mobility Header messages (IPv6 next header 135) used by Proxy Mobile
 * IPv6 (RFC 5213) and its fast handovers (RFC 5568, RFC 5949), written and
 * read octet for octet as the RFCs lay them out.
 *
 * Every message is one ns3::Header: the 6-octet common part (RFC 6275 sec.
 * 6.1.1), the message's fixed data, then its mobility options (RFC 6275 sec.
 * 6.2) padded with Pad1/PadN to their alignment and to a multiple of 8 octets.
 */
#ifndef PMIPV6_MOBILITY_HEADER_H
#define PMIPV6_MOBILITY_HEADER_H

#include "ns3/buffer.h"
#include "ns3/header.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/// RFC 6275 sec. 6.1.2 / IANA Mobility Header types used here.
enum class MhType : uint8_t
{
    BindingUpdate = 5,     //!< RFC 6275 6.1.7 (PBU: RFC 5213 8.1)
    BindingAck = 6,        //!< RFC 6275 6.1.8 (PBA: RFC 5213 8.2)
    FastBindingUpdate = 8, //!< RFC 5568 6.3.1
    BindingError = 7,      //!< RFC 6275 6.1.9
    FastBindingAck = 9,    //!< RFC 5568 6.3.2
    Experimental = 11,     //!< RFC 5096 sec. 3 (Context Reflector, the Fast Handover Scheme)
    HandoverInitiate = 14, //!< RFC 5568 6.2.1, RFC 5949 6.1.1
    HandoverAck = 15,      //!< RFC 5568 6.2.2, RFC 5949 6.1.2
    BindingRevocation = 16, //!< RFC 5846 sec. 6.1 (BRI and BRA)
};

/// Binding Acknowledgement status codes (RFC 6275 6.1.8, RFC 5213 8.9).
/// Values below 128 mean the binding was accepted.
namespace BindingAckStatus
{
enum : uint8_t
{
    ACCEPTED = 0,
    // RFC 6275 6.1.8
    REASON_UNSPECIFIED = 128,
    ADMINISTRATIVELY_PROHIBITED = 129,
    INSUFFICIENT_RESOURCES = 130,
    HOME_REGISTRATION_NOT_SUPPORTED = 131,
    NOT_HOME_SUBNET = 132,
    NOT_HOME_AGENT_FOR_THIS_MOBILE_NODE = 133,
    DUPLICATE_ADDRESS_DETECTION_FAILED = 134,
    SEQUENCE_NUMBER_OUT_OF_WINDOW = 135,
    // RFC 5213 8.9
    PROXY_REG_NOT_ENABLED = 152,
    NOT_LMA_FOR_THIS_MOBILE_NODE = 153,
    MAG_NOT_AUTHORIZED_FOR_PROXY_REG = 154,
    NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX = 155,
    TIMESTAMP_MISMATCH = 156,
    TIMESTAMP_LOWER_THAN_PREV_ACCEPTED = 157,
    MISSING_HOME_NETWORK_PREFIX_OPTION = 158,
    BCE_PBU_PREFIX_SET_DO_NOT_MATCH = 159,
    MISSING_MN_IDENTIFIER_OPTION = 160,
    MISSING_HANDOFF_INDICATOR_OPTION = 161,
    MISSING_ACCESS_TECH_TYPE_OPTION = 162,
};
/// RFC 6275 sec. 6.1.8: values below 128 accept the binding.
inline bool
IsAccepted(uint8_t status)
{
    return status < REASON_UNSPECIFIED;
}
} // namespace BindingAckStatus

/// Handoff Indicator option values (RFC 5213 sec. 8.4).
namespace HandoffIndicator
{
enum : uint8_t
{
    RESERVED = 0,
    ATTACHMENT_OVER_NEW_INTERFACE = 1,
    HANDOFF_BETWEEN_INTERFACES = 2, //!< between two different interfaces of the MN
    HANDOFF_BETWEEN_MAGS = 3,       //!< between MAGs for the same interface
    HANDOFF_STATE_UNKNOWN = 4,
    HANDOFF_STATE_NOT_CHANGED = 5, //!< re-registration
};
} // namespace HandoffIndicator

/// Access Technology Type option values (RFC 5213 sec. 8.5).
namespace AccessTechnologyType
{
enum : uint8_t
{
    RESERVED = 0,
    VIRTUAL = 1,
    PPP = 2,
    IEEE_802_3 = 3,
    IEEE_802_11ABG = 4,
    IEEE_802_16E = 5,
};
} // namespace AccessTechnologyType

/// Binding Error status values (RFC 6275 sec. 6.1.9).
namespace BindingErrorStatus
{
enum : uint8_t
{
    UNKNOWN_BINDING_FOR_HOME_ADDRESS_OPTION = 1,
    UNRECOGNIZED_MH_TYPE = 2, //!< RFC 6275 sec. 9.2
};
} // namespace BindingErrorStatus

/// HI Code values (RFC 5568 sec. 6.2.1; 2 and 3 added by RFC 5949 sec. 6.1.1).
namespace HandoverInitiateCode
{
enum : uint8_t
{
    FBU_FROM_PCOA = 0,           //!< FBU with the PCoA as source IP address
    FBU_NOT_FROM_PCOA = 1,       //!< FBU whose source IP address is not the PCoA
    FORWARDING_COMPLETED = 2,    //!< RFC 5949: indicate the completion of forwarding
    ALL_CONTEXT_TRANSFERRED = 3, //!< RFC 5949: all available context transferred
};
} // namespace HandoverInitiateCode

/// HAck Code values (RFC 5568 sec. 6.2.2; 5, 6 and 131 added by RFC 5949 sec. 6.1.2).
namespace HandoverAckCode
{
enum : uint8_t
{
    ACCEPTED = 0, //!< accepted with NCoA valid / successful (P flag)
    ACCEPTED_NCOA_NOT_VALID = 1,
    ACCEPTED_NCOA_ASSIGNED = 2,
    ACCEPTED_USE_PCOA = 3,
    SENT_UNSOLICITED = 4,
    CONTEXT_TRANSFER_ACCEPTED = 5, //!< RFC 5949
    ALL_CONTEXT_TRANSFERRED = 6,   //!< RFC 5949
    NOT_ACCEPTED_REASON_UNSPECIFIED = 128,
    ADMINISTRATIVELY_PROHIBITED = 129,
    INSUFFICIENT_RESOURCES = 130,
    REQUESTED_CONTEXT_NOT_AVAILABLE = 131, //!< RFC 5949
};
} // namespace HandoverAckCode

/// Mobility option types (IANA "Mobility Options" registry) handled here.
namespace MobilityOptionType
{
enum : uint8_t
{
    PAD1 = 0,                    //!< RFC 6275 6.2.2
    PADN = 1,                    //!< RFC 6275 6.2.3
    LINK_LAYER_ADDRESS = 7,      //!< RFC 5568 6.4.3 MH-LLA
    MN_IDENTIFIER = 8,           //!< RFC 4283 sec. 3
    HOME_NETWORK_PREFIX = 22,    //!< RFC 5213 8.3
    HANDOFF_INDICATOR = 23,      //!< RFC 5213 8.4
    ACCESS_TECHNOLOGY_TYPE = 24, //!< RFC 5213 8.5
    MN_LINK_LAYER_ID = 25,       //!< RFC 5213 8.6
    LINK_LOCAL_ADDRESS = 26,     //!< RFC 5213 8.7
    TIMESTAMP = 27,              //!< RFC 5213 8.8
    CONTEXT_REQUEST = 40,        //!< RFC 5949 6.2.1
    LMA_ADDRESS = 41,            //!< RFC 5949 6.2.2 (LMAA)
    EXPERIMENTAL = 18,           //!< RFC 5096 sec. 4
    MN_LINK_LOCAL_IID = 42,      //!< RFC 5949 6.2.3 (MN LLA-IID)
};
} // namespace MobilityOptionType

/// RFC 4283 sec. 3: MN-ID subtype carried here.
constexpr uint8_t MN_ID_SUBTYPE_NAI = 1;
/// RFC 5949 6.2.2: LMAA Option-Code for an IPv6 LMA address.
constexpr uint8_t LMAA_CODE_IPV6 = 1;
/// RFC 5568 6.4.3: MH-LLA Option-Code "link-layer address of the MN".
constexpr uint8_t MH_LLA_CODE_MN = 2;

/// A home network prefix as carried in the HNP option (RFC 5213 8.3).
struct HomeNetworkPrefix
{
    Ipv6Address prefix;
    uint8_t prefixLength = 64;
};

bool operator==(const HomeNetworkPrefix& a, const HomeNetworkPrefix& b);
bool operator!=(const HomeNetworkPrefix& a, const HomeNetworkPrefix& b);

/**
 * One request of a Context Request option (RFC 5949 6.2.1): the type of
 * the mobility option whose context is asked for (Req-type), and the data
 * that qualifies the request (Req-option, Req-length octets; often none).
 */
struct ContextRequestEntry
{
    uint8_t type{0};
    std::vector<uint8_t> option;
};

bool operator==(const ContextRequestEntry& a, const ContextRequestEntry& b);

/**
 * One Experimental Mobility Option (RFC 5096 sec. 4: Type 18, Length,
 * then data the experiment defines). This module's experiments lay the
 * data out as Subtype (which experiment's option), Feature Profile Type
 * (what the rest is; the Context Reflector paper, sec. 3.5.2) and the
 * feature's octets (at most 253).
 */
struct ExperimentalOption
{
    uint8_t subtype{0};
    uint8_t featureProfileType{0};
    std::vector<uint8_t> data;
};

bool operator==(const ExperimentalOption& a, const ExperimentalOption& b);

/**
 * The mobility options a message carries, parsed from / written as TLVs
 * (RFC 6275 6.2 with its alignment rules: each option is preceded by Pad1/PadN
 * so that it starts at its required 8n+k offset counted from the start of the
 * Mobility Header, and the whole header is padded to a multiple of 8 octets).
 * On serialize they are written in the order of the members below.
 */
struct MobilityOptions
{
    std::optional<std::string> mnIdentifier;            //!< type 8, RFC 4283, subtype 1 (NAI)
    std::vector<HomeNetworkPrefix> homeNetworkPrefixes; //!< type 22, RFC 5213 8.3, align 8n+4
    std::optional<uint8_t> handoffIndicator;            //!< type 23, RFC 5213 8.4
    std::optional<uint8_t> accessTechnologyType;        //!< type 24, RFC 5213 8.5
    std::optional<std::vector<uint8_t>> mnLinkLayerId;  //!< type 25, RFC 5213 8.6, align 8n+2
    std::optional<Ipv6Address> linkLocalAddress;        //!< type 26, RFC 5213 8.7, align 8n+6
    std::optional<uint64_t> timestamp;                  //!< type 27, RFC 5213 8.8, align 8n+2
    /// type 41, RFC 5949 6.2.2 LMA Address option, Option-Code 1 (IPv6), align 8n+4
    std::optional<Ipv6Address> lmaAddress;
    /// type 7, RFC 5568 6.4.3 MH Link-Layer Address option, Option-Code 2 (MN's LLA)
    std::optional<std::vector<uint8_t>> linkLayerAddress;
    /// type 40, RFC 5949 6.2.1 Context Request option: Reserved, then the
    /// requests (Req-type, Req-length, Req-option); align 2n (RFC 6275 6.2:
    /// the 16-bit Reserved field on its natural boundary)
    std::optional<std::vector<ContextRequestEntry>> contextRequest;
    /// type 42, RFC 5949 6.2.3 MN Link-local Address Interface Identifier
    /// (MN LLA-IID): Reserved, 64-bit interface identifier; align 8n+4 (the
    /// identifier on an 8-octet boundary, RFC 6275 6.2)
    std::optional<uint64_t> mnLinkLocalIid;
    /// type 18, RFC 5096 sec. 4 Experimental Mobility Options, in order; no
    /// alignment requirement; Length 2 to 255
    std::vector<ExperimentalOption> experimental;
    /// unrecognised options skipped on receive (counted, not kept; never written)
    uint32_t unknownOptions = 0;
};

bool operator==(const MobilityOptions& a, const MobilityOptions& b);
bool operator!=(const MobilityOptions& a, const MobilityOptions& b);

/**
 * Base of every Mobility Header message: the common part (RFC 6275 6.1.1),
 * the options and the checksum. A packet that carries a Mobility Header
 * holds nothing else (Payload Proto is always 59, "no next header").
 */
class MobilityHeader : public Header
{
  public:
    /// IPv6 Next Header value of the Mobility Header (RFC 6275 6.1.1).
    static constexpr uint8_t PROT_NUMBER = 135;
    /// The only Payload Proto value sent and accepted (IPPROTO_NONE).
    static constexpr uint8_t NO_NEXT_HEADER = 59;
    /// Octets of Payload Proto, Header Len, MH Type, Reserved and Checksum.
    static constexpr uint32_t COMMON_SIZE = 6;

    static TypeId GetTypeId();

    MhType GetMhType() const;
    MobilityOptions& GetOptions();
    const MobilityOptions& GetOptions() const;

    /**
     * Call before Packet::AddHeader: makes Serialize write the RFC 6275 6.1.1
     * checksum (pseudo-header src, dst, upper-layer length = GetSerializedSize(),
     * next header 135), computed over the message as it is when serialized.
     */
    void CalculatePseudoHeaderChecksum(Ipv6Address src, Ipv6Address dst);

    /// The checksum Serialize writes (after CalculatePseudoHeaderChecksum), else the
    /// value read by the last Deserialize (0 for a header built locally).
    uint16_t GetChecksum() const;

    /**
     * One's-complement checksum over the pseudo-header and the packet's bytes
     * (the whole packet is the Mobility Header).
     * \return 0 when the checksum field is right
     */
    static uint16_t VerifyChecksum(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst);

    /**
     * Reads the MH Type of a packet that starts with a Mobility Header.
     * \return false if the packet is shorter than 6 octets or than its Header Len says
     */
    static bool PeekMhType(Ptr<const Packet> p, uint8_t& type);

    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    /**
     * \return the octets read, or 0 (with this header left unchanged) for any
     * malformed input: shorter than 6 octets or than (Header Len+1)*8, Payload
     * Proto != 59, MH Type not this class's, message data or an option running
     * past the end, an option length wrong for its type (e.g. HNP len != 18).
     * Never reads past the end of the buffer.
     */
    uint32_t Deserialize(Buffer::Iterator start) override;
    void Print(std::ostream& os) const override;

  protected:
    explicit MobilityHeader(MhType type);

    /// Octets of the message's fixed part after the 6-octet common header.
    virtual uint32_t GetMessageDataSize() const = 0;
    virtual void SerializeMessageData(Buffer::Iterator& i) const = 0;
    /// Only called once GetMessageDataSize() octets are known to be there.
    virtual void DeserializeMessageData(Buffer::Iterator& i) = 0;
    virtual void PrintMessageData(std::ostream& os) const = 0;

  private:
    /// The options area (with its padding) as written after the message data.
    std::vector<uint8_t> EncodeOptions() const;

    MhType m_type;
    MobilityOptions m_options;
    uint16_t m_checksum{0};
    bool m_calcChecksum{false};
    Ipv6Address m_checksumSrc;
    Ipv6Address m_checksumDst;
};

/**
 * RFC 6275 6.1.7 Binding Update with the RFC 5213 8.1 P flag (PBU);
 * also the FBU (RFC 5568 6.3.1, same format, type 8).
 */
class BindingUpdateHeader : public MobilityHeader
{
  public:
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    BindingUpdateHeader(); //!< MH type 5

    void SetSequence(uint16_t sequence);
    uint16_t GetSequence() const;

    void SetFlagA(bool f); //!< Acknowledge
    bool GetFlagA() const;
    void SetFlagH(bool f); //!< Home Registration
    bool GetFlagH() const;
    void SetFlagL(bool f); //!< Link-Local Address Compatibility
    bool GetFlagL() const;
    void SetFlagK(bool f); //!< Key Management Mobility Capability
    bool GetFlagK() const;
    void SetFlagM(bool f); //!< MAP Registration (RFC 5380)
    bool GetFlagM() const;
    void SetFlagR(bool f); //!< Mobile Router (RFC 3963)
    bool GetFlagR() const;
    void SetFlagP(bool f); //!< Proxy Registration (RFC 5213 8.1)
    bool GetFlagP() const;
    /**
     * Context flag of the Context Reflector paper (sec. 3.3: the
     * de-registration PBU carries the MN's context). No bit is assigned to
     * it: this module uses the lowest reserved bit (0x0001 of the flags word).
     */
    void SetFlagC(bool f);
    bool GetFlagC() const;

    /// Wire unit is 4 s: rounded down, saturating at 0xffff units.
    void SetLifetime(Time lifetime);
    Time GetLifetime() const;
    void SetLifetimeUnits(uint16_t units);
    uint16_t GetLifetimeUnits() const;

  protected:
    explicit BindingUpdateHeader(MhType type);
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    void DeserializeMessageData(Buffer::Iterator& i) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    void SetFlag(uint16_t mask, bool f);

    uint16_t m_sequence{0};
    uint16_t m_flags{0};
    uint16_t m_lifetime{0};
};

/// RFC 5568 6.3.1 Fast Binding Update: Binding Update format, MH type 8.
class FastBindingUpdateHeader : public BindingUpdateHeader
{
  public:
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    FastBindingUpdateHeader(); //!< MH type 8
};

/**
 * RFC 6275 6.1.8 Binding Acknowledgement with the RFC 5213 8.2 P flag (PBA);
 * also the FBack (RFC 5568 6.3.2, same format, type 9).
 */
class BindingAckHeader : public MobilityHeader
{
  public:
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    BindingAckHeader(); //!< MH type 6

    void SetStatus(uint8_t status); //!< see BindingAckStatus
    uint8_t GetStatus() const;

    void SetFlagK(bool f); //!< Key Management Mobility Capability
    bool GetFlagK() const;
    void SetFlagR(bool f); //!< Mobile Router (RFC 3963)
    bool GetFlagR() const;
    void SetFlagP(bool f); //!< Proxy Registration (RFC 5213 8.2)
    bool GetFlagP() const;

    void SetSequence(uint16_t sequence);
    uint16_t GetSequence() const;

    /// Wire unit is 4 s: rounded down, saturating at 0xffff units.
    void SetLifetime(Time lifetime);
    Time GetLifetime() const;
    void SetLifetimeUnits(uint16_t units);
    uint16_t GetLifetimeUnits() const;

  protected:
    explicit BindingAckHeader(MhType type);
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    void DeserializeMessageData(Buffer::Iterator& i) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    void SetFlag(uint8_t mask, bool f);

    uint8_t m_status{BindingAckStatus::ACCEPTED};
    uint8_t m_flags{0};
    uint16_t m_sequence{0};
    uint16_t m_lifetime{0};
};

/// RFC 5568 6.3.2 Fast Binding Acknowledgment: Binding Ack format, MH type 9.
class FastBindingAckHeader : public BindingAckHeader
{
  public:
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    FastBindingAckHeader(); //!< MH type 9
};

/// RFC 5568 6.2.1 Handover Initiate with the RFC 5949 6.1.1 flags (S U P F) and Code.
class HandoverInitiateHeader : public MobilityHeader
{
  public:
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    HandoverInitiateHeader(); //!< MH type 14

    void SetSequence(uint16_t sequence);
    uint16_t GetSequence() const;

    void SetFlagS(bool f); //!< assigned address configuration (RFC 5568)
    bool GetFlagS() const;
    void SetFlagU(bool f); //!< buffer allocation request (RFC 5568)
    bool GetFlagU() const;
    void SetFlagP(bool f); //!< Proxy: PFMIPv6 HI (RFC 5949)
    bool GetFlagP() const;
    void SetFlagF(bool f); //!< Forwarding: request to forward packets (RFC 5949)
    bool GetFlagF() const;

    void SetCode(uint8_t code); //!< see HandoverInitiateCode
    uint8_t GetCode() const;

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    void DeserializeMessageData(Buffer::Iterator& i) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    void SetFlag(uint8_t mask, bool f);

    uint16_t m_sequence{0};
    uint8_t m_flags{0};
    uint8_t m_code{0};
};

/**
 * RFC 5568 6.2.2 Handover Acknowledge with the RFC 5949 6.1.2 flags: the
 * octet after the Sequence # holds U (buffer), P (proxy: a PFMIPv6 HAck,
 * answering an HI with P set) and F (forwarding), then reserved bits.
 */
class HandoverAckHeader : public MobilityHeader
{
  public:
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    HandoverAckHeader(); //!< MH type 15

    void SetSequence(uint16_t sequence);
    uint16_t GetSequence() const;

    void SetFlagU(bool f); //!< buffer allocated (RFC 5949)
    bool GetFlagU() const;
    void SetFlagP(bool f); //!< Proxy: PFMIPv6 HAck (RFC 5949)
    bool GetFlagP() const;
    void SetFlagF(bool f); //!< Forwarding (RFC 5949)
    bool GetFlagF() const;

    void SetCode(uint8_t code); //!< see HandoverAckCode
    uint8_t GetCode() const;

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    void DeserializeMessageData(Buffer::Iterator& i) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    void SetFlag(uint8_t mask, bool f);

    uint16_t m_sequence{0};
    uint8_t m_flags{0};
    uint8_t m_code{0};
};

/**
 * RFC 6275 6.1.9 Binding Error: Status, Reserved, Home Address (the
 * unspecified address when the offending packet had no Home Address
 * destination option, RFC 6275 9.3.3), options. Sent for an unrecognised
 * MH Type with status 2 (RFC 6275 9.2).
 */
class BindingErrorHeader : public MobilityHeader
{
  public:
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    BindingErrorHeader(); //!< MH type 7

    void SetStatus(uint8_t status); //!< see BindingErrorStatus
    uint8_t GetStatus() const;
    void SetHomeAddress(Ipv6Address address);
    Ipv6Address GetHomeAddress() const;

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    void DeserializeMessageData(Buffer::Iterator& i) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    uint8_t m_status{BindingErrorStatus::UNRECOGNIZED_MH_TYPE};
    Ipv6Address m_homeAddress{Ipv6Address::GetAny()};
};

/**
 * RFC 5213 8.8 timestamp: 48-bit seconds + 16-bit 1/65536 fractions of the
 * time \p sinceUnixEpoch since 1970-01-01 00:00 UTC. Rounds down; negative
 * times give 0 and times past 2^48 s saturate.
 */
uint64_t UnixTimeToMobilityTimestamp(Time sinceUnixEpoch);
/// Inverse of UnixTimeToMobilityTimestamp: rounds the fraction up to the next
/// nanosecond so that UnixTimeToMobilityTimestamp(MobilityTimestampToUnixTime(ts)) == ts.
Time MobilityTimestampToUnixTime(uint64_t ts);

/**
 * The wall-clock time (since 1970-01-01 00:00 UTC) at simulation time 0:
 * the global value "Pmipv6TimestampEpoch", by default 2026-01-01 00:00 UTC,
 * so that timestamps (and pcaps decoded with them) show a modern date.
 */
Time GetMobilityTimestampEpoch();
/// The RFC 5213 8.8 timestamp of simulation time \p simulationTime (what agents stamp).
uint64_t TimeToMobilityTimestamp(Time simulationTime);
/// The simulation time a timestamp stands for: negative if before time 0,
/// Time::Max() past what Time holds. Exact inverse of TimeToMobilityTimestamp.
Time MobilityTimestampToTime(uint64_t ts);

/// Plain name of an MH type ("BindingUpdate", "HandoverAck", ...; "MhType(N)" otherwise).
/// PBU/PBA are not named: that needs the P flag.
std::string MhTypeName(uint8_t type);

} // namespace ns3

#endif /* PMIPV6_MOBILITY_HEADER_H */
