// SPDX-License-Identifier: GPL-2.0-only
/*
 * What must not grow with the number of mobile nodes, checked from what the
 * simulation does: the plain-routing baseline of the benchmark delivers
 * every probe packet with the same routing tables whatever N; the probe
 * flows of many MNs, sent through the CN's one shared socket, each reach
 * their own MN; the MAG finds a binding by MN identifier after others come
 * and go.
 */
#include "binding-update-list.h"
#include "handover-scenario.h"

#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/node-list.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Static routes of node \p i (0 CN, 1 LMA, 2.. MAGs).
uint32_t
StaticRoutes(uint32_t i)
{
    Ptr<Ipv6ListRouting> list = DynamicCast<Ipv6ListRouting>(
        NodeList::GetNode(i)->GetObject<Ipv6L3Protocol>()->GetRoutingProtocol());
    for (uint32_t k = 0; k < list->GetNRoutingProtocols(); ++k)
    {
        int16_t priority;
        if (auto s = DynamicCast<Ipv6StaticRouting>(list->GetRoutingProtocol(k, priority)))
        {
            return s->GetNRoutes();
        }
    }
    return 0;
}

HandoverScenario::Config
SmallConfig(uint32_t mns, bool mobility)
{
    HandoverScenario::Config c;
    c.domain.mags = 4;
    c.domain.mns = mns;
    c.domain.mobility = mobility;
    c.handovers = 2;
    c.packetInterval = MilliSeconds(20);
    c.spacing = MilliSeconds(500);
    return c;
}

/**
 * The benchmark's baseline (no mobility protocol): every probe packet of
 * every MN arrives, and the CN, LMA and MAGs hold as many static routes for
 * 24 MNs as for 4 (one per MAG slice of the pool, never one per MN).
 */
class PlainRoutingBaselineTestCase : public TestCase
{
  public:
    PlainRoutingBaselineTestCase()
        : TestCase("plain-routing baseline: all packets delivered, routes independent of N")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<std::vector<uint32_t>> routes;
        for (uint32_t mns : {4u, 24u})
        {
            HandoverScenario::Config c = SmallConfig(mns, false);
            std::vector<uint32_t> counts;
            // Just before the flows end: the tables as the packets saw them.
            Simulator::Schedule(Seconds(1.5), [&counts, &c]() {
                for (uint32_t i = 0; i < 2 + c.domain.mags; ++i)
                {
                    counts.push_back(StaticRoutes(i));
                }
            });
            HandoverScenario scenario(c);
            std::vector<HandoverMeasurementHelper::Result> results = scenario.Run();
            NS_TEST_EXPECT_MSG_EQ(results.empty(), true, "no handovers, no handover results");
            const HandoverScenario::Totals& t = scenario.GetTotals();
            NS_TEST_EXPECT_MSG_GT(t.probePackets, 0, "the probes sent");
            NS_TEST_EXPECT_MSG_EQ(t.probeReceived,
                                  t.probePackets,
                                  "N=" << mns << ": all delivered");
            NS_TEST_ASSERT_MSG_EQ(counts.size(), 2 + c.domain.mags, "routes were read");
            routes.push_back(counts);
        }
        for (size_t i = 0; i < routes[0].size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(routes[1][i],
                                  routes[0][i],
                                  "node " << i << ": as many routes for 24 MNs as for 4");
        }
    }
};

/**
 * PMIPv6 with 12 MNs: the CN's downlink flows leave through one socket and
 * each MN's receiver gets its own flow only; every handover of every MN is
 * measured in both directions.
 */
class SharedCnSocketTestCase : public TestCase
{
  public:
    SharedCnSocketTestCase()
        : TestCase("12 MNs: each downlink flow from the CN's shared socket reaches its MN")
    {
    }

  private:
    void DoRun() override
    {
        HandoverScenario::Config c = SmallConfig(12, true);
        HandoverScenario scenario(c);
        std::vector<HandoverMeasurementHelper::Result> results = scenario.Run();
        NS_TEST_ASSERT_MSG_EQ(results.size(), 12u * 2 * 2, "every handover, both directions");
        std::vector<uint32_t> measured(12, 0);
        for (const auto& r : results)
        {
            NS_TEST_EXPECT_MSG_GT(r.metrics.received, 0, "MN " << r.mn << " " << r.direction);
            // PMIPv6: the MN hears nothing for DHO,L2 + RTT_MAG-LMA + more.
            NS_TEST_EXPECT_MSG_GT(r.metrics.latencyMs, 0, "MN " << r.mn << " " << r.direction);
            NS_TEST_EXPECT_MSG_LT(r.metrics.latencyMs, 100, "MN " << r.mn << " " << r.direction);
            measured[r.mn]++;
        }
        for (uint32_t n = 0; n < 12; ++n)
        {
            NS_TEST_EXPECT_MSG_EQ(measured[n], 4u, "MN " << n << ": 2 handovers x 2 directions");
        }
        const HandoverScenario::Totals& t = scenario.GetTotals();
        // Lost only around the handovers: at least 90 % of the packets arrive.
        NS_TEST_EXPECT_MSG_GT(t.probeReceived * 10, t.probePackets * 9, "delivered");
    }
};

/// The Binding Update List's MN-identifier index follows creations and removals.
class BindingUpdateListIndexTestCase : public TestCase
{
  public:
    BindingUpdateListIndexTestCase()
        : TestCase("binding update list: found by MN identifier after others come and go")
    {
    }

  private:
    void DoRun() override
    {
        BindingUpdateList list;
        std::vector<Mac48Address> macs;
        for (uint32_t i = 0; i < 100; ++i)
        {
            uint8_t b[6] = {0x02, 0, 0, 0, uint8_t(i >> 8), uint8_t(i + 1)};
            Mac48Address mac;
            mac.CopyFrom(b);
            macs.push_back(mac);
            list.Create("mn" + std::to_string(i) + "@example", mac);
        }
        for (uint32_t i = 0; i < 100; i += 2)
        {
            list.Remove("mn" + std::to_string(i) + "@example");
        }
        NS_TEST_EXPECT_MSG_EQ(list.GetSize(), 50u, "half removed");
        for (uint32_t i = 0; i < 100; ++i)
        {
            BindingUpdateListEntry* e = list.Find("mn" + std::to_string(i) + "@example");
            if (i % 2 == 0)
            {
                NS_TEST_EXPECT_MSG_EQ((e == nullptr), true, "mn" << i << " removed");
            }
            else
            {
                NS_TEST_ASSERT_MSG_NE((e == nullptr), true, "mn" << i << " found");
                NS_TEST_EXPECT_MSG_EQ(Mac48Address::ConvertFrom(e->linkLayerId),
                                      macs[i],
                                      "mn" << i << "'s own entry");
            }
        }
        list.Clear();
        NS_TEST_EXPECT_MSG_EQ((list.Find("mn1@example") == nullptr), true, "cleared");
        Simulator::Destroy();
    }
};

class Pmipv6ScaleTestSuite : public TestSuite
{
  public:
    Pmipv6ScaleTestSuite()
        : TestSuite("pmipv6-scale", SYSTEM)
    {
        AddTestCase(new PlainRoutingBaselineTestCase, TestCase::QUICK);
        AddTestCase(new SharedCnSocketTestCase, TestCase::QUICK);
        AddTestCase(new BindingUpdateListIndexTestCase, TestCase::QUICK);
    }
};

Pmipv6ScaleTestSuite g_pmipv6ScaleTestSuite;

} // namespace
