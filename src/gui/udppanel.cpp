#include "udppanel.h"

#include "addresses.h"
#include "erroradvice.h"
#include "errorlabel.h"
#include "hostport.h"
#include "net/endpointinput.h"
#include "packetlogmodel.h"
#include "textcodec.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkInterface>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QVBoxLayout>

namespace NetPoke {

namespace {
constexpr int MaxHistory = 20;

QString humanBytes(double bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}


QString csvField(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}
} // namespace

UdpPanel::UdpPanel(QWidget *parent)
    : Panel(parent)
    , m_endpoint(new UdpEndpoint(this))
    , m_model(new PacketLogModel(this))
{
    buildUi();

    connect(m_endpoint, &UdpEndpoint::datagramsReceived, this, &UdpPanel::onDatagramsReceived);
    connect(m_endpoint, &UdpEndpoint::datagramSent, this, [this](const Datagram &d) {
        m_model->appendDatagram(d, PacketLogModel::Sent);
    });
    connect(m_endpoint, &UdpEndpoint::errorOccurred, this, &UdpPanel::onEndpointError);
    connect(m_endpoint, &UdpEndpoint::boundChanged, this, &UdpPanel::updateBoundState);
    connect(m_model, &PacketLogModel::rowsCommitted, this, [this] {
        if (m_autoScroll->isChecked())
            m_view->scrollToBottom();
    });

    m_periodicTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_periodicTimer, &QTimer::timeout, this, &UdpPanel::onPeriodicTimeout);
    m_counterTimer.setInterval(500);
    connect(&m_counterTimer, &QTimer::timeout, this, &UdpPanel::updateCounters);
    m_counterTimer.start();
    m_rateClock.start();

    loadSettings();
    updateBoundState();
    updateCounters();
}

UdpPanel::~UdpPanel() = default;

void UdpPanel::buildUi()
{
    // --- Local ---
    auto *localBox = new QGroupBox(tr("Local"), this);
    m_localAddress = new QComboBox(localBox);
    m_localAddress->setEditable(true);
    m_localAddress->setInsertPolicy(QComboBox::NoInsert);
    for (const LocalAddressChoice &c : localAddressChoices())
        m_localAddress->addItem(c.label, c.address.toString());
    m_localAddress->setToolTip(tr("The address to receive on. 0.0.0.0 receives on every IPv4 address of this machine."));
    m_localPort = new QSpinBox(localBox);
    m_localPort->setRange(0, 65535);
    m_localPort->setValue(7788);
    m_localPort->setToolTip(tr("0 lets the system choose a free port."));
    m_shareAddress = new QCheckBox(tr("Share address"), localBox);
    m_shareAddress->setToolTip(tr("Allow other programs to bind the same port (needed for multicast)."));
    m_openButton = new QPushButton(tr("Open"), localBox);
    m_openButton->setObjectName(QStringLiteral("openButton"));
    m_localStatus = new QLabel(localBox);
    m_localStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_localError = makeErrorLabel(localBox, "localError");
    auto *localForm = new QFormLayout(localBox);
    localForm->addRow(tr("Address"), m_localAddress);
    localForm->addRow(tr("Port"), m_localPort);
    auto *openRow = new QHBoxLayout;
    openRow->addWidget(m_shareAddress);
    openRow->addStretch();
    openRow->addWidget(m_openButton);
    localForm->addRow(openRow);
    localForm->addRow(m_localStatus);
    localForm->addRow(m_localError);
    connect(m_openButton, &QPushButton::clicked, this, &UdpPanel::toggleOpen);

    // --- Remote ---
    auto *remoteBox = new QGroupBox(tr("Remote"), this);
    m_remoteHost = new QLineEdit(QStringLiteral("127.0.0.1"), remoteBox);
    m_remoteHost->setObjectName(QStringLiteral("remoteHost"));
    m_remoteHost->setPlaceholderText(tr("IPv4, IPv6 or host name"));
    m_remotePort = new QSpinBox(remoteBox);
    m_remotePort->setObjectName(QStringLiteral("remotePort"));
    m_remotePort->setRange(1, 65535);
    m_remotePort->setValue(8080);
    m_replyToSender = new QCheckBox(tr("Reply to last sender"), remoteBox);
    m_broadcast = new QCheckBox(tr("Broadcast"), remoteBox);
    m_broadcast->setToolTip(tr("Allow sending to broadcast addresses such as 255.255.255.255 (SO_BROADCAST)."));
    m_multicastGroup = new QLineEdit(remoteBox);
    m_multicastGroup->setPlaceholderText(tr("e.g. 239.255.43.21 or ff12::4321"));
    m_multicastInterface = new QComboBox(remoteBox);
    m_multicastInterface->addItem(tr("Default interface"), QString());
    for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces()) {
        if (iface.flags() & QNetworkInterface::CanMulticast || iface.flags() & QNetworkInterface::IsLoopBack)
            m_multicastInterface->addItem(iface.humanReadableName(), iface.name());
    }
    m_multicastTtl = new QSpinBox(remoteBox);
    m_multicastTtl->setRange(0, 255);
    m_multicastTtl->setValue(1);
    m_multicastTtl->setPrefix(tr("TTL "));
    m_joinButton = new QPushButton(tr("Join"), remoteBox);
    m_remoteError = makeErrorLabel(remoteBox, "remoteError");
    auto *remoteForm = new QFormLayout(remoteBox);
    remoteForm->addRow(tr("Host"), m_remoteHost);
    remoteForm->addRow(tr("Port"), m_remotePort);
    auto *flags = new QHBoxLayout;
    flags->addWidget(m_replyToSender);
    flags->addWidget(m_broadcast);
    flags->addStretch();
    remoteForm->addRow(flags);
    remoteForm->addRow(tr("Multicast"), m_multicastGroup);
    auto *mcRow = new QHBoxLayout;
    mcRow->addWidget(m_multicastInterface, 1);
    mcRow->addWidget(m_multicastTtl);
    mcRow->addWidget(m_joinButton);
    remoteForm->addRow(QString(), mcRow);
    remoteForm->addRow(m_remoteError);
    connect(m_broadcast, &QCheckBox::toggled, m_endpoint, &UdpEndpoint::setBroadcastEnabled);
    connect(m_joinButton, &QPushButton::clicked, this, &UdpPanel::toggleMulticast);
    connect(m_multicastTtl, &QSpinBox::valueChanged, m_endpoint, &UdpEndpoint::setMulticastTtl);
    connect(m_multicastInterface, &QComboBox::currentIndexChanged, this, [this] {
        const QString name = m_multicastInterface->currentData().toString();
        if (!name.isEmpty())
            m_endpoint->setMulticastInterface(QNetworkInterface::interfaceFromName(name));
    });

    // --- Send ---
    auto *sendBox = new QGroupBox(tr("Send"), this);
    m_sendMode = new QComboBox(sendBox);
    m_sendMode->setObjectName(QStringLiteral("sendMode"));
    m_sendMode->addItem(tr("Text"));
    m_sendMode->addItem(tr("Hex"));
    m_encoding = new QComboBox(sendBox);
    m_encoding->setObjectName(QStringLiteral("encoding"));
    m_encoding->addItems(TextCodec::encodings());
    m_encoding->setToolTip(tr("Used for the text you send and for showing what is received. "
                              "Chinese classroom scripts usually use GB2312."));
    m_escapes = new QCheckBox(tr("Escapes"), sendBox);
    m_escapes->setToolTip(tr("Understand \\r \\n \\t \\\\ \\0 and \\xHH in the text."));
    m_lineEnding = new QComboBox(sendBox);
    m_lineEnding->addItem(tr("No line end"), QByteArray());
    m_lineEnding->addItem(tr("LF"), QByteArray("\n"));
    m_lineEnding->addItem(tr("CR LF"), QByteArray("\r\n"));
    m_editor = new QPlainTextEdit(sendBox);
    m_editor->setObjectName(QStringLiteral("editor"));
    m_editor->setPlaceholderText(tr("Text to send (Ctrl+Enter sends)"));
    m_editor->setTabChangesFocus(true);
    m_history = new QComboBox(sendBox);
    m_history->setPlaceholderText(tr("Recent sends…"));
    m_sendButton = new QPushButton(tr("Send"), sendBox);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setDefault(true);
    m_sendButton->setToolTip(tr("Send (Ctrl+Enter)"));
    auto *fileButton = new QPushButton(tr("Send file…"), sendBox);
    m_periodic = new QCheckBox(tr("Every"), sendBox);
    m_periodMs = new QSpinBox(sendBox);
    m_periodMs->setRange(1, 3600000);
    m_periodMs->setValue(1000);
    m_periodMs->setSuffix(tr(" ms"));
    m_periodRate = new QLabel(sendBox);
    m_sendError = makeErrorLabel(sendBox, "sendError");
    auto *sendLayout = new QVBoxLayout(sendBox);
    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(m_sendMode);
    modeRow->addWidget(m_encoding);
    modeRow->addWidget(m_escapes);
    modeRow->addWidget(m_lineEnding);
    modeRow->addStretch();
    sendLayout->addLayout(modeRow);
    sendLayout->addWidget(m_editor, 1);
    sendLayout->addWidget(m_history);
    auto *periodicRow = new QHBoxLayout;
    periodicRow->addWidget(m_periodic);
    periodicRow->addWidget(m_periodMs);
    periodicRow->addWidget(m_periodRate, 1);
    sendLayout->addLayout(periodicRow);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(fileButton);
    buttonRow->addStretch();
    buttonRow->addWidget(m_sendButton);
    sendLayout->addLayout(buttonRow);
    sendLayout->addWidget(m_sendError);
    connect(m_sendButton, &QPushButton::clicked, this, &UdpPanel::sendNow);
    connect(fileButton, &QPushButton::clicked, this, &UdpPanel::sendFile);
    connect(m_periodic, &QCheckBox::toggled, this, &UdpPanel::onPeriodicToggled);
    connect(m_periodMs, &QSpinBox::valueChanged, this, [this](int ms) { m_periodicTimer.setInterval(ms); });
    connect(m_encoding, &QComboBox::currentTextChanged, this, &UdpPanel::onEncodingChanged);
    connect(m_sendMode, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_escapes->setEnabled(i == 0);
        m_lineEnding->setEnabled(i == 0);
        m_editor->setPlaceholderText(i == 0 ? tr("Text to send (Ctrl+Enter sends)")
                                            : tr("Hex bytes, e.g. C4 E3 BA C3 or 0x01,0x02 (Ctrl+Enter sends)"));
    });
    connect(m_history, &QComboBox::activated, this, [this](int i) {
        m_editor->setPlainText(m_history->itemText(i));
    });
    for (const auto key : {Qt::Key_Return, Qt::Key_Enter}) {
        auto *sc = new QShortcut(QKeySequence(Qt::CTRL | key), this);
        sc->setContext(Qt::WidgetWithChildrenShortcut);
        connect(sc, &QShortcut::activated, this, &UdpPanel::sendNow);
    }
    // Clear a stale error as soon as the user edits.
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] { showError(m_sendError, QString()); });

    // --- Log ---
    auto *logWidget = new QWidget(this);
    m_contentMode = new QComboBox(logWidget);
    m_contentMode->addItem(tr("Text"), int(PacketLogModel::TextContent));
    m_contentMode->addItem(tr("Hex"), int(PacketLogModel::HexContent));
    m_contentMode->addItem(tr("Text + Hex"), int(PacketLogModel::TextAndHexContent));
    m_pause = new QCheckBox(tr("Pause"), logWidget);
    m_autoScroll = new QCheckBox(tr("Auto-scroll"), logWidget);
    m_autoScroll->setChecked(true);
    auto *clearButton = new QPushButton(tr("Clear"), logWidget);
    auto *saveButton = new QPushButton(tr("Save…"), logWidget);
    m_view = new QTableView(logWidget);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    // Fixed row heights keep a 100,000-row view cheap.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(PacketLogModel::TimeColumn, m_view->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000 ")) + 12);
    m_view->setColumnWidth(PacketLogModel::DirectionColumn, m_view->fontMetrics().horizontalAdvance(QStringLiteral("RX ")) + 16);
    m_view->setColumnWidth(PacketLogModel::PeerColumn, m_view->fontMetrics().horizontalAdvance(QStringLiteral("255.255.255.255:65535")) + 12);
    m_view->setColumnWidth(PacketLogModel::LengthColumn, m_view->fontMetrics().horizontalAdvance(QStringLiteral("65535 ")) + 12);
    m_rxCounter = new QLabel(logWidget);
    m_rxCounter->setObjectName(QStringLiteral("rxCounter"));
    m_txCounter = new QLabel(logWidget);
    m_txCounter->setObjectName(QStringLiteral("txCounter"));
    auto *resetButton = new QPushButton(tr("Reset counters"), logWidget);
    auto *logLayout = new QVBoxLayout(logWidget);
    logLayout->setContentsMargins(0, 0, 0, 0);
    auto *logBar = new QHBoxLayout;
    logBar->addWidget(new QLabel(tr("Show"), logWidget));
    logBar->addWidget(m_contentMode);
    logBar->addWidget(m_pause);
    logBar->addWidget(m_autoScroll);
    logBar->addStretch();
    logBar->addWidget(clearButton);
    logBar->addWidget(saveButton);
    logLayout->addLayout(logBar);
    logLayout->addWidget(m_view, 1);
    auto *counterBar = new QHBoxLayout;
    counterBar->addWidget(m_rxCounter);
    counterBar->addSpacing(24);
    counterBar->addWidget(m_txCounter);
    counterBar->addStretch();
    counterBar->addWidget(resetButton);
    logLayout->addLayout(counterBar);
    connect(m_contentMode, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setContentMode(PacketLogModel::ContentMode(m_contentMode->currentData().toInt()));
    });
    connect(m_pause, &QCheckBox::toggled, m_model, &PacketLogModel::setPaused);
    connect(clearButton, &QPushButton::clicked, m_model, &PacketLogModel::clear);
    connect(saveButton, &QPushButton::clicked, this, &UdpPanel::saveLogInteractive);
    connect(resetButton, &QPushButton::clicked, this, [this] {
        m_endpoint->resetCounters();
        m_lastCounters = UdpCounters();
        m_rateClock.restart();
        updateCounters();
    });

    // --- Assemble: controls on the left (scrollable on small screens), the log on the right ---
    auto *controls = new QWidget(this);
    auto *controlsLayout = new QVBoxLayout(controls);
    controlsLayout->setContentsMargins(0, 0, 0, 0);
    controlsLayout->addWidget(localBox);
    controlsLayout->addWidget(remoteBox);
    controlsLayout->addWidget(sendBox, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(controls);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(380);
    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("udpSplitter"));
    splitter->addWidget(scroll);
    splitter->addWidget(logWidget);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(splitter);

    // Names for tests and style sheets.
    const std::pair<QWidget *, const char *> names[] = {
        {m_localAddress, "localAddress"}, {m_localPort, "localPort"}, {m_shareAddress, "shareAddress"},
        {m_replyToSender, "replyToSender"}, {m_broadcast, "broadcast"}, {m_multicastGroup, "multicastGroup"},
        {m_joinButton, "joinButton"}, {m_escapes, "escapes"},
        {m_lineEnding, "lineEnding"}, {m_periodic, "periodic"}, {m_periodMs, "periodMs"},
        {m_periodRate, "periodRate"}, {m_contentMode, "contentMode"}, {m_pause, "pause"},
        {m_localStatus, "localStatus"}, {m_history, "history"},
    };
    for (const auto &[w, name] : names)
        w->setObjectName(QLatin1String(name));
}

QHostAddress UdpPanel::selectedLocalAddress(bool *ok)
{
    const int i = m_localAddress->currentIndex();
    QString text = m_localAddress->currentText().trimmed();
    if (i >= 0 && m_localAddress->itemText(i) == text) {
        *ok = true;
        return QHostAddress(m_localAddress->itemData(i).toString());
    }
    // Typed by hand: accept "addr" or "addr (anything)".
    const qsizetype paren = text.indexOf(QLatin1Char(' '));
    if (paren > 0)
        text = text.left(paren);
    const QHostAddress a = Net::parseAddress(text);
    *ok = !a.isNull();
    return a;
}

bool UdpPanel::openLocal(const QHostAddress &address, quint16 port)
{
    showError(m_localError, QString());
    m_errorContext = m_localError;
    const bool ok = m_endpoint->bind(address, port, m_shareAddress->isChecked());
    m_errorContext = nullptr;
    if (ok)
        m_endpoint->setBroadcastEnabled(m_broadcast->isChecked());
    updateBoundState();
    return ok;
}

void UdpPanel::closeLocal()
{
    if (!m_joinedGroup.isNull())
        toggleMulticast();
    m_periodic->setChecked(false);
    m_endpoint->close();
    updateBoundState();
}

void UdpPanel::toggleOpen()
{
    if (m_endpoint->isBound()) {
        closeLocal();
        return;
    }
    bool ok = false;
    const QHostAddress address = selectedLocalAddress(&ok);
    if (!ok) {
        showError(m_localError, tr("\"%1\" is not an IP address. Choose one from the list.")
                                    .arg(m_localAddress->currentText()));
        return;
    }
    openLocal(address, quint16(m_localPort->value()));
}

void UdpPanel::updateBoundState()
{
    const bool bound = m_endpoint->isBound();
    m_openButton->setText(bound ? tr("Close") : tr("Open"));
    m_localAddress->setEnabled(!bound);
    m_localPort->setEnabled(!bound);
    m_shareAddress->setEnabled(!bound);
    if (bound) {
        m_localStatus->setText(tr("Open on %1").arg(displayEndpoint(m_endpoint->localAddress(), m_endpoint->localPort())));
        m_localStatus->setStyleSheet(QStringLiteral("color: #1a7f37; font-weight: bold;"));
    } else {
        m_localStatus->setText(tr("Closed. Sending opens a port chosen by the system."));
        m_localStatus->setStyleSheet(QString());
        m_joinedGroup = QHostAddress();
        m_joinButton->setText(tr("Join"));
    }
}

void UdpPanel::onEndpointError(UdpEndpoint::Error)
{
    showError(m_errorContext ? m_errorContext : m_sendError, errorWithAdvice(*m_endpoint));
}

void UdpPanel::onDatagramsReceived(const QList<Datagram> &datagrams)
{
    m_model->appendDatagrams(datagrams, PacketLogModel::Received);
    const Datagram &last = datagrams.constLast();
    m_lastSender = last.peer;
    m_lastSenderPort = last.peerPort;
}

void UdpPanel::updateCounters()
{
    const UdpCounters c = m_endpoint->counters();
    const double secs = qMax<qint64>(1, m_rateClock.restart()) / 1000.0;
    const double rxPps = (c.rxPackets - qMin(c.rxPackets, m_lastCounters.rxPackets)) / secs;
    const double rxBps = (c.rxBytes - qMin(c.rxBytes, m_lastCounters.rxBytes)) / secs;
    const double txPps = (c.txPackets - qMin(c.txPackets, m_lastCounters.txPackets)) / secs;
    const double txBps = (c.txBytes - qMin(c.txBytes, m_lastCounters.txBytes)) / secs;
    m_lastCounters = c;
    const QLocale loc;
    m_rxCounter->setText(tr("RX %1 packets, %2 (%3/s, %4/s)")
                             .arg(loc.toString(c.rxPackets), humanBytes(double(c.rxBytes)),
                                  loc.toString(qRound64(rxPps)), humanBytes(rxBps)));
    m_txCounter->setText(tr("TX %1 packets, %2 (%3/s, %4/s)")
                             .arg(loc.toString(c.txPackets), humanBytes(double(c.txBytes)),
                                  loc.toString(qRound64(txPps)), humanBytes(txBps)));
    if (m_periodicTimer.isActive()) {
        const double rate = (m_periodicSent - m_periodicSentAtLastRate) / secs;
        m_periodRate->setText(tr("%1 sends/s").arg(loc.toString(rate, 'f', rate < 10 ? 1 : 0)));
    }
    m_periodicSentAtLastRate = m_periodicSent;
}

bool UdpPanel::buildPayload(QByteArray *out)
{
    const QString text = m_editor->toPlainText();
    TextCodec::Result r;
    if (m_sendMode->currentIndex() == 1) {
        r = TextCodec::parseHex(text);
    } else {
        r = m_escapes->isChecked() ? TextCodec::encodeEscaped(text, m_encoding->currentText())
                                   : TextCodec::encode(text, m_encoding->currentText());
        if (r.ok)
            r.bytes += m_lineEnding->currentData().toByteArray();
    }
    if (!r.ok) {
        showError(m_sendError, r.errorString + QLatin1Char(' ') + tr("Nothing was sent."));
        if (r.errorPosition >= 0) {
            QTextCursor cursor = m_editor->textCursor();
            cursor.setPosition(qMin(r.errorPosition, int(text.size())));
            cursor.setPosition(qMin(r.errorPosition + 1, int(text.size())), QTextCursor::KeepAnchor);
            const QSignalBlocker block(m_editor);
            m_editor->setTextCursor(cursor);
        }
        return false;
    }
    *out = r.bytes;
    return true;
}

bool UdpPanel::sendBytes(const QByteArray &bytes)
{
    m_errorContext = m_sendError;
    bool ok = false;
    if (m_replyToSender->isChecked()) {
        if (m_lastSender.isNull()) {
            showError(m_sendError, tr("Nobody has sent anything yet: there is no last sender to reply to."));
            m_errorContext = nullptr;
            return false;
        }
        ok = m_endpoint->send(bytes, m_lastSender, m_lastSenderPort);
    } else {
        const QString host = m_remoteHost->text().trimmed();
        if (host.isEmpty()) {
            showError(m_sendError, tr("Enter the address of the host to send to."));
            m_remoteHost->setFocus();
            m_errorContext = nullptr;
            return false;
        }
        ok = m_endpoint->send(bytes, host, quint16(m_remotePort->value()));
    }
    // Keep the context for an asynchronous failure (host name lookup).
    return ok;
}

bool UdpPanel::sendNow()
{
    showError(m_sendError, QString());
    QByteArray bytes;
    if (!buildPayload(&bytes))
        return false;
    if (!sendBytes(bytes))
        return false;
    addToHistory(m_editor->toPlainText());
    return true;
}

void UdpPanel::addToHistory(const QString &text)
{
    if (text.isEmpty())
        return;
    const int existing = m_history->findText(text);
    if (existing >= 0)
        m_history->removeItem(existing);
    m_history->insertItem(0, text);
    while (m_history->count() > MaxHistory)
        m_history->removeItem(m_history->count() - 1);
    m_history->setCurrentIndex(-1);
}

void UdpPanel::onPeriodicToggled(bool on)
{
    if (!on) {
        m_periodicTimer.stop();
        m_periodRate->clear();
        return;
    }
    showError(m_sendError, QString());
    if (!buildPayload(&m_periodicPayload)) {
        const QSignalBlocker block(m_periodic);
        m_periodic->setChecked(false);
        return;
    }
    m_periodicSent = 0;
    m_periodicSentAtLastRate = 0;
    m_periodicTimer.start(m_periodMs->value());
    onPeriodicTimeout();
}

void UdpPanel::onPeriodicTimeout()
{
    if (!sendBytes(m_periodicPayload)) {
        m_periodic->setChecked(false);
        return;
    }
    ++m_periodicSent;
}

void UdpPanel::sendFile()
{
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Send a file as one datagram"));
    if (fileName.isEmpty())
        return;
    QFile file(fileName);
    if (file.size() > UdpEndpoint::MaxIPv6Payload) {
        showError(m_sendError, tr("%1 is %2 bytes: one UDP datagram holds at most %3 bytes (IPv4) or %4 bytes "
                                  "(IPv6). Nothing was sent.")
                                   .arg(QFileInfo(fileName).fileName())
                                   .arg(file.size())
                                   .arg(UdpEndpoint::MaxIPv4Payload)
                                   .arg(UdpEndpoint::MaxIPv6Payload));
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        showError(m_sendError, tr("Cannot read %1: %2").arg(fileName, file.errorString()));
        return;
    }
    showError(m_sendError, QString());
    sendBytes(file.readAll());
}

void UdpPanel::toggleMulticast()
{
    showError(m_remoteError, QString());
    const QString name = m_multicastInterface->currentData().toString();
    const QNetworkInterface iface = name.isEmpty() ? QNetworkInterface() : QNetworkInterface::interfaceFromName(name);
    if (!m_joinedGroup.isNull()) {
        m_errorContext = m_remoteError;
        m_endpoint->leaveMulticastGroup(m_joinedGroup, iface);
        m_errorContext = nullptr;
        m_joinedGroup = QHostAddress();
        m_joinButton->setText(tr("Join"));
        return;
    }
    const QHostAddress group = Net::parseAddress(m_multicastGroup->text());
    if (!group.isMulticast()) {
        showError(m_remoteError, tr("\"%1\" is not a multicast group: use 224.0.0.0-239.255.255.255 or an IPv6 "
                                    "address starting with ff.")
                                     .arg(m_multicastGroup->text().trimmed()));
        return;
    }
    if (!m_endpoint->isBound()) {
        // Receiving a group needs the group's port and a shared, any-address socket of its family.
        m_shareAddress->setChecked(true);
        const QHostAddress any = group.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress::AnyIPv6
                                                                                   : QHostAddress::AnyIPv4;
        if (!openLocal(any, quint16(m_localPort->value())))
            return;
    }
    if (iface.isValid())
        m_endpoint->setMulticastInterface(iface);
    m_endpoint->setMulticastTtl(m_multicastTtl->value());
    m_errorContext = m_remoteError;
    const bool ok = m_endpoint->joinMulticastGroup(group, iface);
    m_errorContext = nullptr;
    if (ok) {
        m_joinedGroup = group;
        m_joinButton->setText(tr("Leave"));
    }
}

void UdpPanel::onEncodingChanged()
{
    m_model->setEncoding(m_encoding->currentText());
}

void UdpPanel::saveLogInteractive()
{
    QString selected;
    const QString fileName = QFileDialog::getSaveFileName(
        this, tr("Save log"), QStringLiteral("udp-log.txt"), tr("Text (*.txt);;CSV (*.csv)"), &selected);
    if (fileName.isEmpty())
        return;
    QString error;
    if (!saveLog(fileName, &error))
        QMessageBox::warning(this, tr("Save log"), error);
}

bool UdpPanel::saveLog(const QString &fileName, QString *error) const
{
    m_model->commitPending();
    const bool csv = fileName.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    QByteArray out;
    if (csv)
        out += "time,direction,peer,length,text,hex\r\n";
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QByteArray raw = m_model->rawBytes(row);
        const QString text = TextCodec::decode(raw, m_model->encoding());
        QString line;
        if (csv) {
            line = m_model->timeText(row) + QLatin1Char(',') + m_model->directionText(row) + QLatin1Char(',')
                 + csvField(m_model->peerText(row)) + QLatin1Char(',') + QString::number(raw.size())
                 + QLatin1Char(',') + csvField(text) + QLatin1Char(',') + TextCodec::toHex(raw, 0)
                 + QStringLiteral("\r\n");
        } else {
            line = m_model->timeText(row) + QLatin1Char(' ') + m_model->directionText(row) + QLatin1Char(' ')
                 + m_model->peerText(row) + QLatin1Char(' ') + QString::number(raw.size()) + QLatin1Char(' ')
                 + m_model->contentText(row).replace(QLatin1Char('\n'), QStringLiteral("\\n"))
                       .replace(QLatin1Char('\r'), QStringLiteral("\\r"))
                 + QLatin1Char('\n');
        }
        out += line.toUtf8();
        if (out.size() > (1 << 20)) {
            file.write(out);
            out.clear();
        }
    }
    file.write(out);
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

QString UdpPanel::title() const
{
    return tr("UDP");
}

void UdpPanel::loadSettings()
{
    QSettings s;
    s.beginGroup(QStringLiteral("udp"));
    const QString addr = s.value(QStringLiteral("localAddress")).toString();
    if (!addr.isEmpty()) {
        const int i = m_localAddress->findData(addr);
        if (i >= 0)
            m_localAddress->setCurrentIndex(i);
        else
            m_localAddress->setEditText(addr);
    }
    m_localPort->setValue(s.value(QStringLiteral("localPort"), m_localPort->value()).toInt());
    m_shareAddress->setChecked(s.value(QStringLiteral("shareAddress"), false).toBool());
    m_remoteHost->setText(s.value(QStringLiteral("remoteHost"), m_remoteHost->text()).toString());
    m_remotePort->setValue(s.value(QStringLiteral("remotePort"), m_remotePort->value()).toInt());
    m_replyToSender->setChecked(s.value(QStringLiteral("replyToSender"), false).toBool());
    m_broadcast->setChecked(s.value(QStringLiteral("broadcast"), false).toBool());
    m_multicastGroup->setText(s.value(QStringLiteral("multicastGroup")).toString());
    m_multicastTtl->setValue(s.value(QStringLiteral("multicastTtl"), 1).toInt());
    const int ifaceIndex = m_multicastInterface->findData(s.value(QStringLiteral("multicastInterface")).toString());
    if (ifaceIndex >= 0)
        m_multicastInterface->setCurrentIndex(ifaceIndex);
    m_sendMode->setCurrentIndex(s.value(QStringLiteral("sendMode"), 0).toInt() == 1 ? 1 : 0);
    const int enc = m_encoding->findText(TextCodec::canonicalName(s.value(QStringLiteral("encoding"), QStringLiteral("UTF-8")).toString()));
    m_encoding->setCurrentIndex(enc >= 0 ? enc : 0);
    m_escapes->setChecked(s.value(QStringLiteral("escapes"), false).toBool());
    m_lineEnding->setCurrentIndex(qBound(0, s.value(QStringLiteral("lineEnding"), 0).toInt(), 2));
    m_editor->setPlainText(s.value(QStringLiteral("editor")).toString());
    m_history->clear();
    m_history->addItems(s.value(QStringLiteral("history")).toStringList().mid(0, MaxHistory));
    m_history->setCurrentIndex(-1);
    m_periodMs->setValue(s.value(QStringLiteral("periodMs"), 1000).toInt());
    m_contentMode->setCurrentIndex(qBound(0, s.value(QStringLiteral("contentMode"), 0).toInt(), 2));
    m_autoScroll->setChecked(s.value(QStringLiteral("autoScroll"), true).toBool());
    m_model->setRowCap(qMax(1, s.value(QStringLiteral("rowCap"), PacketLogModel::DefaultRowCap).toInt()));
    // A deep socket buffer rides out the moments the window spends painting during a flood.
    m_endpoint->setReceiveBufferSize(s.value(QStringLiteral("receiveBufferBytes"), 8 << 20).toInt());
    const QByteArray split = s.value(QStringLiteral("splitter")).toByteArray();
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("udpSplitter")); splitter && !split.isEmpty())
        splitter->restoreState(split);
    s.endGroup();
    onEncodingChanged();
}

void UdpPanel::saveSettings() const
{
    QSettings s;
    s.beginGroup(QStringLiteral("udp"));
    const int i = m_localAddress->currentIndex();
    s.setValue(QStringLiteral("localAddress"), i >= 0 && m_localAddress->itemText(i) == m_localAddress->currentText()
                                                   ? m_localAddress->itemData(i).toString()
                                                   : m_localAddress->currentText());
    s.setValue(QStringLiteral("localPort"), m_localPort->value());
    s.setValue(QStringLiteral("shareAddress"), m_shareAddress->isChecked());
    s.setValue(QStringLiteral("remoteHost"), m_remoteHost->text());
    s.setValue(QStringLiteral("remotePort"), m_remotePort->value());
    s.setValue(QStringLiteral("replyToSender"), m_replyToSender->isChecked());
    s.setValue(QStringLiteral("broadcast"), m_broadcast->isChecked());
    s.setValue(QStringLiteral("multicastGroup"), m_multicastGroup->text());
    s.setValue(QStringLiteral("multicastTtl"), m_multicastTtl->value());
    s.setValue(QStringLiteral("multicastInterface"), m_multicastInterface->currentData().toString());
    s.setValue(QStringLiteral("sendMode"), m_sendMode->currentIndex());
    s.setValue(QStringLiteral("encoding"), m_encoding->currentText());
    s.setValue(QStringLiteral("escapes"), m_escapes->isChecked());
    s.setValue(QStringLiteral("lineEnding"), m_lineEnding->currentIndex());
    s.setValue(QStringLiteral("editor"), m_editor->toPlainText());
    QStringList history;
    for (int k = 0; k < m_history->count(); ++k)
        history << m_history->itemText(k);
    s.setValue(QStringLiteral("history"), history);
    s.setValue(QStringLiteral("periodMs"), m_periodMs->value());
    s.setValue(QStringLiteral("contentMode"), m_contentMode->currentIndex());
    s.setValue(QStringLiteral("autoScroll"), m_autoScroll->isChecked());
    s.setValue(QStringLiteral("rowCap"), m_model->rowCap());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("udpSplitter")))
        s.setValue(QStringLiteral("splitter"), splitter->saveState());
    s.endGroup();
}

} // namespace NetPoke
