// SPDX-License-Identifier: GPL-2.0-only
/*
 * A Wi-Fi + LTE mobile node (the FPMIPv6 paper's two-interface shim, sec.
 * 3.3, generalised to two technologies) moving between a Wi-Fi MAG and an
 * LTE MAG of one PMIPv6 domain.
 */
#ifndef WIFI_LTE_ACCESS_NETWORK_H
#define WIFI_LTE_ACCESS_NETWORK_H

#include "lte-access-network.h"
#include "mn-interface-shim.h"
#include "wifi-access-network.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * Two MAGs: one with 802.11a access points, one on an EPC's PGW with one
 * eNB. Each MN has a Wi-Fi station and an LTE UE behind an MnInterfaceShim:
 * one IPv6 address (from its 48-bit identity) over both. Direction says
 * which technology the MN starts on (MAG 0); each handover moves it to the
 * other (MAG 1, then back).
 *
 * A handover loses the old link at t0: Wi-Fi, the station leaves its
 * channel (the AP reports the disassociation); LTE, the access network
 * declares the UE's link gone (the LTE MAG is told; LENA has no UE
 * detach), and the shim passes up nothing more from that device. The new
 * link comes up by its technology's means: the station re-associates, or
 * the UE attaches (RRC connection and default bearer; a UE still connected
 * from before is there at once). The new MAG is told with Handoff
 * Indicator 2, "handoff between two different interfaces" (RFC 5213 sec.
 * 8.4). With a prediction (PrepareSecondInterface on the fast-handover
 * schemes' HOInit) the new interface comes up before t0: make before break.
 */
class WifiLteAccessNetwork : public WifiAccessNetwork
{
  public:
    /// Which technology the MN starts on.
    enum Direction
    {
        WIFI_TO_LTE, //!< MAG 0 Wi-Fi, MAG 1 LTE
        LTE_TO_WIFI, //!< MAG 0 LTE, MAG 1 Wi-Fi
    };

    static TypeId GetTypeId();
    WifiLteAccessNetwork();
    ~WifiLteAccessNetwork() override;

    std::string CheckRequirements(const Requirements& r) const override;
    Ptr<Node> CreateMagNode(uint32_t mag, uint32_t mags) override;
    bool PrepareSecondInterface(uint32_t mn, uint32_t targetMag) override;
    int64_t AssignStreams(int64_t stream) override;
    uint8_t GetAccessTechnologyType(uint32_t mag) const override;
    Time GetAttachMargin() const override;
    Time GetHandoverMargin() const override;
    Time GetPlannedDhoL2() const override;
    /// The MAG on the EPC's PGW.
    uint32_t GetLteMag() const;

  protected:
    void DoDispose() override;
    void DoInstall() override;
    void DoHandover(uint32_t mn, uint32_t targetMag) override;
    bool HasAccessPoints(uint32_t mag) const override;
    void StationAssociated(uint32_t mn, uint32_t mag, uint32_t ifIndex) override;
    void StationLost(uint32_t mn) override;

  private:
    /// The device indexes behind each MN's shim.
    enum Device
    {
        WIFI = 0,
        LTE = 1,
    };

    uint32_t GetWifiMag() const;
    void UeReady(uint32_t mn);
    /// The new link of a handover to \p mag is up: send on it.
    void SwitchTo(uint32_t mn, Device device);

    Direction m_direction;
    LteRadioAccess m_radio;
    std::vector<Ptr<MnInterfaceShim>> m_shims;
};

} // namespace ns3

#endif
