// SPDX-License-Identifier: GPL-2.0-only
/*
 * What several system test suites of this module share: a node plugged into
 * a built domain's LMA that sends hand-made mobility messages and records
 * the PBAs it gets back (a stand-in MAG, trusted or not), and small
 * look-ups on a running domain (a node's global addresses, the p2p device
 * between two nodes, the binding cache as text for "unchanged" checks).
 */
#ifndef PMIPV6_TEST_UTILS_H
#define PMIPV6_TEST_UTILS_H

#include "mobility-header.h"
#include "mobility-l4-protocol.h"
#include "pmipv6-domain-helper.h"

#include "ns3/boolean.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-address-helper.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/point-to-point-channel.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <sstream>
#include <string>
#include <vector>

/**
 * NS_TEST_ASSERT_MSG_EQ / _NE that also leave the test's DoRun when they
 * fail: the test runner continues on failure by default, and the lines
 * after a size or pointer check index or dereference what was checked.
 */
#define PMIPV6_TEST_REQUIRE_EQ(actual, limit, msg)                                                 \
    do                                                                                             \
    {                                                                                              \
        NS_TEST_ASSERT_MSG_EQ(actual, limit, msg);                                                 \
        if (!((actual) == (limit)))                                                                \
        {                                                                                          \
            return;                                                                                \
        }                                                                                          \
    } while (false)

#define PMIPV6_TEST_REQUIRE_NE(actual, limit, msg)                                                 \
    do                                                                                             \
    {                                                                                              \
        NS_TEST_ASSERT_MSG_NE(actual, limit, msg);                                                 \
        if ((actual) == (limit))                                                                   \
        {                                                                                          \
            return;                                                                                \
        }                                                                                          \
    } while (false)

namespace ns3
{
namespace pmipv6test
{

/**
 * A TestCase that runs a simulation. The simulator is also destroyed after
 * DoRun returns early (a failed NS_TEST_ASSERT), so that the next test case
 * does not start on the events and nodes of this one.
 */
class SimulationTestCase : public TestCase
{
  public:
    explicit SimulationTestCase(std::string name)
        : TestCase(name)
    {
    }

  protected:
    void DoTeardown() override
    {
        Simulator::Destroy();
    }
};

/// The global-scope IPv6 addresses of every interface of \p node.
inline std::vector<Ipv6Address>
GlobalAddresses(Ptr<Node> node)
{
    std::vector<Ipv6Address> out;
    Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
    for (uint32_t i = 0; i < ipv6->GetNInterfaces(); ++i)
    {
        for (uint32_t j = 0; j < ipv6->GetNAddresses(i); ++j)
        {
            Ipv6InterfaceAddress a = ipv6->GetAddress(i, j);
            if (a.GetScope() == Ipv6InterfaceAddress::GLOBAL)
            {
                out.push_back(a.GetAddress());
            }
        }
    }
    return out;
}

/// The point-to-point device of \p from on its link to \p to (nullptr if none).
inline Ptr<PointToPointNetDevice>
P2pDeviceTowards(Ptr<Node> from, Ptr<Node> to)
{
    for (uint32_t d = 0; d < from->GetNDevices(); ++d)
    {
        Ptr<PointToPointNetDevice> dev = DynamicCast<PointToPointNetDevice>(from->GetDevice(d));
        if (!dev)
        {
            continue;
        }
        Ptr<Channel> channel = dev->GetChannel();
        for (std::size_t k = 0; k < channel->GetNDevices(); ++k)
        {
            if (channel->GetDevice(k) != dev && channel->GetDevice(k)->GetNode() == to)
            {
                return dev;
            }
        }
    }
    return nullptr;
}

/// Every field of every binding, one line each: equal strings, unchanged cache.
inline std::string
DescribeBindingCache(BindingCache& cache)
{
    std::ostringstream os;
    cache.ForEach([&os](BindingCacheEntry& e) {
        os << e.mnIdentifier << " hnp=" << e.homeNetworkPrefix.prefix << "/"
           << unsigned(e.homeNetworkPrefix.prefixLength) << " coa=" << e.proxyCoa
           << " state=" << BindingCacheEntry::StateName(e.state) << " seq=" << e.lastSequence
           << " ts=" << e.timestamp << " lifetime=" << e.lifetime.GetNanoSeconds()
           << " at=" << e.registeredAt.GetNanoSeconds() << " hi=" << unsigned(e.handoffIndicator)
           << " att=" << unsigned(e.accessTechnologyType) << ";";
    });
    return os.str();
}

/**
 * A Proxy Binding Update as RFC 5213 sec. 6.9.1.1 has a MAG send it: P and
 * A flags, MN-ID, HNP (::/0 asks for one), handoff indicator, access
 * technology type and timestamp. Tests remove options to make it invalid.
 */
inline BindingUpdateHeader
MakePbu(const std::string& mnId, uint16_t sequence, Time lifetime, Time timestamp)
{
    BindingUpdateHeader pbu;
    pbu.SetSequence(sequence);
    pbu.SetFlagA(true);
    pbu.SetFlagP(true);
    pbu.SetLifetime(lifetime);
    MobilityOptions& o = pbu.GetOptions();
    o.mnIdentifier = mnId;
    o.homeNetworkPrefixes = {HomeNetworkPrefix{Ipv6Address::GetAny(), 0}};
    o.handoffIndicator = HandoffIndicator::ATTACHMENT_OVER_NEW_INTERFACE;
    o.accessTechnologyType = AccessTechnologyType::IEEE_802_3;
    o.timestamp = TimeToMobilityTimestamp(timestamp);
    return pbu;
}

/**
 * An extra core node linked to the LMA of a built domain (before
 * Simulator::Run): it sends mobility messages, well formed or hand-made
 * octets, to the LMA, and records every Proxy Binding Acknowledgement that
 * arrives for it. Not trusted by the LMA unless the test says so.
 */
class LmaPeer
{
  public:
    /// One PBA as it arrived.
    struct ReceivedPba
    {
        Time at;
        uint8_t status;
        uint16_t sequence;
        Time lifetime;
        MobilityOptions options;
    };

    /**
     * \param index distinct per peer of one domain (picks the subnet)
     * \param oneWayDelay of the new LMA link
     */
    LmaPeer(Pmipv6DomainHelper& domain, uint32_t index, Time oneWayDelay)
        : m_lmaAddress(domain.GetLmaAddress())
    {
        m_node = CreateObject<Node>();
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        stack.Install(m_node);
        // As the domain's nodes: no DAD, so the address is usable at once.
        m_node->GetObject<Icmpv6L4Protocol>()->SetAttribute("DAD", BooleanValue(false));

        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", DataRateValue(domain.GetParameters().coreRate));
        p2p.SetChannelAttribute("Delay", TimeValue(oneWayDelay));
        NetDeviceContainer link = p2p.Install(domain.GetLma(), m_node);
        Ipv6AddressHelper addr;
        std::ostringstream base;
        base << "2001:30:" << std::hex << (index + 1) << "::";
        addr.SetBase(Ipv6Address(base.str().c_str()), Ipv6Prefix(64));
        Ipv6InterfaceContainer ifs = addr.Assign(link);
        ifs.SetForwarding(0, true);
        m_address = ifs.GetAddress(1, 1);
        Ipv6StaticRoutingHelper routing;
        routing.GetStaticRouting(m_node->GetObject<Ipv6>())
            ->SetDefaultRoute(ifs.GetAddress(0, 1), ifs.GetInterfaceIndex(1));

        m_mobility = GetOrInstallL4Protocol<MobilityL4Protocol>(m_node);
        m_mobility->RegisterHandler(static_cast<uint8_t>(MhType::BindingAck),
                                    MakeCallback(&LmaPeer::ReceivePba, this));
    }

    Ptr<Node> GetNode() const
    {
        return m_node;
    }

    Ipv6Address GetAddress() const
    {
        return m_address;
    }

    Ptr<MobilityL4Protocol> GetMobility() const
    {
        return m_mobility;
    }

    /// Send \p message (checksummed) from this node to the LMA now.
    void Send(MobilityHeader& message)
    {
        m_mobility->Send(message, m_address, m_lmaAddress);
    }

    /// Send \p message to the LMA at \p at (absolute simulation time).
    template <class H>
    void SendAt(Time at, H message)
    {
        Simulator::Schedule(at - Simulator::Now(), [this, message]() mutable { Send(message); });
    }

    /// Send these octets as the payload of an IPv6 packet with next header \p protocol.
    void SendRaw(const std::vector<uint8_t>& bytes, uint8_t protocol, Ipv6Address dst)
    {
        Ptr<Packet> p = Create<Packet>(bytes.data(), bytes.size());
        m_node->GetObject<Ipv6L3Protocol>()->Send(p, m_address, dst, protocol, nullptr);
    }

    void SendRawAt(Time at, const std::vector<uint8_t>& bytes, uint8_t protocol, Ipv6Address dst)
    {
        Simulator::Schedule(at - Simulator::Now(),
                            [this, bytes, protocol, dst]() { SendRaw(bytes, protocol, dst); });
    }

    const std::vector<ReceivedPba>& GetPbas() const
    {
        return m_pbas;
    }

  private:
    void ReceivePba(Ptr<Packet> p, const Ipv6Header& ip)
    {
        BindingAckHeader pba;
        if (p->RemoveHeader(pba) == 0)
        {
            return;
        }
        m_pbas.push_back(ReceivedPba{Simulator::Now(),
                                     pba.GetStatus(),
                                     pba.GetSequence(),
                                     pba.GetLifetime(),
                                     pba.GetOptions()});
    }

    Ptr<Node> m_node;
    Ipv6Address m_address;
    Ipv6Address m_lmaAddress;
    Ptr<MobilityL4Protocol> m_mobility;
    std::vector<ReceivedPba> m_pbas;
};

} // namespace pmipv6test
} // namespace ns3

#endif
