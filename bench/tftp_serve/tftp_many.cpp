// tftp_many: N concurrent TFTP downloads of one file from a server on 127.0.0.1, all in one thread (epoll over N
// sockets), so that the server is what is measured, not N client processes. Every byte is compared with the
// local copy of the file. Used by bench/tftp_serve/run.sh; see bench/README.md.
//
//   tftp_many PORT REMOTE LOCAL_COPY N [BLKSIZE 65464] [WINDOW 8] [LIMIT_S 120] [WATCH_PID 0]
//
// The RRQ asks blksize BLKSIZE, windowsize WINDOW (when > 1) and tsize 0; a server without an OACK, or one that
// leaves windowsize out, gets 512-byte blocks or lock-step. With WATCH_PID, the proportional set size (Pss:
// shared pages divided among the processes that map them) of that process and its direct children (a forking
// server's transfers) is summed every 50 ms and the peak reported.
// Prints one line on stdout:
//   RESULT n=N ok=N failed=0 bytes=B seconds=S retransmitted_acks=R tree_pss_peak_kib=K
// Exit status 0 when every download completed intact.

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

struct Transfer
{
    int fd = -1;
    unsigned short tid = 0;   // the server's transfer port, once it answered
    int blk = 512;
    int window = 1;
    long long got = 0;        // blocks received in order
    int sinceAck = 0;
    int retries = 0;
    long long gapAckedAt = -1; // one ACK per gap, not one per datagram after it
    bool done = false;
    bool failed = false;
    Clock::time_point active;
    std::string why;
};

long pssKib(int pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/smaps_rollup", pid);
    FILE *f = std::fopen(path, "r");
    if (!f)
        return 0;
    char line[256];
    long kib = 0;
    while (std::fgets(line, sizeof line, f)) {
        if (std::strncmp(line, "Pss:", 4) == 0) {
            kib = std::atol(line + 4);
            break;
        }
    }
    std::fclose(f);
    return kib;
}

// Pss of pid and of the processes whose parent it is.
long treePssKib(int pid)
{
    char path[64];
    long sum = pssKib(pid);
    DIR *d = opendir("/proc");
    if (!d)
        return sum;
    while (dirent *e = readdir(d)) {
        const int child = std::atoi(e->d_name);
        if (child <= 0 || child == pid)
            continue;
        std::snprintf(path, sizeof path, "/proc/%d/stat", child);
        FILE *f = std::fopen(path, "r");
        if (!f)
            continue;
        char buf[512];
        const size_t n = std::fread(buf, 1, sizeof buf - 1, f);
        std::fclose(f);
        buf[n] = 0;
        const char *rp = std::strrchr(buf, ')');   // "pid (comm) state ppid ..."
        int ppid = 0;
        if (rp && std::sscanf(rp + 1, " %*c %d", &ppid) == 1 && ppid == pid)
            sum += pssKib(child);
    }
    closedir(d);
    return sum;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 5) {
        std::fprintf(stderr, "usage: %s PORT REMOTE LOCAL_COPY N [BLKSIZE] [WINDOW] [LIMIT_S] [WATCH_PID]\n", argv[0]);
        return 2;
    }
    const int port = std::atoi(argv[1]);
    const std::string remote = argv[2];
    const char *local = argv[3];
    const int n = std::atoi(argv[4]);
    const int askBlk = argc > 5 ? std::atoi(argv[5]) : 65464;
    const int askWindow = argc > 6 ? std::atoi(argv[6]) : 8;
    const double limit = argc > 7 ? std::atof(argv[7]) : 120;
    const int watch = argc > 8 ? std::atoi(argv[8]) : 0;
    if (port <= 0 || port > 65535 || n <= 0 || askBlk < 8 || askBlk > 65464 || askWindow < 1) {
        std::fprintf(stderr, "tftp_many: bad arguments\n");
        return 2;
    }

    const int lfd = open(local, O_RDONLY);
    struct stat st {};
    if (lfd < 0 || fstat(lfd, &st) != 0) {
        std::perror(local);
        return 2;
    }
    const long long size = st.st_size;
    const char *file = size > 0 ? static_cast<const char *>(mmap(nullptr, size_t(size), PROT_READ, MAP_PRIVATE, lfd, 0)) : "";
    if (file == MAP_FAILED) {
        std::perror("mmap");
        return 2;
    }

    sockaddr_in server {};
    server.sin_family = AF_INET;
    server.sin_port = htons(static_cast<unsigned short>(port));
    server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);   // 127.0.0.1 only

    std::string rrq;
    rrq += '\0';
    rrq += '\1';
    const auto field = [&rrq](const std::string &s) { rrq += s; rrq += '\0'; };
    field(remote);
    field("octet");
    field("blksize");
    field(std::to_string(askBlk));
    if (askWindow > 1) {
        field("windowsize");
        field(std::to_string(askWindow));
    }
    field("tsize");
    field("0");

    const int ep = epoll_create1(EPOLL_CLOEXEC);
    std::vector<Transfer> t(static_cast<size_t>(n));
    const auto sendTo = [&server](Transfer &x, const char *data, size_t len, unsigned short toPort) {
        sockaddr_in to = server;
        to.sin_port = htons(toPort);
        sendto(x.fd, data, len, 0, reinterpret_cast<const sockaddr *>(&to), sizeof to);
    };
    const auto ack = [&sendTo](Transfer &x, long long block) {
        const char a[4] = {0, 4, char((block >> 8) & 0xFF), char(block & 0xFF)};
        sendTo(x, a, 4, x.tid);
        x.sinceAck = 0;
        x.active = Clock::now();
    };
    const int rcvbuf = 4 * 1024 * 1024;
    for (int i = 0; i < n; ++i) {
        Transfer &x = t[size_t(i)];
        x.fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        sockaddr_in me {};
        me.sin_family = AF_INET;
        me.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (x.fd < 0 || bind(x.fd, reinterpret_cast<const sockaddr *>(&me), sizeof me) != 0) {
            std::perror("socket");
            return 2;
        }
        setsockopt(x.fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
        epoll_event ev {};
        ev.events = EPOLLIN;
        ev.data.u32 = unsigned(i);
        epoll_ctl(ep, EPOLL_CTL_ADD, x.fd, &ev);
    }

    const Clock::time_point t0 = Clock::now();
    for (Transfer &x : t) {
        x.active = Clock::now();
        sendTo(x, rrq.data(), rrq.size(), static_cast<unsigned short>(port));
    }
    int left = n;
    long long retransmittedAcks = 0;
    long rssPeak = 0;
    Clock::time_point lastSample = Clock::now() - std::chrono::seconds(1);
    std::vector<char> buf(65536 + 64);
    epoll_event events[64];
    const auto finish = [&left](Transfer &x, bool ok, const std::string &why) {
        if (x.done)
            return;
        x.done = true;
        x.failed = !ok;
        x.why = why;
        --left;
    };

    while (left > 0 && secondsSince(t0) < limit) {
        if (watch > 0 && secondsSince(lastSample) >= 0.05) {
            lastSample = Clock::now();
            const long rss = treePssKib(watch);
            if (rss > rssPeak)
                rssPeak = rss;
        }
        const int ready = epoll_wait(ep, events, 64, 10);
        for (int e = 0; e < ready; ++e) {
            Transfer &x = t[events[e].data.u32];
            for (;;) {
                sockaddr_in from {};
                socklen_t fromLen = sizeof from;
                const ssize_t len = recvfrom(x.fd, buf.data(), buf.size(), 0, reinterpret_cast<sockaddr *>(&from), &fromLen);
                if (len < 0)
                    break;
                if (x.done || len < 4 || from.sin_addr.s_addr != server.sin_addr.s_addr)
                    continue;
                const unsigned short fromPort = ntohs(from.sin_port);
                if (x.tid == 0)
                    x.tid = fromPort;
                else if (fromPort != x.tid)
                    continue;   // a stranger
                const unsigned char *p = reinterpret_cast<const unsigned char *>(buf.data());
                const int op = p[1];
                const long long block = (p[2] << 8) | p[3];
                x.retries = 0;
                x.active = Clock::now();
                if (op == 6 && x.got == 0) {   // OACK
                    x.window = 1;
                    for (ssize_t i = 2; i < len;) {
                        const char *name = buf.data() + i;
                        const size_t nl = strnlen(name, size_t(len - i));
                        const char *value = name + nl + 1;
                        if (value >= buf.data() + len)
                            break;
                        const size_t vl = strnlen(value, size_t(buf.data() + len - value));
                        if (strcasecmp(name, "blksize") == 0)
                            x.blk = std::atoi(value);
                        else if (strcasecmp(name, "windowsize") == 0)
                            x.window = std::atoi(value);
                        i = (value - buf.data()) + ssize_t(vl) + 1;
                    }
                    ack(x, 0);
                } else if (op == 3) {
                    const long long expected = (x.got + 1) & 0xFFFF;
                    const int payload = int(len - 4);
                    if (block == expected) {
                        const long long offset = x.got * x.blk;
                        const long long want = size - offset < x.blk ? size - offset : x.blk;
                        if (payload != want || (payload > 0 && std::memcmp(file + offset, buf.data() + 4, size_t(payload)) != 0)) {
                            finish(x, false, "corrupt block " + std::to_string(x.got + 1));
                            continue;
                        }
                        ++x.got;
                        ++x.sinceAck;
                        if (payload < x.blk) {
                            ack(x, block);
                            finish(x, true, std::string());
                        } else if (x.sinceAck >= x.window) {
                            ack(x, block);
                        }
                    } else if (((block - expected) & 0xFFFF) < 0x8000) {
                        if (x.gapAckedAt != x.got) {   // a gap: restart after the last block in order
                            x.gapAckedAt = x.got;
                            ack(x, x.got & 0xFFFF);
                            ++retransmittedAcks;
                        }
                    } else if (block == (x.got & 0xFFFF)) {
                        ack(x, block);            // the server sent it again: our ACK was lost
                        ++retransmittedAcks;
                    }
                } else if (op == 5) {
                    finish(x, false, "ERROR " + std::to_string(block) + " " + std::string(buf.data() + 4, strnlen(buf.data() + 4, size_t(len - 4))));
                }
            }
        }
        // Quiet for a second: ask again (the RRQ, or the last ACK), at most 10 times.
        const Clock::time_point now = Clock::now();
        for (Transfer &x : t) {
            if (x.done || now - x.active < std::chrono::seconds(1))
                continue;
            if (++x.retries > 10) {
                finish(x, false, "timed out");
                continue;
            }
            ++retransmittedAcks;
            if (x.tid == 0) {
                x.active = now;
                sendTo(x, rrq.data(), rrq.size(), static_cast<unsigned short>(port));
            } else {
                ack(x, x.got & 0xFFFF);
            }
        }
    }
    const double seconds = secondsSince(t0);
    int ok = 0;
    long long bytes = 0;
    for (Transfer &x : t) {
        if (!x.done)
            x.why = "unfinished at the time limit";
        if (x.done && !x.failed) {
            ++ok;
            bytes += size;
        }
    }
    int shown = 0;
    for (const Transfer &x : t) {
        if ((!x.done || x.failed) && shown++ < 5)
            std::fprintf(stderr, "tftp_many: a download failed: %s\n", x.why.c_str());
    }
    if (watch > 0) {
        const long rss = treePssKib(watch);
        if (rss > rssPeak)
            rssPeak = rss;
    }
    std::printf("RESULT n=%d ok=%d failed=%d bytes=%lld seconds=%.3f retransmitted_acks=%lld tree_pss_peak_kib=%ld\n", n, ok,
                n - ok, bytes, seconds, retransmittedAcks, rssPeak);
    return ok == n ? 0 : 1;
}
