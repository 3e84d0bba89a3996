// SPDX-License-Identifier: GPL-2.0-only
#include "handover-metrics.h"

#include "ns3/abort.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ns3
{

HandoverMetricsCalculator::HandoverMetricsCalculator(double intervalMs)
    : m_intervalMs(intervalMs)
{
    NS_ABORT_MSG_IF(!(intervalMs > 0), "HandoverMetricsCalculator: interval must be > 0 ms");
}

double
HandoverMetricsCalculator::GetIntervalMs() const
{
    return m_intervalMs;
}

HandoverMetricsCalculator::SeqRange
HandoverMetricsCalculator::SeqRangeOf(const HandoverWindow& w,
                                      double firstTxMs,
                                      uint64_t sentCount) const
{
    // Smallest s with firstTxMs + s * I >= t. The tolerance absorbs the
    // rounding of ns -> ms conversions so that a packet sent exactly at a
    // window bound is not pushed to the next window.
    const double tolerance = 1e-6;
    auto firstSeqAtOrAfter = [&](double tMs) -> uint64_t {
        double s = std::ceil((tMs - firstTxMs) / m_intervalMs - tolerance);
        if (s <= 0)
        {
            return 0;
        }
        if (s >= static_cast<double>(sentCount))
        {
            return sentCount;
        }
        return static_cast<uint64_t>(s);
    };
    SeqRange range;
    range.first = firstSeqAtOrAfter(w.startMs);
    range.end = std::max(range.first, firstSeqAtOrAfter(w.endMs));
    return range;
}

HandoverMetrics
HandoverMetricsCalculator::Compute(const std::vector<ProbeRecord>& records,
                                   uint64_t firstSeqInWindow,
                                   uint64_t endSeqInWindow,
                                   const HandoverWindow& w) const
{
    NS_ABORT_MSG_IF(endSeqInWindow < firstSeqInWindow,
                    "HandoverMetricsCalculator: window ends before it starts");

    HandoverMetrics m{};
    m.sent = endSeqInWindow - firstSeqInWindow;

    // The window's packets, one (the earliest) reception per sequence number.
    std::vector<ProbeRecord> inWindow;
    for (const ProbeRecord& r : records)
    {
        if (r.seq >= firstSeqInWindow && r.seq < endSeqInWindow)
        {
            inWindow.push_back(r);
        }
    }
    std::sort(inWindow.begin(), inWindow.end(), [](const ProbeRecord& a, const ProbeRecord& b) {
        return a.seq != b.seq ? a.seq < b.seq : a.rxMs < b.rxMs;
    });
    inWindow.erase(
        std::unique(inWindow.begin(),
                    inWindow.end(),
                    [](const ProbeRecord& a, const ProbeRecord& b) { return a.seq == b.seq; }),
        inWindow.end());

    m.received = inWindow.size();
    m.lostPackets = m.sent - m.received;
    m.lossPeriodMs = static_cast<double>(m.lostPackets) * m_intervalMs;

    if (inWindow.empty())
    {
        // Nothing of the window arrived: the outage spans all of it.
        m.latencyMs = static_cast<double>(m.sent) * m_intervalMs;
        m.gapStartMs = w.startMs;
        m.gapEndMs = w.endMs;
        return m;
    }

    // Baseline: the delay of the path before the handover disturbed it.
    const double inf = std::numeric_limits<double>::infinity();
    double minDelayBefore = inf;
    double minDelayAll = inf;
    for (const ProbeRecord& r : inWindow)
    {
        double delay = r.rxMs - r.txMs;
        minDelayAll = std::min(minDelayAll, delay);
        if (r.txMs < w.handoverMs)
        {
            minDelayBefore = std::min(minDelayBefore, delay);
        }
    }
    m.baselineDelayMs = minDelayBefore < inf ? minDelayBefore : minDelayAll;

    m.maxExtraDelayMs = 0;
    for (const ProbeRecord& r : inWindow)
    {
        m.maxExtraDelayMs = std::max(m.maxExtraDelayMs, r.rxMs - r.txMs - m.baselineDelayMs);
    }

    // Receptions in time order, bounded by the virtual receptions of the
    // packets just outside the window (see the header): each is extrapolated
    // from the received packet nearest in sequence, at that packet's delay,
    // so a path that got shorter or longer does not fake a gap at the edge.
    const ProbeRecord& lowest = inWindow.front();
    const ProbeRecord& highest = inWindow.back();
    const double virtualStartRx =
        lowest.rxMs - static_cast<double>(lowest.seq - firstSeqInWindow + 1) * m_intervalMs;
    const double virtualEndRx =
        highest.rxMs + static_cast<double>(endSeqInWindow - highest.seq) * m_intervalMs;

    std::vector<double> rx;
    rx.reserve(inWindow.size());
    for (const ProbeRecord& r : inWindow)
    {
        rx.push_back(r.rxMs);
    }
    std::sort(rx.begin(), rx.end());

    double gap = rx.front() - virtualStartRx;
    m.gapStartMs = virtualStartRx;
    m.gapEndMs = rx.front();
    for (std::size_t i = 1; i < rx.size(); ++i)
    {
        if (rx[i] - rx[i - 1] > gap)
        {
            gap = rx[i] - rx[i - 1];
            m.gapStartMs = rx[i - 1];
            m.gapEndMs = rx[i];
        }
    }
    if (virtualEndRx - rx.back() > gap)
    {
        gap = virtualEndRx - rx.back();
        m.gapStartMs = rx.back();
        m.gapEndMs = virtualEndRx;
    }
    m.latencyMs = std::max(0.0, gap - m_intervalMs);
    return m;
}

} // namespace ns3
