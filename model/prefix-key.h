/*
 * Home network prefixes are /64 (RFC 5213 sec. 2.2 allows others, but the
 * MN's address is configured by SLAAC, RFC 4862, so /64 is what works):
 * the upper 64 bits of an address name its prefix, a cheap hash key for the
 * per-packet lookups of LMA and MAG.
 */
#ifndef PREFIX_KEY_H
#define PREFIX_KEY_H

#include "ns3/ipv6-address.h"
#include "ns3/mac48-address.h"

#include <cstdint>
#include <functional>

namespace ns3
{

inline uint64_t
PrefixKey(const Ipv6Address& address)
{
    uint8_t bytes[16];
    address.GetBytes(bytes);
    uint64_t key = 0;
    for (int i = 0; i < 8; ++i)
    {
        key = (key << 8) | bytes[i];
    }
    return key;
}

/// Hash of a MAC address (its 48 bits), for per-packet and per-message lookups by MN.
struct Mac48AddressHash
{
    size_t operator()(const Mac48Address& address) const
    {
        uint8_t bytes[6];
        address.CopyTo(bytes);
        uint64_t key = 0;
        for (uint8_t b : bytes)
        {
            key = (key << 8) | b;
        }
        return std::hash<uint64_t>()(key);
    }
};

} // namespace ns3

#endif
