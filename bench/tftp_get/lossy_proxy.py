#!/usr/bin/env python3
"""A tiny UDP impairment relay for TFTP on 127.0.0.1 (bench/tftp_get/run.sh, see bench/README.md).

    lossy_proxy.py --server-port PORT [--loss 0.02] [--seed 1] [--idle 60]

Listens on 127.0.0.1 port 0 and prints "listening on 127.0.0.1:PORT" on stdout. A client sends its
RRQ to that port. For each new client (address, port) the proxy opens a per-transfer socket on
127.0.0.1 port 0 and forwards the RRQ from it to 127.0.0.1:--server-port. The server answers from a
new port (its transfer ID); the proxy locks onto the first port that answers and relays between that
port and the client through the per-transfer socket, so the client sees the per-transfer socket as
the server's transfer ID. A datagram to that socket from any other server port is answered with
ERROR 5, as a client would.

Every datagram, in either direction, is dropped with probability --loss. Each transfer draws from two
generators seeded from --seed (one per direction), so every transfer meets the same drop pattern
(the n-th datagram client->server and the m-th server->client are dropped or not alike for every
client). A retransmitted RRQ is forwarded only while the server has not answered yet (a real network
would deliver it and the server would start a second transfer).

Only 127.0.0.1 is used. Stops on SIGTERM/SIGINT, printing per-transfer counters on stderr.
"""
import argparse
import random
import selectors
import signal
import socket
import struct
import sys
import time

HOST = "127.0.0.1"
BUF = 4 * 1024 * 1024


def udp_socket():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for opt in (socket.SO_RCVBUF, socket.SO_SNDBUF):
        try:
            s.setsockopt(socket.SOL_SOCKET, opt, BUF)
        except OSError:
            pass
    s.bind((HOST, 0))
    s.setblocking(False)
    return s


class Transfer:
    def __init__(self, n, client, seed):
        self.n = n
        self.client = client          # (host, port) of the client
        self.sock = udp_socket()      # faces both the client and the server
        self.tid = None               # the server's transfer port, once it answered
        self.up = random.Random(seed * 2 + 1)      # client -> server drops
        self.down = random.Random(seed * 2 + 2)    # server -> client drops
        self.fwd = [0, 0]   # forwarded up, down
        self.drop = [0, 0]  # dropped up, down
        self.strangers = 0
        self.last = time.monotonic()

    def summary(self):
        return (f"transfer {self.n} client port {self.client[1]} server tid {self.tid}: "
                f"up fwd {self.fwd[0]} drop {self.drop[0]}, down fwd {self.fwd[1]} drop {self.drop[1]}, "
                f"strangers {self.strangers}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server-port", type=int, required=True)
    ap.add_argument("--loss", type=float, default=0.02)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--idle", type=float, default=60.0, help="forget a transfer after this many idle seconds")
    ap.add_argument("--max-seconds", type=float, default=7200.0, help="exit after this long in any case")
    args = ap.parse_args()

    sel = selectors.DefaultSelector()
    main_sock = udp_socket()
    sel.register(main_sock, selectors.EVENT_READ, None)
    print(f"listening on {HOST}:{main_sock.getsockname()[1]}", flush=True)

    transfers = {}   # client address -> Transfer
    count = [0]
    running = [True]
    deadline = time.monotonic() + args.max_seconds

    def stop(*_):
        running[0] = False
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    def close(t):
        print(t.summary(), file=sys.stderr, flush=True)
        sel.unregister(t.sock)
        t.sock.close()
        transfers.pop(t.client, None)

    def send(sock, data, addr):
        try:
            sock.sendto(data, addr)
        except OSError:
            pass   # e.g. ICMP port unreachable reported on the next send; the peer is gone

    while running[0] and time.monotonic() < deadline:
        for key, _ in sel.select(timeout=1.0):
            sock = key.fileobj
            t = key.data
            try:
                data, addr = sock.recvfrom(65536)
            except (BlockingIOError, InterruptedError, ConnectionRefusedError, OSError):
                continue
            if addr[0] != HOST:
                continue
            now = time.monotonic()
            if t is None:   # the well-known port: a (re)sent request from a client
                t = transfers.get(addr)
                if t is None:
                    count[0] += 1
                    t = Transfer(count[0], addr, args.seed)
                    transfers[addr] = t
                    sel.register(t.sock, selectors.EVENT_READ, t)
                t.last = now
                if t.tid is not None:
                    continue   # the server already answered this request
                if t.up.random() < args.loss:
                    t.drop[0] += 1
                    continue
                t.fwd[0] += 1
                send(t.sock, data, (HOST, args.server_port))
                continue
            t.last = now
            if addr == t.client:                       # client -> server
                if t.up.random() < args.loss:
                    t.drop[0] += 1
                    continue
                t.fwd[0] += 1
                send(t.sock, data, (HOST, t.tid if t.tid is not None else args.server_port))
                continue
            if t.tid is None:
                t.tid = addr[1]
            if addr[1] != t.tid:                        # a stranger: ERROR 5, as a client would
                t.strangers += 1
                send(t.sock, struct.pack("!HH", 5, 5) + b"Unknown transfer ID\0", addr)
                continue
            if t.down.random() < args.loss:             # server -> client
                t.drop[1] += 1
                continue
            t.fwd[1] += 1
            send(t.sock, data, t.client)
        now = time.monotonic()
        for t in [t for t in transfers.values() if now - t.last > args.idle]:
            close(t)

    for t in list(transfers.values()):
        close(t)


if __name__ == "__main__":
    main()
