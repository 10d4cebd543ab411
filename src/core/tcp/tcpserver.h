#pragma once

#include "tcpchunk.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QSslKey>

#include <map>

namespace NetPoke::Tcp {

class Connection;
class ChunkBatcher;
class TlsTcpServer;

// One row of the server's connection table.
struct ConnectionInfo
{
    quint64 id = 0;               // unique for the server's lifetime, from 1
    QHostAddress peer;
    quint16 peerPort = 0;
    qint64 sinceMs = 0;           // accepted at (ms since the epoch)
    quint64 rxBytes = 0;
    quint64 txBytes = 0;          // written to the system
    qint64 bytesToWrite = 0;      // queued, not yet written
    bool encrypted = false;
    bool peerFinished = false;    // the peer sent FIN (half-close): it sends no more
};

// A TCP server over QTcpServer (TLS with the user's PEM certificate and key), driven by the event loop only.
// listen(); accepted connections get ids; data arrives in chunksReady() (one Chunk per read, batched);
// send to one, some or all; disconnect one or all. Above maxConnections() a new connection is accepted and
// closed at once, and connectionRefused() says why. Every connection's write buffer is bounded: send()
// refuses (for that connection only) when the peer does not read, and says so in writeBufferFull().
class Server final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Server)

public:
    enum Error { NoError, AddressInUseError, AccessDeniedError, AddressNotAvailableError, TlsSetupError,
                 UnknownError };
    Q_ENUM(Error)
    static constexpr int DefaultMaxConnections = 1000;
    static constexpr qint64 DefaultMaxWriteBuffer = 1024 * 1024;
    static constexpr int ListenBacklog = 4096;

    explicit Server(QObject *parent = nullptr);
    ~Server() override;

    // port 0: the system chooses (serverPort()). False with the error set when it cannot listen.
    bool listen(const QHostAddress &address, quint16 port);
    // All addresses: :: dual-stack, or 0.0.0.0 where the system has no IPv6.
    bool listenAny(quint16 port);
    // Stops listening and aborts every connection.
    void close();
    bool isListening() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;

    // TLS for the connections accepted from now on: PEM files of the certificate (chain) and its private key.
    // False (TlsSetupError, errorString says which file and why) when they cannot be read.
    bool setTlsCertificate(const QString &certificatePemPath, const QString &keyPemPath);
    void clearTls();
    bool tlsEnabled() const { return !m_certificates.isEmpty(); }

    void setMaxConnections(int n) { m_maxConnections = qMax(0, n); }
    int maxConnections() const { return m_maxConnections; }
    // Per connection: see Connection::setMaxWriteBuffer. Applies to connections accepted from now on.
    void setMaxWriteBuffer(qint64 bytes) { m_maxWriteBuffer = qMax<qint64>(1, bytes); }
    qint64 maxWriteBuffer() const { return m_maxWriteBuffer; }
    // Echo: each connection writes back what it reads (counted as sent, not reported as Sent chunks). A peer
    // that does not read its echo is no longer read from until the echo drained (no byte dropped).
    void setEcho(bool echo);
    bool echo() const { return m_echo; }
    void setNoDelay(bool on) { m_noDelay = on; }
    // Plain TCP: a connection whose peer sent FIN (half-close, halfClosedByPeer()) closes once what is queued
    // for it is written (true, the default); false keeps it open for send() until shutdownWrite(id) or
    // disconnectClient(id). Applies to all connections.
    void setCloseAfterPeerFin(bool on);
    bool closeAfterPeerFin() const { return m_closeAfterPeerFin; }
    void setBatchInterval(int ms);

    QList<ConnectionInfo> connections() const;      // by id
    bool hasConnection(quint64 id) const;
    ConnectionInfo connection(quint64 id) const;
    int connectionCount() const { return int(m_connections.size()); }

    // Queues data on one connection; false when it is gone or its write buffer is full (writeBufferFull()).
    bool send(quint64 id, const QByteArray &data);
    // To several / to all: the number of connections that queued it.
    int send(const QList<quint64> &ids, const QByteArray &data);
    int sendToAll(const QByteArray &data);
    void shutdownWrite(quint64 id);          // FIN after the queued bytes; the connection still reads
    void disconnectClient(quint64 id);       // graceful (queued bytes are written first)
    void abortClient(quint64 id);            // at once
    void disconnectAll();

    Counters counters() const { return m_counters; }   // all connections since listen()/resetCounters()
    void resetCounters() { m_counters = {}; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }

signals:
    void connectionOpened(const NetPoke::Tcp::ConnectionInfo &info);
    // reason in plain words: "closed by the peer", "reset by the peer", "closed here", or the error.
    void connectionClosed(const NetPoke::Tcp::ConnectionInfo &info, const QString &reason);
    // Over the cap (accepted and closed at once), or a TLS handshake that failed; reason says which.
    void connectionRefused(const QHostAddress &peer, quint16 peerPort, const QString &reason);
    void chunksReady(const QList<NetPoke::Tcp::Chunk> &chunks);
    // Plain TCP: the peer sent FIN (it sends no more); what is queued for it is still written.
    void halfClosedByPeer(quint64 id);
    void writeBufferFull(quint64 id, const QString &message);
    void bytesWritten(quint64 id, qint64 bytes);   // handed to the system (counted in txBytes)
    void tlsErrorsOccurred(quint64 id, const QList<QSslError> &errors);
    void errorOccurred(NetPoke::Tcp::Server::Error error);
    void listeningChanged(bool listening);

private:
    bool finishListen(bool ok, const QHostAddress &address, quint16 port);
    void acceptPending();
    void acceptPlain(int fd);
    void adopt(Connection *c);
    bool refuseOverCap(const QHostAddress &peer, quint16 peerPort);
    void connectionEnded(Connection *c);
    ConnectionInfo infoOf(const Connection *c) const;
    void setError(Error error, const QString &text);

    TlsTcpServer *m_server = nullptr;
    std::map<quint64, Connection *> m_connections;
    ChunkBatcher *m_batcher = nullptr;
    quint64 m_nextId = 1;
    int m_maxConnections = DefaultMaxConnections;
    qint64 m_maxWriteBuffer = DefaultMaxWriteBuffer;
    bool m_echo = false;
    bool m_noDelay = false;
    bool m_closeAfterPeerFin = true;
    QList<QSslCertificate> m_certificates;
    QSslKey m_key;
    Counters m_counters;
    Error m_error = NoError;
    QString m_errorString;
};

} // namespace NetPoke::Tcp

Q_DECLARE_METATYPE(NetPoke::Tcp::ConnectionInfo)
