#pragma once

#include <QtGlobal>

// The Linux fast paths of the datagram engine (native sockaddr, recvmmsg, IP_RECVERR). Defining
// NETPOKE_NET_PORTABLE for the whole build selects the plain QUdpSocket code used elsewhere, so that it
// can be built and tested on Linux too.
#if defined(Q_OS_LINUX) && !defined(NETPOKE_NET_PORTABLE)
#define NETPOKE_NET_LINUX 1
#endif
