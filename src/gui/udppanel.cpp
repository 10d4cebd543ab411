#include "udppanel.h"
#include "ui_udppanel.h"

#include "addresses.h"
#include "colors.h"
#include "erroradvice.h"
#include "errorlabel.h"
#include "flowlayout.h"
#include "hostport.h"
#include "inspectorwidget.h"
#include "messageedit.h"
#include "net/endpointinput.h"
#include "packetlogfile.h"
#include "packetlogmodel.h"
#include "textcodec.h"
#include "wheelguard.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkInterface>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>

namespace NetPoke {

namespace {
QString humanBytes(double bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

} // namespace

UdpPanel::UdpPanel(QWidget *parent)
    : Panel(parent)
    , m_ui(new Ui::UdpPanel)
    , m_endpoint(new UdpEndpoint(this))
    , m_model(new PacketLogModel(this))
    , m_settings(QStringLiteral("udp"))
{
    m_ui->setupUi(this);
    setupWidgets();
    fillSettingsTable();
    connectWidgets();

    m_periodicTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_periodicTimer, &QTimer::timeout, this, &UdpPanel::onPeriodicTimeout);
    m_counterTimer.setInterval(500);
    connect(&m_counterTimer, &QTimer::timeout, this, &UdpPanel::updateCounters);
    m_counterTimer.start();
    m_rateClock.start();

    loadSettings();
    applyFontMetrics();
    updateBoundState();
    updateCounters();
}

UdpPanel::~UdpPanel()
{
    delete m_ui;
}

// What the form cannot say: item data, lists known only at run time, tones, the wrapping tool rows.
void UdpPanel::setupWidgets()
{
    for (const LocalAddressChoice &c : localAddressChoices()) {
        // QHostAddress::Any reads "0.0.0.0" as text, which would come back as IPv4 only, and "::" as IPv6
        // only: the dual-stack item keeps a word of its own.
        const bool dualStack = c.address == QHostAddress(QHostAddress::Any);
        m_ui->localAddress->addItem(c.label, dualStack ? QString::fromLatin1(DualStackData) : c.address.toString());
    }
    m_ui->multicastInterface->addItem(tr("Default interface"), QString());
    for (const InterfaceChoice &c : multicastInterfaceChoices())
        m_ui->multicastInterface->addItem(c.label, c.name);   // shown with its address, stored by name
    m_ui->encoding->addItems(TextCodec::encodings());
    m_ui->logEncoding->addItem(tr("Same as Send"), QString());
    for (const QString &name : TextCodec::encodings())
        m_ui->logEncoding->addItem(name, name);
    m_ui->lineEnding->setItemData(0, QByteArray());
    m_ui->lineEnding->setItemData(1, QByteArray("\n"));
    m_ui->lineEnding->setItemData(2, QByteArray("\r\n"));

    m_sendError = m_ui->editor->messageLabel();
    m_sendError->setObjectName(QStringLiteral("sendError"));
    setTone(m_ui->localError, Tone::Error);
    setTone(m_ui->remoteError, Tone::Error);
    setTone(m_ui->multicastCaution, Tone::Warning);
    for (QLabel *counter : {m_ui->rxCounter, m_ui->txCounter})
        counter->setWordWrap(true);   // a zoomed counter wraps instead of widening the window
    FlowLayout::replaceLayout(m_ui->sendOptions);
    FlowLayout::replaceLayout(m_ui->logBar);
    FlowLayout::replaceLayout(m_ui->counterBar);

    m_ui->udpSplitter->setStretchFactor(0, 0);   // a wider window widens the log, not the controls
    m_ui->udpSplitter->setStretchFactor(1, 1);
    m_ui->logView->setModel(m_model);
    // Fixed row heights keep a 100,000-row view cheap; applyFontMetrics() sizes them from the font.
    m_ui->logView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_ui->logView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_inspector = InspectorWidget::attachBelow(m_ui->logView, QStringLiteral("udpInspectorSplitter"));
    guardWheel(this);
}

void UdpPanel::connectWidgets()
{
    connect(m_endpoint, &UdpEndpoint::datagramsReceived, this, &UdpPanel::onDatagramsReceived);
    connect(m_endpoint, &UdpEndpoint::datagramSent, this, [this](const Datagram &d) {
        m_model->appendDatagram(d, PacketLogModel::Sent);
    });
    connect(m_endpoint, &UdpEndpoint::errorOccurred, this, &UdpPanel::onEndpointError);
    connect(m_endpoint, &UdpEndpoint::boundChanged, this, &UdpPanel::updateBoundState);
    connect(m_model, &PacketLogModel::rowsCommitted, this, [this] {
        if (m_ui->autoScroll->isChecked())
            m_ui->logView->scrollToBottom();
    });

    connect(m_ui->openButton, &QPushButton::clicked, this, &UdpPanel::toggleOpen);
    connect(m_ui->broadcast, &QCheckBox::toggled, m_endpoint, &UdpEndpoint::setBroadcastEnabled);
    connect(m_ui->joinButton, &QPushButton::clicked, this, &UdpPanel::toggleMulticast);
    connect(m_ui->multicastTtl, &QSpinBox::valueChanged, m_endpoint, &UdpEndpoint::setMulticastTtl);
    connect(m_ui->multicastInterface, &QComboBox::currentIndexChanged, this, [this] {
        const QString name = m_ui->multicastInterface->currentData().toString();
        if (!name.isEmpty())
            m_endpoint->setMulticastInterface(QNetworkInterface::interfaceFromName(name));
    });

    connect(m_ui->sendButton, &QPushButton::clicked, this, &UdpPanel::sendNow);
    connect(m_ui->sendFileButton, &QPushButton::clicked, this, &UdpPanel::sendFile);
    connect(m_ui->periodic, &QCheckBox::toggled, this, &UdpPanel::onPeriodicToggled);
    connect(m_ui->periodMs, &QSpinBox::valueChanged, this, [this](int ms) { m_periodicTimer.setInterval(ms); });
    connect(m_ui->encoding, &QComboBox::currentTextChanged, this, &UdpPanel::onEncodingChanged);
    connect(m_ui->logEncoding, &QComboBox::currentIndexChanged, this, &UdpPanel::onEncodingChanged);
    connect(m_ui->sendMode, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_ui->escapes->setEnabled(i == 0);
        m_ui->lineEnding->setEnabled(i == 0);
        m_ui->editor->setPlaceholderText(i == 0 ? tr("Text to send (Ctrl+Enter sends)")
                                                : tr("Hex bytes, e.g. C4 E3 BA C3 or 0x01,0x02 (Ctrl+Enter sends)"));
    });
    connect(m_ui->history, &QComboBox::activated, this, [this](int i) {
        m_ui->editor->setPlainText(m_ui->history->itemText(i));
    });
    for (const auto key : {Qt::Key_Return, Qt::Key_Enter}) {
        auto *sc = new QShortcut(QKeySequence(Qt::CTRL | key), this);
        sc->setContext(Qt::WidgetWithChildrenShortcut);
        connect(sc, &QShortcut::activated, this, &UdpPanel::sendNow);
    }
    // Clear a stale error as soon as the user edits.
    connect(m_ui->editor, &QPlainTextEdit::textChanged, this, [this] { showError(m_sendError, QString()); });

    connect(m_ui->contentMode, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_model->setContentMode(PacketLogModel::ContentMode(i));
    });
    connect(m_ui->logView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &row) {
        if (row.isValid())
            m_inspector->setBytes(m_model->rawBytes(row.row()), m_model->encoding());
        else
            m_inspector->clear();
    });
    connect(m_model, &QAbstractItemModel::modelReset, m_inspector, &InspectorWidget::clear);
    connect(m_ui->pause, &QCheckBox::toggled, m_model, &PacketLogModel::setPaused);
    connect(m_ui->clearButton, &QPushButton::clicked, m_model, &PacketLogModel::clear);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &UdpPanel::saveLogInteractive);
    connect(m_ui->resetCountersButton, &QPushButton::clicked, this, [this] {
        m_endpoint->resetCounters();
        m_lastCounters = UdpCounters();
        m_rateClock.restart();
        updateCounters();
    });
    connect(m_ui->udpSplitter, &QSplitter::splitterMoved, this, [this] {
        m_controlsWidth = m_ui->udpSplitter->sizes().value(0);
        m_controlsNatural = naturalControlsWidth();
    });
}

void UdpPanel::fillSettingsTable()
{
    m_settings.add(QStringLiteral("localAddress"), m_ui->localAddress, SettingsTable::ByDataOrText);
    m_settings.add(QStringLiteral("localPort"), m_ui->localPort)
        .add(QStringLiteral("shareAddress"), m_ui->shareAddress)
        .add(QStringLiteral("remoteHost"), m_ui->remoteHost)
        .add(QStringLiteral("remotePort"), m_ui->remotePort)
        .add(QStringLiteral("replyToSender"), m_ui->replyToSender)
        .add(QStringLiteral("broadcast"), m_ui->broadcast)
        .add(QStringLiteral("multicastGroup"), m_ui->multicastGroup)
        .add(QStringLiteral("multicastTtl"), m_ui->multicastTtl)
        .add(QStringLiteral("multicastInterface"), m_ui->multicastInterface, SettingsTable::ByData)
        .add(QStringLiteral("sendMode"), m_ui->sendMode, SettingsTable::ByIndex);
    QComboBox *encoding = m_ui->encoding;
    m_settings.add(QStringLiteral("encoding"), [encoding] { return QVariant(encoding->currentText()); },
                   [encoding](const QVariant &v) {
                       const int i = encoding->findText(TextCodec::canonicalName(v.toString()));
                       encoding->setCurrentIndex(i >= 0 ? i : 0);
                   },
                   QStringLiteral("UTF-8"));
    m_settings.add(QStringLiteral("escapes"), m_ui->escapes)
        .add(QStringLiteral("lineEnding"), m_ui->lineEnding, SettingsTable::ByIndex)
        .add(QStringLiteral("editor"), m_ui->editor)
        .add(QStringLiteral("history"), m_ui->history, SettingsTable::ByItems);
    m_settings.add(QStringLiteral("periodMs"), m_ui->periodMs)
        .add(QStringLiteral("contentMode"), m_ui->contentMode, SettingsTable::ByIndex)
        .add(QStringLiteral("logEncoding"), m_ui->logEncoding, SettingsTable::ByData)
        .add(QStringLiteral("autoScroll"), m_ui->autoScroll);
    PacketLogModel *model = m_model;
    m_settings.add(QStringLiteral("rowCap"), [model] { return QVariant(model->rowCap()); },
                   [model](const QVariant &v) { model->setRowCap(qMax(1, v.toInt())); },
                   PacketLogModel::DefaultRowCap);
    m_settings.add(QStringLiteral("splitter"), m_ui->udpSplitter);
    m_settings.add(QStringLiteral("inspectorSplitter"), qobject_cast<QSplitter *>(m_inspector->parentWidget()));
}

void UdpPanel::loadSettings()
{
    m_settings.load();
    // Read only, never written: a deep socket buffer rides out the moments the window spends painting
    // during a flood.
    QSettings s;
    m_endpoint->setReceiveBufferSize(s.value(QStringLiteral("udp/receiveBufferBytes"), 8 << 20).toInt());
    onEncodingChanged();
    m_splitterRestored = QSettings().contains(QStringLiteral("udp/splitter"));
    m_controlsWidth = -1;   // taken from the splitter when the panel is first shown
}

void UdpPanel::saveSettings() const
{
    m_settings.save();
}

void UdpPanel::changeEvent(QEvent *event)
{
    Panel::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFontMetrics();
}

// Everything sized in pixels follows the font (the window's zoom): log rows and columns, the controls
// pane's width. Coming back to a font size gives exactly the sizes it had.
void UdpPanel::applyFontMetrics()
{
    const QFontMetrics fm = fontMetrics();
    QTableView *view = m_ui->logView;
    // Qt 6.4 does not pass a font set before the first show on to the header (it keeps the size it was
    // made with): it gets the panel's font at every change, so a saved zoom reaches it.
    view->horizontalHeader()->setFont(font());
    view->verticalHeader()->setMinimumSectionSize(fm.height());
    view->verticalHeader()->setDefaultSectionSize(fm.height() + fm.height() / 3);
    const int pad = 2 * style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, view) + fm.averageCharWidth() * 2;
    const auto fit = [&](int column, const QString &sample) {
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        view->setColumnWidth(column, qMax(fm.horizontalAdvance(sample), fm.horizontalAdvance(header)) + pad);
    };
    fit(PacketLogModel::TimeColumn, QStringLiteral("00:00:00.000"));
    fit(PacketLogModel::DirectionColumn, QCoreApplication::translate("NetPoke::PacketLogModel", "RX"));
    fit(PacketLogModel::PeerColumn, QStringLiteral("255.255.255.255:65535"));
    fit(PacketLogModel::LengthColumn, QStringLiteral("65535"));

    // The controls pane never forces the window wider than about half the screen; past that it scrolls.
    const int screenWidth = screen() ? screen()->availableSize().width() : 1024;
    m_ui->controlsScroll->setMinimumWidth(qMin(naturalControlsWidth(), screenWidth * 45 / 100));
    fitControlsPane();
}

int UdpPanel::naturalControlsWidth() const
{
    return m_ui->controls->minimumSizeHint().width() + m_ui->controlsScroll->verticalScrollBar()->sizeHint().width();
}

// The controls pane's width follows the font: the width the user left it at (or, before any, the width
// its controls need), scaled as the controls' own width scales, and leaving the log 40% of the splitter.
void UdpPanel::fitControlsPane()
{
    QList<int> sizes = m_ui->udpSplitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (sizes.size() != 2 || total <= 0 || !isVisible())
        return;   // not laid out yet: showEvent() comes back here
    const int natural = naturalControlsWidth();
    if (m_controlsWidth < 0) {
        m_controlsWidth = m_splitterRestored ? sizes.at(0) : natural;
        m_controlsNatural = natural;
    }
    const int wanted = int(qint64(m_controlsWidth) * natural / qMax(1, m_controlsNatural));
    sizes[0] = qMax(qMin(wanted, total * 6 / 10), qMin(wanted, m_ui->controlsScroll->minimumWidth()));
    sizes[1] = qMax(1, total - sizes.at(0));
    m_ui->udpSplitter->setSizes(sizes);
}

void UdpPanel::showEvent(QShowEvent *event)
{
    Panel::showEvent(event);
    if (m_controlsWidth < 0)
        applyFontMetrics();
}

QHostAddress UdpPanel::selectedLocalAddress(bool *ok)
{
    QComboBox *combo = m_ui->localAddress;
    const int i = combo->currentIndex();
    QString text = combo->currentText().trimmed();
    if (i >= 0 && combo->itemText(i) == text) {
        *ok = true;
        const QString data = combo->itemData(i).toString();
        return data == QLatin1String(DualStackData) ? QHostAddress(QHostAddress::Any) : QHostAddress(data);
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
    showError(m_ui->localError, QString());
    m_errorContext = m_ui->localError;
    m_autoBound = false;
    const bool ok = m_endpoint->bind(address, port, m_ui->shareAddress->isChecked());
    m_errorContext = nullptr;
    if (ok)
        m_endpoint->setBroadcastEnabled(m_ui->broadcast->isChecked());
    updateBoundState();
    return ok;
}

void UdpPanel::closeLocal()
{
    if (!m_joinedGroup.isNull())
        toggleMulticast();
    m_ui->periodic->setChecked(false);
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
        showError(m_ui->localError, tr("\"%1\" is not an IP address. Choose one from the list.")
                                        .arg(m_ui->localAddress->currentText()));
        return;
    }
    openLocal(address, quint16(m_ui->localPort->value()));
}

void UdpPanel::updateBoundState()
{
    const bool bound = m_endpoint->isBound();
    m_ui->openButton->setText(bound ? tr("Close") : tr("Open"));
    m_ui->localAddress->setEnabled(!bound);
    m_ui->localPort->setEnabled(!bound);
    m_ui->shareAddress->setEnabled(!bound);
    QLabel *status = m_ui->localStatus;
    if (bound) {
        const QString where = displayEndpoint(m_endpoint->localAddress(), m_endpoint->localPort());
        // The fields above still hold what the user chose for Open: say what the socket really is.
        status->setText(m_autoBound ? tr("Bound to %1 (opened automatically for sending)").arg(where)
                                    : tr("Open on %1").arg(where));
        QFont bold;   // only the weight, so the size still follows the window's zoom
        bold.setBold(true);
        status->setFont(bold);
        setTone(status, Tone::Ok);
    } else {
        m_autoBound = false;
        status->setText(tr("Closed. Sending opens a port chosen by the system."));
        status->setFont(QFont());   // inherit the window's (zoomed) font again
        setTone(status, Tone::Normal);
        m_joinedGroup = QHostAddress();
        m_ui->joinButton->setText(tr("Join"));
        showError(m_ui->multicastCaution, QString());
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
    m_ui->rxCounter->setText(tr("RX %1 packets, %2 (%3/s, %4/s)").arg(loc.toString(c.rxPackets),
        humanBytes(double(c.rxBytes)), loc.toString(qRound64(rxPps)), humanBytes(rxBps)));
    m_ui->txCounter->setText(tr("TX %1 packets, %2 (%3/s, %4/s)").arg(loc.toString(c.txPackets),
        humanBytes(double(c.txBytes)), loc.toString(qRound64(txPps)), humanBytes(txBps)));
    if (m_periodicTimer.isActive()) {
        const double rate = (m_periodicSent - m_periodicSentAtLastRate) / secs;
        m_ui->periodRate->setText(tr("%1 sends/s").arg(loc.toString(rate, 'f', rate < 10 ? 1 : 0)));
    }
    m_periodicSentAtLastRate = m_periodicSent;
}

bool UdpPanel::buildPayload(QByteArray *out)
{
    MessageEdit *editor = m_ui->editor;
    const QString text = editor->toPlainText();
    TextCodec::Result r;
    if (m_ui->sendMode->currentIndex() == 1) {
        r = TextCodec::parseHex(text);
    } else {
        const QString encoding = m_ui->encoding->currentText();
        r = m_ui->escapes->isChecked() ? TextCodec::encodeEscaped(text, encoding) : TextCodec::encode(text, encoding);
        if (r.ok)
            r.bytes += m_ui->lineEnding->currentData().toByteArray();
    }
    if (!r.ok) {
        if (r.errorPosition >= 0) {
            QTextCursor cursor = editor->textCursor();
            cursor.setPosition(qMin(r.errorPosition, int(text.size())));
            cursor.setPosition(qMin(r.errorPosition + 1, int(text.size())), QTextCursor::KeepAnchor);
            const QSignalBlocker block(editor);
            editor->setTextCursor(cursor);
        }
        // Inside the editor, under the text: the message and the marked character are seen together.
        showError(m_sendError, r.errorString + QLatin1Char(' ') + tr("Nothing was sent."));
        return false;
    }
    *out = r.bytes;
    return true;
}

bool UdpPanel::sendBytes(const QByteArray &bytes)
{
    m_errorContext = m_sendError;
    bool ok = false;
    // A send on a closed socket binds one; updateBoundState() then says so.
    const bool wasBound = m_endpoint->isBound();
    if (!wasBound)
        m_autoBound = true;
    if (m_ui->replyToSender->isChecked()) {
        if (m_lastSender.isNull()) {
            showError(m_sendError, tr("Nobody has sent anything yet: there is no last sender to reply to."));
            m_errorContext = nullptr;
            return false;
        }
        ok = m_endpoint->send(bytes, m_lastSender, m_lastSenderPort);
    } else {
        const QString host = m_ui->remoteHost->text().trimmed();
        if (host.isEmpty()) {
            showError(m_sendError, tr("Enter the address of the host to send to."));
            m_ui->remoteHost->setFocus();
            m_errorContext = nullptr;
            return false;
        }
        ok = m_endpoint->send(bytes, host, quint16(m_ui->remotePort->value()));
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
    addToHistory(m_ui->editor->toPlainText());
    return true;
}

void UdpPanel::addToHistory(const QString &text)
{
    if (text.isEmpty())
        return;
    QComboBox *history = m_ui->history;
    const int existing = history->findText(text);
    if (existing >= 0)
        history->removeItem(existing);
    history->insertItem(0, text);
    while (history->count() > history->maxCount())   // the form's 20
        history->removeItem(history->count() - 1);
    history->setCurrentIndex(-1);
}

void UdpPanel::onPeriodicToggled(bool on)
{
    if (!on) {
        m_periodicTimer.stop();
        m_ui->periodRate->clear();
        return;
    }
    showError(m_sendError, QString());
    if (!buildPayload(&m_periodicPayload)) {
        const QSignalBlocker block(m_ui->periodic);
        m_ui->periodic->setChecked(false);
        return;
    }
    m_periodicSent = 0;
    m_periodicSentAtLastRate = 0;
    m_periodicTimer.start(m_ui->periodMs->value());
    onPeriodicTimeout();
}

void UdpPanel::onPeriodicTimeout()
{
    if (!sendBytes(m_periodicPayload)) {
        m_ui->periodic->setChecked(false);
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

QString UdpPanel::multicastCaution(const QHostAddress &bound)
{
    if (bound.isNull() || bound == QHostAddress::AnyIPv4 || bound == QHostAddress::AnyIPv6
        || bound == QHostAddress::Any)
        return {};
    const QString where = displayAddress(bound);
    if (bound.isLoopback())
        return tr("Joined, but the socket is bound to %1: only this machine's own multicast traffic can reach "
                  "it. Close and bind to 0.0.0.0 or :: to receive the group from the network.")
            .arg(where);
    return tr("Joined, but the socket is bound to %1: datagrams addressed to the group may not reach it. "
              "Close and bind to 0.0.0.0 or :: to receive the group.")
        .arg(where);
}

void UdpPanel::toggleMulticast()
{
    showError(m_ui->remoteError, QString());
    showError(m_ui->multicastCaution, QString());
    const QString name = m_ui->multicastInterface->currentData().toString();
    const QNetworkInterface iface = name.isEmpty() ? QNetworkInterface() : QNetworkInterface::interfaceFromName(name);
    if (!m_joinedGroup.isNull()) {
        m_errorContext = m_ui->remoteError;
        m_endpoint->leaveMulticastGroup(m_joinedGroup, iface);
        m_errorContext = nullptr;
        m_joinedGroup = QHostAddress();
        m_ui->joinButton->setText(tr("Join"));
        return;
    }
    const QString groupText = m_ui->multicastGroup->text().trimmed();
    const QHostAddress group = Net::parseAddress(groupText);
    if (!group.isMulticast()) {
        showError(m_ui->remoteError, tr("\"%1\" is not a multicast group: use 224.0.0.0-239.255.255.255 or an "
                                        "IPv6 address starting with ff.")
                                         .arg(groupText));
        return;
    }
    if (!m_endpoint->isBound()) {
        // Receiving a group needs the group's port and a shared, any-address socket of its family.
        m_ui->shareAddress->setChecked(true);
        const QHostAddress any = group.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress::AnyIPv6
                                                                                   : QHostAddress::AnyIPv4;
        if (!openLocal(any, quint16(m_ui->localPort->value())))
            return;
    }
    if (iface.isValid())
        m_endpoint->setMulticastInterface(iface);
    m_endpoint->setMulticastTtl(m_ui->multicastTtl->value());
    m_errorContext = m_ui->remoteError;
    const bool ok = m_endpoint->joinMulticastGroup(group, iface);
    m_errorContext = nullptr;
    if (ok) {
        m_joinedGroup = group;
        m_ui->joinButton->setText(tr("Leave"));
        showError(m_ui->multicastCaution, multicastCaution(m_endpoint->localAddress()));
    }
}

void UdpPanel::onEncodingChanged()
{
    // The log decodes with its own choice, or with the Send box's while it says "Same as Send".
    const QString own = m_ui->logEncoding->currentData().toString();
    m_model->setEncoding(own.isEmpty() ? m_ui->encoding->currentText() : own);
    m_inspector->setTabEncoding(m_model->encoding());
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
    return writePacketLog(*m_model, fileName, error);
}

QString UdpPanel::title() const
{
    return tr("UDP");
}

} // namespace NetPoke
