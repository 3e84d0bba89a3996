// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the fast-handover extensions of a MAG (the FPMIPv6 paper's FPMIPv6, RFC 5949
 * PFMIPv6) share: a per-mobile-node handover context with traced states,
 * a bounded buffer, forwarding through a MAG-MAG tunnel, and the
 * HI/HAck/FBU/FBack messages.
 */
#ifndef FAST_HANDOVER_MAG_EXTENSION_H
#define FAST_HANDOVER_MAG_EXTENSION_H

#include "pmipv6-mag.h"

#include "ns3/ipv6-header.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>

namespace ns3
{

/**
 * \ingroup pmipv6
 * Base of the fast-handover MAG extensions. Subclasses implement the state
 * machines; this class keeps one HandoverContext per mobile node and does
 * the mechanics: buffering (bounded in packets and bytes, in order; an
 * overflow is dropped, counted and traced), forwarding to a peer MAG
 * through the IPv6-in-IPv6 tunnel, and building the messages from the
 * MAG's binding update list entry.
 */
class FastHandoverMagExtension : public MagExtension
{
  public:
    /// States of both roles; the FPMIPv6 paper's Fig. 5 (old MAG) and Fig. 6 (new MAG).
    enum State
    {
        IDLE,         //!< no handover in progress for this MN
        HO_INITIATED, //!< old MAG: HI sent, waiting for the HAck
        HO_READY,     //!< old MAG: HAck received, MN told to go (HOComplete)
        BUFFERING,    //!< old MAG: MN gone, buffering until told where to forward
        FORWARDING,   //!< forwarding the MN's traffic to a peer MAG
        REGISTERING,  //!< new MAG: registering the MN before it arrives
        AWAITING_MN,  //!< new MAG: ready, buffering until the MN attaches
        CONNECTED,    //!< new MAG: MN attached, handover completing
    };

    /// L2 commands a MAG gives its access points (the FPMIPv6 paper, sec. 3.2).
    enum L2Command
    {
        HO_INIT,     //!< a handover to target is starting (MN may bring up a 2nd interface)
        HO_COMPLETE, //!< the MN should leave the old AP now
    };

    /// Flags of an HI being answered, mirrored in the HAck (RFC 5949 6.1.2).
    struct HiFlags
    {
        bool buffer{false};  //!< U
        bool proxy{false};   //!< P
        bool forward{false}; //!< F
    };

    struct HandoverContext
    {
        State state{IDLE};
        Ipv6Address peer;           //!< the other MAG of this handover
        Ipv6Address forwardTo;      //!< where FORWARDING sends packets
        Ipv6Address forwardingFrom; //!< the MAG asked to forward to us (until HI Code 2)
        bool hackPending{false};    //!< an HI to answer once the MN's registration is done
        bool forwardingDone{false}; //!< HI Code 2 came before the MN left: nothing to forward
        Ipv6Address hackTo;         //!< where that HAck goes
        HiFlags peerHiFlags;        //!< of the HI being answered
        std::deque<std::pair<Ptr<Packet>, Ipv6Header>> buffer;
        uint32_t bufferedBytes{0};
        uint16_t sequence{0};                 //!< of the last HI/FBU sent
        uint16_t peerSequence{0};             //!< of the HI being answered
        EventId timer;                        //!< buffering or forwarding lifetime
        std::vector<Ipv6Address> tunnelPeers; //!< endpoints this context added
    };

    typedef Callback<void, std::string, L2Command, Ipv6Address> L2ControlCallback;
    typedef void (*StateTracedCallback)(std::string mnId, std::string from, std::string to);
    typedef void (*PacketTracedCallback)(Ptr<const Packet> p, std::string mnId);
    typedef void (*RefusedTracedCallback)(std::string mnId, Ipv6Address peer, uint8_t code);

    static TypeId GetTypeId();
    static std::string StateName(State s);

    /**
     * L2 trigger at the old MAG: the MN is expected to move to an AP of
     * \p newMag soon (the FPMIPv6 paper, sec. 3.2; RFC 5949 sec. 4.1: the MN's report).
     * This base starts the handover with an HI (BeginHandover).
     */
    virtual void PredictHandover(std::string mn, Ipv6Address newMag);

    /// Where L2 commands (HOInit, HOComplete) go; set by the scenario.
    void SetL2ControlCallback(L2ControlCallback cb);
    /// The context of a MN (IDLE if none).
    const HandoverContext* GetContext(std::string mn) const;

    /**
     * A MN's downlink that cannot be delivered here: forwarded while the
     * context forwards, buffered while it waits (for the HAck, the MN, or a
     * new MAG's request), else left to the MAG (dropped).
     */
    bool HandleUndeliverable(BindingUpdateListEntry& e,
                             Ptr<const Packet> p,
                             const Ipv6Header& header) override;

    /// The MN's context came in an HI (RFC 5949 / the FPMIPv6 paper): no AAA query.
    bool HasContext(const BindingUpdateListEntry& e) const override;

    uint64_t GetBufferedCount() const;
    uint64_t GetBufferDropCount() const;
    uint64_t GetForwardedCount() const;
    uint64_t GetRefusedCount() const; //!< HAcks with a refusal code received

  protected:
    void DoDispose() override;
    HandoverContext& Context(std::string mn);
    void SwitchToState(BindingUpdateListEntry& e, HandoverContext& c, State s);
    /// Accept tunnelled packets from (and send to) \p peer for this context.
    void UsePeer(HandoverContext& c, Ipv6Address peer);
    /// Release the context (tunnel endpoints, timer, buffer: dropped and traced).
    void Reset(BindingUpdateListEntry& e, HandoverContext& c);

    /// Keep a packet for later; false (and traced drop) if the buffer is full.
    bool Buffer(BindingUpdateListEntry& e,
                HandoverContext& c,
                Ptr<const Packet> p,
                const Ipv6Header& h);
    /// Deliver everything buffered to the attached MN, in order.
    void FlushToMn(BindingUpdateListEntry& e, HandoverContext& c);
    /// From now on send the MN's traffic to \p peer, starting with the buffer.
    void StartForwarding(BindingUpdateListEntry& e, HandoverContext& c, Ipv6Address peer);
    void Forward(BindingUpdateListEntry& e,
                 HandoverContext& c,
                 Ptr<const Packet> p,
                 const Ipv6Header& h);
    /// After \p delay drop the context and the MAG's entry (no signalling).
    void ScheduleCleanup(BindingUpdateListEntry& e, HandoverContext& c, Time delay);
    /**
     * The MN has left and no new MAG has claimed it yet: buffer its traffic
     * (the FPMIPv6 paper, sec. 3.4, RFC 5949 sec. 4.2); after BufferingTimeout with no
     * claim drop the buffer (traced) and de-register the MN.
     */
    void StartBuffering(BindingUpdateListEntry& e, HandoverContext& c);
    /**
     * The MN has left while the HI is still unanswered (HO_INITIATED): keep
     * the state, so that a late HAck still starts forwarding, but if no HAck
     * and no request of a new MAG comes within BufferingTimeout (HI or HAck
     * lost), drop the buffer (traced) and de-register the MN, as an
     * unclaimed buffer is.
     */
    void AwaitHack(BindingUpdateListEntry& e, HandoverContext& c);

    /**
     * Old MAG, on a predicted move of an attached MN to \p newMag: a fresh
     * context, HI to the new MAG, HO_INITIATED. \return the MN's entry, or
     * nullptr if the MN is not attached here (nothing done)
     */
    BindingUpdateListEntry* BeginHandover(std::string mn, Ipv6Address newMag, bool proxy);
    /// MN-ID, MN link-layer id and (if known) HNP options (RFC 5949 sec. 6).
    static void IdentifyMn(const BindingUpdateListEntry& e, MobilityOptions& o);
    /// Messages, with the MN's identifiers from the entry (RFC 5949 sec. 6).
    void SendHi(BindingUpdateListEntry& e,
                HandoverContext& c,
                Ipv6Address to,
                bool proxy,
                bool forward,
                uint8_t code = HandoverInitiateCode::FBU_FROM_PCOA);
    /// HAck to an HI of sequence \p sequence; its U, P and F mirror \p hi
    /// (U and F only when accepted).
    void SendHack(BindingUpdateListEntry& e,
                  uint16_t sequence,
                  Ipv6Address to,
                  uint8_t code,
                  const HiFlags& hi);
    static HiFlags FlagsOf(const HandoverInitiateHeader& hi);
    /**
     * MAG-MAG messages come only from configured neighbours
     * (Pmipv6Mag::AddNeighborMag); others are refused (counted, traced).
     */
    bool FromNeighbor(Ptr<Packet> p, const Ipv6Header& ip);
    /**
     * A HAck that refuses (Code >= 128, RFC 5568 6.2.2): counted, traced
     * (HandoverRefused), the context released. \return true if refused
     */
    bool HandleRefusal(BindingUpdateListEntry& e,
                       HandoverContext& c,
                       const HandoverAckHeader& hack);
    /**
     * RFC 5949 HI Code 2 at the MAG that forwards: forwarding is complete,
     * the context ends now (the ForwardingLifetime timer is only the safety
     * net). Before the MN has left (a second interface already at the new
     * MAG) it marks the context: nothing will need forwarding when the MN
     * goes (EndAtDetach). \return true if \p hi was such an HI (handled)
     */
    bool HandleForwardingCompleted(Ptr<Packet> p,
                                   const HandoverInitiateHeader& hi,
                                   const Ipv6Header& ip);
    /**
     * At the new MAG: once the MN is attached and registered here, nothing
     * more comes to the MAG that forwards to us; tell it (HI Code 2).
     */
    void EndPeerForwarding(BindingUpdateListEntry& e, HandoverContext& c);
    /**
     * At the detach of a MN whose new MAG already said forwarding is
     * complete: the binding has moved, the context and entry go now.
     * \return true if so (done)
     */
    bool EndAtDetach(BindingUpdateListEntry& e, HandoverContext& c);
    void SendFbu(BindingUpdateListEntry& e, HandoverContext& c, Ipv6Address to);
    void SendFback(BindingUpdateListEntry& e, uint16_t sequence, Ipv6Address to);
    /// The MAG's entry for the MN a message names (by its MN-Identifier).
    BindingUpdateListEntry* EntryOf(const MobilityOptions& o, std::string& mn, bool create);
    void L2Control(std::string mn, L2Command cmd, Ipv6Address target);

    std::map<std::string, HandoverContext> m_contexts;
    Time m_forwardingLifetime; //!< how long a context forwards (then cleaned up)

  private:
    void Cleanup(std::string mn);
    void BufferingTimeout(std::string mn);

    Time m_bufferingTimeout;
    uint32_t m_bufferPackets;
    uint32_t m_bufferBytes;
    uint16_t m_nextSequence{0};
    uint64_t m_buffered{0};
    uint64_t m_bufferDrops{0};
    uint64_t m_forwarded{0};
    uint64_t m_refused{0};
    L2ControlCallback m_l2Control;
    TracedCallback<std::string, Ipv6Address, uint8_t> m_refusedTrace;
    TracedCallback<std::string, std::string, std::string> m_stateTrace;
    TracedCallback<Ptr<const Packet>, std::string> m_bufferTrace;
    TracedCallback<Ptr<const Packet>, std::string> m_bufferDropTrace;
    TracedCallback<Ptr<const Packet>, std::string> m_forwardTrace;
};

} // namespace ns3

#endif
