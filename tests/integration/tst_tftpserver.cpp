// The TFTP server in this process on 127.0.0.1 and ::1 (port 0): downloads by our own Tftp::Client (octet,
// netascii, block and window sizes, RFC 1350, empty files, exact multiples, rollover, tsize, dual-stack), and
// with raw datagrams every rule the Client cannot break: option edge cases, hostile requests, names in the
// log, retransmitted requests, a stranger on a transfer port, duplicate ACKs, an ACK inside a window,
// timeouts, the transfer cap, a port range, start errors, the trace, progress. Uploads are in
// tst_tftpserverupload, load (200 at once, a vanished client, a flood) in tst_tftpserverload. Nothing next
// to the root is opened or written: inotify watches those folders for the whole run (outsideNeverTouched).

#include "looptestutil.h"
#include "servertestutil.h"

using namespace NetPoke::Tftp;
using namespace ServerTest;

class tst_tftpserver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void download_data();
    void download();
    void rollover_data();
    void rollover();
    void exactMultipleEndsWithEmptyData();
    void tsize();
    void negotiation_data();
    void negotiation();
    void hostileRequests_data();
    void hostileRequests();
    void namesLoggedAsVisibleText();
    void duplicateRequestIgnored();
    void sourcePortZeroDropped();
    void ownPortPerTransfer();
    void strangerGetsError5();
    void duplicateAckNeverResends();
    void ackInsideWindowRestartsAfterIt();
    void retransmitsOnTimeout();
    void lockStepResendsTheRightBytes();
    void transferCap();
    void portRange();
    void dualStack();
    void startErrors();
    void traceAndLog();
    void progressThrottled();
    void outsideNeverTouched();

private:
    Server *startServer(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
                        const std::function<void(Server::Settings &)> &tweak = {})
    {
        m_server = ServerTest::startServer(m_tree.root, address, tweak);
        return m_server.get();
    }
    QString put(const QString &name, const QByteArray &data) { return m_tree.put(name, data); }
    bool download(const QString &name, const ClientOptions &o, QByteArray *got,
                  const QHostAddress &address = QHostAddress(QHostAddress::LocalHost))
    {
        return ServerTest::download(*m_server, name, o, got, m_scratch.path(), address);
    }

    Tree m_tree;
    QTemporaryDir m_scratch;
    std::unique_ptr<Server> m_server;
    bool m_ipv6 = false;
};

void tst_tftpserver::initTestCase()
{
    m_ipv6 = LoopTest::ipv6LoopbackUsable();
    QVERIFY(m_scratch.isValid());
    QVERIFY(m_tree.create());
}

void tst_tftpserver::cleanup()
{
    m_server.reset();
}

// -------------------------------------------------------------------------------------------------

void tst_tftpserver::download_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("blksize");     // 0: the client's auto
    QTest::addColumn<int>("window");      // 0: not asked
    QTest::addColumn<bool>("netascii");
    QTest::addColumn<bool>("rfc1350");
    const QList<std::pair<const char *, QHostAddress>> families{
        {"IPv4", QHostAddress(QHostAddress::LocalHost)}, {"IPv6", QHostAddress(QHostAddress::LocalHostIPv6)}};
    for (const auto &[family, a] : families) {
        auto row = [&, family = family, a = a](const char *name) {
            return &(QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(family), QLatin1String(name))))
                     << a);
        };
        *row("defaults") << 300000 << 0 << 8 << false << false;
        *row("lock-step 512") << 100000 << 512 << 0 << false << false;
        *row("RFC 1350, no options") << 70000 << 0 << 0 << false << true;
        *row("blksize 1468, window 16") << 1000000 << 1468 << 16 << false << false;
        *row("blksize 8, window 4") << 5000 << 8 << 4 << false << false;
        *row("blksize 65464, window 4") << 1000000 << 65464 << 4 << false << false;
        *row("empty file") << 0 << 512 << 4 << false << false;
        *row("exact multiple, window 4") << 5120 << 512 << 4 << false << false;
        *row("exact multiple, lock-step") << 1024 << 512 << 0 << false << false;
        *row("netascii, window 4") << 20000 << 512 << 4 << true << false;
        *row("netascii, lock-step, blksize 8") << 3000 << 8 << 0 << true << false;
    }
}

void tst_tftpserver::download()
{
    QFETCH(QHostAddress, address);
    QFETCH(int, size);
    QFETCH(int, blksize);
    QFETCH(int, window);
    QFETCH(bool, netascii);
    QFETCH(bool, rfc1350);
    SKIP_IF_NO_IPV6(address);
    QVERIFY(startServer(address));
    const QByteArray data = netascii ? textBytes(size, quint32(size)) : randomBytes(size, quint32(size));
    QVERIFY(!put(QStringLiteral("sub/file.bin"), data).isEmpty());
    QSignalSpy started(m_server.get(), &Server::transferStarted);
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    ClientOptions o;
    o.blockSize = blksize;
    o.windowSize = window;
    o.rfc1350Only = rfc1350;
    o.mode = netascii ? ClientOptions::NetAscii : ClientOptions::Octet;
    QByteArray got;
    QVERIFY(download(QStringLiteral("sub/file.bin"), o, &got, address));
    QCOMPARE(got.size(), data.size());
    QVERIFY(got == data);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(started.size(), 1);
    const TransferInfo info = finished.first().first().value<TransferInfo>();
    QCOMPARE(info.state, TransferInfo::Finished);
    QCOMPARE(info.result, QStringLiteral("ok"));
    QCOMPARE(info.direction, TransferInfo::Download);
    QCOMPARE(info.file, QStringLiteral("sub/file.bin"));
    QCOMPARE(info.mode, netascii ? QStringLiteral("netascii") : QStringLiteral("octet"));
    QCOMPARE(info.clientAddress, address);
    const int expectedBlk = rfc1350 ? 512 : (blksize ? blksize : 65464);
    QCOMPARE(info.options.blockSize, expectedBlk);
    const qint64 wireBytes = netascii ? netasciiEncoded(data).size() : data.size();
    QCOMPARE(info.bytes, wireBytes);
    QCOMPARE(qint64(info.blocks), wireBytes / expectedBlk + 1);   // the last block is short, maybe empty
    QCOMPARE(info.total, netascii ? qint64(-1) : qint64(size));
    QCOMPARE(info.retransmissions, quint64(0));
    QCOMPARE(m_server->activeTransfers(), 0);
}

void tst_tftpserver::rollover_data()
{
    QTest::addColumn<int>("window");
    QTest::newRow("window 16") << 16;
    QTest::newRow("lock-step") << 0;
}

// More than 65535 blocks: the block number wraps to 0 and the transfer goes on.
void tst_tftpserver::rollover()
{
    QFETCH(int, window);
    QVERIFY(startServer());
    const QByteArray data = randomBytes(8 * 70000 + 3, 7);
    QVERIFY(!put(QStringLiteral("big8.bin"), data).isEmpty());
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    ClientOptions o;
    o.blockSize = 8;
    o.windowSize = window;
    QByteArray got;
    QVERIFY(download(QStringLiteral("big8.bin"), o, &got));
    QVERIFY(got == data);
    QTRY_COMPARE(finished.size(), 1);
    const TransferInfo info = finished.first().first().value<TransferInfo>();
    QCOMPARE(info.blocks, quint64(70001));
    QCOMPARE(info.bytes, qint64(data.size()));
}

// A file whose size is a multiple of the block size ends with an empty DATA (raw, lock-step, no options).
void tst_tftpserver::exactMultipleEndsWithEmptyData()
{
    QVERIFY(startServer());
    const QByteArray data = randomBytes(1024, 3);
    QVERIFY(!put(QStringLiteral("two.bin"), data).isEmpty());
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    RawPeer p;
    p.sendTo(m_server->port(), request(Opcode::Rrq, "two.bin"));
    RawPeer::Got g = p.next();
    QVERIFY2(isData(g, 1, 512), qPrintable(describe(g)));
    p.tid = g.port;
    QVERIFY(p.tid != m_server->port());
    p.ack(1);
    g = p.next();
    QVERIFY2(isData(g, 2, 512), qPrintable(describe(g)));
    p.ack(2);
    g = p.next();
    QVERIFY2(isData(g, 3, 0), qPrintable(describe(g)));
    QCOMPARE(finished.size(), 0);
    p.ack(3);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(finished.first().first().value<TransferInfo>().ok());
}

// tsize on an RRQ is answered with the file's size in octet; in netascii the size on the wire is not known
// in advance, so tsize is left out (and with nothing else asked, there is no OACK: DATA 1 comes).
void tst_tftpserver::tsize()
{
    QVERIFY(startServer());
    QVERIFY(!put(QStringLiteral("sized.bin"), randomBytes(12345, 4)).isEmpty());
    RawPeer p;
    p.sendTo(m_server->port(), request(Opcode::Rrq, "sized.bin", "octet", {{"tsize", "0"}}));
    RawPeer::Got g = p.next();
    QVERIFY2(g.packet.opcode == Opcode::Oack, qPrintable(describe(g)));
    QCOMPARE(g.packet.options, (QList<Option>{{"tsize", "12345"}}));
    p.tid = g.port;
    p.sendTo(p.tid, Packet::error(0, "enough").serialize());

    RawPeer n;
    n.sendTo(m_server->port(), request(Opcode::Rrq, "sized.bin", "netascii", {{"tsize", "0"}}));
    g = n.next();
    QVERIFY2(isData(g, 1, 512), qPrintable(describe(g)));
    n.tid = g.port;
    n.sendTo(n.tid, Packet::error(0, "enough").serialize());

    // Our client shows it as the total.
    Client c;
    QSignalSpy finished(&c, &Client::finished);
    QList<qint64> totals;
    connect(&c, &Client::progressChanged, this, [&](const Progress &pr) { totals.append(pr.total); });
    QVERIFY(c.download(QStringLiteral("127.0.0.1"), m_server->port(), QStringLiteral("sized.bin"),
                       m_scratch.filePath(QStringLiteral("s"))));
    QVERIFY(finished.wait(10000));
    QVERIFY(!totals.isEmpty());
    QCOMPARE(totals.first(), qint64(12345));
}

void tst_tftpserver::negotiation_data()
{
    QTest::addColumn<QList<Option>>("asked");
    QTest::addColumn<QList<Option>>("answered");   // empty: no OACK, DATA 1 first
    QTest::newRow("blksize 7 ignored") << QList<Option>{{"blksize", "7"}} << QList<Option>{};
    QTest::newRow("blksize unparsable ignored") << QList<Option>{{"blksize", "big"}, {"tsize", "0"}}
                                                << QList<Option>{{"tsize", "2000"}};
    QTest::newRow("blksize 70000 answered 65464") << QList<Option>{{"blksize", "70000"}}
                                                  << QList<Option>{{"blksize", "65464"}};
    QTest::newRow("blksize 8") << QList<Option>{{"BlkSize", "8"}} << QList<Option>{{"blksize", "8"}};
    QTest::newRow("windowsize 0 ignored") << QList<Option>{{"windowsize", "0"}} << QList<Option>{};
    QTest::newRow("windowsize -1 ignored") << QList<Option>{{"windowsize", "-1"}} << QList<Option>{};
    QTest::newRow("windowsize 70000 clamped") << QList<Option>{{"windowsize", "70000"}}
                                              << QList<Option>{{"windowsize", "65535"}};
    QTest::newRow("unknown option left out") << QList<Option>{{"x-magic", "1"}, {"blksize", "1024"}}
                                             << QList<Option>{{"blksize", "1024"}};
    QTest::newRow("timeout 5 echoed") << QList<Option>{{"timeout", "5"}} << QList<Option>{{"timeout", "5"}};
    QTest::newRow("timeout above the server's limit left out") << QList<Option>{{"timeout", "200"}}
                                                               << QList<Option>{};
    QTest::newRow("timeout 300 left out") << QList<Option>{{"timeout", "300"}} << QList<Option>{};
}

void tst_tftpserver::negotiation()
{
    QFETCH(QList<Option>, asked);
    QFETCH(QList<Option>, answered);
    QVERIFY(startServer());
    QVERIFY(!put(QStringLiteral("n.bin"), randomBytes(2000, 5)).isEmpty());
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    RawPeer p;
    p.sendTo(m_server->port(), request(Opcode::Rrq, "n.bin", "octet", asked));
    const RawPeer::Got g = p.next();
    if (answered.isEmpty()) {
        QVERIFY2(isData(g, 1, 512), qPrintable(describe(g)));
    } else {
        QVERIFY2(g.ok && g.packet.opcode == Opcode::Oack, qPrintable(describe(g)));
        QCOMPARE(g.packet.options, answered);
    }
    p.tid = g.port;
    p.sendTo(p.tid, Packet::error(8, "just looking").serialize());
    QTRY_COMPARE(finished.size(), 1);
    const TransferInfo info = finished.first().first().value<TransferInfo>();
    QCOMPARE(info.state, TransferInfo::Failed);
    QVERIFY2(info.result.contains(QLatin1String("TFTP error 8")), qPrintable(info.result));
}

void tst_tftpserver::hostileRequests_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<int>("code");   // -1: no answer at all
    auto rrq = [](const QByteArray &name) { return request(Opcode::Rrq, name); };
    QTest::newRow("dot dot") << rrq("../outside/canary") << 2;
    QTest::newRow("dot dot inside") << rrq("sub/../../outside/canary") << 2;
    QTest::newRow("dot dot to the sibling") << rrq("../root-private/secret") << 2;
    QTest::newRow("link to the sibling with the root's prefix") << rrq("link-sibling") << 2;
    QTest::newRow("link out") << rrq("link-out") << 2;
    QTest::newRow("through a folder link out") << rrq("link-outdir/canary") << 2;
    QTest::newRow("absolute: inside the root") << rrq("/etc/passwd") << 1;
    QTest::newRow("absolute outside path by its full name") << rrq(QFile::encodeName(QString())) << 4;
    QTest::newRow("folder") << rrq("sub") << 2;
    QTest::newRow("the root") << rrq("/") << 2;
    QTest::newRow("dot") << rrq(".") << 2;
    QTest::newRow("fifo") << rrq("fifo") << 2;
    QTest::newRow("device") << rrq("dev") << 2;
    QTest::newRow("missing") << rrq("nope") << 1;
    QTest::newRow("format string") << rrq("%s%s%n%x") << 1;
    QTest::newRow("name of 256 bytes") << rrq(QByteArray(256, 'a')) << 4;
    QTest::newRow("name without NUL") << QByteArray("\0\1sub/file.bin", 14) << 4;
    QTest::newRow("mode without NUL") << QByteArray("\0\1x\0octet", 9) << 4;
    QTest::newRow("unknown mode") << request(Opcode::Rrq, "x", "binary") << 4;
    QTest::newRow("mail") << request(Opcode::Rrq, "x", "mail") << 4;
    QTest::newRow("unknown opcode") << QByteArray("\0\x09x\0octet\0", 10) << 4;
    QTest::newRow("DATA on the request port") << Packet::dataPacket(1, "x").serialize() << 4;
    QTest::newRow("ACK on the request port") << Packet::ack(1).serialize() << 4;
    QTest::newRow("ERROR on the request port") << Packet::error(1, "x").serialize() << -1;
    QTest::newRow("one byte") << QByteArray("\0", 1) << -1;
    QTest::newRow("WRQ while read-only") << request(Opcode::Wrq, "new.bin") << 2;
    QTest::newRow("WRQ outside while read-only") << request(Opcode::Wrq, "../outside/canary") << 2;
}

// Each is answered from the request port with an ERROR (or not at all), never with DATA, and starts no
// transfer. Silence is checked by a request sent right after: its answer comes first.
void tst_tftpserver::hostileRequests()
{
    QFETCH(QByteArray, datagram);
    QFETCH(int, code);
    if (datagram.endsWith("dev\0octet\0") && ::geteuid() != 0)
        QSKIP("creating a device node needs root");
    if (QByteArray(QTest::currentDataTag()).startsWith("absolute outside"))
        datagram = request(Opcode::Rrq, QFile::encodeName(m_tree.outside + QStringLiteral("/canary")));   // "/…/outside/canary"
    if (QByteArray(QTest::currentDataTag()).startsWith("absolute outside"))
        code = 1;   // ROOT/…/outside/canary does not exist
    QVERIFY(startServer());
    QSignalSpy started(m_server.get(), &Server::transferStarted);
    QSignalSpy refused(m_server.get(), &Server::requestRefused);
    RawPeer p;
    p.sendTo(m_server->port(), datagram);
    p.sendTo(m_server->port(), request(Opcode::Rrq, "probe-missing"));
    RawPeer::Got g = p.next();
    if (code >= 0) {
        QVERIFY2(isError(g, quint16(code)), qPrintable(describe(g)));
        QCOMPARE(g.port, m_server->port());
        QVERIFY(!g.packet.errorMessage.isEmpty());
        QVERIFY(!g.packet.errorMessage.contains("outside"));   // nothing of the request is echoed
        QVERIFY(!g.packet.errorMessage.contains('%'));
        g = p.next();
    }
    QVERIFY2(isError(g, 1), qPrintable(describe(g)));   // the probe's answer: nothing came in between
    QCOMPARE(started.size(), 0);
    QCOMPARE(refused.size(), code >= 0 ? 2 : 1);
    QCOMPARE(refused.first().first().value<TransferInfo>().state, TransferInfo::Refused);
    QCOMPARE(m_server->activeTransfers(), 0);
}

// A hostile name reaches the log (and the signals) only as visible text: no escape sequence, no bidi
// override, no line break; a format string is just text.
void tst_tftpserver::namesLoggedAsVisibleText()
{
    QVERIFY(startServer());
    QSignalSpy log(m_server.get(), &Server::logLine);
    QSignalSpy refused(m_server.get(), &Server::requestRefused);
    RawPeer p;
    const QByteArray evil = "a\x1b[2Jb\xe2\x80\xae" "c\nd%s%n";
    p.sendTo(m_server->port(), request(Opcode::Rrq, evil));
    QVERIFY(isError(p.next(), 1));
    QTRY_COMPARE(log.size(), 1);
    const QString line = log.first().first().toString();
    QVERIFY2(!line.contains(QChar(0x1b)) && !line.contains(QChar(0x202e)) && !line.contains(QLatin1Char('\n')),
             qPrintable(line));
    QVERIFY2(line.contains(QLatin1String("%s%n")), qPrintable(line));
    QVERIFY2(line.contains(QLatin1String("\\x1B[2Jb\\u202Ec\\nd")), qPrintable(line));
    QVERIFY2(line.contains(QLatin1String("127.0.0.1:") + QString::number(p.port())), qPrintable(line));
    QCOMPARE(refused.first().first().value<TransferInfo>().file, QStringLiteral("a\\x1B[2Jb\\u202Ec\\nd%s%n"));
}

// A client that sends its RRQ again before our answer reaches it gets one transfer, not two.
void tst_tftpserver::duplicateRequestIgnored()
{
    QVERIFY(startServer(QHostAddress(QHostAddress::LocalHost), [](Server::Settings &s) { s.timeoutMs = 10000; }));
    QVERIFY(!put(QStringLiteral("d.bin"), randomBytes(100, 9)).isEmpty());
    QSignalSpy started(m_server.get(), &Server::transferStarted);
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    RawPeer p;
    for (int i = 0; i < 5; ++i)
        p.sendTo(m_server->port(), request(Opcode::Rrq, "d.bin"));
    p.sendTo(m_server->port(), request(Opcode::Rrq, "probe-missing"));   // also ignored: same client:port
    RawPeer::Got g = p.next();
    QVERIFY2(isData(g, 1, 100), qPrintable(describe(g)));
    p.tid = g.port;
    p.ack(1);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(started.size(), 1);
    // Only then does the same client:port start anew.
    p.sendTo(m_server->port(), request(Opcode::Rrq, "probe-missing"));
    g = p.next();
    QVERIFY2(isError(g, 1), qPrintable(describe(g)));
}

void tst_tftpserver::sourcePortZeroDropped()
{
    QSKIP("a datagram from source port 0 cannot be sent from user space (the kernel picks a port for port 0); "
          "the server drops such requests in Server::Private::onRequest");
}

// Each transfer answers from a new port of its own (its TID), never the request port.
void tst_tftpserver::ownPortPerTransfer()
{
    QVERIFY(startServer(QHostAddress(QHostAddress::LocalHost), [](Server::Settings &s) { s.timeoutMs = 10000; }));
    QVERIFY(!put(QStringLiteral("o.bin"), randomBytes(1000, 2)).isEmpty());
    RawPeer a, b;
    a.sendTo(m_server->port(), request(Opcode::Rrq, "o.bin"));
    b.sendTo(m_server->port(), request(Opcode::Rrq, "o.bin"));
    const RawPeer::Got ga = a.next();
    const RawPeer::Got gb = b.next();
    QVERIFY(isData(ga, 1) && isData(gb, 1));
    QVERIFY(ga.port != m_server->port());
    QVERIFY(gb.port != m_server->port());
    QVERIFY(ga.port != gb.port);
    QCOMPARE(m_server->activeTransfers(), 2);
    QCOMPARE(m_server->transfers().size(), 2);
}

// A packet from another port on a transfer's port gets ERROR 5; the transfer goes on as if nothing happened.
void tst_tftpserver::strangerGetsError5()
{
    QVERIFY(startServer(QHostAddress(QHostAddress::LocalHost), [](Server::Settings &s) { s.timeoutMs = 10000; }));
    const QByteArray data = randomBytes(1500, 11);
    QVERIFY(!put(QStringLiteral("s.bin"), data).isEmpty());
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    RawPeer p, stranger;
    p.sendTo(m_server->port(), request(Opcode::Rrq, "s.bin"));
    RawPeer::Got g = p.next();
    QVERIFY(isData(g, 1, 512));
    p.tid = g.port;
    stranger.sendTo(p.tid, Packet::ack(1).serialize());
    RawPeer::Got s = stranger.next();
    QVERIFY2(isError(s, 5), qPrintable(describe(s)));
    QCOMPARE(s.port, p.tid);
    stranger.sendTo(p.tid, Packet::dataPacket(2, "junk").serialize());
    QVERIFY(isError(stranger.next(), 5));
    stranger.sendTo(p.tid, Packet::error(0, "stranger's error").serialize());   // never answered
    stranger.sendTo(p.tid, Packet::ack(7).serialize());
    s = stranger.next();
    QVERIFY2(isError(s, 5), qPrintable(describe(s)));   // the ERROR in between got no answer
    QByteArray got = g.packet.data;
    for (quint16 b = 1; b <= 3; ++b) {
        p.ack(b);
        if (b == 3)
            break;
        g = p.next();
        QVERIFY2(isData(g, quint16(b + 1)), qPrintable(describe(g)));
        got += g.packet.data;
    }
    QCOMPARE(got, data);
    QTRY_COMPARE(finished.size(), 1);
    const TransferInfo info = finished.first().first().value<TransferInfo>();
    QVERIFY(info.ok());
    QCOMPARE(info.retransmissions, quint64(0));
}

// Sorcerer's Apprentice: a repeated ACK moves nothing and sends nothing; only the timer resends. Checked by
// order: after the duplicates comes the ACK that moves on, and the next datagram is the next block, not a
// copy of the last one.
void tst_tftpserver::duplicateAckNeverResends()
{
    QVERIFY(startServer(QHostAddress(QHostAddress::LocalHost), [](Server::Settings &s) { s.timeoutMs = 20000; }));
    const QByteArray data = randomBytes(512 * 9 + 100, 12);
    QVERIFY(!put(QStringLiteral("dup.bin"), data).isEmpty());
    QSignalSpy finished(m_server.get(), &Server::transferFinished);

    // Lock-step.
    RawPeer p;
    p.sendTo(m_server->port(), request(Opcode::Rrq, "dup.bin"));
    RawPeer::Got g = p.next();
    QVERIFY(isData(g, 1));
    p.tid = g.port;
    p.ack(1);
    QVERIFY(isData(p.next(), 2));
    for (int i = 0; i < 5; ++i)
        p.ack(1);
    p.ack(2);
    g = p.next();
    QVERIFY2(isData(g, 3), qPrintable(describe(g)));

    // Windows of 4: a repeated ACK of the window's start sends nothing either.
    RawPeer w;
    w.sendTo(m_server->port(), request(Opcode::Rrq, "dup.bin", "octet", {{"windowsize", "4"}}));
    g = w.next();
    QVERIFY(g.packet.opcode == Opcode::Oack);
    w.tid = g.port;
    w.ack(0);
    for (quint16 b = 1; b <= 4; ++b)
        QVERIFY(isData(w.next(), b));
    w.ack(4);
    for (quint16 b = 5; b <= 8; ++b)
        QVERIFY(isData(w.next(), b));
    w.ack(4);
    w.ack(4);
    w.ack(0);   // an old ACK from before the window
    w.ack(8);
    g = w.next();
    QVERIFY2(isData(g, 9), qPrintable(describe(g)));
    QVERIFY(isData(w.next(), 10, 100));
    w.ack(10);
    QTRY_COMPARE(finished.size(), 1);
    const TransferInfo info = finished.first().first().value<TransferInfo>();
    QVERIFY(info.ok());
    QCOMPARE(info.retransmissions, quint64(0));
}

// RFC 7440: an ACK for a block inside the window (the receiver lost the one after it) starts the next window
// right after that block.
void tst_tftpserver::ackInsideWindowRestartsAfterIt()
{
    QVERIFY(startServer(QHostAddress(QHostAddress::LocalHost), [](Server::Settings &s) { s.timeoutMs = 20000; }));
    QVERIFY(!put(QStringLiteral("w.bin"), randomBytes(512 * 12 + 5, 13)).isEmpty());
    RawPeer w;
    w.sendTo(m_server->port(), request(Opcode::Rrq, "w.bin", "octet", {{"windowsize", "4"}}));
    RawPeer::Got g = w.next();
    QVERIFY(g.packet.opcode == Opcode::Oack);
    w.tid = g.port;
    w.ack(0);
    for (quint16 b = 1; b <= 4; ++b)
        QVERIFY(isData(w.next(), b));
    w.ack(2);
    for (quint16 b = 3; b <= 6; ++b) {
        g = w.next();
        QVERIFY2(isData(g, b), qPrintable(describe(g)));
    }
}

// No ACK: the timer sends the same block again, retries times, then the transfer is given up with ERROR 0.
void tst_tftpserver::retransmitsOnTimeout()
{
    QVERIFY(startServer(QHostAddress(QHostAddress::LocalHost), [](Server::Settings &s) {
        s.timeoutMs = 50;
        s.retries = 3;
    }));
    QVERIFY(!put(QStringLiteral("t.bin"), randomBytes(3000, 14)).isEmpty());
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    RawPeer p;
    p.sendTo(m_server->port(), request(Opcode::Rrq, "t.bin"));
    for (int copy = 0; copy < 4; ++copy) {
        const RawPeer::Got g = p.next();
        QVERIFY2(isData(g, 1, 512), qPrintable(describe(g)));
    }
    const RawPeer::Got g = p.next();
    QVERIFY2(isError(g, 0), qPrintable(describe(g)));
    QTRY_COMPARE(finished.size(), 1);
    const TransferInfo info = finished.first().first().value<TransferInfo>();
    QCOMPARE(info.state, TransferInfo::Failed);
    QCOMPARE(info.retransmissions, quint64(3));
    QVERIFY2(info.result.contains(QLatin1String("timed out")), qPrintable(info.result));
}

// Lock-step octet downloads read the next block ahead while the client takes this one: a block sent again
// after a timeout, the block after it and every later one carry the file's bytes at their own offsets, also
// across the final short block and the block-number wrap of a small blksize.
void tst_tftpserver::lockStepResendsTheRightBytes()
{
    QVERIFY(startServer(QHostAddress(QHostAddress::LocalHost), [](Server::Settings &s) { s.timeoutMs = 200; }));
    const QByteArray data = randomBytes(8 * 65536 + 5, 17);   // 65537 blocks of 8: numbers wrap, the last has 5
    QVERIFY(!put(QStringLiteral("ahead.bin"), data).isEmpty());
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    RawPeer p;
    p.sendTo(m_server->port(), request(Opcode::Rrq, "ahead.bin", "octet", {{"blksize", "8"}}));
    RawPeer::Got g = p.next();
    QVERIFY2(g.packet.opcode == Opcode::Oack, qPrintable(describe(g)));
    p.tid = g.port;
    p.ack(0);
    QByteArray got;
    for (qint64 n = 1; n <= 65537; ++n) {
        do {
            g = p.next();   // a block sent again because this test was slow to ACK it is passed over
        } while (n > 1 && isData(g, quint16((n - 1) & 0xFFFF)));
        QVERIFY2(isData(g, quint16(n & 0xFFFF)), qPrintable(QStringLiteral("block %1: %2").arg(n).arg(describe(g))));
        if (n == 2 || n == 65536 || n == 65537) {
            // No ACK: the timer sends the same block again, with the same bytes.
            const RawPeer::Got again = p.next();
            QVERIFY2(isData(again, quint16(n & 0xFFFF)) && again.packet.data == g.packet.data,
                     qPrintable(QStringLiteral("block %1 again: %2").arg(n).arg(describe(again))));
        }
        got += g.packet.data;
        p.ack(quint16(n & 0xFFFF));
    }
    QCOMPARE(got.size(), data.size());
    QVERIFY(got == data);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(infoAt(finished, 0).ok());
    QVERIFY(infoAt(finished, 0).retransmissions >= 3);
}

// Past maxTransfers a request is answered with ERROR 0 "Server busy"; once one ends, requests are taken again.
void tst_tftpserver::transferCap()
{
    QVERIFY(startServer(QHostAddress(QHostAddress::LocalHost), [](Server::Settings &s) {
        s.maxTransfers = 2;
        s.timeoutMs = 20000;
    }));
    QVERIFY(!put(QStringLiteral("c.bin"), randomBytes(5000, 16)).isEmpty());
    QSignalSpy started(m_server.get(), &Server::transferStarted);
    RawPeer a, b, c;
    a.sendTo(m_server->port(), request(Opcode::Rrq, "c.bin"));
    b.sendTo(m_server->port(), request(Opcode::Rrq, "c.bin"));
    QVERIFY(isData(a.next(), 1));
    QVERIFY(isData(b.next(), 1));
    c.sendTo(m_server->port(), request(Opcode::Rrq, "c.bin"));
    RawPeer::Got g = c.next();
    QVERIFY2(isError(g, 0), qPrintable(describe(g)));
    QVERIFY2(g.packet.errorMessage.toLower().contains("busy"), g.packet.errorMessage.constData());
    QCOMPARE(m_server->activeTransfers(), 2);
    QVERIFY(m_server->cancel(started.first().first().value<TransferInfo>().id));
    QVERIFY(isError(a.next(), 0));   // cancelled: told so
    QCOMPARE(m_server->activeTransfers(), 1);
    c.sendTo(m_server->port(), request(Opcode::Rrq, "c.bin"));
    QVERIFY(isData(c.next(), 1));
}

// Transfer sockets in a range of one port (one the system chose as free): the first transfer gets it, a
// second one finds no port and is told the server is busy.
void tst_tftpserver::portRange()
{
    const quint16 free = LoopTest::closedUdpPort();
    QVERIFY(free != 0);
    QVERIFY(startServer(QHostAddress(QHostAddress::LocalHost), [free](Server::Settings &s) {
        s.transferPortMin = free;
        s.transferPortMax = free;
        s.timeoutMs = 20000;
    }));
    QVERIFY(!put(QStringLiteral("r.bin"), randomBytes(5000, 17)).isEmpty());
    QSignalSpy refused(m_server.get(), &Server::requestRefused);
    RawPeer a, b;
    a.sendTo(m_server->port(), request(Opcode::Rrq, "r.bin"));
    RawPeer::Got g = a.next();
    QVERIFY(isData(g, 1));
    QCOMPARE(g.port, free);
    b.sendTo(m_server->port(), request(Opcode::Rrq, "r.bin"));
    g = b.next();
    QVERIFY2(isError(g, 0), qPrintable(describe(g)));
    QCOMPARE(refused.size(), 1);
    QVERIFY(refused.first().first().value<TransferInfo>().result.contains(QString::number(free)));
}


// "::" (and QHostAddress::Any) listen dual-stack: IPv4 and IPv6 clients; IPv4 ones are reported as IPv4.
void tst_tftpserver::dualStack()
{
    if (!m_ipv6)
        QSKIP("::1 cannot be bound here (no IPv6 loopback)");
    QVERIFY(startServer(QHostAddress(QStringLiteral("::"))));
    const QByteArray data = randomBytes(70000, 18);
    QVERIFY(!put(QStringLiteral("ds.bin"), data).isEmpty());
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    QByteArray got;
    QVERIFY(download(QStringLiteral("ds.bin"), ClientOptions(), &got, QHostAddress(QHostAddress::LocalHost)));
    QVERIFY(got == data);
    QVERIFY(download(QStringLiteral("ds.bin"), ClientOptions(), &got, QHostAddress(QHostAddress::LocalHostIPv6)));
    QVERIFY(got == data);
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(infoAt(finished, 0).clientAddress, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(infoAt(finished, 0).client.startsWith(QLatin1String("127.0.0.1:")));
    QCOMPARE(infoAt(finished, 1).clientAddress, QHostAddress(QHostAddress::LocalHostIPv6));
    QVERIFY(infoAt(finished, 1).client.startsWith(QLatin1String("[::1]:")));
}

void tst_tftpserver::startErrors()
{
    Server server;
    QSignalSpy errors(&server, &Server::errorOccurred);
    Server::Settings s;
    s.root = m_tree.root;
    s.port = 0;

    QUdpSocket busy;
    QVERIFY(busy.bind(QHostAddress::LocalHost, 0));
    s.port = busy.localPort();
    server.setSettings(s);
    QVERIFY(!server.start());
    QCOMPARE(server.error(), Server::AddressInUseError);
    QVERIFY2(server.errorString().contains(QString::number(busy.localPort())), qPrintable(server.errorString()));
    QVERIFY(!server.isRunning());
    QCOMPARE(errors.size(), 1);
    s.port = 0;

    s.root = m_tree.root + QStringLiteral("/missing");
    server.setSettings(s);
    QVERIFY(!server.start());
    QCOMPARE(server.error(), Server::RootError);
    s.root = m_tree.root + QStringLiteral("/link-out");   // a file, not a folder
    server.setSettings(s);
    QVERIFY(!server.start());
    QCOMPARE(server.error(), Server::RootError);
    s.root = QString();
    server.setSettings(s);
    QVERIFY(!server.start());
    QCOMPARE(server.error(), Server::RootError);
    s.root = m_tree.root;

    Server::Settings bad = s;
    bad.maxTransfers = 0;
    server.setSettings(bad);
    QVERIFY(!server.start());
    QCOMPARE(server.error(), Server::SettingsError);
    bad = s;
    bad.transferPortMin = 3000;
    bad.transferPortMax = 2000;
    Server::Settings::Field field = Server::Settings::NoField;
    QVERIFY(!bad.validate(&field).isEmpty());
    QCOMPARE(field, Server::Settings::PortRangeField);
    bad.transferPortMin = 0;
    QVERIFY(!bad.validate().isEmpty());   // one end of a range only

    // The message for a port that needs privileges (binding one is not tried here: tests use port 0 only).
    const QString privileged = Server::bindErrorText(Server::AccessDeniedError, QHostAddress(QHostAddress::LocalHost), 69,
                                                     QStringLiteral("Permission denied"));
    QVERIFY2(privileged.contains(QLatin1String("69")) && privileged.contains(QLatin1String("privilege")),
             qPrintable(privileged));

    // Started again after a failure and after a stop.
    server.setSettings(s);
    QVERIFY(server.start());
    QVERIFY(server.isRunning());
    QVERIFY(server.port() != 0);
    QCOMPARE(server.address(), QHostAddress(QHostAddress::LocalHost));
    server.stop();
    QVERIFY(!server.isRunning());
    QVERIFY(server.start());
    QVERIFY(server.isRunning());
}

// With Settings::trace, the packets of a transfer can be fetched by its id, also after it ended; one log
// line per transfer says who, what, how and how it went.
void tst_tftpserver::traceAndLog()
{
    QVERIFY(startServer(QHostAddress(QHostAddress::LocalHost), [](Server::Settings &s) { s.trace = true; }));
    QVERIFY(!put(QStringLiteral("t.bin"), randomBytes(1200, 19)).isEmpty());
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    QSignalSpy log(m_server.get(), &Server::logLine);
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 0;
    QByteArray got;
    QVERIFY(download(QStringLiteral("t.bin"), o, &got));
    QTRY_COMPARE(finished.size(), 1);
    const TransferInfo info = infoAt(finished, 0);
    QVERIFY(info.id > 0);
    QCOMPARE(m_server->transfer(info.id).state, TransferInfo::Finished);
    QCOMPARE(m_server->transfer(info.id + 100).id, quint64(0));
    const QList<TraceEntry> trace = m_server->trace(info.id);
    QStringList summaries;
    for (const TraceEntry &e : trace)
        summaries << e.summary;
    QCOMPARE(summaries, (QStringList{QStringLiteral("RRQ t.bin octet blksize=512 tsize=0"),
                                     QStringLiteral("OACK blksize=512 tsize=1200"), QStringLiteral("ACK 0"),
                                     QStringLiteral("DATA 1 (512 bytes)"), QStringLiteral("ACK 1"),
                                     QStringLiteral("DATA 2 (512 bytes)"), QStringLiteral("ACK 2"),
                                     QStringLiteral("DATA 3 (176 bytes)"), QStringLiteral("ACK 3")}));
    QVERIFY(!trace.first().outgoing);   // the request, from the client
    QVERIFY(trace.at(1).outgoing);
    QVERIFY(!trace.at(2).outgoing);
    QCOMPARE(log.size(), 1);
    const QString line = log.first().first().toString();
    for (const QString &part : {QStringLiteral("127.0.0.1:"), QStringLiteral("download \"t.bin\" octet"),
                                QStringLiteral("blksize=512 tsize=1200"), QStringLiteral(": 1200 bytes in "),
                                QStringLiteral("0 retransmissions, ok")})
        QVERIFY2(line.contains(part), qPrintable(line + QStringLiteral(" lacks ") + part));

    // Without Settings::trace nothing is kept.
    QVERIFY(startServer());
    QSignalSpy quiet(m_server.get(), &Server::transferFinished);
    QVERIFY(download(QStringLiteral("t.bin"), o, &got));
    QTRY_COMPARE(quiet.size(), 1);
    QVERIFY(m_server->trace(infoAt(quiet, 0).id).isEmpty());
}

// transferProgress comes from a timer, only for transfers whose bytes moved since the last one.
void tst_tftpserver::progressThrottled()
{
    QVERIFY(startServer(QHostAddress(QHostAddress::LocalHost), [](Server::Settings &s) { s.timeoutMs = 20000; }));
    QVERIFY(!put(QStringLiteral("p.bin"), randomBytes(512 * 20, 20)).isEmpty());
    QSignalSpy progress(m_server.get(), &Server::transferProgress);
    RawPeer p;
    p.sendTo(m_server->port(), request(Opcode::Rrq, "p.bin"));
    RawPeer::Got g = p.next();
    QVERIFY(isData(g, 1));
    p.tid = g.port;
    p.ack(1);
    QVERIFY(isData(p.next(), 2));
    QTRY_VERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().first().value<TransferInfo>().bytes, qint64(512));
    QCOMPARE(progress.last().first().value<TransferInfo>().total, qint64(512 * 20));
    QCOMPARE(progress.last().first().value<TransferInfo>().state, TransferInfo::Transferring);
    const int before = progress.size();
    QTest::qWait(3 * Server::ProgressIntervalMs + 50);   // nothing moved: no progress
    QCOMPARE(progress.size(), before);
    p.ack(2);
    QTRY_COMPARE(progress.size(), before + 1);
    QCOMPARE(progress.last().first().value<TransferInfo>().bytes, qint64(1024));
}

void tst_tftpserver::outsideNeverTouched()
{
    QString what;
    QVERIFY2(m_tree.untouched(&what), qPrintable(what));
}

QTEST_MAIN(tst_tftpserver)
#include "tst_tftpserver.moc"
