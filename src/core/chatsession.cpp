#include "chatsession.h"

#include "hostport.h"
#include "net/endpointinput.h"
#include "textcodec.h"

#include <QDateTime>
#include <QHostInfo>
#include <QPair>
#include <QTimer>

#include <deque>

namespace NetPoke {

namespace {

// Decoders are kept per sender; a flood of senders (a room, a port scan) must not grow without bound.
constexpr int MaxDecoders = 1024;
// Own room messages come back through multicast loopback: remembered this long to recognise them.
constexpr qint64 EchoWindowMs = 10000;
constexpr int MaxEchoes = 256;
// How long a decoder waits for the rest of a character split across datagrams.
constexpr int PendingTimeoutMs = 1000;


QString localDisplay(const UdpEndpoint &endpoint)
{
    const QHostAddress a = endpoint.localAddress();
    // A dual-stack socket reports QHostAddress::Any; it takes IPv6 too.
    if (a == QHostAddress(QHostAddress::Any))
        return QStringLiteral("[::]:") + QString::number(endpoint.localPort());
    return displayEndpoint(a, endpoint.localPort());
}

bool isBroadcastAddress(const QHostAddress &address, const QNetworkInterface &iface)
{
    if (address.protocol() != QAbstractSocket::IPv4Protocol)
        return false;
    if (address == QHostAddress(QHostAddress::Broadcast))
        return true;
    const QList<QNetworkInterface> ifaces = iface.isValid() ? QList<QNetworkInterface>{iface}
                                                            : QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &i : ifaces) {
        for (const QNetworkAddressEntry &e : i.addressEntries()) {
            if (!e.broadcast().isNull() && e.broadcast() == address)
                return true;
        }
    }
    return false;
}

ChatSession::Error fromEndpoint(UdpEndpoint::Error e)
{
    switch (e) {
    case UdpEndpoint::NoError: return ChatSession::NoError;
    case UdpEndpoint::AddressInUseError: return ChatSession::AddressInUseError;
    case UdpEndpoint::AccessDeniedError: return ChatSession::AccessDeniedError;
    case UdpEndpoint::AddressNotAvailableError: return ChatSession::AddressNotAvailableError;
    case UdpEndpoint::HostNotFoundError: return ChatSession::HostNotFoundError;
    case UdpEndpoint::DatagramTooLargeError: return ChatSession::DatagramTooLargeError;
    case UdpEndpoint::BroadcastNotEnabledError: return ChatSession::BroadcastNotEnabledError;
    case UdpEndpoint::AddressFamilyError: return ChatSession::AddressFamilyError;
    case UdpEndpoint::MulticastError: return ChatSession::RoomError;
    case UdpEndpoint::SendError:
    case UdpEndpoint::PortUnreachableError: return ChatSession::SendError;
    case UdpEndpoint::UnknownError: break;
    }
    return ChatSession::UnknownError;
}

} // namespace

struct ChatSession::Private
{
    explicit Private(ChatSession *session) : q(session) {}

    ChatSession *const q;
    UdpEndpoint *endpoint = nullptr;
    QString encoding = QStringLiteral("UTF-8");
    struct PeerDecoder
    {
        TextCodec::Decoder decoder;
        qint64 pendingSinceMs = 0;   // when the decoder started holding back an incomplete character
    };
    QHash<QPair<QHostAddress, quint16>, PeerDecoder> decoders;
    // The start of a character that no datagram completes is passed on as invalid bytes after a while.
    QTimer pendingTimer;

    QHostAddress peer;
    quint16 peerPort = 0;
    bool answerFirst = false;
    // A host name being resolved: messages wait for the answer.
    QString resolvingHost;
    quint16 resolvingPort = 0;
    int lookupGeneration = 0;
    QList<QPair<QString, QByteArray>> queued;   // text as sent, bytes

    QString displayName;
    bool sendName = false;

    bool inRoom = false;
    bool roomBroadcast = false;
    QHostAddress roomAddress;
    quint16 roomPort = 0;
    QNetworkInterface roomInterface;
    struct Echo
    {
        QByteArray bytes;
        qint64 sentMs;
    };
    std::deque<Echo> echoes;
    QList<QHostAddress> localAddresses;

    Error error = NoError;
    QString errorString;

    bool fail(Error e, const QString &text)
    {
        error = e;
        errorString = text;
        return false;
    }
    bool failFromEndpoint() { return fail(fromEndpoint(endpoint->error()), endpoint->errorString()); }

    bool resolving() const { return !resolvingHost.isEmpty(); }
    bool isEcho(const Datagram &d, const QHostAddress &from);
    bool isStranger(const QHostAddress &from, quint16 port) const
    {
        return !inRoom && peerPort != 0 && !(from == peer && port == peerPort);
    }
    QString wireText(const QString &text) const;
    bool sendBytes(const QString &text, const QByteArray &bytes, const QHostAddress &to, quint16 port);
    // Shows what decoders hold back; all of it, or only what waited longer than PendingTimeoutMs.
    void flushDecoders(bool all = true);
};

bool ChatSession::Private::isEcho(const Datagram &d, const QHostAddress &from)
{
    if (d.peerPort != endpoint->localPort())
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    while (!echoes.empty() && now - echoes.front().sentMs > EchoWindowMs)
        echoes.pop_front();
    if (echoes.empty())
        return false;
    if (!from.isLoopback() && !localAddresses.contains(from))
        return false;
    for (auto it = echoes.begin(); it != echoes.end(); ++it) {
        if (it->bytes == d.data) {
            echoes.erase(it);
            return true;
        }
    }
    return false;
}

ChatSession::ChatSession(QObject *parent)
    : QObject(parent)
    , d(new Private(this))
{
    qRegisterMetaType<NetPoke::ChatMessage>();
    d->endpoint = new UdpEndpoint(this);
    // A conversation wants each datagram at once, not batched for throughput.
    d->endpoint->setBatchInterval(0);
    d->pendingTimer.setSingleShot(true);
    connect(&d->pendingTimer, &QTimer::timeout, this, [this] { d->flushDecoders(false); });

    connect(d->endpoint, &UdpEndpoint::boundChanged, this, [this](bool bound) {
        if (bound)
            emit systemMessage(tr("Bound to %1").arg(localDisplay(*d->endpoint)));
        emit boundChanged(bound);
    });
    connect(d->endpoint, &UdpEndpoint::portUnreachable, this, [this](const QHostAddress &address, quint16 port) {
        emit systemMessage(tr("Nobody is listening at %1 (ICMP port unreachable)")
                               .arg(displayEndpoint(unmappedAddress(address), port)));
    });
    connect(d->endpoint, &UdpEndpoint::datagramsReceived, this, [this](const QList<Datagram> &datagrams) {
        for (const Datagram &dg : datagrams) {
            const QHostAddress from = unmappedAddress(dg.peer);
            if (d->inRoom && !d->echoes.empty() && d->isEcho(dg, from))
                continue;
            if (!d->inRoom && d->answerFirst && d->peerPort == 0 && !d->resolving()) {
                d->peer = from;
                d->peerPort = dg.peerPort;
                emit systemMessage(tr("Answering %1, who wrote first").arg(displayEndpoint(from, dg.peerPort)));
                emit peerChanged(d->peer, d->peerPort);
            }
            const auto key = qMakePair(from, dg.peerPort);
            auto it = d->decoders.find(key);
            if (it == d->decoders.end()) {
                if (d->decoders.size() >= MaxDecoders)
                    d->flushDecoders();
                it = d->decoders.insert(key, Private::PeerDecoder{TextCodec::Decoder(d->encoding), 0});
            }
            ChatMessage m;
            m.text = it->decoder.decode(dg.data, &m.invalidBytes);
            if (it->decoder.hasPending()) {
                if (it->pendingSinceMs == 0)
                    it->pendingSinceMs = dg.timestampMs;
                if (!d->pendingTimer.isActive())
                    d->pendingTimer.start(PendingTimeoutMs);
            } else {
                it->pendingSinceMs = 0;
            }
            // All of it is the start of a character that the next datagram completes.
            if (m.text.isEmpty() && !dg.data.isEmpty())
                continue;
            m.address = from;
            m.port = dg.peerPort;
            m.timestampMs = dg.timestampMs;
            m.outgoing = false;
            m.fromStranger = d->isStranger(from, dg.peerPort);
            emit messageReceived(m);
        }
    });
}

ChatSession::~ChatSession()
{
    d->endpoint->disconnect(this);
    delete d->endpoint;
    delete d;
}

bool ChatSession::bind(const QHostAddress &address, quint16 port)
{
    if (d->inRoom)
        leaveRoom();
    // :: is dual-stack, or 0.0.0.0 where the machine has no IPv6.
    const bool ok = address == QHostAddress(QHostAddress::Any) ? d->endpoint->bindAny(port)
                                                               : d->endpoint->bind(address, port);
    return ok || d->failFromEndpoint();
}

void ChatSession::close()
{
    if (d->inRoom)
        leaveRoom();
    d->endpoint->close();
    d->flushDecoders();
}

bool ChatSession::isBound() const
{
    return d->endpoint->isBound();
}

QHostAddress ChatSession::localAddress() const
{
    return d->endpoint->localAddress();
}

quint16 ChatSession::localPort() const
{
    return d->endpoint->localPort();
}

bool ChatSession::setPeer(const QString &host, quint16 port)
{
    // Typos such as "192.168.1" or "300.1.1.1" are refused here instead of becoming a name lookup.
    const Net::EndpointInput to = Net::EndpointInput::fromParts(host, port, Net::EndpointInput::Destination);
    if (!to.ok())
        return d->fail(to.problem == Net::EndpointInput::PortProblem ? InvalidPortError : HostNotFoundError,
                       to.errorString);
    const QString h = to.host;
    ++d->lookupGeneration;
    d->resolvingHost.clear();
    if (!to.isName()) {
        const QHostAddress a = unmappedAddress(to.address);
        const bool changed = a != d->peer || port != d->peerPort;
        const bool had = d->peerPort != 0;
        d->peer = a;
        d->peerPort = port;
        if (changed) {
            emit systemMessage(had ? tr("Peer changed to %1").arg(displayEndpoint(a, port))
                                   : tr("Peer set to %1").arg(displayEndpoint(a, port)));
            emit peerChanged(d->peer, d->peerPort);
        }
        return true;
    }
    // A name: the old peer is forgotten now; messages typed meanwhile wait for the answer.
    d->peer.clear();
    d->peerPort = 0;
    d->resolvingHost = h;
    d->resolvingPort = port;
    emit systemMessage(tr("Looking up %1 ...").arg(h));
    const int generation = d->lookupGeneration;
    QHostInfo::lookupHost(h, this, [this, generation](const QHostInfo &info) {
        if (generation != d->lookupGeneration)
            return;
        const QString name = std::exchange(d->resolvingHost, QString());
        const quint16 port = d->resolvingPort;
        const auto queued = std::exchange(d->queued, {});
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            d->fail(HostNotFoundError, tr("Cannot find the host \"%1\": %2").arg(name, info.errorString()));
            emit errorOccurred(d->error);
            return;
        }
        // A socket bound to one family can only reach that family: prefer its answers.
        d->peer = unmappedAddress(Net::preferredAddress(info.addresses(), d->endpoint->localAddress()));
        d->peerPort = port;
        emit systemMessage(tr("Peer set to %1 (%2)").arg(displayEndpoint(d->peer, port), name));
        emit peerChanged(d->peer, d->peerPort);
        for (const auto &q : queued) {
            if (!d->sendBytes(q.first, q.second, d->peer, d->peerPort))
                emit errorOccurred(d->error);
        }
    });
    return true;
}

void ChatSession::clearPeer()
{
    ++d->lookupGeneration;
    d->resolvingHost.clear();
    d->queued.clear();
    if (d->peerPort == 0 && d->peer.isNull())
        return;
    d->peer.clear();
    d->peerPort = 0;
    emit systemMessage(tr("No peer"));
    emit peerChanged(d->peer, d->peerPort);
}

QHostAddress ChatSession::peerAddress() const
{
    return d->peer;
}

quint16 ChatSession::peerPort() const
{
    return d->peerPort;
}

bool ChatSession::hasPeer() const
{
    return d->peerPort != 0;
}

bool ChatSession::isResolvingPeer() const
{
    return d->resolving();
}

int ChatSession::pendingMessageCount() const
{
    return int(d->queued.size());
}

void ChatSession::setAnswerFirstSender(bool on)
{
    d->answerFirst = on;
}

bool ChatSession::answerFirstSender() const
{
    return d->answerFirst;
}

bool ChatSession::setEncoding(const QString &encoding)
{
    const QString name = TextCodec::canonicalName(encoding);
    if (name.isEmpty()) {
        return d->fail(EncodingError, tr("Unknown encoding \"%1\". Supported: %2.")
                                          .arg(encoding, TextCodec::encodings().join(QStringLiteral(", "))));
    }
    if (name == d->encoding)
        return true;
    d->flushDecoders();
    d->encoding = name;
    emit systemMessage(tr("Encoding changed to %1").arg(name));
    return true;
}

QString ChatSession::encoding() const
{
    return d->encoding;
}

void ChatSession::setDisplayName(const QString &name)
{
    d->displayName = name;
}

QString ChatSession::displayName() const
{
    return d->displayName;
}

void ChatSession::setSendName(bool on)
{
    d->sendName = on;
}

bool ChatSession::sendName() const
{
    return d->sendName;
}

bool ChatSession::sendMessage(const QString &text)
{
    if (!d->inRoom && d->peerPort == 0 && !d->resolving())
        return d->fail(NoPeerError, tr("No one to send to: there is no peer."));
    const QString full = d->wireText(text);
    const TextCodec::Result r = TextCodec::encode(full, d->encoding);
    if (!r.ok)
        return d->fail(EncodingError, r.errorString);
    if (d->inRoom)
        return d->sendBytes(full, r.bytes, d->roomAddress, d->roomPort);
    if (d->resolving()) {
        d->queued.append(qMakePair(full, r.bytes));
        return true;
    }
    return d->sendBytes(full, r.bytes, d->peer, d->peerPort);
}

QString ChatSession::Private::wireText(const QString &text) const
{
    if (sendName && !displayName.trimmed().isEmpty())
        return displayName.trimmed() + QStringLiteral(": ") + text;
    return text;
}

bool ChatSession::Private::sendBytes(const QString &text, const QByteArray &bytes, const QHostAddress &to, quint16 port)
{
    if (!endpoint->send(bytes, to, port))
        return failFromEndpoint();
    if (inRoom) {
        echoes.push_back(Echo{bytes, QDateTime::currentMSecsSinceEpoch()});
        if (echoes.size() > MaxEchoes)
            echoes.pop_front();
    }
    ChatMessage m;
    m.text = text;
    m.address = to;
    m.port = port;
    m.timestampMs = QDateTime::currentMSecsSinceEpoch();
    m.outgoing = true;
    emit q->messageSent(m);
    return true;
}

void ChatSession::Private::flushDecoders(bool all)
{
    // Bytes held back for a character that never completed are shown, not dropped.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<ChatMessage> flushed;
    qint64 nextDue = -1;
    for (auto it = decoders.begin(); it != decoders.end(); ++it) {
        if (!it->decoder.hasPending())
            continue;
        const qint64 due = it->pendingSinceMs + PendingTimeoutMs;
        if (!all && due > now) {
            nextDue = nextDue < 0 ? due : qMin(nextDue, due);
            continue;
        }
        ChatMessage m;
        m.text = it->decoder.flush(&m.invalidBytes);
        m.address = it.key().first;
        m.port = it.key().second;
        m.timestampMs = now;
        m.fromStranger = isStranger(m.address, m.port);
        it->pendingSinceMs = 0;
        flushed.append(m);
    }
    if (all) {
        decoders.clear();
        pendingTimer.stop();
    } else if (nextDue >= 0) {
        pendingTimer.start(int(qMax<qint64>(1, nextDue - now)));
    }
    for (const ChatMessage &m : std::as_const(flushed))
        emit q->messageReceived(m);
}

bool ChatSession::joinRoom(const QHostAddress &group, quint16 port, const QNetworkInterface &iface, int ttl)
{
    const bool multicast = group.isMulticast();
    const bool broadcast = !multicast && isBroadcastAddress(group, iface);
    if (!multicast && !broadcast) {
        return d->fail(RoomError, tr("%1 is neither a multicast group (e.g. 239.255.43.21) nor a broadcast address.")
                                      .arg(group.toString()));
    }
    if (ttl < 0 || ttl > 255)
        return d->fail(RoomError, tr("TTL %1 is out of range (0 to 255).").arg(ttl));
    if (d->inRoom)
        leaveRoom();
    const bool v6 = group.protocol() == QAbstractSocket::IPv6Protocol;
    const QHostAddress any(v6 ? QHostAddress::AnyIPv6 : QHostAddress::AnyIPv4);
    d->endpoint->setMulticastLoopback(true);
    if (iface.isValid() && multicast)
        d->endpoint->setMulticastInterface(iface);
    d->endpoint->setMulticastTtl(ttl);
    if (broadcast)
        d->endpoint->setBroadcastEnabled(true);
    const bool rebind = !d->endpoint->isBound() || (port != 0 && d->endpoint->localPort() != port)
        || d->endpoint->localAddress() != any;
    if (rebind && !d->endpoint->bind(any, port, true))
        return d->failFromEndpoint();
    if (multicast && !d->endpoint->joinMulticastGroup(group, iface))
        return d->failFromEndpoint();
    d->inRoom = true;
    d->roomBroadcast = broadcast;
    d->roomAddress = group;
    d->roomPort = d->endpoint->localPort();
    d->roomInterface = iface;
    d->echoes.clear();
    d->localAddresses = QNetworkInterface::allAddresses();
    for (QHostAddress &a : d->localAddresses)
        a = unmappedAddress(a);
    const QString where = displayEndpoint(group, d->roomPort);
    if (broadcast)
        emit systemMessage(tr("Joined the room %1 (broadcast)").arg(where));
    else if (iface.isValid())
        emit systemMessage(tr("Joined the room %1 on %2, TTL %3").arg(where, iface.name()).arg(ttl));
    else
        emit systemMessage(tr("Joined the room %1, TTL %2").arg(where).arg(ttl));
    return true;
}

void ChatSession::leaveRoom()
{
    if (!d->inRoom)
        return;
    if (!d->roomBroadcast && d->endpoint->isBound())
        d->endpoint->leaveMulticastGroup(d->roomAddress, d->roomInterface);
    if (d->roomBroadcast)
        d->endpoint->setBroadcastEnabled(false);
    const QString where = displayEndpoint(d->roomAddress, d->roomPort);
    d->inRoom = false;
    d->roomBroadcast = false;
    d->roomAddress.clear();
    d->roomPort = 0;
    d->roomInterface = QNetworkInterface();
    d->echoes.clear();
    emit systemMessage(tr("Left the room %1").arg(where));
}

bool ChatSession::inRoom() const
{
    return d->inRoom;
}

QHostAddress ChatSession::roomAddress() const
{
    return d->roomAddress;
}

quint16 ChatSession::roomPort() const
{
    return d->roomPort;
}

ChatSession::Error ChatSession::error() const
{
    return d->error;
}

QString ChatSession::errorString() const
{
    return d->errorString;
}

UdpEndpoint *ChatSession::endpoint() const
{
    return d->endpoint;
}

} // namespace NetPoke
