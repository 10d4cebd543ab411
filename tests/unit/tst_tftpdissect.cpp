// The packet inspector's TFTP dissector: the field and byte range of every opcode and option, error codes,
// malformed packets (fields up to the break, then a "Malformed" item with parse()'s reason), trace-kept
// prefixes, and random bytes.

#include "inspect/packetfield.h"
#include "tftp/tftpdissect.h"
#include "tftp/tftppacket.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTest>

using namespace NetPoke;
using namespace NetPoke::Tftp;
using Inspect::Field;

#define B(literal) QByteArray(literal, sizeof(literal) - 1)

namespace {

const Field *top(const Inspect::Dissection &d, const QString &name, int nth = 0)
{
    for (const Field &f : d.fields) {
        if (f.name == name && nth-- == 0)
            return &f;
    }
    return nullptr;
}

const Field *child(const Field *f, const QString &name)
{
    if (!f)
        return nullptr;
    for (const Field &c : f->children) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

// The option whose name is name (as sent).
const Field *option(const Inspect::Dissection &d, const QString &name)
{
    for (const Field &f : d.fields) {
        if (f.name == QLatin1String("Option") && f.value.startsWith(name + QLatin1String(" = ")))
            return &f;
    }
    return nullptr;
}

QString names(const Inspect::Dissection &d)
{
    QStringList l;
    for (const Field &f : d.fields)
        l << f.name;
    return l.join(QLatin1Char(','));
}

// Children inside their parent, everything inside the bytes.
void checkNesting(const QList<Field> &fields, qsizetype from, qsizetype to)
{
    for (const Field &f : fields) {
        QVERIFY2(f.offset >= from && f.length >= 0 && f.offset + f.length <= to,
                 qPrintable(QStringLiteral("%1 [%2,+%3) outside [%4,%5)").arg(f.name).arg(f.offset).arg(f.length).arg(from).arg(to)));
        checkNesting(f.children, f.offset, f.offset + f.length);
    }
}

// Every byte of a well-formed packet in exactly one leaf.
void checkCoverage(const QList<Field> &fields, qsizetype size)
{
    QList<int> leaves(size, 0);
    std::function<void(const QList<Field> &)> walk = [&](const QList<Field> &list) {
        for (const Field &f : list) {
            if (f.children.isEmpty()) {
                for (qsizetype i = f.offset; i < f.offset + f.length; ++i)
                    ++leaves[i];
            }
            walk(f.children);
        }
    };
    walk(fields);
    for (qsizetype i = 0; i < size; ++i)
        QVERIFY2(leaves[i] == 1, qPrintable(QStringLiteral("byte %1 is in %2 leaves").arg(i).arg(leaves[i])));
}

#define RANGE(f, off, len)                          \
    do {                                            \
        QVERIFY(f);                                 \
        QCOMPARE((f)->offset, qsizetype(off));      \
        QCOMPARE((f)->length, qsizetype(len));      \
    } while (0)

} // namespace

class tst_tftpdissect : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void requests_data();
    void requests();
    void everyOption_data();
    void everyOption();
    void data();
    void ack();
    void errorCodes_data();
    void errorCodes();
    void errorPadding();
    void oack();
    void wellFormedCoverEveryByte_data();
    void wellFormedCoverEveryByte();
    void malformed_data();
    void malformed();
    void keptPrefix();
    void innermostField();
    void rawData();
    void randomBytesNeverCrash();
};

void tst_tftpdissect::requests_data()
{
    QTest::addColumn<int>("op");
    QTest::addColumn<QString>("opcodeText");
    QTest::newRow("RRQ") << 1 << "RRQ (1)";
    QTest::newRow("WRQ") << 2 << "WRQ (2)";
}

void tst_tftpdissect::requests()
{
    QFETCH(int, op);
    QFETCH(QString, opcodeText);
    const QList<Option> opts{{"blksize", "1468"}, {"tsize", "0"}, {"timeout", "3"}, {"windowsize", "8"}};
    const QByteArray wire = (op == 1 ? Packet::rrq("boot.bin", "octet", opts) : Packet::wrq("boot.bin", "octet", opts)).serialize();
    const auto d = dissect(wire);
    QVERIFY(!d.malformed);
    QCOMPARE(d.protocol, QStringLiteral("TFTP"));
    QCOMPARE(d.summary, parse(wire).packet.summary());
    QCOMPARE(names(d), QStringLiteral("Opcode,File name,Mode,Option,Option,Option,Option"));
    RANGE(top(d, "Opcode"), 0, 2);
    QCOMPARE(top(d, "Opcode")->value, opcodeText);
    RANGE(top(d, "File name"), 2, 9);              // "boot.bin\0"
    QCOMPARE(top(d, "File name")->value, QStringLiteral("boot.bin"));
    RANGE(top(d, "Mode"), 11, 6);                  // "octet\0"
    QCOMPARE(top(d, "Mode")->value, QStringLiteral("octet"));
    const Field *blk = option(d, "blksize");
    RANGE(blk, 17, 8 + 5);                         // "blksize\0" "1468\0"
    QCOMPARE(blk->value, QStringLiteral("blksize = 1468"));
    RANGE(child(blk, "Name"), 17, 8);
    QVERIFY(child(blk, "Name")->value.startsWith(QLatin1String("blksize (block size")));
    RANGE(child(blk, "Value"), 25, 5);
    QCOMPARE(child(blk, "Value")->value, QStringLiteral("1468"));
    RANGE(option(d, "windowsize"), wire.size() - 13, 13);
    checkCoverage(d.fields, wire.size());
}

void tst_tftpdissect::everyOption_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("meaning");
    QTest::newRow("blksize") << QByteArray("blksize") << QByteArray("65464") << "block size in bytes, RFC 2348";
    QTest::newRow("timeout") << QByteArray("timeout") << QByteArray("255") << "retransmission timeout in seconds, RFC 2349";
    QTest::newRow("tsize") << QByteArray("tsize") << QByteArray("123456789") << "transfer size in bytes, RFC 2349";
    QTest::newRow("windowsize") << QByteArray("windowsize") << QByteArray("65535") << "blocks per window, RFC 7440";
    QTest::newRow("upper case") << QByteArray("BlkSize") << QByteArray("8") << "block size in bytes, RFC 2348";
    QTest::newRow("unknown") << QByteArray("multicast") << QByteArray(",,1") << "an option NetPoke does not know: ignored, RFC 2347";
}

void tst_tftpdissect::everyOption()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QString, meaning);
    // In a request after file name and mode, and in an OACK right after the opcode.
    for (const bool isOack : {false, true}) {
        const QByteArray wire = isOack ? Packet::oack({{name, value}}).serialize()
                                       : Packet::rrq("f", "netascii", {{name, value}}).serialize();
        const qsizetype at = isOack ? 2 : 2 + 2 + 9;
        const auto d = dissect(wire);
        QVERIFY(!d.malformed);
        const Field *o = option(d, QString::fromLatin1(name));
        RANGE(o, at, name.size() + 1 + value.size() + 1);
        RANGE(child(o, "Name"), at, name.size() + 1);
        QCOMPARE(child(o, "Name")->value, QStringLiteral("%1 (%2)").arg(QString::fromLatin1(name), meaning));
        RANGE(child(o, "Value"), at + name.size() + 1, value.size() + 1);
        QCOMPARE(child(o, "Value")->value, QString::fromLatin1(value));
        checkCoverage(d.fields, wire.size());
    }
}

void tst_tftpdissect::data()
{
    const QByteArray payload(512, 'x');
    const QByteArray wire = Packet::dataPacket(258, payload).serialize();
    const auto d = dissect(wire);
    QVERIFY(!d.malformed);
    QCOMPARE(names(d), QStringLiteral("Opcode,Block,Data"));
    QCOMPARE(top(d, "Opcode")->value, QStringLiteral("DATA (3)"));
    RANGE(top(d, "Block"), 2, 2);
    QCOMPARE(top(d, "Block")->value, QStringLiteral("258"));
    RANGE(top(d, "Data"), 4, 512);
    QCOMPARE(top(d, "Data")->value, QStringLiteral("512 bytes"));
    // An empty last block: the data field is empty.
    const auto last = dissect(Packet::dataPacket(7, {}).serialize());
    RANGE(top(last, "Data"), 4, 0);
    QCOMPARE(top(last, "Data")->value, QStringLiteral("0 bytes"));
}

void tst_tftpdissect::ack()
{
    const auto d = dissect(Packet::ack(65535).serialize());
    QVERIFY(!d.malformed);
    QCOMPARE(names(d), QStringLiteral("Opcode,Block"));
    QCOMPARE(top(d, "Opcode")->value, QStringLiteral("ACK (4)"));
    RANGE(top(d, "Block"), 2, 2);
    QCOMPARE(top(d, "Block")->value, QStringLiteral("65535"));
    QCOMPARE(d.summary, QStringLiteral("ACK 65535"));
}

void tst_tftpdissect::errorCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << 0 << "0 (Not defined, see error message)";
    QTest::newRow("1") << 1 << "1 (File not found)";
    QTest::newRow("2") << 2 << "2 (Access violation)";
    QTest::newRow("3") << 3 << "3 (Disk full or allocation exceeded)";
    QTest::newRow("4") << 4 << "4 (Illegal TFTP operation)";
    QTest::newRow("5") << 5 << "5 (Unknown transfer ID)";
    QTest::newRow("6") << 6 << "6 (File already exists)";
    QTest::newRow("7") << 7 << "7 (No such user)";
    QTest::newRow("8") << 8 << "8 (Option negotiation refused, RFC 2347)";
    QTest::newRow("9") << 9 << "9 (not defined by RFC 1350)";
    QTest::newRow("65535") << 65535 << "65535 (not defined by RFC 1350)";
}

void tst_tftpdissect::errorCodes()
{
    QFETCH(int, code);
    QFETCH(QString, text);
    const QByteArray wire = Packet::error(quint16(code), "No\nway").serialize();
    const auto d = dissect(wire);
    QVERIFY(!d.malformed);
    QCOMPARE(names(d), QStringLiteral("Opcode,Error code,Error message"));
    QCOMPARE(top(d, "Opcode")->value, QStringLiteral("ERROR (5)"));
    RANGE(top(d, "Error code"), 2, 2);
    QCOMPARE(top(d, "Error code")->value, text);
    RANGE(top(d, "Error message"), 4, 7);
    QCOMPARE(top(d, "Error message")->value, QStringLiteral("No\\nway"));   // through visibleText
    checkCoverage(d.fields, wire.size());
}

void tst_tftpdissect::errorPadding()
{
    const QByteArray wire = B("\0\5\0\1gone\0\0\0\0");
    const auto d = dissect(wire);
    QVERIFY(!d.malformed);   // parse() ignores what follows the NUL, and so does the dissector
    RANGE(top(d, "Error message"), 4, 5);
    RANGE(top(d, "Padding"), 9, 3);
    checkCoverage(d.fields, wire.size());
}

void tst_tftpdissect::oack()
{
    const QByteArray wire = Packet::oack({{"blksize", "1024"}, {"tsize", "99"}}).serialize();
    const auto d = dissect(wire);
    QVERIFY(!d.malformed);
    QCOMPARE(names(d), QStringLiteral("Opcode,Option,Option"));
    QCOMPARE(top(d, "Opcode")->value, QStringLiteral("OACK (6)"));
    RANGE(option(d, "blksize"), 2, 13);
    RANGE(child(option(d, "tsize"), "Value"), 15 + 6, 3);
    // An OACK without options is well formed too (an opcode and nothing else).
    const auto empty = dissect(B("\0\6"));
    QVERIFY(!empty.malformed);
    QCOMPARE(names(empty), QStringLiteral("Opcode"));
}

void tst_tftpdissect::wellFormedCoverEveryByte_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("rrq") << Packet::rrq("a/b c", "mail", {{"x", ""}}).serialize();
    QTest::newRow("wrq") << Packet::wrq("\xe4\xb8\xad.txt", "OCTET").serialize();
    QTest::newRow("data") << Packet::dataPacket(1, "hello").serialize();
    QTest::newRow("ack") << Packet::ack(0).serialize();
    QTest::newRow("error") << Packet::error(1, "").serialize();
    QTest::newRow("oack") << Packet::oack({{"timeout", "1"}}).serialize();
}

void tst_tftpdissect::wellFormedCoverEveryByte()
{
    QFETCH(QByteArray, wire);
    QVERIFY(parse(wire).ok());
    const auto d = dissect(wire);
    QVERIFY(!d.malformed);
    checkNesting(d.fields, 0, wire.size());
    checkCoverage(d.fields, wire.size());
}

void tst_tftpdissect::malformed_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("fields");        // names of the top-level fields, the Malformed item last
    QTest::addColumn<int>("breakOffset");
    QTest::newRow("empty") << QByteArray() << "Malformed" << 0;
    QTest::newRow("one byte") << B("\0") << "Bytes,Malformed" << 0;
    QTest::newRow("unknown opcode") << B("\0\x09xyz") << "Opcode,Bytes,Malformed" << 0;
    QTest::newRow("opcode 0") << B("\0\0") << "Opcode,Malformed" << 0;
    QTest::newRow("rrq short") << B("\0\1a") << "Opcode,Malformed" << 2;
    QTest::newRow("rrq name no nul") << B("\0\1abc") << "Opcode,File name,Malformed" << 2;
    QTest::newRow("rrq empty name") << B("\0\1\0octet\0") << "Opcode,File name,Malformed" << 2;
    QTest::newRow("rrq mode no nul") << B("\0\1f\0oct") << "Opcode,File name,Mode,Malformed" << 4;
    QTest::newRow("rrq bad mode") << B("\0\1f\0binary\0") << "Opcode,File name,Mode,Malformed" << 4;
    QTest::newRow("option name no nul") << B("\0\1f\0octet\0blks") << "Opcode,File name,Mode,Option,Malformed" << 10;
    QTest::newRow("empty option name") << B("\0\1f\0octet\0\0x\0") << "Opcode,File name,Mode,Option,Malformed" << 10;
    QTest::newRow("option value no nul") << B("\0\1f\0octet\0blksize\0001468") << "Opcode,File name,Mode,Option,Malformed" << 18;
    QTest::newRow("blksize too small") << B("\0\1f\0octet\0blksize\0007\0") << "Opcode,File name,Mode,Option,Malformed" << 18;
    QTest::newRow("timeout 0") << B("\0\6timeout\0000\0") << "Opcode,Option,Malformed" << 10;
    QTest::newRow("tsize sign") << B("\0\6tsize\0-1\0") << "Opcode,Option,Malformed" << 8;
    QTest::newRow("windowsize big") << B("\0\6windowsize\00065536\0") << "Opcode,Option,Malformed" << 13;
    QTest::newRow("duplicate") << B("\0\6tsize\0001\0TSIZE\0002\0") << "Opcode,Option,Option,Malformed" << 10;
    QTest::newRow("data short") << B("\0\3\0") << "Opcode,Malformed" << 2;
    QTest::newRow("ack short") << B("\0\4") << "Opcode,Malformed" << 2;
    QTest::newRow("ack trailing") << B("\0\4\0\1\0") << "Opcode,Block,Trailing bytes,Malformed" << 4;
    QTest::newRow("error short") << B("\0\5\0") << "Opcode,Malformed" << 2;
    QTest::newRow("error no nul") << B("\0\5\0\1oops") << "Opcode,Error code,Error message,Malformed" << 4;
}

void tst_tftpdissect::malformed()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, fields);
    QFETCH(int, breakOffset);
    const ParseResult r = parse(wire);
    QVERIFY(!r.ok());
    const auto d = dissect(wire);
    QVERIFY(d.malformed);
    QCOMPARE(names(d), fields);
    const Field &m = d.fields.constLast();
    QVERIFY(m.malformed);
    QCOMPARE(m.value, r.errorString);   // parse()'s reason, word for word
    QCOMPARE(d.summary, r.errorString);
    RANGE(&m, breakOffset, wire.size() - breakOffset);
    checkNesting(d.fields, 0, wire.size());
    // Exactly one Malformed item.
    int count = 0;
    std::function<void(const QList<Field> &)> walk = [&](const QList<Field> &list) {
        for (const Field &f : list) {
            count += f.malformed;
            walk(f.children);
        }
    };
    walk(d.fields);
    QCOMPARE(count, 1);
}

void tst_tftpdissect::keptPrefix()
{
    // A trace keeps the first bytes of a big DATA: the data field says how many of how many.
    const QByteArray wire = Packet::dataPacket(3, QByteArray(1464, 'd')).serialize();
    const auto d = dissect(wire.left(1024), wire.size());
    QVERIFY(!d.malformed);
    RANGE(top(d, "Data"), 4, 1020);
    QCOMPARE(top(d, "Data")->value, QStringLiteral("1020 of 1464 bytes"));
    // A request cut inside a string is not malformed: the rest was not kept.
    const QByteArray rrq = Packet::rrq(QByteArray(2000, 'n'), "octet").serialize();
    const auto cut = dissect(rrq.left(1024), rrq.size());
    QVERIFY(!cut.malformed);
    QCOMPARE(names(cut), QStringLiteral("Opcode,File name,Not kept"));
    RANGE(top(cut, "File name"), 2, 1022);
    // The same bytes as a whole packet are malformed.
    QVERIFY(dissect(rrq.left(1024)).malformed);
}

void tst_tftpdissect::innermostField()
{
    const QByteArray wire = Packet::rrq("boot.bin", "octet", {{"blksize", "1468"}, {"tsize", "0"}}).serialize();
    const auto d = dissect(wire);
    // '4' of "1468" at 25: Option blksize (index 3) -> Value (index 1).
    QCOMPARE(Inspect::innermostFieldAt(d.fields, 25), (QList<int>{3, 1}));
    QCOMPARE(Inspect::fieldAt(d.fields, {3, 1})->value, QStringLiteral("1468"));
    QCOMPARE(Inspect::innermostFieldAt(d.fields, 0), (QList<int>{0}));
    QCOMPARE(Inspect::innermostFieldAt(d.fields, 17), (QList<int>{3, 0}));
    QCOMPARE(Inspect::innermostFieldAt(d.fields, wire.size() - 1), (QList<int>{4, 1}));
    QVERIFY(Inspect::innermostFieldAt(d.fields, wire.size()).isEmpty());
    QVERIFY(Inspect::innermostFieldAt(d.fields, -1).isEmpty());
    QVERIFY(!Inspect::fieldAt(d.fields, {9}));
    QVERIFY(!Inspect::fieldAt(d.fields, {}));
}

void tst_tftpdissect::rawData()
{
    const auto d = Inspect::rawDissection("hello", 9);
    QCOMPARE(d.fields.size(), 1);
    RANGE(&d.fields[0], 0, 5);
    QCOMPARE(d.fields[0].name, QStringLiteral("Raw data"));
    QCOMPARE(d.fields[0].value, QStringLiteral("5 of 9 bytes"));
}

void tst_tftpdissect::randomBytesNeverCrash()
{
    QRandomGenerator rng(12);
    const QList<QByteArray> seeds{Packet::rrq("f", "octet", {{"blksize", "1468"}}).serialize(),
                                  Packet::error(2, "x").serialize(), Packet::oack({{"tsize", "1"}}).serialize()};
    for (int i = 0; i < 20000; ++i) {
        QByteArray b;
        if (i % 2) {
            b = seeds[i % seeds.size()];
            const int flips = 1 + int(rng.bounded(3));
            for (int k = 0; k < flips && !b.isEmpty(); ++k)
                b[int(rng.bounded(b.size()))] = char(rng.bounded(256));
            b.truncate(int(rng.bounded(b.size() + 1)));
        } else {
            b.resize(int(rng.bounded(40)));
            for (char &c : b)
                c = char(rng.bounded(4) == 0 ? 0 : rng.bounded(256));
            if (b.size() >= 2 && rng.bounded(2))
                b[0] = 0, b[1] = char(rng.bounded(8));
        }
        const auto d = dissect(b, rng.bounded(4) == 0 ? b.size() + 10 : -1);
        checkNesting(d.fields, 0, b.size());
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QString::fromLatin1(b.toHex())));
        const auto whole = dissect(b);
        if (whole.malformed == parse(b).ok())
            QFAIL(qPrintable(QStringLiteral("dissector and parse() disagree on %1").arg(QString::fromLatin1(b.toHex()))));
    }
}

QTEST_GUILESS_MAIN(tst_tftpdissect)
#include "tst_tftpdissect.moc"
