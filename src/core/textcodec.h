#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>

namespace NetPoke {

// Encodings by user-facing name, hex and escapes. Encoding goes through QStringEncoder/QStringDecoder
// (ICU names for the Chinese encodings); what they cannot represent is reported, never guessed. Decoding
// gives what QStringDecoder gives for valid characters, in one pass without a converter call per datagram
// (textdecode.cpp); visibleText() is in visibletext.cpp.
class TextCodec final
{
    Q_DECLARE_TR_FUNCTIONS(TextCodec)

public:
    // User-facing names: "UTF-8", "GB2312", "GBK", "GB18030", "Big5", "Latin-1".
    static QStringList encodings();
    static bool isSupported(const QString &encoding);
    // Canonical user-facing name for any accepted spelling ("gb2312", "latin1", "ISO-8859-1", ...),
    // or an empty string when the encoding is unknown.
    static QString canonicalName(const QString &encoding);
    // Longest byte sequence of one character in the encoding.
    static int maxCharBytes(const QString &encoding);

    struct Result
    {
        QByteArray bytes;
        bool ok = true;
        int errorPosition = -1;     // index into the input text where the problem starts
        QString errorString;        // readable, translated
    };

    // Text to bytes. A character the encoding cannot represent is an error naming its position.
    static Result encode(const QString &text, const QString &encoding);
    // Like encode(), but understands \r \n \t \\ \0 \xHH (a raw byte) and \uXXXX (a character of the
    // Basic Multilingual Plane) in the text: everything visibleText() writes, so text it showed gives back the
    // bytes it was decoded from.
    static Result encodeEscaped(const QString &text, const QString &encoding);

    // Bytes to text, every byte accounted for: a byte that is not part of a valid character becomes the lone
    // surrogate U+DC00+byte (U+DC80..U+DCFF, as Python's "surrogateescape"), which visibleText() shows as \xHH.
    // A character is valid when the encoding reads it as one code point that it writes back as the same bytes
    // (QStringDecoder/QStringEncoder's tables; a UTF-8 byte order mark is the character U+FEFF).
    // The result is for visibleText() (or a comparison), never for a widget, file or terminal as it is.
    // invalidBytes (if given) receives how many bytes became surrogates.
    static QString decode(const QByteArray &bytes, const QString &encoding, int *invalidBytes = nullptr);
    // How many bytes at the end of bytes begin a character that more bytes could complete (what a Decoder
    // would hold back), for bytes that start at a character boundary: at most maxCharBytes() - 1, 0 for
    // Latin-1 or an unknown encoding. Looks only at the end: UTF-8 at its last 3 bytes; the Chinese
    // encodings from the last byte that can only end a character (below 0x80, but not GB18030's 0x30-0x39,
    // which can sit inside a four-byte sequence) or from the start when there is none.
    static int incompleteTail(QByteArrayView bytes, const QString &encoding);

    // The one way text from the network (or from files) is shown: the backslash as \\, line breaks and tabs
    // as \n \r \t, other C0 controls and DEL as \xHH, a byte that did not decode (U+DC80..U+DCFF from
    // decode()) as \xHH of that byte, C1 controls, the line/paragraph separators, the bidi and zero-width
    // characters that can reorder or hide what a user reads (U+061C, U+200B-200F, U+202A-202E, U+2060,
    // U+2066-2069, U+FEFF) and any other lone surrogate as \uXXXX, so one datagram stays one line and a
    // terminal gets no escape sequence. What is shown maps back to exactly one byte sequence: encodeEscaped()
    // of it gives the bytes decode() read (\xHH below 80 is a control character, from 80 a byte that did not
    // decode; \uXXXX a character). With lineBreaks == Kept, \n stays a line break (for views that wrap:
    // chat bubbles, tooltips). With maxChars >= 0, text longer than that is cut (never inside a surrogate
    // pair) and ends with "…".
    enum class LineBreaks { Escaped, Kept };
    static QString visibleText(const QString &text, int maxChars = -1, LineBreaks lineBreaks = LineBreaks::Escaped);
    // Peer-controlled bytes in a message: decoded as UTF-8 (invalid bytes as \xHH), visibleText(), at most
    // MaxPeerTextChars characters.
    static QString peerText(const QByteArray &bytes);
    static constexpr int MaxPeerTextChars = 200;

    // "c4 e3 ba c3" (separator configurable, none when sep is 0).
    static QString toHex(const QByteArray &bytes, char sep = ' ');
    // Lenient about separators (space, tab, newline, comma, colon, dash, "0x" prefixes), strict about
    // meaning: an odd digit count or a non-hex character is an error naming the position (1-based in the
    // message, 0-based in errorPosition).
    static Result parseHex(const QString &text);

    // Stateful decoder: a character split across two chunks still decodes. One per peer.
    class Decoder final
    {
    public:
        explicit Decoder(const QString &encoding = QStringLiteral("UTF-8"));
        QString encoding() const { return m_encoding; }
        // Decodes what is complete; keeps a trailing incomplete sequence for the next call.
        QString decode(const QByteArray &chunk, int *invalidBytes = nullptr);
        // Decodes whatever is pending: an incomplete tail becomes invalid bytes (U+DC80+byte).
        QString flush(int *invalidBytes = nullptr);
        bool hasPending() const { return !m_pending.isEmpty(); }

    private:
        QString m_encoding;
        QByteArray m_pending;
    };
};

} // namespace NetPoke
