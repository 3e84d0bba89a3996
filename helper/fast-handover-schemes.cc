// SPDX-License-Identifier: GPL-2.0-only
/*
 * The fast-handover schemes of the scenario: FPMIPv6 (the FPMIPv6 paper) and
 * RFC 5949 PFMIPv6, registered under --scheme names. Each sets its MAG
 * extension on every MAG and plays the L2 part: the prediction Tpred
 * before the link loss, HOInit and HOComplete through the access point.
 */
#include "fpmipv6-mag-extension.h"
#include "handover-scenario.h"
#include "pfmipv6-mag-extension.h"

#include "ns3/simulator.h"

namespace ns3
{

namespace
{

/// What FPMIPv6 and PFMIPv6 do alike around a handover.
class PredictiveScheme : public PredictingScheme
{
  public:
    using PredictingScheme::PredictingScheme;

  protected:
    /// The L2 prediction reaches the serving MAG's extension.
    void Predict(uint32_t mn, uint32_t fromMag, uint32_t predictedMag) override
    {
        Ptr<FastHandoverMagExtension> ext =
            DynamicCast<FastHandoverMagExtension>(m_domain->GetMagApp(fromMag)->GetExtension());
        ext->PredictHandover(m_domain->GetMnIdentifier(mn), m_domain->GetProxyCoa(predictedMag));
    }

    /// L2 commands from a MAG to its AP travel one access hop (RTT_MAG-AP / 2).
    void OnL2Command(std::string mnId, FastHandoverMagExtension::L2Command cmd, Ipv6Address target)
    {
        int mn = m_domain->FindMn(mnId);
        if (mn < 0)
        {
            return;
        }
        if (cmd == FastHandoverMagExtension::HO_INIT)
        {
            // The AP passes HOInit on; a second interface joins the target.
            int mag = m_domain->FindMag(target);
            if (mag >= 0)
            {
                Simulator::Schedule(m_domain->GetParameters().rttMagAp / 2, [this, mn, mag]() {
                    m_domain->GetAccessNetwork()->PrepareSecondInterface(mn, mag);
                });
            }
            return;
        }
        // HOComplete: the MN leaves the old AP now, unless it already has.
        Time hop = m_domain->GetParameters().rttMagAp / 2;
        Time notAfter = Simulator::Now() + hop + m_config.tpred;
        Simulator::Schedule(hop, [this, mn, notAfter]() {
            m_domain->GetAccessNetwork()->ForceLinkLoss(mn, notAfter);
        });
    }
};

class Fpmipv6Scheme : public PredictiveScheme
{
  public:
    using PredictiveScheme::PredictiveScheme;

    void Configure(Pmipv6DomainHelper& domain) override
    {
        m_domain = &domain;
        domain.SetLmaExtension("ns3::RelayedUplinkLmaExtension");
        domain.SetMagExtensionFactory([this](uint32_t) {
            Ptr<Fpmipv6MagExtension> ext = CreateObject<Fpmipv6MagExtension>();
            ext->SetL2ControlCallback(MakeCallback(&Fpmipv6Scheme::OnL2Command, this));
            return ext;
        });
    }
};

/// RFC 5949; \p predictive false: the MN never reports ahead (sec. 4.2).
class Pfmipv6Scheme : public PredictiveScheme
{
  public:
    Pfmipv6Scheme(const HandoverScenario::Config& c, bool predictive)
        : PredictiveScheme(c)
    {
        if (!predictive)
        {
            m_config.tpred = Seconds(0);
        }
    }

    void Configure(Pmipv6DomainHelper& domain) override
    {
        m_domain = &domain;
        domain.SetLmaExtension("ns3::RelayedUplinkLmaExtension");
        domain.SetMagExtensionFactory(
            [](uint32_t) -> Ptr<MagExtension> { return CreateObject<Pfmipv6MagExtension>(); });
    }
};

struct Registration
{
    Registration()
    {
        HandoverScenario::RegisterScheme("fpmipv6", [](const HandoverScenario::Config& c) {
            return std::make_unique<Fpmipv6Scheme>(c);
        });
        HandoverScenario::RegisterScheme("pfmipv6-predictive",
                                         [](const HandoverScenario::Config& c) {
                                             return std::make_unique<Pfmipv6Scheme>(c, true);
                                         });
        HandoverScenario::RegisterScheme("pfmipv6-reactive", [](const HandoverScenario::Config& c) {
            return std::make_unique<Pfmipv6Scheme>(c, false);
        });
    }
} g_registration;

} // namespace

} // namespace ns3
