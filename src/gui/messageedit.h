#pragma once

#include <QPlainTextEdit>

class QLabel;

namespace NetPoke {

// A plain-text editor with a message strip inside its own frame, below the text: an error about what was
// typed shows where the user is looking, and showing or hiding it never changes the editor's size, so
// nothing around it (the Send button) moves. The strip is an error label (see errorlabel.h): showError()
// on messageLabel() shows and hides it.
class MessageEdit final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageEdit)

public:
    explicit MessageEdit(QWidget *parent = nullptr);

    QLabel *messageLabel() const { return m_message; }
    // A few lines high (QPlainTextEdit asks for a fixed 192 px whatever the font): a scrolled pane shows
    // the controls below it at the default window size; a layout's stretch still gives it more room.
    QSize sizeHint() const override;

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void layoutMessage();

    QLabel *m_message = nullptr;
};

} // namespace NetPoke
