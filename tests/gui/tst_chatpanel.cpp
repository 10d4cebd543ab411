#include "chatpanel.h"
#include "chatsession.h"

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
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using NetPoke::ChatPanel;

class tst_ChatPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void enterSendsEncodedBytesAndShowsBubble();
    void shiftEnterIsNewLine();
    void incomingDatagramBecomesBubble();
    void badPortShowsErrorAndSendsNothing();
    void badHostShowsErrorAndSendsNothing();
    void shortAddressRefused();
    void portInUseAdvice();
    void answerWhoeverWritesFirst();
    void unreadCountWhileHidden();
    void saveConversation();

private:
    template<typename T>
    T *child(ChatPanel &p, const char *name)
    {
        T *w = p.findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    int rowsOfKind(ChatPanel &p, int kind)
    {
        int n = 0;
        for (int r = 0; r < p.conversation()->rowCount(); ++r)
            n += p.conversation()->index(r, 0).data(ChatPanel::KindRole).toInt() == kind;
        return n;
    }
    QString lastTextOfKind(ChatPanel &p, int kind)
    {
        for (int r = p.conversation()->rowCount() - 1; r >= 0; --r) {
            const QModelIndex i = p.conversation()->index(r, 0);
            if (i.data(ChatPanel::KindRole).toInt() == kind)
                return i.data().toString();
        }
        return {};
    }
    void aimAt(ChatPanel &p, quint16 port, const QString &host = QStringLiteral("127.0.0.1"))
    {
        child<QLineEdit>(p, "chatPeerHost")->setText(host);
        child<QLineEdit>(p, "chatPeerPort")->setText(QString::number(port));
    }
    QTemporaryDir m_settingsDir;
};

void tst_ChatPanel::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("NetPokeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_chatpanel"));
}

void tst_ChatPanel::init()
{
    QSettings().clear();
}

void tst_ChatPanel::enterSendsEncodedBytesAndShowsBubble()
{
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    ChatPanel p;
    p.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p));
    child<QComboBox>(p, "chatEncoding")->setCurrentText(QStringLiteral("GB2312"));
    QVERIFY(p.openLocal(0));
    aimAt(p, peer.localPort());
    auto *input = child<QPlainTextEdit>(p, "chatInput");
    input->setFocus();
    QInputMethodEvent ime;
    ime.setCommitString(QStringLiteral("你好"));
    QCoreApplication::sendEvent(input, &ime);
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_VERIFY(peer.hasPendingDatagrams());
    const QNetworkDatagram d = peer.receiveDatagram();
    QCOMPARE(d.data().toHex(), QByteArray("c4e3bac3"));   // the bare GB2312 text, no framing
    QCOMPARE(d.senderPort(), int(p.session()->localPort()));
    QTRY_COMPARE(rowsOfKind(p, ChatPanel::Mine), 1);
    QCOMPARE(lastTextOfKind(p, ChatPanel::Mine), QStringLiteral("你好"));
    QVERIFY(input->toPlainText().isEmpty());
}

void tst_ChatPanel::shiftEnterIsNewLine()
{
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    ChatPanel p;
    p.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p));
    aimAt(p, peer.localPort());
    auto *input = child<QPlainTextEdit>(p, "chatInput");
    input->setFocus();
    QTest::keyClicks(input, QStringLiteral("line1"));
    QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(input, QStringLiteral("line2"));
    QCOMPARE(input->toPlainText(), QStringLiteral("line1\nline2"));
    QTest::qWait(100);
    QVERIFY(!peer.hasPendingDatagrams());
    QTest::keyClick(input, Qt::Key_Enter);
    QTRY_VERIFY(peer.hasPendingDatagrams());
    QCOMPARE(peer.receiveDatagram().data(), QByteArray("line1\nline2"));
}

void tst_ChatPanel::incomingDatagramBecomesBubble()
{
    ChatPanel p;
    child<QComboBox>(p, "chatEncoding")->setCurrentText(QStringLiteral("GB2312"));
    QVERIFY(p.openLocal(0));
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    aimAt(p, peer.localPort());
    peer.writeDatagram(QByteArray("\xc4\xe3\xba\xc3"), QHostAddress::LocalHost, p.session()->localPort());
    QTRY_COMPARE(rowsOfKind(p, ChatPanel::Theirs) + rowsOfKind(p, ChatPanel::Stranger), 1);
    const QString text = rowsOfKind(p, ChatPanel::Theirs) ? lastTextOfKind(p, ChatPanel::Theirs)
                                                          : lastTextOfKind(p, ChatPanel::Stranger);
    QCOMPARE(text, QStringLiteral("你好"));
}

void tst_ChatPanel::badPortShowsErrorAndSendsNothing()
{
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    ChatPanel p;
    p.show();
    child<QLineEdit>(p, "chatPeerHost")->setText(QStringLiteral("127.0.0.1"));
    child<QLineEdit>(p, "chatPeerPort")->setText(QStringLiteral("70000"));
    child<QPlainTextEdit>(p, "chatInput")->setPlainText(QStringLiteral("hello"));
    QVERIFY(!p.sendNow());
    auto *error = child<QLabel>(p, "chatPeerError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("70000")), qPrintable(error->text()));
    QCOMPARE(child<QPlainTextEdit>(p, "chatInput")->toPlainText(), QStringLiteral("hello"));   // kept
    QCOMPARE(rowsOfKind(p, ChatPanel::Mine), 0);
    QVERIFY(!p.session()->isBound());   // nothing was even opened
}

void tst_ChatPanel::badHostShowsErrorAndSendsNothing()
{
    ChatPanel p;
    p.show();
    aimAt(p, 9, QStringLiteral("300.1.1.1"));
    child<QPlainTextEdit>(p, "chatInput")->setPlainText(QStringLiteral("hello"));
    QVERIFY(!p.sendNow());
    auto *error = child<QLabel>(p, "chatPeerError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("300.1.1.1")), qPrintable(error->text()));
    QCOMPARE(rowsOfKind(p, ChatPanel::Mine), 0);
    QCOMPARE(p.session()->endpoint()->counters().txPackets, quint64(0));
}

void tst_ChatPanel::shortAddressRefused()
{
    // inet_aton would read "127.1" as 127.0.0.1; typed by a person it is more likely a typo.
    ChatPanel p;
    p.show();
    aimAt(p, 9, QStringLiteral("127.1"));
    child<QPlainTextEdit>(p, "chatInput")->setPlainText(QStringLiteral("hello"));
    QVERIFY(!p.sendNow());
    auto *error = child<QLabel>(p, "chatPeerError");
    QVERIFY2(error->text().contains(QStringLiteral("127.1")), qPrintable(error->text()));
    QCOMPARE(p.session()->endpoint()->counters().txPackets, quint64(0));
}

void tst_ChatPanel::portInUseAdvice()
{
    QUdpSocket taken;
    QVERIFY(taken.bind(QHostAddress::Any, 0));
    ChatPanel p;
    p.show();
    QVERIFY(!p.openLocal(taken.localPort()));
    QCOMPARE(p.session()->error(), NetPoke::ChatSession::AddressInUseError);
    const QString text = child<QLabel>(p, "chatLocalError")->text();
    QVERIFY2(text.startsWith(p.session()->errorString()) && text.contains(QLatin1String("enter 0")), qPrintable(text));
}

void tst_ChatPanel::answerWhoeverWritesFirst()
{
    ChatPanel p;
    child<QLineEdit>(p, "chatPeerHost")->clear();
    child<QLineEdit>(p, "chatPeerPort")->clear();
    child<QCheckBox>(p, "chatAnswerFirst")->setChecked(true);
    QVERIFY(p.openLocal(0));
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    peer.writeDatagram(QByteArray("hi"), QHostAddress::LocalHost, p.session()->localPort());
    QTRY_COMPARE(child<QLineEdit>(p, "chatPeerPort")->text(), QString::number(peer.localPort()));
    QCOMPARE(child<QLineEdit>(p, "chatPeerHost")->text(), QStringLiteral("127.0.0.1"));
    child<QPlainTextEdit>(p, "chatInput")->setPlainText(QStringLiteral("hello back"));
    QVERIFY(p.sendNow());
    QTRY_VERIFY(peer.hasPendingDatagrams());
    QCOMPARE(peer.receiveDatagram().data(), QByteArray("hello back"));
}

void tst_ChatPanel::unreadCountWhileHidden()
{
    ChatPanel p;   // never shown: like a tab in the background
    QSignalSpy unread(&p, &ChatPanel::unreadCountChanged);
    QVERIFY(p.openLocal(0));
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    peer.writeDatagram(QByteArray("one"), QHostAddress::LocalHost, p.session()->localPort());
    peer.writeDatagram(QByteArray("two"), QHostAddress::LocalHost, p.session()->localPort());
    QTRY_COMPARE(p.unreadCount(), 2);
    QCOMPARE(unread.last().at(0).toInt(), 2);
    p.show();
    QCOMPARE(p.unreadCount(), 0);
    QCOMPARE(unread.last().at(0).toInt(), 0);
}

void tst_ChatPanel::saveConversation()
{
    ChatPanel p;
    QVERIFY(p.openLocal(0));
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    aimAt(p, peer.localPort());
    child<QPlainTextEdit>(p, "chatInput")->setPlainText(QStringLiteral("saved line"));
    QVERIFY(p.sendNow());
    QTRY_VERIFY(rowsOfKind(p, ChatPanel::Mine) == 1);
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("chat.txt"));
    QVERIFY2(p.saveConversation(path, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString all = QString::fromUtf8(f.readAll());
    QVERIFY2(all.contains(QStringLiteral("] saved line\n")), qPrintable(all));
}

QTEST_MAIN(tst_ChatPanel)
#include "tst_chatpanel.moc"
