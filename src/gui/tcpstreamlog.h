#pragma once

#include "tcp/tcpchunk.h"
#include "tcp/tcpframer.h"

#include <QObject>
#include <QTimer>
#include <QWidget>

#include <map>

class QComboBox;
class QSpinBox;

namespace NetPoke {

class PacketLogModel;
class SettingsTable;

// Puts a TCP tab's chunks into its log: one Tcp::Framer per connection and direction cuts the bytes into
// rows (per read, by line end, by idle gap, fixed length) without changing them; each row goes to the model
// as a row of its stream (connection and direction), so a character split across rows is shown once.
// Changing the framing shows what waited under the old one and applies to the bytes that come next.
class TcpStreamLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpStreamLog)

public:
    explicit TcpStreamLog(PacketLogModel *model, QObject *parent = nullptr);

    void setFraming(Tcp::Framer::Mode mode, int parameter);
    Tcp::Framer::Mode mode() const { return m_mode; }
    void addChunks(const QList<Tcp::Chunk> &chunks);
    // The connection closed: what its framers hold becomes a last row, its streams end.
    void endConnection(quint64 id);
    void flushAll();

    static quint64 streamKey(quint64 connectionId, Tcp::Direction direction)
    {
        return connectionId << 1 | (direction == Tcp::Direction::Sent ? 1 : 0);
    }

private:
    struct Stream
    {
        Tcp::Framer framer;
        QHostAddress peer;
        quint16 peerPort = 0;
    };
    void append(quint64 key, const Stream &s, const QList<Tcp::Framer::Row> &rows);
    void expireIdle();

    PacketLogModel *m_model;
    Tcp::Framer::Mode m_mode = Tcp::Framer::Mode::None;
    int m_parameter = 0;
    std::map<quint64, Stream> m_streams;
    QTimer m_idleTimer;   // IdleGap only, while a row waits
};

// The "Rows" choice in a TCP log's bar: a mode and its gap (ms) or length (bytes).
class FramingControls final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FramingControls)

public:
    explicit FramingControls(QWidget *parent = nullptr);
    Tcp::Framer::Mode mode() const;
    int parameter() const;
    void addSettings(SettingsTable &table);

signals:
    void changed();

private:
    void updateParameter();

    QComboBox *m_mode = nullptr;
    QSpinBox *m_gapMs = nullptr;
    QSpinBox *m_length = nullptr;
};

} // namespace NetPoke
