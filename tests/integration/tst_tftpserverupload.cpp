// Uploads (WRQ) to the TFTP server in this process, from raw datagrams on 127.0.0.1 and ::1 (port 0): octet
// and netascii, block and window sizes, empty files and exact multiples, rollover; what is refused (existing
// files without overwrite, missing folders, links, "..", folders, FIFOs); the size limit by tsize and as
// the data comes; aborted, vanished and stopped uploads leave nothing (and an existing file as it was); a
// gap in a window and the final block sent again.

#include "looptestutil.h"
#include "servertestutil.h"

#include <csignal>
#include <sys/resource.h>

using namespace NetPoke::Tftp;
using namespace ServerTest;

class tst_tftpserverupload : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void upload_data();
    void upload();
    void uploadsOffByDefault();
    void refused_data();
    void refused();
    void overwrite();
    void sizeLimit();
    void diskFullGivesError3();
    void abortedLeavesNothing_data();
    void abortedLeavesNothing();
    void gapAndDally();
    void stopDiscardsUploads();
    void outsideNeverTouched();

private:
    Server *startServer(const std::function<void(Server::Settings &)> &tweak = {},
                        const QHostAddress &address = QHostAddress(QHostAddress::LocalHost))
    {
        m_server = ServerTest::startServer(m_tree.root, address, [&](Server::Settings &s) {
            s.allowUploads = true;
            if (tweak)
                tweak(s);
        });
        return m_server.get();
    }
    QString upPath(const QString &name) const { return m_tree.root + QStringLiteral("/up/") + name; }

    Tree m_tree;
    std::unique_ptr<Server> m_server;
    bool m_ipv6 = false;
};

void tst_tftpserverupload::initTestCase()
{
    m_ipv6 = LoopTest::ipv6LoopbackUsable();
    QVERIFY(m_tree.create());
}

void tst_tftpserverupload::cleanup()
{
    m_server.reset();
    QDir up(m_tree.root + QStringLiteral("/up"));
    for (const QString &f : Tree::entries(up.path()))
        QVERIFY(up.remove(f));
}

void tst_tftpserverupload::upload_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("blksize");   // 0: not asked
    QTest::addColumn<int>("window");    // 0: not asked
    QTest::addColumn<bool>("netascii");
    QTest::addColumn<bool>("tsize");
    const QList<std::pair<const char *, QHostAddress>> families{
        {"IPv4", QHostAddress(QHostAddress::LocalHost)}, {"IPv6", QHostAddress(QHostAddress::LocalHostIPv6)}};
    for (const auto &[family, a] : families) {
        auto row = [&, family = family, a = a](const char *name) {
            return &(QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(family), QLatin1String(name))))
                     << a);
        };
        *row("no options, lock-step") << 1000 << 0 << 0 << false << false;
        *row("blksize 1428, window 4, tsize") << 100000 << 1428 << 4 << false << true;
        *row("exact multiple") << 2048 << 512 << 0 << false << false;
        *row("empty file") << 0 << 0 << 0 << false << true;
        *row("blksize 65464, window 2") << 300000 << 65464 << 2 << false << false;
        *row("netascii, window 4") << 20000 << 512 << 4 << true << false;
    }
    QTest::newRow("rollover: blksize 8, window 16") << QHostAddress(QHostAddress::LocalHost) << 8 * 70000 + 5 << 8 << 16
                                                    << false << false;
}

void tst_tftpserverupload::upload()
{
    QFETCH(QHostAddress, address);
    QFETCH(int, size);
    QFETCH(int, blksize);
    QFETCH(int, window);
    QFETCH(bool, netascii);
    QFETCH(bool, tsize);
    SKIP_IF_NO_IPV6(address);
    QVERIFY(startServer({}, address));
    const QByteArray file = netascii ? textBytes(size, quint32(size)) : randomBytes(size, quint32(size));
    const QByteArray wire = netascii ? netasciiEncoded(file) : file;
    QList<Option> options;
    if (blksize)
        options.append({"blksize", QByteArray::number(blksize)});
    if (tsize)
        options.append({"tsize", QByteArray::number(wire.size())});
    if (window)
        options.append({"windowsize", QByteArray::number(window)});
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    // The first answer, seen by a probe that then gives up: an OACK granting all asked (tsize echoed), or
    // without options ACK 0.
    RawPeer probe(address);
    probe.sendTo(m_server->port(), request(Opcode::Wrq, "up/new.bin", netascii ? "netascii" : "octet", options));
    const RawPeer::Got first = probe.next();
    if (options.isEmpty()) {
        QVERIFY2(isAck(first, 0), qPrintable(describe(first)));
    } else {
        QVERIFY2(first.ok && first.packet.opcode == Opcode::Oack, qPrintable(describe(first)));
        QCOMPARE(first.packet.options, options);
    }
    probe.sendTo(first.port, Packet::error(0, "probe done").serialize());
    QTRY_COMPARE(finished.size(), 1);
    RawPeer p(address);
    const RawPeer::Got last = ServerTest::upload(p, m_server->port(), "up/new.bin", wire, netascii ? "netascii" : "octet", options);
    const int blk = blksize ? blksize : 512;
    QVERIFY2(isAck(last, quint16((wire.size() / blk + 1) & 0xFFFF)), qPrintable(describe(last)));
    QTRY_COMPARE(finished.size(), 2);
    const TransferInfo info = infoAt(finished, 1);
    QCOMPARE(info.state, TransferInfo::Finished);
    QCOMPARE(info.direction, TransferInfo::Upload);
    QCOMPARE(info.bytes, qint64(wire.size()));
    QCOMPARE(info.total, qint64(wire.size()));
    QCOMPARE(info.file, QStringLiteral("up/new.bin"));
    const QByteArray saved = Tree::get(upPath(QStringLiteral("new.bin")));
    QCOMPARE(saved.size(), file.size());
    QVERIFY(saved == file);
    QCOMPARE(Tree::entries(m_tree.root + QStringLiteral("/up")), QStringList{QStringLiteral("new.bin")});
}

void tst_tftpserverupload::uploadsOffByDefault()
{
    m_server = ServerTest::startServer(m_tree.root);
    QVERIFY(m_server);
    RawPeer p;
    p.sendTo(m_server->port(), request(Opcode::Wrq, "up/x.bin"));
    const RawPeer::Got g = p.next();
    QVERIFY2(isError(g, 2), qPrintable(describe(g)));
    QCOMPARE(g.packet.errorMessage, QByteArray("Uploads are not allowed"));
    QVERIFY(Tree::entries(m_tree.root + QStringLiteral("/up")).isEmpty());
}

void tst_tftpserverupload::refused_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("overwrite");
    QTest::addColumn<int>("code");
    QTest::newRow("existing, no overwrite") << QByteArray("up/old.bin") << false << 6;
    QTest::newRow("missing folder") << QByteArray("nofolder/x.bin") << true << 1;
    QTest::newRow("dot dot") << QByteArray("../outside/new") << true << 2;
    QTest::newRow("onto a link out") << QByteArray("link-out") << true << 2;
    QTest::newRow("into a folder link out") << QByteArray("link-outdir/new") << true << 2;
    QTest::newRow("onto a link to the sibling") << QByteArray("link-sibling") << true << 2;
    QTest::newRow("a folder") << QByteArray("sub") << true << 2;
    QTest::newRow("the root") << QByteArray("/") << true << 2;
    QTest::newRow("fifo") << QByteArray("fifo") << true << 2;
    QTest::newRow("name too long") << QByteArray("up/" + QByteArray(300, 'n')) << true << 4;
}

// Refused from the request port before anything is created; an existing file is left as it was.
void tst_tftpserverupload::refused()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, overwrite);
    QFETCH(int, code);
    QVERIFY(!m_tree.put(QStringLiteral("up/old.bin"), "old contents").isEmpty());
    QVERIFY(startServer([overwrite](Server::Settings &s) { s.allowOverwrite = overwrite; }));
    const QStringList before = Tree::entries(m_tree.root);
    QSignalSpy started(m_server.get(), &Server::transferStarted);
    RawPeer p;
    p.sendTo(m_server->port(), request(Opcode::Wrq, name, "octet", {{"tsize", "5"}}));
    const RawPeer::Got g = p.next();
    QVERIFY2(isError(g, quint16(code)), qPrintable(describe(g)));
    QCOMPARE(g.port, m_server->port());
    QCOMPARE(started.size(), 0);
    QCOMPARE(Tree::entries(m_tree.root), before);
    QCOMPARE(Tree::entries(m_tree.root + QStringLiteral("/up")), QStringList{QStringLiteral("old.bin")});
    QCOMPARE(Tree::get(upPath(QStringLiteral("old.bin"))), QByteArray("old contents"));
}

void tst_tftpserverupload::overwrite()
{
    QVERIFY(!m_tree.put(QStringLiteral("up/old.bin"), "old contents").isEmpty());
    QVERIFY(startServer([](Server::Settings &s) { s.allowOverwrite = true; }));
    RawPeer p;
    const QByteArray data = randomBytes(5000, 21);
    QVERIFY(isAck(ServerTest::upload(p, m_server->port(), "up/old.bin", data), 10));
    QTRY_COMPARE(Tree::get(upPath(QStringLiteral("old.bin"))), data);
    QCOMPARE(Tree::entries(m_tree.root + QStringLiteral("/up")), QStringList{QStringLiteral("old.bin")});
}

// maxUploadBytes: refused up front by the client's tsize, else with ERROR 3 once the data goes past it.
void tst_tftpserverupload::sizeLimit()
{
    QVERIFY(startServer([](Server::Settings &s) { s.maxUploadBytes = 10000; }));
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    RawPeer a;
    a.sendTo(m_server->port(), request(Opcode::Wrq, "up/big.bin", "octet", {{"tsize", "10001"}}));
    RawPeer::Got g = a.next();
    QVERIFY2(isError(g, 3), qPrintable(describe(g)));
    QCOMPARE(g.port, m_server->port());

    RawPeer b;
    g = ServerTest::upload(b, m_server->port(), "up/big.bin", randomBytes(20000, 22));
    QVERIFY2(isError(g, 3), qPrintable(describe(g)));
    QCOMPARE(g.port, b.tid);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(infoAt(finished, 0).state, TransferInfo::Failed);
    QVERIFY(Tree::entries(m_tree.root + QStringLiteral("/up")).isEmpty());

    RawPeer c;
    const QByteArray fits = randomBytes(10000, 23);
    QVERIFY(isAck(ServerTest::upload(c, m_server->port(), "up/fits.bin", fits, "octet", {{"tsize", "10000"}}), 20));
    QCOMPARE(Tree::get(upPath(QStringLiteral("fits.bin"))), fits);
}

// A write that fails (here: past RLIMIT_FSIZE, as when the disk fills) ends the upload with ERROR 3 and
// leaves nothing.
void tst_tftpserverupload::diskFullGivesError3()
{
    QVERIFY(startServer());
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    struct rlimit old {};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);   // EFBIG instead of the signal
    struct rlimit small = old;
    small.rlim_cur = 64 * 1024;
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
    RawPeer p;
    const RawPeer::Got g = ServerTest::upload(p, m_server->port(), "up/full.bin", randomBytes(400000, 29), "octet",
                                              {{"blksize", "1428"}});
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, previous);
    QVERIFY2(isError(g, 3), qPrintable(describe(g)));
    QCOMPARE(g.port, p.tid);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY2(infoAt(finished, 0).result.startsWith(QLatin1String("cannot write the file")), qPrintable(infoAt(finished, 0).result));
    QVERIFY(Tree::entries(m_tree.root + QStringLiteral("/up")).isEmpty());
}

void tst_tftpserverupload::abortedLeavesNothing_data()
{
    QTest::addColumn<bool>("error");       // the client says so; else it vanishes (the server times out)
    QTest::addColumn<bool>("existing");    // overwriting an existing file
    QTest::newRow("ERROR from the client, new file") << true << false;
    QTest::newRow("ERROR from the client, existing file") << true << true;
    QTest::newRow("client vanished, new file") << false << false;
    QTest::newRow("client vanished, existing file") << false << true;
}

void tst_tftpserverupload::abortedLeavesNothing()
{
    QFETCH(bool, error);
    QFETCH(bool, existing);
    if (existing)
        QVERIFY(!m_tree.put(QStringLiteral("up/a.bin"), "keep me").isEmpty());
    QVERIFY(startServer([](Server::Settings &s) {
        s.allowOverwrite = true;
        s.timeoutMs = 100;
        s.retries = 2;
    }));
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    RawPeer p;
    QVERIFY(!ServerTest::upload(p, m_server->port(), "up/a.bin", randomBytes(512 * 10, 24), "octet", {}, 3, error).ok);
    QTRY_COMPARE(finished.size(), 1);
    const TransferInfo info = infoAt(finished, 0);
    QCOMPARE(info.state, TransferInfo::Failed);
    QVERIFY2(info.result.contains(error ? QLatin1String("TFTP error 0") : QLatin1String("timed out")), qPrintable(info.result));
    QCOMPARE(info.bytes, qint64(3 * 512));
    if (existing) {
        QCOMPARE(Tree::entries(m_tree.root + QStringLiteral("/up")), QStringList{QStringLiteral("a.bin")});
        QCOMPARE(Tree::get(upPath(QStringLiteral("a.bin"))), QByteArray("keep me"));
    } else {
        QVERIFY(Tree::entries(m_tree.root + QStringLiteral("/up")).isEmpty());
    }
    QCOMPARE(m_server->activeTransfers(), 0);
}

// A block lost in a window: the server ACKs the last block it has in order, the client goes on from there.
// After the final ACK, the final block sent again (our ACK "lost") is answered again.
void tst_tftpserverupload::gapAndDally()
{
    QVERIFY(startServer([](Server::Settings &s) { s.timeoutMs = 20000; }));
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    const QByteArray data = randomBytes(512 * 6 + 10, 25);
    auto block = [&](int n) { return data.mid((n - 1) * 512, 512); };
    RawPeer p;
    p.sendTo(m_server->port(), request(Opcode::Wrq, "up/gap.bin", "octet", {{"windowsize", "4"}}));
    RawPeer::Got g = p.next();
    QVERIFY2(g.packet.opcode == Opcode::Oack, qPrintable(describe(g)));
    p.tid = g.port;
    p.data(1, block(1));
    p.data(2, block(2));
    p.data(4, block(4));   // 3 is "lost"
    g = p.next();
    QVERIFY2(isAck(g, 2), qPrintable(describe(g)));
    p.data(4, block(4));   // still a gap: answered once per gap only
    p.data(3, block(3));
    p.data(4, block(4));
    p.data(5, block(5));
    p.data(6, block(6));
    g = p.next();
    QVERIFY2(isAck(g, 6), qPrintable(describe(g)));
    p.data(1, block(1));   // an old duplicate: not answered
    p.data(7, block(7));
    g = p.next();
    QVERIFY2(isAck(g, 7), qPrintable(describe(g)));
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(infoAt(finished, 0).ok());
    QCOMPARE(Tree::get(upPath(QStringLiteral("gap.bin"))), data);
    p.data(7, block(7));
    g = p.next();
    QVERIFY2(isAck(g, 7), qPrintable(describe(g)));
    QCOMPARE(finished.size(), 1);
}

// stop(): every transfer ends (told with ERROR 0), uploads are discarded: nothing half-written stays.
void tst_tftpserverupload::stopDiscardsUploads()
{
    QVERIFY(!m_tree.put(QStringLiteral("up/keep.bin"), "keep me").isEmpty());
    QVERIFY(!m_tree.put(QStringLiteral("down.bin"), randomBytes(5000, 26)).isEmpty());
    QVERIFY(startServer([](Server::Settings &s) {
        s.allowOverwrite = true;
        s.timeoutMs = 20000;
    }));
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    QSignalSpy running(m_server.get(), &Server::runningChanged);
    RawPeer up, over, down;
    QVERIFY(!ServerTest::upload(up, m_server->port(), "up/new.bin", randomBytes(5000, 27), "octet", {}, 3).ok);
    QVERIFY(!ServerTest::upload(over, m_server->port(), "up/keep.bin", randomBytes(5000, 28), "octet", {}, 3).ok);
    down.sendTo(m_server->port(), request(Opcode::Rrq, "down.bin"));
    QVERIFY(isData(down.next(), 1));
    QCOMPARE(m_server->activeTransfers(), 3);
    m_server->stop();
    QVERIFY(!m_server->isRunning());
    QCOMPARE(running.size(), 1);
    QCOMPARE(finished.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(infoAt(finished, i).state, TransferInfo::Failed);
        QCOMPARE(infoAt(finished, i).result, QStringLiteral("the server stopped"));
    }
    for (RawPeer *p : {&up, &over, &down}) {
        const RawPeer::Got g = p->next();
        QVERIFY2(isError(g, 0), qPrintable(describe(g)));
        QCOMPARE(g.packet.errorMessage, QByteArray("Server shutting down"));
    }
    QCOMPARE(Tree::entries(m_tree.root + QStringLiteral("/up")), QStringList{QStringLiteral("keep.bin")});
    QCOMPARE(Tree::get(upPath(QStringLiteral("keep.bin"))), QByteArray("keep me"));
    QCOMPARE(m_server->activeTransfers(), 0);
}

void tst_tftpserverupload::outsideNeverTouched()
{
    QString what;
    QVERIFY2(m_tree.untouched(&what), qPrintable(what));
}

QTEST_MAIN(tst_tftpserverupload)
#include "tst_tftpserverupload.moc"
