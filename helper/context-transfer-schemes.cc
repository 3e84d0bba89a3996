// SPDX-License-Identifier: GPL-2.0-only
/*
 * The LMA-centred schemes of the scenario: Context Reflector (the Context
 * Reflector paper, sec. 3) and the Fast Handover Scheme (sec. 4.2),
 * registered under --scheme names. Each sets its LMA and MAG extensions
 * and plays the L2 prediction Tpred before the link loss.
 */
#include "context-reflector.h"
#include "handover-scenario.h"
#include "ns3/enum.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

namespace
{

/// Context Reflector: prediction at the pMAG, context through the LMA.
class ContextReflectorScheme : public HandoverScheme
{
  public:
    explicit ContextReflectorScheme(const HandoverScenario::Config& c)
        : m_config(c)
    {
    }

    void Configure(Pmipv6DomainHelper& domain) override
    {
        m_domain = &domain;
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

    void ScheduleHandover(Pmipv6DomainHelper& domain,
                          uint32_t mn,
                          Time linkLost,
                          uint32_t fromMag,
                          uint32_t toMag) override
    {
        if (m_config.tpred.IsStrictlyPositive())
        {
            // A wrong prediction names a third MAG (as for FPMIPv6).
            uint32_t predicted =
                m_config.wrongPrediction ? (toMag + 1) % domain.GetParameters().mags : toMag;
            Simulator::ScheduleWithContext(domain.GetMag(fromMag)->GetId(),
                                           linkLost - m_config.tpred - Simulator::Now(),
                                           &ContextReflectorScheme::Predict,
                                           this,
                                           mn,
                                           fromMag,
                                           predicted);
        }
        domain.ScheduleHandover(mn, linkLost, toMag);
    }

  private:
    void Predict(uint32_t mn, uint32_t fromMag, uint32_t predictedMag)
    {
        Ptr<ContextReflectorMagExtension> ext =
            DynamicCast<ContextReflectorMagExtension>(m_domain->GetMagApp(fromMag)->GetExtension());
        ext->PredictHandover(m_domain->GetMnLinkLayerId(mn), m_domain->GetProxyCoa(predictedMag));
    }

    HandoverScenario::Config m_config;
    Pmipv6DomainHelper* m_domain{nullptr};
};

struct Registration
{
    Registration()
    {
        HandoverScenario::RegisterScheme("cr",
                                         [](const HandoverScenario::Config& c)
                                         { return std::make_unique<ContextReflectorScheme>(c); });
    }
} g_registration;

} // namespace

} // namespace ns3
