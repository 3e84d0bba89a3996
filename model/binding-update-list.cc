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
BindingUpdateList::Find(Mac48Address linkLayerId)
{
    auto it = m_byLinkLayerId.find(linkLayerId);
    return it == m_byLinkLayerId.end() ? nullptr : it->second.get();
}

BindingUpdateListEntry*
BindingUpdateList::FindByPrefix(const Ipv6Address& address)
{
    auto it = m_byPrefix.find(PrefixKey(address));
    return it == m_byPrefix.end() ? nullptr : it->second;
}

BindingUpdateListEntry*
BindingUpdateList::FindByMnIdentifier(const std::string& mnId)
{
    auto it = m_byMnId.find(mnId);
    return it == m_byMnId.end() ? nullptr : it->second;
}

BindingUpdateListEntry&
BindingUpdateList::Create(Mac48Address linkLayerId, const std::string& mnIdentifier)
{
    Remove(linkLayerId);
    auto& slot = m_byLinkLayerId[linkLayerId];
    slot = std::make_unique<BindingUpdateListEntry>();
    slot->linkLayerId = linkLayerId;
    slot->mnIdentifier = mnIdentifier;
    m_byMnId[mnIdentifier] = slot.get();
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
BindingUpdateList::Remove(Mac48Address linkLayerId)
{
    auto it = m_byLinkLayerId.find(linkLayerId);
    if (it == m_byLinkLayerId.end())
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
    auto byId = m_byMnId.find(e.mnIdentifier);
    if (byId != m_byMnId.end() && byId->second == &e)
    {
        m_byMnId.erase(byId);
    }
    m_byLinkLayerId.erase(it);
}

size_t
BindingUpdateList::GetSize() const
{
    return m_byLinkLayerId.size();
}

void
BindingUpdateList::Clear()
{
    for (auto& kv : m_byLinkLayerId)
    {
        Simulator::Cancel(kv.second->retransmitEvent);
        Simulator::Cancel(kv.second->refreshEvent);
    }
    m_byPrefix.clear();
    m_byMnId.clear();
    m_byLinkLayerId.clear();
}

} // namespace ns3
