// libFuzzer target for TextCodec::visibleText(). Input: one byte of options (encoding, line breaks kept or
// not, a cut or none), then bytes. Properties:
//  - on any UTF-16 text (the bytes as units, lone surrogates included) nothing that could steer a terminal
//    or reorder what a user reads survives: no C0 control (but \n where line breaks are kept), DEL, C1
//    control, bidi or zero-width character, U+2028/U+2029 or lone surrogate, and a cut ends with "…";
//  - on text decode() made of the bytes, the same, and (uncut) encodeEscaped() of what is shown gives the
//    bytes back: the shown text is unambiguous.
// Built and run by scripts/fuzz.sh (clang++ -fsanitize=fuzzer,address,undefined).

#include "textcodec.h"

#include <cstdlib>
#include <cstring>

using NetPoke::TextCodec;

namespace {

void check(bool ok)
{
    if (!ok)
        std::abort();
}

bool hidden(char16_t c)
{
    return c == 0x061C || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || c == 0x2060
        || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x2028 || c == 0x2029;
}

void checkShown(const QString &shown, bool keepLineBreaks)
{
    for (qsizetype i = 0; i < shown.size(); ++i) {
        const char16_t c = shown.at(i).unicode();
        check(c >= 0x20 || (keepLineBreaks && c == '\n'));
        check(c != 0x7F && !(c >= 0x80 && c <= 0x9F) && !hidden(c));
        if (QChar::isHighSurrogate(c)) {
            check(i + 1 < shown.size() && QChar::isLowSurrogate(shown.at(i + 1).unicode()));
            ++i;
        } else {
            check(!QChar::isLowSurrogate(c));
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t options = data[0];
    const QStringList encodings = TextCodec::encodings();
    const QString encoding = encodings.at((options & 7) % encodings.size());
    const auto lineBreaks = options & 8 ? TextCodec::LineBreaks::Kept : TextCodec::LineBreaks::Escaped;
    const bool keep = lineBreaks == TextCodec::LineBreaks::Kept;
    const int maxChars = options & 16 ? int(options >> 5) * 3 : -1;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));

    // Any UTF-16 text.
    QString units(bytes.size() / 2, Qt::Uninitialized);
    std::memcpy(units.data(), bytes.constData(), size_t(units.size()) * 2);
    const QString shownUnits = TextCodec::visibleText(units, maxChars, lineBreaks);
    checkShown(shownUnits, keep);
    if (maxChars >= 0 && units.size() > maxChars)
        check(shownUnits.endsWith(QChar(0x2026)) && shownUnits.size() <= 6 * qsizetype(maxChars) + 1);

    // Decoded bytes: shown safely, and shown unambiguously.
    const QString decoded = TextCodec::decode(bytes, encoding);
    const QString shown = TextCodec::visibleText(decoded, maxChars, lineBreaks);
    checkShown(shown, keep);
    if (maxChars < 0) {
        const TextCodec::Result r = TextCodec::encodeEscaped(shown, encoding);
        check(r.ok && r.bytes == bytes);
    }
    return 0;
}
