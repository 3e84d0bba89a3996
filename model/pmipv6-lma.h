// SPDX-License-Identifier: GPL-2.0-only
/*
 * Local Mobility Anchor, RFC 5213 sec. 5.
 */
#ifndef PMIPV6_LMA_H
#define PMIPV6_LMA_H

#include "binding-cache.h"
#include "experimental-mobility-header.h"
#include "mobility-agent.h"

#include "ns3/traced-callback.h"

#include <set>
#include <unordered_map>

namespace ns3
{

class Pmipv6Lma;

/**
 * \ingroup pmipv6
 * How a scheme's LMA behaviour (Context Reflector, the Fast Handover
 * Scheme, the uplink that FPMIPv6 and RFC 5949 relay through the previous
 * MAG) plugs into the LMA, as MagExtension does into the MAG. The LMA
 * calls these at each event; this base class is plain PMIPv6 (nothing
 * extra). Set one on an LMA with its "Extension" attribute (or
 * SetExtension) before it starts.
 */
class LmaExtension : public Object
{
  public:
    static TypeId GetTypeId();

    /// Called once when the LMA initialises.
    virtual void Install(Ptr<Pmipv6Lma> lma);
    /// The serving MAG's de-registration was accepted; the core has put the
    /// binding into DEREGISTERING (RFC 5213 sec. 5.3.5).
    virtual void NotifyDeregistered(BindingCacheEntry& e, const BindingUpdateHeader& pbu);
    /// A registration was accepted: \p oldProxyCoa is the previous one (::
    /// for a new binding; equal to e.proxyCoa for a refresh).
    virtual void NotifyRegistered(BindingCacheEntry& e, Ipv6Address oldProxyCoa);
    /// Downlink for a MN with a binding. Return true if taken (buffered,
    /// sent elsewhere); otherwise the core routes it by the binding.
    virtual bool HandleDownlink(BindingCacheEntry& e, Ptr<const Packet> p, const Ipv6Header& header);
    /// The binding is about to be deleted (expired, or MinDelayBeforeBCEDelete over).
    virtual void NotifyDeleted(BindingCacheEntry& e);

  protected:
    void DoDispose() override;
    Ptr<Pmipv6Lma> m_lma;
};

/**
 * \ingroup pmipv6
 * The LMA: accepts Proxy Binding Updates from the MAGs it trusts, keeps the
 * binding cache, assigns home network prefixes from a pool, and tunnels each
 * mobile node's downlink to its current MAG (and takes its uplink out of
 * the tunnel).
 */
class Pmipv6Lma : public MobilityAgent
{
  public:
    static TypeId GetTypeId();
    Pmipv6Lma();

    /// Only PBUs from these addresses are accepted (RFC 5213 sec. 4, 5.3.1).
    void AddTrustedMag(Ipv6Address proxyCoa);
    bool IsTrustedMag(Ipv6Address proxyCoa) const;
    BindingCache& GetBindingCache();

    void SetExtension(Ptr<LmaExtension> extension);
    Ptr<LmaExtension> GetExtension() const;

    /**
     * Uplink admission per MN (RFC 5213 sec. 5.6.2; the Context Reflector
     * paper, sec. 2.2): tunnelled uplink whose inner source is in a MN's
     * HNP is taken only from its registered Proxy-CoA, or from a MAG an
     * extension allowed here for that MN, until \p duration from now.
     */
    void AllowUplink(BindingCacheEntry& e, Ipv6Address mag, Time duration);
    /// End an allowance at once (a no-op if there is none).
    void RevokeUplink(BindingCacheEntry& e, Ipv6Address mag);
    /**
     * An LMA-driven move (the Fast Handover Scheme): the binding's
     * Proxy-CoA becomes \p proxyCoa without a PBU from that MAG; the
     * tunnel follows (RFC 5213 sec. 5.6.1). Traced as "handover".
     */
    void MoveBinding(BindingCacheEntry& e, Ipv6Address proxyCoa);
    /**
     * RFC 5846 sec. 9.1: send a Binding Revocation Indication for the MN's
     * binding to \p mag (which no longer serves it); the BRA is traced.
     */
    void RevokeBinding(const BindingCacheEntry& e, Ipv6Address mag, uint8_t trigger);

    typedef void (*PbuTracedCallback)(std::string mnId,
                                      Ipv6Address proxyCoa,
                                      uint16_t seq,
                                      Time lifetime);
    typedef void (*PbaTracedCallback)(std::string mnId, Ipv6Address proxyCoa, uint8_t status);
    typedef void (*BindingTracedCallback)(std::string mnId,
                                          Ipv6Address prefix,
                                          Ipv6Address oldProxyCoa,
                                          Ipv6Address newProxyCoa,
                                          std::string event);
    /// Why a mobile node's data packet was dropped at the LMA.
    enum DataDropReason
    {
        BINDING_DEREGISTERING, //!< RFC 5213 5.3.5: the binding awaits deletion
        UPLINK_NOT_ADMITTED,   //!< uplink of a MN from a MAG neither its Proxy-CoA nor allowed
        UPLINK_UNKNOWN_SOURCE, //!< tunnelled uplink from an address of no MN's HNP
    };

    static std::string DataDropReasonName(DataDropReason reason);

    typedef void (*DataDropTracedCallback)(Ptr<const Packet> p, DataDropReason reason);
    typedef void (*AllowanceTracedCallback)(std::string mnId, Ipv6Address mag, Time until);
    typedef void (*AdmittedTracedCallback)(Ptr<const Packet> p, std::string mnId, Ipv6Address mag);
    typedef void (*RevocationTracedCallback)(std::string mnId,
                                             Ipv6Address mag,
                                             uint16_t seq,
                                             uint8_t triggerOrStatus);

  protected:
    void DoInitialize() override;
    /// DoRecvPbu's answer for a registration that waits (no PBA yet, RFC 5213 sec. 5.4.1).
    static constexpr uint8_t kPbaDeferred = 255;

    void DoDispose() override;
    std::vector<uint8_t> GetHandledTypes() const override;
    void ReceiveMessage(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv6Header& header,
                    Ptr<const NetDevice> idev,
                    const Ipv6RoutingProtocol::UnicastForwardCallback& ucb) override;

    /// RFC 5213 sec. 5.3: process a PBU; returns the status for the PBA.
    virtual uint8_t DoRecvPbu(const BindingUpdateHeader& pbu,
                              Ipv6Address proxyCoa,
                              BindingCacheEntry*& entry);

  private:
    void SendPba(const BindingUpdateHeader& pbu,
                 Ipv6Address proxyCoa,
                 uint8_t status,
                 const BindingCacheEntry* entry);
    /**
     * RFC 5213 sec. 5.4.1: a registration with Handoff Indicator 4
     * (handoff state unknown) for a MN registered at another MAG waits up to
     * MaxDelayBeforeNewBCEAssign for that MAG's de-registration: if it
     * comes, the registration is a handoff (the binding and its prefix
     * move); if not, it is a new mobility session (a new prefix).
     * \return true if \p pbu waits (no PBA now)
     */
    bool WaitForPreviousMag(BindingCacheEntry& e,
                            const BindingUpdateHeader& pbu,
                            Ipv6Address proxyCoa);
    /// The previous MAG de-registered \p mnId: a waiting registration is a handoff.
    void ResumeWaiting(const std::string& mnId);
    /// No de-registration within MaxDelayBeforeNewBCEAssign: a new mobility session.
    void NewSessionAfterWait(std::string mnId);
    /// Move or refresh \p e to \p proxyCoa (the prefix kept); the PBA's status.
    uint8_t UpdateBinding(BindingCacheEntry& e,
                          const BindingUpdateHeader& pbu,
                          Ipv6Address proxyCoa);
    bool AllocatePrefix(const std::string& mnId,
                        const BindingUpdateHeader& pbu,
                        HomeNetworkPrefix& prefix,
                        uint8_t& status);
    void Register(BindingCacheEntry& e, const BindingUpdateHeader& pbu, Ipv6Address proxyCoa);
    void StartDeregistration(BindingCacheEntry& e);
    void DeleteEntry(std::string mnId, std::string event);
    Time GrantedLifetime(const BindingUpdateHeader& pbu) const;
    /// The tunnel's admission callback (see AllowUplink).
    bool AdmitUplink(Ptr<const Packet> p, Ipv6Address mag, const Ipv6Header& inner);
    void RecvBra(Ptr<Packet> p, const Ipv6Header& ip);
    /// A PBU after PbuProcessingDelay: the binding, then the PBA.
    void ProcessPbu(BindingUpdateHeader pbu, Ipv6Address proxyCoa);

    std::set<Ipv6Address> m_trustedMags;
    BindingCache m_cache;
    std::unordered_map<std::string, HomeNetworkPrefix> m_prefixOfMn; //!< stable across sessions
    Ipv6Address m_prefixPoolBase;
    uint32_t m_nextPrefix{1};
    Time m_minDelayBeforeBceDelete;
    Time m_maxBindingLifetime;
    Time m_timestampValidityWindow;
    Ptr<LmaExtension> m_extension;
    Time m_pbuProcessing;
    uint16_t m_revocationSequence{0};
    Time m_maxDelayBeforeNewBceAssign;

    /// A registration waiting for the previous MAG's de-registration.
    struct WaitingPbu
    {
        BindingUpdateHeader pbu;
        Ipv6Address proxyCoa;
        EventId timer;
    };

    std::unordered_map<std::string, WaitingPbu> m_waiting; //!< by MN-ID

    TracedCallback<std::string, Ipv6Address, uint16_t, Time> m_pbuRxTrace;
    TracedCallback<std::string, Ipv6Address, uint8_t> m_pbaTxTrace;
    TracedCallback<std::string, Ipv6Address, Ipv6Address, Ipv6Address, std::string> m_bindingTrace;
    TracedCallback<Ptr<const Packet>, DataDropReason> m_dataDropTrace;
    TracedCallback<std::string, Ipv6Address, Time> m_allowanceTrace;
    TracedCallback<Ptr<const Packet>, std::string, Ipv6Address> m_admittedTrace;
    TracedCallback<std::string, Ipv6Address, uint16_t, uint8_t> m_briTxTrace;
    TracedCallback<std::string, Ipv6Address, uint16_t, uint8_t> m_braRxTrace;
};

} // namespace ns3

#endif
