// End-to-end tests of `netpoke-cli tftp get` and `tftp put`: the real process against a small python3 TFTP
// server on 127.0.0.1 port 0 (options blksize/tsize, lock-step, ERROR 1 for a missing file, uploads written
// into its folder, ERROR 2 for names starting with "deny"), exit codes and output.

#include "clitestutil.h"
#include "looptestutil.h"
#include "../outputtestutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using CliTest::Result;
using CliTest::checkOneErrorLine;
using CliTest::lines;

namespace {

constexpr int ProcessTimeoutMs = 30000;

// Serves files from argv[1] and takes uploads into it; prints its port, then serves until killed (at most 60 s idle).
const char *const kServer = R"(
import os, socket, struct, sys
root = sys.argv[1]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 0))
print(s.getsockname()[1], flush=True)
s.settimeout(60)
while True:
    req, client = s.recvfrom(65536)
    op = struct.unpack('!H', req[:2])[0]
    if op not in (1, 2):
        continue
    parts = req[2:].split(b'\0')
    name, mode = parts[0].decode(), parts[1].lower()
    opts = {parts[i].lower(): parts[i + 1] for i in range(2, len(parts) - 2, 2)}
    t = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    t.bind(('127.0.0.1', 0))
    t.settimeout(2)
    path = os.path.join(root, name)
    if op == 2:
        if name.startswith('deny') or '/' in name:
            t.sendto(struct.pack('!HH', 5, 2) + b'Access violation\0', client)
            continue
        blk = 512
        oack = b''
        if b'blksize' in opts:
            blk = min(int(opts[b'blksize']), 65464)
            oack += b'blksize\0%d\0' % blk
        if b'tsize' in opts:
            oack += b'tsize\0' + opts[b'tsize'] + b'\0'
        t.sendto(struct.pack('!H', 6) + oack if oack else struct.pack('!HH', 4, 0), client)
        out = b''
        expect = 1
        while True:
            try:
                d, _ = t.recvfrom(65536)
            except socket.timeout:
                break
            op2, b = struct.unpack('!HH', d[:4])
            if op2 != 3:
                break
            if b == expect & 0xFFFF:
                out += d[4:]
                expect += 1
            t.sendto(struct.pack('!HH', 4, b), client)
            if b == (expect - 1) & 0xFFFF and len(d) - 4 < blk:
                open(path, 'wb').write(out)
                break
        t.close()
        continue
    if not os.path.isfile(path):
        t.sendto(struct.pack('!HH', 5, 1) + b'File not found\0', client)
        continue
    data = open(path, 'rb').read()
    blk = 512
    oack = b''
    if b'blksize' in opts:
        blk = min(int(opts[b'blksize']), 65464)
        oack += b'blksize\0%d\0' % blk
    if b'tsize' in opts:
        oack += b'tsize\0%d\0' % len(data)
    def send_wait(pkt, block):
        for _ in range(5):
            t.sendto(pkt, client)
            try:
                while True:
                    a, _ = t.recvfrom(100)
                    op, b = struct.unpack('!HH', a[:4])
                    if op == 5:
                        return False
                    if op == 4 and b == block:
                        return True
            except socket.timeout:
                pass
        return False
    if oack and not send_wait(struct.pack('!H', 6) + oack, 0):
        continue
    n = 0
    while True:
        chunk = data[n * blk:(n + 1) * blk]
        if not send_wait(struct.pack('!HH', 3, (n + 1) & 0xFFFF) + chunk, (n + 1) & 0xFFFF):
            break
        n += 1
        if len(chunk) < blk:
            break
    t.close()
)";

} // namespace

class tst_tftpcli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void help();
    void listedInMainHelp();
    void defaultOutputName();
    void outputFile_data();
    void outputFile();
    void stdoutOutput();
    void quiet();
    void netascii();
    void notFoundKeepsFile();
    void noServer();
    void usageErrors_data();
    void usageErrors();
    void outputIntoFifo();
    void outputIntoDevNull();
    void devFullSaysNoSpace();
    void outputErrorsSayWhy_data();
    void outputErrorsSayWhy();
    void maxSize_data();
    void maxSize();
    void putHelp();
    void put_data();
    void put();
    void putNameFromFile();
    void putQuiet();
    void putNetascii();
    void putRefusedByServer();
    void putLocalFileErrors_data();
    void putLocalFileErrors();
    void putNoServer();
    void putUsageErrors_data();
    void putUsageErrors();

private:
    Result run(const QStringList &args, const QString &cwd = QString());
    QString url(const QString &name) const { return QStringLiteral("tftp://127.0.0.1:%1/%2").arg(m_port).arg(name); }

    QProcess m_server;
    QTemporaryDir m_root;
    QTemporaryDir *m_work = nullptr;
    quint16 m_port = 0;
    QByteArray m_data;
};

void tst_tftpcli::initTestCase()
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY2(!python.isEmpty(), "python3 is needed for the test server");
    QVERIFY(m_root.isValid());
    m_data.resize(200000);
    for (int i = 0; i < m_data.size(); ++i)
        m_data[i] = char((i * 7 + i / 251) & 0xFF);
    QFile f(m_root.filePath(QStringLiteral("data.bin")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(m_data);
    f.close();
    QFile t(m_root.filePath(QStringLiteral("text.txt")));
    QVERIFY(t.open(QIODevice::WriteOnly));
    t.write(QByteArray("line 1\r\nline 2\r\nbare\r\0cr\r\n", 26));
    t.close();
    m_server.start(python, {QStringLiteral("-c"), QString::fromUtf8(kServer), m_root.path()});
    QVERIFY(m_server.waitForStarted(5000));
    QVERIFY(m_server.waitForReadyRead(10000));
    m_port = quint16(m_server.readLine().trimmed().toUInt());
    QVERIFY(m_port != 0);
}

void tst_tftpcli::cleanupTestCase()
{
    m_server.kill();
    m_server.waitForFinished(3000);
    delete m_work;
}

void tst_tftpcli::init()
{
    delete m_work;
    m_work = new QTemporaryDir;
    QVERIFY(m_work->isValid());
}

Result tst_tftpcli::run(const QStringList &args, const QString &cwd)
{
    QProcess p;
    p.setProcessEnvironment(CliTest::environment());
    p.setWorkingDirectory(cwd.isEmpty() ? m_work->path() : cwd);
    p.start(QStringLiteral(NETPOKE_CLI), args);
    if (!p.waitForStarted(5000))
        return Result();
    return CliTest::finish(p, ProcessTimeoutMs);
}

void tst_tftpcli::help()
{
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("get"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *opt : {"--blksize", "--windowsize", "--timeout", "--retries", "--no-tsize", "--rfc1350", "--mode",
                            "--max-size", "--quiet", "-o", "tftp://HOST[:PORT]/PATH", "Exit status"})
        QVERIFY2(r.out.contains(opt), opt);
    const Result t = run({QStringLiteral("tftp"), QStringLiteral("--help")});
    QCOMPARE(t.exitCode, 0);
    QVERIFY(t.out.contains("get"));
    QVERIFY(t.out.contains("put"));
}

void tst_tftpcli::listedInMainHelp()
{
    const Result r = run({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("tftp"));
}

void tst_tftpcli::defaultOutputName()
{
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("get"), url(QStringLiteral("data.bin"))});
    QCOMPARE(r.exitCode, 0);
    QFile f(m_work->filePath(QStringLiteral("data.bin")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll() == m_data);
    QVERIFY(r.out.isEmpty());
    // One summary line; no progress bar when stderr is not a terminal.
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(!err.contains(QLatin1Char('\r')), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    static const QRegularExpression summary(
        QStringLiteral("^200000 bytes in \\d+\\.\\d{3} s \\(\\d+\\.\\d MiB/s\\), 0 retransmissions, blksize 65464, "
                       "windowsize 1\\n$"));
    QVERIFY2(summary.match(err).hasMatch(), qPrintable(err));
}

void tst_tftpcli::outputFile_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("summaryPart");
    QTest::newRow("defaults") << QStringList() << "blksize 65464";
    QTest::newRow("rfc1350") << QStringList{QStringLiteral("--rfc1350")} << "blksize 512, windowsize 1";
    QTest::newRow("blksize") << QStringList{QStringLiteral("--blksize"), QStringLiteral("1000")} << "blksize 1000";
    QTest::newRow("blksize auto") << QStringList{QStringLiteral("--blksize"), QStringLiteral("auto")} << "blksize 65464";
    QTest::newRow("no tsize, window 0") << QStringList{QStringLiteral("--no-tsize"), QStringLiteral("--windowsize"),
                                                      QStringLiteral("0")} << "blksize 65464";
    QTest::newRow("timeout, retries") << QStringList{QStringLiteral("--timeout"), QStringLiteral("500"),
                                                    QStringLiteral("--retries"), QStringLiteral("3")} << "blksize";
}

void tst_tftpcli::outputFile()
{
    QFETCH(QStringList, options);
    QFETCH(QString, summaryPart);
    const QString out = m_work->filePath(QStringLiteral("sub.out"));
    const Result r = run(QStringList{QStringLiteral("tftp"), QStringLiteral("get"), url(QStringLiteral("data.bin")),
                                     QStringLiteral("-o"), out} + options);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll() == m_data);
    QVERIFY2(r.err.contains(summaryPart.toUtf8()), r.err.constData());
}

void tst_tftpcli::stdoutOutput()
{
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("get"), url(QStringLiteral("data.bin")),
                          QStringLiteral("-o"), QStringLiteral("-")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out == m_data);
    QVERIFY(r.err.contains("200000 bytes in"));
    QCOMPARE(QDir(m_work->path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void tst_tftpcli::quiet()
{
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("get"), url(QStringLiteral("data.bin")),
                          QStringLiteral("--quiet")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    QVERIFY(QFile::exists(m_work->filePath(QStringLiteral("data.bin"))));
}

void tst_tftpcli::netascii()
{
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("get"), url(QStringLiteral("text.txt")),
                          QStringLiteral("--mode"), QStringLiteral("netascii"), QStringLiteral("-o"), QStringLiteral("-")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("line 1\nline 2\nbare\rcr\n"));
    // The summary counts the file's bytes (22), not the wire's (26: CR LF and CR NUL).
    QVERIFY2(r.err.startsWith("22 bytes in "), r.err.constData());
}

void tst_tftpcli::notFoundKeepsFile()
{
    const QString out = m_work->filePath(QStringLiteral("keep.bin"));
    {
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious");
    }
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("get"), url(QStringLiteral("missing.bin")),
                          QStringLiteral("-o"), out});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith("netpoke-cli: File not found on the server (TFTP error 1)."), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("precious"));
    QCOMPARE(QDir(m_work->path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("keep.bin")});
}

void tst_tftpcli::noServer()
{
    const quint16 port = LoopTest::closedUdpPort();
    QVERIFY(port != 0);
    QElapsedTimer t;
    t.start();
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("get"),
                          QStringLiteral("tftp://127.0.0.1:%1/x.bin").arg(port)});
    QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("No TFTP server at 127.0.0.1:%1").arg(port).toUtf8()), r.err.constData());
    QCOMPARE(QDir(m_work->path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void tst_tftpcli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString u = QStringLiteral("tftp://127.0.0.1/f.bin");
    QTest::newRow("no subcommand") << QStringList{QStringLiteral("tftp")} << "give a subcommand";
    QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("tftp"), QStringLiteral("push")} << "unknown subcommand";
    QTest::newRow("no url") << QStringList{QStringLiteral("tftp"), QStringLiteral("get")} << "give a URL";
    QTest::newRow("two urls") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, u} << "one URL only";
    QTest::newRow("http url") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), QStringLiteral("http://h/f")} << "not a TFTP URL";
    QTest::newRow("plain host") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), QStringLiteral("127.0.0.1/f")} << "not a TFTP URL";
    QTest::newRow("no path") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), QStringLiteral("tftp://127.0.0.1")} << "no file path";
    QTest::newRow("dir path") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), QStringLiteral("tftp://127.0.0.1/dir/")} << "give -o FILE";
    // A malformed host is refused before any lookup (it used to be looked up as a name, exit 1).
    QTest::newRow("bad octet") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), QStringLiteral("tftp://127.0.0.256/f")} << "127.0.0.256";
    QTest::newRow("short ipv4") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), QStringLiteral("tftp://127.0.1/f")} << "127.0.1";
    QTest::newRow("bad host name") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), QStringLiteral("tftp://a_b!c/f")} << "a_b!c";
    QTest::newRow("port 0") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), QStringLiteral("tftp://127.0.0.1:0/f")} << "port";
    QTest::newRow("blksize 7") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, QStringLiteral("--blksize"), QStringLiteral("7")} << "--blksize";
    QTest::newRow("blksize 65465") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, QStringLiteral("--blksize"), QStringLiteral("65465")} << "--blksize";
    QTest::newRow("blksize word") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, QStringLiteral("--blksize"), QStringLiteral("big")} << "--blksize";
    QTest::newRow("windowsize 65535") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, QStringLiteral("--windowsize"), QStringLiteral("65535")} << "--windowsize: Window size 65535 is too large: at most 32767";
    QTest::newRow("windowsize 65536") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, QStringLiteral("--windowsize"), QStringLiteral("65536")} << "--windowsize";
    QTest::newRow("timeout negative") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, QStringLiteral("--timeout"), QStringLiteral("-1")} << "--timeout";
    QTest::newRow("retries word") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, QStringLiteral("--retries"), QStringLiteral("x")} << "--retries";
    QTest::newRow("bad mode") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, QStringLiteral("--mode"), QStringLiteral("binary")} << "--mode";
    QTest::newRow("rfc1350 and blksize") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, QStringLiteral("--rfc1350"), QStringLiteral("--blksize"), QStringLiteral("1000")} << "--rfc1350";
    QTest::newRow("unknown option") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, QStringLiteral("--fast")} << "fast";
    QTest::newRow("max-size suffix") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, QStringLiteral("--max-size"), QStringLiteral("1X")} << "--max-size: \"1X\" is not a size";
    QTest::newRow("max-size negative") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, QStringLiteral("--max-size"), QStringLiteral("-1")} << "--max-size";
    QTest::newRow("max-size fraction") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, QStringLiteral("--max-size"), QStringLiteral("1.5M")} << "--max-size";
    QTest::newRow("max-size empty") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, QStringLiteral("--max-size"), QStringLiteral("")} << "--max-size";
    QTest::newRow("max-size too large") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, QStringLiteral("--max-size"), QStringLiteral("99999999999G")} << "--max-size";
    QTest::newRow("output in missing dir") << QStringList{QStringLiteral("tftp"), QStringLiteral("get"), u, QStringLiteral("-o"), QStringLiteral("/nonexistent-dir/x")} << "";
}

void tst_tftpcli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Result r = run(args);
    // A local file that cannot be created is a failure (1), everything else a usage error (2).
    QCOMPARE(r.exitCode, message.isEmpty() ? 1 : 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.startsWith("netpoke-cli: "), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QCOMPARE(QDir(m_work->path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void tst_tftpcli::outputIntoFifo()
{
    // A FIFO is written in place: the reader gets the file while it comes, the FIFO stays one, and no
    // temporary file is left beside it.
    const QString fifo = m_work->filePath(QStringLiteral("pipe"));
    QVERIFY(OutputTest::makeFifo(fifo));
    OutputTest::FifoReader reader(fifo);
    QVERIFY(reader.isOpen());
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("get"), url(QStringLiteral("data.bin")),
                          QStringLiteral("-o"), fifo});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(reader.finish() == m_data);
    QVERIFY(OutputTest::isFifo(fifo));
    QCOMPARE(QDir(m_work->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System),
             QStringList{QStringLiteral("pipe")});
    QVERIFY2(r.err.startsWith("200000 bytes in "), r.err.constData());

    // Nobody reads it: one clear line at once, instead of waiting in open().
    const Result none = run({QStringLiteral("tftp"), QStringLiteral("get"), url(QStringLiteral("data.bin")),
                             QStringLiteral("-o"), fifo});
    checkOneErrorLine(none, 1);
    QCOMPARE(none.err, QStringLiteral("netpoke-cli: Cannot write %1: no process has the FIFO open for reading\n")
                           .arg(fifo).toUtf8());
}

void tst_tftpcli::outputIntoDevNull()
{
    // `-o /dev/null` works and /dev/null stays a character device. As root (CI) the old rename replaced the
    // system's /dev/null: a private node is tried first, the real one only once that passed.
    if (::geteuid() == 0) {
        const QString own = m_work->filePath(QStringLiteral("null"));
        if (!OutputTest::makeMemDevice(own, 3))
            QSKIP("root without mknod: the system's /dev/null is not put at risk");
        const Result r = run({QStringLiteral("tftp"), QStringLiteral("get"), url(QStringLiteral("data.bin")),
                              QStringLiteral("-o"), own});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(OutputTest::isCharDevice(own));
        QCOMPARE(QDir(m_work->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System),
                 QStringList{QStringLiteral("null")});
    }
    OutputTest::DevNullGuard guard;
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("get"), url(QStringLiteral("data.bin")),
                          QStringLiteral("-o"), QStringLiteral("/dev/null")});
    QVERIFY(!guard.wasReplaced());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.startsWith("200000 bytes in "), r.err.constData());
}

void tst_tftpcli::devFullSaysNoSpace()
{
    // /dev/full answers ENOSPC: "No space left on device" (a full disk was reported as "Unknown error").
    QString full = QStringLiteral("/dev/full");
    if (::geteuid() == 0) {
        full = m_work->filePath(QStringLiteral("full"));   // a regression must not replace the system's
        if (!OutputTest::makeMemDevice(full, 7))
            QSKIP("root without mknod: the system's /dev/full is not put at risk");
    }
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("get"), url(QStringLiteral("data.bin")),
                          QStringLiteral("-o"), full});
    checkOneErrorLine(r, 1);
    QCOMPARE(r.err, QStringLiteral("netpoke-cli: Cannot write %1: No space left on device\n").arg(full).toUtf8());
    QVERIFY(OutputTest::isCharDevice(full));
}

void tst_tftpcli::outputErrorsSayWhy_data()
{
    QTest::addColumn<QString>("output");     // "WORK/" is the test's folder
    QTest::addColumn<QString>("reason");     // after "Cannot write OUTPUT: "
    QTest::newRow("/proc/version") << "/proc/version"
                                   << "a temporary file cannot be created in /proc (the file system does not allow "
                                      "new files there)";
    QTest::newRow("folder") << "WORK/sub" << "it is a folder";
    QTest::newRow("missing folder") << "WORK/no/such" << "the folder WORK/no does not exist";
}

void tst_tftpcli::outputErrorsSayWhy()
{
    QFETCH(QString, output);
    QFETCH(QString, reason);
    QVERIFY(QDir(m_work->path()).mkdir(QStringLiteral("sub")));
    output.replace(QLatin1String("WORK"), m_work->path());
    reason.replace(QLatin1String("WORK"), m_work->path());
    if (!QFileInfo::exists(QFileInfo(output).absolutePath()) && !output.contains(QLatin1String("no/such")))
        QSKIP("not on this system");
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("get"), url(QStringLiteral("data.bin")),
                          QStringLiteral("-o"), output});
    checkOneErrorLine(r, 1);
    QCOMPARE(QString::fromUtf8(r.err), QStringLiteral("netpoke-cli: Cannot write %1: %2\n").arg(output, reason));
}

void tst_tftpcli::maxSize_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("pattern");    // a regular expression for stderr
    // The server announces tsize 200000: refused before any DATA.
    QTest::newRow("announced, over") << QStringList{QStringLiteral("--max-size"), QStringLiteral("1K")} << 1
                                     << "^netpoke-cli: The server announced 200.?000 bytes, more than the size limit of "
                                        "1.?024 bytes: the download was refused\\.\n$";
    // No tsize: stopped once the file passes the limit.
    QTest::newRow("not announced, over") << QStringList{QStringLiteral("--max-size"), QStringLiteral("100KiB"),
                                                        QStringLiteral("--no-tsize")} << 1
                                         << "^netpoke-cli: The file is larger than the size limit of 102.?400 bytes: the "
                                            "download was stopped\\.\n$";
    QTest::newRow("within") << QStringList{QStringLiteral("--max-size"), QStringLiteral("200000")} << 0
                            << "^200000 bytes in ";
    QTest::newRow("within, M") << QStringList{QStringLiteral("--max-size"), QStringLiteral("1m"),
                                              QStringLiteral("--no-tsize")} << 0 << "^200000 bytes in ";
    QTest::newRow("0: no limit") << QStringList{QStringLiteral("--max-size"), QStringLiteral("0")} << 0
                                 << "^200000 bytes in ";
}

void tst_tftpcli::maxSize()
{
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, pattern);
    const QString out = m_work->filePath(QStringLiteral("keep.bin"));
    {
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious");
    }
    const Result r = run(QStringList{QStringLiteral("tftp"), QStringLiteral("get"), url(QStringLiteral("data.bin")),
                                     QStringLiteral("-o"), out} + options);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QRegularExpression(pattern).match(QString::fromUtf8(r.err)).hasMatch(), r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll() == (exitCode == 0 ? m_data : QByteArray("precious")));
    QCOMPARE(QDir(m_work->path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("keep.bin")});
}

void tst_tftpcli::putHelp()
{
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("put"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *opt : {"--blksize", "--windowsize", "--timeout", "--retries", "--no-tsize", "--rfc1350", "--mode",
                            "--quiet", "FILE", "tftp://HOST[:PORT]/PATH", "Exit status"})
        QVERIFY2(r.out.contains(opt), opt);
    QVERIFY(!r.out.contains("--output"));
}

void tst_tftpcli::put_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("summaryPart");
    QTest::newRow("defaults") << QStringList() << "blksize 65464, windowsize 1";   // the server has no windowsize
    QTest::newRow("rfc1350") << QStringList{QStringLiteral("--rfc1350")} << "blksize 512, windowsize 1";
    QTest::newRow("blksize") << QStringList{QStringLiteral("--blksize"), QStringLiteral("1000")} << "blksize 1000";
    QTest::newRow("no tsize, window 0") << QStringList{QStringLiteral("--no-tsize"), QStringLiteral("--windowsize"),
                                                      QStringLiteral("0")} << "blksize 65464";
    QTest::newRow("timeout, retries") << QStringList{QStringLiteral("--timeout"), QStringLiteral("500"),
                                                    QStringLiteral("--retries"), QStringLiteral("3")} << "blksize";
}

void tst_tftpcli::put()
{
    QFETCH(QStringList, options);
    QFETCH(QString, summaryPart);
    const QString remote = QStringLiteral("put-%1.bin").arg(QString::fromLatin1(QTest::currentDataTag()).remove(QLatin1Char(' ')).remove(QLatin1Char(',')));
    const Result r = run(QStringList{QStringLiteral("tftp"), QStringLiteral("put"), m_root.filePath(QStringLiteral("data.bin")),
                                     url(remote)} + options);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.isEmpty());
    // One summary line, as get prints it.
    const QString err = QString::fromUtf8(r.err);
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    static const QRegularExpression summary(
        QStringLiteral("^200000 bytes in \\d+\\.\\d{3} s \\(\\d+\\.\\d MiB/s\\), 0 retransmissions, blksize \\d+, "
                       "windowsize \\d+\\n$"));
    QVERIFY2(summary.match(err).hasMatch(), qPrintable(err));
    QVERIFY2(err.contains(summaryPart), qPrintable(err));
    QFile f(m_root.filePath(remote));
    QTRY_VERIFY(f.exists());
    QTRY_COMPARE(f.size(), qint64(m_data.size()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll() == m_data);
}

void tst_tftpcli::putNameFromFile()
{
    // A URL ending in "/" (or without a path) takes the local file's name.
    const QString local = m_work->filePath(QStringLiteral("named-by-file.bin"));
    {
        QFile f(local);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("abc");
    }
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("put"), local,
                          QStringLiteral("tftp://127.0.0.1:%1/").arg(m_port), QStringLiteral("--quiet")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile f(m_root.filePath(QStringLiteral("named-by-file.bin")));
    QTRY_COMPARE(f.size(), qint64(3));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("abc"));
}

void tst_tftpcli::putQuiet()
{
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("put"), m_root.filePath(QStringLiteral("data.bin")),
                          url(QStringLiteral("quiet.bin")), QStringLiteral("--quiet")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    QVERIFY(r.out.isEmpty());
    QTRY_VERIFY(QFile::exists(m_root.filePath(QStringLiteral("quiet.bin"))));
}

void tst_tftpcli::putNetascii()
{
    // LF goes out as CR LF, CR as CR NUL (the server stores what it received).
    const QString local = m_work->filePath(QStringLiteral("t.txt"));
    {
        QFile f(local);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a\nb\rc\n");
    }
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("put"), local, url(QStringLiteral("ascii.txt")),
                          QStringLiteral("--mode"), QStringLiteral("netascii")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile f(m_root.filePath(QStringLiteral("ascii.txt")));
    QTRY_COMPARE(f.size(), qint64(9));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("a\r\nb\r\0c\r\n", 9));
}

void tst_tftpcli::putRefusedByServer()
{
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("put"), m_root.filePath(QStringLiteral("data.bin")),
                          url(QStringLiteral("deny.bin"))});
    checkOneErrorLine(r, 1);
    QVERIFY2(r.err.contains("The server refused access to the file (TFTP error 2)."), r.err.constData());
}

void tst_tftpcli::putLocalFileErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << "missing.bin" << "No such file or directory";
    QTest::newRow("folder") << "." << "is a folder";
    QTest::newRow("device") << "/dev/zero" << "not a regular file";
}

void tst_tftpcli::putLocalFileErrors()
{
    // Refused before anything is sent: exit 1 at once (a server would never be asked).
    QFETCH(QString, file);
    QFETCH(QString, message);
    const quint16 port = LoopTest::closedUdpPort();
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("put"), file,
                          QStringLiteral("tftp://127.0.0.1:%1/x.bin").arg(port)});
    checkOneErrorLine(r, 1);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
}

void tst_tftpcli::putNoServer()
{
    const quint16 port = LoopTest::closedUdpPort();
    QVERIFY(port != 0);
    const Result r = run({QStringLiteral("tftp"), QStringLiteral("put"), m_root.filePath(QStringLiteral("data.bin")),
                          QStringLiteral("tftp://127.0.0.1:%1/x.bin").arg(port)});
    checkOneErrorLine(r, 1);
    QVERIFY2(r.err.contains(QStringLiteral("No TFTP server at 127.0.0.1:%1").arg(port).toUtf8()), r.err.constData());
}

void tst_tftpcli::putUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString u = QStringLiteral("tftp://127.0.0.1/f.bin");
    const QString file = QStringLiteral("/etc/hostname");
    const QString put = QStringLiteral("put");
    const QString tftp = QStringLiteral("tftp");
    QTest::newRow("nothing") << QStringList{tftp, put} << "give a FILE and a URL";
    QTest::newRow("no url") << QStringList{tftp, put, file} << "give a FILE and a URL";
    QTest::newRow("three") << QStringList{tftp, put, file, u, u} << "unexpected";
    QTest::newRow("url first") << QStringList{tftp, put, u, file} << "not a TFTP URL";
    QTest::newRow("empty file name") << QStringList{tftp, put, QString(), u} << "FILE name is empty";
    QTest::newRow("bad octet") << QStringList{tftp, put, file, QStringLiteral("tftp://127.0.0.256/f")} << "127.0.0.256";
    QTest::newRow("port 0") << QStringList{tftp, put, file, QStringLiteral("tftp://127.0.0.1:0/f")} << "port";
    QTest::newRow("no name from ..") << QStringList{tftp, put, QStringLiteral(".."), QStringLiteral("tftp://127.0.0.1/")} << "give the name in the URL";
    QTest::newRow("blksize 7") << QStringList{tftp, put, file, u, QStringLiteral("--blksize"), QStringLiteral("7")} << "--blksize";
    QTest::newRow("windowsize 65535") << QStringList{tftp, put, file, u, QStringLiteral("--windowsize"), QStringLiteral("65535")} << "--windowsize: Window size 65535 is too large";
    QTest::newRow("bad mode") << QStringList{tftp, put, file, u, QStringLiteral("--mode"), QStringLiteral("binary")} << "--mode";
    QTest::newRow("rfc1350 and no-tsize") << QStringList{tftp, put, file, u, QStringLiteral("--rfc1350"), QStringLiteral("--no-tsize")} << "--rfc1350";
    QTest::newRow("output is get's") << QStringList{tftp, put, file, u, QStringLiteral("-o"), QStringLiteral("x")} << "Unknown option";
}

void tst_tftpcli::putUsageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Result r = run(args);
    checkOneErrorLine(r, 2);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
}

QTEST_GUILESS_MAIN(tst_tftpcli)
#include "tst_tftpcli.moc"
