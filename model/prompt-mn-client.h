// SPDX-License-Identifier: GPL-2.0-only
/*
 * The mobile node's side of ProMPt (the ProMPt paper, sec. 3.3): EAP-AKA as
 * the peer (USIM), the address the AR assigns, measurement reports, the
 * MAP's handover command (scheduled, Fig. 2) and the MN's own decision on a
 * sudden loss of its link (unscheduled, Fig. 3). Unlike a PMIPv6 mobile
 * node, a ProMPt MN is not unmodified: it takes part in every handover.
 */
#ifndef PROMPT_MN_CLIENT_H
#define PROMPT_MN_CLIENT_H

#include "prompt-agent.h"

#include "ns3/application.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"

#include <functional>

namespace ns3
{

/**
 * \ingroup pmipv6
 * The MN client. The access link is switched through a callback (the
 * access network's, set by the helper): SwitchLink(target AR) attaches
 * the MN's device to that AR.
 */
class PromptMnClient : public Application
{
  public:
    enum State
    {
        DETACHED,       //!< before the first attachment
        AUTHENTICATING, //!< first attachment: full EAP-AKA with the home AAA
        ATTACHED,       //!< authenticated and addressed at an AR
        HANDOVER,       //!< on the target AR's link, local AKA running
        LINK_LOST,      //!< the old link is gone, the new one not yet chosen
    };

    static std::string StateName(State s);

    typedef void (*StateTracedCallback)(State from, State to);
    /// "HandoverRequest": (target AR, previous AR) when the MN's first message to the target AR
    /// leaves.
    typedef void (*HandoverTracedCallback)(Ipv6Address target, Ipv6Address previous);
    /// "Decision": the MN decided an unscheduled handover to this AR.
    typedef void (*DecisionTracedCallback)(Ipv6Address target);

    static TypeId GetTypeId();
    PromptMnClient();

    void SetAccessDevice(Ptr<NetDevice> device);
    /**
     * The access network's link switch: attach to the AR with this address,
     * then call the second argument once the link is up (at once on the
     * ideal channel; after the re-association on Wi-Fi).
     */
    typedef std::function<void(Ipv6Address, std::function<void()>)> LinkSwitch;
    void SetLinkSwitchCallback(LinkSwitch cb);

    /**
     * Sends a measurement report (the MAP decides scheduled handovers from
     * them, sec. 3.3.2).
     */
    void ReportMeasurements(const std::vector<PromptHeader::Measurement>& measurements);
    /**
     * The link to the serving AR was lost suddenly; the MN decides to hand
     * over to \p target (unscheduled, Fig. 3) after DetectionDelay.
     */
    void NotifyLinkLost(Ipv6Address target);

    State GetState() const;
    Ipv6Address GetAddress() const;
    Ipv6Address GetServingAr() const;
    uint32_t GetTmsi() const;

  protected:
    void DoDispose() override;
    void StartApplication() override;

  private:
    void ReceiveFrame(Ptr<NetDevice> device,
                      Ptr<const Packet> packet,
                      uint16_t protocol,
                      const Address& from,
                      const Address& to,
                      NetDevice::PacketType type);
    void DoRecvEap(const EapPacket& eap);
    void DoRecvMessage(const PromptHeader& m);
    void MoveTo(Ipv6Address target);
    void SendHandoverRequest(Ipv6Address target);
    void SwitchState(State to);
    void SendEap(const EapPacket& eap);
    void SendFrame(const PromptHeader& m);
    std::string PermanentNai() const;

    std::string m_imsi;
    std::string m_realm;
    uint64_t m_key;
    EapAkaPeer m_peer;
    Time m_processingDelay;
    Time m_detectionDelay;
    ProcessingQueue m_queue;
    Ptr<NetDevice> m_device;
    LinkSwitch m_switchLink;
    State m_state{DETACHED};
    Ipv6Address m_address;
    Ipv6Address m_servingAr;
    Ipv6Address m_targetAr;
    uint32_t m_tmsi{0};
    uint16_t m_sequence{0};
    TracedCallback<State, State> m_stateTrace;
    TracedCallback<Ipv6Address, Ipv6Address> m_handoverTrace;
    TracedCallback<Ipv6Address> m_decisionTrace;
};

} // namespace ns3

#endif
