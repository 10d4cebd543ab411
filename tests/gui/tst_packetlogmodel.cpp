#include "colors.h"
#include "packetlogmodel.h"

#include <QBrush>
#include <QDateTime>

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

QTEST_MAIN(tst_PacketLogModel)
#include "tst_packetlogmodel.moc"
