#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace NetPoke::Tftp {

// TFTP packets (RFC 1350) with options (RFC 2347 OACK, 2348 blksize, 2349 timeout/tsize, 7440 windowsize)
// as plain values: build, serialize(), parse(). No sockets, no state.

enum class Opcode : quint16 { Invalid = 0, Rrq = 1, Wrq = 2, Data = 3, Ack = 4, Error = 5, Oack = 6 };

// Error codes carried by ERROR packets.
enum ErrorCode : quint16 {
    ErrNotDefined = 0,
    ErrFileNotFound = 1,
    ErrAccessViolation = 2,
    ErrDiskFull = 3,
    ErrIllegalOperation = 4,
    ErrUnknownTransferId = 5,
    ErrFileExists = 6,
    ErrNoSuchUser = 7,
    ErrOptionRefused = 8,
};

constexpr int MinBlockSize = 8;          // RFC 2348
constexpr int MaxBlockSize = 65464;      // RFC 2348
constexpr int DefaultBlockSize = 512;    // RFC 1350
constexpr int MaxWindowSize = 65535;     // RFC 7440
constexpr int MinTimeoutSeconds = 1;     // RFC 2349
constexpr int MaxTimeoutSeconds = 255;

struct Option
{
    QByteArray name;     // lower case (option names are case-insensitive)
    QByteArray value;    // as sent
    bool operator==(const Option &o) const { return name == o.name && value == o.value; }
};

struct Packet
{
    Opcode opcode = Opcode::Invalid;
    // RRQ / WRQ
    QByteArray fileName;
    QByteArray mode;               // lower case: "octet", "netascii", "mail"
    // RRQ / WRQ / OACK
    QList<Option> options;
    // DATA / ACK
    quint16 block = 0;
    // DATA
    QByteArray data;
    // ERROR
    quint16 errorCode = 0;
    QByteArray errorMessage;

    static Packet rrq(const QByteArray &fileName, const QByteArray &mode, const QList<Option> &options = {});
    static Packet wrq(const QByteArray &fileName, const QByteArray &mode, const QList<Option> &options = {});
    static Packet dataPacket(quint16 block, const QByteArray &data);
    static Packet ack(quint16 block);
    static Packet error(quint16 code, const QByteArray &message);
    static Packet oack(const QList<Option> &options);

    // Wire bytes.
    QByteArray serialize() const;
    // "RRQ file.bin octet blksize=1468 tsize=0", "DATA 17 (1468 bytes)", "ACK 17", "ERROR 1 File not found", ...
    // Text to show as it is: file name, mode, options and error message each through TextCodec::peerText, and
    // options no further than about 2 * TextCodec::MaxPeerTextChars characters (then " …").
    QString summary() const;

    bool hasOption(QByteArrayView name) const;
    QByteArray optionValue(QByteArrayView name) const;   // empty when absent
};

enum class ParseError {
    None,
    TooShort,          // fewer bytes than the opcode needs
    UnknownOpcode,
    MissingNul,        // a string field not terminated by NUL
    EmptyFileName,
    BadMode,           // not netascii / octet / mail
    BadOptionValue,    // a known option with a value out of range or not a number
    EmptyOptionName,
    DuplicateOption,
    TrailingData,      // bytes after a complete ACK
};

struct ParseResult
{
    Q_DECLARE_TR_FUNCTIONS(NetPoke::Tftp::Packet)

public:
    bool ok() const { return error == ParseError::None; }
    Packet packet;          // what could be read, even when !ok()
    ParseError error = ParseError::None;
    QString errorString;    // plain words, e.g. "ERROR packet: message not terminated by a NUL byte"
};

// Never crashes, never reads outside bytes, whatever they hold.
ParseResult parse(QByteArrayView bytes);

// Option values: blksize 8..65464, timeout 1..255, tsize 0..2^62, windowsize 1..65535, as decimal digits
// only. Unknown options are not checked (RFC 2347: they are ignored). -1 when out of range or not a number.
qint64 parseOptionValue(QByteArrayView name, QByteArrayView value);
// Decimal digits only, no sign or space, at most 18 digits; -1 otherwise.
qint64 parseDecimal(QByteArrayView value);

// Fast path for the receive loop: the header of a DATA packet without building a Packet.
inline bool peekData(const char *bytes, qsizetype size, quint16 *block)
{
    if (size < 4 || bytes[0] != 0 || bytes[1] != char(3))
        return false;
    *block = quint16((quint16(quint8(bytes[2])) << 8) | quint8(bytes[3]));
    return true;
}
// The same for the send loop: an ACK of exactly 4 bytes (anything longer goes through parse(), which refuses it).
inline bool peekAck(const char *bytes, qsizetype size, quint16 *block)
{
    if (size != 4 || bytes[0] != 0 || bytes[1] != char(4))
        return false;
    *block = quint16((quint16(quint8(bytes[2])) << 8) | quint8(bytes[3]));
    return true;
}
// Writes ACK block into out[0..3].
inline void writeAck(char *out, quint16 block)
{
    out[0] = 0;
    out[1] = 4;
    out[2] = char(block >> 8);
    out[3] = char(block & 0xFF);
}
// Writes the header of DATA block into out[0..3]; the payload follows at out + 4.
inline void writeDataHeader(char *out, quint16 block)
{
    out[0] = 0;
    out[1] = 3;
    out[2] = char(block >> 8);
    out[3] = char(block & 0xFF);
}

QString opcodeName(Opcode op);
// The summaries Packet::summary() gives, for packets the receive path never builds as a Packet.
QString dataSummary(quint16 block, qsizetype bytes);   // "DATA 17 (1468 bytes)"
QString ackSummary(quint16 block);                      // "ACK 17"

} // namespace NetPoke::Tftp
