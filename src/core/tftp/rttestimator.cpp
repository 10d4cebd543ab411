#include "rttestimator.h"

#include <cmath>

namespace NetPoke::Tftp {

void RttEstimator::addSample(double ms)
{
    if (m_fixedMs > 0)
        return;
    if (m_srttMs < 0) {
        m_srttMs = ms;
        m_rttvarMs = ms / 2;
    } else {
        m_rttvarMs = 0.75 * m_rttvarMs + 0.25 * std::abs(m_srttMs - ms);
        m_srttMs = 0.875 * m_srttMs + 0.125 * ms;
    }
    m_rtoMs = qBound(MinRtoMs, int(m_srttMs + qMax(1.0, 4 * m_rttvarMs)) + 1, MaxRtoMs);
}

void RttEstimator::backOff()
{
    if (m_fixedMs <= 0)
        m_rtoMs = qMin(m_rtoMs * 2, MaxRtoMs);
}

} // namespace NetPoke::Tftp
