// The packet inspector's hex dump: each character at its own bytes in the chosen encoding (UTF-8 three-byte,
// GB2312 two-byte across a line end, invalid bytes, control and bidi characters as visibleText() decides), the
// plain-text lines, and the copy formats.

#include "inspect/hexdump.h"
#include "textcodec.h"

#include <QRandomGenerator>
#include <QTest>

using namespace NetPoke;
using Inspect::HexDump;

#define B(literal) QByteArray(literal, sizeof(literal) - 1)

namespace {
const QString Mark = QString(HexDump::ContinuationMark);
const QString Dot = QString(HexDump::NonPrintableMark);

QString cells(const HexDump &d)
{
    QString s;
    for (qsizetype i = 0; i < d.size(); ++i)
        s += d.textCell(i);
    return s;
}
} // namespace

class tst_hexdump : public QObject
{
    Q_OBJECT

private slots:
    void ascii();
    void utf8ThreeBytes();
    void gb2312AcrossLines();
    void invalidBytes();
    void controlsAsVisibleTextSays();
    void charsMatchDecode_data();
    void charsMatchDecode();
    void lineText();
    void offsets();
    void copyFormats();
};

void tst_hexdump::ascii()
{
    const HexDump d(B("Hi\\!"), QStringLiteral("UTF-8"));
    QCOMPARE(d.chars().size(), 4);
    QCOMPARE(cells(d), QStringLiteral("Hi\\!"));   // the backslash is a glyph here
    QCOMPARE(d.visible(2), QStringLiteral("\\\\"));
    QCOMPARE(d.lineCount(), 1);
}

void tst_hexdump::utf8ThreeBytes()
{
    const HexDump d(B("a\xe4\xb8\xad" "b"), QStringLiteral("UTF-8"));   // a 中 b
    QCOMPARE(d.chars().size(), 3);
    const HexDump::Char &c = d.chars().at(1);
    QCOMPARE(c.offset, qsizetype(1));
    QCOMPARE(c.length, 3);
    QCOMPARE(quint32(c.codePoint), quint32(0x4E2D));
    QVERIFY(c.valid && c.printable);
    QCOMPARE(d.textCell(1), QString(QChar(0x4E2D)));
    QCOMPARE(d.textCell(2), Mark);
    QCOMPARE(d.textCell(3), Mark);
    QCOMPARE(d.charIndexAt(3), 1);
    QCOMPARE(d.textCell(4), QStringLiteral("b"));
    // A four-byte character (U+1F600) is one surrogate pair in the first cell.
    const HexDump e(B("\xf0\x9f\x98\x80"), QStringLiteral("UTF-8"));
    QCOMPARE(e.chars().size(), 1);
    QCOMPARE(e.textCell(0), QString::fromUcs4(U"\U0001F600", 1));
    QCOMPARE(cells(e).mid(2), Mark + Mark + Mark);
}

void tst_hexdump::gb2312AcrossLines()
{
    // 15 ASCII bytes, then 中 in GB2312 (d6 d0) on bytes 15 and 16: it stays on the first line, in the last
    // cell, and the second line starts with the continuation mark.
    const QByteArray bytes = QByteArray(15, 'x') + B("\xd6\xd0") + B("y");
    const HexDump d(bytes, QStringLiteral("GB2312"));
    QCOMPARE(d.encoding(), QStringLiteral("GB2312"));
    QCOMPARE(d.lineCount(), 2);
    QCOMPARE(d.textCell(15), QString(QChar(0x4E2D)));
    QCOMPARE(d.textCell(16), Mark);
    QCOMPARE(d.charIndexAt(15), d.charIndexAt(16));
    QVERIFY(d.lineText(0).endsWith(QString(15, u'x') + QChar(0x4E2D)));
    QVERIFY(d.lineText(1).endsWith(QStringLiteral("  ") + Mark + QStringLiteral("y")));
    // The same bytes as UTF-8 are two invalid bytes.
    const HexDump u(bytes, QStringLiteral("UTF-8"));
    QCOMPARE(u.textCell(15), Dot);
    QCOMPARE(u.textCell(16), Dot);
    QVERIFY(!u.chars().at(u.charIndexAt(15)).valid);
    QCOMPARE(u.visible(u.charIndexAt(15)), QStringLiteral("\\xD6"));
}

void tst_hexdump::invalidBytes()
{
    // A lone continuation byte, a cut three-byte sequence at the end, 0xff.
    const HexDump d(B("\x80z\xff\xe4\xb8"), QStringLiteral("UTF-8"));
    QCOMPARE(d.chars().size(), 5);
    QCOMPARE(cells(d), Dot + QStringLiteral("z") + Dot + Dot + Dot);
    QCOMPARE(d.visible(0), QStringLiteral("\\x80"));
    QCOMPARE(d.visible(2), QStringLiteral("\\xFF"));
    QCOMPARE(d.visible(4), QStringLiteral("\\xB8"));
    // GB2312 lead byte followed by ASCII: the lead byte alone is invalid, the ASCII stays.
    const HexDump g(B("\xd6" "A"), QStringLiteral("GB2312"));
    QCOMPARE(cells(g), Dot + QStringLiteral("A"));
    // An unknown encoding falls back to UTF-8.
    QCOMPARE(HexDump(B("a"), QStringLiteral("EBCDIC")).encoding(), QStringLiteral("UTF-8"));
}

void tst_hexdump::controlsAsVisibleTextSays()
{
    // \n, \x01, DEL, C1 U+0085 (c2 85), bidi override U+202E (e2 80 ae), zero-width space U+200B, tab.
    const HexDump d(B("\n\x01\x7f\xc2\x85\xe2\x80\xae\xe2\x80\x8b\t"), QStringLiteral("UTF-8"));
    QCOMPARE(d.chars().size(), 7);
    QCOMPARE(cells(d), QString(12, QChar(u'.')));   // every byte of an escaped character shows the dot
    QStringList shown;
    for (int i = 0; i < d.chars().size(); ++i) {
        QVERIFY(d.chars().at(i).valid);
        QVERIFY(!d.chars().at(i).printable);
        shown << d.visible(i);
    }
    QCOMPARE(shown, (QStringList{"\\n", "\\x01", "\\x7F", "\\u0085", "\\u202E", "\\u200B", "\\t"}));
    // A space is printable.
    QCOMPARE(HexDump(B(" "), QStringLiteral("UTF-8")).textCell(0), QStringLiteral(" "));
}

void tst_hexdump::charsMatchDecode_data()
{
    QTest::addColumn<QString>("encoding");
    for (const QString &e : TextCodec::encodings())
        QTest::newRow(qPrintable(e)) << e;
}

void tst_hexdump::charsMatchDecode()
{
    // The characters the dump places are exactly what TextCodec::decode() reads, byte for byte.
    QFETCH(QString, encoding);
    QRandomGenerator rng(7);
    for (int round = 0; round < 300; ++round) {
        QByteArray b(int(rng.bounded(64)), Qt::Uninitialized);
        for (char &c : b)
            c = char(rng.bounded(3) == 0 ? rng.bounded(0x80) : 0x80 + rng.bounded(0x80));
        const HexDump d(b, encoding);
        QString again;
        qsizetype next = 0;
        for (const HexDump::Char &c : d.chars()) {
            QCOMPARE(c.offset, next);
            next += c.length;
            if (c.valid)
                again += QString::fromUcs4(&c.codePoint, 1);
            else
                again += QChar(char16_t(0xDC00 + c.codePoint));
        }
        QCOMPARE(next, qsizetype(b.size()));
        QCOMPARE(again, TextCodec::decode(b, encoding));
    }
}

void tst_hexdump::lineText()
{
    const HexDump d(B("\0\1boot.bin\0octet\0blk"), QStringLiteral("UTF-8"));
    QCOMPARE(d.lineCount(), 2);
    QCOMPARE(d.lineText(0), QStringLiteral("0000  00 01 62 6f 6f 74 2e 62  69 6e 00 6f 63 74 65 74  ..boot.bin.octet"));
    QCOMPARE(d.lineText(1), QStringLiteral("0010  00 62 6c 6b                                       .blk"));
    QVERIFY(d.lineText(2).isEmpty());
}

void tst_hexdump::offsets()
{
    QCOMPARE(HexDump(QByteArray(20, 'a'), QStringLiteral("UTF-8")).offsetText(16), QStringLiteral("0010"));
    QCOMPARE(HexDump(QByteArray(70000, 'a'), QStringLiteral("Latin-1")).offsetText(65536), QStringLiteral("10000"));
}

void tst_hexdump::copyFormats()
{
    const QByteArray b = B("\0\1a'\\\n\xff");
    QCOMPARE(Inspect::toHexText(b), QStringLiteral("00 01 61 27 5c 0a ff"));
    QCOMPARE(Inspect::toPythonBytes(b), QStringLiteral("b'\\x00\\x01a\\'\\\\\\n\\xff'"));
    QCOMPARE(Inspect::toCArray(b), QStringLiteral("const unsigned char packet[7] = {\n    0x00, 0x01, 0x61, 0x27, 0x5c, 0x0a, 0xff\n};\n"));
    QCOMPARE(Inspect::toCArray(QByteArray(13, '\x10')),
             QStringLiteral("const unsigned char packet[13] = {\n"
                            "    0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,\n"
                            "    0x10\n};\n"));
    QCOMPARE(Inspect::toCArray({}), QStringLiteral("const unsigned char packet[0] = {\n};\n"));
    QCOMPARE(Inspect::toPythonBytes({}), QStringLiteral("b''"));
}

QTEST_GUILESS_MAIN(tst_hexdump)
#include "tst_hexdump.moc"
