// SPDX-License-Identifier: GPL-2.0-only
#include "wifi-access-network.h"

#include "ns3/boolean.h"
#include "ns3/frame-exchange-manager.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/mobility-helper.h"
#include "ns3/mobility-model.h"
#include "ns3/simulator.h"
#include "ns3/ssid.h"
#include "ns3/sta-wifi-mac.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-helper.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy.h"
#include "ns3/yans-wifi-helper.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("WifiAccessNetwork");
NS_OBJECT_ENSURE_REGISTERED(WifiAccessNetwork);

namespace
{
AccessNetworkRegistration g_registration("wifi", &WifiAccessNetwork::GetTypeId);
/// RFC 5213 sec. 8.5: IEEE 802.11a/b/g.
constexpr uint8_t kAttIeee80211abg = 4;
/// 5 GHz 20 MHz channels for the access points, one each.
const uint8_t kWifiChannels[] = {36,  40,  44,  48,  52,  56,  60,  64,  100, 104, 108, 112,
                                 116, 120, 124, 128, 132, 136, 140, 149, 153, 157, 161, 165};
/// Re-association by active probing, with margin (measured, not set).
const Time kWifiHandoverMargin = MilliSeconds(200);
/// The first association, with margin.
const Time kWifiAttachMargin = MilliSeconds(400);
/// A typical DHO,L2 of the re-association, for planning only.
const Time kWifiPlannedDhoL2 = MilliSeconds(11);

/// A Wi-Fi device's MAC must change in the frame exchange manager too
/// (where the wifi helper copied it at install time).
void
SetWifiAddress(Ptr<NetDevice> dev, Mac48Address address)
{
    Ptr<WifiMac> mac = DynamicCast<WifiNetDevice>(dev)->GetMac();
    mac->SetAddress(address);
    mac->GetFrameExchangeManager()->SetAddress(address);
}

std::string
ChannelSettings(uint8_t channel)
{
    std::ostringstream settings;
    settings << "{" << unsigned(channel) << ", 20, BAND_5GHZ, 0}";
    return settings.str();
}

WifiHelper
MakeWifiHelper()
{
    WifiHelper wifi;
    wifi.SetStandard(WIFI_STANDARD_80211a);
    wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager",
                                 "DataMode",
                                 StringValue("OfdmRate54Mbps"),
                                 "ControlMode",
                                 StringValue("OfdmRate6Mbps"));
    return wifi;
}

YansWifiPhyHelper
MakePhyHelper()
{
    YansWifiPhyHelper phy;
    phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
    return phy;
}
} // namespace

TypeId
WifiAccessNetwork::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::WifiAccessNetwork")
            .SetParent<AccessNetwork>()
            .SetGroupName("Pmipv6")
            .AddConstructor<WifiAccessNetwork>()
            .AddAttribute("ApsPerMag",
                          "802.11a access points on each MAG, each on its own channel",
                          UintegerValue(1),
                          MakeUintegerAccessor(&WifiAccessNetwork::m_apsPerMag),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("AttachNotifyDelay",
                          "From the station's association to its MAG knowing (the AP's ACK, "
                          "AP -> MAG)",
                          TimeValue(MilliSeconds(1)),
                          MakeTimeAccessor(&WifiAccessNetwork::m_attachNotifyDelay),
                          MakeTimeChecker(Time(0)));
    return tid;
}

uint32_t
WifiAccessNetwork::GetChannelCount()
{
    return sizeof(kWifiChannels);
}

uint8_t
WifiAccessNetwork::GetIdleChannel()
{
    return kWifiChannels[sizeof(kWifiChannels) - 1];
}

bool
WifiAccessNetwork::HasAccessPoints(uint32_t mag) const
{
    return true;
}

std::string
WifiAccessNetwork::CheckRequirements(const Requirements& r) const
{
    std::ostringstream err;
    err << AccessNetwork::CheckRequirements(r);
    uint32_t wifiMags = 0;
    for (uint32_t i = 0; i < r.mags; ++i)
    {
        wifiMags += HasAccessPoints(i) ? 1 : 0;
    }
    // One channel per access point, and one left idle.
    if (wifiMags * m_apsPerMag > GetChannelCount() - 1)
    {
        err << "wifi: MAGs with Wi-Fi x apsPerMag must be 1.." << GetChannelCount() - 1
            << " (one channel per access point). ";
    }
    return err.str();
}

uint8_t
WifiAccessNetwork::GetAccessTechnologyType(uint32_t mag) const
{
    return kAttIeee80211abg;
}

Time
WifiAccessNetwork::GetAttachMargin() const
{
    return kWifiAttachMargin;
}

Time
WifiAccessNetwork::GetHandoverMargin() const
{
    return kWifiHandoverMargin;
}

Time
WifiAccessNetwork::GetPlannedDhoL2() const
{
    return kWifiPlannedDhoL2;
}

void
WifiAccessNetwork::InstallAccessPoints()
{
    WifiHelper wifi = MakeWifiHelper();
    YansWifiPhyHelper phy = MakePhyHelper();
    phy.SetChannel(YansWifiChannelHelper::Default().Create());
    WifiMacHelper mac;
    // Everyone within a few metres: the handover is the station's choice of
    // channel, not a fading radio.
    MobilityHelper mobility;
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    m_stations.assign(m_domain.mns.GetN(), nullptr);
    for (uint32_t i = 0; i < m_domain.mags.GetN(); ++i)
    {
        if (!HasAccessPoints(i))
        {
            continue;
        }
        if (!m_domain.mags.Get(i)->GetObject<MobilityModel>())
        {
            mobility.Install(m_domain.mags.Get(i));
        }
        for (uint32_t k = 0; k < m_apsPerMag; ++k)
        {
            uint8_t ch = kWifiChannels[m_aps.size()];
            phy.Set("ChannelSettings", StringValue(ChannelSettings(ch)));
            mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(Ssid("pmipv6")));
            NetDeviceContainer ap = wifi.Install(phy, mac, m_domain.mags.Get(i));
            m_wifiDevices.Add(ap);
            m_accessPoints.Add(ap);
            SetWifiAddress(ap.Get(0), GetSharedMagAddress());
            m_aps.push_back(AccessPoint{i, ch, AddAccessInterface(i, ap.Get(0))});
        }
    }
}

Ptr<NetDevice>
WifiAccessNetwork::AddStation(uint32_t n, Ptr<Node> node, bool idle)
{
    NS_ABORT_MSG_IF(m_accessPoints.GetN() == 0, "WifiAccessNetwork: no access points yet");
    WifiHelper wifi = MakeWifiHelper();
    YansWifiPhyHelper phy = MakePhyHelper();
    // The access points' channel object: stations share it.
    phy.SetChannel(DynamicCast<YansWifiChannel>(
        DynamicCast<WifiNetDevice>(m_accessPoints.Get(0))->GetChannel()));
    // On the first access point's channel: the MN starts there.
    phy.Set("ChannelSettings",
            StringValue(ChannelSettings(idle ? GetIdleChannel() : m_aps.front().channel)));
    WifiMacHelper mac;
    mac.SetType("ns3::StaWifiMac",
                "Ssid",
                SsidValue(Ssid("pmipv6")),
                "ActiveProbing",
                BooleanValue(true));
    if (!node->GetObject<MobilityModel>())
    {
        MobilityHelper mobility;
        mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
        mobility.Install(node);
    }
    NetDeviceContainer sta = wifi.Install(phy, mac, node);
    m_wifiDevices.Add(sta);
    Ptr<WifiNetDevice> dev = DynamicCast<WifiNetDevice>(sta.Get(0));
    SetWifiAddress(dev, m_domain.mnLinkLayerIds[n]);
    m_stations[n] = dev;
    Ptr<StaWifiMac> staMac = DynamicCast<StaWifiMac>(dev->GetMac());
    staMac->TraceConnectWithoutContext("Assoc",
                                       MakeCallback(&WifiAccessNetwork::OnStaAssoc, this).Bind(n));
    staMac->TraceConnectWithoutContext(
        "DeAssoc",
        MakeCallback(&WifiAccessNetwork::OnStaDeAssoc, this).Bind(n));
    return dev;
}

void
WifiAccessNetwork::DoInstall()
{
    InstallAccessPoints();
    for (uint32_t n = 0; n < m_domain.mns.GetN(); ++n)
    {
        Ptr<NetDevice> dev = AddStation(n, m_domain.mns.Get(n));
        Ptr<Ipv6L3Protocol> ipv6 = m_domain.mns.Get(n)->GetObject<Ipv6L3Protocol>();
        ipv6->SetUp(ipv6->AddInterface(dev));
    }
}

Ptr<NetDevice>
WifiAccessNetwork::GetStation(uint32_t mn) const
{
    return mn < m_stations.size() ? m_stations[mn] : nullptr;
}

void
WifiAccessNetwork::DoHandover(uint32_t mn, uint32_t targetMag)
{
    RetuneStation(mn, int(targetMag));
}

void
WifiAccessNetwork::RetuneStation(uint32_t mn, int targetMag, bool linkLoss)
{
    // The station retunes to the target's first access point and
    // re-associates by itself (active probing); the traces do the rest.
    // ns-3 3.37 aborts if a switch falls between a frame and its ACK
    // (SendNormalAck after SIFS on a switching PHY): wait for a quiet PHY,
    // and count the link as lost from the switch itself.
    Ptr<WifiPhy> phy = DynamicCast<WifiNetDevice>(m_stations[mn])->GetPhy();
    Time quiet = MicroSeconds(100);
    if (!phy->IsStateIdle() || Simulator::Now() - phy->GetLastRxEndTime() < quiet)
    {
        Simulator::Schedule(quiet / 4,
                            &WifiAccessNetwork::RetuneStation,
                            this,
                            mn,
                            targetMag,
                            linkLoss);
        return;
    }
    if (L2Handover* last = linkLoss ? LastHandoverOf(mn) : nullptr)
    {
        last->linkLost = Simulator::Now(); // another MN's may have come since
    }
    uint8_t ch = GetIdleChannel();
    for (const auto& ap : m_aps)
    {
        if (int(ap.mag) == targetMag)
        {
            ch = ap.channel;
            break;
        }
    }
    phy->SetOperatingChannel(WifiPhy::ChannelTuple{ch, 20, WIFI_PHY_BAND_5GHZ, 0});
}

bool
WifiAccessNetwork::IsTunedTo(uint32_t mn, uint32_t mag) const
{
    uint8_t ch = DynamicCast<WifiNetDevice>(m_stations.at(mn))->GetPhy()->GetChannelNumber();
    for (const auto& ap : m_aps)
    {
        if (ap.mag == mag && ap.channel == ch)
        {
            return true;
        }
    }
    return false;
}

void
WifiAccessNetwork::OnStaAssoc(uint32_t mn, Mac48Address bssid)
{
    // All access points share one BSSID: which one it is, the channel says.
    uint8_t ch = DynamicCast<WifiNetDevice>(m_stations[mn])->GetPhy()->GetChannelNumber();
    for (uint32_t a = 0; a < m_aps.size(); ++a)
    {
        if (m_aps[a].channel == ch)
        {
            StationAssociated(mn, m_aps[a].mag, m_aps[a].ifIndex);
            return;
        }
    }
    NS_LOG_WARN("MN " << mn << " associated on unknown channel " << unsigned(ch));
}

void
WifiAccessNetwork::StationAssociated(uint32_t mn, uint32_t mag, uint32_t ifIndex)
{
    // The station has its Association Response; the AP counts it associated
    // only once that frame's ACK is in (ApWifiMac::TxOk), tens of
    // microseconds later, and tells the MAG: before that the AP drops
    // frames for it. Notify the MAG after that hand-off.
    m_servingMag[mn] = mag;
    Simulator::ScheduleWithContext(m_domain.mags.Get(mag)->GetId(),
                                   m_attachNotifyDelay,
                                   &WifiAccessNetwork::NotifyAttached,
                                   this,
                                   mn,
                                   mag,
                                   ifIndex,
                                   uint8_t(HandoffIndicator::RESERVED),
                                   true);
}

void
WifiAccessNetwork::OnStaDeAssoc(uint32_t mn, Mac48Address bssid)
{
    StationLost(mn);
}

void
WifiAccessNetwork::StationLost(uint32_t mn)
{
    int mag = m_currentMag[mn];
    if (mag >= 0)
    {
        NotifyDetached(mn, mag);
    }
}

int64_t
WifiAccessNetwork::AssignStreams(int64_t stream)
{
    return m_wifiDevices.GetN() > 0 ? WifiHelper().AssignStreams(m_wifiDevices, stream) : 0;
}

void
WifiAccessNetwork::EnablePcap(const std::string& prefix)
{
    YansWifiPhyHelper phy = MakePhyHelper();
    phy.EnablePcap(prefix, m_wifiDevices);
}

void
WifiAccessNetwork::DoDispose()
{
    m_stations.clear();
    AccessNetwork::DoDispose();
}

} // namespace ns3
