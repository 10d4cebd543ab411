#include "tracetext.h"

#include "colors.h"
#include "tftp/tftptrace.h"

#include <QCoreApplication>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextCursor>

namespace NetPoke {

namespace {
struct PacketData final : QTextBlockUserData
{
    QByteArray bytes;
    qint64 wireLength = 0;
};
} // namespace

QString traceLine(const Tftp::TraceEntry &e)
{
    const QString time = QString::number(e.elapsedMs / 1000.0, 'f', 3).rightJustified(8);
    // The core's trace is visible text already (peer fields through TextCodec::peerText, bounded): another
    // visibleText() would double its backslashes.
    const QString &summary = e.summary;
    QString line;
    // A note about the trace itself (where the core samples: "… 3,139 blocks not shown") is no packet:
    // no direction arrow, aligned with the packets' summaries.
    if (e.note)
        line = time + QStringLiteral("     ") + summary;
    else
        line = QStringLiteral("%1  %2  %3").arg(time, e.outgoing ? QStringLiteral("→") : QStringLiteral("←"), summary);
    if (e.retransmission)   // the TFTP tab's translation, shared by both tabs
        line += QLatin1Char(' ') + QCoreApplication::translate("NetPoke::TftpPanel", "(retransmission)");
    return line;
}

void appendTraceEntry(QPlainTextEdit *view, const Tftp::TraceEntry &e)
{
    view->appendPlainText(traceLine(e));
    // Each line gets its own format (a new block would inherit the previous one's).
    QTextCharFormat format;
    if (e.error)
        format.setForeground(toneColor(Tone::Error));
    QTextCursor cursor(view->document()->lastBlock());
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    cursor.setCharFormat(format);
    if (!e.note && !e.packet.isEmpty()) {
        auto *data = new PacketData;
        data->bytes = e.packet;
        data->wireLength = e.packetLength;
        cursor.block().setUserData(data);   // the document owns it, and drops it with the line
    }
}

bool tracePacket(const QTextBlock &block, QByteArray *bytes, qint64 *wireLength)
{
    const auto *data = block.isValid() ? static_cast<const PacketData *>(block.userData()) : nullptr;
    if (!data)
        return false;
    *bytes = data->bytes;
    *wireLength = data->wireLength;
    return true;
}

void setTraceFont(QPlainTextEdit *view)
{
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    view->setFont(mono);
}

} // namespace NetPoke
