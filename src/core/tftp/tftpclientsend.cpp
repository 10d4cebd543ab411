#include "tftpclient_p.h"

#include <QPointer>

#include <cstring>

namespace NetPoke::Tftp {

// The upload (WRQ): the windowed send side of RFC 7440 over SendWindow. A window is sent whole, block by
// block from the Source into one reused packet buffer (tx), once per wake-up: after the first answer, and after
// the ACKs of a wake-up have moved the window. An ACK names the last block the server has in order, so the next
// window starts right after it, also when it lies inside the window (a gap on the way). A repeated ACK moves
// nothing and sends nothing: only the retransmission timer sends a window again (Sorcerer's Apprentice,
// RFC 1123 4.2.3.1), and only an ACK that moves the window counts as activity for it.

// One wake-up: up to ReadBudget answers. Until the first answer settles the options, one datagram at a time
// with all the room (an OACK is never cut); then up to a batch of ACKs in one recvmmsg, each handled as it
// comes, and the window sent once after them.
void Client::Private::onSendReadable()
{
    if (!socket.isOpen())
        return;
    const QPointer<Client> alive(q);   // a slot connected to finished() may delete the client
    const bool retried = t.retried;
    bool advanced = false;
    int count = 0;
    bool more = true;
    while (more && count < ReadBudget) {
        const bool batched = phase == Phase::Sending;
        const qsizetype slotSize = batched ? AckSlotSize : ackSlots.size();
        const int nSlots = batched ? qMin(int(Socket::MaxBatch), ReadBudget - count) : 1;
        const int got = socket.receive(&batch, ackSlots.data(), slotSize, nSlots);
        if (got <= 0)
            break;   // drained; ICMP reports come through handleIcmp()
        count += got;
        more = got == nSlots;
        for (int i = 0; i < got; ++i) {
            const char *hdr = batch.header(i);
            const qsizetype n = batch.size(i);
            if (!acceptTid(batch.from(i), hdr, n))
                continue;
            quint16 block = 0;
            if (peekAck(hdr, n, &block)) {
                advanced = onAck(block) || advanced;
            } else {
                qsizetype kept = 0;
                const char *whole = reassemble(i, ackSlots.constData() + i * slotSize, slotSize, &kept);
                handlePacket(whole, kept);
            }
            if (!alive || !running() || t.retried != retried)
                return;   // deleted by a slot (touch nothing), ended, or a new request is out
        }
    }
    if (advanced) {
        sendWindow();
        if (!running())
            return;
        armTimer();
    }
    if (phase == Phase::Sending)
        emitProgress(false);
}

// True when the ACK moved the window (the next one is to be sent).
bool Client::Private::onAck(quint16 block)
{
    if (phase == Phase::Requesting) {
        if (block != 0) {
            trace.add(Trace::Error, ackSummary(block), blocks(), Trace::ackPacket(block));
            fail(ProtocolError, Client::tr("The server acknowledged block %1 before any data was sent.").arg(block),
                 ErrIllegalOperation, QByteArrayLiteral("Illegal TFTP operation"));
            return false;
        }
        // ACK 0 instead of an OACK: an RFC 1350 server, or one that ignores the options. 512-byte lock-step.
        trace.add(Trace::NoFlags, ackSummary(block), blocks(), Trace::ackPacket(block));
        startSending(NegotiatedOptions());
        return false;   // the first window is out already
    }
    const SendWindow::Ack what = t.sending.onAck(block);
    // ACK entries count the acknowledged blocks: the DATA entries before them account for the blocks sent.
    const quint64 acked = quint64(t.sending.acknowledged());
    switch (what) {
    case SendWindow::Ack::Advanced:
    case SendWindow::Ack::Complete: {
        if (t.rtt.isTiming())
            t.rtt.stop(clock.nsecsElapsed());
        t.retries = 0;
        Progress &p = t.progress;
        p.blocks = acked;
        const qint64 bytes = source.fileOffset(qint64(acked) + 1);
        if (bytes >= 0)
            p.bytes = bytes;
        const bool complete = what == SendWindow::Ack::Complete;
        if (trace.wants(acked, complete))
            trace.add(Trace::NoFlags, ackSummary(block), acked, Trace::ackPacket(block));
        if (complete) {
            succeedUpload();
            return false;
        }
        t.lastActivityNs = clock.nsecsElapsed();
        return true;
    }
    case SendWindow::Ack::Repeated:
        // Nothing is sent for it: the timer alone sends the window again.
        if (trace.isEnabled())
            trace.add(Trace::Retransmission, ackSummary(block) + Client::tr(", duplicate"), acked, Trace::ackPacket(block));
        return false;
    case SendWindow::Ack::Stale:
        // A block not sent yet: an ACK from before a rollover, delayed, or made up. Ignored.
        if (trace.isEnabled())
            trace.add(Trace::Error, ackSummary(block) + Client::tr(", for a block not sent"), acked,
                      Trace::ackPacket(block));
        return false;
    }
    return false;
}

// The first answer is in (OACK or ACK 0): from now on DATA flows.
void Client::Private::startSending(const NegotiatedOptions &agreed)
{
    t.agreed = agreed;
    const int blockSize = agreed.blockSize;
    source.setBlockSize(blockSize);
    source.setWindowSize(agreed.windowSize);
    t.sending.setWindowSize(agreed.windowSize);
    if (tx.size() < 4 + blockSize)
        tx.resize(4 + blockSize);
    const qint64 window = qint64(agreed.windowSize) * receiveBufferPerDatagram(blockSize);
    socket.sizeSendBuffer(qMin<qint64>(window, MaxReceiveBuffer));
    t.rtt.stop(clock.nsecsElapsed());
    t.retries = 0;
    setPhase(Phase::Sending);
    sendWindow();
    if (!running())
        return;
    armTimer();
    emitProgress(true);
}

// Sends what the window holds from nextToSend(): the whole window after an ACK or a rewind. A block sent
// before counts as a retransmission and spoils the round-trip sample (Karn). A send the system refuses
// (its buffer is full) stops here: the timer sends the window again.
void Client::Private::sendWindow()
{
    const int blockSize = t.agreed.blockSize;
    char *packet = tx.data();
    while (t.sending.canSend()) {
        const qint64 n = t.sending.nextToSend();
        const qint64 size = source.readBlock(n, packet + 4);
        if (size < 0) {
            failRead(source.errorString());
            return;
        }
        // A short block is the last one. A file that shrinks or grows under a window sent again would end
        // the server's copy in the wrong place: refused.
        const qint64 last = t.sending.lastBlock();
        if ((last >= 0 && (n == last) != (size < blockSize)) || (last < 0 && n <= t.sentUpTo && size < blockSize)) {
            failRead(Client::tr("%1 changed while it was being sent.").arg(target.localFile));
            return;
        }
        if (size < blockSize)
            t.sending.setLastBlock(n);
        writeDataHeader(packet, SendWindow::wire(n));
        if (!send(t.server, packet, 4 + size))
            return;
        t.sending.sent();
        const bool again = n <= t.sentUpTo;
        const bool final = size < blockSize;
        if (again) {
            t.progress.retransmissions++;
            t.rtt.cancel();
            trace.add(Trace::Outgoing | Trace::Retransmission, dataSummary(SendWindow::wire(n), size), blocks(),
                      QByteArrayView(packet, 4 + size), 4 + size);
        } else {
            t.sentUpTo = n;
            if (!t.rtt.isTiming())
                t.rtt.start(clock.nsecsElapsed());
            if (trace.wants(quint64(n), final))
                trace.add(Trace::Outgoing | Trace::InOrderData, dataSummary(SendWindow::wire(n), size), quint64(n),
                          QByteArrayView(packet, 4 + size), 4 + size);
        }
    }
}

// The timer ran out with the window unacknowledged: all of it again, from the first unacknowledged block.
void Client::Private::resendWindow()
{
    t.sending.rewind();
    t.rtt.cancel();
    sendWindow();
}

void Client::Private::failRead(const QString &text)
{
    fail(LocalFileError, text, ErrNotDefined, QByteArrayLiteral("Read error"));
}

// The final ACK is in. The server dallies (it sent the last ACK); nothing is left to wait for here.
void Client::Private::succeedUpload()
{
    if (!active())
        return;
    timer.stop();
    closeSocket();
    t.progress.bytes = source.fileBytesRead();
    t.progress.total = t.progress.bytes;
    source.close();
    endProgress(true);
    setPhase(Phase::Finished);
    emit q->finished(true);   // last: a slot may start another transfer or delete the client
}

} // namespace NetPoke::Tftp
