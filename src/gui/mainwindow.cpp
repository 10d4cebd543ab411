#include "mainwindow.h"

#include "addresses.h"
#include "chatpanel.h"
#include "language.h"
#include "theme.h"
#include "networkpanel.h"
#include "tftppanel.h"
#include "tcpclientpanel.h"
#include "tcpserverpanel.h"
#include "tftpserverpanel.h"
#include "udppanel.h"
#include "ui_mainwindow.h"

#include <QAbstractItemView>
#include <QActionGroup>
#include <QComboBox>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QTableView>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>
#include <QScrollArea>
#include <QSettings>

namespace NetPoke {

namespace {
constexpr double MinZoom = 0.6;
constexpr double MaxZoom = 3.0;
constexpr double ZoomStep = 1.15;
constexpr double PresentationScale = 1.4;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(new Ui::MainWindow)
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/netpoke.svg")));
    m_basePointSize = font().pointSizeF();

    // The tabs, in order. A new protocol's tab is one more line here.
    m_udp = addPanel(new UdpPanel(this));
    m_tcpClient = addPanel(new TcpClientPanel(this));
    m_tcpServer = addPanel(new TcpServerPanel(this));
    m_chat = addPanel(new ChatPanel(this));
    m_tftp = addPanel(new TftpPanel(this));
    m_tftpServer = addPanel(new TftpServerPanel(this));
    addPanel(new NetworkPanel(this));
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, &MainWindow::updateActions);
    // The classroom's round trip: serve a folder, then fetch from it with the TFTP tab.
    connect(m_tftpServer, &TftpServerPanel::downloadRequested, this, [this](const QString &host, quint16 port) {
        m_tftp->setServer(host, port);
        m_ui->tabs->setCurrentIndex(int(m_panels.indexOf(m_tftp)));
    });

    connect(m_ui->actionSaveLog, &QAction::triggered, this, [this] {
        if (Panel *p = currentPanel(); p && p->canSaveLog())
            p->saveLogInteractive();
    });
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionZoomIn, &QAction::triggered, this, [this] { setZoom(m_zoom * ZoomStep); });
    connect(m_ui->actionZoomOut, &QAction::triggered, this, [this] { setZoom(m_zoom / ZoomStep); });
    connect(m_ui->actionZoomReset, &QAction::triggered, this, [this] { setZoom(1.0); });
    // View > Presentation mode: logs, traces and progress bars larger still, on top of the zoom.
    m_presentationAction = new QAction(tr("&Presentation mode"), this);
    m_presentationAction->setObjectName(QStringLiteral("actionPresentation"));
    m_presentationAction->setCheckable(true);
    m_presentationAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_presentationAction->setToolTip(tr("Larger logs, traces and progress bars for a projector (F5)"));
    m_ui->menuView->insertAction(m_ui->actionZoomIn, m_presentationAction);
    m_ui->menuView->insertSeparator(m_ui->actionZoomIn);
    connect(m_presentationAction, &QAction::toggled, this, &MainWindow::setPresentationMode);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    setUpLanguageMenu();
    setUpThemeMenu();
    // File > Reset settings, above Quit.
    auto *reset = new QAction(tr("&Reset settings…"), this);
    reset->setObjectName(QStringLiteral("actionResetSettings"));
    m_ui->menuFile->insertAction(m_ui->actionQuit, reset);
    connect(reset, &QAction::triggered, this, &MainWindow::askResetSettings);
    // Ctrl+= as well, since + needs Shift on most keyboards.
    m_ui->actionZoomIn->setShortcuts({QKeySequence(QKeySequence::ZoomIn), QKeySequence(Qt::CTRL | Qt::Key_Equal)});

    const QStringList addresses = machineAddresses();
    auto *addressLabel = new QLabel(this);
    addressLabel->setObjectName(QStringLiteral("addressLabel"));
    addressLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    addressLabel->setText(addresses.isEmpty() ? tr("This machine: no network address except loopback (127.0.0.1, ::1)")
                                              : tr("This machine: %1").arg(addresses.join(QStringLiteral("   "))));
    statusBar()->addWidget(addressLabel, 1);

    QSettings s;
    const QByteArray geometry = s.value(QStringLiteral("window/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const int tab = s.value(QStringLiteral("window/tab"), 0).toInt();
    if (tab >= 0 && tab < m_ui->tabs->count())
        m_ui->tabs->setCurrentIndex(tab);
    setZoom(s.value(QStringLiteral("window/zoom"), 1.0).toDouble());
    setPresentationMode(s.value(QStringLiteral("window/presentation"), false).toBool());
    updateActions();
}

template<typename T>
T *MainWindow::addPanel(T *panel)
{
    m_panels.append(panel);
    // Each tab scrolls when its panel needs more room than the window has (at 3x zoom on a projector),
    // instead of forcing the window to grow past the screen. At the default size nothing scrolls.
    auto *page = new QScrollArea(m_ui->tabs);
    page->setObjectName(panel->objectName().isEmpty() ? QString() : panel->objectName() + QStringLiteral("Page"));
    page->setFrameShape(QFrame::NoFrame);
    page->setWidgetResizable(true);
    page->setWidget(panel);
    m_ui->tabs->addTab(page, panel->title());
    connect(panel, &Panel::badgeChanged, this, [this, panel] { updateTabTitle(panel); });
    return panel;
}

Panel *MainWindow::currentPanel() const
{
    return m_panels.value(m_ui->tabs->currentIndex());   // tabs are added in the list's order
}

void MainWindow::updateTabTitle(Panel *panel)
{
    const int unread = panel->unreadCount();
    //: A tab's title with the number of unread items, e.g. "Chat (2)"
    m_ui->tabs->setTabText(int(m_panels.indexOf(panel)),
                           unread > 0 ? tr("%1 (%2)").arg(panel->title()).arg(unread) : panel->title());
}

void MainWindow::updateActions()
{
    const Panel *p = currentPanel();
    m_ui->actionSaveLog->setEnabled(p && p->canSaveLog());
}

MainWindow::~MainWindow()
{
    delete m_ui;
}

void MainWindow::setZoom(double factor)
{
    // The window keeps the size the user gave it: a bigger font may force it to grow (its minimum size
    // grows), and zooming back gives that size again. Any other size is the user's new choice.
    if (size() != m_userSize.expandedTo(minimumSize()))
        m_userSize = size();
    m_zoom = qBound(MinZoom, factor, MaxZoom);
    QFont f = font();
    f.setPointSizeF(m_basePointSize * m_zoom);
    setFont(f);
    m_ui->actionZoomReset->setEnabled(!qFuzzyCompare(m_zoom, 1.0));
    applyPresentationFonts();
    // Let the layouts take the new font now (a layout that changes asks its parent's for a new pass, so a
    // few rounds), so the window's new minimum size is known before it is given the user's size back.
    for (int round = 0; round < 16; ++round)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    resize(m_userSize);   // Qt keeps it at least the minimum size
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_settingsReset)
        saveSettings();
    event->accept();
}

void MainWindow::saveSettings()
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/tab"), m_ui->tabs->currentIndex());
    s.setValue(QStringLiteral("window/zoom"), m_zoom);
    s.setValue(QStringLiteral("window/presentation"), m_presentation);
    for (const Panel *p : std::as_const(m_panels))
        p->saveSettings();
}

// View > Language: the choice is stored and used at the next start (every panel builds its texts once);
// the user may restart at once.
void MainWindow::setUpLanguageMenu()
{
    QMenu *menu = m_ui->menuView->addMenu(tr("&Language"));
    menu->setObjectName(QStringLiteral("menuLanguage"));
    m_ui->menuView->insertSeparator(menu->menuAction());
    auto *group = new QActionGroup(menu);
    const QString current = QSettings().value(QLatin1String(Language::SettingsKey)).toString();
    for (const QString &code : Language::codes()) {
        QAction *a = menu->addAction(Language::nativeName(code));
        a->setObjectName(QStringLiteral("actionLanguage_") + (code.isEmpty() ? QStringLiteral("system") : code));
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setData(code);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { chooseLanguage(code); });
    }
}

void MainWindow::setPresentationMode(bool on)
{
    if (m_presentation == on)
        return;
    m_presentation = on;
    if (m_presentationAction->isChecked() != on)
        m_presentationAction->setChecked(on);
    applyPresentationFonts();
}

// The views that show data (logs, traces, tables, progress bars) get the zoomed font times
// PresentationScale, or inherit the window's again. Item views inside combo boxes (their popups) are left
// alone. Panels and log panes size rows from their views' fonts: they are told to measure again.
void MainWindow::applyPresentationFonts()
{
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * PresentationScale);
    auto isPopupPart = [this](const QWidget *w) {
        for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget())
            if (qobject_cast<const QComboBox *>(p) || p->isWindow())
                return p != window();
        return false;
    };
    QList<QWidget *> targets;
    for (QAbstractItemView *v : findChildren<QAbstractItemView *>())
        targets << v;
    for (QPlainTextEdit *e : findChildren<QPlainTextEdit *>())
        if (e->isReadOnly())
            targets << e;
    for (QProgressBar *b : findChildren<QProgressBar *>())
        targets << b;
    for (QWidget *w : std::as_const(targets)) {
        if (isPopupPart(w))
            continue;
        w->setFont(m_presentation ? big : QFont());
        if (auto *v = qobject_cast<QAbstractItemView *>(w))
            if (auto *t = qobject_cast<QTableView *>(v))
                t->horizontalHeader()->setFont(m_presentation ? big : font());
    }
    QEvent measure(QEvent::FontChange);
    for (QWidget *w : findChildren<QWidget *>())
        if (qobject_cast<Panel *>(w) || w->inherits("NetPoke::LogPane"))
            QCoreApplication::sendEvent(w, &measure);
}

// View > Theme: applied at once and kept.
void MainWindow::setUpThemeMenu()
{
    QMenu *menu = m_ui->menuView->addMenu(tr("&Theme"));
    menu->setObjectName(QStringLiteral("menuTheme"));
    auto *group = new QActionGroup(menu);
    const QString current = QSettings().value(QLatin1String(Theme::SettingsKey)).toString();
    for (const QString &code : Theme::codes()) {
        QAction *a = menu->addAction(Theme::displayName(code));
        a->setObjectName(QStringLiteral("actionTheme_") + (code.isEmpty() ? QStringLiteral("system") : code));
        a->setCheckable(true);
        a->setChecked(code == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [code] {
            QSettings().setValue(QLatin1String(Theme::SettingsKey), code);
            Theme::apply(code);
        });
    }
    if (!current.isEmpty())
        Theme::apply(current);
}

void MainWindow::chooseLanguage(const QString &code)
{
    QSettings s;
    if (s.value(QLatin1String(Language::SettingsKey)).toString() == code)
        return;
    s.setValue(QLatin1String(Language::SettingsKey), code);
    offerRestart(tr("NetPoke will speak %1 after a restart.").arg(Language::nativeName(code)));
}

void MainWindow::askResetSettings()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Reset settings"),
                                tr("Forget every setting (fields, history, window size, zoom, language) and start "
                                   "with the defaults?"),
                                QMessageBox::Reset | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("resetSettingsBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result != QMessageBox::Reset)
            return;
        QSettings().clear();
        m_settingsReset = true;   // closing must not write them back
        offerRestart(tr("The settings were reset. NetPoke starts with its defaults next time."));
    });
    box->open();
}

void MainWindow::offerRestart(const QString &text)
{
    statusBar()->showMessage(text, 10000);
    auto *box = new QMessageBox(QMessageBox::Information, tr("Restart NetPoke"), text, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("restartBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *now = box->addButton(tr("Restart &now"), QMessageBox::AcceptRole);
    box->addButton(tr("&Later"), QMessageBox::RejectRole);
    connect(box, &QMessageBox::finished, this, [this, box, now] {
        if (box->clickedButton() != now)
            return;
        if (!m_settingsReset)
            saveSettings();
        m_settingsReset = true;   // saved now: the closing below must not save again
        if (QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1)))
            close();
        else
            statusBar()->showMessage(tr("NetPoke could not start itself again: please start it by hand."), 10000);
    });
    box->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About NetPoke"),
                       tr("<h3>NetPoke %1</h3><p>A network debugging assistant: UDP and TCP (client and "
                          "server) in UTF-8, GB2312, GBK, GB18030, Big5, Latin-1 or hex; a UDP chat; a TFTP client and server.</p><p>Built with Qt %2.</p>")
                           .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

} // namespace NetPoke
