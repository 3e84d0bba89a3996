// SPDX-License-Identifier: GPL-2.0-only
#include "radio-load-check.h"

#include <cmath>
#include <sstream>

namespace ns3
{

namespace
{
// IEEE 802.11-2016 sec. 17 (OFDM PHY, 20 MHz) and sec. 10.3 (DCF).
const double kPreambleAndSignalUs = 20;
const double kSymbolUs = 4;
const double kServiceAndTailBits = 16 + 6;
const double kSifsUs = 16;
const double kSlotUs = 9;
const double kDifsUs = kSifsUs + 2 * kSlotUs;
const double kCwMin = 15;
const double kDataBitsPerSymbol = 216; // 54 Mbit/s
const double kAckBitsPerSymbol = 96;   // 24 Mbit/s
const uint32_t kAckBytes = 14;
// Around the UDP payload: UDP, IPv6, LLC/SNAP, MAC header, FCS.
const uint32_t kFrameOverheadBytes = 8 + 40 + 8 + 24 + 4;

double
OfdmDurationUs(uint32_t bytes, double bitsPerSymbol)
{
    return kPreambleAndSignalUs +
           kSymbolUs * std::ceil((kServiceAndTailBits + 8.0 * bytes) / bitsPerSymbol);
}
} // namespace

Time
RadioLoadCheck::WifiAirtime(uint32_t udpPayloadBytes)
{
    double us = kDifsUs + kCwMin / 2 * kSlotUs +
                OfdmDurationUs(udpPayloadBytes + kFrameOverheadBytes, kDataBitsPerSymbol) +
                kSifsUs + OfdmDurationUs(kAckBytes, kAckBitsPerSymbol);
    return NanoSeconds(static_cast<int64_t>(std::llround(us * 1000)));
}

bool
RadioLoadCheck::Estimate::Exceeds() const
{
    return estimated && load > kWarnFraction;
}

std::string
RadioLoadCheck::Estimate::Describe() const
{
    std::ostringstream os;
    if (!estimated)
    {
        os << "not estimated: " << note;
        return os.str();
    }
    os << channel << ": " << mns << " MN(s), " << framesPerSecond << " frames/s, "
       << std::round(load * 1000) / 10 << " % of its airtime (warning above "
       << kWarnFraction * 100 << " %)";
    return os.str();
}

RadioLoadCheck::Estimate
RadioLoadCheck::Check(const std::string& access,
                      const std::string& channel,
                      uint32_t mns,
                      const std::vector<Flow>& flows)
{
    Estimate e;
    e.channel = channel;
    e.mns = mns;
    if (access == "ideal")
    {
        e.note = "ideal access is a delay without a capacity";
        return e;
    }
    if (access != "wifi")
    {
        e.note = "no capacity model for access '" + access + "' in RadioLoadCheck";
        return e;
    }
    e.estimated = true;
    e.note = "802.11a at 54 Mbit/s: frames/s x (frame + SIFS + ACK at 24 Mbit/s + DIFS + "
             "mean backoff)";
    for (const Flow& f : flows)
    {
        if (f.count == 0 || !f.interval.IsStrictlyPositive())
        {
            continue;
        }
        double perSecond = f.count / f.interval.GetSeconds();
        e.framesPerSecond += perSecond;
        e.load += perSecond * WifiAirtime(f.payloadBytes).GetSeconds();
    }
    return e;
}

} // namespace ns3
