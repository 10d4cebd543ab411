// End-to-end tests of `netpoke-cli udp`: real processes over loopback (127.0.0.1 and ::1), port 0 only.
// Peers are small python3 scripts, as a classroom exercise would write them.

#include "clitestutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>
#include <QUdpSocket>

using CliTest::Result;
using CliTest::checkOneErrorLine;
using CliTest::lines;

namespace {

constexpr int ProcessTimeoutMs = 20000;

Result finish(QProcess &p)
{
    return CliTest::finish(p, ProcessTimeoutMs);
}

// Receives N datagrams on 127.0.0.1 (argv[1] == "4") or ::1 ("6"), port 0; prints the port, then
// "HEX SOURCEADDRESS" per datagram.
const char *const kReceiver = R"(
import socket, sys
fam = socket.AF_INET6 if sys.argv[1] == '6' else socket.AF_INET
s = socket.socket(fam, socket.SOCK_DGRAM)
s.bind(('::1' if fam == socket.AF_INET6 else '127.0.0.1', 0))
print(s.getsockname()[1], flush=True)
s.settimeout(15)
for _ in range(int(sys.argv[2])):
    data, addr = s.recvfrom(65536)
    print(data.hex(), addr[0], flush=True)
)";

// The same port on 127.0.0.1 and ::1, for a name that may resolve to either.
const char *const kDualReceiver = R"(
import socket, select
for _ in range(100):
    a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    a.bind(('127.0.0.1', 0))
    port = a.getsockname()[1]
    b = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    try:
        b.bind(('::1', port))
        break
    except OSError:
        a.close()
        b.close()
print(port, flush=True)
r, _, _ = select.select([a, b], [], [], 15)
data, addr = r[0].recvfrom(65536)
print(data.hex(), flush=True)
)";

// The classroom sender: binds 127.0.0.1 port 0, prints its port, sends GB2312 text to argv[1].
const char *const kGb2312Sender = R"(
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 0))
print(s.getsockname()[1], flush=True)
text = "\u4f60\u597d\uff0cNetPoke"
s.sendto(text.encode("gb2312"), ("127.0.0.1", int(sys.argv[1])))
)";

// Sends each hex argument (argv[3:]) as one datagram to HOST argv[1] PORT argv[2], from port 0.
const char *const kHexSender = R"(
import socket, sys
fam = socket.AF_INET6 if ':' in sys.argv[1] else socket.AF_INET
s = socket.socket(fam, socket.SOCK_DGRAM)
s.bind((sys.argv[1], 0))
print(s.getsockname()[1], flush=True)
for h in sys.argv[3:]:
    s.sendto(bytes.fromhex(h), (sys.argv[1], int(sys.argv[2])))
)";

} // namespace

class tst_udpcli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void help_data();
    void help();
    void version();

    void listenGb2312FromPython();
    void listenIPv6();
    void listenEscapesControls();
    void listenHex();
    void listenInvalidBytes();
    void listenShowsBackslashesEscaped();
    void listenOutputSendsTheSameBytes();
    void listenCountStopsEarly();
    void listenBurst_data();
    void listenBurst();
    void listenTimeoutNoTraffic();
    void listenTimeoutRestartsOnTraffic();

    void sendGb2312ToPython();
    void sendBytes_data();
    void sendBytes();
    void sendIPv6();
    void sendRepeat();
    void sendFromBoundPort();
    void sendToName();
    void sendFile();

    void usageErrors_data();
    void usageErrors();
    void listenPortInUse();
    void sendBindPortInUse();
    void sendFileTooLarge();
    void sendFileMissing();
    void sendFileNotRegular();
    void sendUnknownHost();
    void sendShortAddressRefused();
    void portInUseAdvice();
    void closedStandardStreams();

private:
    Result run(const QStringList &args);
    void start(QProcess &p, const QStringList &args);
    void startPython(QProcess &p, const char *script, const QStringList &args);
    // Reads the "listening on ADDR:PORT" line of a listener.
    quint16 listenPort(QProcess &p);
    // Reads the first stdout line of a python peer: its port.
    quint16 pythonPort(QProcess &p);
    // Runs "netpoke-cli udp listen LISTENARGS..."; a python peer on host sends it the hex datagrams. Both must
    // exit 0. Gives the listener's standard output lines and the peer's port; false: return from the test.
    bool listenToHex(const QStringList &listenArgs, const QString &host, const QStringList &hexDatagrams,
                     QStringList *out, quint16 *peerPort);

    QString m_python;
};

void tst_udpcli::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(NETPOKE_CLI)), NETPOKE_CLI);
    m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (m_python.isEmpty())
        QSKIP("python3 is needed for the peer scripts");
}

Result tst_udpcli::run(const QStringList &args)
{
    QProcess p;
    start(p, args);
    return finish(p);
}

void tst_udpcli::start(QProcess &p, const QStringList &args)
{
    p.setProcessEnvironment(CliTest::environment());
    p.start(QStringLiteral(NETPOKE_CLI), args);
    QVERIFY2(p.waitForStarted(ProcessTimeoutMs), qPrintable(p.errorString()));
}

void tst_udpcli::startPython(QProcess &p, const char *script, const QStringList &args)
{
    p.setProcessEnvironment(CliTest::environment());
    p.start(m_python, QStringList{QStringLiteral("-c"), QString::fromUtf8(script)} + args);
    QVERIFY2(p.waitForStarted(ProcessTimeoutMs), qPrintable(p.errorString()));
}

quint16 tst_udpcli::listenPort(QProcess &p)
{
    p.setReadChannel(QProcess::StandardError);
    CliTest::waitForLine(p, ProcessTimeoutMs);
    const QString line = QString::fromUtf8(p.readLine()).trimmed();
    p.setReadChannel(QProcess::StandardOutput);
    return CliTest::listeningPort(line, p);
}

quint16 tst_udpcli::pythonPort(QProcess &p)
{
    CliTest::waitForLine(p, ProcessTimeoutMs);
    const QByteArray line = p.readLine().trimmed();
    if (line.isEmpty())
        qWarning() << "python peer printed no port:" << p.readAllStandardError();
    return quint16(line.toUInt());
}

bool tst_udpcli::listenToHex(const QStringList &listenArgs, const QString &host, const QStringList &hexDatagrams,
                             QStringList *out, quint16 *peerPort)
{
    QProcess listener;
    start(listener, QStringList{QStringLiteral("udp"), QStringLiteral("listen")} + listenArgs);
    const quint16 port = listenPort(listener);
    if (!QTest::qVerify(port != 0, "port != 0", "", __FILE__, __LINE__))
        return false;
    QProcess peer;
    startPython(peer, kHexSender, QStringList{host, QString::number(port)} + hexDatagrams);
    *peerPort = pythonPort(peer);
    if (!QTest::qVerify(*peerPort != 0, "*peerPort != 0", "", __FILE__, __LINE__)
        || !QTest::qCompare(finish(peer).exitCode, 0, "finish(peer).exitCode", "0", __FILE__, __LINE__))
        return false;
    const Result r = finish(listener);
    if (!QTest::qCompare(r.exitCode, 0, "r.exitCode", "0", __FILE__, __LINE__))
        return false;
    *out = lines(r.out);
    return true;
}

// ---- help ----------------------------------------------------------------------------------------

void tst_udpcli::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("mentions");

    QTest::newRow("netpoke-cli") << QStringList{"--help"} << QStringList{"udp", "--version"};
    QTest::newRow("udp") << QStringList{"udp", "--help"} << QStringList{"send", "listen"};
    QTest::newRow("udp send") << QStringList{"udp", "send", "--help"}
                              << QStringList{"HOST:PORT", "[::1]:9000", "--bind", "--encoding", "GB2312", "--hex",
                                             "--escapes", "--repeat", "--interval", "--file", "MESSAGE"};
    QTest::newRow("udp listen") << QStringList{"udp", "listen", "--help"}
                                << QStringList{"[ADDR:]PORT", "--encoding", "--hex", "--count", "--timeout",
                                               "TIME SOURCE LENGTH CONTENT", "listening on"};
}

void tst_udpcli::help()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, mentions);
    const Result r = run(args);
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    for (const QString &m : mentions)
        QVERIFY2(text.contains(m), qPrintable(m));
}

void tst_udpcli::version()
{
    const Result r = run({"--version"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral(R"(^netpoke-cli \d+\.\d+\.\d+\n$)")).match(QString::fromUtf8(r.out)).hasMatch(),
             r.out.constData());
}

// ---- listen --------------------------------------------------------------------------------------

void tst_udpcli::listenGb2312FromPython()
{
    QProcess listener;
    start(listener, {"udp", "listen", "0", "--encoding", "GB2312", "--count", "1"});
    const quint16 port = listenPort(listener);
    QVERIFY(port != 0);

    QProcess peer;
    startPython(peer, kGb2312Sender, {QString::number(port)});
    const quint16 peerPort = pythonPort(peer);
    QVERIFY(peerPort != 0);
    QCOMPARE(finish(peer).exitCode, 0);

    const Result r = finish(listener);
    QCOMPARE(r.exitCode, 0);
    const QStringList out = lines(r.out);
    QCOMPARE(out.size(), 1);
    // The dual-stack socket sees ::ffff:127.0.0.1; it is shown as plain IPv4.
    const QRegularExpression re(QStringLiteral(R"(^\d\d:\d\d:\d\d\.\d\d\d 127\.0\.0\.1:%1 13 )").arg(peerPort)
                                + QRegularExpression::escape(QStringLiteral(u"你好，NetPoke")) + QLatin1Char('$'));
    QVERIFY2(re.match(out.constFirst()).hasMatch(), qPrintable(out.constFirst()));
}

void tst_udpcli::listenIPv6()
{
    QStringList out;
    quint16 peerPort = 0;
    if (!listenToHex({"[::1]:0", "--count", "1"}, "::1", {"6869"}, &out, &peerPort))
        return;
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.constFirst().section(QLatin1Char(' '), 1), QStringLiteral("[::1]:%1 2 hi").arg(peerPort));
}

void tst_udpcli::listenEscapesControls()
{
    // "a\r\nb\tc" + 0x01 0x7f, then UTF-8 "你" + U+2028 (a line separator) + "!"
    QStringList out;
    quint16 peerPort = 0;
    if (!listenToHex({"127.0.0.1:0", "--count", "2"}, "127.0.0.1", {"610d0a620963017f", "e4bda0e280a821"}, &out,
                     &peerPort))
        return;
    QCOMPARE(out.size(), 2);
    const QString src = QStringLiteral("127.0.0.1:%1").arg(peerPort);
    QCOMPARE(out.at(0).section(QLatin1Char(' '), 1), src + QStringLiteral(R"( 8 a\r\nb\tc\x01\x7F)"));
    QCOMPARE(out.at(1).section(QLatin1Char(' '), 1), src + QStringLiteral(u" 7 你\\u2028!"));
}

void tst_udpcli::listenHex()
{
    QStringList out;
    quint16 peerPort = 0;
    if (!listenToHex({"127.0.0.1:0", "--hex", "--count", "2"}, "127.0.0.1", {"c4e3bac30d0a00ff", ""}, &out,
                     &peerPort))
        return;
    QCOMPARE(out.size(), 2);
    QCOMPARE(out.at(0).section(QLatin1Char(' '), 1), QStringLiteral("127.0.0.1:%1 8 c4 e3 ba c3 0d 0a 00 ff").arg(peerPort));
    // An empty datagram: length 0 and no content.
    QCOMPARE(out.at(1).section(QLatin1Char(' '), 1), QStringLiteral("127.0.0.1:%1 0").arg(peerPort));
}

void tst_udpcli::listenInvalidBytes()
{
    // GB2312 "你好" is not UTF-8: every byte is shown as \xHH, never dropped.
    QStringList out;
    quint16 peerPort = 0;
    if (!listenToHex({"127.0.0.1:0", "--encoding", "utf-8", "--count", "1"}, "127.0.0.1", {"c4e3bac3"}, &out, &peerPort))
        return;
    QCOMPARE(out.size(), 1);
    QVERIFY2(out.constFirst().endsWith(QLatin1String(R"( 4 \xC4\xE3\xBA\xC3)")), qPrintable(out.constFirst()));
}

// The backslash is escaped too, so the text \x1B is not shown as the byte 1B (ASCII and decoded paths).
void tst_udpcli::listenShowsBackslashesEscaped()
{
    QStringList out;
    quint16 peerPort = 0;
    if (!listenToHex({"127.0.0.1:0", "--count", "2"}, "127.0.0.1", {"5c7831421b", "5c78ff5cff"}, &out, &peerPort))
        return;
    QCOMPARE(out.size(), 2);
    QVERIFY2(out.at(0).endsWith(QLatin1String(R"( 5 \\x1B\x1B)")), qPrintable(out.at(0)));
    QVERIFY2(out.at(1).endsWith(QLatin1String(R"( 5 \\x\xFF\\\xFF)")), qPrintable(out.at(1)));
}

// CONTENT given back to "udp send --escapes" (same encoding) sends the bytes that were received.
void tst_udpcli::listenOutputSendsTheSameBytes()
{
    const QStringList datagrams{"5c7831421b5b324a", "c4e3bac35c5cff0d0a09c2857f", "e280ae5c75323032457a"};
    for (const char *encoding : {"UTF-8", "GB2312"}) {
        QStringList out;
        quint16 peerPort = 0;
        if (!listenToHex({"127.0.0.1:0", "--encoding", encoding, "--count", QString::number(datagrams.size())},
                         "127.0.0.1", datagrams, &out, &peerPort))
            return;
        QCOMPARE(out.size(), datagrams.size());
        for (int i = 0; i < datagrams.size(); ++i) {
            QProcess peer;
            startPython(peer, kReceiver, {"4", "1"});
            const quint16 port = pythonPort(peer);
            QVERIFY(port != 0);
            const QString content = out.at(i).section(QLatin1Char(' '), 3);
            const Result s = run({"udp", "send", QStringLiteral("127.0.0.1:%1").arg(port), "--escapes", "--encoding",
                                  encoding, "--", content});
            QVERIFY2(s.exitCode == 0, s.err.constData());
            const Result r = finish(peer);
            QCOMPARE(r.exitCode, 0);
            QCOMPARE(r.out, datagrams.at(i).toLatin1() + " 127.0.0.1\n");
        }
    }
}

void tst_udpcli::listenCountStopsEarly()
{
    QProcess listener;
    start(listener, {"udp", "listen", "127.0.0.1:0", "--count", "2"});
    const quint16 port = listenPort(listener);
    QVERIFY(port != 0);

    const Result s = run({"udp", "send", QStringLiteral("127.0.0.1:%1").arg(port), "--repeat", "5", "x"});
    QCOMPARE(s.exitCode, 0);

    const Result r = finish(listener);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(lines(r.out).size(), 2);
    QVERIFY2(r.err.contains("datagrams received: 2"), r.err.constData());
}

void tst_udpcli::listenBurst_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("interval");
    // 100 small datagrams fit in the default receive buffer even if the listener reads none in time;
    // 1000 are paced at 1 ms so that the kernel never drops one.
    QTest::newRow("100 at full speed") << 100 << "0";
    QTest::newRow("1000 paced") << 1000 << "1";
}

void tst_udpcli::listenBurst()
{
    QFETCH(int, count);
    QFETCH(QString, interval);

    QProcess listener;
    start(listener, {"udp", "listen", "127.0.0.1:0", "--count", QString::number(count), "--timeout", "10"});
    const quint16 port = listenPort(listener);
    QVERIFY(port != 0);

    const Result s = run({"udp", "send", QStringLiteral("127.0.0.1:%1").arg(port), "--repeat",
                          QString::number(count), "--interval", interval, "burst"});
    QCOMPARE(s.exitCode, 0);

    const Result r = finish(listener);
    QCOMPARE(r.exitCode, 0);
    const QStringList out = lines(r.out);
    QCOMPARE(out.size(), count);
    static const QRegularExpression re(QStringLiteral(R"(^\d\d:\d\d:\d\d\.\d\d\d 127\.0\.0\.1:\d+ 5 burst$)"));
    for (const QString &line : out)
        QVERIFY2(re.match(line).hasMatch(), qPrintable(line));
    QVERIFY2(r.err.contains(QStringLiteral("datagrams received: %1").arg(count).toUtf8()), r.err.constData());
}

void tst_udpcli::listenTimeoutNoTraffic()
{
    QElapsedTimer t;
    t.start();
    const Result r = run({"udp", "listen", "127.0.0.1:0", "--timeout", "1"});
    const qint64 elapsed = t.elapsed();
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray());
    QVERIFY2(elapsed >= 950, qPrintable(QString::number(elapsed)));
    QVERIFY2(elapsed < 8000, qPrintable(QString::number(elapsed)));
    const QStringList err = lines(r.err);
    QCOMPARE(err.size(), 2);
    QVERIFY(err.at(0).startsWith(QLatin1String("listening on 127.0.0.1:")));
    QCOMPARE(err.at(1), QStringLiteral("datagrams received: 0"));
}

void tst_udpcli::listenTimeoutRestartsOnTraffic()
{
    QProcess listener;
    start(listener, {"udp", "listen", "127.0.0.1:0", "--timeout", "1.5"});
    const quint16 port = listenPort(listener);
    QVERIFY(port != 0);
    QTest::qWait(700);
    QElapsedTimer sinceSend;
    sinceSend.start();
    QUdpSocket s;
    QCOMPARE(s.writeDatagram("x", 1, QHostAddress::LocalHost, port), qint64(1));
    const Result r = finish(listener);
    // The idle time counts from the datagram, not from the start.
    QVERIFY2(sinceSend.elapsed() >= 1400, qPrintable(QString::number(sinceSend.elapsed())));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(lines(r.out).size(), 1);
    QVERIFY2(r.err.contains("datagrams received: 1"), r.err.constData());
}

// ---- send ----------------------------------------------------------------------------------------

void tst_udpcli::sendGb2312ToPython()
{
    QProcess peer;
    startPython(peer, kReceiver, {"4", "1"});
    const quint16 port = pythonPort(peer);
    QVERIFY(port != 0);

    const Result s = run({"udp", "send", QStringLiteral("127.0.0.1:%1").arg(port), "--encoding", "GB2312",
                          QStringLiteral(u"你好")});
    QCOMPARE(s.exitCode, 0);
    const Result r = finish(peer);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("c4e3bac3 127.0.0.1\n"));
}

void tst_udpcli::sendBytes_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("hex");

    QTest::newRow("utf-8 default") << QStringList{QStringLiteral(u"你好")} << QByteArray("e4bda0e5a5bd");
    QTest::newRow("gbk") << QStringList{"--encoding", "gbk", QStringLiteral(u"你好")} << QByteArray("c4e3bac3");
    QTest::newRow("big5") << QStringList{"--encoding", "Big5", QStringLiteral(u"你好")} << QByteArray("a741a66e");
    QTest::newRow("latin-1") << QStringList{"--encoding", "Latin-1", QStringLiteral(u"é")} << QByteArray("e9");
    QTest::newRow("words joined") << QStringList{"hello", "world"} << QByteArray("68656c6c6f20776f726c64");
    QTest::newRow("hex") << QStringList{"--hex", "c4 e3 0x00,FF"} << QByteArray("c4e300ff");
    QTest::newRow("hex words") << QStringList{"--hex", "0d", "0a"} << QByteArray("0d0a");
    QTest::newRow("escapes") << QStringList{"--escapes", R"(a\r\n\tb\x00\\)"} << QByteArray("610d0a0962005c");
    QTest::newRow("escapes gb2312") << QStringList{"--escapes", "--encoding", "GB2312", QStringLiteral(u"你\\n")}
                                    << QByteArray("c4e30a");
    QTest::newRow("no escapes") << QStringList{R"(a\n)"} << QByteArray("615c6e");
    QTest::newRow("dash message") << QStringList{"--", "-5"} << QByteArray("2d35");
    QTest::newRow("empty") << QStringList{""} << QByteArray("");
}

void tst_udpcli::sendBytes()
{
    QFETCH(QStringList, options);
    QFETCH(QByteArray, hex);

    QProcess peer;
    startPython(peer, kReceiver, {"4", "1"});
    const quint16 port = pythonPort(peer);
    QVERIFY(port != 0);

    const Result s = run(QStringList{"udp", "send", QStringLiteral("127.0.0.1:%1").arg(port)} + options);
    QVERIFY2(s.exitCode == 0, s.err.constData());
    const Result r = finish(peer);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, hex + " 127.0.0.1\n");
}

void tst_udpcli::sendIPv6()
{
    QProcess peer;
    startPython(peer, kReceiver, {"6", "1"});
    const quint16 port = pythonPort(peer);
    QVERIFY(port != 0);

    const Result s = run({"udp", "send", QStringLiteral("[::1]:%1").arg(port), "hello"});
    QVERIFY2(s.exitCode == 0, s.err.constData());
    const Result r = finish(peer);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("68656c6c6f ::1\n"));
}

void tst_udpcli::sendRepeat()
{
    QProcess peer;
    startPython(peer, kReceiver, {"4", "3"});
    const quint16 port = pythonPort(peer);
    QVERIFY(port != 0);

    QElapsedTimer t;
    t.start();
    const Result s = run({"udp", "send", QStringLiteral("127.0.0.1:%1").arg(port), "--repeat", "3",
                          "--interval", "100", "ab"});
    QVERIFY2(s.exitCode == 0, s.err.constData());
    QVERIFY2(t.elapsed() >= 190, qPrintable(QString::number(t.elapsed())));   // two intervals
    const Result r = finish(peer);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("6162 127.0.0.1\n6162 127.0.0.1\n6162 127.0.0.1\n"));
}

void tst_udpcli::sendFromBoundPort()
{
    QProcess listener;
    start(listener, {"udp", "listen", "127.0.0.1:0", "--count", "1"});
    const quint16 port = listenPort(listener);
    QVERIFY(port != 0);

    // Find a free port, release it, and send from it.
    quint16 from = 0;
    {
        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
        from = probe.localPort();
    }
    const Result s = run({"udp", "send", QStringLiteral("127.0.0.1:%1").arg(port), "--bind",
                          QStringLiteral("127.0.0.1:%1").arg(from), "x"});
    QVERIFY2(s.exitCode == 0, s.err.constData());
    const Result r = finish(listener);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(lines(r.out).size(), 1);
    QCOMPARE(lines(r.out).constFirst().section(QLatin1Char(' '), 1), QStringLiteral("127.0.0.1:%1 1 x").arg(from));
}

void tst_udpcli::sendToName()
{
    QProcess peer;
    startPython(peer, kDualReceiver, {});
    const quint16 port = pythonPort(peer);
    QVERIFY(port != 0);

    const Result s = run({"udp", "send", QStringLiteral("localhost:%1").arg(port), "--repeat", "2", "name"});
    QVERIFY2(s.exitCode == 0, s.err.constData());
    const Result r = finish(peer);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("6e616d65\n"));
}

void tst_udpcli::sendFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes += char(i);
    bytes += QByteArray(3000, 'z');
    const QString path = dir.filePath(QStringLiteral("payload.bin"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), qint64(bytes.size()));
    }

    QProcess peer;
    startPython(peer, kReceiver, {"4", "1"});
    const quint16 port = pythonPort(peer);
    QVERIFY(port != 0);
    const Result s = run({"udp", "send", QStringLiteral("127.0.0.1:%1").arg(port), "--file", path});
    QVERIFY2(s.exitCode == 0, s.err.constData());
    const Result r = finish(peer);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, bytes.toHex() + " 127.0.0.1\n");
}

// ---- errors --------------------------------------------------------------------------------------

void tst_udpcli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mention");

    // Port 9 (discard) is never reached: every row fails before anything is sent.
    QTest::newRow("no command") << QStringList{} << "command";
    QTest::newRow("unknown command") << QStringList{"frob"} << "frob";
    QTest::newRow("unknown top option") << QStringList{"--bogus"} << "bogus";
    QTest::newRow("udp alone") << QStringList{"udp"} << "send";
    QTest::newRow("udp unknown") << QStringList{"udp", "talk"} << "talk";
    QTest::newRow("send nothing") << QStringList{"udp", "send"} << "HOST:PORT";
    QTest::newRow("bad port") << QStringList{"udp", "send", "127.0.0.1:70000", "hi"} << "70000";
    QTest::newRow("port zero") << QStringList{"udp", "send", "127.0.0.1:0", "hi"} << "\"0\"";
    QTest::newRow("no host") << QStringList{"udp", "send", "9000", "hi"} << "9000";
    QTest::newRow("ipv6 unbracketed") << QStringList{"udp", "send", "::1:9000", "hi"} << "[::1]:9000";
    QTest::newRow("bad octet") << QStringList{"udp", "send", "127.0.0.256:9", "hi"} << "127.0.0.256";
    QTest::newRow("bad host name") << QStringList{"udp", "send", "a/b:9", "hi"} << "\"/\"";
    QTest::newRow("listen short") << QStringList{"udp", "listen", "127.1:0"} << "127.1";
    QTest::newRow("odd hex") << QStringList{"udp", "send", "127.0.0.1:9", "--hex", "c4 e"} << "\"e\" at position 4";
    QTest::newRow("bad hex digit") << QStringList{"udp", "send", "127.0.0.1:9", "--hex", "c4zz"} << "\"z\"";
    QTest::newRow("unknown encoding") << QStringList{"udp", "send", "127.0.0.1:9", "--encoding", "KLINGON", "hi"}
                                      << "KLINGON";
    QTest::newRow("latin-1 cannot") << QStringList{"udp", "send", "127.0.0.1:9", "--encoding", "Latin-1",
                                                   QStringLiteral(u"你")}
                                    << QStringLiteral(u"你");
    QTest::newRow("gb2312 cannot") << QStringList{"udp", "send", "127.0.0.1:9", "--encoding", "GB2312",
                                                  QStringLiteral(u"a😀")}
                                   << "position 2";
    QTest::newRow("bad escape") << QStringList{"udp", "send", "127.0.0.1:9", "--escapes", R"(a\q)"} << "\\q";
    QTest::newRow("missing message") << QStringList{"udp", "send", "127.0.0.1:9"} << "MESSAGE";
    QTest::newRow("unknown option") << QStringList{"udp", "send", "127.0.0.1:9", "--bogus", "hi"} << "bogus";
    QTest::newRow("hex and escapes") << QStringList{"udp", "send", "127.0.0.1:9", "--hex", "--escapes", "00"}
                                     << "--escapes";
    QTest::newRow("file and message") << QStringList{"udp", "send", "127.0.0.1:9", "--file", "/dev/null", "hi"}
                                      << "--file";
    QTest::newRow("repeat zero") << QStringList{"udp", "send", "127.0.0.1:9", "--repeat", "0", "hi"} << "--repeat";
    QTest::newRow("interval negative") << QStringList{"udp", "send", "127.0.0.1:9", "--interval=-1", "hi"}
                                       << "--interval";
    QTest::newRow("bind bad port") << QStringList{"udp", "send", "127.0.0.1:9", "--bind", "127.0.0.1:99999", "hi"}
                                   << "99999";
    QTest::newRow("bind name") << QStringList{"udp", "send", "127.0.0.1:9", "--bind", "myhost:0", "hi"} << "myhost";
    QTest::newRow("listen nothing") << QStringList{"udp", "listen"} << "PORT";
    QTest::newRow("listen bad port") << QStringList{"udp", "listen", "70000"} << "70000";
    QTest::newRow("listen name") << QStringList{"udp", "listen", "localhost:0"} << "localhost";
    QTest::newRow("listen two ports") << QStringList{"udp", "listen", "0", "1"} << "\"1\"";
    QTest::newRow("listen encoding") << QStringList{"udp", "listen", "0", "--encoding", "EBCDIC"} << "EBCDIC";
    QTest::newRow("listen count") << QStringList{"udp", "listen", "0", "--count", "0"} << "--count";
    QTest::newRow("listen timeout") << QStringList{"udp", "listen", "0", "--timeout", "soon"} << "soon";
    QTest::newRow("listen option") << QStringList{"udp", "listen", "0", "--repeat", "3"} << "repeat";
}

void tst_udpcli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mention);
    const Result r = run(args);
    checkOneErrorLine(r, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(mention), r.err.constData());
}

void tst_udpcli::listenPortInUse()
{
    QUdpSocket taken;
    QVERIFY(taken.bind(QHostAddress::LocalHost, 0, QAbstractSocket::DontShareAddress));
    const QString port = QString::number(taken.localPort());

    Result r = run({"udp", "listen", QStringLiteral("127.0.0.1:") + port, "--timeout", "5"});
    checkOneErrorLine(r, 1);
    QVERIFY2(r.err.contains(port.toUtf8()), r.err.constData());

    // The dual-stack default address covers 127.0.0.1 too.
    r = run({"udp", "listen", port, "--timeout", "5"});
    checkOneErrorLine(r, 1);
}

void tst_udpcli::sendBindPortInUse()
{
    QUdpSocket taken;
    QVERIFY(taken.bind(QHostAddress::LocalHost, 0, QAbstractSocket::DontShareAddress));
    const QString port = QString::number(taken.localPort());
    // The destination is the taken socket itself: nothing else on the machine is disturbed.
    const Result r = run({"udp", "send", QStringLiteral("127.0.0.1:") + port, "--bind",
                          QStringLiteral("127.0.0.1:") + port, "x"});
    checkOneErrorLine(r, 1);
    QVERIFY(!taken.hasPendingDatagrams());
}

void tst_udpcli::sendFileTooLarge()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.bin"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.write(QByteArray(70000, 'b')) == 70000);
    }
    QUdpSocket sink;
    QVERIFY(sink.bind(QHostAddress::LocalHost, 0));
    const Result r = run({"udp", "send", QStringLiteral("127.0.0.1:%1").arg(sink.localPort()), "--file", path});
    checkOneErrorLine(r, 1);
    QVERIFY2(r.err.contains("70000") && r.err.contains("65507"), r.err.constData());
    QVERIFY(!sink.hasPendingDatagrams());
}

void tst_udpcli::sendFileMissing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Result r = run({"udp", "send", "127.0.0.1:9", "--file", dir.filePath(QStringLiteral("nope.bin"))});
    checkOneErrorLine(r, 1);
    QVERIFY2(r.err.contains("nope.bin"), r.err.constData());
}

// A character device or a FIFO is refused at once with the reason: /dev/zero used to grow until
// std::bad_alloc, and a FIFO without a writer blocked forever in open().
void tst_udpcli::sendFileNotRegular()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    QCOMPARE(QProcess::execute(QStringLiteral("mkfifo"), {fifo}), 0);
    for (const QString &path : {QStringLiteral("/dev/zero"), fifo}) {
        const Result r = run({"udp", "send", "127.0.0.1:9", "--file", path});
        checkOneErrorLine(r, 1);
        QVERIFY2(r.err.contains("not a regular file"), r.err.constData());
    }
}

void tst_udpcli::sendUnknownHost()
{
    // An empty label makes the name malformed: a usage error before any resolver is asked (a real
    // lookup of even a reserved .invalid name would send a DNS query off this machine).
    const Result r = run({"udp", "send", "no-such-host..invalid:9000", "hi"});
    checkOneErrorLine(r, 2);
    QVERIFY2(r.err.contains("no-such-host..invalid"), r.err.constData());
}

void tst_udpcli::sendShortAddressRefused()
{
    // "127.1" is 127.0.0.1 to inet_aton; refused like in chat, and nothing reaches the port.
    QUdpSocket target;
    QVERIFY(target.bind(QHostAddress::LocalHost, 0));
    // A malformed address is a usage error (exit 2), as a bad port is.
    const Result r = run({"udp", "send", QStringLiteral("127.1:%1").arg(target.localPort()), "hi"});
    checkOneErrorLine(r, 2);
    QVERIFY2(r.err.contains("127.1"), r.err.constData());
    QTest::qWait(50);
    QVERIFY(!target.hasPendingDatagrams());
}

void tst_udpcli::portInUseAdvice()
{
    QUdpSocket taken;
    QVERIFY(taken.bind(QHostAddress::LocalHost, 0, QAbstractSocket::DontShareAddress));
    const Result r = run({"udp", "listen", QStringLiteral("127.0.0.1:%1").arg(taken.localPort()), "--timeout", "5"});
    checkOneErrorLine(r, 1);
    // The fact from the core, then the command line's advice.
    QVERIFY2(r.err.contains("is already in use") && r.err.contains("use port 0"), r.err.constData());
}

// With stdin and stdout closed (`<&- >&-`), both are reopened onto /dev/null before Qt opens anything:
// otherwise Qt's eventfd takes descriptor 0 and the listener's output goes into it.
void tst_udpcli::closedStandardStreams()
{
    QProcess p;
    p.setProcessEnvironment(CliTest::environment());
    p.setChildProcessModifier([] {
        ::close(0);
        ::close(1);
    });
    p.start(QStringLiteral(NETPOKE_CLI), {"udp", "listen", "127.0.0.1:0", "--count", "1"});
    QVERIFY2(p.waitForStarted(ProcessTimeoutMs), qPrintable(p.errorString()));
    const quint16 port = listenPort(p);
    QVERIFY(port != 0);
    for (int fd : {0, 1}) {
        const QString link = QStringLiteral("/proc/%1/fd/%2").arg(p.processId()).arg(fd);
        QCOMPARE(QFile::symLinkTarget(link), QStringLiteral("/dev/null"));
    }
    // The datagram is written to /dev/null and --count 1 ends the listener normally.
    QUdpSocket s;
    QCOMPARE(s.writeDatagram("hi", QHostAddress::LocalHost, port), qint64(2));
    const Result r = CliTest::finish(p, ProcessTimeoutMs);
    QCOMPARE(r.exitCode, 0);
}

QTEST_GUILESS_MAIN(tst_udpcli)
#include "tst_udpcli.moc"
