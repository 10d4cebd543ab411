#include "chatpanel.h"

#include "chatbubbledelegate.h"
#include "chatsession.h"
#include "colors.h"
#include "erroradvice.h"
#include "errorlabel.h"
#include "hostport.h"
#include "net/endpointinput.h"
#include "textcodec.h"
#include "ui_chatpanel.h"
#include "wheelguard.h"

#include <QDateTime>
#include <QFileDialog>
#include <QKeyEvent>
#include <QMessageBox>
#include <QNetworkInterface>
#include <QSaveFile>
#include <QScrollBar>
#include <QStandardItemModel>

namespace NetPoke {

namespace {

// An ICMP port-unreachable report arrives within milliseconds on a LAN; one for a message older than this
// is not matched to a bubble.
constexpr qint64 RefusalWindowMs = 5000;
// Lines of text the input shows before it scrolls.
constexpr int InputLines = 4;
// The controls' column takes at most this share of the panel's width unless its widest row needs more.
constexpr double ControlsShare = 0.4;

} // namespace

ChatPanel::ChatPanel(QWidget *parent)
    : Panel(parent)
    , m_ui(new Ui::ChatPanel)
    , m_session(new ChatSession(this))
    , m_model(new QStandardItemModel(this))
{
    m_ui->setupUi(this);
    for (QLabel *error : {m_ui->chatLocalError, m_ui->chatRoomError, m_ui->chatPeerError, m_ui->chatSendError}) {
        setTone(error, Tone::Error);
        error->hide();
    }
    m_ui->chatEncoding->addItems(TextCodec::encodings());
    m_ui->chatEncoding->setCurrentText(QStringLiteral("GB2312"));
    m_ui->chatView->setModel(m_model);
    m_delegate = new ChatBubbleDelegate(m_ui->chatView);
    m_ui->chatView->setItemDelegate(m_delegate);
    setViewBackground(m_ui->chatView);
    m_ui->chatInput->installEventFilter(this);
    m_ui->chatControls->installEventFilter(this);   // its LayoutRequest: the column's width is fitted again
    guardWheel(this);
    applyFontMetrics();

    // Defaults are the form's (Me 4568, Them 127.0.0.1:4567: the lesson's script on the same machine).
    m_settings.add(QStringLiteral("localPort"), m_ui->chatLocalPort)
        .add(QStringLiteral("name"), m_ui->chatName)
        .add(QStringLiteral("sendName"), m_ui->chatSendName)
        .add(QStringLiteral("peerHost"), m_ui->chatPeerHost)
        .add(QStringLiteral("peerPort"), m_ui->chatPeerPort)
        .add(QStringLiteral("answerFirst"), m_ui->chatAnswerFirst)
        .add(QStringLiteral("encoding"), [this] { return QVariant(m_ui->chatEncoding->currentText()); },
             [this](const QVariant &v) {
                 const int i = m_ui->chatEncoding->findText(TextCodec::canonicalName(v.toString()));
                 m_ui->chatEncoding->setCurrentIndex(qMax(0, i));
             },
             m_ui->chatEncoding->currentText())
        .add(QStringLiteral("roomGroup"), m_ui->chatRoomGroup)
        .add(QStringLiteral("roomPort"), m_ui->chatRoomPort);

    connect(m_ui->chatOpenButton, &QPushButton::clicked, this, &ChatPanel::toggleOpen);
    connect(m_ui->chatName, &QLineEdit::textChanged, m_session, &ChatSession::setDisplayName);
    connect(m_ui->chatSendName, &QCheckBox::toggled, m_session, &ChatSession::setSendName);
    connect(m_ui->chatAnswerFirst, &QCheckBox::toggled, m_session, &ChatSession::setAnswerFirstSender);
    connect(m_ui->chatEncoding, &QComboBox::currentTextChanged, this, [this](const QString &e) {
        if (m_session->encoding() != e)
            m_session->setEncoding(e);
    });
    for (QLineEdit *edit : {m_ui->chatPeerHost, m_ui->chatPeerPort}) {
        connect(edit, &QLineEdit::textEdited, this, [this, edit] {
            setTone(edit, Tone::Normal);
            showError(m_ui->chatPeerError, QString());
        });
    }
    connect(m_ui->chatRoomButton, &QPushButton::clicked, this, &ChatPanel::toggleRoom);
    connect(m_ui->chatClearButton, &QPushButton::clicked, m_model, &QStandardItemModel::clear);
    connect(m_ui->chatSaveButton, &QPushButton::clicked, this, &ChatPanel::saveLogInteractive);
    connect(m_ui->chatSendButton, &QPushButton::clicked, this, &ChatPanel::sendNow);
    connect(m_ui->chatInput, &QPlainTextEdit::textChanged, this, [this] { showError(m_ui->chatSendError, QString()); });

    // Settings first, so that restoring them does not fill the conversation with system lines.
    loadSettings();
    connectSession();
    updateState();
}

ChatPanel::~ChatPanel()
{
    delete m_ui;
}

void ChatPanel::connectSession()
{
    connect(m_session, &ChatSession::messageReceived, this, [this](const ChatMessage &m) {
        addMessage(m);
        if (!isVisible()) {
            ++m_unread;
            emit unreadCountChanged(m_unread);
            emit badgeChanged();
        }
    });
    connect(m_session, &ChatSession::messageSent, this, &ChatPanel::addMessage);
    connect(m_session, &ChatSession::systemMessage, this, &ChatPanel::addSystemLine);
    connect(m_session, &ChatSession::errorOccurred, this, [this] { showError(m_ui->chatSendError, errorWithAdvice(*m_session)); });
    connect(m_session, &ChatSession::boundChanged, this, [this] {
        updateState();
        warnIfTalkingToSelf();
    });
    connect(m_session, &ChatSession::peerChanged, this, [this](const QHostAddress &address, quint16 port) {
        if (m_ui->chatAnswerFirst->isChecked() && m_ui->chatPeerHost->text().trimmed().isEmpty()) {
            m_ui->chatPeerHost->setText(displayAddress(address));
            m_ui->chatPeerPort->setText(QString::number(port));
        }
        warnIfTalkingToSelf();
    });
    // ChatSession reports a refusal only as a system line; its endpoint says which destination refused,
    // which is what marks the bubble.
    connect(m_session->endpoint(), &UdpEndpoint::portUnreachable, this, &ChatPanel::markUndelivered);
}

void ChatPanel::applyFontMetrics()
{
    const QFontMetrics fm(font());
    m_ui->chatPeerPort->setMaximumWidth(fm.horizontalAdvance(QStringLiteral("65535")) + fm.height());
    // The addresses the fields start with stay readable when the column is at its narrowest.
    m_ui->chatPeerHost->setMinimumWidth(fm.horizontalAdvance(QStringLiteral("127.0.0.1")) + fm.height());
    m_ui->chatRoomGroup->setMinimumWidth(fm.horizontalAdvance(QStringLiteral("239.255.43.21")) + fm.height());
    m_ui->chatInput->setMaximumHeight(fm.lineSpacing() * InputLines + 2 * m_ui->chatInput->frameWidth()
                                      + 2 * qCeil(m_ui->chatInput->document()->documentMargin()));
    fitControls();
}

void ChatPanel::fitControls()
{
    // The controls' column: its preferred width when there is room, never less than its widest row needs
    // (it does not scroll sideways, so nothing in it is clipped), in between a share of the panel so that
    // a zoomed-in conversation keeps room. Plus the scroll bar that appears when it is taller than the
    // window.
    const int bar = m_ui->chatControlsScroll->verticalScrollBar()->sizeHint().width();
    const int least = m_ui->chatControls->minimumSizeHint().width();
    const int most = qMax(least, m_ui->chatControls->sizeHint().width());
    m_ui->chatControlsScroll->setFixedWidth(qBound(least, int(width() * ControlsShare), most) + bar);
}

void ChatPanel::resizeEvent(QResizeEvent *event)
{
    Panel::resizeEvent(event);
    fitControls();
}

void ChatPanel::changeEvent(QEvent *event)
{
    // Children have their new font when the panel hears of it.
    if (event->type() == QEvent::FontChange)
        applyFontMetrics();
    Panel::changeEvent(event);
}

bool ChatPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->chatControls && event->type() == QEvent::LayoutRequest)
        fitControls();   // e.g. the status line's text changed its preferred width
    if (watched == m_ui->chatInput && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && !(key->modifiers() & Qt::ShiftModifier)) {
            sendNow();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChatPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    markRead();
}

void ChatPanel::markRead()
{
    if (m_unread == 0)
        return;
    m_unread = 0;
    emit unreadCountChanged(0);
    emit badgeChanged();
}

bool ChatPanel::openLocal(quint16 port)
{
    showError(m_ui->chatLocalError, QString());
    if (!m_session->bind(QHostAddress::Any, port)) {
        showError(m_ui->chatLocalError, errorWithAdvice(*m_session));
        updateState();
        return false;
    }
    updateState();
    return true;
}

void ChatPanel::toggleOpen()
{
    if (m_session->isBound()) {
        m_session->close();
        updateState();
        return;
    }
    openLocal(quint16(m_ui->chatLocalPort->value()));
}

void ChatPanel::toggleRoom()
{
    showError(m_ui->chatRoomError, QString());
    if (m_session->inRoom()) {
        m_session->leaveRoom();
        updateState();
        return;
    }
    const QString text = m_ui->chatRoomGroup->text().trimmed();
    const QHostAddress group = Net::parseAddress(text);
    if (group.isNull()) {
        showError(m_ui->chatRoomError,
                  tr("\"%1\" is not an IP address: use a multicast group such as 239.255.43.21.").arg(text));
        return;
    }
    if (!m_session->joinRoom(group, quint16(m_ui->chatRoomPort->value())))
        showError(m_ui->chatRoomError, errorWithAdvice(*m_session));
    updateState();
}

void ChatPanel::updateState()
{
    const bool bound = m_session->isBound();
    const bool room = m_session->inRoom();
    m_ui->chatOpenButton->setText(bound ? tr("Close") : tr("Open"));
    m_ui->chatLocalPort->setEnabled(!bound);
    m_ui->chatLocalStatus->setText(bound ? tr("Listening on %1").arg(displayEndpoint(m_session->localAddress(), m_session->localPort()))
                                         : tr("Closed. Sending opens a port chosen by the system."));
    // Bold through a font that sets only the weight: size and family still come from the window (zoom).
    QFont weight;
    weight.setBold(bound);
    m_ui->chatLocalStatus->setFont(weight);
    setTone(m_ui->chatLocalStatus, bound ? Tone::Ok : Tone::Normal);
    m_ui->chatRoomButton->setText(room ? tr("Leave room") : tr("Join room"));
    m_ui->chatRoomGroup->setEnabled(!room);
    m_ui->chatRoomPort->setEnabled(!room);
    m_ui->chatPeerHost->setEnabled(!room);
    m_ui->chatPeerPort->setEnabled(!room);
    m_ui->chatAnswerFirst->setEnabled(!room);
}

bool ChatPanel::isThisSocket(const QHostAddress &address, quint16 port) const
{
    if (!m_session->isBound() || port == 0 || port != m_session->localPort())
        return false;
    const QHostAddress to = unmappedAddress(address);
    const QHostAddress local = unmappedAddress(m_session->localAddress());
    if (to.isNull())
        return false;
    if (local != QHostAddress(QHostAddress::Any) && local != QHostAddress(QHostAddress::AnyIPv6)) {
        if (local != QHostAddress(QHostAddress::AnyIPv4))
            return to == local;
        if (to.protocol() != QAbstractSocket::IPv4Protocol)
            return false;
    }
    // A socket on the any-address hears every address of this machine, and the any-address itself.
    return to.isLoopback() || to == QHostAddress(QHostAddress::AnyIPv4) || to == QHostAddress(QHostAddress::AnyIPv6)
        || QNetworkInterface::allAddresses().contains(to);
}

void ChatPanel::warnIfTalkingToSelf()
{
    if (m_session->inRoom())
        return;
    // The peer the session has, else the one the fields name (a literal address), as on Open.
    QHostAddress peer = m_session->peerAddress();
    quint16 port = m_session->peerPort();
    if (!m_session->hasPeer()) {
        const Net::EndpointInput typed = Net::EndpointInput::fromParts(
            m_ui->chatPeerHost->text(), m_ui->chatPeerPort->text(), Net::EndpointInput::Destination);
        peer = typed.address;
        port = typed.ok() && !typed.address.isNull() ? typed.port : 0;
    }
    if (!isThisSocket(peer, port)) {
        m_selfWarnedFor.clear();
        return;
    }
    const QString them = displayEndpoint(unmappedAddress(peer), port);
    const QString key = QString::number(m_session->localPort()) + QLatin1Char('>') + them;
    if (key == m_selfWarnedFor)
        return;
    m_selfWarnedFor = key;
    addSystemLine(tr("%1 is this chat itself: you listen on port %2, so every message you send comes back and "
                     "shows twice. Under Them, enter the port the other side listens on.")
                      .arg(them)
                      .arg(m_session->localPort()));
}

void ChatPanel::appendRow(Kind kind, const QString &text, const QString &meta)
{
    auto *item = new QStandardItem(text);
    item->setData(int(kind), KindRole);
    item->setData(meta, MetaRole);
    item->setEditable(false);
    QScrollBar *bar = m_ui->chatView->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 4;
    m_model->appendRow(item);
    if (m_model->rowCount() > MaxMessages)
        m_model->removeRows(0, m_model->rowCount() - MaxMessages);
    if (atBottom || kind == Mine)
        m_ui->chatView->scrollToBottom();
}

void ChatPanel::addMessage(const ChatMessage &m)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(m.timestampMs).toString(QStringLiteral("HH:mm:ss"));
    const QString who = displayEndpoint(m.address, m.port);
    Kind kind = m.outgoing ? Mine : (m.fromStranger ? Stranger : Theirs);
    QString meta = m.outgoing ? tr("%1  to %2").arg(time, who) : QStringLiteral("%1  %2").arg(who, time);
    if (kind == Stranger)
        meta = tr("%1  %2  (not your chat partner)").arg(who, time);
    else if (!m.outgoing && !m_session->inRoom() && isThisSocket(m.address, m.port))
        meta = tr("%1  %2  (your own message, back)").arg(who, time);
    // Shown by the one visible-text rule, line breaks kept as lines (a bubble wraps), mine and theirs alike.
    appendRow(kind, TextCodec::visibleText(m.text, -1, TextCodec::LineBreaks::Kept), meta);
    QStandardItem *item = m_model->item(m_model->rowCount() - 1);
    item->setData(m.text, TextRole);
    if (m.outgoing) {
        item->setData(who, DestinationRole);
        item->setData(m.timestampMs, SentAtRole);
    }
}

void ChatPanel::markUndelivered(const QHostAddress &address, quint16 port)
{
    // The latest recent message to that destination that is not marked yet: reports come in send order,
    // and a datagram that was refused is always among the last ones sent there.
    const QString to = displayEndpoint(unmappedAddress(address), port);
    const qint64 oldest = QDateTime::currentMSecsSinceEpoch() - RefusalWindowMs;
    for (int row = m_model->rowCount() - 1; row >= 0; --row) {
        QStandardItem *item = m_model->item(row);
        if (item->data(KindRole).toInt() != Mine)
            continue;
        if (item->data(SentAtRole).toLongLong() < oldest)
            return;
        if (item->data(UndeliveredRole).toBool() || item->data(DestinationRole).toString() != to)
            continue;
        item->setData(tr("%1  (not delivered: nothing listens there)").arg(item->data(MetaRole).toString()), MetaRole);
        item->setData(true, UndeliveredRole);
        return;
    }
}

void ChatPanel::addSystemLine(const QString &text)
{
    const QString time = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    appendRow(System, QStringLiteral("%1  %2").arg(time, text), QString());
}

bool ChatPanel::sendNow()
{
    showError(m_ui->chatSendError, QString());
    showError(m_ui->chatPeerError, QString());
    QString text = m_ui->chatInput->toPlainText();
    if (text.trimmed().isEmpty())
        return false;
    // A mistake in Them is shown above the input (where the user looks after pressing Enter), and the
    // field it is about turns red and takes the focus.
    const auto peerError = [this](QLineEdit *field, const QString &error) {
        showError(m_ui->chatPeerError, error);
        setTone(field, Tone::Error);
        field->setFocus();
        return false;
    };
    if (!m_session->inRoom()) {
        const QString host = m_ui->chatPeerHost->text().trimmed();
        if (host.isEmpty() && !(m_ui->chatAnswerFirst->isChecked() && m_session->hasPeer())) {
            return peerError(m_ui->chatPeerHost,
                             m_ui->chatAnswerFirst->isChecked()
                                 ? tr("Nobody has written yet: enter their address, or wait for their first message.")
                                 : tr("Enter the other person's address (e.g. 127.0.0.1) and port."));
        }
        if (!host.isEmpty()) {
            const Net::EndpointInput peer = Net::EndpointInput::fromParts(host, m_ui->chatPeerPort->text(),
                                                                          Net::EndpointInput::Destination);
            if (!peer.ok())
                return peerError(peer.problem == Net::EndpointInput::PortProblem ? m_ui->chatPeerPort
                                                                                 : m_ui->chatPeerHost,
                                 peer.errorString);
            const quint16 port = peer.port;
            // A host name is looked up asynchronously; the session sends queued text once it resolves.
            // The same name is not looked up again for every message.
            const bool unchanged = host == m_appliedHost && port == m_appliedPort
                                && (m_session->hasPeer() || m_session->isResolvingPeer());
            if (!unchanged) {
                if (!m_session->setPeer(host, port))
                    return peerError(m_ui->chatPeerHost, errorWithAdvice(*m_session));
                m_appliedHost = host;
                m_appliedPort = port;
            }
        }
    }
    if (!m_session->sendMessage(text)) {
        showError(m_ui->chatSendError, errorWithAdvice(*m_session));
        return false;
    }
    m_ui->chatInput->clear();
    return true;
}

bool ChatPanel::saveConversation(const QString &fileName, QString *error) const
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    QByteArray out;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex i = m_model->index(row, 0);
        const int kind = i.data(KindRole).toInt();
        const QString meta = i.data(MetaRole).toString();
        // One line per message: its line breaks as \n, like saved UDP logs.
        const QString line = kind == System ? QStringLiteral("-- %1").arg(i.data(Qt::DisplayRole).toString())
                                            : QStringLiteral("[%1] %2").arg(meta, TextCodec::visibleText(i.data(TextRole).toString()));
        out += line.toUtf8() + '\n';
    }
    file.write(out);
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

void ChatPanel::saveLogInteractive()
{
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Save conversation"), QStringLiteral("chat.txt"),
                                                          tr("Text (*.txt)"));
    if (fileName.isEmpty())
        return;
    QString error;
    if (!saveConversation(fileName, &error))
        QMessageBox::warning(this, tr("Save conversation"), error);
}

QString ChatPanel::title() const
{
    return tr("Chat");
}

void ChatPanel::loadSettings()
{
    m_settings.load();
    m_session->setEncoding(m_ui->chatEncoding->currentText());
    m_session->setAnswerFirstSender(m_ui->chatAnswerFirst->isChecked());
    m_session->setDisplayName(m_ui->chatName->text());
    m_session->setSendName(m_ui->chatSendName->isChecked());
}

void ChatPanel::saveSettings() const
{
    m_settings.save();
}

QRect ChatPanel::bubbleTextRect(int row) const
{
    const QModelIndex index = m_model->index(row, 0);
    return m_delegate->geometry(m_ui->chatView->font(), index, m_ui->chatView->visualRect(index)).text;
}

} // namespace NetPoke
