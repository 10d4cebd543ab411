#include "udpendpoint.h"

#include "hostport.h"
#include "icmperrors.h"

#include <QDateTime>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QPointer>
#include <QUdpSocket>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/socket.h>
#include <netinet/in.h>
#endif

Q_LOGGING_CATEGORY(lcUdp, "netpoke.udp", QtWarningMsg)

namespace NetPoke {

namespace {
// Datagrams read per readyRead before returning to the event loop, so that a flood cannot starve
// timers and painting. The socket stays readable, so the notifier fires again at once.
constexpr int ReadBudget = 2048;
constexpr int MaxDatagram = 65536;
#ifdef Q_OS_LINUX
constexpr int MmsgBatch = 64;
#endif
} // namespace

UdpEndpoint::UdpEndpoint(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<NetPoke::Datagram>();
    qRegisterMetaType<QList<NetPoke::Datagram>>();
    m_batchTimer.setSingleShot(true);
    connect(&m_batchTimer, &QTimer::timeout, this, &UdpEndpoint::flushBatch);
    m_sinceFlush.start();
}

UdpEndpoint::~UdpEndpoint() = default;

bool UdpEndpoint::bind(const QHostAddress &address, quint16 port, bool shareAddress)
{
    close();
    m_socket = new QUdpSocket(this);
    const auto mode = shareAddress ? (QAbstractSocket::ShareAddress | QAbstractSocket::ReuseAddressHint)
                                   : QAbstractSocket::DefaultForPlatform;
    if (!m_socket->bind(address, port, mode)) {
        const auto err = m_socket->error();
        const QString where = displayEndpoint(address, port);
        Error e = UnknownError;
        QString text;
        switch (err) {
        case QAbstractSocket::AddressInUseError:
            e = AddressInUseError;
            text = tr("Port %1 is already in use by another program (%2). Close that program, choose another "
                      "port, or enter 0 to let the system choose.").arg(port).arg(where);
            break;
        case QAbstractSocket::SocketAccessError:
            e = AccessDeniedError;
            text = port != 0 && port < 1024
                ? tr("Ports below 1024 need administrator rights. Choose a port from 1024 to 65535, or 0 to "
                     "let the system choose.")
                : tr("The system refused to open %1: %2").arg(where, m_socket->errorString());
            break;
        case QAbstractSocket::SocketAddressNotAvailableError:
            e = AddressNotAvailableError;
            text = tr("%1 is not an address of this machine. Choose one from the list, or 0.0.0.0 to listen "
                      "on all of them.").arg(displayAddress(address));
            break;
        default:
            text = tr("Cannot open %1: %2").arg(where, m_socket->errorString());
            break;
        }
        delete m_socket;
        m_socket = nullptr;
        setError(e, text);
        return false;
    }
    m_socket->setReadBufferSize(0);
    enableIcmpErrors(m_socket->socketDescriptor());
    connect(m_socket, &QUdpSocket::readyRead, this, &UdpEndpoint::readPending);
    applySocketOptions();
    m_error = NoError;
    m_errorString.clear();
    qCDebug(lcUdp) << "bound" << m_socket->localAddress() << m_socket->localPort();
    emit boundChanged(true);
    return true;
}

void UdpEndpoint::close()
{
    if (!m_socket)
        return;
    readPending();
    flushBatch();
    m_socket->disconnect(this);
    m_socket->close();
    m_socket->deleteLater();
    m_socket = nullptr;
    emit boundChanged(false);
}

bool UdpEndpoint::isBound() const
{
    return m_socket && m_socket->state() == QAbstractSocket::BoundState;
}

QHostAddress UdpEndpoint::localAddress() const
{
    return m_socket ? m_socket->localAddress() : QHostAddress();
}

quint16 UdpEndpoint::localPort() const
{
    return m_socket ? m_socket->localPort() : 0;
}

bool UdpEndpoint::ensureBound(QAbstractSocket::NetworkLayerProtocol protocol)
{
    if (isBound())
        return true;
    // Dual-stack when possible, so that one socket reaches IPv4 and IPv6 peers.
    if (bind(QHostAddress::Any, 0))
        return true;
    return bind(protocol == QAbstractSocket::IPv6Protocol ? QHostAddress::AnyIPv6 : QHostAddress::AnyIPv4, 0);
}

bool UdpEndpoint::send(const QByteArray &data, const QHostAddress &address, quint16 port)
{
    if (address.isNull()) {
        setError(HostNotFoundError, tr("No destination address."));
        return false;
    }
    if (port == 0) {
        setError(SendError, tr("Port 0 cannot be a destination: enter the port the other side listens on."));
        return false;
    }
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int limit = v6 ? MaxIPv6Payload : MaxIPv4Payload;
    if (data.size() > limit) {
        setError(DatagramTooLargeError,
                 tr("%1 bytes do not fit in one UDP datagram: the limit is %2 bytes over %3.")
                     .arg(data.size()).arg(limit).arg(v6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4")));
        return false;
    }
    if (!ensureBound(address.protocol()))
        return false;
    const qint64 sent = m_socket->writeDatagram(data, address, port);
    if (sent < 0) {
        const auto err = m_socket->error();
        const QString to = displayEndpoint(address, port);
        if (err == QAbstractSocket::SocketAccessError && !m_broadcast) {
            setError(BroadcastNotEnabledError,
                     tr("%1 looks like a broadcast address: turn on Broadcast to send to it.").arg(to));
        } else if (err == QAbstractSocket::DatagramTooLargeError) {
            setError(DatagramTooLargeError, tr("The datagram is too large for the path to %1.").arg(to));
        } else if (v6 && localAddress().protocol() == QAbstractSocket::IPv4Protocol) {
            setError(SendError, tr("This socket is bound to an IPv4 address and cannot send to the IPv6 "
                                   "address %1. Bind to :: or an IPv6 address.").arg(to));
        } else if (!v6 && localAddress().protocol() == QAbstractSocket::IPv6Protocol
                   && localAddress() != QHostAddress::Any) {
            setError(SendError, tr("This socket is bound to an IPv6 address and cannot send to the IPv4 "
                                   "address %1. Bind to 0.0.0.0 or an IPv4 address.").arg(to));
        } else {
            setError(SendError, tr("Sending to %1 failed: %2").arg(to, m_socket->errorString()));
        }
        return false;
    }
    m_counters.txPackets++;
    m_counters.txBytes += quint64(sent);
    if (isSignalConnected(QMetaMethod::fromSignal(&UdpEndpoint::datagramSent)))
        emit datagramSent(Datagram{data, address, port, QDateTime::currentMSecsSinceEpoch()});
    return true;
}

bool UdpEndpoint::send(const QByteArray &data, const QString &host, quint16 port)
{
    QString h = host.trimmed();
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    if (h.isEmpty()) {
        setError(HostNotFoundError, tr("Enter the address or name of the host to send to."));
        return false;
    }
    QString invalid;
    if (!HostPort::validateHost(h, &invalid)) {
        setError(HostNotFoundError, invalid);
        return false;
    }
    QHostAddress address;
    if (address.setAddress(h))
        return send(data, address, port);
    QPointer<UdpEndpoint> self(this);
    QHostInfo::lookupHost(h, this, [self, data, h, port](const QHostInfo &info) {
        if (!self)
            return;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            self->setError(HostNotFoundError, tr("Cannot find the host \"%1\": %2").arg(h, info.errorString()));
            return;
        }
        // A socket bound to one family can only reach that family: prefer its answers.
        QHostAddress chosen = info.addresses().constFirst();
        const QHostAddress local = self->localAddress();
        const bool singleFamily = self->isBound() && local != QHostAddress::Any;
        if (singleFamily) {
            for (const QHostAddress &a : info.addresses()) {
                if (a.protocol() == local.protocol()) {
                    chosen = a;
                    break;
                }
            }
        }
        self->send(data, chosen, port);
    });
    return true;
}

void UdpEndpoint::setBroadcastEnabled(bool enabled)
{
    m_broadcast = enabled;
    applySocketOptions();
}

bool UdpEndpoint::broadcastEnabled() const
{
#ifdef Q_OS_LINUX
    if (m_socket && m_socket->socketDescriptor() >= 0) {
        int value = 0;
        socklen_t len = sizeof value;
        if (::getsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_BROADCAST, &value, &len) == 0)
            return value != 0;
    }
#endif
    return m_broadcast;
}

bool UdpEndpoint::joinMulticastGroup(const QHostAddress &group, const QNetworkInterface &iface)
{
    if (!group.isMulticast()) {
        setError(MulticastError, tr("%1 is not a multicast group (IPv4 224.0.0.0-239.255.255.255, IPv6 ff00::/8).")
                                     .arg(group.toString()));
        return false;
    }
    if (!ensureBound(group.protocol()))
        return false;
    const bool ok = iface.isValid() ? m_socket->joinMulticastGroup(group, iface) : m_socket->joinMulticastGroup(group);
    if (!ok) {
        setError(MulticastError, tr("Cannot join the multicast group %1: %2").arg(group.toString(), m_socket->errorString()));
        return false;
    }
    return true;
}

bool UdpEndpoint::leaveMulticastGroup(const QHostAddress &group, const QNetworkInterface &iface)
{
    if (!isBound())
        return false;
    const bool ok = iface.isValid() ? m_socket->leaveMulticastGroup(group, iface) : m_socket->leaveMulticastGroup(group);
    if (!ok) {
        setError(MulticastError, tr("Cannot leave the multicast group %1: %2").arg(group.toString(), m_socket->errorString()));
        return false;
    }
    return true;
}

void UdpEndpoint::setMulticastInterface(const QNetworkInterface &iface)
{
    m_multicastInterface = iface;
    applySocketOptions();
}

void UdpEndpoint::setMulticastTtl(int ttl)
{
    m_multicastTtl = ttl;
    applySocketOptions();
}

int UdpEndpoint::multicastTtl() const
{
    if (!m_socket)
        return m_multicastTtl;
    return m_socket->socketOption(QAbstractSocket::MulticastTtlOption).toInt();
}

void UdpEndpoint::setMulticastLoopback(bool enabled)
{
    m_multicastLoopback = enabled ? 1 : 0;
    applySocketOptions();
}

void UdpEndpoint::setReceiveBufferSize(int bytes)
{
    m_receiveBufferSize = bytes;
    applySocketOptions();
}

int UdpEndpoint::receiveBufferSize() const
{
    return m_socket ? m_socket->socketOption(QAbstractSocket::ReceiveBufferSizeSocketOption).toInt() : 0;
}

void UdpEndpoint::setBatchInterval(int ms)
{
    m_batchIntervalMs = qMax(0, ms);
}

void UdpEndpoint::resetCounters()
{
    m_counters = UdpCounters();
}

void UdpEndpoint::applySocketOptions()
{
    if (!m_socket || m_socket->socketDescriptor() < 0)
        return;
#ifdef Q_OS_LINUX
    // Qt turns SO_BROADCAST on for every UDP socket; we make it an explicit choice.
    const int b = m_broadcast ? 1 : 0;
    ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_BROADCAST, &b, sizeof b);
#endif
    if (m_multicastInterface.isValid())
        m_socket->setMulticastInterface(m_multicastInterface);
    if (m_multicastTtl >= 0)
        m_socket->setSocketOption(QAbstractSocket::MulticastTtlOption, m_multicastTtl);
    if (m_multicastLoopback >= 0)
        m_socket->setSocketOption(QAbstractSocket::MulticastLoopbackOption, m_multicastLoopback);
    if (m_receiveBufferSize > 0) {
        m_socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, m_receiveBufferSize);
#ifdef Q_OS_LINUX
        // SO_RCVBUF is capped at net.core.rmem_max (~208 KiB); a privileged process may go beyond it.
        if (receiveBufferSize() < m_receiveBufferSize) {
            const int size = m_receiveBufferSize;
            ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size);
        }
#endif
    }
}

void UdpEndpoint::readPending()
{
    if (!m_socket)
        return;
    if (m_buffer.size() < MaxDatagram)
        m_buffer.resize(MaxDatagram);
    int count = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
#ifdef Q_OS_LINUX
    readIcmpErrors();
    if (!m_socket)
        return;
    // Always one read through Qt, even when nothing may be pending (the socket may have turned readable
    // for an ICMP error only): it re-arms QUdpSocket's read notifier, which otherwise stays off.
    bool first = true;
    while (count < ReadBudget && (std::exchange(first, false) || m_socket->hasPendingDatagrams())) {
#else
    while (count < ReadBudget && m_socket->hasPendingDatagrams()) {
#endif
        QHostAddress peer;
        quint16 port = 0;
        const qint64 n = m_socket->readDatagram(m_buffer.data(), MaxDatagram, &peer, &port);
        if (n < 0)
            break;
        m_batch.append(Datagram{QByteArray(m_buffer.constData(), n), peer, port, now});
        m_counters.rxPackets++;
        m_counters.rxBytes += quint64(n);
        ++count;
#ifdef Q_OS_LINUX
        // Then drain in bulk with recvmmsg: one system call for many datagrams.
        const int fd = int(m_socket->socketDescriptor());
        static thread_local QByteArray bulk;
        if (bulk.size() < MmsgBatch * MaxDatagram)
            bulk.resize(MmsgBatch * MaxDatagram);
        while (count < ReadBudget) {
            mmsghdr msgs[MmsgBatch];
            iovec iov[MmsgBatch];
            sockaddr_storage addrs[MmsgBatch];
            const int want = qMin(MmsgBatch, ReadBudget - count);
            for (int i = 0; i < want; ++i) {
                iov[i].iov_base = bulk.data() + qsizetype(i) * MaxDatagram;
                iov[i].iov_len = MaxDatagram;
                msgs[i].msg_hdr = msghdr{};
                msgs[i].msg_hdr.msg_name = &addrs[i];
                msgs[i].msg_hdr.msg_namelen = sizeof(sockaddr_storage);
                msgs[i].msg_hdr.msg_iov = &iov[i];
                msgs[i].msg_hdr.msg_iovlen = 1;
                msgs[i].msg_len = 0;
            }
            const int got = ::recvmmsg(fd, msgs, unsigned(want), MSG_DONTWAIT, nullptr);
            if (got <= 0)
                break;
            for (int i = 0; i < got; ++i) {
                const auto *sa = reinterpret_cast<const sockaddr *>(&addrs[i]);
                quint16 p = 0;
                if (sa->sa_family == AF_INET)
                    p = ntohs(reinterpret_cast<const sockaddr_in *>(sa)->sin_port);
                else if (sa->sa_family == AF_INET6)
                    p = ntohs(reinterpret_cast<const sockaddr_in6 *>(sa)->sin6_port);
                const int len = int(msgs[i].msg_len);
                m_batch.append(Datagram{QByteArray(bulk.constData() + qsizetype(i) * MaxDatagram, len),
                                        QHostAddress(sa), p, now});
                m_counters.rxPackets++;
                m_counters.rxBytes += quint64(len);
            }
            count += got;
            if (got < want)
                break;
        }
        break;
#endif
    }
    if (m_batch.isEmpty())
        return;
    const qint64 waited = m_sinceFlush.elapsed();
    if (m_batchIntervalMs == 0 || waited >= m_batchIntervalMs)
        flushBatch();
    else if (!m_batchTimer.isActive())
        m_batchTimer.start(int(m_batchIntervalMs - waited));
}

void UdpEndpoint::readIcmpErrors()
{
    const QList<IcmpError> errors = drainIcmpErrors(m_socket->socketDescriptor());
    for (const IcmpError &e : errors) {
        if (!e.portUnreachable)
            continue;
        const QString where = displayEndpoint(e.destination, e.port);
        setError(PortUnreachableError,
                 tr("Nothing is listening at %1: the other side answered \"port unreachable\" (ICMP). "
                    "Check the port number and that the program there is running.").arg(where));
        emit portUnreachable(e.destination, e.port);
        if (!m_socket)
            return;
    }
}

void UdpEndpoint::flushBatch()
{
    m_batchTimer.stop();
    m_sinceFlush.restart();
    if (m_batch.isEmpty())
        return;
    const QList<Datagram> batch = std::exchange(m_batch, QList<Datagram>());
    emit datagramsReceived(batch);
}

void UdpEndpoint::setError(Error error, const QString &text)
{
    m_error = error;
    m_errorString = text;
    qCDebug(lcUdp) << "error" << error << text;
    emit errorOccurred(error);
}

} // namespace NetPoke
