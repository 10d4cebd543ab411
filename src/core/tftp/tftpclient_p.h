#pragma once

// Client::Private, shared by tftpclient.cpp (the API, the request, negotiation, errors, the timer) and
// tftpclientreceive.cpp (the receive path, from the socket to the sink, and the end of a transfer).

#include "tftpclient.h"

#include "rttestimator.h"
#include "tftppacket.h"
#include "tftpsink.h"
#include "tftpsocket.h"
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

// Where a download is. With the Transfer below it is the whole state: there are no flags beside them.
enum class Phase {
    Idle,
    Resolving,
    Requesting,   // RRQ sent, no answer yet
    Negotiated,   // OACK accepted and ACK 0 sent, no DATA yet
    Receiving,    // DATA flowing
    Dallying,     // done; the socket stays open a little to ACK a repeated final block (RFC 1350 section 6)
    Finished,
    Failed,
};

struct Client::Private
{
    // What download() was asked for.
    struct Target
    {
        QString host;
        quint16 port = 0;
        QString remoteFile;
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
        ReceiveWindow window;
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
    Trace trace;
    QTimer timer;
    QElapsedTimer clock;
    QByteArray rx;              // a datagram put back together when it is not octet DATA

    static State publicState(Phase p);
    bool active() const
    {
        return phase == Phase::Resolving || phase == Phase::Requesting || phase == Phase::Negotiated
            || phase == Phase::Receiving;
    }
    bool running() const { return socket.isOpen() && active(); }
    quint64 blocks() const { return t.progress.blocks; }
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
    bool begin(const QString &host, quint16 port, const QString &file);
    void go();

    // tftpclientreceive.cpp
    void sendAck(quint16 block, bool retransmission, bool last = false);
    void armTimer();
    void onReadable();
    void onDallyReadable();
    void handleDatagram(int i, char *payload, qsizetype room);
    void handlePacket(const char *buf, qsizetype n);
    void stranger(const Peer &from, const char *buf, qsizetype n);
    void onData(quint16 block, const char *payload, qsizetype size);
    bool pastLimit();
    void failWrite();
    bool flushOutput(bool all = false);
    void finishTransfer(quint16 block);
    void succeed(quint16 finalBlock);
};

} // namespace NetPoke::Tftp
