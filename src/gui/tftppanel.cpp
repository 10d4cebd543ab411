#include "tftppanel.h"

#include "colors.h"
#include "errorlabel.h"
#include "hostport.h"
#include "ladderwindow.h"
#include "inspectorwidget.h"
#include "tftp/tftpclient.h"
#include "tftp/tftpsink.h"
#include "tracetext.h"
#include "ui_tftppanel.h"
#include "wheelguard.h"

#include <QChart>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QScatterSeries>
#include <QScreen>
#include <QScrollBar>
#include <QStandardPaths>
#include <QUrl>
#include <QValueAxis>

#include <climits>
#include <cmath>
#include <memory>

namespace NetPoke {

namespace {

// Ticks on the chart's axes: the rate axis is the short one, its labels stacked at the zoomed font's height.
constexpr int TimeSteps = 5;
constexpr int RateSteps = 3;

// What the figures show while there is no value (before a transfer, after a cancel or a failure).
const QString NoValue = QStringLiteral("–");

QString formatDuration(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 60)
        //: A duration in seconds with one decimal, e.g. "3.2 s"
        return QCoreApplication::translate("NetPoke::TftpPanel", "%1.%2 s").arg(s).arg((ms % 1000) / 100);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString formatRate(double bytesPerSecond)
{
    //: A rate: %1 is a data size such as "1.5 MiB"
    return QCoreApplication::translate("NetPoke::TftpPanel", "%1/s")
        .arg(QLocale().formattedDataSize(qint64(bytesPerSecond), 1, QLocale::DataSizeIecFormat));
}

QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 2, QLocale::DataSizeIecFormat);
}

// The axis from 0 to a round value at or above max, ticks on steps of 1, 2 or 5 × 10^n (2 to maxSteps of
// them), so a 0.37 s transfer fills the chart (0–0.4 s) as a 37 s one does (0–40 s). With 5 steps the range
// ends below 1.5 × max.
void setRoundRange(QValueAxis *axis, double max, int maxSteps)
{
    if (!(max > 0))
        max = 1;
    const double rough = max / maxSteps;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = 10 * magnitude;
    for (double m : {1.0, 2.0, 5.0}) {
        if (m * magnitude >= rough) {
            step = m * magnitude;
            break;
        }
    }
    const int steps = qMax(1, int(std::ceil(max / step - 1e-9)));
    axis->setRange(0, steps * step);
    axis->setTickCount(steps + 1);
    const int decimals = qMax(0, -int(std::floor(std::log10(step) + 1e-9)));
    axis->setLabelFormat(QStringLiteral("%.") + QString::number(decimals) + QStringLiteral("f"));
}

} // namespace

TftpPanel::TftpPanel(QWidget *parent)
    : Panel(parent)
    , m_ui(new Ui::TftpPanel)
    , m_client(new Tftp::Client(this))
{
    m_ui->setupUi(this);
    m_teaching = new TeachingBox(m_ui->tftpFormArea);   // the ladder's hooks: teaching fields, "Ladder…"
    m_ui->formAreaLayout->insertWidget(m_ui->formAreaLayout->indexOf(m_ui->tftpOptionsBox) + 1, m_teaching);
    m_ladder = new ClientLadder(m_client, this);
    connect(addLadderButton(m_ui->buttonRow, m_ui->tftpCancelButton), &QPushButton::clicked, m_ladder, &ClientLadder::show);
    guardWheel(this);
    setTone(m_ui->tftpFormError, Tone::Error);
    m_ui->tftpFormError->hide();
    m_ui->tftpOpenFolder->hide();
    setTraceFont(m_ui->tftpTrace);   // family only: the size follows the window's zoom
    InspectorWidget::linkTrace(m_ui->tftpTrace, InspectorWidget::attachBelow(m_ui->tftpTrace, QStringLiteral("tftpInspectorSplitter")));
    setUpChart();
    m_ui->tftpFormArea->installEventFilter(this);

    connect(m_ui->tftpBrowse, &QPushButton::clicked, this, &TftpPanel::browse);
    connect(m_ui->tftpUploadBrowse, &QPushButton::clicked, this, &TftpPanel::browseUpload);
    connect(m_ui->tftpRemoteFile, &QLineEdit::textChanged, this, &TftpPanel::updateDefaultLocalFile);
    connect(m_ui->tftpUploadFile, &QLineEdit::textChanged, this, &TftpPanel::updateDefaultRemoteFile);
    connect(m_ui->tftpDirectionUpload, &QRadioButton::toggled, this, &TftpPanel::updateDirection);
    connect(m_ui->tftpRfc1350, &QCheckBox::toggled, this, [this](bool on) {
        for (QWidget *w : {static_cast<QWidget *>(m_ui->tftpBlockSize), static_cast<QWidget *>(m_ui->tftpWindowSize),
                           static_cast<QWidget *>(m_ui->tftpTsize), static_cast<QWidget *>(m_ui->tftpTimeout)})
            w->setEnabled(!on);
    });
    connect(m_ui->tftpStartButton, &QPushButton::clicked, this, &TftpPanel::start);
    connect(m_ui->tftpCancelButton, &QPushButton::clicked, this, &TftpPanel::cancel);
    connect(m_ui->tftpOpenFolder, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_activeLocalFile).absolutePath()));
    });
    connect(m_client, &Tftp::Client::progressChanged, this, &TftpPanel::onProgress);
    connect(m_client, &Tftp::Client::packetTraced, this, &TftpPanel::onTrace);
    connect(m_client, &Tftp::Client::finished, this, &TftpPanel::onFinished);

    const auto readDirection = [this] {
        return uploadChosen() ? QStringLiteral("upload") : QStringLiteral("download");
    };
    const auto applyDirection = [this](const QVariant &v) {
        const bool up = v.toString() == QLatin1String("upload");
        (up ? m_ui->tftpDirectionUpload : m_ui->tftpDirectionDownload)->setChecked(true);
    };
    m_settings.add(QStringLiteral("direction"), readDirection, applyDirection, QStringLiteral("download"))
        .add(QStringLiteral("host"), m_ui->tftpHost)
        .add(QStringLiteral("port"), m_ui->tftpPort)
        .add(QStringLiteral("remoteFile"), m_ui->tftpRemoteFile)
        .add(QStringLiteral("uploadFile"), m_ui->tftpUploadFile)
        .add(QStringLiteral("mode"), m_ui->tftpMode, SettingsTable::ByIndex)
        .add(QStringLiteral("blockSize"), m_ui->tftpBlockSize, SettingsTable::ByText)
        .add(QStringLiteral("windowSize"), m_ui->tftpWindowSize)
        .add(QStringLiteral("timeoutMs"), m_ui->tftpTimeout)
        .add(QStringLiteral("retries"), m_ui->tftpRetries)
        .add(QStringLiteral("maxSize"), m_ui->tftpMaxSize)
        .add(QStringLiteral("maxSizeUnit"), m_ui->tftpMaxSizeUnit, SettingsTable::ByIndex)
        .add(QStringLiteral("tsize"), m_ui->tftpTsize)
        .add(QStringLiteral("rfc1350"), m_ui->tftpRfc1350);
    loadSettings();
    updateDirection();
    setRunning(false);
    resetFigures();
}

TftpPanel::~TftpPanel()
{
    if (m_client->state() == Tftp::Client::Requesting || m_client->state() == Tftp::Client::Transferring
        || m_client->state() == Tftp::Client::Resolving)
        m_client->cancel();
    delete m_ui;
}

// Throughput over time with retransmissions marked. QChart has no Designer plugin: the form holds the
// view (a promoted QChartView), the chart is made here.
void TftpPanel::setUpChart()
{
    m_chart = new QChart;
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_rateSeries = new QLineSeries(m_chart);
    m_rateSeries->setName(tr("Throughput (MiB/s)"));
    m_retransmitSeries = new QScatterSeries(m_chart);
    m_retransmitSeries->setName(tr("Retransmission"));
    m_retransmitSeries->setColor(Colors::chartRetransmission());
    m_chart->addSeries(m_rateSeries);
    m_chart->addSeries(m_retransmitSeries);
    m_axisX = new QValueAxis(m_chart);
    m_axisX->setTitleText(tr("seconds"));
    m_axisY = new QValueAxis(m_chart);
    m_axisY->setTitleText(tr("MiB/s"));
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    for (auto *s : {static_cast<QXYSeries *>(m_rateSeries), static_cast<QXYSeries *>(m_retransmitSeries)}) {
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    // QChartView makes a chart of its own and only releases it when given another: delete it.
    std::unique_ptr<QChart> defaultChart(m_ui->tftpChart->chart());
    m_ui->tftpChart->setChart(m_chart);
    m_ui->tftpChart->setRenderHint(QPainter::Antialiasing);
    applyFontToChart();
}

// The chart is a graphics scene: the widgets' font does not reach its labels, so the zoom is passed on
// here, and the sizes that were pixels (marker, the view's minimum height) follow the font's height.
void TftpPanel::applyFontToChart()
{
    const QFont f = font();
    QFont bold = f;
    bold.setBold(true);
    for (QValueAxis *axis : {m_axisX, m_axisY}) {
        axis->setLabelsFont(f);
        axis->setTitleFont(bold);
    }
    m_chart->legend()->setFont(f);
    const int line = fontMetrics().height();
    m_retransmitSeries->setMarkerSize(line * 0.55);
    // Also undoes what QChartView raised its minimum to (its chart's minimum at the previous zoom).
    // Legend, axis title, tick labels and a readable plot: with less, Qt Charts elides every label ("…").
    m_ui->tftpChart->setMinimumSize(0, line * 13);
}

void TftpPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        applyFontToChart();
    Panel::changeEvent(event);
}

void TftpPanel::resizeEvent(QResizeEvent *event)
{
    Panel::resizeEvent(event);
    updateFormWidth();
}

bool TftpPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->tftpFormArea && event->type() == QEvent::LayoutRequest)
        updateFormWidth();
    return Panel::eventFilter(watched, event);
}

// The form is as wide as its contents want at the current font (QScrollArea keeps the size hint it saw
// first, so it would not follow the zoom), with room for the vertical scroll bar so that its appearing
// does not cut the form. At most half the screen: beyond that, at a high zoom, the form scrolls sideways
// rather than pushing the window past the screen.
void TftpPanel::updateFormWidth()
{
    QScrollArea *scroll = m_ui->tftpFormScroll;
    const int wanted = m_ui->tftpFormArea->sizeHint().width() + scroll->verticalScrollBar()->sizeHint().width()
                     + 2 * scroll->frameWidth();
    const QScreen *s = screen();
    scroll->setMinimumWidth(s ? qMin(wanted, s->availableGeometry().width() / 2) : wanted);
    layOutFigures();
}

// The six figures as label/value pairs, as many in a row as fit beside the form (three at the default
// size, fewer when zoomed), so that they do not force the tab wider. The values get room for a wide
// figure, so the columns do not jump while the numbers change.
void TftpPanel::layOutFigures()
{
    const QList<QPair<QLabel *, QLabel *>> pairs{
        {m_ui->tftpSpeedLabel, m_ui->tftpSpeed}, {m_ui->tftpAverageLabel, m_ui->tftpAverage},
        {m_ui->tftpEtaLabel, m_ui->tftpEta}, {m_ui->tftpElapsedLabel, m_ui->tftpElapsed},
        {m_ui->tftpBlocksLabel, m_ui->tftpBlocks}, {m_ui->tftpRetransmissionsLabel, m_ui->tftpRetransmissions}};
    const int valueWidth = fontMetrics().horizontalAdvance(formatRate(999.9 * 1024 * 1024));
    int labelWidth = 0;
    for (const auto &[label, value] : pairs) {
        labelWidth = qMax(labelWidth, label->sizeHint().width());
        value->setMinimumWidth(valueWidth);
    }
    const int gap = fontMetrics().averageCharWidth() * 3;
    const int room = width() - m_ui->tftpFormScroll->minimumWidth() - gap;
    int perRow = 3;
    while (perRow > 1 && perRow * (labelWidth + valueWidth + gap) > room)
        --perRow;
    if (perRow == m_figuresPerRow)
        return;
    m_figuresPerRow = perRow;
    QGridLayout *grid = m_ui->statsGrid;
    for (const auto &[label, value] : pairs) {
        grid->removeWidget(label);
        grid->removeWidget(value);
    }
    for (int i = 0; i < pairs.size(); ++i) {
        grid->addWidget(pairs.at(i).first, i / perRow, 2 * (i % perRow));
        grid->addWidget(pairs.at(i).second, i / perRow, 2 * (i % perRow) + 1);
    }
    for (int column = 0; column < 6; ++column)
        grid->setColumnStretch(column, column % 2 == 1 && column / 2 < perRow ? 1 : 0);
}

QString TftpPanel::defaultFolder()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return folder.isEmpty() ? QDir::homePath() : folder;
}

void TftpPanel::updateDefaultLocalFile()
{
    const QString remote = m_ui->tftpRemoteFile->text().trimmed();
    const QString base = remote.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
    const QString local = m_ui->tftpLocalFile->text().trimmed();
    const QFileInfo info(local);
    const bool derived = local.isEmpty() || info.fileName() == m_derivedName;
    m_derivedName = base;
    if (!derived)
        return;   // the user's own file name stays
    // The folder the field names (the user may have chosen one), else the default one.
    const QString folder = local.isEmpty() ? defaultFolder() : info.path();
    if (!base.isEmpty())
        m_ui->tftpLocalFile->setText(QDir(folder).filePath(base));
    else if (QDir(folder) == QDir(defaultFolder()))
        m_ui->tftpLocalFile->clear();
    else
        m_ui->tftpLocalFile->setText(QDir(folder).path() + QLatin1Char('/'));   // keeps the chosen folder
}

// The file to send names the remote file while the remote name is empty or the one it gave last.
void TftpPanel::updateDefaultRemoteFile()
{
    const QString base = QFileInfo(m_ui->tftpUploadFile->text().trimmed()).fileName();
    const QString remote = m_ui->tftpRemoteFile->text().trimmed();
    const bool derived = remote.isEmpty() || remote == m_derivedRemote;
    m_derivedRemote = base;
    if (derived && !base.isEmpty())
        m_ui->tftpRemoteFile->setText(base);
}

bool TftpPanel::uploadChosen() const
{
    return m_ui->tftpDirectionUpload->isChecked();
}

// One local-file row for each direction, the other hidden; the tsize box says what it does in this one.
void TftpPanel::updateDirection()
{
    const bool up = uploadChosen();
    QFormLayout *form = m_ui->clientForm;
    int row = -1;
    QFormLayout::ItemRole role;
    form->getWidgetPosition(m_ui->tftpLocalFileLabel, &row, &role);
    form->setRowVisible(row, !up);
    form->getWidgetPosition(m_ui->tftpUploadFileLabel, &row, &role);
    form->setRowVisible(row, up);
    // The download text is the form's (its translation context is the form's class name).
    m_ui->tftpTsize->setText(up ? tr("Send the file size (tsize, octet mode only)")
                                : QCoreApplication::translate("TftpPanel", "Ask for the file size (tsize)"));
}

void TftpPanel::browseUpload()
{
    const QString f = QFileDialog::getOpenFileName(this, tr("Choose the file to upload"), m_ui->tftpUploadFile->text());
    if (!f.isEmpty())
        m_ui->tftpUploadFile->setText(f);
}

void TftpPanel::browse()
{
    const QString f = QFileDialog::getSaveFileName(this, tr("Save the download as"), m_ui->tftpLocalFile->text(),
                                                   QString(), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!f.isEmpty())
        m_ui->tftpLocalFile->setText(f);
}

// The Save-as field names a file in a folder that exists; the default download folder is created, since
// a fresh account may not have one yet.
bool TftpPanel::checkLocalFile(const QString &local)
{
    if (local.isEmpty()) {
        showError(m_ui->tftpFormError, tr("Choose where to save the file."));
        m_ui->tftpLocalFile->setFocus();
        return false;
    }
    const QFileInfo localInfo(local);
    if (localInfo.isDir()) {
        showError(m_ui->tftpFormError, tr("%1 is a folder: enter a file name.").arg(local));
        return false;
    }
    const QDir folder = localInfo.absoluteDir();
    if (!folder.exists() && folder == QDir(defaultFolder()) && !QDir().mkpath(folder.absolutePath())) {
        showError(m_ui->tftpFormError, tr("Could not create the folder %1.").arg(folder.absolutePath()));
        return false;
    }
    if (!folder.exists()) {
        showError(m_ui->tftpFormError, tr("The folder %1 does not exist.").arg(localInfo.absolutePath()));
        return false;
    }
    return true;
}

// The options group as ClientOptions, checked by ClientOptions::validate(); false with the reason shown
// where form errors show (below Start, so no control moves) and the field focused.
bool TftpPanel::readOptions(Tftp::ClientOptions *o)
{
    o->mode = m_ui->tftpMode->currentIndex() == 1 ? Tftp::ClientOptions::NetAscii : Tftp::ClientOptions::Octet;
    o->rfc1350Only = m_ui->tftpRfc1350->isChecked();
    QComboBox *blockSize = m_ui->tftpBlockSize;
    bool numeric = false;
    const int blk = blockSize->currentText().trimmed().toInt(&numeric);
    if (blockSize->currentIndex() == 0 && blockSize->currentText() == blockSize->itemText(0)) {
        o->blockSize = 0;
    } else if (!numeric || blk <= 0) {
        showError(m_ui->tftpFormError, tr("Block size \"%1\" is not valid: use auto or a number from 8 to 65464.")
                                           .arg(blockSize->currentText()));
        blockSize->setFocus();
        return false;
    } else {
        o->blockSize = blk;
    }
    o->windowSize = m_ui->tftpWindowSize->value();
    o->timeoutMs = m_ui->tftpTimeout->value();
    o->retries = m_ui->tftpRetries->value();
    o->requestTsize = m_ui->tftpTsize->isChecked();
    // KiB, MiB, GiB: 0 is no limit in any unit.
    o->maxSize = qint64(m_ui->tftpMaxSize->value()) << (10 * (qBound(0, m_ui->tftpMaxSizeUnit->currentIndex(), 2) + 1));
    o->teaching = m_teaching->options();
    Tftp::ClientOptions::Field field = Tftp::ClientOptions::NoField;
    const QString invalid = o->validate(&field);
    if (!invalid.isEmpty()) {
        showError(m_ui->tftpFormError, invalid);
        QWidget *const fields[] = {nullptr, m_ui->tftpBlockSize, m_ui->tftpWindowSize, m_ui->tftpTimeout,
                                   m_ui->tftpRetries, m_ui->tftpMaxSize};
        if (fields[field])
            fields[field]->setFocus();
        return false;
    }
    return true;
}

bool TftpPanel::start()
{
    showError(m_ui->tftpFormError, QString());
    const QString host = m_ui->tftpHost->text().trimmed();
    const QString remote = m_ui->tftpRemoteFile->text().trimmed();
    QString hostError;
    if (!HostPort::validateHost(host, &hostError)) {
        showError(m_ui->tftpFormError, hostError);
        m_ui->tftpHost->setFocus();
        return false;
    }
    const bool up = uploadChosen();
    if (remote.isEmpty()) {
        showError(m_ui->tftpFormError, up ? tr("Enter the name for the file on the server.")
                                          : tr("Enter the name of the file to download."));
        m_ui->tftpRemoteFile->setFocus();
        return false;
    }
    Tftp::ClientOptions o;
    if (!(up ? startUpload(host, remote, o) : startDownload(host, remote, o)))
        return false;
    m_activeUpload = up;
    m_activeRemoteFile = remote;
    const QHostAddress address(host);
    const quint16 port = quint16(m_ui->tftpPort->value());
    m_ladder->startTransfer(address.isNull() ? host + QLatin1Char(':') + QString::number(port) : displayEndpoint(address, port),
                            (up ? tr("Upload %1") : tr("Download %1")).arg(remote));
    setRunning(true);
    return true;
}

bool TftpPanel::startDownload(const QString &host, const QString &remote, const Tftp::ClientOptions &defaults)
{
    const QString local = m_ui->tftpLocalFile->text().trimmed();
    if (!checkLocalFile(local))
        return false;
    const QFileInfo localInfo(local);
    Tftp::ClientOptions o = defaults;   // before the question below: a refused option asks nothing
    if (!readOptions(&o))
        return false;
    // A device or FIFO is written in place (the core never replaces it): what arrives goes into it at once.
    const bool inPlace = Tftp::Sink::writesInPlace(local);
    if (localInfo.exists() && m_confirmOverwrite
        && (inPlace ? QMessageBox::question(this, tr("Write in place?"),
                                            tr("%1 is not a regular file (a device or FIFO). Write the download "
                                               "into it as it arrives?").arg(local))
                    : QMessageBox::question(this, tr("Replace file?"),
                                            tr("%1 already exists. Replace it when the download succeeds?").arg(local)))
               != QMessageBox::Yes) {
        return false;
    }
    m_activeInPlace = inPlace;
    m_client->setOptions(o);

    resetFigures();
    m_client->setTraceEnabled(true);
    m_activeLocalFile = localInfo.absoluteFilePath();
    if (!m_client->download(host, quint16(m_ui->tftpPort->value()), remote, m_activeLocalFile)) {
        showError(m_ui->tftpFormError, m_client->errorString());
        return false;
    }
    return true;
}

// The file to send is checked by the core as it opens it (missing, a folder, a FIFO or a device): its message
// shows where form errors show, and nothing has been sent.
bool TftpPanel::startUpload(const QString &host, const QString &remote, const Tftp::ClientOptions &defaults)
{
    const QString local = m_ui->tftpUploadFile->text().trimmed();
    if (local.isEmpty()) {
        showError(m_ui->tftpFormError, tr("Choose the file to upload."));
        m_ui->tftpUploadFile->setFocus();
        return false;
    }
    Tftp::ClientOptions o = defaults;
    if (!readOptions(&o))
        return false;
    m_client->setOptions(o);
    m_client->setTraceEnabled(true);
    const QString path = QFileInfo(local).absoluteFilePath();
    if (!m_client->upload(host, quint16(m_ui->tftpPort->value()), remote, path)) {
        showError(m_ui->tftpFormError, m_client->errorString());
        m_ui->tftpUploadFile->setFocus();
        return false;
    }
    resetFigures();   // after upload() has started: a refused file leaves the last transfer's figures
    m_activeLocalFile = path;
    return true;
}

// Back to the state before any transfer: empty chart and trace, no figures, no result.
void TftpPanel::resetFigures()
{
    m_ui->tftpTrace->clear();
    m_rateSeries->clear();
    m_retransmitSeries->clear();
    setRoundRange(m_axisX, 1, TimeSteps);
    setRoundRange(m_axisY, 1, RateSteps);
    m_chartMaxRate = 1;
    m_lastRetransmissions = 0;
    m_ui->tftpResult->clear();
    setTone(m_ui->tftpResult, Tone::Normal);
    m_ui->tftpOpenFolder->hide();
    m_ui->tftpProgress->setRange(0, 100);
    m_ui->tftpProgress->setValue(0);
    m_ui->tftpProgress->setFormat(QStringLiteral("%p%"));
    for (QLabel *l : {m_ui->tftpSpeed, m_ui->tftpEta, m_ui->tftpElapsed, m_ui->tftpBlocks,
                      m_ui->tftpRetransmissions, m_ui->tftpAverage})
        l->setText(NoValue);
}

void TftpPanel::cancel()
{
    m_client->cancel();
}

bool TftpPanel::setServer(const QString &host, quint16 port)
{
    if (!m_ui->tftpStartButton->isEnabled())
        return false;
    m_ui->tftpHost->setText(host);
    m_ui->tftpPort->setValue(port);
    showError(m_ui->tftpFormError, QString());
    m_ui->tftpRemoteFile->setFocus();   // what is left to fill in
    return true;
}

// While a transfer runs, everything it was started with is locked (a changed option would not apply to it
// and would mislead). Disabling the group boxes keeps their children's own state: the options that
// "RFC 1350 only" turned off stay off afterwards.
void TftpPanel::setRunning(bool running)
{
    m_ui->tftpStartButton->setEnabled(!running);
    m_ui->tftpCancelButton->setEnabled(running);
    m_ui->tftpClientBox->setEnabled(!running);
    m_ui->tftpOptionsBox->setEnabled(!running);
}

void TftpPanel::onProgress(const Tftp::Progress &p)
{
    const QLocale loc;
    if (p.total > 0) {
        m_ui->tftpProgress->setRange(0, 1000);
        m_ui->tftpProgress->setValue(int(qBound(qint64(0), p.bytes * 1000 / p.total, qint64(1000))));
        m_ui->tftpProgress->setFormat(tr("%1% (%2 of %3)")
                                          .arg(loc.toString(qMin(100.0, p.bytes * 100.0 / p.total), 'f', 1),
                                               formatSize(p.bytes), formatSize(p.total)));
        const qint64 left = p.remainingMs();   // none once the transfer has ended (also after a cancel)
        m_ui->tftpEta->setText(left >= 0 && p.bytes < p.total ? formatDuration(left) : NoValue);
    } else {
        // Size unknown: a busy indicator, and the bytes so far.
        m_ui->tftpProgress->setRange(0, 0);
        m_ui->tftpProgress->setFormat(formatSize(p.bytes));
        m_ui->tftpEta->setText(p.ended ? NoValue : tr("unknown"));
    }
    m_ui->tftpSpeed->setText(formatRate(p.bytesPerSecond));
    m_ui->tftpAverage->setText(formatRate(p.averageBytesPerSecond()));
    m_ui->tftpElapsed->setText(formatDuration(p.elapsedMs));
    m_ui->tftpBlocks->setText(loc.toString(qulonglong(p.blocks)));
    m_ui->tftpRetransmissions->setText(loc.toString(qulonglong(p.retransmissions)));

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
        setRoundRange(m_axisX, t * 1.25, TimeSteps);   // some room ahead, so the axis does not change at every update
    if (mib > m_chartMaxRate) {
        m_chartMaxRate = mib;
        setRoundRange(m_axisY, mib * 1.1, RateSteps);
    }
}

void TftpPanel::onTrace(const Tftp::TraceEntry &e)
{
    appendTraceEntry(m_ui->tftpTrace, e);
}

void TftpPanel::onFinished(bool ok)
{
    setRunning(false);
    const Tftp::Progress p = m_client->progress();
    onProgress(p);
    // No transfer any more: nothing is "current" and no time is left; the average stays.
    m_ui->tftpSpeed->setText(NoValue);
    m_ui->tftpEta->setText(NoValue);
    setRoundRange(m_axisX, p.elapsedMs / 1000.0, TimeSteps);   // the whole transfer fills the chart
    const int retransmissions = int(qMin<quint64>(p.retransmissions, INT_MAX));
    if (ok) {
        m_ui->tftpProgress->setRange(0, 1000);
        m_ui->tftpProgress->setValue(1000);
        m_ui->tftpProgress->setFormat(tr("100% (%1)").arg(formatSize(p.bytes)));
        if (m_activeUpload) {
            m_ui->tftpResult->setText(tr("Uploaded %1 in %2 (average %3), retransmissions: %n. Sent as %4.", nullptr,
                                         retransmissions)
                                          .arg(formatSize(p.bytes), formatDuration(p.elapsedMs),
                                               formatRate(p.averageBytesPerSecond()), m_activeRemoteFile));
        } else {
            m_ui->tftpResult->setText(tr("Downloaded %1 in %2 (average %3), retransmissions: %n. Saved as %4.", nullptr,
                                         retransmissions)
                                          .arg(formatSize(p.bytes), formatDuration(p.elapsedMs),
                                               formatRate(p.averageBytesPerSecond()),
                                               QDir::toNativeSeparators(m_activeLocalFile)));
            m_ui->tftpOpenFolder->show();
        }
        setTone(m_ui->tftpResult, Tone::Ok);
    } else {
        if (m_ui->tftpProgress->maximum() == 0)
            m_ui->tftpProgress->setRange(0, 100);
        QString text = m_client->errorString();
        if (m_activeUpload) {
            if (p.blocks > 0)
                text += QLatin1Char(' ') + tr("The server may keep the part it received.");
        } else if (m_activeInPlace) {
            text += QLatin1Char(' ') + tr("What arrived before the failure was written into %1 (a device or FIFO "
                                          "is written in place).").arg(QDir::toNativeSeparators(m_activeLocalFile));
        } else {
            text += QLatin1Char(' ') + tr("No file was written; an existing file of that name is unchanged.");
        }
        m_ui->tftpResult->setText(text);
        setTone(m_ui->tftpResult, Tone::Error);
    }
    emit transferFinished(ok);
}

QString TftpPanel::title() const
{
    return tr("TFTP");
}

void TftpPanel::loadSettings()
{
    m_settings.load();
}

void TftpPanel::saveSettings() const
{
    m_settings.save();
}

} // namespace NetPoke
