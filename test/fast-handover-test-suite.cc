// SPDX-License-Identifier: GPL-2.0-only
/*
 * System tests of the fast-handover extensions on ideal access: the FPMIPv6 paper's
 * FPMIPv6 (old MAG coordinates) against its closed form (Eq. 1-9), RFC 5949
 * PFMIPv6 (predictive and reactive), the HI/HAck/FBU/FBack messages on the
 * MAG-MAG links, the handover state machines of the FPMIPv6 paper's Fig. 5 and 6, the
 * bounded buffers, and the two-interface mobile node (the FPMIPv6 paper, sec. 3.3).
 */
#include "fast-handover-mag-extension.h"
#include "fpmipv6-mag-extension.h"
#include "handover-measurement-helper.h"
#include "handover-probe.h"
#include "handover-scenario.h"
#include "ideal-access-channel.h"
#include "mn-interface-shim.h"
#include "pfmipv6-mag-extension.h"
#include "pmipv6-domain-helper.h"
#include "pmipv6-test-utils.h"

#include "ns3/ppp-header.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/udp-header.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <set>
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

Time
FromMs(double ms)
{
    return NanoSeconds(std::llround(ms * 1e6));
}

/// Print the measured-vs-closed-form rows when FAST_HANDOVER_TABLE is set.
bool
PrintTable()
{
    return std::getenv("FAST_HANDOVER_TABLE") != nullptr;
}

// ---------------------------------------------------------------------------
// The FPMIPv6 paper's closed form (sec. 4.2), as plotting/analytic.py has it.

/// D = DHO,L2, Rl = RTT_MAG-LMA, Rm = RTT_MAG-MAG, Ra = RTT_MAG-AP, in ms.
struct Delays
{
    double d;
    double rl;
    double rm;
    double ra;
};

/// Eq. 1 (with RTT_MAG-LMA in the third term, REFERENCE.md sec. 2): lHO.
double
LossPeriod(double tp, const Delays& m)
{
    return std::min(m.ra, std::max(0.0, m.ra + m.rm / 2 + m.rl - tp));
}

/// Which of Eq. 2-6 applies at \p tp (boundaries of analytic.latency_boundaries).
int
LatencyBranch(double tp, const Delays& m)
{
    const double b2 = m.rm + m.rl;
    const double b3 = m.rl + m.rm / 2;
    const double b4 = m.rl + m.rm / 2 - (m.d - m.ra);
    const double b5 = m.rl + m.ra - m.rm / 2 - m.d;
    if (tp >= b2)
    {
        return 2;
    }
    if (tp > b3)
    {
        return 3;
    }
    if (tp > b4)
    {
        return 4;
    }
    if (tp > b5)
    {
        return 5;
    }
    return 6;
}

/// Eq. 2-6: dHO with one interface.
double
Latency(double tp, const Delays& m)
{
    switch (LatencyBranch(tp, m))
    {
    case 2:
        return m.d + m.rm / 2;
    case 3:
        return m.d + tp - m.rl - m.rm / 2;
    case 4:
        return m.d;
    case 5:
        return m.rl + m.rm / 2 + m.ra - tp;
    default:
        return m.d + m.rm;
    }
}

/// Eq. 8: dHO with two interfaces.
double
LatencyTwoInterfaces(double tp, const Delays& m)
{
    const double b5 = m.rl + m.ra - m.rm / 2 - m.d;
    return tp > b5 ? std::max(0.0, m.rl + m.rm / 2 + m.ra - tp) : m.d + m.rm;
}

/// Eq. 9: dHO after a wrong prediction.
double
LatencyWrongPrediction(const Delays& m)
{
    return m.rm / 2 + m.d + std::min(m.rl, 2 * m.rm) + m.ra / 2;
}

const Delays kPaper{11, 30, 10, 5};
const Delays kOther{6, 40, 8, 4};

// ---------------------------------------------------------------------------
// Running HandoverScenario.

HandoverScenario::Config
MakeConfig(const std::string& scheme, const Delays& m, double tpredMs)
{
    HandoverScenario::Config c;
    c.scheme = scheme;
    c.domain.access = "ideal";
    c.domain.dhoL2 = FromMs(m.d);
    c.domain.rttMagLma = FromMs(m.rl);
    c.domain.rttMagMag = FromMs(m.rm);
    c.domain.rttMagAp = FromMs(m.ra);
    c.tpred = FromMs(tpredMs);
    c.handovers = 3;
    return c;
}

std::vector<HandoverMeasurementHelper::Result>
Direction(const std::vector<HandoverMeasurementHelper::Result>& all, const std::string& dir)
{
    std::vector<HandoverMeasurementHelper::Result> out;
    for (const auto& r : all)
    {
        if (r.direction == dir)
        {
            out.push_back(r);
        }
    }
    return out;
}

// ---------------------------------------------------------------------------
// Looking at packets.

using Bytes = std::vector<uint8_t>;

/// The sequence number of a downlink probe packet as a MAG holds it (UDP
/// header first, the IPv6 header apart); false if it is none.
bool
ProbeSeq(Ptr<const Packet> packet, uint32_t& seq)
{
    UdpHeader udp;
    if (packet->GetSize() < udp.GetSerializedSize() + HandoverProbeHeader::SIZE)
    {
        return false;
    }
    Ptr<Packet> p = packet->Copy();
    p->RemoveHeader(udp);
    if (udp.GetDestinationPort() != 9000) // HandoverMeasurementHelper's downlink port
    {
        return false;
    }
    HandoverProbeHeader probe;
    p->RemoveHeader(probe);
    seq = probe.GetSeq();
    return true;
}

/// One Mobility Header message seen leaving a MAG on a point-to-point link.
struct MhFrame
{
    Time at;
    Ipv6Header ip;
    Bytes payload;

    uint8_t Type() const
    {
        return payload.size() > 2 ? payload[2] : 0;
    }

    template <class H>
    bool Parse(H& h) const
    {
        Ptr<Packet> p = Create<Packet>(payload.data(), payload.size());
        return p->RemoveHeader(h) == payload.size();
    }

    bool ChecksumOk() const
    {
        Ptr<Packet> p = Create<Packet>(payload.data(), payload.size());
        return MobilityHeader::VerifyChecksum(p, ip.GetSource(), ip.GetDestination()) == 0;
    }
};

void
RecordMh(std::vector<MhFrame>* out, Ptr<const Packet> packet)
{
    Ptr<Packet> p = packet->Copy();
    PppHeader ppp;
    p->RemoveHeader(ppp);
    if (ppp.GetProtocol() != 0x0057) // IPv6
    {
        return;
    }
    MhFrame f;
    f.at = Simulator::Now();
    p->RemoveHeader(f.ip);
    if (f.ip.GetNextHeader() != MobilityHeader::PROT_NUMBER)
    {
        return; // data, tunnelled or not
    }
    f.payload.resize(p->GetSize());
    p->CopyData(f.payload.data(), f.payload.size());
    out->push_back(f);
}

Bytes
MacBytes(Mac48Address mac)
{
    Bytes b(6);
    mac.CopyTo(b.data());
    return b;
}

std::string
Join(const std::vector<std::string>& v)
{
    std::ostringstream s;
    for (std::size_t k = 0; k < v.size(); ++k)
    {
        s << (k ? " -> " : "") << v[k];
    }
    return s.str();
}

// ---------------------------------------------------------------------------

/**
 * A domain with a fast-handover extension on every MAG, built with
 * Pmipv6DomainHelper directly so that tests can reach the extensions and
 * trace them. The L2 part is played as helper/fast-handover-schemes.cc
 * plays it: the prediction Tpred before the link loss, HOInit relayed by
 * the AP (a second interface joins the target), HOComplete relayed by the
 * AP one access hop later (the MN leaves the old AP then).
 */
class FastHandoverDomain
{
  public:
    struct Transition
    {
        Time at;
        uint32_t mag;
        std::string from;
        std::string to;
    };

    struct PacketEvent
    {
        Time at;
        uint32_t mag;
        uint32_t seq;
    };

    FastHandoverDomain(const std::string& scheme, Time tpred)
        : m_scheme(scheme),
          m_tpred(tpred)
    {
    }

    /// Off: nobody listens to the MAGs' L2 commands (HOInit, HOComplete).
    void SetL2Control(bool on)
    {
        m_l2Control = on;
    }

    /// 0: the attribute's default.
    void SetBufferPackets(uint32_t packets)
    {
        m_bufferPackets = packets;
    }

    void Build(const Pmipv6DomainHelper::Parameters& p)
    {
        domain.SetLmaExtension("ns3::RelayedUplinkLmaExtension");
        domain.SetMagExtensionFactory([this](uint32_t i) -> Ptr<MagExtension> {
            Ptr<FastHandoverMagExtension> ext;
            if (m_scheme == "fpmipv6")
            {
                Ptr<Fpmipv6MagExtension> f = CreateObject<Fpmipv6MagExtension>();
                if (m_l2Control)
                {
                    f->SetL2ControlCallback(MakeCallback(&FastHandoverDomain::OnL2Command, this));
                }
                ext = f;
            }
            else
            {
                ext = CreateObject<Pfmipv6MagExtension>();
            }
            if (m_bufferPackets > 0)
            {
                ext->SetAttribute("BufferPackets", UintegerValue(m_bufferPackets));
            }
            ext->TraceConnectWithoutContext(
                "State",
                MakeCallback(&FastHandoverDomain::OnState, this).Bind(i));
            ext->TraceConnectWithoutContext(
                "Buffered",
                MakeCallback(&FastHandoverDomain::OnBuffered, this).Bind(i));
            ext->TraceConnectWithoutContext(
                "BufferDrop",
                MakeCallback(&FastHandoverDomain::OnBufferDrop, this).Bind(i));
            extensions.push_back(ext);
            return ext;
        });
        domain.Build(p);
    }

    /// Record every Mobility Header message any MAG sends on a p2p link.
    void CaptureMobilityMessages()
    {
        for (uint32_t i = 0; i < domain.GetParameters().mags; ++i)
        {
            Ptr<Node> mag = domain.GetMag(i);
            for (uint32_t d = 0; d < mag->GetNDevices(); ++d)
            {
                if (Ptr<PointToPointNetDevice> dev =
                        DynamicCast<PointToPointNetDevice>(mag->GetDevice(d)))
                {
                    dev->TraceConnectWithoutContext("MacTx",
                                                    MakeCallback(&RecordMh).Bind(&messages));
                }
            }
        }
    }

    void InstallProbes(Time start, Time stop)
    {
        measure.Install(domain, start, stop);
    }

    /**
     * The MN loses its link at \p linkLost and reaches \p to; with Tpred > 0
     * the old MAG is told Tpred earlier that it goes to \p predicted (\p to
     * if negative).
     */
    void PlanHandover(uint32_t mn, Time linkLost, uint32_t from, uint32_t to, int predicted = -1)
    {
        if (m_tpred.IsStrictlyPositive())
        {
            Simulator::Schedule(linkLost - m_tpred - Simulator::Now(),
                                &FastHandoverDomain::Predict,
                                this,
                                mn,
                                from,
                                predicted < 0 ? to : uint32_t(predicted));
        }
        domain.ScheduleHandover(mn, linkLost, to);
    }

    /// The L2 prediction at MAG \p from: \p mn will move to MAG \p to.
    void Predict(uint32_t mn, uint32_t from, uint32_t to)
    {
        predictions.push_back(Simulator::Now());
        const std::string mnId = domain.GetMnIdentifier(mn);
        Ipv6Address target = domain.GetProxyCoa(to);
        if (Ptr<Fpmipv6MagExtension> f = DynamicCast<Fpmipv6MagExtension>(extensions[from]))
        {
            f->PredictHandover(mnId, target);
        }
        else
        {
            DynamicCast<Pfmipv6MagExtension>(extensions[from])->PredictHandover(mnId, target);
        }
    }

    /// The states MAG \p mag went through for MN 0, starting with the first "from".
    std::vector<std::string> Path(uint32_t mag) const
    {
        std::vector<std::string> path;
        for (const Transition& t : transitions)
        {
            if (t.mag != mag)
            {
                continue;
            }
            if (path.empty())
            {
                path.push_back(t.from);
            }
            path.push_back(t.to);
        }
        return path;
    }

    /// When MAG \p mag entered \p state (the \p n-th time); -1 s if never.
    Time EnteredAt(uint32_t mag, const std::string& state, uint32_t n = 0) const
    {
        for (const Transition& t : transitions)
        {
            if (t.mag == mag && t.to == state && n-- == 0)
            {
                return t.at;
            }
        }
        return Seconds(-1);
    }

    /// Index of the first message of \p type from \p src to \p dst sent at or after \p after; -1.
    int FindMessage(uint8_t type, uint32_t src, int dst, Time after = Seconds(0)) const
    {
        Ipv6Address s = domain.GetProxyCoa(src);
        Ipv6Address d = dst < 0 ? domain.GetLmaAddress() : domain.GetProxyCoa(dst);
        for (std::size_t k = 0; k < messages.size(); ++k)
        {
            const MhFrame& f = messages[k];
            if (f.Type() == type && f.ip.GetSource() == s && f.ip.GetDestination() == d &&
                f.at >= after)
            {
                return int(k);
            }
        }
        return -1;
    }

    /// Messages of \p type between two MAGs, either way.
    uint32_t CountMagMag(uint8_t type) const
    {
        uint32_t n = 0;
        for (const MhFrame& f : messages)
        {
            if (f.Type() == type && domain.FindMag(f.ip.GetDestination()) >= 0)
            {
                n++;
            }
        }
        return n;
    }

    uint64_t TotalBufferDrops() const
    {
        uint64_t n = 0;
        for (const auto& e : extensions)
        {
            n += e->GetBufferDropCount();
        }
        return n;
    }

    Pmipv6DomainHelper domain;
    HandoverMeasurementHelper measure;
    std::vector<Ptr<FastHandoverMagExtension>> extensions;
    std::vector<Transition> transitions;
    std::vector<PacketEvent> buffered;
    std::vector<PacketEvent> bufferDrops;
    std::vector<MhFrame> messages;
    std::vector<Time> predictions;

  private:
    void OnState(uint32_t mag, std::string mnId, std::string from, std::string to)
    {
        transitions.push_back(Transition{Simulator::Now(), mag, from, to});
    }

    void OnBuffered(uint32_t mag, Ptr<const Packet> p, std::string mnId)
    {
        uint32_t seq = 0;
        if (ProbeSeq(p, seq))
        {
            buffered.push_back(PacketEvent{Simulator::Now(), mag, seq});
        }
    }

    void OnBufferDrop(uint32_t mag, Ptr<const Packet> p, std::string mnId)
    {
        uint32_t seq = UINT32_MAX; // not a probe packet: still a drop
        ProbeSeq(p, seq);
        bufferDrops.push_back(PacketEvent{Simulator::Now(), mag, seq});
    }

    void OnL2Command(std::string mnId, FastHandoverMagExtension::L2Command cmd, Ipv6Address target)
    {
        int mn = domain.FindMn(mnId);
        if (mn < 0)
        {
            return;
        }
        Time hop = domain.GetParameters().rttMagAp / 2;
        if (cmd == FastHandoverMagExtension::HO_INIT)
        {
            int mag = domain.FindMag(target);
            if (mag >= 0)
            {
                Simulator::Schedule(hop,
                                    [this, mn, mag]() {
                                        domain.GetAccessNetwork()->PrepareSecondInterface(mn, mag);
                                    });
            }
            return;
        }
        Time notAfter = Simulator::Now() + hop + m_tpred;
        Simulator::Schedule(hop, [this, mn, notAfter]() {
            domain.GetAccessNetwork()->ForceLinkLoss(mn, notAfter);
        });
    }

    std::string m_scheme;
    Time m_tpred;
    bool m_l2Control{true};
    uint32_t m_bufferPackets{0};
};

// ===========================================================================
// 1. FPMIPv6 against the FPMIPv6 paper's closed form.

/**
 * FPMIPv6 measured on ideal links (HandoverScenario, scheme "fpmipv6", three
 * handovers, 1 ms probes) against Eq. 1 (lHO) and Eq. 2-6 (dHO) at Tpred
 * values that cover every branch of Eq. 2-6. Tolerance RTT_MAG-AP/2 + 2
 * intervals: the model leaves out the last access hop to the MN, and a
 * measure on a packet grid is off by up to an interval at each end.
 */
class Fpmipv6ClosedFormTestCase : public SimulationTestCase
{
  public:
    Fpmipv6ClosedFormTestCase(const Delays& m, const std::vector<double>& tpreds)
        : SimulationTestCase(Name(m)),
          m_delays(m),
          m_tpreds(tpreds)
    {
    }

  private:
    static std::string Name(const Delays& m)
    {
        std::ostringstream s;
        s << "FPMIPv6 dHO and lHO vs the FPMIPv6 paper's Eq. 1-6 at D=" << m.d << " Rl=" << m.rl
          << " Rm=" << m.rm << " Ra=" << m.ra << " ms, every branch of Tpred";
        return s.str();
    }

    void DoRun() override
    {
        const Delays& m = m_delays;
        std::set<int> branches;
        for (double tp : m_tpreds)
        {
            branches.insert(LatencyBranch(tp, m));
        }
        NS_TEST_ASSERT_MSG_EQ(branches.size(),
                              5,
                              "the Tpred values must cover Eq. 2, 3, 4, 5 and 6");
        for (double tp : m_tpreds)
        {
            HandoverScenario::Config c = MakeConfig("fpmipv6", m, tp);
            const double interval = Ms(c.packetInterval);
            const double tolerance = m.ra / 2 + 2 * interval;
            HandoverScenario scenario(c);
            auto down = Direction(scenario.Run(), "down");
            NS_TEST_EXPECT_MSG_EQ(down.size(), 3, "Tpred " << tp << ": one result per handover");
            const double latency = Latency(tp, m);
            const double loss = LossPeriod(tp, m);
            for (const auto& r : down)
            {
                std::ostringstream where;
                where << "Tpred " << tp << " ms (Eq. " << LatencyBranch(tp, m) << "), handover "
                      << r.handover;
                NS_TEST_EXPECT_MSG_EQ((r.metrics.received > 0), true, where.str() << ": nothing");
                NS_TEST_EXPECT_MSG_EQ_TOL(r.metrics.latencyMs,
                                          latency,
                                          tolerance,
                                          where.str() << ": dHO measured " << r.metrics.latencyMs
                                                      << " vs Eq. 2-6 " << latency);
                NS_TEST_EXPECT_MSG_EQ_TOL(r.metrics.lossPeriodMs,
                                          loss,
                                          tolerance,
                                          where.str() << ": lHO measured " << r.metrics.lossPeriodMs
                                                      << " vs Eq. 1 " << loss);
                if (PrintTable())
                {
                    std::cout << "TABLE D=" << m.d << " Rl=" << m.rl << " Rm=" << m.rm
                              << " Ra=" << m.ra << " tp=" << tp << " eq=" << LatencyBranch(tp, m)
                              << " ho=" << r.handover << " dHO=" << r.metrics.latencyMs
                              << " (expected " << latency << ") lHO=" << r.metrics.lossPeriodMs
                              << " (expected " << loss << ")" << std::endl;
                }
            }
        }
        Simulator::Destroy();
    }

    Delays m_delays;
    std::vector<double> m_tpreds;
};

/**
 * The FPMIPv6 paper's headline numbers (Fig. 7, REFERENCE.md sec. 2) at its default
 * delays: Tpred >= 40 ms -> dHO 16, lHO 0; unpredicted -> 21 and 5; a wrong
 * prediction (Tpred 50) -> dHO 38.5 (Eq. 9) and no loss; two interfaces
 * (Tpred 50) -> 0 and 0. Same tolerance as above.
 */
class Fpmipv6HeadlineTestCase : public SimulationTestCase
{
  public:
    Fpmipv6HeadlineTestCase()
        : SimulationTestCase(
              "FPMIPv6 headline numbers of the FPMIPv6 paper (dHO, lHO: 16, 0; 21, 5; 38.5; 0, 0)")
    {
    }

  private:
    struct Case
    {
        std::string what;
        double tpred;
        bool wrongPrediction;
        uint32_t interfaces;
        double latency;
        double loss;
    };

    void DoRun() override
    {
        const Delays& m = kPaper;
        // The headline figures are the closed form's at these values.
        NS_TEST_EXPECT_MSG_EQ_TOL(Latency(45, m), 16, 1e-9, "Eq. 2");
        NS_TEST_EXPECT_MSG_EQ_TOL(Latency(0, m), 21, 1e-9, "Eq. 6");
        NS_TEST_EXPECT_MSG_EQ_TOL(LatencyWrongPrediction(m), 38.5, 1e-9, "Eq. 9");
        NS_TEST_EXPECT_MSG_EQ_TOL(LatencyTwoInterfaces(50, m), 0, 1e-9, "Eq. 8");
        const std::vector<Case> cases = {
            {"Tpred 40", 40, false, 1, 16, 0},
            {"Tpred 50", 50, false, 1, 16, 0},
            {"Tpred 80", 80, false, 1, 16, 0},
            {"unpredicted", 0, false, 1, 21, 5},
            {"wrong prediction, Tpred 50", 50, true, 1, 38.5, 0},
            {"two interfaces, Tpred 50", 50, false, 2, 0, 0},
        };
        for (const Case& k : cases)
        {
            HandoverScenario::Config c = MakeConfig("fpmipv6", m, k.tpred);
            c.wrongPrediction = k.wrongPrediction;
            c.domain.interfaces = k.interfaces;
            const double tolerance = m.ra / 2 + 2 * Ms(c.packetInterval);
            HandoverScenario scenario(c);
            auto down = Direction(scenario.Run(), "down");
            NS_TEST_EXPECT_MSG_EQ(down.size(), 3, k.what << ": one result per handover");
            for (const auto& r : down)
            {
                NS_TEST_EXPECT_MSG_EQ_TOL(r.metrics.latencyMs,
                                          k.latency,
                                          tolerance,
                                          k.what << " handover " << r.handover << ": dHO");
                NS_TEST_EXPECT_MSG_EQ_TOL(r.metrics.lossPeriodMs,
                                          k.loss,
                                          tolerance,
                                          k.what << " handover " << r.handover << ": lHO");
                if (PrintTable())
                {
                    std::cout << "HEADLINE " << k.what << " ho=" << r.handover
                              << " dHO=" << r.metrics.latencyMs << " (expected " << k.latency
                              << ") lHO=" << r.metrics.lossPeriodMs << " (expected " << k.loss
                              << ")" << std::endl;
                }
            }
        }
        Simulator::Destroy();
    }
};

// ===========================================================================
// 2. PFMIPv6 (RFC 5949).

/**
 * RFC 5949 downlink. Predictive (Tpred 45 ms): the PMAG forwards to the
 * NMAG, which buffers until the MN attaches, so what is lost is what was
 * in flight on the radio (lHO <= Ra + 2 intervals) and the outage is the L2
 * handover (dHO about D, plus the Ra/2 of the last hop). Reactive: the NMAG
 * asks for forwarding once the MN is there, one MAG-MAG round trip later
 * (dHO about D + Rm), and lHO about Ra.
 */
class Pfmipv6DownlinkTestCase : public SimulationTestCase
{
  public:
    Pfmipv6DownlinkTestCase(bool predictive, const Delays& m)
        : SimulationTestCase(Name(predictive, m)),
          m_predictive(predictive),
          m_delays(m)
    {
    }

  private:
    static std::string Name(bool predictive, const Delays& m)
    {
        std::ostringstream s;
        s << "PFMIPv6 " << (predictive ? "predictive (Tpred 45 ms)" : "reactive")
          << " downlink dHO and lHO at D=" << m.d << " Rl=" << m.rl << " Rm=" << m.rm
          << " Ra=" << m.ra;
        return s.str();
    }

    void DoRun() override
    {
        const Delays& m = m_delays;
        HandoverScenario::Config c =
            MakeConfig(m_predictive ? "pfmipv6-predictive" : "pfmipv6-reactive", m, 45);
        const double interval = Ms(c.packetInterval);
        const double tolerance = m.ra / 2 + 2 * interval;
        HandoverScenario scenario(c);
        auto down = Direction(scenario.Run(), "down");
        NS_TEST_EXPECT_MSG_EQ(down.size(), 3, "one result per handover");
        for (const auto& r : down)
        {
            std::ostringstream where;
            where << "handover " << r.handover;
            if (m_predictive)
            {
                NS_TEST_EXPECT_MSG_LT_OR_EQ(r.metrics.lossPeriodMs,
                                            m.ra + 2 * interval,
                                            where.str() << ": lHO");
                NS_TEST_EXPECT_MSG_EQ_TOL(r.metrics.latencyMs,
                                          m.d,
                                          tolerance,
                                          where.str() << ": dHO vs D");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ_TOL(r.metrics.latencyMs,
                                          m.d + m.rm,
                                          tolerance,
                                          where.str() << ": dHO vs D + Rm");
                NS_TEST_EXPECT_MSG_EQ_TOL(r.metrics.lossPeriodMs,
                                          m.ra,
                                          tolerance,
                                          where.str() << ": lHO vs Ra");
            }
            if (PrintTable())
            {
                std::cout << "PFMIPV6 " << (m_predictive ? "predictive" : "reactive")
                          << " down ho=" << r.handover << " dHO=" << r.metrics.latencyMs
                          << " lHO=" << r.metrics.lossPeriodMs << std::endl;
            }
        }
        Simulator::Destroy();
    }

    bool m_predictive;
    Delays m_delays;
};

/**
 * RFC 5949 uplink: "All MN1 uplink packets between step 8./9. and 12.
 * follow the forwarding path MN1 -> MAG2 -> MAG1 (through tunnel) -> LMA"
 * (the PMIPv6 tutorial notes, RFC 5949 sec. 4.1 predictive; sec. 4.2 reactive: "up- and
 * downlink packets are relayed through MAG1"), and the header of
 * Pfmipv6MagExtension says the same. So the MN's uplink is lost only while
 * it has no link:
 *  - predictive: the NMAG relays from the attach on; an uplink packet sent
 *    at T is lost iff it is still on the old radio link at t0
 *    (T > t0 - Ra/2) or sent before the attach (T < t0 + D): D + Ra/2;
 *  - reactive: the NMAG knows the MN's prefix (so which uplink is the
 *    MN's) once the HAck is in, t0 + D + Rm: lost iff
 *    t0 - Ra/2 < T < t0 + D + Rm - Ra/2, i.e. D + Rm (less when the NMAG
 *    still knows the prefix from an earlier handover of the MN, whose
 *    context lives ForwardingLifetime, longer than the handover spacing).
 * Plus up to 2 intervals for the packet grid. PMIPv6 loses D + Rl. The
 * relaying PMAG has already handed the binding over (MarkBindingMoved) but
 * keeps its tunnel to the LMA, and the LMA its tunnel to the PMAG, for
 * their grace periods, which is what this relaying is for.
 */
class Pfmipv6UplinkTestCase : public SimulationTestCase
{
  public:
    Pfmipv6UplinkTestCase(bool predictive, const Delays& m)
        : SimulationTestCase(Name(predictive, m)),
          m_predictive(predictive),
          m_delays(m)
    {
    }

  private:
    static std::string Name(bool predictive, const Delays& m)
    {
        std::ostringstream s;
        s << "PFMIPv6 " << (predictive ? "predictive (Tpred 45 ms)" : "reactive")
          << " uplink relayed NMAG -> PMAG -> LMA before the PBA: lost at most "
          << (predictive ? "D + Ra over 2" : "D + Rm") << " (D=" << m.d << " Rl=" << m.rl
          << " Rm=" << m.rm << " Ra=" << m.ra << ")";
        return s.str();
    }

    void DoRun() override
    {
        const Delays& m = m_delays;
        HandoverScenario::Config c =
            MakeConfig(m_predictive ? "pfmipv6-predictive" : "pfmipv6-reactive", m, 45);
        const double interval = Ms(c.packetInterval);
        const double bound = (m_predictive ? m.d + m.ra / 2 : m.d + m.rm) + 2 * interval;
        HandoverScenario scenario(c);
        auto up = Direction(scenario.Run(), "up");
        NS_TEST_EXPECT_MSG_EQ(up.size(), 3, "one result per handover");
        for (const auto& r : up)
        {
            NS_TEST_EXPECT_MSG_LT_OR_EQ(
                r.metrics.lossPeriodMs,
                bound,
                "handover " << r.handover << ": uplink lHO " << r.metrics.lossPeriodMs
                            << " ms (PMIPv6 would lose D + Rl = " << m.d + m.rl << ")");
            if (PrintTable())
            {
                std::cout << "PFMIPV6 " << (m_predictive ? "predictive" : "reactive")
                          << " up ho=" << r.handover << " lHO=" << r.metrics.lossPeriodMs
                          << " bound=" << bound << std::endl;
            }
        }
        Simulator::Destroy();
    }

    bool m_predictive;
    Delays m_delays;
};

// ===========================================================================
// 3. Messages on the wire.

const uint8_t kPbu = static_cast<uint8_t>(MhType::BindingUpdate);
const uint8_t kFbu = static_cast<uint8_t>(MhType::FastBindingUpdate);
const uint8_t kFback = static_cast<uint8_t>(MhType::FastBindingAck);
const uint8_t kHi = static_cast<uint8_t>(MhType::HandoverInitiate);
const uint8_t kHack = static_cast<uint8_t>(MhType::HandoverAck);

/// A handover 0 -> 1 of MN 0 at t0 with probes, on the FPMIPv6 paper's default delays.
const Time kT0 = MicroSeconds(1000300);
/// Timing of messages: serialization at 1 Gb/s and event order, well under this.
const double kTimingTolMs = 0.1;

/// Checks shared by the message tests: every captured message is well formed.
#define CHECK_ALL_CHECKSUMS(fh)                                                                    \
    do                                                                                             \
    {                                                                                              \
        NS_TEST_EXPECT_MSG_GT((fh).messages.size(), 0, "no mobility message captured");            \
        for (std::size_t k_ = 0; k_ < (fh).messages.size(); ++k_)                                  \
        {                                                                                          \
            NS_TEST_EXPECT_MSG_EQ(                                                                 \
                (fh).messages[k_].ChecksumOk(),                                                    \
                true,                                                                              \
                "message " << k_ << " (MH type " << unsigned((fh).messages[k_].Type()) << ") at "  \
                           << (fh).messages[k_].at.As(Time::MS) << ": Mobility Header checksum");  \
        }                                                                                          \
    } while (false)

/**
 * The FPMIPv6 paper, sec. 3.2, predictive FPMIPv6 (Tpred 50 ms) on the wire: HI old ->
 * new MAG (MH type 14, P flag, MN-ID, MN-LL-ID, HNP, LMA address,
 * timestamp); the new MAG's PBU carries exactly the HI's timestamp; HAck
 * (type 15) new -> old with the HI's sequence number after the PBA; FBU
 * (type 8) new -> old at the attach; FBack (type 9) old -> new. Each once,
 * in that order, each with a valid checksum.
 */
class Fpmipv6PredictiveMessagesTestCase : public SimulationTestCase
{
  public:
    Fpmipv6PredictiveMessagesTestCase()
        : SimulationTestCase("FPMIPv6 predictive on the wire: HI, PBU with the HI's timestamp, "
                             "HAck (P, U), FBU, FBack, HI Code 2 ends the forwarding")
    {
    }

  private:
    void DoRun() override
    {
        FastHandoverDomain fh("fpmipv6", MilliSeconds(50));
        fh.Build(Pmipv6DomainHelper::Parameters());
        fh.CaptureMobilityMessages();
        fh.InstallProbes(MilliSeconds(500), MilliSeconds(1500));
        fh.PlanHandover(0, kT0, 0, 1);
        Simulator::Stop(Seconds(1.6));
        Simulator::Run();

        const Pmipv6DomainHelper& d = fh.domain;
        const Pmipv6DomainHelper::Parameters& p = d.GetParameters();
        CHECK_ALL_CHECKSUMS(fh);
        PMIPV6_TEST_REQUIRE_EQ(fh.predictions.size(), 1, "prediction made");
        PMIPV6_TEST_REQUIRE_EQ(d.GetL2Handovers().size(), 1, "one L2 handover");
        const Time attached = d.GetL2Handovers()[0].attached;
        NS_TEST_EXPECT_MSG_EQ(fh.CountMagMag(kHi), 2, "HIs between the MAGs (prediction, Code 2)");
        NS_TEST_EXPECT_MSG_EQ(fh.CountMagMag(kHack), 1, "HAcks between the MAGs");
        NS_TEST_EXPECT_MSG_EQ(fh.CountMagMag(kFbu), 1, "FBUs between the MAGs");
        NS_TEST_EXPECT_MSG_EQ(fh.CountMagMag(kFback), 1, "FBacks between the MAGs");

        // HI, old -> new MAG, when the prediction is made.
        int hiIdx = fh.FindMessage(kHi, 0, 1);
        PMIPV6_TEST_REQUIRE_NE(hiIdx, -1, "HI from MAG 0 to MAG 1");
        const MhFrame& hiFrame = fh.messages[hiIdx];
        HandoverInitiateHeader hi;
        PMIPV6_TEST_REQUIRE_EQ(hiFrame.Parse(hi), true, "HI parses");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(hiFrame.at),
                                  Ms(fh.predictions[0]),
                                  kTimingTolMs,
                                  "HI sent at the prediction");
        NS_TEST_EXPECT_MSG_EQ(hi.GetFlagP(), true, "HI: P flag");
        NS_TEST_EXPECT_MSG_EQ(hi.GetFlagF(), false, "HI: F flag (not a forwarding request)");
        const MobilityOptions& o = hi.GetOptions();
        NS_TEST_EXPECT_MSG_EQ((o.mnIdentifier == std::optional<std::string>(d.GetMnIdentifier(0))),
                              true,
                              "HI: MN-ID option");
        NS_TEST_EXPECT_MSG_EQ(
            (o.mnLinkLayerId == std::optional<Bytes>(MacBytes(d.GetMnLinkLayerId(0)))),
            true,
            "HI: MN-LL-ID option");
        BindingCacheEntry* bce = d.GetLmaApp()->GetBindingCache().Find(d.GetMnIdentifier(0));
        PMIPV6_TEST_REQUIRE_NE(bce, nullptr, "MN has a binding");
        PMIPV6_TEST_REQUIRE_EQ(o.homeNetworkPrefixes.size(), 1, "HI: one HNP option");
        NS_TEST_EXPECT_MSG_EQ(o.homeNetworkPrefixes[0].prefix,
                              bce->homeNetworkPrefix.prefix,
                              "HI: the MN's HNP");
        NS_TEST_EXPECT_MSG_EQ((o.lmaAddress == std::optional<Ipv6Address>(d.GetLmaAddress())),
                              true,
                              "HI: LMA address option");
        PMIPV6_TEST_REQUIRE_EQ(o.timestamp.has_value(), true, "HI: timestamp option");

        // The new MAG's PBU, with exactly the HI's timestamp.
        int pbuIdx = fh.FindMessage(kPbu, 1, -1, hiFrame.at);
        PMIPV6_TEST_REQUIRE_NE(pbuIdx, -1, "PBU from MAG 1 after the HI");
        const MhFrame& pbuFrame = fh.messages[pbuIdx];
        BindingUpdateHeader pbu;
        PMIPV6_TEST_REQUIRE_EQ(pbuFrame.Parse(pbu), true, "PBU parses");
        NS_TEST_EXPECT_MSG_EQ(pbu.GetFlagP(), true, "PBU: P flag");
        NS_TEST_EXPECT_MSG_GT(pbu.GetLifetimeUnits(), 0, "PBU: a registration");
        PMIPV6_TEST_REQUIRE_EQ(pbu.GetOptions().timestamp.has_value(), true, "PBU: timestamp");
        NS_TEST_EXPECT_MSG_EQ(*pbu.GetOptions().timestamp,
                              *o.timestamp,
                              "PBU timestamp == HI timestamp (the FPMIPv6 paper, sec. 3.2)");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(pbuFrame.at),
                                  Ms(hiFrame.at) + Ms(p.rttMagMag) / 2,
                                  kTimingTolMs,
                                  "PBU sent when the HI arrives");
        NS_TEST_EXPECT_MSG_LT(pbuFrame.at, attached, "PBU before the MN attaches");

        // HAck, new -> old, with the HI's sequence number, after the PBA.
        int hackIdx = fh.FindMessage(kHack, 1, 0);
        PMIPV6_TEST_REQUIRE_NE(hackIdx, -1, "HAck from MAG 1 to MAG 0");
        const MhFrame& hackFrame = fh.messages[hackIdx];
        HandoverAckHeader hack;
        PMIPV6_TEST_REQUIRE_EQ(hackFrame.Parse(hack), true, "HAck parses");
        NS_TEST_EXPECT_MSG_EQ(hack.GetSequence(), hi.GetSequence(), "HAck: the HI's sequence");
        NS_TEST_EXPECT_MSG_EQ(unsigned(hack.GetCode()), 0u, "HAck: accepted");
        NS_TEST_EXPECT_MSG_EQ(hack.GetFlagP(), true, "HAck: P flag (RFC 5949 6.1.2)");
        NS_TEST_EXPECT_MSG_EQ(hack.GetFlagU(), true, "HAck: U flag (buffering, as the HI asked)");
        NS_TEST_EXPECT_MSG_EQ(hack.GetFlagF(), false, "HAck: F flag (no forwarding asked)");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(hackFrame.at),
                                  Ms(pbuFrame.at) + Ms(p.rttMagLma),
                                  kTimingTolMs,
                                  "HAck sent when the PBA arrives");

        // FBU, new -> old, at the attach; FBack back.
        int fbuIdx = fh.FindMessage(kFbu, 1, 0);
        PMIPV6_TEST_REQUIRE_NE(fbuIdx, -1, "FBU from MAG 1 to MAG 0");
        const MhFrame& fbuFrame = fh.messages[fbuIdx];
        FastBindingUpdateHeader fbu;
        PMIPV6_TEST_REQUIRE_EQ(fbuFrame.Parse(fbu), true, "FBU parses");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(fbuFrame.at, attached, "FBU not before the attach");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(fbuFrame.at),
                                  Ms(attached),
                                  kTimingTolMs,
                                  "FBU right at the attach");
        NS_TEST_EXPECT_MSG_EQ((fbu.GetOptions().mnLinkLayerId ==
                               std::optional<Bytes>(MacBytes(d.GetMnLinkLayerId(0)))),
                              true,
                              "FBU: MN-LL-ID option");
        int fbackIdx = fh.FindMessage(kFback, 0, 1);
        PMIPV6_TEST_REQUIRE_NE(fbackIdx, -1, "FBack from MAG 0 to MAG 1");
        const MhFrame& fbackFrame = fh.messages[fbackIdx];
        FastBindingAckHeader fback;
        PMIPV6_TEST_REQUIRE_EQ(fbackFrame.Parse(fback), true, "FBack parses");
        NS_TEST_EXPECT_MSG_EQ(fback.GetSequence(), fbu.GetSequence(), "FBack: the FBU's sequence");
        NS_TEST_EXPECT_MSG_EQ(unsigned(fback.GetStatus()), 0u, "FBack: accepted");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(fbackFrame.at),
                                  Ms(fbuFrame.at) + Ms(p.rttMagMag) / 2,
                                  kTimingTolMs,
                                  "FBack sent when the FBU arrives");

        // HI Code 2 (RFC 5949 6.1.1), new -> old: the MN is attached and
        // registered at the new MAG, so the old MAG's forwarding can end. The
        // old MAG's context ends when it arrives, not ForwardingLifetime later.
        int doneIdx = fh.FindMessage(kHi, 1, 0);
        PMIPV6_TEST_REQUIRE_NE(doneIdx, -1, "HI Code 2 from MAG 1 to MAG 0");
        const MhFrame& doneFrame = fh.messages[doneIdx];
        HandoverInitiateHeader done;
        PMIPV6_TEST_REQUIRE_EQ(doneFrame.Parse(done), true, "HI Code 2 parses");
        NS_TEST_EXPECT_MSG_EQ(unsigned(done.GetCode()),
                              unsigned(HandoverInitiateCode::FORWARDING_COMPLETED),
                              "HI: Code 2, forwarding completed");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(doneFrame.at),
                                  Ms(fbuFrame.at),
                                  kTimingTolMs,
                                  "HI Code 2 right after the FBU (registered before the attach)");
        const Time forwardingStart = fh.EnteredAt(0, "FORWARDING");
        const Time forwardingEnd = fh.EnteredAt(0, "IDLE");
        NS_TEST_EXPECT_MSG_GT(forwardingStart, Seconds(0), "old MAG forwarded");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(forwardingEnd),
                                  Ms(doneFrame.at) + Ms(p.rttMagMag) / 2,
                                  kTimingTolMs,
                                  "old MAG's context ends when HI Code 2 arrives");

        // In that order.
        NS_TEST_EXPECT_MSG_LT(hiFrame.at, pbuFrame.at, "HI before PBU");
        NS_TEST_EXPECT_MSG_LT(pbuFrame.at, hackFrame.at, "PBU before HAck");
        NS_TEST_EXPECT_MSG_LT(hackFrame.at, fbuFrame.at, "HAck before FBU");
        NS_TEST_EXPECT_MSG_LT(fbuFrame.at, fbackFrame.at, "FBU before FBack");
        Simulator::Destroy();
    }
};

/**
 * The FPMIPv6 paper, sec. 3.4, unpredicted FPMIPv6 (Tpred 0): no predictive HI, no
 * HAck; the new MAG sends the FBU to the old MAG right at the attach (next
 * to the core's PBU) and gets the FBack; with its own PBA it ends the old
 * MAG's forwarding with HI Code 2 (RFC 5949 6.1.1).
 */
class Fpmipv6ReactiveMessagesTestCase : public SimulationTestCase
{
  public:
    Fpmipv6ReactiveMessagesTestCase()
        : SimulationTestCase(
              "FPMIPv6 reactive on the wire: FBU new -> old at the attach, FBack, HI Code 2 "
              "at the PBA")
    {
    }

  private:
    void DoRun() override
    {
        FastHandoverDomain fh("fpmipv6", Seconds(0));
        fh.Build(Pmipv6DomainHelper::Parameters());
        fh.CaptureMobilityMessages();
        fh.InstallProbes(MilliSeconds(500), MilliSeconds(1500));
        fh.PlanHandover(0, kT0, 0, 1);
        Simulator::Stop(Seconds(1.6));
        Simulator::Run();

        const Pmipv6DomainHelper& d = fh.domain;
        CHECK_ALL_CHECKSUMS(fh);
        PMIPV6_TEST_REQUIRE_EQ(d.GetL2Handovers().size(), 1, "one L2 handover");
        const Time attached = d.GetL2Handovers()[0].attached;
        NS_TEST_EXPECT_MSG_EQ(fh.CountMagMag(kHi), 1, "one HI: Code 2");
        NS_TEST_EXPECT_MSG_EQ(fh.CountMagMag(kHack), 0, "no HAck");
        NS_TEST_EXPECT_MSG_EQ(fh.CountMagMag(kFbu), 1, "FBUs between the MAGs");
        NS_TEST_EXPECT_MSG_EQ(fh.CountMagMag(kFback), 1, "FBacks between the MAGs");
        int fbuIdx = fh.FindMessage(kFbu, 1, 0);
        PMIPV6_TEST_REQUIRE_NE(fbuIdx, -1, "FBU from MAG 1 to MAG 0");
        const MhFrame& fbuFrame = fh.messages[fbuIdx];
        NS_TEST_EXPECT_MSG_GT_OR_EQ(fbuFrame.at, attached, "FBU not before the attach");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(fbuFrame.at),
                                  Ms(attached),
                                  kTimingTolMs,
                                  "FBU right at the attach");
        FastBindingUpdateHeader fbu;
        PMIPV6_TEST_REQUIRE_EQ(fbuFrame.Parse(fbu), true, "FBU parses");
        int pbuIdx = fh.FindMessage(kPbu, 1, -1, attached);
        PMIPV6_TEST_REQUIRE_NE(pbuIdx, -1, "MAG 1 registers at the attach");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(fh.messages[pbuIdx].at),
                                  Ms(attached),
                                  kTimingTolMs,
                                  "core PBU next to the FBU");
        int fbackIdx = fh.FindMessage(kFback, 0, 1);
        PMIPV6_TEST_REQUIRE_NE(fbackIdx, -1, "FBack from MAG 0 to MAG 1");
        FastBindingAckHeader fback;
        PMIPV6_TEST_REQUIRE_EQ(fh.messages[fbackIdx].Parse(fback), true, "FBack parses");
        NS_TEST_EXPECT_MSG_EQ(fback.GetSequence(), fbu.GetSequence(), "FBack: the FBU's sequence");
        NS_TEST_EXPECT_MSG_GT(fh.messages[fbackIdx].at, fbuFrame.at, "FBack after the FBU");
        int doneIdx = fh.FindMessage(kHi, 1, 0);
        PMIPV6_TEST_REQUIRE_NE(doneIdx, -1, "HI Code 2 from MAG 1 to MAG 0");
        HandoverInitiateHeader done;
        PMIPV6_TEST_REQUIRE_EQ(fh.messages[doneIdx].Parse(done), true, "HI parses");
        NS_TEST_EXPECT_MSG_EQ(unsigned(done.GetCode()), 2u, "HI Code 2: forwarding completed");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(fh.messages[doneIdx].at),
                                  Ms(fh.messages[pbuIdx].at) + Ms(d.GetParameters().rttMagLma),
                                  kTimingTolMs,
                                  "HI Code 2 when the new MAG's PBA arrives");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(fh.EnteredAt(0, "IDLE")),
                                  Ms(fh.messages[doneIdx].at) +
                                      Ms(d.GetParameters().rttMagMag) / 2,
                                  kTimingTolMs,
                                  "old MAG stops forwarding when HI Code 2 arrives");
        Simulator::Destroy();
    }
};

/**
 * RFC 5949 on the wire. Reactive (sec. 4.2): after the attach the NMAG
 * sends HI with the F flag (and P) to the PMAG; the PMAG answers HAck with
 * the HI's sequence and the MN's context: "The acknowledge packet contains
 * MN1's link layer ID (MN LL-ID), HNP (Home Network Prefix) and MN1's
 * current LMA address" (the PMIPv6 tutorial notes, step 4). Predictive (sec. 4.1, Tpred 45):
 * HI PMAG -> NMAG with P and U (buffer), not F, carrying MN-ID, MN-LL-ID,
 * HNP and LMA address (the PMIPv6 tutorial notes step 3); HAck back; the NMAG registers the
 * MN only once it has attached (step 12). No FBU/FBack in RFC 5949.
 */
class Pfmipv6MessagesTestCase : public SimulationTestCase
{
  public:
    /// \param hackLmaAddress reactive: also require the LMA address in the HAck
    explicit Pfmipv6MessagesTestCase(bool predictive, bool hackLmaAddress = false)
        : SimulationTestCase(
              predictive       ? "PFMIPv6 predictive on the wire: HI (P, U) PMAG -> NMAG with the "
                                 "MN's context, HAck, PBU only after the attach"
              : hackLmaAddress ? "PFMIPv6 reactive: the PMAG's HAck carries the MN's LMA address "
                                 "(the PMIPv6 tutorial notes step 4)"
                               : "PFMIPv6 reactive on the wire: HI (P, F) NMAG -> PMAG at the "
                                 "attach, HAck with HNP and MN-LL-ID"),
          m_predictive(predictive),
          m_hackLmaAddress(hackLmaAddress)
    {
    }

  private:
    void DoRun() override
    {
        FastHandoverDomain fh("pfmipv6", m_predictive ? MilliSeconds(45) : Seconds(0));
        fh.Build(Pmipv6DomainHelper::Parameters());
        fh.CaptureMobilityMessages();
        fh.InstallProbes(MilliSeconds(500), MilliSeconds(1500));
        fh.PlanHandover(0, kT0, 0, 1);
        Simulator::Stop(Seconds(1.6));
        Simulator::Run();

        const Pmipv6DomainHelper& d = fh.domain;
        CHECK_ALL_CHECKSUMS(fh);
        PMIPV6_TEST_REQUIRE_EQ(d.GetL2Handovers().size(), 1, "one L2 handover");
        const Time attached = d.GetL2Handovers()[0].attached;
        BindingCacheEntry* bce = d.GetLmaApp()->GetBindingCache().Find(d.GetMnIdentifier(0));
        PMIPV6_TEST_REQUIRE_NE(bce, nullptr, "MN has a binding");
        NS_TEST_EXPECT_MSG_EQ(fh.CountMagMag(kHi), 2, "HIs between the MAGs (and Code 2)");
        NS_TEST_EXPECT_MSG_EQ(fh.CountMagMag(kHack), 1, "HAcks between the MAGs");
        NS_TEST_EXPECT_MSG_EQ(fh.CountMagMag(kFbu), 0, "no FBU in RFC 5949");
        NS_TEST_EXPECT_MSG_EQ(fh.CountMagMag(kFback), 0, "no FBack in RFC 5949");

        const uint32_t from = m_predictive ? 0 : 1; // who sends the HI
        const uint32_t to = 1 - from;
        int hiIdx = fh.FindMessage(kHi, from, to);
        PMIPV6_TEST_REQUIRE_NE(hiIdx, -1, "HI from MAG " << from << " to MAG " << to);
        const MhFrame& hiFrame = fh.messages[hiIdx];
        HandoverInitiateHeader hi;
        PMIPV6_TEST_REQUIRE_EQ(hiFrame.Parse(hi), true, "HI parses");
        NS_TEST_EXPECT_MSG_EQ(hi.GetFlagP(), true, "HI: P flag");
        NS_TEST_EXPECT_MSG_EQ(hi.GetFlagF(), !m_predictive, "HI: F flag set iff reactive");
        const MobilityOptions& o = hi.GetOptions();
        NS_TEST_EXPECT_MSG_EQ((o.mnIdentifier == std::optional<std::string>(d.GetMnIdentifier(0))),
                              true,
                              "HI: MN-ID option");
        int hackIdx = fh.FindMessage(kHack, to, from);
        PMIPV6_TEST_REQUIRE_NE(hackIdx, -1, "HAck back");
        const MhFrame& hackFrame = fh.messages[hackIdx];
        HandoverAckHeader hack;
        PMIPV6_TEST_REQUIRE_EQ(hackFrame.Parse(hack), true, "HAck parses");
        NS_TEST_EXPECT_MSG_EQ(hack.GetSequence(), hi.GetSequence(), "HAck: the HI's sequence");
        NS_TEST_EXPECT_MSG_EQ(unsigned(hack.GetCode()), 0u, "HAck: accepted");
        NS_TEST_EXPECT_MSG_EQ(hack.GetFlagP(), true, "HAck: P flag (RFC 5949 6.1.2)");
        NS_TEST_EXPECT_MSG_EQ(hack.GetFlagU(), true, "HAck: U flag (buffering, as the HI asked)");
        NS_TEST_EXPECT_MSG_EQ(hack.GetFlagF(), !m_predictive, "HAck: F flag iff the HI asked");
        NS_TEST_EXPECT_MSG_GT(hackFrame.at, hiFrame.at, "HAck after HI");
        int pbuIdx = fh.FindMessage(kPbu, 1, -1, MilliSeconds(500));
        PMIPV6_TEST_REQUIRE_NE(pbuIdx, -1, "NMAG registers the MN");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(fh.messages[pbuIdx].at),
                                  Ms(attached),
                                  kTimingTolMs,
                                  "NMAG's (first) PBU at the attach, not before");
        // Sec. 6.1.1 Code 2: with its PBA the NMAG ends the PMAG's forwarding.
        int doneIdx = -1;
        for (std::size_t k = 0; k < fh.messages.size(); ++k)
        {
            HandoverInitiateHeader h;
            if (fh.messages[k].Type() == kHi && fh.messages[k].Parse(h) &&
                h.GetCode() == HandoverInitiateCode::FORWARDING_COMPLETED)
            {
                doneIdx = int(k);
            }
        }
        PMIPV6_TEST_REQUIRE_NE(doneIdx, -1, "HI Code 2");
        NS_TEST_EXPECT_MSG_EQ(fh.messages[doneIdx].ip.GetSource(), d.GetProxyCoa(1), "from NMAG");
        NS_TEST_EXPECT_MSG_EQ(fh.messages[doneIdx].ip.GetDestination(),
                              d.GetProxyCoa(0),
                              "to PMAG");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(fh.messages[doneIdx].at),
                                  Ms(fh.messages[pbuIdx].at) + Ms(d.GetParameters().rttMagLma),
                                  kTimingTolMs,
                                  "HI Code 2 at the NMAG's PBA");
        if (m_predictive)
        {
            PMIPV6_TEST_REQUIRE_EQ(fh.predictions.size(), 1, "prediction made");
            NS_TEST_EXPECT_MSG_EQ_TOL(Ms(hiFrame.at),
                                      Ms(fh.predictions[0]),
                                      kTimingTolMs,
                                      "HI at the prediction");
            NS_TEST_EXPECT_MSG_EQ(hi.GetFlagU(), true, "HI: U flag (buffer at the NMAG)");
            NS_TEST_EXPECT_MSG_EQ(
                (o.mnLinkLayerId == std::optional<Bytes>(MacBytes(d.GetMnLinkLayerId(0)))),
                true,
                "HI: MN-LL-ID option");
            PMIPV6_TEST_REQUIRE_EQ(o.homeNetworkPrefixes.size(), 1, "HI: one HNP option");
            NS_TEST_EXPECT_MSG_EQ(o.homeNetworkPrefixes[0].prefix,
                                  bce->homeNetworkPrefix.prefix,
                                  "HI: the MN's HNP");
            NS_TEST_EXPECT_MSG_EQ((o.lmaAddress == std::optional<Ipv6Address>(d.GetLmaAddress())),
                                  true,
                                  "HI: LMA address option");
        }
        else
        {
            NS_TEST_EXPECT_MSG_GT_OR_EQ(hiFrame.at, attached, "HI not before the attach");
            NS_TEST_EXPECT_MSG_EQ_TOL(Ms(hiFrame.at),
                                      Ms(attached),
                                      kTimingTolMs,
                                      "HI right at the attach");
            const MobilityOptions& a = hack.GetOptions();
            NS_TEST_EXPECT_MSG_EQ(
                (a.mnLinkLayerId == std::optional<Bytes>(MacBytes(d.GetMnLinkLayerId(0)))),
                true,
                "HAck: MN-LL-ID option");
            PMIPV6_TEST_REQUIRE_EQ(a.homeNetworkPrefixes.size(), 1, "HAck: one HNP option");
            NS_TEST_EXPECT_MSG_EQ(a.homeNetworkPrefixes[0].prefix,
                                  bce->homeNetworkPrefix.prefix,
                                  "HAck: the MN's HNP");
            if (m_hackLmaAddress)
            {
                NS_TEST_EXPECT_MSG_EQ(
                    (a.lmaAddress == std::optional<Ipv6Address>(d.GetLmaAddress())),
                    true,
                    "HAck: LMA address option (reactive context, the PMIPv6 tutorial notes step 4)");
            }
        }
        Simulator::Destroy();
    }

    bool m_predictive;
    bool m_hackLmaAddress;
};

// ===========================================================================
// 4. State machines (the FPMIPv6 paper's Fig. 5: old MAG; Fig. 6: new MAG).

/**
 * The handover contexts' "State" traces for MN 0 over one FPMIPv6
 * handover 0 -> 1, and the instants of the transitions that the message
 * timing fixes (prediction p, RTTs of the FPMIPv6 paper's defaults):
 *  - predictive (Tpred 50 ms): old MAG IDLE -> HO_INITIATED (p) -> HO_READY
 *    (HAck, p + Rm + Rl) -> BUFFERING (detach, linkLost + Ra/2) ->
 *    FORWARDING (FBU, attach + Rm/2) -> IDLE (ForwardingLifetime later);
 *    new MAG IDLE -> REGISTERING (HI, p + Rm/2) -> AWAITING_MN (PBA,
 *    p + Rm/2 + Rl) -> CONNECTED (attach) -> IDLE; and the link is lost at
 *    the HOComplete, p + Rm + Rl + Ra/2, not at the planned t0;
 *  - reactive (Tpred 0): old MAG IDLE -> BUFFERING -> FORWARDING -> IDLE;
 *    new MAG IDLE -> CONNECTED -> IDLE;
 *  - wrong prediction (three MAGs, predicted MAG 2, reached MAG 1): old MAG
 *    as predictive, passing the FBU on to MAG 2 (sec. 3.5); MAG 2
 *    IDLE -> REGISTERING -> AWAITING_MN -> FORWARDING -> IDLE and sends
 *    what it buffered back; MAG 1 IDLE -> CONNECTED -> IDLE; the binding
 *    ends at MAG 1.
 */
class Fpmipv6StatesTestCase : public SimulationTestCase
{
  public:
    enum Kind
    {
        PREDICTIVE,
        REACTIVE,
        WRONG_PREDICTION
    };

    explicit Fpmipv6StatesTestCase(Kind kind)
        : SimulationTestCase(Name(kind)),
          m_kind(kind)
    {
    }

  private:
    static std::string Name(Kind kind)
    {
        switch (kind)
        {
        case PREDICTIVE:
            return "FPMIPv6 state machines, predictive handover (the FPMIPv6 paper's Fig. 5 and 6)";
        case REACTIVE:
            return "FPMIPv6 state machines, reactive handover (the FPMIPv6 paper, sec. 3.4)";
        default:
            return "FPMIPv6 state machines, wrong prediction (the FPMIPv6 paper, sec. 3.5, three MAGs)";
        }
    }

    void DoRun() override
    {
        FastHandoverDomain fh("fpmipv6", m_kind == REACTIVE ? Seconds(0) : MilliSeconds(50));
        Pmipv6DomainHelper::Parameters params;
        params.mags = m_kind == WRONG_PREDICTION ? 3 : 2;
        fh.Build(params);
        fh.CaptureMobilityMessages();
        fh.InstallProbes(MilliSeconds(500), MilliSeconds(2400));
        fh.PlanHandover(0, kT0, 0, 1, m_kind == WRONG_PREDICTION ? 2 : -1);
        Simulator::Stop(Seconds(2.5));
        Simulator::Run();

        const Pmipv6DomainHelper& d = fh.domain;
        const double rm = Ms(d.GetParameters().rttMagMag);
        const double rl = Ms(d.GetParameters().rttMagLma);
        const double ra = Ms(d.GetParameters().rttMagAp);
        PMIPV6_TEST_REQUIRE_EQ(d.GetL2Handovers().size(), 1, "one L2 handover");
        const Pmipv6DomainHelper::L2Handover& h = d.GetL2Handovers()[0];
        NS_TEST_EXPECT_MSG_EQ(h.toMag, 1u, "the MN reached MAG 1");
        const std::vector<std::string> oldPredicted =
            {"IDLE", "HO_INITIATED", "HO_READY", "BUFFERING", "FORWARDING", "IDLE"};
        const std::vector<std::string> newPredicted = {"IDLE",
                                                       "REGISTERING",
                                                       "AWAITING_MN",
                                                       "CONNECTED",
                                                       "IDLE"};
        const std::vector<std::string> oldReactive = {"IDLE", "BUFFERING", "FORWARDING", "IDLE"};
        const std::vector<std::string> newReactive = {"IDLE", "CONNECTED", "IDLE"};
        const std::vector<std::string> wrongTarget = {"IDLE",
                                                      "REGISTERING",
                                                      "AWAITING_MN",
                                                      "FORWARDING",
                                                      "IDLE"};
        auto expectPath = [this, &fh](uint32_t mag, const std::vector<std::string>& expected) {
            NS_TEST_EXPECT_MSG_EQ(Join(fh.Path(mag)), Join(expected), "MAG " << mag << " states");
        };
        auto expectAt = [this, &fh](uint32_t mag, const std::string& state, double ms) {
            Time at = fh.EnteredAt(mag, state);
            NS_TEST_EXPECT_MSG_EQ_TOL(Ms(at),
                                      ms,
                                      kTimingTolMs,
                                      "MAG " << mag << " enters " << state);
        };
        switch (m_kind)
        {
        case PREDICTIVE: {
            expectPath(0, oldPredicted);
            expectPath(1, newPredicted);
            PMIPV6_TEST_REQUIRE_EQ(fh.predictions.size(), 1, "prediction made");
            const double p = Ms(fh.predictions[0]);
            expectAt(0, "HO_INITIATED", p);
            expectAt(1, "REGISTERING", p + rm / 2);
            expectAt(1, "AWAITING_MN", p + rm / 2 + rl);
            expectAt(0, "HO_READY", p + rm + rl);
            NS_TEST_EXPECT_MSG_EQ_TOL(Ms(h.linkLost),
                                      p + rm + rl + ra / 2,
                                      kTimingTolMs,
                                      "HOComplete ends the old link");
            expectAt(0, "BUFFERING", Ms(h.linkLost) + ra / 2);
            expectAt(1, "CONNECTED", Ms(h.attached));
            expectAt(0, "FORWARDING", Ms(h.attached) + rm / 2);
            break;
        }
        case REACTIVE:
            expectPath(0, oldReactive);
            expectPath(1, newReactive);
            NS_TEST_EXPECT_MSG_EQ(Ms(h.linkLost), Ms(kT0), "link lost as planned");
            expectAt(0, "BUFFERING", Ms(h.linkLost) + ra / 2);
            expectAt(1, "CONNECTED", Ms(h.attached));
            expectAt(0, "FORWARDING", Ms(h.attached) + rm / 2);
            break;
        case WRONG_PREDICTION: {
            expectPath(0, oldPredicted);
            expectPath(2, wrongTarget);
            expectPath(1, newReactive);
            // The old MAG passes the reached MAG's FBU on to the predicted one.
            int fbu10 = fh.FindMessage(kFbu, 1, 0);
            PMIPV6_TEST_REQUIRE_NE(fbu10, -1, "FBU from the reached MAG to the old one");
            int fbu02 = fh.FindMessage(kFbu, 0, 2);
            PMIPV6_TEST_REQUIRE_NE(fbu02, -1, "FBU from the old MAG to the predicted one");
            NS_TEST_EXPECT_MSG_EQ_TOL(Ms(fh.messages[fbu02].at),
                                      Ms(fh.messages[fbu10].at) + rm / 2,
                                      kTimingTolMs,
                                      "old MAG relays the FBU as it arrives");
            expectAt(2, "FORWARDING", Ms(fh.messages[fbu02].at) + rm / 2);
            NS_TEST_EXPECT_MSG_GT(fh.extensions[2]->GetForwardedCount(),
                                  0,
                                  "the predicted MAG sends what it buffered back");
            NS_TEST_EXPECT_MSG_GT(fh.extensions[0]->GetForwardedCount(),
                                  0,
                                  "the old MAG forwards to the reached MAG");
            BindingCacheEntry* bce = d.GetLmaApp()->GetBindingCache().Find(d.GetMnIdentifier(0));
            PMIPV6_TEST_REQUIRE_NE(bce, nullptr, "MN has a binding");
            NS_TEST_EXPECT_MSG_EQ(bce->proxyCoa, d.GetProxyCoa(1), "binding at the reached MAG");
            break;
        }
        }
        Simulator::Destroy();
    }

    Kind m_kind;
};

/**
 * The FPMIPv6 paper, sec. 3.5, the MN falls back to the old MAG: MAG 0 predicts a
 * move to MAG 1 at t (HI, MAG 1 registers the MN and buffers), but the MN
 * loses its link at t + 20 ms and comes back to MAG 0 (DHO,L2 later). No
 * one listens to L2 commands: the MAGs alone must sort it out. MAG 0
 * registers the MN again ("PbuSent") after the return, tells MAG 1 with an
 * FBU, MAG 1 forwards what it buffered back to MAG 0, the binding ends at
 * MAG 0, and downlink packets keep arriving afterwards, none lost.
 */
class Fpmipv6FallbackTestCase : public SimulationTestCase
{
  public:
    Fpmipv6FallbackTestCase()
        : SimulationTestCase("FPMIPv6: MN comes back to the old MAG after a prediction; it "
                             "re-registers, the predicted MAG forwards back, traffic goes on")
    {
    }

  private:
    struct Pbu
    {
        Time at;
        uint16_t seq;
        Time lifetime;
    };

    static void OnPbu(std::vector<Pbu>* out, std::string mnId, uint16_t seq, Time lifetime)
    {
        out->push_back(Pbu{Simulator::Now(), seq, lifetime});
    }

    void DoRun() override
    {
        FastHandoverDomain fh("fpmipv6", Seconds(0));
        fh.SetL2Control(false);
        fh.Build(Pmipv6DomainHelper::Parameters());
        fh.CaptureMobilityMessages();
        const Time stop = MilliSeconds(2400);
        fh.InstallProbes(MilliSeconds(500), stop);
        std::vector<Pbu> pbus0;
        fh.domain.GetMagApp(0)->TraceConnectWithoutContext(
            "PbuSent",
            MakeCallback(&Fpmipv6FallbackTestCase::OnPbu).Bind(&pbus0));
        const Time t = kT0;
        Simulator::Schedule(t, &FastHandoverDomain::Predict, &fh, 0, 0, 1);
        fh.domain.ScheduleHandover(0, t + MilliSeconds(20), 0);
        Simulator::Stop(Seconds(2.5));
        Simulator::Run();

        const Pmipv6DomainHelper& d = fh.domain;
        CHECK_ALL_CHECKSUMS(fh);
        PMIPV6_TEST_REQUIRE_EQ(d.GetL2Handovers().size(), 1, "one L2 handover");
        const Pmipv6DomainHelper::L2Handover& h = d.GetL2Handovers()[0];
        NS_TEST_EXPECT_MSG_EQ(h.toMag, 0u, "back at MAG 0");
        NS_TEST_EXPECT_MSG_GT(h.attached, h.linkLost, "re-attached");

        // MAG 0 registers again after the return.
        bool reRegistered = false;
        for (const Pbu& pbu : pbus0)
        {
            if (pbu.at >= h.attached && pbu.lifetime.IsStrictlyPositive())
            {
                reRegistered = true;
                NS_TEST_EXPECT_MSG_EQ_TOL(Ms(pbu.at),
                                          Ms(h.attached),
                                          kTimingTolMs,
                                          "MAG 0 re-registers at the return");
                break;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(reRegistered, true, "MAG 0 sent a registration PBU after the return");
        // ... and tells MAG 1 with an FBU; MAG 1 forwards its buffer back.
        int fbu = fh.FindMessage(kFbu, 0, 1, h.attached);
        NS_TEST_EXPECT_MSG_NE(fbu, -1, "FBU from MAG 0 to MAG 1 after the return");
        NS_TEST_EXPECT_MSG_GT(fh.extensions[1]->GetBufferedCount(), 0, "MAG 1 buffered");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(fh.extensions[1]->GetForwardedCount(),
                                    fh.extensions[1]->GetBufferedCount(),
                                    "MAG 1 forwards (at least) all it buffered back to MAG 0");
        NS_TEST_EXPECT_MSG_EQ(fh.TotalBufferDrops(), 0, "no buffered packet dropped");
        NS_TEST_EXPECT_MSG_EQ(Join(fh.Path(1)),
                              Join({"IDLE", "REGISTERING", "AWAITING_MN", "FORWARDING", "IDLE"}),
                              "MAG 1 states");
        NS_TEST_EXPECT_MSG_EQ(Join(fh.Path(0)),
                              Join({"IDLE", "HO_INITIATED", "BUFFERING", "CONNECTED", "IDLE"}),
                              "MAG 0 states");
        BindingCacheEntry* bce = d.GetLmaApp()->GetBindingCache().Find(d.GetMnIdentifier(0));
        PMIPV6_TEST_REQUIRE_NE(bce, nullptr, "MN has a binding");
        NS_TEST_EXPECT_MSG_EQ(bce->proxyCoa, d.GetProxyCoa(0), "binding back at MAG 0");
        NS_TEST_EXPECT_MSG_EQ((bce->state == BindingCacheEntry::REGISTERED),
                              true,
                              "binding registered");

        // Downlink goes on: every packet sent from 100 ms after the return
        // to the end arrives, and the last ones arrive on time.
        Ptr<HandoverProbeSender> sender = fh.measure.GetDownlinkSender(0);
        const auto& records = fh.measure.GetDownlinkReceiver(0)->GetRecords();
        const double interval = Ms(sender->GetInterval());
        const double first = Ms(sender->GetFirstTxTime());
        std::set<uint32_t> got;
        double lastRx = 0;
        for (const auto& r : records)
        {
            got.insert(r.seq);
            lastRx = std::max(lastRx, Ms(r.rxTime));
        }
        const uint32_t from = uint32_t(std::ceil((Ms(h.attached) + 100 - first) / interval));
        const uint32_t to = uint32_t(sender->GetSentCount());
        PMIPV6_TEST_REQUIRE_EQ((to > from + 1000), true, "a second of traffic after the return");
        uint32_t missing = 0;
        for (uint32_t s = from; s < to; ++s)
        {
            missing += got.count(s) == 0;
        }
        NS_TEST_EXPECT_MSG_EQ(missing, 0, "downlink packets lost after the return");
        NS_TEST_EXPECT_MSG_GT(lastRx, Ms(stop) - 50, "downlink still arriving at the end");
        Simulator::Destroy();
    }
};

// ===========================================================================
// 5. Buffers.

/**
 * A bounded buffer (the FPMIPv6 paper: the new MAG buffers for the MN; sec. 3.4: the
 * old MAG buffers until a new MAG asks). With BufferPackets 5 (set on the
 * extensions) an FPMIPv6 handover that buffers more drops the overflow:
 * each drop is counted (GetBufferDropCount) and traced ("BufferDrop"),
 * the dropped packets never reach the MN, and the packets delivered from
 * the buffer arrive in sequence order, all of them. Predictive (Tpred 50)
 * the new MAG buffers and nothing else is lost, so the loss is exactly the
 * drops; reactive the old MAG buffers. With the default buffer nothing is
 * dropped and every buffered packet is delivered, in order.
 */
class BufferTestCase : public SimulationTestCase
{
  public:
    BufferTestCase(double tpredMs, uint32_t bufferPackets)
        : SimulationTestCase(Name(tpredMs, bufferPackets)),
          m_tpred(tpredMs),
          m_bufferPackets(bufferPackets)
    {
    }

  private:
    static std::string Name(double tpredMs, uint32_t bufferPackets)
    {
        std::ostringstream s;
        s << "FPMIPv6 " << (tpredMs > 0 ? "predictive" : "reactive") << " buffer of "
          << (bufferPackets ? std::to_string(bufferPackets) + " packets: overflow dropped, "
                                                              "counted, traced; order kept"
                            : std::string("default size: nothing dropped, order kept"));
        return s.str();
    }

    void DoRun() override
    {
        FastHandoverDomain fh("fpmipv6", FromMs(m_tpred));
        fh.SetBufferPackets(m_bufferPackets);
        fh.Build(Pmipv6DomainHelper::Parameters());
        const Time stop = MilliSeconds(1500);
        fh.InstallProbes(MilliSeconds(500), stop);
        fh.PlanHandover(0, kT0, 0, 1);
        Simulator::Stop(Seconds(1.6));
        Simulator::Run();

        const uint32_t buffering = m_tpred > 0 ? 1 : 0; // the MAG that buffers
        const uint64_t drops = fh.TotalBufferDrops();
        NS_TEST_EXPECT_MSG_EQ(drops, fh.bufferDrops.size(), "every drop counted is traced");
        std::set<uint32_t> kept;
        for (const auto& b : fh.buffered)
        {
            NS_TEST_EXPECT_MSG_EQ(b.mag, buffering, "buffered at MAG " << b.mag);
            kept.insert(b.seq);
        }
        NS_TEST_EXPECT_MSG_EQ(fh.extensions[buffering]->GetBufferedCount(),
                              kept.size(),
                              "buffered count vs trace");
        std::set<uint32_t> dropped;
        for (const auto& b : fh.bufferDrops)
        {
            dropped.insert(b.seq);
        }
        if (m_bufferPackets)
        {
            NS_TEST_EXPECT_MSG_GT(drops, 0, "an overflowing buffer drops");
            NS_TEST_EXPECT_MSG_EQ(kept.size(), m_bufferPackets, "the buffer filled up");
            NS_TEST_EXPECT_MSG_EQ(dropped.size(), drops, "drops are distinct probe packets");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(drops, 0, "default buffer: no drop");
            NS_TEST_EXPECT_MSG_GT(kept.size(), 5, "more buffered than the small buffer holds");
        }

        const auto& records = fh.measure.GetDownlinkReceiver(0)->GetRecords();
        std::vector<uint32_t> fromBuffer;
        for (const auto& r : records) // in order of arrival
        {
            NS_TEST_EXPECT_MSG_EQ(dropped.count(r.seq),
                                  0,
                                  "dropped packet " << r.seq << " arrived");
            if (kept.count(r.seq))
            {
                fromBuffer.push_back(r.seq);
            }
        }
        NS_TEST_EXPECT_MSG_EQ(fromBuffer.size(), kept.size(), "every buffered packet delivered");
        for (std::size_t k = 1; k < fromBuffer.size(); ++k)
        {
            NS_TEST_EXPECT_MSG_GT(fromBuffer[k],
                                  fromBuffer[k - 1],
                                  "buffered packets out of order at " << k);
        }

        auto results = fh.measure.Compute();
        auto down = Direction(results, "down");
        PMIPV6_TEST_REQUIRE_EQ(down.size(), 1, "one downlink result");
        if (m_tpred > 0)
        {
            NS_TEST_EXPECT_MSG_EQ(down[0].metrics.lostPackets,
                                  drops,
                                  "predictive: the only losses are the buffer's drops");
        }
        else
        {
            NS_TEST_EXPECT_MSG_GT_OR_EQ(down[0].metrics.lostPackets,
                                        drops,
                                        "every drop is a lost packet");
        }
        if (PrintTable())
        {
            std::cout << "BUFFER tpred=" << m_tpred << " size=" << m_bufferPackets
                      << " buffered=" << kept.size() << " drops=" << drops
                      << " lost=" << down[0].metrics.lostPackets << std::endl;
        }
        Simulator::Destroy();
    }

    double m_tpred;
    uint32_t m_bufferPackets;
};

// ===========================================================================
// 6. Two interfaces.

/**
 * The FPMIPv6 paper, sec. 3.3 with Config.domain.interfaces = 2 (MnInterfaceShim):
 * over three predicted handovers (Tpred 50 ms) the MN keeps exactly one
 * global address, its HNP address, on its one IPv6 interface; on each
 * HOInit its idle device attaches to the target MAG's AP (Ra/2 + D after
 * the prediction) while the other is still on the old AP, i.e. before the
 * old link is lost; at the loss the shim switches to the new device, the
 * handover is complete at once, and the downlink loses nothing.
 */
class TwoInterfacesTestCase : public SimulationTestCase
{
  public:
    TwoInterfacesTestCase()
        : SimulationTestCase("FPMIPv6 two-interface MN: one address, second device up at the "
                             "new MAG before the old link goes, no loss")
    {
    }

  private:
    struct ChannelAttach
    {
        Time at;
        int device;   //!< 0 or 1, the MN's physical device
        int mag;      //!< whose AP
        int otherMag; //!< where the other device is attached then (-1: nowhere)
    };

    struct Switch
    {
        Time at;
        uint32_t device;
    };

    void OnAttach(Ptr<SimpleNetDevice> mn, Ptr<SimpleNetDevice> ap)
    {
        int device = -1;
        for (uint32_t k = 0; k < 2; ++k)
        {
            if (m_shim->GetDevice(k) == mn)
            {
                device = k;
            }
        }
        if (device < 0)
        {
            return;
        }
        Ptr<SimpleNetDevice> other = DynamicCast<SimpleNetDevice>(m_shim->GetDevice(1 - device));
        Ptr<SimpleNetDevice> otherAp = m_channel->GetAttachment(other);
        m_attaches.push_back(ChannelAttach{Simulator::Now(),
                                           device,
                                           m_fh->domain.FindMag(MagOf(ap)),
                                           otherAp ? m_fh->domain.FindMag(MagOf(otherAp)) : -1});
    }

    Ipv6Address MagOf(Ptr<SimpleNetDevice> ap) const
    {
        for (uint32_t i = 0; i < m_fh->domain.GetParameters().mags; ++i)
        {
            if (ap->GetNode() == m_fh->domain.GetMag(i))
            {
                return m_fh->domain.GetProxyCoa(i);
            }
        }
        return Ipv6Address::GetAny();
    }

    void OnSwitch(uint32_t device)
    {
        m_switches.push_back(Switch{Simulator::Now(), device});
    }

    void CheckAddress(uint32_t round)
    {
        std::vector<Ipv6Address> global = GlobalAddresses(m_fh->domain.GetMn(0));
        NS_TEST_EXPECT_MSG_EQ(global.size(), 1, "check " << round << ": MN global addresses");
        if (!global.empty())
        {
            NS_TEST_EXPECT_MSG_EQ(global.front(),
                                  m_fh->domain.GetMnHomeAddress(0),
                                  "check " << round << ": the HNP address");
            m_addresses.push_back(global.front());
        }
    }

    void DoRun() override
    {
        FastHandoverDomain fh("fpmipv6", MilliSeconds(50));
        m_fh = &fh;
        Pmipv6DomainHelper::Parameters params;
        params.interfaces = 2;
        fh.Build(params);
        Ptr<Node> mn = fh.domain.GetMn(0);
        m_shim = mn->GetObject<MnInterfaceShim>();
        PMIPV6_TEST_REQUIRE_NE(m_shim, nullptr, "the MN has a shim");
        m_channel = DynamicCast<IdealAccessChannel>(m_shim->GetDevice(0)->GetChannel());
        PMIPV6_TEST_REQUIRE_NE(m_channel, nullptr, "ideal access channel");
        m_channel->TraceConnectWithoutContext("Attach",
                                              MakeCallback(&TwoInterfacesTestCase::OnAttach, this));
        m_shim->TraceConnectWithoutContext("Switch",
                                           MakeCallback(&TwoInterfacesTestCase::OnSwitch, this));
        const Time stop = MilliSeconds(2400);
        fh.InstallProbes(MilliSeconds(500), stop);
        const uint32_t targets[] = {1, 0, 1};
        Simulator::Schedule(MilliSeconds(900), &TwoInterfacesTestCase::CheckAddress, this, 0);
        for (uint32_t k = 0; k < 3; ++k)
        {
            Time t = kT0 + MilliSeconds(500) * k;
            fh.PlanHandover(0, t, 1 - targets[k], targets[k]);
            Simulator::Schedule(t + MilliSeconds(200),
                                &TwoInterfacesTestCase::CheckAddress,
                                this,
                                k + 1);
        }
        Simulator::Stop(Seconds(2.5));
        Simulator::Run();

        const Pmipv6DomainHelper& d = fh.domain;
        const double dho = Ms(d.GetParameters().dhoL2);
        const double ra = Ms(d.GetParameters().rttMagAp);
        Ptr<Ipv6L3Protocol> ipv6 = mn->GetObject<Ipv6L3Protocol>();
        NS_TEST_EXPECT_MSG_EQ(ipv6->GetNInterfaces(), 2, "IPv6 sees loopback and the shim only");
        PMIPV6_TEST_REQUIRE_EQ(m_addresses.size(), 4, "address checks ran");
        for (std::size_t k = 1; k < m_addresses.size(); ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(m_addresses[k], m_addresses[0], "address changed at " << k);
        }
        PMIPV6_TEST_REQUIRE_EQ(d.GetL2Handovers().size(), 3, "three L2 handovers");
        PMIPV6_TEST_REQUIRE_EQ(fh.predictions.size(), 3, "three predictions");
        for (uint32_t k = 0; k < 3; ++k)
        {
            const Pmipv6DomainHelper::L2Handover& h = d.GetL2Handovers()[k];
            std::ostringstream where;
            where << "handover " << k << " (" << h.fromMag << " -> " << h.toMag << ")";
            NS_TEST_EXPECT_MSG_EQ(h.toMag, targets[k], where.str() << ": target");
            // The second device's attach to the target, while the other holds the old AP.
            const ChannelAttach* early = nullptr;
            for (const auto& a : m_attaches)
            {
                if (a.at > fh.predictions[k] && a.mag == int(h.toMag))
                {
                    early = &a;
                    break;
                }
            }
            NS_TEST_EXPECT_MSG_NE(early,
                                  nullptr,
                                  where.str() << ": no device attached to the target");
            if (!early)
            {
                continue;
            }
            NS_TEST_EXPECT_MSG_LT(early->at, h.linkLost, where.str() << ": attach before the loss");
            NS_TEST_EXPECT_MSG_EQ(early->otherMag,
                                  int(h.fromMag),
                                  where.str() << ": other device still on the old AP");
            NS_TEST_EXPECT_MSG_EQ_TOL(Ms(early->at),
                                      Ms(fh.predictions[k]) + ra / 2 + dho,
                                      kTimingTolMs,
                                      where.str() << ": HOInit + DHO,L2");
            NS_TEST_EXPECT_MSG_EQ(h.attached, h.linkLost, where.str() << ": make before break");
            bool switched = false;
            for (const auto& s : m_switches)
            {
                if (s.at == h.linkLost)
                {
                    switched = s.device == uint32_t(early->device);
                }
            }
            NS_TEST_EXPECT_MSG_EQ(switched,
                                  true,
                                  where.str() << ": shim switches to the new device at the loss");
        }
        for (const auto& r : Direction(fh.measure.Compute(), "down"))
        {
            NS_TEST_EXPECT_MSG_EQ(r.metrics.lostPackets, 0, "handover " << r.handover << ": lost");
            NS_TEST_EXPECT_MSG_LT_OR_EQ(r.metrics.latencyMs,
                                        ra / 2 + 2,
                                        "handover " << r.handover << ": dHO (Eq. 8: 0)");
        }
        m_shim = nullptr;
        m_channel = nullptr;
        Simulator::Destroy();
    }

    FastHandoverDomain* m_fh{nullptr};
    Ptr<MnInterfaceShim> m_shim;
    Ptr<IdealAccessChannel> m_channel;
    std::vector<ChannelAttach> m_attaches;
    std::vector<Switch> m_switches;
    std::vector<Ipv6Address> m_addresses;
};

// ---------------------------------------------------------------------------

/**
 * Two interfaces, and the second comes up at the new MAG faster than the HI
 * gets there (DHO,L2 6 ms < RTT_MAG-MAG/2 8 ms; Rl 24, Ra 2): the new MAG
 * registers the MN at that attach and must answer the HI only after its own
 * PBA, so that the old MAG lets the MN go (HOComplete) only once the LMA
 * sends its traffic to the new MAG. Then with Tpred >= Rl + Rm/2 + Ra (34
 * ms, where Eq. 8 gives 0) the handover is seamless as with DHO,L2 8 ms:
 * no downlink packet lost, no gap beyond the probe interval; below (30 ms)
 * Eq. 8 holds. The new MAG's PBU says "handoff between interfaces" (2).
 */
class TwoInterfacesFastLinkTestCase : public SimulationTestCase
{
  public:
    TwoInterfacesFastLinkTestCase()
        : SimulationTestCase("FPMIPv6 two interfaces, second link up before the HI arrives "
                             "(DHO,L2 6 ms, RTT_MAG-MAG 16 ms): seamless for Tpred of 34 ms "
                             "and more")
    {
    }

  private:
    void DoRun() override
    {
        const Delays m{6, 24, 16, 2};
        for (double tp : {30.0, 34.0, 40.0, 60.0})
        {
            HandoverScenario::Config c = MakeConfig("fpmipv6", m, tp);
            c.domain.interfaces = 2;
            const double interval = Ms(c.packetInterval);
            HandoverScenario scenario(c);
            auto down = Direction(scenario.Run(), "down");
            NS_TEST_EXPECT_MSG_EQ(down.size(), 3, "Tpred " << tp << ": one result per handover");
            const double expected = LatencyTwoInterfaces(tp, m);
            for (const auto& r : down)
            {
                std::ostringstream where;
                where << "Tpred " << tp << " ms, handover " << r.handover;
                NS_TEST_EXPECT_MSG_EQ((r.metrics.received > 0), true, where.str() << ": nothing");
                if (expected == 0)
                {
                    NS_TEST_EXPECT_MSG_EQ(r.metrics.lostPackets, 0, where.str() << ": lost");
                    NS_TEST_EXPECT_MSG_LT_OR_EQ(r.metrics.latencyMs,
                                                interval,
                                                where.str() << ": dHO beyond the probe interval");
                }
                else
                {
                    NS_TEST_EXPECT_MSG_EQ_TOL(r.metrics.latencyMs,
                                              expected,
                                              m.ra / 2 + 2 * interval,
                                              where.str() << ": dHO vs Eq. 8");
                }
            }
        }
        Simulator::Destroy();

        // On the wire at Tpred 40: the HAck follows the new MAG's PBA; its PBU says 2.
        FastHandoverDomain fh("fpmipv6", MilliSeconds(40));
        Pmipv6DomainHelper::Parameters p;
        p.interfaces = 2;
        p.dhoL2 = FromMs(m.d);
        p.rttMagLma = FromMs(m.rl);
        p.rttMagMag = FromMs(m.rm);
        p.rttMagAp = FromMs(m.ra);
        fh.Build(p);
        fh.CaptureMobilityMessages();
        fh.PlanHandover(0, kT0, 0, 1);
        Simulator::Stop(kT0 + Seconds(1));
        Simulator::Run();
        PMIPV6_TEST_REQUIRE_EQ(fh.predictions.size(), 1, "prediction");
        int pbuIdx = fh.FindMessage(kPbu, 1, -1, fh.predictions[0]);
        int hiIdx = fh.FindMessage(kHi, 0, 1, fh.predictions[0]);
        int hackIdx = fh.FindMessage(kHack, 1, 0, fh.predictions[0]);
        PMIPV6_TEST_REQUIRE_NE(pbuIdx, -1, "new MAG's PBU");
        PMIPV6_TEST_REQUIRE_NE(hiIdx, -1, "HI");
        PMIPV6_TEST_REQUIRE_NE(hackIdx, -1, "HAck");
        NS_TEST_EXPECT_MSG_LT(fh.messages[pbuIdx].at,
                              fh.messages[hiIdx].at + FromMs(m.rm / 2),
                              "the second interface's attach (PBU) comes before the HI");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(fh.messages[hackIdx].at),
                                  Ms(fh.messages[pbuIdx].at) + m.rl,
                                  kTimingTolMs,
                                  "HAck when the new MAG's PBA arrives, not at the HI");
        BindingUpdateHeader pbu;
        PMIPV6_TEST_REQUIRE_EQ(fh.messages[pbuIdx].Parse(pbu), true, "PBU parses");
        NS_TEST_EXPECT_MSG_EQ(unsigned(pbu.GetOptions().handoffIndicator.value_or(0)),
                              unsigned(HandoffIndicator::HANDOFF_BETWEEN_INTERFACES),
                              "Handoff Indicator of the second interface's PBU");
        Simulator::Destroy();
    }
};

/**
 * HI Code 2 after a wrong prediction (the FPMIPv6 paper, sec. 3.5): the old
 * MAG forwards to the MAG the MN reached and has asked the predicted MAG to
 * send back what it got; when the new MAG's HI Code 2 comes, that traffic is
 * still on its way, so the old MAG passes the Code 2 on and keeps
 * forwarding until its safety timer. At Tpred 10 ms (predicted MAG
 * registered ahead, then passed by) every one of three successive
 * handovers loses what an unpredicted one loses (RTT_MAG-AP, 5 packets),
 * not the predicted MAG's returning traffic.
 */
class WrongPredictionForwardingEndTestCase : public SimulationTestCase
{
  public:
    WrongPredictionForwardingEndTestCase()
        : SimulationTestCase("FPMIPv6 wrong prediction: HI Code 2 passed on to the predicted MAG, "
                             "its returning traffic not lost")
    {
    }

  private:
    void DoRun() override
    {
        HandoverScenario::Config c = MakeConfig("fpmipv6", kPaper, 10);
        c.wrongPrediction = true;
        HandoverScenario scenario(c);
        auto down = Direction(scenario.Run(), "down");
        NS_TEST_EXPECT_MSG_EQ(down.size(), 3, "one result per handover");
        for (const auto& r : down)
        {
            NS_TEST_EXPECT_MSG_EQ(r.metrics.lostPackets,
                                  5,
                                  "handover " << r.handover << ": lost (RTT_MAG-AP of probes)");
        }
        Simulator::Destroy();
    }
};

/**
 * The FPMIPv6 paper's new MAG registers a predicted MN ahead of it; if the
 * MN never comes (here it stays on MAG 0 and nobody tells MAG 1), MAG 1
 * must not keep the binding and refresh it for ever (pulling it away from
 * the MAG that serves the MN, again at every refresh). After ArrivalTimeout
 * (1 s) from the HI it drops what it buffered and de-registers the MN: one
 * registration PBU, one de-registration PBU, no refresh (BindingLifetime
 * 8 s: a refresh would come 6 s after the registration), no entry left; the
 * MN's binding is back at MAG 0 after MAG 0's own refresh.
 */
class ArrivalTimeoutTestCase : public SimulationTestCase
{
  public:
    ArrivalTimeoutTestCase()
        : SimulationTestCase("FPMIPv6 new MAG: a predicted MN that never arrives is de-registered "
                             "after ArrivalTimeout, no refresh")
    {
    }

  private:
    void DoRun() override
    {
        FastHandoverDomain fh("fpmipv6", MilliSeconds(50));
        fh.SetL2Control(false);
        fh.Build(Pmipv6DomainHelper::Parameters());
        for (uint32_t i = 0; i < 2; ++i)
        {
            fh.domain.GetMagApp(i)->SetAttribute("BindingLifetime", TimeValue(Seconds(8)));
        }
        std::vector<std::pair<Time, Time>> pbus; // MAG 1: (sent, lifetime)
        fh.domain.GetMagApp(1)->TraceConnectWithoutContext(
            "PbuSent",
            MakeCallback(+[](std::vector<std::pair<Time, Time>>* out,
                             std::string,
                             uint16_t,
                             Time lifetime) { out->push_back({Simulator::Now(), lifetime}); })
                .Bind(&pbus));
        const Time predicted = Seconds(1);
        Simulator::Schedule(predicted, &FastHandoverDomain::Predict, &fh, 0, 0, 1);
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        const Pmipv6DomainHelper& d = fh.domain;
        const Time hiArrives = predicted + d.GetParameters().rttMagMag / 2;
        PMIPV6_TEST_REQUIRE_EQ(pbus.size(), 2, "PBUs of MAG 1: registration, de-registration");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(pbus[0].first), Ms(hiArrives), kTimingTolMs, "registration");
        NS_TEST_EXPECT_MSG_GT(pbus[0].second, Seconds(0), "registration lifetime");
        NS_TEST_EXPECT_MSG_EQ_TOL(Ms(pbus[1].first),
                                  Ms(hiArrives + Seconds(1)),
                                  kTimingTolMs,
                                  "de-registration ArrivalTimeout after the HI");
        NS_TEST_EXPECT_MSG_EQ(pbus[1].second, Seconds(0), "de-registration lifetime");
        const std::vector<std::string> path = fh.Path(1);
        std::ostringstream text;
        for (const auto& st : path)
        {
            text << st << " ";
        }
        NS_TEST_EXPECT_MSG_EQ(text.str(), "IDLE REGISTERING AWAITING_MN IDLE ", "MAG 1 states");
        NS_TEST_EXPECT_MSG_EQ(d.GetMagApp(1)->GetBindingUpdateList().Find(d.GetMnIdentifier(0)),
                              nullptr,
                              "MAG 1 still holds an entry");
        BindingCacheEntry* bce = d.GetLmaApp()->GetBindingCache().Find(d.GetMnIdentifier(0));
        PMIPV6_TEST_REQUIRE_NE(bce, nullptr, "binding");
        NS_TEST_EXPECT_MSG_EQ(bce->proxyCoa, d.GetProxyCoa(0), "binding back at the serving MAG");
        NS_TEST_EXPECT_MSG_EQ(BindingCacheEntry::StateName(bce->state), "REGISTERED", "state");
        Simulator::Destroy();
    }
};

// ---------------------------------------------------------------------------

class FastHandoverTestSuite : public TestSuite
{
  public:
    FastHandoverTestSuite()
        : TestSuite("fast-handover", SYSTEM)
    {
        // 1. The FPMIPv6 paper's closed form: every branch of Eq. 2-6 at two parameter sets.
        AddTestCase(new Fpmipv6ClosedFormTestCase(kPaper, {0, 15, 25, 32, 38, 45, 60}),
                    TestCase::QUICK);
        AddTestCase(new Fpmipv6ClosedFormTestCase(kOther, {0, 20, 36, 40, 43, 46, 52, 70}),
                    TestCase::QUICK);
        AddTestCase(new Fpmipv6HeadlineTestCase, TestCase::QUICK);
        // 2. RFC 5949.
        AddTestCase(new Pfmipv6DownlinkTestCase(true, kPaper), TestCase::QUICK);
        AddTestCase(new Pfmipv6DownlinkTestCase(false, kPaper), TestCase::QUICK);
        AddTestCase(new Pfmipv6DownlinkTestCase(true, kOther), TestCase::QUICK);
        // 3. Messages on the wire.
        AddTestCase(new Fpmipv6PredictiveMessagesTestCase, TestCase::QUICK);
        AddTestCase(new Fpmipv6ReactiveMessagesTestCase, TestCase::QUICK);
        AddTestCase(new Pfmipv6MessagesTestCase(true), TestCase::QUICK);
        AddTestCase(new Pfmipv6MessagesTestCase(false), TestCase::QUICK);
        // 4. State machines.
        AddTestCase(new Fpmipv6StatesTestCase(Fpmipv6StatesTestCase::PREDICTIVE), TestCase::QUICK);
        AddTestCase(new Fpmipv6StatesTestCase(Fpmipv6StatesTestCase::REACTIVE), TestCase::QUICK);
        AddTestCase(new Fpmipv6StatesTestCase(Fpmipv6StatesTestCase::WRONG_PREDICTION),
                    TestCase::QUICK);
        AddTestCase(new Fpmipv6FallbackTestCase, TestCase::QUICK);
        // 5. Buffers.
        AddTestCase(new BufferTestCase(50, 5), TestCase::QUICK);
        AddTestCase(new BufferTestCase(0, 5), TestCase::QUICK);
        AddTestCase(new BufferTestCase(50, 0), TestCase::QUICK);
        AddTestCase(new BufferTestCase(0, 0), TestCase::QUICK);
        // 6. Two interfaces.
        AddTestCase(new TwoInterfacesTestCase, TestCase::QUICK);
        AddTestCase(new TwoInterfacesFastLinkTestCase, TestCase::QUICK);
        AddTestCase(new ArrivalTimeoutTestCase, TestCase::QUICK);
        AddTestCase(new WrongPredictionForwardingEndTestCase, TestCase::QUICK);
        // Kept last: ns-3's runner stops a suite at its first failing case, and these
        // check what was missing when they were written (the PMAG relaying the uplink of
        // a MN it has handed over; the LMA address in the reactive HAck).
        AddTestCase(new Pfmipv6UplinkTestCase(true, kPaper), TestCase::QUICK);
        AddTestCase(new Pfmipv6UplinkTestCase(false, kPaper), TestCase::QUICK);
        AddTestCase(new Pfmipv6MessagesTestCase(false, true), TestCase::QUICK);
    }
};

FastHandoverTestSuite g_fastHandoverTestSuite;

} // namespace
