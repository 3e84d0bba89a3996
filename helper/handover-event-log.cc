// SPDX-License-Identifier: GPL-2.0-only
#include "handover-event-log.h"

#include "experimental-mobility-header.h"
#include "fast-handover-mag-extension.h"
#include "ideal-access-channel.h"
#include "mobility-header.h"
#include "mobility-l4-protocol.h"

#include "ns3/icmpv6-header.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/names.h"
#include "ns3/node-list.h"
#include "ns3/simulator.h"
#include "ns3/sta-wifi-mac.h"
#include "ns3/wifi-net-device.h"

#include <functional>
#include <iomanip>
#include <memory>
#include <ostream>
#include <sstream>

namespace ns3
{

namespace
{

/// The MobilityHeader subclass registered for each MH Type (by TypeId: a
/// new message class with AddConstructor is found without changes here).
const std::map<uint8_t, TypeId>&
MessageClasses()
{
    static std::map<uint8_t, TypeId> classes = []() {
        std::map<uint8_t, TypeId> found;
        TypeId base = MobilityHeader::GetTypeId();
        for (uint16_t i = 0; i < TypeId::GetRegisteredN(); ++i)
        {
            TypeId tid = TypeId::GetRegistered(i);
            if (tid == base || !tid.IsChildOf(base) || !tid.HasConstructor())
            {
                continue;
            }
            std::unique_ptr<ObjectBase> instance(tid.GetConstructor()());
            if (auto* h = dynamic_cast<MobilityHeader*>(instance.get()))
            {
                found.emplace(static_cast<uint8_t>(h->GetMhType()), tid);
            }
        }
        return found;
    }();
    return classes;
}

/// Short names of the RFC messages; other types keep MhTypeName().
std::string
MessageName(const MobilityHeader& h)
{
    switch (h.GetMhType())
    {
    case MhType::BindingUpdate:
        return dynamic_cast<const BindingUpdateHeader&>(h).GetFlagP() ? "PBU" : "BU";
    case MhType::BindingAck:
        return dynamic_cast<const BindingAckHeader&>(h).GetFlagP() ? "PBA" : "BA";
    case MhType::FastBindingUpdate:
        return "FBU";
    case MhType::FastBindingAck:
        return "FBack";
    case MhType::HandoverInitiate:
        return "HI";
    case MhType::HandoverAck:
        return "HAck";
    case MhType::BindingError:
        return "BE";
    case MhType::Experimental:
        return ExperimentalMobilityHeader::GetSubtypeName(
            dynamic_cast<const ExperimentalMobilityHeader&>(h).GetSubtype());
    case MhType::BindingRevocation:
        return dynamic_cast<const BindingRevocationHeader&>(h).GetRevocationType() ==
                       BindingRevocationType::INDICATION
                   ? "BRI"
                   : "BRA";
    }
    return MhTypeName(static_cast<uint8_t>(h.GetMhType()));
}

/// What a trace sink does with one event: fills in what the trace gave.
using Sink = std::function<void(HandoverEventLog::Event)>;

/**
 * Connect trace source \p source of \p object, whose signature is named
 * \p signature, to \p sink. \return false for a signature not in the table.
 * The table: one line per signature, the event named after the source.
 */
bool
ConnectBySignature(Ptr<Object> object,
                   const std::string& source,
                   const std::string& signature,
                   Sink sink,
                   std::function<std::string(const std::string&)> mnOfId)
{
    std::string event = source;
    for (char& c : event)
    {
        c = std::tolower(c);
    }
    auto make = [event](std::string mn, std::string details) {
        HandoverEventLog::Event e;
        e.event = event;
        e.mn = mn;
        e.details = details;
        return e;
    };
    // (mnId, from, to): a per-MN state machine changed state; which one
    // says the details.
    static const std::map<std::string, std::string> stateMachines{
        {"ns3::Pmipv6Mag::StateTracedCallback", "binding update list entry"},
        {"ns3::FastHandoverMagExtension::StateTracedCallback", "handover context"}};
    auto machine = stateMachines.find(signature);
    if (machine != stateMachines.end())
    {
        std::string what = machine->second;
        return object->TraceConnectWithoutContext(
            source,
            Callback<void, std::string, std::string, std::string>(
                [=](std::string mn, std::string from, std::string to) {
                    sink(make(mnOfId(mn), what + " " + from + " -> " + to));
                }));
    }
    // (mnId, MAC): an event of one MN's entry (attach, detach, RA sent).
    if (signature == "ns3::Pmipv6Mag::EntryTracedCallback")
    {
        return object->TraceConnectWithoutContext(
            source,
            Callback<void, std::string, Address>(
                [=](std::string mn, Address) { sink(make(mnOfId(mn), "")); }));
    }
    // (packet, mnId): a data packet buffered, forwarded or dropped for a MN.
    if (signature == "ns3::FastHandoverMagExtension::PacketTracedCallback")
    {
        return object->TraceConnectWithoutContext(
            source,
            Callback<void, Ptr<const Packet>, std::string>(
                [=](Ptr<const Packet> p, std::string mn) {
                    HandoverEventLog::Event e = make(mnOfId(mn), "");
                    e.uid = p->GetUid();
                    e.details = std::to_string(p->GetSize()) + " bytes";
                    sink(e);
                }));
    }
    // (mnId, peer, code): a peer refused a handover.
    if (signature == "ns3::FastHandoverMagExtension::RefusedTracedCallback")
    {
        return object->TraceConnectWithoutContext(
            source,
            Callback<void, std::string, Ipv6Address, uint8_t>(
                [=](std::string mn, Ipv6Address peer, uint8_t code) {
                    std::ostringstream d;
                    d << "code " << unsigned(code);
                    sink(make(mnOfId(mn), d.str()));
                }));
    }
    // (mnId, status): the LMA refused a registration for good.
    if (signature == "ns3::Pmipv6Mag::RefusedTracedCallback")
    {
        return object->TraceConnectWithoutContext(
            source,
            Callback<void, std::string, uint8_t>([=](std::string mn, uint8_t status) {
                sink(make(mnOfId(mn), "status " + std::to_string(status)));
            }));
    }
    // (mnId, hnp, old Proxy-CoA, new Proxy-CoA, what): the LMA's binding.
    if (signature == "ns3::Pmipv6Lma::BindingTracedCallback")
    {
        return object->TraceConnectWithoutContext(
            source,
            Callback<void, std::string, Ipv6Address, Ipv6Address, Ipv6Address, std::string>(
                [=](std::string mn,
                    Ipv6Address hnp,
                    Ipv6Address oldCoa,
                    Ipv6Address newCoa,
                    std::string what) {
                    std::ostringstream d;
                    d << what << " hnp=" << hnp << "/64";
                    sink(make(mnOfId(mn), d.str()));
                }));
    }
    return false;
}

/// CSV field: quoted when needed; '#' (a comment for pandas) spelled out.
std::string
CsvField(const std::string& text)
{
    std::string out;
    for (char c : text)
    {
        out += c == '#' ? std::string("No.") : std::string(1, c);
    }
    if (out.find_first_of(",\"\n") == std::string::npos)
    {
        return out;
    }
    std::string quoted = "\"";
    for (char c : out)
    {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c == '\n' ? ' ' : c);
    }
    return quoted + "\"";
}

} // namespace

HandoverEventLog::HandoverEventLog() = default;

void
HandoverEventLog::SetTextOutput(std::ostream* os)
{
    m_text = os;
}

void
HandoverEventLog::SetTextMessageContents(bool contents)
{
    m_textContents = contents;
}

void
HandoverEventLog::SetCsvOutput(std::ostream* os)
{
    m_csv = os;
}

void
HandoverEventLog::Install(Pmipv6DomainHelper& domain)
{
    m_domain = &domain;
    const Pmipv6DomainHelper::Parameters& p = domain.GetParameters();
    m_nodeNames[domain.GetCn()->GetId()] = "CN";
    m_nodeNames[domain.GetLma()->GetId()] = "LMA";
    for (uint32_t i = 0; i < p.mags; ++i)
    {
        m_nodeNames[domain.GetMag(i)->GetId()] = "MAG" + std::to_string(i);
    }
    for (uint32_t n = 0; n < p.mns; ++n)
    {
        std::string name = "MN" + std::to_string(n);
        m_nodeNames[domain.GetMn(n)->GetId()] = name;
        m_mnById[domain.GetMnIdentifier(n)] = name;
        m_mnIndex[name] = n;
    }
    // The agents create their protocols when the nodes initialise, at 0.
    Simulator::Schedule(Seconds(0), &HandoverEventLog::Connect, this);
}

void
HandoverEventLog::Connect()
{
    for (uint32_t i = 0; i < NodeList::GetNNodes(); ++i)
    {
        Ptr<Node> node = NodeList::GetNode(i);
        std::string name = NodeName(node->GetId());
        if (Ptr<MobilityL4Protocol> mh = node->GetObject<MobilityL4Protocol>())
        {
            mh->TraceConnectWithoutContext(
                "Tx",
                Callback<void, Ptr<const Packet>, Ipv6Address, Ipv6Address>(
                    [this, name](Ptr<const Packet> p, Ipv6Address, Ipv6Address dst) {
                        OnMessage(name, "send", p, dst);
                    }));
            mh->TraceConnectWithoutContext(
                "Rx",
                Callback<void, Ptr<const Packet>, Ipv6Address, Ipv6Address>(
                    [this, name](Ptr<const Packet> p, Ipv6Address src, Ipv6Address) {
                        OnMessage(name, "receive", p, src);
                    }));
            mh->TraceConnectWithoutContext(
                "Drop",
                Callback<void, Ptr<const Packet>, Ipv6Address, MobilityL4Protocol::DropReason>(
                    [this, name](Ptr<const Packet> p,
                                 Ipv6Address src,
                                 MobilityL4Protocol::DropReason reason) {
                        OnMessageDrop(name, p, src, reason);
                    }));
        }
        // Objects aggregated to the node (protocols, an agent's helpers) and
        // its applications (the agents), with each MAG's extension.
        Object::AggregateIterator aggregates = node->GetAggregateIterator();
        while (aggregates.HasNext())
        {
            Ptr<Object> object = ConstCast<Object>(aggregates.Next());
            if (object != node && !DynamicCast<MobilityL4Protocol>(object))
            {
                ConnectObject(object, name);
            }
        }
        for (uint32_t a = 0; a < node->GetNApplications(); ++a)
        {
            ConnectObject(node->GetApplication(a), name);
            if (Ptr<Pmipv6Mag> mag = DynamicCast<Pmipv6Mag>(node->GetApplication(a)))
            {
                if (mag->GetExtension())
                {
                    ConnectObject(mag->GetExtension(), name);
                }
            }
        }
    }
    // The MNs' link layer, and the Router Advertisements they receive.
    Ptr<IdealAccessChannel> ideal;
    for (uint32_t n = 0; n < m_domain->GetParameters().mns; ++n)
    {
        Ptr<Node> mn = m_domain->GetMn(n);
        std::string name = NodeName(mn->GetId());
        if (Ptr<Ipv6L3Protocol> ipv6 = mn->GetObject<Ipv6L3Protocol>())
        {
            ipv6->TraceConnectWithoutContext(
                "Rx",
                Callback<void, Ptr<const Packet>, Ptr<Ipv6>, uint32_t>(
                    [this, name](Ptr<const Packet> p, Ptr<Ipv6> ip, uint32_t interface) {
                        OnMnRx(name, p, ip, interface);
                    }));
        }
        for (uint32_t d = 0; d < mn->GetNDevices(); ++d)
        {
            Ptr<NetDevice> dev = mn->GetDevice(d);
            if (!ideal)
            {
                ideal = DynamicCast<IdealAccessChannel>(dev->GetChannel());
            }
            Ptr<WifiNetDevice> wifi = DynamicCast<WifiNetDevice>(dev);
            Ptr<StaWifiMac> sta = wifi ? DynamicCast<StaWifiMac>(wifi->GetMac()) : nullptr;
            if (!sta)
            {
                continue;
            }
            // All access points share one MAC: the serving MAG names the peer.
            for (auto [source, event] : {std::pair<const char*, const char*>{"Assoc", "link-up"},
                                         {"DeAssoc", "link-down"}})
            {
                std::string ev = event;
                sta->TraceConnectWithoutContext(
                    source,
                    Callback<void, Mac48Address>([this, name, n, ev](Mac48Address) {
                        Event e;
                        e.node = name;
                        e.event = ev;
                        e.mn = name;
                        // Lost: the MAG of the last association (the domain
                        // already serves the MN from the target).
                        if (ev == "link-up")
                        {
                            m_linkMag[name] = "MAG" + std::to_string(m_domain->GetServingMag(n));
                        }
                        e.peer = m_linkMag[name];
                        e.details = "Wi-Fi association";
                        Record(e);
                    }));
            }
        }
    }
    if (ideal)
    {
        for (auto [source, event] : {std::pair<const char*, const char*>{"Attach", "link-up"},
                                     {"Detach", "link-down"}})
        {
            std::string ev = event;
            ideal->TraceConnectWithoutContext(
                source,
                Callback<void, Ptr<SimpleNetDevice>, Ptr<SimpleNetDevice>>(
                    [this, ev](Ptr<SimpleNetDevice> mn, Ptr<SimpleNetDevice> ap) {
                        Event e;
                        e.node = NodeName(mn->GetNode()->GetId());
                        e.event = ev;
                        e.mn = e.node;
                        e.peer = ap ? NodeName(ap->GetNode()->GetId()) : "";
                        e.details = "ideal access";
                        Record(e);
                    }));
        }
    }
}

void
HandoverEventLog::ConnectObject(Ptr<Object> object, const std::string& node)
{
    auto sink = [this, node](Event e) {
        e.node = node;
        Record(e);
    };
    auto mnOfId = [this](const std::string& id) { return MnOfId(id); };
    for (TypeId tid = object->GetInstanceTypeId();; tid = tid.GetParent())
    {
        for (uint32_t i = 0; i < tid.GetTraceSourceN(); ++i)
        {
            TypeId::TraceSourceInformation info = tid.GetTraceSource(i);
            ConnectBySignature(object, info.name, info.callback, sink, mnOfId);
        }
        if (tid == tid.GetParent())
        {
            break;
        }
    }
}

void
HandoverEventLog::OnMessage(std::string node, std::string event, Ptr<const Packet> p, Ipv6Address peer)
{
    Event e;
    e.node = node;
    e.event = event;
    e.peer = NodeOf(peer);
    e.uid = p->GetUid();
    uint8_t type = 0;
    MobilityHeader::PeekMhType(p, type);
    e.message = MhTypeName(type);
    auto cls = MessageClasses().find(type);
    if (cls != MessageClasses().end())
    {
        std::unique_ptr<ObjectBase> instance(cls->second.GetConstructor()());
        auto* h = dynamic_cast<MobilityHeader*>(instance.get());
        if (p->Copy()->RemoveHeader(*h) > 0)
        {
            e.message = MessageName(*h);
            if (h->GetOptions().mnIdentifier)
            {
                e.mn = MnOfId(*h->GetOptions().mnIdentifier);
            }
            std::ostringstream d;
            h->Print(d);
            e.details = d.str();
        }
    }
    Record(e);
}

void
HandoverEventLog::OnMessageDrop(std::string node, Ptr<const Packet> p, Ipv6Address src, int reason)
{
    Event e;
    e.node = node;
    e.event = "drop";
    e.peer = NodeOf(src);
    e.uid = p->GetUid();
    uint8_t type = 0;
    e.message = MobilityHeader::PeekMhType(p, type) ? MhTypeName(type) : "";
    e.details = MobilityL4Protocol::DropReasonName(MobilityL4Protocol::DropReason(reason));
    Record(e);
}

void
HandoverEventLog::OnMnRx(std::string node, Ptr<const Packet> p, Ptr<Ipv6>, uint32_t)
{
    // Only Router Advertisements: the data packets are the probes' business.
    Ptr<Packet> copy = p->Copy();
    Ipv6Header ip;
    if (copy->RemoveHeader(ip) == 0 || ip.GetNextHeader() != Icmpv6L4Protocol::PROT_NUMBER)
    {
        return;
    }
    Icmpv6Header icmp;
    if (copy->PeekHeader(icmp) == 0 || icmp.GetType() != Icmpv6Header::ICMPV6_ND_ROUTER_ADVERTISEMENT)
    {
        return;
    }
    Event e;
    e.node = node;
    e.event = "receive";
    e.message = "RA";
    e.mn = node;
    // Every MAG sends from the same link-local address: the MN's serving
    // MAG is the sender.
    auto mn = m_mnIndex.find(node);
    e.peer = mn == m_mnIndex.end() ? NodeOf(ip.GetSource())
                                   : "MAG" + std::to_string(m_domain->GetServingMag(mn->second));
    e.uid = p->GetUid();
    Record(e);
}

void
HandoverEventLog::Record(Event e)
{
    e.time = Simulator::Now();
    if (e.event == "routeradvertisement") // the MAG's RA trace: a message sent
    {
        e.event = "send";
        e.message = "RA";
        e.peer = e.mn;
    }
    if (m_text)
    {
        Event shown = e;
        if (!m_textContents && !e.message.empty())
        {
            shown.details.clear();
        }
        *m_text << Format(shown) << "\n";
    }
    if (m_csv)
    {
        *m_csv << std::fixed << std::setprecision(6) << e.time.GetSeconds() * 1e3
               << std::defaultfloat << "," << CsvField(e.node) << "," << CsvField(e.event) << ","
               << CsvField(e.message) << "," << CsvField(e.mn) << "," << CsvField(e.peer) << ","
               << e.uid << "," << CsvField(e.details) << "\n";
    }
    m_events.push_back(std::move(e));
}

std::string
HandoverEventLog::Format(const Event& e)
{
    std::ostringstream line;
    line << std::fixed << std::setprecision(3) << std::setw(10) << e.time.GetSeconds() * 1e3
         << " ms  " << std::left << std::setw(5) << e.node << " " << std::setw(10) << e.event;
    std::string what = e.message;
    if (!e.peer.empty())
    {
        what += (what.empty() ? "" : " ") +
                std::string(e.event == "send"      ? "to "
                            : e.event == "receive" ? "from "
                            : e.event == "drop"    ? "from "
                                                   : "") +
                e.peer;
    }
    line << std::setw(16) << what << " " << std::setw(4) << e.mn << " " << e.details;
    std::string text = line.str();
    return text.substr(0, text.find_last_not_of(' ') + 1);
}

const std::vector<HandoverEventLog::Event>&
HandoverEventLog::GetEvents() const
{
    return m_events;
}

std::string
HandoverEventLog::CsvHeader()
{
    return "time_ms,node,event,message,mn,peer,uid,details";
}

std::string
HandoverEventLog::NodeName(uint32_t nodeId) const
{
    auto it = m_nodeNames.find(nodeId);
    if (it != m_nodeNames.end())
    {
        return it->second;
    }
    std::string name = Names::FindName(NodeList::GetNode(nodeId));
    return name.empty() ? "node" + std::to_string(nodeId) : name;
}

std::string
HandoverEventLog::NodeOf(Ipv6Address address)
{
    auto it = m_addressNodes.find(address);
    if (it != m_addressNodes.end())
    {
        return it->second;
    }
    // Addresses appear as the run goes (MN home addresses): look them up
    // on demand; link-local addresses are shared, so not unique.
    for (uint32_t i = 0; i < NodeList::GetNNodes(); ++i)
    {
        Ptr<Ipv6L3Protocol> ipv6 = NodeList::GetNode(i)->GetObject<Ipv6L3Protocol>();
        for (uint32_t k = 0; ipv6 && k < ipv6->GetNInterfaces(); ++k)
        {
            for (uint32_t a = 0; a < ipv6->GetNAddresses(k); ++a)
            {
                if (ipv6->GetAddress(k, a).GetAddress() == address && !address.IsLinkLocal())
                {
                    return m_addressNodes[address] = NodeName(i);
                }
            }
        }
    }
    std::ostringstream text;
    text << address;
    return text.str();
}

std::string
HandoverEventLog::MnOfId(const std::string& mnId) const
{
    auto it = m_mnById.find(mnId);
    return it == m_mnById.end() ? mnId : it->second;
}

} // namespace ns3
