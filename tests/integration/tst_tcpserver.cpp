// Tcp::Server with QTcpSocket clients on 127.0.0.1 and ::1 (port 0 always).

#include "tcp/tcpserver.h"
#include "tcp/tcpsocketoptions.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using NetPoke::Tcp::Chunk;
using NetPoke::Tcp::ConnectionInfo;
using NetPoke::Tcp::Direction;
using NetPoke::Tcp::Server;

namespace {
using Clients = std::vector<std::unique_ptr<QTcpSocket>>;

// A plain POSIX client (non-blocking once connected): it can half-close and go on reading, which a
// QTcpSocket cannot.
struct RawPeer
{
    int fd = -1;
    QByteArray received;
    bool eof = false;
    explicit RawPeer(quint16 port)
    {
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        sa.sin_port = htons(port);
        if (::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0) {
            ::close(fd);
            fd = -1;
        }
    }
    ~RawPeer() { if (fd >= 0) ::close(fd); }
    // Sends what it can of data from *offset on (MSG_DONTWAIT), reads what is there; true at end of file.
    bool pump(const QByteArray &data = {}, qsizetype *offset = nullptr)
    {
        if (offset && *offset < data.size()) {
            const ssize_t n = ::send(fd, data.constData() + *offset, size_t(data.size() - *offset),
                                     MSG_DONTWAIT | MSG_NOSIGNAL);
            if (n > 0)
                *offset += n;
        }
        char buf[65536];
        for (;;) {
            const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
            if (n > 0) {
                received.append(buf, n);
                continue;
            }
            eof = eof || n == 0;
            break;
        }
        return eof;
    }
};

Clients connectClients(const QHostAddress &address, quint16 port, int n)
{
    Clients clients;
    for (int i = 0; i < n; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(address, port);
    }
    return clients;
}
} // namespace

class TstTcpServer : public QObject
{
    Q_OBJECT

private slots:
    void hundredClients_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("IPv4") << "127.0.0.1";
        QTest::newRow("IPv6") << "::1";
    }
    // 100 clients: each is in the table, each one's bytes arrive under its id, send to all reaches each.
    void hundredClients()
    {
        QFETCH(QString, address);
        Server server;
        QVERIFY(server.listen(QHostAddress(address), 0));
        QVERIFY(server.serverPort() != 0);
        QList<Chunk> chunks;
        connect(&server, &Server::chunksReady, this, [&chunks](const QList<Chunk> &c) { chunks += c; });
        QSignalSpy opened(&server, &Server::connectionOpened);
        Clients clients = connectClients(QHostAddress(address), server.serverPort(), 100);
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 100, 20000);
        QCOMPARE(opened.size(), 100);

        const QList<ConnectionInfo> table = server.connections();
        QCOMPARE(table.size(), 100);
        QHash<quint16, quint64> idByPort;
        for (const ConnectionInfo &info : table) {
            QCOMPARE(info.peer, QHostAddress(address));
            QVERIFY(info.sinceMs > 0);
            idByPort.insert(info.peerPort, info.id);
        }
        QCOMPARE(idByPort.size(), 100);
        for (int i = 0; i < 100; ++i) {
            QVERIFY(idByPort.contains(clients[i]->localPort()));
            clients[i]->write(QByteArray::number(i));
        }
        quint64 total = 0;
        for (int i = 0; i < 100; ++i)
            total += quint64(QByteArray::number(i).size());
        QTRY_COMPARE_WITH_TIMEOUT(server.counters().rxBytes, total, 20000);
        QTRY_VERIFY(!chunks.isEmpty());
        QHash<quint64, QByteArray> byId;
        for (const Chunk &c : std::as_const(chunks)) {
            QCOMPARE(c.direction, Direction::Received);
            byId[c.connectionId] += c.data;
        }
        for (int i = 0; i < 100; ++i)
            QCOMPARE(byId.value(idByPort.value(clients[i]->localPort())), QByteArray::number(i));
        QCOMPARE(server.connection(idByPort.value(clients[7]->localPort())).rxBytes, 1u);

        QCOMPARE(server.sendToAll("to all\n"), 100);
        for (auto &c : clients) {
            QByteArray got;
            QTRY_COMPARE_WITH_TIMEOUT(got += c->readAll(), QByteArray("to all\n"), 10000);
        }
        QTRY_COMPARE(server.counters().txBytes, 700u);

        // Send to some.
        const quint64 a = idByPort.value(clients[1]->localPort());
        const quint64 b = idByPort.value(clients[2]->localPort());
        QCOMPARE(server.send(QList<quint64>{a, b}, "some"), 2);
        QByteArray one, two;
        QTRY_COMPARE(one += clients[1]->readAll(), QByteArray("some"));
        QTRY_COMPARE(two += clients[2]->readAll(), QByteArray("some"));
        QCOMPARE(clients[3]->bytesAvailable(), 0);

        // Disconnect one: only that one goes.
        QSignalSpy closed(&server, &Server::connectionClosed);
        QSignalSpy gone(clients[5].get(), &QTcpSocket::disconnected);
        const quint64 five = idByPort.value(clients[5]->localPort());
        server.disconnectClient(five);
        QVERIFY(gone.wait(5000));
        QTRY_COMPARE(closed.size(), 1);
        QCOMPARE(closed.at(0).at(0).value<ConnectionInfo>().id, five);
        QCOMPARE(closed.at(0).at(1).toString(), QStringLiteral("closed here"));
        QCOMPARE(server.connectionCount(), 99);
        QVERIFY(!server.hasConnection(five));
        QVERIFY(!server.send(five, "x"));
        QCOMPARE(server.sendToAll("y"), 99);

        server.disconnectAll();
        QTRY_COMPARE_WITH_TIMEOUT(server.connectionCount(), 0, 10000);
    }

    void connectionCap()
    {
        Server server;
        server.setMaxConnections(2);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QSignalSpy refused(&server, &Server::connectionRefused);
        Clients clients = connectClients(QHostAddress::LocalHost, server.serverPort(), 2);
        QTRY_COMPARE(server.connectionCount(), 2);
        Clients third = connectClients(QHostAddress::LocalHost, server.serverPort(), 1);
        QSignalSpy gone(third[0].get(), &QTcpSocket::disconnected);
        QVERIFY(refused.wait(5000));
        QVERIFY(gone.wait(5000) || third[0]->state() == QAbstractSocket::UnconnectedState);
        QCOMPARE(server.connectionCount(), 2);
        const QString reason = refused.at(0).at(2).toString();
        QVERIFY2(reason.contains(QLatin1String("limit of 2 connections")), qPrintable(reason));
        QCOMPARE(refused.at(0).at(0).value<QHostAddress>(), QHostAddress(QHostAddress::LocalHost));
        // A place that frees up is taken again.
        clients[0]->disconnectFromHost();
        QTRY_COMPARE(server.connectionCount(), 1);
        Clients fourth = connectClients(QHostAddress::LocalHost, server.serverPort(), 1);
        QTRY_COMPARE(server.connectionCount(), 2);
        QCOMPARE(refused.size(), 1);
    }

    void echo()
    {
        Server server;
        server.setEcho(true);
        QVERIFY(server.listen(QHostAddress(QHostAddress::LocalHostIPv6), 0));
        Clients clients = connectClients(QHostAddress::LocalHostIPv6, server.serverPort(), 1);
        QTcpSocket &c = *clients[0];
        QVERIFY(c.waitForConnected(5000));
        QByteArray data(4 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < data.size(); ++i)
            data[i] = char((i * 7919) >> 3);
        c.write(data);
        QByteArray back;
        QTRY_VERIFY_WITH_TIMEOUT((back += c.readAll()).size() >= data.size(), 30000);
        QCOMPARE(back, data);
        QCOMPARE(server.counters().rxBytes, quint64(data.size()));
        QTRY_COMPARE(server.counters().txBytes, quint64(data.size()));
    }

    // A client that sends and never reads: the server's buffer for it stops at the limit.
    void boundedWriteBuffer()
    {
        Server server;
        server.setMaxWriteBuffer(128 * 1024);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QSignalSpy full(&server, &Server::writeBufferFull);
        QSignalSpy opened(&server, &Server::connectionOpened);
        Clients clients = connectClients(QHostAddress::LocalHost, server.serverPort(), 1);
        QVERIFY(opened.wait(5000));
        clients[0]->setReadBufferSize(1);
        const quint64 id = opened.at(0).at(0).value<ConnectionInfo>().id;
        const QByteArray block(32 * 1024, 'z');
        bool refused = false;
        for (int i = 0; i < 40000 && !refused; ++i) {
            refused = !server.send(id, block);
            QCoreApplication::processEvents();
        }
        QVERIFY(refused);
        QCOMPARE(full.size(), 1);
        QCOMPARE(full.at(0).at(0).toULongLong(), id);
        QVERIFY2(full.at(0).at(1).toString().contains(QLatin1String("not reading")),
                 qPrintable(full.at(0).at(1).toString()));
        QVERIFY(server.connection(id).bytesToWrite <= 128 * 1024);
        QVERIFY(server.hasConnection(id));
    }

    // Echo to a peer that does not read: the server stops reading instead of buffering without bound.
    void echoToNonReaderIsBounded()
    {
        Server server;
        server.setEcho(true);
        server.setMaxWriteBuffer(64 * 1024);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        Clients clients = connectClients(QHostAddress::LocalHost, server.serverPort(), 1);
        QTcpSocket &c = *clients[0];
        QVERIFY(c.waitForConnected(5000));
        c.setReadBufferSize(1);
        const QByteArray block(64 * 1024, 'e');
        for (int i = 0; i < 1600; ++i) {   // 100 MiB offered, far more than the kernel buffers hold
            if (c.bytesToWrite() < 1024 * 1024)
                c.write(block);
            QCoreApplication::processEvents();
        }
        QTRY_COMPARE(server.connectionCount(), 1);
        const ConnectionInfo info = server.connections().constFirst();
        QVERIFY2(info.bytesToWrite <= 64 * 1024 + 1024 * 1024 + 64 * 1024, QByteArray::number(info.bytesToWrite));
        QVERIFY(server.counters().rxBytes < 100u * 1024 * 1024);
    }

    void resetReason()
    {
        Server server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QSignalSpy opened(&server, &Server::connectionOpened);
        QSignalSpy closed(&server, &Server::connectionClosed);
        Clients clients = connectClients(QHostAddress::LocalHost, server.serverPort(), 2);
        QTRY_COMPARE(opened.size(), 2);
        QVERIFY(clients[0]->waitForConnected(5000));
        QVERIFY(NetPoke::Tcp::setLingerZero(clients[0]->socketDescriptor()));
        clients[0]->abort();
        QVERIFY(closed.wait(5000));
        QCOMPARE(closed.at(0).at(1).toString(), QStringLiteral("reset by the peer"));
        clients[1]->disconnectFromHost();
        QTRY_COMPARE(closed.size(), 2);
        QCOMPARE(closed.at(1).at(1).toString(), QStringLiteral("closed by the peer"));
    }

    // The peer sends, half-closes at once (nc -N, shutdown(SHUT_WR)) and reads: it still gets the whole echo,
    // then the server closes. Exact counters on both ends.
    void echoAfterPeerHalfClose()
    {
        Server server;
        server.setEcho(true);
        server.setMaxWriteBuffer(256 * 1024);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QSignalSpy halfClosed(&server, &Server::halfClosedByPeer);
        QSignalSpy closed(&server, &Server::connectionClosed);
        RawPeer peer(server.serverPort());
        QVERIFY(peer.fd >= 0);
        QByteArray data(3 * 1024 * 1024 + 11, Qt::Uninitialized);
        for (qsizetype i = 0; i < data.size(); ++i)
            data[i] = char((i * 131) ^ (i >> 9));
        qsizetype sent = 0;
        bool shut = false;
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            const bool eof = peer.pump(data, &sent);
            if (sent == data.size() && !shut)
                shut = ::shutdown(peer.fd, SHUT_WR) == 0;
            return eof;
        }(), 30000);
        QVERIFY(shut);
        QCOMPARE(peer.received.size(), data.size());
        QVERIFY(peer.received == data);
        QCOMPARE(halfClosed.size(), 1);
        QTRY_COMPARE(closed.size(), 1);
        QCOMPARE(closed.at(0).at(1).toString(), QStringLiteral("closed by the peer"));
        const ConnectionInfo info = closed.at(0).at(0).value<ConnectionInfo>();
        QCOMPARE(info.rxBytes, quint64(data.size()));
        QCOMPARE(info.txBytes, quint64(data.size()));
        QCOMPARE(server.counters().rxBytes, quint64(data.size()));
        QCOMPARE(server.counters().txBytes, quint64(data.size()));
    }

    // setCloseAfterPeerFin(false): a question ended by FIN gets its answer afterwards, then our FIN.
    void answerAfterPeerFin()
    {
        Server server;
        server.setCloseAfterPeerFin(false);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QSignalSpy halfClosed(&server, &Server::halfClosedByPeer);
        QSignalSpy closed(&server, &Server::connectionClosed);
        QList<Chunk> chunks;
        connect(&server, &Server::chunksReady, this, [&chunks](const QList<Chunk> &c) { chunks += c; });
        RawPeer peer(server.serverPort());
        QVERIFY(peer.fd >= 0);
        QCOMPARE(::send(peer.fd, "question?", 9, MSG_NOSIGNAL), ssize_t(9));
        QCOMPARE(::shutdown(peer.fd, SHUT_WR), 0);
        QVERIFY(halfClosed.wait(5000));
        const quint64 id = halfClosed.at(0).at(0).toULongLong();
        QTRY_VERIFY(!chunks.isEmpty());
        QCOMPARE(chunks.constFirst().data, QByteArray("question?"));   // the data came before the FIN signal
        QTest::qWait(50);
        QVERIFY(server.hasConnection(id));          // still open: the answer is ours to send
        QVERIFY(closed.isEmpty());
        QVERIFY(server.send(id, "answer."));
        server.shutdownWrite(id);
        QTRY_VERIFY(peer.pump());
        QCOMPARE(peer.received, QByteArray("answer."));
        QTRY_COMPARE(closed.size(), 1);
        QCOMPARE(closed.at(0).at(1).toString(), QStringLiteral("closed by the peer"));
        QCOMPARE(closed.at(0).at(0).value<ConnectionInfo>().txBytes, 7u);
        QCOMPARE(server.counters().rxBytes, 9u);
    }

    void portInUse()
    {
        Server a;
        QVERIFY(a.listen(QHostAddress::LocalHost, 0));
        Server b;
        QVERIFY(!b.listen(QHostAddress::LocalHost, a.serverPort()));
        QCOMPARE(b.error(), Server::AddressInUseError);
        QVERIFY(b.errorString().contains(QString::number(a.serverPort())));
    }
};

QTEST_MAIN(TstTcpServer)
#include "tst_tcpserver.moc"
