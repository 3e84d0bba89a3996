/*
 * System tests of the LMA's processing of Proxy Binding Updates (RFC 5213
 * sec. 5.3): who may register, binding lifetime, timestamp ordering,
 * de-registration, and the mandatory options. The PBUs come over the wire
 * from extra nodes plugged into a built domain's LMA (LmaPeer).
 */
#include "pmipv6-domain-helper.h"
#include "pmipv6-test-utils.h"

#include "ns3/double.h"
#include "ns3/error-model.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <sstream>

using namespace ns3;
using namespace ns3::pmipv6test;

namespace
{

std::string
AddressText(Ipv6Address a)
{
    std::ostringstream os;
    os << a;
    return os.str();
}

/// One "Binding" trace event of the LMA.
struct BindingEvent
{
    Time at;
    std::string mnId;
    Ipv6Address oldCoa;
    Ipv6Address newCoa;
    std::string event;
};

/// One "PbaSent" trace event of the LMA.
struct PbaEvent
{
    Time at;
    std::string mnId;
    Ipv6Address proxyCoa;
    uint8_t status;
};

/// Records the LMA's Binding and PbaSent traces.
class LmaRecorder
{
  public:
    explicit LmaRecorder(Ptr<Pmipv6Lma> lma)
    {
        lma->TraceConnectWithoutContext("Binding", MakeCallback(&LmaRecorder::OnBinding, this));
        lma->TraceConnectWithoutContext("PbaSent", MakeCallback(&LmaRecorder::OnPba, this));
    }

    std::vector<BindingEvent> bindings;
    std::vector<PbaEvent> pbas;

    /// The binding events of \p mnId, as "event@coa" words.
    std::string EventsOf(const std::string& mnId) const
    {
        std::ostringstream os;
        for (const auto& b : bindings)
        {
            if (b.mnId == mnId)
            {
                os << b.event << " ";
            }
        }
        return os.str();
    }

  private:
    void OnBinding(std::string mnId,
                   Ipv6Address prefix,
                   Ipv6Address oldCoa,
                   Ipv6Address newCoa,
                   std::string event)
    {
        bindings.push_back({Simulator::Now(), mnId, oldCoa, newCoa, event});
    }

    void OnPba(std::string mnId, Ipv6Address proxyCoa, uint8_t status)
    {
        pbas.push_back({Simulator::Now(), mnId, proxyCoa, status});
    }
};

// ---------------------------------------------------------------------------

/**
 * RFC 5213 sec. 5.3.1: a PBU from a node the LMA has no trust relation with
 * is refused with 154 and changes nothing - neither a hijack of a live
 * binding nor a new one.
 */
class UntrustedMagTestCase : public SimulationTestCase
{
  public:
    UntrustedMagTestCase()
        : SimulationTestCase("PBU from an untrusted node: PBA 154, binding cache unchanged")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(Pmipv6DomainHelper::Parameters());
        Ptr<Pmipv6Lma> lma = domain.GetLmaApp();
        LmaPeer intruder(domain, 0, MilliSeconds(5));
        LmaRecorder rec(lma);
        const std::string victim = domain.GetMnIdentifier(0);

        std::string before;
        std::string after;
        Simulator::Schedule(MilliSeconds(500),
                            [&]() { before = DescribeBindingCache(lma->GetBindingCache()); });
        // Move the registered MN to the intruder, then register a new MN.
        intruder.SendAt(MilliSeconds(600), MakePbu(victim, 1, Seconds(60), MilliSeconds(600)));
        intruder.SendAt(MilliSeconds(700),
                        MakePbu("intruder@test", 1, Seconds(60), MilliSeconds(700)));
        Simulator::Schedule(MilliSeconds(900),
                            [&]() { after = DescribeBindingCache(lma->GetBindingCache()); });
        Simulator::Stop(Seconds(1));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_NE(before.find(victim),
                              std::string::npos,
                              "the domain's MN was registered: " << before);
        NS_TEST_EXPECT_MSG_EQ(after, before, "binding cache changed");
        const auto& pbas = intruder.GetPbas();
        PMIPV6_TEST_REQUIRE_EQ(pbas.size(), 2, "PBAs received by the intruder");
        for (const auto& pba : pbas)
        {
            NS_TEST_EXPECT_MSG_EQ(unsigned(pba.status),
                                  unsigned(BindingAckStatus::MAG_NOT_AUTHORIZED_FOR_PROXY_REG),
                                  "PBA status on the wire");
            NS_TEST_EXPECT_MSG_EQ(pba.lifetime, Seconds(0), "refused PBA grants a lifetime");
        }
        uint32_t refused = 0;
        for (const auto& e : rec.pbas)
        {
            if (e.proxyCoa == intruder.GetAddress())
            {
                refused++;
                NS_TEST_EXPECT_MSG_EQ(unsigned(e.status), 154u, "PbaSent status");
            }
        }
        NS_TEST_EXPECT_MSG_EQ(refused, 2, "PbaSent events toward the intruder");
        for (const auto& b : rec.bindings)
        {
            NS_TEST_EXPECT_MSG_EQ((b.at < MilliSeconds(500)),
                                  true,
                                  "binding event '" << b.event << "' of " << b.mnId
                                                    << " after the intruder's PBUs");
        }
        Simulator::Destroy();
    }
};

// ---------------------------------------------------------------------------

/**
 * RFC 5213 sec. 5.3.3 / 6.9.1.4: a binding lives for its granted lifetime
 * unless refreshed. MAG 0 asks for 8 s (refreshing 2 s before the end).
 * With \p cutLink the LMA stops hearing MAG 0 at 1 s, so no refresh arrives
 * and the LMA must expire the binding 8 s after it registered it (and take
 * the tunnel down); otherwise the refreshes keep it alive.
 */
class BindingLifetimeTestCase : public SimulationTestCase
{
  public:
    explicit BindingLifetimeTestCase(bool cutLink)
        : SimulationTestCase(
              cutLink ? "binding not refreshed (MAG->LMA link cut) expires after its lifetime"
                      : "binding refreshed by its MAG does not expire"),
          m_cutLink(cutLink)
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(Pmipv6DomainHelper::Parameters());
        const Time lifetime = Seconds(8);
        domain.GetMagApp(0)->SetAttribute("BindingLifetime", TimeValue(lifetime));
        Ptr<Pmipv6Lma> lma = domain.GetLmaApp();
        LmaRecorder rec(lma);
        const std::string mnId = domain.GetMnIdentifier(0);

        Time registeredAt;
        Time grantedLifetime;
        Simulator::Schedule(MilliSeconds(500), [&]() {
            if (BindingCacheEntry* e = lma->GetBindingCache().Find(mnId))
            {
                registeredAt = e->registeredAt;
                grantedLifetime = e->lifetime;
            }
        });
        if (m_cutLink)
        {
            Ptr<PointToPointNetDevice> lmaSide =
                P2pDeviceTowards(domain.GetLma(), domain.GetMag(0));
            Simulator::Schedule(Seconds(1), [lmaSide]() {
                Ptr<RateErrorModel> cut = CreateObject<RateErrorModel>();
                cut->SetAttribute("ErrorRate", DoubleValue(1.0));
                cut->SetAttribute("ErrorUnit", StringValue("ERROR_UNIT_PACKET"));
                lmaSide->SetReceiveErrorModel(cut);
            });
        }
        bool presentBeforeExpiry = false;
        Simulator::Schedule(lifetime - MilliSeconds(100), [&]() {
            presentBeforeExpiry = lma->GetBindingCache().Find(mnId) != nullptr;
        });
        Simulator::Stop(Seconds(13));
        Simulator::Run();

        PMIPV6_TEST_REQUIRE_EQ(grantedLifetime, lifetime, "lifetime granted to the binding");
        NS_TEST_EXPECT_MSG_EQ(presentBeforeExpiry, true, "binding gone before its lifetime");
        std::vector<BindingEvent> expired;
        uint32_t refreshed = 0;
        for (const auto& b : rec.bindings)
        {
            if (b.mnId == mnId && b.event == "expired")
            {
                expired.push_back(b);
            }
            refreshed += b.mnId == mnId && b.event == "refreshed";
        }
        BindingCacheEntry* e = lma->GetBindingCache().Find(mnId);
        if (m_cutLink)
        {
            PMIPV6_TEST_REQUIRE_EQ(expired.size(), 1, "'expired' events: " << rec.EventsOf(mnId));
            NS_TEST_EXPECT_MSG_EQ(expired[0].at, registeredAt + lifetime, "expiry time");
            NS_TEST_EXPECT_MSG_EQ(expired[0].oldCoa, domain.GetProxyCoa(0), "expired binding");
            NS_TEST_EXPECT_MSG_EQ(refreshed, 0, "a refresh got through the cut link");
            NS_TEST_EXPECT_MSG_EQ(e, nullptr, "binding still in the cache");
            NS_TEST_EXPECT_MSG_EQ(lma->GetTunnel()->HasEndpoint(domain.GetProxyCoa(0)),
                                  false,
                                  "tunnel to MAG 0 outlived its only binding");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(expired.size(), 0, "events: " << rec.EventsOf(mnId));
            // Refreshed 6 s after each registration: about 6 s and 12 s.
            NS_TEST_EXPECT_MSG_EQ(refreshed, 2, "events: " << rec.EventsOf(mnId));
            NS_TEST_EXPECT_MSG_NE(e, nullptr, "binding not in the cache");
        }
        Simulator::Destroy();
    }

    bool m_cutLink;
};

// ---------------------------------------------------------------------------

/**
 * RFC 5213 sec. 5.3.5 and 5.5: the LMA orders PBUs by timestamp; only the
 * serving MAG may de-register, and a de-registered binding is kept for
 * MinDelayBeforeBCEDelete before it is deleted.
 */
class TimestampOrderingTestCase : public SimulationTestCase
{
  public:
    TimestampOrderingTestCase()
        : SimulationTestCase("older PBU refused (157); foreign de-registration ignored; "
                             "de-registration keeps the BCE for MinDelayBeforeBCEDelete")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(Pmipv6DomainHelper::Parameters());
        Ptr<Pmipv6Lma> lma = domain.GetLmaApp();
        const Time minDelay = Seconds(1);
        lma->SetAttribute("MinDelayBeforeBCEDelete", TimeValue(minDelay));
        LmaPeer a(domain, 0, MilliSeconds(5));
        LmaPeer b(domain, 1, MilliSeconds(5));
        lma->AddTrustedMag(a.GetAddress());
        lma->AddTrustedMag(b.GetAddress());
        LmaRecorder rec(lma);
        const std::string mnId = "ordering@test";
        BindingCache& cache = lma->GetBindingCache();

        // 1.0 s: A registers the MN (timestamp 1.0 s).
        a.SendAt(Seconds(1.0), MakePbu(mnId, 1, Seconds(60), Seconds(1.0)));
        std::string registered;
        Simulator::Schedule(Seconds(1.05), [&]() { registered = DescribeBindingCache(cache); });
        // 1.1 s: B's PBU stamped 0.95 s - inside the validity window, but
        // older than the accepted 1.0 s.
        b.SendAt(Seconds(1.1), MakePbu(mnId, 7, Seconds(60), Seconds(0.95)));
        std::string afterOld;
        Simulator::Schedule(Seconds(1.15), [&]() { afterOld = DescribeBindingCache(cache); });
        // 1.2 s: B, which does not serve the MN, de-registers it.
        b.SendAt(Seconds(1.2), MakePbu(mnId, 8, Seconds(0), Seconds(1.2)));
        std::string afterForeign;
        Simulator::Schedule(Seconds(1.25), [&]() { afterForeign = DescribeBindingCache(cache); });
        // 1.3 s: A, the serving MAG, de-registers it.
        a.SendAt(Seconds(1.3), MakePbu(mnId, 2, Seconds(0), Seconds(1.3)));
        std::vector<std::string> stateAfterDereg;
        for (Time t : {Seconds(1.31),
                       Seconds(1.3) + minDelay - MilliSeconds(10),
                       Seconds(1.3) + minDelay + MilliSeconds(10)})
        {
            Simulator::Schedule(t, [&]() {
                BindingCacheEntry* e = cache.Find(mnId);
                stateAfterDereg.push_back(e ? BindingCacheEntry::StateName(e->state) : "gone");
            });
        }
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_NE(registered.find(mnId), std::string::npos, "A's registration");
        NS_TEST_EXPECT_MSG_NE(registered.find("coa=" + AddressText(a.GetAddress())),
                              std::string::npos,
                              "binding not at A: " << registered);
        PMIPV6_TEST_REQUIRE_EQ(b.GetPbas().size(), 2, "PBAs to B");
        NS_TEST_EXPECT_MSG_EQ(unsigned(b.GetPbas()[0].status),
                              unsigned(BindingAckStatus::TIMESTAMP_LOWER_THAN_PREV_ACCEPTED),
                              "older PBU's status");
        NS_TEST_EXPECT_MSG_EQ(b.GetPbas()[0].sequence, 7, "PBA sequence echoes the PBU's");
        NS_TEST_EXPECT_MSG_EQ(afterOld, registered, "the older PBU moved the binding");
        NS_TEST_EXPECT_MSG_EQ(afterForeign, registered, "a foreign de-registration changed it");
        PMIPV6_TEST_REQUIRE_EQ(a.GetPbas().size(), 2, "PBAs to A");
        NS_TEST_EXPECT_MSG_EQ(unsigned(a.GetPbas()[0].status), 0u, "A's registration status");
        NS_TEST_EXPECT_MSG_EQ(unsigned(a.GetPbas()[1].status), 0u, "A's de-registration status");
        NS_TEST_EXPECT_MSG_EQ(a.GetPbas()[1].lifetime, Seconds(0), "de-registration PBA lifetime");
        PMIPV6_TEST_REQUIRE_EQ(stateAfterDereg.size(), 3, "checks ran");
        NS_TEST_EXPECT_MSG_EQ(stateAfterDereg[0], "DEREGISTERING", "just after de-registration");
        NS_TEST_EXPECT_MSG_EQ(stateAfterDereg[1],
                              "DEREGISTERING",
                              "before MinDelayBeforeBCEDelete");
        NS_TEST_EXPECT_MSG_EQ(stateAfterDereg[2], "gone", "after MinDelayBeforeBCEDelete");
        NS_TEST_EXPECT_MSG_EQ(rec.EventsOf(mnId),
                              "created deregistered deleted ",
                              "binding events");
        Time deregAt;
        Time deletedAt;
        for (const auto& e : rec.bindings)
        {
            if (e.mnId == mnId && e.event == "deregistered")
            {
                deregAt = e.at;
            }
            if (e.mnId == mnId && e.event == "deleted")
            {
                deletedAt = e.at;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(deletedAt - deregAt, minDelay, "BCE kept for");
        Simulator::Destroy();
    }
};

// ---------------------------------------------------------------------------

/**
 * RFC 5213 sec. 5.3.1: a PBU without MN-ID, HNP, Handoff Indicator or Access
 * Technology Type option is refused with 160, 158, 161 or 162, and creates
 * no binding; the complete PBU is accepted.
 */
class MissingOptionsTestCase : public SimulationTestCase
{
  public:
    MissingOptionsTestCase()
        : SimulationTestCase("PBU missing MN-ID, HNP, HI or ATT: PBA 160, 158, 161, 162")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(Pmipv6DomainHelper::Parameters());
        Ptr<Pmipv6Lma> lma = domain.GetLmaApp();
        LmaPeer mag(domain, 0, MilliSeconds(5));
        lma->AddTrustedMag(mag.GetAddress());
        LmaRecorder rec(lma);

        std::vector<BindingUpdateHeader> pbus;
        for (uint32_t k = 0; k < 5; ++k)
        {
            pbus.push_back(MakePbu("options" + std::to_string(k) + "@test",
                                   1,
                                   Seconds(60),
                                   Seconds(1.0 + 0.1 * k)));
        }
        pbus[0].GetOptions().mnIdentifier.reset();
        pbus[1].GetOptions().homeNetworkPrefixes.clear();
        pbus[2].GetOptions().handoffIndicator.reset();
        pbus[3].GetOptions().accessTechnologyType.reset();
        // pbus[4] is complete.
        const unsigned expected[] = {BindingAckStatus::MISSING_MN_IDENTIFIER_OPTION,
                                     BindingAckStatus::MISSING_HOME_NETWORK_PREFIX_OPTION,
                                     BindingAckStatus::MISSING_HANDOFF_INDICATOR_OPTION,
                                     BindingAckStatus::MISSING_ACCESS_TECH_TYPE_OPTION,
                                     BindingAckStatus::ACCEPTED};
        std::string before;
        std::string afterRefused;
        Simulator::Schedule(Seconds(0.9),
                            [&]() { before = DescribeBindingCache(lma->GetBindingCache()); });
        for (uint32_t k = 0; k < 5; ++k)
        {
            mag.SendAt(Seconds(1.0 + 0.1 * k), pbus[k]);
        }
        Simulator::Schedule(Seconds(1.35),
                            [&]() { afterRefused = DescribeBindingCache(lma->GetBindingCache()); });
        Simulator::Stop(Seconds(2));
        Simulator::Run();

        const auto& pbas = mag.GetPbas();
        PMIPV6_TEST_REQUIRE_EQ(pbas.size(), 5, "PBAs on the wire");
        for (uint32_t k = 0; k < 5; ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(unsigned(pbas[k].status), expected[k], "PBA " << k);
        }
        NS_TEST_EXPECT_MSG_EQ(afterRefused, before, "a refused PBU changed the binding cache");
        NS_TEST_EXPECT_MSG_EQ(lma->GetBindingCache().GetSize(), 2, "complete PBU registered");
        NS_TEST_EXPECT_MSG_NE(lma->GetBindingCache().Find("options4@test"),
                              nullptr,
                              "complete PBU registered");
        uint32_t fromPeer = 0;
        for (const auto& e : rec.pbas)
        {
            fromPeer += e.proxyCoa == mag.GetAddress();
        }
        NS_TEST_EXPECT_MSG_EQ(fromPeer, 5, "PbaSent events");
        Simulator::Destroy();
    }
};

/**
 * RFC 6275 sec. 9.5.1 with RFC 5213 sec. 5.5: a PBU from the serving MAG
 * whose sequence number is not newer than the last one accepted is a replay,
 * even with a current timestamp (a captured PBU re-stamped): refused with
 * 135 carrying the last accepted number, binding cache unchanged - a
 * replayed registration and a replayed de-registration alike. The MAG's
 * next PBU is accepted.
 */
class ReplayedPbuTestCase : public SimulationTestCase
{
  public:
    ReplayedPbuTestCase()
        : SimulationTestCase("replayed PBU (old sequence number, current timestamp): PBA 135, "
                             "binding cache unchanged")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(Pmipv6DomainHelper::Parameters());
        Ptr<Pmipv6Lma> lma = domain.GetLmaApp();
        LmaPeer mag(domain, 0, MilliSeconds(5));
        lma->AddTrustedMag(mag.GetAddress());
        LmaRecorder rec(lma);
        const std::string mnId = "replay@test";
        BindingCache& cache = lma->GetBindingCache();

        mag.SendAt(Seconds(1.0), MakePbu(mnId, 10, Seconds(60), Seconds(1.0)));
        mag.SendAt(Seconds(1.1), MakePbu(mnId, 11, Seconds(60), Seconds(1.1)));
        std::string before;
        Simulator::Schedule(Seconds(1.15), [&]() { before = DescribeBindingCache(cache); });
        // Replays of sequence numbers 10 and 11, stamped now.
        mag.SendAt(Seconds(1.2), MakePbu(mnId, 10, Seconds(60), Seconds(1.2)));
        mag.SendAt(Seconds(1.25), MakePbu(mnId, 11, Seconds(0), Seconds(1.25)));
        std::string after;
        Simulator::Schedule(Seconds(1.3), [&]() { after = DescribeBindingCache(cache); });
        // The MAG goes on with 12: accepted.
        mag.SendAt(Seconds(1.4), MakePbu(mnId, 12, Seconds(60), Seconds(1.4)));
        Simulator::Stop(Seconds(1.6));
        Simulator::Run();

        const auto& pbas = mag.GetPbas();
        PMIPV6_TEST_REQUIRE_EQ(pbas.size(), 5, "PBAs");
        const unsigned expected[] = {0, 0, 135, 135, 0};
        for (uint32_t k = 0; k < 5; ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(unsigned(pbas[k].status), expected[k], "PBA " << k << " status");
        }
        NS_TEST_EXPECT_MSG_EQ(pbas[2].sequence, 11, "135 carries the last accepted number");
        NS_TEST_EXPECT_MSG_EQ(pbas[3].sequence, 11, "135 carries the last accepted number");
        NS_TEST_EXPECT_MSG_EQ(pbas[2].lifetime, Seconds(0), "refused: no lifetime");
        NS_TEST_EXPECT_MSG_NE(before.find(mnId), std::string::npos, "registered");
        NS_TEST_EXPECT_MSG_EQ(after, before, "a replayed PBU changed the binding cache");
        NS_TEST_EXPECT_MSG_EQ(rec.EventsOf(mnId),
                              "created refreshed refreshed ",
                              "binding events: no de-registration");
        BindingCacheEntry* e = cache.Find(mnId);
        PMIPV6_TEST_REQUIRE_NE(e, nullptr, "binding");
        NS_TEST_EXPECT_MSG_EQ(e->lastSequence, 12, "the next PBU was accepted");
        Simulator::Destroy();
    }
};

class Pmipv6LmaTestSuite : public TestSuite
{
  public:
    Pmipv6LmaTestSuite()
        : TestSuite("pmipv6-lma", SYSTEM)
    {
        AddTestCase(new UntrustedMagTestCase, TestCase::QUICK);
        AddTestCase(new BindingLifetimeTestCase(true), TestCase::QUICK);
        AddTestCase(new BindingLifetimeTestCase(false), TestCase::QUICK);
        AddTestCase(new TimestampOrderingTestCase, TestCase::QUICK);
        AddTestCase(new MissingOptionsTestCase, TestCase::QUICK);
        AddTestCase(new ReplayedPbuTestCase, TestCase::QUICK);
    }
};

Pmipv6LmaTestSuite g_pmipv6LmaTestSuite;

} // namespace
