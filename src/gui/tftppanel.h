#pragma once

#include "panel.h"
#include "settingstable.h"

#include <QString>

class QChart;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace Ui {
class TftpPanel;
}

namespace NetPoke {

class ClientLadder;
class TeachingBox;

namespace Tftp {
class Client;
struct ClientOptions;
struct Progress;
struct TraceEntry;
} // namespace Tftp

// The TFTP tab: download or upload a file with a real progress bar, speed, ETA, a throughput chart and a
// packet trace for teaching. The layout is ui/tftppanel.ui; this class keeps the behaviour.
class TftpPanel final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TftpPanel)

public:
    explicit TftpPanel(QWidget *parent = nullptr);
    ~TftpPanel() override;

    Tftp::Client *client() const { return m_client; }
    // Starts the download or upload described by the form; false with the reason shown below the buttons.
    bool start();
    // The direction chosen in the form (Download or Upload).
    bool uploadChosen() const;
    void cancel();
    // Fills in the server to download from (the TFTP Server tab's "Download from this server"); false, and
    // nothing changed, while a download runs.
    bool setServer(const QString &host, quint16 port);
    // When false, an existing local file is replaced without asking (tests).
    void setConfirmOverwrite(bool on) { m_confirmOverwrite = on; }
    // Where a download goes when the user has not chosen a folder: the system's download folder (it
    // need not exist yet: start() creates it).
    static QString defaultFolder();

    QString title() const override;
    void loadSettings() override;
    void saveSettings() const override;

signals:
    void transferFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setUpChart();
    void resetFigures();
    void applyFontToChart();
    void updateFormWidth();
    void layOutFigures();
    bool readOptions(Tftp::ClientOptions *options);
    void onProgress(const Tftp::Progress &progress);
    void onTrace(const Tftp::TraceEntry &entry);
    void onFinished(bool ok);
    void setRunning(bool running);
    void updateDefaultLocalFile();
    void updateDefaultRemoteFile();
    void updateDirection();
    void browse();
    void browseUpload();
    bool checkLocalFile(const QString &local);
    bool startDownload(const QString &host, const QString &remote, const Tftp::ClientOptions &options);
    bool startUpload(const QString &host, const QString &remote, const Tftp::ClientOptions &options);

    Ui::TftpPanel *m_ui = nullptr;
    Tftp::Client *m_client = nullptr;
    SettingsTable m_settings{QStringLiteral("tftp")};

    QChart *m_chart = nullptr;
    QLineSeries *m_rateSeries = nullptr;
    QScatterSeries *m_retransmitSeries = nullptr;
    QValueAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
    double m_chartMaxRate = 1;
    quint64 m_lastRetransmissions = 0;
    int m_figuresPerRow = 3;   // as in the form

    QString m_activeLocalFile;
    bool m_activeInPlace = false;   // the target is a device or FIFO: written in place, nothing rolled back
    QString m_activeRemoteFile;
    bool m_activeUpload = false;   // the direction of the transfer running or last run
    // The file name the remote name gives; while the Save-as field ends in it, a new remote name replaces it
    // (in the folder the field names, which may be the user's). Any other file name is the user's and stays.
    QString m_derivedName;
    // The same the other way: the remote name the file to send gives, replaced by a new one while it is used.
    QString m_derivedRemote;
    bool m_confirmOverwrite = true;
    TeachingBox *m_teaching = nullptr;   // ladderwindow.h: the teaching mode's fields
    ClientLadder *m_ladder = nullptr;    // the "Ladder…" window's trace
};

} // namespace NetPoke
