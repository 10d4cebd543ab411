#pragma once

#include <QStyledItemDelegate>

class QListView;

namespace NetPoke {

// Paints messages as bubbles: mine on the right, theirs on the left, system lines centred. Every size
// comes from the view's font (the option's font is the view's), so the bubbles follow the zoom.
class ChatBubbleDelegate final : public QStyledItemDelegate
{
    Q_DISABLE_COPY_MOVE(ChatBubbleDelegate)

public:
    struct Geometry
    {
        QRect meta;
        QRect bubble;   // empty for a system line
        QRect text;
        int height = 0;
    };

    explicit ChatBubbleDelegate(QListView *view);

    // The width rows are laid out for: the view's inside less a vertical scroll bar whether it is shown
    // or not. When the scroll bar appeared the rows kept the wider width and were clipped under it.
    int rowWidth() const;
    // Where the meta line, the bubble and its text of the row at index go inside area.
    Geometry geometry(const QFont &font, const QModelIndex &index, const QRect &area) const;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QListView *m_view;
};

} // namespace NetPoke
