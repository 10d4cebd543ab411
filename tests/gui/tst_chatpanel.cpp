#include "chatpanel.h"
#include "chatsession.h"
#include "guitestutil.h"
#include "../integration/looptestutil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QNetworkDatagram>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUdpSocket>

using GuiTest::child;
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
    void bubblesShowVisibleText();
    void defaultsTalkToTheLessonScript();
    void talkingToThisSocketSaysSoOnce();
    void refusedMessageIsMarked();
    void bubblesAndControlsFollowZoom();
    void narrowViewBubblesFitBesideScrollBar();
    void errorShowsNearInputWithoutMovingControls_data();
    void errorShowsNearInputWithoutMovingControls();

private:
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
    int systemLinesContaining(ChatPanel &p, const QString &part)
    {
        int n = 0;
        for (int r = 0; r < p.conversation()->rowCount(); ++r) {
            const QModelIndex i = p.conversation()->index(r, 0);
            n += i.data(ChatPanel::KindRole).toInt() == ChatPanel::System && i.data().toString().contains(part);
        }
        return n;
    }
    int lastRowOfKind(ChatPanel &p, int kind)
    {
        for (int r = p.conversation()->rowCount() - 1; r >= 0; --r) {
            if (p.conversation()->index(r, 0).data(ChatPanel::KindRole).toInt() == kind)
                return r;
        }
        return -1;
    }
    bool say(ChatPanel &p, const QString &text)
    {
        child<QPlainTextEdit>(p, "chatInput")->setPlainText(text);
        return p.sendNow();
    }
    // What the user sees once the event loop has run: the layouts redone after a font or text change.
    static void settle()
    {
        for (int i = 0; i < 3; ++i) {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCoreApplication::processEvents();
        }
    }
    // Where a widget is, in the panel's coordinates.
    static QRect placeIn(const QWidget *w, const QWidget *panel) { return QRect(w->mapTo(panel, QPoint(0, 0)), w->size()); }
    GuiTest::SettingsSandbox m_settings{"tst_chatpanel"};
};

void tst_ChatPanel::initTestCase()
{
}

void tst_ChatPanel::init()
{
    m_settings.clear();
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

// A bubble shows the text by the one visible-text rule (controls, undecodable bytes and the backslash escaped,
// line breaks kept as lines), and the saved conversation has one line per message.
void tst_ChatPanel::bubblesShowVisibleText()
{
    ChatPanel p;
    QVERIFY(p.openLocal(0));
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    aimAt(p, peer.localPort());
    peer.writeDatagram(QByteArray("a\\x1B\x1b[2J\xff\nline 2"), QHostAddress::LocalHost, p.session()->localPort());
    QTRY_COMPARE(rowsOfKind(p, ChatPanel::Theirs), 1);
    QCOMPARE(lastTextOfKind(p, ChatPanel::Theirs), QStringLiteral("a\\\\x1B\\x1B[2J\\xFF\nline 2"));
    child<QPlainTextEdit>(p, "chatInput")->setPlainText(QStringLiteral("mine\\\x07\nok"));
    QVERIFY(p.sendNow());
    QTRY_COMPARE(rowsOfKind(p, ChatPanel::Mine), 1);
    QCOMPARE(lastTextOfKind(p, ChatPanel::Mine), QStringLiteral("mine\\\\\\x07\nok"));
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("chat.txt"));
    QVERIFY2(p.saveConversation(path, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString all = QString::fromUtf8(f.readAll());
    QVERIFY2(all.contains(QStringLiteral("] a\\\\x1B\\x1B[2J\\xFF\\nline 2\n")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("] mine\\\\\\x07\\nok\n")), qPrintable(all));
}

void tst_ChatPanel::defaultsTalkToTheLessonScript()
{
    // The lesson's chat script binds 4567 and asks for the other side: on one machine NetPoke must not be
    // on 4567 too, and its Them must be the script.
    ChatPanel p;
    QCOMPARE(child<QSpinBox>(p, "chatLocalPort")->value(), 4568);
    QCOMPARE(child<QLineEdit>(p, "chatPeerHost")->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(child<QLineEdit>(p, "chatPeerPort")->text(), QStringLiteral("4567"));
    QVERIFY(child<QCheckBox>(p, "chatAnswerFirst")->isChecked());
    QCOMPARE(child<QComboBox>(p, "chatEncoding")->currentText(), QStringLiteral("GB2312"));
    // Saved values still win over the form's defaults (same keys as before).
    QSettings().setValue(QStringLiteral("chat/localPort"), 4567);
    QSettings().setValue(QStringLiteral("chat/encoding"), QStringLiteral("utf8"));
    ChatPanel restored;
    QCOMPARE(child<QSpinBox>(restored, "chatLocalPort")->value(), 4567);
    QCOMPARE(child<QComboBox>(restored, "chatEncoding")->currentText(), QStringLiteral("UTF-8"));
}

void tst_ChatPanel::talkingToThisSocketSaysSoOnce()
{
    ChatPanel p;
    QVERIFY(p.openLocal(0));
    const QString marker = QStringLiteral("is this chat itself");
    QCOMPARE(systemLinesContaining(p, marker), 0);   // Them is 127.0.0.1:4567, not this socket
    aimAt(p, p.session()->localPort());
    QVERIFY(say(p, QStringLiteral("one")));
    QVERIFY(say(p, QStringLiteral("two")));
    QTRY_COMPARE(rowsOfKind(p, ChatPanel::Theirs), 2);   // each line does come back
    QCOMPARE(rowsOfKind(p, ChatPanel::Mine), 2);
    QCOMPARE(systemLinesContaining(p, marker), 1);       // and is said once, not per message
    const QString line = lastTextOfKind(p, ChatPanel::System);
    QVERIFY2(systemLinesContaining(p, QString::number(p.session()->localPort())) >= 1, qPrintable(line));
    const int echo = lastRowOfKind(p, ChatPanel::Theirs);
    QVERIFY(p.conversation()->index(echo, 0).data(ChatPanel::MetaRole).toString().contains(QStringLiteral("your own message")));

    // Another peer, then this socket again: said again, once.
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    aimAt(p, peer.localPort());
    QVERIFY(say(p, QStringLiteral("three")));
    QTRY_VERIFY(peer.hasPendingDatagrams());
    QCOMPARE(systemLinesContaining(p, marker), 1);
    aimAt(p, p.session()->localPort());
    QVERIFY(say(p, QStringLiteral("four")));
    QTRY_COMPARE(rowsOfKind(p, ChatPanel::Theirs), 3);
    QCOMPARE(systemLinesContaining(p, marker), 2);
}

void tst_ChatPanel::refusedMessageIsMarked()
{
    ChatPanel p;
    QVERIFY(p.openLocal(0));
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    aimAt(p, peer.localPort());
    QVERIFY(say(p, QStringLiteral("delivered")));
    QTRY_VERIFY(peer.hasPendingDatagrams());
    const int delivered = lastRowOfKind(p, ChatPanel::Mine);

    const quint16 closed = LoopTest::closedUdpPort();
    QVERIFY(closed != 0);
    aimAt(p, closed);
    QVERIFY(say(p, QStringLiteral("anybody there?")));
    const int refused = lastRowOfKind(p, ChatPanel::Mine);
    QVERIFY(refused > delivered);
    const QModelIndex r = p.conversation()->index(refused, 0);
    QTRY_VERIFY(r.data(ChatPanel::UndeliveredRole).toBool());
    QVERIFY2(r.data(ChatPanel::MetaRole).toString().contains(QStringLiteral("not delivered")),
             qPrintable(r.data(ChatPanel::MetaRole).toString()));
    QVERIFY(systemLinesContaining(p, QStringLiteral("ICMP port unreachable")) >= 1);   // the core's line stays
    QVERIFY(!p.conversation()->index(delivered, 0).data(ChatPanel::UndeliveredRole).toBool());

    // The mark is in the saved log too.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chat.txt"));
    QVERIFY(p.saveConversation(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(f.readAll()).contains(QStringLiteral("(not delivered: nothing listens there)] anybody there?")));
}

void tst_ChatPanel::bubblesAndControlsFollowZoom()
{
    // As MainWindow::setZoom does: the window's font, inherited by the panel.
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    auto *p = new ChatPanel(&window);
    layout->addWidget(p);
    window.resize(1180, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    settle();
    auto *controls = child<QScrollArea>(*p, "chatControlsScroll");
    const QRect openButton = placeIn(child<QPushButton>(*p, "chatOpenButton"), p);
    const int closedWidth = controls->width();
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    QVERIFY(p->openLocal(0));
    settle();
    // Opening changes the status line; the column (and the Open button under the pointer) stays put.
    QCOMPARE(controls->width(), closedWidth);
    QCOMPARE(placeIn(child<QPushButton>(*p, "chatOpenButton"), p), openButton);
    aimAt(*p, peer.localPort());
    QVERIFY(say(*p, QStringLiteral("a line that is long enough to be a real message")));
    QTRY_COMPARE(rowsOfKind(*p, ChatPanel::Mine), 1);
    settle();
    auto *view = child<QListView>(*p, "chatView");
    const QModelIndex bubble = p->conversation()->index(lastRowOfKind(*p, ChatPanel::Mine), 0);
    const QModelIndex system = p->conversation()->index(lastRowOfKind(*p, ChatPanel::System), 0);
    QTRY_VERIFY(view->visualRect(bubble).height() > 0);
    QStyleOptionViewItem option;
    option.font = view->font();
    const QSize bubble1 = view->itemDelegate()->sizeHint(option, bubble);
    const int bubbleRow1 = view->visualRect(bubble).height();
    const int systemRow1 = view->visualRect(system).height();
    auto *status = child<QLabel>(*p, "chatLocalStatus");
    const qreal base = window.font().pointSizeF();
    QCOMPARE(status->font().pointSizeF(), base);
    QVERIFY(status->font().bold());
    const int controlsWidth1 = controls->width();
    const int sendWidth1 = child<QPushButton>(*p, "chatSendButton")->width();

    const auto zoom = [&](qreal factor) {
        QFont f = window.font();
        f.setPointSizeF(base * factor);
        window.setFont(f);
    };
    const auto buttonsFit = [&](const char *when) {
        for (const QPushButton *b : p->findChildren<QPushButton *>()) {
            QVERIFY2(b->width() >= b->sizeHint().width(),
                     qPrintable(QStringLiteral("%1 at %2: %3 < %4").arg(b->objectName(), QLatin1String(when))
                                    .arg(b->width()).arg(b->sizeHint().width())));
        }
        QVERIFY2(p->minimumSizeHint().width() <= p->width(), when);
    };
    buttonsFit("1x");
    for (const qreal factor : {2.0, 3.0}) {
        zoom(factor);
        QTRY_VERIFY(view->visualRect(bubble).height() > bubbleRow1 * (factor - 0.5));
        settle();
        option.font = view->font();
        QVERIFY(view->itemDelegate()->sizeHint(option, bubble).height() > bubble1.height() * (factor - 0.5));
        QVERIFY(view->visualRect(system).height() > systemRow1 * (factor - 0.5));
        QCOMPARE(status->font().pointSizeF(), base * factor);   // the coloured status line scales too
        QVERIFY(status->font().bold());
        const QByteArray when = QByteArray::number(factor) + 'x';
        buttonsFit(when.constData());
        // The Send button stays inside the panel (the controls' column does not push it out).
        QVERIFY(p->rect().contains(placeIn(child<QPushButton>(*p, "chatSendButton"), p)));
    }
    zoom(1.0);
    QTRY_COMPARE(view->visualRect(bubble).height(), bubbleRow1);
    settle();
    option.font = view->font();
    QCOMPARE(view->itemDelegate()->sizeHint(option, bubble), bubble1);
    QCOMPARE(view->visualRect(system).height(), systemRow1);
    QCOMPARE(status->font().pointSizeF(), base);
    QTRY_COMPARE(controls->width(), controlsWidth1);
    QCOMPARE(child<QPushButton>(*p, "chatSendButton")->width(), sendWidth1);
    buttonsFit("1x again");
}

void tst_ChatPanel::narrowViewBubblesFitBesideScrollBar()
{
    ChatPanel p;
    p.resize(p.minimumSizeHint().width() + 60, 420);
    p.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p));
    QVERIFY(p.openLocal(0));
    QUdpSocket peer;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    aimAt(p, peer.localPort());
    const QString words = QStringLiteral("some words to wrap over several lines in a narrow conversation");
    for (int i = 0; i < 15; ++i) {
        QVERIFY(say(p, QStringLiteral("%1 %2").arg(i).arg(words)));
        peer.writeDatagram(QStringLiteral("reply %1 %2").arg(i).arg(words).toUtf8(), QHostAddress::LocalHost,
                           p.session()->localPort());
    }
    QTRY_COMPARE(rowsOfKind(p, ChatPanel::Theirs) + rowsOfKind(p, ChatPanel::Stranger), 15);
    auto *view = child<QListView>(p, "chatView");
    QTRY_VERIFY(view->verticalScrollBar()->isVisible());
    QTest::qWait(50);   // the delayed item layout after the scroll bar appeared
    QVERIFY(!view->horizontalScrollBar()->isVisible());
    const int viewportWidth = view->viewport()->width();
    const QFontMetrics fm(view->font());
    int checked = 0;
    for (int row = 0; row < p.conversation()->rowCount(); ++row) {
        const QModelIndex i = p.conversation()->index(row, 0);
        const QRect cell = view->visualRect(i);
        QVERIFY2(cell.width() <= viewportWidth, qPrintable(QString::number(row)));
        if (i.data(ChatPanel::KindRole).toInt() == ChatPanel::System)
            continue;
        const QRect text = p.bubbleTextRect(row);
        QVERIFY2(cell.contains(text), qPrintable(QString::number(row)));
        QVERIFY(text.left() >= 0 && text.right() < viewportWidth);
        // All of the text fits where it is painted: wrapped at the painted width, it needs no more height.
        const QRect needed = fm.boundingRect(QRect(0, 0, text.width(), 1 << 20), Qt::TextWordWrap | Qt::TextWrapAnywhere,
                                             i.data().toString());
        QVERIFY2(needed.height() <= text.height() && needed.width() <= text.width(),
                 qPrintable(QStringLiteral("row %1: needs %2x%3, has %4x%5").arg(row).arg(needed.width())
                                .arg(needed.height()).arg(text.width()).arg(text.height())));
        QVERIFY(needed.height() > fm.height());   // narrow enough to wrap: the check is not trivial
        ++checked;
    }
    QCOMPARE(checked, 30);

    // The rows are laid out for the width beside the scroll bar whether it shows or not, so its coming and
    // going re-wraps nothing (the reflow is what made rows overflow and a horizontal bar flicker in).
    QList<QSize> sizes;
    for (int row = 0; row < p.conversation()->rowCount(); ++row)
        sizes << view->visualRect(p.conversation()->index(row, 0)).size();
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QTRY_VERIFY(view->viewport()->width() > viewportWidth);
    settle();
    QTest::qWait(50);
    for (int row = 0; row < p.conversation()->rowCount(); ++row)
        QCOMPARE(view->visualRect(p.conversation()->index(row, 0)).height(), sizes.at(row).height());
}

void tst_ChatPanel::errorShowsNearInputWithoutMovingControls_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QString();
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void tst_ChatPanel::errorShowsNearInputWithoutMovingControls()
{
    QFETCH(QString, language);
    QTranslator translator;
    if (!language.isEmpty()) {
        QVERIFY(translator.load(QLocale(language), QStringLiteral("netpoke"), QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&translator);
    }
    ChatPanel p;   // inside the default 1180x760 window
    p.resize(1170, 680);
    p.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p));
    settle();
    const char *fixed[] = {"chatSendButton", "chatInput", "chatOpenButton", "chatRoomButton", "chatClearButton"};
    QList<QRect> before;
    for (const char *name : fixed)
        before << placeIn(child<QWidget>(p, name), &p);
    aimAt(p, 0);
    child<QLineEdit>(p, "chatPeerPort")->setText(QStringLiteral("70000"));
    child<QPlainTextEdit>(p, "chatInput")->setPlainText(QStringLiteral("hello"));
    QVERIFY(!p.sendNow());
    auto *error = child<QLabel>(p, "chatPeerError");
    QTRY_VERIFY(error->isVisible());
    settle();
    QVERIFY(error->text().contains(QStringLiteral("70000")));
    // In sight: wholly inside the panel, not scrolled away, tall enough for its wrapped text, and right
    // above the input the user just pressed Enter in.
    QVERIFY(p.rect().contains(placeIn(error, &p)));
    QCOMPARE(error->visibleRegion().boundingRect(), error->rect());
    QVERIFY(error->height() >= error->heightForWidth(error->width()));
    const QRect input = placeIn(child<QWidget>(p, "chatInput"), &p);
    QVERIFY(placeIn(error, &p).bottom() < input.top());
    QVERIFY(input.top() - placeIn(error, &p).bottom() < error->fontMetrics().height());
    for (int i = 0; i < int(std::size(fixed)); ++i)
        QCOMPARE(placeIn(child<QWidget>(p, fixed[i]), &p), before.at(i));
    // Fixing the port hides it; still nothing moves.
    QTest::keyClick(child<QLineEdit>(p, "chatPeerPort"), Qt::Key_Backspace);
    QTRY_VERIFY(!error->isVisible());
    settle();
    for (int i = 0; i < int(std::size(fixed)); ++i)
        QCOMPARE(placeIn(child<QWidget>(p, fixed[i]), &p), before.at(i));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(tst_ChatPanel)
#include "tst_chatpanel.moc"
