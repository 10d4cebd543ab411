#include "textcodec.h"

#include <QStringDecoder>
#include <QStringEncoder>

#include <map>

namespace NetPoke {

namespace {

struct EncodingInfo
{
    const char *name;     // user-facing
    const char *qtName;   // what QStringConverter / ICU understands
    int maxBytes;
};

constexpr EncodingInfo kEncodings[] = {
    {"UTF-8", "UTF-8", 4},
    {"GB2312", "GB2312", 2},
    {"GBK", "GBK", 2},
    {"GB18030", "GB18030", 4},
    {"Big5", "Big5", 2},
    {"Latin-1", "ISO-8859-1", 1},
};

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

// Converters are costly to open (ICU), so keep one pair per encoding and thread, reset before use.
struct Converters
{
    QStringEncoder encoder;
    QStringDecoder decoder;
};

Converters &converters(const EncodingInfo *info)
{
    thread_local std::map<const EncodingInfo *, Converters> cache;
    auto it = cache.find(info);
    if (it == cache.end()) {
        Converters c;
        if (info == &kEncodings[0]) {
            c.encoder = QStringEncoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
            // A byte order mark is the character U+FEFF like anywhere else, not dropped (it is bytes too).
            c.decoder = QStringDecoder(QStringConverter::Utf8,
                                       QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
        } else if (info == &kEncodings[5]) {
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

QByteArray rawEncode(const EncodingInfo *info, QStringView text)
{
    Converters &c = converters(info);
    return c.encoder.encode(text);
}

QString rawDecode(const EncodingInfo *info, QByteArrayView bytes)
{
    Converters &c = converters(info);
    return c.decoder.decode(bytes);
}

int hexValue(QChar h)
{
    const char16_t u = h.unicode();
    if (u >= '0' && u <= '9') return u - '0';
    if (u >= 'a' && u <= 'f') return u - 'a' + 10;
    if (u >= 'A' && u <= 'F') return u - 'A' + 10;
    return -1;
}

bool isAscii(QByteArrayView bytes)
{
    for (char ch : bytes) {
        if (static_cast<unsigned char>(ch) >= 0x80)
            return false;
    }
    return true;
}

bool isAscii(QStringView text)
{
    for (QChar ch : text) {
        if (ch.unicode() >= 0x80)
            return false;
    }
    return true;
}

// A character is valid when it decodes to exactly one code point that encodes back to the same bytes.
bool decodesAsOneChar(const EncodingInfo *info, QByteArrayView bytes, QString *out)
{
    const QString s = rawDecode(info, bytes);
    if (s.isEmpty() || s.size() > 2)
        return false;
    if (s.size() == 2 && !(s.at(0).isHighSurrogate() && s.at(1).isLowSurrogate()))
        return false;
    if (rawEncode(info, s) != bytes)
        return false;
    *out = s;
    return true;
}

// A byte that is not part of a character: the lone surrogate U+DC00+byte ("surrogateescape").
QChar escapedByte(unsigned char byte)
{
    return QChar(char16_t(0xDC00 + byte));
}

// Whether bytes (shorter than one character) can be the start of a character, completed by the next chunk.
bool isCharPrefix(const EncodingInfo *info, QByteArrayView bytes)
{
    const auto at = [&](qsizetype i) { return static_cast<unsigned char>(bytes[i]); };
    const qsizetype n = bytes.size();
    if (n == 0 || n >= info->maxBytes)
        return false;
    const unsigned char b0 = at(0);
    if (info == &kEncodings[0]) {   // UTF-8
        if (b0 < 0xC2 || b0 > 0xF4)
            return false;
        const qsizetype len = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
        if (n >= len)
            return false;
        for (qsizetype i = 1; i < n; ++i) {
            unsigned char lo = 0x80, hi = 0xBF;
            if (i == 1) {
                if (b0 == 0xE0) lo = 0xA0;
                else if (b0 == 0xED) hi = 0x9F;
                else if (b0 == 0xF0) lo = 0x90;
                else if (b0 == 0xF4) hi = 0x8F;
            }
            if (at(i) < lo || at(i) > hi)
                return false;
        }
        return true;
    }
    if (info == &kEncodings[3]) {   // GB18030: two bytes, or four as 81-FE 30-39 81-FE 30-39
        if (b0 < 0x81 || b0 > 0xFE)
            return false;
        if (n >= 2 && (at(1) < 0x30 || at(1) > 0x39))
            return false;
        return n < 3 || (at(2) >= 0x81 && at(2) <= 0xFE);
    }
    if (info == &kEncodings[1])     // GB2312 (EUC-CN): lead bytes A1-FE
        return b0 >= 0xA1 && b0 <= 0xFE;
    if (info->maxBytes == 2)        // GBK, Big5: lead bytes 81-FE
        return b0 >= 0x81 && b0 <= 0xFE;
    return false;
}

// Decodes bytes; if keepTail, an undecodable tail shorter than one character is left in *tail.
QString decodeImpl(const EncodingInfo *info, QByteArrayView bytes, int *invalidBytes, QByteArray *tail)
{
    int invalid = 0;
    QString result;
    if (isAscii(bytes)) {
        result = QString::fromLatin1(bytes.data(), bytes.size());
    } else {
        const QString fast = rawDecode(info, bytes);
        if (rawEncode(info, fast) == bytes) {
            result = fast;
        } else {
            result.reserve(bytes.size());
            qsizetype i = 0;
            const qsizetype n = bytes.size();
            while (i < n) {
                const auto byte = static_cast<unsigned char>(bytes[i]);
                if (byte < 0x80) {
                    result += QLatin1Char(static_cast<char>(byte));
                    ++i;
                    continue;
                }
                QString ch;
                qsizetype len = 1;
                bool found = false;
                for (; len <= info->maxBytes && i + len <= n; ++len) {
                    if (decodesAsOneChar(info, bytes.sliced(i, len), &ch)) {
                        found = true;
                        break;
                    }
                }
                if (found) {
                    result += ch;
                    i += len;
                    continue;
                }
                if (tail && isCharPrefix(info, bytes.sliced(i))) {
                    // Possibly the start of a character whose rest comes in the next chunk.
                    *tail = bytes.sliced(i).toByteArray();
                    break;
                }
                result += escapedByte(byte);
                ++invalid;
                ++i;
            }
        }
    }
    if (invalidBytes)
        *invalidBytes = invalid;
    return result;
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
    return decodeImpl(info, bytes, invalidBytes, nullptr);
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

TextCodec::Decoder::Decoder(const QString &encoding)
    : m_encoding(canonicalName(encoding).isEmpty() ? QStringLiteral("UTF-8") : canonicalName(encoding))
{
}

QString TextCodec::Decoder::decode(const QByteArray &chunk, int *invalidBytes)
{
    QByteArray data = m_pending + chunk;
    m_pending.clear();
    const EncodingInfo *info = findEncoding(m_encoding);
    return decodeImpl(info, data, invalidBytes, &m_pending);
}

QString TextCodec::Decoder::flush(int *invalidBytes)
{
    const QByteArray data = std::exchange(m_pending, QByteArray());
    return TextCodec::decode(data, m_encoding, invalidBytes);
}

namespace {
bool hiddenFormatting(char16_t c)
{
    return c == 0x061C || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || c == 0x2060
        || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

// How visibleText() shows one UTF-16 unit (a surrogate pair's two units are Plain).
enum class Shown : char { Plain, Backslash, Newline, Return, Tab, Hex, Byte, Unicode };

Shown shownAs(const char16_t *p, const char16_t *end, bool keepLineBreaks)
{
    const char16_t c = *p;
    if (c >= 0x20 && c < 0x7F)
        return c == '\\' ? Shown::Backslash : Shown::Plain;
    if (c < 0x20 || c == 0x7F) {
        switch (c) {
        case '\n': return keepLineBreaks ? Shown::Plain : Shown::Newline;
        case '\r': return Shown::Return;
        case '\t': return Shown::Tab;
        default: return Shown::Hex;
        }
    }
    if (c <= 0x9F || c == 0x2028 || c == 0x2029 || hiddenFormatting(c))
        return Shown::Unicode;
    if (QChar::isHighSurrogate(c))
        return p + 1 < end && QChar::isLowSurrogate(p[1]) ? Shown::Plain : Shown::Unicode;
    if (QChar::isLowSurrogate(c)) {
        // Only reached for a low surrogate without its high one (a pair is skipped as a whole).
        return c >= 0xDC80 && c <= 0xDCFF ? Shown::Byte : Shown::Unicode;
    }
    return Shown::Plain;
}

constexpr int shownWidth(Shown s)
{
    switch (s) {
    case Shown::Plain: return 1;
    case Shown::Backslash:
    case Shown::Newline:
    case Shown::Return:
    case Shown::Tab: return 2;
    case Shown::Hex:
    case Shown::Byte: return 4;
    case Shown::Unicode: return 6;
    }
    return 1;
}
} // namespace

QString TextCodec::visibleText(const QString &text, int maxChars, LineBreaks lineBreaks)
{
    static const char digits[] = "0123456789ABCDEF";
    const bool keep = lineBreaks == LineBreaks::Kept;
    const bool cut = maxChars >= 0 && text.size() > maxChars;
    qsizetype n = cut ? maxChars : text.size();
    const auto *begin = reinterpret_cast<const char16_t *>(text.constData());
    if (cut && n > 0 && QChar::isHighSurrogate(begin[n - 1]) && QChar::isLowSurrogate(begin[n]))
        --n;   // not half a character
    const char16_t *const end = begin + n;
    // Two passes: the exact size first, so the text is written once, without growing.
    qsizetype size = cut ? 1 : 0;
    bool plain = true;
    for (const char16_t *p = begin; p < end; ++p) {
        const Shown s = shownAs(p, end, keep);
        size += shownWidth(s);
        plain = plain && s == Shown::Plain;
        if (s == Shown::Plain && QChar::isHighSurrogate(*p)) {
            ++p;
            ++size;
        }
    }
    if (plain && !cut)
        return text;
    QString out(size, Qt::Uninitialized);
    auto *o = reinterpret_cast<char16_t *>(out.data());
    const auto hex = [&o](char16_t prefix, unsigned value, int digitCount) {
        *o++ = '\\';
        *o++ = prefix;
        for (int shift = 4 * (digitCount - 1); shift >= 0; shift -= 4)
            *o++ = char16_t(digits[(value >> shift) & 0xF]);
    };
    for (const char16_t *p = begin; p < end; ++p) {
        switch (shownAs(p, end, keep)) {
        case Shown::Plain:
            *o++ = *p;
            if (QChar::isHighSurrogate(*p))
                *o++ = *++p;
            break;
        case Shown::Backslash: *o++ = '\\'; *o++ = '\\'; break;
        case Shown::Newline: *o++ = '\\'; *o++ = 'n'; break;
        case Shown::Return: *o++ = '\\'; *o++ = 'r'; break;
        case Shown::Tab: *o++ = '\\'; *o++ = 't'; break;
        case Shown::Hex: hex('x', *p, 2); break;
        case Shown::Byte: hex('x', *p - 0xDC00u, 2); break;
        case Shown::Unicode: hex('u', *p, 4); break;
        }
    }
    if (cut)
        *o++ = 0x2026;
    Q_ASSERT(o == reinterpret_cast<char16_t *>(out.data()) + size);
    return out;
}

QString TextCodec::peerText(const QByteArray &bytes)
{
    // Decode no more than could be shown: a 64 KiB message costs no more than a short one.
    return visibleText(decode(bytes.left(MaxPeerTextChars * 4), QStringLiteral("UTF-8")), MaxPeerTextChars);
}

} // namespace NetPoke
