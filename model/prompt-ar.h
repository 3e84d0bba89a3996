// SPDX-License-Identifier: GPL-2.0-only
/*
 * ProMPt's Access Router (the ProMPt paper, sec. 3.2.1 and 3.3): the EAP
 * authenticator of its access link, relaying to the home AAA on the first
 * attachment and authenticating locally with an AV from the MAP on a
 * handover; it keeps the IP-to-link-layer table of the MNs it serves,
 * lets only authenticated MNs' packets through and tunnels them to the MAP.
 */
#ifndef PROMPT_AR_H
#define PROMPT_AR_H

#include "prompt-agent.h"

#include "ns3/mac48-address.h"
#include "ns3/net-device.h"

#include <map>

namespace ns3
{

/**
 * \ingroup pmipv6
 * The AR. Frames on its access device: EAPOL (EtherType 0x888E) and ProMPt
 * messages (0x88B5). Domain side: ProMPt over UDP to the MAP and the other
 * ARs, RADIUS to the home AAA.
 */
class PromptAr : public PromptAgent
{
  public:
    /// Where an MN is in its authentication here.
    enum ClientState
    {
        IDLE,       //!< heard of, nothing started
        HOME_AUTH,  //!< first attachment: EAP-AKA relayed to the home AAA
        WAIT_AV,    //!< handover: the AV is asked from the MAP (unscheduled, Fig. 3)
        CHALLENGED, //!< local AKA challenge sent
        AUTHORISED, //!< keys established: its packets pass
    };

    /// Why a data packet was dropped.
    enum DataDropReason
    {
        UPLINK_NOT_AUTHORISED, //!< from an MN this AR has not authenticated
        DOWNLINK_NOT_SERVED,   //!< out of the tunnel for an MN not served here
    };

    struct Client
    {
        Mac48Address mac;
        uint32_t tmsi{0};
        std::string nai;
        Ipv6Address address;
        Ipv6Address previousAr;
        ClientState state{IDLE};
        AuthenticationVector av;
        uint8_t eapId{0};
    };

    static std::string ClientStateName(ClientState s);
    static std::string DataDropReasonName(DataDropReason r);

    typedef void (*ClientStateTracedCallback)(Mac48Address mn, ClientState from, ClientState to);
    typedef void (*DataDropTracedCallback)(Ptr<const Packet> p, DataDropReason reason);

    static TypeId GetTypeId();
    PromptAr();

    /// The access link's device (an access point of the ideal channel).
    void SetAccessDevice(Ptr<NetDevice> device);
    /// \return the client with link-layer address \p mac, or nullptr
    const Client* FindClient(Mac48Address mac) const;
    /// \return the authorised MNs (the IP-to-link-layer table)
    const std::map<Ipv6Address, Mac48Address>& GetServed() const;
    uint64_t GetDropCount(DataDropReason reason) const;

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void ReceiveMessage(const PromptHeader& message, Ipv6Address src) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv6Header& header,
                    Ptr<const NetDevice> idev,
                    const Ipv6RoutingProtocol::UnicastForwardCallback& ucb) override;
    /**
     * The home AAA accepted \p c (first attachment, EAP-Success relayed):
     * ProMPt assigns the address and registers the MN with the MAP (sec. 3.3.1).
     */
    virtual void HomeAuthenticated(Client& c);
    void SwitchState(Client& c, ClientState to);
    Ptr<NetDevice> GetAccessDevice() const;

  private:
    void ReceiveFrame(Ptr<NetDevice> device,
                      Ptr<const Packet> packet,
                      uint16_t protocol,
                      const Address& from,
                      const Address& to,
                      NetDevice::PacketType type);
    void DoRecvEapol(Mac48Address mac, Ptr<Packet> p);
    void DoRecvEap(Client& c, const EapPacket& eap);
    void DoRecvAccessMessage(Mac48Address mac, const PromptHeader& m);
    void DoRecvHandoverRequest(Mac48Address mac, const PromptHeader& m);
    void Challenge(Client& c, const AuthenticationVector& av);
    void Authorise(Client& c);
    void Forget(uint32_t tmsi);
    Client* FindByTmsi(uint32_t tmsi);
    void SendEap(Mac48Address mac, const EapPacket& eap);
    void SendFrame(Mac48Address mac, const PromptHeader& m);
    void RelayToAaa(Client& c, const EapPacket& eap);
    void HandleAaa(Ptr<Socket> socket);
    void DoRecvRadius(const RadiusHeader& r);
    void Drop(Ptr<const Packet> p, DataDropReason reason);

    Ipv6Address m_mapAddress;
    Ipv6Address m_aaaAddress;
    Ipv6Address m_addressPoolBase;
    uint32_t m_tmsiBase;
    uint32_t m_assigned{0};
    Ptr<NetDevice> m_accessDevice;
    uint32_t m_accessIf{0};
    Ptr<Socket> m_aaaSocket;
    uint8_t m_radiusId{0};
    uint16_t m_sequence{0};
    std::map<Mac48Address, Client> m_clients;
    std::map<Ipv6Address, Mac48Address> m_served;
    std::map<uint32_t, std::pair<AuthenticationVector, Ipv6Address>> m_prepared; //!< by TMSI
    std::map<uint8_t, Mac48Address> m_radiusPending;
    std::map<DataDropReason, uint64_t> m_drops;
    TracedCallback<Mac48Address, ClientState, ClientState> m_stateTrace;
    TracedCallback<Ptr<const Packet>, DataDropReason> m_dropTrace;
};

} // namespace ns3

#endif
