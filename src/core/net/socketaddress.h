#pragma once

#include "netconfig.h"

#include <QAbstractSocket>
#include <QHostAddress>
#include <QString>

#ifdef NETPOKE_NET_LINUX
#include <sys/socket.h>
#endif

namespace NetPoke::Net {

// An IPv4 or IPv6 address with a port, as the system's sockaddr (on Linux): copied and compared
// without building a QHostAddress, so that the receive and send paths stay cheap. Elsewhere it holds a
// QHostAddress and a port.
class SocketAddress
{
public:
    SocketAddress() = default;
    SocketAddress(const QHostAddress &address, quint16 port);
#ifdef NETPOKE_NET_LINUX
    // Copies an AF_INET or AF_INET6 sockaddr of length bytes; anything else gives a null address.
    static SocketAddress fromNative(const sockaddr *address, socklen_t length);
    const sockaddr *native() const { return reinterpret_cast<const sockaddr *>(&m_storage); }
    sockaddr *native() { return reinterpret_cast<sockaddr *>(&m_storage); }
    // The length of the sockaddr for the family (what sendto() takes).
    socklen_t nativeLength() const;
    static constexpr socklen_t nativeCapacity() { return socklen_t(sizeof(sockaddr_storage)); }
#endif

    bool isNull() const { return family() == QAbstractSocket::UnknownNetworkLayerProtocol; }
    // IPv4Protocol, IPv6Protocol (also for ::ffff:a.b.c.d), or UnknownNetworkLayerProtocol when null.
    QAbstractSocket::NetworkLayerProtocol family() const;
    QHostAddress address() const;
    quint16 port() const;
    void setPort(quint16 port);

    // The same address, whatever the ports. IPv4 and its IPv4-mapped IPv6 form are different hosts
    // here (a socket reports its peers in one form only).
    bool sameHost(const SocketAddress &other) const;
    // The address in the other family where one exists: IPv4 as ::ffff:a.b.c.d and back. A dual-stack
    // socket sends to IPv4 peers this way. Returns *this when no conversion applies.
    SocketAddress convertedTo(QAbstractSocket::NetworkLayerProtocol family) const;

    // "127.0.0.1:69", "[::1]:69"; IPv4-mapped addresses shown as IPv4.
    QString toString() const;

    friend bool operator==(const SocketAddress &a, const SocketAddress &b) { return a.sameHost(b) && a.port() == b.port(); }
    friend bool operator!=(const SocketAddress &a, const SocketAddress &b) { return !(a == b); }

private:
#ifdef NETPOKE_NET_LINUX
    sockaddr_storage m_storage{};
#else
    QHostAddress m_address;
    quint16 m_port = 0;
#endif
};

} // namespace NetPoke::Net

Q_DECLARE_METATYPE(NetPoke::Net::SocketAddress)
