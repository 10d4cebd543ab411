#pragma once

// Teaching mode: slow a transfer down and lose packets on purpose, so that a class can watch each step,
// timeouts and retransmissions. Used by the client and by the server alike, on the packets that side sends.

#include "tftptrace.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>
#include <QTimer>

#include <deque>
#include <functional>
#include <random>

namespace NetPoke::Tftp {

// What a side does to its own sends. The loss is simulated on the way out: a dropped packet is never handed
// to the kernel, so the peer never sees it and one of the two sides times out and sends again. Only DATA and
// ACK are dropped (never a request, an OACK or an ERROR), so that a transfer still starts and ends as usual.
struct TeachingOptions
{
    Q_DECLARE_TR_FUNCTIONS(NetPoke::Tftp::TeachingOptions)

public:
    static constexpr int MaxRate = 1000;
    static constexpr int MaxDropEvery = 1000;
    // How long the side that sent the final ACK keeps its socket with teaching on: a dropped final ACK is
    // answered when the peer sends its last block again, after up to two of its longest timeouts.
    static constexpr int DallyMs = 4000;

    int packetsPerSecond = 0;   // 0: not paced; else this side sends at most this many packets a second
    int dropEvery = 0;          // 0: none; N >= 2: every Nth DATA or ACK this side sends is dropped
    double dropPercent = 0;     // 0..100: each DATA or ACK is dropped with this probability
    quint32 seed = 1;           // for dropPercent: the same seed drops the same packets (repeatable)

    bool isOn() const { return packetsPerSecond > 0 || dropEvery > 0 || dropPercent > 0; }
    // Empty when usable; otherwise why not, in plain words.
    QString validate() const;
};

// What a dropped packet's trace entry ends with: " — dropped (teaching)".
QString teachingDropSuffix();
// True for the entry of a packet the teaching mode dropped.
bool isTeachingDrop(const TraceEntry &entry);

// One transfer's gate between the protocol and the socket, on while TeachingOptions::isOn(). send() takes
// each packet: it leaves at once when the pace allows, else a QTimer (never a sleep) lets it out in its
// turn, in order. A dropped packet takes its turn too but is not sent. The trace entry the protocol makes
// for the packet right after sending it is taken (capture()) and emitted when the packet really leaves, so
// that the trace's times are the wire's; a dropped packet always gets an entry ("… — dropped (teaching)"),
// also where the trace samples packets out.
class TeachingGate final
{
    Q_DISABLE_COPY_MOVE(TeachingGate)

public:
    using SendFn = std::function<bool(const QByteArray &packet)>;
    using TraceFn = std::function<void(const TraceEntry &entry)>;

    TeachingGate();

    // A new transfer: counters and the random sequence start again, anything queued is discarded. clock:
    // the transfer's (for trace times and lastSentNs()); out: where entries go; trace: whether to make them.
    void start(const TeachingOptions &options, const QElapsedTimer *clock, TraceFn out, bool trace);
    bool isOn() const { return m_options.isOn(); }
    const TeachingOptions &options() const { return m_options; }
    // The pause between two sends (0: not paced).
    int intervalMs() const;

    // Takes one packet for sending through to().
    void send(const char *data, qsizetype size, SendFn to);
    // The protocol's outgoing trace entry for the packet last given to send(): true when it was taken here.
    bool capture(const TraceEntry &entry);
    // The transfer ends (its socket closes): everything queued goes now, in order; without entries when the
    // owner is being destroyed (nobody is left to take them).
    void flush(bool entries = true);
    // Discards what is queued.
    void clear();
    bool hasQueued() const { return !m_queue.empty(); }
    // When the last packet left (or was dropped), on the clock given to start(); -1 before the first.
    qint64 lastSentNs() const { return m_lastSentNs; }
    quint64 sentCount() const { return m_sent; }
    quint64 droppedCount() const { return m_dropped; }

private:
    struct Item
    {
        QByteArray bytes;
        SendFn to;
        bool dropped = false;
        bool hasEntry = false;
        TraceEntry entry;
    };
    enum class Awaiting { None, Queued, Released };

    bool decideDrop(const char *data, qsizetype size);
    qint64 nowNs() const;
    void release(Item &item);
    void emitEntry(TraceEntry e, bool dropped);
    void schedule();
    void onTimer();

    TeachingOptions m_options;
    const QElapsedTimer *m_clock = nullptr;
    TraceFn m_out;
    bool m_trace = false;
    std::deque<Item> m_queue;
    QTimer m_timer;
    std::mt19937 m_random;
    Awaiting m_awaiting = Awaiting::None;
    qint64 m_lastSentNs = -1;
    quint64 m_candidates = 0;   // DATA and ACK packets seen (for dropEvery)
    quint64 m_sent = 0;
    quint64 m_dropped = 0;
};

} // namespace NetPoke::Tftp
