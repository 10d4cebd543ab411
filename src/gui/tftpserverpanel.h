#pragma once

#include "panel.h"
#include "settingstable.h"
#include "tftp/tftpserver.h"

#include <QPersistentModelIndex>
#include <QStringList>
#include <QTimer>

class QLabel;
class QPushButton;

namespace Ui {
class TftpServerPanel;
}

namespace NetPoke {

class TeachingBox;
class TftpTransferModel;

// The TFTP Server tab: serve a folder (Tftp::Server), with a live table of the transfers, the server's
// log and the packet trace of the selected transfer. The layout is ui/tftpserverpanel.ui; this class keeps
// the behaviour. The table and the log are updated in batches (at most ~10 times a second) and bounded, so
// 200 transfers at once or a flood of requests cost the window a few repaints a second.
class TftpServerPanel final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TftpServerPanel)

public:
    explicit TftpServerPanel(QWidget *parent = nullptr);
    ~TftpServerPanel() override;

    Tftp::Server *server() const { return m_server; }
    TftpTransferModel *model() const { return m_model; }
    // Starts serving as the form says; false with the reason shown next to the field it is about.
    bool start();
    void stop();
    // Where a client on this machine reaches the running server: the listening address, or 127.0.0.1
    // for the wildcard addresses. Empty while stopped.
    QString localHost() const;

    QString title() const override;
    void loadSettings() override;
    void saveSettings() const override;

signals:
    // "Download from this server" was pressed while serving.
    void downloadRequested(const QString &host, quint16 port);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setUpWidgets();
    void connectWidgets();
    bool readSettings(Tftp::Server::Settings *settings);
    void clearErrors();
    void browse();
    void setRunning(bool running);
    void updateCounters();
    void onLogLine(const QString &line);
    void flushLog();
    void onSelectionChanged();
    void refreshTrace();
    void setTraceTitle(const QString &title);
    void onCommitted();
    void applyFontMetrics();
    void updateFormWidth();
    void shareHeight();

    Ui::TftpServerPanel *m_ui = nullptr;
    Tftp::Server *m_server = nullptr;
    TftpTransferModel *m_model = nullptr;
    SettingsTable m_settings{QStringLiteral("tftpServer")};

    bool m_splitterSized = false;   // restored from the settings, or sized at the first show
    QStringList m_pendingLog;
    QTimer m_logTimer;
    quint64 m_finished = 0;   // since Start
    quint64 m_failed = 0;

    // The transfer whose trace is shown, and how much of it.
    QPersistentModelIndex m_traceIndex;
    QString m_traceTitle;
    int m_traceShown = 0;          // entries shown, without a trailing "not kept" note
    bool m_traceTailNote = false;  // the last line is the core's "… n more trace entries not kept"
    int m_traceState = -1;         // the state it had when last shown
    TeachingBox *m_teaching = nullptr;   // ladderwindow.h: the teaching mode's fields
    QPushButton *m_ladderButton = nullptr;
};

} // namespace NetPoke
