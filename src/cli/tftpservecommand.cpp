#include "tftpservecommand.h"

#include "net/endpointinput.h"

#include "clicommon.h"
#include "hostport.h"
#include "runner.h"
#include "textcodec.h"
#include "tftpserver.h"
#include "tftpteachingoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace NetPoke::Cli {

namespace {

using NetPoke::Tftp::Server;
using NetPoke::Tftp::TransferInfo;

// SIGINT and SIGTERM write their number into a pipe that the event loop watches (the self-pipe trick): the
// handler does nothing else, and the server stops from the event loop, where it is safe.
int g_signalPipe[2] = {-1, -1};

extern "C" void onStopSignal(int signo)
{
    const int saved = errno;
    const char byte = char(signo);
    if (g_signalPipe[1] >= 0) {
        [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
    }
    errno = saved;
}

class TftpServe final : public Runner
{
    Q_DECLARE_TR_FUNCTIONS(TftpServeCommand)

public:
    explicit TftpServe(const Server::Settings &settings)
    {
        m_server.setSettings(settings);
        connect(&m_server, &Server::logLine, this, &TftpServe::printLine);
        connect(&m_server, &Server::transferFinished, this, [this](const TransferInfo &info) {
            ++m_transfers;
            if (!info.ok())
                ++m_failed;
        });
        connect(&m_server, &Server::requestRefused, this, [this] { ++m_refused; });
    }

    ~TftpServe() override
    {
        for (const int sig : {SIGINT, SIGTERM})
            std::signal(sig, SIG_DFL);
        for (int &fd : g_signalPipe) {
            if (fd >= 0)
                ::close(fd);
            fd = -1;
        }
    }

    int exec()
    {
        if (!watchSignals()) {
            printError(tr("cannot watch for Ctrl+C: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
            return ExitFailure;
        }
        if (!m_server.start()) {
            printError(withAdvice(m_server.errorString(), m_server.error()));
            return ExitFailure;
        }
        const Server::Settings s = m_server.settings();
        printInfo(tr("listening on %1").arg(displayEndpoint(m_server.address(), m_server.port())));
        const QString root = TextCodec::visibleText(QDir::toNativeSeparators(QFileInfo(s.root).canonicalFilePath()));
        const QString access = !s.allowUploads ? tr("read-only")
            : s.allowOverwrite ? tr("uploads allowed, existing files may be replaced")
                               : tr("uploads allowed, new files only");
        printInfo(tr("serving %1 (%2); Ctrl+C stops").arg(root, access));
        return Runner::exec();
    }

private:
    static QString withAdvice(const QString &fact, Server::Error error)
    {
        QString advice;
        switch (error) {
        case Server::AddressInUseError:
            advice = QCoreApplication::translate("CliCommon", "Stop the program that uses it, choose another port, or "
                                                              "use port 0 to let the system choose.");
            break;
        case Server::AccessDeniedError:
            advice = QCoreApplication::translate("CliCommon", "Use a port from 1024 to 65535, or 0 to let the system "
                                                              "choose.");
            break;
        case Server::AddressNotAvailableError:
            advice = tr("Give an address of this machine, :: for all of them, or 127.0.0.1 for this machine only.");
            break;
        default:
            break;
        }
        return advice.isEmpty() ? fact : fact + QLatin1Char(' ') + advice;
    }

    bool watchSignals()
    {
        if (::pipe2(g_signalPipe, O_NONBLOCK | O_CLOEXEC) != 0)
            return false;
        struct sigaction sa {};
        sa.sa_handler = onStopSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        if (::sigaction(SIGINT, &sa, nullptr) != 0 || ::sigaction(SIGTERM, &sa, nullptr) != 0)
            return false;
        m_signals = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, this);
        connect(m_signals, &QSocketNotifier::activated, this, &TftpServe::onSignal);
        return true;
    }

    void onSignal()
    {
        char bytes[16];
        while (::read(g_signalPipe[0], bytes, sizeof bytes) > 0) {
        }
        if (finished())
            return;
        // Every transfer ends here: uploads are discarded (nothing half-written is left), downloads are told.
        m_server.stop();
        //: %1 is "N transfers", %2 the number of them that failed, %3 is "N requests"
        printInfo(tr("stopped: %1, %2 failed, %3 refused")
                      .arg(tr("%n transfer(s)", nullptr, int(qMin<qint64>(m_transfers, INT_MAX))))
                      .arg(m_failed)
                      .arg(tr("%n request(s)", nullptr, int(qMin<qint64>(m_refused, INT_MAX)))));
        finish(ExitSuccess);
    }

    void printLine(const QString &line)
    {
        const QByteArray bytes = line.toUtf8() + '\n';
        if (std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) != size_t(bytes.size()) || std::fflush(stdout) != 0) {
            m_server.stop();
            fail(ExitFailure, tr("cannot write the log to standard output."));
        }
    }

    Server m_server;
    QSocketNotifier *m_signals = nullptr;
    qint64 m_transfers = 0;
    qint64 m_failed = 0;
    qint64 m_refused = 0;
};

class TftpServeCommand final
{
    Q_DECLARE_TR_FUNCTIONS(TftpServeCommand)

public:
    static int run(const QStringList &args)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            tr("Serve the files in DIR over TFTP (RFC 1350 with the options blksize, tsize, timeout and windowsize), "
               "read-only unless --allow-write is given.") + QLatin1Char('\n')
            + tr("Names are resolved inside DIR only: a leading / means DIR itself (as tftpd-hpa -s), and \"..\", "
                 "links leading out of DIR, folders, devices and FIFOs are refused.") + QLatin1Char('\n')
            + tr("\"listening on ADDRESS:PORT\" is printed first on standard error, with the port the system chose when "
                 "PORT is 0; then one line per transfer on standard output (client, file, direction, options, bytes, "
                 "time, rate, result) and one per refused request (at most 20 a second).") + QLatin1Char('\n')
            + tr("Ctrl+C or SIGTERM stops the server: uploads in progress are discarded, nothing half-written is "
                 "left.") + QLatin1Char('\n')
            + tr("Exit status: 0 stopped by Ctrl+C or SIGTERM, 1 failed (e.g. port in use), 2 bad arguments."));
        parser.addHelpOption();
        const QCommandLineOption rootOpt(QStringLiteral("root"), tr("The folder to serve (required)."), tr("DIR"));
        const QCommandLineOption listenOpt(QStringLiteral("listen"),
            tr("Where to take requests: 127.0.0.1:6969 (default, this machine only), [::1]:69, 0.0.0.0:69 (all IPv4), "
               "[::]:69 (all IPv4 and IPv6); PORT alone means 127.0.0.1; 0 lets the system choose. Ports below 1024 "
               "need administrator rights."), tr("ADDR:PORT"), QStringLiteral("127.0.0.1:6969"));
        const QCommandLineOption writeOpt(QStringLiteral("allow-write"),
            tr("Accept uploads (WRQ) as new files; an existing file is refused (TFTP error 6)."));
        const QCommandLineOption overwriteOpt(QStringLiteral("allow-overwrite"),
            tr("Accept uploads that replace existing files (implies --allow-write). A file is replaced only when its "
               "upload is complete."));
        const QCommandLineOption maxOpt(QStringLiteral("max-transfers"),
            tr("Transfers at once, 1-10000; more are answered \"server busy\". Default: 200."), tr("N"),
            QStringLiteral("200"));
        const QCommandLineOption rangeOpt(QStringLiteral("port-range"),
            tr("Ports for the transfers (each transfer has its own), e.g. 50000-50100. Default: any free port."),
            tr("A-B"));
        const QCommandLineOption sizeOpt(QStringLiteral("max-size"),
            tr("Largest upload in bytes; larger ones are refused (TFTP error 3). Default: 0, no limit."), tr("BYTES"),
            QStringLiteral("0"));
        parser.addOptions({rootOpt, listenOpt, writeOpt, overwriteOpt, maxOpt, rangeOpt, sizeOpt});
        const TeachingCliOptions teaching;
        parser.addOptions(teaching.all());
        if (!parseArguments(parser, args))
            return ExitUsage;
        const QStringList pos = parser.positionalArguments();
        if (!pos.isEmpty())
            return usageError(tr("tftp serve: unexpected argument \"%1\" (the folder is given with --root).").arg(pos.first()));

        Server::Settings s;
        if (!parser.isSet(rootOpt) || parser.value(rootOpt).isEmpty())
            return usageError(tr("tftp serve: give the folder to serve with --root DIR."));
        s.root = parser.value(rootOpt);
        const QFileInfo root(s.root);
        if (!root.exists())
            return usageError(tr("--root: the folder \"%1\" does not exist.").arg(TextCodec::visibleText(s.root)));
        if (!root.isDir())
            return usageError(tr("--root: \"%1\" is not a folder.").arg(TextCodec::visibleText(s.root)));

        QString listen = parser.value(listenOpt).trimmed();
        if (listen.startsWith(QLatin1String("localhost:"), Qt::CaseInsensitive))
            listen = QStringLiteral("127.0.0.1") + listen.mid(9);   // the one name taken, without a lookup
        const Net::EndpointInput where = Net::EndpointInput::parse(listen, Net::EndpointInput::Bind);
        if (!where.ok())
            return usageError(QStringLiteral("--listen: ") + where.errorString);
        if (where.isName())
            return usageError(tr("--listen: \"%1\" is not an IP address (e.g. 127.0.0.1, ::1, 0.0.0.0 or ::).").arg(where.host));
        s.address = where.host.isEmpty() ? QHostAddress(QHostAddress::LocalHost) : where.address;
        s.port = where.port;

        s.allowOverwrite = parser.isSet(overwriteOpt);
        s.allowUploads = parser.isSet(writeOpt) || s.allowOverwrite;
        qint64 v = 0;
        if (!parseInteger(parser.value(maxOpt), 1, 10000, &v))
            return usageError(tr("--max-transfers: \"%1\" is not 1-10000.").arg(parser.value(maxOpt)));
        s.maxTransfers = int(v);
        if (parser.isSet(rangeOpt)) {
            const QStringList ends = parser.value(rangeOpt).trimmed().split(QLatin1Char('-'));
            qint64 a = 0;
            qint64 b = 0;
            if (ends.size() != 2 || !parseInteger(ends.at(0), 1, 65535, &a) || !parseInteger(ends.at(1), 1, 65535, &b) || a > b)
                return usageError(tr("--port-range: \"%1\" is not A-B with 1 <= A <= B <= 65535.").arg(parser.value(rangeOpt)));
            s.transferPortMin = quint16(a);
            s.transferPortMax = quint16(b);
        }
        if (!parseInteger(parser.value(sizeOpt), 0, LLONG_MAX, &v))
            return usageError(tr("--max-size: \"%1\" is not a number of bytes (0: no limit).").arg(parser.value(sizeOpt)));
        s.maxUploadBytes = v;
        if (const int teach = teaching.read(parser, &s.teaching); teach != ExitSuccess)
            return teach;
        Server::Settings::Field field = Server::Settings::NoField;
        const QString invalid = s.validate(&field);
        if (!invalid.isEmpty())
            return usageError(invalid);

        TftpServe serve(s);
        return serve.exec();
    }
};

} // namespace

int runTftpServe(const QStringList &args)
{
    return TftpServeCommand::run(args);
}

QString tftpServeSummary()
{
    return QCoreApplication::translate("TftpServeCommand", "serve a folder: tftp serve --root DIR [--listen ADDR:PORT]");
}

} // namespace NetPoke::Cli
