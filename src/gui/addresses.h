#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

namespace NetPoke {

struct LocalAddressChoice
{
    QString label;          // what the combo shows
    QHostAddress address;
};

struct InterfaceChoice
{
    QString label;   // what the combo shows: "eth0 (192.168.1.5)"
    QString name;    // what is stored and used: QNetworkInterface::name()
};

// Interfaces that can carry multicast (and loopback), each with its first IPv4 address (else IPv6).
QList<InterfaceChoice> multicastInterfaceChoices();
// Addresses to bind to: any IPv4, any (IPv4 + IPv6), loopbacks, then each interface address.
QList<LocalAddressChoice> localAddressChoices();
// This machine's non-loopback addresses, for the status bar.
QStringList machineAddresses();

} // namespace NetPoke
