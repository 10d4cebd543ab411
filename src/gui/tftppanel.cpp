#include "tftppanel.h"

#include "errorlabel.h"
#include "hostport.h"
#include "tftp/tftpclient.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QUrl>
#include <QValueAxis>
#include <QVBoxLayout>

#include <climits>
#include <cmath>

namespace NetPoke {

namespace {

QString formatDuration(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 60)
        return QStringLiteral("%1.%2 s").arg(s).arg((ms % 1000) / 100);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString formatRate(double bytesPerSecond)
{
    return QLocale().formattedDataSize(qint64(bytesPerSecond), 1, QLocale::DataSizeIecFormat)
         + QStringLiteral("/s");
}


} // namespace

TftpPanel::TftpPanel(QWidget *parent)
    : Panel(parent)
    , m_client(new Tftp::Client(this))
{
    buildUi();
    connect(m_client, &Tftp::Client::progressChanged, this, &TftpPanel::onProgress);
    connect(m_client, &Tftp::Client::packetTraced, this, &TftpPanel::onTrace);
    connect(m_client, &Tftp::Client::finished, this, &TftpPanel::onFinished);
    loadSettings();
    setRunning(false);
}

TftpPanel::~TftpPanel()
{
    if (m_client->state() == Tftp::Client::Requesting || m_client->state() == Tftp::Client::Transferring
        || m_client->state() == Tftp::Client::Resolving)
        m_client->cancel();
}

void TftpPanel::buildUi()
{
    // --- Form ---
    auto *serverBox = new QGroupBox(tr("Download"), this);
    m_host = new QLineEdit(QStringLiteral("127.0.0.1"), serverBox);
    m_host->setObjectName(QStringLiteral("tftpHost"));
    m_host->setPlaceholderText(tr("server address or name"));
    m_port = new QSpinBox(serverBox);
    m_port->setObjectName(QStringLiteral("tftpPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(69);
    m_remoteFile = new QLineEdit(serverBox);
    m_remoteFile->setObjectName(QStringLiteral("tftpRemoteFile"));
    m_remoteFile->setPlaceholderText(tr("file name on the server"));
    m_localFile = new QLineEdit(serverBox);
    m_localFile->setObjectName(QStringLiteral("tftpLocalFile"));
    auto *browseButton = new QPushButton(tr("Browse…"), serverBox);
    m_mode = new QComboBox(serverBox);
    m_mode->setObjectName(QStringLiteral("tftpMode"));
    m_mode->addItem(tr("octet (binary)"));
    m_mode->addItem(tr("netascii (text)"));
    m_formError = makeErrorLabel(serverBox, "tftpFormError");
    auto *form = new QFormLayout(serverBox);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(new QLabel(tr("Port"), serverBox));
    hostRow->addWidget(m_port);
    form->addRow(tr("Server"), hostRow);
    form->addRow(tr("Remote file"), m_remoteFile);
    auto *localRow = new QHBoxLayout;
    localRow->addWidget(m_localFile, 1);
    localRow->addWidget(browseButton);
    form->addRow(tr("Save as"), localRow);
    form->addRow(tr("Mode"), m_mode);
    form->addRow(m_formError);
    connect(browseButton, &QPushButton::clicked, this, &TftpPanel::browse);
    connect(m_remoteFile, &QLineEdit::textChanged, this, &TftpPanel::updateDefaultLocalFile);
    connect(m_localFile, &QLineEdit::textEdited, this, [this] { m_localFileEdited = !m_localFile->text().isEmpty(); });

    // --- Options ---
    auto *optionsBox = new QGroupBox(tr("Options"), this);
    m_blockSize = new QComboBox(optionsBox);
    m_blockSize->setObjectName(QStringLiteral("tftpBlockSize"));
    m_blockSize->setEditable(true);
    m_blockSize->addItem(tr("auto"), 0);
    for (int size : {512, 1428, 1468, 8192, 65464})
        m_blockSize->addItem(QString::number(size), size);
    m_blockSize->setToolTip(tr("Bytes per DATA packet (RFC 2348, 8-65464). auto: the largest that fits the network path."));
    m_windowSize = new QSpinBox(optionsBox);
    m_windowSize->setObjectName(QStringLiteral("tftpWindowSize"));
    m_windowSize->setRange(1, 65535);
    m_windowSize->setValue(8);
    m_windowSize->setToolTip(tr("Blocks sent before each ACK (RFC 7440). 1 is classic lock-step."));
    m_timeout = new QSpinBox(optionsBox);
    m_timeout->setObjectName(QStringLiteral("tftpTimeout"));
    m_timeout->setRange(0, 255000);
    m_timeout->setSingleStep(100);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setSpecialValueText(tr("adaptive"));
    m_retries = new QSpinBox(optionsBox);
    m_retries->setObjectName(QStringLiteral("tftpRetries"));
    m_retries->setRange(0, 100);
    m_retries->setValue(5);
    m_tsize = new QCheckBox(tr("Ask for the file size (tsize)"), optionsBox);
    m_tsize->setObjectName(QStringLiteral("tftpTsize"));
    m_tsize->setChecked(true);
    m_rfc1350 = new QCheckBox(tr("RFC 1350 only (no options, 512-byte blocks)"), optionsBox);
    m_rfc1350->setObjectName(QStringLiteral("tftpRfc1350"));
    auto *opt = new QFormLayout(optionsBox);
    opt->addRow(tr("Block size"), m_blockSize);
    opt->addRow(tr("Window size"), m_windowSize);
    opt->addRow(tr("Timeout"), m_timeout);
    opt->addRow(tr("Retries"), m_retries);
    opt->addRow(m_tsize);
    opt->addRow(m_rfc1350);
    m_optionsError = makeErrorLabel(optionsBox, "tftpOptionsError");
    opt->addRow(m_optionsError);
    connect(m_rfc1350, &QCheckBox::toggled, this, [this](bool on) {
        for (QWidget *w : {static_cast<QWidget *>(m_blockSize), static_cast<QWidget *>(m_windowSize),
                           static_cast<QWidget *>(m_tsize), static_cast<QWidget *>(m_timeout)})
            w->setEnabled(!on);
    });

    // --- Controls and status ---
    m_startButton = new QPushButton(tr("Start"), this);
    m_startButton->setObjectName(QStringLiteral("tftpStartButton"));
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("tftpCancelButton"));
    m_openFolderButton = new QPushButton(tr("Open folder"), this);
    m_openFolderButton->setObjectName(QStringLiteral("tftpOpenFolder"));
    m_openFolderButton->hide();
    connect(m_startButton, &QPushButton::clicked, this, &TftpPanel::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &TftpPanel::cancel);
    connect(m_openFolderButton, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_activeLocalFile).absolutePath()));
    });

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("tftpProgress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->setMinimumHeight(28);
    auto makeValue = [this](const char *name) {
        auto *l = new QLabel(QStringLiteral("–"), this);
        l->setObjectName(QLatin1String(name));
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return l;
    };
    m_speed = makeValue("tftpSpeed");
    m_eta = makeValue("tftpEta");
    m_elapsed = makeValue("tftpElapsed");
    m_blocks = makeValue("tftpBlocks");
    m_retransmissions = makeValue("tftpRetransmissions");
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("tftpResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *stats = new QGridLayout;
    stats->addWidget(new QLabel(tr("Speed"), this), 0, 0);
    stats->addWidget(m_speed, 0, 1);
    stats->addWidget(new QLabel(tr("Time left"), this), 0, 2);
    stats->addWidget(m_eta, 0, 3);
    stats->addWidget(new QLabel(tr("Elapsed"), this), 0, 4);
    stats->addWidget(m_elapsed, 0, 5);
    stats->addWidget(new QLabel(tr("Blocks"), this), 1, 0);
    stats->addWidget(m_blocks, 1, 1);
    stats->addWidget(new QLabel(tr("Retransmissions"), this), 1, 2);
    stats->addWidget(m_retransmissions, 1, 3);
    stats->setColumnStretch(1, 1);
    stats->setColumnStretch(3, 1);
    stats->setColumnStretch(5, 1);

    // --- Chart: throughput over time, retransmissions marked ---
    m_chart = new QChart;
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_rateSeries = new QLineSeries(m_chart);
    m_rateSeries->setName(tr("Throughput (MiB/s)"));
    m_retransmitSeries = new QScatterSeries(m_chart);
    m_retransmitSeries->setName(tr("Retransmission"));
    m_retransmitSeries->setMarkerSize(9);
    m_retransmitSeries->setColor(QColor(0xd1, 0x24, 0x2f));
    m_chart->addSeries(m_rateSeries);
    m_chart->addSeries(m_retransmitSeries);
    m_axisX = new QValueAxis(m_chart);
    m_axisX->setTitleText(tr("seconds"));
    m_axisX->setRange(0, 10);
    m_axisX->setLabelFormat(QStringLiteral("%.0f"));
    m_axisX->setTickCount(6);
    m_axisY = new QValueAxis(m_chart);
    m_axisY->setTitleText(tr("MiB/s"));
    m_axisY->setRange(0, 1);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    for (auto *s : {static_cast<QXYSeries *>(m_rateSeries), static_cast<QXYSeries *>(m_retransmitSeries)}) {
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    auto *chartView = new QChartView(m_chart, this);
    chartView->setObjectName(QStringLiteral("tftpChart"));
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumHeight(180);

    m_trace = new QPlainTextEdit(this);
    m_trace->setObjectName(QStringLiteral("tftpTrace"));
    m_trace->setReadOnly(true);
    m_trace->setMaximumBlockCount(5000);
    m_trace->setPlaceholderText(tr("Packet trace: RRQ, OACK, DATA n, ACK n, ERROR"));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_trace->setFont(mono);

    auto *left = new QVBoxLayout;
    left->addWidget(serverBox);
    left->addWidget(optionsBox);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_startButton);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch();
    left->addLayout(buttons);
    left->addStretch();
    auto *leftWidget = new QWidget(this);
    leftWidget->setLayout(left);
    leftWidget->setFixedWidth(400);

    auto *right = new QVBoxLayout;
    right->addWidget(m_progress);
    right->addLayout(stats);
    auto *resultRow = new QHBoxLayout;
    resultRow->addWidget(m_result, 1);
    resultRow->addWidget(m_openFolderButton);
    right->addLayout(resultRow);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(chartView);
    split->addWidget(m_trace);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    right->addWidget(split, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(leftWidget);
    layout->addLayout(right, 1);
}

void TftpPanel::updateDefaultLocalFile()
{
    if (m_localFileEdited)
        return;
    const QString remote = m_remoteFile->text().trimmed();
    QString base = remote.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
    if (base.isEmpty()) {
        m_localFile->clear();
        return;
    }
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    m_localFile->setText(QDir(folder).filePath(base));
}

void TftpPanel::browse()
{
    const QString f = QFileDialog::getSaveFileName(this, tr("Save the download as"), m_localFile->text(), QString(),
                                                   nullptr, QFileDialog::DontConfirmOverwrite);
    if (f.isEmpty())
        return;
    m_localFile->setText(f);
    m_localFileEdited = true;
}

// The options group as ClientOptions; false with the reason shown under the options (and the field focused).
bool TftpPanel::readOptions(Tftp::ClientOptions *o)
{
    o->mode = m_mode->currentIndex() == 1 ? Tftp::ClientOptions::NetAscii : Tftp::ClientOptions::Octet;
    o->rfc1350Only = m_rfc1350->isChecked();
    bool numeric = false;
    const int blk = m_blockSize->currentText().trimmed().toInt(&numeric);
    if (m_blockSize->currentIndex() == 0 && m_blockSize->currentText() == m_blockSize->itemText(0)) {
        o->blockSize = 0;
    } else if (!numeric || blk <= 0) {
        showError(m_optionsError, tr("Block size \"%1\" is not valid: use auto or a number from 8 to 65464.")
                                      .arg(m_blockSize->currentText()));
        m_blockSize->setFocus();
        return false;
    } else {
        o->blockSize = blk;
    }
    o->windowSize = m_windowSize->value();
    o->timeoutMs = m_timeout->value();
    o->retries = m_retries->value();
    o->requestTsize = m_tsize->isChecked();
    Tftp::ClientOptions::Field field = Tftp::ClientOptions::NoField;
    const QString invalid = o->validate(&field);
    if (!invalid.isEmpty()) {
        showError(m_optionsError, invalid);
        QWidget *const fields[] = {nullptr, m_blockSize, m_windowSize, m_timeout, m_retries};
        if (fields[field])
            fields[field]->setFocus();
        return false;
    }
    return true;
}

bool TftpPanel::start()
{
    showError(m_formError, QString());
    showError(m_optionsError, QString());
    const QString host = m_host->text().trimmed();
    const QString remote = m_remoteFile->text().trimmed();
    const QString local = m_localFile->text().trimmed();
    QString hostError;
    if (!HostPort::validateHost(host, &hostError)) {
        showError(m_formError, hostError);
        m_host->setFocus();
        return false;
    }
    if (remote.isEmpty()) {
        showError(m_formError, tr("Enter the name of the file to download."));
        m_remoteFile->setFocus();
        return false;
    }
    if (local.isEmpty()) {
        showError(m_formError, tr("Choose where to save the file."));
        m_localFile->setFocus();
        return false;
    }
    const QFileInfo localInfo(local);
    if (localInfo.isDir()) {
        showError(m_formError, tr("%1 is a folder: enter a file name.").arg(local));
        return false;
    }
    if (!localInfo.absoluteDir().exists()) {
        showError(m_formError, tr("The folder %1 does not exist.").arg(localInfo.absolutePath()));
        return false;
    }
    Tftp::ClientOptions o;   // before the question below: a refused option asks nothing
    if (!readOptions(&o))
        return false;
    if (localInfo.exists() && m_confirmOverwrite
        && QMessageBox::question(this, tr("Replace file?"),
                                 tr("%1 already exists. Replace it when the download succeeds?").arg(local))
               != QMessageBox::Yes) {
        return false;
    }
    m_client->setOptions(o);

    m_trace->clear();
    m_rateSeries->clear();
    m_retransmitSeries->clear();
    m_axisX->setRange(0, 10);
    m_axisY->setRange(0, 1);
    m_chartMaxRate = 1;
    m_lastRetransmissions = 0;
    m_result->clear();
    m_result->setStyleSheet(QString());
    m_openFolderButton->hide();
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("%p%"));
    for (QLabel *l : {m_speed, m_eta, m_elapsed, m_blocks, m_retransmissions})
        l->setText(QStringLiteral("–"));

    m_client->setTraceEnabled(true);
    m_activeLocalFile = localInfo.absoluteFilePath();
    if (!m_client->download(host, quint16(m_port->value()), remote, m_activeLocalFile)) {
        showError(m_formError, m_client->errorString());
        return false;
    }
    setRunning(true);
    return true;
}

void TftpPanel::cancel()
{
    m_client->cancel();
}

void TftpPanel::setRunning(bool running)
{
    m_startButton->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    for (QWidget *w : {static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port),
                       static_cast<QWidget *>(m_remoteFile), static_cast<QWidget *>(m_localFile)})
        w->setEnabled(!running);
}

void TftpPanel::onProgress(const Tftp::Progress &p)
{
    const QLocale loc;
    if (p.total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(qBound(qint64(0), p.bytes * 1000 / p.total, qint64(1000))));
        m_progress->setFormat(tr("%1% (%2 of %3)")
                                  .arg(loc.toString(qMin(100.0, p.bytes * 100.0 / p.total), 'f', 1),
                                       loc.formattedDataSize(p.bytes, 2, QLocale::DataSizeIecFormat), loc.formattedDataSize(p.total, 2, QLocale::DataSizeIecFormat)));
        const qint64 left = p.remainingMs();   // none once the transfer has ended (also after a cancel)
        m_eta->setText(left >= 0 && p.bytes < p.total ? formatDuration(left) : QStringLiteral("–"));
    } else {
        // Size unknown: a busy indicator, and the bytes so far.
        m_progress->setRange(0, 0);
        m_progress->setFormat(loc.formattedDataSize(p.bytes, 2, QLocale::DataSizeIecFormat));
        m_eta->setText(p.ended ? QStringLiteral("–") : tr("unknown"));
    }
    m_speed->setText(formatRate(p.bytesPerSecond));
    m_elapsed->setText(formatDuration(p.elapsedMs));
    m_blocks->setText(loc.toString(qulonglong(p.blocks)));
    m_retransmissions->setText(loc.toString(qulonglong(p.retransmissions)));

    const double t = p.elapsedMs / 1000.0;
    const double mib = p.bytesPerSecond / (1024.0 * 1024.0);
    // Thin the chart to ~600 points for long transfers so it stays cheap.
    if (m_rateSeries->count() > 600) {
        QList<QPointF> pts = m_rateSeries->points();
        QList<QPointF> thinned;
        for (int i = 0; i < pts.size(); i += 2)
            thinned << pts.at(i);
        m_rateSeries->replace(thinned);
    }
    m_rateSeries->append(t, mib);
    if (p.retransmissions > m_lastRetransmissions)
        m_retransmitSeries->append(t, mib);
    m_lastRetransmissions = p.retransmissions;
    if (t > m_axisX->max())
        m_axisX->setRange(0, std::ceil(t * 1.5 / 10) * 10);   // round, so the 6 ticks fall on whole seconds
    if (mib > m_chartMaxRate) {
        m_chartMaxRate = mib;
        m_axisY->setRange(0, mib * 1.2);
        m_axisY->applyNiceNumbers();
    }
}

void TftpPanel::onTrace(const Tftp::TraceEntry &e)
{
    QString line = QStringLiteral("%1  %2  %3")
                       .arg(QString::number(e.elapsedMs / 1000.0, 'f', 3).rightJustified(8),
                            e.note ? QStringLiteral(" ") : e.outgoing ? QStringLiteral("→") : QStringLiteral("←"),
                            e.summary);
    if (e.retransmission)
        line += QLatin1Char(' ') + tr("(retransmission)");
    m_trace->appendPlainText(line);
}

void TftpPanel::onFinished(bool ok)
{
    setRunning(false);
    const Tftp::Progress p = m_client->progress();
    onProgress(p);
    if (ok) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(1000);
        m_progress->setFormat(tr("100% (%1)").arg(QLocale().formattedDataSize(p.bytes, 2, QLocale::DataSizeIecFormat)));
        m_result->setText(tr("Downloaded %1 in %2 (%3), retransmissions: %n. Saved as %4.", nullptr,
                             int(qMin<quint64>(p.retransmissions, INT_MAX)))
                              .arg(QLocale().formattedDataSize(p.bytes, 2, QLocale::DataSizeIecFormat),
                                   formatDuration(p.elapsedMs), formatRate(p.averageBytesPerSecond()),
                                   QDir::toNativeSeparators(m_activeLocalFile)));
        m_result->setStyleSheet(QStringLiteral("color: #1a7f37;"));
        m_openFolderButton->show();
        m_eta->setText(QStringLiteral("–"));
    } else {
        if (m_progress->maximum() == 0)
            m_progress->setRange(0, 100);
        m_result->setText(m_client->errorString() + QLatin1Char(' ')
                          + tr("No file was written; an existing file of that name is unchanged."));
        m_result->setStyleSheet(QStringLiteral("color: #b3261e;"));
    }
    emit transferFinished(ok);
}

QString TftpPanel::title() const
{
    return tr("TFTP");
}

void TftpPanel::loadSettings()
{
    QSettings s;
    s.beginGroup(QStringLiteral("tftp"));
    m_host->setText(s.value(QStringLiteral("host"), m_host->text()).toString());
    m_port->setValue(s.value(QStringLiteral("port"), 69).toInt());
    m_remoteFile->setText(s.value(QStringLiteral("remoteFile")).toString());
    m_mode->setCurrentIndex(s.value(QStringLiteral("mode"), 0).toInt() == 1 ? 1 : 0);
    const QString blk = s.value(QStringLiteral("blockSize")).toString();
    if (!blk.isEmpty()) {
        const int i = m_blockSize->findText(blk);
        if (i >= 0)
            m_blockSize->setCurrentIndex(i);
        else
            m_blockSize->setEditText(blk);
    }
    m_windowSize->setValue(s.value(QStringLiteral("windowSize"), 8).toInt());
    m_timeout->setValue(s.value(QStringLiteral("timeoutMs"), 0).toInt());
    m_retries->setValue(s.value(QStringLiteral("retries"), 5).toInt());
    m_tsize->setChecked(s.value(QStringLiteral("tsize"), true).toBool());
    m_rfc1350->setChecked(s.value(QStringLiteral("rfc1350"), false).toBool());
    s.endGroup();
}

void TftpPanel::saveSettings() const
{
    QSettings s;
    s.beginGroup(QStringLiteral("tftp"));
    s.setValue(QStringLiteral("host"), m_host->text());
    s.setValue(QStringLiteral("port"), m_port->value());
    s.setValue(QStringLiteral("remoteFile"), m_remoteFile->text());
    s.setValue(QStringLiteral("mode"), m_mode->currentIndex());
    s.setValue(QStringLiteral("blockSize"), m_blockSize->currentText());
    s.setValue(QStringLiteral("windowSize"), m_windowSize->value());
    s.setValue(QStringLiteral("timeoutMs"), m_timeout->value());
    s.setValue(QStringLiteral("retries"), m_retries->value());
    s.setValue(QStringLiteral("tsize"), m_tsize->isChecked());
    s.setValue(QStringLiteral("rfc1350"), m_rfc1350->isChecked());
    s.endGroup();
}

} // namespace NetPoke
