// udp_flood: runs one receiver process, floods it over 127.0.0.1 with sendmmsg, and measures what the
// receiving socket accepted. The receiver binds 127.0.0.1 port 0 and prints "listening on ADDR:PORT"
// on stderr; this program only ever sends to 127.0.0.1.
//
//   udp_flood [--count N] [--size BYTES] [--rate PPS] [--sender-cpu C] [--receiver-cpu C]
//             [--count-stdout-lines] [--label NAME] -- RECEIVER [ARGS...]
//
// It prints one line "RESULT key=value ..." (see bench/README.md for the keys).

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sched.h>
#include <signal.h>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0, Clock::time_point t)
{
    return std::chrono::duration<double>(t - t0).count();
}

[[noreturn]] void die(const std::string &what)
{
    std::fprintf(stderr, "udp_flood: %s\n", what.c_str());
    std::exit(1);
}

long long snmpUdp(const char *field)
{
    std::ifstream in("/proc/net/snmp");
    std::string header, values;
    while (std::getline(in, header)) {
        if (header.rfind("Udp:", 0) != 0)
            continue;
        std::getline(in, values);
        std::istringstream h(header), v(values);
        std::string name, value;
        while (h >> name && v >> value) {
            if (name == field)
                return std::atoll(value.c_str());
        }
        break;
    }
    return -1;
}

struct SocketState
{
    bool found = false;
    unsigned long rxQueue = 0;
    unsigned long long drops = 0;
};

// The receiving socket as /proc/net/udp sees it: bytes still queued and datagrams dropped.
SocketState socketState(unsigned port)
{
    SocketState s;
    std::ifstream in("/proc/net/udp");
    std::string line;
    std::getline(in, line);
    char want[32];
    std::snprintf(want, sizeof want, "0100007F:%04X", port);
    while (std::getline(in, line)) {
        std::istringstream f(line);
        std::string sl, local, remote, st, queues, trtm, retr, uid, timeout, inode, ref, ptr, drops;
        f >> sl >> local >> remote >> st >> queues >> trtm >> retr >> uid >> timeout >> inode >> ref >> ptr >> drops;
        if (local != want)
            continue;
        s.found = true;
        const auto colon = queues.find(':');
        s.rxQueue = std::strtoul(queues.substr(colon + 1).c_str(), nullptr, 16);
        s.drops = std::strtoull(drops.c_str(), nullptr, 10);
        return s;
    }
    return s;
}

void pin(int cpu)
{
    if (cpu < 0)
        return;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
}

} // namespace

int main(int argc, char **argv)
{
    long long count = 1000000;
    int size = 32;
    double rate = 0;
    int senderCpu = -1, receiverCpu = -1;
    bool countLines = false;
    std::string label = "receiver";
    int i = 1;
    for (; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> const char * {
            if (i + 1 >= argc)
                die("missing value after " + a);
            return argv[++i];
        };
        if (a == "--count") count = std::atoll(next());
        else if (a == "--size") size = std::atoi(next());
        else if (a == "--rate") rate = std::atof(next());
        else if (a == "--sender-cpu") senderCpu = std::atoi(next());
        else if (a == "--receiver-cpu") receiverCpu = std::atoi(next());
        else if (a == "--count-stdout-lines") countLines = true;
        else if (a == "--label") label = next();
        else if (a == "--") { ++i; break; }
        else die("unknown option " + a);
    }
    if (i >= argc)
        die("usage: udp_flood [options] -- RECEIVER [ARGS...]");
    if (count <= 0 || size < 16 || size > 1400)
        die("--count must be > 0 and --size 16..1400");

    int outPipe[2], errPipe[2];
    if (pipe2(outPipe, O_CLOEXEC) != 0 || pipe2(errPipe, O_CLOEXEC) != 0)
        die("pipe failed");
    const long long rcvbufBefore = snmpUdp("RcvbufErrors");
    const pid_t child = fork();
    if (child < 0)
        die("fork failed");
    if (child == 0) {
        pin(receiverCpu);
        if (countLines) {
            dup2(outPipe[1], 1);
        } else {
            const int devnull = open("/dev/null", O_WRONLY);
            dup2(devnull, 1);
        }
        dup2(errPipe[1], 2);
        execvp(argv[i], argv + i);
        std::fprintf(stderr, "udp_flood: cannot run %s: %s\n", argv[i], std::strerror(errno));
        _exit(127);
    }
    close(outPipe[1]);
    close(errPipe[1]);
    pin(senderCpu);

    // One thread reads the receiver's stdout (counting lines) and stderr (port, result line).
    std::mutex mutex;
    std::string errText;
    std::atomic<long long> lines{0};
    std::atomic<unsigned> port{0};
    std::thread reader([&] {
        pollfd fds[2] = {{countLines ? outPipe[0] : -1, POLLIN, 0}, {errPipe[0], POLLIN, 0}};
        if (!countLines)
            close(outPipe[0]);
        std::vector<char> buf(1 << 16);
        int open = countLines ? 2 : 1;
        while (open > 0) {
            if (poll(fds, 2, -1) < 0 && errno != EINTR)
                break;
            for (auto &p : fds) {
                if (p.fd < 0 || !(p.revents & (POLLIN | POLLHUP | POLLERR)))
                    continue;
                const ssize_t n = read(p.fd, buf.data(), buf.size());
                if (n <= 0) {
                    close(p.fd);
                    p.fd = -1;
                    --open;
                    continue;
                }
                if (p.fd == outPipe[0]) {
                    lines += std::count(buf.begin(), buf.begin() + n, '\n');
                } else {
                    std::lock_guard<std::mutex> lock(mutex);
                    errText.append(buf.data(), size_t(n));
                    const auto at = errText.find("listening on ");
                    if (!port && at != std::string::npos) {
                        const auto eol = errText.find('\n', at);
                        if (eol != std::string::npos) {
                            const std::string where = errText.substr(at + 13, eol - at - 13);
                            if (where.rfind("127.0.0.1:", 0) != 0) {
                                std::fprintf(stderr, "udp_flood: receiver is not on 127.0.0.1: %s\n", where.c_str());
                                port = 65536;   // refuse to send anywhere
                            } else {
                                port = unsigned(std::atoi(where.c_str() + 10));
                            }
                        }
                    }
                }
            }
        }
    });

    const auto waitStart = Clock::now();
    while (port == 0 && secondsSince(waitStart, Clock::now()) < 20) {
        int status;
        if (waitpid(child, &status, WNOHANG) == child) {
            reader.join();
            die(label + " exited before listening:\n" + errText);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (port == 0 || port > 65535) {
        kill(child, SIGTERM);
        waitpid(child, nullptr, 0);
        reader.join();
        die(label + " did not report a 127.0.0.1 port:\n" + errText);
    }

    // Sender: bound to 127.0.0.1 port 0, connected to the receiver, sendmmsg in batches of 64.
    const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    local.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sockaddr_in to = local;
    to.sin_port = htons(uint16_t(port.load()));
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0
        || connect(fd, reinterpret_cast<sockaddr *>(&to), sizeof to) != 0)
        die(std::string("sender socket: ") + std::strerror(errno));

    constexpr int Batch = 64;
    std::vector<std::string> payloads(Batch, std::string(size_t(size), 'x'));
    mmsghdr msgs[Batch];
    iovec iov[Batch];
    long long sent = 0, sendErrors = 0;
    const auto t0 = Clock::now();
    while (sent < count) {
        const int want = int(std::min<long long>(Batch, count - sent));
        if (rate > 0) {
            const auto due = t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(sent / rate));
            std::this_thread::sleep_until(due);
        }
        for (int k = 0; k < want; ++k) {
            // Printable, no newline: one datagram is one line for line-oriented receivers.
            char seq[32];
            std::snprintf(seq, sizeof seq, "%010lld ", sent + k);
            std::memcpy(payloads[size_t(k)].data(), seq, 11);
            iov[k] = {payloads[size_t(k)].data(), size_t(size)};
            msgs[k] = {};
            msgs[k].msg_hdr.msg_iov = &iov[k];
            msgs[k].msg_hdr.msg_iovlen = 1;
        }
        const int n = sendmmsg(fd, msgs, unsigned(want), 0);
        if (n < 0) {
            if (errno == EINTR || errno == ENOBUFS || errno == EAGAIN)
                continue;
            ++sendErrors;   // e.g. ECONNREFUSED: the receiver went away
            if (sendErrors > 100)
                break;
            continue;
        }
        sent += n;
    }
    const auto tSent = Clock::now();

    // The receiver has taken everything the kernel accepted once its queue is empty (or it is gone).
    SocketState last = socketState(port);
    auto tDrained = Clock::now();
    while (secondsSince(tSent, Clock::now()) < 60) {
        const SocketState s = socketState(port);
        tDrained = Clock::now();
        if (!s.found)
            break;
        last = s;
        if (s.rxQueue == 0)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }

    // The receiver ends on its count or its idle timeout; give it time, then stop it.
    int status = 0;
    rusage usage{};
    const auto waitEnd = Clock::now();
    bool killed = false;
    for (;;) {
        const pid_t r = wait4(child, &status, WNOHANG, &usage);
        if (r == child)
            break;
        if (!killed && secondsSince(waitEnd, Clock::now()) > 30) {
            kill(child, SIGTERM);
            killed = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    reader.join();
    close(fd);
    const long long rcvbufAfter = snmpUdp("RcvbufErrors");

    // Values the receiver reports about itself on stderr: "received=... stall_ms=... rss_kb=...".
    auto reported = [&](const std::string &key) -> std::string {
        const std::string k = key + "=";
        auto at = errText.rfind(k);
        if (at == std::string::npos)
            return "n/a";
        at += k.size();
        const auto end = errText.find_first_of(" \n", at);
        return errText.substr(at, end == std::string::npos ? std::string::npos : end - at);
    };
    const long long accepted = sent - (long long)last.drops;
    const double window = secondsSince(t0, tDrained);
    std::string received = reported("received");
    if (received == "n/a") {   // netpoke-cli: "datagrams received: N"
        const auto at = errText.rfind("received: ");
        if (at != std::string::npos)
            received = std::to_string(std::atoll(errText.c_str() + at + 10));
    }
    if (received == "n/a" && countLines)
        received = std::to_string(lines.load());
    std::string stall = reported("stall_ms");

    std::printf("RESULT label=%s sent=%lld send_s=%.3f drained_s=%.3f sock_drops=%llu accepted=%lld "
                "rate=%.0f received=%s snmp_rcvbuf_errors=%lld stall_ms=%s rss_kb=%ld cpu_ms=%.0f exit=%d%s\n",
                label.c_str(), sent, secondsSince(t0, tSent), window, last.drops, accepted,
                window > 0 ? accepted / window : 0.0, received.c_str(), rcvbufAfter - rcvbufBefore,
                stall.c_str(), usage.ru_maxrss,
                (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3, WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
                killed ? " killed=1" : "");
    if (std::getenv("UDP_FLOOD_VERBOSE"))
        std::fprintf(stderr, "--- %s stderr ---\n%s", label.c_str(), errText.c_str());
    return 0;
}
