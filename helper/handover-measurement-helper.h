// SPDX-License-Identifier: GPL-2.0-only
/*
 * Measures handovers from packets: a constant-rate UDP probe flow in each
 * direction per mobile node, and per handover the latency, loss and extra
 * delay seen in them (the FPMIPv6 paper, sec. 4.1), plus the signalling it cost.
 */
#ifndef HANDOVER_MEASUREMENT_HELPER_H
#define HANDOVER_MEASUREMENT_HELPER_H

#include "handover-metrics.h"
#include "handover-probe.h"
#include "pmipv6-domain-helper.h"

#include <limits>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * Install() puts, for every mobile node, a downlink probe CN -> MN and an
 * uplink probe MN -> CN from \p start to \p stop. After Simulator::Run(),
 * Compute() cuts each MN's flows into one window per handover (from the
 * midpoint with the previous handover to the midpoint with the next) and
 * returns the measures of every handover and direction.
 */
class HandoverMeasurementHelper
{
  public:
    struct Result
    {
        uint32_t mn;
        uint32_t handover;     //!< index among this MN's handovers
        std::string direction; //!< "down" or "up"
        Pmipv6DomainHelper::L2Handover l2;
        HandoverMetrics metrics;
        uint64_t signallingMessages; //!< Mobility Header messages sent in the window
        uint64_t signallingBytes;
        /**
         * The new MAG's entry for the MN became REGISTERED (its PBA came back)
         * between the window's start and the MN's next handover: ms after the
         * link loss (negative: registered ahead, predicted); NaN if it never did.
         */
        double registeredMs;
        /**
         * The handover completed in this direction: registeredMs is set, and
         * a probe packet sent after the attach to the new MAG, before the
         * MN's next handover (the end of the flows for the last), was received.
         */
        bool completed;
        /**
         * Schemes with a protocol completion (ProMPt, MIPv6; the ProMPt
         * paper's "time for protocol completion"): from the MN's first
         * message to the target AR (or on the new link) to the anchor's
         * route switch (or the Binding Acknowledgement), ms; NaN elsewhere.
         */
        double completionMs = std::numeric_limits<double>::quiet_NaN();
        /// From the handover decision to the same end, ms; NaN elsewhere.
        double completionFromDecisionMs = std::numeric_limits<double>::quiet_NaN();
    };

    HandoverMeasurementHelper();
    void SetInterval(Time interval);
    void SetPacketSize(uint32_t bytes);
    /**
     * MNs from \p probedMns on carry background flows instead of probes:
     * one packet of \p bytes every \p interval, downlink if \p down, uplink
     * if \p up (without either, no flow and a null sender). Their records
     * are counted but give no results (they do not hand over).
     */
    void SetBackground(uint32_t probedMns, Time interval, uint32_t bytes, bool down, bool up);
    void Install(Pmipv6DomainHelper& domain, Time start, Time stop);
    std::vector<Result> Compute() const;

    Ptr<HandoverProbeReceiver> GetDownlinkReceiver(uint32_t mn) const;
    Ptr<HandoverProbeReceiver> GetUplinkReceiver() const;
    Ptr<HandoverProbeSender> GetDownlinkSender(uint32_t mn) const;
    Ptr<HandoverProbeSender> GetUplinkSender(uint32_t mn) const;

  private:
    void Connect();
    void OnSignalling(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst);
    void OnMagState(uint32_t mag, std::string mnId, std::string from, std::string to);

    Pmipv6DomainHelper* m_domain{nullptr};
    Time m_interval{MilliSeconds(1)};
    uint32_t m_packetSize{64};
    uint32_t m_probedMns{std::numeric_limits<uint32_t>::max()};
    Time m_backgroundInterval{MilliSeconds(20)};
    uint32_t m_backgroundSize{160};
    bool m_backgroundDown{true};
    bool m_backgroundUp{true};
    Time m_start;
    Time m_stop;
    std::vector<Ptr<HandoverProbeSender>> m_downSenders;
    std::vector<Ptr<HandoverProbeSender>> m_upSenders;
    std::vector<Ptr<HandoverProbeReceiver>> m_downReceivers;
    Ptr<HandoverProbeReceiver> m_upReceiver;
    std::vector<std::pair<double, uint32_t>> m_signalling; //!< (ms, bytes) of every message
    struct Registration
    {
        double ms;
        std::string mnId;
        uint32_t mag;
    };

    std::vector<Registration> m_registrations; //!< every MAG entry turning REGISTERED
};

} // namespace ns3

#endif
