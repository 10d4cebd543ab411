#pragma once

#include "icmperrors.h"

#include <QHostAddress>
#include <QString>

#include <functional>
#include <sys/socket.h>

class QObject;
class QSocketNotifier;

namespace NetPoke::Tftp {

// Everything of the TFTP client that talks to the kernel directly (::socket, recvmmsg, sendto, setsockopt,
// the ICMP error queue, the path MTU) is in this file and nowhere else, behind this small interface, so that
// moving the client onto the shared datagram engine (src/core/net/) replaces this file and touches nothing
// in the protocol code.

// A peer's address and port as the kernel gives and takes it: compared once per datagram, so no QHostAddress.
struct Peer
{
    sockaddr_storage addr{};

    // False for an address that is neither IPv4 nor IPv6.
    static bool fromAddress(const QHostAddress &address, quint16 port, Peer *out);
    bool isIPv6() const;
    quint16 port() const;
    void setPort(quint16 port);
    bool sameHost(const Peer &other) const;
    QHostAddress address() const;
};

class Socket final
{
    Q_DISABLE_COPY_MOVE(Socket)

public:
    static constexpr int MaxBatch = 64;   // datagrams per receive() call
    // Where receive() puts datagram i: its first 4 bytes in header[i], the rest in the caller's slot i; the
    // datagram's real length (header included; more than the slot holds when it was cut) in size[i].
    struct Batch
    {
        char header[MaxBatch][4];
        Peer from[MaxBatch];
        qsizetype size[MaxBatch];
    };
    enum class Sent { Ok, Failed, IcmpPending };

    Socket();
    ~Socket();

    // A non-blocking UDP socket of the peer's family on an ephemeral port, with ICMP reports turned on;
    // onReadable runs (in context's thread) whenever it turns readable. False with errorString().
    bool open(const Peer &peer, QObject *context, std::function<void()> onReadable);
    void close();
    bool isOpen() const { return m_fd >= 0; }
    QString errorString() const { return m_errorString; }

    // Up to count datagrams without blocking, slot i at payload + i * slotSize (one recvmsg for one slot, one
    // recvmmsg for more). Returns how many arrived, 0 when none is queued, -1 on an error such as
    // ECONNREFUSED (an ICMP report is waiting: drainIcmpErrors()).
    int receive(Batch *batch, char *payload, qsizetype slotSize, int count);
    // IcmpPending: an earlier ICMP report was returned instead of sending; read it, then try again.
    Sent sendTo(const Peer &to, const char *data, qsizetype size);
    QList<IcmpError> drainIcmpErrors();
    // Grows the receive buffer to want bytes if it is smaller (past net.core.rmem_max when root); returns
    // what it is then, as SO_RCVBUF reports it, 0 if unknown.
    int sizeReceiveBuffer(qint64 want);

    // The MTU of the route to peer (a connected probe socket sends nothing), else that of the interface the
    // route leaves from; 0 if unknown.
    static int pathMtu(const Peer &peer);

private:
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QString m_errorString;
};

} // namespace NetPoke::Tftp
