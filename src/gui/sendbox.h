#pragma once

#include <QElapsedTimer>
#include <QGroupBox>
#include <QTimer>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;

namespace Ui {
class SendBox;
}

namespace NetPoke {

class MessageEdit;
class SettingsTable;

// The Send box every workbench tab shares (UDP, TCP client, TCP server): text in an encoding or hex bytes,
// escapes, a line ending, the history of recent sends, periodic sending and its rate. The form is
// ui/sendbox.ui. The tab says how bytes leave (setSender()); the box builds them, marks a mistake in the
// editor and keeps the history.
class SendBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendBox)

public:
    explicit SendBox(QWidget *parent = nullptr);
    ~SendBox() override;

    // Sends bytes for the Send button, Ctrl+Enter and each periodic tick; false when nothing was sent (the
    // sender has shown why). Periodic sending stops at the first failure.
    void setSender(std::function<bool(const QByteArray &)> sender) { m_sender = std::move(sender); }
    // Ctrl+Enter sends while the focus is anywhere in scope (the tab).
    void installSendShortcut(QWidget *scope);

    // Builds and sends what the editor holds, as the Send button does; adds it to the history.
    bool sendNow();
    // The editor's bytes: encoded text (+ line end) or parsed hex. False with the error shown in the editor.
    bool buildPayload(QByteArray *out);
    void addToHistory(const QString &text);
    void showError(const QString &text);
    void stopPeriodic();
    bool isPeriodic() const { return m_periodicTimer.isActive(); }

    QString encoding() const;
    MessageEdit *editor() const;
    QLabel *errorLabel() const;
    QPushButton *sendButton() const;
    QPushButton *sendFileButton() const;

    // The box's fields under their keys (sendMode, encoding, escapes, lineEnding, editor, history, periodMs).
    void addSettings(SettingsTable &table);

signals:
    void encodingChanged(const QString &encoding);
    void sendFileRequested();

private:
    void onPeriodicToggled(bool on);
    void onPeriodicTimeout();
    void updateRate();

    Ui::SendBox *m_ui = nullptr;
    std::function<bool(const QByteArray &)> m_sender;
    QTimer m_periodicTimer;
    QTimer m_rateTimer;
    QElapsedTimer m_rateClock;
    QByteArray m_periodicPayload;
    quint64 m_periodicSent = 0;
    quint64 m_periodicSentAtLastRate = 0;
};

} // namespace NetPoke
