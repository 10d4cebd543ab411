#pragma once

#include "tcp/tcpserver.h"

#include <QAbstractTableModel>
#include <QCoreApplication>

namespace NetPoke {

// The TCP Server tab's connection table. It holds snapshots (Tcp::Server::connections()) that the tab takes
// on a timer, not per read: update() inserts rows for new connections, removes the gone ones and refreshes
// the numbers of the others in one dataChanged, so a selection stays on its connection.
class TcpConnectionModel final : public QAbstractTableModel
{
    Q_DECLARE_TR_FUNCTIONS(NetPoke::TcpConnectionModel)

public:
    enum Column { IdColumn, PeerColumn, SinceColumn, RxColumn, TxColumn, QueuedColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // connections sorted by id (as Tcp::Server gives them).
    void update(const QList<Tcp::ConnectionInfo> &connections);
    quint64 idAt(int row) const { return m_rows.value(row).id; }

private:
    QList<Tcp::ConnectionInfo> m_rows;
};

} // namespace NetPoke
