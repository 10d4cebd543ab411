// TextCodec::visibleText() and peerText(): how text from the network is shown (see textcodec.h).

#include "textcodec.h"

#include <array>

namespace NetPoke {

namespace {

// How a unit below U+0100 is shown: up to six characters ("\u0085").
struct Shown
{
    char size = 1;
    char text[6] = {};
};

constexpr char HexDigits[] = "0123456789ABCDEF";

constexpr Shown escaped(char a, char b)
{
    Shown s;
    s.size = 2;
    s.text[0] = a;
    s.text[1] = b;
    return s;
}

constexpr Shown hexEscaped(char kind, unsigned value, int digits)
{
    Shown s;
    s.size = char(2 + digits);
    s.text[0] = '\\';
    s.text[1] = kind;
    for (int i = 0; i < digits; ++i)
        s.text[2 + i] = HexDigits[(value >> (4 * (digits - 1 - i))) & 0xF];
    return s;
}

constexpr std::array<Shown, 256> makeLatin1Table()
{
    std::array<Shown, 256> t{};
    for (unsigned c = 0; c < 256; ++c) {
        if (c == '\n')
            t[c] = escaped('\\', 'n');
        else if (c == '\r')
            t[c] = escaped('\\', 'r');
        else if (c == '\t')
            t[c] = escaped('\\', 't');
        else if (c == '\\')
            t[c] = escaped('\\', '\\');
        else if (c < 0x20 || c == 0x7F)
            t[c] = hexEscaped('x', c, 2);
        else if (c >= 0x80 && c <= 0x9F)   // C1 controls
            t[c] = hexEscaped('u', c, 4);
    }
    return t;
}

constexpr std::array<Shown, 256> Latin1Shown = makeLatin1Table();

// Units from U+0100 that are shown as \uXXXX: the line/paragraph separators and the bidi and zero-width
// characters that can reorder or hide what a user reads. Surrogates are handled apart.
constexpr bool hiddenFormatting(char16_t c)
{
    return c == 0x061C || (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) || c == 0x2060
        || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

// Characters a unit at p is shown as; *units receives how many input units that covers (2 for a pair).
int shownSize(const char16_t *p, const char16_t *end, bool keepLineBreaks, int *units)
{
    const char16_t c = *p;
    *units = 1;
    if (c < 0x100)
        return c == '\n' && keepLineBreaks ? 1 : Latin1Shown[c].size;
    if (QChar::isSurrogate(c)) {
        if (QChar::isHighSurrogate(c) && p + 1 < end && QChar::isLowSurrogate(p[1])) {
            *units = 2;
            return 2;
        }
        // A lone surrogate: \xHH for a byte that did not decode, \uXXXX for any other.
        return c >= 0xDC80 && c <= 0xDCFF ? 4 : 6;
    }
    return hiddenFormatting(c) ? 6 : 1;
}

} // namespace

QString TextCodec::visibleText(const QString &text, int maxChars, LineBreaks lineBreaks)
{
    const bool keep = lineBreaks == LineBreaks::Kept;
    const bool cut = maxChars >= 0 && text.size() > maxChars;
    qsizetype n = cut ? maxChars : text.size();
    const auto *const begin = reinterpret_cast<const char16_t *>(text.constData());
    if (cut && n > 0 && QChar::isHighSurrogate(begin[n - 1]) && QChar::isLowSurrogate(begin[n]))
        --n;   // not half a character
    const char16_t *const end = begin + n;

    // Two passes: the exact size first, so the text is written once, without growing.
    qsizetype size = cut ? 1 : 0;
    for (const char16_t *p = begin; p < end;) {
        int units = 1;
        size += shownSize(p, end, keep, &units);
        p += units;
    }
    if (!cut && size == text.size())
        return text;   // nothing to escape

    QString out(size, Qt::Uninitialized);
    auto *o = reinterpret_cast<char16_t *>(out.data());
    const auto put = [&o](const Shown &s) {
        for (int i = 0; i < s.size; ++i)
            *o++ = char16_t(s.text[i]);
    };
    for (const char16_t *p = begin; p < end; ++p) {
        const char16_t c = *p;
        if (c < 0x100) {
            if (Latin1Shown[c].size == 1 || (c == '\n' && keep))
                *o++ = c;
            else
                put(Latin1Shown[c]);
        } else if (QChar::isHighSurrogate(c) && p + 1 < end && QChar::isLowSurrogate(p[1])) {
            *o++ = c;
            *o++ = *++p;
        } else if (c >= 0xDC80 && c <= 0xDCFF) {
            put(hexEscaped('x', c - 0xDC00u, 2));
        } else if (QChar::isSurrogate(c) || hiddenFormatting(c)) {
            put(hexEscaped('u', c, 4));
        } else {
            *o++ = c;
        }
    }
    if (cut)
        *o++ = 0x2026;
    Q_ASSERT(o == reinterpret_cast<const char16_t *>(out.constData()) + size);
    return out;
}

QString TextCodec::peerText(const QByteArray &bytes)
{
    // Decode no more than could be shown: a 64 KiB message costs no more than a short one.
    return visibleText(decode(bytes.left(MaxPeerTextChars * 4), QStringLiteral("UTF-8")), MaxPeerTextChars);
}

} // namespace NetPoke
