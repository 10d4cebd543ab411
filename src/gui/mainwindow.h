#pragma once

#include <QMainWindow>

namespace Ui {
class MainWindow;
}

namespace NetPoke {

class ChatPanel;
class Panel;
class TftpPanel;
class TcpClientPanel;
class TcpServerPanel;
class TftpServerPanel;
class UdpPanel;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    UdpPanel *udpPanel() const { return m_udp; }
    ChatPanel *chatPanel() const { return m_chat; }
    TftpPanel *tftpPanel() const { return m_tftp; }
    TftpServerPanel *tftpServerPanel() const { return m_tftpServer; }
    TcpClientPanel *tcpClientPanel() const { return m_tcpClient; }
    TcpServerPanel *tcpServerPanel() const { return m_tcpServer; }
    // Font scale for the whole window (1.0 = system size), for projectors.
    void setZoom(double factor);
    double zoom() const { return m_zoom; }
    // Logs, traces, tables and progress bars larger than the rest (a projector), on top of the zoom.
    void setPresentationMode(bool on);
    bool presentationMode() const { return m_presentation; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    template<typename T>
    T *addPanel(T *panel);
    Panel *currentPanel() const;
    void saveSettings();
    void showAbout();
    void setUpLanguageMenu();
    void applyPresentationFonts();
    void setUpThemeMenu();
    void chooseLanguage(const QString &code);
    void askResetSettings();
    void offerRestart(const QString &text);
    void updateTabTitle(Panel *panel);
    void updateActions();

    Ui::MainWindow *m_ui = nullptr;
    QList<Panel *> m_panels;
    UdpPanel *m_udp = nullptr;
    ChatPanel *m_chat = nullptr;
    TftpPanel *m_tftp = nullptr;
    TftpServerPanel *m_tftpServer = nullptr;
    TcpClientPanel *m_tcpClient = nullptr;
    TcpServerPanel *m_tcpServer = nullptr;
    double m_zoom = 1.0;
    bool m_settingsReset = false;
    bool m_presentation = false;
    QAction *m_presentationAction = nullptr;   // the settings were cleared (or saved before a restart): do not save on close
    qreal m_basePointSize = 0;
    QSize m_userSize;   // the window's size as the user chose it, kept across zooms
};

} // namespace NetPoke
