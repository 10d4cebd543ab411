#include "looptestutil.h"
#include "net/datagramsocket.h"

#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTest>
#include <QUdpSocket>

using NetPoke::Net::DatagramSocket;
using NetPoke::Net::IcmpError;
using NetPoke::Net::ReceiveSlot;
using NetPoke::Net::SocketAddress;
using namespace LoopTest;

namespace {
constexpr int WaitMs = 5000;
}

class tst_datagramsocket : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_ipv6 = ipv6LoopbackUsable(); }
    void batchReceive_data() { addLoopbackRows(); }
    void batchReceive();
    void headAndData_data() { addLoopbackRows(); }
    void headAndData();
    void nothingWaiting();
    void portUnreachable_data() { addLoopbackRows(); }
    void portUnreachable();
    void readinessAfterIcmp_data() { addLoopbackRows(); }
    void readinessAfterIcmp();
    void qtNotifierQuiet();
    void receiveBufferSize();
    void broadcastExplicit();
    void bindInUse_data() { addLoopbackRows(); }
    void bindInUse();
    void bindAnyDualStack();
    void bindAnyOneFamily_data() { addLoopbackRows(); }
    void bindAnyOneFamily();
    void sendErrors();

private:
    // Waits for readyRead and takes what is waiting, up to count datagrams.
    static int receiveAll(DatagramSocket &s, ReceiveSlot *into, int count, int expected);

    bool m_ipv6 = false;
};

int tst_datagramsocket::receiveAll(DatagramSocket &s, ReceiveSlot *into, int count, int expected)
{
    int got = 0;
    QMetaObject::Connection c = QObject::connect(&s, &DatagramSocket::readyRead, &s, [&] {
        const int n = s.receive(into + got, count - got);
        if (n > 0)
            got += n;
    });
    (void)QTest::qWaitFor([&] { return got >= expected; }, WaitMs);   // the caller compares the count
    QObject::disconnect(c);
    return got;
}

void tst_datagramsocket::batchReceive()
{
    QFETCH(QHostAddress, address);
    SKIP_IF_NO_IPV6(address);
    DatagramSocket receiver, sender;
    QVERIFY2(receiver.bind(address, 0), qPrintable(receiver.errorString()));
    QVERIFY2(sender.bind(address, 0), qPrintable(sender.errorString()));
    QCOMPARE(receiver.state(), QAbstractSocket::BoundState);
    QVERIFY(receiver.descriptor() >= 0);
    QCOMPARE(receiver.socketFamily(), address.protocol());
    const SocketAddress to(address, receiver.localPort());
    const QList<QByteArray> payloads{"one", QByteArray(16, 'b'), QByteArray(40, 'c'), "", QByteArray(1000, 'd')};
    for (const QByteArray &p : payloads)
        QCOMPARE(sender.sendTo(p.constData(), p.size(), to), qint64(p.size()));

    constexpr int Capacity = 16;
    char buffers[8][Capacity];
    ReceiveSlot into[8];
    for (int i = 0; i < 8; ++i) {
        into[i].data = buffers[i];
        into[i].capacity = Capacity;
    }
    QCOMPARE(receiveAll(receiver, into, 8, int(payloads.size())), int(payloads.size()));
    const SocketAddress from(address, sender.localPort());
    for (int i = 0; i < payloads.size(); ++i) {
        const QByteArray &p = payloads.at(i);
        // The real size, also of the datagrams cut at the slot's capacity.
        QCOMPARE(into[i].size, p.size());
        QCOMPARE(into[i].truncated(), p.size() > Capacity);
        QCOMPARE(QByteArray(into[i].data, qMin<qsizetype>(into[i].size, Capacity)), p.left(Capacity));
        QVERIFY2(into[i].sender == from, qPrintable(into[i].sender.toString()));
    }
    QCOMPARE(receiver.receive(into, 8), 0);
}

void tst_datagramsocket::headAndData()
{
    QFETCH(QHostAddress, address);
    SKIP_IF_NO_IPV6(address);
    DatagramSocket receiver, sender;
    QVERIFY(receiver.bind(address, 0));
    QVERIFY(sender.bind(address, 0));
    const QByteArray p("\0\3\0\1payload", 11);
    QCOMPARE(sender.sendTo(p.constData(), p.size(), SocketAddress(address, receiver.localPort())), qint64(p.size()));
    char head[4];
    char data[5];
    ReceiveSlot slot;
    slot.head = head;
    slot.headCapacity = sizeof head;
    slot.data = data;
    slot.capacity = sizeof data;
    QCOMPARE(receiveAll(receiver, &slot, 1, 1), 1);
    QCOMPARE(slot.size, qsizetype(11));
    QCOMPARE(slot.room(), qsizetype(9));
    QVERIFY(slot.truncated());
    QCOMPARE(QByteArray(head, 4), p.left(4));
    QCOMPARE(QByteArray(data, 5), QByteArray("paylo"));
}

void tst_datagramsocket::nothingWaiting()
{
    DatagramSocket s;
    char buf[8];
    ReceiveSlot slot;
    slot.data = buf;
    slot.capacity = sizeof buf;
    QCOMPARE(s.receive(&slot, 1), -1);   // not bound
    QCOMPARE(s.error(), DatagramSocket::NotBoundError);
    QVERIFY(s.bind(QHostAddress::LocalHost, 0));
    QCOMPARE(s.receive(&slot, 1), 0);
    QCOMPARE(s.error(), DatagramSocket::NoError);
}

void tst_datagramsocket::portUnreachable()
{
    QFETCH(QHostAddress, address);
    SKIP_IF_NO_IPV6(address);
#ifndef NETPOKE_NET_LINUX
    QSKIP("ICMP reports need IP_RECVERR (Linux)");
#endif
    const quint16 closed = closedUdpPort(address);
    QVERIFY(closed != 0);
    DatagramSocket s;
    QVERIFY(s.bind(address, 0));
    QVERIFY(s.icmpErrorsEnabled());
    QSignalSpy icmp(&s, &DatagramSocket::icmpErrorsReceived);
    QSignalSpy ready(&s, &DatagramSocket::readyRead);
    QCOMPARE(s.sendTo("x", 1, SocketAddress(address, closed)), qint64(1));
    QTRY_COMPARE_WITH_TIMEOUT(icmp.size(), 1, WaitMs);
    // The report woke the socket without a datagram.
    QVERIFY(ready.size() >= 1);
    const QList<IcmpError> errors = s.takeIcmpErrors();
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.at(0).portUnreachable);
    QCOMPARE(errors.at(0).destination, address);
    QCOMPARE(errors.at(0).port, closed);
    QVERIFY(s.takeIcmpErrors().isEmpty());
    // Read once, the report no longer keeps the socket readable: no more wake-ups without traffic.
    const qsizetype wakeUps = ready.size();
    QTest::qWait(100);
    QCOMPARE(ready.size(), wakeUps);
    QCOMPARE(icmp.size(), 1);
}

void tst_datagramsocket::readinessAfterIcmp()
{
    QFETCH(QHostAddress, address);
    SKIP_IF_NO_IPV6(address);
    const quint16 closed = closedUdpPort(address);
    QVERIFY(closed != 0);
    DatagramSocket s, peer;
    QVERIFY(s.bind(address, 0));
    QVERIFY(peer.bind(address, 0));
    QSignalSpy icmp(&s, &DatagramSocket::icmpErrorsReceived);
    const SocketAddress self(address, s.localPort());
    char buf[64];
    ReceiveSlot slot;
    slot.data = buf;
    slot.capacity = sizeof buf;
    for (int round = 0; round < 3; ++round) {
        // An ICMP-only wake-up first, then a datagram; in the last round both wait together.
        QCOMPARE(s.sendTo("x", 1, SocketAddress(address, closed)), qint64(1));
#ifdef NETPOKE_NET_LINUX
        if (round < 2)
            QTRY_COMPARE_WITH_TIMEOUT(icmp.size(), round + 1, WaitMs);
#endif
        const QByteArray text = "round " + QByteArray::number(round);
        QCOMPARE(peer.sendTo(text.constData(), text.size(), self), qint64(text.size()));
        QCOMPARE(receiveAll(s, &slot, 1, 1), 1);
        QCOMPARE(QByteArray(buf, int(slot.size)), text);
    }
#ifdef NETPOKE_NET_LINUX
    QTRY_COMPARE_WITH_TIMEOUT(icmp.size(), 3, WaitMs);
    QCOMPARE(s.takeIcmpErrors().size(), 3);
#endif
    // And the socket still wakes for the next datagram.
    QCOMPARE(peer.sendTo("last", 4, self), qint64(4));
    QCOMPARE(receiveAll(s, &slot, 1, 1), 1);
    QCOMPARE(QByteArray(buf, int(slot.size)), QByteArray("last"));
}

void tst_datagramsocket::qtNotifierQuiet()
{
#ifdef NETPOKE_NET_LINUX
    // The engine reads the descriptor itself; QUdpSocket's own read notifier, which would peek at every
    // wake-up, is off.
    DatagramSocket s;
    QVERIFY(s.bind(QHostAddress::LocalHost, 0));
    auto *udp = s.findChild<QUdpSocket *>();
    QVERIFY(udp);
    int readNotifiers = 0;
    const QList<QSocketNotifier *> notifiers = udp->findChildren<QSocketNotifier *>();
    for (QSocketNotifier *n : notifiers) {
        if (n->type() == QSocketNotifier::Read) {
            ++readNotifiers;
            QVERIFY(!n->isEnabled());
        }
    }
    QVERIFY(readNotifiers >= 1);
    QSignalSpy qtReady(udp, &QUdpSocket::readyRead);
    DatagramSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    QVERIFY(peer.sendTo("a", 1, SocketAddress(QHostAddress::LocalHost, s.localPort())) == 1);
    char buf[4];
    ReceiveSlot slot;
    slot.data = buf;
    slot.capacity = sizeof buf;
    QCOMPARE(receiveAll(s, &slot, 1, 1), 1);
    QCOMPARE(qtReady.size(), 0);
#else
    QSKIP("the portable engine uses QUdpSocket's readyRead");
#endif
}

void tst_datagramsocket::receiveBufferSize()
{
    DatagramSocket s;
    // Set before the bind: applied once bound.
    QCOMPARE(s.setReceiveBufferSize(4096), 0);
    QVERIFY(s.bind(QHostAddress::LocalHost, 0));
    const int small = s.receiveBufferSize();
    QVERIFY2(small >= 4096, qPrintable(QString::number(small)));
    // Read back: what setReceiveBufferSize() returns is what the socket has.
    const int large = s.setReceiveBufferSize(1024 * 1024);
    QCOMPARE(large, s.receiveBufferSize());
    QVERIFY2(large > small, qPrintable(QStringLiteral("%1 %2").arg(large).arg(small)));
#ifdef NETPOKE_NET_LINUX
    // Linux doubles the value for its bookkeeping, up to net.core.rmem_max unless privileged.
    QCOMPARE(small, 8192);
#endif
}

void tst_datagramsocket::broadcastExplicit()
{
    DatagramSocket s;
    QVERIFY(s.bind(QHostAddress::LocalHost, 0));
    QVERIFY(!s.broadcastEnabled());   // Qt would have turned it on
    s.setBroadcastEnabled(true);
    QVERIFY(s.broadcastEnabled());
    s.setBroadcastEnabled(false);
    QVERIFY(!s.broadcastEnabled());
}

void tst_datagramsocket::bindInUse()
{
    QFETCH(QHostAddress, address);
    SKIP_IF_NO_IPV6(address);
    DatagramSocket first, second;
    QVERIFY(first.bind(address, 0));
    const quint16 port = first.localPort();
    QSignalSpy errors(&second, &DatagramSocket::errorOccurred);
    QVERIFY(!second.bind(address, port));
    QCOMPARE(second.error(), DatagramSocket::AddressInUseError);
    QVERIFY(!second.errorString().isEmpty());
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).value<DatagramSocket::Error>(), DatagramSocket::AddressInUseError);
    QVERIFY(!second.isBound());
    QCOMPARE(second.localPort(), quint16(0));
    QCOMPARE(second.descriptor(), qintptr(-1));
    // The any-address of the family covers the loopback address too: the same error, once, no fallback.
    QVERIFY(!second.bindAny(port, address.protocol()));
    QCOMPARE(second.error(), DatagramSocket::AddressInUseError);
    QCOMPARE(errors.size(), 2);
    // A later bind clears the error.
    QVERIFY(second.bind(address, 0));
    QCOMPARE(second.error(), DatagramSocket::NoError);
    QVERIFY(second.errorString().isEmpty());
}

void tst_datagramsocket::bindAnyDualStack()
{
    DatagramSocket s;
    QSignalSpy errors(&s, &DatagramSocket::errorOccurred);
    QSignalSpy state(&s, &DatagramSocket::stateChanged);
    QVERIFY2(s.bindAny(0), qPrintable(s.errorString()));
    QCOMPARE(errors.size(), 0);
    QVERIFY(!state.isEmpty());
    QCOMPARE(state.constLast().at(0).value<QAbstractSocket::SocketState>(), QAbstractSocket::BoundState);
    QVERIFY(s.localPort() != 0);
    DatagramSocket v4;
    QVERIFY(v4.bind(QHostAddress::LocalHost, 0));
    // IPv4 peers reach it, and it answers them with the plain IPv4 address they have.
    QCOMPARE(v4.sendTo("ping", 4, SocketAddress(QHostAddress::LocalHost, s.localPort())), qint64(4));
    char buf[8];
    ReceiveSlot slot;
    slot.data = buf;
    slot.capacity = sizeof buf;
    QCOMPARE(receiveAll(s, &slot, 1, 1), 1);
    QCOMPARE(slot.sender.port(), v4.localPort());
    QCOMPARE(s.sendTo("pong", 4, SocketAddress(QHostAddress::LocalHost, v4.localPort())), qint64(4));
    QCOMPARE(receiveAll(v4, &slot, 1, 1), 1);
    QCOMPARE(QByteArray(buf, 4), QByteArray("pong"));
    if (m_ipv6) {
        QCOMPARE(s.socketFamily(), QAbstractSocket::IPv6Protocol);
        QCOMPARE(slot.sender.port(), s.localPort());
    }
}

void tst_datagramsocket::bindAnyOneFamily()
{
    QFETCH(QHostAddress, address);
    SKIP_IF_NO_IPV6(address);
    // An ephemeral port of one family, as the TFTP client binds.
    DatagramSocket s;
    QVERIFY2(s.bindAny(0, address.protocol()), qPrintable(s.errorString()));
    QCOMPARE(s.socketFamily(), address.protocol());
    QVERIFY(s.localPort() != 0);
    DatagramSocket peer;
    QVERIFY(peer.bind(address, 0));
    QCOMPARE(s.sendTo("hi", 2, SocketAddress(address, peer.localPort())), qint64(2));
    char buf[4];
    ReceiveSlot slot;
    slot.data = buf;
    slot.capacity = sizeof buf;
    QCOMPARE(receiveAll(peer, &slot, 1, 1), 1);
    QCOMPARE(slot.sender, SocketAddress(address, s.localPort()));
}

void tst_datagramsocket::sendErrors()
{
    DatagramSocket s;
    QSignalSpy errors(&s, &DatagramSocket::errorOccurred);
    QCOMPARE(s.sendTo("x", 1, SocketAddress(QHostAddress::LocalHost, 9)), qint64(-1));
    QCOMPARE(s.error(), DatagramSocket::NotBoundError);
    QVERIFY(s.bind(QHostAddress::LocalHost, 0));
    QCOMPARE(s.sendTo("x", 1, SocketAddress()), qint64(-1));
    QVERIFY(s.error() != DatagramSocket::NoError);
    // An IPv4 socket cannot reach an IPv6 address.
    QCOMPARE(s.sendTo("x", 1, SocketAddress(QHostAddress::LocalHostIPv6, 9)), qint64(-1));
    QCOMPARE(s.error(), DatagramSocket::NetworkError);
    QCOMPARE(errors.size(), 3);
    // Too large for one datagram.
    const QByteArray big(70000, 'x');
    QCOMPARE(s.sendTo(big.constData(), big.size(), SocketAddress(QHostAddress::LocalHost, s.localPort())), qint64(-1));
#ifdef NETPOKE_NET_LINUX
    QCOMPARE(s.error(), DatagramSocket::DatagramTooLargeError);
#else
    QVERIFY(s.error() != DatagramSocket::NoError);   // as QUdpSocket maps it
#endif
}

QTEST_GUILESS_MAIN(tst_datagramsocket)
#include "tst_datagramsocket.moc"
