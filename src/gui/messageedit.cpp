#include "messageedit.h"

#include "errorlabel.h"

#include <QEvent>
#include <QLabel>
#include <QScrollBar>

namespace NetPoke {

MessageEdit::MessageEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_message(makeErrorLabel(this))
{
    // Opaque, so the strip reads as part of the editor and not as text behind it.
    m_message->setTextFormat(Qt::PlainText);   // may quote what the network or the user sent
    m_message->setAutoFillBackground(true);
    m_message->setBackgroundRole(QPalette::AlternateBase);
    m_message->setMargin(fontMetrics().averageCharWidth() / 2);
    m_message->installEventFilter(this);
}

QSize MessageEdit::sizeHint() const
{
    const int frame = 2 * frameWidth() + 2 * int(document()->documentMargin());
    return QSize(QPlainTextEdit::sizeHint().width(), 5 * fontMetrics().lineSpacing() + frame);
}

bool MessageEdit::event(QEvent *event)
{
    // A new text in the label asks its parent (this editor) for a new layout.
    if (event->type() == QEvent::LayoutRequest || event->type() == QEvent::FontChange)
        layoutMessage();
    return QPlainTextEdit::event(event);
}

bool MessageEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_message && (event->type() == QEvent::ShowToParent || event->type() == QEvent::HideToParent))
        layoutMessage();
    return QPlainTextEdit::eventFilter(watched, event);
}

void MessageEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    layoutMessage();
}

// The strip takes the bottom of the text area (at most two thirds of it, so the text stays visible) and
// the viewport shrinks by as much; the editor's own size does not change.
void MessageEdit::layoutMessage()
{
    const QRect inside = contentsRect();
    int height = 0;
    if (!m_message->isHidden() && !m_message->text().isEmpty()) {
        m_message->setMargin(fontMetrics().averageCharWidth() / 2);
        height = qMin(m_message->heightForWidth(inside.width()), inside.height() * 2 / 3);
    }
    if (viewportMargins().bottom() != height) {
        setViewportMargins(0, 0, 0, height);
        ensureCursorVisible();
    }
    if (height > 0) {
        const int scrollBar = horizontalScrollBar()->isVisible() ? horizontalScrollBar()->height() : 0;
        m_message->setGeometry(inside.left(), inside.bottom() + 1 - scrollBar - height, inside.width(), height);
        m_message->raise();
    }
}

} // namespace NetPoke
