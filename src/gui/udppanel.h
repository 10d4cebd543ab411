#pragma once

#include "panel.h"
#include "settingstable.h"

#include "udpendpoint.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace Ui {
class UdpPanel;
}

namespace NetPoke {

class InspectorWidget;
class PacketLogModel;

// The UDP tab: bind a local address, send to any host, and log every datagram both ways. The layout is
// ui/udppanel.ui; this class keeps the behaviour.
class UdpPanel final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpPanel)

public:
    explicit UdpPanel(QWidget *parent = nullptr);
    ~UdpPanel() override;

    UdpEndpoint *endpoint() const { return m_endpoint; }
    PacketLogModel *logModel() const { return m_model; }

    // Binds like the Open button; false (with the reason shown next to it) on failure.
    bool openLocal(const QHostAddress &address, quint16 port);
    void closeLocal();
    // Sends what the editor holds to the remote host, as the Send button does.
    bool sendNow();

    // Asks for a file name and writes the log as text or CSV.
    bool canSaveLog() const override { return true; }
    void saveLogInteractive() override;
    bool saveLog(const QString &fileName, QString *error = nullptr) const;

    QString title() const override;
    void loadSettings() override;
    void saveSettings() const override;

    // What to tell the user after joining a multicast group on a socket bound to `bound`: a socket bound
    // to one address (loopback or a unicast address) does not get the group's traffic from the network.
    // Empty for the any-addresses.
    static QString multicastCaution(const QHostAddress &bound);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // Item data of the local-address entry that binds both IPv4 and IPv6 (QHostAddress::Any).
    static constexpr const char *DualStackData = "any";
    void setupWidgets();
    void connectWidgets();
    void fillSettingsTable();
    void applyFontMetrics();
    int naturalControlsWidth() const;
    void fitControlsPane();
    void toggleOpen();
    void updateBoundState();
    void updateCounters();
    void onEndpointError(UdpEndpoint::Error error);
    void onDatagramsReceived(const QList<Datagram> &datagrams);
    void onPeriodicToggled(bool on);
    void onPeriodicTimeout();
    void sendFile();
    void toggleMulticast();
    void onEncodingChanged();
    void addToHistory(const QString &text);
    QHostAddress selectedLocalAddress(bool *ok);
    bool buildPayload(QByteArray *out);
    bool sendBytes(const QByteArray &bytes);

    Ui::UdpPanel *m_ui = nullptr;
    UdpEndpoint *m_endpoint = nullptr;
    PacketLogModel *m_model = nullptr;
    InspectorWidget *m_inspector = nullptr;   // under the log: the selected row's bytes
    QLabel *m_sendError = nullptr;      // inside the editor's frame (MessageEdit)
    SettingsTable m_settings;

    QTimer m_periodicTimer;
    QTimer m_counterTimer;
    QElapsedTimer m_rateClock;
    UdpCounters m_lastCounters;
    quint64 m_periodicSent = 0;
    quint64 m_periodicSentAtLastRate = 0;
    QByteArray m_periodicPayload;
    QHostAddress m_lastSender;
    quint16 m_lastSenderPort = 0;
    QHostAddress m_joinedGroup;
    QLabel *m_errorContext = nullptr;   // where asynchronous endpoint errors are shown
    bool m_autoBound = false;           // the socket was opened by a send, not by Open
    // The controls pane's width as the user left it, and the width its controls needed then: zooming
    // scales it, and zooming back gives exactly that width again.
    int m_controlsWidth = -1;
    int m_controlsNatural = 0;
    bool m_splitterRestored = false;
};

} // namespace NetPoke
