// TFTP packet codec: every opcode both ways, malformed inputs, option edge values.

#include "textcodec.h"
#include "tftp/tftppacket.h"

#include <QRandomGenerator>
#include <QTest>

using namespace NetPoke::Tftp;

Q_DECLARE_METATYPE(NetPoke::Tftp::ParseError)

#define B(literal) QByteArray(literal, sizeof(literal) - 1)

namespace {
QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray out;
    for (int v : values)
        out.append(char(v));
    return out;
}
} // namespace

class tst_tftppacket : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void wireFormat();
    void dataFastPath();
    void malformed_data();
    void malformed();
    void optionValues_data();
    void optionValues();
    void optionCaseAndLookup();
    void summaries();
    void randomBytesNeverCrash();
};

void tst_tftppacket::roundTrip_data()
{
    QTest::addColumn<QByteArray>("wire");
    const QList<Option> opts{{"blksize", "1468"}, {"tsize", "0"}, {"windowsize", "8"}, {"timeout", "3"}};
    QTest::newRow("rrq") << Packet::rrq("file.bin", "octet").serialize();
    QTest::newRow("rrq options") << Packet::rrq("dir/file.bin", "netascii", opts).serialize();
    QTest::newRow("rrq unknown option") << Packet::rrq("f", "octet", {{"x-vendor", "abc"}}).serialize();
    QTest::newRow("wrq") << Packet::wrq("upload.txt", "octet", opts).serialize();
    QTest::newRow("data") << Packet::dataPacket(17, QByteArray(512, 'x')).serialize();
    QTest::newRow("data empty") << Packet::dataPacket(1, {}).serialize();
    QTest::newRow("data 65535") << Packet::dataPacket(65535, "abc").serialize();
    QTest::newRow("data 0") << Packet::dataPacket(0, "abc").serialize();
    QTest::newRow("data max") << Packet::dataPacket(1, QByteArray(MaxBlockSize, '\0')).serialize();
    QTest::newRow("ack 0") << Packet::ack(0).serialize();
    QTest::newRow("ack 65535") << Packet::ack(65535).serialize();
    QTest::newRow("error") << Packet::error(1, "File not found").serialize();
    QTest::newRow("error empty message") << Packet::error(0, {}).serialize();
    QTest::newRow("error code 8") << Packet::error(8, "option refused").serialize();
    QTest::newRow("oack") << Packet::oack(opts).serialize();
    QTest::newRow("oack empty") << Packet::oack({}).serialize();
}

void tst_tftppacket::roundTrip()
{
    QFETCH(QByteArray, wire);
    const ParseResult r = parse(wire);
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    QCOMPARE(r.packet.serialize(), wire);
}

void tst_tftppacket::wireFormat()
{
    QCOMPARE(Packet::rrq("a.txt", "octet").serialize(), B("\0\1a.txt\0octet\0"));
    QCOMPARE(Packet::rrq("a", "octet", {{"blksize", "1468"}}).serialize(),
             B("\0\1a\0octet\0blksize\0" "1468\0"));
    QCOMPARE(Packet::dataPacket(0x1234, "hi").serialize(), B("\0\3\x12\x34hi"));
    QCOMPARE(Packet::ack(258).serialize(), bytes({0, 4, 1, 2}));
    QCOMPARE(Packet::error(5, "Unknown transfer ID").serialize(), B("\0\5\0\5Unknown transfer ID\0"));
    QCOMPARE(Packet::oack({{"tsize", "99"}}).serialize(), B("\0\6tsize\0" "99\0"));

    const ParseResult r = parse(B("\0\1Dir/File.BIN\0OcTeT\0BLKSIZE\0" "512\0"));
    QVERIFY(r.ok());
    QCOMPARE(r.packet.opcode, Opcode::Rrq);
    QCOMPARE(r.packet.fileName, QByteArray("Dir/File.BIN"));   // file names keep their case
    QCOMPARE(r.packet.mode, QByteArray("octet"));
    QCOMPARE(r.packet.options.size(), 1);
    QCOMPARE(r.packet.options.first().name, QByteArray("blksize"));
    QCOMPARE(r.packet.optionValue("BlkSize"), QByteArray("512"));

    const ParseResult d = parse(bytes({0, 3, 0xff, 0xfe, 'a', 0, 'b'}));
    QVERIFY(d.ok());
    QCOMPARE(d.packet.opcode, Opcode::Data);
    QCOMPARE(d.packet.block, quint16(65534));
    QCOMPARE(d.packet.data, B("a\0b"));

    const ParseResult e = parse(B("\0\5\0\1File not found\0"));
    QVERIFY(e.ok());
    QCOMPARE(e.packet.errorCode, quint16(1));
    QCOMPARE(e.packet.errorMessage, QByteArray("File not found"));
    // Padding after the message's NUL is tolerated.
    QVERIFY(parse(B("\0\5\0\1x\0\0\0\0")).ok());
}

void tst_tftppacket::dataFastPath()
{
    quint16 block = 0;
    const QByteArray d = Packet::dataPacket(0xABCD, "xyz").serialize();
    QVERIFY(peekData(d.constData(), d.size(), &block));
    QCOMPARE(block, quint16(0xABCD));
    const QByteArray a = Packet::ack(1).serialize();
    QVERIFY(!peekData(a.constData(), a.size(), &block));
    QVERIFY(!peekData(d.constData(), 3, &block));
    char ack[4];
    writeAck(ack, 0xFEDC);
    QCOMPARE(QByteArray(ack, 4), Packet::ack(0xFEDC).serialize());
}

void tst_tftppacket::malformed_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<ParseError>("error");
    QTest::addColumn<int>("opcode");

    QTest::newRow("empty") << QByteArray() << ParseError::TooShort << 0;
    QTest::newRow("one byte") << bytes({0}) << ParseError::TooShort << 0;
    QTest::newRow("opcode 0") << bytes({0, 0, 1, 2}) << ParseError::UnknownOpcode << 0;
    QTest::newRow("opcode 7") << bytes({0, 7}) << ParseError::UnknownOpcode << 0;
    QTest::newRow("opcode 0x0103") << bytes({1, 3, 0, 1}) << ParseError::UnknownOpcode << 0;
    QTest::newRow("opcode 65535") << bytes({0xff, 0xff}) << ParseError::UnknownOpcode << 0;
    QTest::newRow("rrq bare") << bytes({0, 1}) << ParseError::TooShort << 1;
    QTest::newRow("rrq no nul") << B("\0\1file") << ParseError::MissingNul << 1;
    QTest::newRow("rrq empty name") << B("\0\1\0octet\0") << ParseError::EmptyFileName << 1;
    QTest::newRow("rrq no mode") << B("\0\1f\0") << ParseError::MissingNul << 1;
    QTest::newRow("rrq mode no nul") << B("\0\1f\0octet") << ParseError::MissingNul << 1;
    QTest::newRow("rrq bad mode") << B("\0\1f\0binary\0") << ParseError::BadMode << 1;
    QTest::newRow("rrq option no value") << B("\0\1f\0octet\0blksize\0") << ParseError::MissingNul << 1;
    QTest::newRow("rrq option name no nul") << B("\0\1f\0octet\0blk") << ParseError::MissingNul << 1;
    QTest::newRow("rrq option value no nul") << B("\0\1f\0octet\0blksize\0" "512") << ParseError::MissingNul << 1;
    QTest::newRow("rrq empty option name") << B("\0\1f\0octet\0\0" "1\0") << ParseError::EmptyOptionName << 1;
    QTest::newRow("rrq duplicate option") << B("\0\1f\0octet\0tsize\0" "0\0TSIZE\0" "0\0")
                                          << ParseError::DuplicateOption << 1;
    QTest::newRow("wrq no nul") << B("\0\2file") << ParseError::MissingNul << 2;
    QTest::newRow("data 3 bytes") << bytes({0, 3, 0}) << ParseError::TooShort << 3;
    QTest::newRow("data 2 bytes") << bytes({0, 3}) << ParseError::TooShort << 3;
    QTest::newRow("ack 3 bytes") << bytes({0, 4, 0}) << ParseError::TooShort << 4;
    QTest::newRow("ack 5 bytes") << bytes({0, 4, 0, 1, 0}) << ParseError::TrailingData << 4;
    QTest::newRow("error 3 bytes") << bytes({0, 5, 0}) << ParseError::TooShort << 5;
    QTest::newRow("error no message") << bytes({0, 5, 0, 1}) << ParseError::MissingNul << 5;
    QTest::newRow("error no nul") << B("\0\5\0\1oops") << ParseError::MissingNul << 5;
    QTest::newRow("oack no nul") << B("\0\6blksize") << ParseError::MissingNul << 6;
    QTest::newRow("oack value no nul") << B("\0\6blksize\0" "1024") << ParseError::MissingNul << 6;
    QTest::newRow("oack blksize 7") << B("\0\6blksize\0" "7\0") << ParseError::BadOptionValue << 6;
    QTest::newRow("oack blksize 65465") << B("\0\6blksize\0" "65465\0") << ParseError::BadOptionValue << 6;
    QTest::newRow("oack blksize empty") << B("\0\6blksize\0\0") << ParseError::BadOptionValue << 6;
    QTest::newRow("oack blksize sign") << B("\0\6blksize\0+512\0") << ParseError::BadOptionValue << 6;
    QTest::newRow("oack blksize space") << B("\0\6blksize\0 512\0") << ParseError::BadOptionValue << 6;
    QTest::newRow("oack blksize hex") << B("\0\6blksize\0" "0x200\0") << ParseError::BadOptionValue << 6;
    QTest::newRow("oack timeout 0") << B("\0\6timeout\0" "0\0") << ParseError::BadOptionValue << 6;
    QTest::newRow("oack timeout 256") << B("\0\6timeout\0" "256\0") << ParseError::BadOptionValue << 6;
    QTest::newRow("oack windowsize 0") << B("\0\6windowsize\0" "0\0") << ParseError::BadOptionValue << 6;
    QTest::newRow("oack windowsize 65536") << B("\0\6windowsize\0" "65536\0") << ParseError::BadOptionValue << 6;
    QTest::newRow("oack tsize negative") << B("\0\6tsize\0-1\0") << ParseError::BadOptionValue << 6;
    QTest::newRow("oack tsize huge") << B("\0\6tsize\0" "99999999999999999999\0") << ParseError::BadOptionValue << 6;
}

void tst_tftppacket::malformed()
{
    QFETCH(QByteArray, wire);
    QFETCH(ParseError, error);
    QFETCH(int, opcode);
    const ParseResult r = parse(wire);
    QVERIFY(!r.ok());
    QCOMPARE(r.error, error);
    QCOMPARE(int(r.packet.opcode), opcode);
    QVERIFY(!r.errorString.isEmpty());
}

void tst_tftppacket::optionValues_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("blksize 8") << QByteArray("blksize") << QByteArray("8") << qint64(8);
    QTest::newRow("blksize 7") << QByteArray("blksize") << QByteArray("7") << qint64(-1);
    QTest::newRow("blksize 65464") << QByteArray("blksize") << QByteArray("65464") << qint64(65464);
    QTest::newRow("blksize 65465") << QByteArray("blksize") << QByteArray("65465") << qint64(-1);
    QTest::newRow("blksize leading zeros") << QByteArray("blksize") << QByteArray("000512") << qint64(512);
    QTest::newRow("blksize upper case name") << QByteArray("BLKSIZE") << QByteArray("1024") << qint64(1024);
    QTest::newRow("timeout 1") << QByteArray("timeout") << QByteArray("1") << qint64(1);
    QTest::newRow("timeout 255") << QByteArray("timeout") << QByteArray("255") << qint64(255);
    QTest::newRow("timeout 0") << QByteArray("timeout") << QByteArray("0") << qint64(-1);
    QTest::newRow("windowsize 1") << QByteArray("windowsize") << QByteArray("1") << qint64(1);
    QTest::newRow("windowsize 65535") << QByteArray("windowsize") << QByteArray("65535") << qint64(65535);
    QTest::newRow("windowsize 65536") << QByteArray("windowsize") << QByteArray("65536") << qint64(-1);
    QTest::newRow("tsize 0") << QByteArray("tsize") << QByteArray("0") << qint64(0);
    QTest::newRow("tsize 8 GiB") << QByteArray("tsize") << QByteArray("8589934592") << qint64(8589934592LL);
    QTest::newRow("tsize 18 digits") << QByteArray("tsize") << QByteArray("999999999999999999") << qint64(999999999999999999LL);
    QTest::newRow("tsize 19 digits") << QByteArray("tsize") << QByteArray("1000000000000000000") << qint64(-1);
    QTest::newRow("tsize letters") << QByteArray("tsize") << QByteArray("12a") << qint64(-1);
    QTest::newRow("tsize empty") << QByteArray("tsize") << QByteArray("") << qint64(-1);
    QTest::newRow("unknown option") << QByteArray("x-other") << QByteArray("123") << qint64(123);
}

void tst_tftppacket::optionValues()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(qint64, expected);
    QCOMPARE(parseOptionValue(name, value), expected);
}

void tst_tftppacket::optionCaseAndLookup()
{
    const ParseResult r = parse(B("\0\6BlkSize\0" "1024\0TSize\0" "77\0x-unknown\0what ever\0"));
    QVERIFY2(r.ok(), qPrintable(r.errorString));
    QCOMPARE(r.packet.options.size(), 3);
    QVERIFY(r.packet.hasOption("blksize"));
    QVERIFY(r.packet.hasOption("TSIZE"));
    QVERIFY(!r.packet.hasOption("windowsize"));
    QCOMPARE(r.packet.optionValue("tsize"), QByteArray("77"));
    QCOMPARE(r.packet.optionValue("x-unknown"), QByteArray("what ever"));   // unknown values are not checked
    QCOMPARE(r.packet.optionValue("windowsize"), QByteArray());
}

void tst_tftppacket::summaries()
{
    QCOMPARE(Packet::rrq("file.bin", "octet", {{"blksize", "1468"}, {"tsize", "0"}}).summary(),
             QStringLiteral("RRQ file.bin octet blksize=1468 tsize=0"));
    QCOMPARE(Packet::dataPacket(17, QByteArray(1468, 'a')).summary(), QStringLiteral("DATA 17 (1468 bytes)"));
    QCOMPARE(Packet::ack(17).summary(), QStringLiteral("ACK 17"));
    QCOMPARE(Packet::error(1, "File not found").summary(), QStringLiteral("ERROR 1 File not found"));
    QCOMPARE(Packet::oack({{"blksize", "512"}}).summary(), QStringLiteral("OACK blksize=512"));
    // What a peer wrote is shown by the visible-text rule, once; many options stop with " …".
    QCOMPARE(Packet::rrq("a\\b\x1b[2J\xff", "oc\ttet").summary(), QStringLiteral(R"(RRQ a\\b\x1B[2J\xFF oc\ttet)"));
    QCOMPARE(Packet::error(0, "\xe2\x80\xae!\n").summary(), QStringLiteral(R"(ERROR 0 \u202E!\n)"));
    QList<Option> many;
    for (int i = 0; i < 500; ++i)
        many.append({"x" + QByteArray::number(i), "\x07"});
    const QString oack = Packet::oack(many).summary();
    QVERIFY2(oack.size() < 3 * NetPoke::TextCodec::MaxPeerTextChars && oack.endsWith(QStringLiteral(" …")), qPrintable(oack));
    QVERIFY(oack.contains(QStringLiteral("x0=\\x07")));
}

void tst_tftppacket::randomBytesNeverCrash()
{
    // Mutations of valid packets and plain noise: the parser answers, and a success round-trips.
    QRandomGenerator rng(12345);
    const QList<QByteArray> seeds{
        Packet::rrq("f", "octet", {{"blksize", "1468"}, {"tsize", "0"}}).serialize(),
        Packet::oack({{"blksize", "512"}, {"windowsize", "4"}}).serialize(),
        Packet::error(2, "denied").serialize(), Packet::ack(9).serialize(), Packet::dataPacket(3, "abc").serialize()};
    int ok = 0;
    for (int i = 0; i < 20000; ++i) {
        QByteArray b = seeds.at(i % seeds.size());
        const int edits = 1 + int(rng.bounded(4));
        for (int e = 0; e < edits; ++e) {
            const int kind = int(rng.bounded(3));
            if (kind == 0 && !b.isEmpty())
                b[int(rng.bounded(b.size()))] = char(rng.bounded(256));
            else if (kind == 1 && !b.isEmpty())
                b.truncate(int(rng.bounded(b.size())));
            else
                b.append(char(rng.bounded(256)));
        }
        const ParseResult r = parse(b);
        if (r.ok()) {
            ++ok;
            // Option names are normalised to lower case, so compare after a second round.
            const QByteArray again = r.packet.serialize();
            const ParseResult r2 = parse(again);
            QVERIFY(r2.ok());
            QCOMPARE(r2.packet.serialize(), again);
        } else {
            QVERIFY(!r.errorString.isEmpty());
        }
    }
    QVERIFY(ok > 0);
}

QTEST_APPLESS_MAIN(tst_tftppacket)
#include "tst_tftppacket.moc"
