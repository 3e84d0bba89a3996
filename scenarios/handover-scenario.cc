// SPDX-License-Identifier: GPL-2.0-only
/*
 * handover-scenario: one handover experiment per invocation, or many with
 * --batch (one line of options per run on standard input), printing one
 * CSV row per handover and direction. Used by scenarios/sweep.py.
 *
 *   build/handover-scenario --scheme=pmipv6 --access=ideal --dhoL2=11ms \
 *       --rttMagLma=30ms --rttMagMag=10ms --rttMagAp=5ms --handovers=4
 *   build/handover-scenario --accessTypes    (the access networks, as CSV)
 */
#include "handover-scenario.h"

#include "ns3/command-line.h"
#include "ns3/log.h"
#include "ns3/rng-seed-manager.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>

using namespace ns3;

namespace
{

/**
 * ns-3's CommandLine aborts on a malformed Time and wraps a negative
 * unsigned: check the syntax of every numeric option first, so that bad
 * input gets a message, not a crash or a four-billion-handover run.
 */
bool
CheckOptionSyntax(const std::vector<std::string>& args)
{
    static const std::regex timeValue(
        R"(^(0|[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?(y|d|h|min|s|ms|us|ns|ps|fs))$)");
    static const std::regex unsignedValue(R"(^[0-9]{1,9}$)");
    static const std::regex probabilityValue(R"(^(0|1|0?\.[0-9]+|1\.0*|0\.)$)");
    static const std::map<std::string, const std::regex*> kinds{
        {"dhoL2", &timeValue},
        {"rttMagLma", &timeValue},
        {"rttMagMag", &timeValue},
        {"rttMagAp", &timeValue},
        {"tpred", &timeValue},
        {"packetInterval", &timeValue},
        {"spacing", &timeValue},
        {"signallingJitter", &timeValue},
        {"signallingLoss", &probabilityValue},
        {"packetSize", &unsignedValue},
        {"handovers", &unsignedValue},
        {"mns", &unsignedValue},
        {"mags", &unsignedValue},
        {"apsPerMag", &unsignedValue},
        {"interfaces", &unsignedValue},
        {"RngRun", &unsignedValue}};
    bool ok = true;
    for (const auto& a : args)
    {
        auto eq = a.find('=');
        if (a.rfind("--", 0) != 0 || eq == std::string::npos)
        {
            continue;
        }
        auto kind = kinds.find(a.substr(2, eq - 2));
        if (kind != kinds.end() && !std::regex_match(a.substr(eq + 1), *kind->second))
        {
            std::cerr << "handover-scenario: bad value in " << a
                      << (kind->second == &timeValue ? " (a time with its unit, such as 30ms)"
                          : kind->second == &unsignedValue
                              ? " (a whole number)"
                              : " (a probability from 0 to 1, such as 0.3)")
                      << std::endl;
            ok = false;
        }
    }
    return ok;
}

/// Parse \p args as one run's options and run it; false on bad options.
bool
RunOne(const std::vector<std::string>& args, std::ostream& out, bool header, std::string& csvPath)
{
    HandoverScenario::Config config;
    bool verbose = false;
    bool signalling = false;
    bool completion = false;
    CommandLine cmd(__FILE__);
    cmd.Usage("One PMIPv6-family handover experiment; prints CSV (see README.md).");
    HandoverScenario::AddOptions(cmd, config);
    cmd.AddValue("csv", "Write the CSV to this file instead of standard output", csvPath);
    cmd.AddValue("verbose", "Log the protocol state machines (INFO level)", verbose);
    cmd.AddValue("signalling",
                 "Append signalling_messages,signalling_bytes: Mobility Header messages "
                 "sent in each handover's window",
                 signalling);
    cmd.AddValue("completion",
                 "Append signalling_loss,signalling_jitter_ms,completed,registered_ms,"
                 "binding_problems,registering_at_end: whether each handover "
                 "registered at the new MAG and its packets flowed again, and how many "
                 "half-registered states CheckBindings found at the end of the run (and how "
                 "many MNs were still being registered, their PBU retransmitted)",
                 completion);
    std::vector<char*> argv;
    static std::string prog = "handover-scenario";
    argv.push_back(prog.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy)
    {
        argv.push_back(a.data());
    }
    if (!CheckOptionSyntax(args))
    {
        return false;
    }
    cmd.Parse(static_cast<int>(argv.size()), argv.data());
    std::string err = config.Validate();
    if (!err.empty())
    {
        std::cerr << "handover-scenario: " << err << std::endl;
        return false;
    }
    const char* verboseComponents[] = {"Pmipv6Mag",
                                       "Pmipv6Lma",
                                       "MobilityL4Protocol",
                                       "FastHandoverMagExtension",
                                       "Fpmipv6MagExtension",
                                       "Pfmipv6MagExtension",
                                       "MnInterfaceShim"};
    if (verbose)
    {
        for (const char* c : verboseComponents)
        {
            LogComponentEnable(c, LogLevel(LOG_LEVEL_INFO | LOG_PREFIX_TIME | LOG_PREFIX_NODE));
        }
    }
    HandoverScenario scenario(config);
    auto results = scenario.Run();
    if (verbose)
    {
        // In a batch, only this run logs: the next ones pay nothing for it.
        for (const char* c : verboseComponents)
        {
            LogComponentDisable(c, LOG_LEVEL_ALL);
        }
    }
    std::ofstream file;
    std::ostream* os = &out;
    if (!csvPath.empty())
    {
        file.open(csvPath);
        if (!file)
        {
            std::cerr << "handover-scenario: cannot write " << csvPath << std::endl;
            return false;
        }
        os = &file;
    }
    if (header || file.is_open())
    {
        *os << HandoverScenario::CsvHeader(signalling, completion) << "\n";
    }
    scenario.WriteCsv(*os, results, signalling, completion);
    const auto& totals = scenario.GetTotals();
    if (header) // one run: a summary for the person at the terminal
    {
        std::cerr << "# " << totals.events << " events; " << totals.signallingMessages
                  << " Mobility Header messages (" << totals.signallingBytes << " bytes) sent, "
                  << totals.mobilityDrops << " refused, " << totals.signallingLost
                  << " lost on the links" << std::endl;
        if (totals.registeringAtEnd > 0)
        {
            std::cerr << "# " << totals.registeringAtEnd
                      << " MN(s) still being registered (PBU retransmitted) at the end"
                      << std::endl;
        }
        for (const auto& problem : totals.bindingProblems)
        {
            std::cerr << "# left half-registered: " << problem << std::endl;
        }
    }
    return true;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (std::find(args.begin(), args.end(), "--accessTypes") != args.end())
    {
        // For sweep.py and the plotter: the access networks and their DHO,L2 column.
        AccessNetwork::Describe(std::cout);
        return 0;
    }
    bool batch = false;
    for (auto it = args.begin(); it != args.end();)
    {
        if (*it == "--batch" || *it == "--batch=true" || *it == "--batch=1")
        {
            batch = true;
            it = args.erase(it);
        }
        else
        {
            ++it;
        }
    }
    if (!batch)
    {
        std::string csv;
        return RunOne(args, std::cout, true, csv) ? 0 : 1;
    }
    // Batch: one run per input line; '#done' after each so a driver can
    // count progress.
    auto given = [&args](const std::string& flag) {
        return std::find(args.begin(), args.end(), flag) != args.end() ||
               std::find(args.begin(), args.end(), flag + "=true") != args.end();
    };
    std::cout << HandoverScenario::CsvHeader(given("--signalling"), given("--completion")) << "\n";
    std::string line;
    while (std::getline(std::cin, line))
    {
        std::istringstream words(line);
        std::vector<std::string> lineArgs = args;
        std::string w;
        while (words >> w)
        {
            lineArgs.push_back(w);
        }
        if (lineArgs.size() == args.size())
        {
            continue;
        }
        std::string csv;
        if (!RunOne(lineArgs, std::cout, false, csv))
        {
            return 1;
        }
        std::cout << "#done" << std::endl;
    }
    return 0;
}
