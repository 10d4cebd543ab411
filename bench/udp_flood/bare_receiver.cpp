// The physical ceiling: a plain blocking recvmmsg loop on 127.0.0.1 port 0, nothing else.
//   udp_flood_bare [--count N] [--timeout SECONDS] [--rcvbuf BYTES]
// Prints "listening on 127.0.0.1:PORT" on stderr, and at the end
// "received=N first_to_last_s=S rate=R sock_drops=D rss_kb=K" (drops from SO_RXQ_OVFL).

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    long long count = 1000000;
    int timeoutS = 3;
    int rcvbuf = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--count") count = std::atoll(argv[i + 1]);
        else if (a == "--timeout") timeoutS = std::atoi(argv[i + 1]);
        else if (a == "--rcvbuf") rcvbuf = std::atoi(argv[i + 1]);
    }
    const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        std::perror("bind");
        return 1;
    }
    if (rcvbuf > 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    const int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_RXQ_OVFL, &one, sizeof one);
    // Idle timeout: the run ends this long after the last datagram (or after the first never comes).
    timeval tv{timeoutS, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    std::fprintf(stderr, "listening on 127.0.0.1:%u\n", unsigned(ntohs(addr.sin_port)));

    constexpr int Batch = 64, Max = 2048;
    std::vector<char> buf(size_t(Batch) * Max);
    std::vector<char> ctl(size_t(Batch) * CMSG_SPACE(sizeof(uint32_t)));
    mmsghdr msgs[Batch];
    iovec iov[Batch];
    long long received = 0;
    uint32_t drops = 0;
    using Clock = std::chrono::steady_clock;
    Clock::time_point first, last;
    while (received < count) {
        for (int k = 0; k < Batch; ++k) {
            iov[k] = {buf.data() + size_t(k) * Max, Max};
            msgs[k] = {};
            msgs[k].msg_hdr.msg_iov = &iov[k];
            msgs[k].msg_hdr.msg_iovlen = 1;
            msgs[k].msg_hdr.msg_control = ctl.data() + size_t(k) * CMSG_SPACE(sizeof(uint32_t));
            msgs[k].msg_hdr.msg_controllen = CMSG_SPACE(sizeof(uint32_t));
        }
        const int n = recvmmsg(fd, msgs, Batch, MSG_WAITFORONE, nullptr);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            break;   // EAGAIN: idle timeout
        }
        last = Clock::now();
        if (received == 0)
            first = last;
        received += n;
        for (int k = 0; k < n; ++k) {
            for (cmsghdr *c = CMSG_FIRSTHDR(&msgs[k].msg_hdr); c; c = CMSG_NXTHDR(&msgs[k].msg_hdr, c)) {
                if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SO_RXQ_OVFL)
                    std::memcpy(&drops, CMSG_DATA(c), sizeof drops);
            }
        }
    }
    long rssKb = 0;
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmHWM:", 0) == 0)
            rssKb = std::atol(line.c_str() + 6);
    }
    const double span = std::chrono::duration<double>(last - first).count();
    std::fprintf(stderr, "received=%lld first_to_last_s=%.3f rate=%.0f sock_drops=%u rss_kb=%ld\n", received, span,
                 span > 0 ? received / span : 0.0, drops, rssKb);
    return 0;
}
