#pragma once

#include "panel.h"

#include <QElapsedTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QChart;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace NetPoke {

namespace Tftp {
class Client;
struct ClientOptions;
struct Progress;
struct TraceEntry;
} // namespace Tftp

// The TFTP tab: download a file with a real progress bar, speed, ETA, a throughput chart and a
// packet trace for teaching.
class TftpPanel final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TftpPanel)

public:
    explicit TftpPanel(QWidget *parent = nullptr);
    ~TftpPanel() override;

    Tftp::Client *client() const { return m_client; }
    // Starts the download described by the form; false with the reason shown next to the field.
    bool start();
    void cancel();
    // When false, an existing local file is replaced without asking (tests).
    void setConfirmOverwrite(bool on) { m_confirmOverwrite = on; }

    QString title() const override;
    void loadSettings() override;
    void saveSettings() const override;

signals:
    void transferFinished(bool ok);

private:
    void buildUi();
    bool readOptions(Tftp::ClientOptions *options);
    void onProgress(const Tftp::Progress &progress);
    void onTrace(const Tftp::TraceEntry &entry);
    void onFinished(bool ok);
    void setRunning(bool running);
    void updateDefaultLocalFile();
    void browse();

    Tftp::Client *m_client = nullptr;

    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_remoteFile = nullptr;
    QLineEdit *m_localFile = nullptr;
    QComboBox *m_mode = nullptr;
    QComboBox *m_blockSize = nullptr;
    QSpinBox *m_windowSize = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_retries = nullptr;
    QCheckBox *m_tsize = nullptr;
    QCheckBox *m_rfc1350 = nullptr;
    QLabel *m_formError = nullptr;
    QLabel *m_optionsError = nullptr;

    QPushButton *m_startButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_openFolderButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_speed = nullptr;
    QLabel *m_eta = nullptr;
    QLabel *m_elapsed = nullptr;
    QLabel *m_blocks = nullptr;
    QLabel *m_retransmissions = nullptr;
    QLabel *m_result = nullptr;
    QPlainTextEdit *m_trace = nullptr;

    QChart *m_chart = nullptr;
    QLineSeries *m_rateSeries = nullptr;
    QScatterSeries *m_retransmitSeries = nullptr;
    QValueAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
    double m_chartMaxRate = 1;
    quint64 m_lastRetransmissions = 0;

    QString m_activeLocalFile;
    bool m_confirmOverwrite = true;
    bool m_localFileEdited = false;
};

} // namespace NetPoke
