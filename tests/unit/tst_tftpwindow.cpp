// Window and ACK logic without sockets: the receiver's next/gap/duplicate decisions, rollover, when to ACK,
// no Sorcerer's Apprentice; the sender's window over absolute block numbers.

#include "tftp/tftpwindow.h"

#include <QTest>

using namespace NetPoke::Tftp;

Q_DECLARE_METATYPE(NetPoke::Tftp::ReceiveWindow::Block)

class tst_tftpwindow : public QObject
{
    Q_OBJECT

private slots:
    void lockStepAcksEveryBlock();
    void windowAcksAtItsEnd();
    void classify_data();
    void classify();
    void rollover();
    void gapAnsweredOncePerGap();
    void duplicates();
    void timeout();
    void sendLockStep();
    void sendWindowed();
    void sendRollover();
    void sendUnknownEnd();
};

void tst_tftpwindow::lockStepAcksEveryBlock()
{
    ReceiveWindow w;
    QCOMPARE(w.windowSize(), 1);
    QCOMPARE(w.expected(), quint16(1));
    for (int i = 1; i <= 5; ++i) {
        QCOMPARE(w.classify(quint16(i)), ReceiveWindow::Block::Next);
        QVERIFY(w.accept());
    }
    QCOMPARE(w.expected(), quint16(6));
    QCOMPARE(w.lastInOrder(), quint16(5));
    ReceiveWindow zero(0);
    QCOMPARE(zero.windowSize(), 1);   // never less than lock-step
}

void tst_tftpwindow::windowAcksAtItsEnd()
{
    ReceiveWindow w(4);
    QList<int> acked;
    for (int i = 1; i <= 12; ++i) {
        if (w.accept())
            acked.append(i);
    }
    QCOMPARE(acked, (QList<int>{4, 8, 12}));
}

void tst_tftpwindow::classify_data()
{
    QTest::addColumn<int>("expected");
    QTest::addColumn<int>("block");
    QTest::addColumn<ReceiveWindow::Block>("kind");
    QTest::newRow("next") << 10 << 10 << ReceiveWindow::Block::Next;
    QTest::newRow("one ahead") << 10 << 11 << ReceiveWindow::Block::Gap;
    QTest::newRow("one behind") << 10 << 9 << ReceiveWindow::Block::Duplicate;
    QTest::newRow("far behind") << 10 << 1 << ReceiveWindow::Block::Duplicate;
    // Less than half the block numbers ahead is a gap, the rest behind: a window of 32767 is unambiguous.
    QTest::newRow("32767 ahead") << 1 << 1 + 32767 << ReceiveWindow::Block::Gap;
    QTest::newRow("32768 ahead") << 1 << 1 + 32768 << ReceiveWindow::Block::Duplicate;
    QTest::newRow("gap across rollover") << 65530 << 3 << ReceiveWindow::Block::Gap;
    QTest::newRow("duplicate across rollover") << 2 << 65535 << ReceiveWindow::Block::Duplicate;
    QTest::newRow("block 0 after 65535") << 0 << 0 << ReceiveWindow::Block::Next;
}

void tst_tftpwindow::classify()
{
    QFETCH(int, expected);
    QFETCH(int, block);
    QFETCH(ReceiveWindow::Block, kind);
    ReceiveWindow w(8);
    while (w.expected() != quint16(expected))
        w.accept();
    QCOMPARE(w.classify(quint16(block)), kind);
}

void tst_tftpwindow::rollover()
{
    ReceiveWindow w(64);
    for (int i = 1; i < 65535; ++i)
        w.accept();
    QCOMPARE(w.expected(), quint16(65535));
    w.accept();
    QCOMPARE(w.expected(), quint16(0));       // 65535 rolls over to 0, not 1
    QCOMPARE(w.lastInOrder(), quint16(65535));
    QCOMPARE(w.classify(0), ReceiveWindow::Block::Next);
    w.accept();
    QCOMPARE(w.classify(65535), ReceiveWindow::Block::Duplicate);
}

void tst_tftpwindow::gapAnsweredOncePerGap()
{
    ReceiveWindow w(8);
    w.accept();                                  // block 1
    w.accept();                                  // block 2
    QCOMPARE(w.classify(4), ReceiveWindow::Block::Gap);
    QVERIFY(w.gap());                            // ACK 2 now
    QCOMPARE(w.lastInOrder(), quint16(2));
    QVERIFY(!w.gap());                           // the rest of the window: no more ACKs
    QVERIFY(!w.gap());
    w.accept();                                  // 3 arrives: the sender restarted
    QVERIFY(w.gap());                            // a new gap is answered again
    // The window counts from the gap's ACK: 8 more in-order blocks until the next ACK.
    int blocks = 0;
    while (!w.accept())
        ++blocks;
    QCOMPARE(blocks, 7);
}

void tst_tftpwindow::duplicates()
{
    ReceiveWindow w;
    QVERIFY(!w.hasAcknowledged());
    QVERIFY(!w.duplicateNeedsAck(0));            // nothing acknowledged yet
    w.accept();
    w.acknowledged(1);
    QVERIFY(w.duplicateNeedsAck(1));             // our ACK 1 may be lost: repeat it
    w.accept();
    w.acknowledged(2);
    QVERIFY(!w.duplicateNeedsAck(1));            // older duplicates are never answered (Sorcerer's Apprentice)
    QVERIFY(w.duplicateNeedsAck(2));
    ReceiveWindow win(4);
    win.accept();
    win.accept();
    win.acknowledged(0);                          // ACK 0 after an OACK
    QVERIFY(!win.duplicateNeedsAck(2));          // 2 was never acknowledged: a window's duplicate is not answered
}

void tst_tftpwindow::timeout()
{
    ReceiveWindow w(4);
    w.accept();
    w.accept();
    w.accept();
    QCOMPARE(w.timedOut(), quint16(3));
    int n = 1;
    while (!w.accept())
        ++n;
    QCOMPARE(n, 4);                              // a whole window after the timeout's ACK
}

void tst_tftpwindow::sendLockStep()
{
    SendWindow s;
    s.setLastBlock(3);
    QVERIFY(s.canSend());
    QCOMPARE(s.nextToSend(), qint64(1));
    s.sent();
    QVERIFY(!s.canSend());                       // wait for ACK 1
    QCOMPARE(s.onAck(0), SendWindow::Ack::Repeated);
    QCOMPARE(s.onAck(1), SendWindow::Ack::Advanced);
    QCOMPARE(s.nextToSend(), qint64(2));
    s.sent();
    QCOMPARE(s.onAck(1), SendWindow::Ack::Repeated);   // never a resend because of a duplicate ACK
    QVERIFY(!s.canSend());
    QCOMPARE(s.onAck(2), SendWindow::Ack::Advanced);
    s.sent();
    QCOMPARE(s.onAck(4), SendWindow::Ack::Stale);      // not sent
    QCOMPARE(s.onAck(3), SendWindow::Ack::Complete);
    QVERIFY(!s.canSend());
}

void tst_tftpwindow::sendWindowed()
{
    SendWindow s(4);
    s.setLastBlock(10);
    QList<qint64> sent;
    while (s.canSend()) {
        sent.append(s.nextToSend());
        s.sent();
    }
    QCOMPARE(sent, (QList<qint64>{1, 2, 3, 4}));
    // ACK 2: the receiver lost 3; the next window starts at 3 (RFC 7440).
    QCOMPARE(s.onAck(2), SendWindow::Ack::Advanced);
    QCOMPARE(s.nextToSend(), qint64(3));
    QCOMPARE(s.windowEnd(), qint64(6));
    while (s.canSend())
        s.sent();
    QCOMPARE(s.onAck(6), SendWindow::Ack::Advanced);
    QCOMPARE(s.windowEnd(), qint64(10));         // the last window is cut at the last block
    while (s.canSend())
        s.sent();
    QCOMPARE(s.nextToSend(), qint64(11));
    // The timer ran out: the window is sent again from the first unacknowledged block.
    s.rewind();
    QCOMPARE(s.nextToSend(), qint64(7));
    QCOMPARE(s.onAck(10), SendWindow::Ack::Stale);   // 10 has not gone out since the rewind
    while (s.canSend())
        s.sent();
    QCOMPARE(s.onAck(10), SendWindow::Ack::Complete);
}

void tst_tftpwindow::sendRollover()
{
    SendWindow s(8);
    s.setLastBlock(70000);
    qint64 n = 0;
    while (s.acknowledged() < 65530) {
        while (s.canSend())
            s.sent();
        n = s.nextToSend() - 1;
        QVERIFY(s.onAck(SendWindow::wire(n)) != SendWindow::Ack::Stale);
    }
    while (s.canSend())
        s.sent();
    const qint64 end = s.nextToSend() - 1;
    QVERIFY(end > 65536);
    QCOMPARE(SendWindow::wire(end), quint16(end - 65536));
    QCOMPARE(s.onAck(SendWindow::wire(end)), SendWindow::Ack::Advanced);
    QCOMPARE(s.acknowledged(), end);             // an ACK past the rollover names the right absolute block
    QCOMPARE(s.onAck(SendWindow::wire(end - 3)), SendWindow::Ack::Stale);   // an old one does not go back
}

void tst_tftpwindow::sendUnknownEnd()
{
    SendWindow s(2);
    QCOMPARE(s.lastBlock(), qint64(-1));
    s.sent();
    s.sent();
    QVERIFY(!s.canSend());
    QCOMPARE(s.onAck(2), SendWindow::Ack::Advanced);   // never Complete while the end is unknown
    s.setLastBlock(3);
    s.sent();
    QCOMPARE(s.onAck(3), SendWindow::Ack::Complete);
}

QTEST_GUILESS_MAIN(tst_tftpwindow)
#include "tst_tftpwindow.moc"
