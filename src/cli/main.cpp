#include "chatcommand.h"
#include "tcpcommand.h"
#include "tftpcommand.h"
#include "udpcommand.h"

#include "language.h"
#include "standardfds.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QLoggingCategory>

#include <cstdio>

#ifndef NETPOKE_VERSION
#define NETPOKE_VERSION "0.1.0"
#endif

namespace {

struct Command
{
    const char *name;
    int (*run)(const QStringList &args);   // args[0] is the command name
    QString (*summary)();
};

// New subcommands (chat, tftp) add one line here and live in their own files.
const Command kCommands[] = {
    {"udp", &NetPoke::Cli::runUdp, &NetPoke::Cli::udpSummary},
    {"tftp", &NetPoke::Cli::runTftp, &NetPoke::Cli::tftpSummary},
    {"chat", &NetPoke::Cli::runChat, &NetPoke::Cli::chatSummary},
    {"tcp", &NetPoke::Cli::runTcp, &NetPoke::Cli::tcpSummary},
};

class CliMain final
{
    Q_DECLARE_TR_FUNCTIONS(CliMain)

public:
    static int run(const QStringList &arguments)
    {
        QString commandList;
        for (const Command &c : kCommands)
            commandList += QStringLiteral("  %1  %2\n").arg(QLatin1String(c.name), c.summary());

        QCommandLineParser parser;
        parser.setApplicationDescription(tr("NetPoke command line: network debugging without a window.")
                                         + QStringLiteral("\n\n") + tr("Commands:") + QLatin1Char('\n')
                                         + commandList + QLatin1Char('\n')
                                         + tr("Run \"netpoke-cli COMMAND --help\" for the options of a command."));
        parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addPositionalArgument(QStringLiteral("command"), tr("The command to run (see above)."),
                                     QStringLiteral("COMMAND [ARGS...]"));
        if (!parser.parse(arguments)) {
            NetPoke::Cli::printError(parser.errorText() + QLatin1Char(' ') + tr("(see --help)"));
            return NetPoke::Cli::ExitUsage;
        }
        if (parser.isSet(QStringLiteral("help")))
            parser.showHelp(NetPoke::Cli::ExitSuccess);
        if (parser.isSet(QStringLiteral("version")))
            parser.showVersion();

        const QStringList rest = parser.positionalArguments();
        if (rest.isEmpty()) {
            NetPoke::Cli::printError(tr("no command given; run \"netpoke-cli --help\" for the list."));
            return NetPoke::Cli::ExitUsage;
        }
        for (const Command &c : kCommands) {
            if (rest.first() == QLatin1String(c.name))
                return c.run(rest);
        }
        NetPoke::Cli::printError(tr("unknown command \"%1\"; run \"netpoke-cli --help\" for the list.")
                                     .arg(rest.first()));
        return NetPoke::Cli::ExitUsage;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    // Before Qt opens any descriptor: a closed stdin/stdout/stderr must not become Qt's eventfd.
    if (!NetPoke::ensureStandardFileDescriptors())
        return NetPoke::Cli::ExitFailure;
    // Qt's plain Unix event dispatcher costs less per wake-up than the GLib one; in lock-step TFTP
    // (one wake-up per block) that was measured at about 25% of the transfer time.
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("netpoke-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NETPOKE_VERSION));

    // Core debug output would mix with the command's own stderr lines; QT_LOGGING_RULES still wins.
    QLoggingCategory::setFilterRules(QStringLiteral("netpoke.*.debug=false"));

    // The system's language: Chinese, or English (with its plural forms).
    NetPoke::Language::install(QLocale());

    const int code = CliMain::run(QCoreApplication::arguments());
    std::fflush(stdout);
    return code;
}
