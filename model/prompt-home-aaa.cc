// SPDX-License-Identifier: GPL-2.0-only
#include "prompt-home-aaa.h"

#include "ns3/boolean.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PromptHomeAaa");

NS_OBJECT_ENSURE_REGISTERED(PromptHomeAaa);

TypeId
PromptHomeAaa::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PromptHomeAaa")
            .SetParent<Application>()
            .SetGroupName("Pmipv6")
            .AddConstructor<PromptHomeAaa>()
            .AddAttribute("ProcessingDelay",
                          "Time spent on each received RADIUS message, one at a time",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&PromptHomeAaa::m_processingDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("HssDelay",
                          "Time the AAA takes to get an AV from the HSS (the ProMPt paper's "
                          "testbed ran both on one computer: 0)",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&PromptHomeAaa::m_hssDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("RequestPermanentId",
                          "Full authentication asks for the permanent identity "
                          "(AT_PERMANENT_ID_REQ, RFC 4187 sec. 4.1.6): one more round trip",
                          BooleanValue(true),
                          MakeBooleanAccessor(&PromptHomeAaa::m_requestPermanentId),
                          MakeBooleanChecker())
            .AddTraceSource("Authentication",
                            "A full EAP-AKA authentication ended (NAI, success)",
                            MakeTraceSourceAccessor(&PromptHomeAaa::m_authTrace),
                            "ns3::PromptHomeAaa::AuthenticationTracedCallback");
    return tid;
}

PromptHomeAaa::PromptHomeAaa()
    : m_rand(CreateObject<UniformRandomVariable>())
{
}

void
PromptHomeAaa::AddSubscriber(const std::string& nai, uint64_t k)
{
    m_subscribers[nai] = Subscriber{k, 0};
}

uint64_t
PromptHomeAaa::GetVectorsIssued() const
{
    return m_issued;
}

int64_t
PromptHomeAaa::AssignStreams(int64_t stream)
{
    m_rand->SetStream(stream);
    return 1;
}

void
PromptHomeAaa::DoDispose()
{
    m_socket = nullptr;
    m_rand = nullptr;
    Application::DoDispose();
}

void
PromptHomeAaa::StartApplication()
{
    m_socket = Socket::CreateSocket(GetNode(), TypeId::LookupByName("ns3::UdpSocketFactory"));
    NS_ABORT_MSG_IF(m_socket->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), RadiusHeader::PORT)) ==
                        -1,
                    "home AAA: cannot bind UDP port " << RadiusHeader::PORT);
    m_socket->SetRecvCallback(MakeCallback(&PromptHomeAaa::HandleRead, this));
}

void
PromptHomeAaa::StopApplication()
{
    if (m_socket)
    {
        m_socket->Close();
    }
}

void
PromptHomeAaa::HandleRead(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(from))
    {
        RadiusHeader r;
        if (p->RemoveHeader(r) == 0 || r.code != RadiusHeader::ACCESS_REQUEST)
        {
            NS_LOG_WARN("home AAA: malformed or unexpected RADIUS packet dropped");
            continue;
        }
        Simulator::Schedule(m_queue.Admit(m_processingDelay),
                            &PromptHomeAaa::DoRecvAccessRequest,
                            this,
                            r,
                            from);
    }
}

AuthenticationVector
PromptHomeAaa::FetchFromHss(const std::string& nai)
{
    Subscriber& s = m_subscribers[nai];
    std::array<uint8_t, 16> rand;
    for (auto& b : rand)
    {
        b = uint8_t(m_rand->GetInteger(0, 255));
    }
    m_issued++;
    return AkaFunctions::MakeVector(s.k, ++s.sqn, rand);
}

void
PromptHomeAaa::Reply(RadiusHeader::Code code,
                     uint8_t identifier,
                     const EapPacket& eap,
                     const Address& to)
{
    RadiusHeader r;
    r.code = code;
    r.identifier = identifier;
    r.SetEap(eap);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(r);
    m_socket->SendTo(p, 0, to);
}

void
PromptHomeAaa::DoRecvAccessRequest(const RadiusHeader& r, Address from)
{
    std::string user = r.GetUserName();
    auto counts = r.GetVendorAttributes(RadiusHeader::VSA_AV_COUNT);
    if (!counts.empty())
    {
        // The MAP's AV refill.
        RadiusHeader reply;
        reply.identifier = r.identifier;
        if (!m_subscribers.count(user) || counts[0].size() != 1)
        {
            reply.code = RadiusHeader::ACCESS_REJECT;
        }
        else
        {
            reply.code = RadiusHeader::ACCESS_ACCEPT;
            for (uint8_t i = 0; i < counts[0][0]; ++i)
            {
                reply.AddAv(FetchFromHss(user));
            }
        }
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(reply);
        Simulator::Schedule(m_hssDelay, [this, p, from]() { m_socket->SendTo(p, 0, from); });
        return;
    }
    EapPacket eap;
    if (!r.GetEap(eap) || eap.code != EapPacket::RESPONSE)
    {
        NS_LOG_WARN("home AAA: Access-Request without an EAP response from " << user);
        return;
    }
    Session& s = m_sessions[user];
    uint8_t next = eap.identifier + 1;
    auto challenge = [this, &s, next, r, from, user](const std::string& permanentId) {
        if (!m_subscribers.count(permanentId))
        {
            m_authTrace(permanentId, false);
            Reply(RadiusHeader::ACCESS_REJECT,
                  r.identifier,
                  EapPacket::Result(EapPacket::FAILURE, next),
                  from);
            return;
        }
        s.permanentId = permanentId;
        s.av = FetchFromHss(permanentId);
        s.challenged = true;
        EapPacket c = EapPacket::AkaChallengeRequest(next, s.av);
        c.SetMac(s.av.ik);
        uint8_t id = r.identifier;
        Simulator::Schedule(m_hssDelay, [this, c, id, from]() {
            Reply(RadiusHeader::ACCESS_CHALLENGE, id, c, from);
        });
    };
    if (eap.type == EapPacket::TYPE_IDENTITY)
    {
        s = Session();
        if (m_requestPermanentId)
        {
            Reply(RadiusHeader::ACCESS_CHALLENGE,
                  r.identifier,
                  EapPacket::AkaIdentityRequest(next),
                  from);
            return;
        }
        challenge(eap.identity);
        return;
    }
    if (eap.type == EapPacket::TYPE_AKA && eap.subtype == EapPacket::AKA_IDENTITY)
    {
        challenge(eap.identity);
        return;
    }
    if (eap.type == EapPacket::TYPE_AKA && eap.subtype == EapPacket::AKA_CHALLENGE && s.challenged)
    {
        bool ok = eap.hasRes && eap.res == s.av.xres && eap.CheckMac(s.av.ik);
        m_authTrace(s.permanentId, ok);
        s.challenged = false;
        Reply(ok ? RadiusHeader::ACCESS_ACCEPT : RadiusHeader::ACCESS_REJECT,
              r.identifier,
              EapPacket::Result(ok ? EapPacket::SUCCESS : EapPacket::FAILURE, eap.identifier),
              from);
        return;
    }
    NS_LOG_WARN("home AAA: unexpected EAP response from " << user);
}

} // namespace ns3
