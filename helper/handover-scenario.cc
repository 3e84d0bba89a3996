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

bool
HandoverScheme::MakesPredictions() const
{
    return false;
}

PredictingScheme::PredictingScheme(const HandoverScenario::Config& c)
    : m_config(c)
{
}

bool
PredictingScheme::MakesPredictions() const
{
    return m_config.tpred.IsStrictlyPositive();
}

void
PredictingScheme::ScheduleHandover(Pmipv6DomainHelper& domain,
                                   uint32_t mn,
                                   Time linkLost,
                                   uint32_t fromMag,
                                   uint32_t toMag)
{
    m_domain = &domain;
    if (m_config.tpred.IsStrictlyPositive())
    {
        uint32_t predicted =
            m_config.wrongPrediction ? (toMag + 1) % domain.GetParameters().mags : toMag;
        Simulator::ScheduleWithContext(domain.GetMag(fromMag)->GetId(),
                                       linkLost - m_config.tpred - Simulator::Now(),
                                       &PredictingScheme::Predict,
                                       this,
                                       mn,
                                       fromMag,
                                       predicted);
    }
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

std::map<std::string, HandoverScenario::TopologyRunner>&
HandoverScenario::TopologyRegistry()
{
    static std::map<std::string, TopologyRunner> registry;
    return registry;
}

void
HandoverScenario::RegisterTopologyScheme(const std::string& name, TopologyRunner runner)
{
    TopologyRegistry()[name] = runner;
}

bool
HandoverScenario::SchemeMakesPredictions(const std::string& name)
{
    if (TopologyRegistry().count(name))
    {
        return false; // ProMPt and MIPv6 decide otherwise (doc/prompt.rst)
    }
    auto it = Registry().find(name);
    NS_ABORT_MSG_IF(it == Registry().end(), "unknown scheme " << name);
    Config c;
    c.scheme = name;
    c.tpred = MilliSeconds(40);
    return it->second(c)->MakesPredictions();
}

std::vector<std::string>
HandoverScenario::GetSchemeNames()
{
    std::vector<std::string> names;
    for (auto& kv : Registry())
    {
        names.push_back(kv.first);
    }
    for (auto& kv : TopologyRegistry())
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
    if (TopologyRegistry().count(scheme))
    {
        err << prompt.Validate();
    }
    if (Registry().count(scheme) == 0 && TopologyRegistry().count(scheme) == 0)
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
    if (crDownlink != "buffer" && crDownlink != "forward")
    {
        err << "crDownlink must be buffer or forward. ";
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
    if (probedMns > domain.mns)
    {
        err << "probedMns (" << probedMns << ") must not exceed mns (" << domain.mns
            << "); 0 probes every MN. ";
    }
    if (backgroundDirection != "down" && backgroundDirection != "up" &&
        backgroundDirection != "both" && backgroundDirection != "none")
    {
        err << "backgroundDirection must be down, up, both or none, not '" << backgroundDirection
            << "'. ";
    }
    if (!backgroundInterval.IsStrictlyPositive())
    {
        err << "backgroundInterval must be positive. ";
    }
    if (backgroundSize < 16 || backgroundSize > 65000)
    {
        err << "backgroundSize must be 16..65000 bytes (the probe header is 16). ";
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

uint32_t
HandoverScenario::Config::GetProbedMns() const
{
    return probedMns == 0 ? domain.mns : probedMns;
}

RadioLoadCheck::Estimate
HandoverScenario::Config::GetRadioLoad() const
{
    uint32_t probed = GetProbedMns();
    uint32_t background = domain.mns - probed;
    uint32_t directions = backgroundDirection == "both" ? 2 : backgroundDirection == "none" ? 0 : 1;
    std::vector<RadioLoadCheck::Flow> flows{
        {packetInterval, packetSize, 2 * probed},
        {backgroundInterval, backgroundSize, directions * background}};
    return RadioLoadCheck::Check(domain.access,
                                 "the first access point of MAG 0",
                                 domain.mns,
                                 flows);
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
    cmd.AddValue("probedMns",
                 "Mobile nodes with probe flows, which hand over (0: all); the others stay "
                 "at MAG 0 and carry the background load",
                 c.probedMns);
    cmd.AddValue("backgroundInterval",
                 "Interval of each background flow (MNs beyond probedMns)",
                 c.backgroundInterval);
    cmd.AddValue("backgroundSize",
                 "UDP payload of the background packets (bytes)",
                 c.backgroundSize);
    cmd.AddValue("backgroundDirection",
                 "Background flows per MN: down, up, both or none",
                 c.backgroundDirection);
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
    cmd.AddValue("tauInternet",
                 "ProMPt/MIPv6: one-way delay CN-MAP and home domain-MAP",
                 c.prompt.tauInternet);
    cmd.AddValue("tauDomain", "ProMPt/MIPv6: one-way delay MAP-AR", c.prompt.tauDomain);
    cmd.AddValue("tauAccess", "ProMPt/MIPv6: one-way delay AR-MN", c.prompt.tauAccess);
    cmd.AddValue("processingDelay",
                 "ProMPt/MIPv6: time each entity spends on each received message",
                 c.prompt.processingDelay);
    cmd.AddValue("routeSwitchDelay",
                 "ProMPt/MIPv6: time the anchor (MAP, HA) takes to switch a route",
                 c.prompt.routeSwitchDelay);
    cmd.AddValue("crDownlink",
                 "Context Reflector: the LMA buffers the downlink (buffer) or forwards it to "
                 "the nMAG (forward) during the handover",
                 c.crDownlink);
    cmd.AddValue("aaaRtt",
                 "RTT MAG-AAA server: a MAG without the MN's context asks it before the PBU "
                 "(0ms: no AAA server, a local policy store)",
                 c.domain.aaaRtt);
    cmd.AddValue("phases",
                 "Append attach_to_pbu_ms,pbu_to_pba_ms,pba_to_ra_ms,ra_to_first_packet_ms: "
                 "the new MAG's phases of each handover (empty where a phase did not happen)",
                 c.phases);
    cmd.AddValue("contextSize",
                 "Context Reflector: octets of opaque ROHC/QoS context",
                 c.contextSize);
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
    if (TopologyRegistry().count(c.scheme))
    {
        m_totals = Totals();
        return TopologyRegistry()[c.scheme](c, m_totals);
    }
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
    if (m_eventLog)
    {
        m_eventLog->Install(domain);
    }
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
    uint32_t probed = c.GetProbedMns();
    for (uint32_t n = 0; n < probed; ++n)
    {
        uint32_t serving = 0;
        Time offset = spacing * n / probed;
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

    // Phases (--phases): the MAGs' events, in time order.
    struct MagEvent
    {
        Time at;
        uint32_t mag;
        std::string mnId;
        char type; //!< 'a' attach, 'u' PBU (registration), 'p' PBA, 'r' RA
    };

    std::vector<MagEvent> magEvents;
    if (c.phases && c.domain.mobility)
    {
        for (uint32_t m = 0; m < c.domain.mags; ++m)
        {
            Ptr<Pmipv6Mag> mag = domain.GetMagApp(m);
            auto record = [&magEvents, m](char type, const std::string& mnId) {
                magEvents.push_back({Simulator::Now(), m, mnId, type});
            };
            mag->TraceConnectWithoutContext(
                "Attach",
                Callback<void, std::string, Address>(
                    [record](std::string mnId, Address) { record('a', mnId); }));
            mag->TraceConnectWithoutContext(
                "PbuSent",
                Callback<void, std::string, uint16_t, Time>(
                    [record](std::string mnId, uint16_t, Time lifetime) {
                        if (lifetime.IsStrictlyPositive())
                        {
                            record('u', mnId);
                        }
                    }));
            mag->TraceConnectWithoutContext(
                "PbaReceived",
                Callback<void, std::string, uint8_t, Time>(
                    [record](std::string mnId, uint8_t, Time) { record('p', mnId); }));
            mag->TraceConnectWithoutContext(
                "RouterAdvertisement",
                Callback<void, std::string, Address>(
                    [record](std::string mnId, Address) { record('r', mnId); }));
        }
    }

    HandoverMeasurementHelper measure;
    measure.SetInterval(c.packetInterval);
    measure.SetPacketSize(c.packetSize);
    measure.SetBackground(probed,
                          c.backgroundInterval,
                          c.backgroundSize,
                          c.backgroundDirection == "down" || c.backgroundDirection == "both",
                          c.backgroundDirection == "up" || c.backgroundDirection == "both");
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
    m_phases.clear();
    if (c.phases && c.domain.mobility)
    {
        const double nan = std::nan("");
        auto ms = [](Time t) { return t.GetSeconds() * 1e3; };
        for (const auto& r : results)
        {
            const std::string mnId = domain.GetMnIdentifier(r.mn);
            auto next = [&](char type, Time from, Time before, uint32_t mag) {
                for (const auto& ev : magEvents)
                {
                    if (ev.type == type && ev.mag == mag && ev.mnId == mnId && ev.at >= from &&
                        ev.at < before)
                    {
                        return ev.at;
                    }
                }
                return Time::Max();
            };
            // The window of this handover: from the prediction (Tpred before
            // the link loss; nothing triggers a registration earlier) to half
            // a spacing after the loss.
            Time from = r.l2.linkLost - c.tpred;
            Time until = r.l2.linkLost + spacing / 2;
            Time attach = next('a', r.l2.linkLost, until, r.l2.toMag);
            Time pbu = next('u', from, until, r.l2.toMag);
            Time pba = pbu == Time::Max() ? Time::Max() : next('p', pbu, until, r.l2.toMag);
            Time ra = attach == Time::Max() ? Time::Max() : next('r', attach, until, r.l2.toMag);
            Time first = Time::Max();
            if (ra != Time::Max())
            {
                for (const auto& rec : measure.GetDownlinkReceiver(r.mn)->GetRecords())
                {
                    if (rec.rxTime >= ra && rec.rxTime < until)
                    {
                        first = std::min(first, rec.rxTime);
                    }
                }
            }
            auto diff = [&](Time a, Time b) {
                return (a == Time::Max() || b == Time::Max()) ? nan : ms(b) - ms(a);
            };
            m_phases[{r.mn, r.handover}] =
                Phases{diff(attach, pbu), diff(pbu, pba), diff(pba, ra), diff(ra, first)};
        }
    }
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
        for (Ptr<HandoverProbeSender> sender :
             {measure.GetDownlinkSender(n), measure.GetUplinkSender(n)})
        {
            m_totals.probePackets += sender ? sender->GetSentCount() : 0;
        }
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

void
HandoverScenario::SetEventLog(HandoverEventLog* log)
{
    m_eventLog = log;
}

const HandoverScenario::Totals&
HandoverScenario::GetTotals() const
{
    return m_totals;
}

std::string
HandoverScenario::CsvHeader(bool signalling, bool completion, bool phases)
{
    return std::string(
               "scheme,access,tpred_ms,dho_l2_ms,rtt_mag_lma_ms,rtt_mag_mag_ms,rtt_mag_ap_ms,run,"
               "handover,direction,latency_ms,loss_period_ms,lost_packets,max_extra_delay_ms,"
               "mn,from_mag,to_mag,mns,probed_mns,packet_interval_ms,packet_size,"
               "background_interval_ms,background_size,background_direction,channel_load,"
               "completion_ms,completion_from_decision_ms,tau_internet_ms") +
           (signalling ? ",signalling_messages,signalling_bytes" : "") +
           (completion ? ",signalling_loss,signalling_jitter_ms,completed,registered_ms,"
                         "binding_problems,registering_at_end"
                       : "") +
           (phases ? ",attach_to_pbu_ms,pbu_to_pba_ms,pba_to_ra_ms,ra_to_first_packet_ms" : "");
}

void
HandoverScenario::WriteCsv(std::ostream& os,
                           const std::vector<HandoverMeasurementHelper::Result>& results,
                           bool signalling,
                           bool completion) const
{
    const Config& c = m_config;
    auto ms = [](Time t) { return t.GetSeconds() * 1e3; };
    RadioLoadCheck::Estimate load = c.GetRadioLoad();
    std::ostringstream loadText; // empty when not estimated
    if (load.estimated)
    {
        loadText << load.load;
    }
    Ptr<AccessNetwork> access = c.domain.CreateAccessNetwork();
    for (const auto& r : results)
    {
        // Ideal access: DHO,L2 is the parameter; radios: what the handover took.
        double dho = access->GetReportedDhoL2Ms(r.l2);
        // Own-topology schemes (ProMPt, MIPv6): the AR plays the MAG, the
        // MAP the LMA (AR-MAP RTT 2 tau_Domain, AR-AR via the MAP 4 tau_Domain,
        // AR-MN 2 tau_Access) and the link switch itself is instant.
        bool own = TopologyRegistry().count(c.scheme) != 0;
        double rttMagLma = own ? 2 * ms(c.prompt.tauDomain) : ms(c.domain.rttMagLma);
        double rttMagMag = own ? 4 * ms(c.prompt.tauDomain) : ms(c.domain.rttMagMag);
        double rttMagAp = own ? 2 * ms(c.prompt.tauAccess) : ms(c.domain.rttMagAp);
        // Own topologies: the link-layer part of the move, measured (first
        // message to the target AR minus the old link's loss; 0 on ideal access).
        if (own)
        {
            dho = r.l2.attached.IsZero() ? -1 : ms(r.l2.attached - r.l2.linkLost);
        }
        os << c.scheme << "," << c.domain.access << "," << ms(c.tpred) << "," << dho << ","
           << rttMagLma << "," << rttMagMag << "," << rttMagAp << "," << RngSeedManager::GetRun()
           << "," << r.mn * c.handovers + r.handover << "," << r.direction << ","
           << r.metrics.latencyMs << "," << r.metrics.lossPeriodMs << "," << r.metrics.lostPackets
           << "," << r.metrics.maxExtraDelayMs << "," << r.mn << "," << r.l2.fromMag << ","
           << r.l2.toMag << "," << c.domain.mns << "," << c.GetProbedMns() << ","
           << ms(c.packetInterval) << "," << c.packetSize << "," << ms(c.backgroundInterval) << ","
           << c.backgroundSize << "," << c.backgroundDirection << "," << loadText.str() << ",";
        // Completion (ProMPt, MIPv6): empty where it has no meaning.
        if (!std::isnan(r.completionMs))
        {
            os << r.completionMs;
        }
        os << ",";
        if (!std::isnan(r.completionFromDecisionMs))
        {
            os << r.completionFromDecisionMs;
        }
        os << ",";
        if (own)
        {
            os << ms(c.prompt.tauInternet);
        }
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
        if (c.phases)
        {
            auto it = m_phases.find({r.mn, r.handover});
            for (double v : {it == m_phases.end() ? std::nan("") : it->second.attachToPbu,
                             it == m_phases.end() ? std::nan("") : it->second.pbuToPba,
                             it == m_phases.end() ? std::nan("") : it->second.pbaToRa,
                             it == m_phases.end() ? std::nan("") : it->second.raToFirstPacket})
            {
                os << ",";
                if (!std::isnan(v))
                {
                    os << v;
                }
            }
        }
        os << "\n";
    }
}

} // namespace ns3
