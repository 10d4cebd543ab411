// Lock-step UDP ping-pong over 127.0.0.1: how many wake-ups per second each way of reading a socket in
// the Qt event loop reaches. An echo thread answers every datagram at once (blocking recvfrom/sendto);
// the event loop sends the next ping as soon as the answer is read, as the TFTP client ACKs each block.
// Not in ctest. See bench/README.md.
//   net_pingpong [SECONDS per run] [RUNS] [VARIANT: 1-4, default all]
// With one VARIANT, e.g. under `strace -f -c`, the round trips are printed too (system calls per wake-up).
#include "net/datagramsocket.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSocketNotifier>
#include <QTimer>
#include <QUdpSocket>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <thread>
#include <vector>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using NetPoke::Net::DatagramSocket;
using NetPoke::Net::ReceiveSlot;
using NetPoke::Net::SocketAddress;

namespace {

constexpr int Payload = 516;   // a TFTP DATA packet of 512 bytes
constexpr int Slots = 8;

// Echoes every datagram back to its sender until told to stop.
class Echo
{
public:
    Echo()
    {
        m_fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
        socklen_t len = sizeof a;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&a), &len);
        m_port = ntohs(a.sin_port);
        timeval tv{0, 200 * 1000};   // wakes up to see the stop flag
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        m_thread = std::thread([this] { run(); });
    }
    ~Echo()
    {
        m_stop = true;
        m_thread.join();
        ::close(m_fd);
    }
    quint16 port() const { return m_port; }

private:
    void run()
    {
        char buf[65536];
        while (!m_stop) {
            sockaddr_storage from{};
            socklen_t len = sizeof from;
            const ssize_t n = ::recvfrom(m_fd, buf, sizeof buf, 0, reinterpret_cast<sockaddr *>(&from), &len);
            if (n >= 0)
                ::sendto(m_fd, buf, size_t(n), 0, reinterpret_cast<sockaddr *>(&from), len);
        }
    }

    int m_fd = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

// Runs the event loop for `seconds` while `start` keeps a ping-pong going; returns round trips per second.
template<typename Start>
double measure(double seconds, long *count, Start start)
{
    QElapsedTimer clock;
    clock.start();
    start();
    QTimer::singleShot(int(seconds * 1000), qApp, &QCoreApplication::quit);
    QCoreApplication::exec();
    return double(*count) * 1000.0 / double(qMax<qint64>(1, clock.elapsed()));
}

double rawNotifier(double seconds, quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    local.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local);
    sockaddr_in to = local;
    to.sin_port = htons(port);
    static char bufs[Slots][65536];
    static char ping[Payload];
    long count = 0;
    QSocketNotifier notifier(fd, QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, [&] {
        mmsghdr msgs[Slots];
        iovec iov[Slots];
        for (int i = 0; i < Slots; ++i) {
            iov[i] = iovec{bufs[i], sizeof bufs[i]};
            msgs[i] = mmsghdr{};
            msgs[i].msg_hdr.msg_iov = &iov[i];
            msgs[i].msg_hdr.msg_iovlen = 1;
        }
        const int got = ::recvmmsg(fd, msgs, Slots, MSG_DONTWAIT, nullptr);
        for (int i = 0; i < got; ++i) {
            ++count;
            ::sendto(fd, ping, sizeof ping, 0, reinterpret_cast<sockaddr *>(&to), sizeof to);
        }
    });
    const double rate = measure(seconds, &count, [&] {
        ::sendto(fd, ping, sizeof ping, 0, reinterpret_cast<sockaddr *>(&to), sizeof to);
    });
    notifier.setEnabled(false);
    ::close(fd);
    return rate;
}

double qtReadDatagram(double seconds, quint16 port)
{
    QUdpSocket s;
    s.bind(QHostAddress::LocalHost, 0);
    const QHostAddress to(QHostAddress::LocalHost);
    static char buf[65536];
    static char ping[Payload];
    long count = 0;
    QObject::connect(&s, &QUdpSocket::readyRead, [&] {
        while (s.hasPendingDatagrams()) {
            if (s.readDatagram(buf, sizeof buf) < 0)
                break;
            ++count;
            s.writeDatagram(ping, sizeof ping, to, port);
        }
    });
    return measure(seconds, &count, [&] { s.writeDatagram(ping, sizeof ping, to, port); });
}

// UdpEndpoint's way before the engine: Qt's readyRead, one Qt read (it re-arms Qt's notifier), then recvmmsg.
double qtReadThenRecvmmsg(double seconds, quint16 port)
{
    QUdpSocket s;
    s.bind(QHostAddress::LocalHost, 0);
    const QHostAddress to(QHostAddress::LocalHost);
    static char bufs[Slots][65536];
    static char ping[Payload];
    long count = 0;
    QObject::connect(&s, &QUdpSocket::readyRead, [&] {
        if (s.readDatagram(bufs[0], sizeof bufs[0]) >= 0) {
            ++count;
            s.writeDatagram(ping, sizeof ping, to, port);
        }
        mmsghdr msgs[Slots];
        iovec iov[Slots];
        for (int i = 0; i < Slots; ++i) {
            iov[i] = iovec{bufs[i], sizeof bufs[i]};
            msgs[i] = mmsghdr{};
            msgs[i].msg_hdr.msg_iov = &iov[i];
            msgs[i].msg_hdr.msg_iovlen = 1;
        }
        const int got = ::recvmmsg(int(s.socketDescriptor()), msgs, Slots, MSG_DONTWAIT, nullptr);
        for (int i = 0; i < got; ++i) {
            ++count;
            s.writeDatagram(ping, sizeof ping, to, port);
        }
    });
    return measure(seconds, &count, [&] { s.writeDatagram(ping, sizeof ping, to, port); });
}

double engine(double seconds, quint16 port)
{
    DatagramSocket s;
    s.bind(QHostAddress::LocalHost, 0);
    const SocketAddress to(QHostAddress::LocalHost, port);
    static char bufs[Slots][65536];
    static char ping[Payload];
    ReceiveSlot into[Slots];
    for (int i = 0; i < Slots; ++i) {
        into[i].data = bufs[i];
        into[i].capacity = sizeof bufs[i];
    }
    long count = 0;
    QObject::connect(&s, &DatagramSocket::readyRead, [&] {
        const int got = s.receive(into, Slots);
        for (int i = 0; i < got; ++i) {
            ++count;
            s.sendTo(ping, sizeof ping, to);
        }
    });
    return measure(seconds, &count, [&] { s.sendTo(ping, sizeof ping, to); });
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 1.0;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
    const int only = argc > 3 ? std::atoi(argv[3]) : 0;
    struct Variant
    {
        const char *name;
        double (*run)(double, quint16);
        std::vector<double> rates;
    };
    Variant variants[] = {
        {"raw QSocketNotifier + recvmmsg + sendto", rawNotifier, {}},
        {"QUdpSocket readyRead + readDatagram + writeDatagram", qtReadDatagram, {}},
        {"QUdpSocket readyRead + 1 Qt read + recvmmsg (old UdpEndpoint)", qtReadThenRecvmmsg, {}},
        {"Net::DatagramSocket receive + sendTo", engine, {}},
    };
    Echo echo;
    // Interleaved, so that a change in the machine's load spreads over all of them.
    for (int r = 0; r < runs; ++r) {
        for (int i = 0; i < 4; ++i) {
            if (only == 0 || only == i + 1)
                variants[i].rates.push_back(variants[i].run(seconds, echo.port()));
        }
    }
    std::printf("net_pingpong: %d x %.1f s per variant, %d-byte pings over 127.0.0.1, echo thread\n", runs, seconds,
                Payload);
    std::printf("%-64s %12s %12s %12s\n", "variant", "median/s", "min/s", "max/s");
    for (Variant &v : variants) {
        if (v.rates.empty())
            continue;
        if (only != 0)
            std::printf("round trips: %.0f\n", v.rates.front() * seconds);
        std::sort(v.rates.begin(), v.rates.end());
        std::printf("%-64s %12.0f %12.0f %12.0f\n", v.name, v.rates[v.rates.size() / 2], v.rates.front(),
                    v.rates.back());
    }
    return 0;
}
