#include "clicommon.h"

#include "textcodec.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <cstring>

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

bool parseArguments(QCommandLineParser &parser, const QStringList &args)
{
    if (!parser.parse(args)) {
        printError(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(ExitSuccess);
    return true;
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

bool parseByteSize(const QString &text, qint64 max, qint64 *bytes)
{
    QString t = text.trimmed();
    int shift = 0;
    static const struct
    {
        const char *suffix;
        int shift;
    } units[] = {{"KiB", 10}, {"MiB", 20}, {"GiB", 30}, {"K", 10}, {"M", 20}, {"G", 30}};
    for (const auto &u : units) {
        if (t.endsWith(QLatin1String(u.suffix), Qt::CaseInsensitive)) {
            t.chop(int(std::strlen(u.suffix)));
            shift = u.shift;
            break;
        }
    }
    if (t.isEmpty() || !std::all_of(t.cbegin(), t.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return false;   // no sign, no spaces inside, no fraction
    bool ok = false;
    const qint64 v = t.toLongLong(&ok);
    if (!ok || v > (max >> shift))
        return false;
    *bytes = v << shift;
    return true;
}

QString unknownEncodingMessage(const QString &name)
{
    return QCoreApplication::translate("CliCommon", "unknown encoding \"%1\"; supported: %2.")
        .arg(name, TextCodec::encodings().join(QStringLiteral(", ")));
}

namespace {

QString withAdvice(const QString &fact, const QString &advice)
{
    return advice.isEmpty() ? fact : fact + QLatin1Char(' ') + advice;
}

QString portInUseAdvice()
{
    return QCoreApplication::translate("CliCommon", "Stop the program that uses it, choose another port, or use port 0 "
                                                    "to let the system choose.");
}

QString privilegedPortAdvice()
{
    return QCoreApplication::translate("CliCommon", "Use a port from 1024 to 65535, or 0 to let the system choose.");
}

} // namespace

QString adviceFor(UdpEndpoint::Error error)
{
    switch (error) {
    case UdpEndpoint::AddressInUseError: return portInUseAdvice();
    case UdpEndpoint::AccessDeniedError: return privilegedPortAdvice();
    case UdpEndpoint::AddressNotAvailableError:
        return QCoreApplication::translate("CliCommon", "Give an address of this machine, or leave the address out to "
                                                        "listen on all of them.");
    case UdpEndpoint::AddressFamilyError:
        return QCoreApplication::translate("CliCommon", "Bind to :: or to an address of the destination's family.");
    case UdpEndpoint::PortUnreachableError:
        return QCoreApplication::translate("CliCommon", "Check the port number and that the program there is running.");
    default: return QString();
    }
}

QString adviceFor(ChatSession::Error error)
{
    switch (error) {
    case ChatSession::AddressInUseError: return portInUseAdvice();
    case ChatSession::AccessDeniedError: return privilegedPortAdvice();
    case ChatSession::NoPeerError:
        return QCoreApplication::translate("CliCommon", "Give HOST:PORT of the other side, or with --answer-first wait "
                                                        "until someone writes.");
    case ChatSession::BroadcastNotEnabledError:
        return QCoreApplication::translate("CliCommon", "To write to everyone on the network, use --room with the "
                                                        "broadcast address.");
    default: return QString();
    }
}

QString errorWithAdvice(const UdpEndpoint &endpoint)
{
    return withAdvice(endpoint.errorString(), adviceFor(endpoint.error()));
}

QString errorWithAdvice(const ChatSession &session)
{
    return withAdvice(session.errorString(), adviceFor(session.error()));
}

int runSubcommand(const QString &group, const QString &summary, const QList<Subcommand> &subcommands,
                  const QStringList &args)
{
    QStringList names;
    qsizetype width = 0;
    for (const Subcommand &s : subcommands) {
        names.append(s.name);
        width = qMax(width, s.name.size());
    }
    QString description = summary + QStringLiteral("\n\n") + QCoreApplication::translate("Cli", "Subcommands:");
    for (const Subcommand &s : subcommands)
        description += QStringLiteral("\n  ") + s.name.leftJustified(width + 2) + s.summary;
    description += QStringLiteral("\n\n")
        + QCoreApplication::translate("Cli", "Run \"netpoke-cli %1 SUBCOMMAND --help\" for its options.").arg(group);

    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addHelpOption();
    const QString choices = names.join(QStringLiteral(", "));
    parser.addPositionalArgument(QStringLiteral("subcommand"), choices,
                                 QStringLiteral("%1 %2 [ARGS...]").arg(group, names.join(QLatin1Char('|'))));
    if (!parseArguments(parser, args))
        return ExitUsage;
    const QStringList rest = parser.positionalArguments();
    if (rest.isEmpty())
        return usageError(QCoreApplication::translate("Cli", "%1: give a subcommand: %2.").arg(group, choices));
    for (const Subcommand &s : subcommands) {
        if (rest.first() == s.name)
            return s.run(rest);
    }
    return usageError(QCoreApplication::translate("Cli", "%1: unknown subcommand \"%2\"; use %3.")
                          .arg(group, rest.first(), choices));
}

} // namespace NetPoke::Cli
