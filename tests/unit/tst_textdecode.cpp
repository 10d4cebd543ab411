// TextCodec::decode() against the rule it implements, evaluated the slow way with QStringDecoder and
// QStringEncoder: at each position the shortest byte sequence that decodes alone to one code point which
// encodes back to the same bytes is a character; a byte that starts none is U+DC00+byte. (This is what
// decode() did before it was table-driven, except that a UTF-8 byte order mark at the very start was then
// taken for invalid bytes, because QStringDecoder drops it; here, as now, it is U+FEFF.)

#include "textcodec.h"
#include "textcodec_p.h"

#include <QRandomGenerator>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTest>

using NetPoke::TextCodec;
namespace Private = NetPoke::TextCodecPrivate;

namespace {

class Reference
{
public:
    explicit Reference(const QString &encoding)
        : m_info(Private::findEncoding(encoding))
    {
        using F = QStringConverter::Flag;
        if (m_info->scheme == Private::Scheme::Utf8) {
            m_decoder = QStringDecoder(QStringConverter::Utf8, F::Stateless | F::ConvertInitialBom);
            m_encoder = QStringEncoder(QStringConverter::Utf8, F::Stateless);
        } else if (m_info->scheme == Private::Scheme::Latin1) {
            m_decoder = QStringDecoder(QStringConverter::Latin1, F::Stateless);
            m_encoder = QStringEncoder(QStringConverter::Latin1, F::Stateless);
        } else {
            m_decoder = QStringDecoder(m_info->qtName, F::Stateless);
            m_encoder = QStringEncoder(m_info->qtName, F::Stateless);
        }
    }

    QString wholeDecode(QByteArrayView bytes)
    {
        m_decoder.resetState();
        return m_decoder.decode(bytes);
    }
    QByteArray encode(QStringView text)
    {
        m_encoder.resetState();
        return m_encoder.encode(text);
    }

    // The rule, position by position.
    QString decode(QByteArrayView bytes, int *invalid)
    {
        QString out;
        *invalid = 0;
        for (qsizetype i = 0; i < bytes.size();) {
            const auto b = static_cast<unsigned char>(bytes[i]);
            if (b < 0x80) {
                out += QLatin1Char(char(b));
                ++i;
                continue;
            }
            bool found = false;
            for (qsizetype len = 1; len <= m_info->maxBytes && i + len <= bytes.size(); ++len) {
                const QByteArrayView seq = bytes.sliced(i, len);
                const QString s = wholeDecode(seq);
                const bool one = s.size() == 1 || (s.size() == 2 && s.at(0).isHighSurrogate() && s.at(1).isLowSurrogate());
                if (one && encode(s) == seq) {
                    out += s;
                    i += len;
                    found = true;
                    break;
                }
            }
            if (!found) {
                out += QChar(char16_t(0xDC00 + b));
                ++*invalid;
                ++i;
            }
        }
        return out;
    }

private:
    const Private::EncodingInfo *m_info;
    QStringDecoder m_decoder;
    QStringEncoder m_encoder;
};

QByteArray randomBytes(QRandomGenerator &rng, int size, const QByteArray &alphabet = {})
{
    QByteArray b(size, Qt::Uninitialized);
    for (char &c : b)
        c = alphabet.isEmpty() ? char(rng.bounded(256)) : alphabet.at(int(rng.bounded(alphabet.size())));
    return b;
}

QString hexOf(QByteArrayView b)
{
    return QString::fromLatin1(b.toByteArray().toHex(' '));
}

} // namespace

class tst_TextDecode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyShortSequenceFollowsTheRule_data();
    void everyShortSequenceFollowsTheRule();
    void gb18030FourByteSequences();
    void randomInputFollowsTheRule_data();
    void randomInputFollowsTheRule();
    void validTextDecodesAsQStringDecoder_data();
    void validTextDecodesAsQStringDecoder();
    void everyByteAccountedFor();
    void chunksDecodeAsTheWhole();
    void decodingMakesNoConverterCalls();

private:
    QStringList m_encodings;
};

void tst_TextDecode::initTestCase()
{
    m_encodings = TextCodec::encodings();
    QCOMPARE(m_encodings.size(), 6);
}

void tst_TextDecode::everyShortSequenceFollowsTheRule_data()
{
    QTest::addColumn<QString>("encoding");
    for (const QString &e : TextCodec::encodings())
        QTest::newRow(qPrintable(e)) << e;
}

// Every byte alone and every pair from a byte 80-FF, followed by nothing and by "A": the tables are the rule.
void tst_TextDecode::everyShortSequenceFollowsTheRule()
{
    QFETCH(QString, encoding);
    Reference ref(encoding);
    for (int lead = 0x80; lead <= 0xFF; ++lead) {
        for (int trail = -1; trail <= 0xFF; ++trail) {
            QByteArray seq(1, char(lead));
            if (trail >= 0)
                seq += char(trail);
            for (const QByteArray &input : {seq, QByteArray(seq + 'A')}) {
                int refInvalid = 0, invalid = -1;
                const QString expected = ref.decode(input, &refInvalid);
                const QString actual = TextCodec::decode(input, encoding, &invalid);
                if (actual != expected || invalid != refInvalid)
                    QFAIL(qPrintable(QStringLiteral("%1: %2 gives %3, the rule %4")
                                         .arg(encoding, hexOf(input), TextCodec::visibleText(actual),
                                              TextCodec::visibleText(expected))));
            }
        }
    }
}

// GB18030's four-byte sequences: all of the BMP range, a sample of the rest of 81-FE 30-39 81-FE 30-39
// (every second-to-last byte at both ends of each range), and all of the supplementary planes at once.
void tst_TextDecode::gb18030FourByteSequences()
{
    const QString gb = QStringLiteral("GB18030");
    Reference ref(gb);
    const auto fourBytes = [](int i) {
        QByteArray b(4, Qt::Uninitialized);
        b[0] = char(0x81 + i / 12600);
        b[1] = char(0x30 + i / 1260 % 10);
        b[2] = char(0x81 + i / 10 % 126);
        b[3] = char(0x30 + i % 10);
        return b;
    };
    QRandomGenerator rng(18030);
    QList<int> indexes;
    for (int i = 0; i < 39420 + 20; ++i)   // the BMP range and just past it
        indexes.append(i);
    for (int k = 0; k < 20000; ++k)
        indexes.append(int(rng.bounded(126 * 10 * 126 * 10)));
    for (int i : {189000 - 1, 189000, 189000 + 0xFFFFF, 189000 + 0x100000, 126 * 10 * 126 * 10 - 1})
        indexes.append(i);
    for (int i : std::as_const(indexes)) {
        const QByteArray seq = fourBytes(i);
        int refInvalid = 0, invalid = -1;
        const QString expected = ref.decode(seq, &refInvalid);
        const QString actual = TextCodec::decode(seq, gb, &invalid);
        if (actual != expected || invalid != refInvalid)
            QFAIL(qPrintable(QStringLiteral("%1 gives %2, the rule %3")
                                 .arg(hexOf(seq), TextCodec::visibleText(actual), TextCodec::visibleText(expected))));
    }
    // U+10000..U+10FFFF: QStringDecoder on all of them at once (valid, so the whole decode is the rule),
    // and each of them encodes back to its bytes.
    QByteArray all;
    for (int i = 189000; i < 189000 + 0x100000; ++i)
        all += fourBytes(i);
    const QString expected = ref.wholeDecode(all);
    QCOMPARE(expected.size(), 2 * 0x100000);
    QCOMPARE(ref.encode(expected), all);
    int invalid = -1;
    QVERIFY(TextCodec::decode(all, gb, &invalid) == expected);
    QCOMPARE(invalid, 0);
}

void tst_TextDecode::randomInputFollowsTheRule_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QByteArray>("alphabet");   // empty: any byte
    for (const QString &e : TextCodec::encodings()) {
        QTest::addRow("%s any byte", qPrintable(e)) << e << QByteArray();
        QTest::addRow("%s high bytes", qPrintable(e)) << e << QByteArray("\x80\x81\x8e\xa1\xa4\xb0\xc2\xc4\xe0\xe3\xed\xef\xf0\xf4\xf8\xfe\xff");
        QTest::addRow("%s structure", qPrintable(e))
            << e << QByteArray("\x30\x39\x40\x7e\x7f\x80\x81\x84\x90\x94\xa1\xbb\xbf\xfe\xe4\xbd\xa0\xf0\x9f\x98\x0a" "A\\");
    }
}

void tst_TextDecode::randomInputFollowsTheRule()
{
    QFETCH(QString, encoding);
    QFETCH(QByteArray, alphabet);
    Reference ref(encoding);
    QRandomGenerator rng(9);
    for (int round = 0; round < 300; ++round) {
        const QByteArray input = randomBytes(rng, int(rng.bounded(1, 200)), alphabet);
        int refInvalid = 0, invalid = -1;
        const QString expected = ref.decode(input, &refInvalid);
        const QString actual = TextCodec::decode(input, encoding, &invalid);
        if (actual != expected || invalid != refInvalid)
            QFAIL(qPrintable(QStringLiteral("%1 gives %2, the rule %3")
                                 .arg(hexOf(input), TextCodec::visibleText(actual), TextCodec::visibleText(expected))));
    }
}

void tst_TextDecode::validTextDecodesAsQStringDecoder_data()
{
    QTest::addColumn<QString>("encoding");
    for (const QString &e : TextCodec::encodings())
        QTest::newRow(qPrintable(e)) << e;
}

// Text made of characters the encoding can write (random code points, kept when they survive a round
// trip) decodes exactly as QStringDecoder decodes it.
void tst_TextDecode::validTextDecodesAsQStringDecoder()
{
    QFETCH(QString, encoding);
    Reference ref(encoding);
    QRandomGenerator rng(7);
    for (int round = 0; round < 200; ++round) {
        QString text;
        while (text.size() < 300) {
            const char32_t cp = rng.bounded(4) == 0 ? char32_t(rng.bounded(0x80))
                              : rng.bounded(8) == 0 ? char32_t(rng.bounded(0x10000, 0x110000))
                                                    : char32_t(rng.bounded(0x80, 0x10000));
            if (cp >= 0xD800 && cp <= 0xDFFF)
                continue;
            const QString ch = QString::fromUcs4(&cp, 1);
            const QByteArray b = ref.encode(ch);
            if (!b.isEmpty() && ref.wholeDecode(b) == ch)
                text += ch;
        }
        const QByteArray bytes = ref.encode(text);
        int invalid = -1;
        const QString decoded = TextCodec::decode(bytes, encoding, &invalid);
        QCOMPARE(invalid, 0);
        QVERIFY2(decoded == ref.wholeDecode(bytes), qPrintable(hexOf(bytes)));
        QCOMPARE(decoded, text);
    }
}

// Whatever the input, the text gives back all of it: each U+DC80..U+DCFF is its byte, every other character
// encodes to its own bytes.
void tst_TextDecode::everyByteAccountedFor()
{
    QRandomGenerator rng(3);
    for (const QString &encoding : std::as_const(m_encodings)) {
        Reference ref(encoding);
        for (int round = 0; round < 200; ++round) {
            const QByteArray input = randomBytes(rng, int(rng.bounded(0, 3000)));
            int invalid = -1;
            const QString text = TextCodec::decode(input, encoding, &invalid);
            QByteArray back;
            int escaped = 0;
            for (qsizetype i = 0; i < text.size(); ++i) {
                const char16_t c = text.at(i).unicode();
                if (c >= 0xDC80 && c <= 0xDCFF) {
                    back += char(c - 0xDC00);
                    ++escaped;
                } else {
                    const qsizetype len = QChar::isHighSurrogate(c) ? 2 : 1;
                    QVERIFY(!QChar::isSurrogate(c) || (len == 2 && text.at(i + 1).isLowSurrogate()));
                    back += ref.encode(QStringView(text).sliced(i, len));
                    i += len - 1;
                }
            }
            QCOMPARE(escaped, invalid);
            QVERIFY2(back == input, qPrintable(encoding + QLatin1Char(' ') + hexOf(input)));
        }
    }
}

// A Decoder given the bytes in two chunks, then flushed, gives what decode() gives for all of them.
void tst_TextDecode::chunksDecodeAsTheWhole()
{
    QRandomGenerator rng(5);
    const QByteArray alphabet("\x30\x39\x81\x84\x90\x94\xa1\xc4\xe3\xe4\xbd\xa0\xf0\x9f\x98\xff\x80" "A");
    for (const QString &encoding : std::as_const(m_encodings)) {
        for (int round = 0; round < 2000; ++round) {
            const QByteArray input = randomBytes(rng, int(rng.bounded(0, 12)), round % 2 ? alphabet : QByteArray());
            const int split = int(rng.bounded(input.size() + 1));
            int whole = -1, a = -1, b = -1, c = -1;
            const QString expected = TextCodec::decode(input, encoding, &whole);
            TextCodec::Decoder d(encoding);
            QString got = d.decode(input.left(split), &a);
            got += d.decode(input.mid(split), &b);
            got += d.flush(&c);
            QVERIFY2(got == expected && a + b + c == whole,
                     qPrintable(encoding + QLatin1Char(' ') + hexOf(input) + QStringLiteral(" at ") + QString::number(split)));
        }
    }
}

// A datagram costs no converter call, whatever it holds (the tables are built before).
void tst_TextDecode::decodingMakesNoConverterCalls()
{
    QRandomGenerator rng(1);
    const QList<QByteArray> inputs{QByteArray(65507, '\xff'), QByteArray(65507, '\x80'), randomBytes(rng, 65507),
                                   QByteArray("\xc4\xe3\xff").repeated(21835), QByteArray("\xe4\xbd\xa0\xff").repeated(16376)};
    for (const QString &encoding : std::as_const(m_encodings)) {
        (void)TextCodec::decode(QByteArray("\xff"), encoding);
        const quint64 before = Private::converterCalls();
        for (const QByteArray &input : inputs) {
            int invalid = -1;
            const QString text = TextCodec::decode(input, encoding, &invalid);
            QVERIFY(!text.isEmpty() && invalid >= 0);
            TextCodec::Decoder d(encoding);
            (void)d.decode(input);
            (void)d.flush();
        }
        QCOMPARE(Private::converterCalls() - before, quint64(0));
    }
}

QTEST_GUILESS_MAIN(tst_TextDecode)
#include "tst_textdecode.moc"
