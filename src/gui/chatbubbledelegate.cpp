#include "chatbubbledelegate.h"

#include "chatpanel.h"
#include "colors.h"

#include <QListView>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>

namespace NetPoke {

namespace {

constexpr int Huge = 1 << 20;
constexpr auto TextFlags = Qt::TextWordWrap | Qt::TextWrapAnywhere;

// Spacing in a bubble row, from the font, so that bubbles scale with the zoom.
struct Spacing
{
    int pad;      // inside a bubble
    int gap;      // between rows
    int side;     // bubble to the view's edge
    int radius;
};

Spacing spacing(const QFont &font)
{
    const int h = QFontMetrics(font).height();
    return {qMax(2, h / 2), qMax(2, h * 2 / 5), qMax(3, h * 3 / 5), qMax(3, h / 2)};
}

QFont metaFont(const QFont &base)
{
    QFont f = base;
    if (base.pointSizeF() > 0)
        f.setPointSizeF(base.pointSizeF() * 0.8);
    else
        f.setPixelSize(qMax(1, qRound(base.pixelSize() * 0.8)));
    return f;
}

} // namespace

ChatBubbleDelegate::ChatBubbleDelegate(QListView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
}

int ChatBubbleDelegate::rowWidth() const
{
    return qMax(1, m_view->contentsRect().width() - m_view->verticalScrollBar()->sizeHint().width());
}

ChatBubbleDelegate::Geometry ChatBubbleDelegate::geometry(const QFont &font, const QModelIndex &index,
                                                          const QRect &area) const
{
    const int kind = index.data(ChatPanel::KindRole).toInt();
    const QString text = index.data(Qt::DisplayRole).toString();
    const Spacing s = spacing(font);
    const int width = rowWidth();
    const int inner = qMax(1, width - 2 * s.side);
    const QFontMetrics mf(metaFont(font));
    Geometry g;
    if (kind == ChatPanel::System) {
        const QRect r = mf.boundingRect(QRect(0, 0, inner, Huge), TextFlags | Qt::AlignHCenter, text);
        g.text = QRect(area.left() + (area.width() - inner) / 2, area.top() + s.gap, inner, r.height());
        g.height = r.height() + 2 * s.gap;
        return g;
    }
    const bool mine = kind == ChatPanel::Mine;
    const QFontMetrics tf(font);
    const int maxText = qMax(1, inner - 2 * s.pad);
    const int wrap = qBound(1, qMax(tf.averageCharWidth() * 12, int(width * 0.7) - 2 * s.pad), maxText);
    const QRect tr = tf.boundingRect(QRect(0, 0, wrap, Huge), TextFlags, text);
    const QRect mr = mf.boundingRect(QRect(0, 0, inner, Huge), Qt::TextWordWrap,
                                     index.data(ChatPanel::MetaRole).toString());
    const int right = area.left() + area.width() - s.side;   // one past the last pixel
    g.meta = QRect(mine ? right - inner : area.left() + s.side, area.top(), inner, mr.height());
    const int bubbleW = qMin(tr.width(), wrap) + 2 * s.pad;
    const int bubbleH = tr.height() + 2 * s.pad;
    const int metaGap = qMax(1, s.gap / 3);
    g.bubble = QRect(mine ? right - bubbleW : area.left() + s.side, g.meta.bottom() + 1 + metaGap, bubbleW, bubbleH);
    g.text = g.bubble.adjusted(s.pad, s.pad, -s.pad, -s.pad);
    g.height = mr.height() + metaGap + bubbleH + s.gap;
    return g;
}

QSize ChatBubbleDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = rowWidth();
    return {width, geometry(option.font, index, QRect(0, 0, width, 0)).height};
}

void ChatBubbleDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int kind = index.data(ChatPanel::KindRole).toInt();
    const QString text = index.data(Qt::DisplayRole).toString();
    const Geometry g = geometry(option.font, index, option.rect);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setFont(metaFont(option.font));
    if (kind == ChatPanel::System) {
        p->setPen(toneColor(Tone::Muted));
        p->drawText(g.text, TextFlags | Qt::AlignHCenter, text);
        p->restore();
        return;
    }
    const bool mine = kind == ChatPanel::Mine;
    const bool undelivered = index.data(ChatPanel::UndeliveredRole).toBool();
    p->setPen(toneColor(undelivered ? Tone::Error : kind == ChatPanel::Stranger ? Tone::Warning : Tone::Muted));
    p->drawText(g.meta, Qt::TextWordWrap | (mine ? Qt::AlignRight : Qt::AlignLeft),
                index.data(ChatPanel::MetaRole).toString());
    QColor fill = mine ? Colors::bubbleMine() : Colors::bubbleTheirs();
    if (kind == ChatPanel::Stranger)
        fill = Colors::bubbleStranger();
    if (undelivered)
        fill = Colors::bubbleUndelivered();
    const int radius = spacing(option.font).radius;
    QPainterPath path;
    path.addRoundedRect(g.bubble, radius, radius);
    p->fillPath(path, fill);
    if (option.state & QStyle::State_Selected) {
        p->setPen(QPen(option.palette.highlight(), qMax(2, radius / 4)));
        p->drawPath(path);
    }
    p->setFont(option.font);
    p->setPen(Colors::bubbleText());
    p->drawText(g.text, TextFlags, text);
    p->restore();
}

} // namespace NetPoke
