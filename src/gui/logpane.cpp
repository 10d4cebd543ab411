#include "logpane.h"

#include <QBoxLayout>
#include "ui_logpane.h"

#include "flowlayout.h"
#include "inspectorwidget.h"
#include "packetlogmodel.h"
#include "settingstable.h"
#include "textcodec.h"

#include <QSplitter>
#include <QItemSelectionModel>
#include <QEvent>
#include <QHeaderView>
#include <QLocale>

namespace NetPoke {

LogPane::LogPane(QWidget *parent)
    : QWidget(parent)
    , m_ui(new Ui::LogPane)
{
    m_ui->setupUi(this);
    // "Same as Send" keeps the translation it has in the UDP tab, where it was first written.
    m_ui->logEncoding->addItem(QCoreApplication::translate("NetPoke::UdpPanel", "Same as Send"), QString());
    for (const QString &name : TextCodec::encodings())
        m_ui->logEncoding->addItem(name, name);
    for (QLabel *counter : {m_ui->rxCounter, m_ui->txCounter})
        counter->setWordWrap(true);   // a zoomed counter wraps instead of widening the window
    FlowLayout::replaceLayout(m_ui->logBar);
    FlowLayout::replaceLayout(m_ui->counterBar);
    m_keptNote = new QLabel(m_ui->counterBar);
    m_keptNote->setObjectName(QStringLiteral("keptNote"));
    m_keptNote->setTextFormat(Qt::PlainText);
    m_keptNote->setVisible(false);
    m_ui->counterBar->layout()->addWidget(m_keptNote);
    // Fixed row heights keep a 100,000-row view cheap; applyFontMetrics() sizes them from the font.
    m_ui->logView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_ui->logView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    connect(m_ui->logEncoding, &QComboBox::currentIndexChanged, this, &LogPane::encodingChoiceChanged);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &LogPane::saveRequested);
    connect(m_ui->resetCountersButton, &QPushButton::clicked, this, &LogPane::resetCountersRequested);
}

LogPane::~LogPane()
{
    delete m_ui;
}

void LogPane::setModel(PacketLogModel *model)
{
    m_model = model;
    m_ui->logView->setModel(model);
    connect(model, &PacketLogModel::rowsCommitted, this, [this] {
        if (m_ui->autoScroll->isChecked())
            m_ui->logView->scrollToBottom();
        updateKeptNote();
    });
    connect(model, &QAbstractItemModel::modelReset, this, &LogPane::updateKeptNote);
    // The view shows as many characters of a row as its width can: no more are decoded or laid out.
    m_ui->logView->viewport()->installEventFilter(this);
    connect(m_ui->logView->horizontalHeader(), &QHeaderView::sectionResized, this, &LogPane::updateShownChars);
    connect(m_ui->contentMode, &QComboBox::currentIndexChanged, model, [model](int i) {
        model->setContentMode(PacketLogModel::ContentMode(i));
    });
    connect(m_ui->pause, &QCheckBox::toggled, model, &PacketLogModel::setPaused);
    connect(m_ui->clearButton, &QPushButton::clicked, model, &PacketLogModel::clear);
    model->setContentMode(PacketLogModel::ContentMode(m_ui->contentMode->currentIndex()));
    // The packet inspector under the log: the selected row's bytes (a datagram, a TCP read or row).
    m_inspector = InspectorWidget::attachBelow(m_ui->logView, QStringLiteral("logInspectorSplitter"));
    connect(m_ui->logView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &row) {
                if (row.isValid())
                    m_inspector->setBytes(m_model->rawBytes(row.row()), m_model->encoding());
                else
                    m_inspector->clear();
            });
    connect(model, &QAbstractItemModel::modelReset, m_inspector, &InspectorWidget::clear);
    applyFontMetrics();
}

QString LogPane::encodingFor(const QString &sendEncoding) const
{
    const QString own = m_ui->logEncoding->currentData().toString();
    return own.isEmpty() ? sendEncoding : own;
}

void LogPane::addBarWidgets(const QList<QWidget *> &widgets)
{
    QLayout *bar = m_ui->logBar->layout();
    QList<QLayoutItem *> items;
    while (bar->count() > 0)
        items << bar->takeAt(0);
    for (QLayoutItem *item : std::as_const(items)) {
        if (item->widget() == m_ui->pause) {
            for (QWidget *w : widgets) {
                w->setParent(m_ui->logBar);
                bar->addWidget(w);
            }
        }
        bar->addItem(item);
    }
}

RateChart *LogPane::addRateChart(SettingsTable &table, std::function<RateChart::Totals()> source, bool packetsToo)
{
    auto *column = qobject_cast<QBoxLayout *>(layout());
    Q_ASSERT(column);
    // Between the log view and the counter bar.
    return NetPoke::addRateChart(this, column, column->indexOf(m_ui->counterBar), m_ui->counterBar->layout(), table,
                                 std::move(source), packetsToo);
}

void LogPane::addSettings(SettingsTable &table)
{
    table.add(QStringLiteral("contentMode"), m_ui->contentMode, SettingsTable::ByIndex)
        .add(QStringLiteral("logEncoding"), m_ui->logEncoding, SettingsTable::ByData)
        .add(QStringLiteral("autoScroll"), m_ui->autoScroll);
    PacketLogModel *model = m_model;
    table.add(QStringLiteral("rowCap"), [model] { return QVariant(model->rowCap()); },
              [model](const QVariant &v) { model->setRowCap(qMax(1, v.toInt())); },
              PacketLogModel::DefaultRowCap);
    if (m_inspector)
        table.add(QStringLiteral("inspectorSplitter"), qobject_cast<QSplitter *>(m_inspector->parentWidget()));
}

void LogPane::setTabEncoding(const QString &encoding)
{
    if (m_inspector)
        m_inspector->setTabEncoding(encoding);
}

QTableView *LogPane::view() const { return m_ui->logView; }
QLabel *LogPane::rxCounter() const { return m_ui->rxCounter; }
QLabel *LogPane::txCounter() const { return m_ui->txCounter; }

void LogPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFontMetrics();
}

// Row heights and the fixed columns follow the font (the window's zoom); coming back to a font size
// gives exactly the sizes it had.
void LogPane::applyFontMetrics()
{
    if (!m_model)
        return;
    QTableView *view = m_ui->logView;
    // The view's own font: the pane's, or larger in presentation mode (MainWindow sets it on the view).
    const QFontMetrics fm = view->fontMetrics();
    // Qt 6.4 does not pass a font set before the first show on to the header (it keeps the size it was
    // made with): it gets the view's font at every change, so a saved zoom reaches it.
    view->horizontalHeader()->setFont(view->font());
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
    updateShownChars();
}

bool LogPane::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && watched == m_ui->logView->viewport())
        updateShownChars();
    return QWidget::eventFilter(watched, event);
}

void LogPane::updateShownChars()
{
    if (!m_model)
        return;
    QTableView *view = m_ui->logView;
    const QFontMetrics fm = view->fontMetrics();
    int narrowest = fm.averageCharWidth();
    for (const QChar c : QStringLiteral("il.,:;'|!`"))
        narrowest = qMin(narrowest, fm.horizontalAdvance(c));
    const int width = qMax(view->columnWidth(PacketLogModel::ContentColumn), view->viewport()->width());
    m_model->setShownChars(width / qMax(1, narrowest) + 2);
}

void LogPane::updateKeptNote()
{
    if (!m_model)
        return;
    const bool dropped = m_model->droppedRows() > 0;
    if (dropped) {
        const QLocale loc;
        //: %1 rows kept, %2 their size, %3 the row cap, %4 the byte cap
        const QString text = tr("Log: the newest %1 rows (%2) kept, at most %3 rows and %4; the counters count every byte.")
                                 .arg(loc.toString(m_model->rowCount()),
                                      loc.formattedDataSize(m_model->keptBytes()),
                                      loc.toString(m_model->rowCap()),
                                      loc.formattedDataSize(m_model->byteCap()));
        if (text != m_keptNote->text())
            m_keptNote->setText(text);
    }
    m_keptNote->setVisible(dropped);
}

} // namespace NetPoke
