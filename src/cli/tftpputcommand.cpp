#include "tftptransfer.h"

#include "clicommon.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace NetPoke::Cli {

namespace {

class TftpPutCommand final
{
    Q_DECLARE_TR_FUNCTIONS(TftpPutCommand)

public:
    static int run(const QStringList &args)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            tr("Upload FILE to the TFTP server at HOST (port 69 unless given) as PATH, e.g. "
               "tftp://192.168.1.10/incoming/image.bin; a URL that ends in \"/\" or has no PATH takes FILE's name.")
            + QLatin1Char('\n')
            + tr("FILE is read as it is sent: it must be a regular file (not a folder, FIFO or device).")
            + QLatin1Char('\n')
            + tr("Many servers write only files that exist already (tftpd-hpa unless started with -c).")
            + QLatin1Char('\n')
            + QCoreApplication::translate("TftpCommand", "Progress is shown on stderr when it is a terminal; a summary "
                                                         "line follows (bytes, seconds, MiB/s, retransmissions).")
            + QLatin1Char('\n')
            + tr("Exit status: 0 uploaded, 1 transfer failed (FILE unreadable, access violation, disk full, timeout, "
                 "no server, option refused, ...), 2 bad arguments."));
        parser.addHelpOption();
        const TftpTransferOptions opts(true);
        parser.addOptions(opts.all());
        parser.addPositionalArgument(QStringLiteral("FILE"), tr("the local file to send"),
                                     QStringLiteral("tftp put FILE"));
        parser.addPositionalArgument(QStringLiteral("URL"),
                                     QCoreApplication::translate("TftpCommand", "tftp://HOST[:PORT]/PATH"),
                                     QStringLiteral("URL"));
        if (!parseArguments(parser, args))
            return ExitUsage;

        const QStringList pos = parser.positionalArguments();
        if (pos.size() < 2)
            return usageError(
                tr("tftp put: give a FILE and a URL, tftp put FILE tftp://HOST[:PORT]/PATH (see --help)."));
        if (pos.size() > 2)
            return usageError(tr("tftp put: one FILE and one URL only; unexpected \"%1\".").arg(pos.at(2)));
        const QString file = pos.at(0);
        if (file.isEmpty())
            return usageError(tr("tftp put: the FILE name is empty."));
        TftpUrl url;
        if (parseTftpUrl(pos.at(1), &url, true) != ExitSuccess)
            return ExitUsage;
        if (url.path.isEmpty() || url.path.endsWith(QLatin1Char('/'))) {
            const QString name = QFileInfo(file).fileName();
            if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String(".."))
                return usageError(tr("\"%1\" does not end in a file name: give the name in the URL.").arg(file));
            url.path += name;
        }
        Tftp::ClientOptions o;
        if (opts.read(parser, &o) != ExitSuccess)
            return ExitUsage;

        TftpTransfer up(TftpTransfer::Upload, url, file, o, parser.isSet(opts.quiet));
        return up.exec();
    }
};

} // namespace

int runTftpPut(const QStringList &args)
{
    return TftpPutCommand::run(args);
}

} // namespace NetPoke::Cli
