// SPDX-License-Identifier: GPL-2.0-only
#include "relayed-uplink-lma-extension.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("RelayedUplinkLmaExtension");
NS_OBJECT_ENSURE_REGISTERED(RelayedUplinkLmaExtension);

TypeId
RelayedUplinkLmaExtension::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::RelayedUplinkLmaExtension")
            .SetParent<LmaExtension>()
            .SetGroupName("Pmipv6")
            .AddConstructor<RelayedUplinkLmaExtension>()
            .AddAttribute("PreviousMagPeriod",
                          "After a handover, how long the LMA still admits the MN's uplink "
                          "tunnelled by the MAG that held the binding before",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&RelayedUplinkLmaExtension::m_period),
                          MakeTimeChecker(Seconds(0)));
    return tid;
}

void
RelayedUplinkLmaExtension::NotifyRegistered(BindingCacheEntry& e, Ipv6Address oldProxyCoa)
{
    if (!oldProxyCoa.IsAny() && oldProxyCoa != e.proxyCoa)
    {
        m_lma->AllowUplink(e, oldProxyCoa, m_period);
    }
}

} // namespace ns3
