// SPDX-License-Identifier: GPL-2.0-only
#include "prompt-header.h"

#include "ns3/abort.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PromptHeader");

NS_OBJECT_ENSURE_REGISTERED(PromptHeader);

namespace
{
const uint32_t MEASUREMENT_SIZE = 20;
} // namespace

TypeId
PromptHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PromptHeader")
                            .SetParent<Header>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<PromptHeader>();
    return tid;
}

TypeId
PromptHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

std::string
PromptHeader::TypeName(uint8_t type)
{
    switch (type)
    {
    case MEASUREMENT_REPORT:
        return "MeasurementReport";
    case HANDOVER_PREPARE:
        return "HandoverPrepare";
    case HANDOVER_COMMAND:
        return "HandoverCommand";
    case HANDOVER_REQUEST:
        return "HandoverRequest";
    case AV_REQUEST:
        return "AvRequest";
    case AV_RESPONSE:
        return "AvResponse";
    case HANDOVER_SUCCESS:
        return "HandoverSuccess";
    case REGISTRATION:
        return "Registration";
    case REGISTRATION_ACK:
        return "RegistrationAck";
    case ADDRESS_ASSIGNMENT:
        return "AddressAssignment";
    }
    return "Unknown";
}

void
PromptHeader::Print(std::ostream& os) const
{
    os << "ProMPt " << TypeName(type) << " seq=" << sequence << " tmsi=" << tmsi;
    if (hasMnAddress)
    {
        os << " mn=" << mnAddress;
    }
    if (hasArAddress)
    {
        os << " ar=" << arAddress;
    }
    if (!avs.empty())
    {
        os << " avs=" << avs.size();
    }
}

uint32_t
PromptHeader::GetSerializedSize() const
{
    return FIXED_SIZE + (hasMnAddress ? 18 : 0) + (hasArAddress ? 18 : 0) +
           avs.size() * (2 + AuthenticationVector::SIZE) +
           measurements.size() * (2 + MEASUREMENT_SIZE) + (hasStatus ? 3 : 0) +
           (identity.empty() ? 0 : 2 + identity.size());
}

void
PromptHeader::Serialize(Buffer::Iterator i) const
{
    i.WriteU8(1);
    i.WriteU8(type);
    i.WriteHtonU16(GetSerializedSize());
    i.WriteHtonU16(sequence);
    i.WriteU16(0);
    i.WriteHtonU32(tmsi);
    uint8_t buf[16];
    if (hasMnAddress)
    {
        i.WriteU8(FIELD_MN_ADDRESS);
        i.WriteU8(16);
        mnAddress.Serialize(buf);
        i.Write(buf, 16);
    }
    if (hasArAddress)
    {
        i.WriteU8(FIELD_AR_ADDRESS);
        i.WriteU8(16);
        arAddress.Serialize(buf);
        i.Write(buf, 16);
    }
    for (const auto& av : avs)
    {
        uint8_t v[AuthenticationVector::SIZE];
        av.Write(v);
        i.WriteU8(FIELD_AV);
        i.WriteU8(AuthenticationVector::SIZE);
        i.Write(v, AuthenticationVector::SIZE);
    }
    for (const auto& m : measurements)
    {
        i.WriteU8(FIELD_MEASUREMENT);
        i.WriteU8(MEASUREMENT_SIZE);
        m.ar.Serialize(buf);
        i.Write(buf, 16);
        i.WriteHtonU16(uint16_t(m.levelDbm));
        i.WriteU16(0);
    }
    if (hasStatus)
    {
        i.WriteU8(FIELD_STATUS);
        i.WriteU8(1);
        i.WriteU8(status);
    }
    if (!identity.empty())
    {
        NS_ABORT_MSG_IF(identity.size() > 255, "ProMPt Identity field longer than 255 octets");
        i.WriteU8(FIELD_IDENTITY);
        i.WriteU8(identity.size());
        i.Write(reinterpret_cast<const uint8_t*>(identity.data()), identity.size());
    }
}

uint32_t
PromptHeader::Deserialize(Buffer::Iterator start)
{
    uint32_t available = start.GetRemainingSize();
    if (available < FIXED_SIZE)
    {
        return 0;
    }
    Buffer::Iterator i = start;
    uint8_t version = i.ReadU8();
    uint8_t t = i.ReadU8();
    uint16_t length = i.ReadNtohU16();
    if (version != 1 || length < FIXED_SIZE || length > available)
    {
        return 0;
    }
    PromptHeader h;
    h.type = Type(t);
    h.sequence = i.ReadNtohU16();
    i.ReadU16();
    h.tmsi = i.ReadNtohU32();
    uint32_t pos = FIXED_SIZE;
    uint8_t buf[AuthenticationVector::SIZE];
    while (pos < length)
    {
        if (length - pos < 2)
        {
            return 0;
        }
        uint8_t field = i.ReadU8();
        uint8_t len = i.ReadU8();
        pos += 2;
        if (len > length - pos)
        {
            return 0;
        }
        auto expect = [len](uint32_t n) { return len == n; };
        switch (field)
        {
        case FIELD_MN_ADDRESS:
        case FIELD_AR_ADDRESS:
            if (!expect(16))
            {
                return 0;
            }
            i.Read(buf, 16);
            (field == FIELD_MN_ADDRESS ? h.mnAddress : h.arAddress) = Ipv6Address::Deserialize(buf);
            (field == FIELD_MN_ADDRESS ? h.hasMnAddress : h.hasArAddress) = true;
            break;
        case FIELD_AV: {
            if (!expect(AuthenticationVector::SIZE))
            {
                return 0;
            }
            i.Read(buf, AuthenticationVector::SIZE);
            AuthenticationVector av;
            av.Read(buf);
            h.avs.push_back(av);
            break;
        }
        case FIELD_MEASUREMENT: {
            if (!expect(MEASUREMENT_SIZE))
            {
                return 0;
            }
            i.Read(buf, 16);
            Measurement m{Ipv6Address::Deserialize(buf), int16_t(i.ReadNtohU16())};
            i.ReadU16();
            h.measurements.push_back(m);
            break;
        }
        case FIELD_STATUS:
            if (!expect(1))
            {
                return 0;
            }
            h.hasStatus = true;
            h.status = i.ReadU8();
            break;
        case FIELD_IDENTITY: {
            if (len == 0)
            {
                return 0;
            }
            std::vector<uint8_t> text(len);
            i.Read(text.data(), len);
            h.identity.assign(text.begin(), text.end());
            break;
        }
        default:
            i.Next(len); // unknown field: skipped
            break;
        }
        pos += len;
    }
    *this = h;
    return length;
}

} // namespace ns3
