// SPDX-License-Identifier: GPL-2.0-only
/*
 * Before a run: how much of a shared radio channel its flows will occupy.
 * A handover measured on a saturated channel measures the congestion, not
 * the handover (issue: 1 ms probes of ten MNs on one 802.11a channel gave
 * "handover latencies" of 586 ms). The estimate is offered frames per second
 * times the airtime of each, acknowledgement and contention included.
 */
#ifndef PMIPV6_RADIO_LOAD_CHECK_H
#define PMIPV6_RADIO_LOAD_CHECK_H

#include "ns3/nstime.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * Offered load of the flows that share one radio channel, as a fraction of
 * the channel's airtime.
 *
 * 802.11a (the domain's Wi-Fi access: data at 54 Mbit/s, 20 MHz, DCF, no
 * RTS/CTS): each UDP/IPv6 packet is one data frame (UDP 8 + IPv6 40 +
 * LLC/SNAP 8 + MAC header 24 + FCS 4 octets around the payload) after DIFS
 * (34 us) and the mean initial backoff (CWmin/2 = 7.5 slots of 9 us), then
 * SIFS (16 us) and an ACK at 24 Mbit/s (the highest basic rate not above the
 * data rate); frames take 20 us of preamble and SIGNAL plus 4 us per OFDM
 * symbol. A 64-octet probe costs 189.5 us, so two 1 ms probe flows (one MN)
 * load the channel to 38 %.
 *
 * Above kWarnFraction of the airtime the scenario warns (or refuses, with
 * --strictLoad). Measured (pmipv6, Wi-Fi, 2 MNs with 1 ms probes and
 * background MNs at 160 B / 20 ms each way): the downlink handover latency
 * stays at the single MN's 82 ms up to an estimated 98 % and grows past
 * 100 % (96 ms mean, 133 ms max at 105 %; 586 ms at 380 %). The estimate
 * leaves out collisions, which grow with the number of stations: the
 * warning comes at 80 %, before the knee.
 */
class RadioLoadCheck
{
  public:
    /// Above this fraction of a channel's airtime the load check warns.
    static constexpr double kWarnFraction = 0.8;

    /// Constant-rate flows of one kind on the channel.
    struct Flow
    {
        Time interval;         //!< between two packets of one flow
        uint32_t payloadBytes; //!< UDP payload
        uint32_t count;        //!< how many such flows
    };

    /// The estimate for the busiest channel of a run.
    struct Estimate
    {
        bool estimated{false}; //!< false: this access has no capacity model here
        std::string channel;   //!< which channel, in words
        uint32_t mns{0};       //!< MNs whose flows share it
        double framesPerSecond{0};
        double load{0};   //!< fraction of the channel's airtime, 0 when not estimated
        std::string note; //!< how it was estimated, or why not
        /// estimated and above kWarnFraction
        bool Exceeds() const;
        /// One line for people: "802.11a channel 36: 10 MNs, 2.1e+04 frames/s, 380 % of airtime".
        std::string Describe() const;
    };

    /**
     * Airtime of one UDP/IPv6 packet on 802.11a at 54 Mbit/s with its ACK,
     * DIFS and mean backoff.
     * \param udpPayloadBytes the UDP payload
     * \return the time the channel is busy for it
     */
    static Time WifiAirtime(uint32_t udpPayloadBytes);

    /**
     * \param access the access type ("ideal", "wifi", ...)
     * \param channel the busiest channel's name, for the message
     * \param mns the MNs whose flows share it
     * \param flows every flow on it
     * \return the estimate; not estimated for ideal access (a delay, no
     *         capacity) or an access type without a model here
     */
    static Estimate Check(const std::string& access,
                          const std::string& channel,
                          uint32_t mns,
                          const std::vector<Flow>& flows);
};

} // namespace ns3

#endif
