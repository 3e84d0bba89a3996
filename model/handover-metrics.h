// SPDX-License-Identifier: GPL-2.0-only
/*
 * Handover measures of the FPMIPv6 paper (Sec. 4.1), computed from the packets of one
 * constant-rate probe flow. Pure logic: no simulator, times are plain double
 * milliseconds so that a sweep of thousands of handovers stays cheap.
 */
#ifndef HANDOVER_METRICS_H
#define HANDOVER_METRICS_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \brief One received probe packet of one flow.
 *
 * Only received packets appear; a sequence number that never shows up is a
 * lost packet. Duplicates may appear: the calculator keeps the earliest copy.
 */
struct ProbeRecord
{
    uint64_t seq; //!< sequence number given by the sender (0, 1, 2, ...)
    double txMs;  //!< send time (ms)
    double rxMs;  //!< receive time (ms)
};

/**
 * \brief The slice of a flow that belongs to one handover.
 *
 * Packets SENT in [startMs, endMs) belong to the handover. Choose the window
 * so that it covers the prediction (Tpred before the link loss) and lets the
 * flow settle afterwards, but holds no other handover: for handovers every T
 * seconds, [handoverMs - T/2, handoverMs + T/2) is a good choice.
 */
struct HandoverWindow
{
    double startMs;    //!< first send time of the window (ms, inclusive)
    double endMs;      //!< end of the window in send time (ms, exclusive)
    double handoverMs; //!< time the MN actually lost its old link (ms)
};

/**
 * \brief Measures of one handover (the FPMIPv6 paper, Sec. 4.1, REFERENCE.md "Measures").
 */
struct HandoverMetrics
{
    double latencyMs;       //!< dHO: longest reception gap minus the nominal interval
    uint64_t lostPackets;   //!< sequence numbers sent in the window and never received
    double lossPeriodMs;    //!< lHO: lostPackets x interval
    double maxExtraDelayMs; //!< dadd: max(one-way delay - baselineDelayMs), 0 if none received
    uint64_t received;      //!< distinct sequence numbers of the window received
    uint64_t sent;          //!< sequence numbers of the window (endSeq - firstSeq)
    double baselineDelayMs; //!< smallest one-way delay of the packets sent before the handover
    /// Receive time (real or virtual) opening the longest gap; startMs if nothing arrived.
    double gapStartMs;
    /// Receive time (real or virtual) closing it; endMs if nothing arrived.
    double gapEndMs;
};

/**
 * \brief Computes dHO, lHO and dadd of one handover from the probe records.
 *
 * Definitions, for the packets whose sequence number lies in
 * [firstSeqInWindow, endSeqInWindow) (duplicates reduced to their earliest
 * reception), with I the nominal send interval:
 *
 * - baselineDelayMs: the smallest one-way delay (rx - tx) among those packets
 *   sent before handoverMs; if none of them arrived, the smallest delay of
 *   any received packet of the window; 0 if nothing was received.
 * - latencyMs (dHO): sort the receptions by receive time (NOT by sequence
 *   number: a fast handover delivers forwarded old packets after newer ones,
 *   and what the MN notices is the time without any reception). Add two
 *   virtual receptions for the packets just outside the window, sequence
 *   firstSeq - 1 and endSeq, as if they had travelled like the received
 *   packet nearest to them in sequence: rx(lowest received) - (its distance
 *   in sequence) x I, and rx(highest received) + (its distance) x I. A
 *   virtual reception only closes the gap at its own end of the sorted list,
 *   so a window cut short during an outage still reports the outage up to the
 *   window end, and a late packet never splits a gap. The gap is the largest
 *   difference between consecutive receptions of that list, and
 *   dHO = max(0, gap - I). A steady flow gives gap = I and dHO = 0; a path
 *   that becomes d ms longer without loss gives dHO = d. If nothing of the
 *   window was received, dHO = sent x I (the whole window). Any gap in the
 *   window counts, so keep the window to one handover (the gap bounds are
 *   returned to check where it lies).
 * - lostPackets: sent - received; lossPeriodMs (lHO) = lostPackets x I.
 * - maxExtraDelayMs (dadd): max over received packets of the window of
 *   (delay - baselineDelayMs), never negative; 0 if nothing was received.
 *
 * Cost: O(n log n) in the number of records (two sorts).
 */
class HandoverMetricsCalculator
{
  public:
    /// Sequence numbers [first, end) of a flow.
    struct SeqRange
    {
        uint64_t first; //!< first sequence number (inclusive)
        uint64_t end;   //!< end (exclusive)
    };

    /**
     * \param intervalMs nominal send interval of the probe flow (ms, > 0)
     */
    explicit HandoverMetricsCalculator(double intervalMs);

    /**
     * \param records all received packets of one flow, any order, duplicates allowed
     * \param firstSeqInWindow first sequence number sent in the window
     * \param endSeqInWindow one past the last sequence number sent in the window
     * \param w the window: handoverMs sets the baseline delay; the send-time
     *          bounds only stand in for the gap bounds when nothing arrived
     *          (turn them into sequence numbers with SeqRangeOf)
     * \return the measures of this handover
     */
    HandoverMetrics Compute(const std::vector<ProbeRecord>& records,
                            uint64_t firstSeqInWindow,
                            uint64_t endSeqInWindow,
                            const HandoverWindow& w) const;

    /**
     * \brief The sequence numbers sent in [w.startMs, w.endMs).
     *
     * \param w the window
     * \param firstTxMs send time of sequence number 0 (sequence s was sent at
     *        firstTxMs + s x interval, failed sends included)
     * \param sentCount sequence numbers 0 .. sentCount-1 were issued
     * \return the range, clipped to [0, sentCount)
     */
    SeqRange SeqRangeOf(const HandoverWindow& w, double firstTxMs, uint64_t sentCount) const;

    /// \return the nominal send interval (ms)
    double GetIntervalMs() const;

  private:
    double m_intervalMs; //!< nominal send interval (ms)
};

} // namespace ns3

#endif /* HANDOVER_METRICS_H */
