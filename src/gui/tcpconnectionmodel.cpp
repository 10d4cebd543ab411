#include "tcpconnectionmodel.h"

#include "hostport.h"

#include <QDateTime>
#include <QLocale>

namespace NetPoke {

int TcpConnectionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TcpConnectionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TcpConnectionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Tcp::ConnectionInfo &c = m_rows.at(index.row());
    if (role == IdRole)
        return c.id;
    if (role == Qt::TextAlignmentRole && index.column() != PeerColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale loc;
    switch (index.column()) {
    case IdColumn: return QString::number(c.id);
    case PeerColumn:
        return c.encrypted ? tr("%1 (TLS)").arg(displayEndpoint(c.peer, c.peerPort)) : displayEndpoint(c.peer, c.peerPort);
    case SinceColumn: return QDateTime::fromMSecsSinceEpoch(c.sinceMs).toString(QStringLiteral("HH:mm:ss"));
    case RxColumn: return loc.toString(c.rxBytes);
    case TxColumn: return loc.toString(c.txBytes);
    case QueuedColumn: return loc.toString(c.bytesToWrite);
    }
    return {};
}

QVariant TcpConnectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("#");
    case PeerColumn: return tr("Peer");
    case SinceColumn: return tr("Since");
    case RxColumn: return tr("RX bytes");
    case TxColumn: return tr("TX bytes");
    case QueuedColumn: return tr("Queued");
    }
    return {};
}

void TcpConnectionModel::update(const QList<Tcp::ConnectionInfo> &connections)
{
    // Gone connections, from the end so that row numbers stay right.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const quint64 id = m_rows.at(row).id;
        const auto it = std::lower_bound(connections.cbegin(), connections.cend(), id,
                                         [](const Tcp::ConnectionInfo &c, quint64 v) { return c.id < v; });
        if (it == connections.cend() || it->id != id) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    // Ids only grow: the kept rows are the first ones of connections, in order; the rest are new.
    qsizetype i = 0;
    for (; i < connections.size() && i < m_rows.size(); ++i)
        m_rows[i] = connections.at(i);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, RxColumn), index(int(m_rows.size()) - 1, QueuedColumn));
    if (i < connections.size()) {
        beginInsertRows({}, int(m_rows.size()), int(connections.size()) - 1);
        for (; i < connections.size(); ++i)
            m_rows.append(connections.at(i));
        endInsertRows();
    }
}

} // namespace NetPoke
