#include "tcpcommand.h"

#include "hostport.h"
#include "net/endpointinput.h"
#include "runner.h"
#include "tcp/tcpclient.h"
#include "tcp/tcpframer.h"
#include "tcp/tcpserver.h"
#include "textcodec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSocketNotifier>
#include <QStringDecoder>
#include <QTimer>

#include <array>
#include <cerrno>
#include <cstring>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace NetPoke::Cli {

namespace {

// Large reads and writes keep --raw near the speed of the system's own copy.
constexpr int IoChunk = 256 * 1024;
// stdin is read only while less than this waits for the socket.
constexpr qint64 MaxQueued = 1024 * 1024;
// A line without its end yet is shown after this pause (a prompt such as "login: ").
constexpr int PartialLineMs = 200;

// A pipe on standard input or output (the usual `producer | netpoke-cli ... --raw | consumer`) gets a larger
// buffer (1 MiB, Linux's default pipe-max-size): each 256 KiB read or write then moves without waiting for the
// other side in 64 KiB steps, which halves the context switches of a stream (measured: bench/tcp_stream).
void widenPipe(int fd)
{
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode))
        ::fcntl(fd, F_SETPIPE_SZ, 1024 * 1024);   // best effort: a smaller limit keeps the default
}

// All of data to standard output (a non-blocking stdout, shared with a terminal's stdin, is waited for).
bool writeOut(const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, data, size);
        if (n > 0) {
            data += n;
            size -= size_t(n);
        } else if (n < 0 && errno == EAGAIN) {
            pollfd p{STDOUT_FILENO, POLLOUT, 0};
            ::poll(&p, 1, -1);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            return false;
        }
    }
    return true;
}

// Arrays that reads of standard input go into and that the socket's queue then holds as they are (no
// copy); one is reused once its bytes are written and nobody holds it any more.
class InputBuffers
{
public:
    QByteArray &next()
    {
        for (QByteArray &b : m_pool) {
            if (b.capacity() >= IoChunk && b.isDetached()) {
                b.resize(IoChunk);
                return b;
            }
        }
        QByteArray &b = m_pool[m_next];
        m_next = (m_next + 1) % m_pool.size();
        b = QByteArray(IoChunk, Qt::Uninitialized);
        return b;
    }

private:
    std::array<QByteArray, 8> m_pool;
    size_t m_next = 0;
};

// A line's content as TextCodec::visibleText shows it, or hex bytes.
std::string shown(const QByteArray &bytes, TextCodec::Decoder &decoder, bool hex)
{
    if (hex)
        return TextCodec::toHex(bytes).toStdString();
    return TextCodec::visibleText(decoder.decode(bytes)).toUtf8().toStdString();
}

// ---------------------------------------------------------------------------------------------------
class TcpConnector final : public Runner
{
    Q_DECLARE_TR_FUNCTIONS(TcpCommand)

public:
    struct Options
    {
        QString host;
        quint16 port = 0;
        Tcp::ClientOptions client;
        QString encoding = QStringLiteral("UTF-8");
        bool hex = false;
        bool raw = false;
    };

    explicit TcpConnector(const Options &o)
        : m_opt(o)
        , m_framer(Tcp::Framer::Mode::Line)
        , m_decoder(o.encoding)
    {
        m_opt.client.batchIntervalMs = 0;
        m_client.setOptions(m_opt.client);
        m_partial.setSingleShot(true);
        connect(&m_partial, &QTimer::timeout, this, [this] { showRows(m_framer.flush()); });
        connect(&m_client, &Tcp::Client::connected, this, &TcpConnector::onConnected);
        connect(&m_client, &Tcp::Client::chunksReady, this, &TcpConnector::onChunks);
        connect(&m_client, &Tcp::Client::bytesWritten, this, [this] {
            if (m_stdin && !m_stdinDone && m_client.bytesToWrite() < MaxQueued)
                m_stdin->setEnabled(true);
        });
        connect(&m_client, &Tcp::Client::tlsErrorsOccurred, this, [this](const QList<QSslError> &errors) {
            if (!m_opt.client.ignoreTlsErrors)
                return;
            QStringList problems;
            for (const QSslError &e : errors)
                problems << e.errorString();
            printInfo(tr("TLS: ignoring certificate errors (--insecure): %1").arg(problems.join(QStringLiteral("; "))));
        });
        connect(&m_client, &Tcp::Client::disconnected, this, &TcpConnector::onDisconnected);
        connect(&m_client, &Tcp::Client::errorOccurred, this, [this] {
            if (m_client.state() == Tcp::Client::Closed && !m_client.isConnected() && !m_wasConnected)
                fail(ExitFailure, m_client.errorString());
        });
    }

    void start()
    {
        if (!m_client.connectToHost(m_opt.host, m_opt.port))
            fail(ExitUsage, m_client.errorString());
    }

private:
    void onConnected()
    {
        m_wasConnected = true;
        printInfo(tr("connected to %1 from %2%3")
                      .arg(displayEndpoint(m_client.peerAddress(), m_client.peerPort()),
                           displayEndpoint(m_client.localAddress(), m_client.localPort()),
                           m_client.isEncrypted() ? tr(" (TLS)") : QString()));
        m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
        connect(m_stdin, &QSocketNotifier::activated, this, &TcpConnector::readStdin);
    }

    void readStdin()
    {
        if (m_client.bytesToWrite() >= MaxQueued) {
            m_stdin->setEnabled(false);
            return;
        }
        QByteArray &buf = m_in.next();
        const ssize_t n = ::read(STDIN_FILENO, buf.data(), size_t(buf.size()));
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR)
                return;
            fail(ExitFailure, tr("cannot read standard input: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
            return;
        }
        if (n == 0) {
            // End of input: FIN to the peer, then wait for it to close.
            m_stdinDone = true;
            m_stdin->setEnabled(false);
            m_client.shutdownWrite();
            return;
        }
        buf.resize(n);
        QByteArray bytes = buf;
        if (!m_opt.raw && m_opt.encoding != QLatin1String("UTF-8")) {
            const QString text = m_utf8.decode(bytes);
            const TextCodec::Result r = TextCodec::encode(text, m_opt.encoding);
            if (!r.ok) {
                fail(ExitFailure, r.errorString);
                return;
            }
            bytes = r.bytes;
        }
        if (!m_client.send(bytes))
            fail(ExitFailure, m_client.errorString());
    }

    void onChunks(const QList<Tcp::Chunk> &chunks)
    {
        for (const Tcp::Chunk &c : chunks) {
            if (c.direction != Tcp::Direction::Received || finished())
                continue;
            if (m_opt.raw) {
                if (!writeOut(c.data.constData(), size_t(c.data.size())))
                    fail(ExitFailure, tr("cannot write the output."));
            } else if (m_opt.hex) {
                const std::string line = TextCodec::toHex(c.data).toStdString() + '\n';
                if (!writeOut(line.data(), line.size()))
                    fail(ExitFailure, tr("cannot write the output."));
            } else {
                showRows(m_framer.feed(c.data, c.timestampMs));
                if (m_framer.hasPending())
                    m_partial.start(PartialLineMs);
            }
        }
    }

    // One output line per received line, its line end (LF or CRLF) not shown.
    void showRows(const QList<Tcp::Framer::Row> &rows)
    {
        std::string out;
        for (const Tcp::Framer::Row &row : rows) {
            QByteArray bytes = row.bytes;
            if (bytes.endsWith("\r\n"))
                bytes.chop(2);
            else if (bytes.endsWith('\n'))
                bytes.chop(1);
            out += shown(bytes, m_decoder, false);
            out += '\n';
        }
        if (!out.empty() && !writeOut(out.data(), out.size()))
            fail(ExitFailure, tr("cannot write the output."));
    }

    void onDisconnected()
    {
        if (finished())
            return;
        showRows(m_framer.flush());
        if (m_decoder.hasPending()) {
            const std::string tail = TextCodec::visibleText(m_decoder.flush()).toUtf8().toStdString() + '\n';
            writeOut(tail.data(), tail.size());
        }
        if (m_client.error() != Tcp::Client::NoError)
            fail(ExitFailure, m_client.errorString());
        else
            finish(ExitSuccess);
    }

    void aboutToFinish() override
    {
        if (m_stdin)
            m_stdin->setEnabled(false);
        m_partial.stop();
    }

    Options m_opt;
    Tcp::Client m_client;
    Tcp::Framer m_framer;
    TextCodec::Decoder m_decoder;
    QStringDecoder m_utf8{QStringDecoder::Utf8};
    QTimer m_partial;
    QSocketNotifier *m_stdin = nullptr;
    bool m_stdinDone = false;
    bool m_wasConnected = false;
    InputBuffers m_in;
};

// ---------------------------------------------------------------------------------------------------
class TcpListener final : public Runner
{
    Q_DECLARE_TR_FUNCTIONS(TcpCommand)

public:
    struct Options
    {
        QHostAddress address = QHostAddress(QHostAddress::Any);
        quint16 port = 0;
        bool echo = false;
        bool once = false;
        int maxConnections = Tcp::Server::DefaultMaxConnections;
        QString certPath, keyPath;
        QString encoding = QStringLiteral("UTF-8");
        bool hex = false;
        bool raw = false;
    };

    explicit TcpListener(const Options &o)
        : m_opt(o)
    {
        m_server.setBatchInterval(0);
        m_server.setEcho(o.echo);
        // Standard input goes to the connections (not with --echo): after a peer's FIN (nc -N) it is still
        // sent until its end, as nc -l does; then our FIN. A send never finds the buffer full (see pumpStdin).
        m_stdinDone = o.echo;
        m_server.setCloseAfterPeerFin(m_stdinDone);
        m_server.setMaxWriteBuffer(MaxQueued + IoChunk);
        // nc -l: one connection; others are refused while it lasts.
        m_server.setMaxConnections(o.once ? 1 : o.maxConnections);
        connect(&m_server, &Tcp::Server::connectionOpened, this, [this](const Tcp::ConnectionInfo &info) {
            m_decoders.insert(info.id, TextCodec::Decoder(m_opt.encoding));
            printInfo(tr("connection %1 from %2").arg(info.id).arg(displayEndpoint(info.peer, info.peerPort)));
            updateStdin();
        });
        connect(&m_server, &Tcp::Server::halfClosedByPeer, this, [this](quint64 id) {
            printInfo(tr("connection %1: closed by the peer (half-close)%2")
                          .arg(id)
                          .arg(m_stdinDone ? QString() : tr("; standard input is still sent until its end")));
            if (m_stdinDone)
                m_server.shutdownWrite(id);
        });
        connect(&m_server, &Tcp::Server::connectionClosed, this,
                [this](const Tcp::ConnectionInfo &info, const QString &reason) {
            m_decoders.remove(info.id);
            printInfo(tr("connection %1 from %2 ended (%3): %4 bytes received, %5 sent")
                          .arg(info.id)
                          .arg(displayEndpoint(info.peer, info.peerPort), reason)
                          .arg(info.rxBytes)
                          .arg(info.txBytes));
            if (m_opt.once)
                finish(ExitSuccess);
            else
                updateStdin();
        });
        connect(&m_server, &Tcp::Server::bytesWritten, this, &TcpListener::updateStdin);
        connect(&m_server, &Tcp::Server::connectionRefused, this,
                [](const QHostAddress &, quint16, const QString &reason) { printInfo(reason); });
        connect(&m_server, &Tcp::Server::chunksReady, this, &TcpListener::onChunks);
    }

    void start()
    {
        if (!m_opt.certPath.isEmpty() && !m_server.setTlsCertificate(m_opt.certPath, m_opt.keyPath)) {
            fail(ExitFailure, m_server.errorString());
            return;
        }
        const bool ok = m_opt.address == QHostAddress(QHostAddress::Any) ? m_server.listenAny(m_opt.port)
                                                                         : m_server.listen(m_opt.address, m_opt.port);
        if (!ok) {
            QString text = m_server.errorString();
            if (m_server.error() == Tcp::Server::AddressInUseError)
                text += QLatin1Char(' ') + tr("Choose another port, or 0 to let the system choose.");
            fail(ExitFailure, text);
            return;
        }
        printInfo(tr("listening on %1").arg(displayEndpoint(m_server.serverAddress(), m_server.serverPort())));
    }

private:
    // Standard input is read while a connection is open and none of them has MaxQueued waiting (a peer
    // that does not read holds the others up: nothing is dropped).
    void updateStdin()
    {
        if (m_stdinDone || finished())
            return;
        bool room = m_server.connectionCount() > 0;
        for (const Tcp::ConnectionInfo &info : m_server.connections())
            room = room && info.bytesToWrite < MaxQueued;
        if (room && !m_stdin) {
            m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
            connect(m_stdin, &QSocketNotifier::activated, this, &TcpListener::readStdin);
        }
        if (m_stdin)
            m_stdin->setEnabled(room);
    }

    void readStdin()
    {
        QByteArray &buf = m_in.next();
        const ssize_t n = ::read(STDIN_FILENO, buf.data(), size_t(buf.size()));
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR)
                return;
            fail(ExitFailure, tr("cannot read standard input: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
            return;
        }
        if (n == 0) {
            // End of input: connections whose peer has sent FIN are done (our FIN after what is queued); the
            // others stay open, as with nc -l.
            m_stdinDone = true;
            m_stdin->setEnabled(false);
            m_server.setCloseAfterPeerFin(true);
            for (const Tcp::ConnectionInfo &info : m_server.connections())
                if (info.peerFinished)
                    m_server.shutdownWrite(info.id);
            return;
        }
        buf.resize(n);
        QByteArray bytes = buf;
        if (!m_opt.raw && m_opt.encoding != QLatin1String("UTF-8")) {
            const TextCodec::Result r = TextCodec::encode(m_utf8.decode(bytes), m_opt.encoding);
            if (!r.ok) {
                fail(ExitFailure, r.errorString);
                return;
            }
            bytes = r.bytes;
        }
        m_server.sendToAll(bytes);
        updateStdin();
    }

    void aboutToFinish() override
    {
        if (m_stdin)
            m_stdin->setEnabled(false);
    }

    void onChunks(const QList<Tcp::Chunk> &chunks)
    {
        std::string out;
        for (const Tcp::Chunk &c : chunks) {
            if (c.direction != Tcp::Direction::Received)
                continue;
            if (m_opt.raw) {
                if (!writeOut(c.data.constData(), size_t(c.data.size())))
                    fail(ExitFailure, tr("cannot write the output."));
                continue;
            }
            out += QDateTime::fromMSecsSinceEpoch(c.timestampMs).toString(QStringLiteral("HH:mm:ss.zzz")).toStdString();
            out += ' ';
            out += displayEndpoint(c.peer, c.peerPort).toStdString();
            out += ' ';
            out += std::to_string(c.data.size());
            auto it = m_decoders.find(c.connectionId);
            if (it == m_decoders.end())
                it = m_decoders.insert(c.connectionId, TextCodec::Decoder(m_opt.encoding));
            const std::string content = shown(c.data, it.value(), m_opt.hex);
            if (!content.empty()) {
                out += ' ';
                out += content;
            }
            out += '\n';
        }
        if (!out.empty() && !writeOut(out.data(), out.size()))
            fail(ExitFailure, tr("cannot write the output."));
    }

    Options m_opt;
    Tcp::Server m_server;
    QHash<quint64, TextCodec::Decoder> m_decoders;
    QStringDecoder m_utf8{QStringDecoder::Utf8};
    QSocketNotifier *m_stdin = nullptr;
    bool m_stdinDone = false;
    InputBuffers m_in;
};

// ---------------------------------------------------------------------------------------------------
class TcpCommand final
{
    Q_DECLARE_TR_FUNCTIONS(TcpCommand)

public:
    static int run(const QStringList &args)
    {
        // A peer or reader that went away is an error to report, not a signal that ends the process.
        std::signal(SIGPIPE, SIG_IGN);
        return runSubcommand(QStringLiteral("tcp"), tcpSummary(),
                             {{QStringLiteral("connect"), tr("connect to HOST:PORT: standard input to the socket, "
                                                             "the socket to standard output"),
                               &TcpCommand::connectCommand},
                              {QStringLiteral("listen"), tr("accept TCP connections on a port, print what "
                                                            "arrives (one line per read), send standard input"),
                               &TcpCommand::listen}},
                             args);
    }

private:
    static QCommandLineOption encodingOption()
    {
        return QCommandLineOption(QStringLiteral("encoding"),
            tr("Encoding of the text: %1. Default: UTF-8.").arg(TextCodec::encodings().join(QStringLiteral(", "))),
            tr("NAME"), QStringLiteral("UTF-8"));
    }

    static int connectCommand(const QStringList &args)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            tr("Connect to HOST:PORT over TCP, send standard input and print what arrives (as nc does).")
            + QLatin1Char('\n')
            + tr("Without --raw, each line received is printed as visible text (its line end not shown; a "
                 "backslash as \\\\, control characters as \\xHH, bytes that do not decode as \\xHH), so a peer "
                 "cannot send escape sequences to the terminal; input is sent in --encoding.")
            + QLatin1Char('\n')
            + tr("At the end of standard input the sending side is closed (FIN) and the program waits for the "
                 "peer to close; when the peer closes, it exits after writing everything out.")
            + QLatin1Char('\n')
            + tr("Exit status: 0 the connection ended normally, 1 failed (refused, reset, TLS, ...), 2 bad "
                 "arguments."));
        parser.addHelpOption();
        const QCommandLineOption bindOpt(QStringLiteral("bind"),
            tr("Connect from this local address and port (e.g. 127.0.0.1:0, [::1]:5000, or just a port)."),
            tr("[ADDR:]PORT"));
        const QCommandLineOption encodingOpt = encodingOption();
        const QCommandLineOption hexOpt(QStringLiteral("hex"), tr("Print each read as hex bytes (\"c4 e3 ba c3\")."));
        const QCommandLineOption tlsOpt(QStringLiteral("tls"), tr("Use TLS; the certificate must be valid for HOST."));
        const QCommandLineOption insecureOpt(QStringLiteral("insecure"),
            tr("With --tls: accept any certificate (the errors are still printed)."));
        const QCommandLineOption nodelayOpt(QStringLiteral("nodelay"), tr("Turn off Nagle's algorithm (TCP_NODELAY)."));
        const QCommandLineOption keepaliveOpt(QStringLiteral("keepalive"),
            tr("Send keepalive probes after SEC idle seconds, then every SEC seconds."), tr("SEC"));
        const QCommandLineOption rawOpt(QStringLiteral("raw"), tr("Copy exact bytes both ways, with no conversion."));
        const QCommandLineOption timeoutOpt(QStringLiteral("connect-timeout"),
            tr("Give up connecting after SEC seconds. Default: 10."), tr("SEC"), QStringLiteral("10"));
        parser.addOptions({bindOpt, encodingOpt, hexOpt, tlsOpt, insecureOpt, nodelayOpt, keepaliveOpt, rawOpt, timeoutOpt});
        parser.addPositionalArgument(QStringLiteral("HOST:PORT"),
            tr("Where to connect, e.g. 127.0.0.1:7, [::1]:7, localhost:7."), QStringLiteral("tcp connect HOST:PORT"));
        if (!parseArguments(parser, args))
            return ExitUsage;
        const QStringList pos = parser.positionalArguments();
        if (pos.isEmpty())
            return usageError(tr("tcp connect: give HOST:PORT (see --help)."));
        if (pos.size() > 1)
            return usageError(tr("tcp connect: unexpected argument \"%1\".").arg(pos.at(1)));
        const Net::EndpointInput target = Net::EndpointInput::parse(pos.first(), Net::EndpointInput::Destination);
        if (!target.ok())
            return usageError(target.errorString);

        TcpConnector::Options o;
        o.host = target.host;
        o.port = target.port;
        o.encoding = TextCodec::canonicalName(parser.value(encodingOpt));
        if (o.encoding.isEmpty())
            return usageError(unknownEncodingMessage(parser.value(encodingOpt)));
        o.hex = parser.isSet(hexOpt);
        o.raw = parser.isSet(rawOpt);
        if (o.raw && (o.hex || parser.isSet(encodingOpt)))
            return usageError(tr("--raw copies bytes unchanged; --hex and --encoding do not apply."));
        if (o.raw) {
            widenPipe(STDIN_FILENO);
            widenPipe(STDOUT_FILENO);
        }
        if (parser.isSet(insecureOpt) && !parser.isSet(tlsOpt))
            return usageError(tr("--insecure applies to --tls only."));
        o.client.tls = parser.isSet(tlsOpt);
        o.client.ignoreTlsErrors = parser.isSet(insecureOpt);
        o.client.noDelay = parser.isSet(nodelayOpt);
        if (parser.isSet(keepaliveOpt)) {
            qint64 sec = 0;
            if (!parseInteger(parser.value(keepaliveOpt), 1, 86400, &sec))
                return usageError(tr("--keepalive: \"%1\" is not a number of seconds (1 to 86400).")
                                      .arg(parser.value(keepaliveOpt)));
            o.client.keepAlive = true;
            o.client.keepAliveIdleSec = int(sec);
            o.client.keepAliveIntervalSec = int(sec);
        }
        bool ok = false;
        const double timeout = parser.value(timeoutOpt).trimmed().toDouble(&ok);
        if (!ok || !(timeout > 0) || timeout > 3600)
            return usageError(tr("--connect-timeout: \"%1\" is not a number of seconds (more than 0).")
                                  .arg(parser.value(timeoutOpt)));
        o.client.connectTimeoutMs = qMax(1, int(timeout * 1000 + 0.5));
        if (parser.isSet(bindOpt)) {
            const Net::EndpointInput b = Net::EndpointInput::parse(parser.value(bindOpt), Net::EndpointInput::Bind);
            if (!b.ok())
                return usageError(tr("--bind: %1").arg(b.errorString));
            if (b.isName())
                return usageError(tr("--bind: \"%1\" is not an IP address.").arg(b.host));
            o.client.bindAddress = b.host.isEmpty() ? QHostAddress() : b.address;
            o.client.bindPort = b.port;
        }
        TcpConnector connector(o);
        connector.start();
        return connector.exec();
    }

    static int listen(const QStringList &args)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            tr("Accept TCP connections and print one line per read on standard output:") + QLatin1Char('\n')
            + QStringLiteral("  TIME PEER LENGTH CONTENT\n")
            + tr("TIME is the local time of arrival (HH:mm:ss.zzz), PEER the sender's ADDRESS:PORT, LENGTH the "
                 "byte count of the read, CONTENT the decoded text as \"udp listen\" shows it (a character split "
                 "across reads is shown in the read that completes it). A read is not a message: TCP delivers "
                 "a stream.")
            + QLatin1Char('\n')
            + tr("\"listening on ADDRESS:PORT\" is printed first on standard error, with the port the system "
                 "chose when PORT is 0; connections opened and closed are noted there too.")
            + QLatin1Char('\n')
            + tr("Standard input is sent (as nc -l does): with --once to the one connection, otherwise to every "
                 "connection open at the time (read only while a connection is open and each has room; one that "
                 "does not read holds the others up); in --encoding unless --raw; not read with --echo. A peer "
                 "that half-closes (FIN, nc -N) still gets standard input until its end; then, or at once when "
                 "standard input has ended already, the connection is closed from this side. Give </dev/null "
                 "to only receive.")
            + QLatin1Char('\n')
            + tr("Exit status: 0 done (--once: the connection closed and its data is written out), 1 failed "
                 "(e.g. port in use), 2 bad arguments."));
        parser.addHelpOption();
        const QCommandLineOption echoOpt(QStringLiteral("echo"), tr("Send every connection back what it sends."));
        const QCommandLineOption onceOpt(QStringLiteral("once"),
            tr("Accept one connection and exit when it has closed and its data is written out."));
        const QCommandLineOption maxOpt(QStringLiteral("max-connections"),
            tr("Accept at most N connections at a time; more are closed at once. Default: %1.")
                .arg(Tcp::Server::DefaultMaxConnections), tr("N"));
        const QCommandLineOption certOpt(QStringLiteral("tls-cert"), tr("TLS: the server's certificate (PEM)."), tr("PEM"));
        const QCommandLineOption keyOpt(QStringLiteral("tls-key"), tr("TLS: its private key (PEM, unencrypted)."), tr("PEM"));
        const QCommandLineOption rawOpt(QStringLiteral("raw"), tr("Write the received bytes unchanged instead of lines."));
        const QCommandLineOption encodingOpt = encodingOption();
        const QCommandLineOption hexOpt(QStringLiteral("hex"), tr("Print CONTENT as hex bytes (\"c4 e3 ba c3\")."));
        parser.addOptions({echoOpt, onceOpt, maxOpt, certOpt, keyOpt, rawOpt, encodingOpt, hexOpt});
        parser.addPositionalArgument(QStringLiteral("[ADDR:]PORT"),
            tr("Port to listen on (0: the system chooses), optionally with a local address, e.g. 9000, "
               "127.0.0.1:9000, [::1]:9000. Default address: all IPv4 and IPv6 addresses."),
            QStringLiteral("tcp listen [ADDR:]PORT"));
        if (!parseArguments(parser, args))
            return ExitUsage;
        const QStringList pos = parser.positionalArguments();
        if (pos.isEmpty())
            return usageError(tr("tcp listen: give the PORT to listen on (0: the system chooses)."));
        if (pos.size() > 1)
            return usageError(tr("tcp listen: unexpected argument \"%1\".").arg(pos.at(1)));
        const Net::EndpointInput where = Net::EndpointInput::parse(pos.first(), Net::EndpointInput::Bind);
        if (!where.ok())
            return usageError(where.errorString);
        if (where.isName())
            return usageError(tr("tcp listen: \"%1\" is not an IP address of this machine.").arg(where.host));
        TcpListener::Options o;
        o.port = where.port;
        if (!where.host.isEmpty())
            o.address = where.address;
        o.echo = parser.isSet(echoOpt);
        o.once = parser.isSet(onceOpt);
        o.raw = parser.isSet(rawOpt);
        o.hex = parser.isSet(hexOpt);
        o.encoding = TextCodec::canonicalName(parser.value(encodingOpt));
        if (o.encoding.isEmpty())
            return usageError(unknownEncodingMessage(parser.value(encodingOpt)));
        if (o.raw && (o.hex || parser.isSet(encodingOpt)))
            return usageError(tr("--raw writes bytes unchanged; --hex and --encoding do not apply."));
        if (o.raw) {
            widenPipe(STDIN_FILENO);
            widenPipe(STDOUT_FILENO);
        }
        if (parser.isSet(maxOpt)) {
            qint64 n = 0;
            if (!parseInteger(parser.value(maxOpt), 1, 1000000, &n))
                return usageError(tr("--max-connections: \"%1\" is not a number of connections (1 or more).")
                                      .arg(parser.value(maxOpt)));
            o.maxConnections = int(n);
        }
        if (parser.isSet(certOpt) != parser.isSet(keyOpt))
            return usageError(tr("TLS needs both --tls-cert and --tls-key."));
        o.certPath = parser.value(certOpt);
        o.keyPath = parser.value(keyOpt);
        TcpListener listener(o);
        listener.start();
        return listener.exec();
    }
};

} // namespace

QString tcpSummary()
{
    return QCoreApplication::translate("TcpCommand", "TCP client and server (tcp connect, tcp listen)");
}

int runTcp(const QStringList &args)
{
    return TcpCommand::run(args);
}

} // namespace NetPoke::Cli
