// SPDX-License-Identifier: GPL-2.0-only
// Wire-format tests of the messages the Context Reflector and the Fast
// Handover Scheme add (model/experimental-mobility-header.h): the RFC 5096
// Experimental Mobility Header and Option as this module lays them out, the
// RFC 5846 Binding Revocation Indication and Acknowledgement, and the PBU's
// context flag. The expected octets are written by hand from those RFCs'
// figures and from the layouts documented in doc/pmipv6.rst.

#include "aaa-server.h"
#include "experimental-mobility-header.h"
#include "header-bytes.h"
#include "ns3/buffer.h"
#include "ns3/packet.h"

#include <cstdint>
#include <gtest/gtest.h>
#include <vector>

using namespace ns3;

namespace
{

using namespace pmipv6test;

const Ipv6Address LMA("2001:10:1::1");
const Ipv6Address NMAG("2001:10:2::2");
const Ipv6Address PREFIX("2001:100:0:1::");

/// The checksum written with CalculatePseudoHeaderChecksum is the reference
/// one, verifies, and a flipped octet is detected.
template <class H>
void
ExpectChecksum(H h, const Bytes& zeroChecksumWire, Ipv6Address src, Ipv6Address dst)
{
    h.CalculatePseudoHeaderChecksum(src, dst);
    Bytes b = Wire(h);
    ASSERT_EQ(b.size(), zeroChecksumWire.size());
    uint16_t expected = ReferenceChecksum(src, dst, zeroChecksumWire);
    EXPECT_EQ((b[4] << 8) | b[5], expected);
    Ptr<Packet> p = Create<Packet>(b.data(), b.size());
    EXPECT_EQ(MobilityHeader::VerifyChecksum(p, src, dst), 0);
    b[b.size() - 9] ^= 0x01;
    EXPECT_NE(MobilityHeader::VerifyChecksum(Create<Packet>(b.data(), b.size()), src, dst), 0);
}

/// Context Reflection: subtype 1, seq 7, lifetime 1000 ms; MN-ID "mn", the
/// HNP, one Context Data option (subtype 1, FPT 1: the nMAG's address).
ExperimentalMobilityHeader
CrHeader()
{
    ExperimentalMobilityHeader h;
    h.SetSubtype(1);
    h.SetSequence(7);
    h.SetLifetime(MilliSeconds(1000));
    MobilityOptions& o = h.GetOptions();
    o.mnIdentifier = "mn";
    o.homeNetworkPrefixes = {{PREFIX, 64}};
    Bytes nmag;
    Append(nmag, NMAG);
    o.experimental = {{1, 1, nmag}};
    return h;
}

Bytes
CrBytes()
{
    Bytes b = {// Payload Proto 59, Header Len 7 (64 octets), MH Type 11, Reserved, Checksum 0
               59,
               7,
               11,
               0,
               0,
               0,
               // Subtype 1, Status 0, Sequence # 7, Lifetime 1000 ms
               1,
               0,
               0,
               7,
               0x03,
               0xe8,
               // offset 12: MN-ID (RFC 4283): type 8, length 3, subtype NAI, "mn"
               8,
               3,
               1,
               'm',
               'n',
               // offset 17: PadN of 3 octets, so that the HNP option starts at 8n+4
               1,
               1,
               0,
               // offset 20: HNP (RFC 5213 8.3): type 22, length 18, reserved, /64
               22,
               18,
               0,
               64};
    Append(b, PREFIX);
    // offset 40: Experimental (RFC 5096 sec. 4): type 18, length 18,
    // Subtype 1, Feature Profile Type 1 (nMAG address), 16 octets
    b.insert(b.end(), {18, 18, 1, 1});
    Append(b, NMAG);
    // offset 60: PadN of 4 octets to a multiple of 8
    b.insert(b.end(), {1, 2, 0, 0});
    return b;
}

TEST(ContextTransferWire, ContextReflectionMatchesTheHandBuiltOctets)
{
    EXPECT_EQ(Wire(CrHeader()), CrBytes());
    ExperimentalMobilityHeader r;
    ASSERT_EQ(Parse(CrBytes(), r), 64u);
    EXPECT_EQ(r.GetSubtype(), 1);
    EXPECT_EQ(r.GetStatus(), 0);
    EXPECT_EQ(r.GetSequence(), 7);
    EXPECT_EQ(r.GetLifetime(), MilliSeconds(1000));
    EXPECT_EQ(r.GetOptions(), CrHeader().GetOptions());
    ExpectChecksum(CrHeader(), CrBytes(), LMA, NMAG);
}

TEST(ContextTransferWire, ExperimentalLifetimeSaturatesInMilliseconds)
{
    ExperimentalMobilityHeader h;
    h.SetLifetime(Seconds(100));
    EXPECT_EQ(h.GetLifetime(), MilliSeconds(65535));
    h.SetLifetime(MicroSeconds(1999));
    EXPECT_EQ(h.GetLifetime(), MilliSeconds(1));
}

TEST(ContextTransferWire, MalformedExperimentalOptionsAreRefused)
{
    // An Experimental option of Length 1 (no room for Subtype and FPT).
    Bytes b = CrBytes();
    b[41] = 1;
    b[42] = 0; // the rest of the old option now reads as Pad1s and junk...
    ExperimentalMobilityHeader r = CrHeader();
    r.SetSequence(99);
    EXPECT_EQ(Parse(b, r), 0u);
    EXPECT_EQ(r.GetSequence(), 99); // unchanged
    // An option running past the end of the header.
    Bytes c = CrBytes();
    c[41] = 30;
    EXPECT_EQ(Parse(c, r), 0u);
    // Every truncation of the message is refused.
    const Bytes whole = CrBytes();
    for (size_t n = 0; n < whole.size(); ++n)
    {
        Bytes t(whole.begin(), whole.begin() + n);
        EXPECT_EQ(Parse(t, r), 0u) << n;
    }
}

BindingRevocationHeader
BriHeader()
{
    BindingRevocationHeader h;
    h.SetRevocationType(BindingRevocationType::INDICATION);
    h.SetTriggerOrStatus(RevocationTrigger::INTER_MAG_HANDOVER_SAME_ACCESS_TYPE);
    h.SetSequence(1);
    h.SetFlagP(true);
    h.GetOptions().mnIdentifier = "mn";
    h.GetOptions().homeNetworkPrefixes = {{PREFIX, 64}};
    return h;
}

Bytes
BriBytes()
{
    Bytes b = {// Payload Proto 59, Header Len 4 (40 octets), MH Type 16, Reserved, Checksum 0
               59,
               4,
               16,
               0,
               0,
               0,
               // RFC 5846 6.1.1: B.R. Type 1, R. Trigger 2, Sequence # 1, P flag, reserved
               1,
               2,
               0,
               1,
               0x80,
               0x00,
               // offset 12: MN-ID "mn", then PadN 3, then the HNP at 20
               8,
               3,
               1,
               'm',
               'n',
               1,
               1,
               0,
               22,
               18,
               0,
               64};
    Append(b, PREFIX);
    return b;
}

TEST(ContextTransferWire, BindingRevocationIndicationMatchesRfc5846)
{
    EXPECT_EQ(Wire(BriHeader()), BriBytes());
    BindingRevocationHeader r;
    ASSERT_EQ(Parse(BriBytes(), r), 40u);
    EXPECT_EQ(r.GetRevocationType(), BindingRevocationType::INDICATION);
    EXPECT_EQ(r.GetTriggerOrStatus(), 2);
    EXPECT_EQ(r.GetSequence(), 1);
    EXPECT_TRUE(r.GetFlagP());
    EXPECT_FALSE(r.GetFlagV());
    EXPECT_FALSE(r.GetFlagG());
    EXPECT_EQ(r.GetOptions(), BriHeader().GetOptions());
    ExpectChecksum(BriHeader(), BriBytes(), LMA, NMAG);
}

TEST(ContextTransferWire, BindingRevocationAcknowledgementMatchesRfc5846)
{
    BindingRevocationHeader h;
    h.SetRevocationType(BindingRevocationType::ACKNOWLEDGEMENT);
    h.SetTriggerOrStatus(BindingRevocationStatus::SUCCESS);
    h.SetSequence(0x1234);
    h.SetFlagP(true);
    h.SetFlagG(true);
    // Header Len 1 (16 octets): B.R. Type 2, Status 0, Sequence #, P and G, PadN 4.
    Bytes b = {59, 1, 16, 0, 0, 0, 2, 0, 0x12, 0x34, 0xa0, 0x00, 1, 2, 0, 0};
    EXPECT_EQ(Wire(h), b);
    BindingRevocationHeader r;
    b[11] = 0xff; // reserved bits are ignored
    ASSERT_EQ(Parse(b, r), 16u);
    EXPECT_EQ(r.GetRevocationType(), BindingRevocationType::ACKNOWLEDGEMENT);
    EXPECT_EQ(r.GetSequence(), 0x1234);
    EXPECT_TRUE(r.GetFlagP());
    EXPECT_TRUE(r.GetFlagG());
    EXPECT_FALSE(r.GetFlagV());
    b[11] = 0;
    ExpectChecksum(h, b, NMAG, LMA);
}

TEST(ContextTransferWire, DeregistrationPbuCarriesTheContextFlagAndContextData)
{
    BindingUpdateHeader h;
    h.SetSequence(5);
    h.SetFlagA(true);
    h.SetFlagP(true);
    h.SetFlagC(true);
    h.SetLifetimeUnits(0);
    h.GetOptions().experimental = {{1, 3, {0xc0, 0xc0}}};
    // Header Len 2 (24 octets): Sequence 5, flags A|P|C = 0x8201, Lifetime 0,
    // Experimental (subtype 1, FPT 3 ROHC, 2 octets), PadN of 6.
    Bytes b = {59, 2, 5, 0, 0,    0,    0, 5, 0x82, 0x01, 0, 0,
               18, 4, 1, 3, 0xc0, 0xc0, 1, 4, 0,    0,    0, 0};
    EXPECT_EQ(Wire(h), b);
    BindingUpdateHeader r;
    ASSERT_EQ(Parse(b, r), 24u);
    EXPECT_TRUE(r.GetFlagC());
    EXPECT_TRUE(r.GetFlagP());
    EXPECT_EQ(r.GetOptions().experimental, h.GetOptions().experimental);
    ExpectChecksum(h, b, NMAG, LMA);
}

} // namespace

// ---------------------------------------------------------------------------
// The AAA server's RADIUS-like messages (RFC 2865 sec. 3 and 5.1, 5.18)

namespace
{

TEST(AaaWire, AccessRequestAndAcceptMatchRfc2865Layout)
{
    RadiusMessage req;
    req.code = RadiusMessage::ACCESS_REQUEST;
    req.identifier = 7;
    req.userName = "mn";
    // Code 1, Identifier 7, Length 24, 16 zero octets, User-Name (1, 4, "mn").
    Bytes b = {1, 7, 0, 24};
    b.insert(b.end(), 16, 0);
    b.insert(b.end(), {1, 4, 'm', 'n'});
    EXPECT_EQ(req.Encode(), b);
    auto r = RadiusMessage::Decode(b.data(), b.size());
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->code, 1);
    EXPECT_EQ(r->identifier, 7);
    EXPECT_EQ(r->userName, "mn");

    RadiusMessage acc = req;
    acc.code = RadiusMessage::ACCESS_ACCEPT;
    acc.replyMessage = "lma=x";
    Bytes a = {2, 7, 0, 31};
    a.insert(a.end(), 16, 0);
    a.insert(a.end(), {1, 4, 'm', 'n', 18, 7, 'l', 'm', 'a', '=', 'x'});
    EXPECT_EQ(acc.Encode(), a);
    auto ra = RadiusMessage::Decode(a.data(), a.size());
    ASSERT_TRUE(ra.has_value());
    EXPECT_EQ(ra->replyMessage, "lma=x");
}

TEST(AaaWire, MalformedMessagesAreRefused)
{
    RadiusMessage req;
    req.userName = "mn";
    const Bytes good = req.Encode();
    for (size_t n = 0; n < good.size(); ++n)
    {
        Bytes t(good.begin(), good.begin() + n);
        EXPECT_FALSE(RadiusMessage::Decode(t.data(), t.size()).has_value()) << n;
    }
    Bytes bad = good;
    bad[21] = 40; // User-Name running past the message
    EXPECT_FALSE(RadiusMessage::Decode(bad.data(), bad.size()).has_value());
    bad = good;
    bad[21] = 1; // attribute Length below 2
    EXPECT_FALSE(RadiusMessage::Decode(bad.data(), bad.size()).has_value());
}

} // namespace
