// The output sink on its own: QSaveFile (no partial file, an existing file intact), netascii across blocks,
// in-place receive, the page rule for small blocks, write errors, a device, discard during a write; targets
// that are no regular file (a FIFO, /dev/null, /dev/full) written in place; why an open failed.

#include "tftp/tftpsink.h"
#include "../outputtestutil.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <functional>

using NetPoke::Tftp::Sink;

namespace {

// A device that calls a function on its first write, or fails every write.
class HookDevice : public QBuffer
{
public:
    std::function<void()> onWrite;
    bool failWrites = false;

protected:
    qint64 writeData(const char *data, qint64 len) override
    {
        if (onWrite)
            std::exchange(onWrite, nullptr)();
        if (failWrites) {
            setErrorString(QStringLiteral("no space left (test)"));
            return -1;
        }
        return QBuffer::writeData(data, len);
    }
};

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

} // namespace

class tst_tftpsink : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void fileCommitted();
    void existingFileKeptOnDiscard();
    void netasciiAcrossBlocks_data();
    void netasciiAcrossBlocks();
    void inPlace();
    void pagesForSmallBlocks();
    void bigBlocksFlushBeforeRead();
    void deviceWriteError();
    void discardDuringWrite();
    void unwritableDevice();
    void openFailure();
    void fifoWrittenInPlace();
    void fifoWithoutReaderRefused();
    void fifoReaderGoneIsAnError();
    void devNullStaysADevice();
    void devFullSaysNoSpace();
    void folderRefused();
    void procFileSaysWhy();

private:
    QStringList files() const { return QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden | QDir::System); }
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void tst_tftpsink::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("out.bin"));
}

void tst_tftpsink::fileCommitted()
{
    Sink s;
    QVERIFY(s.openFile(m_path));
    QVERIFY(s.isOpen());
    QCOMPARE(s.fileName(), m_path);
    QByteArray expected;
    for (int i = 0; i < 3000; ++i) {
        const QByteArray block(512, char('a' + i % 26));
        s.append(block.constData(), block.size());
        expected += block;
        if (s.flushBeforeRead() || s.flushAfterRead())
            QVERIFY(s.write());
    }
    s.endOfData();
    QVERIFY(s.write(true));
    QCOMPARE(s.pending(), 0);
    QVERIFY(s.flushDevice());
    QVERIFY(!QFile::exists(m_path));   // nothing replaces the target before the commit
    QVERIFY(s.commit());
    QVERIFY(!s.isOpen());
    QCOMPARE(readFile(m_path), expected);
    QCOMPARE(files(), QStringList{QStringLiteral("out.bin")});
}

void tst_tftpsink::existingFileKeptOnDiscard()
{
    {
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
    }
    Sink s;
    QVERIFY(s.openFile(m_path));
    const QByteArray data(100000, 'x');
    s.append(data.constData(), data.size());
    QVERIFY(s.write(true));
    s.discard();
    QVERIFY(!s.isOpen());
    QCOMPARE(readFile(m_path), QByteArray("keep me"));
    QCOMPARE(files(), QStringList{QStringLiteral("out.bin")});   // no temporary file left behind
}

void tst_tftpsink::netasciiAcrossBlocks_data()
{
    QTest::addColumn<QByteArrayList>("blocks");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("CR LF in a block") << QByteArrayList{"ab\r\ncd"} << QByteArray("ab\ncd");
    QTest::newRow("CR NUL in a block") << QByteArrayList{QByteArray("a\r\0b", 4)} << QByteArray("a\rb");
    QTest::newRow("CR | LF") << QByteArrayList{"ab\r", "\ncd"} << QByteArray("ab\ncd");
    QTest::newRow("CR | NUL") << QByteArrayList{"ab\r", QByteArray("\0cd", 3)} << QByteArray("ab\rcd");
    QTest::newRow("CR | other") << QByteArrayList{"ab\r", "x"} << QByteArray("ab\rx");
    QTest::newRow("CR at the end") << QByteArrayList{"ab\r"} << QByteArray("ab\r");
    QTest::newRow("CR CR LF") << QByteArrayList{"\r", "\r", "\n"} << QByteArray("\r\n");
    QTest::newRow("empty blocks") << QByteArrayList{"a\r", "", "\n"} << QByteArray("a\n");
}

void tst_tftpsink::netasciiAcrossBlocks()
{
    QFETCH(QByteArrayList, blocks);
    QFETCH(QByteArray, expected);
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    Sink s;
    s.setNetAscii(true);
    QVERIFY(s.openDevice(&out));
    for (const QByteArray &b : blocks) {
        s.append(b.constData(), b.size());
        QVERIFY(s.write());
    }
    s.endOfData();
    QVERIFY(s.write(true));
    QVERIFY(s.commit());
    QCOMPARE(out.data(), expected);
}

void tst_tftpsink::inPlace()
{
    // The receive path writes straight into tail() and says how much arrived.
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    Sink s;
    QVERIFY(s.openDevice(&out));
    QCOMPARE(s.room(), Sink::Capacity);
    QCOMPARE(quintptr(s.tail()) % Sink::PageSize, quintptr(0));   // page-aligned
    std::memcpy(s.tail(), "hello ", 6);
    s.receivedInPlace(6);
    std::memcpy(s.tail(), "world", 5);
    s.receivedInPlace(5);
    QCOMPARE(s.pending(), 11);
    QCOMPARE(s.room(), Sink::Capacity - 11);
    QVERIFY(s.write(true));
    QCOMPARE(out.data(), QByteArray("hello world"));
    QCOMPARE(s.pending(), 0);
}

void tst_tftpsink::pagesForSmallBlocks()
{
    // Small blocks into a file: whole pages only until the end, the rest stays at the buffer's start.
    Sink s;
    QVERIFY(s.openFile(m_path));
    s.setBlockSize(512);
    const QByteArray data(10 * 512, 'p');
    s.append(data.constData(), data.size());
    QVERIFY(!s.flushBeforeRead());
    QVERIFY(s.write());
    QCOMPARE(s.pending(), 5120 - 4096);
    QVERIFY(s.write());
    QCOMPARE(s.pending(), 5120 - 4096);   // less than a page: nothing to write yet
    QVERIFY(s.write(true));
    QCOMPARE(s.pending(), 0);
    QVERIFY(s.commit());
    QCOMPARE(readFile(m_path), data);
    // Past Limit a write is due even mid-batch; after FlushThreshold one is worth it.
    Sink t;
    QVERIFY(t.openFile(m_dir->filePath(QStringLiteral("t.bin"))));
    t.receivedInPlace(Sink::FlushThreshold - 1);
    QVERIFY(!t.flushAfterRead());
    t.receivedInPlace(1);
    QVERIFY(t.flushAfterRead());
    t.receivedInPlace(Sink::Limit - Sink::FlushThreshold);
    QVERIFY(t.flushBeforeRead());
    QVERIFY(t.room() >= Sink::DatagramRoom);
    t.discard();
}

void tst_tftpsink::bigBlocksFlushBeforeRead()
{
    Sink s;
    QVERIFY(s.openFile(m_path));
    s.setBlockSize(Sink::BigBlock);
    QVERIFY(!s.flushBeforeRead());
    s.receivedInPlace(100);
    QVERIFY(s.flushBeforeRead());   // the next block is to be received at the buffer's start
    QVERIFY(s.write());
    QCOMPARE(s.pending(), 0);       // big blocks: everything, not whole pages
    s.setBlockSize(Sink::BigBlock - 1);
    s.receivedInPlace(100);
    QVERIFY(!s.flushBeforeRead());
    s.discard();
}

void tst_tftpsink::deviceWriteError()
{
    HookDevice dev;
    dev.failWrites = true;
    QVERIFY(dev.open(QIODevice::WriteOnly));
    Sink s;
    QVERIFY(s.openDevice(&dev));
    QCOMPARE(s.fileName(), QString());
    s.append("abc", 3);
    QVERIFY(!s.write(true));
    QVERIFY(s.isOpen());
    QCOMPARE(s.errorString(), QStringLiteral("no space left (test)"));
}

void tst_tftpsink::discardDuringWrite()
{
    // A slot reached from the device's write ends the transfer: the write reports it, the buffer stays valid.
    HookDevice dev;
    QVERIFY(dev.open(QIODevice::WriteOnly));
    Sink s;
    QVERIFY(s.openDevice(&dev));
    dev.onWrite = [&s] { s.discard(); };
    s.append("abc", 3);
    QVERIFY(!s.write(true));
    QVERIFY(!s.isOpen());
    QCOMPARE(dev.data(), QByteArray("abc"));
    QCOMPARE(s.pending(), 0);
}

void tst_tftpsink::unwritableDevice()
{
    QBuffer readOnly;
    QVERIFY(readOnly.open(QIODevice::ReadOnly));
    Sink s;
    QVERIFY(!s.openDevice(&readOnly));
    QVERIFY(!s.openDevice(nullptr));
    QVERIFY(!s.isOpen());
}

void tst_tftpsink::openFailure()
{
    Sink s;
    QVERIFY(!s.openFile(m_dir->filePath(QStringLiteral("no/such/dir/x"))));
    QVERIFY(!s.errorString().isEmpty());
    QVERIFY(!s.isOpen());
    QCOMPARE(files(), QStringList());
}

namespace {

// Writes data through an open sink and commits it; false (with a failed comparison) otherwise.
bool writeAll(Sink &s, const QByteArray &data)
{
    for (qsizetype at = 0; at < data.size(); at += 65536) {
        const qsizetype n = qMin<qsizetype>(65536, data.size() - at);
        s.append(data.constData() + at, n);
        if (!QTest::qVerify(s.write(), "s.write()", qPrintable(s.errorString()), __FILE__, __LINE__))
            return false;
    }
    s.endOfData();
    return QTest::qVerify(s.write(true) && s.flushDevice() && s.commit(), "s.write(true) && commit()",
                          qPrintable(s.errorString()), __FILE__, __LINE__);
}

} // namespace

void tst_tftpsink::fifoWrittenInPlace()
{
    // A FIFO is opened and written as it is: the reader gets every byte while the transfer runs, no temporary
    // file appears next to it, and it is still a FIFO afterwards (QSaveFile would rename a file over it).
    const QString fifo = m_dir->filePath(QStringLiteral("pipe"));
    QVERIFY(OutputTest::makeFifo(fifo));
    OutputTest::FifoReader reader(fifo);
    QVERIFY(reader.isOpen());
    QByteArray data(3 * 1024 * 1024 + 5, Qt::Uninitialized);   // more than a pipe holds
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = char(i * 31 + i / 4099);
    Sink s;
    QVERIFY2(s.openFile(fifo), qPrintable(s.errorString()));
    QCOMPARE(s.fileName(), fifo);
    QCOMPARE(files(), QStringList{QStringLiteral("pipe")});   // no temporary file beside it
    if (!writeAll(s, data))
        return;
    QCOMPARE(reader.finish(), data);
    QVERIFY(OutputTest::isFifo(fifo));
    QCOMPARE(files(), QStringList{QStringLiteral("pipe")});
}

void tst_tftpsink::fifoWithoutReaderRefused()
{
    // Nobody reads it: refused at once with the reason, instead of blocking in open() until someone does.
    const QString fifo = m_dir->filePath(QStringLiteral("pipe"));
    QVERIFY(OutputTest::makeFifo(fifo));
    Sink s;
    QVERIFY(!s.openFile(fifo));
    QCOMPARE(s.errorString(), QStringLiteral("no process has the FIFO open for reading"));
    QVERIFY(!s.isOpen());
    QVERIFY(OutputTest::isFifo(fifo));
}

void tst_tftpsink::fifoReaderGoneIsAnError()
{
    // The reader stops early: the write fails with EPIPE ("Broken pipe"); SIGPIPE does not end the process.
    const QString fifo = m_dir->filePath(QStringLiteral("pipe"));
    QVERIFY(OutputTest::makeFifo(fifo));
    OutputTest::FifoReader reader(fifo, 4096);
    QVERIFY(reader.isOpen());
    Sink s;
    QVERIFY2(s.openFile(fifo), qPrintable(s.errorString()));
    const QByteArray block(65536, 'z');
    bool failed = false;
    for (int i = 0; i < 64 && !failed; ++i) {   // 4 MiB: far more than the pipe holds once the reader is gone
        s.append(block.constData(), block.size());
        failed = !s.write(true);
    }
    QVERIFY(failed);
    QCOMPARE(s.errorString(), qt_error_string(EPIPE));
    s.discard();
    QVERIFY(reader.finish().size() >= 4096);
    QVERIFY(OutputTest::isFifo(fifo));
}

void tst_tftpsink::devNullStaysADevice()
{
    // `-o /dev/null` works for anyone and leaves /dev/null a character device. As root a rename would replace
    // the system's /dev/null, so a private node is tried first and the real one only once that passed.
    const QByteArray data(200000, 'n');
    if (::geteuid() == 0) {
        const QString own = m_dir->filePath(QStringLiteral("null"));
        if (!OutputTest::makeMemDevice(own, 3))
            QSKIP("root without mknod: the system's /dev/null is not put at risk");
        Sink s;
        QVERIFY2(s.openFile(own), qPrintable(s.errorString()));
        if (!writeAll(s, data))
            return;
        QVERIFY(OutputTest::isCharDevice(own));
        QCOMPARE(files(), QStringList{QStringLiteral("null")});
    }
    OutputTest::DevNullGuard guard;
    Sink s;
    QVERIFY2(s.openFile(QStringLiteral("/dev/null")), qPrintable(s.errorString()));
    if (!writeAll(s, data))
        return;
    QVERIFY(!guard.wasReplaced());
}

void tst_tftpsink::devFullSaysNoSpace()
{
    // /dev/full answers every write with ENOSPC: the reason is "No space left on device", not a short count.
    QString full = QStringLiteral("/dev/full");
    if (::geteuid() == 0) {
        full = m_dir->filePath(QStringLiteral("full"));   // a regression must not replace the system's
        if (!OutputTest::makeMemDevice(full, 7))
            QSKIP("root without mknod: the system's /dev/full is not put at risk");
    }
    Sink s;
    QVERIFY2(s.openFile(full), qPrintable(s.errorString()));
    const QByteArray data(100000, 'f');
    s.append(data.constData(), data.size());
    QVERIFY(!s.write(true));
    QCOMPARE(s.errorString(), qt_error_string(ENOSPC));
    s.discard();
    QVERIFY(OutputTest::isCharDevice(full));
}

void tst_tftpsink::folderRefused()
{
    const QString folder = m_dir->filePath(QStringLiteral("folder"));
    QVERIFY(QDir().mkpath(folder));
    const QString link = m_dir->filePath(QStringLiteral("link"));
    QVERIFY(QFile::link(folder, link));
    Sink s;
    QVERIFY(!s.openFile(folder));
    QCOMPARE(s.errorString(), QStringLiteral("it is a folder"));
    QVERIFY(!s.openFile(link));
    QCOMPARE(s.errorString(), QStringLiteral("it is a symbolic link to the folder %1").arg(folder));
    QVERIFY(!s.isOpen());
    QCOMPARE(QDir(folder).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden), QStringList());
}

void tst_tftpsink::procFileSaysWhy()
{
    // /proc/version is a regular file in a folder that takes no new names: QSaveFile's temporary file
    // fails with ENOENT, which it reports as "No such file or directory" for a file that exists.
    if (!QFileInfo(QStringLiteral("/proc/version")).isFile())
        QSKIP("no /proc/version here");
    Sink s;
    QVERIFY(!s.openFile(QStringLiteral("/proc/version")));
    QCOMPARE(s.errorString(),
             QStringLiteral("a temporary file cannot be created in /proc (the file system does not allow new files "
                            "there)"));
    // A folder that does not exist is named as such.
    QVERIFY(!s.openFile(m_dir->filePath(QStringLiteral("no/such/x"))));
    QCOMPARE(s.errorString(), QStringLiteral("the folder %1 does not exist").arg(m_dir->filePath(QStringLiteral("no/such"))));
}

QTEST_GUILESS_MAIN(tst_tftpsink)
#include "tst_tftpsink.moc"
