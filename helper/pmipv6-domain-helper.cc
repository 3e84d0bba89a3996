// SPDX-License-Identifier: GPL-2.0-only
#include "pmipv6-domain-helper.h"

#include "aaa-server.h"
#include "fast-handover-mag-extension.h"
#include "ideal-access-network.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/global-value.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-address-helper.h"
#include "ns3/ipv6-list-routing-helper.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/log.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/traffic-control-helper.h"
#include "ns3/uinteger.h"

#include <cstdio>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Pmipv6DomainHelper");

namespace
{
Ipv6Address
SubnetBase(uint16_t a, uint16_t b)
{
    std::ostringstream s;
    s << "2001:" << std::hex << a << ":" << b << "::";
    return Ipv6Address(s.str().c_str());
}
} // namespace

std::string
Pmipv6DomainHelper::Parameters::Validate() const
{
    std::ostringstream err;
    if (!AccessNetwork::IsRegistered(access))
    {
        err << "access must be one of";
        for (const auto& name : AccessNetwork::GetNames())
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
    if (apsPerMag < 1)
    {
        err << "apsPerMag must be at least 1. ";
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
    if (err.str().empty())
    {
        std::string bad;
        Ptr<AccessNetwork> network = MakeAccessNetwork(&bad);
        err << (network ? network->CheckRequirements(
                              AccessNetwork::Requirements{mags, mns, interfaces, mobility})
                        : bad);
    }
    return err.str();
}

Ptr<AccessNetwork>
Pmipv6DomainHelper::Parameters::MakeAccessNetwork(std::string* bad) const
{
    ObjectFactory factory(AccessNetwork::LookupByName(access).GetName());
    // The parameters this access network has attributes for.
    const std::pair<const char*, Ptr<AttributeValue>> attributes[] = {
        {"FirstAttach", Create<TimeValue>(firstAttach)},
        {"AccessDelay", Create<TimeValue>(rttMagAp / 2)},
        {"DhoL2", Create<TimeValue>(dhoL2)},
        {"Interfaces", Create<UintegerValue>(interfaces)},
        {"ApsPerMag", Create<UintegerValue>(apsPerMag)},
        {"AttachNotifyDelay", Create<TimeValue>(wifiAttachNotifyDelay)},
        {"Direction", Create<StringValue>(direction)}};
    TypeId::AttributeInformation info;
    for (const auto& [name, value] : attributes)
    {
        if (factory.GetTypeId().LookupAttributeByName(name, &info))
        {
            if (!info.checker->CreateValidValue(*value))
            {
                *bad = access + ": " + name + " cannot be " +
                       value->SerializeToString(info.checker) + ". ";
                return nullptr;
            }
            factory.Set(name, *value);
        }
    }
    return factory.Create<AccessNetwork>();
}

Ptr<AccessNetwork>
Pmipv6DomainHelper::Parameters::CreateAccessNetwork() const
{
    std::string bad;
    Ptr<AccessNetwork> network = MakeAccessNetwork(&bad);
    NS_ABORT_MSG_UNLESS(network, "Pmipv6DomainHelper: " << bad);
    return network;
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
    ConfigureIpv6(node);
}

void
Pmipv6DomainHelper::ConfigureIpv6(Ptr<Node> node)
{
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
    m_access = p.CreateAccessNetwork();
    m_cn = CreateObject<Node>();
    m_lma = CreateObject<Node>();
    std::vector<bool> ownMag(p.mags, false);
    for (uint32_t i = 0; i < p.mags; ++i)
    {
        // An access network may bring a MAG's node (the EPC's PGW).
        Ptr<Node> mag = m_access->CreateMagNode(i, p.mags);
        ownMag[i] = mag != nullptr;
        m_mags.Add(mag ? mag : CreateObject<Node>());
    }
    m_mns.Create(p.mns);
    InstallIpv6(m_cn);
    InstallIpv6(m_lma);
    for (uint32_t i = 0; i < p.mags; ++i)
    {
        if (ownMag[i])
        {
            ConfigureIpv6(m_mags.Get(i));
        }
        else
        {
            InstallIpv6(m_mags.Get(i));
        }
    }
    for (uint32_t i = 0; i < p.mns; ++i)
    {
        InstallIpv6(m_mns.Get(i));
    }
    BuildCore();
    if (p.mobility)
    {
        InstallAgents();
    }
    AccessNetwork::Domain domain{m_mags, m_magApps, m_proxyCoa, m_mns, {}, {}, m_lmaAddress};
    for (uint32_t n = 0; n < p.mns; ++n)
    {
        domain.mnIdentifiers.push_back(GetMnIdentifier(n));
        domain.mnLinkLayerIds.push_back(GetMnLinkLayerId(n));
    }
    m_access->Install(domain);
    if (!p.mobility)
    {
        BuildPlainAccess();
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
    int64_t used = m_access->AssignStreams(stream);
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
        mag->SetAttribute("AccessTechnologyType",
                          UintegerValue(m_access->GetAccessTechnologyType(i)));
        if (m_extensionFactory)
        {
            mag->SetExtension(m_extensionFactory(i));
        }
        for (uint32_t n = 0; n < m_p.mns; ++n)
        {
            mag->AddPolicy(GetMnIdentifier(n), GetMnLinkLayerId(n), m_lmaAddress);
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
    auto ideal = DynamicCast<IdealAccessNetwork>(m_access); // Validate() saw to it
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
            ->AddNetworkRouteTo(Ipv6Address(b),
                                Ipv6Prefix(48),
                                m_access->GetAccessInterfaces(i).at(0));
    }
    for (uint32_t n = 0; n < m_p.mns; ++n)
    {
        ideal->AttachFixed(n, n % m_p.mags, PlainAddress(n));
    }
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

void
Pmipv6DomainHelper::ScheduleHandover(uint32_t mn, Time linkLost, uint32_t targetMag)
{
    m_access->ScheduleHandover(mn, linkLost, targetMag);
}

Ptr<AccessNetwork>
Pmipv6DomainHelper::GetAccessNetwork() const
{
    return m_access;
}

int
Pmipv6DomainHelper::FindMn(const std::string& mnId) const
{
    // The inverse of GetMnIdentifier: the MN's index is in the name.
    uint32_t n = 0;
    char rest = 0;
    if (std::sscanf(mnId.c_str(), "mn%u%c", &n, &rest) != 2 || rest != '@' || n >= m_p.mns)
    {
        return -1;
    }
    return GetMnIdentifier(n) == mnId ? int(n) : -1;
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
        int mag = m_access->GetCurrentMag(n);
        if (mag < 0)
        {
            report(n, "attached to no MAG");
            continue;
        }
        const std::string mnId = GetMnIdentifier(n);
        std::ostringstream magName;
        magName << "MAG " << mag << " (" << m_proxyCoa[mag] << ")";
        BindingUpdateListEntry* e = m_magApps[mag]->GetBindingUpdateList().Find(mnId);
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
            BindingUpdateListEntry* o = m_magApps[other]->GetBindingUpdateList().Find(mnId);
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
                ext ? ext->GetContext(mnId) : nullptr;
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
                m_magApps[m]->GetBindingUpdateList().Find(GetMnIdentifier(n));
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
    m_access->EnablePcap(prefix);
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
    return m_access->GetMnAddress(mn, e->homeNetworkPrefix.prefix);
}

uint32_t
Pmipv6DomainHelper::GetServingMag(uint32_t mn) const
{
    return m_access->GetServingMag(mn);
}

const std::vector<Pmipv6DomainHelper::L2Handover>&
Pmipv6DomainHelper::GetL2Handovers() const
{
    return m_access->GetL2Handovers();
}

} // namespace ns3
