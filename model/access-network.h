// SPDX-License-Identifier: GPL-2.0-only
/*
 * The access network of a PMIPv6 domain as a model object: it builds the
 * link layer between the MAGs and the mobile nodes, tells each MAG of
 * attaches and detaches, carries out handovers and link losses, and
 * records the measured DHO,L2. Subclasses (ideal, Wi-Fi, LTE, ...) are
 * chosen by TypeId through an ObjectFactory, as LteHelper chooses its
 * handover algorithm.
 */
#ifndef ACCESS_NETWORK_H
#define ACCESS_NETWORK_H

#include "pmipv6-mag.h"

#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * Base class of the access networks. The domain helper builds the core
 * (LMA, MAGs, their links and agents) and the mobile nodes with an IPv6
 * stack, hands them over in a Domain, and calls Install(); from then on the
 * access network runs the link layer by itself. A subclass implements
 * DoInstall() and DoHandover(), and calls NotifyAttached() and
 * NotifyDetached() when its link layer says so.
 *
 * A new access type is one subclass and one AccessNetworkRegistration
 * (its short name for --access), nothing else.
 */
class AccessNetwork : public Object
{
  public:
    static TypeId GetTypeId();
    AccessNetwork();

    /// What the domain helper built and the access network serves.
    struct Domain
    {
        NodeContainer mags;
        /// One per MAG; empty without mobility (the plain-routing baseline).
        std::vector<Ptr<Pmipv6Mag>> magApps;
        std::vector<Ipv6Address> proxyCoa; //!< per MAG
        NodeContainer mns;
        std::vector<std::string> mnIdentifiers;   //!< per MN, its MN-ID (RFC 4283 NAI)
        std::vector<Mac48Address> mnLinkLayerIds; //!< per MN, for 802 access devices
        Ipv6Address lma;                          //!< the LMA of every MN (policy profile)
    };

    /// One handover of one mobile node, as the access network saw it.
    struct L2Handover
    {
        uint32_t mn;
        uint32_t fromMag;
        uint32_t toMag;
        Time linkLost; //!< t0: old link gone
        Time attached; //!< new MAG told of the attach (t0 + DHO,L2); 0 if never
    };

    /// What the domain asks of the access network, checked before building.
    struct Requirements
    {
        uint32_t mags;
        uint32_t mns;
        uint32_t interfaces; //!< per MN
        bool mobility;       //!< false: plain routing, MNs fixed on MAGs
    };

    /// \return an empty string, or what this access network cannot do
    virtual std::string CheckRequirements(const Requirements& r) const;

    /**
     * The node for MAG \p mag of \p mags, if this access network brings
     * its own (e.g. the EPC's PGW), with IPv6 and an Ipv6ListRouting;
     * nullptr: the domain helper makes a plain node.
     */
    virtual Ptr<Node> CreateMagNode(uint32_t mag, uint32_t mags);
    /// Build the link layer for \p domain (after the core and the agents).
    void Install(const Domain& domain);

    /**
     * At \p linkLost the MN loses its link; it reaches an access point of
     * \p targetMag by its link layer's means. A target equal to the serving
     * MAG models the MN coming back to the old MAG. Each MN's handovers in
     * time order.
     */
    void ScheduleHandover(uint32_t mn, Time linkLost, uint32_t targetMag);
    /**
     * Lose the MN's old link now if its handover is still to come (an old
     * MAG's HOComplete forcing the disconnection, the FPMIPv6 paper, sec. 3.2).
     * Only a handover planned no later than \p notAfter is brought forward.
     * \return true if a pending handover was brought forward
     */
    bool ForceLinkLoss(uint32_t mn, Time notAfter);
    /**
     * A MN with a second, idle interface brings it up on \p targetMag while
     * the other keeps its link (make before break, the FPMIPv6 paper, sec. 3.3).
     * \return false if this MN has no idle interface
     */
    virtual bool PrepareSecondInterface(uint32_t mn, uint32_t targetMag);

    /// Fix the random streams of the access network's models. \return streams used
    virtual int64_t AssignStreams(int64_t stream);
    /// Write pcap files of the access links as PREFIX-...
    virtual void EnablePcap(const std::string& prefix);

    /// RFC 5213 sec. 8.5 Access Technology Type MAG \p mag sends in its PBUs.
    virtual uint8_t GetAccessTechnologyType(uint32_t mag) const = 0;
    /// Longest a first attach takes until the MAG knows (scenario timing).
    virtual Time GetAttachMargin() const;
    /// Longest a handover's link layer takes beyond DHO,L2 (scenario timing).
    virtual Time GetHandoverMargin() const;
    /// The DHO,L2 the scenario plans with (a parameter, or a typical value).
    virtual Time GetPlannedDhoL2() const = 0;
    /// Is DHO,L2 what the link layer took (true), or a parameter met exactly (false)?
    virtual bool IsDhoL2Measured() const;
    /**
     * DHO,L2 as reported for \p h in ms: what the link layer took (-1 if
     * it never attached), or the planned value where it is a parameter.
     */
    double GetReportedDhoL2Ms(const L2Handover& h) const;
    /// The MN's address with home network prefix \p prefix.
    virtual Ipv6Address GetMnAddress(uint32_t mn, Ipv6Address prefix) const;
    /// The node's IPv6 interface of the MN's (first) access link.
    virtual uint32_t GetMnInterface(uint32_t mn) const;

    /// The MAG the MN is attached to or heading for.
    uint32_t GetServingMag(uint32_t mn) const;
    /// The MAG the MN is attached to now; -1 while detached.
    int GetCurrentMag(uint32_t mn) const;
    const std::vector<L2Handover>& GetL2Handovers() const;
    /// Per MAG, the interface indexes of its access links.
    const std::vector<uint32_t>& GetAccessInterfaces(uint32_t mag) const;

    /// The TypeId registered under \p name (--access); an unknown name aborts.
    static TypeId LookupByName(const std::string& name);
    static bool IsRegistered(const std::string& name);
    /// Every registered short name, sorted.
    static std::vector<std::string> GetNames();
    /// The short name of the access network TypeId \p tid; empty if none.
    static std::string GetName(TypeId tid);
    /// Register \p tid under \p name (AccessNetworkRegistration does this).
    static void Register(const std::string& name, TypeId (*getTypeId)());
    /**
     * One CSV line per registered access network, after a header line:
     * name,type_id,access_technology_type,dho_l2 (measured or parameter);
     * what the sweep and the plotter learn the access types from.
     */
    static void Describe(std::ostream& os);

    typedef void (*L2HandoverTracedCallback)(uint32_t mn,
                                             uint32_t fromMag,
                                             uint32_t toMag,
                                             Time linkLost,
                                             Time attached);

  protected:
    void DoDispose() override;
    /// Build the access links and the MNs' devices; schedule the first attaches.
    virtual void DoInstall() = 0;
    /// The MN's old link is lost now; get it to \p targetMag.
    virtual void DoHandover(uint32_t mn, uint32_t targetMag) = 0;

    /**
     * The link layer says \p mn is on \p mag's access interface \p ifIndex:
     * tell the MAG (RFC 5213 sec. 6.9.1.1), ending DHO,L2. \p handoff is
     * what the access network knows of the attach (RFC 5213 sec. 8.4); 0:
     * 1 for the MN's first attach, 3 for a move between MAGs. \p active
     * false: an idle second interface came up early (make before break);
     * the MN is not there yet for its handover record.
     */
    void NotifyAttached(uint32_t mn,
                        uint32_t mag,
                        uint32_t ifIndex,
                        uint8_t handoff = 0,
                        bool active = true);
    /// The MN is on \p mag now: the end of its pending handover, if any.
    void RecordAttach(uint32_t mn, uint32_t mag);
    /// The link layer says \p mn left \p mag: tell the MAG.
    void NotifyDetached(uint32_t mn, uint32_t mag);
    /// Add \p dev to \p mag as an access interface (up, forwarding, known to the MAG).
    uint32_t AddAccessInterface(uint32_t mag, Ptr<NetDevice> dev);
    /// Declare \p mag's existing interface \p ifIndex an access interface.
    void UseAccessInterface(uint32_t mag, uint32_t ifIndex);
    /// The MAG before this attach: the serving one, or the one the last link loss left.
    int PreviousMag(uint32_t mn, uint32_t mag) const;
    /// The latest handover record of \p mn (nullptr before its first).
    L2Handover* LastHandoverOf(uint32_t mn);
    bool HasMobility() const;
    /// RFC 5213 sec. 6.9.3: the link-layer (and so link-local) address all MAGs share.
    static Mac48Address GetSharedMagAddress();

    Time m_firstAttach; //!< every MN attaches to MAG 0 then

    Domain m_domain;
    std::vector<uint32_t> m_servingMag;
    std::vector<int> m_currentMag;                      //!< -1 while detached
    std::vector<int> m_previousMag;                     //!< the MAG before the last link loss
    std::vector<std::vector<uint32_t>> m_accessIfIndex; //!< per MAG

  private:
    void ExecuteHandover(uint32_t mn, uint32_t targetMag);

    struct PendingHandover
    {
        Time at;
        uint32_t target;
        EventId event;
    };

    std::vector<std::deque<PendingHandover>> m_pending; //!< per MN, in time order
    std::vector<L2Handover> m_l2Handovers;
    std::vector<int64_t> m_lastHandover; //!< per MN, its latest in m_l2Handovers; -1: none
    TracedCallback<uint32_t, uint32_t, uint32_t, Time, Time> m_l2HandoverTrace;
};

/**
 * \ingroup pmipv6
 * Makes an access network known under a short name, e.g. in its .cc file:
 * `static AccessNetworkRegistration g_reg("wifi", &WifiAccessNetwork::GetTypeId);`
 */
struct AccessNetworkRegistration
{
    AccessNetworkRegistration(const std::string& name, TypeId (*getTypeId)());
};

} // namespace ns3

#endif
