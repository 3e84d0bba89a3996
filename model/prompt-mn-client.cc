// SPDX-License-Identifier: GPL-2.0-only
#include "prompt-mn-client.h"

#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PromptMnClient");

NS_OBJECT_ENSURE_REGISTERED(PromptMnClient);

namespace
{
/// IEEE 802.1X PAE group address: EAPOL-Start before the authenticator is known.
const Mac48Address kPaeGroup("01:80:c2:00:00:03");
} // namespace

TypeId
PromptMnClient::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PromptMnClient")
            .SetParent<Application>()
            .SetGroupName("Pmipv6")
            .AddConstructor<PromptMnClient>()
            .AddAttribute("Imsi",
                          "The subscriber's permanent identity (IMSI digits)",
                          StringValue("001010000000001"),
                          MakeStringAccessor(&PromptMnClient::m_imsi),
                          MakeStringChecker())
            .AddAttribute("Realm",
                          "The home realm of the NAI",
                          StringValue("home.example"),
                          MakeStringAccessor(&PromptMnClient::m_realm),
                          MakeStringChecker())
            .AddAttribute("Key",
                          "The subscriber key K shared with the HSS",
                          UintegerValue(1),
                          MakeUintegerAccessor(&PromptMnClient::m_key),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("ProcessingDelay",
                          "Time spent on each received message, one at a time",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&PromptMnClient::m_processingDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("DetectionDelay",
                          "From a sudden link loss to the MN's handover decision (unscheduled)",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&PromptMnClient::m_detectionDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("State",
                            "The client's state changed",
                            MakeTraceSourceAccessor(&PromptMnClient::m_stateTrace),
                            "ns3::PromptMnClient::StateTracedCallback")
            .AddTraceSource("HandoverRequest",
                            "The MN's first message to the target AR left (target, previous AR)",
                            MakeTraceSourceAccessor(&PromptMnClient::m_handoverTrace),
                            "ns3::PromptMnClient::HandoverTracedCallback")
            .AddTraceSource("Decision",
                            "The MN decided an unscheduled handover (target AR)",
                            MakeTraceSourceAccessor(&PromptMnClient::m_decisionTrace),
                            "ns3::PromptMnClient::DecisionTracedCallback");
    return tid;
}

PromptMnClient::PromptMnClient() = default;

std::string
PromptMnClient::StateName(State s)
{
    switch (s)
    {
    case DETACHED:
        return "DETACHED";
    case AUTHENTICATING:
        return "AUTHENTICATING";
    case ATTACHED:
        return "ATTACHED";
    case HANDOVER:
        return "HANDOVER";
    case LINK_LOST:
        return "LINK_LOST";
    }
    return "?";
}

void
PromptMnClient::SetAccessDevice(Ptr<NetDevice> device)
{
    m_device = device;
}

void
PromptMnClient::SetLinkSwitchCallback(LinkSwitch cb)
{
    m_switchLink = cb;
}

PromptMnClient::State
PromptMnClient::GetState() const
{
    return m_state;
}

Ipv6Address
PromptMnClient::GetAddress() const
{
    return m_address;
}

Ipv6Address
PromptMnClient::GetServingAr() const
{
    return m_servingAr;
}

uint32_t
PromptMnClient::GetTmsi() const
{
    return m_tmsi;
}

std::string
PromptMnClient::PermanentNai() const
{
    return "0" + m_imsi + "@" + m_realm; // RFC 4187 4.1.1.6: '0' + IMSI for EAP-AKA
}

void
PromptMnClient::DoDispose()
{
    m_device = nullptr;
    m_switchLink = nullptr;
    Application::DoDispose();
}

void
PromptMnClient::SwitchState(State to)
{
    NS_LOG_INFO("MN " << m_imsi << ": " << StateName(m_state) << " -> " << StateName(to));
    State from = m_state;
    m_state = to;
    m_stateTrace(from, to);
}

void
PromptMnClient::StartApplication()
{
    NS_ABORT_MSG_IF(!m_device, "PromptMnClient: no access device");
    for (uint16_t proto : {EapolHeader::ETHERTYPE, PromptHeader::ETHERTYPE})
    {
        GetNode()->RegisterProtocolHandler(MakeCallback(&PromptMnClient::ReceiveFrame, this),
                                           proto,
                                           m_device);
    }
    m_peer = EapAkaPeer(PermanentNai(), m_key);
    // Sec. 3.3.1: the MN connects to a RAN and starts EAP.
    SwitchState(AUTHENTICATING);
    Ptr<Packet> p = Create<Packet>();
    EapolHeader start;
    start.packetType = EapolHeader::START;
    p->AddHeader(start);
    m_device->Send(p, kPaeGroup, EapolHeader::ETHERTYPE);
}

void
PromptMnClient::ReceiveFrame(Ptr<NetDevice> device,
                             Ptr<const Packet> packet,
                             uint16_t protocol,
                             const Address& from,
                             const Address& to,
                             NetDevice::PacketType type)
{
    Ptr<Packet> p = packet->Copy();
    Simulator::Schedule(m_queue.Admit(m_processingDelay), [this, p, protocol]() {
        if (protocol == EapolHeader::ETHERTYPE)
        {
            EapolHeader eapol;
            EapPacket eap;
            if (p->RemoveHeader(eapol) == 0 || p->RemoveHeader(eap) == 0)
            {
                NS_LOG_WARN("MN: malformed EAPOL frame dropped");
                return;
            }
            DoRecvEap(eap);
            return;
        }
        PromptHeader m;
        if (p->RemoveHeader(m) == 0)
        {
            NS_LOG_WARN("MN: malformed ProMPt frame dropped");
            return;
        }
        DoRecvMessage(m);
    });
}

void
PromptMnClient::DoRecvEap(const EapPacket& eap)
{
    if (eap.code == EapPacket::SUCCESS)
    {
        if (m_state == HANDOVER)
        {
            m_servingAr = m_targetAr;
            SwitchState(ATTACHED);
        }
        return; // first attachment: the address assignment follows
    }
    if (eap.code == EapPacket::FAILURE)
    {
        NS_LOG_WARN("MN: EAP failure");
        return;
    }
    EapPacket response;
    if (m_peer.Respond(eap, response))
    {
        SendEap(response);
    }
}

void
PromptMnClient::DoRecvMessage(const PromptHeader& m)
{
    switch (m.type)
    {
    case PromptHeader::ADDRESS_ASSIGNMENT: {
        if (m_state != AUTHENTICATING || !m.hasMnAddress)
        {
            return;
        }
        m_address = m.mnAddress;
        m_tmsi = m.tmsi;
        m_servingAr = m.arAddress;
        Ptr<Ipv6L3Protocol> ipv6 = GetNode()->GetObject<Ipv6L3Protocol>();
        uint32_t ifIndex = ipv6->GetInterfaceForDevice(m_device);
        ipv6->AddAddress(ifIndex, Ipv6InterfaceAddress(m_address, Ipv6Prefix(128)));
        SwitchState(ATTACHED);
        break;
    }
    case PromptHeader::HANDOVER_COMMAND:
        if (m_state == ATTACHED && m.hasArAddress)
        {
            MoveTo(m.arAddress); // scheduled (Fig. 2)
        }
        break;
    default:
        NS_LOG_WARN("MN: unexpected " << PromptHeader::TypeName(m.type));
        break;
    }
}

void
PromptMnClient::ReportMeasurements(const std::vector<PromptHeader::Measurement>& measurements)
{
    if (m_state != ATTACHED)
    {
        return;
    }
    PromptHeader m;
    m.type = PromptHeader::MEASUREMENT_REPORT;
    m.sequence = ++m_sequence;
    m.tmsi = m_tmsi;
    m.measurements = measurements;
    SendFrame(m);
}

void
PromptMnClient::NotifyLinkLost(Ipv6Address target)
{
    if (m_state != ATTACHED)
    {
        return;
    }
    SwitchState(LINK_LOST);
    Simulator::Schedule(m_detectionDelay, [this, target]() {
        m_decisionTrace(target);
        MoveTo(target); // unscheduled (Fig. 3)
    });
}

void
PromptMnClient::MoveTo(Ipv6Address target)
{
    m_targetAr = target;
    SwitchState(HANDOVER);
    if (m_switchLink)
    {
        m_switchLink(target, [this, target]() { SendHandoverRequest(target); });
        return;
    }
    SendHandoverRequest(target);
}

void
PromptMnClient::SendHandoverRequest(Ipv6Address target)
{
    PromptHeader request;
    request.type = PromptHeader::HANDOVER_REQUEST;
    request.sequence = ++m_sequence;
    request.tmsi = m_tmsi;
    request.hasMnAddress = true;
    request.mnAddress = m_address;
    request.hasArAddress = true;
    request.arAddress = m_servingAr;
    m_handoverTrace(target, m_servingAr);
    SendFrame(request);
}

void
PromptMnClient::SendEap(const EapPacket& eap)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(eap);
    EapolHeader eapol;
    eapol.packetType = EapolHeader::EAP_PACKET;
    eapol.bodyLength = eap.GetSerializedSize();
    p->AddHeader(eapol);
    m_device->Send(p, kPaeGroup, EapolHeader::ETHERTYPE);
}

void
PromptMnClient::SendFrame(const PromptHeader& m)
{
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(m);
    m_device->Send(p, kPaeGroup, PromptHeader::ETHERTYPE);
}

} // namespace ns3
