#include "net/ownsockets.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>

using NetPoke::OwnSockets;

class tst_ownsockets : public QObject
{
    Q_OBJECT

private slots:
    void parseTable();
    void listsThisProcessSockets();
};

void tst_ownsockets::parseTable()
{
#if Q_BYTE_ORDER != Q_LITTLE_ENDIAN
    QSKIP("the sample rows are as a little-endian kernel prints them");
#endif
    const QByteArray tcp =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
        "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1 0 100 0 0 10 0\n"
        "   1: 0100007F:D431 0100007F:1F90 01 0000000A:00000002 00:00000000 00000000  1000        0 222 1 0 20 4 30 10 -1\n"
        "   2: garbage\n";
    QList<OwnSockets::Entry> all = OwnSockets::parseTable(tcp, QStringLiteral("TCP"), {});
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].local, QHostAddress(QStringLiteral("127.0.0.1")));
    QCOMPARE(all[0].localPort, quint16(8080));
    QCOMPARE(all[0].state, 10);
    QCOMPARE(OwnSockets::stateText(all[0]), QStringLiteral("LISTEN"));
    QCOMPARE(all[1].localPort, quint16(0xD431));
    QCOMPARE(all[1].peer, QHostAddress(QStringLiteral("127.0.0.1")));
    QCOMPARE(all[1].peerPort, quint16(8080));
    QCOMPARE(all[1].sendQueue, quint64(10));
    QCOMPARE(all[1].receiveQueue, quint64(2));
    QCOMPARE(OwnSockets::stateText(all[1]), QStringLiteral("ESTABLISHED"));

    const QList<OwnSockets::Entry> only = OwnSockets::parseTable(tcp, QStringLiteral("TCP"), {222});
    QCOMPARE(only.size(), 1);
    QCOMPARE(only[0].inode, quint64(222));

    const QByteArray udp6 =
        "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
        "  5: 00000000000000000000000001000000:0045 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 333 2 0 0\n"
        "  6: 0000000000000000FFFF00000100007F:0045 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 334 2 0 0\n";
    all = OwnSockets::parseTable(udp6, QStringLiteral("UDP6"), {});
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].local, QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(all[0].localPort, quint16(69));
    QCOMPARE(OwnSockets::stateText(all[0]), QStringLiteral("unconnected"));
    QCOMPARE(all[1].local.toString(), QStringLiteral("::ffff:127.0.0.1"));
}

void tst_ownsockets::listsThisProcessSockets()
{
    QUdpSocket udp;
    QVERIFY(udp.bind(QHostAddress::LocalHost, 0));
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHostIPv6, 0))
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTcpSocket client;
    client.connectToHost(server.serverAddress(), server.serverPort());
    QTRY_VERIFY(server.hasPendingConnections());
    QTcpSocket *accepted = server.nextPendingConnection();
    QVERIFY(accepted);

    const QList<OwnSockets::Entry> all = OwnSockets::list();
    auto find = [&](const QString &protocolPrefix, quint16 localPort, int state) {
        return std::find_if(all.cbegin(), all.cend(), [&](const OwnSockets::Entry &e) {
            return e.protocol.startsWith(protocolPrefix) && e.localPort == localPort && (state < 0 || e.state == state);
        });
    };
    const auto u = find(QStringLiteral("UDP"), udp.localPort(), -1);
    QVERIFY2(u != all.cend(), "the bound UDP socket is not listed");
    QCOMPARE(u->local, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(find(QStringLiteral("TCP"), server.serverPort(), 10) != all.cend());          // LISTEN
    const auto c = find(QStringLiteral("TCP"), client.localPort(), 1);                   // ESTABLISHED
    QVERIFY2(c != all.cend(), "the connected client socket is not listed");
    QCOMPARE(c->peerPort, server.serverPort());
    // A socket of another process (none here is ours but these) is never listed: every inode is ours.
    const QSet<quint64> mine = OwnSockets::ownInodes();
    for (const OwnSockets::Entry &e : all)
        QVERIFY(mine.contains(e.inode));

    udp.close();
    const QList<OwnSockets::Entry> after = OwnSockets::list();
    QVERIFY(std::none_of(after.cbegin(), after.cend(), [&](const OwnSockets::Entry &e) {
        return e.protocol.startsWith(QLatin1String("UDP")) && e.localPort == u->localPort;
    }));
}

QTEST_GUILESS_MAIN(tst_ownsockets)
#include "tst_ownsockets.moc"
