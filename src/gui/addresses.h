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

// Addresses to bind to: any IPv4, any (IPv4 + IPv6), loopbacks, then each interface address.
QList<LocalAddressChoice> localAddressChoices();
// This machine's non-loopback addresses, for the status bar.
QStringList machineAddresses();

} // namespace NetPoke
