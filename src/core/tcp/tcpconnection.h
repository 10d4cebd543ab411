#pragma once

#include "tcpchunk.h"
#include "tcpsocketoptions.h"

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>

class QSocketNotifier;
class QTcpSocket;

namespace NetPoke::Tcp {

// What Client and Server share for one established socket: reads (one Chunk per read, handed to a
// callback), exact counters, the bounded write buffer, half-close, and why the connection ended.
// Plain TCP runs on the descriptor itself (non-blocking, QSocketNotifier, large reads, writes straight from
// the queue): the peer's FIN is only the end of what it sends, and what is queued for it is still written.
// TLS runs on a QSslSocket. Not for front ends: they see Client and Server.
class Connection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connection)

public:
    enum class CloseReason {
        ClosedByPeer,     // the peer closed (FIN)
        ResetByPeer,      // the peer reset the connection (RST)
        ClosedHere,       // close() or abort() on this side
        Failed,           // a socket or TLS error; errorString() says which
    };

    // TLS: takes ownership of socket (reparented). onRead gets every read's bytes; onClosed is called once.
    Connection(quint64 id, QTcpSocket *socket, QObject *parent = nullptr);
    // Plain TCP: takes ownership of a connected descriptor (made non-blocking, closed at the end).
    Connection(quint64 id, int descriptor, QObject *parent = nullptr);
    ~Connection() override;

    quint64 id() const { return m_id; }
    QTcpSocket *socket() const { return m_socket; }   // null for plain TCP
    qintptr descriptor() const;                       // -1 once closed
    bool isEncrypted() const;
    QHostAddress peerAddress() const { return m_peer; }
    quint16 peerPort() const { return m_peerPort; }
    QHostAddress localAddress() const { return m_local; }
    quint16 localPort() const { return m_localPort; }
    qint64 sinceMs() const { return m_sinceMs; }
    const Counters &counters() const { return m_counters; }
    qint64 bytesToWrite() const;
    bool isOpen() const { return !m_closed; }

    // At most maxWriteBuffer bytes wait to be written (one send() larger than that is accepted when nothing
    // is waiting): a peer that does not read cannot make this side's memory grow.
    void setMaxWriteBuffer(qint64 bytes) { m_maxWriteBuffer = qMax<qint64>(1, bytes); }
    qint64 maxWriteBuffer() const { return m_maxWriteBuffer; }
    // Echo: every read is written back. When the peer does not read the echo and the write buffer is full,
    // this side stops reading (TCP flow control then slows the peer) until it drained to half: no byte is
    // dropped and memory stays bounded.
    void setEcho(bool echo) { m_echo = echo; }
    // Plain TCP, after the peer's FIN: true (default) closes once what is queued is written; false keeps
    // the connection open for send() until shutdownWrite() or close().
    void setCloseAfterPeerFin(bool on) { m_closeAfterPeerFin = on; }
    bool peerFinished() const { return m_peerFin; }

    // Queues data; false (nothing queued) when the connection is closed or the write buffer is full.
    bool send(const QByteArray &data);
    // Sends FIN once everything queued is written; reading goes on until the peer closes.
    void shutdownWrite();
    bool writeShutDown() const { return m_shutdownRequested; }
    // Graceful: queued bytes are written first.
    void close();
    // At once, queued bytes are dropped.
    void abort();

    CloseReason closeReason() const { return m_reason; }
    QString errorString() const { return m_errorString; }

    std::function<void(Connection *, const QByteArray &data, qint64 timestampMs)> onRead;
    std::function<void(Connection *, qint64 written)> onWritten;
    std::function<void(Connection *)> onClosed;
    // Plain TCP: the peer sent FIN (half-close); called once, before the close.
    std::function<void(Connection *)> onPeerFin;

    // Plain-words text for a socket error ("The connection was reset by the peer.").
    static QString socketErrorText(QAbstractSocket::SocketError error, const QString &qtText);

private:
    void readPending();
    void written(qint64 bytes);
    void socketError(QAbstractSocket::SocketError error);
    void finishClose();
    void maybeShutdown();
    // Plain TCP.
    void rawRead();
    void rawWrite();
    void rawFailed(int err);
    void setReason(CloseReason reason, const QString &text = QString());

    quint64 m_id;
    QTcpSocket *m_socket = nullptr;
    int m_fd = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    std::deque<QByteArray> m_queue;     // plain TCP: what waits to be written, m_headOffset of it already out
    qsizetype m_headOffset = 0;
    qint64 m_queued = 0;
    QByteArray m_readBuffer;            // reused while no reader keeps it
    bool m_peerFin = false;
    bool m_closeAfterPeerFin = true;
    QHostAddress m_peer, m_local;
    quint16 m_peerPort = 0, m_localPort = 0;
    qint64 m_sinceMs = 0;
    Counters m_counters;
    qint64 m_maxWriteBuffer = 4 * 1024 * 1024;
    bool m_echo = false;
    bool m_paused = false;
    bool m_shutdownRequested = false;
    bool m_shutdownDone = false;
    bool m_closed = false;
    bool m_closing = false;
    CloseReason m_reason = CloseReason::ClosedHere;
    bool m_reasonSet = false;
    QString m_errorString;
    CloseWatch m_watch;
};

// Collects chunks and hands them on as lists: at most every intervalMs (0: at once, one list per chunk),
// sooner when maxBytes are waiting, so that a stream at full speed reaches a GUI as a few lists per second.
class ChunkBatcher final : public QObject
{
    Q_OBJECT

public:
    explicit ChunkBatcher(std::function<void(const QList<Chunk> &)> deliver, QObject *parent = nullptr);
    void setInterval(int ms) { m_intervalMs = qMax(0, ms); }
    int interval() const { return m_intervalMs; }
    void add(Chunk chunk);
    void flush();

private:
    std::function<void(const QList<Chunk> &)> m_deliver;
    QList<Chunk> m_pending;
    qint64 m_pendingBytes = 0;
    QTimer m_timer;
    int m_intervalMs = 30;
    static constexpr qint64 MaxBatchBytes = 8 * 1024 * 1024;
};

} // namespace NetPoke::Tcp
