#pragma once

// What `tftp get` (tftpcommand.cpp) and `tftp put` (tftpputcommand.cpp) share: the URL, the transfer
// options and their checks, and the runner with its progress bar and summary line.

#include "runner.h"
#include "tftpclient.h"
#include "tftpteachingoptions.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QList>
#include <QString>

namespace NetPoke::Cli {

// tftp://HOST[:PORT]/PATH, checked as every command checks a host.
struct TftpUrl
{
    QString text;     // as typed (trimmed), for messages
    QString host;     // for the client (brackets removed)
    quint16 port = 69;
    QString path;     // the remote file: the URL's path without its first slash ("//abs/path" for "/abs/path")
};
// ExitSuccess, or ExitUsage after printing why. emptyPath: a URL without a path (or ending in "/") is taken,
// for put to add the local file's name.
int parseTftpUrl(const QString &text, TftpUrl *url, bool emptyPath = false);

// The options both subcommands take, with help texts for the direction.
struct TftpTransferOptions
{
    explicit TftpTransferOptions(bool upload);
    QList<QCommandLineOption> all() const;
    // The options as ClientOptions, checked by ClientOptions::validate(): ExitSuccess, or ExitUsage after
    // printing why.
    int read(const QCommandLineParser &parser, NetPoke::Tftp::ClientOptions *options) const;

    QCommandLineOption blockSize;
    QCommandLineOption windowSize;
    QCommandLineOption timeout;
    QCommandLineOption retries;
    QCommandLineOption noTsize;
    QCommandLineOption rfc1350;
    QCommandLineOption mode;
    QCommandLineOption quiet;
    TeachingCliOptions teaching;
};

// `tftp put FILE tftp://HOST[:PORT]/PATH ...` (tftpputcommand.cpp); args start at "put".
int runTftpPut(const QStringList &args);

// One transfer as a subcommand run: the progress bar on stderr (when a terminal), the summary line, the exit code.
class TftpTransfer final : public Runner
{
public:
    enum Direction { Download, Upload };
    // local: the file to write (download, "-" for standard output) or to read (upload).
    TftpTransfer(Direction direction, const TftpUrl &url, const QString &local,
                 const NetPoke::Tftp::ClientOptions &options, bool quiet);
    int exec();

private:
    void aboutToFinish() override;
    void showProgress(const NetPoke::Tftp::Progress &p);

    NetPoke::Tftp::Client m_client;
    QFile m_stdout;
    Direction m_direction;
    TftpUrl m_url;
    QString m_local;
    bool m_quiet;
    bool m_bar = false;
    bool m_barShown = false;
};

} // namespace NetPoke::Cli
