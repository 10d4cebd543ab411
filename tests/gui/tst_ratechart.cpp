#include "ratechart.h"

#include <QLineSeries>
#include <QTest>

using NetPoke::RateChart;

class tst_ratechart : public QObject
{
    Q_OBJECT

private slots:
    void ratesFromTotals();
    void keepsOneMinute();
    void counterResetIsNotNegative();
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

QTEST_MAIN(tst_ratechart)
#include "tst_ratechart.moc"
