#pragma once

#include "panel.h"
#include "settingstable.h"

#include "tcp/tcpclient.h"

#include <QElapsedTimer>
#include <QTimer>

namespace Ui {
class TcpClientPanel;
}

namespace NetPoke {

class RateChart;

class PacketLogModel;
class TcpStreamLog;
class FramingControls;

// The TCP Client tab: connect to HOST:PORT (optionally from a local address/port, with TLS, keepalive,
// auto-reconnect), send from the shared Send box, log the stream with display framing. The layout is
// ui/tcpclientpanel.ui; the connection is a Tcp::Client.
class TcpClientPanel final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpClientPanel)

public:
    explicit TcpClientPanel(QWidget *parent = nullptr);
    ~TcpClientPanel() override;

    Tcp::Client *client() const { return m_client; }
    PacketLogModel *logModel() const { return m_model; }

    // As the Connect button: false (with the reason shown next to it) when the fields are not valid.
    bool connectNow();
    void disconnectNow();
    bool sendNow();

    bool canSaveLog() const override { return true; }
    void saveLogInteractive() override;
    bool saveLog(const QString &fileName, QString *error = nullptr) const;

    QString title() const override;
    void loadSettings() override;
    void saveSettings() const override;

    // What the certificate details show: the chain and the TLS errors, as visible text.
    QString certificateText() const;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void fillSettingsTable();
    void toggleConnect();
    void oneShot();
    void updateState();
    void updateCounters();
    void updateFraming();
    void onEncodingChanged();
    void onError();
    void onConnected();
    void onDisconnected();
    void showCertificates();
    void sendFile();
    bool sendBytes(const QByteArray &bytes);
    bool buildOptions(Tcp::ClientOptions *options);
    void applyFontMetrics();

    Ui::TcpClientPanel *m_ui = nullptr;
    Tcp::Client *m_client = nullptr;
    PacketLogModel *m_model = nullptr;
    TcpStreamLog *m_streamLog = nullptr;
    FramingControls *m_framing = nullptr;
    SettingsTable m_settings;
    RateChart *m_chart = nullptr;
    QTimer m_counterTimer;
    QElapsedTimer m_rateClock;
    Tcp::Counters m_lastCounters;
    QByteArray m_oneShotPayload;     // "Connect, send, close": sent once connected
    bool m_oneShot = false;
    int m_reconnectInMs = -1;        // a reconnect is scheduled (shown in the state line)
    bool m_fitted = false;
};

} // namespace NetPoke
