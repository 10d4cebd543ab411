#include "../integration/servertestutil.h"
#include "guitestutil.h"
#include "textcodec.h"
#include "tftpserverpanel.h"
#include "tftptransfermodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryFile>
#include <QVBoxLayout>
#include <QWheelEvent>

using GuiTest::child;
using NetPoke::TftpServerPanel;
using NetPoke::TftpTransferModel;
using ServerTest::RawPeer;

class tst_TftpServerPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void downloadShowsRowLogAndTrace();
    void uploadRefusedWhenOff();
    void uploadAllowed();
    void missingRootShownNextToField();
    void portInUseShownNextToPort();
    void allAddressesServeIPv4AndIPv6();
    void errorMovesNoButton();
    void settingsPersist();
    void hostileNamesShownPlain();
    void stopEndsTransfersAndFreesPort();
    void controlsLockedWhileServing();
    void twoHundredTransfersBatched();
    void zoomReachesTableAndLabels();
    void wheelNeedsFocus();

private:
    static void fill(TftpServerPanel &p, const QString &root, quint16 port = 0)
    {
        child<QLineEdit>(p, "serverRoot")->setText(root);
        auto *address = child<QComboBox>(p, "serverAddress");
        address->setCurrentIndex(address->findData(QStringLiteral("127.0.0.1")));
        child<QSpinBox>(p, "serverPort")->setValue(port);
    }
    static bool put(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }
    static QString cell(TftpServerPanel &p, int row, int column)
    {
        return p.model()->index(row, column).data().toString();
    }
    static QString log(TftpServerPanel &p) { return child<QPlainTextEdit>(p, "serverLog")->toPlainText(); }
    static QString trace(TftpServerPanel &p) { return child<QPlainTextEdit>(p, "serverTrace")->toPlainText(); }
    static bool hasControl(const QString &s)
    {
        return std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() < 0x20 && c != QLatin1Char('\n'); });
    }
    GuiTest::SettingsSandbox m_settings{"tst_tftpserverpanel"};
};

void tst_TftpServerPanel::init()
{
    m_settings.clear();
}

// The classroom's case: serve a folder on 127.0.0.1, download from it; the table, the log and the trace
// show what happened.
void tst_TftpServerPanel::downloadShowsRowLogAndTrace()
{
    QTemporaryDir root;
    const QByteArray content = ServerTest::randomBytes(100 * 1024 + 3, 1);
    QVERIFY(put(root.filePath(QStringLiteral("hello.bin")), content));
    TftpServerPanel p;
    p.resize(1400, 800);
    p.show();
    fill(p, root.path());
    QTest::mouseClick(child<QPushButton>(p, "serverStartButton"), Qt::LeftButton);
    QVERIFY(p.server()->isRunning());
    const quint16 port = p.server()->port();
    QVERIFY(port != 0);
    QCOMPARE(child<QLabel>(p, "serverStatus")->text(),
             QStringLiteral("Serving %1 on 127.0.0.1:%2").arg(QFileInfo(root.path()).canonicalFilePath()).arg(port));
    QCOMPARE(child<QLabel>(p, "serverStatus")->textFormat(), Qt::PlainText);

    QTemporaryDir local;
    NetPoke::Tftp::Client client;
    QSignalSpy done(&client, &NetPoke::Tftp::Client::finished);
    QVERIFY(client.download(QStringLiteral("127.0.0.1"), port, QStringLiteral("hello.bin"), local.filePath(QStringLiteral("x"))));
    QVERIFY(done.wait(20000));
    QVERIFY2(done.first().first().toBool(), qPrintable(client.errorString()));

    TftpTransferModel *m = p.model();
    QTRY_VERIFY(m->rowCount() == 1 && m->transferAt(0).state == NetPoke::Tftp::TransferInfo::Finished);
    QCOMPARE(m->index(0, 0).data(TftpTransferModel::BytesRole).toLongLong(), qint64(content.size()));
    QCOMPARE(cell(p, 0, TftpTransferModel::BytesColumn), QLocale().toString(qint64(content.size())));
    QCOMPARE(cell(p, 0, TftpTransferModel::FileColumn), QStringLiteral("hello.bin"));
    QCOMPARE(cell(p, 0, TftpTransferModel::DirectionColumn), QStringLiteral("download"));
    QCOMPARE(cell(p, 0, TftpTransferModel::ProgressColumn), QStringLiteral("100.0%"));
    QCOMPARE(cell(p, 0, TftpTransferModel::StateColumn), QStringLiteral("ok"));
    QVERIFY(cell(p, 0, TftpTransferModel::ClientColumn).startsWith(QStringLiteral("127.0.0.1:")));
    QTRY_VERIFY(log(p).contains(QStringLiteral("download \"hello.bin\"")));
    QVERIFY2(log(p).contains(QStringLiteral("%1 bytes").arg(content.size())), qPrintable(log(p)));
    QCOMPARE(log(p).count(QLatin1Char('\n')), 0);   // one line
    QTRY_VERIFY(child<QLabel>(p, "serverCounters")->text().contains(QStringLiteral("Finished: 1")));

    // The trace of the selected row: the request, the option answer, the data.
    QVERIFY(trace(p).isEmpty());
    child<QTableView>(p, "serverTransfers")->selectRow(0);
    const QString t = trace(p);
    const QStringList lines = t.split(QLatin1Char('\n'));
    QVERIFY2(lines.size() > 3, qPrintable(t));
    QVERIFY2(lines.first().contains(QStringLiteral("←  RRQ hello.bin octet")), qPrintable(lines.first()));
    QVERIFY2(lines.at(1).contains(QStringLiteral("→  OACK")), qPrintable(lines.at(1)));
    QVERIFY2(t.contains(QStringLiteral("→  DATA 1 (")), qPrintable(t));
    QVERIFY(child<QLabel>(p, "serverTraceTitle")->text().contains(QStringLiteral("hello.bin")));
    child<QTableView>(p, "serverTransfers")->clearSelection();
    QVERIFY(trace(p).isEmpty());
}

void tst_TftpServerPanel::uploadRefusedWhenOff()
{
    QTemporaryDir root;
    TftpServerPanel p;
    fill(p, root.path());
    QVERIFY(p.start());
    RawPeer peer;
    QVERIFY(peer.bound);
    peer.sendTo(p.server()->port(), ServerTest::request(NetPoke::Tftp::Opcode::Wrq, "up.bin"));
    const RawPeer::Got got = peer.next();
    QVERIFY2(ServerTest::isError(got, 2), qPrintable(ServerTest::describe(got)));
    TftpTransferModel *m = p.model();
    QTRY_COMPARE(m->rowCount(), 1);
    QCOMPARE(m->transferAt(0).state, NetPoke::Tftp::TransferInfo::Refused);
    QCOMPARE(cell(p, 0, TftpTransferModel::StateColumn), QStringLiteral("refused: uploads are not allowed"));
    QCOMPARE(cell(p, 0, TftpTransferModel::DirectionColumn), QStringLiteral("upload"));
    QCOMPARE(cell(p, 0, TftpTransferModel::FileColumn), QStringLiteral("up.bin"));
    QTRY_VERIFY(log(p).contains(QStringLiteral("upload \"up.bin\" refused: uploads are not allowed")));
    QVERIFY(!QFile::exists(root.filePath(QStringLiteral("up.bin"))));
    // A refused request has no trace: the view says so.
    child<QTableView>(p, "serverTransfers")->selectRow(0);
    QVERIFY(trace(p).isEmpty());
    QVERIFY(child<QPlainTextEdit>(p, "serverTrace")->placeholderText().contains(QStringLiteral("refused")));
}

void tst_TftpServerPanel::uploadAllowed()
{
    QTemporaryDir root;
    TftpServerPanel p;
    fill(p, root.path());
    child<QCheckBox>(p, "serverAllowUploads")->setChecked(true);
    QVERIFY(p.start());
    RawPeer peer;
    peer.sendTo(p.server()->port(), ServerTest::request(NetPoke::Tftp::Opcode::Wrq, "up.bin"));
    const RawPeer::Got ack0 = peer.next();
    QVERIFY2(ServerTest::isAck(ack0, 0), qPrintable(ServerTest::describe(ack0)));
    peer.tid = ack0.port;
    peer.data(1, QByteArray("ten bytes!"));
    QVERIFY(ServerTest::isAck(peer.next(), 1));
    TftpTransferModel *m = p.model();
    QTRY_VERIFY(m->rowCount() == 1 && m->transferAt(0).ended());
    QCOMPARE(cell(p, 0, TftpTransferModel::StateColumn), QStringLiteral("ok"));
    QCOMPARE(cell(p, 0, TftpTransferModel::DirectionColumn), QStringLiteral("upload"));
    QCOMPARE(m->transferAt(0).bytes, 10);
    QFile f(root.filePath(QStringLiteral("up.bin")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("ten bytes!"));
    child<QTableView>(p, "serverTransfers")->selectRow(0);
    QVERIFY2(trace(p).startsWith(QStringLiteral("   0.000  ←  WRQ up.bin octet")), qPrintable(trace(p)));
}

// A folder that does not exist: the reason next to the folder field, nothing listens.
void tst_TftpServerPanel::missingRootShownNextToField()
{
    QTemporaryDir base;
    TftpServerPanel p;
    p.show();
    fill(p, base.filePath(QStringLiteral("no-such-folder")));
    QSignalSpy running(p.server(), &NetPoke::Tftp::Server::runningChanged);
    QVERIFY(!p.start());
    auto *error = child<QLabel>(p, "serverRootError");
    QVERIFY(error->isVisible());
    QCOMPARE(error->textFormat(), Qt::PlainText);
    QVERIFY2(error->text().contains(QStringLiteral("does not exist")), qPrintable(error->text()));
    QVERIFY(!child<QLabel>(p, "serverListenError")->isVisible());
    QVERIFY(!p.server()->isRunning());
    QCOMPARE(p.server()->port(), quint16(0));
    QCOMPARE(running.size(), 0);
    QVERIFY(child<QPushButton>(p, "serverStartButton")->isEnabled());
    QVERIFY(!child<QPushButton>(p, "serverStopButton")->isEnabled());
    QVERIFY(child<QLineEdit>(p, "serverRoot")->isEnabled());
    QVERIFY(child<QLabel>(p, "serverStatus")->text().startsWith(QStringLiteral("Not serving")));
    // Typing in the field takes the message away.
    QTest::keyClick(child<QLineEdit>(p, "serverRoot"), Qt::Key_Backspace);
    QVERIFY(!error->isVisible());

    fill(p, QString());
    QVERIFY(!p.start());
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("Choose the folder to serve."));

    QTemporaryFile file;
    QVERIFY(file.open());
    fill(p, file.fileName());
    QVERIFY(!p.start());
    QVERIFY2(error->text().contains(QStringLiteral("is not a folder")), qPrintable(error->text()));
    QVERIFY(!p.server()->isRunning());
}

// A failed bind: the core's fact and the advice, next to the port.
void tst_TftpServerPanel::portInUseShownNextToPort()
{
    QTemporaryDir root;
    QUdpSocket blocker;
    QVERIFY(blocker.bind(QHostAddress::LocalHost, 0));
    TftpServerPanel p;
    p.show();
    fill(p, root.path(), blocker.localPort());
    QVERIFY(!p.start());
    auto *error = child<QLabel>(p, "serverListenError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("Port %1 is already in use").arg(blocker.localPort())), qPrintable(error->text()));
    QVERIFY2(error->text().contains(QStringLiteral("enter 0 to let the system choose")), qPrintable(error->text()));
    QVERIFY(!child<QLabel>(p, "serverRootError")->isVisible());
    QVERIFY(!p.server()->isRunning());
    child<QSpinBox>(p, "serverPort")->setValue(0);   // a change of the field clears it
    QVERIFY(!error->isVisible());
    QVERIFY(p.start());
}

// ":: (all IPv4 and IPv6 addresses)" is what it says: clients on 127.0.0.1 and on ::1 are answered.
void tst_TftpServerPanel::allAddressesServeIPv4AndIPv6()
{
    QTemporaryDir root;
    QVERIFY(put(root.filePath(QStringLiteral("a.txt")), QByteArray("abc")));
    TftpServerPanel p;
    fill(p, root.path());
    auto *address = child<QComboBox>(p, "serverAddress");
    address->setCurrentIndex(address->findData(QStringLiteral("::")));
    QVERIFY(address->currentText().contains(QStringLiteral("IPv6")));
    QVERIFY(p.start());
    QVERIFY(child<QLabel>(p, "serverStatus")->text().endsWith(QStringLiteral(" on [::]:%1").arg(p.server()->port())));
    QCOMPARE(p.localHost(), QStringLiteral("127.0.0.1"));
    for (const QHostAddress &client : {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)}) {
        RawPeer peer(client);
        QVERIFY(peer.bound);
        peer.sendTo(p.server()->port(), ServerTest::request(NetPoke::Tftp::Opcode::Rrq, "a.txt"));
        const RawPeer::Got got = peer.next();
        QVERIFY2(ServerTest::isData(got, 1, 3), qPrintable(client.toString() + QLatin1Char(' ') + ServerTest::describe(got)));
        peer.tid = got.port;
        peer.ack(1);
    }
    QTRY_COMPARE(p.model()->endedRows(), 2);
    QVERIFY(cell(p, 1, TftpTransferModel::ClientColumn).startsWith(QStringLiteral("[::1]:")));
}

// Start and Stop stay where they are when a message appears next to a field: a second click meant for
// Start lands on Start.
void tst_TftpServerPanel::errorMovesNoButton()
{
    QTemporaryDir root;
    QUdpSocket blocker;
    QVERIFY(blocker.bind(QHostAddress::LocalHost, 0));
    QWidget window;
    auto *p = new TftpServerPanel(&window);
    (new QVBoxLayout(&window))->addWidget(p);
    window.resize(1180, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QList<QWidget *> buttons{child<QPushButton>(*p, "serverStartButton"), child<QPushButton>(*p, "serverStopButton"),
                                   child<QPushButton>(*p, "serverDownloadHere")};
    auto positions = [&] {
        QList<QRect> r;
        for (QWidget *w : buttons)
            r << QRect(w->mapTo(p, QPoint(0, 0)), w->size());
        return r;
    };
    const QList<QRect> before = positions();
    fill(*p, root.filePath(QStringLiteral("a/rather/long/folder/name/that/does/not/exist/at/all/anywhere")));
    QVERIFY(!p->start());
    QCoreApplication::processEvents();
    QVERIFY(child<QLabel>(*p, "serverRootError")->isVisible());
    QCOMPARE(positions(), before);
    fill(*p, root.path(), blocker.localPort());
    QVERIFY(!p->start());
    QCoreApplication::processEvents();
    auto *error = child<QLabel>(*p, "serverListenError");
    QVERIFY(error->isVisible());
    QCOMPARE(positions(), before);
    // The whole message is in sight.
    QVERIFY(p->rect().contains(QRect(error->mapTo(p, QPoint(0, 0)), error->size())));
    QVERIFY(error->height() >= error->heightForWidth(error->width()));
}

void tst_TftpServerPanel::settingsPersist()
{
    QTemporaryDir root;
    {
        TftpServerPanel p;
        // Safe defaults: this machine only, an unprivileged port, read-only.
        QCOMPARE(child<QComboBox>(p, "serverAddress")->currentData().toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(child<QSpinBox>(p, "serverPort")->value(), 6969);
        QVERIFY(!child<QCheckBox>(p, "serverAllowUploads")->isChecked());
        QVERIFY(!child<QCheckBox>(p, "serverAllowOverwrite")->isEnabled());
        QCOMPARE(child<QSpinBox>(p, "serverMaxTransfers")->value(), 200);

        child<QLineEdit>(p, "serverRoot")->setText(root.path());
        auto *address = child<QComboBox>(p, "serverAddress");
        address->setCurrentIndex(address->findData(QStringLiteral("::1")));
        QVERIFY(address->currentIndex() >= 0);
        child<QSpinBox>(p, "serverPort")->setValue(7070);
        child<QCheckBox>(p, "serverAllowUploads")->setChecked(true);
        child<QCheckBox>(p, "serverAllowOverwrite")->setChecked(true);
        child<QSpinBox>(p, "serverMaxTransfers")->setValue(17);
        child<QSpinBox>(p, "serverMaxUpload")->setValue(5);
        child<QSpinBox>(p, "serverPortMin")->setValue(50000);
        child<QSpinBox>(p, "serverPortMax")->setValue(50010);
        p.saveSettings();
    }
    TftpServerPanel p;
    QCOMPARE(child<QLineEdit>(p, "serverRoot")->text(), root.path());
    QCOMPARE(child<QComboBox>(p, "serverAddress")->currentData().toString(), QStringLiteral("::1"));
    QCOMPARE(child<QSpinBox>(p, "serverPort")->value(), 7070);
    QVERIFY(child<QCheckBox>(p, "serverAllowUploads")->isChecked());
    QVERIFY(child<QCheckBox>(p, "serverAllowOverwrite")->isChecked());
    QVERIFY(child<QCheckBox>(p, "serverAllowOverwrite")->isEnabled());
    QCOMPARE(child<QSpinBox>(p, "serverMaxTransfers")->value(), 17);
    QCOMPARE(child<QSpinBox>(p, "serverMaxUpload")->value(), 5);
    QCOMPARE(child<QSpinBox>(p, "serverPortMin")->value(), 50000);
    QCOMPARE(child<QSpinBox>(p, "serverPortMax")->value(), 50010);
    for (const char *key : {"root", "address", "port", "allowUploads", "allowOverwrite", "maxTransfers", "maxUploadMiB",
                            "transferPortMin", "transferPortMax"})
        QVERIFY2(QSettings().contains(QStringLiteral("tftpServer/") + QLatin1String(key)), key);
}

// Names from the network: markup stays text, control characters are escaped, in the table, the log, the
// trace and its title.
void tst_TftpServerPanel::hostileNamesShownPlain()
{
    QTemporaryDir root;
    // "<b>x</b>\e[2J" names the file "b>\e[2J" in the folder "<b>x<".
    const QByteArray name("<b>x</b>\x1b[2J");
    QVERIFY(QDir(root.path()).mkdir(QStringLiteral("<b>x<")));
    QVERIFY(put(root.filePath(QString::fromUtf8(name)), QByteArray("tiny")));
    const QString shown = QStringLiteral("<b>x</b>\\x1B[2J");
    QCOMPARE(NetPoke::TextCodec::visibleText(QString::fromUtf8(name)), shown);

    TftpServerPanel p;
    p.resize(1400, 800);
    p.show();
    fill(p, root.path());
    QVERIFY(p.start());
    RawPeer peer;
    peer.sendTo(p.server()->port(), ServerTest::request(NetPoke::Tftp::Opcode::Rrq, name));
    const RawPeer::Got data = peer.next();
    QVERIFY2(ServerTest::isData(data, 1, 4), qPrintable(ServerTest::describe(data)));
    peer.tid = data.port;
    peer.ack(1);
    // A name that is refused, with a line break and markup (from another port: a request from the port of
    // a running transfer is taken for a repeated one).
    RawPeer other;
    other.sendTo(p.server()->port(), ServerTest::request(NetPoke::Tftp::Opcode::Rrq, "a\nb<i>c</i>\x07"));
    QVERIFY(ServerTest::isError(other.next(), 1));
    // A client that ends its download with an ERROR whose message has markup and an escape.
    RawPeer quitter;
    quitter.sendTo(p.server()->port(), ServerTest::request(NetPoke::Tftp::Opcode::Rrq, name));
    const RawPeer::Got first = quitter.next();
    QVERIFY(ServerTest::isData(first, 1, 4));
    quitter.tid = first.port;
    quitter.sendTo(quitter.tid, NetPoke::Tftp::Packet::error(0, QByteArray("<i>bye</i>\x1b")).serialize());

    TftpTransferModel *m = p.model();
    QTRY_VERIFY(m->rowCount() == 3 && m->transferAt(0).ended() && m->transferAt(2).ended());
    const QString said = cell(p, 2, TftpTransferModel::StateColumn);
    QVERIFY2(said.startsWith(QStringLiteral("failed: ")) && said.endsWith(QStringLiteral("saying \"<i>bye</i>\\x1B\"")),
             qPrintable(said));
    const QString saidTip = m->index(2, TftpTransferModel::StateColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(saidTip.contains(QStringLiteral("&lt;i&gt;bye&lt;/i&gt;")), qPrintable(saidTip));
    QCOMPARE(cell(p, 0, TftpTransferModel::StateColumn), QStringLiteral("ok"));
    QCOMPARE(cell(p, 0, TftpTransferModel::FileColumn), shown);
    QCOMPARE(cell(p, 1, TftpTransferModel::FileColumn), QStringLiteral("a\\nb<i>c</i>\\x07"));
    const QString tip = m->index(0, TftpTransferModel::FileColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("&lt;b&gt;x&lt;/b&gt;\\x1B[2J")) && !tip.contains(QStringLiteral("<b>")), qPrintable(tip));
    QTRY_VERIFY(log(p).count(QLatin1Char('\n')) == 2);   // three lines
    QVERIFY2(log(p).contains(QStringLiteral("download \"%1\" octet").arg(shown)), qPrintable(log(p)));
    QVERIFY2(log(p).contains(QStringLiteral("\"a\\nb<i>c</i>\\x07\" refused")), qPrintable(log(p)));
    QVERIFY(!hasControl(log(p)));

    child<QTableView>(p, "serverTransfers")->selectRow(0);
    QVERIFY2(trace(p).contains(QStringLiteral("RRQ %1 octet").arg(shown)), qPrintable(trace(p)));
    QVERIFY(!hasControl(trace(p)));
    auto *title = child<QLabel>(p, "serverTraceTitle");
    QCOMPARE(title->textFormat(), Qt::PlainText);
    QVERIFY2(title->text().contains(shown), qPrintable(title->text()));
    // A long name never widens the window: the title is cut at the pane's edge, with an ellipsis.
    QCOMPARE(title->sizePolicy().horizontalPolicy(), QSizePolicy::Ignored);
    p.resize(700, 800);
    QTRY_VERIFY(title->text().endsWith(QChar(0x2026)));
    QVERIFY(title->fontMetrics().horizontalAdvance(title->text()) <= title->width());
}

// Stop ends the running transfers (the table says how) and closes the socket: the same port can be
// bound again at once, and a second Start on it works.
void tst_TftpServerPanel::stopEndsTransfersAndFreesPort()
{
    QTemporaryDir root;
    QVERIFY(put(root.filePath(QStringLiteral("big.bin")), ServerTest::randomBytes(64 * 1024, 2)));
    TftpServerPanel p;
    fill(p, root.path());
    QVERIFY(p.start());
    const quint16 port = p.server()->port();
    RawPeer peer;
    peer.sendTo(port, ServerTest::request(NetPoke::Tftp::Opcode::Rrq, "big.bin"));
    QVERIFY(ServerTest::isData(peer.next(), 1, 512));   // never acknowledged: it keeps running
    QTRY_COMPARE(p.model()->rowCount(), 1);
    QVERIFY(!p.model()->transferAt(0).ended());
    QTest::mouseClick(child<QPushButton>(p, "serverStopButton"), Qt::LeftButton);
    QVERIFY(!p.server()->isRunning());
    QVERIFY(child<QLabel>(p, "serverStatus")->text().startsWith(QStringLiteral("Not serving")));
    QTRY_VERIFY(p.model()->transferAt(0).ended());
    QCOMPARE(cell(p, 0, TftpTransferModel::StateColumn), QStringLiteral("failed: the server stopped"));

    QUdpSocket probe;
    QVERIFY2(probe.bind(QHostAddress::LocalHost, port), qPrintable(probe.errorString()));
    probe.close();
    child<QSpinBox>(p, "serverPort")->setValue(port);
    QVERIFY2(p.start(), qPrintable(child<QLabel>(p, "serverListenError")->text()));
    QCOMPARE(p.server()->port(), port);
    QVERIFY(child<QLabel>(p, "serverStatus")->text().endsWith(QStringLiteral("127.0.0.1:%1").arg(port)));
}

// While serving, the settings the server took at Start cannot change; afterwards each control is as it
// was (overwrite only with uploads).
void tst_TftpServerPanel::controlsLockedWhileServing()
{
    QTemporaryDir root;
    TftpServerPanel p;
    p.show();
    fill(p, root.path());
    auto *uploads = child<QCheckBox>(p, "serverAllowUploads");
    auto *overwrite = child<QCheckBox>(p, "serverAllowOverwrite");
    QVERIFY(!overwrite->isEnabled());
    uploads->setChecked(true);
    QVERIFY(overwrite->isEnabled());
    uploads->setChecked(false);
    QVERIFY(!overwrite->isEnabled());
    const QList<QWidget *> settings{child<QLineEdit>(p, "serverRoot"), child<QPushButton>(p, "serverBrowse"),
                                    child<QComboBox>(p, "serverAddress"), child<QSpinBox>(p, "serverPort"), uploads,
                                    child<QSpinBox>(p, "serverMaxTransfers"), child<QSpinBox>(p, "serverMaxUpload"),
                                    child<QSpinBox>(p, "serverPortMin"), child<QSpinBox>(p, "serverPortMax")};
    auto *download = child<QPushButton>(p, "serverDownloadHere");
    QVERIFY(!download->isEnabled());
    QVERIFY(p.start());
    for (QWidget *w : settings)
        QVERIFY2(!w->isEnabled(), qPrintable(w->objectName()));
    QVERIFY(!overwrite->isEnabled());
    QVERIFY(!child<QPushButton>(p, "serverStartButton")->isEnabled());
    QVERIFY(child<QPushButton>(p, "serverStopButton")->isEnabled());
    QVERIFY(download->isEnabled());
    QSignalSpy requested(&p, &TftpServerPanel::downloadRequested);
    QTest::mouseClick(download, Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(requested.first().at(1).value<quint16>(), p.server()->port());
    p.stop();
    for (QWidget *w : settings)
        QVERIFY2(w->isEnabled(), qPrintable(w->objectName()));
    QVERIFY(!overwrite->isEnabled());
    QVERIFY(!download->isEnabled());
}

// 200 clients at once and one more: 200 running rows and a "busy" refusal, reaching the views in a few
// commits (one insertion and at most one change each), never a signal per report; Stop ends all of them.
void tst_TftpServerPanel::twoHundredTransfersBatched()
{
    QTemporaryDir root;
    QVERIFY(put(root.filePath(QStringLiteral("f.bin")), ServerTest::randomBytes(8 * 1024, 3)));
    TftpServerPanel p;
    fill(p, root.path());
    QVERIFY(p.start());
    TftpTransferModel *m = p.model();
    QSignalSpy committed(m, &TftpTransferModel::committed);
    QSignalSpy inserted(m, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m, &QAbstractItemModel::dataChanged);
    QSignalSpy reports(p.server(), &NetPoke::Tftp::Server::transferStarted);
    std::vector<std::unique_ptr<RawPeer>> peers;
    for (int i = 0; i < 201; ++i) {
        peers.push_back(std::make_unique<RawPeer>());
        QVERIFY(peers.back()->bound);
        peers.back()->sendTo(p.server()->port(), ServerTest::request(NetPoke::Tftp::Opcode::Rrq, "f.bin"));
    }
    QTRY_VERIFY_WITH_TIMEOUT(m->rowCount() == 201, 20000);
    QCOMPARE(reports.size(), 200);
    int running = 0;
    int busy = 0;
    for (int row = 0; row < m->rowCount(); ++row) {
        running += m->transferAt(row).ended() ? 0 : 1;
        busy += m->transferAt(row).result.contains(QStringLiteral("busy")) ? 1 : 0;
    }
    QCOMPARE(running, 200);
    QCOMPARE(busy, 1);
    // Each commit is at most one insertion and one change, and commits are a timer's (100 ms) apart.
    QVERIFY(inserted.size() <= committed.size());
    QVERIFY(changed.size() <= committed.size());
    QVERIFY(inserted.size() < 201);
    QCOMPARE(m->commitInterval(), 100);

    p.stop();
    QTRY_COMPARE(m->endedRows(), 201);
    QTRY_VERIFY(child<QLabel>(p, "serverCounters")->text().contains(QStringLiteral("Failed: 200")));
    QVERIFY(changed.size() <= committed.size());
}

// View > Zoom sets the window's font: the table's rows and header, the labels and the trace follow it,
// also when the zoom is set before the window is first shown (a saved zoom, at start-up).
void tst_TftpServerPanel::zoomReachesTableAndLabels()
{
    QWidget window;
    auto *p = new TftpServerPanel(&window);
    (new QVBoxLayout(&window))->addWidget(p);
    window.resize(1180, 700);
    auto *table = child<QTableView>(*p, "serverTransfers");
    const qreal base = window.font().pointSizeF();
    const int row = table->verticalHeader()->defaultSectionSize();
    const int fileColumn = table->columnWidth(TftpTransferModel::FileColumn);
    QFont zoomed = window.font();
    zoomed.setPointSizeF(base * 2);
    window.setFont(zoomed);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (QWidget *w : {static_cast<QWidget *>(table), static_cast<QWidget *>(table->horizontalHeader()),
                       static_cast<QWidget *>(child<QLabel>(*p, "serverStatus")),
                       static_cast<QWidget *>(child<QLabel>(*p, "serverRootError")),
                       static_cast<QWidget *>(child<QPlainTextEdit>(*p, "serverTrace")),
                       static_cast<QWidget *>(child<QPlainTextEdit>(*p, "serverLog"))})
        QVERIFY2(qFuzzyCompare(w->font().pointSizeF(), base * 2), qPrintable(w->objectName()));
    QVERIFY(table->verticalHeader()->defaultSectionSize() >= row * 17 / 10);
    QVERIFY(table->columnWidth(TftpTransferModel::FileColumn) > fileColumn * 3 / 2);
    for (QPushButton *b : p->findChildren<QPushButton *>())
        QVERIFY2(b->width() >= b->sizeHint().width(), qPrintable(b->objectName()));
    // Too narrow for the log and the trace side by side at this size: one above the other.
    auto *details = child<QSplitter>(*p, "serverDetailSplitter");
    QCOMPARE(details->orientation(), Qt::Vertical);
    zoomed.setPointSizeF(base);
    window.setFont(zoomed);
    QCoreApplication::processEvents();
    QCOMPARE(details->orientation(), Qt::Horizontal);
    QCOMPARE(table->horizontalHeader()->font().pointSizeF(), base);
    QCOMPARE(table->verticalHeader()->defaultSectionSize(), row);
    QCOMPARE(table->columnWidth(TftpTransferModel::FileColumn), fileColumn);
}

// A wheel passing over the port or the address does not change them (scrolling the form).
void tst_TftpServerPanel::wheelNeedsFocus()
{
    TftpServerPanel p;
    p.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p));
    auto *port = child<QSpinBox>(p, "serverPort");
    auto *address = child<QComboBox>(p, "serverAddress");
    child<QLineEdit>(p, "serverRoot")->setFocus();
    QVERIFY(address->count() >= 4);
    for (QWidget *w : {static_cast<QWidget *>(port), static_cast<QWidget *>(address)}) {
        const QPoint at = w->rect().center();
        QWheelEvent wheel(at, w->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(w, &wheel);
    }
    QCOMPARE(port->value(), 6969);
    QCOMPARE(address->currentIndex(), 0);
}

QTEST_MAIN(tst_TftpServerPanel)
#include "tst_tftpserverpanel.moc"
