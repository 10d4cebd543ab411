// One timed TCP transfer over 127.0.0.1 between two programs (bench/tcp_stream/run.sh).
//   tcp_stream --label L --bytes N [--source FILE] [--sink count|null|stderr|iperf3]
//              [--sender-cpu C] [--receiver-cpu C] [--sink-cpu C] [--timeout SECONDS]
//              --recv RECEIVER ARGV... --send SENDER ARGV...
// Starts the receiver first. "{PORT}" in either argv is replaced by a free port found by binding port 0 on
// 127.0.0.1 (retried with a new port when the receiver exits before listening, e.g. the port was taken in
// between); without "{PORT}" in the receiver's argv, the receiver must bind port 0 itself and print
// "127.0.0.1:PORT" on stderr, which is read. "{BYTES}" is replaced by N. The receiver counts as ready once its
// socket is in LISTEN state in /proc/net/tcp. Then the sender starts with FILE (or /dev/null) as stdin and
// stdout to /dev/null; the clock (CLOCK_MONOTONIC) runs from just before the sender's fork until the
// receiver has exited and, with --sink count, its output has reached end of file.
// Bytes received, by --sink:
//   count  (default) the receiver's stdout is a pipe (1 MiB) that this program empties with splice() into
//          /dev/null in a thread (read() if splice is refused), counting every byte;
//   null   stdout is /dev/null; the count is the receiver's wchar from /proc/PID/io read while it is a zombie
//          (write() calls only: approximate, a receiver that splices is not counted);
//   stderr the receiver reports "received=N" on stderr itself (the GUI receiver);
//   iperf3 the sender is an iperf3 client with -J: its stdout (JSON) is read. bytes = end.sum_sent.bytes (what
//          it wrote); end.sum_received.bytes (the server's count: it stops reading at the client's TEST_END,
//          up to a socket buffer short of the end) must be within 8 MiB of it; the receiver's stdout goes to
//          /dev/null.
// Prints one line on stdout:
//   RESULT label=L ok=0|1 bytes=N expected=N seconds=S mib_s=R recv_cpu_ms=.. send_cpu_ms=.. recv_rss_kb=..
//          send_rss_kb=.. port=P tries=T [stall_ms=.. (from the receiver's stderr)] [iperf_mib_s=.. (its own
//          figure, server side) iperf_received=..]
// ok=1 when the receiver and the sender exited with status 0 and bytes == N.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

double now()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

[[noreturn]] void die(const std::string &what)
{
    std::fprintf(stderr, "tcp_stream: %s: %s\n", what.c_str(), std::strerror(errno));
    std::exit(2);
}

int freePort()
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (s < 0 || ::bind(s, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0)
        die("bind 127.0.0.1:0");
    socklen_t len = sizeof a;
    ::getsockname(s, reinterpret_cast<sockaddr *>(&a), &len);
    ::close(s);
    return ntohs(a.sin_port);
}

// Is 127.0.0.1:port (or 0.0.0.0:port) in LISTEN state?
bool listening(int port)
{
    std::ifstream f("/proc/net/tcp");
    std::string line;
    char want1[32], want2[32];
    std::snprintf(want1, sizeof want1, "0100007F:%04X", port);
    std::snprintf(want2, sizeof want2, "00000000:%04X", port);
    std::getline(f, line);
    while (std::getline(f, line)) {
        std::istringstream in(line);
        std::string sl, local, remote, st;
        in >> sl >> local >> remote >> st;
        if (st == "0A" && (local == want1 || local == want2))
            return true;
    }
    return false;
}

std::vector<std::string> substitute(std::vector<std::string> argv, int port, long long bytes)
{
    for (std::string &a : argv) {
        for (size_t p; (p = a.find("{PORT}")) != std::string::npos;)
            a.replace(p, 6, std::to_string(port));
        for (size_t p; (p = a.find("{BYTES}")) != std::string::npos;)
            a.replace(p, 7, std::to_string(bytes));
    }
    return argv;
}

bool hasPort(const std::vector<std::string> &argv)
{
    for (const std::string &a : argv)
        if (a.find("{PORT}") != std::string::npos)
            return true;
    return false;
}

void pinTo(int cpu)
{
    if (cpu < 0)
        return;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
}

// fork + exec with the given stdin/stdout/stderr descriptors; the child is pinned to cpu (-1: not).
pid_t spawn(const std::vector<std::string> &argv, int in, int out, int err, int cpu)
{
    const pid_t pid = ::fork();
    if (pid < 0)
        die("fork");
    if (pid == 0) {
        pinTo(cpu);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        for (int fd = 3; fd < 1024; ++fd)
            ::close(fd);
        std::vector<char *> args;
        for (const std::string &a : argv)
            args.push_back(const_cast<char *>(a.c_str()));
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        std::fprintf(stderr, "tcp_stream: cannot run %s: %s\n", args[0], std::strerror(errno));
        ::_exit(127);
    }
    return pid;
}

// Collects a child's stderr (or stdout) in a thread.
struct Collector
{
    int fd = -1;
    std::mutex mutex;
    std::string text;
    std::thread thread;
    void start(int readFd)
    {
        fd = readFd;
        thread = std::thread([this] {
            char buf[4096];
            for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) != 0;) {
                if (n < 0) {
                    if (errno == EINTR)
                        continue;
                    break;
                }
                std::lock_guard<std::mutex> lock(mutex);
                if (text.size() < (4u << 20))
                    text.append(buf, size_t(n));
            }
            ::close(fd);
        });
    }
    std::string get()
    {
        std::lock_guard<std::mutex> lock(mutex);
        return text;
    }
    void join()
    {
        if (thread.joinable())
            thread.join();
    }
};

// Empties a pipe into /dev/null, counting bytes; splice() moves the pages without copying them.
struct Sink
{
    int fd = -1;
    int cpu = -1;
    std::atomic<long long> bytes{0};
    std::atomic<bool> eof{false};
    double eofAt = 0;
    std::thread thread;
    void start(int readFd)
    {
        fd = readFd;
        thread = std::thread([this] {
            if (cpu >= 0) {
                cpu_set_t set;
                CPU_ZERO(&set);
                CPU_SET(cpu, &set);
                pthread_setaffinity_np(pthread_self(), sizeof set, &set);
            }
            const int null = ::open("/dev/null", O_WRONLY);
            bool useSplice = true;
            std::vector<char> buf(1 << 20);
            for (;;) {
                ssize_t n;
                if (useSplice) {
                    n = ::splice(fd, nullptr, null, nullptr, 1 << 20, SPLICE_F_MOVE);
                    if (n < 0 && errno == EINVAL) {
                        useSplice = false;
                        continue;
                    }
                } else {
                    n = ::read(fd, buf.data(), buf.size());
                }
                if (n == 0)
                    break;
                if (n < 0) {
                    if (errno == EINTR)
                        continue;
                    break;
                }
                bytes += n;
            }
            eofAt = now();
            eof = true;
            ::close(null);
            ::close(fd);
        });
    }
};

long long parseLastNumber(const std::string &text, const std::string &key)
{
    // The last "key=N" in text.
    const std::regex re(key + "=([0-9]+)");
    long long v = -1;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
        v = std::stoll((*it)[1].str());
    return v;
}

// iperf3 -J: end.<section>.{bytes,bits_per_second}. Not a JSON parser: the first "bytes" and
// "bits_per_second" after the last "<section>".
bool parseIperf(const std::string &json, const std::string &section, long long *bytes, double *bps)
{
    const size_t at = json.rfind("\"" + section + "\"");
    if (at == std::string::npos)
        return false;
    std::smatch m;
    const std::string rest = json.substr(at);
    if (std::regex_search(rest, m, std::regex("\"bytes\"\\s*:\\s*([0-9]+)")))
        *bytes = std::stoll(m[1].str());
    if (std::regex_search(rest, m, std::regex("\"bits_per_second\"\\s*:\\s*([0-9.eE+]+)")))
        *bps = std::stod(m[1].str());
    return true;
}

long long wcharOf(pid_t pid)
{
    std::ifstream f("/proc/" + std::to_string(pid) + "/io");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("wchar:", 0) == 0)
            return std::stoll(line.substr(6));
    return -1;
}

double cpuMs(const rusage &ru)
{
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

// waitpid with a deadline (monotonic seconds); false when it passed.
bool waitUntil(pid_t pid, int *status, rusage *ru, double deadline, double *exitedAt)
{
    for (;;) {
        const pid_t r = ::wait4(pid, status, WNOHANG, ru);
        if (r == pid) {
            *exitedAt = now();
            return true;
        }
        if (now() > deadline)
            return false;
        ::usleep(200);
    }
}

std::string tail(const std::string &s, size_t n)
{
    std::string t = s.size() > n ? s.substr(s.size() - n) : s;
    for (char &c : t)
        if (c == '\n')
            c = '|';
    return t;
}

} // namespace

int main(int argc, char **argv)
{
    std::string label = "run", source, sink = "count";
    long long expected = 0;
    int senderCpu = -1, receiverCpu = -1, sinkCpu = -1;
    double timeout = 300;
    std::vector<std::string> recvArgv, sendArgv;
    int i = 1;
    for (; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "tcp_stream: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--label")
            label = next();
        else if (a == "--bytes")
            expected = std::stoll(next());
        else if (a == "--source")
            source = next();
        else if (a == "--sink")
            sink = next();
        else if (a == "--sender-cpu")
            senderCpu = std::stoi(next());
        else if (a == "--receiver-cpu")
            receiverCpu = std::stoi(next());
        else if (a == "--sink-cpu")
            sinkCpu = std::stoi(next());
        else if (a == "--timeout")
            timeout = std::stod(next());
        else if (a == "--recv")
            break;
        else {
            std::fprintf(stderr, "tcp_stream: unknown option %s\n", a.c_str());
            return 2;
        }
    }
    std::vector<std::string> *into = nullptr;
    for (; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--recv" && into == nullptr)
            into = &recvArgv;
        else if (a == "--send" && into == &recvArgv)
            into = &sendArgv;
        else if (into)
            into->push_back(a);
    }
    if (recvArgv.empty() || sendArgv.empty() || expected <= 0) {
        std::fprintf(stderr, "usage: tcp_stream --label L --bytes N [--source FILE] [--sink count|null|stderr|iperf3] "
                             "[--sender-cpu C] [--receiver-cpu C] [--sink-cpu C] --recv ARGV... --send ARGV...\n");
        return 2;
    }
    ::signal(SIGPIPE, SIG_IGN);
    const bool fixedPort = hasPort(recvArgv);
    const int devNull = ::open("/dev/null", O_RDWR);

    pid_t recvPid = -1;
    int port = 0, tries = 0;
    std::unique_ptr<Collector> recvErr;
    Sink counter;
    counter.cpu = sinkCpu;
    bool ready = false;
    std::string why;
    while (!ready && tries < 5) {
        ++tries;
        port = fixedPort ? freePort() : 0;
        int errPipe[2], outPipe[2] = {-1, -1};
        if (::pipe2(errPipe, O_CLOEXEC) != 0)
            die("pipe");
        int out = devNull;
        if (sink == "count") {
            if (::pipe2(outPipe, O_CLOEXEC) != 0)
                die("pipe");
            ::fcntl(outPipe[0], F_SETPIPE_SZ, 1 << 20);
            out = outPipe[1];
        }
        recvPid = spawn(substitute(recvArgv, port, expected), devNull, out, errPipe[1], receiverCpu);
        ::close(errPipe[1]);
        if (outPipe[1] >= 0)
            ::close(outPipe[1]);
        recvErr = std::make_unique<Collector>();
        recvErr->start(errPipe[0]);
        const double deadline = now() + 10;
        int status = 0;
        bool exited = false;
        while (now() < deadline) {
            if (!fixedPort && port == 0) {
                std::smatch m;
                const std::string text = recvErr->get();
                if (std::regex_search(text, m, std::regex("127\\.0\\.0\\.1:([0-9]+)")))
                    port = std::stoi(m[1].str());
            }
            if (port > 0 && listening(port)) {
                ready = true;
                break;
            }
            if (::waitpid(recvPid, &status, WNOHANG) == recvPid) {
                exited = true;
                break;
            }
            ::usleep(1000);
        }
        if (ready) {
            if (sink == "count")
                counter.start(outPipe[0]);
            break;
        }
        if (outPipe[0] >= 0)
            ::close(outPipe[0]);
        if (!exited) {
            ::kill(recvPid, SIGKILL);
            ::waitpid(recvPid, &status, 0);
        }
        recvErr->join();
        why = "receiver not listening: " + tail(recvErr->get(), 300);
        std::fprintf(stderr, "tcp_stream: try %d: %s\n", tries, why.c_str());
        if (!fixedPort)
            break;   // a port it chose itself: retrying will not help
    }
    if (!ready) {
        std::printf("RESULT label=%s ok=0 error=not_listening tries=%d\n", label.c_str(), tries);
        return 1;
    }

    int sourceFd = devNull;
    if (!source.empty() && (sourceFd = ::open(source.c_str(), O_RDONLY | O_CLOEXEC)) < 0)
        die("open " + source);
    int sendErrPipe[2];
    if (::pipe2(sendErrPipe, O_CLOEXEC) != 0)
        die("pipe");
    Collector sendErr, sendOut;
    int sendOutPipe[2] = {-1, -1};
    if (sink == "iperf3" && ::pipe2(sendOutPipe, O_CLOEXEC) != 0)
        die("pipe");
    const double t0 = now();
    const pid_t sendPid = spawn(substitute(sendArgv, port, expected), sourceFd,
                                sendOutPipe[1] >= 0 ? sendOutPipe[1] : devNull, sendErrPipe[1], senderCpu);
    ::close(sendErrPipe[1]);
    sendErr.start(sendErrPipe[0]);
    if (sendOutPipe[1] >= 0) {
        ::close(sendOutPipe[1]);
        sendOut.start(sendOutPipe[0]);
    }

    // The receiver's exit ends the clock. With --sink null, read its wchar while it is a zombie. A watchdog
    // kills both when the transfer takes longer than --timeout.
    int recvStatus = -1, sendStatus = -1;
    rusage recvRu{}, sendRu{};
    double recvExit = 0, sendExit = 0;
    long long wchar = -1;
    std::atomic<bool> finished{false}, timedOut{false};
    std::thread watchdog([&] {
        const double deadline = t0 + timeout;
        while (!finished && now() < deadline)
            ::usleep(10000);
        if (!finished) {
            timedOut = true;
            ::kill(recvPid, SIGKILL);
            ::kill(sendPid, SIGKILL);
        }
    });
    siginfo_t info{};
    while (::waitid(P_PID, id_t(recvPid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR) {
    }
    recvExit = now();
    wchar = wcharOf(recvPid);
    ::wait4(recvPid, &recvStatus, 0, &recvRu);
    if (!waitUntil(sendPid, &sendStatus, &sendRu, now() + 10, &sendExit)) {
        ::kill(sendPid, SIGKILL);
        ::wait4(sendPid, &sendStatus, 0, &sendRu);
        std::fprintf(stderr, "tcp_stream: %s: sender still running 10 s after the receiver exited; killed\n",
                     label.c_str());
    }
    finished = true;
    watchdog.join();
    double end = recvExit;
    if (sink == "count") {
        counter.thread.join();
        end = std::max(end, counter.eofAt);
    }
    recvErr->join();
    sendErr.join();
    sendOut.join();
    const std::string recvText = recvErr->get();

    long long bytes = -1, iperfReceived = -1;
    double iperfBps = -1, iperfRecvBps = -1;
    if (sink == "count")
        bytes = counter.bytes;
    else if (sink == "null")
        bytes = wchar;
    else if (sink == "stderr")
        bytes = parseLastNumber(recvText, "received");
    else if (sink == "iperf3") {
        parseIperf(sendOut.get(), "sum_sent", &bytes, &iperfBps);
        parseIperf(sendOut.get(), "sum_received", &iperfReceived, &iperfRecvBps);
    }

    const double seconds = end - t0;
    const bool recvOk = WIFEXITED(recvStatus) && WEXITSTATUS(recvStatus) == 0;
    const bool sendOk = WIFEXITED(sendStatus) && WEXITSTATUS(sendStatus) == 0;
    // wchar also counts the receiver's own messages on stderr: allow a little more.
    const bool bytesOk = sink == "null" ? (bytes >= expected && bytes < expected + 65536)
                         : sink == "iperf3"   ? (bytes == expected && iperfReceived > expected - (8 << 20))
                                              : bytes == expected;
    const bool ok = !timedOut && recvOk && sendOk && bytesOk;
    std::printf("RESULT label=%s ok=%d bytes=%lld expected=%lld seconds=%.4f mib_s=%.1f recv_cpu_ms=%.0f "
                "send_cpu_ms=%.0f recv_rss_kb=%ld send_rss_kb=%ld port=%d tries=%d sender_done_s=%.4f",
                label.c_str(), ok ? 1 : 0, bytes, expected, seconds,
                seconds > 0 ? double(bytes > 0 ? bytes : 0) / 1048576.0 / seconds : 0.0, cpuMs(recvRu), cpuMs(sendRu),
                recvRu.ru_maxrss, sendRu.ru_maxrss, port, tries, sendExit > 0 ? sendExit - t0 : -1.0);
    const long long stall = parseLastNumber(recvText, "stall_ms");
    if (stall >= 0)
        std::printf(" stall_ms=%lld", stall);
    const long long hwm = parseLastNumber(recvText, "rss_kb");
    if (hwm >= 0)
        std::printf(" recv_hwm_kb=%lld", hwm);
    if (iperfBps > 0)
        std::printf(" iperf_mib_s=%.1f iperf_received=%lld", iperfRecvBps / 8 / 1048576.0, iperfReceived);
    if (timedOut)
        std::printf(" error=timeout");
    if (!recvOk)
        std::printf(" recv_status=%d", WIFEXITED(recvStatus) ? WEXITSTATUS(recvStatus) : -WTERMSIG(recvStatus));
    if (!sendOk)
        std::printf(" send_status=%d", WIFEXITED(sendStatus) ? WEXITSTATUS(sendStatus) : -WTERMSIG(sendStatus));
    std::printf("\n");
    if (!ok) {
        std::fprintf(stderr, "tcp_stream: %s failed; receiver stderr: %s\n", label.c_str(), tail(recvText, 400).c_str());
        std::fprintf(stderr, "tcp_stream: %s sender stderr: %s\n", label.c_str(), tail(sendErr.get(), 400).c_str());
    }
    return ok ? 0 : 1;
}
