#pragma once

#include "net/datagramsocket.h"

#include <QString>

#include <functional>

class QObject;

namespace NetPoke::Tftp {

// The TFTP client's view of the shared datagram engine (Net::DatagramSocket): a socket of the server's
// family on an ephemeral port, batch receive with each datagram's 4-byte header apart from its payload,
// and grow-only receive and send buffer sizing. The kernel is reached only through the engine.

// A peer's address and port as the kernel gives and takes it: compared once per datagram, so no QHostAddress.
using Peer = Net::SocketAddress;

class Socket final
{
    Q_DISABLE_COPY_MOVE(Socket)

public:
    static constexpr int MaxBatch = 64;   // datagrams per receive() call
    // Where receive() puts datagram i: its first 4 bytes in header(i), the rest in the caller's slot i; the
    // datagram's real length (header included; more than the slot holds when it was cut) in size(i).
    class Batch
    {
    public:
        const char *header(int i) const { return m_header[i]; }
        const Peer &from(int i) const { return m_slot[i].sender; }
        qsizetype size(int i) const { return m_slot[i].size; }

    private:
        friend class Socket;
        char m_header[MaxBatch][4];
        Net::ReceiveSlot m_slot[MaxBatch];
    };

    Socket() = default;
    ~Socket();

    // A UDP socket for talking to peer on an ephemeral port (dual-stack for IPv6 peers, so that
    // ::ffff:a.b.c.d works too), with ICMP reports on; onReadable runs once per wake-up, onIcmp when
    // ICMP reports have arrived (take them with takeIcmpErrors()). Both run in context's thread, and the
    // engine is a child of context. False with errorString().
    bool open(const Peer &peer, QObject *context, std::function<void()> onReadable, std::function<void()> onIcmp);
    void close();
    bool isOpen() const { return m_engine && m_engine->isBound(); }
    QString errorString() const { return m_errorString; }

    // Up to count datagrams without blocking, slot i at payload + i * slotSize (one recvmsg for one slot, one
    // recvmmsg for more). Returns how many arrived, 0 when none is queued, -1 on an error other than an ICMP
    // report (those are collected by the engine and announced through onIcmp).
    int receive(Batch *batch, char *payload, qsizetype slotSize, int count);
    // False when the datagram was not sent; EAGAIN/ENOBUFS are left to the retransmission timer.
    bool sendTo(const Peer &to, const char *data, qsizetype size);
    QList<Net::IcmpError> takeIcmpErrors();
    // Grows the receive buffer to want bytes (as SO_RCVBUF reports them) if it is smaller; returns what
    // it is then, 0 if unknown.
    int sizeReceiveBuffer(qint64 want);
    // The receive buffer as SO_RCVBUF reports it, 0 if unknown: right after open(), the system's default.
    int receiveBufferSize() const;
    // The same for the send buffer (a window of DATA leaves in one go); the system caps it at
    // net.core.wmem_max, and a send that still finds it full is left to the retransmission timer.
    int sizeSendBuffer(qint64 want);

    static int pathMtu(const Peer &peer) { return Net::DatagramSocket::pathMtu(peer); }

private:
    Net::DatagramSocket *m_engine = nullptr;   // owned by the context given to open()
    QString m_errorString;
};

} // namespace NetPoke::Tftp
