// SPDX-License-Identifier: GPL-2.0-only
/*
 * Results that cannot mislead: the radio load check before a run (it warns
 * at saturating loads, not for one MN), background MNs that load the channel
 * without being measured, and the provenance lines of every output.
 */
#include "handover-event-log.h"
#include "handover-scenario.h"
#include "provenance.h"
#include "radio-load-check.h"

#include "ns3/rng-seed-manager.h"
#include "ns3/test.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

HandoverScenario::Config
WifiConfig(uint32_t mns)
{
    HandoverScenario::Config c;
    c.domain.access = "wifi";
    c.domain.mns = mns;
    return c;
}

/**
 * The estimate of the busiest channel's airtime, checked against the
 * 802.11a figures worked by hand: a 64-octet probe is 148 octets on the air,
 * 6 OFDM symbols at 54 Mbit/s (44 us) after DIFS 34 us and the mean
 * backoff 67.5 us, then SIFS 16 us and a 28 us ACK at 24 Mbit/s: 189.5 us.
 */
class RadioLoadTestCase : public TestCase
{
  public:
    RadioLoadTestCase()
        : TestCase("radio load check: silent for one MN, warns at saturating loads")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(RadioLoadCheck::WifiAirtime(64), NanoSeconds(189500),
                              "64-octet probe on 802.11a");
        NS_TEST_ASSERT_MSG_EQ(RadioLoadCheck::WifiAirtime(160), NanoSeconds(205500),
                              "160-octet packet: 10 symbols");

        HandoverScenario::Config ideal;
        RadioLoadCheck::Estimate e = ideal.GetRadioLoad();
        NS_TEST_ASSERT_MSG_EQ(e.estimated, false, "ideal access has no capacity");
        NS_TEST_ASSERT_MSG_EQ(e.Exceeds(), false, "the default scenario never warns");

        // One MN, its two 1 ms probes: 2000 frames/s x 189.5 us.
        e = WifiConfig(1).GetRadioLoad();
        NS_TEST_ASSERT_MSG_EQ(e.estimated, true, "Wi-Fi is estimated");
        NS_TEST_ASSERT_MSG_EQ_TOL(e.load, 0.379, 1e-9, "one MN");
        NS_TEST_ASSERT_MSG_EQ(e.Exceeds(), false, "one MN on Wi-Fi does not warn");

        // The N = 10 run: 20 probe flows at 1 ms, 3.79 channels' worth.
        e = WifiConfig(10).GetRadioLoad();
        NS_TEST_ASSERT_MSG_EQ_TOL(e.load, 3.79, 1e-9, "ten probed MNs");
        NS_TEST_ASSERT_MSG_EQ(e.Exceeds(), true, "ten probed MNs saturate the channel");
        NS_TEST_ASSERT_MSG_EQ(e.mns, 10u, "all MNs start on one access point");

        // The same ten MNs, one probed, nine as VoIP-like background
        // (160 B every 20 ms each way): 0.379 + 18 x 50 x 205.5 us.
        HandoverScenario::Config c = WifiConfig(10);
        c.probedMns = 1;
        e = c.GetRadioLoad();
        NS_TEST_ASSERT_MSG_EQ_TOL(e.load, 0.379 + 0.18495, 1e-9, "one probed, nine background");
        NS_TEST_ASSERT_MSG_EQ(e.Exceeds(), false, "a chosen load below the limit");
        c.backgroundDirection = "down";
        NS_TEST_ASSERT_MSG_EQ_TOL(c.GetRadioLoad().load, 0.379 + 0.092475, 1e-9, "downlink only");
        c.backgroundDirection = "none";
        NS_TEST_ASSERT_MSG_EQ_TOL(c.GetRadioLoad().load, 0.379, 1e-9, "no background flows");
        // An access type without a capacity model is said to be unchecked.
        c.domain.access = "lte";
        NS_TEST_ASSERT_MSG_EQ(c.GetRadioLoad().estimated, false, "no model: not estimated");
    }
};

/**
 * Background MNs (beyond probedMns) carry their flows but do not hand over
 * and give no results; every packet they send arrives, so that what the
 * flows lose is exactly what the probed MN loses around its handovers.
 */
class BackgroundFlowsTestCase : public TestCase
{
  public:
    BackgroundFlowsTestCase()
        : TestCase("background MNs load the network, stay put and are not measured")
    {
    }

  private:
    static HandoverScenario::Config Config(uint32_t mns)
    {
        HandoverScenario::Config c;
        c.domain.mns = mns;
        c.probedMns = 1;
        c.handovers = 2;
        c.packetInterval = MilliSeconds(20);
        c.backgroundInterval = MilliSeconds(10);
        c.spacing = MilliSeconds(500);
        return c;
    }

    void DoRun() override
    {
        HandoverScenario alone(Config(1));
        alone.Run();
        uint64_t probeOnly = alone.GetTotals().probePackets;

        HandoverScenario loaded(Config(4));
        std::vector<HandoverMeasurementHelper::Result> results = loaded.Run();
        NS_TEST_ASSERT_MSG_EQ(results.size(), 4u, "MN 0's two handovers, both directions");
        uint64_t lost = 0;
        for (const auto& r : results)
        {
            NS_TEST_EXPECT_MSG_EQ(r.mn, 0u, "only the probed MN is measured");
            lost += r.metrics.lostPackets;
        }
        const HandoverScenario::Totals& t = loaded.GetTotals();
        // Three background MNs, two flows each at twice the probe rate: six
        // times the probed MN's packets more, seven times in all.
        double ratio = double(t.probePackets) / probeOnly;
        NS_TEST_EXPECT_MSG_GT(ratio, 6.9, "background flows were sent");
        NS_TEST_EXPECT_MSG_LT(ratio, 7.1, "background flows at their own interval");
        NS_TEST_EXPECT_MSG_EQ(t.probePackets - t.probeReceived,
                              lost,
                              "background MNs stay attached and lose nothing");
        NS_TEST_EXPECT_MSG_GT(lost, 0, "the probed MN loses packets around its handovers");
    }
};

/// The provenance lines: the fixed fields first, in order, with their values.
class ProvenanceTestCase : public TestCase
{
  public:
    ProvenanceTestCase()
        : TestCase("provenance: program, versions, date, seed and run, then added fields")
    {
    }

  private:
    void DoRun() override
    {
        uint64_t run = RngSeedManager::GetRun();
        RngSeedManager::SetRun(7);
        Provenance p("prog");
        RngSeedManager::SetRun(run);
        p.Add("command_line", Provenance::JoinCommandLine({"--a=1", "--b=x y", "--c=it's"}));
        p.Add("note", "two\nlines");
        p.Set("rng_seed", "given");
        std::vector<std::string> keys;
        for (const auto& field : p.GetFields())
        {
            keys.push_back(field.first);
        }
        std::vector<std::string> expected{"program", "pmipv6_version", "ns3_version", "date",
                                          "rng_seed", "rng_run", "command_line", "note"};
        NS_TEST_ASSERT_MSG_EQ((keys == expected), true, "fields in order");
        std::ostringstream os;
        p.Write(os);
        std::string text = os.str();
        NS_TEST_EXPECT_MSG_NE(text.find("# program: prog\n"), std::string::npos, text);
        NS_TEST_EXPECT_MSG_NE(text.find("# rng_run: 7\n"), std::string::npos, text);
        NS_TEST_EXPECT_MSG_NE(text.find("# rng_seed: given\n"), std::string::npos, text);
        NS_TEST_EXPECT_MSG_NE(text.find("# ns3_version: 3."), std::string::npos, text);
        NS_TEST_EXPECT_MSG_NE(text.find("# command_line: --a=1 '--b=x y' '--c=it'\\''s'\n"),
                              std::string::npos,
                              text);
        NS_TEST_EXPECT_MSG_NE(text.find("# note: two lines\n"), std::string::npos, text);
        NS_TEST_EXPECT_MSG_EQ(Provenance::GetModuleVersion().empty(), false, "a version");
        std::string date = Provenance::GetUtcDate();
        NS_TEST_EXPECT_MSG_EQ(date.size(), 20u, date);
        NS_TEST_EXPECT_MSG_EQ(date.substr(0, 2) + date[10] + date[19], "20TZ", date);
        // Every line is a comment line: pandas' comment='#' skips them all.
        std::istringstream lines(text);
        std::string line;
        while (std::getline(lines, line))
        {
            NS_TEST_EXPECT_MSG_EQ(line.rfind("# ", 0), 0u, line);
        }
    }
};

/**
 * The event log of one PMIPv6 handover: one event per message sent (as many
 * as the Mobility Header layer counted, each received once, with the same
 * packet uid), one text line per event, node names instead of addresses,
 * and the RFC 5213 Fig. 3 sequence in order.
 */
class EventLogTestCase : public TestCase
{
  public:
    EventLogTestCase()
        : TestCase("event log: one line per protocol event, named nodes, the handover in order")
    {
    }

  private:
    void DoRun() override
    {
        HandoverScenario::Config c;
        c.handovers = 1;
        HandoverScenario scenario(c);
        HandoverEventLog log;
        std::ostringstream text;
        std::ostringstream csv;
        log.SetTextOutput(&text);
        log.SetCsvOutput(&csv);
        scenario.SetEventLog(&log);
        scenario.Run();
        const std::vector<HandoverEventLog::Event>& events = log.GetEvents();

        auto lines = [](const std::string& s) {
            return uint64_t(std::count(s.begin(), s.end(), '\n'));
        };
        NS_TEST_ASSERT_MSG_EQ(lines(text.str()), events.size(), "one text line per event");
        NS_TEST_ASSERT_MSG_EQ(lines(csv.str()), events.size(), "one CSV row per event");

        uint64_t sent = 0;
        for (const auto& e : events)
        {
            NS_TEST_EXPECT_MSG_EQ(e.node.find(':'), std::string::npos, "a name, not an address");
            if (e.event != "send" || e.message == "RA")
            {
                continue;
            }
            ++sent;
            NS_TEST_EXPECT_MSG_EQ(e.peer.find(':'), std::string::npos, "peer named: " << e.peer);
            NS_TEST_EXPECT_MSG_EQ(e.mn, "MN0", "the message's MN-ID option");
            uint32_t received = std::count_if(events.begin(), events.end(), [&e](const auto& r) {
                return r.event == "receive" && r.uid == e.uid && r.node == e.peer;
            });
            NS_TEST_EXPECT_MSG_EQ(received, 1u, e.message << " from " << e.node << " received once");
        }
        NS_TEST_EXPECT_MSG_EQ(sent,
                              scenario.GetTotals().signallingMessages,
                              "every Mobility Header message sent, each once");

        // RFC 5213 Fig. 3 (and the de-registration of sec. 6.9.1.4), as a
        // subsequence of the log: node, event, message.
        std::vector<std::vector<std::string>> expected{
            {"MN0", "link-up", ""},      {"MAG0", "send", "PBU"},    {"LMA", "receive", "PBU"},
            {"LMA", "send", "PBA"},      {"MAG0", "receive", "PBA"}, {"MAG0", "send", "RA"},
            {"MN0", "receive", "RA"},    {"MN0", "link-down", ""},   {"MAG0", "detach", ""},
            {"MAG0", "send", "PBU"},     {"MN0", "link-up", ""},     {"MAG1", "attach", ""},
            {"MAG1", "send", "PBU"},     {"LMA", "receive", "PBU"},  {"LMA", "binding", ""},
            {"LMA", "send", "PBA"},      {"MAG1", "receive", "PBA"}, {"MAG1", "send", "RA"},
            {"MN0", "receive", "RA"}};
        size_t next = 0;
        for (const auto& e : events)
        {
            if (next < expected.size() && e.node == expected[next][0] &&
                e.event == expected[next][1] && e.message == expected[next][2])
            {
                ++next;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(next,
                              expected.size(),
                              "the handover's events in order; stopped at step " << next << "\n"
                                                                                 << text.str());
        auto last = std::find_if(events.rbegin(), events.rend(), [](const auto& e) {
            return e.event == "receive" && e.message == "RA";
        });
        NS_TEST_EXPECT_MSG_EQ(last->peer, "MAG1", "the RA comes from the new MAG");
    }
};

class ResultsTestSuite : public TestSuite
{
  public:
    ResultsTestSuite()
        : TestSuite("pmipv6-results", SYSTEM)
    {
        AddTestCase(new RadioLoadTestCase, TestCase::QUICK);
        AddTestCase(new ProvenanceTestCase, TestCase::QUICK);
        AddTestCase(new BackgroundFlowsTestCase, TestCase::QUICK);
        AddTestCase(new EventLogTestCase, TestCase::QUICK);
    }
};

ResultsTestSuite g_resultsTestSuite;

} // namespace
