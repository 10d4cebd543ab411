// Real TFTP clients from Debian packages against our server: tftp-hpa's tftp, curl, atftp 0.8 and busybox tftp
// download from and upload to a Tftp::Server in this process on 127.0.0.1 and [::1], port 0, with the options
// each client has (blksize, windowsize, tsize, netascii); netpoke-cli tftp get and put do the same windowed at
// blksize 65464; curl, atftp and netpoke-cli also go to `netpoke-cli tftp serve`. Every client is a process
// with a time limit (killed when it runs over); files are compared byte for byte, and the server's record of
// each transfer says which options were agreed and how many blocks went (rollover: more than 65535).
// A client that is not installed fails its rows and says so (scripts/setup.sh installs the packages).

#include "clitestutil.h"
#include "looptestutil.h"
#include "servertestutil.h"

#include <QProcess>
#include <QStandardPaths>

#include <csignal>

using namespace ServerTest;

namespace {

constexpr int ClientTimeoutMs = 60000;   // one client run; a 32 MiB lock-step transfer takes 1-3 s here

struct Run
{
    bool finished = false;   // exited on its own, within the time limit
    int exitCode = -1;
    QByteArray output;       // stdout and stderr
    QString problem;         // why it did not finish
};

// The program's run, waited for in the event loop (the server in this process serves meanwhile) and
// killed after timeoutMs.
Run runProcess(const QString &program, const QStringList &args, const QString &workDir, int timeoutMs = ClientTimeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(CliTest::environment());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setStandardInputFile(QProcess::nullDevice());
    p.setWorkingDirectory(workDir);
    QSignalSpy done(&p, &QProcess::finished);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.problem = QStringLiteral("did not start: ") + p.errorString();
        return r;
    }
    if (done.isEmpty() && !done.wait(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.output = p.readAll();
        r.problem = QStringLiteral("still running after %1 s: killed").arg(timeoutMs / 1000);
        return r;
    }
    r.output = p.readAll();
    if (p.exitStatus() != QProcess::NormalExit) {
        r.problem = QStringLiteral("crashed");
        return r;
    }
    r.finished = true;
    r.exitCode = p.exitCode();
    return r;
}

// The tsize in an options text such as "blksize=1428 tsize=3145745", -1 without one.
qint64 tsizeOf(const QString &optionsText)
{
    for (const QString &part : optionsText.split(QLatin1Char(' ')))
        if (part.startsWith(QLatin1String("tsize=")))
            return part.mid(6).toLongLong();
    return -1;
}

} // namespace

class tst_tftpserverinterop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void clients_data();
    void clients();
    void cliServe();

private:
    // The client's executable, or empty with why (what is missing and where it comes from).
    QString program(const QString &client, QString *why);
    QStringList arguments(const QString &client, bool put, bool v6, quint16 port, const QString &remote,
                          const QString &local, const QString &mode, const QStringList &extra) const;
    // The window the server offers an upload of blk x window: what its raised receive buffer holds.
    static int uploadWindow(int blk, int window);

    QTemporaryDir m_base;
    QString m_root;                 // served, with up/ for uploads
    QTemporaryDir m_out;
    std::unique_ptr<Server> m_server4;
    std::unique_ptr<Server> m_server6;
    QList<TransferInfo> m_finished;
    QHash<QString, QByteArray> m_files;
    QHash<QString, QString> m_programs;
    bool m_ipv6 = false;
};

void tst_tftpserverinterop::initTestCase()
{
    QVERIFY(m_base.isValid());
    QVERIFY(m_out.isValid());
    m_root = m_base.filePath(QStringLiteral("root"));
    QVERIFY(QDir().mkpath(m_root + QStringLiteral("/up")));
    const auto make = [this](const QString &name, const QByteArray &bytes) {
        QFile f(m_root + QLatin1Char('/') + name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
        m_files.insert(name, bytes);
    };
    make(QStringLiteral("small.bin"), randomBytes(12345, 1));
    make(QStringLiteral("exact.bin"), randomBytes(512 * 64, 2));              // a final empty block at 512
    make(QStringLiteral("exact64k.bin"), randomBytes(65464 * 20, 3));         // ... and at 65464
    make(QStringLiteral("medium.bin"), randomBytes(3 * 1024 * 1024 + 17, 4));
    make(QStringLiteral("rollover.bin"), randomBytes(512 * 65536 + 1000, 5)); // 65538 blocks of 512: numbers wrap
    make(QStringLiteral("empty.bin"), QByteArray());
    make(QStringLiteral("text.txt"), textBytes(20000, 6));                    // LF, CR LF and lone CRs

    m_ipv6 = LoopTest::ipv6LoopbackUsable();
    const auto tweak = [](Server::Settings &s) { s.allowUploads = true; };
    m_server4 = startServer(m_root, QHostAddress(QHostAddress::LocalHost), tweak);
    QVERIFY(m_server4);
    if (m_ipv6) {
        m_server6 = startServer(m_root, QHostAddress(QHostAddress::LocalHostIPv6), tweak);
        QVERIFY(m_server6);
    }
    for (Server *s : {m_server4.get(), m_server6.get()}) {
        if (s)
            connect(s, &Server::transferFinished, this, [this](const TransferInfo &i) { m_finished.append(i); });
    }
}

void tst_tftpserverinterop::cleanupTestCase()
{
    m_server4.reset();
    m_server6.reset();
}

QString tst_tftpserverinterop::program(const QString &client, QString *why)
{
    if (client == QLatin1String("netpoke-cli"))
        return QStringLiteral(NETPOKE_CLI);
    if (m_programs.contains(client))
        return m_programs.value(client);
    // The command, the Debian package it comes from, and what its version or help text must show.
    QString command = client;
    QString package = client;
    QStringList check;
    QByteArray expect;
    if (client == QLatin1String("tftp-hpa")) {
        command = QStringLiteral("tftp");
        check = {QStringLiteral("-V")};
        expect = "tftp-hpa";
    } else if (client == QLatin1String("atftp")) {
        check = {QStringLiteral("--version")};
        expect = "atftp";
    } else if (client == QLatin1String("busybox")) {
        check = {QStringLiteral("--list")};
        expect = "tftp";
    } else {
        check = {QStringLiteral("--version")};
        expect = "tftp";   // curl lists its protocols
    }
    const QString path = QStandardPaths::findExecutable(command);
    QString found;
    if (path.isEmpty()) {
        *why = QStringLiteral("%1 is missing: install the Debian package %2 (scripts/setup.sh does)").arg(command, package);
    } else {
        const Run r = runProcess(path, check, m_out.path(), 10000);
        if (!r.finished || !r.output.contains(expect))
            *why = QStringLiteral("%1 is not %2's client with TFTP (its %3 does not show \"%4\"): install the Debian "
                                  "package %2 (scripts/setup.sh does)")
                       .arg(path, package, check.join(QLatin1Char(' ')), QString::fromLatin1(expect));
        else
            found = path;
    }
    if (!found.isEmpty())
        m_programs.insert(client, found);
    return found;
}

QStringList tst_tftpserverinterop::arguments(const QString &client, bool put, bool v6, quint16 port, const QString &remote,
                                             const QString &local, const QString &mode, const QStringList &extra) const
{
    const QString host = v6 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1");
    const QString url = QStringLiteral("tftp://%1:%2/%3").arg(v6 ? QStringLiteral("[::1]") : host).arg(port).arg(remote);
    const QString p = QString::number(port);
    if (client == QLatin1String("tftp-hpa")) {
        QStringList a;
        if (v6)
            a << QStringLiteral("-6");
        a << QStringLiteral("-m") << (mode == QLatin1String("netascii") ? QStringLiteral("ascii") : QStringLiteral("binary"))
          << extra << host << p << QStringLiteral("-c");
        return put ? a << QStringLiteral("put") << local << remote : a << QStringLiteral("get") << remote << local;
    }
    if (client == QLatin1String("curl")) {
        QStringList a{QStringLiteral("-sS")};
        a << (put ? QStringLiteral("-T") : QStringLiteral("-o")) << local;
        return a << extra << url;
    }
    if (client == QLatin1String("atftp"))
        return QStringList{put ? QStringLiteral("-p") : QStringLiteral("-g"), QStringLiteral("-r"), remote, QStringLiteral("-l"), local}
            << extra << host << p;
    if (client == QLatin1String("busybox"))
        return QStringList{QStringLiteral("tftp"), put ? QStringLiteral("-p") : QStringLiteral("-g"), QStringLiteral("-r"), remote,
                           QStringLiteral("-l"), local}
            << extra << host << p;
    // netpoke-cli
    QStringList a{QStringLiteral("tftp")};
    a << (put ? QStringList{QStringLiteral("put"), local, url} : QStringList{QStringLiteral("get"), url, QStringLiteral("-o"), local});
    a << QStringLiteral("--quiet") << QStringLiteral("--mode") << mode;
    return a << extra;
}

int tst_tftpserverinterop::uploadWindow(int blk, int window)
{
    // As Server::Transfer::startUpload: the socket's buffer is raised towards the window's need (the kernel
    // doubles what is asked and caps it at rmem_max), and the window lowered to what it then holds.
    if (window <= 1)
        return window;
    QUdpSocket probe;
    if (!probe.bind(QHostAddress::LocalHost, 0))
        return -1;
    const qint64 want = qMin<qint64>(qint64(window) * receiveBufferPerDatagram(blk), 64 * 1024 * 1024);
    int buffer = probe.socketOption(QAbstractSocket::ReceiveBufferSizeSocketOption).toInt();
    if (buffer > 0 && buffer < want) {
        probe.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, int(want / 2));
        buffer = probe.socketOption(QAbstractSocket::ReceiveBufferSizeSocketOption).toInt();
    }
    return buffer > 0 ? windowForReceiveBuffer(buffer, blk, window) : window;
}

void tst_tftpserverinterop::clients_data()
{
    QTest::addColumn<QString>("client");       // tftp-hpa, curl, atftp, busybox, netpoke-cli
    QTest::addColumn<bool>("put");
    QTest::addColumn<bool>("v6");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QStringList>("extra");    // the client's option arguments
    QTest::addColumn<int>("blk");              // agreed, as the server records it
    QTest::addColumn<int>("window");           // -N: an upload asking for N, lowered to what the receive buffers hold
    QTest::addColumn<bool>("tsize");           // the OACK carries the file's size

    const QString octet = QStringLiteral("octet");
    const QString ascii = QStringLiteral("netascii");
    const auto opt = [](const char *name, int value) {   // atftp --option "name value"
        return QStringList{QStringLiteral("--option"), QStringLiteral("%1 %2").arg(QLatin1String(name)).arg(value)};
    };
    const auto cli = [](int blk, int window) {
        return QStringList{QStringLiteral("--blksize"), QString::number(blk), QStringLiteral("--windowsize"), QString::number(window)};
    };
    const auto row = [](const char *client, const char *what) -> QTestData & {
        return QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(client), QLatin1String(what))));
    };
    const QStringList none;

    // tftp-hpa's client sends no options: 512-byte lock-step; netascii as "ascii".
    row("tftp-hpa", "get") << "tftp-hpa" << false << false << "medium.bin" << octet << none << 512 << 1 << false;
    row("tftp-hpa", "get small") << "tftp-hpa" << false << false << "small.bin" << octet << none << 512 << 1 << false;
    row("tftp-hpa", "get exact multiple") << "tftp-hpa" << false << false << "exact.bin" << octet << none << 512 << 1 << false;
    row("tftp-hpa", "get empty") << "tftp-hpa" << false << false << "empty.bin" << octet << none << 512 << 1 << false;
    row("tftp-hpa", "get netascii") << "tftp-hpa" << false << false << "text.txt" << ascii << none << 512 << 1 << false;
    row("tftp-hpa", "get rollover") << "tftp-hpa" << false << false << "rollover.bin" << octet << none << 512 << 1 << false;
    row("tftp-hpa", "get IPv6") << "tftp-hpa" << false << true << "medium.bin" << octet << none << 512 << 1 << false;
    row("tftp-hpa", "put") << "tftp-hpa" << true << false << "medium.bin" << octet << none << 512 << 1 << false;
    row("tftp-hpa", "put exact multiple") << "tftp-hpa" << true << false << "exact.bin" << octet << none << 512 << 1 << false;
    row("tftp-hpa", "put empty") << "tftp-hpa" << true << false << "empty.bin" << octet << none << 512 << 1 << false;
    row("tftp-hpa", "put netascii") << "tftp-hpa" << true << false << "text.txt" << ascii << none << 512 << 1 << false;
    row("tftp-hpa", "put IPv6") << "tftp-hpa" << true << true << "medium.bin" << octet << none << 512 << 1 << false;

    // curl asks tsize, blksize 512 and timeout 6 unless told otherwise; no windowsize.
    const QStringList noOptions{QStringLiteral("--tftp-no-options")};
    const auto curlBlk = [](int blk) { return QStringList{QStringLiteral("--tftp-blksize"), QString::number(blk)}; };
    row("curl", "get") << "curl" << false << false << "medium.bin" << octet << none << 512 << 1 << true;
    row("curl", "get blksize 1428") << "curl" << false << false << "medium.bin" << octet << curlBlk(1428) << 1428 << 1 << true;
    row("curl", "get blksize 65464") << "curl" << false << false << "exact64k.bin" << octet << curlBlk(65464) << 65464 << 1 << true;
    row("curl", "get no options") << "curl" << false << false << "exact.bin" << octet << noOptions << 512 << 1 << false;
    row("curl", "get small") << "curl" << false << false << "small.bin" << octet << none << 512 << 1 << true;
    row("curl", "get rollover") << "curl" << false << false << "rollover.bin" << octet << none << 512 << 1 << true;
    row("curl", "get IPv6") << "curl" << false << true << "medium.bin" << octet << curlBlk(1428) << 1428 << 1 << true;
    row("curl", "put") << "curl" << true << false << "medium.bin" << octet << none << 512 << 1 << true;
    row("curl", "put blksize 1428") << "curl" << true << false << "medium.bin" << octet << curlBlk(1428) << 1428 << 1 << true;
    row("curl", "put blksize 65464") << "curl" << true << false << "exact64k.bin" << octet << curlBlk(65464) << 65464 << 1 << true;
    row("curl", "put exact multiple") << "curl" << true << false << "exact.bin" << octet << none << 512 << 1 << true;
    row("curl", "put IPv6") << "curl" << true << true << "small.bin" << octet << none << 512 << 1 << true;

    // atftp 0.8 sends only the options it is given (--option "blksize N", "windowsize N", also for put).
    row("atftp", "get") << "atftp" << false << false << "medium.bin" << octet << none << 512 << 1 << false;
    row("atftp", "get blksize 1428") << "atftp" << false << false << "medium.bin" << octet << opt("blksize", 1428) << 1428 << 1 << false;
    row("atftp", "get blksize 65464") << "atftp" << false << false << "exact64k.bin" << octet << opt("blksize", 65464) << 65464 << 1 << false;
    row("atftp", "get windowsize 16 x 1428") << "atftp" << false << false << "medium.bin" << octet
                                             << opt("blksize", 1428) + opt("windowsize", 16) << 1428 << 16 << false;
    row("atftp", "get windowsize 8 x 65464") << "atftp" << false << false << "exact64k.bin" << octet
                                             << opt("blksize", 65464) + opt("windowsize", 8) << 65464 << 8 << false;
    row("atftp", "get windowsize 8 x 512, exact multiple") << "atftp" << false << false << "exact.bin" << octet
                                                           << opt("blksize", 512) + opt("windowsize", 8) << 512 << 8 << false;
    row("atftp", "get rollover, windowsize 32 x 512") << "atftp" << false << false << "rollover.bin" << octet
                                                      << opt("blksize", 512) + opt("windowsize", 32) << 512 << 32 << false;
    row("atftp", "get empty, windowed") << "atftp" << false << false << "empty.bin" << octet
                                        << opt("blksize", 512) + opt("windowsize", 4) << 512 << 4 << false;
    row("atftp", "get IPv6, windowsize 16") << "atftp" << false << true << "medium.bin" << octet
                                            << opt("blksize", 1428) + opt("windowsize", 16) << 1428 << 16 << false;
    row("atftp", "put") << "atftp" << true << false << "medium.bin" << octet << none << 512 << 1 << false;
    row("atftp", "put windowsize 8 x 1428") << "atftp" << true << false << "medium.bin" << octet
                                            << opt("blksize", 1428) + opt("windowsize", 8) << 1428 << -8 << false;
    row("atftp", "put windowsize 8 x 65464") << "atftp" << true << false << "exact64k.bin" << octet
                                             << opt("blksize", 65464) + opt("windowsize", 8) << 65464 << -8 << false;
    row("atftp", "put rollover, windowsize 32 x 512") << "atftp" << true << false << "rollover.bin" << octet
                                                      << opt("blksize", 512) + opt("windowsize", 32) << 512 << -32 << false;
    row("atftp", "put IPv6, windowsize 8") << "atftp" << true << true << "medium.bin" << octet
                                           << opt("blksize", 1428) + opt("windowsize", 8) << 1428 << -8 << false;

    // busybox tftp always asks tsize; -b asks blksize.
    const auto bb = [](int blk) { return QStringList{QStringLiteral("-b"), QString::number(blk)}; };
    row("busybox", "get") << "busybox" << false << false << "medium.bin" << octet << none << 512 << 1 << true;
    row("busybox", "get -b 1428") << "busybox" << false << false << "medium.bin" << octet << bb(1428) << 1428 << 1 << true;
    row("busybox", "get -b 65464") << "busybox" << false << false << "exact64k.bin" << octet << bb(65464) << 65464 << 1 << true;
    row("busybox", "get exact multiple") << "busybox" << false << false << "exact.bin" << octet << none << 512 << 1 << true;
    row("busybox", "get empty") << "busybox" << false << false << "empty.bin" << octet << none << 512 << 1 << true;
    row("busybox", "get IPv6") << "busybox" << false << true << "medium.bin" << octet << bb(1428) << 1428 << 1 << true;
    row("busybox", "put") << "busybox" << true << false << "medium.bin" << octet << none << 512 << 1 << true;
    row("busybox", "put -b 8192") << "busybox" << true << false << "medium.bin" << octet << bb(8192) << 8192 << 1 << true;
    row("busybox", "put rollover") << "busybox" << true << false << "rollover.bin" << octet << none << 512 << 1 << true;
    row("busybox", "put IPv6") << "busybox" << true << true << "small.bin" << octet << none << 512 << 1 << true;

    // Our own client, windowed at the largest block (its tsize goes along in octet).
    row("netpoke-cli", "get windowsize 16 x 65464") << "netpoke-cli" << false << false << "medium.bin" << octet << cli(65464, 16)
                                                    << 65464 << 16 << true;
    row("netpoke-cli", "get exact multiple of 65464") << "netpoke-cli" << false << false << "exact64k.bin" << octet
                                                      << cli(65464, 16) << 65464 << 16 << true;
    row("netpoke-cli", "get rollover, windowsize 64 x 512") << "netpoke-cli" << false << false << "rollover.bin" << octet
                                                            << cli(512, 64) << 512 << 64 << true;
    row("netpoke-cli", "get netascii") << "netpoke-cli" << false << false << "text.txt" << ascii << cli(1428, 8) << 1428 << 8 << false;
    row("netpoke-cli", "get IPv6") << "netpoke-cli" << false << true << "medium.bin" << octet << cli(65464, 16) << 65464 << 16 << true;
    row("netpoke-cli", "put windowsize 16 x 1428") << "netpoke-cli" << true << false << "medium.bin" << octet << cli(1428, 16)
                                                   << 1428 << -16 << true;
    row("netpoke-cli", "put windowsize 16 x 65464 (lowered by the client)") << "netpoke-cli" << true << false << "medium.bin"
                                                                            << octet << cli(65464, 16) << 65464 << -16 << true;
    row("netpoke-cli", "put rollover, windowsize 64 x 512") << "netpoke-cli" << true << false << "rollover.bin" << octet
                                                            << cli(512, 64) << 512 << -64 << true;
    row("netpoke-cli", "put exact multiple of 65464") << "netpoke-cli" << true << false << "exact64k.bin" << octet
                                                      << cli(65464, 4) << 65464 << -4 << true;
    row("netpoke-cli", "put netascii") << "netpoke-cli" << true << false << "text.txt" << ascii << cli(1428, 8) << 1428 << -8 << false;
    row("netpoke-cli", "put IPv6") << "netpoke-cli" << true << true << "medium.bin" << octet << cli(65464, 16) << 65464 << -16 << true;
}

void tst_tftpserverinterop::clients()
{
    QFETCH(QString, client);
    QFETCH(bool, put);
    QFETCH(bool, v6);
    QFETCH(QString, file);
    QFETCH(QString, mode);
    QFETCH(QStringList, extra);
    QFETCH(int, blk);
    QFETCH(int, window);
    QFETCH(bool, tsize);
    QString why;
    const QString exe = program(client, &why);
    if (exe.isEmpty())
        QFAIL(qPrintable(why));
    if (v6 && !m_ipv6)
        QSKIP("::1 cannot be bound here (no IPv6 loopback)");
    if (window < 0) {
        window = -window;
        if (client == QLatin1String("netpoke-cli")) {
            // Our client asks only for a window the system's default receive buffer holds (taken as the server's).
            QUdpSocket fresh;
            QVERIFY(fresh.bind(QHostAddress::LocalHost, 0));
            window = Client::windowForReceiveBuffer(fresh.socketOption(QAbstractSocket::ReceiveBufferSizeSocketOption).toInt(),
                                                    blk, window);
        }
        window = uploadWindow(blk, window);
    }
    const Server &server = v6 ? *m_server6 : *m_server4;
    const QByteArray expected = m_files.value(file);
    QString tag = QString::fromLatin1(QTest::currentDataTag());
    tag.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("_"));
    const QString remote = put ? QStringLiteral("up/") + tag : file;
    const QString local = put ? m_root + QLatin1Char('/') + file : m_out.filePath(tag);
    const QString written = put ? m_root + QLatin1Char('/') + remote : local;
    QFile::remove(written);
    m_finished.clear();

    const Run r = runProcess(exe, arguments(client, put, v6, server.port(), remote, local, mode, extra), m_out.path());
    QVERIFY2(r.finished, qPrintable(QStringLiteral("%1: %2\n%3").arg(client, r.problem, QString::fromLocal8Bit(r.output))));
    QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("%1 exited with %2:\n%3").arg(client).arg(r.exitCode)
                                             .arg(QString::fromLocal8Bit(r.output))));
    // The server may take the client's last ACK after the client has exited.
    QTRY_VERIFY_WITH_TIMEOUT(!m_finished.isEmpty(), 10000);
    const TransferInfo info = m_finished.constLast();
    QVERIFY2(info.ok(), qPrintable(info.result));
    QCOMPARE(info.direction, put ? TransferInfo::Upload : TransferInfo::Download);
    QCOMPARE(info.file, remote);
    QCOMPARE(info.mode, mode);
    const QByteArray got = Tree::get(written);
    QCOMPARE(got.size(), expected.size());
    QVERIFY2(got == expected, "the bytes differ");
    QCOMPARE(info.options.blockSize, blk);
    QCOMPARE(info.options.windowSize, window);
    QCOMPARE(tsizeOf(info.optionsText), tsize ? qint64(expected.size()) : qint64(-1));
    const qint64 wire = mode == QLatin1String("netascii") ? netasciiEncoded(expected).size() : expected.size();
    QCOMPARE(info.bytes, wire);
    QCOMPARE(qint64(info.blocks), wire / blk + 1);   // more than 65535 for the rollover rows
    QCOMPARE(info.clientAddress.protocol(), v6 ? QAbstractSocket::IPv6Protocol : QAbstractSocket::IPv4Protocol);
    qDebug().noquote() << client << (put ? "put" : "get") << info.optionsText << ":" << info.bytes << "bytes in"
                       << info.elapsedMs << "ms," << info.retransmissions << "retransmissions";
    if (put)
        QVERIFY(QFile::remove(written));
}

// `netpoke-cli tftp serve` as a process: curl and atftp and our own client download and upload, its log has a
// line per transfer, SIGTERM ends it with exit 0.
void tst_tftpserverinterop::cliServe()
{
    QString why;
    const QString curl = program(QStringLiteral("curl"), &why);
    if (curl.isEmpty())
        QFAIL(qPrintable(why));
    const QString atftp = program(QStringLiteral("atftp"), &why);
    if (atftp.isEmpty())
        QFAIL(qPrintable(why));
    QProcess serve;
    serve.setProcessEnvironment(CliTest::environment());
    serve.start(QStringLiteral(NETPOKE_CLI), {QStringLiteral("tftp"), QStringLiteral("serve"), QStringLiteral("--root"), m_root,
                                               QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                               QStringLiteral("--allow-write")});
    QVERIFY(serve.waitForStarted(5000));
    serve.setReadChannel(QProcess::StandardError);
    CliTest::waitForLine(serve, 10000);
    const quint16 port = CliTest::listeningPort(QString::fromUtf8(serve.readLine()).trimmed(), serve);
    QVERIFY(port != 0);
    const QString url = QStringLiteral("tftp://127.0.0.1:%1/").arg(port);
    const QString medium = m_root + QStringLiteral("/medium.bin");
    struct Step
    {
        QString program;
        QStringList args;
        QString written;
    };
    const QList<Step> steps{
        {curl, {QStringLiteral("-sS"), QStringLiteral("--tftp-blksize"), QStringLiteral("1428"), QStringLiteral("-o"),
                m_out.filePath(QStringLiteral("serve-curl")), url + QStringLiteral("medium.bin")},
         m_out.filePath(QStringLiteral("serve-curl"))},
        {atftp, {QStringLiteral("-p"), QStringLiteral("-r"), QStringLiteral("up/serve-atftp"), QStringLiteral("-l"), medium,
                 QStringLiteral("--option"), QStringLiteral("blksize 1428"), QStringLiteral("--option"),
                 QStringLiteral("windowsize 8"), QStringLiteral("127.0.0.1"), QString::number(port)},
         m_root + QStringLiteral("/up/serve-atftp")},
        {QStringLiteral(NETPOKE_CLI), {QStringLiteral("tftp"), QStringLiteral("get"), url + QStringLiteral("medium.bin"), QStringLiteral("-o"),
                                       m_out.filePath(QStringLiteral("serve-cli")), QStringLiteral("--blksize"), QStringLiteral("65464"),
                                       QStringLiteral("--windowsize"), QStringLiteral("16"), QStringLiteral("--quiet")},
         m_out.filePath(QStringLiteral("serve-cli"))},
        {QStringLiteral(NETPOKE_CLI), {QStringLiteral("tftp"), QStringLiteral("put"), medium, url + QStringLiteral("up/serve-cli"),
                                       QStringLiteral("--blksize"), QStringLiteral("65464"), QStringLiteral("--windowsize"),
                                       QStringLiteral("4"), QStringLiteral("--quiet")},
         m_root + QStringLiteral("/up/serve-cli")},
    };
    for (const Step &step : steps) {
        const Run r = runProcess(step.program, step.args, m_out.path());
        QVERIFY2(r.finished && r.exitCode == 0,
                 qPrintable(QStringLiteral("%1: %2 %3\n%4").arg(step.program, r.problem).arg(r.exitCode).arg(QString::fromLocal8Bit(r.output))));
        QVERIFY2(Tree::get(step.written) == m_files.value(QStringLiteral("medium.bin")), qPrintable(step.written));
    }
    serve.terminate();
    QVERIFY(serve.waitForFinished(10000));
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.exitCode(), 0);
    const QStringList log = CliTest::lines(serve.readAllStandardOutput());
    QCOMPARE(log.size(), 4);
    const char *const expect[] = {"download \"medium.bin\" octet tsize=3145745 blksize=1428 timeout=6: 3145745 bytes",
                                  "upload \"up/serve-atftp\" octet blksize=1428 windowsize=8: 3145745 bytes",
                                  "download \"medium.bin\" octet blksize=65464",
                                  "upload \"up/serve-cli\" octet blksize=65464"};
    for (int i = 0; i < 4; ++i) {
        QVERIFY2(log.at(i).contains(QLatin1String(expect[i])) && log.at(i).endsWith(QLatin1String(", ok")), qPrintable(log.at(i)));
    }
    QVERIFY2(log.at(2).contains(QLatin1String("windowsize=16")), qPrintable(log.at(2)));
    QVERIFY(QFile::remove(m_root + QStringLiteral("/up/serve-atftp")));
    QVERIFY(QFile::remove(m_root + QStringLiteral("/up/serve-cli")));
}

QTEST_GUILESS_MAIN(tst_tftpserverinterop)
#include "tst_tftpserverinterop.moc"
