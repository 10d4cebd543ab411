#pragma once

#include <QString>

namespace NetPoke::Cli {

// Process exit codes shared by all subcommands.
enum ExitCode {
    ExitSuccess = 0,
    ExitFailure = 1,   // runtime: bind, resolve, send, transfer
    ExitUsage = 2,     // bad arguments
};

// Prints "netpoke-cli: <message>" as one line on stderr.
void printError(const QString &message);
// Prints a notice line (no prefix) on stderr.
void printInfo(const QString &message);
// printError(message), then ExitUsage: `return usageError(...)` in argument checks.
int usageError(const QString &message);
// A whole decimal number in [min, max].
bool parseInteger(const QString &text, qint64 min, qint64 max, qint64 *value);
// "unknown encoding "X"; supported: ..." for --encoding.
QString unknownEncodingMessage(const QString &name);
// Line breaks and control characters as \n \r \t, \xHH for the other C0 controls and DEL, \uXXXX for
// C1 controls and the Unicode line/paragraph separators: one datagram stays on one output line.
QString visibleText(const QString &text);

} // namespace NetPoke::Cli
