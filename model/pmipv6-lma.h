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
    typedef void (*DataDropTracedCallback)(Ptr<const Packet> p, std::string reason);

  protected:
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

    TracedCallback<std::string, Ipv6Address, uint16_t, Time> m_pbuRxTrace;
    TracedCallback<std::string, Ipv6Address, uint8_t> m_pbaTxTrace;
    TracedCallback<std::string, Ipv6Address, Ipv6Address, Ipv6Address, std::string> m_bindingTrace;
    TracedCallback<Ptr<const Packet>, std::string> m_dataDropTrace;
};

} // namespace ns3

#endif
