// The TFTP client against the real tftpd-hpa, started by the test as
// `in.tftpd -L -a 127.0.0.1:PORT -s ROOT -B 65464` on a port the system chose, and stopped after; uploads go
// to two more, with -c (create files) in their own folders, on 127.0.0.1 and [::1]. atftpd (which has RFC 7440
// windowsize) serves uploads and downloads in a third folder, on 127.0.0.1 only: atftpd 0.8.0 binds 0.0.0.0
// whatever IPv6 address --bind-address names.

#include "tftp/tftpclient.h"
#include "looptestutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <functional>
#include <sys/stat.h>
#include <unistd.h>

using namespace NetPoke::Tftp;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

#ifndef NETPOKE_IN_TFTPD
#define NETPOKE_IN_TFTPD ""
#endif
#ifndef NETPOKE_ATFTPD
#define NETPOKE_ATFTPD ""
#endif

class tst_tftpinterop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void download_data();
    void download();
    void fileNotFound();
    void netasciiDefaults();
    void cli();
    void upload_data();
    void upload();
    void uploadRefused();
    void cliPut();
    void atftpdUpload_data();
    void atftpdUpload();
    void atftpdDownloadWindowed();

private:
    bool startServer(QProcess *server, quint16 *port, const QHostAddress &address, const QString &root,
                     const QStringList &extra = {});
    // Starts program with the arguments args() gives for a free port on address; true once it answers.
    bool startProcess(QProcess *server, quint16 *port, const QHostAddress &address, const QString &program,
                      const std::function<QStringList(const QString &listen, quint16 port)> &args);
    bool startAtftpd();
    bool startAtftpdOnce();
    static void stopServer(QProcess *server);
    bool get(const QString &name, const ClientOptions &o, Client *c, QString *path);

    QTemporaryDir m_root;
    QTemporaryDir m_out;
    QTemporaryDir m_upRoot4;   // where the upload servers write (world-writable: in.tftpd runs as nobody)
    QTemporaryDir m_upRoot6;
    QProcess m_server;
    QProcess m_upServer4;
    QProcess m_upServer6;
    QProcess m_atftpd;
    QTemporaryDir m_atRoot;
    quint16 m_atPort = 0;
    quint16 m_port = 0;
    quint16 m_upPort4 = 0;
    quint16 m_upPort6 = 0;
    bool m_ipv6 = false;
    QHash<QString, QByteArray> m_files;
};

bool tst_tftpinterop::startServer(QProcess *server, quint16 *port, const QHostAddress &address, const QString &root,
                                  const QStringList &extra)
{
    return startProcess(server, port, address, QStringLiteral(NETPOKE_IN_TFTPD), [&](const QString &listen, quint16) {
        return QStringList{QStringLiteral("-L"), QStringLiteral("-a"), listen, QStringLiteral("-s"), root,
                           QStringLiteral("-B"), QStringLiteral("65464")} + extra;
    });
}

bool tst_tftpinterop::startAtftpd()
{
    // In the foreground, on 127.0.0.1; as root it serves as nobody, like in.tftpd.
    return startProcess(&m_atftpd, &m_atPort, QHostAddress(QHostAddress::LocalHost), QStringLiteral(NETPOKE_ATFTPD),
                        [&](const QString &, quint16 port) {
                            QStringList a{QStringLiteral("--daemon"), QStringLiteral("--no-fork"), QStringLiteral("--port"),
                                          QString::number(port), QStringLiteral("--bind-address"),
                                          QStringLiteral("127.0.0.1"), QStringLiteral("--logfile"),
                                          QStringLiteral("/dev/null")};
                            if (::geteuid() == 0)
                                a << QStringLiteral("--user") << QStringLiteral("nobody.nogroup");
                            return a << m_atRoot.path();
                        });
}

bool tst_tftpinterop::startProcess(QProcess *server, quint16 *port, const QHostAddress &address, const QString &program,
                                   const std::function<QStringList(const QString &listen, quint16 port)> &args)
{
    // A free port: bind port 0, read it, close, start the server there. Retry on the rare collision.
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    for (int attempt = 0; attempt < 5; ++attempt) {
        *port = LoopTest::closedUdpPort(address);
        if (*port == 0)
            return false;
        const QString listen = v6 ? QStringLiteral("[%1]:%2").arg(address.toString()).arg(*port)
                                  : QStringLiteral("%1:%2").arg(address.toString()).arg(*port);
        server->setProgram(program);
        server->setArguments(args(listen, *port));
        server->setProcessChannelMode(QProcess::ForwardedChannels);
        server->start();
        if (!server->waitForStarted(5000))
            return false;
        // Listening once a request to a missing file is answered (an ERROR packet).
        QUdpSocket s;
        s.bind(address, 0);
        for (int i = 0; i < 40 && server->state() == QProcess::Running; ++i) {
            s.writeDatagram(QByteArray("\0\1.probe\0octet\0", 15), address, *port);
            if (s.waitForReadyRead(100))
                return true;
        }
        server->kill();
        server->waitForFinished(2000);
    }
    return false;
}

void tst_tftpinterop::stopServer(QProcess *server)
{
    if (server->state() != QProcess::NotRunning) {
        server->terminate();
        if (!server->waitForFinished(3000)) {
            server->kill();
            server->waitForFinished(3000);
        }
    }
}

void tst_tftpinterop::initTestCase()
{
    const QString tftpd = QStringLiteral(NETPOKE_IN_TFTPD);
    if (tftpd.isEmpty() || !QFileInfo(tftpd).isExecutable())
        QFAIL("in.tftpd (tftpd-hpa) is missing: scripts/setup.sh unpacks it into build/peers with apt-get "
              "download; libwrap0 must be installed (scripts/setup.sh).");
    QVERIFY(m_root.isValid());
    QVERIFY(m_out.isValid());
    // in.tftpd serves as nobody: the root and the files must be world-readable.
    QVERIFY(::chmod(QFile::encodeName(m_root.path()).constData(), 0755) == 0);
    QRandomGenerator rng(42);
    auto make = [&](const QString &name, qsizetype size) {
        QByteArray b(size, Qt::Uninitialized);
        for (qsizetype i = 0; i < size; i += 4) {
            const quint32 v = rng.generate();
            std::memcpy(b.data() + i, &v, size_t(qMin<qsizetype>(4, size - i)));
        }
        QFile f(m_root.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(b), size);
        f.close();
        QVERIFY(::chmod(QFile::encodeName(f.fileName()).constData(), 0644) == 0);
        m_files.insert(name, b);
    };
    make(QStringLiteral("small.bin"), 12345);
    make(QStringLiteral("exact.bin"), 512 * 64);
    make(QStringLiteral("medium.bin"), 5 * 1024 * 1024 + 17);
    make(QStringLiteral("rollover.bin"), 512 * 65536 + 1000);   // 32 MiB + 1000 at 512: block numbers wrap
    make(QStringLiteral("empty.bin"), 0);
    const auto text = [&](const QString &name, const QByteArray &bytes) {
        QFile t(m_root.filePath(name));
        QVERIFY(t.open(QIODevice::WriteOnly));
        QVERIFY(t.write(bytes) == bytes.size());
        t.close();
        QVERIFY(::chmod(QFile::encodeName(t.fileName()).constData(), 0644) == 0);
        m_files.insert(name, bytes);
    };
    text(QStringLiteral("text.txt"), "line 1\nline 2\n\nlast line\n");
    QByteArray lines;
    for (int i = 0; i < 3000; ++i)
        lines += "line " + QByteArray::number(i) + (i % 7 == 0 ? "\r\n" : "\n");   // CR LF pairs and bare LFs
    text(QStringLiteral("lines.txt"), lines);
    QVERIFY2(startServer(&m_server, &m_port, QHostAddress(QHostAddress::LocalHost), m_root.path()),
             "in.tftpd did not start");
    for (QTemporaryDir *d : {&m_upRoot4, &m_upRoot6}) {
        QVERIFY(d->isValid());
        QVERIFY(::chmod(QFile::encodeName(d->path()).constData(), 0777) == 0);
    }
    const QStringList create{QStringLiteral("-c")};
    QVERIFY2(startServer(&m_upServer4, &m_upPort4, QHostAddress(QHostAddress::LocalHost), m_upRoot4.path(), create),
             "in.tftpd -c did not start on 127.0.0.1");
    m_ipv6 = LoopTest::ipv6LoopbackUsable();
    if (m_ipv6)
        QVERIFY2(startServer(&m_upServer6, &m_upPort6, QHostAddress(QHostAddress::LocalHostIPv6), m_upRoot6.path(),
                             create),
                 "in.tftpd -c did not start on ::1");
}

void tst_tftpinterop::cleanupTestCase()
{
    for (QProcess *p : {&m_server, &m_upServer4, &m_upServer6, &m_atftpd})
        stopServer(p);
}

bool tst_tftpinterop::get(const QString &name, const ClientOptions &o, Client *c, QString *path)
{
    *path = m_out.filePath(name + QStringLiteral(".out"));
    QFile::remove(*path);
    c->setOptions(o);
    QSignalSpy finished(c, &Client::finished);
    if (!c->download(QStringLiteral("127.0.0.1"), m_port, name, *path))
        return false;
    if (!finished.wait(60000))
        return false;
    return finished.first().first().toBool();
}

void tst_tftpinterop::download_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("blksize");      // -1: RFC 1350 only
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("expectBlk");
    QTest::addColumn<int>("expectWindow");

    QTest::newRow("defaults") << "medium.bin" << 0 << 8 << 65464 << 1;   // tftpd-hpa has no windowsize
    QTest::newRow("defaults, small") << "small.bin" << 0 << 8 << 65464 << 1;
    QTest::newRow("rfc1350 only") << "medium.bin" << -1 << 0 << 512 << 1;
    QTest::newRow("rfc1350 exact multiple") << "exact.bin" << -1 << 0 << 512 << 1;
    QTest::newRow("blksize 65464 + windowsize 16") << "medium.bin" << 65464 << 16 << 65464 << 1;
    QTest::newRow("blksize 1428") << "medium.bin" << 1428 << 1 << 1428 << 1;
    QTest::newRow("empty") << "empty.bin" << 0 << 8 << 65464 << 1;
    QTest::newRow("rollover at 512") << "rollover.bin" << 512 << 1 << 512 << 1;
}

void tst_tftpinterop::download()
{
    QFETCH(QString, name);
    QFETCH(int, blksize);
    QFETCH(int, window);
    QFETCH(int, expectBlk);
    QFETCH(int, expectWindow);
    ClientOptions o;
    if (blksize < 0)
        o.rfc1350Only = true;
    else
        o.blockSize = blksize;
    o.windowSize = window;
    Client c;
    QString path;
    QElapsedTimer t;
    t.start();
    QVERIFY2(get(name, o, &c, &path), qPrintable(c.errorString()));
    const qint64 ms = t.elapsed();
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray got = f.readAll();
    QCOMPARE(got.size(), m_files.value(name).size());
    QVERIFY(got == m_files.value(name));
    QCOMPARE(c.negotiatedBlockSize(), expectBlk);
    QCOMPARE(c.negotiatedWindowSize(), expectWindow);
    if (blksize >= 0)
        QCOMPARE(c.progress().total, qint64(got.size()));
    qDebug().noquote() << name << got.size() << "bytes in" << ms << "ms, retransmissions" << c.progress().retransmissions;
}

void tst_tftpinterop::fileNotFound()
{
    Client c;
    QString path;
    QVERIFY(!get(QStringLiteral("missing.bin"), ClientOptions(), &c, &path));
    QCOMPARE(c.error(), Client::FileNotFoundError);
    QVERIFY2(c.errorString().startsWith(QLatin1String("File not found on the server (TFTP error 1).")),
             qPrintable(c.errorString()));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(m_out.path()).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral("missing")), QStringList());
}

void tst_tftpinterop::netasciiDefaults()
{
    // tftpd-hpa answers tsize in netascii with ERROR 8 "Unsupported option(s) requested": the client asks
    // once more without options, says so in the trace, and gets the file (LF sent as CR LF, decoded back).
    ClientOptions o;
    o.mode = ClientOptions::NetAscii;
    Client c;
    c.setTraceEnabled(true);
    QList<TraceEntry> trace;
    connect(&c, &Client::packetTraced, this, [&trace](const TraceEntry &e) { trace.append(e); });
    QString path;
    QVERIFY2(get(QStringLiteral("text.txt"), o, &c, &path), qPrintable(c.errorString()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("line 1\nline 2\n\nlast line\n"));
    QCOMPARE(c.progress().bytes, qint64(25));   // the file's bytes; 29 came over the wire (LF as CR LF)
    QStringList summaries;
    for (const TraceEntry &e : std::as_const(trace))
        summaries.append(e.summary);
    const QString all = summaries.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("ERROR 8")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("asking again without options")), qPrintable(all));
    QCOMPARE(c.negotiatedBlockSize(), 512);
}

void tst_tftpinterop::cli()
{
    // netpoke-cli against the same server: success, exit 0 and identical bytes; not found, exit 1.
    QProcess p;
    p.setWorkingDirectory(m_out.path());
    p.start(QStringLiteral(NETPOKE_CLI), {QStringLiteral("tftp"), QStringLiteral("get"),
                                           QStringLiteral("tftp://127.0.0.1:%1/medium.bin").arg(m_port)});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QFile f(m_out.filePath(QStringLiteral("medium.bin")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll() == m_files.value(QStringLiteral("medium.bin")));
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(err.contains("5242897 bytes in"), err.constData());

    p.start(QStringLiteral(NETPOKE_CLI), {QStringLiteral("tftp"), QStringLiteral("get"),
                                           QStringLiteral("tftp://127.0.0.1:%1/nothing.bin").arg(m_port)});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(p.readAllStandardError().contains("File not found on the server (TFTP error 1)."));
    QVERIFY(!QFile::exists(m_out.filePath(QStringLiteral("nothing.bin"))));
}


void tst_tftpinterop::upload_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<QString>("name");      // a file served for the downloads, sent back
    QTest::addColumn<int>("blksize");       // -1: RFC 1350 only
    QTest::addColumn<int>("window");
    QTest::addColumn<bool>("netascii");
    QTest::addColumn<int>("expectBlk");
    for (const QHostAddress &a : {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)}) {
        const QByteArray f = a.protocol() == QAbstractSocket::IPv4Protocol ? "IPv4" : "IPv6";
        const auto row = [&](const char *name) -> QTestData & {
            return QTest::newRow(QByteArray(f + ", " + name).constData());
        };
        row("defaults") << a << "medium.bin" << 0 << 8 << false << 65464;   // tftpd-hpa has no windowsize: 1
        row("small") << a << "small.bin" << 0 << 8 << false << 65464;
        row("blksize 1428") << a << "medium.bin" << 1428 << 1 << false << 1428;
        row("rfc1350 only, exact multiple") << a << "exact.bin" << -1 << 0 << false << 512;
        row("exact multiple of blksize") << a << "exact.bin" << 1024 << 4 << false << 1024;
        row("empty") << a << "empty.bin" << 0 << 8 << false << 65464;
        row("netascii") << a << "text.txt" << 0 << 8 << true << 65464;
    }
    QTest::newRow("IPv4, rollover at 512") << QHostAddress(QHostAddress::LocalHost) << "rollover.bin" << 512 << 1
                                           << false << 512;
}

void tst_tftpinterop::upload()
{
    QFETCH(QHostAddress, address);
    QFETCH(QString, name);
    QFETCH(int, blksize);
    QFETCH(int, window);
    QFETCH(bool, netascii);
    QFETCH(int, expectBlk);
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    if (v6 && !m_ipv6)
        QSKIP("::1 cannot be bound here (no IPv6 loopback)");
    ClientOptions o;
    if (blksize < 0)
        o.rfc1350Only = true;
    else
        o.blockSize = blksize;
    o.windowSize = window;
    o.mode = netascii ? ClientOptions::NetAscii : ClientOptions::Octet;
    QString remote = QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".up");
    remote.replace(QLatin1Char(' '), QLatin1Char('_')).remove(QLatin1Char(','));
    const QString target = (v6 ? m_upRoot6 : m_upRoot4).filePath(remote);
    Client c;
    c.setOptions(o);
    QSignalSpy finished(&c, &Client::finished);
    QElapsedTimer t;
    t.start();
    QVERIFY2(c.upload(address.toString(), v6 ? m_upPort6 : m_upPort4, remote, m_root.filePath(name)),
             qPrintable(c.errorString()));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().first().toBool(), qPrintable(c.errorString()));
    const qint64 ms = t.elapsed();
    // The client is done when the final ACK is in; the server may still be closing the file.
    const QByteArray expected = m_files.value(name);
    QTRY_VERIFY_WITH_TIMEOUT(readFile(target) == expected, 10000);
    QCOMPARE(c.negotiatedBlockSize(), expectBlk);
    QCOMPARE(c.negotiatedWindowSize(), 1);
    QCOMPARE(c.progress().bytes, qint64(expected.size()));
    qDebug().noquote() << name << expected.size() << "bytes up in" << ms << "ms, retransmissions"
                       << c.progress().retransmissions;
}

void tst_tftpinterop::uploadRefused()
{
    // An existing file that in.tftpd may not overwrite: refused, the file unchanged.
    const QString path = m_upRoot4.filePath(QStringLiteral("readonly.bin"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.write("keep") == 4);
    }
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0444) == 0);   // read-only for in.tftpd, whoever it runs as
    Client c;
    QSignalSpy finished(&c, &Client::finished);
    QVERIFY(c.upload(QStringLiteral("127.0.0.1"), m_upPort4, QStringLiteral("readonly.bin"),
                     m_root.filePath(QStringLiteral("small.bin"))));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toBool(), false);
    // tftpd-hpa reports the failed open(2) as ERROR 0 with the system's words.
    QCOMPARE(c.error(), Client::NotDefinedError);
    QVERIFY2(c.errorString().contains(QLatin1String("Permission denied (TFTP error 0)")), qPrintable(c.errorString()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("keep"));
}

void tst_tftpinterop::cliPut()
{
    // netpoke-cli tftp put against the upload server: exit 0, the same bytes, the summary line.
    QProcess p;
    p.start(QStringLiteral(NETPOKE_CLI), {QStringLiteral("tftp"), QStringLiteral("put"),
                                           m_root.filePath(QStringLiteral("medium.bin")),
                                           QStringLiteral("tftp://127.0.0.1:%1/cli.bin").arg(m_upPort4)});
    QVERIFY(p.waitForFinished(60000));
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(p.exitCode() == 0, err.constData());
    QVERIFY2(err.contains("5242897 bytes in"), err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(readFile(m_upRoot4.filePath(QStringLiteral("cli.bin"))) == m_files.value(QStringLiteral("medium.bin")),
                             10000);
}

void tst_tftpinterop::atftpdUpload_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("blksize");
    QTest::addColumn<int>("window");
    QTest::addColumn<bool>("netascii");
    QTest::addColumn<int>("expectBlk");
    QTest::addColumn<int>("expectWindow");   // -1: what the system's default receive buffer holds
    QTest::newRow("windowsize 16 x 1428") << "medium.bin" << 1428 << 16 << false << 1428 << 16;
    QTest::newRow("windowsize 8 x 512, exact multiple") << "exact.bin" << 512 << 8 << false << 512 << 8;
    QTest::newRow("defaults: 64 KiB blocks, the window lowered") << "medium.bin" << 0 << 8 << false << 65464 << -1;
    QTest::newRow("empty, windowed") << "empty.bin" << 512 << 4 << false << 512 << 4;
    QTest::newRow("netascii, windowed") << "lines.txt" << 512 << 8 << true << 512 << 8;
    // atftpd refuses a blksize its OACK would not fit in (ERROR 8): the client asks again without options.
    QTest::newRow("blksize 8 refused, asked again") << "text.txt" << 8 << 4 << true << 512 << 1;
    QTest::newRow("rollover, windowsize 32 x 512") << "rollover.bin" << 512 << 32 << false << 512 << 32;
}

bool tst_tftpinterop::startAtftpdOnce()
{
    if (m_atftpd.state() == QProcess::Running)
        return true;
    const QString atftpd = QStringLiteral(NETPOKE_ATFTPD);
    if (atftpd.isEmpty() || !QFileInfo(atftpd).isExecutable()) {
        qWarning("atftpd is missing: scripts/setup.sh unpacks it into build/peers with apt-get download.");
        return false;
    }
    if (!m_atRoot.isValid() || ::chmod(QFile::encodeName(m_atRoot.path()).constData(), 0777) != 0)
        return false;
    return startAtftpd();
}

void tst_tftpinterop::atftpdUpload()
{
    QFETCH(QString, name);
    QFETCH(int, blksize);
    QFETCH(int, window);
    QFETCH(bool, netascii);
    QFETCH(int, expectBlk);
    QFETCH(int, expectWindow);
    QVERIFY2(startAtftpdOnce(), "atftpd did not start (scripts/setup.sh unpacks it into build/peers)");
    if (expectWindow < 0) {
        QUdpSocket fresh;
        QVERIFY(fresh.bind(QHostAddress::LocalHost, 0));
        expectWindow = Client::windowForReceiveBuffer(
            fresh.socketOption(QAbstractSocket::ReceiveBufferSizeSocketOption).toInt(), expectBlk, window);
    }
    ClientOptions o;
    o.blockSize = blksize;
    o.windowSize = window;
    o.mode = netascii ? ClientOptions::NetAscii : ClientOptions::Octet;
    const QString remote = QString::fromLatin1(QTest::currentDataTag()).replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")),
                                                                                 QStringLiteral("_")) + QStringLiteral(".up");
    const QString target = m_atRoot.filePath(remote);
    Client c;
    c.setOptions(o);
    QSignalSpy finished(&c, &Client::finished);
    QElapsedTimer t;
    t.start();
    QVERIFY2(c.upload(QStringLiteral("127.0.0.1"), m_atPort, remote, m_root.filePath(name)), qPrintable(c.errorString()));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().first().toBool(), qPrintable(c.errorString()));
    const qint64 ms = t.elapsed();
    // atftpd may still be writing when its final ACK is out (in netascii it writes the CR of a CR LF first and
    // replaces it with the LF after): wait for the content, not for the size.
    const QByteArray expected = m_files.value(name);
    QTRY_VERIFY_WITH_TIMEOUT(readFile(target) == expected, 10000);
    QCOMPARE(c.negotiatedBlockSize(), expectBlk);
    QCOMPARE(c.negotiatedWindowSize(), expectWindow);
    qDebug().noquote() << "atftpd:" << name << expected.size() << "bytes up in" << ms << "ms, retransmissions"
                       << c.progress().retransmissions;
}

void tst_tftpinterop::atftpdDownloadWindowed()
{
    // The receive side against a real windowed sender: atftpd serves what the upload tests left, or a copy.
    QVERIFY2(startAtftpdOnce(), "atftpd did not start (scripts/setup.sh unpacks it into build/peers)");
    const QString served = m_atRoot.filePath(QStringLiteral("served.bin"));
    QFile::remove(served);
    QVERIFY(QFile::copy(m_root.filePath(QStringLiteral("medium.bin")), served));
    QVERIFY(::chmod(QFile::encodeName(served).constData(), 0644) == 0);
    ClientOptions o;
    o.blockSize = 1428;
    o.windowSize = 16;
    Client c;
    c.setOptions(o);
    const QString path = m_out.filePath(QStringLiteral("served.out"));
    QSignalSpy finished(&c, &Client::finished);
    QVERIFY(c.download(QStringLiteral("127.0.0.1"), m_atPort, QStringLiteral("served.bin"), path));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().first().toBool(), qPrintable(c.errorString()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll() == m_files.value(QStringLiteral("medium.bin")));
    QCOMPARE(c.negotiatedWindowSize(), 16);
}

QTEST_GUILESS_MAIN(tst_tftpinterop)
#include "tst_tftpinterop.moc"
