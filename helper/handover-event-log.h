// SPDX-License-Identifier: GPL-2.0-only
/*
 * One event log of a simulated domain: every Mobility Header message sent,
 * received or refused on any node, the agents' state changes, bindings and
 * buffering, and the link-layer attach and loss of each mobile node, each
 * once, with node names (MN0, MAG1, LMA) rather than addresses. As text for
 * people (handover-scenario --verbose) and as CSV for analysis and message
 * sequence charts (--trace, plotting/plot_msc.py).
 */
#ifndef PMIPV6_HANDOVER_EVENT_LOG_H
#define PMIPV6_HANDOVER_EVENT_LOG_H

#include "pmipv6-domain-helper.h"

#include "ns3/ipv6-address.h"
#include "ns3/mac48-address.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

class Ipv6;

/**
 * \ingroup pmipv6
 * Connects to the trace sources of a built domain and records one Event
 * per protocol event.
 *
 * What it hooks, and how a new scheme appears without changes here:
 * - the "Tx", "Rx" and "Drop" traces of every node's MobilityL4Protocol:
 *   every Mobility Header message of every agent (MAG, LMA, or an agent a
 *   new scheme adds), named by its MH Type. Its details come from the
 *   registered MobilityHeader subclass for that type (found by TypeId, so a
 *   new message class with AddConstructor is parsed too);
 * - on every application of every node, every object aggregated to a node
 *   and every MAG's extension, each
 *   trace source whose signature (TraceSourceInformation::callback) is one
 *   of the signatures in the table of handover-event-log.cc (state changes
 *   of three strings, per-MN entry events, per-packet buffering, bindings):
 *   a new agent or extension that declares a trace source with one of those
 *   typedefs is logged under the trace source's name;
 * - the MN's link layer: the ideal access channel's Attach/Detach, or the
 *   Wi-Fi station's Assoc/DeAssoc; and the Router Advertisements the MN
 *   receives (ICMPv6 type 134), the end of a PMIPv6 handover.
 */
class HandoverEventLog
{
  public:
    /// One protocol event.
    struct Event
    {
        Time time;
        std::string node;    //!< who: MN0, MAG1, LMA, CN, or the node's ns-3 Name
        std::string event;   //!< send, receive, drop, link-up, link-down, state, ...
        std::string message; //!< PBU, PBA, HI, HAck, RA, ... (messages only)
        std::string mn;      //!< the mobile node it concerns (MN0 ...), if known
        std::string peer;    //!< the other end of a message or link, if known
        uint64_t uid{0};     //!< the packet's uid: a send and its receive share it
        std::string details;
    };

    HandoverEventLog();

    /// Print each event on \p os as it happens, one line each (nullptr: none).
    void SetTextOutput(std::ostream* os);
    /// In the text output, print each message's fields and options (default true).
    void SetTextMessageContents(bool contents);
    /// Write each event on \p os as a CSV row (nullptr: none); no header (CsvHeader()).
    void SetCsvOutput(std::ostream* os);

    /**
     * Connect to \p domain's nodes. Call after Pmipv6DomainHelper::Build and
     * before Simulator::Run; the connections are made at time 0, when the
     * agents have created their protocols. The domain must outlive the run.
     */
    void Install(Pmipv6DomainHelper& domain);

    /// Every event so far, in time order.
    const std::vector<Event>& GetEvents() const;

    /// time_ms,node,event,message,mn,peer,uid,details
    static std::string CsvHeader();
    /// \p e as one line of text: time, node, what, MN, details.
    static std::string Format(const Event& e);

  private:
    void Connect();
    void ConnectObject(Ptr<Object> object, const std::string& node);
    void Record(Event e);
    std::string NodeName(uint32_t nodeId) const;
    std::string NodeOf(Ipv6Address address);
    std::string MnOfId(const std::string& mnId) const;

    void OnMessage(std::string node, std::string event, Ptr<const Packet> p, Ipv6Address peer);
    void OnMessageDrop(std::string node, Ptr<const Packet> p, Ipv6Address src, int reason);
    void OnMnRx(std::string node, Ptr<const Packet> p, Ptr<Ipv6> ipv6, uint32_t interface);

    Pmipv6DomainHelper* m_domain{nullptr};
    std::ostream* m_text{nullptr};
    bool m_textContents{true};
    std::ostream* m_csv{nullptr};
    std::vector<Event> m_events;
    std::map<uint32_t, std::string> m_nodeNames;
    std::map<Ipv6Address, std::string> m_addressNodes;
    std::map<std::string, std::string> m_mnById;
    std::map<std::string, uint32_t> m_mnIndex;     //!< MN0 -> 0
    std::map<std::string, std::string> m_linkMag; //!< Wi-Fi: MN -> MAG of its association
};

} // namespace ns3

#endif
