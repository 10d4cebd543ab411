// The TFTP ladder (LadderView, LadderWindow) under QT_QPA_PLATFORM=offscreen: rows made from trace entries
// (opcode, block, direction for either side's trace, retransmission, teaching drop, gaps), the ladder of a
// real small download from the built-in server on 127.0.0.1 (port 0), PNG and SVG export, following a live
// transfer, and the hooks in both TFTP tabs ("Ladder…", the Teaching group). With NETPOKE_LADDER_SHOTS set
// to a folder, it also saves pictures of the ladder at 1x and 2x font size there.

#include "guitestutil.h"
#include "ladderview.h"
#include "ladderwindow.h"
#include "tftppanel.h"
#include "tftpserverpanel.h"
#include "tftp/tftpclient.h"
#include "tftp/tftpserver.h"
#include "tftp/tftpteaching.h"

#include <QApplication>
#include <QFile>
#include <QGroupBox>
#include <QImage>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace NetPoke;
using NetPoke::Tftp::TraceEntry;

namespace {

TraceEntry entry(qint64 ms, bool out, const QString &summary, bool re = false, bool error = false)
{
    TraceEntry e;
    e.elapsedMs = ms;
    e.outgoing = out;
    e.summary = summary;
    e.retransmission = re;
    e.error = error;
    return e;
}

TraceEntry gap(quint64 blocks)
{
    TraceEntry e;
    e.note = true;
    e.skippedBlocks = blocks;
    e.summary = QStringLiteral("… %1 blocks not shown").arg(blocks);
    return e;
}

QList<TraceEntry> sampleTrace()
{
    return {entry(0, true, QStringLiteral("RRQ boot.bin octet blksize=512 tsize=0")),
            entry(2, false, QStringLiteral("OACK blksize=512 tsize=1600")),
            entry(3, true, QStringLiteral("ACK 0")),
            entry(4, false, QStringLiteral("DATA 1 (512 bytes)")),
            entry(5, true, QStringLiteral("ACK 1") + Tftp::teachingDropSuffix(), false, true),
            gap(3139),
            entry(1005, false, QStringLiteral("DATA 1 (512 bytes)"), true),
            entry(1006, true, QStringLiteral("ACK 1")),
            entry(1010, false, QStringLiteral("ERROR 1 File not found"), false, true)};
}

QStringList opcodes(const QList<LadderRow> &rows)
{
    QStringList list;
    for (const LadderRow &r : rows)
        list.append(r.kind == LadderRow::Packet ? r.opcode + (r.block >= 0 ? QStringLiteral(" %1").arg(r.block) : QString())
                                                : QStringLiteral("note"));
    return list;
}

} // namespace

class tst_ladderview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rowsFromEntries();
    void serverSideFlipsArrows();
    void smallDownload();
    void exportPngAndSvg();
    void followsLiveTransfer();
    void bounded();
    void tabsHaveHooks();
    void shots();

private:
    GuiTest::SettingsSandbox m_sandbox{"tst_ladderview"};
    QTemporaryDir m_dir;
};

void tst_ladderview::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_ladderview::rowsFromEntries()
{
    LadderView view;
    view.setClientSide(true);
    view.setEntries(sampleTrace());
    const QList<LadderRow> &rows = view.rows();
    QCOMPARE(opcodes(rows), QStringList({"RRQ", "OACK", "ACK 0", "DATA 1", "ACK 1", "note", "DATA 1", "ACK 1", "ERROR"}));
    QVERIFY(rows.at(0).fromClient);
    QVERIFY(!rows.at(1).fromClient);
    QVERIFY(rows.at(4).dropped);
    QVERIFY(rows.at(4).fromClient);
    QCOMPARE(rows.at(5).kind, LadderRow::Gap);
    QCOMPARE(rows.at(5).skippedBlocks, quint64(3139));
    QVERIFY(rows.at(6).retransmission);
    QVERIFY(!rows.at(6).dropped);
    QVERIFY(!rows.at(7).dropped);
    QVERIFY(rows.at(8).error);
    // A DATA entry with more after the size keeps its block number.
    QCOMPARE(ladderRow(entry(0, false, QStringLiteral("DATA 65535 (512 bytes), duplicate")), true).block, 65535);
    // Not a packet's summary (e.g. a stranger's datagram): an arrow without an opcode.
    QVERIFY(ladderRow(entry(0, false, QStringLiteral("5 bytes from unknown port 127.0.0.1:9")), true).opcode.isEmpty());
}

void tst_ladderview::serverSideFlipsArrows()
{
    const LadderRow request = ladderRow(entry(0, false, QStringLiteral("RRQ a octet")), false);
    QVERIFY(request.fromClient);   // the server received it: from the client
    const LadderRow data = ladderRow(entry(1, true, QStringLiteral("DATA 1 (512 bytes)")), false);
    QVERIFY(!data.fromClient);
}

// A real transfer: 3 blocks lock-step from the built-in server, through the client's trace.
void tst_ladderview::smallDownload()
{
    const QString root = m_dir.filePath(QStringLiteral("root"));
    QVERIFY(QDir().mkpath(root));
    QFile f(root + QStringLiteral("/small.bin"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(2 * 512 + 100, 'x'));
    f.close();
    Tftp::Server server;
    Tftp::Server::Settings s;
    s.root = root;
    s.port = 0;
    s.trace = true;
    server.setSettings(s);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    Tftp::Client client;
    Tftp::ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 1;
    client.setOptions(o);
    client.setTraceEnabled(true);
    LadderView view;
    view.resize(800, 600);
    view.show();
    connect(&client, &Tftp::Client::packetTraced, &view, &LadderView::addEntry);
    QSignalSpy finished(&client, &Tftp::Client::finished);
    QSignalSpy serverDone(&server, &Tftp::Server::transferFinished);
    QVERIFY(client.download(QStringLiteral("127.0.0.1"), server.port(), QStringLiteral("small.bin"),
                            m_dir.filePath(QStringLiteral("small.out"))));
    QVERIFY(finished.wait(20000));
    QVERIFY(finished.first().first().toBool());
    QCOMPARE(opcodes(view.rows()),
             QStringList({"RRQ", "OACK", "ACK 0", "DATA 1", "ACK 1", "DATA 2", "ACK 2", "DATA 3", "ACK 3"}));
    QVERIFY(view.rows().first().fromClient);
    QVERIFY(!view.rows().at(3).fromClient);

    // The server's trace of the same transfer draws the same arrows.
    QTRY_COMPARE(serverDone.size(), 1);
    const quint64 id = serverDone.first().first().value<Tftp::TransferInfo>().id;
    LadderView serverView;
    serverView.setClientSide(false);
    serverView.setEntries(server.trace(id));
    QCOMPARE(opcodes(serverView.rows()), opcodes(view.rows()));
    for (int i = 0; i < view.rows().size(); ++i)
        QCOMPARE(serverView.rows().at(i).fromClient, view.rows().at(i).fromClient);
}

void tst_ladderview::exportPngAndSvg()
{
    LadderWindow window;
    window.view()->setEndpoints(QStringLiteral("127.0.0.1:40000"), QStringLiteral("127.0.0.1:69"));
    window.setHeading(QStringLiteral("Download boot.bin"));
    window.view()->setEntries(sampleTrace());
    window.resize(700, 500);
    window.show();
    const QString png = m_dir.filePath(QStringLiteral("ladder.png"));
    const QString svg = m_dir.filePath(QStringLiteral("ladder.svg"));
    QVERIFY2(window.exportTo(png), qPrintable(window.errorString()));
    QVERIFY2(window.exportTo(svg), qPrintable(window.errorString()));
    QImage image;
    QVERIFY(image.load(png));
    QVERIFY(image.width() >= 300);
    // Header and 9 rows: taller than the header alone.
    QVERIFY(image.height() > window.view()->fullSize(image.width()).height() / 2);
    // Not blank: some pixels differ from the background.
    const QRgb background = image.pixel(image.width() - 1, image.height() - 1);
    int differing = 0;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            differing += image.pixel(x, y) != background ? 1 : 0;
    QVERIFY(differing > 100);
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("DATA 1"));
    // A folder that does not exist: an error, not a crash.
    QVERIFY(!window.exportTo(m_dir.filePath(QStringLiteral("missing/ladder.png"))));
    QVERIFY(!window.errorString().isEmpty());
}

void tst_ladderview::followsLiveTransfer()
{
    LadderView view;
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    for (int i = 1; i <= 60; ++i)
        view.addEntry(entry(i, i % 2 == 0, QStringLiteral("DATA %1 (512 bytes)").arg(i)));
    QScrollBar *bar = view.verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    // Scrolled up by the user: new rows do not pull the view down.
    bar->setValue(0);
    view.addEntry(entry(61, false, QStringLiteral("DATA 61 (512 bytes)")));
    QCOMPARE(bar->value(), 0);
    bar->setValue(bar->maximum());
    view.addEntry(entry(62, false, QStringLiteral("DATA 62 (512 bytes)")));
    QCOMPARE(bar->value(), bar->maximum());
}

void tst_ladderview::bounded()
{
    LadderView view;
    QList<TraceEntry> many;
    for (int i = 0; i < LadderView::MaxRows + 10; ++i)
        many.append(entry(i, true, QStringLiteral("ACK %1").arg(i)));
    view.setEntries(many);
    QCOMPARE(view.rows().size(), qsizetype(LadderView::MaxRows));
    QVERIFY(view.isTruncated());
}

static QPushButton *ladderButton(QWidget *w)
{
    for (QPushButton *b : w->findChildren<QPushButton *>())
        if (b->text() == LadderWindow::tr("Ladder…"))
            return b;
    return nullptr;
}

void tst_ladderview::tabsHaveHooks()
{
    TftpPanel client;
    client.show();
    QPushButton *open = ladderButton(&client);
    QVERIFY(open);
    QVERIFY(client.findChild<TeachingBox *>());
    open->click();
    LadderWindow *window = client.findChild<LadderWindow *>();
    QVERIFY(window);
    QVERIFY(window->isVisible());
    window->close();

    TftpServerPanel server;
    server.show();
    QPushButton *serverOpen = ladderButton(&server);
    QVERIFY(serverOpen);
    QVERIFY(!serverOpen->isEnabled());   // nothing selected
    QVERIFY(server.findChild<TeachingBox *>());
}

// Pictures to look at (not an assertion): NETPOKE_LADDER_SHOTS=/tmp/shots.
void tst_ladderview::shots()
{
    const QString dir = qEnvironmentVariable("NETPOKE_LADDER_SHOTS");
    if (dir.isEmpty())
        QSKIP("NETPOKE_LADDER_SHOTS not set");
    for (const int zoom : {1, 2}) {
        LadderWindow window;
        QFont font = window.font();
        font.setPointSizeF(font.pointSizeF() * zoom);
        window.setFont(font);
        window.view()->setEndpoints(QStringLiteral("127.0.0.1:40000"), QStringLiteral("127.0.0.1:6969"));
        window.setHeading(QStringLiteral("Download boot.bin"));
        window.view()->setEntries(sampleTrace());
        window.resize(700 * zoom, 520 * zoom);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.grab().save(QStringLiteral("%1/ladder-window-%2x.png").arg(dir).arg(zoom));
        window.exportTo(QStringLiteral("%1/ladder-export-%2x.png").arg(dir).arg(zoom));
        window.exportTo(QStringLiteral("%1/ladder-export-%2x.svg").arg(dir).arg(zoom));
    }
    TftpPanel panel;
    panel.resize(1100, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTest::qWait(300);   // the panels size their forms from the event loop
    panel.grab().save(dir + QStringLiteral("/tftp-tab.png"));
    TftpServerPanel server;
    server.resize(1100, 800);
    server.show();
    QVERIFY(QTest::qWaitForWindowExposed(&server));
    QTest::qWait(300);
    server.grab().save(dir + QStringLiteral("/server-tab.png"));
}

QTEST_MAIN(tst_ladderview)
#include "tst_ladderview.moc"
