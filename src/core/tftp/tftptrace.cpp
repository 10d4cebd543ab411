#include "tftptrace.h"

#include <QElapsedTimer>
#include <QLocale>

namespace NetPoke::Tftp {

void Trace::add(int flags, const QString &summary, quint64 blocks)
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
    emitEntry(e);
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
