// SPDX-License-Identifier: GPL-2.0-only
/*
 * A Mobile IPv6 mobile node (RFC 6275) that authenticates with EAP-AKA at
 * every access router, the reference of the ProMPt paper (sec. 4-5): on
 * each new link it first runs full EAP-AKA with the home AAA, then solicits
 * the router's advertisement, forms its care-of address and registers it
 * with its home agent by Binding Update.
 */
#ifndef MIPV6_MN_CLIENT_H
#define MIPV6_MN_CLIENT_H

#include "eap-aka-header.h"
#include "ipv6-tunnel-l4-protocol.h"
#include "mobility-l4-protocol.h"
#include "prompt-agent.h"

#include "ns3/application.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/random-variable-stream.h"
#include "ns3/virtual-net-device.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * The MIPv6 MN. Its home address sits on a shim VirtualNetDevice that
 * holds the default route, so that the transport layer sends from and
 * receives at the home address whatever link the MN is on (ns-3 3.37's
 * IPv6 option hooks cannot swap addresses; no ns-3 patch is needed this
 * way). The shim's send decides how a packet leaves:
 *  - the 802.1X controlled port: nothing leaves until EAP-AKA has succeeded
 *    on the current link (counted as dropped);
 *  - from the home address: UplinkMode DIRECT sends it natively on the
 *    access link (the ProMPt paper's testbed: uplink resumes as soon as
 *    EAP-AKA succeeds), REVERSE_TUNNEL encapsulates it to the home agent
 *    from the care-of address (RFC 6275 sec. 11.3.1);
 *  - anything else (the Binding Update from the care-of address) natively.
 * Downlink arrives tunnelled from the home agent and is decapsulated by
 * Ipv6TunnelL4Protocol.
 */
class Mipv6MnClient : public Application
{
  public:
    enum State
    {
        DETACHED,       //!< no link
        AUTHENTICATING, //!< full EAP-AKA with the home AAA on this link
        SOLICITING,     //!< RS sent, waiting for the RA (movement detection)
        DAD,            //!< care-of address tentative (optimistic DAD off)
        BINDING,        //!< Binding Update sent, waiting for the Binding Acknowledgement
        REGISTERED,     //!< the home agent tunnels to the current care-of address
    };

    enum UplinkMode
    {
        DIRECT,         //!< from the home address, natively (the paper's testbed)
        REVERSE_TUNNEL, //!< through the home agent (RFC 6275 sec. 11.3.1)
    };

    static std::string StateName(State s);
    typedef void (*StateTracedCallback)(State from, State to);

    static TypeId GetTypeId();
    Mipv6MnClient();

    /// The access device, the routers' shared MAC, the HA, the home address.
    void Setup(Ptr<NetDevice> access,
               Mac48Address routerMac,
               Ipv6Address homeAgent,
               Ipv6Address homeAddress);
    /// The MN is now on a new link (its old one is gone): the procedure starts.
    void NotifyNewLink();
    State GetState() const;
    Ipv6Address GetHomeAddress() const;
    Ipv6Address GetCareOfAddress() const;
    uint64_t GetPortDrops() const;
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;
    void StartApplication() override;

  private:
    void SwitchState(State to);
    void ReceiveFrame(Ptr<NetDevice> device,
                      Ptr<const Packet> packet,
                      uint16_t protocol,
                      const Address& from,
                      const Address& to,
                      NetDevice::PacketType type);
    void SendEap(const EapPacket& eap);
    void SendRs();
    void ReceiveRa(Ipv6Address prefix);
    void SendBindingUpdate();
    void ReceiveBindingAck(Ptr<Packet> p, const Ipv6Header& ip);
    bool ShimSend(Ptr<Packet> p, const Address& src, const Address& dst, uint16_t protocol);

    std::string m_imsi;
    std::string m_realm;
    uint64_t m_key;
    EapAkaPeer m_peer;
    Time m_processingDelay;
    Time m_maxRsDelay;
    bool m_optimisticDad;
    Time m_dadDelay;
    UplinkMode m_uplinkMode;
    ProcessingQueue m_queue;
    Ptr<UniformRandomVariable> m_rsDelay;
    Ptr<NetDevice> m_access;
    Mac48Address m_routerMac;
    Ipv6Address m_homeAgent;
    Ipv6Address m_homeAddress;
    Ipv6Address m_careOf;
    uint32_t m_accessIf{0};
    Ptr<VirtualNetDevice> m_shim;
    Ptr<MobilityL4Protocol> m_mobility;
    Ptr<Ipv6TunnelL4Protocol> m_tunnel;
    State m_state{DETACHED};
    bool m_portOpen{false};
    uint16_t m_sequence{0};
    uint64_t m_portDrops{0};
    TracedCallback<State, State> m_stateTrace;
};

} // namespace ns3

#endif
