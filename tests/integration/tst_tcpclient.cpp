// Tcp::Client against sockets of the test on 127.0.0.1 and ::1 (port 0 always).

#include "tcp/tcpclient.h"
#include "tcp/tcpserver.h"
#include "tcp/tcpsocketoptions.h"
#include "textcodec.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

using NetPoke::Tcp::Chunk;
using NetPoke::Tcp::Client;
using NetPoke::Tcp::Direction;

namespace {
// Collects the chunks a client reports.
struct Received
{
    QList<Chunk> chunks;
    QByteArray bytes(Direction d = Direction::Received) const
    {
        QByteArray b;
        for (const Chunk &c : chunks)
            if (c.direction == d)
                b += c.data;
        return b;
    }
};

void collect(Client &client, Received &r)
{
    QObject::connect(&client, &Client::chunksReady, &client,
                     [&r](const QList<Chunk> &chunks) { r.chunks += chunks; });
}

QTcpSocket *accepted(QTcpServer &server)
{
    if (!server.hasPendingConnections() && !server.waitForNewConnection(5000))
        return nullptr;
    return server.nextPendingConnection();
}

quint16 closedPort(const QHostAddress &address)
{
    QTcpServer s;
    if (!s.listen(address, 0))
        return 0;
    const quint16 port = s.serverPort();
    s.close();
    return port;
}
} // namespace

class TstTcpClient : public QObject
{
    Q_OBJECT

private slots:
    void connectSendReceive_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("host");
        QTest::newRow("IPv4") << "127.0.0.1" << "127.0.0.1";
        QTest::newRow("IPv6") << "::1" << "::1";
        QTest::newRow("IPv6 in brackets") << "::1" << "[::1]";
        QTest::newRow("name") << "127.0.0.1" << "localhost";
    }
    void connectSendReceive()
    {
        QFETCH(QString, address);
        QFETCH(QString, host);
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress(address), 0));
        Client client;
        Received r;
        collect(client, r);
        QList<Client::State> states;
        connect(&client, &Client::stateChanged, this, [&states](Client::State s) { states << s; });
        QSignalSpy connected(&client, &Client::connected);
        QVERIFY(client.connectToHost(host, server.serverPort()));
        QVERIFY(connected.wait(5000));
        QCOMPARE(client.state(), Client::Connected);
        if (host == QLatin1String("localhost"))
            QVERIFY(states.contains(Client::LookingUp));
        else
            QVERIFY(!states.contains(Client::LookingUp));
        QVERIFY(states.contains(Client::Connecting));
        QCOMPARE(client.peerAddress(), QHostAddress(address));
        QCOMPARE(client.peerPort(), server.serverPort());
        QVERIFY(client.localPort() != 0);

        std::unique_ptr<QTcpSocket> peer(accepted(server));
        QVERIFY(peer);
        QCOMPARE(peer->peerPort(), client.localPort());
        QVERIFY(client.send("hello"));
        QTRY_COMPARE(peer->bytesAvailable(), 5);
        QCOMPARE(peer->readAll(), QByteArray("hello"));
        peer->write("world");
        QTRY_COMPARE(r.bytes(), QByteArray("world"));
        QCOMPARE(r.bytes(Direction::Sent), QByteArray("hello"));
        QCOMPARE(client.counters().rxBytes, 5u);
        QTRY_COMPARE(client.counters().txBytes, 5u);
        QCOMPARE(r.chunks.first().direction, Direction::Sent);
        QCOMPARE(r.chunks.last().peerPort, server.serverPort());

        // The peer closes: the client is closed, with no error.
        QSignalSpy disconnected(&client, &Client::disconnected);
        peer->disconnectFromHost();
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(client.state(), Client::Closed);
        QCOMPARE(client.error(), Client::NoError);
    }

    void localBind()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const quint16 localPort = closedPort(QHostAddress::LocalHost);
        Client client;
        NetPoke::Tcp::ClientOptions o;
        o.bindAddress = QHostAddress(QStringLiteral("127.0.0.1"));
        o.bindPort = localPort;
        client.setOptions(o);
        QSignalSpy connected(&client, &Client::connected);
        client.connectToHost(QStringLiteral("127.0.0.1"), server.serverPort());
        QVERIFY(connected.wait(5000));
        QCOMPARE(client.localPort(), localPort);
    }

    void refusedPort_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("IPv4") << "127.0.0.1";
        QTest::newRow("IPv6") << "::1";
    }
    void refusedPort()
    {
        QFETCH(QString, address);
        const quint16 port = closedPort(QHostAddress(address));
        QVERIFY(port);
        Client client;
        QSignalSpy errors(&client, &Client::errorOccurred);
        QVERIFY(client.connectToHost(address, port));
        QVERIFY(errors.wait(5000));
        QCOMPARE(client.error(), Client::ConnectionRefusedError);
        QVERIFY2(client.errorString().contains(QLatin1String("refused")), qPrintable(client.errorString()));
        QVERIFY2(client.errorString().contains(QString::number(port)), qPrintable(client.errorString()));
        QCOMPARE(client.state(), Client::Closed);
        // The client stays usable.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress(address), 0));
        QSignalSpy connected(&client, &Client::connected);
        QVERIFY(client.connectToHost(address, server.serverPort()));
        QVERIFY(connected.wait(5000));
    }

    void invalidInput()
    {
        Client client;
        QVERIFY(!client.connectToHost(QStringLiteral("300.1.1.1"), 80));
        QCOMPARE(client.error(), Client::InvalidInputError);
        QVERIFY(!client.connectToHost(QStringLiteral("127.0.0.1"), 0));
        QCOMPARE(client.error(), Client::InvalidInputError);
        QCOMPARE(client.state(), Client::Closed);
        QVERIFY(!client.send("x"));
        QCOMPARE(client.error(), Client::NotConnectedError);
    }

    // A listener whose accept queue is full answers no SYN: the connect timeout ends the attempt.
    void connectTimeout()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(fd >= 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa), 0);
        QCOMPARE(::listen(fd, 0), 0);
        socklen_t len = sizeof sa;
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&sa), &len);
        const quint16 port = ntohs(sa.sin_port);
        // Fill the accept queue (never accepted).
        std::vector<std::unique_ptr<QTcpSocket>> fillers;
        for (int i = 0; i < 3; ++i) {
            fillers.push_back(std::make_unique<QTcpSocket>());
            fillers.back()->connectToHost(QHostAddress::LocalHost, port);
        }
        QTest::qWait(200);
        Client client;
        NetPoke::Tcp::ClientOptions o;
        o.connectTimeoutMs = 300;
        client.setOptions(o);
        QSignalSpy errors(&client, &Client::errorOccurred);
        client.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(errors.wait(5000));
        ::close(fd);
        QCOMPARE(client.error(), Client::TimeoutError);
        QVERIFY2(client.errorString().contains(QLatin1String("timed out")), qPrintable(client.errorString()));
        QCOMPARE(client.state(), Client::Closed);
    }

    void autoReconnectBacksOff()
    {
        const quint16 port = closedPort(QHostAddress::LocalHost);
        Client client;
        NetPoke::Tcp::ClientOptions o;
        o.autoReconnect = true;
        o.reconnectInitialMs = 20;
        o.reconnectMaxMs = 50;
        client.setOptions(o);
        QSignalSpy scheduled(&client, &Client::reconnectScheduled);
        client.connectToHost(QStringLiteral("127.0.0.1"), port);
        QTRY_VERIFY_WITH_TIMEOUT(scheduled.size() >= 4, 10000);
        QCOMPARE(scheduled.at(0).at(0).toInt(), 20);
        QCOMPARE(scheduled.at(1).at(0).toInt(), 40);
        QCOMPARE(scheduled.at(2).at(0).toInt(), 50);
        QCOMPARE(scheduled.at(3).at(0).toInt(), 50);
        client.abort();
        const qsizetype n = scheduled.size();
        QTest::qWait(150);
        QCOMPARE(scheduled.size(), n);   // abort() stopped it
    }

    // 你 in GB2312 is C4 E3: one byte per segment, one Decoder per connection gives the character once.
    void gb2312SplitAcrossSegments()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        Client client;
        client.setBatchInterval(0);
        Received r;
        collect(client, r);
        QSignalSpy connected(&client, &Client::connected);
        client.connectToHost(QStringLiteral("127.0.0.1"), server.serverPort());
        QVERIFY(connected.wait(5000));
        std::unique_ptr<QTcpSocket> peer(accepted(server));
        QVERIFY(peer);
        peer->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        peer->write("\xC4");
        QTRY_COMPARE(r.chunks.size(), 1);
        peer->write("\xE3");
        QTRY_COMPARE(r.chunks.size(), 2);
        NetPoke::TextCodec::Decoder decoder(QStringLiteral("GB2312"));
        QCOMPARE(decoder.decode(r.chunks.at(0).data), QString());
        QCOMPARE(decoder.decode(r.chunks.at(1).data), QStringLiteral("你"));
        // Without the decoder's memory, each half alone is an invalid byte.
        QCOMPARE(NetPoke::TextCodec::decode(r.chunks.at(0).data, QStringLiteral("GB2312")), QString(QChar(0xDCC4)));
    }

    // shutdownWrite(): the peer reads end of file, and its answer still arrives. The peer is a plain POSIX
    // socket (Qt closes a socket that reads end of file, so a QTcpSocket peer could not answer).
    void halfClose()
    {
        const int lfd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(lfd >= 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(lfd, reinterpret_cast<sockaddr *>(&sa), sizeof sa), 0);
        QCOMPARE(::listen(lfd, 4), 0);
        socklen_t len = sizeof sa;
        ::getsockname(lfd, reinterpret_cast<sockaddr *>(&sa), &len);
        Client client;
        Received r;
        collect(client, r);
        QSignalSpy connected(&client, &Client::connected);
        QSignalSpy disconnected(&client, &Client::disconnected);
        client.connectToHost(QStringLiteral("127.0.0.1"), ntohs(sa.sin_port));
        QVERIFY(connected.wait(5000));
        const int peer = ::accept4(lfd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        ::close(lfd);
        QVERIFY(peer >= 0);
        QVERIFY(client.send("abc"));
        client.shutdownWrite();
        QVERIFY(!client.send("more"));     // nothing after the FIN
        // The peer reads the bytes, then end of file.
        QByteArray got;
        bool eof = false;
        QTRY_VERIFY([&] {
            char buf[64];
            const ssize_t n = ::recv(peer, buf, sizeof buf, 0);
            if (n > 0)
                got.append(buf, n);
            eof = eof || n == 0;
            return eof;
        }());
        QCOMPARE(got, QByteArray("abc"));
        QCOMPARE(client.state(), Client::Connected);   // still reading
        QCOMPARE(::send(peer, "reply", 5, MSG_NOSIGNAL), ssize_t(5));
        ::close(peer);
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(r.bytes(), QByteArray("reply"));
        QCOMPARE(client.error(), Client::NoError);
    }

    // The peer half-closes (shutdown(SHUT_WR)) while the client still has megabytes queued: every byte
    // reaches it, then the client closes without error. Counters exact.
    void peerHalfCloseGetsQueuedBytes()
    {
        const int lfd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(lfd >= 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(lfd, reinterpret_cast<sockaddr *>(&sa), sizeof sa), 0);
        QCOMPARE(::listen(lfd, 4), 0);
        socklen_t len = sizeof sa;
        ::getsockname(lfd, reinterpret_cast<sockaddr *>(&sa), &len);
        Client client;
        Received r;
        collect(client, r);
        QSignalSpy connected(&client, &Client::connected);
        QSignalSpy halfClosed(&client, &Client::halfClosedByPeer);
        QSignalSpy disconnected(&client, &Client::disconnected);
        client.connectToHost(QStringLiteral("127.0.0.1"), ntohs(sa.sin_port));
        QVERIFY(connected.wait(5000));
        const int peer = ::accept4(lfd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        ::close(lfd);
        QVERIFY(peer >= 0);
        QByteArray data(3 * 1024 * 1024 + 5, Qt::Uninitialized);
        for (qsizetype i = 0; i < data.size(); ++i)
            data[i] = char(i * 7 + (i >> 12));
        QVERIFY(client.send(data));
        QCOMPARE(::send(peer, "bye", 3, MSG_NOSIGNAL), ssize_t(3));
        QCOMPARE(::shutdown(peer, SHUT_WR), 0);
        QVERIFY(halfClosed.wait(5000));
        QCOMPARE(r.bytes(), QByteArray("bye"));
        QByteArray got;
        bool eof = false;
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            char buf[65536];
            for (;;) {
                const ssize_t n = ::recv(peer, buf, sizeof buf, 0);
                if (n <= 0) {
                    eof = eof || n == 0;
                    break;
                }
                got.append(buf, n);
            }
            return eof;
        }(), 30000);
        ::close(peer);
        QCOMPARE(got.size(), data.size());
        QVERIFY(got == data);
        QTRY_COMPARE(disconnected.size(), 1);
        QCOMPARE(client.error(), Client::NoError);
        QCOMPARE(client.counters().txBytes, quint64(data.size()));
        QCOMPARE(client.counters().rxBytes, 3u);
        QCOMPARE(client.counters().rxReads, 1u);
    }

    // A peer that resets while the client writes: reported as a reset (EPIPE/ECONNRESET), not a clean close.
    void peerResetWhileWriting()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        Client client;
        QSignalSpy connected(&client, &Client::connected);
        QSignalSpy disconnected(&client, &Client::disconnected);
        client.connectToHost(QStringLiteral("127.0.0.1"), server.serverPort());
        QVERIFY(connected.wait(5000));
        std::unique_ptr<QTcpSocket> peer(accepted(server));
        QVERIFY(peer);
        peer->setReadBufferSize(1);
        QVERIFY(client.send(QByteArray(32 * 1024 * 1024, 'r')));   // more than the kernel buffers hold
        QTest::qWait(50);
        QVERIFY(NetPoke::Tcp::setLingerZero(peer->socketDescriptor()));
        peer->abort();
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(client.error(), Client::ConnectionResetError);
        QVERIFY(client.counters().txBytes < 32u * 1024 * 1024);
    }

    void peerReset_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("IPv4") << "127.0.0.1";
        QTest::newRow("IPv6") << "::1";
    }
    void peerReset()
    {
        QFETCH(QString, address);
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress(address), 0));
        Client client;
        QSignalSpy connected(&client, &Client::connected);
        QSignalSpy disconnected(&client, &Client::disconnected);
        client.connectToHost(address, server.serverPort());
        QVERIFY(connected.wait(5000));
        std::unique_ptr<QTcpSocket> peer(accepted(server));
        QVERIFY(peer);
        QVERIFY(NetPoke::Tcp::setLingerZero(peer->socketDescriptor()));
        peer->abort();   // SO_LINGER 0: RST
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(client.error(), Client::ConnectionResetError);
        QVERIFY2(client.errorString().contains(QLatin1String("reset")), qPrintable(client.errorString()));
    }

    // A peer that never reads: the write buffer stops at the limit instead of growing.
    void boundedWriteBuffer()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        Client client;
        NetPoke::Tcp::ClientOptions o;
        o.maxWriteBuffer = 256 * 1024;
        client.setOptions(o);
        QSignalSpy connected(&client, &Client::connected);
        client.connectToHost(QStringLiteral("127.0.0.1"), server.serverPort());
        QVERIFY(connected.wait(5000));
        std::unique_ptr<QTcpSocket> peer(accepted(server));
        QVERIFY(peer);
        peer->setReadBufferSize(1);        // Qt keeps nothing: the kernel's buffers fill
        const QByteArray block(64 * 1024, 'x');
        bool refused = false;
        qint64 queued = 0;
        for (int i = 0; i < 20000 && !refused; ++i) {   // at most 1.25 GiB offered
            if (client.send(block))
                queued += block.size();
            else
                refused = true;
            QCoreApplication::processEvents();
        }
        QVERIFY(refused);
        QCOMPARE(client.error(), Client::WriteBufferFullError);
        QVERIFY2(client.errorString().contains(QLatin1String("not reading")), qPrintable(client.errorString()));
        QVERIFY(client.bytesToWrite() <= o.maxWriteBuffer);
        QVERIFY(client.isConnected());
        QVERIFY(queued < 200 * 1024 * 1024);
    }

    void noDelayAndKeepAlive()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        Client client;
        NetPoke::Tcp::ClientOptions o;
        o.noDelay = true;
        o.keepAlive = true;
        o.keepAliveIdleSec = 7;
        o.keepAliveIntervalSec = 3;
        client.setOptions(o);
        QSignalSpy connected(&client, &Client::connected);
        client.connectToHost(QStringLiteral("127.0.0.1"), server.serverPort());
        QVERIFY(connected.wait(5000));
        const int fd = int(client.socketDescriptor());
        QVERIFY(fd >= 0);
        int v = 0;
        socklen_t len = sizeof v;
        QCOMPARE(::getsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &v, &len), 0);
        QCOMPARE(v, 1);
        QCOMPARE(::getsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &v, &len), 0);
        QCOMPARE(v, 7);
        QCOMPARE(::getsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &v, &len), 0);
        QCOMPARE(v, 3);
        QCOMPARE(::getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &v, &len), 0);
        QCOMPARE(v, 1);
    }
};

QTEST_MAIN(TstTcpClient)
#include "tst_tcpclient.moc"
