#include "tcpframer.h"

#include <QtGlobal>

namespace NetPoke::Tcp {

Framer::Framer(Mode mode, int parameter, int maxRowBytes)
    : m_mode(mode)
    , m_parameter(qMax(1, parameter))
    , m_maxRowBytes(qMax(1, maxRowBytes))
{
    if (m_mode == Mode::FixedLength)
        m_maxRowBytes = qMin(m_maxRowBytes, m_parameter);
}

void Framer::take(QList<Row> &rows, qsizetype n)
{
    rows.append(Row{m_pending.left(n), m_pendingSinceMs});
    m_pending.remove(0, n);
}

QList<Framer::Row> Framer::feed(const QByteArray &bytes, qint64 timestampMs)
{
    QList<Row> rows;
    if (bytes.isEmpty())
        return rows;
    if (m_mode == Mode::None) {
        for (qsizetype at = 0; at < bytes.size(); at += m_maxRowBytes)
            rows.append(Row{bytes.mid(at, m_maxRowBytes), timestampMs});
        m_lastMs = timestampMs;
        return rows;
    }
    if (m_mode == Mode::IdleGap && !m_pending.isEmpty() && timestampMs - m_lastMs >= m_parameter)
        rows += flush();
    if (m_pending.isEmpty())
        m_pendingSinceMs = timestampMs;
    m_lastMs = timestampMs;

    qsizetype scanFrom = m_pending.size();
    m_pending += bytes;
    while (!m_pending.isEmpty()) {
        qsizetype cut = -1;
        if (m_mode == Mode::Line) {
            const qsizetype lf = m_pending.indexOf('\n', scanFrom);
            if (lf >= 0)
                cut = lf + 1;
        }
        if ((cut < 0 || cut > m_maxRowBytes) && m_pending.size() >= m_maxRowBytes)
            cut = m_maxRowBytes;
        if (cut < 0)
            break;
        take(rows, cut);
        // What follows in this read arrived at the same time.
        m_pendingSinceMs = timestampMs;
        scanFrom = 0;
    }
    return rows;
}

QList<Framer::Row> Framer::expire(qint64 nowMs)
{
    if (m_mode != Mode::IdleGap || m_pending.isEmpty() || nowMs - m_lastMs < m_parameter)
        return {};
    return flush();
}

QList<Framer::Row> Framer::flush()
{
    QList<Row> rows;
    if (!m_pending.isEmpty())
        take(rows, m_pending.size());
    return rows;
}

} // namespace NetPoke::Tcp
