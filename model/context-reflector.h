// SPDX-License-Identifier: GPL-2.0-only
/*
 * Context Reflector for Proxy Mobile IPv6 (the Context Reflector paper,
 * sec. 3): the previous MAG hands the MN's context to the LMA in its
 * de-registration PBU, the LMA keeps a Context Cache Entry, reflects the
 * context to the new MAG and alone manages the MN's traffic meanwhile.
 */
#ifndef CONTEXT_REFLECTOR_H
#define CONTEXT_REFLECTOR_H

#include "ns3/traced-callback.h"
#include "pmipv6-lma.h"
#include "pmipv6-mag.h"

#include <deque>
#include <map>

namespace ns3
{

/**
 * Feature Profile Types of the Context Data options (the Context Reflector
 * paper, sec. 3.5.2, names the field but assigns no values; these are this
 * module's). MN-ID and HNP travel as their standard options beside them.
 */
namespace ContextFeature
{
enum : uint8_t
{
    NEW_MAG_ADDRESS = 1, //!< the nMAG's Proxy-CoA (16 octets), from the L2 prediction
    AAA_STATE = 2,       //!< policy profile: the LMA address (16 octets) and the MN-ID
    ROHC = 3,            //!< opaque header-compression state
    QOS = 4,             //!< opaque QoS state
};
} // namespace ContextFeature

/**
 * \ingroup pmipv6
 * Context Reflector at the LMA (the Context Reflector paper, sec. 3.3,
 * 3.4). On a de-registration PBU with the context flag and a Context Data
 * option naming the nMAG, the Proxy BCE gives way to a Context Cache Entry
 * (CCE) for ContextLifetime holding both MAGs: the uplink of the MN is
 * admitted from both (Pmipv6Lma::AllowUplink), its downlink is buffered
 * here (Downlink=Buffer, bounded, flushed on the nMAG's PBU) or sent to
 * the nMAG at once (Downlink=Forward, the nMAG holds it), and the context
 * is reflected to the nMAG in a Context Reflection message (RFC 5096
 * Experimental Mobility Header, Subtype MessageSubtype). The nMAG's PBU
 * turns the CCE into a Proxy BCE and the pMAG's state is revoked (RFC 5846
 * BRI). A PBU from another MAG (wrong prediction) drops the CCE (what it
 * buffered goes to that MAG) and revokes the reflected context at the
 * predicted nMAG. The CCE's expiry drops it even mid-handover.
 */
class ContextReflectorLmaExtension : public LmaExtension
{
  public:
    /// Where the downlink goes while the CCE lives (sec. 3.4).
    enum Downlink
    {
        BUFFER,  //!< kept at the LMA, flushed on the nMAG's PBU
        FORWARD, //!< sent to the nMAG at once
    };

    static TypeId GetTypeId();

    void NotifyDeregistered(BindingCacheEntry& e, const BindingUpdateHeader& pbu) override;
    void NotifyRegistered(BindingCacheEntry& e, Ipv6Address oldProxyCoa) override;
    bool HandleDownlink(BindingCacheEntry& e, Ptr<const Packet> p, const Ipv6Header& h) override;
    void NotifyDeleted(BindingCacheEntry& e) override;

    /// Is there a CCE for the MN? (its MAGs in \p pMag / \p nMag if given)
    bool HasCce(const std::string& mnId,
                Ipv6Address* pMag = nullptr,
                Ipv6Address* nMag = nullptr) const;
    uint64_t GetBufferedCount() const;
    uint64_t GetBufferDropCount() const;

    typedef void (*CceTracedCallback)(std::string mnId,
                                      Ipv6Address pMag,
                                      Ipv6Address nMag,
                                      std::string event);
    typedef void (*ReflectionTracedCallback)(std::string mnId,
                                             Ipv6Address nMag,
                                             uint16_t seq,
                                             uint32_t bytes);
    typedef void (*PacketTracedCallback)(Ptr<const Packet> p, std::string mnId);

  protected:
    void DoDispose() override;

  private:
    struct Cce
    {
        Ipv6Address pMag;
        Ipv6Address nMag;
        uint16_t sequence{0};
        EventId expiry;
        std::deque<std::pair<Ptr<Packet>, Ipv6Header>> buffer;
    };

    void SendReflection(BindingCacheEntry& e, const BindingUpdateHeader& pbu, const Cce& c);
    void Expire(std::string mnId);
    /// Sec. 3.3 (6): after the PBA (scheduled now), a BRI to \p mag.
    void Revoke(std::string mnId, Ipv6Address mag, uint8_t trigger);
    /// Remove the CCE: its allowances end, its buffer goes to \p flushTo (or is dropped if ::).
    void Remove(BindingCacheEntry& e, Ipv6Address flushTo, const std::string& event);

    uint8_t m_messageSubtype;
    uint8_t m_optionSubtype;
    Time m_lifetime;
    Downlink m_downlink;
    uint32_t m_bufferPackets;
    bool m_revoke;
    std::map<std::string, Cce> m_cces;
    uint64_t m_buffered{0};
    uint64_t m_bufferDrops{0};
    TracedCallback<std::string, Ipv6Address, Ipv6Address, std::string> m_cceTrace;
    TracedCallback<std::string, Ipv6Address, uint16_t, uint32_t> m_reflectionTrace;
    TracedCallback<Ptr<const Packet>, std::string> m_bufferTrace;
    TracedCallback<Ptr<const Packet>, std::string> m_bufferDropTrace;
};

/**
 * \ingroup pmipv6
 * Context Reflector at a MAG, in both roles.
 *
 * pMAG: the L2 prediction (PredictHandover) names the nMAG; when the MN
 * leaves, the core's de-registration PBU gets the context flag and the
 * Context Data options (RFC 5096 Experimental Mobility Options, Subtype
 * OptionSubtype): the nMAG's address, the AAA state and opaque ROHC and
 * QoS state of ContextSize octets in all. Uplink that still reaches it
 * from the departed MN is tunnelled to the LMA, which admits it while the
 * CCE lives.
 *
 * nMAG: a Context Reflection from the LMA gives it the MN's context: it
 * creates the MN's entry with its HNP, holds downlink the LMA sends ahead
 * (bounded buffer) and delivers it on the attach; the core then registers
 * the MN with its PBU (no AAA exchange: HasContext). Until the PBA the
 * MN's uplink goes straight to the LMA (admitted by the CCE). The
 * context ends with the registration, with its lifetime, or with a BRI.
 */
class ContextReflectorMagExtension : public MagExtension
{
  public:
    static TypeId GetTypeId();

    void Install(Ptr<Pmipv6Mag> mag) override;
    void NotifyAttach(BindingUpdateListEntry& e) override;
    void NotifyRegistered(BindingUpdateListEntry& e) override;
    bool HandleUndeliverable(BindingUpdateListEntry& e,
                             Ptr<const Packet> p,
                             const Ipv6Header& header) override;
    bool HandleUplink(BindingUpdateListEntry& e,
                      Ptr<const Packet> p,
                      const Ipv6Header& header) override;
    void DecoratePbu(BindingUpdateListEntry& e, BindingUpdateHeader& pbu) override;
    bool NotifyRevoked(const std::string& mnId, BindingUpdateListEntry* e) override;

    /// L2 trigger at the pMAG: \p mn is expected to move to \p newMag (sec. 3.6).
    void PredictHandover(const std::string& mnId, Ipv6Address newMag);
    /// Has this MAG received (and still holds) the MN's context?
    bool HasContext(const std::string& mnId) const;
    bool HasContext(const BindingUpdateListEntry& e) const override;

    uint64_t GetBufferedCount() const;
    uint64_t GetBufferDropCount() const;

    typedef void (*ContextTracedCallback)(std::string mnId, std::string event);
    typedef void (*PacketTracedCallback)(Ptr<const Packet> p, std::string mnId);

  protected:
    void DoDispose() override;

  private:
    struct MnContext
    {
        std::string mnId;
        Ipv6Address predictedMag; //!< pMAG: the nMAG the L2 named
        bool reflected{false};    //!< nMAG: context received from the LMA
        Ipv6Address lma;          //!< nMAG: the LMA that sent it
        EventId expiry;
        std::deque<std::pair<Ptr<Packet>, Ipv6Header>> buffer;
    };

    void RecvReflection(Ptr<Packet> p, const Ipv6Header& ip);
    void Expire(std::string mnId);
    /// End a context: its buffer is dropped (traced), the tunnel endpoint released.
    void End(const std::string& mnId, const std::string& event);

    uint8_t m_messageSubtype;
    uint8_t m_optionSubtype;
    uint32_t m_contextSize;
    uint32_t m_bufferPackets;
    std::map<std::string, MnContext> m_contexts; //!< by MN-ID
    uint64_t m_buffered{0};
    uint64_t m_bufferDrops{0};
    TracedCallback<std::string, std::string> m_contextTrace;
    TracedCallback<Ptr<const Packet>, std::string> m_bufferTrace;
    TracedCallback<Ptr<const Packet>, std::string> m_bufferDropTrace;
};

} // namespace ns3

#endif
