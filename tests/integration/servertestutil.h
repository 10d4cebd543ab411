#pragma once

// Shared by the TFTP server tests (tst_tftpserver, tst_tftpserverupload, tst_tftpserverload): a served tree
// with a canary next to it watched by inotify, a raw datagram peer for what our Client cannot send, a raw
// upload, and the server started on a loopback address with port 0.

#include "tftp/tftpclient.h"
#include "tftp/tftppacket.h"
#include "tftp/tftpserver.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <functional>
#include <memory>

#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace ServerTest {

using namespace NetPoke::Tftp;

inline QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    for (qsizetype i = 0; i < n; ++i)
        b[i] = char(rng.bounded(256));
    return b;
}

// Lines with LF, CR LF and lone CRs: what netascii must carry unchanged.
inline QByteArray textBytes(qsizetype n, quint32 seed)
{
    static const char alphabet[] = "abcdefghij klmnop\n\n\r\r\n";
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    for (qsizetype i = 0; i < n; ++i)
        b[i] = alphabet[rng.bounded(int(sizeof alphabet - 1))];
    return b;
}

// RFC 764 as netascii puts it on the wire: LF -> CR LF, CR -> CR NUL.
inline QByteArray netasciiEncoded(const QByteArray &b)
{
    QByteArray out;
    for (const char c : b) {
        if (c == '\n')
            out += "\r\n";
        else if (c == '\r')
            out += QByteArray("\r\0", 2);
        else
            out += c;
    }
    return out;
}

inline QByteArray request(Opcode op, const QByteArray &name, const QByteArray &mode = "octet",
                          const QList<Option> &options = {})
{
    return (op == Opcode::Wrq ? Packet::wrq(name, mode, options) : Packet::rrq(name, mode, options)).serialize();
}

// A client made of one UDP socket and raw datagrams.
class RawPeer
{
public:
    struct Got
    {
        bool ok = false;
        quint16 port = 0;
        QByteArray bytes;
        Packet packet;
    };

    explicit RawPeer(const QHostAddress &local = QHostAddress(QHostAddress::LocalHost))
        : server(local)
    {
        bound = sock.bind(local, 0);
    }
    void sendTo(quint16 port, const QByteArray &d) { sock.writeDatagram(d, server, port); }
    void ack(quint16 block) { sendTo(tid, Packet::ack(block).serialize()); }
    void data(quint16 block, const QByteArray &payload) { sendTo(tid, Packet::dataPacket(block, payload).serialize()); }
    // The next datagram within ms, the event loop running meanwhile; !ok when none came.
    Got next(int ms = 10000)
    {
        Got g;
        if (!sock.hasPendingDatagrams() && !QTest::qWaitFor([this] { return sock.hasPendingDatagrams(); }, ms))
            return g;
        const QNetworkDatagram d = sock.receiveDatagram();
        g.ok = true;
        g.port = quint16(d.senderPort());
        g.bytes = d.data();
        g.packet = parse(g.bytes).packet;
        return g;
    }
    quint16 port() const { return sock.localPort(); }

    QUdpSocket sock;
    QHostAddress server;
    quint16 tid = 0;
    bool bound = false;
};

inline bool isData(const RawPeer::Got &g, quint16 block, qsizetype size = -1)
{
    return g.ok && g.packet.opcode == Opcode::Data && g.packet.block == block && (size < 0 || g.packet.data.size() == size);
}

inline bool isAck(const RawPeer::Got &g, quint16 block)
{
    return g.ok && g.packet.opcode == Opcode::Ack && g.packet.block == block;
}

inline bool isError(const RawPeer::Got &g, quint16 code)
{
    return g.ok && g.packet.opcode == Opcode::Error && g.packet.errorCode == code;
}

inline QString describe(const RawPeer::Got &g)
{
    return g.ok ? g.packet.summary() : QStringLiteral("(nothing)");
}

inline TransferInfo infoAt(const QSignalSpy &spy, int i)
{
    return spy.at(i).first().value<TransferInfo>();
}

// base/root is served:   sub/, up/, link-out -> base/outside/canary, link-outdir -> base/outside,
//                        link-sibling -> base/root-private/secret (a sibling whose path starts with the
//                        root's), fifo, dev (a character device, as root)
// base/outside/canary and base/root-private/secret must never be opened: inotify watches those folders, and
// base itself for anything new created next to the root.
class Tree
{
public:
    bool create()
    {
        if (!base.isValid())
            return false;
        root = base.filePath(QStringLiteral("root"));
        outside = base.filePath(QStringLiteral("outside"));
        sibling = base.filePath(QStringLiteral("root-private"));
        QDir b(base.path());
        if (!b.mkpath(QStringLiteral("root/sub")) || !b.mkpath(QStringLiteral("root/up")) || !b.mkpath(QStringLiteral("outside"))
            || !b.mkpath(QStringLiteral("root-private")))
            return false;
        if (put(outside + QStringLiteral("/canary"), canary).isEmpty() || put(sibling + QStringLiteral("/secret"), canary).isEmpty())
            return false;
        auto link = [](const QString &target, const QString &at) {
            return ::symlink(QFile::encodeName(target).constData(), QFile::encodeName(at).constData()) == 0;
        };
        if (!link(outside + QStringLiteral("/canary"), root + QStringLiteral("/link-out"))
            || !link(outside, root + QStringLiteral("/link-outdir"))
            || !link(sibling + QStringLiteral("/secret"), root + QStringLiteral("/link-sibling")))
            return false;
        if (::mkfifo(QFile::encodeName(root + QStringLiteral("/fifo")).constData(), 0644) != 0)
            return false;
        if (::geteuid() == 0
            && ::mknod(QFile::encodeName(root + QStringLiteral("/dev")).constData(), S_IFCHR | 0644, makedev(1, 3)) != 0)
            return false;
        inotify = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        const uint32_t mask = IN_OPEN | IN_ACCESS | IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_ATTRIB;
        return inotify >= 0 && ::inotify_add_watch(inotify, QFile::encodeName(outside).constData(), mask) >= 0
            && ::inotify_add_watch(inotify, QFile::encodeName(sibling).constData(), mask) >= 0
            && ::inotify_add_watch(inotify, QFile::encodeName(base.path()).constData(), IN_CREATE | IN_MOVED_TO) >= 0;
    }
    ~Tree()
    {
        if (inotify >= 0)
            ::close(inotify);
    }

    // True when nothing next to the root was opened, read, written or created since create(), and the
    // canaries are intact (checked after the events are read, so that this reading is not counted).
    bool untouched(QString *what)
    {
        char buf[4096];
        const ssize_t n = ::read(inotify, buf, sizeof buf);
        if (n > 0) {
            const auto *e = reinterpret_cast<const inotify_event *>(buf);
            *what = QStringLiteral("inotify event mask 0x%1 on \"%2\"")
                        .arg(e->mask, 0, 16).arg(QString::fromUtf8(e->len ? e->name : ""));
            return false;
        }
        if (get(outside + QStringLiteral("/canary")) != canary || get(sibling + QStringLiteral("/secret")) != canary) {
            *what = QStringLiteral("a canary changed");
            return false;
        }
        return true;
    }

    QString put(const QString &name, const QByteArray &data) const
    {
        const QString path = QDir::isAbsolutePath(name) ? name : root + QLatin1Char('/') + name;
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
            return QString();
        return path;
    }
    static QByteArray get(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
    }
    // Every entry of folder (temporary files of an unfinished upload included).
    static QStringList entries(const QString &folder)
    {
        return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    }

    QTemporaryDir base;
    QString root;
    QString outside;
    QString sibling;
    QByteArray canary = "canary: must never be read";
    int inotify = -1;
};

// A running server on address, port 0, serving root, with the settings changed by tweak; null on failure.
inline std::unique_ptr<Server> startServer(const QString &root, const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
                                           const std::function<void(Server::Settings &)> &tweak = {})
{
    auto server = std::make_unique<Server>();
    Server::Settings s;
    s.root = root;
    s.address = address;
    s.port = 0;
    if (tweak)
        tweak(s);
    server->setSettings(s);
    if (!server->start()) {
        qWarning() << "server did not start:" << server->errorString();
        return nullptr;
    }
    return server;
}

// Our client downloads name into folder/out.bin; true (and the bytes) on success.
inline bool download(const Server &server, const QString &name, const ClientOptions &o, QByteArray *got,
                     const QString &folder, const QHostAddress &address = QHostAddress(QHostAddress::LocalHost))
{
    const QString out = folder + QStringLiteral("/out.bin");
    QFile::remove(out);
    Client c;
    c.setOptions(o);
    QSignalSpy finished(&c, &Client::finished);
    if (!c.download(address.toString(), server.port(), name, out))
        return false;
    if (!finished.wait(60000) || !finished.first().first().toBool()) {
        qWarning() << "download failed:" << c.errorString();
        return false;
    }
    *got = Tree::get(out);
    return true;
}

// A raw upload: WRQ, then the blocks in windows as the answers allow. Stops after stopAfter blocks (the
// client vanishes) or, with error, sends an ERROR there. Returns the server's last packet (the final ACK
// when it went through; !ok after stopping or without an answer).
inline RawPeer::Got upload(RawPeer &p, quint16 serverPort, const QByteArray &name, const QByteArray &wire,
                           const QByteArray &mode = "octet", const QList<Option> &options = {}, qint64 stopAfter = -1,
                           bool error = false)
{
    p.sendTo(serverPort, request(Opcode::Wrq, name, mode, options));
    RawPeer::Got g = p.next();
    if (!g.ok || g.packet.opcode == Opcode::Error)
        return g;
    p.tid = g.port;
    int blk = 512;
    int window = 1;
    if (g.packet.opcode == Opcode::Oack) {
        if (g.packet.hasOption("blksize"))
            blk = g.packet.optionValue("blksize").toInt();
        if (g.packet.hasOption("windowsize"))
            window = g.packet.optionValue("windowsize").toInt();
    } else if (g.packet.opcode != Opcode::Ack || g.packet.block != 0) {
        return g;
    }
    const qint64 last = wire.size() / blk + 1;
    qint64 acked = 0;
    while (acked < last) {
        const qint64 end = qMin(acked + window, last);
        for (qint64 n = acked + 1; n <= end; ++n) {
            if (stopAfter >= 0 && n > stopAfter) {
                if (error)
                    p.sendTo(p.tid, Packet::error(0, "user cancelled").serialize());
                return RawPeer::Got();
            }
            p.data(quint16(n & 0xFFFF), wire.mid((n - 1) * blk, blk));
        }
        g = p.next();
        if (!g.ok || g.packet.opcode != Opcode::Ack)
            return g;
        const qint64 named = acked + quint16(g.packet.block - quint16(acked & 0xFFFF));
        if (named <= end)
            acked = named;
    }
    return g;
}

inline qint64 residentBytes()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * ::sysconf(_SC_PAGESIZE) : 0;
}

} // namespace ServerTest
