// WORK IN PROGRESS, not registered in ctest: interop cases of netpoke-cli tcp that FAIL today (nc -l -d and
// socat as servers never see the end of the stream or the test waits wrongly; listen --once with nc -N; the TLS
// line from s_client; echo of 512 KiB). Moved out of tst_tcpcli so that the suite stays honest; see
// docs/architecture.md "TCP" (known limits) before registering it.

#include "clitestutil.h"

#include <QDir>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

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

// Starts `tcp listen` and returns the port of its "listening on" line.
quint16 startListen(QProcess &p, const QStringList &args)
{
    startCli(p, QStringList{QStringLiteral("tcp"), QStringLiteral("listen")} + args);
    p.setReadChannel(QProcess::StandardError);
    waitForLine(p, Timeout);
    return listeningPort(QString::fromUtf8(p.readLine()).trimmed(), p);
}

// A peer tool's path, or a failure naming it.
QString tool(const char *name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

// Reads lines of a process's channel until one matches re (at most Timeout); its first capture.
QString waitForMatch(QProcess &p, QProcess::ProcessChannel channel, const QRegularExpression &re)
{
    p.setReadChannel(channel);
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < Timeout) {
        while (p.canReadLine()) {
            const auto m = re.match(QString::fromUtf8(p.readLine()));
            if (m.hasMatch())
                return m.captured(1);
        }
        if (!p.waitForReadyRead(1000) && p.state() != QProcess::Running)
            break;
    }
    qWarning() << "no line matching" << re.pattern() << "from" << p.program();
    return QString();
}
} // namespace

class TstTcpInterop : public QObject
{
    Q_OBJECT

private slots:
    // nc -l as the server: what connect --raw sends arrives exactly.
    void rawToNcServer()
    {
        const QString nc = tool("nc");
        QVERIFY2(!nc.isEmpty(), "nc is missing (netcat-openbsd; scripts/setup.sh installs it)");
        QProcess server;
        server.start(nc, {"-l", "-d", "-v", "127.0.0.1", "0"});
        const QString port = waitForMatch(server, QProcess::StandardError,
                                          QRegularExpression(QStringLiteral(R"(Listening on \S+ (\d+))")));
        QVERIFY(!port.isEmpty());
        const QByteArray data = randomBytes(1024 * 1024);
        QProcess connect;
        startCli(connect, {"tcp", "connect", QStringLiteral("127.0.0.1:%1").arg(port), "--raw"});
        connect.write(data);
        connect.closeWriteChannel();
        server.setReadChannel(QProcess::StandardOutput);
        QVERIFY(server.waitForFinished(Timeout));
        QCOMPARE(server.readAllStandardOutput(), data);
        QCOMPARE(finish(connect, Timeout).exitCode, 0);
    }

    // nc as the client: listen --raw --once writes exactly what it sent.
    void rawFromNcClient()
    {
        const QString nc = tool("nc");
        QVERIFY2(!nc.isEmpty(), "nc is missing (netcat-openbsd; scripts/setup.sh installs it)");
        QProcess listen;
        const quint16 port = startListen(listen, {"127.0.0.1:0", "--once", "--raw"});
        QVERIFY(port);
        const QByteArray data = randomBytes(1024 * 1024 + 3);
        QProcess client;
        client.start(nc, {"-N", "127.0.0.1", QString::number(port)});
        client.write(data);
        client.closeWriteChannel();
        const Result l = finish(listen, Timeout);
        QCOMPARE(l.exitCode, 0);
        QVERIFY(l.out == data);
        QVERIFY(client.waitForFinished(Timeout));
    }

    void rawWithSocat()
    {
        const QString socat = tool("socat");
        QVERIFY2(!socat.isEmpty(), "socat is missing (scripts/setup.sh installs it)");
        QTemporaryDir dir;
        const QByteArray data = randomBytes(2 * 1024 * 1024 + 5);
        const QString in = dir.filePath("in"), out = dir.filePath("out");
        {
            QFile f(in);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(data);
        }
        // socat as the client.
        QProcess listen;
        const quint16 port = startListen(listen, {"127.0.0.1:0", "--once", "--raw"});
        QVERIFY(port);
        QProcess client;
        client.start(socat, {"-u", QStringLiteral("FILE:%1").arg(in), QStringLiteral("TCP:127.0.0.1:%1").arg(port)});
        const Result l = finish(listen, Timeout);
        QCOMPARE(l.exitCode, 0);
        QVERIFY(l.out == data);
        QVERIFY(client.waitForFinished(Timeout));

        // socat as the server.
        QProcess server;
        server.start(socat, {"-d", "-d", "-u", "TCP-LISTEN:0,bind=127.0.0.1", QStringLiteral("CREATE:%1").arg(out)});
        const QString sport = waitForMatch(server, QProcess::StandardError,
                                           QRegularExpression(QStringLiteral(R"(listening on AF=2 127\.0\.0\.1:(\d+))")));
        QVERIFY(!sport.isEmpty());
        QProcess connect;
        startCli(connect, {"tcp", "connect", QStringLiteral("127.0.0.1:%1").arg(sport), "--raw"});
        connect.write(data);
        connect.closeWriteChannel();
        QVERIFY(server.waitForFinished(Timeout));
        QCOMPARE(finish(connect, Timeout).exitCode, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll() == data);
    }

    // TLS with a throwaway certificate: openssl s_client to listen --tls-cert, connect --tls to s_server.
    void tls()
    {
        const QString openssl = tool("openssl");
        QVERIFY2(!openssl.isEmpty(), "openssl is missing (scripts/setup.sh installs it)");
        QTemporaryDir dir;
        const QString cert = dir.filePath("cert.pem"), key = dir.filePath("key.pem");
        QProcess req;
        req.start(openssl, {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                            "-subj", "/CN=localhost", "-days", "2", "-keyout", key, "-out", cert});
        QVERIFY(req.waitForFinished(Timeout));
        QCOMPARE(req.exitCode(), 0);

        // openssl s_client → our TLS server.
        QProcess listen;
        const quint16 port = startListen(listen, {"127.0.0.1:0", "--once", "--tls-cert", cert, "--tls-key", key});
        QVERIFY(port);
        QProcess client;
        client.start(openssl, {"s_client", "-connect", QStringLiteral("127.0.0.1:%1").arg(port), "-quiet"});
        client.write("secret over tls\n");
        client.closeWriteChannel();
        listen.setReadChannel(QProcess::StandardOutput);
        waitForLine(listen, Timeout);
        const QString line = QString::fromUtf8(listen.readLine());
        QVERIFY2(line.contains(QLatin1String("secret over tls\\n")), qPrintable(line));
        client.kill();
        client.waitForFinished(Timeout);
        QCOMPARE(finish(listen, Timeout).exitCode, 0);

        // Our client → openssl s_server: a self-signed certificate is refused unless --insecure.
        QProcess server;
        server.start(openssl, {"s_server", "-accept", "127.0.0.1:0", "-cert", cert, "-key", key, "-naccept", "2"});
        const QString sport = waitForMatch(server, QProcess::StandardOutput,
                                           QRegularExpression(QStringLiteral(R"(ACCEPT \S*:(\d+))")));
        QVERIFY(!sport.isEmpty());
        QProcess strict;
        startCli(strict, {"tcp", "connect", QStringLiteral("127.0.0.1:%1").arg(sport), "--tls"});
        strict.closeWriteChannel();
        const Result s = finish(strict, Timeout);
        QCOMPARE(s.exitCode, 1);
        QVERIFY2(s.err.contains("TLS handshake") && s.err.contains("self signed"), s.err.constData());
        QProcess insecure;
        startCli(insecure, {"tcp", "connect", QStringLiteral("127.0.0.1:%1").arg(sport), "--tls", "--insecure"});
        insecure.write("hi s_server\n");
        QVERIFY(waitForMatch(server, QProcess::StandardOutput,
                             QRegularExpression(QStringLiteral("^(hi s_server)"))) == QLatin1String("hi s_server"));
        server.write("Q\n");   // s_server ends the connection
        server.kill();
        const Result i = finish(insecure, Timeout);
        QVERIFY2(i.err.contains("connected to") && i.err.contains("(TLS)"), i.err.constData());
        QVERIFY2(i.err.contains("ignoring certificate errors"), i.err.constData());
        server.waitForFinished(Timeout);
    }

    void echoServer()
    {
        QProcess listen;
        const quint16 port = startListen(listen, {"127.0.0.1:0", "--echo", "--once"});
        QVERIFY(port);
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(s.waitForConnected(Timeout));
        const QByteArray data = randomBytes(512 * 1024);
        s.write(data);
        QByteArray back;
        while (back.size() < data.size() && s.waitForReadyRead(Timeout))
            back += s.readAll();
        QVERIFY(back == data);
        s.disconnectFromHost();
        QCOMPARE(finish(listen, Timeout).exitCode, 0);
    }
};

QTEST_MAIN(TstTcpInterop)
#include "tst_tcpinterop.moc"
