#include "addresscalc.h"

#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace NetPoke {

namespace {

// Strict dotted IPv4: four decimal octets 0-255, no leading zeros (inet_aton would read 010 as octal 8).
std::optional<quint32> parseDotted(const QString &text, QString *why)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4) {
        *why = AddressCalc::tr("An IPv4 address has four numbers separated by dots (like 192.168.1.10).");
        return std::nullopt;
    }
    quint32 value = 0;
    for (const QString &p : parts) {
        bool ok = false;
        const uint octet = p.toUInt(&ok);
        if (p.isEmpty() || p.size() > 3 || !ok || std::any_of(p.cbegin(), p.cend(), [](QChar c) {
                return c < QLatin1Char('0') || c > QLatin1Char('9');
            })) {
            *why = AddressCalc::tr("\"%1\" is not a number from 0 to 255.").arg(p.left(20));
            return std::nullopt;
        }
        if (octet > 255) {
            *why = AddressCalc::tr("%1 is larger than 255: each of the four numbers is one byte.").arg(octet);
            return std::nullopt;
        }
        if (p.size() > 1 && p.startsWith(QLatin1Char('0'))) {
            *why = AddressCalc::tr("\"%1\" has a leading zero, which some programs read as octal: write %2.")
                       .arg(p, QString::number(octet));
            return std::nullopt;
        }
        value = (value << 8) | octet;
    }
    return value;
}

quint32 maskOf(int prefix)
{
    return prefix == 0 ? 0u : ~quint32(0) << (32 - prefix);
}

QString decimal(unsigned __int128 v)
{
    if (v == 0)
        return QStringLiteral("0");
    QString s;
    while (v) {
        s.prepend(QChar(QLatin1Char(char('0' + int(v % 10)))));
        v /= 10;
    }
    return s;
}

bool inNet(quint32 a, quint32 net, int prefix)
{
    return (a & maskOf(prefix)) == net;
}

} // namespace

QChar AddressCalc::classOf(quint32 ipv4)
{
    const quint32 first = ipv4 >> 24;
    if (first < 128)
        return QLatin1Char('A');
    if (first < 192)
        return QLatin1Char('B');
    if (first < 224)
        return QLatin1Char('C');
    if (first < 240)
        return QLatin1Char('D');
    return QLatin1Char('E');
}

int AddressCalc::classPrefix(QChar addressClass)
{
    switch (addressClass.unicode()) {
    case 'A': return 8;
    case 'B': return 16;
    case 'C': return 24;
    default: return -1;
    }
}

AddressCalc::Kind AddressCalc::kindOf(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 a = address.toIPv4Address();
        if (a == 0xFFFFFFFFu)
            return Kind::LimitedBroadcast;
        if (inNet(a, 0x7F000000u, 8))
            return Kind::Loopback;
        if (inNet(a, 0x00000000u, 8))
            return Kind::Unspecified;
        if (inNet(a, 0x0A000000u, 8) || inNet(a, 0xAC100000u, 12) || inNet(a, 0xC0A80000u, 16))
            return Kind::Private;
        if (inNet(a, 0xA9FE0000u, 16))
            return Kind::LinkLocal;
        if (inNet(a, 0x64400000u, 10))
            return Kind::SharedAddress;
        if (inNet(a, 0xC0000200u, 24) || inNet(a, 0xC6336400u, 24) || inNet(a, 0xCB007100u, 24))
            return Kind::Documentation;
        if (inNet(a, 0xE0000000u, 4))
            return Kind::Multicast;
        if (inNet(a, 0xF0000000u, 4))
            return Kind::Reserved;
        return Kind::Public;
    }
    const Q_IPV6ADDR b = address.toIPv6Address();
    bool allZero = true;
    for (int i = 0; i < 15; ++i)
        allZero = allZero && b[i] == 0;
    if (allZero && b[15] == 1)
        return Kind::Loopback;
    if (allZero && b[15] == 0)
        return Kind::Unspecified;
    if (b[0] == 0xFF)
        return Kind::Multicast;
    if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80)
        return Kind::LinkLocal;
    if ((b[0] & 0xFE) == 0xFC)
        return Kind::Private;
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8)
        return Kind::Documentation;
    return Kind::Public;
}

QString AddressCalc::kindText(Kind kind)
{
    switch (kind) {
    case Kind::Public: return tr("public");
    case Kind::Private: return tr("private");
    case Kind::Loopback: return tr("loopback (this machine)");
    case Kind::LinkLocal: return tr("link-local");
    case Kind::Multicast: return tr("multicast");
    case Kind::Unspecified: return tr("unspecified (\"this network\")");
    case Kind::Reserved: return tr("reserved");
    case Kind::LimitedBroadcast: return tr("limited broadcast");
    case Kind::SharedAddress: return tr("shared address space (carrier-grade NAT)");
    case Kind::Documentation: return tr("documentation example");
    }
    return {};
}

int AddressCalc::prefixOfNetmask(const QString &netmask)
{
    QString why;
    const std::optional<quint32> m = parseDotted(netmask.trimmed(), &why);
    if (!m)
        return -1;
    const quint32 inverted = ~*m;
    if ((inverted & (inverted + 1)) != 0)   // the host bits must be one run of ones at the end
        return -1;
    int prefix = 0;
    for (quint32 v = *m; v & 0x80000000u; v <<= 1)
        ++prefix;
    return prefix;
}

std::optional<AddressCalc::Result> AddressCalc::calculate(const QString &addressIn, const QString &prefixIn,
                                                          QString *error)
{
    QString dummy;
    QString &err = error ? *error : dummy;
    err.clear();
    QString address = addressIn.trimmed();
    QString prefix = prefixIn.trimmed();
    // "10.1.2.3/8" or "10.1.2.3 255.0.0.0" in the address field.
    static const QRegularExpression split(QStringLiteral("^(\\S+)\\s*(?:/\\s*|\\s+)(\\S+)$"));
    if (const QRegularExpressionMatch m = split.match(address); m.hasMatch()) {
        if (!prefix.isEmpty()) {
            err = tr("The prefix is given twice: in the address and in the prefix field.");
            return std::nullopt;
        }
        address = m.captured(1);
        prefix = m.captured(2);
    }
    if (prefix.startsWith(QLatin1Char('/')))
        prefix = prefix.mid(1).trimmed();
    if (address.isEmpty()) {
        err = tr("Enter an IPv4 or IPv6 address.");
        return std::nullopt;
    }

    Result r;
    if (address.contains(QLatin1Char(':'))) {
        QHostAddress a;
        if (!a.setAddress(address) || a.protocol() != QAbstractSocket::IPv6Protocol || !a.scopeId().isEmpty()) {
            err = tr("\"%1\" is not an IPv6 address.").arg(address.left(60));
            return std::nullopt;
        }
        if (prefix.isEmpty()) {
            err = tr("IPv6 has no address classes: give a prefix length from 0 to 128 (often 64).");
            return std::nullopt;
        }
        bool ok = false;
        const int p = prefix.toInt(&ok);
        if (!ok || p < 0 || p > 128 || prefix.contains(QLatin1Char('+'))) {
            err = tr("An IPv6 prefix length is a number from 0 to 128.");
            return std::nullopt;
        }
        r.address = a;
        r.prefixLength = p;
        Q_IPV6ADDR net = a.toIPv6Address(), last = net;
        for (int bit = p; bit < 128; ++bit) {
            const quint8 m = quint8(0x80 >> (bit % 8));
            net[bit / 8] &= quint8(~m);
            last[bit / 8] |= m;
        }
        r.network = QHostAddress(net);
        r.firstHost = r.network;
        r.lastHost = QHostAddress(last);
        const int hostBits = 128 - p;
        r.addressCount = hostBits == 128 ? QStringLiteral("340282366920938463463374607431768211456")
                                         : decimal((unsigned __int128)1 << hostBits);
        r.usableHosts = hostBits >= 64 ? std::numeric_limits<quint64>::max() : (quint64(1) << hostBits);
        r.kind = kindOf(a);
        return r;
    }

    QString why;
    const std::optional<quint32> a = parseDotted(address, &why);
    if (!a) {
        err = tr("\"%1\" is not an IPv4 address: %2").arg(address.left(60), why);
        return std::nullopt;
    }
    r.address = QHostAddress(*a);
    r.addressClass = classOf(*a);
    int p = -1;
    if (prefix.isEmpty()) {
        p = classPrefix(r.addressClass);
        if (p < 0) {
            err = r.addressClass == QLatin1Char('D')
                      ? tr("%1 is a class D (multicast) address: classes D and E have no network part, give a "
                           "prefix.").arg(address)
                      : tr("%1 is a class E (reserved) address: classes D and E have no network part, give a "
                           "prefix.").arg(address);
            return std::nullopt;
        }
        r.prefixFromClass = true;
    } else if (prefix.contains(QLatin1Char('.'))) {
        p = prefixOfNetmask(prefix);
        if (p < 0) {
            err = tr("\"%1\" is not a netmask: a netmask is ones followed by zeros (like 255.255.255.0).")
                      .arg(prefix.left(40));
            return std::nullopt;
        }
    } else {
        bool ok = false;
        p = prefix.toInt(&ok);
        if (!ok || p < 0 || p > 32 || prefix.contains(QLatin1Char('+'))) {
            err = tr("An IPv4 prefix length is a number from 0 to 32 (or a netmask like 255.255.255.0).");
            return std::nullopt;
        }
    }
    const quint32 mask = maskOf(p);
    const quint32 net = *a & mask;
    const quint32 bcast = net | ~mask;
    r.prefixLength = p;
    r.netmask = QHostAddress(mask);
    r.wildcard = QHostAddress(~mask);
    r.network = QHostAddress(net);
    if (p == 32) {
        r.firstHost = r.lastHost = QHostAddress(net);
        r.usableHosts = 1;
    } else if (p == 31) {          // RFC 3021: both addresses are hosts, no broadcast
        r.firstHost = QHostAddress(net);
        r.lastHost = QHostAddress(bcast);
        r.usableHosts = 2;
    } else {
        r.broadcast = QHostAddress(bcast);
        r.firstHost = QHostAddress(net + 1);
        r.lastHost = QHostAddress(bcast - 1);
        r.usableHosts = (quint64(1) << (32 - p)) - 2;
    }
    r.addressCount = QString::number(r.usableHosts);
    r.kind = kindOf(r.address);
    return r;
}

} // namespace NetPoke
