#include "erroradvice.h"

#include <QCoreApplication>

namespace NetPoke {

namespace {

// The translation context of the advice.
struct ErrorAdvice
{
    Q_DECLARE_TR_FUNCTIONS(ErrorAdvice)
};

QString joined(const QString &fact, const QString &advice)
{
    return advice.isEmpty() ? fact : fact + QLatin1Char(' ') + advice;
}

QString portInUse()
{
    return ErrorAdvice::tr("Close the program that uses it, choose another port, or enter 0 to let the system choose.");
}

QString privilegedPort()
{
    return ErrorAdvice::tr("Choose a port from 1024 to 65535, or 0 to let the system choose.");
}

} // namespace

QString adviceFor(UdpEndpoint::Error error)
{
    switch (error) {
    case UdpEndpoint::AddressInUseError: return portInUse();
    case UdpEndpoint::AccessDeniedError: return privilegedPort();
    case UdpEndpoint::AddressNotAvailableError: return ErrorAdvice::tr("Choose one from the list, or 0.0.0.0 to listen on all of them.");
    case UdpEndpoint::BroadcastNotEnabledError: return ErrorAdvice::tr("Turn on Broadcast to send to it.");
    case UdpEndpoint::AddressFamilyError:
        return ErrorAdvice::tr("Open the socket on :: (all IPv4 and IPv6 addresses) or on an address of the destination's family.");
    case UdpEndpoint::PortUnreachableError: return ErrorAdvice::tr("Check the port number and that the program there is running.");
    default: return QString();
    }
}

QString adviceFor(ChatSession::Error error)
{
    switch (error) {
    case ChatSession::AddressInUseError: return portInUse();
    case ChatSession::AccessDeniedError: return privilegedPort();
    case ChatSession::InvalidPortError: return ErrorAdvice::tr("Enter the port the other side listens on.");
    case ChatSession::NoPeerError: return ErrorAdvice::tr("Enter the other person's address and port.");
    case ChatSession::BroadcastNotEnabledError:
        return ErrorAdvice::tr("To write to everyone on the network, join a room with the broadcast address instead.");
    default: return QString();
    }
}

QString adviceFor(Tftp::Server::Error error)
{
    switch (error) {
    case Tftp::Server::AddressInUseError: return portInUse();
    case Tftp::Server::AccessDeniedError: return privilegedPort();
    case Tftp::Server::AddressNotAvailableError: return ErrorAdvice::tr("Choose one from the list, or 0.0.0.0 to listen on all of them.");
    case Tftp::Server::UnsupportedError: return ErrorAdvice::tr("Choose an IPv4 address such as 127.0.0.1 or 0.0.0.0.");
    case Tftp::Server::RootError: return ErrorAdvice::tr("Choose a folder that exists (Browse…).");
    default: return QString();
    }
}

QString errorWithAdvice(const UdpEndpoint &endpoint)
{
    return joined(endpoint.errorString(), adviceFor(endpoint.error()));
}

QString errorWithAdvice(const ChatSession &session)
{
    return joined(session.errorString(), adviceFor(session.error()));
}

QString errorWithAdvice(const Tftp::Server &server)
{
    return joined(server.errorString(), adviceFor(server.error()));
}

} // namespace NetPoke
