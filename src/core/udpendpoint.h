#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QNetworkInterface>
#include <QObject>
#include <QTimer>

namespace NetPoke::Net {
class DatagramSocket;
}

namespace NetPoke {

struct Datagram
{
    QByteArray data;
    QHostAddress peer;
    quint16 peerPort = 0;
    qint64 timestampMs = 0;   // ms since epoch
};

struct UdpCounters
{
    quint64 rxPackets = 0;
    quint64 rxBytes = 0;
    quint64 txPackets = 0;
    quint64 txBytes = 0;
};

// One UDP socket (a Net::DatagramSocket): bind/close/send, multicast, counters, and a batched receive signal so
// that a flood reaches the GUI as a few large batches instead of one signal per datagram. Error texts state
// what happened; the GUI and CLI add advice for the error() they show.
class UdpEndpoint final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpEndpoint)

public:
    enum Error {
        NoError,
        AddressInUseError,
        AccessDeniedError,
        AddressNotAvailableError,
        HostNotFoundError,
        DatagramTooLargeError,
        BroadcastNotEnabledError,
        SendError,
        MulticastError,
        PortUnreachableError,
        AddressFamilyError,         // an IPv4-only socket and an IPv6 destination, or the reverse
        UnknownError,
    };
    Q_ENUM(Error)

    static constexpr int MaxIPv4Payload = 65507;
    static constexpr int MaxIPv6Payload = 65527;

    explicit UdpEndpoint(QObject *parent = nullptr);
    ~UdpEndpoint() override;

    // port 0: the system chooses (see localPort()). shareAddress: SO_REUSEADDR, for multicast or a
    // second listener on the same port.
    bool bind(const QHostAddress &address, quint16 port, bool shareAddress = false);
    // All addresses: :: dual-stack, or 0.0.0.0 where the system has no IPv6.
    bool bindAny(quint16 port, bool shareAddress = false);
    void close();
    bool isBound() const;
    QHostAddress localAddress() const;
    quint16 localPort() const;

    // Sends one datagram; binds an ephemeral port first if needed. Returns false (and sets the error)
    // when the datagram cannot be sent. datagramSent() is emitted for every datagram that left.
    bool send(const QByteArray &data, const QHostAddress &address, quint16 port);
    // Same, to a host name or address text; names are resolved asynchronously (QHostInfo), and the
    // datagram is sent when the answer comes. Returns false only for an immediate failure.
    bool send(const QByteArray &data, const QString &host, quint16 port);

    // SO_BROADCAST, applied now if bound and after every bind. Read back from the socket.
    void setBroadcastEnabled(bool enabled);
    bool broadcastEnabled() const;

    bool joinMulticastGroup(const QHostAddress &group, const QNetworkInterface &iface = QNetworkInterface());
    bool leaveMulticastGroup(const QHostAddress &group, const QNetworkInterface &iface = QNetworkInterface());
    // Outgoing multicast interface, TTL (hop limit) and loopback; applied now and after every bind.
    void setMulticastInterface(const QNetworkInterface &iface);
    void setMulticastTtl(int ttl);
    void setMulticastLoopback(bool enabled);
    int multicastTtl() const;

    // Requested SO_RCVBUF in bytes (the kernel may cap it); 0 keeps the system default.
    void setReceiveBufferSize(int bytes);
    int receiveBufferSize() const;

    // Longest time datagrams wait before datagramsReceived() (0: after every read of the socket).
    void setBatchInterval(int ms);
    int batchInterval() const { return m_batchIntervalMs; }

    UdpCounters counters() const { return m_counters; }
    void resetCounters();

    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }

signals:
    void datagramsReceived(const QList<NetPoke::Datagram> &datagrams);
    void datagramSent(const NetPoke::Datagram &datagram);
    void errorOccurred(NetPoke::UdpEndpoint::Error error);
    void boundChanged(bool bound);
    // ICMP port unreachable for a datagram sent to address:port: nothing listens there.
    void portUnreachable(const QHostAddress &address, quint16 port);

private:
    void readPending();
    void readIcmpErrors();
    void flushBatch();
    void applySocketOptions();
    void setError(Error error, const QString &text);
    bool ensureBound(QAbstractSocket::NetworkLayerProtocol protocol);
    bool finishBind(bool ok, const QHostAddress &address, quint16 port);

    Net::DatagramSocket *m_socket = nullptr;
    QList<Datagram> m_batch;
    QTimer m_batchTimer;
    QElapsedTimer m_sinceFlush;
    int m_batchIntervalMs = 30;
    UdpCounters m_counters;
    Error m_error = NoError;
    QString m_errorString;
    bool m_broadcast = false;
    int m_multicastTtl = -1;
    int m_multicastLoopback = -1;
    QNetworkInterface m_multicastInterface;
    int m_receiveBufferSize = 0;
};

} // namespace NetPoke

Q_DECLARE_METATYPE(NetPoke::Datagram)
