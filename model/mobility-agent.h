/*
 * What every mobility agent (LMA, MAG, and the extensions' entities) does
 * alike: Mobility Header messages, the IPv6-in-IPv6 tunnel, and a look at
 * each forwarded packet.
 */
#ifndef MOBILITY_AGENT_H
#define MOBILITY_AGENT_H

#include "ipv6-tunnel-l4-protocol.h"
#include "mobility-l4-protocol.h"
#include "mobility-routing-hook.h"

#include "ns3/application.h"
#include "ns3/ipv6-address.h"

#include <vector>

/**
 * \defgroup pmipv6 PMIPv6 and fast handovers
 *
 * Network-based IP mobility with real packets: Proxy Mobile IPv6 (RFC
 * 5213) with its LMA and MAG as ns-3 Applications, the fast-handover
 * extensions of the FPMIPv6 paper and of RFC 5949 as MAG extensions, the
 * Mobility Header messages and the IPv6-in-IPv6 tunnel they use, and the
 * helpers that build a domain and measure handovers from probe packets.
 * See doc/pmipv6.rst; the papers are listed in doc/papers.rst.
 */

namespace ns3
{

/**
 * \ingroup pmipv6
 * Base of LMA and MAG. On initialisation it takes the node's shared
 * MobilityL4Protocol and Ipv6TunnelL4Protocol (installing them on first use),
 * registers ReceiveMessage() for the MH Types GetHandledTypes() lists, and
 * inserts a MobilityRoutingHook that calls RouteInput(). Subclasses
 * dispatch on the MH Type with one switch.
 */
class MobilityAgent : public Application
{
  public:
    static TypeId GetTypeId();

    Ptr<MobilityL4Protocol> GetMobilityProtocol() const;
    Ptr<Ipv6TunnelL4Protocol> GetTunnel() const;
    /// This agent's address on the core network (LMAA / Proxy-CoA).
    Ipv6Address GetAddress() const;
    void SetAddress(Ipv6Address address);

    /// Serialise and send a mobility message from this agent's address.
    uint32_t SendMessage(MobilityHeader& message, Ipv6Address dst);

    /// Register one more MH Type to be handed to \p handler (for extensions).
    void RegisterHandler(uint8_t mhType, MobilityL4Protocol::MessageHandler handler);

  protected:
    void DoInitialize() override;
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

    /// The MH Types ReceiveMessage() handles.
    virtual std::vector<uint8_t> GetHandledTypes() const = 0;
    /// A message of one of those types, checksum verified, header not yet removed.
    virtual void ReceiveMessage(uint8_t mhType, Ptr<Packet> p, const Ipv6Header& ip) = 0;
    /// Decide a forwarded packet; false lets static routing handle it.
    virtual bool RouteInput(Ptr<const Packet> p,
                            const Ipv6Header& header,
                            Ptr<const NetDevice> idev,
                            const Ipv6RoutingProtocol::UnicastForwardCallback& ucb) = 0;

  private:
    void Dispatch(Ptr<Packet> p, const Ipv6Header& ip);

    Ipv6Address m_address;
    Ptr<MobilityL4Protocol> m_mobility;
    Ptr<Ipv6TunnelL4Protocol> m_tunnel;
    Ptr<MobilityRoutingHook> m_hook;
};

} // namespace ns3

#endif
