// SPDX-License-Identifier: GPL-2.0-only
#include "wifi-lte-access-network.h"

#include "ns3/enum.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/virtual-net-device.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("WifiLteAccessNetwork");
NS_OBJECT_ENSURE_REGISTERED(WifiLteAccessNetwork);

namespace
{
AccessNetworkRegistration g_registration("wifi-lte", &WifiLteAccessNetwork::GetTypeId);
/// The UE's attach (RRC connection, default bearer) and the association, with margin.
const Time kWifiLteMargin = MilliSeconds(400);
/// A typical inter-technology DHO,L2, for planning only (measured per handover).
const Time kWifiLtePlannedDhoL2 = MilliSeconds(30);
} // namespace

TypeId
WifiLteAccessNetwork::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::WifiLteAccessNetwork")
            .SetParent<WifiAccessNetwork>()
            .SetGroupName("Pmipv6")
            .AddConstructor<WifiLteAccessNetwork>()
            .AddAttribute("Direction",
                          "The technology the MN starts on (MAG 0); handovers alternate",
                          EnumValue(WIFI_TO_LTE),
                          MakeEnumAccessor(&WifiLteAccessNetwork::m_direction),
                          MakeEnumChecker(WIFI_TO_LTE, "wifi-lte", LTE_TO_WIFI, "lte-wifi"));
    return tid;
}

WifiLteAccessNetwork::WifiLteAccessNetwork() = default;
WifiLteAccessNetwork::~WifiLteAccessNetwork() = default;

std::string
WifiLteAccessNetwork::CheckRequirements(const Requirements& r) const
{
    std::string err;
    if (r.mags != 2)
    {
        err += "wifi-lte: two MAGs (one Wi-Fi, one LTE). ";
    }
    if (r.interfaces != 1)
    {
        err += "wifi-lte: the MN's two radios are one IPv6 interface (leave interfaces at 1). ";
    }
    if (!r.mobility)
    {
        err += "wifi-lte has no plain-routing baseline. ";
    }
    return err;
}

uint32_t
WifiLteAccessNetwork::GetLteMag() const
{
    return m_direction == WIFI_TO_LTE ? 1 : 0;
}

uint32_t
WifiLteAccessNetwork::GetWifiMag() const
{
    return 1 - GetLteMag();
}

bool
WifiLteAccessNetwork::HasAccessPoints(uint32_t mag) const
{
    return mag != GetLteMag();
}

Ptr<Node>
WifiLteAccessNetwork::CreateMagNode(uint32_t mag, uint32_t mags)
{
    return mag == GetLteMag() ? m_radio.CreatePgw(GetSharedMagAddress()) : nullptr;
}

uint8_t
WifiLteAccessNetwork::GetAccessTechnologyType(uint32_t mag) const
{
    return mag == GetLteMag() ? LteRadioAccess::kAccessTechnologyType
                              : WifiAccessNetwork::GetAccessTechnologyType(mag);
}

Time
WifiLteAccessNetwork::GetAttachMargin() const
{
    return kWifiLteMargin;
}

Time
WifiLteAccessNetwork::GetHandoverMargin() const
{
    return kWifiLteMargin;
}

Time
WifiLteAccessNetwork::GetPlannedDhoL2() const
{
    return kWifiLtePlannedDhoL2;
}

void
WifiLteAccessNetwork::DoInstall()
{
    InstallAccessPoints();
    UseAccessInterface(GetLteMag(), m_radio.GetTunInterface());
    m_radio.InstallCells(m_domain, GetLteMag(), 1);
    m_radio.m_ready = MakeCallback(&WifiLteAccessNetwork::UeReady, this);
    bool lteFirst = m_direction == LTE_TO_WIFI;
    for (uint32_t n = 0; n < m_domain.mns.GetN(); ++n)
    {
        Ptr<Node> node = m_domain.mns.Get(n);
        // The station waits on the idle channel while the MN starts on LTE.
        Ptr<NetDevice> sta = AddStation(n, node, lteFirst);
        Ptr<NetDevice> ue = m_radio.AddUe(n);
        Ptr<MnInterfaceShim> shim = CreateObject<MnInterfaceShim>();
        Ptr<VirtualNetDevice> ipDevice = shim->Install(node, {sta, ue}); // the station's MAC
        m_radio.AddMnInterface(n, ipDevice, GetSharedMagAddress());
        m_shims.push_back(shim);
        // No link on the technology the MN does not start on.
        shim->SetLinkUp(lteFirst ? WIFI : LTE, false);
        shim->SetActive(lteFirst ? LTE : WIFI);
        if (lteFirst)
        {
            m_radio.Attach(n, 0);
        }
    }
}

void
WifiLteAccessNetwork::SwitchTo(uint32_t mn, Device device)
{
    m_shims[mn]->SetLinkUp(device, true);
    m_shims[mn]->SetActive(device);
}

void
WifiLteAccessNetwork::DoHandover(uint32_t mn, uint32_t targetMag)
{
    if (targetMag == GetLteMag())
    {
        // Wi-Fi lost now: the station leaves its channel (the AP reports it).
        m_shims[mn]->SetLinkUp(WIFI, false);
        RetuneStation(mn, -1, false);
        if (m_radio.IsAttached(mn))
        {
            UeReady(mn); // connected from before or brought up ahead (predicted)
        }
        else
        {
            m_radio.Attach(mn, 0);
        }
        return;
    }
    // LTE lost: the shim takes nothing more from the UE, the LTE MAG is told.
    m_shims[mn]->SetLinkUp(LTE, false);
    NotifyDetached(mn, GetLteMag());
    if (GetCurrentMag(mn) == int(targetMag))
    {
        // The station associated ahead (predicted): make before break.
        SwitchTo(mn, WIFI);
        RecordAttach(mn, targetMag);
        return;
    }
    if (!IsTunedTo(mn, targetMag))
    {
        RetuneStation(mn, int(targetMag));
    } // else: associating since the prediction; StationAssociated switches
}

bool
WifiLteAccessNetwork::PrepareSecondInterface(uint32_t mn, uint32_t targetMag)
{
    if (targetMag == GetLteMag())
    {
        if (m_radio.IsAttached(mn))
        {
            return false;
        }
        m_radio.Attach(mn, 0);
        return true;
    }
    RetuneStation(mn, int(targetMag), false);
    return true;
}

void
WifiLteAccessNetwork::UeReady(uint32_t mn)
{
    uint32_t lteMag = GetLteMag();
    m_radio.RegisterAtAttach(mn); // first, so that the MAG's RA reaches the UE
    bool handingOver = LastHandoverOf(mn) && GetServingMag(mn) == lteMag;
    if (!LastHandoverOf(mn) && m_direction == LTE_TO_WIFI)
    {
        SwitchTo(mn, LTE); // the first attach
        NotifyAttached(mn, lteMag, m_radio.GetTunInterface());
        return;
    }
    if (handingOver)
    {
        SwitchTo(mn, LTE);
    }
    else
    {
        m_shims[mn]->SetLinkUp(LTE, true); // up ahead; Wi-Fi still carries the traffic
    }
    NotifyAttached(mn,
                   lteMag,
                   m_radio.GetTunInterface(),
                   HandoffIndicator::HANDOFF_BETWEEN_INTERFACES,
                   handingOver);
}

void
WifiLteAccessNetwork::StationAssociated(uint32_t mn, uint32_t mag, uint32_t ifIndex)
{
    bool first = !LastHandoverOf(mn) && m_direction == WIFI_TO_LTE;
    bool handingOver = LastHandoverOf(mn) && GetServingMag(mn) == mag;
    if (first || handingOver)
    {
        SwitchTo(mn, WIFI);
    }
    else
    {
        m_shims[mn]->SetLinkUp(WIFI, true); // up ahead; LTE still carries the traffic
    }
    // As WifiAccessNetwork: the AP tells its MAG once the association is complete.
    Simulator::ScheduleWithContext(
        m_domain.mags.Get(mag)->GetId(),
        m_attachNotifyDelay,
        &WifiLteAccessNetwork::NotifyAttached,
        this,
        mn,
        mag,
        ifIndex,
        uint8_t(first ? HandoffIndicator::RESERVED : HandoffIndicator::HANDOFF_BETWEEN_INTERFACES),
        first || handingOver);
}

void
WifiLteAccessNetwork::StationLost(uint32_t mn)
{
    NotifyDetached(mn, GetWifiMag());
}

int64_t
WifiLteAccessNetwork::AssignStreams(int64_t stream)
{
    int64_t used = WifiAccessNetwork::AssignStreams(stream);
    return used + m_radio.AssignStreams(stream + used);
}

void
WifiLteAccessNetwork::DoDispose()
{
    m_radio.Dispose();
    m_shims.clear();
    WifiAccessNetwork::DoDispose();
}

} // namespace ns3
