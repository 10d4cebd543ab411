#include "guitestutil.h"
#include "packetlogmodel.h"
#include "tcpconnectionmodel.h"
#include "tcpserverpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using NetPoke::PacketLogModel;
using NetPoke::TcpConnectionModel;
using NetPoke::TcpServerPanel;

class tst_TcpServerPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void dualStackByDefault();
    void twoClientsListedSendToAllDisconnectOne();
    void sendToSelectedOnly();
    void framingByLine();
    void capRefusesWithReason();
    void echo();

private:
    template<typename T>
    T *child(TcpServerPanel &p, const char *name)
    {
        return GuiTest::child<T>(p, name);
    }
    // Listens on 127.0.0.1, port 0.
    bool listenLoopback(TcpServerPanel &p)
    {
        auto *address = child<QComboBox>(p, "listenAddress");
        address->setCurrentIndex(address->findData(QStringLiteral("127.0.0.1")));
        child<QSpinBox>(p, "listenPort")->setValue(0);
        return address->currentIndex() >= 0 && p.startListening() && p.server()->serverPort() != 0;
    }
    std::unique_ptr<QTcpSocket> connectClient(TcpServerPanel &p)
    {
        auto s = std::make_unique<QTcpSocket>();
        s->connectToHost(QHostAddress::LocalHost, p.server()->serverPort());
        return s;
    }
    QStringList received(const TcpServerPanel &p) const
    {
        QStringList out;
        const PacketLogModel *m = p.logModel();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, 0).data(PacketLogModel::DirectionRole).toInt() == PacketLogModel::Received)
                out << m->index(r, PacketLogModel::ContentColumn).data().toString();
        return out;
    }
    GuiTest::SettingsSandbox m_settings{"tst_tcpserverpanel"};
};

void tst_TcpServerPanel::initTestCase()
{
    m_settings.clear();
}

void tst_TcpServerPanel::init()
{
    m_settings.clear();
}

void tst_TcpServerPanel::dualStackByDefault()
{
    TcpServerPanel p;
    QCOMPARE(child<QComboBox>(p, "listenAddress")->currentData().toString(), QStringLiteral("any"));
    QCOMPARE(child<QSpinBox>(p, "maxConnections")->value(), 1000);
    QCOMPARE(child<QLabel>(p, "listenStatus")->text(), QStringLiteral("Not listening."));
}

void tst_TcpServerPanel::twoClientsListedSendToAllDisconnectOne()
{
    TcpServerPanel p;
    p.show();
    QVERIFY(listenLoopback(p));
    QVERIFY(child<QLabel>(p, "listenStatus")->text().contains(QStringLiteral("127.0.0.1:%1").arg(p.server()->serverPort())));
    QCOMPARE(child<QPushButton>(p, "listenButton")->text(), QStringLiteral("Stop"));
    auto a = connectClient(p);
    auto b = connectClient(p);
    QTRY_COMPARE(p.connectionModel()->rowCount(), 2);   // the table follows on its timer
    QCOMPARE(p.connectionModel()->index(0, TcpConnectionModel::PeerColumn).data().toString(),
             QStringLiteral("127.0.0.1:%1").arg(a->localPort()));
    QTRY_VERIFY(child<QPlainTextEdit>(p, "eventLog")->toPlainText().count(QStringLiteral("connected")) == 2);

    child<QCheckBox>(p, "sendToAll")->setChecked(true);
    child<QComboBox>(p, "encoding")->setCurrentText(QStringLiteral("GB2312"));
    child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("大家好"));
    QTest::mouseClick(child<QPushButton>(p, "sendButton"), Qt::LeftButton);
    const QByteArray expected("\xb4\xf3\xbc\xd2\xba\xc3");
    QTRY_COMPARE(a->bytesAvailable(), qint64(expected.size()));
    QTRY_COMPARE(b->bytesAvailable(), qint64(expected.size()));
    QCOMPARE(a->readAll(), expected);
    QCOMPARE(b->readAll(), expected);
    QTRY_COMPARE(p.connectionModel()->index(1, TcpConnectionModel::TxColumn).data().toString(), QStringLiteral("6"));

    // Disconnect the first one: it sees the close, the table keeps the second, the event list says why.
    auto *view = child<QTableView>(p, "connectionView");
    view->selectionModel()->select(p.connectionModel()->index(0, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTest::mouseClick(child<QPushButton>(p, "disconnectButton"), Qt::LeftButton);
    QTRY_COMPARE(a->state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE(p.connectionModel()->rowCount(), 1);
    QCOMPARE(p.connectionModel()->index(0, TcpConnectionModel::PeerColumn).data().toString(),
             QStringLiteral("127.0.0.1:%1").arg(b->localPort()));
    QVERIFY(child<QPlainTextEdit>(p, "eventLog")->toPlainText().contains(QStringLiteral("closed")));
    QCOMPARE(b->state(), QAbstractSocket::ConnectedState);

    QTest::mouseClick(child<QPushButton>(p, "disconnectAllButton"), Qt::LeftButton);
    QTRY_COMPARE(b->state(), QAbstractSocket::UnconnectedState);
    p.stopListening();
    QCOMPARE(child<QPushButton>(p, "listenButton")->text(), QStringLiteral("Listen"));
}

void tst_TcpServerPanel::sendToSelectedOnly()
{
    TcpServerPanel p;
    QVERIFY(listenLoopback(p));
    auto a = connectClient(p);
    auto b = connectClient(p);
    QTRY_COMPARE(p.connectionModel()->rowCount(), 2);
    child<QCheckBox>(p, "sendToAll")->setChecked(false);
    child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("only b"));
    QVERIFY(!p.sendNow());   // nothing selected
    QVERIFY(!child<QLabel>(p, "sendError")->text().isEmpty());
    auto *view = child<QTableView>(p, "connectionView");
    view->selectionModel()->select(p.connectionModel()->index(1, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(p.sendNow());
    QTRY_COMPARE(b->bytesAvailable(), qint64(6));   // (QTRY_COMPARE evaluates twice: no readAll() in it)
    QCOMPARE(b->readAll(), QByteArray("only b"));
    QTest::qWait(50);
    QCOMPARE(a->bytesAvailable(), qint64(0));
}

// Rows by line end, whatever the reads: "one\ntw" then "o\n" give "one\n" and "two\n".
void tst_TcpServerPanel::framingByLine()
{
    TcpServerPanel p;
    child<QComboBox>(p, "framing")->setCurrentIndex(1);
    QVERIFY(listenLoopback(p));
    auto a = connectClient(p);
    QVERIFY(a->waitForConnected(5000));
    a->write("one\ntw");
    a->flush();
    QTRY_COMPARE(p.server()->counters().rxBytes, quint64(6));
    a->write("o\n");
    a->flush();
    QTRY_COMPARE(received(p), (QStringList{QStringLiteral("one\\n"), QStringLiteral("two\\n")}));
    // A partial line is shown when its connection closes.
    a->write("tail");
    a->flush();
    QTRY_COMPARE(p.server()->counters().rxBytes, quint64(12));
    a->disconnectFromHost();
    QTRY_COMPARE(received(p).size(), 3);
    QCOMPARE(received(p).at(2), QStringLiteral("tail"));
}

void tst_TcpServerPanel::capRefusesWithReason()
{
    TcpServerPanel p;
    child<QSpinBox>(p, "maxConnections")->setValue(1);
    QVERIFY(listenLoopback(p));
    auto a = connectClient(p);
    QTRY_COMPARE(p.server()->connectionCount(), 1);
    auto b = connectClient(p);
    QTRY_COMPARE(b->state(), QAbstractSocket::UnconnectedState);
    auto *events = child<QPlainTextEdit>(p, "eventLog");
    QTRY_VERIFY2(events->toPlainText().contains(QStringLiteral("refused")), qPrintable(events->toPlainText()));
    QTRY_VERIFY(child<QLabel>(p, "connectionsNote")->text().contains(QStringLiteral("1 refused")));
    QCOMPARE(a->state(), QAbstractSocket::ConnectedState);
}

void tst_TcpServerPanel::echo()
{
    TcpServerPanel p;
    child<QCheckBox>(p, "echo")->setChecked(true);
    QVERIFY(listenLoopback(p));
    auto a = connectClient(p);
    QVERIFY(a->waitForConnected(5000));
    a->write("ping");
    QTRY_COMPARE(a->bytesAvailable(), qint64(4));
    QCOMPARE(a->readAll(), QByteArray("ping"));
}

QTEST_MAIN(tst_TcpServerPanel)
#include "tst_tcpserverpanel.moc"
