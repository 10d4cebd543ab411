#include "progressdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionProgressBar>

namespace NetPoke {

ProgressDelegate::ProgressDelegate(int role, int maximum, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
    , m_maximum(maximum)
{
}

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    bool ok = false;
    const int value = index.data(m_role).toInt(&ok);
    if (!ok || value < 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    item.text.clear();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &item, painter, widget);   // selection, hover

    QStyleOptionProgressBar bar;
    if (widget)
        bar.initFrom(widget);
    bar.palette = option.palette;
    bar.state = option.state | QStyle::State_Horizontal;
    const int margin = qMax(1, option.fontMetrics.height() / 8);
    bar.rect = option.rect.adjusted(margin, margin, -margin, -margin);
    bar.fontMetrics = option.fontMetrics;
    bar.minimum = 0;
    bar.maximum = m_maximum;
    bar.progress = qBound(0, value, m_maximum);
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    painter->save();
    painter->setFont(option.font);
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    painter->restore();
}

} // namespace NetPoke
