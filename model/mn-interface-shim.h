// SPDX-License-Identifier: GPL-2.0-only
/*
 * The FPMIPv6 paper, sec. 3.3: a shim in a two-interface mobile node hides its
 * interfaces from IP; the node keeps one address and uses it on one
 * interface at a time.
 */
#ifndef MN_INTERFACE_SHIM_H
#define MN_INTERFACE_SHIM_H

#include "ns3/net-device.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"
#include "ns3/virtual-net-device.h"

#include <vector>

namespace ns3
{

class Node;

/**
 * \ingroup pmipv6
 * Between the node's IPv6 stack and its physical access devices. IPv6 sees
 * one interface, a VirtualNetDevice with the node's link-layer address;
 * the shim sends on the active physical device and passes up what any of
 * them receives. The access glue says which device is active (the one
 * attached most recently that still has a link). The mobile node's IPv6
 * stack itself is not modified.
 */
class MnInterfaceShim : public Object
{
  public:
    static TypeId GetTypeId();

    /**
     * Put the shim on \p node over \p devices (not IPv6 interfaces
     * themselves); creates and returns the IPv6-facing device, which the
     * caller adds as the node's IPv6 interface.
     */
    Ptr<VirtualNetDevice> Install(Ptr<Node> node, const std::vector<Ptr<NetDevice>>& devices);
    void SetActive(uint32_t index);
    uint32_t GetActive() const;
    /**
     * Whether device \p index has a link. A device whose link is lost (a
     * radio the access network has declared gone) passes nothing up: what
     * it still receives is dropped and traced (LinkDownDrop). All are up
     * at first.
     */
    void SetLinkUp(uint32_t index, bool up);

    typedef void (*LinkDownDropTracedCallback)(Ptr<const Packet> p, uint32_t device);
    Ptr<NetDevice> GetDevice(uint32_t index) const;

  protected:
    void DoDispose() override;

  private:
    bool Send(Ptr<Packet> p, const Address& src, const Address& dst, uint16_t protocol);
    void Receive(Ptr<NetDevice> device,
                 Ptr<const Packet> p,
                 uint16_t protocol,
                 const Address& from,
                 const Address& to,
                 NetDevice::PacketType type);

    Ptr<VirtualNetDevice> m_ipDevice;
    std::vector<Ptr<NetDevice>> m_devices;
    uint32_t m_active{0};
    std::vector<bool> m_linkUp;
    TracedCallback<uint32_t> m_switchTrace;
    TracedCallback<Ptr<const Packet>, uint32_t> m_linkDownDropTrace;
};

} // namespace ns3

#endif
