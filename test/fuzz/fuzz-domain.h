// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the live-agent fuzz targets share: a small PMIPv6 domain (LMA, three
 * MAGs, one MN that registers at MAG 0) with the MAG extension of one of the
 * schemes, a way to hand a packet straight to a node's Mobility Header or
 * tunnel protocol as if it had just arrived, and the invariants that must
 * hold whatever arrived.
 */
#ifndef PMIPV6_FUZZ_DOMAIN_H
#define PMIPV6_FUZZ_DOMAIN_H

#include "fpmipv6-mag-extension.h"
#include "mobility-header.h"
#include "mobility-l4-protocol.h"
#include "pfmipv6-mag-extension.h"
#include "pmipv6-domain-helper.h"

#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace ns3
{
namespace pmipv6fuzz
{

/// Stop the fuzzer with a message: an invariant of the module is broken.
#define PMIPV6_FUZZ_CHECK(cond, what)                                                              \
    do                                                                                             \
    {                                                                                              \
        if (!(cond))                                                                               \
        {                                                                                          \
            std::fprintf(stderr, "fuzz invariant broken: %s (%s:%d)\n", what, __FILE__, __LINE__); \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

/// Reads a fuzz input front to back; past the end every read gives 0.
class ByteReader
{
  public:
    ByteReader(const uint8_t* data, size_t size)
        : m_data(data),
          m_size(size)
    {
    }

    bool AtEnd() const
    {
        return m_pos >= m_size;
    }

    uint8_t U8()
    {
        return m_pos < m_size ? m_data[m_pos++] : 0;
    }

    uint16_t U16()
    {
        uint16_t hi = U8();
        return static_cast<uint16_t>(hi << 8 | U8());
    }

    /// Up to \p n octets (fewer at the end of the input).
    std::vector<uint8_t> Bytes(size_t n)
    {
        size_t take = std::min(n, m_size - std::min(m_pos, m_size));
        std::vector<uint8_t> out(m_data + m_pos, m_data + m_pos + take);
        m_pos += take;
        return out;
    }

  private:
    const uint8_t* m_data;
    size_t m_size;
    size_t m_pos{0};
};

/// Which MAG extension every MAG of the domain runs.
enum class FuzzScheme : uint8_t
{
    PMIPV6,
    FPMIPV6,
    PFMIPV6,
    COUNT,
};

/**
 * The domain: node 0 is the LMA, nodes 1..3 the MAGs (as FuzzDomain's
 * indexes); a fifth address, a stranger's, stands for anyone else on the
 * core network. The MN attaches to MAG 0 at 10 ms.
 */
class FuzzDomain
{
  public:
    static constexpr uint32_t MAGS = 3;
    static constexpr uint32_t AGENTS = MAGS + 1; //!< LMA and MAGs
    static constexpr uint32_t SOURCES = AGENTS + 1;

    explicit FuzzDomain(FuzzScheme scheme)
    {
        Pmipv6DomainHelper::Parameters p;
        p.mags = MAGS;
        p.mns = 1;
        p.rttMagLma = MilliSeconds(10);
        p.rttMagMag = MilliSeconds(4);
        p.rttMagAp = MilliSeconds(2);
        p.dhoL2 = MilliSeconds(5);
        if (scheme != FuzzScheme::PMIPV6)
        {
            m_domain.SetLmaExtension("ns3::RelayedUplinkLmaExtension");
        }
        if (scheme == FuzzScheme::FPMIPV6)
        {
            m_domain.SetMagExtensionFactory(
                [](uint32_t) -> Ptr<MagExtension> { return CreateObject<Fpmipv6MagExtension>(); });
        }
        else if (scheme == FuzzScheme::PFMIPV6)
        {
            m_domain.SetMagExtensionFactory(
                [](uint32_t) -> Ptr<MagExtension> { return CreateObject<Pfmipv6MagExtension>(); });
        }
        m_domain.Build(p);
    }

    /// The scheme from the input's next octet (the live targets' first).
    explicit FuzzDomain(ByteReader& in)
        : FuzzDomain(static_cast<FuzzScheme>(in.U8() % static_cast<uint8_t>(FuzzScheme::COUNT)))
    {
    }

    /// Run the simulation until \p until, then check the invariants.
    void RunAndCheck(Time until)
    {
        Simulator::Stop(until);
        Simulator::Run();
        CheckInvariants();
    }

    ~FuzzDomain()
    {
        Simulator::Destroy();
    }

    Pmipv6DomainHelper& GetDomain()
    {
        return m_domain;
    }

    /// Agent \p i: 0 the LMA, 1..MAGS the MAGs.
    Ptr<Node> GetAgentNode(uint32_t i) const
    {
        return i == 0 ? m_domain.GetLma() : m_domain.GetMag(i - 1);
    }

    Ipv6Address GetAgentAddress(uint32_t i) const
    {
        return i == 0 ? m_domain.GetLmaAddress() : m_domain.GetProxyCoa(i - 1);
    }

    /// Source \p i: an agent's address, or for i >= AGENTS a stranger's.
    Ipv6Address GetSourceAddress(uint32_t i) const
    {
        return i < AGENTS ? GetAgentAddress(i) : Ipv6Address("2001:99::1");
    }

    /**
     * Hand \p payload to agent \p to's protocol \p protocol (135 or 41) as
     * if it had just arrived from \p src on its first core interface.
     */
    void Inject(uint32_t to, Ipv6Address src, uint8_t protocol, Ptr<Packet> payload)
    {
        Ptr<Node> node = GetAgentNode(to);
        Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
        Ipv6Header ip;
        ip.SetSource(src);
        ip.SetDestination(GetAgentAddress(to));
        ip.SetNextHeader(protocol);
        ip.SetPayloadLength(payload->GetSize());
        ip.SetHopLimit(64);
        Ptr<IpL4Protocol> l4 = ipv6->GetProtocol(protocol);
        if (l4)
        {
            l4->Receive(payload, ip, ipv6->GetInterface(1));
        }
    }

    /// Schedule Inject() \p delay from now.
    void InjectAfter(Time delay, uint32_t to, Ipv6Address src, uint8_t protocol, Ptr<Packet> p)
    {
        Simulator::ScheduleWithContext(GetAgentNode(to)->GetId(),
                                       delay,
                                       &FuzzDomain::Inject,
                                       this,
                                       to,
                                       src,
                                       protocol,
                                       p);
    }

    /**
     * Indexes that must agree whatever arrived: every binding of the LMA
     * and of each MAG is found again by its prefix, and no two MNs share
     * a prefix.
     */
    void CheckInvariants()
    {
        std::vector<std::string> ids;
        m_domain.GetLmaApp()->GetBindingCache().ForEach([&](BindingCacheEntry& e) {
            ids.push_back(e.mnIdentifier);
            if (!e.homeNetworkPrefix.prefix.IsAny())
            {
                BindingCacheEntry* byPrefix =
                    m_domain.GetLmaApp()->GetBindingCache().FindByPrefix(
                        e.homeNetworkPrefix.prefix);
                PMIPV6_FUZZ_CHECK(byPrefix == &e, "LMA: a binding is not found by its prefix");
            }
        });
        for (uint32_t m = 0; m < MAGS; ++m)
        {
            BindingUpdateList& list = m_domain.GetMagApp(m)->GetBindingUpdateList();
            PMIPV6_FUZZ_CHECK(list.GetSize() <= 1, "MAG: more entries than MNs with a policy");
            BindingUpdateListEntry* e = list.Find(m_domain.GetMnIdentifier(0));
            if (e && !e->homeNetworkPrefix.prefix.IsAny())
            {
                PMIPV6_FUZZ_CHECK(list.FindByPrefix(e->homeNetworkPrefix.prefix) == e,
                                  "MAG: an entry is not found by its prefix");
            }
        }
    }

  private:
    Pmipv6DomainHelper m_domain;
};

/**
 * Write the RFC 6275 sec. 6.1.1 checksum of a Mobility Header in \p bytes
 * (offset 4) for the pair (src, dst), so that a fuzzed message gets past the
 * checksum check to the parsers behind it. Shorter than 6 octets: unchanged.
 */
inline void
FixMobilityChecksum(std::vector<uint8_t>& bytes, Ipv6Address src, Ipv6Address dst)
{
    if (bytes.size() < MobilityHeader::COMMON_SIZE)
    {
        return;
    }
    bytes[4] = bytes[5] = 0;
    uint32_t sum = 0;
    auto add16 = [&sum](uint8_t hi, uint8_t lo) { sum += uint32_t(hi) << 8 | lo; };
    uint8_t a[16];
    src.Serialize(a);
    for (int i = 0; i < 16; i += 2)
    {
        add16(a[i], a[i + 1]);
    }
    dst.Serialize(a);
    for (int i = 0; i < 16; i += 2)
    {
        add16(a[i], a[i + 1]);
    }
    uint32_t length = bytes.size();
    sum += (length >> 16) + (length & 0xffff) + MobilityHeader::PROT_NUMBER;
    for (size_t i = 0; i < bytes.size(); i += 2)
    {
        add16(bytes[i], i + 1 < bytes.size() ? bytes[i + 1] : 0);
    }
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    uint16_t checksum = static_cast<uint16_t>(~sum);
    bytes[4] = checksum >> 8;
    bytes[5] = checksum & 0xff;
}

/// Quiet: no ns-3 log output, whatever NS_LOG says in the environment.
inline void
SilenceLogs()
{
    LogComponentDisableAll(LOG_LEVEL_ALL);
}

} // namespace pmipv6fuzz
} // namespace ns3

#endif
