#pragma once

#include "inspect/hexdump.h"

#include <QAbstractScrollArea>

namespace NetPoke {

// The inspector's bytes pane: offset / hex / text, sixteen bytes a line, painted cell by cell so that every
// byte keeps its column in both the hex and the text part whatever the glyphs' widths (Inspect::HexDump says
// what each text cell shows; a wide character, e.g. a CJK one, is drawn from its first byte's cell over the
// cells of its other bytes on that line, whose continuation marks it covers). The font is a monospace family
// only, so the window's zoom reaches it. A range of bytes is highlighted; a click on a byte (hex or text)
// emits byteClicked.
class HexView final : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit HexView(QWidget *parent = nullptr);

    void setDump(const Inspect::HexDump &dump);
    const Inspect::HexDump &dump() const { return m_dump; }
    // Highlights [offset, offset + length) and scrolls it into view; length 0 highlights nothing.
    void setHighlight(qsizetype offset, qsizetype length);
    qsizetype highlightOffset() const { return m_hlOffset; }
    qsizetype highlightLength() const { return m_hlLength; }

    // The byte under a point of the viewport, -1 when none (for tests and clicks).
    qsizetype byteAt(const QPoint &viewportPos) const;
    // The centre of byte's cell in the hex part (text part when textPart), in viewport coordinates.
    QPoint byteCenter(qsizetype byte, bool textPart = false) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void byteClicked(qsizetype byte);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void updateMetrics();
    void updateScrollBars();
    int hexX(int column) const;    // left of a byte's hex cell
    int textX(int column) const;   // left of a byte's text cell
    int lineWidth() const;

    Inspect::HexDump m_dump;
    qsizetype m_hlOffset = 0;
    qsizetype m_hlLength = 0;
    int m_charW = 8;
    int m_lineH = 16;
    int m_ascent = 12;
    int m_offsetChars = 4;
};

} // namespace NetPoke
