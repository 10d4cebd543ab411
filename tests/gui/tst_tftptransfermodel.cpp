#include "tftptransfermodel.h"

#include <QSignalSpy>
#include <QTest>

using NetPoke::TftpTransferModel;
using NetPoke::Tftp::TransferInfo;

namespace {

TransferInfo info(quint64 id, TransferInfo::State state, qint64 bytes = 0, qint64 total = -1)
{
    TransferInfo t;
    t.id = id;
    t.client = QStringLiteral("127.0.0.1:%1").arg(40000 + id % 20000);
    t.file = QStringLiteral("f%1.bin").arg(id);
    t.state = state;
    t.bytes = bytes;
    t.total = total;
    if (state == TransferInfo::Failed)
        t.result = QStringLiteral("timed out");
    return t;
}

} // namespace

class tst_TftpTransferModel : public QObject
{
    Q_OBJECT

private slots:
    void snapshotsCoalescedPerCommit();
    void capKeepsRunningAndNewestEnded();
    void hugeBatchKeepsOnlyCap();
    void refusalsAreOwnRows();
    void columnsText();
};

// A thousand progress reports of one transfer between two commits are one row change; the views hear of
// them once, when the timer commits.
void tst_TftpTransferModel::snapshotsCoalescedPerCommit()
{
    TftpTransferModel m;
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    QSignalSpy committed(&m, &TftpTransferModel::committed);
    for (int i = 0; i < 1000; ++i)
        m.update(info(1, TransferInfo::Transferring, i, 1000));
    QCOMPARE(m.rowCount(), 0);   // nothing before the commit
    QCOMPARE(m.pendingCount(), 1);
    QVERIFY(committed.wait(5000));
    QCOMPARE(m.rowCount(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m.index(0, TftpTransferModel::BytesColumn).data(TftpTransferModel::BytesRole).toLongLong(), 999);

    // 200 transfers moving: one dataChanged per commit, whatever the number of reports.
    for (quint64 id = 2; id <= 200; ++id)
        m.update(info(id, TransferInfo::Transferring, 0, 1000));
    m.commitPending();
    inserted.clear();
    changed.clear();
    committed.clear();
    for (int round = 1; round <= 10; ++round) {
        for (quint64 id = 1; id <= 200; ++id)
            m.update(info(id, TransferInfo::Transferring, round, 1000));
    }
    m.commitPending();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(committed.size(), 1);
    QCOMPARE(m.rowCount(), 200);
    for (int row = 0; row < 200; ++row)
        QCOMPARE(m.transferAt(row).bytes, 10);
    QCOMPARE(m.index(5, TftpTransferModel::ProgressColumn).data(TftpTransferModel::ProgressRole).toInt(), 10);
}

// Past the cap the oldest ended rows go; running transfers stay whatever their age, and ids still find
// their rows.
void tst_TftpTransferModel::capKeepsRunningAndNewestEnded()
{
    TftpTransferModel m;
    m.setEndedCap(10);
    m.update(info(1, TransferInfo::Transferring));   // the oldest row, still running
    for (quint64 id = 2; id <= 30; ++id) {
        m.update(info(id, TransferInfo::Finished, 100, 100));
        if (id % 7 == 0)
            m.commitPending();   // in several commits, with the running row between removals
    }
    m.update(info(31, TransferInfo::Negotiating));
    m.commitPending();
    QCOMPARE(m.endedRows(), 10);
    QCOMPARE(m.rowCount(), 12);
    QCOMPARE(m.transferAt(0).id, quint64(1));
    QCOMPARE(m.transferAt(1).id, quint64(21));   // the newest ten ended: 21..30
    QCOMPARE(m.transferAt(10).id, quint64(30));
    QCOMPARE(m.transferAt(11).id, quint64(31));
    for (int row = 0; row < m.rowCount(); ++row)
        QCOMPARE(m.rowOf(m.transferAt(row).id), row);
    QCOMPARE(m.rowOf(5), -1);

    // The running one ends: it is now the oldest ended row and the first to go.
    m.update(info(1, TransferInfo::Failed));
    m.update(info(32, TransferInfo::Finished));
    m.commitPending();
    QCOMPARE(m.endedRows(), 10);
    QCOMPARE(m.rowOf(1), -1);
    QCOMPARE(m.rowOf(21), -1);
    QCOMPARE(m.transferAt(0).id, quint64(22));
    QCOMPARE(m.rowOf(31), m.rowCount() - 2);
    QCOMPARE(m.rowOf(32), m.rowCount() - 1);
}

// A flood of ended rows in one batch costs no more than the cap.
void tst_TftpTransferModel::hugeBatchKeepsOnlyCap()
{
    TftpTransferModel m;
    m.setEndedCap(100);
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    for (quint64 id = 1; id <= 5000; ++id)
        m.update(info(id, TransferInfo::Finished));
    m.commitPending();
    QCOMPARE(m.rowCount(), 100);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(2).toInt() - inserted.first().at(1).toInt() + 1, 100);
    QCOMPARE(m.transferAt(0).id, quint64(4901));
}

void tst_TftpTransferModel::refusalsAreOwnRows()
{
    TftpTransferModel m;
    TransferInfo refused = info(0, TransferInfo::Refused);
    refused.result = QStringLiteral("no such file");
    m.update(refused);
    m.update(refused);
    m.commitPending();
    QCOMPARE(m.rowCount(), 2);
    QCOMPARE(m.endedRows(), 2);
    QCOMPARE(m.rowOf(0), -1);
    QCOMPARE(m.index(0, TftpTransferModel::StateColumn).data().toString(), QStringLiteral("refused: no such file"));
    QCOMPARE(m.index(0, TftpTransferModel::ProgressColumn).data(TftpTransferModel::ProgressRole).toInt(), -1);
    QCOMPARE(m.index(0, TftpTransferModel::BytesColumn).data().toString(), QString());
}

void tst_TftpTransferModel::columnsText()
{
    TftpTransferModel m;
    TransferInfo t = info(7, TransferInfo::Transferring, 512, 2048);
    t.direction = TransferInfo::Upload;
    t.bytesPerSecond = 2048;
    m.update(t);
    m.update(info(8, TransferInfo::Transferring, 100));   // size unknown
    m.commitPending();
    auto text = [&](int row, int column) { return m.index(row, column).data().toString(); };
    QCOMPARE(text(0, TftpTransferModel::ClientColumn), t.client);
    QCOMPARE(text(0, TftpTransferModel::FileColumn), t.file);
    QCOMPARE(text(0, TftpTransferModel::DirectionColumn), QStringLiteral("upload"));
    QCOMPARE(text(0, TftpTransferModel::ProgressColumn), QStringLiteral("25.0%"));
    QCOMPARE(text(0, TftpTransferModel::BytesColumn), QStringLiteral("512"));
    QCOMPARE(text(0, TftpTransferModel::SpeedColumn), QStringLiteral("2.0 KiB/s"));
    QCOMPARE(text(0, TftpTransferModel::StateColumn), QStringLiteral("transferring"));
    QCOMPARE(text(1, TftpTransferModel::ProgressColumn), QStringLiteral("–"));
    QCOMPARE(m.index(1, 0).data(TftpTransferModel::ProgressRole).toInt(), -1);
    // The name and the state have tooltips (the column may cut them), as escaped HTML: markup from the
    // network shows as text.
    TransferInfo hostile = info(9, TransferInfo::Failed);
    hostile.file = QStringLiteral("<b>x</b> & y");
    hostile.result = QStringLiteral("the client ended the transfer (TFTP error 0) saying \"<i>bye</i>\"");
    m.update(hostile);
    m.commitPending();
    const QString fileTip = m.index(2, TftpTransferModel::FileColumn).data(Qt::ToolTipRole).toString();
    const QString stateTip = m.index(2, TftpTransferModel::StateColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(fileTip.contains(QStringLiteral("&lt;b&gt;x&lt;/b&gt;")) && fileTip.contains(QStringLiteral("&amp;")) && !fileTip.contains(QStringLiteral("<b>")),
             qPrintable(fileTip));
    QVERIFY2(stateTip.contains(QStringLiteral("&lt;i&gt;bye&lt;/i&gt;")) && !stateTip.contains(QStringLiteral("<i>")),
             qPrintable(stateTip));
    for (int column : {TftpTransferModel::ClientColumn, TftpTransferModel::DirectionColumn, TftpTransferModel::BytesColumn})
        QVERIFY(!m.index(0, column).data(Qt::ToolTipRole).isValid());
    m.update(info(8, TransferInfo::Finished, 100));
    m.update(info(7, TransferInfo::Failed, 600, 2048));
    m.commitPending();
    QCOMPARE(text(1, TftpTransferModel::ProgressColumn), QStringLiteral("100.0%"));
    QCOMPARE(text(1, TftpTransferModel::StateColumn), QStringLiteral("ok"));
    QCOMPARE(text(0, TftpTransferModel::StateColumn), QStringLiteral("failed: timed out"));
    QCOMPARE(m.index(0, 0).data(TftpTransferModel::ProgressRole).toInt(), 292);
}

QTEST_MAIN(tst_TftpTransferModel)
#include "tst_tftptransfermodel.moc"
