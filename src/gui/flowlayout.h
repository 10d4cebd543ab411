#pragma once

#include <QLayout>
#include <QList>

namespace NetPoke {

// Lays its items out left to right and starts a new row when the next one does not fit, so a tool row
// stays whole (no clipped buttons) when the pane is narrow or the font is zoomed; its minimum width is its
// widest item's, not the sum of all items.
class FlowLayout final : public QLayout
{
    Q_DISABLE_COPY_MOVE(FlowLayout)

public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    // Replaces container's box layout (as laid out in a Designer form) by a FlowLayout holding the same
    // widgets in the same order; spacers are dropped.
    static FlowLayout *replaceLayout(QWidget *container);

    void addItem(QLayoutItem *item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    int doLayout(const QRect &rect, bool apply) const;
    int hSpacing() const;
    int vSpacing() const;

    QList<QLayoutItem *> m_items;
};

} // namespace NetPoke
