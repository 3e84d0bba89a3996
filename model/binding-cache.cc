// SPDX-License-Identifier: GPL-2.0-only
#include "binding-cache.h"

#include "ns3/simulator.h"

namespace ns3
{

std::string
BindingCacheEntry::StateName(State s)
{
    return s == REGISTERED ? "REGISTERED" : "DEREGISTERING";
}

BindingCacheEntry*
BindingCache::Find(const std::string& mnIdentifier)
{
    auto it = m_byMnId.find(mnIdentifier);
    return it == m_byMnId.end() ? nullptr : it->second.get();
}

BindingCacheEntry*
BindingCache::FindByPrefix(const Ipv6Address& address)
{
    auto it = m_byPrefix.find(PrefixKey(address));
    return it == m_byPrefix.end() ? nullptr : it->second;
}

BindingCacheEntry&
BindingCache::Create(const std::string& mnIdentifier, const HomeNetworkPrefix& prefix)
{
    auto entry = std::make_unique<BindingCacheEntry>();
    entry->mnIdentifier = mnIdentifier;
    entry->homeNetworkPrefix = prefix;
    BindingCacheEntry& ref = *entry;
    m_byPrefix[PrefixKey(prefix.prefix)] = &ref;
    m_byMnId[mnIdentifier] = std::move(entry);
    return ref;
}

void
BindingCache::Remove(const std::string& mnIdentifier)
{
    auto it = m_byMnId.find(mnIdentifier);
    if (it == m_byMnId.end())
    {
        return;
    }
    Simulator::Cancel(it->second->expiry);
    m_byPrefix.erase(PrefixKey(it->second->homeNetworkPrefix.prefix));
    m_byMnId.erase(it);
}

size_t
BindingCache::GetSize() const
{
    return m_byMnId.size();
}

void
BindingCache::Clear()
{
    for (auto& kv : m_byMnId)
    {
        Simulator::Cancel(kv.second->expiry);
    }
    m_byPrefix.clear();
    m_byMnId.clear();
}

} // namespace ns3
