#pragma once

#include "panel.h"

#include "udpendpoint.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace NetPoke {

class PacketLogModel;

// The UDP tab: bind a local address, send to any host, and log every datagram both ways.
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

private:
    void buildUi();
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

    UdpEndpoint *m_endpoint = nullptr;
    PacketLogModel *m_model = nullptr;

    // Local
    QComboBox *m_localAddress = nullptr;
    QSpinBox *m_localPort = nullptr;
    QCheckBox *m_shareAddress = nullptr;
    QPushButton *m_openButton = nullptr;
    QLabel *m_localStatus = nullptr;
    QLabel *m_localError = nullptr;
    // Remote
    QLineEdit *m_remoteHost = nullptr;
    QSpinBox *m_remotePort = nullptr;
    QCheckBox *m_replyToSender = nullptr;
    QCheckBox *m_broadcast = nullptr;
    QLineEdit *m_multicastGroup = nullptr;
    QComboBox *m_multicastInterface = nullptr;
    QSpinBox *m_multicastTtl = nullptr;
    QPushButton *m_joinButton = nullptr;
    QLabel *m_remoteError = nullptr;
    // Send
    QComboBox *m_sendMode = nullptr;
    QComboBox *m_encoding = nullptr;
    QCheckBox *m_escapes = nullptr;
    QComboBox *m_lineEnding = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QComboBox *m_history = nullptr;
    QPushButton *m_sendButton = nullptr;
    QCheckBox *m_periodic = nullptr;
    QSpinBox *m_periodMs = nullptr;
    QLabel *m_periodRate = nullptr;
    QLabel *m_sendError = nullptr;
    // Log
    QComboBox *m_contentMode = nullptr;
    QCheckBox *m_pause = nullptr;
    QCheckBox *m_autoScroll = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_rxCounter = nullptr;
    QLabel *m_txCounter = nullptr;

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
};

} // namespace NetPoke
