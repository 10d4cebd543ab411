#pragma once

#include "panel.h"
#include "settingstable.h"

#include <QWidget>

class QHostAddress;
class QModelIndex;
class QStandardItemModel;

namespace Ui {
class ChatPanel;
}

namespace NetPoke {

class ChatBubbleDelegate;
class ChatSession;
struct ChatMessage;

// The Chat tab: a two-person conversation over UDP (or a room on a multicast group), as message
// bubbles. The wire format is the bare encoded text, so the other side can be a script or `nc -u`.
// The layout is ui/chatpanel.ui; the bubbles are painted by ChatBubbleDelegate (chatbubbledelegate.h).
class ChatPanel final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatPanel)

public:
    enum Role {
        KindRole = Qt::UserRole + 1,
        MetaRole,
        DestinationRole,    // Mine: "address:port" it was sent to
        SentAtRole,         // Mine: ms since epoch
        UndeliveredRole,    // Mine: true once the peer's side answered ICMP port unreachable
        TextRole,           // a message's text as decoded or typed; DisplayRole is its TextCodec::visibleText
    };
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

    // Where the text of the bubble at row is painted, in the view's viewport coordinates (for tests:
    // the same geometry paint() uses).
    QRect bubbleTextRect(int row) const;

signals:
    void unreadCountChanged(int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void connectSession();
    void applyFontMetrics();
    void fitControls();
    void toggleOpen();
    void toggleRoom();
    void updateState();
    void addMessage(const ChatMessage &message);
    void addSystemLine(const QString &text);
    void appendRow(Kind kind, const QString &text, const QString &meta);
    void markUndelivered(const QHostAddress &address, quint16 port);
    bool isThisSocket(const QHostAddress &address, quint16 port) const;
    void warnIfTalkingToSelf();

    Ui::ChatPanel *m_ui = nullptr;
    ChatSession *m_session = nullptr;
    QStandardItemModel *m_model = nullptr;
    ChatBubbleDelegate *m_delegate = nullptr;
    SettingsTable m_settings{QStringLiteral("chat")};

    int m_unread = 0;
    QString m_appliedHost;     // what was last given to setPeer()
    quint16 m_appliedPort = 0;
    QString m_selfWarnedFor;   // the local port and peer the "talking to yourself" line was shown for
};

} // namespace NetPoke
