// SPDX-License-Identifier: GPL-2.0-only
/*
 * Where a result came from: the program and its options, the module's
 * version (git describe at build time), the ns-3 version, the random run and
 * the date, written as "# key: value" lines ahead of a CSV header. pandas
 * skips them with read_csv(..., comment='#'); Python's csv module with a
 * filter on lines starting with '#' (plotting/provenance.py).
 */
#ifndef PMIPV6_PROVENANCE_H
#define PMIPV6_PROVENANCE_H

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * The provenance lines of one output file. The fields program,
 * pmipv6_version, ns3_version, date, rng_seed and rng_run come first, then
 * those added with Add() in their order.
 */
class Provenance
{
  public:
    /// \param program the program's name (e.g. handover-scenario)
    explicit Provenance(const std::string& program);

    /// The module's `git describe --always --dirty --tags` when it was built.
    static std::string GetModuleVersion();
    /// The ns-3 version the module was built against (e.g. 3.37).
    static std::string GetNs3Version();
    /// Now in UTC, ISO 8601 (2026-12-02T08:40:00Z).
    static std::string GetUtcDate();
    /// \p args as one shell-readable line (arguments with spaces or quotes quoted).
    static std::string JoinCommandLine(const std::vector<std::string>& args);

    /**
     * Add a field. Newlines in \p value become spaces (one line per field).
     * \param key a word without ':' (e.g. command_line)
     * \param value its value
     */
    void Add(const std::string& key, const std::string& value);
    /// Replace the value of field \p key (add it if missing).
    void Set(const std::string& key, const std::string& value);

    /// The fields in order, the fixed ones first.
    const std::vector<std::pair<std::string, std::string>>& GetFields() const;

    /// Write one "# key: value" line per field.
    void Write(std::ostream& os) const;

  private:
    std::vector<std::pair<std::string, std::string>> m_fields;
};

} // namespace ns3

#endif
