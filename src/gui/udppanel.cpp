#include "udppanel.h"
#include "ui_udppanel.h"

#include "addresses.h"
#include "colors.h"
#include "erroradvice.h"
#include "errorlabel.h"
#include "flowlayout.h"
#include "hostport.h"
#include "logpane.h"
#include "messageedit.h"
#include "net/endpointinput.h"
#include "packetlogfile.h"
#include "packetlogmodel.h"
#include "sendbox.h"
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

    m_sendError = m_ui->sendBox->errorLabel();
    setTone(m_ui->localError, Tone::Error);
    setTone(m_ui->remoteError, Tone::Error);
    setTone(m_ui->multicastCaution, Tone::Warning);

    m_ui->udpSplitter->setStretchFactor(0, 0);   // a wider window widens the log, not the controls
    m_ui->udpSplitter->setStretchFactor(1, 1);
    m_ui->logWidget->setModel(m_model);
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

    connect(m_ui->openButton, &QPushButton::clicked, this, &UdpPanel::toggleOpen);
    connect(m_ui->broadcast, &QCheckBox::toggled, m_endpoint, &UdpEndpoint::setBroadcastEnabled);
    connect(m_ui->joinButton, &QPushButton::clicked, this, &UdpPanel::toggleMulticast);
    connect(m_ui->multicastTtl, &QSpinBox::valueChanged, m_endpoint, &UdpEndpoint::setMulticastTtl);
    connect(m_ui->multicastInterface, &QComboBox::currentIndexChanged, this, [this] {
        const QString name = m_ui->multicastInterface->currentData().toString();
        if (!name.isEmpty())
            m_endpoint->setMulticastInterface(QNetworkInterface::interfaceFromName(name));
    });

    SendBox *sendBox = m_ui->sendBox;
    sendBox->setSender([this](const QByteArray &bytes) { return sendBytes(bytes); });
    sendBox->installSendShortcut(this);
    connect(sendBox, &SendBox::sendFileRequested, this, &UdpPanel::sendFile);
    connect(sendBox, &SendBox::encodingChanged, this, &UdpPanel::onEncodingChanged);
    connect(m_ui->logWidget, &LogPane::encodingChoiceChanged, this, &UdpPanel::onEncodingChanged);
    connect(m_ui->logWidget, &LogPane::saveRequested, this, &UdpPanel::saveLogInteractive);
    connect(m_ui->logWidget, &LogPane::resetCountersRequested, this, [this] {
        m_endpoint->resetCounters();
        m_lastCounters = UdpCounters();
        m_rateClock.restart();
        updateCounters();
        m_chart->clear();
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
        .add(QStringLiteral("multicastInterface"), m_ui->multicastInterface, SettingsTable::ByData);
    m_ui->sendBox->addSettings(m_settings);
    m_ui->logWidget->addSettings(m_settings);
    m_chart = m_ui->logWidget->addRateChart(m_settings, [this] {
        const UdpCounters c = m_endpoint->counters();
        return RateChart::Totals{c.rxPackets, c.txPackets, c.rxBytes, c.txBytes};
    }, true);
    m_settings.add(QStringLiteral("splitter"), m_ui->udpSplitter);
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

// Everything sized in pixels follows the font (the window's zoom): log rows and columns (LogPane), the
// controls pane's width. Coming back to a font size gives exactly the sizes it had.
void UdpPanel::applyFontMetrics()
{
    m_ui->logWidget->applyFontMetrics();
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
    m_ui->sendBox->stopPeriodic();
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
    m_ui->logWidget->rxCounter()->setText(tr("RX %1 packets, %2 (%3/s, %4/s)").arg(loc.toString(c.rxPackets),
        humanBytes(double(c.rxBytes)), loc.toString(qRound64(rxPps)), humanBytes(rxBps)));
    m_ui->logWidget->txCounter()->setText(tr("TX %1 packets, %2 (%3/s, %4/s)").arg(loc.toString(c.txPackets),
        humanBytes(double(c.txBytes)), loc.toString(qRound64(txPps)), humanBytes(txBps)));
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
    return m_ui->sendBox->sendNow();
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
    m_model->setEncoding(m_ui->logWidget->encodingFor(m_ui->sendBox->encoding()));
    m_ui->logWidget->setTabEncoding(m_model->encoding());
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
