#pragma once

#include <QString>
#include <QStringList>

namespace NetPoke::Cli {

// `netpoke-cli chat HOST:PORT ...`: lines read from standard input are sent to the peer, datagrams
// received are printed as "[SOURCE] TEXT". args[0] is "chat". Returns the process exit code.
int runChat(const QStringList &args);
// One-line summary for `netpoke-cli --help`.
QString chatSummary();

} // namespace NetPoke::Cli
