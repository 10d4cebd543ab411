#include "tftpsocket.h"

#include <QLoggingCategory>

#include <climits>

Q_DECLARE_LOGGING_CATEGORY(lcTftp)

namespace NetPoke::Tftp {

Socket::~Socket()
{
    close();
}

bool Socket::open(const Peer &peer, QObject *context, std::function<void()> onReadable, std::function<void()> onIcmp)
{
    close();
    if (!m_engine) {
        m_engine = new Net::DatagramSocket(context);
        QObject::connect(m_engine, &Net::DatagramSocket::readyRead, context, std::move(onReadable));
        QObject::connect(m_engine, &Net::DatagramSocket::icmpErrorsReceived, context, std::move(onIcmp));
    }
    m_engine->setReceiveBufferSize(0);   // each transfer starts from the system's default, as sized below
    const auto family = peer.family() == QAbstractSocket::IPv4Protocol ? QAbstractSocket::IPv4Protocol
                                                                       : QAbstractSocket::AnyIPProtocol;
    if (!m_engine->bindAny(0, family)) {
        m_errorString = m_engine->errorString();
        return false;
    }
    return true;
}

void Socket::close()
{
    if (m_engine)
        m_engine->close();
}

int Socket::receive(Batch *b, char *payload, qsizetype slotSize, int count)
{
    if (!isOpen())
        return -1;
    count = qBound(1, count, int(MaxBatch));
    for (int i = 0; i < count; ++i) {
        Net::ReceiveSlot &s = b->m_slot[i];
        s.head = b->m_header[i];
        s.headCapacity = sizeof b->m_header[i];
        s.data = payload + i * slotSize;
        s.capacity = slotSize;
    }
    return m_engine->receive(b->m_slot, count);
}

bool Socket::sendTo(const Peer &to, const char *data, qsizetype size)
{
    if (!isOpen())
        return false;
    if (m_engine->sendTo(data, size, to) >= 0)
        return true;
    qCDebug(lcTftp) << "sendto failed" << m_engine->errorString();
    return false;
}

QList<Net::IcmpError> Socket::takeIcmpErrors()
{
    return isOpen() ? m_engine->takeIcmpErrors() : QList<Net::IcmpError>();
}

int Socket::sizeReceiveBuffer(qint64 want)
{
    if (!isOpen())
        return 0;
    const int current = m_engine->receiveBufferSize();
    if (current <= 0 || current >= want)
        return current;
    const int got = m_engine->setReceiveBufferSize(int(want / 2));   // the kernel doubles what it is given
    qCDebug(lcTftp) << "receive buffer" << got << "for" << want;
    return got;
}

int Socket::receiveBufferSize() const
{
    return isOpen() ? m_engine->receiveBufferSize() : 0;
}

int Socket::sizeSendBuffer(qint64 want)
{
    if (!isOpen())
        return 0;
    const auto option = QAbstractSocket::SendBufferSizeSocketOption;
    const int current = m_engine->socketOption(option).toInt();
    if (current <= 0 || current >= want)
        return current;
    m_engine->setSocketOption(option, int(qMin<qint64>(want / 2, INT_MAX)));   // doubled by the kernel, as above
    const int got = m_engine->socketOption(option).toInt();
    qCDebug(lcTftp) << "send buffer" << got << "for" << want;
    return got;
}

} // namespace NetPoke::Tftp
