#include "tftp/tftpclient.h"
#include "tftppanel.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkDatagram>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <QtEndian>

using NetPoke::TftpPanel;

namespace {

// A minimal RFC 1350 server (no options: the client must fall back to 512-byte lock-step).
class MiniServer : public QObject
{
public:
    QHash<QByteArray, QByteArray> files;
    int stallAfterBlock = -1;     // stop answering after sending this block
    QList<QByteArray> errorsReceived;

    MiniServer()
    {
        m_listen.bind(QHostAddress::LocalHost, 0);
        connect(&m_listen, &QUdpSocket::readyRead, this, [this] {
            while (m_listen.hasPendingDatagrams()) {
                const QNetworkDatagram d = m_listen.receiveDatagram();
                const QByteArray p = d.data();
                if (p.size() < 4 || p.at(1) != 1)
                    continue;
                const QByteArray name = p.mid(2, p.indexOf('\0', 2) - 2);
                m_client = d.senderAddress();
                m_clientPort = quint16(d.senderPort());
                m_transfer.close();
                m_transfer.bind(QHostAddress::LocalHost, 0);
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
    void initTestCase();
    void downloadReaches100Percent();
    void cancelLeavesNothing();
    void fileNotFoundInPlainWords();
    void formErrorsSendNothing();
    void optionsOutOfRangeRefused();

private:
    template<typename T>
    T *child(TftpPanel &p, const char *name)
    {
        T *w = p.findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    void fill(TftpPanel &p, quint16 port, const QString &remote, const QString &local)
    {
        child<QLineEdit>(p, "tftpHost")->setText(QStringLiteral("127.0.0.1"));
        child<QSpinBox>(p, "tftpPort")->setValue(port);
        child<QLineEdit>(p, "tftpRemoteFile")->setText(remote);
        child<QLineEdit>(p, "tftpLocalFile")->setText(local);
    }
    QTemporaryDir m_settingsDir;
};

void tst_TftpPanel::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("NetPokeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_tftppanel"));
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
    QCOMPARE(child<QLabel>(p, "tftpEta")->text(), QStringLiteral("–"));   // no time left after a cancel
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

void tst_TftpPanel::optionsOutOfRangeRefused()
{
    // The window the core would lower to 32767 is refused, with the reason next to the options.
    MiniServer server;
    server.files.insert("x.bin", randomBytes(100));
    QTemporaryDir dir;
    TftpPanel p;
    p.show();
    fill(p, server.port(), QStringLiteral("x.bin"), dir.filePath(QStringLiteral("x.bin")));
    child<QSpinBox>(p, "tftpWindowSize")->setValue(65535);
    QVERIFY(!p.start());
    auto *error = child<QLabel>(p, "tftpOptionsError");
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

QTEST_MAIN(tst_TftpPanel)
#include "tst_tftppanel.moc"
