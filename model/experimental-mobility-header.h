// SPDX-License-Identifier: GPL-2.0-only
/*
 * The Experimental Mobility Header (RFC 5096 sec. 3, MH Type 11), as this
 * module's experiments use it: Context Reflector's Context Reflection
 * message and the Fast Handover Scheme's Fast PBU / Fast PBA / Reverse PBU
 * / Reverse PBA, told apart by a Subtype octet.
 */
#ifndef PMIPV6_EXPERIMENTAL_MOBILITY_HEADER_H
#define PMIPV6_EXPERIMENTAL_MOBILITY_HEADER_H

#include "mobility-header.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * RFC 5096 sec. 3 leaves the Message Data to the experiment. Here it is
 * 6 octets, then mobility options (RFC 6275 6.2 alignment and padding):
 *
 *      0                   1                   2                   3
 *      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *                                     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                     |    Subtype    |    Status     |
 *     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *     |          Sequence #           |       Lifetime (ms)           |
 *     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *     |                        Mobility options                      ...
 *
 * Subtype: which message (the numbers are attributes of the extensions
 * that send them). Status: 0 in requests; in answers as a Binding
 * Acknowledgement's (values below 128 accept). Sequence #: requests
 * number it, answers echo it; the Context Reflection copies the
 * de-registration PBU's (the Context Reflector paper, sec. 3.5.1).
 * Lifetime: of the context or binding carried, in milliseconds (a context
 * lives for a handover: the 4 s unit of a Binding Update is too coarse).
 */
class ExperimentalMobilityHeader : public MobilityHeader
{
  public:
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    ExperimentalMobilityHeader(); //!< MH type 11

    void SetSubtype(uint8_t subtype);
    uint8_t GetSubtype() const;
    /**
     * Name \p subtype for logs and message sequence charts (the extension
     * that sends it does, with the number its attribute chose).
     */
    static void SetSubtypeName(uint8_t subtype, const std::string& name);
    /// The name given by SetSubtypeName(), or "Experimental/N".
    static std::string GetSubtypeName(uint8_t subtype);
    void SetStatus(uint8_t status);
    uint8_t GetStatus() const;
    void SetSequence(uint16_t sequence);
    uint16_t GetSequence() const;
    /// Wire unit 1 ms: rounded down, saturating at 65535 ms.
    void SetLifetime(Time lifetime);
    Time GetLifetime() const;

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    void DeserializeMessageData(Buffer::Iterator& i) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    uint8_t m_subtype{0};
    uint8_t m_status{0};
    uint16_t m_sequence{0};
    uint16_t m_lifetimeMs{0};
};

/// Binding Revocation Type (RFC 5846 sec. 6.1).
namespace BindingRevocationType
{
enum : uint8_t
{
    INDICATION = 1,     //!< BRI, sec. 6.1.1
    ACKNOWLEDGEMENT = 2 //!< BRA, sec. 6.1.2
};
} // namespace BindingRevocationType

/// Revocation Trigger values (RFC 5846 sec. 6.1.1) used here.
namespace RevocationTrigger
{
enum : uint8_t
{
    UNSPECIFIED = 0,
    ADMINISTRATIVE_REASON = 1,
    INTER_MAG_HANDOVER_SAME_ACCESS_TYPE = 2,
    INTER_MAG_HANDOVER_UNKNOWN = 4,
};
} // namespace RevocationTrigger

/// BRA Status values (RFC 5846 sec. 6.1.2) used here.
namespace BindingRevocationStatus
{
enum : uint8_t
{
    SUCCESS = 0,
    BINDING_DOES_NOT_EXIST = 2,
    REVOCATION_FAILED_MN_ATTACHED = 6,
};
} // namespace BindingRevocationStatus

/**
 * \ingroup pmipv6
 * Binding Revocation message, RFC 5846 sec. 6.1 (MH Type 16): B.R. Type,
 * then the Revocation Trigger (BRI) or the Status (BRA), Sequence #, the
 * P (proxy binding), V (IPv4 HoA only) and G (global) flags and 13
 * reserved bits, then options (for PMIPv6 the MN-ID and HNP, sec. 9.1).
 */
class BindingRevocationHeader : public MobilityHeader
{
  public:
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    BindingRevocationHeader(); //!< MH type 16, a BRI

    void SetRevocationType(uint8_t type); //!< see BindingRevocationType
    uint8_t GetRevocationType() const;
    /// Revocation Trigger of a BRI, Status of a BRA (the same octet).
    void SetTriggerOrStatus(uint8_t value);
    uint8_t GetTriggerOrStatus() const;
    void SetSequence(uint16_t sequence);
    uint16_t GetSequence() const;
    void SetFlagP(bool f); //!< proxy binding (PMIPv6)
    bool GetFlagP() const;
    void SetFlagV(bool f); //!< IPv4 HoA binding only
    bool GetFlagV() const;
    void SetFlagG(bool f); //!< global revocation
    bool GetFlagG() const;

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    void DeserializeMessageData(Buffer::Iterator& i) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    void SetFlag(uint16_t mask, bool f);

    uint8_t m_type{BindingRevocationType::INDICATION};
    uint8_t m_triggerOrStatus{0};
    uint16_t m_sequence{0};
    uint16_t m_flags{0};
};

} // namespace ns3

#endif
