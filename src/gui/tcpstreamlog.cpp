#include "tcpstreamlog.h"

#include "packetlogmodel.h"
#include "settingstable.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

namespace NetPoke {

TcpStreamLog::TcpStreamLog(PacketLogModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    connect(&m_idleTimer, &QTimer::timeout, this, &TcpStreamLog::expireIdle);
}

void TcpStreamLog::setFraming(Tcp::Framer::Mode mode, int parameter)
{
    if (mode == m_mode && parameter == m_parameter)
        return;
    flushAll();
    m_mode = mode;
    m_parameter = qMax(1, parameter);
    for (auto &[key, s] : m_streams)
        s.framer = Tcp::Framer(m_mode, m_parameter);
    m_idleTimer.stop();
}

void TcpStreamLog::append(quint64 key, const Stream &s, const QList<Tcp::Framer::Row> &rows)
{
    if (rows.isEmpty())
        return;
    QList<PacketLogModel::Row> out;
    out.reserve(rows.size());
    const auto dir = (key & 1) ? PacketLogModel::Sent : PacketLogModel::Received;
    for (const Tcp::Framer::Row &r : rows) {
        PacketLogModel::Row row;
        row.data = r.bytes;
        row.peer = s.peer;
        row.port = s.peerPort;
        row.timestampMs = r.timestampMs;
        row.direction = dir;
        row.stream = key;
        out.append(std::move(row));
    }
    m_model->appendRows(out);
}

void TcpStreamLog::addChunks(const QList<Tcp::Chunk> &chunks)
{
    for (const Tcp::Chunk &c : chunks) {
        const quint64 key = streamKey(c.connectionId, c.direction);
        auto it = m_streams.find(key);
        if (it == m_streams.end())
            it = m_streams.emplace(key, Stream{Tcp::Framer(m_mode, m_parameter), c.peer, c.peerPort}).first;
        append(key, it->second, it->second.framer.feed(c.data, c.timestampMs));
    }
    if (m_mode == Tcp::Framer::Mode::IdleGap && !m_idleTimer.isActive()) {
        // Checked a few times per gap: a row ends at most a quarter gap (or 10 ms) late.
        m_idleTimer.start(qBound(10, m_parameter / 4, 250));
    }
}

void TcpStreamLog::expireIdle()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool waiting = false;
    for (auto &[key, s] : m_streams) {
        append(key, s, s.framer.expire(now));
        waiting = waiting || s.framer.hasPending();
    }
    if (!waiting)
        m_idleTimer.stop();
}

void TcpStreamLog::endConnection(quint64 id)
{
    for (const Tcp::Direction d : {Tcp::Direction::Received, Tcp::Direction::Sent}) {
        const quint64 key = streamKey(id, d);
        const auto it = m_streams.find(key);
        if (it == m_streams.end())
            continue;
        append(key, it->second, it->second.framer.flush());
        m_streams.erase(it);
        m_model->endStream(key);
    }
}

void TcpStreamLog::flushAll()
{
    for (auto &[key, s] : m_streams)
        append(key, s, s.framer.flush());
}

FramingControls::FramingControls(QWidget *parent)
    : QWidget(parent)
    , m_mode(new QComboBox(this))
    , m_gapMs(new QSpinBox(this))
    , m_length(new QSpinBox(this))
{
    setObjectName(QStringLiteral("framingControls"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Rows"), this);
    label->setBuddy(m_mode);
    m_mode->setObjectName(QStringLiteral("framing"));
    m_mode->setToolTip(tr("How received bytes are cut into rows. TCP has no messages: a read is only what "
                          "arrived together. This changes the rows, never the bytes."));
    m_mode->addItem(tr("Per read"), int(Tcp::Framer::Mode::None));
    m_mode->addItem(tr("By line end"), int(Tcp::Framer::Mode::Line));
    m_mode->addItem(tr("By idle gap"), int(Tcp::Framer::Mode::IdleGap));
    m_mode->addItem(tr("Fixed length"), int(Tcp::Framer::Mode::FixedLength));
    m_gapMs->setObjectName(QStringLiteral("framingGapMs"));
    m_gapMs->setRange(1, 60000);
    m_gapMs->setValue(50);
    m_gapMs->setSuffix(tr(" ms"));
    m_length->setObjectName(QStringLiteral("framingLength"));
    m_length->setRange(1, Tcp::Framer::DefaultMaxRowBytes);
    m_length->setValue(16);
    m_length->setSuffix(tr(" bytes"));
    layout->addWidget(label);
    layout->addWidget(m_mode);
    layout->addWidget(m_gapMs);
    layout->addWidget(m_length);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        updateParameter();
        emit changed();
    });
    connect(m_gapMs, &QSpinBox::valueChanged, this, &FramingControls::changed);
    connect(m_length, &QSpinBox::valueChanged, this, &FramingControls::changed);
    updateParameter();
}

Tcp::Framer::Mode FramingControls::mode() const
{
    return Tcp::Framer::Mode(m_mode->currentData().toInt());
}

int FramingControls::parameter() const
{
    return mode() == Tcp::Framer::Mode::FixedLength ? m_length->value() : m_gapMs->value();
}

void FramingControls::updateParameter()
{
    m_gapMs->setVisible(mode() == Tcp::Framer::Mode::IdleGap);
    m_length->setVisible(mode() == Tcp::Framer::Mode::FixedLength);
}

void FramingControls::addSettings(SettingsTable &table)
{
    table.add(QStringLiteral("framing"), m_mode, SettingsTable::ByIndex)
        .add(QStringLiteral("framingGapMs"), m_gapMs)
        .add(QStringLiteral("framingLength"), m_length);
}

} // namespace NetPoke
