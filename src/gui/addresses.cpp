#include "addresses.h"

#include <QCoreApplication>
#include <QNetworkInterface>

namespace NetPoke {

QList<LocalAddressChoice> localAddressChoices()
{
    QList<LocalAddressChoice> list;
    list.append({QCoreApplication::translate("Addresses", "0.0.0.0 (all IPv4 addresses)"), QHostAddress::AnyIPv4});
    list.append({QCoreApplication::translate("Addresses", ":: (all IPv4 and IPv6 addresses)"), QHostAddress::Any});
    list.append({QStringLiteral("127.0.0.1"), QHostAddress::LocalHost});
    list.append({QStringLiteral("::1"), QHostAddress::LocalHostIPv6});
    const auto ifaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : ifaces) {
        if (!(iface.flags() & QNetworkInterface::IsUp))
            continue;
        for (const QNetworkAddressEntry &e : iface.addressEntries()) {
            const QHostAddress a = e.ip();
            if (a.isLoopback())
                continue;
            list.append({QStringLiteral("%1 (%2)").arg(a.toString(), iface.humanReadableName()), a});
        }
    }
    return list;
}

QList<InterfaceChoice> multicastInterfaceChoices()
{
    QList<InterfaceChoice> list;
    const auto ifaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : ifaces) {
        if (!(iface.flags() & (QNetworkInterface::CanMulticast | QNetworkInterface::IsLoopBack)))
            continue;
        QString address;
        for (const QNetworkAddressEntry &e : iface.addressEntries()) {
            if (address.isEmpty() || e.ip().protocol() == QAbstractSocket::IPv4Protocol)
                address = e.ip().toString();
            if (e.ip().protocol() == QAbstractSocket::IPv4Protocol)
                break;
        }
        //: A network interface in the multicast list: its name and its address, e.g. "eth0 (192.168.1.5)"
        list.append({address.isEmpty() ? iface.humanReadableName()
                                       : QCoreApplication::translate("Addresses", "%1 (%2)").arg(iface.humanReadableName(), address),
                     iface.name()});
    }
    return list;
}

QStringList machineAddresses()
{
    QStringList out;
    const auto all = QNetworkInterface::allAddresses();
    for (const QHostAddress &a : all) {
        if (a.isLoopback())
            continue;
        QHostAddress plain = a;
        plain.setScopeId(QString());
        out << plain.toString();
    }
    return out;
}

} // namespace NetPoke
