// SPDX-License-Identifier: GPL-2.0-only
/*
 * The place where a mobility agent sees every packet its node forwards.
 */
#ifndef MOBILITY_ROUTING_HOOK_H
#define MOBILITY_ROUTING_HOOK_H

#include "ns3/ipv6-routing-protocol.h"

namespace ns3
{

class Node;

/**
 * \ingroup pmipv6
 * An Ipv6RoutingProtocol placed ahead of static routing in the node's
 * Ipv6ListRouting. RouteInput asks the agent's callback, which decides for
 * packets of mobile nodes (tunnel to a peer, deliver on the access link,
 * buffer, drop); everything else falls through to static routing.
 * PMIPv6 needs this because the MAG's reverse tunnel is chosen by the
 * packet's *source* prefix (RFC 5213 sec. 6.10.5), which static routing
 * cannot express. Locally originated traffic is not touched.
 */
class MobilityRoutingHook : public Ipv6RoutingProtocol
{
  public:
    /// Returns true if the packet was taken care of.
    typedef Callback<bool,
                     Ptr<const Packet>,
                     const Ipv6Header&,
                     Ptr<const NetDevice>,
                     const UnicastForwardCallback&>
        InputCallback;

    static TypeId GetTypeId();

    /// Insert a hook ahead of static routing on \p node (needs Ipv6ListRouting).
    static Ptr<MobilityRoutingHook> Install(Ptr<Node> node, InputCallback cb);

    void SetInputCallback(InputCallback cb);

    Ptr<Ipv6Route> RouteOutput(Ptr<Packet> p,
                               const Ipv6Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv6Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyAddRoute(Ipv6Address dst,
                        Ipv6Prefix mask,
                        Ipv6Address nextHop,
                        uint32_t interface,
                        Ipv6Address prefixToUse) override;
    void NotifyRemoveRoute(Ipv6Address dst,
                           Ipv6Prefix mask,
                           Ipv6Address nextHop,
                           uint32_t interface,
                           Ipv6Address prefixToUse) override;
    void SetIpv6(Ptr<Ipv6> ipv6) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const override;

  protected:
    void DoDispose() override;

  private:
    InputCallback m_input;
};

} // namespace ns3

#endif
