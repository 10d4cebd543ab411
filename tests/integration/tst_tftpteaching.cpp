// Teaching mode (Tftp::TeachingGate through ClientOptions::teaching and Server::Settings::teaching) on
// 127.0.0.1, port 0: the gate's choice of drops (every Nth, a seeded per cent, never a request), its pace;
// a download and an upload that lose every 3rd packet of the client's still arrive byte for byte with the
// drops and the retransmissions in the trace; the server's own teaching the same; a pace of 20 packets a
// second spreads the sends by at least 50 ms (a lower bound only: load can only make it slower).

#include "servertestutil.h"
#include "tftp/tftpteaching.h"

using namespace NetPoke::Tftp;
using namespace ServerTest;

namespace {

// The outgoing packet entries (not notes).
QList<TraceEntry> outgoing(const QList<TraceEntry> &entries)
{
    QList<TraceEntry> out;
    for (const TraceEntry &e : entries)
        if (e.outgoing && !e.note)
            out.append(e);
    return out;
}

int countDrops(const QList<TraceEntry> &entries)
{
    int n = 0;
    for (const TraceEntry &e : entries)
        n += isTeachingDrop(e) ? 1 : 0;
    return n;
}

int countRetransmissions(const QList<TraceEntry> &entries)
{
    int n = 0;
    for (const TraceEntry &e : entries)
        n += e.retransmission ? 1 : 0;
    return n;
}

QByteArray ack(quint16 block)
{
    char b[4] = {0, 4, char(block >> 8), char(block & 0xFF)};
    return QByteArray(b, 4);
}

QString dump(const QList<TraceEntry> &entries)
{
    QStringList lines;
    for (const TraceEntry &e : entries)
        lines.append(QStringLiteral("%1 %2 %3%4").arg(e.elapsedMs).arg(e.outgoing ? QStringLiteral("->") : QStringLiteral("<-"),
                                                        e.summary, e.retransmission ? QStringLiteral(" (re)") : QString()));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class tst_tftpteaching : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void validate();
    void gateDropsEveryNth();
    void gateDropPercentIsSeeded();
    void gatePaces();
    void clientDownloadLosesEveryThird();
    void clientUploadLosesEveryThird();
    void clientPacedDownload();
    void serverLosesEveryThird();
    void serverPacedDownload();

private:
    Tree m_tree;
    QTemporaryDir m_scratch;
    std::unique_ptr<Server> m_server;
};

void tst_tftpteaching::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    QVERIFY(m_tree.create());
}

void tst_tftpteaching::cleanup()
{
    m_server.reset();
}

void tst_tftpteaching::validate()
{
    TeachingOptions o;
    QVERIFY(!o.isOn());
    QVERIFY(o.validate().isEmpty());
    o.dropEvery = 1;
    QVERIFY(!o.validate().isEmpty());
    o.dropEvery = 3;
    QVERIFY(o.validate().isEmpty());
    QVERIFY(o.isOn());
    o.dropPercent = 101;
    QVERIFY(!o.validate().isEmpty());
    o.dropPercent = 10;
    o.packetsPerSecond = TeachingOptions::MaxRate + 1;
    QVERIFY(!o.validate().isEmpty());
    ClientOptions c;
    c.teaching.packetsPerSecond = -1;
    QVERIFY(!c.validate().isEmpty());
    Server::Settings s;
    s.root = m_tree.root;
    s.teaching.dropEvery = 1;
    QVERIFY(!s.validate().isEmpty());
}

// Every 3rd DATA or ACK is dropped, never a request (or an ERROR); entries of dropped packets come even
// when the protocol made none; a dropped packet takes its turn in order (after the event loop).
void tst_tftpteaching::gateDropsEveryNth()
{
    QElapsedTimer clock;
    clock.start();
    TeachingGate gate;
    QList<TraceEntry> entries;
    TeachingOptions o;
    o.dropEvery = 3;
    gate.start(o, &clock, [&](const TraceEntry &e) { entries.append(e); }, true);
    QList<QByteArray> wire;
    const auto to = [&](const QByteArray &b) { wire.append(b); return true; };
    const QByteArray rrq = request(Opcode::Rrq, "x");
    gate.send(rrq.constData(), rrq.size(), to);
    for (quint16 b = 1; b <= 9; ++b) {
        const QByteArray a = ack(b);
        gate.send(a.constData(), a.size(), to);
    }
    const QByteArray err = Packet::error(0, "x").serialize();
    gate.send(err.constData(), err.size(), to);
    QTRY_VERIFY(!gate.hasQueued());
    QCOMPARE(gate.droppedCount(), quint64(3));
    QCOMPARE(gate.sentCount(), quint64(8));
    QCOMPARE(wire.size(), 8);
    QCOMPARE(wire.at(0), rrq);
    QCOMPARE(wire.at(1), ack(1));
    QCOMPARE(wire.at(2), ack(2));
    QCOMPARE(wire.at(3), ack(4));   // 3 dropped
    QCOMPARE(wire.at(5), ack(7));   // 6 dropped
    QCOMPARE(wire.at(6), ack(8));
    QCOMPARE(wire.last(), err);
    QCOMPARE(entries.size(), 3);    // nothing captured: only the drops have entries
    QCOMPARE(entries.at(0).summary, ackSummary(3) + teachingDropSuffix());
    QVERIFY(isTeachingDrop(entries.at(2)));
    QVERIFY(entries.at(2).summary.startsWith(QStringLiteral("ACK 9")));
}

void tst_tftpteaching::gateDropPercentIsSeeded()
{
    const auto run = [](quint32 seed) {
        QElapsedTimer clock;
        clock.start();
        TeachingGate gate;
        TeachingOptions o;
        o.dropPercent = 30;
        o.seed = seed;
        gate.start(o, &clock, {}, false);
        QList<int> sent;
        for (quint16 b = 1; b <= 200; ++b) {
            const QByteArray a = ack(b);
            gate.send(a.constData(), a.size(), [&sent, b](const QByteArray &) { sent.append(b); return true; });
        }
        gate.flush();
        return sent;
    };
    const QList<int> a = run(7);
    QCOMPARE(run(7), a);            // repeatable
    QVERIFY(run(8) != a);
    // 30 % of 200: far from none and from all (binomial, seed fixed: no chance involved in the test).
    QVERIFY2(a.size() > 100 && a.size() < 180, qPrintable(QString::number(a.size())));
}

// 20 packets a second: a send waits 50 ms after the one before; the first goes at once.
void tst_tftpteaching::gatePaces()
{
    QElapsedTimer clock;
    clock.start();
    TeachingGate gate;
    TeachingOptions o;
    o.packetsPerSecond = 20;
    gate.start(o, &clock, {}, false);
    QCOMPARE(gate.intervalMs(), 50);
    QList<qint64> at;
    for (quint16 b = 1; b <= 4; ++b) {
        const QByteArray a = ack(b);
        gate.send(a.constData(), a.size(), [&](const QByteArray &) { at.append(clock.nsecsElapsed()); return true; });
    }
    QCOMPARE(at.size(), 1);         // the others wait for their turn
    QVERIFY(gate.hasQueued());
    QTRY_COMPARE(at.size(), 4);
    for (int i = 1; i < at.size(); ++i)
        QVERIFY2(at.at(i) - at.at(i - 1) >= 49 * 1000000, qPrintable(QString::number(at.at(i) - at.at(i - 1))));
}

void tst_tftpteaching::clientDownloadLosesEveryThird()
{
    const QByteArray data = randomBytes(12 * 512 + 100, 31);
    QVERIFY(!m_tree.put(QStringLiteral("lossy.bin"), data).isEmpty());
    m_server = startServer(m_tree.root);
    QVERIFY(m_server);
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 1;
    o.teaching.dropEvery = 3;
    QList<TraceEntry> trace;   // before the client: it outlives the client's last signal
    Client c;
    c.setOptions(o);
    c.setTraceEnabled(true);
    connect(&c, &Client::packetTraced, this, [&](const TraceEntry &e) { trace.append(e); });
    QSignalSpy finished(&c, &Client::finished);
    const QString out = m_scratch.filePath(QStringLiteral("lossy.out"));
    QVERIFY(c.download(QStringLiteral("127.0.0.1"), m_server->port(), QStringLiteral("lossy.bin"), out));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().first().toBool(), qPrintable(c.errorString() + QLatin1Char('\n') + dump(trace)));
    QCOMPARE(Tree::get(out), data);
    QVERIFY2(countDrops(trace) >= 3, qPrintable(dump(trace)));
    // Someone sent again what was lost: the server its DATA, or the client its ACK.
    QVERIFY2(countRetransmissions(trace) >= 1, qPrintable(dump(trace)));
    QVERIFY(c.progress().retransmissions >= 1 || countRetransmissions(trace) >= 1);
    // Only ACKs are dropped by the downloading client, never its request.
    for (const TraceEntry &e : trace)
        if (isTeachingDrop(e))
            QVERIFY2(e.summary.startsWith(QLatin1String("ACK ")), qPrintable(e.summary));
    QVERIFY(outgoing(trace).first().summary.startsWith(QLatin1String("RRQ ")));
}

void tst_tftpteaching::clientUploadLosesEveryThird()
{
    m_server = startServer(m_tree.root, QHostAddress(QHostAddress::LocalHost), [](Server::Settings &s) {
        s.allowUploads = true;
        s.allowOverwrite = true;
    });
    QVERIFY(m_server);
    const QByteArray data = randomBytes(10 * 512 + 7, 32);
    const QString local = m_scratch.filePath(QStringLiteral("up.bin"));
    QVERIFY(!Tree().put(local, data).isEmpty());
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 4;
    o.teaching.dropEvery = 3;
    QList<TraceEntry> trace;   // before the client: it outlives the client's last signal
    Client c;
    c.setOptions(o);
    c.setTraceEnabled(true);
    connect(&c, &Client::packetTraced, this, [&](const TraceEntry &e) { trace.append(e); });
    QSignalSpy finished(&c, &Client::finished);
    QVERIFY(c.upload(QStringLiteral("127.0.0.1"), m_server->port(), QStringLiteral("up/taught.bin"), local));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().first().toBool(), qPrintable(c.errorString() + QLatin1Char('\n') + dump(trace)));
    QTRY_COMPARE(Tree::get(m_tree.root + QStringLiteral("/up/taught.bin")), data);
    QVERIFY2(countDrops(trace) >= 3, qPrintable(dump(trace)));
    for (const TraceEntry &e : trace)
        if (isTeachingDrop(e))
            QVERIFY2(e.summary.startsWith(QLatin1String("DATA ")), qPrintable(e.summary));
    QVERIFY2(countRetransmissions(trace) >= 1, qPrintable(dump(trace)));
}

// 10 blocks lock-step at 20 packets a second: RRQ, ACK 0 (after the OACK), ACK 1..10 leave at least 50 ms
// apart, so the download takes at least 11 × 50 ms.
void tst_tftpteaching::clientPacedDownload()
{
    const QByteArray data = randomBytes(9 * 512 + 300, 33);
    QVERIFY(!m_tree.put(QStringLiteral("paced.bin"), data).isEmpty());
    m_server = startServer(m_tree.root);
    QVERIFY(m_server);
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 1;
    o.teaching.packetsPerSecond = 20;
    QList<TraceEntry> trace;   // before the client: it outlives the client's last signal
    Client c;
    c.setOptions(o);
    c.setTraceEnabled(true);
    connect(&c, &Client::packetTraced, this, [&](const TraceEntry &e) { trace.append(e); });
    QSignalSpy finished(&c, &Client::finished);
    const QString out = m_scratch.filePath(QStringLiteral("paced.out"));
    QElapsedTimer wall;
    wall.start();
    QVERIFY(c.download(QStringLiteral("127.0.0.1"), m_server->port(), QStringLiteral("paced.bin"), out));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().first().toBool(), qPrintable(c.errorString()));
    QCOMPARE(Tree::get(out), data);
    QVERIFY2(wall.elapsed() >= 400, qPrintable(QString::number(wall.elapsed())));
    QTRY_VERIFY(outgoing(trace).size() >= 12);   // the final ACK may leave after finished()
    const QList<TraceEntry> sent = outgoing(trace);
    QVERIFY2(sent.last().summary == ackSummary(10), qPrintable(dump(trace)));
    // The entries carry the time the packets left: spread by the pace (1 ms of rounding to whole ms).
    for (int i = 2; i < sent.size(); ++i)
        QVERIFY2(sent.at(i).elapsedMs - sent.at(i - 1).elapsedMs >= 49, qPrintable(dump(trace)));
    QVERIFY(sent.last().elapsedMs - sent.at(1).elapsedMs >= 10 * 49);
}

void tst_tftpteaching::serverLosesEveryThird()
{
    const QByteArray data = randomBytes(12 * 512 + 1, 34);
    QVERIFY(!m_tree.put(QStringLiteral("srvlossy.bin"), data).isEmpty());
    m_server = startServer(m_tree.root, QHostAddress(QHostAddress::LocalHost), [](Server::Settings &s) {
        s.trace = true;
        s.teaching.dropEvery = 3;
    });
    QVERIFY(m_server);
    QSignalSpy ended(m_server.get(), &Server::transferFinished);
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 2;
    QByteArray got;
    QVERIFY(download(*m_server, QStringLiteral("srvlossy.bin"), o, &got, m_scratch.path()));
    QCOMPARE(got, data);
    QTRY_COMPARE(ended.size(), 1);
    const TransferInfo info = infoAt(ended, 0);
    QVERIFY(info.ok());
    const QList<TraceEntry> trace = m_server->trace(info.id);
    QVERIFY2(countDrops(trace) >= 3, qPrintable(dump(trace)));
    for (const TraceEntry &e : trace)
        if (isTeachingDrop(e))
            QVERIFY2(e.summary.startsWith(QLatin1String("DATA ")), qPrintable(e.summary));
    QVERIFY2(countRetransmissions(trace) >= 1, qPrintable(dump(trace)));
    QVERIFY(info.retransmissions >= 1);

    // An upload to a server that drops every 3rd of its ACKs arrives whole too.
    m_server.reset();
    m_server = startServer(m_tree.root, QHostAddress(QHostAddress::LocalHost), [](Server::Settings &s) {
        s.trace = true;
        s.allowUploads = true;
        s.allowOverwrite = true;
        s.teaching.dropEvery = 3;
    });
    QVERIFY(m_server);
    const QString local = m_scratch.filePath(QStringLiteral("srvup.bin"));
    QVERIFY(!Tree().put(local, data).isEmpty());
    Client c;
    c.setOptions(o);
    QSignalSpy finished(&c, &Client::finished);
    QVERIFY(c.upload(QStringLiteral("127.0.0.1"), m_server->port(), QStringLiteral("up/srvup.bin"), local));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().first().toBool(), qPrintable(c.errorString()));
    QTRY_COMPARE(Tree::get(m_tree.root + QStringLiteral("/up/srvup.bin")), data);
}

void tst_tftpteaching::serverPacedDownload()
{
    const QByteArray data = randomBytes(9 * 512 + 10, 35);
    QVERIFY(!m_tree.put(QStringLiteral("srvpaced.bin"), data).isEmpty());
    m_server = startServer(m_tree.root, QHostAddress(QHostAddress::LocalHost), [](Server::Settings &s) {
        s.trace = true;
        s.teaching.packetsPerSecond = 20;
    });
    QVERIFY(m_server);
    QSignalSpy ended(m_server.get(), &Server::transferFinished);
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 4;   // a window goes out at the pace too, one DATA after the other
    QByteArray got;
    QVERIFY(download(*m_server, QStringLiteral("srvpaced.bin"), o, &got, m_scratch.path()));
    QCOMPARE(got, data);
    QTRY_COMPARE(ended.size(), 1);
    const QList<TraceEntry> sent = outgoing(m_server->trace(infoAt(ended, 0).id));
    QVERIFY2(sent.size() >= 11, qPrintable(dump(m_server->trace(infoAt(ended, 0).id))));   // OACK, DATA 1..10
    for (int i = 1; i < sent.size(); ++i)
        QVERIFY2(sent.at(i).elapsedMs - sent.at(i - 1).elapsedMs >= 49, qPrintable(dump(m_server->trace(infoAt(ended, 0).id))));
}

QTEST_GUILESS_MAIN(tst_tftpteaching)
#include "tst_tftpteaching.moc"
