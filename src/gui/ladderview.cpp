#include "ladderview.h"

#include "colors.h"
#include "tftp/tftpteaching.h"

#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QHelpEvent>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPaintEvent>
#include <QScrollBar>
#include <QSvgGenerator>
#include <QToolTip>

#include <algorithm>

namespace NetPoke {

namespace {

const QString &opcodeWord(const QString &summary, QString *word)
{
    const qsizetype space = summary.indexOf(QLatin1Char(' '));
    *word = space < 0 ? summary : summary.left(space);
    return *word;
}

} // namespace

LadderRow ladderRow(const Tftp::TraceEntry &e, bool clientSide)
{
    LadderRow r;
    r.elapsedMs = e.elapsedMs;
    r.label = e.summary;
    if (e.note) {
        r.kind = e.skippedBlocks > 0 ? LadderRow::Gap : LadderRow::Note;
        r.skippedBlocks = e.skippedBlocks;
        return r;
    }
    r.fromClient = clientSide == e.outgoing;
    r.retransmission = e.retransmission;
    r.error = e.error;
    r.dropped = Tftp::isTeachingDrop(e);
    // The summaries start with the opcode's name, as Tftp::Packet writes it ("DATA 17 (512 bytes)", "ACK 17").
    QString word;
    opcodeWord(e.summary, &word);
    static const QStringList names = {QStringLiteral("RRQ"), QStringLiteral("WRQ"), QStringLiteral("DATA"),
                                      QStringLiteral("ACK"), QStringLiteral("ERROR"), QStringLiteral("OACK")};
    if (names.contains(word)) {
        r.opcode = word;
        if (word == QLatin1String("DATA") || word == QLatin1String("ACK")) {
            const QStringView rest = QStringView(e.summary).mid(word.size() + 1);
            qsizetype n = 0;
            while (n < rest.size() && rest.at(n).isDigit())
                ++n;
            bool ok = false;
            const int block = rest.left(n).toInt(&ok);
            if (ok)
                r.block = block;
        }
    }
    return r;
}

LadderView::LadderView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    setMinimumSize(200, 150);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, viewport(), qOverload<>(&QWidget::update));
}

void LadderView::setClientSide(bool clientSide)
{
    m_clientSide = clientSide;
    viewport()->update();
}

void LadderView::setEndpoints(const QString &client, const QString &server)
{
    m_clientEndpoint = client;
    m_serverEndpoint = server;
    viewport()->update();
}

void LadderView::setTitle(const QString &title)
{
    m_title = title;
    viewport()->update();
}

void LadderView::clear()
{
    m_rows.clear();
    m_truncated = false;
    updateScrollRange();
    viewport()->update();
    emit rowsChanged();
}

void LadderView::addEntry(const Tftp::TraceEntry &entry)
{
    addEntries({entry});
}

void LadderView::addEntries(const QList<Tftp::TraceEntry> &entries)
{
    if (entries.isEmpty())
        return;
    QScrollBar *bar = verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 1;
    for (const Tftp::TraceEntry &e : entries) {
        if (m_rows.size() >= MaxRows) {
            m_truncated = true;
            break;
        }
        m_rows.append(ladderRow(e, m_clientSide));
    }
    updateScrollRange();
    if (m_follow && atEnd)
        bar->setValue(bar->maximum());
    viewport()->update();
    emit rowsChanged();
}

void LadderView::setEntries(const QList<Tftp::TraceEntry> &entries)
{
    m_rows.clear();
    m_truncated = false;
    addEntries(entries);
    if (entries.isEmpty()) {
        updateScrollRange();
        viewport()->update();
        emit rowsChanged();
    }
}

void LadderView::setFollow(bool on)
{
    m_follow = on;
    if (on)
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

LadderView::Metrics LadderView::metrics(int width, QPaintDevice *device) const
{
    const QFontMetrics fm(font(), device);
    Metrics m;
    m.rowHeight = fm.height() * 2 + fm.height() / 2;   // the label above the arrow, the arrow, room
    m.headerHeight = fm.height() * 3 + fm.height() / 2;
    m.margin = fm.height();
    m.timeWidth = fm.horizontalAdvance(QStringLiteral("0000.000")) + m.margin;
    m.arrowHead = qMax(6, fm.height() * 2 / 3);
    m.pen = qMax(2, fm.height() / 8);
    const int lanesLeft = m.timeWidth + m.margin;
    // Lanes a fifth in from each side of what is left, so that the endpoints above them have room.
    const int room = qMax(fm.height() * 10, width - lanesLeft - m.margin);
    m.clientX = lanesLeft + room / 6;
    m.serverX = lanesLeft + room - room / 6;
    return m;
}

QSize LadderView::fullSize(int width) const
{
    const Metrics m = metrics(width, viewport());
    const int rows = int(m_rows.size()) + (m_truncated ? 1 : 0);
    return QSize(width, m.headerHeight + rows * m.rowHeight + m.margin);
}

void LadderView::updateScrollRange()
{
    const Metrics m = metrics(viewport()->width(), viewport());
    const int rows = int(m_rows.size()) + (m_truncated ? 1 : 0);
    const int content = rows * m.rowHeight + m.margin;
    const int visible = qMax(0, viewport()->height() - m.headerHeight);
    QScrollBar *bar = verticalScrollBar();
    bar->setRange(0, qMax(0, content - visible));
    bar->setPageStep(visible);
    bar->setSingleStep(m.rowHeight);
}

void LadderView::paintHeader(QPainter *p, const Metrics &m, int width, int top) const
{
    const QFontMetrics fm(p->font(), p->device());
    const QPalette &pal = palette();
    p->fillRect(QRect(0, top, width, m.headerHeight), pal.color(QPalette::Window));
    QFont bold = p->font();
    bold.setBold(true);
    // Each box centred on its lane, as wide as fits between the time column, the other box and the edge.
    const int half = qMax(fm.height() * 3, std::min<int>({(m.serverX - m.clientX - m.margin / 2) / 2, m.clientX - m.timeWidth,
                                                width - m.serverX - m.margin / 4}));
    const int laneRoom = half * 2;
    const auto lane = [&](int x, const QString &name, const QString &endpoint) {
        const QFontMetrics bfm(bold, p->device());
        const int w = laneRoom;
        QRect box(x - w / 2, top + fm.height() / 4, w, fm.height() * 2 + fm.height() / 2);
        box = box.intersected(QRect(0, top, width, m.headerHeight));
        p->setPen(QPen(pal.color(QPalette::Mid), 1));
        p->setBrush(pal.color(QPalette::Base));
        p->drawRoundedRect(box.adjusted(1, 1, -1, -1), fm.height() / 4, fm.height() / 4);
        p->setPen(pal.color(QPalette::Text));
        p->setFont(bold);
        p->drawText(QRect(box.left(), box.top() + fm.height() / 8, box.width(), fm.height()), Qt::AlignCenter,
                    bfm.elidedText(name, Qt::ElideRight, box.width() - 4));
        QFont normal = bold;
        normal.setBold(false);
        p->setFont(normal);
        p->drawText(QRect(box.left(), box.top() + fm.height() + fm.height() / 4, box.width(), fm.height()),
                    Qt::AlignCenter, fm.elidedText(endpoint, Qt::ElideMiddle, box.width() - 4));
    };
    const QFont base = p->font();
    lane(m.clientX, tr("Client"), m_clientEndpoint);
    lane(m.serverX, tr("Server"), m_serverEndpoint);
    p->setFont(base);
    p->setPen(toneColor(Tone::Muted));
    p->drawText(QRect(0, top + m.headerHeight - fm.height() - fm.height() / 4, m.timeWidth, fm.height()),
                Qt::AlignRight | Qt::AlignVCenter, tr("Time (s)"));
    p->setPen(QPen(pal.color(QPalette::Mid), 1));
    p->drawLine(0, top + m.headerHeight - 1, width, top + m.headerHeight - 1);
}

void LadderView::paintRow(QPainter *p, const Metrics &m, const LadderRow &r, int y) const
{
    const QFontMetrics fm(p->font(), p->device());
    const QPalette &pal = palette();
    // The lanes' life lines through the row.
    p->setPen(QPen(pal.color(QPalette::Mid), qMax(1, m.pen / 2)));
    p->drawLine(m.clientX, y, m.clientX, y + m.rowHeight);
    p->drawLine(m.serverX, y, m.serverX, y + m.rowHeight);
    const int span = m.serverX - m.clientX;
    if (r.kind != LadderRow::Packet) {
        // A note between the lanes: what the trace left out, or a remark.
        const QRect box(m.clientX + m.margin / 2, y + m.rowHeight / 4, span - m.margin, m.rowHeight / 2);
        p->setPen(QPen(toneColor(Tone::Muted), m.pen, Qt::DotLine));
        p->drawLine(m.clientX, y + m.rowHeight / 2, box.left(), y + m.rowHeight / 2);
        p->drawLine(box.right(), y + m.rowHeight / 2, m.serverX, y + m.rowHeight / 2);
        QFont italic = p->font();
        italic.setItalic(true);
        const QFont base = p->font();
        p->setFont(italic);
        p->setPen(toneColor(Tone::Muted));
        const QFontMetrics ifm(italic, p->device());
        p->drawText(box, Qt::AlignCenter, ifm.elidedText(r.label, Qt::ElideRight, box.width()));
        p->setFont(base);
        return;
    }
    // Time at the left, at the arrow's height.
    const int arrowY = y + m.rowHeight - m.rowHeight / 3;
    p->setPen(toneColor(Tone::Muted));
    p->drawText(QRect(0, arrowY - fm.height() / 2 - m.rowHeight / 3, m.timeWidth, fm.height()),
                Qt::AlignRight | Qt::AlignVCenter, QLocale::c().toString(r.elapsedMs / 1000.0, 'f', 3));
    QColor color = pal.color(QPalette::Text);
    if (r.dropped || r.error)
        color = toneColor(Tone::Error);
    else if (r.retransmission)
        color = toneColor(Tone::Warning);
    const int from = r.fromClient ? m.clientX : m.serverX;
    const int to = r.fromClient ? m.serverX : m.clientX;
    const int dir = to > from ? 1 : -1;
    // A dropped packet stops two thirds of the way, in a cross: it never arrived.
    const int end = r.dropped ? from + dir * span * 2 / 3 : to;
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setPen(QPen(color, m.pen, r.dropped ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
    const int headEnd = r.dropped ? end : end - dir * m.arrowHead;
    p->drawLine(from, arrowY, headEnd, arrowY);
    if (r.dropped) {
        const int c = m.arrowHead * 2 / 3;
        p->setPen(QPen(color, m.pen * 3 / 2 + 1, Qt::SolidLine, Qt::RoundCap));
        p->drawLine(end - c, arrowY - c, end + c, arrowY + c);
        p->drawLine(end - c, arrowY + c, end + c, arrowY - c);
    } else {
        QPainterPath head;
        head.moveTo(end, arrowY);
        head.lineTo(end - dir * m.arrowHead, arrowY - m.arrowHead / 2);
        head.lineTo(end - dir * m.arrowHead, arrowY + m.arrowHead / 2);
        head.closeSubpath();
        p->fillPath(head, color);
    }
    p->setRenderHint(QPainter::Antialiasing, false);
    // The label above the arrow: the trace's summary, and what happened to it.
    QString label = r.label;
    if (r.retransmission)
        label += QStringLiteral(" — ") + tr("retransmitted");
    // A dropped packet's label stands over the part of the way it went, clear of the cross.
    const int labelLeft = r.dropped && dir < 0 ? end + m.arrowHead : m.clientX + m.margin / 2;
    const int labelWidth = r.dropped ? span * 2 / 3 - m.arrowHead - m.margin / 2 : span - m.margin;
    QFont font = p->font();
    const QFont base = font;
    if (!r.opcode.isEmpty() && (r.dropped || r.error || r.retransmission))
        font.setBold(true);
    p->setFont(font);
    p->setPen(color);
    const QFontMetrics lfm(font, p->device());
    p->drawText(QRect(r.dropped && dir > 0 ? from + m.margin / 2 : labelLeft, arrowY - m.pen - fm.height() - fm.height() / 8,
                      labelWidth, fm.height()),
                Qt::AlignCenter, lfm.elidedText(label, Qt::ElideRight, labelWidth));
    p->setFont(base);
}

void LadderView::render(QPainter *p, int width, int firstRow, int lastRow, int top, bool header) const
{
    const Metrics m = metrics(width, p->device());
    p->setFont(font());
    int y = top + m.headerHeight;
    for (int i = qMax(0, firstRow); i <= lastRow && i < m_rows.size(); ++i)
        paintRow(p, m, m_rows.at(i), y + i * m.rowHeight);
    if (m_truncated && lastRow >= m_rows.size()) {
        LadderRow more;
        more.kind = LadderRow::Note;
        more.label = tr("… later packets not shown (at most %L1 rows)").arg(MaxRows);
        paintRow(p, m, more, y + int(m_rows.size()) * m.rowHeight);
    }
    if (header)
        paintHeader(p, m, width, 0);
}

void LadderView::paintEvent(QPaintEvent *event)
{
    QPainter p(viewport());
    const int width = viewport()->width();
    const Metrics m = metrics(width, viewport());
    const int offset = verticalScrollBar()->value();
    const QRect r = event->rect();
    const int first = qMax(0, (r.top() + offset - m.headerHeight) / qMax(1, m.rowHeight));
    const int last = (r.bottom() + offset - m.headerHeight) / qMax(1, m.rowHeight) + 1;
    p.setClipRect(QRect(0, m.headerHeight, width, viewport()->height()));
    render(&p, width, first, last, -offset, false);
    p.setClipping(false);
    if (m_rows.isEmpty()) {
        p.setPen(toneColor(Tone::Muted));
        p.drawText(QRect(0, m.headerHeight, width, viewport()->height() - m.headerHeight), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("No packets yet: the ladder fills in as the transfer runs."));
    }
    paintHeader(&p, m, width, 0);
}

void LadderView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    QScrollBar *bar = verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 1;
    updateScrollRange();
    if (m_follow && atEnd)
        bar->setValue(bar->maximum());
}

void LadderView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) {
        updateScrollRange();
        viewport()->update();
    } else if (event->type() == QEvent::LanguageChange) {
        viewport()->update();
    }
}

int LadderView::rowAt(int viewportY) const
{
    const Metrics m = metrics(viewport()->width(), viewport());
    if (viewportY < m.headerHeight)
        return -1;
    const int row = (viewportY - m.headerHeight + verticalScrollBar()->value()) / qMax(1, m.rowHeight);
    return row < m_rows.size() ? row : -1;
}

bool LadderView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos().y());
        if (row >= 0) {
            // The whole summary (it may be cut on the row), as escaped rich text: never markup from the network.
            const LadderRow &r = m_rows.at(row);
            QString text = QLocale::c().toString(r.elapsedMs / 1000.0, 'f', 3) + QLatin1String(" s  ") + r.label;
            if (r.retransmission)
                text += QStringLiteral(" — ") + tr("retransmitted");
            QToolTip::showText(help->globalPos(), QLatin1String("<p>") + text.toHtmlEscaped() + QLatin1String("</p>"),
                               viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

bool LadderView::exportPng(const QString &path, qreal scale)
{
    const int width = qMax(viewport()->width(), fontMetrics().height() * 30);
    const QSize size = fullSize(width);
    QImage image((QSizeF(size) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        m_errorString = tr("The ladder is too large for an image (%1 × %2 pixels).").arg(size.width()).arg(size.height());
        return false;
    }
    image.setDevicePixelRatio(scale);
    image.fill(palette().color(QPalette::Base));
    {
        QPainter p(&image);
        render(&p, width, 0, int(m_rows.size()), 0, true);
    }
    if (!image.save(path, "PNG")) {
        m_errorString = tr("Cannot write %1.").arg(QFileInfo(path).absoluteFilePath());
        return false;
    }
    return true;
}

bool LadderView::exportSvg(const QString &path)
{
    const int width = qMax(viewport()->width(), fontMetrics().height() * 30);
    const QSize size = fullSize(width);
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setResolution(logicalDpiY());
    svg.setTitle(m_title.isEmpty() ? tr("TFTP ladder") : m_title);
    svg.setDescription(tr("A TFTP transfer's packets, drawn by NetPoke"));
    {
        QPainter p;
        if (!p.begin(&svg)) {
            m_errorString = tr("Cannot write %1.").arg(QFileInfo(path).absoluteFilePath());
            return false;
        }
        p.fillRect(QRect(QPoint(0, 0), size), palette().color(QPalette::Base));
        render(&p, width, 0, int(m_rows.size()), 0, true);
    }
    QFile check(path);
    if (!check.exists() || check.size() == 0) {
        m_errorString = tr("Cannot write %1.").arg(QFileInfo(path).absoluteFilePath());
        return false;
    }
    return true;
}

} // namespace NetPoke
