#include "tftptransfermodel.h"

#include "colors.h"

#include <QBrush>
#include <QLocale>
#include <QTextDocument>

#include <climits>
#include <utility>

namespace NetPoke {

using Tftp::TransferInfo;

namespace {
// Past this many pending snapshots (the timer starved by a busy loop) they are committed at once, so
// memory stays bounded whatever the traffic.
constexpr int MaxPendingBeyondCap = 10000;
} // namespace

TftpTransferModel::TftpTransferModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_commitTimer.setSingleShot(true);
    m_commitTimer.setInterval(DefaultCommitIntervalMs);
    connect(&m_commitTimer, &QTimer::timeout, this, &TftpTransferModel::commitPending);
}

int TftpTransferModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TftpTransferModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int TftpTransferModel::perMille(const TransferInfo &info)
{
    if (info.state == TransferInfo::Finished)
        return 1000;   // also an upload whose advisory tsize was wrong
    if (info.state == TransferInfo::Refused || info.total <= 0)
        return -1;
    return int(qBound(qint64(0), info.bytes * 1000 / info.total, qint64(1000)));
}

QString TftpTransferModel::rateText(double bytesPerSecond)
{
    //: A rate: %1 is a data size such as "1.5 MiB"
    return tr("%1/s").arg(QLocale().formattedDataSize(qint64(qMax(0.0, bytesPerSecond)), 1,
                                                       QLocale::DataSizeIecFormat));
}

QString TftpTransferModel::stateText(const TransferInfo &info)
{
    switch (info.state) {
    case TransferInfo::Negotiating: return tr("negotiating");
    case TransferInfo::Transferring: return tr("transferring");
    case TransferInfo::Finished: return tr("ok");
    case TransferInfo::Failed: return tr("failed: %1").arg(info.result);
    case TransferInfo::Refused: return tr("refused: %1").arg(info.result);
    }
    return QString();
}

QVariant TftpTransferModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const TransferInfo &t = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ClientColumn: return t.client;
        // The core gives the requested name as visible text (controls, bidi and zero-width characters
        // escaped, at most 200 characters); the default delegate paints it as plain text.
        case FileColumn: return t.file;
        case DirectionColumn: return t.direction == TransferInfo::Upload ? tr("upload") : tr("download");
        case ProgressColumn: {
            const int p = perMille(t);
            if (p < 0)
                return t.state == TransferInfo::Refused ? QString() : QStringLiteral("–");
            return tr("%1%").arg(QLocale().toString(p / 10.0, 'f', 1));
        }
        case BytesColumn: return t.state == TransferInfo::Refused ? QString() : QLocale().toString(t.bytes);
        case SpeedColumn: return t.state == TransferInfo::Refused ? QString() : rateText(t.bytesPerSecond);
        case StateColumn: return stateText(t);
        }
        break;
    case Qt::ToolTipRole:
        // The whole name or result where the column cuts it. Both may hold text from the network (a name,
        // what a client's ERROR said): a tooltip would take markup as rich text, so it is given as escaped
        // HTML, which shows the text as it is.
        if (index.column() == FileColumn || index.column() == StateColumn)
            return Qt::convertFromPlainText(index.column() == FileColumn ? t.file : stateText(t));
        break;
    case Qt::ForegroundRole:
        if (index.column() == StateColumn) {
            switch (t.state) {
            case TransferInfo::Finished: return QBrush(toneColor(Tone::Ok));
            case TransferInfo::Failed: return QBrush(toneColor(Tone::Error));
            case TransferInfo::Refused: return QBrush(toneColor(Tone::Warning));
            default: break;
            }
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == BytesColumn || index.column() == SpeedColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case IdRole: return QVariant::fromValue(t.id);
    case ProgressRole: return perMille(t);
    case BytesRole: return t.bytes;
    case StateRole: return int(t.state);
    }
    return {};
}

QVariant TftpTransferModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ClientColumn: return tr("Client");
    case FileColumn: return tr("File");
    case DirectionColumn: return tr("Direction");
    case ProgressColumn: return tr("Progress");
    case BytesColumn: return tr("Bytes");
    case SpeedColumn: return tr("Speed");
    case StateColumn: return tr("State");
    }
    return {};
}

void TftpTransferModel::update(const TransferInfo &info)
{
    const int at = info.id == 0 ? -1 : m_pendingById.value(info.id, -1);
    if (at >= 0) {
        m_pending[at] = info;   // the newest snapshot wins
    } else {
        if (info.id != 0)
            m_pendingById.insert(info.id, int(m_pending.size()));
        m_pending.append(info);
    }
    if (m_pending.size() > m_endedCap + MaxPendingBeyondCap)
        commitPending();
    else if (!m_commitTimer.isActive())
        m_commitTimer.start();
}

void TftpTransferModel::commitPending()
{
    m_commitTimer.stop();
    if (m_pending.isEmpty())
        return;
    const QList<TransferInfo> pending = std::exchange(m_pending, {});
    m_pendingById.clear();

    // Rows already shown change in place (one dataChanged over the rows that did); the rest are appended.
    int first = INT_MAX;
    int last = -1;
    QList<TransferInfo> added;
    for (const TransferInfo &info : pending) {
        const int row = rowOf(info.id);
        if (row < 0) {
            added.append(info);
            continue;
        }
        TransferInfo &shown = m_rows[row];
        if (!shown.ended() && info.ended())
            ++m_endedRows;
        shown = info;
        first = qMin(first, row);
        last = qMax(last, row);
    }
    if (last >= 0)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));

    // Of a batch larger than the cap, only the newest ended rows could stay.
    qsizetype endedAdded = 0;
    for (const TransferInfo &info : std::as_const(added))
        endedAdded += info.ended() ? 1 : 0;
    if (endedAdded > m_endedCap) {
        qsizetype skip = endedAdded - m_endedCap;
        QList<TransferInfo> kept;
        for (const TransferInfo &info : std::as_const(added)) {
            if (info.ended() && skip > 0) {
                --skip;
                continue;
            }
            kept.append(info);
        }
        added = kept;
    }
    if (!added.isEmpty()) {
        const int from = int(m_rows.size());
        beginInsertRows(QModelIndex(), from, from + int(added.size()) - 1);
        for (const TransferInfo &info : std::as_const(added)) {
            if (info.id != 0)
                m_rowById.insert(info.id, int(m_rows.size()));
            if (info.ended())
                ++m_endedRows;
            m_rows.append(info);
        }
        endInsertRows();
    }
    dropOldestEnded();
    emit committed();
}

// The oldest ended rows beyond the cap go, in as few removals as the running rows between them allow
// (usually one, at the top).
void TftpTransferModel::dropOldestEnded()
{
    int excess = m_endedRows - m_endedCap;
    if (excess <= 0)
        return;
    QList<QPair<int, int>> ranges;   // [first, last], ascending
    for (int row = 0; row < m_rows.size() && excess > 0; ++row) {
        if (!m_rows.at(row).ended())
            continue;
        if (!ranges.isEmpty() && ranges.last().second == row - 1)
            ranges.last().second = row;
        else
            ranges.append({row, row});
        --excess;
    }
    // From the bottom up, so the rows of the ranges still to remove keep their numbers.
    for (auto r = ranges.crbegin(); r != ranges.crend(); ++r) {
        beginRemoveRows(QModelIndex(), r->first, r->second);
        for (int row = r->first; row <= r->second; ++row)
            m_rowById.remove(m_rows.at(row).id);
        m_rows.remove(r->first, r->second - r->first + 1);
        m_endedRows -= r->second - r->first + 1;
        endRemoveRows();
    }
    if (!ranges.isEmpty())
        reindex(ranges.first().first);
}

void TftpTransferModel::reindex(int from)
{
    for (int row = from; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id != 0)
            m_rowById.insert(m_rows.at(row).id, row);
    }
}

void TftpTransferModel::setEndedCap(int cap)
{
    m_endedCap = qMax(1, cap);
    dropOldestEnded();
}

void TftpTransferModel::clear()
{
    m_commitTimer.stop();
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    m_endedRows = 0;
    m_pending.clear();
    m_pendingById.clear();
    endResetModel();
}

} // namespace NetPoke
