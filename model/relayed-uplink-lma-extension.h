// SPDX-License-Identifier: GPL-2.0-only
/*
 * The LMA side of the MAG-to-MAG fast handovers (the FPMIPv6 paper, RFC 5949).
 */
#ifndef RELAYED_UPLINK_LMA_EXTENSION_H
#define RELAYED_UPLINK_LMA_EXTENSION_H

#include "pmipv6-lma.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * FPMIPv6 and RFC 5949 move a binding while the MN's uplink still comes
 * through the previous MAG: the MN is still attached there (FPMIPv6
 * registers at the new MAG ahead of the move; a two-interface MN keeps its
 * old link), or the new MAG relays it through the MAG-MAG tunnel until its
 * own PBA (RFC 5949 sec. 4.1) and those packets are still on their way.
 * Plain RFC 5213 admission would refuse them all, so this extension
 * allows the MAG that held the binding before a handover for
 * PreviousMagPeriod (an explicit, traced per-MN allowance; see
 * Pmipv6Lma::AllowUplink).
 */
class RelayedUplinkLmaExtension : public LmaExtension
{
  public:
    static TypeId GetTypeId();

    void NotifyRegistered(BindingCacheEntry& e, Ipv6Address oldProxyCoa) override;

  private:
    Time m_period;
};

} // namespace ns3

#endif
