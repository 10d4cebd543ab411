#include "chatpanel.h"

#include "chatsession.h"
#include "erroradvice.h"
#include "errorlabel.h"
#include "hostport.h"
#include "net/endpointinput.h"
#include "textcodec.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace NetPoke {

namespace {

constexpr int Pad = 8;      // inside a bubble
constexpr int Gap = 6;      // between rows
constexpr int Side = 10;    // bubble to the view's edge

// Paints messages as bubbles: mine on the right, theirs on the left, system lines centred.
class BubbleDelegate final : public QStyledItemDelegate
{
public:
    explicit BubbleDelegate(QListView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {
    }

    int bubbleTextWidth() const { return qMax(120, int(m_view->viewport()->width() * 0.7) - 2 * Pad); }

    QFont metaFont(const QFont &base) const
    {
        QFont f = base;
        f.setPointSizeF(base.pointSizeF() * 0.8);
        return f;
    }

    QRect textRect(const QStyleOptionViewItem &option, const QString &text) const
    {
        const QFontMetrics fm(option.font);
        return fm.boundingRect(QRect(0, 0, bubbleTextWidth(), 1 << 20), Qt::TextWordWrap | Qt::TextWrapAnywhere, text);
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const int kind = index.data(ChatPanel::KindRole).toInt();
        const QString text = index.data(Qt::DisplayRole).toString();
        const int width = m_view->viewport()->width();
        if (kind == ChatPanel::System) {
            const QFontMetrics fm(metaFont(option.font));
            const QRect r = fm.boundingRect(QRect(0, 0, width - 2 * Side, 1 << 20), Qt::TextWordWrap | Qt::AlignHCenter, text);
            return {width, r.height() + 2 * Gap};
        }
        const QFontMetrics meta(metaFont(option.font));
        return {width, meta.height() + 2 + textRect(option, text).height() + 2 * Pad + Gap};
    }

    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const int kind = index.data(ChatPanel::KindRole).toInt();
        const QString text = index.data(Qt::DisplayRole).toString();
        const QRect area = option.rect;
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        const QFont mf = metaFont(option.font);
        if (kind == ChatPanel::System) {
            p->setFont(mf);
            p->setPen(QColor(0x6e, 0x77, 0x81));
            p->drawText(area.adjusted(Side, Gap, -Side, -Gap), Qt::TextWordWrap | Qt::AlignHCenter | Qt::AlignVCenter, text);
            p->restore();
            return;
        }
        const bool mine = kind == ChatPanel::Mine;
        const QRect tr = textRect(option, text);
        const int bubbleW = tr.width() + 2 * Pad;
        const int bubbleH = tr.height() + 2 * Pad;
        const QFontMetrics meta(mf);
        const int x = mine ? area.right() - Side - bubbleW : area.left() + Side;
        const QRect metaRect(area.left() + Side, area.top(), area.width() - 2 * Side, meta.height());
        p->setFont(mf);
        p->setPen(kind == ChatPanel::Stranger ? QColor(0xbc, 0x4c, 0x00) : QColor(0x6e, 0x77, 0x81));
        p->drawText(metaRect, (mine ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                    index.data(ChatPanel::MetaRole).toString());
        const QRect bubble(x, area.top() + meta.height() + 2, bubbleW, bubbleH);
        QColor fill = mine ? QColor(0x95, 0xec, 0x69) : QColor(0xf2, 0xf3, 0xf5);
        if (kind == ChatPanel::Stranger)
            fill = QColor(0xff, 0xe8, 0xcc);
        QPainterPath path;
        path.addRoundedRect(bubble, 8, 8);
        p->fillPath(path, fill);
        if (option.state & QStyle::State_Selected) {
            p->setPen(QPen(option.palette.highlight(), 2));
            p->drawPath(path);
        }
        p->setFont(option.font);
        p->setPen(QColor(0x1f, 0x23, 0x28));
        p->drawText(bubble.adjusted(Pad, Pad, -Pad, -Pad), Qt::TextWordWrap | Qt::TextWrapAnywhere, text);
        p->restore();
    }

private:
    QListView *m_view;
};


} // namespace

ChatPanel::ChatPanel(QWidget *parent)
    : Panel(parent)
    , m_session(new ChatSession(this))
    , m_model(new QStandardItemModel(this))
{
    buildUi();
    // Settings first, so that restoring them does not fill the conversation with system lines.
    loadSettings();
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
    connect(m_session, &ChatSession::errorOccurred, this, [this] { showError(m_sendError, errorWithAdvice(*m_session)); });
    connect(m_session, &ChatSession::boundChanged, this, &ChatPanel::updateState);
    connect(m_session, &ChatSession::peerChanged, this, [this](const QHostAddress &address, quint16 port) {
        if (m_answerFirst->isChecked() && m_peerHost->text().trimmed().isEmpty()) {
            m_peerHost->setText(displayAddress(address));
            m_peerPort->setText(QString::number(port));
        }
    });
    updateState();
}

ChatPanel::~ChatPanel() = default;

void ChatPanel::buildUi()
{
    // --- Me ---
    auto *meBox = new QGroupBox(tr("Me"), this);
    m_localPort = new QSpinBox(meBox);
    m_localPort->setObjectName(QStringLiteral("chatLocalPort"));
    m_localPort->setRange(0, 65535);
    m_localPort->setValue(4567);
    m_localPort->setToolTip(tr("0 lets the system choose a free port."));
    m_openButton = new QPushButton(tr("Open"), meBox);
    m_openButton->setObjectName(QStringLiteral("chatOpenButton"));
    m_name = new QLineEdit(meBox);
    m_name->setObjectName(QStringLiteral("chatName"));
    m_name->setPlaceholderText(tr("optional"));
    m_sendName = new QCheckBox(tr("Send my name"), meBox);
    m_sendName->setObjectName(QStringLiteral("chatSendName"));
    m_sendName->setToolTip(tr("Put \"NAME: \" before every message. Off: only the text is sent, as a plain UDP script expects."));
    m_localStatus = new QLabel(meBox);
    m_localStatus->setObjectName(QStringLiteral("chatLocalStatus"));
    m_localStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_localError = makeErrorLabel(meBox, "chatLocalError");
    auto *meForm = new QFormLayout(meBox);
    auto *portRow = new QHBoxLayout;
    portRow->addWidget(m_localPort, 1);
    portRow->addWidget(m_openButton);
    meForm->addRow(tr("Port"), portRow);
    meForm->addRow(tr("Name"), m_name);
    meForm->addRow(m_sendName);
    meForm->addRow(m_localStatus);
    meForm->addRow(m_localError);
    connect(m_openButton, &QPushButton::clicked, this, &ChatPanel::toggleOpen);
    connect(m_name, &QLineEdit::textChanged, m_session, &ChatSession::setDisplayName);
    connect(m_sendName, &QCheckBox::toggled, m_session, &ChatSession::setSendName);

    // --- Them ---
    auto *themBox = new QGroupBox(tr("Them"), this);
    m_peerHost = new QLineEdit(themBox);
    m_peerHost->setObjectName(QStringLiteral("chatPeerHost"));
    m_peerHost->setPlaceholderText(tr("IPv4, IPv6 or host name"));
    m_peerPort = new QLineEdit(themBox);
    m_peerPort->setObjectName(QStringLiteral("chatPeerPort"));
    m_peerPort->setPlaceholderText(tr("port"));
    m_peerPort->setMaximumWidth(90);
    m_answerFirst = new QCheckBox(tr("Answer whoever writes first"), themBox);
    m_answerFirst->setObjectName(QStringLiteral("chatAnswerFirst"));
    m_peerError = makeErrorLabel(themBox, "chatPeerError");
    m_encoding = new QComboBox(themBox);
    m_encoding->setObjectName(QStringLiteral("chatEncoding"));
    m_encoding->addItems(TextCodec::encodings());
    m_encoding->setToolTip(tr("Both sides must use the same encoding. Classroom scripts usually use GB2312."));
    auto *themForm = new QFormLayout(themBox);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_peerHost, 1);
    hostRow->addWidget(new QLabel(QStringLiteral(":"), themBox));
    hostRow->addWidget(m_peerPort);
    themForm->addRow(tr("Address"), hostRow);
    themForm->addRow(m_answerFirst);
    themForm->addRow(tr("Encoding"), m_encoding);
    themForm->addRow(m_peerError);
    connect(m_answerFirst, &QCheckBox::toggled, m_session, &ChatSession::setAnswerFirstSender);
    connect(m_encoding, &QComboBox::currentTextChanged, this, [this](const QString &e) {
        if (m_session->encoding() != e)
            m_session->setEncoding(e);
    });
    connect(m_peerHost, &QLineEdit::textEdited, this, [this] { showError(m_peerError, QString()); });
    connect(m_peerPort, &QLineEdit::textEdited, this, [this] { showError(m_peerError, QString()); });

    // --- Room ---
    auto *roomBox = new QGroupBox(tr("Room (a whole class)"), this);
    m_roomGroup = new QLineEdit(QStringLiteral("239.255.43.21"), roomBox);
    m_roomGroup->setObjectName(QStringLiteral("chatRoomGroup"));
    m_roomGroup->setToolTip(tr("A multicast group everyone joins, or the subnet's broadcast address."));
    m_roomPort = new QSpinBox(roomBox);
    m_roomPort->setObjectName(QStringLiteral("chatRoomPort"));
    m_roomPort->setRange(1, 65535);
    m_roomPort->setValue(4321);
    m_roomButton = new QPushButton(tr("Join room"), roomBox);
    m_roomButton->setObjectName(QStringLiteral("chatRoomButton"));
    m_roomError = makeErrorLabel(roomBox, "chatRoomError");
    auto *roomForm = new QFormLayout(roomBox);
    auto *groupRow = new QHBoxLayout;
    groupRow->addWidget(m_roomGroup, 1);
    groupRow->addWidget(new QLabel(QStringLiteral(":"), roomBox));
    groupRow->addWidget(m_roomPort);
    roomForm->addRow(tr("Group"), groupRow);
    roomForm->addRow(m_roomButton);
    roomForm->addRow(m_roomError);
    connect(m_roomButton, &QPushButton::clicked, this, &ChatPanel::toggleRoom);

    auto *clearButton = new QPushButton(tr("Clear"), this);
    auto *saveButton = new QPushButton(tr("Save…"), this);
    connect(clearButton, &QPushButton::clicked, m_model, &QStandardItemModel::clear);
    connect(saveButton, &QPushButton::clicked, this, &ChatPanel::saveLogInteractive);

    auto *left = new QVBoxLayout;
    left->addWidget(meBox);
    left->addWidget(themBox);
    left->addWidget(roomBox);
    left->addStretch();
    auto *leftButtons = new QHBoxLayout;
    leftButtons->addWidget(clearButton);
    leftButtons->addWidget(saveButton);
    left->addLayout(leftButtons);
    auto *leftWidget = new QWidget(this);
    leftWidget->setLayout(left);
    leftWidget->setFixedWidth(360);

    // --- Conversation ---
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("chatView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new BubbleDelegate(m_view));
    m_view->setResizeMode(QListView::Adjust);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setStyleSheet(QStringLiteral("QListView { background: #ffffff; }"));
    m_input = new QPlainTextEdit(this);
    m_input->setObjectName(QStringLiteral("chatInput"));
    m_input->setPlaceholderText(tr("Type a message. Enter sends, Shift+Enter starts a new line."));
    m_input->setMaximumHeight(100);
    m_input->installEventFilter(this);
    m_sendButton = new QPushButton(tr("Send"), this);
    m_sendButton->setObjectName(QStringLiteral("chatSendButton"));
    m_sendError = makeErrorLabel(this, "chatSendError");
    connect(m_sendButton, &QPushButton::clicked, this, &ChatPanel::sendNow);
    connect(m_input, &QPlainTextEdit::textChanged, this, [this] { showError(m_sendError, QString()); });

    auto *right = new QVBoxLayout;
    right->addWidget(m_view, 1);
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_sendButton, 0, Qt::AlignBottom);
    right->addLayout(inputRow);
    right->addWidget(m_sendError);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(leftWidget);
    layout->addLayout(right, 1);
}

bool ChatPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
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
    showError(m_localError, QString());
    if (!m_session->bind(QHostAddress::Any, port)) {
        showError(m_localError, errorWithAdvice(*m_session));
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
    openLocal(quint16(m_localPort->value()));
}

void ChatPanel::toggleRoom()
{
    showError(m_roomError, QString());
    if (m_session->inRoom()) {
        m_session->leaveRoom();
        updateState();
        return;
    }
    const QHostAddress group = Net::parseAddress(m_roomGroup->text());
    if (group.isNull()) {
        showError(m_roomError, tr("\"%1\" is not an IP address: use a multicast group such as 239.255.43.21.")
                                   .arg(m_roomGroup->text().trimmed()));
        return;
    }
    if (!m_session->joinRoom(group, quint16(m_roomPort->value())))
        showError(m_roomError, errorWithAdvice(*m_session));
    updateState();
}

void ChatPanel::updateState()
{
    const bool bound = m_session->isBound();
    const bool room = m_session->inRoom();
    m_openButton->setText(bound ? tr("Close") : tr("Open"));
    m_localPort->setEnabled(!bound);
    m_localStatus->setText(bound ? tr("Listening on %1").arg(displayEndpoint(m_session->localAddress(), m_session->localPort()))
                                 : tr("Closed. Sending opens a port chosen by the system."));
    m_localStatus->setStyleSheet(bound ? QStringLiteral("color: #1a7f37; font-weight: bold;") : QString());
    m_roomButton->setText(room ? tr("Leave room") : tr("Join room"));
    m_roomGroup->setEnabled(!room);
    m_roomPort->setEnabled(!room);
    m_peerHost->setEnabled(!room);
    m_peerPort->setEnabled(!room);
    m_answerFirst->setEnabled(!room);
}

void ChatPanel::appendRow(Kind kind, const QString &text, const QString &meta)
{
    auto *item = new QStandardItem(text);
    item->setData(int(kind), KindRole);
    item->setData(meta, MetaRole);
    item->setEditable(false);
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 4;
    m_model->appendRow(item);
    if (m_model->rowCount() > MaxMessages)
        m_model->removeRows(0, m_model->rowCount() - MaxMessages);
    if (atBottom || kind == Mine)
        m_view->scrollToBottom();
}

void ChatPanel::addMessage(const ChatMessage &m)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(m.timestampMs).toString(QStringLiteral("HH:mm:ss"));
    const QString who = displayEndpoint(m.address, m.port);
    Kind kind = m.outgoing ? Mine : (m.fromStranger ? Stranger : Theirs);
    QString meta = m.outgoing ? tr("%1  to %2").arg(time, who) : QStringLiteral("%1  %2").arg(who, time);
    if (kind == Stranger)
        meta = tr("%1  %2  (not your chat partner)").arg(who, time);
    appendRow(kind, m.text, meta);
}

void ChatPanel::addSystemLine(const QString &text)
{
    const QString time = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    appendRow(System, QStringLiteral("%1  %2").arg(time, text), QString());
}

bool ChatPanel::sendNow()
{
    showError(m_sendError, QString());
    showError(m_peerError, QString());
    QString text = m_input->toPlainText();
    if (text.trimmed().isEmpty())
        return false;
    if (!m_session->inRoom()) {
        const QString host = m_peerHost->text().trimmed();
        if (host.isEmpty() && !(m_answerFirst->isChecked() && m_session->hasPeer())) {
            showError(m_peerError, m_answerFirst->isChecked()
                                       ? tr("Nobody has written yet: enter their address, or wait for their first message.")
                                       : tr("Enter the other person's address (e.g. 127.0.0.1) and port."));
            m_peerHost->setFocus();
            return false;
        }
        if (!host.isEmpty()) {
            const Net::EndpointInput peer = Net::EndpointInput::fromParts(host, m_peerPort->text(),
                                                                          Net::EndpointInput::Destination);
            if (!peer.ok()) {
                showError(m_peerError, peer.errorString);
                (peer.problem == Net::EndpointInput::PortProblem ? m_peerPort : m_peerHost)->setFocus();
                return false;
            }
            const quint16 port = peer.port;
            // A host name is looked up asynchronously; the session sends queued text once it resolves.
            // The same name is not looked up again for every message.
            const bool unchanged = host == m_appliedHost && port == m_appliedPort
                                && (m_session->hasPeer() || m_session->isResolvingPeer());
            if (!unchanged) {
                if (!m_session->setPeer(host, port)) {
                    showError(m_peerError, errorWithAdvice(*m_session));
                    return false;
                }
                m_appliedHost = host;
                m_appliedPort = port;
            }
        }
    }
    if (!m_session->sendMessage(text)) {
        showError(m_sendError, errorWithAdvice(*m_session));
        return false;
    }
    m_input->clear();
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
        const QString text = i.data(Qt::DisplayRole).toString();
        const QString line = kind == System ? QStringLiteral("-- %1").arg(text)
                                            : QStringLiteral("[%1] %2").arg(meta, text);
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
    QSettings s;
    s.beginGroup(QStringLiteral("chat"));
    m_localPort->setValue(s.value(QStringLiteral("localPort"), m_localPort->value()).toInt());
    m_name->setText(s.value(QStringLiteral("name")).toString());
    m_sendName->setChecked(s.value(QStringLiteral("sendName"), false).toBool());
    m_peerHost->setText(s.value(QStringLiteral("peerHost"), QStringLiteral("127.0.0.1")).toString());
    m_peerPort->setText(s.value(QStringLiteral("peerPort"), QStringLiteral("4567")).toString());
    m_answerFirst->setChecked(s.value(QStringLiteral("answerFirst"), true).toBool());
    const int enc = m_encoding->findText(TextCodec::canonicalName(s.value(QStringLiteral("encoding"), QStringLiteral("GB2312")).toString()));
    m_encoding->setCurrentIndex(enc >= 0 ? enc : 0);
    m_roomGroup->setText(s.value(QStringLiteral("roomGroup"), m_roomGroup->text()).toString());
    m_roomPort->setValue(s.value(QStringLiteral("roomPort"), m_roomPort->value()).toInt());
    s.endGroup();
    m_session->setEncoding(m_encoding->currentText());
    m_session->setAnswerFirstSender(m_answerFirst->isChecked());
    m_session->setDisplayName(m_name->text());
    m_session->setSendName(m_sendName->isChecked());
}

void ChatPanel::saveSettings() const
{
    QSettings s;
    s.beginGroup(QStringLiteral("chat"));
    s.setValue(QStringLiteral("localPort"), m_localPort->value());
    s.setValue(QStringLiteral("name"), m_name->text());
    s.setValue(QStringLiteral("sendName"), m_sendName->isChecked());
    s.setValue(QStringLiteral("peerHost"), m_peerHost->text());
    s.setValue(QStringLiteral("peerPort"), m_peerPort->text());
    s.setValue(QStringLiteral("answerFirst"), m_answerFirst->isChecked());
    s.setValue(QStringLiteral("encoding"), m_encoding->currentText());
    s.setValue(QStringLiteral("roomGroup"), m_roomGroup->text());
    s.setValue(QStringLiteral("roomPort"), m_roomPort->value());
    s.endGroup();
}

} // namespace NetPoke
