// libFuzzer target for TextCodec::decode() and TextCodec::Decoder, in every encoding. Input: one byte that
// picks the encoding, two bytes for a split point, then the bytes to decode. Properties:
//  - a Decoder fed the bytes in two chunks at the split point, then flushed, gives decode() of all of them,
//    with the same count of invalid bytes;
//  - every byte is accounted for: each U+DC80..U+DCFF is its byte, the text between encodes back to the
//    bytes between, and no other lone surrogate appears;
//  - for short inputs, the text is the rule itself, evaluated with QStringDecoder/QStringEncoder byte by
//    byte (shortest sequence that decodes alone to one code point and encodes back to the same bytes).
// Built and run by scripts/fuzz.sh (clang++ -fsanitize=fuzzer,address,undefined).

#include "textcodec.h"
#include "textcodec_p.h"

#include <cstdlib>

using NetPoke::TextCodec;
namespace Private = NetPoke::TextCodecPrivate;

namespace {

void check(bool ok)
{
    if (!ok)
        std::abort();
}

QString ruleDecode(const Private::EncodingInfo *info, QByteArrayView bytes)
{
    QString out;
    for (qsizetype i = 0; i < bytes.size();) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        qsizetype len = 0;
        QString ch;
        if (b < 0x80) {
            len = 1;
            ch = QChar(char16_t(b));
        }
        for (qsizetype n = 1; !len && n <= info->maxBytes && i + n <= bytes.size(); ++n) {
            const QByteArrayView seq = bytes.sliced(i, n);
            const QString s = Private::rawDecode(info, seq);
            const bool one = s.size() == 1 || (s.size() == 2 && s.at(0).isHighSurrogate() && s.at(1).isLowSurrogate());
            if (one && Private::rawEncode(info, s) == seq) {
                len = n;
                ch = s;
            }
        }
        if (len) {
            out += ch;
            i += len;
        } else {
            out += QChar(char16_t(0xDC00 + b));
            ++i;
        }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    const QStringList encodings = TextCodec::encodings();
    const QString encoding = encodings.at(data[0] % encodings.size());
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 3, qsizetype(size - 3));
    const qsizetype split = (data[1] << 8 | data[2]) % (bytes.size() + 1);

    int invalid = -1;
    const QString text = TextCodec::decode(bytes, encoding, &invalid);

    TextCodec::Decoder decoder(encoding);
    int a = -1, b = -1, c = -1;
    QString chunked = decoder.decode(bytes.left(split), &a);
    chunked += decoder.decode(bytes.mid(split), &b);
    chunked += decoder.flush(&c);
    check(chunked == text && a + b + c == invalid && !decoder.hasPending());

    // Every byte accounted for.
    QByteArray back;
    int escaped = 0;
    qsizetype runStart = 0;
    const auto flushRun = [&](qsizetype end) {
        if (end > runStart) {
            const TextCodec::Result r = TextCodec::encode(text.mid(runStart, end - runStart), encoding);
            check(r.ok);
            back += r.bytes;
        }
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (ch.isHighSurrogate()) {
            check(i + 1 < text.size() && text.at(i + 1).isLowSurrogate());
            ++i;
            continue;
        }
        if (!ch.isLowSurrogate())
            continue;
        check(ch.unicode() >= 0xDC80 && ch.unicode() <= 0xDCFF);
        flushRun(i);
        back += char(ch.unicode() - 0xDC00);
        ++escaped;
        runStart = i + 1;
    }
    flushRun(text.size());
    check(escaped == invalid && back == bytes);

    if (bytes.size() <= 64)
        check(text == ruleDecode(Private::findEncoding(encoding), bytes));
    return 0;
}
