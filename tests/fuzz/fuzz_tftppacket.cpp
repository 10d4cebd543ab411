// libFuzzer target for the TFTP packet parser: parse() must never crash or read out of bounds, and
// whatever it accepts must serialize to bytes that parse again to the same packet.
// Built and run by scripts/fuzz.sh (clang++ -fsanitize=fuzzer,address).

#include "tftppacket.h"

#include <cstdlib>

using namespace NetPoke::Tftp;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ParseResult r = parse(bytes);
    quint16 block = 0;
    const bool isData = peekData(bytes.data(), bytes.size(), &block);
    if (isData != (r.packet.opcode == Opcode::Data && r.ok()))
        std::abort();
    if (!r.ok()) {
        if (r.errorString.isEmpty())
            std::abort();
        return 0;
    }
    (void)r.packet.summary();
    const QByteArray again = r.packet.serialize();
    const ParseResult r2 = parse(again);
    if (!r2.ok() || r2.packet.serialize() != again)
        std::abort();
    return 0;
}
