// SPDX-License-Identifier: GPL-2.0-only
/*
 * Mobile Access Gateway, RFC 5213 sec. 6.
 */
#ifndef PMIPV6_MAG_H
#define PMIPV6_MAG_H

#include "binding-update-list.h"
#include "mobility-agent.h"

#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <unordered_map>

namespace ns3
{

class Pmipv6Mag;

/**
 * \ingroup pmipv6
 * How a handover extension (FPMIPv6, RFC 5949, ...) plugs into a MAG. The
 * MAG calls these at each event; this base class is plain PMIPv6 (do
 * nothing extra, drop what cannot be delivered). An extension overrides
 * what it changes and may register more MH Types on the MAG.
 */
class MagExtension : public Object
{
  public:
    static TypeId GetTypeId();

    /// Called once when the MAG initialises.
    virtual void Install(Ptr<Pmipv6Mag> mag);
    /// The MN came up on an access link (after the core has registered it or
    /// found its binding already registered).
    virtual void NotifyAttach(BindingUpdateListEntry& e);
    /// The MN left the access link. Return true to keep the entry (the core
    /// then neither de-registers it nor removes it).
    virtual bool NotifyDetach(BindingUpdateListEntry& e);
    /// The LMA accepted a registration of this MAG for the MN.
    virtual void NotifyRegistered(BindingUpdateListEntry& e);
    /// A downlink packet for a known MN that is not attached here. Return
    /// true if taken (buffered, forwarded); otherwise the MAG drops it.
    virtual bool HandleUndeliverable(BindingUpdateListEntry& e,
                                     Ptr<const Packet> p,
                                     const Ipv6Header& header);
    /// An uplink packet of a MN whose binding is not registered here yet.
    /// Return true if taken (e.g. relayed to the previous MAG); else dropped.
    virtual bool HandleUplink(BindingUpdateListEntry& e,
                              Ptr<const Packet> p,
                              const Ipv6Header& header);
    /// A PBU for \p e is about to be sent: add to it (e.g. Context
    /// Reflector's context in the de-registration PBU).
    virtual void DecoratePbu(BindingUpdateListEntry& e, BindingUpdateHeader& pbu);
    /**
     * The LMA revoked the binding of \p mn here (RFC 5846 BRI): \p e is
     * its entry (detached), or nullptr if there is none any more. Return
     * true if the extension held state for the MN (now released). The core
     * then forgets the entry and answers with a BRA.
     */
    virtual bool NotifyRevoked(const std::string& mnId, BindingUpdateListEntry* e);
    /**
     * Does this MAG hold the MN's context, transferred by the scheme
     * (Context Reflector's reflection, an HI, ...)? Then it registers the MN
     * without asking the AAA server (Pmipv6Mag's AaaServer attribute).
     */
    virtual bool HasContext(const BindingUpdateListEntry& e) const;

  protected:
    void DoDispose() override;
    Ptr<Pmipv6Mag> m_mag;
};

/**
 * \ingroup pmipv6
 * The MAG: detects mobile nodes attaching and leaving its access links
 * (told by the access technology's glue through NotifyAttach/NotifyDetach),
 * registers them with their LMA (PBU with retransmission and back-off,
 * refresh before expiry, de-registration), tunnels their uplink to the LMA,
 * delivers their downlink, and advertises each one's home network prefix in
 * a unicast Router Advertisement sent from the link-local address all MAGs
 * share, so that the MN never sees a new router.
 */
class Pmipv6Mag : public MobilityAgent
{
  public:
    static TypeId GetTypeId();
    Pmipv6Mag();

    /**
     * Policy profile (RFC 5213 sec. 6.2): the MN with MN-Identifier \p mnIdentifier
     * (the key), its link-layer address (48-bit MAC, or an LTE UE's 64-bit
     * one), and its LMA.
     */
    void AddPolicy(const std::string& mnIdentifier, const Address& linkLayerId, Ipv6Address lma);
    /// Declare an interface of this node to be an access link.
    void AddAccessInterface(uint32_t ifIndex);
    bool IsAccessInterface(uint32_t ifIndex) const;

    /// Another MAG this one exchanges fast-handover messages with (RFC 5949
    /// sec. 4: neighbouring MAGs share a security association); MAG-MAG
    /// messages from any other node are refused.
    void AddNeighborMag(Ipv6Address proxyCoa);
    bool IsNeighborMag(Ipv6Address proxyCoa) const;

    /**
     * The access technology reports that MN \p mnId is now reachable on
     * \p ifIndex, coming from \p previousMag if it knows (:: otherwise).
     * \p handoffIndicator is what the access technology knows of the
     * attach (RFC 5213 sec. 8.4: 1 new interface, 2 another interface of
     * the MN, 3 another MAG); 0 lets the MAG judge: 3 if \p previousMag is
     * known, else 4 (unknown).
     */
    void NotifyAttach(const std::string& mnId,
                      uint32_t ifIndex,
                      Ipv6Address previousMag = Ipv6Address::GetAny(),
                      uint8_t handoffIndicator = 0);
    /// The access technology reports that MN \p mnId has gone.
    void NotifyDetach(const std::string& mnId);

    void SetExtension(Ptr<MagExtension> extension);
    Ptr<MagExtension> GetExtension() const;
    BindingUpdateList& GetBindingUpdateList();

    /**
     * The entry of a MN this MAG has a policy for, created if needed
     * (extensions register a MN before it arrives). nullptr without policy.
     */
    BindingUpdateListEntry* GetOrCreateEntry(const std::string& mnId);
    /**
     * Send a (re-)registration PBU for \p e with \p timestamp (an extension
     * may pass on another MAG's timestamp, the FPMIPv6 paper, sec. 3.2).
     */
    void Register(BindingUpdateListEntry& e, uint64_t timestamp);
    /// Deliver a downlink packet to an attached MN (e.g. flushing a buffer).
    bool Deliver(BindingUpdateListEntry& e, Ptr<const Packet> p, const Ipv6Header& header);
    /// Remove an entry (and de-register it if it is registered).
    void Release(BindingUpdateListEntry& e);
    /**
     * Forget an entry without signalling: for a MN whose binding another
     * MAG has already taken over (a de-registration would be refused).
     */
    void RemoveEntry(BindingUpdateListEntry& e);
    /**
     * Another MAG now holds the MN's binding (a fast handover moved it):
     * the entry is no longer registered here, so that a return of the MN
     * registers it again. The tunnel to the LMA stays up for
     * MovedTunnelGracePeriod for the packets still on their way.
     */
    void MarkBindingMoved(BindingUpdateListEntry& e);
    /**
     * The LMA has bound the MN to this MAG itself (an LMA-driven handover,
     * the Fast Handover Scheme): the entry is REGISTERED with \p prefix for
     * \p lifetime without a PBU of ours (refreshed as any other), and the
     * MN gets its RA as soon as it attaches.
     */
    void AdoptBinding(BindingUpdateListEntry& e, const HomeNetworkPrefix& prefix, Time lifetime);

    typedef void (*EntryTracedCallback)(std::string mnId, Address linkLayerId);
    typedef void (*StateTracedCallback)(std::string mnId, std::string from, std::string to);
    typedef void (*PbuTracedCallback)(std::string mnId, uint16_t seq, Time lifetime);
    typedef void (*PbaTracedCallback)(std::string mnId, uint8_t status, Time lifetime);
    /// Why a mobile node's data packet was dropped at the MAG.
    enum DataDropReason
    {
        UPLINK_NOT_REGISTERED, //!< uplink of a MN whose binding is not registered here
        UPLINK_UNKNOWN_SOURCE, //!< uplink from an address of no MN known here
        TUNNEL_UNKNOWN_MN,     //!< out of a tunnel, for no MN known here
        MN_NOT_ATTACHED,       //!< downlink for a MN that left, no extension took it
    };

    static std::string DataDropReasonName(DataDropReason reason);

    typedef void (*DataDropTracedCallback)(Ptr<const Packet> p, DataDropReason reason);
    typedef void (*RefusedTracedCallback)(std::string mnId, uint8_t status);
    typedef void (*RevocationTracedCallback)(std::string mnId, uint16_t seq, uint8_t value);
    typedef void (*AaaTracedCallback)(std::string mnId, uint8_t code);

  protected:
    void DoInitialize() override;
    void DoDispose() override;
    std::vector<uint8_t> GetHandledTypes() const override;
    void ReceiveMessage(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv6Header& header,
                    Ptr<const NetDevice> idev,
                    const Ipv6RoutingProtocol::UnicastForwardCallback& ucb) override;

    /// RFC 5213 sec. 6.9.1.2 / 6.9.2: a PBA for one of our entries.
    virtual void DoRecvPba(const BindingAckHeader& pba, const Ipv6Header& ip);

  private:
    struct Policy
    {
        Address linkLayerId;
        Ipv6Address lma;
    };

    void SendPbu(BindingUpdateListEntry& e, Time lifetime);
    /// A PBU numbered anew: the next sequence number and a timestamp of now
    /// (retransmissions, retries after a refusal, de-registration).
    void SendFreshPbu(BindingUpdateListEntry& e, Time lifetime);
    void Retransmit(std::string mnId);
    void Refresh(std::string mnId);
    void SwitchToState(BindingUpdateListEntry& e, BindingUpdateListEntry::State s);
    void SendRouterAdvertisement(BindingUpdateListEntry& e);
    void PinNeighbor(BindingUpdateListEntry& e);
    void UnpinNeighbor(BindingUpdateListEntry& e);
    Ipv6Address AccessLinkLocal(uint32_t ifIndex) const;
    void DropData(Ptr<const Packet> p, DataDropReason reason);
    void ScheduleRefresh(BindingUpdateListEntry& e);
    /// The effect of an accepted-or-refused PBA for \p e (after PbaProcessingDelay).
    void ApplyPba(BindingUpdateListEntry& e, const BindingAckHeader& pba, Ipv6Address lma);
    void ApplyPbaLater(std::string mnId, BindingAckHeader pba, Ipv6Address lma);
    /// After AttachProcessingDelay: register the MN if it is still here and unregistered.
    void RegisterAttached(std::string mnId);
    /// RFC 5846 sec. 10: a BRI from our LMA; answered with a BRA.
    void RecvBri(Ptr<Packet> p, const Ipv6Header& ip);
    /// The attached MN has no context here: ask the AAA server first.
    void SendAccessRequest(BindingUpdateListEntry& e);
    void RecvAaa(Ptr<Socket> socket);

    std::unordered_map<std::string, Policy> m_policies; //!< by MN-Identifier
    std::set<uint32_t> m_accessInterfaces;
    std::set<Ipv6Address> m_neighborMags;
    uint16_t m_lastSequence{0}; //!< highest PBU sequence number sent (RFC 1982 order)
    BindingUpdateList m_list;
    Ptr<MagExtension> m_extension;

    Time m_bindingLifetime;
    Time m_refreshAdvance;
    Time m_initialBindackTimeout;
    Time m_maxBindackTimeout;
    uint32_t m_maxRetransmissions;
    uint8_t m_accessTechnologyType;
    uint16_t m_routerLifetime;
    Time m_movedTunnelGrace;
    Time m_attachProcessing;
    Time m_pbaProcessing;
    Ipv6Address m_aaaServer;                  //!< :: = a local policy store
    Ptr<Socket> m_aaaSocket;
    uint8_t m_aaaIdentifier{0};
    std::map<uint8_t, std::string> m_aaaPending; //!< RADIUS Identifier -> MN-ID

    TracedCallback<std::string, Address> m_attachTrace;
    TracedCallback<std::string, Address> m_detachTrace;
    TracedCallback<std::string, std::string, std::string> m_stateTrace;
    TracedCallback<std::string, uint16_t, Time> m_pbuTxTrace;
    TracedCallback<std::string, uint8_t, Time> m_pbaRxTrace;
    TracedCallback<std::string, Address> m_raTxTrace;
    TracedCallback<Ptr<const Packet>, DataDropReason> m_dataDropTrace;
    TracedCallback<std::string, uint8_t> m_refusedTrace;
    TracedCallback<std::string, uint16_t, uint8_t> m_briRxTrace;
    TracedCallback<std::string, uint16_t, uint8_t> m_braTxTrace;
    TracedCallback<std::string, uint8_t> m_aaaTxTrace;
    TracedCallback<std::string, uint8_t> m_aaaRxTrace;
};

} // namespace ns3

#endif
