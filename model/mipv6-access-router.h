// SPDX-License-Identifier: GPL-2.0-only
/*
 * An access router for the Mobile IPv6 + EAP-AKA reference (the ProMPt
 * paper, sec. 4-5): an IEEE 802.1X authenticator that relays EAP-AKA to the
 * home AAA (the same relay as ProMPt's first attachment), a plain IPv6
 * router, and the sender of the Router Advertisement with its own prefix
 * (RFC 4861) by which the MN detects its movement.
 */
#ifndef MIPV6_ACCESS_ROUTER_H
#define MIPV6_ACCESS_ROUTER_H

#include "prompt-ar.h"

#include "ns3/random-variable-stream.h"

namespace ns3
{

/**
 * \ingroup pmipv6
 * The access router of the reference. After a successful authentication
 * it does nothing more for the MN: packets are routed as usual (the
 * controlled port of 802.1X is modelled at the MN, Mipv6MnClient).
 * Router Solicitations are answered with a unicast Router Advertisement
 * carrying Prefix (A and L set), after a random delay up to MaxRaDelay
 * (RFC 4861 sec. 6.2.6 has MAX_RA_DELAY_TIME = 0.5 s; 0 by default: the
 * "no random delay" of fast movement detection).
 */
class Mipv6AccessRouter : public PromptAr
{
  public:
    static TypeId GetTypeId();
    Mipv6AccessRouter();
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void HomeAuthenticated(Client& c) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv6Header& header,
                    Ptr<const NetDevice> idev,
                    const Ipv6RoutingProtocol::UnicastForwardCallback& ucb) override;

  private:
    void ReceiveIpv6Frame(Ptr<NetDevice> device,
                          Ptr<const Packet> packet,
                          uint16_t protocol,
                          const Address& from,
                          const Address& to,
                          NetDevice::PacketType type);
    void SendRa(Mac48Address mn, Ipv6Address dst);

    Ipv6Address m_prefix;
    Time m_maxRaDelay;
    Ptr<UniformRandomVariable> m_raDelay;
};

} // namespace ns3

#endif
