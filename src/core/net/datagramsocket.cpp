#include "datagramsocket.h"

#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QPointer>
#include <QSocketNotifier>
#include <QUdpSocket>

#include <cstring>

#ifdef NETPOKE_NET_LINUX
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcDatagram, "netpoke.net", QtWarningMsg)

namespace NetPoke::Net {

namespace {

#ifdef NETPOKE_NET_LINUX
// Datagrams per recvmmsg call; receive() takes at most this many at once.
constexpr int MaxBatch = 64;

// An ICMP report reaches a call on the socket as one of these errors (with IP_RECVERR the report itself
// waits in the error queue): the call did not fail for its own reasons and can be repeated.
bool isIcmpReport(int e)
{
    return e == ECONNREFUSED || e == EHOSTUNREACH || e == ENETUNREACH || e == EHOSTDOWN || e == ENONET;
}
#endif

DatagramSocket::Error fromQt(QAbstractSocket::SocketError e)
{
    switch (e) {
    case QAbstractSocket::AddressInUseError: return DatagramSocket::AddressInUseError;
    case QAbstractSocket::SocketAccessError: return DatagramSocket::AccessDeniedError;
    case QAbstractSocket::SocketAddressNotAvailableError: return DatagramSocket::AddressNotAvailableError;
    case QAbstractSocket::UnsupportedSocketOperationError: return DatagramSocket::UnsupportedError;
    case QAbstractSocket::DatagramTooLargeError: return DatagramSocket::DatagramTooLargeError;
    case QAbstractSocket::NetworkError: return DatagramSocket::NetworkError;
    case QAbstractSocket::TemporaryError: return DatagramSocket::TemporaryError;
    case QAbstractSocket::ConnectionRefusedError: return DatagramSocket::ConnectionRefusedError;
    default: return DatagramSocket::UnknownError;
    }
}

} // namespace

DatagramSocket::DatagramSocket(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<NetPoke::Net::SocketAddress>();
}

DatagramSocket::~DatagramSocket()
{
    const QSignalBlocker quiet(this);
    close();
}

bool DatagramSocket::bind(const QHostAddress &address, quint16 port, QAbstractSocket::BindMode mode)
{
    return tryBind(address, port, mode, true);
}

bool DatagramSocket::tryBind(const QHostAddress &address, quint16 port, QAbstractSocket::BindMode mode, bool report)
{
    close();
    m_udp = new QUdpSocket(this);
    // The fast paths use the descriptor, which must be the datagram socket itself, not a SOCKS5 relay's;
    // and asking the system proxy factory (libproxy on Debian) costs a thread and file reads per bind.
    m_udp->setProxy(QNetworkProxy::NoProxy);
    connect(m_udp, &QUdpSocket::stateChanged, this, &DatagramSocket::stateChanged);
    if (!m_udp->bind(address, port, mode)) {
        const QAbstractSocket::SocketError e = m_udp->error();
        const QString text = m_udp->errorString();
        m_udp->disconnect(this);
        delete m_udp;
        m_udp = nullptr;
        setQtError(e, text);
        if (report)
            emit errorOccurred(m_error);
        return false;
    }
    return finishBind();
}

bool DatagramSocket::bindAny(quint16 port, QAbstractSocket::NetworkLayerProtocol family, QAbstractSocket::BindMode mode)
{
    if (family == QAbstractSocket::IPv4Protocol)
        return bind(QHostAddress::AnyIPv4, port, mode);
    if (family == QAbstractSocket::IPv6Protocol)
        return bind(QHostAddress::AnyIPv6, port, mode);
    // Dual-stack first, quietly: only the outcome is reported.
    if (tryBind(QHostAddress::Any, port, mode, false))
        return true;
    if (m_error == AddressInUseError || m_error == AccessDeniedError) {
        emit errorOccurred(m_error);   // the port, not the family, is the problem
        return false;
    }
    return bind(QHostAddress::AnyIPv4, port, mode);
}

bool DatagramSocket::finishBind()
{
    m_udp->setReadBufferSize(0);
    m_error = NoError;
    m_errorString.clear();
    m_systemError = 0;
    m_icmpErrors.clear();
#ifdef NETPOKE_NET_LINUX
    const int fd = int(m_udp->socketDescriptor());
    sockaddr_storage local{};
    socklen_t len = sizeof local;
    m_family = ::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &len) == 0 && local.ss_family == AF_INET
        ? QAbstractSocket::IPv4Protocol : QAbstractSocket::IPv6Protocol;
    if (m_icmpEnabled)
        enableIcmpErrors(fd);
    // QUdpSocket's own notifier would peek at every wake-up and then stay off until a read through Qt:
    // the engine reads the descriptor itself, so that notifier is switched off and this one used instead.
    const QList<QSocketNotifier *> qtNotifiers = m_udp->findChildren<QSocketNotifier *>();
    for (QSocketNotifier *n : qtNotifiers) {
        if (n->type() == QSocketNotifier::Read)
            n->setEnabled(false);
    }
    m_notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &DatagramSocket::onReadable);
#else
    const QHostAddress local = m_udp->localAddress();
    m_family = local.protocol() == QAbstractSocket::IPv4Protocol ? QAbstractSocket::IPv4Protocol
                                                                 : QAbstractSocket::IPv6Protocol;
    connect(m_udp, &QUdpSocket::readyRead, this, &DatagramSocket::onReadable);
#endif
    applyOptions();
    qCDebug(lcDatagram) << "bound" << m_udp->localAddress() << m_udp->localPort();
    return true;
}

void DatagramSocket::close()
{
    if (!m_udp)
        return;
    // The notifier stops before the descriptor it watches is closed; it is deleted later, since close()
    // may run inside its activated() signal.
    if (m_notifier) {
        m_notifier->setEnabled(false);
        m_notifier->deleteLater();
        m_notifier = nullptr;
    }
    m_udp->disconnect(this);
    m_udp->close();
    m_udp->deleteLater();
    m_udp = nullptr;
    m_family = QAbstractSocket::UnknownNetworkLayerProtocol;
    emit stateChanged(QAbstractSocket::UnconnectedState);
}

QAbstractSocket::SocketState DatagramSocket::state() const
{
    return m_udp ? m_udp->state() : QAbstractSocket::UnconnectedState;
}

QHostAddress DatagramSocket::localAddress() const
{
    return m_udp ? m_udp->localAddress() : QHostAddress();
}

quint16 DatagramSocket::localPort() const
{
    return m_udp ? m_udp->localPort() : 0;
}

qintptr DatagramSocket::descriptor() const
{
    return m_udp ? m_udp->socketDescriptor() : -1;
}

void DatagramSocket::onReadable()
{
    const QPointer<DatagramSocket> alive(this);
    m_receivedThisWakeUp = 0;
    m_inWakeUp = true;
    emit readyRead();
    if (!alive)
        return;
    m_inWakeUp = false;
    if (!m_udp)
        return;   // closed by a slot
#ifdef NETPOKE_NET_LINUX
    // Readable without a datagram: the error queue keeps the descriptor readable until it is read.
    if (m_receivedThisWakeUp == 0)
        collectIcmpErrors();
#endif
    if (std::exchange(m_icmpAnnouncePending, false))
        emit icmpErrorsReceived();
}

void DatagramSocket::collectIcmpErrors()
{
    if (!m_udp || !m_icmpEnabled)
        return;
    if (drainIcmpErrors(m_udp->socketDescriptor(), &m_icmpErrors) > 0)
        announceIcmpErrorsLater();
}

void DatagramSocket::announceIcmpErrorsLater()
{
    if (m_icmpAnnouncePending)
        return;
    m_icmpAnnouncePending = true;
    // Inside a wake-up, onReadable() announces at its end; otherwise (a send) from the event loop, so
    // that no slot runs inside the caller's sendTo().
    if (!m_inWakeUp) {
        QMetaObject::invokeMethod(this, [this] {
            if (std::exchange(m_icmpAnnouncePending, false))
                emit icmpErrorsReceived();
        }, Qt::QueuedConnection);
    }
}

QList<IcmpError> DatagramSocket::takeIcmpErrors()
{
    if (m_udp && m_icmpEnabled)
        drainIcmpErrors(m_udp->socketDescriptor(), &m_icmpErrors);
    return std::exchange(m_icmpErrors, {});
}

void DatagramSocket::setIcmpErrorsEnabled(bool enabled)
{
    m_icmpEnabled = enabled;
#ifdef NETPOKE_NET_LINUX
    if (m_udp) {
        const int on = enabled ? 1 : 0;
        const int fd = int(m_udp->socketDescriptor());
        ::setsockopt(fd, SOL_IP, IP_RECVERR, &on, sizeof on);
        ::setsockopt(fd, SOL_IPV6, IPV6_RECVERR, &on, sizeof on);
    }
#endif
}

#ifdef NETPOKE_NET_LINUX

int DatagramSocket::receive(ReceiveSlot *into, int count)
{
    if (!isOpen(false))
        return -1;
    count = qMin(count, MaxBatch);
    if (count <= 0)
        return 0;
    const int fd = int(m_udp->socketDescriptor());
    mmsghdr msgs[MaxBatch];
    iovec iovs[MaxBatch][2];
    for (int i = 0; i < count; ++i) {
        ReceiveSlot &s = into[i];
        int n = 0;
        if (s.headCapacity > 0)
            iovs[i][n++] = iovec{s.head, size_t(s.headCapacity)};
        iovs[i][n++] = iovec{s.data, size_t(s.capacity)};
        msgs[i] = mmsghdr{};
        msgs[i].msg_hdr.msg_name = s.sender.native();
        msgs[i].msg_hdr.msg_namelen = SocketAddress::nativeCapacity();
        msgs[i].msg_hdr.msg_iov = iovs[i];
        msgs[i].msg_hdr.msg_iovlen = size_t(n);
    }
    // MSG_TRUNC: the real size of a datagram bigger than its slot.
    int got = -1;
    for (int attempt = 0; attempt < 4 && got < 0; ++attempt) {
        if (count == 1) {
            const ssize_t n = ::recvmsg(fd, &msgs[0].msg_hdr, MSG_DONTWAIT | MSG_TRUNC);
            got = n < 0 ? -1 : 1;
            msgs[0].msg_len = n < 0 ? 0 : unsigned(n);
        } else {
            got = ::recvmmsg(fd, msgs, unsigned(count), MSG_DONTWAIT | MSG_TRUNC, nullptr);
        }
        if (got >= 0)
            break;
        const int e = errno;
        if (e == EAGAIN || e == EWOULDBLOCK)
            return 0;
        if (e == EINTR)
            continue;
        if (isIcmpReport(e) || e == EMSGSIZE) {
            // An ICMP report for an earlier send, not about this read: fetch it and read on.
            collectIcmpErrors();
            continue;
        }
        setSystemError(e);
        return -1;
    }
    if (got < 0)
        return 0;
    for (int i = 0; i < got; ++i)
        into[i].size = qsizetype(msgs[i].msg_len);
    m_receivedThisWakeUp += got;
    return got;
}

qint64 DatagramSocket::sendTo(const char *data, qsizetype size, const SocketAddress &to)
{
    if (!isOpen(true))
        return -1;
    if (to.isNull()) {
        m_error = AddressNotAvailableError;
        m_errorString = tr("No destination address.");
        emit errorOccurred(m_error);
        return -1;
    }
    const int fd = int(m_udp->socketDescriptor());
    const SocketAddress dest = to.family() == m_family ? to : to.convertedTo(m_family);
    int e = 0;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const ssize_t n = ::sendto(fd, data, size_t(size), 0, dest.native(), dest.nativeLength());
        if (n >= 0)
            return qint64(n);
        e = errno;
        if (e == EINTR)
            continue;
        if (!isIcmpReport(e))
            break;
        // An earlier ICMP report is returned here and this datagram was not sent: fetch it and retry.
        collectIcmpErrors();
    }
    setSystemError(e);
    emit errorOccurred(m_error);
    return -1;
}

#else // portable: QUdpSocket's own calls

int DatagramSocket::receive(ReceiveSlot *into, int count)
{
    if (!isOpen(false))
        return -1;
    int got = 0;
    QByteArray joined;
    while (got < count && m_udp->hasPendingDatagrams()) {
        ReceiveSlot &s = into[got];
        const qint64 pending = m_udp->pendingDatagramSize();
        QHostAddress from;
        quint16 port = 0;
        qint64 n = 0;
        if (s.headCapacity > 0) {
            joined.resize(s.room());
            n = m_udp->readDatagram(joined.data(), s.room(), &from, &port);
            if (n > 0) {
                const qsizetype inHead = qMin<qsizetype>(n, s.headCapacity);
                memcpy(s.head, joined.constData(), size_t(inHead));
                if (n > inHead)
                    memcpy(s.data, joined.constData() + inHead, size_t(n - inHead));
            }
        } else {
            n = m_udp->readDatagram(s.data, s.capacity, &from, &port);
        }
        if (n < 0)
            break;
        s.size = qMax(pending, n);
        s.sender = SocketAddress(from, port);
        ++got;
    }
    m_receivedThisWakeUp += got;
    return got;
}

qint64 DatagramSocket::sendTo(const char *data, qsizetype size, const SocketAddress &to)
{
    if (!isOpen(true))
        return -1;
    const qint64 n = m_udp->writeDatagram(data, size, to.address(), to.port());
    if (n < 0) {
        setQtError(m_udp->error(), m_udp->errorString());
        emit errorOccurred(m_error);
    }
    return n;
}

#endif

void DatagramSocket::setQtError(QAbstractSocket::SocketError qtError, const QString &text)
{
    m_error = fromQt(qtError);
    m_errorString = text;
    m_systemError = 0;
    qCDebug(lcDatagram) << "error" << m_error << text;
}

void DatagramSocket::setSystemError(int errnoValue)
{
    m_systemError = errnoValue;
#ifdef NETPOKE_NET_LINUX
    switch (errnoValue) {
    case EACCES:
    case EPERM: m_error = AccessDeniedError; break;
    case EMSGSIZE: m_error = DatagramTooLargeError; break;
    case EAGAIN:
    case ENOBUFS: m_error = TemporaryError; break;
    case ECONNREFUSED: m_error = ConnectionRefusedError; break;
    case ENETUNREACH:
    case EHOSTUNREACH:
    case ENETDOWN:
    case EHOSTDOWN:
    case EAFNOSUPPORT:
    case EINVAL: m_error = NetworkError; break;
    default: m_error = UnknownError; break;
    }
#else
    m_error = UnknownError;
#endif
    m_errorString = qt_error_string(errnoValue);
    qCDebug(lcDatagram) << "error" << m_error << m_errorString;
}

int DatagramSocket::setReceiveBufferSize(int bytes)
{
    m_receiveBufferSize = qMax(0, bytes);
    applyOptions();
    return receiveBufferSize();
}

int DatagramSocket::receiveBufferSize() const
{
    if (!m_udp)
        return 0;
#ifdef NETPOKE_NET_LINUX
    int value = 0;
    socklen_t len = sizeof value;
    if (::getsockopt(int(m_udp->socketDescriptor()), SOL_SOCKET, SO_RCVBUF, &value, &len) != 0)
        return 0;
    return value;
#else
    return m_udp->socketOption(QAbstractSocket::ReceiveBufferSizeSocketOption).toInt();
#endif
}

void DatagramSocket::setBroadcastEnabled(bool enabled)
{
    m_broadcast = enabled;
    applyOptions();
}

bool DatagramSocket::broadcastEnabled() const
{
#ifdef NETPOKE_NET_LINUX
    if (m_udp) {
        int value = 0;
        socklen_t len = sizeof value;
        if (::getsockopt(int(m_udp->socketDescriptor()), SOL_SOCKET, SO_BROADCAST, &value, &len) == 0)
            return value != 0;
    }
#endif
    return m_broadcast;
}

void DatagramSocket::applyOptions()
{
    if (!m_udp)
        return;
#ifdef NETPOKE_NET_LINUX
    const int fd = int(m_udp->socketDescriptor());
    // Qt turns SO_BROADCAST on for every UDP socket; here it is an explicit choice.
    const int b = m_broadcast ? 1 : 0;
    ::setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &b, sizeof b);
    if (m_receiveBufferSize > 0) {
        const int size = m_receiveBufferSize;
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
        // The kernel doubles what it is given unless net.core.rmem_max caps it; a privileged process
        // may go past the cap.
        if (qint64(receiveBufferSize()) < 2 * qint64(size))
            ::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size);
    }
#else
    if (m_receiveBufferSize > 0)
        m_udp->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, m_receiveBufferSize);
#endif
}

bool DatagramSocket::joinMulticastGroup(const QHostAddress &group, const QNetworkInterface &iface)
{
    return changeMembership(true, group, iface);
}

bool DatagramSocket::leaveMulticastGroup(const QHostAddress &group, const QNetworkInterface &iface)
{
    return changeMembership(false, group, iface);
}

// True while bound; otherwise sets NotBoundError (and emits it when asked: a send that fails is reported,
// a read on a closed socket is not).
bool DatagramSocket::isOpen(bool emitError)
{
    if (m_udp)
        return true;
    m_error = NotBoundError;
    m_errorString = tr("The socket is not open.");
    if (emitError)
        emit errorOccurred(m_error);
    return false;
}

bool DatagramSocket::changeMembership(bool join, const QHostAddress &group, const QNetworkInterface &iface)
{
    if (!isOpen(false))
        return false;
    bool ok = false;
    if (join)
        ok = iface.isValid() ? m_udp->joinMulticastGroup(group, iface) : m_udp->joinMulticastGroup(group);
    else
        ok = iface.isValid() ? m_udp->leaveMulticastGroup(group, iface) : m_udp->leaveMulticastGroup(group);
    if (!ok) {
        setQtError(m_udp->error(), m_udp->errorString());
        emit errorOccurred(m_error);
    }
    return ok;
}

void DatagramSocket::setMulticastInterface(const QNetworkInterface &iface)
{
    if (m_udp)
        m_udp->setMulticastInterface(iface);
}

void DatagramSocket::setSocketOption(QAbstractSocket::SocketOption option, const QVariant &value)
{
    if (m_udp)
        m_udp->setSocketOption(option, value);
}

QVariant DatagramSocket::socketOption(QAbstractSocket::SocketOption option) const
{
    return m_udp ? m_udp->socketOption(option) : QVariant();
}

int DatagramSocket::pathMtu(const SocketAddress &to)
{
    int mtu = 0;
#ifdef NETPOKE_NET_LINUX
    if (to.isNull())
        return 0;
    const bool v6 = to.family() == QAbstractSocket::IPv6Protocol;
    const int s = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (s < 0)
        return 0;
    // connect() on UDP sends nothing: it only picks the route, whose MTU IP_MTU reports.
    if (::connect(s, to.native(), to.nativeLength()) == 0) {
        int value = 0;
        socklen_t len = sizeof value;
        if (!v6 && ::getsockopt(s, IPPROTO_IP, IP_MTU, &value, &len) == 0)
            mtu = value;
        if (v6 && ::getsockopt(s, IPPROTO_IPV6, IPV6_MTU, &value, &len) == 0)
            mtu = value;
        if (mtu <= 0) {
            sockaddr_storage local{};
            socklen_t llen = sizeof local;
            if (::getsockname(s, reinterpret_cast<sockaddr *>(&local), &llen) == 0) {
                const QHostAddress la = SocketAddress::fromNative(reinterpret_cast<const sockaddr *>(&local), llen).address();
                const QList<QNetworkInterface> ifaces = QNetworkInterface::allInterfaces();
                for (const QNetworkInterface &i : ifaces) {
                    for (const QNetworkAddressEntry &e : i.addressEntries()) {
                        if (e.ip().isEqual(la, QHostAddress::TolerantConversion))
                            mtu = i.maximumTransmissionUnit();
                    }
                }
            }
        }
    }
    ::close(s);
#else
    Q_UNUSED(to);
#endif
    return qMax(0, mtu);
}

} // namespace NetPoke::Net
