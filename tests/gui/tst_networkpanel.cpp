#include "networkpanel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUdpSocket>

using NetPoke::NetworkPanel;

class tst_networkpanel : public QObject
{
    Q_OBJECT

private slots:
    void listsLoopback();
    void listsOwnSockets();
    void calculatorLessonNetwork();
    void calculatorTyping();
    void calculatorRefusesImpossible();
    void wellKnownPorts();
};

void tst_networkpanel::listsLoopback()
{
    NetworkPanel panel;
    const QList<QTreeWidgetItem *> found =
        panel.interfaceTree()->findItems(QStringLiteral("127.0.0.1"), Qt::MatchExactly | Qt::MatchRecursive, 0);
    QVERIFY2(!found.isEmpty(), "127.0.0.1 is not listed");
    QTreeWidgetItem *address = found.first();
    QCOMPARE(address->text(1), QStringLiteral("/8"));
    QCOMPARE(address->text(2), QStringLiteral("255.0.0.0"));
    QVERIFY(address->parent());
    QVERIFY(address->parent()->text(6).contains(QStringLiteral("loopback")));
}

void tst_networkpanel::listsOwnSockets()
{
    QUdpSocket udp;
    QVERIFY(udp.bind(QHostAddress::LocalHost, 0));
    NetworkPanel panel;
    panel.refreshSockets();
    const QString endpoint = QStringLiteral("127.0.0.1:%1").arg(udp.localPort());
    QVERIFY2(!panel.socketTable()->findItems(endpoint, Qt::MatchExactly).isEmpty(), qPrintable(endpoint));
    udp.close();
    panel.refreshSockets();
    QVERIFY(panel.socketTable()->findItems(endpoint, Qt::MatchExactly).isEmpty());
}

void tst_networkpanel::calculatorLessonNetwork()
{
    NetworkPanel panel;
    panel.calculate(QStringLiteral("192.168.1.10"), QStringLiteral("/24"));
    QCOMPARE(panel.calculatorError(), QString());
    QCOMPARE(panel.resultText(QStringLiteral("network")), QStringLiteral("192.168.1.0/24"));
    QCOMPARE(panel.resultText(QStringLiteral("broadcast")), QStringLiteral("192.168.1.255"));
    QCOMPARE(panel.resultText(QStringLiteral("first")), QStringLiteral("192.168.1.1"));
    QCOMPARE(panel.resultText(QStringLiteral("last")), QStringLiteral("192.168.1.254"));
    QVERIFY(panel.resultText(QStringLiteral("hosts")).startsWith(QStringLiteral("254 ")));
    QVERIFY(panel.resultText(QStringLiteral("class")).startsWith(QLatin1Char('C')));
    QCOMPARE(panel.resultText(QStringLiteral("kind")), QStringLiteral("private"));
    QCOMPARE(panel.resultText(QStringLiteral("binary")),
             QStringLiteral("11000000.10101000.00000001 | 00001010"));

    // The class default when no prefix is chosen.
    panel.calculate(QStringLiteral("10.1.2.3"), panel.findChild<QComboBox *>(QStringLiteral("calcPrefix"))->itemText(0));
    QCOMPARE(panel.resultText(QStringLiteral("network")), QStringLiteral("10.0.0.0/8"));
}

void tst_networkpanel::calculatorTyping()
{
    NetworkPanel panel;
    auto *address = panel.findChild<QLineEdit *>(QStringLiteral("calcAddress"));
    QVERIFY(address);
    address->clear();
    QTest::keyClicks(address, QStringLiteral("172.16.5.4/30"));
    auto *prefix = panel.findChild<QComboBox *>(QStringLiteral("calcPrefix"));
    prefix->setCurrentIndex(0);   // the prefix comes from the address text
    QCOMPARE(panel.calculatorError(), QString());
    QCOMPARE(panel.resultText(QStringLiteral("network")), QStringLiteral("172.16.5.4/30"));
    QVERIFY(panel.resultText(QStringLiteral("hosts")).startsWith(QStringLiteral("2 ")));
}

void tst_networkpanel::calculatorRefusesImpossible()
{
    NetworkPanel panel;
    panel.calculate(QStringLiteral("300.1.1.1"), QStringLiteral("/24"));
    QVERIFY(panel.calculatorError().contains(QStringLiteral("255")));
    QCOMPARE(panel.resultText(QStringLiteral("network")), QString());
    panel.calculate(QStringLiteral("10.0.0.1"), QStringLiteral("255.0.255.0"));
    QVERIFY(panel.calculatorError().contains(QStringLiteral("netmask")));
    panel.calculate(QStringLiteral("10.0.0.1"), QStringLiteral("/24"));
    QCOMPARE(panel.calculatorError(), QString());
}

void tst_networkpanel::wellKnownPorts()
{
    NetworkPanel panel;
    const QList<QTableWidgetItem *> tftp = panel.portTable()->findItems(QStringLiteral("TFTP"), Qt::MatchExactly);
    QCOMPARE(tftp.size(), 1);
    QCOMPARE(panel.portTable()->item(tftp.first()->row(), 0)->text(), QStringLiteral("69"));
    QVERIFY(!panel.portTable()->findItems(QStringLiteral("DNS"), Qt::MatchExactly).isEmpty());
}

QTEST_MAIN(tst_networkpanel)
#include "tst_networkpanel.moc"
