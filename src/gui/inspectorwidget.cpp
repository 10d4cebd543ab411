#include "inspectorwidget.h"

#include "colors.h"
#include "hexview.h"
#include "inspect/hexdump.h"
#include "textcodec.h"
#include "tftp/tftpdissect.h"
#include "tracetext.h"
#include "wheelguard.h"

#include <QAction>
#include <QApplication>
#include <QBoxLayout>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeView>

#include <memory>

namespace NetPoke {

namespace {
enum Roles { OffsetRole = Qt::UserRole + 1, LengthRole };

// The position of index among its parents, as a field path.
QList<int> pathOf(QModelIndex index)
{
    QList<int> path;
    for (index = index.siblingAtColumn(0); index.isValid(); index = index.parent())
        path.prepend(index.row());
    return path;
}
} // namespace

InspectorWidget::InspectorWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("inspector"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("inspectorSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    // A summary holds a file name from the network: cut at the pane's edge, never widening it.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_encodingLabel = new QLabel(this);
    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("inspectorEncoding"));
    m_encoding->addItem(QString(), QString());   // the tab's encoding (text set in retranslate())
    for (const QString &name : TextCodec::encodings())
        m_encoding->addItem(name, name);
    m_encoding->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_encodingLabel->setBuddy(m_encoding);
    m_copy = new QToolButton(this);
    m_copy->setObjectName(QStringLiteral("inspectorCopy"));
    m_copy->setPopupMode(QToolButton::InstantPopup);
    m_copy->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_copyMenu = new QMenu(m_copy);
    m_copyHex = m_copyMenu->addAction(QString(), this, [this] { copyAsHex(); });
    m_copyC = m_copyMenu->addAction(QString(), this, [this] { copyAsCArray(); });
    m_copyPython = m_copyMenu->addAction(QString(), this, [this] { copyAsPython(); });
    m_copyHex->setObjectName(QStringLiteral("copyAsHex"));
    m_copyC->setObjectName(QStringLiteral("copyAsCArray"));
    m_copyPython->setObjectName(QStringLiteral("copyAsPython"));
    m_copy->setMenu(m_copyMenu);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_encodingLabel);
    bar->addWidget(m_encoding);
    bar->addWidget(m_copy);
    layout->addLayout(bar);

    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->setObjectName(QStringLiteral("inspectorSplitter"));
    m_split->setChildrenCollapsible(false);
    m_tree = new QTreeView(m_split);
    m_tree->setObjectName(QStringLiteral("inspectorFields"));
    m_model = new QStandardItemModel(this);
    m_tree->setModel(m_model);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setUniformRowHeights(true);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_hex = new HexView(m_split);
    m_hex->setObjectName(QStringLiteral("inspectorBytes"));
    m_hex->setContextMenuPolicy(Qt::CustomContextMenu);
    m_split->addWidget(m_tree);
    m_split->addWidget(m_hex);
    // The dump keeps the width of its lines; the tree takes what is left.
    m_hex->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 0);
    layout->addWidget(m_split, 1);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &InspectorWidget::onFieldSelected);
    connect(m_hex, &HexView::byteClicked, this, &InspectorWidget::onByteClicked);
    connect(m_split, &QSplitter::splitterMoved, this, [this] { m_userSplit = true; });
    connect(m_encoding, &QComboBox::currentIndexChanged, this, [this] {
        m_hex->setDump(Inspect::HexDump(m_bytes, encoding()));
        onFieldSelected();
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        showContextMenu(m_tree->viewport(), pos);
    });
    connect(m_hex, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        showContextMenu(m_hex->viewport(), pos);
    });
    guardWheel(this);
    retranslate();
    clear();
}

void InspectorWidget::retranslate()
{
    m_encodingLabel->setText(tr("Text as"));
    m_encoding->setItemText(0, tr("As the tab (%1)").arg(m_tabEncoding));
    m_encoding->setToolTip(tr("How the text column decodes the bytes"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the selected field's bytes, or the whole packet when no field is selected"));
    m_copyHex->setText(tr("Copy as hex"));
    m_copyC->setText(tr("Copy as C array"));
    m_copyPython->setText(tr("Copy as Python bytes"));
    m_model->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    if (!m_hasBytes)
        setSummary(tr("Select a packet to see its bytes."));
    else
        fillModel();   // field names are translated text
}

void InspectorWidget::setSummary(const QString &text)
{
    m_summaryText = text;
    m_summary->setToolTip(text.toHtmlEscaped());
    fitLayout();
}

void InspectorWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitLayout();
}

void InspectorWidget::fitLayout()
{
    // The summary holds a file name from the network: elided, it never widens the pane.
    const int room = qMax(0, width() - m_encodingLabel->sizeHint().width() - m_encoding->sizeHint().width()
                                 - m_copy->sizeHint().width() - 4 * layout()->spacing());
    m_summary->setText(m_summary->fontMetrics().elidedText(m_summaryText, Qt::ElideRight, room));
    // Beside each other while the tree keeps about 20 characters next to the whole dump.
    const int wanted = m_hex->sizeHint().width() + fontMetrics().averageCharWidth() * 20;
    const Qt::Orientation o = width() >= wanted ? Qt::Horizontal : Qt::Vertical;
    if (o != m_split->orientation()) {
        m_split->setOrientation(o);
        const bool beside = o == Qt::Horizontal;
        m_hex->setSizePolicy(beside ? QSizePolicy::Preferred : QSizePolicy::Expanding, QSizePolicy::Expanding);
        m_split->setStretchFactor(0, 1);
        m_split->setStretchFactor(1, beside ? 0 : 1);
    }
    // Beside: the dump gets the width of its lines, until the user moves the handle.
    const int hexWanted = m_hex->sizeHint().width();
    const int total = m_split->width() - m_split->handleWidth();
    if (o == Qt::Horizontal && !m_userSplit && total > hexWanted && m_hex->width() != hexWanted)
        m_split->setSizes({total - hexWanted, hexWanted});
}

void InspectorWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange)
        fitLayout();
}

QString InspectorWidget::encoding() const
{
    const QString own = m_encoding->currentData().toString();
    return own.isEmpty() ? m_tabEncoding : own;
}

void InspectorWidget::setTabEncoding(const QString &encoding)
{
    const QString canonical = TextCodec::canonicalName(encoding);
    const QString next = canonical.isEmpty() ? QStringLiteral("UTF-8") : canonical;
    if (next == m_tabEncoding)
        return;
    m_tabEncoding = next;
    m_encoding->setItemText(0, tr("As the tab (%1)").arg(m_tabEncoding));
    if (m_hasBytes && m_encoding->currentIndex() == 0) {
        const qsizetype off = m_hex->highlightOffset(), len = m_hex->highlightLength();
        m_hex->setDump(Inspect::HexDump(m_bytes, this->encoding()));
        m_hex->setHighlight(off, len);
    }
}

void InspectorWidget::setBytes(const QByteArray &bytes, const QString &encoding, Protocol protocol, qint64 wireLength)
{
    m_bytes = bytes.left(MaxBytes);
    m_wireLength = wireLength > m_bytes.size() ? wireLength : (bytes.size() > MaxBytes ? bytes.size() : -1);
    m_protocol = protocol;
    m_hasBytes = true;
    const QString canonical = TextCodec::canonicalName(encoding);
    m_tabEncoding = canonical.isEmpty() ? QStringLiteral("UTF-8") : canonical;
    m_encoding->setItemText(0, tr("As the tab (%1)").arg(m_tabEncoding));
    rebuild();
}

void InspectorWidget::clear()
{
    m_bytes.clear();
    m_wireLength = -1;
    m_hasBytes = false;
    m_dissection = Inspect::Dissection();
    m_model->removeRows(0, m_model->rowCount());
    m_hex->setDump(Inspect::HexDump());
    setSummary(tr("Select a packet to see its bytes."));
    setTone(m_summary, Tone::Muted);
}

void InspectorWidget::rebuild()
{
    m_dissection = m_protocol == Protocol::Tftp ? Tftp::dissect(m_bytes, m_wireLength)
                                                : Inspect::rawDissection(m_bytes, m_wireLength);
    m_hex->setDump(Inspect::HexDump(m_bytes, encoding()));
    fillModel();
}

void InspectorWidget::fillModel()
{
    const QList<int> selected = pathOf(m_tree->currentIndex());
    m_model->removeRows(0, m_model->rowCount());
    const QColor error = toneColor(Tone::Error);
    std::function<void(QStandardItem *, const QList<Inspect::Field> &)> add =
        [&](QStandardItem *parent, const QList<Inspect::Field> &fields) {
            for (const Inspect::Field &f : fields) {
                auto *name = new QStandardItem(f.name);
                auto *value = new QStandardItem(f.value);   // visible text already (the dissector's rule)
                name->setData(qlonglong(f.offset), OffsetRole);
                name->setData(qlonglong(f.length), LengthRole);
                // Tooltips may be read as rich text: the value goes in escaped.
                value->setToolTip(f.value.toHtmlEscaped());
                if (f.malformed) {
                    name->setForeground(error);
                    value->setForeground(error);
                }
                parent->appendRow({name, value});
                add(name, f.children);
            }
        };
    add(m_model->invisibleRootItem(), m_dissection.fields);
    m_tree->expandAll();
    m_tree->resizeColumnToContents(0);
    const QString what = m_dissection.protocol == QLatin1String("TFTP")
                             ? tr("TFTP: %1").arg(m_dissection.summary)
                             : tr("%1: %2").arg(m_dissection.protocol, m_dissection.summary);
    setSummary(what);
    setTone(m_summary, m_dissection.malformed ? Tone::Error : Tone::Normal);
    if (!selected.isEmpty())
        selectField(selected);
}

void InspectorWidget::selectField(const QList<int> &path)
{
    QModelIndex index;
    for (int row : path) {
        const QModelIndex next = m_model->index(row, 0, index);
        if (!next.isValid())
            break;
        index = next;
    }
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

void InspectorWidget::onFieldSelected()
{
    const QModelIndex index = m_tree->currentIndex().siblingAtColumn(0);
    if (!index.isValid()) {
        m_hex->setHighlight(0, 0);
        return;
    }
    m_hex->setHighlight(index.data(OffsetRole).toLongLong(), index.data(LengthRole).toLongLong());
}

void InspectorWidget::onByteClicked(qsizetype byte)
{
    const QList<int> path = Inspect::innermostFieldAt(m_dissection.fields, byte);
    if (path.isEmpty()) {
        m_tree->setCurrentIndex(QModelIndex());
        m_hex->setHighlight(byte, 1);
        return;
    }
    selectField(path);
}

QByteArray InspectorWidget::selectedBytes() const
{
    const qsizetype len = m_hex->highlightLength();
    if (len <= 0)
        return m_bytes;
    return m_bytes.mid(m_hex->highlightOffset(), len);
}

QString InspectorWidget::copy(const QString &text)
{
    QApplication::clipboard()->setText(text);
    return text;
}

QString InspectorWidget::copyAsHex()
{
    return copy(Inspect::toHexText(selectedBytes()));
}

QString InspectorWidget::copyAsCArray()
{
    return copy(Inspect::toCArray(selectedBytes()));
}

QString InspectorWidget::copyAsPython()
{
    return copy(Inspect::toPythonBytes(selectedBytes()));
}

void InspectorWidget::showContextMenu(QWidget *from, const QPoint &pos)
{
    if (from == m_hex->viewport()) {
        const qsizetype b = m_hex->byteAt(pos);
        if (b >= 0)
            onByteClicked(b);
    } else if (from == m_tree->viewport()) {
        const QModelIndex index = m_tree->indexAt(pos);
        if (index.isValid())
            m_tree->setCurrentIndex(index);
    }
    if (!m_hasBytes)
        return;
    m_copyMenu->popup(from->mapToGlobal(pos));
}

InspectorWidget *InspectorWidget::attachBelow(QWidget *view, const QString &splitterName)
{
    QWidget *parent = view->parentWidget();
    auto *split = new QSplitter(Qt::Vertical);
    split->setObjectName(splitterName);
    split->setSizePolicy(view->sizePolicy());
    if (auto *parentSplit = qobject_cast<QSplitter *>(parent)) {
        const int at = parentSplit->indexOf(view);
        parentSplit->insertWidget(at, split);
    } else if (parent && parent->layout()) {
        QLayout *layout = parent->layout();
        const int at = layout->indexOf(view);
        if (auto *box = qobject_cast<QBoxLayout *>(layout); box && at >= 0) {
            const int stretch = box->stretch(at);
            box->insertWidget(at, split, stretch);
        } else {
            delete layout->replaceWidget(view, split);
        }
    }
    split->addWidget(view);
    auto *inspector = new InspectorWidget(split);
    split->addWidget(inspector);
    split->setCollapsible(0, false);
    split->setCollapsible(1, true);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    return inspector;
}

void InspectorWidget::linkTrace(QPlainTextEdit *trace, InspectorWidget *inspector)
{
    // A cursor at the end moves with every line appended: that is no choice of the user's, and a running
    // transfer would rebuild the inspector at every packet.
    auto lines = std::make_shared<int>(trace->document()->blockCount());
    auto show = [trace, inspector, lines] {
        const int count = trace->document()->blockCount();
        const bool grew = count != *lines;
        *lines = count;
        if (trace->document()->isEmpty()) {
            inspector->clear();
            return;
        }
        if (grew && trace->textCursor().atEnd())
            return;
        QByteArray bytes;
        qint64 wireLength = 0;
        if (tracePacket(trace->textCursor().block(), &bytes, &wireLength))
            inspector->setBytes(bytes, QStringLiteral("UTF-8"), Protocol::Tftp, wireLength);
        else
            inspector->clear();
    };
    QObject::connect(trace, &QPlainTextEdit::cursorPositionChanged, inspector, show);
}

} // namespace NetPoke
