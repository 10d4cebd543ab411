// Display framing of a TCP stream: rows are cut, bytes never changed.

#include "tcp/tcpframer.h"
#include "textcodec.h"

#include <QRandomGenerator>
#include <QTest>

using NetPoke::Tcp::Framer;

namespace {
QByteArrayList bytesOf(const QList<Framer::Row> &rows)
{
    QByteArrayList l;
    for (const auto &r : rows)
        l << r.bytes;
    return l;
}
} // namespace

class TstTcpFramer : public QObject
{
    Q_OBJECT

private slots:
    void noneIsOneRowPerRead()
    {
        Framer f;
        QCOMPARE(bytesOf(f.feed("ab\ncd", 1)), QByteArrayList({"ab\ncd"}));
        QCOMPARE(bytesOf(f.feed("e", 2)), QByteArrayList({"e"}));
        QVERIFY(!f.hasPending());
        QVERIFY(f.flush().isEmpty());
    }

    void lineCutsAfterLf()
    {
        Framer f(Framer::Mode::Line);
        QCOMPARE(bytesOf(f.feed("ab\ncd", 10)), QByteArrayList({"ab\n"}));
        const auto rows = f.feed("e\r\nf", 20);
        QCOMPARE(bytesOf(rows), QByteArrayList({"cde\r\n"}));
        QCOMPARE(rows.first().timestampMs, 10);   // its first byte came with the first read
        QCOMPARE(f.pendingBytes(), 1);
        QVERIFY(f.expire(100000).isEmpty());      // a line waits for its end
        const auto last = f.flush();
        QCOMPARE(bytesOf(last), QByteArrayList({"f"}));
        QCOMPARE(last.first().timestampMs, 20);
        QCOMPARE(bytesOf(f.feed("\n\n", 30)), QByteArrayList({"\n", "\n"}));
    }

    void lineWithoutEndIsCutAtTheLimit()
    {
        Framer f(Framer::Mode::Line, 0, 4);
        QCOMPARE(bytesOf(f.feed("0123456789", 0)), QByteArrayList({"0123", "4567"}));
        QCOMPARE(bytesOf(f.feed("a\nb", 0)), QByteArrayList({"89a\n"}));
        QCOMPARE(bytesOf(f.feed("cdefg\n", 0)), QByteArrayList({"bcde", "fg\n"}));
    }

    void idleGap()
    {
        Framer f(Framer::Mode::IdleGap, 100);
        QVERIFY(f.feed("a", 0).isEmpty());
        QVERIFY(f.feed("b", 50).isEmpty());
        QVERIFY(f.expire(120).isEmpty());          // 70 ms after the last byte
        const auto rows = f.expire(150);
        QCOMPARE(bytesOf(rows), QByteArrayList({"ab"}));
        QCOMPARE(rows.first().timestampMs, 0);
        QVERIFY(f.feed("x", 1000).isEmpty());
        // A read after the gap ends the pending row first.
        QCOMPARE(bytesOf(f.feed("y", 1100)), QByteArrayList({"x"}));
        QCOMPARE(bytesOf(f.flush()), QByteArrayList({"y"}));
    }

    void fixedLength()
    {
        Framer f(Framer::Mode::FixedLength, 3);
        QCOMPARE(bytesOf(f.feed("abcdefg", 0)), QByteArrayList({"abc", "def"}));
        QCOMPARE(bytesOf(f.feed("hi", 0)), QByteArrayList({"ghi"}));
        QVERIFY(!f.hasPending());
    }

    // Whatever the mode and however the stream is split into reads, the rows joined are the stream.
    void rowsJoinedAreTheStream_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("parameter");
        QTest::newRow("none") << int(Framer::Mode::None) << 0;
        QTest::newRow("line") << int(Framer::Mode::Line) << 0;
        QTest::newRow("idle") << int(Framer::Mode::IdleGap) << 5;
        QTest::newRow("fixed 1") << int(Framer::Mode::FixedLength) << 1;
        QTest::newRow("fixed 7") << int(Framer::Mode::FixedLength) << 7;
    }
    void rowsJoinedAreTheStream()
    {
        QFETCH(int, mode);
        QFETCH(int, parameter);
        QRandomGenerator rng(42);
        for (int round = 0; round < 50; ++round) {
            QByteArray stream(int(rng.bounded(2000)), Qt::Uninitialized);
            for (char &c : stream)
                c = char(rng.bounded(4) == 0 ? '\n' : rng.bounded(256));
            Framer f(Framer::Mode(mode), parameter, 100);
            QByteArray joined;
            qint64 t = 0;
            for (qsizetype at = 0; at < stream.size();) {
                const qsizetype n = qMin<qsizetype>(stream.size() - at, 1 + rng.bounded(300));
                t += rng.bounded(10);
                for (const auto &r : f.feed(stream.mid(at, n), t)) {
                    QVERIFY(r.bytes.size() <= 100);
                    QVERIFY(!r.bytes.isEmpty());
                    joined += r.bytes;
                }
                for (const auto &r : f.expire(t + rng.bounded(10)))
                    joined += r.bytes;
                at += n;
            }
            for (const auto &r : f.flush())
                joined += r.bytes;
            QCOMPARE(joined, stream);
        }
    }

    // Rows cut inside a GB2312 character: one Decoder for the connection still gives each character once.
    void decoderAcrossRows()
    {
        const QByteArray gb = NetPoke::TextCodec::encode(QStringLiteral("你好世界"), QStringLiteral("GB2312")).bytes;
        QCOMPARE(gb.size(), 8);
        Framer f(Framer::Mode::FixedLength, 3);
        NetPoke::TextCodec::Decoder decoder(QStringLiteral("GB2312"));
        QString text;
        for (const auto &r : f.feed(gb, 0))
            text += decoder.decode(r.bytes);
        for (const auto &r : f.flush())
            text += decoder.decode(r.bytes);
        text += decoder.flush();
        QCOMPARE(text, QStringLiteral("你好世界"));
    }
};

QTEST_APPLESS_MAIN(TstTcpFramer)
#include "tst_tcpframer.moc"
