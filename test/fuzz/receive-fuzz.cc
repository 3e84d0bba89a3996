// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target: the receive paths of a live domain. Arbitrary octets
 * arrive at the LMA's or a MAG's Mobility Header protocol (next header 135:
 * length and checksum checks, dispatch, the LMA's and MAGs' handlers and
 * their extensions) or tunnel protocol (next header 41: decapsulation and
 * the agents' routing hooks), from a peer agent or a stranger, while the MN
 * registers and its binding lives.
 *
 * Input: one octet for the scheme, then records
 *     to(1) from(1) flags(1) delay_ms(1) length(2, big endian) octets(length)
 * flags bit 0: tunnel (41) instead of Mobility Header (135); bit 1: leave
 * the checksum as it is (otherwise it is made right, so that the octets
 * reach the parsers). The fuzz-corpus program writes real messages in this
 * form.
 */
#include "fuzz-domain.h"

using namespace ns3;
using namespace ns3::pmipv6fuzz;

extern "C" int
LLVMFuzzerInitialize(int*, char***)
{
    SilenceLogs();
    return 0;
}

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    ByteReader in(data, size);
    FuzzDomain domain(in);
    Time at = MilliSeconds(30); // after the MN's first registration has started
    for (int records = 0; !in.AtEnd() && records < 64; ++records)
    {
        uint32_t to = in.U8() % FuzzDomain::AGENTS;
        Ipv6Address src = domain.GetSourceAddress(in.U8() % FuzzDomain::SOURCES);
        uint8_t flags = in.U8();
        at += MilliSeconds(in.U8());
        std::vector<uint8_t> bytes = in.Bytes(in.U16() % 2048);
        uint8_t protocol = (flags & 1) ? 41 : MobilityHeader::PROT_NUMBER;
        if (protocol == MobilityHeader::PROT_NUMBER && !(flags & 2))
        {
            FixMobilityChecksum(bytes, src, domain.GetAgentAddress(to));
        }
        domain.InjectAfter(at, to, src, protocol, Create<Packet>(bytes.data(), bytes.size()));
    }
    domain.RunAndCheck(at + Seconds(3));
    return 0;
}
