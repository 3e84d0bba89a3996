// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ideal access: every MAG has one access point on an IdealAccessChannel,
 * a handover takes exactly DHO,L2, and the MAG-AP round trip is exact.
 */
#ifndef IDEAL_ACCESS_NETWORK_H
#define IDEAL_ACCESS_NETWORK_H

#include "access-network.h"
#include "ideal-access-channel.h"
#include "mn-interface-shim.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * The access network of the analytic model (the FPMIPv6 paper, sec. 4):
 * a link switched on a schedule with a delay set by attribute. A MN may
 * have two interfaces behind an MnInterfaceShim (the FPMIPv6 paper, sec.
 * 3.3). Without mobility it is the plain-routing baseline's access: MNs
 * fixed on their MAGs.
 */
class IdealAccessNetwork : public AccessNetwork
{
  public:
    static TypeId GetTypeId();

    std::string CheckRequirements(const Requirements& r) const override;
    bool PrepareSecondInterface(uint32_t mn, uint32_t targetMag) override;
    void EnablePcap(const std::string& prefix) override;
    uint8_t GetAccessTechnologyType(uint32_t mag) const override;
    Time GetPlannedDhoL2() const override;
    /// DHO,L2 is the parameter here (exact but for make before break).
    bool IsDhoL2Measured() const override;

    /**
     * Without mobility: put MN \p mn on \p mag with \p address, both
     * neighbours pinned; \return the MN's interface index.
     */
    uint32_t AttachFixed(uint32_t mn, uint32_t mag, Ipv6Address address);

  protected:
    void DoDispose() override;
    void DoInstall() override;
    void DoHandover(uint32_t mn, uint32_t targetMag) override;

  private:
    void Attach(uint32_t mn, uint32_t mag, uint32_t phy);
    void LoseLink(uint32_t mn, uint32_t phy);
    uint32_t ActivePhy(uint32_t mn) const;

    Time m_accessDelay;
    Time m_dhoL2;
    uint32_t m_interfaces;
    Ptr<IdealAccessChannel> m_channel;
    std::vector<Ptr<SimpleNetDevice>> m_accessPoints;        //!< per MAG
    std::vector<std::vector<Ptr<SimpleNetDevice>>> m_mnPhys; //!< per MN, its devices
    std::vector<std::vector<int>> m_phyMag;                  //!< MAG each device is on, -1
    std::vector<Ptr<MnInterfaceShim>> m_shims;               //!< two-interface MNs
};

} // namespace ns3

#endif
