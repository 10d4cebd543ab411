// End-to-end tests of `netpoke-cli tftp serve`: the real process on 127.0.0.1 / ::1 port 0 ("listening on"
// first on stderr), downloads with our own `netpoke-cli tftp get`, one log line per transfer on stdout,
// refusals, uploads (raw WRQ), SIGTERM and SIGINT stop it with exit 0 and discard an upload in progress,
// usage errors (exit 2, one line) and a port in use (exit 1).

#include "clitestutil.h"
#include "looptestutil.h"
#include "servertestutil.h"

#include <QProcess>

#include <csignal>

using CliTest::Result;
using CliTest::checkOneErrorLine;
using CliTest::lines;
using namespace ServerTest;

namespace {

constexpr int ProcessTimeoutMs = 30000;

// CliTest::finish(), also for a process that has ended while the event loop ran (waitForFinished() is
// false then).
Result stopped(QProcess &p)
{
    if (p.state() != QProcess::NotRunning)
        return CliTest::finish(p, ProcessTimeoutMs);
    Result r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class tst_tftpserve : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void help();
    void listedInTftpHelp();
    void serveAndGet_data();
    void serveAndGet();
    void refusalsLogged();
    void uploads();
    void uploadDiscardedOnStop_data();
    void uploadDiscardedOnStop();
    void usageErrors_data();
    void usageErrors();
    void portInUse();
    void outsideNeverTouched();

private:
    Result run(const QStringList &args);
    // Starts `tftp serve --root ROOT --listen listen extra...`; the port from its first stderr line, 0 on failure.
    quint16 startServe(QProcess &p, const QString &listen = QStringLiteral("127.0.0.1:0"), const QStringList &extra = {});

    Tree m_tree;
    QTemporaryDir m_work;
    bool m_ipv6 = false;
};

void tst_tftpserve::initTestCase()
{
    m_ipv6 = LoopTest::ipv6LoopbackUsable();
    QVERIFY(m_work.isValid());
    QVERIFY(m_tree.create());
}

Result tst_tftpserve::run(const QStringList &args)
{
    QProcess p;
    p.setProcessEnvironment(CliTest::environment());
    p.setWorkingDirectory(m_work.path());
    p.start(QStringLiteral(NETPOKE_CLI), args);
    if (!p.waitForStarted(5000))
        return Result();
    return CliTest::finish(p, ProcessTimeoutMs);
}

quint16 tst_tftpserve::startServe(QProcess &p, const QString &listen, const QStringList &extra)
{
    p.setProcessEnvironment(CliTest::environment());
    p.start(QStringLiteral(NETPOKE_CLI), QStringList{QStringLiteral("tftp"), QStringLiteral("serve"), QStringLiteral("--root"),
                                                     m_tree.root, QStringLiteral("--listen"), listen} + extra);
    if (!p.waitForStarted(5000))
        return 0;
    p.setReadChannel(QProcess::StandardError);
    CliTest::waitForLine(p, 10000);
    const QString line = QString::fromUtf8(p.readLine()).trimmed();
    p.setProperty("listening", line.section(QLatin1Char(' '), -1));
    return CliTest::listeningPort(line, p);
}

void tst_tftpserve::help()
{
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("serve"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *opt : {"--root", "--listen", "--allow-write", "--allow-overwrite", "--max-transfers", "--port-range",
                            "--max-size", "127.0.0.1:6969", "listening on", "standard output", "SIGTERM", "Exit status"})
        QVERIFY2(r.out.contains(opt), opt);
}

void tst_tftpserve::listedInTftpHelp()
{
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("serve"));
    QVERIFY(r.out.contains("get"));
}

void tst_tftpserve::serveAndGet_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QString>("host");
    QTest::newRow("IPv4") << QStringLiteral("127.0.0.1:0") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6") << QStringLiteral("[::1]:0") << QStringLiteral("[::1]");
    QTest::newRow("dual-stack, IPv4 client") << QStringLiteral("[::]:0") << QStringLiteral("127.0.0.1");
    QTest::newRow("port only: 127.0.0.1") << QStringLiteral("0") << QStringLiteral("127.0.0.1");
    QTest::newRow("localhost") << QStringLiteral("localhost:0") << QStringLiteral("127.0.0.1");
}

// Our own client downloads from it; the transfer is one line on stdout; SIGTERM ends it with exit 0.
void tst_tftpserve::serveAndGet()
{
    QFETCH(QString, listen);
    QFETCH(QString, host);
    if (!m_ipv6 && listen.contains(QLatin1Char('[')))
        QSKIP("::1 cannot be bound here (no IPv6 loopback)");
    const QByteArray data = randomBytes(300000, 40);
    QVERIFY(!m_tree.put(QStringLiteral("sub/get.bin"), data).isEmpty());
    QProcess serve;
    const quint16 port = startServe(serve, listen);
    QVERIFY(port != 0);
    if (!listen.contains(QLatin1Char('[')))
        QCOMPARE(serve.property("listening").toString(), QStringLiteral("127.0.0.1:%1").arg(port));
    const QString out = m_work.filePath(QStringLiteral("get.out"));
    const Result get = run({QStringLiteral("tftp"), QStringLiteral("get"),
                            QStringLiteral("tftp://%1:%2/sub/get.bin").arg(host).arg(port), QStringLiteral("-o"), out});
    QCOMPARE(get.exitCode, 0);
    QVERIFY(Tree::get(out) == data);
    serve.setReadChannel(QProcess::StandardOutput);
    CliTest::waitForLine(serve, 10000);
    const QString line = QString::fromUtf8(serve.readLine()).trimmed();
    for (const QString &part : {QStringLiteral("download \"sub/get.bin\" octet blksize="), QStringLiteral("tsize=300000"),
                                QStringLiteral(": 300000 bytes in "), QStringLiteral("0 retransmissions, ok")})
        QVERIFY2(line.contains(part), qPrintable(line + QStringLiteral(" lacks ") + part));
    QVERIFY2(line.startsWith(host == QLatin1String("[::1]") ? QLatin1String("[::1]:") : QLatin1String("127.0.0.1:")),
             qPrintable(line));
    serve.terminate();   // SIGTERM
    const Result r = stopped(serve);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    const QStringList err = lines(r.err);
    QCOMPARE(err.size(), 2);
    QVERIFY2(err.at(0).startsWith(QLatin1String("serving ")) && err.at(0).contains(QLatin1String("read-only")),
             qPrintable(err.at(0)));
    QVERIFY2(err.at(1).startsWith(QLatin1String("stopped: 1 transfer")), qPrintable(err.at(1)));
}

void tst_tftpserve::refusalsLogged()
{
    QProcess serve;
    const quint16 port = startServe(serve);
    QVERIFY(port != 0);
    RawPeer p;
    p.sendTo(port, request(Opcode::Rrq, "../outside/canary"));
    QVERIFY(isError(p.next(), 2));
    p.sendTo(port, request(Opcode::Wrq, "up/new.bin"));
    QVERIFY(isError(p.next(), 2));
    ::kill(pid_t(serve.processId()), SIGINT);   // Ctrl+C
    const Result r = stopped(serve);
    QCOMPARE(r.exitCode, 0);
    const QStringList out = lines(r.out);
    QCOMPARE(out.size(), 2);
    QVERIFY2(out.at(0).contains(QLatin1String("download \"../outside/canary\" refused: outside the root folder (TFTP error 2)")),
             qPrintable(out.at(0)));
    QVERIFY2(out.at(1).contains(QLatin1String("upload \"up/new.bin\" refused: uploads are not allowed (TFTP error 2)")),
             qPrintable(out.at(1)));
}

void tst_tftpserve::uploads()
{
    QProcess serve;
    const quint16 port = startServe(serve, QStringLiteral("127.0.0.1:0"),
                                    {QStringLiteral("--allow-write"), QStringLiteral("--max-size"), QStringLiteral("100000")});
    QVERIFY(port != 0);
    const QByteArray data = randomBytes(5000, 41);
    RawPeer p;
    QVERIFY(isAck(upload(p, port, "up/cli.bin", data), 10));
    RawPeer again;
    QVERIFY(isError(upload(again, port, "up/cli.bin", data), 6));   // new files only
    RawPeer big;
    QVERIFY(isError(upload(big, port, "up/big.bin", QByteArray(), "octet", {{"tsize", "100001"}}), 3));
    serve.terminate();
    const Result r = stopped(serve);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(Tree::get(m_tree.root + QStringLiteral("/up/cli.bin")), data);
    QCOMPARE(Tree::entries(m_tree.root + QStringLiteral("/up")), QStringList{QStringLiteral("cli.bin")});
    const QStringList out = lines(r.out);
    QCOMPARE(out.size(), 3);
    QVERIFY2(out.at(0).contains(QLatin1String("upload \"up/cli.bin\" octet: 5000 bytes in ")), qPrintable(out.at(0)));
    QVERIFY2(out.at(0).endsWith(QLatin1String(", ok")), qPrintable(out.at(0)));
    QVERIFY(QFile::remove(m_tree.root + QStringLiteral("/up/cli.bin")));
}

void tst_tftpserve::uploadDiscardedOnStop_data()
{
    QTest::addColumn<int>("signo");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

// Stopped during an upload: exit 0, and neither a new file nor a temporary one is left; a file being
// replaced stays as it was.
void tst_tftpserve::uploadDiscardedOnStop()
{
    QFETCH(int, signo);
    QVERIFY(!m_tree.put(QStringLiteral("up/keep.bin"), "keep me").isEmpty());
    QProcess serve;
    const quint16 port = startServe(serve, QStringLiteral("127.0.0.1:0"), {QStringLiteral("--allow-overwrite")});
    QVERIFY(port != 0);
    RawPeer a, b;
    QVERIFY(!upload(a, port, "up/half.bin", randomBytes(512 * 10, 42), "octet", {}, 4).ok);
    QVERIFY(!upload(b, port, "up/keep.bin", randomBytes(512 * 10, 43), "octet", {}, 4).ok);
    ::kill(pid_t(serve.processId()), signo);
    const RawPeer::Got g = a.next();
    QVERIFY2(isError(g, 0), qPrintable(describe(g)));
    const Result r = stopped(serve);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(Tree::entries(m_tree.root + QStringLiteral("/up")), QStringList{QStringLiteral("keep.bin")});
    QCOMPARE(Tree::get(m_tree.root + QStringLiteral("/up/keep.bin")), QByteArray("keep me"));
    const QStringList out = lines(r.out);
    QCOMPARE(out.size(), 2);
    for (const QString &line : out)
        QVERIFY2(line.endsWith(QLatin1String("failed: the server stopped")), qPrintable(line));
    QVERIFY(QFile::remove(m_tree.root + QStringLiteral("/up/keep.bin")));
}

void tst_tftpserve::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");   // after "tftp serve"; ROOT is replaced by the served folder
    const QString root = QStringLiteral("ROOT");
    QTest::newRow("no --root") << QStringList{};
    QTest::newRow("missing folder") << QStringList{QStringLiteral("--root"), QStringLiteral("/nonexistent/netpoke")};
    QTest::newRow("a file as root") << QStringList{QStringLiteral("--root"), QStringLiteral("ROOT/link-out")};
    QTest::newRow("positional") << QStringList{QStringLiteral("--root"), root, QStringLiteral("extra")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--root"), root, QStringLiteral("--frobnicate")};
    QTest::newRow("--listen typo") << QStringList{QStringLiteral("--root"), root, QStringLiteral("--listen"), QStringLiteral("300.1.1.1:0")};
    QTest::newRow("--listen short form") << QStringList{QStringLiteral("--root"), root, QStringLiteral("--listen"), QStringLiteral("127.1:0")};
    QTest::newRow("--listen name") << QStringList{QStringLiteral("--root"), root, QStringLiteral("--listen"), QStringLiteral("example:0")};
    QTest::newRow("--listen port") << QStringList{QStringLiteral("--root"), root, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:70000")};
    QTest::newRow("--max-transfers 0") << QStringList{QStringLiteral("--root"), root, QStringLiteral("--max-transfers"), QStringLiteral("0")};
    QTest::newRow("--max-transfers abc") << QStringList{QStringLiteral("--root"), root, QStringLiteral("--max-transfers"), QStringLiteral("abc")};
    QTest::newRow("--port-range reversed") << QStringList{QStringLiteral("--root"), root, QStringLiteral("--port-range"), QStringLiteral("5000-4000")};
    QTest::newRow("--port-range 0") << QStringList{QStringLiteral("--root"), root, QStringLiteral("--port-range"), QStringLiteral("0-10")};
    QTest::newRow("--port-range one") << QStringList{QStringLiteral("--root"), root, QStringLiteral("--port-range"), QStringLiteral("5000")};
    QTest::newRow("--max-size negative") << QStringList{QStringLiteral("--root"), root, QStringLiteral("--max-size"), QStringLiteral("-1")};
    QTest::newRow("--max-size abc") << QStringList{QStringLiteral("--root"), root, QStringLiteral("--max-size"), QStringLiteral("1MB")};
}

void tst_tftpserve::usageErrors()
{
    QFETCH(QStringList, args);
    for (QString &a : args)
        a.replace(QLatin1String("ROOT"), m_tree.root);
    const Result r = run(QStringList{QStringLiteral("tftp"), QStringLiteral("serve")} + args);
    checkOneErrorLine(r, 2);
}

void tst_tftpserve::portInUse()
{
    QUdpSocket busy;
    QVERIFY(busy.bind(QHostAddress::LocalHost, 0));
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("serve"), QStringLiteral("--root"), m_tree.root,
                          QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(busy.localPort())});
    checkOneErrorLine(r, 1);
    QVERIFY2(r.err.contains("already in use"), r.err.constData());
    QVERIFY2(r.err.contains("port 0"), r.err.constData());   // the advice
}

void tst_tftpserve::outsideNeverTouched()
{
    QString what;
    QVERIFY2(m_tree.untouched(&what), qPrintable(what));
}

QTEST_MAIN(tst_tftpserve)
#include "tst_tftpserve.moc"
