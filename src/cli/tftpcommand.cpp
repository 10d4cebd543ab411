#include "tftpcommand.h"
#include "tftpservecommand.h"

#include "clicommon.h"
#include "tftptransfer.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace NetPoke::Cli {

namespace {

using NetPoke::Tftp::ClientOptions;

class TftpCommand final
{
    Q_DECLARE_TR_FUNCTIONS(TftpCommand)

public:
    static int run(const QStringList &args)
    {
        return runSubcommand(QStringLiteral("tftp"), tftpSummary(),
                             {{QStringLiteral("get"), tr("download a file: tftp get tftp://HOST[:PORT]/PATH"),
                               &TftpCommand::get},
                              {QStringLiteral("put"), tr("upload a file: tftp put FILE tftp://HOST[:PORT]/PATH"),
                               &runTftpPut},
                              {QStringLiteral("serve"), tftpServeSummary(), &runTftpServe}},
                             args);
    }

private:
    static int get(const QStringList &args)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            tr("Download PATH from the TFTP server at HOST (port 69 unless given), e.g. tftp://192.168.1.10/boot/image.bin "
               "or tftp://[::1]:6969/file.txt.") + QLatin1Char('\n')
            + tr("The file is written only when the transfer succeeds: an existing FILE is kept on failure. An "
                 "existing device or FIFO (e.g. /dev/null) is written in place.")
            + QLatin1Char('\n')
            + tr("Progress is shown on stderr when it is a terminal; a summary line follows (bytes, seconds, MiB/s, "
                 "retransmissions).") + QLatin1Char('\n')
            + tr("Exit status: 0 downloaded, 1 transfer failed (not found, access violation, timeout, no server, option "
                 "refused, ...), 2 bad arguments."));
        parser.addHelpOption();
        const QCommandLineOption outOpt(QStringList{QStringLiteral("o"), QStringLiteral("output")},
            tr("Save as FILE (\"-\" for standard output). Default: the last part of PATH, in the current folder."),
            tr("FILE"));
        const QCommandLineOption maxSizeOpt(QStringLiteral("max-size"),
            tr("Refuse a file larger than BYTES (K, M, G: KiB, MiB, GiB; e.g. 64M): at once when the server "
               "announces its size, else as soon as more arrives. Default: 0, no limit."),
            tr("BYTES"), QStringLiteral("0"));
        const TftpTransferOptions opts(false);
        parser.addOptions(QList<QCommandLineOption>{outOpt} + opts.all() + QList<QCommandLineOption>{maxSizeOpt});
        parser.addPositionalArgument(QStringLiteral("URL"), tr("tftp://HOST[:PORT]/PATH"),
                                     QStringLiteral("tftp get tftp://HOST[:PORT]/PATH"));
        if (!parseArguments(parser, args))
            return ExitUsage;

        const QStringList pos = parser.positionalArguments();
        if (pos.isEmpty())
            return usageError(tr("tftp get: give a URL, tftp://HOST[:PORT]/PATH (see --help)."));
        if (pos.size() > 1)
            return usageError(tr("tftp get: one URL only; unexpected \"%1\".").arg(pos.at(1)));
        TftpUrl url;
        if (parseTftpUrl(pos.at(0), &url) != ExitSuccess)
            return ExitUsage;
        ClientOptions o;
        if (opts.read(parser, &o) != ExitSuccess)
            return ExitUsage;
        if (!parseByteSize(parser.value(maxSizeOpt), NetPoke::Tftp::MaxTsize, &o.maxSize))
            return usageError(tr("--max-size: \"%1\" is not a size: give bytes, or a number with K, M or G (KiB, MiB, "
                                 "GiB), e.g. 64M; 0 for no limit.").arg(parser.value(maxSizeOpt)));

        QString output = parser.value(outOpt);
        if (!parser.isSet(outOpt)) {
            output = url.path.section(QLatin1Char('/'), -1);
            if (output.isEmpty() || output == QLatin1String(".") || output == QLatin1String(".."))
                return usageError(tr("\"%1\" does not end in a file name: give -o FILE.").arg(url.text));
        }
        if (output.isEmpty())
            return usageError(tr("-o: give a file name, or - for standard output."));

        TftpTransfer dl(TftpTransfer::Download, url, output, o, parser.isSet(opts.quiet));
        return dl.exec();
    }
};

} // namespace

int runTftp(const QStringList &args)
{
    return TftpCommand::run(args);
}

QString tftpSummary()
{
    return QCoreApplication::translate("TftpCommand", "download and upload files over TFTP, or serve a folder (RFC 1350 with options)");
}

} // namespace NetPoke::Cli
