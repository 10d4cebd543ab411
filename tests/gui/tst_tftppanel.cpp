#include "../outputtestutil.h"
#include "colors.h"
#include "guitestutil.h"
#include "tftp/tftpclient.h"
#include "tftp/tftppacket.h"
#include "tftppanel.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLegend>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkDatagram>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QLocale>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTest>
#include <QUdpSocket>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtEndian>

using GuiTest::child;
using NetPoke::TftpPanel;

namespace {

// A minimal RFC 1350 server (no options: the client must fall back to 512-byte lock-step). Uploads (WRQ) are
// answered with ACK 0 and land in `files` once complete.
class MiniServer : public QObject
{
public:
    QHash<QByteArray, QByteArray> files;
    int stallAfterBlock = -1;     // stop answering after sending (download) or receiving (upload) this block
    QList<QByteArray> errorsReceived;
    QList<QByteArray> requests;   // every RRQ and WRQ, as received

    MiniServer()
    {
        m_listen.bind(QHostAddress::LocalHost, 0);
        connect(&m_listen, &QUdpSocket::readyRead, this, [this] {
            while (m_listen.hasPendingDatagrams()) {
                const QNetworkDatagram d = m_listen.receiveDatagram();
                const QByteArray p = d.data();
                if (p.size() < 4 || (p.at(1) != 1 && p.at(1) != 2))
                    continue;
                requests << p;
                const QByteArray name = p.mid(2, p.indexOf('\0', 2) - 2);
                m_client = d.senderAddress();
                m_clientPort = quint16(d.senderPort());
                m_transfer.close();
                m_transfer.bind(QHostAddress::LocalHost, 0);
                if (p.at(1) == 2) {
                    m_uploadName = name;
                    m_data.clear();
                    m_block = 0;
                    m_transfer.writeDatagram(QByteArray("\0\4\0\0", 4), m_client, m_clientPort);
                    continue;
                }
                m_uploadName.clear();
                if (!files.contains(name)) {
                    m_transfer.writeDatagram(QByteArray("\0\5\0\1File not found\0", 19), m_client, m_clientPort);
                    continue;
                }
                m_data = files.value(name);
                m_block = 1;
                sendBlock();
            }
        });
        connect(&m_transfer, &QUdpSocket::readyRead, this, [this] {
            while (m_transfer.hasPendingDatagrams()) {
                const QByteArray p = m_transfer.receiveDatagram().data();
                if (p.size() >= 4 && p.at(1) == 5)
                    errorsReceived << p;
                if (!m_uploadName.isEmpty() && p.size() >= 4 && p.at(1) == 3) {
                    receiveBlock(p);
                    continue;
                }
                if (p.size() < 4 || p.at(1) != 4)
                    continue;
                const int acked = qFromBigEndian<quint16>(p.constData() + 2);
                if (acked != m_block || qint64(m_block - 1) * 512 > m_data.size())
                    continue;
                if (qint64(m_block) * 512 > m_data.size())
                    continue;   // the last (short) block was acknowledged
                ++m_block;
                sendBlock();
            }
        });
    }
    quint16 port() const { return m_listen.localPort(); }

private:
    void receiveBlock(const QByteArray &p)
    {
        const int block = qFromBigEndian<quint16>(p.constData() + 2);
        if (block == m_block + 1) {
            if (stallAfterBlock >= 0 && block > stallAfterBlock)
                return;
            m_block = block;
            m_data += p.mid(4);
            if (p.size() - 4 < 512)
                files.insert(m_uploadName, m_data);
        }
        QByteArray ack("\0\4\0\0", 4);
        qToBigEndian<quint16>(quint16(m_block), ack.data() + 2);
        m_transfer.writeDatagram(ack, m_client, m_clientPort);
    }

    void sendBlock()
    {
        if (stallAfterBlock >= 0 && m_block > stallAfterBlock)
            return;
        QByteArray packet(4, '\0');
        packet[1] = 3;
        qToBigEndian<quint16>(quint16(m_block), packet.data() + 2);
        packet += m_data.mid(qint64(m_block - 1) * 512, 512);
        m_transfer.writeDatagram(packet, m_client, m_clientPort);
    }

    QUdpSocket m_listen;
    QUdpSocket m_transfer;
    QHostAddress m_client;
    quint16 m_clientPort = 0;
    QByteArray m_data;
    QByteArray m_uploadName;   // while an upload runs
    int m_block = 0;
};

QByteArray randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    auto *gen = QRandomGenerator::global();
    for (int i = 0; i < n; ++i)
        b[i] = char(gen->bounded(256));
    return b;
}

} // namespace

class tst_TftpPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void downloadReaches100Percent();
    void cancelLeavesNothing();
    void fileNotFoundInPlainWords();
    void formErrorsSendNothing();
    void errorMovesNoControl();
    void zoomReachesChartAndStatusLines();
    void defaultTargetOnFreshAccount();
    void controlsLockedDuringTransfer();
    void saveAsFollowsRemoteName();
    void traceNotesArePlain();
    void traceShowsParseErrorsEscapedOnce();
    void optionsOutOfRangeRefused();
    void maxSizePersistsAndApplies();
    void saveIntoFifo();
    void uploadReachesServer();
    void uploadFileRefusedSendsNothing_data();
    void uploadFileRefusedSendsNothing();
    void directionShowsItsRowAndIsSaved();
    void remoteNameFollowsFileToSend();
    void uploadControlsLockedAndCancel();

private:
    void fill(TftpPanel &p, quint16 port, const QString &remote, const QString &local)
    {
        child<QLineEdit>(p, "tftpHost")->setText(QStringLiteral("127.0.0.1"));
        child<QSpinBox>(p, "tftpPort")->setValue(port);
        child<QLineEdit>(p, "tftpRemoteFile")->setText(remote);
        child<QLineEdit>(p, "tftpLocalFile")->setText(local);
    }
    static QValueAxis *axis(TftpPanel &p, Qt::Orientation o)
    {
        const auto axes = child<QChartView>(p, "tftpChart")->chart()->axes(o);
        return axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.first());
    }
    GuiTest::SettingsSandbox m_settings{"tst_tftppanel"};
};

void tst_TftpPanel::init()
{
    m_settings.clear();
}

void tst_TftpPanel::downloadReaches100Percent()
{
    MiniServer server;
    const QByteArray content = randomBytes(300 * 1024 + 17);
    server.files.insert("firmware.bin", content);
    QTemporaryDir dir;
    const QString local = dir.filePath(QStringLiteral("firmware.bin"));
    TftpPanel p;
    p.show();
    fill(p, server.port(), QStringLiteral("firmware.bin"), local);
    QSignalSpy finished(&p, &TftpPanel::transferFinished);
    QTest::mouseClick(child<QPushButton>(p, "tftpStartButton"), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    auto *bar = child<QProgressBar>(p, "tftpProgress");
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(bar->maximum() > 0);
    QFile f(local);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content);
    QVERIFY(child<QLabel>(p, "tftpResult")->text().contains(QStringLiteral("Downloaded")));
    QVERIFY(child<QPushButton>(p, "tftpOpenFolder")->isVisible());
    // The trace shows the request and the end of the transfer.
    const QString trace = child<QPlainTextEdit>(p, "tftpTrace")->toPlainText();
    QVERIFY2(trace.contains(QStringLiteral("RRQ")), qPrintable(trace.left(500)));
    QVERIFY(child<QPushButton>(p, "tftpStartButton")->isEnabled());

    // One average, shown the same in the figures and in the summary; nothing is "current" any more.
    const QString average = child<QLabel>(p, "tftpAverage")->text();
    QVERIFY(average != QStringLiteral("–"));
    QVERIFY2(child<QLabel>(p, "tftpResult")->text().contains(average), qPrintable(average));
    QCOMPARE(child<QLabel>(p, "tftpSpeed")->text(), QStringLiteral("–"));
    QCOMPARE(child<QLabel>(p, "tftpEta")->text(), QStringLiteral("–"));
    // The time axis spans the transfer, up to a round value (less than half as much again).
    const double seconds = p.client()->progress().elapsedMs / 1000.0;
    QVERIFY(seconds > 0);
    QValueAxis *x = axis(p, Qt::Horizontal);
    QVERIFY(x);
    QCOMPARE(x->min(), 0.0);
    QVERIFY2(x->max() >= seconds && x->max() < 1.5 * seconds + 1e-9,
             qPrintable(QStringLiteral("%1 s on an axis to %2").arg(seconds).arg(x->max())));
}

void tst_TftpPanel::cancelLeavesNothing()
{
    MiniServer server;
    server.files.insert("big.bin", randomBytes(200 * 1024));
    server.stallAfterBlock = 5;
    QTemporaryDir dir;
    const QString local = dir.filePath(QStringLiteral("big.bin"));
    {
        QFile old(local);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("precious old content");
    }
    TftpPanel p;
    p.setConfirmOverwrite(false);
    p.show();
    fill(p, server.port(), QStringLiteral("big.bin"), local);
    child<QSpinBox>(p, "tftpRetries")->setValue(50);   // keep it waiting: we cancel, it must not time out
    QSignalSpy finished(&p, &TftpPanel::transferFinished);
    QVERIFY(p.start());
    QTRY_VERIFY(p.client()->progress().blocks >= 5);
    QVERIFY(child<QPushButton>(p, "tftpCancelButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>(p, "tftpCancelButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(p.client()->error(), NetPoke::Tftp::Client::CancelledError);
    QFile f(local);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("precious old content"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("big.bin")});
    QTRY_COMPARE(server.errorsReceived.size(), 1);   // the server was told (ERROR 0)
    QCOMPARE(server.errorsReceived.at(0).mid(0, 4), QByteArray("\0\5\0\0", 4));
    QVERIFY(child<QLabel>(p, "tftpResult")->text().contains(QStringLiteral("unchanged")));
    // No figure of a transfer that no longer runs stays behind.
    QCOMPARE(child<QLabel>(p, "tftpEta")->text(), QStringLiteral("–"));
    QCOMPARE(child<QLabel>(p, "tftpSpeed")->text(), QStringLiteral("–"));
}

void tst_TftpPanel::fileNotFoundInPlainWords()
{
    MiniServer server;
    QTemporaryDir dir;
    TftpPanel p;
    fill(p, server.port(), QStringLiteral("nope.bin"), dir.filePath(QStringLiteral("nope.bin")));
    QSignalSpy finished(&p, &TftpPanel::transferFinished);
    QVERIFY(p.start());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const QString result = child<QLabel>(p, "tftpResult")->text();
    QVERIFY2(result.contains(QStringLiteral("not found"), Qt::CaseInsensitive), qPrintable(result));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("nope.bin"))));
}

void tst_TftpPanel::formErrorsSendNothing()
{
    QTemporaryDir dir;
    TftpPanel p;
    p.show();
    fill(p, 69, QString(), dir.filePath(QStringLiteral("x")));
    QVERIFY(!p.start());
    QVERIFY(child<QLabel>(p, "tftpFormError")->isVisible());
    fill(p, 69, QStringLiteral("x"), dir.filePath(QStringLiteral("x")));
    child<QLineEdit>(p, "tftpHost")->setText(QStringLiteral("300.1.1.1"));
    QVERIFY(!p.start());
    QVERIFY(child<QLabel>(p, "tftpFormError")->text().contains(QStringLiteral("300.1.1.1")));
    child<QLineEdit>(p, "tftpHost")->setText(QStringLiteral("127.0.0.1"));
    fill(p, 69, QStringLiteral("x"), dir.filePath(QStringLiteral("no/such/folder/x")));
    QVERIFY(!p.start());
    QVERIFY(child<QLabel>(p, "tftpFormError")->text().contains(QStringLiteral("does not exist")));
    QCOMPARE(p.client()->state(), NetPoke::Tftp::Client::Idle);
}

// The error shows below Start/Cancel: nothing the user may be about to click moves (a form error used to
// push Start down, so a click meant for it ticked "RFC 1350 only"), and the message is in sight.
void tst_TftpPanel::errorMovesNoControl()
{
    QTemporaryDir dir;
    TftpPanel p;
    p.resize(1180, 700);
    p.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p));
    const QList<QWidget *> controls{child<QPushButton>(p, "tftpStartButton"), child<QPushButton>(p, "tftpCancelButton"),
                                    child<QCheckBox>(p, "tftpRfc1350"), child<QCheckBox>(p, "tftpTsize"),
                                    child<QComboBox>(p, "tftpMode")};
    auto positions = [&] {
        QList<QRect> r;
        for (QWidget *w : controls)
            r << QRect(w->mapTo(&p, QPoint(0, 0)), w->size());
        return r;
    };
    const QList<QRect> before = positions();
    auto *error = child<QLabel>(p, "tftpFormError");
    // No remote file; then a long folder name that does not exist (a message of two lines or more).
    const QString longFolder = dir.filePath(QStringLiteral("a/rather/long/folder/name/that/does/not/exist/at/all"));
    const QList<QPair<QString, QString>> cases{{QString(), dir.filePath(QStringLiteral("x"))},
                                               {QStringLiteral("x"), longFolder + QStringLiteral("/x")}};
    for (const auto &[remote, local] : cases) {
        fill(p, 69, remote, local);
        QVERIFY(!p.start());
        QVERIFY(error->isVisible());
        QCoreApplication::processEvents();   // let the layout place the message
        QCOMPARE(positions(), before);
        // Entirely inside the tab, where the user looks.
        const QRect shown(error->mapTo(&p, QPoint(0, 0)), error->size());
        QVERIFY2(p.rect().contains(shown), qPrintable(error->text()));
        QVERIFY(error->height() >= error->heightForWidth(error->width()));
    }
    QVERIFY(error->text().contains(QStringLiteral("does not exist")));
}

// View > Zoom sets the window's font: the chart's labels, the coloured lines and the trace follow it, and
// come back exactly at 1x.
void tst_TftpPanel::zoomReachesChartAndStatusLines()
{
    MiniServer server;
    QTemporaryDir dir;
    QWidget window;
    auto *p = new TftpPanel(&window);
    (new QVBoxLayout(&window))->addWidget(p);
    window.resize(1180, 700);
    window.show();
    fill(*p, server.port(), QStringLiteral("nope.bin"), dir.filePath(QStringLiteral("nope.bin")));
    QSignalSpy finished(p, &TftpPanel::transferFinished);
    QVERIFY(p->start());
    QVERIFY(finished.wait(10000));   // a red result line
    auto *error = child<QLabel>(*p, "tftpFormError");
    auto *result = child<QLabel>(*p, "tftpResult");
    auto *trace = child<QPlainTextEdit>(*p, "tftpTrace");
    auto *chart = child<QChartView>(*p, "tftpChart");
    QValueAxis *x = axis(*p, Qt::Horizontal);
    QValueAxis *y = axis(*p, Qt::Vertical);
    QVERIFY(x && y);
    auto sizes = [&] {
        return QList<qreal>{x->labelsFont().pointSizeF(), y->labelsFont().pointSizeF(), x->titleFont().pointSizeF(),
                            chart->chart()->legend()->font().pointSizeF(), error->font().pointSizeF(),
                            result->font().pointSizeF(), trace->font().pointSizeF()};
    };
    const QList<qreal> base = sizes();
    const QSize baseChartMinimum = chart->minimumSize();
    const qreal basePoint = window.font().pointSizeF();
    QVERIFY(basePoint > 0);

    QFont zoomed = window.font();
    zoomed.setPointSizeF(basePoint * 2);
    window.setFont(zoomed);
    QCoreApplication::processEvents();   // the layouts follow a font change on LayoutRequest
    for (qreal s : sizes())
        QCOMPARE(s, basePoint * 2);
    QVERIFY(chart->minimumHeight() > baseChartMinimum.height());
    for (const char *name : {"tftpStartButton", "tftpCancelButton", "tftpBrowse"}) {
        auto *b = child<QPushButton>(*p, name);
        QVERIFY2(b->width() >= b->sizeHint().width(), name);
    }
    zoomed.setPointSizeF(basePoint);
    window.setFont(zoomed);
    QCoreApplication::processEvents();
    QCOMPARE(sizes(), base);
    QCOMPARE(chart->minimumSize(), baseChartMinimum);
}

// A fresh account has no download folder: the default Save-as path still works, the folder is made.
void tst_TftpPanel::defaultTargetOnFreshAccount()
{
    QTemporaryDir home;
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(home.path()));
    QStandardPaths::setTestModeEnabled(true);
    const auto restore = qScopeGuard([&] {
        QStandardPaths::setTestModeEnabled(false);
        qputenv("HOME", oldHome);
    });
    const QString folder = TftpPanel::defaultFolder();
    QVERIFY2(folder.startsWith(home.path()), qPrintable(folder));
    QVERIFY(!QFileInfo::exists(folder));

    MiniServer server;
    const QByteArray content = randomBytes(5000);
    server.files.insert("boot/fw.bin", content);
    TftpPanel p;
    child<QSpinBox>(p, "tftpPort")->setValue(server.port());
    child<QLineEdit>(p, "tftpRemoteFile")->setText(QStringLiteral("boot/fw.bin"));
    const QString local = child<QLineEdit>(p, "tftpLocalFile")->text();
    QCOMPARE(QFileInfo(local).absoluteFilePath(), QDir(folder).filePath(QStringLiteral("fw.bin")));
    QSignalSpy finished(&p, &TftpPanel::transferFinished);
    QVERIFY2(p.start(), qPrintable(child<QLabel>(p, "tftpFormError")->text()));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QFile f(local);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content);
}

// What a transfer was started with cannot change under it; afterwards every control is as it was
// (the options "RFC 1350 only" turns off stay off).
void tst_TftpPanel::controlsLockedDuringTransfer()
{
    MiniServer server;
    server.files.insert("big.bin", randomBytes(100 * 1024));
    server.stallAfterBlock = 3;
    QTemporaryDir dir;
    TftpPanel p;
    p.show();
    fill(p, server.port(), QStringLiteral("big.bin"), dir.filePath(QStringLiteral("big.bin")));
    child<QCheckBox>(p, "tftpRfc1350")->setChecked(true);
    child<QSpinBox>(p, "tftpRetries")->setValue(50);
    const QList<QWidget *> used{child<QLineEdit>(p, "tftpHost"), child<QSpinBox>(p, "tftpPort"),
                                child<QLineEdit>(p, "tftpRemoteFile"), child<QLineEdit>(p, "tftpLocalFile"),
                                child<QPushButton>(p, "tftpBrowse"), child<QComboBox>(p, "tftpMode"),
                                child<QSpinBox>(p, "tftpRetries"), child<QCheckBox>(p, "tftpRfc1350")};
    const QList<QWidget *> rfcOff{child<QComboBox>(p, "tftpBlockSize"), child<QSpinBox>(p, "tftpWindowSize"),
                                  child<QSpinBox>(p, "tftpTimeout"), child<QCheckBox>(p, "tftpTsize")};
    QSignalSpy finished(&p, &TftpPanel::transferFinished);
    QVERIFY(p.start());
    for (QWidget *w : used + rfcOff)
        QVERIFY2(!w->isEnabled(), qPrintable(w->objectName()));
    QVERIFY(child<QPushButton>(p, "tftpCancelButton")->isEnabled());
    p.cancel();
    QTRY_COMPARE(finished.size(), 1);
    for (QWidget *w : used)
        QVERIFY2(w->isEnabled(), qPrintable(w->objectName()));
    for (QWidget *w : rfcOff)
        QVERIFY2(!w->isEnabled(), qPrintable(w->objectName()));
    child<QCheckBox>(p, "tftpRfc1350")->setChecked(false);
    for (QWidget *w : rfcOff)
        QVERIFY2(w->isEnabled(), qPrintable(w->objectName()));
}

// The rule: while the Save-as file name is the one taken from the remote name, a new remote name replaces
// it (in whatever folder the user chose); a file name the user typed stays.
void tst_TftpPanel::saveAsFollowsRemoteName()
{
    QTemporaryDir dir;
    TftpPanel p;
    auto *remote = child<QLineEdit>(p, "tftpRemoteFile");
    auto *local = child<QLineEdit>(p, "tftpLocalFile");
    auto type = [](QLineEdit *edit, const QString &text) {
        edit->selectAll();
        QTest::keyClicks(edit, text);   // as the user does: textEdited, not only textChanged
    };
    remote->setText(QStringLiteral("a.bin"));
    QCOMPARE(local->text(), QDir(TftpPanel::defaultFolder()).filePath(QStringLiteral("a.bin")));
    // Another folder, the same (derived) file name: the name still follows.
    type(local, dir.filePath(QStringLiteral("a.bin")));
    type(remote, QStringLiteral("pxe/b.bin"));
    QCOMPARE(local->text(), dir.filePath(QStringLiteral("b.bin")));
    // The user's own file name stays.
    type(local, dir.filePath(QStringLiteral("mine.bin")));
    type(remote, QStringLiteral("c.bin"));
    QCOMPARE(local->text(), dir.filePath(QStringLiteral("mine.bin")));
    // Until it is the derived name again.
    type(local, dir.filePath(QStringLiteral("c.bin")));
    type(remote, QStringLiteral("d.bin"));
    QCOMPARE(local->text(), dir.filePath(QStringLiteral("d.bin")));
}

// The core's trace marks where it skips blocks with a note: shown as plain text, not as a packet nor as an
// error; errors are in the error colour; the network's text stays on one line.
void tst_TftpPanel::traceNotesArePlain()
{
    TftpPanel p;
    NetPoke::Tftp::TraceEntry data;
    data.elapsedMs = 10;
    data.summary = QStringLiteral("DATA 64 (512 bytes)");
    NetPoke::Tftp::TraceEntry error = data;
    error.error = true;
    error.summary = NetPoke::Tftp::Packet::error(0, "bad\nline\\").summary();
    NetPoke::Tftp::TraceEntry note = data;
    note.summary = QStringLiteral("… 3,139 blocks not shown");
    note.note = true;   // what the core sets on its sampling notes (Tftp::Trace)
    emit p.client()->packetTraced(data);
    emit p.client()->packetTraced(error);
    emit p.client()->packetTraced(note);
    const QTextDocument *doc = child<QPlainTextEdit>(p, "tftpTrace")->document();
    QCOMPARE(doc->blockCount(), 3);
    auto formatOf = [doc](int line) { return doc->findBlockByNumber(line).begin().fragment().charFormat(); };
    QVERIFY(!formatOf(0).hasProperty(QTextFormat::ForegroundBrush));
    QCOMPARE(formatOf(1).foreground().color(), NetPoke::toneColor(NetPoke::Tone::Error));
    QVERIFY(doc->findBlockByNumber(1).text().endsWith(QStringLiteral("ERROR 0 bad\\nline\\\\")));
    QVERIFY(!formatOf(2).hasProperty(QTextFormat::ForegroundBrush));
    const QString noteLine = doc->findBlockByNumber(2).text();
    QVERIFY2(noteLine.endsWith(note.summary), qPrintable(noteLine));
    QVERIFY2(!noteLine.contains(QStringLiteral("←")) && !noteLine.contains(QStringLiteral("→")), qPrintable(noteLine));
    // The note's text starts where the packets' summaries do.
    QCOMPARE(noteLine.indexOf(QChar(0x2026)), doc->findBlockByNumber(0).text().indexOf(QStringLiteral("DATA")));
}

// A parse error's reason is visible text already (the peer's part escaped once): the trace shows it as it is,
// not with its backslashes doubled.
void tst_TftpPanel::traceShowsParseErrorsEscapedOnce()
{
    TftpPanel p;
    const auto r = NetPoke::Tftp::parse(QByteArray("\0\1file\0\x1b]0;x\x07\\\0", 15));
    QVERIFY(!r.ok());
    QVERIFY2(r.errorString.contains(QStringLiteral(R"("\x1B]0;x\x07\\")")), qPrintable(r.errorString));
    NetPoke::Tftp::TraceEntry e;
    e.error = true;
    e.summary = r.errorString;
    emit p.client()->packetTraced(e);
    const QString line = child<QPlainTextEdit>(p, "tftpTrace")->document()->findBlockByNumber(0).text();
    QVERIFY2(line.endsWith(r.errorString), qPrintable(line));
}

void tst_TftpPanel::optionsOutOfRangeRefused()
{
    // The window the core would lower to 32767 is refused, with the reason where form errors show.
    MiniServer server;
    server.files.insert("x.bin", randomBytes(100));
    QTemporaryDir dir;
    TftpPanel p;
    p.show();
    fill(p, server.port(), QStringLiteral("x.bin"), dir.filePath(QStringLiteral("x.bin")));
    child<QSpinBox>(p, "tftpWindowSize")->setValue(65535);
    QVERIFY(!p.start());
    auto *error = child<QLabel>(p, "tftpFormError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("at most 32767")), qPrintable(error->text()));
    QCOMPARE(p.client()->state(), NetPoke::Tftp::Client::Idle);
    child<QSpinBox>(p, "tftpWindowSize")->setValue(32767);
    QSignalSpy finished(&p, &TftpPanel::transferFinished);
    QVERIFY(p.start());
    QVERIFY(!error->isVisible());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
}

// "Max size" is kept in the settings and given to the client: a file past it fails with the reason, nothing
// is saved; 0 is no limit.
void tst_TftpPanel::maxSizePersistsAndApplies()
{
    {
        TftpPanel p;
        QCOMPARE(child<QSpinBox>(p, "tftpMaxSize")->value(), 0);   // the default: no limit
        QCOMPARE(child<QSpinBox>(p, "tftpMaxSize")->text(), QStringLiteral("no limit"));
        child<QSpinBox>(p, "tftpMaxSize")->setValue(2);
        child<QComboBox>(p, "tftpMaxSizeUnit")->setCurrentIndex(0);   // KiB
        p.saveSettings();
    }
    MiniServer server;   // RFC 1350: no tsize, so the limit stops the transfer itself
    const QByteArray content = randomBytes(5000);
    server.files.insert("x.bin", content);
    QTemporaryDir dir;
    const QString local = dir.filePath(QStringLiteral("x.bin"));
    TftpPanel p;
    QCOMPARE(child<QSpinBox>(p, "tftpMaxSize")->value(), 2);
    QCOMPARE(child<QComboBox>(p, "tftpMaxSizeUnit")->currentText(), QStringLiteral("KiB"));
    fill(p, server.port(), QStringLiteral("x.bin"), local);
    QSignalSpy finished(&p, &TftpPanel::transferFinished);
    QVERIFY(p.start());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(p.client()->error(), NetPoke::Tftp::Client::SizeLimitError);
    const QString result = child<QLabel>(p, "tftpResult")->text();
    QVERIFY2(result.startsWith(QStringLiteral("The file is larger than the size limit of %1 bytes")
                                   .arg(QLocale().toString(qint64(2048)))),
             qPrintable(result));
    QVERIFY2(result.endsWith(QStringLiteral("No file was written; an existing file of that name is unchanged.")),
             qPrintable(result));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    // 5 KiB holds it.
    child<QSpinBox>(p, "tftpMaxSize")->setValue(5);
    QVERIFY(p.start());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(1).at(0).toBool(), true);
    QFile f(local);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content);
}

// Saving into a FIFO (or a device) writes it in place: it stays a FIFO, the reader gets the file; one that
// nobody reads is refused at once, below the buttons.
void tst_TftpPanel::saveIntoFifo()
{
    MiniServer server;
    const QByteArray content = randomBytes(20000);
    server.files.insert("x.bin", content);
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    QVERIFY(OutputTest::makeFifo(fifo));
    TftpPanel p;
    p.setConfirmOverwrite(false);
    fill(p, server.port(), QStringLiteral("x.bin"), fifo);
    QVERIFY(!p.start());
    const QString refused = child<QLabel>(p, "tftpFormError")->text();
    QCOMPARE(refused, QStringLiteral("Cannot write %1: no process has the FIFO open for reading").arg(fifo));
    OutputTest::FifoReader reader(fifo);
    QVERIFY(reader.isOpen());
    QSignalSpy finished(&p, &TftpPanel::transferFinished);
    QVERIFY2(p.start(), qPrintable(child<QLabel>(p, "tftpFormError")->text()));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(reader.finish(), content);
    QVERIFY(OutputTest::isFifo(fifo));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System),
             QStringList{QStringLiteral("pipe")});
    // A failure cannot take back what a FIFO was given: the result says so instead of "No file was written".
    OutputTest::FifoReader again(fifo);
    QVERIFY(again.isOpen());
    child<QLineEdit>(p, "tftpRemoteFile")->setText(QStringLiteral("nope.bin"));
    child<QLineEdit>(p, "tftpLocalFile")->setText(fifo);
    QVERIFY(p.start());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(1).at(0).toBool(), false);
    const QString result = child<QLabel>(p, "tftpResult")->text();
    QVERIFY2(result.endsWith(QStringLiteral("What arrived before the failure was written into %1 (a device or FIFO is "
                                            "written in place).").arg(fifo)),
             qPrintable(result));
    QCOMPARE(again.finish(), QByteArray());
    QVERIFY(OutputTest::isFifo(fifo));
}

void tst_TftpPanel::uploadReachesServer()
{
    MiniServer server;
    const QByteArray content = randomBytes(200 * 1024 + 5);
    QTemporaryDir dir;
    const QString local = dir.filePath(QStringLiteral("image.bin"));
    {
        QFile f(local);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    TftpPanel p;
    p.show();
    QTest::mouseClick(child<QRadioButton>(p, "tftpDirectionUpload"), Qt::LeftButton);
    QVERIFY(p.uploadChosen());
    child<QLineEdit>(p, "tftpHost")->setText(QStringLiteral("127.0.0.1"));
    child<QSpinBox>(p, "tftpPort")->setValue(server.port());
    child<QLineEdit>(p, "tftpUploadFile")->setText(local);
    QCOMPARE(child<QLineEdit>(p, "tftpRemoteFile")->text(), QStringLiteral("image.bin"));
    child<QLineEdit>(p, "tftpRemoteFile")->setText(QStringLiteral("incoming/image.bin"));
    QSignalSpy finished(&p, &TftpPanel::transferFinished);
    QTest::mouseClick(child<QPushButton>(p, "tftpStartButton"), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(server.files.value("incoming/image.bin") == content);
    auto *bar = child<QProgressBar>(p, "tftpProgress");
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    const QString result = child<QLabel>(p, "tftpResult")->text();
    QVERIFY2(result.startsWith(QStringLiteral("Uploaded 200.00 KiB")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("incoming/image.bin")), qPrintable(result));
    QVERIFY(!child<QPushButton>(p, "tftpOpenFolder")->isVisible());   // nothing was saved here
    const QString trace = child<QPlainTextEdit>(p, "tftpTrace")->toPlainText();
    QVERIFY2(trace.contains(QStringLiteral("→  WRQ incoming/image.bin octet")), qPrintable(trace.left(500)));
    QVERIFY2(trace.contains(QStringLiteral("←  ACK 0")), qPrintable(trace.left(500)));
    QCOMPARE(child<QLabel>(p, "tftpBlocks")->text(), QLocale().toString(401));
    QVERIFY(child<QLabel>(p, "tftpAverage")->text() != QStringLiteral("–"));
}

void tst_TftpPanel::uploadFileRefusedSendsNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("none chosen") << "" << "Choose the file to upload.";
    QTest::newRow("missing") << "missing" << "No such file";
    QTest::newRow("folder") << "folder" << "is a folder";
    QTest::newRow("device") << "device" << "not a regular file";
}

void tst_TftpPanel::uploadFileRefusedSendsNothing()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    MiniServer server;
    QTemporaryDir dir;
    QString local;
    if (kind == QLatin1String("missing"))
        local = dir.filePath(QStringLiteral("missing.bin"));
    else if (kind == QLatin1String("folder"))
        local = dir.path();
    else if (kind == QLatin1String("device"))
        local = QStringLiteral("/dev/zero");
    TftpPanel p;
    p.show();
    child<QRadioButton>(p, "tftpDirectionUpload")->setChecked(true);
    child<QSpinBox>(p, "tftpPort")->setValue(server.port());
    child<QLineEdit>(p, "tftpRemoteFile")->setText(QStringLiteral("x.bin"));
    child<QLineEdit>(p, "tftpUploadFile")->setText(local);
    QVERIFY(!p.start());
    auto *error = child<QLabel>(p, "tftpFormError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(message), qPrintable(error->text()));
    QCOMPARE(p.client()->state(), NetPoke::Tftp::Client::Idle);
    QVERIFY(child<QPushButton>(p, "tftpStartButton")->isEnabled());
    QTest::qWait(50);
    QCOMPARE(server.requests.size(), 0);
}

// Download shows Save as, Upload the file to send; the tsize box says what it does; the choice is kept.
void tst_TftpPanel::directionShowsItsRowAndIsSaved()
{
    QTemporaryDir dir;
    {
        TftpPanel p;
        p.show();
        QVERIFY(!p.uploadChosen());
        QVERIFY(child<QLineEdit>(p, "tftpLocalFile")->isVisible());
        QVERIFY(!child<QLineEdit>(p, "tftpUploadFile")->isVisible());
        QVERIFY(!child<QPushButton>(p, "tftpUploadBrowse")->isVisible());
        QCOMPARE(child<QCheckBox>(p, "tftpTsize")->text(), QStringLiteral("Ask for the file size (tsize)"));
        child<QRadioButton>(p, "tftpDirectionUpload")->setChecked(true);
        QVERIFY(!child<QLineEdit>(p, "tftpLocalFile")->isVisible());
        QVERIFY(!child<QLabel>(p, "tftpLocalFileLabel")->isVisible());
        QVERIFY(child<QLineEdit>(p, "tftpUploadFile")->isVisible());
        QVERIFY(child<QLabel>(p, "tftpUploadFileLabel")->isVisible());
        QVERIFY(child<QCheckBox>(p, "tftpTsize")->text().startsWith(QStringLiteral("Send the file size")));
        child<QLineEdit>(p, "tftpUploadFile")->setText(dir.filePath(QStringLiteral("a.bin")));
        p.saveSettings();
    }
    TftpPanel again;
    again.show();
    QVERIFY(again.uploadChosen());
    QCOMPARE(child<QLineEdit>(again, "tftpUploadFile")->text(), dir.filePath(QStringLiteral("a.bin")));
    QVERIFY(child<QLineEdit>(again, "tftpUploadFile")->isVisible());
    QVERIFY(!child<QLineEdit>(again, "tftpLocalFile")->isVisible());
}

// While the remote name is empty or the one the file to send gave, a new file to send replaces it; a name
// the user typed stays.
void tst_TftpPanel::remoteNameFollowsFileToSend()
{
    QTemporaryDir dir;
    TftpPanel p;
    child<QRadioButton>(p, "tftpDirectionUpload")->setChecked(true);
    auto *remote = child<QLineEdit>(p, "tftpRemoteFile");
    auto *file = child<QLineEdit>(p, "tftpUploadFile");
    remote->clear();
    file->setText(dir.filePath(QStringLiteral("a.bin")));
    QCOMPARE(remote->text(), QStringLiteral("a.bin"));
    file->setText(dir.filePath(QStringLiteral("b.bin")));
    QCOMPARE(remote->text(), QStringLiteral("b.bin"));
    remote->setText(QStringLiteral("pxe/boot.bin"));
    file->setText(dir.filePath(QStringLiteral("c.bin")));
    QCOMPARE(remote->text(), QStringLiteral("pxe/boot.bin"));
}

void tst_TftpPanel::uploadControlsLockedAndCancel()
{
    MiniServer server;
    server.stallAfterBlock = 3;
    QTemporaryDir dir;
    const QString local = dir.filePath(QStringLiteral("big.bin"));
    {
        QFile f(local);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(randomBytes(100 * 1024));
    }
    TftpPanel p;
    p.show();
    child<QRadioButton>(p, "tftpDirectionUpload")->setChecked(true);
    child<QSpinBox>(p, "tftpPort")->setValue(server.port());
    child<QLineEdit>(p, "tftpUploadFile")->setText(local);
    child<QSpinBox>(p, "tftpRetries")->setValue(50);
    QSignalSpy finished(&p, &TftpPanel::transferFinished);
    QVERIFY(p.start());
    for (const char *name : {"tftpDirectionDownload", "tftpDirectionUpload", "tftpUploadFile", "tftpUploadBrowse",
                             "tftpRemoteFile", "tftpBlockSize"})
        QVERIFY2(!child<QWidget>(p, name)->isEnabled(), name);
    QTRY_VERIFY(p.client()->progress().blocks >= 3);
    QTest::mouseClick(child<QPushButton>(p, "tftpCancelButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(p.client()->error(), NetPoke::Tftp::Client::CancelledError);
    QTRY_COMPARE(server.errorsReceived.size(), 1);   // ERROR 0 to the server
    const QString result = child<QLabel>(p, "tftpResult")->text();
    QVERIFY2(result.contains(QStringLiteral("cancelled")), qPrintable(result));
    QVERIFY2(!result.contains(QStringLiteral("No file was written")), qPrintable(result));
    for (const char *name : {"tftpDirectionDownload", "tftpUploadFile", "tftpRemoteFile"})
        QVERIFY2(child<QWidget>(p, name)->isEnabled(), name);
}

QTEST_MAIN(tst_TftpPanel)
#include "tst_tftppanel.moc"
