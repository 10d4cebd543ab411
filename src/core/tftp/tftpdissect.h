#pragma once

#include "inspect/packetfield.h"

#include <QByteArrayView>

namespace NetPoke::Tftp {

// A TFTP datagram as a tree of fields for the packet inspector: opcode (and its name), block number, file
// name, mode, each option (name, value and what it means: blksize, timeout, tsize, windowsize), error code
// (and its RFC 1350 meaning) and message, data. Where the packet breaks, the fields read so far and then a
// "Malformed" item (offset: where it breaks, to the end), with Tftp::parse()'s reason. Pure; never reads
// outside bytes, whatever they hold.
// wireLength > bytes.size(): only the first bytes of a longer packet were kept (a trace entry); a string cut
// off there is not malformed, and the data field says how much was kept.
Inspect::Dissection dissect(QByteArrayView bytes, qint64 wireLength = -1);

// RFC 1350 (and RFC 2347 for 8): "File not found", ...; empty for codes it does not define.
QString errorCodeMeaning(quint16 code);

} // namespace NetPoke::Tftp
