// SPDX-License-Identifier: GPL-2.0-only
// Runs this module's ns-3 TestSuites (linked into this executable), with the
// same options as ns-3's own test-runner: --suite=NAME, --list, --verbose.
#include "ns3/test.h"

int
main(int argc, char* argv[])
{
    return ns3::TestRunner::Run(argc, argv);
}
