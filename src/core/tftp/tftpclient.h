#pragma once

#include <QHostAddress>
#include <QIODevice>
#include <QObject>
#include <QString>

namespace NetPoke::Tftp {

struct ClientOptions
{
    enum Mode { Octet, NetAscii };
    Mode mode = Octet;
    int blockSize = 0;        // 0: auto (interface MTU - IP - UDP - 4; 65464 on loopback); 8..65464
    int windowSize = 8;       // RFC 7440; 1 = lock-step; 0 = do not ask; at most 32767 (larger values are
                              // clamped: with 16-bit block numbers a bigger window cannot tell a gap from a
                              // duplicate), and lowered to what the socket's receive buffer can hold
    bool requestTsize = true; // RFC 2349
    int timeoutMs = 0;        // 0: adaptive from the measured RTT; else fixed, and asked with "timeout" (s)
    int retries = 5;          // retransmissions of one packet before giving up
    bool rfc1350Only = false; // no options at all: 512-byte lock-step
};

struct Progress
{
    qint64 bytes = 0;
    qint64 total = -1;        // from tsize, -1 unknown (advisory: may be wrong)
    quint64 blocks = 0;
    quint64 retransmissions = 0;
    double bytesPerSecond = 0; // recent rate
    qint64 elapsedMs = 0;
};

struct TraceEntry
{
    qint64 elapsedMs = 0;
    bool outgoing = false;
    QString summary;          // "RRQ file.bin octet blksize=1468 tsize=0", "DATA 17 (1468 bytes)", "ACK 17", ...
    bool retransmission = false;
    bool error = false;
};

// One download as a state machine over a UDP socket and a timer: no threads, no blocking.
class Client final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Client)

public:
    enum Error {
        NoError,
        NotDefinedError,        // TFTP 0 (message from the server)
        FileNotFoundError,      // 1
        AccessViolationError,   // 2
        DiskFullError,          // 3
        IllegalOperationError,  // 4
        UnknownTransferIdError, // 5
        FileExistsError,        // 6
        NoSuchUserError,        // 7
        OptionRefusedError,     // 8, either side
        TimeoutError,
        NoServerError,          // ICMP port unreachable
        HostNotFoundError,
        LocalFileError,
        ProtocolError,
        CancelledError,
    };
    Q_ENUM(Error)
    enum State { Idle, Resolving, Requesting, Transferring, Finished, Failed };
    Q_ENUM(State)

    explicit Client(QObject *parent = nullptr);
    ~Client() override;

    void setOptions(const ClientOptions &options);
    ClientOptions options() const;

    // Starts downloading remoteFile from host:port into localPath. The file is written through QSaveFile:
    // only a complete transfer replaces localPath. False (with errorString()) for bad arguments.
    bool download(const QString &host, quint16 port, const QString &remoteFile, const QString &localPath);
    // Same, writing into an open device (e.g. stdout); nothing is rolled back on failure.
    bool download(const QString &host, quint16 port, const QString &remoteFile, QIODevice *sink);
    // Sends ERROR 0 "cancelled" to the server, discards the partial file, emits finished(false).
    void cancel();

    State state() const;
    Error error() const;
    QString errorString() const;   // plain words, e.g. "File not found on the server (TFTP error 1)."
    Progress progress() const;
    int negotiatedBlockSize() const;
    int negotiatedWindowSize() const;

    // The largest window (at least 1, at most windowSize) whose full datagrams of blockSize bytes fit in a
    // receive buffer of receiveBufferBytes (as SO_RCVBUF reports it). The request asks for no more.
    static int windowForReceiveBuffer(qint64 receiveBufferBytes, int blockSize, int windowSize);

    // Packet trace for teaching: every packet of small transfers; for large ones the first and last
    // packets, every retransmission and error (counters cover the rest).
    void setTraceEnabled(bool on);

signals:
    void stateChanged(NetPoke::Tftp::Client::State state);
    void progressChanged(const NetPoke::Tftp::Progress &progress);   // throttled, at most ~10/s, plus a final one
    void packetTraced(const NetPoke::Tftp::TraceEntry &entry);
    void finished(bool ok);

private:
    struct Private;
    Private *d;
};

} // namespace NetPoke::Tftp

Q_DECLARE_METATYPE(NetPoke::Tftp::Progress)
Q_DECLARE_METATYPE(NetPoke::Tftp::TraceEntry)
