#include "guitestutil.h"
#include "packetlogmodel.h"
#include "tcpclientpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using NetPoke::PacketLogModel;
using NetPoke::TcpClientPanel;

namespace {
// A classroom-style python3 TCP server on 127.0.0.1, port 0: prints its port, accepts one connection at a
// time and answers each read with "ECHO:" + the bytes. A read starting with "split" is answered with 你好
// in GB2312 cut inside 好 (c4e3ba | c3), 100 ms apart.
const char *const PythonServer = R"(
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0))
s.listen(4)
print(s.getsockname()[1], flush=True)
while True:
    c, _ = s.accept()
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    while True:
        data = c.recv(4096)
        if not data:
            break
        if data.startswith(b"split"):
            c.sendall(b"\xc4\xe3\xba")
            time.sleep(0.1)
            c.sendall(b"\xc3\n")
        else:
            c.sendall(b"ECHO:" + data)
    c.close()
)";
} // namespace

class tst_TcpClientPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void sendChineseGb2312AndSeeReply();
    void characterSplitAcrossSegmentsShownOnce();
    void refusedPortShowsErrorAndTabStaysUsable();
    void oneShotConnectsSendsAndCloses();
    void framingByLine();
    void settingsPersist();

private:
    template<typename T>
    T *child(TcpClientPanel &p, const char *name)
    {
        return GuiTest::child<T>(p, name);
    }
    bool startPython();
    void aim(TcpClientPanel &p, quint16 port)
    {
        child<QLineEdit>(p, "host")->setText(QStringLiteral("127.0.0.1"));
        child<QSpinBox>(p, "port")->setValue(port);
    }
    QStringList contents(const TcpClientPanel &p, PacketLogModel::Direction dir) const
    {
        QStringList out;
        const PacketLogModel *m = p.logModel();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, 0).data(PacketLogModel::DirectionRole).toInt() == dir)
                out << m->index(r, PacketLogModel::ContentColumn).data().toString();
        return out;
    }

    GuiTest::SettingsSandbox m_settings{"tst_tcpclientpanel"};
    QProcess m_python;
    quint16 m_port = 0;
};

void tst_TcpClientPanel::initTestCase()
{
    m_settings.clear();
}

void tst_TcpClientPanel::init()
{
    m_settings.clear();
    QVERIFY(startPython());
}

void tst_TcpClientPanel::cleanup()
{
    m_python.kill();
    m_python.waitForFinished(5000);
}

bool tst_TcpClientPanel::startPython()
{
    m_python.start(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromUtf8(PythonServer)});
    if (!m_python.waitForStarted(10000) || !m_python.waitForReadyRead(10000))
        return false;
    m_port = quint16(m_python.readLine().trimmed().toUInt());
    return m_port != 0;
}

void tst_TcpClientPanel::sendChineseGb2312AndSeeReply()
{
    TcpClientPanel p;
    p.show();
    aim(p, m_port);
    child<QComboBox>(p, "encoding")->setCurrentText(QStringLiteral("GB2312"));
    QTest::mouseClick(child<QPushButton>(p, "connectButton"), Qt::LeftButton);
    QTRY_VERIFY(p.client()->isConnected());
    auto *state = child<QLabel>(p, "stateLabel");
    QVERIFY2(state->text().contains(QStringLiteral("127.0.0.1:%1").arg(m_port)), qPrintable(state->text()));
    QCOMPARE(child<QPushButton>(p, "connectButton")->text(), QStringLiteral("Disconnect"));
    child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("你好"));
    QTest::mouseClick(child<QPushButton>(p, "sendButton"), Qt::LeftButton);
    QTRY_COMPARE(contents(p, PacketLogModel::Received).join(QString()), QStringLiteral("ECHO:你好"));
    QCOMPARE(contents(p, PacketLogModel::Sent), QStringList{QStringLiteral("你好")});
    // The bytes on the wire were GB2312: c4e3 bac3 after "ECHO:".
    QByteArray received;
    for (int r = 0; r < p.logModel()->rowCount(); ++r)
        if (p.logModel()->index(r, 0).data(PacketLogModel::DirectionRole).toInt() == PacketLogModel::Received)
            received += p.logModel()->rawBytes(r);
    QCOMPARE(received, QByteArray("ECHO:\xc4\xe3\xba\xc3"));
    QTRY_VERIFY(p.client()->counters().rxBytes == 9);
    QTest::mouseClick(child<QPushButton>(p, "connectButton"), Qt::LeftButton);
    QTRY_COMPARE(p.client()->state(), NetPoke::Tcp::Client::Closed);
    QCOMPARE(child<QPushButton>(p, "connectButton")->text(), QStringLiteral("Connect"));
}

void tst_TcpClientPanel::characterSplitAcrossSegmentsShownOnce()
{
    TcpClientPanel p;
    aim(p, m_port);
    child<QComboBox>(p, "encoding")->setCurrentText(QStringLiteral("GB2312"));
    QVERIFY(p.connectNow());
    QTRY_VERIFY(p.client()->isConnected());
    child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("split"));
    QVERIFY(p.sendNow());
    QTRY_COMPARE(p.client()->counters().rxBytes, quint64(5));
    QTRY_COMPARE(contents(p, PacketLogModel::Received).size(), 2);   // per read: two reads, 100 ms apart
    const QStringList rows = contents(p, PacketLogModel::Received);
    QCOMPARE(rows.at(0), QStringLiteral("你"));
    QCOMPARE(rows.at(1), QStringLiteral("好\\n"));
    QCOMPARE(p.logModel()->index(p.logModel()->rowCount() - 2, PacketLogModel::LengthColumn).data().toInt(), 3);
    // Hex shows each read's own bytes.
    child<QComboBox>(p, "contentMode")->setCurrentIndex(PacketLogModel::HexContent);
    QCOMPARE(contents(p, PacketLogModel::Received).at(1), QStringLiteral("c3 0a"));
    // Another encoding decodes the same bytes again; back to GB2312 the character is whole once more.
    child<QComboBox>(p, "encoding")->setCurrentText(QStringLiteral("UTF-8"));
    child<QComboBox>(p, "contentMode")->setCurrentIndex(PacketLogModel::TextContent);
    // In UTF-8, c4 is a broken character of its own; e3 ba could begin one and waits for the next read.
    QCOMPARE(contents(p, PacketLogModel::Received),
             (QStringList{QStringLiteral("\\xC4"), QStringLiteral("\\xE3\\xBA\\xC3\\n")}));
    child<QComboBox>(p, "encoding")->setCurrentText(QStringLiteral("GB2312"));
    QCOMPARE(contents(p, PacketLogModel::Received).at(1), QStringLiteral("好\\n"));
}

void tst_TcpClientPanel::refusedPortShowsErrorAndTabStaysUsable()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;   // a port that was free a moment ago: nothing listens there now
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    TcpClientPanel p;
    p.show();
    aim(p, closedPort);
    QTest::mouseClick(child<QPushButton>(p, "connectButton"), Qt::LeftButton);
    auto *error = child<QLabel>(p, "connectError");
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("refused")), qPrintable(error->text()));
    QCOMPARE(p.client()->state(), NetPoke::Tcp::Client::Closed);
    QCOMPARE(child<QPushButton>(p, "connectButton")->text(), QStringLiteral("Connect"));
    QVERIFY(child<QLineEdit>(p, "host")->isEnabled());
    // The same tab connects right after.
    aim(p, m_port);
    QTest::mouseClick(child<QPushButton>(p, "connectButton"), Qt::LeftButton);
    QTRY_VERIFY(p.client()->isConnected());
    QVERIFY(error->isHidden());
}

void tst_TcpClientPanel::oneShotConnectsSendsAndCloses()
{
    TcpClientPanel p;
    aim(p, m_port);
    child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("poke"));
    QTest::mouseClick(child<QPushButton>(p, "oneShotButton"), Qt::LeftButton);
    QTRY_VERIFY(p.client()->counters().txBytes == 4);
    QTRY_COMPARE(p.client()->state(), NetPoke::Tcp::Client::Closed);
    QTRY_COMPARE(contents(p, PacketLogModel::Sent), QStringList{QStringLiteral("poke")});
    QCOMPARE(child<QComboBox>(p, "history")->itemText(0), QStringLiteral("poke"));
}

// Rows by line end: "a\nb" and "c\n" as two sends give rows "ECHO:a\n", "bECHO:c\n" however the reads fell.
void tst_TcpClientPanel::framingByLine()
{
    TcpClientPanel p;
    aim(p, m_port);
    child<QComboBox>(p, "framing")->setCurrentIndex(1);
    child<QCheckBox>(p, "escapes")->setChecked(true);
    QVERIFY(p.connectNow());
    QTRY_VERIFY(p.client()->isConnected());
    child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("a\\nb"));
    QVERIFY(p.sendNow());
    QTRY_COMPARE(p.client()->counters().rxBytes, quint64(8));
    child<QPlainTextEdit>(p, "editor")->setPlainText(QStringLiteral("c\\n"));
    QVERIFY(p.sendNow());
    QTRY_COMPARE(p.client()->counters().rxBytes, quint64(15));
    QTRY_COMPARE(contents(p, PacketLogModel::Received),
                 (QStringList{QStringLiteral("ECHO:a\\n"), QStringLiteral("bECHO:c\\n")}));
    // The sent side is cut the same way: "a\n" then "bc\n".
    QCOMPARE(contents(p, PacketLogModel::Sent), (QStringList{QStringLiteral("a\\n"), QStringLiteral("bc\\n")}));
}

void tst_TcpClientPanel::settingsPersist()
{
    {
        TcpClientPanel p;
        child<QLineEdit>(p, "host")->setText(QStringLiteral("::1"));
        child<QSpinBox>(p, "port")->setValue(7001);
        child<QCheckBox>(p, "tls")->setChecked(true);
        child<QCheckBox>(p, "ignoreTlsErrors")->setChecked(true);
        child<QComboBox>(p, "framing")->setCurrentIndex(2);
        child<QSpinBox>(p, "framingGapMs")->setValue(120);
        child<QComboBox>(p, "encoding")->setCurrentText(QStringLiteral("GBK"));
        p.saveSettings();
    }
    TcpClientPanel q;
    QCOMPARE(child<QLineEdit>(q, "host")->text(), QStringLiteral("::1"));
    QCOMPARE(child<QSpinBox>(q, "port")->value(), 7001);
    QVERIFY(child<QCheckBox>(q, "tls")->isChecked());
    QVERIFY(child<QCheckBox>(q, "ignoreTlsErrors")->isChecked());
    QVERIFY(child<QCheckBox>(q, "ignoreTlsErrors")->isEnabled());
    QCOMPARE(child<QComboBox>(q, "framing")->currentIndex(), 2);
    QCOMPARE(child<QSpinBox>(q, "framingGapMs")->value(), 120);
    QCOMPARE(q.logModel()->encoding(), QStringLiteral("GBK"));
    QVERIFY(!child<QCheckBox>(q, "autoReconnect")->isChecked());   // off unless chosen
}

QTEST_MAIN(tst_TcpClientPanel)
#include "tst_tcpclientpanel.moc"
