#include "tcpsocketoptions.h"

#include <QAbstractSocket>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace NetPoke::Tcp {

bool setKeepAlive(QAbstractSocket *socket, int idleSec, int intervalSec)
{
    const qintptr fd = socket->socketDescriptor();
    if (fd < 0)
        return false;
    const int on = 1;
    const int idle = qMax(1, idleSec);
    const int interval = qMax(1, intervalSec);
    return ::setsockopt(int(fd), SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on) == 0
        && ::setsockopt(int(fd), IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle) == 0
        && ::setsockopt(int(fd), IPPROTO_TCP, TCP_KEEPINTVL, &interval, sizeof interval) == 0;
}

bool shutdownWrite(qintptr descriptor)
{
    return descriptor >= 0 && ::shutdown(int(descriptor), SHUT_WR) == 0;
}

bool setLingerZero(qintptr descriptor)
{
    const linger l{1, 0};
    return descriptor >= 0 && ::setsockopt(int(descriptor), SOL_SOCKET, SO_LINGER, &l, sizeof l) == 0;
}

void raiseOpenFileLimit()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

void CloseWatch::watch(qintptr descriptor)
{
    release();
    if (descriptor >= 0)
        m_fd = ::fcntl(int(descriptor), F_DUPFD_CLOEXEC, 0);
}

bool CloseWatch::wasReset() const
{
    if (m_fd < 0)
        return false;
    tcp_info info{};
    socklen_t len = sizeof info;
    if (::getsockopt(m_fd, IPPROTO_TCP, TCP_INFO, &info, &len) != 0)
        return false;
    // A FIN from the peer leaves the socket in CLOSE_WAIT (nothing was sent back, this descriptor keeps it
    // open); a reset moves it to CLOSE at once.
    return info.tcpi_state == TCP_CLOSE;
}

void CloseWatch::release()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

} // namespace NetPoke::Tcp
