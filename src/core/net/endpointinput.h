#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QString>

namespace NetPoke::Net {

// A host and a port as a user gave them, checked the same way for every front end and core object:
// brackets around IPv6 stripped, typos such as "300.1.1.1" or "192.168.1" refused before any lookup,
// port 0 accepted only where it means "the system chooses".
struct EndpointInput
{
    Q_DECLARE_TR_FUNCTIONS(EndpointInput)

public:
    enum Use {
        Destination,   // HOST:PORT to send to: a host is needed, port 1-65535
        Bind,          // [ADDRESS:]PORT to listen on: the host may be left out, port 0 = the system chooses
        Group,         // GROUP:PORT of a room: a host is needed, port 0 = the system chooses
    };
    enum Problem { NoProblem, HostProblem, PortProblem, SyntaxProblem };

    QString host;            // without brackets; empty when left out (Bind)
    QHostAddress address;    // set when host is an address literal; null for a name or no host
    quint16 port = 0;
    Problem problem = NoProblem;
    QString errorString;

    bool ok() const { return problem == NoProblem; }
    // A host that is not an address literal: a name to look up (or, after parse(), possibly a typo).
    bool isName() const { return ok() && !host.isEmpty() && address.isNull(); }

    // One text: "HOST:PORT", "[IPv6]:PORT", and for Bind "PORT" alone. Checks the form, the port and the
    // host as fromParts() does (a typo such as "300.1.1.1" is a HostProblem here, before anything binds
    // or looks up), and reads an address literal.
    static EndpointInput parse(const QString &text, Use use);
    // A host and a port given apart (form fields, API calls): the host must be an address literal or a
    // possible host name.
    static EndpointInput fromParts(const QString &host, quint16 port, Use use);
    static EndpointInput fromParts(const QString &host, const QString &portText, Use use);
};

// "[::1]" -> "::1"; other text unchanged (trimmed).
QString withoutBrackets(const QString &text);
// An IP address literal: brackets and spaces stripped; the short IPv4 forms inet_aton expands ("127.1",
// "192.168.1" as 192.168.0.1) refused, since whoever typed them almost surely meant something else.
// Null when the text is not an address.
QHostAddress parseAddress(const QString &text);
// Of a lookup's answers, the one a socket bound to `local` can reach: the first of its family when it is
// bound to one family; otherwise (unbound, dual-stack ::) the first.
QHostAddress preferredAddress(const QList<QHostAddress> &answers, const QHostAddress &local);

} // namespace NetPoke::Net
