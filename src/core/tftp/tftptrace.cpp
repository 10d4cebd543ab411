#include "tftptrace.h"
#include "tftppacket.h"

#include <cstring>

#include <QElapsedTimer>
#include <QLocale>

namespace NetPoke::Tftp {

void Trace::add(int flags, const QString &summary, quint64 blocks, QByteArrayView packet, qint64 packetLength)
{
    if (!m_enabled)
        return;
    const quint64 before = (flags & InOrderData) && blocks > 0 ? blocks - 1 : blocks;
    if (before > m_shown) {
        const quint64 skipped = before - m_shown;
        TraceEntry n;
        n.note = true;
        n.skippedBlocks = skipped;
        n.summary = skipped == 1 ? tr("… 1 block not shown")
                                 : tr("… %1 blocks not shown").arg(QLocale().toString(qulonglong(skipped)));
        emitEntry(n);
    }
    m_shown = qMax(m_shown, blocks);
    TraceEntry e;
    e.outgoing = flags & Outgoing;
    e.retransmission = flags & Retransmission;
    e.error = flags & Error;
    e.summary = summary;
    e.packet = packet.first(qMin(packet.size(), TraceEntry::MaxPacketBytes)).toByteArray();
    e.packetLength = packetLength >= 0 ? packetLength : packet.size();
    emitEntry(e);
}

QByteArray Trace::ackPacket(quint16 block)
{
    QByteArray b(4, Qt::Uninitialized);
    writeAck(b.data(), block);
    return b;
}

QByteArray Trace::dataPacket(quint16 block, const char *payload, qsizetype size)
{
    const qsizetype kept = payload ? qBound<qsizetype>(0, size, TraceEntry::MaxPacketBytes - 4) : 0;
    QByteArray b(4 + kept, Qt::Uninitialized);
    writeDataHeader(b.data(), block);
    if (kept)
        std::memcpy(b.data() + 4, payload, size_t(kept));
    return b;
}

void Trace::note(const QString &text)
{
    if (!m_enabled)
        return;
    TraceEntry n;
    n.note = true;
    n.summary = text;
    emitEntry(n);
}

void Trace::emitEntry(TraceEntry e)
{
    e.elapsedMs = m_clock && m_clock->isValid() ? m_clock->elapsed() : 0;
    if (m_out)
        m_out(e);
}

} // namespace NetPoke::Tftp
