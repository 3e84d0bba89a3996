// SPDX-License-Identifier: GPL-2.0-only
#include "access-network.h"

#include "ns3/abort.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"

#include <algorithm>
#include <map>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("AccessNetwork");
NS_OBJECT_ENSURE_REGISTERED(AccessNetwork);

namespace
{
/// Short name -> TypeId getter; functions, so that registration order does not matter.
std::map<std::string, TypeId (*)()>&
Registry()
{
    static std::map<std::string, TypeId (*)()> registry;
    return registry;
}
} // namespace

AccessNetworkRegistration::AccessNetworkRegistration(const std::string& name, TypeId (*getTypeId)())
{
    AccessNetwork::Register(name, getTypeId);
}

void
AccessNetwork::Register(const std::string& name, TypeId (*getTypeId)())
{
    Registry()[name] = getTypeId;
}

bool
AccessNetwork::IsRegistered(const std::string& name)
{
    return Registry().count(name) != 0;
}

TypeId
AccessNetwork::LookupByName(const std::string& name)
{
    auto it = Registry().find(name);
    NS_ABORT_MSG_IF(it == Registry().end(), "no access network registered as '" << name << "'");
    return it->second();
}

std::vector<std::string>
AccessNetwork::GetNames()
{
    std::vector<std::string> names;
    for (auto& kv : Registry())
    {
        names.push_back(kv.first);
    }
    return names;
}

std::string
AccessNetwork::GetName(TypeId tid)
{
    for (auto& kv : Registry())
    {
        if (kv.second() == tid)
        {
            return kv.first;
        }
    }
    return "";
}

void
AccessNetwork::Describe(std::ostream& os)
{
    os << "name,type_id,access_technology_type,dho_l2\n";
    for (auto& [name, getTypeId] : Registry())
    {
        ObjectFactory factory(getTypeId().GetName());
        Ptr<AccessNetwork> access = factory.Create<AccessNetwork>();
        // The ATTs of MAGs 0 and 1 (one access network may hold two technologies).
        uint8_t att0 = access->GetAccessTechnologyType(0);
        uint8_t att1 = access->GetAccessTechnologyType(1);
        os << name << "," << getTypeId().GetName() << "," << unsigned(att0);
        if (att1 != att0)
        {
            os << "+" << unsigned(att1);
        }
        os << "," << (access->IsDhoL2Measured() ? "measured" : "parameter") << "\n";
    }
}

TypeId
AccessNetwork::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::AccessNetwork")
            .SetParent<Object>()
            .SetGroupName("Pmipv6")
            .AddAttribute("FirstAttach",
                          "When every mobile node starts to attach to MAG 0",
                          TimeValue(MilliSeconds(10)),
                          MakeTimeAccessor(&AccessNetwork::m_firstAttach),
                          MakeTimeChecker(TimeStep(1)))
            .AddTraceSource("L2Handover",
                            "A mobile node's link-layer handover ended: its new MAG knows of "
                            "the attach (attached - linkLost is the measured DHO,L2)",
                            MakeTraceSourceAccessor(&AccessNetwork::m_l2HandoverTrace),
                            "ns3::AccessNetwork::L2HandoverTracedCallback");
    return tid;
}

AccessNetwork::AccessNetwork() = default;

std::string
AccessNetwork::CheckRequirements(const Requirements& r) const
{
    std::string err;
    if (r.interfaces != 1)
    {
        err += GetInstanceTypeId().GetName() + " gives each MN one interface. ";
    }
    if (!r.mobility)
    {
        err += GetInstanceTypeId().GetName() + " has no plain-routing baseline. ";
    }
    return err;
}

void
AccessNetwork::Install(const Domain& domain)
{
    m_domain = domain;
    uint32_t mns = domain.mns.GetN();
    m_servingMag.assign(mns, 0);
    m_currentMag.assign(mns, -1);
    m_previousMag.assign(mns, -1);
    m_pending.assign(mns, {});
    m_lastHandover.assign(mns, -1);
    m_accessIfIndex.assign(domain.mags.GetN(), {});
    DoInstall();
}

Mac48Address
AccessNetwork::GetSharedMagAddress()
{
    return Mac48Address("02:00:00:00:fe:01");
}

bool
AccessNetwork::HasMobility() const
{
    return !m_domain.magApps.empty();
}

uint32_t
AccessNetwork::AddAccessInterface(uint32_t mag, Ptr<NetDevice> dev)
{
    Ptr<Ipv6L3Protocol> ipv6 = m_domain.mags.Get(mag)->GetObject<Ipv6L3Protocol>();
    uint32_t ifIndex = ipv6->AddInterface(dev);
    ipv6->SetUp(ifIndex);
    UseAccessInterface(mag, ifIndex);
    return ifIndex;
}

void
AccessNetwork::UseAccessInterface(uint32_t mag, uint32_t ifIndex)
{
    m_domain.mags.Get(mag)->GetObject<Ipv6L3Protocol>()->SetForwarding(ifIndex, true);
    if (HasMobility())
    {
        m_domain.magApps[mag]->AddAccessInterface(ifIndex);
    }
    m_accessIfIndex[mag].push_back(ifIndex);
}

Ptr<Node>
AccessNetwork::CreateMagNode(uint32_t mag, uint32_t mags)
{
    return nullptr;
}

const std::vector<uint32_t>&
AccessNetwork::GetAccessInterfaces(uint32_t mag) const
{
    return m_accessIfIndex.at(mag);
}

void
AccessNetwork::ScheduleHandover(uint32_t mn, Time linkLost, uint32_t targetMag)
{
    NS_ABORT_MSG_UNLESS(mn < m_pending.size(), "ScheduleHandover: no mobile node " << mn);
    NS_ABORT_MSG_UNLESS(targetMag < m_domain.mags.GetN(), "ScheduleHandover: no MAG " << targetMag);
    NS_ABORT_MSG_UNLESS(m_pending[mn].empty() || m_pending[mn].back().at < linkLost,
                        "ScheduleHandover: schedule each MN's handovers in time order");
    EventId id = Simulator::Schedule(linkLost - Simulator::Now(),
                                     &AccessNetwork::ExecuteHandover,
                                     this,
                                     mn,
                                     targetMag);
    m_pending[mn].push_back(PendingHandover{linkLost, targetMag, id});
}

bool
AccessNetwork::ForceLinkLoss(uint32_t mn, Time notAfter)
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

void
AccessNetwork::ExecuteHandover(uint32_t mn, uint32_t targetMag)
{
    m_pending[mn].pop_front();
    m_lastHandover[mn] = m_l2Handovers.size();
    m_l2Handovers.push_back(L2Handover{mn, m_servingMag[mn], targetMag, Simulator::Now(), Time(0)});
    NS_LOG_INFO("MN " << mn << " loses its link to MAG " << m_servingMag[mn] << ", heading for MAG "
                      << targetMag);
    m_previousMag[mn] = m_servingMag[mn];
    m_servingMag[mn] = targetMag;
    DoHandover(mn, targetMag);
}

bool
AccessNetwork::PrepareSecondInterface(uint32_t mn, uint32_t targetMag)
{
    return false;
}

int64_t
AccessNetwork::AssignStreams(int64_t stream)
{
    return 0;
}

void
AccessNetwork::EnablePcap(const std::string& prefix)
{
}

Time
AccessNetwork::GetAttachMargin() const
{
    return Time(0);
}

Time
AccessNetwork::GetHandoverMargin() const
{
    return Time(0);
}

bool
AccessNetwork::IsDhoL2Measured() const
{
    return true;
}

double
AccessNetwork::GetReportedDhoL2Ms(const L2Handover& h) const
{
    if (!IsDhoL2Measured())
    {
        return GetPlannedDhoL2().GetSeconds() * 1e3;
    }
    return h.attached.IsZero() ? -1 : (h.attached - h.linkLost).GetSeconds() * 1e3;
}

Ipv6Address
AccessNetwork::GetMnAddress(uint32_t mn, Ipv6Address prefix) const
{
    return Ipv6Address::MakeAutoconfiguredAddress(m_domain.mnLinkLayerIds.at(mn), prefix);
}

uint32_t
AccessNetwork::GetMnInterface(uint32_t mn) const
{
    return 1; // the first interface after the loopback
}

AccessNetwork::L2Handover*
AccessNetwork::LastHandoverOf(uint32_t mn)
{
    int64_t last = m_lastHandover[mn];
    return last < 0 ? nullptr : &m_l2Handovers[last];
}

int
AccessNetwork::PreviousMag(uint32_t mn, uint32_t mag) const
{
    return m_servingMag[mn] != mag ? int(m_servingMag[mn]) : m_previousMag[mn];
}

void
AccessNetwork::RecordAttach(uint32_t mn, uint32_t mag)
{
    m_currentMag[mn] = mag;
    L2Handover* last = LastHandoverOf(mn);
    if (last && last->attached.IsZero())
    {
        last->attached = Simulator::Now();
        last->toMag = mag;
        m_l2HandoverTrace(mn, last->fromMag, mag, last->linkLost, last->attached);
    }
}

void
AccessNetwork::NotifyAttached(uint32_t mn,
                              uint32_t mag,
                              uint32_t ifIndex,
                              uint8_t handoff,
                              bool active)
{
    if (handoff == HandoffIndicator::RESERVED)
    {
        // RFC 5213 sec. 8.4, as the access network knows it.
        handoff = LastHandoverOf(mn) ? HandoffIndicator::HANDOFF_BETWEEN_MAGS
                                     : HandoffIndicator::ATTACHMENT_OVER_NEW_INTERFACE;
    }
    int previous = PreviousMag(mn, mag);
    if (active || m_currentMag[mn] < 0)
    {
        RecordAttach(mn, mag);
    }
    // DHO,L2 ends when the new MAG knows of the attach (the FPMIPv6 paper,
    // sec. 4.1). 802.11 reassociation and X2 handover name where the MN
    // comes from: pass the MAG on.
    m_domain.magApps[mag]->NotifyAttach(
        m_domain.mnIdentifiers[mn],
        ifIndex,
        previous >= 0 && previous != int(mag) ? m_domain.proxyCoa[previous] : Ipv6Address::GetAny(),
        handoff);
}

void
AccessNetwork::NotifyDetached(uint32_t mn, uint32_t mag)
{
    if (m_currentMag[mn] == int(mag))
    {
        m_currentMag[mn] = -1;
    }
    m_domain.magApps[mag]->NotifyDetach(m_domain.mnIdentifiers[mn]);
}

uint32_t
AccessNetwork::GetServingMag(uint32_t mn) const
{
    return m_servingMag.at(mn);
}

int
AccessNetwork::GetCurrentMag(uint32_t mn) const
{
    return m_currentMag.at(mn);
}

const std::vector<AccessNetwork::L2Handover>&
AccessNetwork::GetL2Handovers() const
{
    return m_l2Handovers;
}

void
AccessNetwork::DoDispose()
{
    for (auto& q : m_pending)
    {
        for (auto& h : q)
        {
            h.event.Cancel();
        }
    }
    m_domain = Domain();
    Object::DoDispose();
}

} // namespace ns3
