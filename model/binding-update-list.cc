// SPDX-License-Identifier: GPL-2.0-only
#include "binding-update-list.h"

#include "ns3/simulator.h"

namespace ns3
{

std::string
BindingUpdateListEntry::StateName(State s)
{
    switch (s)
    {
    case IDLE:
        return "IDLE";
    case WAIT_PBA:
        return "WAIT_PBA";
    case REGISTERED:
        return "REGISTERED";
    case DEREGISTERING:
        return "DEREGISTERING";
    }
    return "?";
}

BindingUpdateListEntry*
BindingUpdateList::Find(const std::string& mnId)
{
    auto it = m_byMnId.find(mnId);
    return it == m_byMnId.end() ? nullptr : it->second.get();
}

BindingUpdateListEntry*
BindingUpdateList::FindByPrefix(const Ipv6Address& address)
{
    auto it = m_byPrefix.find(PrefixKey(address));
    return it == m_byPrefix.end() ? nullptr : it->second;
}

BindingUpdateListEntry&
BindingUpdateList::Create(const std::string& mnIdentifier, const Address& linkLayerId)
{
    Remove(mnIdentifier);
    auto& slot = m_byMnId[mnIdentifier];
    slot = std::make_unique<BindingUpdateListEntry>();
    slot->linkLayerId = linkLayerId;
    slot->mnIdentifier = mnIdentifier;
    slot->mnLinkLocal = Ipv6Address::MakeAutoconfiguredLinkLocalAddress(linkLayerId);
    return *slot;
}

void
BindingUpdateList::SetPrefix(BindingUpdateListEntry& e, const HomeNetworkPrefix& prefix)
{
    if (!e.homeNetworkPrefix.prefix.IsAny())
    {
        m_byPrefix.erase(PrefixKey(e.homeNetworkPrefix.prefix));
    }
    e.homeNetworkPrefix = prefix;
    m_byPrefix[PrefixKey(prefix.prefix)] = &e;
}

void
BindingUpdateList::Remove(const std::string& mnId)
{
    auto it = m_byMnId.find(mnId);
    if (it == m_byMnId.end())
    {
        return;
    }
    BindingUpdateListEntry& e = *it->second;
    Simulator::Cancel(e.retransmitEvent);
    Simulator::Cancel(e.refreshEvent);
    if (!e.homeNetworkPrefix.prefix.IsAny())
    {
        m_byPrefix.erase(PrefixKey(e.homeNetworkPrefix.prefix));
    }
    m_byMnId.erase(it);
}

size_t
BindingUpdateList::GetSize() const
{
    return m_byMnId.size();
}

void
BindingUpdateList::Clear()
{
    for (auto& kv : m_byMnId)
    {
        Simulator::Cancel(kv.second->retransmitEvent);
        Simulator::Cancel(kv.second->refreshEvent);
    }
    m_byPrefix.clear();
    m_byMnId.clear();
}

} // namespace ns3
