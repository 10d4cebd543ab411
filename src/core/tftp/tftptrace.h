#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <functional>

class QElapsedTimer;

namespace NetPoke::Tftp {

struct TraceEntry
{
    qint64 elapsedMs = 0;
    bool outgoing = false;
    QString summary;          // "RRQ file.bin octet blksize=1468 tsize=0", "DATA 17 (1468 bytes)", "ACK 17", ...
                              // to show as it is: peer text in it went through TextCodec::peerText
    bool retransmission = false;
    bool error = false;
    bool note = false;        // not a packet: a remark such as "… 3,139 blocks not shown"
    quint64 skippedBlocks = 0; // a note standing for this many blocks whose packets are not shown
    // The packet's first MaxPacketBytes bytes as on the wire (for the packet inspector) and its real length;
    // empty for a note and where the packet is not known (a datagram too short to be one).
    QByteArray packet;
    qint64 packetLength = 0;
    static constexpr qsizetype MaxPacketBytes = 1024;
};

// The packet trace for teaching. Every packet of the first AllBlocks blocks; after that only notable ones
// (retransmissions, gaps, duplicates, errors, the last DATA and ACK), and where blocks were left out an entry
// says how many. Summaries come from Tftp::Packet (summary(), dataSummary(), ackSummary()).
class Trace final
{
    Q_DECLARE_TR_FUNCTIONS(NetPoke::Tftp::Trace)

public:
    static constexpr quint64 AllBlocks = 64;
    enum Flag { NoFlags = 0, Outgoing = 1, Retransmission = 2, Error = 4, InOrderData = 8 };
    using Output = std::function<void(const TraceEntry &)>;

    void setOutput(Output out) { m_out = std::move(out); }
    void setEnabled(bool on) { m_enabled = on; }
    bool isEnabled() const { return m_enabled; }
    // A new transfer: times from clock (may be null), counting from block 0.
    void restart(const QElapsedTimer *clock)
    {
        m_clock = clock;
        m_shown = 0;
    }

    // The sampling rule: blocks = in-order blocks so far.
    bool wants(quint64 blocks, bool notable = false) const
    {
        return m_enabled && (notable || blocks <= AllBlocks);
    }
    // One packet. blocks: the in-order blocks so far; with InOrderData the entry is the DATA of the last of
    // them. Blocks after the last one shown and before this entry get a "not shown" note first.
    // packet: the datagram's bytes (the entry keeps the first TraceEntry::MaxPacketBytes); packetLength its real
    // size when packet holds only its beginning (-1: packet.size()).
    void add(int flags, const QString &summary, quint64 blocks, QByteArrayView packet = {}, qint64 packetLength = -1);
    // Packet bytes for add() where the receive and send loops never build a packet: an ACK; a DATA's header and
    // the first bytes of its payload (none when payload is null), up to TraceEntry::MaxPacketBytes.
    static QByteArray ackPacket(quint16 block);
    static QByteArray dataPacket(quint16 block, const char *payload, qsizetype size);
    // A remark that is not a packet (e.g. a request sent again without options).
    void note(const QString &text);

private:
    void emitEntry(TraceEntry e);

    Output m_out;
    const QElapsedTimer *m_clock = nullptr;
    quint64 m_shown = 0;       // in-order blocks accounted for by the entries so far
    bool m_enabled = false;
};

} // namespace NetPoke::Tftp
