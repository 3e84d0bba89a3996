#include "handover-probe.h"

#include "ns3/abort.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HandoverProbe");

NS_OBJECT_ENSURE_REGISTERED(HandoverProbeHeader);
NS_OBJECT_ENSURE_REGISTERED(HandoverProbeSender);
NS_OBJECT_ENSURE_REGISTERED(HandoverProbeReceiver);

// ---------------------------------------------------------------------------
// HandoverProbeHeader

HandoverProbeHeader::HandoverProbeHeader()
    : m_flowId(0),
      m_seq(0),
      m_txTimeNs(0)
{
}

TypeId
HandoverProbeHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::HandoverProbeHeader")
                            .SetParent<Header>()
                            .SetGroupName("Pmipv6")
                            .AddConstructor<HandoverProbeHeader>();
    return tid;
}

TypeId
HandoverProbeHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
HandoverProbeHeader::Print(std::ostream& os) const
{
    os << "flow=" << m_flowId << " seq=" << m_seq << " tx=" << GetTxTime().As(Time::MS);
}

uint32_t
HandoverProbeHeader::GetSerializedSize() const
{
    return SIZE;
}

void
HandoverProbeHeader::Serialize(Buffer::Iterator start) const
{
    start.WriteHtonU32(m_flowId);
    start.WriteHtonU32(m_seq);
    start.WriteHtonU64(static_cast<uint64_t>(m_txTimeNs));
}

uint32_t
HandoverProbeHeader::Deserialize(Buffer::Iterator start)
{
    // Callers check the packet size first (HandleRead), so SIZE bytes are there.
    m_flowId = start.ReadNtohU32();
    m_seq = start.ReadNtohU32();
    m_txTimeNs = static_cast<int64_t>(start.ReadNtohU64());
    return SIZE;
}

void
HandoverProbeHeader::SetFlowId(uint32_t flowId)
{
    m_flowId = flowId;
}

uint32_t
HandoverProbeHeader::GetFlowId() const
{
    return m_flowId;
}

void
HandoverProbeHeader::SetSeq(uint32_t seq)
{
    m_seq = seq;
}

uint32_t
HandoverProbeHeader::GetSeq() const
{
    return m_seq;
}

void
HandoverProbeHeader::SetTxTime(Time txTime)
{
    m_txTimeNs = txTime.GetNanoSeconds();
}

Time
HandoverProbeHeader::GetTxTime() const
{
    return NanoSeconds(m_txTimeNs);
}

// ---------------------------------------------------------------------------
// HandoverProbeSender

TypeId
HandoverProbeSender::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::HandoverProbeSender")
            .SetParent<Application>()
            .SetGroupName("Pmipv6")
            .AddConstructor<HandoverProbeSender>()
            .AddAttribute("RemoteAddress",
                          "Destination: an Ipv6Address (with RemotePort) or an Inet6SocketAddress.",
                          AddressValue(),
                          MakeAddressAccessor(&HandoverProbeSender::m_peerAddress),
                          MakeAddressChecker())
            .AddAttribute("RemotePort",
                          "Destination UDP port.",
                          UintegerValue(9000),
                          MakeUintegerAccessor(&HandoverProbeSender::m_peerPort),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("Interval",
                          "Time between two packets (the resolution of the handover measures).",
                          TimeValue(MilliSeconds(1)),
                          MakeTimeAccessor(&HandoverProbeSender::m_interval),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("PacketSize",
                          "UDP payload bytes, the 16-byte probe header included; the rest is zero.",
                          UintegerValue(64),
                          MakeUintegerAccessor(&HandoverProbeSender::m_size),
                          MakeUintegerChecker<uint32_t>(HandoverProbeHeader::SIZE, 65507))
            .AddAttribute("FlowId",
                          "Flow id written into every packet.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&HandoverProbeSender::m_flowId),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("Tx",
                            "A probe packet was accepted by the socket.",
                            MakeTraceSourceAccessor(&HandoverProbeSender::m_txTrace),
                            "ns3::HandoverProbeSender::TxTracedCallback");
    return tid;
}

HandoverProbeSender::HandoverProbeSender()
    : m_peerPort(9000),
      m_size(64),
      m_flowId(0),
      m_sharedSocket(false),
      m_nextSeq(0),
      m_sendFailures(0)
{
    NS_LOG_FUNCTION(this);
}

HandoverProbeSender::~HandoverProbeSender()
{
    NS_LOG_FUNCTION(this);
}

uint32_t
HandoverProbeSender::GetFlowId() const
{
    return m_flowId;
}

Time
HandoverProbeSender::GetInterval() const
{
    return m_interval;
}

uint64_t
HandoverProbeSender::GetSentCount() const
{
    return m_nextSeq;
}

uint64_t
HandoverProbeSender::GetSendFailures() const
{
    return m_sendFailures;
}

Time
HandoverProbeSender::GetFirstTxTime() const
{
    return m_firstTxTime;
}

void
HandoverProbeSender::SetSocket(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    m_socket = socket;
    m_sharedSocket = true;
}

void
HandoverProbeSender::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_socket = nullptr;
    Application::DoDispose();
}

void
HandoverProbeSender::StartApplication()
{
    NS_LOG_FUNCTION(this);
    if (Ipv6Address::IsMatchingType(m_peerAddress))
    {
        m_destination = Inet6SocketAddress(Ipv6Address::ConvertFrom(m_peerAddress), m_peerPort);
    }
    else if (Inet6SocketAddress::IsMatchingType(m_peerAddress))
    {
        m_destination = m_peerAddress;
    }
    else
    {
        NS_ABORT_MSG("HandoverProbeSender: RemoteAddress must be IPv6, got " << m_peerAddress);
    }
    if (!m_socket)
    {
        m_socket = Socket::CreateSocket(GetNode(), TypeId::LookupByName("ns3::UdpSocketFactory"));
        NS_ABORT_MSG_IF(m_socket->Bind6() == -1, "HandoverProbeSender: failed to bind socket");
        m_socket->Connect(m_destination);
        // The probe only sends; replies (there are none) would be discarded.
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    }
    m_sendEvent = Simulator::ScheduleNow(&HandoverProbeSender::SendProbe, this);
}

void
HandoverProbeSender::StopApplication()
{
    NS_LOG_FUNCTION(this);
    Simulator::Cancel(m_sendEvent);
}

void
HandoverProbeSender::SendProbe()
{
    // Schedule first: the send grid stays exact (StartTime + seq x Interval),
    // which HandoverMetricsCalculator::SeqRangeOf relies on.
    m_sendEvent = Simulator::Schedule(m_interval, &HandoverProbeSender::SendProbe, this);

    if (m_nextSeq == 0)
    {
        m_firstTxTime = Simulator::Now();
    }
    uint32_t seq = m_nextSeq++;

    HandoverProbeHeader header;
    header.SetFlowId(m_flowId);
    header.SetSeq(seq);
    header.SetTxTime(Simulator::Now());
    Ptr<Packet> packet = Create<Packet>(m_size - HandoverProbeHeader::SIZE); // zero-filled
    packet->AddHeader(header);

    int sent = m_sharedSocket ? m_socket->SendTo(packet, 0, m_destination) : m_socket->Send(packet);
    if (sent >= 0)
    {
        NS_LOG_LOGIC("flow " << m_flowId << " sent seq " << seq);
        m_txTrace(packet, seq);
    }
    else
    {
        // Keep the sequence number consumed: the receiver counts it as lost,
        // which is what the handover did to it.
        ++m_sendFailures;
        NS_LOG_INFO("flow " << m_flowId << " seq " << seq << " refused by the socket, errno "
                            << m_socket->GetErrno());
    }
}

// ---------------------------------------------------------------------------
// HandoverProbeReceiver

TypeId
HandoverProbeReceiver::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::HandoverProbeReceiver")
            .SetParent<Application>()
            .SetGroupName("Pmipv6")
            .AddConstructor<HandoverProbeReceiver>()
            .AddAttribute("Port",
                          "UDP port to listen on.",
                          UintegerValue(9000),
                          MakeUintegerAccessor(&HandoverProbeReceiver::m_port),
                          MakeUintegerChecker<uint16_t>())
            .AddTraceSource("Rx",
                            "A probe packet was received for the first time.",
                            MakeTraceSourceAccessor(&HandoverProbeReceiver::m_rxTrace),
                            "ns3::HandoverProbeReceiver::RxTracedCallback");
    return tid;
}

HandoverProbeReceiver::HandoverProbeReceiver()
    : m_port(9000),
      m_duplicates(0)
{
    NS_LOG_FUNCTION(this);
}

HandoverProbeReceiver::~HandoverProbeReceiver()
{
    NS_LOG_FUNCTION(this);
}

const std::vector<HandoverProbeReceiver::Record>&
HandoverProbeReceiver::GetRecords() const
{
    return m_records;
}

namespace
{
ProbeRecord
ToProbeRecord(const HandoverProbeReceiver::Record& r)
{
    // ns -> ms by division keeps whole-ms times exact.
    return {r.seq, r.txTime.GetNanoSeconds() / 1e6, r.rxTime.GetNanoSeconds() / 1e6};
}
} // namespace

std::vector<ProbeRecord>
HandoverProbeReceiver::GetProbeRecords(uint32_t flowId) const
{
    std::vector<ProbeRecord> out;
    for (const Record& r : m_records)
    {
        if (r.flowId == flowId)
        {
            out.push_back(ToProbeRecord(r));
        }
    }
    return out;
}

std::unordered_map<uint32_t, std::vector<ProbeRecord>>
HandoverProbeReceiver::GetProbeRecordsByFlow() const
{
    std::unordered_map<uint32_t, std::vector<ProbeRecord>> out;
    for (const Record& r : m_records)
    {
        out[r.flowId].push_back(ToProbeRecord(r));
    }
    return out;
}

uint64_t
HandoverProbeReceiver::GetDuplicates() const
{
    return m_duplicates;
}

void
HandoverProbeReceiver::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_socket = nullptr;
    Application::DoDispose();
}

void
HandoverProbeReceiver::StartApplication()
{
    NS_LOG_FUNCTION(this);
    if (!m_socket)
    {
        m_socket = Socket::CreateSocket(GetNode(), TypeId::LookupByName("ns3::UdpSocketFactory"));
        NS_ABORT_MSG_IF(m_socket->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), m_port)) == -1,
                        "HandoverProbeReceiver: failed to bind port " << m_port);
    }
    m_socket->SetRecvCallback(MakeCallback(&HandoverProbeReceiver::HandleRead, this));
}

void
HandoverProbeReceiver::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    }
}

void
HandoverProbeReceiver::HandleRead(Ptr<Socket> socket)
{
    Ptr<Packet> packet;
    Address from;
    while ((packet = socket->RecvFrom(from)))
    {
        if (packet->GetSize() < HandoverProbeHeader::SIZE)
        {
            NS_LOG_WARN("dropping a " << packet->GetSize() << "-byte packet: not a probe");
            continue;
        }
        HandoverProbeHeader header;
        packet->PeekHeader(header);
        uint64_t key = (static_cast<uint64_t>(header.GetFlowId()) << 32) | header.GetSeq();
        if (!m_seen.insert(key).second)
        {
            ++m_duplicates;
            NS_LOG_INFO("flow " << header.GetFlowId() << " duplicate seq " << header.GetSeq());
            continue;
        }
        Time now = Simulator::Now();
        Time delay = now - header.GetTxTime();
        m_records.push_back({header.GetFlowId(), header.GetSeq(), header.GetTxTime(), now});
        NS_LOG_LOGIC("flow " << header.GetFlowId() << " seq " << header.GetSeq() << " delay "
                             << delay.As(Time::MS));
        m_rxTrace(packet, header.GetSeq(), delay);
    }
}

} // namespace ns3
