// The TFTP server in this process under load, on 127.0.0.1 (port 0): 200 downloads at once by our client
// (all complete, all identical), a vanished client that costs only its own timeouts while another download
// runs, and a flood of 100,000 requests (garbage, refused, and retransmitted RRQs) that costs bounded memory,
// is logged at a bounded rate and does not stop a running download.

#include "servertestutil.h"

#include <QCoreApplication>
#include <QElapsedTimer>

using namespace NetPoke::Tftp;
using namespace ServerTest;

class tst_tftpserverload : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void concurrentDownloads();
    void vanishedClient_data();
    void vanishedClient();
    void flood();
    void outsideNeverTouched();

private:
    Tree m_tree;
    QTemporaryDir m_scratch;
    std::unique_ptr<Server> m_server;
};

void tst_tftpserverload::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    QVERIFY(m_tree.create());
}

void tst_tftpserverload::cleanup()
{
    m_server.reset();
}

// 200 clients at once (the default cap): each its own transfer and state; all files arrive whole.
void tst_tftpserverload::concurrentDownloads()
{
    m_server = startServer(m_tree.root);
    QVERIFY(m_server);
    QCOMPARE(m_server->settings().maxTransfers, 200);
    constexpr int Files = 16;
    constexpr int Clients = 200;
    QList<QByteArray> files;
    for (int i = 0; i < Files; ++i) {
        files.append(randomBytes(64 * 1024 + i * 37, quint32(100 + i)));
        QVERIFY(!m_tree.put(QStringLiteral("sub/c%1.bin").arg(i), files.last()).isEmpty());
    }
    int running = 0;
    int peak = 0;
    connect(m_server.get(), &Server::transferStarted, this, [&] { peak = qMax(peak, ++running); });
    connect(m_server.get(), &Server::transferFinished, this, [&] { --running; });
    QSignalSpy refused(m_server.get(), &Server::requestRefused);
    std::vector<std::unique_ptr<Client>> clients;
    int ok = 0;
    int failed = 0;
    for (int i = 0; i < Clients; ++i) {
        auto c = std::make_unique<Client>();
        ClientOptions o;
        o.blockSize = 512;
        o.windowSize = i % 2 ? 4 : 0;   // half lock-step, half in windows
        c->setOptions(o);
        connect(c.get(), &Client::finished, this, [&](bool good) { ++(good ? ok : failed); });
        QVERIFY(c->download(QStringLiteral("127.0.0.1"), m_server->port(), QStringLiteral("sub/c%1.bin").arg(i % Files),
                            m_scratch.filePath(QStringLiteral("c%1.out").arg(i))));
        clients.push_back(std::move(c));
    }
    QTRY_COMPARE_WITH_TIMEOUT(ok + failed, Clients, 120000);
    QCOMPARE(failed, 0);
    QCOMPARE(refused.size(), 0);
    for (int i = 0; i < Clients; ++i)
        QVERIFY2(Tree::get(m_scratch.filePath(QStringLiteral("c%1.out").arg(i))) == files.at(i % Files), qPrintable(QString::number(i)));
    qInfo("at most %d transfers ran at once", peak);
    QVERIFY2(peak > Clients / 2, qPrintable(QString::number(peak)));
    QVERIFY(peak <= Clients);
    QTRY_COMPARE(m_server->activeTransfers(), 0);
}

void tst_tftpserverload::vanishedClient_data()
{
    QTest::addColumn<bool>("closePort");
    QTest::newRow("silent (port open)") << false;
    QTest::newRow("port closed (ICMP)") << true;
}

// A client that goes away costs its own timeouts only: another download runs meanwhile, and the vanished
// one is cleaned up (counted out, its socket closed).
void tst_tftpserverload::vanishedClient()
{
    QFETCH(bool, closePort);
    m_server = startServer(m_tree.root, QHostAddress(QHostAddress::LocalHost), [](Server::Settings &s) {
        s.timeoutMs = 100;
        s.retries = 2;
    });
    QVERIFY(m_server);
    const QByteArray big = randomBytes(4 * 1024 * 1024, 15);
    QVERIFY(!m_tree.put(QStringLiteral("v.bin"), big).isEmpty());
    QSignalSpy finished(m_server.get(), &Server::transferFinished);
    auto p = std::make_unique<RawPeer>();
    p->sendTo(m_server->port(), request(Opcode::Rrq, "v.bin", "octet", {{"blksize", "1024"}}));
    const RawPeer::Got g = p->next();
    QVERIFY(g.packet.opcode == Opcode::Oack);
    p->tid = g.port;
    p->ack(0);
    QVERIFY(isData(p->next(), 1));
    if (closePort)
        p.reset();   // the next DATA is answered with "port unreachable"
    QCOMPARE(m_server->activeTransfers(), 1);
    ClientOptions o;
    o.blockSize = 1468;
    o.windowSize = 4;
    QByteArray got;
    QVERIFY(download(*m_server, QStringLiteral("v.bin"), o, &got, m_scratch.path()));
    QVERIFY(got == big);
    QTRY_COMPARE(finished.size(), 2);
    QTRY_COMPARE(m_server->activeTransfers(), 0);
    TransferInfo vanished;
    for (int i = 0; i < finished.size(); ++i) {
        if (!infoAt(finished, i).ok())
            vanished = infoAt(finished, i);
    }
    QCOMPARE(vanished.state, TransferInfo::Failed);
    QVERIFY2(vanished.result.contains(closePort ? QLatin1String("went away") : QLatin1String("timed out")),
             qPrintable(vanished.result));
    QVERIFY(m_server->transfers().isEmpty());
}

// 100,000 datagrams from 20 ports: garbage, unknown opcodes, requests for missing files, uploads to a
// read-only server, and the same RRQ again and again. Each port has at most one transfer at a time (a
// repeated RRQ is ignored while its transfer runs); memory stays bounded; refusals are logged at most ~20 a
// second; the download that runs meanwhile keeps moving and arrives whole.
void tst_tftpserverload::flood()
{
    m_server = startServer(m_tree.root, QHostAddress(QHostAddress::LocalHost), [](Server::Settings &s) {
        s.maxTransfers = 50;
        s.timeoutMs = 200;
        s.retries = 1;
    });
    QVERIFY(m_server);
    const QByteArray data = randomBytes(2 * 1024 * 1024, 30);
    QVERIFY(!m_tree.put(QStringLiteral("f.bin"), data).isEmpty());
    QSignalSpy refused(m_server.get(), &Server::requestRefused);
    QSignalSpy log(m_server.get(), &Server::logLine);
    QSignalSpy started(m_server.get(), &Server::transferStarted);

    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 0;   // lock-step: many round trips, so that the flood meets it
    c.setOptions(o);
    QSignalSpy done(&c, &Client::finished);
    QVERIFY(c.download(QStringLiteral("127.0.0.1"), m_server->port(), QStringLiteral("f.bin"),
                       m_scratch.filePath(QStringLiteral("f.out"))));
    QTRY_VERIFY(c.progress().bytes > 0);

    std::vector<std::unique_ptr<RawPeer>> flooders;
    for (int i = 0; i < 20; ++i)
        flooders.push_back(std::make_unique<RawPeer>());
    QRandomGenerator rng(31);
    const qint64 rssBefore = residentBytes();
    const qint64 bytesBefore = c.progress().bytes;
    QElapsedTimer clock;
    clock.start();
    int maxActive = 0;
    qint64 answers = 0;
    constexpr int Total = 100000;
    constexpr int Chunk = 500;
    for (int sent = 0; sent < Total;) {
        for (int k = 0; k < Chunk; ++k, ++sent) {
            RawPeer &f = *flooders[size_t(sent % 20)];
            QByteArray d;
            switch (sent % 6) {
            case 0: d = request(Opcode::Rrq, "f.bin"); break;   // the same RRQ again and again
            case 1: d = randomBytes(rng.bounded(0, 100), quint32(sent)); break;
            case 2: d = request(Opcode::Rrq, "missing-" + QByteArray::number(sent)); break;
            case 3: d = request(Opcode::Wrq, "new.bin"); break;
            case 4: d = QByteArray("\0\x0b", 2) + QByteArray(40, 'z'); break;
            default: d = Packet::error(0, "noise").serialize(); break;
            }
            f.sendTo(m_server->port(), d);
        }
        QCoreApplication::processEvents();
        for (auto &f : flooders) {
            while (f->sock.hasPendingDatagrams()) {
                f->sock.receiveDatagram(64);
                ++answers;
            }
        }
        maxActive = qMax(maxActive, m_server->activeTransfers());
        QVERIFY(m_server->transfers().size() <= 21);
    }
    const qint64 floodMs = clock.elapsed();
    const qint64 bytesAfter = c.progress().bytes;
    const qint64 rssGrowth = residentBytes() - rssBefore;
    qInfo("flood of %d datagrams sent in %lld ms; %lld answers received; %lld refusals reported, %lld log lines, "
          "%lld transfers started, at most %d at once, resident memory %+lld KiB, the download moved %lld bytes meanwhile",
          Total, floodMs, answers, qint64(refused.size()), qint64(log.size()), qint64(started.size()), maxActive,
          rssGrowth / 1024, bytesAfter - bytesBefore);
    QVERIFY2(maxActive <= 21, qPrintable(QString::number(maxActive)));   // 20 flooder ports + the client
    QVERIFY(bytesAfter > bytesBefore || !done.isEmpty());
    QVERIFY2(rssGrowth < 64 * 1024 * 1024, qPrintable(QString::number(rssGrowth)));
    // At most RefusalLogsPerSecond a second, plus one line a second counting the rest.
    const qint64 seconds = floodMs / 1000 + 2;
    QVERIFY2(refused.size() <= 20 * seconds, qPrintable(QString::number(refused.size())));
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 60000);
    QVERIFY2(done.first().first().toBool(), qPrintable(c.errorString()));
    QVERIFY(Tree::get(m_scratch.filePath(QStringLiteral("f.out"))) == data);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->activeTransfers(), 0, 10000);
    // The refusals left out are counted in a line once their second is over.
    auto counted = [&log] {
        for (int i = 0; i < log.size(); ++i) {
            if (log.at(i).first().toString().contains(QLatin1String("more refused requests not logged")))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(counted(), 5000);
}

void tst_tftpserverload::outsideNeverTouched()
{
    QString what;
    QVERIFY2(m_tree.untouched(&what), qPrintable(what));
}

QTEST_MAIN(tst_tftpserverload)
#include "tst_tftpserverload.moc"
