// SPDX-License-Identifier: GPL-2.0-only
/*
 * LTE access through ns-3's LTE module and EPC: the MAG sits on the EPC's
 * PGW node (3GPP TS 23.402 PMIP-based S5: the serving gateway is the MAG;
 * here ns-3's PGW+SGW pair plays that one MAG, the PGW end holding the
 * agent), and each mobile node has an LTE UE device.
 */
#ifndef LTE_ACCESS_NETWORK_H
#define LTE_ACCESS_NETWORK_H

#include "access-network.h"
#include "mn-interface-shim.h"

#include "ns3/net-device-container.h"

namespace ns3
{

class LteHelper;
class PointToPointEpcHelper;
class EpcPgwApplication;

/**
 * \ingroup pmipv6
 * The LTE part of an access network: one EPC whose PGW node is a MAG, its
 * eNBs (cells) with X2 between them, and one UE device per mobile node.
 * Shared by LteAccessNetwork and WifiLteAccessNetwork.
 *
 * How the prefix reaches the UE: ns-3's PGW forwards downlink by the exact
 * UE address (EpcPgwApplication::SetUeAddress6), so a Router Advertisement
 * to the UE's link-local address would be dropped there, and the home
 * network prefix is known only from the PBA, after the UE's attach. The
 * radio access registers the UE's link-local address with the PGW at the
 * attach (as an EPC assigns the PDN address), so the MAG's unicast RA
 * crosses the EPC like any packet; when the MAG advertises the prefix it
 * registers the home address as well (RegisterAddress).
 */
class LteRadioAccess
{
  public:
    /// RFC 5213 sec. 8.5 / IANA "Access Technology Type Option type values": 3GPP E-UTRAN.
    static constexpr uint8_t kAccessTechnologyType = 8;

    LteRadioAccess();
    ~LteRadioAccess();

    /**
     * Build the EPC; \return its PGW node, with an Ipv6ListRouting (a
     * fresh static routing inside, the UE pool route re-added) so that the
     * MAG's routing hook fits, and the link-local address all MAGs share
     * on its TUN device.
     */
    Ptr<Node> CreatePgw(Mac48Address sharedMagAddress);
    /// The PGW's TUN interface: the MAG's access interface.
    uint32_t GetTunInterface() const;
    /**
     * \p cells eNBs 50 m apart, with X2 between neighbours, serving
     * \p domain's MNs at its MAG \p lteMag (on the PGW).
     */
    void InstallCells(const AccessNetwork::Domain& domain, uint32_t lteMag, uint32_t cells);
    /**
     * The UE device of MN \p mn (UE \p mn; not yet attached), and its
     * policy at the LTE MAG: its MN-ID with the UE's own 64-bit address
     * (the PBU's MN Link-layer Identifier).
     */
    Ptr<NetDevice> AddUe(uint32_t mn);
    /**
     * The MN's IPv6 interface on \p ipDevice (a shim over its devices),
     * with the link-local address the LTE MAG's RA goes to (from the UE's
     * address) and the default router pinned. \return the interface index
     */
    uint32_t AddMnInterface(uint32_t mn, Ptr<NetDevice> ipDevice, Mac48Address sharedMagAddress);
    /**
     * At the UE's attach, its addresses to the PGW: the link-local one (the
     * MAG's RA must reach it) and, if the LTE MAG already knows the MN's
     * prefix (a fast handover announced it), the home address, so that
     * what the MAG buffered for the MN reaches it.
     */
    void RegisterAtAttach(uint32_t ue);
    /// Start the UE's attach to \p cell now (RRC connection, default bearer).
    void Attach(uint32_t ue, uint32_t cell);
    bool IsAttached(uint32_t ue) const;
    /// X2 handover of the UE to \p cell now.
    void Handover(uint32_t ue, uint32_t cell);
    /// Downlink to \p address goes to this UE (EpcPgwApplication::SetUeAddress6).
    void RegisterAddress(uint32_t ue, Ipv6Address address);
    Ptr<NetDevice> GetUe(uint32_t ue) const;
    uint32_t GetCell(uint32_t ue) const;
    int64_t AssignStreams(int64_t stream);
    void Dispose();

    /// Called when the UE's data bearer is up (attach) or its X2 handover ended.
    Callback<void, uint32_t> m_ready;

  private:
    /// The MAG advertised a prefix: the MN's home address to the PGW.
    void OnRouterAdvertisement(std::string mnId, Address linkLayerId);
    void DrbCreated(uint32_t ue, uint64_t imsi, uint16_t cellId, uint16_t rnti, uint8_t lcid);
    void HandoverEnd(uint32_t ue, uint64_t imsi, uint16_t cellId, uint16_t rnti);

    const AccessNetwork::Domain* m_domain{nullptr};
    uint32_t m_lteMag{0};
    Ptr<LteHelper> m_lte;
    Ptr<PointToPointEpcHelper> m_epc;
    Ptr<EpcPgwApplication> m_pgwApp;
    NodeContainer m_enbNodes;
    NetDeviceContainer m_enbs;
    NetDeviceContainer m_ues;
    std::vector<uint32_t> m_cellOfUe;
    std::vector<bool> m_attached;
};

/**
 * \ingroup pmipv6
 * LTE access for one MAG (the EPC's PGW node, MAG 0): Cells eNBs; each MN
 * has one UE device behind an MnInterfaceShim that gives IPv6 the MN's
 * 48-bit identity. A handover is an X2 handover to the next cell inside
 * the one MAG (LENA has no handover between EPCs): the baseline that
 * PMIPv6 never sees. DHO,L2 is measured from the handover command to the
 * UE's HandoverEndOk. Inter-technology handovers: WifiLteAccessNetwork.
 */
class LteAccessNetwork : public AccessNetwork
{
  public:
    static TypeId GetTypeId();
    LteAccessNetwork();
    ~LteAccessNetwork() override;

    std::string CheckRequirements(const Requirements& r) const override;
    Ptr<Node> CreateMagNode(uint32_t mag, uint32_t mags) override;
    int64_t AssignStreams(int64_t stream) override;
    uint8_t GetAccessTechnologyType(uint32_t mag) const override;
    Time GetAttachMargin() const override;
    Time GetHandoverMargin() const override;
    Time GetPlannedDhoL2() const override;

  protected:
    void DoDispose() override;
    void DoInstall() override;
    void DoHandover(uint32_t mn, uint32_t targetMag) override;
    /// The MAG on the PGW.
    virtual uint32_t GetLteMag() const;
    /// The UE of \p mn is ready (attached or handed over).
    virtual void UeReady(uint32_t mn);

    LteRadioAccess m_radio;
    uint32_t m_cells;
};

} // namespace ns3

#endif
