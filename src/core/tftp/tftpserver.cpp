#include "tftpserver_p.h"

#include "hostport.h"
#include "textcodec.h"

#include <QLocale>

#include <cstring>

#ifdef NETPOKE_NET_LINUX
#include <netinet/in.h>
#endif

Q_LOGGING_CATEGORY(lcTftpServer, "netpoke.tftp.server", QtWarningMsg)

namespace NetPoke::Tftp {

ClientKey ClientKey::of(const SocketAddress &a)
{
    ClientKey k;
#ifdef NETPOKE_NET_LINUX
    const sockaddr *sa = a.native();
    k.family = quint32(sa->sa_family);
    if (sa->sa_family == AF_INET) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(sa);
        k.lo = in->sin_addr.s_addr;
        k.port = in->sin_port;
    } else if (sa->sa_family == AF_INET6) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(sa);
        std::memcpy(&k.hi, in6->sin6_addr.s6_addr, 8);
        std::memcpy(&k.lo, in6->sin6_addr.s6_addr + 8, 8);
        k.port = in6->sin6_port;
    }
#else
    const Q_IPV6ADDR v6 = a.address().toIPv6Address();
    std::memcpy(&k.hi, v6.c, 8);
    std::memcpy(&k.lo, v6.c + 8, 8);
    k.port = a.port();
    k.family = quint32(a.family());
#endif
    return k;
}

QString directionText(TransferInfo::Direction d)
{
    return d == TransferInfo::Upload ? Server::tr("upload") : Server::tr("download");
}

QString rateText(double bytesPerSecond)
{
    const double b = qMax(0.0, bytesPerSecond);
    if (b >= 1024.0 * 1024.0)
        return Server::tr("%1 MiB/s").arg(b / (1024.0 * 1024.0), 0, 'f', 1);
    if (b >= 1024.0)
        return Server::tr("%1 KiB/s").arg(b / 1024.0, 0, 'f', 1);
    return Server::tr("%1 B/s").arg(qint64(b));
}

// -------------------------------------------------------------------------------------------------

QString Server::Settings::validate(Field *field) const
{
    auto refuse = [field](Field f, const QString &text) {
        if (field)
            *field = f;
        return text;
    };
    if (field)
        *field = NoField;
    if (root.isEmpty())
        return refuse(RootField, tr("Choose the folder to serve."));
    if (address.isNull())
        return refuse(AddressField, tr("Give the address to listen on (127.0.0.1 for this machine only, :: for all)."));
    if (maxTransfers < 1 || maxTransfers > 10000)
        return refuse(MaxTransfersField,
                      tr("At most %1 transfers at once is out of range: use 1 to 10000.").arg(maxTransfers));
    if ((transferPortMin == 0) != (transferPortMax == 0) || transferPortMin > transferPortMax)
        return refuse(PortRangeField, tr("The transfer port range %1-%2 is not valid: give two ports from 1 to 65535, "
                                         "the first not above the second.").arg(transferPortMin).arg(transferPortMax));
    if (maxUploadBytes < 0)
        return refuse(MaxUploadField, tr("The upload size limit cannot be negative (0: no limit)."));
    if (timeoutMs < 0 || timeoutMs > MaxTimeoutMs)
        return refuse(TimeoutField,
                      tr("Timeout %1 ms is out of range: use 0 (adaptive) to %2 ms.").arg(timeoutMs).arg(MaxTimeoutMs));
    if (maxClientTimeoutS < 0 || maxClientTimeoutS > MaxTimeoutSeconds)
        return refuse(TimeoutField, tr("The longest timeout a client may ask for, %1 s, is out of range: use 0 (none) "
                                       "to %2 s.").arg(maxClientTimeoutS).arg(MaxTimeoutSeconds));
    if (retries < 0 || retries > MaxRetries)
        return refuse(RetriesField, tr("Retries %1 is out of range: use 0 to %2.").arg(retries).arg(MaxRetries));
    if (maxBlockSize < MinBlockSize || maxBlockSize > MaxBlockSize)
        return refuse(NoField, tr("The largest block size %1 is out of range: use %2 to %3 bytes.")
                                   .arg(maxBlockSize).arg(MinBlockSize).arg(MaxBlockSize));
    if (maxWindowSize < 0 || maxWindowSize > MaxWindowSize)
        return refuse(NoField, tr("The largest window size %1 is out of range: use 0 (not offered) to %2.")
                                   .arg(maxWindowSize).arg(MaxWindowSize));
    if (const QString teach = teaching.validate(); !teach.isEmpty())
        return teach;
    return QString();
}

QString Server::bindErrorText(Error error, const QHostAddress &address, quint16 port, const QString &systemText)
{
    const QString where = displayEndpoint(address, port);
    switch (error) {
    case AddressInUseError: return tr("Port %1 is already in use (%2).").arg(port).arg(where);
    case AccessDeniedError:
        if (port != 0 && port < 1024)
            return tr("Port %1 is a privileged port: serving on it needs administrator rights (root or the "
                      "CAP_NET_BIND_SERVICE capability).").arg(port);
        return tr("The system refused to open %1: %2").arg(where, systemText);
    case AddressNotAvailableError: return tr("%1 is not an address of this machine.").arg(displayAddress(address));
    case UnsupportedError: return tr("Cannot listen on %1: the system does not support it (%2).").arg(where, systemText);
    default: break;
    }
    return tr("Cannot listen on %1: %2").arg(where, systemText);
}

// -------------------------------------------------------------------------------------------------

bool Server::Private::fail(Error e, const QString &text)
{
    error = e;
    errorString = text;
    qCDebug(lcTftpServer) << "error" << e << text;
    emit q->errorOccurred(e);
    return false;
}

bool Server::Private::bindListen()
{
    listen = std::make_unique<Net::DatagramSocket>();
    const QHostAddress &a = active.address;
    const bool anyAddress = a == QHostAddress(QHostAddress::Any) || a == QHostAddress(QHostAddress::AnyIPv6);
    bool ok = false;
    if (anyAddress)
        ok = listen->bindAny(active.port, QAbstractSocket::AnyIPProtocol);
    else if (a == QHostAddress(QHostAddress::AnyIPv4))
        ok = listen->bindAny(active.port, QAbstractSocket::IPv4Protocol);
    else
        ok = listen->bind(a, active.port);
    if (!ok) {
        Error e = SocketError;
        switch (listen->error()) {
        case Net::DatagramSocket::AddressInUseError: e = AddressInUseError; break;
        case Net::DatagramSocket::AccessDeniedError: e = AccessDeniedError; break;
        case Net::DatagramSocket::AddressNotAvailableError: e = AddressNotAvailableError; break;
        case Net::DatagramSocket::UnsupportedError: e = UnsupportedError; break;
        default: break;
        }
        const QString text = bindErrorText(e, a, active.port, listen->errorString());
        listen.reset();
        return fail(e, text);
    }
    if (anyAddress)
        transferAddress = listen->socketFamily() == QAbstractSocket::IPv4Protocol ? QHostAddress(QHostAddress::AnyIPv4)
                                                                                   : QHostAddress(QHostAddress::Any);
    else
        transferAddress = listen->localAddress();
    // A request floods in as fast as the sender can go: the kernel keeps a few hundred of them.
    listen->setReceiveBufferSize(256 * 1024);
    // ICMP reports for refused requests' ERRORs are of no use here.
    listen->setIcmpErrorsEnabled(false);
    QObject::connect(listen.get(), &Net::DatagramSocket::readyRead, q, [this] { onRequests(); });
    return true;
}

// A transfer socket on the listening address; in the port range when one is set (the next free port after
// the last one handed out).
bool Server::Private::bindTransfer(Net::DatagramSocket *socket)
{
    const bool dualStack = transferAddress == QHostAddress(QHostAddress::Any);
    auto bindOn = [&](quint16 port) {
        return dualStack ? socket->bindAny(port, QAbstractSocket::AnyIPProtocol) : socket->bind(transferAddress, port);
    };
    if (active.transferPortMin == 0)
        return bindOn(0);
    const quint32 span = quint32(active.transferPortMax) - active.transferPortMin + 1;
    for (quint32 i = 0; i < span; ++i) {
        const quint32 offset = (portCursor + i) % span;
        if (bindOn(quint16(active.transferPortMin + offset))) {
            portCursor = (offset + 1) % span;
            return true;
        }
        if (socket->error() != Net::DatagramSocket::AddressInUseError)
            return false;
    }
    return false;
}

int Server::Private::receive(Net::DatagramSocket *socket, qsizetype slotSize, int count)
{
    count = qBound(1, count, MaxBatch);
    for (int i = 0; i < count; ++i) {
        Net::ReceiveSlot &r = rxSlots[i];
        r.head = nullptr;
        r.headCapacity = 0;
        r.data = slot(i, slotSize);
        r.capacity = slotSize;
    }
    return socket->receive(rxSlots, count);
}

// One batch of requests per wake-up: the rest wait in the kernel for the next turn of the event loop, so
// that the transfers' sockets are served in between.
void Server::Private::onRequests()
{
    if (!isRunning())
        return;
    const int got = receive(listen.get(), RequestSlot, MaxBatch);
    for (int i = 0; i < got && isRunning(); ++i) {
        const Net::ReceiveSlot &r = rxSlots[i];
        onRequest(r.data, qMin(r.size, r.room()), r.sender);
    }
}

void Server::Private::onRequest(const char *bytes, qsizetype size, const SocketAddress &from)
{
    // Port 0 cannot be answered (and is no real client): dropped without a word.
    if (from.isNull() || from.port() == 0)
        return;
    const ClientKey key = ClientKey::of(from);
    if (byClient.contains(key))
        return;   // the client asked again before our answer reached it: its transfer answers already
    const Request request = parseRequest(QByteArrayView(bytes, size));
    if (!request.ok()) {
        quint16 code = 0;
        QByteArray message;
        if (Request::reply(request.problem, &code, &message))
            refuse(from, request, code, message, Request::problemText(request.problem));
        return;
    }
    if (request.isWrite() && !active.allowUploads) {
        refuse(from, request, ErrAccessViolation, QByteArrayLiteral("Uploads are not allowed"),
               Server::tr("uploads are not allowed"));
        return;
    }
    if (running >= active.maxTransfers) {
        refuse(from, request, ErrNotDefined, QByteArrayLiteral("Server busy, try again later"),
               Server::tr("server busy (%n transfers running)", nullptr, running));
        return;
    }
    // The name first: a refused one costs no transfer object.
    quint16 code = 0;
    QByteArray message;
    QString reason;
    std::unique_ptr<Transfer> t;
    bool ok = false;
    if (!request.isWrite()) {
        const Root::ReadTarget target = root.openForRead(request.fileName);
        if (target.refusal != Root::NoRefusal) {
            refuse(from, request, Root::errorCode(target.refusal), Root::wireMessage(target.refusal),
                   Root::reasonText(target.refusal));
            return;
        }
        t = std::make_unique<Transfer>(this, nextId, from, request, QByteArrayView(bytes, size));
        ok = t->startDownload(target.fd, &code, &message, &reason);
    } else {
        const Root::WriteTarget target = root.resolveForWrite(request.fileName, active.allowOverwrite);
        if (target.refusal != Root::NoRefusal) {
            refuse(from, request, Root::errorCode(target.refusal), Root::wireMessage(target.refusal),
                   Root::reasonText(target.refusal));
            return;
        }
        t = std::make_unique<Transfer>(this, nextId, from, request, QByteArrayView(bytes, size));
        ok = t->startUpload(target, &code, &message, &reason);
    }
    if (!ok) {
        refuse(from, request, code, message, reason);
        return;
    }
    ++nextId;
    Transfer *raw = t.get();
    transfers.emplace(raw->id(), std::move(t));
    started(raw);
    raw->begin();
}

void Server::Private::reply(const SocketAddress &to, quint16 code, const QByteArray &message)
{
    const QByteArray bytes = Packet::error(code, message).serialize();
    listen->sendTo(bytes.constData(), bytes.size(), to);
}

void Server::Private::refuse(const SocketAddress &from, const Request &request, quint16 code,
                             const QByteArray &message, const QString &reason)
{
    reply(from, code, message);
    const qint64 now = clock.elapsed();
    if (now - refusalWindowMs >= 1000) {
        flushRefusals();
        refusalWindowMs = now;
        refusalsLogged = 0;
    }
    if (refusalsLogged >= RefusalLogsPerSecond) {
        if (refusalsSuppressed++ == 0)
            refusalTimer.start(int(qMax<qint64>(1, refusalWindowMs + 1000 - now)));
        return;
    }
    ++refusalsLogged;
    TransferInfo info;
    info.clientAddress = unmappedAddress(from.address());
    info.clientPort = from.port();
    info.client = displayEndpoint(info.clientAddress, info.clientPort);
    info.file = TextCodec::peerText(request.fileName);
    info.direction = request.isWrite() ? TransferInfo::Upload : TransferInfo::Download;
    info.mode = QString::fromLatin1(request.ok() ? request.mode : QByteArray());
    info.state = TransferInfo::Refused;
    info.result = reason;
    if (request.opcode == Opcode::Rrq || request.opcode == Opcode::Wrq) {
        log(Server::tr("%1 %2 \"%3\" refused: %4 (TFTP error %5)")
                .arg(info.client, directionText(info.direction), info.file, reason)
                .arg(code));
    } else {
        log(Server::tr("%1 refused: %2 (TFTP error %3)").arg(info.client, reason).arg(code));
    }
    emit q->requestRefused(info);
}

// Counts the refusals left out of the log in the last second.
void Server::Private::flushRefusals()
{
    if (refusalsSuppressed == 0)
        return;
    const quint64 n = std::exchange(refusalsSuppressed, 0);
    log(Server::tr("%1 more refused requests not logged (at most %2 are logged a second)")
            .arg(QLocale().toString(n))
            .arg(RefusalLogsPerSecond));
}

void Server::Private::started(Transfer *t)
{
    ++running;
    byClient.insert(t->key(), t);
    if (!progressTimer.isActive())
        progressTimer.start();
    emit q->transferStarted(t->info());
}

// From Transfer::end(): counted out, logged, reported; deleted later (its handler may still be on the stack).
void Server::Private::transferEnded(Transfer *t, const TransferInfo &info)
{
    if (byClient.value(t->key()) == t)
        byClient.remove(t->key());
    --running;
    if (running == 0)
        progressTimer.stop();
    ended.push_back(Ended{info, active.trace ? t->traceEntries() : QList<TraceEntry>()});
    while (ended.size() > size_t(KeptTraces))
        ended.pop_front();
    if (!reapTimer.isActive())
        reapTimer.start();
    log(endedLine(info));
    emit q->transferFinished(info);
}

void Server::Private::queueBurst(Transfer *t)
{
    bursts.push_back(t);
    if (!burstTimer.isActive())
        burstTimer.start();
}

void Server::Private::runBursts()
{
    std::vector<Transfer *> now;
    now.swap(bursts);
    for (Transfer *t : now) {
        if (transfers.count(t->id()))   // still there (ended ones stay until reaped, and say so themselves)
            t->continueBurst();
    }
}

void Server::Private::onProgressTick()
{
    TransferInfo info;
    for (auto &[id, t] : transfers) {
        if (t->running() && t->takeProgress(&info))
            emit q->transferProgress(info);
    }
}

void Server::Private::reap()
{
    for (auto it = transfers.begin(); it != transfers.end();) {
        if (it->second->phase() == Transfer::Phase::Ended) {
            const Transfer *t = it->second.get();
            bursts.erase(std::remove(bursts.begin(), bursts.end(), t), bursts.end());
            it = transfers.erase(it);
        } else {
            ++it;
        }
    }
}

void Server::Private::log(const QString &line)
{
    qCDebug(lcTftpServer).noquote() << line;
    emit q->logLine(line);
}

// "127.0.0.1:40000 download "boot/x.bin" octet blksize=1468 tsize=1000: 1000 bytes in 0.004 s (244.1 KiB/s),
// 0 retransmissions, ok"
QString Server::Private::endedLine(const TransferInfo &info) const
{
    QString what = info.mode;
    if (!info.optionsText.isEmpty())
        what += QLatin1Char(' ') + info.optionsText;
    const QString outcome = info.ok() ? Server::tr("ok") : Server::tr("failed: %1").arg(info.result);
    return Server::tr("%1 %2 \"%3\" %4: %5 bytes in %6 s (%7), %8 retransmissions, %9")
        .arg(info.client, directionText(info.direction), info.file, what)
        .arg(info.bytes)
        .arg(double(info.elapsedMs) / 1000.0, 0, 'f', 3)
        .arg(rateText(info.bytesPerSecond))
        .arg(info.retransmissions)
        .arg(outcome);
}

// -------------------------------------------------------------------------------------------------

Server::Server(QObject *parent)
    : QObject(parent)
    , d(new Private)
{
    qRegisterMetaType<NetPoke::Tftp::TransferInfo>();
    d->q = this;
    d->clock.start();
    d->progressTimer.setInterval(ProgressIntervalMs);
    connect(&d->progressTimer, &QTimer::timeout, this, [this] { d->onProgressTick(); });
    d->reapTimer.setSingleShot(true);
    d->reapTimer.setInterval(0);
    connect(&d->reapTimer, &QTimer::timeout, this, [this] { d->reap(); });
    d->burstTimer.setSingleShot(true);
    d->burstTimer.setInterval(0);
    connect(&d->burstTimer, &QTimer::timeout, this, [this] { d->runBursts(); });
    d->refusalTimer.setSingleShot(true);
    connect(&d->refusalTimer, &QTimer::timeout, this, [this] { d->flushRefusals(); });
}

Server::~Server()
{
    {
        const QSignalBlocker quiet(this);
        stop();
    }
    d->transfers.clear();
    delete d;
}

void Server::setSettings(const Settings &settings)
{
    d->settings = settings;
}

Server::Settings Server::settings() const
{
    return d->settings;
}

bool Server::start()
{
    stop();
    d->error = NoError;
    d->errorString.clear();
    Settings::Field field = Settings::NoField;
    const QString invalid = d->settings.validate(&field);
    if (!invalid.isEmpty())
        return d->fail(field == Settings::RootField ? RootError : SettingsError, invalid);
    d->active = d->settings;
    if (!d->root.open(d->active.root))
        return d->fail(RootError, d->root.errorString());
    if (!d->arena)
        d->arena.reset(new char[size_t(MaxBatch) * size_t(MaxSlot)]);
    if (!d->bindListen()) {
        d->root.close();
        return false;
    }
    emit runningChanged(true);
    return true;
}

void Server::stop()
{
    if (!d->isRunning() && d->transfers.empty())
        return;
    const bool wasRunning = d->isRunning();
    if (d->listen) {
        // Deleted from the event loop: stop() may be called from a slot inside the socket's own signal.
        d->listen->disconnect();
        d->listen->close();
        d->listen.release()->deleteLater();
    }
    for (auto &[id, t] : d->transfers) {
        if (t->running())
            t->abort(QByteArrayLiteral("Server shutting down"), tr("the server stopped"));
    }
    // Ended transfers are deleted later (a slot calling stop() may run inside one of their handlers);
    // dallying uploads end here too.
    for (auto &[id, t] : d->transfers) {
        if (t->phase() == Transfer::Phase::Dallying)
            t->abort(QByteArray(), QString());
    }
    d->root.close();
    d->flushRefusals();
    d->refusalTimer.stop();
    if (wasRunning)
        emit runningChanged(false);
}

bool Server::isRunning() const
{
    return d->isRunning();
}

QHostAddress Server::address() const
{
    return d->isRunning() ? d->listen->localAddress() : QHostAddress();
}

quint16 Server::port() const
{
    return d->isRunning() ? d->listen->localPort() : 0;
}

Server::Error Server::error() const
{
    return d->error;
}

QString Server::errorString() const
{
    return d->errorString;
}

bool Server::cancel(quint64 id)
{
    const auto it = d->transfers.find(id);
    if (it == d->transfers.end() || !it->second->running())
        return false;
    it->second->abort(QByteArrayLiteral("Cancelled by the server"), tr("cancelled"));
    return true;
}

QList<TransferInfo> Server::transfers() const
{
    QList<TransferInfo> list;
    for (const auto &[id, t] : d->transfers) {
        if (t->running())
            list.append(t->info());
    }
    return list;
}

int Server::activeTransfers() const
{
    return d->running;
}

TransferInfo Server::transfer(quint64 id) const
{
    const auto it = d->transfers.find(id);
    if (it != d->transfers.end() && it->second->running())
        return it->second->info();
    for (auto e = d->ended.rbegin(); e != d->ended.rend(); ++e) {
        if (e->info.id == id)
            return e->info;
    }
    return TransferInfo();
}

QList<TraceEntry> Server::trace(quint64 id) const
{
    const auto it = d->transfers.find(id);
    if (it != d->transfers.end() && it->second->running())
        return it->second->traceEntries();
    for (auto e = d->ended.rbegin(); e != d->ended.rend(); ++e) {
        if (e->info.id == id)
            return e->trace;
    }
    return {};
}

} // namespace NetPoke::Tftp
