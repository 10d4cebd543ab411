#pragma once

#include "tftppacket.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace NetPoke::Tftp {

// A datagram on a server's request port, read as the server reads it: strict about the frame (opcode, a
// file name and a mode each ended by a NUL), lenient about the options (RFC 2347: a server ignores what it
// does not understand). Unlike parse(), a bad option value does not refuse the request: the value is kept
// as sent and negotiateAsServer() leaves it out of the OACK; an empty option name ends the options (some
// clients pad their requests with NULs) and an option without its value's NUL is dropped. Pure: no
// sockets, no file system.

constexpr int MaxFileNameBytes = 255;     // longer names are refused (ERROR 4)
constexpr int MaxRequestOptions = 32;     // further options are ignored

struct Request
{
    Q_DECLARE_TR_FUNCTIONS(NetPoke::Tftp::Request)

public:
    enum Problem {
        NoProblem,
        Silent,            // no answer at all: under 2 bytes, or an ERROR (an ERROR is never answered)
        NotARequest,       // DATA, ACK or OACK on the request port
        UnknownOpcode,
        Truncated,         // the file name or the mode not ended by a NUL
        EmptyFileName,
        FileNameTooLong,   // over MaxFileNameBytes
        UnknownMode,
        MailMode,          // RFC 1350's "mail": not served
    };

    Opcode opcode = Opcode::Invalid;   // Rrq or Wrq when ok()
    QByteArray fileName;               // as sent (bytes, no NUL)
    QByteArray mode;                   // lower case: "octet" or "netascii" when ok()
    QList<Option> options;             // names lower case, values as sent, unchecked
    Problem problem = NoProblem;

    bool ok() const { return problem == NoProblem; }
    bool isWrite() const { return opcode == Opcode::Wrq; }
    bool netascii() const { return mode == "netascii"; }

    // The ERROR a refused datagram is answered with: false for Silent (and for NoProblem). The message is
    // fixed ASCII: nothing of the request is echoed.
    static bool reply(Problem problem, quint16 *code, QByteArray *message);
    // Why, in plain words for the log ("the mode is not octet or netascii").
    static QString problemText(Problem problem);
};

// Never reads outside bytes, whatever they hold.
Request parseRequest(QByteArrayView bytes);

} // namespace NetPoke::Tftp
