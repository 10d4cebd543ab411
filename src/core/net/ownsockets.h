#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QSet>
#include <QString>

namespace NetPoke {

// The sockets this process has open, read from the kernel's tables (Linux /proc/net/{tcp,tcp6,udp,udp6},
// matched to /proc/self/fd by inode): what the Network tab shows as "NetPoke's own sockets", with no
// bookkeeping in the protocol code.
class OwnSockets final
{
    Q_DECLARE_TR_FUNCTIONS(OwnSockets)

public:
    struct Entry
    {
        QString protocol;         // "TCP", "TCP6", "UDP", "UDP6"
        QHostAddress local;
        quint16 localPort = 0;
        QHostAddress peer;        // null (or any) when not connected
        quint16 peerPort = 0;
        int state = 0;            // the kernel's TCP state number (1 ESTABLISHED ... 10 LISTEN)
        quint64 inode = 0;
        quint64 receiveQueue = 0;
        quint64 sendQueue = 0;
    };

    // This process's sockets, sorted by protocol and local port. Empty where /proc is not there.
    static QList<Entry> list();
    // The socket inodes of this process (from /proc/self/fd links "socket:[N]").
    static QSet<quint64> ownInodes();
    // Parses one /proc/net table; keeps the rows whose inode is in inodes (all rows when inodes is empty).
    static QList<Entry> parseTable(const QByteArray &table, const QString &protocol, const QSet<quint64> &inodes);
    // "LISTEN", "ESTABLISHED", ...; for UDP "unconnected" / "connected".
    static QString stateText(const Entry &entry);
};

} // namespace NetPoke
