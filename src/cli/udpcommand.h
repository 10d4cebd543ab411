#pragma once

#include <QStringList>

namespace NetPoke::Cli {

// `netpoke-cli udp send|listen ...`; args start with "udp". Returns the process exit code
// (0 success, 1 runtime failure, 2 usage error) or -1 to keep running the event loop.
int runUdp(const QStringList &args);

} // namespace NetPoke::Cli
