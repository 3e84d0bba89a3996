// SPDX-License-Identifier: GPL-2.0-only
/*
 * A Mobile IPv6 home agent (RFC 6275 sec. 10) for the ProMPt paper's
 * reference, Mobile IPv6 with EAP-AKA: home registration by Binding
 * Update / Binding Acknowledgement (this module's Mobility Header code) and
 * bidirectional tunnelling to the care-of address (sec. 10.4).
 */
#ifndef MIPV6_HOME_AGENT_H
#define MIPV6_HOME_AGENT_H

#include "ipv6-tunnel-l4-protocol.h"
#include "mobility-l4-protocol.h"
#include "mobility-routing-hook.h"
#include "prompt-agent.h"

#include "ns3/application.h"

#include <map>

namespace ns3
{

/**
 * \ingroup pmipv6
 * The home agent. Mobile nodes are added with their NAI and home address.
 * A Binding Update carries the MN-ID option (RFC 4283) in place of the
 * Home Address destination option (ns-3 3.37 has no hook to add one to
 * an outgoing packet, see doc/prompt.rst), comes from the care-of
 * address, and moves the tunnel there after RouteSwitchDelay; then the
 * Binding Acknowledgement goes back to the care-of address.
 */
class Mipv6HomeAgent : public Application
{
  public:
    typedef void (*BindingTracedCallback)(Ipv6Address home, Ipv6Address careOf);

    static TypeId GetTypeId();
    Mipv6HomeAgent();

    void AddMobileNode(const std::string& nai, Ipv6Address home);
    /// \return the care-of address bound to \p home, or the unspecified address
    Ipv6Address GetCareOf(Ipv6Address home) const;

  protected:
    void DoInitialize() override;
    void DoDispose() override;

  private:
    void ReceiveBindingUpdate(Ptr<Packet> p, const Ipv6Header& ip);
    void Bind(Ipv6Address home, Ipv6Address careOf, uint16_t sequence, Time lifetime);
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv6Header& header,
                    Ptr<const NetDevice> idev,
                    const Ipv6RoutingProtocol::UnicastForwardCallback& ucb);

    Ipv6Address m_address;
    Time m_processingDelay;
    Time m_routeSwitchDelay;
    ProcessingQueue m_queue;
    Ptr<MobilityL4Protocol> m_mobility;
    Ptr<Ipv6TunnelL4Protocol> m_tunnel;
    Ptr<MobilityRoutingHook> m_hook;
    std::map<std::string, Ipv6Address> m_homeOf;
    std::map<Ipv6Address, Ipv6Address> m_careOf; //!< the binding cache: home -> care-of
    TracedCallback<Ipv6Address, Ipv6Address> m_bindingTrace;
    TracedCallback<Ptr<const Packet>> m_dropTrace;
};

} // namespace ns3

#endif
