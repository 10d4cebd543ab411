#pragma once

#include "chatsession.h"
#include "udpendpoint.h"

#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

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
// Parses args (the subcommand's name first): false after printing the parser's error (return ExitUsage);
// --help prints the help and exits with ExitSuccess.
bool parseArguments(QCommandLineParser &parser, const QStringList &args);
// A whole decimal number in [min, max].
bool parseInteger(const QString &text, qint64 min, qint64 max, qint64 *value);
// A size in bytes: a whole decimal number, optionally followed by K, M or G (or KiB, MiB, GiB; any case),
// 1024-based; at most max bytes.
bool parseByteSize(const QString &text, qint64 max, qint64 *bytes);
// "unknown encoding "X"; supported: ..." for --encoding.
QString unknownEncodingMessage(const QString &name);

// What the user can do about an error the core reports (its message states only what happened), in terms
// of this program's options; empty when there is nothing useful to add.
QString adviceFor(UdpEndpoint::Error error);
QString adviceFor(ChatSession::Error error);
// The object's errorString() followed by the advice for its error().
QString errorWithAdvice(const UdpEndpoint &endpoint);
QString errorWithAdvice(const ChatSession &session);

// One subcommand of a command group ("udp send", "tftp get").
struct Subcommand
{
    QString name;                                    // e.g. "send"
    QString summary;                                 // one line for the group's --help
    std::function<int(const QStringList &)> run;     // gets the arguments from the subcommand's name on
};

// Runs "GROUP SUBCOMMAND [ARGS...]" (args start at GROUP): --help lists the subcommands under summary; a
// missing or unknown subcommand is a usage error naming the valid ones.
int runSubcommand(const QString &group, const QString &summary, const QList<Subcommand> &subcommands,
                  const QStringList &args);

} // namespace NetPoke::Cli
