// SPDX-License-Identifier: GPL-2.0-only
/*
 * IPv6-in-IPv6 encapsulation (next header 41, RFC 2473) between mobility
 * agents: the bidirectional tunnel of RFC 5213 sec. 5.6.1 / 6.10.
 */
#ifndef IPV6_TUNNEL_L4_PROTOCOL_H
#define IPV6_TUNNEL_L4_PROTOCOL_H

#include "ipv6-only-l4-protocol.h"

#include "ns3/traced-callback.h"
#include "ns3/virtual-net-device.h"

#include <map>

namespace ns3
{

/**
 * \ingroup pmipv6
 * One per node. Encapsulate() wraps a packet being forwarded in an outer
 * IPv6 header toward a tunnel endpoint. Packets arriving with next header
 * 41 from a known endpoint are decapsulated and received again on a
 * VirtualNetDevice ("tunnel interface"), so that the node's routing
 * forwards the inner packet like any other (and the agents' routing hooks
 * see it). Endpoints are reference counted: RFC 5213 sec. 5.6.1 keeps one
 * tunnel per peer as long as any binding uses it.
 */
class Ipv6TunnelL4Protocol : public Ipv6OnlyL4Protocol
{
  public:
    static constexpr uint8_t PROT_NUMBER = 41;

    /// Why a tunnelled packet was dropped.
    enum DropReason
    {
        DROP_HOP_LIMIT,        //!< the inner hop limit ran out at this router
        DROP_UNKNOWN_ENDPOINT, //!< arrived from a peer with no binding (RFC 5213 5.6.2)
        DROP_MALFORMED,        //!< shorter than the inner header or its payload length
        DROP_NO_PEER,          //!< routed to the tunnel interface with no peer chosen
        DROP_NOT_ADMITTED,     //!< the admission callback refused it (the owner traces why)
    };

    static std::string DropReasonName(DropReason reason);

    /**
     * Decides whether a packet tunnelled by \p peer (outer source), the
     * inner packet (starting with its header \p inner), is taken out of the tunnel; replaces the
     * per-peer endpoint check (e.g. the LMA's per-MN uplink admission).
     */
    typedef Callback<bool, Ptr<const Packet>, Ipv6Address, const Ipv6Header&> AdmissionCallback;

    typedef void (*TunnelTracedCallback)(Ptr<const Packet> inner, Ipv6Address peer);
    typedef void (*DropTracedCallback)(Ptr<const Packet> p, Ipv6Address peer, DropReason reason);

    static TypeId GetTypeId();
    Ipv6TunnelL4Protocol();

    int GetProtocolNumber() const override;
    RxStatus Receive(Ptr<Packet> p,
                     const Ipv6Header& header,
                     Ptr<Ipv6Interface> incomingInterface) override;
    using Ipv6OnlyL4Protocol::Receive;

    /// Use (create) the tunnel to \p peer; one more binding uses it.
    void AddEndpoint(Ipv6Address peer);
    /// One binding less uses the tunnel to \p peer; the last one removes it.
    void RemoveEndpoint(Ipv6Address peer);
    bool HasEndpoint(Ipv6Address peer) const;
    /// Admit received packets with \p cb instead of by endpoint (null: by endpoint).
    void SetAdmissionCallback(AdmissionCallback cb);

    /**
     * Forward a received packet through the tunnel: decrement the inner hop
     * limit (this node is a router on the inner path) and send it inside an
     * outer header src -> peer. A packet whose hop limit runs out is dropped
     * and traced. \return true if sent
     */
    bool Encapsulate(Ptr<const Packet> payload,
                     Ipv6Header inner,
                     Ipv6Address src,
                     Ipv6Address peer);

    /**
     * Receive a packet again as if it had just left the tunnel, so that it
     * goes through this node's forwarding once more (used to release
     * buffered packets).
     */
    void Reinject(Ptr<const Packet> payload, const Ipv6Header& header);

    /// The tunnel interface index on this node.
    uint32_t GetInterfaceIndex() const;
    Ptr<VirtualNetDevice> GetDevice() const;

  protected:
    void DoDispose() override;
    void NotifyNewAggregate() override;

  private:
    bool DeviceSend(Ptr<Packet> p, const Address& src, const Address& dst, uint16_t protocol);
    void DropPacket(Ptr<const Packet> p, Ipv6Address peer, DropReason reason);

    Ptr<VirtualNetDevice> m_device;
    uint32_t m_ifIndex{0};
    std::map<Ipv6Address, uint32_t> m_endpoints; //!< peer -> bindings using it
    AdmissionCallback m_admission;
    TracedCallback<Ptr<const Packet>, Ipv6Address> m_encapTrace;
    TracedCallback<Ptr<const Packet>, Ipv6Address> m_decapTrace;
    TracedCallback<Ptr<const Packet>, Ipv6Address, DropReason> m_dropTrace;
};

} // namespace ns3

#endif
