#include "tftpwindow.h"

namespace NetPoke::Tftp {

SendWindow::Ack SendWindow::onAck(quint16 block)
{
    // The absolute block this ACK names: at or after the last acknowledged one, at most the last one sent.
    const qint64 named = m_acked + quint16(block - wire(m_acked));
    if (named >= m_next)
        return Ack::Stale;   // not sent yet: old (from before a rollover) or invented
    if (named == m_acked)
        return Ack::Repeated;
    m_acked = named;
    m_next = named + 1;
    return m_last >= 0 && named >= m_last ? Ack::Complete : Ack::Advanced;
}

} // namespace NetPoke::Tftp
