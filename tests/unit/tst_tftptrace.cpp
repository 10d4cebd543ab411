// The packet trace on its own: the sampling rule, "N blocks not shown" notes, summaries from Tftp::Packet.

#include "tftp/tftppacket.h"
#include "tftp/tftptrace.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QTest>

using namespace NetPoke::Tftp;

class tst_tftptrace : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void disabledSaysNothing();
    void samplingRule();
    void lockStepTransfer();
    void oneBlockNotShown();
    void notableEntriesInTheMiddle();
    void notes();
    void restart();
    void summariesFromPackets();

private:
    // A lock-step download of n blocks as the client traces it: DATA k, ACK k.
    void download(quint64 n);
    Trace m_trace;
    QList<TraceEntry> m_entries;
};

void tst_tftptrace::init()
{
    m_entries.clear();
    m_trace.setOutput([this](const TraceEntry &e) { m_entries.append(e); });
    m_trace.setEnabled(true);
    m_trace.restart(nullptr);
}

void tst_tftptrace::download(quint64 n)
{
    m_trace.add(Trace::Outgoing, Packet::rrq("f", "octet").summary(), 0);
    for (quint64 k = 1; k <= n; ++k) {
        const bool last = k == n;
        if (m_trace.wants(k, last))
            m_trace.add(Trace::InOrderData, dataSummary(quint16(k), last ? 10 : 512), k);
        if (m_trace.wants(k, last))
            m_trace.add(Trace::Outgoing, ackSummary(quint16(k)), k);
    }
}

void tst_tftptrace::disabledSaysNothing()
{
    m_trace.setEnabled(false);
    QVERIFY(!m_trace.isEnabled());
    QVERIFY(!m_trace.wants(1, true));
    download(100);
    m_trace.note(QStringLiteral("x"));
    QVERIFY(m_entries.isEmpty());
}

void tst_tftptrace::samplingRule()
{
    QVERIFY(m_trace.wants(0));
    QVERIFY(m_trace.wants(Trace::AllBlocks));
    QVERIFY(!m_trace.wants(Trace::AllBlocks + 1));
    QVERIFY(m_trace.wants(Trace::AllBlocks + 1, true));   // notable ones always
}

void tst_tftptrace::lockStepTransfer()
{
    // The example: DATA/ACK 1-64 shown, then DATA 3204 -- with a note for the 3,139 in between.
    download(3204);
    QCOMPARE(m_entries.size(), 1 + 2 * 64 + 1 + 2);
    QCOMPARE(m_entries.at(0).summary, QStringLiteral("RRQ f octet"));
    QVERIFY(m_entries.at(0).outgoing);
    QCOMPARE(m_entries.at(1).summary, QStringLiteral("DATA 1 (512 bytes)"));
    QVERIFY(!m_entries.at(1).outgoing);
    QCOMPARE(m_entries.at(128).summary, QStringLiteral("ACK 64"));
    const TraceEntry &note = m_entries.at(129);
    QVERIFY(note.note);
    QCOMPARE(note.skippedBlocks, quint64(3139));
    QCOMPARE(note.summary, QStringLiteral("… %1 blocks not shown").arg(QLocale().toString(3139)));
    QCOMPARE(m_entries.at(130).summary, QStringLiteral("DATA 3204 (10 bytes)"));
    QCOMPARE(m_entries.at(131).summary, QStringLiteral("ACK 3204"));
    quint64 notes = 0;
    for (const TraceEntry &e : std::as_const(m_entries))
        notes += e.note;
    QCOMPARE(notes, quint64(1));
}

void tst_tftptrace::oneBlockNotShown()
{
    download(66);
    QCOMPARE(m_entries.at(129).summary, QStringLiteral("… 1 block not shown"));
    QCOMPARE(m_entries.at(129).skippedBlocks, quint64(1));
    QCOMPARE(m_entries.at(130).summary, QStringLiteral("DATA 66 (10 bytes)"));
    init();
    download(65);   // nothing left out: no note
    for (const TraceEntry &e : std::as_const(m_entries))
        QVERIFY(!e.note);
}

void tst_tftptrace::notableEntriesInTheMiddle()
{
    download(64);
    m_entries.clear();
    // Blocks 65..99 are in, not shown; then a gap at 99 and a timeout's ACK 150.
    m_trace.add(Trace::Error, dataSummary(102, 512) + QStringLiteral(", expected 100"), 99);
    m_trace.add(Trace::Outgoing | Trace::Retransmission, ackSummary(99), 99);
    m_trace.add(Trace::Outgoing | Trace::Retransmission, ackSummary(150), 150);
    QCOMPARE(m_entries.size(), 5);
    QCOMPARE(m_entries.at(0).skippedBlocks, quint64(35));   // 65..99
    QVERIFY(m_entries.at(1).error);
    QVERIFY(m_entries.at(2).retransmission && m_entries.at(2).outgoing);
    QCOMPARE(m_entries.at(3).skippedBlocks, quint64(51));   // 100..150
    QCOMPARE(m_entries.at(4).summary, QStringLiteral("ACK 150"));
}

void tst_tftptrace::notes()
{
    QElapsedTimer clock;
    clock.start();
    m_trace.restart(&clock);
    m_trace.note(QStringLiteral("asking again"));
    QCOMPARE(m_entries.size(), 1);
    QVERIFY(m_entries.first().note);
    QCOMPARE(m_entries.first().skippedBlocks, quint64(0));
    QVERIFY(m_entries.first().elapsedMs >= 0);
}

void tst_tftptrace::restart()
{
    download(100);
    init();
    download(10);   // counted from 0 again: every packet shown, no note
    QCOMPARE(m_entries.size(), 1 + 2 * 10);
    for (const TraceEntry &e : std::as_const(m_entries))
        QVERIFY(!e.note);
}

void tst_tftptrace::summariesFromPackets()
{
    // The receive path's summaries are the packets' own.
    QCOMPARE(dataSummary(17, 1468), Packet::dataPacket(17, QByteArray(1468, 'a')).summary());
    QCOMPARE(ackSummary(65535), Packet::ack(65535).summary());
}

QTEST_GUILESS_MAIN(tst_tftptrace)
#include "tst_tftptrace.moc"
