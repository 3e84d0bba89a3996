// SPDX-License-Identifier: GPL-2.0-only
#include "lte-access-network.h"

#include "ns3/boolean.h"
#include "ns3/epc-pgw-application.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/log.h"
#include "ns3/lte-helper.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/lte-ue-rrc.h"
#include "ns3/mobility-helper.h"
#include "ns3/ndisc-cache.h"
#include "ns3/point-to-point-epc-helper.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"
#include "ns3/vector.h"
#include "ns3/virtual-net-device.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LteAccessNetwork");
NS_OBJECT_ENSURE_REGISTERED(LteAccessNetwork);

namespace
{
AccessNetworkRegistration g_registration("lte", &LteAccessNetwork::GetTypeId);
/// eNBs this far apart on a line; UEs half way between the first two.
constexpr double kCellSpacing = 50;
/// The attach (RRC connection, default bearer) with margin, for planning.
const Time kLteAttachMargin = MilliSeconds(300);
/// An X2 or inter-technology handover's link layer with margin, for planning.
const Time kLteHandoverMargin = MilliSeconds(200);
/// A typical LTE link-layer handover, for planning only (measured per handover).
const Time kLtePlannedDhoL2 = MilliSeconds(20);
} // namespace

// -------------------------------------------------------------- LteRadioAccess

LteRadioAccess::LteRadioAccess() = default;
LteRadioAccess::~LteRadioAccess() = default;

Ptr<Node>
LteRadioAccess::CreatePgw(Mac48Address sharedMagAddress)
{
    m_lte = CreateObject<LteHelper>();
    m_epc = CreateObject<PointToPointEpcHelper>();
    m_lte->SetEpcHelper(m_epc);
    m_pgwApp = m_epc->GetPgwNode()->GetApplication(0)->GetObject<EpcPgwApplication>();
    Ptr<Node> pgw = m_epc->GetPgwNode();
    Ptr<Ipv6L3Protocol> ipv6 = pgw->GetObject<Ipv6L3Protocol>();
    // ns-3 gives the PGW plain Ipv6StaticRouting: a list with a fresh
    // static routing inside, so that the MAG's routing hook can go first,
    // and the EPC's route for its UE pool back on the TUN device.
    Ptr<Ipv6ListRouting> list = CreateObject<Ipv6ListRouting>();
    Ptr<Ipv6StaticRouting> routing = CreateObject<Ipv6StaticRouting>();
    list->AddRoutingProtocol(routing, 0);
    ipv6->SetRoutingProtocol(list);
    routing->AddNetworkRouteTo(Ipv6Address("7777:f00d::"),
                               Ipv6Prefix(64),
                               Ipv6Address::GetAny(),
                               GetTunInterface(),
                               0);
    // RFC 5213 sec. 6.9.3: the MAG shows the link-layer and link-local
    // address every MAG shows, so that a MN moving between technologies
    // keeps its default router.
    uint32_t tun = GetTunInterface();
    ipv6->GetNetDevice(tun)->SetAddress(sharedMagAddress);
    for (uint32_t i = ipv6->GetNAddresses(tun); i-- > 0;)
    {
        if (ipv6->GetAddress(tun, i).GetScope() == Ipv6InterfaceAddress::LINKLOCAL)
        {
            ipv6->RemoveAddress(tun, i);
        }
    }
    ipv6->AddAddress(
        tun,
        Ipv6InterfaceAddress(Ipv6Address::MakeAutoconfiguredLinkLocalAddress(sharedMagAddress),
                             Ipv6Prefix(64)));
    return pgw;
}

uint32_t
LteRadioAccess::GetTunInterface() const
{
    return 1; // NoBackhaulEpcHelper adds the TUN device first
}

void
LteRadioAccess::InstallCells(const AccessNetwork::Domain& domain, uint32_t lteMag, uint32_t cells)
{
    m_domain = &domain;
    m_lteMag = lteMag;
    domain.magApps[lteMag]->TraceConnectWithoutContext(
        "RouterAdvertisement",
        MakeCallback(&LteRadioAccess::OnRouterAdvertisement, this));
    m_enbNodes.Create(cells);
    MobilityHelper mobility;
    Ptr<ListPositionAllocator> positions = CreateObject<ListPositionAllocator>();
    for (uint32_t c = 0; c < cells; ++c)
    {
        positions->Add(Vector(kCellSpacing * c, 0, 0));
    }
    mobility.SetPositionAllocator(positions);
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    mobility.Install(m_enbNodes);
    m_enbs = m_lte->InstallEnbDevice(m_enbNodes);
    if (cells > 1)
    {
        m_lte->AddX2Interface(m_enbNodes);
    }
}

Ptr<NetDevice>
LteRadioAccess::AddUe(uint32_t mn)
{
    NS_ABORT_MSG_UNLESS(mn == m_ues.GetN(), "LteRadioAccess: one UE per MN, in order");
    Ptr<Node> node = m_domain->mns.Get(mn);
    if (!node->GetObject<MobilityModel>())
    {
        MobilityHelper mobility;
        Ptr<ListPositionAllocator> position = CreateObject<ListPositionAllocator>();
        position->Add(Vector(kCellSpacing / 2, 10, 0));
        mobility.SetPositionAllocator(position);
        mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
        mobility.Install(node);
    }
    NetDeviceContainer ue = m_lte->InstallUeDevice(NodeContainer(node));
    uint32_t index = m_ues.GetN();
    m_ues.Add(ue);
    m_cellOfUe.push_back(0);
    m_attached.push_back(false);
    Ptr<LteUeRrc> rrc = DynamicCast<LteUeNetDevice>(ue.Get(0))->GetRrc();
    bool ok = rrc->TraceConnectWithoutContext(
        "DrbCreated",
        MakeCallback(&LteRadioAccess::DrbCreated, this).Bind(index));
    ok = ok && rrc->TraceConnectWithoutContext(
                   "HandoverEndOk",
                   MakeCallback(&LteRadioAccess::HandoverEnd, this).Bind(index));
    NS_ABORT_MSG_UNLESS(ok, "LteRadioAccess: LteUeRrc has no DrbCreated/HandoverEndOk trace");
    m_domain->magApps[m_lteMag]->AddPolicy(m_domain->mnIdentifiers[mn],
                                           ue.Get(0)->GetAddress(),
                                           m_domain->lma);
    return ue.Get(0);
}

uint32_t
LteRadioAccess::AddMnInterface(uint32_t mn, Ptr<NetDevice> ipDevice, Mac48Address sharedMagAddress)
{
    Ptr<Ipv6L3Protocol> ipv6 = m_domain->mns.Get(mn)->GetObject<Ipv6L3Protocol>();
    uint32_t ifIndex = ipv6->AddInterface(ipDevice);
    ipv6->SetUp(ifIndex);
    ipv6->AddAddress(ifIndex,
                     Ipv6InterfaceAddress(
                         Ipv6Address::MakeAutoconfiguredLinkLocalAddress(GetUe(mn)->GetAddress()),
                         Ipv6Prefix(64)));
    // The default router is known for good: behind a PGW, whose TUN device
    // does no Neighbor Discovery, a Neighbor Solicitation would go unanswered.
    NdiscCache::Entry* router = ipv6->GetInterface(ifIndex)->GetNdiscCache()->Add(
        Ipv6Address::MakeAutoconfiguredLinkLocalAddress(sharedMagAddress));
    router->SetMacAddress(sharedMagAddress);
    router->SetRouter(true);
    router->MarkPermanent();
    return ifIndex;
}

void
LteRadioAccess::RegisterAtAttach(uint32_t ue)
{
    RegisterAddress(ue, Ipv6Address::MakeAutoconfiguredLinkLocalAddress(GetUe(ue)->GetAddress()));
    BindingUpdateListEntry* e =
        m_domain->magApps[m_lteMag]->GetBindingUpdateList().Find(m_domain->mnIdentifiers[ue]);
    if (e && !e->homeNetworkPrefix.prefix.IsAny())
    {
        RegisterAddress(ue,
                        Ipv6Address::MakeAutoconfiguredAddress(m_domain->mnLinkLayerIds[ue],
                                                               e->homeNetworkPrefix.prefix));
    }
}

void
LteRadioAccess::OnRouterAdvertisement(std::string mnId, Address linkLayerId)
{
    BindingUpdateListEntry* e = m_domain->magApps[m_lteMag]->GetBindingUpdateList().Find(mnId);
    for (uint32_t n = 0; e && n < m_ues.GetN(); ++n)
    {
        if (m_domain->mnIdentifiers[n] == mnId && !e->homeNetworkPrefix.prefix.IsAny())
        {
            // The home address (the MN's 48-bit interface identifier, as on
            // every access) routed to the UE, as an EPC's PDN address is.
            RegisterAddress(n,
                            Ipv6Address::MakeAutoconfiguredAddress(m_domain->mnLinkLayerIds[n],
                                                                   e->homeNetworkPrefix.prefix));
            return;
        }
    }
}

void
LteRadioAccess::Attach(uint32_t ue, uint32_t cell)
{
    NS_LOG_INFO("UE " << ue << " attaches to cell " << cell);
    m_cellOfUe.at(ue) = cell;
    m_lte->Attach(m_ues.Get(ue), m_enbs.Get(cell));
}

bool
LteRadioAccess::IsAttached(uint32_t ue) const
{
    return m_attached.at(ue);
}

void
LteRadioAccess::Handover(uint32_t ue, uint32_t cell)
{
    NS_LOG_INFO("UE " << ue << ": X2 handover to cell " << cell);
    m_lte->HandoverRequest(Time(0), m_ues.Get(ue), m_enbs.Get(m_cellOfUe[ue]), m_enbs.Get(cell));
    m_cellOfUe[ue] = cell;
}

void
LteRadioAccess::RegisterAddress(uint32_t ue, Ipv6Address address)
{
    m_pgwApp->SetUeAddress6(DynamicCast<LteUeNetDevice>(m_ues.Get(ue))->GetImsi(), address);
}

Ptr<NetDevice>
LteRadioAccess::GetUe(uint32_t ue) const
{
    return m_ues.Get(ue);
}

uint32_t
LteRadioAccess::GetCell(uint32_t ue) const
{
    return m_cellOfUe.at(ue);
}

void
LteRadioAccess::DrbCreated(uint32_t ue, uint64_t imsi, uint16_t cellId, uint16_t rnti, uint8_t lcid)
{
    if (m_attached[ue])
    {
        return; // bearers re-created at the target of a handover
    }
    NS_LOG_INFO("UE " << ue << " (IMSI " << imsi << ") has its data bearer in cell " << cellId);
    m_attached[ue] = true;
    if (!m_ready.IsNull())
    {
        m_ready(ue);
    }
}

void
LteRadioAccess::HandoverEnd(uint32_t ue, uint64_t imsi, uint16_t cellId, uint16_t rnti)
{
    NS_LOG_INFO("UE " << ue << " (IMSI " << imsi << ") handed over to cell " << cellId);
    if (!m_ready.IsNull())
    {
        m_ready(ue);
    }
}

int64_t
LteRadioAccess::AssignStreams(int64_t stream)
{
    if (!m_lte)
    {
        return 0;
    }
    NetDeviceContainer all = m_enbs;
    all.Add(m_ues);
    return m_lte->AssignStreams(all, stream);
}

void
LteRadioAccess::Dispose()
{
    m_ready = MakeNullCallback<void, uint32_t>();
    m_pgwApp = nullptr;
    m_epc = nullptr;
    m_lte = nullptr;
}

// ------------------------------------------------------------ LteAccessNetwork

TypeId
LteAccessNetwork::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LteAccessNetwork")
                            .SetParent<AccessNetwork>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<LteAccessNetwork>()
                            .AddAttribute("Cells",
                                          "eNBs of the LTE MAG (X2 between neighbours)",
                                          UintegerValue(2),
                                          MakeUintegerAccessor(&LteAccessNetwork::m_cells),
                                          MakeUintegerChecker<uint32_t>(1, 16));
    return tid;
}

LteAccessNetwork::LteAccessNetwork() = default;
LteAccessNetwork::~LteAccessNetwork() = default;

std::string
LteAccessNetwork::CheckRequirements(const Requirements& r) const
{
    std::string err = AccessNetwork::CheckRequirements(r);
    if (r.mags != 1)
    {
        err += "lte: one MAG (the EPC's PGW; LENA has no handover between EPCs; for handovers "
               "between MAGs use wifi-lte). ";
    }
    return err;
}

Ptr<Node>
LteAccessNetwork::CreateMagNode(uint32_t mag, uint32_t mags)
{
    return mag == GetLteMag() ? m_radio.CreatePgw(GetSharedMagAddress()) : nullptr;
}

uint32_t
LteAccessNetwork::GetLteMag() const
{
    return 0;
}

uint8_t
LteAccessNetwork::GetAccessTechnologyType(uint32_t mag) const
{
    return LteRadioAccess::kAccessTechnologyType;
}

Time
LteAccessNetwork::GetAttachMargin() const
{
    return kLteAttachMargin;
}

Time
LteAccessNetwork::GetHandoverMargin() const
{
    return kLteHandoverMargin;
}

Time
LteAccessNetwork::GetPlannedDhoL2() const
{
    return kLtePlannedDhoL2;
}

void
LteAccessNetwork::DoInstall()
{
    UseAccessInterface(GetLteMag(), m_radio.GetTunInterface());
    m_radio.InstallCells(m_domain, GetLteMag(), m_cells);
    m_radio.m_ready = MakeCallback(&LteAccessNetwork::UeReady, this);
    for (uint32_t n = 0; n < m_domain.mns.GetN(); ++n)
    {
        Ptr<NetDevice> ue = m_radio.AddUe(n);
        // IPv6 sees the MN's 48-bit identity, as on the other accesses.
        Ptr<MnInterfaceShim> shim = CreateObject<MnInterfaceShim>();
        Ptr<VirtualNetDevice> ipDevice = shim->Install(m_domain.mns.Get(n), {ue});
        ipDevice->SetAddress(m_domain.mnLinkLayerIds[n]);
        m_radio.AddMnInterface(n, ipDevice, GetSharedMagAddress());
        m_radio.Attach(n, 0);
    }
}

void
LteAccessNetwork::UeReady(uint32_t mn)
{
    if (LastHandoverOf(mn) && GetCurrentMag(mn) == int(GetLteMag()))
    {
        RecordAttach(mn, GetLteMag()); // X2 inside the MAG: PMIPv6 sees nothing
        return;
    }
    m_radio.RegisterAtAttach(mn); // first, so that the MAG's RA reaches the UE
    NotifyAttached(mn, GetLteMag(), m_radio.GetTunInterface());
}

void
LteAccessNetwork::DoHandover(uint32_t mn, uint32_t targetMag)
{
    // One LTE MAG: the handover goes to the UE's next cell over X2.
    m_radio.Handover(mn, (m_radio.GetCell(mn) + 1) % m_cells);
}

int64_t
LteAccessNetwork::AssignStreams(int64_t stream)
{
    return m_radio.AssignStreams(stream);
}

void
LteAccessNetwork::DoDispose()
{
    m_radio.Dispose();
    AccessNetwork::DoDispose();
}

} // namespace ns3
