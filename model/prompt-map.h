// SPDX-License-Identifier: GPL-2.0-only
/*
 * ProMPt's Mobility Anchor Point (the ProMPt paper, sec. 3.2.1, 3.3 and
 * Fig. 2/3): it routes all of a mobile node's traffic and tunnels it to the
 * access router serving the MN, caches authentication vectors fetched from
 * the home AAA, decides scheduled handovers and switches the route when the
 * new AR reports success.
 */
#ifndef PROMPT_MAP_H
#define PROMPT_MAP_H

#include "prompt-agent.h"

#include "ns3/object.h"

#include <deque>
#include <map>

namespace ns3
{

/**
 * \ingroup pmipv6
 * The MAP's handover decision (the ProMPt paper, sec. 3.3.2: "the algorithm
 * to select the target AR can be arbitrary"). The default picks the AR
 * with the strongest measured level if it beats the serving AR's by
 * Hysteresis.
 */
class PromptHandoverAlgorithm : public Object
{
  public:
    static TypeId GetTypeId();
    /**
     * \param serving the serving AR
     * \param measurements the MN's and AR's latest report
     * \return the target AR, or the unspecified address for no handover
     */
    virtual Ipv6Address Decide(Ipv6Address serving,
                               const std::vector<PromptHeader::Measurement>& measurements);

  private:
    double m_hysteresisDb{3};
};

/**
 * \ingroup pmipv6
 * The MAP. Per MN (by TMSI): its address, its serving AR, its cached AVs
 * and a handover in progress. Downlink packets to a registered MN are
 * tunnelled to its serving AR; uplink arrives through the tunnels from the
 * ARs and is routed on.
 */
class PromptMap : public PromptAgent
{
  public:
    /// Why a data packet was dropped.
    enum DataDropReason
    {
        NO_SERVING_AR, //!< for an MN address known but not (yet) registered at an AR
    };

    struct MnEntry
    {
        uint32_t tmsi{0};
        std::string nai; //!< permanent identity, for AV requests
        Ipv6Address address;
        Ipv6Address servingAr;
        Ipv6Address targetAr; //!< a handover in progress: the AR it goes to
        std::deque<AuthenticationVector> avs;
        bool refillPending{false};
        uint32_t avMisses{0}; //!< an AV was needed and the cache was empty
        /// MAP buffering: the downlink tunnelled in the last BufferWindow
        struct Buffered
        {
            Time sent;
            Ptr<const Packet> payload;
            Ipv6Header header;
        };

        std::deque<Buffered> buffer;
    };

    typedef void (*DecisionTracedCallback)(uint32_t tmsi, Ipv6Address from, Ipv6Address to);
    typedef void (*RouteSwitchTracedCallback)(uint32_t tmsi, Ipv6Address from, Ipv6Address to);
    typedef void (*AvCacheTracedCallback)(uint32_t tmsi, uint32_t cached);
    typedef void (*ReplayTracedCallback)(uint32_t tmsi, uint32_t packets);
    typedef void (*DataDropTracedCallback)(Ptr<const Packet> p, DataDropReason reason);

    static TypeId GetTypeId();
    PromptMap();

    void SetHandoverAlgorithm(Ptr<PromptHandoverAlgorithm> algorithm);
    /// Every AR of the domain (one tunnel each).
    void AddAccessRouter(Ipv6Address ar);
    /// \return the entry of \p tmsi, or nullptr
    const MnEntry* Find(uint32_t tmsi) const;
    /// \return the entry of the MN with address \p address, or nullptr
    const MnEntry* FindByAddress(Ipv6Address address) const;
    uint64_t GetAvRequestCount() const;

  protected:
    void DoInitialize() override;
    void DoDispose() override;
    void StartApplication() override;
    void ReceiveMessage(const PromptHeader& message, Ipv6Address src) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv6Header& header,
                    Ptr<const NetDevice> idev,
                    const Ipv6RoutingProtocol::UnicastForwardCallback& ucb) override;

  private:
    void DoRecvRegistration(const PromptHeader& m, Ipv6Address src);
    void DoRecvMeasurementReport(const PromptHeader& m, Ipv6Address src);
    void DoRecvAvRequest(const PromptHeader& m, Ipv6Address src);
    void DoRecvHandoverSuccess(const PromptHeader& m, Ipv6Address src);
    void SwitchRoute(uint32_t tmsi, Ipv6Address newAr);
    /// Takes one AV for \p e, calls \p use with it (now, or when the refill comes).
    void WithAv(MnEntry& e, std::function<void(const AuthenticationVector&)> use);
    /// Asks the home AAA for AvBatch AVs if fewer than the threshold are
    /// cached, or if \p needed (a handover waits for one).
    void CheckRefill(MnEntry& e, bool needed = false);
    void HandleAaa(Ptr<Socket> socket);

    Ipv6Address m_aaaAddress;
    uint32_t m_avBatch;
    uint32_t m_refillThreshold;
    Time m_routeSwitchDelay;
    Time m_bufferWindow;
    uint32_t m_bufferPackets;
    Ptr<PromptHandoverAlgorithm> m_algorithm;
    std::vector<Ipv6Address> m_ars;
    std::map<uint32_t, MnEntry> m_mns;
    std::map<Ipv6Address, uint32_t> m_byAddress;
    std::map<uint8_t, uint32_t> m_aaaPending; //!< RADIUS identifier -> TMSI
    std::map<uint32_t, std::vector<std::function<void(const AuthenticationVector&)>>> m_avWaiters;
    uint8_t m_radiusId{0};
    uint64_t m_avRequests{0};
    uint16_t m_sequence{0};
    Ptr<Socket> m_aaaSocket;
    TracedCallback<uint32_t, Ipv6Address, Ipv6Address> m_decisionTrace;
    TracedCallback<uint32_t, Ipv6Address, Ipv6Address> m_routeSwitchTrace;
    TracedCallback<uint32_t, uint32_t> m_avCacheTrace;
    TracedCallback<uint32_t, uint32_t> m_replayTrace;
    TracedCallback<Ptr<const Packet>, DataDropReason> m_dropTrace;
};

} // namespace ns3

#endif
