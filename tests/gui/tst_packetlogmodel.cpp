#include "colors.h"
#include "textcodec.h"
#include "packetlogmodel.h"

#include <QBrush>
#include <QDateTime>
#include <QRandomGenerator>

#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>

using NetPoke::Datagram;
using NetPoke::PacketLogModel;

namespace {
QList<Datagram> makeBatch(int from, int count)
{
    QList<Datagram> list;
    for (int i = from; i < from + count; ++i)
        list.append(Datagram{QByteArray::number(i), QHostAddress(QStringLiteral("::ffff:127.0.0.1")), 4000, 1000});
    return list;
}
} // namespace

class tst_PacketLogModel : public QObject
{
    Q_OBJECT

private slots:
    void streamCharacterSplitAcrossRowsShownOnce();
    void streamCarryFollowsEncodingChange();
    void endedStreamShowsHeldBackBytes();
    void streamRowsJoinedAreTheWholeText_data();
    void streamRowsJoinedAreTheWholeText();
    void byteCapBoundsMemory();
    void byteCapLowered();
    void shownCharsLimitDecoding();
    void batchesAreCoalesced();
    void rowCapKeepsNewest();
    void rowCapAcrossWrap();
    void hugeBatchLargerThanCap();
    void pauseHoldsRowsBack();
    void encodingReRenders();
    void contentModes();
    void peerShownAsPlainIPv4();
    void invalidBytesVisible();
    void contentTooltipIsVisibleText();
    void clearEmpties();
    void timeShowsDateInTooltipAndSavedForm();
    void directionColoursFromPalette();
};

void tst_PacketLogModel::batchesAreCoalesced()
{
    PacketLogModel m;
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 100; ++i)
        m.appendDatagrams(makeBatch(i * 10, 10), PacketLogModel::Received);
    QCOMPARE(m.rowCount(), 0);   // nothing shown before the commit timer
    QTRY_COMPARE(m.rowCount(), 1000);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m.index(999, PacketLogModel::ContentColumn).data().toString(), QStringLiteral("999"));
}

void tst_PacketLogModel::rowCapKeepsNewest()
{
    PacketLogModel m;
    m.setRowCap(100);
    m.appendDatagrams(makeBatch(0, 80), PacketLogModel::Received);
    m.commitPending();
    m.appendDatagrams(makeBatch(80, 50), PacketLogModel::Received);
    m.commitPending();
    QCOMPARE(m.rowCount(), 100);
    QCOMPARE(m.contentText(0), QStringLiteral("30"));
    QCOMPARE(m.contentText(99), QStringLiteral("129"));
    QCOMPARE(m.totalAppended(), quint64(130));
}

void tst_PacketLogModel::rowCapAcrossWrap()
{
    // Many commits of odd sizes: the ring wraps several times and rows stay in order.
    PacketLogModel m;
    m.setRowCap(37);
    int next = 0;
    for (int round = 0; round < 50; ++round) {
        const int n = 1 + (round * 7) % 23;
        m.appendDatagrams(makeBatch(next, n), PacketLogModel::Received);
        next += n;
        m.commitPending();
        const int rows = m.rowCount();
        QVERIFY(rows <= 37);
        for (int r = 0; r < rows; ++r)
            QCOMPARE(m.contentText(r), QString::number(next - rows + r));
    }
    QCOMPARE(m.rowCount(), 37);
}

void tst_PacketLogModel::hugeBatchLargerThanCap()
{
    PacketLogModel m;
    m.setRowCap(10);
    m.appendDatagrams(makeBatch(0, 1000), PacketLogModel::Received);
    QVERIFY(m.pendingCount() <= 10);
    m.commitPending();
    QCOMPARE(m.rowCount(), 10);
    QCOMPARE(m.contentText(0), QStringLiteral("990"));
    QCOMPARE(m.contentText(9), QStringLiteral("999"));
}

void tst_PacketLogModel::pauseHoldsRowsBack()
{
    PacketLogModel m;
    m.setPaused(true);
    m.appendDatagrams(makeBatch(0, 5), PacketLogModel::Received);
    QTest::qWait(120);
    QCOMPARE(m.rowCount(), 0);
    QCOMPARE(m.pendingCount(), 5);
    m.setPaused(false);
    QCOMPARE(m.rowCount(), 5);
}

void tst_PacketLogModel::encodingReRenders()
{
    PacketLogModel m;
    m.appendDatagram(Datagram{QByteArray("\xc4\xe3\xba\xc3"), QHostAddress::LocalHost, 1, 0}, PacketLogModel::Received);
    m.commitPending();
    QCOMPARE(m.index(0, PacketLogModel::ContentColumn).data().toString(), QStringLiteral("\\xC4\\xE3\\xBA\\xC3"));
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    m.setEncoding(QStringLiteral("GB2312"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m.index(0, PacketLogModel::ContentColumn).data().toString(), QStringLiteral("你好"));
}

void tst_PacketLogModel::contentModes()
{
    PacketLogModel m;
    m.appendDatagram(Datagram{QByteArray("AT\r\n"), QHostAddress::LocalHost, 1, 0}, PacketLogModel::Sent);
    m.commitPending();
    QCOMPARE(m.index(0, PacketLogModel::ContentColumn).data().toString(), QStringLiteral("AT\\r\\n"));
    m.setContentMode(PacketLogModel::HexContent);
    QCOMPARE(m.index(0, PacketLogModel::ContentColumn).data().toString(), QStringLiteral("41 54 0d 0a"));
    m.setContentMode(PacketLogModel::TextAndHexContent);
    QVERIFY(m.index(0, PacketLogModel::ContentColumn).data().toString().contains(QStringLiteral("41 54 0d 0a")));
    QCOMPARE(m.index(0, PacketLogModel::DirectionColumn).data().toString(), QStringLiteral("TX"));
    QCOMPARE(m.index(0, PacketLogModel::LengthColumn).data().toInt(), 4);
}

void tst_PacketLogModel::peerShownAsPlainIPv4()
{
    PacketLogModel m;
    m.appendDatagrams(makeBatch(0, 1), PacketLogModel::Received);
    m.appendDatagram(Datagram{"x", QHostAddress::LocalHostIPv6, 9000, 0}, PacketLogModel::Received);
    m.commitPending();
    QCOMPARE(m.index(0, PacketLogModel::PeerColumn).data().toString(), QStringLiteral("127.0.0.1:4000"));
    QCOMPARE(m.index(1, PacketLogModel::PeerColumn).data().toString(), QStringLiteral("[::1]:9000"));
}

void tst_PacketLogModel::invalidBytesVisible()
{
    PacketLogModel m;
    m.setEncoding(QStringLiteral("GB2312"));
    m.appendDatagram(Datagram{QByteArray("ok\xc4"), QHostAddress::LocalHost, 1, 0}, PacketLogModel::Received);
    m.commitPending();
    QCOMPARE(m.index(0, PacketLogModel::ContentColumn).data().toString(), QStringLiteral("ok\\xC4"));
    QCOMPARE(m.contentText(0), QStringLiteral("ok") + QChar(0xDCC4));   // decoded; shown only through visibleText
}

// The content's tooltip follows the visible-text rule too (line breaks as lines), and a datagram that looks
// like HTML is shown as the text it is.
void tst_PacketLogModel::contentTooltipIsVisibleText()
{
    PacketLogModel m;
    m.appendDatagram(Datagram{QByteArray("<b>bold</b>\x1b[2J\\\xff\r\nline2"), QHostAddress::LocalHost, 1, 0},
                     PacketLogModel::Received);
    m.commitPending();
    const QString tip = m.index(0, PacketLogModel::ContentColumn).data(Qt::ToolTipRole).toString();
    for (const QChar c : tip)
        QVERIFY2((c.unicode() >= 0x20 || c == QLatin1Char('\n')) && !c.isSurrogate(), qPrintable(tip));
    QTextDocument doc;
    doc.setHtml(tip);
    QCOMPARE(doc.toPlainText(), QStringLiteral("<b>bold</b>\\x1B[2J\\\\\\xFF\\r\nline2"));
}

void tst_PacketLogModel::clearEmpties()
{
    PacketLogModel m;
    m.appendDatagrams(makeBatch(0, 10), PacketLogModel::Received);
    m.commitPending();
    m.clear();
    QCOMPARE(m.rowCount(), 0);
    m.appendDatagrams(makeBatch(0, 3), PacketLogModel::Received);
    m.commitPending();
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(m.contentText(0), QStringLiteral("0"));
}

// The column shows the time of day; the tooltip and dateTimeText() (saved logs) carry the date.
void tst_PacketLogModel::timeShowsDateInTooltipAndSavedForm()
{
    PacketLogModel m;
    const QDateTime when(QDate(2023, 12, 31), QTime(23, 59, 59, 250));
    m.appendDatagram(Datagram{QByteArray("a"), QHostAddress::LocalHost, 1, when.toMSecsSinceEpoch()},
                     PacketLogModel::Received);
    m.commitPending();
    const QModelIndex time = m.index(0, PacketLogModel::TimeColumn);
    QCOMPARE(time.data().toString(), QStringLiteral("23:59:59.250"));
    QVERIFY2(time.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("2023-12-31 23:59:59.250")),
             qPrintable(time.data(Qt::ToolTipRole).toString()));
    const QString iso = m.dateTimeText(0);
    QVERIFY2(iso.startsWith(QStringLiteral("2023-12-31T23:59:59.250")), qPrintable(iso));
    QCOMPARE(QDateTime::fromString(iso, Qt::ISODateWithMs).toMSecsSinceEpoch(), when.toMSecsSinceEpoch());
}

void tst_PacketLogModel::directionColoursFromPalette()
{
    PacketLogModel m;
    m.appendDatagram(Datagram{QByteArray("a"), QHostAddress::LocalHost, 1, 0}, PacketLogModel::Received);
    m.appendDatagram(Datagram{QByteArray("b"), QHostAddress::LocalHost, 1, 0}, PacketLogModel::Sent);
    m.commitPending();
    const auto colour = [&m](int row) {
        return m.index(row, PacketLogModel::DirectionColumn).data(Qt::ForegroundRole).value<QBrush>().color();
    };
    QCOMPARE(colour(0), NetPoke::toneColor(NetPoke::Tone::Received));
    QCOMPARE(colour(1), NetPoke::toneColor(NetPoke::Tone::Sent));
}

namespace {
PacketLogModel::Row streamRow(const QByteArray &bytes, quint64 stream,
                              PacketLogModel::Direction dir = PacketLogModel::Received)
{
    PacketLogModel::Row r;
    r.data = bytes;
    r.peer = QHostAddress::LocalHost;
    r.port = 5000;
    r.direction = dir;
    r.stream = stream;
    return r;
}
QString content(const PacketLogModel &m, int row)
{
    return m.index(row, PacketLogModel::ContentColumn).data().toString();
}
} // namespace

// 你好 in GB2312 is c4e3 bac3; the second character is cut between two reads. Each row keeps its own bytes
// (Length, Hex); the character is shown once, in the row where it ends. Another stream in between does not
// disturb it.
void tst_PacketLogModel::streamCharacterSplitAcrossRowsShownOnce()
{
    PacketLogModel m;
    m.setEncoding(QStringLiteral("GB2312"));
    m.appendRows({streamRow("\xc4\xe3\xba", 1), streamRow("\xba", 2, PacketLogModel::Sent),
                  streamRow("\xc3!", 1)});
    m.commitPending();
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(content(m, 0), QStringLiteral("你"));
    QCOMPARE(content(m, 2), QStringLiteral("好!"));
    QCOMPARE(m.index(0, PacketLogModel::LengthColumn).data().toInt(), 3);
    QCOMPARE(m.index(2, PacketLogModel::LengthColumn).data().toInt(), 2);
    QCOMPARE(m.rawBytes(2), QByteArray("\xc3!"));
    m.setContentMode(PacketLogModel::HexContent);
    QCOMPARE(content(m, 0), QStringLiteral("c4 e3 ba"));
    QCOMPARE(content(m, 2), QStringLiteral("c3 21"));
    // Rows on their own (datagrams) never join.
    m.setContentMode(PacketLogModel::TextContent);
    m.appendRows({streamRow("\xc4", 0), streamRow("\xe3", 0)});
    m.commitPending();
    QCOMPARE(content(m, 3), QStringLiteral("\\xC4"));
}

void tst_PacketLogModel::streamCarryFollowsEncodingChange()
{
    PacketLogModel m;
    m.setEncoding(QStringLiteral("UTF-8"));
    // 你 in UTF-8 is e4 bd a0, cut after its first byte.
    m.appendRows({streamRow("a\xe4", 7), streamRow("\xbd\xa0" "b", 7)});
    m.commitPending();
    QCOMPARE(content(m, 0), QStringLiteral("a"));
    QCOMPARE(content(m, 1), QStringLiteral("你b"));
    // As Latin-1 every byte is a character of its own: nothing is carried.
    m.setEncoding(QStringLiteral("Latin-1"));
    QCOMPARE(content(m, 0), QStringLiteral("a\u00e4"));
    QCOMPARE(content(m, 1).size(), 3);
    m.setEncoding(QStringLiteral("UTF-8"));
    QCOMPARE(content(m, 1), QStringLiteral("你b"));
}

void tst_PacketLogModel::endedStreamShowsHeldBackBytes()
{
    PacketLogModel m;
    m.setEncoding(QStringLiteral("GB2312"));
    m.appendRows({streamRow("ok\xc4", 3)});
    m.commitPending();
    QCOMPARE(content(m, 0), QStringLiteral("ok"));
    QSignalSpy changed(&m, &PacketLogModel::dataChanged);
    m.endStream(3);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(content(m, 0), QStringLiteral("ok\\xC4"));
    // A new stream with the same key starts afresh.
    m.appendRows({streamRow("x", 3)});
    m.commitPending();
    QCOMPARE(content(m, 1), QStringLiteral("x"));
}

void tst_PacketLogModel::streamRowsJoinedAreTheWholeText_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<bool>("ascii");
    for (const char *e : {"UTF-8", "GB2312", "GB18030", "Big5"}) {
        QTest::newRow(qPrintable(QString::fromLatin1(e) + QStringLiteral(" random"))) << QString::fromLatin1(e) << true;
        QTest::newRow(qPrintable(QString::fromLatin1(e) + QStringLiteral(" no ASCII"))) << QString::fromLatin1(e) << false;
    }
}

// Rows of every length (1 byte to 5000) cut out of random bytes: joined, the rows' texts are the text of the
// whole stream, however the characters fall across rows (the carry is found without copying long rows).
void tst_PacketLogModel::streamRowsJoinedAreTheWholeText()
{
    QFETCH(QString, encoding);
    QFETCH(bool, ascii);
    QRandomGenerator rng(42);
    QByteArray stream(200000, Qt::Uninitialized);
    for (char &c : stream)
        c = char(ascii ? rng.bounded(256) : 0x81 + rng.bounded(0x7e));
    PacketLogModel m;
    m.setEncoding(encoding);
    QList<PacketLogModel::Row> rows;
    for (qsizetype at = 0; at < stream.size();) {
        const qsizetype n = qMin<qsizetype>(stream.size() - at, 1 + rng.bounded(rng.bounded(2) ? 8 : 5000));
        rows.append(streamRow(stream.mid(at, n), 9));
        at += n;
    }
    m.appendRows(rows);
    m.endStream(9);
    m.commitPending();
    QCOMPARE(m.rowCount(), rows.size());
    QString joined;
    for (int r = 0; r < m.rowCount(); ++r)
        joined += m.decodedText(r);
    QCOMPARE(joined, NetPoke::TextCodec::decode(stream, encoding));
}

// The row cap bounds rows, not bytes: 1000 reads of 256 KiB would be 250 MiB. The log keeps the newest rows
// within its byte cap; what it dropped is counted, and the counts stay exact.
void tst_PacketLogModel::byteCapBoundsMemory()
{
    PacketLogModel m;
    QCOMPARE(m.byteCap(), PacketLogModel::DefaultByteCap);
    QVERIFY(m.byteCap() <= 64 * 1024 * 1024);
    const int rowBytes = 256 * 1024;
    int appended = 0;
    for (int batch = 0; batch < 100; ++batch) {
        QList<PacketLogModel::Row> rows;
        for (int i = 0; i < 10; ++i)
            rows.append(streamRow(QByteArray(rowBytes, char(appended++ % 251)), 5));
        m.appendRows(rows);
        QVERIFY(m.keptBytes() <= m.byteCap());
        if (batch % 3 == 0)
            m.commitPending();
        QVERIFY(m.keptBytes() <= m.byteCap());
    }
    m.commitPending();
    QCOMPARE(m.totalAppended(), quint64(1000));
    QVERIFY(m.keptBytes() <= m.byteCap());
    QCOMPARE(m.keptBytes(), qint64(m.rowCount()) * rowBytes);
    QCOMPARE(m.rowCount(), int(m.byteCap() / rowBytes));   // as many as fit
    QCOMPARE(m.droppedRows() + quint64(m.rowCount()), quint64(1000));
    // The newest rows, in order.
    for (int r = 0; r < m.rowCount(); ++r)
        QCOMPARE(m.rawBytes(r).at(0), char((1000 - m.rowCount() + r) % 251));

    // Datagrams too (a UDP flood of 64 KiB datagrams).
    PacketLogModel u;
    u.setByteCap(1024 * 1024);
    QList<Datagram> big;
    for (int i = 0; i < 100; ++i)
        big.append(Datagram{QByteArray(65536, char(i)), QHostAddress::LocalHost, 4000, 1000});
    u.appendDatagrams(big, PacketLogModel::Received);
    QVERIFY(u.keptBytes() <= 1024 * 1024);
    u.commitPending();
    u.appendDatagrams(big.mid(0, 3), PacketLogModel::Received);
    u.commitPending();
    QCOMPARE(u.rowCount(), 16);
    QCOMPARE(u.keptBytes(), qint64(16) * 65536);
    QCOMPARE(u.rawBytes(15).at(0), char(2));
    QCOMPARE(u.rawBytes(0).at(0), char(87));
    QCOMPARE(u.totalAppended(), quint64(103));
    // A row larger than the cap is still shown (the newest row always is).
    u.appendDatagrams({Datagram{QByteArray(2 * 1024 * 1024, 'x'), QHostAddress::LocalHost, 4000, 1000}},
                      PacketLogModel::Received);
    u.commitPending();
    QCOMPARE(u.rowCount(), 1);
    QCOMPARE(u.rawBytes(0).size(), 2 * 1024 * 1024);
}

void tst_PacketLogModel::byteCapLowered()
{
    PacketLogModel m;
    for (int i = 0; i < 50; ++i)
        m.appendRows({streamRow(QByteArray(1000, char('a' + i % 26)), 0)});
    m.commitPending();
    m.appendRows({streamRow(QByteArray(1000, 'Z'), 0)});   // pending
    QCOMPARE(m.keptBytes(), qint64(51000));
    m.setByteCap(10000);
    QCOMPARE(m.keptBytes(), qint64(10000));
    m.commitPending();
    QCOMPARE(m.rowCount(), 10);
    QCOMPARE(m.rawBytes(9), QByteArray(1000, 'Z'));
    QCOMPARE(m.rawBytes(0), QByteArray(1000, char('a' + 41 % 26)));
    QCOMPARE(m.droppedRows(), quint64(41));
}

// The view shows what its width can: only those characters are decoded, and they are exactly what the whole
// row's text shows.
void tst_PacketLogModel::shownCharsLimitDecoding()
{
    QRandomGenerator rng(7);
    QByteArray noise(65536, Qt::Uninitialized);
    for (char &c : noise)
        c = char(rng.bounded(256));
    const QByteArray chinese = QByteArray("\xe4\xbd\xa0\xe5\xa5\xbd").repeated(10000);
    for (const char *encoding : {"UTF-8", "GB18030"}) {
        PacketLogModel m;
        m.setEncoding(QString::fromLatin1(encoding));
        m.appendRows({streamRow("\xe4", 4), streamRow(chinese, 4), streamRow(noise, 4), streamRow("short", 4)});
        m.commitPending();
        for (const int shown : {16, 100, 333, PacketLogModel::MaxShownChars}) {
            m.setShownChars(shown);
            QCOMPARE(m.shownChars(), shown);
            for (const auto mode : {PacketLogModel::TextContent, PacketLogModel::HexContent,
                                    PacketLogModel::TextAndHexContent}) {
                m.setContentMode(mode);
                for (int r = 0; r < m.rowCount(); ++r)
                    QCOMPARE(content(m, r), NetPoke::TextCodec::visibleText(m.contentText(r), shown));
            }
        }
        m.setShownChars(1000000);
        QCOMPARE(m.shownChars(), int(PacketLogModel::MaxShownChars));
    }
}

QTEST_MAIN(tst_PacketLogModel)
#include "tst_packetlogmodel.moc"
