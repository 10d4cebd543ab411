#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace NetPoke {

// The lesson's address arithmetic: an address and a prefix (a length, a dotted netmask, or the address's
// class) give the network number, the broadcast address, the host range and the number of usable hosts.
// Pure: no sockets, no name lookups.
class AddressCalc final
{
    Q_DECLARE_TR_FUNCTIONS(AddressCalc)

public:
    enum class Kind {
        Public,
        Private,          // 10/8, 172.16/12, 192.168/16 (RFC 1918); fc00::/7 (ULA)
        Loopback,         // 127/8, ::1
        LinkLocal,        // 169.254/16, fe80::/10
        Multicast,        // 224/4, ff00::/8
        Unspecified,      // 0.0.0.0/8 ("this network"), ::
        Reserved,         // 240/4 except the limited broadcast
        LimitedBroadcast, // 255.255.255.255
        SharedAddress,    // 100.64/10 (RFC 6598, carrier-grade NAT)
        Documentation,    // 192.0.2/24, 198.51.100/24, 203.0.113/24; 2001:db8::/32
    };

    struct Result
    {
        QHostAddress address;        // as given
        int prefixLength = 0;
        QHostAddress netmask;        // IPv4 only
        QHostAddress wildcard;       // IPv4 only: the host bits (inverse mask)
        QHostAddress network;        // the network number (host bits zero)
        QHostAddress broadcast;      // IPv4 only; null for /31 and /32, which have none
        QHostAddress firstHost;      // first and last usable host (IPv6: first and last address)
        QHostAddress lastHost;
        // Usable hosts: 2^(32-p) - 2, except /31 (2, RFC 3021 point-to-point) and /32 (1). IPv6: the number of
        // addresses, 2^(128-p), as text because it does not fit 64 bits ("2^64" style for large ones).
        quint64 usableHosts = 0;
        QString addressCount;        // IPv6: "18,446,744,073,709,551,616" or "2^80"; IPv4: the same as usableHosts
        QChar addressClass;          // IPv4: 'A'..'E'; null for IPv6
        Kind kind = Kind::Public;
        bool prefixFromClass = false;   // no prefix was given: the class's (A /8, B /16, C /24)
    };

    // address: dotted IPv4 ("192.168.1.10") or IPv6; may carry "/24" or " 255.255.255.0" itself.
    // prefix: empty (take it from address, else from the class), "24", "/24", or a dotted netmask.
    // Returns nothing, with *error in plain words, for impossible input (300.1.1.1, /33, 255.0.255.0,
    // a class D/E address without a prefix, short forms like 10.1).
    static std::optional<Result> calculate(const QString &address, const QString &prefix = {},
                                           QString *error = nullptr);

    // The class of an IPv4 address by its first octet: A 0-127, B 128-191, C 192-223, D 224-239, E 240-255.
    static QChar classOf(quint32 ipv4);
    // The default prefix of a class (A 8, B 16, C 24), -1 for D and E.
    static int classPrefix(QChar addressClass);
    static Kind kindOf(const QHostAddress &address);
    static QString kindText(Kind kind);
    // A dotted netmask's prefix length, -1 when the ones are not contiguous or the text is not a netmask.
    static int prefixOfNetmask(const QString &netmask);
};

} // namespace NetPoke
