/*
 * Constant-rate UDP/IPv6 probe flow for measuring handovers (seed 000
 * Sec. 4.1: dHO is measured on a constant-rate flow). Shaped like ns-3's
 * UdpClient/UdpServer, but the receiver keeps every packet's send and
 * receive time so that HandoverMetricsCalculator can compute dHO, lHO and
 * dadd per handover afterwards.
 */
#ifndef HANDOVER_PROBE_H
#define HANDOVER_PROBE_H

#include "handover-metrics.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/header.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ns3
{

class Socket;
class Packet;

/**
 * \brief Header at the start of every probe payload (16 bytes).
 *
 * \verbatim
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            Flow ID                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Send Time (ns, signed, 64 bits)               |
 * +                                                               +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \endverbatim
 *
 * Unlike SeqTsHeader it carries a flow id, so one receiver can tell the
 * flows of several MNs apart, and the send time is set explicitly.
 */
class HandoverProbeHeader : public Header
{
  public:
    /// Serialized size in bytes.
    static constexpr uint32_t SIZE = 16;

    HandoverProbeHeader();

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;

    /// \param flowId the flow id
    void SetFlowId(uint32_t flowId);
    /// \return the flow id
    uint32_t GetFlowId() const;
    /// \param seq the sequence number
    void SetSeq(uint32_t seq);
    /// \return the sequence number
    uint32_t GetSeq() const;
    /// \param txTime the time the sender issued the packet
    void SetTxTime(Time txTime);
    /// \return the time the sender issued the packet
    Time GetTxTime() const;

  private:
    uint32_t m_flowId;  //!< flow id
    uint32_t m_seq;     //!< sequence number
    int64_t m_txTimeNs; //!< send time in ns
};

/**
 * \brief Sends one UDP/IPv6 probe packet every Interval from start to stop.
 *
 * Sequence number s is issued at StartTime + s x Interval whether or not the
 * socket accepts the packet: a failed Send (e.g. no route during the
 * handover) is counted in GetSendFailures() and its sequence number is
 * skipped, so the receiver honestly counts that packet as lost.
 */
class HandoverProbeSender : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    HandoverProbeSender();
    ~HandoverProbeSender() override;

    /// \return the flow id written into every packet
    uint32_t GetFlowId() const;
    /// \return the nominal send interval
    Time GetInterval() const;
    /// \return how many sequence numbers were issued (0 .. n-1), failed sends included
    uint64_t GetSentCount() const;
    /// \return how many sends the socket refused
    uint64_t GetSendFailures() const;
    /// \return the send time of sequence number 0 (meaningful once GetSentCount() > 0)
    Time GetFirstTxTime() const;
    /**
     * Send through \p socket (bound, not connected) instead of a socket of
     * this sender's own. Many flows from one node then share one socket:
     * each socket is an endpoint that the node's UDP demultiplexer scans
     * for every packet it receives, so N senders with N sockets would make
     * every reception on that node cost O(N). Call before the start time.
     * \param socket the shared socket
     */
    void SetSocket(Ptr<Socket> socket);

    /**
     * TracedCallback signature of "Tx".
     * \param packet the packet handed to the socket (probe header included)
     * \param seq its sequence number
     */
    typedef void (*TxTracedCallback)(Ptr<const Packet> packet, uint32_t seq);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// Issues the next sequence number and schedules the one after.
    void SendProbe();

    Address m_peerAddress; //!< destination: an Ipv6Address or an Inet6SocketAddress
    uint16_t m_peerPort;   //!< destination port (unless m_peerAddress carries one)
    Time m_interval;       //!< time between two packets
    uint32_t m_size;       //!< UDP payload size, probe header included
    uint32_t m_flowId;     //!< flow id written into every packet

    Ptr<Socket> m_socket;    //!< UDP socket: connected to the peer, or shared (SetSocket)
    bool m_sharedSocket;     //!< m_socket came from SetSocket: send with SendTo
    Address m_destination;   //!< the peer as SendTo takes it (shared socket)
    EventId m_sendEvent;     //!< next SendProbe
    uint32_t m_nextSeq;      //!< sequence number of the next packet
    uint64_t m_sendFailures; //!< sends refused by the socket
    Time m_firstTxTime;      //!< send time of sequence number 0

    TracedCallback<Ptr<const Packet>, uint32_t> m_txTrace; //!< a packet was accepted by the socket
};

/**
 * \brief Receives probe packets on a UDP port and records each one.
 *
 * Keeps one Record per (flow id, sequence number): the first copy. Later
 * copies only increase GetDuplicates(). Packets too short to carry a
 * HandoverProbeHeader are dropped and logged.
 */
class HandoverProbeReceiver : public Application
{
  public:
    /// One received probe packet.
    struct Record
    {
        uint32_t flowId; //!< flow id from the header
        uint32_t seq;    //!< sequence number from the header
        Time txTime;     //!< send time from the header
        Time rxTime;     //!< time the socket delivered it
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    HandoverProbeReceiver();
    ~HandoverProbeReceiver() override;

    /// \return every first reception, in order of arrival
    const std::vector<Record>& GetRecords() const;
    /**
     * \param flowId the flow to select
     * \return the receptions of that flow in the units HandoverMetricsCalculator takes (ms)
     */
    std::vector<ProbeRecord> GetProbeRecords(uint32_t flowId) const;
    /**
     * The receptions of every flow at once, in one pass over the records
     * (GetProbeRecords() per flow would scan them once per flow).
     * \return flow id -> its receptions, as GetProbeRecords() gives them
     */
    std::unordered_map<uint32_t, std::vector<ProbeRecord>> GetProbeRecordsByFlow() const;
    /// \return how many copies of already received packets arrived
    uint64_t GetDuplicates() const;

    /**
     * TracedCallback signature of "Rx".
     * \param packet the received packet (probe header included)
     * \param seq its sequence number
     * \param delay its one-way delay
     */
    typedef void (*RxTracedCallback)(Ptr<const Packet> packet, uint32_t seq, Time delay);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// \param socket the socket with packets to read
    void HandleRead(Ptr<Socket> socket);

    uint16_t m_port;                     //!< UDP port to listen on
    Ptr<Socket> m_socket;                //!< listening socket
    std::vector<Record> m_records;       //!< first receptions
    std::unordered_set<uint64_t> m_seen; //!< (flowId << 32 | seq) of the records
    uint64_t m_duplicates;               //!< copies of already recorded packets

    TracedCallback<Ptr<const Packet>, uint32_t, Time> m_rxTrace; //!< a new packet was recorded
};

} // namespace ns3

#endif /* HANDOVER_PROBE_H */
