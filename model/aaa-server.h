// SPDX-License-Identifier: GPL-2.0-only
/*
 * A RADIUS-like AAA / policy server (RFC 2865 message layout, no
 * authentication): a MAG that has no context for an attaching MN asks it
 * for the MN's policy profile before it registers the MN (the Context
 * Reflector paper, sec. 2.2).
 */
#ifndef AAA_SERVER_H
#define AAA_SERVER_H

#include "ns3/application.h"
#include "ns3/ipv6-address.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pmipv6
 * The RFC 2865 sec. 3 layout: Code (1 Access-Request, 2 Access-Accept, 3
 * Access-Reject), Identifier, Length (20..4096), a 16-octet Authenticator
 * (zero here: no shared secret is modelled), then attributes (Type, Length
 * >= 2, Value): User-Name (1, the MN-ID) and Reply-Message (18, the policy
 * profile: "lma=<LMA address>").
 */
struct RadiusMessage
{
    static constexpr uint16_t PORT = 1812; //!< RFC 2865 sec. 3
    static constexpr uint8_t ACCESS_REQUEST = 1;
    static constexpr uint8_t ACCESS_ACCEPT = 2;
    static constexpr uint8_t ACCESS_REJECT = 3;
    static constexpr uint8_t USER_NAME = 1;
    static constexpr uint8_t REPLY_MESSAGE = 18;

    uint8_t code{ACCESS_REQUEST};
    uint8_t identifier{0};
    std::string userName;
    std::string replyMessage; //!< empty: not sent

    std::vector<uint8_t> Encode() const;
    /// \return nullopt if malformed (never reads past \p size)
    static std::optional<RadiusMessage> Decode(const uint8_t* data, uint32_t size);
};

/**
 * \ingroup pmipv6
 * The AAA server node's application: answers every Access-Request for a
 * known MN-ID (AddProfile) with an Access-Accept carrying its policy
 * profile, and others with an Access-Reject. Its RTT to the MAGs is the
 * domain's (Pmipv6DomainHelper::Parameters::aaaRtt).
 */
class AaaServer : public Application
{
  public:
    static TypeId GetTypeId();

    /// The policy profile of \p mnId: its LMA.
    void AddProfile(const std::string& mnId, Ipv6Address lma);

    typedef void (*MessageTracedCallback)(std::string mnId, Ipv6Address peer, uint8_t code);

  protected:
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

  private:
    void Receive(Ptr<Socket> socket);

    Ptr<Socket> m_socket;
    std::map<std::string, Ipv6Address> m_profiles;
    TracedCallback<std::string, Ipv6Address, uint8_t> m_rxTrace;
    TracedCallback<std::string, Ipv6Address, uint8_t> m_txTrace;
};

} // namespace ns3

#endif
