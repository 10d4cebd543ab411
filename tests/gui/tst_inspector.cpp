// The packet inspector: a RRQ with options as fields, field -> bytes and byte -> field selection, the copy
// formats, the encoding of the text column, the UDP tab's log rows and both TFTP tabs' traces.

#include "../integration/servertestutil.h"
#include "guitestutil.h"
#include "hexview.h"
#include "inspectorwidget.h"
#include "packetlogmodel.h"
#include "tftp/tftppacket.h"
#include "tftp/tftptrace.h"
#include "tftppanel.h"
#include "tftpserverpanel.h"
#include "tftptransfermodel.h"
#include "tracetext.h"
#include "udppanel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QVBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextBlock>
#include <QTreeView>

using namespace NetPoke;
using GuiTest::child;

namespace {

QByteArray rrqBytes()
{
    return Tftp::Packet::rrq("boot.bin", "octet", {{"blksize", "1468"}, {"tsize", "0"}}).serialize();
}

// The index of the row named name (column 0) whose value (column 1) starts with value, under parent.
QModelIndex findRow(const QAbstractItemModel *m, const QString &name, const QString &value = {},
                    const QModelIndex &parent = {})
{
    for (int r = 0; r < m->rowCount(parent); ++r) {
        const QModelIndex i = m->index(r, 0, parent);
        if (i.data().toString() == name && m->index(r, 1, parent).data().toString().startsWith(value))
            return i;
    }
    return {};
}

QString selectedName(const InspectorWidget &w)
{
    return w.fieldView()->currentIndex().siblingAtColumn(0).data().toString();
}

} // namespace

class tst_inspector : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void init() { m_settings.clear(); }
    void rrqOptionsAreFields();
    void fieldSelectsItsBytes();
    void clickingAByteSelectsItsField();
    void copyFormats();
    void encodingOfTheTextColumn();
    void rawBytesAreOneField();
    void malformedIsShown();
    void udpRowShowsItsBytes();
    void traceLineShowsItsPacket();
    void tftpTabsTraceShowPackets();
    void screenshots();

private:
    GuiTest::SettingsSandbox m_settings{"tst_inspector"};
};

void tst_inspector::rrqOptionsAreFields()
{
    InspectorWidget w;
    w.setBytes(rrqBytes(), QStringLiteral("UTF-8"), InspectorWidget::Protocol::Tftp);
    const QAbstractItemModel *m = w.fieldView()->model();
    QCOMPARE(m->rowCount(), 5);
    QCOMPARE(m->index(0, 1).data().toString(), QStringLiteral("RRQ (1)"));
    QCOMPARE(findRow(m, "File name").siblingAtColumn(1).data().toString(), QStringLiteral("boot.bin"));
    QCOMPARE(findRow(m, "Mode").siblingAtColumn(1).data().toString(), QStringLiteral("octet"));
    const QModelIndex blk = findRow(m, "Option", "blksize = 1468");
    const QModelIndex tsize = findRow(m, "Option", "tsize = 0");
    QVERIFY(blk.isValid() && tsize.isValid());
    QVERIFY(findRow(m, "Name", "blksize (block size", blk).isValid());
    QCOMPARE(findRow(m, "Value", "", blk).siblingAtColumn(1).data().toString(), QStringLiteral("1468"));
    QVERIFY(w.fieldView()->isExpanded(blk));
    QCOMPARE(w.summary(), QStringLiteral("TFTP: RRQ boot.bin octet blksize=1468 tsize=0"));
    w.resize(1000, 300);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(child<QLabel>(w, "inspectorSummary")->text(), w.summary());
    // Narrow: elided, never widening the pane; the tree goes above the dump.
    QCOMPARE(child<QSplitter>(w, "inspectorSplitter")->orientation(), Qt::Horizontal);
    w.resize(420, 300);
    QVERIFY(child<QLabel>(w, "inspectorSummary")->text().endsWith(QChar(0x2026)));
    QCOMPARE(child<QSplitter>(w, "inspectorSplitter")->orientation(), Qt::Vertical);
    QCOMPARE(child<QComboBox>(w, "inspectorEncoding")->itemText(0), QStringLiteral("As the tab (UTF-8)"));
    QCOMPARE(child<QLabel>(w, "inspectorSummary")->textFormat(), Qt::PlainText);
}

void tst_inspector::fieldSelectsItsBytes()
{
    InspectorWidget w;
    w.resize(900, 400);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.setBytes(rrqBytes(), QStringLiteral("UTF-8"), InspectorWidget::Protocol::Tftp);
    const QAbstractItemModel *m = w.fieldView()->model();
    const QModelIndex value = findRow(m, "Value", "", findRow(m, "Option", "blksize"));
    // "1468\0" at 25..29.
    w.fieldView()->setCurrentIndex(value.siblingAtColumn(1));
    QCOMPARE(w.hexView()->highlightOffset(), qsizetype(25));
    QCOMPARE(w.hexView()->highlightLength(), qsizetype(5));
    QCOMPARE(w.selectedBytes(), QByteArray("1468\0", 5));
    // The whole option: name and value.
    w.fieldView()->setCurrentIndex(findRow(m, "Option", "blksize"));
    QCOMPARE(w.hexView()->highlightOffset(), qsizetype(17));
    QCOMPARE(w.hexView()->highlightLength(), qsizetype(13));
    // By a click in the tree, as a user does.
    const QModelIndex mode = findRow(m, "Mode");
    QTest::mouseClick(w.fieldView()->viewport(), Qt::LeftButton, {}, w.fieldView()->visualRect(mode).center());
    QCOMPARE(selectedName(w), QStringLiteral("Mode"));
    QCOMPARE(w.hexView()->highlightOffset(), qsizetype(11));
    QCOMPARE(w.hexView()->highlightLength(), qsizetype(6));
}

void tst_inspector::clickingAByteSelectsItsField()
{
    InspectorWidget w;
    w.resize(900, 400);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.setBytes(rrqBytes(), QStringLiteral("UTF-8"), InspectorWidget::Protocol::Tftp);
    HexView *hex = w.hexView();
    QCOMPARE(hex->byteAt(hex->byteCenter(26)), qsizetype(26));
    QCOMPARE(hex->byteAt(hex->byteCenter(26, true)), qsizetype(26));
    // '4' of "1468" (byte 26) in the hex part: the blksize option's Value.
    QTest::mouseClick(hex->viewport(), Qt::LeftButton, {}, hex->byteCenter(26));
    QCOMPARE(selectedName(w), QStringLiteral("Value"));
    QCOMPARE(w.fieldView()->currentIndex().parent().siblingAtColumn(1).data().toString(), QStringLiteral("blksize = 1468"));
    QCOMPARE(hex->highlightOffset(), qsizetype(25));
    QCOMPARE(hex->highlightLength(), qsizetype(5));
    // 'b' of "boot.bin" (byte 2) in the text part: the file name.
    QTest::mouseClick(hex->viewport(), Qt::LeftButton, {}, hex->byteCenter(2, true));
    QCOMPARE(selectedName(w), QStringLiteral("File name"));
    QCOMPARE(hex->highlightOffset(), qsizetype(2));
    QCOMPARE(hex->highlightLength(), qsizetype(9));
    // The opcode's second byte.
    QTest::mouseClick(hex->viewport(), Qt::LeftButton, {}, hex->byteCenter(1));
    QCOMPARE(selectedName(w), QStringLiteral("Opcode"));
    // Between the offset and the hex: no byte, nothing changes.
    QCOMPARE(hex->byteAt(QPoint(2, hex->byteCenter(0).y())), qsizetype(-1));
}

void tst_inspector::copyFormats()
{
    InspectorWidget w;
    w.setBytes(rrqBytes(), QStringLiteral("UTF-8"), InspectorWidget::Protocol::Tftp);
    // Nothing selected: the whole packet.
    QCOMPARE(w.copyAsHex(), QStringLiteral("00 01 62 6f 6f 74 2e 62 69 6e 00 6f 63 74 65 74 00 62 6c 6b 73 69 7a 65 00 "
                                           "31 34 36 38 00 74 73 69 7a 65 00 30 00"));
    QCOMPARE(QApplication::clipboard()->text(), w.copyAsHex());
    QCOMPARE(w.copyAsPython(), QStringLiteral("b'\\x00\\x01boot.bin\\x00octet\\x00blksize\\x001468\\x00tsize\\x000\\x00'"));
    // The blksize value selected: its five bytes.
    const QAbstractItemModel *m = w.fieldView()->model();
    w.fieldView()->setCurrentIndex(findRow(m, "Value", "", findRow(m, "Option", "blksize")));
    const QString c = w.copyAsCArray();
    QCOMPARE(c, QStringLiteral("const unsigned char packet[5] = {\n    0x31, 0x34, 0x36, 0x38, 0x00\n};\n"));
    QCOMPARE(QApplication::clipboard()->text(), c);
    QCOMPARE(w.copyAsPython(), QStringLiteral("b'1468\\x00'"));
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("b'1468\\x00'"));
    // The menu's actions do the same.
    auto *copyC = w.findChild<QAction *>(QStringLiteral("copyAsCArray"));
    QVERIFY(copyC);
    QApplication::clipboard()->clear();
    copyC->trigger();
    QCOMPARE(QApplication::clipboard()->text(), c);
    QCOMPARE(w.findChild<QAction *>(QStringLiteral("copyAsHex"))->text(), QStringLiteral("Copy as hex"));
    QCOMPARE(w.findChild<QAction *>(QStringLiteral("copyAsPython"))->text(), QStringLiteral("Copy as Python bytes"));
}

void tst_inspector::encodingOfTheTextColumn()
{
    InspectorWidget w;
    const QByteArray gb("\xc4\xe3\xba\xc3", 4);   // 你好 in GB2312
    w.setBytes(gb, QStringLiteral("gb2312"));
    QCOMPARE(w.encoding(), QStringLiteral("GB2312"));
    QCOMPARE(w.hexView()->dump().textCell(0), QString(QChar(0x4F60)));
    QCOMPARE(w.hexView()->dump().textCell(1), QString(Inspect::HexDump::ContinuationMark));
    // The tab's encoding changes: the text column follows.
    w.setTabEncoding(QStringLiteral("UTF-8"));
    QCOMPARE(w.hexView()->dump().textCell(0), QString(Inspect::HexDump::NonPrintableMark));
    // A choice of the inspector's own wins over the tab's.
    auto *combo = child<QComboBox>(w, "inspectorEncoding");
    combo->setCurrentIndex(combo->findData(QStringLiteral("GBK")));
    QCOMPARE(w.encoding(), QStringLiteral("GBK"));
    QCOMPARE(w.hexView()->dump().textCell(2), QString(QChar(0x597D)));
    w.setTabEncoding(QStringLiteral("Latin-1"));
    QCOMPARE(w.encoding(), QStringLiteral("GBK"));
    combo->setCurrentIndex(0);
    QCOMPARE(w.encoding(), QStringLiteral("Latin-1"));
}

void tst_inspector::rawBytesAreOneField()
{
    InspectorWidget w;
    w.setBytes(QByteArray("hello\n"), QStringLiteral("UTF-8"));
    const QAbstractItemModel *m = w.fieldView()->model();
    QCOMPARE(m->rowCount(), 1);
    QCOMPARE(m->index(0, 0).data().toString(), QStringLiteral("Raw data"));
    QCOMPARE(m->index(0, 1).data().toString(), QStringLiteral("6 bytes"));
    QCOMPARE(w.hexView()->dump().lineText(0), QStringLiteral("0000  68 65 6c 6c 6f 0a                                 hello."));
    w.clear();
    QCOMPARE(m->rowCount(), 0);
    QVERIFY(w.bytes().isEmpty());
    QCOMPARE(w.summary(), QStringLiteral("Select a packet to see its bytes."));
}

void tst_inspector::malformedIsShown()
{
    InspectorWidget w;
    w.setBytes(QByteArray("\0\4\0\1x", 5), QStringLiteral("UTF-8"), InspectorWidget::Protocol::Tftp);
    const QAbstractItemModel *m = w.fieldView()->model();
    const QModelIndex bad = findRow(m, "Malformed");
    QVERIFY(bad.isValid());
    QCOMPARE(bad.siblingAtColumn(1).data().toString(), QStringLiteral("ACK packet: 1 bytes after the block number"));
    QCOMPARE(w.summary(), QStringLiteral("TFTP: ACK packet: 1 bytes after the block number"));
}

void tst_inspector::udpRowShowsItsBytes()
{
    UdpPanel p;
    p.resize(1200, 800);
    p.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p));
    auto *inspector = p.findChild<InspectorWidget *>();
    QVERIFY(inspector);
    QVERIFY(inspector->isVisible());
    auto *split = child<QSplitter>(p, "logInspectorSplitter");
    QCOMPARE(split->orientation(), Qt::Vertical);
    QCOMPARE(split->widget(0), child<QTableView>(p, "logView"));
    QCOMPARE(split->widget(1), inspector);
    QVERIFY(inspector->height() > 100);

    Datagram a;
    a.data = QByteArray("first");
    a.peer = QHostAddress::LocalHost;
    a.peerPort = 9;
    Datagram b = a;
    b.data = QByteArray("\xc4\xe3\xba\xc3\n", 5);
    p.logModel()->appendDatagrams({a, b}, PacketLogModel::Received);
    p.logModel()->commitPending();
    auto *log = child<QTableView>(p, "logView");
    QCOMPARE(log->model()->rowCount(), 2);
    log->selectRow(1);
    QCOMPARE(inspector->bytes(), b.data);
    QCOMPARE(inspector->dissection().fields.size(), 1);
    QCOMPARE(inspector->dissection().fields.first().name, QStringLiteral("Raw data"));
    // The log's encoding is the text column's.
    auto *logEncoding = child<QComboBox>(p, "logEncoding");
    logEncoding->setCurrentIndex(logEncoding->findData(QStringLiteral("GB2312")));
    QCOMPARE(inspector->encoding(), QStringLiteral("GB2312"));
    QCOMPARE(inspector->hexView()->dump().textCell(0), QString(QChar(0x4F60)));
    // A click on the other row.
    QTest::mouseClick(log->viewport(), Qt::LeftButton, {}, log->visualRect(log->model()->index(0, 2)).center());
    QCOMPARE(inspector->bytes(), a.data);
    // Clearing the log clears the inspector.
    QTest::mouseClick(child<QPushButton>(p, "clearButton"), Qt::LeftButton);
    p.logModel()->commitPending();
    QVERIFY(inspector->bytes().isEmpty());
}

void tst_inspector::traceLineShowsItsPacket()
{
    QWidget host;
    auto *layout = new QVBoxLayout(&host);
    auto *above = new QLabel(QStringLiteral("above"));
    auto *trace = new QPlainTextEdit;
    layout->addWidget(above);
    layout->addWidget(trace, 1);
    InspectorWidget *inspector = InspectorWidget::attachBelow(trace, QStringLiteral("traceSplit"));
    // The splitter took the trace's place in the layout (and its stretch), the inspector under the trace.
    auto *split = child<QSplitter>(host, "traceSplit");
    QCOMPARE(layout->indexOf(split), 1);
    QCOMPARE(layout->stretch(1), 1);
    QCOMPARE(split->widget(0), trace);
    QCOMPARE(split->widget(1), inspector);
    InspectorWidget::linkTrace(trace, inspector);

    Tftp::TraceEntry rrq;
    rrq.summary = QStringLiteral("RRQ boot.bin octet blksize=1468 tsize=0");
    rrq.packet = rrqBytes();
    rrq.packetLength = rrq.packet.size();
    Tftp::TraceEntry note;
    note.note = true;
    note.summary = QStringLiteral("… 3 blocks not shown");
    Tftp::TraceEntry data;
    data.summary = QStringLiteral("DATA 4 (1468 bytes)");
    data.packet = Tftp::Trace::dataPacket(4, QByteArray(1468, 'z').constData(), 1468);
    data.packetLength = 4 + 1468;
    QCOMPARE(data.packet.size(), Tftp::TraceEntry::MaxPacketBytes);
    appendTraceEntry(trace, rrq);
    appendTraceEntry(trace, note);
    appendTraceEntry(trace, data);
    // The cursor followed the appended lines: nothing chosen, nothing shown.
    QVERIFY(trace->textCursor().atEnd());
    QVERIFY(inspector->bytes().isEmpty());
    trace->setTextCursor(QTextCursor(trace->document()->findBlockByNumber(0)));
    QCOMPARE(inspector->bytes(), rrqBytes());
    QCOMPARE(inspector->dissection().fields.at(0).value, QStringLiteral("RRQ (1)"));
    trace->setTextCursor(QTextCursor(trace->document()->findBlockByNumber(1)));
    QVERIFY(inspector->bytes().isEmpty());   // a note is no packet
    trace->setTextCursor(QTextCursor(trace->document()->findBlockByNumber(2)));
    QCOMPARE(inspector->bytes().size(), Tftp::TraceEntry::MaxPacketBytes);
    const Inspect::Field &payload = inspector->dissection().fields.at(2);
    QCOMPARE(payload.name, QStringLiteral("Data"));
    QCOMPARE(payload.value, QStringLiteral("1020 of 1468 bytes"));
    // A new line while a line is chosen leaves the choice alone; clearing the trace clears the inspector.
    trace->setTextCursor(QTextCursor(trace->document()->findBlockByNumber(0)));
    appendTraceEntry(trace, data);
    QCOMPARE(inspector->bytes(), rrqBytes());
    trace->clear();
    QVERIFY(inspector->bytes().isEmpty());
}

void tst_inspector::tftpTabsTraceShowPackets()
{
    // The server tab serves a folder on 127.0.0.1; the TFTP tab downloads from it with options.
    QTemporaryDir root;
    const QByteArray content = ServerTest::randomBytes(3000, 2);
    {
        QFile f(root.filePath(QStringLiteral("fw.bin")));
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(content) == content.size());
    }
    TftpServerPanel server;
    server.resize(1400, 900);
    server.show();
    child<QLineEdit>(server, "serverRoot")->setText(root.path());
    auto *address = child<QComboBox>(server, "serverAddress");
    address->setCurrentIndex(address->findData(QStringLiteral("127.0.0.1")));
    child<QSpinBox>(server, "serverPort")->setValue(0);
    QVERIFY(server.start());

    QTemporaryDir local;
    TftpPanel client;
    client.resize(1200, 900);
    client.show();
    QVERIFY(QTest::qWaitForWindowExposed(&client));
    QVERIFY(client.setServer(QStringLiteral("127.0.0.1"), server.server()->port()));
    child<QLineEdit>(client, "tftpRemoteFile")->setText(QStringLiteral("fw.bin"));
    child<QLineEdit>(client, "tftpLocalFile")->setText(local.filePath(QStringLiteral("fw.bin")));
    QTest::mouseClick(child<QPushButton>(client, "tftpStartButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(client, "tftpStartButton")->isEnabled(), 20000);

    // The client's trace: the first line is our RRQ, with its options as fields.
    auto *trace = child<QPlainTextEdit>(client, "tftpTrace");
    auto *clientInspector = client.findChild<InspectorWidget *>();
    QVERIFY(clientInspector);
    QVERIFY(trace->document()->blockCount() > 3);
    QTextCursor c(trace->document()->findBlockByNumber(0));
    trace->setTextCursor(c);
    QVERIFY2(trace->document()->findBlockByNumber(0).text().contains(QStringLiteral("RRQ fw.bin")),
             qPrintable(trace->document()->findBlockByNumber(0).text()));
    QCOMPARE(clientInspector->dissection().protocol, QStringLiteral("TFTP"));
    QVERIFY(!clientInspector->dissection().malformed);
    QCOMPARE(clientInspector->dissection().fields.at(0).value, QStringLiteral("RRQ (1)"));
    QVERIFY(Tftp::parse(clientInspector->bytes()).ok());
    QCOMPARE(Tftp::parse(clientInspector->bytes()).packet.fileName, QByteArray("fw.bin"));
    // Each packet line's bytes are that packet: its summary is the one shown (DATA and ACK lines too).
    int packets = 0;
    for (QTextBlock b = trace->document()->begin(); b.isValid(); b = b.next()) {
        QByteArray bytes;
        qint64 length = 0;
        if (!tracePacket(b, &bytes, &length))
            continue;
        ++packets;
        QVERIFY(length >= bytes.size());
        QVERIFY(bytes.size() <= Tftp::TraceEntry::MaxPacketBytes);
        if (length == bytes.size())
            QVERIFY2(b.text().contains(Tftp::parse(bytes).packet.summary()), qPrintable(b.text()));
    }
    QVERIFY(packets > 3);
    // A DATA line: the trace kept its first 1024 bytes of 1,4xx.
    for (QTextBlock b = trace->document()->begin(); b.isValid(); b = b.next()) {
        if (b.text().contains(QStringLiteral("DATA 1 ("))) {
            trace->setTextCursor(QTextCursor(b));
            break;
        }
    }
    QCOMPARE(clientInspector->dissection().fields.at(0).value, QStringLiteral("DATA (3)"));
    QVERIFY(clientInspector->bytes().size() <= Tftp::TraceEntry::MaxPacketBytes);

    // The server's trace of the transfer: the request as the server got it, then its OACK.
    TftpTransferModel *m = server.model();
    QTRY_VERIFY(m->rowCount() == 1);
    child<QTableView>(server, "serverTransfers")->selectRow(0);
    auto *serverTrace = child<QPlainTextEdit>(server, "serverTrace");
    auto *serverInspector = server.findChild<InspectorWidget *>();
    QVERIFY(serverInspector);
    QTRY_VERIFY(serverTrace->document()->blockCount() > 3);
    serverTrace->setTextCursor(QTextCursor(serverTrace->document()->findBlockByNumber(0)));
    QCOMPARE(Tftp::parse(serverInspector->bytes()).packet.opcode, Tftp::Opcode::Rrq);
    serverTrace->setTextCursor(QTextCursor(serverTrace->document()->findBlockByNumber(1)));
    QCOMPARE(serverInspector->dissection().fields.at(0).value, QStringLiteral("OACK (6)"));
    bool hasOption = false;
    for (const Inspect::Field &f : serverInspector->dissection().fields)
        hasOption |= f.name == QLatin1String("Option");
    QVERIFY(hasOption);
}

// Grabs for looking at the layout (not a check): NETPOKE_SHOT_DIR=/tmp/x and optionally NETPOKE_SHOT_ZOOM=2.
void tst_inspector::screenshots()
{
    const QString dir = qEnvironmentVariable("NETPOKE_SHOT_DIR");
    if (dir.isEmpty())
        QSKIP("NETPOKE_SHOT_DIR not set");
    const double zoom = qEnvironmentVariableIsSet("NETPOKE_SHOT_ZOOM") ? qEnvironmentVariable("NETPOKE_SHOT_ZOOM").toDouble() : 1.0;
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * zoom);
    InspectorWidget w;
    w.setFont(f);
    w.resize(int(820 * zoom), int(300 * zoom));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.setBytes(rrqBytes(), QStringLiteral("UTF-8"), InspectorWidget::Protocol::Tftp);
    const QAbstractItemModel *m = w.fieldView()->model();
    w.fieldView()->setCurrentIndex(findRow(m, "Value", "", findRow(m, "Option", "blksize")));
    QVERIFY(w.grab().save(dir + QStringLiteral("/inspector-rrq-%1x.png").arg(zoom)));
    QByteArray gb = QByteArray("\0\3\0\1", 4) + QByteArray(11, 'a') + QByteArray("\xd6\xd0\xce\xc4\n\x01\xff\\", 8)
                  + QByteArray("\xc4\xe3\xba\xc3", 4);
    w.setBytes(gb, QStringLiteral("GB2312"), InspectorWidget::Protocol::Tftp);
    QVERIFY(w.grab().save(dir + QStringLiteral("/inspector-gb2312-%1x.png").arg(zoom)));

    UdpPanel p;
    p.setFont(f);
    p.resize(int(1100 * zoom), int(760 * zoom));
    p.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p));
    Datagram a;
    a.data = QByteArray("\xe4\xbd\xa0\xe5\xa5\xbd, NetPoke!\r\n");
    a.peer = QHostAddress::LocalHost;
    a.peerPort = 7788;
    p.logModel()->appendDatagrams({a, a}, PacketLogModel::Received);
    p.logModel()->commitPending();
    child<QTableView>(p, "logView")->selectRow(1);
    QVERIFY(p.grab().save(dir + QStringLiteral("/inspector-udp-%1x.png").arg(zoom)));
}

QTEST_MAIN(tst_inspector)
#include "tst_inspector.moc"
