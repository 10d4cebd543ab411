#include "packetlogmodel.h"
#include "udppanel.h"

#include <QCheckBox>
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
    void bindFailureAdvice();
    void openShowsChosenPort();
    void periodicSend();
    void saveLogCsv();
    void settingsPersist();

private:
    template<typename T>
    T *child(UdpPanel &p, const char *name)
    {
        T *w = p.findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    void aimAt(UdpPanel &p, const QUdpSocket &peer)
    {
        child<QLineEdit>(p, "remoteHost")->setText(QStringLiteral("127.0.0.1"));
        child<QSpinBox>(p, "remotePort")->setValue(peer.localPort());
    }
    QTemporaryDir m_settingsDir;
};

void tst_UdpPanel::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("NetPokeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_udppanel"));
}

void tst_UdpPanel::init()
{
    QSettings().clear();
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
    QCOMPARE(p.logModel()->contentText(0), QStringLiteral("\\xC4\\xE3"));
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

// The core states the fact; the panel adds what can be done about it here.
void tst_UdpPanel::bindFailureAdvice()
{
    QUdpSocket taken;
    QVERIFY(taken.bind(QHostAddress::LocalHost, 0));
    UdpPanel p;
    p.show();
    QVERIFY(!p.openLocal(QHostAddress::LocalHost, taken.localPort()));
    const QString text = child<QLabel>(p, "localError")->text();
    const QString fact = p.endpoint()->errorString();
    QVERIFY2(!fact.contains(QLatin1String("enter 0")), qPrintable(fact));
    QVERIFY2(text.startsWith(fact) && text.contains(QLatin1String("enter 0 to let the system choose")), qPrintable(text));
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

QTEST_MAIN(tst_UdpPanel)
#include "tst_udppanel.moc"
