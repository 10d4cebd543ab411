#pragma once

#include "tftp/tftpteaching.h"
#include "tftp/tftptrace.h"

#include <QGroupBox>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QBoxLayout;
class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace NetPoke {

class LadderView;

namespace Tftp {
class Client;
class Server;
} // namespace Tftp

// A window (not modal) with one transfer's ladder, a "Follow" switch and PNG / SVG export.
class LadderWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LadderWindow)

public:
    explicit LadderWindow(QWidget *parent = nullptr);

    LadderView *view() const { return m_view; }
    void setHeading(const QString &heading);
    // Writes the ladder to path, PNG or SVG by its suffix; false with errorString().
    bool exportTo(const QString &path);
    QString errorString() const { return m_errorString; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void exportAs();

    LadderView *m_view = nullptr;
    QLabel *m_heading = nullptr;
    QCheckBox *m_follow = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_close = nullptr;
    QString m_headingText;
    QString m_errorString;
};

// The TFTP tab's ladder: keeps the trace of the client's current (or last) transfer, at most
// LadderView::MaxRows entries, and shows it in one window that follows the tab's transfers.
class ClientLadder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientLadder)

public:
    ClientLadder(Tftp::Client *client, QWidget *window);
    ~ClientLadder() override;

    // A new transfer to host:port starts: the window (if open) starts again.
    void startTransfer(const QString &server, const QString &what);
    // Opens (or raises) the window.
    LadderWindow *show();
    LadderWindow *window() const { return m_window; }
    const QList<Tftp::TraceEntry> &entries() const { return m_entries; }

private:
    void add(const Tftp::TraceEntry &entry);

    QWidget *m_parentWindow = nullptr;
    QPointer<LadderWindow> m_window;
    QList<Tftp::TraceEntry> m_entries;
    QString m_server;
    QString m_what;
};

// The TFTP Server tab's ladder of one transfer: a new window per transfer, refreshed from Server::trace(id)
// while it is open.
LadderWindow *openServerLadder(Tftp::Server *server, quint64 id, const QString &client, const QString &serverEndpoint,
                               const QString &what, QWidget *parent);

// Puts a "Ladder…" button right after beside in a horizontal layout, beside it (in a new row) in a vertical
// one, at the end when beside is not in layout. Returns the button.
QPushButton *addLadderButton(QBoxLayout *layout, QWidget *beside);

// The "Teaching" group both TFTP tabs show: packets a second, drop every Nth packet, or a per cent of them.
class TeachingBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeachingBox)

public:
    explicit TeachingBox(QWidget *parent = nullptr);

    Tftp::TeachingOptions options() const;
    void setOptions(const Tftp::TeachingOptions &options);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_rateLabel = nullptr;
    QLabel *m_everyLabel = nullptr;
    QLabel *m_percentLabel = nullptr;
    QSpinBox *m_rate = nullptr;
    QSpinBox *m_every = nullptr;
    QDoubleSpinBox *m_percent = nullptr;
};

} // namespace NetPoke
