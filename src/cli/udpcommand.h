#pragma once

#include "clicommon.h"

#include <QString>
#include <QStringList>

namespace NetPoke::Cli {

// `netpoke-cli udp send|listen ...`. args[0] is "udp" (used as the program name for the parser).
// Runs its own event loop when needed and returns the process exit code.
int runUdp(const QStringList &args);
// One-line summary for `netpoke-cli --help`.
QString udpSummary();

} // namespace NetPoke::Cli
