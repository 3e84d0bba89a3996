// SPDX-License-Identifier: GPL-2.0-only
/*
 * Builds a whole PMIPv6 domain in one call, the way the LTE module's
 * EpcHelper builds an EPC: correspondent node, LMA, MAGs, their links and
 * routes, the access network (ideal or Wi-Fi) and the mobile nodes, and
 * moves mobile nodes between MAGs on a schedule.
 */
#ifndef PMIPV6_DOMAIN_HELPER_H
#define PMIPV6_DOMAIN_HELPER_H

#include "access-network.h"
#include "pmipv6-lma.h"
#include "pmipv6-mag.h"
#include "signalling-error-model.h"

#include "ns3/data-rate.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/simple-net-device.h"

#include <functional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * Topology (ideal access, IdealAccessNetwork):
 *
 *     CN ---- LMA ==== MAG_i ~~~~ MN      (=== p2p, RTT_MAG-LMA)
 *                       |  \              (~~~ ideal access, RTT_MAG-AP)
 *                     MAG_j (p2p, RTT_MAG-MAG, between every pair)
 *
 * The access network is a model object (AccessNetwork::LookupByName of
 * Parameters::access); the parameters below that name one of its
 * attributes are passed on to it.
 */
class Pmipv6DomainHelper
{
  public:
    /// What to build; Validate() explains what is wrong.
    struct Parameters
    {
        std::string access{"ideal"}; //!< a registered AccessNetwork name (AccessNetwork::GetNames)
        uint32_t mags{2};
        uint32_t mns{1};
        uint32_t apsPerMag{1};  //!< access points per MAG (ApsPerMag attribute)
        uint32_t interfaces{1}; //!< per MN (Interfaces attribute; 1 where there is none)
        Time rttMagLma{MilliSeconds(30)};
        Time rttMagMag{MilliSeconds(10)};
        Time rttMagAp{MilliSeconds(5)};   //!< AccessDelay attribute x 2 (radios: their own)
        Time dhoL2{MilliSeconds(11)};     //!< DhoL2 attribute (radios: measured)
        Time cnLmaDelay{MilliSeconds(1)}; //!< one-way CN-LMA
        DataRate coreRate{"1Gbps"};
        Time firstAttach{MilliSeconds(10)}; //!< every MN attaches to MAG 0 then
        /// AttachNotifyDelay attribute (Wi-Fi: from the association to the MAG knowing)
        Time wifiAttachNotifyDelay{MilliSeconds(1)};
        /// Direction attribute (wifi-lte: the MN starts on "wifi-lte" or "lte-wifi")
        std::string direction{"wifi-lte"};
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
        /**
         * The access network named by \c access, with the parameters above
         * that are its attributes; aborts if the name is not registered.
         */
        Ptr<AccessNetwork> CreateAccessNetwork() const;

      private:
        /// As CreateAccessNetwork; nullptr and \p bad set if a parameter is out of range.
        Ptr<AccessNetwork> MakeAccessNetwork(std::string* bad) const;
    };

    typedef AccessNetwork::L2Handover L2Handover;

    Pmipv6DomainHelper();

    /// Extensions: a factory that makes one MagExtension for each MAG.
    void SetMagExtensionFactory(std::function<Ptr<MagExtension>(uint32_t magIndex)> factory);
    /// The LMA's extension, by TypeId and attributes (none: plain PMIPv6).
    void SetLmaExtension(const std::string& typeId);
    ObjectFactory& GetLmaExtensionFactory();

    /// Build everything; aborts with a clear message on bad parameters.
    void Build(const Parameters& p);

    /// AccessNetwork::ScheduleHandover: the plan, made before the simulation runs.
    void ScheduleHandover(uint32_t mn, Time linkLost, uint32_t targetMag);

    /// The index of the MN with this MN-Identifier; -1 if none.
    int FindMn(const std::string& mnId) const;
    /// The index of the MAG with this Proxy-CoA; -1 if none.
    int FindMag(Ipv6Address proxyCoa) const;
    /// The access network Build() installed.
    Ptr<AccessNetwork> GetAccessNetwork() const;

    /**
     * Fix the random streams of the domain's models, starting at \p stream:
     * the access network's (AccessNetwork::AssignStreams), and the
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

    /// Write pcap files (core links, and the access network's) as PREFIX-node-dev.pcap.
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
    /// Parameters::mobility false: MNs fixed on MAGs, plain static routing.
    void BuildPlainAccess();
    /// The MN's address without mobility (from its MAG's /48).
    Ipv6Address PlainAddress(uint32_t mn) const;
    void InstallAgents();
    /// Parameters::aaaRtt > 0: the AAA server node (created last) and its links.
    void BuildAaa();
    void InstallIpv6(Ptr<Node> node);
    /// DAD off, weak end-system model (on a node that has IPv6 already, too).
    void ConfigureIpv6(Ptr<Node> node);
    /// Lossy signalling on a MAG-LMA or MAG-MAG link (both directions).
    void AddSignallingLoss(const NetDeviceContainer& link);

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
    Ptr<AccessNetwork> m_access;
};

} // namespace ns3

#endif
