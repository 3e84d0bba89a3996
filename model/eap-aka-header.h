// SPDX-License-Identifier: GPL-2.0-only
/*
 * Access authentication on the wire, for ProMPt and for the Mobile IPv6 +
 * EAP-AKA reference (the ProMPt paper, sec. 3.2.2 and 3.3.1):
 *  - the UMTS authentication vector (AV) and the AKA functions that make and
 *    check it (3GPP TS 33.102 sec. 6.3; stand-ins, not cryptography),
 *  - EAPOL frames (IEEE 802.1X-2004 sec. 7.5) on the access link,
 *  - EAP packets (RFC 3748 sec. 4) with the EAP-AKA type (RFC 4187 sec. 8
 *    and 10), the real attribute layouts and sizes,
 *  - RADIUS packets (RFC 2865 sec. 3 and 5, EAP-Message per RFC 3579) between
 *    the authenticator (the AR) and the home AAA, and between the MAP and the
 *    home AAA for AV refills (vendor-specific attributes, documented below).
 */
#ifndef EAP_AKA_HEADER_H
#define EAP_AKA_HEADER_H

#include "ns3/header.h"
#include "ns3/packet.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * A UMTS authentication vector (3GPP TS 33.102 sec. 6.3.2): RAND, XRES
 * (64 bits here; 32 to 128 are allowed), CK, IK and AUTN. On the wire
 * (ProMPt AV field, RADIUS vendor attribute) it is these fields in this
 * order: 16 + 8 + 16 + 16 + 16 = 72 octets.
 */
struct AuthenticationVector
{
    static constexpr uint32_t SIZE = 72;
    std::array<uint8_t, 16> rand{};
    std::array<uint8_t, 8> xres{};
    std::array<uint8_t, 16> ck{};
    std::array<uint8_t, 16> ik{};
    std::array<uint8_t, 16> autn{};

    /// Writes SIZE octets.
    void Write(uint8_t* out) const;
    /// Reads SIZE octets.
    void Read(const uint8_t* in);
    bool operator==(const AuthenticationVector& o) const;
};

/**
 * \ingroup pmipv6
 * The AKA functions f1-f5 of 3GPP TS 33.102 sec. 6.3, replaced by a keyed
 * mixing function (splitmix64): RES, CK, IK and AUTN depend on the
 * subscriber key K, RAND and SQN as in AKA, so a wrong key or a replayed
 * AUTN fails the check, but nothing here is cryptographically strong. The
 * simulation needs the message flow and sizes, not the secrecy.
 */
class AkaFunctions
{
  public:
    /// The HSS's side: a fresh AV for key \p k, sequence number \p sqn and \p rand.
    static AuthenticationVector MakeVector(uint64_t k,
                                           uint64_t sqn,
                                           const std::array<uint8_t, 16>& rand);
    /// The USIM's side: RES for \p rand.
    static std::array<uint8_t, 8> Res(uint64_t k, const std::array<uint8_t, 16>& rand);
    /**
     * The USIM's check of AUTN (sec. 6.3.3): the MAC in AUTN matches, and the
     * SQN it carries is above \p lastSqn. \return the SQN, or 0 if it fails
     */
    static uint64_t CheckAutn(uint64_t k,
                              const std::array<uint8_t, 16>& rand,
                              const std::array<uint8_t, 16>& autn,
                              uint64_t lastSqn);
    /// The AT_MAC value over \p message with key \p ik (stand-in for HMAC-SHA1-128).
    static std::array<uint8_t, 16> Mac(const std::array<uint8_t, 16>& ik,
                                       const std::vector<uint8_t>& message);
};

/**
 * \ingroup pmipv6
 * EAPOL header (IEEE 802.1X-2004 sec. 7.5): Protocol Version (2), Packet
 * Type (0 EAP-Packet, 1 EAPOL-Start), Packet Body Length. Carried in an
 * Ethernet frame with EtherType 0x888E on the access link.
 *
 * \verbatim
 *  0                   1                   2                   3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Version    |  Packet Type  |       Packet Body Length      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \endverbatim
 */
class EapolHeader : public Header
{
  public:
    static constexpr uint16_t ETHERTYPE = 0x888E;
    static constexpr uint8_t EAP_PACKET = 0;
    static constexpr uint8_t START = 1;

    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    /// \return 4, or 0 (header unchanged) if fewer than 4 octets or version 0
    uint32_t Deserialize(Buffer::Iterator start) override;

    uint8_t packetType{START};
    uint16_t bodyLength{0};
};

/**
 * \ingroup pmipv6
 * An EAP packet (RFC 3748 sec. 4): Code, Identifier, Length, and for
 * Request/Response a Type with its data. Types used here: Identity (1,
 * the NAI as text) and EAP-AKA (23, RFC 4187 sec. 8.1: Subtype, 2
 * reserved octets, attributes). EAP-AKA subtypes: AKA-Challenge (1),
 * AKA-Identity (5). Attributes (RFC 4187 sec. 10, type, length in 4-octet
 * units, value):
 *  - AT_RAND (1), AT_AUTN (2): 20 octets (2 reserved, 16 value);
 *  - AT_RES (3): 4 + RES, with RES Length in bits; 12 octets for 64 bits;
 *  - AT_MAC (11): 20 octets (2 reserved, 16 MAC);
 *  - AT_PERMANENT_ID_REQ (10): 4 octets (2 reserved);
 *  - AT_IDENTITY (14): 4 + identity padded to 4 octets, Actual Identity Length.
 *
 * Sizes this gives (RFC 4187 sec. 9): Request/AKA-Challenge 68 octets,
 * Response/AKA-Challenge 40, Request/AKA-Identity 12, Success 4.
 * Deserialize() checks every length against the buffer and the packet's
 * own Length and returns 0 on anything malformed.
 */
class EapPacket : public Header
{
  public:
    enum Code : uint8_t
    {
        REQUEST = 1,
        RESPONSE = 2,
        SUCCESS = 3,
        FAILURE = 4,
    };

    static constexpr uint8_t TYPE_IDENTITY = 1;
    static constexpr uint8_t TYPE_AKA = 23;
    static constexpr uint8_t AKA_CHALLENGE = 1;
    static constexpr uint8_t AKA_IDENTITY = 5;
    static constexpr uint8_t AT_RAND = 1;
    static constexpr uint8_t AT_AUTN = 2;
    static constexpr uint8_t AT_RES = 3;
    static constexpr uint8_t AT_MAC = 11;
    static constexpr uint8_t AT_PERMANENT_ID_REQ = 10;
    static constexpr uint8_t AT_IDENTITY = 14;

    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;

    /// \return the octets of this packet (what AT_MAC and EAP-Message carry)
    std::vector<uint8_t> ToBytes() const;
    /// \return true and this packet from \p bytes, or false (unchanged) if malformed
    bool FromBytes(const std::vector<uint8_t>& bytes);

    /// Request/Identity, Response/Identity with \p nai.
    static EapPacket Identity(Code code, uint8_t id, const std::string& nai = "");
    /// Request/AKA-Identity with AT_PERMANENT_ID_REQ.
    static EapPacket AkaIdentityRequest(uint8_t id);
    /// Response/AKA-Identity with AT_IDENTITY \p nai.
    static EapPacket AkaIdentityResponse(uint8_t id, const std::string& nai);
    /// Request/AKA-Challenge with AT_RAND, AT_AUTN and AT_MAC (MAC left zero; see SetMac).
    static EapPacket AkaChallengeRequest(uint8_t id, const AuthenticationVector& av);
    /// Response/AKA-Challenge with AT_RES and AT_MAC.
    static EapPacket AkaChallengeResponse(uint8_t id, const std::array<uint8_t, 8>& res);
    /// Success or Failure.
    static EapPacket Result(Code code, uint8_t id);

    /// Computes AT_MAC over the packet with the MAC zeroed (RFC 4187 sec. 10.15).
    void SetMac(const std::array<uint8_t, 16>& ik);
    /// \return true if AT_MAC is present and right for \p ik
    bool CheckMac(const std::array<uint8_t, 16>& ik) const;

    Code code{REQUEST};
    uint8_t identifier{0};
    uint8_t type{0};      //!< Request/Response only
    uint8_t subtype{0};   //!< EAP-AKA only
    std::string identity; //!< Identity type data, or AT_IDENTITY
    bool permanentIdRequest{false};
    bool hasRand{false};
    bool hasAutn{false};
    bool hasRes{false};
    bool hasMac{false};
    std::array<uint8_t, 16> rand{};
    std::array<uint8_t, 16> autn{};
    std::array<uint8_t, 8> res{};
    std::array<uint8_t, 16> mac{};
};

/**
 * \ingroup pmipv6
 * The peer's side of EAP-AKA (RFC 4187; the USIM of TS 33.102 6.3.3): the
 * answer to each request, or none when the network fails its check.
 */
class EapAkaPeer
{
  public:
    EapAkaPeer(const std::string& permanentNai = "", uint64_t key = 0);
    /**
     * \param request an EAP Request (Identity, AKA-Identity or AKA-Challenge)
     * \param response the answer
     * \return false if there is no answer (not a request, or AUTN/AT_MAC wrong)
     */
    bool Respond(const EapPacket& request, EapPacket& response);

  private:
    std::string m_nai;
    uint64_t m_key;
    uint64_t m_lastSqn{0};
};

/**
 * \ingroup pmipv6
 * A RADIUS packet (RFC 2865 sec. 3): Code, Identifier, Length, 16-octet
 * Authenticator, then attributes (Type, Length of the whole attribute,
 * Value). UDP port 1812. Codes: Access-Request (1), Access-Accept (2),
 * Access-Reject (3), Access-Challenge (11). Attributes used: User-Name
 * (1), State (24), Vendor-Specific (26), EAP-Message (79, RFC 3579: an EAP
 * packet split over as many attributes as it needs, 253 octets each) and
 * Message-Authenticator (80, 16 octets).
 *
 * ProMPt's AV transfer to the MAP has no standard attribute: it uses
 * Vendor-Specific attributes (RFC 2865 sec. 5.26) with a private Vendor-Id
 * VENDOR_ID and sub-attributes VSA_AV_COUNT (the number of AVs asked for, 1
 * octet) and VSA_AV (one AuthenticationVector, 72 octets); a Vendor-Specific
 * attribute carrying one AV is 2 + 4 + 2 + 72 = 80 octets.
 */
class RadiusHeader : public Header
{
  public:
    static constexpr uint16_t PORT = 1812;
    enum Code : uint8_t
    {
        ACCESS_REQUEST = 1,
        ACCESS_ACCEPT = 2,
        ACCESS_REJECT = 3,
        ACCESS_CHALLENGE = 11,
    };

    static constexpr uint8_t USER_NAME = 1;
    static constexpr uint8_t STATE = 24;
    static constexpr uint8_t VENDOR_SPECIFIC = 26;
    static constexpr uint8_t EAP_MESSAGE = 79;
    static constexpr uint8_t MESSAGE_AUTHENTICATOR = 80;
    static constexpr uint32_t VENDOR_ID = 0x00FFFF01; //!< private, not assigned by IANA
    static constexpr uint8_t VSA_AV_COUNT = 1;
    static constexpr uint8_t VSA_AV = 2;
    static constexpr uint32_t HEADER_SIZE = 20;

    struct Attribute
    {
        uint8_t type;
        std::vector<uint8_t> value;
    };

    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    /// \return the packet's Length, or 0 (unchanged) if malformed
    uint32_t Deserialize(Buffer::Iterator start) override;

    void AddAttribute(uint8_t type, const std::vector<uint8_t>& value);
    /// \return the first attribute of \p type, or nullptr
    const Attribute* Find(uint8_t type) const;
    /// Adds \p eap as EAP-Message attributes and a Message-Authenticator.
    void SetEap(const EapPacket& eap);
    /// \return true and the EAP packet the EAP-Message attributes carry
    bool GetEap(EapPacket& eap) const;
    void SetUserName(const std::string& name);
    std::string GetUserName() const;
    void AddVendorAttribute(uint8_t vendorType, const std::vector<uint8_t>& value);
    /// \return the values of every vendor sub-attribute of \p vendorType (ours only)
    std::vector<std::vector<uint8_t>> GetVendorAttributes(uint8_t vendorType) const;
    void AddAv(const AuthenticationVector& av);
    std::vector<AuthenticationVector> GetAvs() const;

    Code code{ACCESS_REQUEST};
    uint8_t identifier{0};
    std::array<uint8_t, 16> authenticator{};
    std::vector<Attribute> attributes;
};

} // namespace ns3

#endif
