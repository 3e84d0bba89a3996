// SPDX-License-Identifier: GPL-2.0-only
/*
 * One handover experiment, end to end: a domain, a scheme, probe flows,
 * handovers on a schedule, and per-handover measures as CSV rows. The
 * scenario program, the sweep, the tests and the benchmark all run this.
 */
#ifndef HANDOVER_SCENARIO_H
#define HANDOVER_SCENARIO_H

#include "handover-event-log.h"
#include "handover-measurement-helper.h"
#include "pmipv6-domain-helper.h"
#include "prompt-domain-helper.h"
#include "radio-load-check.h"

#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

class CommandLine;

/**
 * \ingroup pmipv6
 * A mobility scheme as the scenario sees it: what it adds to the domain
 * (MAG extensions) and what happens around each handover (e.g. an L2
 * prediction Tpred before the link is lost). PMIPv6 adds nothing.
 */
class HandoverScheme
{
  public:
    virtual ~HandoverScheme();
    /// Before the domain is built (set extension factories here).
    virtual void Configure(Pmipv6DomainHelper& domain);
    /// Arrange one handover of \p mn whose old link is lost at \p linkLost.
    virtual void ScheduleHandover(Pmipv6DomainHelper& domain,
                                  uint32_t mn,
                                  Time linkLost,
                                  uint32_t fromMag,
                                  uint32_t toMag);
    /// Does the scheme act on an L2 prediction when Tpred > 0 (a wrong
    /// prediction means something for it)? PMIPv6: no.
    virtual bool MakesPredictions() const;
};

class HandoverScenario
{
  public:
    struct Config
    {
        std::string scheme{"pmipv6"};
        Pmipv6DomainHelper::Parameters domain;
        Time tpred{MilliSeconds(0)}; //!< 0: the link loss is not predicted
        bool wrongPrediction{false};
        Time packetInterval{MilliSeconds(1)};
        uint32_t packetSize{64};
        /**
         * MNs 0..probedMns-1 carry the probe flows (packetInterval, packetSize)
         * and hand over; the others stay where every MN first attaches (MAG 0)
         * and carry the background load. 0: every MN is probed.
         */
        uint32_t probedMns{0};
        Time backgroundInterval{MilliSeconds(20)}; //!< of each background flow
        uint32_t backgroundSize{160};              //!< UDP payload of background packets
        std::string backgroundDirection{"both"};   //!< down, up, both or none
        uint32_t handovers{4};
        Time spacing{0};        //!< between one MN's handovers; 0: GetMinSpacing()
        Time firstHandover{0};  //!< 0: GetFirstHandover()
        std::string pcapPrefix; //!< empty: no pcap
        /// Schemes with their own topology (ProMPt, MIPv6): its delays and
        /// processing; mns comes from domain.mns, ars from domain.mags.
        PromptDomainHelper::Parameters prompt;
        std::string crDownlink{"buffer"}; //!< Context Reflector: "buffer" or "forward" at the LMA
        uint32_t contextSize{64};         //!< Context Reflector: opaque context octets
        /// Append the new MAG's phases: attach -> PBU -> PBA -> RA -> first packet
        bool phases{false};
        /// \return an empty string, or what is wrong
        std::string Validate() const;
        /// The MNs with probe flows: probedMns, or every MN for 0.
        uint32_t GetProbedMns() const;
        /**
         * The radio load of the busiest access channel, estimated before the
         * run: every MN attaches first to MAG 0's first access point and the
         * flows start before the first handover, so all flows share it then.
         */
        RadioLoadCheck::Estimate GetRadioLoad() const;
        /// How long before a link loss the flows must run: Tpred (or the
        /// CN-MN delay, if longer) and a few steady packets.
        Time GetLeadTime() const;
        /// How long after a link loss a handover can disturb the flows, and a few steady packets.
        Time GetSettleTime() const;
        /**
         * Shortest spacing that keeps handovers apart (the windows are cut
         * at the midpoints): twice the larger of GetSettleTime() and
         * GetLeadTime().
         */
        Time GetMinSpacing() const;
        /// The spacing used: the one given, or GetMinSpacing() for 0.
        Time GetSpacing() const;
        /// When probe flows start: the first registration is surely over.
        Time GetFlowStart() const;
        /**
         * The first handover: the one given, or for 0 the earliest that
         * leaves the flows GetLeadTime() of steady state, and at least 1 s.
         * The flows run from GetLeadTime() before the first link loss to
         * GetSettleTime() after the last.
         */
        Time GetFirstHandover() const;
    };

    typedef std::function<std::unique_ptr<HandoverScheme>(const Config&)> SchemeFactory;

    /// Make a scheme available under \p name (--scheme=NAME).
    static void RegisterScheme(const std::string& name, SchemeFactory factory);

    struct Totals;
    /**
     * A scheme that brings its own topology instead of a PMIPv6 domain
     * (ProMPt, Mobile IPv6): it builds, runs and measures the whole
     * experiment, with the same probe flows and measures, and fills \p totals.
     */
    typedef std::function<std::vector<HandoverMeasurementHelper::Result>(const Config& config,
                                                                         Totals& totals)>
        TopologyRunner;
    /// Make a scheme with its own topology available under \p name.
    static void RegisterTopologyScheme(const std::string& name, TopologyRunner runner);
    static std::vector<std::string> GetSchemeNames();
    /// Does scheme \p name act on predictions (HandoverScheme::MakesPredictions)?
    static bool SchemeMakesPredictions(const std::string& name);

    /// Add the scenario's options to \p cmd, bound to \p config.
    static void AddOptions(CommandLine& cmd, Config& config);

    explicit HandoverScenario(const Config& config);
    /// Record the run's protocol events in \p log (installed on the domain Run() builds).
    void SetEventLog(HandoverEventLog* log);
    /**
     * Build, run and destroy the simulation; returns one result per handover
     * and direction. With domain.mobility false: the plain-routing baseline,
     * the same flows over the same time and no handovers (no results).
     */
    std::vector<HandoverMeasurementHelper::Result> Run();

    /**
     * \param signalling append signalling_messages,signalling_bytes
     * \param completion append signalling_loss,signalling_jitter_ms,completed,
     *        registered_ms,binding_problems,registering_at_end
     *        (HandoverMeasurementHelper::Result; Pmipv6DomainHelper::CheckBindings
     *        at the end of the run, the same for every row of a run)
     */
    static std::string CsvHeader(bool signalling = false,
                                 bool completion = false,
                                 bool phases = false);
    /// One CSV row per result, the columns of CsvHeader().
    void WriteCsv(std::ostream& os,
                  const std::vector<HandoverMeasurementHelper::Result>& results,
                  bool signalling = false,
                  bool completion = false) const;

    /// Totals of the last Run(), for reports and benchmarks.
    struct Totals
    {
        uint64_t events{0};
        uint64_t signallingMessages{0};
        uint64_t signallingBytes{0};
        uint64_t mobilityDrops{0};
        uint64_t probePackets{0};   //!< probe packets sent, both directions, all MNs
        uint64_t probeReceived{0};  //!< of those, received (first copies)
        uint64_t signallingLost{0}; //!< dropped by the SignallingErrorModels
        /// Pmipv6DomainHelper::CheckBindings() at the end of the run.
        std::vector<std::string> bindingProblems;
        /// MNs whose MAG was still retransmitting its PBU at the end of the run.
        uint32_t registeringAtEnd{0};
    };

    const Totals& GetTotals() const;

  private:
    static std::map<std::string, SchemeFactory>& Registry();
    static std::map<std::string, TopologyRunner>& TopologyRegistry();
    Config m_config;
    Totals m_totals;
    HandoverEventLog* m_eventLog{nullptr};

    /**
     * One handover's phases at the new MAG, in ms (NaN: not seen, e.g. no
     * PBU after an LMA-driven move): attach -> PBU sent (negative: the PBU
     * went ahead of the attach), PBU -> PBA, PBA -> RA, RA -> first
     * downlink packet at the MN.
     */
    struct Phases
    {
        double attachToPbu;
        double pbuToPba;
        double pbaToRa;
        double raToFirstPacket;
    };

    std::map<std::pair<uint32_t, uint32_t>, Phases> m_phases; //!< by (MN, handover)
};

/**
 * \ingroup pmipv6
 * A scheme that acts on an L2 prediction: with Tpred > 0, Predict() runs
 * on the serving MAG Tpred before each link loss, naming the MAG the MN
 * will reach (a third MAG for a wrong prediction, the FPMIPv6 paper sec. 3.5).
 */
class PredictingScheme : public HandoverScheme
{
  public:
    explicit PredictingScheme(const HandoverScenario::Config& c);
    bool MakesPredictions() const override;
    void ScheduleHandover(Pmipv6DomainHelper& domain,
                          uint32_t mn,
                          Time linkLost,
                          uint32_t fromMag,
                          uint32_t toMag) override;

  protected:
    /// The L2 prediction reaches MAG \p fromMag: \p mn will move to \p predictedMag.
    virtual void Predict(uint32_t mn, uint32_t fromMag, uint32_t predictedMag) = 0;

    HandoverScenario::Config m_config;
    Pmipv6DomainHelper* m_domain{nullptr};
};

} // namespace ns3

#endif
