// SPDX-License-Identifier: GPL-2.0-only
// Wire-format tests of the Mobility Header messages (model/mobility-header.h).
// The expected octets are written by hand from the RFC figures:
//   RFC 6275 6.1.1 (common part), 6.1.7 (BU), 6.1.8 (BA), 6.2 (options, padding)
//   RFC 5213 8.1-8.8 (P flags, HNP, HI, ATT, MN-LL-ID, link-local, timestamp)
//   RFC 4283 3 (MN-ID), RFC 5568 6.2.1/6.2.2/6.3.1/6.3.2/6.4.3, RFC 5949 6.1/6.2.2

#include "header-bytes.h"
#include "mobility-header.h"

#include "ns3/buffer.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"

#include <cstdint>
#include <gtest/gtest.h>
#include <sstream>
#include <vector>

using namespace ns3;

namespace
{

using namespace pmipv6test;

Ptr<Packet>
ToPacket(const Bytes& b)
{
    return b.empty() ? Create<Packet>() : Create<Packet>(b.data(), b.size());
}

/// 2001:db8:1::
Bytes
Prefix1()
{
    return {0x20, 0x01, 0x0d, 0xb8, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
}

/// Timestamp of 10.5 s: 48-bit seconds 10, 16-bit fraction 0x8000 (RFC 5213 8.8).
const Bytes TS_10_5 = {0, 0, 0, 0, 0, 0x0a, 0x80, 0x00};

Bytes
Concat(std::initializer_list<Bytes> parts)
{
    Bytes out;
    for (const auto& p : parts)
    {
        out.insert(out.end(), p.begin(), p.end());
    }
    return out;
}

// --- Hand-written messages ---------------------------------------------------

/// PBU: seq 0x1234, A+P, lifetime 3600 s, MN-ID NAI, one HNP, handoff indicator,
/// ATT, timestamp.
Bytes
PbuBytes()
{
    return Concat({
        // 0: Payload Proto 59, Header Len 8 (72 octets), MH Type 5, Reserved, Checksum 0
        {0x3b, 0x08, 0x05, 0x00, 0x00, 0x00},
        // 6: Sequence #, A|P (0x8000|0x0200), Lifetime 900 units of 4 s
        {0x12, 0x34, 0x82, 0x00, 0x03, 0x84},
        // 12: MN-ID (no alignment): type 8, len 9, subtype 1 (NAI), "mn1@pmip"
        {0x08, 0x09, 0x01, 'm', 'n', '1', '@', 'p', 'm', 'i', 'p'},
        // 23: PadN (len 3) so that the HNP starts at 28 = 8*3+4
        {0x01, 0x03, 0x00, 0x00, 0x00},
        // 28: HNP: type 22, len 18, reserved, prefix length 64, 2001:db8:1::
        {0x16, 0x12, 0x00, 0x40},
        Prefix1(),
        // 48: Handoff Indicator (no alignment): type 23, len 2, reserved, 1
        {0x17, 0x02, 0x00, 0x01},
        // 52: ATT (no alignment): type 24, len 2, reserved, 4 (802.11a/b/g)
        {0x18, 0x02, 0x00, 0x04},
        // 56: PadN (len 0) so that the Timestamp starts at 58 = 8*7+2
        {0x01, 0x00},
        // 58: Timestamp: type 27, len 8
        {0x1b, 0x08},
        TS_10_5,
        // 68: PadN (len 2) to 72 octets
        {0x01, 0x02, 0x00, 0x00},
    });
}

BindingUpdateHeader
PbuHeader()
{
    BindingUpdateHeader h;
    h.SetSequence(0x1234);
    h.SetFlagA(true);
    h.SetFlagP(true);
    h.SetLifetime(Seconds(3600));
    MobilityOptions& o = h.GetOptions();
    o.mnIdentifier = "mn1@pmip";
    o.homeNetworkPrefixes.push_back({Ipv6Address("2001:db8:1::"), 64});
    o.handoffIndicator = HandoffIndicator::ATTACHMENT_OVER_NEW_INTERFACE;
    o.accessTechnologyType = AccessTechnologyType::IEEE_802_11ABG;
    o.timestamp = UnixTimeToMobilityTimestamp(Seconds(10.5));
    return h;
}

/// PBA: status 0, P, seq 0x1234, lifetime 3600 s, HNP, link-local address, timestamp.
Bytes
PbaBytes()
{
    Bytes linkLocal(16, 0);
    linkLocal[0] = 0xfe;
    linkLocal[1] = 0x80;
    linkLocal[15] = 0x01;
    return Concat({
        // 0: Header Len 8 (72 octets), MH Type 6
        {0x3b, 0x08, 0x06, 0x00, 0x00, 0x00},
        // 6: Status 0, flags P (0x20), Sequence #, Lifetime 900 units
        {0x00, 0x20, 0x12, 0x34, 0x03, 0x84},
        // 12 = 8+4: HNP needs no padding
        {0x16, 0x12, 0x00, 0x40},
        Prefix1(),
        // 32: PadN (len 4) so that the link-local address option starts at 38 = 8*4+6
        {0x01, 0x04, 0x00, 0x00, 0x00, 0x00},
        // 38: Link-local Address: type 26, len 16, fe80::1
        {0x1a, 0x10},
        linkLocal,
        // 56: PadN (len 0), 58: Timestamp
        {0x01, 0x00, 0x1b, 0x08},
        TS_10_5,
        // 68: PadN (len 2) to 72
        {0x01, 0x02, 0x00, 0x00},
    });
}

BindingAckHeader
PbaHeader()
{
    BindingAckHeader h;
    h.SetStatus(BindingAckStatus::ACCEPTED);
    h.SetFlagP(true);
    h.SetSequence(0x1234);
    h.SetLifetime(Seconds(3600));
    MobilityOptions& o = h.GetOptions();
    o.homeNetworkPrefixes.push_back({Ipv6Address("2001:db8:1::"), 64});
    o.linkLocalAddress = Ipv6Address("fe80::1");
    o.timestamp = UnixTimeToMobilityTimestamp(Seconds(10.5));
    return h;
}

/// PFMIPv6 HI: seq 7, P+F, code 0, MN-ID, HNP, MN link-layer identifier, LMA address.
Bytes
HiBytes()
{
    Bytes lmaa;
    Append(lmaa, Ipv6Address("2001:db8:ff::1"));
    return Concat({
        // 0: Header Len 9 (80 octets), MH Type 14
        {0x3b, 0x09, 0x0e, 0x00, 0x00, 0x00},
        // 6: Sequence # 7, flags S U P F = 0011 (0x30), Code 0
        {0x00, 0x07, 0x30, 0x00},
        // 10: MN-ID
        {0x08, 0x09, 0x01, 'm', 'n', '1', '@', 'p', 'm', 'i', 'p'},
        // 21: PadN (len 5) so that the HNP starts at 28
        {0x01, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00},
        // 28: HNP
        {0x16, 0x12, 0x00, 0x40},
        Prefix1(),
        // 48: PadN (len 0) so that the MN-LL-ID starts at 50 = 8*6+2
        {0x01, 0x00},
        // 50: MN Link-layer Identifier: type 25, len 8, 16-bit reserved, 00:11:22:33:44:55
        {0x19, 0x08, 0x00, 0x00, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55},
        // 60 = 8*7+4: LMA Address: type 41, len 18, Option-Code 1 (IPv6), reserved
        {0x29, 0x12, 0x01, 0x00},
        lmaa,
        // 80: a multiple of 8, no trailing padding
    });
}

HandoverInitiateHeader
HiHeader()
{
    HandoverInitiateHeader h;
    h.SetSequence(7);
    h.SetFlagP(true);
    h.SetFlagF(true);
    h.SetCode(HandoverInitiateCode::FBU_FROM_PCOA);
    MobilityOptions& o = h.GetOptions();
    o.mnIdentifier = "mn1@pmip";
    o.homeNetworkPrefixes.push_back({Ipv6Address("2001:db8:1::"), 64});
    o.mnLinkLayerId = Bytes{0x00, 0x11, 0x22, 0x33, 0x44, 0x55};
    o.lmaAddress = Ipv6Address("2001:db8:ff::1");
    return h;
}

/// HAck: seq 7, code 5 (context transfer accepted, RFC 5949), no options.
Bytes
HackBytes()
{
    return {
        0x3b,
        0x01,
        0x0f,
        0x00,
        0x00,
        0x00, // Header Len 1 (16 octets), MH Type 15
        0x00,
        0x07,
        0x00,
        0x05, // Sequence # 7, Reserved, Code 5
        0x01,
        0x04,
        0x00,
        0x00,
        0x00,
        0x00, // 10: PadN (len 4) to 16
    };
}

HandoverAckHeader
HackHeader()
{
    HandoverAckHeader h;
    h.SetSequence(7);
    h.SetCode(HandoverAckCode::CONTEXT_TRANSFER_ACCEPTED);
    return h;
}

/// FBU: seq 0x42, A, lifetime 4 s, MN-ID "mn", timestamp, MH-LLA.
Bytes
FbuBytes()
{
    return Concat({
        // 0: Header Len 4 (40 octets), MH Type 8
        {0x3b, 0x04, 0x08, 0x00, 0x00, 0x00},
        // 6: Sequence #, A (0x8000), Lifetime 1 unit
        {0x00, 0x42, 0x80, 0x00, 0x00, 0x01},
        // 12: MN-ID "mn"
        {0x08, 0x03, 0x01, 'm', 'n'},
        // 17: Pad1 so that the Timestamp starts at 18 = 8*2+2
        {0x00},
        {0x1b, 0x08},
        TS_10_5,
        // 28: MH-LLA (no alignment): type 7, len 7, Option-Code 2, 00:11:22:33:44:55
        {0x07, 0x07, 0x02, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55},
        // 37: PadN (len 1) to 40
        {0x01, 0x01, 0x00},
    });
}

FastBindingUpdateHeader
FbuHeader()
{
    FastBindingUpdateHeader h;
    h.SetSequence(0x42);
    h.SetFlagA(true);
    h.SetLifetimeUnits(1);
    MobilityOptions& o = h.GetOptions();
    o.mnIdentifier = "mn";
    o.timestamp = UnixTimeToMobilityTimestamp(Seconds(10.5));
    o.linkLayerAddress = Bytes{0x00, 0x11, 0x22, 0x33, 0x44, 0x55};
    return h;
}

/// FBack: status 0, K, seq 0x42, lifetime 4 s, no options.
Bytes
FbackBytes()
{
    return {
        0x3b,
        0x01,
        0x09,
        0x00,
        0x00,
        0x00, // Header Len 1 (16 octets), MH Type 9
        0x00,
        0x80,
        0x00,
        0x42,
        0x00,
        0x01, // Status 0, K (0x80), Sequence #, Lifetime 1
        0x01,
        0x02,
        0x00,
        0x00, // 12: PadN (len 2) to 16
    };
}

FastBindingAckHeader
FbackHeader()
{
    FastBindingAckHeader h;
    h.SetStatus(BindingAckStatus::ACCEPTED);
    h.SetFlagK(true);
    h.SetSequence(0x42);
    h.SetLifetimeUnits(1);
    return h;
}

/// Every option this module knows, two HNPs.
MobilityOptions
AllOptions()
{
    MobilityOptions o;
    o.mnIdentifier = "mobile-node-17@operator.example";
    o.homeNetworkPrefixes = {{Ipv6Address("2001:db8:1::"), 64},
                             {Ipv6Address("2001:db8:2:3::"), 56}};
    o.handoffIndicator = HandoffIndicator::HANDOFF_BETWEEN_MAGS;
    o.accessTechnologyType = AccessTechnologyType::IEEE_802_3;
    o.mnLinkLayerId = Bytes{0x02, 0x00, 0x00, 0x00, 0x00, 0x2a};
    o.linkLocalAddress = Ipv6Address("fe80::2");
    o.timestamp = 0x0000123456789abcULL;
    o.lmaAddress = Ipv6Address("2001:db8:ff::1");
    o.linkLayerAddress = Bytes{0x02, 0x00, 0x00, 0x00, 0x00, 0x2b};
    o.contextRequest = std::vector<ContextRequestEntry>{{MobilityOptionType::MN_IDENTIFIER, {}},
                                                        {MobilityOptionType::MN_LINK_LAYER_ID,
                                                         {0x01, 0x02, 0x03}}};
    o.mnLinkLocalIid = 0x021122fffe334455ULL;
    return o;
}

/**
 * Walks the options of a serialized message and checks that every option's
 * Type octet sits at its RFC alignment (RFC 5213 8.3/8.6/8.7/8.8, RFC 5949
 * LMAA as 8n+4 here) and that the length is a multiple of 8.
 */
void
ExpectAligned(const Bytes& b, uint32_t optionsStart)
{
    ASSERT_EQ(b.size() % 8, 0u);
    ASSERT_EQ(b.size(), (b[1] + 1u) * 8);
    uint32_t pos = optionsStart;
    int seen = 0;
    while (pos < b.size())
    {
        uint8_t type = b[pos];
        if (type == 0)
        {
            pos++;
            continue;
        }
        ASSERT_LT(pos + 1, b.size());
        switch (type)
        {
        case 22: // HNP
        case 41: // LMAA
            EXPECT_EQ(pos % 8, 4u) << "option " << +type;
            break;
        case 25: // MN-LL-ID
        case 27: // Timestamp
            EXPECT_EQ(pos % 8, 2u) << "option " << +type;
            break;
        case 26: // Link-local address
            EXPECT_EQ(pos % 8, 6u) << "option " << +type;
            break;
        case 42: // MN LLA-IID
            EXPECT_EQ(pos % 8, 4u) << "option " << +type;
            break;
        case 40: // Context Request
            EXPECT_EQ(pos % 2, 0u) << "option " << +type;
            break;
        default:
            break;
        }
        if (type != 1)
        {
            seen++;
        }
        pos += 2 + b[pos + 1];
    }
    EXPECT_EQ(pos, b.size());
    EXPECT_GT(seen, 0);
}

} // namespace

// ---------------------------------------------------------------------------
// Hand-written octets

TEST(MobilityHeaderWire, PbuMatchesRfcLayout)
{
    BindingUpdateHeader h = PbuHeader();
    EXPECT_EQ(h.GetSerializedSize(), 72u);
    EXPECT_EQ(Wire(h), PbuBytes());

    BindingUpdateHeader r;
    ASSERT_EQ(Parse(PbuBytes(), r), 72u);
    EXPECT_EQ(r.GetMhType(), MhType::BindingUpdate);
    EXPECT_EQ(r.GetSequence(), 0x1234);
    EXPECT_TRUE(r.GetFlagA());
    EXPECT_TRUE(r.GetFlagP());
    EXPECT_FALSE(r.GetFlagH());
    EXPECT_FALSE(r.GetFlagL());
    EXPECT_FALSE(r.GetFlagK());
    EXPECT_FALSE(r.GetFlagM());
    EXPECT_FALSE(r.GetFlagR());
    EXPECT_EQ(r.GetLifetimeUnits(), 900);
    EXPECT_EQ(r.GetLifetime(), Seconds(3600));
    EXPECT_EQ(r.GetOptions(), h.GetOptions());
    EXPECT_EQ(r.GetOptions().timestamp, 0x00000000000a8000ULL);
    ExpectAligned(PbuBytes(), 12);
}

TEST(MobilityHeaderWire, PbaMatchesRfcLayout)
{
    BindingAckHeader h = PbaHeader();
    EXPECT_EQ(Wire(h), PbaBytes());

    BindingAckHeader r;
    ASSERT_EQ(Parse(PbaBytes(), r), 72u);
    EXPECT_EQ(r.GetStatus(), BindingAckStatus::ACCEPTED);
    EXPECT_TRUE(r.GetFlagP());
    EXPECT_FALSE(r.GetFlagK());
    EXPECT_FALSE(r.GetFlagR());
    EXPECT_EQ(r.GetSequence(), 0x1234);
    EXPECT_EQ(r.GetLifetime(), Seconds(3600));
    EXPECT_EQ(r.GetOptions(), h.GetOptions());
    ExpectAligned(PbaBytes(), 12);
}

TEST(MobilityHeaderWire, HandoverInitiateMatchesRfcLayout)
{
    HandoverInitiateHeader h = HiHeader();
    EXPECT_EQ(Wire(h), HiBytes());

    HandoverInitiateHeader r;
    ASSERT_EQ(Parse(HiBytes(), r), 80u);
    EXPECT_EQ(r.GetSequence(), 7);
    EXPECT_FALSE(r.GetFlagS());
    EXPECT_FALSE(r.GetFlagU());
    EXPECT_TRUE(r.GetFlagP());
    EXPECT_TRUE(r.GetFlagF());
    EXPECT_EQ(r.GetCode(), 0);
    EXPECT_EQ(r.GetOptions(), h.GetOptions());
    ExpectAligned(HiBytes(), 10);
}

TEST(MobilityHeaderWire, HandoverAckMatchesRfcLayout)
{
    EXPECT_EQ(Wire(HackHeader()), HackBytes());
    HandoverAckHeader r;
    ASSERT_EQ(Parse(HackBytes(), r), 16u);
    EXPECT_EQ(r.GetSequence(), 7);
    EXPECT_EQ(r.GetCode(), HandoverAckCode::CONTEXT_TRANSFER_ACCEPTED);
    EXPECT_EQ(r.GetOptions(), MobilityOptions{});
}

TEST(MobilityHeaderWire, FastBindingUpdateMatchesRfcLayout)
{
    FastBindingUpdateHeader h = FbuHeader();
    EXPECT_EQ(Wire(h), FbuBytes());

    FastBindingUpdateHeader r;
    ASSERT_EQ(Parse(FbuBytes(), r), 40u);
    EXPECT_EQ(r.GetMhType(), MhType::FastBindingUpdate);
    EXPECT_EQ(r.GetSequence(), 0x42);
    EXPECT_TRUE(r.GetFlagA());
    EXPECT_FALSE(r.GetFlagP());
    EXPECT_EQ(r.GetLifetime(), Seconds(4));
    EXPECT_EQ(r.GetOptions(), h.GetOptions());
    ExpectAligned(FbuBytes(), 12);
}

TEST(MobilityHeaderWire, FastBindingAckMatchesRfcLayout)
{
    EXPECT_EQ(Wire(FbackHeader()), FbackBytes());
    FastBindingAckHeader r;
    ASSERT_EQ(Parse(FbackBytes(), r), 16u);
    EXPECT_EQ(r.GetMhType(), MhType::FastBindingAck);
    EXPECT_EQ(r.GetStatus(), 0);
    EXPECT_TRUE(r.GetFlagK());
    EXPECT_FALSE(r.GetFlagP());
    EXPECT_EQ(r.GetSequence(), 0x42);
    EXPECT_EQ(r.GetLifetimeUnits(), 1);
}

TEST(MobilityHeaderWire, ReservedBitsAreIgnoredOnReceive)
{
    Bytes b = PbuBytes();
    b[9] = 0xfe; // reserved bits after P in the BU flags word (0x01 is the C flag)
    b[3] = 0xaa; // common-header Reserved
    BindingUpdateHeader r;
    ASSERT_EQ(Parse(b, r), 72u);
    EXPECT_TRUE(r.GetFlagA());
    EXPECT_FALSE(r.GetFlagH());
    EXPECT_TRUE(r.GetFlagP());
    EXPECT_FALSE(r.GetFlagC());
    // and they are written back as zero
    r.GetOptions() = PbuHeader().GetOptions();
    EXPECT_EQ(Wire(r), PbuBytes());
}

// ---------------------------------------------------------------------------
// Round trips with every option

template <class H>
H
RoundTrip(const H& h, uint32_t optionsStart)
{
    Bytes b = Wire(h);
    EXPECT_EQ(b.size(), h.GetSerializedSize());
    ExpectAligned(b, optionsStart);
    Ptr<Packet> p = ToPacket(b);
    H r;
    EXPECT_EQ(p->RemoveHeader(r), b.size());
    EXPECT_EQ(p->GetSize(), 0u);
    EXPECT_EQ(r.GetOptions(), h.GetOptions());
    EXPECT_EQ(Wire(r), b);
    return r;
}

TEST(MobilityHeaderRoundTrip, BindingUpdateAllOptions)
{
    BindingUpdateHeader h;
    h.SetSequence(0xfffe);
    h.SetFlagA(true);
    h.SetFlagH(true);
    h.SetFlagL(true);
    h.SetFlagK(true);
    h.SetFlagM(true);
    h.SetFlagR(true);
    h.SetFlagP(true);
    h.SetLifetimeUnits(0xffff);
    h.GetOptions() = AllOptions();
    BindingUpdateHeader r = RoundTrip(h, 12);
    EXPECT_EQ(r.GetSequence(), 0xfffe);
    EXPECT_TRUE(r.GetFlagA() && r.GetFlagH() && r.GetFlagL() && r.GetFlagK() && r.GetFlagM() &&
                r.GetFlagR() && r.GetFlagP());
    EXPECT_EQ(r.GetLifetimeUnits(), 0xffff);

    // each flag on its own lands on its own bit
    for (int f = 0; f < 7; f++)
    {
        BindingUpdateHeader one;
        switch (f)
        {
        case 0:
            one.SetFlagA(true);
            break;
        case 1:
            one.SetFlagH(true);
            break;
        case 2:
            one.SetFlagL(true);
            break;
        case 3:
            one.SetFlagK(true);
            break;
        case 4:
            one.SetFlagM(true);
            break;
        case 5:
            one.SetFlagR(true);
            break;
        case 6:
            one.SetFlagP(true);
            break;
        }
        Bytes b = Wire(one);
        EXPECT_EQ((b[8] << 8) | b[9], 0x8000 >> f) << "flag " << f;
    }
    h.SetFlagA(false);
    EXPECT_FALSE(h.GetFlagA());
    EXPECT_TRUE(h.GetFlagH());
}

TEST(MobilityHeaderRoundTrip, FastBindingUpdateAllOptions)
{
    FastBindingUpdateHeader h;
    h.SetSequence(3);
    h.SetFlagA(true);
    h.SetLifetime(Seconds(40));
    h.GetOptions() = AllOptions();
    FastBindingUpdateHeader r = RoundTrip(h, 12);
    EXPECT_EQ(r.GetMhType(), MhType::FastBindingUpdate);
    EXPECT_EQ(r.GetLifetimeUnits(), 10);
}

TEST(MobilityHeaderRoundTrip, BindingAckAllOptions)
{
    BindingAckHeader h;
    h.SetStatus(BindingAckStatus::NOT_LMA_FOR_THIS_MOBILE_NODE);
    h.SetFlagK(true);
    h.SetFlagR(true);
    h.SetFlagP(true);
    h.SetSequence(0x8001);
    h.SetLifetime(Seconds(0));
    h.GetOptions() = AllOptions();
    BindingAckHeader r = RoundTrip(h, 12);
    EXPECT_EQ(r.GetStatus(), 153);
    EXPECT_TRUE(r.GetFlagK() && r.GetFlagR() && r.GetFlagP());
    EXPECT_EQ(r.GetSequence(), 0x8001);
    EXPECT_EQ(r.GetLifetimeUnits(), 0);
    EXPECT_EQ(Wire(r)[6], 153);
    EXPECT_EQ(Wire(r)[7], 0xe0);
}

TEST(MobilityHeaderRoundTrip, FastBindingAckAllOptions)
{
    FastBindingAckHeader h;
    h.SetStatus(BindingAckStatus::INSUFFICIENT_RESOURCES);
    h.SetSequence(9);
    h.GetOptions() = AllOptions();
    FastBindingAckHeader r = RoundTrip(h, 12);
    EXPECT_EQ(r.GetMhType(), MhType::FastBindingAck);
    EXPECT_EQ(r.GetStatus(), 130);
}

TEST(MobilityHeaderRoundTrip, HandoverInitiateAllOptions)
{
    HandoverInitiateHeader h;
    h.SetSequence(0x0102);
    h.SetFlagS(true);
    h.SetFlagU(true);
    h.SetFlagP(true);
    h.SetFlagF(true);
    h.SetCode(HandoverInitiateCode::ALL_CONTEXT_TRANSFERRED);
    h.GetOptions() = AllOptions();
    HandoverInitiateHeader r = RoundTrip(h, 10);
    EXPECT_TRUE(r.GetFlagS() && r.GetFlagU() && r.GetFlagP() && r.GetFlagF());
    EXPECT_EQ(r.GetCode(), 3);
    EXPECT_EQ(Wire(r)[8], 0xf0);
    h.SetFlagU(false);
    EXPECT_EQ(Wire(h)[8], 0xb0);
}

TEST(MobilityHeaderRoundTrip, HandoverAckAllOptions)
{
    HandoverAckHeader h;
    h.SetSequence(0x0102);
    h.SetCode(HandoverAckCode::REQUESTED_CONTEXT_NOT_AVAILABLE);
    h.GetOptions() = AllOptions();
    HandoverAckHeader r = RoundTrip(h, 10);
    EXPECT_EQ(r.GetSequence(), 0x0102);
    EXPECT_EQ(r.GetCode(), 131);
}

TEST(MobilityHeaderRoundTrip, EmptyAndLongIdentifiers)
{
    BindingUpdateHeader h;
    h.GetOptions().mnIdentifier = "";
    h.GetOptions().mnLinkLayerId = Bytes{};
    h.GetOptions().linkLayerAddress = Bytes{};
    RoundTrip(h, 12);

    h.GetOptions().mnIdentifier = std::string(254, 'x'); // Length 255, the most there is
    RoundTrip(h, 12);
}

// ---------------------------------------------------------------------------
// Checksum (RFC 6275 6.1.1)

TEST(MobilityHeaderChecksum, VerifiesAndDetectsEveryFlippedByte)
{
    const Ipv6Address mag("2001:db8:aaaa::1");
    const Ipv6Address lma("2001:db8:bbbb::1");
    BindingUpdateHeader h = PbuHeader();
    h.CalculatePseudoHeaderChecksum(mag, lma);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    EXPECT_EQ(MobilityHeader::VerifyChecksum(p, mag, lma), 0);

    Bytes b(p->GetSize());
    p->CopyData(b.data(), b.size());
    const uint16_t wire = (b[4] << 8) | b[5];
    EXPECT_EQ(h.GetChecksum(), wire);
    EXPECT_NE(wire, 0);
    EXPECT_EQ(ReferenceChecksum(mag, lma, b), 0);
    Bytes zeroed = b;
    zeroed[4] = zeroed[5] = 0;
    EXPECT_EQ(ReferenceChecksum(mag, lma, zeroed), wire);
    // everything but the checksum is as without it
    EXPECT_EQ(zeroed, PbuBytes());

    for (size_t k = 0; k < b.size(); k++)
    {
        for (uint8_t mask : {0x01, 0x80, 0xff})
        {
            Bytes c = b;
            c[k] ^= mask;
            EXPECT_NE(MobilityHeader::VerifyChecksum(ToPacket(c), mag, lma), 0)
                << "byte " << k << " mask " << +mask;
        }
    }
    // (swapping src and dst would not show: the sum is commutative)
    EXPECT_NE(MobilityHeader::VerifyChecksum(p, mag, Ipv6Address("2001:db8:bbbb::2")), 0);

    // the receiver keeps the wire value, and writes it back unchanged when forwarding
    BindingUpdateHeader r;
    ASSERT_EQ(p->PeekHeader(r), 72u);
    EXPECT_EQ(r.GetChecksum(), wire);
    EXPECT_EQ(Wire(r), b);

    // a header once used for sending reports the received value after Deserialize
    BindingUpdateHeader reused = PbuHeader();
    reused.CalculatePseudoHeaderChecksum(lma, Ipv6Address("2001:db8::99"));
    ASSERT_EQ(p->PeekHeader(reused), 72u);
    EXPECT_EQ(reused.GetChecksum(), wire);
}

TEST(MobilityHeaderChecksum, EveryMessageType)
{
    const Ipv6Address a("2001:db8::a");
    const Ipv6Address b("2001:db8::b");
    BindingUpdateHeader bu = PbuHeader();
    BindingAckHeader ba = PbaHeader();
    HandoverInitiateHeader hi = HiHeader();
    HandoverAckHeader hack = HackHeader();
    FastBindingUpdateHeader fbu = FbuHeader();
    FastBindingAckHeader fback = FbackHeader();
    for (MobilityHeader* h : {static_cast<MobilityHeader*>(&bu),
                              static_cast<MobilityHeader*>(&ba),
                              static_cast<MobilityHeader*>(&hi),
                              static_cast<MobilityHeader*>(&hack),
                              static_cast<MobilityHeader*>(&fbu),
                              static_cast<MobilityHeader*>(&fback)})
    {
        EXPECT_EQ(h->GetChecksum(), 0);
        h->CalculatePseudoHeaderChecksum(a, b);
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(*h);
        EXPECT_EQ(MobilityHeader::VerifyChecksum(p, a, b), 0) << *h;
        Bytes w(p->GetSize());
        p->CopyData(w.data(), w.size());
        EXPECT_EQ(h->GetChecksum(), (w[4] << 8) | w[5]);
        // computed over the message as it is when serialized
        h->GetOptions().handoffIndicator = 5;
        Ptr<Packet> q = Create<Packet>();
        q->AddHeader(*h);
        EXPECT_EQ(MobilityHeader::VerifyChecksum(q, a, b), 0) << *h;
    }
}

TEST(MobilityHeaderChecksum, OddLengthIsSummedAsPaddedWithZero)
{
    Bytes odd = {0x3b, 0x00, 0x05};
    EXPECT_EQ(MobilityHeader::VerifyChecksum(ToPacket(odd), Ipv6Address("::1"), Ipv6Address("::2")),
              ReferenceChecksum(Ipv6Address("::1"), Ipv6Address("::2"), odd));
}

// ---------------------------------------------------------------------------
// Malformed input: Deserialize returns 0 and changes nothing

namespace
{

/// Expects the octets to be refused by H, leaving a prepared header untouched.
template <class H>
void
ExpectRejected(const Bytes& b, const char* why)
{
    H h;
    h.SetSequence(0xbeef);
    h.GetOptions().mnIdentifier = "untouched";
    EXPECT_EQ(Parse(b, h), 0u) << why;
    EXPECT_EQ(h.GetSequence(), 0xbeef) << why;
    EXPECT_EQ(h.GetOptions().mnIdentifier, "untouched") << why;
    EXPECT_TRUE(h.GetOptions().homeNetworkPrefixes.empty()) << why;
    Ptr<Packet> p = ToPacket(b);
    EXPECT_EQ(p->RemoveHeader(h), 0u) << why;
    EXPECT_EQ(p->GetSize(), b.size()) << why;
}

} // namespace

namespace
{

/// Every prefix (0 .. n-1 octets) of a valid message is refused, and so is
/// PeekMhType on it; the full message is accepted.
template <class H>
void
ExpectEveryTruncationRejected(const Bytes& full)
{
    for (size_t n = 0; n < full.size(); n++)
    {
        const Bytes cut(full.begin(), full.begin() + n);
        ExpectRejected<H>(cut, ("truncated to " + std::to_string(n)).c_str());
        uint8_t type = 0;
        EXPECT_FALSE(MobilityHeader::PeekMhType(ToPacket(cut), type)) << n;
    }
    H h;
    EXPECT_EQ(Parse(full, h), full.size());
}

} // namespace

TEST(MobilityHeaderMalformed, EveryTruncationOfAPbu)
{
    ExpectEveryTruncationRejected<BindingUpdateHeader>(PbuBytes());
}

TEST(MobilityHeaderMalformed, EveryTruncationOfEachMessage)
{
    ExpectEveryTruncationRejected<BindingAckHeader>(PbaBytes());
    ExpectEveryTruncationRejected<HandoverInitiateHeader>(HiBytes());
    ExpectEveryTruncationRejected<HandoverAckHeader>(HackBytes());
    ExpectEveryTruncationRejected<FastBindingUpdateHeader>(FbuBytes());
    ExpectEveryTruncationRejected<FastBindingAckHeader>(FbackBytes());
}

TEST(MobilityHeaderMalformed, HeaderLenLargerThanPacket)
{
    Bytes b = PbuBytes();
    b[1] = 9; // says 80 octets, 72 there
    ExpectRejected<BindingUpdateHeader>(b, "Header Len 9");
    b[1] = 0xff;
    ExpectRejected<BindingUpdateHeader>(b, "Header Len 255");
    uint8_t type = 0;
    EXPECT_FALSE(MobilityHeader::PeekMhType(ToPacket(b), type));
}

TEST(MobilityHeaderMalformed, MessageDataPastTheEnd)
{
    // Header Len 0 gives 8 octets, less than the 12 a BU needs and the 10 an HI needs
    ExpectRejected<BindingUpdateHeader>({0x3b, 0x00, 0x05, 0, 0, 0, 0x12, 0x34}, "BU in 8");
    ExpectRejected<HandoverInitiateHeader>({0x3b, 0x00, 0x0e, 0, 0, 0, 0x00, 0x07}, "HI in 8");
    // ... even when the packet has more octets after the 8 Header Len covers
    ExpectRejected<BindingAckHeader>({0x3b, 0x00, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0},
                                     "BA in 8 of 16");
}

TEST(MobilityHeaderMalformed, OptionRunsPastTheEnd)
{
    Bytes b = PbuBytes();
    b[69] = 3; // last PadN: 5 octets from 68 in a 72-octet header
    ExpectRejected<BindingUpdateHeader>(b, "PadN past end");

    b = PbuBytes();
    b[13] = 0x40; // MN-ID of 64 octets
    ExpectRejected<BindingUpdateHeader>(b, "MN-ID past end");

    // an option Type in the last octet with no room for its Length
    ExpectRejected<BindingUpdateHeader>(
        {0x3b, 0x01, 0x05, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0x01, 0x01, 0x00, 0x17},
        "type without length");
}

TEST(MobilityHeaderMalformed, WrongFixedOptionLengths)
{
    Bytes b = PbuBytes();
    b[29] = 17; // HNP Length MUST be 18
    ExpectRejected<BindingUpdateHeader>(b, "HNP len 17");
    b[29] = 19;
    ExpectRejected<BindingUpdateHeader>(b, "HNP len 19");

    b = PbuBytes();
    b[31] = 129; // prefix length beyond 128
    ExpectRejected<BindingUpdateHeader>(b, "HNP /129");

    b = PbuBytes();
    b[49] = 1; // Handoff Indicator Length MUST be 2
    ExpectRejected<BindingUpdateHeader>(b, "HI len 1");

    b = PbuBytes();
    b[59] = 7; // Timestamp Length MUST be 8
    ExpectRejected<BindingUpdateHeader>(b, "timestamp len 7");

    b = PbaBytes();
    b[39] = 15; // Link-local Address Length 16
    ExpectRejected<BindingAckHeader>(b, "link-local len 15");

    b = HiBytes();
    b[61] = 17; // LMAA for IPv6 is 18
    ExpectRejected<HandoverInitiateHeader>(b, "LMAA len 17");

    b = HiBytes();
    b[51] = 1; // MN-LL-ID holds at least its 2 reserved octets
    ExpectRejected<HandoverInitiateHeader>(b, "MN-LL-ID len 1");

    b = FbuBytes();
    b[13] = 0; // MN-ID holds at least its subtype
    ExpectRejected<FastBindingUpdateHeader>(b, "MN-ID len 0");
}

TEST(MobilityHeaderMalformed, PayloadProtoNot59)
{
    Bytes b = PbuBytes();
    for (uint8_t proto : {0, 6, 17, 58, 60, 135, 255})
    {
        b[0] = proto;
        ExpectRejected<BindingUpdateHeader>(b, "payload proto");
    }
}

TEST(MobilityHeaderMalformed, WrongMhTypeForTheClass)
{
    ExpectRejected<BindingAckHeader>(PbuBytes(), "BU as BA");
    ExpectRejected<FastBindingUpdateHeader>(PbuBytes(), "BU as FBU");
    ExpectRejected<HandoverInitiateHeader>(PbuBytes(), "BU as HI");
    ExpectRejected<BindingUpdateHeader>(FbuBytes(), "FBU as BU");
    ExpectRejected<BindingUpdateHeader>(PbaBytes(), "BA as BU");
    ExpectRejected<FastBindingAckHeader>(PbaBytes(), "BA as FBack");
    ExpectRejected<BindingAckHeader>(FbackBytes(), "FBack as BA");
    ExpectRejected<HandoverAckHeader>(HiBytes(), "HI as HAck");
    ExpectRejected<HandoverInitiateHeader>(HackBytes(), "HAck as HI");
}

TEST(MobilityHeaderMalformed, TrailingOctetsAfterHeaderLenAreNotConsumed)
{
    Bytes b = PbuBytes();
    b.insert(b.end(), {1, 2, 3, 4, 5});
    Ptr<Packet> p = ToPacket(b);
    BindingUpdateHeader h;
    EXPECT_EQ(p->RemoveHeader(h), 72u);
    EXPECT_EQ(p->GetSize(), 5u);
}

// ---------------------------------------------------------------------------
// Options this module does not keep are skipped and counted

TEST(MobilityHeaderOptions, UnknownOptionsAreSkippedAndCounted)
{
    const Bytes b = {
        0x3b, 0x04, 0x05, 0x00, 0x00, 0x00,       // Header Len 4 (40 octets), BU
        0x00, 0x01, 0x00, 0x00, 0x00, 0x00,       // seq 1
        0xc8, 0x02, 0xaa, 0xbb,                   // 12: unassigned type 200
        0x02, 0x02, 0x00, 0x10,                   // 16: Binding Refresh Advice (RFC 6275 6.2.4)
        0x08, 0x03, 0x02, 0x01, 0x02,             // 20: MN-ID, subtype 2 (not NAI)
        0x17, 0x02, 0x00, 0x03,                   // 25: Handoff Indicator 3 (unaligned is fine)
        0x29, 0x06, 0x02, 0x00, 10,   0,    0, 1, // 29: LMAA, Option-Code 2 (IPv4)
        0x01, 0x01, 0x00,                         // 37: PadN to 40
    };
    ASSERT_EQ(b.size(), 40u);
    BindingUpdateHeader h;
    ASSERT_EQ(Parse(b, h), 40u);
    EXPECT_EQ(h.GetOptions().unknownOptions, 4u);
    EXPECT_EQ(h.GetOptions().handoffIndicator, 3);
    EXPECT_FALSE(h.GetOptions().mnIdentifier);
    EXPECT_FALSE(h.GetOptions().lmaAddress);
    // they are not written back
    Bytes w = Wire(h);
    EXPECT_EQ(w.size(), 16u);
    BindingUpdateHeader r;
    ASSERT_EQ(Parse(w, r), 16u);
    EXPECT_EQ(r.GetOptions().unknownOptions, 0u);
    EXPECT_EQ(r.GetOptions().handoffIndicator, 3);
}

TEST(MobilityHeaderOptions, PaddingOnlyAndPad1Runs)
{
    // 16 octets: BU, then Pad1 x4
    BindingUpdateHeader h;
    EXPECT_EQ(Parse({0x3b, 0x01, 0x05, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0}, h), 16u);
    EXPECT_EQ(h.GetSequence(), 9);
    EXPECT_EQ(h.GetOptions(), MobilityOptions{});
}

// ---------------------------------------------------------------------------
// Conversions

TEST(MobilityHeaderConversions, LifetimeRoundsDownInFourSecondUnits)
{
    BindingUpdateHeader h;

    struct Case
    {
        Time in;
        uint16_t units;
    };

    for (const Case& c : {Case{Seconds(0), 0},
                          Case{Seconds(3.999), 0},
                          Case{Seconds(4), 1},
                          Case{Seconds(7.9), 1},
                          Case{Seconds(8), 2},
                          Case{Seconds(3600), 900},
                          Case{Seconds(262140), 0xffff},
                          Case{Seconds(262143.9), 0xffff},
                          Case{Seconds(1e7), 0xffff},
                          Case{Seconds(-5), 0}})
    {
        h.SetLifetime(c.in);
        EXPECT_EQ(h.GetLifetimeUnits(), c.units) << c.in;
        EXPECT_EQ(h.GetLifetime(), Seconds(4.0 * c.units));
        BindingAckHeader a;
        a.SetLifetime(c.in);
        EXPECT_EQ(a.GetLifetimeUnits(), c.units) << c.in;
    }
    h.SetLifetimeUnits(0x1234);
    EXPECT_EQ(h.GetLifetime(), Seconds(4 * 0x1234));
    EXPECT_EQ(Wire(h)[10], 0x12);
    EXPECT_EQ(Wire(h)[11], 0x34);
}

TEST(MobilityHeaderConversions, TimestampIs48BitSecondsAnd16BitFractions)
{
    EXPECT_EQ(UnixTimeToMobilityTimestamp(Seconds(0)), 0u);
    EXPECT_EQ(UnixTimeToMobilityTimestamp(Seconds(1)), 0x10000u);
    EXPECT_EQ(UnixTimeToMobilityTimestamp(Seconds(10.5)), 0xa8000u);
    EXPECT_EQ(UnixTimeToMobilityTimestamp(Seconds(2.25)), 0x24000u);
    EXPECT_EQ(UnixTimeToMobilityTimestamp(NanoSeconds(15258)), 0u); // just under 1/65536 s
    EXPECT_EQ(UnixTimeToMobilityTimestamp(NanoSeconds(15259)), 1u);
    EXPECT_EQ(UnixTimeToMobilityTimestamp(Seconds(-1)), 0u);

    EXPECT_EQ(MobilityTimestampToUnixTime(0x10000), Seconds(1));
    EXPECT_EQ(MobilityTimestampToUnixTime(0xa8000), Seconds(10.5));
    EXPECT_EQ(MobilityTimestampToUnixTime(1), NanoSeconds(15259));

    // timestamp -> Time -> timestamp is exact for every fraction
    for (uint64_t frac = 0; frac <= 0xffff; frac++)
    {
        uint64_t ts = (uint64_t{12345} << 16) | frac;
        ASSERT_EQ(UnixTimeToMobilityTimestamp(MobilityTimestampToUnixTime(ts)), ts) << frac;
    }
    // Time -> timestamp -> Time loses less than 1/65536 s, never more
    for (int64_t ns : {int64_t{1}, int64_t{999'999'999}, int64_t{123'456'789'012}, int64_t{7}})
    {
        Time t = NanoSeconds(ns);
        Time back = MobilityTimestampToUnixTime(UnixTimeToMobilityTimestamp(t));
        EXPECT_LE(back, t);
        EXPECT_LT(t - back, NanoSeconds(15259));
    }
    // ordering is kept (what the LMA compares, RFC 5213 5.5)
    EXPECT_LT(UnixTimeToMobilityTimestamp(Seconds(1.0001)),
              UnixTimeToMobilityTimestamp(Seconds(1.0002)));
}

// ---------------------------------------------------------------------------
// Misc

TEST(MobilityHeaderMisc, PeekMhType)
{
    uint8_t type = 0;
    EXPECT_FALSE(MobilityHeader::PeekMhType(Create<Packet>(), type));
    EXPECT_FALSE(MobilityHeader::PeekMhType(ToPacket({0x3b, 0x00, 0x05, 0, 0}), type));
    ASSERT_TRUE(MobilityHeader::PeekMhType(ToPacket(PbuBytes()), type));
    EXPECT_EQ(type, 5);
    ASSERT_TRUE(MobilityHeader::PeekMhType(ToPacket(HackBytes()), type));
    EXPECT_EQ(type, 15);
}

TEST(MobilityHeaderMisc, NamesTypeIdsAndPrint)
{
    EXPECT_EQ(MhTypeName(5), "BindingUpdate");
    EXPECT_EQ(MhTypeName(6), "BindingAck");
    EXPECT_EQ(MhTypeName(8), "FastBindingUpdate");
    EXPECT_EQ(MhTypeName(9), "FastBindingAck");
    EXPECT_EQ(MhTypeName(14), "HandoverInitiate");
    EXPECT_EQ(MhTypeName(15), "HandoverAck");
    EXPECT_EQ(MhTypeName(200), "MhType(200)");

    EXPECT_EQ(BindingUpdateHeader().GetInstanceTypeId().GetName(), "ns3::BindingUpdateHeader");
    EXPECT_EQ(FastBindingUpdateHeader().GetInstanceTypeId().GetParent(),
              BindingUpdateHeader::GetTypeId());
    EXPECT_EQ(FastBindingAckHeader().GetInstanceTypeId().GetParent(),
              BindingAckHeader::GetTypeId());
    EXPECT_EQ(HandoverInitiateHeader::GetTypeId().GetParent(), MobilityHeader::GetTypeId());
    EXPECT_EQ(TypeId::LookupByName("ns3::HandoverAckHeader"), HandoverAckHeader::GetTypeId());

    std::ostringstream os;
    os << PbuHeader();
    const std::string s = os.str();
    EXPECT_NE(s.find("BindingUpdate"), std::string::npos) << s;
    EXPECT_NE(s.find("flags=AP"), std::string::npos) << s;
    EXPECT_NE(s.find("mn-id=mn1@pmip"), std::string::npos) << s;
    EXPECT_NE(s.find("hnp=2001:db8:1::/64"), std::string::npos) << s;
    std::ostringstream hi;
    hi << HiHeader();
    EXPECT_NE(hi.str().find("flags=PF"), std::string::npos) << hi.str();
    EXPECT_NE(hi.str().find("lmaa=2001:db8:ff::1"), std::string::npos) << hi.str();
}

TEST(MobilityHeaderMisc, StatusCodesAreTheRfcValues)
{
    // RFC 5213 8.9
    static_assert(BindingAckStatus::PROXY_REG_NOT_ENABLED == 152);
    static_assert(BindingAckStatus::NOT_LMA_FOR_THIS_MOBILE_NODE == 153);
    static_assert(BindingAckStatus::MAG_NOT_AUTHORIZED_FOR_PROXY_REG == 154);
    static_assert(BindingAckStatus::NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX == 155);
    static_assert(BindingAckStatus::TIMESTAMP_MISMATCH == 156);
    static_assert(BindingAckStatus::TIMESTAMP_LOWER_THAN_PREV_ACCEPTED == 157);
    static_assert(BindingAckStatus::MISSING_HOME_NETWORK_PREFIX_OPTION == 158);
    static_assert(BindingAckStatus::BCE_PBU_PREFIX_SET_DO_NOT_MATCH == 159);
    static_assert(BindingAckStatus::MISSING_MN_IDENTIFIER_OPTION == 160);
    static_assert(BindingAckStatus::MISSING_HANDOFF_INDICATOR_OPTION == 161);
    static_assert(BindingAckStatus::MISSING_ACCESS_TECH_TYPE_OPTION == 162);
    // RFC 6275 6.1.8
    static_assert(BindingAckStatus::REASON_UNSPECIFIED == 128);
    static_assert(BindingAckStatus::ADMINISTRATIVELY_PROHIBITED == 129);
    static_assert(BindingAckStatus::INSUFFICIENT_RESOURCES == 130);
    static_assert(BindingAckStatus::SEQUENCE_NUMBER_OUT_OF_WINDOW == 135);
    SUCCEED();
}

// ---------------------------------------------------------------------------
// RFC 5949 HAck flags and options, RFC 6275 Binding Error, timestamp epoch

namespace
{

/// HAck: seq 9, U and P flags, Code 5, Context Request (MN-ID, HNP, LMAA,
/// MN-LL-ID, no data) and MN LLA-IID.
Bytes
HackWithContextBytes()
{
    return Concat({
        // 0: Header Len 4 (40 octets), MH Type 15, Checksum 0
        {0x3b, 0x04, 0x0f, 0x00, 0x00, 0x00},
        // 6: Sequence # 9, U|P (0x80|0x40; RFC 5949 6.1.2), Code 5
        {0x00, 0x09, 0xc0, 0x05},
        // 10 = 2*5: Context Request: type 40, len 10, Reserved (2), then
        // Req-type/Req-length 8/0, 22/0, 41/0, 25/0 (RFC 5949 6.2.1)
        {0x28, 0x0a, 0x00, 0x00, 0x08, 0x00, 0x16, 0x00, 0x29, 0x00, 0x19, 0x00},
        // 22: PadN (len 4) so that the MN LLA-IID starts at 28 = 8*3+4
        {0x01, 0x04, 0x00, 0x00, 0x00, 0x00},
        // 28: MN LLA-IID: type 42, len 10, Reserved (2), IID 0211:22ff:fe33:4455
        {0x2a, 0x0a, 0x00, 0x00, 0x02, 0x11, 0x22, 0xff, 0xfe, 0x33, 0x44, 0x55},
    });
}

HandoverAckHeader
HackWithContextHeader()
{
    HandoverAckHeader h;
    h.SetSequence(9);
    h.SetFlagU(true);
    h.SetFlagP(true);
    h.SetCode(HandoverAckCode::CONTEXT_TRANSFER_ACCEPTED);
    MobilityOptions& o = h.GetOptions();
    o.contextRequest = std::vector<ContextRequestEntry>{
        {MobilityOptionType::MN_IDENTIFIER, {}},
        {MobilityOptionType::HOME_NETWORK_PREFIX, {}},
        {MobilityOptionType::LMA_ADDRESS, {}},
        {MobilityOptionType::MN_LINK_LAYER_ID, {}},
    };
    o.mnLinkLocalIid = 0x021122fffe334455ULL;
    return h;
}

/// Binding Error: status 2, Home Address unspecified (RFC 6275 6.1.9, 9.3.3).
Bytes
BindingErrorBytes()
{
    return Concat({
        // 0: Header Len 2 (24 octets), MH Type 7, Checksum 0
        {0x3b, 0x02, 0x07, 0x00, 0x00, 0x00},
        // 6: Status 2 (unrecognized MH Type value), Reserved
        {0x02, 0x00},
        // 8: Home Address ::
        Bytes(16, 0x00),
    });
}

} // namespace

TEST(MobilityHeaderWire, HandoverAckFlagsAndContextOptionsMatchRfcLayout)
{
    HandoverAckHeader h = HackWithContextHeader();
    EXPECT_EQ(h.GetSerializedSize(), 40u);
    EXPECT_EQ(Wire(h), HackWithContextBytes());
    ExpectAligned(HackWithContextBytes(), 10);

    HandoverAckHeader r;
    ASSERT_EQ(Parse(HackWithContextBytes(), r), 40u);
    EXPECT_EQ(r.GetSequence(), 9);
    EXPECT_TRUE(r.GetFlagU());
    EXPECT_TRUE(r.GetFlagP());
    EXPECT_FALSE(r.GetFlagF());
    EXPECT_EQ(r.GetCode(), HandoverAckCode::CONTEXT_TRANSFER_ACCEPTED);
    EXPECT_EQ(r.GetOptions(), h.GetOptions());
    ASSERT_TRUE(r.GetOptions().contextRequest.has_value());
    EXPECT_EQ(r.GetOptions().contextRequest->size(), 4u);
    EXPECT_EQ(r.GetOptions().mnLinkLocalIid, 0x021122fffe334455ULL);

    // F alone, and the reserved bits of the flags octet are ignored.
    Bytes f = HackBytes();
    f[8] = 0x20 | 0x1f;
    HandoverAckHeader rf;
    ASSERT_EQ(Parse(f, rf), 16u);
    EXPECT_FALSE(rf.GetFlagU());
    EXPECT_FALSE(rf.GetFlagP());
    EXPECT_TRUE(rf.GetFlagF());
    EXPECT_EQ(Wire(rf)[8], 0x20);
}

TEST(MobilityHeaderMalformed, ContextRequestAndLlaIidLengths)
{
    // A request whose Req-length runs past the end of its option.
    Bytes overrun = Concat({{0x3b, 0x01, 0x0f, 0x00, 0x00, 0x00},
                            {0x00, 0x09, 0x40, 0x00},
                            {0x28, 0x04, 0x00, 0x00, 0x08, 0x05}});
    ExpectRejected<HandoverAckHeader>(overrun, "Context Request: Req-length past the option");
    // A request cut after its Req-type.
    Bytes cut = Concat({{0x3b, 0x01, 0x0f, 0x00, 0x00, 0x00},
                        {0x00, 0x09, 0x40, 0x00},
                        {0x28, 0x03, 0x00, 0x00, 0x08, 0x00}});
    ExpectRejected<HandoverAckHeader>(cut, "Context Request: request without Req-length");
    // Context Request shorter than its Reserved field.
    Bytes shortCr = Concat({{0x3b, 0x01, 0x0f, 0x00, 0x00, 0x00},
                            {0x00, 0x09, 0x40, 0x00},
                            {0x28, 0x01, 0x00, 0x01, 0x00, 0x00}});
    ExpectRejected<HandoverAckHeader>(shortCr, "Context Request len 1");
    // MN LLA-IID with a length other than 10.
    Bytes badIid = HackWithContextBytes();
    badIid[29] = 9;
    ExpectRejected<HandoverAckHeader>(badIid, "MN LLA-IID len 9");
    // An empty Context Request (Reserved only) is well formed.
    Bytes empty = Concat({{0x3b, 0x01, 0x0f, 0x00, 0x00, 0x00},
                          {0x00, 0x09, 0x40, 0x00},
                          {0x28, 0x02, 0x00, 0x00, 0x00, 0x00}});
    HandoverAckHeader r;
    ASSERT_EQ(Parse(empty, r), 16u);
    ASSERT_TRUE(r.GetOptions().contextRequest.has_value());
    EXPECT_TRUE(r.GetOptions().contextRequest->empty());
}

TEST(MobilityHeaderWire, BindingErrorMatchesRfcLayout)
{
    BindingErrorHeader h;
    h.SetStatus(BindingErrorStatus::UNRECOGNIZED_MH_TYPE);
    EXPECT_EQ(h.GetSerializedSize(), 24u);
    EXPECT_EQ(Wire(h), BindingErrorBytes());

    BindingErrorHeader r;
    ASSERT_EQ(Parse(BindingErrorBytes(), r), 24u);
    EXPECT_EQ(r.GetMhType(), MhType::BindingError);
    EXPECT_EQ(r.GetStatus(), 2);
    EXPECT_EQ(r.GetHomeAddress(), Ipv6Address::GetAny());

    // With a home address and a checksum.
    Ipv6Address src("2001:1::1");
    Ipv6Address dst("2001:2::2");
    h.SetStatus(BindingErrorStatus::UNKNOWN_BINDING_FOR_HOME_ADDRESS_OPTION);
    h.SetHomeAddress(Ipv6Address("2001:100:0:1::2"));
    h.CalculatePseudoHeaderChecksum(src, dst);
    Bytes b = Wire(h);
    EXPECT_EQ(b[6], 1);
    Bytes home;
    Append(home, Ipv6Address("2001:100:0:1::2"));
    EXPECT_EQ(Bytes(b.begin() + 8, b.end()), home);
    EXPECT_EQ(MobilityHeader::VerifyChecksum(ToPacket(b), src, dst), 0);
    Bytes zeroed = b;
    zeroed[4] = zeroed[5] = 0;
    EXPECT_EQ((uint16_t(b[4]) << 8) | b[5], ReferenceChecksum(src, dst, zeroed));
    const Bytes full = BindingErrorBytes();
    for (size_t n = 0; n < full.size(); n++)
    {
        BindingErrorHeader t;
        t.SetStatus(9);
        EXPECT_EQ(Parse(Bytes(full.begin(), full.begin() + n), t), 0u) << n;
        EXPECT_EQ(t.GetStatus(), 9) << "left unchanged, " << n;
    }
    BindingErrorHeader notBe;
    EXPECT_EQ(Parse(HackBytes(), notBe), 0u) << "HAck as Binding Error";
    EXPECT_EQ(MhTypeName(7), "BindingError");
}

TEST(MobilityHeaderConversions, AgentsStampFromAModernEpoch)
{
    // RFC 5213 8.8 counts from 1970; simulation time 0 is 2026-01-01 00:00 UTC.
    const uint64_t y2026 = uint64_t{1767225600} << 16;
    EXPECT_EQ(GetMobilityTimestampEpoch(), Seconds(1767225600));
    EXPECT_EQ(TimeToMobilityTimestamp(Seconds(0)), y2026);
    EXPECT_EQ(TimeToMobilityTimestamp(Seconds(10.5)), y2026 + 0xa8000u);
    EXPECT_EQ(MobilityTimestampToTime(y2026 + 0xa8000u), Seconds(10.5));
    EXPECT_EQ(MobilityTimestampToTime(y2026 - 0x10000u), Seconds(-1));
    EXPECT_EQ(MobilityTimestampToTime(0), Seconds(-1767225600.0));
    for (int64_t ns : {int64_t{0}, int64_t{1}, int64_t{999'999'999}, int64_t{123'456'789'012}})
    {
        Time t = NanoSeconds(ns);
        Time back = MobilityTimestampToTime(TimeToMobilityTimestamp(t));
        EXPECT_LE(back, t);
        EXPECT_LT(t - back, NanoSeconds(15259));
    }
}
