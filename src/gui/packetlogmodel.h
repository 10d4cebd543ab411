#pragma once

#include "udpendpoint.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <vector>

namespace NetPoke {

// The receive/send log: a table model over a ring buffer with a row cap. Rows arrive in batches and
// are committed to views at most every commitInterval() ms, so a flood costs a few model signals per
// second. Content is decoded only when a view asks for a row (i.e. only visible rows).
class PacketLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PacketLogModel)

public:
    // Characters of a row's content shown in the view (the saved log has all of them).
    static constexpr int MaxShownChars = 2000;
    static constexpr int MaxTooltipChars = 4000;
    enum Column { TimeColumn, DirectionColumn, PeerColumn, LengthColumn, ContentColumn, ColumnCount };
    enum Direction : quint8 { Received, Sent };
    enum ContentMode { TextContent, HexContent, TextAndHexContent };
    Q_ENUM(ContentMode)
    enum Role { RawBytesRole = Qt::UserRole + 1, DirectionRole };

    static constexpr int DefaultRowCap = 100000;

    explicit PacketLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void appendDatagrams(const QList<Datagram> &datagrams, Direction direction);
    void appendDatagram(const Datagram &datagram, Direction direction);
    void clear();
    // Commits what is pending to the views now (normally done by a timer).
    void commitPending();

    void setRowCap(int cap);
    int rowCap() const { return m_cap; }
    void setCommitInterval(int ms) { m_commitTimer.setInterval(ms); }
    int commitInterval() const { return m_commitTimer.interval(); }

    // While paused, rows are kept aside (bounded by the row cap) and shown on resume.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    void setEncoding(const QString &encoding);
    QString encoding() const { return m_encoding; }
    void setContentMode(ContentMode mode);
    ContentMode contentMode() const { return m_mode; }

    // Rows ever appended (including those pushed out by the cap, and pending ones).
    quint64 totalAppended() const { return m_totalAppended; }
    int pendingCount() const { return int(m_pending.size()); }

    QString timeText(int row) const;       // time of day, as the view shows it
    QString dateTimeText(int row) const;   // ISO 8601 local date and time with ms, for saved logs
    QString directionText(int row) const;
    QString peerText(int row) const;
    // Decoded text (bytes that do not decode as U+DC80+byte) and/or hex, as the content mode says: shown only
    // through TextCodec::visibleText (the view, its tooltip and saved logs do).
    QString contentText(int row) const;
    QByteArray rawBytes(int row) const;

signals:
    // After rows were committed to the views (for auto-scroll).
    void rowsCommitted();

private:
    struct Entry
    {
        QByteArray data;
        QHostAddress peer;
        qint64 timestampMs = 0;
        quint16 port = 0;
        Direction direction = Received;
    };
    const Entry &entryAt(int row) const { return m_ring[(m_start + size_t(row)) % m_ring.size()]; }
    void scheduleCommit();

    std::vector<Entry> m_ring;   // capacity m_cap once full
    size_t m_start = 0;
    int m_count = 0;
    std::vector<Entry> m_pending;
    int m_cap = DefaultRowCap;
    QTimer m_commitTimer;
    bool m_paused = false;
    QString m_encoding = QStringLiteral("UTF-8");
    ContentMode m_mode = TextContent;
    quint64 m_totalAppended = 0;
};

} // namespace NetPoke
