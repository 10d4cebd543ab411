#pragma once

#include "tftp/tftpserver.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimer>

namespace NetPoke {

// The TFTP Server tab's table: one row per transfer (and per refused request), as the server's snapshots
// (Tftp::TransferInfo) describe it. Snapshots arrive as often as the server sends them (200 transfers × 10
// progress reports a second, a refusal flood); they are collected and committed to the views at most every
// commitInterval() ms, the newest snapshot of a transfer winning, so the views get a few signals a second
// whatever the traffic. Rows that ended are kept up to endedCap() (the oldest go first); running transfers
// are always shown.
class TftpTransferModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TftpTransferModel)

public:
    enum Column { ClientColumn, FileColumn, DirectionColumn, ProgressColumn, BytesColumn, SpeedColumn, StateColumn,
                  ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,   // quint64, 0 for a refused request
        ProgressRole,                // int 0..1000 (per mille), -1 when the size is unknown
        BytesRole,                   // qint64
        StateRole,                   // int, Tftp::TransferInfo::State
    };

    static constexpr int DefaultEndedCap = 1000;
    static constexpr int DefaultCommitIntervalMs = 100;

    explicit TftpTransferModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A snapshot from transferStarted, transferProgress, transferFinished or requestRefused. Shown at the
    // next commit.
    void update(const Tftp::TransferInfo &info);
    // Commits what is pending to the views now (normally done by the timer).
    void commitPending();
    void clear();

    void setEndedCap(int cap);
    int endedCap() const { return m_endedCap; }
    void setCommitInterval(int ms) { m_commitTimer.setInterval(ms); }
    int commitInterval() const { return m_commitTimer.interval(); }
    int pendingCount() const { return int(m_pending.size()); }

    const Tftp::TransferInfo &transferAt(int row) const { return m_rows.at(row); }
    // The row of the transfer with this id, -1 when it is not shown (yet, or any more). Not for id 0.
    int rowOf(quint64 id) const { return id == 0 ? -1 : m_rowById.value(id, -1); }
    int endedRows() const { return m_endedRows; }

    // "42%", "ok", "failed: timed out" and the like, as the view shows them.
    static QString stateText(const Tftp::TransferInfo &info);
    static QString rateText(double bytesPerSecond);
    static int perMille(const Tftp::TransferInfo &info);

signals:
    // After pending snapshots were committed to the views.
    void committed();

private:
    void dropOldestEnded();
    void reindex(int from);

    QList<Tftp::TransferInfo> m_rows;      // in the order they were first seen
    QHash<quint64, int> m_rowById;         // running and ended transfers (not refusals, id 0)
    int m_endedRows = 0;
    QList<Tftp::TransferInfo> m_pending;   // newest snapshot per id, in the order first seen
    QHash<quint64, int> m_pendingById;
    int m_endedCap = DefaultEndedCap;
    QTimer m_commitTimer;
};

} // namespace NetPoke
