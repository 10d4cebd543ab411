#include "clicommon.h"

#include "textcodec.h"

#include <QCoreApplication>

#include <cstdio>

namespace NetPoke::Cli {

void printError(const QString &message)
{
    QString text = message.trimmed();
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QByteArray line = QByteArrayLiteral("netpoke-cli: ") + text.toUtf8() + '\n';
    std::fflush(stdout);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

void printInfo(const QString &message)
{
    const QByteArray line = message.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

int usageError(const QString &message)
{
    printError(message);
    return ExitUsage;
}

bool parseInteger(const QString &text, qint64 min, qint64 max, qint64 *value)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max)
        return false;
    *value = v;
    return true;
}

QString unknownEncodingMessage(const QString &name)
{
    return QCoreApplication::translate("CliCommon", "unknown encoding \"%1\"; supported: %2.")
        .arg(name, TextCodec::encodings().join(QStringLiteral(", ")));
}

QString visibleText(const QString &text)
{
    static const char digits[] = "0123456789ABCDEF";
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c < 0x20 || c == 0x7F) {
            switch (c) {
            case '\n': out += QStringLiteral("\\n"); break;
            case '\r': out += QStringLiteral("\\r"); break;
            case '\t': out += QStringLiteral("\\t"); break;
            default:
                out += QStringLiteral("\\x");
                out += QLatin1Char(digits[c >> 4]);
                out += QLatin1Char(digits[c & 0xF]);
                break;
            }
        } else if ((c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029) {
            out += QStringLiteral("\\u") + QString::number(uint(c), 16).toUpper().rightJustified(4, QLatin1Char('0'));
        } else {
            out += ch;
        }
    }
    return out;
}

} // namespace NetPoke::Cli
