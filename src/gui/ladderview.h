#pragma once

#include "tftp/tftptrace.h"

#include <QAbstractScrollArea>
#include <QList>
#include <QString>

class QPainter;

namespace NetPoke {

// One row of a TFTP ladder (sequence diagram), made from one trace entry.
struct LadderRow
{
    enum Kind { Packet, Gap, Note };
    Kind kind = Packet;
    qint64 elapsedMs = 0;
    bool fromClient = false;      // the arrow goes client -> server
    QString opcode;               // "RRQ", "WRQ", "DATA", "ACK", "OACK", "ERROR"; empty when not a packet's
    int block = -1;               // DATA and ACK
    QString label;                // the trace's summary (visible text already)
    bool retransmission = false;
    bool error = false;
    bool dropped = false;         // teaching mode dropped it: the arrow ends in a cross
    quint64 skippedBlocks = 0;    // Gap
};

// The row for a trace entry of the client's own trace (clientSide) or of the server's.
LadderRow ladderRow(const Tftp::TraceEntry &entry, bool clientSide);

// A sequence diagram of one TFTP transfer from its packet trace: the client's and the server's lanes with
// their endpoints at the top (kept in view), one arrow per packet with its time at the left, retransmissions
// in the warning colour and marked "retransmitted", packets the teaching mode dropped ending in a cross, and
// the trace's notes ("… 3,139 blocks not shown") as rows between the lanes. Sizes follow the widget's font
// (the window's zoom). It scrolls, follows a live transfer while the view is at its end, and keeps at most
// MaxRows rows. It renders itself whole as PNG or SVG.
class LadderView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LadderView)

public:
    static constexpr int MaxRows = 10000;

    explicit LadderView(QWidget *parent = nullptr);

    // Whose trace it is: the client's (outgoing = client to server) or the server's.
    void setClientSide(bool clientSide);
    bool isClientSide() const { return m_clientSide; }
    void setEndpoints(const QString &client, const QString &server);
    void setTitle(const QString &title);
    QString title() const { return m_title; }

    void clear();
    void addEntry(const Tftp::TraceEntry &entry);
    void addEntries(const QList<Tftp::TraceEntry> &entries);
    void setEntries(const QList<Tftp::TraceEntry> &entries);
    const QList<LadderRow> &rows() const { return m_rows; }
    bool isTruncated() const { return m_truncated; }

    // Scroll to the end as rows come while the view is at its end (on by default).
    void setFollow(bool on);
    bool follows() const { return m_follow; }

    // The whole diagram (header and every row) at the widget's font and the given width.
    QSize fullSize(int width) const;
    void render(QPainter *painter, int width, int firstRow, int lastRow, int top, bool header) const;
    // False with errorString() when the file cannot be written.
    bool exportPng(const QString &path, qreal scale = 1.0);
    bool exportSvg(const QString &path);
    QString errorString() const { return m_errorString; }

signals:
    void rowsChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    struct Metrics
    {
        int rowHeight = 0;
        int headerHeight = 0;
        int timeWidth = 0;
        int margin = 0;
        int clientX = 0;
        int serverX = 0;
        int arrowHead = 0;
        int pen = 1;
    };
    Metrics metrics(int width, QPaintDevice *device) const;
    void paintHeader(QPainter *p, const Metrics &m, int width, int top) const;
    void paintRow(QPainter *p, const Metrics &m, const LadderRow &row, int y) const;
    void updateScrollRange();
    int rowAt(int viewportY) const;

    QList<LadderRow> m_rows;
    bool m_clientSide = true;
    bool m_truncated = false;
    bool m_follow = true;
    QString m_title;
    QString m_clientEndpoint;
    QString m_serverEndpoint;
    QString m_errorString;
};

} // namespace NetPoke
