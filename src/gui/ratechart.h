#pragma once

#include <QChartView>
#include <QElapsedTimer>
#include <QTimer>

#include <deque>
#include <functional>

class QBoxLayout;
class QLayout;
class QLineSeries;
class QValueAxis;

namespace NetPoke {

// RX and TX per second over the last minute, as packets/s or bytes/s (a choice of the viewer). It reads the
// tab's cumulative counters once a second through a callback, so its cost does not depend on the traffic:
// a flood changes the numbers, not the work (one sample and one series replace per second).
class RateChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateChart)

public:
    struct Totals
    {
        quint64 rxPackets = 0;   // datagrams (UDP) or reads (TCP)
        quint64 txPackets = 0;
        quint64 rxBytes = 0;
        quint64 txBytes = 0;
    };
    enum Unit { PacketsPerSecond, BytesPerSecond };
    static constexpr int Seconds = 60;

    explicit RateChart(QWidget *parent = nullptr);

    // Where the totals come from; sampling starts at once (every second).
    void setSource(std::function<Totals()> source);
    void setUnit(Unit unit);
    Unit unit() const { return m_unit; }
    // Forget the history (e.g. after the counters were reset).
    void clear();
    // One sample now (the timer calls it; tests may too). nowMs: a monotonic clock in ms.
    void sample(qint64 nowMs);

    int sampleCount() const { return int(m_samples.size()); }
    // The latest rates (per second, in the current unit).
    double lastRx() const;
    double lastTx() const;
    QLineSeries *rxSeries() const { return m_rx; }
    QLineSeries *txSeries() const { return m_tx; }

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Sample
    {
        qint64 ms;
        double rxPackets, txPackets, rxBytes, txBytes;   // per second over the interval before it
    };
    void redraw();
    void applyFont();

    std::function<Totals()> m_source;
    Totals m_last;
    qint64 m_lastMs = -1;
    std::deque<Sample> m_samples;
    Unit m_unit = PacketsPerSecond;
    QLineSeries *m_rx = nullptr;
    QLineSeries *m_tx = nullptr;
    QValueAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

class SettingsTable;

// What a tab adds to show its chart: a "Chart" toggle and a packets/s–bytes/s choice added to buttonRow,
// the chart (hidden until toggled) inserted into chartLayout at chartIndex; both choices saved under
// settings as "chart" and "chartUnit"; packetsToo false (a byte stream): bytes/s only. Returns the chart (call clear() when the tab resets its counters).
RateChart *addRateChart(QWidget *parent, QBoxLayout *chartLayout, int chartIndex, QLayout *buttonRow,
                        SettingsTable &settings, std::function<RateChart::Totals()> source,
                        bool packetsToo = true);

} // namespace NetPoke
