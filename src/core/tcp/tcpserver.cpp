#include "tcpserver.h"

#include "hostport.h"
#include "tcpconnection.h"
#include "tcpsocketoptions.h"

#include <QDateTime>
#include <QFile>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>

#include <functional>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace NetPoke::Tcp {

// QTcpServer that wraps accepted descriptors in a QSslSocket (server mode) when a certificate is set.
class TlsTcpServer final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;
    const QList<QSslCertificate> *certificates = nullptr;
    const QSslKey *key = nullptr;
    std::function<void(int)> onPlain;   // plain TCP: the accepted descriptor, taken over

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (!certificates || certificates->isEmpty()) {
            onPlain(int(descriptor));
            return;
        }
        auto *ssl = new QSslSocket(this);
        if (!ssl->setSocketDescriptor(descriptor)) {
            delete ssl;
            return;
        }
        ssl->setLocalCertificateChain(*certificates);
        ssl->setPrivateKey(*key);
        ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
        addPendingConnection(ssl);
        ssl->startServerEncryption();
    }
};

Server::Server(QObject *parent)
    : QObject(parent)
    , m_batcher(new ChunkBatcher([this](const QList<Chunk> &chunks) { emit chunksReady(chunks); }, this))
{
    qRegisterMetaType<NetPoke::Tcp::Chunk>();
    qRegisterMetaType<QList<NetPoke::Tcp::Chunk>>();
    qRegisterMetaType<NetPoke::Tcp::ConnectionInfo>();
    raiseOpenFileLimit();
}

Server::~Server()
{
    for (auto &[id, c] : m_connections)
        c->onClosed = nullptr;
}

bool Server::listen(const QHostAddress &address, quint16 port)
{
    close();
    m_server = new TlsTcpServer(this);
    // Qt's default backlog is 50: a burst of connections (a class connecting at once, a load test) overflows
    // it and every dropped handshake waits a second for the client's retry. The kernel caps it at somaxconn.
    m_server->setListenBacklogSize(ListenBacklog);
    return finishListen(m_server->listen(address, port), address, port);
}

bool Server::listenAny(quint16 port)
{
    return listen(QHostAddress::Any, port);
}

bool Server::finishListen(bool ok, const QHostAddress &address, quint16 port)
{
    if (!ok) {
        const QString where = displayEndpoint(address, port);
        switch (m_server->serverError()) {
        case QAbstractSocket::AddressInUseError:
            setError(AddressInUseError, tr("Port %1 is already in use (%2).").arg(port).arg(where));
            break;
        case QAbstractSocket::SocketAccessError:
            setError(AccessDeniedError, port != 0 && port < 1024
                         ? tr("Ports below 1024 need administrator rights.")
                         : tr("The system refused to open %1: %2").arg(where, m_server->errorString()));
            break;
        case QAbstractSocket::SocketAddressNotAvailableError:
            setError(AddressNotAvailableError, tr("%1 is not an address of this machine.").arg(displayAddress(address)));
            break;
        default:
            setError(UnknownError, tr("Cannot listen on %1: %2").arg(where, m_server->errorString()));
            break;
        }
        delete m_server;
        m_server = nullptr;
        emit errorOccurred(m_error);
        return false;
    }
    m_server->certificates = &m_certificates;
    m_server->key = &m_key;
    m_server->onPlain = [this](int fd) { acceptPlain(fd); };
    m_server->setMaxPendingConnections(1024);
    m_error = NoError;
    m_errorString.clear();
    connect(m_server, &QTcpServer::newConnection, this, &Server::acceptPending);
    emit listeningChanged(true);
    return true;
}

void Server::close()
{
    if (!m_server && m_connections.empty())
        return;
    const auto all = m_connections;
    for (auto &[id, c] : all)
        c->abort();
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
        emit listeningChanged(false);
    }
}

bool Server::isListening() const
{
    return m_server && m_server->isListening();
}

QHostAddress Server::serverAddress() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

quint16 Server::serverPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

bool Server::setTlsCertificate(const QString &certificatePemPath, const QString &keyPemPath)
{
    QFile certFile(certificatePemPath);
    if (!certFile.open(QIODevice::ReadOnly)) {
        setError(TlsSetupError, tr("Cannot read the certificate %1: %2").arg(certificatePemPath, certFile.errorString()));
        return false;
    }
    const QList<QSslCertificate> certs = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (certs.isEmpty() || certs.constFirst().isNull()) {
        setError(TlsSetupError, tr("%1 holds no PEM certificate.").arg(certificatePemPath));
        return false;
    }
    QFile keyFile(keyPemPath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        setError(TlsSetupError, tr("Cannot read the private key %1: %2").arg(keyPemPath, keyFile.errorString()));
        return false;
    }
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm alg : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        key = QSslKey(keyPem, alg, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        setError(TlsSetupError, tr("%1 holds no unencrypted PEM private key (EC, RSA or DSA).").arg(keyPemPath));
        return false;
    }
    m_certificates = certs;
    m_key = key;
    return true;
}

void Server::clearTls()
{
    m_certificates.clear();
    m_key = QSslKey();
}

void Server::setEcho(bool echo)
{
    m_echo = echo;
    for (auto &[id, c] : m_connections)
        c->setEcho(echo);
}

void Server::setBatchInterval(int ms)
{
    m_batcher->setInterval(ms);
}

bool Server::refuseOverCap(const QHostAddress &peer, quint16 peerPort)
{
    if (int(m_connections.size()) < m_maxConnections)
        return false;
    emit connectionRefused(peer, peerPort,
                           tr("Connection from %1 refused: the limit of %2 connections is reached.")
                               .arg(displayEndpoint(peer, peerPort))
                               .arg(m_maxConnections));
    return true;
}

void Server::acceptPlain(int fd)
{
    if (int(m_connections.size()) >= m_maxConnections) {
        sockaddr_storage sa{};
        socklen_t len = sizeof sa;
        QHostAddress peer;
        quint16 peerPort = 0;
        if (::getpeername(fd, reinterpret_cast<sockaddr *>(&sa), &len) == 0) {
            peer = QHostAddress(reinterpret_cast<const sockaddr *>(&sa));
            peerPort = ntohs(sa.ss_family == AF_INET6 ? reinterpret_cast<const sockaddr_in6 *>(&sa)->sin6_port
                                                      : reinterpret_cast<const sockaddr_in *>(&sa)->sin_port);
        }
        ::close(fd);
        refuseOverCap(peer, peerPort);
        return;
    }
    if (m_noDelay) {
        const int on = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    }
    adopt(new Connection(m_nextId++, fd, this));
}

void Server::acceptPending()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *s = m_server->nextPendingConnection();
        if (!s)
            break;
        if (int(m_connections.size()) >= m_maxConnections) {
            const QHostAddress peer = s->peerAddress();
            const quint16 peerPort = s->peerPort();
            s->abort();
            s->deleteLater();
            refuseOverCap(peer, peerPort);
            continue;
        }
        if (m_noDelay)
            s->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto *c = new Connection(m_nextId++, s, this);
        if (auto *ssl = qobject_cast<QSslSocket *>(s)) {
            const quint64 id = c->id();
            connect(ssl, &QSslSocket::sslErrors, this, [this, id](const QList<QSslError> &errors) {
                emit tlsErrorsOccurred(id, errors);
            });
        }
        adopt(c);
    }
}

void Server::adopt(Connection *c)
{
    c->setMaxWriteBuffer(m_maxWriteBuffer);
    c->setEcho(m_echo);
    c->setCloseAfterPeerFin(m_closeAfterPeerFin);
    c->onRead = [this](Connection *conn, const QByteArray &data, qint64 timeMs) {
        m_counters.rxBytes += quint64(data.size());
        ++m_counters.rxReads;
        m_batcher->add(Chunk{conn->id(), Direction::Received, conn->peerAddress(), conn->peerPort(), timeMs, data});
    };
    c->onWritten = [this](Connection *conn, qint64 bytes) {
        m_counters.txBytes += quint64(bytes);
        emit bytesWritten(conn->id(), bytes);
    };
    c->onClosed = [this](Connection *conn) { connectionEnded(conn); };
    c->onPeerFin = [this](Connection *conn) {
        m_batcher->flush();
        emit halfClosedByPeer(conn->id());
    };
    m_connections.emplace(c->id(), c);
    emit connectionOpened(infoOf(c));
}

void Server::setCloseAfterPeerFin(bool on)
{
    m_closeAfterPeerFin = on;
    for (auto &[id, c] : m_connections)
        c->setCloseAfterPeerFin(on);
}

void Server::shutdownWrite(quint64 id)
{
    const auto it = m_connections.find(id);
    if (it != m_connections.end())
        it->second->shutdownWrite();
}

void Server::connectionEnded(Connection *c)
{
    m_batcher->flush();
    m_connections.erase(c->id());
    QString reason;
    switch (c->closeReason()) {
    case Connection::CloseReason::ClosedByPeer: reason = tr("closed by the peer"); break;
    case Connection::CloseReason::ResetByPeer: reason = tr("reset by the peer"); break;
    case Connection::CloseReason::ClosedHere: reason = tr("closed here"); break;
    case Connection::CloseReason::Failed: reason = c->errorString(); break;
    }
    const ConnectionInfo info = infoOf(c);
    c->onRead = nullptr;
    c->onClosed = nullptr;
    c->deleteLater();
    emit connectionClosed(info, reason);
}

ConnectionInfo Server::infoOf(const Connection *c) const
{
    ConnectionInfo info;
    info.id = c->id();
    info.peer = c->peerAddress();
    info.peerPort = c->peerPort();
    info.sinceMs = c->sinceMs();
    info.rxBytes = c->counters().rxBytes;
    info.txBytes = c->counters().txBytes;
    info.bytesToWrite = c->isOpen() ? c->bytesToWrite() : 0;
    info.encrypted = c->isEncrypted();
    info.peerFinished = c->peerFinished();
    return info;
}

QList<ConnectionInfo> Server::connections() const
{
    QList<ConnectionInfo> list;
    list.reserve(qsizetype(m_connections.size()));
    for (const auto &[id, c] : m_connections)
        list.append(infoOf(c));
    return list;
}

bool Server::hasConnection(quint64 id) const
{
    return m_connections.count(id) != 0;
}

ConnectionInfo Server::connection(quint64 id) const
{
    const auto it = m_connections.find(id);
    return it == m_connections.end() ? ConnectionInfo() : infoOf(it->second);
}

bool Server::send(quint64 id, const QByteArray &data)
{
    const auto it = m_connections.find(id);
    if (it == m_connections.end())
        return false;
    Connection *c = it->second;
    if (!c->send(data)) {
        if (c->isOpen())
            emit writeBufferFull(id, tr("Not sent to %1: %2 bytes already wait to be written and it is not reading "
                                        "(at most %3 bytes wait per connection).")
                                         .arg(displayEndpoint(c->peerAddress(), c->peerPort()))
                                         .arg(c->bytesToWrite())
                                         .arg(c->maxWriteBuffer()));
        return false;
    }
    if (!data.isEmpty())
        m_batcher->add(Chunk{id, Direction::Sent, c->peerAddress(), c->peerPort(), QDateTime::currentMSecsSinceEpoch(), data});
    return true;
}

int Server::send(const QList<quint64> &ids, const QByteArray &data)
{
    int n = 0;
    for (const quint64 id : ids)
        n += send(id, data) ? 1 : 0;
    return n;
}

int Server::sendToAll(const QByteArray &data)
{
    QList<quint64> ids;
    for (const auto &[id, c] : m_connections)
        ids.append(id);
    return send(ids, data);
}

void Server::disconnectClient(quint64 id)
{
    const auto it = m_connections.find(id);
    if (it != m_connections.end())
        it->second->close();
}

void Server::abortClient(quint64 id)
{
    const auto it = m_connections.find(id);
    if (it != m_connections.end())
        it->second->abort();
}

void Server::disconnectAll()
{
    QList<quint64> ids;
    for (const auto &[id, c] : m_connections)
        ids.append(id);
    for (const quint64 id : ids)
        disconnectClient(id);
}

void Server::setError(Error error, const QString &text)
{
    m_error = error;
    m_errorString = text;
}

} // namespace NetPoke::Tcp
