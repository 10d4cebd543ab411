#include "net/socketaddress.h"

#include <QTest>

#ifdef NETPOKE_NET_LINUX
#include <netinet/in.h>
#endif

using NetPoke::Net::SocketAddress;

class tst_socketaddress : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void null();
    void setPort();
    void compare();
    void convertedTo();
    void native();
};

void tst_socketaddress::roundTrip_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("text");
    QTest::newRow("ipv4") << "127.0.0.1" << int(QAbstractSocket::IPv4Protocol) << "127.0.0.1:69";
    QTest::newRow("ipv4 any") << "0.0.0.0" << int(QAbstractSocket::IPv4Protocol) << "0.0.0.0:69";
    QTest::newRow("ipv6") << "::1" << int(QAbstractSocket::IPv6Protocol) << "[::1]:69";
    QTest::newRow("ipv6 any") << "::" << int(QAbstractSocket::IPv6Protocol) << "[::]:69";
    QTest::newRow("ipv4-mapped") << "::ffff:127.0.0.1" << int(QAbstractSocket::IPv6Protocol) << "127.0.0.1:69";
}

void tst_socketaddress::roundTrip()
{
    QFETCH(QString, address);
    QFETCH(int, family);
    QFETCH(QString, text);
    const QHostAddress h(address);
    const SocketAddress a(h, 69);
    QVERIFY(!a.isNull());
    QCOMPARE(int(a.family()), family);
    QCOMPARE(a.port(), quint16(69));
    QVERIFY(a.address().isEqual(h, QHostAddress::StrictConversion));
    QCOMPARE(a.toString(), text);
    // A copy is equal, and equal to one built again from its parts.
    const SocketAddress copy = a;
    QVERIFY(copy == a);
    QVERIFY(SocketAddress(a.address(), a.port()) == a);
}

void tst_socketaddress::null()
{
    QVERIFY(SocketAddress().isNull());
    QCOMPARE(SocketAddress().family(), QAbstractSocket::UnknownNetworkLayerProtocol);
    QVERIFY(SocketAddress().address().isNull());
    QCOMPARE(SocketAddress().port(), quint16(0));
    // Neither "no address" nor the dual-stack any-address is something to send to.
    QVERIFY(SocketAddress(QHostAddress(), 9).isNull());
    QVERIFY(SocketAddress(QHostAddress(QHostAddress::Any), 9).isNull());
    SocketAddress n;
    n.setPort(9);
    QCOMPARE(n.port(), quint16(0));
    QVERIFY(SocketAddress() == SocketAddress());
    QVERIFY(SocketAddress() != SocketAddress(QHostAddress::LocalHost, 9));
}

void tst_socketaddress::setPort()
{
    SocketAddress a(QHostAddress::LocalHost, 69);
    a.setPort(40000);
    QCOMPARE(a.port(), quint16(40000));
    QCOMPARE(a.address(), QHostAddress(QHostAddress::LocalHost));
    SocketAddress b(QHostAddress::LocalHostIPv6, 69);
    b.setPort(65535);
    QCOMPARE(b.port(), quint16(65535));
    QCOMPARE(b.address(), QHostAddress(QHostAddress::LocalHostIPv6));
}

void tst_socketaddress::compare()
{
    const SocketAddress a(QHostAddress::LocalHost, 69);
    const SocketAddress otherPort(QHostAddress::LocalHost, 70);
    const SocketAddress otherHost(QHostAddress(QStringLiteral("127.0.0.2")), 69);
    const SocketAddress v6(QHostAddress::LocalHostIPv6, 69);
    const SocketAddress mapped(QHostAddress(QStringLiteral("::ffff:127.0.0.1")), 69);
    QVERIFY(a.sameHost(otherPort));
    QVERIFY(a != otherPort);
    QVERIFY(!a.sameHost(otherHost));
    QVERIFY(a != otherHost);
    QVERIFY(!a.sameHost(v6));
    // A socket reports a peer in one form only: IPv4 and IPv4-mapped IPv6 are told apart.
    QVERIFY(!a.sameHost(mapped));
    QVERIFY(a != mapped);
    QVERIFY(v6.sameHost(SocketAddress(QHostAddress(QStringLiteral("0:0:0:0:0:0:0:1")), 1)));
}

void tst_socketaddress::convertedTo()
{
    const SocketAddress v4(QHostAddress::LocalHost, 69);
    const SocketAddress mapped = v4.convertedTo(QAbstractSocket::IPv6Protocol);
    QCOMPARE(mapped.family(), QAbstractSocket::IPv6Protocol);
    QCOMPARE(mapped.port(), quint16(69));
    QVERIFY(mapped.address().isEqual(QHostAddress(QStringLiteral("::ffff:127.0.0.1")), QHostAddress::StrictConversion));
    QVERIFY(mapped.convertedTo(QAbstractSocket::IPv4Protocol) == v4);
    // Nothing to convert: unchanged.
    QVERIFY(v4.convertedTo(QAbstractSocket::IPv4Protocol) == v4);
    const SocketAddress v6(QHostAddress::LocalHostIPv6, 69);
    QVERIFY(v6.convertedTo(QAbstractSocket::IPv4Protocol) == v6);
}

void tst_socketaddress::native()
{
#ifdef NETPOKE_NET_LINUX
    const SocketAddress v4(QHostAddress::LocalHost, 69);
    QCOMPARE(v4.native()->sa_family, sa_family_t(AF_INET));
    QCOMPARE(v4.nativeLength(), socklen_t(sizeof(sockaddr_in)));
    const SocketAddress v6(QHostAddress::LocalHostIPv6, 69);
    QCOMPARE(v6.native()->sa_family, sa_family_t(AF_INET6));
    QCOMPARE(v6.nativeLength(), socklen_t(sizeof(sockaddr_in6)));
    QCOMPARE(SocketAddress().nativeLength(), socklen_t(0));
    // From a native sockaddr and back, with its length checked.
    QVERIFY(SocketAddress::fromNative(v6.native(), v6.nativeLength()) == v6);
    QVERIFY(SocketAddress::fromNative(v4.native(), v4.nativeLength()) == v4);
    QVERIFY(SocketAddress::fromNative(v6.native(), v4.nativeLength()).isNull());
    QVERIFY(SocketAddress::fromNative(nullptr, 0).isNull());
    // A scoped IPv6 address keeps its interface.
    const QHostAddress scoped(QStringLiteral("fe80::1%1"));
    const SocketAddress s(scoped, 69);
    QVERIFY(!s.sameHost(SocketAddress(QHostAddress(QStringLiteral("fe80::1")), 69)));
    QVERIFY(!s.address().scopeId().isEmpty());
    QVERIFY(SocketAddress(s.address(), s.port()) == s);
#else
    QSKIP("native sockaddr only on Linux");
#endif
}

QTEST_GUILESS_MAIN(tst_socketaddress)
#include "tst_socketaddress.moc"
