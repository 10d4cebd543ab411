#pragma once

#include "tcpchunk.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>

class QTcpSocket;

namespace NetPoke::Tcp {

class Connection;
class ChunkBatcher;

// Options of a TCP client connection; applied at the next connectToHost().
struct ClientOptions
{
    QHostAddress bindAddress;            // null: the system chooses the local address
    quint16 bindPort = 0;                // 0: the system chooses
    int connectTimeoutMs = 10000;        // looking up + connecting (+ TLS handshake); 0: no limit
    bool noDelay = false;                // TCP_NODELAY: small writes leave at once (Nagle off)
    bool keepAlive = false;              // SO_KEEPALIVE with the times below
    int keepAliveIdleSec = 60;           // TCP_KEEPIDLE
    int keepAliveIntervalSec = 10;       // TCP_KEEPINTVL
    bool autoReconnect = false;          // after a failure or a close not asked for, connect again
    int reconnectInitialMs = 1000;       // first wait; doubled after each failed attempt ...
    int reconnectMaxMs = 30000;          // ... up to this
    bool tls = false;                    // TLS (QSslSocket) right after the TCP connection
    bool ignoreTlsErrors = false;        // accept any certificate: only when the user chose so explicitly
    QString tlsPeerName;                 // the name the certificate must match; empty: the host as given
    QList<QSslCertificate> caCertificates;   // trusted in addition to the system's
    qint64 maxWriteBuffer = 4 * 1024 * 1024; // see Connection::setMaxWriteBuffer
    int batchIntervalMs = 30;            // see chunksReady(); 0: one list per read
};

// A TCP client connection over QTcpSocket (QSslSocket with tls), driven by the event loop only.
// Usage: setOptions(), connectToHost(host, port); send() once connected(); data arrives in chunksReady();
// stateChanged() follows the socket (looking up, connecting, TLS handshake, connected, closing, closed);
// errors are an Error plus errorString() in plain words. A name is looked up only when a name is given.
class Client final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Client)

public:
    enum State { Closed, LookingUp, Connecting, TlsHandshake, Connected, Closing };
    Q_ENUM(State)
    enum Error {
        NoError,
        InvalidInputError,        // the host or port given is not valid (errorString says why)
        ConnectionRefusedError,   // nothing listens there
        TimeoutError,             // connectTimeoutMs passed
        HostNotFoundError,
        ConnectionResetError,     // the peer reset the connection
        NetworkError,             // unreachable network, ...
        BindError,                // the local address/port could not be used
        TlsError,                 // handshake failed, or certificate errors not ignored (see tlsErrors())
        WriteBufferFullError,     // send(): the peer does not read; nothing was queued
        NotConnectedError,        // send() without a connection
        UnknownError,
    };
    Q_ENUM(Error)

    explicit Client(QObject *parent = nullptr);
    ~Client() override;

    void setOptions(const ClientOptions &options) { m_options = options; }
    const ClientOptions &options() const { return m_options; }

    // Starts connecting (closing any current connection first). host: an address literal (IPv4, IPv6
    // with or without brackets) or a name. False, with InvalidInputError, when host or port is not valid.
    bool connectToHost(const QString &host, quint16 port);
    // Graceful close: what is queued is written first. Stops auto-reconnect.
    void disconnectFromHost();
    // At once, queued bytes dropped. Stops auto-reconnect.
    void abort();
    // Half-close: FIN after the queued bytes, reading continues until the peer closes.
    void shutdownWrite();

    // Queues data (and reports it as a Sent chunk). False when not connected (NotConnectedError) or the write
    // buffer is full (WriteBufferFullError); nothing is queued then.
    bool send(const QByteArray &data);
    qint64 bytesToWrite() const;

    State state() const { return m_state; }
    bool isConnected() const { return m_state == Connected; }
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    QHostAddress localAddress() const;
    quint16 localPort() const;
    QHostAddress peerAddress() const;
    quint16 peerPort() const;
    quint64 connectionNumber() const { return m_connectionNumber; }
    bool isEncrypted() const;
    // The connected socket's descriptor (for options Qt has no API for); -1 when not connected.
    qintptr socketDescriptor() const;
    // The peer's certificate chain (TLS, after the handshake or after a failed one).
    QList<QSslCertificate> peerCertificateChain() const { return m_peerChain; }
    QList<QSslError> tlsErrors() const { return m_tlsErrors; }

    Counters counters() const { return m_counters; }   // summed over all connections since resetCounters()
    void resetCounters() { m_counters = {}; }

    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }

    void setBatchInterval(int ms);

signals:
    void stateChanged(NetPoke::Tcp::Client::State state);
    void connected();                  // TCP established (and TLS encrypted when tls is on)
    void disconnected();               // the connection ended (see error() when it was a failure)
    // Plain TCP: the peer sent FIN (it sends no more); what is queued is still written, then it closes.
    void halfClosedByPeer();
    void errorOccurred(NetPoke::Tcp::Client::Error error);
    void chunksReady(const QList<NetPoke::Tcp::Chunk> &chunks);  // reads and sends, in order
    void bytesWritten(qint64 bytes);
    // Certificate problems found in the handshake: with ignoreTlsErrors they are reported and ignored,
    // otherwise the connection fails with TlsError.
    void tlsErrorsOccurred(const QList<QSslError> &errors);
    void reconnectScheduled(int delayMs);

private:
    void setState(State state);
    void setError(Error error, const QString &text);
    void socketStateChanged();
    void socketError();
    void established();
    void connectionClosed();
    void scheduleReconnect();
    void startAttempt();
    void timedOut();
    void dropSocket();

    ClientOptions m_options;
    QString m_host;
    quint16 m_port = 0;
    bool m_hostIsName = false;
    QTcpSocket *m_socket = nullptr;        // while connecting
    Connection *m_connection = nullptr;    // once connected
    ChunkBatcher *m_batcher = nullptr;
    QTimer m_connectTimer;
    QTimer m_reconnectTimer;
    int m_reconnectDelayMs = 0;
    bool m_userClosed = false;
    bool m_wasConnected = false;
    quint64 m_connectionNumber = 0;
    State m_state = Closed;
    Error m_error = NoError;
    QString m_errorString;
    QList<QSslCertificate> m_peerChain;
    QList<QSslError> m_tlsErrors;
    Counters m_counters;
};

} // namespace NetPoke::Tcp
