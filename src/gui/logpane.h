#pragma once

#include "ratechart.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace Ui {
class LogPane;
}

namespace NetPoke {

class InspectorWidget;
class PacketLogModel;
class SettingsTable;

// The log every workbench tab shares (UDP, TCP client, TCP server): a bar (Text/Hex/Both, the log's
// encoding, pause, auto-scroll, clear, save), the PacketLogModel's view with columns sized from the font
// (the window's zoom), and a counter bar under it. The form is ui/logpane.ui; the tab fills the counters.
class LogPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogPane)

public:
    explicit LogPane(QWidget *parent = nullptr);
    ~LogPane() override;

    void setModel(PacketLogModel *model);
    PacketLogModel *model() const { return m_model; }

    // The log's own encoding, or the send encoding while the choice is "Same as Send".
    QString encodingFor(const QString &sendEncoding) const;
    // Inserts tab-specific controls into the bar, before Pause.
    void addBarWidgets(const QList<QWidget *> &widgets);
    // The fields under their keys (contentMode, logEncoding, autoScroll, rowCap).
    void addSettings(SettingsTable &table);
    // The RX/TX chart between the log and the counters, with its toggle in the counter bar (see RateChart).
    RateChart *addRateChart(SettingsTable &table, std::function<RateChart::Totals()> source, bool packetsToo);
    void applyFontMetrics();

    QTableView *view() const;
    // The packet inspector under the log (the selected row's bytes); its text follows encoding.
    InspectorWidget *inspector() const { return m_inspector; }
    void setTabEncoding(const QString &encoding);
    QLabel *rxCounter() const;
    QLabel *txCounter() const;

signals:
    void encodingChoiceChanged();
    void saveRequested();
    void resetCountersRequested();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateShownChars();
    void updateKeptNote();

    QLabel *m_keptNote = nullptr;   // what the log keeps, once a cap pushed rows out
    Ui::LogPane *m_ui = nullptr;
    PacketLogModel *m_model = nullptr;
    InspectorWidget *m_inspector = nullptr;
};

} // namespace NetPoke
