// The TFTP client's upload (WRQ) against an in-process fake server on 127.0.0.1 and ::1 (port 0) that receives
// as RFC 7440 describes and injects faults: an RFC 1350 answer (ACK 0 instead of an OACK), lost DATA (a gap:
// the server ACKs inside the window), lost and repeated ACKs, ERROR from the server, a stranger port, ERROR 8,
// a server that stops answering, block rollover. Each case checks what arrived byte for byte, and what was sent.

#include "tftp/tftpclient.h"
#include "tftp/tftppacket.h"
#include "looptestutil.h"

#include <QDir>
#include <QFile>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>

#include <memory>
#include <sys/stat.h>

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

// A TFTP server for one upload. Receives windows as RFC 7440 describes: ACKs the last block of each window,
// ACKs the last in-order block at once when a block is missing (once per gap), and re-ACKs a repeat of the
// block it acknowledged last. It never sends anything on a timer of its own.
class FakeReceiver : public QObject
{
public:
    static constexpr int ReceiveBuffer = 4 * 1024 * 1024;   // as asked; net.core.rmem_max may cap it
    enum Answer { OackAnswer, Ack0Answer, ErrorAnswer, Ack5Answer, DataAnswer };

    Answer answer = OackAnswer;
    int maxBlockSize = 65464;       // cap on what the server grants
    int maxWindow = 65535;
    quint16 errorCode = 2;          // ErrorAnswer, and errorAfterBlock
    QByteArray errorMessage = "Permission denied";
    qint64 errorAfterBlock = -1;    // ERROR errorCode instead of the ACK of this (absolute) block
    qint64 dropDataOnce = -1;       // this block is "lost" the first time it arrives
    qint64 dropAckBlock = -1;       // the ACKs of this block are "lost" ...
    int dropAckTimes = 0;           // ... this often
    int extraAcks = 0;              // every ACK goes out 1 + extraAcks times at once ...
    int lateRepeats = 0;            // ... and this often more, one with each of the next DATA that arrive
    qint64 strangerAfterBlock = -1; // after this block, an ACK from another port too
    qint64 silentAfterBlock = -1;   // no ACK at all after this block
    qint64 oackAgainAfterBlock = -1;// send the OACK once more after this block
    QByteArray refuseOption;        // answer a request asking this option ("*": any) with ERROR 8 once
    QByteArray refuseMessage = "Unsupported option(s) requested";

    // What happened.
    Packet request;                 // the request that started the transfer
    QList<Packet> requests;         // every request, refused ones too
    QByteArray received;            // the payload in order, as sent (netascii undecoded)
    QList<qint64> arrivals;         // every DATA that came in, as absolute block numbers, in order
    QList<int> sizes;               // their payload sizes
    QList<Packet> others;           // anything else from the client's TID (ERROR)
    QList<Packet> toStranger;
    int blockSize = 512;
    int window = 1;
    bool done = false;              // the final ACK has gone out (or an ERROR ended it)

    quint16 port() const { return m_listen.localPort(); }
    QString host() const { return m_address.toString(); }

    explicit FakeReceiver(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost))
        : m_address(address)
    {
        QVERIFY(m_listen.bind(address, 0));
        connect(&m_listen, &QUdpSocket::readyRead, this, &FakeReceiver::onRequest);
        connect(&m_transfer, &QUdpSocket::readyRead, this, &FakeReceiver::onTransfer);
        connect(&m_stranger, &QUdpSocket::readyRead, this, [this] {
            while (m_stranger.hasPendingDatagrams())
                toStranger.append(parse(m_stranger.receiveDatagram().data()).packet);
        });
    }

private:
    void reply(const QByteArray &bytes) { m_transfer.writeDatagram(bytes, m_client, m_clientPort); }

    void onRequest()
    {
        while (m_listen.hasPendingDatagrams()) {
            const QNetworkDatagram d = m_listen.receiveDatagram();
            if (m_started)
                continue;   // a retransmitted WRQ: the transfer port answers already
            const ParseResult r = parse(d.data());
            if (!r.ok() || r.packet.opcode != Opcode::Wrq)
                continue;
            requests.append(r.packet);
            if (m_transfer.state() == QAbstractSocket::UnconnectedState) {
                QVERIFY(m_transfer.bind(m_address, 0));
                // The client sends a whole window before this (same-thread) server reads any of it.
                m_transfer.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, ReceiveBuffer);
            }
            m_client = d.senderAddress();
            m_clientPort = quint16(d.senderPort());
            if (!refuseOption.isEmpty() && !r.packet.options.isEmpty() && !m_refused
                && (refuseOption == "*" || r.packet.hasOption(refuseOption))) {
                m_refused = true;
                reply(Packet::error(8, refuseMessage).serialize());
                continue;
            }
            m_started = true;
            request = r.packet;
            start();
        }
    }

    void start()
    {
        switch (answer) {
        case ErrorAnswer:
            reply(Packet::error(errorCode, errorMessage).serialize());
            done = true;
            return;
        case Ack0Answer:
            reply(Packet::ack(0).serialize());
            return;
        case Ack5Answer:
            reply(Packet::ack(5).serialize());
            return;
        case DataAnswer:
            reply(Packet::dataPacket(1, "hello").serialize());
            return;
        case OackAnswer:
            break;
        }
        QList<Option> oack;
        for (const Option &o : std::as_const(request.options)) {
            if (o.name == "blksize") {
                blockSize = int(qMin<qint64>(parseOptionValue(o.name, o.value), maxBlockSize));
                oack.append(Option{"blksize", QByteArray::number(blockSize)});
            } else if (o.name == "windowsize") {
                window = int(qMin<qint64>(parseOptionValue(o.name, o.value), maxWindow));
                oack.append(Option{"windowsize", QByteArray::number(window)});
            } else if (o.name == "tsize" || o.name == "timeout") {
                oack.append(o);   // a WRQ's tsize is echoed (RFC 2349)
            }
        }
        m_oack = oack.isEmpty() ? Packet::ack(0).serialize() : Packet::oack(oack).serialize();
        reply(m_oack);
    }

    void sendAck(qint64 block)
    {
        m_lastAck = block;
        if (block == dropAckBlock && dropAckTimes > 0) {
            --dropAckTimes;
            return;
        }
        if (silentAfterBlock >= 0 && block > silentAfterBlock)
            return;
        if (errorAfterBlock >= 0 && block >= errorAfterBlock) {
            reply(Packet::error(errorCode, errorMessage).serialize());
            done = true;
            return;
        }
        const QByteArray ack = Packet::ack(quint16(block & 0xFFFF)).serialize();
        for (int i = 0; i <= extraAcks; ++i)
            reply(ack);
        m_repeat = ack;
        m_repeatsLeft = lateRepeats;
        if (block == strangerAfterBlock && !m_strangerSent) {
            m_strangerSent = true;
            QVERIFY(m_stranger.bind(m_address, 0));
            m_stranger.writeDatagram(ack, m_client, m_clientPort);
            m_stranger.writeDatagram(Packet::error(0, "stranger").serialize(), m_client, m_clientPort);
        }
        if (block == oackAgainAfterBlock)
            reply(m_oack);
    }

    void onTransfer()
    {
        while (m_transfer.hasPendingDatagrams()) {
            const QNetworkDatagram d = m_transfer.receiveDatagram();
            const QByteArray bytes = d.data();
            quint16 wire = 0;
            if (!peekData(bytes.constData(), bytes.size(), &wire)) {
                others.append(parse(bytes).packet);
                if (others.constLast().opcode == Opcode::Error)
                    done = true;
                continue;
            }
            if (done && m_final < 0)
                continue;   // ended by an ERROR
            // The absolute number: within half the block numbers of the expected one.
            const qint64 expected = m_inOrder + 1;
            const qint64 block = expected + qint16(quint16(wire - quint16(expected & 0xFFFF)));
            arrivals.append(block);
            sizes.append(int(bytes.size() - 4));
            if (m_repeatsLeft > 0) {
                --m_repeatsLeft;
                reply(m_repeat);   // while the client's next window is on its way
            }
            if (block == dropDataOnce && !m_dropped) {
                m_dropped = true;
                continue;
            }
            if (block == expected && !(m_final >= 0)) {
                received.append(bytes.constData() + 4, bytes.size() - 4);
                m_inOrder = block;
                m_gapAcked = false;
                const bool last = bytes.size() - 4 < blockSize;
                if (last) {
                    m_final = block;
                    done = true;
                    sendAck(block);
                } else if (++m_inWindow >= window) {
                    m_inWindow = 0;
                    sendAck(block);
                }
            } else if (block > expected && !(m_final >= 0)) {
                if (!m_gapAcked) {
                    m_gapAcked = true;
                    m_inWindow = 0;
                    sendAck(m_inOrder);
                }
            } else if (block == m_lastAck) {
                sendAck(block);   // our ACK may be lost: again (for a repeated final block too)
            }
        }
    }

    QHostAddress m_address;
    QUdpSocket m_listen;
    QUdpSocket m_transfer;
    QUdpSocket m_stranger;
    QHostAddress m_client;
    quint16 m_clientPort = 0;
    QByteArray m_oack;
    QByteArray m_repeat;
    int m_repeatsLeft = 0;
    bool m_started = false;
    bool m_refused = false;
    bool m_dropped = false;
    bool m_strangerSent = false;
    bool m_gapAcked = false;
    qint64 m_inOrder = 0;
    qint64 m_lastAck = -1;
    qint64 m_final = -1;
    int m_inWindow = 0;
};

QByteArray netasciiEncoded(const QByteArray &text)
{
    QByteArray out;
    for (const char c : text) {
        if (c == '\n')
            out.append("\r\n");
        else if (c == '\r')
            out.append("\r\0", 2);
        else
            out.append(c);
    }
    return out;
}

} // namespace

class tst_tftpput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void upload_data();
    void upload();
    void netascii_data();
    void netascii();
    void ack0InsteadOfOack();
    void rfc1350Only();
    void repeatedAcksNeverResend_data();
    void repeatedAcksNeverResend();
    void ackInsideWindowRestartsAfterIt();
    void lostAckResentByTimerWithBackOff_data();
    void lostAckResentByTimerWithBackOff();
    void errorFromServer_data();
    void errorFromServer();
    void strangerGetsError5();
    void optionsRefusedAskAgain();
    void serverStopsAnswering();
    void rollover();
    void localFileRefused_data();
    void localFileRefused();
    void cancelSendsError0();
    void protocolErrors_data();
    void protocolErrors();
    void repeatedOackIgnored();
    void progress();
    void trace();

private:
    QString writeFile(const QByteArray &bytes, const QString &name = QStringLiteral("in.bin"));
    // Uploads path to s as "up.bin"; true on finished(true). Waits at most timeoutMs.
    bool run(Client &c, FakeReceiver &s, const QString &path, int timeoutMs = 20000);

    std::unique_ptr<QTemporaryDir> m_dir;
    bool m_ipv6 = false;
};

void tst_tftpput::initTestCase()
{
    m_ipv6 = LoopTest::ipv6LoopbackUsable();
}

void tst_tftpput::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString tst_tftpput::writeFile(const QByteArray &bytes, const QString &name)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return QString();
    return path;
}

bool tst_tftpput::run(Client &c, FakeReceiver &s, const QString &path, int timeoutMs)
{
    QSignalSpy finished(&c, &Client::finished);
    if (!c.upload(s.host(), s.port(), QStringLiteral("up.bin"), path)) {
        qWarning() << "upload() refused:" << c.errorString();
        return false;
    }
    if (!finished.wait(timeoutMs)) {
        qWarning() << "no finished() in" << timeoutMs << "ms";
        return false;
    }
    if (finished.count() != 1)
        return false;
    return finished.first().first().toBool();
}


void tst_tftpput::upload_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("blksize");   // 0: auto
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("expectBlk");
    QTest::addColumn<int>("expectWindow");
    // A window is asked for only as far as the system's default receive buffer (taken as the server's) holds
    // its full blocks: none for 64 KiB blocks with the usual 208 KiB.
    QUdpSocket fresh;
    QVERIFY(fresh.bind(QHostAddress::LocalHost, 0));
    const int buffer = fresh.socketOption(QAbstractSocket::ReceiveBufferSizeSocketOption).toInt();
    QVERIFY(buffer > 0);
    const int bigWindow = Client::windowForReceiveBuffer(buffer, 65464, 8);
    for (const QHostAddress &a : {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)}) {
        const QByteArray f = a.protocol() == QAbstractSocket::IPv4Protocol ? "IPv4" : "IPv6";
        const auto row = [&](const char *name) -> QTestData & {
            return QTest::newRow(QByteArray(f + ", " + name).constData());
        };
        row("defaults") << a << 300000 << 0 << 8 << 65464 << bigWindow;   // auto on loopback: the largest block
        row("windowed 8192 x 8") << a << 100000 << 8192 << 8 << 8192 << Client::windowForReceiveBuffer(buffer, 8192, 8);
        row("lock-step 512") << a << 20000 << 512 << 1 << 512 << 1;
        row("windowed 1024 x 16") << a << 100000 << 1024 << 16 << 1024 << 16;
        row("window larger than the file") << a << 3000 << 512 << 64 << 512 << 64;
        row("empty: one empty DATA") << a << 0 << 512 << 4 << 512 << 4;
        row("exact multiple: an empty DATA last") << a << 512 * 40 << 512 << 8 << 512 << 8;
        row("exact multiple, lock-step") << a << 1024 * 3 << 1024 << 1 << 1024 << 1;
        row("one short block") << a << 100 << 512 << 8 << 512 << 8;
    }
}

void tst_tftpput::upload()
{
    QFETCH(QHostAddress, address);
    QFETCH(int, size);
    QFETCH(int, blksize);
    QFETCH(int, window);
    QFETCH(int, expectBlk);
    QFETCH(int, expectWindow);
    SKIP_IF_NO_IPV6(address);
    if (qint64(window) * 2 * (expectBlk + 1024) > 200000) {
        // A window of big blocks needs a receive buffer larger than the usual default at the server.
        QUdpSocket probe;
        QVERIFY(probe.bind(address, 0));
        probe.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, FakeReceiver::ReceiveBuffer);
        const int got = probe.socketOption(QAbstractSocket::ReceiveBufferSizeSocketOption).toInt();
        if (got < qMin<qint64>(qint64(window), size / expectBlk + 1) * 2 * (expectBlk + 1024))
            QSKIP("net.core.rmem_max is too small here for a window of 64 KiB blocks");
    }
    const QByteArray file = randomBytes(size, quint32(size + blksize));
    const QString path = writeFile(file);
    FakeReceiver s(address);
    Client c;
    ClientOptions o;
    o.blockSize = blksize;
    o.windowSize = window;
    c.setOptions(o);
    QVERIFY2(run(c, s, path), qPrintable(c.errorString()));
    QCOMPARE(c.state(), Client::Finished);
    QCOMPARE(c.error(), Client::NoError);
    QCOMPARE(s.received.size(), file.size());
    QVERIFY(s.received == file);
    // The request: WRQ up.bin octet, tsize = the file's size.
    QCOMPARE(s.request.opcode, Opcode::Wrq);
    QCOMPARE(s.request.fileName, QByteArray("up.bin"));
    QCOMPARE(s.request.mode, QByteArray("octet"));
    QCOMPARE(s.request.optionValue("tsize"), QByteArray::number(size));
    QCOMPARE(c.negotiatedBlockSize(), expectBlk);
    QCOMPARE(c.negotiatedWindowSize(), expectWindow);
    // Blocks 1..N, the last one short (empty for an exact multiple).
    const qint64 blocks = size / expectBlk + 1;
    QCOMPARE(s.sizes.constLast(), size % expectBlk);
    QCOMPARE(s.arrivals.constLast(), blocks);
    const Progress p = c.progress();
    QCOMPARE(p.bytes, qint64(size));
    QCOMPARE(p.total, qint64(size));
    QCOMPARE(p.blocks, quint64(blocks));
    QVERIFY(p.ended);
    // Without loss nothing is sent twice (a window of big blocks may overflow a small receive buffer).
    if (qint64(expectWindow) * expectBlk < 100000) {
        QCOMPARE(p.retransmissions, quint64(0));
        QCOMPARE(s.arrivals.size(), int(blocks));
    }
}

void tst_tftpput::netascii_data()
{
    QTest::addColumn<int>("window");
    QTest::addColumn<qint64>("drop");   // a block lost once: the window is sent again from there, re-encoded
    QTest::newRow("lock-step") << 1 << qint64(-1);
    QTest::newRow("windowed") << 8 << qint64(-1);
    QTest::newRow("windowed, a block lost") << 8 << qint64(5);
    QTest::newRow("lock-step, a block lost") << 1 << qint64(3);
}

void tst_tftpput::netascii()
{
    QFETCH(int, window);
    QFETCH(qint64, drop);
    // LF -> CR LF, CR -> CR NUL; pairs cut at block boundaries (blksize 16) and a window sent again.
    const QByteArray text = QByteArray("line one\nline two\r\n\n\rx\n").repeated(40) + "end\r";
    const QString path = writeFile(text);
    FakeReceiver s;
    s.dropDataOnce = drop;
    Client c;
    ClientOptions o;
    o.mode = ClientOptions::NetAscii;
    o.blockSize = 16;
    o.windowSize = window;
    o.timeoutMs = 100;   // fixed: a lost last block of a window is noticed quickly
    c.setOptions(o);
    QVERIFY2(run(c, s, path), qPrintable(c.errorString()));
    QCOMPARE(s.request.mode, QByteArray("netascii"));
    // No tsize: the encoded size is not known before the file has been read.
    QVERIFY2(!s.request.hasOption("tsize"), qPrintable(s.request.summary()));
    QCOMPARE(s.received, netasciiEncoded(text));
    // Progress in file bytes, not wire bytes.
    QCOMPARE(c.progress().bytes, qint64(text.size()));
    QCOMPARE(c.progress().total, qint64(text.size()));
    if (drop > 0)
        QVERIFY(c.progress().retransmissions > 0);
}

void tst_tftpput::ack0InsteadOfOack()
{
    // A server that ignores the options answers the WRQ with ACK 0: RFC 1350's 512-byte lock-step.
    const QByteArray file = randomBytes(5000, 3);
    FakeReceiver s;
    s.answer = FakeReceiver::Ack0Answer;
    Client c;
    ClientOptions o;
    o.blockSize = 1428;
    o.windowSize = 16;
    c.setOptions(o);
    QVERIFY2(run(c, s, writeFile(file)), qPrintable(c.errorString()));
    QVERIFY(s.received == file);
    QVERIFY(s.request.hasOption("blksize"));   // asked, not granted
    QCOMPARE(c.negotiatedBlockSize(), 512);
    QCOMPARE(c.negotiatedWindowSize(), 1);
    QCOMPARE(s.arrivals.size(), 10);           // 9 x 512 + 392, each once
    for (int i = 0; i < s.sizes.size() - 1; ++i)
        QCOMPARE(s.sizes.at(i), 512);
}

void tst_tftpput::rfc1350Only()
{
    const QByteArray file = randomBytes(512 * 3, 4);
    FakeReceiver s;   // answers a request without options with ACK 0
    Client c;
    ClientOptions o;
    o.rfc1350Only = true;
    c.setOptions(o);
    QVERIFY2(run(c, s, writeFile(file)), qPrintable(c.errorString()));
    QVERIFY(s.request.options.isEmpty());
    QVERIFY(s.received == file);
    QCOMPARE(s.sizes.constLast(), 0);   // an exact multiple of 512 ends with an empty DATA
    QCOMPARE(s.arrivals.size(), 4);
}

void tst_tftpput::repeatedAcksNeverResend_data()
{
    QTest::addColumn<int>("window");
    QTest::newRow("lock-step") << 1;
    QTest::newRow("windowed") << 4;
}

void tst_tftpput::repeatedAcksNeverResend()
{
    QFETCH(int, window);
    // Every ACK comes twice at once and twice more while the next window is on its way (the Sorcerer's
    // Apprentice set-up): a repeated ACK moves nothing and sends nothing, so every block goes out once.
    const QByteArray file = randomBytes(512 * 30 + 7, 6);
    FakeReceiver s;
    s.extraAcks = 1;
    s.lateRepeats = 2;
    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = window;
    c.setOptions(o);
    QVERIFY2(run(c, s, writeFile(file)), qPrintable(c.errorString()));
    QVERIFY(s.received == file);
    QList<qint64> once;
    for (qint64 b = 1; b <= 31; ++b)
        once.append(b);
    QCOMPARE(s.arrivals, once);
    QCOMPARE(c.progress().retransmissions, quint64(0));
}

void tst_tftpput::ackInsideWindowRestartsAfterIt()
{
    // Window 8; block 3 is lost on the way: the server ACKs 2 at once (when 4 arrives), and the client sends
    // the next window from 3 (3..10) at once, without waiting for its timer.
    const QByteArray file = randomBytes(512 * 20 + 100, 7);
    FakeReceiver s;
    s.dropDataOnce = 3;
    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 8;
    o.timeoutMs = 60000;   // the timer must play no part
    o.retries = 0;
    c.setOptions(o);
    QVERIFY2(run(c, s, writeFile(file), 20000), qPrintable(c.errorString()));
    QVERIFY(s.received == file);
    const QList<qint64> firstWindows{1, 2, 3, 4, 5, 6, 7, 8, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
    QCOMPARE(s.arrivals.mid(0, firstWindows.size()), firstWindows);
    QCOMPARE(s.arrivals.constLast(), qint64(21));
    QCOMPARE(c.progress().retransmissions, quint64(6));   // 3..8 went out twice
}

void tst_tftpput::lostAckResentByTimerWithBackOff_data()
{
    QTest::addColumn<int>("window");
    QTest::addColumn<qint64>("block");   // whose ACK is lost three times
    QTest::newRow("lock-step") << 1 << qint64(5);
    QTest::newRow("windowed: the whole window again") << 4 << qint64(8);
    QTest::newRow("the final ACK") << 4 << qint64(11);
}

void tst_tftpput::lostAckResentByTimerWithBackOff()
{
    QFETCH(int, window);
    QFETCH(qint64, block);
    const QByteArray file = randomBytes(512 * 10 + 50, 8);   // 11 blocks
    FakeReceiver s;
    s.dropAckBlock = block;
    s.dropAckTimes = 3;
    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = window;
    c.setOptions(o);
    c.setTraceEnabled(true);
    QList<TraceEntry> trace;
    connect(&c, &Client::packetTraced, this, [&trace](const TraceEntry &e) { trace.append(e); });
    QVERIFY2(run(c, s, writeFile(file)), qPrintable(c.errorString()));
    QVERIFY(s.received == file);
    // The window that ends with the block went out three more times, whole, and nothing else twice.
    const qint64 first = block - (block - 1) % window;
    QCOMPARE(int(s.arrivals.count(first)), 4);
    QCOMPARE(int(s.arrivals.count(block)), 4);
    QCOMPARE(c.progress().retransmissions, quint64(3 * (block - first + 1)));
    // Each resend waited longer than the one before: the timeout doubles (adaptive: at least 100 ms, so
    // at least 200 and 400 ms; a busy machine only makes the waits longer).
    QList<qint64> sent;   // when DATA <block> went out, first and again
    const QString summary = dataSummary(quint16(block), block == 11 ? 50 : 512);
    for (const TraceEntry &e : std::as_const(trace)) {
        if (e.outgoing && e.summary == summary)
            sent.append(e.elapsedMs);
    }
    QCOMPARE(sent.size(), 4);
    QVERIFY2(sent.at(1) - sent.at(0) >= 99, qPrintable(QString::number(sent.at(1) - sent.at(0))));
    QVERIFY2(sent.at(2) - sent.at(1) >= 199, qPrintable(QString::number(sent.at(2) - sent.at(1))));
    QVERIFY2(sent.at(3) - sent.at(2) >= 399, qPrintable(QString::number(sent.at(3) - sent.at(2))));
}

void tst_tftpput::errorFromServer_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<qint64>("afterBlock");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("text");
    QTest::newRow("access violation at once") << int(FakeReceiver::ErrorAnswer) << qint64(-1) << 2
                                               << int(Client::AccessViolationError) << "refused access";
    QTest::newRow("file exists") << int(FakeReceiver::ErrorAnswer) << qint64(-1) << 6
                                  << int(Client::FileExistsError) << "already exists";
    QTest::newRow("disk full mid-transfer") << int(FakeReceiver::OackAnswer) << qint64(6) << 3
                                             << int(Client::DiskFullError) << "disk is full";
}

void tst_tftpput::errorFromServer()
{
    QFETCH(int, answer);
    QFETCH(qint64, afterBlock);
    QFETCH(int, code);
    QFETCH(int, error);
    QFETCH(QString, text);
    FakeReceiver s;
    s.answer = FakeReceiver::Answer(answer);
    s.errorAfterBlock = afterBlock;
    s.errorCode = quint16(code);
    s.errorMessage = "No way";
    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 2;
    c.setOptions(o);
    QVERIFY(!run(c, s, writeFile(randomBytes(512 * 20, 9))));
    QCOMPARE(int(c.error()), error);
    QVERIFY2(c.errorString().contains(text), qPrintable(c.errorString()));
    QVERIFY2(c.errorString().contains(QLatin1String("No way")), qPrintable(c.errorString()));
    QCOMPARE(c.state(), Client::Failed);
    // An ERROR is never answered.
    QTest::qWait(50);
    QCOMPARE(s.others.size(), 0);
}

void tst_tftpput::strangerGetsError5()
{
    // An ACK from another port mid-transfer is answered with ERROR 5 and changes nothing.
    const QByteArray file = randomBytes(512 * 12 + 1, 10);
    FakeReceiver s;
    s.strangerAfterBlock = 4;
    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 4;
    c.setOptions(o);
    QVERIFY2(run(c, s, writeFile(file)), qPrintable(c.errorString()));
    QVERIFY(s.received == file);
    QTRY_COMPARE(s.toStranger.size(), 1);   // the stranger's ERROR is not answered
    QCOMPARE(s.toStranger.first().opcode, Opcode::Error);
    QCOMPARE(s.toStranger.first().errorCode, quint16(5));
    QCOMPARE(c.progress().retransmissions, quint64(0));
}

void tst_tftpput::optionsRefusedAskAgain()
{
    // ERROR 8 to the first WRQ: asked once more without options, as a download does.
    const QByteArray file = randomBytes(3000, 11);
    FakeReceiver s;
    s.refuseOption = "*";
    Client c;
    c.setTraceEnabled(true);
    QStringList trace;
    connect(&c, &Client::packetTraced, this, [&trace](const TraceEntry &e) { trace.append(e.summary); });
    QVERIFY2(run(c, s, writeFile(file)), qPrintable(c.errorString()));
    QVERIFY(s.received == file);
    QCOMPARE(s.requests.size(), 2);
    QVERIFY(!s.requests.first().options.isEmpty());
    QVERIFY(s.requests.last().options.isEmpty());
    QCOMPARE(c.negotiatedBlockSize(), 512);
    QVERIFY2(trace.join(QLatin1Char('\n')).contains(QLatin1String("asking again without options")),
             qPrintable(trace.join(QLatin1Char('\n'))));
}

void tst_tftpput::serverStopsAnswering()
{
    FakeReceiver s;
    s.silentAfterBlock = 3;
    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 1;
    o.timeoutMs = 50;
    o.retries = 2;
    c.setOptions(o);
    QVERIFY(!run(c, s, writeFile(randomBytes(512 * 10, 12)), 10000));
    QCOMPARE(c.error(), Client::TimeoutError);
    QVERIFY2(c.errorString().contains(QLatin1String("stopped acknowledging")), qPrintable(c.errorString()));
    QCOMPARE(c.progress().retransmissions, quint64(2));
    QCOMPARE(c.progress().bytes, qint64(3 * 512));
    QCOMPARE(int(s.arrivals.count(4)), 3);
    // The server is told.
    QTRY_VERIFY(!s.others.isEmpty());
    QCOMPARE(s.others.constLast().opcode, Opcode::Error);
}

void tst_tftpput::rollover()
{
    // 131073 blocks of 8 bytes: the block numbers wrap twice.
    const QByteArray file = randomBytes(1024 * 1024, 13);
    FakeReceiver s;
    Client c;
    ClientOptions o;
    o.blockSize = 8;
    o.windowSize = 64;
    c.setOptions(o);
    QVERIFY2(run(c, s, writeFile(file), 60000), qPrintable(c.errorString()));
    QVERIFY(s.received == file);
    QCOMPARE(s.arrivals.constLast(), qint64(131073));
    QCOMPARE(c.progress().blocks, quint64(131073));
    QCOMPARE(c.progress().bytes, qint64(file.size()));
}

void tst_tftpput::localFileRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    QTest::newRow("missing") << "missing" << "No such file";
    QTest::newRow("folder") << "folder" << "is a folder";
    QTest::newRow("FIFO") << "fifo" << "not a regular file";
    QTest::newRow("device") << "device" << "not a regular file";
    QTest::newRow("empty path") << "" << "Choose the file";
}

void tst_tftpput::localFileRefused()
{
    // Refused with LocalFileError by upload() itself: nothing is sent, nothing blocks (a FIFO without writer).
    QFETCH(QString, kind);
    QFETCH(QString, text);
    QString path;
    if (kind == QLatin1String("missing"))
        path = m_dir->filePath(QStringLiteral("missing.bin"));
    else if (kind == QLatin1String("folder"))
        path = m_dir->path();
    else if (kind == QLatin1String("fifo")) {
        path = m_dir->filePath(QStringLiteral("fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    } else if (kind == QLatin1String("device"))
        path = QStringLiteral("/dev/zero");
    FakeReceiver s;
    Client c;
    QSignalSpy finished(&c, &Client::finished);
    QVERIFY(!c.upload(s.host(), s.port(), QStringLiteral("up.bin"), path));
    QCOMPARE(c.error(), Client::LocalFileError);
    QVERIFY2(c.errorString().contains(text), qPrintable(c.errorString()));
    QCOMPARE(c.state(), Client::Idle);
    QTest::qWait(50);
    QCOMPARE(s.requests.size(), 0);
    QCOMPARE(finished.count(), 0);
}

void tst_tftpput::cancelSendsError0()
{
    FakeReceiver s;
    s.silentAfterBlock = 2;
    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 1;
    c.setOptions(o);
    QSignalSpy finished(&c, &Client::finished);
    QVERIFY(c.upload(s.host(), s.port(), QStringLiteral("up.bin"), writeFile(randomBytes(512 * 10, 14))));
    QTRY_VERIFY(s.arrivals.size() >= 3);
    c.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(c.error(), Client::CancelledError);
    QTRY_COMPARE(s.others.size(), 1);
    QCOMPARE(s.others.first().opcode, Opcode::Error);
    QCOMPARE(s.others.first().errorCode, quint16(0));
}

void tst_tftpput::protocolErrors_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<QString>("text");
    QTest::newRow("ACK 5 first") << int(FakeReceiver::Ack5Answer) << "acknowledged block 5 before any data";
    QTest::newRow("DATA to an upload") << int(FakeReceiver::DataAnswer) << "unexpected DATA packet";
}

void tst_tftpput::protocolErrors()
{
    QFETCH(int, answer);
    QFETCH(QString, text);
    FakeReceiver s;
    s.answer = FakeReceiver::Answer(answer);
    Client c;
    QVERIFY(!run(c, s, writeFile(randomBytes(100, 15))));
    QCOMPARE(c.error(), Client::ProtocolError);
    QVERIFY2(c.errorString().contains(text), qPrintable(c.errorString()));
    // The server is told (ERROR 4), and got no DATA.
    QTRY_COMPARE(s.others.size(), 1);
    QCOMPARE(s.others.first().errorCode, quint16(4));
    QCOMPARE(s.arrivals.size(), 0);
}

void tst_tftpput::repeatedOackIgnored()
{
    // An OACK repeated mid-transfer is no reason to send anything.
    const QByteArray file = randomBytes(512 * 8 + 3, 16);
    FakeReceiver s;
    s.oackAgainAfterBlock = 2;
    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 1;
    c.setOptions(o);
    QVERIFY2(run(c, s, writeFile(file)), qPrintable(c.errorString()));
    QVERIFY(s.received == file);
    QCOMPARE(s.arrivals.size(), 9);
    QCOMPARE(c.progress().retransmissions, quint64(0));
}

void tst_tftpput::progress()
{
    // Bytes acknowledged, rising to the file's size, which is the total from the start.
    const QByteArray file = randomBytes(2 * 1024 * 1024, 17);
    FakeReceiver s;
    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 4;
    c.setOptions(o);
    QList<Progress> seen;
    connect(&c, &Client::progressChanged, this, [&seen](const Progress &p) { seen.append(p); });
    QVERIFY2(run(c, s, writeFile(file), 60000), qPrintable(c.errorString()));
    QVERIFY(!seen.isEmpty());
    qint64 last = 0;
    for (const Progress &p : std::as_const(seen)) {
        QCOMPARE(p.total, qint64(file.size()));
        QVERIFY(p.bytes >= last);
        QVERIFY(p.bytes <= p.total);
        QCOMPARE(p.bytes, qMin(qint64(p.blocks) * 512, qint64(file.size())));
        last = p.bytes;
    }
    QVERIFY(seen.constLast().ended);
    QCOMPARE(seen.constLast().bytes, qint64(file.size()));
    QVERIFY(seen.constLast().bytesPerSecond > 0);
}

void tst_tftpput::trace()
{
    const QByteArray file = randomBytes(512 * 2 + 10, 18);
    FakeReceiver s;
    Client c;
    ClientOptions o;
    o.blockSize = 512;
    o.windowSize = 1;
    c.setOptions(o);
    c.setTraceEnabled(true);
    QStringList trace;
    connect(&c, &Client::packetTraced, this, [&trace](const TraceEntry &e) {
        trace.append(QLatin1String(e.outgoing ? "> " : "< ") + e.summary);
    });
    QVERIFY2(run(c, s, writeFile(file)), qPrintable(c.errorString()));
    const QStringList expected{
        QStringLiteral("> WRQ up.bin octet blksize=512 tsize=1034"),
        QStringLiteral("< OACK blksize=512 tsize=1034"),
        QStringLiteral("> DATA 1 (512 bytes)"), QStringLiteral("< ACK 1"),
        QStringLiteral("> DATA 2 (512 bytes)"), QStringLiteral("< ACK 2"),
        QStringLiteral("> DATA 3 (10 bytes)"), QStringLiteral("< ACK 3")};
    QCOMPARE(trace, expected);
}

QTEST_GUILESS_MAIN(tst_tftpput)
#include "tst_tftpput.moc"
