#pragma once

#include <QtGlobal>

namespace NetPoke::Tftp {

// Retransmission timeout from measured round trips: the first wait is InitialRtoMs, later waits follow the
// measured round trip (RFC 6298 smoothing) within [MinRtoMs, MaxRtoMs], doubling on each timeout. With a fixed
// timeout nothing adapts. With the default 5 retries a peer that never answers is given up after
// 1 + 5 × 1.8 = 10 s. Times are passed in (nanoseconds of one monotonic clock), so it is pure arithmetic.
class RttEstimator final
{
public:
    static constexpr int InitialRtoMs = 1000;
    static constexpr int MinRtoMs = 100;
    static constexpr int MaxRtoMs = 1800;

    explicit RttEstimator(int fixedTimeoutMs = 0)
        : m_fixedMs(qMax(0, fixedTimeoutMs))
        , m_rtoMs(m_fixedMs > 0 ? m_fixedMs : InitialRtoMs)
    {
    }

    bool isFixed() const { return m_fixedMs > 0; }
    int rtoMs() const { return m_rtoMs; }
    double smoothedMs() const { return m_srttMs; }   // -1 before the first sample
    double variationMs() const { return m_rttvarMs; }

    // A fresh packet that expects an answer has left: time it.
    void start(qint64 nowNs) { m_startNs = nowNs; }
    // A retransmitted packet has left: its answer could be to either copy (Karn), so it is not timed.
    void cancel() { m_startNs = -1; }
    bool isTiming() const { return m_startNs >= 0; }
    // The answer came: one sample, if a fresh packet was being timed.
    void stop(qint64 nowNs)
    {
        if (m_startNs < 0)
            return;
        const double sample = double(nowNs - m_startNs) / 1e6;
        m_startNs = -1;
        addSample(sample);
    }
    void addSample(double ms);
    // The timer ran out: wait twice as long next time (up to MaxRtoMs).
    void backOff();

private:
    int m_fixedMs = 0;
    int m_rtoMs = InitialRtoMs;
    double m_srttMs = -1;
    double m_rttvarMs = 0;
    qint64 m_startNs = -1;
};

} // namespace NetPoke::Tftp
