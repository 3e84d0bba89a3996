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
class LmaCentredScheme : public PredictingScheme
{
  public:
    using PredictingScheme::PredictingScheme;

  protected:
    /// Tell the serving MAG's extension that \p mn will move to \p predicted.
    virtual void PredictAt(Ptr<MagExtension> ext, const std::string& mn, Ipv6Address predicted) = 0;

  private:
    void Predict(uint32_t mn, uint32_t fromMag, uint32_t predictedMag) override
    {
        PredictAt(m_domain->GetMagApp(fromMag)->GetExtension(),
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
    void PredictAt(Ptr<MagExtension> ext, const std::string& mn, Ipv6Address predicted) override
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
    void PredictAt(Ptr<MagExtension> ext, const std::string& mn, Ipv6Address predicted) override
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
