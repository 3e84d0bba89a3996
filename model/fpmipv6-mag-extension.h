// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fast Proxy Mobile IPv6 as the FPMIPv6 paper proposes it (sec. 3): the old MAG
 * coordinates the handover.
 */
#ifndef FPMIPV6_MAG_EXTENSION_H
#define FPMIPV6_MAG_EXTENSION_H

#include "fast-handover-mag-extension.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * FPMIPv6 at one MAG, in both roles.
 *
 * Old MAG (the FPMIPv6 paper's Fig. 5): on an L2 prediction (PredictHandover) it sends
 * HI (MN-ID, HNP, LMA address, timestamp) to the new MAG and HOInit to the
 * AP; on the HAck it sends HOComplete (the MN leaves). When the MN is gone
 * it buffers what still arrives and, on an FBU, forwards it to the FBU's
 * sender; an FBU from a MAG other than the predicted one (wrong prediction,
 * sec. 3.5) is passed on to the predicted MAG so that it sends the MN's
 * traffic back. If the MN comes back, it re-registers and tells the
 * predicted MAG with an FBU.
 *
 * New MAG (Fig. 6): on an HI it registers the MN with the HI's timestamp,
 * answers HAck after the PBA and buffers until the MN attaches; then it
 * delivers the buffer and asks the old MAG (FBU) for what it holds. With no
 * HI (unpredicted, sec. 3.4) it sends the FBU to the MAG the access network
 * names as the previous one, next to the core's PBU. An HI for a MN that is
 * already attached here (a second interface faster than the HI) is answered
 * once the MN's own registration is done, so that the old MAG lets the MN
 * go only when the LMA sends its traffic here. If the MN does not come
 * within ArrivalTimeout of the HI, the new MAG drops what it buffered and
 * de-registers the MN (it would otherwise refresh a binding the MN does not
 * use). Once the MN is attached and registered, HI Code 2 (RFC 5949) tells
 * the MAG that forwards to it that forwarding is complete.
 */
class Fpmipv6MagExtension : public FastHandoverMagExtension
{
  public:
    static TypeId GetTypeId();

    /// L2 trigger: the MN is expected to move to the AP of \p newMag soon.
    void PredictHandover(std::string mn, Ipv6Address newMag) override;

    void Install(Ptr<Pmipv6Mag> mag) override;
    void NotifyAttach(BindingUpdateListEntry& e) override;
    bool NotifyDetach(BindingUpdateListEntry& e) override;
    void NotifyRegistered(BindingUpdateListEntry& e) override;

  private:
    /// The predicted MN did not arrive: release what was prepared for it.
    void ArrivalTimeout(std::string mn);

    void RecvHi(Ptr<Packet> p, const Ipv6Header& ip);
    void RecvHack(Ptr<Packet> p, const Ipv6Header& ip);
    void RecvFbu(Ptr<Packet> p, const Ipv6Header& ip);
    void RecvFback(Ptr<Packet> p, const Ipv6Header& ip);

    Time m_arrivalTimeout;
};

} // namespace ns3

#endif
