#pragma once

#include <QByteArray>
#include <QList>

namespace NetPoke::Tcp {

// How the bytes of one connection are cut into rows for display. TCP has no messages: a read is only what
// happened to arrive together. The framer changes where rows start and end, never the bytes: the rows of a
// stream, joined, are the stream. Pure (no Qt event loop); one Framer per connection and direction.
class Framer final
{
public:
    enum class Mode {
        None,          // one row per read, as it arrived
        Line,          // a row ends after each LF ("\n"), so CRLF and LF lines both work
        IdleGap,       // a row ends when no byte arrived for parameter() ms (see expire())
        FixedLength,   // rows of parameter() bytes
    };
    struct Row
    {
        QByteArray bytes;
        qint64 timestampMs = 0;   // when the row's first byte arrived
    };
    // A row never grows beyond this many bytes: a peer that never sends a line end (Line) or never pauses
    // (IdleGap) still gives rows, cut at the limit.
    static constexpr int DefaultMaxRowBytes = 64 * 1024;

    // parameter: the gap in ms (IdleGap, >= 1) or the row length in bytes (FixedLength, >= 1); ignored otherwise.
    explicit Framer(Mode mode = Mode::None, int parameter = 0, int maxRowBytes = DefaultMaxRowBytes);

    Mode mode() const { return m_mode; }
    int parameter() const { return m_parameter; }

    // The rows that bytes (read at timestampMs) complete. In IdleGap mode a read that comes parameter() ms or
    // more after the previous one first ends the pending row.
    QList<Row> feed(const QByteArray &bytes, qint64 timestampMs);
    // IdleGap: the pending row once parameter() ms have passed since the last byte (call from a timer);
    // nothing in the other modes, whose rows wait for more bytes.
    QList<Row> expire(qint64 nowMs);
    // Whatever is pending as a last row (the connection closed, or the user wants to see it now).
    QList<Row> flush();

    bool hasPending() const { return !m_pending.isEmpty(); }
    qsizetype pendingBytes() const { return m_pending.size(); }
    // When the last byte arrived (IdleGap: the pending row ends at lastByteMs() + parameter()).
    qint64 lastByteMs() const { return m_lastMs; }

private:
    void take(QList<Row> &rows, qsizetype n);

    Mode m_mode;
    int m_parameter;
    int m_maxRowBytes;
    QByteArray m_pending;
    qint64 m_pendingSinceMs = 0;
    qint64 m_lastMs = 0;
};

} // namespace NetPoke::Tcp
