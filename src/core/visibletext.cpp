// TextCodec::visibleText() and peerText(): how text from the network is shown (see textcodec.h).

#include "textcodec.h"

#include <array>
#include <cstring>

namespace NetPoke {

namespace {

// How a unit is shown: up to six characters ("\u0085"); text[0] is the unit itself when it is shown as it is.
struct Shown
{
    char16_t text[6] = {};
    int size = 1;
};

constexpr char HexDigits[] = "0123456789ABCDEF";

constexpr Shown hexEscaped(char16_t kind, unsigned value, int digits)
{
    Shown s;
    s.size = 2 + digits;
    s.text[0] = '\\';
    s.text[1] = kind;
    for (int i = 0; i < digits; ++i)
        s.text[2 + i] = char16_t(HexDigits[(value >> (4 * (digits - 1 - i))) & 0xF]);
    return s;
}

constexpr Shown shownLatin1(unsigned c)
{
    Shown s;
    s.text[0] = char16_t(c);
    switch (c) {
    case '\n': s.text[0] = '\\'; s.text[1] = 'n'; s.size = 2; return s;
    case '\r': s.text[0] = '\\'; s.text[1] = 'r'; s.size = 2; return s;
    case '\t': s.text[0] = '\\'; s.text[1] = 't'; s.size = 2; return s;
    case '\\': s.text[1] = '\\'; s.size = 2; return s;
    default: break;
    }
    if (c < 0x20 || c == 0x7F)
        return hexEscaped('x', c, 2);
    if (c >= 0x80 && c <= 0x9F)   // C1 controls
        return hexEscaped('u', c, 4);
    return s;
}

// Units below U+0100 (index c), then the lone surrogates U+DC80..U+DCFF, bytes that did not decode (index
// 256 + byte - 0x80) as \xHH; with line breaks kept or escaped.
constexpr std::array<Shown, 384> makeTable(bool keepLineBreaks)
{
    std::array<Shown, 384> t{};
    for (unsigned c = 0; c < 256; ++c)
        t[c] = shownLatin1(c);
    if (keepLineBreaks) {
        t['\n'] = Shown{};
        t['\n'].text[0] = '\n';
    }
    for (unsigned b = 0x80; b < 0x100; ++b)
        t[256 + b - 0x80] = hexEscaped('x', b, 2);
    return t;
}

constexpr std::array<Shown, 384> TableEscaped = makeTable(false);
constexpr std::array<Shown, 384> TableKept = makeTable(true);

// Units from U+0100 that are shown as \uXXXX: the line/paragraph separators and the bidi and zero-width
// characters that can reorder or hide what a user reads. Surrogates are handled apart.
constexpr bool hiddenFormatting(char16_t c)
{
    return c == 0x061C || (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) || c == 0x2060
        || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

// What a unit from U+0100 at p is shown as, and how many units that covers (2 for a surrogate pair, shown as
// it is). *scratch holds an entry that is not in the table.
const Shown &shownAbove(const std::array<Shown, 384> &table, const char16_t *p, const char16_t *end, Shown *scratch,
                        int *units)
{
    const char16_t c = *p;
    *units = 1;
    if (!QChar::isSurrogate(c)) {
        if (hiddenFormatting(c)) {
            *scratch = hexEscaped('u', c, 4);
        } else {
            scratch->size = 1;
            scratch->text[0] = c;
        }
        return *scratch;
    }
    if (QChar::isHighSurrogate(c) && p + 1 < end && QChar::isLowSurrogate(p[1])) {
        *units = 2;
        scratch->size = 2;
        scratch->text[0] = c;
        scratch->text[1] = p[1];
        return *scratch;
    }
    // A lone surrogate: \xHH for a byte that did not decode, \uXXXX for any other.
    if (c >= 0xDC80 && c <= 0xDCFF)
        return table[256 + c - 0xDC80];
    *scratch = hexEscaped('u', c, 4);
    return *scratch;
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
    const std::array<Shown, 384> &table = keep ? TableKept : TableEscaped;
    qsizetype size = cut ? 1 : 0;
    Shown scratch;
    for (const char16_t *p = begin; p < end;) {
        if (*p < 0x100) {
            size += table[*p++].size;
            continue;
        }
        int units = 1;
        size += shownAbove(table, p, end, &scratch, &units).size;
        p += units;
    }
    if (!cut && size == text.size())
        return text;   // nothing to escape

    // Each entry is copied whole (six units), so the buffer has room for five more than it keeps.
    QString out(size + 5, Qt::Uninitialized);
    auto *o = reinterpret_cast<char16_t *>(out.data());
    for (const char16_t *p = begin; p < end;) {
        int units = 1;
        const Shown &s = *p < 0x100 ? table[*p] : shownAbove(table, p, end, &scratch, &units);
        std::memcpy(o, s.text, sizeof s.text);
        o += s.size;
        p += units;
    }
    if (cut)
        *o++ = 0x2026;
    Q_ASSERT(o == reinterpret_cast<const char16_t *>(out.constData()) + size);
    out.truncate(size);
    return out;
}

QString TextCodec::peerText(const QByteArray &bytes)
{
    // Decode no more than could be shown: a 64 KiB message costs no more than a short one.
    return visibleText(decode(bytes.left(MaxPeerTextChars * 4), QStringLiteral("UTF-8")), MaxPeerTextChars);
}

} // namespace NetPoke
