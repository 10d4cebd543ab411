#pragma once

#include "tftpoptions.h"
#include "tftpteaching.h"
#include "tftptrace.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

namespace NetPoke::Tftp {

// A snapshot of one transfer (or of a refused request), as the server's signals and transfers() give it:
// a value, safe to keep and to pass across threads.
struct TransferInfo
{
    enum Direction {
        Download,      // RRQ: the client reads a file, the server sends it
        Upload,        // WRQ: the client writes a file, the server receives it
    };
    enum State {
        Negotiating,   // request accepted, OACK (or the first DATA / ACK 0) out, no answer yet
        Transferring,
        Finished,      // ok
        Failed,        // ended without the whole file: result says why
        Refused,       // a request answered with an ERROR; it never became a transfer (id 0)
    };

    quint64 id = 0;               // 1, 2, ... for each accepted request while the server lives; 0: refused
    QHostAddress clientAddress;   // IPv4 peers of a dual-stack server as plain IPv4
    quint16 clientPort = 0;
    QString client;               // "127.0.0.1:40000", "[::1]:40000"
    QString file;                 // the requested name, as visible text (TextCodec::peerText): display only
    Direction direction = Download;
    QString mode;                 // "octet" or "netascii"
    NegotiatedOptions options;    // what the OACK agreed (RFC 1350 defaults without one)
    QString optionsText;          // "blksize=1468 tsize=1048576 windowsize=8" as in the OACK; empty: no OACK
    qint64 bytes = 0;             // DATA payload bytes acknowledged so far (netascii: the encoded form)
    qint64 total = -1;            // expected payload bytes, -1 unknown (downloads: the file's size in octet;
                                  // uploads: the client's tsize, which is advisory)
    quint64 blocks = 0;
    quint64 retransmissions = 0;  // packets sent again because the timer ran out
    double bytesPerSecond = 0;    // recent rate while running; the whole transfer's once it has ended
    qint64 elapsedMs = 0;
    State state = Negotiating;
    QString result;               // empty while running; "ok", or why it failed or was refused (plain words)

    bool ended() const { return state == Finished || state == Failed || state == Refused; }
    bool ok() const { return state == Finished; }
};

// The built-in TFTP server (RFC 1350 with options: RFC 2347 OACK, 2348 blksize, 2349 timeout and tsize,
// 7440 windowsize), reads (RRQ) and, when allowed, uploads (WRQ), octet and netascii.
//
// Everything runs in the thread's event loop, through socket notifiers and timers: no threads, nothing
// blocks. One socket listens for requests; each transfer gets its own new socket (a new TID, RFC 1350), its
// own state and its own timer, so a slow or vanished client costs only its own timeouts. Requests are read
// in batches of at most 64 per wake-up; a retransmitted request from a client:port whose transfer is running
// is ignored; past maxTransfers a request is answered with ERROR 0 "Server busy". Files are read block by
// block as they are sent (Tftp::Source, never loaded whole); uploads are written through Tftp::Sink
// (QSaveFile), so a failed, cancelled or timed-out upload leaves nothing and an existing file stays intact.
//
// Safe by default: 127.0.0.1:6969, read-only, confined to the root folder (Tftp::Root says how names are
// resolved: a leading '/' is relative to the root, "..", links leading out, folders, devices and FIFOs are
// refused with ERROR 2). A request for a name is never answered with anything of the name, and names are
// logged only as visible text.
//
// Signals are emitted from the event loop's handlers; a slot may call stop() or cancel(), but must not
// delete the server (use deleteLater()).
class Server final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Server)

public:
    struct Settings
    {
        Q_DECLARE_TR_FUNCTIONS(NetPoke::Tftp::Server)

    public:
        enum Field { NoField, RootField, AddressField, MaxTransfersField, PortRangeField, MaxUploadField,
                     TimeoutField, RetriesField };

        // Where requests are taken. QHostAddress::Any, AnyIPv6 and "::" listen dual-stack (IPv4 and IPv6
        // clients); AnyIPv4 IPv4 only. Port 0: the system chooses (read it from port()).
        QHostAddress address = QHostAddress(QHostAddress::LocalHost);
        quint16 port = 6969;
        QString root;                  // the folder served (required)
        bool allowUploads = false;     // WRQ; off: ERROR 2 "Uploads are not allowed"
        bool allowOverwrite = false;   // with allowUploads: an upload may replace an existing file (else ERROR 6)
        int maxTransfers = 200;        // running at once (1..10000); more: ERROR 0 "Server busy"
        quint16 transferPortMin = 0;   // transfer sockets' ports in [min, max]; 0, 0: any ephemeral port
        quint16 transferPortMax = 0;
        qint64 maxUploadBytes = 0;     // 0: no limit; larger uploads (by tsize up front, or as they come) ERROR 3
        int timeoutMs = 0;             // retransmission timeout: 0 adaptive (measured round trip), else fixed;
                                       // a client's timeout option (seconds) is accepted up to maxClientTimeoutS
        int maxClientTimeoutS = 10;    // larger timeout options are ignored (they would keep idle slots busy)
        int retries = 5;               // retransmissions of one packet before a transfer is given up
        int maxBlockSize = MaxBlockSize;
        int maxWindowSize = MaxWindowSize;
        bool trace = false;            // keep a packet trace per transfer (trace(id))
        TeachingOptions teaching;      // teaching mode for every transfer: pace, simulated loss of what it sends

        // Empty when the values are usable; otherwise why not, in plain words, and (field) which one.
        QString validate(Field *field = nullptr) const;
    };

    enum Error {
        NoError,
        SettingsError,             // validate() refused the settings
        RootError,                 // the root is missing or not a folder
        AddressInUseError,
        AccessDeniedError,         // a port below 1024 without the privilege to bind it
        AddressNotAvailableError,  // not an address of this machine
        UnsupportedError,          // e.g. IPv6 where the system has none
        SocketError,               // anything else the listening socket reports
    };
    Q_ENUM(Error)

    // Traces of this many ended transfers are kept (with Settings::trace), the oldest dropped first.
    static constexpr int KeptTraces = 100;
    // Entries kept per trace; later ones are counted in a final note.
    static constexpr int MaxTraceEntries = 2000;
    // transferProgress() at most this often per transfer.
    static constexpr int ProgressIntervalMs = 100;

    explicit Server(QObject *parent = nullptr);
    ~Server() override;   // as stop(), without signals

    // Takes effect at the next start().
    void setSettings(const Settings &settings);
    Settings settings() const;

    // Checks the settings, opens the root and binds the listening socket. False with error()/errorString()
    // (and errorOccurred()). A running server is stopped first.
    bool start();
    // Ends every transfer (downloads get ERROR 0 "Server shutting down"; uploads are discarded: nothing is
    // written), emitting transferFinished() for each, and closes the sockets. Nothing when not running.
    void stop();
    bool isRunning() const;

    QHostAddress address() const;   // where it listens (valid while running)
    quint16 port() const;           // the port bound, also when Settings::port was 0

    Error error() const;
    QString errorString() const;

    // Ends one running transfer as cancelled (ERROR 0 to the client; an upload is discarded). False when no
    // transfer with that id is running.
    bool cancel(quint64 id);
    // Running transfers (negotiating or transferring), oldest first.
    QList<TransferInfo> transfers() const;
    int activeTransfers() const;
    // A snapshot of a running or recently ended transfer (id 0 when unknown).
    TransferInfo transfer(quint64 id) const;
    // The packet trace of a running transfer or of one of the last KeptTraces ended ones (with
    // Settings::trace); empty otherwise.
    QList<TraceEntry> trace(quint64 id) const;

    // "Port 69 needs privileges: ..." and the like: the text errorString() gives for a failed bind.
    static QString bindErrorText(Error error, const QHostAddress &address, quint16 port, const QString &systemText);

signals:
    void transferStarted(const NetPoke::Tftp::TransferInfo &info);
    // While a transfer runs, at most every ProgressIntervalMs, and only when its bytes changed.
    void transferProgress(const NetPoke::Tftp::TransferInfo &info);
    // Once per started transfer: state Finished or Failed, result says why.
    void transferFinished(const NetPoke::Tftp::TransferInfo &info);
    // A request answered with an ERROR (state Refused). Rate-limited with the log lines for refused
    // requests: under a flood, at most ~20 a second are reported and a log line counts the rest.
    void requestRefused(const NetPoke::Tftp::TransferInfo &info);
    // One line per ended transfer, per refused request (rate-limited) and per notable event, plain text
    // (names as visible text), without a trailing newline.
    void logLine(const QString &line);
    void errorOccurred(NetPoke::Tftp::Server::Error error);
    void runningChanged(bool running);

private:
    struct Private;
    class Transfer;
    Private *d;
};

} // namespace NetPoke::Tftp

Q_DECLARE_METATYPE(NetPoke::Tftp::TransferInfo)
