#include "tftpclient_p.h"

#include "hostport.h"

#include <QPointer>

#include <cstring>

namespace NetPoke::Tftp {

// last: the final ACK, always traced.
void Client::Private::sendAck(quint16 block, bool retransmission, bool last)
{
    char ack[4];
    writeAck(ack, block);
    send(t.server, ack, 4);
    t.window.acknowledged(block);
    if (retransmission)
        t.rtt.cancel();   // Karn: no sample from a retransmitted packet
    else
        t.rtt.start(clock.nsecsElapsed());
    if (trace.wants(blocks(), retransmission || last))
        trace.add(Trace::Outgoing | (retransmission ? Trace::Retransmission : 0), ackSummary(block), blocks(),
                  QByteArrayView(ack, 4));
}

// Activity: the retransmission timeout counts from now. The running timer is left alone (restarting it
// on every block costs time) unless it would fire later than a timeout from now: after the first
// request's 1 s or a backed-off retransmission, when the measured round trip brings the timeout down,
// a loss must still be noticed one timeout after it, not when the old timer runs out.
void Client::Private::armTimer()
{
    t.lastActivityNs = clock.nsecsElapsed();
    if (!timer.isActive() || t.timerDueNs > t.lastActivityNs + qint64(t.rtt.rtoMs()) * 1000000)
        startTimer(t.rtt.rtoMs());
}

// One wake-up: up to ReadBudget datagrams, each handled as it comes (ACKs go out at once), then what they
// brought is written while the server sends on. Each datagram's 4-byte header lands in the batch, the rest
// in a slot right behind the sink's pending output. One slot (lock-step, and before the options are
// settled) takes all the room; in a window, up to a window of datagrams come in one recvmmsg, each in a
// slot of blksize bytes, so that consecutive full blocks land exactly where they belong.
void Client::Private::onReadable()
{
    if (!socket.isOpen())
        return;
    if (phase == Phase::Dallying) {
        onDallyReadable();
        return;
    }
    const QPointer<Client> alive(q);   // a slot connected to finished() may delete the client
    const bool retried = t.retried;
    int count = 0;
    bool more = true;
    while (more && count < ReadBudget) {
        if (sink.flushBeforeRead()) {
            flushOutput();
            if (!alive || !running())
                return;
        }
        const int blk = t.agreed.blockSize;
        const int win = t.agreed.windowSize;
        const bool batched = win > 1 && blk >= DefaultBlockSize && blk < Sink::BigBlock && t.locked
            && t.options.mode == ClientOptions::Octet;
        const qsizetype room = sink.room();
        const qsizetype slotSize = batched ? qsizetype(blk) : room;
        const int nSlots = batched ? int(qMin<qsizetype>(qMin(qMin(Socket::MaxBatch, win), ReadBudget - count),
                                                        room / slotSize))
                                  : 1;
        char *base = sink.tail();
        const int got = socket.receive(&batch, base, slotSize, nSlots);
        if (got <= 0)
            break;   // drained; ICMP reports are read by the engine and come through handleIcmp()
        count += got;
        more = got == nSlots;   // fewer: the queue is empty for now
        for (int i = 0; i < got; ++i) {
            const quint16 before = t.window.expected();
            handleDatagram(i, base + i * slotSize, slotSize);
            if (!alive || !running() || t.retried != retried)
                return;   // deleted by a slot (touch nothing), ended, dallying, or a new request is out
            if (t.agreed.windowSize == 1 && t.window.expected() != before)
                more = false;   // lock-step: the next block cannot be there before our ACK (poll says)
        }
    }
    // The ACKs are out: write while the server sends.
    if (sink.flushAfterRead()) {
        flushOutput();
        if (!alive || !running())
            return;
    }
    if (phase == Phase::Negotiated || phase == Phase::Receiving)
        emitProgress(false);
}

void Client::Private::onDallyReadable()
{
    for (int count = 0; phase == Phase::Dallying && socket.isOpen() && count < ReadBudget; ++count) {
        const int got = socket.receive(&batch, rx.data(), rx.size(), 1);
        if (got < 0) {
            closeSocket();
            return;
        }
        if (got == 0)
            return;   // an ICMP report (the server's port is closed) comes through handleIcmp()
        quint16 block = 0;
        if (batch.from(0) == t.server && peekData(batch.header(0), batch.size(0), &block) && block == t.dallyBlock) {
            // Our final ACK was lost: ACK again. Not counted in progress, which was final at finished().
            char ack[4];
            writeAck(ack, block);
            send(t.server, ack, 4);
            trace.add(Trace::Outgoing | Trace::Retransmission, ackSummary(block), blocks(), QByteArrayView(ack, 4));
        }
        // Anything else is ignored: the transfer is over.
    }
}

// Datagram i of the batch: its payload at payload (room bytes there at most, right behind the pending
// output or in a batch slot). Octet DATA from the server is handled in place; anything else is put back
// together in rx first.
void Client::Private::handleDatagram(int i, char *payload, qsizetype room)
{
    const char *hdr = batch.header(i);
    const qsizetype n = batch.size(i);
    if (!acceptTid(batch.from(i), hdr, n))
        return;
    quint16 block = 0;
    qsizetype kept = 0;
    if (peekData(hdr, n, &block)) {
        if (t.options.mode != ClientOptions::Octet) {
            const char *whole = reassemble(i, payload, room, &kept);
            onData(block, whole + 4, kept - 4);   // netascii output can run ahead of its input
            return;
        }
        const qsizetype size = n - 4;
        // In a batch, a block after a duplicate or a stray packet sits one slot too far: move it down.
        if (block == t.window.expected() && size <= room && payload != sink.tail())
            std::memmove(sink.tail(), payload, size_t(size));
        onData(block, nullptr, size);
        return;
    }
    const char *whole = reassemble(i, payload, room, &kept);
    handlePacket(whole, kept);
}

// payload nullptr: the payload was received in place, at the sink's tail.
void Client::Private::onData(quint16 block, const char *payload, qsizetype size)
{
    if (phase != Phase::Receiving) {
        if (phase == Phase::Requesting) {
            // No OACK: an RFC 1350 server (or one that ignores options). 512-byte lock-step.
            t.agreed = NegotiatedOptions();
            sink.setBlockSize(t.agreed.blockSize);
            t.window.setWindowSize(1);
        }
        setPhase(Phase::Receiving);
    }
    const int blockSize = t.agreed.blockSize;
    if (size > blockSize) {
        trace.add(Trace::Error, dataSummary(block, size), blocks(), Trace::dataPacket(block, payload, size), 4 + size);
        fail(ProtocolError,
             Client::tr("The server sent block %1 with %2 bytes, more than the block size %3.")
                 .arg(block).arg(size).arg(blockSize),
             ErrIllegalOperation, QByteArrayLiteral("Block larger than blksize"));
        return;
    }
    switch (t.window.classify(block)) {
    case ReceiveWindow::Block::Next: {
        if (t.rtt.isTiming())
            t.rtt.stop(clock.nsecsElapsed());
        t.retries = 0;
        Progress &p = t.progress;
        p.blocks++;
        const bool last = size < blockSize;
        if (trace.wants(p.blocks, last))
            trace.add(Trace::InOrderData, dataSummary(block, size), p.blocks,
                      Trace::dataPacket(block, payload ? payload : sink.tail(), size), 4 + size);
        if (payload)
            sink.append(payload, size);
        else
            sink.receivedInPlace(size);
        p.bytes = sink.received();   // the file's bytes (netascii: decoded); the trace keeps the wire's
        if (pastLimit())
            return;   // not acknowledged: ERROR sent, nothing of the block written
        const bool ackNow = t.window.accept();
        if (last) {
            finishTransfer(block);
            return;
        }
        if (ackNow)
            sendAck(block, false);
        armTimer();
        return;
    }
    case ReceiveWindow::Block::Gap:
        // Blocks were lost or reordered: the window says when to ACK the last in-order block again.
        if (trace.isEnabled())
            trace.add(Trace::Error, dataSummary(block, size) + Client::tr(", expected %1").arg(t.window.expected()),
                      blocks(), Trace::dataPacket(block, payload, size), 4 + size);
        if (t.window.gap()) {
            t.progress.retransmissions++;
            sendAck(t.window.lastInOrder(), true);
        }
        return;
    case ReceiveWindow::Block::Duplicate:
        if (trace.isEnabled())
            trace.add(Trace::Retransmission, dataSummary(block, size) + Client::tr(", duplicate"), blocks(),
                      Trace::dataPacket(block, payload, size), 4 + size);
        if (t.window.duplicateNeedsAck(block)) {
            t.progress.retransmissions++;   // counted like a gap ACK or a repeated ACK 0
            sendAck(block, true);
        }
        return;
    }
}

// The file has grown past the tsize the server announced, or past the size limit: the transfer ends (ERROR
// to the server, the file discarded). netascii counts the decoded bytes, which an honest tsize -- the wire
// size or the server's file size -- is never below. True when the transfer failed.
bool Client::Private::pastLimit()
{
    const qint64 bytes = t.progress.bytes;
    const qint64 tsize = t.agreed.tsize;
    if (tsize > 0 && bytes > tsize) {
        fail(ProtocolError, Client::tr("The server sent more than the %L1 bytes it announced (tsize).").arg(tsize),
             ErrIllegalOperation, QByteArrayLiteral("More data than the announced tsize"));
        return true;
    }
    const qint64 cap = t.options.maxSize;
    if (cap > 0 && bytes > cap) {
        fail(SizeLimitError,
             Client::tr("The file is larger than the size limit of %L1 bytes: the download was stopped.").arg(cap),
             ErrDiskFull, QByteArrayLiteral("File too large"));
        return true;
    }
    return false;
}

// -------------------------------------------------------------------------------------------------

void Client::Private::failWrite()
{
    const QString name = sink.fileName().isEmpty() ? Client::tr("the output") : sink.fileName();
    fail(LocalFileError, Client::tr("Cannot write %1: %2").arg(name, sink.errorString()), ErrDiskFull,
         QByteArrayLiteral("Disk full or allocation exceeded"));
}

bool Client::Private::flushOutput(bool all)
{
    if (sink.write(all))
        return true;
    if (active())
        failWrite();   // else: the transfer ended during the write
    return false;
}

// The final (short) block is in: write everything out, then ACK, then commit and report. The flush comes
// before the ACK so that a write error is still told to the server (ERROR 3 instead of the ACK).
void Client::Private::finishTransfer(quint16 block)
{
    sink.endOfData();
    if (!flushOutput(true) || !active())
        return;   // fail() has sent ERROR 3 (or a slot ended the transfer during the write)
    if (!sink.flushDevice()) {
        failWrite();
        return;
    }
    if (!active())
        return;
    sendAck(block, false, true);
    if (!active())
        return;   // a slot ended the transfer meanwhile: already finished
    succeed(block);
}

void Client::Private::succeed(quint16 finalBlock)
{
    if (!active())
        return;   // ended already (finished is emitted once)
    timer.stop();
    const QString name = sink.fileName();
    if (!sink.commit()) {
        // The server has its last ACK already: no ERROR to send.
        closeSocket();
        t.error = LocalFileError;
        t.errorString = Client::tr("Cannot save %1: %2").arg(name, sink.errorString());
        endProgress(false);
        setPhase(Phase::Failed);
        emit q->finished(false);
        return;
    }
    t.progress.total = t.progress.bytes;
    // Dally: keep the socket for a while to answer a repeated final block; finished() does not wait.
    const bool dally = socket.isOpen();
    t.dallyBlock = finalBlock;
    if (dally)
        startTimer(teach.isOn() ? TeachingOptions::DallyMs : qMin(2 * t.rtt.rtoMs(), MaxDallyMs));
    endProgress(true);
    setPhase(dally ? Phase::Dallying : Phase::Finished);
    emit q->finished(true);   // last: a slot may start another download or delete the client
}

} // namespace NetPoke::Tftp
