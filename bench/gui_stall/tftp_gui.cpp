// The whole main window with its TFTP tab downloading, under QT_QPA_PLATFORM=offscreen (or a real X
// display): how long can a fast download keep the GUI's event loop from running?
//   gui_stall_tftp --port PORT --file NAME --out PATH [--blksize N] [--windowsize N] [--timeout SECONDS]
// Downloads NAME from 127.0.0.1:PORT through the TFTP tab's own Start (the form's fields), measures the
// event loop's longest stall with a 5 ms timer that records its own lateness, and prints one line on
// stdout: "ok=1 bytes=N seconds=S mib_s=R stall_ms=M stalls_over_50ms=K ticks=T".

#include "mainwindow.h"
#include "tftppanel.h"
#include "tftp/tftpclient.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Settings in a throwaway folder: the bench never touches the user's own.
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("NetPokeBench"));
    QCoreApplication::setApplicationName(QStringLiteral("gui_stall_tftp"));

    QString file, out;
    int port = 0, blksize = 0, windowsize = -1, timeoutS = 120;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const QString &k = args.at(i), &v = args.at(i + 1);
        if (k == QLatin1String("--port"))
            port = v.toInt();
        else if (k == QLatin1String("--file"))
            file = v;
        else if (k == QLatin1String("--out"))
            out = v;
        else if (k == QLatin1String("--blksize"))
            blksize = v.toInt();
        else if (k == QLatin1String("--windowsize"))
            windowsize = v.toInt();
        else if (k == QLatin1String("--timeout"))
            timeoutS = v.toInt();
    }
    if (port <= 0 || file.isEmpty() || out.isEmpty()) {
        std::fprintf(stderr, "usage: gui_stall_tftp --port PORT --file NAME --out PATH [--blksize N] [--windowsize N]\n");
        return 2;
    }

    NetPoke::MainWindow w;
    w.resize(1180, 760);
    auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("tabs"));
    NetPoke::TftpPanel *panel = w.tftpPanel();
    tabs->setCurrentIndex(2);   // the TFTP tab
    w.show();
    panel->setConfirmOverwrite(false);
    panel->findChild<QLineEdit *>(QStringLiteral("tftpHost"))->setText(QStringLiteral("127.0.0.1"));
    panel->findChild<QSpinBox *>(QStringLiteral("tftpPort"))->setValue(port);
    panel->findChild<QLineEdit *>(QStringLiteral("tftpRemoteFile"))->setText(file);
    panel->findChild<QLineEdit *>(QStringLiteral("tftpLocalFile"))->setText(out);
    if (blksize > 0) {
        auto *b = panel->findChild<QComboBox *>(QStringLiteral("tftpBlockSize"));
        b->setCurrentText(QString::number(blksize));
    }
    if (windowsize >= 0)
        panel->findChild<QSpinBox *>(QStringLiteral("tftpWindowSize"))->setValue(windowsize);

    QElapsedTimer clock;
    qint64 lastTick = -1, worst = 0, over50 = 0, ticks = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        if (lastTick >= 0) {
            const qint64 late = now - lastTick - tick.interval();
            worst = qMax(worst, late);
            over50 += late > 50;
        }
        lastTick = now;
        ++ticks;
    });
    int code = 1;
    QObject::connect(panel, &NetPoke::TftpPanel::transferFinished, &app, [&](bool ok) {
        tick.stop();
        const NetPoke::Tftp::Progress p = panel->client()->progress();
        const double seconds = qMax<qint64>(p.elapsedMs, 1) / 1000.0;
        std::printf("ok=%d bytes=%lld seconds=%.3f mib_s=%.1f stall_ms=%lld stalls_over_50ms=%lld ticks=%lld\n",
                    ok ? 1 : 0, static_cast<long long>(p.bytes), seconds,
                    double(p.bytes) / 1048576.0 / seconds, static_cast<long long>(worst),
                    static_cast<long long>(over50), static_cast<long long>(ticks));
        if (!ok)
            std::fprintf(stderr, "%s\n", qPrintable(panel->client()->errorString()));
        code = ok ? 0 : 1;
        app.quit();
    });
    QTimer::singleShot(timeoutS * 1000, &app, [&] {
        std::fprintf(stderr, "no result within %d s\n", timeoutS);
        app.exit(1);
    });
    // Start once the window has been shown and laid out, as a user's click would.
    QTimer::singleShot(200, &app, [&] {
        clock.start();
        tick.start();
        if (!panel->start()) {
            std::fprintf(stderr, "start refused\n");
            app.exit(2);
        }
    });
    const int rc = app.exec();
    return rc != 0 ? rc : code;
}
