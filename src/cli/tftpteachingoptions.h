#pragma once

// --teach-rate, --teach-drop-every, --teach-drop-percent, --teach-seed: the teaching mode's options, the same
// for `tftp get`, `tftp put` and `tftp serve`.

#include "tftp/tftpteaching.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>

namespace NetPoke::Cli {

struct TeachingCliOptions
{
    Q_DECLARE_TR_FUNCTIONS(NetPoke::Cli::TeachingCliOptions)

public:
    TeachingCliOptions();
    QList<QCommandLineOption> all() const;
    // ExitSuccess, or ExitUsage after printing why.
    int read(const QCommandLineParser &parser, NetPoke::Tftp::TeachingOptions *options) const;

    QCommandLineOption rate;
    QCommandLineOption dropEvery;
    QCommandLineOption dropPercent;
    QCommandLineOption seed;
};

} // namespace NetPoke::Cli
