#include "ratechart.h"
#include "tcpserverpanel.h"
#include "udppanel.h"

#include <QLineSeries>
#include <QPushButton>
#include <QTest>
#include <QUdpSocket>

using NetPoke::RateChart;

class tst_ratechart : public QObject
{
    Q_OBJECT

private slots:
    void ratesFromTotals();
    void keepsOneMinute();
    void counterResetIsNotNegative();
    void udpTabChartsItsTraffic();
    void tcpTabChartsBytesOnly();
};

void tst_ratechart::ratesFromTotals()
{
    RateChart chart;
    RateChart::Totals t;
    chart.setSource([&t] { return t; });
    chart.sample(0);
    t.rxPackets = 100;
    t.rxBytes = 6400;
    t.txPackets = 10;
    t.txBytes = 320;
    chart.sample(2000);   // two seconds later
    QCOMPARE(chart.sampleCount(), 1);
    QCOMPARE(chart.lastRx(), 50.0);
    QCOMPARE(chart.lastTx(), 5.0);
    chart.setUnit(RateChart::BytesPerSecond);
    QCOMPARE(chart.lastRx(), 3200.0);
    QCOMPARE(chart.lastTx(), 160.0);
    QCOMPARE(chart.rxSeries()->count(), 1);
    QCOMPARE(chart.rxSeries()->at(0), QPointF(0, 3200));
}

void tst_ratechart::keepsOneMinute()
{
    RateChart chart;
    RateChart::Totals t;
    chart.setSource([&t] { return t; });
    for (int s = 0; s <= 200; ++s) {
        t.rxPackets += 7;
        chart.sample(qint64(s) * 1000);
    }
    QVERIFY(chart.sampleCount() <= RateChart::Seconds + 1);
    QVERIFY(chart.sampleCount() >= RateChart::Seconds);
    QCOMPARE(chart.lastRx(), 7.0);
    QVERIFY(chart.rxSeries()->at(0).x() >= -RateChart::Seconds);
}

void tst_ratechart::counterResetIsNotNegative()
{
    RateChart chart;
    RateChart::Totals t;
    t.rxPackets = 1000;
    chart.setSource([&t] { return t; });
    chart.sample(0);
    t.rxPackets = 3;   // the user pressed "Reset counters"
    chart.sample(1000);
    QCOMPARE(chart.lastRx(), 0.0);
    t.rxPackets = 13;
    chart.sample(2000);
    QCOMPARE(chart.lastRx(), 10.0);
}

// The UDP tab's chart reads the endpoint's counters: 10 datagrams in one second are 10 packets/s.
void tst_ratechart::udpTabChartsItsTraffic()
{
    NetPoke::UdpPanel panel;
    QVERIFY(panel.openLocal(QHostAddress::LocalHost, 0));
    auto *chart = panel.findChild<RateChart *>();
    auto *toggle = panel.findChild<QPushButton *>(QStringLiteral("chartButton"));
    QVERIFY(chart && toggle);
    QVERIFY(chart->isHidden());
    toggle->click();
    QVERIFY(!chart->isHidden());
    chart->sample(100000);   // the baseline
    QUdpSocket peer;
    for (int i = 0; i < 10; ++i)
        peer.writeDatagram("0123456789", QHostAddress::LocalHost, panel.endpoint()->localPort());
    QTRY_COMPARE(panel.endpoint()->counters().rxPackets, quint64(10));
    chart->sample(101000);
    QCOMPARE(chart->lastRx(), 10.0);
    chart->setUnit(RateChart::BytesPerSecond);
    QCOMPARE(chart->lastRx(), 100.0);
}

void tst_ratechart::tcpTabChartsBytesOnly()
{
    NetPoke::TcpServerPanel panel;
    auto *chart = panel.findChild<RateChart *>();
    QVERIFY(chart);
    QCOMPARE(chart->unit(), RateChart::BytesPerSecond);
    auto *unit = panel.findChild<QWidget *>(QStringLiteral("chartUnit"));
    QVERIFY(unit && !unit->isEnabled());
}

QTEST_MAIN(tst_ratechart)
#include "tst_ratechart.moc"
