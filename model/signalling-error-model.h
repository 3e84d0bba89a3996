// SPDX-License-Identifier: GPL-2.0-only
/*
 * Lossy signalling: a receive error model for the core links that drops
 * Mobility Header messages (IPv6 next header 135) and nothing else.
 */
#ifndef SIGNALLING_ERROR_MODEL_H
#define SIGNALLING_ERROR_MODEL_H

#include "ns3/error-model.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * Drops each Mobility Header message with probability Probability and lets
 * every other packet through. It reads the packet's bytes, as a receiver
 * would: an optional PPP header (protocol 0x0057, as point-to-point links
 * carry IPv6), then the IPv6 fixed header, whose Next Header must be 135
 * (RFC 6275 sec. 6.1). Data packets, tunnelled ones (next header 41)
 * included, are never dropped, nor are packets too short to hold an IPv6
 * header. Install it as a device's ReceiveErrorModel; every drop is counted
 * and fired on the "Drop" trace.
 */
class SignallingErrorModel : public ErrorModel
{
  public:
    static TypeId GetTypeId();
    SignallingErrorModel();

    /// Use stream \p stream for the drop decisions. \return streams used (1)
    int64_t AssignStreams(int64_t stream);

    /// Mobility Header messages seen (dropped or not).
    uint64_t GetSignallingCount() const;
    /// Mobility Header messages dropped.
    uint64_t GetDropCount() const;

    /**
     * Is \p p a Mobility Header message? (PPP header optional.)
     * \param p the packet as the device hands it to the error model
     */
    static bool IsMobilityHeaderMessage(Ptr<const Packet> p);

    typedef void (*DropTracedCallback)(Ptr<const Packet> p);

  private:
    bool DoCorrupt(Ptr<Packet> p) override;
    void DoReset() override;

    double m_probability;
    Ptr<UniformRandomVariable> m_random;
    uint64_t m_signalling{0};
    uint64_t m_drops{0};
    TracedCallback<Ptr<const Packet>> m_dropTrace;
};

} // namespace ns3

#endif
