#include "tcpclient.h"

#include "hostport.h"
#include "net/endpointinput.h"
#include "tcpconnection.h"
#include "tcpsocketoptions.h"

#include <QDateTime>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

#include <cerrno>
#include <cstring>
#include <fcntl.h>

namespace NetPoke::Tcp {

Client::Client(QObject *parent)
    : QObject(parent)
    , m_batcher(new ChunkBatcher([this](const QList<Chunk> &chunks) { emit chunksReady(chunks); }, this))
{
    qRegisterMetaType<NetPoke::Tcp::Chunk>();
    qRegisterMetaType<QList<NetPoke::Tcp::Chunk>>();
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, &Client::timedOut);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Client::startAttempt);
}

Client::~Client()
{
    if (m_connection)
        m_connection->onClosed = nullptr;
}

void Client::setBatchInterval(int ms)
{
    m_options.batchIntervalMs = ms;
    m_batcher->setInterval(ms);
}

bool Client::connectToHost(const QString &host, quint16 port)
{
    const Net::EndpointInput input = Net::EndpointInput::fromParts(host, port, Net::EndpointInput::Destination);
    if (!input.ok()) {
        setError(InvalidInputError, input.errorString);
        emit errorOccurred(m_error);
        return false;
    }
    m_userClosed = true;   // the current connection's end is no reason to reconnect
    if (m_connection)
        m_connection->abort();
    dropSocket();
    m_reconnectTimer.stop();
    m_host = input.host;
    m_port = input.port;
    m_hostIsName = input.isName();
    m_userClosed = false;
    m_reconnectDelayMs = qMax(1, m_options.reconnectInitialMs);
    m_batcher->setInterval(m_options.batchIntervalMs);
    startAttempt();
    return true;
}

void Client::startAttempt()
{
    dropSocket();
    m_error = NoError;
    m_errorString.clear();
    m_tlsErrors.clear();
    m_peerChain.clear();
    QSslSocket *ssl = m_options.tls ? new QSslSocket(this) : nullptr;
    m_socket = ssl ? ssl : new QTcpSocket(this);

    if (!m_options.bindAddress.isNull() || m_options.bindPort != 0) {
        const QHostAddress local = m_options.bindAddress.isNull() ? QHostAddress(QHostAddress::Any) : m_options.bindAddress;
        if (!m_socket->bind(local, m_options.bindPort)) {
            const QString text = tr("Cannot use the local address %1: %2")
                                     .arg(displayEndpoint(local, m_options.bindPort), m_socket->errorString());
            dropSocket();
            setError(BindError, text);
            setState(Closed);
            emit errorOccurred(m_error);
            return;
        }
    }
    connect(m_socket, &QAbstractSocket::stateChanged, this, &Client::socketStateChanged);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &Client::socketError);
    if (ssl) {
        connect(ssl, &QSslSocket::encrypted, this, &Client::established);
        connect(ssl, &QSslSocket::sslErrors, this, [this, ssl](const QList<QSslError> &errors) {
            m_tlsErrors = errors;
            m_peerChain = ssl->peerCertificateChain();
            emit tlsErrorsOccurred(errors);
            if (m_options.ignoreTlsErrors)
                ssl->ignoreSslErrors();
        });
        if (!m_options.caCertificates.isEmpty()) {
            QSslConfiguration conf = ssl->sslConfiguration();
            conf.addCaCertificates(m_options.caCertificates);
            ssl->setSslConfiguration(conf);
        }
        ssl->connectToHostEncrypted(m_host, m_port,
                                    m_options.tlsPeerName.isEmpty() ? m_host : m_options.tlsPeerName);
    } else {
        connect(m_socket, &QAbstractSocket::connected, this, &Client::established);
        m_socket->connectToHost(m_host, m_port);
    }
    if (m_options.connectTimeoutMs > 0 && m_socket)
        m_connectTimer.start(m_options.connectTimeoutMs);
}

void Client::dropSocket()
{
    m_connectTimer.stop();
    if (!m_socket)
        return;
    QTcpSocket *s = m_socket;
    m_socket = nullptr;
    s->disconnect(this);
    s->abort();
    s->deleteLater();
}

void Client::socketStateChanged()
{
    if (!m_socket)
        return;
    switch (m_socket->state()) {
    case QAbstractSocket::HostLookupState:
        // Qt passes through this state for an address literal too, without looking anything up.
        if (m_hostIsName)
            setState(LookingUp);
        break;
    case QAbstractSocket::ConnectingState: setState(Connecting); break;
    case QAbstractSocket::ConnectedState:
        if (m_options.tls)
            setState(TlsHandshake);
        break;
    default: break;
    }
}

void Client::socketError()
{
    if (!m_socket)
        return;
    const QString where = m_host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(m_host).arg(m_port)
                                                            : QStringLiteral("%1:%2").arg(m_host).arg(m_port);
    Error e = NetworkError;
    QString text;
    switch (m_socket->error()) {
    case QAbstractSocket::ConnectionRefusedError:
        e = ConnectionRefusedError;
        text = tr("Connection to %1 refused: nothing listens on that port.").arg(where);
        break;
    case QAbstractSocket::HostNotFoundError:
        e = HostNotFoundError;
        text = tr("Host \"%1\" was not found.").arg(m_host);
        break;
    case QAbstractSocket::SocketTimeoutError:
        e = TimeoutError;
        text = tr("Connecting to %1 timed out.").arg(where);
        break;
    case QAbstractSocket::SslHandshakeFailedError: {
        e = TlsError;
        QStringList problems;
        for (const QSslError &err : std::as_const(m_tlsErrors))
            problems << err.errorString();
        text = tr("TLS handshake with %1 failed: %2")
                   .arg(where, problems.isEmpty() ? m_socket->errorString() : problems.join(QStringLiteral("; ")));
        break;
    }
    case QAbstractSocket::RemoteHostClosedError:
        e = m_options.tls ? TlsError : NetworkError;
        text = m_options.tls ? tr("%1 closed the connection during the TLS handshake.").arg(where)
                             : tr("%1 closed the connection.").arg(where);
        break;
    default:
        text = tr("Cannot connect to %1: %2").arg(where, m_socket->errorString());
        break;
    }
    dropSocket();
    setError(e, text);
    setState(Closed);
    emit errorOccurred(e);
    scheduleReconnect();
}

void Client::timedOut()
{
    if (!m_socket)
        return;
    const QString where = m_host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(m_host).arg(m_port)
                                                            : QStringLiteral("%1:%2").arg(m_host).arg(m_port);
    dropSocket();
    setError(TimeoutError, tr("Connecting to %1 timed out after %2 s.")
                               .arg(where)
                               .arg(m_options.connectTimeoutMs / 1000.0, 0, 'g', 3));
    setState(Closed);
    emit errorOccurred(m_error);
    scheduleReconnect();
}

void Client::established()
{
    if (!m_socket)
        return;
    m_connectTimer.stop();
    QTcpSocket *s = m_socket;
    m_socket = nullptr;
    s->disconnect(this);
    if (auto *ssl = qobject_cast<QSslSocket *>(s))
        m_peerChain = ssl->peerCertificateChain();
    if (m_options.noDelay)
        s->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_options.keepAlive)
        setKeepAlive(s, m_options.keepAliveIdleSec, m_options.keepAliveIntervalSec);
    if (qobject_cast<QSslSocket *>(s)) {
        m_connection = new Connection(++m_connectionNumber, s, this);
    } else {
        // Plain TCP runs on the descriptor (see Connection): a duplicate keeps the connection while the
        // QTcpSocket closes its own descriptor (a close, no shutdown: the connection stays up).
        const int fd = ::fcntl(int(s->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
        if (fd < 0) {
            const QString text = tr("Cannot take over the connection: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            s->abort();
            s->deleteLater();
            setError(NetworkError, text);
            setState(Closed);
            emit errorOccurred(m_error);
            scheduleReconnect();
            return;
        }
        s->abort();
        s->deleteLater();
        m_connection = new Connection(++m_connectionNumber, fd, this);
    }
    m_connection->setMaxWriteBuffer(m_options.maxWriteBuffer);
    m_connection->onRead = [this](Connection *c, const QByteArray &data, qint64 timeMs) {
        m_counters.rxBytes += quint64(data.size());
        ++m_counters.rxReads;
        m_batcher->add(Chunk{c->id(), Direction::Received, c->peerAddress(), c->peerPort(), timeMs, data});
    };
    m_connection->onWritten = [this](Connection *, qint64 bytes) {
        m_counters.txBytes += quint64(bytes);
        emit bytesWritten(bytes);
    };
    m_connection->onClosed = [this](Connection *) { connectionClosed(); };
    m_connection->onPeerFin = [this](Connection *) {
        m_batcher->flush();
        emit halfClosedByPeer();
    };
    m_reconnectDelayMs = qMax(1, m_options.reconnectInitialMs);
    m_wasConnected = true;
    setState(Connected);
    emit connected();
}

void Client::connectionClosed()
{
    Connection *c = m_connection;
    m_connection = nullptr;
    c->onClosed = nullptr;
    c->onRead = nullptr;
    c->deleteLater();
    m_batcher->flush();
    const QString where = displayEndpoint(c->peerAddress(), c->peerPort());
    Error e = NoError;
    QString text;
    switch (c->closeReason()) {
    case Connection::CloseReason::ResetByPeer:
        e = ConnectionResetError;
        text = tr("%1 reset the connection.").arg(where);
        break;
    case Connection::CloseReason::Failed:
        e = qobject_cast<QSslSocket *>(c->socket()) ? TlsError : NetworkError;
        text = tr("Connection to %1 failed: %2").arg(where, c->errorString());
        break;
    default:
        break;
    }
    setError(e, text);   // NoError for a clean close: error() tells the two apart after disconnected()
    setState(Closed);
    if (e != NoError)
        emit errorOccurred(e);
    emit disconnected();
    scheduleReconnect();
}

void Client::scheduleReconnect()
{
    if (!m_options.autoReconnect || m_userClosed || m_host.isEmpty())
        return;
    const int delay = m_reconnectDelayMs;
    m_reconnectDelayMs = qMin(qMax(1, m_options.reconnectMaxMs), m_reconnectDelayMs * 2);
    m_reconnectTimer.start(delay);
    emit reconnectScheduled(delay);
}

void Client::disconnectFromHost()
{
    m_userClosed = true;
    m_reconnectTimer.stop();
    if (m_connection) {
        setState(Closing);
        m_connection->close();
    } else if (m_socket) {
        dropSocket();
        setState(Closed);
    }
}

void Client::abort()
{
    m_userClosed = true;
    m_reconnectTimer.stop();
    if (m_connection) {
        m_connection->abort();
    } else if (m_socket) {
        dropSocket();
        setState(Closed);
    }
}

void Client::shutdownWrite()
{
    if (m_connection)
        m_connection->shutdownWrite();
}

bool Client::send(const QByteArray &data)
{
    if (!m_connection || !m_connection->isOpen() || m_connection->writeShutDown()) {
        setError(NotConnectedError, tr("Not sent: not connected."));
        return false;
    }
    if (!m_connection->send(data)) {
        setError(WriteBufferFullError,
                 tr("Not sent: %1 bytes already wait to be written to %2, which is not reading (at most %3 bytes "
                    "wait).")
                     .arg(m_connection->bytesToWrite())
                     .arg(displayEndpoint(m_connection->peerAddress(), m_connection->peerPort()))
                     .arg(m_connection->maxWriteBuffer()));
        emit errorOccurred(m_error);
        return false;
    }
    if (!data.isEmpty())
        m_batcher->add(Chunk{m_connection->id(), Direction::Sent, m_connection->peerAddress(),
                             m_connection->peerPort(), QDateTime::currentMSecsSinceEpoch(), data});
    return true;
}

qint64 Client::bytesToWrite() const
{
    return m_connection ? m_connection->bytesToWrite() : 0;
}

QHostAddress Client::localAddress() const
{
    return m_connection ? m_connection->localAddress() : m_socket ? m_socket->localAddress() : QHostAddress();
}

quint16 Client::localPort() const
{
    return m_connection ? m_connection->localPort() : m_socket ? m_socket->localPort() : 0;
}

QHostAddress Client::peerAddress() const
{
    return m_connection ? m_connection->peerAddress() : QHostAddress();
}

quint16 Client::peerPort() const
{
    return m_connection ? m_connection->peerPort() : 0;
}

qintptr Client::socketDescriptor() const
{
    return m_connection && m_connection->isOpen() ? m_connection->descriptor() : -1;
}

bool Client::isEncrypted() const
{
    return m_connection && m_connection->isEncrypted();
}

void Client::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Client::setError(Error error, const QString &text)
{
    m_error = error;
    m_errorString = text;
}

} // namespace NetPoke::Tcp
