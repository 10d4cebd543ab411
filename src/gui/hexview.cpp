#include "hexview.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>

namespace NetPoke {

using Inspect::HexDump;

namespace {
constexpr int Margin = 4;   // pixels around the lines
constexpr char HexDigits[] = "0123456789abcdef";
} // namespace

HexView::HexView(QWidget *parent) : QAbstractScrollArea(parent)
{
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);   // family only: the size follows the window's zoom
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    updateMetrics();
}

void HexView::setDump(const HexDump &dump)
{
    m_dump = dump;
    m_hlOffset = 0;
    m_hlLength = 0;
    updateMetrics();
    verticalScrollBar()->setValue(0);
    viewport()->update();
}

void HexView::setHighlight(qsizetype offset, qsizetype length)
{
    m_hlOffset = qBound<qsizetype>(0, offset, m_dump.size());
    m_hlLength = qBound<qsizetype>(0, length, m_dump.size() - m_hlOffset);
    if (m_hlLength > 0) {
        const int first = int(m_hlOffset / HexDump::BytesPerLine);
        const int last = int((m_hlOffset + m_hlLength - 1) / HexDump::BytesPerLine);
        QScrollBar *v = verticalScrollBar();
        const int shown = qMax(1, viewport()->height() / m_lineH);
        if (first < v->value())
            v->setValue(first);
        else if (last >= v->value() + shown)
            v->setValue(qMin(first, last - shown + 1));
    }
    viewport()->update();
}

void HexView::updateMetrics()
{
    const QFontMetrics fm(font());
    m_charW = qMax(1, fm.horizontalAdvance(QLatin1Char('0')));
    m_lineH = qMax(1, fm.height());
    m_ascent = fm.ascent();
    m_offsetChars = m_dump.size() > 0 ? int(m_dump.offsetText(0).size()) : 4;
    updateScrollBars();
    updateGeometry();
}

// offset, two blanks, 16 x "xx " with one more blank after the eighth, one blank, 16 text cells.
int HexView::hexX(int column) const
{
    return Margin + m_charW * (m_offsetChars + 2 + 3 * column + (column >= 8 ? 1 : 0));
}

int HexView::textX(int column) const
{
    return Margin + m_charW * (m_offsetChars + 2 + 3 * HexDump::BytesPerLine + 2 + column);
}

int HexView::lineWidth() const
{
    return textX(HexDump::BytesPerLine) + Margin;
}

void HexView::updateScrollBars()
{
    const int lines = int(m_dump.lineCount());
    const int shown = qMax(1, viewport()->height() / m_lineH);
    verticalScrollBar()->setRange(0, qMax(0, lines - shown));
    verticalScrollBar()->setPageStep(shown);
    horizontalScrollBar()->setRange(0, qMax(0, lineWidth() - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(m_charW);
}

QSize HexView::sizeHint() const
{
    const int frame = 2 * frameWidth();
    const int lines = int(std::clamp<qsizetype>(m_dump.lineCount(), 4, 12));
    return QSize(lineWidth() + frame + verticalScrollBar()->sizeHint().width(), lines * m_lineH + 2 * Margin + frame);
}

QSize HexView::minimumSizeHint() const
{
    return QSize(textX(0) / 2, 2 * m_lineH + 2 * Margin);
}

qsizetype HexView::byteAt(const QPoint &pos) const
{
    const int x = pos.x() + horizontalScrollBar()->value();
    const int y = pos.y() - Margin;
    if (y < 0)
        return -1;
    const qsizetype line = verticalScrollBar()->value() + y / m_lineH;
    int column = -1;
    for (int c = 0; c < HexDump::BytesPerLine && column < 0; ++c) {
        if ((x >= hexX(c) && x < hexX(c) + 2 * m_charW) || (x >= textX(c) && x < textX(c) + m_charW))
            column = c;
    }
    if (column < 0)
        return -1;
    const qsizetype byte = line * HexDump::BytesPerLine + column;
    return byte < m_dump.size() ? byte : -1;
}

QPoint HexView::byteCenter(qsizetype byte, bool textPart) const
{
    const int column = int(byte % HexDump::BytesPerLine);
    const qsizetype line = byte / HexDump::BytesPerLine - verticalScrollBar()->value();
    const int x = textPart ? textX(column) + m_charW / 2 : hexX(column) + m_charW;
    return QPoint(x - horizontalScrollBar()->value(), Margin + int(line) * m_lineH + m_lineH / 2);
}

void HexView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    p.setFont(font());
    const QPalette &pal = palette();
    const int dx = -horizontalScrollBar()->value();
    p.translate(dx, 0);
    const qsizetype firstLine = verticalScrollBar()->value();
    const qsizetype lines = m_dump.lineCount();
    const QColor muted = pal.color(QPalette::PlaceholderText);
    const QColor text = pal.color(QPalette::Text);
    const QColor hlBack = pal.color(QPalette::Highlight);
    const QColor hlText = pal.color(QPalette::HighlightedText);
    const QByteArray &bytes = m_dump.bytes();
    for (qsizetype line = firstLine; line < lines; ++line) {
        const int top = Margin + int(line - firstLine) * m_lineH;
        if (top > viewport()->height())
            break;
        const int base = top + m_ascent;
        p.setPen(muted);
        p.drawText(Margin, base, m_dump.offsetText(line * HexDump::BytesPerLine));
        int coveredUntil = 0;   // x up to which the last wide glyph was drawn
        for (int c = 0; c < HexDump::BytesPerLine; ++c) {
            const qsizetype i = line * HexDump::BytesPerLine + c;
            if (i >= bytes.size())
                break;
            const bool hl = i >= m_hlOffset && i < m_hlOffset + m_hlLength;
            const bool hlNext = hl && i + 1 < m_hlOffset + m_hlLength && c + 1 < HexDump::BytesPerLine;
            if (hl) {
                // The hex cell and the blank after it when the next byte is highlighted too: one band.
                const int w = hlNext ? hexX(c + 1) - hexX(c) : 2 * m_charW;
                p.fillRect(QRect(hexX(c), top, w, m_lineH), hlBack);
                p.fillRect(QRect(textX(c), top, m_charW, m_lineH), hlBack);
            }
            const uchar b = uchar(bytes[i]);
            p.setPen(hl ? hlText : text);
            p.drawText(hexX(c), base, QString(QLatin1Char(HexDigits[b >> 4])) + QLatin1Char(HexDigits[b & 0xF]));
            const int index = m_dump.charIndexAt(i);
            const HexDump::Char &ch = m_dump.chars().at(index);
            const QString cell = m_dump.textCell(i);
            const bool mark = !ch.printable || i != ch.offset;
            if (mark && i != ch.offset && ch.printable && textX(c) < coveredUntil)
                continue;   // under the character's own glyph
            p.setPen(hl ? hlText : (mark ? muted : text));
            p.drawText(textX(c), base, cell);
            if (!mark)
                coveredUntil = textX(c) + p.fontMetrics().horizontalAdvance(cell);
        }
    }
}

void HexView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const qsizetype b = byteAt(event->position().toPoint());
        if (b >= 0)
            emit byteClicked(b);
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void HexView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void HexView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateMetrics();
}

bool HexView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const qsizetype b = byteAt(help->pos());
        if (b < 0) {
            QToolTip::hideText();
            return true;
        }
        const int index = m_dump.charIndexAt(b);
        const HexDump::Char &ch = m_dump.chars().at(index);
        QString tip = tr("Offset %1 (%2): 0x%3").arg(m_dump.offsetText(b)).arg(b)
                          .arg(uchar(m_dump.bytes()[b]), 2, 16, QLatin1Char('0'));
        // The character as visible text (escapes for controls, bidi and invalid bytes): safe as plain text.
        const QString shown = m_dump.visible(index);
        if (!ch.valid)
            tip += QLatin1Char('\n') + tr("%1: not a character in %2").arg(shown, m_dump.encoding());
        else if (ch.length > 1)
            tip += QLatin1Char('\n') + tr("%1 (U+%2), bytes %3 to %4 in %5")
                                           .arg(shown)
                                           .arg(QString::number(quint32(ch.codePoint), 16).toUpper().rightJustified(4, QLatin1Char('0')))
                                           .arg(ch.offset)
                                           .arg(ch.offset + ch.length - 1)
                                           .arg(m_dump.encoding());
        else
            tip += QLatin1Char('\n') + tr("%1 (U+%2)").arg(shown, QString::number(quint32(ch.codePoint), 16).toUpper().rightJustified(4, QLatin1Char('0')));
        QToolTip::showText(help->globalPos(), tip.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")), viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace NetPoke
