#include "tftpcommand.h"
#include "tftpservecommand.h"

#include "net/endpointinput.h"

#include "tftpclient.h"
#include "clicommon.h"
#include "runner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <climits>
#include <cstdio>
#include <unistd.h>

namespace NetPoke::Cli {

namespace {

using NetPoke::Tftp::Client;
using NetPoke::Tftp::ClientOptions;
using NetPoke::Tftp::Progress;
using NetPoke::Tftp::MaxClientWindowSize;

class TftpCommand final
{
    Q_DECLARE_TR_FUNCTIONS(TftpCommand)

public:
    static int run(const QStringList &args)
    {
        return runSubcommand(QStringLiteral("tftp"), tftpSummary(),
                             {{QStringLiteral("get"), tr("download a file: tftp get tftp://HOST[:PORT]/PATH"),
                               &TftpCommand::get},
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
            + tr("The file is written only when the transfer succeeds: an existing FILE is kept on failure.")
            + QLatin1Char('\n')
            + tr("Progress is shown on stderr when it is a terminal; a summary line follows (bytes, seconds, MiB/s, "
                 "retransmissions).") + QLatin1Char('\n')
            + tr("Exit status: 0 downloaded, 1 transfer failed (not found, access violation, timeout, no server, option "
                 "refused, ...), 2 bad arguments."));
        parser.addHelpOption();
        const QCommandLineOption outOpt(QStringList{QStringLiteral("o"), QStringLiteral("output")},
            tr("Save as FILE (\"-\" for standard output). Default: the last part of PATH, in the current folder."),
            tr("FILE"));
        const QCommandLineOption blkOpt(QStringLiteral("blksize"),
            tr("Block size 8-65464, or \"auto\": the MTU of the route to the server minus the headers (1468 on "
               "Ethernet, 65464 on loopback). Default: auto."), tr("N|auto"), QStringLiteral("auto"));
        const QCommandLineOption winOpt(QStringLiteral("windowsize"),
            tr("Blocks per acknowledgement (RFC 7440), 1-32767; 0 does not ask. Default: 8."), tr("N"), QStringLiteral("8"));
        const QCommandLineOption timeoutOpt(QStringLiteral("timeout"),
            tr("Fixed retransmission timeout in milliseconds (also asked from the server, in seconds). Default: 0, "
               "adaptive from the measured round trip."), tr("MS"), QStringLiteral("0"));
        const QCommandLineOption retriesOpt(QStringLiteral("retries"),
            tr("Retransmissions of one packet before giving up. Default: 5."), tr("N"), QStringLiteral("5"));
        const QCommandLineOption noTsizeOpt(QStringLiteral("no-tsize"), tr("Do not ask the server for the file size."));
        const QCommandLineOption rfcOpt(QStringLiteral("rfc1350"),
            tr("Send no options at all: 512-byte blocks, one acknowledgement per block."));
        const QCommandLineOption modeOpt(QStringLiteral("mode"),
            tr("Transfer mode: octet (bytes unchanged) or netascii (CR LF becomes LF). Default: octet."),
            tr("octet|netascii"), QStringLiteral("octet"));
        const QCommandLineOption quietOpt(QStringLiteral("quiet"), tr("No progress bar and no summary; errors only."));
        parser.addOptions({outOpt, blkOpt, winOpt, timeoutOpt, retriesOpt, noTsizeOpt, rfcOpt, modeOpt, quietOpt});
        parser.addPositionalArgument(QStringLiteral("URL"), tr("tftp://HOST[:PORT]/PATH"),
                                     QStringLiteral("tftp get tftp://HOST[:PORT]/PATH"));
        if (!parseArguments(parser, args))
            return ExitUsage;

        const QStringList pos = parser.positionalArguments();
        if (pos.isEmpty())
            return usageError(tr("tftp get: give a URL, tftp://HOST[:PORT]/PATH (see --help)."));
        if (pos.size() > 1)
            return usageError(tr("tftp get: one URL only; unexpected \"%1\".").arg(pos.at(1)));

        const QString urlText = pos.at(0).trimmed();
        const QUrl url(urlText, QUrl::StrictMode);
        if (!url.isValid() || url.scheme().compare(QLatin1String("tftp"), Qt::CaseInsensitive) != 0
            || url.host().isEmpty())
            return usageError(tr("\"%1\" is not a TFTP URL: write tftp://HOST[:PORT]/PATH.").arg(urlText));
        if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
            return usageError(tr("\"%1\": a TFTP URL has no user, query or fragment.").arg(urlText));
        const int urlPort = url.port(69);
        if (urlPort <= 0 || urlPort > 65535)
            return usageError(tr("\"%1\": the port must be 1-65535.").arg(urlText));
        // The host as every other command checks it, as typed: "300.1.1.1" is a typo, not a name to look
        // up, and "127.0.1" a short form that QUrl would silently expand.
        const QString authority = urlText.mid(urlText.indexOf(QLatin1String("//")) + 2).section(QLatin1Char('/'), 0, 0);
        const QString typedHost = authority.startsWith(QLatin1Char('['))
            ? authority.section(QLatin1Char(']'), 0, 0) + QLatin1Char(']')
            : authority.section(QLatin1Char(':'), 0, 0);
        const Net::EndpointInput host = Net::EndpointInput::fromParts(typedHost, quint16(urlPort),
                                                                      Net::EndpointInput::Destination);
        if (!host.ok())
            return usageError(host.errorString);
        // Like curl: the path without its first slash names the file ("//abs/path" for an absolute one).
        QString remote = url.path(QUrl::FullyDecoded);
        if (remote.startsWith(QLatin1Char('/')))
            remote.remove(0, 1);
        if (remote.isEmpty())
            return usageError(tr("\"%1\": no file path after the host.").arg(urlText));

        // Numbers are read here; whether they are within the protocol's limits is ClientOptions::validate()'s call.
        ClientOptions o;
        const QString blk = parser.value(blkOpt).trimmed();
        qint64 v = 0;
        if (blk.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0)
            o.blockSize = 0;
        else if (parseInteger(blk, 1, INT_MAX, &v))
            o.blockSize = int(v);
        else
            return usageError(tr("--blksize: \"%1\" is not 8-65464 or auto.").arg(blk));
        if (!parseInteger(parser.value(winOpt), 0, INT_MAX, &v))
            return usageError(tr("--windowsize: \"%1\" is not 0-%2.").arg(parser.value(winOpt)).arg(MaxClientWindowSize));
        o.windowSize = int(v);
        if (!parseInteger(parser.value(timeoutOpt), 0, INT_MAX, &v))
            return usageError(tr("--timeout: \"%1\" is not a number of milliseconds (0-255000).").arg(parser.value(timeoutOpt)));
        o.timeoutMs = int(v);
        if (!parseInteger(parser.value(retriesOpt), 0, INT_MAX, &v))
            return usageError(tr("--retries: \"%1\" is not 0-1000.").arg(parser.value(retriesOpt)));
        o.retries = int(v);
        o.requestTsize = !parser.isSet(noTsizeOpt);
        o.rfc1350Only = parser.isSet(rfcOpt);
        const QString mode = parser.value(modeOpt).trimmed().toLower();
        if (mode == QLatin1String("octet"))
            o.mode = ClientOptions::Octet;
        else if (mode == QLatin1String("netascii"))
            o.mode = ClientOptions::NetAscii;
        else
            return usageError(tr("--mode: \"%1\" is not octet or netascii.").arg(parser.value(modeOpt)));
        if (o.rfc1350Only && (parser.isSet(blkOpt) || parser.isSet(winOpt) || parser.isSet(noTsizeOpt)))
            return usageError(tr("--rfc1350 sends no options: it cannot be combined with --blksize, --windowsize or "
                                 "--no-tsize."));
        ClientOptions::Field field = ClientOptions::NoField;
        const QString invalid = o.validate(&field);
        if (!invalid.isEmpty()) {
            static const char *const names[] = {"", "--blksize", "--windowsize", "--timeout", "--retries"};
            return usageError(QLatin1String(names[field]) + QStringLiteral(": ") + invalid);
        }

        QString output = parser.value(outOpt);
        if (!parser.isSet(outOpt)) {
            output = remote.section(QLatin1Char('/'), -1);
            if (output.isEmpty() || output == QLatin1String(".") || output == QLatin1String(".."))
                return usageError(tr("\"%1\" does not end in a file name: give -o FILE.").arg(urlText));
        }
        if (output.isEmpty())
            return usageError(tr("-o: give a file name, or - for standard output."));

        Download dl(url.host(), quint16(urlPort), remote, output, o, parser.isSet(quietOpt));
        return dl.exec();
    }

    class Download final : public Runner
    {
    public:
        Download(const QString &host, quint16 port, const QString &remote, const QString &output,
                 const ClientOptions &o, bool quiet)
            : m_host(host), m_port(port), m_remote(remote), m_output(output), m_quiet(quiet)
        {
            m_client.setOptions(o);
            m_bar = !quiet && ::isatty(STDERR_FILENO);
        }

        int exec()
        {
            bool started = false;
            if (m_output == QLatin1String("-")) {
                if (!m_stdout.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered)) {
                    printError(tr("cannot write to standard output."));
                    return ExitFailure;
                }
                started = m_client.download(m_host, m_port, m_remote, &m_stdout);
            } else {
                started = m_client.download(m_host, m_port, m_remote, m_output);
            }
            if (!started) {
                printError(m_client.errorString());
                return m_client.error() == Client::LocalFileError ? ExitFailure : ExitUsage;
            }
            QObject::connect(&m_client, &Client::progressChanged, &m_client,
                             [this](const Progress &p) { showProgress(p); });
            QObject::connect(&m_client, &Client::finished, &m_client, [this](bool ok) {
                if (ok)
                    finish(ExitSuccess);
                else
                    fail(ExitFailure, m_client.errorString());
            });
            if (Runner::exec() != ExitSuccess)
                return ExitFailure;
            if (m_output == QLatin1String("-"))
                std::fflush(stdout);
            if (!m_quiet) {
                const Progress p = m_client.progress();
                const double seconds = qMax<qint64>(p.elapsedMs, 1) / 1000.0;
                const QString line = tr("%1 bytes in %2 s (%3 MiB/s), %4 retransmissions, blksize %5, windowsize %6")
                                         .arg(p.bytes)
                                         .arg(seconds, 0, 'f', 3)
                                         .arg(p.averageBytesPerSecond() / (1024.0 * 1024.0), 0, 'f', 1)
                                         .arg(p.retransmissions)
                                         .arg(m_client.negotiatedBlockSize())
                                         .arg(m_client.negotiatedWindowSize());
                const QByteArray bytes = line.toUtf8() + '\n';
                std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
                std::fflush(stderr);
            }
            return ExitSuccess;
        }

    private:
        // The progress bar's line is cleared before the result or the error is printed.
        void aboutToFinish() override
        {
            if (m_barShown) {
                std::fputs("\r\033[K", stderr);
                std::fflush(stderr);
            }
        }

        static QString size(double bytes)
        {
            if (bytes >= 1024.0 * 1024.0 * 1024.0)
                return QStringLiteral("%1 GiB").arg(bytes / (1024.0 * 1024.0 * 1024.0), 0, 'f', 2);
            if (bytes >= 1024.0 * 1024.0)
                return QStringLiteral("%1 MiB").arg(bytes / (1024.0 * 1024.0), 0, 'f', 1);
            if (bytes >= 1024.0)
                return QStringLiteral("%1 KiB").arg(bytes / 1024.0, 0, 'f', 1);
            return QStringLiteral("%1 B").arg(qint64(bytes));
        }

        void showProgress(const Progress &p)
        {
            if (!m_bar)
                return;
            QString line;
            if (p.total > 0) {
                const double f = qBound(0.0, double(p.bytes) / double(p.total), 1.0);
                const int width = 30;
                const int filled = int(f * width);
                line = QStringLiteral("[") + QString(filled, QLatin1Char('#')) + QString(width - filled, QLatin1Char(' '))
                    + QStringLiteral("] %1%  %2 / %3").arg(int(f * 100), 3).arg(size(double(p.bytes)), size(double(p.total)));
            } else {
                line = QStringLiteral("%1").arg(size(double(p.bytes)));
            }
            line += QStringLiteral("  %1/s").arg(size(p.bytesPerSecond));
            if (p.retransmissions)
                line += QStringLiteral("  ") + tr("%1 retransmissions").arg(p.retransmissions);
            const QByteArray bytes = "\r\033[K" + line.toUtf8();
            std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
            std::fflush(stderr);
            m_barShown = true;
        }

        Client m_client;
        QFile m_stdout;
        QString m_host;
        quint16 m_port;
        QString m_remote;
        QString m_output;
        bool m_quiet;
        bool m_bar = false;
        bool m_barShown = false;
    };
};

} // namespace

int runTftp(const QStringList &args)
{
    return TftpCommand::run(args);
}

QString tftpSummary()
{
    return QCoreApplication::translate("TftpCommand", "download files from a TFTP server, or serve a folder (RFC 1350 with options)");
}

} // namespace NetPoke::Cli
