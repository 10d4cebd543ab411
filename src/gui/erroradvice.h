#pragma once

#include "chatsession.h"
#include "tftp/tftpserver.h"
#include "udpendpoint.h"

#include <QString>

namespace NetPoke {

// What the user can do about an error the core reports. The core's messages state what happened; the
// advice depends on what this window offers (a list of addresses, a Broadcast switch, ...). Empty when
// there is nothing useful to add.
QString adviceFor(UdpEndpoint::Error error);
QString adviceFor(ChatSession::Error error);
QString adviceFor(Tftp::Server::Error error);
// The object's errorString() followed by the advice for its error().
QString errorWithAdvice(const UdpEndpoint &endpoint);
QString errorWithAdvice(const ChatSession &session);
QString errorWithAdvice(const Tftp::Server &server);

} // namespace NetPoke
