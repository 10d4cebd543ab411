#include "hostport.h"

#include "net/endpointinput.h"

namespace NetPoke {

bool HostPort::parsePort(const QString &text, quint16 *port, QString *error, bool allowZero)
{
    bool ok = false;
    const QString t = text.trimmed();
    const uint value = t.toUInt(&ok, 10);
    if (t.isEmpty()) {
        if (error)
            *error = tr("Enter a port number (%1-65535).").arg(allowZero ? 0 : 1);
        return false;
    }
    if (!ok || value > 65535 || (!allowZero && value == 0)) {
        if (error)
            *error = tr("\"%1\" is not a valid port: use a number from %2 to 65535.").arg(t).arg(allowZero ? 0 : 1);
        return false;
    }
    *port = quint16(value);
    return true;
}

bool HostPort::validateHost(const QString &text, QString *error)
{
    const QString t = Net::withoutBrackets(text);
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (t.isEmpty())
        return fail(tr("Enter an address (e.g. 127.0.0.1 or ::1) or a host name."));
    if (!Net::parseAddress(t).isNull())
        return true;
    bool digitsAndDots = true;
    for (QChar c : t)
        digitsAndDots = digitsAndDots && (c.isDigit() || c == QLatin1Char('.'));
    if (digitsAndDots)
        return fail(tr("\"%1\" is not a valid IPv4 address: it needs four numbers from 0 to 255, e.g. 192.168.1.10.").arg(t));
    if (t.contains(QLatin1Char(':')))
        return fail(tr("\"%1\" is not a valid IPv6 address.").arg(t));
    for (QChar c : t) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('_')))
            return fail(tr("\"%1\" is not a valid host name: \"%2\" cannot appear in one.").arg(t, c));
    }
    if (t.startsWith(QLatin1Char('.')) || t.endsWith(QLatin1String("..")) || t.contains(QLatin1String("..")))
        return fail(tr("\"%1\" is not a valid host name.").arg(t));
    return true;
}

HostPort HostPort::parse(const QString &text, bool requireHost, bool allowPortZero)
{
    HostPort hp;
    const QString t = text.trimmed();
    QString portText;
    if (t.startsWith(QLatin1Char('['))) {
        const qsizetype close = t.indexOf(QLatin1Char(']'));
        if (close < 0 || close + 1 >= t.size() || t.at(close + 1) != QLatin1Char(':')) {
            hp.errorString = tr("\"%1\": write an IPv6 address with its port as [ADDRESS]:PORT, e.g. [::1]:9000.").arg(t);
            return hp;
        }
        hp.host = t.mid(1, close - 1);
        portText = t.mid(close + 2);
    } else {
        const qsizetype colon = t.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0 && t.indexOf(QLatin1Char(':')) != colon) {
            hp.errorString = tr("\"%1\": put an IPv6 address in brackets, e.g. [::1]:9000.").arg(t);
            return hp;
        }
        if (colon >= 0) {
            hp.host = t.left(colon);
            portText = t.mid(colon + 1);
        } else {
            portText = t;
        }
    }
    if (requireHost && hp.host.isEmpty()) {
        hp.errorString = tr("\"%1\": give a host and a port, e.g. 127.0.0.1:9000.").arg(t);
        return hp;
    }
    if (!parsePort(portText, &hp.port, &hp.errorString, allowPortZero))
        return hp;
    hp.ok = true;
    return hp;
}

QHostAddress unmappedAddress(const QHostAddress &address)
{
    // Only ::ffff:a.b.c.d: toIPv4Address() also converts "::" (the IPv6 any-address) to 0.0.0.0.
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR a = address.toIPv6Address();
        bool mapped = a[10] == 0xff && a[11] == 0xff;
        for (int i = 0; mapped && i < 10; ++i)
            mapped = a[i] == 0;
        if (mapped)
            return QHostAddress(quint32(a[12]) << 24 | quint32(a[13]) << 16 | quint32(a[14]) << 8 | a[15]);
    }
    return address;
}

QString displayAddress(const QHostAddress &address)
{
    if (address.isEqual(QHostAddress(QHostAddress::Any), QHostAddress::StrictConversion))
        return QStringLiteral("::");
    return unmappedAddress(address).toString();
}

QString displayEndpoint(const QHostAddress &address, quint16 port)
{
    const QString a = displayAddress(address);
    if (a.contains(QLatin1Char(':')))
        return QLatin1Char('[') + a + QStringLiteral("]:") + QString::number(port);
    return a + QLatin1Char(':') + QString::number(port);
}

} // namespace NetPoke
