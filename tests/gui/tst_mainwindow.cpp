#include "chatpanel.h"
#include "tftppanel.h"
#include "tftpserverpanel.h"
#include "guitestutil.h"
#include "chatsession.h"
#include "mainwindow.h"
#include "tcpclientpanel.h"
#include "tcpserverpanel.h"
#include "packetlogmodel.h"
#include "udppanel.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTextBlock>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QProgressBar>
#include <QTableView>
#include <QHeaderView>
#include <QTest>
#include <QUdpSocket>

using NetPoke::MainWindow;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tabsAndMenus();
    void zoomScalesWholeWindow();
    void statusBarShowsAddresses();
    void geometryAndZoomPersist();
    void chatTabShowsUnreadCount();
    void zoomScalesLogRowsAndKeepsButtonsWhole_data();
    void zoomScalesLogRowsAndKeepsButtonsWhole();
    void zoomGivesTheWindowSizeBack();
    void downloadFromThisServer();
    void presentationModeEnlargesDataViews();

private:
    QAction *action(MainWindow &w, const char *name)
    {
        return GuiTest::child<QAction>(w, name);
    }
    GuiTest::SettingsSandbox m_settings{"tst_mainwindow"};
};

void tst_MainWindow::initTestCase()
{
    m_settings.clear();
}

void tst_MainWindow::tabsAndMenus()
{
    MainWindow w;
    auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("tabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 7);
    QCOMPARE(tabs->tabText(0), QStringLiteral("UDP"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("TCP Client"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("TCP Server"));
    QCOMPARE(tabs->tabText(3), QStringLiteral("Chat"));
    QCOMPARE(tabs->tabText(4), QStringLiteral("TFTP"));
    QCOMPARE(tabs->tabText(5), QStringLiteral("TFTP Server"));
    QCOMPARE(tabs->tabText(6), QStringLiteral("Network"));
    QVERIFY(tabs->widget(0)->isAncestorOf(w.udpPanel()));
    QVERIFY(tabs->widget(1)->isAncestorOf(w.tcpClientPanel()));
    QVERIFY(tabs->widget(2)->isAncestorOf(w.tcpServerPanel()));
    QVERIFY(tabs->widget(5)->isAncestorOf(w.tftpServerPanel()));
    QStringList menus;
    for (QAction *a : w.menuBar()->actions())
        menus << a->text().remove(QLatin1Char('&'));
    QCOMPARE(menus, (QStringList{QStringLiteral("File"), QStringLiteral("View"), QStringLiteral("Help")}));
    for (const char *name : {"actionSaveLog", "actionQuit", "actionZoomIn", "actionZoomOut", "actionZoomReset", "actionAbout"})
        QVERIFY2(!action(w, name)->text().isEmpty(), name);
}

void tst_MainWindow::zoomScalesWholeWindow()
{
    MainWindow w;
    w.setZoom(1.0);
    const qreal base = w.udpPanel()->font().pointSizeF();
    action(w, "actionZoomIn")->trigger();
    QVERIFY(w.zoom() > 1.0);
    QVERIFY(w.udpPanel()->font().pointSizeF() > base);
    // Children inherit the window's font, so the log view grows too.
    auto *view = w.udpPanel()->findChild<QWidget *>(QStringLiteral("logView"));
    QVERIFY(view->font().pointSizeF() > base);
    action(w, "actionZoomReset")->trigger();
    QCOMPARE(w.udpPanel()->font().pointSizeF(), base);
    for (int i = 0; i < 50; ++i)
        action(w, "actionZoomOut")->trigger();
    QVERIFY(w.zoom() >= 0.6 - 1e-9);   // bounded, never unreadable
}

void tst_MainWindow::statusBarShowsAddresses()
{
    MainWindow w;
    auto *label = w.statusBar()->findChild<QLabel *>(QStringLiteral("addressLabel"));
    QVERIFY(label);
    QVERIFY(label->text().startsWith(QStringLiteral("This machine")));
    QVERIFY(!label->text().contains(QStringLiteral("127.0.0.1:")));
}

void tst_MainWindow::geometryAndZoomPersist()
{
    QSize closedSize;
    {
        MainWindow w;
        w.setZoom(1.5);
        w.resize(1100, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        closedSize = w.size();
        w.close();
    }
    MainWindow w2;
    QCOMPARE(w2.size(), closedSize);
    QCOMPARE(closedSize.height(), 700);   // differs from the form's default 760
    QVERIFY(qAbs(w2.zoom() - 1.5) < 1e-9);
}

void tst_MainWindow::chatTabShowsUnreadCount()
{
    MainWindow w;
    auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("tabs"));
    tabs->setCurrentIndex(0);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.chatPanel()->openLocal(0));
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    peer.writeDatagram(QByteArray("hi"), QHostAddress::LocalHost, w.chatPanel()->session()->localPort());
    peer.writeDatagram(QByteArray("there"), QHostAddress::LocalHost, w.chatPanel()->session()->localPort());
    const int chat = tabs->indexOf(tabs->findChild<QWidget *>(QStringLiteral("ChatPanelPage")));
    QVERIFY(chat > 0);
    QTRY_COMPARE(tabs->tabText(chat), QStringLiteral("Chat (2)"));
    tabs->setCurrentIndex(chat);
    QCOMPARE(tabs->tabText(chat), QStringLiteral("Chat"));
}

namespace {
// One row in a tab's log, whatever kind of view it is: a table or list over a model, or a text trace.
void addLogRow(QWidget *view)
{
    if (auto *text = qobject_cast<QPlainTextEdit *>(view)) {
        // Three lines: the middle one has no document margin above or below it.
        for (int i = 0; i < 3; ++i)
            text->appendPlainText(QStringLiteral("DATA %1 (512 bytes)").arg(i + 1));
        return;
    }
    auto *items = qobject_cast<QAbstractItemView *>(view);
    QVERIFY(items);
    if (auto *log = qobject_cast<NetPoke::PacketLogModel *>(items->model())) {
        log->appendDatagram(NetPoke::Datagram{QByteArray("hello"), QHostAddress::LocalHost, 9, 0},
                            NetPoke::PacketLogModel::Received);
        log->commitPending();
    } else if (auto *standard = qobject_cast<QStandardItemModel *>(items->model())) {
        standard->appendRow(new QStandardItem(QStringLiteral("hello")));
    } else {
        QFAIL("a log view over a model this test does not know");
    }
}

int logRowHeight(QWidget *view)
{
    if (auto *text = qobject_cast<QPlainTextEdit *>(view)) {
        const QTextBlock middle = text->document()->firstBlock().next();
        return qRound(text->document()->documentLayout()->blockBoundingRect(middle).height());
    }
    auto *items = static_cast<QAbstractItemView *>(view);
    return items->visualRect(items->model()->index(0, 0)).height();
}
} // namespace

// Every tab's log grows with the zoom and comes back at Ctrl+0, and no button in the visible tab is cut.
void tst_MainWindow::zoomScalesLogRowsAndKeepsButtonsWhole_data()
{
    QTest::addColumn<int>("tab");
    QTest::addColumn<QString>("logView");
    QTest::newRow("UDP") << 0 << QStringLiteral("logView");
    QTest::newRow("TCP Client") << 1 << QStringLiteral("logView");
    QTest::newRow("TCP Server") << 2 << QStringLiteral("logView");
    QTest::newRow("Chat") << 3 << QStringLiteral("chatView");
    QTest::newRow("TFTP") << 4 << QStringLiteral("tftpTrace");
    QTest::newRow("TFTP Server log") << 5 << QStringLiteral("serverLog");
    QTest::newRow("TFTP Server trace") << 5 << QStringLiteral("serverTrace");
}

void tst_MainWindow::zoomScalesLogRowsAndKeepsButtonsWhole()
{
    QFETCH(int, tab);
    QFETCH(QString, logView);
    MainWindow w;
    w.setZoom(1.0);   // an earlier test may have saved another zoom
    auto *tabs = GuiTest::child<QTabWidget>(w, "tabs");
    tabs->setCurrentIndex(tab);
    w.resize(1180, 760);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QWidget *page = tabs->currentWidget();
    QWidget *view = page->findChild<QWidget *>(logView);
    QVERIFY2(view, qPrintable(logView));
    addLogRow(view);
    const int row1 = logRowHeight(view);
    QVERIFY(row1 > 0);

    w.setZoom(2.0);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const int row2 = logRowHeight(view);
    QVERIFY2(row2 >= row1 * 17 / 10, qPrintable(QStringLiteral("row %1 px at 1x, %2 px at 2x").arg(row1).arg(row2)));
    int checked = 0;
    for (QPushButton *b : page->findChildren<QPushButton *>()) {
        if (!b->isVisible())
            continue;
        ++checked;
        QVERIFY2(b->width() >= b->sizeHint().width(),
                 qPrintable(QStringLiteral("%1 \"%2\": %3 px wide, needs %4 px").arg(b->objectName(), b->text())
                                .arg(b->width()).arg(b->sizeHint().width())));
    }
    QVERIFY(checked >= 2);

    action(w, "actionZoomReset")->trigger();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCOMPARE(logRowHeight(view), row1);
}

// Zooming in may make the window grow (a minimum size); zooming back gives the user's size again, unless
// the user resized the window in between.
void tst_MainWindow::zoomGivesTheWindowSizeBack()
{
    MainWindow w;
    w.resize(1180, 760);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QSize start = w.size();
    w.setZoom(3.0);
    QTest::qWait(50);
    // The UDP tab alone never asks for more than the window has (its panes scroll and its rows wrap).
    QVERIFY2(w.udpPanel()->minimumSizeHint().width() <= start.width(),
             qPrintable(QString::number(w.udpPanel()->minimumSizeHint().width())));
    QVERIFY(w.udpPanel()->minimumSizeHint().height() <= start.height());
    // Nor does any tab make the window grow past its size (a tab whose panel needs more scrolls).
    auto *tabs = GuiTest::child<QTabWidget>(w, "tabs");
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QTest::qWait(20);
        QVERIFY2(w.size() == start, qPrintable(QStringLiteral("tab %1 at 3x: %2x%3").arg(i).arg(w.width()).arg(w.height())));
    }
    tabs->setCurrentIndex(0);
    action(w, "actionZoomReset")->trigger();
    QTest::qWait(50);
    QCOMPARE(w.size(), start);

    w.setZoom(2.0);
    w.resize(1000, 700);   // the user's choice at 2x
    QTest::qWait(50);
    const QSize chosen = w.size();
    action(w, "actionZoomReset")->trigger();
    QTest::qWait(50);
    QCOMPARE(w.size(), chosen);
}

// The classroom's round trip: the TFTP Server tab serves a folder, its "Download from this server" opens
// the TFTP tab with the server's address and port filled in.
void tst_MainWindow::downloadFromThisServer()
{
    QTemporaryDir root;
    MainWindow w;
    auto *tabs = GuiTest::child<QTabWidget>(w, "tabs");
    NetPoke::TftpServerPanel *server = w.tftpServerPanel();
    tabs->setCurrentIndex(3);
    GuiTest::child<QLineEdit>(*server, "serverRoot")->setText(root.path());
    auto *address = GuiTest::child<QComboBox>(*server, "serverAddress");
    auto *host = GuiTest::child<QLineEdit>(*w.tftpPanel(), "tftpHost");
    auto *port = GuiTest::child<QSpinBox>(*w.tftpPanel(), "tftpPort");
    GuiTest::child<QSpinBox>(*server, "serverPort")->setValue(0);
    for (const auto &[listen, expected] : {std::pair{"::1", "::1"}, std::pair{"::", "127.0.0.1"}, std::pair{"127.0.0.1", "127.0.0.1"}}) {
        address->setCurrentIndex(address->findData(QLatin1String(listen)));
        QVERIFY2(address->currentIndex() >= 0, listen);
        QVERIFY(server->start());
        host->clear();
        tabs->setCurrentIndex(tabs->indexOf(tabs->findChild<QWidget *>(QStringLiteral("TftpServerPanelPage"))));
        QTest::mouseClick(GuiTest::child<QPushButton>(*server, "serverDownloadHere"), Qt::LeftButton);
        QCOMPARE(tabs->currentIndex(), tabs->indexOf(tabs->findChild<QWidget *>(QStringLiteral("TftpPanelPage"))));
        QCOMPARE(host->text(), QLatin1String(expected));
        QCOMPARE(port->value(), int(server->server()->port()));
        server->stop();
    }
}

// View > Presentation mode: the logs (rows too), traces and progress bars grow by 1.4 on top of the zoom;
// the controls keep the zoomed font; switching off gives the zoomed sizes back.
void tst_MainWindow::presentationModeEnlargesDataViews()
{
    MainWindow w;
    w.setZoom(1.5);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *log = w.udpPanel()->findChild<QTableView *>(QStringLiteral("logView"));
    auto *trace = w.tftpPanel()->findChild<QPlainTextEdit *>(QStringLiteral("tftpTrace"));
    auto *bar = w.tftpPanel()->findChild<QProgressBar *>();
    auto *button = w.udpPanel()->findChild<QPushButton *>();
    QVERIFY(log && trace && bar && button);
    const qreal zoomed = w.font().pointSizeF();
    const int rowBefore = log->verticalHeader()->defaultSectionSize();
    QCOMPARE(log->font().pointSizeF(), zoomed);

    action(w, "actionPresentation")->trigger();
    QVERIFY(w.presentationMode());
    QCOMPARE(log->font().pointSizeF(), zoomed * 1.4);
    QCOMPARE(trace->font().pointSizeF(), zoomed * 1.4);
    QCOMPARE(bar->font().pointSizeF(), zoomed * 1.4);
    QCOMPARE(button->font().pointSizeF(), zoomed);   // controls stay
    QVERIFY2(log->verticalHeader()->defaultSectionSize() >= rowBefore * 13 / 10,
             qPrintable(QStringLiteral("%1 -> %2").arg(rowBefore).arg(log->verticalHeader()->defaultSectionSize())));
    // Zooming in presentation mode keeps the factor.
    w.setZoom(1.0);
    QCOMPARE(log->font().pointSizeF(), w.font().pointSizeF() * 1.4);
    w.setZoom(1.5);

    action(w, "actionPresentation")->trigger();
    QVERIFY(!w.presentationMode());
    QCOMPARE(log->font().pointSizeF(), zoomed);
    QCOMPARE(log->verticalHeader()->defaultSectionSize(), rowBefore);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
