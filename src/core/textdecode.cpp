// TextCodec's decoding: one pass over the bytes, no converter call per byte.
//
// A character is valid when QStringDecoder reads its bytes alone as one code point that QStringEncoder writes
// back as the same bytes; the shortest valid sequence at a position wins, and a byte that starts none becomes
// U+DC00+byte. UTF-8 and Latin-1 follow their definitions directly. For the Chinese encodings (ICU tables),
// that rule is evaluated once per byte sequence that can be a character (bytes 80-FF alone, every pair with
// a lead byte 80-FF, GB18030's four-byte sequences of the BMP) into lookup tables, at the first use of the
// encoding in the process; GB18030's four-byte sequences outside the BMP are arithmetic (U+10000 + index).
// tst_textcodec checks the tables against QStringDecoder/QStringEncoder, sequence by sequence.

#include "textcodec_p.h"

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

namespace NetPoke::TextCodecPrivate {

namespace {

using uchar = unsigned char;

// GB18030 four-byte sequences 81-FE 30-39 81-FE 30-39 by index: 0 .. 39419 are the BMP (81 30 81 30 ..
// 84 31 A4 39), from 189000 (90 30 81 30) the supplementary planes, U+10000 + (index - 189000).
constexpr int Gb18030BmpFourCount = 39420;
constexpr int Gb18030SupplementaryStart = 189000;

int gb18030FourIndex(const uchar *p)
{
    if (p[0] < 0x81 || p[0] > 0xFE || p[1] < 0x30 || p[1] > 0x39 || p[2] < 0x81 || p[2] > 0xFE || p[3] < 0x30
        || p[3] > 0x39)
        return -1;
    return (((p[0] - 0x81) * 10 + (p[1] - 0x30)) * 126 + (p[2] - 0x81)) * 10 + (p[3] - 0x30);
}

// The code point bytes decode to alone, when it encodes back to the same bytes; 0 otherwise. A character
// outside the BMP counts as none here: the one- and two-byte tables of ICU have none (tst_textcodec checks).
char16_t bmpCharacter(const EncodingInfo *info, QByteArrayView bytes)
{
    const QString s = rawDecode(info, bytes);
    if (s.size() != 1 || s.at(0).isSurrogate() || rawEncode(info, s) != bytes)
        return 0;
    return s.at(0).unicode();
}

struct Tables
{
    explicit Tables(const EncodingInfo *info)
        : pairs(128 * 256, 0)
    {
        if (info->scheme == Scheme::Gb18030)
            fourBmp.resize(Gb18030BmpFourCount, 0);
        if (!fillFromEncoder(info))
            fillOneByOne(info);
    }

    // The table entry for a sequence of 1, 2 or 4 bytes (the first from 80), or nullptr.
    char16_t *entry(const uchar *b, qsizetype n)
    {
        if (n == 1)
            return &single[b[0] - 0x80];
        if (n == 2)
            return &pairs[(b[0] - 0x80) << 8 | b[1]];
        const int index = n == 4 && !fourBmp.empty() ? gb18030FourIndex(b) : -1;
        return index >= 0 && index < Gb18030BmpFourCount ? &fourBmp[index] : nullptr;
    }

    // From the encoder's side, in two converter calls: every code point of the BMP from U+0080 is written
    // alone (one per line), and the bytes it gave are read back (one per line). A sequence is a character
    // exactly when a code point writes it and it reads as that code point again, so this finds every one.
    // False when the converters did not give one line per code point.
    bool fillFromEncoder(const EncodingInfo *info)
    {
        QString text;
        text.reserve(2 * 0x10000);
        for (char32_t c = 0x80; c <= 0xFFFF; ++c) {
            if (!QChar::isSurrogate(c))
                text += QChar(char16_t(c)) + QLatin1Char('\n');
        }
        const QByteArray written = rawEncode(info, text);
        QByteArray readBack;
        readBack.reserve(written.size());
        std::vector<std::pair<qsizetype, qsizetype>> candidates;   // (offset in written, length)
        std::vector<char16_t> codePoints;
        qsizetype line = 0, start = 0;
        for (qsizetype i = 0; i < written.size(); ++i) {
            if (written[i] != '\n')
                continue;
            const qsizetype n = i - start;
            const auto *b = reinterpret_cast<const uchar *>(written.constData()) + start;
            if (line * 2 >= text.size())
                return false;
            if ((n == 1 || n == 2 || n == 4) && b[0] >= 0x80 && entry(b, n)) {
                candidates.emplace_back(start, n);
                codePoints.push_back(text.at(line * 2).unicode());
                readBack += QByteArrayView(written).sliced(start, n);
                readBack += '\n';
            }
            ++line;
            start = i + 1;
        }
        if (line * 2 != text.size() || start != written.size())
            return false;
        const QString read = rawDecode(info, readBack);
        const auto *r = reinterpret_cast<const char16_t *>(read.constData());
        const char16_t *const rEnd = r + read.size();
        for (size_t k = 0; k < candidates.size(); ++k) {
            const char16_t *eol = std::find(r, rEnd, u'\n');
            if (eol == rEnd)
                return false;
            if (eol - r == 1 && *r == codePoints[k]) {
                const auto *b = reinterpret_cast<const uchar *>(written.constData()) + candidates[k].first;
                *entry(b, candidates[k].second) = codePoints[k];
            }
            r = eol + 1;
        }
        return r == rEnd;
    }

    // The rule itself, sequence by sequence (some 100,000 converter calls): only if the above failed.
    void fillOneByOne(const EncodingInfo *info)
    {
        std::fill(std::begin(single), std::end(single), char16_t(0));
        std::fill(pairs.begin(), pairs.end(), char16_t(0));
        std::fill(fourBmp.begin(), fourBmp.end(), char16_t(0));
        for (int b = 0x80; b <= 0xFF; ++b) {
            const char one = char(b);
            single[b - 0x80] = bmpCharacter(info, QByteArrayView(&one, 1));
        }
        for (int lead = 0x80; lead <= 0xFF; ++lead) {
            for (int trail = 0; trail <= 0xFF; ++trail) {
                const char two[2] = {char(lead), char(trail)};
                pairs[(lead - 0x80) << 8 | trail] = bmpCharacter(info, QByteArrayView(two, 2));
            }
        }
        for (int i = 0; i < int(fourBmp.size()); ++i) {
            const char four[4] = {char(0x81 + i / 12600), char(0x30 + i / 1260 % 10), char(0x81 + i / 10 % 126),
                                  char(0x30 + i % 10)};
            fourBmp[i] = bmpCharacter(info, QByteArrayView(four, 4));
        }
    }

    char16_t single[128] = {};      // byte 80+i alone; 0: not a character
    std::vector<char16_t> pairs;    // [(lead - 0x80) * 256 + trail]; 0: not a character
    std::vector<char16_t> fourBmp;  // GB18030: [four-byte index] below Gb18030BmpFourCount
};

// Built at the first use of the encoding (a few milliseconds), then shared by all threads.
const Tables &tables(const EncodingInfo *info)
{
    switch (info->scheme) {
    case Scheme::Gb2312: { static const Tables t(info); return t; }
    case Scheme::Gbk: { static const Tables t(info); return t; }
    case Scheme::Gb18030: { static const Tables t(info); return t; }
    case Scheme::Big5:
    case Scheme::Utf8:
    case Scheme::Latin1: break;
    }
    static const Tables big5(info);
    return big5;
}

// Whether bytes (shorter than one character) can be the start of a character, completed by the next chunk.
bool isCharPrefix(const EncodingInfo *info, const uchar *p, const uchar *end)
{
    const qsizetype n = end - p;
    if (n == 0 || n >= info->maxBytes)
        return false;
    const uchar b0 = p[0];
    switch (info->scheme) {
    case Scheme::Utf8: {
        if (b0 < 0xC2 || b0 > 0xF4)
            return false;
        const qsizetype len = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
        if (n >= len)
            return false;
        for (qsizetype i = 1; i < n; ++i) {
            uchar lo = 0x80, hi = 0xBF;
            if (i == 1) {
                if (b0 == 0xE0) lo = 0xA0;
                else if (b0 == 0xED) hi = 0x9F;
                else if (b0 == 0xF0) lo = 0x90;
                else if (b0 == 0xF4) hi = 0x8F;
            }
            if (p[i] < lo || p[i] > hi)
                return false;
        }
        return true;
    }
    case Scheme::Gb18030:   // two bytes, or four as 81-FE 30-39 81-FE 30-39
        if (b0 < 0x81 || b0 > 0xFE)
            return false;
        if (n >= 2 && (p[1] < 0x30 || p[1] > 0x39))
            return false;
        return n < 3 || (p[2] >= 0x81 && p[2] <= 0xFE);
    case Scheme::Gb2312:    // EUC-CN: lead bytes A1-FE
        return b0 >= 0xA1 && b0 <= 0xFE;
    case Scheme::Gbk:       // lead bytes 81-FE
    case Scheme::Big5:
        return b0 >= 0x81 && b0 <= 0xFE;
    case Scheme::Latin1:
        break;
    }
    return false;
}

// One code point as UTF-16; returns the new write position.
char16_t *put(char16_t *o, char32_t cp)
{
    if (cp < 0x10000) {
        *o++ = char16_t(cp);
    } else {
        *o++ = QChar::highSurrogate(cp);
        *o++ = QChar::lowSurrogate(cp);
    }
    return o;
}

// The length of the valid UTF-8 character at p (RFC 3629: no overlong forms, surrogates or code points
// past U+10FFFF), 0 when there is none; *cp receives it.
int utf8Character(const uchar *p, const uchar *end, char32_t *cp)
{
    const uchar b = p[0];
    int len = 0;
    uchar lo = 0x80, hi = 0xBF;
    char32_t c = 0;
    if (b >= 0xC2 && b <= 0xDF) {
        len = 2;
        c = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        len = 3;
        c = b & 0x0F;
        if (b == 0xE0) lo = 0xA0;
        else if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        len = 4;
        c = b & 0x07;
        if (b == 0xF0) lo = 0x90;
        else if (b == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (end - p < len || p[1] < lo || p[1] > hi)
        return 0;
    c = c << 6 | (p[1] & 0x3F);
    for (int k = 2; k < len; ++k) {
        if ((p[k] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (p[k] & 0x3F);
    }
    *cp = c;
    return len;
}

// The length of the valid character at p (not ASCII) in a table-driven encoding, 0 when there is none.
int tableCharacter(const Tables &t, bool gb18030, const uchar *p, const uchar *end, char32_t *cp)
{
    if (const char16_t c = t.single[p[0] - 0x80]) {
        *cp = c;
        return 1;
    }
    if (end - p < 2)
        return 0;
    if (const char16_t c = t.pairs[(p[0] - 0x80) << 8 | p[1]]) {
        *cp = c;
        return 2;
    }
    if (!gb18030 || end - p < 4)
        return 0;
    const int index = gb18030FourIndex(p);
    if (index < 0)
        return 0;
    if (index < Gb18030BmpFourCount) {
        *cp = t.fourBmp[index];
        return *cp ? 4 : 0;
    }
    if (index >= Gb18030SupplementaryStart && index < Gb18030SupplementaryStart + 0x100000) {
        *cp = char32_t(0x10000 + index - Gb18030SupplementaryStart);
        return 4;
    }
    return 0;
}

bool isAscii(const uchar *p, const uchar *end)
{
    uchar any = 0;
    for (; p < end; ++p)
        any |= *p;
    return any < 0x80;
}

} // namespace

QString decodeBytes(const EncodingInfo *info, QByteArrayView bytes, int *invalidBytes, QByteArray *tail)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.data());
    const uchar *const end = p + bytes.size();
    if (invalidBytes)
        *invalidBytes = 0;
    // Every supported encoding is ASCII-compatible, and Latin-1 has a character for every byte.
    if (info->scheme == Scheme::Latin1 || isAscii(p, end))
        return QString::fromLatin1(bytes.data(), bytes.size());

    const Tables *t = info->scheme == Scheme::Utf8 ? nullptr : &tables(info);
    const bool gb18030 = info->scheme == Scheme::Gb18030;
    // One UTF-16 unit per byte at most: a character of four bytes gives two.
    QString out(bytes.size(), Qt::Uninitialized);
    auto *const begin = reinterpret_cast<char16_t *>(out.data());
    char16_t *o = begin;
    int invalid = 0;
    while (p < end) {
        if (*p < 0x80) {
            *o++ = *p++;
            continue;
        }
        if (!t && (*p & 0xF0) == 0xE0 && end - p >= 3) {
            // Three UTF-8 bytes (most CJK text): E0-EF 80-BF 80-BF, not overlong, not a surrogate.
            const char16_t c = char16_t((p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F));
            if ((p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 && c >= 0x800 && !QChar::isSurrogate(c)) {
                *o++ = c;
                p += 3;
                continue;
            }
        }
        char32_t cp = 0;
        const int len = t ? tableCharacter(*t, gb18030, p, end, &cp) : utf8Character(p, end, &cp);
        if (len) {
            o = put(o, cp);
            p += len;
            continue;
        }
        if (tail && end - p < info->maxBytes && isCharPrefix(info, p, end)) {
            // Possibly the start of a character whose rest comes in the next chunk.
            *tail = QByteArray(reinterpret_cast<const char *>(p), end - p);
            break;
        }
        *o++ = char16_t(0xDC00 + *p++);
        ++invalid;
    }
    const qsizetype used = o - begin;
    out.truncate(used);
    // Text that is kept (a chat message) should not hold on to room for three times its size (UTF-8 CJK).
    const qsizetype unused = bytes.size() - used;
    if (unused > 1024 && unused > used / 4)
        out.squeeze();
    if (invalidBytes)
        *invalidBytes = invalid;
    return out;
}

int incompleteTailBytes(const EncodingInfo *info, QByteArrayView bytes)
{
    if (!info || info->scheme == Scheme::Latin1 || bytes.isEmpty())
        return 0;
    const auto *const begin = reinterpret_cast<const uchar *>(bytes.data());
    const uchar *const end = begin + bytes.size();
    const uchar *p = begin;
    if (info->scheme == Scheme::Utf8) {
        // Self-synchronising: a character that began more than 3 bytes back is complete or broken.
        p = end - qMin<qsizetype>(bytes.size(), info->maxBytes - 1);
    } else {
        // A byte below 0x80 is ASCII or the last byte of a pair (never a lead byte), so a character starts
        // right after it; in GB18030 a digit may be a four-byte sequence's second or fourth byte.
        const bool gb18030 = info->scheme == Scheme::Gb18030;
        for (const uchar *q = end; q > begin; --q) {
            const uchar b = q[-1];
            if (b < 0x80 && !(gb18030 && b >= 0x30 && b <= 0x39)) {
                p = q;
                break;
            }
        }
    }
    const Tables *t = info->scheme == Scheme::Utf8 ? nullptr : &tables(info);
    const bool gb18030 = info->scheme == Scheme::Gb18030;
    // Parse forward as decodeBytes() does, without writing any text.
    while (p < end) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        char32_t cp = 0;
        const int len = t ? tableCharacter(*t, gb18030, p, end, &cp) : utf8Character(p, end, &cp);
        if (len) {
            p += len;
            continue;
        }
        if (end - p < info->maxBytes && isCharPrefix(info, p, end))
            return int(end - p);
        ++p;
    }
    return 0;
}

int decodeCharacter(const EncodingInfo *info, QByteArrayView bytes, char32_t *cp)
{
    if (bytes.isEmpty())
        return 0;
    const auto *p = reinterpret_cast<const uchar *>(bytes.data());
    const uchar *const end = p + bytes.size();
    if (*p < 0x80 || info->scheme == Scheme::Latin1) {
        *cp = *p;
        return 1;
    }
    if (info->scheme == Scheme::Utf8)
        return utf8Character(p, end, cp);
    return tableCharacter(tables(info), info->scheme == Scheme::Gb18030, p, end, cp);
}

} // namespace NetPoke::TextCodecPrivate
