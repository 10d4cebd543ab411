#pragma once

// TextCodec's insides, shared by textcodec.cpp (names, converters, encoding, escapes) and textdecode.cpp
// (decoding). Not part of the API; the unit tests use it to compare with QStringDecoder.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace NetPoke::TextCodecPrivate {

enum class Scheme : unsigned char { Utf8, Gb2312, Gbk, Gb18030, Big5, Latin1 };

struct EncodingInfo
{
    const char *name;     // user-facing
    const char *qtName;   // what QStringConverter / ICU understands
    int maxBytes;         // longest byte sequence of one character
    Scheme scheme;
};

// nullptr when the encoding is unknown.
const EncodingInfo *findEncoding(const QString &name);

// One QStringDecoder/QStringEncoder call, with converters kept per encoding and thread (reset before use).
// UTF-8 keeps an initial byte order mark as U+FEFF.
QString rawDecode(const EncodingInfo *info, QByteArrayView bytes);
QByteArray rawEncode(const EncodingInfo *info, QStringView text);
// How many rawDecode()/rawEncode() calls this thread made: decoding a datagram must not depend on them.
quint64 converterCalls();

// TextCodec::decode(): every byte that is not part of a valid character becomes U+DC00+byte. With tail, an
// incomplete character at the end (one that the next chunk may complete) is moved there instead.
QString decodeBytes(const EncodingInfo *info, QByteArrayView bytes, int *invalidBytes, QByteArray *tail);
// The character decodeBytes() reads at the start of bytes: its length in bytes and (cp) its code point; 0 when
// the first byte is not part of a valid character (decodeBytes() gives it as U+DC00+byte) or bytes is empty.
// For views that place each character at its bytes (the packet inspector's hex dump).
int decodeCharacter(const EncodingInfo *info, QByteArrayView bytes, char32_t *cp);

// TextCodec::incompleteTail().
int incompleteTailBytes(const EncodingInfo *info, QByteArrayView bytes);

} // namespace NetPoke::TextCodecPrivate
