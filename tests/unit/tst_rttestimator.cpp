// The retransmission timer: RFC 6298 smoothing within its bounds, back-off, Karn's rule, a fixed timeout.

#include "tftp/rttestimator.h"

#include <QTest>

using NetPoke::Tftp::RttEstimator;

class tst_rttestimator : public QObject
{
    Q_OBJECT

private slots:
    void initial();
    void firstSample();
    void smoothing();
    void bounds();
    void backOff();
    void karn();
    void fixedTimeout();
};

void tst_rttestimator::initial()
{
    RttEstimator r;
    QCOMPARE(r.rtoMs(), RttEstimator::InitialRtoMs);
    QCOMPARE(r.smoothedMs(), -1.0);
    QVERIFY(!r.isFixed());
    QVERIFY(!r.isTiming());
}

void tst_rttestimator::firstSample()
{
    // SRTT = R, RTTVAR = R / 2, RTO = SRTT + max(1, 4 RTTVAR) (+1 ms for the truncation).
    RttEstimator r;
    r.addSample(400);
    QCOMPARE(r.smoothedMs(), 400.0);
    QCOMPARE(r.variationMs(), 200.0);
    QCOMPARE(r.rtoMs(), 400 + 800 + 1);
}

void tst_rttestimator::smoothing()
{
    RttEstimator r;
    r.addSample(400);
    r.addSample(200);
    // RTTVAR = 3/4 * 200 + 1/4 * |400 - 200| = 200; SRTT = 7/8 * 400 + 1/8 * 200 = 375.
    QCOMPARE(r.variationMs(), 200.0);
    QCOMPARE(r.smoothedMs(), 375.0);
    QCOMPARE(r.rtoMs(), 375 + 800 + 1);
    // A steady round trip: the variation decays and the timeout approaches SRTT + max(1, 4 RTTVAR) = SRTT + 1, +1 ms.
    for (int i = 0; i < 200; ++i)
        r.addSample(300);
    QVERIFY(qAbs(r.smoothedMs() - 300) < 0.01);
    QCOMPARE(r.rtoMs(), 302);
}

void tst_rttestimator::bounds()
{
    RttEstimator fast;
    for (int i = 0; i < 50; ++i)
        fast.addSample(0.05);   // loopback
    QCOMPARE(fast.rtoMs(), RttEstimator::MinRtoMs);
    RttEstimator slow;
    slow.addSample(5000);
    QCOMPARE(slow.rtoMs(), RttEstimator::MaxRtoMs);
}

void tst_rttestimator::backOff()
{
    RttEstimator r;
    r.addSample(200);               // 200 + 400 + 1
    QCOMPARE(r.rtoMs(), 601);
    r.backOff();
    QCOMPARE(r.rtoMs(), 1202);
    r.backOff();
    QCOMPARE(r.rtoMs(), RttEstimator::MaxRtoMs);
    r.backOff();
    QCOMPARE(r.rtoMs(), RttEstimator::MaxRtoMs);
    // The defaults give up on a silent peer after 1 s + 5 retries of at most 1.8 s.
    RttEstimator silent;
    int total = silent.rtoMs();
    for (int i = 0; i < 5; ++i) {
        silent.backOff();
        total += silent.rtoMs();
    }
    QCOMPARE(total, 1000 + 5 * 1800);
}

void tst_rttestimator::karn()
{
    RttEstimator r;
    r.start(1000000);               // a fresh packet at 1 ms
    QVERIFY(r.isTiming());
    r.stop(21000000);               // answered at 21 ms: one sample of 20 ms
    QCOMPARE(r.smoothedMs(), 20.0);
    QVERIFY(!r.isTiming());
    r.stop(50000000);               // no packet timed: nothing
    QCOMPARE(r.smoothedMs(), 20.0);
    r.start(60000000);
    r.cancel();                     // retransmitted: its answer is ambiguous
    r.stop(900000000);
    QCOMPARE(r.smoothedMs(), 20.0);
}

void tst_rttestimator::fixedTimeout()
{
    RttEstimator r(250);
    QVERIFY(r.isFixed());
    QCOMPARE(r.rtoMs(), 250);
    r.addSample(5);
    r.start(0);
    r.stop(900000000);
    r.backOff();
    QCOMPARE(r.rtoMs(), 250);
    QCOMPARE(RttEstimator(-5).rtoMs(), RttEstimator::InitialRtoMs);   // negative: adaptive
}

QTEST_GUILESS_MAIN(tst_rttestimator)
#include "tst_rttestimator.moc"
