// Option negotiation as values: ClientOptions::validate(), the request's options, the client's OACK check
// and the server's side (RFC 2347/2348/2349/7440).

#include "tftp/tftpoptions.h"

#include <QTest>

using namespace NetPoke::Tftp;

Q_DECLARE_METATYPE(NetPoke::Tftp::ClientOptions::Field)

namespace {

QByteArray oackText(const QList<Option> &options)
{
    QByteArrayList parts;
    for (const Option &o : options)
        parts.append(o.name + '=' + o.value);
    return parts.join(' ');
}

QList<Option> options(const QByteArray &text)
{
    QList<Option> list;
    for (const QByteArray &part : text.split(' ')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        list.append(Option{part.left(eq), part.mid(eq + 1)});
    }
    return list;
}

} // namespace

class tst_tftpoptions : public QObject
{
    Q_OBJECT

private slots:
    void validate_data();
    void validate();
    void validateMaxSize();
    void requestFor_data();
    void requestFor();
    void withoutRefused_data();
    void withoutRefused();
    void checkOack_data();
    void checkOack();
    void negotiateAsServer_data();
    void negotiateAsServer();
    void blockSizeForMtu();
    void windowForReceiveBuffer();
};

void tst_tftpoptions::validate_data()
{
    QTest::addColumn<int>("blockSize");
    QTest::addColumn<int>("windowSize");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<int>("retries");
    QTest::addColumn<bool>("rfc1350");
    QTest::addColumn<ClientOptions::Field>("field");
    QTest::addColumn<QString>("message");   // part of the error; empty: valid

    QTest::newRow("defaults") << 0 << 8 << 0 << 5 << false << ClientOptions::NoField << QString();
    QTest::newRow("limits") << 8 << 32767 << 255000 << 1000 << false << ClientOptions::NoField << QString();
    QTest::newRow("largest block") << 65464 << 0 << 1 << 0 << false << ClientOptions::NoField << QString();
    QTest::newRow("window 65535") << 0 << 65535 << 0 << 5 << false << ClientOptions::WindowSizeField
                                  << "Window size 65535 is too large: at most 32767";
    QTest::newRow("window 32768") << 0 << 32768 << 0 << 5 << false << ClientOptions::WindowSizeField << "at most 32767";
    QTest::newRow("window negative") << 0 << -1 << 0 << 5 << false << ClientOptions::WindowSizeField << "-1";
    QTest::newRow("block 7") << 7 << 8 << 0 << 5 << false << ClientOptions::BlockSizeField << "8 to 65464";
    QTest::newRow("block 65465") << 65465 << 8 << 0 << 5 << false << ClientOptions::BlockSizeField << "65465";
    QTest::newRow("timeout negative") << 0 << 8 << -1 << 5 << false << ClientOptions::TimeoutField << "255000";
    QTest::newRow("timeout 255001") << 0 << 8 << 255001 << 5 << false << ClientOptions::TimeoutField << "255001";
    QTest::newRow("retries negative") << 0 << 8 << 0 << -1 << false << ClientOptions::RetriesField << "0 to 1000";
    QTest::newRow("retries 1001") << 0 << 8 << 0 << 1001 << false << ClientOptions::RetriesField << "1001";
    // RFC 1350 only asks nothing: block and window sizes do not matter.
    QTest::newRow("rfc1350, window 65535") << 0 << 65535 << 0 << 5 << true << ClientOptions::NoField << QString();
    QTest::newRow("rfc1350, timeout") << 0 << 8 << 300000 << 5 << true << ClientOptions::TimeoutField << "300000";
}

void tst_tftpoptions::validate()
{
    QFETCH(int, blockSize);
    QFETCH(int, windowSize);
    QFETCH(int, timeoutMs);
    QFETCH(int, retries);
    QFETCH(bool, rfc1350);
    QFETCH(ClientOptions::Field, field);
    QFETCH(QString, message);
    ClientOptions o;
    o.blockSize = blockSize;
    o.windowSize = windowSize;
    o.timeoutMs = timeoutMs;
    o.retries = retries;
    o.rfc1350Only = rfc1350;
    ClientOptions::Field got = ClientOptions::RetriesField;
    const QString error = o.validate(&got);
    QCOMPARE(got, field);
    if (message.isEmpty())
        QCOMPARE(error, QString());
    else
        QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(o.validate(), error);   // the field is optional
}

void tst_tftpoptions::validateMaxSize()
{
    ClientOptions o;
    QCOMPARE(o.maxSize, qint64(0));   // no limit unless asked
    ClientOptions::Field field = ClientOptions::NoField;
    o.maxSize = MaxTsize;
    QCOMPARE(o.validate(&field), QString());
    o.maxSize = -1;
    QCOMPARE(o.validate(&field), QStringLiteral("Max size -1 is negative: use 0 (no limit) or a number of bytes."));
    QCOMPARE(field, ClientOptions::MaxSizeField);
}

void tst_tftpoptions::requestFor_data()
{
    QTest::addColumn<int>("blockSize");
    QTest::addColumn<int>("windowSize");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<bool>("tsize");
    QTest::addColumn<bool>("rfc1350");
    QTest::addColumn<int>("fits");          // what the receive buffer holds
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("defaults") << 0 << 8 << 0 << true << false << 8 << QByteArray("blksize=1468 tsize=0 windowsize=8");
    QTest::newRow("rfc1350") << 0 << 8 << 500 << true << true << 8 << QByteArray();
    QTest::newRow("lock-step is not asked") << 512 << 1 << 0 << true << false << 1 << QByteArray("blksize=512 tsize=0");
    QTest::newRow("window 0 is not asked") << 512 << 0 << 0 << false << false << 1 << QByteArray("blksize=512");
    QTest::newRow("lowered to the buffer") << 65464 << 8 << 0 << true << false << 3
                                           << QByteArray("blksize=65464 tsize=0 windowsize=3");
    QTest::newRow("buffer holds one") << 65464 << 8 << 0 << true << false << 1 << QByteArray("blksize=65464 tsize=0");
    QTest::newRow("window clamped") << 512 << 65535 << 0 << false << false << 100000
                                    << QByteArray("blksize=512 windowsize=32767");
    QTest::newRow("timeout rounded up") << 1000 << 4 << 1500 << false << false << 4
                                        << QByteArray("blksize=1000 timeout=2 windowsize=4");
    QTest::newRow("timeout at most 255 s") << 1000 << 1 << 300000 << false << false << 1
                                           << QByteArray("blksize=1000 timeout=255");
    QTest::newRow("block clamped") << 70000 << 1 << 0 << false << false << 1 << QByteArray("blksize=65464");
}

void tst_tftpoptions::requestFor()
{
    QFETCH(int, blockSize);
    QFETCH(int, windowSize);
    QFETCH(int, timeoutMs);
    QFETCH(bool, tsize);
    QFETCH(bool, rfc1350);
    QFETCH(int, fits);
    QFETCH(QByteArray, expected);
    ClientOptions o;
    o.blockSize = blockSize;
    o.windowSize = windowSize;
    o.timeoutMs = timeoutMs;
    o.requestTsize = tsize;
    o.rfc1350Only = rfc1350;
    const RequestedOptions r = NetPoke::Tftp::requestFor(o, 1468, fits);
    QCOMPARE(oackText(r.toList()), expected);
    QCOMPARE(r.any(), !expected.isEmpty());
    QByteArrayList names;
    for (const Option &opt : r.toList())
        names.append(opt.name);
    QCOMPARE(r.names(), names);
}

void tst_tftpoptions::withoutRefused_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("left");
    QTest::newRow("names none (tftpd-hpa)") << QByteArray("Unsupported option(s) requested") << QByteArray();
    QTest::newRow("names tsize") << QByteArray("tsize not supported in netascii mode")
                                 << QByteArray("blksize=1468 windowsize=8");
    QTest::newRow("case-insensitive") << QByteArray("BLKSIZE too large") << QByteArray("tsize=0 windowsize=8");
    QTest::newRow("names two") << QByteArray("no windowsize, no tsize") << QByteArray("blksize=1468");
    QTest::newRow("empty message") << QByteArray() << QByteArray();
}

void tst_tftpoptions::withoutRefused()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, left);
    RequestedOptions asked;
    asked.blockSize = 1468;
    asked.windowSize = 8;
    asked.tsize = true;
    QCOMPARE(oackText(asked.withoutRefused(message).toList()), left);
}

void tst_tftpoptions::checkOack_data()
{
    QTest::addColumn<QByteArray>("asked");      // as name=value; tsize=1 means asked
    QTest::addColumn<QByteArray>("oack");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("error");         // part of errorString
    QTest::addColumn<QByteArray>("wire");       // the ERROR 8 message
    QTest::addColumn<int>("blockSize");
    QTest::addColumn<int>("windowSize");
    QTest::addColumn<qint64>("tsize");

    QTest::newRow("all granted") << QByteArray("blksize=1468 tsize=1 windowsize=8") << QByteArray("blksize=1468 tsize=5000 windowsize=8")
                                 << true << QString() << QByteArray() << 1468 << 8 << qint64(5000);
    QTest::newRow("smaller values") << QByteArray("blksize=1468 windowsize=8") << QByteArray("windowsize=2 blksize=512")
                                    << true << QString() << QByteArray() << 512 << 2 << qint64(-1);
    QTest::newRow("some left out") << QByteArray("blksize=1468 tsize=1 windowsize=8") << QByteArray("blksize=1000")
                                   << true << QString() << QByteArray() << 1000 << 1 << qint64(-1);
    QTest::newRow("not asked") << QByteArray("blksize=1468") << QByteArray("blksize=1468 x-surprise=1") << false
                               << "\"x-surprise\", which was not asked for" << QByteArray("Option not requested")
                               << 0 << 0 << qint64(-1);
    QTest::newRow("tsize not asked") << QByteArray("blksize=1468") << QByteArray("tsize=5") << false << "\"tsize\""
                                     << QByteArray("Option not requested") << 0 << 0 << qint64(-1);
    QTest::newRow("bigger blksize") << QByteArray("blksize=1000") << QByteArray("blksize=1001") << false
                                    << "blksize = 1001, more than the 1000" << QByteArray("Option value larger than requested: blksize")
                                    << 0 << 0 << qint64(-1);
    QTest::newRow("bigger window") << QByteArray("blksize=512 windowsize=4") << QByteArray("windowsize=5") << false
                                   << "windowsize = 5" << QByteArray("Option value larger than requested: windowsize")
                                   << 0 << 0 << qint64(-1);
    QTest::newRow("bigger timeout") << QByteArray("timeout=2") << QByteArray("timeout=3") << false << "timeout = 3"
                                    << QByteArray("Option value larger than requested: timeout") << 0 << 0 << qint64(-1);
    QTest::newRow("nothing asked") << QByteArray() << QByteArray("blksize=512") << false
                                   << "options that were not asked for" << QByteArray("No options were requested")
                                   << 0 << 0 << qint64(-1);
}

void tst_tftpoptions::checkOack()
{
    QFETCH(QByteArray, asked);
    QFETCH(QByteArray, oack);
    QFETCH(bool, ok);
    QFETCH(QString, error);
    QFETCH(QByteArray, wire);
    QFETCH(int, blockSize);
    QFETCH(int, windowSize);
    QFETCH(qint64, tsize);
    RequestedOptions r;
    for (const Option &o : options(asked)) {
        if (o.name == "blksize")
            r.blockSize = o.value.toInt();
        else if (o.name == "windowsize")
            r.windowSize = o.value.toInt();
        else if (o.name == "timeout")
            r.timeoutS = o.value.toInt();
        else if (o.name == "tsize")
            r.tsize = true;
    }
    const OackCheck c = NetPoke::Tftp::checkOack(r, options(oack));
    QCOMPARE(c.ok, ok);
    if (!ok) {
        QVERIFY2(c.errorString.contains(error), qPrintable(c.errorString));
        QVERIFY(c.errorString.contains(QLatin1String("TFTP error 8")));
        QCOMPARE(c.wireMessage, wire);
        return;
    }
    QCOMPARE(c.agreed.blockSize, blockSize);
    QCOMPARE(c.agreed.windowSize, windowSize);
    QCOMPARE(c.agreed.tsize, tsize);
}

void tst_tftpoptions::negotiateAsServer_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("write");
    QTest::addColumn<qint64>("fileSize");
    QTest::addColumn<int>("maxBlock");
    QTest::addColumn<int>("maxWindow");
    QTest::addColumn<QByteArray>("oack");
    QTest::addColumn<int>("blockSize");
    QTest::addColumn<int>("windowSize");

    QTest::newRow("as asked") << QByteArray("blksize=1468 tsize=0 timeout=3 windowsize=16") << false << qint64(9000)
                              << 65464 << 65535 << QByteArray("blksize=1468 tsize=9000 timeout=3 windowsize=16") << 1468 << 16;
    QTest::newRow("unknown left out") << QByteArray("x-foo=1 blksize=512 rollover=0") << false << qint64(1) << 65464 << 65535
                                      << QByteArray("blksize=512") << 512 << 1;
    QTest::newRow("nothing known: no OACK") << QByteArray("utimeout=1000") << false << qint64(1) << 65464 << 65535
                                            << QByteArray() << 512 << 1;
    QTest::newRow("blksize below 8 ignored") << QByteArray("blksize=7") << false << qint64(1) << 65464 << 65535
                                             << QByteArray() << 512 << 1;
    QTest::newRow("blksize above 65464") << QByteArray("blksize=70000") << false << qint64(1) << 65464 << 65535
                                         << QByteArray("blksize=65464") << 65464 << 1;
    QTest::newRow("blksize above the server's") << QByteArray("blksize=9000") << false << qint64(1) << 1468 << 65535
                                                << QByteArray("blksize=1468") << 1468 << 1;
    QTest::newRow("blksize not a number") << QByteArray("blksize=big") << false << qint64(1) << 65464 << 65535
                                          << QByteArray() << 512 << 1;
    QTest::newRow("windowsize 0 ignored") << QByteArray("windowsize=0") << false << qint64(1) << 65464 << 65535
                                          << QByteArray() << 512 << 1;
    QTest::newRow("windowsize above 65535") << QByteArray("windowsize=70000") << false << qint64(1) << 65464 << 65535
                                            << QByteArray("windowsize=65535") << 512 << 65535;
    QTest::newRow("windowsize above the server's") << QByteArray("windowsize=64") << false << qint64(1) << 65464 << 16
                                                   << QByteArray("windowsize=16") << 512 << 16;
    QTest::newRow("no windowsize offered") << QByteArray("windowsize=8 blksize=1000") << false << qint64(1) << 65464 << 0
                                           << QByteArray("blksize=1000") << 1000 << 1;
    QTest::newRow("timeout out of range") << QByteArray("timeout=0 timeout2=5") << false << qint64(1) << 65464 << 65535
                                          << QByteArray() << 512 << 1;
    QTest::newRow("timeout 256") << QByteArray("timeout=256") << false << qint64(1) << 65464 << 65535 << QByteArray() << 512 << 1;
    QTest::newRow("tsize, size unknown") << QByteArray("tsize=0 blksize=512") << false << qint64(-1) << 65464 << 65535
                                         << QByteArray("blksize=512") << 512 << 1;
    QTest::newRow("tsize of a WRQ echoed") << QByteArray("tsize=123456") << true << qint64(-1) << 65464 << 65535
                                           << QByteArray("tsize=123456") << 512 << 1;
    QTest::newRow("upper case, duplicate") << QByteArray("BLKSIZE=1000 blksize=2000") << false << qint64(1) << 65464 << 65535
                                           << QByteArray("blksize=1000") << 1000 << 1;
}

void tst_tftpoptions::negotiateAsServer()
{
    QFETCH(QByteArray, request);
    QFETCH(bool, write);
    QFETCH(qint64, fileSize);
    QFETCH(int, maxBlock);
    QFETCH(int, maxWindow);
    QFETCH(QByteArray, oack);
    QFETCH(int, blockSize);
    QFETCH(int, windowSize);
    ServerLimits limits;
    limits.maxBlockSize = maxBlock;
    limits.maxWindowSize = maxWindow;
    const ServerAnswer a = NetPoke::Tftp::negotiateAsServer(options(request), write, fileSize, limits);
    QCOMPARE(oackText(a.oack), oack);
    QCOMPARE(a.agreed.blockSize, blockSize);
    QCOMPARE(a.agreed.windowSize, windowSize);
    // What the server answers, the client accepts (never more than asked, nothing unasked).
    RequestedOptions asked;
    for (const Option &o : options(request)) {
        const qint64 v = parseDecimal(o.value);
        if (o.name == "blksize" && v >= MinBlockSize && !asked.blockSize)
            asked.blockSize = int(qMin<qint64>(v, MaxBlockSize));
        else if (o.name == "windowsize" && v > 0)
            asked.windowSize = int(qMin<qint64>(v, MaxWindowSize));
        else if (o.name == "timeout" && v > 0)
            asked.timeoutS = int(v);
        else if (o.name == "tsize")
            asked.tsize = true;
    }
    if (!a.oack.isEmpty())
        QVERIFY(NetPoke::Tftp::checkOack(asked, a.oack).ok);
}

void tst_tftpoptions::blockSizeForMtu()
{
    QCOMPARE(NetPoke::Tftp::blockSizeForMtu(1500, false), 1468);
    QCOMPARE(NetPoke::Tftp::blockSizeForMtu(1500, true), 1448);
    QCOMPARE(NetPoke::Tftp::blockSizeForMtu(65536, false), 65464);   // loopback: capped by RFC 2348
    QCOMPARE(NetPoke::Tftp::blockSizeForMtu(100, false), 512);       // never below RFC 1350's
}

void tst_tftpoptions::windowForReceiveBuffer()
{
    const qint64 perDatagram = receiveBufferPerDatagram(65464);
    QCOMPARE(perDatagram, (65464 + 4 + 1024) * 2);
    QCOMPARE(NetPoke::Tftp::windowForReceiveBuffer(8 * perDatagram, 65464, 8), 8);
    QCOMPARE(NetPoke::Tftp::windowForReceiveBuffer(8 * perDatagram - 1, 65464, 8), 7);
    QCOMPARE(NetPoke::Tftp::windowForReceiveBuffer(1000, 65464, 8), 1);
    QCOMPARE(NetPoke::Tftp::windowForReceiveBuffer(1000, 65464, 0), 0);   // not asked stays not asked
}

QTEST_GUILESS_MAIN(tst_tftpoptions)
#include "tst_tftpoptions.moc"
