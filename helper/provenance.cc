// SPDX-License-Identifier: GPL-2.0-only
#include "provenance.h"

#include "pmipv6-version.h" // generated at build time (cmake/pmipv6-version.cmake)

#include "ns3/rng-seed-manager.h"

#include <ctime>
#include <ostream>
#include <sstream>

namespace ns3
{

namespace
{
/// \p value with its line breaks as spaces: one line per field.
std::string
OneLine(std::string value)
{
    for (char& c : value)
    {
        c = (c == '\n' || c == '\r') ? ' ' : c;
    }
    return value;
}
} // namespace

Provenance::Provenance(const std::string& program)
{
    Add("program", program);
    Add("pmipv6_version", GetModuleVersion());
    Add("ns3_version", GetNs3Version());
    Add("date", GetUtcDate());
    Add("rng_seed", std::to_string(RngSeedManager::GetSeed()));
    Add("rng_run", std::to_string(RngSeedManager::GetRun()));
}

std::string
Provenance::GetModuleVersion()
{
    return PMIPV6_GIT_DESCRIBE;
}

std::string
Provenance::GetNs3Version()
{
    return PMIPV6_NS3_VERSION;
}

std::string
Provenance::GetUtcDate()
{
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string
Provenance::JoinCommandLine(const std::vector<std::string>& args)
{
    std::ostringstream line;
    for (size_t i = 0; i < args.size(); ++i)
    {
        const std::string& a = args[i];
        line << (i ? " " : "");
        if (!a.empty() && a.find_first_of(" \t'\"\\$") == std::string::npos)
        {
            line << a;
            continue;
        }
        line << "'";
        for (char c : a)
        {
            line << (c == '\'' ? std::string("'\\''") : std::string(1, c));
        }
        line << "'";
    }
    return line.str();
}

void
Provenance::Add(const std::string& key, const std::string& value)
{
    m_fields.emplace_back(key, OneLine(value));
}

void
Provenance::Set(const std::string& key, const std::string& value)
{
    for (auto& field : m_fields)
    {
        if (field.first == key)
        {
            field.second = OneLine(value);
            return;
        }
    }
    Add(key, value);
}

const std::vector<std::pair<std::string, std::string>>&
Provenance::GetFields() const
{
    return m_fields;
}

void
Provenance::Write(std::ostream& os) const
{
    for (const auto& [key, value] : m_fields)
    {
        os << "# " << key << ": " << value << "\n";
    }
}

} // namespace ns3
