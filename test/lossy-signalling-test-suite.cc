// SPDX-License-Identifier: GPL-2.0-only
/*
 * Lossy signalling (SignallingErrorModel, --signallingLoss): the error
 * model drops Mobility Header frames and nothing else, the MAG retransmits
 * a lost registration with the RFC 5213 sec. 6.9.4 back-off for as long as
 * the MN stays attached, a handover completes through losses, and nothing
 * is left half-registered; a fast handover whose HI or HAck is lost falls
 * back to the normal path.
 */
#include "fpmipv6-mag-extension.h"
#include "handover-measurement-helper.h"
#include "handover-scenario.h"
#include "pfmipv6-mag-extension.h"
#include "pmipv6-domain-helper.h"
#include "pmipv6-test-utils.h"
#include "signalling-error-model.h"

#include "ns3/double.h"
#include "ns3/ipv6-header.h"
#include "ns3/ppp-header.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <algorithm>
#include <cmath>
#include <sstream>

using namespace ns3;
using namespace ns3::pmipv6test;

namespace
{

double
Ms(Time t)
{
    return t.GetSeconds() * 1e3;
}

/// A frame as a point-to-point device hands it to its receive error model.
Ptr<Packet>
Frame(uint16_t pppProtocol, int ipVersion, uint8_t nextHeader, uint32_t payload)
{
    std::vector<uint8_t> b{uint8_t(pppProtocol >> 8), uint8_t(pppProtocol)};
    std::vector<uint8_t> ip(40, 0);
    ip[0] = uint8_t(ipVersion << 4);
    ip[4] = uint8_t(payload >> 8);
    ip[5] = uint8_t(payload);
    ip[6] = nextHeader;
    ip[7] = 64;
    b.insert(b.end(), ip.begin(), ip.end());
    b.insert(b.end(), payload, 0);
    return Create<Packet>(b.data(), b.size());
}

std::string
Join(const std::vector<std::string>& lines)
{
    std::ostringstream os;
    for (const auto& l : lines)
    {
        os << l << "; ";
    }
    return os.str();
}

/// The times of every PBU one MAG sent, with their lifetimes.
struct PbuLog
{
    explicit PbuLog(Ptr<Pmipv6Mag> mag)
    {
        mag->TraceConnectWithoutContext("PbuSent", MakeCallback(&PbuLog::OnPbu, this));
    }

    void OnPbu(std::string mnId, uint16_t seq, Time lifetime)
    {
        at.push_back(Simulator::Now());
        lifetimes.push_back(lifetime);
    }

    std::vector<Time> at;
    std::vector<Time> lifetimes;
};

void
SetLoss(Pmipv6DomainHelper* domain, double p)
{
    for (auto& em : domain->GetSignallingErrorModels())
    {
        em->SetAttribute("Probability", DoubleValue(p));
    }
}

uint64_t
LostOnLinks(const Pmipv6DomainHelper& domain)
{
    uint64_t n = 0;
    for (auto& em : domain.GetSignallingErrorModels())
    {
        n += em->GetDropCount();
    }
    return n;
}

// ------------------------------------------------------------------------

class ErrorModelBytesTestCase : public TestCase
{
  public:
    ErrorModelBytesTestCase()
        : TestCase("SignallingErrorModel drops IPv6 next header 135 frames only, traced")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<SignallingErrorModel> em = CreateObject<SignallingErrorModel>();
        em->SetAttribute("Probability", DoubleValue(1.0));
        em->AssignStreams(1);
        uint32_t traced = 0;
        em->TraceConnectWithoutContext("Drop",
                                       MakeBoundCallback(
                                           +[](uint32_t* n, Ptr<const Packet>) { ++*n; },
                                           &traced));
        NS_TEST_EXPECT_MSG_EQ(em->IsCorrupt(Frame(0x0057, 6, 135, 16)),
                              true,
                              "PPP + IPv6 + Mobility Header: dropped");
        NS_TEST_EXPECT_MSG_EQ(em->IsCorrupt(Frame(0x0057, 6, 17, 64)),
                              false,
                              "UDP data: untouched");
        NS_TEST_EXPECT_MSG_EQ(em->IsCorrupt(Frame(0x0057, 6, 41, 80)),
                              false,
                              "IPv6-in-IPv6 tunnelled data: untouched");
        NS_TEST_EXPECT_MSG_EQ(em->IsCorrupt(Frame(0x0057, 6, 58, 24)), false, "ICMPv6: untouched");
        NS_TEST_EXPECT_MSG_EQ(em->IsCorrupt(Frame(0x0021, 4, 135, 16)),
                              false,
                              "not IPv6 (PPP IPv4): untouched");
        Ptr<Packet> noPpp = Frame(0x0057, 6, 135, 16);
        noPpp->RemoveAtStart(2);
        NS_TEST_EXPECT_MSG_EQ(em->IsCorrupt(noPpp), true, "bare IPv6 + Mobility Header: dropped");
        uint8_t shortFrame[] = {0x00, 0x57, 0x60, 0, 0, 0, 0, 135};
        NS_TEST_EXPECT_MSG_EQ(em->IsCorrupt(Create<Packet>(shortFrame, sizeof(shortFrame))),
                              false,
                              "shorter than an IPv6 header: untouched, nothing read past it");
        NS_TEST_EXPECT_MSG_EQ(em->IsCorrupt(Create<Packet>()), false, "empty frame: untouched");
        NS_TEST_EXPECT_MSG_EQ(em->GetSignallingCount(), 2, "Mobility Header frames seen");
        NS_TEST_EXPECT_MSG_EQ(em->GetDropCount(), 2, "Mobility Header frames dropped");
        NS_TEST_EXPECT_MSG_EQ(traced, 2, "drops fired on the Drop trace");

        em->SetAttribute("Probability", DoubleValue(0.0));
        NS_TEST_EXPECT_MSG_EQ(em->IsCorrupt(Frame(0x0057, 6, 135, 16)),
                              false,
                              "probability 0: Mobility Header passes");
        NS_TEST_EXPECT_MSG_EQ(em->GetSignallingCount(), 3, "still counted as seen");
        NS_TEST_EXPECT_MSG_EQ(em->GetDropCount(), 2, "not dropped");

        // About P of many messages, from the model's own stream.
        em->SetAttribute("Probability", DoubleValue(0.3));
        uint32_t dropped = 0;
        for (int i = 0; i < 10000; ++i)
        {
            dropped += em->IsCorrupt(Frame(0x0057, 6, 135, 16)) ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(dropped / 10000.0, 0.3, 0.02, "drop ratio at P = 0.3");
    }
};

/// Refresh PBUs lost on the wire while the probe flows cross the same links intact.
class DataUntouchedTestCase : public SimulationTestCase
{
  public:
    DataUntouchedTestCase()
        : SimulationTestCase("signallingLoss = 1: every refresh PBU lost, every data packet "
                             "delivered")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        Pmipv6DomainHelper::Parameters p;
        p.signallingLoss = 1;
        domain.Build(p);
        domain.AssignStreams(10);
        SetLoss(&domain, 0); // let the first registration through
        Simulator::Schedule(MilliSeconds(300), &SetLoss, &domain, 1.0);
        // A 4 s binding is refreshed at 2 s: that PBU and its retransmission
        // at 3.5 s are lost. Stop before the LMA's binding expires (4 s).
        domain.GetMagApp(0)->SetAttribute("BindingLifetime", TimeValue(Seconds(4)));
        PbuLog pbus(domain.GetMagApp(0));
        uint32_t pbusAtLma = 0;
        domain.GetLmaApp()->TraceConnectWithoutContext(
            "PbuReceived",
            MakeBoundCallback(
                +[](uint32_t* n, std::string, Ipv6Address, uint16_t, Time) { ++*n; },
                &pbusAtLma));
        HandoverMeasurementHelper measure;
        measure.Install(domain, MilliSeconds(500), MilliSeconds(3900));
        Simulator::Stop(Seconds(4));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(pbus.at.size(), 3, "registration, refresh, one retransmission");
        NS_TEST_EXPECT_MSG_EQ(pbusAtLma, 1, "only the first registration reached the LMA");
        NS_TEST_EXPECT_MSG_EQ(LostOnLinks(domain), 2, "Mobility Header frames dropped");
        uint64_t down = measure.GetDownlinkReceiver(0)->GetProbeRecords(0).size();
        uint64_t up = measure.GetUplinkReceiver()->GetProbeRecords(1).size();
        NS_TEST_EXPECT_MSG_GT(measure.GetDownlinkSender(0)->GetSentCount(), 3000, "packets sent");
        NS_TEST_EXPECT_MSG_EQ(down,
                              measure.GetDownlinkSender(0)->GetSentCount(),
                              "every downlink packet arrived");
        NS_TEST_EXPECT_MSG_EQ(up,
                              measure.GetUplinkSender(0)->GetSentCount(),
                              "every uplink packet arrived");
    }
};

/// Jitter delays Mobility Header messages by U[0, J] and nothing else.
class JitterTestCase : public SimulationTestCase
{
  public:
    JitterTestCase()
        : SimulationTestCase("signallingJitter = 20 ms: each PBU takes 15..35 ms to the LMA, "
                             "data one-way delay unchanged")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        Pmipv6DomainHelper::Parameters p;
        p.signallingJitter = MilliSeconds(20);
        domain.Build(p);
        domain.AssignStreams(20);
        domain.GetMagApp(0)->SetAttribute("BindingLifetime", TimeValue(Seconds(4)));
        PbuLog pbus(domain.GetMagApp(0));
        std::vector<Time> arrivals;
        domain.GetLmaApp()->TraceConnectWithoutContext(
            "PbuReceived",
            MakeBoundCallback(
                +[](std::vector<Time>* v, std::string, Ipv6Address, uint16_t, Time) {
                    v->push_back(Simulator::Now());
                },
                &arrivals));
        HandoverMeasurementHelper measure;
        measure.SetInterval(MilliSeconds(10));
        measure.Install(domain, MilliSeconds(500), Seconds(40));
        Simulator::Stop(Seconds(41));
        Simulator::Run();

        size_t sent = std::count_if(pbus.at.begin(), pbus.at.end(), [](Time t) {
            return t < Seconds(40.9); // the simulation stops at 41 s
        });
        PMIPV6_TEST_REQUIRE_EQ(arrivals.size(), sent, "every PBU arrived");
        NS_TEST_EXPECT_MSG_GT(arrivals.size(), 15, "registration and refreshes");
        double lo = 1e9;
        double hi = 0;
        for (size_t i = 0; i < arrivals.size(); ++i)
        {
            double d = Ms(arrivals[i] - pbus.at[i]) - Ms(p.rttMagLma / 2);
            NS_TEST_EXPECT_MSG_GT_OR_EQ(d, -0.01, "PBU " << i << " earlier than the link");
            NS_TEST_EXPECT_MSG_LT_OR_EQ(d, 20.01, "PBU " << i << " later than link + jitter");
            lo = std::min(lo, d);
            hi = std::max(hi, d);
        }
        NS_TEST_EXPECT_MSG_GT(hi - lo, 5, "the extra delays vary");
        // Data: every downlink packet one CN-LMA-MAG-MN path after its send time.
        const double pathMs = Ms(p.cnLmaDelay + p.rttMagLma / 2 + p.rttMagAp / 2);
        auto records = measure.GetDownlinkReceiver(0)->GetProbeRecords(0);
        PMIPV6_TEST_REQUIRE_EQ(records.size(),
                               measure.GetDownlinkSender(0)->GetSentCount(),
                               "every downlink packet arrived");
        double worst = 0;
        for (const auto& r : records)
        {
            worst = std::max(worst, std::abs(r.rxMs - r.txMs - pathMs));
        }
        NS_TEST_EXPECT_MSG_LT(worst, 0.1, "data one-way delay (ms) off the path delay");
    }
};

/// P = 1 from the start: no PBU ever gets through; RFC 5213 sec. 6.9.4 back-off.
class EndlessBackoffTestCase : public SimulationTestCase
{
  public:
    EndlessBackoffTestCase()
        : SimulationTestCase("signallingLoss = 1: the MAG retransmits the PBU with a back-off "
                             "doubling from InitialBindackTimeoutFirstReg up to "
                             "MaxBindackTimeout, as long as the MN stays")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        Pmipv6DomainHelper::Parameters p;
        p.signallingLoss = 1;
        domain.Build(p);
        PbuLog pbus(domain.GetMagApp(0));
        uint32_t pbusAtLma = 0;
        domain.GetLmaApp()->TraceConnectWithoutContext(
            "PbuReceived",
            MakeBoundCallback(
                +[](uint32_t* n, std::string, Ipv6Address, uint16_t, Time) { ++*n; },
                &pbusAtLma));
        Simulator::Stop(Seconds(200));
        Simulator::Run();

        // Waits 1.5, 3, 6, 12, 24, then 32 s (MaxBindackTimeout) each time.
        const double expectedS[] = {0, 1.5, 4.5, 10.5, 22.5, 46.5, 78.5, 110.5, 142.5, 174.5};
        const size_t n = sizeof(expectedS) / sizeof(expectedS[0]);
        PMIPV6_TEST_REQUIRE_EQ(pbus.at.size(), n, "PBUs sent in 200 s");
        for (size_t i = 0; i < n; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(pbus.at[i],
                                  p.firstAttach + Seconds(expectedS[i]),
                                  "send time of PBU " << i);
            NS_TEST_EXPECT_MSG_EQ(pbus.lifetimes[i].IsStrictlyPositive(),
                                  true,
                                  "PBU " << i << " is a registration");
        }
        NS_TEST_EXPECT_MSG_EQ(pbusAtLma, 0, "no PBU reached the LMA");
        NS_TEST_EXPECT_MSG_EQ(LostOnLinks(domain), n, "each PBU dropped on the wire");
        BindingUpdateListEntry* e =
            domain.GetMagApp(0)->GetBindingUpdateList().Find(domain.GetMnIdentifier(0));
        PMIPV6_TEST_REQUIRE_NE(e, nullptr, "the MAG forgot the attached MN");
        NS_TEST_EXPECT_MSG_EQ(BindingUpdateListEntry::StateName(e->state),
                              "WAIT_PBA",
                              "still waiting for a PBA");
        NS_TEST_EXPECT_MSG_EQ(e->retransmitEvent.IsRunning(), true, "next retransmission due");
    }
};

/**
 * A handover during a long outage of the signalling: the old MAG's
 * de-registration gives up after MaxPbuRetransmissions, the new MAG keeps
 * trying and registers once the outage ends; no half-registered state
 * remains and the packets flow again.
 */
class OutageHandoverTestCase : public SimulationTestCase
{
  public:
    OutageHandoverTestCase()
        : SimulationTestCase("100 s signalling outage over a handover: the new MAG registers "
                             "after it, nothing left half-registered")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        Pmipv6DomainHelper::Parameters p;
        p.signallingLoss = 1;
        domain.Build(p);
        SetLoss(&domain, 0);
        const Time outageStart = MilliSeconds(900);
        const Time outageEnd = Seconds(100);
        const Time t0 = Seconds(1);
        Simulator::Schedule(outageStart, &SetLoss, &domain, 1.0);
        Simulator::Schedule(outageEnd, &SetLoss, &domain, 0.0);
        domain.ScheduleHandover(0, t0, 1);
        PbuLog oldPbus(domain.GetMagApp(0));
        PbuLog newPbus(domain.GetMagApp(1));
        HandoverMeasurementHelper measure;
        measure.SetInterval(MilliSeconds(20));
        const Time stop = Seconds(115);
        measure.Install(domain, MilliSeconds(500), stop);
        Simulator::Stop(stop);
        Simulator::Run();

        // Old MAG: the registration, then a de-registration and its 5
        // retransmissions (MaxPbuRetransmissions), all lost; then it gives up.
        PMIPV6_TEST_REQUIRE_EQ(oldPbus.at.size(), 7, "PBUs of the old MAG");
        for (size_t i = 1; i < 7; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(oldPbus.lifetimes[i], Seconds(0), "de-registration " << i);
        }
        NS_TEST_EXPECT_MSG_EQ(
            domain.GetMagApp(0)->GetBindingUpdateList().Find(domain.GetMnIdentifier(0)),
            nullptr,
            "old MAG gave the de-registration up and removed the entry");
        // New MAG: retransmits through the outage; the one after it gets through.
        const Time attach = t0 + p.dhoL2;
        const double expectedS[] = {0, 1.5, 4.5, 10.5, 22.5, 46.5, 78.5, 110.5};
        const size_t n = sizeof(expectedS) / sizeof(expectedS[0]);
        PMIPV6_TEST_REQUIRE_EQ(newPbus.at.size(), n, "PBUs of the new MAG");
        for (size_t i = 0; i < n; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(newPbus.at[i],
                                  attach + Seconds(expectedS[i]),
                                  "send time of PBU " << i);
        }
        std::vector<std::string> problems = domain.CheckBindings();
        NS_TEST_EXPECT_MSG_EQ(problems.size(), 0, "half-registered: " << Join(problems));
        BindingUpdateListEntry* e =
            domain.GetMagApp(1)->GetBindingUpdateList().Find(domain.GetMnIdentifier(0));
        PMIPV6_TEST_REQUIRE_NE(e, nullptr, "new MAG has no entry");
        NS_TEST_EXPECT_MSG_EQ(BindingUpdateListEntry::StateName(e->state),
                              "REGISTERED",
                              "new MAG's entry");

        // Packets flow again: every downlink packet sent once the binding
        // and the MAG were both ready (last PBU + RTT, plus the CN-MAG path) arrived.
        const double readyMs = Ms(newPbus.at.back() + p.rttMagLma);
        const double pathMs = Ms(p.cnLmaDelay + p.rttMagLma / 2);
        uint64_t sentAfter = 0;
        uint64_t receivedAfter = 0;
        for (const ProbeRecord& r : measure.GetDownlinkReceiver(0)->GetProbeRecords(0))
        {
            if (r.txMs > readyMs - pathMs + 1)
            {
                receivedAfter++;
            }
        }
        double lastTxMs = Ms(stop) - 20;
        sentAfter = static_cast<uint64_t>((lastTxMs - (readyMs - pathMs + 1)) / 20);
        NS_TEST_EXPECT_MSG_GT(receivedAfter, 100, "downlink packets after the registration");
        NS_TEST_EXPECT_MSG_EQ_TOL(double(receivedAfter),
                                  double(sentAfter),
                                  2.0,
                                  "every downlink packet after the registration arrived");
    }
};

/// Random losses at P = 0.3 over several handovers of the whole scenario.
class RandomLossScenarioTestCase : public SimulationTestCase
{
  public:
    RandomLossScenarioTestCase()
        : SimulationTestCase("signallingLoss = 0.3: handovers complete after retransmissions, "
                             "nothing left half-registered")
    {
    }

  private:
    void DoRun() override
    {
        HandoverScenario::Config c;
        c.scheme = "pmipv6";
        c.domain.mags = 3;
        c.domain.signallingLoss = 0.3;
        c.handovers = 6;
        c.spacing = Seconds(100);
        c.packetInterval = MilliSeconds(50);
        HandoverScenario scenario(c);
        auto results = scenario.Run();
        PMIPV6_TEST_REQUIRE_EQ(results.size(), 2 * c.handovers, "results");
        uint32_t retransmitted = 0;
        for (const auto& r : results)
        {
            NS_TEST_EXPECT_MSG_EQ(r.completed,
                                  true,
                                  "handover " << r.handover << " " << r.direction << " completed");
            if (r.direction == "down" && r.registeredMs > 1500)
            {
                retransmitted++; // registered after at least one retransmission
                NS_TEST_EXPECT_MSG_GT(r.metrics.latencyMs,
                                      1500,
                                      "the outage lasts until the retransmission");
            }
        }
        NS_TEST_EXPECT_MSG_GT(scenario.GetTotals().signallingLost, 0, "messages lost");
        NS_TEST_EXPECT_MSG_GT(retransmitted, 0, "handovers that needed a retransmission");
        NS_TEST_EXPECT_MSG_EQ(scenario.GetTotals().bindingProblems.size(),
                              0,
                              "half-registered: " << Join(scenario.GetTotals().bindingProblems));
    }
};

/**
 * A fast handover with the MAG-MAG messages lost: all of them (HI lost: the
 * new MAG learns of the MN only at its attach) or only those the old MAG
 * receives (HAck lost). Either way the handover completes on the normal path
 * and leaves nothing behind: with RFC 5949 the old MAG, left waiting for a
 * HAck that never comes, gives up after BufferingTimeout (on the old code it
 * kept its HO_INITIATED context, its registered entry and its tunnels).
 */
class FastHandoverLossTestCase : public SimulationTestCase
{
  public:
    FastHandoverLossTestCase(const std::string& scheme, bool onlyToOldMag)
        : SimulationTestCase(scheme + " with " + (onlyToOldMag ? "HAck" : "HI") +
                             " lost: the handover completes, nothing left behind"),
          m_scheme(scheme),
          m_onlyToOldMag(onlyToOldMag)
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        std::vector<Ptr<FastHandoverMagExtension>> ext;
        bool fpmipv6 = m_scheme == "fpmipv6";
        domain.SetLmaExtension("ns3::RelayedUplinkLmaExtension");
        domain.SetMagExtensionFactory([&ext, fpmipv6](uint32_t) -> Ptr<MagExtension> {
            if (fpmipv6)
            {
                ext.push_back(CreateObject<Fpmipv6MagExtension>());
            }
            else
            {
                ext.push_back(CreateObject<Pfmipv6MagExtension>());
            }
            return ext.back();
        });
        Pmipv6DomainHelper::Parameters p;
        domain.Build(p);
        Ptr<SignallingErrorModel> toOld = CreateObject<SignallingErrorModel>();
        toOld->SetAttribute("Probability", DoubleValue(1.0));
        P2pDeviceTowards(domain.GetMag(0), domain.GetMag(1))->SetReceiveErrorModel(toOld);
        Ptr<SignallingErrorModel> toNew = CreateObject<SignallingErrorModel>();
        toNew->SetAttribute("Probability", DoubleValue(m_onlyToOldMag ? 0.0 : 1.0));
        P2pDeviceTowards(domain.GetMag(1), domain.GetMag(0))->SetReceiveErrorModel(toNew);

        const Time t0 = Seconds(1);
        const Time tpred = MilliSeconds(40);
        Simulator::Schedule(t0 - tpred, [&]() {
            ext[0]->PredictHandover(domain.GetMnIdentifier(0), domain.GetProxyCoa(1));
        });
        domain.ScheduleHandover(0, t0, 1);
        PbuLog newPbus(domain.GetMagApp(1));
        HandoverMeasurementHelper measure;
        const Time stop = Seconds(4);
        measure.Install(domain, MilliSeconds(500), Seconds(3));
        Simulator::Stop(stop);
        Simulator::Run();

        // HI and FBack go to the new MAG, HAck and FBU to the old one.
        if (!fpmipv6)
        {
            // RFC 5949: the new MAG registers at the attach (sec. 4.1); a
            // reactive HI (F flag) follows when it knew nothing of the MN.
            NS_TEST_EXPECT_MSG_GT_OR_EQ(toNew->GetSignallingCount(), 1, "the HI");
            NS_TEST_EXPECT_MSG_EQ(toNew->GetDropCount(), m_onlyToOldMag ? 0 : 1, "HI lost");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(toOld->GetDropCount(),
                                        1,
                                        (m_onlyToOldMag ? "HAck" : "reactive HI") << " lost");
            PMIPV6_TEST_REQUIRE_EQ(newPbus.at.empty(), false, "new MAG sent no PBU");
            NS_TEST_EXPECT_MSG_EQ(newPbus.at[0], t0 + p.dhoL2, "PBU at the attach");
        }
        else if (m_onlyToOldMag)
        {
            NS_TEST_EXPECT_MSG_GT_OR_EQ(toNew->GetSignallingCount(),
                                        1,
                                        "the HI reached the new MAG");
            NS_TEST_EXPECT_MSG_EQ(toNew->GetDropCount(), 0, "the HI reached the new MAG");
            // and, since RFC 5949 HI Code 2, "forwarding completed" too
            NS_TEST_EXPECT_MSG_GT_OR_EQ(toOld->GetDropCount(), 2, "HAck and FBU lost");
            PMIPV6_TEST_REQUIRE_EQ(newPbus.at.empty(), false, "new MAG sent no PBU");
            NS_TEST_EXPECT_MSG_LT(newPbus.at[0], t0, "the HI made the new MAG register ahead");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(toNew->GetDropCount(), 1, "HI lost");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(toOld->GetDropCount(), 1, "FBU (and HI Code 2) lost");
            PMIPV6_TEST_REQUIRE_EQ(newPbus.at.empty(), false, "new MAG sent no PBU");
            NS_TEST_EXPECT_MSG_EQ(newPbus.at[0], t0 + p.dhoL2, "PBU at the attach");
        }
        std::vector<std::string> problems = domain.CheckBindings();
        NS_TEST_EXPECT_MSG_EQ(problems.size(), 0, "left behind: " << Join(problems));
        // The downlink flows again within a few round trips of the attach.
        auto metrics = measure.Compute();
        PMIPV6_TEST_REQUIRE_EQ(metrics.size(), 2, "one handover, two directions");
        for (const auto& r : metrics)
        {
            NS_TEST_EXPECT_MSG_EQ(r.completed, true, r.direction << " completed");
            NS_TEST_EXPECT_MSG_LT(r.metrics.latencyMs, 100, r.direction << " latency");
        }
    }

    std::string m_scheme;
    bool m_onlyToOldMag;
};

class LossySignallingTestSuite : public TestSuite
{
  public:
    LossySignallingTestSuite()
        : TestSuite("lossy-signalling", UNIT)
    {
        AddTestCase(new ErrorModelBytesTestCase, TestCase::QUICK);
        AddTestCase(new DataUntouchedTestCase, TestCase::QUICK);
        AddTestCase(new JitterTestCase, TestCase::QUICK);
        AddTestCase(new EndlessBackoffTestCase, TestCase::QUICK);
        AddTestCase(new OutageHandoverTestCase, TestCase::QUICK);
        AddTestCase(new RandomLossScenarioTestCase, TestCase::QUICK);
        AddTestCase(new FastHandoverLossTestCase("fpmipv6", false), TestCase::QUICK);
        AddTestCase(new FastHandoverLossTestCase("fpmipv6", true), TestCase::QUICK);
        AddTestCase(new FastHandoverLossTestCase("pfmipv6", false), TestCase::QUICK);
        AddTestCase(new FastHandoverLossTestCase("pfmipv6", true), TestCase::QUICK);
    }
};

LossySignallingTestSuite g_lossySignallingTestSuite;

} // namespace
