// SPDX-License-Identifier: GPL-2.0-only
/*
 * Access networks as model objects: LTE through ns-3's EPC (the MAG on the
 * PGW), the Wi-Fi + LTE mobile node and its inter-technology handover.
 * Behaviour only: bytes on the wire, addresses kept, packets delivered.
 */
#include "pmipv6-domain-helper.h"
#include "pmipv6-test-utils.h"

#include "ns3/data-rate.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/on-off-helper.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/pcap-file.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/trace-helper.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <unistd.h>

using namespace ns3;
using namespace ns3::pmipv6test;

namespace
{

/// One PBU as the LMA received it: the bytes of the IPv6 packet, parsed.
struct ReceivedPbu
{
    Time at;
    Ipv6Address from;
    BindingUpdateHeader pbu;
};

/**
 * Every registration PBU (lifetime > 0) arriving at the LMA, parsed from
 * its bytes; with a file name, every Mobility Header packet it receives is
 * also written there as a raw-IPv6 pcap (for Wireshark's dissector).
 */
class PbuRecorder
{
  public:
    explicit PbuRecorder(Ptr<Node> lma, const std::string& pcap = "")
    {
        lma->GetObject<Ipv6L3Protocol>()->TraceConnectWithoutContext(
            "Rx",
            MakeCallback(&PbuRecorder::OnRx, this));
        if (!pcap.empty())
        {
            m_pcap.Open(pcap, std::ios::out);
            m_pcap.Init(PcapHelper::DLT_RAW);
        }
    }

    /// Close the pcap file (before anyone reads it).
    void Close()
    {
        m_pcap.Close();
    }

    std::vector<ReceivedPbu> pbus;

  private:
    void OnRx(Ptr<const Packet> packet, Ptr<Ipv6> ipv6, uint32_t ifIndex)
    {
        Ptr<Packet> p = packet->Copy();
        Ipv6Header peek;
        p->PeekHeader(peek);
        if (peek.GetNextHeader() == MobilityL4Protocol::PROT_NUMBER && !m_pcap.Fail())
        {
            uint64_t us = Simulator::Now().GetMicroSeconds();
            m_pcap.Write(us / 1000000, us % 1000000, p);
        }
        Ipv6Header ip;
        p->RemoveHeader(ip);
        if (ip.GetNextHeader() != MobilityL4Protocol::PROT_NUMBER)
        {
            return;
        }
        uint8_t type = 0;
        BindingUpdateHeader pbu;
        if (MobilityHeader::PeekMhType(p, type) &&
            type == static_cast<uint8_t>(MhType::BindingUpdate) && p->RemoveHeader(pbu) > 0 &&
            pbu.GetLifetimeUnits() > 0)
        {
            pbus.push_back({Simulator::Now(), ip.GetSource(), pbu});
        }
    }

    PcapFile m_pcap;
};

Pmipv6DomainHelper::Parameters
WifiLteParameters(const std::string& direction)
{
    Pmipv6DomainHelper::Parameters p;
    p.access = "wifi-lte";
    p.mags = 2;
    p.direction = direction;
    return p;
}

/// The handover: MN 0 from MAG 0 to MAG 1 at kHandover.
const Time kHandover = Seconds(2);

} // namespace

/**
 * The Wi-Fi + LTE MN moves between the Wi-Fi MAG and the LTE MAG (on the
 * EPC's PGW) with a TCP session from the CN running: its address stays
 * the same, the LMA keeps its home network prefix, the binding follows it
 * to the new MAG, and the TCP session carries on after the handover (one
 * connection, bytes keep arriving).
 */
class InterTechnologyHandoverTestCase : public SimulationTestCase
{
  public:
    explicit InterTechnologyHandoverTestCase(const std::string& direction)
        : SimulationTestCase("wifi-lte (" + direction +
                             "): the MN keeps its address, its prefix and its TCP session")
        , m_direction(direction)
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(WifiLteParameters(m_direction));
        domain.AssignStreams(1000);
        domain.ScheduleHandover(0, kHandover, 1);

        Ptr<PacketSink> sink;
        std::vector<Ipv6Address> addressBefore;
        Ipv6Address prefixBefore;
        uint64_t rxBefore = 0;
        // The TCP session starts once the MN has its address.
        Simulator::Schedule(Seconds(0.8), [&]() {
            Ipv6Address hoa = domain.GetMnHomeAddress(0);
            PacketSinkHelper sinkHelper("ns3::TcpSocketFactory",
                                        Inet6SocketAddress(Ipv6Address::GetAny(), 5000));
            sink = DynamicCast<PacketSink>(sinkHelper.Install(domain.GetMn(0)).Get(0));
            OnOffHelper onOff("ns3::TcpSocketFactory", Inet6SocketAddress(hoa, 5000));
            onOff.SetConstantRate(DataRate("400kbps"), 500);
            onOff.Install(domain.GetCn()).Start(Seconds(0));
        });
        Simulator::Schedule(kHandover - MilliSeconds(1), [&]() {
            addressBefore = GlobalAddresses(domain.GetMn(0));
            BindingCacheEntry* b =
                domain.GetLmaApp()->GetBindingCache().Find(domain.GetMnIdentifier(0));
            prefixBefore = b ? b->homeNetworkPrefix.prefix : Ipv6Address::GetAny();
            rxBefore = sink ? sink->GetTotalRx() : 0;
        });
        Simulator::Stop(kHandover + Seconds(4));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_GT(rxBefore, 10000u, "TCP bytes before the handover");
        PMIPV6_TEST_REQUIRE_NE(sink, nullptr, "the TCP sink was installed");
        NS_TEST_EXPECT_MSG_GT(sink->GetTotalRx(),
                              rxBefore + 50000,
                              "TCP bytes after the handover (the session goes on)");
        NS_TEST_EXPECT_MSG_EQ(sink->GetAcceptedSockets().size(),
                              1u,
                              "one TCP connection, never re-opened");
        std::vector<Ipv6Address> addressAfter = GlobalAddresses(domain.GetMn(0));
        PMIPV6_TEST_REQUIRE_EQ(addressBefore.size(), 1u, "one global address before");
        PMIPV6_TEST_REQUIRE_EQ(addressAfter.size(), 1u, "one global address after");
        NS_TEST_EXPECT_MSG_EQ(addressAfter[0], addressBefore[0], "the MN's address");
        NS_TEST_EXPECT_MSG_EQ(addressAfter[0],
                              domain.GetMnHomeAddress(0),
                              "it is its home address");
        BindingCacheEntry* b =
            domain.GetLmaApp()->GetBindingCache().Find(domain.GetMnIdentifier(0));
        PMIPV6_TEST_REQUIRE_NE(b, nullptr, "the LMA's binding");
        NS_TEST_EXPECT_MSG_EQ(b->homeNetworkPrefix.prefix, prefixBefore, "the LMA kept the HNP");
        NS_TEST_EXPECT_MSG_EQ(b->proxyCoa, domain.GetProxyCoa(1), "the binding is at MAG 1");
        NS_TEST_EXPECT_MSG_EQ(unsigned(b->handoffIndicator),
                              unsigned(HandoffIndicator::HANDOFF_BETWEEN_INTERFACES),
                              "registered as a handoff between two interfaces");
        PMIPV6_TEST_REQUIRE_EQ(domain.GetL2Handovers().size(), 1u, "one L2 handover");
        NS_TEST_EXPECT_MSG_GT(domain.GetL2Handovers()[0].attached,
                              domain.GetL2Handovers()[0].linkLost,
                              "DHO,L2 measured");
        NS_TEST_EXPECT_MSG_EQ(domain.CheckBindings().size(), 0u, "clean bindings at the end");
    }

    std::string m_direction;
};

/**
 * The PBUs on the wire (bytes of the IPv6 packets at the LMA): the LTE
 * MAG's carries Access Technology Type 8 (3GPP E-UTRAN), the UE's 8-byte
 * MN Link-layer Identifier and, after the move, Handoff Indicator 2; the
 * Wi-Fi MAG's ATT 4 and the station's 6-byte MAC. With tshark installed,
 * Wireshark's MIPv6 dissector reads the same from the core links' pcap.
 */
class PbuOnTheWireTestCase : public SimulationTestCase
{
  public:
    PbuOnTheWireTestCase()
        : SimulationTestCase(
              "wifi-lte: ATT 8 and 4, Handoff Indicator 1 then 2, in the PBUs on the wire")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(WifiLteParameters("wifi-lte"));
        domain.AssignStreams(1000);
        domain.ScheduleHandover(0, Seconds(1), 1);
        char dir[] = "/tmp/pmipv6-access-XXXXXX";
        bool pcap = mkdtemp(dir) != nullptr;
        std::string file = std::string(dir) + "/lma-rx.pcap";
        PbuRecorder rec(domain.GetLma(), pcap ? file : "");
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        rec.Close();

        PMIPV6_TEST_REQUIRE_EQ(rec.pbus.size(), 2u, "two registrations at the LMA");
        const MobilityOptions& wifi = rec.pbus[0].pbu.GetOptions();
        const MobilityOptions& lte = rec.pbus[1].pbu.GetOptions();
        NS_TEST_EXPECT_MSG_EQ(rec.pbus[0].from, domain.GetProxyCoa(0), "first from the Wi-Fi MAG");
        NS_TEST_EXPECT_MSG_EQ(rec.pbus[1].from, domain.GetProxyCoa(1), "then from the LTE MAG");
        NS_TEST_EXPECT_MSG_EQ(unsigned(wifi.accessTechnologyType.value_or(0)), 4u, "Wi-Fi ATT");
        NS_TEST_EXPECT_MSG_EQ(unsigned(lte.accessTechnologyType.value_or(0)), 8u, "E-UTRAN ATT");
        NS_TEST_EXPECT_MSG_EQ(unsigned(wifi.handoffIndicator.value_or(0)),
                              unsigned(HandoffIndicator::ATTACHMENT_OVER_NEW_INTERFACE),
                              "first attach: HI 1");
        NS_TEST_EXPECT_MSG_EQ(unsigned(lte.handoffIndicator.value_or(0)),
                              unsigned(HandoffIndicator::HANDOFF_BETWEEN_INTERFACES),
                              "inter-technology handover: HI 2");
        NS_TEST_EXPECT_MSG_EQ(wifi.mnLinkLayerId.value_or(std::vector<uint8_t>()).size(),
                              6u,
                              "the station's MAC");
        NS_TEST_EXPECT_MSG_EQ(lte.mnLinkLayerId.value_or(std::vector<uint8_t>()).size(),
                              8u,
                              "the UE's 64-bit address");
        NS_TEST_EXPECT_MSG_EQ(lte.mnIdentifier.value_or(""),
                              domain.GetMnIdentifier(0),
                              "one MN-ID on both");

        if (!pcap || std::system("command -v tshark >/dev/null 2>&1") != 0)
        {
            std::cerr << "(tshark not available: the bytes above are the check)" << std::endl;
            return;
        }
        std::ostringstream cmd;
        cmd << "tshark -r " << file << " -Y 'mip6.mhtype == 5 && mip6.att == 8' "
            << "-T fields -e mip6.att -e mip6.hi -e mip6.mnid.identifier 2>/dev/null";
        FILE* out = popen(cmd.str().c_str(), "r");
        PMIPV6_TEST_REQUIRE_NE(out, nullptr, "tshark runs");
        char line[512] = {0};
        std::string first = fgets(line, sizeof(line), out) ? line : "";
        pclose(out);
        NS_TEST_EXPECT_MSG_EQ(first,
                              "8\t2\t" + domain.GetMnIdentifier(0) + "\n",
                              "tshark: the LTE MAG's PBU (ATT, HI, MN-ID)");
        std::system(("rm -rf " + std::string(dir)).c_str());
    }
};

/**
 * LTE access alone (one MAG on the PGW, two cells): the UE attaches through
 * the EPC, registers with ATT 8, gets its prefix by the MAG's RA across the
 * PGW, and an X2 handover between the cells is invisible to PMIPv6 (no
 * further PBU) while the MN's address and the binding stay.
 */
class LteX2HandoverTestCase : public SimulationTestCase
{
  public:
    LteX2HandoverTestCase()
        : SimulationTestCase("lte: a UE behind the PGW-MAG registers; X2 handover sends no PBU")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper::Parameters p;
        p.access = "lte";
        p.mags = 1;
        Pmipv6DomainHelper domain;
        domain.Build(p);
        domain.AssignStreams(1000);
        domain.ScheduleHandover(0, Seconds(1), 0);
        PbuRecorder rec(domain.GetLma());
        std::vector<Ipv6Address> before;
        Simulator::Schedule(Seconds(0.9), [&]() { before = GlobalAddresses(domain.GetMn(0)); });
        Simulator::Stop(Seconds(1.5));
        Simulator::Run();

        PMIPV6_TEST_REQUIRE_EQ(rec.pbus.size(), 1u, "one registration, none for the X2 handover");
        NS_TEST_EXPECT_MSG_EQ(
            unsigned(rec.pbus[0].pbu.GetOptions().accessTechnologyType.value_or(0)),
            8u,
            "ATT 3GPP E-UTRAN");
        PMIPV6_TEST_REQUIRE_EQ(before.size(), 1u, "the UE got its address by the RA");
        NS_TEST_EXPECT_MSG_EQ(before[0], domain.GetMnHomeAddress(0), "its home address");
        NS_TEST_EXPECT_MSG_EQ((GlobalAddresses(domain.GetMn(0)) == before), true, "kept");
        PMIPV6_TEST_REQUIRE_EQ(domain.GetL2Handovers().size(), 1u, "one X2 handover");
        NS_TEST_EXPECT_MSG_GT(domain.GetL2Handovers()[0].attached,
                              domain.GetL2Handovers()[0].linkLost,
                              "ended (UE HandoverEndOk)");
        NS_TEST_EXPECT_MSG_EQ(domain.CheckBindings().size(), 0u, "clean bindings");
    }
};

/**
 * RFC 5213 sec. 5.4.1, the LMA's Handoff Indicator rules, with two MAGs
 * played by peers of the LMA. A MN is registered at the first; the second
 * registers it with Handoff Indicator
 *  - 2 (another interface): a handoff at once, the prefix kept;
 *  - 4 (unknown), and the first de-registers within
 *    MaxDelayBeforeNewBCEAssign: the PBA waits for that de-registration,
 *    then it is a handoff, the prefix kept;
 *  - 4, and no de-registration: after MaxDelayBeforeNewBCEAssign a new
 *    mobility session with a new prefix.
 */
class LmaHandoffIndicatorTestCase : public SimulationTestCase
{
  public:
    enum Case
    {
        OTHER_INTERFACE,
        UNKNOWN_DEREGISTERED,
        UNKNOWN_NO_DEREGISTRATION,
    };

    explicit LmaHandoffIndicatorTestCase(Case c)
        : SimulationTestCase(std::string("LMA Handoff Indicator rules: ") +
                             (c == OTHER_INTERFACE        ? "2, handoff at once"
                              : c == UNKNOWN_DEREGISTERED ? "4, handoff at the de-registration"
                                                          : "4, new session after the delay"))
        , m_case(c)
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(Pmipv6DomainHelper::Parameters());
        Ptr<Pmipv6Lma> lma = domain.GetLmaApp();
        const Time maxDelay = MilliSeconds(1500);
        lma->SetAttribute("MaxDelayBeforeNewBCEAssign", TimeValue(maxDelay));
        const Time hop = MilliSeconds(5);
        LmaPeer oldMag(domain, 0, hop);
        LmaPeer newMag(domain, 1, hop);
        lma->AddTrustedMag(oldMag.GetAddress());
        lma->AddTrustedMag(newMag.GetAddress());
        const std::string mnId = "hi-rules@test";
        oldMag.SendAt(Seconds(0.1), MakePbu(mnId, 1, Seconds(60), Seconds(0.1)));
        BindingUpdateHeader move = MakePbu(mnId, 1, Seconds(60), Seconds(0.5));
        move.GetOptions().handoffIndicator = m_case == OTHER_INTERFACE
                                                 ? HandoffIndicator::HANDOFF_BETWEEN_INTERFACES
                                                 : HandoffIndicator::HANDOFF_STATE_UNKNOWN;
        newMag.SendAt(Seconds(0.5), move);
        const Time dereg = Seconds(0.8);
        if (m_case == UNKNOWN_DEREGISTERED)
        {
            oldMag.SendAt(dereg, MakePbu(mnId, 2, Seconds(0), dereg));
        }
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        PMIPV6_TEST_REQUIRE_NE(oldMag.GetPbas().size(), 0u, "the first registration");
        Ipv6Address first = oldMag.GetPbas()[0].options.homeNetworkPrefixes.at(0).prefix;
        PMIPV6_TEST_REQUIRE_EQ(newMag.GetPbas().size(), 1u, "one PBA to the new MAG");
        const LmaPeer::ReceivedPba& pba = newMag.GetPbas()[0];
        NS_TEST_EXPECT_MSG_EQ(unsigned(pba.status), 0u, "accepted");
        Ipv6Address granted = pba.options.homeNetworkPrefixes.at(0).prefix;
        Time expectedAt = m_case == OTHER_INTERFACE        ? Seconds(0.5) + 2 * hop
                          : m_case == UNKNOWN_DEREGISTERED ? dereg + hop + hop
                                                           : Seconds(0.5) + hop + maxDelay + hop;
        // (plus the serialisation of the messages on the 1 Gbps links)
        NS_TEST_EXPECT_MSG_EQ_TOL(pba.at, expectedAt, MicroSeconds(20), "when the PBA comes");
        BindingCacheEntry* b = lma->GetBindingCache().Find(mnId);
        PMIPV6_TEST_REQUIRE_NE(b, nullptr, "the binding");
        NS_TEST_EXPECT_MSG_EQ(b->proxyCoa, newMag.GetAddress(), "at the new MAG");
        NS_TEST_EXPECT_MSG_EQ(b->homeNetworkPrefix.prefix,
                              granted,
                              "the PBA's prefix is the BCE's");
        if (m_case == UNKNOWN_NO_DEREGISTRATION)
        {
            NS_TEST_EXPECT_MSG_NE(granted, first, "a new mobility session: a new prefix");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(granted, first, "a handoff: the LMA kept the prefix");
        }
    }

    Case m_case;
};

class AccessNetworkTestSuite : public TestSuite
{
  public:
    AccessNetworkTestSuite()
        : TestSuite("access-network", UNIT)
    {
        AddTestCase(new LteX2HandoverTestCase, TestCase::QUICK);
        AddTestCase(new PbuOnTheWireTestCase, TestCase::QUICK);
        AddTestCase(new InterTechnologyHandoverTestCase("wifi-lte"), TestCase::QUICK);
        AddTestCase(new InterTechnologyHandoverTestCase("lte-wifi"), TestCase::QUICK);
        for (auto c : {LmaHandoffIndicatorTestCase::OTHER_INTERFACE,
                       LmaHandoffIndicatorTestCase::UNKNOWN_DEREGISTERED,
                       LmaHandoffIndicatorTestCase::UNKNOWN_NO_DEREGISTRATION})
        {
            AddTestCase(new LmaHandoffIndicatorTestCase(c), TestCase::QUICK);
        }
    }
};

static AccessNetworkTestSuite g_accessNetworkTestSuite;
