#include "tcpconnection.h"

#include <QDateTime>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpSocket>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace NetPoke::Tcp {

namespace {
// TLS: what Qt keeps read but not yet taken; beyond it Qt stops reading and the kernel's window fills.
constexpr qint64 ReadBufferBytes = 1024 * 1024;
// Plain TCP: one read takes up to this; a wake-up reads at most ReadsPerWakeup times (fair to others).
constexpr qsizetype ReadChunkBytes = 256 * 1024;
constexpr int ReadsPerWakeup = 8;
// A read shorter than this is copied into its own small array; a longer one takes the read buffer along.
constexpr qsizetype HandOverBytes = ReadChunkBytes / 2;
constexpr int MaxIov = 64;

void sockaddrToAddress(const sockaddr_storage &sa, QHostAddress *address, quint16 *port)
{
    *address = QHostAddress(reinterpret_cast<const sockaddr *>(&sa));
    if (sa.ss_family == AF_INET)
        *port = ntohs(reinterpret_cast<const sockaddr_in *>(&sa)->sin_port);
    else if (sa.ss_family == AF_INET6)
        *port = ntohs(reinterpret_cast<const sockaddr_in6 *>(&sa)->sin6_port);
}
} // namespace

Connection::Connection(quint64 id, int descriptor, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_fd(descriptor)
{
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    ::fcntl(m_fd, F_SETFD, FD_CLOEXEC);
    sockaddr_storage sa{};
    socklen_t len = sizeof sa;
    if (::getpeername(m_fd, reinterpret_cast<sockaddr *>(&sa), &len) == 0)
        sockaddrToAddress(sa, &m_peer, &m_peerPort);
    len = sizeof sa;
    if (::getsockname(m_fd, reinterpret_cast<sockaddr *>(&sa), &len) == 0)
        sockaddrToAddress(sa, &m_local, &m_localPort);
    m_sinceMs = QDateTime::currentMSecsSinceEpoch();
    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &Connection::rawRead);
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &Connection::rawWrite);
}

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
    onPeerFin = nullptr;
    if (m_socket)
        m_socket->disconnect(this);
    delete m_readNotifier;
    delete m_writeNotifier;
    if (m_fd >= 0)
        ::close(m_fd);
}

qintptr Connection::descriptor() const
{
    if (m_closed)
        return -1;
    return m_socket ? m_socket->socketDescriptor() : m_fd;
}

bool Connection::isEncrypted() const
{
    const auto *ssl = qobject_cast<const QSslSocket *>(m_socket);
    return ssl && ssl->isEncrypted();
}

qint64 Connection::bytesToWrite() const
{
    if (!m_socket)
        return m_queued;
    qint64 n = m_socket->bytesToWrite();
    if (const auto *ssl = qobject_cast<const QSslSocket *>(m_socket); ssl && ssl->isEncrypted())
        n += ssl->encryptedBytesToWrite();
    return n;
}

bool Connection::send(const QByteArray &data)
{
    if (m_closed || m_closing || m_shutdownRequested
        || (m_socket && m_socket->state() != QAbstractSocket::ConnectedState))
        return false;
    const qint64 waiting = bytesToWrite();
    if (waiting > 0 && waiting + data.size() > m_maxWriteBuffer)
        return false;
    if (data.isEmpty())
        return true;
    if (!m_socket) {
        // Written from the queue as it is (shared, not copied) when the socket can take it.
        m_queue.push_back(data);
        m_queued += data.size();
        m_writeNotifier->setEnabled(true);
        return true;
    }
    return m_socket->write(data) == data.size();
}

// ---------------------------------------------------------------------------------------------------
// Plain TCP on the descriptor.

void Connection::rawRead()
{
    for (int i = 0; i < ReadsPerWakeup && !m_closed && !m_paused && !m_peerFin; ++i) {
        // The buffer is reused unless the last read's bytes are still held by a reader (or the echo).
        if (m_readBuffer.isDetached() && m_readBuffer.capacity() >= ReadChunkBytes)
            m_readBuffer.resize(ReadChunkBytes);
        else
            m_readBuffer = QByteArray(ReadChunkBytes, Qt::Uninitialized);
        const ssize_t n = ::recv(m_fd, m_readBuffer.data(), size_t(ReadChunkBytes), 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                rawFailed(errno);
            return;
        }
        if (n == 0) {
            // The peer's FIN: it sends no more, but it may still read what is queued for it.
            m_peerFin = true;
            m_readNotifier->setEnabled(false);
            if (onPeerFin)
                onPeerFin(this);
            if (m_closed)
                return;
            if (m_closeAfterPeerFin || m_shutdownRequested) {
                m_shutdownRequested = true;
                maybeShutdown();
            }
            return;
        }
        QByteArray data;
        if (n >= HandOverBytes) {
            m_readBuffer.resize(n);   // keeps the capacity for the next read
            data = m_readBuffer;
        } else {
            data = QByteArray(m_readBuffer.constData(), n);
        }
        m_counters.rxBytes += quint64(n);
        ++m_counters.rxReads;
        if (onRead)
            onRead(this, data, QDateTime::currentMSecsSinceEpoch());
        if (m_echo && !m_closed && !m_closing && !m_shutdownRequested) {
            m_queue.push_back(std::move(data));
            m_queued += n;
            m_writeNotifier->setEnabled(true);
            if (m_queued >= m_maxWriteBuffer) {
                m_paused = true;
                m_readNotifier->setEnabled(false);
            }
        }
        if (n < ReadChunkBytes)
            return;   // the system had no more
    }
}

void Connection::rawWrite()
{
    while (!m_closed && !m_queue.empty()) {
        iovec iov[MaxIov];
        int count = 0;
        qint64 asked = 0;
        for (auto it = m_queue.begin(); it != m_queue.end() && count < MaxIov; ++it, ++count) {
            const qsizetype offset = count == 0 ? m_headOffset : 0;
            iov[count].iov_base = const_cast<char *>(it->constData() + offset);
            iov[count].iov_len = size_t(it->size() - offset);
            asked += qint64(iov[count].iov_len);
        }
        msghdr msg{};
        msg.msg_iov = iov;
        msg.msg_iovlen = size_t(count);
        const ssize_t n = ::sendmsg(m_fd, &msg, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            rawFailed(errno);
            return;
        }
        qint64 left = n;
        while (left > 0) {
            const qint64 rest = m_queue.front().size() - m_headOffset;
            if (left >= rest) {
                left -= rest;
                m_queue.pop_front();
                m_headOffset = 0;
            } else {
                m_headOffset += qsizetype(left);
                left = 0;
            }
        }
        m_queued -= n;
        written(n);
        if (n < asked)
            break;   // the send buffer is full: wait for the notifier
    }
    if (m_closed)
        return;
    m_writeNotifier->setEnabled(!m_queue.empty());
    if (m_queue.empty() && m_closing)
        finishClose();
}

void Connection::rawFailed(int err)
{
    if (err == ECONNRESET || err == EPIPE)
        setReason(CloseReason::ResetByPeer, tr("The connection was reset by the peer."));
    else
        setReason(CloseReason::Failed, QString::fromLocal8Bit(std::strerror(err)));
    finishClose();
}

void Connection::setReason(CloseReason reason, const QString &text)
{
    if (m_reasonSet)
        return;
    m_reasonSet = true;
    m_reason = reason;
    m_errorString = text;
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
    if (m_closed)
        return;
    if (m_paused && bytesToWrite() <= m_maxWriteBuffer / 2) {
        m_paused = false;
        if (m_socket) {
            readPending();
        } else if (!m_peerFin) {
            m_readNotifier->setEnabled(true);
        }
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
    if (!m_shutdownRequested || m_closed || bytesToWrite() > 0)
        return;
    if (!m_shutdownDone) {
        m_shutdownDone = true;
        Tcp::shutdownWrite(descriptor());
    }
    // Plain TCP: both sides have sent FIN, nothing is left to do.
    if (!m_socket && m_peerFin) {
        setReason(CloseReason::ClosedByPeer);
        finishClose();
    }
}

void Connection::close()
{
    if (m_closed)
        return;
    m_closing = true;
    setReason(CloseReason::ClosedHere);
    if (m_socket)
        m_socket->disconnectFromHost();
    else if (m_queue.empty())
        finishClose();
}

void Connection::abort()
{
    if (m_closed)
        return;
    setReason(CloseReason::ClosedHere);
    if (m_socket)
        m_socket->abort();
    m_queue.clear();
    m_queued = 0;
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
    if (!m_socket) {
        m_closed = true;
        m_readNotifier->setEnabled(false);
        m_writeNotifier->setEnabled(false);
        ::close(m_fd);
        m_fd = -1;
        m_queue.clear();
        m_queued = 0;
        setReason(m_closing ? CloseReason::ClosedHere : CloseReason::ClosedByPeer);
        if (onClosed)
            onClosed(this);
        return;
    }
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
