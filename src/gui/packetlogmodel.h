#pragma once

#include "udpendpoint.h"

#include <QAbstractTableModel>
#include <QHash>
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
    // The row cap bounds rows, not bytes (a row can be 64 KiB): the newest rows are kept while their bytes
    // together stay within the byte cap too (the newest row always). Counters elsewhere stay exact.
    static constexpr qint64 DefaultByteCap = 32 * 1024 * 1024;

    explicit PacketLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void appendDatagrams(const QList<Datagram> &datagrams, Direction direction);
    void appendDatagram(const Datagram &datagram, Direction direction);

    // A row of a byte stream (TCP): stream != 0 names the stream (one per connection and direction), whose
    // rows arrive in order. A character split across two rows of a stream is shown once, in the row where
    // it ends: each row keeps the unfinished character the previous row ended with (carry-in) and how many
    // of its own last bytes begin one (held back, TextCodec::incompleteTail()). Length and hex stay the
    // row's own bytes. stream == 0: a row on its own, as a datagram.
    struct Row
    {
        QByteArray data;
        QHostAddress peer;
        qint64 timestampMs = 0;
        quint16 port = 0;
        Direction direction = Received;
        quint64 stream = 0;
    };
    void appendRows(const QList<Row> &rows);
    // The stream has no more rows (its connection closed): what its last row held back is shown there.
    void endStream(quint64 stream);
    void clear();
    // Commits what is pending to the views now (normally done by a timer).
    void commitPending();

    void setRowCap(int cap);
    int rowCap() const { return m_cap; }
    void setByteCap(qint64 bytes);
    qint64 byteCap() const { return m_byteCap; }
    // Bytes of the rows kept (committed and pending): at most byteCap() (or the one newest row), twice that
    // while paused (the rows kept aside have the caps of their own).
    qint64 keptBytes() const { return m_keptBytes + m_pendingBytes; }
    // Rows pushed out by the row or byte cap (or skipped before they were shown) since the last clear().
    quint64 droppedRows() const { return m_droppedRows; }
    // Characters of a row's content the view shows (at most MaxShownChars); a view sets what its width can
    // show, so a flood does not lay out text no one can see.
    void setShownChars(int chars);
    int shownChars() const { return m_shownChars; }
    // After a commit of at least FloodBytes or FloodRows the next one comes four intervals later.
    void setCommitInterval(int ms) { m_commitInterval = qMax(0, ms); }
    int commitInterval() const { return m_commitInterval; }
    static constexpr qint64 FloodBytes = 4 * 1024 * 1024;
    static constexpr int FloodRows = 5000;

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
    // The row's text alone (decoded with the carry-in of its stream, without what it holds back).
    QString decodedText(int row) const;
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
        quint8 heldBack = 0;     // bytes at the end of carryIn + data that begin an unfinished character
        QByteArray carryIn;      // the previous row of the stream's unfinished character
        quint64 stream = 0;
        quint64 seq = 0;         // the row's number among all rows ever appended
    };
    struct StreamState
    {
        QByteArray carry;        // the unfinished character the stream's last row ended with
        quint64 lastSeq = 0;
    };
    const Entry &entryAt(int row) const { return m_ring[(m_start + size_t(row)) % m_ring.size()]; }
    Entry &entryAt(int row) { return m_ring[(m_start + size_t(row)) % m_ring.size()]; }
    void scheduleCommit();
    void joinStream(Entry &e, QByteArray &carry) const;
    void rejoinStreams();
    void releaseHeldBack(quint64 seq);
    void contentChanged();
    void trimPending();
    void repack();
    QString shownContent(int row) const;

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
    quint64 m_nextSeq = 0;
    qint64 m_byteCap = DefaultByteCap;
    qint64 m_keptBytes = 0;      // bytes of the committed rows
    qint64 m_pendingBytes = 0;   // bytes of m_pending
    quint64 m_droppedRows = 0;
    int m_shownChars = MaxShownChars;
    int m_commitInterval = 50;
    bool m_flooded = false;   // the last commit was a flood's
    QHash<quint64, StreamState> m_streams;   // streams that have not ended
};

} // namespace NetPoke
