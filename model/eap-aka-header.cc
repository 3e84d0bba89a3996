// SPDX-License-Identifier: GPL-2.0-only
#include "eap-aka-header.h"

#include "ns3/log.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EapAkaHeader");

NS_OBJECT_ENSURE_REGISTERED(EapolHeader);
NS_OBJECT_ENSURE_REGISTERED(EapPacket);
NS_OBJECT_ENSURE_REGISTERED(RadiusHeader);

namespace
{
uint64_t
SplitMix(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

uint64_t
Load64(const uint8_t* p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
    {
        v = (v << 8) | p[i];
    }
    return v;
}

void
Store64(uint64_t v, uint8_t* p)
{
    for (int i = 7; i >= 0; --i)
    {
        p[i] = uint8_t(v);
        v >>= 8;
    }
}

/// f(k, rand, label): 8 octets depending on all of them.
uint64_t
Derive(uint64_t k, const std::array<uint8_t, 16>& rand, uint64_t label)
{
    return SplitMix(SplitMix(SplitMix(k) ^ label) ^ Load64(rand.data()) ^
                    SplitMix(Load64(rand.data() + 8)));
}

const uint64_t LABEL_RES = 1;
const uint64_t LABEL_CK = 2;
const uint64_t LABEL_IK = 3;
const uint64_t LABEL_AK = 4;
const uint64_t LABEL_MAC = 5;

void
Derive16(uint64_t k, const std::array<uint8_t, 16>& rand, uint64_t label, uint8_t* out)
{
    Store64(Derive(k, rand, label), out);
    Store64(Derive(k, rand, label + 100), out + 8);
}

/// Attribute size in octets of an AT_IDENTITY carrying \p n octets.
uint32_t
IdentityAttributeSize(size_t n)
{
    return 4 + uint32_t((n + 3) / 4 * 4);
}
} // namespace

// ---------------------------------------------------------------------------
// AuthenticationVector, AkaFunctions

void
AuthenticationVector::Write(uint8_t* out) const
{
    std::memcpy(out, rand.data(), 16);
    std::memcpy(out + 16, xres.data(), 8);
    std::memcpy(out + 24, ck.data(), 16);
    std::memcpy(out + 40, ik.data(), 16);
    std::memcpy(out + 56, autn.data(), 16);
}

void
AuthenticationVector::Read(const uint8_t* in)
{
    std::memcpy(rand.data(), in, 16);
    std::memcpy(xres.data(), in + 16, 8);
    std::memcpy(ck.data(), in + 24, 16);
    std::memcpy(ik.data(), in + 40, 16);
    std::memcpy(autn.data(), in + 56, 16);
}

bool
AuthenticationVector::operator==(const AuthenticationVector& o) const
{
    return rand == o.rand && xres == o.xres && ck == o.ck && ik == o.ik && autn == o.autn;
}

AuthenticationVector
AkaFunctions::MakeVector(uint64_t k, uint64_t sqn, const std::array<uint8_t, 16>& rand)
{
    // TS 33.102 6.3.2: AUTN = SQN xor AK || AMF || MAC; here 8 octets of
    // concealed SQN and 8 of MAC over (SQN, RAND).
    AuthenticationVector av;
    av.rand = rand;
    Store64(Derive(k, rand, LABEL_RES), av.xres.data());
    Derive16(k, rand, LABEL_CK, av.ck.data());
    Derive16(k, rand, LABEL_IK, av.ik.data());
    Store64(sqn ^ Derive(k, rand, LABEL_AK), av.autn.data());
    Store64(SplitMix(Derive(k, rand, LABEL_MAC) ^ sqn), av.autn.data() + 8);
    return av;
}

std::array<uint8_t, 8>
AkaFunctions::Res(uint64_t k, const std::array<uint8_t, 16>& rand)
{
    std::array<uint8_t, 8> res;
    Store64(Derive(k, rand, LABEL_RES), res.data());
    return res;
}

uint64_t
AkaFunctions::CheckAutn(uint64_t k,
                        const std::array<uint8_t, 16>& rand,
                        const std::array<uint8_t, 16>& autn,
                        uint64_t lastSqn)
{
    uint64_t sqn = Load64(autn.data()) ^ Derive(k, rand, LABEL_AK);
    if (Load64(autn.data() + 8) != SplitMix(Derive(k, rand, LABEL_MAC) ^ sqn) || sqn <= lastSqn)
    {
        return 0;
    }
    return sqn;
}

std::array<uint8_t, 16>
AkaFunctions::Mac(const std::array<uint8_t, 16>& ik, const std::vector<uint8_t>& message)
{
    uint64_t a = Load64(ik.data());
    uint64_t b = Load64(ik.data() + 8);
    for (uint8_t octet : message)
    {
        a = SplitMix(a ^ octet);
        b = SplitMix(b + a);
    }
    std::array<uint8_t, 16> mac;
    Store64(a, mac.data());
    Store64(b, mac.data() + 8);
    return mac;
}

// ---------------------------------------------------------------------------
// EapolHeader

TypeId
EapolHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::EapolHeader")
                            .SetParent<Header>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<EapolHeader>();
    return tid;
}

TypeId
EapolHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
EapolHeader::Print(std::ostream& os) const
{
    os << "EAPOL " << (packetType == START ? "Start" : "EAP-Packet") << " len=" << bodyLength;
}

uint32_t
EapolHeader::GetSerializedSize() const
{
    return 4;
}

void
EapolHeader::Serialize(Buffer::Iterator start) const
{
    start.WriteU8(2); // 802.1X-2004
    start.WriteU8(packetType);
    start.WriteHtonU16(bodyLength);
}

uint32_t
EapolHeader::Deserialize(Buffer::Iterator start)
{
    if (start.GetRemainingSize() < 4)
    {
        return 0;
    }
    uint8_t version = start.ReadU8();
    uint8_t type = start.ReadU8();
    uint16_t length = start.ReadNtohU16();
    if (version == 0)
    {
        return 0;
    }
    packetType = type;
    bodyLength = length;
    return 4;
}

// ---------------------------------------------------------------------------
// EapPacket

TypeId
EapPacket::GetTypeId()
{
    static TypeId tid = TypeId("ns3::EapPacket")
                            .SetParent<Header>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<EapPacket>();
    return tid;
}

TypeId
EapPacket::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
EapPacket::Print(std::ostream& os) const
{
    static const char* codes[] = {"?", "Request", "Response", "Success", "Failure"};
    os << "EAP " << codes[code <= FAILURE ? code : 0] << " id=" << int(identifier);
    if (type == TYPE_IDENTITY)
    {
        os << " Identity '" << identity << "'";
    }
    else if (type == TYPE_AKA)
    {
        os << (subtype == AKA_CHALLENGE ? " AKA-Challenge" : " AKA-Identity");
    }
}

uint32_t
EapPacket::GetSerializedSize() const
{
    if (code == SUCCESS || code == FAILURE)
    {
        return 4;
    }
    if (type == TYPE_IDENTITY)
    {
        return 5 + identity.size();
    }
    uint32_t size = 8; // Code .. Type, Subtype, Reserved
    size += permanentIdRequest ? 4 : 0;
    size += !identity.empty() ? IdentityAttributeSize(identity.size()) : 0;
    size += hasRand ? 20 : 0;
    size += hasAutn ? 20 : 0;
    size += hasRes ? 12 : 0;
    size += hasMac ? 20 : 0;
    return size;
}

void
EapPacket::Serialize(Buffer::Iterator i) const
{
    uint32_t size = GetSerializedSize();
    i.WriteU8(code);
    i.WriteU8(identifier);
    i.WriteHtonU16(size);
    if (code == SUCCESS || code == FAILURE)
    {
        return;
    }
    i.WriteU8(type);
    if (type == TYPE_IDENTITY)
    {
        i.Write(reinterpret_cast<const uint8_t*>(identity.data()), identity.size());
        return;
    }
    i.WriteU8(subtype);
    i.WriteU16(0);
    // RFC 4187 does not fix an attribute order; this one is the RFC's figures'.
    if (permanentIdRequest)
    {
        i.WriteU8(AT_PERMANENT_ID_REQ);
        i.WriteU8(1);
        i.WriteU16(0);
    }
    if (!identity.empty())
    {
        uint32_t attr = IdentityAttributeSize(identity.size());
        i.WriteU8(AT_IDENTITY);
        i.WriteU8(attr / 4);
        i.WriteHtonU16(identity.size());
        i.Write(reinterpret_cast<const uint8_t*>(identity.data()), identity.size());
        for (uint32_t pad = 4 + identity.size(); pad < attr; ++pad)
        {
            i.WriteU8(0);
        }
    }
    auto write16 = [&i](uint8_t at, const std::array<uint8_t, 16>& v) {
        i.WriteU8(at);
        i.WriteU8(5);
        i.WriteU16(0);
        i.Write(v.data(), 16);
    };
    if (hasRand)
    {
        write16(AT_RAND, rand);
    }
    if (hasAutn)
    {
        write16(AT_AUTN, autn);
    }
    if (hasRes)
    {
        i.WriteU8(AT_RES);
        i.WriteU8(3);
        i.WriteHtonU16(res.size() * 8); // RES Length in bits
        i.Write(res.data(), res.size());
    }
    if (hasMac)
    {
        write16(AT_MAC, mac);
    }
}

uint32_t
EapPacket::Deserialize(Buffer::Iterator start)
{
    uint32_t available = start.GetRemainingSize();
    if (available < 4)
    {
        return 0;
    }
    std::vector<uint8_t> head(4);
    Buffer::Iterator i = start;
    i.Read(head.data(), 4);
    uint16_t length = uint16_t(head[2] << 8 | head[3]);
    if (length < 4 || length > available)
    {
        return 0;
    }
    std::vector<uint8_t> bytes(length);
    start.Read(bytes.data(), length);
    return FromBytes(bytes) ? length : 0;
}

std::vector<uint8_t>
EapPacket::ToBytes() const
{
    Buffer b;
    b.AddAtStart(GetSerializedSize());
    Serialize(b.Begin());
    std::vector<uint8_t> out(b.GetSize());
    b.CopyData(out.data(), out.size());
    return out;
}

bool
EapPacket::FromBytes(const std::vector<uint8_t>& b)
{
    if (b.size() < 4 || size_t(b[2] << 8 | b[3]) != b.size())
    {
        return false;
    }
    EapPacket p;
    p.code = Code(b[0]);
    p.identifier = b[1];
    if (p.code == SUCCESS || p.code == FAILURE)
    {
        if (b.size() != 4)
        {
            return false;
        }
        *this = p;
        return true;
    }
    if ((p.code != REQUEST && p.code != RESPONSE) || b.size() < 5)
    {
        return false;
    }
    p.type = b[4];
    if (p.type == TYPE_IDENTITY)
    {
        p.identity.assign(b.begin() + 5, b.end());
        *this = p;
        return true;
    }
    if (p.type != TYPE_AKA || b.size() < 8)
    {
        return false;
    }
    p.subtype = b[5];
    size_t pos = 8;
    while (pos < b.size())
    {
        if (b.size() - pos < 4)
        {
            return false;
        }
        uint8_t at = b[pos];
        size_t len = size_t(b[pos + 1]) * 4;
        if (len < 4 || len > b.size() - pos)
        {
            return false;
        }
        const uint8_t* v = b.data() + pos;
        auto read16 = [&](std::array<uint8_t, 16>& out, bool& has) {
            if (len != 20)
            {
                return false;
            }
            std::memcpy(out.data(), v + 4, 16);
            has = true;
            return true;
        };
        bool ok = true;
        switch (at)
        {
        case AT_RAND:
            ok = read16(p.rand, p.hasRand);
            break;
        case AT_AUTN:
            ok = read16(p.autn, p.hasAutn);
            break;
        case AT_MAC:
            ok = read16(p.mac, p.hasMac);
            break;
        case AT_RES: {
            uint16_t bits = uint16_t(v[2] << 8 | v[3]);
            ok = len == 12 && bits == 64;
            if (ok)
            {
                std::memcpy(p.res.data(), v + 4, 8);
                p.hasRes = true;
            }
            break;
        }
        case AT_PERMANENT_ID_REQ:
            ok = len == 4;
            p.permanentIdRequest = ok;
            break;
        case AT_IDENTITY: {
            size_t n = size_t(v[2] << 8 | v[3]);
            ok = n > 0 && IdentityAttributeSize(n) == len;
            if (ok)
            {
                p.identity.assign(v + 4, v + 4 + n);
            }
            break;
        }
        default:
            // RFC 4187 8.1: non-skippable attributes (1-127) that are not
            // recognised make the packet unacceptable; skippable ones are skipped.
            ok = at >= 128;
            break;
        }
        if (!ok)
        {
            return false;
        }
        pos += len;
    }
    *this = p;
    return true;
}

EapPacket
EapPacket::Identity(Code code, uint8_t id, const std::string& nai)
{
    EapPacket p;
    p.code = code;
    p.identifier = id;
    p.type = TYPE_IDENTITY;
    p.identity = nai;
    return p;
}

EapPacket
EapPacket::AkaIdentityRequest(uint8_t id)
{
    EapPacket p;
    p.code = REQUEST;
    p.identifier = id;
    p.type = TYPE_AKA;
    p.subtype = AKA_IDENTITY;
    p.permanentIdRequest = true;
    return p;
}

EapPacket
EapPacket::AkaIdentityResponse(uint8_t id, const std::string& nai)
{
    EapPacket p;
    p.code = RESPONSE;
    p.identifier = id;
    p.type = TYPE_AKA;
    p.subtype = AKA_IDENTITY;
    p.identity = nai;
    return p;
}

EapPacket
EapPacket::AkaChallengeRequest(uint8_t id, const AuthenticationVector& av)
{
    EapPacket p;
    p.code = REQUEST;
    p.identifier = id;
    p.type = TYPE_AKA;
    p.subtype = AKA_CHALLENGE;
    p.hasRand = p.hasAutn = p.hasMac = true;
    p.rand = av.rand;
    p.autn = av.autn;
    return p;
}

EapPacket
EapPacket::AkaChallengeResponse(uint8_t id, const std::array<uint8_t, 8>& res)
{
    EapPacket p;
    p.code = RESPONSE;
    p.identifier = id;
    p.type = TYPE_AKA;
    p.subtype = AKA_CHALLENGE;
    p.hasRes = p.hasMac = true;
    p.res = res;
    return p;
}

EapPacket
EapPacket::Result(Code code, uint8_t id)
{
    EapPacket p;
    p.code = code;
    p.identifier = id;
    return p;
}

void
EapPacket::SetMac(const std::array<uint8_t, 16>& ik)
{
    hasMac = true;
    mac.fill(0);
    mac = AkaFunctions::Mac(ik, ToBytes());
}

bool
EapPacket::CheckMac(const std::array<uint8_t, 16>& ik) const
{
    if (!hasMac)
    {
        return false;
    }
    EapPacket zeroed = *this;
    zeroed.mac.fill(0);
    return AkaFunctions::Mac(ik, zeroed.ToBytes()) == mac;
}

// ---------------------------------------------------------------------------
// EapAkaPeer

EapAkaPeer::EapAkaPeer(const std::string& permanentNai, uint64_t key)
    : m_nai(permanentNai)
    , m_key(key)
{
}

bool
EapAkaPeer::Respond(const EapPacket& eap, EapPacket& response)
{
    if (eap.code != EapPacket::REQUEST)
    {
        return false;
    }
    if (eap.type == EapPacket::TYPE_IDENTITY)
    {
        response = EapPacket::Identity(EapPacket::RESPONSE, eap.identifier, m_nai);
        return true;
    }
    if (eap.type != EapPacket::TYPE_AKA)
    {
        return false;
    }
    if (eap.subtype == EapPacket::AKA_IDENTITY)
    {
        response = EapPacket::AkaIdentityResponse(eap.identifier, m_nai);
        return true;
    }
    if (eap.subtype != EapPacket::AKA_CHALLENGE || !eap.hasRand || !eap.hasAutn)
    {
        return false;
    }
    // The network is authentic and fresh (AUTN), the request intact
    // (AT_MAC with IK); then RES: mutual authentication.
    uint64_t sqn = AkaFunctions::CheckAutn(m_key, eap.rand, eap.autn, m_lastSqn);
    AuthenticationVector mine = AkaFunctions::MakeVector(m_key, sqn, eap.rand);
    if (sqn == 0 || !eap.CheckMac(mine.ik))
    {
        NS_LOG_WARN("EAP-AKA peer: challenge failed its check (AUTN or AT_MAC)");
        return false;
    }
    m_lastSqn = sqn;
    response = EapPacket::AkaChallengeResponse(eap.identifier, mine.xres);
    response.SetMac(mine.ik);
    return true;
}

// ---------------------------------------------------------------------------
// RadiusHeader

TypeId
RadiusHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::RadiusHeader")
                            .SetParent<Header>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<RadiusHeader>();
    return tid;
}

TypeId
RadiusHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
RadiusHeader::Print(std::ostream& os) const
{
    os << "RADIUS code=" << int(code) << " id=" << int(identifier)
       << " attrs=" << attributes.size();
}

uint32_t
RadiusHeader::GetSerializedSize() const
{
    uint32_t size = HEADER_SIZE;
    for (const auto& a : attributes)
    {
        size += 2 + a.value.size();
    }
    return size;
}

void
RadiusHeader::Serialize(Buffer::Iterator i) const
{
    i.WriteU8(code);
    i.WriteU8(identifier);
    i.WriteHtonU16(GetSerializedSize());
    i.Write(authenticator.data(), 16);
    for (const auto& a : attributes)
    {
        i.WriteU8(a.type);
        i.WriteU8(2 + a.value.size());
        i.Write(a.value.data(), a.value.size());
    }
}

uint32_t
RadiusHeader::Deserialize(Buffer::Iterator start)
{
    uint32_t available = start.GetRemainingSize();
    if (available < HEADER_SIZE)
    {
        return 0;
    }
    Buffer::Iterator i = start;
    uint8_t c = i.ReadU8();
    uint8_t id = i.ReadU8();
    uint16_t length = i.ReadNtohU16();
    // RFC 2865 3: Length 20..4096; octets beyond it are padding.
    if (length < HEADER_SIZE || length > 4096 || length > available)
    {
        return 0;
    }
    std::array<uint8_t, 16> auth;
    i.Read(auth.data(), 16);
    std::vector<Attribute> attrs;
    uint32_t pos = HEADER_SIZE;
    while (pos < length)
    {
        if (length - pos < 2)
        {
            return 0;
        }
        uint8_t type = i.ReadU8();
        uint8_t len = i.ReadU8();
        if (len < 2 || len > length - pos)
        {
            return 0;
        }
        Attribute a{type, std::vector<uint8_t>(len - 2)};
        i.Read(a.value.data(), a.value.size());
        attrs.push_back(a);
        pos += len;
    }
    code = Code(c);
    identifier = id;
    authenticator = auth;
    attributes = attrs;
    return length;
}

void
RadiusHeader::AddAttribute(uint8_t type, const std::vector<uint8_t>& value)
{
    NS_ABORT_MSG_IF(value.size() > 253, "RADIUS attribute value longer than 253 octets");
    attributes.push_back(Attribute{type, value});
}

const RadiusHeader::Attribute*
RadiusHeader::Find(uint8_t type) const
{
    for (const auto& a : attributes)
    {
        if (a.type == type)
        {
            return &a;
        }
    }
    return nullptr;
}

void
RadiusHeader::SetEap(const EapPacket& eap)
{
    std::vector<uint8_t> bytes = eap.ToBytes();
    for (size_t pos = 0; pos < bytes.size(); pos += 253)
    {
        size_t n = std::min<size_t>(253, bytes.size() - pos);
        AddAttribute(EAP_MESSAGE,
                     std::vector<uint8_t>(bytes.begin() + pos, bytes.begin() + pos + n));
    }
    // RFC 3579 3.2: every packet with EAP-Message has a Message-Authenticator
    // (HMAC-MD5 over the packet; its value is not checked in this model).
    AddAttribute(MESSAGE_AUTHENTICATOR, std::vector<uint8_t>(16, 0));
}

bool
RadiusHeader::GetEap(EapPacket& eap) const
{
    std::vector<uint8_t> bytes;
    for (const auto& a : attributes)
    {
        if (a.type == EAP_MESSAGE)
        {
            bytes.insert(bytes.end(), a.value.begin(), a.value.end());
        }
    }
    return !bytes.empty() && eap.FromBytes(bytes);
}

void
RadiusHeader::SetUserName(const std::string& name)
{
    AddAttribute(USER_NAME, std::vector<uint8_t>(name.begin(), name.end()));
}

std::string
RadiusHeader::GetUserName() const
{
    const Attribute* a = Find(USER_NAME);
    return a ? std::string(a->value.begin(), a->value.end()) : std::string();
}

void
RadiusHeader::AddVendorAttribute(uint8_t vendorType, const std::vector<uint8_t>& value)
{
    std::vector<uint8_t> v{uint8_t(VENDOR_ID >> 24),
                           uint8_t(VENDOR_ID >> 16),
                           uint8_t(VENDOR_ID >> 8),
                           uint8_t(VENDOR_ID),
                           vendorType,
                           uint8_t(2 + value.size())};
    v.insert(v.end(), value.begin(), value.end());
    AddAttribute(VENDOR_SPECIFIC, v);
}

std::vector<std::vector<uint8_t>>
RadiusHeader::GetVendorAttributes(uint8_t vendorType) const
{
    std::vector<std::vector<uint8_t>> out;
    for (const auto& a : attributes)
    {
        const auto& v = a.value;
        if (a.type != VENDOR_SPECIFIC || v.size() < 6)
        {
            continue;
        }
        uint32_t vendor = uint32_t(v[0]) << 24 | uint32_t(v[1]) << 16 | uint32_t(v[2]) << 8 | v[3];
        if (vendor == VENDOR_ID && v[4] == vendorType && v[5] == v.size() - 4)
        {
            out.emplace_back(v.begin() + 6, v.end());
        }
    }
    return out;
}

void
RadiusHeader::AddAv(const AuthenticationVector& av)
{
    std::vector<uint8_t> v(AuthenticationVector::SIZE);
    av.Write(v.data());
    AddVendorAttribute(VSA_AV, v);
}

std::vector<AuthenticationVector>
RadiusHeader::GetAvs() const
{
    std::vector<AuthenticationVector> out;
    for (const auto& v : GetVendorAttributes(VSA_AV))
    {
        if (v.size() == AuthenticationVector::SIZE)
        {
            AuthenticationVector av;
            av.Read(v.data());
            out.push_back(av);
        }
    }
    return out;
}

} // namespace ns3
