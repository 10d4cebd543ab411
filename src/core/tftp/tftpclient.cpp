#include "tftpclient.h"

#include "hostport.h"
#include "icmperrors.h"
#include "tftppacket.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QNetworkInterface>
#include <QPointer>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QTimer>

#include <QDir>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <cstdlib>
#include <memory>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcTftp, "netpoke.tftp", QtWarningMsg)

namespace NetPoke::Tftp {

namespace {

// Retransmission timeout: the first request waits InitialRtoMs, later waits follow the measured round trip
// (RFC 6298 smoothing) within [MinRtoMs, MaxRtoMs], doubling on each timeout. With the default 5 retries a
// server that never answers is given up after 1 + 5 × 1.8 = 10 s.
constexpr int InitialRtoMs = 1000;
constexpr int MinRtoMs = 100;
constexpr int MaxRtoMs = 1800;
constexpr qint64 ProgressIntervalMs = 100;
// Output: received payload is collected in one buffer and written once a wake-up's datagrams are handled and
// ACKed, so the server sends the next block (or window) while the file is written. Octet DATA from the
// server is received straight into that buffer (no copy).
constexpr qsizetype FlushThreshold = 32 * 1024;       // bytes pending before a write
constexpr qsizetype PageSize = 4096;
// Blocks this big are received at the start of the buffer: the kernel copies a multi-page datagram up to 4x
// slower into some alignments (measured on this AMD EPYC: sending and receiving a 64 KiB datagram whose
// payload lands 8..32 bytes past a 64-byte boundary takes 47 us instead of 12 us), so what is pending is
// written before the next one is read. Smaller blocks are not affected (measured at 512 and 1428 bytes):
// they are collected and written in whole pages.
constexpr int BigBlock = 16384;
constexpr qsizetype SyncInterval = 4 * 1024 * 1024;   // bytes written between write-back hints
constexpr int ReadBudget = 512;                     // datagrams per wake-up before yielding to the event loop
constexpr int MaxBatch = 64;                        // datagrams per recvmmsg in a window
constexpr quint64 TraceAllBlocks = 64;              // every packet of the first blocks; later only notable ones
constexpr int RxBufferSize = 65536;
constexpr qsizetype OutCapacity = 1024 * 1024 + RxBufferSize;   // room for a datagram whenever a read starts
constexpr qsizetype OutLimit = OutCapacity - RxBufferSize;      // pending bytes that force a write mid-batch
constexpr int MaxDallyMs = 1000;                    // longest the socket stays open after the final ACK
// Largest window asked for: onData() tells a gap from a duplicate by (block - expected) < 0x8000, which is
// only unambiguous while a window spans less than half the 16-bit block numbers.
constexpr int MaxClientWindowSize = 32767;
constexpr qint64 MaxReceiveBuffer = 64 * 1024 * 1024;

// Receive buffer one full datagram of blk bytes takes: DATA header, the kernel's per-datagram overhead, and
// a factor of 2 for the allocation rounding (a 64 KiB datagram takes a 128 KiB buffer on loopback).
qint64 receiveBufferPerDatagram(int blk)
{
    return (qint64(blk) + 4 + 1024) * 2;
}

bool sameHost(const sockaddr_storage &a, const sockaddr_storage &b)
{
    if (a.ss_family != b.ss_family)
        return false;
    if (a.ss_family == AF_INET)
        return reinterpret_cast<const sockaddr_in &>(a).sin_addr.s_addr
            == reinterpret_cast<const sockaddr_in &>(b).sin_addr.s_addr;
    if (a.ss_family == AF_INET6)
        return std::memcmp(&reinterpret_cast<const sockaddr_in6 &>(a).sin6_addr,
                           &reinterpret_cast<const sockaddr_in6 &>(b).sin6_addr, sizeof(in6_addr)) == 0;
    return false;
}

quint16 portOf(const sockaddr_storage &a)
{
    if (a.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in &>(a).sin_port);
    if (a.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 &>(a).sin6_port);
    return 0;
}

void setPort(sockaddr_storage *a, quint16 port)
{
    if (a->ss_family == AF_INET)
        reinterpret_cast<sockaddr_in *>(a)->sin_port = htons(port);
    else if (a->ss_family == AF_INET6)
        reinterpret_cast<sockaddr_in6 *>(a)->sin6_port = htons(port);
}

socklen_t lengthOf(const sockaddr_storage &a)
{
    return a.ss_family == AF_INET6 ? socklen_t(sizeof(sockaddr_in6)) : socklen_t(sizeof(sockaddr_in));
}

bool toSockaddr(const QHostAddress &address, quint16 port, sockaddr_storage *out)
{
    *out = sockaddr_storage{};
    bool v4ok = false;
    const quint32 v4 = address.toIPv4Address(&v4ok);
    if (address.protocol() == QAbstractSocket::IPv4Protocol && v4ok) {
        auto *sin = reinterpret_cast<sockaddr_in *>(out);
        sin->sin_family = AF_INET;
        sin->sin_port = htons(port);
        sin->sin_addr.s_addr = htonl(v4);
        return true;
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *sin6 = reinterpret_cast<sockaddr_in6 *>(out);
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons(port);
        const Q_IPV6ADDR a = address.toIPv6Address();
        std::memcpy(&sin6->sin6_addr, a.c, 16);
        bool ok = false;
        const uint scope = address.scopeId().toUInt(&ok);
        if (ok)
            sin6->sin6_scope_id = scope;
        else if (!address.scopeId().isEmpty())
            sin6->sin6_scope_id = uint(QNetworkInterface::interfaceIndexFromName(address.scopeId()));
        return true;
    }
    return false;
}

} // namespace

struct Client::Private
{
    Client *q = nullptr;
    ClientOptions opt;
    State state = Idle;
    Error error = NoError;
    QString errorString;
    Progress progress;
    bool trace = false;

    // Target.
    QString host;
    quint16 port = 0;
    QString remoteFile;
    QHostAddress serverAddress;
    sockaddr_storage server{};       // the request port until locked, then the server's transfer port
    bool locked = false;
    int lookupId = -1;

    // Socket and timers.
    int fd = -1;
    QSocketNotifier *notifier = nullptr;
    QTimer timer;
    QElapsedTimer clock;
    qint64 lastActivityNs = 0;
    qint64 timerDueNs = 0;      // when the running timer fires (clock time)
    qint64 lastProgressMs = -ProgressIntervalMs;
    qint64 rateMs = 0;
    qint64 rateBytes = 0;
    QByteArray rx;

    // Output.
    QSaveFile *saveFile = nullptr;
    QIODevice *sink = nullptr;
    std::unique_ptr<char[], decltype(&std::free)> out{nullptr, &std::free};   // OutCapacity bytes, page-aligned
    qsizetype outLen = 0;       // out[0, outLen) waits to be written
    qint64 unsyncedBytes = 0;   // written since the last write-back hint
    bool pendingCr = false;

    // Negotiation.
    bool askedOptions = false;
    int askedBlockSize = 0;
    int askedWindowSize = 0;
    int askedTimeoutS = 0;
    bool askedTsize = false;
    int blockSize = 0;          // 0 until negotiated
    int windowSize = 0;
    bool oackSeen = false;
    bool dataSeen = false;
    QByteArray request;

    // Transfer.
    quint16 expected = 1;
    quint16 lastAckSent = 0;
    bool ackSent = false;
    int inWindow = 0;
    bool gapAcked = false;
    int retries = 0;
    int rtoMs = InitialRtoMs;
    double srttMs = -1;
    double rttvarMs = 0;
    qint64 rttStartNs = -1;     // set when a fresh (not retransmitted) packet that expects an answer left

    // After success: the socket stays open a little ("dally", RFC 1350 section 6) to ACK the final DATA
    // again if the server repeats it because our final ACK was lost.
    bool dallying = false;
    quint16 dallyBlock = 0;

    // ---------------------------------------------------------------------------------------------
    void setState(State s)
    {
        if (state == s)
            return;
        state = s;
        emit q->stateChanged(s);
    }

    bool active() const { return state == Resolving || state == Requesting || state == Transferring; }

    QString endpointText() const { return displayEndpoint(serverAddress, port); }

    void reset()
    {
        error = NoError;
        errorString.clear();
        progress = Progress();
        serverAddress = QHostAddress();
        server = sockaddr_storage{};
        locked = false;
        lastProgressMs = -ProgressIntervalMs;
        rateMs = 0;
        rateBytes = 0;
        outLen = 0;
        unsyncedBytes = 0;
        pendingCr = false;
        askedOptions = false;
        askedBlockSize = askedWindowSize = askedTimeoutS = 0;
        askedTsize = false;
        blockSize = windowSize = 0;
        oackSeen = dataSeen = false;
        expected = 1;
        lastAckSent = 0;
        ackSent = false;
        inWindow = 0;
        gapAcked = false;
        retries = 0;
        rtoMs = opt.timeoutMs > 0 ? opt.timeoutMs : InitialRtoMs;
        srttMs = -1;
        rttvarMs = 0;
        rttStartNs = -1;
    }

    void closeSocket()
    {
        timer.stop();
        dallying = false;
        if (notifier) {
            notifier->setEnabled(false);
            delete notifier;
            notifier = nullptr;
        }
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
        if (lookupId >= 0) {
            QHostInfo::abortHostLookup(lookupId);
            lookupId = -1;
        }
    }

    void discardOutput()
    {
        if (saveFile) {
            saveFile->cancelWriting();
            delete saveFile;
            saveFile = nullptr;
        }
        sink = nullptr;
        outLen = 0;   // the buffer stays allocated: a write in progress may still read it
    }

    // ---------------------------------------------------------------------------------------------
    void traceEntry(bool outgoing, const QString &summary, bool retransmission = false, bool isError = false)
    {
        if (!trace)
            return;
        TraceEntry e;
        e.elapsedMs = clock.isValid() ? clock.elapsed() : 0;
        e.outgoing = outgoing;
        e.summary = summary;
        e.retransmission = retransmission;
        e.error = isError;
        emit q->packetTraced(e);
    }

    bool traceBlock(quint64 n) const { return trace && n <= TraceAllBlocks; }

    void emitProgress(bool force)
    {
        const qint64 now = clock.elapsed();
        if (!force && now - lastProgressMs < ProgressIntervalMs)
            return;
        progress.elapsedMs = now;
        const qint64 dt = now - rateMs;
        if (dt >= ProgressIntervalMs || progress.bytesPerSecond == 0) {
            if (dt > 0) {
                const double recent = double(progress.bytes - rateBytes) * 1000.0 / double(dt);
                progress.bytesPerSecond = progress.bytesPerSecond == 0 ? recent : 0.5 * progress.bytesPerSecond + 0.5 * recent;
            }
            rateMs = now;
            rateBytes = progress.bytes;
        }
        lastProgressMs = now;
        emit q->progressChanged(progress);
    }

    // ---------------------------------------------------------------------------------------------
    bool sendTo(const sockaddr_storage &to, const char *data, qsizetype size)
    {
        if (fd < 0)
            return false;
        for (int attempt = 0; attempt < 3; ++attempt) {
            const ssize_t n = ::sendto(fd, data, size_t(size), 0, reinterpret_cast<const sockaddr *>(&to), lengthOf(to));
            if (n >= 0)
                return true;
            if (errno == EINTR)
                continue;
            if (errno == ECONNREFUSED || errno == EHOSTUNREACH || errno == ENETUNREACH) {
                // An earlier ICMP error is reported here; the datagram itself was not sent: read it and retry.
                if (handleIcmp())
                    return false;
                continue;
            }
            qCDebug(lcTftp) << "sendto failed" << std::strerror(errno);
            return false;   // EAGAIN/ENOBUFS: the retransmission timer covers it
        }
        return false;
    }

    void sendAck(quint16 block, bool retransmission)
    {
        char ack[4];
        writeAck(ack, block);
        sendTo(server, ack, 4);
        lastAckSent = block;
        ackSent = true;
        if (retransmission) {
            rttStartNs = -1;   // Karn: no sample from a retransmitted packet
        } else {
            rttStartNs = clock.nsecsElapsed();
        }
        if (trace && (retransmission || progress.blocks <= TraceAllBlocks))
            traceEntry(true, QStringLiteral("ACK %1").arg(block), retransmission);
    }

    void sendErrorTo(const sockaddr_storage &to, quint16 code, const QByteArray &message)
    {
        const QByteArray bytes = Packet::error(code, message).serialize();
        sendTo(to, bytes.constData(), bytes.size());
        traceEntry(true, Packet::error(code, message).summary(), false, true);
    }

    // ---------------------------------------------------------------------------------------------
    // Ends the transfer. tftpCode >= 0: tell the server with an ERROR packet.
    void fail(Error e, const QString &text, int tftpCode = -1, const QByteArray &tftpMessage = {})
    {
        if (!active())
            return;
        if (tftpCode >= 0 && fd >= 0 && locked)
            sendErrorTo(server, quint16(tftpCode), tftpMessage);
        closeSocket();
        discardOutput();
        error = e;
        errorString = text;
        qCDebug(lcTftp) << "failed:" << text;
        if (clock.isValid())
            emitProgress(true);
        setState(Failed);
        emit q->finished(false);
    }

    // The final (short) block is in: write everything out, then ACK, then commit and report. The flush comes
    // before the ACK so that a write error is still told to the server (ERROR 3 instead of the ACK).
    void finishTransfer(quint16 block)
    {
        if (pendingCr) {
            out[outLen++] = '\r';
            pendingCr = false;
        }
        if (!flushOutput(true) || !active())
            return;   // fail() has sent ERROR 3 (or a slot ended the transfer during the write)
        QFileDevice *file = saveFile ? static_cast<QFileDevice *>(saveFile) : qobject_cast<QFileDevice *>(sink);
        if (file && !file->flush()) {
            const QString name = saveFile ? saveFile->fileName() : Client::tr("the output");
            fail(LocalFileError, Client::tr("Cannot write %1: %2").arg(name, file->errorString()), ErrDiskFull,
                 QByteArrayLiteral("Disk full or allocation exceeded"));
            return;
        }
        if (!active())
            return;
        if (trace && progress.blocks > TraceAllBlocks)
            traceEntry(true, QStringLiteral("ACK %1").arg(block));
        sendAck(block, false);
        if (!active())
            return;   // an ICMP report came in while sending (sendTo -> handleIcmp -> fail): already finished
        succeed(block);
    }

    void succeed(quint16 finalBlock)
    {
        if (!active())
            return;   // ended already (finished is emitted once)
        timer.stop();
        if (saveFile) {
            const bool ok = saveFile->commit();
            const QString name = saveFile->fileName();
            const QString why = saveFile->errorString();
            delete saveFile;
            saveFile = nullptr;
            if (!ok) {
                // The server has its last ACK already: no ERROR to send.
                closeSocket();
                error = LocalFileError;
                errorString = Client::tr("Cannot save %1: %2").arg(name, why);
                setState(Failed);
                emit q->finished(false);
                return;
            }
        }
        sink = nullptr;
        progress.total = progress.bytes;
        // Dally: keep the socket for a while to answer a repeated final block; finished() does not wait.
        dallying = fd >= 0;
        dallyBlock = finalBlock;
        if (dallying)
            startTimer(qMin(2 * rtoMs, MaxDallyMs));
        emitProgress(true);
        setState(Finished);
        emit q->finished(true);   // last: a slot may start another download or delete the client
    }

    void onDallyReadable()
    {
        char *buf = rx.data();
        int count = 0;
        while (dallying && fd >= 0 && count < ReadBudget) {
            sockaddr_storage from{};
            socklen_t len = sizeof from;
            const ssize_t n = ::recvfrom(fd, buf, size_t(rx.size()), MSG_DONTWAIT, reinterpret_cast<sockaddr *>(&from), &len);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                if (errno != EAGAIN && errno != EWOULDBLOCK) {
                    // An ICMP report (the server's port is closed): nobody is left to ACK.
                    drainIcmpErrors(fd);
                    closeSocket();
                    return;
                }
                if (count == 0 && !drainIcmpErrors(fd).isEmpty())
                    closeSocket();
                return;
            }
            ++count;
            quint16 block = 0;
            if (sameHost(from, server) && portOf(from) == portOf(server) && peekData(buf, qsizetype(n), &block)
                && block == dallyBlock) {
                // Our final ACK was lost: ACK again. Not counted in progress, which was final at finished().
                char ack[4];
                writeAck(ack, block);
                sendTo(server, ack, 4);
                traceEntry(true, QStringLiteral("ACK %1").arg(block), true);
            }
            // Anything else is ignored: the transfer is over.
        }
    }

    bool flushOutput(bool all = false)
    {
        if (outLen == 0)
            return true;
        QIODevice *dev = saveFile ? static_cast<QIODevice *>(saveFile) : sink;
        if (!dev) {
            outLen = 0;
            return true;
        }
        // Small blocks: whole pages only until the end, so that source and page cache line up (the buffer
        // is page-aligned). Big blocks: everything, so that the next one is received at the buffer's start.
        qsizetype len = outLen;
        if (!all && saveFile && blockSize < BigBlock)
            len &= ~(PageSize - 1);
        if (len == 0)
            return true;
        // A slot reached from a sink's write (e.g. cancel()) may end the transfer: discardOutput() only
        // resets outLen, so the buffer being written stays valid.
        const qint64 written = dev->write(out.get(), len);
        if (!active())
            return false;   // ended during the write (a sink is not deleted by discardOutput, a QSaveFile is)
        if (written != len) {
            const QString name = saveFile ? saveFile->fileName() : Client::tr("the output");
            fail(LocalFileError, Client::tr("Cannot write %1: %2").arg(name, dev->errorString()), ErrDiskFull,
                 QByteArrayLiteral("Disk full or allocation exceeded"));
            return false;
        }
        outLen -= len;
        if (outLen > 0)
            std::memmove(out.get(), out.get() + len, size_t(outLen));
#ifdef Q_OS_LINUX
        unsyncedBytes += written;
        if (saveFile && unsyncedBytes >= SyncInterval && saveFile->handle() >= 0) {
            // QSaveFile::commit() syncs the file to disk: start writing back every few MiB now, without
            // waiting, so that the final sync finds little left to do instead of the whole file.
            const qint64 end = saveFile->pos();
            ::sync_file_range(saveFile->handle(), end - unsyncedBytes, unsyncedBytes, SYNC_FILE_RANGE_WRITE);
            unsyncedBytes = 0;
        }
#endif
        return true;
    }

    void appendData(const char *p, qsizetype n)
    {
        if (opt.mode == ClientOptions::NetAscii) {
            // CR LF -> LF, CR NUL -> CR, also when the pair is split across two blocks.
            for (qsizetype i = 0; i < n; ++i) {
                const char c = p[i];
                if (pendingCr) {
                    pendingCr = false;
                    if (c == '\n') {
                        out[outLen++] = '\n';
                        continue;
                    }
                    out[outLen++] = '\r';
                    if (c == '\0')
                        continue;
                }
                if (c == '\r')
                    pendingCr = true;
                else
                    out[outLen++] = c;
            }
        } else {
            std::memcpy(out.get() + outLen, p, size_t(n));
            outLen += n;
        }
    }

    // ---------------------------------------------------------------------------------------------
    void updateRtt()
    {
        if (rttStartNs < 0)
            return;
        const double sample = double(clock.nsecsElapsed() - rttStartNs) / 1e6;
        rttStartNs = -1;
        if (opt.timeoutMs > 0)
            return;
        if (srttMs < 0) {
            srttMs = sample;
            rttvarMs = sample / 2;
        } else {
            rttvarMs = 0.75 * rttvarMs + 0.25 * std::abs(srttMs - sample);
            srttMs = 0.875 * srttMs + 0.125 * sample;
        }
        rtoMs = qBound(MinRtoMs, int(srttMs + qMax(1.0, 4 * rttvarMs)) + 1, MaxRtoMs);
    }

    void startTimer(int ms)
    {
        timer.start(ms);
        timerDueNs = clock.nsecsElapsed() + qint64(ms) * 1000000;
    }

    // Activity: the retransmission timeout counts from now. The running timer is left alone (restarting it
    // on every block costs time) unless it would fire later than a timeout from now: after the first
    // request's 1 s or a backed-off retransmission, when the measured round trip brings the timeout down,
    // a loss must still be noticed one timeout after it, not when the old timer runs out.
    void armTimer()
    {
        lastActivityNs = clock.nsecsElapsed();
        if (!timer.isActive() || timerDueNs > lastActivityNs + qint64(rtoMs) * 1000000)
            startTimer(rtoMs);
    }

    void onTimer()
    {
        if (dallying) {
            closeSocket();   // the dally is over
            return;
        }
        if (state != Requesting && state != Transferring)
            return;
        const qint64 idleMs = (clock.nsecsElapsed() - lastActivityNs) / 1000000;
        if (idleMs < rtoMs) {
            startTimer(int(rtoMs - idleMs));
            return;
        }
        if (++retries > opt.retries) {
            const QString text = state == Requesting
                ? Client::tr("No answer from the TFTP server at %1: timed out (retries: %n).", nullptr, opt.retries)
                      .arg(endpointText())
                : Client::tr("The transfer timed out: the server at %1 stopped sending (retries: %n).", nullptr,
                             opt.retries).arg(endpointText());
            fail(TimeoutError, text, ErrNotDefined, QByteArrayLiteral("Timed out"));
            return;
        }
        if (opt.timeoutMs <= 0)
            rtoMs = qMin(rtoMs * 2, MaxRtoMs);
        progress.retransmissions++;
        if (state == Requesting) {
            sendTo(server, request.constData(), request.size());
            rttStartNs = -1;
            traceEntry(true, QStringLiteral("RRQ ") + remoteFile, true);
        } else {
            // The last in-order block: the server (re)starts its window right after it.
            inWindow = 0;
            sendAck(quint16(expected - 1), true);
        }
        lastActivityNs = clock.nsecsElapsed();
        startTimer(rtoMs);
        emitProgress(true);
    }

    // ---------------------------------------------------------------------------------------------
    // Reads ICMP reports; true when the transfer failed because of one.
    bool handleIcmp()
    {
        if (fd < 0)
            return false;
        const QList<IcmpError> errors = drainIcmpErrors(fd);
        for (const IcmpError &e : errors) {
            if (!e.portUnreachable)
                continue;
            const bool toServer = e.destination.isEqual(serverAddress, QHostAddress::TolerantConversion)
                && e.port == portOf(server);
            if (!toServer)
                continue;   // e.g. an ERROR 5 to a stranger that has gone
            if (!locked) {
                fail(NoServerError, Client::tr("No TFTP server at %1: nothing listens on that port.").arg(endpointText()));
            } else {
                fail(NoServerError, Client::tr("The TFTP server at %1 went away during the transfer (its port %2 is "
                                               "closed).").arg(endpointText()).arg(portOf(server)));
            }
            return true;
        }
        return false;
    }

    void onReadable()
    {
        if (fd < 0)
            return;
        if (dallying) {
            onDallyReadable();
            return;
        }
        const QPointer<Client> alive(q);   // a slot connected to finished() may delete the client
        // Each datagram's 4-byte header lands in hdrs[i], the rest in a slot right behind the pending output.
        // One slot (lock-step, and before the options are settled) takes all the room; in a window, up to a
        // window of datagrams come in one recvmmsg, each in a slot of blksize bytes, so that consecutive
        // full blocks land exactly where they belong.
        mmsghdr msgs[MaxBatch];
        iovec iovs[MaxBatch][2];
        char hdrs[MaxBatch][4];
        sockaddr_storage froms[MaxBatch];
        int count = 0;
        bool more = true;
        while (more && count < ReadBudget) {
            if (outLen >= OutLimit || (outLen > 0 && blockSize >= BigBlock)) {
                flushOutput();
                if (!alive || fd < 0 || !active())
                    return;
            }
            const bool batch = windowSize > 1 && blockSize >= DefaultBlockSize && blockSize < BigBlock && locked
                && opt.mode == ClientOptions::Octet;
            const qsizetype room = OutCapacity - outLen;
            const qsizetype slotSize = batch ? qsizetype(blockSize) : room;
            const int nSlots = batch ? int(qMin<qsizetype>(qMin(qMin(MaxBatch, windowSize), ReadBudget - count),
                                                          room / slotSize))
                                    : 1;
            char *base = out.get() + outLen;
            for (int i = 0; i < nSlots; ++i) {
                iovs[i][0].iov_base = hdrs[i];
                iovs[i][0].iov_len = sizeof hdrs[i];
                iovs[i][1].iov_base = base + i * slotSize;
                iovs[i][1].iov_len = size_t(slotSize);
                msgs[i] = mmsghdr{};
                msgs[i].msg_hdr.msg_name = &froms[i];
                msgs[i].msg_hdr.msg_namelen = sizeof froms[i];
                msgs[i].msg_hdr.msg_iov = iovs[i];
                msgs[i].msg_hdr.msg_iovlen = 2;
            }
            // MSG_TRUNC: the real length of a datagram bigger than its slot (a block over blksize).
            int got = 0;
            if (nSlots == 1) {
                const ssize_t n = ::recvmsg(fd, &msgs[0].msg_hdr, MSG_DONTWAIT | MSG_TRUNC);
                got = n < 0 ? -1 : 1;
                msgs[0].msg_len = n < 0 ? 0 : unsigned(n);
            } else {
                got = ::recvmmsg(fd, msgs, unsigned(nSlots), MSG_DONTWAIT | MSG_TRUNC, nullptr);
            }
            if (got < 0) {
                if (errno == EINTR)
                    continue;
                if (errno == EAGAIN || errno == EWOULDBLOCK)
                    break;   // drained (an ICMP report would have come as an error; see count == 0 below)
                if (handleIcmp() || fd < 0)
                    return;   // e.g. ECONNREFUSED: the error queue holds the ICMP report
                continue;
            }
            count += got;
            more = got == nSlots;   // fewer: the queue is empty for now
            for (int i = 0; i < got; ++i) {
                const quint16 before = expected;
                handleDatagram(froms[i], hdrs[i], base + i * slotSize, qsizetype(msgs[i].msg_len), slotSize);
                if (!alive || fd < 0 || !active())
                    return;   // deleted by a slot (touch nothing), or finished, failed or dallying
                if (windowSize == 1 && expected != before)
                    more = false;   // lock-step: the next block cannot be there before our ACK (poll says)
            }
        }
        if (count == 0)
            handleIcmp();   // a wake-up without data: the error queue keeps the socket readable until read
        // The ACKs are out: write while the server sends.
        if (outLen >= FlushThreshold) {
            flushOutput();
            if (!alive || fd < 0 || !active())
                return;
        }
        if (state == Transferring)
            emitProgress(false);
    }

    // One received datagram of n bytes: its header in hdr, the rest at payload (room bytes there at most,
    // right behind the pending output or in a batch slot). Octet DATA from the server is handled in place;
    // anything else is put back together in rx first.
    void handleDatagram(const sockaddr_storage &from, const char *hdr, char *payload, qsizetype n, qsizetype room)
    {
        const qsizetype kept = qMin(n, 4 + room);   // a longer datagram was cut at its slot
        const auto whole = [&] {
            char *buf = rx.data();
            std::memcpy(buf, hdr, size_t(qMin<qsizetype>(kept, 4)));
            if (kept > 4)
                std::memcpy(buf + 4, payload, size_t(kept - 4));
            return buf;
        };
        if (!sameHost(from, server)) {
            stranger(from, whole(), kept);
            return;
        }
        if (!locked) {
            setPort(&server, portOf(from));
            locked = true;
        } else if (portOf(from) != portOf(server)) {
            stranger(from, whole(), kept);
            return;
        }
        quint16 block = 0;
        if (peekData(hdr, n, &block)) {
            if (opt.mode != ClientOptions::Octet) {
                onData(block, whole() + 4, kept - 4);   // netascii output can run ahead of its input
                return;
            }
            const qsizetype size = n - 4;
            // In a batch, a block after a duplicate or a stray packet sits one slot too far: move it down.
            if (block == expected && size <= room && payload != out.get() + outLen)
                std::memmove(out.get() + outLen, payload, size_t(size));
            onData(block, nullptr, size);
            return;
        }
        handlePacket(whole(), kept);
    }

    // A packet from the server's port that is not DATA.
    void handlePacket(const char *buf, qsizetype n)
    {
        const ParseResult r = parse(QByteArrayView(buf, n));
        switch (r.packet.opcode) {
        case Opcode::Error:
            if (r.error == ParseError::TooShort) {
                // Still an ERROR: it ends the transfer, and an ERROR is never answered (no tftpCode).
                traceEntry(false, r.errorString, false, true);
                fail(ProtocolError,
                     Client::tr("The server ended the transfer with a truncated ERROR packet (%n bytes, no error code).",
                                nullptr, int(n)));
                return;
            }
            traceEntry(false, r.packet.summary(), false, true);
            serverError(r.packet.errorCode, r.packet.errorMessage);
            return;
        case Opcode::Oack:
            traceEntry(false, r.packet.summary());
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
        traceEntry(false, r.ok() ? r.packet.summary() : r.errorString, false, true);
        fail(ProtocolError, Client::tr("The server sent %1.").arg(what), ErrIllegalOperation,
             QByteArrayLiteral("Illegal TFTP operation"));
    }

    void stranger(const sockaddr_storage &from, const char *buf, qsizetype n)
    {
        // RFC 1350: answer ERROR 5 to the stranger, change nothing. Never answer an ERROR (no loops).
        if (n >= 2 && buf[0] == 0 && buf[1] == 5)
            return;
        if (trace) {
            QHostAddress a(reinterpret_cast<const sockaddr *>(&from));
            traceEntry(false, Client::tr("%1 bytes from unknown port %2").arg(n).arg(displayEndpoint(a, portOf(from))),
                       false, true);
        }
        sendErrorTo(from, ErrUnknownTransferId, QByteArrayLiteral("Unknown transfer ID"));
    }

    void serverError(quint16 code, const QByteArray &message)
    {
        const QString said = QString::fromUtf8(message).trimmed();
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

    void onOack(const Packet &p)
    {
        if (!askedOptions) {
            fail(OptionRefusedError, Client::tr("The server answered with options that were not asked for (TFTP error 8)."),
                 ErrOptionRefused, QByteArrayLiteral("No options were requested"));
            return;
        }
        if (dataSeen)
            return;   // a late duplicate: the transfer has moved on
        if (oackSeen) {
            // Our ACK 0 was lost and the server repeats its OACK: ACK 0 again (atftp aborts here). Not activity:
            // the idle clock keeps running, so that a server that never hears our ACK 0 still times out.
            sendAck(0, true);
            progress.retransmissions++;
            if (!timer.isActive())
                startTimer(rtoMs);
            return;
        }
        int blk = DefaultBlockSize;
        int win = 1;
        for (const Option &o : p.options) {
            const qint64 v = parseOptionValue(o.name, o.value);
            bool asked = false;
            qint64 limit = -1;
            if (o.name == "blksize") {
                asked = askedBlockSize > 0;
                limit = askedBlockSize;
                blk = int(v);
            } else if (o.name == "windowsize") {
                asked = askedWindowSize > 0;
                limit = askedWindowSize;
                win = int(v);
            } else if (o.name == "timeout") {
                asked = askedTimeoutS > 0;
                limit = askedTimeoutS;
            } else if (o.name == "tsize") {
                asked = askedTsize;
                if (asked)
                    progress.total = v;
            }
            const QString name = QString::fromLatin1(o.name);
            if (!asked) {
                fail(OptionRefusedError,
                     Client::tr("The server answered with the option \"%1\", which was not asked for (TFTP error 8).")
                         .arg(name),
                     ErrOptionRefused, QByteArrayLiteral("Option not requested: ") + o.name);
                return;
            }
            if (limit >= 0 && v > limit) {
                fail(OptionRefusedError,
                     Client::tr("The server chose %1 = %2, more than the %3 asked for (TFTP error 8).")
                         .arg(name, QString::fromLatin1(o.value)).arg(limit),
                     ErrOptionRefused, QByteArrayLiteral("Option value larger than requested: ") + o.name);
                return;
            }
        }
        oackSeen = true;
        blockSize = blk;
        windowSize = win;
        updateRtt();
        retries = 0;
        setState(Transferring);
        sendAck(0, false);
        armTimer();
        emitProgress(true);
    }

    // payload nullptr: the payload was received in place, at out + outLen.
    void onData(quint16 block, const char *payload, qsizetype size)
    {
        if (!dataSeen) {
            if (!oackSeen) {
                // No OACK: an RFC 1350 server (or one that ignores options). 512-byte lock-step.
                blockSize = DefaultBlockSize;
                windowSize = 1;
                setState(Transferring);
            }
            dataSeen = true;
        }
        if (size > blockSize) {
            if (trace)
                traceEntry(false, QStringLiteral("DATA %1 (%2 bytes)").arg(block).arg(size), false, true);
            fail(ProtocolError,
                 Client::tr("The server sent block %1 with %2 bytes, more than the block size %3.")
                     .arg(block).arg(size).arg(blockSize),
                 ErrIllegalOperation, QByteArrayLiteral("Block larger than blksize"));
            return;
        }
        if (block == expected) {
            updateRtt();
            retries = 0;
            gapAcked = false;
            progress.blocks++;
            progress.bytes += size;
            if (progress.total >= 0 && progress.bytes > progress.total)
                progress.total = -1;   // tsize was wrong: unknown from now on
            const bool last = size < blockSize;
            if (trace && (progress.blocks <= TraceAllBlocks || last))
                traceEntry(false, QStringLiteral("DATA %1 (%2 bytes)").arg(block).arg(size));
            if (payload)
                appendData(payload, size);
            else
                outLen += size;   // received in place
            expected = quint16(block + 1);
            if (last) {
                finishTransfer(block);
                return;
            }
            if (++inWindow >= windowSize) {
                inWindow = 0;
                sendAck(block, false);
            }
            armTimer();
            return;
        }
        const quint16 ahead = quint16(block - expected);
        if (ahead < 0x8000) {
            // A gap: blocks were lost or reordered. ACK the last in-order block at once, once per gap, so
            // that the sender restarts from there (RFC 7440).
            if (trace)
                traceEntry(false, QStringLiteral("DATA %1 (%2 bytes), expected %3").arg(block).arg(size).arg(expected),
                           false, true);
            if (!gapAcked) {
                gapAcked = true;
                inWindow = 0;
                progress.retransmissions++;
                sendAck(quint16(expected - 1), true);
            }
            return;
        }
        // A duplicate. Only one of the block we acknowledged last is answered (our ACK may be lost); never
        // retransmit anything else because of a duplicate (Sorcerer's Apprentice).
        if (trace)
            traceEntry(false, QStringLiteral("DATA %1 (%2 bytes), duplicate").arg(block).arg(size), true);
        if (ackSent && block == lastAckSent && block == quint16(expected - 1)) {
            progress.retransmissions++;   // counted like a gap ACK or a repeated ACK 0
            sendAck(block, true);
        }
    }

    // ---------------------------------------------------------------------------------------------
    int autoBlockSize() const
    {
        int mtu = 0;
        const bool v6 = server.ss_family == AF_INET6;
        const int s = ::socket(server.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (s >= 0) {
            // connect() on UDP sends nothing: it only picks the route, whose MTU IP_MTU reports.
            if (::connect(s, reinterpret_cast<const sockaddr *>(&server), lengthOf(server)) == 0) {
                int value = 0;
                socklen_t len = sizeof value;
#ifdef IP_MTU
                if (!v6 && ::getsockopt(s, IPPROTO_IP, IP_MTU, &value, &len) == 0)
                    mtu = value;
#endif
#ifdef IPV6_MTU
                if (v6 && ::getsockopt(s, IPPROTO_IPV6, IPV6_MTU, &value, &len) == 0)
                    mtu = value;
#endif
                if (mtu <= 0) {
                    sockaddr_storage local{};
                    socklen_t llen = sizeof local;
                    if (::getsockname(s, reinterpret_cast<sockaddr *>(&local), &llen) == 0) {
                        const QHostAddress la(reinterpret_cast<const sockaddr *>(&local));
                        const auto ifaces = QNetworkInterface::allInterfaces();
                        for (const QNetworkInterface &i : ifaces) {
                            for (const QNetworkAddressEntry &e : i.addressEntries()) {
                                if (e.ip().isEqual(la, QHostAddress::TolerantConversion))
                                    mtu = i.maximumTransmissionUnit();
                            }
                        }
                    }
                }
            }
            ::close(s);
        }
        if (mtu <= 0)
            mtu = serverAddress.isLoopback() ? 65536 : 1500;
        const int blk = mtu - (v6 ? 40 : 20) - 8 - 4;
        return qBound(DefaultBlockSize, blk, MaxBlockSize);
    }

    // Returns the effective receive buffer (bytes, as SO_RCVBUF reports it), 0 if unknown.
    int sizeReceiveBuffer(int blk, int window)
    {
        // Room for a whole window of full datagrams, with the kernel's per-datagram overhead.
        const qint64 want = qMin<qint64>(qint64(window) * receiveBufferPerDatagram(blk), MaxReceiveBuffer);
        int current = 0;
        socklen_t len = sizeof current;
        if (::getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &current, &len) != 0)
            return 0;
        if (current >= want)
            return current;
        const int half = int(want / 2);   // the kernel doubles what it is given
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &half, sizeof half);
        len = sizeof current;
        ::getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &current, &len);
#ifdef SO_RCVBUFFORCE
        if (current < want && ::geteuid() == 0) {
            // Capped by net.core.rmem_max: root (CAP_NET_ADMIN) may go past it.
            ::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &half, sizeof half);
            len = sizeof current;
            ::getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &current, &len);
        }
#endif
        qCDebug(lcTftp) << "receive buffer" << current << "for" << want;
        return current;
    }

    // ---------------------------------------------------------------------------------------------
    void startRequest()
    {
        if (!toSockaddr(serverAddress, port, &server)) {
            fail(HostNotFoundError, Client::tr("\"%1\" is not a usable address.").arg(host));
            return;
        }
        fd = ::socket(server.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            fail(LocalFileError, Client::tr("Cannot open a UDP socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
            return;
        }
        sockaddr_storage local{};
        local.ss_family = server.ss_family;
        if (::bind(fd, reinterpret_cast<const sockaddr *>(&local), lengthOf(local)) != 0) {
            fail(LocalFileError, Client::tr("Cannot open a UDP socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
            return;
        }
        enableIcmpErrors(fd);

        QList<Option> options;
        int buffer = 0;
        if (!opt.rfc1350Only) {
            askedBlockSize = opt.blockSize > 0 ? qBound(MinBlockSize, opt.blockSize, MaxBlockSize) : autoBlockSize();
            if (opt.windowSize > 1) {
                askedWindowSize = qMin(opt.windowSize, MaxClientWindowSize);
                // A window the receive buffer cannot hold (net.core.rmem_max caps it for non-root users) would
                // overflow on every burst: ask only for what fits.
                const int blk = qMax(askedBlockSize, DefaultBlockSize);
                buffer = sizeReceiveBuffer(blk, askedWindowSize);
                if (buffer > 0) {
                    const int fits = Client::windowForReceiveBuffer(buffer, blk, askedWindowSize);
                    if (fits < askedWindowSize)
                        qCDebug(lcTftp) << "windowsize" << askedWindowSize << "lowered to" << fits
                                        << "for a receive buffer of" << buffer;
                    askedWindowSize = fits > 1 ? fits : 0;   // 1 is lock-step: not asked for at all
                }
            }
            options.append(Option{"blksize", QByteArray::number(askedBlockSize)});
            if (opt.requestTsize) {
                askedTsize = true;
                options.append(Option{"tsize", "0"});
            }
            if (opt.timeoutMs > 0) {
                askedTimeoutS = qBound(MinTimeoutSeconds, (opt.timeoutMs + 999) / 1000, MaxTimeoutSeconds);
                options.append(Option{"timeout", QByteArray::number(askedTimeoutS)});
            }
            if (askedWindowSize > 1)
                options.append(Option{"windowsize", QByteArray::number(askedWindowSize)});
            askedOptions = true;
        }
        if (buffer == 0)
            sizeReceiveBuffer(qMax(askedBlockSize, DefaultBlockSize), qMax(askedWindowSize, 1));
        if (rx.size() < RxBufferSize)
            rx.resize(RxBufferSize);
        if (!out) {
            // Page-aligned: where a received block lands changes the copy's speed a lot (measured: a buffer at
            // a 16-byte offset took 1.5x as long for blksize 65464 as one at a 64-byte boundary).
            out.reset(static_cast<char *>(std::aligned_alloc(PageSize, size_t(OutCapacity))));
            Q_CHECK_PTR(out.get());
        }

        notifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, q);
        QObject::connect(notifier, &QSocketNotifier::activated, q, [this] { onReadable(); });

        const Packet rrq = Packet::rrq(remoteFile.toUtf8(),
                                       opt.mode == ClientOptions::NetAscii ? QByteArray("netascii") : QByteArray("octet"),
                                       options);
        request = rrq.serialize();
        setState(Requesting);
        traceEntry(true, rrq.summary());
        sendTo(server, request.constData(), request.size());
        if (fd < 0)
            return;   // ICMP already known
        rttStartNs = clock.nsecsElapsed();
        armTimer();
    }

    void resolved(const QHostInfo &info)
    {
        lookupId = -1;
        if (state != Resolving)
            return;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            fail(HostNotFoundError, Client::tr("Cannot find the host \"%1\": %2").arg(host, info.errorString()));
            return;
        }
        serverAddress = info.addresses().constFirst();
        for (const QHostAddress &a : info.addresses()) {
            if (a.protocol() == QAbstractSocket::IPv4Protocol) {
                serverAddress = a;
                break;
            }
        }
        startRequest();
    }

    bool begin(const QString &h, quint16 p, const QString &file)
    {
        if (active()) {
            errorString = Client::tr("A download is already running.");
            return false;
        }
        closeSocket();   // the previous download's dally, if any
        reset();
        QString name = h.trimmed();
        if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
            name = name.mid(1, name.size() - 2);
        if (name.isEmpty()) {
            error = HostNotFoundError;
            errorString = Client::tr("Enter the address or name of the TFTP server.");
            return false;
        }
        if (p == 0) {
            error = HostNotFoundError;
            errorString = Client::tr("Port 0 cannot be a destination: TFTP servers listen on port 69.");
            return false;
        }
        if (file.isEmpty()) {
            error = FileNotFoundError;
            errorString = Client::tr("Enter the name of the file to download.");
            return false;
        }
        if (file.toUtf8().contains('\0')) {
            error = FileNotFoundError;
            errorString = Client::tr("The file name contains a NUL character.");
            return false;
        }
        host = name;
        port = p;
        remoteFile = file;
        return true;
    }

    void go()
    {
        clock.start();
        QHostAddress a;
        if (a.setAddress(host)) {
            serverAddress = a;
            setState(Requesting);
            // Start from the event loop, so that the caller can connect signals after download() returns
            // and an immediate failure is reported like any other.
            QTimer::singleShot(0, q, [this] {
                if (state == Requesting && fd < 0)
                    startRequest();
            });
            return;
        }
        setState(Resolving);
        lookupId = QHostInfo::lookupHost(host, q, [this](const QHostInfo &info) { resolved(info); });
    }
};

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
}

Client::~Client()
{
    if (d->active() && d->fd >= 0 && d->locked)
        d->sendErrorTo(d->server, ErrNotDefined, QByteArrayLiteral("cancelled"));
    d->closeSocket();
    d->discardOutput();
    delete d;
}

int Client::windowForReceiveBuffer(qint64 receiveBufferBytes, int blockSize, int windowSize)
{
    if (windowSize <= 1)
        return windowSize;
    const qint64 fits = receiveBufferBytes / receiveBufferPerDatagram(qMax(blockSize, MinBlockSize));
    return int(qBound(qint64(1), fits, qint64(windowSize)));
}

void Client::setOptions(const ClientOptions &options)
{
    d->opt = options;
    d->opt.retries = qMax(0, d->opt.retries);
    d->opt.timeoutMs = qMax(0, d->opt.timeoutMs);
    d->opt.windowSize = qBound(0, d->opt.windowSize, MaxClientWindowSize);
    if (d->opt.blockSize != 0)
        d->opt.blockSize = qBound(MinBlockSize, d->opt.blockSize, MaxBlockSize);
}

ClientOptions Client::options() const
{
    return d->opt;
}

bool Client::download(const QString &host, quint16 port, const QString &remoteFile, const QString &localPath)
{
    if (!d->begin(host, port, remoteFile))
        return false;
    if (localPath.isEmpty()) {
        d->error = LocalFileError;
        d->errorString = tr("Choose where to save the file.");
        return false;
    }
    auto *file = new QSaveFile(localPath);
    // Unbuffered: the client collects the payload itself and writes large pieces.
    if (!file->open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        d->error = LocalFileError;
        d->errorString = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(localPath), file->errorString());
        delete file;
        return false;
    }
    d->saveFile = file;
    d->sink = nullptr;
    d->go();
    return true;
}

bool Client::download(const QString &host, quint16 port, const QString &remoteFile, QIODevice *sink)
{
    if (!d->begin(host, port, remoteFile))
        return false;
    if (!sink || !sink->isWritable()) {
        d->error = LocalFileError;
        d->errorString = tr("The output is not open for writing.");
        return false;
    }
    d->saveFile = nullptr;
    d->sink = sink;
    d->go();
    return true;
}

void Client::cancel()
{
    d->fail(CancelledError, tr("The transfer was cancelled."), ErrNotDefined, QByteArrayLiteral("cancelled"));
}

Client::State Client::state() const
{
    return d->state;
}

Client::Error Client::error() const
{
    return d->error;
}

QString Client::errorString() const
{
    return d->errorString;
}

Progress Client::progress() const
{
    Progress p = d->progress;
    if (d->clock.isValid() && d->active())
        p.elapsedMs = d->clock.elapsed();
    return p;
}

int Client::negotiatedBlockSize() const
{
    return d->blockSize;
}

int Client::negotiatedWindowSize() const
{
    return d->windowSize;
}

void Client::setTraceEnabled(bool on)
{
    d->trace = on;
}

} // namespace NetPoke::Tftp
