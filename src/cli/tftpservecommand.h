#pragma once

#include <QString>
#include <QStringList>

namespace NetPoke::Cli {

// `netpoke-cli tftp serve --root DIR ...`. args[0] is "serve". Returns the process exit code.
int runTftpServe(const QStringList &args);
// One line for `netpoke-cli tftp --help`.
QString tftpServeSummary();

} // namespace NetPoke::Cli
