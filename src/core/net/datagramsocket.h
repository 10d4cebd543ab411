#pragma once

#include "icmperrors.h"
#include "socketaddress.h"

#include <QAbstractSocket>
#include <QHostAddress>
#include <QList>
#include <QNetworkInterface>
#include <QObject>
#include <QVariant>

class QSocketNotifier;
class QUdpSocket;

namespace NetPoke::Net {

// One datagram of a batch receive, in a buffer the caller owns.
struct ReceiveSlot
{
    char *data = nullptr;        // where the datagram lands (after head, if given)
    qsizetype capacity = 0;
    char *head = nullptr;        // optional: the datagram's first headCapacity bytes land here instead
    qsizetype headCapacity = 0;
    // Filled in by receive():
    qsizetype size = 0;          // the datagram's real size, larger than head + data room when cut off
    SocketAddress sender;

    qsizetype room() const { return headCapacity + capacity; }
    bool truncated() const { return size > room(); }
};

// The datagram engine every UDP user shares: it owns a QUdpSocket (bind, state, local address, multicast,
// Qt's errors) and, on Linux, uses its descriptor for the fast paths: batch receive with recvmmsg into the
// caller's buffers, sendto a SocketAddress, ICMP reports through IP_RECVERR, receive buffer sizing and an
// explicit SO_BROADCAST. Elsewhere the same API runs on QUdpSocket's own calls.
//
// Wake-ups: readyRead() is emitted once per wake-up; call receive() until it returns fewer datagrams than
// asked for (or stop early: the socket stays readable and wakes again). On Linux the engine watches the
// descriptor with its own QSocketNotifier and keeps QUdpSocket's notifier off, so a wake-up costs one
// recvmmsg and nothing else (QUdpSocket would peek first, and stays silent until read through Qt).
// A wake-up in which receive() found no datagram reads the ICMP error queue (it keeps the descriptor
// readable until read); reports found then, or while receiving or sending, are announced by
// icmpErrorsReceived().
class DatagramSocket final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatagramSocket)

public:
    enum Error {
        NoError,
        AddressInUseError,
        AccessDeniedError,          // bind: a privileged port; send: a broadcast address without SO_BROADCAST
        AddressNotAvailableError,   // bind: not an address of this machine
        UnsupportedError,           // e.g. no IPv6 on this machine
        DatagramTooLargeError,
        NetworkError,               // send: no route, network down
        TemporaryError,             // send: the send buffer is full (EAGAIN, ENOBUFS)
        ConnectionRefusedError,     // an ICMP report came back as the result of a call
        NotBoundError,
        UnknownError,
    };
    Q_ENUM(Error)

    explicit DatagramSocket(QObject *parent = nullptr);
    ~DatagramSocket() override;

    // Binds address:port (port 0: the system chooses) with Qt's bind flags. On failure: false, error()
    // and errorString() set, errorOccurred() emitted. An already bound socket is closed first.
    bool bind(const QHostAddress &address, quint16 port,
              QAbstractSocket::BindMode mode = QAbstractSocket::DefaultForPlatform);
    // Binds the any-address of family. AnyIPProtocol: :: dual-stack (IPv4 and IPv6 peers on one socket),
    // and where the system has no IPv6, 0.0.0.0. IPv4Protocol / IPv6Protocol: that family only.
    bool bindAny(quint16 port = 0, QAbstractSocket::NetworkLayerProtocol family = QAbstractSocket::AnyIPProtocol,
                 QAbstractSocket::BindMode mode = QAbstractSocket::DefaultForPlatform);
    void close();

    QAbstractSocket::SocketState state() const;
    bool isBound() const { return state() == QAbstractSocket::BoundState; }
    QHostAddress localAddress() const;
    quint16 localPort() const;
    // The family of the descriptor: IPv6Protocol for :: (dual-stack) too.
    QAbstractSocket::NetworkLayerProtocol socketFamily() const { return m_family; }
    qintptr descriptor() const;

    // Up to count datagrams into into[0, count), without blocking. Returns how many arrived (0 when none
    // is waiting), or -1 with error() set. Each slot's size is the datagram's real size, also when it
    // did not fit (then only room() bytes were kept).
    int receive(ReceiveSlot *into, int count);
    // One datagram to `to`; an IPv4 destination of a dual-stack socket is sent as ::ffff:a.b.c.d. Returns
    // the bytes sent, or -1 with error() set and errorOccurred() emitted.
    qint64 sendTo(const char *data, qsizetype size, const SocketAddress &to);

    // ICMP reports (Linux, IP_RECVERR): on by default after every bind.
    void setIcmpErrorsEnabled(bool enabled);
    bool icmpErrorsEnabled() const { return m_icmpEnabled; }
    // The reports collected so far, and any still queued in the kernel; clears them.
    QList<IcmpError> takeIcmpErrors();

    // SO_RCVBUF as the kernel takes it (it doubles the value for its bookkeeping); past the system's cap
    // (net.core.rmem_max) SO_RCVBUFFORCE is tried, which needs CAP_NET_ADMIN. Returns the size read
    // back, 0 if unknown. Applied now when bound, and after every later bind.
    int setReceiveBufferSize(int bytes);
    int receiveBufferSize() const;

    // SO_BROADCAST: Qt turns it on for every UDP socket; here it is off unless asked for. Applied now
    // when bound and after every later bind; broadcastEnabled() reads the socket back when bound.
    void setBroadcastEnabled(bool enabled);
    bool broadcastEnabled() const;

    bool joinMulticastGroup(const QHostAddress &group, const QNetworkInterface &iface = QNetworkInterface());
    bool leaveMulticastGroup(const QHostAddress &group, const QNetworkInterface &iface = QNetworkInterface());
    void setMulticastInterface(const QNetworkInterface &iface);
    void setSocketOption(QAbstractSocket::SocketOption option, const QVariant &value);
    QVariant socketOption(QAbstractSocket::SocketOption option) const;

    // The MTU of the route to `to` (Linux: IP_MTU / IPV6_MTU of a connected probe socket, else the
    // MTU of the interface with the route's source address); 0 if unknown. Sends nothing.
    static int pathMtu(const SocketAddress &to);

    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    // The errno behind the last error on the fast paths (0 for errors that came from Qt).
    int systemError() const { return m_systemError; }

signals:
    void readyRead();
    void icmpErrorsReceived();
    void errorOccurred(NetPoke::Net::DatagramSocket::Error error);
    void stateChanged(QAbstractSocket::SocketState state);

private:
    bool isOpen(bool emitError);
    bool changeMembership(bool join, const QHostAddress &group, const QNetworkInterface &iface);
    bool tryBind(const QHostAddress &address, quint16 port, QAbstractSocket::BindMode mode, bool report);
    bool finishBind();
    void setQtError(QAbstractSocket::SocketError qtError, const QString &text);
    void setSystemError(int errnoValue);
    void onReadable();
    void collectIcmpErrors();
    void announceIcmpErrorsLater();
    void applyOptions();

    QUdpSocket *m_udp = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    QAbstractSocket::NetworkLayerProtocol m_family = QAbstractSocket::UnknownNetworkLayerProtocol;
    QList<IcmpError> m_icmpErrors;
    int m_receivedThisWakeUp = 0;
    bool m_inWakeUp = false;
    bool m_icmpAnnouncePending = false;
    bool m_icmpEnabled = true;
    bool m_broadcast = false;
    int m_receiveBufferSize = 0;
    Error m_error = NoError;
    QString m_errorString;
    int m_systemError = 0;
};

} // namespace NetPoke::Net
