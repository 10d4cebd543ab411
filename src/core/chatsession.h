#pragma once

#include "udpendpoint.h"

#include <QHash>
#include <QHostAddress>
#include <QNetworkInterface>
#include <QObject>

namespace NetPoke {

struct ChatMessage
{
    QString text;              // decoded (undecodable bytes as U+DC80+byte): show it through TextCodec::visibleText
    QHostAddress address;      // sender (received) or destination (sent)
    quint16 port = 0;
    qint64 timestampMs = 0;    // ms since epoch
    bool outgoing = false;
    bool fromStranger = false; // received from an address other than the peer (one-to-one mode)
    int invalidBytes = 0;
};

// A two-person (or room) conversation over one UDP socket. The wire format is the bare encoded text,
// so the other side can be a classroom script (`sendto(text.encode("gb2312"))`) or `nc -u`.
class ChatSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatSession)

public:
    enum Error {
        NoError,
        AddressInUseError,          // bind: the port is taken
        AccessDeniedError,          // bind: e.g. a port below 1024
        AddressNotAvailableError,   // bind: not an address of this machine
        HostNotFoundError,          // no host, not a possible host, or the name lookup failed
        InvalidPortError,           // port 0 as the other side's port
        NoPeerError,                // nothing to send to
        EncodingError,              // an unknown encoding, or text the encoding cannot write
        DatagramTooLargeError,
        BroadcastNotEnabledError,   // the peer is a broadcast address (a room can use one)
        AddressFamilyError,         // the socket's family cannot reach the peer's
        RoomError,                  // not a group or broadcast address, TTL out of range, join failed
        SendError,
        UnknownError,
    };
    Q_ENUM(Error)

    explicit ChatSession(QObject *parent = nullptr);
    ~ChatSession() override;

    // Port 0: the system chooses. Emits systemMessage("bound to ...") on success.
    bool bind(const QHostAddress &address, quint16 port);
    void close();
    bool isBound() const;
    QHostAddress localAddress() const;
    quint16 localPort() const;

    // The other person. A host name is resolved asynchronously; peerChanged() follows.
    // Returns false with errorString() for an empty host or port 0.
    bool setPeer(const QString &host, quint16 port);
    void clearPeer();
    QHostAddress peerAddress() const;
    quint16 peerPort() const;
    bool hasPeer() const;
    // True while a host name given to setPeer() is being resolved; sendMessage() queues meanwhile.
    bool isResolvingPeer() const;
    // Messages accepted by sendMessage() that wait for the peer's name to resolve.
    int pendingMessageCount() const;
    // Fill in the peer from the first datagram that arrives while no peer is set.
    void setAnswerFirstSender(bool on);
    bool answerFirstSender() const;

    // One of TextCodec::encodings(); resets the per-peer decoders. Emits systemMessage.
    bool setEncoding(const QString &encoding);
    QString encoding() const;

    // "send my name": prefix outgoing text with "NAME: " (off by default: the bare text is the protocol).
    void setDisplayName(const QString &name);
    QString displayName() const;
    void setSendName(bool on);
    bool sendName() const;

    // Encodes and sends to the peer (or the room). False with errorString() when the text cannot be
    // encoded, there is no peer, or the send fails; nothing is sent then.
    bool sendMessage(const QString &text);

    // Room mode: send to a multicast group (or, with a broadcast address, the subnet) and show
    // everyone's messages. ttl 1 by default; iface invalid = the system's choice.
    bool joinRoom(const QHostAddress &group, quint16 port, const QNetworkInterface &iface = QNetworkInterface(),
                  int ttl = 1);
    void leaveRoom();
    bool inRoom() const;
    QHostAddress roomAddress() const;
    // The room's port (the one the system chose when joinRoom() was given port 0).
    quint16 roomPort() const;

    // The last failure. Calls that fail return false and set these; errorOccurred() reports the failures
    // that come later (a peer's name lookup, messages that waited for it).
    Error error() const;
    QString errorString() const;
    UdpEndpoint *endpoint() const;

signals:
    void messageReceived(const NetPoke::ChatMessage &message);
    void messageSent(const NetPoke::ChatMessage &message);
    // Human-readable, translated system lines: bound to port N, peer changed, ICMP port unreachable,
    // encoding changed, joined/left room.
    void systemMessage(const QString &text);
    void peerChanged(const QHostAddress &address, quint16 port);
    void errorOccurred(NetPoke::ChatSession::Error error);
    void boundChanged(bool bound);

private:
    struct Private;
    Private *d;
};

} // namespace NetPoke

Q_DECLARE_METATYPE(NetPoke::ChatMessage)
