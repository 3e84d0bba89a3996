// SPDX-License-Identifier: GPL-2.0-only
#include "handover-scenario.h"

#include "ns3/command-line.h"
#include "ns3/double.h"
#include "ns3/node-list.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace ns3
{

HandoverScheme::~HandoverScheme() = default;

void
HandoverScheme::Configure(Pmipv6DomainHelper& domain)
{
}

void
HandoverScheme::ScheduleHandover(Pmipv6DomainHelper& domain,
                                 uint32_t mn,
                                 Time linkLost,
                                 uint32_t fromMag,
                                 uint32_t toMag)
{
    domain.ScheduleHandover(mn, linkLost, toMag);
}

std::map<std::string, HandoverScenario::SchemeFactory>&
HandoverScenario::Registry()
{
    static std::map<std::string, SchemeFactory> registry{
        {"pmipv6", [](const Config&) { return std::make_unique<HandoverScheme>(); }}};
    return registry;
}

void
HandoverScenario::RegisterScheme(const std::string& name, SchemeFactory factory)
{
    Registry()[name] = factory;
}

std::vector<std::string>
HandoverScenario::GetSchemeNames()
{
    std::vector<std::string> names;
    for (auto& kv : Registry())
    {
        names.push_back(kv.first);
    }
    return names;
}

namespace
{
/// Random streams of one run, fixed so that its randomness depends on its
/// RngRun only, not on what ran before it in the same process (--batch): the
/// phase of the handover instants, and from kDomainStreamBase on the
/// domain's models (Wi-Fi, lossy signalling; Pmipv6DomainHelper::AssignStreams).
const int64_t kPhaseStream = 1;
const int64_t kDomainStreamBase = 1000;

/// The value new objects of \p type get for a Time attribute (Config::SetDefault
/// included), read from the TypeId rather than by building an agent.
Time
AttributeDefault(const std::string& type, const std::string& attribute)
{
    TypeId::AttributeInformation info;
    bool found = TypeId::LookupByName(type).LookupAttributeByName(attribute, &info);
    NS_ABORT_MSG_UNLESS(found, type << " has no attribute " << attribute);
    return DynamicCast<const TimeValue>(info.initialValue)->Get();
}
} // namespace

std::string
HandoverScenario::Config::Validate() const
{
    std::ostringstream err;
    err << domain.Validate();
    if (Registry().count(scheme) == 0)
    {
        err << "unknown scheme '" << scheme << "' (known:";
        for (auto& n : GetSchemeNames())
        {
            err << " " << n;
        }
        err << "). ";
    }
    Time firstTimeout = AttributeDefault("ns3::Pmipv6Mag", "InitialBindackTimeoutFirstReg");
    if (domain.rttMagLma >= firstTimeout)
    {
        err << "rttMagLma must be below ns3::Pmipv6Mag::InitialBindackTimeoutFirstReg ("
            << firstTimeout.As(Time::S)
            << "): every PBU would be retransmitted before its PBA could return. ";
    }
    Time window = AttributeDefault("ns3::Pmipv6Lma", "TimestampValidityWindow");
    if (domain.rttMagLma / 2 + domain.rttMagMag / 2 >= window)
    {
        err << "rttMagLma/2 + rttMagMag/2 must be below ns3::Pmipv6Lma::TimestampValidityWindow ("
            << window.As(Time::MS) << "): the LMA would refuse every PBU's timestamp. ";
    }
    else if (domain.rttMagLma / 2 + domain.rttMagMag / 2 + domain.signallingJitter >= window)
    {
        err << "signallingJitter + rttMagLma/2 + rttMagMag/2 must be below "
               "ns3::Pmipv6Lma::TimestampValidityWindow ("
            << window.As(Time::MS) << "): the LMA would refuse delayed PBUs' timestamps. ";
    }
    if (domain.interfaces == 2 && wrongPrediction)
    {
        err << "a wrong prediction with two interfaces is not modelled (the FPMIPv6 paper analyses "
               "neither). ";
    }
    if (tpred.IsStrictlyNegative())
    {
        err << "tpred must not be negative. ";
    }
    if (!packetInterval.IsStrictlyPositive())
    {
        err << "packetInterval must be positive. ";
    }
    if (handovers < 1 || handovers > 100000)
    {
        err << "handovers must be 1..100000. ";
    }
    if (packetSize < 16 || packetSize > 65000)
    {
        err << "packetSize must be 16..65000 bytes (the probe header is 16). ";
    }
    if (GetSpacing() < GetMinSpacing())
    {
        err << "spacing " << spacing.As(Time::MS) << " is too short for these delays; use at least "
            << GetMinSpacing().As(Time::MS) << " (or 0 for that). ";
    }
    if (GetFirstHandover() - GetLeadTime() < GetFlowStart())
    {
        err << "firstHandover must be at least " << (GetFlowStart() + GetLeadTime()).As(Time::MS)
            << " (first registration, then Tpred and a few packets of steady flow). ";
    }
    return err.str();
}

// How long the probe flows must run around each handover, and no longer:
// every further millisecond is simulated probe traffic that measures
// nothing. The margin leaves a few steady packets on either side. Both are
// whole probe intervals, so that each link loss falls at the random phase
// it was given (HandoverScenario::Run) after a packet of the flow.
namespace
{
Time
WholeIntervals(Time t, Time interval)
{
    int64_t n = (t.GetTimeStep() + interval.GetTimeStep() - 1) / interval.GetTimeStep();
    return interval * n;
}
} // namespace

Time
HandoverScenario::Config::GetLeadTime() const
{
    // The prediction Tpred before the link loss starts the handover, and
    // the link loss takes the downlink packets that are still on their way
    // (sent up to one CN-MN delay before it). Before both the flows are
    // undisturbed: the baseline delay is measured there.
    Time downlinkDelay = domain.cnLmaDelay + domain.rttMagLma / 2 + domain.rttMagAp / 2;
    return WholeIntervals(std::max(tpred, downlinkDelay) + MilliSeconds(5), packetInterval) +
           3 * packetInterval;
}

Time
HandoverScenario::Config::GetSettleTime() const
{
    // DHO,L2, the new MAG's exchanges with the LMA and with the old MAG,
    // the access hop: then the flows are steady again.
    Time settle =
        domain.dhoL2 + domain.rttMagLma + domain.rttMagMag + domain.rttMagAp + MilliSeconds(5);
    if (domain.Validate().empty())
    {
        // A radio's handover: measured, not set; its margin.
        settle += domain.CreateAccessNetwork()->GetHandoverMargin();
    }
    return WholeIntervals(settle, packetInterval) + 3 * packetInterval;
}

Time
HandoverScenario::Config::GetMinSpacing() const
{
    // The windows are cut at the midpoints: half the spacing must hold one
    // handover's settling and the next one's lead.
    return 2 * std::max(GetSettleTime(), GetLeadTime());
}

Time
HandoverScenario::Config::GetSpacing() const
{
    return spacing.IsZero() ? GetMinSpacing() : spacing;
}

Time
HandoverScenario::Config::GetFlowStart() const
{
    // The first attach, its PBU/PBA, the RA, and margin (Wi-Fi: association).
    Time start = domain.firstAttach + domain.rttMagLma + domain.rttMagAp + MilliSeconds(100);
    if (domain.Validate().empty())
    {
        start += domain.CreateAccessNetwork()->GetAttachMargin(); // e.g. an association
    }
    return std::max(start, MilliSeconds(500));
}

Time
HandoverScenario::Config::GetFirstHandover() const
{
    if (!firstHandover.IsZero())
    {
        return firstHandover;
    }
    return std::max(Seconds(1), GetFlowStart() + GetLeadTime());
}

void
HandoverScenario::AddOptions(CommandLine& cmd, Config& c)
{
    cmd.AddValue("scheme", "Mobility scheme (pmipv6, ...)", c.scheme);
    std::string accessHelp = "Access network:";
    for (const auto& name : AccessNetwork::GetNames())
    {
        accessHelp += " " + name;
    }
    cmd.AddValue("access", accessHelp, c.domain.access);
    cmd.AddValue("dhoL2", "L2 handover delay DHO,L2 (ideal access)", c.domain.dhoL2);
    cmd.AddValue("rttMagLma", "Round-trip time MAG-LMA", c.domain.rttMagLma);
    cmd.AddValue("rttMagMag", "Round-trip time between neighbouring MAGs", c.domain.rttMagMag);
    cmd.AddValue("rttMagAp", "Round-trip time MAG-AP (ideal access)", c.domain.rttMagAp);
    cmd.AddValue("tpred", "Prediction time Tpred (0ms: the link loss is not predicted)", c.tpred);
    cmd.AddValue("interfaces",
                 "Interfaces of the mobile node (1, or 2 on ideal access)",
                 c.domain.interfaces);
    cmd.AddValue("wrongPrediction",
                 "The predicted target MAG is not the one reached",
                 c.wrongPrediction);
    cmd.AddValue("packetInterval", "Interval of the probe flows", c.packetInterval);
    cmd.AddValue("packetSize", "UDP payload of the probe packets (bytes)", c.packetSize);
    cmd.AddValue("handovers", "Handovers per mobile node", c.handovers);
    cmd.AddValue("spacing",
                 "Time between one mobile node's handovers (0: the shortest that keeps them apart)",
                 c.spacing);
    cmd.AddValue("mns", "Number of mobile nodes", c.domain.mns);
    cmd.AddValue("mags", "Number of MAGs", c.domain.mags);
    cmd.AddValue("apsPerMag", "Wi-Fi access points per MAG", c.domain.apsPerMag);
    cmd.AddValue("direction",
                 "wifi-lte access: the technology the MN starts on, wifi-lte or lte-wifi "
                 "(the first handover goes that way, the next back)",
                 c.domain.direction);
    cmd.AddValue("signallingLoss",
                 "Probability (0..1) that each Mobility Header message is dropped on a "
                 "MAG-LMA or MAG-MAG link (data untouched)",
                 c.domain.signallingLoss);
    cmd.AddValue("signallingJitter",
                 "Each Mobility Header message is delayed by a time drawn uniformly from "
                 "[0, this] (0ms: none)",
                 c.domain.signallingJitter);
    cmd.AddValue("pcap", "Write pcap files with this prefix (empty: none)", c.pcapPrefix);
}

HandoverScenario::HandoverScenario(const Config& config)
    : m_config(config)
{
}

std::vector<HandoverMeasurementHelper::Result>
HandoverScenario::Run()
{
    std::string err = m_config.Validate();
    NS_ABORT_MSG_UNLESS(err.empty(), "handover scenario: " << err);
    Config c = m_config;
    if (c.wrongPrediction)
    {
        c.domain.mags = std::max(c.domain.mags, 3u); // predicted, reached, and the old one
    }
    std::unique_ptr<HandoverScheme> scheme = Registry()[c.scheme](c);

    Pmipv6DomainHelper domain;
    if (c.domain.mobility)
    {
        scheme->Configure(domain);
    }
    domain.Build(c.domain);
    domain.AssignStreams(kDomainStreamBase);
    if (!c.pcapPrefix.empty())
    {
        domain.EnablePcap(c.pcapPrefix);
    }

    // Handover k of MN n: the old link is lost at first + k x spacing,
    // MNs staggered over the spacing, and each instant moved by a random
    // fraction of the probe interval so that runs (--RngRun) see the
    // handover at every phase of the packet stream.
    Time spacing = c.GetSpacing();
    Time first = c.GetFirstHandover();
    Ptr<UniformRandomVariable> phase = CreateObject<UniformRandomVariable>();
    phase->SetStream(kPhaseStream);
    phase->SetAttribute("Max", DoubleValue(c.packetInterval.GetSeconds()));
    Time lastLoss;
    for (uint32_t n = 0; n < c.domain.mns; ++n)
    {
        uint32_t serving = 0;
        Time offset = spacing * n / c.domain.mns;
        for (uint32_t k = 0; k < c.handovers; ++k)
        {
            Time t = first + offset + spacing * k + Seconds(phase->GetValue());
            uint32_t target = (serving + 1) % c.domain.mags;
            if (c.domain.mobility)
            {
                scheme->ScheduleHandover(domain, n, t, serving, target);
            }
            serving = target;
            lastLoss = std::max(lastLoss, t);
        }
    }

    HandoverMeasurementHelper measure;
    measure.SetInterval(c.packetInterval);
    measure.SetPacketSize(c.packetSize);
    Time flowStart = first - c.GetLeadTime();
    // Lossy signalling is about handovers: the first registrations go
    // through unharmed, the losses start with the probe flows.
    for (const auto& em : domain.GetSignallingErrorModels())
    {
        em->SetAttribute("Probability", DoubleValue(0));
        Simulator::Schedule(flowStart - TimeStep(2), [em, c]() {
            em->SetAttribute("Probability", DoubleValue(c.domain.signallingLoss));
        });
    }
    // With lossy signalling the last handover gets a whole spacing, as the
    // others do before the next move, for its retransmissions.
    Time flowStop = lastLoss + (c.domain.signallingLoss > 0 ? std::max(c.GetSettleTime(), spacing)
                                                            : c.GetSettleTime());
    measure.Install(domain, flowStart, flowStop);

    Simulator::Stop(flowStop + Seconds(1));
    Simulator::Run();
    std::vector<HandoverMeasurementHelper::Result> results = measure.Compute();
    m_totals = Totals();
    if (c.domain.mobility)
    {
        m_totals.bindingProblems = domain.CheckBindings(&m_totals.registeringAtEnd);
    }
    for (const auto& em : domain.GetSignallingErrorModels())
    {
        m_totals.signallingLost += em->GetDropCount();
    }
    m_totals.events = Simulator::GetEventCount();
    for (uint32_t n = 0; n < c.domain.mns; ++n)
    {
        m_totals.probePackets += measure.GetDownlinkSender(n)->GetSentCount() +
                                 measure.GetUplinkSender(n)->GetSentCount();
        m_totals.probeReceived += measure.GetDownlinkReceiver(n)->GetRecords().size();
    }
    m_totals.probeReceived += measure.GetUplinkReceiver()->GetRecords().size();
    for (uint32_t i = 0; i < NodeList::GetNNodes(); ++i)
    {
        if (Ptr<MobilityL4Protocol> mh = NodeList::GetNode(i)->GetObject<MobilityL4Protocol>())
        {
            m_totals.signallingMessages += mh->GetSentCount();
            m_totals.signallingBytes += mh->GetSentBytes();
            m_totals.mobilityDrops += mh->GetDropCount();
        }
    }
    Simulator::Destroy();
    return results;
}

const HandoverScenario::Totals&
HandoverScenario::GetTotals() const
{
    return m_totals;
}

std::string
HandoverScenario::CsvHeader(bool signalling, bool completion)
{
    return std::string(
               "scheme,access,tpred_ms,dho_l2_ms,rtt_mag_lma_ms,rtt_mag_mag_ms,rtt_mag_ap_ms,run,"
               "handover,direction,latency_ms,loss_period_ms,lost_packets,max_extra_delay_ms") +
           (signalling ? ",signalling_messages,signalling_bytes" : "") +
           (completion ? ",signalling_loss,signalling_jitter_ms,completed,registered_ms,"
                         "binding_problems,registering_at_end"
                       : "");
}

void
HandoverScenario::WriteCsv(std::ostream& os,
                           const std::vector<HandoverMeasurementHelper::Result>& results,
                           bool signalling,
                           bool completion) const
{
    const Config& c = m_config;
    auto ms = [](Time t) { return t.GetSeconds() * 1e3; };
    Ptr<AccessNetwork> access = c.domain.CreateAccessNetwork();
    for (const auto& r : results)
    {
        // Ideal access: DHO,L2 is the parameter; radios: what the handover took.
        double dho = access->GetReportedDhoL2Ms(r.l2);
        os << c.scheme << "," << c.domain.access << "," << ms(c.tpred) << "," << dho << ","
           << ms(c.domain.rttMagLma) << "," << ms(c.domain.rttMagMag) << ","
           << ms(c.domain.rttMagAp) << "," << RngSeedManager::GetRun() << ","
           << r.mn * c.handovers + r.handover << "," << r.direction << "," << r.metrics.latencyMs
           << "," << r.metrics.lossPeriodMs << "," << r.metrics.lostPackets << ","
           << r.metrics.maxExtraDelayMs;
        if (signalling)
        {
            os << "," << r.signallingMessages << "," << r.signallingBytes;
        }
        if (completion)
        {
            os << "," << c.domain.signallingLoss << "," << ms(c.domain.signallingJitter) << ","
               << (r.completed ? 1 : 0) << ",";
            if (!std::isnan(r.registeredMs))
            {
                os << r.registeredMs;
            }
            os << "," << m_totals.bindingProblems.size() << "," << m_totals.registeringAtEnd;
        }
        os << "\n";
    }
}

} // namespace ns3
