#include "icmperrors.h"

#ifdef NETPOKE_NET_LINUX
#include <cerrno>
#include <cstring>
#include <linux/errqueue.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif

namespace NetPoke::Net {

bool enableIcmpErrors(qintptr socketDescriptor)
{
#ifdef NETPOKE_NET_LINUX
    if (socketDescriptor < 0)
        return false;
    const int on = 1;
    const int fd = int(socketDescriptor);
    const bool v4 = ::setsockopt(fd, SOL_IP, IP_RECVERR, &on, sizeof on) == 0;
    const bool v6 = ::setsockopt(fd, SOL_IPV6, IPV6_RECVERR, &on, sizeof on) == 0;
    return v4 || v6;
#else
    Q_UNUSED(socketDescriptor);
    return false;
#endif
}

int drainIcmpErrors(qintptr socketDescriptor, QList<IcmpError> *errors)
{
    int count = 0;
#ifdef NETPOKE_NET_LINUX
    if (socketDescriptor < 0)
        return 0;
    const int fd = int(socketDescriptor);
    for (int guard = 0; guard < 256; ++guard) {
        sockaddr_storage addr{};
        char data[1];
        iovec iov{data, sizeof data};
        alignas(cmsghdr) char control[512];
        msghdr msg{};
        msg.msg_name = &addr;
        msg.msg_namelen = sizeof addr;
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control;
        msg.msg_controllen = sizeof control;
        if (::recvmsg(fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT) < 0)
            break;
        for (cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
            const bool isV4 = c->cmsg_level == SOL_IP && c->cmsg_type == IP_RECVERR;
            const bool isV6 = c->cmsg_level == SOL_IPV6 && c->cmsg_type == IPV6_RECVERR;
            if (!isV4 && !isV6)
                continue;
            sock_extended_err ee;
            std::memcpy(&ee, CMSG_DATA(c), sizeof ee);
            if (ee.ee_origin != SO_EE_ORIGIN_ICMP && ee.ee_origin != SO_EE_ORIGIN_ICMP6)
                continue;
            const SocketAddress where = SocketAddress::fromNative(reinterpret_cast<const sockaddr *>(&addr),
                                                                  msg.msg_namelen);
            IcmpError e;
            e.errorCode = int(ee.ee_errno);
            e.portUnreachable = ee.ee_errno == ECONNREFUSED;
            e.destination = where.address();
            e.port = where.port();
            errors->append(e);
            ++count;
        }
    }
    // The pending error was also set on the socket itself; clear it so the next read is clean.
    int soError = 0;
    socklen_t len = sizeof soError;
    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &len);
#else
    Q_UNUSED(socketDescriptor);
    Q_UNUSED(errors);
#endif
    return count;
}

QList<IcmpError> drainIcmpErrors(qintptr socketDescriptor)
{
    QList<IcmpError> errors;
    drainIcmpErrors(socketDescriptor, &errors);
    return errors;
}

} // namespace NetPoke::Net
