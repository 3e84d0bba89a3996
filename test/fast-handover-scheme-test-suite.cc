// SPDX-License-Identifier: GPL-2.0-only
// The Fast Handover Scheme (the Context Reflector paper, sec. 4.2, 4.3.2):
// its message exchange, the move of the binding, the nMAG's buffer, the
// uplink the LMA refuses from the pMAG, and a wrong prediction.

#include "fast-handover-scheme.h"
#include "handover-scenario.h"
#include "ns3/enum.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "pmipv6-domain-helper.h"
#include "pmipv6-test-utils.h"

using namespace ns3;
using namespace ns3::pmipv6test;

namespace
{

/// A domain with the Fast Handover Scheme, and the messages it traced.
struct FhsDomain
{
    explicit FhsDomain(uint32_t mags,
                       FastHandoverSchemeLmaExtension::SwitchOn switchOn =
                           FastHandoverSchemeLmaExtension::ON_FAST_PBU)
    {
        Pmipv6DomainHelper::Parameters p;
        p.mags = mags;
        p.rttMagLma = MilliSeconds(10);
        p.dhoL2 = MilliSeconds(20);
        domain.SetLmaExtension("ns3::FastHandoverSchemeLmaExtension");
        domain.GetLmaExtensionFactory().Set("SwitchOn", EnumValue(switchOn));
        domain.SetMagExtensionFactory([](uint32_t) -> Ptr<MagExtension>
                                      { return CreateObject<FastHandoverSchemeMagExtension>(); });
        domain.Build(p);
        domain.GetLmaApp()
            ->GetExtension()
            ->TraceConnectWithoutContext("Message",
                                         MakeCallback(&FhsDomain::OnMessage, this)
                                             .Bind(std::string("lma")));
        for (uint32_t m = 0; m < mags; ++m)
        {
            domain.GetMagApp(m)
                ->GetExtension()
                ->TraceConnectWithoutContext("Message",
                                             MakeCallback(&FhsDomain::OnMessage, this)
                                                 .Bind("mag" + std::to_string(m)));
        }
        domain.GetLmaApp()->TraceConnectWithoutContext("Binding",
                                                       MakeCallback(&FhsDomain::OnBinding, this));
        domain.GetLmaApp()->TraceConnectWithoutContext("BriSent",
                                                       MakeCallback(&FhsDomain::OnBri, this));
    }

    void Predict(Time at, uint32_t from, uint32_t to)
    {
        Simulator::Schedule(at,
                            [this, from, to]()
                            {
                                DynamicCast<FastHandoverSchemeMagExtension>(
                                    domain.GetMagApp(from)->GetExtension())
                                    ->PredictHandover(domain.GetMnIdentifier(0),
                                                      domain.GetProxyCoa(to));
                            });
    }

    void OnMessage(std::string who,
                   std::string direction,
                   std::string message,
                   std::string mnId,
                   Ipv6Address peer,
                   uint16_t seq,
                   uint8_t status)
    {
        if (direction == "received")
        {
            messages += (messages.empty() ? "" : ",") + who + ":" + message;
        }
    }

    void OnBinding(
        std::string mnId, Ipv6Address prefix, Ipv6Address from, Ipv6Address to, std::string event)
    {
        if (event == "handover")
        {
            moves.push_back({Simulator::Now(), domain.FindMag(to)});
        }
    }

    void OnBri(std::string mnId, Ipv6Address mag, uint16_t seq, uint8_t trigger)
    {
        revoked.push_back(domain.FindMag(mag));
    }

    Pmipv6DomainHelper domain;
    std::string messages;
    std::vector<std::pair<Time, int>> moves;
    std::vector<int> revoked;
};

/**
 * Fig. 11: Fast PBU / Fast PBA between the pMAG and the LMA, Reverse PBU /
 * Reverse PBA between the LMA and the nMAG. The binding moves to the nMAG
 * when the Fast PBU arrives (sec. 4.3.2), or when the Reverse PBA does
 * (SwitchOn=ReversePba): RTT_MAG-LMA later.
 */
class FhsExchangeTestCase : public SimulationTestCase
{
  public:
    explicit FhsExchangeTestCase(FastHandoverSchemeLmaExtension::SwitchOn switchOn)
        : SimulationTestCase(std::string("Fast PBU, Fast PBA, Reverse PBU, Reverse PBA; move on ") +
                             (switchOn == FastHandoverSchemeLmaExtension::ON_FAST_PBU
                                  ? "the Fast PBU"
                                  : "the Reverse PBA"))
        , m_switchOn(switchOn)
    {
    }

  private:
    void DoRun() override
    {
        FhsDomain d(2, m_switchOn);
        d.Predict(Seconds(1), 0, 1);
        d.domain.ScheduleHandover(0, Seconds(1.04), 1);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(d.messages,
                              "lma:FastPBU,mag0:FastPBA,mag1:ReversePBU,lma:ReversePBA",
                              "messages received, in order");
        PMIPV6_TEST_REQUIRE_EQ(d.moves.size(), 1, "one move of the binding");
        NS_TEST_EXPECT_MSG_EQ(d.moves[0].second, 1, "to the nMAG");
        // The Fast PBU reaches the LMA RTT_MAG-LMA/2 = 5 ms after the prediction.
        Time expected = m_switchOn == FastHandoverSchemeLmaExtension::ON_FAST_PBU ? Seconds(1.005)
                                                                                  : Seconds(1.015);
        NS_TEST_EXPECT_MSG_EQ_TOL(d.moves[0].first, expected, MicroSeconds(100), "move time");
        auto problems = d.domain.CheckBindings();
        NS_TEST_EXPECT_MSG_EQ(problems.size(), 0, (problems.empty() ? "" : problems[0]));
    }

    FastHandoverSchemeLmaExtension::SwitchOn m_switchOn;
};

/// A wrong prediction: the MN turns up at MAG 1, which registers it; the
/// binding the LMA had moved to MAG 2 is revoked there with a BRI.
class FhsWrongPredictionTestCase : public SimulationTestCase
{
  public:
    FhsWrongPredictionTestCase()
        : SimulationTestCase("wrong prediction: the predicted MAG's binding is revoked")
    {
    }

  private:
    void DoRun() override
    {
        FhsDomain d(3);
        d.Predict(Seconds(1), 0, 2);
        d.domain.ScheduleHandover(0, Seconds(1.04), 1);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        PMIPV6_TEST_REQUIRE_EQ(d.moves.size(), 2, "moved to MAG 2, then to MAG 1");
        NS_TEST_EXPECT_MSG_EQ(d.moves[0].second, 2, "first the predicted MAG");
        NS_TEST_EXPECT_MSG_EQ(d.moves[1].second, 1, "then the MAG reached");
        PMIPV6_TEST_REQUIRE_EQ(d.revoked.size(), 1, "one BRI");
        NS_TEST_EXPECT_MSG_EQ(d.revoked[0], 2, "to the predicted MAG");
        auto problems = d.domain.CheckBindings();
        NS_TEST_EXPECT_MSG_EQ(problems.size(), 0, (problems.empty() ? "" : problems[0]));
    }
};

/**
 * Measured on probe packets (ideal access, DHO,L2 20 ms, RTT_MAG-LMA 10 ms,
 * RTT_MAG-AP 5 ms, 1 ms probes). With Tpred >= RTT_MAG-LMA +
 * RTT_MAG-AP/2 no downlink packet is lost (the nMAG holds them). The
 * uplink the MN sends from Tpred + RTT_MAG-AP/2 before the link loss is
 * refused by the LMA (it arrives after the Fast PBU moved the binding), and
 * what it sends during the L2 handover is lost on the air: the uplink loss
 * period is Tpred + RTT_MAG-AP/2 + DHO,L2, growing with Tpred.
 */
class FhsMeasuredTestCase : public SimulationTestCase
{
  public:
    FhsMeasuredTestCase()
        : SimulationTestCase(
              "measured: no downlink loss; uplink loss = Tpred + half RTT_MAG-AP + DHO,L2")
    {
    }

  private:
    void DoRun() override
    {
        for (double tp : {15.0, 40.0})
        {
            HandoverScenario::Config c;
            c.scheme = "fhs";
            c.domain.dhoL2 = MilliSeconds(20);
            c.domain.rttMagLma = MilliSeconds(10);
            c.domain.rttMagAp = MilliSeconds(5);
            c.tpred = MicroSeconds(tp * 1000);
            c.handovers = 3;
            HandoverScenario scenario(c);
            auto results = scenario.Run();
            NS_TEST_EXPECT_MSG_EQ(results.size(), 6, "3 handovers, 2 directions");
            for (const auto& r : results)
            {
                std::ostringstream where;
                where << "Tpred " << tp << " " << r.direction << " ho " << r.handover;
                if (r.direction == "down")
                {
                    NS_TEST_EXPECT_MSG_EQ(r.metrics.lostPackets, 0, where.str() << " lost");
                }
                else
                {
                    NS_TEST_EXPECT_MSG_EQ_TOL(r.metrics.lossPeriodMs,
                                              tp + 2.5 + 20,
                                              2.0,
                                              where.str() << " uplink loss period");
                }
            }
        }
    }
};

class FastHandoverSchemeTestSuite : public TestSuite
{
  public:
    FastHandoverSchemeTestSuite()
        : TestSuite("fast-handover-scheme", SYSTEM)
    {
        AddTestCase(new FhsExchangeTestCase(FastHandoverSchemeLmaExtension::ON_FAST_PBU),
                    TestCase::QUICK);
        AddTestCase(new FhsExchangeTestCase(FastHandoverSchemeLmaExtension::ON_REVERSE_PBA),
                    TestCase::QUICK);
        AddTestCase(new FhsWrongPredictionTestCase, TestCase::QUICK);
        AddTestCase(new FhsMeasuredTestCase, TestCase::QUICK);
    }
};

FastHandoverSchemeTestSuite g_fastHandoverSchemeTestSuite;

} // namespace
