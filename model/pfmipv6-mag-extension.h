/*
 * Fast Handovers for Proxy Mobile IPv6, RFC 5949.
 */
#ifndef PFMIPV6_MAG_EXTENSION_H
#define PFMIPV6_MAG_EXTENSION_H

#include "fast-handover-mag-extension.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * RFC 5949 at one MAG, as previous MAG (PMAG) and new MAG (NMAG).
 *
 * Predictive (sec. 4.1): on the MN's report (PredictHandover) the PMAG
 * sends HI (P flag, U flag: buffer) with the MN's MN-ID, link-layer id,
 * HNP and LMA address; the NMAG answers HAck and sets up its side of the
 * PMAG-NMAG tunnel. When the MN leaves, the PMAG forwards its downlink to
 * the NMAG, which buffers until the MN attaches, then delivers and only now
 * registers the MN (PBU/PBA). Until the PBA, the NMAG sends the MN's uplink
 * back through the tunnel to the PMAG, which reverse-tunnels it to the LMA.
 *
 * Reactive (sec. 4.2): the PMAG buffers after the MN leaves; the NMAG,
 * once the MN is attached, sends HI (F flag: forward) to the PMAG named by
 * the access network, next to its PBU; the PMAG answers HAck and forwards.
 *
 * In both, once the MN is attached and registered at the NMAG, the NMAG
 * sends HI Code 2 ("forwarding completed", sec. 6.1.1) and the PMAG ends
 * forwarding at once; ForwardingLifetime is only the safety net. A HAck
 * with another sequence number than the HI's is refused (counted, traced);
 * one with a refusal Code stops the handover (no forwarding).
 */
class Pfmipv6MagExtension : public FastHandoverMagExtension
{
  public:
    static TypeId GetTypeId();

    void Install(Ptr<Pmipv6Mag> mag) override;
    void NotifyAttach(BindingUpdateListEntry& e) override;
    bool NotifyDetach(BindingUpdateListEntry& e) override;
    void NotifyRegistered(BindingUpdateListEntry& e) override;
    bool HandleUplink(BindingUpdateListEntry& e,
                      Ptr<const Packet> p,
                      const Ipv6Header& header) override;

  private:
    void RecvHi(Ptr<Packet> p, const Ipv6Header& ip);
    void RecvHack(Ptr<Packet> p, const Ipv6Header& ip);
};

} // namespace ns3

#endif
