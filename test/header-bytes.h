// SPDX-License-Identifier: GPL-2.0-only
/*
 * Octet helpers shared by the wire-format tests: what a header puts on the
 * wire, parsing from exactly given octets, and an independent RFC 1071
 * Mobility Header checksum to cross-check the module's.
 */
#ifndef PMIPV6_TEST_HEADER_BYTES_H
#define PMIPV6_TEST_HEADER_BYTES_H

#include "ns3/buffer.h"
#include "ns3/header.h"
#include "ns3/ipv6-address.h"
#include "ns3/packet.h"

#include <cstdint>
#include <vector>

namespace pmipv6test
{

using Bytes = std::vector<uint8_t>;

/// The octets a header puts on the wire (through Packet::AddHeader, as the stack does).
inline Bytes
Wire(const ns3::Header& h)
{
    ns3::Ptr<ns3::Packet> p = ns3::Create<ns3::Packet>();
    p->AddHeader(h);
    Bytes out(p->GetSize());
    p->CopyData(out.data(), out.size());
    return out;
}

/// Deserializes from a buffer holding exactly these octets.
inline uint32_t
Parse(const Bytes& b, ns3::Header& h)
{
    ns3::Buffer buffer;
    buffer.AddAtStart(b.size());
    if (!b.empty())
    {
        buffer.Begin().Write(b.data(), b.size());
    }
    return h.Deserialize(buffer.Begin());
}

inline void
Append(Bytes& b, const ns3::Ipv6Address& a)
{
    uint8_t buf[16];
    a.Serialize(buf);
    b.insert(b.end(), buf, buf + 16);
}

/// Independent RFC 1071 checksum over the pseudo-header (RFC 2460 8.1, next
/// header 135) and the bytes, for cross-checking.
inline uint16_t
ReferenceChecksum(ns3::Ipv6Address src, ns3::Ipv6Address dst, const Bytes& b)
{
    Bytes all;
    Append(all, src);
    Append(all, dst);
    uint32_t len = b.size();
    all.insert(all.end(),
               {uint8_t(len >> 24), uint8_t(len >> 16), uint8_t(len >> 8), uint8_t(len)});
    all.insert(all.end(), {0, 0, 0, 135});
    all.insert(all.end(), b.begin(), b.end());
    if (all.size() % 2)
    {
        all.push_back(0);
    }
    uint64_t sum = 0;
    for (size_t k = 0; k < all.size(); k += 2)
    {
        sum += (all[k] << 8) | all[k + 1];
    }
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return static_cast<uint16_t>(~sum & 0xffff);
}

} // namespace pmipv6test

#endif
