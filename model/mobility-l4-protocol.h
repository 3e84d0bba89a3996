// SPDX-License-Identifier: GPL-2.0-only
/*
 * IPv6 Mobility Header (next header 135, RFC 6275 sec. 6.1) as a layer-4
 * protocol: one per node, shared by every mobility agent on it.
 */
#ifndef MOBILITY_L4_PROTOCOL_H
#define MOBILITY_L4_PROTOCOL_H

#include "ipv6-only-l4-protocol.h"
#include "mobility-header.h"

#include "ns3/nstime.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <map>

namespace ns3
{

/**
 * \ingroup pmipv6
 * Sends and receives Mobility Header messages. On receive it checks the
 * length and the RFC 6275 checksum once, then hands the packet (still
 * starting with the Mobility Header) to the handler registered for its MH
 * Type. Everything refused is counted and fired on the "Drop" trace with a
 * reason; nothing is dropped silently. A message of an MH Type no handler
 * claims is answered with a Binding Error, status 2 (RFC 6275 sec. 9.2),
 * at most one per BindingErrorInterval, never to a Binding Error itself or
 * to a multicast destination.
 *
 * SendJitter (0 by default) holds each message back by a delay drawn
 * uniformly from [0, SendJitter] before it goes down to IPv6: jitter on
 * the signalling only, data packets never pass here. Messages may then
 * overtake each other, as on a real network with variable delay.
 */
class MobilityL4Protocol : public Ipv6OnlyL4Protocol
{
  public:
    static constexpr uint8_t PROT_NUMBER = 135;

    /// Why a mobility message was refused.
    enum DropReason
    {
        DROP_TRUNCATED,    //!< shorter than the fixed header or its Header Len
        DROP_BAD_CHECKSUM, //!< RFC 6275 6.1.1 checksum wrong
        DROP_NO_HANDLER,   //!< no agent on this node handles this MH Type
        DROP_MALFORMED,    //!< the message body or an option does not parse
        DROP_UNAUTHORIZED, //!< the sender is not a trusted peer
        DROP_UNEXPECTED,   //!< valid, but no state expects it (e.g. stale ack)
    };

    /// Called with the packet (Mobility Header first) and its IPv6 header.
    typedef Callback<void, Ptr<Packet>, const Ipv6Header&> MessageHandler;
    typedef void (*MessageTracedCallback)(Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst);
    typedef void (*DropTracedCallback)(Ptr<const Packet> p, Ipv6Address src, DropReason reason);

    static TypeId GetTypeId();
    MobilityL4Protocol();

    int GetProtocolNumber() const override;
    RxStatus Receive(Ptr<Packet> p,
                     const Ipv6Header& header,
                     Ptr<Ipv6Interface> incomingInterface) override;
    using Ipv6OnlyL4Protocol::Receive;

    /// Register the handler of one MH Type; one handler per type per node.
    void RegisterHandler(uint8_t mhType, MessageHandler handler);

    /**
     * Serialise \p message with its checksum for (src, dst) and send it.
     * \return the size on the wire of the Mobility Header
     */
    uint32_t Send(MobilityHeader& message, Ipv6Address src, Ipv6Address dst);

    /**
     * Remove the message from \p p into \p message; on failure count and
     * trace a DROP_MALFORMED drop and return false.
     */
    template <class H>
    bool Parse(Ptr<Packet> p, const Ipv6Header& ip, H& message);

    /// Use stream \p stream for the send jitter. \return streams used (1)
    int64_t AssignStreams(int64_t stream);

    /// Count and trace a refused message (also for agents' own checks).
    void Drop(Ptr<const Packet> p, Ipv6Address src, DropReason reason);

    uint64_t GetSentCount() const;
    uint64_t GetSentBytes() const;
    uint64_t GetDropCount() const;
    uint64_t GetBindingErrorCount() const; //!< Binding Errors sent

    static std::string DropReasonName(DropReason reason);

  private:
    void SendNow(Ptr<Packet> p, Ipv6Address src, Ipv6Address dst);
    /// RFC 6275 sec. 9.2 / 9.3.3: tell the sender its MH Type is unknown.
    void SendBindingError(uint8_t mhType, const Ipv6Header& header);

    std::map<uint8_t, MessageHandler> m_handlers;
    Time m_sendJitter;
    Ptr<UniformRandomVariable> m_jitter;
    Time m_bindingErrorInterval;
    Time m_lastBindingError{Time::Min()};
    uint64_t m_bindingErrors{0};
    uint64_t m_sent{0};
    uint64_t m_sentBytes{0};
    uint64_t m_drops{0};
    TracedCallback<Ptr<const Packet>, Ipv6Address, Ipv6Address> m_txTrace;
    TracedCallback<Ptr<const Packet>, Ipv6Address, Ipv6Address> m_rxTrace;
    TracedCallback<Ptr<const Packet>, Ipv6Address, DropReason> m_dropTrace;
};

template <class H>
bool
MobilityL4Protocol::Parse(Ptr<Packet> p, const Ipv6Header& ip, H& message)
{
    Ptr<const Packet> copy = p->Copy();
    if (p->RemoveHeader(message) == 0)
    {
        Drop(copy, ip.GetSource(), DROP_MALFORMED);
        return false;
    }
    return true;
}

} // namespace ns3

#endif
