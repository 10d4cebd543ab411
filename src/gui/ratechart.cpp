#include "ratechart.h"

#include "settingstable.h"

#include <QBoxLayout>
#include <QChart>
#include <QComboBox>
#include <QPushButton>
#include <QEvent>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

namespace NetPoke {

namespace {

// 0, 1, 2, 5, 10, 20, 50 ... so the axis does not jump at every sample.
double niceCeiling(double v)
{
    if (v <= 1)
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (v <= m * p)
            return m * p;
    return 10 * p;
}

} // namespace

RateChart::RateChart(QWidget *parent)
    : QChartView(parent)
{
    setObjectName(QStringLiteral("rateChart"));
    auto *chart = new QChart;
    chart->setMargins(QMargins(2, 2, 2, 2));
    m_rx = new QLineSeries(chart);
    m_rx->setName(tr("RX"));
    m_tx = new QLineSeries(chart);
    m_tx->setName(tr("TX"));
    chart->addSeries(m_rx);
    chart->addSeries(m_tx);
    m_axisX = new QValueAxis(chart);
    m_axisX->setRange(-Seconds, 0);
    m_axisX->setTickCount(7);
    m_axisX->setLabelFormat(QStringLiteral("%d"));
    m_axisX->setTitleText(tr("seconds ago"));
    m_axisY = new QValueAxis(chart);
    m_axisY->setLabelFormat(QStringLiteral("%.0f"));
    m_axisY->setRange(0, 5);
    m_axisY->setTickCount(6);
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    for (QLineSeries *s : {m_rx, m_tx}) {
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    chart->legend()->setAlignment(Qt::AlignTop);
    // QChartView makes a chart of its own and only releases it when given another: delete it.
    std::unique_ptr<QChart> defaultChart(this->chart());
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setUnit(PacketsPerSecond);
    applyFont();
    m_clock.start();
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, [this] { sample(m_clock.elapsed()); });
}

void RateChart::setSource(std::function<Totals()> source)
{
    m_source = std::move(source);
    clear();
    m_timer.start();
}

void RateChart::setUnit(Unit unit)
{
    m_unit = unit;
    redraw();
}

void RateChart::clear()
{
    m_samples.clear();
    m_lastMs = -1;   // the next sample is the new baseline
    redraw();
}

void RateChart::sample(qint64 nowMs)
{
    if (!m_source)
        return;
    const Totals t = m_source();
    if (m_lastMs >= 0 && nowMs > m_lastMs) {
        const double s = double(nowMs - m_lastMs) / 1000.0;
        // A reset of the tab's counters makes a total smaller: that interval counts as 0, not negative.
        auto rate = [s](quint64 now, quint64 before) { return now >= before ? double(now - before) / s : 0.0; };
        m_samples.push_back({nowMs, rate(t.rxPackets, m_last.rxPackets), rate(t.txPackets, m_last.txPackets),
                             rate(t.rxBytes, m_last.rxBytes), rate(t.txBytes, m_last.txBytes)});
        while (!m_samples.empty() && m_samples.front().ms < nowMs - Seconds * 1000)
            m_samples.pop_front();
    }
    m_last = t;
    m_lastMs = nowMs;
    redraw();
}

double RateChart::lastRx() const
{
    if (m_samples.empty())
        return 0;
    return m_unit == PacketsPerSecond ? m_samples.back().rxPackets : m_samples.back().rxBytes;
}

double RateChart::lastTx() const
{
    if (m_samples.empty())
        return 0;
    return m_unit == PacketsPerSecond ? m_samples.back().txPackets : m_samples.back().txBytes;
}

void RateChart::redraw()
{
    QList<QPointF> rx, tx;
    rx.reserve(qsizetype(m_samples.size()));
    tx.reserve(qsizetype(m_samples.size()));
    double top = 0;
    for (const Sample &s : m_samples)
        top = qMax(top, m_unit == PacketsPerSecond ? qMax(s.rxPackets, s.txPackets) : qMax(s.rxBytes, s.txBytes));
    // Bytes in KiB/s or MiB/s once they are many, so the axis labels stay short.
    double scale = 1;
    QString title = m_unit == PacketsPerSecond ? tr("packets/s") : tr("bytes/s");
    if (m_unit == BytesPerSecond && top >= 10.0 * 1024 * 1024) {
        scale = 1024.0 * 1024;
        title = tr("MiB/s");
    } else if (m_unit == BytesPerSecond && top >= 10.0 * 1024) {
        scale = 1024;
        title = tr("KiB/s");
    }
    const qint64 now = m_samples.empty() ? 0 : m_samples.back().ms;
    for (const Sample &s : m_samples) {
        const double x = double(s.ms - now) / 1000.0;
        rx.append({x, (m_unit == PacketsPerSecond ? s.rxPackets : s.rxBytes) / scale});
        tx.append({x, (m_unit == PacketsPerSecond ? s.txPackets : s.txBytes) / scale});
    }
    m_rx->replace(rx);
    m_tx->replace(tx);
    m_axisY->setTitleText(title);
    // Tops of 5, 10, 20, 50, 100 ... with six ticks: every tick an integer.
    m_axisY->setRange(0, qMax(5.0, niceCeiling(top / scale * 1.1)));
}

// The chart is a graphics scene: the widget's font (the window's zoom) is passed on to its labels.
void RateChart::applyFont()
{
    const QFont f = font();
    QFont bold = f;
    bold.setBold(true);
    for (QValueAxis *axis : {m_axisX, m_axisY}) {
        axis->setLabelsFont(f);
        axis->setTitleFont(bold);
    }
    chart()->legend()->setFont(f);
    // Legend, axis title, tick labels and a plot: with less height Qt Charts elides every label ("…").
    setMinimumSize(0, fontMetrics().height() * 13);
}

void RateChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        applyFont();
    QChartView::changeEvent(event);
}

RateChart *addRateChart(QWidget *parent, QBoxLayout *chartLayout, int chartIndex, QLayout *buttonRow,
                        SettingsTable &settings, std::function<RateChart::Totals()> source, bool packetsToo)
{
    auto *chart = new RateChart(parent);
    chart->setSource(std::move(source));
    chart->hide();
    chartLayout->insertWidget(chartIndex, chart);
    auto *toggle = new QPushButton(RateChart::tr("Chart"), parent);
    toggle->setObjectName(QStringLiteral("chartButton"));
    toggle->setCheckable(true);
    toggle->setToolTip(RateChart::tr("RX and TX per second over the last minute"));
    auto *unit = new QComboBox(parent);
    unit->setObjectName(QStringLiteral("chartUnit"));
    unit->addItem(RateChart::tr("packets/s"));
    unit->addItem(RateChart::tr("bytes/s"));
    unit->hide();
    if (!packetsToo) {   // a byte stream has no packets: bytes/s only
        chart->setUnit(RateChart::BytesPerSecond);
        unit->setCurrentIndex(1);
    }
    buttonRow->addWidget(toggle);
    buttonRow->addWidget(unit);
    QObject::connect(toggle, &QPushButton::toggled, chart, [chart, unit](bool on) {
        chart->setVisible(on);
        unit->setVisible(on && unit->isEnabled());
    });
    unit->setEnabled(packetsToo);
    QObject::connect(unit, &QComboBox::currentIndexChanged, chart,
                     [chart](int i) { chart->setUnit(i == 1 ? RateChart::BytesPerSecond : RateChart::PacketsPerSecond); });
    settings.add(QStringLiteral("chart"), [toggle] { return QVariant(toggle->isChecked()); },
                 [toggle](const QVariant &v) { toggle->setChecked(v.toBool()); }, false);
    if (packetsToo)
        settings.add(QStringLiteral("chartUnit"), unit, SettingsTable::ByIndex);
    return chart;
}

} // namespace NetPoke
