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
    m_commitTimer.setInterval(50);
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

QString PacketLogModel::contentText(int row) const
{
    const Entry &e = entryAt(row);
    switch (m_mode) {
    case HexContent:
        return TextCodec::toHex(e.data);
    case TextAndHexContent:
        return TextCodec::decode(e.data, m_encoding) + QStringLiteral("  |  ") + TextCodec::toHex(e.data);
    case TextContent:
        break;
    }
    return TextCodec::decode(e.data, m_encoding);
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
            // zero-width characters made visible; long datagrams cut.
            return TextCodec::visibleText(contentText(row), MaxShownChars);
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
    // Only the newest m_cap rows can ever be shown: skip the rest of a huge batch.
    qsizetype from = qMax<qsizetype>(0, datagrams.size() - m_cap);
    if (qsizetype(m_pending.size()) + (datagrams.size() - from) > m_cap) {
        const qsizetype drop = qsizetype(m_pending.size()) + (datagrams.size() - from) - m_cap;
        m_pending.erase(m_pending.begin(), m_pending.begin() + qMin<qsizetype>(drop, m_pending.size()));
    }
    m_pending.reserve(m_pending.size() + size_t(datagrams.size() - from));
    for (qsizetype i = from; i < datagrams.size(); ++i) {
        const Datagram &d = datagrams.at(i);
        m_pending.push_back(Entry{d.data, d.peer, d.timestampMs, d.peerPort, direction});
    }
    scheduleCommit();
}

void PacketLogModel::appendDatagram(const Datagram &datagram, Direction direction)
{
    appendDatagrams(QList<Datagram>{datagram}, direction);
}

void PacketLogModel::scheduleCommit()
{
    if (!m_paused && !m_commitTimer.isActive())
        m_commitTimer.start();
}

void PacketLogModel::commitPending()
{
    m_commitTimer.stop();
    if (m_pending.empty() || m_paused)
        return;
    const int incoming = int(m_pending.size());   // <= m_cap
    const int overflow = m_count + incoming - m_cap;
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
    endResetModel();
}

void PacketLogModel::setRowCap(int cap)
{
    cap = qMax(1, cap);
    if (cap == m_cap)
        return;
    // Re-pack the newest rows into a fresh ring of the new size.
    beginResetModel();
    std::vector<Entry> fresh;
    const int keep = qMin(m_count, cap);
    fresh.reserve(size_t(keep));
    for (int i = m_count - keep; i < m_count; ++i)
        fresh.push_back(entryAt(i));
    m_ring = std::move(fresh);
    m_start = 0;
    m_count = keep;
    m_cap = cap;
    if (int(m_pending.size()) > cap)
        m_pending.erase(m_pending.begin(), m_pending.begin() + (qsizetype(m_pending.size()) - cap));
    endResetModel();
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
