#pragma once

#include "panel.h"
#include "settingstable.h"

#include "tcp/tcpserver.h"

#include <QElapsedTimer>
#include <QTimer>

class QPlainTextEdit;

namespace Ui {
class TcpServerPanel;
}

namespace NetPoke {

class RateChart;

class FramingControls;
class PacketLogModel;
class TcpConnectionModel;
class TcpStreamLog;

// The TCP Server tab: listen on ADDR:PORT (dual-stack by default, TLS with the user's PEM files), a
// connection table refreshed every 500 ms, send to the selected connections or to all, disconnect, echo,
// a connection cap; opened, closed and refused connections in an event list; the shared Send box and log
// with display framing. The layout is ui/tcpserverpanel.ui; the server is a Tcp::Server.
class TcpServerPanel final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpServerPanel)

public:
    explicit TcpServerPanel(QWidget *parent = nullptr);
    ~TcpServerPanel() override;

    Tcp::Server *server() const { return m_server; }
    PacketLogModel *logModel() const { return m_model; }
    TcpConnectionModel *connectionModel() const { return m_connections; }

    bool startListening();
    void stopListening();
    bool sendNow();
    // Takes a snapshot of the connections now (normally every 500 ms).
    void refreshConnections();

    bool canSaveLog() const override { return true; }
    void saveLogInteractive() override;
    bool saveLog(const QString &fileName, QString *error = nullptr) const;

    QString title() const override;
    void loadSettings() override;
    void saveSettings() const override;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    static constexpr const char *DualStackData = "any";
    void fillSettingsTable();
    void toggleListen();
    void updateListenState();
    void updateCounters();
    void updateFraming();
    void onEncodingChanged();
    void addEvent(const QString &line);
    QList<quint64> selectedIds() const;
    bool sendBytes(const QByteArray &bytes);
    void disconnectSelected();
    void chooseFile(class QLineEdit *edit, const QString &caption);
    void applyFontMetrics();

    Ui::TcpServerPanel *m_ui = nullptr;
    Tcp::Server *m_server = nullptr;
    PacketLogModel *m_model = nullptr;
    TcpConnectionModel *m_connections = nullptr;
    TcpStreamLog *m_streamLog = nullptr;
    FramingControls *m_framing = nullptr;
    QPlainTextEdit *m_events = nullptr;
    SettingsTable m_settings;
    RateChart *m_chart = nullptr;
    QTimer m_refreshTimer;
    QElapsedTimer m_rateClock;
    Tcp::Counters m_lastCounters;
    quint64 m_refused = 0;
    int m_fullReports = 0;          // write-buffer-full lines shown since the last refresh
    bool m_fitted = false;
};

} // namespace NetPoke
