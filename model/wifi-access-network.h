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
    uint8_t GetAccessTechnologyType(uint32_t mag) const override;
    Time GetAttachMargin() const override;
    Time GetHandoverMargin() const override;
    Time GetPlannedDhoL2() const override;

    /// Number of 5 GHz 20 MHz channels there are for access points.
    static uint32_t GetChannelCount();

    /**
     * Add one station for \p mn on \p node (not yet an IPv6 interface),
     * tuned to the first access point's channel (\p idle: to the idle
     * channel, no link); its association and loss drive
     * NotifyAttached/NotifyDetached. For access networks that combine Wi-Fi
     * with another technology. \return the station
     */
    Ptr<NetDevice> AddStation(uint32_t mn, Ptr<Node> node, bool idle = false);
    /// A 5 GHz channel no access point uses (a station tuned there has no link).
    static uint8_t GetIdleChannel();

  protected:
    void DoDispose() override;
    void DoInstall() override;
    void DoHandover(uint32_t mn, uint32_t targetMag) override;
    /// Build the access points only (for subclasses that add stations themselves).
    void InstallAccessPoints();
    /**
     * Retune \p mn's station to \p targetMag's first channel (-1: the idle
     * channel); \p linkLoss: the switch is the MN's link loss in its
     * pending handover record.
     */
    void RetuneStation(uint32_t mn, int targetMag, bool linkLoss = true);
    /// Is \p mn's station tuned to a channel of \p mag (associated or associating)?
    bool IsTunedTo(uint32_t mn, uint32_t mag) const;
    /// Does \p mag carry access points? (All MAGs, unless a subclass says otherwise.)
    virtual bool HasAccessPoints(uint32_t mag) const;
    /// The station of \p mn (nullptr if none).
    Ptr<NetDevice> GetStation(uint32_t mn) const;
    /// The station associated with an access point of \p mag (on its
    /// interface \p ifIndex); by default tells the MAG after AttachNotifyDelay.
    virtual void StationAssociated(uint32_t mn, uint32_t mag, uint32_t ifIndex);
    virtual void StationLost(uint32_t mn);

    Time m_attachNotifyDelay;

  private:
    void OnStaAssoc(uint32_t mn, Mac48Address bssid);
    void OnStaDeAssoc(uint32_t mn, Mac48Address bssid);

    uint32_t m_apsPerMag;
    NetDeviceContainer m_wifiDevices; //!< APs and stations, for AssignStreams
    NetDeviceContainer m_accessPoints;
    std::vector<Ptr<NetDevice>> m_stations; //!< per MN
    struct AccessPoint
    {
        uint32_t mag;
        uint8_t channel;
        uint32_t ifIndex;
    };

    std::vector<AccessPoint> m_aps;
};

} // namespace ns3

#endif
