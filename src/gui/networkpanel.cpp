#include "networkpanel.h"

#include "addresscalc.h"
#include "errorlabel.h"
#include "hostport.h"
#include "net/ownsockets.h"
#include "textcodec.h"

#include <QComboBox>
#include <QFile>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkInterface>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace NetPoke {

namespace {

QTableWidgetItem *item(const QString &text)
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return i;
}

QString flagsText(QNetworkInterface::InterfaceFlags f)
{
    QStringList parts;
    if (f & QNetworkInterface::IsUp)
        parts << NetworkPanel::tr("up");
    else
        parts << NetworkPanel::tr("down");
    if (f & QNetworkInterface::IsRunning)
        parts << NetworkPanel::tr("running");
    if (f & QNetworkInterface::IsLoopBack)
        parts << NetworkPanel::tr("loopback");
    if (f & QNetworkInterface::CanBroadcast)
        parts << NetworkPanel::tr("broadcast");
    if (f & QNetworkInterface::CanMulticast)
        parts << NetworkPanel::tr("multicast");
    if (f & QNetworkInterface::IsPointToPoint)
        parts << NetworkPanel::tr("point-to-point");
    return parts.join(QStringLiteral(", "));
}

// 192.168.1.10 /24 → "11000000.10101000.00000001 | 00001010": the network part, a bar, the host part.
QString binaryText(quint32 address, int prefix)
{
    QString s;
    for (int bit = 31; bit >= 0; --bit) {
        const int index = 31 - bit;
        if (index == prefix && prefix != 0)
            s += QStringLiteral(" | ");
        else if (index > 0 && index % 8 == 0)
            s += QLatin1Char('.');
        s += (address >> bit) & 1 ? QLatin1Char('1') : QLatin1Char('0');
    }
    return s;
}

// The lesson's table: well-known ports a student meets first.
struct WellKnown
{
    int port;
    const char *protocol;
    const char *service;
    const char *what;
};
const WellKnown wellKnownPorts[] = {
    {20, "TCP", "FTP-DATA", QT_TRANSLATE_NOOP("NetPoke::NetworkPanel", "File transfer, data connection")},
    {21, "TCP", "FTP", QT_TRANSLATE_NOOP("NetPoke::NetworkPanel", "File transfer, commands")},
    {22, "TCP", "SSH", QT_TRANSLATE_NOOP("NetPoke::NetworkPanel", "Secure remote login")},
    {23, "TCP", "Telnet", QT_TRANSLATE_NOOP("NetPoke::NetworkPanel", "Remote login (unencrypted)")},
    {25, "TCP", "SMTP", QT_TRANSLATE_NOOP("NetPoke::NetworkPanel", "Sending e-mail")},
    {53, "UDP/TCP", "DNS", QT_TRANSLATE_NOOP("NetPoke::NetworkPanel", "Names to addresses")},
    {67, "UDP", "DHCP", QT_TRANSLATE_NOOP("NetPoke::NetworkPanel", "Address assignment (server side; clients use 68)")},
    {69, "UDP", "TFTP", QT_TRANSLATE_NOOP("NetPoke::NetworkPanel", "Trivial file transfer (the TFTP tabs)")},
    {80, "TCP", "HTTP", QT_TRANSLATE_NOOP("NetPoke::NetworkPanel", "Web pages")},
    {110, "TCP", "POP3", QT_TRANSLATE_NOOP("NetPoke::NetworkPanel", "Fetching e-mail")},
    {123, "UDP", "NTP", QT_TRANSLATE_NOOP("NetPoke::NetworkPanel", "Clock synchronisation")},
    {143, "TCP", "IMAP", QT_TRANSLATE_NOOP("NetPoke::NetworkPanel", "E-mail folders")},
    {161, "UDP", "SNMP", QT_TRANSLATE_NOOP("NetPoke::NetworkPanel", "Device management")},
    {443, "TCP", "HTTPS", QT_TRANSLATE_NOOP("NetPoke::NetworkPanel", "Web pages over TLS")},
    {514, "UDP", "syslog", QT_TRANSLATE_NOOP("NetPoke::NetworkPanel", "System log messages")},
};

} // namespace

NetworkPanel::NetworkPanel(QWidget *parent)
    : Panel(parent)
    , m_settings(QStringLiteral("network"))
{
    setObjectName(QStringLiteral("networkPanel"));
    auto *outer = new QHBoxLayout(this);
    auto *columns = new QSplitter(Qt::Horizontal, this);
    columns->setObjectName(QStringLiteral("networkColumns"));
    outer->addWidget(columns);

    // Left: interfaces above, NetPoke's sockets below.
    auto *left = new QSplitter(Qt::Vertical, columns);
    auto *ifaceBox = new QGroupBox(tr("This machine's interfaces"), left);
    auto *ifaceLayout = new QVBoxLayout(ifaceBox);
    m_interfaces = new QTreeWidget(ifaceBox);
    m_interfaces->setObjectName(QStringLiteral("interfaceTree"));
    m_interfaces->setHeaderLabels({tr("Interface / address"), tr("Prefix"), tr("Netmask"), tr("Broadcast"),
                                   tr("MAC"), tr("MTU"), tr("Flags")});
    m_interfaces->setRootIsDecorated(true);
    m_interfaces->setUniformRowHeights(true);
    m_interfaces->setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    ifaceLayout->addWidget(m_interfaces);
    auto *refreshButton = new QPushButton(tr("&Refresh"), ifaceBox);
    refreshButton->setObjectName(QStringLiteral("refreshButton"));
    connect(refreshButton, &QPushButton::clicked, this, &NetworkPanel::refresh);
    ifaceLayout->addWidget(refreshButton, 0, Qt::AlignLeft);

    auto *socketBox = new QGroupBox(tr("NetPoke's open sockets"), left);
    auto *socketLayout = new QVBoxLayout(socketBox);
    m_sockets = new QTableWidget(0, 5, socketBox);
    m_sockets->setObjectName(QStringLiteral("socketTable"));
    m_sockets->setHorizontalHeaderLabels({tr("Protocol"), tr("Local address:port"), tr("Peer"), tr("State"),
                                          tr("Queued (send / receive)")});
    m_sockets->verticalHeader()->hide();
    m_sockets->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_sockets->horizontalHeader()->setStretchLastSection(true);
    m_sockets->setSelectionBehavior(QAbstractItemView::SelectRows);
    socketLayout->addWidget(m_sockets);
    auto *socketHint = new QLabel(tr("Every socket the tabs have open, as the system sees it (like ss -p)."), socketBox);
    socketHint->setWordWrap(true);
    socketLayout->addWidget(socketHint);

    // Right: the calculator above, the ports below.
    auto *right = new QSplitter(Qt::Vertical, columns);
    auto *calcBox = new QGroupBox(tr("Address calculator"), right);
    auto *calcLayout = new QVBoxLayout(calcBox);
    auto *inputs = new QFormLayout;
    m_address = new QLineEdit(QStringLiteral("192.168.1.10"), calcBox);
    m_address->setObjectName(QStringLiteral("calcAddress"));
    m_address->setPlaceholderText(tr("e.g. 192.168.1.10, 10.0.0.1/8 or 2001:db8::1/64"));
    inputs->addRow(tr("&Address:"), m_address);
    m_prefix = new QComboBox(calcBox);
    m_prefix->setObjectName(QStringLiteral("calcPrefix"));
    m_prefix->setEditable(true);
    m_prefix->addItem(tr("by class (A /8, B /16, C /24)"), QString());
    for (const char *p : {"/8", "/16", "/24", "/25", "/26", "/27", "/28", "/29", "/30", "/31", "/32",
                          "255.255.255.0", "/64"})
        m_prefix->addItem(QString::fromLatin1(p), QString::fromLatin1(p));
    m_prefix->setCurrentIndex(3);   // /24, the lesson's network
    inputs->addRow(tr("&Prefix or netmask:"), m_prefix);
    calcLayout->addLayout(inputs);
    m_error = makeErrorLabel(calcBox, "calcError");
    calcLayout->addWidget(m_error);
    auto *results = new QFormLayout;
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const struct { const char *key; const char *label; } rows[] = {
        {"network", QT_TR_NOOP("Network number:")},
        {"netmask", QT_TR_NOOP("Netmask:")},
        {"wildcard", QT_TR_NOOP("Host bits (wildcard):")},
        {"broadcast", QT_TR_NOOP("Broadcast address:")},
        {"first", QT_TR_NOOP("First host:")},
        {"last", QT_TR_NOOP("Last host:")},
        {"hosts", QT_TR_NOOP("Usable hosts:")},
        {"class", QT_TR_NOOP("Class:")},
        {"kind", QT_TR_NOOP("Kind:")},
        {"binary", QT_TR_NOOP("In binary (network | host):")},
    };
    for (const auto &r : rows) {
        auto *value = new QLabel(calcBox);
        value->setObjectName(QStringLiteral("calc_") + QLatin1String(r.key));
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        if (qstrcmp(r.key, "binary") == 0)
            value->setFont(mono);
        results->addRow(tr(r.label), value);
        m_results.append({QLatin1String(r.key), value});
    }
    calcLayout->addLayout(results);
    calcLayout->addStretch();
    connect(m_address, &QLineEdit::textChanged, this, &NetworkPanel::recalculate);
    connect(m_prefix, &QComboBox::currentTextChanged, this, &NetworkPanel::recalculate);

    auto *portBox = new QGroupBox(tr("Ports"), right);
    auto *portLayout = new QVBoxLayout(portBox);
    m_portRange = new QLabel(portBox);
    m_portRange->setObjectName(QStringLiteral("portRange"));
    m_portRange->setTextFormat(Qt::PlainText);
    m_portRange->setWordWrap(true);
    portLayout->addWidget(m_portRange);
    m_ports = new QTableWidget(0, 4, portBox);
    m_ports->setObjectName(QStringLiteral("portTable"));
    m_ports->setHorizontalHeaderLabels({tr("Port"), tr("Transport"), tr("Service"), tr("What for")});
    m_ports->verticalHeader()->hide();
    m_ports->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ports->horizontalHeader()->setStretchLastSection(true);
    portLayout->addWidget(m_ports);

    columns->setStretchFactor(0, 3);
    columns->setStretchFactor(1, 2);

    m_socketTimer.setInterval(2000);
    connect(&m_socketTimer, &QTimer::timeout, this, &NetworkPanel::refreshSockets);

    m_settings.add(QStringLiteral("calcAddress"), m_address)
        .add(QStringLiteral("calcPrefix"), m_prefix, SettingsTable::ByDataOrText)
        .add(QStringLiteral("columns"), columns);

    fillPorts();
    refresh();
    recalculate();
}

NetworkPanel::~NetworkPanel() = default;

QString NetworkPanel::title() const
{
    return tr("Network");
}

void NetworkPanel::loadSettings()
{
    m_settings.load();
    recalculate();
}

void NetworkPanel::saveSettings() const
{
    m_settings.save();
}

void NetworkPanel::showEvent(QShowEvent *event)
{
    Panel::showEvent(event);
    refreshSockets();
    m_socketTimer.start();
}

void NetworkPanel::hideEvent(QHideEvent *event)
{
    Panel::hideEvent(event);
    m_socketTimer.stop();
}

void NetworkPanel::refresh()
{
    refreshInterfaces();
    refreshSockets();
}

void NetworkPanel::refreshInterfaces()
{
    m_interfaces->clear();
    const QList<QNetworkInterface> ifaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : ifaces) {
        auto *top = new QTreeWidgetItem(m_interfaces);
        // Interface names come from the system, not a peer; still shown through the one visible-text rule.
        top->setText(0, TextCodec::visibleText(iface.humanReadableName().left(64)));
        top->setText(4, iface.hardwareAddress());
        top->setText(5, iface.maximumTransmissionUnit() > 0 ? QString::number(iface.maximumTransmissionUnit())
                                                            : QString());
        top->setText(6, flagsText(iface.flags()));
        const QList<QNetworkAddressEntry> entries = iface.addressEntries();
        for (const QNetworkAddressEntry &e : entries) {
            auto *child = new QTreeWidgetItem(top);
            child->setText(0, displayAddress(e.ip()));
            child->setText(1, e.prefixLength() >= 0 ? QStringLiteral("/%1").arg(e.prefixLength()) : QString());
            if (e.ip().protocol() == QAbstractSocket::IPv4Protocol)
                child->setText(2, e.netmask().toString());
            if (!e.broadcast().isNull())
                child->setText(3, e.broadcast().toString());
        }
        top->setExpanded(true);
    }
    for (int c = 0; c < m_interfaces->columnCount(); ++c)
        m_interfaces->resizeColumnToContents(c);
}

void NetworkPanel::refreshSockets()
{
    const QList<OwnSockets::Entry> entries = OwnSockets::list();
    m_sockets->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const OwnSockets::Entry &e = entries[row];
        const bool hasPeer = e.peerPort != 0;
        m_sockets->setItem(row, 0, item(e.protocol));
        m_sockets->setItem(row, 1, item(displayEndpoint(e.local, e.localPort)));
        m_sockets->setItem(row, 2, item(hasPeer ? displayEndpoint(e.peer, e.peerPort) : QString()));
        m_sockets->setItem(row, 3, item(OwnSockets::stateText(e)));
        m_sockets->setItem(row, 4, item(QStringLiteral("%1 / %2").arg(e.sendQueue).arg(e.receiveQueue)));
    }
    m_sockets->resizeColumnsToContents();
}

void NetworkPanel::fillPorts()
{
    QString range;
    QFile f(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
    if (f.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> parts = f.readAll().simplified().split(' ');
        if (parts.size() == 2)
            range = tr(" This system picks a client's port (an ephemeral port) from %1–%2.")
                        .arg(QString::fromLatin1(parts[0]), QString::fromLatin1(parts[1]));
    }
    m_portRange->setText(tr("Ports 0–1023 are well-known ports: standard services listen there, and on Linux only "
                            "root may bind them. Ports 1024–65535 are for everything else: registered services "
                            "(1024–49151) and dynamic ports (49152–65535).") + range);
    m_ports->setRowCount(int(std::size(wellKnownPorts)));
    for (int row = 0; row < int(std::size(wellKnownPorts)); ++row) {
        const WellKnown &w = wellKnownPorts[row];
        auto *port = item(QString::number(w.port));
        port->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_ports->setItem(row, 0, port);
        m_ports->setItem(row, 1, item(QString::fromLatin1(w.protocol)));
        m_ports->setItem(row, 2, item(QString::fromLatin1(w.service)));
        m_ports->setItem(row, 3, item(tr(w.what)));
    }
    m_ports->resizeColumnsToContents();
}

void NetworkPanel::calculate(const QString &address, const QString &prefix)
{
    m_address->setText(address);
    m_prefix->setCurrentText(prefix);
    recalculate();
}

void NetworkPanel::recalculate()
{
    const int index = m_prefix->findText(m_prefix->currentText());
    const QString prefix = index >= 0 ? m_prefix->itemData(index).toString() : m_prefix->currentText();
    QString error;
    const std::optional<AddressCalc::Result> r = AddressCalc::calculate(m_address->text(), prefix, &error);
    showError(m_error, error);
    QHash<QString, QString> values;
    if (r) {
        const QLocale locale;
        const bool v4 = r->address.protocol() == QAbstractSocket::IPv4Protocol;
        values[QStringLiteral("network")] = QStringLiteral("%1/%2").arg(displayAddress(r->network))
                                                .arg(r->prefixLength);
        values[QStringLiteral("netmask")] = v4 ? r->netmask.toString() : tr("(IPv6 has no netmask: /%1)").arg(r->prefixLength);
        values[QStringLiteral("wildcard")] = v4 ? r->wildcard.toString() : QString();
        values[QStringLiteral("broadcast")] =
            !v4 ? tr("(IPv6 has no broadcast: it uses multicast)")
                : r->broadcast.isNull() ? tr("none (a /%1 has no broadcast address)").arg(r->prefixLength)
                                        : r->broadcast.toString();
        values[QStringLiteral("first")] = displayAddress(r->firstHost);
        values[QStringLiteral("last")] = displayAddress(r->lastHost);
        if (v4) {
            QString hosts = locale.toString(r->usableHosts);
            if (r->prefixLength < 31)
                hosts = tr("%1 (2^%2 − 2: the network number and the broadcast address are not hosts)")
                            .arg(hosts).arg(32 - r->prefixLength);
            else if (r->prefixLength == 31)
                hosts = tr("%1 (a point-to-point link, RFC 3021)").arg(hosts);
            values[QStringLiteral("hosts")] = hosts;
        } else {
            values[QStringLiteral("hosts")] = tr("%1 addresses (2^%2)").arg(r->addressCount).arg(128 - r->prefixLength);
        }
        if (v4) {
            const int cp = AddressCalc::classPrefix(r->addressClass);
            values[QStringLiteral("class")] =
                cp > 0 ? tr("%1 (default prefix /%2)").arg(r->addressClass).arg(cp)
                       : r->addressClass == QLatin1Char('D') ? tr("D (multicast)") : tr("E (reserved)");
            if (r->prefixFromClass)
                values[QStringLiteral("class")] += tr(", prefix taken from the class");
            values[QStringLiteral("binary")] = binaryText(r->address.toIPv4Address(), r->prefixLength);
        } else {
            values[QStringLiteral("class")] = tr("(IPv6 has no classes)");
        }
        values[QStringLiteral("kind")] = AddressCalc::kindText(r->kind);
    }
    for (const auto &[key, label] : std::as_const(m_results))
        label->setText(values.value(key));
}

QString NetworkPanel::resultText(const QString &field) const
{
    for (const auto &[key, label] : m_results)
        if (key == field)
            return label->text();
    return {};
}

QString NetworkPanel::calculatorError() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace NetPoke
