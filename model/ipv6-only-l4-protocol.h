// SPDX-License-Identifier: GPL-2.0-only
/*
 * Common base of the IPv6-only layer-4 protocols of this module (Mobility
 * Header, IPv6-in-IPv6): the IPv4 half of IpL4Protocol and the down-target
 * plumbing, written once.
 */
#ifndef IPV6_ONLY_L4_PROTOCOL_H
#define IPV6_ONLY_L4_PROTOCOL_H

#include "ns3/ip-l4-protocol.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/node.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * An IpL4Protocol that only exists over IPv6. Subclasses implement
 * GetProtocolNumber() and the IPv6 Receive(); an IPv4 packet is refused.
 * The protocol is inserted in the node's Ipv6L3Protocol by Install().
 */
class Ipv6OnlyL4Protocol : public IpL4Protocol
{
  public:
    static TypeId GetTypeId();

    /**
     * Aggregate this protocol to a node that already has an IPv6 stack and
     * insert it in the IPv6 demultiplexer.
     */
    void Install(Ptr<Node> node);
    Ptr<Node> GetNode() const;
    Ptr<Ipv6L3Protocol> GetIpv6() const;

    RxStatus Receive(Ptr<Packet> p,
                     const Ipv4Header& header,
                     Ptr<Ipv4Interface> incomingInterface) override;
    using IpL4Protocol::Receive;
    void SetDownTarget(DownTargetCallback cb) override;
    void SetDownTarget6(DownTargetCallback6 cb) override;
    DownTargetCallback GetDownTarget() const override;
    DownTargetCallback6 GetDownTarget6() const override;

  protected:
    void DoDispose() override;
    /// Hands a packet to IPv6 (the down target), for subclasses.
    void SendDown(Ptr<Packet> p, Ipv6Address src, Ipv6Address dst, Ptr<Ipv6Route> route = nullptr);

  private:
    Ptr<Node> m_node;
    Ptr<Ipv6L3Protocol> m_ipv6;
    DownTargetCallback6 m_downTarget6;
};

/**
 * Returns the protocol of type T aggregated to \p node, creating and
 * installing it on first use, so that every agent on a node shares one.
 */
template <class T>
Ptr<T>
GetOrInstallL4Protocol(Ptr<Node> node)
{
    Ptr<T> proto = node->GetObject<T>();
    if (!proto)
    {
        proto = CreateObject<T>();
        proto->Install(node);
    }
    return proto;
}

} // namespace ns3

#endif
