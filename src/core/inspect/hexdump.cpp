#include "inspect/hexdump.h"
#include "textcodec.h"
#include "textcodec_p.h"

namespace NetPoke::Inspect {

namespace {

QString codePointString(char32_t cp)
{
    if (cp < 0x10000)
        return QString(QChar(char16_t(cp)));
    const char16_t pair[2] = {QChar::highSurrogate(cp), QChar::lowSurrogate(cp)};
    return QString(reinterpret_cast<const QChar *>(pair), 2);
}

constexpr char HexDigits[] = "0123456789abcdef";

} // namespace

HexDump::HexDump(QByteArrayView bytes, const QString &encoding) : m_bytes(bytes.toByteArray())
{
    using namespace TextCodecPrivate;
    const EncodingInfo *info = findEncoding(encoding);
    if (!info)
        info = findEncoding(QStringLiteral("UTF-8"));
    m_encoding = QString::fromLatin1(info->name);
    m_charOfByte.resize(m_bytes.size());
    qsizetype pos = 0;
    while (pos < m_bytes.size()) {
        Char c;
        c.offset = pos;
        char32_t cp = 0;
        const int len = decodeCharacter(info, QByteArrayView(m_bytes).sliced(pos), &cp);
        if (len > 0) {
            c.length = len;
            c.codePoint = cp;
            const QString s = codePointString(cp);
            // The backslash is escaped by visibleText() only so that its output reads back; here it is a glyph.
            c.printable = cp == U'\\' || TextCodec::visibleText(s) == s;
        } else {
            c.length = 1;
            c.codePoint = quint8(m_bytes[pos]);
            c.valid = false;
            c.printable = false;
        }
        const int index = int(m_chars.size());
        for (int k = 0; k < c.length; ++k)
            m_charOfByte[pos + k] = index;
        m_chars.append(c);
        pos += c.length;
    }
}

QString HexDump::textCell(qsizetype byte) const
{
    const int i = charIndexAt(byte);
    if (i < 0)
        return {};
    const Char &c = m_chars.at(i);
    if (!c.printable)
        return QString(NonPrintableMark);
    if (byte != c.offset)
        return QString(ContinuationMark);
    return codePointString(c.codePoint);
}

QString HexDump::visible(int charIndex) const
{
    if (charIndex < 0 || charIndex >= m_chars.size())
        return {};
    const Char &c = m_chars.at(charIndex);
    if (!c.valid)
        return TextCodec::visibleText(QString(QChar(char16_t(0xDC00 + c.codePoint))));
    return TextCodec::visibleText(codePointString(c.codePoint));
}

QString HexDump::offsetText(qsizetype offset) const
{
    int digits = 4;
    while (digits < 16 && (qint64(1) << (4 * digits)) < m_bytes.size())
        ++digits;
    return QStringLiteral("%1").arg(qulonglong(offset), digits, 16, QLatin1Char('0'));
}

QString HexDump::lineText(qsizetype line) const
{
    const qsizetype start = line * BytesPerLine;
    if (line < 0 || start >= m_bytes.size())
        return {};
    const qsizetype end = qMin(start + BytesPerLine, m_bytes.size());
    QString s = offsetText(start) + QStringLiteral("  ");
    for (qsizetype i = start; i < start + BytesPerLine; ++i) {
        if (i < end) {
            const uchar b = uchar(m_bytes[i]);
            s += QLatin1Char(HexDigits[b >> 4]);
            s += QLatin1Char(HexDigits[b & 0xF]);
        } else {
            s += QStringLiteral("  ");
        }
        s += i == start + 7 ? QStringLiteral("  ") : QStringLiteral(" ");
    }
    s += QLatin1Char(' ');
    for (qsizetype i = start; i < end; ++i)
        s += textCell(i);
    return s;
}

QString toHexText(QByteArrayView bytes)
{
    return TextCodec::toHex(bytes.toByteArray());
}

QString toCArray(QByteArrayView bytes, const QString &name)
{
    QString s = QStringLiteral("const unsigned char %1[%2] = {").arg(name).arg(bytes.size());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        s += i % 12 == 0 ? QStringLiteral("\n    ") : QStringLiteral(" ");
        const uchar b = uchar(bytes[i]);
        s += QStringLiteral("0x") + QLatin1Char(HexDigits[b >> 4]) + QLatin1Char(HexDigits[b & 0xF]);
        if (i + 1 < bytes.size())
            s += QLatin1Char(',');
    }
    s += QStringLiteral("\n};\n");
    return s;
}

QString toPythonBytes(QByteArrayView bytes)
{
    QString s = QStringLiteral("b'");
    for (const char ch : bytes) {
        const uchar b = uchar(ch);
        switch (b) {
        case '\\': s += QStringLiteral("\\\\"); continue;
        case '\'': s += QStringLiteral("\\'"); continue;
        case '\t': s += QStringLiteral("\\t"); continue;
        case '\n': s += QStringLiteral("\\n"); continue;
        case '\r': s += QStringLiteral("\\r"); continue;
        default: break;
        }
        if (b >= 0x20 && b < 0x7F)
            s += QLatin1Char(char(b));
        else
            s += QStringLiteral("\\x") + QLatin1Char(HexDigits[b >> 4]) + QLatin1Char(HexDigits[b & 0xF]);
    }
    s += QLatin1Char('\'');
    return s;
}

} // namespace NetPoke::Inspect
