// SPDX-License-Identifier: GPL-2.0-only
// Wire-format tests of ProMPt's messages and of access authentication
// (model/prompt-header.h, model/eap-aka-header.h). Expected octets are
// written by hand from RFC 4187 sec. 9-10 (EAP-AKA), RFC 3748 sec. 4 (EAP),
// RFC 2865 sec. 3/5 and RFC 3579 sec. 3 (RADIUS), IEEE 802.1X-2004 sec. 7.5
// (EAPOL) and the ProMPt format documented in prompt-header.h.

#include "eap-aka-header.h"
#include "header-bytes.h"
#include "prompt-header.h"
#include "prompt-map.h"

#include "ns3/buffer.h"
#include "ns3/packet.h"

#include <gtest/gtest.h>
#include <vector>

using namespace ns3;

namespace
{

using namespace pmipv6test;

std::array<uint8_t, 16>
Seq16(uint8_t first)
{
    std::array<uint8_t, 16> a;
    for (int i = 0; i < 16; ++i)
    {
        a[i] = uint8_t(first + i);
    }
    return a;
}

AuthenticationVector
SomeAv()
{
    return AkaFunctions::MakeVector(0x1234, 7, Seq16(0x10));
}

} // namespace

TEST(EapAkaWire, EapolStartIsFourOctets)
{
    EapolHeader h;
    h.packetType = EapolHeader::START;
    EXPECT_EQ(Wire(h), (Bytes{2, 1, 0, 0}));
    EapolHeader back;
    EXPECT_EQ(Parse({2, 0, 0, 68}, back), 4u);
    EXPECT_EQ(back.packetType, EapolHeader::EAP_PACKET);
    EXPECT_EQ(back.bodyLength, 68);
    EXPECT_EQ(Parse({2, 0, 0}, back), 0u);
}

TEST(EapAkaWire, IdentityResponseCarriesTheNai)
{
    EapPacket p = EapPacket::Identity(EapPacket::RESPONSE, 3, "0ab@p");
    // RFC 3748 4 and 5.1: Code 2, Identifier, Length 10, Type 1, "0ab@p".
    EXPECT_EQ(Wire(p), (Bytes{2, 3, 0, 10, 1, '0', 'a', 'b', '@', 'p'}));
    EapPacket back;
    EXPECT_EQ(Parse(Wire(p), back), 10u);
    EXPECT_EQ(back.identity, "0ab@p");
}

TEST(EapAkaWire, AkaIdentityRequestAndResponse)
{
    // RFC 4187 9.2: Request/AKA-Identity with AT_PERMANENT_ID_REQ, 12 octets.
    EXPECT_EQ(Wire(EapPacket::AkaIdentityRequest(4)),
              (Bytes{1, 4, 0, 12, 23, 5, 0, 0, 10, 1, 0, 0}));
    // RFC 4187 9.3 / 10.5: AT_IDENTITY, Actual Identity Length 5, padded to 8.
    EXPECT_EQ(Wire(EapPacket::AkaIdentityResponse(4, "1abcd")),
              (Bytes{2, 4, 0, 20, 23, 5, 0, 0, 14, 3, 0, 5, '1', 'a', 'b', 'c', 'd', 0, 0, 0}));
    EapPacket back;
    ASSERT_EQ(Parse(Wire(EapPacket::AkaIdentityResponse(4, "1abcd")), back), 20u);
    EXPECT_EQ(back.identity, "1abcd");
}

TEST(EapAkaWire, ChallengeRequestIs68OctetsAsRfc4187)
{
    AuthenticationVector av = SomeAv();
    EapPacket p = EapPacket::AkaChallengeRequest(5, av);
    p.SetMac(av.ik);
    Bytes w = Wire(p);
    ASSERT_EQ(w.size(), 68u);
    EXPECT_EQ(Bytes(w.begin(), w.begin() + 12), (Bytes{1, 5, 0, 68, 23, 1, 0, 0, 1, 5, 0, 0}));
    EXPECT_EQ(Bytes(w.begin() + 12, w.begin() + 28), Bytes(av.rand.begin(), av.rand.end()));
    EXPECT_EQ(Bytes(w.begin() + 28, w.begin() + 32), (Bytes{2, 5, 0, 0}));
    EXPECT_EQ(Bytes(w.begin() + 32, w.begin() + 48), Bytes(av.autn.begin(), av.autn.end()));
    EXPECT_EQ(Bytes(w.begin() + 48, w.begin() + 52), (Bytes{11, 5, 0, 0}));
    EapPacket back;
    ASSERT_EQ(Parse(w, back), 68u);
    EXPECT_TRUE(back.CheckMac(av.ik));
    back.rand[0] ^= 1;
    EXPECT_FALSE(back.CheckMac(av.ik));
}

TEST(EapAkaWire, ChallengeResponseIs40Octets)
{
    AuthenticationVector av = SomeAv();
    EapPacket p = EapPacket::AkaChallengeResponse(5, AkaFunctions::Res(0x1234, av.rand));
    p.SetMac(av.ik);
    Bytes w = Wire(p);
    ASSERT_EQ(w.size(), 40u);
    // AT_RES: Length 3, RES Length 64 bits.
    EXPECT_EQ(Bytes(w.begin(), w.begin() + 12), (Bytes{2, 5, 0, 40, 23, 1, 0, 0, 3, 3, 0, 64}));
    EapPacket back;
    ASSERT_EQ(Parse(w, back), 40u);
    EXPECT_EQ(back.res, av.xres);
}

TEST(EapAkaWire, SuccessIsFourOctetsAndMalformedIsRefused)
{
    EXPECT_EQ(Wire(EapPacket::Result(EapPacket::SUCCESS, 9)), (Bytes{3, 9, 0, 4}));
    EapPacket back;
    back.identifier = 77;
    // Length beyond the buffer, attribute length 0, unknown non-skippable attribute.
    EXPECT_EQ(Parse({1, 1, 0, 12, 23, 5, 0, 0, 10, 1, 0}, back), 0u);
    EXPECT_EQ(Parse({1, 1, 0, 12, 23, 5, 0, 0, 10, 0, 0, 0}, back), 0u);
    EXPECT_EQ(Parse({1, 1, 0, 12, 23, 5, 0, 0, 99, 1, 0, 0}, back), 0u);
    EXPECT_EQ(back.identifier, 77); // unchanged
    // A skippable attribute (>= 128) is skipped.
    EXPECT_EQ(Parse({1, 1, 0, 12, 23, 5, 0, 0, 200, 1, 0, 0}, back), 12u);
}

TEST(EapAkaWire, AkaChecksKeyAndSequence)
{
    AuthenticationVector av = AkaFunctions::MakeVector(42, 5, Seq16(1));
    EXPECT_EQ(AkaFunctions::CheckAutn(42, av.rand, av.autn, 4), 5u);
    EXPECT_EQ(AkaFunctions::CheckAutn(42, av.rand, av.autn, 5), 0u); // replay
    EXPECT_EQ(AkaFunctions::CheckAutn(43, av.rand, av.autn, 0), 0u); // wrong key
    EXPECT_EQ(AkaFunctions::Res(42, av.rand), av.xres);
    EXPECT_NE(AkaFunctions::Res(43, av.rand), av.xres);
}

TEST(RadiusWire, AccessRequestWithEapMessage)
{
    RadiusHeader r;
    r.code = RadiusHeader::ACCESS_REQUEST;
    r.identifier = 7;
    r.SetUserName("0ab@p");
    r.SetEap(EapPacket::Identity(EapPacket::RESPONSE, 3, "0ab@p"));
    Bytes w = Wire(r);
    // 20 header + User-Name 7 + EAP-Message 12 + Message-Authenticator 18.
    ASSERT_EQ(w.size(), 57u);
    EXPECT_EQ(Bytes(w.begin(), w.begin() + 4), (Bytes{1, 7, 0, 57}));
    EXPECT_EQ(Bytes(w.begin() + 20, w.begin() + 27), (Bytes{1, 7, '0', 'a', 'b', '@', 'p'}));
    EXPECT_EQ(Bytes(w.begin() + 27, w.begin() + 29), (Bytes{79, 12}));
    EXPECT_EQ(Bytes(w.begin() + 39, w.begin() + 41), (Bytes{80, 18}));
    RadiusHeader back;
    ASSERT_EQ(Parse(w, back), 57u);
    EapPacket eap;
    ASSERT_TRUE(back.GetEap(eap));
    EXPECT_EQ(eap.identity, "0ab@p");
    EXPECT_EQ(back.GetUserName(), "0ab@p");
    w[30 + 0] = 0; // attribute overrunning: corrupt User-Name's length
    w[21] = 60;
    EXPECT_EQ(Parse(w, back), 0u);
}

TEST(RadiusWire, AvsInVendorSpecificAttributes)
{
    RadiusHeader r;
    r.code = RadiusHeader::ACCESS_ACCEPT;
    r.AddAv(SomeAv());
    r.AddAv(AkaFunctions::MakeVector(0x1234, 8, Seq16(0x30)));
    Bytes w = Wire(r);
    ASSERT_EQ(w.size(), 20u + 2 * 80u);
    // Vendor-Specific, Length 80, Vendor-Id, vendor type VSA_AV, vendor length 74.
    EXPECT_EQ(Bytes(w.begin() + 20, w.begin() + 26), (Bytes{26, 80, 0x00, 0xFF, 0xFF, 0x01}));
    EXPECT_EQ(Bytes(w.begin() + 26, w.begin() + 28), (Bytes{2, 74}));
    RadiusHeader back;
    ASSERT_EQ(Parse(w, back), w.size());
    auto avs = back.GetAvs();
    ASSERT_EQ(avs.size(), 2u);
    EXPECT_TRUE(avs[0] == SomeAv());
}

TEST(PromptWire, HandoverPrepareLayout)
{
    PromptHeader h;
    h.type = PromptHeader::HANDOVER_PREPARE;
    h.sequence = 0x0102;
    h.tmsi = 0xA0B0C0D0;
    h.hasMnAddress = true;
    h.mnAddress = Ipv6Address("2001:100::5");
    h.avs.push_back(SomeAv());
    Bytes w = Wire(h);
    ASSERT_EQ(w.size(), 12u + 18u + 74u);
    EXPECT_EQ(Bytes(w.begin(), w.begin() + 12),
              (Bytes{1, 2, 0, 104, 1, 2, 0, 0, 0xA0, 0xB0, 0xC0, 0xD0}));
    EXPECT_EQ(Bytes(w.begin() + 12, w.begin() + 16), (Bytes{1, 16, 0x20, 0x01}));
    EXPECT_EQ(Bytes(w.begin() + 30, w.begin() + 32), (Bytes{3, 72}));
    Bytes av(72);
    SomeAv().Write(av.data());
    EXPECT_EQ(Bytes(w.begin() + 32, w.end()), av);
    PromptHeader back;
    ASSERT_EQ(Parse(w, back), 104u);
    EXPECT_EQ(back.type, PromptHeader::HANDOVER_PREPARE);
    EXPECT_EQ(back.tmsi, 0xA0B0C0D0u);
    EXPECT_EQ(back.mnAddress, Ipv6Address("2001:100::5"));
    ASSERT_EQ(back.avs.size(), 1u);
    EXPECT_TRUE(back.avs[0] == SomeAv());
}

TEST(PromptWire, MeasurementAndStatus)
{
    PromptHeader h;
    h.type = PromptHeader::MEASUREMENT_REPORT;
    h.measurements.push_back({Ipv6Address("2001:200::1"), -70});
    h.hasStatus = true;
    h.status = 3;
    h.identity = "0ab";
    Bytes w = Wire(h);
    ASSERT_EQ(w.size(), 12u + 22u + 3u + 5u);
    EXPECT_EQ(Bytes(w.begin() + 12, w.begin() + 14), (Bytes{4, 20}));
    EXPECT_EQ(Bytes(w.begin() + 30, w.begin() + 34), (Bytes{0xFF, 0xBA, 0, 0})); // -70
    EXPECT_EQ(Bytes(w.begin() + 34, w.end()), (Bytes{5, 1, 3, 6, 3, '0', 'a', 'b'}));
    PromptHeader back;
    ASSERT_EQ(Parse(w, back), w.size());
    ASSERT_EQ(back.measurements.size(), 1u);
    EXPECT_EQ(back.measurements[0].levelDbm, -70);
    EXPECT_EQ(back.identity, "0ab");
}

TEST(PromptWire, MalformedIsRefusedUnknownFieldSkipped)
{
    PromptHeader back;
    back.tmsi = 99;
    // Length beyond buffer; wrong version; field overrunning; wrong value length.
    EXPECT_EQ(Parse({1, 4, 0, 20, 0, 0, 0, 0, 0, 0, 0, 1}, back), 0u);
    EXPECT_EQ(Parse({2, 4, 0, 12, 0, 0, 0, 0, 0, 0, 0, 1}, back), 0u);
    EXPECT_EQ(Parse({1, 4, 0, 15, 0, 0, 0, 0, 0, 0, 0, 1, 1, 16, 0}, back), 0u);
    EXPECT_EQ(Parse({1, 4, 0, 15, 0, 0, 0, 0, 0, 0, 0, 1, 5, 1, 0}, back), 15u);
    EXPECT_EQ(Parse({1, 4, 0, 16, 0, 0, 0, 0, 0, 0, 0, 1, 5, 2, 0, 0}, back), 0u);
    EXPECT_EQ(back.tmsi, 1u);
    EXPECT_EQ(Parse({1, 4, 0, 16, 0, 0, 0, 0, 0, 0, 0, 2, 99, 2, 0, 0}, back), 16u);
    EXPECT_EQ(back.tmsi, 2u);
}

TEST(PromptHandoverAlgorithm, StrongestBeyondHysteresis)
{
    Ptr<PromptHandoverAlgorithm> a = CreateObject<PromptHandoverAlgorithm>();
    Ipv6Address serving("2001:ab:1::2");
    Ipv6Address other("2001:ab:2::2");
    Ipv6Address third("2001:ab:3::2");
    // 3 dB hysteresis by default: 2 dB better is not enough, 4 dB is.
    EXPECT_TRUE(a->Decide(serving, {{serving, -70}, {other, -68}}).IsAny());
    EXPECT_EQ(a->Decide(serving, {{serving, -70}, {other, -66}}), other);
    EXPECT_EQ(a->Decide(serving, {{serving, -70}, {other, -66}, {third, -60}}), third);
    // The serving AR not measured: any AR is better than nothing.
    EXPECT_EQ(a->Decide(serving, {{other, -90}}), other);
}
