#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace NetPoke::Inspect {

// One dissected field of a packet, as the packet inspector shows it: a name, a value to show as it is (text
// from the peer went through TextCodec::visibleText/peerText, bounded) and the bytes it covers,
// [offset, offset + length) of the packet. Children lie inside their parent's range. A string field's range
// includes its NUL terminator, so that every byte of a well-formed packet belongs to one leaf.
struct Field
{
    QString name;
    QString value;
    qsizetype offset = 0;
    qsizetype length = 0;
    bool malformed = false;        // "Malformed: why" items (the packet breaks at offset)
    QList<Field> children;

    bool contains(qsizetype byte) const { return byte >= offset && byte < offset + length; }
};

struct Dissection
{
    QString protocol;              // "TFTP", or "Raw data" for bytes no dissector knows
    QString summary;               // one line: "RRQ boot.bin octet blksize=1468", or why it is malformed
    QList<Field> fields;
    bool malformed = false;
};

// The path (child indexes from the top level) of the innermost field whose range holds byte; empty when none
// does. Among siblings the first one wins (ranges of siblings do not overlap in a dissection).
QList<int> innermostFieldAt(const QList<Field> &fields, qsizetype byte);
// The field at path, or nullptr.
const Field *fieldAt(const QList<Field> &fields, const QList<int> &path);

// Bytes without a dissector: one "Raw data" field over all of them.
Dissection rawDissection(QByteArrayView bytes, qint64 wireLength = -1);

// "1,468 bytes"; "1,024 of 1,468 bytes" when only the first bytes were kept (wireLength > kept).
QString byteCountText(qsizetype kept, qint64 wireLength = -1);

class Strings final
{
    Q_DECLARE_TR_FUNCTIONS(NetPoke::Inspect::Strings)
};

} // namespace NetPoke::Inspect
