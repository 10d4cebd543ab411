// libFuzzer target for the packet inspector: the TFTP dissector (whole packets and trace-kept prefixes) and
// the hex dump in every encoding must never crash or read out of bounds; every field lies inside its parent
// and the bytes, the dissector finds a packet malformed exactly when parse() refuses it, and the dump's
// characters cover every byte once. Built and run by scripts/fuzz.sh (FUZZ_TARGET=tftpdissect).

#include "inspect/hexdump.h"
#include "textcodec.h"
#include "tftpdissect.h"
#include "tftppacket.h"

#include <cstdlib>

using namespace NetPoke;

namespace {
void checkNesting(const QList<Inspect::Field> &fields, qsizetype from, qsizetype to)
{
    for (const Inspect::Field &f : fields) {
        if (f.offset < from || f.length < 0 || f.offset + f.length > to)
            std::abort();
        checkNesting(f.children, f.offset, f.offset + f.length);
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Inspect::Dissection whole = Tftp::dissect(bytes);
    checkNesting(whole.fields, 0, bytes.size());
    if (whole.malformed == Tftp::parse(bytes).ok())
        std::abort();
    const Inspect::Dissection kept = Tftp::dissect(bytes, bytes.size() + 100);
    checkNesting(kept.fields, 0, bytes.size());
    for (qsizetype i = 0; i <= bytes.size(); ++i)
        (void)Inspect::innermostFieldAt(whole.fields, i);
    if (size == 0)
        return 0;
    const QStringList encodings = TextCodec::encodings();
    const QString encoding = encodings.at(data[0] % encodings.size());
    const Inspect::HexDump dump(bytes.sliced(1), encoding);
    qsizetype next = 0;
    for (const Inspect::HexDump::Char &c : dump.chars()) {
        if (c.offset != next || c.length < 1 || c.length > 4)
            std::abort();
        next += c.length;
    }
    if (next != dump.size())
        std::abort();
    for (qsizetype line = 0; line < dump.lineCount(); ++line)
        (void)dump.lineText(line);
    (void)Inspect::toCArray(bytes);
    (void)Inspect::toPythonBytes(bytes);
    return 0;
}
