// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hostile and malformed Mobility Header messages to the MAGs and the LMA of
 * a running domain, sent by a stranger node plugged into the LMA: messages
 * from a MAG that is no neighbour, HAcks with a wrong sequence number or a
 * refusal code, options whose lengths overrun the message, and MH Types
 * nobody handles (answered with a Binding Error, RFC 6275 sec. 9.2). Each
 * is refused with the RFC's answer or a counted, traced drop, and no
 * binding, route or buffer changes.
 */
#include "fast-handover-mag-extension.h"
#include "fpmipv6-mag-extension.h"
#include "pfmipv6-mag-extension.h"
#include "pmipv6-domain-helper.h"
#include "pmipv6-test-utils.h"

#include "ns3/simulator.h"
#include "ns3/test.h"

#include <memory>
#include <sstream>

using namespace ns3;
using namespace ns3::pmipv6test;

namespace
{

using Bytes = std::vector<uint8_t>;

/// Write the RFC 6275 6.1.1 checksum into octets 4-5 of a hand-made message.
void
FixChecksum(Ipv6Address src, Ipv6Address dst, Bytes& message)
{
    message[4] = message[5] = 0;
    Ptr<Packet> p = Create<Packet>(message.data(), message.size());
    uint16_t sum = MobilityHeader::VerifyChecksum(p, src, dst); // complement of the sum
    message[4] = sum >> 8;
    message[5] = sum & 0xff;
}

typedef MobilityL4Protocol::DropReason Reason;

/// The drops of one node's MobilityL4Protocol.
struct DropLog
{
    std::vector<std::pair<Ipv6Address, Reason>> drops;

    void Connect(Ptr<Node> node)
    {
        GetOrInstallL4Protocol<MobilityL4Protocol>(node)->TraceConnectWithoutContext(
            "Drop",
            MakeCallback(&DropLog::OnDrop, this));
    }

    uint32_t Count(Ipv6Address from, Reason reason) const
    {
        uint32_t n = 0;
        for (const auto& d : drops)
        {
            n += d.first == from && d.second == reason;
        }
        return n;
    }

    void OnDrop(Ptr<const Packet> p, Ipv6Address from, Reason reason)
    {
        drops.push_back({from, reason});
    }
};

/// A domain of two MAGs with a fast-handover scheme and a stranger node.
struct HostileDomain
{
    explicit HostileDomain(const std::string& scheme)
    {
        domain.SetLmaExtension("ns3::RelayedUplinkLmaExtension");
        domain.SetMagExtensionFactory([this, scheme](uint32_t) -> Ptr<MagExtension> {
            Ptr<FastHandoverMagExtension> ext;
            if (scheme == "fpmipv6")
            {
                ext = CreateObject<Fpmipv6MagExtension>();
            }
            else
            {
                ext = CreateObject<Pfmipv6MagExtension>();
            }
            extensions.push_back(ext);
            return ext;
        });
        domain.Build(Pmipv6DomainHelper::Parameters());
        stranger = std::make_unique<LmaPeer>(domain, 0, MilliSeconds(5));
        for (MhType type : {MhType::HandoverInitiate,
                             MhType::HandoverAck,
                             MhType::FastBindingAck,
                             MhType::BindingError})
        {
            stranger->GetMobility()->RegisterHandler(
                static_cast<uint8_t>(type),
                MakeCallback(&HostileDomain::OnMessage, this));
        }
        for (uint32_t i = 0; i < 2; ++i)
        {
            magDrops[i].Connect(domain.GetMag(i));
        }
        lmaDrops.Connect(domain.GetLma());
    }

    /// The MN's identifiers, as a MAG would put them in an HI (RFC 5949 6.2).
    void IdentifyMn(MobilityOptions& o) const
    {
        o.mnIdentifier = domain.GetMnIdentifier(0);
        uint8_t mac[6];
        domain.GetMnLinkLayerId(0).CopyTo(mac);
        o.mnLinkLayerId = Bytes(mac, mac + 6);
        o.homeNetworkPrefixes = {{domain.GetMnHomeAddress(0).CombinePrefix(Ipv6Prefix(64)), 64}};
        o.lmaAddress = domain.GetLmaAddress();
    }

    template <class H>
    void SendTo(Time at, H message, Ipv6Address dst)
    {
        Simulator::Schedule(at - Simulator::Now(), [this, message, dst]() mutable {
            stranger->GetMobility()->Send(message, stranger->GetAddress(), dst);
        });
    }

    void OnMessage(Ptr<Packet> p, const Ipv6Header& ip)
    {
        uint8_t type = 0;
        MobilityHeader::PeekMhType(p, type);
        received.push_back({Simulator::Now(), type, ip.GetSource(), p->Copy()});
    }

    /// Everything a MAG holds for MN 0, one line (unchanged = equal strings).
    std::string DescribeMag(uint32_t i) const
    {
        std::ostringstream os;
        Ptr<Pmipv6Mag> mag = domain.GetMagApp(i);
        BindingUpdateListEntry* e = mag->GetBindingUpdateList().Find(domain.GetMnIdentifier(0));
        os << "entries=" << mag->GetBindingUpdateList().GetSize();
        if (e)
        {
            os << " state=" << BindingUpdateListEntry::StateName(e->state)
               << " attached=" << e->attached << " seq=" << e->sequence
               << " hnp=" << e->homeNetworkPrefix.prefix;
        }
        const FastHandoverMagExtension::HandoverContext* c =
            extensions[i]->GetContext(domain.GetMnIdentifier(0));
        if (c)
        {
            os << " context=" << FastHandoverMagExtension::StateName(c->state)
               << " buffered=" << c->buffer.size() << " peer=" << c->peer
               << " forwardTo=" << c->forwardTo;
        }
        os << " tunnel-peers-lma=" << mag->GetTunnel()->HasEndpoint(domain.GetLmaAddress())
           << " tunnel-peers-stranger=" << mag->GetTunnel()->HasEndpoint(stranger->GetAddress());
        return os.str();
    }

    std::string Snapshot() const
    {
        return DescribeBindingCache(domain.GetLmaApp()->GetBindingCache()) + " | " +
               DescribeMag(0) + " | " + DescribeMag(1);
    }

    struct Received
    {
        Time at;
        uint8_t type;
        Ipv6Address from;
        Ptr<Packet> packet;
    };

    Pmipv6DomainHelper domain;
    std::vector<Ptr<FastHandoverMagExtension>> extensions;
    std::unique_ptr<LmaPeer> stranger;
    DropLog magDrops[2];
    DropLog lmaDrops;
    std::vector<Received> received;
};

// ---------------------------------------------------------------------------

/**
 * RFC 5949 sec. 4: MAGs exchange HI/HAck (and FPMIPv6 its FBU/FBack) only
 * with neighbour MAGs. A stranger sends an HI naming MN 0 to MAG 1 (which
 * would register the MN there and pull its binding away), a HAck to MAG 0,
 * and (FPMIPv6) an FBU to MAG 0 (which would have MAG 0 forward the MN's
 * traffic to the stranger when the MN leaves). Each is dropped as
 * unauthorized; nothing is answered; no binding, entry, context or tunnel
 * changes; MN 0's later handover forwards nothing to the stranger.
 */
class NonNeighbourTestCase : public SimulationTestCase
{
  public:
    explicit NonNeighbourTestCase(const std::string& scheme)
        : SimulationTestCase(scheme + ": HI, HAck, FBU from a MAG that is no neighbour are "
                                      "refused, nothing changes"),
          m_scheme(scheme)
    {
    }

  private:
    void DoRun() override
    {
        HostileDomain h(m_scheme);
        const Ipv6Address mag0 = h.domain.GetProxyCoa(0);
        const Ipv6Address mag1 = h.domain.GetProxyCoa(1);
        const Ipv6Address from = h.stranger->GetAddress();

        HandoverInitiateHeader hi;
        hi.SetSequence(77);
        hi.SetFlagP(true);
        hi.SetFlagU(true);
        h.IdentifyMn(hi.GetOptions());
        hi.GetOptions().timestamp = TimeToMobilityTimestamp(Seconds(1));
        HandoverAckHeader hack;
        hack.SetSequence(1);
        hack.SetFlagP(true);
        h.IdentifyMn(hack.GetOptions());
        FastBindingUpdateHeader fbu;
        fbu.SetSequence(5);
        fbu.SetFlagA(true);
        h.IdentifyMn(fbu.GetOptions());

        std::string before;
        std::string after;
        Simulator::Schedule(Seconds(0.9), [&]() { before = h.Snapshot(); });
        h.SendTo(Seconds(1.0), hi, mag1);
        h.SendTo(Seconds(1.1), hack, mag0);
        if (m_scheme == "fpmipv6")
        {
            h.SendTo(Seconds(1.2), fbu, mag0); // PFMIPv6 has no FBU
        }
        Simulator::Schedule(Seconds(1.4), [&]() { after = h.Snapshot(); });
        h.domain.ScheduleHandover(0, Seconds(1.5), 1);
        Simulator::Stop(Seconds(2));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(after, before, "state changed by a stranger's messages");
        NS_TEST_EXPECT_MSG_EQ(h.magDrops[1].Count(from, MobilityL4Protocol::DROP_UNAUTHORIZED),
                              1,
                              "HI refused at MAG 1");
        const uint32_t expectedAtMag0 = m_scheme == "fpmipv6" ? 2 : 1;
        NS_TEST_EXPECT_MSG_EQ(h.magDrops[0].Count(from, MobilityL4Protocol::DROP_UNAUTHORIZED),
                              expectedAtMag0,
                              "HAck (and FBU) refused at MAG 0");
        NS_TEST_EXPECT_MSG_EQ(h.received.size(), 0, "the stranger got answers");
        NS_TEST_EXPECT_MSG_EQ(h.extensions[0]->GetForwardedCount(), 0, "forwarded to the stranger");
        NS_TEST_EXPECT_MSG_EQ(h.domain.GetMagApp(1)->GetTunnel()->HasEndpoint(from),
                              false,
                              "MAG 1 tunnels to the stranger");
        BindingCacheEntry* bce =
            h.domain.GetLmaApp()->GetBindingCache().Find(h.domain.GetMnIdentifier(0));
        PMIPV6_TEST_REQUIRE_NE(bce, nullptr, "binding");
        NS_TEST_EXPECT_MSG_EQ(bce->proxyCoa, mag1, "the real handover still happened");
        Simulator::Destroy();
    }

    std::string m_scheme;
};

// ---------------------------------------------------------------------------

/**
 * RFC 5568 6.2.2 / RFC 5949 6.1.2: a HAck answers the HI of the same
 * sequence number, and a Code >= 128 refuses the handover. MAG 0 predicts
 * MN 0's move to the stranger (made a neighbour of MAG 0); the stranger
 * answers the HI first with a HAck of another sequence number (dropped as
 * unexpected; MAG 0 still waits, HO_INITIATED), then with the right number
 * and Code 129 (MAG 0 releases the context: HandoverRefused, IDLE). When
 * MN 0 then moves to MAG 1, nothing is forwarded to the stranger.
 */
class HackChecksTestCase : public SimulationTestCase
{
  public:
    explicit HackChecksTestCase(const std::string& scheme)
        : SimulationTestCase(scheme + ": HAck with a wrong sequence number dropped, HAck with a "
                                      "refusal code stops the handover"),
          m_scheme(scheme)
    {
    }

  private:
    void DoRun() override
    {
        HostileDomain h(m_scheme);
        const Ipv6Address mag0 = h.domain.GetProxyCoa(0);
        const Ipv6Address from = h.stranger->GetAddress();
        h.domain.GetMagApp(0)->AddNeighborMag(from);
        std::vector<std::string> states;
        h.extensions[0]->TraceConnectWithoutContext(
            "State",
            MakeCallback(+[](std::vector<std::string>* out,
                             std::string,
                             std::string,
                             std::string to) { out->push_back(to); })
                .Bind(&states));
        std::vector<unsigned> refusals;
        h.extensions[0]->TraceConnectWithoutContext(
            "HandoverRefused",
            MakeCallback(+[](std::vector<unsigned>* out, std::string, Ipv6Address, uint8_t code) {
                out->push_back(code);
            }).Bind(&refusals));

        Simulator::Schedule(Seconds(1.0), [&]() {
            h.extensions[0]->PredictHandover(h.domain.GetMnIdentifier(0), from);
        });
        std::string stateAfterWrongSeq;
        std::string stateAfterRefusal;
        Simulator::Schedule(Seconds(1.1), [&]() {
            PMIPV6_TEST_REQUIRE_EQ(h.received.size(), 1, "the HI reached the stranger");
            HandoverInitiateHeader hi;
            h.received[0].packet->Copy()->RemoveHeader(hi);
            HandoverAckHeader hack;
            hack.SetFlagP(true);
            h.IdentifyMn(hack.GetOptions());
            hack.SetSequence(hi.GetSequence() + 1);
            h.SendTo(Seconds(1.1), hack, mag0);
            hack.SetSequence(hi.GetSequence());
            hack.SetCode(HandoverAckCode::ADMINISTRATIVELY_PROHIBITED);
            h.SendTo(Seconds(1.2), hack, mag0);
        });
        Simulator::Schedule(Seconds(1.15), [&]() {
            const auto* c = h.extensions[0]->GetContext(h.domain.GetMnIdentifier(0));
            stateAfterWrongSeq = c ? FastHandoverMagExtension::StateName(c->state) : "none";
        });
        Simulator::Schedule(Seconds(1.25), [&]() {
            const auto* c = h.extensions[0]->GetContext(h.domain.GetMnIdentifier(0));
            stateAfterRefusal = c ? FastHandoverMagExtension::StateName(c->state) : "none";
        });
        h.domain.ScheduleHandover(0, Seconds(1.5), 1);
        Simulator::Stop(Seconds(2));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(h.magDrops[0].Count(from, MobilityL4Protocol::DROP_UNEXPECTED),
                              1,
                              "HAck with the wrong sequence number dropped");
        NS_TEST_EXPECT_MSG_EQ(stateAfterWrongSeq, "HO_INITIATED", "still waiting for the HAck");
        PMIPV6_TEST_REQUIRE_EQ(refusals.size(), 1, "HandoverRefused");
        NS_TEST_EXPECT_MSG_EQ(refusals[0], 129u, "refusal code");
        NS_TEST_EXPECT_MSG_EQ(h.extensions[0]->GetRefusedCount(), 1, "refusals counted");
        NS_TEST_EXPECT_MSG_EQ(stateAfterRefusal, "IDLE", "context released on the refusal");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(states.size(), 2, "states");
        NS_TEST_EXPECT_MSG_EQ(states[0], "HO_INITIATED", "first state");
        NS_TEST_EXPECT_MSG_EQ(states[1], "IDLE", "HO_READY never entered");
        NS_TEST_EXPECT_MSG_EQ(h.received.size(), 1, "messages to the stranger: the HI only");
        NS_TEST_EXPECT_MSG_EQ(h.domain.GetMagApp(0)->GetTunnel()->HasEndpoint(from),
                              false,
                              "tunnel to the refusing MAG left up");
        Simulator::Destroy();
    }

    std::string m_scheme;
};

// ---------------------------------------------------------------------------

/**
 * Options whose Length runs past the message (RFC 6275 6.2.1), sent to
 * MAG 0 by a neighbour: an HI with an MN-ID option longer than what is
 * left, a HAck whose Context Request holds a request running past the
 * option (RFC 5949 6.2.1), a PBA whose HNP option is cut short. Each is
 * dropped as malformed at MAG 0; nothing changes.
 */
class OverrunOptionsTestCase : public SimulationTestCase
{
  public:
    OverrunOptionsTestCase()
        : SimulationTestCase("options overrunning the message: HI, HAck (Context Request), PBA "
                             "dropped as malformed at the MAG, nothing changes")
    {
    }

  private:
    void DoRun() override
    {
        HostileDomain h("pfmipv6");
        const Ipv6Address mag0 = h.domain.GetProxyCoa(0);
        const Ipv6Address from = h.stranger->GetAddress();
        h.domain.GetMagApp(0)->AddNeighborMag(from);
        std::vector<Bytes> cases;
        // HI: seq 1, P, then MN-ID type 8 with Length 200 and 6 octets left.
        cases.push_back({59, 1, 14, 0, 0, 0, 0, 1, 0x20, 0, 8, 200, 1, 'm', 'n', '0'});
        // HAck: seq 1, P, Context Request len 4: Reserved, Req-type 8, Req-length 5.
        cases.push_back({59, 1, 15, 0, 0, 0, 0, 1, 0x40, 0, 40, 4, 0, 0, 8, 5});
        // PBA: status 0, P, seq 1, lifetime 1, HNP type 22 Length 18 with 2 octets left.
        cases.push_back({59, 1, 6, 0, 0, 0, 0, 0x20, 0, 1, 0, 1, 22, 18, 0, 64});
        for (auto& c : cases)
        {
            FixChecksum(from, mag0, c);
        }
        std::string before;
        std::string after;
        Simulator::Schedule(Seconds(0.9), [&]() { before = h.Snapshot(); });
        for (uint32_t k = 0; k < cases.size(); ++k)
        {
            h.stranger->SendRawAt(Seconds(1) + MilliSeconds(20 * k),
                                  cases[k],
                                  MobilityHeader::PROT_NUMBER,
                                  mag0);
        }
        Simulator::Schedule(Seconds(1.3), [&]() { after = h.Snapshot(); });
        Simulator::Stop(Seconds(1.4));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(h.magDrops[0].Count(from, MobilityL4Protocol::DROP_MALFORMED),
                              3,
                              "malformed drops at MAG 0");
        NS_TEST_EXPECT_MSG_EQ(h.magDrops[0].drops.size(), 3, "no other drop");
        NS_TEST_EXPECT_MSG_EQ(after, before, "state changed by malformed messages");
        NS_TEST_EXPECT_MSG_EQ(h.received.size(), 0, "malformed messages answered");
        Simulator::Destroy();
    }
};

// ---------------------------------------------------------------------------

/**
 * RFC 6275 sec. 9.2 / 6.1.9: a Mobility Header of an MH Type the node does
 * not handle is answered with a Binding Error, status 2 (unrecognized MH
 * Type value), Home Address :: (no Home Address option, sec. 9.3.3), sent
 * from the address the message went to. The LMA gets an unknown type (42)
 * and an HI (no LMA handles HIs); a Binding Error is not answered; Binding
 * Errors are rate-limited (100 ms): of three unknown messages 5 ms apart,
 * one is answered. Every one is a counted no-handler drop; the binding
 * cache does not change.
 */
class BindingErrorTestCase : public SimulationTestCase
{
  public:
    BindingErrorTestCase()
        : SimulationTestCase("unknown MH Type: Binding Error status 2, rate-limited, never for a "
                             "Binding Error")
    {
    }

  private:
    void DoRun() override
    {
        HostileDomain h("fpmipv6");
        const Ipv6Address lma = h.domain.GetLmaAddress();
        const Ipv6Address from = h.stranger->GetAddress();
        Bytes unknown = {59, 1, 42, 0, 0, 0, 1, 4, 0, 0, 0, 0, 0, 0, 0, 0};
        FixChecksum(from, lma, unknown);
        HandoverInitiateHeader hi;
        hi.SetSequence(3);
        h.IdentifyMn(hi.GetOptions());
        BindingErrorHeader be;

        std::string before;
        std::string after;
        Simulator::Schedule(Seconds(0.9), [&]() {
            before = DescribeBindingCache(h.domain.GetLmaApp()->GetBindingCache());
        });
        h.stranger->SendRawAt(Seconds(1.0), unknown, MobilityHeader::PROT_NUMBER, lma);
        h.SendTo(Seconds(1.2), hi, lma);
        h.SendTo(Seconds(1.4), be, lma);
        for (uint32_t k = 0; k < 3; ++k)
        {
            h.stranger->SendRawAt(Seconds(1.6) + MilliSeconds(5 * k),
                                  unknown,
                                  MobilityHeader::PROT_NUMBER,
                                  lma);
        }
        Simulator::Schedule(Seconds(1.9), [&]() {
            after = DescribeBindingCache(h.domain.GetLmaApp()->GetBindingCache());
        });
        Simulator::Stop(Seconds(2));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(h.lmaDrops.Count(from, MobilityL4Protocol::DROP_NO_HANDLER),
                              6,
                              "no-handler drops at the LMA");
        std::vector<Time> answeredAt;
        for (const auto& r : h.received)
        {
            if (r.type != static_cast<uint8_t>(MhType::BindingError))
            {
                continue;
            }
            answeredAt.push_back(r.at);
            BindingErrorHeader got;
            NS_TEST_EXPECT_MSG_EQ(r.packet->Copy()->RemoveHeader(got), 24, "Binding Error parses");
            NS_TEST_EXPECT_MSG_EQ(unsigned(got.GetStatus()), 2u, "status 2");
            NS_TEST_EXPECT_MSG_EQ(got.GetHomeAddress(), Ipv6Address::GetAny(), "Home Address ::");
            NS_TEST_EXPECT_MSG_EQ(r.from, lma, "from the LMA's address");
        }
        PMIPV6_TEST_REQUIRE_EQ(answeredAt.size(), 3, "Binding Errors: type 42, HI, one of three");
        const Time sent[] = {Seconds(1.0), Seconds(1.2), Seconds(1.6)};
        for (uint32_t k = 0; k < 3; ++k)
        {
            NS_TEST_EXPECT_MSG_EQ_TOL(answeredAt[k].GetSeconds(),
                                      (sent[k] + MilliSeconds(10)).GetSeconds(),
                                      1e-4,
                                      "Binding Error " << k << ": one round trip after");
        }
        NS_TEST_EXPECT_MSG_EQ(GetOrInstallL4Protocol<MobilityL4Protocol>(h.domain.GetLma())
                                  ->GetBindingErrorCount(),
                              3,
                              "Binding Errors counted");
        NS_TEST_EXPECT_MSG_EQ(after, before, "binding cache changed");
        Simulator::Destroy();
    }
};

class HostileInputTestSuite : public TestSuite
{
  public:
    HostileInputTestSuite()
        : TestSuite("hostile-input", SYSTEM)
    {
        AddTestCase(new NonNeighbourTestCase("fpmipv6"), TestCase::QUICK);
        AddTestCase(new NonNeighbourTestCase("pfmipv6"), TestCase::QUICK);
        AddTestCase(new HackChecksTestCase("fpmipv6"), TestCase::QUICK);
        AddTestCase(new HackChecksTestCase("pfmipv6"), TestCase::QUICK);
        AddTestCase(new OverrunOptionsTestCase, TestCase::QUICK);
        AddTestCase(new BindingErrorTestCase, TestCase::QUICK);
    }
};

HostileInputTestSuite g_hostileInputTestSuite;

} // namespace
