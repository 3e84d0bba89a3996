// SPDX-License-Identifier: GPL-2.0-only
#include "signalling-error-model.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SignallingErrorModel");
NS_OBJECT_ENSURE_REGISTERED(SignallingErrorModel);

namespace
{
constexpr uint16_t kPppIpv6 = 0x0057;    //!< RFC 5072 PPP protocol number of IPv6
constexpr uint32_t kPppHeaderSize = 2;   //!< ns-3's PppHeader: protocol only
constexpr uint32_t kIpv6HeaderSize = 40; //!< RFC 8200 fixed header
constexpr uint32_t kIpv6NextHeaderOffset = 6;
constexpr uint8_t kMobilityHeader = 135; //!< RFC 6275 sec. 6.1
} // namespace

TypeId
SignallingErrorModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::SignallingErrorModel")
            .SetParent<ErrorModel>()
            .SetGroupName("Pmipv6")
            .AddConstructor<SignallingErrorModel>()
            .AddAttribute("Probability",
                          "Probability that a Mobility Header message is dropped",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&SignallingErrorModel::m_probability),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddTraceSource("Drop",
                            "A Mobility Header message was dropped",
                            MakeTraceSourceAccessor(&SignallingErrorModel::m_dropTrace),
                            "ns3::SignallingErrorModel::DropTracedCallback");
    return tid;
}

SignallingErrorModel::SignallingErrorModel()
    : m_random(CreateObject<UniformRandomVariable>())
{
}

int64_t
SignallingErrorModel::AssignStreams(int64_t stream)
{
    m_random->SetStream(stream);
    return 1;
}

bool
SignallingErrorModel::IsMobilityHeaderMessage(Ptr<const Packet> p)
{
    uint8_t b[kPppHeaderSize + kIpv6HeaderSize];
    uint32_t n = p->CopyData(b, sizeof(b));
    uint32_t ip = 0;
    if (n >= kPppHeaderSize && (b[0] << 8 | b[1]) == kPppIpv6)
    {
        ip = kPppHeaderSize;
    }
    if (n < ip + kIpv6HeaderSize || (b[ip] >> 4) != 6)
    {
        return false;
    }
    return b[ip + kIpv6NextHeaderOffset] == kMobilityHeader;
}

bool
SignallingErrorModel::DoCorrupt(Ptr<Packet> p)
{
    if (!IsMobilityHeaderMessage(p))
    {
        return false;
    }
    m_signalling++;
    // Draw for every message, even at 0 or 1: the stream then stays aligned
    // whatever the probability.
    if (m_random->GetValue() >= m_probability)
    {
        return false;
    }
    m_drops++;
    NS_LOG_LOGIC("drops a Mobility Header message of " << p->GetSize() << " bytes");
    m_dropTrace(p);
    return true;
}

void
SignallingErrorModel::DoReset()
{
    m_signalling = 0;
    m_drops = 0;
}

uint64_t
SignallingErrorModel::GetSignallingCount() const
{
    return m_signalling;
}

uint64_t
SignallingErrorModel::GetDropCount() const
{
    return m_drops;
}

} // namespace ns3
