#include "tcpclientpanel.h"
#include "ui_tcpclientpanel.h"

#include "colors.h"
#include "errorlabel.h"
#include "hostport.h"
#include "logpane.h"
#include "messageedit.h"
#include "net/endpointinput.h"
#include "packetlogfile.h"
#include "packetlogmodel.h"
#include "sendbox.h"
#include "tcpstreamlog.h"
#include "textcodec.h"
#include "wheelguard.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QScreen>
#include <QScrollBar>
#include <QSslCertificate>

namespace NetPoke {

namespace {
QString humanBytes(double bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}
} // namespace

TcpClientPanel::TcpClientPanel(QWidget *parent)
    : Panel(parent)
    , m_ui(new Ui::TcpClientPanel)
    , m_client(new Tcp::Client(this))
    , m_model(new PacketLogModel(this))
    , m_streamLog(new TcpStreamLog(m_model, this))
    , m_settings(QStringLiteral("tcpClient"))
{
    m_ui->setupUi(this);
    setTone(m_ui->connectError, Tone::Error);
    m_ui->logWidget->setModel(m_model);
    m_framing = new FramingControls(this);
    m_ui->logWidget->addBarWidgets({m_framing});
    m_ui->tcpSplitter->setStretchFactor(0, 0);
    m_ui->tcpSplitter->setStretchFactor(1, 1);
    m_ui->certificateButton->setEnabled(false);
    guardWheel(this);

    SendBox *sendBox = m_ui->sendBox;
    sendBox->setSender([this](const QByteArray &bytes) { return sendBytes(bytes); });
    sendBox->installSendShortcut(this);
    sendBox->sendFileButton()->setToolTip(tr("Send a file's bytes over the connection"));
    connect(sendBox, &SendBox::sendFileRequested, this, &TcpClientPanel::sendFile);
    connect(sendBox, &SendBox::encodingChanged, this, &TcpClientPanel::onEncodingChanged);
    connect(m_ui->logWidget, &LogPane::encodingChoiceChanged, this, &TcpClientPanel::onEncodingChanged);
    connect(m_ui->logWidget, &LogPane::saveRequested, this, &TcpClientPanel::saveLogInteractive);
    connect(m_ui->logWidget, &LogPane::resetCountersRequested, this, [this] {
        m_client->resetCounters();
        m_lastCounters = {};
        m_rateClock.restart();
        updateCounters();
        m_chart->clear();
    });
    connect(m_framing, &FramingControls::changed, this, &TcpClientPanel::updateFraming);

    connect(m_ui->connectButton, &QPushButton::clicked, this, &TcpClientPanel::toggleConnect);
    connect(m_ui->oneShotButton, &QPushButton::clicked, this, &TcpClientPanel::oneShot);
    connect(m_ui->certificateButton, &QPushButton::clicked, this, &TcpClientPanel::showCertificates);
    connect(m_ui->tls, &QCheckBox::toggled, m_ui->ignoreTlsErrors, &QWidget::setEnabled);
    connect(m_ui->keepAlive, &QCheckBox::toggled, m_ui->keepAliveIdle, &QWidget::setEnabled);
    connect(m_ui->keepAlive, &QCheckBox::toggled, m_ui->keepAliveInterval, &QWidget::setEnabled);

    connect(m_client, &Tcp::Client::chunksReady, m_streamLog, &TcpStreamLog::addChunks);
    connect(m_client, &Tcp::Client::stateChanged, this, [this] {
        if (m_client->state() != Tcp::Client::Closed)
            m_reconnectInMs = -1;
        updateState();
    });
    connect(m_client, &Tcp::Client::errorOccurred, this, &TcpClientPanel::onError);
    connect(m_client, &Tcp::Client::connected, this, &TcpClientPanel::onConnected);
    connect(m_client, &Tcp::Client::disconnected, this, &TcpClientPanel::onDisconnected);
    connect(m_client, &Tcp::Client::reconnectScheduled, this, [this](int ms) {
        m_reconnectInMs = ms;
        updateState();
    });
    connect(m_client, &Tcp::Client::tlsErrorsOccurred, this, [this] { m_ui->certificateButton->setEnabled(true); });

    fillSettingsTable();
    m_counterTimer.setInterval(500);
    connect(&m_counterTimer, &QTimer::timeout, this, &TcpClientPanel::updateCounters);
    m_counterTimer.start();
    m_rateClock.start();

    loadSettings();
    updateState();
    updateCounters();
}

TcpClientPanel::~TcpClientPanel()
{
    delete m_ui;
}

void TcpClientPanel::fillSettingsTable()
{
    m_settings.add(QStringLiteral("host"), m_ui->host)
        .add(QStringLiteral("port"), m_ui->port)
        .add(QStringLiteral("bindAddress"), m_ui->bindAddress)
        .add(QStringLiteral("bindPort"), m_ui->bindPort)
        .add(QStringLiteral("autoReconnect"), m_ui->autoReconnect)
        .add(QStringLiteral("connectTimeout"), m_ui->connectTimeout)
        .add(QStringLiteral("noDelay"), m_ui->noDelay)
        .add(QStringLiteral("keepAlive"), m_ui->keepAlive)
        .add(QStringLiteral("keepAliveIdle"), m_ui->keepAliveIdle)
        .add(QStringLiteral("keepAliveInterval"), m_ui->keepAliveInterval)
        .add(QStringLiteral("tls"), m_ui->tls)
        .add(QStringLiteral("ignoreTlsErrors"), m_ui->ignoreTlsErrors);
    m_ui->sendBox->addSettings(m_settings);
    m_ui->logWidget->addSettings(m_settings);
    m_chart = m_ui->logWidget->addRateChart(m_settings, [this] {
        const Tcp::Counters c = m_client->counters();
        return RateChart::Totals{c.rxReads, 0, c.rxBytes, c.txBytes};
    }, false);
    m_framing->addSettings(m_settings);
    m_settings.add(QStringLiteral("splitter"), m_ui->tcpSplitter);
}

void TcpClientPanel::loadSettings()
{
    m_settings.load();
    m_ui->ignoreTlsErrors->setEnabled(m_ui->tls->isChecked());
    m_ui->keepAliveIdle->setEnabled(m_ui->keepAlive->isChecked());
    m_ui->keepAliveInterval->setEnabled(m_ui->keepAlive->isChecked());
    onEncodingChanged();
    updateFraming();
}

void TcpClientPanel::saveSettings() const
{
    m_settings.save();
}

QString TcpClientPanel::title() const
{
    return tr("TCP Client");
}

void TcpClientPanel::changeEvent(QEvent *event)
{
    Panel::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFontMetrics();
}

void TcpClientPanel::showEvent(QShowEvent *event)
{
    Panel::showEvent(event);
    if (!m_fitted) {
        m_fitted = true;
        applyFontMetrics();
    }
}

// The controls pane is as wide as its controls need (up to 45% of the screen; past that it scrolls), at
// every zoom; the log takes the rest.
void TcpClientPanel::applyFontMetrics()
{
    const int natural = m_ui->controls->minimumSizeHint().width()
                      + m_ui->controlsScroll->verticalScrollBar()->sizeHint().width();
    const int screenWidth = screen() ? screen()->availableSize().width() : 1024;
    m_ui->controlsScroll->setMinimumWidth(qMin(natural, screenWidth * 45 / 100));
}

bool TcpClientPanel::buildOptions(Tcp::ClientOptions *o)
{
    const QString bind = m_ui->bindAddress->text().trimmed();
    if (!bind.isEmpty()) {
        o->bindAddress = Net::parseAddress(bind);
        if (o->bindAddress.isNull()) {
            showError(m_ui->connectError, tr("\"%1\" is not an IP address of this machine: leave Local empty to let "
                                             "the system choose.").arg(TextCodec::visibleText(bind, 100)));
            return false;
        }
    }
    o->bindPort = quint16(m_ui->bindPort->value());
    o->connectTimeoutMs = m_ui->connectTimeout->value() * 1000;
    o->noDelay = m_ui->noDelay->isChecked();
    o->keepAlive = m_ui->keepAlive->isChecked();
    o->keepAliveIdleSec = m_ui->keepAliveIdle->value();
    o->keepAliveIntervalSec = m_ui->keepAliveInterval->value();
    o->autoReconnect = m_ui->autoReconnect->isChecked();
    o->tls = m_ui->tls->isChecked();
    o->ignoreTlsErrors = o->tls && m_ui->ignoreTlsErrors->isChecked();
    return true;
}

bool TcpClientPanel::connectNow()
{
    showError(m_ui->connectError, QString());
    Tcp::ClientOptions options = m_client->options();
    if (!buildOptions(&options))
        return false;
    const QString host = Net::withoutBrackets(m_ui->host->text());
    if (host.isEmpty()) {
        showError(m_ui->connectError, tr("Enter the address or name of the host to connect to."));
        m_ui->host->setFocus();
        return false;
    }
    m_client->setOptions(options);
    m_ui->certificateButton->setEnabled(false);
    m_reconnectInMs = -1;
    if (!m_client->connectToHost(host, quint16(m_ui->port->value()))) {
        showError(m_ui->connectError, m_client->errorString());
        updateState();
        return false;
    }
    updateState();
    return true;
}

void TcpClientPanel::disconnectNow()
{
    m_oneShot = false;
    m_reconnectInMs = -1;
    m_ui->sendBox->stopPeriodic();
    if (m_client->state() == Tcp::Client::Connected)
        m_client->disconnectFromHost();
    else
        m_client->abort();
    updateState();
}

void TcpClientPanel::toggleConnect()
{
    if (m_client->state() != Tcp::Client::Closed || m_reconnectInMs >= 0)
        disconnectNow();
    else
        connectNow();
}

void TcpClientPanel::oneShot()
{
    m_ui->sendBox->showError(QString());
    QByteArray bytes;
    if (!m_ui->sendBox->buildPayload(&bytes))
        return;
    m_oneShotPayload = bytes;
    m_oneShot = true;
    if (m_client->isConnected()) {
        onConnected();
        return;
    }
    if (!connectNow())
        m_oneShot = false;
}

void TcpClientPanel::onConnected()
{
    showError(m_ui->connectError, QString());
    m_ui->certificateButton->setEnabled(!m_client->peerCertificateChain().isEmpty() || !m_client->tlsErrors().isEmpty());
    if (m_oneShot) {
        m_oneShot = false;
        if (sendBytes(m_oneShotPayload)) {
            m_ui->sendBox->addToHistory(m_ui->sendBox->editor()->toPlainText());
            m_client->disconnectFromHost();   // graceful: the bytes are written first
        }
    }
    updateState();
}

void TcpClientPanel::onDisconnected()
{
    m_streamLog->endConnection(m_client->connectionNumber());
    m_ui->sendBox->stopPeriodic();
    updateState();
}

void TcpClientPanel::onError()
{
    m_oneShot = false;
    if (m_client->error() == Tcp::Client::WriteBufferFullError || m_client->error() == Tcp::Client::NotConnectedError)
        return;   // said in the Send box by sendBytes()
    showError(m_ui->connectError, m_client->errorString());
    if (!m_client->tlsErrors().isEmpty() || !m_client->peerCertificateChain().isEmpty())
        m_ui->certificateButton->setEnabled(true);
    updateState();
}

void TcpClientPanel::updateState()
{
    using S = Tcp::Client;
    const S::State st = m_client->state();
    const QString remote = m_client->host().contains(QLatin1Char(':'))
                               ? QStringLiteral("[%1]:%2").arg(m_client->host()).arg(m_client->port())
                               : QStringLiteral("%1:%2").arg(m_client->host()).arg(m_client->port());
    const QString remoteShown = TextCodec::visibleText(remote, 300);
    QString text;
    Tone tone = Tone::Normal;
    switch (st) {
    case S::LookingUp: text = tr("Looking up %1…").arg(remoteShown); break;
    case S::Connecting: text = tr("Connecting to %1…").arg(remoteShown); break;
    case S::TlsHandshake: text = tr("TLS handshake with %1…").arg(remoteShown); break;
    case S::Connected: {
        const QString local = displayEndpoint(m_client->localAddress(), m_client->localPort());
        const QString peer = displayEndpoint(m_client->peerAddress(), m_client->peerPort());
        text = m_client->isEncrypted() ? tr("Connected (TLS): %1 → %2").arg(local, peer)
                                       : tr("Connected: %1 → %2").arg(local, peer);
        tone = Tone::Ok;
        break;
    }
    case S::Closing: text = tr("Closing…"); break;
    case S::Closed:
        text = m_reconnectInMs >= 0
                   ? tr("Closed. Reconnecting in %1 s…").arg(QLocale().toString(m_reconnectInMs / 1000.0, 'f', 1))
                   : tr("Closed.");
        break;
    }
    m_ui->stateLabel->setText(text);
    setTone(m_ui->stateLabel, tone);
    const bool idle = st == S::Closed && m_reconnectInMs < 0;
    m_ui->connectButton->setText(idle ? tr("Connect") : st == S::Connected ? tr("Disconnect") : tr("Cancel"));
    for (QWidget *w : {static_cast<QWidget *>(m_ui->host), static_cast<QWidget *>(m_ui->port),
                       static_cast<QWidget *>(m_ui->bindAddress), static_cast<QWidget *>(m_ui->bindPort),
                       static_cast<QWidget *>(m_ui->optionsBox)})
        w->setEnabled(idle);
}

bool TcpClientPanel::sendBytes(const QByteArray &bytes)
{
    if (!m_client->isConnected()) {
        m_ui->sendBox->showError(tr("Not connected: connect first, or use \"Connect, send, close\"."));
        return false;
    }
    if (!m_client->send(bytes)) {
        m_ui->sendBox->showError(m_client->errorString());
        return false;
    }
    return true;
}

bool TcpClientPanel::sendNow()
{
    return m_ui->sendBox->sendNow();
}

void TcpClientPanel::sendFile()
{
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Send a file"));
    if (fileName.isEmpty())
        return;
    QFile file(fileName);
    const qint64 limit = m_client->options().maxWriteBuffer;
    if (file.size() > limit) {
        m_ui->sendBox->showError(tr("%1 is %2: at most %3 can wait to be sent. Nothing was sent.")
                                     .arg(QFileInfo(fileName).fileName(), humanBytes(double(file.size())),
                                          humanBytes(double(limit))));
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_ui->sendBox->showError(tr("Cannot read %1: %2").arg(fileName, file.errorString()));
        return;
    }
    m_ui->sendBox->showError(QString());
    sendBytes(file.readAll());
}

void TcpClientPanel::updateCounters()
{
    const Tcp::Counters c = m_client->counters();
    const double secs = qMax<qint64>(1, m_rateClock.restart()) / 1000.0;
    const double rxBps = (c.rxBytes - qMin(c.rxBytes, m_lastCounters.rxBytes)) / secs;
    const double txBps = (c.txBytes - qMin(c.txBytes, m_lastCounters.txBytes)) / secs;
    const double rxRps = (c.rxReads - qMin(c.rxReads, m_lastCounters.rxReads)) / secs;
    m_lastCounters = c;
    const QLocale loc;
    m_ui->logWidget->rxCounter()->setText(tr("RX %1 in %2 reads (%3/s, %4 reads/s)")
                                              .arg(humanBytes(double(c.rxBytes)), loc.toString(c.rxReads),
                                                   humanBytes(rxBps), loc.toString(qRound64(rxRps))));
    m_ui->logWidget->txCounter()->setText(tr("TX %1 (%2/s), %3 waiting")
                                              .arg(humanBytes(double(c.txBytes)), humanBytes(txBps),
                                                   humanBytes(double(m_client->bytesToWrite()))));
}

void TcpClientPanel::updateFraming()
{
    m_streamLog->setFraming(m_framing->mode(), m_framing->parameter());
}

void TcpClientPanel::onEncodingChanged()
{
    m_model->setEncoding(m_ui->logWidget->encodingFor(m_ui->sendBox->encoding()));
    m_ui->logWidget->setTabEncoding(m_model->encoding());
}

QString TcpClientPanel::certificateText() const
{
    QStringList lines;
    const QList<QSslCertificate> chain = m_client->peerCertificateChain();
    if (chain.isEmpty())
        lines << tr("The peer sent no certificate (or no TLS handshake took place).");
    for (int i = 0; i < chain.size(); ++i) {
        const QSslCertificate &c = chain.at(i);
        //: One certificate of a chain: its number, subject, issuer, validity and SHA-256 fingerprint
        lines << tr("%1. %2\n    issued by %3\n    valid %4 to %5\n    SHA-256 %6")
                     .arg(i + 1)
                     .arg(TextCodec::visibleText(c.subjectDisplayName(), 300),
                          TextCodec::visibleText(c.issuerDisplayName(), 300),
                          c.effectiveDate().toString(Qt::ISODate), c.expiryDate().toString(Qt::ISODate),
                          QString::fromLatin1(c.digest(QCryptographicHash::Sha256).toHex(':')));
    }
    const QList<QSslError> errors = m_client->tlsErrors();
    if (!errors.isEmpty()) {
        lines << QString() << (m_client->options().ignoreTlsErrors ? tr("Certificate errors (ignored, as chosen):")
                                                                 : tr("Certificate errors:"));
        for (const QSslError &e : errors)
            lines << QStringLiteral("  - ") + TextCodec::visibleText(e.errorString(), 300);
    }
    return lines.join(QLatin1Char('\n'));
}

void TcpClientPanel::showCertificates()
{
    QMessageBox box(QMessageBox::Information, tr("Certificate"), certificateText(), QMessageBox::Close, this);
    box.setTextFormat(Qt::PlainText);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.exec();
}

void TcpClientPanel::saveLogInteractive()
{
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Save log"), QStringLiteral("tcp-client-log.txt"),
                                                          tr("Text (*.txt);;CSV (*.csv)"));
    if (fileName.isEmpty())
        return;
    QString error;
    if (!saveLog(fileName, &error))
        QMessageBox::warning(this, tr("Save log"), error);
}

bool TcpClientPanel::saveLog(const QString &fileName, QString *error) const
{
    m_streamLog->flushAll();
    return writePacketLog(*m_model, fileName, error);
}

} // namespace NetPoke
