#include "ladderwindow.h"

#include "ladderview.h"
#include "tftp/tftpclient.h"
#include "tftp/tftpserver.h"
#include "wheelguard.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>

#include <memory>

namespace NetPoke {

LadderWindow::LadderWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
{
    setAttribute(Qt::WA_DeleteOnClose);
    m_view = new LadderView(this);
    m_heading = new QLabel(this);
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_follow = new QCheckBox(this);
    m_follow->setChecked(true);
    m_export = new QPushButton(this);
    m_close = new QPushButton(this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_follow);
    buttons->addStretch(1);
    buttons->addWidget(m_export);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    connect(m_follow, &QCheckBox::toggled, m_view, &LadderView::setFollow);
    connect(m_export, &QPushButton::clicked, this, &LadderWindow::exportAs);
    connect(m_close, &QPushButton::clicked, this, &QWidget::close);
    retranslate();
    const int h = fontMetrics().height();
    resize(h * 40, h * 36);
}

void LadderWindow::setHeading(const QString &heading)
{
    m_headingText = heading;
    m_view->setTitle(heading);
    m_heading->setText(heading);
    setWindowTitle(tr("Ladder: %1").arg(heading));
}

void LadderWindow::retranslate()
{
    m_follow->setText(tr("Follow the transfer"));
    m_export->setText(tr("Export…"));
    m_close->setText(tr("Close"));
    setWindowTitle(m_headingText.isEmpty() ? tr("Ladder") : tr("Ladder: %1").arg(m_headingText));
}

void LadderWindow::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

bool LadderWindow::exportTo(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool ok = suffix == QLatin1String("svg") ? m_view->exportSvg(path) : m_view->exportPng(path);
    m_errorString = ok ? QString() : m_view->errorString();
    return ok;
}

void LadderWindow::exportAs()
{
    QString selected;
    const QString png = tr("PNG image (*.png)");
    const QString svg = tr("SVG drawing (*.svg)");
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    QString path = QFileDialog::getSaveFileName(this, tr("Export the ladder"),
                                                QDir(folder).filePath(QStringLiteral("ladder.png")),
                                                png + QLatin1String(";;") + svg, &selected);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += selected == svg ? QLatin1String(".svg") : QLatin1String(".png");
    if (!exportTo(path))
        QMessageBox::warning(this, tr("Export the ladder"), m_errorString);
}

// -------------------------------------------------------------------------------------------------

ClientLadder::ClientLadder(Tftp::Client *client, QWidget *window)
    : QObject(window)
    , m_parentWindow(window)
{
    connect(client, &Tftp::Client::packetTraced, this, &ClientLadder::add);
}

ClientLadder::~ClientLadder()
{
    if (m_window)
        m_window->close();
}

void ClientLadder::startTransfer(const QString &server, const QString &what)
{
    m_entries.clear();
    m_server = server;
    m_what = what;
    if (m_window) {
        m_window->view()->setEndpoints(tr("NetPoke (this computer)"), m_server);
        m_window->setHeading(m_what);
        m_window->view()->clear();
    }
}

void ClientLadder::add(const Tftp::TraceEntry &entry)
{
    if (m_entries.size() <= LadderView::MaxRows)
        m_entries.append(entry);
    if (m_window)
        m_window->view()->addEntry(entry);
}

LadderWindow *ClientLadder::show()
{
    if (!m_window) {
        m_window = new LadderWindow(m_parentWindow);
        m_window->view()->setClientSide(true);
        m_window->view()->setEndpoints(tr("NetPoke (this computer)"), m_server);
        m_window->setHeading(m_what.isEmpty() ? tr("TFTP tab") : m_what);
        m_window->view()->setEntries(m_entries);
    }
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    return m_window;
}

LadderWindow *openServerLadder(Tftp::Server *server, quint64 id, const QString &client, const QString &serverEndpoint,
                               const QString &what, QWidget *parent)
{
    auto *window = new LadderWindow(parent);
    LadderView *view = window->view();
    view->setClientSide(false);
    view->setEndpoints(client, serverEndpoint);
    window->setHeading(what);
    const QPointer<Tftp::Server> source(server);
    auto *timer = new QTimer(window);
    timer->setInterval(250);
    auto shown = std::make_shared<qsizetype>(-1);
    const auto refresh = [source, id, view, shown] {
        if (!source)
            return;
        const QList<Tftp::TraceEntry> entries = source->trace(id);
        if (entries.isEmpty() || entries.size() == *shown)
            return;   // gone from the server's kept traces: the last one stays
        if (*shown >= 0 && entries.size() > *shown && !entries.at(*shown - 1).note)
            view->addEntries(entries.mid(*shown));
        else
            view->setEntries(entries);   // the core's closing "not kept" note came or went: all again
        *shown = entries.size();
    };
    QObject::connect(timer, &QTimer::timeout, window, refresh);
    refresh();
    timer->start();
    window->show();
    return window;
}

QPushButton *addLadderButton(QBoxLayout *layout, QWidget *beside)
{
    auto *button = new QPushButton(QCoreApplication::translate("NetPoke::LadderWindow", "Ladder…"));
    button->setToolTip(QCoreApplication::translate("NetPoke::LadderWindow",
                                                   "The transfer as a sequence diagram: one arrow per packet"));
    const int index = beside ? layout->indexOf(beside) : -1;
    if (index >= 0 && layout->direction() == QBoxLayout::LeftToRight) {
        layout->insertWidget(index + 1, button);
    } else if (index >= 0 && layout->direction() == QBoxLayout::TopToBottom) {
        auto *row = new QHBoxLayout;
        layout->insertLayout(index, row);
        layout->removeWidget(beside);
        row->addWidget(beside, 1);
        row->addWidget(button);
    } else {
        layout->addWidget(button);
    }
    return button;
}

// -------------------------------------------------------------------------------------------------

TeachingBox::TeachingBox(QWidget *parent)
    : QGroupBox(parent)
{
    setCheckable(true);
    setChecked(false);
    auto *form = new QFormLayout(this);
    m_rate = new QSpinBox(this);
    m_rate->setRange(0, Tftp::TeachingOptions::MaxRate);
    m_rate->setValue(2);
    m_every = new QSpinBox(this);
    m_every->setRange(0, Tftp::TeachingOptions::MaxDropEvery);
    m_every->setValue(0);
    m_percent = new QDoubleSpinBox(this);
    m_percent->setRange(0, 100);
    m_percent->setDecimals(1);
    m_percent->setSingleStep(5);
    m_rateLabel = new QLabel(this);
    m_everyLabel = new QLabel(this);
    m_percentLabel = new QLabel(this);
    m_rateLabel->setBuddy(m_rate);
    m_everyLabel->setBuddy(m_every);
    m_percentLabel->setBuddy(m_percent);
    form->addRow(m_rateLabel, m_rate);
    form->addRow(m_everyLabel, m_every);
    form->addRow(m_percentLabel, m_percent);
    // Every Nth packet needs N >= 2: 1 would drop them all (use 100 % for that).
    connect(m_every, &QSpinBox::valueChanged, this, [this](int v) {
        if (v == 1)
            m_every->setValue(2);
    });
    guardWheel(this);
    retranslate();
}

void TeachingBox::retranslate()
{
    setTitle(tr("Teaching"));
    m_rateLabel->setText(tr("Packets per second"));
    m_rate->setSpecialValueText(tr("full speed"));
    m_everyLabel->setText(tr("Drop every Nth packet"));
    m_every->setSpecialValueText(tr("none"));
    m_percentLabel->setText(tr("Drop packets (%)"));
    m_percent->setSpecialValueText(tr("none"));
    setToolTip(tr("Slows this side's sends and loses some of its DATA and ACK packets on purpose, so that "
                       "timeouts and retransmissions can be watched in the ladder."));
}

void TeachingBox::changeEvent(QEvent *event)
{
    QGroupBox::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

Tftp::TeachingOptions TeachingBox::options() const
{
    Tftp::TeachingOptions o;
    if (!isChecked())
        return o;
    o.packetsPerSecond = m_rate->value();
    o.dropEvery = m_every->value() >= 2 ? m_every->value() : 0;
    o.dropPercent = m_percent->value();
    return o;
}

void TeachingBox::setOptions(const Tftp::TeachingOptions &o)
{
    setChecked(o.isOn());
    if (!o.isOn())
        return;
    m_rate->setValue(o.packetsPerSecond);
    m_every->setValue(o.dropEvery);
    m_percent->setValue(o.dropPercent);
}

} // namespace NetPoke
