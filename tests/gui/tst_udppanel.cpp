#include "guitestutil.h"
#include "hostport.h"
#include "packetlogmodel.h"
#include "udppanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QHeaderView>
#include <QNetworkInterface>
#include <QScrollArea>
#include <QTranslator>
#include <QWheelEvent>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkDatagram>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using NetPoke::PacketLogModel;
using NetPoke::UdpPanel;

class tst_UdpPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void sendChineseGb2312();
    void sendWithEscapesAndCrLf();
    void ctrlEnterSends();
    void invalidHexShowsErrorAndSendsNothing();
    void unrepresentableTextSendsNothing();
    void hexSend();
    void receivedDatagramAppearsAsRow();
    void encodingChangeReRendersLog();
    void replyToLastSender();
    void bindFailureShownNextToControl();
    void openShowsChosenPort();
    void dualStackItemTakesBothFamilies();
    void periodicSend();
    void saveLogCsv();
    void settingsPersist();
    void settingsKeepTheirKeys();
    void errorShowsInsideEditorWithoutMovingButtons_data();
    void errorShowsInsideEditorWithoutMovingButtons();
    void wheelOverUnfocusedComboKeepsIndex();
    void autoOpenShowsBinding();
    void logEncodingNextToShow();
    void multicastInterfacesShowAddresses();
    void multicastCautionText();
    void joinOnLoopbackShowsCaution();
    void rowsAndColumnsFollowFont();
    void headerFollowsZoomSetBeforeShow();
    void savedLogHasDate();
    void controlsShownOneWayInViewAndFiles();

private:
    template<typename T>
    T *child(UdpPanel &p, const char *name)
    {
        return GuiTest::child<T>(p, name);
    }
    void aimAt(UdpPanel &p, const QUdpSocket &peer)
    {
        child<QLineEdit>(p, "remoteHost")->setText(QStringLiteral("127.0.0.1"));
        child<QSpinBox>(p, "remotePort")->setValue(peer.localPort());
    }
    GuiTest::SettingsSandbox m_settings{"tst_udppanel"};
};

void tst_UdpPanel::initTestCase()
{
    m_settings.clear();
}

void tst_UdpPanel::init()
{
    m_settings.clear();
}

void tst_UdpPanel::sendChineseGb2312()
{
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    UdpPanel p;
    p.show();
    aimAt(p, peer);
    child<QComboBox>(p, "encoding")->setCurrentText(QStringLiteral("GB2312"));
    auto *editor = child<QPlainTextEdit>(p, "editor");
    editor->setFocus();
    // Chinese is typed through an input method: deliver its commit string as an IME would.
    QInputMethodEvent ime;
    ime.setCommitString(QStringLiteral("你好"));
    QCoreApplication::sendEvent(editor, &ime);
    QCOMPARE(editor->toPlainText(), QStringLiteral("你好"));
    QTest::mouseClick(child<QPushButton>(p, "sendButton"), Qt::LeftButton);
    QTRY_VERIFY(peer.hasPendingDatagrams());
    const QNetworkDatagram d = peer.receiveDatagram();
    QCOMPARE(d.data().toHex(), QByteArray("c4e3bac3"));
    QVERIFY(p.endpoint()->isBound());
    QCOMPARE(d.senderPort(), int(p.endpoint()->localPort()));
    // The TX row shows the text decoded back in GB2312.
    QTRY_COMPARE(p.logModel()->rowCount(), 1);
    QCOMPARE(p.logModel()->index(0, PacketLogModel::DirectionColumn).data().toString(), QStringLiteral("TX"));
    QCOMPARE(p.logModel()->index(0, PacketLogModel::ContentColumn).data().toString(), QStringLiteral("你好"));
    QVERIFY(child<QLabel>(p, "sendError")->isHidden());
}

void tst_UdpPanel::sendWithEscapesAndCrLf()
{
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    UdpPanel p;
    aimAt(p, peer);
    child<QCheckBox>(p, "escapes")->setChecked(true);
    child<QComboBox>(p, "lineEnding")->setCurrentIndex(2);
    child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("AT\\x00\\t"));
    QVERIFY(p.sendNow());
    QTRY_VERIFY(peer.hasPendingDatagrams());
    QCOMPARE(peer.receiveDatagram().data(), QByteArray("AT\0\t\r\n", 6));
}

void tst_UdpPanel::ctrlEnterSends()
{
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    UdpPanel p;
    p.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p));
    aimAt(p, peer);
    auto *editor = child<QPlainTextEdit>(p, "editor");
    editor->setPlainText(QStringLiteral("hi"));
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(peer.hasPendingDatagrams());
    QCOMPARE(peer.receiveDatagram().data(), QByteArray("hi"));
    QCOMPARE(editor->toPlainText(), QStringLiteral("hi"));   // no newline was typed
}

void tst_UdpPanel::invalidHexShowsErrorAndSendsNothing()
{
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    UdpPanel p;
    p.show();
    aimAt(p, peer);
    child<QComboBox>(p, "sendMode")->setCurrentIndex(1);
    child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("c4 e3 zz"));
    QTest::mouseClick(child<QPushButton>(p, "sendButton"), Qt::LeftButton);
    auto *error = child<QLabel>(p, "sendError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("position 7")), qPrintable(error->text()));
    QTest::qWait(200);
    QVERIFY(!peer.hasPendingDatagrams());
    QCOMPARE(p.endpoint()->counters().txPackets, quint64(0));
    QCOMPARE(p.logModel()->totalAppended(), quint64(0));
    // The bad character is selected for the user.
    QCOMPARE(child<QPlainTextEdit>(p, "editor")->textCursor().selectedText(), QStringLiteral("z"));

    child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("c4 e"));
    QVERIFY(!p.sendNow());
    QVERIFY(error->text().contains(QStringLiteral("odd")));
}

void tst_UdpPanel::unrepresentableTextSendsNothing()
{
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    UdpPanel p;
    p.show();
    aimAt(p, peer);
    child<QComboBox>(p, "encoding")->setCurrentText(QStringLiteral("Latin-1"));
    child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("abc你"));
    QVERIFY(!p.sendNow());
    QVERIFY(child<QLabel>(p, "sendError")->isVisible());
    QVERIFY(child<QLabel>(p, "sendError")->text().contains(QStringLiteral("Latin-1")));
    QTest::qWait(100);
    QVERIFY(!peer.hasPendingDatagrams());
}

void tst_UdpPanel::hexSend()
{
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    UdpPanel p;
    aimAt(p, peer);
    child<QComboBox>(p, "sendMode")->setCurrentIndex(1);
    child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("0x01, 0x02 ff\n00"));
    QVERIFY(p.sendNow());
    QTRY_VERIFY(peer.hasPendingDatagrams());
    QCOMPARE(peer.receiveDatagram().data(), QByteArray("\x01\x02\xff\x00", 4));
}

void tst_UdpPanel::receivedDatagramAppearsAsRow()
{
    UdpPanel p;
    p.show();
    child<QComboBox>(p, "encoding")->setCurrentText(QStringLiteral("GB2312"));
    QVERIFY(p.openLocal(QHostAddress::LocalHost, 0));
    QVERIFY(p.endpoint()->localPort() != 0);
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    QCOMPARE(peer.writeDatagram(QByteArray("\xc4\xe3\xba\xc3"), QHostAddress::LocalHost, p.endpoint()->localPort()), 4);
    QTRY_COMPARE(p.logModel()->rowCount(), 1);
    auto *m = p.logModel();
    QCOMPARE(m->index(0, PacketLogModel::DirectionColumn).data().toString(), QStringLiteral("RX"));
    QCOMPARE(m->index(0, PacketLogModel::PeerColumn).data().toString(),
             QStringLiteral("127.0.0.1:%1").arg(peer.localPort()));
    QCOMPARE(m->index(0, PacketLogModel::LengthColumn).data().toInt(), 4);
    QCOMPARE(m->index(0, PacketLogModel::ContentColumn).data().toString(), QStringLiteral("你好"));
    QTRY_VERIFY(child<QLabel>(p, "rxCounter")->text().startsWith(QStringLiteral("RX 1 ")));
}

void tst_UdpPanel::encodingChangeReRendersLog()
{
    UdpPanel p;
    QVERIFY(p.openLocal(QHostAddress::LocalHost, 0));
    QUdpSocket peer;
    peer.writeDatagram(QByteArray("\xc4\xe3"), QHostAddress::LocalHost, p.endpoint()->localPort());
    QTRY_COMPARE(p.logModel()->rowCount(), 1);
    child<QComboBox>(p, "encoding")->setCurrentText(QStringLiteral("UTF-8"));
    QCOMPARE(p.logModel()->index(0, PacketLogModel::ContentColumn).data().toString(), QStringLiteral("\\xC4\\xE3"));
    child<QComboBox>(p, "encoding")->setCurrentText(QStringLiteral("GBK"));
    QCOMPARE(p.logModel()->contentText(0), QStringLiteral("你"));
}

void tst_UdpPanel::replyToLastSender()
{
    UdpPanel p;
    QVERIFY(p.openLocal(QHostAddress::LocalHost, 0));
    child<QCheckBox>(p, "replyToSender")->setChecked(true);
    child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("pong"));
    QVERIFY(!p.sendNow());   // nobody wrote yet
    QVERIFY(!child<QLabel>(p, "sendError")->isHidden());
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    peer.writeDatagram(QByteArray("ping"), QHostAddress::LocalHost, p.endpoint()->localPort());
    QTRY_COMPARE(p.logModel()->rowCount(), 1);
    QVERIFY(p.sendNow());
    QTRY_VERIFY(peer.hasPendingDatagrams());
    QCOMPARE(peer.receiveDatagram().data(), QByteArray("pong"));
}

void tst_UdpPanel::bindFailureShownNextToControl()
{
    QUdpSocket taken;
    QVERIFY(taken.bind(QHostAddress::LocalHost, 0));
    UdpPanel p;
    p.show();
    QVERIFY(!p.openLocal(QHostAddress::LocalHost, taken.localPort()));
    auto *error = child<QLabel>(p, "localError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QString::number(taken.localPort())), qPrintable(error->text()));
    QCOMPARE(child<QPushButton>(p, "openButton")->text(), QStringLiteral("Open"));
    QVERIFY(!p.endpoint()->isBound());
    // The core states the fact; the panel adds what can be done about it here.
    const QString fact = p.endpoint()->errorString();
    QVERIFY2(!fact.contains(QLatin1String("enter 0")), qPrintable(fact));
    QVERIFY2(error->text().startsWith(fact) && error->text().contains(QLatin1String("enter 0 to let the system choose")),
             qPrintable(error->text()));
}

void tst_UdpPanel::openShowsChosenPort()
{
    UdpPanel p;
    p.show();
    child<QComboBox>(p, "localAddress")->setCurrentIndex(2);   // 127.0.0.1
    child<QSpinBox>(p, "localPort")->setValue(0);
    QTest::mouseClick(child<QPushButton>(p, "openButton"), Qt::LeftButton);
    QVERIFY(p.endpoint()->isBound());
    const quint16 port = p.endpoint()->localPort();
    QVERIFY(port != 0);
    QVERIFY(child<QLabel>(p, "localStatus")->text().contains(QStringLiteral("127.0.0.1:%1").arg(port)));
    QCOMPARE(child<QPushButton>(p, "openButton")->text(), QStringLiteral("Close"));
    QTest::mouseClick(child<QPushButton>(p, "openButton"), Qt::LeftButton);
    QVERIFY(!p.endpoint()->isBound());
}

// ":: (all IPv4 and IPv6 addresses)" binds both families: a datagram from 127.0.0.1 and one from ::1 arrive.
// (Its item data used to be QHostAddress::Any's text, "0.0.0.0": IPv4 only.)
void tst_UdpPanel::dualStackItemTakesBothFamilies()
{
    UdpPanel p;
    p.show();
    auto *local = child<QComboBox>(p, "localAddress");
    const int item = local->findText(QStringLiteral(":: (all IPv4 and IPv6 addresses)"));
    QVERIFY(item >= 0);
    local->setCurrentIndex(item);
    child<QSpinBox>(p, "localPort")->setValue(0);
    QTest::mouseClick(child<QPushButton>(p, "openButton"), Qt::LeftButton);
    QVERIFY(p.endpoint()->isBound());
    const quint16 port = p.endpoint()->localPort();
    QUdpSocket v4, v6;
    QCOMPARE(v4.writeDatagram("four", QHostAddress::LocalHost, port), qint64(4));
    QCOMPARE(v6.writeDatagram("six", QHostAddress::LocalHostIPv6, port), qint64(3));
    QTRY_COMPARE(p.endpoint()->counters().rxPackets, quint64(2));
}

void tst_UdpPanel::periodicSend()
{
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    UdpPanel p;
    aimAt(p, peer);
    child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("tick"));
    child<QSpinBox>(p, "periodMs")->setValue(10);
    child<QCheckBox>(p, "periodic")->setChecked(true);
    QTRY_VERIFY(p.endpoint()->counters().txPackets >= 5);
    child<QCheckBox>(p, "periodic")->setChecked(false);
    const quint64 sent = p.endpoint()->counters().txPackets;
    QTest::qWait(100);
    QCOMPARE(p.endpoint()->counters().txPackets, sent);
    int got = 0;
    while (peer.hasPendingDatagrams()) {
        QCOMPARE(peer.receiveDatagram().data(), QByteArray("tick"));
        ++got;
    }
    QCOMPARE(quint64(got), sent);
}

void tst_UdpPanel::saveLogCsv()
{
    UdpPanel p;
    QVERIFY(p.openLocal(QHostAddress::LocalHost, 0));
    QUdpSocket peer;
    peer.writeDatagram(QByteArray("a,\"b\""), QHostAddress::LocalHost, p.endpoint()->localPort());
    QTRY_COMPARE(p.logModel()->rowCount(), 1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("log.csv"));
    QString error;
    QVERIFY2(p.saveLog(path, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.at(0), QByteArray("time,direction,peer,length,text,hex\r"));
    QVERIFY2(lines.at(1).contains(QByteArray(",RX,\"127.0.0.1:" + QByteArray::number(peer.localPort()) + "\",5,\"a,\"\"b\"\"\",612c226222")),
             lines.at(1).constData());
    // A file that cannot be written gives a reason.
    QVERIFY(!p.saveLog(dir.filePath(QStringLiteral("no/such/dir/log.txt")), &error));
    QVERIFY(!error.isEmpty());
}

void tst_UdpPanel::settingsPersist()
{
    {
        UdpPanel p;
        child<QLineEdit>(p, "remoteHost")->setText(QStringLiteral("::1"));
        child<QSpinBox>(p, "remotePort")->setValue(9999);
        child<QComboBox>(p, "encoding")->setCurrentText(QStringLiteral("Big5"));
        child<QComboBox>(p, "sendMode")->setCurrentIndex(1);
        child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("01 02"));
        p.saveSettings();
    }
    UdpPanel q;
    QCOMPARE(child<QLineEdit>(q, "remoteHost")->text(), QStringLiteral("::1"));
    QCOMPARE(child<QSpinBox>(q, "remotePort")->value(), 9999);
    QCOMPARE(child<QComboBox>(q, "encoding")->currentText(), QStringLiteral("Big5"));
    QCOMPARE(child<QComboBox>(q, "sendMode")->currentIndex(), 1);
    QCOMPARE(child<QPlainTextEdit>(q, "editor")->toPlainText(), QStringLiteral("01 02"));
    QCOMPARE(q.logModel()->encoding(), QStringLiteral("Big5"));
}

// Users keep their settings: the table writes the keys the hand-written pair wrote, and the special
// fields (a listed or typed local address, the history) come back.
void tst_UdpPanel::settingsKeepTheirKeys()
{
    {
        UdpPanel p;
        p.show();
        auto *local = child<QComboBox>(p, "localAddress");
        local->setCurrentIndex(local->findData(QStringLiteral("127.0.0.1")));
        QUdpSocket peer;
        QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
        aimAt(p, peer);
        child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("one"));
        QVERIFY(p.sendNow());
        child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("two"));
        QVERIFY(p.sendNow());
        p.saveSettings();
    }
    QSettings s;
    s.beginGroup(QStringLiteral("udp"));
    const QStringList keys = s.childKeys();
    for (const char *key : {"localAddress", "localPort", "shareAddress", "remoteHost", "remotePort", "replyToSender",
                            "broadcast", "multicastGroup", "multicastTtl", "multicastInterface", "sendMode",
                            "encoding", "escapes", "lineEnding", "editor", "history", "periodMs", "contentMode",
                            "autoScroll", "rowCap", "splitter"})
        QVERIFY2(keys.contains(QLatin1String(key)), key);
    QVERIFY(!keys.contains(QStringLiteral("receiveBufferBytes")));   // read, never written
    QCOMPARE(s.value(QStringLiteral("localAddress")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(s.value(QStringLiteral("history")).toStringList(), (QStringList{QStringLiteral("two"), QStringLiteral("one")}));
    s.setValue(QStringLiteral("localAddress"), QStringLiteral("127.0.0.2"));   // typed by hand
    s.endGroup();
    UdpPanel q;
    QCOMPARE(child<QComboBox>(q, "localAddress")->currentText(), QStringLiteral("127.0.0.2"));
    QCOMPARE(child<QComboBox>(q, "history")->count(), 2);
    QCOMPARE(child<QComboBox>(q, "history")->itemText(0), QStringLiteral("two"));
    QCOMPARE(child<QComboBox>(q, "history")->currentIndex(), -1);
}

// Where a user looks after a bad hex digit: the message is inside the editor, in view at the default
// window's panel size, in English and Chinese; the Send and Open buttons stay where they were.
void tst_UdpPanel::errorShowsInsideEditorWithoutMovingButtons_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QString();
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void tst_UdpPanel::errorShowsInsideEditorWithoutMovingButtons()
{
    QFETCH(QString, language);
    QTranslator translator;
    if (!language.isEmpty()) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/netpoke_") + language));
        QCoreApplication::installTranslator(&translator);
    }
    UdpPanel p;
    p.resize(1170, 650);   // the tab's area in a 1180x760 window
    p.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p));
    auto *send = child<QPushButton>(p, "sendButton");
    auto *open = child<QPushButton>(p, "openButton");
    auto *editor = child<QPlainTextEdit>(p, "editor");
    const QPoint sendAt = send->mapTo(&p, QPoint());
    const QPoint openAt = open->mapTo(&p, QPoint());
    const QSize editorSize = editor->size();
    child<QComboBox>(p, "sendMode")->setCurrentIndex(1);
    editor->setPlainText(QStringLiteral("c4 e3 zz"));
    QTest::mouseClick(send, Qt::LeftButton);
    auto *error = child<QLabel>(p, "sendError");
    QTRY_VERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QVERIFY(error->height() >= error->heightForWidth(error->width()));   // the whole message, not clipped
    QCOMPARE(send->mapTo(&p, QPoint()), sendAt);
    QCOMPARE(open->mapTo(&p, QPoint()), openAt);
    QCOMPARE(editor->size(), editorSize);
    // Inside the editor's frame, and inside what the scrolled pane shows.
    const QRect inEditor(error->mapTo(editor, QPoint()), error->size());
    QVERIFY(editor->rect().contains(inEditor));
    auto *viewport = child<QScrollArea>(p, "controlsScroll")->viewport();
    const QRect inViewport(error->mapTo(viewport, QPoint()), error->size());
    QVERIFY2(viewport->rect().contains(inViewport), qPrintable(QStringLiteral("%1,%2 %3x%4").arg(inViewport.x())
             .arg(inViewport.y()).arg(inViewport.width()).arg(inViewport.height())));
    // So is the Send button, at this size.
    QVERIFY(viewport->rect().contains(QRect(send->mapTo(viewport, QPoint()), send->size())));
    // Typing clears it, and nothing moves either.
    QTest::keyClick(editor, Qt::Key_Backspace);
    QVERIFY(!error->isVisible());
    QCOMPARE(send->mapTo(&p, QPoint()), sendAt);
    QCoreApplication::removeTranslator(&translator);
}

void tst_UdpPanel::wheelOverUnfocusedComboKeepsIndex()
{
    UdpPanel p;
    p.resize(1170, 500);
    p.show();
    QApplication::setActiveWindow(&p);
    QVERIFY(QTest::qWaitForWindowActive(&p));
    auto *combo = child<QComboBox>(p, "encoding");   // in the scrolled controls pane
    QVERIFY(combo->count() > 2);
    combo->setCurrentIndex(1);
    child<QLineEdit>(p, "remoteHost")->setFocus();
    QVERIFY(!combo->hasFocus());
    const auto wheel = [combo] {
        const QPointF at(combo->width() / 2.0, combo->height() / 2.0);
        QWheelEvent e(at, combo->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(combo, &e);
    };
    wheel();
    QCOMPARE(combo->currentIndex(), 1);
    // With focus the wheel still works, so the check above is about focus, not a lost event.
    combo->setFocus();
    QVERIFY(combo->hasFocus());
    wheel();
    QCOMPARE(combo->currentIndex(), 2);
}

void tst_UdpPanel::autoOpenShowsBinding()
{
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    UdpPanel p;
    p.show();
    aimAt(p, peer);
    auto *status = child<QLabel>(p, "localStatus");
    QVERIFY(!status->text().contains(QStringLiteral("Bound to")));
    child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("hi"));
    QVERIFY(p.sendNow());
    QTRY_VERIFY(peer.hasPendingDatagrams());
    QVERIFY(p.endpoint()->isBound());
    const QString where = NetPoke::displayEndpoint(p.endpoint()->localAddress(), p.endpoint()->localPort());
    QVERIFY2(status->text().contains(QStringLiteral("Bound to %1").arg(where)), qPrintable(status->text()));
    QVERIFY(status->text().contains(QStringLiteral("opened automatically")));
    QCOMPARE(peer.receiveDatagram().senderPort(), int(p.endpoint()->localPort()));
    // Close, then Open by hand: no longer "automatic".
    p.closeLocal();
    QVERIFY(!status->text().contains(QStringLiteral("Bound to")));
    QVERIFY(p.openLocal(QHostAddress::LocalHost, 0));
    QVERIFY(status->text().startsWith(QStringLiteral("Open on 127.0.0.1:")));
    QVERIFY(!status->text().contains(QStringLiteral("automatically")));
}

// The log has its own encoding next to "Show"; "Same as Send" (the default) follows the Send box.
void tst_UdpPanel::logEncodingNextToShow()
{
    {
        UdpPanel p;
        auto *logEncoding = child<QComboBox>(p, "logEncoding");
        QCOMPARE(logEncoding->parentWidget(), child<QComboBox>(p, "contentMode")->parentWidget());
        QVERIFY(logEncoding->currentData().toString().isEmpty());   // Same as Send
        QVERIFY(p.openLocal(QHostAddress::LocalHost, 0));
        QUdpSocket peer;
        peer.writeDatagram(QByteArray("\xc4\xe3"), QHostAddress::LocalHost, p.endpoint()->localPort());
        QTRY_COMPARE(p.logModel()->rowCount(), 1);
        child<QComboBox>(p, "encoding")->setCurrentText(QStringLiteral("UTF-8"));
        QCOMPARE(p.logModel()->index(0, PacketLogModel::ContentColumn).data().toString(), QStringLiteral("\\xC4\\xE3"));
        logEncoding->setCurrentIndex(logEncoding->findData(QStringLiteral("GBK")));
        QCOMPARE(p.logModel()->contentText(0), QStringLiteral("你"));
        // The Send encoding no longer reaches the log, and the log's does not change what is sent.
        child<QComboBox>(p, "encoding")->setCurrentText(QStringLiteral("Latin-1"));
        QCOMPARE(p.logModel()->contentText(0), QStringLiteral("你"));
        QCOMPARE(child<QComboBox>(p, "encoding")->currentText(), QStringLiteral("Latin-1"));
        p.saveSettings();
    }
    UdpPanel q;
    QCOMPARE(child<QComboBox>(q, "logEncoding")->currentData().toString(), QStringLiteral("GBK"));
    QCOMPARE(q.logModel()->encoding(), QStringLiteral("GBK"));
    auto *logEncoding = child<QComboBox>(q, "logEncoding");
    logEncoding->setCurrentIndex(0);
    QCOMPARE(q.logModel()->encoding(), QStringLiteral("Latin-1"));
}

void tst_UdpPanel::multicastInterfacesShowAddresses()
{
    UdpPanel p;
    auto *combo = child<QComboBox>(p, "multicastInterface");
    QNetworkInterface loopback;
    for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces()) {
        if (iface.flags() & QNetworkInterface::IsLoopBack)
            loopback = iface;
    }
    if (!loopback.isValid())
        QSKIP("no loopback interface");
    const int i = combo->findData(loopback.name());
    QVERIFY(i > 0);
    QCOMPARE(combo->itemData(i).toString(), loopback.name());   // what is stored stays the name
    QVERIFY2(combo->itemText(i).startsWith(loopback.humanReadableName() + QStringLiteral(" (")),
             qPrintable(combo->itemText(i)));
    QVERIFY2(combo->itemText(i).contains(QStringLiteral("127.0.0.1")) || combo->itemText(i).contains(QStringLiteral("::1")),
             qPrintable(combo->itemText(i)));
    combo->setCurrentIndex(i);
    p.saveSettings();
    QCOMPARE(QSettings().value(QStringLiteral("udp/multicastInterface")).toString(), loopback.name());
}

// Joining a group is not tried here (that needs the network namespace of tst_udpendpoint_multicast):
// the caution's text logic is.
void tst_UdpPanel::multicastCautionText()
{
    QVERIFY(UdpPanel::multicastCaution(QHostAddress::AnyIPv4).isEmpty());
    QVERIFY(UdpPanel::multicastCaution(QHostAddress::AnyIPv6).isEmpty());
    QVERIFY(UdpPanel::multicastCaution(QHostAddress::Any).isEmpty());
    const QString v4 = UdpPanel::multicastCaution(QHostAddress::LocalHost);
    QVERIFY2(v4.contains(QStringLiteral("bound to 127.0.0.1")) && v4.contains(QStringLiteral("only this machine")),
             qPrintable(v4));
    QVERIFY(UdpPanel::multicastCaution(QHostAddress::LocalHostIPv6).contains(QStringLiteral("::1")));
    // A unicast address (documentation range; nothing is sent) gets a caution too.
    QVERIFY(UdpPanel::multicastCaution(QHostAddress(QStringLiteral("192.0.2.1"))).contains(QStringLiteral("192.0.2.1")));
    // Shown under the Join row and hidden again on close.
    UdpPanel p;
    p.show();
    auto *caution = child<QLabel>(p, "multicastCaution");
    QVERIFY(caution->isHidden());
}

// Joins a group, so only in the private network namespace of the ctest entry tst_udppanel_multicast
// (which sets NETPOKE_REQUIRE_MULTICAST and turns MULTICAST on for its lo), never on this machine's own.
void tst_UdpPanel::joinOnLoopbackShowsCaution()
{
    if (!qEnvironmentVariableIsSet("NETPOKE_REQUIRE_MULTICAST"))
        QSKIP("joins a multicast group: runs as tst_udppanel_multicast in a private network namespace");
    const QNetworkInterface lo = QNetworkInterface::interfaceFromName(QStringLiteral("lo"));
    QVERIFY(lo.isValid());
    QVERIFY(lo.flags() & QNetworkInterface::CanMulticast);
    UdpPanel p;
    p.show();
    auto *iface = child<QComboBox>(p, "multicastInterface");
    iface->setCurrentIndex(iface->findData(QStringLiteral("lo")));
    QCOMPARE(iface->currentData().toString(), QStringLiteral("lo"));
    child<QSpinBox>(p, "multicastTtl")->setValue(0);
    child<QLineEdit>(p, "multicastGroup")->setText(QStringLiteral("239.255.43.21"));
    auto *join = child<QPushButton>(p, "joinButton");
    auto *caution = child<QLabel>(p, "multicastCaution");
    auto *error = child<QLabel>(p, "remoteError");

    QVERIFY(p.openLocal(QHostAddress::LocalHost, 0));
    QTest::mouseClick(join, Qt::LeftButton);
    QVERIFY2(error->isHidden(), qPrintable(error->text()));
    QCOMPARE(join->text(), QStringLiteral("Leave"));
    QVERIFY(caution->isVisible());
    QVERIFY2(caution->text().contains(QStringLiteral("bound to 127.0.0.1")), qPrintable(caution->text()));
    QTest::mouseClick(join, Qt::LeftButton);   // leave
    QCOMPARE(join->text(), QStringLiteral("Join"));
    QVERIFY(caution->isHidden());

    // Bound to the any-address: joined without a caution.
    p.closeLocal();
    QVERIFY(p.openLocal(QHostAddress::AnyIPv4, 0));
    QTest::mouseClick(join, Qt::LeftButton);
    QCOMPARE(join->text(), QStringLiteral("Leave"));
    QVERIFY(caution->isHidden());
    p.closeLocal();
}

// The window's zoom reaches the log: row height and the fixed columns follow the font and come back.
void tst_UdpPanel::rowsAndColumnsFollowFont()
{
    UdpPanel p;
    p.resize(1170, 650);
    p.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p));
    auto *view = child<QTableView>(p, "logView");
    p.logModel()->appendDatagram(NetPoke::Datagram{QByteArray("x"), QHostAddress::LocalHost, 9, 0}, PacketLogModel::Received);
    p.logModel()->commitPending();
    const int row1 = view->rowHeight(0);
    QList<int> columns1;
    for (int c = 0; c < PacketLogModel::ContentColumn; ++c)
        columns1 << view->columnWidth(c);
    const QFont base = p.font();
    QFont big = base;
    big.setPointSizeF(base.pointSizeF() * 2);
    p.setFont(big);
    QVERIFY2(view->rowHeight(0) >= row1 * 17 / 10, qPrintable(QStringLiteral("%1 -> %2").arg(row1).arg(view->rowHeight(0))));
    QVERIFY(view->verticalHeader()->defaultSectionSize() >= view->fontMetrics().height());
    for (int c = 0; c < PacketLogModel::ContentColumn; ++c) {
        QVERIFY(view->columnWidth(c) > columns1.at(c) * 3 / 2);
        // The header's own text fits ("Length" was cut to ".ength").
        const QString header = p.logModel()->headerData(c, Qt::Horizontal).toString();
        QVERIFY(view->columnWidth(c) > view->fontMetrics().horizontalAdvance(header));
    }
    const QFontMetrics fm(big);
    QVERIFY(view->columnWidth(PacketLogModel::TimeColumn) > fm.horizontalAdvance(QStringLiteral("00:00:00.000")));
    p.setFont(base);
    QCOMPARE(view->rowHeight(0), row1);
    for (int c = 0; c < PacketLogModel::ContentColumn; ++c)
        QCOMPARE(view->columnWidth(c), columns1.at(c));
}

// A zoom set before the panel is shown (a saved zoom) reaches the log's header too: Qt 6.4 keeps the size a
// header was made with.
void tst_UdpPanel::headerFollowsZoomSetBeforeShow()
{
    UdpPanel p;
    QFont big = p.font();
    big.setPointSizeF(p.font().pointSizeF() * 2);
    p.setFont(big);
    p.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p));
    auto *header = child<QTableView>(p, "logView")->horizontalHeader();
    QCOMPARE(header->font().pointSizeF(), big.pointSizeF());
    QVERIFY(header->height() >= QFontMetrics(big).height());
}

void tst_UdpPanel::savedLogHasDate()
{
    UdpPanel p;
    const qint64 when = QDateTime(QDate(2024, 2, 29), QTime(23, 59, 58, 123)).toMSecsSinceEpoch();
    p.logModel()->appendDatagram(NetPoke::Datagram{QByteArray("x"), QHostAddress::LocalHost, 9, when}, PacketLogModel::Received);
    QTemporaryDir dir;
    for (const char *name : {"log.txt", "log.csv"}) {
        const QString path = dir.filePath(QLatin1String(name));
        QVERIFY(p.saveLog(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        QVERIFY2(all.contains("2024-02-29T23:59:58.123"), all.constData());
    }
}

// NUL, tab, ESC and a bidi override are shown the same escaped way on screen and in both saved forms, so
// `grep` reads a saved log as text and nothing in it reorders or retitles a terminal.
void tst_UdpPanel::controlsShownOneWayInViewAndFiles()
{
    UdpPanel p;
    const QByteArray bytes = QByteArray("a\0b\tc\x1b[2J", 9) + QString(QChar(0x202E)).toUtf8() + "d";
    p.logModel()->appendDatagram(NetPoke::Datagram{bytes, QHostAddress::LocalHost, 9, 0}, PacketLogModel::Received);
    QTRY_COMPARE(p.logModel()->rowCount(), 1);
    const QString expected = QStringLiteral("a\\x00b\\tc\\x1B[2J\\u202Ed");
    QCOMPARE(p.logModel()->index(0, PacketLogModel::ContentColumn).data().toString(), expected);
    QTemporaryDir dir;
    for (const char *name : {"log.txt", "log.csv"}) {
        const QString path = dir.filePath(QLatin1String(name));
        QVERIFY(p.saveLog(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        QVERIFY2(all.contains(expected.toUtf8()), all.constData());
        for (const char c : all)
            QVERIFY2(uchar(c) >= 0x20 || c == '\n' || c == '\r', name);
        QVERIFY(!all.contains(QString(QChar(0x202E)).toUtf8()));
    }
}

QTEST_MAIN(tst_UdpPanel)
#include "tst_udppanel.moc"
