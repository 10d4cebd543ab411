// N idle TCP connections from 127.0.0.1 to a server, and the server's memory (bench/tcp_stream/run.sh).
//   tcp_idle --port P --pid SERVER_PID [--count N] [--idle SECONDS] [--label L] [--timeout SECONDS]
// Raises its own RLIMIT_NOFILE, opens N connections to 127.0.0.1:P one after the other (blocking connect()),
// then waits until the server process holds N more sockets than before (distinct socket inodes in its
// /proc/PID/fd, i.e. it accepted them all; it also reports how many descriptors those take) or --timeout passes, reads its VmRSS, stays idle SECONDS, reads VmRSS and VmHWM again, and counts
// connections the server closed meanwhile. Sends nothing. Prints one line on stdout:
//   RESULT label=L connected=N accepted=A closed=C rss_before_kb=.. rss_connected_kb=.. rss_idle_kb=..
//          hwm_kb=.. connect_s=.. accept_s=.. server_sockets=.. server_socket_fds=..

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace {

double now()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

long statusKb(int pid, const char *key)
{
    std::ifstream f("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    const std::string k = std::string(key) + ":";
    while (std::getline(f, line))
        if (line.rfind(k, 0) == 0)
            return std::atol(line.c_str() + k.size());
    return -1;
}

int socketsOf(int pid, int *descriptors = nullptr)
{
    const std::string dir = "/proc/" + std::to_string(pid) + "/fd";
    DIR *d = ::opendir(dir.c_str());
    if (!d)
        return -1;
    std::set<std::string> inodes;   // a descriptor dup()ed is still one connection
    char target[128];
    int fds = 0;
    while (dirent *e = ::readdir(d)) {
        if (e->d_name[0] == '.')
            continue;
        const ssize_t len = ::readlink((dir + "/" + e->d_name).c_str(), target, sizeof target - 1);
        if (len > 0 && std::strncmp(target, "socket:", 7) == 0)
        {
            inodes.insert(std::string(target, size_t(len)));
            ++fds;
        }
    }
    ::closedir(d);
    if (descriptors)
        *descriptors = fds;
    return int(inodes.size());
}

// Connections whose peer has closed (readable with nothing to read) or failed.
int closedCount(const std::vector<int> &fds)
{
    int closed = 0;
    for (int fd : fds) {
        pollfd p{fd, POLLIN | POLLRDHUP, 0};
        if (::poll(&p, 1, 0) == 1) {
            char c;
            const ssize_t n = ::recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
            if (n <= 0 || (p.revents & (POLLHUP | POLLERR | POLLRDHUP)))
                ++closed;
        }
    }
    return closed;
}

} // namespace

int main(int argc, char **argv)
{
    int port = 0, pid = 0, count = 1000;
    double idle = 10, timeout = 60;
    std::string label = "idle";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--port")
            port = std::atoi(v.c_str());
        else if (k == "--pid")
            pid = std::atoi(v.c_str());
        else if (k == "--count")
            count = std::atoi(v.c_str());
        else if (k == "--idle")
            idle = std::atof(v.c_str());
        else if (k == "--timeout")
            timeout = std::atof(v.c_str());
        else if (k == "--label")
            label = v;
    }
    if (port <= 0 || pid <= 0 || count <= 0) {
        std::fprintf(stderr, "usage: tcp_idle --port P --pid SERVER_PID [--count N] [--idle SECONDS]\n");
        return 2;
    }
    rlimit rl{};
    ::getrlimit(RLIMIT_NOFILE, &rl);
    if (rl.rlim_cur < rlim_t(count + 64)) {
        rl.rlim_cur = std::min<rlim_t>(rl.rlim_max, rlim_t(count + 64));
        ::setrlimit(RLIMIT_NOFILE, &rl);
    }

    const long rssBefore = statusKb(pid, "VmRSS");
    const int socketsBefore = socketsOf(pid);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(uint16_t(port));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sockaddr_in from = to;
    from.sin_port = 0;
    std::vector<int> fds;
    const double t0 = now();
    for (int i = 0; i < count; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            std::fprintf(stderr, "tcp_idle: socket %d: %s\n", i, std::strerror(errno));
            break;
        }
        if (::bind(fd, reinterpret_cast<sockaddr *>(&from), sizeof from) != 0
            || ::connect(fd, reinterpret_cast<sockaddr *>(&to), sizeof to) != 0) {
            std::fprintf(stderr, "tcp_idle: connection %d: %s\n", i, std::strerror(errno));
            ::close(fd);
            break;
        }
        fds.push_back(fd);
    }
    const double connected = now();
    // Accepted: the server holds one more socket per connection (a server that closes some at once, over its
    // cap, never gets there; the timeout ends the wait).
    int accepted = 0;
    double acceptedAt = connected;
    while (now() - connected < timeout) {
        accepted = socketsOf(pid) - socketsBefore;
        if (accepted < 0) {
            std::fprintf(stderr, "tcp_idle: server %d is gone\n", pid);
            break;
        }
        acceptedAt = now();
        if (accepted >= int(fds.size()))
            break;
        ::usleep(10000);
    }
    const long rssConnected = statusKb(pid, "VmRSS");
    const int closedAtFirst = closedCount(fds);
    const double idleEnd = now() + idle;
    while (now() < idleEnd)
        ::usleep(100000);
    const long rssIdle = statusKb(pid, "VmRSS");
    int socketFds = 0;
    const int sockets = socketsOf(pid, &socketFds);
    const long hwm = statusKb(pid, "VmHWM");
    const int closed = closedCount(fds);
    std::printf("RESULT label=%s connected=%zu accepted=%d closed=%d closed_at_first=%d rss_before_kb=%ld "
                "rss_connected_kb=%ld rss_idle_kb=%ld hwm_kb=%ld connect_s=%.3f accept_s=%.3f server_sockets=%d server_socket_fds=%d\n",
                label.c_str(), fds.size(), accepted, closed, closedAtFirst, rssBefore, rssConnected, rssIdle, hwm,
                connected - t0, acceptedAt - t0, sockets, socketFds);
    for (int fd : fds)
        ::close(fd);
    return int(fds.size()) == count && accepted >= count && closed == 0 ? 0 : 1;
}
