#pragma once

#include <QStyledItemDelegate>

namespace NetPoke {

// Paints a cell as a progress bar: the value from `role` (0..maximum), the text from Qt::DisplayRole. A
// negative value (size unknown, nothing to show) paints the cell as usual. The bar uses the view's font, so
// it follows the window's zoom.
class ProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressDelegate)

public:
    ProgressDelegate(int role, int maximum, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
    int m_maximum;
};

} // namespace NetPoke
