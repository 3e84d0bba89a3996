// SPDX-License-Identifier: GPL-2.0-only
/*
 * Local Mobility Anchor, RFC 5213 sec. 5.
 */
#ifndef PMIPV6_LMA_H
#define PMIPV6_LMA_H

#include "binding-cache.h"
#include "mobility-agent.h"

#include "ns3/traced-callback.h"

#include <set>
#include <unordered_map>

namespace ns3
{

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
    BindingCache& GetBindingCache();

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
    };

    static std::string DataDropReasonName(DataDropReason reason);

    typedef void (*DataDropTracedCallback)(Ptr<const Packet> p, DataDropReason reason);

  protected:
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

    std::set<Ipv6Address> m_trustedMags;
    BindingCache m_cache;
    std::unordered_map<std::string, HomeNetworkPrefix> m_prefixOfMn; //!< stable across sessions
    Ipv6Address m_prefixPoolBase;
    uint32_t m_nextPrefix{1};
    Time m_minDelayBeforeBceDelete;
    Time m_maxBindingLifetime;
    Time m_timestampValidityWindow;
    Time m_previousMagGracePeriod;
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
};

} // namespace ns3

#endif
