// SPDX-License-Identifier: GPL-2.0-only
/*
 * Mobility Header messages and IPv6-in-IPv6 packets as they are on the wire
 * of a running domain: what the agents send is well formed (RFC 6275 6.1.1
 * checksum, length, next header), and what arrives malformed or from an
 * unknown tunnel peer is refused, counted and harmless.
 */
#include "ipv6-tunnel-l4-protocol.h"
#include "pmipv6-domain-helper.h"
#include "pmipv6-test-utils.h"

#include "ns3/ppp-header.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <sstream>

using namespace ns3;
using namespace ns3::pmipv6test;

namespace
{

using Bytes = std::vector<uint8_t>;

/// RFC 1071 one's-complement sum of big-endian 16-bit words, folded.
uint32_t
OnesComplementSum(uint32_t sum, const uint8_t* data, size_t size)
{
    for (size_t k = 0; k < size; k += 2)
    {
        uint32_t word = uint32_t(data[k]) << 8;
        if (k + 1 < size)
        {
            word |= data[k + 1];
        }
        sum += word;
    }
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return sum;
}

/// Sum of the RFC 8200 sec. 8.1 pseudo-header for next header 135 and the message.
uint32_t
MobilitySum(Ipv6Address src, Ipv6Address dst, const Bytes& message)
{
    Bytes pseudo(40, 0);
    src.Serialize(pseudo.data());
    dst.Serialize(pseudo.data() + 16);
    uint32_t length = message.size();
    for (int k = 0; k < 4; ++k)
    {
        pseudo[32 + k] = uint8_t(length >> (24 - 8 * k));
    }
    pseudo[39] = 135;
    return OnesComplementSum(OnesComplementSum(0, pseudo.data(), pseudo.size()),
                             message.data(),
                             message.size());
}

/// True if the message's checksum field is right: everything sums to 0xffff.
bool
ChecksumVerifies(Ipv6Address src, Ipv6Address dst, const Bytes& message)
{
    return MobilitySum(src, dst, message) == 0xffff;
}

/// Write the right checksum into octets 4-5 of a hand-made message.
void
FixChecksum(Ipv6Address src, Ipv6Address dst, Bytes& message)
{
    message[4] = message[5] = 0;
    uint16_t c = ~MobilitySum(src, dst, message) & 0xffff;
    message[4] = c >> 8;
    message[5] = c & 0xff;
}

Bytes
PacketBytes(Ptr<const Packet> p)
{
    Bytes b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

/// A message as MobilityL4Protocol::Send puts it on the wire, checksum included.
Bytes
WireBytes(MobilityHeader& h, Ipv6Address src, Ipv6Address dst)
{
    h.CalculatePseudoHeaderChecksum(src, dst);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    return PacketBytes(p);
}

/// One IPv6 packet seen leaving a point-to-point device.
struct Frame
{
    Time at;
    Ipv6Header ip;
    Bytes payload;
};

/// Records what leaves \p dev (MacTx: the frame with its PPP header).
void
CaptureFrames(Ptr<PointToPointNetDevice> dev, std::vector<Frame>* frames)
{
    dev->TraceConnectWithoutContext(
        "MacTx",
        MakeCallback(+[](std::vector<Frame>* out, Ptr<const Packet> packet) {
            Ptr<Packet> p = packet->Copy();
            PppHeader ppp;
            p->RemoveHeader(ppp);
            if (ppp.GetProtocol() != 0x0057)
            {
                return;
            }
            Frame f;
            f.at = Simulator::Now();
            p->RemoveHeader(f.ip);
            f.payload = PacketBytes(p);
            out->push_back(f);
        }).Bind(frames));
}

/// One message handed to MobilityL4Protocol::Send ("Tx" trace).
struct SentMessage
{
    Ipv6Address src;
    Ipv6Address dst;
    Bytes bytes;
};

void
CaptureSent(Ptr<MobilityL4Protocol> mobility, std::vector<SentMessage>* sent)
{
    mobility->TraceConnectWithoutContext("Tx",
                                         MakeCallback(+[](std::vector<SentMessage>* out,
                                                          Ptr<const Packet> p,
                                                          Ipv6Address src,
                                                          Ipv6Address dst) {
                                             out->push_back({src, dst, PacketBytes(p)});
                                         }).Bind(sent));
}

// ---------------------------------------------------------------------------

/**
 * Every Mobility Header message the MAGs and the LMA send over one
 * registration and one handover, taken off the p2p links: IPv6 next header
 * 135, Payload Length = message size = (Header Len + 1) x 8, Payload Proto
 * 59, checksum right (by MobilityHeader::VerifyChecksum and by an
 * independent RFC 1071 sum), parses as a PBU / PBA that serializes back to
 * the same octets, and every PBU is answered by a PBA with its sequence and
 * MN-ID half an RTT later.
 */
class MessagesOnTheWireTestCase : public SimulationTestCase
{
  public:
    MessagesOnTheWireTestCase()
        : SimulationTestCase("PBU and PBA on the wire: next header, lengths, checksum, round trip")
    {
    }

  private:
    /// Checks one MH frame; returns the MH Type (0 if broken).
    uint8_t CheckFrame(const Frame& f, const std::string& where)
    {
        const Bytes& m = f.payload;
        NS_TEST_EXPECT_MSG_EQ(f.ip.GetPayloadLength(), m.size(), where << ": Payload Length");
        if (m.size() < 8)
        {
            NS_TEST_EXPECT_MSG_GT(m.size(), 7, where << ": message too short");
            return 0;
        }
        NS_TEST_EXPECT_MSG_EQ((m[1] + 1) * 8u, m.size(), where << ": Header Len");
        NS_TEST_EXPECT_MSG_EQ(unsigned(m[0]), 59u, where << ": Payload Proto");
        Ptr<Packet> p = Create<Packet>(m.data(), m.size());
        NS_TEST_EXPECT_MSG_EQ(
            MobilityHeader::VerifyChecksum(p, f.ip.GetSource(), f.ip.GetDestination()),
            0,
            where << ": VerifyChecksum");
        NS_TEST_EXPECT_MSG_EQ(ChecksumVerifies(f.ip.GetSource(), f.ip.GetDestination(), m),
                              true,
                              where << ": independent checksum");
        // A checksum over the wrong addresses must not verify.
        NS_TEST_EXPECT_MSG_EQ(ChecksumVerifies(f.ip.GetDestination(), Ipv6Address("2001:99::1"), m),
                              false,
                              where << ": checksum ignores the pseudo-header");
        return m[2];
    }

    template <class H>
    void CheckRoundTrip(const Frame& f, H& message, const std::string& where)
    {
        Ptr<Packet> p = Create<Packet>(f.payload.data(), f.payload.size());
        uint32_t read = p->RemoveHeader(message);
        NS_TEST_EXPECT_MSG_EQ(read, f.payload.size(), where << ": octets parsed");
        NS_TEST_EXPECT_MSG_EQ(message.GetFlagP(), true, where << ": P flag");
        H copy = message;
        Bytes again = WireBytes(copy, f.ip.GetSource(), f.ip.GetDestination());
        NS_TEST_EXPECT_MSG_EQ((again == f.payload), true, where << ": re-serialized octets");
    }

    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(Pmipv6DomainHelper::Parameters());
        const Pmipv6DomainHelper::Parameters& params = domain.GetParameters();
        const uint32_t mags = params.mags;
        std::vector<std::vector<Frame>> fromMag(mags);
        std::vector<std::vector<Frame>> fromLma(mags);
        std::vector<std::vector<SentMessage>> magSent(mags);
        for (uint32_t i = 0; i < mags; ++i)
        {
            CaptureFrames(P2pDeviceTowards(domain.GetMag(i), domain.GetLma()), &fromMag[i]);
            CaptureFrames(P2pDeviceTowards(domain.GetLma(), domain.GetMag(i)), &fromLma[i]);
            CaptureSent(GetOrInstallL4Protocol<MobilityL4Protocol>(domain.GetMag(i)), &magSent[i]);
        }
        domain.ScheduleHandover(0, MilliSeconds(500), 1);
        Simulator::Stop(Seconds(1));
        Simulator::Run();

        struct Pbu
        {
            uint32_t mag;
            Time at;
            BindingUpdateHeader h;
        };

        std::vector<Pbu> pbus;
        for (uint32_t i = 0; i < mags; ++i)
        {
            // Every message the MAG's mobility protocol sent is on the wire,
            // as next header 135, with the same octets, and nothing else is.
            std::vector<Frame> mh;
            for (const Frame& f : fromMag[i])
            {
                if (f.ip.GetNextHeader() == MobilityHeader::PROT_NUMBER)
                {
                    mh.push_back(f);
                }
            }
            PMIPV6_TEST_REQUIRE_EQ(mh.size(),
                                   magSent[i].size(),
                                   "MAG " << i << ": messages sent vs. next header 135 frames");
            for (uint32_t k = 0; k < mh.size(); ++k)
            {
                std::ostringstream where;
                where << "MAG " << i << " message " << k;
                NS_TEST_EXPECT_MSG_EQ((mh[k].payload == magSent[i][k].bytes),
                                      true,
                                      where.str() << ": octets on the wire");
                NS_TEST_EXPECT_MSG_EQ(mh[k].ip.GetSource(),
                                      domain.GetProxyCoa(i),
                                      where.str() << ": source is the Proxy-CoA");
                NS_TEST_EXPECT_MSG_EQ(mh[k].ip.GetDestination(),
                                      domain.GetLmaAddress(),
                                      where.str() << ": destination is the LMAA");
                NS_TEST_EXPECT_MSG_EQ(unsigned(CheckFrame(mh[k], where.str())),
                                      5u,
                                      where.str() << ": MH Type");
                Pbu pbu{i, mh[k].at, BindingUpdateHeader()};
                CheckRoundTrip(mh[k], pbu.h, where.str());
                NS_TEST_EXPECT_MSG_EQ(pbu.h.GetFlagA(), true, where.str() << ": A flag");
                NS_TEST_EXPECT_MSG_EQ((pbu.h.GetOptions().mnIdentifier ==
                                       std::optional<std::string>(domain.GetMnIdentifier(0))),
                                      true,
                                      where.str() << ": MN-ID option");
                NS_TEST_EXPECT_MSG_EQ(pbu.h.GetOptions().timestamp.has_value(),
                                      true,
                                      where.str() << ": timestamp option");
                pbus.push_back(pbu);
            }
        }
        // Registration at MAG 0, its de-registration, registration at MAG 1.
        PMIPV6_TEST_REQUIRE_EQ(pbus.size(), 3, "PBUs on the wire");
        NS_TEST_EXPECT_MSG_GT(pbus[0].h.GetLifetimeUnits(), 0, "MAG 0 registers");
        NS_TEST_EXPECT_MSG_EQ(pbus[1].h.GetLifetimeUnits(), 0, "MAG 0 de-registers");
        NS_TEST_EXPECT_MSG_GT(pbus[2].h.GetLifetimeUnits(), 0, "MAG 1 registers");

        uint32_t pbas = 0;
        for (uint32_t i = 0; i < mags; ++i)
        {
            for (const Frame& f : fromLma[i])
            {
                if (f.ip.GetNextHeader() != MobilityHeader::PROT_NUMBER)
                {
                    continue;
                }
                std::ostringstream where;
                where << "PBA to MAG " << i << " at " << f.at.As(Time::MS);
                NS_TEST_EXPECT_MSG_EQ(f.ip.GetSource(),
                                      domain.GetLmaAddress(),
                                      where.str() << ": source");
                NS_TEST_EXPECT_MSG_EQ(f.ip.GetDestination(),
                                      domain.GetProxyCoa(i),
                                      where.str() << ": destination");
                NS_TEST_EXPECT_MSG_EQ(unsigned(CheckFrame(f, where.str())),
                                      6u,
                                      where.str() << ": MH Type");
                BindingAckHeader pba;
                CheckRoundTrip(f, pba, where.str());
                NS_TEST_EXPECT_MSG_EQ(unsigned(pba.GetStatus()), 0u, where.str() << ": status");
                // Its PBU: same MAG and sequence, half an RTT earlier.
                bool matched = false;
                for (const Pbu& pbu : pbus)
                {
                    if (pbu.mag == i && pbu.h.GetSequence() == pba.GetSequence())
                    {
                        matched = true;
                        NS_TEST_EXPECT_MSG_EQ_TOL((f.at - pbu.at).GetSeconds() * 1e3,
                                                  params.rttMagLma.GetSeconds() * 1e3 / 2,
                                                  0.01,
                                                  where.str() << ": PBU -> PBA time");
                        NS_TEST_EXPECT_MSG_EQ(
                            (pba.GetOptions().mnIdentifier == pbu.h.GetOptions().mnIdentifier),
                            true,
                            where.str() << ": MN-ID echoed");
                    }
                }
                NS_TEST_EXPECT_MSG_EQ(matched, true, where.str() << ": answers no PBU");
                pbas++;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(pbas, 3, "PBAs on the wire");
        Simulator::Destroy();
    }
};

// ---------------------------------------------------------------------------

/**
 * Malformed Mobility Header messages sent to the LMA over the wire, from a
 * node the LMA trusts: each is refused by the LMA node's MobilityL4Protocol
 * with the right reason, nothing crashes or reads out of bounds (run under
 * valgrind), the binding cache does not change, and a well-formed PBU from
 * the same node is accepted afterwards.
 */
class MalformedMessagesTestCase : public SimulationTestCase
{
  public:
    MalformedMessagesTestCase()
        : SimulationTestCase(
              "malformed messages to the LMA are dropped with their reason; a valid PBU "
              "still works")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(Pmipv6DomainHelper::Parameters());
        Ptr<Pmipv6Lma> lma = domain.GetLmaApp();
        LmaPeer peer(domain, 0, MilliSeconds(5));
        lma->AddTrustedMag(peer.GetAddress());
        const Ipv6Address src = peer.GetAddress();
        const Ipv6Address dst = domain.GetLmaAddress();

        typedef MobilityL4Protocol::DropReason Reason;
        std::vector<std::pair<Time, Reason>> drops;
        std::vector<Ipv6Address> dropSources;
        GetOrInstallL4Protocol<MobilityL4Protocol>(domain.GetLma())
            ->TraceConnectWithoutContext("Drop",
                                         MakeCallback(+[](std::vector<std::pair<Time, Reason>>* out,
                                                          std::vector<Ipv6Address>* sources,
                                                          Ptr<const Packet> p,
                                                          Ipv6Address from,
                                                          Reason reason) {
                                             out->push_back({Simulator::Now(), reason});
                                             sources->push_back(from);
                                         }).Bind(&drops, &dropSources));

        // A well-formed PBU, the base of most of the damage below.
        BindingUpdateHeader good = MakePbu("garbage@test", 1, Seconds(60), Seconds(1));
        const Bytes valid = WireBytes(good, src, dst);

        std::vector<std::pair<std::string, Bytes>> cases;
        cases.push_back({"truncated to 3 octets", Bytes(valid.begin(), valid.begin() + 3)});
        Bytes badChecksum = valid;
        badChecksum[5] ^= 0x5a;
        cases.push_back({"bad checksum", badChecksum});
        Bytes longHeaderLen = valid;
        longHeaderLen[1] += 4; // 32 octets more than there are
        FixChecksum(src, dst, longHeaderLen);
        cases.push_back({"Header Len too large", longHeaderLen});
        // PBU data, then an MN-ID option whose Length runs past the end.
        Bytes overrun = {59, 1, 5, 0, 0, 0, 0, 1, 0xc0, 0, 0, 15, 8, 200, 1, 'x'};
        FixChecksum(src, dst, overrun);
        cases.push_back({"option running past the end", overrun});
        Bytes unknownType = {59, 1, 42, 0, 0, 0, 1, 4, 0, 0, 0, 0, 0, 0, 0, 0};
        FixChecksum(src, dst, unknownType);
        cases.push_back({"unknown MH Type 42", unknownType});
        Bytes badPayloadProto = valid;
        badPayloadProto[0] = 6;
        FixChecksum(src, dst, badPayloadProto);
        cases.push_back({"Payload Proto not 59", badPayloadProto});
        const Reason expected[] = {MobilityL4Protocol::DROP_TRUNCATED,
                                   MobilityL4Protocol::DROP_BAD_CHECKSUM,
                                   MobilityL4Protocol::DROP_TRUNCATED,
                                   MobilityL4Protocol::DROP_MALFORMED,
                                   MobilityL4Protocol::DROP_NO_HANDLER,
                                   MobilityL4Protocol::DROP_MALFORMED};

        std::string before;
        std::string after;
        Simulator::Schedule(Seconds(0.9),
                            [&]() { before = DescribeBindingCache(lma->GetBindingCache()); });
        std::vector<Time> sentAt;
        for (uint32_t k = 0; k < cases.size(); ++k)
        {
            sentAt.push_back(Seconds(1) + MilliSeconds(20 * k));
            peer.SendRawAt(sentAt.back(), cases[k].second, MobilityHeader::PROT_NUMBER, dst);
        }
        Simulator::Schedule(Seconds(1.4),
                            [&]() { after = DescribeBindingCache(lma->GetBindingCache()); });
        // Then the same node registers a MN properly.
        peer.SendAt(Seconds(1.5), MakePbu("after-garbage@test", 1, Seconds(60), Seconds(1.5)));
        Simulator::Stop(Seconds(2));
        Simulator::Run();

        PMIPV6_TEST_REQUIRE_EQ(drops.size(), cases.size(), "drops at the LMA");
        for (uint32_t k = 0; k < cases.size(); ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(MobilityL4Protocol::DropReasonName(drops[k].second),
                                  MobilityL4Protocol::DropReasonName(expected[k]),
                                  cases[k].first);
            NS_TEST_EXPECT_MSG_EQ(dropSources[k], src, cases[k].first << ": source");
            NS_TEST_EXPECT_MSG_EQ_TOL(drops[k].first.GetSeconds(),
                                      (sentAt[k] + MilliSeconds(5)).GetSeconds(),
                                      1e-5,
                                      cases[k].first << ": dropped on arrival");
        }
        NS_TEST_EXPECT_MSG_NE(before.find(domain.GetMnIdentifier(0)),
                              std::string::npos,
                              "the domain's MN is registered");
        NS_TEST_EXPECT_MSG_EQ(after, before, "binding cache changed by malformed messages");
        PMIPV6_TEST_REQUIRE_EQ(peer.GetPbas().size(), 1, "PBAs: only the valid PBU is answered");
        NS_TEST_EXPECT_MSG_EQ(unsigned(peer.GetPbas()[0].status), 0u, "valid PBU accepted");
        NS_TEST_EXPECT_MSG_NE(lma->GetBindingCache().Find("after-garbage@test"),
                              nullptr,
                              "valid PBU created its binding");
        NS_TEST_EXPECT_MSG_EQ(lma->GetBindingCache().Find("garbage@test"),
                              nullptr,
                              "a malformed PBU created a binding");
        Simulator::Destroy();
    }
};

// ---------------------------------------------------------------------------

/**
 * RFC 5213 sec. 5.6.2: the LMA takes a MN's IPv6-in-IPv6 uplink only from
 * its Proxy-CoA (admission per MN). The same encapsulated packet (inner:
 * an address in the MN's HNP -> CN) is dropped when it comes from an
 * unknown node, and decapsulated and forwarded to the CN when it comes
 * from the MN's serving MAG.
 */
class TunnelUnknownEndpointTestCase : public SimulationTestCase
{
  public:
    TunnelUnknownEndpointTestCase()
        : SimulationTestCase(
              "IPv6-in-IPv6 from an unknown endpoint is dropped; from the serving MAG "
              "it is forwarded")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(Pmipv6DomainHelper::Parameters());
        LmaPeer stranger(domain, 0, MilliSeconds(5));
        Ptr<Ipv6TunnelL4Protocol> tunnel =
            GetOrInstallL4Protocol<Ipv6TunnelL4Protocol>(domain.GetLma());

        struct TunnelEvent
        {
            Time at;
            Ipv6Address peer;
            std::string reason;
        };

        std::vector<TunnelEvent> drops;
        std::vector<TunnelEvent> decaps;
        tunnel->TraceConnectWithoutContext("Drop",
                                           MakeCallback(+[](std::vector<TunnelEvent>* out,
                                                            Ptr<const Packet>,
                                                            Ipv6Address peer,
                                                            Ipv6TunnelL4Protocol::DropReason why) {
                                               out->push_back(
                                                   {Simulator::Now(),
                                                    peer,
                                                    Ipv6TunnelL4Protocol::DropReasonName(why)});
                                           }).Bind(&drops));
        tunnel->TraceConnectWithoutContext(
            "Decapsulate",
            MakeCallback(+[](std::vector<TunnelEvent>* out, Ptr<const Packet>, Ipv6Address peer) {
                out->push_back({Simulator::Now(), peer, ""});
            }).Bind(&decaps));
        // In the HNP the LMA gives its first MN (the first /64 of the pool).
        const Ipv6Address spoofed("2001:100:0:1::5");
        std::vector<Time> cnReceived;
        domain.GetCn()->GetObject<Ipv6L3Protocol>()->TraceConnectWithoutContext(
            "Rx",
            MakeCallback(+[](std::vector<Time>* out,
                             Ipv6Address from,
                             Ptr<const Packet> p,
                             Ptr<Ipv6>,
                             uint32_t) {
                Ipv6Header ip;
                p->PeekHeader(ip);
                if (ip.GetSource() == from)
                {
                    out->push_back(Simulator::Now());
                }
            }).Bind(&cnReceived, spoofed));

        // The inner packet: from an address of the LMA's pool to the CN.
        Ipv6Header inner;
        inner.SetSource(spoofed);
        inner.SetDestination(domain.GetCnAddress());
        inner.SetNextHeader(59);
        inner.SetHopLimit(64);
        inner.SetPayloadLength(8);
        Ptr<Packet> innerPacket = Create<Packet>(8);
        innerPacket->AddHeader(inner);
        const Bytes encapsulated = PacketBytes(innerPacket);

        stranger.SendRawAt(Seconds(1),
                           encapsulated,
                           Ipv6TunnelL4Protocol::PROT_NUMBER,
                           domain.GetLmaAddress());
        // Control: the serving MAG (a tunnel peer of the LMA) sends the same.
        Ptr<Node> mag = domain.GetMag(0);
        Ipv6Address coa = domain.GetProxyCoa(0);
        Ipv6Address lmaAddress = domain.GetLmaAddress();
        Simulator::Schedule(Seconds(1.5), [mag, coa, lmaAddress, encapsulated]() {
            mag->GetObject<Ipv6L3Protocol>()->Send(
                Create<Packet>(encapsulated.data(), encapsulated.size()),
                coa,
                lmaAddress,
                Ipv6TunnelL4Protocol::PROT_NUMBER,
                nullptr);
        });
        Simulator::Stop(Seconds(2));
        Simulator::Run();

        PMIPV6_TEST_REQUIRE_EQ(drops.size(), 1, "tunnel drops at the LMA");
        NS_TEST_EXPECT_MSG_EQ(drops[0].peer, stranger.GetAddress(), "dropped packet's peer");
        NS_TEST_EXPECT_MSG_EQ(drops[0].reason, "not-admitted", "drop reason");
        NS_TEST_EXPECT_MSG_EQ((drops[0].at < Seconds(1.5)), true, "drop time");
        uint32_t fromMag = 0;
        for (const auto& d : decaps)
        {
            NS_TEST_EXPECT_MSG_NE(d.peer, stranger.GetAddress(), "decapsulated from the stranger");
            fromMag += d.peer == coa;
        }
        NS_TEST_EXPECT_MSG_EQ(fromMag, 1, "decapsulated from the serving MAG");
        PMIPV6_TEST_REQUIRE_EQ(cnReceived.size(), 1, "inner packets that reached the CN");
        NS_TEST_EXPECT_MSG_EQ((cnReceived[0] > Seconds(1.5)),
                              true,
                              "the CN got the stranger's packet");
        Simulator::Destroy();
    }
};

class MobilityWireTestSuite : public TestSuite
{
  public:
    MobilityWireTestSuite()
        : TestSuite("mobility-wire", SYSTEM)
    {
        AddTestCase(new MessagesOnTheWireTestCase, TestCase::QUICK);
        AddTestCase(new MalformedMessagesTestCase, TestCase::QUICK);
        AddTestCase(new TunnelUnknownEndpointTestCase, TestCase::QUICK);
    }
};

MobilityWireTestSuite g_mobilityWireTestSuite;

} // namespace
