#include "textcodec.h"
#include "textcodec_p.h"

#include <QStringDecoder>
#include <QStringEncoder>

#include <map>

namespace NetPoke {

namespace TextCodecPrivate {

namespace {

constexpr EncodingInfo kEncodings[] = {
    {"UTF-8", "UTF-8", 4, Scheme::Utf8},
    {"GB2312", "GB2312", 2, Scheme::Gb2312},
    {"GBK", "GBK", 2, Scheme::Gbk},
    {"GB18030", "GB18030", 4, Scheme::Gb18030},
    {"Big5", "Big5", 2, Scheme::Big5},
    {"Latin-1", "ISO-8859-1", 1, Scheme::Latin1},
};

thread_local quint64 t_converterCalls = 0;

// Converters are costly to open (ICU), so keep one pair per encoding and thread, reset before use.
struct Converters
{
    QStringEncoder encoder;
    QStringDecoder decoder;
};

Converters &converters(const EncodingInfo *info)
{
    thread_local std::map<const EncodingInfo *, Converters> cache;
    ++t_converterCalls;
    auto it = cache.find(info);
    if (it == cache.end()) {
        Converters c;
        if (info->scheme == Scheme::Utf8) {
            c.encoder = QStringEncoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
            // A byte order mark is the character U+FEFF like anywhere else, not dropped (it is bytes too).
            c.decoder = QStringDecoder(QStringConverter::Utf8,
                                       QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
        } else if (info->scheme == Scheme::Latin1) {
            c.encoder = QStringEncoder(QStringConverter::Latin1, QStringConverter::Flag::Stateless);
            c.decoder = QStringDecoder(QStringConverter::Latin1, QStringConverter::Flag::Stateless);
        } else {
            c.encoder = QStringEncoder(info->qtName, QStringConverter::Flag::Stateless);
            c.decoder = QStringDecoder(info->qtName, QStringConverter::Flag::Stateless);
        }
        it = cache.emplace(info, std::move(c)).first;
    }
    it->second.encoder.resetState();
    it->second.decoder.resetState();
    return it->second;
}

} // namespace

const EncodingInfo *findEncoding(const QString &name)
{
    QString n = name.trimmed().toLower();
    n.remove(QLatin1Char('-')).remove(QLatin1Char('_')).remove(QLatin1Char(' '));
    if (n == QLatin1String("utf8"))
        return &kEncodings[0];
    if (n == QLatin1String("gb2312") || n == QLatin1String("euccn"))
        return &kEncodings[1];
    if (n == QLatin1String("gbk") || n == QLatin1String("cp936"))
        return &kEncodings[2];
    if (n == QLatin1String("gb18030"))
        return &kEncodings[3];
    if (n == QLatin1String("big5"))
        return &kEncodings[4];
    if (n == QLatin1String("latin1") || n == QLatin1String("iso88591"))
        return &kEncodings[5];
    return nullptr;
}

QByteArray rawEncode(const EncodingInfo *info, QStringView text)
{
    return converters(info).encoder.encode(text);
}

QString rawDecode(const EncodingInfo *info, QByteArrayView bytes)
{
    return converters(info).decoder.decode(bytes);
}

quint64 converterCalls()
{
    return t_converterCalls;
}

} // namespace TextCodecPrivate

using namespace TextCodecPrivate;

namespace {

int hexValue(QChar h)
{
    const char16_t u = h.unicode();
    if (u >= '0' && u <= '9') return u - '0';
    if (u >= 'a' && u <= 'f') return u - 'a' + 10;
    if (u >= 'A' && u <= 'F') return u - 'A' + 10;
    return -1;
}

bool isAscii(QStringView text)
{
    for (QChar ch : text) {
        if (ch.unicode() >= 0x80)
            return false;
    }
    return true;
}

} // namespace

QStringList TextCodec::encodings()
{
    QStringList names;
    for (const auto &e : kEncodings)
        names << QLatin1String(e.name);
    return names;
}

bool TextCodec::isSupported(const QString &encoding)
{
    return findEncoding(encoding) != nullptr;
}

QString TextCodec::canonicalName(const QString &encoding)
{
    const EncodingInfo *info = findEncoding(encoding);
    return info ? QLatin1String(info->name) : QString();
}

int TextCodec::maxCharBytes(const QString &encoding)
{
    const EncodingInfo *info = findEncoding(encoding);
    return info ? info->maxBytes : 1;
}

TextCodec::Result TextCodec::encode(const QString &text, const QString &encoding)
{
    Result r;
    const EncodingInfo *info = findEncoding(encoding);
    if (!info) {
        r.ok = false;
        r.errorPosition = 0;
        r.errorString = tr("Unknown encoding \"%1\". Supported: %2.")
                            .arg(encoding, encodings().join(QStringLiteral(", ")));
        return r;
    }
    if (isAscii(QStringView(text))) {
        r.bytes = text.toLatin1();
        return r;
    }
    QByteArray bytes = rawEncode(info, text);
    if (rawDecode(info, bytes) == text) {
        r.bytes = std::move(bytes);
        return r;
    }
    // Find the first character that does not survive the round trip.
    r.bytes.clear();
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype len = (text.at(i).isHighSurrogate() && i + 1 < text.size()
                               && text.at(i + 1).isLowSurrogate()) ? 2 : 1;
        const QStringView ch = QStringView(text).sliced(i, len);
        const QByteArray b = rawEncode(info, ch);
        if (b.isEmpty() || rawDecode(info, b) != ch) {
            r.ok = false;
            r.errorPosition = int(i);
            r.errorString = tr("The character \"%1\" at position %2 cannot be written in %3.")
                                .arg(ch.toString())
                                .arg(i + 1)
                                .arg(QLatin1String(info->name));
            r.bytes.clear();
            return r;
        }
        r.bytes += b;
        i += len;
    }
    return r;
}

TextCodec::Result TextCodec::encodeEscaped(const QString &text, const QString &encoding)
{
    Result r;
    QString plain;
    qsizetype plainStart = 0;
    auto flushPlain = [&]() -> bool {
        if (plain.isEmpty())
            return true;
        Result part = encode(plain, encoding);
        if (!part.ok) {
            r = part;
            r.errorPosition += int(plainStart);
            // Re-state the position in terms of the whole text.
            const auto *info = findEncoding(encoding);
            if (info) {
                r.errorString = tr("The character \"%1\" at position %2 cannot be written in %3.")
                                    .arg(text.at(r.errorPosition))
                                    .arg(r.errorPosition + 1)
                                    .arg(QLatin1String(info->name));
            }
            return false;
        }
        r.bytes += part.bytes;
        plain.clear();
        return true;
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('\\')) {
            if (plain.isEmpty())
                plainStart = i;
            plain += c;
            continue;
        }
        if (!flushPlain())
            return r;
        if (i + 1 >= n) {
            r.ok = false;
            r.errorPosition = int(i);
            r.errorString = tr("A lone backslash at position %1 ends the text; write \\\\ for a backslash.").arg(i + 1);
            r.bytes.clear();
            return r;
        }
        const QChar e = text.at(i + 1);
        switch (e.unicode()) {
        case 'r': r.bytes += '\r'; ++i; break;
        case 'n': r.bytes += '\n'; ++i; break;
        case 't': r.bytes += '\t'; ++i; break;
        case '\\': r.bytes += '\\'; ++i; break;
        case '0': r.bytes += '\0'; ++i; break;
        case 'x': {
            const int hi = i + 2 < n ? hexValue(text.at(i + 2)) : -1;
            const int lo = i + 3 < n ? hexValue(text.at(i + 3)) : -1;
            if (hi < 0 || lo < 0) {
                r.ok = false;
                r.errorPosition = int(i);
                r.errorString = tr("\\x at position %1 must be followed by two hex digits, as in \\x0D.").arg(i + 1);
                r.bytes.clear();
                return r;
            }
            r.bytes += char(hi * 16 + lo);
            i += 3;
            break;
        }
        case 'u': {
            // A character by its code point, as visibleText() writes C1 controls, bidi and zero-width characters.
            int value = 0;
            for (qsizetype k = i + 2; k < i + 6; ++k) {
                const int d = k < n ? hexValue(text.at(k)) : -1;
                if (d < 0) {
                    r.ok = false;
                    r.errorPosition = int(i);
                    r.errorString = tr("\\u at position %1 must be followed by four hex digits, as in \\u200E.").arg(i + 1);
                    r.bytes.clear();
                    return r;
                }
                value = value * 16 + d;
            }
            const QChar ch{char16_t(value)};
            Result part = encode(QString(ch), encoding);
            if (part.ok && ch.isSurrogate())
                part.ok = false;   // half a character is no text
            if (!part.ok) {
                r = part;
                r.errorPosition = int(i);
                if (const auto *info = findEncoding(encoding)) {
                    r.errorString = tr("The character \"%1\" at position %2 cannot be written in %3.")
                                        .arg(text.mid(i, 6))
                                        .arg(i + 1)
                                        .arg(QLatin1String(info->name));
                }
                r.bytes.clear();
                return r;
            }
            r.bytes += part.bytes;
            i += 5;
            break;
        }
        default:
            r.ok = false;
            r.errorPosition = int(i);
            r.errorString = tr("Unknown escape \"\\%1\" at position %2. Known: \\r \\n \\t \\\\ \\0 \\xHH \\uXXXX.")
                                .arg(e)
                                .arg(i + 1);
            r.bytes.clear();
            return r;
        }
    }
    flushPlain();
    return r;
}

QString TextCodec::decode(const QByteArray &bytes, const QString &encoding, int *invalidBytes)
{
    const EncodingInfo *info = findEncoding(encoding);
    if (!info)
        info = &kEncodings[0];
    return decodeBytes(info, bytes, invalidBytes, nullptr);
}

QString TextCodec::toHex(const QByteArray &bytes, char sep)
{
    return QString::fromLatin1(sep ? bytes.toHex(sep) : bytes.toHex());
}

TextCodec::Result TextCodec::parseHex(const QString &text)
{
    Result r;
    const qsizetype n = text.size();
    r.bytes.reserve(n / 2);
    const auto isSep = [](QChar c) {
        return c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char(':') || c == QLatin1Char('-')
            || c == QLatin1Char(';');
    };
    qsizetype i = 0;
    while (i < n) {
        if (isSep(text.at(i))) {
            ++i;
            continue;
        }
        // A token: optional 0x prefix, then hex digits up to the next separator.
        const qsizetype tokenStart = i;
        if (text.at(i) == QLatin1Char('0') && i + 1 < n
            && (text.at(i + 1) == QLatin1Char('x') || text.at(i + 1) == QLatin1Char('X'))) {
            i += 2;
        }
        const qsizetype digitsStart = i;
        while (i < n && !isSep(text.at(i))) {
            if (hexValue(text.at(i)) < 0) {
                r.ok = false;
                r.errorPosition = int(i);
                r.errorString = tr("\"%1\" at position %2 is not a hex digit (0-9, A-F).")
                                    .arg(text.at(i))
                                    .arg(i + 1);
                r.bytes.clear();
                return r;
            }
            ++i;
        }
        const qsizetype digits = i - digitsStart;
        if (digits == 0) {
            r.ok = false;
            r.errorPosition = int(tokenStart);
            r.errorString = tr("\"0x\" at position %1 is not followed by hex digits.").arg(tokenStart + 1);
            r.bytes.clear();
            return r;
        }
        if (digits % 2) {
            r.ok = false;
            r.errorPosition = int(tokenStart);
            r.errorString = tr("\"%1\" at position %2 has an odd number of hex digits; write each byte as two digits (e.g. 0A).")
                                .arg(text.mid(tokenStart, i - tokenStart))
                                .arg(tokenStart + 1);
            r.bytes.clear();
            return r;
        }
        for (qsizetype k = digitsStart; k < i; k += 2)
            r.bytes += char(hexValue(text.at(k)) * 16 + hexValue(text.at(k + 1)));
    }
    return r;
}

int TextCodec::incompleteTail(QByteArrayView bytes, const QString &encoding)
{
    return incompleteTailBytes(findEncoding(encoding), bytes);
}

TextCodec::Decoder::Decoder(const QString &encoding)
    : m_encoding(canonicalName(encoding).isEmpty() ? QStringLiteral("UTF-8") : canonicalName(encoding))
{
}

QString TextCodec::Decoder::decode(const QByteArray &chunk, int *invalidBytes)
{
    QByteArray data = m_pending + chunk;
    m_pending.clear();
    const EncodingInfo *info = findEncoding(m_encoding);
    return decodeBytes(info, data, invalidBytes, &m_pending);
}

QString TextCodec::Decoder::flush(int *invalidBytes)
{
    const QByteArray data = std::exchange(m_pending, QByteArray());
    return TextCodec::decode(data, m_encoding, invalidBytes);
}

} // namespace NetPoke
