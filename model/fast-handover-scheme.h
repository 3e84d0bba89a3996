// SPDX-License-Identifier: GPL-2.0-only
/*
 * "A Fast Handover Scheme in Proxy Mobile IPv6" as the Context Reflector
 * paper describes it (sec. 4.2, Fig. 11; sec. 4.3.2): the previous MAG's
 * Fast PBU makes the LMA move the binding to the new MAG and send it the
 * MN's context in a Reverse PBU; the new MAG buffers until the MN attaches.
 */
#ifndef FAST_HANDOVER_SCHEME_H
#define FAST_HANDOVER_SCHEME_H

#include "ns3/traced-callback.h"
#include "pmipv6-lma.h"
#include "pmipv6-mag.h"

#include <deque>
#include <map>

namespace ns3
{

/**
 * Subtypes of the Fast Handover Scheme's messages in the Experimental
 * Mobility Header (defaults of the extensions' attributes; no values are
 * assigned). The Context Reflection uses 1.
 */
namespace FastHandoverSchemeSubtype
{
enum : uint8_t
{
    FAST_PBU = 2,    //!< pMAG -> LMA: MN-ID, MN-LL-ID, nMAG address
    FAST_PBA = 3,    //!< LMA -> pMAG: Status
    REVERSE_PBU = 4, //!< LMA -> nMAG: MN-ID, MN-LL-ID, HNP, binding lifetime
    REVERSE_PBA = 5, //!< nMAG -> LMA: Status
};
} // namespace FastHandoverSchemeSubtype

/**
 * \ingroup pmipv6
 * The Fast Handover Scheme at the LMA. A Fast PBU from the MAG serving a
 * MN (its Proxy-CoA) naming another trusted MAG is accepted with a Fast
 * PBA; the LMA sends that nMAG a Reverse PBU with the MN's context and
 * moves the binding there (Pmipv6Lma::MoveBinding) on the Fast PBU (sec.
 * 4.3.2) or, with SwitchOn=ReversePba, on the Reverse PBA (as sec. 4.2
 * can be read). From then on the pMAG's uplink for the MN is refused (no
 * allowance: sec. 4.3.2). If another MAG registers the MN while the move
 * is recent (ContextLifetime), the prediction was wrong: the nMAG's state
 * is revoked with a BRI.
 */
class FastHandoverSchemeLmaExtension : public LmaExtension
{
  public:
    enum SwitchOn
    {
        ON_FAST_PBU,    //!< sec. 4.3.2
        ON_REVERSE_PBA, //!< sec. 4.2 read literally
    };

    static TypeId GetTypeId();

    void Install(Ptr<Pmipv6Lma> lma) override;
    void NotifyRegistered(BindingCacheEntry& e, Ipv6Address oldProxyCoa) override;

    /// A message sent or received: "sent"/"received", its name, MN-ID, peer, sequence, status.
    typedef void (*MessageTracedCallback)(std::string direction,
                                          std::string message,
                                          std::string mnId,
                                          Ipv6Address peer,
                                          uint16_t seq,
                                          uint8_t status);

  protected:
    void DoDispose() override;

  private:
    template <class T> friend TypeId AddFastHandoverSchemeAttributes(TypeId tid);

    struct Move
    {
        Ipv6Address pMag;
        Ipv6Address nMag;
        uint16_t reverseSequence{0};
        bool switched{false};
        EventId expiry;
    };

    void Receive(Ptr<Packet> p, const Ipv6Header& ip);
    void RecvFastPbu(const ExperimentalMobilityHeader& m, Ipv6Address from);
    void RecvReversePba(const ExperimentalMobilityHeader& m, Ipv6Address from);
    void Send(ExperimentalMobilityHeader& m, Ipv6Address to, const std::string& name);
    void Forget(std::string mnId);

    uint8_t m_fastPbu;
    uint8_t m_fastPba;
    uint8_t m_reversePbu;
    uint8_t m_reversePba;
    uint8_t m_optionSubtype;
    SwitchOn m_switchOn;
    Time m_lifetime;
    uint16_t m_sequence{0};
    std::map<std::string, Move> m_moves;
    TracedCallback<std::string, std::string, std::string, Ipv6Address, uint16_t, uint8_t>
        m_messageTrace;
};

/**
 * \ingroup pmipv6
 * The Fast Handover Scheme at a MAG, in both roles. pMAG: on the L2
 * prediction (PredictHandover) it sends the Fast PBU; on the Fast PBA the
 * binding has moved (Pmipv6Mag::MarkBindingMoved): it goes on delivering
 * what still arrives to the MN while it is here, and tunnels its uplink to
 * the LMA, which refuses it. nMAG: a Reverse PBU from the LMA makes the MN
 * registered here (Pmipv6Mag::AdoptBinding), answered with a Reverse PBA;
 * its downlink is held until the MN attaches (the RA goes at once, no
 * PBU), or dropped (traced) after ContextLifetime if it never comes.
 */
class FastHandoverSchemeMagExtension : public MagExtension
{
  public:
    static TypeId GetTypeId();

    void Install(Ptr<Pmipv6Mag> mag) override;
    void NotifyAttach(BindingUpdateListEntry& e) override;
    bool NotifyDetach(BindingUpdateListEntry& e) override;
    bool HandleUndeliverable(BindingUpdateListEntry& e,
                             Ptr<const Packet> p,
                             const Ipv6Header& header) override;
    bool HandleUplink(BindingUpdateListEntry& e,
                      Ptr<const Packet> p,
                      const Ipv6Header& header) override;
    bool NotifyRevoked(const std::string& mnId, BindingUpdateListEntry* e) override;

    /// L2 trigger at the pMAG: \p mn is expected to move to \p newMag.
    void PredictHandover(const std::string& mnId, Ipv6Address newMag);
    /// Has this MAG received the MN's context in a Reverse PBU (still held)?
    bool HasContext(const std::string& mnId) const;
    bool HasContext(const BindingUpdateListEntry& e) const override;

    typedef void (*MessageTracedCallback)(std::string direction,
                                          std::string message,
                                          std::string mnId,
                                          Ipv6Address peer,
                                          uint16_t seq,
                                          uint8_t status);
    typedef void (*PacketTracedCallback)(Ptr<const Packet> p, std::string mnId);

  protected:
    void DoDispose() override;

  private:
    template <class T> friend TypeId AddFastHandoverSchemeAttributes(TypeId tid);

    struct MnState
    {
        uint16_t fastSequence{0}; //!< pMAG: of the Fast PBU sent
        bool moved{false};        //!< pMAG: the Fast PBA accepted the move
        bool context{false};      //!< nMAG: Reverse PBU received
        EventId expiry;
        std::deque<std::pair<Ptr<Packet>, Ipv6Header>> buffer;
    };

    void Receive(Ptr<Packet> p, const Ipv6Header& ip);
    void Send(ExperimentalMobilityHeader& m,
              Ipv6Address to,
              const std::string& name,
              const std::string& mnId);
    void Expire(std::string mnId);
    void DropBuffer(MnState& s, const std::string& mnId);

    uint8_t m_fastPbu;
    uint8_t m_fastPba;
    uint8_t m_reversePbu;
    uint8_t m_reversePba;
    uint8_t m_optionSubtype;
    Time m_lifetime;
    uint32_t m_bufferPackets;
    uint16_t m_sequence{0};
    std::map<std::string, MnState> m_states; //!< by MN-ID
    TracedCallback<std::string, std::string, std::string, Ipv6Address, uint16_t, uint8_t>
        m_messageTrace;
    TracedCallback<Ptr<const Packet>, std::string> m_bufferTrace;
    TracedCallback<Ptr<const Packet>, std::string> m_bufferDropTrace;
};

} // namespace ns3

#endif
