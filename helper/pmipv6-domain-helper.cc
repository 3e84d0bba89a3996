// SPDX-License-Identifier: GPL-2.0-only
#include "pmipv6-domain-helper.h"

#include "aaa-server.h"
#include "fast-handover-mag-extension.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
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
#include "ns3/pointer.h"
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

#include <algorithm>
#include <sstream>
#include <tuple>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pmipv6DomainHelper");

namespace
{
/// RFC 5213 sec. 6.9.3: every MAG shows the same link-layer (and so the same
/// link-local) address on its access links.
const Mac48Address kSharedMagMac("02:00:00:00:fe:01");
/// 5 GHz 20 MHz channels for the access points, one each.
const uint8_t kWifiChannels[] = {36,  40,  44,  48,  52,  56,  60,  64,  100, 104, 108, 112,
                                 116, 120, 124, 128, 132, 136, 140, 149, 153, 157, 161, 165};

/// A Wi-Fi device's MAC must change in the frame exchange manager too
/// (where the wifi helper copied it at install time).
void
SetWifiAddress(Ptr<NetDevice> dev, Mac48Address address)
{
    Ptr<WifiMac> mac = DynamicCast<WifiNetDevice>(dev)->GetMac();
    mac->SetAddress(address);
    mac->GetFrameExchangeManager()->SetAddress(address);
}

Ipv6Address
SubnetBase(uint16_t a, uint16_t b)
{
    std::ostringstream s;
    s << "2001:" << std::hex << a << ":" << b << "::";
    return Ipv6Address(s.str().c_str());
}
} // namespace

std::vector<std::string>
Pmipv6DomainHelper::GetAccessNames()
{
    return {"ideal", "wifi"};
}

std::string
Pmipv6DomainHelper::Parameters::Validate() const
{
    std::ostringstream err;
    std::vector<std::string> known = GetAccessNames();
    if (std::find(known.begin(), known.end(), access) == known.end())
    {
        err << "access must be one of";
        for (const auto& name : known)
        {
            err << " '" << name << "'";
        }
        err << ", not '" << access << "'. ";
    }
    if (mags < 1 || mags > 250)
    {
        err << "mags must be 1..250. ";
    }
    if (mns < 1 || mns > 60000)
    {
        err << "mns must be 1..60000. ";
    }
    if (access == "wifi" && (apsPerMag < 1 || mags * apsPerMag > sizeof(kWifiChannels)))
    {
        err << "wifi: mags x apsPerMag must be 1.." << sizeof(kWifiChannels)
            << " (one channel per access point). ";
    }
    for (auto& [name, t] : {std::pair<const char*, Time>{"rttMagLma", rttMagLma},
                            {"rttMagMag", rttMagMag},
                            {"rttMagAp", rttMagAp},
                            {"dhoL2", dhoL2},
                            {"cnLmaDelay", cnLmaDelay}})
    {
        if (t.IsStrictlyNegative())
        {
            err << name << " must not be negative. ";
        }
    }
    if (interfaces < 1 || interfaces > 2 || (interfaces == 2 && access != "ideal"))
    {
        err << "interfaces must be 1, or 2 on ideal access. ";
    }
    if (!firstAttach.IsStrictlyPositive())
    {
        err << "firstAttach must be positive. ";
    }
    if (!(signallingLoss >= 0 && signallingLoss <= 1)) // NaN fails too
    {
        err << "signallingLoss must be a probability, 0..1. ";
    }
    if (signallingJitter.IsStrictlyNegative())
    {
        err << "signallingJitter must not be negative. ";
    }
    if (!mobility && (access != "ideal" || interfaces != 1 || mns / mags >= 0xffff))
    {
        err << "without mobility (the plain-routing baseline): ideal access, one interface, "
               "and fewer than 65535 MNs per MAG. ";
    }
    return err.str();
}

Pmipv6DomainHelper::Pmipv6DomainHelper() = default;

void
Pmipv6DomainHelper::SetMagExtensionFactory(std::function<Ptr<MagExtension>(uint32_t)> factory)
{
    m_extensionFactory = factory;
}

void
Pmipv6DomainHelper::SetLmaExtension(const std::string& typeId)
{
    m_lmaExtensionFactory.SetTypeId(typeId);
}

ObjectFactory&
Pmipv6DomainHelper::GetLmaExtensionFactory()
{
    return m_lmaExtensionFactory;
}

void
Pmipv6DomainHelper::InstallIpv6(Ptr<Node> node)
{
    // Static routing inside a list, so that agents can put their routing
    // hook ahead of it (MobilityRoutingHook).
    Ipv6StaticRoutingHelper staticRouting;
    Ipv6ListRoutingHelper listRouting;
    listRouting.Add(staticRouting, 0);
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    stack.SetRoutingHelper(listRouting);
    stack.Install(node);
    // All MAGs share one access address, and ideal links have no use for
    // DAD's delay: off (NS3-NOTES). Weak end-system model: agents answer on
    // their core address whatever interface a message comes in on.
    node->GetObject<Icmpv6L4Protocol>()->SetAttribute("DAD", BooleanValue(false));
    node->GetObject<Ipv6L3Protocol>()->SetAttribute("StrongEndSystemModel", BooleanValue(false));
}

void
Pmipv6DomainHelper::Build(const Parameters& p)
{
    std::string err = p.Validate();
    NS_ABORT_MSG_UNLESS(err.empty(), "Pmipv6DomainHelper: " << err);
    m_p = p;
    // Real UDP/ICMPv6 checksums: IPv6 forbids a zero UDP checksum, and the
    // pcaps are meant to be read in Wireshark.
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
    m_cn = CreateObject<Node>();
    m_lma = CreateObject<Node>();
    m_mags.Create(p.mags);
    m_mns.Create(p.mns);
    InstallIpv6(m_cn);
    InstallIpv6(m_lma);
    for (uint32_t i = 0; i < p.mags; ++i)
    {
        InstallIpv6(m_mags.Get(i));
    }
    for (uint32_t i = 0; i < p.mns; ++i)
    {
        InstallIpv6(m_mns.Get(i));
    }
    m_servingMag.assign(p.mns, 0);
    m_currentMag.assign(p.mns, -1);
    m_previousMag.assign(p.mns, -1);
    m_pending.assign(p.mns, {});
    m_lastHandover.assign(p.mns, -1);
    m_accessDevices.assign(p.mags, {});
    m_accessIfIndex.assign(p.mags, {});
    BuildCore();
    if (!p.mobility)
    {
        BuildPlainAccess();
        return;
    }
    InstallAgents();
    if (p.access == "ideal")
    {
        BuildIdealAccess();
    }
    else
    {
        BuildWifiAccess();
    }
    BuildAaa();
}

void
Pmipv6DomainHelper::BuildAaa()
{
    if (!m_p.aaaRtt.IsStrictlyPositive())
    {
        return;
    }
    // Created last: the other nodes keep their numbers (and pcap names).
    m_aaa = CreateObject<Node>();
    InstallIpv6(m_aaa);
    Ptr<AaaServer> server = CreateObject<AaaServer>();
    for (uint32_t n = 0; n < m_p.mns; ++n)
    {
        server->AddProfile(GetMnIdentifier(n), m_lmaAddress);
    }
    m_aaa->AddApplication(server);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", DataRateValue(m_p.coreRate));
    p2p.SetChannelAttribute("Delay", TimeValue(m_p.aaaRtt / 2));
    for (uint32_t m = 0; m < m_p.mags; ++m)
    {
        // One link per MAG: the server answers on-link, no routes needed.
        NetDeviceContainer link = p2p.Install(m_mags.Get(m), m_aaa);
        Ipv6AddressHelper addr;
        addr.SetBase(SubnetBase(0x40, m + 1), Ipv6Prefix(64));
        Ipv6InterfaceContainer ifs = addr.Assign(link);
        m_magApps[m]->SetAttribute("AaaServer", Ipv6AddressValue(ifs.GetAddress(1, 1)));
    }
}

Ptr<Node>
Pmipv6DomainHelper::GetAaa() const
{
    return m_aaa;
}

void
Pmipv6DomainHelper::BuildCore()
{
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", DataRateValue(m_p.coreRate));
    // The device queue takes what the queue disc held (see the end): as
    // many packets as FqCoDel's default limit, so that a burst (every MN
    // registering at once) is absorbed as before.
    p2p.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue("10240p"));
    Ipv6StaticRoutingHelper routing;

    // CN - LMA.
    p2p.SetChannelAttribute("Delay", TimeValue(m_p.cnLmaDelay));
    NetDeviceContainer cnLink = p2p.Install(m_cn, m_lma);
    m_coreDevices.Add(cnLink);
    Ipv6AddressHelper addr;
    addr.SetBase(SubnetBase(2, 0), Ipv6Prefix(64));
    Ipv6InterfaceContainer cnIfs = addr.Assign(cnLink);
    cnIfs.SetForwarding(1, true);
    m_cnAddress = cnIfs.GetAddress(0, 1);
    routing.GetStaticRouting(m_cn->GetObject<Ipv6>())
        ->SetDefaultRoute(cnIfs.GetAddress(1, 1), cnIfs.GetInterfaceIndex(0));

    // LMA - MAG i: the MAG's address here is its Proxy-CoA; the LMA's
    // address on the first link is the LMAA.
    p2p.SetChannelAttribute("Delay", TimeValue(m_p.rttMagLma / 2));
    for (uint32_t i = 0; i < m_p.mags; ++i)
    {
        NetDeviceContainer link = p2p.Install(m_lma, m_mags.Get(i));
        m_coreDevices.Add(link);
        AddSignallingLoss(link);
        addr.SetBase(SubnetBase(0x10, i + 1), Ipv6Prefix(64));
        Ipv6InterfaceContainer ifs = addr.Assign(link);
        ifs.SetForwarding(0, true);
        ifs.SetForwarding(1, true);
        if (i == 0)
        {
            m_lmaAddress = ifs.GetAddress(0, 1);
        }
        m_proxyCoa.push_back(ifs.GetAddress(1, 1));
        routing.GetStaticRouting(m_mags.Get(i)->GetObject<Ipv6>())
            ->SetDefaultRoute(ifs.GetAddress(0, 1), ifs.GetInterfaceIndex(1));
    }

    // MAG - MAG: a direct link between every pair, so that RTT_MAG-MAG is
    // exact; host routes send MAG-MAG messages over it.
    p2p.SetChannelAttribute("Delay", TimeValue(m_p.rttMagMag / 2));
    uint16_t subnet = 1;
    for (uint32_t i = 0; i < m_p.mags; ++i)
    {
        for (uint32_t j = i + 1; j < m_p.mags && m_p.mags <= 16; ++j)
        {
            NetDeviceContainer link = p2p.Install(m_mags.Get(i), m_mags.Get(j));
            m_coreDevices.Add(link);
            AddSignallingLoss(link);
            addr.SetBase(SubnetBase(0x20, subnet++), Ipv6Prefix(64));
            Ipv6InterfaceContainer ifs = addr.Assign(link);
            ifs.SetForwarding(0, true);
            ifs.SetForwarding(1, true);
            routing.GetStaticRouting(m_mags.Get(i)->GetObject<Ipv6>())
                ->AddHostRouteTo(m_proxyCoa[j], ifs.GetAddress(1, 1), ifs.GetInterfaceIndex(0));
            routing.GetStaticRouting(m_mags.Get(j)->GetObject<Ipv6>())
                ->AddHostRouteTo(m_proxyCoa[i], ifs.GetAddress(0, 1), ifs.GetInterfaceIndex(1));
        }
    }
    // No queue disc on the core links (Ipv6AddressHelper::Assign puts an
    // FqCoDel on each): classifying every packet into its flow was a tenth
    // of a sweep's time. The device's FIFO queue, as long as FqCoDel's
    // limit, holds bursts as it did; CoDel's dropping would need a queue
    // standing above 5 ms (over 600 kB at 1 Gbps) for 100 ms, which these
    // scenarios never build.
    TrafficControlHelper().Uninstall(m_coreDevices);
}

void
Pmipv6DomainHelper::AddSignallingLoss(const NetDeviceContainer& link)
{
    if (m_p.signallingLoss <= 0)
    {
        return; // no model at all: a loss-free run draws no extra random numbers
    }
    for (uint32_t d = 0; d < link.GetN(); ++d)
    {
        Ptr<SignallingErrorModel> em = CreateObject<SignallingErrorModel>();
        em->SetAttribute("Probability", DoubleValue(m_p.signallingLoss));
        link.Get(d)->SetAttribute("ReceiveErrorModel", PointerValue(em));
        m_signallingErrorModels.push_back(em);
    }
}

int64_t
Pmipv6DomainHelper::AssignStreams(int64_t stream)
{
    int64_t used = 0;
    if (m_wifiDevices.GetN() > 0)
    {
        used += WifiHelper().AssignStreams(m_wifiDevices, stream);
    }
    for (auto& em : m_signallingErrorModels)
    {
        used += em->AssignStreams(stream + used);
    }
    if (m_p.signallingJitter.IsStrictlyPositive())
    {
        used += m_lma->GetObject<MobilityL4Protocol>()->AssignStreams(stream + used);
        for (uint32_t i = 0; i < m_mags.GetN(); ++i)
        {
            used += m_mags.Get(i)->GetObject<MobilityL4Protocol>()->AssignStreams(stream + used);
        }
    }
    return used;
}

const std::vector<Ptr<SignallingErrorModel>>&
Pmipv6DomainHelper::GetSignallingErrorModels() const
{
    return m_signallingErrorModels;
}

void
Pmipv6DomainHelper::InstallAgents()
{
    if (m_p.signallingJitter.IsStrictlyPositive())
    {
        // Jitter at the sender of every Mobility Header message: all of them
        // are sent by the LMA and the MAGs and cross only core links.
        for (uint32_t i = 0; i <= m_p.mags; ++i)
        {
            Ptr<Node> node = i < m_p.mags ? m_mags.Get(i) : m_lma;
            GetOrInstallL4Protocol<MobilityL4Protocol>(node)->SetAttribute(
                "SendJitter",
                TimeValue(m_p.signallingJitter));
        }
    }
    m_lmaApp = CreateObject<Pmipv6Lma>();
    m_lmaApp->SetAddress(m_lmaAddress);
    if (m_lmaExtensionFactory.IsTypeIdSet())
    {
        m_lmaApp->SetExtension(m_lmaExtensionFactory.Create<LmaExtension>());
    }
    m_lma->AddApplication(m_lmaApp);
    for (uint32_t i = 0; i < m_p.mags; ++i)
    {
        Ptr<Pmipv6Mag> mag = CreateObject<Pmipv6Mag>();
        mag->SetAddress(m_proxyCoa[i]);
        mag->SetAttribute("AccessTechnologyType", UintegerValue(m_p.access == "wifi" ? 4 : 3));
        if (m_extensionFactory)
        {
            mag->SetExtension(m_extensionFactory(i));
        }
        for (uint32_t n = 0; n < m_p.mns; ++n)
        {
            mag->AddPolicy(GetMnLinkLayerId(n), GetMnIdentifier(n), m_lmaAddress);
        }
        m_mags.Get(i)->AddApplication(mag);
        m_magApps.push_back(mag);
        m_lmaApp->AddTrustedMag(m_proxyCoa[i]);
    }
    // Every MAG of the domain is a neighbour of every other (RFC 5949 sec. 4).
    for (uint32_t i = 0; i < m_p.mags; ++i)
    {
        for (uint32_t j = 0; j < m_p.mags; ++j)
        {
            if (i != j)
            {
                m_magApps[i]->AddNeighborMag(m_proxyCoa[j]);
            }
        }
    }
}

uint32_t
Pmipv6DomainHelper::AddAccessInterface(uint32_t mag, Ptr<NetDevice> dev)
{
    Ptr<Ipv6L3Protocol> ipv6 = m_mags.Get(mag)->GetObject<Ipv6L3Protocol>();
    uint32_t ifIndex = ipv6->AddInterface(dev);
    ipv6->SetForwarding(ifIndex, true);
    ipv6->SetUp(ifIndex);
    if (!m_magApps.empty())
    {
        m_magApps[mag]->AddAccessInterface(ifIndex);
    }
    m_accessDevices[mag].push_back(dev);
    m_accessIfIndex[mag].push_back(ifIndex);
    return ifIndex;
}

void
Pmipv6DomainHelper::BuildIdealAccessPoints()
{
    m_idealChannel = CreateObject<IdealAccessChannel>();
    m_idealChannel->SetAttribute("AccessDelay", TimeValue(m_p.rttMagAp / 2));
    for (uint32_t i = 0; i < m_p.mags; ++i)
    {
        Ptr<SimpleNetDevice> dev = CreateObject<SimpleNetDevice>();
        dev->SetAddress(kSharedMagMac);
        m_mags.Get(i)->AddDevice(dev);
        dev->SetChannel(m_idealChannel);
        m_idealChannel->AddAccessPoint(dev);
        AddAccessInterface(i, dev);
    }
}

void
Pmipv6DomainHelper::BuildIdealAccess()
{
    BuildIdealAccessPoints();
    for (uint32_t n = 0; n < m_p.mns; ++n)
    {
        // A two-interface MN has two devices with its one link-layer
        // address and a shim in front of IPv6 (the FPMIPv6 paper, sec. 3.3).
        std::vector<Ptr<SimpleNetDevice>> phys;
        std::vector<Ptr<NetDevice>> shimmed;
        for (uint32_t k = 0; k < m_p.interfaces; ++k)
        {
            Ptr<SimpleNetDevice> dev = CreateObject<SimpleNetDevice>();
            dev->SetAddress(GetMnLinkLayerId(n));
            m_mns.Get(n)->AddDevice(dev);
            dev->SetChannel(m_idealChannel);
            phys.push_back(dev);
            shimmed.push_back(dev);
        }
        Ptr<NetDevice> ipDevice = phys[0];
        if (m_p.interfaces == 2)
        {
            Ptr<MnInterfaceShim> shim = CreateObject<MnInterfaceShim>();
            ipDevice = shim->Install(m_mns.Get(n), shimmed);
            m_shims.push_back(shim);
        }
        m_mnDevices.Add(phys[0]);
        m_mnPhys.push_back(phys);
        m_phyMag.push_back(std::vector<int>(m_p.interfaces, -1));
        Ptr<Ipv6L3Protocol> ipv6 = m_mns.Get(n)->GetObject<Ipv6L3Protocol>();
        ipv6->SetUp(ipv6->AddInterface(ipDevice));
        Simulator::ScheduleWithContext(m_mags.Get(0)->GetId(),
                                       m_p.firstAttach,
                                       &Pmipv6DomainHelper::Attach,
                                       this,
                                       n,
                                       0,
                                       0,
                                       0);
    }
}

Ipv6Address
Pmipv6DomainHelper::PlainAddress(uint32_t mn) const
{
    // 2001:100:(mag+1):(index+1)::EUI-64 with index = mn / mags.
    uint32_t mag = mn % m_p.mags;
    uint32_t index = mn / m_p.mags + 1;
    uint8_t b[16] =
        {0x20, 0x01, 0x01, 0x00, 0, uint8_t(mag + 1), uint8_t(index >> 8), uint8_t(index)};
    return Ipv6Address::MakeAutoconfiguredAddress(GetMnLinkLayerId(mn), Ipv6Address(b));
}

void
Pmipv6DomainHelper::BuildPlainAccess()
{
    Ipv6StaticRoutingHelper routing;
    Ptr<Ipv6StaticRouting> lmaRouting = routing.GetStaticRouting(m_lma->GetObject<Ipv6>());
    BuildIdealAccessPoints();
    for (uint32_t i = 0; i < m_p.mags; ++i)
    {
        // One route per hop for the MAG's whole /48: LMA -> MAG, MAG -> access link.
        uint8_t b[16] = {0x20, 0x01, 0x01, 0x00, 0, uint8_t(i + 1)};
        lmaRouting->AddNetworkRouteTo(
            Ipv6Address(b),
            Ipv6Prefix(48),
            m_proxyCoa[i],
            m_lma->GetObject<Ipv6>()->GetInterfaceForPrefix(m_proxyCoa[i], Ipv6Prefix(64)));
        routing.GetStaticRouting(m_mags.Get(i)->GetObject<Ipv6>())
            ->AddNetworkRouteTo(Ipv6Address(b), Ipv6Prefix(48), m_accessIfIndex[i][0]);
    }
    for (uint32_t n = 0; n < m_p.mns; ++n)
    {
        uint32_t mag = n % m_p.mags;
        Ptr<SimpleNetDevice> dev = CreateObject<SimpleNetDevice>();
        dev->SetAddress(GetMnLinkLayerId(n));
        m_mns.Get(n)->AddDevice(dev);
        dev->SetChannel(m_idealChannel);
        m_mnDevices.Add(dev);
        m_mnPhys.push_back({dev});
        m_phyMag.push_back({int(mag)});
        Ptr<Ipv6L3Protocol> ipv6 = m_mns.Get(n)->GetObject<Ipv6L3Protocol>();
        uint32_t ifIndex = ipv6->AddInterface(dev);
        ipv6->AddAddress(ifIndex, Ipv6InterfaceAddress(PlainAddress(n), Ipv6Prefix(64)));
        ipv6->SetUp(ifIndex);
        Ptr<Ipv6L3Protocol> magIpv6 = m_mags.Get(mag)->GetObject<Ipv6L3Protocol>();
        uint32_t magIf = m_accessIfIndex[mag][0];
        Ipv6Address magLinkLocal = Ipv6Address::MakeAutoconfiguredLinkLocalAddress(kSharedMagMac);
        routing.GetStaticRouting(m_mns.Get(n)->GetObject<Ipv6>())
            ->SetDefaultRoute(magLinkLocal, ifIndex);
        // Both neighbours known from the start, as the MAG pins them in
        // PMIPv6 (Pmipv6Mag::PinNeighbor) and the RA tells the MN.
        for (auto [cache, address, mac] :
             {std::make_tuple(magIpv6->GetInterface(magIf)->GetNdiscCache(),
                              PlainAddress(n),
                              GetMnLinkLayerId(n)),
              std::make_tuple(ipv6->GetInterface(ifIndex)->GetNdiscCache(),
                              magLinkLocal,
                              kSharedMagMac)})
        {
            NdiscCache::Entry* e = cache->Add(address);
            e->SetMacAddress(mac);
            e->MarkPermanent();
        }
        m_idealChannel->Attach(dev, DynamicCast<SimpleNetDevice>(m_accessDevices[mag][0]));
        m_servingMag[n] = mag;
        m_currentMag[n] = mag;
    }
}

void
Pmipv6DomainHelper::BuildWifiAccess()
{
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
    Ssid ssid("pmipv6");
    WifiMacHelper mac;

    // Everyone within a few metres: the handover is the station's choice of
    // channel, not a fading radio.
    MobilityHelper mobility;
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    mobility.Install(m_mags);
    mobility.Install(m_mns);

    for (uint32_t i = 0; i < m_p.mags; ++i)
    {
        for (uint32_t k = 0; k < m_p.apsPerMag; ++k)
        {
            uint8_t ch = kWifiChannels[i * m_p.apsPerMag + k];
            std::ostringstream settings;
            settings << "{" << unsigned(ch) << ", 20, BAND_5GHZ, 0}";
            phy.Set("ChannelSettings", StringValue(settings.str()));
            mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
            NetDeviceContainer ap = wifi.Install(phy, mac, m_mags.Get(i));
            m_wifiDevices.Add(ap);
            SetWifiAddress(ap.Get(0), kSharedMagMac);
            m_wifiChannelOfAccess.push_back(ch);
            AddAccessInterface(i, ap.Get(0));
        }
    }
    std::ostringstream settings;
    settings << "{" << unsigned(kWifiChannels[0]) << ", 20, BAND_5GHZ, 0}";
    phy.Set("ChannelSettings", StringValue(settings.str()));
    mac.SetType("ns3::StaWifiMac", "Ssid", SsidValue(ssid), "ActiveProbing", BooleanValue(true));
    for (uint32_t n = 0; n < m_p.mns; ++n)
    {
        NetDeviceContainer sta = wifi.Install(phy, mac, m_mns.Get(n));
        m_wifiDevices.Add(sta);
        Ptr<WifiNetDevice> dev = DynamicCast<WifiNetDevice>(sta.Get(0));
        SetWifiAddress(dev, GetMnLinkLayerId(n));
        m_mnDevices.Add(dev);
        Ptr<Ipv6L3Protocol> ipv6 = m_mns.Get(n)->GetObject<Ipv6L3Protocol>();
        ipv6->SetUp(ipv6->AddInterface(dev));
        Ptr<StaWifiMac> staMac = DynamicCast<StaWifiMac>(dev->GetMac());
        staMac->TraceConnectWithoutContext(
            "Assoc",
            MakeCallback(&Pmipv6DomainHelper::OnStaAssoc, this).Bind(n));
        staMac->TraceConnectWithoutContext(
            "DeAssoc",
            MakeCallback(&Pmipv6DomainHelper::OnStaDeAssoc, this).Bind(n));
    }
}

uint32_t
Pmipv6DomainHelper::ActivePhy(uint32_t mn) const
{
    return m_shims.empty() ? 0 : m_shims[mn]->GetActive();
}

void
Pmipv6DomainHelper::Attach(uint32_t mn, uint32_t mag, uint32_t accessIndex, uint32_t phy)
{
    // RFC 5213 sec. 8.4, as the access network knows it: the MN's first
    // attach; another of its interfaces while one is up elsewhere; a move.
    uint8_t handoff = HandoffIndicator::HANDOFF_BETWEEN_MAGS;
    if (m_idealChannel && !m_shims.empty() && phy != ActivePhy(mn) &&
        m_phyMag[mn][ActivePhy(mn)] >= 0)
    {
        handoff = HandoffIndicator::HANDOFF_BETWEEN_INTERFACES;
    }
    else if (!LastHandoverOf(mn))
    {
        handoff = HandoffIndicator::ATTACHMENT_OVER_NEW_INTERFACE;
    }
    if (m_idealChannel)
    {
        m_idealChannel->Attach(m_mnPhys[mn][phy],
                               DynamicCast<SimpleNetDevice>(m_accessDevices[mag][accessIndex]));
        m_phyMag[mn][phy] = mag;
        if (!m_shims.empty() && m_phyMag[mn][ActivePhy(mn)] < 0)
        {
            m_shims[mn]->SetActive(phy); // the other one has no link
        }
    }
    // The MAG before this one: the serving MAG if this is a second
    // interface coming up early, else the one the last link loss left.
    int previous = m_servingMag[mn] != mag ? int(m_servingMag[mn]) : m_previousMag[mn];
    if (m_currentMag[mn] < 0 || phy == ActivePhy(mn))
    {
        m_currentMag[mn] = mag;
    }
    RecordAttach(mn, mag);
    // DHO,L2 ends when the new MAG knows of the attach (the FPMIPv6 paper, sec. 4.1).
    // 802.11 reassociation names the AP the station comes from: pass the MAG on.
    m_magApps[mag]->NotifyAttach(GetMnLinkLayerId(mn),
                                 m_accessIfIndex[mag][accessIndex],
                                 previous >= 0 && previous != int(mag) ? m_proxyCoa[previous]
                                                                       : Ipv6Address::GetAny(),
                                 handoff);
}

bool
Pmipv6DomainHelper::PrepareSecondInterface(uint32_t mn, uint32_t targetMag)
{
    if (m_p.interfaces != 2)
    {
        return false;
    }
    uint32_t idle = 1 - ActivePhy(mn);
    if (m_phyMag[mn][idle] >= 0)
    {
        return false;
    }
    Simulator::ScheduleWithContext(m_mags.Get(targetMag)->GetId(),
                                   m_p.dhoL2,
                                   &Pmipv6DomainHelper::Attach,
                                   this,
                                   mn,
                                   targetMag,
                                   0,
                                   idle);
    return true;
}

int
Pmipv6DomainHelper::FindMag(Ipv6Address proxyCoa) const
{
    for (uint32_t i = 0; i < m_proxyCoa.size(); ++i)
    {
        if (m_proxyCoa[i] == proxyCoa)
        {
            return i;
        }
    }
    return -1;
}

Pmipv6DomainHelper::L2Handover*
Pmipv6DomainHelper::LastHandoverOf(uint32_t mn)
{
    int64_t last = m_lastHandover[mn];
    return last < 0 ? nullptr : &m_l2Handovers[last];
}

void
Pmipv6DomainHelper::RecordAttach(uint32_t mn, uint32_t mag)
{
    L2Handover* last = LastHandoverOf(mn);
    if (last && last->attached.IsZero())
    {
        last->attached = Simulator::Now();
        last->toMag = mag;
    }
}

void
Pmipv6DomainHelper::LoseLink(uint32_t mn, uint32_t phy)
{
    int mag = m_phyMag[mn][phy];
    m_phyMag[mn][phy] = -1;
    m_currentMag[mn] = -1;
    m_idealChannel->Detach(m_mnPhys[mn][phy]);
    if (mag >= 0)
    {
        // The access point tells its MAG, one access hop later.
        Simulator::ScheduleWithContext(m_mags.Get(mag)->GetId(),
                                       m_p.rttMagAp / 2,
                                       &Pmipv6Mag::NotifyDetach,
                                       m_magApps[mag],
                                       GetMnLinkLayerId(mn));
    }
}

void
Pmipv6DomainHelper::ScheduleHandover(uint32_t mn, Time linkLost, uint32_t targetMag)
{
    NS_ABORT_MSG_UNLESS(mn < m_p.mns, "ScheduleHandover: no mobile node " << mn);
    NS_ABORT_MSG_UNLESS(targetMag < m_p.mags, "ScheduleHandover: no MAG " << targetMag);
    NS_ABORT_MSG_UNLESS(m_pending[mn].empty() || m_pending[mn].back().at < linkLost,
                        "ScheduleHandover: schedule each MN's handovers in time order");
    EventId id = Simulator::Schedule(linkLost - Simulator::Now(),
                                     &Pmipv6DomainHelper::ExecuteHandover,
                                     this,
                                     mn,
                                     targetMag);
    m_pending[mn].push_back(PendingHandover{linkLost, targetMag, id});
}

bool
Pmipv6DomainHelper::ForceLinkLoss(uint32_t mn, Time notAfter)
{
    if (m_pending.at(mn).empty() || m_pending[mn].front().at > notAfter)
    {
        return false;
    }
    PendingHandover next = m_pending[mn].front();
    next.event.Cancel();
    ExecuteHandover(mn, next.target);
    return true;
}

int
Pmipv6DomainHelper::FindMn(Mac48Address linkLayerId) const
{
    // The inverse of GetMnLinkLayerId: the MN's index is in the address.
    uint8_t b[6];
    linkLayerId.CopyTo(b);
    uint32_t n = ((uint32_t(b[3]) << 16) | (uint32_t(b[4]) << 8) | b[5]) - 1;
    return n < m_p.mns && GetMnLinkLayerId(n) == linkLayerId ? int(n) : -1;
}

void
Pmipv6DomainHelper::ExecuteHandover(uint32_t mn, uint32_t targetMag)
{
    m_pending[mn].pop_front();
    m_lastHandover[mn] = m_l2Handovers.size();
    m_l2Handovers.push_back(L2Handover{mn, m_servingMag[mn], targetMag, Simulator::Now(), Time(0)});
    m_previousMag[mn] = m_servingMag[mn];
    m_servingMag[mn] = targetMag;
    if (m_idealChannel)
    {
        uint32_t lost = ActivePhy(mn);
        LoseLink(mn, lost);
        if (m_p.interfaces == 2)
        {
            uint32_t other = 1 - lost;
            if (m_phyMag[mn][other] == int(targetMag))
            {
                // Make before break: the second interface is already there.
                m_shims[mn]->SetActive(other);
                m_currentMag[mn] = targetMag;
                RecordAttach(mn, targetMag);
                return;
            }
            if (m_phyMag[mn][other] >= 0)
            {
                LoseLink(mn, other); // up at the wrong MAG: start afresh
            }
            lost = other;
        }
        Simulator::ScheduleWithContext(m_mags.Get(targetMag)->GetId(),
                                       m_p.dhoL2,
                                       &Pmipv6DomainHelper::Attach,
                                       this,
                                       mn,
                                       targetMag,
                                       0,
                                       lost);
        return;
    }
    RetuneStation(mn, targetMag);
}

void
Pmipv6DomainHelper::RetuneStation(uint32_t mn, uint32_t targetMag)
{
    // Wi-Fi: the station retunes to the target's first access point and
    // re-associates by itself (active probing); the traces do the rest.
    // ns-3 3.37 aborts if a switch falls between a frame and its ACK
    // (SendNormalAck after SIFS on a switching PHY): wait for a quiet PHY,
    // and count the link as lost from the switch itself.
    Ptr<WifiPhy> phy = DynamicCast<WifiNetDevice>(m_mnDevices.Get(mn))->GetPhy();
    Time quiet = MicroSeconds(100);
    if (!phy->IsStateIdle() || Simulator::Now() - phy->GetLastRxEndTime() < quiet)
    {
        Simulator::Schedule(quiet / 4, &Pmipv6DomainHelper::RetuneStation, this, mn, targetMag);
        return;
    }
    LastHandoverOf(mn)->linkLost = Simulator::Now(); // another MN's may have come since
    uint8_t ch = m_wifiChannelOfAccess[targetMag * m_p.apsPerMag];
    phy->SetOperatingChannel(WifiPhy::ChannelTuple{ch, 20, WIFI_PHY_BAND_5GHZ, 0});
}

void
Pmipv6DomainHelper::OnStaAssoc(uint32_t mn, Mac48Address bssid)
{
    // All access points share one BSSID: which one it is, the channel says.
    Ptr<WifiNetDevice> dev = DynamicCast<WifiNetDevice>(m_mnDevices.Get(mn));
    uint8_t ch = dev->GetPhy()->GetChannelNumber();
    for (uint32_t a = 0; a < m_wifiChannelOfAccess.size(); ++a)
    {
        if (m_wifiChannelOfAccess[a] == ch)
        {
            // The station has its Association Response; the AP counts it
            // associated only once that frame's ACK is in (ApWifiMac::TxOk),
            // tens of microseconds later, and tells the MAG: before that the
            // AP drops frames for it. Notify the MAG after that hand-off.
            m_servingMag[mn] = a / m_p.apsPerMag;
            Simulator::ScheduleWithContext(m_mags.Get(a / m_p.apsPerMag)->GetId(),
                                           m_p.wifiAttachNotifyDelay,
                                           &Pmipv6DomainHelper::Attach,
                                           this,
                                           mn,
                                           a / m_p.apsPerMag,
                                           a % m_p.apsPerMag,
                                           0u);
            return;
        }
    }
    NS_LOG_WARN("MN " << mn << " associated on unknown channel " << unsigned(ch));
}

void
Pmipv6DomainHelper::OnStaDeAssoc(uint32_t mn, Mac48Address bssid)
{
    int mag = m_currentMag[mn];
    m_currentMag[mn] = -1;
    if (mag >= 0)
    {
        m_magApps[mag]->NotifyDetach(GetMnLinkLayerId(mn));
    }
}

std::vector<std::string>
Pmipv6DomainHelper::CheckBindings(uint32_t* stillRegistering)
{
    if (stillRegistering)
    {
        *stillRegistering = 0;
    }
    std::vector<std::string> problems;
    auto report = [&problems](uint32_t mn, const std::string& what) {
        problems.push_back("mn " + std::to_string(mn) + ": " + what);
    };
    for (uint32_t n = 0; n < m_p.mns; ++n)
    {
        int mag = m_currentMag[n];
        if (mag < 0)
        {
            report(n, "attached to no MAG");
            continue;
        }
        Mac48Address mac = GetMnLinkLayerId(n);
        std::ostringstream magName;
        magName << "MAG " << mag << " (" << m_proxyCoa[mag] << ")";
        BindingUpdateListEntry* e = m_magApps[mag]->GetBindingUpdateList().Find(mac);
        bool registering = stillRegistering && e && e->attached &&
                           e->state == BindingUpdateListEntry::WAIT_PBA &&
                           e->retransmitEvent.IsRunning();
        if (registering)
        {
            ++*stillRegistering;
        }
        else if (!e || !e->attached || e->state != BindingUpdateListEntry::REGISTERED)
        {
            report(n,
                   "its " + magName.str() + " has " +
                       (e ? BindingUpdateListEntry::StateName(e->state) +
                                (e->attached ? " attached" : " detached")
                          : std::string("no entry")));
        }
        BindingCacheEntry* b = m_lmaApp->GetBindingCache().Find(GetMnIdentifier(n));
        if (!registering &&
            (!b || b->state != BindingCacheEntry::REGISTERED || b->proxyCoa != m_proxyCoa[mag]))
        {
            std::ostringstream what;
            what << "the LMA's binding is ";
            if (b)
            {
                what << BindingCacheEntry::StateName(b->state) << " to " << b->proxyCoa;
            }
            else
            {
                what << "missing";
            }
            report(n, what.str() + ", not REGISTERED to " + magName.str());
        }
        for (uint32_t other = 0; other < m_p.mags; ++other)
        {
            BindingUpdateListEntry* o = m_magApps[other]->GetBindingUpdateList().Find(mac);
            if (other != uint32_t(mag) && o &&
                !(o->state == BindingUpdateListEntry::DEREGISTERING &&
                  o->retransmitEvent.IsRunning()))
            {
                report(n,
                       "MAG " + std::to_string(other) + " still holds a " +
                           BindingUpdateListEntry::StateName(o->state) + " entry");
            }
            auto ext = DynamicCast<FastHandoverMagExtension>(m_magApps[other]->GetExtension());
            const FastHandoverMagExtension::HandoverContext* c =
                ext ? ext->GetContext(mac) : nullptr;
            if (other != uint32_t(mag) && c && c->state != FastHandoverMagExtension::IDLE)
            {
                report(n,
                       "MAG " + std::to_string(other) + " still has a " +
                           FastHandoverMagExtension::StateName(c->state) + " handover context");
            }
        }
    }
    // Tunnels follow the bindings (RFC 5213 sec. 5.6.1, 6.10.1): the LMA has
    // one to each MAG a registered binding points at, a MAG one to the LMA
    // while it holds a registered entry.
    std::vector<bool> lmaBound(m_p.mags, false);
    m_lmaApp->GetBindingCache().ForEach([&](BindingCacheEntry& b) {
        int m = FindMag(b.proxyCoa);
        if (m >= 0 && b.state == BindingCacheEntry::REGISTERED)
        {
            lmaBound[m] = true;
        }
    });
    Ptr<Ipv6TunnelL4Protocol> lmaTunnel = m_lma->GetObject<Ipv6TunnelL4Protocol>();
    for (uint32_t m = 0; m < m_p.mags; ++m)
    {
        std::string name = "MAG " + std::to_string(m);
        if (lmaTunnel && lmaTunnel->HasEndpoint(m_proxyCoa[m]) != lmaBound[m])
        {
            problems.push_back(std::string("the LMA ") + (lmaBound[m] ? "has no" : "still has a") +
                               " tunnel to " + name);
        }
        Ptr<Ipv6TunnelL4Protocol> t = m_mags.Get(m)->GetObject<Ipv6TunnelL4Protocol>();
        if (!t)
        {
            continue;
        }
        bool registered = false;
        for (uint32_t n = 0; n < m_p.mns; ++n)
        {
            BindingUpdateListEntry* e =
                m_magApps[m]->GetBindingUpdateList().Find(GetMnLinkLayerId(n));
            registered = registered || (e && e->state == BindingUpdateListEntry::REGISTERED);
        }
        if (t->HasEndpoint(m_lmaAddress) != registered)
        {
            problems.push_back(name + (registered ? " has no" : " still has a") +
                               " tunnel to the LMA");
        }
        for (uint32_t peer = 0; peer < m_p.mags; ++peer)
        {
            if (peer != m && t->HasEndpoint(m_proxyCoa[peer]))
            {
                problems.push_back(name + " still has a tunnel to MAG " + std::to_string(peer));
            }
        }
    }
    return problems;
}

void
Pmipv6DomainHelper::EnablePcap(const std::string& prefix)
{
    PointToPointHelper p2p;
    p2p.EnablePcap(prefix, m_coreDevices);
    if (m_idealChannel)
    {
        m_idealChannel->EnablePcap(prefix + "-access.pcap");
    }
    if (m_p.access == "wifi")
    {
        YansWifiPhyHelper phy;
        phy.SetPcapDataLinkType(WifiPhyHelper::DLT_IEEE802_11_RADIO);
        phy.EnablePcap(prefix, m_mnDevices);
        for (auto& devs : m_accessDevices)
        {
            for (auto& d : devs)
            {
                phy.EnablePcap(prefix, d);
            }
        }
    }
}

const Pmipv6DomainHelper::Parameters&
Pmipv6DomainHelper::GetParameters() const
{
    return m_p;
}

Ptr<Node>
Pmipv6DomainHelper::GetCn() const
{
    return m_cn;
}

Ptr<Node>
Pmipv6DomainHelper::GetLma() const
{
    return m_lma;
}

Ptr<Node>
Pmipv6DomainHelper::GetMag(uint32_t i) const
{
    return m_mags.Get(i);
}

Ptr<Node>
Pmipv6DomainHelper::GetMn(uint32_t i) const
{
    return m_mns.Get(i);
}

Ptr<Pmipv6Lma>
Pmipv6DomainHelper::GetLmaApp() const
{
    return m_lmaApp;
}

Ptr<Pmipv6Mag>
Pmipv6DomainHelper::GetMagApp(uint32_t i) const
{
    return m_magApps.at(i);
}

Ipv6Address
Pmipv6DomainHelper::GetCnAddress() const
{
    return m_cnAddress;
}

Ipv6Address
Pmipv6DomainHelper::GetLmaAddress() const
{
    return m_lmaAddress;
}

Ipv6Address
Pmipv6DomainHelper::GetProxyCoa(uint32_t mag) const
{
    return m_proxyCoa.at(mag);
}

Mac48Address
Pmipv6DomainHelper::GetMnLinkLayerId(uint32_t mn) const
{
    // 02:00:00:xx:xx:xx, locally administered, distinct from the MAGs'.
    uint8_t b[6] =
        {0x02, 0x00, 0x00, uint8_t((mn + 1) >> 16), uint8_t((mn + 1) >> 8), uint8_t(mn + 1)};
    Mac48Address mac;
    mac.CopyFrom(b);
    return mac;
}

std::string
Pmipv6DomainHelper::GetMnIdentifier(uint32_t mn) const
{
    return "mn" + std::to_string(mn) + "@pmipv6.example";
}

Ipv6Address
Pmipv6DomainHelper::GetMnHomeAddress(uint32_t mn) const
{
    if (!m_p.mobility)
    {
        return PlainAddress(mn);
    }
    BindingCacheEntry* e = m_lmaApp->GetBindingCache().Find(GetMnIdentifier(mn));
    if (!e)
    {
        return Ipv6Address::GetAny();
    }
    return Ipv6Address::MakeAutoconfiguredAddress(GetMnLinkLayerId(mn),
                                                  e->homeNetworkPrefix.prefix);
}

uint32_t
Pmipv6DomainHelper::GetServingMag(uint32_t mn) const
{
    return m_servingMag.at(mn);
}

const std::vector<Pmipv6DomainHelper::L2Handover>&
Pmipv6DomainHelper::GetL2Handovers() const
{
    return m_l2Handovers;
}

} // namespace ns3
