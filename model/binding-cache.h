// SPDX-License-Identifier: GPL-2.0-only
/*
 * The LMA's Binding Cache (RFC 5213 sec. 5.1).
 */
#ifndef BINDING_CACHE_H
#define BINDING_CACHE_H

#include "mobility-header.h"
#include "prefix-key.h"

#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"

#include <map>
#include <memory>
#include <string>
#include <unordered_map>

namespace ns3
{

/**
 * \ingroup pmipv6
 * One mobility session at the LMA: which MAG (Proxy-CoA) serves the mobile
 * node and which home network prefix it owns (RFC 5213 sec. 5.1).
 */
class BindingCacheEntry
{
  public:
    /// RFC 5213 sec. 5.3: a binding is live, or waits MinDelayBeforeBCEDelete.
    enum State
    {
        REGISTERED,
        DEREGISTERING, //!< de-registered; kept, traffic dropped, until deleted
    };

    static std::string StateName(State s);

    std::string mnIdentifier;
    std::vector<uint8_t> mnLinkLayerId;
    HomeNetworkPrefix homeNetworkPrefix;
    Ipv6Address proxyCoa;
    uint8_t accessTechnologyType{0};
    uint8_t handoffIndicator{0};
    uint16_t lastSequence{0};
    uint64_t timestamp{0}; //!< of the last accepted PBU (RFC 5213 5.5)
    Time lifetime;         //!< granted
    Time registeredAt;
    State state{REGISTERED};
    EventId expiry; //!< lifetime or MinDelayBeforeBCEDelete timer
    /// MAGs other than the Proxy-CoA whose tunnelled uplink for this MN the
    /// LMA admits, and until when (granted by an LmaExtension).
    std::map<Ipv6Address, Time> uplinkAllowances;
};

/**
 * \ingroup pmipv6
 * Entries by MN identifier and by home network prefix, both hashed: the
 * LMA looks them up per PBU and per packet, and the cost must not grow with
 * the number of bindings.
 */
class BindingCache
{
  public:
    BindingCacheEntry* Find(const std::string& mnIdentifier);
    BindingCacheEntry* FindByPrefix(const Ipv6Address& address);
    BindingCacheEntry& Create(const std::string& mnIdentifier, const HomeNetworkPrefix& prefix);
    void Remove(const std::string& mnIdentifier);
    size_t GetSize() const;
    void Clear();

    template <class F>
    void ForEach(F f)
    {
        for (auto& kv : m_byMnId)
        {
            f(*kv.second);
        }
    }

  private:
    std::unordered_map<std::string, std::unique_ptr<BindingCacheEntry>> m_byMnId;
    std::unordered_map<uint64_t, BindingCacheEntry*> m_byPrefix;
};

} // namespace ns3

#endif
