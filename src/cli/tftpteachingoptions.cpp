#include "tftpteachingoptions.h"

#include "clicommon.h"

#include <climits>

namespace NetPoke::Cli {

TeachingCliOptions::TeachingCliOptions()
    : rate(QStringLiteral("teach-rate"),
           tr("Teaching: send at most N packets a second (1-%1). Default: 0, full speed.")
               .arg(Tftp::TeachingOptions::MaxRate),
           tr("N"), QStringLiteral("0"))
    , dropEvery(QStringLiteral("teach-drop-every"),
                tr("Teaching: drop every Nth DATA or ACK packet this side sends (2-%1), so that the other side "
                   "times out and sends again. Default: 0, none.").arg(Tftp::TeachingOptions::MaxDropEvery),
                tr("N"), QStringLiteral("0"))
    , dropPercent(QStringLiteral("teach-drop-percent"),
                  tr("Teaching: drop X % of the DATA and ACK packets this side sends (0-100, chosen at random "
                     "from --teach-seed). Default: 0."),
                  tr("X"), QStringLiteral("0"))
    , seed(QStringLiteral("teach-seed"), tr("Teaching: the seed of --teach-drop-percent's choice (the same seed "
                                            "drops the same packets). Default: 1."),
           tr("N"), QStringLiteral("1"))
{
}

QList<QCommandLineOption> TeachingCliOptions::all() const
{
    return {rate, dropEvery, dropPercent, seed};
}

int TeachingCliOptions::read(const QCommandLineParser &parser, Tftp::TeachingOptions *out) const
{
    Tftp::TeachingOptions o;
    qint64 v = 0;
    if (!parseInteger(parser.value(rate), 0, Tftp::TeachingOptions::MaxRate, &v))
        return usageError(tr("--teach-rate: \"%1\" is not 0-%2.").arg(parser.value(rate)).arg(Tftp::TeachingOptions::MaxRate));
    o.packetsPerSecond = int(v);
    if (!parseInteger(parser.value(dropEvery), 0, Tftp::TeachingOptions::MaxDropEvery, &v) || v == 1)
        return usageError(tr("--teach-drop-every: \"%1\" is not 0 or 2-%2.")
                              .arg(parser.value(dropEvery)).arg(Tftp::TeachingOptions::MaxDropEvery));
    o.dropEvery = int(v);
    bool ok = false;
    const double percent = parser.value(dropPercent).trimmed().toDouble(&ok);
    if (!ok || !(percent >= 0 && percent <= 100))
        return usageError(tr("--teach-drop-percent: \"%1\" is not 0-100.").arg(parser.value(dropPercent)));
    o.dropPercent = percent;
    if (!parseInteger(parser.value(seed), 0, UINT_MAX, &v))
        return usageError(tr("--teach-seed: \"%1\" is not 0-%2.").arg(parser.value(seed)).arg(UINT_MAX));
    o.seed = quint32(v);
    const QString invalid = o.validate();
    if (!invalid.isEmpty())
        return usageError(invalid);
    *out = o;
    return ExitSuccess;
}

} // namespace NetPoke::Cli
