#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace NetPoke::Inspect {

// An offset / hex / text dump of bytes with the text in a chosen encoding, each character placed at its own
// bytes. Pure: the inspector's bytes pane paints it, the copy actions and tests use it.
//
// The text column has one cell per byte. A character is shown in the cell of its first byte; the cells of its
// other bytes show ContinuationMark ("·"), also when the character crosses into the next 16-byte line (the
// character stays on the line of its first byte; the line below starts with marks). A byte that is not part
// of a valid character in the encoding, and a character that visibleText() would escape (controls, bidi and
// zero-width characters; not the backslash), show NonPrintableMark (".") in every one of their cells; the
// escaped form ("\n", "\xFF", "\u202E") is Char::visible, for a tooltip or a status line.
class HexDump final
{
public:
    static constexpr int BytesPerLine = 16;
    static constexpr QChar ContinuationMark = QChar(0x00B7);
    static constexpr QChar NonPrintableMark = QChar(u'.');

    struct Char
    {
        qsizetype offset = 0;     // of its first byte
        int length = 1;           // bytes
        char32_t codePoint = 0;   // the byte itself when !valid
        bool valid = true;        // false: a byte the encoding does not read as (part of) a character
        bool printable = true;    // shown as it is (visibleText() leaves it alone)
    };

    HexDump() = default;
    HexDump(QByteArrayView bytes, const QString &encoding);

    const QByteArray &bytes() const { return m_bytes; }
    QString encoding() const { return m_encoding; }
    qsizetype size() const { return m_bytes.size(); }
    qsizetype lineCount() const { return (m_bytes.size() + BytesPerLine - 1) / BytesPerLine; }

    // Every byte belongs to exactly one Char; they are in order and cover the bytes.
    const QList<Char> &chars() const { return m_chars; }
    int charIndexAt(qsizetype byte) const { return m_charOfByte.value(byte, -1); }
    // What the text column shows in byte's cell: the character (at its first byte), ContinuationMark or
    // NonPrintableMark.
    QString textCell(qsizetype byte) const;
    // The character as visibleText() shows it ("中", "\n", "\xFF"): for tooltips.
    QString visible(int charIndex) const;

    // "0010" (at least 4 hex digits; more when the dump is longer than 64 KiB).
    QString offsetText(qsizetype offset) const;
    // One line as plain text: "0000  00 01 62 6f ...  ..bo" (hex padded on a short last line).
    QString lineText(qsizetype line) const;

private:
    QByteArray m_bytes;
    QString m_encoding;
    QList<Char> m_chars;
    QList<int> m_charOfByte;
};

// Copy formats.
// "00 01 62 6f"
QString toHexText(QByteArrayView bytes);
// "const unsigned char packet[4] = {\n    0x00, 0x01, 0x62, 0x6f\n};\n", twelve bytes a line.
QString toCArray(QByteArrayView bytes, const QString &name = QStringLiteral("packet"));
// b'\x00\x01bo': printable ASCII as it is, \\ \' \t \n \r, other bytes \xHH (valid Python 3, as repr() writes it
// except that the quote is always ').
QString toPythonBytes(QByteArrayView bytes);

} // namespace NetPoke::Inspect
