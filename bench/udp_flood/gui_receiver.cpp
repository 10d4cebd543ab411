// The UDP panel of the GUI as a receiver, under QT_QPA_PLATFORM=offscreen.
//   udp_flood_gui [--count N] [--timeout SECONDS]
// Opens the panel on 127.0.0.1 port 0 through UdpPanel::openLocal(), prints "listening on
// 127.0.0.1:PORT" on stderr, and measures the longest event-loop stall with a 5 ms timer that
// records its own lateness. Ends when N datagrams were counted and the log model caught up, or
// after SECONDS without a new datagram. Last line on stderr:
// "received=N model_rows=R first_to_last_s=S stall_ms=M rss_kb=K".

#include "packetlogmodel.h"
#include "udpendpoint.h"
#include "udppanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <cstdio>

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
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen")
                                                                      : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    quint64 count = 1000000;
    int timeoutS = 3;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--count"))
            count = args.at(i + 1).toULongLong();
        else if (args.at(i) == QLatin1String("--timeout"))
            timeoutS = args.at(i + 1).toInt();
    }

    NetPoke::UdpPanel panel;
    panel.resize(1000, 700);
    panel.show();
    if (!panel.openLocal(QHostAddress(QHostAddress::LocalHost), 0)) {
        std::fprintf(stderr, "openLocal failed: %s\n", qPrintable(panel.endpoint()->errorString()));
        return 1;
    }
    NetPoke::UdpEndpoint *endpoint = panel.endpoint();
    NetPoke::PacketLogModel *model = panel.logModel();
    std::fprintf(stderr, "listening on 127.0.0.1:%u\n", unsigned(endpoint->localPort()));

    QElapsedTimer clock, sinceLast, firstToLast;
    clock.start();
    qint64 lastTick = 0, worstStall = 0;
    quint64 lastRx = 0;
    qint64 doneAt = -1;
    double span = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(5);
    auto finish = [&] {
        tick.stop();
        const quint64 rx = endpoint->counters().rxPackets;
        std::fprintf(stderr, "received=%llu model_rows=%d first_to_last_s=%.3f stall_ms=%lld rss_kb=%ld\n",
                     static_cast<unsigned long long>(rx), model->rowCount(), span,
                     static_cast<long long>(worstStall), vmHwmKb());
        app.quit();
    };
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        const quint64 rx = endpoint->counters().rxPackets;
        if (lastRx > 0)   // only while datagrams flow
            worstStall = qMax(worstStall, now - lastTick - tick.interval());
        lastTick = now;
        if (rx != lastRx) {
            if (lastRx == 0)
                firstToLast.start();
            span = firstToLast.elapsed() / 1000.0;
            lastRx = rx;
            sinceLast.start();
        }
        if (rx >= count) {
            // All read; end once the log's row count has been still for 100 ms (its updates are
            // coalesced) or after 2 s.
            if (doneAt < 0)
                doneAt = now;
            static int lastRows = -1, stableTicks = 0;
            const int rows = model->rowCount();
            stableTicks = rows == lastRows ? stableTicks + 1 : 0;
            lastRows = rows;
            if (stableTicks >= 20 || now - doneAt > 2000)
                finish();
        } else if (lastRx > 0 ? sinceLast.elapsed() > timeoutS * 1000 : now > 20000) {
            finish();
        }
    });
    tick.start();
    return app.exec();
}
