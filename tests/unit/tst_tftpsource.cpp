// The send-side source on its own: octet blocks by offset, the empty last block, netascii encoding across
// block boundaries and its round trip through Sink, rewinds within a window, and what is refused (a FIFO
// without blocking, a folder, a missing file, a block further back than the window).

#include "tftp/tftpsink.h"
#include "tftp/tftpsource.h"

#include <QBuffer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using NetPoke::Tftp::Sink;
using NetPoke::Tftp::Source;

class tst_tftpsource : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void octetBlocks_data();
    void octetBlocks();
    void netasciiEncoding_data();
    void netasciiEncoding();
    void netasciiRoundTripThroughSink();
    void netasciiRewind();
    void fileOffset_data();
    void fileOffset();
    void refused();
    void openDescriptor();
    void tooFarBack();

private:
    QString write(const QByteArray &data);
    // Every block from 1 until the first short one, concatenated; blocks receives each block's length.
    static QByteArray readAll(Source &s, int blockSize, QList<qint64> *blocks = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_tftpsource::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString tst_tftpsource::write(const QByteArray &data)
{
    const QString path = m_dir->filePath(QStringLiteral("f.bin"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        return QString();
    return path;
}

QByteArray tst_tftpsource::readAll(Source &s, int blockSize, QList<qint64> *blocks)
{
    QByteArray all;
    QByteArray buf(blockSize, '\0');
    for (qint64 b = 1; b < 100000; ++b) {
        const qint64 n = s.readBlock(b, buf.data());
        if (n < 0)
            return QByteArray("<error: ") + s.errorString().toUtf8() + '>';
        if (blocks)
            blocks->append(n);
        all.append(buf.constData(), n);
        if (n < blockSize)
            break;
    }
    return all;
}

void tst_tftpsource::octetBlocks_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("blockSize");
    QTest::addColumn<int>("blocks");
    QTest::newRow("empty") << 0 << 512 << 1;
    QTest::newRow("short") << 100 << 512 << 1;
    QTest::newRow("exact multiple: empty last block") << 1024 << 512 << 3;
    QTest::newRow("one over") << 1025 << 512 << 3;
    QTest::newRow("blksize 8") << 20 << 8 << 3;
    QTest::newRow("big blocks") << 200000 << 65464 << 4;
}

void tst_tftpsource::octetBlocks()
{
    QFETCH(int, size);
    QFETCH(int, blockSize);
    QFETCH(int, blocks);
    QByteArray data(size, '\0');
    for (char &c : data)
        c = char(QRandomGenerator::global()->generate());
    Source s;
    s.setBlockSize(blockSize);
    QVERIFY2(s.openFile(write(data)), qPrintable(s.errorString()));
    QCOMPARE(s.fileSize(), qint64(size));
    QList<qint64> lengths;
    QCOMPARE(readAll(s, blockSize, &lengths), data);
    QCOMPARE(lengths.size(), blocks);
    QCOMPARE(s.fileBytesRead(), qint64(size));
    // A window that starts again: any block already produced can be read again, the same.
    if (blocks > 1) {
        QByteArray again(blockSize, '\0');
        QCOMPARE(s.readBlock(1, again.data()), qint64(blockSize));
        QCOMPARE(again, data.left(blockSize));
    }
}

void tst_tftpsource::netasciiEncoding_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("blockSize");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("plain") << QByteArray("abc") << 512 << QByteArray("abc");
    QTest::newRow("lf") << QByteArray("a\nb\n") << 512 << QByteArray("a\r\nb\r\n");
    QTest::newRow("cr") << QByteArray("a\rb") << 512 << QByteArray("a\r\0b", 4);
    QTest::newRow("crlf in file") << QByteArray("a\r\n") << 512 << QByteArray("a\r\0\r\n", 5);
    // Pairs cut at a block boundary: the CR ends block 1, its LF/NUL starts block 2.
    QTest::newRow("lf across blocks") << QByteArray("1234567\n9") << 8 << QByteArray("1234567\r\n9");
    QTest::newRow("cr across blocks") << QByteArray("1234567\r9") << 8 << QByteArray("1234567\r\0" "9", 10);
    // Exactly a multiple of the block size on the wire: an empty last block.
    QTest::newRow("wire multiple") << QByteArray("123456\n") << 8 << QByteArray("123456\r\n");
    QTest::newRow("all lf") << QByteArray(20, '\n') << 8 << QByteArray("\r\n").repeated(20);
}

void tst_tftpsource::netasciiEncoding()
{
    QFETCH(QByteArray, file);
    QFETCH(int, blockSize);
    QFETCH(QByteArray, wire);
    Source s;
    s.setBlockSize(blockSize);
    s.setNetAscii(true);
    QVERIFY(s.openFile(write(file)));
    QList<qint64> lengths;
    QCOMPARE(readAll(s, blockSize, &lengths), wire);
    QCOMPARE(lengths.size(), int(wire.size() / blockSize) + 1);
    QCOMPARE(s.fileBytesRead(), qint64(file.size()));
}

void tst_tftpsource::netasciiRoundTripThroughSink()
{
    // Random text with many line ends, CRs and NULs: encoded here and decoded by Sink, the same file again.
    QByteArray file;
    const char alphabet[] = {'a', 'b', '\n', '\r', '\0', 'z', '\n'};
    for (int i = 0; i < 50000; ++i)
        file.append(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet))]);
    for (int blockSize : {8, 9, 512, 1428}) {
        Source s;
        s.setBlockSize(blockSize);
        s.setNetAscii(true);
        QVERIFY(s.openFile(write(file)));
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        Sink sink;
        QVERIFY(sink.openDevice(&out));
        sink.setNetAscii(true);
        sink.setBlockSize(blockSize);
        QByteArray buf(blockSize, '\0');
        for (qint64 b = 1;; ++b) {
            const qint64 n = s.readBlock(b, buf.data());
            QVERIFY(n >= 0);
            sink.append(buf.constData(), n);
            if (n < blockSize)
                break;
        }
        sink.endOfData();
        QVERIFY(sink.write(true));
        QCOMPARE(out.data().size(), file.size());
        QVERIFY2(out.data() == file, qPrintable(QStringLiteral("block size %1").arg(blockSize)));
    }
}

void tst_tftpsource::netasciiRewind()
{
    const QByteArray file = QByteArray("line\r\n").repeated(200) + QByteArray("\n\n\r\r");
    const int bs = 16;
    Source reference;
    reference.setBlockSize(bs);
    reference.setNetAscii(true);
    QVERIFY(reference.openFile(write(file)));
    QList<QByteArray> expected;
    QByteArray buf(bs, '\0');
    for (qint64 b = 1;; ++b) {
        const qint64 n = reference.readBlock(b, buf.data());
        QVERIFY(n >= 0);
        expected.append(buf.left(int(n)));
        if (n < bs)
            break;
    }
    // A window of 4: the sender goes back to the first unacknowledged block now and then.
    Source s;
    s.setBlockSize(bs);
    s.setNetAscii(true);
    s.setWindowSize(4);
    QVERIFY(s.openFile(write(file)));
    qint64 acked = 0;
    int round = 0;
    while (acked < expected.size()) {
        const qint64 end = qMin<qint64>(acked + 4, expected.size());
        for (qint64 b = acked + 1; b <= end; ++b) {
            const qint64 n = s.readBlock(b, buf.data());
            QVERIFY2(n >= 0, qPrintable(s.errorString()));
            QCOMPARE(buf.left(int(n)), expected.at(b - 1));
        }
        // Every third round only part of the window is acknowledged: the rest is read again.
        acked = (++round % 3 == 0) ? acked + 1 : end;
    }
}

void tst_tftpsource::fileOffset_data()
{
    QTest::addColumn<bool>("netascii");
    QTest::newRow("octet") << false;
    QTest::newRow("netascii") << true;
}

// What an ACK of block - 1 confirms, in file bytes: the sum of the file bytes of the blocks before it, also
// after a rewind, and unknown where a block is out of reach.
void tst_tftpsource::fileOffset()
{
    QFETCH(bool, netascii);
    const QByteArray file = QByteArray("ab\ncd\r\n").repeated(30) + "end";
    const int bs = 16;
    // Where each file byte's encoding starts on the wire: block b + 1 starts after the file bytes whose
    // encoding starts in blocks 1 .. b (a CR LF cut at a block's end belongs to the block of its CR).
    QList<qint64> wireStart;
    qint64 w = 0;
    for (const char c : file) {
        wireStart.append(w);
        w += netascii && (c == '\n' || c == '\r') ? 2 : 1;
    }
    const auto expectedOffset = [&](qint64 block) {
        qint64 n = 0;
        while (n < file.size() && wireStart.at(n) < (block - 1) * bs)
            ++n;
        return n;
    };
    Source s;
    s.setBlockSize(bs);
    s.setNetAscii(netascii);
    s.setWindowSize(3);
    QCOMPARE(s.fileOffset(1), qint64(-1));   // not open
    QVERIFY(s.openFile(write(file)));
    QCOMPARE(s.fileOffset(1), qint64(0));
    QCOMPARE(s.fileOffset(2), qint64(-1));   // block 1 not produced yet
    QByteArray buf(bs, '\0');
    qint64 last = 0;
    for (qint64 b = 1;; ++b) {
        const qint64 n = s.readBlock(b, buf.data());
        QVERIFY(n >= 0);
        QCOMPARE(s.fileOffset(b), expectedOffset(b));       // still known after the block is produced
        QCOMPARE(s.fileOffset(b + 1), expectedOffset(b + 1));
        if (n < bs) {
            last = b;
            break;
        }
    }
    QVERIFY(last > 5);
    QCOMPARE(s.fileOffset(last + 1), qint64(file.size()));
    QCOMPARE(s.fileOffset(last + 2), qint64(-1));            // past the next block
    if (netascii)
        QCOMPARE(s.fileOffset(last - 3), qint64(-1));        // further back than a window of 3
    else
        QCOMPARE(s.fileOffset(3), qint64(2 * bs));           // octet: by arithmetic, however far back
    // A rewind to the window's first block changes no offset.
    QVERIFY(s.readBlock(last - 2, buf.data()) >= 0);
    QCOMPARE(s.fileOffset(last - 2), expectedOffset(last - 2));
    QCOMPARE(s.fileOffset(last - 1), expectedOffset(last - 1));
    QCOMPARE(s.fileOffset(last + 1), qint64(file.size()));
}

void tst_tftpsource::refused()
{
    Source s;
    QVERIFY(!s.openFile(m_dir->filePath(QStringLiteral("missing"))));
    QVERIFY2(s.errorString().contains(QLatin1String("No such file")), qPrintable(s.errorString()));
    QVERIFY(!s.openFile(m_dir->path()));
    QVERIFY2(s.errorString().contains(QLatin1String("folder")), qPrintable(s.errorString()));
    // A FIFO with no writer: refused at once instead of blocking in open().
    const QString fifo = m_dir->filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QVERIFY(!s.openFile(fifo));
    QVERIFY2(s.errorString().contains(QLatin1String("not a regular file")), qPrintable(s.errorString()));
    QVERIFY(!s.openFile(QStringLiteral("/dev/zero")));
    QVERIFY(!s.isOpen());
}

// A descriptor opened elsewhere (the server's root check) is taken over: read like a file opened by path,
// closed with the source; anything but a regular file is refused and closed.
void tst_tftpsource::openDescriptor()
{
    const QString path = write("abcdef");
    QVERIFY(!path.isEmpty());
    Source s;
    s.setBlockSize(4);
    int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    QVERIFY(fd >= 0);
    QVERIFY(s.openDescriptor(fd, QStringLiteral("f.bin")));
    QCOMPARE(s.fileSize(), qint64(6));
    QCOMPARE(readAll(s, 4), QByteArray("abcdef"));
    s.close();
    QCOMPARE(::fcntl(fd, F_GETFD), -1);   // closed with the source
    fd = ::open(QFile::encodeName(m_dir->path()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    QVERIFY(fd >= 0);
    QVERIFY(!s.openDescriptor(fd, QStringLiteral("folder")));
    QVERIFY2(s.errorString().contains(QLatin1String("folder")), qPrintable(s.errorString()));
    QCOMPARE(::fcntl(fd, F_GETFD), -1);   // closed although refused
    QVERIFY(!s.openDescriptor(-1, QStringLiteral("none")));
    QVERIFY(!s.isOpen());
}

void tst_tftpsource::tooFarBack()
{
    Source s;
    s.setBlockSize(8);
    s.setNetAscii(true);
    s.setWindowSize(2);
    QVERIFY(s.openFile(write(QByteArray(100, 'x'))));
    QByteArray buf(8, '\0');
    QCOMPARE(s.readBlock(2, buf.data()), qint64(-1));   // past the next block
    for (qint64 b = 1; b <= 5; ++b)
        QCOMPARE(s.readBlock(b, buf.data()), qint64(8));
    QCOMPARE(s.readBlock(5, buf.data()), qint64(8));     // within the window
    QCOMPARE(s.readBlock(4, buf.data()), qint64(8));
    QCOMPARE(s.readBlock(1, buf.data()), qint64(-1));    // further back than a window of 2
    QVERIFY(!s.errorString().isEmpty());
}

QTEST_GUILESS_MAIN(tst_tftpsource)
#include "tst_tftpsource.moc"
