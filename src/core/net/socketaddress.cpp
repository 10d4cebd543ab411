#include "socketaddress.h"

#include "hostport.h"

#ifdef NETPOKE_NET_LINUX
#include <QNetworkInterface>

#include <cstring>
#include <netinet/in.h>
#endif

namespace NetPoke::Net {

#ifdef NETPOKE_NET_LINUX

namespace {

sockaddr_in &v4(sockaddr_storage &s) { return reinterpret_cast<sockaddr_in &>(s); }
const sockaddr_in &v4(const sockaddr_storage &s) { return reinterpret_cast<const sockaddr_in &>(s); }
sockaddr_in6 &v6(sockaddr_storage &s) { return reinterpret_cast<sockaddr_in6 &>(s); }
const sockaddr_in6 &v6(const sockaddr_storage &s) { return reinterpret_cast<const sockaddr_in6 &>(s); }

bool isV4Mapped(const in6_addr &a)
{
    static const unsigned char prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    return std::memcmp(a.s6_addr, prefix, sizeof prefix) == 0;
}

} // namespace

SocketAddress::SocketAddress(const QHostAddress &address, quint16 port)
{
    bool isV4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isV4);
    if (address.protocol() == QAbstractSocket::IPv4Protocol && isV4) {
        v4(m_storage).sin_family = AF_INET;
        v4(m_storage).sin_port = htons(port);
        v4(m_storage).sin_addr.s_addr = htonl(ipv4);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        sockaddr_in6 &s = v6(m_storage);
        s.sin6_family = AF_INET6;
        s.sin6_port = htons(port);
        const Q_IPV6ADDR a = address.toIPv6Address();
        std::memcpy(&s.sin6_addr, a.c, sizeof s.sin6_addr);
        const QString scope = address.scopeId();
        if (!scope.isEmpty()) {
            bool numeric = false;
            const uint index = scope.toUInt(&numeric);
            s.sin6_scope_id = numeric ? index : uint(QNetworkInterface::interfaceIndexFromName(scope));
        }
    }
    // QHostAddress::Any (dual-stack) has protocol AnyIPProtocol: as a destination it means nothing, so
    // the address stays null.
}

SocketAddress SocketAddress::fromNative(const sockaddr *address, socklen_t length)
{
    SocketAddress a;
    if (!address)
        return a;
    if (address->sa_family == AF_INET && length >= socklen_t(sizeof(sockaddr_in)))
        std::memcpy(&a.m_storage, address, sizeof(sockaddr_in));
    else if (address->sa_family == AF_INET6 && length >= socklen_t(sizeof(sockaddr_in6)))
        std::memcpy(&a.m_storage, address, sizeof(sockaddr_in6));
    return a;
}

socklen_t SocketAddress::nativeLength() const
{
    if (m_storage.ss_family == AF_INET)
        return socklen_t(sizeof(sockaddr_in));
    if (m_storage.ss_family == AF_INET6)
        return socklen_t(sizeof(sockaddr_in6));
    return 0;
}

QAbstractSocket::NetworkLayerProtocol SocketAddress::family() const
{
    if (m_storage.ss_family == AF_INET)
        return QAbstractSocket::IPv4Protocol;
    if (m_storage.ss_family == AF_INET6)
        return QAbstractSocket::IPv6Protocol;
    return QAbstractSocket::UnknownNetworkLayerProtocol;
}

QHostAddress SocketAddress::address() const
{
    if (isNull())
        return QHostAddress();
    QHostAddress a(native());
    // QHostAddress(sockaddr *) leaves out the interface of a link-local address; named as Qt's socket engine does.
    if (m_storage.ss_family == AF_INET6 && v6(m_storage).sin6_scope_id != 0) {
        const int index = int(v6(m_storage).sin6_scope_id);
        const QString name = QNetworkInterface::interfaceNameFromIndex(index);
        a.setScopeId(name.isEmpty() ? QString::number(index) : name);
    }
    return a;
}

quint16 SocketAddress::port() const
{
    if (m_storage.ss_family == AF_INET)
        return ntohs(v4(m_storage).sin_port);
    if (m_storage.ss_family == AF_INET6)
        return ntohs(v6(m_storage).sin6_port);
    return 0;
}

void SocketAddress::setPort(quint16 port)
{
    if (m_storage.ss_family == AF_INET)
        v4(m_storage).sin_port = htons(port);
    else if (m_storage.ss_family == AF_INET6)
        v6(m_storage).sin6_port = htons(port);
}

bool SocketAddress::sameHost(const SocketAddress &other) const
{
    if (m_storage.ss_family != other.m_storage.ss_family)
        return false;
    if (m_storage.ss_family == AF_INET)
        return v4(m_storage).sin_addr.s_addr == v4(other.m_storage).sin_addr.s_addr;
    if (m_storage.ss_family == AF_INET6)
        return std::memcmp(&v6(m_storage).sin6_addr, &v6(other.m_storage).sin6_addr, sizeof(in6_addr)) == 0
            && v6(m_storage).sin6_scope_id == v6(other.m_storage).sin6_scope_id;
    return true;   // both null
}

SocketAddress SocketAddress::convertedTo(QAbstractSocket::NetworkLayerProtocol family) const
{
    SocketAddress out;
    if (family == QAbstractSocket::IPv6Protocol && m_storage.ss_family == AF_INET) {
        sockaddr_in6 &s = v6(out.m_storage);
        s.sin6_family = AF_INET6;
        s.sin6_port = v4(m_storage).sin_port;
        s.sin6_addr.s6_addr[10] = 0xff;
        s.sin6_addr.s6_addr[11] = 0xff;
        std::memcpy(&s.sin6_addr.s6_addr[12], &v4(m_storage).sin_addr, 4);
        return out;
    }
    if (family == QAbstractSocket::IPv4Protocol && m_storage.ss_family == AF_INET6
        && isV4Mapped(v6(m_storage).sin6_addr)) {
        sockaddr_in &s = v4(out.m_storage);
        s.sin_family = AF_INET;
        s.sin_port = v6(m_storage).sin6_port;
        std::memcpy(&s.sin_addr, &v6(m_storage).sin6_addr.s6_addr[12], 4);
        return out;
    }
    return *this;
}

#else // portable: a QHostAddress and a port

SocketAddress::SocketAddress(const QHostAddress &address, quint16 port)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol || address.protocol() == QAbstractSocket::IPv6Protocol) {
        m_address = address;
        m_port = port;
    }
}

QAbstractSocket::NetworkLayerProtocol SocketAddress::family() const
{
    const auto p = m_address.protocol();
    return p == QAbstractSocket::IPv4Protocol || p == QAbstractSocket::IPv6Protocol
        ? p : QAbstractSocket::UnknownNetworkLayerProtocol;
}

QHostAddress SocketAddress::address() const
{
    return m_address;
}

quint16 SocketAddress::port() const
{
    return m_port;
}

void SocketAddress::setPort(quint16 port)
{
    if (!isNull())
        m_port = port;
}

bool SocketAddress::sameHost(const SocketAddress &other) const
{
    return m_address.isEqual(other.m_address, QHostAddress::StrictConversion);
}

SocketAddress SocketAddress::convertedTo(QAbstractSocket::NetworkLayerProtocol family) const
{
    if (family == QAbstractSocket::IPv6Protocol && m_address.protocol() == QAbstractSocket::IPv4Protocol)
        return SocketAddress(QHostAddress(QStringLiteral("::ffff:") + m_address.toString()), m_port);
    if (family == QAbstractSocket::IPv4Protocol && m_address.protocol() == QAbstractSocket::IPv6Protocol) {
        const QHostAddress plain = unmappedAddress(m_address);
        if (plain.protocol() == QAbstractSocket::IPv4Protocol)
            return SocketAddress(plain, m_port);
    }
    return *this;
}

#endif

QString SocketAddress::toString() const
{
    return displayEndpoint(address(), port());
}

} // namespace NetPoke::Net
