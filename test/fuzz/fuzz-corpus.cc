// SPDX-License-Identifier: GPL-2.0-only
/*
 * Writes the fuzz targets' seed corpora from real messages: it runs
 * handovers under each scheme in the fuzz targets' own domain, records every
 * Mobility Header message the agents send (PBU, PBA, HI, HAck, FBU, FBack,
 * de-registrations), and stores each in the input form of each target.
 *
 *     fuzz-corpus DIR     writes DIR/mobility-header, DIR/receive,
 *                         DIR/agent-sequence
 */
#include "fuzz-domain.h"

#include "ns3/callback.h"

#include <fstream>
#include <iostream>
#include <sys/stat.h>

using namespace ns3;
using namespace ns3::pmipv6fuzz;

namespace
{

struct Captured
{
    uint8_t scheme;
    uint32_t from;
    uint32_t to;
    std::vector<uint8_t> bytes;
};

std::vector<Captured> g_messages;

void
WriteFile(const std::string& path, const std::vector<uint8_t>& bytes)
{
    std::ofstream f(path, std::ios::binary);
    f.write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    if (!f)
    {
        std::cerr << "fuzz-corpus: cannot write " << path << "\n";
        std::exit(1);
    }
}

/// Index of the agent with this address in the fuzz domain, SOURCES-1 if none.
uint32_t
AgentIndex(FuzzDomain& d, Ipv6Address a)
{
    for (uint32_t i = 0; i < FuzzDomain::AGENTS; ++i)
    {
        if (d.GetAgentAddress(i) == a)
        {
            return i;
        }
    }
    return FuzzDomain::SOURCES - 1;
}

/// The mobility-header target's selector for an MH Type (its switch order).
uint8_t
Selector(uint8_t mhType)
{
    switch (static_cast<MhType>(mhType))
    {
    case MhType::BindingUpdate:
        return 0;
    case MhType::BindingAck:
        return 1;
    case MhType::FastBindingUpdate:
        return 2;
    case MhType::FastBindingAck:
        return 3;
    case MhType::HandoverInitiate:
        return 4;
    case MhType::HandoverAck:
        return 5;
    case MhType::BindingError:
        return 6;
    }
    return 0;
}

/// Two handovers MAG 0 -> 1 (predicted 40 ms ahead) -> 0 (unpredicted).
void
Capture(FuzzScheme scheme)
{
    FuzzDomain d(scheme);
    for (uint32_t i = 0; i < FuzzDomain::AGENTS; ++i)
    {
        // The agents take the node's protocol when they start; installing it
        // now is what they would do themselves.
        Ptr<MobilityL4Protocol> mh = GetOrInstallL4Protocol<MobilityL4Protocol>(d.GetAgentNode(i));
        mh->TraceConnectWithoutContext(
            "Tx",
            MakeBoundCallback(
                +[](FuzzDomain* d, uint8_t s, Ptr<const Packet> p, Ipv6Address src, Ipv6Address dst) {
                    std::vector<uint8_t> bytes(p->GetSize());
                    p->CopyData(bytes.data(), bytes.size());
                    g_messages.push_back(Captured{s, AgentIndex(*d, src), AgentIndex(*d, dst), bytes});
                },
                &d,
                static_cast<uint8_t>(scheme)));
    }
    Pmipv6DomainHelper& domain = d.GetDomain();
    Simulator::Schedule(Seconds(1) - MilliSeconds(40), [&domain]() {
        Ptr<FastHandoverMagExtension> ext =
            DynamicCast<FastHandoverMagExtension>(domain.GetMagApp(0)->GetExtension());
        if (ext)
        {
            ext->PredictHandover(domain.GetMnIdentifier(0), domain.GetProxyCoa(1));
        }
    });
    domain.ScheduleHandover(0, Seconds(1), 1);
    domain.ScheduleHandover(0, Seconds(2), 0);
    Simulator::Stop(Seconds(4));
    Simulator::Run();
}

} // namespace

int
main(int argc, char* argv[])
{
    if (argc != 2)
    {
        std::cerr << "usage: fuzz-corpus DIR\n";
        return 2;
    }
    SilenceLogs();
    std::string dir = argv[1];
    for (const std::string& sub : {"", "/mobility-header", "/receive", "/agent-sequence"})
    {
        mkdir((dir + sub).c_str(), 0755);
    }
    for (uint8_t s = 0; s < static_cast<uint8_t>(FuzzScheme::COUNT); ++s)
    {
        Capture(static_cast<FuzzScheme>(s));
    }
    std::vector<uint8_t> sequence[static_cast<int>(FuzzScheme::COUNT)];
    for (size_t i = 0; i < g_messages.size(); ++i)
    {
        const Captured& m = g_messages[i];
        std::vector<uint8_t> header{Selector(m.bytes.size() > 2 ? m.bytes[2] : 0)};
        header.insert(header.end(), m.bytes.begin(), m.bytes.end());
        WriteFile(dir + "/mobility-header/real-" + std::to_string(i), header);

        std::vector<uint8_t> record{static_cast<uint8_t>(m.to),
                                    static_cast<uint8_t>(m.from),
                                    0,
                                    5,
                                    static_cast<uint8_t>(m.bytes.size() >> 8),
                                    static_cast<uint8_t>(m.bytes.size() & 0xff)};
        record.insert(record.end(), m.bytes.begin(), m.bytes.end());
        std::vector<uint8_t> single{m.scheme};
        single.insert(single.end(), record.begin(), record.end());
        WriteFile(dir + "/receive/real-" + std::to_string(i), single);
        sequence[m.scheme].insert(sequence[m.scheme].end(), record.begin(), record.end());
    }
    for (uint8_t s = 0; s < static_cast<uint8_t>(FuzzScheme::COUNT); ++s)
    {
        std::vector<uint8_t> all{s};
        all.insert(all.end(), sequence[s].begin(), sequence[s].end());
        WriteFile(dir + "/receive/replay-scheme-" + std::to_string(s), all);

        // A prediction, the handover, then a stale PBU and a HAck that refuses.
        std::vector<uint8_t> seq{s,
                                 7, 1, 0, 200, 0, 0, 0, 0, 0, 0, 0, 0,
                                 6, 1, 0, 40, 0, 0, 0, 0, 0, 0, 0, 0,
                                 0, 0, 2, 50, 0xff, 100, 1, 0, 10, 0, 1, 0,
                                 3, 2, 1, 5, 0xff, 128, 0, 0x80, 0, 0, 0, 0};
        WriteFile(dir + "/agent-sequence/seed-" + std::to_string(s), seq);
    }
    std::cout << "fuzz-corpus: " << g_messages.size() << " real messages into " << dir << "\n";
    return g_messages.empty() ? 1 : 0;
}
