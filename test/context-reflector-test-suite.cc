// SPDX-License-Identifier: GPL-2.0-only
// Context Reflector (the Context Reflector paper, sec. 3) and uplink
// admission per MN at the LMA: the CCE life cycle (created, reflected,
// turned into a Proxy BCE, revoked at the pMAG, expired, dropped on a wrong
// prediction), the uplink the LMA admits and refuses, and the handover
// measured on packets.

#include "context-reflector.h"
#include "fast-handover-scheme.h"
#include "handover-scenario.h"
#include "ns3/config.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "pmipv6-domain-helper.h"
#include "pmipv6-test-utils.h"

#include <algorithm>

using namespace ns3;
using namespace ns3::pmipv6test;

namespace
{

struct Event
{
    Time at;
    std::string what;
};

/// A domain with Context Reflector on the LMA and every MAG, and what it did.
struct CrDomain
{
    explicit CrDomain(const Pmipv6DomainHelper::Parameters& p, Time contextLifetime = Seconds(1))
    {
        domain.SetLmaExtension("ns3::ContextReflectorLmaExtension");
        domain.GetLmaExtensionFactory().Set("ContextLifetime", TimeValue(contextLifetime));
        domain.SetMagExtensionFactory([](uint32_t) -> Ptr<MagExtension>
                                      { return CreateObject<ContextReflectorMagExtension>(); });
        domain.Build(p);
        lmaExt = DynamicCast<ContextReflectorLmaExtension>(domain.GetLmaApp()->GetExtension());
        lmaExt->TraceConnectWithoutContext("Cce", MakeCallback(&CrDomain::OnCce, this));
        domain.GetLmaApp()->TraceConnectWithoutContext("BriSent",
                                                       MakeCallback(&CrDomain::OnBri, this));
        domain.GetLmaApp()->TraceConnectWithoutContext("BraReceived",
                                                       MakeCallback(&CrDomain::OnBra, this));
        for (uint32_t m = 0; m < p.mags; ++m)
        {
            Mag(m)->TraceConnectWithoutContext("Context",
                                               MakeCallback(&CrDomain::OnContext, this).Bind(m));
        }
    }

    Ptr<ContextReflectorMagExtension> Mag(uint32_t m)
    {
        return DynamicCast<ContextReflectorMagExtension>(domain.GetMagApp(m)->GetExtension());
    }

    void Predict(Time at, uint32_t from, uint32_t to)
    {
        Simulator::Schedule(at,
                            [this, from, to]() {
                                Mag(from)->PredictHandover(domain.GetMnIdentifier(0),
                                                           domain.GetProxyCoa(to));
                            });
    }

    void OnCce(std::string mnId, Ipv6Address pMag, Ipv6Address nMag, std::string event)
    {
        cce.push_back({Simulator::Now(), event});
    }

    void OnBri(std::string mnId, Ipv6Address mag, uint16_t seq, uint8_t trigger)
    {
        bri.push_back({Simulator::Now(), std::to_string(domain.FindMag(mag))});
    }

    void OnBra(std::string mnId, Ipv6Address mag, uint16_t seq, uint8_t status)
    {
        bra.push_back(
            {Simulator::Now(), std::to_string(domain.FindMag(mag)) + ":" + std::to_string(status)});
    }

    void OnContext(uint32_t mag, std::string mnId, std::string event)
    {
        context.push_back({Simulator::Now(), std::to_string(mag) + ":" + event});
    }

    static std::string Join(const std::vector<Event>& events)
    {
        std::string s;
        for (const auto& e : events)
        {
            s += (s.empty() ? "" : ",") + e.what;
        }
        return s;
    }

    Pmipv6DomainHelper domain;
    Ptr<ContextReflectorLmaExtension> lmaExt;
    std::vector<Event> cce;
    std::vector<Event> bri;
    std::vector<Event> bra;
    std::vector<Event> context;
};

Pmipv6DomainHelper::Parameters
FastCore(uint32_t mags = 2)
{
    Pmipv6DomainHelper::Parameters p;
    p.mags = mags;
    p.rttMagLma = MilliSeconds(10);
    p.dhoL2 = MilliSeconds(20);
    return p;
}

/**
 * Sec. 3.3: the de-registration PBU creates the CCE, the context reaches
 * the nMAG before the MN (DHO,L2 20 ms > RTT_MAG-LMA 10 ms), the nMAG's
 * PBU turns the CCE into a Proxy BCE, and the pMAG's state is revoked
 * with a BRI that it acknowledges (BRA status 0).
 */
class CceLifeCycleTestCase : public SimulationTestCase
{
  public:
    CceLifeCycleTestCase()
        : SimulationTestCase("CCE created, reflected, registered; pMAG revoked by BRI and BRA")
    {
    }

  private:
    void DoRun() override
    {
        CrDomain d(FastCore());
        d.Predict(Seconds(1), 0, 1);
        d.domain.ScheduleHandover(0, Seconds(1.04), 1);
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(CrDomain::Join(d.cce), "created,registered", "CCE events");
        PMIPV6_TEST_REQUIRE_EQ(d.cce.size(), 2, "CCE events");
        // The nMAG's PBA and the pMAG's BRI leave the LMA together and
        // travel equal links: their order of arrival is not specified.
        std::vector<Event> last(d.context.begin() + std::min<size_t>(3, d.context.size()),
                                d.context.end());
        std::sort(last.begin(),
                  last.end(),
                  [](const Event& a, const Event& b) { return a.what < b.what; });
        d.context.resize(std::min<size_t>(3, d.context.size()));
        NS_TEST_EXPECT_MSG_EQ(CrDomain::Join(d.context),
                              "0:predicted,0:sent,1:reflection-received",
                              "MAG context events");
        NS_TEST_EXPECT_MSG_EQ(CrDomain::Join(last), "0:revoked,1:registered", "then");
        // The CCE exists from the de-registration PBU's arrival (RTT/2
        // after the link loss, plus the access hop) to the nMAG's PBU.
        NS_TEST_EXPECT_MSG_EQ((d.cce[0].at > Seconds(1.04)), true, "created after the link loss");
        NS_TEST_EXPECT_MSG_EQ((d.cce[0].at < Seconds(1.06)), true, "created before the attach");
        const Time attach = d.domain.GetL2Handovers().back().attached;
        PMIPV6_TEST_REQUIRE_EQ(d.context.size(), 3, "context events");
        NS_TEST_EXPECT_MSG_EQ((d.context[2].at < attach), true, "context before the MN");
        NS_TEST_EXPECT_MSG_EQ((d.cce[1].at > attach), true, "CCE ends with the nMAG's PBU");
        NS_TEST_EXPECT_MSG_EQ(CrDomain::Join(d.bri), "0", "one BRI, to the pMAG");
        NS_TEST_EXPECT_MSG_EQ(CrDomain::Join(d.bra), "0:0", "BRA from the pMAG, status 0");
        NS_TEST_EXPECT_MSG_EQ(d.lmaExt->HasCce(d.domain.GetMnIdentifier(0)), false, "no CCE left");
        auto problems = d.domain.CheckBindings();
        NS_TEST_EXPECT_MSG_EQ(problems.size(), 0, (problems.empty() ? "" : problems[0]));
    }
};

/**
 * Sec. 3.5.1: the context expires with its lifetime even mid-handover. A
 * 5 ms context and a 50 ms L2 handover: the CCE and the nMAG's context are
 * gone before the MN attaches; the nMAG then registers the MN normally.
 */
class CceExpiryTestCase : public SimulationTestCase
{
  public:
    CceExpiryTestCase()
        : SimulationTestCase("CCE and reflected context expire mid-handover; normal registration")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper::Parameters p = FastCore();
        p.dhoL2 = MilliSeconds(50);
        CrDomain d(p, MilliSeconds(5));
        d.Predict(Seconds(1), 0, 1);
        d.domain.ScheduleHandover(0, Seconds(1.04), 1);
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(CrDomain::Join(d.cce), "created,expired", "CCE events");
        NS_TEST_EXPECT_MSG_EQ(CrDomain::Join(d.context),
                              "0:predicted,0:sent,1:reflection-received,1:expired",
                              "MAG context events");
        const Time attach = d.domain.GetL2Handovers().back().attached;
        PMIPV6_TEST_REQUIRE_EQ(d.cce.size(), 2, "CCE events");
        NS_TEST_EXPECT_MSG_EQ((d.cce[1].at < attach), true, "expired before the attach");
        NS_TEST_EXPECT_MSG_EQ(d.bri.size(), 0, "no revocation without a CCE");
        auto problems = d.domain.CheckBindings();
        NS_TEST_EXPECT_MSG_EQ(problems.size(), 0, (problems.empty() ? "" : problems[0]));
    }
};

/**
 * A wrong prediction: the pMAG names MAG 2, the MN turns up at MAG 1,
 * which registers normally. The CCE is dropped ("wrong-prediction") and
 * the context reflected to MAG 2 is revoked with a BRI.
 */
class WrongPredictionTestCase : public SimulationTestCase
{
  public:
    WrongPredictionTestCase()
        : SimulationTestCase("wrong prediction: CCE dropped, reflected context revoked")
    {
    }

  private:
    void DoRun() override
    {
        CrDomain d(FastCore(3));
        d.Predict(Seconds(1), 0, 2);
        d.domain.ScheduleHandover(0, Seconds(1.04), 1);
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(CrDomain::Join(d.cce), "created,wrong-prediction", "CCE events");
        NS_TEST_EXPECT_MSG_EQ(CrDomain::Join(d.bri), "0,2", "BRIs to the pMAG and to MAG 2");
        NS_TEST_EXPECT_MSG_EQ(CrDomain::Join(d.bra), "0:0,2:0", "both acknowledged");
        NS_TEST_EXPECT_MSG_EQ(CrDomain::Join(d.context),
                              "0:predicted,0:sent,2:reflection-received,0:revoked,2:revoked",
                              "MAG context events");
        auto problems = d.domain.CheckBindings();
        NS_TEST_EXPECT_MSG_EQ(problems.size(), 0, (problems.empty() ? "" : problems[0]));
    }
};

/**
 * Uplink admission per MN (RFC 5213 5.6.2; the Context Reflector paper,
 * sec. 2.2 and 3.4). After a handover MAG 0 -> MAG 1, the old MAG tunnels
 * one more uplink packet of the MN to the LMA. Plain PMIPv6 refuses it
 * (DataDrop uplink-not-admitted; before admission per MN it was taken for
 * a 1 s grace period); FPMIPv6/RFC 5949's RelayedUplinkLmaExtension admits
 * it (UplinkAdmitted). Under Context Reflector, while the CCE lives, the
 * LMA admits such packets from both the pMAG and the nMAG. Under the Fast
 * Handover Scheme the pMAG's uplink is refused once the Fast PBU has moved
 * the binding, while the MN is still there (sec. 4.3.2).
 */
class UplinkAdmissionTestCase : public SimulationTestCase
{
  public:
    /// \p scheme "pmipv6", "relayed" or "cr"
    explicit UplinkAdmissionTestCase(const std::string& scheme)
        : SimulationTestCase("uplink admission per MN: " + scheme)
        , m_scheme(scheme)
    {
    }

  private:
    /// Tunnel one uplink packet of MN 0 (to the CN) from MAG \p mag to the LMA.
    static void SendUplink(Pmipv6DomainHelper* d, uint32_t mag)
    {
        Ipv6Header inner;
        inner.SetSource(d->GetMnHomeAddress(0));
        inner.SetDestination(d->GetCnAddress());
        inner.SetNextHeader(59);
        inner.SetHopLimit(64);
        inner.SetPayloadLength(8);
        Ptr<Packet> p = Create<Packet>(8);
        p->AddHeader(inner);
        d->GetMag(mag)->GetObject<Ipv6L3Protocol>()->Send(p,
                                                          d->GetProxyCoa(mag),
                                                          d->GetLmaAddress(),
                                                          Ipv6TunnelL4Protocol::PROT_NUMBER,
                                                          nullptr);
    }

    void DoRun() override
    {
        Pmipv6DomainHelper::Parameters p = FastCore();
        std::unique_ptr<CrDomain> cr;
        Pmipv6DomainHelper plain;
        Pmipv6DomainHelper* d = &plain;
        Time sendAt;
        if (m_scheme == "cr")
        {
            p.dhoL2 = MilliSeconds(100); // a long gap: the CCE lives from ~1.046 s to ~1.15 s
            cr = std::make_unique<CrDomain>(p);
            d = &cr->domain;
            cr->Predict(Seconds(1), 0, 1);
            sendAt = Seconds(1.1);
        }
        else if (m_scheme == "fhs")
        {
            // The Fast PBU (sent at 1 s) moves the binding at 1.005 s; the MN
            // is still at MAG 0 until 1.04 s, and MAG 0 tunnels its uplink.
            plain.SetLmaExtension("ns3::FastHandoverSchemeLmaExtension");
            plain.SetMagExtensionFactory(
                [](uint32_t) -> Ptr<MagExtension>
                { return CreateObject<FastHandoverSchemeMagExtension>(); });
            plain.Build(p);
            Simulator::Schedule(Seconds(1),
                                [&plain]()
                                {
                                    DynamicCast<FastHandoverSchemeMagExtension>(
                                        plain.GetMagApp(0)->GetExtension())
                                        ->PredictHandover(plain.GetMnIdentifier(0),
                                                          plain.GetProxyCoa(1));
                                });
            sendAt = Seconds(1.02);
        }
        else
        {
            if (m_scheme == "relayed")
            {
                plain.SetLmaExtension("ns3::RelayedUplinkLmaExtension");
            }
            plain.Build(p);
            sendAt = Seconds(1.5); // the new MAG registered at ~1.07 s
        }
        d->ScheduleHandover(0, Seconds(1.04), 1);
        uint32_t notAdmitted = 0;
        uint32_t admitted = 0;
        d->GetLmaApp()->TraceConnectWithoutContext("DataDrop",
                                                   MakeCallback(+[](uint32_t* n,
                                                                    Ptr<const Packet>,
                                                                    Pmipv6Lma::DataDropReason r) {
                                                       *n += r == Pmipv6Lma::UPLINK_NOT_ADMITTED;
                                                   }).Bind(&notAdmitted));
        d->GetLmaApp()->TraceConnectWithoutContext("UplinkAdmitted",
                                                   MakeCallback(+[](uint32_t* n,
                                                                    Ptr<const Packet>,
                                                                    std::string,
                                                                    Ipv6Address) {
                                                       ++*n;
                                                   }).Bind(&admitted));
        uint32_t atCn = 0;
        d->GetCn()
            ->GetObject<Ipv6L3Protocol>()
            ->TraceConnectWithoutContext("Rx",
                                         MakeCallback(+[](uint32_t* n,
                                                          Ptr<const Packet> p,
                                                          Ptr<Ipv6>,
                                                          uint32_t)
                                                      {
                                                          Ipv6Header ip;
                                                          p->PeekHeader(ip);
                                                          *n += ip.GetNextHeader() == 59;
                                                      })
                                             .Bind(&atCn));
        Simulator::Schedule(sendAt, &SendUplink, d, 0);
        if (m_scheme == "cr")
        {
            Simulator::Schedule(sendAt, &SendUplink, d, 1);
        }
        Simulator::Stop(Seconds(2));
        Simulator::Run();

        if (m_scheme == "pmipv6" || m_scheme == "fhs")
        {
            NS_TEST_EXPECT_MSG_EQ(notAdmitted, 1, "the old MAG's uplink is refused");
            NS_TEST_EXPECT_MSG_EQ(atCn, 0, "nothing reached the CN");
        }
        else if (m_scheme == "relayed")
        {
            NS_TEST_EXPECT_MSG_EQ(notAdmitted, 0, "nothing refused");
            NS_TEST_EXPECT_MSG_EQ(admitted, 1, "admitted by the allowance");
            NS_TEST_EXPECT_MSG_EQ(atCn, 1, "the CN got it");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(CrDomain::Join(cr->cce), "created,registered", "CCE events");
            PMIPV6_TEST_REQUIRE_EQ(cr->cce.size(), 2, "CCE events");
            NS_TEST_EXPECT_MSG_EQ((cr->cce[0].at < sendAt && sendAt < cr->cce[1].at),
                                  true,
                                  "sent while the CCE lived");
            NS_TEST_EXPECT_MSG_EQ(notAdmitted, 0, "nothing refused");
            NS_TEST_EXPECT_MSG_EQ(admitted, 2, "admitted from both MAGs");
            NS_TEST_EXPECT_MSG_EQ(atCn, 2, "the CN got both");
        }
    }

    std::string m_scheme;
};

/**
 * The handover measured on probe packets (HandoverScenario, ideal access,
 * DHO,L2 20 ms, RTT_MAG-AP 5 ms, 1 ms probes). With DHO,L2 > RTT_MAG-LMA
 * + processing, Context Reflector with downlink forwarding has a handover
 * latency of DHO,L2 + RTT_MAG-AP/2 (the last hop), whatever RTT_MAG-LMA
 * (4 or 10 ms), while PMIPv6's is DHO,L2 + RTT_MAG-LMA + RTT_MAG-AP/2. Its
 * downlink loss is what the LMA sent toward the pMAG before the
 * de-registration PBU arrived: RTT_MAG-AP (detach seen, sent) +
 * RTT_MAG-LMA. Its uplink loss is only what the MN sent with no link
 * (DHO,L2 + RTT_MAG-AP/2): the LMA admits the rest from either MAG.
 */
class MeasuredHandoverTestCase : public SimulationTestCase
{
  public:
    MeasuredHandoverTestCase()
        : SimulationTestCase("measured: CR latency = DHO,L2 independent of RTT_MAG-LMA")
    {
    }

  private:
    void DoRun() override
    {
        for (double rl : {4.0, 10.0})
        {
            for (std::string scheme : {"cr", "pmipv6"})
            {
                HandoverScenario::Config c;
                c.scheme = scheme;
                c.crDownlink = "forward";
                c.domain.dhoL2 = MilliSeconds(20);
                c.domain.rttMagLma = MicroSeconds(rl * 1000);
                c.domain.rttMagAp = MilliSeconds(5);
                c.tpred = MilliSeconds(40);
                c.handovers = 3;
                const double tolerance = 2.5 + 2 * 1.0; // RTT_MAG-AP/2 + 2 probe intervals
                HandoverScenario scenario(c);
                for (const auto& r : scenario.Run())
                {
                    std::ostringstream where;
                    where << scheme << " Rl " << rl << " " << r.direction << " ho " << r.handover;
                    if (r.direction == "down")
                    {
                        double expected = scheme == "cr" ? 20 + 2.5 : 20 + rl + 2.5;
                        NS_TEST_EXPECT_MSG_EQ_TOL(r.metrics.latencyMs,
                                                  expected,
                                                  tolerance,
                                                  where.str() << " latency");
                        if (scheme == "cr")
                        {
                            NS_TEST_EXPECT_MSG_EQ_TOL(r.metrics.lossPeriodMs,
                                                      5 + rl,
                                                      tolerance,
                                                      where.str() << " loss period");
                        }
                    }
                    else if (scheme == "cr")
                    {
                        NS_TEST_EXPECT_MSG_EQ_TOL(r.metrics.lossPeriodMs,
                                                  20 + 2.5,
                                                  tolerance,
                                                  where.str() << " uplink loss period");
                    }
                }
            }
        }
    }
};

/**
 * The Context Reflector paper, sec. 5.2: with its processing times (276.7
 * us at the MAG from the attach to the PBU, 597.8 us at the LMA from the
 * PBU to the PBA, 803.1 us at the MAG from the PBA to the RA) PMIPv6's
 * handover latency is DHO,L2 + RTT_MAG-LMA + 1.6776 ms, plus the last hop
 * RTT_MAG-AP/2, at several RTT_MAG-LMA values (0.1 ms probes), and the
 * --phases breakdown shows each processing time where it belongs.
 */
class ProcessingTimesTestCase : public SimulationTestCase
{
  public:
    ProcessingTimesTestCase()
        : SimulationTestCase("PMIPv6 latency = DHO,L2 + RTT_MAG-LMA + 1.6776 ms (+ last hop)")
    {
    }

  private:
    void DoRun() override
    {
        Config::SetDefault("ns3::Pmipv6Mag::AttachProcessingDelay", TimeValue(NanoSeconds(276700)));
        Config::SetDefault("ns3::Pmipv6Lma::PbuProcessingDelay", TimeValue(NanoSeconds(597800)));
        Config::SetDefault("ns3::Pmipv6Mag::PbaProcessingDelay", TimeValue(NanoSeconds(803100)));
        for (double rl : {0.0, 10.0, 30.0, 50.0})
        {
            HandoverScenario::Config c;
            c.domain.dhoL2 = MilliSeconds(20);
            c.domain.rttMagLma = MicroSeconds(rl * 1000);
            c.domain.rttMagAp = MilliSeconds(5);
            c.packetInterval = MicroSeconds(100);
            c.handovers = 2;
            c.phases = true;
            HandoverScenario scenario(c);
            auto results = scenario.Run();
            std::ostringstream csv;
            scenario.WriteCsv(csv, results);
            for (const auto& r : results)
            {
                if (r.direction != "down")
                {
                    continue;
                }
                NS_TEST_EXPECT_MSG_EQ_TOL(r.metrics.latencyMs,
                                          20 + rl + 1.6776 + 2.5,
                                          2.5 + 0.2,
                                          "Rl " << rl << " latency");
            }
            // The phases: 0.2767, RTT + 0.5978 (+ transmission), 0.8031, ...
            std::string line = csv.str().substr(0, csv.str().find('\n'));
            NS_TEST_EXPECT_MSG_EQ((line.find(",0.2767,") != std::string::npos),
                                  true,
                                  "attach -> PBU in " << line);
            NS_TEST_EXPECT_MSG_EQ((line.find(",0.8031,") != std::string::npos),
                                  true,
                                  "PBA -> RA in " << line);
        }
        Config::SetDefault("ns3::Pmipv6Mag::AttachProcessingDelay", TimeValue(Seconds(0)));
        Config::SetDefault("ns3::Pmipv6Lma::PbuProcessingDelay", TimeValue(Seconds(0)));
        Config::SetDefault("ns3::Pmipv6Mag::PbaProcessingDelay", TimeValue(Seconds(0)));
    }
};

/**
 * The AAA server (the Context Reflector paper, sec. 2.2): a MAG asks it
 * before the PBU exactly when it holds no context for the attaching MN.
 * PMIPv6: the new MAG asks, and its PBU leaves aaaRtt (20 ms) after the
 * attach. Context Reflector: the nMAG got the context and does not ask;
 * with a wrong prediction the MAG reached (no context) asks, the predicted
 * one (context, but no MN) does not.
 */
class AaaTestCase : public SimulationTestCase
{
  public:
    explicit AaaTestCase(const std::string& variant)
        : SimulationTestCase("AAA queried exactly without context: " + variant)
        , m_variant(variant)
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper::Parameters p = FastCore(m_variant == "cr-wrong" ? 3 : 2);
        p.aaaRtt = MilliSeconds(20);
        std::unique_ptr<CrDomain> cr;
        Pmipv6DomainHelper plain;
        Pmipv6DomainHelper* d = &plain;
        if (m_variant == "pmipv6")
        {
            plain.Build(p);
        }
        else
        {
            cr = std::make_unique<CrDomain>(p);
            d = &cr->domain;
            cr->Predict(Seconds(1), 0, m_variant == "cr" ? 1 : 2);
        }
        d->ScheduleHandover(0, Seconds(1.04), 1);
        std::vector<std::vector<Time>> requests(p.mags);
        std::vector<std::vector<Time>> pbus(p.mags);
        for (uint32_t m = 0; m < p.mags; ++m)
        {
            d->GetMagApp(m)->TraceConnectWithoutContext("AaaRequestSent",
                                                        MakeCallback(+[](std::vector<Time>* out,
                                                                         std::string,
                                                                         uint8_t) {
                                                            out->push_back(Simulator::Now());
                                                        }).Bind(&requests[m]));
            d->GetMagApp(m)->TraceConnectWithoutContext("PbuSent",
                                                        MakeCallback(
                                                            +[](std::vector<Time>* out,
                                                                std::string,
                                                                uint16_t,
                                                                Time lifetime)
                                                            {
                                                                if (lifetime.IsStrictlyPositive())
                                                                {
                                                                    out->push_back(
                                                                        Simulator::Now());
                                                                }
                                                            })
                                                            .Bind(&pbus[m]));
        }
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        const Time attach = d->GetL2Handovers().back().attached;
        NS_TEST_EXPECT_MSG_EQ(requests[0].size(), 1, "MAG 0: the first attach (no context)");
        PMIPV6_TEST_REQUIRE_EQ(pbus[1].empty(), false, "MAG 1 registered the MN");
        if (m_variant == "cr")
        {
            NS_TEST_EXPECT_MSG_EQ(requests[1].size(), 0, "MAG 1 holds the context: no query");
            NS_TEST_EXPECT_MSG_EQ(pbus[1].front(), attach, "PBU at the attach");
        }
        else
        {
            PMIPV6_TEST_REQUIRE_EQ(requests[1].size(), 1, "MAG 1 has no context: one query");
            NS_TEST_EXPECT_MSG_EQ(requests[1].front(), attach, "query at the attach");
            NS_TEST_EXPECT_MSG_EQ_TOL(pbus[1].front(),
                                      attach + MilliSeconds(20),
                                      MicroSeconds(10),
                                      "PBU after the answer (one AAA RTT)");
        }
        if (m_variant == "cr-wrong")
        {
            NS_TEST_EXPECT_MSG_EQ(requests[2].size(), 0, "MAG 2 (predicted) never saw the MN");
        }
        auto problems = d->CheckBindings();
        NS_TEST_EXPECT_MSG_EQ(problems.size(), 0, (problems.empty() ? "" : problems[0]));
    }

    std::string m_variant;
};

class ContextReflectorTestSuite : public TestSuite
{
  public:
    ContextReflectorTestSuite()
        : TestSuite("context-reflector", SYSTEM)
    {
        AddTestCase(new CceLifeCycleTestCase, TestCase::QUICK);
        AddTestCase(new CceExpiryTestCase, TestCase::QUICK);
        AddTestCase(new WrongPredictionTestCase, TestCase::QUICK);
        AddTestCase(new UplinkAdmissionTestCase("pmipv6"), TestCase::QUICK);
        AddTestCase(new UplinkAdmissionTestCase("relayed"), TestCase::QUICK);
        AddTestCase(new UplinkAdmissionTestCase("cr"), TestCase::QUICK);
        AddTestCase(new UplinkAdmissionTestCase("fhs"), TestCase::QUICK);
        AddTestCase(new MeasuredHandoverTestCase, TestCase::QUICK);
        AddTestCase(new ProcessingTimesTestCase, TestCase::QUICK);
        AddTestCase(new AaaTestCase("pmipv6"), TestCase::QUICK);
        AddTestCase(new AaaTestCase("cr"), TestCase::QUICK);
        AddTestCase(new AaaTestCase("cr-wrong"), TestCase::QUICK);
    }
};

ContextReflectorTestSuite g_contextReflectorTestSuite;

} // namespace
