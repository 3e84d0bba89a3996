// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ProMPt paper's topology (Fig. 1 and 4) in one call: a correspondent
 * node and the home domain (AAA with HSS) each tau_Internet from the
 * mobility domain's MAP, access routers tau_Domain from the MAP, mobile
 * nodes tau_Access from their AR on an ideal access link; ProMPt's
 * applications installed on all of them, and handovers on a schedule.
 */
#ifndef PROMPT_DOMAIN_HELPER_H
#define PROMPT_DOMAIN_HELPER_H

#include "ideal-access-channel.h"
#include "mipv6-access-router.h"
#include "mipv6-home-agent.h"
#include "mipv6-mn-client.h"
#include "prompt-ar.h"
#include "prompt-home-aaa.h"
#include "prompt-map.h"
#include "prompt-mn-client.h"

#include "ns3/data-rate.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/simple-net-device.h"

#include <functional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * Builds and runs a ProMPt domain. Addresses: CN 2001:aa:1::1, home AAA
 * 2001:aa:2::1 (both on their links to the MAP), MAP-AR i links
 * 2001:ab:(i+1)::/64 (MAP ::1, AR ::2), MNs from 2001:100::/64 (AR i
 * assigns 2001:100::(i+1):0:n). All ARs share the access link-local
 * fe80::1 and MAC, as PMIPv6's MAGs do: the MN's default route survives
 * every handover.
 *
 * With protocol MIPV6 the same topology runs the reference: the home
 * agent beside the AAA, home addresses 2001:aa:3::(n+1), AR i advertising
 * 2001:ac:(i+1)::/64 (the MAP a plain router between them).
 */
class PromptDomainHelper
{
  public:
    /// What runs in the topology.
    enum Protocol
    {
        PROMPT, //!< ProMPt: MAP, ARs, MN clients, home AAA
        MIPV6,  //!< the reference: Mobile IPv6 + EAP-AKA (HA and AAA at home)
    };

    struct Parameters
    {
        Protocol protocol{PROMPT};
        std::string access{"ideal"}; //!< "ideal" or "wifi" (802.11a, tau_Access unused)
        uint32_t ars{2};
        uint32_t mns{1};
        Time tauInternet{MilliSeconds(100)}; //!< one way, CN-MAP and home-MAP
        Time tauDomain{MilliSeconds(10)};    //!< one way, MAP-AR
        Time tauAccess{MicroSeconds(100)};   //!< one way, AR-MN
        DataRate coreRate{"100Mbps"};        //!< the testbed's switch
        Time firstAttach{MilliSeconds(10)};  //!< every MN attaches to AR 0 then
        Time processingDelay{0};             //!< per received message, every entity
        Time routeSwitchDelay{0};            //!< the MAP's, after HO Success
        std::string Validate() const;
    };

    /// One handover, as it happened (zero: did not happen).
    struct Handover
    {
        uint32_t mn;
        uint32_t fromAr;
        uint32_t toAr;
        bool scheduled;
        Time trigger;     //!< measurement report sent (scheduled) or link lost (unscheduled)
        Time decision;    //!< the MAP's (scheduled) or the MN's (unscheduled) decision
        Time linkLost;    //!< the MN left its old AR
        Time request;     //!< the MN's first message to the target AR
        Time routeSwitch; //!< the MAP's route to the MN switched to the target AR
    };

    PromptDomainHelper();

    void Build(const Parameters& p);
    /**
     * At \p t: scheduled, the MN reports the target AR 10 dB stronger than
     * its serving AR and the MAP decides; unscheduled, the MN's link is lost
     * and the MN moves to \p targetAr itself.
     */
    void ScheduleHandover(uint32_t mn, Time t, uint32_t targetAr, bool scheduled);
    void EnablePcap(const std::string& prefix);
    int64_t AssignStreams(int64_t stream);

    const Parameters& GetParameters() const;
    Ptr<Node> GetCn() const;
    Ptr<Node> GetMn(uint32_t i) const;
    Ptr<Node> GetMap() const;
    Ptr<Node> GetAr(uint32_t i) const;
    Ptr<Node> GetHome() const;
    Ipv6Address GetCnAddress() const;
    Ipv6Address GetArAddress(uint32_t i) const;
    Ipv6Address GetMnAddress(uint32_t mn) const;
    Ptr<PromptMap> GetMapApp() const;
    Ptr<PromptAr> GetArApp(uint32_t i) const;
    Ptr<PromptMnClient> GetMnClient(uint32_t i) const;
    Ptr<Mipv6MnClient> GetMipv6Client(uint32_t i) const;
    Ptr<Mipv6HomeAgent> GetHomeAgent() const;
    Ptr<PromptHomeAaa> GetHomeAaa() const;
    Ptr<IdealAccessChannel> GetAccessChannel() const;
    const std::vector<Handover>& GetHandovers() const;
    /// \return ProMPt messages sent by the MAP and the ARs
    uint64_t GetSignallingCount() const;
    /// \return the AR the MN's device is attached to, or -1
    int GetAttachedAr(uint32_t mn) const;

  private:
    void BuildCore();
    void BuildAccess();
    void BuildWifiDevices();
    /// \return when the MN clients start (after the first association on Wi-Fi)
    Time ClientStart() const;
    void AttachIdeal(uint32_t mn, uint32_t ar);
    void LoseLink(uint32_t mn);
    void RetuneStation(uint32_t mn, uint32_t ar);
    void OnStaAssoc(uint32_t mn, Mac48Address bssid);
    void InstallApps();
    void InstallMipv6Apps();
    void OnMipv6State(uint32_t mn, Mipv6MnClient::State from, Mipv6MnClient::State to);
    void SwitchLink(uint32_t mn, Ipv6Address ar, std::function<void()> up);
    int FindAr(Ipv6Address ar) const;
    int FindMnByTmsi(uint32_t tmsi) const;
    Handover* Open(uint32_t mn);
    void OnDecision(uint32_t tmsi, Ipv6Address from, Ipv6Address to);
    void OnRouteSwitch(uint32_t tmsi, Ipv6Address from, Ipv6Address to);
    void OnRequest(uint32_t mn, Ipv6Address target, Ipv6Address previous);
    void OnMnDecision(uint32_t mn, Ipv6Address target);

    Parameters m_p;
    Ptr<Node> m_cn;
    Ptr<Node> m_home;
    Ptr<Node> m_map;
    NodeContainer m_ars;
    NodeContainer m_mns;
    Ipv6Address m_cnAddress;
    Ipv6Address m_homeAddress;
    Ipv6Address m_mapAddress; //!< on the link to AR 0
    std::vector<Ipv6Address> m_arAddress;
    NetDeviceContainer m_coreDevices;
    Ptr<IdealAccessChannel> m_channel;
    std::vector<Ptr<NetDevice>> m_arAccess;
    std::vector<Ptr<NetDevice>> m_mnDevices;
    NetDeviceContainer m_wifiDevices;
    std::vector<int> m_attachedAr;               //!< per MN, -1: no link
    std::vector<std::function<void()>> m_linkUp; //!< Wi-Fi: what to do on association
    Ptr<PromptMap> m_mapApp;
    std::vector<Ptr<PromptAr>> m_arApps;
    std::vector<Ptr<PromptMnClient>> m_clients;
    Ptr<PromptHomeAaa> m_aaa;
    Ptr<Mipv6HomeAgent> m_ha;
    std::vector<Ptr<Mipv6MnClient>> m_mipv6Clients;
    std::vector<Handover> m_handovers;
    std::vector<int> m_open; //!< per MN: index of its handover in progress, -1
};

} // namespace ns3

#endif
