// SPDX-License-Identifier: GPL-2.0-only
/*
 * What ProMPt's MAP and AR share (the ProMPt paper, sec. 3.2): the UDP
 * socket for ProMPt messages in the domain, the MAP-AR IPv6-in-IPv6 tunnel,
 * the routing hook that sees the MNs' packets, and the per-message
 * processing delay of the paper's testbed.
 */
#ifndef PROMPT_AGENT_H
#define PROMPT_AGENT_H

#include "ipv6-tunnel-l4-protocol.h"
#include "mobility-routing-hook.h"
#include "prompt-header.h"

#include "ns3/application.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

namespace ns3
{

class Socket;

/**
 * \ingroup pmipv6
 * A single-threaded message handler that "sleeps for n microseconds after
 * reception of a message" (the ProMPt paper, Table 1, "delay"): each message
 * waits for the ones before it, then for the processing delay.
 */
class ProcessingQueue
{
  public:
    /// \return how long a message arriving now waits before it is handled
    Time Admit(Time processingDelay);

  private:
    Time m_busyUntil;
};

/**
 * \ingroup pmipv6
 * Base of PromptMap and PromptAr. Subclasses handle ProMPt messages in
 * ReceiveMessage() (after the processing delay) and the MNs' packets in
 * RouteInput().
 */
class PromptAgent : public Application
{
  public:
    /**
     * TracedCallback signature of "Tx" and "Rx".
     * \param message the ProMPt message
     * \param peer its destination (Tx) or source (Rx)
     */
    typedef void (*MessageTracedCallback)(const PromptHeader& message, Ipv6Address peer);
    /// TracedCallback signature of "Malformed": the packet and its sender.
    typedef void (*MalformedTracedCallback)(Ptr<const Packet> p, Ipv6Address src);

    static TypeId GetTypeId();
    PromptAgent();

    /// \return this agent's address in the domain
    Ipv6Address GetAddress() const;
    Ptr<Ipv6TunnelL4Protocol> GetTunnel() const;
    /// \return ProMPt messages sent and their octets (UDP payload)
    uint64_t GetSentCount() const;
    uint64_t GetSentBytes() const;

  protected:
    void DoInitialize() override;
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

    /// Sends \p message to \p dst over UDP (port PromptHeader::PORT).
    void SendMessage(const PromptHeader& message, Ipv6Address dst);
    /// Handles a message (the processing delay has passed).
    virtual void ReceiveMessage(const PromptHeader& message, Ipv6Address src) = 0;
    /// The routing hook: true if the packet was taken care of.
    virtual bool RouteInput(Ptr<const Packet> p,
                            const Ipv6Header& header,
                            Ptr<const NetDevice> idev,
                            const Ipv6RoutingProtocol::UnicastForwardCallback& ucb) = 0;
    /// Runs \p handler after the processing delay (and after earlier messages).
    void Process(std::function<void()> handler);
    Time GetProcessingDelay() const;
    uint32_t GetInterfaceForDevice(Ptr<const NetDevice> dev) const;

  private:
    void HandleRead(Ptr<Socket> socket);

    Ipv6Address m_address;
    Time m_processingDelay;
    ProcessingQueue m_queue;
    Ptr<Socket> m_socket;
    Ptr<Ipv6TunnelL4Protocol> m_tunnel;
    Ptr<MobilityRoutingHook> m_hook;
    uint64_t m_sent{0};
    uint64_t m_sentBytes{0};
    uint64_t m_malformed{0};
    TracedCallback<const PromptHeader&, Ipv6Address> m_txTrace;
    TracedCallback<const PromptHeader&, Ipv6Address> m_rxTrace;
    TracedCallback<Ptr<const Packet>, Ipv6Address> m_malformedTrace;
};

} // namespace ns3

#endif
