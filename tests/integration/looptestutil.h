#pragma once

// Shared by the integration tests that use loopback sockets directly.

#include <QHostAddress>
#include <QTest>
#include <QUdpSocket>

namespace LoopTest {

// Whether ::1 can be bound here (some containers have no IPv6 loopback).
inline bool ipv6LoopbackUsable()
{
    QUdpSocket s;
    return s.bind(QHostAddress::LocalHostIPv6, 0);
}

// Data rows "IPv4" (127.0.0.1) and "IPv6" (::1) in the column "address".
inline void addLoopbackRows()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::newRow("IPv4") << QHostAddress(QHostAddress::LocalHost);
    QTest::newRow("IPv6") << QHostAddress(QHostAddress::LocalHostIPv6);
}

// A UDP port on address that was free a moment ago, so nothing listens there and the kernel answers
// ICMP port unreachable; 0 if no port could be bound.
inline quint16 closedUdpPort(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost))
{
    QUdpSocket probe;
    return probe.bind(address, 0) ? probe.localPort() : 0;
}

} // namespace LoopTest

// In a test class with a bool m_ipv6 (set from ipv6LoopbackUsable()): skips an IPv6 row without ::1.
#define SKIP_IF_NO_IPV6(address)                                                                   \
    do {                                                                                           \
        if ((address).protocol() == QAbstractSocket::IPv6Protocol && !m_ipv6)                      \
            QSKIP("::1 cannot be bound here (no IPv6 loopback)");                                  \
    } while (false)
