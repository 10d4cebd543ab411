#include "tftpteaching.h"

#include "tftppacket.h"

namespace NetPoke::Tftp {

QString TeachingOptions::validate() const
{
    if (packetsPerSecond < 0 || packetsPerSecond > MaxRate)
        return tr("Teaching pace %1 packets a second is not valid: use 0 (not paced) to %2.")
            .arg(packetsPerSecond).arg(MaxRate);
    if (dropEvery == 1 || dropEvery < 0 || dropEvery > MaxDropEvery)
        return tr("Dropping every %1th packet is not valid: use 0 (none) or 2 to %2.").arg(dropEvery).arg(MaxDropEvery);
    if (!(dropPercent >= 0 && dropPercent <= 100))
        return tr("A loss of %1 % is not valid: use 0 to 100.").arg(dropPercent);
    return QString();
}

QString teachingDropSuffix()
{
    return TeachingOptions::tr(" — dropped (teaching)");
}

bool isTeachingDrop(const TraceEntry &entry)
{
    return entry.outgoing && entry.error && entry.summary.endsWith(teachingDropSuffix());
}

TeachingGate::TeachingGate()
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { onTimer(); });
}

void TeachingGate::start(const TeachingOptions &options, const QElapsedTimer *clock, TraceFn out, bool trace)
{
    clear();
    m_options = options;
    m_options.packetsPerSecond = qBound(0, m_options.packetsPerSecond, TeachingOptions::MaxRate);
    m_options.dropEvery = m_options.dropEvery >= 2 ? qMin(m_options.dropEvery, TeachingOptions::MaxDropEvery) : 0;
    m_options.dropPercent = qBound(0.0, m_options.dropPercent, 100.0);
    m_clock = clock;
    m_out = std::move(out);
    m_trace = trace;
    m_random.seed(m_options.seed);
    m_lastSentNs = -1;
    m_candidates = 0;
    m_sent = 0;
    m_dropped = 0;
}

int TeachingGate::intervalMs() const
{
    return m_options.packetsPerSecond > 0 ? qMax(1, 1000 / m_options.packetsPerSecond) : 0;
}

qint64 TeachingGate::nowNs() const
{
    return m_clock && m_clock->isValid() ? m_clock->nsecsElapsed() : 0;
}

bool TeachingGate::decideDrop(const char *data, qsizetype size)
{
    if (size < 4 || data[0] != 0 || (data[1] != 3 && data[1] != 4))
        return false;   // only DATA and ACK
    ++m_candidates;
    bool drop = m_options.dropEvery >= 2 && m_candidates % quint64(m_options.dropEvery) == 0;
    if (m_options.dropPercent > 0) {
        // Drawn for every candidate, so that the sequence of drops depends on the seed alone.
        const double r = std::uniform_real_distribution<double>(0.0, 100.0)(m_random);
        drop = drop || r < m_options.dropPercent;
    }
    return drop;
}

void TeachingGate::send(const char *data, qsizetype size, SendFn to)
{
    Item item;
    item.bytes = QByteArray(data, size);
    item.to = std::move(to);
    item.dropped = decideDrop(data, size);
    // A request's entry is made before it is sent: nothing to wait for.
    const bool request = size >= 2 && data[0] == 0 && (data[1] == 1 || data[1] == 2);
    const qint64 interval = qint64(intervalMs()) * 1000000;
    const bool now = m_queue.empty() && !item.dropped && (m_lastSentNs < 0 || nowNs() - m_lastSentNs >= interval);
    if (now) {
        release(item);
        m_awaiting = request ? Awaiting::None : Awaiting::Released;
        return;
    }
    // Queued: a dropped packet also waits for the event loop, so that its entry can carry the protocol's flags.
    m_queue.push_back(std::move(item));
    m_awaiting = request ? Awaiting::None : Awaiting::Queued;
    schedule();
}

bool TeachingGate::capture(const TraceEntry &entry)
{
    if (!entry.outgoing || entry.note || m_awaiting == Awaiting::None)
        return false;
    const Awaiting a = m_awaiting;
    m_awaiting = Awaiting::None;
    if (a == Awaiting::Released)
        return false;   // it has left: the entry goes as it is
    Item &last = m_queue.back();
    last.entry = entry;
    last.hasEntry = true;
    return true;
}

void TeachingGate::release(Item &item)
{
    m_lastSentNs = nowNs();
    if (item.dropped) {
        ++m_dropped;
        if (m_trace) {
            TraceEntry e = item.entry;
            if (!item.hasEntry) {
                // Sampled out by the trace: made here, from the bytes.
                const char *p = item.bytes.constData();
                const quint16 block = quint16((quint16(quint8(p[2])) << 8) | quint8(p[3]));
                e.outgoing = true;
                e.summary = p[1] == 3 ? dataSummary(block, item.bytes.size() - 4) : ackSummary(block);
            }
            emitEntry(e, true);
        }
        return;
    }
    ++m_sent;
    if (item.to)
        item.to(item.bytes);
    if (item.hasEntry)
        emitEntry(item.entry, false);
}

void TeachingGate::emitEntry(TraceEntry e, bool dropped)
{
    e.elapsedMs = m_clock && m_clock->isValid() ? m_clock->elapsed() : e.elapsedMs;
    if (dropped) {
        e.error = true;
        e.summary += teachingDropSuffix();
    }
    if (m_out)
        m_out(e);
}

void TeachingGate::schedule()
{
    if (m_queue.empty() || m_timer.isActive())
        return;
    const qint64 interval = qint64(intervalMs()) * 1000000;
    const qint64 wait = m_lastSentNs < 0 ? 0 : qMax<qint64>(0, m_lastSentNs + interval - nowNs());
    m_timer.start(int((wait + 999999) / 1000000));
}

void TeachingGate::onTimer()
{
    const qint64 interval = qint64(intervalMs()) * 1000000;
    // Unpaced: everything queued goes (the queue only waited for the entries); paced: one per turn.
    while (!m_queue.empty()) {
        if (interval > 0 && m_lastSentNs >= 0 && nowNs() - m_lastSentNs < interval - 500000)
            break;
        if (m_awaiting == Awaiting::Queued && m_queue.size() == 1)
            m_awaiting = Awaiting::None;   // its entry did not come (sampled out)
        Item item = std::move(m_queue.front());
        m_queue.pop_front();
        release(item);
        if (interval > 0)
            break;
    }
    schedule();
}

void TeachingGate::flush(bool entries)
{
    if (!entries)
        m_trace = false;
    m_timer.stop();
    while (!m_queue.empty()) {
        Item item = std::move(m_queue.front());
        m_queue.pop_front();
        release(item);
    }
    m_awaiting = Awaiting::None;
}

void TeachingGate::clear()
{
    m_timer.stop();
    m_queue.clear();
    m_awaiting = Awaiting::None;
}

} // namespace NetPoke::Tftp
