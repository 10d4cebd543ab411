#include "tftpsocket.h"

#include <QLoggingCategory>
#include <QNetworkInterface>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/uio.h>
#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcTftp)

namespace NetPoke::Tftp {

namespace {

socklen_t lengthOf(const sockaddr_storage &a)
{
    return a.ss_family == AF_INET6 ? socklen_t(sizeof(sockaddr_in6)) : socklen_t(sizeof(sockaddr_in));
}

} // namespace

bool Peer::fromAddress(const QHostAddress &address, quint16 port, Peer *out)
{
    *out = Peer{};
    bool v4ok = false;
    const quint32 v4 = address.toIPv4Address(&v4ok);
    if (address.protocol() == QAbstractSocket::IPv4Protocol && v4ok) {
        auto *sin = reinterpret_cast<sockaddr_in *>(&out->addr);
        sin->sin_family = AF_INET;
        sin->sin_port = htons(port);
        sin->sin_addr.s_addr = htonl(v4);
        return true;
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *sin6 = reinterpret_cast<sockaddr_in6 *>(&out->addr);
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons(port);
        const Q_IPV6ADDR a = address.toIPv6Address();
        std::memcpy(&sin6->sin6_addr, a.c, 16);
        bool ok = false;
        const uint scope = address.scopeId().toUInt(&ok);
        if (ok)
            sin6->sin6_scope_id = scope;
        else if (!address.scopeId().isEmpty())
            sin6->sin6_scope_id = uint(QNetworkInterface::interfaceIndexFromName(address.scopeId()));
        return true;
    }
    return false;
}

bool Peer::isIPv6() const
{
    return addr.ss_family == AF_INET6;
}

quint16 Peer::port() const
{
    if (addr.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in &>(addr).sin_port);
    if (addr.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 &>(addr).sin6_port);
    return 0;
}

void Peer::setPort(quint16 port)
{
    if (addr.ss_family == AF_INET)
        reinterpret_cast<sockaddr_in &>(addr).sin_port = htons(port);
    else if (addr.ss_family == AF_INET6)
        reinterpret_cast<sockaddr_in6 &>(addr).sin6_port = htons(port);
}

bool Peer::sameHost(const Peer &other) const
{
    const sockaddr_storage &a = addr;
    const sockaddr_storage &b = other.addr;
    if (a.ss_family != b.ss_family)
        return false;
    if (a.ss_family == AF_INET)
        return reinterpret_cast<const sockaddr_in &>(a).sin_addr.s_addr
            == reinterpret_cast<const sockaddr_in &>(b).sin_addr.s_addr;
    if (a.ss_family == AF_INET6)
        return std::memcmp(&reinterpret_cast<const sockaddr_in6 &>(a).sin6_addr,
                           &reinterpret_cast<const sockaddr_in6 &>(b).sin6_addr, sizeof(in6_addr)) == 0;
    return false;
}

QHostAddress Peer::address() const
{
    return QHostAddress(reinterpret_cast<const sockaddr *>(&addr));
}

Socket::Socket() = default;

Socket::~Socket()
{
    close();
}

bool Socket::open(const Peer &peer, QObject *context, std::function<void()> onReadable)
{
    close();
    m_fd = ::socket(peer.addr.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    sockaddr_storage local{};
    local.ss_family = peer.addr.ss_family;
    if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<const sockaddr *>(&local), lengthOf(local)) != 0) {
        m_errorString = QString::fromLocal8Bit(std::strerror(errno));
        close();
        return false;
    }
    enableIcmpErrors(m_fd);
    m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, context);
    QObject::connect(m_notifier, &QSocketNotifier::activated, context, std::move(onReadable));
    return true;
}

void Socket::close()
{
    if (m_notifier) {
        m_notifier->setEnabled(false);
        delete m_notifier;
        m_notifier = nullptr;
    }
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

int Socket::receive(Batch *b, char *payload, qsizetype slotSize, int count)
{
    if (m_fd < 0)
        return -1;
    count = qBound(1, count, int(MaxBatch));
    mmsghdr msgs[MaxBatch];
    iovec iovs[MaxBatch][2];
    for (int i = 0; i < count; ++i) {
        iovs[i][0].iov_base = b->header[i];
        iovs[i][0].iov_len = sizeof b->header[i];
        iovs[i][1].iov_base = payload + i * slotSize;
        iovs[i][1].iov_len = size_t(slotSize);
        msgs[i] = mmsghdr{};
        msgs[i].msg_hdr.msg_name = &b->from[i].addr;
        msgs[i].msg_hdr.msg_namelen = sizeof b->from[i].addr;
        msgs[i].msg_hdr.msg_iov = iovs[i];
        msgs[i].msg_hdr.msg_iovlen = 2;
    }
    for (;;) {
        // MSG_TRUNC: the real length of a datagram bigger than its slot (a block over blksize).
        int got = 0;
        if (count == 1) {
            const ssize_t n = ::recvmsg(m_fd, &msgs[0].msg_hdr, MSG_DONTWAIT | MSG_TRUNC);
            got = n < 0 ? -1 : 1;
            msgs[0].msg_len = n < 0 ? 0 : unsigned(n);
        } else {
            got = ::recvmmsg(m_fd, msgs, unsigned(count), MSG_DONTWAIT | MSG_TRUNC, nullptr);
        }
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
        for (int i = 0; i < got; ++i)
            b->size[i] = qsizetype(msgs[i].msg_len);
        return got;
    }
}

Socket::Sent Socket::sendTo(const Peer &to, const char *data, qsizetype size)
{
    if (m_fd < 0)
        return Sent::Failed;
    for (;;) {
        const ssize_t n = ::sendto(m_fd, data, size_t(size), 0, reinterpret_cast<const sockaddr *>(&to.addr),
                                   lengthOf(to.addr));
        if (n >= 0)
            return Sent::Ok;
        if (errno == EINTR)
            continue;
        if (errno == ECONNREFUSED || errno == EHOSTUNREACH || errno == ENETUNREACH)
            return Sent::IcmpPending;   // the datagram itself was not sent
        qCDebug(lcTftp) << "sendto failed" << std::strerror(errno);
        return Sent::Failed;   // EAGAIN/ENOBUFS: the retransmission timer covers it
    }
}

QList<IcmpError> Socket::drainIcmpErrors()
{
    return m_fd >= 0 ? NetPoke::drainIcmpErrors(m_fd) : QList<IcmpError>();
}

int Socket::sizeReceiveBuffer(qint64 want)
{
    int current = 0;
    socklen_t len = sizeof current;
    if (m_fd < 0 || ::getsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &current, &len) != 0)
        return 0;
    if (current >= want)
        return current;
    const int half = int(want / 2);   // the kernel doubles what it is given
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &half, sizeof half);
    len = sizeof current;
    ::getsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &current, &len);
#ifdef SO_RCVBUFFORCE
    if (current < want && ::geteuid() == 0) {
        // Capped by net.core.rmem_max: root (CAP_NET_ADMIN) may go past it.
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUFFORCE, &half, sizeof half);
        len = sizeof current;
        ::getsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &current, &len);
    }
#endif
    qCDebug(lcTftp) << "receive buffer" << current << "for" << want;
    return current;
}

int Socket::pathMtu(const Peer &peer)
{
    int mtu = 0;
    const int s = ::socket(peer.addr.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (s < 0)
        return 0;
    // connect() on UDP sends nothing: it only picks the route, whose MTU IP_MTU reports.
    if (::connect(s, reinterpret_cast<const sockaddr *>(&peer.addr), lengthOf(peer.addr)) == 0) {
        int value = 0;
        socklen_t len = sizeof value;
#ifdef IP_MTU
        if (!peer.isIPv6() && ::getsockopt(s, IPPROTO_IP, IP_MTU, &value, &len) == 0)
            mtu = value;
#endif
#ifdef IPV6_MTU
        if (peer.isIPv6() && ::getsockopt(s, IPPROTO_IPV6, IPV6_MTU, &value, &len) == 0)
            mtu = value;
#endif
        sockaddr_storage local{};
        socklen_t llen = sizeof local;
        if (mtu <= 0 && ::getsockname(s, reinterpret_cast<sockaddr *>(&local), &llen) == 0) {
            const QHostAddress la(reinterpret_cast<const sockaddr *>(&local));
            const auto ifaces = QNetworkInterface::allInterfaces();
            for (const QNetworkInterface &i : ifaces) {
                for (const QNetworkAddressEntry &e : i.addressEntries()) {
                    if (e.ip().isEqual(la, QHostAddress::TolerantConversion))
                        mtu = i.maximumTransmissionUnit();
                }
            }
        }
    }
    ::close(s);
    return mtu;
}

} // namespace NetPoke::Tftp
