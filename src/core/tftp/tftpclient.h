#pragma once

#include <QHostAddress>
#include <QIODevice>
#include <QObject>
#include <QString>

#include "tftpoptions.h"
#include "tftptrace.h"

namespace NetPoke::Tftp {

// A download counts what it has received; an upload what the server has acknowledged (file bytes, also in
// netascii), out of the local file's size.
struct Progress
{
    qint64 bytes = 0;         // of the file: netascii counts the bytes after CR LF -> LF, not the wire's
    qint64 total = -1;        // download: from tsize (> 0), -1 unknown; a transfer never runs past it (the
                              // server's error); upload: the file size
    quint64 blocks = 0;
    quint64 retransmissions = 0;
    // While the transfer runs: the recent rate (smoothed over ~100 ms steps). Once it has ended: the same as
    // averageBytesPerSecond(), so that every figure shown after the end agrees with the summary.
    double bytesPerSecond = 0;
    qint64 elapsedMs = 0;
    bool ended = false;       // finished, failed or cancelled: nothing is left to estimate

    // The whole transfer's rate, bytes over elapsed time (at least 1 ms): what a summary shows.
    double averageBytesPerSecond() const { return double(bytes) * 1000.0 / double(qMax<qint64>(elapsedMs, 1)); }
    // Time left at the recent rate; -1 when there is no estimate (size or rate unknown, or ended).
    qint64 remainingMs() const
    {
        if (ended || total < 0 || bytesPerSecond <= 0 || bytes > total)
            return -1;
        return qint64(double(total - bytes) / bytesPerSecond * 1000.0);
    }
};

// One download (RRQ) or upload (WRQ) as a state machine over a UDP socket and a timer: no threads, no
// blocking. Both directions take the same options and report through the same signals and errors.
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
        SizeLimitError,         // larger than ClientOptions::maxSize (announced or received)
    };
    Q_ENUM(Error)
    enum State { Idle, Resolving, Requesting, Transferring, Finished, Failed };
    Q_ENUM(State)

    explicit Client(QObject *parent = nullptr);
    ~Client() override;

    // Values out of range are clamped (check them with ClientOptions::validate() first). A running transfer
    // keeps the options it started with.
    void setOptions(const ClientOptions &options);
    ClientOptions options() const;

    // Starts downloading remoteFile from host:port into localPath. A file is written through QSaveFile: only
    // a complete transfer replaces localPath. An existing device or FIFO (e.g. /dev/null) is written in place
    // (see Sink::openFile()). False (with errorString()) for bad arguments or an output that cannot be opened.
    bool download(const QString &host, quint16 port, const QString &remoteFile, const QString &localPath);
    // Same, writing into an open device (e.g. stdout); nothing is rolled back on failure.
    bool download(const QString &host, quint16 port, const QString &remoteFile, QIODevice *sink);
    // Starts uploading localPath to host:port as remoteFile, read block by block as it is sent (never loaded
    // whole). tsize is the file's size in octet mode and not sent in netascii (the encoded size is not known
    // without reading the file twice). False (with errorString()) for bad arguments, and with LocalFileError for
    // a local file that is missing, unreadable, a folder, a FIFO or a device: nothing has been sent then.
    bool upload(const QString &host, quint16 port, const QString &remoteFile, const QString &localPath);
    // Sends ERROR 0 "cancelled" to the server (once its transfer port is known), discards the partial file of
    // a download, emits finished(false).
    void cancel();

    State state() const;
    Error error() const;
    QString errorString() const;   // plain words, e.g. "File not found on the server (TFTP error 1)."
    Progress progress() const;
    int negotiatedBlockSize() const;
    int negotiatedWindowSize() const;

    // The largest window (at least 1, at most windowSize) whose full datagrams of blockSize bytes fit in a
    // receive buffer of receiveBufferBytes (as SO_RCVBUF reports it). The request asks for no more.
    static int windowForReceiveBuffer(qint64 receiveBufferBytes, int blockSize, int windowSize)
    {
        return Tftp::windowForReceiveBuffer(receiveBufferBytes, blockSize, windowSize);
    }

    // Packet trace for teaching (see Tftp::Trace): every packet of small transfers; for large ones the first
    // and last packets, every retransmission and error, and notes where blocks are not shown.
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
