// The TFTP client against an in-process fake server on 127.0.0.1 (port 0) that injects faults: loss,
// duplication and reordering both ways, a stranger port, ERROR mid-transfer, bad OACKs, an RFC 1350 server,
// a stalling server, block rollover, a lying tsize, the size limit, a full disk, cancel. Each case checks the
// file bytes, the final state and error, and that no partial file is left (an existing file is untouched).

#include "tftp/tftpclient.h"
#include "tftp/tftppacket.h"
#include "looptestutil.h"

#include <QBuffer>
#include <QLocale>
#include <cerrno>
#include <functional>
#include <utility>
#include <unistd.h>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>

using namespace NetPoke::Tftp;

namespace {

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    for (qsizetype i = 0; i < n; ++i)
        b[i] = char(rng.bounded(256));
    return b;
}

// An output device that calls a function on each write, or fails every write.
class HookSink : public QBuffer
{
public:
    std::function<void()> onWrite;
    bool failWrites = false;

protected:
    qint64 writeData(const char *data, qint64 len) override
    {
        if (onWrite) {
            const auto f = std::exchange(onWrite, nullptr);
            f();
        }
        if (failWrites) {
            setErrorString(QStringLiteral("no space left (test)"));
            return -1;
        }
        return QBuffer::writeData(data, len);
    }
};

// A TFTP server for one download, with knobs for misbehaviour. Sends windows as RFC 7440 describes, and
// resends the current window on its own timer (never because of a duplicate ACK).
class FakeServer : public QObject
{
public:
    enum OackMode { NormalOack, NoOack, UnrequestedOption, BiggerBlksize, MalformedOack };

    QByteArray file;
    OackMode oackMode = NormalOack;
    int maxBlockSize = 65464;       // cap on what the server grants
    qint64 tsizeOverride = -1;      // announce this tsize instead of the real one
    double lossToClient = 0;        // probability of dropping a DATA/OACK we send
    double lossFromClient = 0;      // probability of ignoring an ACK we receive
    double dupToClient = 0;         // probability of sending a DATA twice
    double dupFromClient = 0;       // probability of handling an ACK twice
    double reorderToClient = 0;     // probability of holding a DATA back behind the next one
    double delayFromClient = 0;     // probability of handling an ACK 15 ms late (reordering)
    bool dropFirstAck0 = false;     // the client's first ACK 0 is "lost": the OACK is sent again
    qint64 stallAfterBlock = -1;    // stop sending anything after this (absolute) block
    qint64 errorAfterBlock = -1;    // send ERROR errorCode instead of the block after this one
    quint16 errorCode = 3;
    qint64 strangerAfterBlock = -1; // also send a DATA from another port after this block
    qint64 oversizeBlock = -1;      // send this block with 100 bytes more than the block size
    qint64 dropOnce = -1;           // do not send this block the first time
    int resendMs = 60;
    int dropFinalAcks = 0;          // ignore the client's first ACKs of the last block: the window is sent again
    bool ignoreAck0 = false;        // never hear ACK 0: the OACK is sent again and again
    QByteArray errorPacket;         // sent (raw) instead of ERROR errorCode by errorAfterBlock
    QByteArray refuseOption;        // answer a request asking this option ("*": any) with ERROR 8 ...
    QByteArray refuseMessage;       // ... saying this,
    int refuseTimes = 1;            // ... this often

    // What happened.
    Packet request;                 // the request that started the transfer
    QList<Packet> requests;         // every request, refused ones too
    QList<Packet> fromClient;       // every packet from the client's TID, parsed
    QList<Packet> toStranger;       // what the client answered to the stranger
    int ack0Count = 0;
    int oackCount = 0;
    int finalAckCount = 0;          // ACKs of the last block received
    bool done = false;

    quint16 port() const { return m_listen.localPort(); }

    explicit FakeServer(quint32 seed = 1)
        : m_rng(seed)
    {
        QVERIFY(m_listen.bind(QHostAddress::LocalHost, 0));
        connect(&m_listen, &QUdpSocket::readyRead, this, &FakeServer::onRequest);
        connect(&m_transfer, &QUdpSocket::readyRead, this, &FakeServer::onTransfer);
        connect(&m_stranger, &QUdpSocket::readyRead, this, [this] {
            while (m_stranger.hasPendingDatagrams()) {
                const QByteArray d = m_stranger.receiveDatagram().data();
                toStranger.append(parse(d).packet);
            }
        });
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &FakeServer::resend);
    }

private:
    bool chance(double p) { return p > 0 && m_rng.generateDouble() < p; }

    void onRequest()
    {
        while (m_listen.hasPendingDatagrams()) {
            const QNetworkDatagram d = m_listen.receiveDatagram();
            if (m_started)
                continue;   // a retransmitted RRQ: the transfer port answers already
            const ParseResult r = parse(d.data());
            if (!r.ok() || r.packet.opcode != Opcode::Rrq)
                continue;
            requests.append(r.packet);
            if (m_transfer.state() == QAbstractSocket::UnconnectedState)
                QVERIFY(m_transfer.bind(QHostAddress::LocalHost, 0));
            const bool refused = !r.packet.options.isEmpty() && m_refusals < refuseTimes
                && (refuseOption == "*" || r.packet.hasOption(refuseOption));
            if (refused) {
                ++m_refusals;   // from the transfer port, as tftpd-hpa does; the next request starts afresh
                m_transfer.writeDatagram(Packet::error(8, refuseMessage).serialize(), d.senderAddress(), d.senderPort());
                continue;
            }
            m_started = true;
            request = r.packet;
            m_client = d.senderAddress();
            m_clientPort = quint16(d.senderPort());
            start();
        }
    }

    void start()
    {
        QList<Option> oack;
        m_blk = 512;
        m_window = 1;
        if (oackMode != NoOack) {
            for (const Option &o : std::as_const(request.options)) {
                if (o.name == "blksize") {
                    m_blk = int(qMin<qint64>(parseOptionValue(o.name, o.value), maxBlockSize));
                    oack.append(Option{"blksize", QByteArray::number(oackMode == BiggerBlksize ? m_blk + 1 : m_blk)});
                } else if (o.name == "windowsize") {
                    m_window = int(parseOptionValue(o.name, o.value));
                    oack.append(o);
                } else if (o.name == "tsize") {
                    oack.append(Option{"tsize", QByteArray::number(tsizeOverride >= 0 ? tsizeOverride : file.size())});
                } else if (o.name == "timeout") {
                    oack.append(o);
                }
            }
            if (oackMode == UnrequestedOption)
                oack.append(Option{"x-surprise", "1"});
        }
        if (oackMode == MalformedOack) {
            m_oack = QByteArray("\0\6blksize\0abc\0", 14);
            m_waitingAck0 = true;
            sendOack();
            return;
        }
        m_last = file.size() / m_blk + 1;   // the last block is shorter than m_blk (maybe empty)
        if (!oack.isEmpty()) {
            m_oack = Packet::oack(oack).serialize();
            m_waitingAck0 = true;
            sendOack();
        } else {
            m_acked = 0;
            sendWindow();
        }
    }

    void sendOack()
    {
        ++oackCount;
        if (!chance(lossToClient))
            m_transfer.writeDatagram(m_oack, m_client, m_clientPort);
        m_timer.start(resendMs);
    }

public:
    qint64 lastBlock() const { return m_last; }

private:
    QByteArray block(qint64 n) const
    {
        const qint64 offset = (n - 1) * m_blk;
        QByteArray payload = file.mid(offset, qMin<qint64>(m_blk, qMax<qint64>(0, file.size() - offset)));
        if (n == oversizeBlock)
            payload.append(QByteArray(m_blk + 100 - payload.size(), 'x'));
        return Packet::dataPacket(quint16(n & 0xFFFF), payload).serialize();
    }

    void sendWindow()
    {
        if (done)
            return;
        QByteArray held;
        for (qint64 n = m_acked + 1; n <= qMin(m_acked + m_window, m_last); ++n) {
            if (stallAfterBlock >= 0 && n > stallAfterBlock)
                return;   // silence, not even the timer
            if (errorAfterBlock >= 0 && n > errorAfterBlock) {
                m_transfer.writeDatagram(errorPacket.isEmpty() ? Packet::error(errorCode, "Disk on fire").serialize()
                                                               : errorPacket,
                                         m_client, m_clientPort);
                done = true;
                return;
            }
            const QByteArray d = block(n);
            if (strangerAfterBlock >= 0 && n == strangerAfterBlock + 1 && !m_strangerSent) {
                m_strangerSent = true;
                QVERIFY(m_stranger.bind(QHostAddress::LocalHost, 0));
                m_stranger.writeDatagram(block(n + 5), m_client, m_clientPort);
                m_stranger.writeDatagram(Packet::error(0, "stranger").serialize(), m_client, m_clientPort);
            }
            if (chance(lossToClient))
                continue;
            if (n == dropOnce && !m_droppedOnce) {
                m_droppedOnce = true;
                continue;
            }
            if (!held.isEmpty()) {
                m_transfer.writeDatagram(d, m_client, m_clientPort);
                m_transfer.writeDatagram(held, m_client, m_clientPort);
                held.clear();
                continue;
            }
            if (n < qMin(m_acked + m_window, m_last) && chance(reorderToClient)) {
                held = d;
                continue;
            }
            m_transfer.writeDatagram(d, m_client, m_clientPort);
            if (chance(dupToClient))
                m_transfer.writeDatagram(d, m_client, m_clientPort);
        }
        if (!held.isEmpty())
            m_transfer.writeDatagram(held, m_client, m_clientPort);
        m_lastSendMs = m_clock.isValid() ? m_clock.elapsed() : 0;
        m_timer.start(resendMs);
    }

    void resend()
    {
        if (done)
            return;
        if (m_waitingAck0)
            sendOack();
        else
            sendWindow();
    }

    void onTransfer()
    {
        if (!m_clock.isValid())
            m_clock.start();
        while (m_transfer.hasPendingDatagrams()) {
            const QNetworkDatagram d = m_transfer.receiveDatagram();
            const ParseResult r = parse(d.data());
            fromClient.append(r.packet);
            if (r.packet.opcode == Opcode::Error) {
                done = true;
                m_timer.stop();
                continue;
            }
            if (r.packet.opcode != Opcode::Ack)
                continue;
            if (r.packet.block == 0 && m_waitingAck0) {
                ++ack0Count;
                if (ignoreAck0 || (dropFirstAck0 && ack0Count == 1))
                    continue;
            }
            if (chance(lossFromClient))
                continue;
            const quint16 b = r.packet.block;
            if (chance(delayFromClient)) {
                QTimer::singleShot(15, this, [this, b] { onAck(b); });
                continue;
            }
            onAck(b);
            if (chance(dupFromClient))
                onAck(b);
        }
    }

    void onAck(quint16 b)
    {
        if (done)
            return;
        if (m_waitingAck0) {
            if (b != 0)
                return;
            m_waitingAck0 = false;
            m_acked = 0;
            sendWindow();
            return;
        }
        // The absolute block this ACK names: at or after the last acknowledged one, within what was sent.
        const qint64 abs = m_acked + quint16(b - quint16(m_acked & 0xFFFF));
        if (abs > qMin(m_acked + m_window, m_last))
            return;   // old or unknown
        if (abs == m_last) {
            if (++finalAckCount <= dropFinalAcks)
                return;   // "lost": the timer resends the last window
            done = true;
            m_timer.stop();
            return;
        }
        if (abs == m_acked && m_window > 1 && m_clock.elapsed() - m_lastSendMs < resendMs / 2)
            return;   // a duplicate ACK right after a (re)send: the timer covers real loss
        if (abs == m_acked && m_window == 1)
            return;   // lock-step: never resend because of a duplicate (Sorcerer's Apprentice)
        m_acked = abs;
        sendWindow();
    }

    QUdpSocket m_listen;
    QUdpSocket m_transfer;
    QUdpSocket m_stranger;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QRandomGenerator m_rng;
    QHostAddress m_client;
    quint16 m_clientPort = 0;
    bool m_started = false;
    int m_refusals = 0;
    bool m_waitingAck0 = false;
    bool m_strangerSent = false;
    bool m_droppedOnce = false;
    QByteArray m_oack;
    int m_blk = 512;
    int m_window = 1;
    qint64 m_acked = 0;
    qint64 m_last = 0;
    qint64 m_lastSendMs = 0;
};

} // namespace

class tst_tftpclient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void defaults();
    void faults_data();
    void faults();
    void strangerMidTransfer_data();
    void strangerMidTransfer();
    void lossNoticedAfterOneTimeout();
    void oversizeBlock_data();
    void oversizeBlock();
    void errorMidTransfer();
    void hostileErrorTextIsEscapedAndCut();
    void oackRefused_data();
    void oackRefused();
    void optionsRefusedAskAgain_data();
    void optionsRefusedAskAgain();
    void rfc1350Server();
    void duplicatedOack();
    void stallingServer();
    void rollover();
    void tsizeLies_data();
    void tsizeLies();
    void pastTsizeIsTheServersError_data();
    void pastTsizeIsTheServersError();
    void maxSizeRefusesAnnouncedSize();
    void maxSizeStopsTransfer_data();
    void maxSizeStopsTransfer();
    void netasciiCountsFileBytes_data();
    void netasciiCountsFileBytes();
    void diskFullSaysSo();
    void cancelMidTransfer();
    void noServerIcmp();
    void netascii();
    void emptyFile();
    void sinkDevice();
    void progressThrottled();
    void badArguments();
    void serverNeverAnswers();
    void finishedOnceWhenEndedDuringFinalWrite();
    void finalWriteErrorSendsError3();
    void dallyReAcksFinalBlock();
    void windowSizeClamped();
    void truncatedErrorNotAnswered();
    void repeatedOackStillTimesOut();
    void windowForReceiveBuffer();

private:
    // Runs one download into dir/out.bin; returns true on finished(true). Waits at most timeoutMs.
    bool run(Client &c, FakeServer &s, int timeoutMs = 20000);
    void checkNoPartialFile(const QString &keep = QString());
    // The output file's bytes compared with expected (a difference is reported); false: return from the test.
    bool outputIs(const QByteArray &expected);
    // An existing file where the download goes; false: return from the test.
    bool writeOutput(const QByteArray &bytes);

    std::unique_ptr<QTemporaryDir> m_dir;   // one per test; the last is removed with the test object
    QString m_out;
};

void tst_tftpclient::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_out = m_dir->filePath(QStringLiteral("out.bin"));
}

bool tst_tftpclient::run(Client &c, FakeServer &s, int timeoutMs)
{
    QSignalSpy finished(&c, &Client::finished);
    if (!c.download(QStringLiteral("127.0.0.1"), s.port(), QStringLiteral("file.bin"), m_out))
        return false;
    if (!finished.wait(timeoutMs))
        return false;
    return finished.size() == 1 && finished.first().first().toBool();
}

bool tst_tftpclient::outputIs(const QByteArray &expected)
{
    QFile f(m_out);
    if (!QTest::qVerify(f.open(QIODevice::ReadOnly), "f.open(QIODevice::ReadOnly)", qPrintable(m_out), __FILE__,
                        __LINE__))
        return false;
    return QTest::qCompare(f.readAll(), expected, "f.readAll()", "expected", __FILE__, __LINE__);
}

bool tst_tftpclient::writeOutput(const QByteArray &bytes)
{
    QFile f(m_out);
    return QTest::qVerify(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size(),
                          "f.open(QIODevice::WriteOnly) && f.write(bytes)", qPrintable(m_out), __FILE__, __LINE__);
}

void tst_tftpclient::checkNoPartialFile(const QString &keep)
{
    const QStringList entries = QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
    QCOMPARE(entries, keep.isEmpty() ? QStringList() : QStringList{keep});
}

// The window the defaults end up with: 8, unless the receive buffer cannot hold 8 blocks of 65464 bytes.
static int expectedDefaultWindow()
{
    if (::geteuid() == 0)
        return 8;   // SO_RCVBUFFORCE goes past net.core.rmem_max
    QFile f(QStringLiteral("/proc/sys/net/core/rmem_max"));
    if (!f.open(QIODevice::ReadOnly))
        return 8;
    const qint64 rmemMax = f.readAll().trimmed().toLongLong();
    QFile d(QStringLiteral("/proc/sys/net/core/rmem_default"));
    const qint64 rmemDefault = d.open(QIODevice::ReadOnly) ? d.readAll().trimmed().toLongLong() : 0;
    // As the client sizes it: left alone when the default is big enough, otherwise set to half of what
    // is wanted, which the kernel caps at rmem_max and then doubles.
    const qint64 want = 8 * (65464 + 4 + 1024) * 2;
    const qint64 buffer = rmemDefault >= want ? rmemDefault : 2 * qMin(want / 2, rmemMax);
    return Client::windowForReceiveBuffer(buffer, 65464, 8);
}

void tst_tftpclient::defaults()
{
    FakeServer s;
    s.file = randomBytes(300000, 1);
    Client c;
    QSignalSpy states(&c, &Client::stateChanged);
    QVERIFY(run(c, s));
    QCOMPARE(c.state(), Client::Finished);
    QCOMPARE(c.error(), Client::NoError);
    if (!outputIs(s.file))
        return;
    // Defaults: blksize auto (65464 on loopback), tsize, windowsize 8 -- or what a receive buffer capped by
    // net.core.rmem_max holds when we may not go past it (not root): the client asks for no more.
    const int window = expectedDefaultWindow();
    QCOMPARE(s.request.optionValue("blksize"), QByteArray("65464"));
    QCOMPARE(s.request.optionValue("tsize"), QByteArray("0"));
    QCOMPARE(s.request.optionValue("windowsize"), window > 1 ? QByteArray::number(window) : QByteArray());
    QCOMPARE(s.request.mode, QByteArray("octet"));
    QCOMPARE(c.negotiatedBlockSize(), 65464);
    QCOMPARE(c.negotiatedWindowSize(), window);
    QCOMPARE(c.progress().bytes, s.file.size());
    QCOMPARE(c.progress().total, s.file.size());
    QCOMPARE(c.progress().blocks, quint64(5));
    QCOMPARE(c.progress().retransmissions, quint64(0));
    // Once over, the rate is the whole transfer's (what a summary shows) and nothing is left to estimate.
    QVERIFY(c.progress().ended);
    QCOMPARE(c.progress().bytesPerSecond, c.progress().averageBytesPerSecond());
    QCOMPARE(c.progress().remainingMs(), qint64(-1));
    QCOMPARE(states.size(), 3);   // Requesting, Transferring, Finished
    QCOMPARE(states.at(2).first().value<Client::State>(), Client::Finished);
    checkNoPartialFile(QStringLiteral("out.bin"));
}

void tst_tftpclient::faults_data()
{
    QTest::addColumn<int>("blksize");
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<double>("lossTo");
    QTest::addColumn<double>("lossFrom");
    QTest::addColumn<double>("dupTo");
    QTest::addColumn<double>("dupFrom");
    QTest::addColumn<double>("reorderTo");
    QTest::addColumn<double>("delayFrom");
    QTest::addColumn<int>("size");

    // Lock-step and windowed; adaptive timeout (0) and fixed short ones to keep the suite quick.
    QTest::newRow("loss to client, lock-step") << 512 << 1 << 0 << 0.05 << 0.0 << 0.0 << 0.0 << 0.0 << 0.0 << 40000;
    QTest::newRow("loss from client, lock-step") << 512 << 1 << 40 << 0.0 << 0.05 << 0.0 << 0.0 << 0.0 << 0.0 << 40000;
    QTest::newRow("loss both, windowed") << 1024 << 8 << 0 << 0.05 << 0.05 << 0.0 << 0.0 << 0.0 << 0.0 << 200000;
    QTest::newRow("duplication both, lock-step") << 512 << 1 << 0 << 0.0 << 0.0 << 0.2 << 0.2 << 0.0 << 0.0 << 100000;
    QTest::newRow("duplication both, windowed") << 700 << 16 << 0 << 0.0 << 0.0 << 0.2 << 0.2 << 0.0 << 0.0 << 300000;
    QTest::newRow("reordering both, windowed") << 1000 << 8 << 40 << 0.0 << 0.0 << 0.0 << 0.0 << 0.2 << 0.1 << 200000;
    QTest::newRow("everything, windowed") << 1200 << 4 << 40 << 0.03 << 0.03 << 0.05 << 0.05 << 0.05 << 0.05 << 200000;
    QTest::newRow("everything, lock-step") << 512 << 1 << 40 << 0.03 << 0.03 << 0.05 << 0.05 << 0.0 << 0.05 << 50000;
}

void tst_tftpclient::faults()
{
    QFETCH(int, blksize);
    QFETCH(int, window);
    QFETCH(int, timeoutMs);
    QFETCH(double, lossTo);
    QFETCH(double, lossFrom);
    QFETCH(double, dupTo);
    QFETCH(double, dupFrom);
    QFETCH(double, reorderTo);
    QFETCH(double, delayFrom);
    QFETCH(int, size);

    FakeServer s(77);
    s.file = randomBytes(size, 2);
    s.lossToClient = lossTo;
    s.lossFromClient = lossFrom;
    s.dupToClient = dupTo;
    s.dupFromClient = dupFrom;
    s.reorderToClient = reorderTo;
    s.delayFromClient = delayFrom;
    s.resendMs = 50;
    Client c;
    ClientOptions o;
    o.blockSize = blksize;
    o.windowSize = window;
    o.timeoutMs = timeoutMs;
    o.retries = 20;
    c.setOptions(o);
    QElapsedTimer t;
    t.start();
    QVERIFY2(run(c, s, 30000), qPrintable(c.errorString()));
    if (!outputIs(s.file))
        return;
    QCOMPARE(c.negotiatedBlockSize(), blksize);
    // Never an ACK storm: duplicates are answered at most once each, so the client sends far fewer ACKs
    // than a doubling (Sorcerer's Apprentice) would.
    int acks = 0;
    for (const Packet &p : std::as_const(s.fromClient))
        acks += p.opcode == Opcode::Ack;
    const int blocks = size / blksize + 1;
    QVERIFY2(acks < 3 * blocks / window + 100, qPrintable(QStringLiteral("%1 ACKs for %2 blocks").arg(acks).arg(blocks)));
    qDebug() << "took" << t.elapsed() << "ms," << acks << "ACKs," << c.progress().retransmissions << "retransmissions";
    checkNoPartialFile(QStringLiteral("out.bin"));
}

void tst_tftpclient::strangerMidTransfer_data()
{
    QTest::addColumn<int>("window");
    QTest::newRow("lock-step") << 1;
    QTest::newRow("windowed") << 8;   // the stranger's datagrams arrive amid a window (one recvmmsg batch)
}

void tst_tftpclient::strangerMidTransfer()
{
    QFETCH(int, window);
    FakeServer s;
    s.file = randomBytes(20000, 3);
    s.strangerAfterBlock = 5;
    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = window;
    c.setOptions(o);
    QVERIFY2(run(c, s), qPrintable(c.errorString()));
    if (!outputIs(s.file))   // the stranger's DATA changed nothing
        return;
    // The stranger got ERROR 5 (once: its ERROR packet is not answered), the server none.
    QTRY_COMPARE(s.toStranger.size(), 1);
    QCOMPARE(s.toStranger.first().opcode, Opcode::Error);
    QCOMPARE(s.toStranger.first().errorCode, quint16(5));
    for (const Packet &p : std::as_const(s.fromClient))
        QVERIFY(p.opcode == Opcode::Ack);
}

void tst_tftpclient::lossNoticedAfterOneTimeout()
{
    // The last block of a window is lost: no gap to see, only the timeout tells. The first request's timer
    // runs 1 s; once the round trip is measured the timeout is 100 ms, and the loss must be noticed one
    // timeout after it, not when the request's timer runs out. The server never resends on its own.
    FakeServer s;
    s.file = randomBytes(512 * 20, 5);
    s.dropOnce = 8;
    s.resendMs = 10000;
    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 4;
    c.setOptions(o);
    c.setTraceEnabled(true);
    QList<TraceEntry> trace;
    connect(&c, &Client::packetTraced, this, [&trace](const TraceEntry &e) { trace.append(e); });
    QVERIFY2(run(c, s), qPrintable(c.errorString()));
    if (!outputIs(s.file))
        return;
    QCOMPARE(c.progress().retransmissions, quint64(1));
    // The retransmitted ACK 7 went out well before the request's 1 s timer would have run out (the bound
    // leaves 5x room for a busy machine: about 100 ms are expected).
    qint64 data7 = -1;
    qint64 ack7Again = -1;
    for (const TraceEntry &e : std::as_const(trace)) {
        if (!e.outgoing && e.summary.startsWith(QStringLiteral("DATA 7 ")))
            data7 = e.elapsedMs;
        if (e.outgoing && e.retransmission && e.summary == QStringLiteral("ACK 7"))
            ack7Again = e.elapsedMs;
    }
    QVERIFY(data7 >= 0);
    QVERIFY(ack7Again >= 0);
    QVERIFY2(ack7Again - data7 < 500, qPrintable(QStringLiteral("%1 ms").arg(ack7Again - data7)));
}

void tst_tftpclient::oversizeBlock_data()
{
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("blksize");
    QTest::newRow("lock-step") << 1 << 512;
    QTest::newRow("windowed") << 8 << 512;     // the block does not fit its slot in the batch
    QTest::newRow("windowed, large") << 4 << 8192;
}

void tst_tftpclient::oversizeBlock()
{
    QFETCH(int, window);
    QFETCH(int, blksize);
    FakeServer s;
    s.file = randomBytes(blksize * 20, 4);
    s.oversizeBlock = 6;
    Client c;
    ClientOptions o;
    o.blockSize = blksize;
    o.windowSize = window;
    c.setOptions(o);
    QVERIFY(!run(c, s));
    QCOMPARE(c.error(), Client::ProtocolError);
    QVERIFY2(c.errorString().contains(QStringLiteral("block 6 with %1 bytes").arg(blksize + 100)),
             qPrintable(c.errorString()));
    QTRY_VERIFY(s.done);
    QCOMPARE(s.fromClient.constLast().opcode, Opcode::Error);
    QCOMPARE(s.fromClient.constLast().errorCode, quint16(4));
    checkNoPartialFile();
}

void tst_tftpclient::errorMidTransfer()
{
    // An existing file of that name stays as it was.
    if (!writeOutput("keep me"))
        return;
    FakeServer s;
    s.file = randomBytes(100000, 4);
    s.errorAfterBlock = 10;
    s.errorCode = 3;
    Client c;
    ClientOptions o;
    o.blockSize = 1024;
    c.setOptions(o);
    QVERIFY(!run(c, s));
    QCOMPARE(c.state(), Client::Failed);
    QCOMPARE(c.error(), Client::DiskFullError);
    QVERIFY2(c.errorString().contains(QLatin1String("TFTP error 3")), qPrintable(c.errorString()));
    QVERIFY2(c.errorString().contains(QLatin1String("Disk on fire")), qPrintable(c.errorString()));
    if (!outputIs(QByteArray("keep me")))
        return;
    checkNoPartialFile(QStringLiteral("out.bin"));
    // An ERROR is never answered with an ERROR.
    QTest::qWait(50);
    for (const Packet &p : std::as_const(s.fromClient))
        QVERIFY(p.opcode != Opcode::Error);
}

// A server's ERROR text reaches errorString() (and so stderr and the GUI) without a control, bidi or
// zero-width character, and cut to TextCodec::MaxPeerTextChars: a terminal is never retitled or cleared, a
// 60 KB message does not become 61 KB of output.
void tst_tftpclient::hostileErrorTextIsEscapedAndCut()
{
    FakeServer s;
    s.file = randomBytes(10000, 4);
    s.errorAfterBlock = 2;
    const QByteArray hostile = QByteArray("\x1b]0;pwned\x07\x1b[2J") + QString(QChar(0x202E)).toUtf8()
        + QByteArray("txt.exe") + QByteArray(60000, 'A');
    s.errorPacket = Packet::error(0, hostile).serialize();
    Client c;
    ClientOptions o;
    o.blockSize = 1024;
    c.setOptions(o);
    QVERIFY(!run(c, s));
    const QString e = c.errorString();
    for (const QChar ch : e) {
        QVERIFY2(ch.unicode() >= 0x20 && ch.unicode() != 0x7F && ch.unicode() != 0x202E, qPrintable(e.left(80)));
    }
    QVERIFY2(e.contains(QLatin1String("\\x1B]0;pwned\\x07")), qPrintable(e.left(80)));
    QVERIFY2(e.contains(QLatin1String("\\u202Etxt.exe")), qPrintable(e.left(80)));
    QVERIFY2(e.size() < 500, qPrintable(QString::number(e.size())));
    QVERIFY(e.contains(QChar(0x2026)));
}

void tst_tftpclient::oackRefused_data()
{
    QTest::addColumn<int>("oackMode");
    QTest::addColumn<int>("blksize");        // 0: the default (auto)
    QTest::addColumn<QString>("reason");     // part of errorString; empty: not checked
    QTest::addColumn<QByteArray>("wire");    // the ERROR 8 message to the server; empty: not checked
    QTest::newRow("unrequested option") << int(FakeServer::UnrequestedOption) << 0 << "x-surprise" << QByteArray();
    QTest::newRow("bigger blksize") << int(FakeServer::BiggerBlksize) << 1000 << "1001" << QByteArray();
    // The wire gets fixed ASCII, not the (translated) parser text.
    QTest::newRow("malformed, fixed message") << int(FakeServer::MalformedOack) << 0 << QString()
                                              << QByteArray("Invalid option acknowledgement");
}

void tst_tftpclient::oackRefused()
{
    QFETCH(int, oackMode);
    QFETCH(int, blksize);
    QFETCH(QString, reason);
    QFETCH(QByteArray, wire);
    FakeServer s;
    s.file = randomBytes(5000, 5);
    s.oackMode = FakeServer::OackMode(oackMode);
    Client c;
    if (blksize > 0) {
        ClientOptions o;
        o.blockSize = blksize;
        c.setOptions(o);
    }
    QVERIFY(!run(c, s));
    QCOMPARE(c.error(), Client::OptionRefusedError);
    if (!reason.isEmpty())
        QVERIFY2(c.errorString().contains(reason), qPrintable(c.errorString()));
    QTRY_VERIFY(!s.fromClient.isEmpty() && s.fromClient.last().opcode == Opcode::Error);
    QCOMPARE(s.fromClient.last().errorCode, quint16(8));
    if (!wire.isEmpty())
        QCOMPARE(s.fromClient.last().errorMessage, wire);
    checkNoPartialFile();
}

void tst_tftpclient::optionsRefusedAskAgain_data()
{
    QTest::addColumn<bool>("netascii");
    QTest::addColumn<QByteArray>("refuse");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("times");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("again");   // the second request's options, by name
    QTest::addColumn<QString>("note");       // part of the trace's note

    // tftpd-hpa refuses tsize in netascii and names no option: ask again without any.
    QTest::newRow("names none (tftpd-hpa)") << true << QByteArray("tsize") << QByteArray("Unsupported option(s) requested")
                                            << 1 << true << QByteArray() << "asking again without options";
    QTest::newRow("names tsize") << true << QByteArray("tsize") << QByteArray("tsize not supported in netascii") << 1
                                 << true << QByteArray("blksize windowsize") << "asking again without tsize";
    QTest::newRow("octet, names blksize") << false << QByteArray("blksize") << QByteArray("blksize too large") << 1
                                          << true << QByteArray("tsize windowsize") << "without blksize";
    // Once only: a second ERROR 8 ends the transfer.
    QTest::newRow("refused again") << false << QByteArray("*") << QByteArray("no tsize") << 2 << false
                                   << QByteArray("blksize windowsize") << "without tsize";
}

void tst_tftpclient::optionsRefusedAskAgain()
{
    QFETCH(bool, netascii);
    QFETCH(QByteArray, refuse);
    QFETCH(QByteArray, message);
    QFETCH(int, times);
    QFETCH(bool, ok);
    QFETCH(QByteArray, again);
    QFETCH(QString, note);
    FakeServer s;
    s.file = netascii ? QByteArray("line 1\r\nline 2\r\n") : randomBytes(20000, 30);
    s.refuseOption = refuse;
    s.refuseMessage = message;
    s.refuseTimes = times;
    Client c;
    ClientOptions o;
    o.mode = netascii ? ClientOptions::NetAscii : ClientOptions::Octet;
    o.blockSize = 1024;
    o.windowSize = 4;
    c.setOptions(o);
    c.setTraceEnabled(true);
    QList<TraceEntry> trace;
    connect(&c, &Client::packetTraced, this, [&trace](const TraceEntry &e) { trace.append(e); });
    QCOMPARE(run(c, s), ok);
    QCOMPARE(s.requests.size(), 2);
    QVERIFY(s.requests.at(0).hasOption("tsize"));
    QByteArrayList names;
    for (const Option &opt : std::as_const(s.requests.at(1).options))
        names.append(opt.name);
    QCOMPARE(names.join(' '), again);
    // The trace says so, between the two requests.
    int rrqs = 0;
    bool noted = false;
    for (const TraceEntry &e : std::as_const(trace)) {
        rrqs += e.outgoing && e.summary.startsWith(QLatin1String("RRQ "));
        if (e.note && e.summary.contains(note)) {
            noted = true;
            QCOMPARE(rrqs, 1);
        }
    }
    QVERIFY(noted);
    QCOMPARE(rrqs, 2);
    if (!ok) {
        QCOMPARE(c.error(), Client::OptionRefusedError);
        QVERIFY2(c.errorString().contains(QLatin1String("TFTP error 8")), qPrintable(c.errorString()));
        QTest::qWait(50);
        QVERIFY(s.fromClient.isEmpty());   // an ERROR is never answered with an ERROR
        checkNoPartialFile();
        return;
    }
    QVERIFY2(c.state() == Client::Finished, qPrintable(c.errorString()));
    if (!outputIs(netascii ? QByteArray("line 1\nline 2\n") : s.file))
        return;
    QCOMPARE(c.negotiatedBlockSize(), again.isEmpty() || !again.contains("blksize") ? 512 : 1024);
    checkNoPartialFile(QStringLiteral("out.bin"));
}

void tst_tftpclient::rfc1350Server()
{
    FakeServer s;
    s.file = randomBytes(512 * 20, 7);   // a multiple of 512: ends with an empty block
    s.oackMode = FakeServer::NoOack;
    Client c;
    QVERIFY2(run(c, s), qPrintable(c.errorString()));
    if (!outputIs(s.file))
        return;
    QCOMPARE(c.negotiatedBlockSize(), 512);
    QCOMPARE(c.negotiatedWindowSize(), 1);
    QCOMPARE(c.progress().blocks, quint64(21));
    // One ACK per block, no retransmission.
    QTRY_COMPARE(s.fromClient.size(), 21);
    QCOMPARE(c.progress().retransmissions, quint64(0));
}

void tst_tftpclient::duplicatedOack()
{
    FakeServer s;
    s.file = randomBytes(10000, 8);
    s.dropFirstAck0 = true;
    s.resendMs = 30;
    Client c;
    ClientOptions o;
    o.blockSize = 1024;
    o.timeoutMs = 2000;   // the server's repeated OACK comes first, not our own timeout
    c.setOptions(o);
    QVERIFY2(run(c, s), qPrintable(c.errorString()));
    if (!outputIs(s.file))
        return;
    QCOMPARE(s.oackCount, 2);
    QCOMPARE(s.ack0Count, 2);   // the repeated OACK got ACK 0 again, not an abort
}

void tst_tftpclient::stallingServer()
{
    if (!writeOutput("old"))
        return;
    FakeServer s;
    s.file = randomBytes(50000, 9);
    s.stallAfterBlock = 3;
    Client c;
    ClientOptions o;
    o.blockSize = 1024;
    o.windowSize = 1;
    o.timeoutMs = 50;
    o.retries = 2;
    c.setOptions(o);
    QElapsedTimer t;
    t.start();
    QVERIFY(!run(c, s, 5000));
    QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(c.error(), Client::TimeoutError);
    QVERIFY2(c.errorString().contains(QLatin1String("timed out")), qPrintable(c.errorString()));
    QCOMPARE(c.progress().retransmissions, quint64(2));
    QCOMPARE(c.progress().bytes, qint64(3 * 1024));
    // The server is told, and the old file is kept.
    QTRY_VERIFY(!s.fromClient.isEmpty() && s.fromClient.last().opcode == Opcode::Error);
    if (!outputIs(QByteArray("old")))
        return;
    checkNoPartialFile(QStringLiteral("out.bin"));
}

void tst_tftpclient::rollover()
{
    FakeServer s;
    s.file = randomBytes(1024 * 1024, 10);   // 131073 blocks of 8 bytes: block numbers wrap twice
    Client c;
    ClientOptions o;
    o.blockSize = 8;
    o.windowSize = 64;
    c.setOptions(o);
    QElapsedTimer t;
    t.start();
    QVERIFY2(run(c, s, 40000), qPrintable(c.errorString()));
    if (!outputIs(s.file))
        return;
    QCOMPARE(c.progress().blocks, quint64(131073));
    qDebug() << "rollover took" << t.elapsed() << "ms";
}

void tst_tftpclient::tsizeLies_data()
{
    // A tsize smaller than what comes is the server's error (pastTsizeIsTheServersError); 0 is taken as not
    // known (a server may echo the request's 0).
    QTest::addColumn<qint64>("announced");
    QTest::newRow("larger") << qint64(10000000);
    QTest::newRow("zero") << qint64(0);
}

void tst_tftpclient::tsizeLies()
{
    QFETCH(qint64, announced);
    FakeServer s;
    s.file = randomBytes(70000, 11);
    s.tsizeOverride = announced;
    Client c;
    ClientOptions o;
    o.blockSize = 4096;
    c.setOptions(o);
    QList<Progress> seen;
    connect(&c, &Client::progressChanged, this, [&seen](const Progress &p) { seen.append(p); });
    QVERIFY2(run(c, s), qPrintable(c.errorString()));
    if (!outputIs(s.file))
        return;
    QVERIFY(!seen.isEmpty());
    for (const Progress &p : std::as_const(seen))
        QVERIFY(p.total < 0 || p.bytes <= p.total);   // never more than 100%
    QCOMPARE(seen.last().bytes, s.file.size());
    QCOMPARE(seen.last().total, s.file.size());      // the final progress tells the truth
}

void tst_tftpclient::pastTsizeIsTheServersError_data()
{
    QTest::addColumn<int>("window");
    QTest::addColumn<bool>("netascii");
    QTest::newRow("lock-step") << 1 << false;
    QTest::newRow("windowed") << 8 << false;   // the block past tsize arrives amid a batch
    QTest::newRow("netascii") << 1 << true;
}

void tst_tftpclient::pastTsizeIsTheServersError()
{
    // The server announces tsize 1000 and sends a megabyte: the transfer stops at the first block past 1000
    // bytes (not acknowledged), the server is told, nothing is saved and the existing file stays.
    QFETCH(int, window);
    QFETCH(bool, netascii);
    if (!writeOutput("keep me"))
        return;
    FakeServer s;
    s.file = QByteArray(1024 * 1024, 'a');   // no CR: the same number of bytes on the wire and in the file
    s.tsizeOverride = 1000;
    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = window;
    o.mode = netascii ? ClientOptions::NetAscii : ClientOptions::Octet;
    c.setOptions(o);
    QVERIFY(!run(c, s));
    QCOMPARE(c.error(), Client::ProtocolError);
    QCOMPARE(c.errorString(), QStringLiteral("The server sent more than the %1 bytes it announced (tsize).")
                                  .arg(QLocale().toString(qint64(1000))));
    QTRY_VERIFY(s.done);
    QCOMPARE(s.fromClient.constLast().opcode, Opcode::Error);
    QCOMPARE(s.fromClient.constLast().errorCode, quint16(4));
    QCOMPARE(s.fromClient.constLast().errorMessage, QByteArray("More data than the announced tsize"));
    for (const Packet &p : std::as_const(s.fromClient))
        QVERIFY2(p.opcode != Opcode::Ack || p.block < 2, qPrintable(p.summary()));   // block 2 ends at 1024
    if (!outputIs(QByteArray("keep me")))
        return;
    checkNoPartialFile(QStringLiteral("out.bin"));
}

void tst_tftpclient::maxSizeRefusesAnnouncedSize()
{
    // The OACK's tsize is above the limit: refused at once with ERROR 3 (RFC 2349), not even ACK 0.
    if (!writeOutput("keep me"))
        return;
    FakeServer s;
    s.file = randomBytes(100000, 40);
    Client c;
    ClientOptions o;
    o.blockSize = 1024;
    o.maxSize = 50000;
    c.setOptions(o);
    QVERIFY(!run(c, s));
    QCOMPARE(c.error(), Client::SizeLimitError);
    const QLocale l;
    QCOMPARE(c.errorString(), QStringLiteral("The server announced %1 bytes, more than the size limit of %2 bytes: "
                                             "the download was refused.")
                                  .arg(l.toString(qint64(100000)), l.toString(qint64(50000))));
    QTRY_VERIFY(s.done);
    QCOMPARE(s.fromClient.size(), 1);
    QCOMPARE(s.fromClient.constFirst().opcode, Opcode::Error);
    QCOMPARE(s.fromClient.constFirst().errorCode, quint16(3));
    QCOMPARE(c.progress().blocks, quint64(0));
    if (!outputIs(QByteArray("keep me")))
        return;
    checkNoPartialFile(QStringLiteral("out.bin"));
}

void tst_tftpclient::maxSizeStopsTransfer_data()
{
    QTest::addColumn<int>("how");        // 0: no tsize asked, 1: RFC 1350 (no options), 2: tsize 0 announced
    QTest::addColumn<int>("window");
    QTest::addColumn<qint64>("size");    // of the file; the limit is 50,000 bytes
    QTest::addColumn<bool>("ok");
    QTest::newRow("no tsize") << 0 << 1 << qint64(100000) << false;
    QTest::newRow("no tsize, windowed") << 0 << 8 << qint64(100000) << false;
    QTest::newRow("RFC 1350 server") << 1 << 1 << qint64(100000) << false;
    QTest::newRow("tsize 0") << 2 << 1 << qint64(100000) << false;
    QTest::newRow("exactly the limit") << 0 << 8 << qint64(50000) << true;
}

void tst_tftpclient::maxSizeStopsTransfer()
{
    // No size announced: the transfer stops at the first block that takes the file past the limit (not
    // acknowledged, ERROR 3 to the server), nothing is saved and the existing file stays.
    QFETCH(int, how);
    QFETCH(int, window);
    QFETCH(qint64, size);
    QFETCH(bool, ok);
    if (!writeOutput("keep me"))
        return;
    FakeServer s;
    s.file = randomBytes(size, 41);
    if (how == 1)
        s.oackMode = FakeServer::NoOack;
    if (how == 2)
        s.tsizeOverride = 0;
    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = window;
    o.requestTsize = how == 2;
    o.maxSize = 50000;
    c.setOptions(o);
    const bool done = run(c, s);
    QCOMPARE(done, ok);
    if (ok) {
        outputIs(s.file);
        return;
    }
    QCOMPARE(c.error(), Client::SizeLimitError);
    QCOMPARE(c.errorString(), QStringLiteral("The file is larger than the size limit of %1 bytes: the download was "
                                             "stopped.").arg(QLocale().toString(qint64(50000))));
    QTRY_VERIFY(s.done);
    QCOMPARE(s.fromClient.constLast().opcode, Opcode::Error);
    QCOMPARE(s.fromClient.constLast().errorCode, quint16(3));
    // Block 98 ends at 50,176 bytes: it and everything after it go unacknowledged.
    for (const Packet &p : std::as_const(s.fromClient))
        QVERIFY2(p.opcode != Opcode::Ack || p.block < 98, qPrintable(p.summary()));
    if (!outputIs(QByteArray("keep me")))
        return;
    checkNoPartialFile(QStringLiteral("out.bin"));
}

void tst_tftpclient::netasciiCountsFileBytes_data()
{
    // 1,050 bytes on the wire, 1,047 in the file (three CR LF). The server's tsize may be either: neither is
    // past what arrives, and a limit of 1,047 bytes (the file's) is kept.
    QTest::addColumn<qint64>("tsize");
    QTest::newRow("tsize is the wire size") << qint64(1050);
    QTest::newRow("tsize is the file size") << qint64(1047);
}

void tst_tftpclient::netasciiCountsFileBytes()
{
    QFETCH(qint64, tsize);
    QByteArray line(348, 'x');
    const QByteArray wire = line + "\r\n" + line + "\r\n" + line + "\r\n";
    QCOMPARE(wire.size(), 1050);
    FakeServer s;
    s.file = wire;
    s.tsizeOverride = tsize;
    Client c;
    ClientOptions o;
    o.mode = ClientOptions::NetAscii;
    o.blockSize = 512;
    o.maxSize = 1047;
    c.setOptions(o);
    QList<Progress> seen;
    connect(&c, &Client::progressChanged, this, [&seen](const Progress &p) { seen.append(p); });
    QVERIFY2(run(c, s), qPrintable(c.errorString()));
    if (!outputIs(line + '\n' + line + '\n' + line + '\n'))
        return;
    QCOMPARE(c.progress().bytes, qint64(1047));
    QCOMPARE(c.progress().total, qint64(1047));
    QVERIFY(!seen.isEmpty());
    QCOMPARE(seen.constLast().bytes, qint64(1047));
    for (const Progress &p : std::as_const(seen))
        QVERIFY(p.total < 0 || p.bytes <= p.total);
}

// Run by the ctest entry tst_tftpclient_diskfull in a private mount namespace (unshare -rm) with a 256 KiB
// tmpfs at NETPOKE_SMALL_FS; skipped elsewhere (it needs that file system).
void tst_tftpclient::diskFullSaysSo()
{
    const QString small = qEnvironmentVariable("NETPOKE_SMALL_FS");
    if (small.isEmpty())
        QSKIP("needs a small file system: the ctest entry tst_tftpclient_diskfull mounts one (unshare -rm)");
    const QString out = QDir(small).filePath(QStringLiteral("out.bin"));
    {
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
    }
    FakeServer s;
    s.file = randomBytes(1024 * 1024, 42);
    Client c;
    ClientOptions o;
    o.blockSize = 8192;
    c.setOptions(o);
    QSignalSpy finished(&c, &Client::finished);
    QVERIFY(c.download(QStringLiteral("127.0.0.1"), s.port(), QStringLiteral("file.bin"), out));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(c.error(), Client::LocalFileError);
    QCOMPARE(c.errorString(), QStringLiteral("Cannot write %1: %2").arg(out, qt_error_string(ENOSPC)));
    QTRY_VERIFY(s.done);
    QCOMPARE(s.fromClient.constLast().opcode, Opcode::Error);
    QCOMPARE(s.fromClient.constLast().errorCode, quint16(3));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("keep me"));
    QCOMPARE(QDir(small).entryList(QDir::Files | QDir::Hidden | QDir::System), QStringList{QStringLiteral("out.bin")});
}

void tst_tftpclient::cancelMidTransfer()
{
    if (!writeOutput("previous"))
        return;
    FakeServer s;
    s.file = randomBytes(100000, 12);
    s.stallAfterBlock = 4;
    Client c;
    ClientOptions o;
    o.blockSize = 1024;
    o.windowSize = 1;
    o.timeoutMs = 5000;
    c.setOptions(o);
    QSignalSpy finished(&c, &Client::finished);
    QVERIFY(c.download(QStringLiteral("127.0.0.1"), s.port(), QStringLiteral("file.bin"), m_out));
    QTRY_COMPARE(c.progress().blocks, quint64(4));
    c.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(c.state(), Client::Failed);
    QCOMPARE(c.error(), Client::CancelledError);
    QTRY_VERIFY(!s.fromClient.isEmpty() && s.fromClient.last().opcode == Opcode::Error);
    QCOMPARE(s.fromClient.last().errorCode, quint16(0));
    QCOMPARE(s.fromClient.last().errorMessage, QByteArray("cancelled"));
    // No time left is shown after a cancel, although the size is known.
    QVERIFY(c.progress().total > 0);
    QVERIFY(c.progress().ended);
    QCOMPARE(c.progress().remainingMs(), qint64(-1));
    if (!outputIs(QByteArray("previous")))
        return;
    checkNoPartialFile(QStringLiteral("out.bin"));
}

void tst_tftpclient::noServerIcmp()
{
    const quint16 port = LoopTest::closedUdpPort();
    QVERIFY(port != 0);
    Client c;
    QSignalSpy finished(&c, &Client::finished);
    QElapsedTimer t;
    t.start();
    QVERIFY(c.download(QStringLiteral("127.0.0.1"), port, QStringLiteral("file.bin"), m_out));
    QVERIFY(finished.wait(5000));
    QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(c.error(), Client::NoServerError);
    QVERIFY2(c.errorString().contains(QStringLiteral("No TFTP server at 127.0.0.1:%1").arg(port)),
             qPrintable(c.errorString()));
    checkNoPartialFile();
}

void tst_tftpclient::netascii()
{
    FakeServer s;
    // With 8-byte blocks the CR of "\r\n" and of "\r\0" fall at the end of a block.
    s.file = QByteArray("abcdefg\r\nhijklm\r", 16) + QByteArray("\0nopq\r\nr\r\0", 10) + QByteArray("\r\n");
    Client c;
    ClientOptions o;
    o.mode = ClientOptions::NetAscii;
    o.blockSize = 8;
    c.setOptions(o);
    QVERIFY2(run(c, s), qPrintable(c.errorString()));
    QCOMPARE(s.request.mode, QByteArray("netascii"));
    if (!outputIs(QByteArray("abcdefg\nhijklm\rnopq\nr\r\n")))
        return;
}

void tst_tftpclient::emptyFile()
{
    FakeServer s;
    Client c;
    QVERIFY2(run(c, s), qPrintable(c.errorString()));
    QFile f(m_out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.size(), 0);
    QCOMPARE(c.progress().blocks, quint64(1));
}

void tst_tftpclient::sinkDevice()
{
    FakeServer s;
    s.file = randomBytes(9 * 1024 * 1024 + 5, 13);   // more than one write chunk
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    Client c;
    QSignalSpy finished(&c, &Client::finished);
    QVERIFY(c.download(QStringLiteral("127.0.0.1"), s.port(), QStringLiteral("file.bin"), &buffer));
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.first().first().toBool(), qPrintable(c.errorString()));
    QCOMPARE(buffer.data(), s.file);
    checkNoPartialFile();
}

void tst_tftpclient::progressThrottled()
{
    FakeServer s;
    s.file = randomBytes(2 * 1024 * 1024, 14);
    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 4;
    c.setOptions(o);
    c.setTraceEnabled(true);
    int progressCount = 0;
    QList<TraceEntry> trace;
    connect(&c, &Client::progressChanged, this, [&progressCount] { ++progressCount; });
    connect(&c, &Client::packetTraced, this, [&trace](const TraceEntry &e) { trace.append(e); });
    QElapsedTimer t;
    t.start();
    QVERIFY2(run(c, s), qPrintable(c.errorString()));
    const qint64 ms = t.elapsed();
    // At most ~10 per second plus the first and the final one; never one per block (4097 blocks).
    QVERIFY2(progressCount <= ms / 100 + 4, qPrintable(QStringLiteral("%1 in %2 ms").arg(progressCount).arg(ms)));
    // The trace: the request, the first blocks, the last DATA and the last ACK, not every packet.
    QVERIFY(trace.size() > 10);
    QVERIFY(trace.size() < 300);
    QVERIFY(trace.first().outgoing);
    QVERIFY(trace.first().summary.startsWith(QLatin1String("RRQ file.bin octet blksize=512")));
    QCOMPARE(trace.last().summary, QStringLiteral("ACK 4097"));
    QCOMPARE(trace.at(trace.size() - 2).summary, QStringLiteral("DATA 4097 (0 bytes)"));
    // Where blocks are left out, an entry says how many: without retransmissions all 4032 between DATA 64
    // and DATA 4097, right before it.
    quint64 skipped = 0;
    for (const TraceEntry &e : std::as_const(trace))
        skipped += e.skippedBlocks;
    QVERIFY(skipped > 0 && skipped <= 4097 - 65);
    if (c.progress().retransmissions == 0) {
        QVERIFY(trace.at(trace.size() - 3).note);
        QCOMPARE(trace.at(trace.size() - 3).skippedBlocks, quint64(4032));
    }
}

void tst_tftpclient::badArguments()
{
    Client c;
    QVERIFY(!c.download(QString(), 69, QStringLiteral("f"), m_out));
    QVERIFY(!c.errorString().isEmpty());
    QVERIFY(!c.download(QStringLiteral("127.0.0.1"), 0, QStringLiteral("f"), m_out));
    QVERIFY(!c.download(QStringLiteral("127.0.0.1"), 69, QString(), m_out));
    QVERIFY(!c.download(QStringLiteral("127.0.0.1"), 69, QStringLiteral("f"), m_dir->filePath(QStringLiteral("no/such/dir/x"))));
    QCOMPARE(c.error(), Client::LocalFileError);
    QCOMPARE(c.state(), Client::Idle);
    checkNoPartialFile();
}

void tst_tftpclient::serverNeverAnswers()
{
    // A socket that reads requests and never answers; the defaults give up within about 10 s.
    QUdpSocket silent;
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    Client c;
    QSignalSpy finished(&c, &Client::finished);
    QElapsedTimer t;
    t.start();
    QVERIFY(c.download(QStringLiteral("127.0.0.1"), silent.localPort(), QStringLiteral("f"), m_out));
    QVERIFY(finished.wait(15000));
    const qint64 ms = t.elapsed();
    QVERIFY2(ms >= 8000 && ms <= 11000, qPrintable(QString::number(ms)));
    QCOMPARE(c.error(), Client::TimeoutError);
    QCOMPARE(c.progress().retransmissions, quint64(5));
    int requests = 0;
    while (silent.hasPendingDatagrams()) {
        const QByteArray d = silent.receiveDatagram().data();
        requests += parse(d).packet.opcode == Opcode::Rrq;
    }
    QCOMPARE(requests, 6);
    checkNoPartialFile();
}

void tst_tftpclient::finishedOnceWhenEndedDuringFinalWrite()
{
    // The transfer ends (here: cancel() from the output's write) while the final block is being handled:
    // finished is emitted once, false, and the final block is not acknowledged.
    FakeServer s;
    s.file = randomBytes(100, 20);
    HookSink sink;
    QVERIFY(sink.open(QIODevice::WriteOnly));
    Client c;
    ClientOptions o;
    o.windowSize = 1;
    c.setOptions(o);
    sink.onWrite = [&c] { c.cancel(); };
    QSignalSpy finished(&c, &Client::finished);
    QVERIFY(c.download(QStringLiteral("127.0.0.1"), s.port(), QStringLiteral("file.bin"), &sink));
    QVERIFY(finished.wait(5000));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(c.state(), Client::Failed);
    QCOMPARE(c.error(), Client::CancelledError);
    QTRY_VERIFY(!s.fromClient.isEmpty() && s.fromClient.last().opcode == Opcode::Error);
    for (const Packet &p : std::as_const(s.fromClient))
        QVERIFY(!(p.opcode == Opcode::Ack && p.block == 1));
}

void tst_tftpclient::finalWriteErrorSendsError3()
{
    // The output fails when the last block is written: ERROR 3 instead of the final ACK.
    FakeServer s;
    s.file = randomBytes(3000, 21);
    HookSink sink;
    sink.failWrites = true;
    QVERIFY(sink.open(QIODevice::WriteOnly));
    Client c;
    ClientOptions o;
    o.blockSize = 1024;
    c.setOptions(o);
    QSignalSpy finished(&c, &Client::finished);
    QVERIFY(c.download(QStringLiteral("127.0.0.1"), s.port(), QStringLiteral("file.bin"), &sink));
    QVERIFY(finished.wait(5000));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(c.error(), Client::LocalFileError);
    QVERIFY2(c.errorString().contains(QLatin1String("no space left (test)")), qPrintable(c.errorString()));
    QTRY_VERIFY(!s.fromClient.isEmpty() && s.fromClient.last().opcode == Opcode::Error);
    QCOMPARE(s.fromClient.last().errorCode, quint16(3));
    QCOMPARE(s.finalAckCount, 0);
    for (const Packet &p : std::as_const(s.fromClient))
        QVERIFY(!(p.opcode == Opcode::Ack && p.block == quint16(s.lastBlock())));
}

void tst_tftpclient::dallyReAcksFinalBlock()
{
    if (!writeOutput("old"))
        return;
    FakeServer s;
    s.file = randomBytes(5000, 22);
    s.dropFinalAcks = 1;   // our final ACK is "lost" once: the server sends the last block again
    s.resendMs = 30;
    Client c;
    ClientOptions o;
    o.blockSize = 1024;
    o.windowSize = 1;
    o.timeoutMs = 500;     // dally = min(2 × 500, 1000) ms
    c.setOptions(o);
    QSignalSpy finished(&c, &Client::finished);
    QByteArray atFinish;
    int finalAcksAtFinish = -1;
    connect(&c, &Client::finished, this, [&] {
        QFile f(m_out);
        if (f.open(QIODevice::ReadOnly))
            atFinish = f.readAll();
        finalAcksAtFinish = s.finalAckCount;
    });
    QVERIFY(c.download(QStringLiteral("127.0.0.1"), s.port(), QStringLiteral("file.bin"), m_out));
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(c.state(), Client::Finished);
    QCOMPARE(atFinish, s.file);          // committed before finished(true), without waiting for the dally
    QVERIFY(finalAcksAtFinish <= 1);     // finished did not wait for the server's repeat
    QTRY_COMPARE_WITH_TIMEOUT(s.finalAckCount, 2, 900);   // the repeated last block got its ACK again
    QVERIFY(s.done);
    QCOMPARE(finished.size(), 1);
    checkNoPartialFile(QStringLiteral("out.bin"));

    // A server that never hears the final ACK: re-ACKed during the dally only, then the socket is closed.
    FakeServer deaf;
    deaf.file = randomBytes(3000, 23);
    deaf.dropFinalAcks = 1000;
    deaf.resendMs = 30;
    QVERIFY2(run(c, deaf, 5000), qPrintable(c.errorString()));
    QTRY_VERIFY(deaf.finalAckCount >= 3);
    QTest::qWait(1200);
    const int count = deaf.finalAckCount;
    QTest::qWait(300);
    QCOMPARE(deaf.finalAckCount, count);

    // A new download during the dally works (the old socket is closed first).
    FakeServer first;
    first.file = randomBytes(3000, 24);
    first.dropFinalAcks = 1000;
    first.resendMs = 30;
    QVERIFY2(run(c, first, 5000), qPrintable(c.errorString()));
    FakeServer second;
    second.file = randomBytes(7000, 25);
    QVERIFY2(run(c, second, 5000), qPrintable(c.errorString()));
    if (!outputIs(second.file))
        return;
    const int firstCount = first.finalAckCount;
    QTest::qWait(200);
    QCOMPARE(first.finalAckCount, firstCount);   // the first server's repeats are no longer answered
}

void tst_tftpclient::windowSizeClamped()
{
    // Above 32767 a gap and a duplicate look alike (16-bit block numbers): the request asks for 32767.
    FakeServer s;
    s.file = randomBytes(20000, 26);
    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 65535;
    c.setOptions(o);
    QCOMPARE(c.options().windowSize, 32767);
    QVERIFY2(run(c, s), qPrintable(c.errorString()));
    // 32767 or less: the receive buffer (at most 64 MiB) may lower it further.
    const int asked = s.request.optionValue("windowsize").toInt();
    QVERIFY2(asked > 1 && asked <= 32767, s.request.optionValue("windowsize").constData());
    QCOMPARE(c.negotiatedWindowSize(), asked);
    if (!outputIs(s.file))
        return;
}

void tst_tftpclient::truncatedErrorNotAnswered()
{
    FakeServer s;
    s.file = randomBytes(20000, 27);
    s.errorAfterBlock = 3;
    s.errorPacket = QByteArray("\0\5\0", 3);   // an ERROR too short for its code
    Client c;
    ClientOptions o;
    o.blockSize = 1024;
    c.setOptions(o);
    QVERIFY(!run(c, s));
    QCOMPARE(c.error(), Client::ProtocolError);
    QVERIFY2(c.errorString().contains(QLatin1String("truncated ERROR")), qPrintable(c.errorString()));
    QTest::qWait(100);
    for (const Packet &p : std::as_const(s.fromClient))
        QVERIFY(p.opcode != Opcode::Error);   // never answer an ERROR
    checkNoPartialFile();
}

void tst_tftpclient::repeatedOackStillTimesOut()
{
    // The server never hears our ACK 0 and keeps repeating its OACK (faster than our timeout): each repeat is
    // answered, but does not count as progress, so the retries still run out.
    FakeServer s;
    s.file = randomBytes(5000, 28);
    s.ignoreAck0 = true;
    s.resendMs = 30;
    Client c;
    ClientOptions o;
    o.blockSize = 1024;
    o.timeoutMs = 100;
    o.retries = 3;
    c.setOptions(o);
    QElapsedTimer t;
    t.start();
    QVERIFY(!run(c, s, 4000));
    QCOMPARE(c.error(), Client::TimeoutError);
    QVERIFY2(t.elapsed() < 1500, qPrintable(QString::number(t.elapsed())));
    QVERIFY(s.ack0Count >= 4);
    QTRY_VERIFY(!s.fromClient.isEmpty() && s.fromClient.last().opcode == Opcode::Error);
    checkNoPartialFile();
}

void tst_tftpclient::windowForReceiveBuffer()
{
    // Each full datagram takes (blksize + 4 + 1024) × 2 bytes of receive buffer.
    const qint64 perDatagram = (65464 + 4 + 1024) * 2;
    QCOMPARE(Client::windowForReceiveBuffer(8 * perDatagram, 65464, 8), 8);        // fits
    QCOMPARE(Client::windowForReceiveBuffer(100 * perDatagram, 65464, 8), 8);      // never more than asked
    QCOMPARE(Client::windowForReceiveBuffer(425984, 65464, 8), 3);                 // rmem_max 212992, doubled
    QCOMPARE(Client::windowForReceiveBuffer(1000, 65464, 8), 1);                   // at least 1
    QCOMPARE(Client::windowForReceiveBuffer(425984, 512, 64), 64);
    QCOMPARE(Client::windowForReceiveBuffer(425984, 512, 1000), int(425984 / ((512 + 4 + 1024) * 2)));
    QCOMPARE(Client::windowForReceiveBuffer(0, 512, 1), 1);
}

QTEST_GUILESS_MAIN(tst_tftpclient)
#include "tst_tftpclient.moc"
