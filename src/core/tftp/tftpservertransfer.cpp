#include "tftpserver_p.h"

#include "hostport.h"
#include "textcodec.h"

#include <climits>
#include <cstring>
#include <utility>

namespace NetPoke::Tftp {

namespace {

quint16 get16(const char *p)
{
    return quint16((quint16(quint8(p[0])) << 8) | quint8(p[1]));
}

// "RRQ boot/x.bin octet blksize=1468 tsize=0": the request as the client sent it, the name and the option
// names and values (all from the network) as visible text.
QString requestSummary(const Request &r)
{
    QString s = (r.isWrite() ? QStringLiteral("WRQ ") : QStringLiteral("RRQ ")) + TextCodec::peerText(r.fileName)
              + QLatin1Char(' ') + QString::fromLatin1(r.mode);
    for (const Option &o : r.options)
        s += QLatin1Char(' ') + TextCodec::peerText(o.name) + QLatin1Char('=') + TextCodec::peerText(o.value);
    return s;
}

} // namespace

Server::Transfer::Transfer(Server::Private *server, quint64 id, const SocketAddress &client, const Request &request,
                           QByteArrayView requestBytes)
    : s(server)
    , m_client(client)
    , m_key(ClientKey::of(client))
    , m_requested(request.options)
    , m_requestName(request.fileName)
{
    m_info.id = id;
    m_info.clientAddress = unmappedAddress(client.address());
    m_info.clientPort = client.port();
    m_info.client = displayEndpoint(m_info.clientAddress, m_info.clientPort);
    m_info.file = TextCodec::peerText(request.fileName);
    m_info.direction = request.isWrite() ? TransferInfo::Upload : TransferInfo::Download;
    m_info.mode = QString::fromLatin1(request.mode);
    m_clock.start();
    m_timer.setSingleShot(true);
    QObject::connect(&m_timer, &QTimer::timeout, s->q, [this] { onTimer(); });
    m_trace.setEnabled(s->active.trace);
    m_trace.restart(&m_clock);
    m_trace.setOutput([this](const TraceEntry &e) {
        if (!m_gate.capture(e))   // teaching mode: an entry waits for its packet to leave
            keepEntry(e);
    });
    m_gate.start(s->active.teaching, &m_clock, [this](const TraceEntry &e) { keepEntry(e); }, m_trace.isEnabled());
    // The request that made the transfer opens its trace, as the client's own trace starts with it.
    if (m_trace.isEnabled())
        m_trace.add(Trace::NoFlags, requestSummary(request), 0, requestBytes);
}

Server::Transfer::~Transfer() = default;

void Server::Transfer::keepEntry(const TraceEntry &e)
{
    if (m_entries.size() < MaxTraceEntries)
        m_entries.append(e);
    else
        ++m_droppedEntries;
}

bool Server::Transfer::bindSocket(QString *reason)
{
    m_socket = std::make_unique<Net::DatagramSocket>();
    if (!s->bindTransfer(m_socket.get())) {
        *reason = s->active.transferPortMin != 0
            ? Server::tr("no free port in the transfer port range %1-%2")
                  .arg(s->active.transferPortMin).arg(s->active.transferPortMax)
            : Server::tr("cannot open a transfer socket: %1").arg(m_socket->errorString());
        m_socket.reset();
        return false;
    }
    Net::DatagramSocket *socket = m_socket.get();
    QObject::connect(socket, &Net::DatagramSocket::readyRead, socket, [this] { onReadable(); });
    QObject::connect(socket, &Net::DatagramSocket::icmpErrorsReceived, socket, [this] { onIcmp(); });
    return true;
}

// The request's options without a timeout longer than the server accepts (RFC 2349: left out, not lowered).
QList<Option> Server::Transfer::acceptedOptions() const
{
    QList<Option> list;
    for (const Option &o : m_requested) {
        if (o.name == "timeout" && parseDecimal(o.value) > s->active.maxClientTimeoutS)
            continue;
        list.append(o);
    }
    return list;
}

void Server::Transfer::setAgreed(const ServerAnswer &answer)
{
    m_info.options = answer.agreed;
    m_blockSize = answer.agreed.blockSize;
    m_oack = !answer.oack.isEmpty();
    QStringList parts;
    for (const Option &o : answer.oack)   // our own answer: known names, decimal values
        parts.append(QString::fromLatin1(o.name) + QLatin1Char('=') + QString::fromLatin1(o.value));
    m_info.optionsText = parts.join(QLatin1Char(' '));
    m_rtt = RttEstimator(answer.agreed.timeoutS > 0 ? answer.agreed.timeoutS * 1000 : s->active.timeoutMs);
    if (m_oack)
        m_opening = Packet::oack(answer.oack).serialize();
}

bool Server::Transfer::startDownload(int fd, quint16 *code, QByteArray *message, QString *reason)
{
    if (!m_source.openDescriptor(fd, m_info.file)) {
        *code = ErrAccessViolation;
        *message = QByteArrayLiteral("Not a regular file");
        *reason = m_source.errorString();
        return false;
    }
    const bool netascii = m_info.mode == QLatin1String("netascii");
    const ServerLimits limits{s->active.maxBlockSize, s->active.maxWindowSize, s->active.maxClientTimeoutS > 0};
    setAgreed(negotiateAsServer(acceptedOptions(), false, netascii ? -1 : m_source.fileSize(), limits));
    m_info.total = netascii ? -1 : m_source.fileSize();
    m_source.setBlockSize(m_blockSize);
    m_source.setNetAscii(netascii);
    m_source.setWindowSize(netascii ? m_info.options.windowSize : 1);   // octet rewinds by offset
    m_send.setWindowSize(m_info.options.windowSize);
    m_packet.reset(new char[size_t(m_blockSize) + 4]);
    if (!netascii && m_info.options.windowSize == 1)
        m_ahead.reset(new char[size_t(m_blockSize) + 4]);
    if (!bindSocket(reason)) {
        *code = ErrNotDefined;
        *message = QByteArrayLiteral("Server busy, try again later");
        return false;
    }
    return true;
}

bool Server::Transfer::startUpload(const Root::WriteTarget &target, quint16 *code, QByteArray *message, QString *reason)
{
    const qint64 limit = s->active.maxUploadBytes;
    for (const Option &o : m_requested) {
        const qint64 tsize = o.name == "tsize" ? parseDecimal(o.value) : -1;
        if (limit > 0 && tsize > limit) {
            *code = ErrDiskFull;
            *message = QByteArrayLiteral("File too large");
            *reason = Server::tr("larger than the upload limit of %1 bytes (tsize %2)").arg(limit).arg(tsize);
            return false;
        }
    }
    if (!bindSocket(reason)) {
        *code = ErrNotDefined;
        *message = QByteArrayLiteral("Server busy, try again later");
        return false;
    }
    const QList<Option> options = acceptedOptions();
    ServerLimits limits{s->active.maxBlockSize, s->active.maxWindowSize, s->active.maxClientTimeoutS > 0};
    ServerAnswer answer = negotiateAsServer(options, true, -1, limits);
    const int window = answer.agreed.windowSize;
    if (window > 1) {
        // A window the receive buffer cannot hold would overflow on every burst: offer what fits.
        const int blk = answer.agreed.blockSize;
        const qint64 want = qMin<qint64>(qint64(window) * receiveBufferPerDatagram(blk), MaxReceiveBuffer);
        int buffer = m_socket->receiveBufferSize();
        if (buffer > 0 && buffer < want)
            buffer = m_socket->setReceiveBufferSize(int(want / 2));   // the kernel doubles it
        const int fits = buffer > 0 ? windowForReceiveBuffer(buffer, blk, window) : window;
        if (fits < window) {
            limits.maxWindowSize = fits;
            answer = negotiateAsServer(options, true, -1, limits);
        }
    }
    setAgreed(answer);
    m_info.total = answer.agreed.tsize;
    m_target = target.path;
    m_overwrite = s->active.allowOverwrite;
    m_sink = std::make_unique<Sink>();
    if (!m_sink->openFile(m_target)) {
        *code = ErrAccessViolation;
        *message = QByteArrayLiteral("Cannot create the file");
        *reason = Server::tr("cannot create the file: %1").arg(TextCodec::visibleText(m_sink->errorString()));
        m_sink.reset();
        m_socket.reset();
        return false;
    }
    m_sink->setNetAscii(m_info.mode == QLatin1String("netascii"));
    m_sink->setBlockSize(m_blockSize);
    m_recv.setWindowSize(m_info.options.windowSize);
    if (!m_oack) {
        m_opening.resize(4);
        writeAck(m_opening.data(), 0);
    }
    return true;
}

// The first packet: the OACK, or without one DATA 1 (download) or ACK 0 (upload).
void Server::Transfer::begin()
{
    if (!running())
        return;
    if (m_info.direction == TransferInfo::Download && !m_oack) {
        m_phase = Phase::Transferring;
        m_info.state = TransferInfo::Transferring;
        sendWindow();
        if (running())
            armTimer();
        return;
    }
    if (m_info.direction == TransferInfo::Upload && !m_oack)
        m_recv.acknowledged(0);
    sendOpening(false);
    m_rtt.start(m_clock.nsecsElapsed());
    armTimer();
}

void Server::Transfer::sendOpening(bool retransmission)
{
    send(m_opening.constData(), m_opening.size());
    if (m_trace.isEnabled()) {
        const QString summary = parse(m_opening).packet.summary();
        traceAdd(Trace::Outgoing | (retransmission ? Trace::Retransmission : 0), summary, m_info.blocks, m_opening);
    }
}

TransferInfo Server::Transfer::info() const
{
    TransferInfo i = m_info;
    if (running())
        i.elapsedMs = m_clock.elapsed();
    return i;
}

QList<TraceEntry> Server::Transfer::traceEntries() const
{
    QList<TraceEntry> list = m_entries;
    if (m_droppedEntries > 0) {
        TraceEntry n;
        n.note = true;
        n.elapsedMs = m_clock.elapsed();
        n.summary = Server::tr("… %n more trace entries not kept", nullptr, int(qMin<quint64>(m_droppedEntries, INT_MAX)));
        list.append(n);
    }
    return list;
}

bool Server::Transfer::takeProgress(TransferInfo *out)
{
    if (m_info.bytes == m_tickBytes)
        return false;
    m_tickBytes = m_info.bytes;
    const qint64 now = m_clock.elapsed();
    const qint64 dt = now - m_rateMs;
    if (dt > 0) {
        const double recent = double(m_info.bytes - m_rateBytes) * 1000.0 / double(dt);
        m_info.bytesPerSecond = m_info.bytesPerSecond == 0 ? recent : 0.5 * m_info.bytesPerSecond + 0.5 * recent;
    }
    m_rateMs = now;
    m_rateBytes = m_info.bytes;
    *out = info();
    return true;
}

// -------------------------------------------------------------------------------------------------
// Timer

void Server::Transfer::startTimer(int ms)
{
    m_timer.start(ms);
    m_timerDueNs = m_clock.nsecsElapsed() + qint64(ms) * 1000000;
}

// Progress: the timeout counts from now. The running timer is left alone unless it would fire later than a
// timeout from now (restarting it for every ACK costs more than the check when it fires).
void Server::Transfer::armTimer()
{
    m_lastActivityNs = m_clock.nsecsElapsed();
    if (!m_timer.isActive() || m_timerDueNs > m_lastActivityNs + qint64(m_rtt.rtoMs()) * 1000000)
        startTimer(m_rtt.rtoMs());
}

// Only the timer resends: a duplicate ACK or DATA never does (Sorcerer's Apprentice, RFC 1123 4.2.3.1).
void Server::Transfer::onTimer()
{
    if (m_phase == Phase::Dallying) {
        abort(QByteArray(), QString());   // the dally is over
        return;
    }
    if (!running())
        return;
    const qint64 now = m_clock.nsecsElapsed();
    // Teaching mode: the timeout counts from our last packet on the wire, not from when it was queued.
    const qint64 idleMs = (now - qMax(m_lastActivityNs, m_gate.lastSentNs())) / 1000000;
    if (m_gate.hasQueued()) {
        startTimer(m_rtt.rtoMs());
        return;
    }
    if (idleMs < m_rtt.rtoMs()) {
        startTimer(int(m_rtt.rtoMs() - idleMs));
        return;
    }
    if (++m_retries > s->active.retries) {
        fail(Server::tr("timed out: no answer from the client (retries: %n)", nullptr, s->active.retries),
             ErrNotDefined, QByteArrayLiteral("Timed out"));
        return;
    }
    m_rtt.backOff();
    m_rtt.cancel();
    if (m_phase == Phase::Negotiating) {
        ++m_info.retransmissions;
        sendOpening(true);
    } else if (m_info.direction == TransferInfo::Download) {
        m_send.rewind();
        sendWindow();
    } else {
        sendAck(m_recv.timedOut(), true);
    }
    if (!running())
        return;
    m_lastActivityNs = now;
    startTimer(m_rtt.rtoMs());
}

// -------------------------------------------------------------------------------------------------
// Receive

// One batch per wake-up (the socket stays readable for the next turn); a download sends what the ACKs
// opened once the batch is handled, so a burst of ACKs costs one window.
void Server::Transfer::onReadable()
{
    if (!m_socket || m_phase == Phase::Ended)
        return;
    const bool download = m_info.direction == TransferInfo::Download;
    const qsizetype slotSize = download ? AckSlot : qsizetype(m_blockSize) + 4;
    const int got = s->receive(m_socket.get(), slotSize, MaxBatch);
    bool moved = false;
    for (int i = 0; i < got; ++i) {
        const Net::ReceiveSlot &r = s->rxSlots[i];
        const qsizetype kept = qMin(r.size, r.room());
        if (m_phase == Phase::Dallying) {
            onDallyDatagram(r.data, kept, r.sender);
            continue;
        }
        if (r.sender != m_client) {
            stranger(r.data, kept, r.sender);
            continue;
        }
        if (download && kept >= 4 && r.data[0] == 0 && r.data[1] == 4) {
            onAck(get16(r.data + 2), &moved);
        } else if (!download && kept >= 4 && r.data[0] == 0 && r.data[1] == 3) {
            onData(get16(r.data + 2), r.data + 4, r.size - 4);
        } else if (kept >= 2 && r.data[0] == 0 && r.data[1] == 5) {
            onClientError(r.data, kept);
        } else {
            fail(Server::tr("the client sent a packet that does not belong in this transfer"), ErrIllegalOperation,
                 QByteArrayLiteral("Illegal TFTP operation"));
        }
        if (!running())
            return;   // ended (the upload may be dallying; what else came is of no use)
    }
    if (download && moved) {
        sendWindow();
        if (running())
            armTimer();
    } else if (!download && running() && m_sink->flushAfterRead()) {
        writeOut(false);
    }
}

void Server::Transfer::onIcmp()
{
    if (!m_socket)
        return;
    const QList<Net::IcmpError> errors = m_socket->takeIcmpErrors();
    for (const Net::IcmpError &e : errors) {
        if (!e.portUnreachable || e.port != m_client.port()
            || !e.destination.isEqual(m_client.address(), QHostAddress::TolerantConversion))
            continue;   // e.g. an ERROR 5 to a stranger that has gone
        if (m_phase == Phase::Dallying)
            abort(QByteArray(), QString());
        else
            fail(Server::tr("the client went away (its port %1 is closed)").arg(m_client.port()));
        return;
    }
}

// RFC 1350: a packet from another address or port is answered with ERROR 5 and changes nothing. An ERROR
// is never answered (no loops).
void Server::Transfer::stranger(const char *bytes, qsizetype size, const SocketAddress &from)
{
    if (size >= 2 && bytes[0] == 0 && bytes[1] == 5)
        return;
    const QByteArray error = Packet::error(ErrUnknownTransferId, QByteArrayLiteral("Unknown transfer ID")).serialize();
    m_socket->sendTo(error.constData(), error.size(), from);
    if (m_trace.isEnabled())
        traceAdd(Trace::Error, Server::tr("%n bytes from unknown port %1, answered with ERROR 5", nullptr, int(size))
                                   .arg(displayEndpoint(unmappedAddress(from.address()), from.port())),
                 m_info.blocks, QByteArrayView(bytes, size));
}

void Server::Transfer::onClientError(const char *bytes, qsizetype size)
{
    const quint16 code = size >= 4 ? get16(bytes + 2) : 0;
    const char *text = bytes + qMin<qsizetype>(size, 4);
    const qsizetype left = size - qMin<qsizetype>(size, 4);
    const void *nul = left > 0 ? std::memchr(text, 0, size_t(left)) : nullptr;
    const QByteArray message(text, nul ? static_cast<const char *>(nul) - text : left);
    if (m_trace.isEnabled())
        traceAdd(Trace::Error, QStringLiteral("ERROR %1 %2").arg(code).arg(TextCodec::peerText(message)), m_info.blocks,
                 QByteArrayView(bytes, size));
    QString result = code == ErrOptionRefused && m_phase == Phase::Negotiating
        ? Server::tr("the client refused the options (TFTP error 8)")
        : Server::tr("the client ended the transfer (TFTP error %1)").arg(code);
    if (!message.trimmed().isEmpty())
        result += QLatin1Char(' ') + Server::tr("saying \"%1\"").arg(TextCodec::peerText(message.trimmed()));
    fail(result);   // never answered
}

// -------------------------------------------------------------------------------------------------
// Download: the server sends

void Server::Transfer::onAck(quint16 block, bool *moved)
{
    if (m_phase == Phase::Negotiating) {
        if (block != 0)
            return;   // not an answer to the OACK
        if (m_trace.isEnabled())
            traceAdd(Trace::NoFlags, ackSummary(0), 0, Trace::ackPacket(0));
        m_rtt.stop(m_clock.nsecsElapsed());
        m_retries = 0;
        m_phase = Phase::Transferring;
        m_info.state = TransferInfo::Transferring;
        *moved = true;
        return;
    }
    const SendWindow::Ack what = m_send.onAck(block);
    switch (what) {
    case SendWindow::Ack::Advanced:
    case SendWindow::Ack::Complete: {
        m_rtt.stop(m_clock.nsecsElapsed());
        m_retries = 0;
        updateBytesSent();
        const bool complete = what == SendWindow::Ack::Complete;
        if (m_trace.wants(m_info.blocks, complete))
            traceAdd(Trace::NoFlags, ackSummary(block), m_info.blocks, Trace::ackPacket(block));
        if (complete) {
            succeed();
            return;
        }
        *moved = true;
        return;
    }
    case SendWindow::Ack::Repeated:
    case SendWindow::Ack::Stale:
        // Nothing moves and nothing is sent: the timer alone resends.
        if (m_trace.isEnabled())
            traceAdd(Trace::Retransmission, ackSummary(block) + Server::tr(", nothing new (not answered)"), m_info.blocks,
                     Trace::ackPacket(block));
        return;
    }
}

void Server::Transfer::updateBytesSent()
{
    const qint64 acked = m_send.acknowledged();
    const qint64 last = m_send.lastBlock();
    m_info.blocks = quint64(acked);
    m_info.bytes = last >= 0 && acked >= last ? (last - 1) * m_blockSize + m_lastLength : acked * m_blockSize;
}

// The window from nextToSend(), each block read into the one packet buffer as it goes out. At most
// MaxBurstBlocks per turn: the rest follows in the next turn of the event loop.
void Server::Transfer::sendWindow()
{
    int burst = 0;
    bool fresh = false;
    bool again = false;
    char *packet = m_packet.get();
    while (m_send.canSend()) {
        if (burst == MaxBurstBlocks) {
            if (!m_burstQueued) {
                m_burstQueued = true;
                s->queueBurst(this);
            }
            break;
        }
        const qint64 n = m_send.nextToSend();
        qint64 len = 0;
        if (n == m_aheadBlock) {
            std::swap(m_packet, m_ahead);
            packet = m_packet.get();
            len = m_aheadLength;
            m_aheadBlock = 0;
        } else {
            len = m_source.readBlock(n, packet + 4);
        }
        if (len < 0) {
            fail(Server::tr("cannot read the file: %1").arg(TextCodec::visibleText(m_source.errorString())),
                 ErrNotDefined, QByteArrayLiteral("Read error"));
            return;
        }
        if (len < m_blockSize) {
            m_send.setLastBlock(n);
            m_lastLength = len;
        }
        const quint16 wire = SendWindow::wire(n);
        packet[0] = 0;
        packet[1] = 3;
        packet[2] = char(wire >> 8);
        packet[3] = char(wire & 0xFF);
        if (!send(packet, 4 + len))
            break;   // the send buffer is full, or the client has gone: the timer sends again
        m_send.sent();
        ++burst;
        const bool retransmission = n <= m_highestSent;
        if (retransmission) {
            ++m_info.retransmissions;
            again = true;
        } else {
            m_highestSent = n;
            fresh = true;
        }
        if (m_trace.wants(quint64(n), retransmission || len < m_blockSize))
            traceAdd(Trace::Outgoing | (retransmission ? Trace::Retransmission : Trace::InOrderData),
                     dataSummary(wire, len), quint64(n), QByteArrayView(packet, 4 + len),
                     4 + len);
    }
    // Karn: no round-trip sample from a window with a block sent again.
    if (again)
        m_rtt.cancel();
    else if (fresh && !m_rtt.isTiming())
        m_rtt.start(m_clock.nsecsElapsed());
    readAhead();
}

// Lock-step octet downloads read the next block right after sending one, while the client takes it in (as
// tftpd-hpa does), so that its ACK is answered without a file read in between (256 MiB at blksize 65464 on
// loopback, server and client on their own cores: 0.36 s before, 0.16 s after, tftpd-hpa 0.17 s). A failed
// read here is left for the block's own turn, which reads it again and reports it.
void Server::Transfer::readAhead()
{
    if (!m_ahead || m_phase != Phase::Transferring)
        return;
    const qint64 n = m_highestSent + 1;
    const qint64 last = m_send.lastBlock();
    if (n == m_aheadBlock || (last >= 0 && n > last))
        return;
    m_aheadBlock = 0;
    const qint64 len = m_source.readBlock(n, m_ahead.get() + 4);
    if (len >= 0) {
        m_aheadBlock = n;
        m_aheadLength = len;
    }
}

void Server::Transfer::continueBurst()
{
    m_burstQueued = false;
    if (m_phase == Phase::Transferring && m_info.direction == TransferInfo::Download)
        sendWindow();
}

// -------------------------------------------------------------------------------------------------
// Upload: the server receives

void Server::Transfer::onData(quint16 block, const char *payload, qsizetype size)
{
    if (size > m_blockSize) {
        fail(Server::tr("the client sent block %1 with %2 bytes, more than the block size %3")
                 .arg(block).arg(size).arg(m_blockSize),
             ErrIllegalOperation, QByteArrayLiteral("Block larger than blksize"));
        return;
    }
    if (m_phase == Phase::Negotiating) {
        m_phase = Phase::Transferring;
        m_info.state = TransferInfo::Transferring;
    }
    switch (m_recv.classify(block)) {
    case ReceiveWindow::Block::Next: {
        const qint64 limit = s->active.maxUploadBytes;
        if (limit > 0 && m_info.bytes + size > limit) {
            fail(Server::tr("larger than the upload limit of %1 bytes").arg(limit), ErrDiskFull,
                 QByteArrayLiteral("File too large"));
            return;
        }
        if (m_sink->flushBeforeRead() && !writeOut(false))
            return;
        m_sink->append(payload, size);
        m_info.bytes += size;
        ++m_info.blocks;
        m_retries = 0;
        if (m_rtt.isTiming())
            m_rtt.stop(m_clock.nsecsElapsed());
        const bool last = size < m_blockSize;
        if (m_trace.wants(m_info.blocks, last))
            traceAdd(Trace::InOrderData, dataSummary(block, size), m_info.blocks, Trace::dataPacket(block, payload, size),
                     4 + size);
        const bool ackNow = m_recv.accept();
        if (last) {
            finishUpload(block);
            return;
        }
        if (ackNow)
            sendAck(block, false);
        armTimer();
        return;
    }
    case ReceiveWindow::Block::Gap:
        if (m_trace.isEnabled())
            traceAdd(Trace::Error, dataSummary(block, size) + Server::tr(", expected %1").arg(m_recv.expected()),
                     m_info.blocks, Trace::dataPacket(block, payload, size), 4 + size);
        if (m_recv.gap())
            sendAck(m_recv.lastInOrder(), true);
        return;
    case ReceiveWindow::Block::Duplicate:
        if (m_trace.isEnabled())
            traceAdd(Trace::Retransmission, dataSummary(block, size) + Server::tr(", duplicate"), m_info.blocks,
                     Trace::dataPacket(block, payload, size), 4 + size);
        if (m_recv.duplicateNeedsAck(block))
            sendAck(block, true);
        return;
    }
}

void Server::Transfer::sendAck(quint16 block, bool retransmission)
{
    char ack[4];
    writeAck(ack, block);
    send(ack, 4);
    m_recv.acknowledged(block);
    if (retransmission) {
        ++m_info.retransmissions;
        m_rtt.cancel();
    } else {
        m_rtt.start(m_clock.nsecsElapsed());
    }
    if (m_trace.wants(m_info.blocks, retransmission))
        traceAdd(Trace::Outgoing | (retransmission ? Trace::Retransmission : 0), ackSummary(block), m_info.blocks,
                 Trace::ackPacket(block));
}

bool Server::Transfer::writeOut(bool all)
{
    if (m_sink->write(all))
        return true;
    fail(Server::tr("cannot write the file: %1").arg(TextCodec::visibleText(m_sink->errorString())), ErrDiskFull,
         QByteArrayLiteral("Disk full or allocation exceeded"));
    return false;
}

// The final block is in: everything written and saved before the final ACK, so that a failure is still
// told to the client (ERROR 3 instead of the ACK).
void Server::Transfer::finishUpload(quint16 block)
{
    m_sink->endOfData();
    if (!writeOut(true))
        return;
    if (!m_sink->flushDevice()) {
        fail(Server::tr("cannot write the file: %1").arg(TextCodec::visibleText(m_sink->errorString())), ErrDiskFull,
             QByteArrayLiteral("Disk full or allocation exceeded"));
        return;
    }
    if (!m_overwrite && s->root.resolveForWrite(m_requestName, false).refusal == Root::Exists) {
        fail(Server::tr("the file was created by someone else during the upload (overwriting is off)"),
             ErrFileExists, QByteArrayLiteral("File already exists"));
        return;
    }
    if (!m_sink->commit()) {
        fail(Server::tr("cannot save the file: %1").arg(TextCodec::visibleText(m_sink->errorString())), ErrDiskFull,
             QByteArrayLiteral("Disk full or allocation exceeded"));
        return;
    }
    m_finalBlock = block;
    sendAck(block, false);
    m_info.total = m_info.bytes;
    succeed();
}

// Dallying: the final ACK may have been lost; the client's repeated final block is answered again.
void Server::Transfer::onDallyDatagram(const char *bytes, qsizetype size, const SocketAddress &from)
{
    if (from != m_client || size < 4 || bytes[0] != 0 || bytes[1] != 3 || get16(bytes + 2) != m_finalBlock)
        return;
    char ack[4];
    writeAck(ack, m_finalBlock);
    send(ack, 4);
    if (m_trace.isEnabled())
        traceAdd(Trace::Outgoing | Trace::Retransmission, ackSummary(m_finalBlock), m_info.blocks, QByteArrayView(ack, 4));
}

// -------------------------------------------------------------------------------------------------
// Ending

// Closed now, deleted from the event loop: this may run inside the socket's own signal.
void Server::Transfer::closeSocket()
{
    if (!m_socket)
        return;
    m_gate.flush();   // teaching mode: what waits for its turn goes now
    m_socket->disconnect();
    m_socket->close();
    m_socket.release()->deleteLater();
}

bool Server::Transfer::send(const char *data, qsizetype size)
{
    if (m_socket && m_gate.isOn()) {
        m_gate.send(data, size, [this](const QByteArray &b) {
            return m_socket && m_socket->sendTo(b.constData(), b.size(), m_client) >= 0;
        });
        return true;
    }
    return m_socket && m_socket->sendTo(data, size, m_client) >= 0;
}

void Server::Transfer::sendError(quint16 code, const QByteArray &message)
{
    const Packet error = Packet::error(code, message);
    const QByteArray bytes = error.serialize();
    send(bytes.constData(), bytes.size());
    if (m_trace.isEnabled())
        traceAdd(Trace::Outgoing | Trace::Error, error.summary(), m_info.blocks, bytes);
}

void Server::Transfer::traceAdd(int flags, const QString &summary, quint64 blocks, QByteArrayView packet,
                                qint64 packetLength)
{
    m_trace.add(flags, summary, blocks, packet, packetLength);
}

void Server::Transfer::fail(const QString &result, int code, const QByteArray &message)
{
    if (!running())
        return;
    if (code >= 0)
        sendError(quint16(code), message);
    if (m_sink)
        m_sink->discard();   // nothing of the upload is left; an existing file stays as it was
    end(TransferInfo::Failed, result);
}

void Server::Transfer::abort(const QByteArray &message, const QString &result)
{
    if (m_phase == Phase::Dallying) {
        m_timer.stop();
        closeSocket();
        m_phase = Phase::Ended;
        if (!s->reapTimer.isActive())
            s->reapTimer.start();
        return;
    }
    if (running())
        fail(result, message.isEmpty() ? -1 : int(ErrNotDefined), message);
}

void Server::Transfer::succeed()
{
    end(TransferInfo::Finished, Server::tr("ok"));
}

void Server::Transfer::end(TransferInfo::State state, const QString &result)
{
    m_timer.stop();
    m_info.state = state;
    m_info.result = result;
    m_info.elapsedMs = m_clock.elapsed();
    m_info.bytesPerSecond = double(m_info.bytes) * 1000.0 / double(qMax<qint64>(m_info.elapsedMs, 1));
    m_source.close();
    // An upload that ended well keeps its socket a little, to answer a repeated final block.
    const bool dally = state == TransferInfo::Finished && m_info.direction == TransferInfo::Upload && m_socket;
    if (dally) {
        m_phase = Phase::Dallying;
        startTimer(m_gate.isOn() ? TeachingOptions::DallyMs : qMin(2 * m_rtt.rtoMs(), MaxDallyMs));
    } else {
        m_phase = Phase::Ended;
        closeSocket();
    }
    s->transferEnded(this, m_info);
}

} // namespace NetPoke::Tftp
