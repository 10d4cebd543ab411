#pragma once

// Client::Private, shared by tftpclient.cpp (the API, the request, negotiation, errors, the timer, what both
// directions share), tftpclientreceive.cpp (download: the receive path, from the socket to the sink, and the end
// of a download) and tftpclientsend.cpp (upload: from the source to the socket, the ACKs, the end of an upload).

#include "tftpclient.h"

#include "rttestimator.h"
#include "tftppacket.h"
#include "tftpsink.h"
#include "tftpsocket.h"
#include "tftpsource.h"
#include "tftpteaching.h"
#include "tftpwindow.h"

#include <QElapsedTimer>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcTftp)

namespace NetPoke::Tftp {

// The data path, tuned by measurement (bench/tftp_get): each ACK goes out before the block is written, so the
// server sends the next block (or window) while the file is written; octet DATA is received in place into the
// sink's page-aligned buffer (no copy); in a window, up to a window of datagrams come in one recvmmsg, each in
// a slot of blksize bytes, so that consecutive full blocks land exactly where they belong; blocks of 16 KiB or
// more are received at the buffer's start (Sink says why).
constexpr qint64 ProgressIntervalMs = 100;
constexpr int ReadBudget = 512;                      // datagrams per wake-up before yielding to the event loop
constexpr int MaxDallyMs = 1000;                     // longest the socket stays open after the final ACK
constexpr qint64 MaxReceiveBuffer = 64 * 1024 * 1024;
constexpr qsizetype RxBufferSize = Sink::DatagramRoom;
// Upload: the answers (ACKs) come in one recvmmsg of up to Socket::MaxBatch slots of AckSlotSize bytes; a
// longer datagram (an ERROR with a long message) is cut there. Until the first answer settles the options, one
// slot takes all RxBufferSize bytes, so that an OACK is never cut.
constexpr qsizetype AckSlotSize = RxBufferSize / Socket::MaxBatch;

// Where a transfer is. With the Transfer below it is the whole state: there are no flags beside them.
enum class Phase {
    Idle,
    Resolving,
    Requesting,   // RRQ or WRQ sent, no answer yet
    Negotiated,   // download: OACK accepted and ACK 0 sent, no DATA yet
    Receiving,    // download: DATA flowing
    Sending,      // upload: the first answer (OACK or ACK 0) is in, DATA flowing until the final ACK
    Dallying,     // download done; the socket stays open a little to ACK a repeated final block (RFC 1350 6)
    Finished,
    Failed,
};

struct Client::Private
{
    // What download() or upload() was asked for.
    struct Target
    {
        QString host;
        quint16 port = 0;
        QString remoteFile;
        bool upload = false;    // WRQ: the local file (localFile, read through source) goes to the server
        QString localFile;      // upload: as given, for messages
        QHostAddress address;   // once resolved
    };
    // One request's state, reset in one statement.
    struct Transfer
    {
        explicit Transfer(const ClientOptions &o = ClientOptions())
            : options(o)
            , rtt(o.timeoutMs)
        {
        }
        ClientOptions options;      // as the transfer started
        Error error = NoError;
        QString errorString;
        Progress progress;
        Peer server;                // the request port until locked, then the server's transfer port (TID)
        bool locked = false;
        bool retried = false;       // asked again with fewer options after an ERROR 8
        RequestedOptions asked;
        NegotiatedOptions agreed{0, 0, 0, -1};   // block and window size 0 until negotiated
        ReceiveWindow window;       // download
        SendWindow sending;         // upload
        qint64 sentUpTo = 0;        // upload: the highest block sent so far (a block at or below it is sent again)
        RttEstimator rtt;
        int retries = 0;
        QByteArray request;
        QString requestSummary;
        qint64 lastActivityNs = 0;
        qint64 timerDueNs = 0;      // when the running timer fires (clock time)
        qint64 lastProgressMs = -ProgressIntervalMs;
        qint64 rateMs = 0;
        qint64 rateBytes = 0;
        quint16 dallyBlock = 0;
    };

    Client *q = nullptr;
    ClientOptions options;
    Phase phase = Phase::Idle;
    Target target;
    Transfer t;
    int lookupId = -1;
    Socket socket;
    Socket::Batch batch;
    Sink sink;
    Source source;
    Trace trace;
    TeachingGate teach;         // teaching mode (pace, simulated loss) of what this side sends
    QTimer timer;
    QElapsedTimer clock;
    QByteArray rx;              // a datagram put back together when it is not octet DATA (or not an ACK)
    QByteArray tx;              // upload: one DATA packet, 4 + blksize bytes, read into and sent from
    QByteArray ackSlots;        // upload: where the answers are received (RxBufferSize bytes)

    static State publicState(Phase p);
    bool active() const
    {
        return phase == Phase::Resolving || phase == Phase::Requesting || phase == Phase::Negotiated
            || phase == Phase::Receiving || phase == Phase::Sending;
    }
    bool running() const { return socket.isOpen() && active(); }
    // In-order blocks so far, as the trace counts them: received, or (upload) sent for the first time.
    quint64 blocks() const { return target.upload ? quint64(t.sentUpTo) : t.progress.blocks; }
    QString endpointText() const;

    // tftpclient.cpp
    void setPhase(Phase p);
    void reset();
    void closeSocket();
    void emitProgress(bool force);
    void endProgress(bool emitIt);
    bool send(const Peer &to, const char *data, qsizetype size);
    void sendError(const Peer &to, quint16 code, const QByteArray &message);
    void fail(Error e, const QString &text, int tftpCode = -1, const QByteArray &tftpMessage = {});
    void startTimer(int ms);
    void onTimer();
    bool handleIcmp();
    void serverError(quint16 code, const QByteArray &message);
    void retryWithFewerOptions(const QByteArray &serverMessage);
    void onOack(const Packet &p);
    int autoBlockSize() const;
    int sizeReceiveBuffer(int blockSize, int window);
    bool openSocket();
    RequestedOptions requestedOptions();
    void sendRequest(const RequestedOptions &asked);
    void resolved(const QHostInfo &info);
    bool begin(const QString &host, quint16 port, const QString &file, bool upload);
    void go();
    bool acceptTid(const Peer &from, const char *header, qsizetype size);
    const char *reassemble(int i, const char *payload, qsizetype room, qsizetype *size);
    void stranger(const Peer &from, const char *header, qsizetype n);
    void handlePacket(const char *buf, qsizetype n);

    // tftpclientreceive.cpp
    void sendAck(quint16 block, bool retransmission, bool last = false);
    void armTimer();
    void onReadable();
    void onDallyReadable();
    void handleDatagram(int i, char *payload, qsizetype room);
    void onData(quint16 block, const char *payload, qsizetype size);
    bool pastLimit();
    void failWrite();
    bool flushOutput(bool all = false);
    void finishTransfer(quint16 block);
    void succeed(quint16 finalBlock);

    // tftpclientsend.cpp
    void onSendReadable();
    bool onAck(quint16 block);
    void startSending(const NegotiatedOptions &agreed);
    void sendWindow();
    void resendWindow();
    void failRead(const QString &text);
    void succeedUpload();
};

} // namespace NetPoke::Tftp
