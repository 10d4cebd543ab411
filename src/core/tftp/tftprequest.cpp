#include "tftprequest.h"

#include <cstring>

namespace NetPoke::Tftp {

namespace {

// The bytes from pos up to the next NUL; false (pos unchanged) when there is none before the end.
bool takeString(QByteArrayView bytes, qsizetype *pos, QByteArrayView *out)
{
    const qsizetype start = *pos;
    if (start >= bytes.size())
        return false;
    const char *begin = bytes.data() + start;
    const void *nul = std::memchr(begin, 0, size_t(bytes.size() - start));
    if (!nul)
        return false;
    const qsizetype len = static_cast<const char *>(nul) - begin;
    *out = QByteArrayView(begin, len);
    *pos = start + len + 1;
    return true;
}

Request refused(Request r, Request::Problem p)
{
    r.problem = p;
    return r;
}

} // namespace

Request parseRequest(QByteArrayView bytes)
{
    Request r;
    if (bytes.size() < 2)
        return refused(r, Request::Silent);
    const quint16 op = quint16((quint16(quint8(bytes[0])) << 8) | quint8(bytes[1]));
    switch (op) {
    case 1:
    case 2:
        break;
    case 5:
        r.opcode = Opcode::Error;
        return refused(r, Request::Silent);
    case 3:
    case 4:
    case 6:
        r.opcode = Opcode(op);
        return refused(r, Request::NotARequest);
    default:
        return refused(r, Request::UnknownOpcode);
    }
    r.opcode = Opcode(op);
    qsizetype pos = 2;
    QByteArrayView name, mode;
    if (!takeString(bytes, &pos, &name)) {
        // Even without its NUL, a name longer than the limit is called that.
        const qsizetype left = bytes.size() - 2;
        return refused(r, left > MaxFileNameBytes ? Request::FileNameTooLong : Request::Truncated);
    }
    if (name.isEmpty())
        return refused(r, Request::EmptyFileName);
    if (name.size() > MaxFileNameBytes)
        return refused(r, Request::FileNameTooLong);
    r.fileName = name.toByteArray();
    if (!takeString(bytes, &pos, &mode))
        return refused(r, Request::Truncated);
    r.mode = mode.toByteArray().toLower();
    if (r.mode == "mail")
        return refused(r, Request::MailMode);
    if (r.mode != "octet" && r.mode != "netascii")
        return refused(r, Request::UnknownMode);
    while (pos < bytes.size() && r.options.size() < MaxRequestOptions) {
        QByteArrayView optName, optValue;
        if (!takeString(bytes, &pos, &optName) || optName.isEmpty())
            break;   // padding, or a name cut off at the end
        if (!takeString(bytes, &pos, &optValue))
            break;   // a value cut off at the end: the option is dropped
        r.options.append(Option{optName.toByteArray().toLower(), optValue.toByteArray()});
    }
    return r;
}

bool Request::reply(Problem problem, quint16 *code, QByteArray *message)
{
    *code = ErrIllegalOperation;
    switch (problem) {
    case NoProblem:
    case Silent:
        return false;
    case NotARequest:
    case UnknownOpcode:
        *message = QByteArrayLiteral("Illegal TFTP operation");
        return true;
    case Truncated:
        *message = QByteArrayLiteral("Malformed request");
        return true;
    case EmptyFileName:
        *message = QByteArrayLiteral("Empty file name");
        return true;
    case FileNameTooLong:
        *message = QByteArrayLiteral("File name too long");
        return true;
    case UnknownMode:
        *message = QByteArrayLiteral("Unknown transfer mode");
        return true;
    case MailMode:
        *message = QByteArrayLiteral("Mail mode not supported");
        return true;
    }
    return false;
}

QString Request::problemText(Problem problem)
{
    switch (problem) {
    case NoProblem: break;
    case Silent: return tr("not a request (no answer)");
    case NotARequest: return tr("not a request (DATA, ACK or OACK on the request port)");
    case UnknownOpcode: return tr("unknown opcode");
    case Truncated: return tr("malformed request (a field without its NUL byte)");
    case EmptyFileName: return tr("empty file name");
    case FileNameTooLong: return tr("file name longer than %n bytes", nullptr, MaxFileNameBytes);
    case UnknownMode: return tr("unknown transfer mode (not octet or netascii)");
    case MailMode: return tr("mail mode is not served");
    }
    return QString();
}

} // namespace NetPoke::Tftp
