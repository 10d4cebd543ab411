#include "udpendpoint.h"

#include "hostport.h"
#include "net/datagramsocket.h"
#include "net/endpointinput.h"

#include <QDateTime>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QPointer>

Q_LOGGING_CATEGORY(lcUdp, "netpoke.udp", QtWarningMsg)

namespace NetPoke {

namespace {
// Datagrams read per readyRead before returning to the event loop, so that a flood cannot starve
// timers and painting. The socket stays readable, so the notifier fires again at once.
constexpr int ReadBudget = 2048;
constexpr int MaxDatagram = 65536;
constexpr int MmsgBatch = 64;   // datagrams per receive() call
} // namespace

UdpEndpoint::UdpEndpoint(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<NetPoke::Datagram>();
    qRegisterMetaType<QList<NetPoke::Datagram>>();
    m_batchTimer.setSingleShot(true);
    connect(&m_batchTimer, &QTimer::timeout, this, &UdpEndpoint::flushBatch);
    m_sinceFlush.start();
}

UdpEndpoint::~UdpEndpoint() = default;

bool UdpEndpoint::bind(const QHostAddress &address, quint16 port, bool shareAddress)
{
    close();
    m_socket = new Net::DatagramSocket(this);
    const auto mode = shareAddress ? (QAbstractSocket::ShareAddress | QAbstractSocket::ReuseAddressHint)
                                   : QAbstractSocket::DefaultForPlatform;
    return finishBind(m_socket->bind(address, port, mode), address, port);
}

bool UdpEndpoint::bindAny(quint16 port, bool shareAddress)
{
    close();
    m_socket = new Net::DatagramSocket(this);
    const auto mode = shareAddress ? (QAbstractSocket::ShareAddress | QAbstractSocket::ReuseAddressHint)
                                   : QAbstractSocket::DefaultForPlatform;
    return finishBind(m_socket->bindAny(port, QAbstractSocket::AnyIPProtocol, mode), QHostAddress::Any, port);
}

bool UdpEndpoint::finishBind(bool ok, const QHostAddress &address, quint16 port)
{
    if (!ok) {
        const QString where = displayEndpoint(address, port);
        Error e = UnknownError;
        QString text;
        switch (m_socket->error()) {
        case Net::DatagramSocket::AddressInUseError:
            e = AddressInUseError;
            text = tr("Port %1 is already in use (%2).").arg(port).arg(where);
            break;
        case Net::DatagramSocket::AccessDeniedError:
            e = AccessDeniedError;
            text = port != 0 && port < 1024 ? tr("Ports below 1024 need administrator rights.")
                                            : tr("The system refused to open %1: %2").arg(where, m_socket->errorString());
            break;
        case Net::DatagramSocket::AddressNotAvailableError:
            e = AddressNotAvailableError;
            text = tr("%1 is not an address of this machine.").arg(displayAddress(address));
            break;
        default:
            text = tr("Cannot open %1: %2").arg(where, m_socket->errorString());
            break;
        }
        delete m_socket;
        m_socket = nullptr;
        setError(e, text);
        return false;
    }
    connect(m_socket, &Net::DatagramSocket::readyRead, this, &UdpEndpoint::readPending);
    connect(m_socket, &Net::DatagramSocket::icmpErrorsReceived, this, &UdpEndpoint::readIcmpErrors);
    applySocketOptions();
    m_error = NoError;
    m_errorString.clear();
    qCDebug(lcUdp) << "bound" << m_socket->localAddress() << m_socket->localPort();
    emit boundChanged(true);
    return true;
}

void UdpEndpoint::close()
{
    if (!m_socket)
        return;
    readPending();
    flushBatch();
    m_socket->disconnect(this);
    m_socket->close();
    m_socket->deleteLater();
    m_socket = nullptr;
    emit boundChanged(false);
}

bool UdpEndpoint::isBound() const
{
    return m_socket && m_socket->isBound();
}

QHostAddress UdpEndpoint::localAddress() const
{
    return m_socket ? m_socket->localAddress() : QHostAddress();
}

quint16 UdpEndpoint::localPort() const
{
    return m_socket ? m_socket->localPort() : 0;
}

bool UdpEndpoint::ensureBound(QAbstractSocket::NetworkLayerProtocol protocol)
{
    Q_UNUSED(protocol);
    if (isBound())
        return true;
    // Dual-stack when possible, so that one socket reaches IPv4 and IPv6 peers (without IPv6 on the
    // machine an IPv6 destination cannot be reached anyway).
    return bindAny(0);
}

bool UdpEndpoint::send(const QByteArray &data, const QHostAddress &address, quint16 port)
{
    if (address.isNull()) {
        setError(HostNotFoundError, tr("No destination address."));
        return false;
    }
    if (port == 0) {
        setError(SendError, tr("Port 0 cannot be a destination."));
        return false;
    }
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int limit = v6 ? MaxIPv6Payload : MaxIPv4Payload;
    if (data.size() > limit) {
        setError(DatagramTooLargeError,
                 tr("%1 bytes do not fit in one UDP datagram: the limit is %2 bytes over %3.")
                     .arg(data.size()).arg(limit).arg(v6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4")));
        return false;
    }
    if (!ensureBound(address.protocol()))
        return false;
    const qint64 sent = m_socket->sendTo(data.constData(), data.size(), Net::SocketAddress(address, port));
    if (sent < 0) {
        const auto err = m_socket->error();
        const QString to = displayEndpoint(address, port);
        const QHostAddress local = localAddress();
        if (err == Net::DatagramSocket::AccessDeniedError && !m_broadcast) {
            setError(BroadcastNotEnabledError,
                     tr("%1 looks like a broadcast address, and sending to broadcast addresses is off.").arg(to));
        } else if (err == Net::DatagramSocket::DatagramTooLargeError) {
            setError(DatagramTooLargeError, tr("The datagram is too large for the path to %1.").arg(to));
        } else if (v6 && local.protocol() == QAbstractSocket::IPv4Protocol) {
            setError(AddressFamilyError, tr("This socket is bound to an IPv4 address and cannot send to the IPv6 "
                                            "address %1.").arg(to));
        } else if (!v6 && local.protocol() == QAbstractSocket::IPv6Protocol && local != QHostAddress::Any) {
            setError(AddressFamilyError, tr("This socket is bound to an IPv6 address and cannot send to the IPv4 "
                                            "address %1.").arg(to));
        } else {
            setError(SendError, tr("Sending to %1 failed: %2").arg(to, m_socket->errorString()));
        }
        return false;
    }
    m_counters.txPackets++;
    m_counters.txBytes += quint64(sent);
    if (isSignalConnected(QMetaMethod::fromSignal(&UdpEndpoint::datagramSent)))
        emit datagramSent(Datagram{data, address, port, QDateTime::currentMSecsSinceEpoch()});
    return true;
}

bool UdpEndpoint::send(const QByteArray &data, const QString &host, quint16 port)
{
    const Net::EndpointInput to = Net::EndpointInput::fromParts(host, port, Net::EndpointInput::Destination);
    if (!to.ok()) {
        setError(to.problem == Net::EndpointInput::PortProblem ? SendError : HostNotFoundError, to.errorString);
        return false;
    }
    if (!to.isName())
        return send(data, to.address, port);
    QPointer<UdpEndpoint> self(this);
    const QString h = to.host;
    QHostInfo::lookupHost(h, this, [self, data, h, port](const QHostInfo &info) {
        if (!self)
            return;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            self->setError(HostNotFoundError, tr("Cannot find the host \"%1\": %2").arg(h, info.errorString()));
            return;
        }
        // A socket bound to one family can only reach that family: prefer its answers.
        self->send(data, Net::preferredAddress(info.addresses(), self->localAddress()), port);
    });
    return true;
}

void UdpEndpoint::setBroadcastEnabled(bool enabled)
{
    m_broadcast = enabled;
    applySocketOptions();
}

bool UdpEndpoint::broadcastEnabled() const
{
    return m_socket ? m_socket->broadcastEnabled() : m_broadcast;
}

bool UdpEndpoint::joinMulticastGroup(const QHostAddress &group, const QNetworkInterface &iface)
{
    if (!group.isMulticast()) {
        setError(MulticastError, tr("%1 is not a multicast group (IPv4 224.0.0.0-239.255.255.255, IPv6 ff00::/8).")
                                     .arg(group.toString()));
        return false;
    }
    if (!ensureBound(group.protocol()))
        return false;
    const bool ok = iface.isValid() ? m_socket->joinMulticastGroup(group, iface) : m_socket->joinMulticastGroup(group);
    if (!ok) {
        setError(MulticastError, tr("Cannot join the multicast group %1: %2").arg(group.toString(), m_socket->errorString()));
        return false;
    }
    return true;
}

bool UdpEndpoint::leaveMulticastGroup(const QHostAddress &group, const QNetworkInterface &iface)
{
    if (!isBound())
        return false;
    const bool ok = iface.isValid() ? m_socket->leaveMulticastGroup(group, iface) : m_socket->leaveMulticastGroup(group);
    if (!ok) {
        setError(MulticastError, tr("Cannot leave the multicast group %1: %2").arg(group.toString(), m_socket->errorString()));
        return false;
    }
    return true;
}

void UdpEndpoint::setMulticastInterface(const QNetworkInterface &iface)
{
    m_multicastInterface = iface;
    applySocketOptions();
}

void UdpEndpoint::setMulticastTtl(int ttl)
{
    m_multicastTtl = ttl;
    applySocketOptions();
}

int UdpEndpoint::multicastTtl() const
{
    if (!m_socket)
        return m_multicastTtl;
    return m_socket->socketOption(QAbstractSocket::MulticastTtlOption).toInt();
}

void UdpEndpoint::setMulticastLoopback(bool enabled)
{
    m_multicastLoopback = enabled ? 1 : 0;
    applySocketOptions();
}

void UdpEndpoint::setReceiveBufferSize(int bytes)
{
    m_receiveBufferSize = bytes;
    applySocketOptions();
}

int UdpEndpoint::receiveBufferSize() const
{
    return m_socket ? m_socket->receiveBufferSize() : 0;
}

void UdpEndpoint::setBatchInterval(int ms)
{
    m_batchIntervalMs = qMax(0, ms);
}

void UdpEndpoint::resetCounters()
{
    m_counters = UdpCounters();
}

void UdpEndpoint::applySocketOptions()
{
    if (!m_socket || !m_socket->isBound())
        return;
    m_socket->setBroadcastEnabled(m_broadcast);
    if (m_multicastInterface.isValid())
        m_socket->setMulticastInterface(m_multicastInterface);
    if (m_multicastTtl >= 0)
        m_socket->setSocketOption(QAbstractSocket::MulticastTtlOption, m_multicastTtl);
    if (m_multicastLoopback >= 0)
        m_socket->setSocketOption(QAbstractSocket::MulticastLoopbackOption, m_multicastLoopback);
    if (m_receiveBufferSize > 0)
        m_socket->setReceiveBufferSize(m_receiveBufferSize);
}

void UdpEndpoint::readPending()
{
    if (!m_socket)
        return;
    // Received in bulk into one buffer per thread (a receive() fills up to MmsgBatch slots), then copied out
    // at each datagram's size.
    static thread_local QByteArray bulk;
    if (bulk.size() < MmsgBatch * MaxDatagram)
        bulk.resize(MmsgBatch * MaxDatagram);
    Net::ReceiveSlot into[MmsgBatch];
    for (int i = 0; i < MmsgBatch; ++i) {
        into[i].data = bulk.data() + qsizetype(i) * MaxDatagram;
        into[i].capacity = MaxDatagram;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int count = 0;
    while (count < ReadBudget) {
        const int want = qMin(MmsgBatch, ReadBudget - count);
        const int got = m_socket->receive(into, want);
        if (got <= 0)
            break;
        for (int i = 0; i < got; ++i) {
            const qsizetype len = qMin(into[i].size, into[i].capacity);
            m_batch.append(Datagram{QByteArray(into[i].data, len), into[i].sender.address(), into[i].sender.port(), now});
            m_counters.rxPackets++;
            m_counters.rxBytes += quint64(len);
        }
        count += got;
        if (got < want)
            break;
    }
    if (m_batch.isEmpty())
        return;
    const qint64 waited = m_sinceFlush.elapsed();
    if (m_batchIntervalMs == 0 || waited >= m_batchIntervalMs)
        flushBatch();
    else if (!m_batchTimer.isActive())
        m_batchTimer.start(int(m_batchIntervalMs - waited));
}

void UdpEndpoint::readIcmpErrors()
{
    if (!m_socket)
        return;
    const QList<Net::IcmpError> errors = m_socket->takeIcmpErrors();
    for (const Net::IcmpError &e : errors) {
        if (!e.portUnreachable)
            continue;
        const QString where = displayEndpoint(e.destination, e.port);
        setError(PortUnreachableError,
                 tr("Nothing is listening at %1: the other side answered \"port unreachable\" (ICMP).").arg(where));
        emit portUnreachable(e.destination, e.port);
        if (!m_socket)
            return;
    }
}

void UdpEndpoint::flushBatch()
{
    m_batchTimer.stop();
    m_sinceFlush.restart();
    if (m_batch.isEmpty())
        return;
    const QList<Datagram> batch = std::exchange(m_batch, QList<Datagram>());
    emit datagramsReceived(batch);
}

void UdpEndpoint::setError(Error error, const QString &text)
{
    m_error = error;
    m_errorString = text;
    qCDebug(lcUdp) << "error" << error << text;
    emit errorOccurred(error);
}

} // namespace NetPoke
