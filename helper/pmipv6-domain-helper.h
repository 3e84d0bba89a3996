// SPDX-License-Identifier: GPL-2.0-only
/*
 * Builds a whole PMIPv6 domain in one call, the way the LTE module's
 * EpcHelper builds an EPC: correspondent node, LMA, MAGs, their links and
 * routes, the access network (ideal or Wi-Fi) and the mobile nodes, and
 * moves mobile nodes between MAGs on a schedule.
 */
#ifndef PMIPV6_DOMAIN_HELPER_H
#define PMIPV6_DOMAIN_HELPER_H

#include "ideal-access-channel.h"
#include "mn-interface-shim.h"
#include "pmipv6-lma.h"
#include "pmipv6-mag.h"
#include "signalling-error-model.h"

#include "ns3/data-rate.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/simple-net-device.h"

#include <deque>
#include <functional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * Topology (ideal access):
 *
 *     CN ---- LMA ==== MAG_i ~~~~ MN      (=== p2p, RTT_MAG-LMA)
 *                       |  \              (~~~ ideal access, RTT_MAG-AP)
 *                     MAG_j (p2p, RTT_MAG-MAG, between every pair)
 *
 * With Wi-Fi access each MAG carries ApsPerMag 802.11a access points on
 * their own channels, all with the same MAC and link-local address, and a
 * handover is the mobile node's station switching channel; DHO,L2 is then
 * whatever the re-association takes, recorded per handover.
 */
class Pmipv6DomainHelper
{
  public:
    /// What to build; Validate() explains what is wrong.
    struct Parameters
    {
        std::string access{"ideal"}; //!< "ideal" or "wifi"
        uint32_t mags{2};
        uint32_t mns{1};
        uint32_t apsPerMag{1};  //!< Wi-Fi only
        uint32_t interfaces{1}; //!< per MN; 2: ideal access, MnInterfaceShim
        Time rttMagLma{MilliSeconds(30)};
        Time rttMagMag{MilliSeconds(10)};
        Time rttMagAp{MilliSeconds(5)};   //!< ideal only (Wi-Fi: the radio's)
        Time dhoL2{MilliSeconds(11)};     //!< ideal only (Wi-Fi: measured)
        Time cnLmaDelay{MilliSeconds(1)}; //!< one-way CN-LMA
        DataRate coreRate{"1Gbps"};
        Time firstAttach{MilliSeconds(10)}; //!< every MN attaches to MAG 0 then
        /// Wi-Fi: from the station's association to its MAG knowing (AP's ACK, AP->MAG)
        Time wifiAttachNotifyDelay{MilliSeconds(1)};
        /// Lossy signalling: each Mobility Header message is dropped with this
        /// probability on every MAG-LMA and MAG-MAG link (SignallingErrorModel).
        double signallingLoss{0};
        /// Each Mobility Header message of the LMA and MAGs waits a delay drawn
        /// uniformly from [0, signallingJitter] (MobilityL4Protocol SendJitter).
        Time signallingJitter{0};
        /**
         * RTT between every MAG and the AAA / policy server (a node of its
         * own, linked to each MAG); 0: no AAA server, a local policy store
         * (the MAGs register at once).
         */
        Time aaaRtt{0};
        /**
         * false: the same topology without mobility protocol, the baseline
         * of the benchmark (ideal access only). No LMA or MAG agents; MN n
         * stays on MAG n % mags with a /64 from that MAG's /48 of the pool
         * (2001:100:m+1::/48), routed by plain ns-3 static routing with one
         * route per hop for each MAG's /48, never a route per MN.
         */
        bool mobility{true};
        /// \return an empty string, or what is wrong
        std::string Validate() const;
    };

    /// One handover of one mobile node, as the access network saw it.
    struct L2Handover
    {
        uint32_t mn;
        uint32_t fromMag;
        uint32_t toMag;
        Time linkLost; //!< t0: old link gone
        Time attached; //!< new MAG told of the attach (t0 + DHO,L2); 0 if never
    };

    Pmipv6DomainHelper();

    /// The access types Parameters::access accepts (--access=NAME).
    static std::vector<std::string> GetAccessNames();

    /// Extensions: a factory that makes one MagExtension for each MAG.
    void SetMagExtensionFactory(std::function<Ptr<MagExtension>(uint32_t magIndex)> factory);
    /// The LMA's extension, by TypeId and attributes (none: plain PMIPv6).
    void SetLmaExtension(const std::string& typeId);
    ObjectFactory& GetLmaExtensionFactory();

    /// Build everything; aborts with a clear message on bad parameters.
    void Build(const Parameters& p);

    /**
     * At \p linkLost the MN loses its link; it reaches an access point of
     * \p targetMag (after DHO,L2 on ideal access, after the real
     * re-association on Wi-Fi). A target equal to the serving MAG models the
     * MN coming back to the old MAG.
     */
    void ScheduleHandover(uint32_t mn, Time linkLost, uint32_t targetMag);

    /**
     * Lose the MN's old link now if its handover is still to come (an old
     * MAG's HOComplete forcing the disconnection, the FPMIPv6 paper, sec. 3.2).
     * Only a handover planned no later than \p notAfter is brought forward.
     * \return true if a pending handover was brought forward
     */
    bool ForceLinkLoss(uint32_t mn, Time notAfter);
    /// The index of the MN with this link-layer id; -1 if none.
    int FindMn(Mac48Address linkLayerId) const;
    /// The index of the MAG with this Proxy-CoA; -1 if none.
    int FindMag(Ipv6Address proxyCoa) const;
    /**
     * Two-interface MN (the FPMIPv6 paper, sec. 3.3): on HOInit its idle interface
     * joins an access point of \p targetMag, DHO,L2 later, while the other
     * keeps its link. \return false if there is no idle interface
     */
    bool PrepareSecondInterface(uint32_t mn, uint32_t targetMag);

    /**
     * Fix the random streams of the domain's models, starting at \p stream:
     * the Wi-Fi devices (access points and stations), and the
     * lossy-signalling models (error models, send jitter). Call after
     * Build(). \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);
    /// The error models of the core links, one per device (empty without signallingLoss).
    const std::vector<Ptr<SignallingErrorModel>>& GetSignallingErrorModels() const;

    /**
     * Is every MN cleanly registered? For each MN: the MAG it is attached to
     * has its entry REGISTERED and attached, the LMA's binding is REGISTERED
     * with that MAG as Proxy-CoA; no other MAG holds an entry for it (one
     * still de-registering, its retransmission running, is allowed), nor an
     * active fast-handover context; tunnels LMA<->MAG exist exactly for the
     * MAGs serving some MN, and no MAG-MAG tunnel is left. Call it once the
     * last handover has settled (forwarding and buffering timers over).
     * \param stillRegistering if given, a MN whose MAG is still retransmitting
     *        its PBU (WAIT_PBA, RFC 5213 sec. 6.9.4: a registration under way,
     *        not a stuck one) is counted here and its binding not checked
     * \return one line per problem found; empty if none
     */
    std::vector<std::string> CheckBindings(uint32_t* stillRegistering = nullptr);

    /// Write pcap files (core links; Wi-Fi access links too) as PREFIX-node-dev.pcap.
    void EnablePcap(const std::string& prefix);

    const Parameters& GetParameters() const;
    Ptr<Node> GetCn() const;
    Ptr<Node> GetLma() const;
    Ptr<Node> GetMag(uint32_t i) const;
    Ptr<Node> GetMn(uint32_t i) const;
    Ptr<Pmipv6Lma> GetLmaApp() const;
    /// The AAA server node (nullptr if Parameters::aaaRtt is 0).
    Ptr<Node> GetAaa() const;
    Ptr<Pmipv6Mag> GetMagApp(uint32_t i) const;
    Ipv6Address GetCnAddress() const;
    Ipv6Address GetLmaAddress() const;
    Ipv6Address GetProxyCoa(uint32_t mag) const;
    Mac48Address GetMnLinkLayerId(uint32_t mn) const;
    std::string GetMnIdentifier(uint32_t mn) const;
    /// The MN's home address (HNP + its interface id); zero before its first registration.
    Ipv6Address GetMnHomeAddress(uint32_t mn) const;
    /// The MAG the MN is attached to or heading for.
    uint32_t GetServingMag(uint32_t mn) const;
    const std::vector<L2Handover>& GetL2Handovers() const;

  private:
    void BuildCore();
    void BuildIdealAccess();
    /// The ideal channel and one access point on it per MAG (ideal and plain access).
    void BuildIdealAccessPoints();
    void BuildWifiAccess();
    /// Parameters::mobility false: MNs fixed on MAGs, plain static routing.
    void BuildPlainAccess();
    /// The MN's address without mobility (from its MAG's /48).
    Ipv6Address PlainAddress(uint32_t mn) const;
    void InstallAgents();
    /// Parameters::aaaRtt > 0: the AAA server node (created last) and its links.
    void BuildAaa();
    void InstallIpv6(Ptr<Node> node);
    /// Lossy signalling on a MAG-LMA or MAG-MAG link (both directions).
    void AddSignallingLoss(const NetDeviceContainer& link);
    uint32_t AddAccessInterface(uint32_t mag, Ptr<NetDevice> dev);
    void Attach(uint32_t mn, uint32_t mag, uint32_t accessIndex, uint32_t phy);
    void LoseLink(uint32_t mn, uint32_t phy);
    uint32_t ActivePhy(uint32_t mn) const;
    void OnStaAssoc(uint32_t mn, Mac48Address bssid);
    void OnStaDeAssoc(uint32_t mn, Mac48Address bssid);
    void RecordAttach(uint32_t mn, uint32_t mag);
    /// The latest handover record of \p mn (nullptr before its first).
    L2Handover* LastHandoverOf(uint32_t mn);
    void ExecuteHandover(uint32_t mn, uint32_t targetMag);
    void RetuneStation(uint32_t mn, uint32_t targetMag);

    Parameters m_p;
    std::function<Ptr<MagExtension>(uint32_t)> m_extensionFactory;
    ObjectFactory m_lmaExtensionFactory; //!< no TypeId: plain PMIPv6
    Ptr<Node> m_cn;
    Ptr<Node> m_lma;
    NodeContainer m_mags;
    NodeContainer m_mns;
    Ptr<Pmipv6Lma> m_lmaApp;
    Ptr<Node> m_aaa; //!< nullptr without an AAA server
    std::vector<Ptr<Pmipv6Mag>> m_magApps;
    Ipv6Address m_cnAddress;
    Ipv6Address m_lmaAddress;
    std::vector<Ipv6Address> m_proxyCoa;
    NetDeviceContainer m_coreDevices;
    std::vector<Ptr<SignallingErrorModel>> m_signallingErrorModels;
    NetDeviceContainer m_mnDevices;
    NetDeviceContainer m_wifiDevices; //!< APs and stations, for AssignStreams
    /// Per MAG, its access devices and their interface indexes.
    std::vector<std::vector<Ptr<NetDevice>>> m_accessDevices;
    std::vector<std::vector<uint32_t>> m_accessIfIndex;
    std::vector<uint8_t> m_wifiChannelOfAccess; //!< flattened mag*apsPerMag+k
    Ptr<IdealAccessChannel> m_idealChannel;
    std::vector<std::vector<Ptr<SimpleNetDevice>>> m_mnPhys; //!< ideal: per MN, its devices
    std::vector<std::vector<int>> m_phyMag;                  //!< MAG each device is on, -1
    std::vector<Ptr<MnInterfaceShim>> m_shims;               //!< two-interface MNs
    std::vector<uint32_t> m_servingMag;
    std::vector<int> m_currentMag;  //!< -1 while detached
    std::vector<int> m_previousMag; //!< the MAG before the last link loss

    struct PendingHandover
    {
        Time at;
        uint32_t target;
        EventId event;
    };

    std::vector<std::deque<PendingHandover>> m_pending; //!< per MN, in time order
    std::vector<L2Handover> m_l2Handovers;
    std::vector<int64_t> m_lastHandover; //!< per MN, its latest in m_l2Handovers; -1: none
};

} // namespace ns3

#endif
