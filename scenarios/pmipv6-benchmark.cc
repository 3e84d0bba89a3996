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
 *   median_ms  median of those downlink latencies (seed 000 defaults: about
 *              DHO,L2 + RTT_MAG-LMA + RTT_MAG-AP/2 = 43.5 ms, measured in
 *              steps of the probe interval)
 *
 *   build/pmipv6-benchmark --mns=1,100,1000 --interval=20ms
 */
#include "handover-scenario.h"

#include "ns3/command-line.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
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

/// Run the scenario with \p mns mobile nodes and print its line; false if it cannot run.
bool
RunOne(HandoverScenario::Config config, uint32_t mns)
{
    config.domain.mns = mns;
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
    double wall = SecondsSince(start);
    double cpu = CpuSeconds() - cpuStart;
    double build = std::chrono::duration<double>(firstEvent - start).count();

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
    double median = -1;
    if (!latencies.empty())
    {
        std::nth_element(latencies.begin(),
                         latencies.begin() + latencies.size() / 2,
                         latencies.end());
        median = latencies[latencies.size() / 2];
    }
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    uint64_t events = scenario.GetTotals().events;
    uint64_t handovers = uint64_t(mns) * config.handovers;
    std::ostringstream done;
    done << latencies.size() << "/" << handovers;
    std::cout << std::fixed << std::setw(6) << mns << std::setw(12) << events
              << std::setprecision(3) << std::setw(9) << wall << std::setw(9) << build
              << std::setw(8) << cpu << std::setprecision(0) << std::setw(11) << events / wall
              << std::setw(10) << handovers / wall << std::setprecision(1) << std::setw(9)
              << usage.ru_maxrss / 1024.0 << std::setw(12) << done.str() << std::setw(11) << median
              << std::endl;
    return true;
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

    CommandLine cmd(__FILE__);
    cmd.Usage("Simulation speed and memory of PMIPv6 handovers for several numbers of MNs.");
    cmd.AddValue("mns", "Comma-separated numbers of mobile nodes, one run each", mnsList);
    cmd.AddValue("mags", "MAGs (each MN moves 0 -> 1 -> 2 ...)", config.domain.mags);
    cmd.AddValue("handovers", "Handovers per mobile node", config.handovers);
    cmd.AddValue("spacing",
                 "Time between one MN's handovers (all MNs' spread over it)",
                 config.spacing);
    cmd.AddValue("interval", "Probe flow interval, both directions, per MN", config.packetInterval);
    cmd.AddValue("access", "Access network: ideal or wifi", config.domain.access);
    cmd.AddValue("fork", "Run each N in a child process (own peak-memory figure)", useFork);
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

    std::cout
        << "# " << config.domain.access << " access, " << config.domain.mags << " MAGs, "
        << config.handovers << " handovers per MN " << config.spacing.As(Time::MS)
        << " apart, probes every " << config.packetInterval.As(Time::MS) << "; rss "
        << (useFork ? "per run (forked)" : "process-wide peak so far") << "\n"
        << "     N      events   wall_s  build_s   cpu_s   ev_per_s  ho_per_s   rss_MB        done"
           "  median_ms"
        << std::endl;
    for (uint32_t mns : mnsValues)
    {
        if (!useFork)
        {
            if (!RunOne(config, mns))
            {
                return 1;
            }
            continue;
        }
        std::cout.flush();
        pid_t child = fork();
        if (child < 0)
        {
            perror("pmipv6-benchmark: fork");
            return 1;
        }
        if (child == 0)
        {
            bool ok = RunOne(config, mns);
            std::cout.flush();
            _exit(ok ? 0 : 1);
        }
        int status = 0;
        waitpid(child, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        {
            std::cerr << "pmipv6-benchmark: run with N=" << mns << " failed" << std::endl;
            return 1;
        }
    }
    return 0;
}
