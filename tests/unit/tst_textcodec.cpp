#include "textcodec.h"

#include <QTest>

using NetPoke::TextCodec;

class tst_TextCodec : public QObject
{
    Q_OBJECT

private slots:
    void visibleTextEscapes_data();
    void visibleTextEscapes();
    void peerTextIsBounded();
    void encodeKnownVectors_data();
    void encodeKnownVectors();
    void decodeKnownVectors_data();
    void decodeKnownVectors();
    void encodeUnrepresentable();
    void unknownEncoding();
    void decodeInvalidShownAsHex_data();
    void decodeInvalidShownAsHex();
    void decoderSplitCharacter_data();
    void decoderSplitCharacter();
    void decoderFlushShowsIncompleteTail();
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

void tst_TextCodec::decodeInvalidShownAsHex_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("invalid");
    QTest::newRow("utf8-lone-lead") << "UTF-8" << QByteArray("a\xc4" "b") << QStringLiteral("a\\xC4b") << 1;
    QTest::newRow("utf8-ff") << "UTF-8" << QByteArray("\xff\xfe") << QStringLiteral("\\xFF\\xFE") << 2;
    QTest::newRow("utf8-truncated-end") << "UTF-8" << QByteArray("\xe4\xbd") << QStringLiteral("\\xE4\\xBD") << 2;
    QTest::newRow("gb2312-lone-lead") << "GB2312" << QByteArray("\xc4" "a\xba\xc3")
                                      << QStringLiteral("\\xC4a好") << 1;
    QTest::newRow("gb2312-trailing-lead") << "GB2312" << QByteArray("\xc4\xe3\xba")
                                          << QStringLiteral("你\\xBA") << 1;
    QTest::newRow("utf8-of-gb2312") << "UTF-8" << QByteArray("\xc4\xe3\xba\xc3")
                                    << QStringLiteral("\\xC4\\xE3\\xBA\\xC3") << 4;
    QTest::newRow("latin1-all-valid") << "Latin-1" << QByteArray("\xc4\xe3") << QStringLiteral("\u00c4\u00e3") << 0;
    QTest::newRow("utf8-replacement-char-is-valid") << "UTF-8" << QByteArray("\xef\xbf\xbd")
                                                    << QString(QChar(0xFFFD)) << 0;
}

void tst_TextCodec::decodeInvalidShownAsHex()
{
    QFETCH(QString, encoding);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(int, invalid);
    int n = -1;
    QCOMPARE(TextCodec::decode(bytes, encoding, &n), text);
    QCOMPARE(n, invalid);
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
    QCOMPARE(d.flush(&invalid), QStringLiteral("\\xC4"));
    QCOMPARE(invalid, 1);
    QVERIFY(!d.hasPending());
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
}

void tst_TextCodec::visibleTextEscapes()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(TextCodec::visibleText(text), shown);
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
}
QTEST_GUILESS_MAIN(tst_TextCodec)
#include "tst_textcodec.moc"
