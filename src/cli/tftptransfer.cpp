#include "tftptransfer.h"

#include "net/endpointinput.h"

#include "clicommon.h"

#include <QUrl>

#include <climits>
#include <cstdio>
#include <unistd.h>

namespace NetPoke::Cli {

namespace {

using NetPoke::Tftp::Client;
using NetPoke::Tftp::ClientOptions;
using NetPoke::Tftp::MaxClientWindowSize;
using NetPoke::Tftp::Progress;

// The messages keep the context of `tftp get`, where they were first written.
struct TftpCommand
{
    Q_DECLARE_TR_FUNCTIONS(TftpCommand)
};

QString size(double bytes)
{
    if (bytes >= 1024.0 * 1024.0 * 1024.0)
        return QStringLiteral("%1 GiB").arg(bytes / (1024.0 * 1024.0 * 1024.0), 0, 'f', 2);
    if (bytes >= 1024.0 * 1024.0)
        return QStringLiteral("%1 MiB").arg(bytes / (1024.0 * 1024.0), 0, 'f', 1);
    if (bytes >= 1024.0)
        return QStringLiteral("%1 KiB").arg(bytes / 1024.0, 0, 'f', 1);
    return QStringLiteral("%1 B").arg(qint64(bytes));
}

} // namespace

int parseTftpUrl(const QString &text, TftpUrl *out, bool emptyPath)
{
    const QString urlText = text.trimmed();
    const QUrl url(urlText, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().compare(QLatin1String("tftp"), Qt::CaseInsensitive) != 0
        || url.host().isEmpty())
        return usageError(TftpCommand::tr("\"%1\" is not a TFTP URL: write tftp://HOST[:PORT]/PATH.").arg(urlText));
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return usageError(TftpCommand::tr("\"%1\": a TFTP URL has no user, query or fragment.").arg(urlText));
    const int urlPort = url.port(69);
    if (urlPort <= 0 || urlPort > 65535)
        return usageError(TftpCommand::tr("\"%1\": the port must be 1-65535.").arg(urlText));
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
    if (remote.isEmpty() && !emptyPath)
        return usageError(TftpCommand::tr("\"%1\": no file path after the host.").arg(urlText));
    *out = TftpUrl{urlText, url.host(), quint16(urlPort), remote};
    return ExitSuccess;
}

TftpTransferOptions::TftpTransferOptions(bool upload)
    : blockSize(QStringLiteral("blksize"),
                TftpCommand::tr("Block size 8-65464, or \"auto\": the MTU of the route to the server minus the headers "
                                "(1468 on Ethernet, 65464 on loopback). Default: auto."),
                TftpCommand::tr("N|auto"), QStringLiteral("auto"))
    , windowSize(QStringLiteral("windowsize"),
                 TftpCommand::tr("Blocks per acknowledgement (RFC 7440), 1-32767; 0 does not ask. Default: 8."),
                 TftpCommand::tr("N"), QStringLiteral("8"))
    , timeout(QStringLiteral("timeout"),
              TftpCommand::tr("Fixed retransmission timeout in milliseconds (also asked from the server, in seconds). "
                              "Default: 0, adaptive from the measured round trip."),
              TftpCommand::tr("MS"), QStringLiteral("0"))
    , retries(QStringLiteral("retries"), TftpCommand::tr("Retransmissions of one packet before giving up. Default: 5."),
              TftpCommand::tr("N"), QStringLiteral("5"))
    , noTsize(QStringLiteral("no-tsize"),
              upload ? TftpCommand::tr("Do not tell the server the file size (tsize; never sent in netascii mode).")
                     : TftpCommand::tr("Do not ask the server for the file size."))
    , rfc1350(QStringLiteral("rfc1350"),
              TftpCommand::tr("Send no options at all: 512-byte blocks, one acknowledgement per block."))
    , mode(QStringLiteral("mode"),
           upload ? TftpCommand::tr("Transfer mode: octet (bytes unchanged) or netascii (LF is sent as CR LF). "
                                    "Default: octet.")
                  : TftpCommand::tr("Transfer mode: octet (bytes unchanged) or netascii (CR LF becomes LF). Default: "
                                    "octet."),
           TftpCommand::tr("octet|netascii"), QStringLiteral("octet"))
    , quiet(QStringLiteral("quiet"), TftpCommand::tr("No progress bar and no summary; errors only."))
{
}

QList<QCommandLineOption> TftpTransferOptions::all() const
{
    return QList<QCommandLineOption>{blockSize, windowSize, timeout, retries, noTsize, rfc1350, mode, quiet}
        + teaching.all();
}

int TftpTransferOptions::read(const QCommandLineParser &parser, ClientOptions *out) const
{
    // Numbers are read here; whether they are within the protocol's limits is ClientOptions::validate()'s call.
    ClientOptions o;
    const QString blk = parser.value(blockSize).trimmed();
    qint64 v = 0;
    if (blk.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0)
        o.blockSize = 0;
    else if (parseInteger(blk, 1, INT_MAX, &v))
        o.blockSize = int(v);
    else
        return usageError(TftpCommand::tr("--blksize: \"%1\" is not 8-65464 or auto.").arg(blk));
    if (!parseInteger(parser.value(windowSize), 0, INT_MAX, &v))
        return usageError(TftpCommand::tr("--windowsize: \"%1\" is not 0-%2.").arg(parser.value(windowSize))
                              .arg(MaxClientWindowSize));
    o.windowSize = int(v);
    if (!parseInteger(parser.value(timeout), 0, INT_MAX, &v))
        return usageError(TftpCommand::tr("--timeout: \"%1\" is not a number of milliseconds (0-255000).")
                              .arg(parser.value(timeout)));
    o.timeoutMs = int(v);
    if (!parseInteger(parser.value(retries), 0, INT_MAX, &v))
        return usageError(TftpCommand::tr("--retries: \"%1\" is not 0-1000.").arg(parser.value(retries)));
    o.retries = int(v);
    o.requestTsize = !parser.isSet(noTsize);
    o.rfc1350Only = parser.isSet(rfc1350);
    const QString m = parser.value(mode).trimmed().toLower();
    if (m == QLatin1String("octet"))
        o.mode = ClientOptions::Octet;
    else if (m == QLatin1String("netascii"))
        o.mode = ClientOptions::NetAscii;
    else
        return usageError(TftpCommand::tr("--mode: \"%1\" is not octet or netascii.").arg(parser.value(mode)));
    if (o.rfc1350Only && (parser.isSet(blockSize) || parser.isSet(windowSize) || parser.isSet(noTsize)))
        return usageError(TftpCommand::tr("--rfc1350 sends no options: it cannot be combined with --blksize, "
                                          "--windowsize or --no-tsize."));
    if (const int teach = teaching.read(parser, &o.teaching); teach != ExitSuccess)
        return teach;
    ClientOptions::Field field = ClientOptions::NoField;
    const QString invalid = o.validate(&field);
    if (!invalid.isEmpty()) {
        static const char *const names[] = {"", "--blksize", "--windowsize", "--timeout", "--retries", "--max-size"};
        return usageError(QLatin1String(names[field]) + QStringLiteral(": ") + invalid);
    }
    *out = o;
    return ExitSuccess;
}

// -------------------------------------------------------------------------------------------------

TftpTransfer::TftpTransfer(Direction direction, const TftpUrl &url, const QString &local, const ClientOptions &o,
                           bool quiet)
    : m_direction(direction)
    , m_url(url)
    , m_local(local)
    , m_quiet(quiet)
{
    m_client.setOptions(o);
    m_bar = !quiet && ::isatty(STDERR_FILENO);
}

int TftpTransfer::exec()
{
    bool started = false;
    if (m_direction == Upload) {
        started = m_client.upload(m_url.host, m_url.port, m_url.path, m_local);
    } else if (m_local == QLatin1String("-")) {
        if (!m_stdout.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered)) {
            printError(TftpCommand::tr("cannot write to standard output."));
            return ExitFailure;
        }
        started = m_client.download(m_url.host, m_url.port, m_url.path, &m_stdout);
    } else {
        started = m_client.download(m_url.host, m_url.port, m_url.path, m_local);
    }
    if (!started) {
        printError(m_client.errorString());
        return m_client.error() == Client::LocalFileError ? ExitFailure : ExitUsage;
    }
    QObject::connect(&m_client, &Client::progressChanged, &m_client, [this](const Progress &p) { showProgress(p); });
    QObject::connect(&m_client, &Client::finished, &m_client, [this](bool ok) {
        if (ok)
            finish(ExitSuccess);
        else
            fail(ExitFailure, m_client.errorString());
    });
    if (Runner::exec() != ExitSuccess)
        return ExitFailure;
    if (m_direction == Download && m_local == QLatin1String("-"))
        std::fflush(stdout);
    if (!m_quiet) {
        const Progress p = m_client.progress();
        const double seconds = qMax<qint64>(p.elapsedMs, 1) / 1000.0;
        const QString line = TftpCommand::tr(
                                 "%1 bytes in %2 s (%3 MiB/s), %4 retransmissions, blksize %5, windowsize %6")
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

// The progress bar's line is cleared before the result or the error is printed.
void TftpTransfer::aboutToFinish()
{
    if (m_barShown) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
    }
}

void TftpTransfer::showProgress(const Progress &p)
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
        line += QStringLiteral("  ") + TftpCommand::tr("%1 retransmissions").arg(p.retransmissions);
    const QByteArray bytes = "\r\033[K" + line.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
    m_barShown = true;
}

} // namespace NetPoke::Cli
