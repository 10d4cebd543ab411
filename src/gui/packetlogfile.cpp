#include "packetlogfile.h"

#include "packetlogmodel.h"
#include "textcodec.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace NetPoke {

namespace {
QString csvField(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString cannotWrite(const QString &fileName, const QString &reason)
{
    // The UDP tab's context, where this message was first translated.
    return QCoreApplication::translate("NetPoke::UdpPanel", "Cannot write %1: %2").arg(fileName, reason);
}
} // namespace

// Saved logs carry the full date and time of every row (the view shows the time of day, the date in its
// tooltip): a saved file is read on other days.
bool writePacketLog(PacketLogModel &model, const QString &fileName, QString *error)
{
    model.commitPending();
    const bool csv = fileName.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = cannotWrite(fileName, file.errorString());
        return false;
    }
    QByteArray out;
    if (csv)
        out += "time,direction,peer,length,text,hex\r\n";
    for (int row = 0; row < model.rowCount(); ++row) {
        const QByteArray raw = model.rawBytes(row);
        const QString text = model.decodedText(row);
        QString line;
        if (csv) {
            line = model.dateTimeText(row) + QLatin1Char(',') + model.directionText(row) + QLatin1Char(',')
                 + csvField(model.peerText(row)) + QLatin1Char(',') + QString::number(raw.size())
                 + QLatin1Char(',') + csvField(TextCodec::visibleText(text)) + QLatin1Char(',') + TextCodec::toHex(raw, 0)
                 + QStringLiteral("\r\n");
        } else {
            line = model.dateTimeText(row) + QLatin1Char(' ') + model.directionText(row) + QLatin1Char(' ')
                 + model.peerText(row) + QLatin1Char(' ') + QString::number(raw.size()) + QLatin1Char(' ')
                 + TextCodec::visibleText(model.contentText(row)) + QLatin1Char('\n');
        }
        out += line.toUtf8();
        if (out.size() > (1 << 20)) {
            file.write(out);
            out.clear();
        }
    }
    file.write(out);
    if (!file.commit()) {
        if (error)
            *error = cannotWrite(fileName, file.errorString());
        return false;
    }
    return true;
}

} // namespace NetPoke
