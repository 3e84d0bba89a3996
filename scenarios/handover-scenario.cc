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
#include "provenance.h"
#include "radio-load-check.h"

#include "ns3/command-line.h"
#include "ns3/rng-seed-manager.h"

#include <algorithm>
#include <cstdlib>
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
        {"tauInternet", &timeValue},
        {"tauDomain", &timeValue},
        {"tauAccess", &timeValue},
        {"processingDelay", &timeValue},
        {"routeSwitchDelay", &timeValue},
        {"aaaRtt", &timeValue},
        {"contextSize", &unsignedValue},
        {"signallingLoss", &probabilityValue},
        {"packetSize", &unsignedValue},
        {"backgroundInterval", &timeValue},
        {"backgroundSize", &unsignedValue},
        {"probedMns", &unsignedValue},
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

/// \p text as a JSON string.
std::string
Json(const std::string& text)
{
    std::string out = "\"";
    for (char c : text)
    {
        out += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    }
    return out + "\"";
}

/// \p items as a JSON array of strings.
std::string
JsonList(const std::vector<std::string>& items)
{
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i)
    {
        out += (i ? ", " : "") + Json(items[i]);
    }
    return out + "]";
}

std::vector<std::string>
SplitColumns(const std::string& header)
{
    std::vector<std::string> columns;
    std::istringstream in(header);
    std::string c;
    while (std::getline(in, c, ','))
    {
        columns.push_back(c);
    }
    return columns;
}

/**
 * --describe: what this build offers, as JSON, for drivers (sweep.py) that
 * must not keep their own copies of the lists: schemes (and whether each acts
 * on predictions), access types, the CSV columns (always, and those that
 * --signalling and --completion append), the load check's threshold.
 */
void
Describe(std::ostream& os)
{
    std::vector<std::string> base = SplitColumns(HandoverScenario::CsvHeader());
    auto extra = [&base](bool signalling, bool completion, bool phases) {
        std::vector<std::string> all =
            SplitColumns(HandoverScenario::CsvHeader(signalling, completion, phases));
        return std::vector<std::string>(all.begin() + base.size(), all.end());
    };
    os << "{\n  \"program\": \"handover-scenario\",\n  \"pmipv6_version\": "
       << Json(Provenance::GetModuleVersion())
       << ",\n  \"ns3_version\": " << Json(Provenance::GetNs3Version()) << ",\n  \"schemes\": [";
    std::vector<std::string> schemes = HandoverScenario::GetSchemeNames();
    for (size_t i = 0; i < schemes.size(); ++i)
    {
        os << (i ? ", " : "") << "{\"name\": " << Json(schemes[i]) << ", \"makes_predictions\": "
           << (HandoverScenario::SchemeMakesPredictions(schemes[i]) ? "true" : "false") << "}";
    }
    os << "],\n  \"access\": " << JsonList(AccessNetwork::GetNames())
       << ",\n  \"csv_columns\": " << JsonList(base)
       << ",\n  \"signalling_columns\": " << JsonList(extra(true, false, false))
       << ",\n  \"completion_columns\": " << JsonList(extra(false, true, false))
       << ",\n  \"phases_columns\": " << JsonList(extra(false, false, true))
       << ",\n  \"load_warn_fraction\": " << RadioLoadCheck::kWarnFraction << "\n}\n";
}

/**
 * Run plotting/plot_msc.py (from the source tree this program was built
 * from) on the event trace \p trace to draw \p chart.
 */
bool
DrawMsc(const std::string& trace, const std::string& chart)
{
    auto quote = [](const std::string& s) { return Provenance::JoinCommandLine({s}); };
    std::string command = std::string("/usr/bin/python3 ") +
                          quote(std::string(PMIPV6_SOURCE_DIR) + "/plotting/plot_msc.py") + " " +
                          quote(trace) + " " + quote(chart);
    if (std::system(command.c_str()) != 0)
    {
        std::cerr << "handover-scenario: drawing the chart failed: " << command << std::endl;
        return false;
    }
    return true;
}

/// Parse \p args as one run's options and run it; false on bad options.
bool
RunOne(const std::vector<std::string>& args, std::ostream& out, bool header, std::string& csvPath)
{
    HandoverScenario::Config config;
    bool strictLoad = false;
    bool verbose = false;
    std::string tracePath;
    std::string mscPath;
    bool signalling = false;
    bool completion = false;
    CommandLine cmd(__FILE__);
    cmd.Usage("One PMIPv6-family handover experiment; prints CSV (see README.md).");
    HandoverScenario::AddOptions(cmd, config);
    cmd.AddValue("csv", "Write the CSV to this file instead of standard output", csvPath);
    cmd.AddValue("strictLoad",
                 "Refuse to run (instead of warning) when the flows would load a radio "
                 "channel above RadioLoadCheck::kWarnFraction of its airtime",
                 strictLoad);
    cmd.AddValue("verbose",
                 "Print every protocol event once on standard error: time, node (MN0, MAG1, "
                 "LMA, ...), event, message, MN, details",
                 verbose);
    cmd.AddValue("trace",
                 "Write the same events as CSV to this file "
                 "(time_ms,node,event,message,mn,peer,uid,details)",
                 tracePath);
    cmd.AddValue("msc",
                 "Draw the first handover's message sequence chart into this file (.png or "
                 ".pdf; plotting/plot_msc.py on the event trace)",
                 mscPath);
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
    RadioLoadCheck::Estimate load = config.GetRadioLoad();
    if (load.Exceeds())
    {
        std::cerr << "handover-scenario: " << (strictLoad ? "ERROR" : "WARNING")
                  << ": radio load of " << load.Describe()
                  << ". The results would measure congestion, not the handover: probe fewer "
                     "MNs (--probedMns) with a lighter background, or probe less often "
                     "(--packetInterval)."
                  << std::endl;
        if (strictLoad)
        {
            return false;
        }
    }
    Provenance provenance("handover-scenario");
    provenance.Add("command_line", Provenance::JoinCommandLine(args));
    provenance.Add("radio_load", load.Describe());
    provenance.Add("radio_load_warning", load.Exceeds() ? "yes" : "no");
    HandoverScenario scenario(config);
    HandoverEventLog events;
    std::ofstream trace;
    std::string traceFile = tracePath;
    if (traceFile.empty() && !mscPath.empty())
    {
        traceFile = mscPath + ".trace.csv"; // the chart's input, kept beside it
    }
    if (!traceFile.empty())
    {
        trace.open(traceFile);
        if (!trace)
        {
            std::cerr << "handover-scenario: cannot write " << traceFile << std::endl;
            return false;
        }
        provenance.Write(trace);
        trace << HandoverEventLog::CsvHeader() << "\n";
        events.SetCsvOutput(&trace);
    }
    if (verbose)
    {
        events.SetTextOutput(&std::cerr);
    }
    if (verbose || trace.is_open())
    {
        scenario.SetEventLog(&events);
    }
    auto results = scenario.Run();
    if (trace.is_open())
    {
        trace.close();
    }
    if (!mscPath.empty() && !DrawMsc(traceFile, mscPath))
    {
        return false;
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
        provenance.Write(*os);
        *os << HandoverScenario::CsvHeader(signalling, completion, config.phases) << "\n";
    }
    else // a run of a batch: its own options and load ahead of its rows
    {
        *os << "# run_options: " << Provenance::JoinCommandLine(args)
            << "\n# radio_load: " << load.Describe() << "\n";
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
    if (std::find(args.begin(), args.end(), "--describe") != args.end())
    {
        Describe(std::cout);
        return 0;
    }
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
    Provenance provenance("handover-scenario --batch");
    provenance.Set("rng_run", "per run: the run column");
    provenance.Add("command_line", Provenance::JoinCommandLine(args));
    provenance.Write(std::cout);
    std::cout << HandoverScenario::CsvHeader(given("--signalling"),
                                             given("--completion"),
                                             given("--phases"))
              << "\n";
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
