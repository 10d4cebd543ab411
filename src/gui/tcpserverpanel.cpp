#include "tcpserverpanel.h"
#include "ui_tcpserverpanel.h"

#include "addresses.h"
#include "colors.h"
#include "errorlabel.h"
#include "flowlayout.h"
#include "hostport.h"
#include "logpane.h"
#include "net/endpointinput.h"
#include "packetlogfile.h"
#include "packetlogmodel.h"
#include "sendbox.h"
#include "tcpconnectionmodel.h"
#include "tcpstreamlog.h"
#include "textcodec.h"
#include "wheelguard.h"

#include <QDateTime>
#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScreen>
#include <QScrollBar>
#include <QSplitter>

namespace NetPoke {

namespace {
QString humanBytes(double bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}
constexpr int MaxFullReportsPerRefresh = 5;
} // namespace

TcpServerPanel::TcpServerPanel(QWidget *parent)
    : Panel(parent)
    , m_ui(new Ui::TcpServerPanel)
    , m_server(new Tcp::Server(this))
    , m_model(new PacketLogModel(this))
    , m_connections(new TcpConnectionModel(this))
    , m_streamLog(new TcpStreamLog(m_model, this))
    , m_settings(QStringLiteral("tcpServer"))
{
    m_ui->setupUi(this);
    for (const LocalAddressChoice &c : localAddressChoices()) {
        const bool dualStack = c.address == QHostAddress(QHostAddress::Any);
        m_ui->listenAddress->addItem(c.label, dualStack ? QString::fromLatin1(DualStackData) : c.address.toString());
    }
    const int dual = m_ui->listenAddress->findData(QString::fromLatin1(DualStackData));
    m_ui->listenAddress->setCurrentIndex(qMax(0, dual));   // dual-stack "any" by default
    setTone(m_ui->listenError, Tone::Error);
    m_ui->logWidget->setModel(m_model);
    m_framing = new FramingControls(this);
    m_ui->logWidget->addBarWidgets({m_framing});
    m_ui->tcpSplitter->setStretchFactor(0, 0);
    m_ui->tcpSplitter->setStretchFactor(1, 1);
    FlowLayout::replaceLayout(m_ui->connectionButtons);

    QTableView *view = m_ui->connectionView;
    view->setModel(m_connections);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_events = new QPlainTextEdit(m_ui->connectionsBox);
    m_events->setObjectName(QStringLiteral("eventLog"));
    m_events->setReadOnly(true);
    m_events->setMaximumBlockCount(1000);
    m_events->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_events->setPlaceholderText(tr("Opened, closed and refused connections are listed here."));
    // The table and the event list side by side above the log (the right-hand side is the wide one).
    auto *split = new QSplitter(Qt::Horizontal, m_ui->connectionsBox);
    split->setObjectName(QStringLiteral("connectionsSplitter"));
    split->setChildrenCollapsible(false);
    m_ui->connectionsLayout->removeWidget(view);
    split->addWidget(view);
    split->addWidget(m_events);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);
    m_ui->connectionsLayout->insertWidget(0, split, 1);
    m_ui->rightSplitter->setStretchFactor(0, 2);
    m_ui->rightSplitter->setStretchFactor(1, 3);
    guardWheel(this);

    SendBox *sendBox = m_ui->sendBox;
    sendBox->setSender([this](const QByteArray &bytes) { return sendBytes(bytes); });
    sendBox->installSendShortcut(this);
    sendBox->sendFileButton()->hide();   // a file goes out through the client tab or netpoke-cli
    connect(sendBox, &SendBox::encodingChanged, this, &TcpServerPanel::onEncodingChanged);
    connect(m_ui->logWidget, &LogPane::encodingChoiceChanged, this, &TcpServerPanel::onEncodingChanged);
    connect(m_ui->logWidget, &LogPane::saveRequested, this, &TcpServerPanel::saveLogInteractive);
    connect(m_ui->logWidget, &LogPane::resetCountersRequested, this, [this] {
        m_server->resetCounters();
        m_lastCounters = {};
        m_rateClock.restart();
        updateCounters();
        m_chart->clear();
    });
    connect(m_framing, &FramingControls::changed, this, &TcpServerPanel::updateFraming);

    connect(m_ui->listenButton, &QPushButton::clicked, this, &TcpServerPanel::toggleListen);
    connect(m_ui->disconnectButton, &QPushButton::clicked, this, &TcpServerPanel::disconnectSelected);
    connect(m_ui->disconnectAllButton, &QPushButton::clicked, m_server, &Tcp::Server::disconnectAll);
    connect(m_ui->echo, &QCheckBox::toggled, m_server, &Tcp::Server::setEcho);
    connect(m_ui->serverNoDelay, &QCheckBox::toggled, m_server, &Tcp::Server::setNoDelay);
    connect(m_ui->maxConnections, &QSpinBox::valueChanged, m_server, &Tcp::Server::setMaxConnections);
    connect(m_ui->certBrowse, &QToolButton::clicked, this, [this] { chooseFile(m_ui->certFile, tr("TLS certificate (PEM)")); });
    connect(m_ui->keyBrowse, &QToolButton::clicked, this, [this] { chooseFile(m_ui->keyFile, tr("TLS private key (PEM)")); });
    connect(m_ui->sendToAll, &QCheckBox::toggled, this, [this] { m_ui->sendBox->showError(QString()); });

    connect(m_server, &Tcp::Server::chunksReady, m_streamLog, &TcpStreamLog::addChunks);
    connect(m_server, &Tcp::Server::connectionOpened, this, [this](const Tcp::ConnectionInfo &c) {
        addEvent(tr("#%1 %2 connected%3").arg(c.id).arg(displayEndpoint(c.peer, c.peerPort),
                                                       c.encrypted ? tr(" (TLS)") : QString()));
    });
    connect(m_server, &Tcp::Server::connectionClosed, this, [this](const Tcp::ConnectionInfo &c, const QString &reason) {
        m_streamLog->endConnection(c.id);
        addEvent(tr("#%1 %2 closed: %3 (RX %4, TX %5 bytes)")
                     .arg(c.id)
                     .arg(displayEndpoint(c.peer, c.peerPort), TextCodec::visibleText(reason, 300),
                          QLocale().toString(c.rxBytes), QLocale().toString(c.txBytes)));
    });
    connect(m_server, &Tcp::Server::connectionRefused, this, [this](const QHostAddress &peer, quint16 port, const QString &reason) {
        ++m_refused;
        addEvent(tr("%1 refused: %2").arg(displayEndpoint(peer, port), TextCodec::visibleText(reason, 300)));
    });
    connect(m_server, &Tcp::Server::writeBufferFull, this, [this](quint64 id, const QString &message) {
        if (++m_fullReports <= MaxFullReportsPerRefresh)
            addEvent(tr("#%1 not sent: %2").arg(id).arg(TextCodec::visibleText(message, 300)));
    });
    connect(m_server, &Tcp::Server::tlsErrorsOccurred, this, [this](quint64 id, const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &e : errors)
            texts << TextCodec::visibleText(e.errorString(), 200);
        addEvent(tr("#%1 TLS: %2").arg(id).arg(texts.join(QStringLiteral("; "))));
    });
    connect(m_server, &Tcp::Server::errorOccurred, this, [this] {
        showError(m_ui->listenError, m_server->errorString());
    });
    connect(m_server, &Tcp::Server::listeningChanged, this, &TcpServerPanel::updateListenState);

    fillSettingsTable();
    m_refreshTimer.setInterval(500);
    connect(&m_refreshTimer, &QTimer::timeout, this, &TcpServerPanel::refreshConnections);
    m_refreshTimer.start();
    m_rateClock.start();

    loadSettings();
    updateListenState();
    updateCounters();
}

TcpServerPanel::~TcpServerPanel()
{
    delete m_ui;
}

void TcpServerPanel::fillSettingsTable()
{
    m_settings.add(QStringLiteral("listenAddress"), m_ui->listenAddress, SettingsTable::ByDataOrText);
    m_settings.add(QStringLiteral("listenPort"), m_ui->listenPort)
        .add(QStringLiteral("maxConnections"), m_ui->maxConnections)
        .add(QStringLiteral("echo"), m_ui->echo)
        .add(QStringLiteral("noDelay"), m_ui->serverNoDelay)
        .add(QStringLiteral("certFile"), m_ui->certFile)
        .add(QStringLiteral("keyFile"), m_ui->keyFile)
        .add(QStringLiteral("sendToAll"), m_ui->sendToAll);
    m_ui->sendBox->addSettings(m_settings);
    m_ui->logWidget->addSettings(m_settings);
    m_chart = m_ui->logWidget->addRateChart(m_settings, [this] {
        const Tcp::Counters c = m_server->counters();
        return RateChart::Totals{c.rxReads, 0, c.rxBytes, c.txBytes};
    }, false);
    m_framing->addSettings(m_settings);
    m_settings.add(QStringLiteral("splitter"), m_ui->tcpSplitter)
        .add(QStringLiteral("rightSplitter"), m_ui->rightSplitter);
}

void TcpServerPanel::loadSettings()
{
    m_settings.load();
    m_server->setEcho(m_ui->echo->isChecked());
    m_server->setNoDelay(m_ui->serverNoDelay->isChecked());
    m_server->setMaxConnections(m_ui->maxConnections->value());
    onEncodingChanged();
    updateFraming();
}

void TcpServerPanel::saveSettings() const
{
    m_settings.save();
}

QString TcpServerPanel::title() const
{
    return tr("TCP Server");
}

void TcpServerPanel::changeEvent(QEvent *event)
{
    Panel::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFontMetrics();
}

void TcpServerPanel::showEvent(QShowEvent *event)
{
    Panel::showEvent(event);
    if (!m_fitted) {
        m_fitted = true;
        applyFontMetrics();
    }
}

void TcpServerPanel::applyFontMetrics()
{
    QTableView *view = m_ui->connectionView;
    const QFontMetrics fm = view->fontMetrics();   // larger in presentation mode
    view->horizontalHeader()->setFont(view->font());   // Qt 6.4 keeps a header's first font (see LogPane)
    view->verticalHeader()->setDefaultSectionSize(fm.height() + fm.height() / 3);
    const int pad = fm.averageCharWidth() * 3;
    view->setColumnWidth(TcpConnectionModel::IdColumn, fm.horizontalAdvance(QStringLiteral("00000")) + pad);
    view->setColumnWidth(TcpConnectionModel::PeerColumn, fm.horizontalAdvance(QStringLiteral("255.255.255.255:65535")) + pad);
    view->setColumnWidth(TcpConnectionModel::SinceColumn, fm.horizontalAdvance(QStringLiteral("00:00:00")) + pad);
    for (int c : {int(TcpConnectionModel::RxColumn), int(TcpConnectionModel::TxColumn)})
        view->setColumnWidth(c, qMax(fm.horizontalAdvance(QStringLiteral("000,000,000")),
                                     fm.horizontalAdvance(m_connections->headerData(c, Qt::Horizontal).toString())) + pad);
    const int natural = m_ui->controls->minimumSizeHint().width()
                      + m_ui->controlsScroll->verticalScrollBar()->sizeHint().width();
    const int screenWidth = screen() ? screen()->availableSize().width() : 1024;
    m_ui->controlsScroll->setMinimumWidth(qMin(natural, screenWidth * 45 / 100));
}

void TcpServerPanel::chooseFile(QLineEdit *edit, const QString &caption)
{
    const QString f = QFileDialog::getOpenFileName(this, caption, edit->text(), tr("PEM (*.pem *.crt *.key);;All files (*)"));
    if (!f.isEmpty())
        edit->setText(f);
}

void TcpServerPanel::toggleListen()
{
    if (m_server->isListening())
        stopListening();
    else
        startListening();
}

bool TcpServerPanel::startListening()
{
    showError(m_ui->listenError, QString());
    QComboBox *combo = m_ui->listenAddress;
    const int i = combo->currentIndex();
    QString text = combo->currentText().trimmed();
    bool any = false;
    QHostAddress address;
    if (i >= 0 && combo->itemText(i) == text) {
        const QString data = combo->itemData(i).toString();
        any = data == QLatin1String(DualStackData);
        address = any ? QHostAddress() : QHostAddress(data);
    } else {
        const qsizetype space = text.indexOf(QLatin1Char(' '));
        address = Net::parseAddress(space > 0 ? text.left(space) : text);
        if (address.isNull()) {
            showError(m_ui->listenError, tr("\"%1\" is not an IP address. Choose one from the list.")
                                             .arg(TextCodec::visibleText(text, 100)));
            return false;
        }
    }
    const QString cert = m_ui->certFile->text().trimmed();
    const QString key = m_ui->keyFile->text().trimmed();
    if (cert.isEmpty() != key.isEmpty()) {
        showError(m_ui->listenError, tr("TLS needs both a certificate and its key (PEM files); leave both empty for plain TCP."));
        return false;
    }
    if (cert.isEmpty()) {
        m_server->clearTls();
    } else if (!m_server->setTlsCertificate(cert, key)) {
        showError(m_ui->listenError, m_server->errorString());
        return false;
    }
    const quint16 port = quint16(m_ui->listenPort->value());
    const bool ok = any ? m_server->listenAny(port) : m_server->listen(address, port);
    if (!ok)
        showError(m_ui->listenError, m_server->errorString());
    updateListenState();
    return ok;
}

void TcpServerPanel::stopListening()
{
    m_ui->sendBox->stopPeriodic();
    m_server->close();
    updateListenState();
    refreshConnections();
}

void TcpServerPanel::updateListenState()
{
    const bool on = m_server->isListening();
    m_ui->listenButton->setText(on ? tr("Stop") : tr("Listen"));
    for (QWidget *w : {static_cast<QWidget *>(m_ui->listenAddress), static_cast<QWidget *>(m_ui->listenPort),
                       static_cast<QWidget *>(m_ui->certFile), static_cast<QWidget *>(m_ui->keyFile),
                       static_cast<QWidget *>(m_ui->certBrowse), static_cast<QWidget *>(m_ui->keyBrowse)})
        w->setEnabled(!on);
    if (on) {
        const QString where = displayEndpoint(m_server->serverAddress(), m_server->serverPort());
        m_ui->listenStatus->setText(m_server->tlsEnabled() ? tr("Listening on %1 (TLS)").arg(where)
                                                           : tr("Listening on %1").arg(where));
        setTone(m_ui->listenStatus, Tone::Ok);
    } else {
        m_ui->listenStatus->setText(tr("Not listening."));
        setTone(m_ui->listenStatus, Tone::Normal);
    }
}

void TcpServerPanel::addEvent(const QString &line)
{
    m_events->appendPlainText(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz ")) + line);
}

void TcpServerPanel::refreshConnections()
{
    m_connections->update(m_server->connections());
    if (m_fullReports > MaxFullReportsPerRefresh)
        addEvent(tr("%n more sends refused because write buffers were full.", nullptr,
                    m_fullReports - MaxFullReportsPerRefresh));
    m_fullReports = 0;
    updateCounters();
}

QList<quint64> TcpServerPanel::selectedIds() const
{
    QList<quint64> ids;
    for (const QModelIndex &i : m_ui->connectionView->selectionModel()->selectedRows())
        ids << m_connections->idAt(i.row());
    return ids;
}

bool TcpServerPanel::sendBytes(const QByteArray &bytes)
{
    SendBox *box = m_ui->sendBox;
    if (m_server->connectionCount() == 0) {
        box->showError(tr("No connection to send to."));
        return false;
    }
    int targets = 0;
    int sent = 0;
    if (m_ui->sendToAll->isChecked()) {
        targets = m_server->connectionCount();
        sent = m_server->sendToAll(bytes);
    } else {
        const QList<quint64> ids = selectedIds();
        if (ids.isEmpty()) {
            box->showError(tr("Select connections in the table, or tick \"Send to all\"."));
            return false;
        }
        targets = int(ids.size());
        sent = m_server->send(ids, bytes);
    }
    if (sent < targets) {
        //: %1 of %2 connections
        box->showError(tr("Sent to %1 of %2 connections: the others are gone or do not read (their write buffer "
                          "of %3 is full); nothing was queued for them.")
                           .arg(sent).arg(targets).arg(humanBytes(double(m_server->maxWriteBuffer()))));
    }
    return sent > 0;
}

bool TcpServerPanel::sendNow()
{
    return m_ui->sendBox->sendNow();
}

void TcpServerPanel::disconnectSelected()
{
    for (const quint64 id : selectedIds())
        m_server->disconnectClient(id);
}

void TcpServerPanel::updateCounters()
{
    const Tcp::Counters c = m_server->counters();
    const double secs = qMax<qint64>(1, m_rateClock.restart()) / 1000.0;
    const double rxBps = (c.rxBytes - qMin(c.rxBytes, m_lastCounters.rxBytes)) / secs;
    const double txBps = (c.txBytes - qMin(c.txBytes, m_lastCounters.txBytes)) / secs;
    const double rxRps = (c.rxReads - qMin(c.rxReads, m_lastCounters.rxReads)) / secs;
    m_lastCounters = c;
    const QLocale loc;
    m_ui->logWidget->rxCounter()->setText(tr("RX %1 in %2 reads (%3/s, %4 reads/s)")
                                              .arg(humanBytes(double(c.rxBytes)), loc.toString(c.rxReads),
                                                   humanBytes(rxBps), loc.toString(qRound64(rxRps))));
    m_ui->logWidget->txCounter()->setText(tr("TX %1 (%2/s)").arg(humanBytes(double(c.txBytes)), humanBytes(txBps)));
    m_ui->connectionsNote->setText(tr("%1 of at most %2 connections, %3 refused")
                                       .arg(loc.toString(m_server->connectionCount()),
                                            loc.toString(m_server->maxConnections()), loc.toString(m_refused)));
}

void TcpServerPanel::updateFraming()
{
    m_streamLog->setFraming(m_framing->mode(), m_framing->parameter());
}

void TcpServerPanel::onEncodingChanged()
{
    m_model->setEncoding(m_ui->logWidget->encodingFor(m_ui->sendBox->encoding()));
    m_ui->logWidget->setTabEncoding(m_model->encoding());
}

void TcpServerPanel::saveLogInteractive()
{
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Save log"), QStringLiteral("tcp-server-log.txt"),
                                                          tr("Text (*.txt);;CSV (*.csv)"));
    if (fileName.isEmpty())
        return;
    QString error;
    if (!saveLog(fileName, &error))
        QMessageBox::warning(this, tr("Save log"), error);
}

bool TcpServerPanel::saveLog(const QString &fileName, QString *error) const
{
    m_streamLog->flushAll();
    return writePacketLog(*m_model, fileName, error);
}

} // namespace NetPoke
