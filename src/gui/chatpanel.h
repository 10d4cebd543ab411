#pragma once

#include "panel.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStandardItemModel;

namespace NetPoke {

class ChatSession;
struct ChatMessage;

// The Chat tab: a two-person conversation over UDP (or a room on a multicast group), as message
// bubbles. The wire format is the bare encoded text, so the other side can be a script or `nc -u`.
class ChatPanel final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatPanel)

public:
    enum Role { KindRole = Qt::UserRole + 1, MetaRole };
    enum Kind { Mine, Theirs, Stranger, System };
    static constexpr int MaxMessages = 5000;

    explicit ChatPanel(QWidget *parent = nullptr);
    ~ChatPanel() override;

    ChatSession *session() const { return m_session; }
    QStandardItemModel *conversation() const { return m_model; }

    bool openLocal(quint16 port);
    // Sends what the input holds to the peer (or the room); false with the reason shown.
    bool sendNow();
    bool saveConversation(const QString &fileName, QString *error = nullptr) const;
    bool canSaveLog() const override { return true; }
    void saveLogInteractive() override;

    int unreadCount() const override { return m_unread; }
    void markRead();

    QString title() const override;
    void loadSettings() override;
    void saveSettings() const override;

signals:
    void unreadCountChanged(int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void toggleOpen();
    void toggleRoom();
    void updateState();
    void addMessage(const ChatMessage &message);
    void addSystemLine(const QString &text);
    void appendRow(Kind kind, const QString &text, const QString &meta);

    ChatSession *m_session = nullptr;
    QStandardItemModel *m_model = nullptr;
    QListView *m_view = nullptr;

    QSpinBox *m_localPort = nullptr;
    QLineEdit *m_name = nullptr;
    QCheckBox *m_sendName = nullptr;
    QPushButton *m_openButton = nullptr;
    QLabel *m_localStatus = nullptr;
    QLabel *m_localError = nullptr;

    QLineEdit *m_peerHost = nullptr;
    QLineEdit *m_peerPort = nullptr;
    QCheckBox *m_answerFirst = nullptr;
    QLabel *m_peerError = nullptr;
    QComboBox *m_encoding = nullptr;

    QLineEdit *m_roomGroup = nullptr;
    QSpinBox *m_roomPort = nullptr;
    QPushButton *m_roomButton = nullptr;
    QLabel *m_roomError = nullptr;

    QPlainTextEdit *m_input = nullptr;
    QPushButton *m_sendButton = nullptr;
    QLabel *m_sendError = nullptr;

    int m_unread = 0;
    QString m_appliedHost;     // what was last given to setPeer()
    quint16 m_appliedPort = 0;
};

} // namespace NetPoke
