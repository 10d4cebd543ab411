#include "chatcommand.h"

#include "chatsession.h"
#include "hostport.h"
#include "net/endpointinput.h"
#include "textcodec.h"
#include "clicommon.h"
#include "runner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkInterface>
#include <QSocketNotifier>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace NetPoke::Cli {

namespace {

class ChatRunner final : public Runner
{
    Q_DECLARE_TR_FUNCTIONS(ChatCommand)

public:
    struct Options
    {
        QString peerHost;            // empty: no peer (room, or answer whoever writes first)
        quint16 peerPort = 0;
        bool answerFirst = false;
        QHostAddress bindAddress = QHostAddress(QHostAddress::Any);
        quint16 bindPort = 0;
        QString encoding = QStringLiteral("UTF-8");
        QString name;
        bool sendName = false;
        bool room = false;
        QHostAddress roomGroup;
        quint16 roomPort = 0;
        QNetworkInterface roomInterface;
        int ttl = 1;
    };

    explicit ChatRunner(const Options &options)
        : m_opt(options)
    {
    }

    void start()
    {
        m_session.setEncoding(m_opt.encoding);
        m_session.setDisplayName(m_opt.name);
        m_session.setSendName(m_opt.sendName);
        m_session.setAnswerFirstSender(m_opt.answerFirst);

        // Lines said while binding wait until "listening on" has been printed: it comes first.
        QStringList setupLines;
        auto collect = connect(&m_session, &ChatSession::systemMessage, this,
                               [&setupLines](const QString &text) { setupLines << text; });
        const bool ok = m_opt.room
            ? m_session.joinRoom(m_opt.roomGroup, m_opt.roomPort, m_opt.roomInterface, m_opt.ttl)
            : m_session.bind(m_opt.bindAddress, m_opt.bindPort);
        disconnect(collect);
        if (!ok) {
            fail(ExitFailure, errorWithAdvice(m_session));
            return;
        }
        printInfo(tr("listening on %1").arg(displayEndpoint(m_session.localAddress(), m_session.localPort())));
        // The first line is "Bound to ...", which the line above already says.
        for (qsizetype i = 1; i < setupLines.size(); ++i)
            printInfo(setupLines.at(i));

        connect(&m_session, &ChatSession::systemMessage, this, &printInfo);
        connect(&m_session, &ChatSession::messageReceived, this, &ChatRunner::print);
        connect(&m_session, &ChatSession::messageSent, this, &ChatRunner::maybeFinish);
        connect(&m_session, &ChatSession::errorOccurred, this, [this] {
            fail(ExitFailure, errorWithAdvice(m_session));
        });
        if (!m_opt.peerHost.isEmpty() && !m_session.setPeer(m_opt.peerHost, m_opt.peerPort)) {
            fail(ExitFailure, errorWithAdvice(m_session));
            return;
        }

        m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
        connect(m_stdin, &QSocketNotifier::activated, this, &ChatRunner::readStdin);
    }

private:
    void aboutToFinish() override
    {
        if (m_stdin)
            m_stdin->setEnabled(false);
    }

    void print(const ChatMessage &m)
    {
        if (finished())
            return;
        const QByteArray line = '[' + displayEndpoint(m.address, m.port).toUtf8() + "] " + TextCodec::visibleText(m.text).toUtf8()
            + '\n';
        if (std::fwrite(line.constData(), 1, size_t(line.size()), stdout) != size_t(line.size())
            || std::fflush(stdout) != 0) {
            fail(ExitFailure, tr("cannot write the output."));
        }
    }

    // One read per notification: the notifier fires again while more is waiting, and the event loop
    // (receiving) never waits for typing.
    void readStdin()
    {
        char buf[65536];
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
                return;
            fail(ExitFailure, tr("cannot read standard input: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
            return;
        }
        if (n == 0) {
            m_stdin->setEnabled(false);
            // A last line without a line break is still a line.
            if (!m_input.isEmpty())
                sendLine(std::exchange(m_input, QByteArray()));
            m_eof = true;
            maybeFinish();
            return;
        }
        m_input.append(buf, n);
        qsizetype start = 0;
        for (qsizetype nl = m_input.indexOf('\n'); nl >= 0 && !finished(); nl = m_input.indexOf('\n', start)) {
            sendLine(m_input.mid(start, nl - start));
            start = nl + 1;
        }
        m_input.remove(0, start);
        // A line that cannot fit in one datagram is refused at once: the buffer stays bounded, and input
        // without line breaks (e.g. /dev/zero) is not rescanned forever.
        if (m_input.size() > UdpEndpoint::MaxIPv6Payload)
            fail(ExitFailure, tr("an input line is longer than %1 bytes, the most one datagram carries.")
                                  .arg(UdpEndpoint::MaxIPv6Payload));
    }

    void sendLine(QByteArray line)
    {
        if (line.endsWith('\r'))
            line.chop(1);
        // An empty line sends nothing: the bare-text protocol has no use for empty datagrams.
        if (line.isEmpty())
            return;
        if (!m_session.sendMessage(QString::fromUtf8(line))) {
            // The conversation goes on; the exit status tells that a line was not sent.
            printError(errorWithAdvice(m_session));
            m_sendFailed = true;
        }
    }

    // At the end of input, once no line waits for the peer's name to resolve.
    void maybeFinish()
    {
        if (m_eof && m_session.pendingMessageCount() == 0)
            finish(m_sendFailed ? ExitFailure : ExitSuccess);
    }

    Options m_opt;
    ChatSession m_session;
    QSocketNotifier *m_stdin = nullptr;
    QByteArray m_input;
    bool m_eof = false;
    bool m_sendFailed = false;
};

class ChatCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ChatCommand)

public:
    static int run(const QStringList &args)
    {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            chatSummary() + QStringLiteral("\n\n")
            + tr("Each line typed on standard input is sent as one datagram of bare text (no line break, no "
                 "framing), so the other side can be a plain socket script or \"nc -u\". Empty lines are not "
                 "sent.")
            + QLatin1Char('\n')
            + tr("Each datagram received is printed at once on standard output as:") + QLatin1Char('\n')
            + QStringLiteral("  [SOURCE] TEXT\n")
            + tr("SOURCE is the sender's ADDRESS:PORT, TEXT the decoded text with a backslash written as \\\\, "
                 "line breaks and control characters as \\n, \\r, \\t or \\xHH, bytes that do not decode as \\xHH "
                 "too (from \\x80), and C1 controls, bidi and zero-width characters as \\uXXXX. A character split "
                 "across two datagrams is printed with the second.")
            + QLatin1Char('\n')
            + tr("\"listening on ADDRESS:PORT\" is printed first on standard error, with the port the system "
                 "chose when PORT is 0; other notices (peer set, nobody listening, ...) follow there too.")
            + QLatin1Char('\n')
            + tr("The end of standard input (Ctrl+D) ends the chat once every line has been sent.")
            + QLatin1Char('\n')
            + tr("Exit status: 0 done, 1 failed (e.g. port in use, unknown host, a line that could not be "
                 "sent), 2 bad arguments."));
        parser.addHelpOption();
        const QCommandLineOption bindOpt(QStringLiteral("bind"),
            tr("Listen and send on this local address and port (e.g. 9000, 0.0.0.0:9000, [::1]:0). "
               "Default: all IPv4 and IPv6 addresses, a port the system chooses (0)."), tr("[ADDR:]PORT"));
        const QCommandLineOption encodingOpt(QStringLiteral("encoding"),
            tr("Encoding of the text on the wire: %1. Default: UTF-8.")
                .arg(TextCodec::encodings().join(QStringLiteral(", "))),
            tr("NAME"), QStringLiteral("UTF-8"));
        const QCommandLineOption nameOpt(QStringLiteral("name"), tr("Your display name (see --send-name)."),
                                         tr("NAME"));
        const QCommandLineOption sendNameOpt(QStringLiteral("send-name"),
            tr("Prefix each line sent with \"NAME: \" (off by default: the bare text is the protocol)."));
        const QCommandLineOption answerOpt(QStringLiteral("answer-first"),
            tr("Without HOST:PORT: answer whoever writes first."));
        const QCommandLineOption roomOpt(QStringLiteral("room"),
            tr("Room mode instead of HOST:PORT: send to a multicast group (e.g. 239.255.43.21:9000) or a "
               "subnet broadcast address, listen on its port, and show everyone's messages."),
            tr("GROUP:PORT"));
        const QCommandLineOption interfaceOpt(QStringLiteral("interface"),
            tr("With --room: the network interface to join the group on and send from (e.g. eth0). "
               "Default: the system's choice."), tr("NAME"));
        const QCommandLineOption ttlOpt(QStringLiteral("ttl"),
            tr("With --room: multicast TTL, how many routers a message may cross (0-255). Default: 1, this "
               "network only."), tr("N"));
        parser.addOptions({bindOpt, encodingOpt, nameOpt, sendNameOpt, answerOpt, roomOpt, interfaceOpt, ttlOpt});
        parser.addPositionalArgument(QStringLiteral("HOST:PORT"),
            tr("The other side, e.g. 192.168.1.20:8080 or [::1]:9000 (an IPv4 or IPv6 address or a name)."),
            QStringLiteral("chat HOST:PORT"));
        if (!parseArguments(parser, args))
            return ExitUsage;

        ChatRunner::Options o;
        const QStringList pos = parser.positionalArguments();
        if (pos.size() > 1)
            return usageError(tr("chat: unexpected argument \"%1\".").arg(pos.at(1)));
        o.room = parser.isSet(roomOpt);
        o.answerFirst = parser.isSet(answerOpt);
        if (o.room && !pos.isEmpty())
            return usageError(tr("chat: give either HOST:PORT or --room, not both."));
        if (o.room && o.answerFirst)
            return usageError(tr("--answer-first is for a two-person chat, not --room."));
        if (!o.room && pos.isEmpty() && !o.answerFirst)
            return usageError(tr("chat: give HOST:PORT of the other side (or --room GROUP:PORT, or --answer-first)."));
        if (!pos.isEmpty()) {
            const Net::EndpointInput peer = Net::EndpointInput::parse(pos.first(), Net::EndpointInput::Destination);
            if (!peer.ok())
                return usageError(peer.errorString);
            o.peerHost = peer.host;
            o.peerPort = peer.port;
        }
        if (parser.isSet(bindOpt)) {
            if (o.room)
                return usageError(tr("--bind cannot be combined with --room: the room's port is the one listened on."));
            const Net::EndpointInput b = Net::EndpointInput::parse(parser.value(bindOpt), Net::EndpointInput::Bind);
            if (!b.ok())
                return usageError(tr("--bind: %1").arg(b.errorString));
            o.bindPort = b.port;
            if (!b.host.isEmpty())
                o.bindAddress = b.address;
            if (b.isName())
                return usageError(tr("--bind: \"%1\" is not an IP address.").arg(b.host));
        }
        o.encoding = TextCodec::canonicalName(parser.value(encodingOpt));
        if (o.encoding.isEmpty())
            return usageError(unknownEncodingMessage(parser.value(encodingOpt)));
        o.name = parser.value(nameOpt).trimmed();
        o.sendName = parser.isSet(sendNameOpt);
        if (o.sendName && o.name.isEmpty())
            return usageError(tr("--send-name needs --name NAME."));
        if (!o.room && (parser.isSet(interfaceOpt) || parser.isSet(ttlOpt)))
            return usageError(tr("--interface and --ttl apply to --room only."));
        if (o.room) {
            const Net::EndpointInput r = Net::EndpointInput::parse(parser.value(roomOpt), Net::EndpointInput::Group);
            if (!r.ok())
                return usageError(tr("--room: %1").arg(r.errorString));
            o.roomGroup = r.address;
            if (r.isName())
                return usageError(tr("--room: \"%1\" is not an IP address; give a multicast group such as "
                                     "239.255.43.21 or a broadcast address.").arg(r.host));
            if (!o.roomGroup.isMulticast() && o.roomGroup.protocol() != QAbstractSocket::IPv4Protocol)
                return usageError(tr("--room: %1 is not a multicast group.").arg(r.host));
            o.roomPort = r.port;
            if (parser.isSet(interfaceOpt)) {
                o.roomInterface = QNetworkInterface::interfaceFromName(parser.value(interfaceOpt));
                if (!o.roomInterface.isValid())
                    return usageError(tr("--interface: there is no network interface named \"%1\".")
                                          .arg(parser.value(interfaceOpt)));
            }
            if (parser.isSet(ttlOpt)) {
                bool ok = false;
                const int ttl = parser.value(ttlOpt).trimmed().toInt(&ok);
                if (!ok || ttl < 0 || ttl > 255)
                    return usageError(tr("--ttl: \"%1\" is not a TTL (0-255).").arg(parser.value(ttlOpt)));
                o.ttl = ttl;
            }
        }

        ChatRunner runner(o);
        runner.start();
        return runner.exec();
    }

};

} // namespace

QString chatSummary()
{
    return QCoreApplication::translate("ChatCommand", "two-person UDP chat (or a multicast room) on standard input and output");
}

int runChat(const QStringList &args)
{
    return ChatCommand::run(args);
}

} // namespace NetPoke::Cli
