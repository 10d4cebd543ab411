#pragma once

#include <QByteArray>
#include <QString>

class QPlainTextEdit;
class QTextBlock;

namespace NetPoke {

namespace Tftp {
struct TraceEntry;
} // namespace Tftp

// A TFTP packet trace as both TFTP tabs show it: "   0.004  →  DATA 1 (512 bytes)", one line per entry,
// the summary as visible text (a name from the network stays on one line), a note about the trace itself
// without an arrow, aligned with the summaries.
QString traceLine(const Tftp::TraceEntry &entry);
// Appends the entry's line to a plain-text view in its own format: errors in the error colour, everything
// else plain; only the colour is set, so the view's font (and the zoom) reaches it. The entry's packet bytes
// stay with the line (for the packet inspector: tracePacket()).
void appendTraceEntry(QPlainTextEdit *view, const Tftp::TraceEntry &entry);
// The packet bytes kept with a line appendTraceEntry() wrote (the first Tftp::TraceEntry::MaxPacketBytes of
// them) and the packet's real length; false for a note or a line without them.
bool tracePacket(const QTextBlock &block, QByteArray *bytes, qint64 *wireLength);
// A monospace font of the family only: its size follows the window's zoom.
void setTraceFont(QPlainTextEdit *view);

} // namespace NetPoke
