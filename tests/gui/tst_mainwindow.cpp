#include "chatpanel.h"
#include "guitestutil.h"
#include "chatsession.h"
#include "mainwindow.h"
#include "udppanel.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
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
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(tabs->tabText(0), QStringLiteral("UDP"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Chat"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("TFTP"));
    QCOMPARE(tabs->widget(0), w.udpPanel());
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
    QTRY_COMPARE(tabs->tabText(1), QStringLiteral("Chat (2)"));
    tabs->setCurrentIndex(1);
    QCOMPARE(tabs->tabText(1), QStringLiteral("Chat"));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
