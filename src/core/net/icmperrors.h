#pragma once

#include "socketaddress.h"

#include <QHostAddress>
#include <QList>

namespace NetPoke::Net {

// ICMP errors (port unreachable, host unreachable, ...) on an unconnected UDP socket. Linux reports
// them only with IP_RECVERR / IPV6_RECVERR, through the socket's error queue; without it a sender
// never learns that nothing listens. Elsewhere these functions do nothing. DatagramSocket uses them;
// other code should take the reports from DatagramSocket::takeIcmpErrors().
struct IcmpError
{
    QHostAddress destination;   // where the datagram that failed was going
    quint16 port = 0;
    int errorCode = 0;          // errno value, e.g. ECONNREFUSED for "port unreachable"
    bool portUnreachable = false;
};

// Turns the reports on for a socket (both IPv4 and IPv6 options, for dual-stack sockets).
bool enableIcmpErrors(qintptr socketDescriptor);
// Reads and clears every queued report, appending them to errors. Returns how many were read.
int drainIcmpErrors(qintptr socketDescriptor, QList<IcmpError> *errors);
// The same, as a list.
QList<IcmpError> drainIcmpErrors(qintptr socketDescriptor);

} // namespace NetPoke::Net
