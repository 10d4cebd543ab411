#pragma once

#include <QtGlobal>

class QAbstractSocket;

namespace NetPoke::Tcp {

// Socket options Qt has no API for, applied to the descriptor of a connected socket (Linux).

// SO_KEEPALIVE on, first probe after idleSec seconds without traffic, then every intervalSec seconds
// (TCP_KEEPIDLE, TCP_KEEPINTVL). False when the system refused (or the socket has no descriptor).
bool setKeepAlive(QAbstractSocket *socket, int idleSec, int intervalSec);
// shutdown(SHUT_WR): sends FIN, the peer reads end of file; this side can still read.
bool shutdownWrite(qintptr descriptor);
// SO_LINGER with a zero timeout: closing the socket then sends RST instead of FIN (for tests and "reset").
bool setLingerZero(qintptr descriptor);
// Raises the soft limit on open files to the hard limit (a server with 1,000 connections needs more than
// the usual 1,024 descriptors). Once per process; harmless when it cannot.
void raiseOpenFileLimit();

// Tells a reset from a graceful close after Qt reported RemoteHostClosedError (Qt reports both so and has
// already closed its descriptor): a duplicate of the descriptor keeps the kernel socket for a look at its
// state. Keeping it costs one descriptor per connection; release() closes it (and lets the FIN go out).
class CloseWatch final
{
    Q_DISABLE_COPY_MOVE(CloseWatch)

public:
    CloseWatch() = default;
    ~CloseWatch() { release(); }
    void watch(qintptr descriptor);
    // True when the connection ended with a reset (RST) from the peer. Only meaningful after the close.
    // A write side this end shut down first is never reported as reset (its state cannot tell).
    bool wasReset() const;
    void release();

private:
    int m_fd = -1;
};

} // namespace NetPoke::Tcp
