#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>

namespace NetPoke {

// "HOST:PORT", "[v6]:PORT", "PORT" as typed by a user; parsing reports readable errors.
struct HostPort
{
    Q_DECLARE_TR_FUNCTIONS(HostPort)

public:
    QString host;        // name or address text, without brackets; may be empty for "PORT"
    quint16 port = 0;
    bool ok = false;
    QString errorString;

    // requireHost: "PORT" alone is an error. allowPortZero: port 0 (system chooses) accepted.
    static HostPort parse(const QString &text, bool requireHost, bool allowPortZero = false);
    // Port 0..65535 from text; error text when not a number in range.
    static bool parsePort(const QString &text, quint16 *port, QString *error, bool allowZero);
    // An address literal or something that can be a host name. Catches typos such as "300.1.1.1" or
    // "192.168.1" before they become a name lookup. Brackets around IPv6 are accepted.
    static bool validateHost(const QString &text, QString *error);
};

// ::ffff:a.b.c.d (how dual-stack sockets report IPv4 peers) as plain IPv4; other addresses unchanged.
QHostAddress unmappedAddress(const QHostAddress &address);
// IPv4-mapped IPv6 addresses shown as plain IPv4; the dual-stack any-address as "::" (it takes IPv4 and
// IPv6; Qt writes it as 0.0.0.0); IPv6 in brackets with the port.
QString displayAddress(const QHostAddress &address);
QString displayEndpoint(const QHostAddress &address, quint16 port);

} // namespace NetPoke
