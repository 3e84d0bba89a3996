// SPDX-License-Identifier: GPL-2.0-only
/*
 * ProMPt's own messages (the ProMPt paper, sec. 3.3 and Fig. 2/3). The paper
 * names the messages but defines no wire format and no numbers were ever
 * assigned; the format below is this module's. Inside the domain (AR-MAP,
 * AR-AR) the messages travel over UDP to port PORT; on the access link
 * (MN-AR) in Ethernet frames with the IEEE local experimental EtherType
 * 0x88B5, since the MN has no address before its first authentication.
 */
#ifndef PROMPT_HEADER_H
#define PROMPT_HEADER_H

#include "eap-aka-header.h"

#include "ns3/header.h"
#include "ns3/ipv6-address.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * A ProMPt message: a 12-octet fixed part and TLV fields.
 *
 * \verbatim
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Version = 1  |  Message Type |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Sequence Number        |           Reserved            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              TMSI                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Field Type   | Field Length  |  Field Value ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \endverbatim
 *
 * Length is that of the whole message in octets; Field Length that of the
 * value. Fields: MN Address (1, 16 octets), AR Address (2, 16: the target
 * AR in a handover command and a measurement, the new AR in HO Success),
 * Authentication Vector (3, 72, AuthenticationVector), Measurement (4,
 * 20: AR address and signal level in dBm as a signed 16-bit value and 2
 * reserved octets), Status (5, 1), Identity (6, 1-255: the MN's permanent
 * NAI, in a Registration, so that the MAP can ask the home AAA for AVs).
 * Unknown fields are skipped; a field
 * running past Length, a wrong value length or a Length beyond the buffer
 * makes the message malformed (Deserialize() returns 0).
 */
class PromptHeader : public Header
{
  public:
    static constexpr uint16_t PORT = 5300;        //!< UDP port, domain side (no IANA number)
    static constexpr uint16_t ETHERTYPE = 0x88B5; //!< IEEE 802 local experimental EtherType 1
    static constexpr uint32_t FIXED_SIZE = 12;

    enum Type : uint8_t
    {
        MEASUREMENT_REPORT = 1,  //!< MN -> AR -> MAP (scheduled handover's input)
        HANDOVER_PREPARE = 2,    //!< MAP -> target AR: MN address and an AV (Fig. 2)
        HANDOVER_COMMAND = 3,    //!< MAP -> MN via its AR: the target AR (Fig. 2)
        HANDOVER_REQUEST = 4,    //!< MN -> target AR: the MN's first message there
        AV_REQUEST = 5,          //!< target AR -> MAP: no AV for this TMSI (Fig. 3)
        AV_RESPONSE = 6,         //!< MAP -> AR: MN address and an AV
        HANDOVER_SUCCESS = 7,    //!< new AR -> MAP and previous AR
        REGISTRATION = 8,        //!< AR -> MAP after the initial attachment: TMSI, address
        REGISTRATION_ACK = 9,    //!< MAP -> AR
        ADDRESS_ASSIGNMENT = 10, //!< AR -> MN after its first EAP-AKA success
    };

    enum FieldType : uint8_t
    {
        FIELD_MN_ADDRESS = 1,
        FIELD_AR_ADDRESS = 2,
        FIELD_AV = 3,
        FIELD_MEASUREMENT = 4,
        FIELD_STATUS = 5,
        FIELD_IDENTITY = 6,
    };

    struct Measurement
    {
        Ipv6Address ar;
        int16_t levelDbm;
    };

    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;

    static std::string TypeName(uint8_t type);

    Type type{MEASUREMENT_REPORT};
    uint16_t sequence{0};
    uint32_t tmsi{0};
    bool hasMnAddress{false};
    Ipv6Address mnAddress;
    bool hasArAddress{false};
    Ipv6Address arAddress;
    std::vector<AuthenticationVector> avs;
    std::vector<Measurement> measurements;
    bool hasStatus{false};
    uint8_t status{0};
    std::string identity; //!< empty: no Identity field
};

} // namespace ns3

#endif
