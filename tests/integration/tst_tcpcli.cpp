// netpoke-cli tcp connect|listen as processes, against each other and against real peers (python3, nc,
// socat, openssl) on 127.0.0.1 with ports the system chose. A missing peer tool fails the test, naming it.

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

} // namespace

class TstTcpCli : public QObject
{
    Q_OBJECT

private slots:
    void help()
    {
        for (const char *sub : {"connect", "listen"}) {
            QProcess p;
            startCli(p, {QStringLiteral("tcp"), QString::fromLatin1(sub), QStringLiteral("--help")});
            const Result r = finish(p, Timeout);
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.out.contains("--raw"));
        }
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no target") << QStringList{"tcp", "connect"};
        QTest::newRow("bad host") << QStringList{"tcp", "connect", "300.1.1.1:80"};
        QTest::newRow("port 0") << QStringList{"tcp", "connect", "127.0.0.1:0"};
        QTest::newRow("insecure without tls") << QStringList{"tcp", "connect", "127.0.0.1:7", "--insecure"};
        QTest::newRow("raw and hex") << QStringList{"tcp", "connect", "127.0.0.1:7", "--raw", "--hex"};
        QTest::newRow("cert without key") << QStringList{"tcp", "listen", "0", "--tls-cert", "x.pem"};
        QTest::newRow("bad max") << QStringList{"tcp", "listen", "0", "--max-connections", "0"};
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QProcess p;
        startCli(p, args);
        checkOneErrorLine(finish(p, Timeout), 2);
    }

    void refused()
    {
        QTcpServer s;
        QVERIFY(s.listen(QHostAddress::LocalHost, 0));
        const quint16 port = s.serverPort();
        s.close();
        QProcess p;
        startCli(p, {"tcp", "connect", QStringLiteral("127.0.0.1:%1").arg(port)});
        const Result r = finish(p, Timeout);
        checkOneErrorLine(r, 1);
        QVERIFY(r.err.contains("refused"));
    }

    // connect → listen --once: lines TIME PEER LENGTH CONTENT, escapes visible, both exit 0.
    void connectToListen()
    {
        QProcess listen;
        const quint16 port = startListen(listen, {"127.0.0.1:0", "--once"});
        QVERIFY(port);
        listen.closeWriteChannel();   // nothing to send: the peer's FIN ends the connection
        QProcess connect;
        startCli(connect, {"tcp", "connect", QStringLiteral("127.0.0.1:%1").arg(port)});
        connect.write("hello \x1b[31m\n");
        connect.closeWriteChannel();
        const Result c = finish(connect, Timeout);
        QCOMPARE(c.exitCode, 0);
        const Result l = finish(listen, Timeout);
        QCOMPARE(l.exitCode, 0);
        const QStringList lines = CliTest::lines(l.out);
        QVERIFY(!lines.isEmpty());
        static const QRegularExpression re(QStringLiteral(R"(^\d\d:\d\d:\d\d\.\d{3} 127\.0\.0\.1:\d+ (\d+) (.*)$)"));
        QString content;
        for (const QString &line : lines) {
            const auto m = re.match(line);
            QVERIFY2(m.hasMatch(), qPrintable(line));
            content += m.captured(2);
        }
        QCOMPARE(content, QStringLiteral("hello \\x1B[31m\\n"));
        QVERIFY(!l.out.contains('\x1b'));
    }

    // A GB2312 character split across two reads is shown once, in the read that completes it.
    void gb2312SplitAcrossReads()
    {
        QProcess listen;
        const quint16 port = startListen(listen, {"127.0.0.1:0", "--once", "--encoding", "GB2312"});
        QVERIFY(port);
        listen.closeWriteChannel();
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(s.waitForConnected(Timeout));
        s.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        s.write("\xC4");
        QVERIFY(s.waitForBytesWritten(Timeout));
        listen.setReadChannel(QProcess::StandardOutput);
        waitForLine(listen, Timeout);
        const QString first = QString::fromUtf8(listen.readLine());
        QVERIFY2(first.trimmed().endsWith(QLatin1String(" 1")), qPrintable(first));
        s.write("\xE3");
        QVERIFY(s.waitForBytesWritten(Timeout));
        waitForLine(listen, Timeout);
        const QString second = QString::fromUtf8(listen.readLine()).trimmed();
        QVERIFY2(second.endsWith(QStringLiteral(" 1 你")), qPrintable(second));
        s.disconnectFromHost();
        QCOMPARE(finish(listen, Timeout).exitCode, 0);
    }

    // Without --once, standard input goes to every open connection (as text in --encoding).
    void listenSendsStdinToAll()
    {
        QProcess listen;
        const quint16 port = startListen(listen, {"127.0.0.1:0", "--encoding", "GB2312"});
        QVERIFY(port);
        QTcpSocket a, b;
        a.connectToHost(QHostAddress::LocalHost, port);
        b.connectToHost(QHostAddress::LocalHost, port);
        int opened = 0;
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            while (listen.canReadLine())
                opened += listen.readLine().contains(" from 127.0.0.1:") ? 1 : 0;
            return opened == 2;
        }(), Timeout);
        listen.write(QStringLiteral("大家好\n").toUtf8());
        QByteArray gotA, gotB;
        const QByteArray expected("\xb4\xf3\xbc\xd2\xba\xc3\n");   // 大家好 in GB2312
        QTRY_COMPARE_WITH_TIMEOUT(gotA += a.readAll(), expected, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(gotB += b.readAll(), expected, Timeout);
        listen.closeWriteChannel();
        listen.kill();
        listen.waitForFinished(Timeout);
    }

    // --raw both ways through a classroom python3 echo server: the bytes come back exactly.
    void rawThroughPythonEcho()
    {
        const QString python = tool("python3");
        QVERIFY2(!python.isEmpty(), "python3 is missing (scripts/setup.sh installs it)");
        const char *script = R"(
import socket, sys
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
print(srv.getsockname()[1], flush=True)
srv.settimeout(20)
conn, addr = srv.accept()
conn.settimeout(20)
while True:
    data = conn.recv(65536)
    if not data:
        break
    conn.sendall(data)
conn.close()
)";
        QProcess py;
        py.start(python, {"-c", QString::fromLatin1(script)});
        waitForLine(py, Timeout);
        const quint16 port = quint16(py.readLine().trimmed().toUInt());
        QVERIFY(port);
        const QByteArray data = randomBytes(3 * 1024 * 1024 + 17);
        QProcess connect;
        startCli(connect, {"tcp", "connect", QStringLiteral("127.0.0.1:%1").arg(port), "--raw"});
        connect.write(data);
        connect.closeWriteChannel();
        const Result c = finish(connect, Timeout);
        QCOMPARE(c.exitCode, 0);
        QCOMPARE(c.out.size(), data.size());
        QVERIFY(c.out == data);
        QVERIFY(py.waitForFinished(Timeout));
    }

};

QTEST_MAIN(TstTcpCli)
#include "tst_tcpcli.moc"
