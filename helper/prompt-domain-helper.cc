// SPDX-License-Identifier: GPL-2.0-only
#include "prompt-domain-helper.h"

#include "ns3/boolean.h"
#include "ns3/frame-exchange-manager.h"
#include "ns3/global-value.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-address-helper.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-list-routing-helper.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/log.h"
#include "ns3/mobility-helper.h"
#include "ns3/ndisc-cache.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/ssid.h"
#include "ns3/sta-wifi-mac.h"
#include "ns3/string.h"
#include "ns3/traffic-control-helper.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-helper.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy.h"
#include "ns3/yans-wifi-helper.h"

#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PromptDomainHelper");

namespace
{
/// Every AR's access device: one MAC, hence one link-local fe80::1-like address.
const Mac48Address kSharedArMac("02:00:00:00:fe:02");
/// 5 GHz 20 MHz channels, one per AR.
const uint8_t kWifiChannels[] = {36, 40, 44, 48, 52, 56, 60, 64, 100, 104, 108, 112};

/// A Wi-Fi device's MAC must change in the frame exchange manager too.
void
SetWifiAddress(Ptr<NetDevice> dev, Mac48Address address)
{
    Ptr<WifiMac> mac = DynamicCast<WifiNetDevice>(dev)->GetMac();
    mac->SetAddress(address);
    mac->GetFrameExchangeManager()->SetAddress(address);
}

Ipv6Address
Subnet(uint16_t a, uint16_t b, uint16_t host = 0)
{
    std::ostringstream s;
    s << "2001:" << std::hex << a << ":" << b << "::";
    if (host)
    {
        s << host;
    }
    return Ipv6Address(s.str().c_str());
}

void
InstallIpv6(Ptr<Node> node)
{
    Ipv6StaticRoutingHelper staticRouting;
    Ipv6ListRoutingHelper listRouting;
    listRouting.Add(staticRouting, 0);
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    stack.SetRoutingHelper(listRouting);
    stack.Install(node);
    // Shared access address on every AR, ideal links: no DAD (NS3-NOTES).
    node->GetObject<Icmpv6L4Protocol>()->SetAttribute("DAD", BooleanValue(false));
    node->GetObject<Ipv6L3Protocol>()->SetAttribute("StrongEndSystemModel", BooleanValue(false));
}

void
Pin(Ptr<Ipv6L3Protocol> ipv6, uint32_t ifIndex, Ipv6Address address, Mac48Address mac)
{
    NdiscCache::Entry* e = ipv6->GetInterface(ifIndex)->GetNdiscCache()->Add(address);
    e->SetMacAddress(mac);
    e->MarkPermanent();
}
} // namespace

std::string
PromptDomainHelper::Parameters::Validate() const
{
    std::ostringstream err;
    if (ars < 2 || ars > 200)
    {
        err << "ars must be 2..200. ";
    }
    if (access != "ideal" && access != "wifi")
    {
        err << "access must be ideal or wifi. ";
    }
    else if (access == "wifi" && ars > 12)
    {
        err << "Wi-Fi access has 12 channels: at most 12 ARs. ";
    }
    if (mns < 1 || mns > 60000)
    {
        err << "mns must be 1..60000. ";
    }
    if (tauInternet.IsStrictlyNegative() || tauDomain.IsStrictlyNegative() ||
        tauAccess.IsStrictlyNegative())
    {
        err << "tauInternet, tauDomain and tauAccess must not be negative. ";
    }
    if (processingDelay.IsStrictlyNegative() || routeSwitchDelay.IsStrictlyNegative())
    {
        err << "processingDelay and routeSwitchDelay must not be negative. ";
    }
    return err.str();
}

PromptDomainHelper::PromptDomainHelper() = default;

void
PromptDomainHelper::Build(const Parameters& p)
{
    std::string err = p.Validate();
    NS_ABORT_MSG_UNLESS(err.empty(), "PromptDomainHelper: " << err);
    m_p = p;
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
    m_cn = CreateObject<Node>();
    m_home = CreateObject<Node>();
    m_map = CreateObject<Node>();
    m_ars.Create(p.ars);
    m_mns.Create(p.mns);
    for (Ptr<Node> n : {m_cn, m_home, m_map})
    {
        InstallIpv6(n);
    }
    for (uint32_t i = 0; i < p.ars; ++i)
    {
        InstallIpv6(m_ars.Get(i));
        // Address resolution on the access link without ns-3's random
        // 0-10 ms jitter before a Neighbor Solicitation: RFC 4861 7.2.2
        // asks for none (the reference resolves each new care-of address).
        m_ars.Get(i)->GetObject<Icmpv6L4Protocol>()->SetAttribute(
            "SolicitationJitter",
            StringValue("ns3::ConstantRandomVariable[Constant=0]"));
    }
    for (uint32_t i = 0; i < p.mns; ++i)
    {
        InstallIpv6(m_mns.Get(i));
    }
    m_open.assign(p.mns, -1);
    BuildCore();
    BuildAccess();
    if (p.protocol == PROMPT)
    {
        InstallApps();
    }
    else
    {
        InstallMipv6Apps();
    }
}

void
PromptDomainHelper::BuildCore()
{
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", DataRateValue(m_p.coreRate));
    p2p.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue("10240p"));
    Ipv6StaticRoutingHelper routing;
    Ipv6AddressHelper addr;
    // CN - MAP and home - MAP: tau_Internet each (Fig. 4).
    p2p.SetChannelAttribute("Delay", TimeValue(m_p.tauInternet));
    for (auto [node, subnet, out] :
         {std::make_tuple(m_cn, 1, &m_cnAddress), std::make_tuple(m_home, 2, &m_homeAddress)})
    {
        NetDeviceContainer link = p2p.Install(node, m_map);
        m_coreDevices.Add(link);
        addr.SetBase(Subnet(0xaa, subnet), Ipv6Prefix(64));
        Ipv6InterfaceContainer ifs = addr.Assign(link);
        ifs.SetForwarding(1, true);
        if (node == m_home && m_p.protocol == MIPV6)
        {
            ifs.SetForwarding(0, true); // the home agent forwards for the home prefix
        }
        *out = ifs.GetAddress(0, 1);
        routing.GetStaticRouting(node->GetObject<Ipv6>())
            ->SetDefaultRoute(ifs.GetAddress(1, 1), ifs.GetInterfaceIndex(0));
    }
    // MAP - AR i: tau_Domain.
    p2p.SetChannelAttribute("Delay", TimeValue(m_p.tauDomain));
    for (uint32_t i = 0; i < m_p.ars; ++i)
    {
        NetDeviceContainer link = p2p.Install(m_map, m_ars.Get(i));
        m_coreDevices.Add(link);
        addr.SetBase(Subnet(0xab, i + 1), Ipv6Prefix(64));
        Ipv6InterfaceContainer ifs = addr.Assign(link);
        ifs.SetForwarding(0, true);
        ifs.SetForwarding(1, true);
        if (i == 0)
        {
            m_mapAddress = ifs.GetAddress(0, 1);
        }
        m_arAddress.push_back(ifs.GetAddress(1, 1));
        routing.GetStaticRouting(m_ars.Get(i)->GetObject<Ipv6>())
            ->SetDefaultRoute(ifs.GetAddress(0, 1), ifs.GetInterfaceIndex(1));
    }
    TrafficControlHelper().Uninstall(m_coreDevices);
}

void
PromptDomainHelper::BuildAccess()
{
    Ipv6Address arLinkLocal = Ipv6Address::MakeAutoconfiguredLinkLocalAddress(kSharedArMac);
    if (m_p.access == "wifi")
    {
        BuildWifiDevices();
    }
    else
    {
        m_channel = CreateObject<IdealAccessChannel>();
        m_channel->SetAttribute("AccessDelay", TimeValue(m_p.tauAccess));
        for (uint32_t i = 0; i < m_p.ars; ++i)
        {
            Ptr<SimpleNetDevice> dev = CreateObject<SimpleNetDevice>();
            dev->SetAddress(kSharedArMac);
            m_ars.Get(i)->AddDevice(dev);
            dev->SetChannel(m_channel);
            m_channel->AddAccessPoint(dev);
            m_arAccess.push_back(dev);
        }
        for (uint32_t n = 0; n < m_p.mns; ++n)
        {
            Ptr<SimpleNetDevice> dev = CreateObject<SimpleNetDevice>();
            dev->SetAddress(Mac48Address::Allocate());
            m_mns.Get(n)->AddDevice(dev);
            dev->SetChannel(m_channel);
            m_mnDevices.push_back(dev);
            Simulator::Schedule(m_p.firstAttach, [this, n]() { AttachIdeal(n, 0); });
        }
    }
    for (uint32_t i = 0; i < m_p.ars; ++i)
    {
        Ptr<Ipv6L3Protocol> ipv6 = m_ars.Get(i)->GetObject<Ipv6L3Protocol>();
        uint32_t ifIndex = ipv6->AddInterface(m_arAccess[i]);
        ipv6->SetForwarding(ifIndex, true);
        ipv6->SetUp(ifIndex);
        if (m_p.protocol == MIPV6)
        {
            // AR i's own prefix, routed to it by the MAP.
            ipv6->AddAddress(ifIndex, Ipv6InterfaceAddress(Subnet(0xac, i + 1, 1), Ipv6Prefix(64)));
            Ptr<Ipv6L3Protocol> map = m_map->GetObject<Ipv6L3Protocol>();
            Ipv6StaticRoutingHelper().GetStaticRouting(map)->AddNetworkRouteTo(
                Subnet(0xac, i + 1),
                Ipv6Prefix(64),
                m_arAddress[i],
                map->GetInterfaceForPrefix(m_arAddress[i], Ipv6Prefix(64)));
        }
    }
    m_attachedAr.assign(m_p.mns, -1);
    for (uint32_t n = 0; n < m_p.mns; ++n)
    {
        Ptr<Ipv6L3Protocol> ipv6 = m_mns.Get(n)->GetObject<Ipv6L3Protocol>();
        uint32_t ifIndex = ipv6->AddInterface(m_mnDevices[n]);
        ipv6->SetUp(ifIndex);
        if (m_p.protocol == PROMPT) // MIPv6: the default route is on the home address shim
        {
            Ipv6StaticRoutingHelper()
                .GetStaticRouting(m_mns.Get(n)->GetObject<Ipv6>())
                ->SetDefaultRoute(arLinkLocal, ifIndex);
        }
        // The one virtual link (sec. 3.2.1): every AR is the same router to the MN.
        Pin(ipv6, ifIndex, arLinkLocal, kSharedArMac);
    }
}

void
PromptDomainHelper::BuildWifiDevices()
{
    // As the PMIPv6 domain's Wi-Fi access: 802.11a, one channel per AR, all
    // APs with the shared MAC (one BSSID), everyone within a few metres; a
    // handover is the station retuning to the target's channel and
    // re-associating by active probing.
    WifiHelper wifi;
    wifi.SetStandard(WIFI_STANDARD_80211a);
    wifi.SetRemoteStationManager("ns3::ConstantRateWifiManager",
                                 "DataMode",
                                 StringValue("OfdmRate54Mbps"),
                                 "ControlMode",
                                 StringValue("OfdmRate6Mbps"));
    YansWifiChannelHelper channel = YansWifiChannelHelper::Default();
    YansWifiPhyHelper phy;
    phy.SetChannel(channel.Create());
    phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
    Ssid ssid("prompt");
    WifiMacHelper mac;
    MobilityHelper mobility;
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    mobility.Install(m_ars);
    mobility.Install(m_mns);
    for (uint32_t i = 0; i < m_p.ars; ++i)
    {
        std::ostringstream settings;
        settings << "{" << unsigned(kWifiChannels[i]) << ", 20, BAND_5GHZ, 0}";
        phy.Set("ChannelSettings", StringValue(settings.str()));
        mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
        NetDeviceContainer ap = wifi.Install(phy, mac, m_ars.Get(i));
        SetWifiAddress(ap.Get(0), kSharedArMac);
        m_wifiDevices.Add(ap);
        m_arAccess.push_back(ap.Get(0));
    }
    std::ostringstream settings;
    settings << "{" << unsigned(kWifiChannels[0]) << ", 20, BAND_5GHZ, 0}";
    phy.Set("ChannelSettings", StringValue(settings.str()));
    mac.SetType("ns3::StaWifiMac", "Ssid", SsidValue(ssid), "ActiveProbing", BooleanValue(true));
    for (uint32_t n = 0; n < m_p.mns; ++n)
    {
        NetDeviceContainer sta = wifi.Install(phy, mac, m_mns.Get(n));
        m_wifiDevices.Add(sta);
        m_mnDevices.push_back(sta.Get(0));
        Ptr<StaWifiMac> staMac =
            DynamicCast<StaWifiMac>(DynamicCast<WifiNetDevice>(sta.Get(0))->GetMac());
        staMac->TraceConnectWithoutContext(
            "Assoc",
            MakeCallback(&PromptDomainHelper::OnStaAssoc, this).Bind(n));
    }
    m_linkUp.resize(m_p.mns);
}

void
PromptDomainHelper::AttachIdeal(uint32_t mn, uint32_t ar)
{
    m_channel->Attach(DynamicCast<SimpleNetDevice>(m_mnDevices[mn]),
                      DynamicCast<SimpleNetDevice>(m_arAccess[ar]));
    m_attachedAr[mn] = ar;
}

void
PromptDomainHelper::LoseLink(uint32_t mn)
{
    if (m_channel)
    {
        m_channel->Detach(DynamicCast<SimpleNetDevice>(m_mnDevices[mn]));
    }
    m_attachedAr[mn] = -1;
}

void
PromptDomainHelper::RetuneStation(uint32_t mn, uint32_t ar)
{
    // ns-3 3.37 aborts if a switch falls between a frame and its ACK: wait
    // for a quiet PHY (as Pmipv6DomainHelper::RetuneStation).
    Ptr<WifiPhy> phy = DynamicCast<WifiNetDevice>(m_mnDevices[mn])->GetPhy();
    Time quiet = MicroSeconds(100);
    if (!phy->IsStateIdle() || Simulator::Now() - phy->GetLastRxEndTime() < quiet)
    {
        Simulator::Schedule(quiet / 4, &PromptDomainHelper::RetuneStation, this, mn, ar);
        return;
    }
    if (Open(mn))
    {
        Open(mn)->linkLost = Simulator::Now();
    }
    m_attachedAr[mn] = -1;
    phy->SetOperatingChannel(WifiPhy::ChannelTuple{kWifiChannels[ar], 20, WIFI_PHY_BAND_5GHZ, 0});
}

void
PromptDomainHelper::OnStaAssoc(uint32_t mn, Mac48Address bssid)
{
    // One BSSID for all: which AR it is, the channel says.
    uint8_t ch = DynamicCast<WifiNetDevice>(m_mnDevices[mn])->GetPhy()->GetChannelNumber();
    for (uint32_t i = 0; i < m_p.ars; ++i)
    {
        if (kWifiChannels[i] == ch)
        {
            m_attachedAr[mn] = i;
        }
    }
    // The AP counts the station associated once the Association Response's
    // ACK is in, tens of microseconds later: the link is up after that.
    if (m_linkUp[mn])
    {
        auto up = std::move(m_linkUp[mn]);
        m_linkUp[mn] = nullptr;
        Simulator::Schedule(MilliSeconds(1), up);
    }
}

void
PromptDomainHelper::InstallApps()
{
    m_aaa = CreateObject<PromptHomeAaa>();
    m_aaa->SetAttribute("ProcessingDelay", TimeValue(m_p.processingDelay));
    m_home->AddApplication(m_aaa);

    m_mapApp = CreateObject<PromptMap>();
    m_mapApp->SetAttribute("Address", Ipv6AddressValue(m_mapAddress));
    m_mapApp->SetAttribute("AaaAddress", Ipv6AddressValue(m_homeAddress));
    m_mapApp->SetAttribute("ProcessingDelay", TimeValue(m_p.processingDelay));
    m_mapApp->SetAttribute("RouteSwitchDelay", TimeValue(m_p.routeSwitchDelay));
    for (const auto& ar : m_arAddress)
    {
        m_mapApp->AddAccessRouter(ar);
    }
    m_map->AddApplication(m_mapApp);
    m_mapApp->TraceConnectWithoutContext("HandoverDecision",
                                         MakeCallback(&PromptDomainHelper::OnDecision, this));
    m_mapApp->TraceConnectWithoutContext("RouteSwitch",
                                         MakeCallback(&PromptDomainHelper::OnRouteSwitch, this));

    for (uint32_t i = 0; i < m_p.ars; ++i)
    {
        Ptr<PromptAr> ar = CreateObject<PromptAr>();
        ar->SetAttribute("Address", Ipv6AddressValue(m_arAddress[i]));
        ar->SetAttribute("MapAddress", Ipv6AddressValue(m_mapAddress));
        ar->SetAttribute("AaaAddress", Ipv6AddressValue(m_homeAddress));
        ar->SetAttribute("AddressPoolBase", Ipv6AddressValue(Subnet(0x100, 0, 0)));
        ar->SetAttribute("TmsiBase", UintegerValue((i + 1) << 20));
        ar->SetAttribute("ProcessingDelay", TimeValue(m_p.processingDelay));
        // AR i's pool: 2001:100::(i+1):0:n.
        uint8_t b[16];
        Subnet(0x100, 0).GetBytes(b);
        b[11] = uint8_t(i + 1);
        ar->SetAttribute("AddressPoolBase", Ipv6AddressValue(Ipv6Address(b)));
        ar->SetAccessDevice(m_arAccess[i]);
        m_ars.Get(i)->AddApplication(ar);
        m_arApps.push_back(ar);
    }

    for (uint32_t n = 0; n < m_p.mns; ++n)
    {
        Ptr<PromptMnClient> c = CreateObject<PromptMnClient>();
        std::ostringstream imsi;
        imsi << "00101" << std::setw(10) << std::setfill('0') << n + 1;
        uint64_t key = 0x5eed0000ULL + n;
        c->SetAttribute("Imsi", StringValue(imsi.str()));
        c->SetAttribute("Key", UintegerValue(key));
        c->SetAttribute("ProcessingDelay", TimeValue(m_p.processingDelay));
        c->SetAccessDevice(m_mnDevices[n]);
        c->SetLinkSwitchCallback(
            [this, n](Ipv6Address ar, std::function<void()> up) { SwitchLink(n, ar, up); });
        c->SetStartTime(ClientStart());
        m_mns.Get(n)->AddApplication(c);
        c->TraceConnectWithoutContext("HandoverRequest",
                                      MakeCallback(&PromptDomainHelper::OnRequest, this).Bind(n));
        c->TraceConnectWithoutContext(
            "Decision",
            MakeCallback(&PromptDomainHelper::OnMnDecision, this).Bind(n));
        m_clients.push_back(c);
        m_aaa->AddSubscriber("0" + imsi.str() + "@home.example", key);
    }
}

void
PromptDomainHelper::InstallMipv6Apps()
{
    m_aaa = CreateObject<PromptHomeAaa>();
    m_aaa->SetAttribute("ProcessingDelay", TimeValue(m_p.processingDelay));
    m_home->AddApplication(m_aaa);
    m_ha = CreateObject<Mipv6HomeAgent>();
    m_ha->SetAttribute("Address", Ipv6AddressValue(m_homeAddress));
    m_ha->SetAttribute("ProcessingDelay", TimeValue(m_p.processingDelay));
    m_ha->SetAttribute("RouteSwitchDelay", TimeValue(m_p.routeSwitchDelay));
    m_home->AddApplication(m_ha);
    // The home link's prefix lives behind the home agent.
    Ptr<Ipv6L3Protocol> map = m_map->GetObject<Ipv6L3Protocol>();
    Ipv6StaticRoutingHelper().GetStaticRouting(map)->AddNetworkRouteTo(
        Subnet(0xaa, 3),
        Ipv6Prefix(64),
        m_homeAddress,
        map->GetInterfaceForPrefix(m_homeAddress, Ipv6Prefix(64)));
    for (uint32_t i = 0; i < m_p.ars; ++i)
    {
        Ptr<Mipv6AccessRouter> ar = CreateObject<Mipv6AccessRouter>();
        ar->SetAttribute("Address", Ipv6AddressValue(m_arAddress[i]));
        ar->SetAttribute("MapAddress", Ipv6AddressValue(m_mapAddress));
        ar->SetAttribute("AaaAddress", Ipv6AddressValue(m_homeAddress));
        ar->SetAttribute("Prefix", Ipv6AddressValue(Subnet(0xac, i + 1)));
        ar->SetAttribute("ProcessingDelay", TimeValue(m_p.processingDelay));
        ar->SetAccessDevice(m_arAccess[i]);
        m_ars.Get(i)->AddApplication(ar);
        m_arApps.push_back(ar);
    }
    for (uint32_t n = 0; n < m_p.mns; ++n)
    {
        Ptr<Mipv6MnClient> c = CreateObject<Mipv6MnClient>();
        std::ostringstream imsi;
        imsi << "00101" << std::setw(10) << std::setfill('0') << n + 1;
        uint64_t key = 0x5eed0000ULL + n;
        c->SetAttribute("Imsi", StringValue(imsi.str()));
        c->SetAttribute("Key", UintegerValue(key));
        c->SetAttribute("ProcessingDelay", TimeValue(m_p.processingDelay));
        Ipv6Address home = Subnet(0xaa, 3, n + 1);
        c->Setup(m_mnDevices[n], kSharedArMac, m_homeAddress, home);
        c->SetStartTime(ClientStart());
        m_mns.Get(n)->AddApplication(c);
        c->TraceConnectWithoutContext(
            "State",
            MakeCallback(&PromptDomainHelper::OnMipv6State, this).Bind(n));
        m_mipv6Clients.push_back(c);
        std::string nai = "0" + imsi.str() + "@home.example";
        m_aaa->AddSubscriber(nai, key);
        m_ha->AddMobileNode(nai, home);
    }
}

void
PromptDomainHelper::OnMipv6State(uint32_t mn, Mipv6MnClient::State from, Mipv6MnClient::State to)
{
    Handover* h = Open(mn);
    if (h && to == Mipv6MnClient::REGISTERED)
    {
        h->routeSwitch = Simulator::Now(); // the Binding Acknowledgement
        m_open[mn] = -1;
    }
}

void
PromptDomainHelper::SwitchLink(uint32_t mn, Ipv6Address ar, std::function<void()> up)
{
    int i = FindAr(ar);
    NS_ABORT_MSG_IF(i < 0, "ProMPt: no AR " << ar);
    if (Open(mn) && Open(mn)->linkLost.IsZero())
    {
        Open(mn)->linkLost = Simulator::Now(); // the MN leaves its old AR now
    }
    if (m_p.access == "wifi")
    {
        m_linkUp[mn] = up;
        RetuneStation(mn, i);
        return;
    }
    AttachIdeal(mn, i);
    up();
}

Time
PromptDomainHelper::ClientStart() const
{
    // Wi-Fi: the station associates by itself first (probe, authentication,
    // association: well within 0.5 s).
    return m_p.access == "wifi" ? m_p.firstAttach + MilliSeconds(500) : m_p.firstAttach;
}

int
PromptDomainHelper::FindAr(Ipv6Address ar) const
{
    for (uint32_t i = 0; i < m_arAddress.size(); ++i)
    {
        if (m_arAddress[i] == ar)
        {
            return i;
        }
    }
    return -1;
}

int
PromptDomainHelper::FindMnByTmsi(uint32_t tmsi) const
{
    for (uint32_t n = 0; n < m_clients.size(); ++n)
    {
        if (m_clients[n]->GetTmsi() == tmsi)
        {
            return n;
        }
    }
    return -1;
}

int
PromptDomainHelper::GetAttachedAr(uint32_t mn) const
{
    return m_attachedAr.at(mn);
}

PromptDomainHelper::Handover*
PromptDomainHelper::Open(uint32_t mn)
{
    return m_open[mn] < 0 ? nullptr : &m_handovers[m_open[mn]];
}

void
PromptDomainHelper::ScheduleHandover(uint32_t mn, Time t, uint32_t targetAr, bool scheduled)
{
    NS_ABORT_MSG_UNLESS(mn < m_p.mns && targetAr < m_p.ars, "ProMPt: no such MN or AR");
    Simulator::Schedule(t, [this, mn, targetAr, scheduled]() {
        int from = GetAttachedAr(mn);
        if (m_p.protocol == MIPV6)
        {
            // The link is lost and the MN is on the target's link at once;
            // its first message there (EAPOL-Start) leaves now.
            if (from < 0 || uint32_t(from) == targetAr ||
                m_mipv6Clients[mn]->GetState() != Mipv6MnClient::REGISTERED)
            {
                NS_LOG_WARN("MIPv6: handover of MN " << mn << " skipped: not registered");
                return;
            }
            Time now = Simulator::Now();
            m_open[mn] = m_handovers.size();
            m_handovers.push_back(
                Handover{mn, uint32_t(from), targetAr, false, now, now, now, {}, {}});
            Ptr<Mipv6MnClient> client = m_mipv6Clients[mn];
            SwitchLink(mn, m_arAddress[targetAr], [this, mn, client]() {
                if (Open(mn))
                {
                    Open(mn)->request = Simulator::Now(); // its EAPOL-Start leaves now
                }
                client->NotifyNewLink();
            });
            return;
        }
        Ptr<PromptMnClient> c = m_clients[mn];
        if (from < 0 || uint32_t(from) == targetAr || c->GetState() != PromptMnClient::ATTACHED)
        {
            NS_LOG_WARN("ProMPt: handover of MN " << mn << " to AR " << targetAr
                                                  << " skipped: not attached elsewhere");
            return;
        }
        Handover h{mn, uint32_t(from), targetAr, scheduled, Simulator::Now(), {}, {}, {}, {}};
        m_open[mn] = m_handovers.size();
        m_handovers.push_back(h);
        if (scheduled)
        {
            c->ReportMeasurements({{m_arAddress[from], -80}, {m_arAddress[targetAr], -70}});
        }
        else
        {
            // The old link is gone; the MN's move to the target (SwitchLink) follows.
            m_handovers.back().linkLost = Simulator::Now();
            LoseLink(mn);
            c->NotifyLinkLost(m_arAddress[targetAr]);
        }
    });
}

void
PromptDomainHelper::OnDecision(uint32_t tmsi, Ipv6Address from, Ipv6Address to)
{
    int mn = FindMnByTmsi(tmsi);
    if (mn >= 0 && Open(mn))
    {
        Open(mn)->decision = Simulator::Now();
    }
}

void
PromptDomainHelper::OnMnDecision(uint32_t mn, Ipv6Address target)
{
    if (Open(mn))
    {
        Open(mn)->decision = Simulator::Now(); // unscheduled: the MN decides
    }
}

void
PromptDomainHelper::OnRequest(uint32_t mn, Ipv6Address target, Ipv6Address previous)
{
    Handover* h = Open(mn);
    if (!h)
    {
        return;
    }
    h->request = Simulator::Now();
}

void
PromptDomainHelper::OnRouteSwitch(uint32_t tmsi, Ipv6Address from, Ipv6Address to)
{
    int mn = FindMnByTmsi(tmsi);
    if (from.IsAny() || mn < 0 || !Open(mn) || m_arAddress[Open(mn)->toAr] != to)
    {
        return; // a registration, or not the handover in progress
    }
    Open(mn)->routeSwitch = Simulator::Now();
    m_open[mn] = -1;
}

void
PromptDomainHelper::EnablePcap(const std::string& prefix)
{
    PointToPointHelper().EnablePcap(prefix, m_coreDevices);
    if (m_channel)
    {
        m_channel->EnablePcap(prefix + "-access.pcap");
    }
    else
    {
        YansWifiPhyHelper phy;
        phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
        phy.EnablePcap(prefix, m_wifiDevices);
    }
}

int64_t
PromptDomainHelper::AssignStreams(int64_t stream)
{
    int64_t used = m_aaa->AssignStreams(stream);
    if (m_wifiDevices.GetN() > 0)
    {
        used += WifiHelper().AssignStreams(m_wifiDevices, stream + used);
    }
    for (const auto& c : m_mipv6Clients)
    {
        used += c->AssignStreams(stream + used);
    }
    for (const auto& ar : m_arApps)
    {
        if (Ptr<Mipv6AccessRouter> m = DynamicCast<Mipv6AccessRouter>(ar))
        {
            used += m->AssignStreams(stream + used);
        }
    }
    return used;
}

const PromptDomainHelper::Parameters&
PromptDomainHelper::GetParameters() const
{
    return m_p;
}

Ptr<Node>
PromptDomainHelper::GetCn() const
{
    return m_cn;
}

Ptr<Node>
PromptDomainHelper::GetMn(uint32_t i) const
{
    return m_mns.Get(i);
}

Ptr<Node>
PromptDomainHelper::GetMap() const
{
    return m_map;
}

Ptr<Node>
PromptDomainHelper::GetAr(uint32_t i) const
{
    return m_ars.Get(i);
}

Ptr<Node>
PromptDomainHelper::GetHome() const
{
    return m_home;
}

Ipv6Address
PromptDomainHelper::GetCnAddress() const
{
    return m_cnAddress;
}

Ipv6Address
PromptDomainHelper::GetArAddress(uint32_t i) const
{
    return m_arAddress.at(i);
}

Ipv6Address
PromptDomainHelper::GetMnAddress(uint32_t mn) const
{
    if (m_p.protocol == MIPV6)
    {
        return m_mipv6Clients.at(mn)->GetHomeAddress();
    }
    return m_clients.at(mn)->GetAddress();
}

Ptr<Mipv6MnClient>
PromptDomainHelper::GetMipv6Client(uint32_t i) const
{
    return m_mipv6Clients.at(i);
}

Ptr<Mipv6HomeAgent>
PromptDomainHelper::GetHomeAgent() const
{
    return m_ha;
}

Ptr<PromptMap>
PromptDomainHelper::GetMapApp() const
{
    return m_mapApp;
}

Ptr<PromptAr>
PromptDomainHelper::GetArApp(uint32_t i) const
{
    return m_arApps.at(i);
}

Ptr<PromptMnClient>
PromptDomainHelper::GetMnClient(uint32_t i) const
{
    return m_clients.at(i);
}

Ptr<PromptHomeAaa>
PromptDomainHelper::GetHomeAaa() const
{
    return m_aaa;
}

Ptr<IdealAccessChannel>
PromptDomainHelper::GetAccessChannel() const
{
    return m_channel;
}

uint64_t
PromptDomainHelper::GetSignallingCount() const
{
    uint64_t n = m_mapApp ? m_mapApp->GetSentCount() : 0;
    for (const auto& ar : m_arApps)
    {
        n += ar->GetSentCount();
    }
    return n;
}

const std::vector<PromptDomainHelper::Handover>&
PromptDomainHelper::GetHandovers() const
{
    return m_handovers;
}

} // namespace ns3
