#pragma once

#include <QtGlobal>

namespace NetPoke::Tftp {

// Window and acknowledgement logic (RFC 1350 lock-step, RFC 7440 windows) for both directions, as values:
// no sockets, no timers. Block numbers on the wire are 16-bit and roll over to 0 after 65535.

// The receiving side (client download, server WRQ): which block comes next, whether a block is the next one,
// a gap (blocks lost or reordered) or a duplicate, and when to acknowledge. It never answers a duplicate with
// anything but a repeat of the last ACK (no Sorcerer's Apprentice, RFC 1123 4.2.3.1).
class ReceiveWindow final
{
public:
    enum class Block { Next, Gap, Duplicate };

    explicit ReceiveWindow(int windowSize = 1) { setWindowSize(windowSize); }
    void setWindowSize(int blocks) { m_windowSize = qMax(1, blocks); }
    int windowSize() const { return m_windowSize; }
    quint16 expected() const { return m_expected; }
    quint16 lastInOrder() const { return quint16(m_expected - 1); }

    // Ahead of the expected block by less than half the block numbers: a gap; otherwise a duplicate. This is
    // why a window may span at most 32767 blocks.
    Block classify(quint16 block) const
    {
        if (block == m_expected)
            return Block::Next;
        return quint16(block - m_expected) < 0x8000 ? Block::Gap : Block::Duplicate;
    }
    // The expected block is in. True when it completes a window: acknowledge it now.
    bool accept()
    {
        ++m_expected;
        m_gapAcked = false;
        if (++m_inWindow < m_windowSize)
            return false;
        m_inWindow = 0;
        return true;
    }
    // A block past the expected one. True once per gap: acknowledge lastInOrder() at once, so that the sender
    // restarts right after it (RFC 7440).
    bool gap()
    {
        if (m_gapAcked)
            return false;
        m_gapAcked = true;
        m_inWindow = 0;
        return true;
    }
    // A block received before. True only for a repeat of the block acknowledged last (that ACK may be lost):
    // acknowledge it again. Anything else is never answered.
    bool duplicateNeedsAck(quint16 block) const
    {
        return m_lastAck >= 0 && block == quint16(m_lastAck) && block == lastInOrder();
    }
    // The retransmission timer ran out: the sender (re)starts its window after the returned block, which is
    // to be acknowledged again.
    quint16 timedOut()
    {
        m_inWindow = 0;
        return lastInOrder();
    }
    // Tell the window that an ACK went out.
    void acknowledged(quint16 block) { m_lastAck = block; }
    bool hasAcknowledged() const { return m_lastAck >= 0; }

private:
    int m_windowSize = 1;
    int m_inWindow = 0;         // in-order blocks since the last ACK
    int m_lastAck = -1;         // block of the last ACK sent, -1 none yet
    quint16 m_expected = 1;
    bool m_gapAcked = false;    // the current gap was answered already
};

// The sending side (server RRQ, client put): which blocks are in flight and what an ACK moves. Blocks are
// counted from 1 without wrapping (qint64) and sent as wire(n). An ACK names the last block the receiver has in
// order: the next window starts right after it (RFC 7440), also when it names a block inside the window (a gap
// on the way). A repeated ACK moves nothing and must not cause a resend (Sorcerer's Apprentice): the caller
// resends only on its timer, from rewind().
class SendWindow final
{
public:
    enum class Ack { Advanced, Complete, Repeated, Stale };

    explicit SendWindow(int windowSize = 1) { setWindowSize(windowSize); }
    void setWindowSize(int blocks) { m_windowSize = qMax(1, blocks); }
    int windowSize() const { return m_windowSize; }
    // The absolute number of the final (short) block once it is known; -1 while unknown.
    void setLastBlock(qint64 block) { m_last = block; }
    qint64 lastBlock() const { return m_last; }

    qint64 acknowledged() const { return m_acked; }   // 0 before any
    qint64 nextToSend() const { return m_next; }
    qint64 windowEnd() const
    {
        const qint64 end = m_acked + m_windowSize;
        return m_last >= 0 ? qMin(end, m_last) : end;
    }
    // A block of the window is still to be sent: send nextToSend(), then call sent().
    bool canSend() const { return m_next <= windowEnd(); }
    void sent() { ++m_next; }
    // Resend from the first unacknowledged block (the timer ran out).
    void rewind() { m_next = m_acked + 1; }

    Ack onAck(quint16 block);
    static quint16 wire(qint64 block) { return quint16(block & 0xFFFF); }

private:
    int m_windowSize = 1;
    qint64 m_acked = 0;
    qint64 m_next = 1;
    qint64 m_last = -1;
};

} // namespace NetPoke::Tftp
