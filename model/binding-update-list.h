// SPDX-License-Identifier: GPL-2.0-only
/*
 * The MAG's Binding Update List (RFC 5213 sec. 6.1).
 */
#ifndef BINDING_UPDATE_LIST_H
#define BINDING_UPDATE_LIST_H

#include "mobility-header.h"
#include "prefix-key.h"

#include "ns3/address.h"
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
 * One mobile node as its MAG sees it: the registration with the LMA
 * (a state machine with its retransmission and refresh timers) and
 * whether the node is attached on an access link now. The two are
 * separate on purpose: a binding can be registered before the node
 * arrives (fast handovers) and survive its departure for a while.
 */
class BindingUpdateListEntry
{
  public:
    /// Registration state (RFC 5213 sec. 6.9).
    enum State
    {
        IDLE,          //!< no binding at the LMA for this MAG
        WAIT_PBA,      //!< PBU sent, waiting for the PBA (retransmitting)
        REGISTERED,    //!< PBA accepted; tunnel up
        DEREGISTERING, //!< de-registration PBU sent
    };

    static std::string StateName(State s);

    std::string mnIdentifier; //!< the key (RFC 5213 sec. 6.1: MN-Identifier)
    Address linkLayerId;      //!< the MN's link-layer address (48 or 64 bits)
    Ipv6Address lmaAddress;
    HomeNetworkPrefix homeNetworkPrefix; //!< ::/0 until the LMA assigns one
    Ipv6Address mnLinkLocal;             //!< fe80:: + interface identifier of linkLayerId
    State state{IDLE};
    bool attached{false};
    uint32_t accessInterface{0}; //!< valid while attached
    uint16_t sequence{0};        //!< of the last PBU sent
    uint64_t timestamp{0};       //!< of the last PBU sent
    uint32_t retransmissions{0};
    Time retransmitTimeout;
    Time lifetime; //!< granted by the LMA
    Time pbuSentAt;
    EventId retransmitEvent;
    EventId refreshEvent;
    uint8_t handoffIndicator{0};
    /// The MAG the MN came from, when the access technology says (e.g. the
    /// current-AP field of an 802.11 reassociation); :: if unknown.
    Ipv6Address previousMag;
};

/**
 * \ingroup pmipv6
 * Entries by MN identifier (the key: an LTE UE has no 48-bit MAC) and home
 * network prefix,
 * all hashed: the MAG looks them up per packet and per message, and the
 * cost must not grow with the number of MNs.
 */
class BindingUpdateList
{
  public:
    BindingUpdateListEntry* Find(const std::string& mnId);
    BindingUpdateListEntry* FindByPrefix(const Ipv6Address& address);
    /// A new entry for the MN with this MN identifier and link-layer address.
    BindingUpdateListEntry& Create(const std::string& mnIdentifier, const Address& linkLayerId);
    /// Index the entry under its (newly assigned) prefix.
    void SetPrefix(BindingUpdateListEntry& e, const HomeNetworkPrefix& prefix);
    void Remove(const std::string& mnId);
    size_t GetSize() const;
    void Clear();

  private:
    std::unordered_map<std::string, std::unique_ptr<BindingUpdateListEntry>> m_byMnId;
    std::unordered_map<uint64_t, BindingUpdateListEntry*> m_byPrefix;
};

} // namespace ns3

#endif
