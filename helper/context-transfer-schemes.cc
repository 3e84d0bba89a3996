// SPDX-License-Identifier: GPL-2.0-only
/*
 * The LMA-centred schemes of the scenario: Context Reflector (the Context
 * Reflector paper, sec. 3) and the Fast Handover Scheme (sec. 4.2),
 * registered under --scheme names. Each sets its LMA and MAG extensions
 * and plays the L2 prediction Tpred before the link loss.
 */
#include "context-reflector.h"
#include "fast-handover-scheme.h"
#include "handover-scenario.h"
#include "ns3/enum.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

namespace
{

/// What Context Reflector and the Fast Handover Scheme do alike: the L2
/// prediction Tpred before the link loss reaches the serving MAG's extension.
class LmaCentredScheme : public HandoverScheme
{
  public:
    explicit LmaCentredScheme(const HandoverScenario::Config& c)
        : m_config(c)
    {
    }

    bool MakesPredictions() const override
    {
        return m_config.tpred.IsStrictlyPositive();
    }

    void ScheduleHandover(Pmipv6DomainHelper& domain,
                          uint32_t mn,
                          Time linkLost,
                          uint32_t fromMag,
                          uint32_t toMag) override
    {
        m_domain = &domain;
        if (m_config.tpred.IsStrictlyPositive())
        {
            // A wrong prediction names a third MAG (as for FPMIPv6).
            uint32_t predicted =
                m_config.wrongPrediction ? (toMag + 1) % domain.GetParameters().mags : toMag;
            Simulator::ScheduleWithContext(domain.GetMag(fromMag)->GetId(),
                                           linkLost - m_config.tpred - Simulator::Now(),
                                           &LmaCentredScheme::DoPredict,
                                           this,
                                           mn,
                                           fromMag,
                                           predicted);
        }
        domain.ScheduleHandover(mn, linkLost, toMag);
    }

  protected:
    /// Tell the serving MAG's extension that \p mn will move to \p predicted.
    virtual void Predict(Ptr<MagExtension> ext, const std::string& mn, Ipv6Address predicted) = 0;

    HandoverScenario::Config m_config;
    Pmipv6DomainHelper* m_domain{nullptr};

  private:
    void DoPredict(uint32_t mn, uint32_t fromMag, uint32_t predictedMag)
    {
        Predict(m_domain->GetMagApp(fromMag)->GetExtension(),
                m_domain->GetMnIdentifier(mn),
                m_domain->GetProxyCoa(predictedMag));
    }
};

/// Context Reflector: prediction at the pMAG, context through the LMA.
class ContextReflectorScheme : public LmaCentredScheme
{
  public:
    using LmaCentredScheme::LmaCentredScheme;

    void Configure(Pmipv6DomainHelper& domain) override
    {
        domain.SetLmaExtension("ns3::ContextReflectorLmaExtension");
        domain.GetLmaExtensionFactory().Set("Downlink",
                                            EnumValue(m_config.crDownlink == "forward"
                                                          ? ContextReflectorLmaExtension::FORWARD
                                                          : ContextReflectorLmaExtension::BUFFER));
        uint32_t size = m_config.contextSize;
        domain.SetMagExtensionFactory(
            [size](uint32_t) -> Ptr<MagExtension>
            {
                Ptr<ContextReflectorMagExtension> ext =
                    CreateObject<ContextReflectorMagExtension>();
                ext->SetAttribute("ContextSize", UintegerValue(size));
                return ext;
            });
    }

  protected:
    void Predict(Ptr<MagExtension> ext, const std::string& mn, Ipv6Address predicted) override
    {
        DynamicCast<ContextReflectorMagExtension>(ext)->PredictHandover(mn, predicted);
    }
};

/// The Fast Handover Scheme (the Context Reflector paper, sec. 4.2).
class FastHandoverScheme : public LmaCentredScheme
{
  public:
    using LmaCentredScheme::LmaCentredScheme;

    void Configure(Pmipv6DomainHelper& domain) override
    {
        domain.SetLmaExtension("ns3::FastHandoverSchemeLmaExtension");
        domain.SetMagExtensionFactory([](uint32_t) -> Ptr<MagExtension>
                                      { return CreateObject<FastHandoverSchemeMagExtension>(); });
    }

  protected:
    void Predict(Ptr<MagExtension> ext, const std::string& mn, Ipv6Address predicted) override
    {
        DynamicCast<FastHandoverSchemeMagExtension>(ext)->PredictHandover(mn, predicted);
    }
};

struct Registration
{
    Registration()
    {
        HandoverScenario::RegisterScheme("cr", [](const HandoverScenario::Config& c) {
            return std::make_unique<ContextReflectorScheme>(c);
        });
        HandoverScenario::RegisterScheme("fhs", [](const HandoverScenario::Config& c) {
            return std::make_unique<FastHandoverScheme>(c);
        });
    }
} g_registration;

} // namespace

} // namespace ns3
