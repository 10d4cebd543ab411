// The GUI's TCP server tab as a receiver, under QT_QPA_PLATFORM=offscreen (bench/tcp_stream/run.sh).
//   tcp_stream_gui [--timeout SECONDS] [--idle]
// Shows a NetPoke::TcpServerPanel, makes it listen on 127.0.0.1 port 0, prints "listening on 127.0.0.1:PORT"
// on stderr, and measures the event loop's longest stall with a 1 ms precise timer that records its own
// lateness while bytes arrive. Without --idle it ends when the first connection has closed (its bytes all
// read) and prints on stderr:
//   "received=N seconds=S mib_s=R stall_ms=M stalls_over_50ms=K ticks=T rss_kb=K connections=C"
// (seconds: first byte read to close; rss_kb: VmHWM). With --idle it only listens (for tcp_idle's 1,000
// connections) until SECONDS pass or it is terminated (SIGTERM).

#include "tcp/tcpserver.h"
#include "tcpserverpanel.h"

#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

// ---- Guesses about TcpServerPanel's API: adapt these two functions when it lands. -------------------------
// (Written against the tcpgui work in progress: the form's listenAddress combo and listenPort spin box, then
// startListening() as the Listen button does; server() returns its Tcp::Server.)
namespace Api {
// Listen on address:port as a user would: fill the form, press Listen. False when it cannot.
bool listen(NetPoke::TcpServerPanel &panel, const QHostAddress &address, quint16 port)
{
    auto *combo = panel.findChild<QComboBox *>(QStringLiteral("listenAddress"));
    auto *spin = panel.findChild<QSpinBox *>(QStringLiteral("listenPort"));
    if (!combo || !spin)
        return false;
    combo->setCurrentIndex(-1);
    combo->setEditText(address.toString());
    spin->setValue(port);
    return panel.startListening();
}
// The core server the tab drives (its counters are exact; the tab's log and its counters sit on top of it).
// If the panel keeps it as a QObject child, panel.findChild<NetPoke::Tcp::Server *>() works as well.
NetPoke::Tcp::Server *server(NetPoke::TcpServerPanel &panel)
{
    return panel.server();
}
} // namespace Api
// ------------------------------------------------------------------------------------------------------------

namespace {
long vmHwmKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Settings in a throwaway folder: the bench never reads or touches the user's own.
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("NetPokeBench"));
    QCoreApplication::setApplicationName(QStringLiteral("tcp_stream_gui"));
    int timeoutS = 300;
    bool idle = false;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--timeout") && i + 1 < args.size())
            timeoutS = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--idle"))
            idle = true;
    }

    NetPoke::TcpServerPanel panel;
    panel.resize(1180, 760);
    panel.show();
    if (!Api::listen(panel, QHostAddress(QHostAddress::LocalHost), 0)) {
        std::fprintf(stderr, "listen failed\n");
        return 1;
    }
    NetPoke::Tcp::Server *server = Api::server(panel);
    if (!server || !server->isListening()) {
        std::fprintf(stderr, "the tab's server is not listening\n");
        return 1;
    }
    std::fprintf(stderr, "listening on 127.0.0.1:%u\n", unsigned(server->serverPort()));
    QTimer::singleShot(timeoutS * 1000, &app, [&] {
        if (!idle)
            std::fprintf(stderr, "no result within %d s\n", timeoutS);
        app.exit(idle ? 0 : 1);
    });
    if (idle)
        return app.exec();

    QElapsedTimer clock, transfer;
    clock.start();
    qint64 lastTick = 0, worst = 0, over50 = 0, ticks = 0;
    quint64 lastRx = 0;
    bool closed = false;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        const quint64 rx = server->counters().rxBytes;
        if (lastRx > 0) {   // only while bytes flow
            const qint64 late = now - lastTick - tick.interval();
            worst = qMax(worst, late);
            over50 += late > 50;
        }
        if (rx > 0 && lastRx == 0)
            transfer.start();
        lastRx = rx;
        lastTick = now;
        ++ticks;
    });
    tick.start();
    QObject::connect(server, &NetPoke::Tcp::Server::connectionClosed, &app, [&] {
        if (closed)
            return;
        closed = true;
        // Let the tab take what was delivered with the close, then report.
        QTimer::singleShot(0, &app, [&] {
            tick.stop();
            const quint64 rx = server->counters().rxBytes;
            const double seconds = transfer.isValid() ? qMax<qint64>(transfer.elapsed(), 1) / 1000.0 : 0;
            std::fprintf(stderr,
                         "received=%llu seconds=%.3f mib_s=%.1f stall_ms=%lld stalls_over_50ms=%lld ticks=%lld "
                         "rss_kb=%ld connections=%d\n",
                         static_cast<unsigned long long>(rx), seconds,
                         seconds > 0 ? double(rx) / 1048576.0 / seconds : 0.0, static_cast<long long>(worst),
                         static_cast<long long>(over50), static_cast<long long>(ticks), vmHwmKb(),
                         server->connectionCount());
            app.quit();
        });
    });
    return app.exec();
}
