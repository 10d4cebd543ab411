#pragma once

// Server::Private and Server::Transfer, shared by tftpserver.cpp (the API, the request port, refusals, the
// log, progress) and tftpservertransfer.cpp (one transfer: its socket, timer, window, source or sink).

#include "tftpserver.h"

#include "net/datagramsocket.h"
#include "rttestimator.h"
#include "tftppacket.h"
#include "tftprequest.h"
#include "tftproot.h"
#include "tftpsink.h"
#include "tftpsource.h"
#include "tftpwindow.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QTimer>

#include <deque>
#include <map>
#include <memory>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcTftpServer)

namespace NetPoke::Tftp {

using Net::SocketAddress;

// Work per wake-up, so that a flood on one socket never starves the others: the event loop serves every
// ready socket once per turn, and each takes at most one batch.
constexpr int MaxBatch = 64;                        // datagrams per receive (requests, or one transfer's)
constexpr qsizetype RequestSlot = 2048;             // bytes kept of a request (a longer one is read as cut)
constexpr qsizetype AckSlot = 1024;                 // bytes kept of a datagram to a sending transfer
constexpr qsizetype MaxSlot = MaxBlockSize + 4;
constexpr int MaxBurstBlocks = 256;                 // DATA per turn; a larger window goes on in the next turn
constexpr int MaxDallyMs = 1000;                    // an upload's socket stays this long after the final ACK
constexpr int RefusalLogsPerSecond = 20;
constexpr qint64 MaxReceiveBuffer = 64 * 1024 * 1024;

// A client's address and port as a hash key (the native sockaddr's bytes).
struct ClientKey
{
    quint64 hi = 0;
    quint64 lo = 0;
    quint32 port = 0;
    quint32 family = 0;

    static ClientKey of(const SocketAddress &a);
    friend bool operator==(const ClientKey &a, const ClientKey &b)
    {
        return a.hi == b.hi && a.lo == b.lo && a.port == b.port && a.family == b.family;
    }
};
inline size_t qHash(const ClientKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.hi, k.lo, k.port, k.family);
}

class Server::Transfer final
{
    Q_DISABLE_COPY_MOVE(Transfer)

public:
    enum class Phase { Negotiating, Transferring, Dallying, Ended };

    // requestBytes: the request's datagram, for the trace.
    Transfer(Server::Private *server, quint64 id, const SocketAddress &client, const Request &request,
             QByteArrayView requestBytes = {});
    ~Transfer();

    // Download: takes fd (from Root::openForRead). Upload: the path from Root::resolveForWrite (the file is
    // created through the sink). Binds the transfer socket and negotiates; nothing is sent yet. False with
    // the ERROR to answer the request with (code, wire message) and the reason for the log.
    bool startDownload(int fd, quint16 *code, QByteArray *message, QString *reason);
    bool startUpload(const Root::WriteTarget &target, quint16 *code, QByteArray *message, QString *reason);
    // Sends the first packet (once the server counts the transfer as started).
    void begin();

    quint64 id() const { return m_info.id; }
    const ClientKey &key() const { return m_key; }
    Phase phase() const { return m_phase; }
    bool running() const { return m_phase == Phase::Negotiating || m_phase == Phase::Transferring; }
    // A snapshot: rate and elapsed time as of now.
    TransferInfo info() const;
    QList<TraceEntry> traceEntries() const;

    // Progress tick: true (and info filled) when bytes moved since the last tick.
    bool takeProgress(TransferInfo *info);
    // Sends the rest of a window cut at MaxBurstBlocks.
    void continueBurst();
    // Ends it from outside (cancel, stop): ERROR 0 with message to the client, result as given.
    void abort(const QByteArray &message, const QString &result);

private:
    bool bindSocket(QString *reason);
    QList<Option> acceptedOptions() const;
    void setAgreed(const ServerAnswer &answer);
    void sendOpening(bool retransmission);
    void onReadable();
    void onIcmp();
    void onTimer();
    void startTimer(int ms);
    void armTimer();
    void handle(const char *bytes, qsizetype size, qsizetype kept, const SocketAddress &from);
    void stranger(const char *bytes, qsizetype size, const SocketAddress &from);
    void onClientError(const char *bytes, qsizetype size);
    // Download
    void onAck(quint16 block, bool *moved);
    void sendWindow();
    void readAhead();
    void updateBytesSent();
    // Upload
    void onData(quint16 block, const char *payload, qsizetype size);
    void sendAck(quint16 block, bool retransmission);
    bool writeOut(bool all);
    void finishUpload(quint16 block);
    void onDallyDatagram(const char *bytes, qsizetype size, const SocketAddress &from);

    void closeSocket();
    bool send(const char *data, qsizetype size);
    void sendError(quint16 code, const QByteArray &message);
    void traceAdd(int flags, const QString &summary, quint64 blocks, QByteArrayView packet = {}, qint64 packetLength = -1);
    // The transfer is over. code >= 0: tell the client with an ERROR first.
    void fail(const QString &result, int code = -1, const QByteArray &message = QByteArray());
    void succeed();
    void end(TransferInfo::State state, const QString &result);

    Server::Private *s;
    TransferInfo m_info;
    SocketAddress m_client;
    ClientKey m_key;
    QList<Option> m_requested;
    QByteArray m_requestName;
    Phase m_phase = Phase::Negotiating;
    std::unique_ptr<Net::DatagramSocket> m_socket;
    QTimer m_timer;
    QElapsedTimer m_clock;            // since the request was accepted
    RttEstimator m_rtt;
    int m_retries = 0;
    qint64 m_lastActivityNs = 0;
    qint64 m_timerDueNs = 0;
    QByteArray m_opening;             // OACK, or DATA 1 / ACK 0 when there was none: sent again until answered
    bool m_oack = false;
    int m_blockSize = DefaultBlockSize;
    // Download
    Source m_source;
    SendWindow m_send;
    std::unique_ptr<char[]> m_packet; // DATA header + one block, reused for every block
    std::unique_ptr<char[]> m_ahead;  // lock-step octet only: the next block, read while the client takes this one
    qint64 m_aheadBlock = 0;          // the block in m_ahead (0: none)
    qint64 m_aheadLength = 0;
    qint64 m_highestSent = 0;
    qint64 m_lastLength = -1;         // payload bytes of the last block, once read
    bool m_burstQueued = false;
    // Upload
    std::unique_ptr<Sink> m_sink;
    ReceiveWindow m_recv;
    QString m_target;
    bool m_overwrite = false;
    quint16 m_finalBlock = 0;
    // Progress and trace
    qint64 m_tickBytes = -1;
    qint64 m_rateMs = 0;
    qint64 m_rateBytes = 0;
    Trace m_trace;
    TeachingGate m_gate;              // teaching mode (Settings::teaching): pace and simulated loss of our sends
    void keepEntry(const TraceEntry &e);
    QList<TraceEntry> m_entries;
    quint64 m_droppedEntries = 0;
};

struct Server::Private
{
    Server *q = nullptr;
    Settings settings;
    Settings active;                  // what start() was given
    Error error = NoError;
    QString errorString;
    Root root;
    std::unique_ptr<Net::DatagramSocket> listen;
    QHostAddress transferAddress;     // what transfer sockets bind to (the listening address, Any for ::)
    std::unique_ptr<char[]> arena;    // receive slots for every socket (one handler runs at a time)
    Net::ReceiveSlot rxSlots[MaxBatch];
    std::map<quint64, std::unique_ptr<Transfer>> transfers;   // by id; ended ones until reaped
    QHash<ClientKey, Transfer *> byClient;                    // running ones
    std::vector<Transfer *> bursts;                           // windows to go on with in the next turn
    int running = 0;
    quint64 nextId = 1;
    quint32 portCursor = 0;
    QTimer progressTimer;
    QTimer reapTimer;
    QTimer burstTimer;
    QTimer refusalTimer;
    QElapsedTimer clock;
    // Refused requests are logged at most RefusalLogsPerSecond a second.
    qint64 refusalWindowMs = -1000;
    int refusalsLogged = 0;
    quint64 refusalsSuppressed = 0;
    struct Ended
    {
        TransferInfo info;
        QList<TraceEntry> trace;
    };
    std::deque<Ended> ended;          // the last KeptTraces ended transfers

    bool isRunning() const { return listen && listen->isBound(); }
    char *slot(int i, qsizetype size) { return arena.get() + i * size; }
    int receive(Net::DatagramSocket *socket, qsizetype slotSize, int count);

    // tftpserver.cpp
    bool fail(Error e, const QString &text);
    bool bindListen();
    bool bindTransfer(Net::DatagramSocket *socket);
    void onRequests();
    void onRequest(const char *bytes, qsizetype size, const SocketAddress &from);
    void refuse(const SocketAddress &from, const Request &request, quint16 code, const QByteArray &message,
                const QString &reason);
    void flushRefusals();
    void reply(const SocketAddress &from, quint16 code, const QByteArray &message);
    void started(Transfer *t);
    void transferEnded(Transfer *t, const TransferInfo &info);
    void queueBurst(Transfer *t);
    void runBursts();
    void onProgressTick();
    void reap();
    void log(const QString &line);
    QString endedLine(const TransferInfo &info) const;
};

// Shared text helpers.
QString directionText(TransferInfo::Direction d);
QString rateText(double bytesPerSecond);

} // namespace NetPoke::Tftp
