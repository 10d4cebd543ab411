#include "textcodec.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTest>

using NetPoke::TextCodec;

class tst_TextCodec : public QObject
{
    Q_OBJECT

private slots:
    void visibleTextEscapes_data();
    void visibleTextEscapes();
    void visibleTextKeepsLineBreaks();
    void visibleTextCutKeepsPairs();
    void shownTextGivesBackTheBytes_data();
    void shownTextGivesBackTheBytes();
    void shownTextGivesBackRandomBytes();
    void peerTextIsBounded();
    void encodeKnownVectors_data();
    void encodeKnownVectors();
    void decodeKnownVectors_data();
    void decodeKnownVectors();
    void encodeUnrepresentable();
    void unknownEncoding();
    void decodeInvalidAsSurrogates_data();
    void decodeInvalidAsSurrogates();
    void decoderSplitCharacter_data();
    void decoderSplitCharacter();
    void decoderFlushShowsIncompleteTail();
    void incompleteTail_data();
    void incompleteTail();
    void incompleteTailCutsWhereDecoderWould_data();
    void incompleteTailCutsWhereDecoderWould();
    void canonicalNames();
    void hexFormat();
    void parseHex_data();
    void parseHex();
    void parseHexErrors_data();
    void parseHexErrors();
    void escapes_data();
    void escapes();
    void escapeErrors_data();
    void escapeErrors();
};

void tst_TextCodec::encodeKnownVectors_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("hex");
    const QString nihao = QStringLiteral("你好");
    QTest::newRow("utf8") << "UTF-8" << nihao << QByteArray("e4bda0e5a5bd");
    QTest::newRow("gb2312") << "GB2312" << nihao << QByteArray("c4e3bac3");
    QTest::newRow("gbk") << "GBK" << nihao << QByteArray("c4e3bac3");
    QTest::newRow("gb18030") << "GB18030" << nihao << QByteArray("c4e3bac3");
    // Big5 for traditional 你好 (好 is shared): a4 a7 a6 6e
    QTest::newRow("big5") << "Big5" << nihao << QByteArray("a741a66e");
    // GB18030 four-byte sequences: U+20AC EURO SIGN is a2 e3; U+00E9 is 81 30 8b 32? use U+0080 = 81 30 81 30
    QTest::newRow("gb18030-4byte") << "GB18030" << QString(QChar(0x80)) << QByteArray("81308130");
    QTest::newRow("gb18030-supplementary") << "GB18030" << QString::fromUcs4(U"\U0001F600") << QByteArray("9439fc36");
    QTest::newRow("latin1") << "Latin-1" << QStringLiteral("caf\u00e9") << QByteArray("636166e9");
    QTest::newRow("ascii-gb2312") << "GB2312" << QStringLiteral("haha") << QByteArray("68616861");
    // A byte order mark is a character (U+FEFF) at the start too; visibleText() shows it as \uFEFF.
    QTest::newRow("utf8-bom") << "UTF-8" << QStringLiteral("\uFEFFA") << QByteArray("efbbbf41");
    QTest::newRow("utf8-bom-alone") << "UTF-8" << QStringLiteral("\uFEFF") << QByteArray("efbbbf");
    QTest::newRow("gb18030-bom") << "GB18030" << QStringLiteral("\uFEFFA") << QByteArray("8431953341");
    QTest::newRow("empty") << "GB2312" << QString() << QByteArray();
}

void tst_TextCodec::encodeKnownVectors()
{
    QFETCH(QString, encoding);
    QFETCH(QString, text);
    QFETCH(QByteArray, hex);
    const auto r = TextCodec::encode(text, encoding);
    QVERIFY2(r.ok, qPrintable(r.errorString));
    QCOMPARE(r.bytes.toHex(), hex);
}

void tst_TextCodec::decodeKnownVectors_data()
{
    encodeKnownVectors_data();
}

void tst_TextCodec::decodeKnownVectors()
{
    QFETCH(QString, encoding);
    QFETCH(QString, text);
    QFETCH(QByteArray, hex);
    int invalid = -1;
    QCOMPARE(TextCodec::decode(QByteArray::fromHex(hex), encoding, &invalid), text);
    QCOMPARE(invalid, 0);
}

void tst_TextCodec::encodeUnrepresentable()
{
    // Japanese kana are not in Big5's common set? Use an emoji: not in GB2312, GBK, Big5, Latin-1.
    const QString text = QStringLiteral("ab") + QString::fromUcs4(U"\U0001F600") + QStringLiteral("c");
    for (const char *enc : {"GB2312", "GBK", "Big5", "Latin-1"}) {
        const auto r = TextCodec::encode(text, QLatin1String(enc));
        QVERIFY2(!r.ok, enc);
        QCOMPARE(r.errorPosition, 2);
        QVERIFY(r.bytes.isEmpty());
        QVERIFY2(r.errorString.contains(QLatin1String("position 3")), qPrintable(r.errorString));
    }
    // Latin-1 cannot write Chinese.
    const auto l = TextCodec::encode(QStringLiteral("x你"), QStringLiteral("Latin-1"));
    QVERIFY(!l.ok);
    QCOMPARE(l.errorPosition, 1);
    // UTF-8 and GB18030 can write everything.
    QVERIFY(TextCodec::encode(text, QStringLiteral("UTF-8")).ok);
    QVERIFY(TextCodec::encode(text, QStringLiteral("GB18030")).ok);
}

void tst_TextCodec::unknownEncoding()
{
    const auto r = TextCodec::encode(QStringLiteral("x"), QStringLiteral("EBCDIC-42"));
    QVERIFY(!r.ok);
    QVERIFY(r.errorString.contains(QLatin1String("EBCDIC-42")));
    QVERIFY(!TextCodec::isSupported(QStringLiteral("EBCDIC-42")));
}

// A byte that does not decode becomes the lone surrogate U+DC00+byte, shown as \xHH by visibleText().
void tst_TextCodec::decodeInvalidAsSurrogates_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<int>("invalid");
    const auto esc = [](std::initializer_list<int> bytes) {
        QString s;
        for (int b : bytes)
            s += QChar(char16_t(0xDC00 + b));
        return s;
    };
    QTest::newRow("utf8-lone-lead") << "UTF-8" << QByteArray("a\xc4" "b") << QString("a" + esc({0xC4}) + "b")
                                    << QStringLiteral("a\\xC4b") << 1;
    QTest::newRow("utf8-ff") << "UTF-8" << QByteArray("\xff\xfe") << esc({0xFF, 0xFE}) << QStringLiteral("\\xFF\\xFE") << 2;
    QTest::newRow("utf8-truncated-end") << "UTF-8" << QByteArray("\xe4\xbd") << esc({0xE4, 0xBD})
                                        << QStringLiteral("\\xE4\\xBD") << 2;
    QTest::newRow("utf8-encoded-surrogate") << "UTF-8" << QByteArray("\xed\xb3\x81") << esc({0xED, 0xB3, 0x81})
                                            << QStringLiteral("\\xED\\xB3\\x81") << 3;
    QTest::newRow("gb2312-lone-lead") << "GB2312" << QByteArray("\xc4" "a\xba\xc3") << QString(esc({0xC4}) + "a好")
                                      << QStringLiteral("\\xC4a好") << 1;
    QTest::newRow("gb2312-trailing-lead") << "GB2312" << QByteArray("\xc4\xe3\xba") << QString("你" + esc({0xBA}))
                                          << QStringLiteral("你\\xBA") << 1;
    QTest::newRow("utf8-of-gb2312") << "UTF-8" << QByteArray("\xc4\xe3\xba\xc3") << esc({0xC4, 0xE3, 0xBA, 0xC3})
                                    << QStringLiteral("\\xC4\\xE3\\xBA\\xC3") << 4;
    QTest::newRow("gb18030-ff") << "GB18030" << QByteArray("\xff") << esc({0xFF}) << QStringLiteral("\\xFF") << 1;
    QTest::newRow("big5-bad-trail") << "Big5" << QByteArray("\xa4\x0a") << QString(esc({0xA4}) + "\n")
                                    << QStringLiteral("\\xA4\\n") << 1;
    QTest::newRow("latin1-all-valid") << "Latin-1" << QByteArray("\xc4\xe3") << QStringLiteral("\u00c4\u00e3")
                                      << QStringLiteral("\u00c4\u00e3") << 0;
    QTest::newRow("utf8-replacement-char-is-valid") << "UTF-8" << QByteArray("\xef\xbf\xbd")
                                                    << QString(QChar(0xFFFD)) << QString(QChar(0xFFFD)) << 0;
    // The literal text \xFF is four valid characters, shown differently from the byte FF.
    QTest::newRow("literal-backslash-x") << "UTF-8" << QByteArray("\\xFF") << QStringLiteral("\\xFF")
                                         << QStringLiteral("\\\\xFF") << 0;
}

void tst_TextCodec::decodeInvalidAsSurrogates()
{
    QFETCH(QString, encoding);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QFETCH(int, invalid);
    int n = -1;
    const QString decoded = TextCodec::decode(bytes, encoding, &n);
    QCOMPARE(decoded, text);
    QCOMPARE(n, invalid);
    QCOMPARE(TextCodec::visibleText(decoded), shown);
}

void tst_TextCodec::decoderSplitCharacter_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<QString>("firstText");
    QTest::addColumn<QString>("secondText");
    QTest::newRow("gb2312") << "GB2312" << QByteArray("\xc4\xe3\xba") << QByteArray("\xc3!")
                            << QStringLiteral("你") << QStringLiteral("好!");
    QTest::newRow("utf8") << "UTF-8" << QByteArray("\xe4\xbd\xa0\xe5") << QByteArray("\xa5\xbd")
                          << QStringLiteral("你") << QStringLiteral("好");
    QTest::newRow("gb18030-4") << "GB18030" << QByteArray("\x94\x39") << QByteArray("\xfc\x36")
                               << QString() << QString::fromUcs4(U"\U0001F600");
}

void tst_TextCodec::decoderSplitCharacter()
{
    QFETCH(QString, encoding);
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    QFETCH(QString, firstText);
    QFETCH(QString, secondText);
    TextCodec::Decoder d(encoding);
    QCOMPARE(d.decode(first), firstText);
    QVERIFY(d.hasPending());
    QCOMPARE(d.decode(second), secondText);
    QVERIFY(!d.hasPending());
}

void tst_TextCodec::decoderFlushShowsIncompleteTail()
{
    TextCodec::Decoder d(QStringLiteral("GB2312"));
    QCOMPARE(d.decode(QByteArray("ok\xc4")), QStringLiteral("ok"));
    int invalid = 0;
    QCOMPARE(d.flush(&invalid), QString(QChar(0xDCC4)));
    QCOMPARE(invalid, 1);
    QVERIFY(!d.hasPending());
}

void tst_TextCodec::incompleteTail_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("tail");
    QTest::newRow("empty") << "GB2312" << QByteArray() << 0;
    QTest::newRow("ascii") << "GB2312" << QByteArray("abc") << 0;
    QTest::newRow("gb2312 whole") << "GB2312" << QByteArray("\xc4\xe3\xba\xc3") << 0;
    QTest::newRow("gb2312 lead") << "GB2312" << QByteArray("\xc4\xe3\xba") << 1;
    QTest::newRow("gb2312 lead after ascii") << "GB2312" << QByteArray("ok\xc4") << 1;
    // Pairs only, no ASCII: parity decides, from the start.
    QTest::newRow("gb2312 parity") << "GB2312" << QByteArray("\xc4\xe3\xba\xc3\xc4\xe3\xba") << 1;
    QTest::newRow("gbk trail below 0x80") << "GBK" << QByteArray("\x81\x40\x81") << 1;
    QTest::newRow("big5 lead") << "Big5" << QByteArray("\xa4\xa4\xa4") << 1;
    QTest::newRow("gb18030 two of four") << "GB18030" << QByteArray("a\x94\x39") << 2;
    QTest::newRow("gb18030 three of four") << "GB18030" << QByteArray("a\x94\x39\xfc") << 3;
    QTest::newRow("gb18030 four") << "GB18030" << QByteArray("a\x94\x39\xfc\x36") << 0;
    QTest::newRow("utf8 one of three") << "UTF-8" << QByteArray("a\xe4") << 1;
    QTest::newRow("utf8 two of three") << "UTF-8" << QByteArray("\xe4\xbd\xa0\xe5\xa5") << 2;
    QTest::newRow("utf8 whole") << "UTF-8" << QByteArray("\xe4\xbd\xa0") << 0;
    QTest::newRow("utf8 three of four") << "UTF-8" << QByteArray("\xf0\x9f\x98") << 3;
    QTest::newRow("utf8 stray continuation") << "UTF-8" << QByteArray("a\xa5") << 0;
    QTest::newRow("utf8 invalid second byte") << "UTF-8" << QByteArray("\xe0\x80") << 0;
    QTest::newRow("latin1") << "Latin-1" << QByteArray("\xc4") << 0;
    QTest::newRow("unknown") << "EBCDIC" << QByteArray("\xc4") << 0;
}

void tst_TextCodec::incompleteTail()
{
    QFETCH(QString, encoding);
    QFETCH(QByteArray, bytes);
    QFETCH(int, tail);
    QCOMPARE(TextCodec::incompleteTail(bytes, encoding), tail);
}

// Cut anywhere in a text, the tail found is exactly what a Decoder holds back: the text of the part
// before it and of the rest (with the tail) joined is the text of the whole, and a cut at a character
// boundary holds back nothing.
void tst_TextCodec::incompleteTailCutsWhereDecoderWould_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("text");
    const QString zh = QStringLiteral("你好，世界 A1 中文测试。");
    for (const char *e : {"UTF-8", "GB2312", "GBK", "GB18030"})
        QTest::newRow(e) << QString::fromLatin1(e) << zh;
    QTest::newRow("Big5") << "Big5" << QStringLiteral("你好，世界 A1 中文測試。");
    QTest::newRow("gb18030 four-byte") << "GB18030" << (QStringLiteral("€") + QString::fromUcs4(U"\U0001F600x\U0001F600"));
    QTest::newRow("utf8 four-byte") << "UTF-8" << QString::fromUcs4(U"\U0001F600\u00e9\U0001F600");
}

void tst_TextCodec::incompleteTailCutsWhereDecoderWould()
{
    QFETCH(QString, encoding);
    QFETCH(QString, text);
    const TextCodec::Result r = TextCodec::encode(text, encoding);
    QVERIFY(r.ok);
    const QByteArray all = r.bytes;
    const QString whole = TextCodec::decode(all, encoding);
    int boundaries = 0;
    for (int k = 0; k <= all.size(); ++k) {
        const QByteArray head = all.left(k);
        const int tail = TextCodec::incompleteTail(head, encoding);
        QVERIFY(tail >= 0 && tail < TextCodec::maxCharBytes(encoding));
        TextCodec::Decoder d(encoding);
        const QString before = d.decode(head);
        QCOMPARE(TextCodec::decode(head.left(k - tail), encoding), before);
        QCOMPARE(d.hasPending(), tail > 0);
        QCOMPARE(before + TextCodec::decode(all.mid(k - tail), encoding), whole);
        boundaries += tail == 0;
    }
    QCOMPARE(boundaries, int(whole.toUcs4().size()) + 1);   // one per character, and the end
}

void tst_TextCodec::canonicalNames()
{
    QCOMPARE(TextCodec::canonicalName(QStringLiteral("gb2312")), QStringLiteral("GB2312"));
    QCOMPARE(TextCodec::canonicalName(QStringLiteral("utf8")), QStringLiteral("UTF-8"));
    QCOMPARE(TextCodec::canonicalName(QStringLiteral("ISO-8859-1")), QStringLiteral("Latin-1"));
    QCOMPARE(TextCodec::canonicalName(QStringLiteral("big5")), QStringLiteral("Big5"));
    QCOMPARE(TextCodec::canonicalName(QStringLiteral("klingon")), QString());
    QCOMPARE(TextCodec::encodings().size(), 6);
}

void tst_TextCodec::hexFormat()
{
    QCOMPARE(TextCodec::toHex(QByteArray("\xc4\xe3\x00\x0a", 4)), QStringLiteral("c4 e3 00 0a"));
    QCOMPARE(TextCodec::toHex(QByteArray("\x01\xff"), 0), QStringLiteral("01ff"));
    QCOMPARE(TextCodec::toHex(QByteArray()), QString());
}

void tst_TextCodec::parseHex_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("spaced") << "c4 e3 ba c3" << QByteArray("\xc4\xe3\xba\xc3");
    QTest::newRow("packed") << "C4E3BAC3" << QByteArray("\xc4\xe3\xba\xc3");
    QTest::newRow("0x-commas") << "0x01, 0x02,0xFF" << QByteArray("\x01\x02\xff");
    QTest::newRow("newlines-tabs") << "01\n02\t03\r\n" << QByteArray("\x01\x02\x03");
    QTest::newRow("colons-dashes") << "de:ad-be:ef" << QByteArray("\xde\xad\xbe\xef");
    QTest::newRow("zero-byte") << "00" << QByteArray(1, '\0');
    QTest::newRow("empty") << "" << QByteArray();
    QTest::newRow("only-separators") << " , \n" << QByteArray();
}

void tst_TextCodec::parseHex()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);
    const auto r = TextCodec::parseHex(text);
    QVERIFY2(r.ok, qPrintable(r.errorString));
    QCOMPARE(r.bytes, bytes);
}

void tst_TextCodec::parseHexErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("odd") << "c4 e3 b" << 6 << "position 7";
    QTest::newRow("odd-packed") << "abc" << 0 << "odd";
    QTest::newRow("non-hex") << "c4 g3" << 3 << "\"g\"";
    QTest::newRow("chinese") << "c4 你" << 3 << "position 4";
    QTest::newRow("bare-0x") << "01 0x" << 3 << "0x";
    QTest::newRow("dot") << "01.02" << 2 << "\".\"";
}

void tst_TextCodec::parseHexErrors()
{
    QFETCH(QString, text);
    QFETCH(int, position);
    QFETCH(QString, mentions);
    const auto r = TextCodec::parseHex(text);
    QVERIFY(!r.ok);
    QVERIFY(r.bytes.isEmpty());
    QCOMPARE(r.errorPosition, position);
    QVERIFY2(r.errorString.contains(mentions), qPrintable(r.errorString));
}

void tst_TextCodec::escapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("crlf") << "AT\\r\\n" << "UTF-8" << QByteArray("AT\r\n");
    QTest::newRow("tab-backslash") << "a\\tb\\\\c" << "UTF-8" << QByteArray("a\tb\\c");
    QTest::newRow("nul") << "a\\0b" << "UTF-8" << QByteArray("a\0b", 3);
    QTest::newRow("hex-byte") << "\\xC4\\xe3" << "UTF-8" << QByteArray("\xc4\xe3");
    QTest::newRow("chinese-gb2312-then-escape") << "你好\\n" << "GB2312" << QByteArray("\xc4\xe3\xba\xc3\n");
    QTest::newRow("no-escapes") << "plain" << "GB2312" << QByteArray("plain");
    QTest::newRow("unicode") << "\\u0085\\u202e\\u4F60" << "UTF-8" << QByteArray("\xc2\x85\xe2\x80\xae\xe4\xbd\xa0");
    QTest::newRow("unicode-gb2312") << "\\u4F60\\xff" << "GB2312" << QByteArray("\xc4\xe3\xff");
    QTest::newRow("unicode-latin1") << "\\u00e9\\u0085" << "Latin-1" << QByteArray("\xe9\x85");
}

void tst_TextCodec::escapes()
{
    QFETCH(QString, text);
    QFETCH(QString, encoding);
    QFETCH(QByteArray, bytes);
    const auto r = TextCodec::encodeEscaped(text, encoding);
    QVERIFY2(r.ok, qPrintable(r.errorString));
    QCOMPARE(r.bytes, bytes);
}

void tst_TextCodec::escapeErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("position");
    QTest::newRow("unknown") << "ab\\q" << 2;
    QTest::newRow("trailing") << "ab\\" << 2;
    QTest::newRow("short-x") << "\\x4" << 0;
    QTest::newRow("bad-x") << "1\\xZZ" << 1;
    QTest::newRow("unrepresentable-after-escape") << "\\n\u00e9\U0001F600" << 3;
    QTest::newRow("short-u") << "ab\\u12" << 2;
    QTest::newRow("bad-u") << "\\u12G4" << 0;
    QTest::newRow("unrepresentable-u") << "x\\u4F60" << 1;
    QTest::newRow("surrogate-u") << "x\\uDCFF" << 1;
}

void tst_TextCodec::escapeErrors()
{
    QFETCH(QString, text);
    QFETCH(int, position);
    const auto r = TextCodec::encodeEscaped(text, QStringLiteral("Latin-1"));
    QVERIFY(!r.ok);
    QVERIFY(r.bytes.isEmpty());
    QCOMPARE(r.errorPosition, position);
    QVERIFY(!r.errorString.isEmpty());
}

void tst_TextCodec::visibleTextEscapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << QStringLiteral("hello 你好") << QStringLiteral("hello 你好");
    QTest::newRow("line breaks") << QStringLiteral("a\r\n\tb") << QStringLiteral("a\\r\\n\\tb");
    QTest::newRow("terminal escape") << QStringLiteral("\x1b]0;pwned\x07\x1b[2J")
                                     << QStringLiteral("\\x1B]0;pwned\\x07\\x1B[2J");
    QTest::newRow("NUL and DEL") << QString::fromLatin1("a\0b\x7f", 4) << QStringLiteral("a\\x00b\\x7F");
    QTest::newRow("C1") << QString(QChar(0x9B)) << QStringLiteral("\\u009B");
    QTest::newRow("right-to-left override") << QString(QChar(0x202E)) + QStringLiteral("gpj.exe")
                                            << QStringLiteral("\\u202Egpj.exe");
    QTest::newRow("isolates") << QString(QChar(0x2066)) + QString(QChar(0x2069)) << QStringLiteral("\\u2066\\u2069");
    QTest::newRow("zero width") << QString(QChar(0x200B)) + QString(QChar(0x200D)) + QString(QChar(0xFEFF))
                                << QStringLiteral("\\u200B\\u200D\\uFEFF");
    QTest::newRow("line separator") << QString(QChar(0x2028)) << QStringLiteral("\\u2028");
    // The backslash is escaped itself: the seven characters \x1B[2J are not shown as the escape sequence.
    QTest::newRow("backslash") << QStringLiteral("C:\\dir\\") << QStringLiteral("C:\\\\dir\\\\");
    QTest::newRow("literal escape text") << QStringLiteral("\\x1B[2J") << QStringLiteral("\\\\x1B[2J");
    QTest::newRow("literal \\u") << QStringLiteral("\\u202E") << QStringLiteral("\\\\u202E");
    // Undecodable bytes (lone U+DC80..U+DCFF) as \xHH; other lone surrogates as \uXXXX; pairs kept.
    QTest::newRow("escaped bytes") << QString(QChar(0xDC80)) + QChar(0xDCFF) << QStringLiteral("\\x80\\xFF");
    QTest::newRow("low surrogate below DC80") << QString(QChar(0xDC41)) << QStringLiteral("\\uDC41");
    QTest::newRow("lone high surrogate") << QString(QChar(0xD800)) + QStringLiteral("x") << QStringLiteral("\\uD800x");
    QTest::newRow("high surrogate at the end") << QStringLiteral("x") + QChar(0xD83D) << QStringLiteral("x\\uD83D");
    QTest::newRow("pair with DC80") << QString::fromUcs4(U"\U0001F480") << QString::fromUcs4(U"\U0001F480");
    QTest::newRow("pair reversed") << QString(QChar(0xDC80)) + QChar(0xD83D) << QStringLiteral("\\x80\\uD83D");
    QTest::newRow("everything") << QString::fromUtf8("\\\x1b\xc2\x85\xe2\x80\xae\xf0\x9f\x98\x80") + QChar(0xDCC4)
                                << QStringLiteral("\\\\\\x1B\\u0085\\u202E") + QString::fromUcs4(U"\U0001F600")
                                       + QStringLiteral("\\xC4");
}

void tst_TextCodec::visibleTextEscapes()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(TextCodec::visibleText(text), shown);
}

void tst_TextCodec::visibleTextKeepsLineBreaks()
{
    const auto kept = TextCodec::LineBreaks::Kept;
    QCOMPARE(TextCodec::visibleText(QStringLiteral("a\r\nb\tc\\"), -1, kept), QStringLiteral("a\\r\nb\\tc\\\\"));
    QCOMPARE(TextCodec::visibleText(QString(QChar(0x2028)) + QChar(0xDCFF), -1, kept), QStringLiteral("\\u2028\\xFF"));
}

// A cut never leaves half a surrogate pair behind.
void tst_TextCodec::visibleTextCutKeepsPairs()
{
    const QString text = QStringLiteral("ab") + QString::fromUcs4(U"\U0001F600") + QStringLiteral("cd");
    QCOMPARE(TextCodec::visibleText(text, 3), QStringLiteral("ab") + QChar(0x2026));
    QCOMPARE(TextCodec::visibleText(text, 4), QStringLiteral("ab") + QString::fromUcs4(U"\U0001F600") + QChar(0x2026));
    QCOMPARE(TextCodec::visibleText(text, 0), QString(QChar(0x2026)));
}

// What visibleText() shows of decoded bytes maps back to exactly those bytes through encodeEscaped() (the send
// box with escapes on): shown text is unambiguous.
void tst_TextCodec::shownTextGivesBackTheBytes_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("utf8 plain") << "UTF-8" << QByteArray("hello, 你好");
    QTest::newRow("utf8 backslashes") << "UTF-8" << QByteArray("C:\\dir\\ \\x1B[2J \\\\ \\u202E \\");
    QTest::newRow("utf8 escape sequence") << "UTF-8" << QByteArray("\x1b]0;pwned\x07\x1b[2J");
    QTest::newRow("utf8 controls") << "UTF-8" << QByteArray("a\0b\r\n\t\x7f\x01\x1f", 9);
    QTest::newRow("utf8 C1 bidi zero-width") << "UTF-8" << QByteArray("\xc2\x85\xc2\x9b\xe2\x80\xae\xe2\x80\x8b\xe2\x80\xa8\xef\xbb\xbf");
    QTest::newRow("utf8 byte order mark first") << "UTF-8" << QByteArray("\xef\xbb\xbfok");
    QTest::newRow("utf8 invalid") << "UTF-8" << QByteArray("\xff\xfe\x80 \xc4\xe3\xba\xc3 \xed\xa0\x80 \xf4\x90\x80\x80 \xe4\xbd");
    QTest::newRow("utf8 invalid next to backslash") << "UTF-8" << QByteArray("\\\xff\\x\xfe\\");
    QTest::newRow("utf8 supplementary") << "UTF-8" << QByteArray("\xf0\x9f\x92\x80\xf0\x9f\x98\x80");
    QTest::newRow("gb2312 plain") << "GB2312" << QByteArray("\xc4\xe3\xba\xc3, ok");
    QTest::newRow("gb2312 invalid") << "GB2312" << QByteArray("\xc4" "a\xff\xba\\\xc3\xc4\xe3\x8e\x80\xa1");
    QTest::newRow("gb2312 controls") << "GB2312" << QByteArray("\x1b[2J\r\n\\x1B\x85\x9f");
    QTest::newRow("gbk") << "GBK" << QByteArray("\x80\xff\x81\x40\x81\x7f\xfe\xfe\\");
    QTest::newRow("gb18030") << "GB18030" << QByteArray("\x81\x30\x81\x30\x94\x39\xfc\x36\x84\x31\xa4\x37\x81\x30\x81\xff\x80");
    QTest::newRow("big5") << "Big5" << QByteArray("\xa7\x41\xa6\x6e\x80\xff\xa4\x0a\\");
    QTest::newRow("latin1") << "Latin-1" << QByteArray("caf\xe9 \x85 \x9b \\ \xff");
}

void tst_TextCodec::shownTextGivesBackTheBytes()
{
    QFETCH(QString, encoding);
    QFETCH(QByteArray, bytes);
    const QString shown = TextCodec::visibleText(TextCodec::decode(bytes, encoding));
    const auto r = TextCodec::encodeEscaped(shown, encoding);
    QVERIFY2(r.ok, qPrintable(shown + QStringLiteral(": ") + r.errorString));
    QCOMPARE(r.bytes.toHex(' '), bytes.toHex(' '));
}

// The same on random bytes of every encoding, and distinct bytes are never shown the same.
void tst_TextCodec::shownTextGivesBackRandomBytes()
{
    QRandomGenerator rng(9);
    const QByteArray alphabet("\\x1BuC4\x80\xa1\xff\x81\x30\x39\xe4\xbd\xa0\xc2\x85\xed\xef\xbb\xbf\r\n\t");
    for (const QString &encoding : TextCodec::encodings()) {
        QHash<QString, QByteArray> seen;
        for (int round = 0; round < 3000; ++round) {
            QByteArray bytes(int(rng.bounded(12)), Qt::Uninitialized);
            for (char &c : bytes)
                c = rng.bounded(2) ? alphabet.at(int(rng.bounded(alphabet.size()))) : char(rng.bounded(256));
            const QString shown = TextCodec::visibleText(TextCodec::decode(bytes, encoding));
            const auto r = TextCodec::encodeEscaped(shown, encoding);
            QVERIFY2(r.ok && r.bytes == bytes, qPrintable(encoding + QLatin1Char(' ') + QString::fromLatin1(bytes.toHex(' '))
                                                          + QStringLiteral(" -> ") + shown));
            const auto it = seen.constFind(shown);
            QVERIFY(it == seen.cend() || *it == bytes);
            seen.insert(shown, bytes);
        }
    }
}

void tst_TextCodec::peerTextIsBounded()
{
    const QString cut = TextCodec::visibleText(QString(300, QLatin1Char('x')), 200);
    QCOMPARE(cut.size(), 201);
    QVERIFY(cut.endsWith(QChar(0x2026)));
    QCOMPARE(TextCodec::visibleText(QStringLiteral("short"), 200), QStringLiteral("short"));
    const QString peer = TextCodec::peerText(QByteArray(60000, 'A') + "\x1b");
    QCOMPARE(peer.size(), TextCodec::MaxPeerTextChars + 1);
    QCOMPARE(TextCodec::peerText("caf\xc3\xa9\x07"), QStringLiteral("café\\x07"));
    // Invalid UTF-8 is shown as the bytes it is (not U+FFFD, which a peer can also send), a backslash doubled.
    QCOMPARE(TextCodec::peerText("a\xff\\\xef\xbf\xbd"), QStringLiteral("a\\xFF\\\\") + QChar(0xFFFD));
}
QTEST_GUILESS_MAIN(tst_TextCodec)
#include "tst_textcodec.moc"
