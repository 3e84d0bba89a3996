// SPDX-License-Identifier: GPL-2.0-only
#include "aaa-server.h"

#include "ns3/inet6-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/udp-socket-factory.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("AaaServer");
NS_OBJECT_ENSURE_REGISTERED(AaaServer);

namespace
{
constexpr uint32_t kHeaderSize = 20; //!< Code, Identifier, Length, Authenticator
constexpr uint32_t kMaxSize = 4096;  //!< RFC 2865 sec. 3
constexpr uint32_t kMaxAttribute = 253;

void
AppendAttribute(std::vector<uint8_t>& out, uint8_t type, const std::string& value)
{
    size_t n = std::min<size_t>(value.size(), kMaxAttribute);
    out.push_back(type);
    out.push_back(static_cast<uint8_t>(n + 2));
    out.insert(out.end(), value.begin(), value.begin() + n);
}
} // namespace

std::vector<uint8_t>
RadiusMessage::Encode() const
{
    std::vector<uint8_t> out{code, identifier, 0, 0};
    out.insert(out.end(), 16, 0); // Authenticator: no shared secret modelled
    AppendAttribute(out, USER_NAME, userName);
    if (!replyMessage.empty())
    {
        AppendAttribute(out, REPLY_MESSAGE, replyMessage);
    }
    out[2] = static_cast<uint8_t>(out.size() >> 8);
    out[3] = static_cast<uint8_t>(out.size());
    return out;
}

std::optional<RadiusMessage>
RadiusMessage::Decode(const uint8_t* data, uint32_t size)
{
    if (size < kHeaderSize)
    {
        return std::nullopt;
    }
    uint32_t length = (data[2] << 8) | data[3];
    if (length < kHeaderSize || length > kMaxSize || length > size)
    {
        return std::nullopt;
    }
    RadiusMessage m;
    m.code = data[0];
    m.identifier = data[1];
    bool named = false;
    for (uint32_t pos = kHeaderSize; pos < length;)
    {
        if (length - pos < 2 || data[pos + 1] < 2 || data[pos + 1] > length - pos)
        {
            return std::nullopt; // an attribute running past the message
        }
        std::string value(reinterpret_cast<const char*>(data + pos + 2), data[pos + 1] - 2);
        if (data[pos] == USER_NAME)
        {
            m.userName = value;
            named = true;
        }
        else if (data[pos] == REPLY_MESSAGE)
        {
            m.replyMessage = value;
        }
        pos += data[pos + 1];
    }
    if (!named)
    {
        return std::nullopt;
    }
    return m;
}

TypeId
AaaServer::GetTypeId()
{
    static TypeId tid = TypeId("ns3::AaaServer")
                            .SetParent<Application>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<AaaServer>()
                            .AddTraceSource("Rx",
                                            "A RADIUS message arrived: MN-ID, from, Code",
                                            MakeTraceSourceAccessor(&AaaServer::m_rxTrace),
                                            "ns3::AaaServer::MessageTracedCallback")
                            .AddTraceSource("Tx",
                                            "A RADIUS message was sent: MN-ID, to, Code",
                                            MakeTraceSourceAccessor(&AaaServer::m_txTrace),
                                            "ns3::AaaServer::MessageTracedCallback");
    return tid;
}

void
AaaServer::AddProfile(const std::string& mnId, Ipv6Address lma)
{
    m_profiles[mnId] = lma;
}

void
AaaServer::StartApplication()
{
    m_socket = Socket::CreateSocket(GetNode(), UdpSocketFactory::GetTypeId());
    m_socket->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), RadiusMessage::PORT));
    m_socket->SetRecvCallback(MakeCallback(&AaaServer::Receive, this));
}

void
AaaServer::StopApplication()
{
    if (m_socket)
    {
        m_socket->Close();
        m_socket = nullptr;
    }
}

void
AaaServer::Receive(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(from))
    {
        std::vector<uint8_t> bytes(p->GetSize());
        p->CopyData(bytes.data(), bytes.size());
        Ipv6Address peer = Inet6SocketAddress::ConvertFrom(from).GetIpv6();
        auto request = RadiusMessage::Decode(bytes.data(), bytes.size());
        if (!request || request->code != RadiusMessage::ACCESS_REQUEST)
        {
            NS_LOG_WARN("AAA: malformed or unexpected message from " << peer << " dropped");
            m_rxTrace("", peer, request ? request->code : 0);
            continue;
        }
        m_rxTrace(request->userName, peer, request->code);
        RadiusMessage answer;
        answer.identifier = request->identifier;
        answer.userName = request->userName;
        auto profile = m_profiles.find(request->userName);
        if (profile == m_profiles.end())
        {
            answer.code = RadiusMessage::ACCESS_REJECT;
        }
        else
        {
            answer.code = RadiusMessage::ACCESS_ACCEPT;
            std::ostringstream s;
            s << "lma=" << profile->second;
            answer.replyMessage = s.str();
        }
        std::vector<uint8_t> out = answer.Encode();
        m_txTrace(answer.userName, peer, answer.code);
        socket->SendTo(Create<Packet>(out.data(), out.size()), 0, from);
    }
}

void
AaaServer::DoDispose()
{
    m_socket = nullptr;
    Application::DoDispose();
}

} // namespace ns3
