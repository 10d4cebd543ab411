#include "ownsockets.h"

#include <QDir>
#include <QFile>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <tuple>

#include <unistd.h>

namespace NetPoke {

namespace {

bool hexValue(QByteArrayView text, quint64 *out)
{
    if (text.isEmpty() || text.size() > 16)
        return false;
    quint64 v = 0;
    for (char c : text) {
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else
            return false;
        v = (v << 4) | quint64(d);
    }
    *out = v;
    return true;
}

// "0100007F:1F90": the address as the kernel prints it (%08X of each 32-bit word as it lies in memory,
// i.e. in this machine's byte order), then the port in hex.
bool parseEndpoint(QByteArrayView text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.indexOf(':');
    if (colon != 8 && colon != 32)
        return false;
    quint64 p = 0;
    if (!hexValue(text.sliced(colon + 1), &p) || p > 65535)
        return false;
    quint8 bytes[16];
    for (int word = 0; word < colon / 8; ++word) {
        quint64 v = 0;
        if (!hexValue(text.sliced(word * 8, 8), &v))
            return false;
        const quint32 w = quint32(v);
        std::memcpy(bytes + word * 4, &w, 4);
    }
    if (colon == 8) {
        quint32 be;
        std::memcpy(&be, bytes, 4);
        *address = QHostAddress(qFromBigEndian(be));
    } else {
        Q_IPV6ADDR a;
        std::memcpy(a.c, bytes, 16);
        *address = QHostAddress(a);
    }
    *port = quint16(p);
    return true;
}

} // namespace

QSet<quint64> OwnSockets::ownInodes()
{
    QSet<quint64> inodes;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    const QStringList names = fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        // The link text is "socket:[12345]" for a socket (QFileInfo would make it a path).
        char target[64];
        const QByteArray path = QFile::encodeName(fds.filePath(name));
        const ssize_t n = ::readlink(path.constData(), target, sizeof target - 1);
        if (n <= 0)
            continue;
        const QByteArrayView link(target, n);
        if (!link.startsWith("socket:[") || !link.endsWith("]"))
            continue;
        bool ok = false;
        const quint64 inode = link.sliced(8, link.size() - 9).toULongLong(&ok);
        if (ok)
            inodes.insert(inode);
    }
    return inodes;
}

QList<OwnSockets::Entry> OwnSockets::parseTable(const QByteArray &table, const QString &protocol,
                                                const QSet<quint64> &inodes)
{
    QList<Entry> entries;
    const QList<QByteArray> lines = table.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {     // line 0 is the header
        const QList<QByteArray> f = lines[i].simplified().split(' ');
        if (f.size() < 10)
            continue;
        Entry e;
        e.protocol = protocol;
        quint64 state = 0, inode = 0, tx = 0, rx = 0;
        const qsizetype queueColon = f[4].indexOf(':');
        bool inodeOk = false;
        inode = f[9].toULongLong(&inodeOk);
        if (!parseEndpoint(f[1], &e.local, &e.localPort) || !parseEndpoint(f[2], &e.peer, &e.peerPort)
            || !hexValue(f[3], &state) || queueColon < 0 || !hexValue(QByteArrayView(f[4]).first(queueColon), &tx)
            || !hexValue(QByteArrayView(f[4]).sliced(queueColon + 1), &rx) || !inodeOk)
            continue;
        if (!inodes.isEmpty() && !inodes.contains(inode))
            continue;
        e.state = int(state);
        e.inode = inode;
        e.sendQueue = tx;
        e.receiveQueue = rx;
        entries.append(e);
    }
    return entries;
}

QList<OwnSockets::Entry> OwnSockets::list()
{
    const QSet<quint64> inodes = ownInodes();
    QList<Entry> all;
    if (inodes.isEmpty())
        return all;
    const struct { const char *file; const char *protocol; } tables[] = {
        {"/proc/self/net/tcp", "TCP"}, {"/proc/self/net/tcp6", "TCP6"},
        {"/proc/self/net/udp", "UDP"}, {"/proc/self/net/udp6", "UDP6"},
    };
    for (const auto &t : tables) {
        QFile f(QString::fromLatin1(t.file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        // /proc files report size 0 (so atEnd() is true at once); readAll() reads until end of file.
        all += parseTable(f.readAll(), QString::fromLatin1(t.protocol), inodes);
    }
    std::stable_sort(all.begin(), all.end(), [](const Entry &a, const Entry &b) {
        return std::tie(a.protocol, a.localPort) < std::tie(b.protocol, b.localPort);
    });
    return all;
}

QString OwnSockets::stateText(const Entry &e)
{
    if (e.protocol.startsWith(QLatin1String("UDP")))
        return e.state == 1 ? tr("connected") : tr("unconnected");
    static const char *const names[] = {"", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
                                        "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"};
    if (e.state > 0 && e.state < int(std::size(names)))
        return QString::fromLatin1(names[e.state]);   // the kernel's names, as ss and netstat show them
    return QString::number(e.state);
}

} // namespace NetPoke
