#include "tftpoptions.h"
#include "textcodec.h"

namespace NetPoke::Tftp {

QString ClientOptions::validate(Field *field) const
{
    auto refuse = [field](Field f, const QString &text) {
        if (field)
            *field = f;
        return text;
    };
    if (field)
        *field = NoField;
    if (!rfc1350Only && blockSize != 0 && (blockSize < MinBlockSize || blockSize > MaxBlockSize))
        return refuse(BlockSizeField, tr("Block size %1 is out of range: use auto or %2 to %3 bytes.")
                                          .arg(blockSize).arg(MinBlockSize).arg(MaxBlockSize));
    if (!rfc1350Only && windowSize < 0)
        return refuse(WindowSizeField, tr("Window size %1 is out of range: use 0 (do not ask) to %2.")
                                           .arg(windowSize).arg(MaxClientWindowSize));
    if (!rfc1350Only && windowSize > MaxClientWindowSize)
        return refuse(WindowSizeField,
                      tr("Window size %1 is too large: at most %2 (with 16-bit block numbers a larger window cannot "
                         "tell a lost block from a repeated one).").arg(windowSize).arg(MaxClientWindowSize));
    if (timeoutMs < 0 || timeoutMs > MaxTimeoutMs)
        return refuse(TimeoutField, tr("Timeout %1 ms is out of range: use 0 (adaptive) to %2 ms.")
                                        .arg(timeoutMs).arg(MaxTimeoutMs));
    if (retries < 0 || retries > MaxRetries)
        return refuse(RetriesField, tr("Retries %1 is out of range: use 0 to %2.").arg(retries).arg(MaxRetries));
    if (maxSize < 0)
        return refuse(MaxSizeField, tr("Max size %1 is negative: use 0 (no limit) or a number of bytes.").arg(maxSize));
    if (const QString teach = teaching.validate(); !teach.isEmpty())
        return teach;
    return QString();
}

QList<Option> RequestedOptions::toList() const
{
    QList<Option> list;
    if (blockSize > 0)
        list.append(Option{"blksize", QByteArray::number(blockSize)});
    if (tsize)
        list.append(Option{"tsize", QByteArray::number(tsizeValue)});
    if (timeoutS > 0)
        list.append(Option{"timeout", QByteArray::number(timeoutS)});
    if (windowSize > 1)
        list.append(Option{"windowsize", QByteArray::number(windowSize)});
    return list;
}

QByteArrayList RequestedOptions::names() const
{
    QByteArrayList list;
    for (const Option &o : toList())
        list.append(o.name);
    return list;
}

RequestedOptions RequestedOptions::withoutRefused(QByteArrayView serverMessage) const
{
    const QByteArray said = serverMessage.toByteArray().toLower();
    RequestedOptions fewer = *this;
    bool named = false;
    auto drop = [&](const char *name, auto clear) {
        if (said.contains(name)) {
            clear();
            named = true;
        }
    };
    if (blockSize > 0)
        drop("blksize", [&] { fewer.blockSize = 0; });
    if (tsize)
        drop("tsize", [&] { fewer.tsize = false; });
    if (timeoutS > 0)
        drop("timeout", [&] { fewer.timeoutS = 0; });
    if (windowSize > 1)
        drop("windowsize", [&] { fewer.windowSize = 0; });
    return named ? fewer : RequestedOptions();
}

RequestedOptions requestFor(const ClientOptions &o, int autoBlockSize, int windowThatFits)
{
    RequestedOptions r;
    if (o.rfc1350Only)
        return r;
    r.blockSize = o.blockSize > 0 ? qBound(MinBlockSize, o.blockSize, MaxBlockSize) : autoBlockSize;
    if (o.windowSize > 1) {
        const int window = qMin(qMin(o.windowSize, MaxClientWindowSize), windowThatFits);
        r.windowSize = window > 1 ? window : 0;   // 1 is lock-step: not asked for at all
    }
    r.tsize = o.requestTsize;
    if (o.timeoutMs > 0)
        r.timeoutS = qBound(MinTimeoutSeconds, (o.timeoutMs + 999) / 1000, MaxTimeoutSeconds);
    return r;
}

int blockSizeForMtu(int mtu, bool ipv6)
{
    return qBound(DefaultBlockSize, mtu - (ipv6 ? 40 : 20) - 8 - 4, MaxBlockSize);
}

OackCheck checkOack(const RequestedOptions &asked, const QList<Option> &oack)
{
    // The messages keep the client's translation context: they are the client's errors.
    OackCheck r;
    if (!asked.any()) {
        r.errorString = QCoreApplication::translate(
            "NetPoke::Tftp::Client", "The server answered with options that were not asked for (TFTP error 8).");
        r.wireMessage = QByteArrayLiteral("No options were requested");
        return r;
    }
    for (const Option &o : oack) {
        const qint64 v = parseOptionValue(o.name, o.value);
        bool wasAsked = false;
        qint64 limit = -1;
        if (o.name == "blksize") {
            wasAsked = asked.blockSize > 0;
            limit = asked.blockSize;
            r.agreed.blockSize = int(v);
        } else if (o.name == "windowsize") {
            wasAsked = asked.windowSize > 0;
            limit = asked.windowSize;
            r.agreed.windowSize = int(v);
        } else if (o.name == "timeout") {
            wasAsked = asked.timeoutS > 0;
            limit = asked.timeoutS;
            r.agreed.timeoutS = int(v);
        } else if (o.name == "tsize") {
            wasAsked = asked.tsize;
            r.agreed.tsize = v;
        }
        const QString name = TextCodec::peerText(o.name);
        if (!wasAsked) {
            r.errorString = QCoreApplication::translate(
                "NetPoke::Tftp::Client",
                "The server answered with the option \"%1\", which was not asked for (TFTP error 8).").arg(name);
            r.wireMessage = QByteArrayLiteral("Option not requested");   // fixed ASCII: no echo of the peer
            return r;
        }
        if (limit >= 0 && v > limit) {
            r.errorString = QCoreApplication::translate(
                "NetPoke::Tftp::Client", "The server chose %1 = %2, more than the %3 asked for (TFTP error 8).")
                                .arg(name, TextCodec::peerText(o.value)).arg(limit);
            r.wireMessage = QByteArrayLiteral("Option value larger than requested: ") + o.name;   // one of ours
            return r;
        }
    }
    r.ok = true;
    return r;
}

ServerAnswer negotiateAsServer(const QList<Option> &requested, bool write, qint64 fileSize, const ServerLimits &limits)
{
    ServerAnswer a;
    QByteArrayList seen;
    for (const Option &o : requested) {
        const QByteArray name = o.name.toLower();
        if (seen.contains(name))
            continue;   // the parser refuses duplicates; a hand-built list keeps its first
        seen.append(name);
        const qint64 v = parseDecimal(o.value);
        if (name == "blksize") {
            if (v < MinBlockSize)
                continue;   // RFC 2348: below 8 is not a valid request
            a.agreed.blockSize = int(qMin<qint64>(v, qMin(MaxBlockSize, limits.maxBlockSize)));
            a.oack.append(Option{name, QByteArray::number(a.agreed.blockSize)});
        } else if (name == "windowsize") {
            if (v < MinWindowSize || limits.maxWindowSize < MinWindowSize)
                continue;
            a.agreed.windowSize = int(qMin<qint64>(v, qMin(MaxWindowSize, limits.maxWindowSize)));
            a.oack.append(Option{name, QByteArray::number(a.agreed.windowSize)});
        } else if (name == "timeout") {
            if (!limits.timeout || v < MinTimeoutSeconds || v > MaxTimeoutSeconds)
                continue;   // RFC 2349: the server answers the value as asked, or leaves it out
            a.agreed.timeoutS = int(v);
            a.oack.append(Option{name, QByteArray::number(v)});
        } else if (name == "tsize") {
            if (v < 0 || v > MaxTsize)
                continue;
            a.agreed.tsize = write ? v : fileSize;
            if (a.agreed.tsize < 0)
                continue;   // RRQ of a file whose size is not known in advance (netascii)
            a.oack.append(Option{name, QByteArray::number(a.agreed.tsize)});
        }
        // Anything else: unknown, left out of the OACK (RFC 2347).
    }
    return a;
}

qint64 receiveBufferPerDatagram(int blockSize)
{
    return (qint64(blockSize) + 4 + 1024) * 2;
}

int windowForReceiveBuffer(qint64 receiveBufferBytes, int blockSize, int windowSize)
{
    if (windowSize <= 1)
        return windowSize;
    const qint64 fits = receiveBufferBytes / receiveBufferPerDatagram(qMax(blockSize, MinBlockSize));
    return int(qBound(qint64(1), fits, qint64(windowSize)));
}

} // namespace NetPoke::Tftp
