// SPDX-License-Identifier: GPL-2.0-only
/*
 * System tests of the MAG (RFC 5213 sec. 6): PBU retransmission when a PBA
 * is lost, the binding update list state machine over one handover with its
 * Router Advertisement, and no service without a policy profile.
 */
#include "handover-measurement-helper.h"
#include "pmipv6-domain-helper.h"
#include "pmipv6-test-utils.h"

#include "ns3/error-model.h"
#include "ns3/mac64-address.h"
#include "ns3/ppp-header.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

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

/**
 * Drops the first \p count frames that carry a Mobility Header of one MH
 * Type (as a point-to-point receive error model: frames start with the PPP
 * header), and nothing else.
 */
class DropMobilityMessageErrorModel : public ErrorModel
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::pmipv6test::DropMobilityMessageErrorModel")
                                .SetParent<ErrorModel>()
                                .SetGroupName("Pmipv6")
                                .AddConstructor<DropMobilityMessageErrorModel>();
        return tid;
    }

    void Configure(uint8_t mhType, uint32_t count)
    {
        m_mhType = mhType;
        m_toDrop = count;
    }

    std::vector<Time> dropped;

  private:
    bool DoCorrupt(Ptr<Packet> p) override
    {
        if (dropped.size() >= m_toDrop)
        {
            return false;
        }
        Ptr<Packet> copy = p->Copy();
        PppHeader ppp;
        Ipv6Header ip;
        copy->RemoveHeader(ppp);
        if (ppp.GetProtocol() != 0x0057 || copy->GetSize() < ip.GetSerializedSize())
        {
            return false;
        }
        copy->RemoveHeader(ip);
        uint8_t common[3];
        if (ip.GetNextHeader() != MobilityHeader::PROT_NUMBER || copy->GetSize() < 3)
        {
            return false;
        }
        copy->CopyData(common, 3);
        if (common[2] != m_mhType)
        {
            return false;
        }
        dropped.push_back(Simulator::Now());
        return true;
    }

    void DoReset() override
    {
    }

    uint8_t m_mhType{0};
    uint32_t m_toDrop{0};
};

/// Records the traces of one MAG.
class MagRecorder
{
  public:
    struct Event
    {
        Time at;
        std::string what;
    };

    explicit MagRecorder(Ptr<Pmipv6Mag> mag)
    {
        mag->TraceConnectWithoutContext("State", MakeCallback(&MagRecorder::OnState, this));
        mag->TraceConnectWithoutContext("PbuSent", MakeCallback(&MagRecorder::OnPbu, this));
        mag->TraceConnectWithoutContext("PbaReceived", MakeCallback(&MagRecorder::OnPba, this));
        mag->TraceConnectWithoutContext("RouterAdvertisement",
                                        MakeCallback(&MagRecorder::OnRa, this));
        mag->TraceConnectWithoutContext("Attach", MakeCallback(&MagRecorder::OnAttach, this));
    }

    std::vector<Event> states; //!< "FROM->TO"
    std::vector<Event> pbus;   //!< "mnId lifetime-ms"
    std::vector<Event> pbas;   //!< "status"
    std::vector<Event> ras;
    std::vector<Event> attaches; //!< mnId ("" without policy)

    std::string StatesText() const
    {
        std::ostringstream os;
        for (const auto& e : states)
        {
            os << e.what << " ";
        }
        return os.str();
    }

  private:
    void OnState(std::string mnId, std::string from, std::string to)
    {
        states.push_back({Simulator::Now(), from + "->" + to});
    }

    void OnPbu(std::string mnId, uint16_t seq, Time lifetime)
    {
        std::ostringstream os;
        os << mnId << " " << lifetime.GetMilliSeconds();
        pbus.push_back({Simulator::Now(), os.str()});
    }

    void OnPba(std::string mnId, uint8_t status, Time lifetime)
    {
        pbas.push_back({Simulator::Now(), std::to_string(status)});
    }

    void OnRa(std::string mnId, Address mn)
    {
        ras.push_back({Simulator::Now(), mnId});
    }

    void OnAttach(std::string mnId, Address mn)
    {
        attaches.push_back({Simulator::Now(), mnId});
    }
};

// ---------------------------------------------------------------------------

/**
 * RFC 5213 sec. 6.9.4 / RFC 6275 sec. 11.8: the new MAG's PBA is lost on
 * the wire; the MAG retransmits the PBU after InitialBindackTimeoutFirstReg,
 * the handover completes, and the downlink flows again.
 *
 * Timeline (t0 link lost, D = 11, Rl = 30, timeout T = 300 ms): PBU at
 * t0 + D, its PBA dropped at t0 + D + Rl; the LMA has already moved the
 * binding and tunnels to the new MAG, which drops the tunnelled packets (no
 * tunnel endpoint while WAIT_PBA); retransmission at t0 + D + T, PBA at
 * t0 + D + T + Rl: REGISTERED. So dHO is that of PMIPv6 plus T.
 */
class LostPbaTestCase : public SimulationTestCase
{
  public:
    LostPbaTestCase()
        : SimulationTestCase(
              "lost PBA: PBU retransmitted after InitialBindackTimeoutFirstReg, handover "
              "completes, downlink resumes")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(Pmipv6DomainHelper::Parameters());
        const Pmipv6DomainHelper::Parameters& p = domain.GetParameters();
        const Time timeout = MilliSeconds(300);
        Ptr<Pmipv6Mag> newMag = domain.GetMagApp(1);
        newMag->SetAttribute("InitialBindackTimeoutFirstReg", TimeValue(timeout));
        Ptr<DropMobilityMessageErrorModel> loss = CreateObject<DropMobilityMessageErrorModel>();
        loss->Configure(static_cast<uint8_t>(MhType::BindingAck), 1);
        P2pDeviceTowards(domain.GetMag(1), domain.GetLma())->SetReceiveErrorModel(loss);
        MagRecorder rec(newMag);

        const Time t0 = Seconds(1);
        domain.ScheduleHandover(0, t0, 1);
        HandoverMeasurementHelper measure;
        const Time stop = Seconds(2);
        measure.Install(domain, MilliSeconds(500), stop);
        Simulator::Stop(Seconds(2.5));
        Simulator::Run();

        PMIPV6_TEST_REQUIRE_EQ(loss->dropped.size(), 1, "PBAs dropped on the wire");
        PMIPV6_TEST_REQUIRE_EQ(rec.pbus.size(), 2, "PBUs sent by the new MAG");
        const Time first = rec.pbus[0].at;
        NS_TEST_EXPECT_MSG_EQ(first, t0 + p.dhoL2, "first PBU at the attach");
        NS_TEST_EXPECT_MSG_EQ(rec.pbus[1].at - first, timeout, "retransmission delay");
        NS_TEST_EXPECT_MSG_EQ(rec.pbus[1].what,
                              rec.pbus[0].what,
                              "retransmission is a registration again");
        NS_TEST_EXPECT_MSG_EQ(rec.StatesText(),
                              "IDLE->WAIT_PBA WAIT_PBA->REGISTERED ",
                              "new MAG's states");
        PMIPV6_TEST_REQUIRE_EQ(rec.states.size(), 2, "state changes");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(rec.states[1].at),
                                  Ms(rec.pbus[1].at + p.rttMagLma),
                                  0.05,
                                  "REGISTERED one RTT after the retransmission");
        PMIPV6_TEST_REQUIRE_EQ(rec.pbas.size(), 1, "PBAs that reached the new MAG");
        NS_TEST_EXPECT_MSG_EQ(rec.pbas[0].what, "0", "PBA status");
        BindingCacheEntry* bce =
            domain.GetLmaApp()->GetBindingCache().Find(domain.GetMnIdentifier(0));
        PMIPV6_TEST_REQUIRE_NE(bce, nullptr, "no binding");
        NS_TEST_EXPECT_MSG_EQ(bce->proxyCoa, domain.GetProxyCoa(1), "binding at the new MAG");

        // Downlink after the registration: every packet the CN sent once the
        // new MAG could deliver it arrived.
        const Time registered = rec.states[1].at;
        const double pathMs = Ms(p.cnLmaDelay + p.rttMagLma / 2);
        uint64_t after = 0;
        double lastTx = 0;
        for (const ProbeRecord& r : measure.GetDownlinkReceiver(0)->GetProbeRecords(0))
        {
            if (r.txMs > Ms(registered) - pathMs)
            {
                after++;
            }
            lastTx = std::max(lastTx, r.txMs);
        }
        const double expectAfter = (Ms(stop) - (Ms(registered) - pathMs)) / 1.0;
        NS_TEST_EXPECT_MSG_EQ_TOL(double(after),
                                  expectAfter,
                                  2.0,
                                  "downlink packets delivered after the handover");
        NS_TEST_EXPECT_MSG_GT(lastTx, Ms(stop) - 2, "the last downlink packets arrived");
        std::vector<HandoverMeasurementHelper::Result> results = measure.Compute();
        PMIPV6_TEST_REQUIRE_EQ(results.size(), 2, "one handover, two directions");
        // PMIPv6's D + Rl + Ra/2 (see pmipv6-handover), plus the timeout.
        const double expectedLatency = Ms(p.dhoL2 + timeout + p.rttMagLma + p.rttMagAp / 2);
        NS_TEST_EXPECT_MSG_EQ_TOL(results[0].metrics.latencyMs,
                                  expectedLatency,
                                  1.0,
                                  "downlink dHO with one lost PBA");
        Simulator::Destroy();
    }
};

// ---------------------------------------------------------------------------

/**
 * RFC 5213 sec. 6.9: over one handover the new MAG goes IDLE -> WAIT_PBA ->
 * REGISTERED and then sends the MN a Router Advertisement (sec. 6.7: after
 * the PBA, carrying the HNP it returned); the old MAG de-registers:
 * REGISTERED -> DEREGISTERING -> IDLE.
 */
class StateMachineTestCase : public SimulationTestCase
{
  public:
    StateMachineTestCase()
        : SimulationTestCase("one handover: new MAG IDLE-WAIT_PBA-REGISTERED then RA; old MAG "
                             "REGISTERED-DEREGISTERING-IDLE")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(Pmipv6DomainHelper::Parameters());
        const Pmipv6DomainHelper::Parameters& p = domain.GetParameters();
        MagRecorder oldMag(domain.GetMagApp(0));
        MagRecorder newMag(domain.GetMagApp(1));
        const Time t0 = Seconds(1);
        domain.ScheduleHandover(0, t0, 1);
        Simulator::Stop(Seconds(1.5));
        Simulator::Run();

        // Old MAG: first registration at the initial attach, then the handover.
        NS_TEST_EXPECT_MSG_EQ(oldMag.StatesText(),
                              "IDLE->WAIT_PBA WAIT_PBA->REGISTERED "
                              "REGISTERED->DEREGISTERING DEREGISTERING->IDLE ",
                              "old MAG's states");
        NS_TEST_EXPECT_MSG_EQ(newMag.StatesText(),
                              "IDLE->WAIT_PBA WAIT_PBA->REGISTERED ",
                              "new MAG's states");
        PMIPV6_TEST_REQUIRE_EQ(oldMag.states.size(), 4, "old MAG state changes");
        PMIPV6_TEST_REQUIRE_EQ(newMag.states.size(), 2, "new MAG state changes");
        // Old MAG: told of the detach one access hop after t0; PBA one Rl later.
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(oldMag.states[2].at),
                                  Ms(t0 + p.rttMagAp / 2),
                                  0.01,
                                  "de-registration start");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(oldMag.states[3].at),
                                  Ms(t0 + p.rttMagAp / 2 + p.rttMagLma),
                                  0.05,
                                  "de-registration acknowledged");
        NS_TEST_EXPECT_MSG_EQ(newMag.states[0].at, t0 + p.dhoL2, "new MAG's PBU at the attach");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(newMag.states[1].at),
                                  Ms(t0 + p.dhoL2 + p.rttMagLma),
                                  0.05,
                                  "new MAG registered one RTT later");
        PMIPV6_TEST_REQUIRE_EQ(newMag.pbas.size(), 1, "PBAs at the new MAG");
        PMIPV6_TEST_REQUIRE_EQ(newMag.ras.size(), 1, "RAs from the new MAG");
        NS_TEST_EXPECT_MSG_EQ((newMag.ras[0].at >= newMag.pbas[0].at), true, "RA before the PBA");
        NS_TEST_EXPECT_MSG_EQ(newMag.ras[0].at, newMag.states[1].at, "RA when REGISTERED");
        NS_TEST_EXPECT_MSG_EQ(newMag.ras[0].what, domain.GetMnIdentifier(0), "RA's MN");
        // The old MAG advertised once, at the initial attach, not since.
        PMIPV6_TEST_REQUIRE_EQ(oldMag.ras.size(), 1, "RAs from the old MAG");
        NS_TEST_EXPECT_MSG_EQ((oldMag.ras[0].at < t0), true, "old MAG's RA time");
        Simulator::Destroy();
    }
};

// ---------------------------------------------------------------------------

/**
 * RFC 5213 sec. 6.9.1.1: a MAG serves only mobile nodes it has a policy
 * profile for; an unknown one attaching triggers no PBU.
 */
class UnknownMobileNodeTestCase : public SimulationTestCase
{
  public:
    UnknownMobileNodeTestCase()
        : SimulationTestCase("a MN without policy profile attaching gets no PBU sent")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(Pmipv6DomainHelper::Parameters());
        Ptr<Pmipv6Mag> mag = domain.GetMagApp(0);
        MagRecorder rec(mag);
        uint32_t lmaPbus = 0;
        domain.GetLmaApp()->TraceConnectWithoutContext(
            "PbuReceived",
            MakeCallback(+[](uint32_t* n, std::string, Ipv6Address, uint16_t, Time) {
                ++*n;
            }).Bind(&lmaPbus));

        // The access technology reports an unknown station on an access link.
        uint32_t accessIf = 0;
        Ptr<Ipv6L3Protocol> ipv6 = domain.GetMag(0)->GetObject<Ipv6L3Protocol>();
        for (uint32_t i = 0; i < ipv6->GetNInterfaces(); ++i)
        {
            if (mag->IsAccessInterface(i))
            {
                accessIf = i;
            }
        }
        const std::string stranger("stranger@elsewhere.example");
        size_t pbusBefore = 0;
        size_t bulBefore = 0;
        uint32_t lmaPbusBefore = 0;
        Simulator::Schedule(MilliSeconds(500), [&]() {
            pbusBefore = rec.pbus.size();
            bulBefore = mag->GetBindingUpdateList().GetSize();
            lmaPbusBefore = lmaPbus;
            mag->NotifyAttach(stranger, accessIf);
        });
        Simulator::Stop(Seconds(1));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_NE(accessIf, 0, "MAG 0 has an access interface");
        NS_TEST_EXPECT_MSG_EQ(pbusBefore, 1, "the known MN was registered");
        NS_TEST_EXPECT_MSG_EQ(rec.pbus.size(), pbusBefore, "PBU sent for the unknown MN");
        NS_TEST_EXPECT_MSG_EQ(lmaPbus, lmaPbusBefore, "PBU reached the LMA");
        NS_TEST_EXPECT_MSG_EQ(mag->GetBindingUpdateList().GetSize(),
                              bulBefore,
                              "binding update list grew");
        NS_TEST_EXPECT_MSG_EQ(mag->GetBindingUpdateList().Find(stranger),
                              nullptr,
                              "entry for the unknown MN");
        PMIPV6_TEST_REQUIRE_EQ(rec.attaches.size(), 2, "attaches seen by the MAG");
        NS_TEST_EXPECT_MSG_EQ(rec.attaches[1].what, "", "unknown MN has no identifier");
        Simulator::Destroy();
    }
};

// ---------------------------------------------------------------------------

/**
 * RFC 5213 sec. 6.9.1.4 (binding refresh): an attached MN's binding must be
 * refreshed before the lifetime the LMA granted runs out, whatever that
 * lifetime is. Here the LMA grants 4 s (its MaxBindingLifetime, below the
 * 60 s the MAG asks for) and the MAG's RefreshAdvance is 5 s. The MAG must
 * still refresh (sooner), not leave the binding to expire at the LMA while
 * it believes it REGISTERED.
 */
class ShortGrantedLifetimeTestCase : public SimulationTestCase
{
  public:
    ShortGrantedLifetimeTestCase()
        : SimulationTestCase("granted lifetime shorter than RefreshAdvance: binding still "
                             "refreshed before it expires")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(Pmipv6DomainHelper::Parameters());
        domain.GetLmaApp()->SetAttribute("MaxBindingLifetime", TimeValue(Seconds(4)));
        Ptr<Pmipv6Mag> mag = domain.GetMagApp(0);
        mag->SetAttribute("RefreshAdvance", TimeValue(Seconds(5)));
        MagRecorder rec(mag);
        std::vector<std::string> lmaEvents;
        domain.GetLmaApp()->TraceConnectWithoutContext(
            "Binding",
            MakeCallback(+[](std::vector<std::string>* out,
                             std::string,
                             Ipv6Address,
                             Ipv6Address,
                             Ipv6Address,
                             std::string event) {
                out->push_back(event);
            }).Bind(&lmaEvents));
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        std::ostringstream events;
        for (const auto& e : lmaEvents)
        {
            events << e << " ";
        }
        NS_TEST_EXPECT_MSG_GT(rec.pbus.size(), 1, "the MAG never refreshed the binding");
        NS_TEST_EXPECT_MSG_EQ(events.str().find("expired"),
                              std::string::npos,
                              "the attached MN's binding expired at the LMA: " << events.str());
        NS_TEST_EXPECT_MSG_NE(domain.GetLmaApp()->GetBindingCache().Find(domain.GetMnIdentifier(0)),
                              nullptr,
                              "binding of the attached MN gone");
        Simulator::Destroy();
    }
};

/**
 * RFC 5213 sec. 6.9.1.2: what the MAG does with a refusing PBA while the MN
 * is attached. MN 0 stays on MAG 0 throughout; the test makes MAG 0 send
 * PBUs that the LMA refuses:
 *  - 0.2 s, stamped 0 s (older than the binding's 0.01 s): 157 -> a new PBU
 *    with a fresh timestamp, accepted;
 *  - 1.0 s, stamped 0.5 s (outside the 300 ms window): 156 -> same;
 *  - 2.0 s a trusted peer takes the binding with a timestamp of 2.28 s (in
 *    the window, ahead of every clock); from 2.05 s MAG 0's PBUs all get
 *    157: 1 + MaxPbuRetransmissions (5) PBUs, then MAG 0 stops serving the
 *    MN (IDLE, RegistrationRefused 157) - no storm, binding unchanged;
 *  - 3.0 s a PBU for another prefix: 159 -> no retry, RegistrationRefused.
 */
class RefusedPbaTestCase : public SimulationTestCase
{
  public:
    RefusedPbaTestCase()
        : SimulationTestCase("refusing PBA: 157 and 156 re-register with a fresh timestamp, "
                             "bounded; other codes stop the service (traced)")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(Pmipv6DomainHelper::Parameters());
        Ptr<Pmipv6Lma> lma = domain.GetLmaApp();
        Ptr<Pmipv6Mag> mag = domain.GetMagApp(0);
        const std::string mn = domain.GetMnIdentifier(0);
        const std::string mnId = mn;
        LmaPeer peer(domain, 0, MilliSeconds(5));
        lma->AddTrustedMag(peer.GetAddress());
        MagRecorder rec(mag);
        std::vector<std::pair<Time, unsigned>> refused;
        mag->TraceConnectWithoutContext(
            "RegistrationRefused",
            MakeCallback(+[](std::vector<std::pair<Time, unsigned>>* out,
                             std::string,
                             uint8_t status) { out->push_back({Simulator::Now(), status}); })
                .Bind(&refused));
        auto registerWith = [mag, mn](Time stamp) {
            BindingUpdateListEntry* e = mag->GetBindingUpdateList().Find(mn);
            NS_ABORT_MSG_UNLESS(e, "MN 0 has no entry at MAG 0");
            mag->Register(*e, TimeToMobilityTimestamp(stamp));
        };
        BindingCache& cache = lma->GetBindingCache();
        Simulator::Schedule(Seconds(0.2), [registerWith]() { registerWith(Seconds(0)); });
        Simulator::Schedule(Seconds(1.0), [registerWith]() { registerWith(Seconds(0.5)); });
        peer.SendAt(Seconds(2.0), MakePbu(mnId, 1, Seconds(60), Seconds(2.28)));
        std::string beforeStorm;
        Simulator::Schedule(Seconds(2.04), [&]() { beforeStorm = DescribeBindingCache(cache); });
        Simulator::Schedule(Seconds(2.05), [registerWith]() { registerWith(Simulator::Now()); });
        std::string afterStorm;
        std::string stateAfterStorm;
        Simulator::Schedule(Seconds(2.9), [&]() {
            afterStorm = DescribeBindingCache(cache);
            stateAfterStorm =
                BindingUpdateListEntry::StateName(mag->GetBindingUpdateList().Find(mn)->state);
        });
        Simulator::Schedule(Seconds(3.0), [&]() {
            BindingUpdateListEntry* e = mag->GetBindingUpdateList().Find(mn);
            mag->GetBindingUpdateList().SetPrefix(*e, {Ipv6Address("2001:999::"), 64});
            registerWith(Simulator::Now());
        });
        std::string afterOther;
        Simulator::Schedule(Seconds(3.5), [&]() { afterOther = DescribeBindingCache(cache); });
        Simulator::Stop(Seconds(4));
        Simulator::Run();

        std::ostringstream statuses;
        for (const auto& e : rec.pbas)
        {
            statuses << e.what << " ";
        }
        NS_TEST_EXPECT_MSG_EQ(statuses.str(),
                              "0 157 0 156 0 157 157 157 157 157 157 159 ",
                              "PBA statuses at MAG 0");
        uint32_t storm = 0;
        for (const auto& e : rec.pbus)
        {
            storm += e.at >= Seconds(2.05) && e.at < Seconds(2.9);
        }
        NS_TEST_EXPECT_MSG_EQ(storm, 6, "PBUs against a refusing LMA: 1 + MaxPbuRetransmissions");
        PMIPV6_TEST_REQUIRE_EQ(refused.size(), 2, "RegistrationRefused events");
        NS_TEST_EXPECT_MSG_EQ(refused[0].second, 157u, "gave up on 157");
        NS_TEST_EXPECT_MSG_GT(refused[0].first, Seconds(2.2), "after the retries");
        NS_TEST_EXPECT_MSG_EQ(refused[1].second, 159u, "159: no retry");
        std::ostringstream peerCoa;
        peerCoa << "coa=" << peer.GetAddress() << " ";
        NS_TEST_EXPECT_MSG_NE(beforeStorm.find(peerCoa.str()),
                              std::string::npos,
                              "the peer holds the binding: " << beforeStorm);
        NS_TEST_EXPECT_MSG_EQ(afterStorm, beforeStorm, "refused PBUs changed the binding cache");
        NS_TEST_EXPECT_MSG_EQ(afterOther, beforeStorm, "the 159 PBU changed the binding cache");
        NS_TEST_EXPECT_MSG_EQ(stateAfterStorm, "IDLE", "MAG 0 stopped serving the MN");
        // The two recoveries: accepted PBUs with a fresh timestamp right after 157 and 156.
        PMIPV6_TEST_REQUIRE_EQ(rec.pbas.size(), 12, "PBAs");
        NS_TEST_EXPECT_MSG_LT(rec.pbas[2].at, Seconds(0.3), "157 -> accepted at once");
        NS_TEST_EXPECT_MSG_LT(rec.pbas[4].at, Seconds(1.1), "156 -> accepted at once");
        Simulator::Destroy();
    }
};

/**
 * RFC 5213 sec. 6.9.1.1 / 8.4: the Handoff Indicator of each PBU on the
 * wire (read at the LMA): 1 at the MN's first attach, 3 after each move to
 * another MAG (the access network names the previous MAG), 5 on a refresh
 * (BindingLifetime 8 s: refreshed 2 s before it runs out). Every timestamp
 * is the wall-clock time of the epoch (2026) plus the simulation time.
 */
class HandoffIndicatorTestCase : public SimulationTestCase
{
  public:
    HandoffIndicatorTestCase()
        : SimulationTestCase("Handoff Indicator on the wire: 1 first attach, 3 between MAGs, "
                             "5 refresh; timestamps from the 2026 epoch")
    {
    }

  private:
    struct SeenPbu
    {
        Time at;
        Ipv6Address from;
        unsigned handoff;
        Time lifetime;
        uint64_t timestamp;
    };

    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(Pmipv6DomainHelper::Parameters());
        for (uint32_t i = 0; i < 2; ++i)
        {
            domain.GetMagApp(i)->SetAttribute("BindingLifetime", TimeValue(Seconds(8)));
        }
        std::vector<SeenPbu> seen;
        GetOrInstallL4Protocol<MobilityL4Protocol>(domain.GetLma())
            ->TraceConnectWithoutContext(
                "Rx",
                MakeCallback(+[](std::vector<SeenPbu>* out,
                                 Ptr<const Packet> p,
                                 Ipv6Address src,
                                 Ipv6Address dst) {
                    uint8_t type = 0;
                    BindingUpdateHeader pbu;
                    if (!MobilityHeader::PeekMhType(p, type) || type != 5 ||
                        p->Copy()->RemoveHeader(pbu) == 0)
                    {
                        return;
                    }
                    const MobilityOptions& o = pbu.GetOptions();
                    out->push_back({Simulator::Now(),
                                    src,
                                    o.handoffIndicator ? unsigned(*o.handoffIndicator) : 0u,
                                    pbu.GetLifetime(),
                                    o.timestamp.value_or(0)});
                }).Bind(&seen));
        domain.ScheduleHandover(0, Seconds(1), 1);
        domain.ScheduleHandover(0, Seconds(2), 0);
        Simulator::Stop(Seconds(9));
        Simulator::Run();

        const Ipv6Address mag0 = domain.GetProxyCoa(0);
        const Ipv6Address mag1 = domain.GetProxyCoa(1);
        std::ostringstream got;
        for (const auto& s : seen)
        {
            if (s.lifetime.IsZero())
            {
                continue; // the old MAGs' de-registrations
            }
            got << (s.from == mag0 ? "mag0" : s.from == mag1 ? "mag1" : "?") << ":" << s.handoff
                << " ";
        }
        NS_TEST_EXPECT_MSG_EQ(got.str(), "mag0:1 mag1:3 mag0:3 mag0:5 ", "registrations");
        const uint64_t epochSeconds = 1767225600;
        const Time oneWay = domain.GetParameters().rttMagLma / 2;
        for (const auto& s : seen)
        {
            const uint64_t seconds = s.timestamp >> 16;
            NS_TEST_EXPECT_MSG_GT_OR_EQ(seconds, epochSeconds, "timestamp before 2026");
            NS_TEST_EXPECT_MSG_EQ_TOL(MobilityTimestampToTime(s.timestamp).GetSeconds(),
                                      (s.at - oneWay).GetSeconds(),
                                      1e-3,
                                      "timestamp = sending time (simulation time + epoch)");
        }
        Simulator::Destroy();
    }
};

/**
 * RFC 5213 sec. 6.1: the MAG keys a MN by its MN-Identifier, not by a
 * 48-bit MAC. An LTE UE (64-bit link-layer address) attaches by MN-ID: the
 * PBU carries its 8-byte MN Link-layer Identifier, the LMA registers it, and
 * the MAG's entry is REGISTERED; a second MN showing the same link-layer
 * address under another MN-ID gets an entry of its own.
 */
class MnIdentifierKeyTestCase : public SimulationTestCase
{
  public:
    MnIdentifierKeyTestCase()
        : SimulationTestCase(
              "MAG: a MN is its MN-Identifier (a UE with a 64-bit address registers)")
    {
    }

  private:
    void DoRun() override
    {
        Pmipv6DomainHelper domain;
        domain.Build(Pmipv6DomainHelper::Parameters());
        Ptr<Pmipv6Mag> mag = domain.GetMagApp(0);
        const Mac64Address ue("00:00:00:00:00:00:00:2a");
        mag->AddPolicy("ue1@lte.example", ue, domain.GetLmaAddress());
        mag->AddPolicy("ue2@lte.example", ue, domain.GetLmaAddress());
        uint32_t accessIf = domain.GetAccessNetwork()->GetAccessInterfaces(0).at(0);
        Simulator::Schedule(MilliSeconds(300), [mag, accessIf]() {
            mag->NotifyAttach("ue1@lte.example", accessIf);
            mag->NotifyAttach("ue2@lte.example", accessIf);
        });
        Simulator::Stop(Seconds(1));
        Simulator::Run();

        for (const char* id : {"ue1@lte.example", "ue2@lte.example"})
        {
            BindingUpdateListEntry* e = mag->GetBindingUpdateList().Find(id);
            PMIPV6_TEST_REQUIRE_NE(e, nullptr, id << ": no entry at the MAG");
            NS_TEST_EXPECT_MSG_EQ(BindingUpdateListEntry::StateName(e->state),
                                  "REGISTERED",
                                  id << " at the MAG");
            BindingCacheEntry* b = domain.GetLmaApp()->GetBindingCache().Find(id);
            PMIPV6_TEST_REQUIRE_NE(b, nullptr, id << ": no binding at the LMA");
            uint8_t bytes[8];
            ue.CopyTo(bytes);
            NS_TEST_EXPECT_MSG_EQ((b->mnLinkLayerId == std::vector<uint8_t>(bytes, bytes + 8)),
                                  true,
                                  id << ": the PBU's MN Link-layer Identifier is the UE's 8 bytes");
        }
        NS_TEST_EXPECT_MSG_EQ(mag->GetBindingUpdateList().GetSize(), 3u, "MN 0 and the two UEs");
        Simulator::Destroy();
    }
};

class Pmipv6MagTestSuite : public TestSuite
{
  public:
    Pmipv6MagTestSuite()
        : TestSuite("pmipv6-mag", SYSTEM)
    {
        AddTestCase(new LostPbaTestCase, TestCase::QUICK);
        AddTestCase(new StateMachineTestCase, TestCase::QUICK);
        AddTestCase(new UnknownMobileNodeTestCase, TestCase::QUICK);
        AddTestCase(new ShortGrantedLifetimeTestCase, TestCase::QUICK);
        AddTestCase(new RefusedPbaTestCase, TestCase::QUICK);
        AddTestCase(new HandoffIndicatorTestCase, TestCase::QUICK);
        AddTestCase(new MnIdentifierKeyTestCase, TestCase::QUICK);
    }
};

Pmipv6MagTestSuite g_pmipv6MagTestSuite;

} // namespace
