/*
 * An ideal access network: exact delays, and attachment switched at exact
 * instants, for reproducing the analytic model (seed 000 sec. 4).
 */
#ifndef IDEAL_ACCESS_CHANNEL_H
#define IDEAL_ACCESS_CHANNEL_H

#include "prefix-key.h"

#include "ns3/nstime.h"
#include "ns3/pcap-file-wrapper.h"
#include "ns3/simple-channel.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <unordered_map>

namespace ns3
{

/**
 * \ingroup pmipv6
 * A SimpleChannel joining MAG access devices ("access points") and mobile
 * nodes' devices, where each mobile node hears exactly the access point it
 * is attached to, after a fixed one-way delay (RTT_MAG-AP / 2). A packet is
 * delivered only if the attachment still holds when it arrives, so what is
 * in flight on a link that is lost is lost, as on a radio. All MAG devices
 * may share one MAC address (RFC 5213 sec. 6.9.3): delivery follows the
 * attachment, not the address.
 */
class IdealAccessChannel : public SimpleChannel
{
  public:
    typedef void (*AttachTracedCallback)(Ptr<SimpleNetDevice> mn, Ptr<SimpleNetDevice> ap);
    typedef void (*DropTracedCallback)(Ptr<const Packet> p, Ptr<SimpleNetDevice> sender);

    static TypeId GetTypeId();
    IdealAccessChannel();

    /// Declare \p device (already on this channel) an access point.
    void AddAccessPoint(Ptr<SimpleNetDevice> device);
    /// \p mn (already on this channel) now hears only \p ap.
    void Attach(Ptr<SimpleNetDevice> mn, Ptr<SimpleNetDevice> ap);
    /// \p mn hears nobody.
    void Detach(Ptr<SimpleNetDevice> mn);
    Ptr<SimpleNetDevice> GetAttachment(Ptr<SimpleNetDevice> mn) const;
    Time GetDelay() const;
    /**
     * Write every delivered frame, as Ethernet (DLT_EN10MB), to \p filename
     * at the time it arrives: the access link as a capture on it would show.
     */
    void EnablePcap(const std::string& filename);

    void Send(Ptr<Packet> p,
              uint16_t protocol,
              Mac48Address to,
              Mac48Address from,
              Ptr<SimpleNetDevice> sender) override;
    void Add(Ptr<SimpleNetDevice> device) override;

  private:
    void Schedule(Ptr<SimpleNetDevice> receiver,
                  Ptr<SimpleNetDevice> mn,
                  Ptr<SimpleNetDevice> ap,
                  Ptr<Packet> p,
                  uint16_t protocol,
                  Mac48Address to,
                  Mac48Address from);
    void Arrive(Ptr<SimpleNetDevice> receiver,
                Ptr<SimpleNetDevice> mn,
                Ptr<SimpleNetDevice> ap,
                Ptr<Packet> p,
                uint16_t protocol,
                Mac48Address to,
                Mac48Address from);
    bool IsAccessPoint(Ptr<SimpleNetDevice> device) const;

    Time m_delay;
    Ptr<PcapFileWrapper> m_pcap;
    /// Hash of a device by its address (the lookups run per frame: hashed, not ordered).
    struct DeviceHash
    {
        size_t operator()(const Ptr<SimpleNetDevice>& d) const
        {
            return std::hash<const SimpleNetDevice*>()(PeekPointer(d));
        }
    };

    std::unordered_map<Ptr<SimpleNetDevice>, bool, DeviceHash> m_accessPoints;
    /// A two-interface MN has two devices with one address (MnInterfaceShim).
    std::unordered_map<Mac48Address, std::vector<Ptr<SimpleNetDevice>>, Mac48AddressHash> m_mnByMac;
    /// mn -> ap
    std::unordered_map<Ptr<SimpleNetDevice>, Ptr<SimpleNetDevice>, DeviceHash> m_attachment;
    /// ap -> its mns, for group frames (ordered: delivery order must not depend on hashing)
    std::map<Ptr<SimpleNetDevice>, std::set<Ptr<SimpleNetDevice>>> m_attached;
    TracedCallback<Ptr<SimpleNetDevice>, Ptr<SimpleNetDevice>> m_attachTrace;
    TracedCallback<Ptr<SimpleNetDevice>, Ptr<SimpleNetDevice>> m_detachTrace;
    TracedCallback<Ptr<const Packet>, Ptr<SimpleNetDevice>> m_dropTrace;
};

} // namespace ns3

#endif
