// SPDX-License-Identifier: GPL-2.0-only
// GoogleTest of HandoverMetricsCalculator on hand-built probe records: each
// case builds a 1 ms flow whose packets are lost, delayed or reordered the way
// a handover does it, and checks dHO, lHO and dadd against the construction.
#include "handover-metrics.h"

#include <algorithm>
#include <functional>
#include <gtest/gtest.h>
#include <random>

using ns3::HandoverMetrics;
using ns3::HandoverMetricsCalculator;
using ns3::HandoverWindow;
using ns3::ProbeRecord;

namespace
{

constexpr double kInterval = 1.0; // ms
constexpr double kDelay = 10.0;   // one-way delay of the old path, ms
constexpr uint64_t kCount = 200;  // packets 0..199, seq s sent at s ms
const HandoverWindow kWindow{0.0, 200.0, 100.0};

/**
 * Builds the records of packets 0..kCount-1 sent every kInterval from t=0.
 * \param rxOf returns the receive time of packet seq sent at tx, or a
 *        negative value if it is lost
 */
std::vector<ProbeRecord>
MakeFlow(const std::function<double(uint64_t seq, double tx)>& rxOf)
{
    std::vector<ProbeRecord> records;
    for (uint64_t seq = 0; seq < kCount; ++seq)
    {
        double tx = static_cast<double>(seq) * kInterval;
        double rx = rxOf(seq, tx);
        if (rx >= 0)
        {
            records.push_back({seq, tx, rx});
        }
    }
    return records;
}

HandoverMetrics
ComputeWholeFlow(const std::vector<ProbeRecord>& records)
{
    return HandoverMetricsCalculator(kInterval).Compute(records, 0, kCount, kWindow);
}

} // namespace

TEST(HandoverMetrics, SteadyFlowHasNoLatencyNoLossNoExtraDelay)
{
    auto m = ComputeWholeFlow(MakeFlow([](uint64_t, double tx) { return tx + kDelay; }));
    EXPECT_DOUBLE_EQ(m.latencyMs, 0.0);
    EXPECT_EQ(m.lostPackets, 0u);
    EXPECT_DOUBLE_EQ(m.lossPeriodMs, 0.0);
    EXPECT_DOUBLE_EQ(m.maxExtraDelayMs, 0.0);
    EXPECT_DOUBLE_EQ(m.baselineDelayMs, kDelay);
    EXPECT_EQ(m.sent, kCount);
    EXPECT_EQ(m.received, kCount);
}

// PMIPv6-like break-before-make: the old link dies at 100 ms (packets sent
// from 90 ms on were still in flight and are lost), the new path is shorter
// (5 ms) and the first packet on it arrives at 141 ms.
TEST(HandoverMetrics, OutageOf41MsGivesLatency41AndTheConstructedLoss)
{
    auto m = ComputeWholeFlow(MakeFlow([](uint64_t, double tx) {
        if (tx < 90)
        {
            return tx + kDelay; // last one: sent 89, received 99
        }
        if (tx < 136)
        {
            return -1.0; // 90..135 lost: 46 packets
        }
        return tx + 5.0; // first one: sent 136, received 141
    }));
    EXPECT_DOUBLE_EQ(m.latencyMs, 41.0); // gap 99 -> 141 is 42 ms, minus the 1 ms interval
    EXPECT_EQ(m.lostPackets, 46u);
    EXPECT_DOUBLE_EQ(m.lossPeriodMs, 46.0);
    EXPECT_DOUBLE_EQ(m.baselineDelayMs, kDelay);
    EXPECT_DOUBLE_EQ(m.maxExtraDelayMs, 0.0); // the new path is faster, not slower
    EXPECT_DOUBLE_EQ(m.gapStartMs, 99.0);
    EXPECT_DOUBLE_EQ(m.gapEndMs, 141.0);
    EXPECT_EQ(m.received + m.lostPackets, m.sent);
}

// Predicted handover: nothing is lost, packets 90..120 wait in the new MAG's
// buffer and are flushed at 141 ms; later packets take a 25 ms path.
TEST(HandoverMetrics, BufferedPacketsGiveExtraDelayAndNoLoss)
{
    auto m = ComputeWholeFlow(MakeFlow([](uint64_t seq, double tx) {
        if (tx < 90)
        {
            return tx + kDelay;
        }
        if (tx <= 120)
        {
            return 141.0 + 0.01 * static_cast<double>(seq - 90); // flushed back to back
        }
        return tx + 25.0;
    }));
    EXPECT_EQ(m.lostPackets, 0u);
    EXPECT_DOUBLE_EQ(m.lossPeriodMs, 0.0);
    EXPECT_DOUBLE_EQ(m.latencyMs, 41.0);              // gap 99 -> 141
    EXPECT_DOUBLE_EQ(m.maxExtraDelayMs, 51.0 - 10.0); // packet 90 waited from 90 to 141
}

// Fast handover with forwarding: the old MAG forwards packets 90..109 over a
// long detour (40 ms) while new packets (from 110) already arrive on the new
// path at 10 ms, so old packets arrive after newer ones. Latency is about
// reception time, not about sequence order: the MN hears nothing from 99 to
// 120 only.
TEST(HandoverMetrics, ReorderedForwardedPacketsDoNotCountAsGap)
{
    auto records = MakeFlow([](uint64_t, double tx) {
        if (tx < 90)
        {
            return tx + kDelay;
        }
        if (tx < 110)
        {
            return tx + 40.0; // forwarded: received 130..149
        }
        return tx + kDelay; // new path: received from 120 on
    });
    // The order of the input must not matter either.
    std::shuffle(records.begin(), records.end(), std::mt19937(7));
    auto m = ComputeWholeFlow(records);
    EXPECT_EQ(m.lostPackets, 0u);
    EXPECT_DOUBLE_EQ(m.latencyMs, 20.0); // gap 99 -> 120, minus 1 ms
    EXPECT_DOUBLE_EQ(m.maxExtraDelayMs, 30.0);
    EXPECT_DOUBLE_EQ(m.gapStartMs, 99.0);
    EXPECT_DOUBLE_EQ(m.gapEndMs, 120.0);
}

// Make-before-break without loss (two interfaces): a path change alone
// shows as latency only when the new path is longer, and a shorter path at
// the window end must not fake a gap against the old delay.
TEST(HandoverMetrics, PathChangeWithoutLoss)
{
    auto shorter = ComputeWholeFlow(
        MakeFlow([](uint64_t, double tx) { return tx < 100 ? tx + kDelay : tx + 5.0; }));
    EXPECT_EQ(shorter.lostPackets, 0u);
    EXPECT_DOUBLE_EQ(shorter.latencyMs, 0.0);
    EXPECT_DOUBLE_EQ(shorter.maxExtraDelayMs, 0.0);

    auto longer = ComputeWholeFlow(
        MakeFlow([](uint64_t, double tx) { return tx < 100 ? tx + kDelay : tx + 15.0; }));
    EXPECT_EQ(longer.lostPackets, 0u);
    EXPECT_DOUBLE_EQ(longer.latencyMs, 5.0); // nothing between 109 and 115
    EXPECT_DOUBLE_EQ(longer.maxExtraDelayMs, 5.0);
}

// Nothing arrives after the handover: the outage runs to the window end,
// i.e. to where packet 200 (the first one after the window) would have
// arrived at the baseline delay (210 ms).
TEST(HandoverMetrics, AllLostAfterHandoverExtendsGapToWindowEnd)
{
    auto m = ComputeWholeFlow(
        MakeFlow([](uint64_t, double tx) { return tx < 90 ? tx + kDelay : -1.0; }));
    EXPECT_EQ(m.lostPackets, 110u);
    EXPECT_DOUBLE_EQ(m.lossPeriodMs, 110.0);
    EXPECT_DOUBLE_EQ(m.latencyMs, 210.0 - 99.0 - kInterval);
    EXPECT_DOUBLE_EQ(m.gapEndMs, 210.0);
}

// Symmetric bound: the window starts during an outage.
TEST(HandoverMetrics, LossAtWindowStartCountsFromWindowStart)
{
    auto m = ComputeWholeFlow(
        MakeFlow([](uint64_t, double tx) { return tx < 20 ? -1.0 : tx + kDelay; }));
    EXPECT_EQ(m.lostPackets, 20u);
    // Packet -1 would have arrived at 9 ms, packet 20 arrived at 30 ms.
    EXPECT_DOUBLE_EQ(m.latencyMs, 20.0);
    EXPECT_DOUBLE_EQ(m.baselineDelayMs, kDelay);
}

TEST(HandoverMetrics, EmptyWindowGivesZeros)
{
    HandoverMetricsCalculator calc(kInterval);
    auto m = calc.Compute({}, 50, 50, kWindow);
    EXPECT_EQ(m.sent, 0u);
    EXPECT_EQ(m.received, 0u);
    EXPECT_EQ(m.lostPackets, 0u);
    EXPECT_DOUBLE_EQ(m.latencyMs, 0.0);
    EXPECT_DOUBLE_EQ(m.lossPeriodMs, 0.0);
    EXPECT_DOUBLE_EQ(m.maxExtraDelayMs, 0.0);
}

TEST(HandoverMetrics, WindowWithNothingReceivedIsOneLongOutage)
{
    // Records exist, but all outside the window [100, 150).
    auto records = MakeFlow([](uint64_t, double tx) { return tx < 100 ? tx + kDelay : -1.0; });
    auto m = HandoverMetricsCalculator(kInterval).Compute(records, 100, 150, kWindow);
    EXPECT_EQ(m.sent, 50u);
    EXPECT_EQ(m.lostPackets, 50u);
    EXPECT_DOUBLE_EQ(m.latencyMs, 50.0);
    EXPECT_DOUBLE_EQ(m.lossPeriodMs, 50.0);
    EXPECT_DOUBLE_EQ(m.maxExtraDelayMs, 0.0);
}

// Duplicates (e.g. a packet both delivered and forwarded) count once, and the
// later copy neither fills a gap nor adds delay.
TEST(HandoverMetrics, DuplicatesAreIgnored)
{
    auto records =
        MakeFlow([](uint64_t, double tx) { return (tx >= 90 && tx < 131) ? -1.0 : tx + kDelay; });
    // Copies of packets 50 and 60 arriving in the middle of the outage, and a
    // copy of 140 arriving first in the vector.
    records.push_back({50, 50.0, 120.0});
    records.push_back({60, 60.0, 125.0});
    records.insert(records.begin(), ProbeRecord{140, 140.0, 190.0});
    auto m = ComputeWholeFlow(records);
    EXPECT_EQ(m.received, kCount - 41);
    EXPECT_EQ(m.lostPackets, 41u);
    EXPECT_DOUBLE_EQ(m.latencyMs, 41.0); // gap 99 -> 141
    EXPECT_DOUBLE_EQ(m.maxExtraDelayMs, 0.0);
}

// Only the window's sequence numbers count: late packets of an earlier
// handover must not shorten this one's gap nor add to its delay.
TEST(HandoverMetrics, PacketsOutsideTheWindowAreIgnored)
{
    auto records =
        MakeFlow([](uint64_t, double tx) { return (tx >= 140 && tx < 160) ? -1.0 : tx + kDelay; });
    records.push_back({10, 10.0, 155.0}); // an old packet, far outside [100, 200)
    HandoverWindow w{100.0, 200.0, 150.0};
    auto m = HandoverMetricsCalculator(kInterval).Compute(records, 100, 200, w);
    EXPECT_EQ(m.sent, 100u);
    EXPECT_EQ(m.lostPackets, 20u);
    EXPECT_DOUBLE_EQ(m.latencyMs, 20.0);
    EXPECT_DOUBLE_EQ(m.maxExtraDelayMs, 0.0);
}

TEST(HandoverMetrics, SeqRangeOfWindowTimes)
{
    HandoverMetricsCalculator calc(2.0); // 2 ms interval, seq s sent at 1000 + 2 s
    auto r = calc.SeqRangeOf(HandoverWindow{1010.0, 1020.0, 1015.0}, 1000.0, 100);
    EXPECT_EQ(r.first, 5u); // sent at 1010 exactly
    EXPECT_EQ(r.end, 10u);  // 1020 is excluded
    r = calc.SeqRangeOf(HandoverWindow{1010.5, 1020.5, 1015.0}, 1000.0, 100);
    EXPECT_EQ(r.first, 6u);
    EXPECT_EQ(r.end, 11u);
    // Rounding noise of a ns -> ms conversion must not shift a bound.
    r = calc.SeqRangeOf(HandoverWindow{1010.0 + 1e-9, 1020.0 - 1e-9, 1015.0}, 1000.0, 100);
    EXPECT_EQ(r.first, 5u);
    EXPECT_EQ(r.end, 10u);
    // Clipped to what was sent.
    r = calc.SeqRangeOf(HandoverWindow{900.0, 5000.0, 1015.0}, 1000.0, 100);
    EXPECT_EQ(r.first, 0u);
    EXPECT_EQ(r.end, 100u);
    r = calc.SeqRangeOf(HandoverWindow{5000.0, 6000.0, 5500.0}, 1000.0, 100);
    EXPECT_EQ(r.first, 100u);
    EXPECT_EQ(r.end, 100u);
}

// O(n log n): a million records, shuffled, in well under a second.
TEST(HandoverMetrics, LargeFlowIsFast)
{
    const uint64_t n = 1000000;
    std::vector<ProbeRecord> records;
    records.reserve(n);
    for (uint64_t seq = 0; seq < n; ++seq)
    {
        if (seq < 500000 || seq >= 500041)
        {
            double tx = static_cast<double>(seq);
            records.push_back({seq, tx, tx + kDelay});
        }
    }
    std::shuffle(records.begin(), records.end(), std::mt19937(1));
    HandoverWindow w{0.0, static_cast<double>(n), 500000.0};
    auto m = HandoverMetricsCalculator(kInterval).Compute(records, 0, n, w);
    EXPECT_EQ(m.lostPackets, 41u);
    EXPECT_DOUBLE_EQ(m.latencyMs, 41.0);
}
