#include "flowlayout.h"

#include <QLabel>
#include <QStyle>
#include <QWidget>

namespace NetPoke {

namespace {
// The width an item wants on one line. A word-wrapped label's sizeHint is a guess at a pleasant
// paragraph width, not its one-line width: take the text's own width, so it wraps only when the row is
// narrower than that.
int naturalWidth(const QLayoutItem *item)
{
    const auto *label = qobject_cast<const QLabel *>(item->widget());
    if (!label || !label->wordWrap())
        return item->sizeHint().width();
    const QMargins m = label->contentsMargins();
    return label->fontMetrics().horizontalAdvance(label->text()) + 2 * label->margin() + m.left() + m.right() + 1;
}
} // namespace

FlowLayout::FlowLayout(QWidget *parent)
    : QLayout(parent)
{
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

FlowLayout *FlowLayout::replaceLayout(QWidget *container)
{
    QList<QWidget *> widgets;
    QMargins margins;
    if (QLayout *old = container->layout()) {
        margins = old->contentsMargins();
        for (int i = 0; i < old->count(); ++i) {
            if (QWidget *w = old->itemAt(i)->widget())
                widgets.append(w);
        }
        delete old;   // the widgets stay children of container
    }
    auto *flow = new FlowLayout(container);
    flow->setContentsMargins(margins);
    for (QWidget *w : std::as_const(widgets))
        flow->addWidget(w);
    return flow;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

int FlowLayout::heightForWidth(int width) const
{
    return doLayout(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (const QLayoutItem *item : m_items)
        size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // One row: what the items want side by side.
    int width = 0;
    int height = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize s = item->sizeHint();
        width += (width > 0 ? hSpacing() : 0) + naturalWidth(item);
        height = qMax(height, s.height());
    }
    const QMargins m = contentsMargins();
    return QSize(width + m.left() + m.right(), height + m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    doLayout(rect, true);
}

// Returns the height the items take in rect's width; places them when apply is set. Items in one row
// share its height and are centred vertically in it, as in a QHBoxLayout.
int FlowLayout::doLayout(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    struct Placed
    {
        QLayoutItem *item;
        QSize size;
    };
    QList<Placed> row;
    int x = area.x();
    int y = area.y();
    int rowHeight = 0;
    const auto flushRow = [&] {
        if (apply) {
            int px = area.x();
            for (const Placed &p : std::as_const(row)) {
                p.item->setGeometry(QRect(QPoint(px, y + (rowHeight - p.size.height()) / 2), p.size));
                px += p.size.width() + hSpacing();
            }
        }
        row.clear();
    };
    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const int width = qMin(naturalWidth(item), qMax(area.width(), item->minimumSize().width()));
        const int height = item->hasHeightForWidth() ? item->heightForWidth(width) : item->sizeHint().height();
        if (!row.isEmpty() && x + width > area.right() + 1) {
            flushRow();
            x = area.x();
            y += rowHeight + vSpacing();
            rowHeight = 0;
        }
        row.append(Placed{item, QSize(width, height)});
        x += width + hSpacing();
        rowHeight = qMax(rowHeight, height);
    }
    flushRow();
    return y + rowHeight - rect.y() + contentsMargins().bottom();
}

int FlowLayout::hSpacing() const
{
    const int s = spacing();
    if (s >= 0)
        return s;
    const QWidget *w = parentWidget();
    return w ? w->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, w) : 6;
}

int FlowLayout::vSpacing() const
{
    const int s = spacing();
    if (s >= 0)
        return s;
    const QWidget *w = parentWidget();
    return w ? w->style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing, nullptr, w) : 6;
}

} // namespace NetPoke
