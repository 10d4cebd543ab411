#pragma once

#include <QString>
#include <QStringList>

namespace NetPoke::Cli {

// `netpoke-cli tftp get tftp://HOST[:PORT]/PATH ...` and `tftp put FILE tftp://HOST[:PORT]/PATH ...`. args[0] is
// "tftp". Returns the process exit code.
int runTftp(const QStringList &args);
// One-line summary for `netpoke-cli --help`.
QString tftpSummary();

} // namespace NetPoke::Cli
