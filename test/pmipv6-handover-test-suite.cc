// SPDX-License-Identifier: GPL-2.0-only
/*
 * System tests of PMIPv6 handovers on ideal access (RFC 5213; the FPMIPv6 paper
 * sec. 4): the mobile node keeps its address, the binding follows it, the
 * measured handover latency and loss match the closed form and the exact
 * packet-level values, TCP survives, and many nodes hand over at once.
 */
#include "handover-measurement-helper.h"
#include "handover-scenario.h"
#include "pmipv6-domain-helper.h"
#include "pmipv6-test-utils.h"

#include "ns3/bulk-send-application.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/packet-sink.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <sstream>

using namespace ns3;
using namespace ns3::pmipv6test;

namespace
{

double
Ms(Time t)
{
    return t.GetSeconds() * 1e3;
}

/**
 * The packets of a flow sent every \p intervalMs at phase + k x interval that
 * fall strictly inside (loMs, hiMs). A bound closer than \p guardMs to a
 * send instant is decided by microseconds of serialization and by the order
 * of simultaneous events, so it may count either way: \p ambiguous says how
 * many such bounds there are (the true count is n .. n + ambiguous).
 */
struct GridCount
{
    int64_t n;
    int ambiguous;
};

GridCount
CountSendsInside(double phaseMs, double intervalMs, double loMs, double hiMs, double guardMs)
{
    // Sends clear of both bounds by the guard are certain...
    int64_t first = static_cast<int64_t>(std::ceil((loMs + guardMs - phaseMs) / intervalMs));
    int64_t last = static_cast<int64_t>(std::floor((hiMs - guardMs - phaseMs) / intervalMs));
    GridCount c{std::max<int64_t>(0, last - first + 1), 0};
    // ... a send within the guard of a bound may go either way.
    for (double bound : {loMs, hiMs})
    {
        double nearest = phaseMs + std::round((bound - phaseMs) / intervalMs) * intervalMs;
        if (std::abs(nearest - bound) < guardMs)
        {
            c.ambiguous++;
        }
    }
    return c;
}

// ---------------------------------------------------------------------------

/**
 * RFC 5213 sec. 6.9.3 / the OAI PMIPv6 testbed paper: with every MAG showing the same link-local
 * and MAC on the access link and advertising the MN's own HNP, the MN keeps
 * exactly one global address, its HNP-based one, across handovers; and the
 * LMA's binding points at the serving MAG after each.
 */
class AddressContinuityTestCase : public SimulationTestCase
{
  public:
    AddressContinuityTestCase()
        : SimulationTestCase("MN keeps its one HNP address across 3 handovers; BCE follows the MAG")
    {
    }

  private:
    void Check(Pmipv6DomainHelper& domain, uint32_t round)
    {
        Ipv6Address home = domain.GetMnHomeAddress(0);
        m_homes.push_back(home);
        std::vector<Ipv6Address> global = GlobalAddresses(domain.GetMn(0));
        std::ostringstream where;
        where << "check " << round << " at " << Simulator::Now().As(Time::MS);
        NS_TEST_EXPECT_MSG_EQ(home.IsAny(), false, where.str() << ": MN not registered");
        NS_TEST_EXPECT_MSG_EQ(global.size(), 1, where.str() << ": MN global addresses");
        if (!global.empty())
        {
            m_addresses.push_back(global.front());
            NS_TEST_EXPECT_MSG_EQ(global.front(), home, where.str() << ": not the HNP address");
        }
        BindingCacheEntry* e =
            domain.GetLmaApp()->GetBindingCache().Find(domain.GetMnIdentifier(0));
        NS_TEST_EXPECT_MSG_NE(e, nullptr, where.str() << ": no binding");
        if (e)
        {
            uint32_t serving = domain.GetServingMag(0);
            NS_TEST_EXPECT_MSG_EQ(e->proxyCoa,
                                  domain.GetProxyCoa(serving),
                                  where.str() << ": Proxy-CoA is not MAG " << serving << "'s");
            NS_TEST_EXPECT_MSG_EQ((e->state == BindingCacheEntry::REGISTERED),
                                  true,
                                  where.str() << ": binding not REGISTERED");
        }
    }

    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        Pmipv6DomainHelper::Parameters p;
        p.mags = 3;
        domain.Build(p);
        // 0 -> 1 -> 2 -> 0; each check once the handover has settled
        // (DHO,L2 + RTT_MAG-LMA + RTT_MAG-AP = 46 ms, checked 200 ms later).
        const uint32_t targets[] = {1, 2, 0};
        Simulator::Schedule(MilliSeconds(900),
                            &AddressContinuityTestCase::Check,
                            this,
                            std::ref(domain),
                            0);
        for (uint32_t k = 0; k < 3; ++k)
        {
            Time lost = MilliSeconds(1000 + 500 * k);
            domain.ScheduleHandover(0, lost, targets[k]);
            Simulator::Schedule(lost + MilliSeconds(200),
                                &AddressContinuityTestCase::Check,
                                this,
                                std::ref(domain),
                                k + 1);
        }
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        PMIPV6_TEST_REQUIRE_EQ(m_homes.size(), 4, "checks did not all run");
        NS_TEST_EXPECT_MSG_EQ(domain.GetL2Handovers().size(), 3, "handovers done");
        for (uint32_t k = 1; k < m_homes.size(); ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(m_homes[k], m_homes[0], "home address changed at check " << k);
        }
        for (uint32_t k = 1; k < m_addresses.size(); ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(m_addresses[k],
                                  m_addresses[0],
                                  "MN address changed at check " << k);
        }
        Simulator::Destroy();
    }

    std::vector<Ipv6Address> m_homes;
    std::vector<Ipv6Address> m_addresses;
};

// ---------------------------------------------------------------------------

/**
 * PMIPv6 handover measured on ideal links against the FPMIPv6 paper's closed form
 * (REFERENCE.md sec. 1) and against the exact packet-level count.
 *
 * Closed form: dHO = D + Rl, lHO = D + Ra + Rl. Tolerance Ra/2 + 2 intervals:
 * the model leaves out the last access hop (Ra/2) and a measure on a packet
 * grid is off by up to an interval at each end.
 *
 * Exact values. t0: the old link is lost; c: one-way CN-LMA delay. Every
 * downlink packet takes c + Rl/2 + Ra/2 from the CN to the MN, on either MAG.
 *  - A downlink packet sent at T is lost iff it reaches the MN after t0
 *    (IdealAccessChannel drops frames whose link is gone at arrival):
 *    T > t0 - (c + Rl/2 + Ra/2).
 *  - The new MAG learns of the attach at t0 + D and sends its PBU; the LMA
 *    moves the binding (and its tunnel) when it arrives, t0 + D + Rl/2.
 *    A packet reaching the LMA from then on goes to the new MAG; it gets
 *    there with or after the PBA (same link, PBA sent first), when the new
 *    MAG is REGISTERED, and is delivered: T >= t0 + D + Rl/2 - c.
 *    (The old MAG's de-registration reaches the LMA earlier, at
 *    t0 + Ra/2 + Rl/2, so between the two the LMA drops instead of
 *    tunnelling to the old MAG; either way the packet is lost.)
 *  So the downlink loses the sends inside an open interval of length
 *  D + Rl + Ra/2, i.e. floor or ceil of (D + Rl + Ra/2)/I packets depending
 *  on the handover's phase on the send grid (43 or 44 with the defaults).
 *  Both paths are equally long, so the reception gap is (lost + 1) x I and
 *  dHO = gap - I = lost x I. Against the closed form: dHO comes out Ra/2
 *  above D + Rl (the first packet on the new path still spends Ra/2 from
 *  the new MAG to the MN, REFERENCE.md sec. 2), and lHO Ra/2 below
 *  D + Ra + Rl (only the one-way access hop before t0 loses packets: those
 *  already on the old access link when it goes).
 *  - Uplink: a packet sent by the MN at T is lost iff it arrives at the old
 *    MAG after t0, T > t0 - Ra/2, and until the new MAG is REGISTERED
 *    (PBA at t0 + D + Rl) the new MAG drops uplink: delivered iff
 *    T + Ra/2 >= t0 + D + Rl. Open interval of length exactly D + Rl.
 * The test counts the send instants inside these intervals from the actual
 * t0 of each handover and the phase of the send grid, and requires the
 * measured lost packets to equal that count (allowing the one packet whose
 * fate a boundary within 20 us of it decides), and dHO = lost x I.
 */
class MetricsTestCase : public SimulationTestCase
{
  public:
    MetricsTestCase(double d, double rl, double rm, double ra, uint32_t run = 1)
        : SimulationTestCase(Name(d, rl, rm, ra, run)),
          m_d(d),
          m_rl(rl),
          m_rm(rm),
          m_ra(ra),
          m_run(run)
    {
    }

  private:
    static std::string Name(double d, double rl, double rm, double ra, uint32_t run)
    {
        std::ostringstream s;
        s << "PMIPv6 metrics on ideal links, D=" << d << " Rl=" << rl << " Rm=" << rm
          << " Ra=" << ra << " (ms), run " << run;
        return s.str();
    }

    void DoRun() override
    {
        HandoverScenario::Config c;
        c.scheme = "pmipv6";
        c.domain.access = "ideal";
        c.domain.dhoL2 = MilliSeconds(m_d);
        c.domain.rttMagLma = MilliSeconds(m_rl);
        c.domain.rttMagMag = MilliSeconds(m_rm);
        c.domain.rttMagAp = MilliSeconds(m_ra);
        c.handovers = 3;
        const double interval = Ms(c.packetInterval);
        const double cnLma = Ms(c.domain.cnLmaDelay);
        // The run moves each handover by a random fraction of the interval.
        const uint32_t savedRun = RngSeedManager::GetRun();
        RngSeedManager::SetRun(m_run);
        HandoverScenario scenario(c);
        std::vector<HandoverMeasurementHelper::Result> results = scenario.Run();
        RngSeedManager::SetRun(savedRun);

        PMIPV6_TEST_REQUIRE_EQ(results.size(), 6, "one result per handover and direction");
        const double tolerance = m_ra / 2 + 2 * interval;
        const double guard = 0.02;
        for (const auto& r : results)
        {
            const HandoverMetrics& m = r.metrics;
            const double t0 = Ms(r.l2.linkLost);
            std::ostringstream where;
            where << r.direction << " handover " << r.handover << " t0=" << t0 << "ms";
            NS_TEST_EXPECT_MSG_EQ((m.received > 0), true, where.str() << ": nothing received");
            // The send grid's phase, from the packet that opened the gap.
            const double phase = std::fmod(m.gapStartMs - m.baselineDelayMs, interval);
            GridCount expected{};
            if (r.direction == "down")
            {
                NS_TEST_EXPECT_MSG_EQ_TOL(m.latencyMs,
                                          m_d + m_rl,
                                          tolerance,
                                          where.str() << ": dHO vs D + Rl");
                NS_TEST_EXPECT_MSG_EQ_TOL(m.lossPeriodMs,
                                          m_d + m_ra + m_rl,
                                          tolerance,
                                          where.str() << ": lHO vs D + Ra + Rl");
                NS_TEST_EXPECT_MSG_EQ_TOL(m.baselineDelayMs,
                                          cnLma + m_rl / 2 + m_ra / 2,
                                          0.02,
                                          where.str() << ": one-way delay CN -> MN");
                expected = CountSendsInside(phase,
                                            interval,
                                            t0 - (cnLma + m_rl / 2 + m_ra / 2),
                                            t0 + m_d + m_rl / 2 - cnLma,
                                            guard);
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ_TOL(m.lossPeriodMs,
                                          m_d + m_rl,
                                          2 * interval,
                                          where.str() << ": uplink lHO vs D + Rl");
                expected = CountSendsInside(phase,
                                            interval,
                                            t0 - m_ra / 2,
                                            t0 + m_d + m_rl - m_ra / 2,
                                            guard);
            }
            const int64_t lost = static_cast<int64_t>(m.lostPackets);
            NS_TEST_EXPECT_MSG_EQ((lost >= expected.n && lost <= expected.n + expected.ambiguous),
                                  true,
                                  where.str()
                                      << ": lost " << lost << " packets, derived " << expected.n
                                      << " (+" << expected.ambiguous << " at a boundary)");
            NS_TEST_EXPECT_MSG_EQ_TOL(m.latencyMs,
                                      (lost * interval),
                                      1e-6,
                                      where.str() << ": dHO != lost x interval");
            NS_TEST_EXPECT_MSG_EQ((m.maxExtraDelayMs < 0.01),
                                  true,
                                  where.str() << ": PMIPv6 delays no packet");
        }
        Simulator::Destroy();
    }

    double m_d;
    double m_rl;
    double m_rm;
    double m_ra;
    uint32_t m_run;
};

// ---------------------------------------------------------------------------

/**
 * A TCP bulk transfer CN -> MN keeps its connection, and so delivers every
 * byte, across three handovers (it would reset or stall if the MN's address
 * or its first-hop router changed).
 */
class TcpAcrossHandoversTestCase : public SimulationTestCase
{
  public:
    TcpAcrossHandoversTestCase()
        : SimulationTestCase("TCP bulk transfer CN -> MN delivers exactly 2 MB across 3 handovers")
    {
    }

  private:
    void DoRun() override
    {
        const uint64_t totalBytes = 2000000;
        const uint16_t port = 5000;
        Pmipv6DomainHelper domain;
        Pmipv6DomainHelper::Parameters p;
        // 4 Mb/s: about 5 s at line rate, so the handovers fall mid-transfer.
        p.coreRate = DataRate("4Mbps");
        domain.Build(p);

        Ptr<PacketSink> sink = CreateObject<PacketSink>();
        sink->SetAttribute("Protocol", TypeIdValue(TcpSocketFactory::GetTypeId()));
        sink->SetAttribute("Local", AddressValue(Inet6SocketAddress(Ipv6Address::GetAny(), port)));
        domain.GetMn(0)->AddApplication(sink);
        sink->SetStartTime(Seconds(0));

        Ptr<BulkSendApplication> bulk = CreateObject<BulkSendApplication>();
        bulk->SetAttribute("Protocol", TypeIdValue(TcpSocketFactory::GetTypeId()));
        bulk->SetAttribute("MaxBytes", UintegerValue(totalBytes));
        domain.GetCn()->AddApplication(bulk);
        const Time start = MilliSeconds(500);
        bulk->SetStartTime(start);
        // The home address exists once the LMA has assigned the prefix.
        Simulator::Schedule(start - TimeStep(1), [&domain, bulk, port]() {
            Ipv6Address home = domain.GetMnHomeAddress(0);
            NS_ABORT_MSG_IF(home.IsAny(), "MN not registered when the transfer starts");
            bulk->SetAttribute("Remote", AddressValue(Inet6SocketAddress(home, port)));
        });

        std::vector<uint64_t> atHandover;
        for (uint32_t k = 0; k < 3; ++k)
        {
            Time lost = MilliSeconds(1500 + 1500 * k);
            domain.ScheduleHandover(0, lost, (k + 1) % 2);
            Simulator::Schedule(lost, [&atHandover, sink]() {
                atHandover.push_back(sink->GetTotalRx());
            });
        }
        Simulator::Stop(Seconds(40));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(domain.GetL2Handovers().size(), 3, "handovers done");
        PMIPV6_TEST_REQUIRE_EQ(atHandover.size(), 3, "handover probes ran");
        uint64_t previous = 0;
        for (uint32_t k = 0; k < 3; ++k)
        {
            NS_TEST_EXPECT_MSG_GT(atHandover[k], previous, "no progress before handover " << k);
            NS_TEST_EXPECT_MSG_LT(atHandover[k],
                                  totalBytes,
                                  "transfer already over at handover " << k);
            previous = atHandover[k];
        }
        NS_TEST_EXPECT_MSG_EQ(sink->GetTotalRx(), totalBytes, "bytes received by the MN");
        Simulator::Destroy();
    }
};

// ---------------------------------------------------------------------------

/**
 * 20 MNs under one LMA, each handing over twice (staggered): every one keeps
 * its address and every downlink loss stays within the closed form's bound,
 * so bindings, tunnels and their shared endpoints do not interfere.
 */
class ManyMobileNodesTestCase : public SimulationTestCase
{
  public:
    ManyMobileNodesTestCase()
        : SimulationTestCase("20 MNs hand over twice each: addresses kept, every loss within bound")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t mns = 20;
        Pmipv6DomainHelper domain;
        Pmipv6DomainHelper::Parameters p;
        p.mns = mns;
        domain.Build(p);
        const Time spacing = MilliSeconds(500);
        std::vector<Ipv6Address> before(mns);
        Simulator::Schedule(MilliSeconds(900), [&]() {
            for (uint32_t n = 0; n < mns; ++n)
            {
                std::vector<Ipv6Address> a = GlobalAddresses(domain.GetMn(n));
                NS_TEST_EXPECT_MSG_EQ(a.size(), 1, "MN " << n << " global addresses before");
                before[n] = a.empty() ? Ipv6Address() : a.front();
            }
        });
        Time last;
        for (uint32_t n = 0; n < mns; ++n)
        {
            for (uint32_t k = 0; k < 2; ++k)
            {
                // Staggered by 25 ms and by a fraction of the probe interval.
                Time lost = Seconds(1) + spacing * n / mns + spacing * k + MicroSeconds(37 * n);
                domain.ScheduleHandover(n, lost, (k + 1) % 2);
                last = std::max(last, lost);
            }
        }
        HandoverMeasurementHelper measure;
        measure.Install(domain, MilliSeconds(750), last + spacing / 2);
        Simulator::Stop(last + Seconds(1));
        Simulator::Run();

        const Pmipv6DomainHelper::Parameters& q = domain.GetParameters();
        const double d = Ms(q.dhoL2);
        const double rl = Ms(q.rttMagLma);
        const double ra = Ms(q.rttMagAp);
        const double tolerance = ra / 2 + 2;
        std::vector<HandoverMeasurementHelper::Result> results = measure.Compute();
        NS_TEST_EXPECT_MSG_EQ(results.size(), mns * 2 * 2, "results per MN, handover, direction");
        for (const auto& r : results)
        {
            if (r.direction != "down")
            {
                continue;
            }
            NS_TEST_EXPECT_MSG_EQ_TOL(r.metrics.lossPeriodMs,
                                      d + ra + rl,
                                      tolerance,
                                      "MN " << r.mn << " handover " << r.handover
                                            << ": downlink lHO");
        }
        for (uint32_t n = 0; n < mns; ++n)
        {
            std::vector<Ipv6Address> a = GlobalAddresses(domain.GetMn(n));
            NS_TEST_EXPECT_MSG_EQ(a.size(), 1, "MN " << n << " global addresses after");
            if (!a.empty())
            {
                NS_TEST_EXPECT_MSG_EQ(a.front(), before[n], "MN " << n << " address changed");
                NS_TEST_EXPECT_MSG_EQ(a.front(),
                                      domain.GetMnHomeAddress(n),
                                      "MN " << n << " address is not its HNP address");
            }
            BindingCacheEntry* e =
                domain.GetLmaApp()->GetBindingCache().Find(domain.GetMnIdentifier(n));
            NS_TEST_EXPECT_MSG_NE(e, nullptr, "MN " << n << " has no binding");
            if (e)
            {
                NS_TEST_EXPECT_MSG_EQ(e->proxyCoa,
                                      domain.GetProxyCoa(0),
                                      "MN " << n << " is back on MAG 0");
            }
        }
        Simulator::Destroy();
    }
};

class Pmipv6HandoverTestSuite : public TestSuite
{
  public:
    Pmipv6HandoverTestSuite()
        : TestSuite("pmipv6-handover", SYSTEM)
    {
        AddTestCase(new AddressContinuityTestCase, TestCase::QUICK);
        AddTestCase(new MetricsTestCase(11, 30, 10, 5), TestCase::QUICK); // the FPMIPv6 paper's defaults
        AddTestCase(new MetricsTestCase(5, 10, 4, 2), TestCase::QUICK);
        AddTestCase(new MetricsTestCase(30, 60, 20, 10), TestCase::QUICK);
        AddTestCase(new MetricsTestCase(0, 20, 10, 4), TestCase::QUICK);
        // Other phases of the handover on the packet grid (43 vs 44 lost).
        AddTestCase(new MetricsTestCase(11, 30, 10, 5, 2), TestCase::QUICK);
        AddTestCase(new MetricsTestCase(11, 30, 10, 5, 3), TestCase::QUICK);
        AddTestCase(new TcpAcrossHandoversTestCase, TestCase::QUICK);
        AddTestCase(new ManyMobileNodesTestCase, TestCase::QUICK);
    }
};

Pmipv6HandoverTestSuite g_pmipv6HandoverTestSuite;

} // namespace
