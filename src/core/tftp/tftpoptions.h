#pragma once

#include "tftppacket.h"
#include "tftpteaching.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace NetPoke::Tftp {

// Option negotiation (RFC 2347 OACK, 2348 blksize, 2349 timeout/tsize, 7440 windowsize) for both roles, as
// values: what a request asks, whether an OACK may be accepted, what a server answers. No sockets, no state.

// Protocol limits beyond the wire format's (MinBlockSize, MaxBlockSize, DefaultBlockSize, MaxWindowSize,
// Min/MaxTimeoutSeconds in tftppacket.h).
constexpr int MinWindowSize = 1;                   // RFC 7440
// Largest window the client asks for: a receiver tells a gap from a duplicate by (block - expected) < 0x8000,
// which is only unambiguous while a window spans less than half the 16-bit block numbers.
constexpr int MaxClientWindowSize = 32767;
constexpr qint64 MaxTsize = qint64(1) << 62;       // what parseOptionValue() accepts
constexpr int MaxTimeoutMs = MaxTimeoutSeconds * 1000;
constexpr int MaxRetries = 1000;

struct ClientOptions
{
    Q_DECLARE_TR_FUNCTIONS(NetPoke::Tftp::ClientOptions)

public:
    enum Mode { Octet, NetAscii };
    enum Field { NoField, BlockSizeField, WindowSizeField, TimeoutField, RetriesField, MaxSizeField };

    Mode mode = Octet;
    int blockSize = 0;        // 0: auto (interface MTU - IP - UDP - 4; 65464 on loopback); 8..65464
    int windowSize = 8;       // RFC 7440; 1 = lock-step; 0 = do not ask; at most MaxClientWindowSize, and
                              // lowered to what the socket's receive buffer can hold (upload: what the system's
                              // default receive buffer holds, taken as the server's)
    bool requestTsize = true; // RFC 2349
    int timeoutMs = 0;        // 0: adaptive from the measured RTT; else fixed, and asked with "timeout" (s)
    int retries = 5;          // retransmissions of one packet before giving up
    bool rfc1350Only = false; // no options at all: 512-byte lock-step
    qint64 maxSize = 0;       // bytes of the file at most (netascii: decoded); 0 = no limit. A tsize above it
                              // is refused at once, a transfer without one stopped once it runs past it
    TeachingOptions teaching; // teaching mode: pace and simulated loss of the packets this side sends

    // Empty when every value is within the limits; otherwise why not, in plain words, and (field) which
    // value it is about. Client::setOptions() still clamps what it is given; callers that take values from a
    // user check them here first, so that a window of 65535 is refused instead of silently lowered.
    QString validate(Field *field = nullptr) const;
};

// What a request asks for; 0 / false: not asked.
struct RequestedOptions
{
    int blockSize = 0;
    int windowSize = 0;
    int timeoutS = 0;
    bool tsize = false;
    qint64 tsizeValue = 0;    // what tsize says: 0 in an RRQ (the server answers the size), the size in a WRQ

    bool any() const { return blockSize > 0 || windowSize > 0 || timeoutS > 0 || tsize; }
    // In the order the client sends them: blksize, tsize, timeout, windowsize.
    QList<Option> toList() const;
    QByteArrayList names() const;
    // After an ERROR 8 in answer to the request: the options its message names are left out, and all of
    // them when it names none (tftpd-hpa says "Unsupported option(s) requested").
    RequestedOptions withoutRefused(QByteArrayView serverMessage) const;
};

// The client's request from its options: blockSize is the one for auto (0) already chosen from the path's
// MTU, windowThatFits the largest window the receive buffer holds (see windowForReceiveBuffer()).
RequestedOptions requestFor(const ClientOptions &options, int autoBlockSize, int windowThatFits);
// blksize for a path MTU: what fits one datagram after the IP, UDP and TFTP headers, within 512..65464.
int blockSizeForMtu(int mtu, bool ipv6);

// What both sides go by once negotiated; the defaults are RFC 1350's.
struct NegotiatedOptions
{
    int blockSize = DefaultBlockSize;
    int windowSize = 1;
    int timeoutS = 0;         // 0: not agreed
    qint64 tsize = -1;        // -1: not agreed (RRQ: the file size from the server; WRQ: from the client)
};

// The client's check of a server's OACK (RFC 2347: only options that were asked, values no larger than asked).
struct OackCheck
{
    bool ok = false;
    NegotiatedOptions agreed;
    QString errorString;      // plain words, when !ok
    QByteArray wireMessage;   // fixed ASCII for the ERROR 8 the client sends, when !ok
};
OackCheck checkOack(const RequestedOptions &asked, const QList<Option> &oack);

// The server's side: the options of a request answered as RFC 2347/2348/2349/7440 say. Unknown options, bad
// numbers, blksize < 8, windowsize < 1 and timeout outside 1..255 are left out (ignored); a blksize above
// 65464 or the server's maximum is answered with that maximum, a windowsize above the maximum likewise. tsize:
// for an RRQ the file size (left out when unknown, e.g. netascii), for a WRQ the client's value echoed.
struct ServerLimits
{
    int maxBlockSize = MaxBlockSize;
    int maxWindowSize = MaxWindowSize;   // 0: windowsize is not offered
    bool timeout = true;                 // accept the timeout option
};
struct ServerAnswer
{
    QList<Option> oack;       // empty: send no OACK (DATA 1 for an RRQ, ACK 0 for a WRQ)
    NegotiatedOptions agreed;
};
ServerAnswer negotiateAsServer(const QList<Option> &requested, bool write, qint64 fileSize,
                               const ServerLimits &limits = ServerLimits());

// Receive buffer (bytes, as SO_RCVBUF reports it) one full datagram of blockSize bytes takes: DATA header,
// the kernel's per-datagram overhead, and a factor of 2 for the allocation rounding (a 64 KiB datagram takes
// a 128 KiB buffer on loopback).
qint64 receiveBufferPerDatagram(int blockSize);
// The largest window (at least 1, at most windowSize) whose full datagrams of blockSize bytes fit in a
// receive buffer of receiveBufferBytes. windowSize <= 1 is returned as it is.
int windowForReceiveBuffer(qint64 receiveBufferBytes, int blockSize, int windowSize);

} // namespace NetPoke::Tftp
