#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QMetaType>

namespace NetPoke::Tcp {

enum class Direction { Received, Sent };

// Bytes of one read (Received) or of one send() call (Sent) on one connection. A read is not a message:
// it is what the system had when the socket was read (see Framer for rows).
struct Chunk
{
    quint64 connectionId = 0;       // Server: the connection's id; Client: the connection number (1, 2, ...)
    Direction direction = Direction::Received;
    QHostAddress peer;
    quint16 peerPort = 0;
    qint64 timestampMs = 0;         // ms since the epoch
    QByteArray data;
};

// Exact byte counts: every byte read from or accepted by the system is counted, whether or not a chunk of it
// was shown (echoed bytes count as sent but give no Sent chunk).
struct Counters
{
    quint64 rxBytes = 0;
    quint64 txBytes = 0;     // bytes handed to the system (written), not just queued
    quint64 rxReads = 0;
};

} // namespace NetPoke::Tcp

Q_DECLARE_METATYPE(NetPoke::Tcp::Chunk)
