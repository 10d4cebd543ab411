#include "udpcommand.h"

namespace NetPoke::Cli {

int runUdp(const QStringList &)
{
    return 2;
}

} // namespace NetPoke::Cli
