// SPDX-License-Identifier: GPL-2.0-only
/*
 * Wi-Fi access: 802.11a access points on the MAGs, a handover is the
 * station's switch of channel and its re-association.
 */
#ifndef WIFI_ACCESS_NETWORK_H
#define WIFI_ACCESS_NETWORK_H

#include "access-network.h"

#include "ns3/net-device-container.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * Each MAG carries ApsPerMag 802.11a access points on their own channels,
 * all with the same MAC and link-local address; a handover is the mobile
 * node's station retuning to a channel of the target MAG and
 * re-associating by active probing. DHO,L2 is whatever that takes,
 * measured per handover from the station's association.
 */
class WifiAccessNetwork : public AccessNetwork
{
  public:
    static TypeId GetTypeId();

    std::string CheckRequirements(const Requirements& r) const override;
    int64_t AssignStreams(int64_t stream) override;
    void EnablePcap(const std::string& prefix) override;
    uint8_t GetAccessTechnologyType() const override;
    Time GetAccessDelay() const override;
    Time GetAttachMargin() const override;
    Time GetHandoverMargin() const override;
    Time GetPlannedDhoL2() const override;

    /// Number of 5 GHz 20 MHz channels there are for access points.
    static uint32_t GetChannelCount();

    /**
     * Add one station for \p mn on \p node (not yet an IPv6 interface),
     * tuned to MAG 0's first channel; its association and loss drive
     * NotifyAttached/NotifyDetached. For access networks that combine Wi-Fi
     * with another technology. \return the station
     */
    Ptr<NetDevice> AddStation(uint32_t mn, Ptr<Node> node);

  protected:
    void DoDispose() override;
    void DoInstall() override;
    void DoHandover(uint32_t mn, uint32_t targetMag) override;
    /// Build the access points only (for subclasses that add stations themselves).
    void InstallAccessPoints();
    /// Retune \p mn's station to \p targetMag's first channel.
    void RetuneStation(uint32_t mn, uint32_t targetMag);
    /// The station of \p mn (nullptr if none).
    Ptr<NetDevice> GetStation(uint32_t mn) const;
    /// The station associated (on the channel of access point \p ap); by
    /// default tells the MAG after AttachNotifyDelay.
    virtual void StationAssociated(uint32_t mn, uint32_t mag, uint32_t ap);
    virtual void StationLost(uint32_t mn);

  private:
    void OnStaAssoc(uint32_t mn, Mac48Address bssid);
    void OnStaDeAssoc(uint32_t mn, Mac48Address bssid);

    uint32_t m_apsPerMag;
    Time m_attachNotifyDelay;
    NetDeviceContainer m_wifiDevices; //!< APs and stations, for AssignStreams
    NetDeviceContainer m_accessPoints;
    std::vector<Ptr<NetDevice>> m_stations; //!< per MN
    std::vector<uint8_t> m_channelOfAccess; //!< flattened mag * apsPerMag + k
};

} // namespace ns3

#endif
