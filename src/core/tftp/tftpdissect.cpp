// The TFTP dissector for the packet inspector. It walks the packet as Tftp::parse() does, in the same
// order of checks, to know where each field lies; the verdict and its words come from parse() itself.

#include "tftpdissect.h"
#include "textcodec.h"
#include "tftppacket.h"

#include <QLocale>

#include <cstring>

namespace NetPoke::Tftp {

using Inspect::Field;

namespace {

class Dissector final
{
    Q_DECLARE_TR_FUNCTIONS(NetPoke::Tftp::Dissector)

public:
    Dissector(QByteArrayView bytes, qint64 wireLength)
        : m_bytes(bytes), m_wireLength(wireLength), m_truncated(wireLength > bytes.size()), m_parsed(parse(bytes))
    {
    }

    Inspect::Dissection run();

private:
    struct Str
    {
        qsizetype offset = 0;
        qsizetype length = 0;      // with the NUL when terminated
        QByteArray text;           // without it
        bool terminated = false;
    };
    Str string(qsizetype pos) const;
    Field stringField(const QString &name, const Str &s) const;
    quint16 get16(qsizetype pos) const
    {
        return quint16((quint16(quint8(m_bytes[pos])) << 8) | quint8(m_bytes[pos + 1]));
    }
    // The packet breaks at offset: a "Malformed" item to the end, or, when the break is the end of what a
    // trace kept, a note saying so.
    void breaksAt(qsizetype offset, QList<Field> *into = nullptr);
    // Options from pos to the end (RRQ, WRQ, OACK); false when the packet broke.
    bool options(qsizetype pos);
    void dataField(qsizetype pos);

    QByteArrayView m_bytes;
    qint64 m_wireLength;
    bool m_truncated;
    ParseResult m_parsed;
    Inspect::Dissection m_d;
};

QString optionMeaning(const QByteArray &lowerName)
{
    if (lowerName == "blksize")
        return Dissector::tr("block size in bytes, RFC 2348");
    if (lowerName == "timeout")
        return Dissector::tr("retransmission timeout in seconds, RFC 2349");
    if (lowerName == "tsize")
        return Dissector::tr("transfer size in bytes, RFC 2349");
    if (lowerName == "windowsize")
        return Dissector::tr("blocks per window, RFC 7440");
    return Dissector::tr("an option NetPoke does not know: ignored, RFC 2347");
}

Dissector::Str Dissector::string(qsizetype pos) const
{
    Str s;
    s.offset = pos;
    const qsizetype left = m_bytes.size() - pos;
    if (left <= 0)
        return s;
    const char *begin = m_bytes.data() + pos;
    const void *nul = std::memchr(begin, 0, size_t(left));
    if (!nul) {
        s.length = left;
        s.text = QByteArray(begin, left);
        return s;
    }
    const qsizetype len = static_cast<const char *>(nul) - begin;
    s.text = QByteArray(begin, len);
    s.length = len + 1;
    s.terminated = true;
    return s;
}

Field Dissector::stringField(const QString &name, const Str &s) const
{
    Field f;
    f.name = name;
    f.value = TextCodec::peerText(s.text);
    f.offset = s.offset;
    f.length = s.length;
    return f;
}

void Dissector::breaksAt(qsizetype offset, QList<Field> *into)
{
    offset = qBound<qsizetype>(0, offset, m_bytes.size());
    Field f;
    if (m_truncated && m_parsed.error == ParseError::MissingNul) {
        // Cut off by the trace, not by the peer.
        f.name = tr("Not kept");
        f.value = tr("the trace kept the first %1 bytes of this packet")
                      .arg(QLocale().toString(qlonglong(m_bytes.size())));
        f.offset = m_bytes.size();
        (into ? *into : m_d.fields).append(f);
        return;
    }
    f.name = tr("Malformed");
    f.value = m_parsed.ok() ? tr("the packet breaks here") : m_parsed.errorString;
    f.offset = offset;
    f.length = m_bytes.size() - offset;
    f.malformed = true;
    m_d.malformed = true;
    (into ? *into : m_d.fields).append(f);
}

void Dissector::dataField(qsizetype pos)
{
    Field f;
    f.name = tr("Data");
    f.value = Inspect::byteCountText(m_bytes.size() - pos, m_truncated ? m_wireLength - pos : -1);
    f.offset = pos;
    f.length = m_bytes.size() - pos;
    m_d.fields.append(f);
}

bool Dissector::options(qsizetype pos)
{
    QList<QByteArray> seen;
    while (pos < m_bytes.size()) {
        const Str name = string(pos);
        Field opt;
        opt.name = tr("Option");
        opt.offset = pos;
        const QByteArray lower = name.text.toLower();
        Field nameField = stringField(tr("Name"), name);
        if (name.terminated && !name.text.isEmpty())
            nameField.value = tr("%1 (%2)").arg(nameField.value, optionMeaning(lower));
        opt.children.append(nameField);
        if (!name.terminated || name.text.isEmpty()) {
            opt.value = TextCodec::peerText(name.text);
            opt.length = name.length;
            m_d.fields.append(opt);
            breaksAt(pos);
            return false;
        }
        const Str value = string(pos + name.length);
        opt.value = tr("%1 = %2").arg(TextCodec::peerText(name.text), TextCodec::peerText(value.text));
        opt.length = name.length + value.length;
        Field valueField = stringField(tr("Value"), value);
        const bool known = lower == "blksize" || lower == "timeout" || lower == "tsize" || lower == "windowsize";
        if (!value.terminated) {
            opt.children.append(valueField);
            m_d.fields.append(opt);
            breaksAt(value.offset);
            return false;
        }
        opt.children.append(valueField);
        if (seen.contains(lower)) {
            m_d.fields.append(opt);
            breaksAt(pos);
            return false;
        }
        seen.append(lower);
        if (known && parseOptionValue(lower, value.text) < 0) {
            m_d.fields.append(opt);
            breaksAt(value.offset);
            return false;
        }
        m_d.fields.append(opt);
        pos += opt.length;
    }
    return true;
}

Inspect::Dissection Dissector::run()
{
    m_d.protocol = QStringLiteral("TFTP");
    m_d.summary = m_parsed.ok() ? m_parsed.packet.summary() : m_parsed.errorString;
    const qsizetype size = m_bytes.size();
    if (size < 2) {
        if (size > 0) {
            Field f;
            f.name = tr("Bytes");
            f.value = TextCodec::toHex(m_bytes.toByteArray());
            f.length = size;
            m_d.fields.append(f);
        }
        breaksAt(0);
        return m_d;
    }
    const quint16 op = get16(0);
    Field opcode;
    opcode.name = tr("Opcode");
    opcode.length = 2;
    const bool knownOp = op >= 1 && op <= 6;
    opcode.value = knownOp ? tr("%1 (%2)").arg(opcodeName(Opcode(op))).arg(op) : tr("unknown (%1)").arg(op);
    m_d.fields.append(opcode);
    switch (op) {
    case 1:
    case 2: {
        if (size < 4) {
            breaksAt(2);
            break;
        }
        const Str file = string(2);
        m_d.fields.append(stringField(tr("File name"), file));
        if (!file.terminated || file.text.isEmpty()) {
            breaksAt(2);
            break;
        }
        const Str mode = string(2 + file.length);
        m_d.fields.append(stringField(tr("Mode"), mode));
        const QByteArray lower = mode.text.toLower();
        if (!mode.terminated || (lower != "octet" && lower != "netascii" && lower != "mail")) {
            breaksAt(mode.offset);
            break;
        }
        options(mode.offset + mode.length);
        break;
    }
    case 3:
    case 4: {
        if (size < 4) {
            breaksAt(2);
            break;
        }
        Field block;
        block.name = tr("Block");
        block.value = QString::number(get16(2));
        block.offset = 2;
        block.length = 2;
        m_d.fields.append(block);
        if (op == 3) {
            dataField(4);
        } else if (size > 4) {
            Field extra;
            extra.name = tr("Trailing bytes");
            extra.value = Inspect::byteCountText(size - 4);
            extra.offset = 4;
            extra.length = size - 4;
            m_d.fields.append(extra);
            breaksAt(4);
        }
        break;
    }
    case 5: {
        if (size < 4) {
            breaksAt(2);
            break;
        }
        const quint16 code = get16(2);
        Field codeField;
        codeField.name = tr("Error code");
        const QString meaning = errorCodeMeaning(code);
        codeField.value = meaning.isEmpty() ? tr("%1 (not defined by RFC 1350)").arg(code)
                                            : tr("%1 (%2)").arg(code).arg(meaning);
        codeField.offset = 2;
        codeField.length = 2;
        m_d.fields.append(codeField);
        const Str message = string(4);
        m_d.fields.append(stringField(tr("Error message"), message));
        if (!message.terminated) {
            breaksAt(4);
            break;
        }
        const qsizetype end = 4 + message.length;
        if (end < size) {
            Field pad;
            pad.name = tr("Padding");
            pad.value = tr("%1, after the message (ignored)").arg(Inspect::byteCountText(size - end));
            pad.offset = end;
            pad.length = size - end;
            m_d.fields.append(pad);
        }
        break;
    }
    case 6:
        options(2);
        break;
    default: {
        if (size > 2) {
            Field rest;
            rest.name = tr("Bytes");
            rest.value = Inspect::byteCountText(size - 2, m_truncated ? m_wireLength - 2 : -1);
            rest.offset = 2;
            rest.length = size - 2;
            m_d.fields.append(rest);
        }
        breaksAt(0);
        break;
    }
    }
    // The walk and parse() agree on every packet (tst_tftpdissect); should they ever not, parse() is said.
    if (!m_parsed.ok() && !m_d.malformed && !(m_truncated && m_parsed.error == ParseError::MissingNul))
        breaksAt(size);
    return m_d;
}

} // namespace

QString errorCodeMeaning(quint16 code)
{
    switch (code) {
    case ErrNotDefined: return Dissector::tr("Not defined, see error message");
    case ErrFileNotFound: return Dissector::tr("File not found");
    case ErrAccessViolation: return Dissector::tr("Access violation");
    case ErrDiskFull: return Dissector::tr("Disk full or allocation exceeded");
    case ErrIllegalOperation: return Dissector::tr("Illegal TFTP operation");
    case ErrUnknownTransferId: return Dissector::tr("Unknown transfer ID");
    case ErrFileExists: return Dissector::tr("File already exists");
    case ErrNoSuchUser: return Dissector::tr("No such user");
    case ErrOptionRefused: return Dissector::tr("Option negotiation refused, RFC 2347");
    default: break;
    }
    return {};
}

Inspect::Dissection dissect(QByteArrayView bytes, qint64 wireLength)
{
    return Dissector(bytes, wireLength).run();
}

} // namespace NetPoke::Tftp
