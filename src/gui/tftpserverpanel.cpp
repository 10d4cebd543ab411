#include "tftpserverpanel.h"

#include "addresses.h"
#include "colors.h"
#include "erroradvice.h"
#include "errorlabel.h"
#include "hostport.h"
#include "progressdelegate.h"
#include "textcodec.h"
#include "tftptransfermodel.h"
#include "ladderwindow.h"
#include "inspectorwidget.h"
#include "tracetext.h"
#include "ui_tftpserverpanel.h"
#include "wheelguard.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QTextBlock>
#include <QTextCursor>
#include <QTime>

#include <algorithm>
#include <climits>

namespace NetPoke {

using Tftp::Server;
using Tftp::TransferInfo;

namespace {
constexpr int LogFlushIntervalMs = 100;
constexpr int MaxLogLines = 5000;   // as the view's maximumBlockCount
} // namespace

TftpServerPanel::TftpServerPanel(QWidget *parent)
    : Panel(parent)
    , m_ui(new Ui::TftpServerPanel)
    , m_server(new Server(this))
    , m_model(new TftpTransferModel(this))
{
    m_ui->setupUi(this);
    // The ladder's hooks: teaching fields, and "Ladder…" for the selected transfer.
    m_teaching = new TeachingBox(m_ui->serverFormArea);
    m_ui->formAreaLayout->insertWidget(m_ui->formAreaLayout->indexOf(m_ui->serverOptionsBox) + 1, m_teaching);
    m_ladderButton = addLadderButton(m_ui->traceLayout, m_ui->serverTraceTitle);
    m_ladderButton->setEnabled(false);
    connect(m_ladderButton, &QPushButton::clicked, this, [this] {
        if (!m_traceIndex.isValid())
            return;
        const TransferInfo &t = m_model->transferAt(m_traceIndex.row());
        const QString direction = m_model->index(m_traceIndex.row(), TftpTransferModel::DirectionColumn).data().toString();
        openServerLadder(m_server, t.id, t.client, displayEndpoint(m_server->address(), m_server->port()),
                         tr("%1 \"%2\"").arg(direction, t.file), this);
    });
    setUpWidgets();
    connectWidgets();

    m_settings.add(QStringLiteral("root"), m_ui->serverRoot)
        .add(QStringLiteral("address"), m_ui->serverAddress, SettingsTable::ByData)
        .add(QStringLiteral("port"), m_ui->serverPort)
        .add(QStringLiteral("allowUploads"), m_ui->serverAllowUploads)
        .add(QStringLiteral("allowOverwrite"), m_ui->serverAllowOverwrite)
        .add(QStringLiteral("maxTransfers"), m_ui->serverMaxTransfers)
        .add(QStringLiteral("maxUploadMiB"), m_ui->serverMaxUpload)
        .add(QStringLiteral("transferPortMin"), m_ui->serverPortMin)
        .add(QStringLiteral("transferPortMax"), m_ui->serverPortMax)
        .add(QStringLiteral("splitter"), m_ui->serverSplitter)
        .add(QStringLiteral("detailSplitter"), m_ui->serverDetailSplitter);
    loadSettings();
    m_splitterSized = QSettings().contains(QStringLiteral("tftpServer/splitter"));
    setRunning(false);
    onSelectionChanged();
}

TftpServerPanel::~TftpServerPanel()
{
    m_server->disconnect(this);   // the server ends its transfers quietly
    delete m_ui;
}

// What the form cannot say: item data known only at run time, tones, the table's model and delegate.
void TftpServerPanel::setUpWidgets()
{
    // 127.0.0.1 first (the safe default: this machine only), ::1, then the wildcards and this machine's
    // addresses.
    QList<LocalAddressChoice> choices = localAddressChoices();
    std::stable_partition(choices.begin(), choices.end(),
                          [](const LocalAddressChoice &c) { return c.address.isLoopback(); });
    for (const LocalAddressChoice &c : std::as_const(choices)) {
        // QHostAddress::Any reads "0.0.0.0" as text, which would come back as IPv4 only: "::" is what the
        // server takes as both.
        const bool dualStack = c.address == QHostAddress(QHostAddress::Any);
        m_ui->serverAddress->addItem(c.label, dualStack ? QStringLiteral("::") : c.address.toString());
    }
    m_ui->serverAddress->setCurrentIndex(0);

    for (QLabel *error : {m_ui->serverRootError, m_ui->serverListenError, m_ui->serverOptionsError}) {
        setTone(error, Tone::Error);
        error->hide();
    }
    // The trace's title holds a file name from the network: it is cut at the pane's edge, never widens it.
    m_ui->serverTraceTitle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_ui->serverTraceTitle->installEventFilter(this);   // elided again when its width changes
    setTraceFont(m_ui->serverTrace);
    InspectorWidget::linkTrace(m_ui->serverTrace,
                               InspectorWidget::attachBelow(m_ui->serverTrace, QStringLiteral("serverInspectorSplitter")));

    QTableView *table = m_ui->serverTransfers;
    table->setModel(m_model);
    table->setItemDelegateForColumn(TftpTransferModel::ProgressColumn,
                                    new ProgressDelegate(TftpTransferModel::ProgressRole, 1000, table));
    table->verticalHeader()->hide();
    // Fixed row heights keep a 1,000-row table cheap; applyFontMetrics() sizes them from the font.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->horizontalHeader()->setStretchLastSection(true);

    m_ui->serverSplitter->setStretchFactor(0, 3);
    m_ui->serverSplitter->setStretchFactor(1, 2);
    m_ui->serverFormArea->installEventFilter(this);
    m_logTimer.setSingleShot(true);
    m_logTimer.setInterval(LogFlushIntervalMs);
    guardWheel(this);
    applyFontMetrics();
}

void TftpServerPanel::connectWidgets()
{
    connect(m_ui->serverStartButton, &QPushButton::clicked, this, &TftpServerPanel::start);
    connect(m_ui->serverStopButton, &QPushButton::clicked, this, &TftpServerPanel::stop);
    connect(m_ui->serverBrowse, &QPushButton::clicked, this, &TftpServerPanel::browse);
    connect(m_ui->serverDownloadHere, &QPushButton::clicked, this, [this] {
        if (m_server->isRunning())
            emit downloadRequested(localHost(), m_server->port());
    });
    connect(m_ui->serverAllowUploads, &QCheckBox::toggled, m_ui->serverAllowOverwrite, &QWidget::setEnabled);
    // A field's error goes once the field is changed.
    connect(m_ui->serverRoot, &QLineEdit::textEdited, this, [this] { showError(m_ui->serverRootError, QString()); });
    connect(m_ui->serverPort, &QSpinBox::valueChanged, this, [this] { showError(m_ui->serverListenError, QString()); });
    connect(m_ui->serverAddress, &QComboBox::currentIndexChanged, this,
            [this] { showError(m_ui->serverListenError, QString()); });

    connect(m_server, &Server::transferStarted, m_model, &TftpTransferModel::update);
    connect(m_server, &Server::transferProgress, m_model, &TftpTransferModel::update);
    connect(m_server, &Server::requestRefused, m_model, &TftpTransferModel::update);
    connect(m_server, &Server::transferFinished, this, [this](const TransferInfo &info) {
        ++(info.ok() ? m_finished : m_failed);
        m_model->update(info);
    });
    connect(m_server, &Server::logLine, this, &TftpServerPanel::onLogLine);
    connect(m_server, &Server::runningChanged, this, &TftpServerPanel::setRunning);
    connect(&m_logTimer, &QTimer::timeout, this, &TftpServerPanel::flushLog);
    connect(m_model, &TftpTransferModel::committed, this, &TftpServerPanel::onCommitted);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        // Follows the newest rows while the view is at the bottom; a user who scrolled up stays there.
        QScrollBar *bar = m_ui->serverTransfers->verticalScrollBar();
        if (bar->value() >= bar->maximum() - m_ui->serverTransfers->verticalHeader()->defaultSectionSize() * 2)
            QMetaObject::invokeMethod(m_ui->serverTransfers, &QTableView::scrollToBottom, Qt::QueuedConnection);
    });
    connect(m_ui->serverTransfers->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TftpServerPanel::onSelectionChanged);
}

void TftpServerPanel::browse()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder to serve"), m_ui->serverRoot->text());
    if (folder.isEmpty())
        return;
    m_ui->serverRoot->setText(QDir::toNativeSeparators(folder));
    showError(m_ui->serverRootError, QString());
}

void TftpServerPanel::clearErrors()
{
    for (QLabel *error : {m_ui->serverRootError, m_ui->serverListenError, m_ui->serverOptionsError})
        showError(error, QString());
}

// The form as Server::Settings, checked by Settings::validate(); false with the reason next to the field.
bool TftpServerPanel::readSettings(Server::Settings *s)
{
    s->root = m_ui->serverRoot->text().trimmed();
    s->address = QHostAddress(m_ui->serverAddress->currentData().toString());
    s->port = quint16(m_ui->serverPort->value());
    s->allowUploads = m_ui->serverAllowUploads->isChecked();
    s->allowOverwrite = s->allowUploads && m_ui->serverAllowOverwrite->isChecked();
    s->maxTransfers = m_ui->serverMaxTransfers->value();
    s->maxUploadBytes = qint64(m_ui->serverMaxUpload->value()) * 1024 * 1024;
    s->transferPortMin = quint16(m_ui->serverPortMin->value());
    s->transferPortMax = quint16(m_ui->serverPortMax->value());
    s->trace = true;   // the trace of the selected transfer
    s->teaching = m_teaching->options();
    Server::Settings::Field field = Server::Settings::NoField;
    const QString invalid = s->validate(&field);
    if (invalid.isEmpty())
        return true;
    switch (field) {
    case Server::Settings::RootField:
        showError(m_ui->serverRootError, invalid);
        m_ui->serverRoot->setFocus();
        break;
    case Server::Settings::AddressField:
        showError(m_ui->serverListenError, invalid);
        m_ui->serverAddress->setFocus();
        break;
    case Server::Settings::MaxTransfersField:
        showError(m_ui->serverOptionsError, invalid);
        m_ui->serverMaxTransfers->setFocus();
        break;
    case Server::Settings::PortRangeField:
        showError(m_ui->serverOptionsError, invalid);
        (s->transferPortMin == 0 ? m_ui->serverPortMin : m_ui->serverPortMax)->setFocus();
        break;
    default:
        showError(m_ui->serverOptionsError, invalid);
        break;
    }
    return false;
}

bool TftpServerPanel::start()
{
    clearErrors();
    if (m_server->isRunning())
        return true;
    Server::Settings s;
    if (!readSettings(&s))
        return false;
    m_server->setSettings(s);
    m_finished = 0;
    m_failed = 0;
    if (!m_server->start()) {
        // The core's fact and what to do about it, next to the field it is about.
        const bool root = m_server->error() == Server::RootError;
        showError(root ? m_ui->serverRootError : m_ui->serverListenError, errorWithAdvice(*m_server));
        (root ? static_cast<QWidget *>(m_ui->serverRoot) : m_ui->serverPort)->setFocus();
        return false;
    }
    return true;
}

void TftpServerPanel::stop()
{
    m_server->stop();   // every transfer ends with transferFinished: the table shows how
}

QString TftpServerPanel::localHost() const
{
    if (!m_server->isRunning())
        return QString();
    const QHostAddress a = m_server->address();
    if (a == QHostAddress(QHostAddress::AnyIPv4) || a == QHostAddress(QHostAddress::AnyIPv6)
        || a == QHostAddress(QHostAddress::Any))
        return QStringLiteral("127.0.0.1");   // both wildcards take IPv4 (:: is dual-stack)
    return a.toString();
}

// While serving, every setting is locked: the server took them at Start, a change would not apply and
// would mislead. Disabling the group boxes keeps the children's own state (overwrite off without uploads).
void TftpServerPanel::setRunning(bool running)
{
    m_ui->serverStartButton->setEnabled(!running);
    m_ui->serverStopButton->setEnabled(running);
    m_ui->serverDownloadHere->setEnabled(running);
    m_ui->serverBox->setEnabled(!running);
    m_ui->serverOptionsBox->setEnabled(!running);
    m_teaching->setEnabled(!running);
    m_ui->serverAllowOverwrite->setEnabled(m_ui->serverAllowUploads->isChecked());
    QLabel *status = m_ui->serverStatus;
    if (running) {
        const QString root = QDir::toNativeSeparators(QFileInfo(m_server->settings().root).canonicalFilePath());
        status->setText(tr("Serving %1 on %2")
                            .arg(TextCodec::visibleText(root), displayEndpoint(m_server->address(), m_server->port())));
        QFont bold;   // only the weight, so the size still follows the window's zoom
        bold.setBold(true);
        status->setFont(bold);
        setTone(status, Tone::Ok);
    } else {
        status->setText(tr("Not serving. Choose a folder and press Start."));
        status->setFont(QFont());
        setTone(status, Tone::Normal);
    }
    updateCounters();
}

void TftpServerPanel::updateCounters()
{
    m_ui->serverCounters->setText(tr("Running: %1   Finished: %2   Failed: %3")
                                      .arg(m_server->activeTransfers())
                                      .arg(m_finished)
                                      .arg(m_failed));
}

// Log lines come one per transfer and per refusal (at most ~20 refusals a second); they are shown in
// batches, at most LogFlushIntervalMs apart, and only the last MaxLogLines are kept.
void TftpServerPanel::onLogLine(const QString &line)
{
    // The core's lines are plain, one line each, with names as visible text already: escaping them again
    // would double their backslashes.
    m_pendingLog.append(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")) + QStringLiteral("  ") + line);
    if (m_pendingLog.size() > MaxLogLines)
        m_pendingLog.remove(0, m_pendingLog.size() - MaxLogLines);
    if (!m_logTimer.isActive())
        m_logTimer.start();
}

void TftpServerPanel::flushLog()
{
    if (m_pendingLog.isEmpty())
        return;
    m_ui->serverLog->appendPlainText(m_pendingLog.join(QLatin1Char('\n')));
    m_pendingLog.clear();
}

void TftpServerPanel::onCommitted()
{
    updateCounters();
    if (!m_traceIndex.isValid()) {
        if (m_traceState != -1)
            onSelectionChanged();   // the row went (the cap): nothing is selected any more
        return;
    }
    const TransferInfo &t = m_model->transferAt(m_traceIndex.row());
    if (!t.ended() || int(t.state) != m_traceState)
        refreshTrace();
}

void TftpServerPanel::onSelectionChanged()
{
    const QModelIndexList rows = m_ui->serverTransfers->selectionModel()->selectedRows();
    m_traceIndex = rows.isEmpty() ? QPersistentModelIndex() : QPersistentModelIndex(rows.first());
    m_ladderButton->setEnabled(m_traceIndex.isValid());
    m_ui->serverTrace->clear();
    m_traceShown = 0;
    m_traceTailNote = false;
    m_traceState = -1;
    refreshTrace();
    // From the request on; new entries of a running transfer are added below.
    m_ui->serverTrace->moveCursor(QTextCursor::Start);
}

// Shows what is new in the selected transfer's trace (the core's list only grows, but for its last entry
// when entries were dropped: a note counting them, replaced here as it changes).
void TftpServerPanel::refreshTrace()
{
    QPlainTextEdit *view = m_ui->serverTrace;
    if (!m_traceIndex.isValid()) {
        setTraceTitle(tr("Packet trace"));
        view->setPlaceholderText(tr("Select a transfer to see its packets: RRQ or WRQ, OACK, DATA n, ACK n, ERROR."));
        return;
    }
    const TransferInfo &t = m_model->transferAt(m_traceIndex.row());
    m_traceState = int(t.state);
    const QString direction = m_model->index(m_traceIndex.row(), TftpTransferModel::DirectionColumn).data().toString();
    setTraceTitle(tr("Packet trace: %1 %2 \"%3\"").arg(t.client, direction, t.file));
    if (t.state == TransferInfo::Refused) {
        view->setPlaceholderText(tr("A refused request has no trace: the server answered it with one ERROR packet."));
        return;
    }
    const QList<Tftp::TraceEntry> entries = m_server->trace(t.id);
    if (entries.isEmpty()) {
        view->setPlaceholderText(tr("The server keeps the traces of the running transfers and of the last %n "
                                    "that ended.", nullptr, Server::KeptTraces));
        return;
    }
    const bool tailNote = entries.size() > Server::MaxTraceEntries && entries.last().note;
    const int fixed = int(entries.size()) - (tailNote ? 1 : 0);
    if (fixed < m_traceShown) {   // not this transfer's list any more: start again
        view->clear();
        m_traceShown = 0;
        m_traceTailNote = false;
    }
    if (m_traceTailNote) {
        QTextCursor cursor(view->document()->lastBlock());
        cursor.select(QTextCursor::BlockUnderCursor);
        cursor.removeSelectedText();
    }
    for (int i = m_traceShown; i < fixed; ++i)
        appendTraceEntry(view, entries.at(i));
    if (tailNote)
        appendTraceEntry(view, entries.last());
    m_traceShown = fixed;
    m_traceTailNote = tailNote;
}

void TftpServerPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        applyFontMetrics();
    Panel::changeEvent(event);
}

// Row heights and column widths from the font, so the table follows the window's zoom.
void TftpServerPanel::applyFontMetrics()
{
    QTableView *table = m_ui->serverTransfers;
    const QFontMetrics fm = table->fontMetrics();   // larger in presentation mode
    // Qt 6.4 does not pass a parent's new font on to this header (it keeps the size it was made with):
    // it gets the table's font at every change, so the zoom reaches it.
    table->horizontalHeader()->setFont(table->font());
    table->verticalHeader()->setDefaultSectionSize(fm.height() + fm.height() / 3 + 2);
    const int pad = fm.averageCharWidth() * 2;
    auto widthFor = [&](int column, const QString &sample) {
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        table->setColumnWidth(column, qMax(fm.horizontalAdvance(sample), fm.horizontalAdvance(header)) + pad);
    };
    widthFor(TftpTransferModel::ClientColumn, QStringLiteral("255.255.255.255:65535"));
    widthFor(TftpTransferModel::FileColumn, QString(22, QLatin1Char('x')));
    widthFor(TftpTransferModel::DirectionColumn, TftpTransferModel::tr("download"));
    widthFor(TftpTransferModel::ProgressColumn, QStringLiteral("100.0%") + QString(4, QLatin1Char(' ')));
    widthFor(TftpTransferModel::BytesColumn, QLocale().toString(qint64(999999999)));
    widthFor(TftpTransferModel::SpeedColumn, TftpTransferModel::rateText(999.9 * 1024 * 1024));
    // Room for a path: 30 characters, at a high zoom no more than a fifth of the screen.
    const int screenWidth = screen() ? screen()->availableGeometry().width() : 1280;
    m_ui->serverRoot->setMinimumWidth(qMin(fm.averageCharWidth() * 30, screenWidth / 5));
}

// Without a saved split, the height is shared at the first show (QSplitter would share it by size hints).
void TftpServerPanel::showEvent(QShowEvent *event)
{
    Panel::showEvent(event);
    if (m_splitterSized)
        return;
    m_splitterSized = true;
    shareHeight();
}

void TftpServerPanel::resizeEvent(QResizeEvent *event)
{
    Panel::resizeEvent(event);
    updateFormWidth();
}

bool TftpServerPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->serverFormArea && event->type() == QEvent::LayoutRequest)
        updateFormWidth();
    if (watched == m_ui->serverTraceTitle && (event->type() == QEvent::Resize || event->type() == QEvent::FontChange))
        setTraceTitle(m_traceTitle);
    return Panel::eventFilter(watched, event);
}

// The title ends in "…" where the pane cuts it (it holds a file name of up to 200 characters).
void TftpServerPanel::setTraceTitle(const QString &title)
{
    m_traceTitle = title;
    QLabel *label = m_ui->serverTraceTitle;
    label->setText(label->fontMetrics().elidedText(title, Qt::ElideRight, qMax(label->width(), 1)));
}

// As in the TFTP tab: the form is as wide as its contents want at the current font, with room for the
// vertical scroll bar, at most half the screen (beyond that it scrolls sideways).
void TftpServerPanel::updateFormWidth()
{
    QScrollArea *scroll = m_ui->serverFormScroll;
    const int wanted = m_ui->serverFormArea->sizeHint().width() + scroll->verticalScrollBar()->sizeHint().width()
                     + 2 * scroll->frameWidth();
    const QScreen *s = screen();
    scroll->setMinimumWidth(s ? qMin(wanted, s->availableGeometry().width() / 2) : wanted);
    // The log and the trace side by side while both keep about 55 characters; else one above the other,
    // and then they get more of the height than the table.
    const int right = width() - scroll->minimumWidth();
    const Qt::Orientation details = right >= fontMetrics().averageCharWidth() * 110 ? Qt::Horizontal : Qt::Vertical;
    if (details != m_ui->serverDetailSplitter->orientation()) {
        m_ui->serverDetailSplitter->setOrientation(details);
        if (isVisible())
            shareHeight();
    }
}

// The table three fifths of the height above the log and the trace side by side, two fifths above them
// one above the other.
void TftpServerPanel::shareHeight()
{
    const int height = m_ui->serverSplitter->height();
    const int table = m_ui->serverDetailSplitter->orientation() == Qt::Horizontal ? height * 3 / 5 : height * 2 / 5;
    m_ui->serverSplitter->setSizes({table, height - table});
}

QString TftpServerPanel::title() const
{
    return tr("TFTP Server");
}

void TftpServerPanel::loadSettings()
{
    m_settings.load();
    m_ui->serverAllowOverwrite->setEnabled(m_ui->serverAllowUploads->isChecked());
}

void TftpServerPanel::saveSettings() const
{
    m_settings.save();
}

} // namespace NetPoke
