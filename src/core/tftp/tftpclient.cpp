#include "tftpclient_p.h"

#include "hostport.h"
#include "textcodec.h"

#include <QDir>

#include <cstring>

Q_LOGGING_CATEGORY(lcTftp, "netpoke.tftp", QtWarningMsg)

namespace NetPoke::Tftp {

Client::State Client::Private::publicState(Phase p)
{
    switch (p) {
    case Phase::Idle: return Client::Idle;
    case Phase::Resolving: return Client::Resolving;
    case Phase::Requesting: return Client::Requesting;
    case Phase::Negotiated:
    case Phase::Receiving:
    case Phase::Sending: return Client::Transferring;
    case Phase::Dallying:
    case Phase::Finished: return Client::Finished;
    case Phase::Failed: break;
    }
    return Client::Failed;
}

QString Client::Private::endpointText() const
{
    return displayEndpoint(target.address, target.port);
}

void Client::Private::reset()
{
    t = Transfer(options);
    trace.restart(&clock);
    teach.start(options.teaching, &clock, [this](const TraceEntry &e) { emit q->packetTraced(e); }, trace.isEnabled());
}

void Client::Private::setPhase(Phase p)
{
    const State before = publicState(phase);
    phase = p;
    if (publicState(p) != before)
        emit q->stateChanged(publicState(p));
}

void Client::Private::closeSocket()
{
    teach.flush();   // teaching mode: what waits for its turn goes now
    timer.stop();
    socket.close();
    if (phase == Phase::Dallying)
        phase = Phase::Finished;   // the same public state
    if (lookupId >= 0) {
        QHostInfo::abortHostLookup(lookupId);
        lookupId = -1;
    }
}

void Client::Private::emitProgress(bool force)
{
    const qint64 now = clock.elapsed();
    Progress &p = t.progress;
    if (!force && now - t.lastProgressMs < ProgressIntervalMs)
        return;
    p.elapsedMs = now;
    const qint64 dt = now - t.rateMs;
    if (dt >= ProgressIntervalMs || p.bytesPerSecond == 0) {
        if (dt > 0) {
            const double recent = double(p.bytes - t.rateBytes) * 1000.0 / double(dt);
            p.bytesPerSecond = p.bytesPerSecond == 0 ? recent : 0.5 * p.bytesPerSecond + 0.5 * recent;
        }
        t.rateMs = now;
        t.rateBytes = p.bytes;
    }
    t.lastProgressMs = now;
    emit q->progressChanged(p);
}

// The transfer has ended: the rate becomes the whole transfer's, and no estimate is left.
void Client::Private::endProgress(bool emitIt)
{
    Progress &p = t.progress;
    p.elapsedMs = clock.isValid() ? clock.elapsed() : 0;
    p.ended = true;
    p.bytesPerSecond = p.averageBytesPerSecond();
    t.lastProgressMs = p.elapsedMs;
    if (emitIt)
        emit q->progressChanged(p);
}

bool Client::Private::send(const Peer &to, const char *data, qsizetype size)
{
    // An ICMP report met on the way is read by the engine and announced later (handleIcmp()).
    if (teach.isOn()) {
        teach.send(data, size, [this, to](const QByteArray &b) { return socket.sendTo(to, b.constData(), b.size()); });
        return true;
    }
    return socket.sendTo(to, data, size);
}

void Client::Private::sendError(const Peer &to, quint16 code, const QByteArray &message)
{
    const Packet error = Packet::error(code, message);
    const QByteArray bytes = error.serialize();
    send(to, bytes.constData(), bytes.size());
    trace.add(Trace::Outgoing | Trace::Error, error.summary(), blocks(), bytes);
}

// Ends the transfer. tftpCode >= 0: tell the server with an ERROR packet.
void Client::Private::fail(Error e, const QString &text, int tftpCode, const QByteArray &tftpMessage)
{
    if (!active())
        return;
    if (tftpCode >= 0 && socket.isOpen() && t.locked)
        sendError(t.server, quint16(tftpCode), tftpMessage);
    closeSocket();
    sink.discard();
    source.close();
    t.error = e;
    t.errorString = text;
    qCDebug(lcTftp) << "failed:" << text;
    endProgress(clock.isValid());
    setPhase(Phase::Failed);
    emit q->finished(false);
}

void Client::Private::startTimer(int ms)
{
    timer.start(ms);
    t.timerDueNs = clock.nsecsElapsed() + qint64(ms) * 1000000;
}

void Client::Private::onTimer()
{
    if (phase == Phase::Dallying) {
        closeSocket();   // the dally is over
        return;
    }
    if (phase != Phase::Requesting && phase != Phase::Negotiated && phase != Phase::Receiving
        && phase != Phase::Sending)
        return;
    // Teaching mode: the timeout counts from this side's last packet on the wire, not from when it was queued.
    const qint64 idleMs = (clock.nsecsElapsed() - qMax(t.lastActivityNs, teach.lastSentNs())) / 1000000;
    if (teach.hasQueued()) {
        startTimer(t.rtt.rtoMs());
        return;
    }
    if (idleMs < t.rtt.rtoMs()) {
        startTimer(int(t.rtt.rtoMs() - idleMs));
        return;
    }
    if (++t.retries > t.options.retries) {
        const int n = t.options.retries;
        const QString text = phase == Phase::Requesting
            ? Client::tr("No answer from the TFTP server at %1: timed out (retries: %n).", nullptr, n)
                  .arg(endpointText())
            : phase == Phase::Sending
            ? Client::tr("The transfer timed out: the server at %1 stopped acknowledging (retries: %n).", nullptr, n)
                  .arg(endpointText())
            : Client::tr("The transfer timed out: the server at %1 stopped sending (retries: %n).", nullptr, n)
                  .arg(endpointText());
        fail(TimeoutError, text, ErrNotDefined, QByteArrayLiteral("Timed out"));
        return;
    }
    t.rtt.backOff();
    if (phase == Phase::Requesting) {
        t.progress.retransmissions++;
        send(t.server, t.request.constData(), t.request.size());
        t.rtt.cancel();
        trace.add(Trace::Outgoing | Trace::Retransmission, t.requestSummary, blocks(), t.request);
    } else if (phase == Phase::Sending) {
        resendWindow();   // the whole window again, each DATA counted
        if (!running())
            return;       // a read error ended the transfer
    } else {
        // The last in-order block: the server (re)starts its window right after it.
        t.progress.retransmissions++;
        sendAck(t.window.timedOut(), true);
    }
    t.lastActivityNs = clock.nsecsElapsed();
    startTimer(t.rtt.rtoMs());
    emitProgress(true);
}

// Reads ICMP reports; true when the transfer failed because of one.
bool Client::Private::handleIcmp()
{
    if (!socket.isOpen())
        return false;
    const QList<Net::IcmpError> errors = socket.takeIcmpErrors();
    if (phase == Phase::Dallying) {
        if (!errors.isEmpty())
            closeSocket();   // e.g. the server's port is closed: nobody is left to ACK
        return false;
    }
    for (const Net::IcmpError &e : errors) {
        if (!e.portUnreachable)
            continue;
        if (!e.destination.isEqual(target.address, QHostAddress::TolerantConversion) || e.port != t.server.port())
            continue;   // e.g. an ERROR 5 to a stranger that has gone
        if (!t.locked)
            fail(NoServerError, Client::tr("No TFTP server at %1: nothing listens on that port.").arg(endpointText()));
        else
            fail(NoServerError, Client::tr("The TFTP server at %1 went away during the transfer (its port %2 is "
                                           "closed).").arg(endpointText()).arg(t.server.port()));
        return true;
    }
    return false;
}

// -------------------------------------------------------------------------------------------------
// What both directions share on the way in: the transfer ID, a datagram put back together, the packets that
// are neither DATA nor ACK.

// The first datagram from the server's host fixes its transfer port (TID); anything from another host or port
// is a stranger's and answered with ERROR 5. header: the datagram's first bytes, n its size.
bool Client::Private::acceptTid(const Peer &from, const char *header, qsizetype n)
{
    if (!from.sameHost(t.server)) {
        stranger(from, header, n);
        return false;
    }
    if (!t.locked) {
        t.server.setPort(from.port());
        t.locked = true;
    } else if (from.port() != t.server.port()) {
        stranger(from, header, n);
        return false;
    }
    return true;
}

// Datagram i of the batch (its payload received at payload, room bytes there at most) as one packet in rx;
// *size is what was kept of it (a longer datagram was cut at its slot).
const char *Client::Private::reassemble(int i, const char *payload, qsizetype room, qsizetype *size)
{
    const qsizetype kept = qMin(batch.size(i), 4 + room);
    char *buf = rx.data();
    std::memcpy(buf, batch.header(i), size_t(qMin<qsizetype>(kept, 4)));
    if (kept > 4)
        std::memmove(buf + 4, payload, size_t(kept - 4));
    *size = kept;
    return buf;
}

// A packet from the server's port that is neither DATA (download) nor ACK (upload).
void Client::Private::handlePacket(const char *buf, qsizetype n)
{
    const ParseResult r = parse(QByteArrayView(buf, n));
    switch (r.packet.opcode) {
    case Opcode::Error:
        if (r.error == ParseError::TooShort) {
            // Still an ERROR: it ends the transfer, and an ERROR is never answered (no tftpCode).
            trace.add(Trace::Error, r.errorString, blocks(), QByteArrayView(buf, n));
            fail(ProtocolError,
                 Client::tr("The server ended the transfer with a truncated ERROR packet (%n bytes, no error code).",
                            nullptr, int(n)));
            return;
        }
        trace.add(Trace::Error, r.packet.summary(), blocks(), QByteArrayView(buf, n));
        serverError(r.packet.errorCode, r.packet.errorMessage);
        return;
    case Opcode::Oack:
        trace.add(Trace::NoFlags, r.packet.summary(), blocks(), QByteArrayView(buf, n));
        if (!r.ok()) {
            // The wire gets fixed ASCII, not the (translated) parser text.
            fail(OptionRefusedError, Client::tr("The server's option answer is invalid: %1.").arg(r.errorString),
                 ErrOptionRefused, QByteArrayLiteral("Invalid option acknowledgement"));
            return;
        }
        onOack(r.packet);
        return;
    default:
        break;
    }
    const QString what = r.ok() ? Client::tr("an unexpected %1 packet").arg(opcodeName(r.packet.opcode)) : r.errorString;
    trace.add(Trace::Error, r.ok() ? r.packet.summary() : r.errorString, blocks(), QByteArrayView(buf, n));
    fail(ProtocolError, Client::tr("The server sent %1.").arg(what), ErrIllegalOperation,
         QByteArrayLiteral("Illegal TFTP operation"));
}

void Client::Private::stranger(const Peer &from, const char *header, qsizetype n)
{
    // RFC 1350: answer ERROR 5 to the stranger, change nothing. Never answer an ERROR (no loops).
    if (n >= 2 && header[0] == 0 && header[1] == 5)
        return;
    if (trace.isEnabled())
        trace.add(Trace::Error, Client::tr("%1 bytes from unknown port %2")
                                    .arg(n).arg(displayEndpoint(from.address(), from.port())), blocks());
    sendError(from, ErrUnknownTransferId, QByteArrayLiteral("Unknown transfer ID"));
}

// -------------------------------------------------------------------------------------------------

void Client::Private::serverError(quint16 code, const QByteArray &message)
{
    const QString said = TextCodec::peerText(message.trimmed());   // the server's words: hostile
    Error e = NotDefinedError;
    QString text;
    switch (code) {
    case 1: e = FileNotFoundError; text = Client::tr("File not found on the server (TFTP error 1)."); break;
    case 2: e = AccessViolationError; text = Client::tr("The server refused access to the file (TFTP error 2)."); break;
    case 3: e = DiskFullError; text = Client::tr("The server's disk is full (TFTP error 3)."); break;
    case 4: e = IllegalOperationError; text = Client::tr("The server called the request illegal (TFTP error 4)."); break;
    case 5: e = UnknownTransferIdError; text = Client::tr("The server did not recognise this transfer (TFTP error 5)."); break;
    case 6: e = FileExistsError; text = Client::tr("The file already exists on the server (TFTP error 6)."); break;
    case 7: e = NoSuchUserError; text = Client::tr("No such user on the server (TFTP error 7)."); break;
    case 8:
        if (phase == Phase::Requesting && t.asked.any() && !t.retried) {
            retryWithFewerOptions(message);
            return;
        }
        e = OptionRefusedError;
        text = Client::tr("The server refused the transfer options (TFTP error 8). Try again without options "
                          "(RFC 1350 only).");
        break;
    default:
        text = said.isEmpty() ? Client::tr("The server reported an error (TFTP error %1).").arg(code)
                              : Client::tr("The server reported an error: %1 (TFTP error %2).").arg(said).arg(code);
        fail(e, text);
        return;
    }
    if (!said.isEmpty())
        text += QLatin1Char(' ') + Client::tr("The server said: \"%1\".").arg(said);
    fail(e, text);   // never answer an ERROR with an ERROR
}

// The answer to the request was ERROR 8 (tftpd-hpa refuses tsize in netascii, for one): ask once more, from
// a new port, without the options the server named, or without any when it named none.
void Client::Private::retryWithFewerOptions(const QByteArray &serverMessage)
{
    const RequestedOptions fewer = t.asked.withoutRefused(serverMessage);
    QByteArrayList dropped = t.asked.names();
    for (const QByteArray &kept : fewer.names())
        dropped.removeAll(kept);
    trace.note(fewer.any()
                   ? Client::tr("The server refused options (TFTP error 8): asking again without %1.")
                         .arg(QString::fromLatin1(dropped.join(", ")))
                   : Client::tr("The server refused the options (TFTP error 8): asking again without options."));
    closeSocket();
    Transfer again(t.options);
    again.retried = true;
    t = again;
    if (openSocket())
        sendRequest(fewer);
}

void Client::Private::onOack(const Packet &p)
{
    if (target.upload && phase == Phase::Sending)
        return;   // a repeat (our DATA 1 may be lost): only the timer resends, as for a repeated ACK
    if (t.asked.any() && phase == Phase::Receiving)
        return;   // a late duplicate: the transfer has moved on
    if (t.asked.any() && phase == Phase::Negotiated) {
        // Our ACK 0 was lost and the server repeats its OACK: ACK 0 again (atftp aborts here). Not activity:
        // the idle clock keeps running, so that a server that never hears our ACK 0 still times out.
        sendAck(0, true);
        t.progress.retransmissions++;
        if (!timer.isActive())
            startTimer(t.rtt.rtoMs());
        return;
    }
    const OackCheck check = checkOack(t.asked, p.options);
    if (!check.ok) {
        fail(OptionRefusedError, check.errorString, ErrOptionRefused, check.wireMessage);
        return;
    }
    if (target.upload) {
        startSending(check.agreed);
        return;
    }
    const qint64 tsize = check.agreed.tsize;
    const qint64 cap = t.options.maxSize;
    // netascii: tsize may be the wire size (at most twice the file's: LF -> CR LF, CR -> CR NUL) or the
    // server's file size; either way the file has at least half as many bytes.
    const qint64 leastFile = t.options.mode == ClientOptions::NetAscii ? (tsize + 1) / 2 : tsize;
    if (cap > 0 && leastFile > cap) {
        // RFC 2349: a client that cannot take a file of that size answers ERROR 3.
        fail(SizeLimitError,
             Client::tr("The server announced %L1 bytes, more than the size limit of %L2 bytes: the download was "
                        "refused.").arg(tsize).arg(cap),
             ErrDiskFull, QByteArrayLiteral("File too large"));
        return;
    }
    t.agreed = check.agreed;
    // tsize 0 is taken as not known (a server may echo the request's 0): only a size > 0 is held to.
    if (tsize > 0)
        t.progress.total = tsize;
    sink.setBlockSize(t.agreed.blockSize);
    t.window.setWindowSize(t.agreed.windowSize);
    t.rtt.stop(clock.nsecsElapsed());
    t.retries = 0;
    setPhase(Phase::Negotiated);
    sendAck(0, false);
    armTimer();
    emitProgress(true);
}

int Client::Private::autoBlockSize() const
{
    int mtu = Socket::pathMtu(t.server);
    if (mtu <= 0)
        mtu = target.address.isLoopback() ? 65536 : 1500;
    return blockSizeForMtu(mtu, t.server.family() == QAbstractSocket::IPv6Protocol);
}

// Room for a whole window of full datagrams, with the kernel's per-datagram overhead. Returns the effective
// receive buffer (bytes, as SO_RCVBUF reports it), 0 if unknown.
int Client::Private::sizeReceiveBuffer(int blockSize, int window)
{
    return socket.sizeReceiveBuffer(qMin<qint64>(qint64(window) * receiveBufferPerDatagram(blockSize), MaxReceiveBuffer));
}

bool Client::Private::openSocket()
{
    t.server = Peer(target.address, target.port);
    if (t.server.isNull()) {
        fail(HostNotFoundError, Client::tr("\"%1\" is not a usable address.").arg(target.host));
        return false;
    }
    const auto readable = [this] {
        if (target.upload)
            onSendReadable();
        else
            onReadable();
    };
    if (!socket.open(t.server, q, readable, [this] { handleIcmp(); })) {
        fail(LocalFileError, Client::tr("Cannot open a UDP socket: %1").arg(socket.errorString()));
        return false;
    }
    if (rx.size() < RxBufferSize)
        rx.resize(RxBufferSize);
    if (target.upload && ackSlots.size() < RxBufferSize)
        ackSlots.resize(RxBufferSize);
    return true;
}

RequestedOptions Client::Private::requestedOptions()
{
    const ClientOptions &o = t.options;
    if (o.rfc1350Only)
        return RequestedOptions();
    const int blockSize = o.blockSize > 0 ? qBound(MinBlockSize, o.blockSize, MaxBlockSize) : autoBlockSize();
    int window = qMin(o.windowSize, MaxClientWindowSize);
    if (window > 1) {
        // A window the receiver's buffer cannot hold would overflow on every burst: ask only for what fits.
        // Download: our own buffer, grown as far as the system lets (net.core.rmem_max caps it for non-root
        // users). Upload: the server's, which this side cannot see, taken to be this system's default (a fresh
        // socket's, e.g. net.core.rmem_default): with 64 KiB blocks atftpd lost blocks on every burst of 8.
        const int blk = qMax(blockSize, DefaultBlockSize);
        const int buffer = target.upload ? socket.receiveBufferSize() : sizeReceiveBuffer(blk, window);
        if (buffer > 0) {
            const int fits = windowForReceiveBuffer(buffer, blk, window);
            if (fits < window)
                qCDebug(lcTftp) << "windowsize" << window << "lowered to" << fits << "for a receive buffer of" << buffer;
            window = fits;
        }
    }
    RequestedOptions r = requestFor(o, blockSize, window);
    if (target.upload) {
        // tsize tells the server the size (RFC 2349), which is known for octet only: netascii's encoded size
        // would take a pass over the whole file first, so it is not sent.
        r.tsize = r.tsize && o.mode == ClientOptions::Octet;
        r.tsizeValue = r.tsize ? source.fileSize() : 0;
    }
    return r;
}

void Client::Private::sendRequest(const RequestedOptions &asked)
{
    t.asked = asked;
    const bool netascii = t.options.mode == ClientOptions::NetAscii;
    const QByteArray mode = netascii ? QByteArray("netascii") : QByteArray("octet");
    Packet request;
    if (target.upload) {
        source.setNetAscii(netascii);
        t.progress.total = source.fileSize();
        request = Packet::wrq(target.remoteFile.toUtf8(), mode, asked.toList());
    } else {
        sizeReceiveBuffer(qMax(asked.blockSize, DefaultBlockSize), qMax(asked.windowSize, 1));
        sink.setNetAscii(netascii);
        sink.setBlockSize(0);
        request = Packet::rrq(target.remoteFile.toUtf8(), mode, asked.toList());
    }
    t.request = request.serialize();
    t.requestSummary = request.summary();
    setPhase(Phase::Requesting);
    trace.add(Trace::Outgoing, t.requestSummary, blocks(), t.request);
    send(t.server, t.request.constData(), t.request.size());
    if (!socket.isOpen())
        return;   // ICMP already known
    t.rtt.start(clock.nsecsElapsed());
    armTimer();
}

// -------------------------------------------------------------------------------------------------
void Client::Private::resolved(const QHostInfo &info)
{
    lookupId = -1;
    if (phase != Phase::Resolving)
        return;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        fail(HostNotFoundError, Client::tr("Cannot find the host \"%1\": %2").arg(target.host, info.errorString()));
        return;
    }
    target.address = info.addresses().constFirst();
    for (const QHostAddress &a : info.addresses()) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol) {
            target.address = a;
            break;
        }
    }
    if (openSocket())
        sendRequest(requestedOptions());
}

bool Client::Private::begin(const QString &h, quint16 p, const QString &file, bool upload)
{
    if (active()) {
        t.errorString = Client::tr("A transfer is already running.");
        return false;
    }
    closeSocket();   // the previous download's dally, if any
    reset();
    QString name = h.trimmed();
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
        name = name.mid(1, name.size() - 2);
    const auto refuse = [this](Error e, const QString &text) {
        t.error = e;
        t.errorString = text;
        return false;
    };
    if (name.isEmpty())
        return refuse(HostNotFoundError, Client::tr("Enter the address or name of the TFTP server."));
    if (p == 0)
        return refuse(HostNotFoundError, Client::tr("Port 0 cannot be a destination: TFTP servers listen on port 69."));
    if (file.isEmpty())
        return refuse(FileNotFoundError, upload ? Client::tr("Enter the name for the file on the server.")
                                                : Client::tr("Enter the name of the file to download."));
    if (file.toUtf8().contains('\0'))
        return refuse(FileNotFoundError, Client::tr("The file name contains a NUL character."));
    target = Target{name, p, file, upload, QString(), QHostAddress()};
    return true;
}

void Client::Private::go()
{
    clock.start();
    QHostAddress a;
    if (a.setAddress(target.host)) {
        target.address = a;
        setPhase(Phase::Requesting);
        // Start from the event loop, so that the caller can connect signals after download() returns
        // and an immediate failure is reported like any other.
        QTimer::singleShot(0, q, [this] {
            if (phase == Phase::Requesting && !socket.isOpen() && openSocket())
                sendRequest(requestedOptions());
        });
        return;
    }
    setPhase(Phase::Resolving);
    lookupId = QHostInfo::lookupHost(target.host, q, [this](const QHostInfo &info) { resolved(info); });
}

// -------------------------------------------------------------------------------------------------
Client::Client(QObject *parent)
    : QObject(parent)
    , d(new Private)
{
    qRegisterMetaType<NetPoke::Tftp::Progress>();
    qRegisterMetaType<NetPoke::Tftp::TraceEntry>();
    d->q = this;
    d->timer.setSingleShot(true);
    d->timer.setTimerType(Qt::PreciseTimer);
    connect(&d->timer, &QTimer::timeout, this, [this] { d->onTimer(); });
    d->trace.setOutput([this](const TraceEntry &e) {
        if (!d->teach.capture(e))   // teaching mode: an entry waits for its packet to leave
            emit packetTraced(e);
    });
}

Client::~Client()
{
    d->teach.flush(false);   // teaching: what waits goes out untraced (a slot's captures may be gone already)
    if (d->active() && d->socket.isOpen() && d->t.locked)
        d->sendError(d->t.server, ErrNotDefined, QByteArrayLiteral("cancelled"));
    d->closeSocket();
    d->sink.discard();
    delete d;
}

void Client::setOptions(const ClientOptions &options)
{
    ClientOptions &o = d->options;
    o = options;
    o.retries = qMax(0, o.retries);
    o.timeoutMs = qMax(0, o.timeoutMs);
    o.windowSize = qBound(0, o.windowSize, MaxClientWindowSize);
    if (o.blockSize != 0)
        o.blockSize = qBound(MinBlockSize, o.blockSize, MaxBlockSize);
    o.maxSize = qMax<qint64>(0, o.maxSize);
}

ClientOptions Client::options() const
{
    return d->options;
}

bool Client::download(const QString &host, quint16 port, const QString &remoteFile, const QString &localPath)
{
    if (!d->begin(host, port, remoteFile, false))
        return false;
    if (localPath.isEmpty()) {
        d->t.error = LocalFileError;
        d->t.errorString = tr("Choose where to save the file.");
        return false;
    }
    if (!d->sink.openFile(localPath)) {
        d->t.error = LocalFileError;
        d->t.errorString = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(localPath), d->sink.errorString());
        return false;
    }
    d->go();
    return true;
}

bool Client::upload(const QString &host, quint16 port, const QString &remoteFile, const QString &localPath)
{
    if (!d->begin(host, port, remoteFile, true))
        return false;
    if (localPath.isEmpty()) {
        d->t.error = LocalFileError;
        d->t.errorString = tr("Choose the file to upload.");
        return false;
    }
    // Opened (and refused when it is no regular file) before anything is sent.
    if (!d->source.openFile(localPath)) {
        d->t.error = LocalFileError;
        d->t.errorString = d->source.errorString();
        return false;
    }
    d->target.localFile = localPath;
    d->go();
    return true;
}

bool Client::download(const QString &host, quint16 port, const QString &remoteFile, QIODevice *sink)
{
    if (!d->begin(host, port, remoteFile, false))
        return false;
    if (!d->sink.openDevice(sink)) {
        d->t.error = LocalFileError;
        d->t.errorString = tr("The output is not open for writing.");
        return false;
    }
    d->go();
    return true;
}

void Client::cancel()
{
    d->fail(CancelledError, tr("The transfer was cancelled."), ErrNotDefined, QByteArrayLiteral("cancelled"));
}

Client::State Client::state() const
{
    return Private::publicState(d->phase);
}

Client::Error Client::error() const
{
    return d->t.error;
}

QString Client::errorString() const
{
    return d->t.errorString;
}

Progress Client::progress() const
{
    Progress p = d->t.progress;
    if (d->clock.isValid() && d->active())
        p.elapsedMs = d->clock.elapsed();
    return p;
}

int Client::negotiatedBlockSize() const
{
    return d->t.agreed.blockSize;
}

int Client::negotiatedWindowSize() const
{
    return d->t.agreed.windowSize;
}

void Client::setTraceEnabled(bool on)
{
    d->trace.setEnabled(on);
}

} // namespace NetPoke::Tftp
