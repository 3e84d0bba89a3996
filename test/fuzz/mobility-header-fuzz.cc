// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target: every Mobility Header message class and, through them,
 * every mobility option parser, on arbitrary octets.
 *
 * Input: one octet choosing the message class (in the order of the switch
 * below), then the octets to parse.
 * Properties checked beyond "no crash, no read past the buffer" (ns-3's
 * Buffer::Iterator asserts on an out-of-range read in this build):
 *  - Deserialize reads at most what it was given, and 0 leaves the header
 *    as it was (the message class's contract);
 *  - whatever parses serialises to octets that parse again to the same
 *    message (options, flags, fields), and those octets are stable.
 */
#include "experimental-mobility-header.h"
#include "fuzz-domain.h"
#include "mobility-header.h"

#include "ns3/packet.h"

#include <sstream>

using namespace ns3;
using namespace ns3::pmipv6fuzz;

namespace
{

std::vector<uint8_t>
Serialize(const MobilityHeader& h)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    std::vector<uint8_t> out(p->GetSize());
    p->CopyData(out.data(), out.size());
    return out;
}

template <class H>
void
FuzzOne(const uint8_t* data, size_t size)
{
    Ptr<Packet> p = Create<Packet>(data, size);
    H untouched;
    H h;
    std::vector<uint8_t> before = Serialize(h);
    uint32_t read = p->RemoveHeader(h);
    if (read == 0)
    {
        PMIPV6_FUZZ_CHECK(Serialize(h) == before, "a refused message changed the header");
        PMIPV6_FUZZ_CHECK(h.GetOptions() == untouched.GetOptions(),
                          "a refused message changed the options");
        return;
    }
    PMIPV6_FUZZ_CHECK(read <= size, "Deserialize read more than it was given");
    PMIPV6_FUZZ_CHECK(read % 8 == 0, "a Mobility Header is a multiple of 8 octets");
    std::ostringstream printed;
    h.Print(printed);

    std::vector<uint8_t> once = Serialize(h);
    Ptr<Packet> again = Create<Packet>(once.data(), once.size());
    H h2;
    PMIPV6_FUZZ_CHECK(again->RemoveHeader(h2) == once.size(), "own output does not parse");
    // Unrecognised options are counted on receive and never written again
    // (RFC 6275 sec. 9.2.1: skipped), so only the count may differ.
    MobilityOptions known = h.GetOptions();
    known.unknownOptions = 0;
    PMIPV6_FUZZ_CHECK(h2.GetOptions() == known, "options changed in a round trip");
    PMIPV6_FUZZ_CHECK(Serialize(h2) == once, "serialisation is not stable");

    uint8_t type = 0;
    Ptr<Packet> whole = Create<Packet>(data, size);
    PMIPV6_FUZZ_CHECK(MobilityHeader::PeekMhType(whole, type), "PeekMhType refuses a message");
    PMIPV6_FUZZ_CHECK(type == static_cast<uint8_t>(h.GetMhType()), "PeekMhType disagrees");
    MobilityHeader::VerifyChecksum(whole, Ipv6Address("2001:1::1"), Ipv6Address("2001:2::1"));
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
    {
        return 0;
    }
    const uint8_t* body = data + 1;
    size_t n = size - 1;
    switch (data[0] % 9)
    {
    case 0:
        FuzzOne<BindingUpdateHeader>(body, n);
        break;
    case 1:
        FuzzOne<BindingAckHeader>(body, n);
        break;
    case 2:
        FuzzOne<FastBindingUpdateHeader>(body, n);
        break;
    case 3:
        FuzzOne<FastBindingAckHeader>(body, n);
        break;
    case 4:
        FuzzOne<HandoverInitiateHeader>(body, n);
        break;
    case 5:
        FuzzOne<HandoverAckHeader>(body, n);
        break;
    case 6:
        FuzzOne<BindingErrorHeader>(body, n);
        break;
    case 7:
        FuzzOne<ExperimentalMobilityHeader>(body, n);
        break;
    case 8:
        FuzzOne<BindingRevocationHeader>(body, n);
        break;
    }
    // Any octets at all: the common-part peek must never read past them.
    uint8_t type = 0;
    MobilityHeader::PeekMhType(Create<Packet>(body, n), type);
    return 0;
}
