#include "udpcommand.h"

#include "hostport.h"
#include "net/endpointinput.h"
#include "runner.h"
#include "textcodec.h"
#include "udpendpoint.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTimer>

#include <charconv>
#include <climits>
#include <cstdio>
#include <string>

namespace NetPoke::Cli {

namespace {

// ---------------------------------------------------------------------------------------------------
class UdpSender final : public Runner
{
    Q_DECLARE_TR_FUNCTIONS(UdpCommand)

public:
    struct Options
    {
        QByteArray payload;
        QString host;             // a name, or address text
        QHostAddress address;     // set when host is an address
        quint16 port = 0;
        bool bind = false;
        QHostAddress bindAddress;
        quint16 bindPort = 0;
        qint64 repeat = 1;
        int intervalMs = 0;
    };

    explicit UdpSender(const Options &options)
        : m_opt(options)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, &UdpSender::tick);
    }

    void start()
    {
        if (m_opt.bind && !m_endpoint.bind(m_opt.bindAddress, m_opt.bindPort)) {
            fail(ExitFailure, errorWithAdvice(m_endpoint));
            return;
        }
        if (!m_opt.address.isNull()) {
            tick();
            return;
        }
        // A name: the endpoint resolves it; the first datagram that leaves tells the address to reuse.
        connect(&m_endpoint, &UdpEndpoint::datagramSent, this, [this](const Datagram &d) {
            m_endpoint.disconnect(this);
            m_opt.address = d.peer;
            sentOne();
        });
        connect(&m_endpoint, &UdpEndpoint::errorOccurred, this, [this] {
            // An error can precede success inside the same call (a dual-stack bind falling back to
            // IPv4), so decide once control is back in the event loop.
            QTimer::singleShot(0, this, [this] {
                if (m_opt.address.isNull())
                    fail(ExitFailure, errorWithAdvice(m_endpoint));
            });
        });
        if (!m_endpoint.send(m_opt.payload, m_opt.host, m_opt.port))
            fail(ExitFailure, errorWithAdvice(m_endpoint));
    }

private:
    // Without an interval, datagrams go out in chunks so that the event loop keeps running.
    static constexpr int Chunk = 256;
    // A full send buffer (EAGAIN/ENOBUFS) is transient: retry for a while before giving up.
    static constexpr int MaxRetries = 1000;

    void tick()
    {
        const int budget = m_opt.intervalMs > 0 ? 1 : Chunk;
        for (int i = 0; i < budget && !finished(); ++i) {
            if (!m_endpoint.send(m_opt.payload, m_opt.address, m_opt.port)) {
                const bool transient = m_endpoint.error() == UdpEndpoint::SendError && m_sent > 0;
                if (!transient || ++m_retries > MaxRetries) {
                    fail(ExitFailure, errorWithAdvice(m_endpoint));
                    return;
                }
                m_timer.start(1);
                return;
            }
            m_retries = 0;
            sentOne();
        }
    }

    void sentOne()
    {
        ++m_sent;
        if (m_sent >= m_opt.repeat) {
            m_timer.stop();
            printInfo(tr("sent %1 × %2 bytes to %3 from %4")
                          .arg(m_sent)
                          .arg(m_opt.payload.size())
                          .arg(displayEndpoint(m_opt.address, m_opt.port),
                               displayEndpoint(m_endpoint.localAddress(), m_endpoint.localPort())));
            finish(ExitSuccess);
            return;
        }
        const int interval = m_opt.intervalMs;
        if (!m_timer.isActive() || m_timer.interval() != interval)
            m_timer.start(interval);
    }

    Options m_opt;
    UdpEndpoint m_endpoint;
    QTimer m_timer;
    qint64 m_sent = 0;
    int m_retries = 0;
};

// ---------------------------------------------------------------------------------------------------
class UdpListener final : public Runner
{
    Q_DECLARE_TR_FUNCTIONS(UdpCommand)

public:
    struct Options
    {
        QHostAddress address = QHostAddress(QHostAddress::Any);
        quint16 port = 0;
        QString encoding;
        bool hex = false;
        qint64 count = 0;        // 0: unlimited
        qint64 timeoutMs = 0;    // 0: none
    };

    explicit UdpListener(const Options &options)
        : m_opt(options)
    {
        m_timeout.setSingleShot(true);
        connect(&m_timeout, &QTimer::timeout, this, &UdpListener::checkIdle);
    }

    void start()
    {
        m_endpoint.setBatchInterval(0);
        // :: is dual-stack, or 0.0.0.0 where the machine has no IPv6.
        const bool ok = m_opt.address == QHostAddress(QHostAddress::Any) ? m_endpoint.bindAny(m_opt.port)
                                                                         : m_endpoint.bind(m_opt.address, m_opt.port);
        if (!ok) {
            fail(ExitFailure, errorWithAdvice(m_endpoint));
            return;
        }
        connect(&m_endpoint, &UdpEndpoint::datagramsReceived, this, &UdpListener::onDatagrams);
        printInfo(tr("listening on %1").arg(displayEndpoint(m_endpoint.localAddress(), m_endpoint.localPort())));
        if (m_opt.timeoutMs > 0) {
            m_idle.start();
            m_timeout.start(int(m_opt.timeoutMs));
        }
    }

private:
    void checkIdle()
    {
        const qint64 left = m_opt.timeoutMs - m_idle.elapsed();
        if (left > 0) {
            m_timeout.start(int(left));
            return;
        }
        done();
    }

    void done()
    {
        printInfo(tr("datagrams received: %1").arg(m_received));
        finish(ExitSuccess);
    }

    void onDatagrams(const QList<Datagram> &datagrams)
    {
        if (finished())
            return;
        if (m_opt.timeoutMs > 0)
            m_idle.restart();
        m_out.clear();
        for (const Datagram &d : datagrams) {
            if (m_opt.count > 0 && m_received >= m_opt.count)
                break;
            appendLine(d);
            ++m_received;
        }
        if (!m_out.empty()) {
            const size_t written = std::fwrite(m_out.data(), 1, m_out.size(), stdout);
            if (written != m_out.size() || std::fflush(stdout) != 0) {
                fail(ExitFailure, tr("cannot write the output."));
                return;
            }
        }
        if (m_opt.count > 0 && m_received >= m_opt.count)
            done();
    }

    void appendLine(const Datagram &d)
    {
        // All datagrams read together share one timestamp: format it once.
        if (d.timestampMs != m_timeMs || m_time.empty()) {
            m_timeMs = d.timestampMs;
            m_time = QDateTime::fromMSecsSinceEpoch(d.timestampMs)
                         .toString(QStringLiteral("HH:mm:ss.zzz"))
                         .toStdString();
        }
        m_out += m_time;
        m_out += ' ';
        m_out += source(d.peer, d.peerPort);
        m_out += ' ';
        char digits[24];
        const auto res = std::to_chars(digits, digits + sizeof digits, d.data.size());
        m_out.append(digits, res.ptr);
        if (!d.data.isEmpty()) {
            m_out += ' ';
            appendContent(d.data);
        }
        m_out += '\n';
    }

    const std::string &source(const QHostAddress &peer, quint16 port)
    {
        if (port == m_lastPort && peer == m_lastPeer)
            return *m_lastSource;
        const auto key = qMakePair(peer, port);
        auto it = m_sources.find(key);
        if (it == m_sources.end()) {
            if (m_sources.size() >= 4096)
                m_sources.clear();
            it = m_sources.insert(key, displayEndpoint(peer, port).toStdString());
        }
        m_lastPeer = peer;
        m_lastPort = port;
        m_lastSource = &it.value();
        return *m_lastSource;
    }

    // An ASCII byte as TextCodec::visibleText shows it (uppercase \xHH).
    void appendEscapedByte(unsigned char b)
    {
        static const char digits[] = "0123456789ABCDEF";
        switch (b) {
        case '\\': m_out += "\\\\"; return;
        case '\n': m_out += "\\n"; return;
        case '\r': m_out += "\\r"; return;
        case '\t': m_out += "\\t"; return;
        default: break;
        }
        m_out += "\\x";
        m_out += digits[b >> 4];
        m_out += digits[b & 0xF];
    }

    void appendContent(const QByteArray &data)
    {
        if (m_opt.hex) {
            // Same text as TextCodec::toHex(data): lowercase pairs separated by spaces.
            static const char digits[] = "0123456789abcdef";
            for (qsizetype i = 0; i < data.size(); ++i) {
                const auto b = static_cast<unsigned char>(data.at(i));
                if (i)
                    m_out += ' ';
                m_out += digits[b >> 4];
                m_out += digits[b & 0xF];
            }
            return;
        }
        // Every supported encoding is ASCII-compatible: plain ASCII needs no decoder.
        bool ascii = true;
        for (const char c : data) {
            if (static_cast<unsigned char>(c) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            const char *p = data.constData();
            const char *end = p + data.size();
            while (p < end) {
                const char *run = p;
                while (p < end && *p >= 0x20 && *p != 0x7F && *p != '\\')
                    ++p;
                m_out.append(run, p);
                if (p < end)
                    appendEscapedByte(static_cast<unsigned char>(*p++));
            }
            return;
        }
        m_out += TextCodec::visibleText(TextCodec::decode(data, m_opt.encoding)).toUtf8();
    }


    Options m_opt;
    UdpEndpoint m_endpoint;
    QTimer m_timeout;
    QElapsedTimer m_idle;
    qint64 m_received = 0;
    std::string m_out;
    std::string m_time;
    qint64 m_timeMs = 0;
    QHash<QPair<QHostAddress, quint16>, std::string> m_sources;
    QHostAddress m_lastPeer;
    quint16 m_lastPort = 0;
    const std::string *m_lastSource = nullptr;
};

// ---------------------------------------------------------------------------------------------------
class UdpCommand final
{
    Q_DECLARE_TR_FUNCTIONS(UdpCommand)

public:
    static int run(const QStringList &args)
    {
        return runSubcommand(QStringLiteral("udp"), udpSummary(),
                             {{QStringLiteral("send"), tr("send datagrams to HOST:PORT"), &UdpCommand::send},
                              {QStringLiteral("listen"), tr("print every datagram received on a port, one line each"),
                               &UdpCommand::listen}},
                             args);
    }

private:
    static int send(const QStringList &args)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            tr("Send MESSAGE (or the bytes of a file) as UDP datagrams to HOST:PORT.") + QLatin1Char('\n')
            + tr("HOST is an IPv4 or IPv6 address or a name; write IPv6 in brackets: [::1]:9000.") + QLatin1Char('\n')
            + tr("Several MESSAGE words are joined with single spaces. Put -- before a message that starts with -.")
            + QLatin1Char('\n')
            + tr("Exit status: 0 sent, 1 failed (bind, resolve, send), 2 bad arguments."));
        parser.addHelpOption();
        const QCommandLineOption bindOpt(QStringLiteral("bind"),
            tr("Send from this local address and port (e.g. 0.0.0.0:5000, [::]:0, or just a port). "
               "Default: any address, a port the system chooses."), tr("[ADDR:]PORT"));
        const QCommandLineOption encodingOpt(QStringLiteral("encoding"),
            tr("Encoding of MESSAGE: %1. Default: UTF-8.").arg(TextCodec::encodings().join(QStringLiteral(", "))),
            tr("NAME"), QStringLiteral("UTF-8"));
        const QCommandLineOption hexOpt(QStringLiteral("hex"),
            tr("MESSAGE is hex bytes, e.g. \"c4 e3 ba c3\" or 0x0d0a (separators and 0x are optional)."));
        const QCommandLineOption escapesOpt(QStringLiteral("escapes"),
            tr("Understand \\r \\n \\t \\\\ \\0, \\xHH (a raw byte) and \\uXXXX (a character) in MESSAGE."));
        const QCommandLineOption repeatOpt(QStringLiteral("repeat"), tr("Send the datagram N times. Default: 1."),
                                           tr("N"), QStringLiteral("1"));
        const QCommandLineOption intervalOpt(QStringLiteral("interval"),
            tr("Wait MS milliseconds between sends. Default: 0, as fast as possible."), tr("MS"), QStringLiteral("0"));
        const QCommandLineOption fileOpt(QStringLiteral("file"),
            tr("Send the bytes of this file, unchanged, as one datagram (instead of MESSAGE)."), tr("PATH"));
        parser.addOptions({bindOpt, encodingOpt, hexOpt, escapesOpt, repeatOpt, intervalOpt, fileOpt});
        parser.addPositionalArgument(QStringLiteral("HOST:PORT"), tr("Where to send, e.g. 127.0.0.1:9000."),
                                     QStringLiteral("udp send HOST:PORT"));
        parser.addPositionalArgument(QStringLiteral("MESSAGE"), tr("The text to send."), QStringLiteral("[MESSAGE]"));
        if (!parseArguments(parser, args))
            return ExitUsage;

        const QStringList pos = parser.positionalArguments();
        if (pos.isEmpty())
            return usageError(tr("udp send: give HOST:PORT and a MESSAGE (see --help)."));
        const Net::EndpointInput target = Net::EndpointInput::parse(pos.first(), Net::EndpointInput::Destination);
        if (!target.ok())
            return usageError(target.errorString);

        UdpSender::Options o;
        o.host = target.host;
        o.port = target.port;
        o.address = target.address;

        const bool hex = parser.isSet(hexOpt);
        const bool escapes = parser.isSet(escapesOpt);
        const bool hasFile = parser.isSet(fileOpt);
        const bool hasMessage = pos.size() > 1;
        if (hex && escapes)
            return usageError(tr("--hex and --escapes cannot be combined."));
        if (hasFile && hasMessage)
            return usageError(tr("give either MESSAGE or --file, not both."));
        if (!hasFile && !hasMessage)
            return usageError(tr("udp send: missing MESSAGE (or --file PATH)."));
        if (hasFile && (hex || escapes || parser.isSet(encodingOpt)))
            return usageError(tr("--file sends the file's bytes unchanged; --hex, --escapes and --encoding "
                                 "apply to MESSAGE only."));
        const QString encoding = TextCodec::canonicalName(parser.value(encodingOpt));
        if (encoding.isEmpty())
            return usageError(unknownEncodingMessage(parser.value(encodingOpt)));
        if (!parseInteger(parser.value(repeatOpt), 1, LLONG_MAX, &o.repeat))
            return usageError(tr("--repeat: \"%1\" is not a number of times (1 or more).").arg(parser.value(repeatOpt)));
        qint64 interval = 0;
        if (!parseInteger(parser.value(intervalOpt), 0, LLONG_MAX, &interval) || interval > 24 * 3600 * 1000)
            return usageError(tr("--interval: \"%1\" is not a number of milliseconds (0 or more).")
                                  .arg(parser.value(intervalOpt)));
        o.intervalMs = int(interval);
        if (parser.isSet(bindOpt)) {
            const Net::EndpointInput b = Net::EndpointInput::parse(parser.value(bindOpt), Net::EndpointInput::Bind);
            if (!b.ok())
                return usageError(tr("--bind: %1").arg(b.errorString));
            o.bind = true;
            o.bindPort = b.port;
            o.bindAddress = b.host.isEmpty() ? QHostAddress(QHostAddress::Any) : b.address;
            if (b.isName())
                return usageError(tr("--bind: \"%1\" is not an IP address.").arg(b.host));
        }

        if (hasFile) {
            QFile file(parser.value(fileOpt));
            // A device or a FIFO is no file to send as one datagram: /dev/zero never ends, and opening a
            // FIFO without a writer would block before the event loop runs.
            if (const QFileInfo info(file.fileName()); info.exists() && !info.isFile() && !info.isDir())
                return failure(tr("%1 is not a regular file: --file sends a file's bytes as one datagram.")
                                   .arg(file.fileName()));
            if (!file.open(QIODevice::ReadOnly))
                return failure(tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
            // Never more than one datagram's worth plus one byte, even if the file is huge or grows meanwhile.
            o.payload = file.read(UdpEndpoint::MaxIPv6Payload + 1);
            if (o.payload.size() > UdpEndpoint::MaxIPv6Payload)
                return failure(tr("%1 is %2 bytes: too large for one UDP datagram (at most %3 bytes over IPv4, "
                                  "%4 over IPv6).")
                                   .arg(file.fileName())
                                   .arg(qMax(file.size(), qint64(o.payload.size())))
                                   .arg(UdpEndpoint::MaxIPv4Payload)
                                   .arg(UdpEndpoint::MaxIPv6Payload));
            if (file.error() != QFileDevice::NoError)
                return failure(tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        } else {
            const QString message = pos.mid(1).join(QLatin1Char(' '));
            const TextCodec::Result r = hex ? TextCodec::parseHex(message)
                : escapes                   ? TextCodec::encodeEscaped(message, encoding)
                                            : TextCodec::encode(message, encoding);
            if (!r.ok)
                return usageError(r.errorString);
            o.payload = r.bytes;
        }

        UdpSender sender(o);
        sender.start();
        return sender.exec();
    }

    static int failure(const QString &message)
    {
        printError(message);
        return ExitFailure;
    }

    static int listen(const QStringList &args)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            tr("Receive UDP datagrams and print one line per datagram on standard output:") + QLatin1Char('\n')
            + QStringLiteral("  TIME SOURCE LENGTH CONTENT\n")
            + tr("TIME is the local time of arrival (HH:mm:ss.zzz), SOURCE the sender's ADDRESS:PORT, LENGTH the "
                 "byte count, CONTENT the decoded text with a backslash written as \\\\, line breaks and control "
                 "characters as \\n, \\r, \\t or \\xHH, bytes that do not decode as \\xHH too (from \\x80), and "
                 "C1 controls, bidi and zero-width characters as \\uXXXX: \"udp send --escapes CONTENT\" (same "
                 "--encoding) sends the same bytes again.")
            + QLatin1Char('\n')
            + tr("\"listening on ADDRESS:PORT\" is printed first on standard error, with the port the system "
                 "chose when PORT is 0.")
            + QLatin1Char('\n')
            + tr("Exit status: 0 done (--count reached or --timeout expired), 1 failed (e.g. port in use), "
                 "2 bad arguments."));
        parser.addHelpOption();
        const QCommandLineOption encodingOpt(QStringLiteral("encoding"),
            tr("Decode datagrams as %1. Default: UTF-8.").arg(TextCodec::encodings().join(QStringLiteral(", "))),
            tr("NAME"), QStringLiteral("UTF-8"));
        const QCommandLineOption hexOpt(QStringLiteral("hex"), tr("Print CONTENT as hex bytes (\"c4 e3 ba c3\")."));
        const QCommandLineOption countOpt(QStringLiteral("count"), tr("Exit after N datagrams."), tr("N"));
        const QCommandLineOption timeoutOpt(QStringLiteral("timeout"),
            tr("Exit when no datagram arrived for SEC seconds (fractions allowed), printing how many were "
               "received on standard error."), tr("SEC"));
        parser.addOptions({encodingOpt, hexOpt, countOpt, timeoutOpt});
        parser.addPositionalArgument(QStringLiteral("[ADDR:]PORT"),
            tr("Port to listen on (0: the system chooses), optionally with a local address, e.g. 9000, "
               "127.0.0.1:9000, [::1]:9000. Default address: all IPv4 and IPv6 addresses."),
            QStringLiteral("udp listen [ADDR:]PORT"));
        if (!parseArguments(parser, args))
            return ExitUsage;

        const QStringList pos = parser.positionalArguments();
        if (pos.isEmpty())
            return usageError(tr("udp listen: give the PORT to listen on (0: the system chooses)."));
        if (pos.size() > 1)
            return usageError(tr("udp listen: unexpected argument \"%1\".").arg(pos.at(1)));
        const Net::EndpointInput where = Net::EndpointInput::parse(pos.first(), Net::EndpointInput::Bind);
        if (!where.ok())
            return usageError(where.errorString);

        UdpListener::Options o;
        o.port = where.port;
        if (!where.host.isEmpty())
            o.address = where.address;
        if (where.isName())
            return usageError(tr("udp listen: \"%1\" is not an IP address of this machine.").arg(where.host));
        o.encoding = TextCodec::canonicalName(parser.value(encodingOpt));
        if (o.encoding.isEmpty())
            return usageError(unknownEncodingMessage(parser.value(encodingOpt)));
        o.hex = parser.isSet(hexOpt);
        if (parser.isSet(countOpt) && !parseInteger(parser.value(countOpt), 1, LLONG_MAX, &o.count))
            return usageError(tr("--count: \"%1\" is not a number of datagrams (1 or more).").arg(parser.value(countOpt)));
        if (parser.isSet(timeoutOpt)) {
            bool ok = false;
            const double sec = parser.value(timeoutOpt).trimmed().toDouble(&ok);
            if (!ok || !(sec > 0) || sec > 24 * 3600)
                return usageError(tr("--timeout: \"%1\" is not a number of seconds (more than 0).")
                                      .arg(parser.value(timeoutOpt)));
            o.timeoutMs = qMax<qint64>(1, qint64(sec * 1000 + 0.5));
        }

        UdpListener listener(o);
        listener.start();
        return listener.exec();
    }
};

} // namespace

QString udpSummary()
{
    return QCoreApplication::translate("UdpCommand", "send and receive UDP datagrams (udp send, udp listen)");
}

int runUdp(const QStringList &args)
{
    return UdpCommand::run(args);
}

} // namespace NetPoke::Cli
