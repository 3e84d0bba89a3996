// SPDX-License-Identifier: GPL-2.0-only
/*
 * pmipv6-benchmark: how fast the simulator runs PMIPv6 handovers as the
 * number of mobile nodes grows. Not a test: it prints figures to compare
 * between builds and machines.
 *
 * For each N of --mns (default 1,100,1000) one HandoverScenario: N MNs
 * under one LMA, --mags MAGs on ideal access, --handovers per MN, each MN's
 * handovers --spacing apart and the N MNs' handovers spread evenly over the
 * spacing, so the LMA sees N / spacing handovers per simulated second; probe
 * flows both ways per MN every --interval. Each N runs in a child process
 * (fork) so that its peak resident memory (getrusage ru_maxrss, which is
 * process-wide and never decreases) is its own; --fork=false runs them in
 * this process, and then the memory column is the peak so far.
 *
 * One line per N:
 *   events     simulated events (Simulator::GetEventCount)
 *   wall_s     wall-clock seconds of the whole run: build, simulate, measure,
 *              destroy; build_s is the part before the first event; cpu_s
 *              the CPU time (user + system) of the run, which other load on
 *              the machine does not inflate as it does wall_s
 *   ev_per_s   events / wall_s;  ho_per_s  handovers / wall_s
 *   rss_MB     peak resident memory
 *   done       handovers with a measured downlink latency / handovers run:
 *              the MN received the downlink again after the handover (a
 *              latency shorter than half the spacing, which a flow that never
 *              came back cannot show)
 *   median_ms  median of those downlink latencies (the FPMIPv6 paper's defaults: about
 *              DHO,L2 + RTT_MAG-LMA + RTT_MAG-AP/2 = 43.5 ms, measured in
 *              steps of the probe interval)
 *   MB_per_MN  rss_MB / N (a footer gives the marginal KB per further MN)
 *   base_*     the baseline (--baseline, on by default): the same topology,
 *              the same probe flows over the same time, no mobility protocol
 *              and no handovers, plain ns-3 static routing with one route per
 *              hop for each MAG's slice of the MN prefix pool
 *              (Pmipv6DomainHelper::Parameters::mobility false)
 *   ratio_wall PMIPv6's wall seconds per probe packet sent over the
 *              baseline's (ratio_cpu: the same with CPU seconds, steadier on
 *              a loaded machine): what mobility costs in this simulator
 *
 * A last line gives the heap bytes per binding cache entry (LMA) and per
 * binding update list entry (MAG), from malloc's count over 10000 entries.
 *
 *   build/pmipv6-benchmark --mns=1,100,1000,10000 --interval=20ms
 */
#include "binding-cache.h"
#include "binding-update-list.h"
#include "handover-scenario.h"
#include "provenance.h"

#include "ns3/command-line.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <malloc.h>
#include <sstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace ns3;

namespace
{
using Clock = std::chrono::steady_clock;

double
SecondsSince(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

/// CPU seconds (user + system) this process has used so far.
double
CpuSeconds()
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// What one run measured (plain data: a forked child sends it through a pipe).
struct Measurement
{
    uint32_t mns{0};
    uint64_t events{0};
    uint64_t packets{0};  //!< probe packets sent
    uint64_t received{0}; //!< probe packets received
    uint64_t handovers{0};
    uint64_t done{0};
    double wall{0};
    double build{0};
    double cpu{0};
    double rssMb{0};
    double medianMs{-1};
};

/// Run the scenario (PMIPv6, or the plain-routing baseline) with \p mns MNs.
bool
RunOne(HandoverScenario::Config config, uint32_t mns, bool mobility, Measurement& m)
{
    config.domain.mns = mns;
    config.domain.mobility = mobility;
    std::string err = config.Validate();
    if (!err.empty())
    {
        std::cerr << "pmipv6-benchmark: N=" << mns << ": " << err << std::endl;
        return false;
    }
    // Wall-clock time at the first event: what comes before is the build.
    double cpuStart = CpuSeconds();
    Clock::time_point start = Clock::now();
    Clock::time_point firstEvent = start;
    Simulator::Schedule(Seconds(0), [&firstEvent]() { firstEvent = Clock::now(); });

    HandoverScenario scenario(config);
    std::vector<HandoverMeasurementHelper::Result> results = scenario.Run();
    m.mns = mns;
    m.wall = SecondsSince(start);
    m.cpu = CpuSeconds() - cpuStart;
    m.build = std::chrono::duration<double>(firstEvent - start).count();

    const double limitMs =
        config.spacing.GetSeconds() * 1e3 / 2 - 2 * config.packetInterval.GetSeconds() * 1e3;
    std::vector<double> latencies;
    for (const auto& r : results)
    {
        if (r.direction == "down" && !r.l2.attached.IsZero() && r.metrics.received > 0 &&
            r.metrics.latencyMs < limitMs)
        {
            latencies.push_back(r.metrics.latencyMs);
        }
    }
    if (!latencies.empty())
    {
        std::nth_element(latencies.begin(),
                         latencies.begin() + latencies.size() / 2,
                         latencies.end());
        m.medianMs = latencies[latencies.size() / 2];
    }
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    m.rssMb = usage.ru_maxrss / 1024.0;
    m.events = scenario.GetTotals().events;
    m.packets = scenario.GetTotals().probePackets;
    m.received = scenario.GetTotals().probeReceived;
    m.handovers = mobility ? uint64_t(mns) * config.handovers : 0;
    m.done = latencies.size();
    return true;
}

/// RunOne in a child process (its own peak memory), or here if !useFork.
bool
RunMeasured(const HandoverScenario::Config& config,
            uint32_t mns,
            bool mobility,
            bool useFork,
            Measurement& m)
{
    if (!useFork)
    {
        return RunOne(config, mns, mobility, m);
    }
    int fds[2];
    if (pipe(fds) != 0)
    {
        perror("pmipv6-benchmark: pipe");
        return false;
    }
    std::cout.flush();
    pid_t child = fork();
    if (child < 0)
    {
        perror("pmipv6-benchmark: fork");
        return false;
    }
    if (child == 0)
    {
        close(fds[0]);
        bool ok = RunOne(config, mns, mobility, m);
        ok = ok && write(fds[1], &m, sizeof(m)) == ssize_t(sizeof(m));
        std::cout.flush();
        _exit(ok ? 0 : 1);
    }
    close(fds[1]);
    ssize_t got = read(fds[0], &m, sizeof(m));
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || got != ssize_t(sizeof(m)))
    {
        std::cerr << "pmipv6-benchmark: " << (mobility ? "PMIPv6" : "baseline")
                  << " run with N=" << mns << " failed" << std::endl;
        return false;
    }
    return true;
}

/// Heap bytes in use (malloc's own count: what the structures really take).
size_t
HeapInUse()
{
    return mallinfo2().uordblks;
}

/**
 * Heap bytes per binding of the LMA's Binding Cache and of a MAG's Binding
 * Update List, filled as the agents fill them (the domain helper's MN
 * identifiers, a 6-byte link-layer id, a /64 prefix, the entry's timer
 * pending in the scheduler), from malloc's count before and after \p count
 * entries. The whole-run figures include far more per MN (a node, its IPv6
 * stack, its applications, packets in flight, neighbour cache entries).
 */
std::pair<double, double>
BytesPerBinding(uint32_t count)
{
    Pmipv6DomainHelper names;
    double bce;
    double bul;
    {
        size_t before = HeapInUse();
        BindingCache cache;
        for (uint32_t i = 0; i < count; ++i)
        {
            uint8_t b[16] = {0x20, 0x01, 0x01, 0x00, uint8_t(i >> 24), uint8_t(i >> 16),
                             uint8_t(i >> 8), uint8_t(i)};
            BindingCacheEntry& e =
                cache.Create(names.GetMnIdentifier(i), HomeNetworkPrefix{Ipv6Address(b), 64});
            uint8_t mac[6];
            names.GetMnLinkLayerId(i).CopyTo(mac);
            e.mnLinkLayerId.assign(mac, mac + 6);
            e.expiry = Simulator::Schedule(Seconds(3600), []() {});
        }
        bce = double(HeapInUse() - before) / count;
        cache.Clear();
        Simulator::Destroy();
    }
    {
        size_t before = HeapInUse();
        BindingUpdateList list;
        for (uint32_t i = 0; i < count; ++i)
        {
            uint8_t b[16] = {0x20, 0x01, 0x01, 0x00, uint8_t(i >> 24), uint8_t(i >> 16),
                             uint8_t(i >> 8), uint8_t(i)};
            BindingUpdateListEntry& e =
                list.Create(names.GetMnIdentifier(i), names.GetMnLinkLayerId(i));
            list.SetPrefix(e, HomeNetworkPrefix{Ipv6Address(b), 64});
            e.refreshEvent = Simulator::Schedule(Seconds(3600), []() {});
        }
        bul = double(HeapInUse() - before) / count;
        list.Clear();
        Simulator::Destroy();
    }
    return {bce, bul};
}
} // namespace

int
main(int argc, char* argv[])
{
    HandoverScenario::Config config;
    config.domain.mags = 4;
    config.handovers = 2;
    config.packetInterval = MilliSeconds(20);
    config.spacing = MilliSeconds(500);
    std::string mnsList = "1,100,1000";
    bool useFork = true;
    bool withBaseline = true;

    CommandLine cmd(__FILE__);
    cmd.Usage("Simulation speed and memory of PMIPv6 handovers for several numbers of MNs.");
    cmd.AddValue("mns", "Comma-separated numbers of mobile nodes, one run each", mnsList);
    cmd.AddValue("mags", "MAGs (each MN moves 0 -> 1 -> 2 ...)", config.domain.mags);
    cmd.AddValue("handovers", "Handovers per mobile node", config.handovers);
    cmd.AddValue("spacing",
                 "Time between one MN's handovers (all MNs' spread over it)",
                 config.spacing);
    cmd.AddValue("interval", "Probe flow interval, both directions, per MN", config.packetInterval);
    cmd.AddValue("access",
                 "Access network (a registered AccessNetwork name, see handover-scenario "
                 "--accessTypes)",
                 config.domain.access);
    cmd.AddValue("fork", "Run each N in a child process (own peak-memory figure)", useFork);
    cmd.AddValue("baseline",
                 "Also run each N with plain static routing and no mobility protocol",
                 withBaseline);
    cmd.Parse(argc, argv);

    if (!config.spacing.IsStrictlyPositive())
    {
        // The MNs' handovers are spread over the spacing: it must be given.
        std::cerr << "pmipv6-benchmark: --spacing must be positive" << std::endl;
        return 1;
    }
    std::vector<uint32_t> mnsValues;
    std::stringstream list(mnsList);
    for (std::string item; std::getline(list, item, ',');)
    {
        if (item.empty() || item.find_first_not_of("0123456789") != std::string::npos)
        {
            std::cerr << "pmipv6-benchmark: --mns takes numbers separated by commas" << std::endl;
            return 1;
        }
        mnsValues.push_back(std::stoul(item));
    }

    Provenance provenance("pmipv6-benchmark");
    provenance.Add("command_line",
                   Provenance::JoinCommandLine(std::vector<std::string>(argv + 1, argv + argc)));
    provenance.Write(std::cout);
    std::cout << "# " << config.domain.access << " access, " << config.domain.mags << " MAGs, "
              << config.handovers << " handovers per MN " << config.spacing.As(Time::MS)
              << " apart, probes every " << config.packetInterval.As(Time::MS) << "; rss "
              << (useFork ? "per run (forked)" : "process-wide peak so far")
              << "; baseline: the same flows, plain static routing, no handovers\n"
              << "     N      events   wall_s  build_s   cpu_s   ev_per_s  ho_per_s   rss_MB"
                 "  MB_per_MN        done  median_ms  base_wall_s  base_cpu_s  base_rss_MB"
                 "  ratio_wall  ratio_cpu"
              << std::endl;
    std::vector<Measurement> all;
    for (uint32_t mns : mnsValues)
    {
        Measurement pm;
        Measurement base;
        if (!RunMeasured(config, mns, true, useFork, pm) ||
            (withBaseline && !RunMeasured(config, mns, false, useFork, base)))
        {
            return 1;
        }
        all.push_back(pm);
        std::ostringstream done;
        done << pm.done << "/" << pm.handovers;
        // Wall (and CPU) time per simulated probe packet, PMIPv6 over baseline.
        double ratioWall = withBaseline ? (pm.wall / pm.packets) / (base.wall / base.packets) : 0;
        double ratioCpu = withBaseline ? (pm.cpu / pm.packets) / (base.cpu / base.packets) : 0;
        std::cout << std::fixed << std::setw(6) << mns << std::setw(12) << pm.events
                  << std::setprecision(3) << std::setw(9) << pm.wall << std::setw(9) << pm.build
                  << std::setw(8) << pm.cpu << std::setprecision(0) << std::setw(11)
                  << pm.events / pm.wall << std::setw(10) << pm.handovers / pm.wall
                  << std::setprecision(1) << std::setw(9) << pm.rssMb << std::setprecision(4)
                  << std::setw(11) << pm.rssMb / mns << std::setw(12) << done.str()
                  << std::setprecision(1) << std::setw(11) << pm.medianMs << std::setprecision(3)
                  << std::setw(13) << base.wall << std::setw(12) << base.cpu
                  << std::setprecision(1) << std::setw(13) << base.rssMb << std::setprecision(2)
                  << std::setw(12) << ratioWall << std::setw(11) << ratioCpu << std::endl;
        std::cout << "#   probe packets delivered: PMIPv6 " << pm.received << "/" << pm.packets;
        if (withBaseline)
        {
            std::cout << ", baseline " << base.received << "/" << base.packets;
        }
        std::cout << std::endl;
    }
    // Memory per MN at the margin: what each further MN adds to the peak.
    for (size_t i = 1; i < all.size(); ++i)
    {
        if (all[i].mns > all[i - 1].mns)
        {
            std::cout << "# N " << all[i - 1].mns << " -> " << all[i].mns << ": "
                      << std::setprecision(1)
                      << (all[i].rssMb - all[i - 1].rssMb) * 1024 / (all[i].mns - all[i - 1].mns)
                      << " KB per further MN (peak RSS)" << std::endl;
        }
    }
    auto [bce, bul] = BytesPerBinding(10000);
    std::cout << "# binding cache entry (LMA): " << std::setprecision(0) << bce
              << " bytes each, timer included (sizeof BindingCacheEntry "
              << sizeof(BindingCacheEntry)
              << "); binding update list entry (MAG): " << bul << " bytes each" << std::endl;
    return 0;
}
