#pragma once

#include "clicommon.h"

#include <QString>
#include <QStringList>

namespace NetPoke::Cli {

// `netpoke-cli tcp connect|listen ...`. args[0] is "tcp". Returns the process exit code.
int runTcp(const QStringList &args);
// One-line summary for `netpoke-cli --help`.
QString tcpSummary();

} // namespace NetPoke::Cli
