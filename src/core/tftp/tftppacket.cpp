#include "tftppacket.h"
#include "textcodec.h"

#include <QCoreApplication>

#include <cstring>

namespace NetPoke::Tftp {

namespace {

void put16(QByteArray &out, quint16 v)
{
    out.append(char(v >> 8));
    out.append(char(v & 0xFF));
}

void putString(QByteArray &out, const QByteArray &s)
{
    out.append(s);
    out.append('\0');
}

quint16 get16(const char *p)
{
    return quint16((quint16(quint8(p[0])) << 8) | quint8(p[1]));
}

// Reads a NUL-terminated string at pos; false when no NUL before the end.
bool takeString(QByteArrayView bytes, qsizetype *pos, QByteArray *out)
{
    const qsizetype start = *pos;
    if (start > bytes.size())
        return false;
    const char *begin = bytes.data() + start;
    const qsizetype left = bytes.size() - start;
    const void *nul = left > 0 ? std::memchr(begin, 0, size_t(left)) : nullptr;
    if (!nul) {
        *out = QByteArray(begin, left);
        return false;
    }
    const qsizetype len = static_cast<const char *>(nul) - begin;
    *out = QByteArray(begin, len);
    *pos = start + len + 1;
    return true;
}

ParseResult failure(ParseResult r, ParseError e, const QString &text)
{
    r.error = e;
    r.errorString = text;
    return r;
}

// name/value pairs until the end. Values of known options are checked.
ParseResult parseOptions(ParseResult r, QByteArrayView bytes, qsizetype pos, const char *what)
{
    const QString packetName = QLatin1String(what);
    while (pos < bytes.size()) {
        QByteArray name, value;
        if (!takeString(bytes, &pos, &name))
            return failure(r, ParseError::MissingNul,
                           ParseResult::tr("%1 packet: option name not terminated by a NUL byte").arg(packetName));
        if (name.isEmpty())
            return failure(r, ParseError::EmptyOptionName, ParseResult::tr("%1 packet: empty option name").arg(packetName));
        name = name.toLower();
        if (!takeString(bytes, &pos, &value))
            return failure(r, ParseError::MissingNul,
                           ParseResult::tr("%1 packet: value of option \"%2\" not terminated by a NUL byte")
                               .arg(packetName, TextCodec::peerText(name)));
        for (const Option &o : std::as_const(r.packet.options)) {
            if (o.name == name)
                return failure(r, ParseError::DuplicateOption,
                               ParseResult::tr("%1 packet: option \"%2\" appears twice")
                                   .arg(packetName, TextCodec::peerText(name)));
        }
        r.packet.options.append(Option{name, value});
        const bool known = name == "blksize" || name == "timeout" || name == "tsize" || name == "windowsize";
        if (known && parseOptionValue(name, value) < 0)
            return failure(r, ParseError::BadOptionValue,
                           ParseResult::tr("%1 packet: bad value \"%2\" for option \"%3\"")
                               .arg(packetName, TextCodec::peerText(value.left(32)), QString::fromLatin1(name)));
    }
    return r;
}

} // namespace

Packet Packet::rrq(const QByteArray &fileName, const QByteArray &mode, const QList<Option> &options)
{
    Packet p;
    p.opcode = Opcode::Rrq;
    p.fileName = fileName;
    p.mode = mode;
    p.options = options;
    return p;
}

Packet Packet::wrq(const QByteArray &fileName, const QByteArray &mode, const QList<Option> &options)
{
    Packet p = rrq(fileName, mode, options);
    p.opcode = Opcode::Wrq;
    return p;
}

Packet Packet::dataPacket(quint16 block, const QByteArray &data)
{
    Packet p;
    p.opcode = Opcode::Data;
    p.block = block;
    p.data = data;
    return p;
}

Packet Packet::ack(quint16 block)
{
    Packet p;
    p.opcode = Opcode::Ack;
    p.block = block;
    return p;
}

Packet Packet::error(quint16 code, const QByteArray &message)
{
    Packet p;
    p.opcode = Opcode::Error;
    p.errorCode = code;
    p.errorMessage = message;
    return p;
}

Packet Packet::oack(const QList<Option> &options)
{
    Packet p;
    p.opcode = Opcode::Oack;
    p.options = options;
    return p;
}

QByteArray Packet::serialize() const
{
    QByteArray out;
    switch (opcode) {
    case Opcode::Rrq:
    case Opcode::Wrq:
    case Opcode::Oack: {
        qsizetype n = 2 + fileName.size() + mode.size() + 2;
        for (const Option &o : options)
            n += o.name.size() + o.value.size() + 2;
        out.reserve(n);
        put16(out, quint16(opcode));
        if (opcode != Opcode::Oack) {
            putString(out, fileName);
            putString(out, mode);
        }
        for (const Option &o : options) {
            putString(out, o.name);
            putString(out, o.value);
        }
        break;
    }
    case Opcode::Data:
        out.reserve(4 + data.size());
        put16(out, 3);
        put16(out, block);
        out.append(data);
        break;
    case Opcode::Ack:
        put16(out, 4);
        put16(out, block);
        break;
    case Opcode::Error:
        out.reserve(5 + errorMessage.size());
        put16(out, 5);
        put16(out, errorCode);
        putString(out, errorMessage);
        break;
    case Opcode::Invalid:
        break;
    }
    return out;
}

bool Packet::hasOption(QByteArrayView name) const
{
    for (const Option &o : options) {
        if (QByteArrayView(o.name).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray Packet::optionValue(QByteArrayView name) const
{
    for (const Option &o : options) {
        if (QByteArrayView(o.name).compare(name, Qt::CaseInsensitive) == 0)
            return o.value;
    }
    return {};
}

QString opcodeName(Opcode op)
{
    switch (op) {
    case Opcode::Rrq: return QStringLiteral("RRQ");
    case Opcode::Wrq: return QStringLiteral("WRQ");
    case Opcode::Data: return QStringLiteral("DATA");
    case Opcode::Ack: return QStringLiteral("ACK");
    case Opcode::Error: return QStringLiteral("ERROR");
    case Opcode::Oack: return QStringLiteral("OACK");
    case Opcode::Invalid: break;
    }
    return QStringLiteral("?");
}

QString Packet::summary() const
{
    QString s = opcodeName(opcode);
    auto appendOptions = [&] {
        for (const Option &o : options) {
            if (s.size() > 2 * TextCodec::MaxPeerTextChars) {
                s += QStringLiteral(" …");
                break;
            }
            s += QLatin1Char(' ') + TextCodec::peerText(o.name) + QLatin1Char('=') + TextCodec::peerText(o.value);
        }
    };
    switch (opcode) {
    case Opcode::Rrq:
    case Opcode::Wrq:
        s += QLatin1Char(' ') + TextCodec::peerText(fileName) + QLatin1Char(' ') + TextCodec::peerText(mode);
        appendOptions();
        break;
    case Opcode::Oack:
        appendOptions();
        break;
    case Opcode::Data:
        return dataSummary(block, data.size());
    case Opcode::Ack:
        return ackSummary(block);
    case Opcode::Error:
        s += QLatin1Char(' ') + QString::number(errorCode);
        if (!errorMessage.isEmpty())
            s += QLatin1Char(' ') + TextCodec::peerText(errorMessage);
        break;
    case Opcode::Invalid:
        break;
    }
    return s;
}

QString dataSummary(quint16 block, qsizetype bytes)
{
    //: A trace line: DATA stays the protocol's name; %1 the block number, %2 the data bytes
    return QCoreApplication::translate("NetPoke::Tftp::Packet", "DATA %1 (%2 bytes)").arg(block).arg(bytes);
}

QString ackSummary(quint16 block)
{
    return QStringLiteral("ACK %1").arg(block);
}

qint64 parseDecimal(QByteArrayView value)
{
    if (value.isEmpty() || value.size() > 18)
        return -1;
    qint64 v = 0;
    for (const char c : value) {
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

qint64 parseOptionValue(QByteArrayView name, QByteArrayView value)
{
    const qint64 v = parseDecimal(value);
    if (v < 0)
        return -1;
    auto in = [v](qint64 lo, qint64 hi) { return v >= lo && v <= hi ? v : qint64(-1); };
    if (name.compare("blksize", Qt::CaseInsensitive) == 0)
        return in(MinBlockSize, MaxBlockSize);
    if (name.compare("timeout", Qt::CaseInsensitive) == 0)
        return in(MinTimeoutSeconds, MaxTimeoutSeconds);
    if (name.compare("windowsize", Qt::CaseInsensitive) == 0)
        return in(1, MaxWindowSize);
    if (name.compare("tsize", Qt::CaseInsensitive) == 0)
        return in(0, qint64(1) << 62);
    return v;
}

ParseResult parse(QByteArrayView bytes)
{
    ParseResult r;
    if (bytes.size() < 2)
        return failure(r, ParseError::TooShort, ParseResult::tr("packet of %1 bytes: too short for an opcode").arg(bytes.size()));
    const quint16 op = get16(bytes.data());
    switch (op) {
    case 1:
    case 2: {
        r.packet.opcode = Opcode(op);
        const char *what = op == 1 ? "RRQ" : "WRQ";
        const QString name = QLatin1String(what);
        qsizetype pos = 2;
        if (bytes.size() < 4)
            return failure(r, ParseError::TooShort, ParseResult::tr("%1 packet: too short").arg(name));
        if (!takeString(bytes, &pos, &r.packet.fileName))
            return failure(r, ParseError::MissingNul, ParseResult::tr("%1 packet: file name not terminated by a NUL byte").arg(name));
        if (r.packet.fileName.isEmpty())
            return failure(r, ParseError::EmptyFileName, ParseResult::tr("%1 packet: empty file name").arg(name));
        if (!takeString(bytes, &pos, &r.packet.mode))
            return failure(r, ParseError::MissingNul, ParseResult::tr("%1 packet: mode not terminated by a NUL byte").arg(name));
        r.packet.mode = r.packet.mode.toLower();
        if (r.packet.mode != "octet" && r.packet.mode != "netascii" && r.packet.mode != "mail")
            return failure(r, ParseError::BadMode,
                           ParseResult::tr("%1 packet: unknown mode \"%2\"").arg(name, TextCodec::peerText(r.packet.mode.left(32))));
        return parseOptions(r, bytes, pos, what);
    }
    case 3:
        r.packet.opcode = Opcode::Data;
        if (bytes.size() < 4)
            return failure(r, ParseError::TooShort, ParseResult::tr("DATA packet of %1 bytes: too short for a block number").arg(bytes.size()));
        r.packet.block = get16(bytes.data() + 2);
        r.packet.data = QByteArray(bytes.data() + 4, bytes.size() - 4);
        return r;
    case 4:
        r.packet.opcode = Opcode::Ack;
        if (bytes.size() < 4)
            return failure(r, ParseError::TooShort, ParseResult::tr("ACK packet of %1 bytes: too short for a block number").arg(bytes.size()));
        r.packet.block = get16(bytes.data() + 2);
        if (bytes.size() > 4)
            return failure(r, ParseError::TrailingData, ParseResult::tr("ACK packet: %1 bytes after the block number").arg(bytes.size() - 4));
        return r;
    case 5: {
        r.packet.opcode = Opcode::Error;
        if (bytes.size() < 4)
            return failure(r, ParseError::TooShort, ParseResult::tr("ERROR packet of %1 bytes: too short for an error code").arg(bytes.size()));
        r.packet.errorCode = get16(bytes.data() + 2);
        qsizetype pos = 4;
        if (!takeString(bytes, &pos, &r.packet.errorMessage))
            return failure(r, ParseError::MissingNul, ParseResult::tr("ERROR packet: message not terminated by a NUL byte"));
        return r;   // bytes after the NUL are ignored (some servers pad)
    }
    case 6:
        r.packet.opcode = Opcode::Oack;
        return parseOptions(r, bytes, 2, "OACK");
    default:
        return failure(r, ParseError::UnknownOpcode, ParseResult::tr("unknown opcode %1").arg(op));
    }
}

} // namespace NetPoke::Tftp
