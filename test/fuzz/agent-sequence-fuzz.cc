// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target: arbitrary sequences of well-formed mobility messages
 * and access events fed to a live domain. Where receive-fuzz explores the
 * parsers, this one explores the state machines: PBU, PBA, HI, HAck, FBU and
 * FBack with fuzzed fields (sequence numbers near the live ones or anywhere,
 * timestamps around now, flags, codes, lifetimes, MN and prefix), from the
 * agents and from a stranger, mixed with handovers of the MN and L2
 * predictions, in any order and at any time.
 *
 * Input: one octet for the scheme, then records of 12 octets
 *     op to from delay_ms seq_hi seq_lo flags code lifetime mn prefix ts
 * op 0 PBU, 1 PBA, 2 HI, 3 HAck, 4 FBU, 5 FBack, 6 handover of the MN to
 * MAG (to), 7 prediction at the serving MAG toward MAG (to).
 * seq_hi 0xff: the sequence the receiver expects (its last + seq_lo - 128).
 */
#include "fuzz-domain.h"

#include <array>

using namespace ns3;
using namespace ns3::pmipv6fuzz;

namespace
{

using Record = std::array<uint8_t, 12>;

enum Field
{
    OP,
    TO,
    FROM,
    DELAY,
    SEQ_HI,
    SEQ_LO,
    FLAGS,
    CODE,
    LIFETIME,
    MN,
    PREFIX,
    TIMESTAMP,
};

/// Plays one record at its time.
class Player
{
  public:
    explicit Player(FuzzDomain& d)
        : m_d(d)
    {
    }

    void Play(Record r)
    {
        Pmipv6DomainHelper& domain = m_d.GetDomain();
        uint32_t to = r[TO] % FuzzDomain::AGENTS;
        uint32_t from = r[FROM] % FuzzDomain::SOURCES;
        switch (r[OP] % 8)
        {
        case 0:
            SendBindingUpdate<BindingUpdateHeader>(r, 0, from);
            break;
        case 4:
            SendBindingUpdate<FastBindingUpdateHeader>(r, 1 + r[TO] % FuzzDomain::MAGS, from);
            break;
        case 1:
            SendBindingAck<BindingAckHeader>(r, 1 + r[TO] % FuzzDomain::MAGS, from);
            break;
        case 5:
            SendBindingAck<FastBindingAckHeader>(r, 1 + r[TO] % FuzzDomain::MAGS, from);
            break;
        case 2: {
            HandoverInitiateHeader hi;
            hi.SetSequence(Sequence(r, 1 + r[TO] % FuzzDomain::MAGS));
            hi.SetFlagS(r[FLAGS] & 1);
            hi.SetFlagU(r[FLAGS] & 2);
            hi.SetFlagP(r[FLAGS] & 4);
            hi.SetFlagF(r[FLAGS] & 8);
            hi.SetCode(r[CODE] % 5);
            FillOptions(hi.GetOptions(), r);
            hi.GetOptions().lmaAddress = domain.GetLmaAddress();
            Send(hi, 1 + r[TO] % FuzzDomain::MAGS, from);
            break;
        }
        case 3: {
            HandoverAckHeader hack;
            hack.SetSequence(Sequence(r, 1 + r[TO] % FuzzDomain::MAGS));
            hack.SetCode((r[CODE] & 0x80) ? 128 + r[CODE] % 4 : r[CODE] % 7);
            FillOptions(hack.GetOptions(), r);
            Send(hack, 1 + r[TO] % FuzzDomain::MAGS, from);
            break;
        }
        case 6:
            // The helper takes each MN's handovers in time order, one at a time.
            if (Simulator::Now() > m_lastHandover)
            {
                m_lastHandover = Simulator::Now();
                domain.ScheduleHandover(0, Simulator::Now(), to % FuzzDomain::MAGS);
            }
            break;
        case 7: {
            Ptr<FastHandoverMagExtension> ext = DynamicCast<FastHandoverMagExtension>(
                domain.GetMagApp(domain.GetServingMag(0))->GetExtension());
            if (ext)
            {
                ext->PredictHandover(domain.GetMnIdentifier(0),
                                     domain.GetProxyCoa(to % FuzzDomain::MAGS));
            }
            break;
        }
        }
    }

  private:
    /// The sequence number the receiver would expect, moved by seq_lo, or any.
    uint16_t Sequence(const Record& r, uint32_t to)
    {
        if (r[SEQ_HI] != 0xff)
        {
            return static_cast<uint16_t>(r[SEQ_HI] << 8 | r[SEQ_LO]);
        }
        uint16_t live = 0;
        Pmipv6DomainHelper& domain = m_d.GetDomain();
        if (to == 0)
        {
            if (BindingCacheEntry* e =
                    domain.GetLmaApp()->GetBindingCache().Find(domain.GetMnIdentifier(0)))
            {
                live = e->lastSequence;
            }
        }
        else if (BindingUpdateListEntry* e = domain.GetMagApp(to - 1)->GetBindingUpdateList().Find(
                     domain.GetMnIdentifier(0)))
        {
            live = e->sequence;
        }
        return static_cast<uint16_t>(live + r[SEQ_LO] - 128);
    }

    void FillOptions(MobilityOptions& o, const Record& r)
    {
        Pmipv6DomainHelper& domain = m_d.GetDomain();
        if (r[MN] % 4 == 0)
        {
            o.mnIdentifier = domain.GetMnIdentifier(0);
        }
        else if (r[MN] % 4 == 1)
        {
            o.mnIdentifier = "stranger@fuzz";
        }
        if (r[MN] & 4)
        {
            uint8_t mac[6];
            domain.GetMnLinkLayerId(0).CopyTo(mac);
            o.mnLinkLayerId = std::vector<uint8_t>(mac, mac + 6);
        }
        switch (r[PREFIX] % 4)
        {
        case 0:
            o.homeNetworkPrefixes = {HomeNetworkPrefix{Ipv6Address::GetAny(), 0}};
            break;
        case 1: {
            Ipv6Address home = domain.GetMnHomeAddress(0);
            uint8_t a[16];
            home.Serialize(a);
            std::fill(a + 8, a + 16, 0);
            o.homeNetworkPrefixes = {HomeNetworkPrefix{Ipv6Address(a), 64}};
            break;
        }
        case 2: {
            uint8_t a[16] = {0x20, 0x01, 0x01, 0x00, 0, 0, 0, r[PREFIX]};
            o.homeNetworkPrefixes = {HomeNetworkPrefix{Ipv6Address(a), 64}};
            break;
        }
        default:
            break; // no prefix option
        }
        if (r[FLAGS] & 0x10)
        {
            o.handoffIndicator = r[CODE] % 6;
            o.accessTechnologyType = r[LIFETIME] % 6;
        }
        if (!(r[FLAGS] & 0x20))
        {
            // Around now: up to 1.27 s before or after.
            Time ts = Simulator::Now() + MilliSeconds(10 * static_cast<int8_t>(r[TIMESTAMP]));
            o.timestamp = TimeToMobilityTimestamp(ts);
        }
    }

    template <class H>
    void SendBindingUpdate(const Record& r, uint32_t to, uint32_t from)
    {
        H bu;
        bu.SetSequence(Sequence(r, to));
        bu.SetFlagA(r[FLAGS] & 1);
        bu.SetFlagP(!(r[FLAGS] & 2));
        bu.SetFlagH(r[FLAGS] & 4);
        bu.SetLifetimeUnits(r[LIFETIME] < 0xf0 ? r[LIFETIME] % 16 : 0xffff);
        FillOptions(bu.GetOptions(), r);
        if (!(r[FLAGS] & 0x10))
        {
            bu.GetOptions().handoffIndicator = HandoffIndicator::HANDOFF_BETWEEN_MAGS;
            bu.GetOptions().accessTechnologyType = AccessTechnologyType::IEEE_802_3;
        }
        Send(bu, to, from);
    }

    template <class H>
    void SendBindingAck(const Record& r, uint32_t to, uint32_t from)
    {
        H ba;
        ba.SetSequence(Sequence(r, to));
        ba.SetStatus((r[CODE] & 0x80) ? 128 + r[CODE] % 35 : r[CODE] % 2);
        ba.SetFlagP(!(r[FLAGS] & 2));
        ba.SetLifetimeUnits(r[LIFETIME] % 16);
        FillOptions(ba.GetOptions(), r);
        Send(ba, to, from);
    }

    void Send(MobilityHeader& message, uint32_t to, uint32_t from)
    {
        Ipv6Address src = m_d.GetSourceAddress(from);
        message.CalculatePseudoHeaderChecksum(src, m_d.GetAgentAddress(to));
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(message);
        m_d.Inject(to, src, MobilityHeader::PROT_NUMBER, p);
    }

    FuzzDomain& m_d;
    Time m_lastHandover{0};
};

} // namespace

extern "C" int
LLVMFuzzerInitialize(int*, char***)
{
    SilenceLogs();
    return 0;
}

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    ByteReader in(data, size);
    FuzzDomain domain(in);
    Player player(domain);
    Time at = MilliSeconds(20);
    for (int records = 0; !in.AtEnd() && records < 48; ++records)
    {
        Record r{};
        std::vector<uint8_t> bytes = in.Bytes(r.size());
        std::copy(bytes.begin(), bytes.end(), r.begin());
        at += MilliSeconds(r[DELAY]);
        Simulator::ScheduleWithContext(domain.GetAgentNode(r[TO] % FuzzDomain::AGENTS)->GetId(),
                                       at,
                                       &Player::Play,
                                       &player,
                                       r);
    }
    domain.RunAndCheck(at + Seconds(3));
    return 0;
}
