#pragma once

#include <QString>
#include <QStringList>

namespace NetPoke::Cli {

// Process exit codes shared by all subcommands.
enum ExitCode {
    ExitSuccess = 0,
    ExitFailure = 1,   // runtime: bind, resolve, send
    ExitUsage = 2,     // bad arguments
};

// Prints "netpoke-cli: <message>" as one line on stderr.
void printError(const QString &message);

// `netpoke-cli udp send|listen ...`. args[0] is "udp" (used as the program name for the parser).
// Runs its own event loop when needed and returns the process exit code.
int runUdp(const QStringList &args);
// One-line summary for `netpoke-cli --help`.
QString udpSummary();

} // namespace NetPoke::Cli
