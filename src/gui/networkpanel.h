#pragma once

#include "panel.h"
#include "settingstable.h"

#include <QTimer>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QTreeWidget;

namespace NetPoke {

// The Network tab: the lesson's basics inside the app. This machine's interfaces (addresses, prefix and
// netmask, broadcast, MAC, MTU, flags), NetPoke's own open sockets (read from the kernel's tables), the
// well-known ports against the dynamic ones, and an address calculator (network, broadcast, host range,
// usable hosts, class). Built in code: it is four read-only views and one form.
class NetworkPanel final : public Panel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkPanel)

public:
    explicit NetworkPanel(QWidget *parent = nullptr);
    ~NetworkPanel() override;

    QString title() const override;
    void loadSettings() override;
    void saveSettings() const override;

    // Re-reads interfaces and sockets (the Refresh button; sockets also every 2 s while the tab is shown).
    void refresh();
    void refreshSockets();
    // The calculator, as typing in its fields does.
    void calculate(const QString &address, const QString &prefix);

    QTreeWidget *interfaceTree() const { return m_interfaces; }
    QTableWidget *socketTable() const { return m_sockets; }
    QTableWidget *portTable() const { return m_ports; }
    // The calculator's result row by field (e.g. "network", "broadcast", "hosts"), as shown.
    QString resultText(const QString &field) const;
    QString calculatorError() const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refreshInterfaces();
    void fillPorts();
    void recalculate();

    QTreeWidget *m_interfaces = nullptr;
    QTableWidget *m_sockets = nullptr;
    QTableWidget *m_ports = nullptr;
    QLabel *m_portRange = nullptr;
    QLineEdit *m_address = nullptr;
    QComboBox *m_prefix = nullptr;
    QLabel *m_error = nullptr;
    QList<QPair<QString, QLabel *>> m_results;
    QTimer m_socketTimer;
    SettingsTable m_settings;
};

} // namespace NetPoke
