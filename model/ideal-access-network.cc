// SPDX-License-Identifier: GPL-2.0-only
#include "ideal-access-network.h"

#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/log.h"
#include "ns3/ndisc-cache.h"
#include "ns3/simple-net-device.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <tuple>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IdealAccessNetwork");
NS_OBJECT_ENSURE_REGISTERED(IdealAccessNetwork);

namespace
{
AccessNetworkRegistration g_registration("ideal", &IdealAccessNetwork::GetTypeId);
/// RFC 5213 sec. 8.5: IEEE 802.3.
constexpr uint8_t kAttIeee8023 = 3;
} // namespace

TypeId
IdealAccessNetwork::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::IdealAccessNetwork")
            .SetParent<AccessNetwork>()
            .SetGroupName("Pmipv6")
            .AddConstructor<IdealAccessNetwork>()
            .AddAttribute("AccessDelay",
                          "One-way MAG-AP delay (RTT_MAG-AP / 2)",
                          TimeValue(MicroSeconds(2500)),
                          MakeTimeAccessor(&IdealAccessNetwork::m_accessDelay),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("DhoL2",
                          "L2 handover delay: from the link loss to the new MAG knowing",
                          TimeValue(MilliSeconds(11)),
                          MakeTimeAccessor(&IdealAccessNetwork::m_dhoL2),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("Interfaces",
                          "Access interfaces per MN (2: an MnInterfaceShim over two devices)",
                          UintegerValue(1),
                          MakeUintegerAccessor(&IdealAccessNetwork::m_interfaces),
                          MakeUintegerChecker<uint32_t>(1, 2));
    return tid;
}

std::string
IdealAccessNetwork::CheckRequirements(const Requirements& r) const
{
    std::string err;
    if (r.interfaces < 1 || r.interfaces > 2)
    {
        err += "interfaces must be 1, or 2 on ideal access. ";
    }
    if (!r.mobility && (r.interfaces != 1 || r.mns / r.mags >= 0xffff))
    {
        err += "without mobility (the plain-routing baseline): one interface, and fewer than "
               "65535 MNs per MAG. ";
    }
    return err;
}

uint8_t
IdealAccessNetwork::GetAccessTechnologyType(uint32_t mag) const
{
    return kAttIeee8023;
}

Time
IdealAccessNetwork::GetPlannedDhoL2() const
{
    return m_dhoL2;
}

bool
IdealAccessNetwork::IsDhoL2Measured() const
{
    return false;
}

void
IdealAccessNetwork::DoInstall()
{
    m_channel = CreateObject<IdealAccessChannel>();
    m_channel->SetAttribute("AccessDelay", TimeValue(m_accessDelay));
    for (uint32_t i = 0; i < m_domain.mags.GetN(); ++i)
    {
        Ptr<SimpleNetDevice> dev = CreateObject<SimpleNetDevice>();
        dev->SetAddress(GetSharedMagAddress());
        m_domain.mags.Get(i)->AddDevice(dev);
        dev->SetChannel(m_channel);
        m_channel->AddAccessPoint(dev);
        AddAccessInterface(i, dev);
        m_accessPoints.push_back(dev);
    }
    if (!HasMobility())
    {
        return; // AttachFixed() puts each MN on its MAG
    }
    for (uint32_t n = 0; n < m_domain.mns.GetN(); ++n)
    {
        // A two-interface MN has two devices with its one link-layer
        // address and a shim in front of IPv6 (the FPMIPv6 paper, sec. 3.3).
        std::vector<Ptr<SimpleNetDevice>> phys;
        std::vector<Ptr<NetDevice>> shimmed;
        for (uint32_t k = 0; k < m_interfaces; ++k)
        {
            Ptr<SimpleNetDevice> dev = CreateObject<SimpleNetDevice>();
            dev->SetAddress(m_domain.mnLinkLayerIds[n]);
            m_domain.mns.Get(n)->AddDevice(dev);
            dev->SetChannel(m_channel);
            phys.push_back(dev);
            shimmed.push_back(dev);
        }
        Ptr<NetDevice> ipDevice = phys[0];
        if (m_interfaces == 2)
        {
            Ptr<MnInterfaceShim> shim = CreateObject<MnInterfaceShim>();
            ipDevice = shim->Install(m_domain.mns.Get(n), shimmed);
            m_shims.push_back(shim);
        }
        m_mnPhys.push_back(phys);
        m_phyMag.push_back(std::vector<int>(m_interfaces, -1));
        Ptr<Ipv6L3Protocol> ipv6 = m_domain.mns.Get(n)->GetObject<Ipv6L3Protocol>();
        ipv6->SetUp(ipv6->AddInterface(ipDevice));
        Simulator::ScheduleWithContext(m_domain.mags.Get(0)->GetId(),
                                       m_firstAttach,
                                       &IdealAccessNetwork::Attach,
                                       this,
                                       n,
                                       0,
                                       0);
    }
}

uint32_t
IdealAccessNetwork::AttachFixed(uint32_t n, uint32_t mag, Ipv6Address address)
{
    Mac48Address mnMac = m_domain.mnLinkLayerIds[n];
    Ptr<SimpleNetDevice> dev = CreateObject<SimpleNetDevice>();
    dev->SetAddress(mnMac);
    m_domain.mns.Get(n)->AddDevice(dev);
    dev->SetChannel(m_channel);
    m_mnPhys.push_back({dev});
    m_phyMag.push_back({int(mag)});
    Ptr<Ipv6L3Protocol> ipv6 = m_domain.mns.Get(n)->GetObject<Ipv6L3Protocol>();
    uint32_t ifIndex = ipv6->AddInterface(dev);
    ipv6->AddAddress(ifIndex, Ipv6InterfaceAddress(address, Ipv6Prefix(64)));
    ipv6->SetUp(ifIndex);
    Ptr<Ipv6L3Protocol> magIpv6 = m_domain.mags.Get(mag)->GetObject<Ipv6L3Protocol>();
    uint32_t magIf = m_accessIfIndex[mag][0];
    Ipv6Address magLinkLocal =
        Ipv6Address::MakeAutoconfiguredLinkLocalAddress(GetSharedMagAddress());
    Ipv6StaticRoutingHelper routing;
    routing.GetStaticRouting(ipv6)->SetDefaultRoute(magLinkLocal, ifIndex);
    // Both neighbours known from the start, as the MAG pins them in
    // PMIPv6 (Pmipv6Mag::PinNeighbor) and the RA tells the MN.
    for (auto [cache, neighbour, mac] :
         {std::make_tuple(magIpv6->GetInterface(magIf)->GetNdiscCache(), address, mnMac),
          std::make_tuple(ipv6->GetInterface(ifIndex)->GetNdiscCache(),
                          magLinkLocal,
                          GetSharedMagAddress())})
    {
        NdiscCache::Entry* e = cache->Add(neighbour);
        e->SetMacAddress(mac);
        e->MarkPermanent();
    }
    m_channel->Attach(dev, m_accessPoints[mag]);
    m_servingMag[n] = mag;
    m_currentMag[n] = mag;
    return ifIndex;
}

uint32_t
IdealAccessNetwork::ActivePhy(uint32_t mn) const
{
    return m_shims.empty() ? 0 : m_shims[mn]->GetActive();
}

void
IdealAccessNetwork::Attach(uint32_t mn, uint32_t mag, uint32_t phy)
{
    // RFC 5213 sec. 8.4, as the access network knows it: another of the
    // MN's interfaces while one is up elsewhere; else the base decides
    // (the first attach, or a move).
    uint8_t handoff = HandoffIndicator::RESERVED;
    if (!m_shims.empty() && phy != ActivePhy(mn) && m_phyMag[mn][ActivePhy(mn)] >= 0)
    {
        handoff = HandoffIndicator::HANDOFF_BETWEEN_INTERFACES;
    }
    m_channel->Attach(m_mnPhys[mn][phy], m_accessPoints[mag]);
    m_phyMag[mn][phy] = mag;
    if (!m_shims.empty() && m_phyMag[mn][ActivePhy(mn)] < 0)
    {
        m_shims[mn]->SetActive(phy); // the other one has no link
    }
    NotifyAttached(mn, mag, m_accessIfIndex[mag][0], handoff, phy == ActivePhy(mn));
}

void
IdealAccessNetwork::LoseLink(uint32_t mn, uint32_t phy)
{
    int mag = m_phyMag[mn][phy];
    m_phyMag[mn][phy] = -1;
    m_currentMag[mn] = -1;
    m_channel->Detach(m_mnPhys[mn][phy]);
    if (mag >= 0)
    {
        // The access point tells its MAG, one access hop later.
        Simulator::ScheduleWithContext(m_domain.mags.Get(mag)->GetId(),
                                       m_accessDelay,
                                       &IdealAccessNetwork::NotifyDetached,
                                       this,
                                       mn,
                                       uint32_t(mag));
    }
}

void
IdealAccessNetwork::DoHandover(uint32_t mn, uint32_t targetMag)
{
    uint32_t lost = ActivePhy(mn);
    LoseLink(mn, lost);
    if (m_interfaces == 2)
    {
        uint32_t other = 1 - lost;
        if (m_phyMag[mn][other] == int(targetMag))
        {
            // Make before break: the second interface is already there.
            m_shims[mn]->SetActive(other);
            RecordAttach(mn, targetMag);
            return;
        }
        if (m_phyMag[mn][other] >= 0)
        {
            LoseLink(mn, other); // up at the wrong MAG: start afresh
        }
        lost = other;
    }
    Simulator::ScheduleWithContext(m_domain.mags.Get(targetMag)->GetId(),
                                   m_dhoL2,
                                   &IdealAccessNetwork::Attach,
                                   this,
                                   mn,
                                   targetMag,
                                   lost);
}

bool
IdealAccessNetwork::PrepareSecondInterface(uint32_t mn, uint32_t targetMag)
{
    if (m_interfaces != 2)
    {
        return false;
    }
    uint32_t idle = 1 - ActivePhy(mn);
    if (m_phyMag[mn][idle] >= 0)
    {
        return false;
    }
    Simulator::ScheduleWithContext(m_domain.mags.Get(targetMag)->GetId(),
                                   m_dhoL2,
                                   &IdealAccessNetwork::Attach,
                                   this,
                                   mn,
                                   targetMag,
                                   idle);
    return true;
}

void
IdealAccessNetwork::EnablePcap(const std::string& prefix)
{
    m_channel->EnablePcap(prefix + "-access.pcap");
}

void
IdealAccessNetwork::DoDispose()
{
    m_channel = nullptr;
    m_accessPoints.clear();
    m_mnPhys.clear();
    m_shims.clear();
    AccessNetwork::DoDispose();
}

} // namespace ns3
