#include "tcpconnection.h"

#include <QDateTime>
#include <QSslSocket>
#include <QTcpSocket>

namespace NetPoke::Tcp {

namespace {
// What Qt keeps read but not yet taken; beyond it Qt stops reading and the kernel's window fills.
constexpr qint64 ReadBufferBytes = 1024 * 1024;
} // namespace

Connection::Connection(quint64 id, QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_socket(socket)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(ReadBufferBytes);
    m_peer = m_socket->peerAddress();
    m_peerPort = m_socket->peerPort();
    m_local = m_socket->localAddress();
    m_localPort = m_socket->localPort();
    m_sinceMs = QDateTime::currentMSecsSinceEpoch();
    m_watch.watch(m_socket->socketDescriptor());
    connect(m_socket, &QIODevice::readyRead, this, &Connection::readPending);
    connect(m_socket, &QIODevice::bytesWritten, this, &Connection::written);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &Connection::socketError);
    connect(m_socket, &QAbstractSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
        if (state == QAbstractSocket::UnconnectedState)
            finishClose();
    });
}

Connection::~Connection()
{
    // No callbacks from a connection that is being destroyed.
    onRead = nullptr;
    onWritten = nullptr;
    onClosed = nullptr;
    if (m_socket)
        m_socket->disconnect(this);
}

qint64 Connection::bytesToWrite() const
{
    qint64 n = m_socket->bytesToWrite();
    if (const auto *ssl = qobject_cast<const QSslSocket *>(m_socket); ssl && ssl->isEncrypted())
        n += ssl->encryptedBytesToWrite();
    return n;
}

bool Connection::send(const QByteArray &data)
{
    if (m_closed || m_closing || m_shutdownRequested || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    const qint64 waiting = bytesToWrite();
    if (waiting > 0 && waiting + data.size() > m_maxWriteBuffer)
        return false;
    if (data.isEmpty())
        return true;
    return m_socket->write(data) == data.size();
}

void Connection::readPending()
{
    if (m_paused && !m_closed && m_socket->state() == QAbstractSocket::ConnectedState)
        return;
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty())
        return;
    m_counters.rxBytes += quint64(data.size());
    ++m_counters.rxReads;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (onRead)
        onRead(this, data, now);
    // A peer that half-closed (its FIN came with the data) still gets the echo: Qt is then in ClosingState and
    // writes what is queued before it closes.
    const auto state = m_socket->state();
    if (m_echo && !m_closed && !m_closing && !m_shutdownRequested
        && (state == QAbstractSocket::ConnectedState || state == QAbstractSocket::ClosingState)) {
        m_socket->write(data);
        if (bytesToWrite() >= m_maxWriteBuffer)
            m_paused = true;
    }
}

void Connection::written(qint64 bytes)
{
    m_counters.txBytes += quint64(bytes);
    if (onWritten)
        onWritten(this, bytes);
    if (m_paused && bytesToWrite() <= m_maxWriteBuffer / 2) {
        m_paused = false;
        readPending();
    }
    maybeShutdown();
}

void Connection::shutdownWrite()
{
    m_shutdownRequested = true;
    maybeShutdown();
}

void Connection::maybeShutdown()
{
    if (!m_shutdownRequested || m_shutdownDone || m_closed || bytesToWrite() > 0)
        return;
    m_shutdownDone = true;
    Tcp::shutdownWrite(m_socket->socketDescriptor());
}

void Connection::close()
{
    if (m_closed)
        return;
    m_closing = true;
    if (!m_reasonSet) {
        m_reason = CloseReason::ClosedHere;
        m_reasonSet = true;
    }
    m_socket->disconnectFromHost();
}

void Connection::abort()
{
    if (m_closed)
        return;
    if (!m_reasonSet) {
        m_reason = CloseReason::ClosedHere;
        m_reasonSet = true;
    }
    m_socket->abort();
    finishClose();
}

void Connection::socketError(QAbstractSocket::SocketError error)
{
    if (m_reasonSet)
        return;
    m_reasonSet = true;
    if (error == QAbstractSocket::RemoteHostClosedError) {
        // Qt reports a FIN and an RST alike; the kernel socket's state tells them apart (not after our own
        // FIN: then both end in the same state).
        m_reason = !m_shutdownDone && m_watch.wasReset() ? CloseReason::ResetByPeer : CloseReason::ClosedByPeer;
        if (m_reason == CloseReason::ResetByPeer)
            m_errorString = tr("The connection was reset by the peer.");
        return;
    }
    m_reason = CloseReason::Failed;
    m_errorString = socketErrorText(error, m_socket->errorString());
}

void Connection::finishClose()
{
    if (m_closed)
        return;
    // The last bytes the socket holds are delivered before the close.
    m_paused = false;
    readPending();
    m_closed = true;
    if (!m_reasonSet) {
        m_reasonSet = true;
        m_reason = m_closing ? CloseReason::ClosedHere : CloseReason::ClosedByPeer;
    }
    m_watch.release();
    if (onClosed)
        onClosed(this);
}

QString Connection::socketErrorText(QAbstractSocket::SocketError error, const QString &qtText)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return tr("The connection was refused: nothing listens on that port.");
    case QAbstractSocket::RemoteHostClosedError:
        return tr("The peer closed the connection.");
    case QAbstractSocket::HostNotFoundError:
        return tr("The host was not found.");
    case QAbstractSocket::SocketTimeoutError:
        return tr("The connection timed out.");
    case QAbstractSocket::NetworkError:
        return tr("Network error: %1").arg(qtText);
    case QAbstractSocket::SslHandshakeFailedError:
        return tr("The TLS handshake failed: %1").arg(qtText);
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return tr("TLS error: %1").arg(qtText);
    default:
        return qtText;
    }
}

// ---------------------------------------------------------------------------------------------------
ChunkBatcher::ChunkBatcher(std::function<void(const QList<Chunk> &)> deliver, QObject *parent)
    : QObject(parent)
    , m_deliver(std::move(deliver))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ChunkBatcher::flush);
}

void ChunkBatcher::add(Chunk chunk)
{
    m_pendingBytes += chunk.data.size();
    m_pending.append(std::move(chunk));
    if (m_intervalMs == 0 || m_pendingBytes >= MaxBatchBytes) {
        flush();
        return;
    }
    if (!m_timer.isActive())
        m_timer.start(m_intervalMs);
}

void ChunkBatcher::flush()
{
    m_timer.stop();
    if (m_pending.isEmpty())
        return;
    QList<Chunk> batch;
    batch.swap(m_pending);
    m_pendingBytes = 0;
    m_deliver(batch);
}

} // namespace NetPoke::Tcp
