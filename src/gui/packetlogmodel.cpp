#include "packetlogmodel.h"

#include "colors.h"
#include "hostport.h"
#include "textcodec.h"

#include <QBrush>
#include <QDateTime>
#include <QTextDocument>

namespace NetPoke {

PacketLogModel::PacketLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_commitTimer.setSingleShot(true);
    connect(&m_commitTimer, &QTimer::timeout, this, &PacketLogModel::commitPending);
}

int PacketLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int PacketLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PacketLogModel::timeText(int row) const
{
    return QDateTime::fromMSecsSinceEpoch(entryAt(row).timestampMs).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString PacketLogModel::dateTimeText(int row) const
{
    // With the UTC offset, so a saved log stays unambiguous when read elsewhere.
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(entryAt(row).timestampMs);
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

QString PacketLogModel::directionText(int row) const
{
    return entryAt(row).direction == Received ? tr("RX") : tr("TX");
}

QString PacketLogModel::peerText(int row) const
{
    const Entry &e = entryAt(row);
    return displayEndpoint(e.peer, e.port);
}

namespace {
// The text of a row: decode(carry-in + bytes - held-back tail), or of its first maxBytes bytes only (< 0: all).
QString decodeRow(const QByteArray &carryIn, const QByteArray &data, int heldBack, const QString &encoding,
                  qsizetype maxBytes)
{
    const qsizetype size = carryIn.size() + data.size() - heldBack;
    const qsizetype n = maxBytes >= 0 ? qMin(size, maxBytes) : size;
    if (carryIn.isEmpty())
        return TextCodec::decode(n == data.size() ? data : data.left(n), encoding);
    QByteArray joined;
    joined.reserve(n);
    joined.append(carryIn.left(n)).append(QByteArrayView(data).first(qMax<qsizetype>(0, n - carryIn.size())));
    return TextCodec::decode(joined, encoding);
}

// Bytes of a row enough to show its first chars characters exactly as the whole row would: a character
// takes at most 4 bytes and gives at least one UTF-16 unit; one unit more tells whether the text is cut,
// 3 bytes more for a character that the prefix ends inside.
qsizetype prefixFor(int chars)
{
    return 4 * (qsizetype(chars) + 1) + 3;
}
} // namespace

QString PacketLogModel::decodedText(int row) const
{
    const Entry &e = entryAt(row);
    return decodeRow(e.carryIn, e.data, e.heldBack, m_encoding, -1);
}

QString PacketLogModel::contentText(int row) const
{
    const Entry &e = entryAt(row);
    switch (m_mode) {
    case HexContent:
        return TextCodec::toHex(e.data);
    case TextAndHexContent:
        return decodedText(row) + QStringLiteral("  |  ") + TextCodec::toHex(e.data);
    case TextContent:
        break;
    }
    return decodedText(row);
}

QString PacketLogModel::shownContent(int row) const
{
    // Only what the view can show is decoded: a 64 KiB row costs what its first characters cost.
    const Entry &e = entryAt(row);
    const qsizetype bytes = prefixFor(m_shownChars);
    const auto text = [&] { return decodeRow(e.carryIn, e.data, e.heldBack, m_encoding, bytes); };
    const auto hex = [&] { return TextCodec::toHex(e.data.size() > bytes ? e.data.left(bytes) : e.data); };
    QString content;
    switch (m_mode) {
    case HexContent: content = hex(); break;
    case TextAndHexContent: content = text() + QStringLiteral("  |  ") + hex(); break;
    case TextContent: content = text(); break;
    }
    return TextCodec::visibleText(content, m_shownChars);
}

QByteArray PacketLogModel::rawBytes(int row) const
{
    return entryAt(row).data;
}

QVariant PacketLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_count)
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return timeText(row);
        case DirectionColumn: return directionText(row);
        case PeerColumn: return peerText(row);
        case LengthColumn: return entryAt(row).data.size();
        case ContentColumn: {
            // One line per row, by the same rule as saved logs and the CLI: controls, line breaks, bidi and
            // zero-width characters made visible; long datagrams cut to what the view can show.
            return shownContent(row);
        }
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)   // the column shows the time of day; the date is here
            return QDateTime::fromMSecsSinceEpoch(entryAt(row).timestampMs)
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz t"));
        if (index.column() == ContentColumn) {
            // Line breaks as lines, everything else by the view's rule; as escaped rich text, because a
            // tooltip would take a datagram that looks like HTML ("<img src=...>") for rich text.
            const QString s = TextCodec::visibleText(contentText(row), MaxTooltipChars, TextCodec::LineBreaks::Kept);
            return Qt::convertFromPlainText(s, Qt::WhiteSpaceNormal);
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == DirectionColumn)
            return QBrush(toneColor(entryAt(row).direction == Received ? Tone::Received : Tone::Sent));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == LengthColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case RawBytesRole:
        return entryAt(row).data;
    case DirectionRole:
        return int(entryAt(row).direction);
    }
    return {};
}

QVariant PacketLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case DirectionColumn: return tr("Dir");
    case PeerColumn: return tr("Peer");
    case LengthColumn: return tr("Length");
    case ContentColumn: return tr("Content");
    }
    return {};
}

void PacketLogModel::appendDatagrams(const QList<Datagram> &datagrams, Direction direction)
{
    if (datagrams.isEmpty())
        return;
    m_totalAppended += quint64(datagrams.size());
    // Only the newest rows within both caps can ever be shown: skip the rest of a huge batch.
    qsizetype from = datagrams.size() - 1;
    for (qint64 bytes = datagrams.last().data.size(); from > 0 && datagrams.size() - from < m_cap;) {
        bytes += datagrams.at(from - 1).data.size();
        if (bytes > m_byteCap)
            break;
        --from;
    }
    m_droppedRows += quint64(from);
    m_pending.reserve(m_pending.size() + size_t(datagrams.size() - from));
    m_nextSeq += quint64(from);
    for (qsizetype i = from; i < datagrams.size(); ++i) {
        const Datagram &d = datagrams.at(i);
        Entry e;
        e.data = d.data;
        e.peer = d.peer;
        e.timestampMs = d.timestampMs;
        e.port = d.peerPort;
        e.direction = direction;
        e.seq = m_nextSeq++;
        m_pendingBytes += e.data.size();
        m_pending.push_back(std::move(e));
    }
    trimPending();
    scheduleCommit();
    // Over the byte cap with the rows shown: the oldest go now, not at the next commit (while paused, the
    // rows kept aside are bounded by the caps of their own).
    if (!m_paused && m_keptBytes + m_pendingBytes > m_byteCap)
        commitPending();
}

// The oldest pending rows go while the pending rows alone are over a cap (the newest one always stays).
void PacketLogModel::trimPending()
{
    size_t drop = 0;
    qint64 bytes = m_pendingBytes;
    while (drop + 1 < m_pending.size()
           && (qsizetype(m_pending.size() - drop) > m_cap || bytes > m_byteCap)) {
        bytes -= m_pending[drop].data.size();
        ++drop;
    }
    if (drop == 0)
        return;
    m_pending.erase(m_pending.begin(), m_pending.begin() + qsizetype(drop));
    m_pendingBytes = bytes;
    m_droppedRows += drop;
}

namespace {
// Whether the end of bytes can be parsed without what came before them: UTF-8 is self-synchronising (its
// incomplete tail is within the last 3 bytes); in the other multi-byte encodings a byte below 0x80 that is
// not a digit (GB18030's four-byte sequences hold digits) is never inside a character.
bool synchronises(const QByteArray &bytes, bool utf8)
{
    if (bytes.size() < 4)
        return false;
    if (utf8)
        return true;
    for (qsizetype i = bytes.size(); i-- > 0;) {
        const uchar b = uchar(bytes.at(i));
        if (b < 0x80 && !(b >= 0x30 && b <= 0x39))
            return true;
    }
    return false;
}
} // namespace

// e's carry-in is carry; e's held-back tail becomes the next carry.
void PacketLogModel::joinStream(Entry &e, QByteArray &carry) const
{
    e.carryIn = carry;
    int tail = 0;
    if (carry.isEmpty() || synchronises(e.data, m_encoding == QLatin1String("UTF-8"))) {
        // The carry cannot change where the row's last character starts: no copy of the row.
        tail = TextCodec::incompleteTail(e.data, m_encoding);
        carry = e.data.right(tail);
    } else {
        const QByteArray joined = carry + e.data;
        tail = TextCodec::incompleteTail(joined, m_encoding);
        carry = joined.right(tail);
    }
    e.heldBack = quint8(tail);
}

void PacketLogModel::appendRows(const QList<Row> &rows)
{
    if (rows.isEmpty())
        return;
    m_totalAppended += quint64(rows.size());
    // Every row goes through its stream (so the next one's carry is right); only the newest rows within both
    // caps are kept.
    qsizetype keepFrom = rows.size() - 1;
    for (qint64 bytes = rows.last().data.size(); keepFrom > 0 && rows.size() - keepFrom < m_cap;) {
        bytes += rows.at(keepFrom - 1).data.size();
        if (bytes > m_byteCap)
            break;
        --keepFrom;
    }
    m_droppedRows += quint64(keepFrom);
    m_pending.reserve(m_pending.size() + size_t(rows.size() - keepFrom));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Row &r = rows.at(i);
        const quint64 seq = m_nextSeq++;
        if (i < keepFrom) {
            if (r.stream != 0) {
                // Not kept: only its carry matters.
                Entry e;
                e.data = r.data;
                StreamState &st = m_streams[r.stream];
                joinStream(e, st.carry);
                st.lastSeq = seq;
            }
            continue;
        }
        Entry e;
        e.data = r.data;
        e.peer = r.peer;
        e.timestampMs = r.timestampMs;
        e.port = r.port;
        e.direction = r.direction;
        e.stream = r.stream;
        e.seq = seq;
        if (r.stream != 0) {
            StreamState &st = m_streams[r.stream];
            joinStream(e, st.carry);
            st.lastSeq = e.seq;
        }
        m_pendingBytes += e.data.size();
        m_pending.push_back(std::move(e));
    }
    trimPending();
    scheduleCommit();
    // Over the byte cap with the rows shown: the oldest go now, not at the next commit (while paused, the
    // rows kept aside are bounded by the caps of their own).
    if (!m_paused && m_keptBytes + m_pendingBytes > m_byteCap)
        commitPending();
}

void PacketLogModel::endStream(quint64 stream)
{
    const auto it = m_streams.constFind(stream);
    if (it == m_streams.cend())
        return;
    const bool heldBack = !it->carry.isEmpty();
    const quint64 seq = it->lastSeq;
    m_streams.erase(it);
    if (heldBack)
        releaseHeldBack(seq);
}

// The row numbered seq (if still kept) shows all of its bytes.
void PacketLogModel::releaseHeldBack(quint64 seq)
{
    const auto bySeq = [](const Entry &e, quint64 s) { return e.seq < s; };
    const auto p = std::lower_bound(m_pending.begin(), m_pending.end(), seq, bySeq);
    if (p != m_pending.end() && p->seq == seq) {
        p->heldBack = 0;
        return;
    }
    int lo = 0, hi = m_count;   // rows are in seq order
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (entryAt(mid).seq < seq)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < m_count && entryAt(lo).seq == seq) {
        entryAt(lo).heldBack = 0;
        emit dataChanged(index(lo, ContentColumn), index(lo, ContentColumn));
    }
}

// After an encoding change: where characters end depends on the encoding. The first kept row of a stream
// starts it again (what an older row left unfinished is gone with that row).
void PacketLogModel::rejoinStreams()
{
    QHash<quint64, StreamState> streams;
    const auto rejoin = [&](Entry &e) {
        if (e.stream == 0)
            return;
        StreamState &st = streams[e.stream];
        joinStream(e, st.carry);
        st.lastSeq = e.seq;
    };
    for (int row = 0; row < m_count; ++row)
        rejoin(entryAt(row));
    for (Entry &e : m_pending)
        rejoin(e);
    for (auto it = streams.cbegin(); it != streams.cend(); ++it) {
        if (!m_streams.contains(it.key()) && !it->carry.isEmpty())
            releaseHeldBack(it->lastSeq);   // an ended stream's last row shows all it has
    }
    // A stream whose last row is no longer kept starts its next row afresh.
    for (auto live = m_streams.begin(); live != m_streams.end(); ++live) {
        const auto it = streams.constFind(live.key());
        live->carry = it != streams.cend() && it->lastSeq == live->lastSeq ? it->carry : QByteArray();
    }
}

void PacketLogModel::appendDatagram(const Datagram &datagram, Direction direction)
{
    appendDatagrams(QList<Datagram>{datagram}, direction);
}

void PacketLogModel::scheduleCommit()
{
    // After a commit of a flood (many bytes or rows) the next one waits four intervals: each commit repaints
    // the view, and a view's paint costs what it costs however many rows came.
    if (!m_paused && !m_commitTimer.isActive())
        m_commitTimer.start(m_flooded ? 4 * m_commitInterval : m_commitInterval);
}

void PacketLogModel::commitPending()
{
    m_commitTimer.stop();
    if (m_pending.empty() || m_paused)
        return;
    const int incoming = int(m_pending.size());   // <= m_cap, their bytes <= m_byteCap (or one row)
    m_flooded = m_pendingBytes >= FloodBytes || incoming >= FloodRows;
    // The oldest rows go while the rows would be over either cap.
    int overflow = qMax(0, m_count + incoming - m_cap);
    qint64 kept = m_keptBytes;
    for (int i = 0; i < overflow; ++i)
        kept -= entryAt(i).data.size();
    while (overflow < m_count && kept + m_pendingBytes > m_byteCap)
        kept -= entryAt(overflow++).data.size();
    if (overflow > 0) {
        // The ring grows by push_back until the first overflow (m_start is 0 until then), then stays at
        // full size and wraps.
        if (m_ring.size() < size_t(m_cap))
            m_ring.resize(size_t(m_cap));
        beginRemoveRows({}, 0, overflow - 1);
        for (int i = 0; i < overflow; ++i)
            m_ring[(m_start + size_t(i)) % m_ring.size()] = Entry();
        m_start = (m_start + size_t(overflow)) % m_ring.size();
        m_count -= overflow;
        m_keptBytes = kept;
        m_droppedRows += quint64(overflow);
        endRemoveRows();
    }
    beginInsertRows({}, m_count, m_count + incoming - 1);
    for (Entry &e : m_pending) {
        if (size_t(m_count) == m_ring.size()) {
            m_ring.push_back(std::move(e));
        } else {
            m_ring[(m_start + size_t(m_count)) % m_ring.size()] = std::move(e);
        }
        ++m_count;
    }
    m_pending.clear();
    m_keptBytes += m_pendingBytes;
    m_pendingBytes = 0;
    endInsertRows();
    emit rowsCommitted();
}

void PacketLogModel::clear()
{
    beginResetModel();
    m_ring.clear();
    m_ring.shrink_to_fit();
    m_pending.clear();
    m_start = 0;
    m_count = 0;
    m_totalAppended = 0;
    m_keptBytes = 0;
    m_pendingBytes = 0;
    m_droppedRows = 0;
    // Streams go on; their next row starts at a character again only by chance, so the carry is kept.
    endResetModel();
}

void PacketLogModel::setRowCap(int cap)
{
    cap = qMax(1, cap);
    if (cap == m_cap)
        return;
    m_cap = cap;
    repack();
}

void PacketLogModel::setByteCap(qint64 bytes)
{
    bytes = qMax<qint64>(1, bytes);
    if (bytes == m_byteCap)
        return;
    m_byteCap = bytes;
    repack();
}

// Re-packs the newest rows within both caps into a fresh ring of the cap's size.
void PacketLogModel::repack()
{
    beginResetModel();
    trimPending();
    int keep = 0;
    qint64 bytes = m_pendingBytes;
    while (keep < m_count && keep + int(m_pending.size()) < m_cap) {
        const qint64 more = entryAt(m_count - 1 - keep).data.size();
        if (bytes + more > m_byteCap && keep + m_pending.size() > 0)
            break;
        bytes += more;
        ++keep;
    }
    std::vector<Entry> fresh;
    fresh.reserve(size_t(keep));
    for (int i = m_count - keep; i < m_count; ++i)
        fresh.push_back(std::move(entryAt(i)));
    m_droppedRows += quint64(m_count - keep);
    m_ring = std::move(fresh);
    m_start = 0;
    m_count = keep;
    m_keptBytes = bytes - m_pendingBytes;
    endResetModel();
}

void PacketLogModel::setShownChars(int chars)
{
    chars = qBound(16, chars, int(MaxShownChars));
    if (chars == m_shownChars)
        return;
    m_shownChars = chars;
    contentChanged();
}

void PacketLogModel::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused)
        commitPending();
}

void PacketLogModel::setEncoding(const QString &encoding)
{
    const QString canonical = TextCodec::canonicalName(encoding);
    if (canonical.isEmpty() || canonical == m_encoding)
        return;
    m_encoding = canonical;
    rejoinStreams();
    contentChanged();
}

void PacketLogModel::contentChanged()
{
    if (m_count > 0)
        emit dataChanged(index(0, ContentColumn), index(m_count - 1, ContentColumn));
}

void PacketLogModel::setContentMode(ContentMode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    if (m_count > 0)
        emit dataChanged(index(0, ContentColumn), index(m_count - 1, ContentColumn));
}

} // namespace NetPoke
