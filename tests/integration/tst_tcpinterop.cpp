// netpoke-cli tcp connect|listen against real peers, each started and killed by the test on 127.0.0.1 / ::1
// with ports the system chose (every peer here binds port 0 and says which port it got): python3 sockets
// (a classroom script), nc (netcat-openbsd) and socat as client and as server, openssl s_server/s_client
// with a throwaway certificate. Bytes are compared exactly. A missing peer tool fails the test, naming it
// (scripts/setup.sh installs them all). No case waits longer than Timeout; QProcess kills what is left.

#include "clitestutil.h"

#include <QDir>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace CliTest;

namespace {
constexpr int Timeout = 30000;

QByteArray randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator rng(7);
    for (char &c : b)
        c = char(rng.bounded(256));
    return b;
}

void startCli(QProcess &p, const QStringList &args)
{
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral(NETPOKE_CLI), args);
}

// Starts `tcp listen` and returns the port of its "listening on" line (stderr stays the read channel).
quint16 startListen(QProcess &p, const QStringList &args)
{
    startCli(p, QStringList{QStringLiteral("tcp"), QStringLiteral("listen")} + args);
    p.setReadChannel(QProcess::StandardError);
    waitForLine(p, Timeout);
    return listeningPort(QString::fromUtf8(p.readLine()).trimmed(), p);
}

QString tool(const char *name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

#define REQUIRE_TOOL(var, name, package)                                                                    \
    const QString var = tool(name);                                                                         \
    QVERIFY2(!var.isEmpty(), name " is missing (Debian package " package "; scripts/setup.sh installs it)")

// The waits below run the event loop (QTest::qWaitFor), never QProcess::waitFor*: every process of the case
// keeps being fed its standard input and drained of its output while one of them is waited for (a blocking
// wait on one would leave another's pipe full, and both would hang).

// Reads lines of a process's channel until one matches re (at most Timeout); its first capture.
QString waitForMatch(QProcess &p, QProcess::ProcessChannel channel, const QRegularExpression &re)
{
    p.setReadChannel(channel);
    QString found;
    bool matched = false;
    QTest::qWaitFor([&] {
        while (!matched && p.canReadLine()) {
            const auto m = re.match(QString::fromUtf8(p.readLine()));
            if (m.hasMatch()) {
                found = m.captured(1);
                matched = true;
            }
        }
        return matched || (p.state() == QProcess::NotRunning && !p.canReadLine() && p.bytesAvailable() == 0);
    }, Timeout);
    if (!matched)
        qWarning() << "no line matching" << re.pattern() << "from" << p.program();
    return found;
}

// Waits for p to exit (killed after Timeout) with its exit code and all its output.
Result waitExit(QProcess &p)
{
    Result r;
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, Timeout)) {
        qWarning() << "killing" << p.program() << p.arguments();
        p.kill();
        QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 5000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// A peer started for one case; killed (with its children gone) when the case ends, passed or failed.
struct Peer
{
    std::unique_ptr<QProcess> p = std::make_unique<QProcess>();
    ~Peer()
    {
        if (p->state() != QProcess::NotRunning) {
            p->kill();
            p->waitForFinished(5000);
        }
    }
    QProcess *operator->() const { return p.get(); }
    QProcess &operator*() const { return *p; }
};

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TstTcpInterop : public QObject
{
    Q_OBJECT

private slots:
    // nc -l as the server (-d: it sends nothing): what connect --raw sends arrives exactly; our FIN ends it.
    void rawToNcServer_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("IPv4") << "127.0.0.1";
        QTest::newRow("IPv6") << "::1";
    }
    void rawToNcServer()
    {
        QFETCH(QString, address);
        REQUIRE_TOOL(nc, "nc", "netcat-openbsd");
        Peer server;
        server->start(nc, {"-n", "-l", "-d", "-v", address, "0"});
        const QString port = waitForMatch(*server, QProcess::StandardError,
                                          QRegularExpression(QStringLiteral(R"(Listening on \S+ (\d+))")));
        QVERIFY(!port.isEmpty());
        const QByteArray data = randomBytes(1024 * 1024 + 7);
        Peer connect;
        const QString target = address.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(address, port)
                                                                  : QStringLiteral("%1:%2").arg(address, port);
        startCli(*connect, {"tcp", "connect", target, "--raw"});
        connect->write(data);
        connect->closeWriteChannel();
        const Result serverDone = waitExit(*server);
        const QByteArray got = serverDone.out;
        QCOMPARE(got.size(), data.size());
        QVERIFY(got == data);
        QCOMPARE(waitExit(*connect).exitCode, 0);
    }

    // nc -N as the client: listen --raw --once writes exactly what it sent and exits after its FIN.
    void rawFromNcClient()
    {
        REQUIRE_TOOL(nc, "nc", "netcat-openbsd");
        Peer listen;
        const quint16 port = startListen(*listen, {"127.0.0.1:0", "--once", "--raw"});
        QVERIFY(port);
        listen->closeWriteChannel();   // nothing to send back
        const QByteArray data = randomBytes(1024 * 1024 + 3);
        Peer client;
        client->start(nc, {"-n", "-N", "127.0.0.1", QString::number(port)});
        client->write(data);
        client->closeWriteChannel();
        const Result listenDone = waitExit(*listen);
        const QByteArray got = listenDone.out;
        QCOMPARE(listenDone.exitCode, 0);
        QCOMPARE(got.size(), data.size());
        QVERIFY(got == data);
        QCOMPARE(waitExit(*client).exitCode, 0);
    }

    // Echo through nc -N: nc sends 600 KiB of binary, half-closes, and still reads the whole echo.
    void echoThroughNcHalfClose()
    {
        REQUIRE_TOOL(nc, "nc", "netcat-openbsd");
        Peer listen;
        const quint16 port = startListen(*listen, {"127.0.0.1:0", "--once", "--echo", "--raw"});
        QVERIFY(port);
        const QByteArray data = randomBytes(600 * 1024 + 1);
        Peer client;
        client->start(nc, {"-n", "-N", "127.0.0.1", QString::number(port)});
        client->write(data);
        client->closeWriteChannel();
        const Result clientDone = waitExit(*client);
        const QByteArray back = clientDone.out;
        QCOMPARE(clientDone.exitCode, 0);
        QCOMPARE(back.size(), data.size());
        QVERIFY(back == data);
        const Result l = waitExit(*listen);
        QCOMPARE(l.exitCode, 0);
        QVERIFY(l.out == data);
        QVERIFY2(l.err.contains("half-close"), l.err.constData());
    }

    // listen --once after nc -N half-closed: standard input is still sent until its end (as nc -l does),
    // then the connection closes and listen exits.
    void stdinAfterPeerHalfClose()
    {
        REQUIRE_TOOL(nc, "nc", "netcat-openbsd");
        Peer listen;
        const quint16 port = startListen(*listen, {"127.0.0.1:0", "--once", "--raw"});
        QVERIFY(port);
        listen->write("first answer\n");
        Peer client;
        client->start(nc, {"-n", "-N", "127.0.0.1", QString::number(port)});
        client->write("question\n");
        client->closeWriteChannel();
        QVERIFY(!waitForMatch(*listen, QProcess::StandardError,
                              QRegularExpression(QStringLiteral("(closed by the peer \\(half-close\\))"))).isEmpty());
        listen->write("second answer\n");
        listen->closeWriteChannel();
        const Result clientDone = waitExit(*client);
        const QByteArray back = clientDone.out;
        QCOMPARE(back, QByteArray("first answer\nsecond answer\n"));
        const Result l = waitExit(*listen);
        QCOMPARE(l.exitCode, 0);
        QCOMPARE(l.out, QByteArray("question\n"));
    }

    // socat both ways (unidirectional, a file of 2 MiB), as the client and as the server.
    void rawWithSocat()
    {
        REQUIRE_TOOL(socat, "socat", "socat");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray data = randomBytes(2 * 1024 * 1024 + 5);
        const QString in = dir.filePath("in"), out = dir.filePath("out");
        QVERIFY(writeFile(in, data));

        // socat as the client.
        Peer listen;
        const quint16 port = startListen(*listen, {"127.0.0.1:0", "--once", "--raw"});
        QVERIFY(port);
        listen->closeWriteChannel();
        Peer client;
        client->start(socat, {"-u", QStringLiteral("FILE:%1").arg(in), QStringLiteral("TCP:127.0.0.1:%1").arg(port)});
        const Result listenDone = waitExit(*listen);
        const QByteArray got = listenDone.out;
        QCOMPARE(listenDone.exitCode, 0);
        QCOMPARE(got.size(), data.size());
        QVERIFY(got == data);
        QCOMPARE(waitExit(*client).exitCode, 0);

        // socat as the server.
        Peer server;
        server->start(socat, {"-d", "-d", "-u", "TCP-LISTEN:0,bind=127.0.0.1", QStringLiteral("CREATE:%1").arg(out)});
        const QString sport = waitForMatch(*server, QProcess::StandardError,
                                           QRegularExpression(QStringLiteral(R"(listening on AF=2 127\.0\.0\.1:(\d+))")));
        QVERIFY(!sport.isEmpty());
        Peer connect;
        startCli(*connect, {"tcp", "connect", QStringLiteral("127.0.0.1:%1").arg(sport), "--raw"});
        connect->write(data);
        connect->closeWriteChannel();
        QCOMPARE(waitExit(*server).exitCode, 0);
        QCOMPARE(waitExit(*connect).exitCode, 0);
        QVERIFY(readFile(out) == data);
    }

    // socat as a bidirectional echo server (PIPE) on ::1: connect --raw gets back what it sent.
    void socatEchoServer()
    {
        REQUIRE_TOOL(socat, "socat", "socat");
        Peer server;
        server->start(socat, {"-d", "-d", "TCP6-LISTEN:0,bind=[::1]", "PIPE"});
        const QString port = waitForMatch(*server, QProcess::StandardError,
                                          QRegularExpression(QStringLiteral(R"(listening on AF=10 \[[0-9a-f:]+\]:(\d+))")));
        QVERIFY(!port.isEmpty());
        const QByteArray data = randomBytes(512 * 1024 + 9);
        Peer connect;
        startCli(*connect, {"tcp", "connect", QStringLiteral("[::1]:%1").arg(port), "--raw"});
        connect->write(data);
        connect->closeWriteChannel();
        const Result c = waitExit(*connect);
        QCOMPARE(c.exitCode, 0);
        QCOMPARE(c.out.size(), data.size());
        QVERIFY(c.out == data);
    }

    // A classroom python3 client: sends GB2312 text to listen --encoding GB2312, which shows it as text and
    // answers with its standard input encoded in GB2312; the script prints the answer's bytes in hex.
    void pythonClientGb2312()
    {
        REQUIRE_TOOL(python, "python3", "python3");
        const char *script = R"(
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.settimeout(20)
s.connect(("127.0.0.1", int(sys.argv[1])))
s.sendall("你好，世界\n".encode("gb2312"))
s.shutdown(socket.SHUT_WR)
answer = b""
while True:
    data = s.recv(4096)
    if not data:
        break
    answer += data
s.close()
print(answer.hex(), flush=True)
)";
        Peer listen;
        const quint16 port = startListen(*listen, {"127.0.0.1:0", "--once", "--encoding", "GB2312"});
        QVERIFY(port);
        listen->write(QStringLiteral("收到\n").toUtf8());   // typed in UTF-8, sent in GB2312
        listen->closeWriteChannel();
        Peer py;
        py->start(python, {"-c", QString::fromUtf8(script), QString::number(port)});
        const Result pyDone = waitExit(*py);
        const QByteArray out = pyDone.out;
        QCOMPARE(pyDone.exitCode, 0);
        QCOMPARE(out.trimmed(), QByteArray("cad5b5bd0a"));   // 收到\n in GB2312
        const Result l = waitExit(*listen);
        QCOMPARE(l.exitCode, 0);
        static const QRegularExpression re(QStringLiteral(R"(^\d\d:\d\d:\d\d\.\d{3} 127\.0\.0\.1:\d+ 11 (.*)$)"));
        const auto m = re.match(lines(l.out).value(0));
        QVERIFY2(m.hasMatch(), l.out.constData());
        QCOMPARE(m.captured(1), QStringLiteral("你好，世界\\n"));
    }

    // A classroom python3 echo server on ::1 that answers after the client's FIN (recv until b"", then
    // sendall): connect's half-close at the end of its input must not lose the answer.
    void pythonServerAnswersAfterFin()
    {
        REQUIRE_TOOL(python, "python3", "python3");
        const char *script = R"(
import socket
srv = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
srv.bind(("::1", 0))
srv.listen(1)
print(srv.getsockname()[1], flush=True)
srv.settimeout(20)
conn, addr = srv.accept()
conn.settimeout(20)
data = b""
while True:
    chunk = conn.recv(65536)
    if not chunk:
        break
    data += chunk
conn.sendall(data[::-1])
conn.close()
)";
        Peer py;
        py->start(python, {"-c", QString::fromLatin1(script)});
        waitForLine(*py, Timeout);
        const quint16 port = quint16(py->readLine().trimmed().toUInt());
        QVERIFY(port);
        const QByteArray data = randomBytes(700 * 1024);
        Peer connect;
        startCli(*connect, {"tcp", "connect", QStringLiteral("[::1]:%1").arg(port), "--raw"});
        connect->write(data);
        connect->closeWriteChannel();
        const Result c = waitExit(*connect);
        QCOMPARE(c.exitCode, 0);
        QByteArray reversed = data;
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(c.out.size(), data.size());
        QVERIFY(c.out == reversed);
    }

    // TLS with a throwaway certificate: openssl s_client to listen --tls-cert, connect --tls to s_server
    // (refused as self-signed without --insecure, accepted with it).
    void tls()
    {
        REQUIRE_TOOL(openssl, "openssl", "openssl");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cert = dir.filePath("cert.pem"), key = dir.filePath("key.pem");
        QProcess req;
        req.start(openssl, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1",
                            "-keyout", key, "-out", cert});
        QVERIFY(req.waitForFinished(Timeout));
        QCOMPARE(req.exitCode(), 0);

        // openssl s_client → our TLS server.
        Peer listen;
        const quint16 port = startListen(*listen, {"127.0.0.1:0", "--once", "--tls-cert", cert, "--tls-key", key});
        QVERIFY(port);
        listen->closeWriteChannel();
        Peer client;
        client->start(openssl, {"s_client", "-connect", QStringLiteral("127.0.0.1:%1").arg(port), "-quiet"});
        client->write("secret over tls\n");
        const QString line = waitForMatch(*listen, QProcess::StandardOutput,
                                          QRegularExpression(QStringLiteral(R"(^\S+ 127\.0\.0\.1:\d+ 16 (.*)$)")));
        QCOMPARE(line.trimmed(), QStringLiteral("secret over tls\\n"));
        client->kill();   // s_client -quiet ignores the end of its input; killing it closes the connection
        client->waitForFinished(Timeout);
        QCOMPARE(waitExit(*listen).exitCode, 0);

        // Our client → openssl s_server.
        Peer server;
        server->start(openssl, {"s_server", "-accept", "127.0.0.1:0", "-cert", cert, "-key", key, "-naccept", "2"});
        const QString sport = waitForMatch(*server, QProcess::StandardOutput,
                                           QRegularExpression(QStringLiteral(R"(ACCEPT \S*:(\d+))")));
        QVERIFY(!sport.isEmpty());
        Peer strict;
        startCli(*strict, {"tcp", "connect", QStringLiteral("127.0.0.1:%1").arg(sport), "--tls"});
        strict->closeWriteChannel();
        const Result s = waitExit(*strict);
        QCOMPARE(s.exitCode, 1);
        QCOMPARE(lines(s.err).size(), 1);
        QVERIFY2(s.err.contains("TLS handshake") && s.err.contains("self-signed"), s.err.constData());

        Peer insecure;
        startCli(*insecure, {"tcp", "connect", QStringLiteral("127.0.0.1:%1").arg(sport), "--tls", "--insecure"});
        insecure->write("hi s_server\n");
        QCOMPARE(waitForMatch(*server, QProcess::StandardOutput, QRegularExpression(QStringLiteral("^(hi s_server)"))),
                 QStringLiteral("hi s_server"));
        server->write("hello tls client\n");
        QCOMPARE(waitForMatch(*insecure, QProcess::StandardOutput, QRegularExpression(QStringLiteral("^(.*)$"))),
                 QStringLiteral("hello tls client"));
        server->kill();
        waitExit(*server);
        const Result i = waitExit(*insecure);
        QVERIFY(i.exitCode == 0 || i.exitCode == 1);   // s_server killed: a close or a reset
        QVERIFY2(i.err.contains("connected to") && i.err.contains("(TLS)"), i.err.constData());
        QVERIFY2(i.err.contains("ignoring certificate errors"), i.err.constData());
    }

    // listen --echo with a QTcpSocket client: 512 KiB back exactly.
    void echoServer()
    {
        Peer listen;
        const quint16 port = startListen(*listen, {"127.0.0.1:0", "--echo", "--once"});
        QVERIFY(port);
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(s.waitForConnected(Timeout));
        const QByteArray data = randomBytes(512 * 1024);
        s.write(data);
        QByteArray back;
        QTRY_VERIFY_WITH_TIMEOUT((back += s.readAll()).size() >= data.size(), Timeout);
        QVERIFY(back == data);
        s.disconnectFromHost();
        QCOMPARE(waitExit(*listen).exitCode, 0);
    }
};

QTEST_MAIN(TstTcpInterop)
#include "tst_tcpinterop.moc"
