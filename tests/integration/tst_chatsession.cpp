// ChatSession over loopback only: every socket binds port 0 on 127.0.0.1 / ::1 (or the wildcard, for a
// room), every datagram goes to 127.0.0.1 / ::1 or, TTL 0 pinned to `lo`, to a multicast group.
// Nothing is ever sent to a broadcast address.

#include "chatsession.h"
#include "hostport.h"
#include "textcodec.h"
#include "looptestutil.h"

#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

using LoopTest::addLoopbackRows;
using LoopTest::closedUdpPort;
using LoopTest::ipv6LoopbackUsable;

using NetPoke::ChatMessage;
using NetPoke::ChatSession;
using NetPoke::TextCodec;

namespace {

constexpr int WaitMs = 5000;

QList<ChatMessage> messages(const QSignalSpy &spy)
{
    QList<ChatMessage> list;
    for (int i = 0; i < spy.size(); ++i)
        list << spy.at(i).at(0).value<ChatMessage>();
    return list;
}

QStringList texts(const QSignalSpy &spy)
{
    QStringList list;
    for (const ChatMessage &m : messages(spy))
        list << m.text;
    return list;
}

QStringList strings(const QSignalSpy &spy)
{
    QStringList list;
    for (int i = 0; i < spy.size(); ++i)
        list << spy.at(i).at(0).toString();
    return list;
}

QByteArray gb2312(const QString &text)
{
    const auto r = NetPoke::TextCodec::encode(text, QStringLiteral("GB2312"));
    return r.ok ? r.bytes : QByteArray("<cannot encode>");
}

struct Raw
{
    QByteArray data;
    QHostAddress from;
    quint16 port = 0;
};

} // namespace

// The ctest entry tst_chatsession_room runs room() in a private network namespace whose lo has
// MULTICAST on and sets NETPOKE_REQUIRE_MULTICAST, so there a missing feature is a failure, not a skip.
#define SKIP_OR_FAIL(message)                                              \
    do {                                                                   \
        if (qEnvironmentVariableIsSet("NETPOKE_REQUIRE_MULTICAST"))        \
            QFAIL(message);                                                \
        QSKIP(message);                                                    \
    } while (false)

class tst_chatsession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void converse_data();
    void converse();
    void wireBytes_data();
    void wireBytes();
    void receiveFromScript_data();
    void receiveFromScript();
    void splitCharacter_data();
    void splitCharacter();
    void splitCharacterPerSender();
    void invalidBytesShown_data();
    void invalidBytesShown();
    void incompleteTailShownLater();
    void stranger();
    void answerFirstSender();
    void portUnreachable_data();
    void portUnreachable();
    void cannotEncodeSendsNothing();
    void sendName_data();
    void sendName();
    void noPeer();
    void setPeerErrors();
    void peerChangedMessages();
    void encodingChange();
    void bindMessagesAndErrors();
    void roomArgumentErrors();
    void broadcastRoomNotSent();
    void room();

private:
    // Waits for the next datagram on a raw socket.
    void receiveRaw(QUdpSocket &socket, Raw *out);

    bool m_ipv6 = false;
};

void tst_chatsession::initTestCase()
{
    m_ipv6 = ipv6LoopbackUsable();
}

void tst_chatsession::receiveRaw(QUdpSocket &socket, Raw *out)
{
    QTRY_VERIFY_WITH_TIMEOUT(socket.hasPendingDatagrams(), WaitMs);
    const qint64 size = socket.pendingDatagramSize();
    out->data.resize(qMax<qint64>(0, size));
    QCOMPARE(socket.readDatagram(out->data.data(), out->data.size(), &out->from, &out->port), size);
}

// ---- two sessions --------------------------------------------------------------------------------

void tst_chatsession::converse_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<QString>("encoding");
    for (const auto &[name, address] : {std::pair{"127.0.0.1", QHostAddress(QHostAddress::LocalHost)},
                                        std::pair{"::1", QHostAddress(QHostAddress::LocalHostIPv6)}}) {
        for (const char *encoding : {"UTF-8", "GB2312"})
            QTest::addRow("%s %s", name, encoding) << address << QString::fromLatin1(encoding);
    }
}

void tst_chatsession::converse()
{
    QFETCH(QHostAddress, address);
    QFETCH(QString, encoding);
    SKIP_IF_NO_IPV6(address);

    ChatSession a, b;
    QVERIFY(a.setEncoding(encoding));
    QVERIFY(b.setEncoding(encoding));
    QVERIFY2(a.bind(address, 0), qPrintable(a.errorString()));
    QVERIFY2(b.bind(address, 0), qPrintable(b.errorString()));
    QVERIFY(a.localPort() != 0 && b.localPort() != 0 && a.localPort() != b.localPort());
    QVERIFY(a.setPeer(address.toString(), b.localPort()));
    QVERIFY(b.setPeer(address.toString(), a.localPort()));
    QVERIFY(a.hasPeer());
    QCOMPARE(a.peerAddress(), address);
    QCOMPARE(a.peerPort(), b.localPort());

    QSignalSpy aGot(&a, &ChatSession::messageReceived);
    QSignalSpy bGot(&b, &ChatSession::messageReceived);
    QSignalSpy aSent(&a, &ChatSession::messageSent);

    // Both directions at once: the sends alternate, nothing waits for an answer.
    constexpr int Count = 30;
    QStringList fromA, fromB;
    for (int i = 0; i < Count; ++i) {
        fromA << QStringLiteral(u"A说%1：你好，B！").arg(i);
        fromB << QStringLiteral(u"B answers %1: 收到 \"%2\"").arg(i).arg(encoding);
        QVERIFY2(a.sendMessage(fromA.constLast()), qPrintable(a.errorString()));
        QVERIFY2(b.sendMessage(fromB.constLast()), qPrintable(b.errorString()));
    }
    if (encoding == QLatin1String("UTF-8")) {
        fromA << QStringLiteral(u"emoji 😀 only in UTF-8");
        QVERIFY(a.sendMessage(fromA.constLast()));
    }
    QTRY_COMPARE_WITH_TIMEOUT(bGot.size(), fromA.size(), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(aGot.size(), fromB.size(), WaitMs);
    QCOMPARE(texts(bGot), fromA);
    QCOMPARE(texts(aGot), fromB);
    for (const ChatMessage &m : messages(bGot)) {
        QCOMPARE(m.address, address);
        QCOMPARE(m.port, a.localPort());
        QVERIFY(!m.outgoing);
        QVERIFY(!m.fromStranger);
        QCOMPARE(m.invalidBytes, 0);
        QVERIFY(m.timestampMs > 0);
    }
    for (const ChatMessage &m : messages(aGot))
        QCOMPARE(m.port, b.localPort());

    QCOMPARE(aSent.size(), fromA.size());
    const ChatMessage sent = aSent.at(0).at(0).value<ChatMessage>();
    QCOMPARE(sent.text, fromA.constFirst());
    QVERIFY(sent.outgoing);
    QCOMPARE(sent.address, address);
    QCOMPARE(sent.port, b.localPort());
}

// ---- bytes on the wire ---------------------------------------------------------------------------

void tst_chatsession::wireBytes_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("hex");

    const QHostAddress v4(QHostAddress::LocalHost), v6(QHostAddress::LocalHostIPv6);
    QTest::newRow("GB2312 你好") << v4 << "GB2312" << QStringLiteral(u"你好") << QByteArray("c4e3bac3");
    QTest::newRow("GB2312 你好 ::1") << v6 << "GB2312" << QStringLiteral(u"你好") << QByteArray("c4e3bac3");
    QTest::newRow("UTF-8 你好") << v4 << "UTF-8" << QStringLiteral(u"你好") << QByteArray("e4bda0e5a5bd");
    QTest::newRow("GBK mixed") << v4 << "GBK" << QStringLiteral(u"a你b") << QByteArray("61c4e362");
    QTest::newRow("Big5 你好") << v4 << "Big5" << QStringLiteral(u"你好") << QByteArray("a741a66e");
    QTest::newRow("GB18030 😀") << v4 << "GB18030" << QStringLiteral(u"😀") << QByteArray("9439fc36");
    QTest::newRow("Latin-1 é") << v4 << "Latin-1" << QStringLiteral(u"é") << QByteArray("e9");
    QTest::newRow("no framing, no newline") << v4 << "UTF-8" << QStringLiteral("hi") << QByteArray("6869");
    QTest::newRow("line breaks kept") << v4 << "UTF-8" << QStringLiteral("a\nb") << QByteArray("610a62");
}

void tst_chatsession::wireBytes()
{
    QFETCH(QHostAddress, address);
    QFETCH(QString, encoding);
    QFETCH(QString, text);
    QFETCH(QByteArray, hex);
    SKIP_IF_NO_IPV6(address);

    QUdpSocket raw;
    QVERIFY(raw.bind(address, 0));
    ChatSession s;
    QVERIFY(s.setEncoding(encoding));
    QVERIFY(s.bind(address, 0));
    QVERIFY(s.setPeer(address.toString(), raw.localPort()));
    QVERIFY2(s.sendMessage(text), qPrintable(s.errorString()));
    Raw got;
    receiveRaw(raw, &got);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(got.data.toHex(), hex);
    QCOMPARE(got.port, s.localPort());
}

// What the classroom script sends: sendto(text.encode("gb2312"), addr).
void tst_chatsession::receiveFromScript_data()
{
    addLoopbackRows();
}

void tst_chatsession::receiveFromScript()
{
    QFETCH(QHostAddress, address);
    SKIP_IF_NO_IPV6(address);

    ChatSession s;
    QVERIFY(s.setEncoding(QStringLiteral("gb2312")));
    QCOMPARE(s.encoding(), QStringLiteral("GB2312"));
    QVERIFY(s.bind(address, 0));
    QUdpSocket raw;
    QVERIFY(raw.bind(address, 0));
    QVERIFY(s.setPeer(address.toString(), raw.localPort()));
    QSignalSpy got(&s, &ChatSession::messageReceived);
    QCOMPARE(raw.writeDatagram(QByteArray::fromHex("c4e3bac3"), address, s.localPort()), qint64(4));
    QCOMPARE(raw.writeDatagram(gb2312(QStringLiteral(u"第二条：网络调试助手")), address, s.localPort()),
             qint64(gb2312(QStringLiteral(u"第二条：网络调试助手")).size()));
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), 2, WaitMs);
    QCOMPARE(texts(got), (QStringList{QStringLiteral(u"你好"), QStringLiteral(u"第二条：网络调试助手")}));
    const ChatMessage m = messages(got).constFirst();
    QCOMPARE(m.address, address);
    QCOMPARE(m.port, raw.localPort());
    QVERIFY(!m.fromStranger);
    QCOMPARE(NetPoke::displayEndpoint(m.address, m.port),
             NetPoke::displayEndpoint(address, raw.localPort()));
}

// ---- decoding ------------------------------------------------------------------------------------

void tst_chatsession::splitCharacter_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QByteArrayList>("datagrams");   // hex
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("GB2312 lead byte at the end")
        << "GB2312" << QByteArrayList{"6162c4", "e36364"} << QStringList{"ab", QStringLiteral(u"你cd")};
    QTest::newRow("GB2312 only the lead byte")
        << "GB2312" << QByteArrayList{"c4", "e3"} << QStringList{QStringLiteral(u"你")};
    QTest::newRow("UTF-8 two of three bytes")
        << "UTF-8" << QByteArrayList{"e4bd", "a021"} << QStringList{QStringLiteral(u"你!")};
    QTest::newRow("UTF-8 one of three bytes")
        << "UTF-8" << QByteArrayList{"78e4", "bda0"} << QStringList{"x", QStringLiteral(u"你")};
    QTest::newRow("GB18030 four-byte character")
        << "GB18030" << QByteArrayList{"9439", "fc36"} << QStringList{QStringLiteral(u"😀")};
    QTest::newRow("Big5") << "Big5" << QByteArrayList{"a7", "41a66e"} << QStringList{QStringLiteral(u"你好")};
}

void tst_chatsession::splitCharacter()
{
    QFETCH(QString, encoding);
    QFETCH(QByteArrayList, datagrams);
    QFETCH(QStringList, expected);

    ChatSession s;
    QVERIFY(s.setEncoding(encoding));
    QVERIFY(s.bind(QHostAddress::LocalHost, 0));
    QUdpSocket raw;
    QVERIFY(raw.bind(QHostAddress::LocalHost, 0));
    QSignalSpy got(&s, &ChatSession::messageReceived);
    for (const QByteArray &hex : datagrams) {
        const QByteArray bytes = QByteArray::fromHex(hex);
        QCOMPARE(raw.writeDatagram(bytes, QHostAddress::LocalHost, s.localPort()), qint64(bytes.size()));
    }
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), expected.size(), WaitMs);
    QCOMPARE(texts(got), expected);
    for (const ChatMessage &m : messages(got))
        QCOMPARE(m.invalidBytes, 0);
    // Nothing else comes later (no \xHH flushed for a character that did complete).
    QTest::qWait(1500);
    QCOMPARE(got.size(), expected.size());
}

// One decoder per sender: halves from two senders do not mix.
void tst_chatsession::splitCharacterPerSender()
{
    ChatSession s;
    QVERIFY(s.setEncoding(QStringLiteral("GB2312")));
    QVERIFY(s.bind(QHostAddress::LocalHost, 0));
    QUdpSocket one, two;
    QVERIFY(one.bind(QHostAddress::LocalHost, 0));
    QVERIFY(two.bind(QHostAddress::LocalHost, 0));
    QSignalSpy got(&s, &ChatSession::messageReceived);
    const auto send = [&](QUdpSocket &from, const char *hex) {
        const QByteArray bytes = QByteArray::fromHex(hex);
        return from.writeDatagram(bytes, QHostAddress::LocalHost, s.localPort()) == bytes.size();
    };
    QVERIFY(send(one, "31c4"));   // "1" + first byte of 你
    QVERIFY(send(two, "32ba"));   // "2" + first byte of 好
    QVERIFY(send(one, "e3"));
    QVERIFY(send(two, "c3"));
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), 4, WaitMs);
    QCOMPARE(texts(got), (QStringList{"1", "2", QStringLiteral(u"你"), QStringLiteral(u"好")}));
    const QList<ChatMessage> m = messages(got);
    QCOMPARE(m.at(2).port, one.localPort());
    QCOMPARE(m.at(3).port, two.localPort());
}

void tst_chatsession::invalidBytesShown_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("invalid");

    QTest::newRow("GB2312 bytes read as UTF-8") << "UTF-8" << QByteArray("c4e3bac341") << R"(\xC4\xE3\xBA\xC3A)" << 4;
    QTest::newRow("UTF-8 bad byte in the middle") << "UTF-8" << QByteArray("61ff62") << R"(a\xFFb)" << 1;
    QTest::newRow("UTF-8 lone continuation at the end") << "UTF-8" << QByteArray("6180") << R"(a\x80)" << 1;
    QTest::newRow("GB2312 0xFF") << "GB2312" << QByteArray("c4e3ff") << QStringLiteral(u"你\\xFF") << 1;
    QTest::newRow("GB2312 lead byte before ASCII") << "GB2312" << QByteArray("c461") << R"(\xC4a)" << 1;
}

// Undecodable bytes are passed on at once (as U+DC80+byte, shown as \xHH), never dropped nor held back.
void tst_chatsession::invalidBytesShown()
{
    QFETCH(QString, encoding);
    QFETCH(QByteArray, hex);
    QFETCH(QString, expected);
    QFETCH(int, invalid);

    ChatSession s;
    QVERIFY(s.setEncoding(encoding));
    QVERIFY(s.bind(QHostAddress::LocalHost, 0));
    QUdpSocket raw;
    QVERIFY(raw.bind(QHostAddress::LocalHost, 0));
    QSignalSpy got(&s, &ChatSession::messageReceived);
    const QByteArray bytes = QByteArray::fromHex(hex);
    QCOMPARE(raw.writeDatagram(bytes, QHostAddress::LocalHost, s.localPort()), qint64(bytes.size()));
    // Well before the 1 s after which a held-back tail would be shown.
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), 1, 900);
    const ChatMessage m = messages(got).constFirst();
    QCOMPARE(TextCodec::visibleText(m.text), expected);
    QCOMPARE(m.invalidBytes, invalid);
}

// The start of a character that nothing completes is shown as \xHH after a while.
void tst_chatsession::incompleteTailShownLater()
{
    ChatSession s;
    QVERIFY(s.setEncoding(QStringLiteral("GB2312")));
    QVERIFY(s.bind(QHostAddress::LocalHost, 0));
    QUdpSocket raw;
    QVERIFY(raw.bind(QHostAddress::LocalHost, 0));
    QSignalSpy got(&s, &ChatSession::messageReceived);
    QCOMPARE(raw.writeDatagram(QByteArray::fromHex("6869c4"), QHostAddress::LocalHost, s.localPort()), qint64(3));
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), 1, WaitMs);
    QCOMPARE(messages(got).at(0).text, QStringLiteral("hi"));
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), 2, WaitMs);
    QCOMPARE(messages(got).at(1).text, QString(QChar(0xDCC4)));
    QCOMPARE(messages(got).at(1).invalidBytes, 1);
    QCOMPARE(messages(got).at(1).port, raw.localPort());

    // Changing the encoding shows what is held back at once, too.
    QCOMPARE(raw.writeDatagram(QByteArray::fromHex("ba"), QHostAddress::LocalHost, s.localPort()), qint64(1));
    QTRY_VERIFY_WITH_TIMEOUT(s.endpoint()->counters().rxPackets == 2, WaitMs);
    QCOMPARE(got.size(), 2);
    QVERIFY(s.setEncoding(QStringLiteral("UTF-8")));
    QCOMPARE(got.size(), 3);
    QCOMPARE(messages(got).at(2).text, QString(QChar(0xDCBA)));
}

void tst_chatsession::stranger()
{
    ChatSession s;
    QVERIFY(s.bind(QHostAddress::LocalHost, 0));
    QUdpSocket peer, other;
    QVERIFY(peer.bind(QHostAddress::LocalHost, 0));
    QVERIFY(other.bind(QHostAddress::LocalHost, 0));
    QVERIFY(s.setPeer(QStringLiteral("127.0.0.1"), peer.localPort()));
    QSignalSpy got(&s, &ChatSession::messageReceived);
    QVERIFY(other.writeDatagram("who am I", QHostAddress::LocalHost, s.localPort()) == 8);
    QVERIFY(peer.writeDatagram("the peer", QHostAddress::LocalHost, s.localPort()) == 8);
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), 2, WaitMs);
    const QList<ChatMessage> m = messages(got);
    QCOMPARE(m.at(0).text, QStringLiteral("who am I"));
    QVERIFY(m.at(0).fromStranger);
    QCOMPARE(m.at(0).port, other.localPort());
    QCOMPARE(m.at(1).text, QStringLiteral("the peer"));
    QVERIFY(!m.at(1).fromStranger);
    // A stranger does not become the peer.
    QCOMPARE(s.peerPort(), peer.localPort());
}

void tst_chatsession::answerFirstSender()
{
    ChatSession s;
    // Dual-stack: the first sender's ::ffff:127.0.0.1 becomes plain 127.0.0.1.
    QVERIFY(s.bind(QHostAddress::Any, 0));
    QVERIFY(!s.hasPeer());
    QVERIFY(!s.sendMessage(QStringLiteral("anyone?")));
    s.setAnswerFirstSender(true);
    QVERIFY(s.answerFirstSender());

    QUdpSocket first, second;
    QVERIFY(first.bind(QHostAddress::LocalHost, 0));
    QVERIFY(second.bind(QHostAddress::LocalHost, 0));
    QSignalSpy peerChanged(&s, &ChatSession::peerChanged);
    QSignalSpy system(&s, &ChatSession::systemMessage);
    QSignalSpy got(&s, &ChatSession::messageReceived);
    QVERIFY(first.writeDatagram("hello?", QHostAddress::LocalHost, s.localPort()) == 6);
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), 1, WaitMs);
    QCOMPARE(peerChanged.size(), 1);
    QCOMPARE(peerChanged.at(0).at(0).value<QHostAddress>(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(peerChanged.at(0).at(1).value<quint16>(), first.localPort());
    QVERIFY(s.hasPeer());
    QCOMPARE(s.peerAddress(), QHostAddress(QHostAddress::LocalHost));
    QVERIFY(!messages(got).at(0).fromStranger);
    QCOMPARE(system.size(), 1);
    QVERIFY2(system.at(0).at(0).toString().contains(QStringLiteral("127.0.0.1:%1").arg(first.localPort())),
             qPrintable(system.at(0).at(0).toString()));

    // The answer goes to the first sender; a second sender is a stranger and changes nothing.
    QVERIFY2(s.sendMessage(QStringLiteral("hi, first")), qPrintable(s.errorString()));
    Raw r;
    receiveRaw(first, &r);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(r.data, QByteArray("hi, first"));
    QVERIFY(second.writeDatagram("me too", QHostAddress::LocalHost, s.localPort()) == 6);
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), 2, WaitMs);
    QVERIFY(messages(got).at(1).fromStranger);
    QCOMPARE(peerChanged.size(), 1);
    QCOMPARE(s.peerPort(), first.localPort());
}

void tst_chatsession::portUnreachable_data()
{
    addLoopbackRows();
}

void tst_chatsession::portUnreachable()
{
    QFETCH(QHostAddress, address);
    SKIP_IF_NO_IPV6(address);

    const quint16 freed = closedUdpPort(address);
    QVERIFY(freed != 0);
    ChatSession s;
    QVERIFY(s.bind(address, 0));
    QVERIFY(s.setPeer(address.toString(), freed));
    QSignalSpy system(&s, &ChatSession::systemMessage);
    QVERIFY2(s.sendMessage(QStringLiteral("anybody there?")), qPrintable(s.errorString()));
    const QString expected = QStringLiteral("Nobody is listening at %1 (ICMP port unreachable)")
                                 .arg(NetPoke::displayEndpoint(address, freed));
    QTRY_VERIFY2_WITH_TIMEOUT(strings(system).contains(expected), qPrintable(strings(system).join(u'|')), WaitMs);
    // Still usable afterwards.
    QVERIFY(s.isBound());
}

void tst_chatsession::cannotEncodeSendsNothing()
{
    QUdpSocket raw;
    QVERIFY(raw.bind(QHostAddress::LocalHost, 0));
    ChatSession s;
    QVERIFY(s.setEncoding(QStringLiteral("GB2312")));
    QVERIFY(s.bind(QHostAddress::LocalHost, 0));
    QVERIFY(s.setPeer(QStringLiteral("127.0.0.1"), raw.localPort()));
    QSignalSpy sent(&s, &ChatSession::messageSent);
    QVERIFY(!s.sendMessage(QStringLiteral(u"a😀b")));
    QVERIFY2(s.errorString().contains(QStringLiteral("position 2")), qPrintable(s.errorString()));
    QVERIFY2(s.errorString().contains(QStringLiteral("GB2312")), qPrintable(s.errorString()));
    QCOMPARE(sent.size(), 0);
    QCOMPARE(s.endpoint()->counters().txPackets, quint64(0));
    // The first datagram that arrives is the next good message: nothing was sent before it.
    QVERIFY(s.sendMessage(QStringLiteral("ok")));
    Raw r;
    receiveRaw(raw, &r);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(r.data, QByteArray("ok"));
    QCOMPARE(sent.size(), 1);
}

void tst_chatsession::sendName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("sendName");
    QTest::addColumn<QByteArray>("wire");

    QTest::newRow("name sent") << QStringLiteral(u"小明") << true << gb2312(QStringLiteral(u"小明: 你好"));
    QTest::newRow("name not sent") << QStringLiteral(u"小明") << false << gb2312(QStringLiteral(u"你好"));
    QTest::newRow("no name") << QString() << true << gb2312(QStringLiteral(u"你好"));
}

void tst_chatsession::sendName()
{
    QFETCH(QString, name);
    QFETCH(bool, sendName);
    QFETCH(QByteArray, wire);

    QUdpSocket raw;
    QVERIFY(raw.bind(QHostAddress::LocalHost, 0));
    ChatSession s;
    QVERIFY(!s.sendName());   // off by default: the bare text is the protocol
    QVERIFY(s.setEncoding(QStringLiteral("GB2312")));
    s.setDisplayName(name);
    s.setSendName(sendName);
    QCOMPARE(s.displayName(), name);
    QCOMPARE(s.sendName(), sendName);
    QVERIFY(s.setPeer(QStringLiteral("127.0.0.1"), raw.localPort()));
    QSignalSpy sent(&s, &ChatSession::messageSent);
    QVERIFY2(s.sendMessage(QStringLiteral(u"你好")), qPrintable(s.errorString()));
    Raw r;
    receiveRaw(raw, &r);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(r.data.toHex(), wire.toHex());
    QCOMPARE(sent.size(), 1);
    QCOMPARE(NetPoke::TextCodec::encode(sent.at(0).at(0).value<ChatMessage>().text, QStringLiteral("GB2312")).bytes,
             wire);
}

void tst_chatsession::noPeer()
{
    ChatSession s;
    QVERIFY(s.bind(QHostAddress::LocalHost, 0));
    QSignalSpy sent(&s, &ChatSession::messageSent);
    QVERIFY(!s.sendMessage(QStringLiteral("to nobody")));
    QVERIFY(!s.errorString().isEmpty());
    QCOMPARE(sent.size(), 0);
    QCOMPARE(s.endpoint()->counters().txPackets, quint64(0));
}

void tst_chatsession::setPeerErrors()
{
    ChatSession s;
    QSignalSpy changed(&s, &ChatSession::peerChanged);
    QVERIFY(!s.setPeer(QString(), 9000));
    QVERIFY(!s.errorString().isEmpty());
    QVERIFY(!s.setPeer(QStringLiteral("  "), 9000));
    QVERIFY(!s.setPeer(QStringLiteral("127.0.0.1"), 0));
    QVERIFY(s.errorString().contains(QStringLiteral("0")));
    // Refused before any lookup: not an address, and not a possible host name.
    QVERIFY(!s.setPeer(QStringLiteral("127.0.1"), 9000));
    QVERIFY2(s.errorString().contains(QStringLiteral("127.0.1")), qPrintable(s.errorString()));
    QVERIFY(!s.setPeer(QStringLiteral("no-such-host..invalid"), 9000));
    QVERIFY(!s.isResolvingPeer());
    QVERIFY(!s.hasPeer());
    QCOMPARE(changed.size(), 0);
}

void tst_chatsession::peerChangedMessages()
{
    ChatSession s;
    QSignalSpy changed(&s, &ChatSession::peerChanged);
    QSignalSpy system(&s, &ChatSession::systemMessage);
    QVERIFY(s.setPeer(QStringLiteral("127.0.0.1"), 7000));
    QVERIFY(s.setPeer(QStringLiteral("127.0.0.1"), 7000));   // the same: nothing to say
    QVERIFY(s.setPeer(QStringLiteral("[::1]"), 7001));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).value<QHostAddress>(), QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(strings(system), (QStringList{QStringLiteral("Peer set to 127.0.0.1:7000"),
                                           QStringLiteral("Peer changed to [::1]:7001")}));
    s.clearPeer();
    QVERIFY(!s.hasPeer());
    QCOMPARE(changed.size(), 3);
    QCOMPARE(s.endpoint()->counters().txPackets, quint64(0));

    // A name from /etc/hosts (no DNS query leaves the machine): resolved asynchronously.
    QVERIFY(s.setPeer(QStringLiteral("localhost"), 7002));
    QVERIFY(s.isResolvingPeer());
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 4, WaitMs);
    QVERIFY(!s.isResolvingPeer());
    QVERIFY(s.peerAddress().isLoopback());
    QCOMPARE(s.peerPort(), quint16(7002));
}

void tst_chatsession::encodingChange()
{
    ChatSession s;
    QCOMPARE(s.encoding(), QStringLiteral("UTF-8"));
    QSignalSpy system(&s, &ChatSession::systemMessage);
    QVERIFY(!s.setEncoding(QStringLiteral("KLINGON")));
    QVERIFY(s.errorString().contains(QStringLiteral("KLINGON")));
    QCOMPARE(s.encoding(), QStringLiteral("UTF-8"));
    QVERIFY(s.setEncoding(QStringLiteral("utf8")));   // the same encoding: nothing to say
    QCOMPARE(system.size(), 0);
    for (const QString &e : NetPoke::TextCodec::encodings()) {
        if (e != QLatin1String("UTF-8"))
            QVERIFY(s.setEncoding(e));
    }
    QVERIFY(s.setEncoding(QStringLiteral("gbk")));
    QCOMPARE(s.encoding(), QStringLiteral("GBK"));
    QCOMPARE(system.size(), NetPoke::TextCodec::encodings().size());
    QCOMPARE(system.constLast().at(0).toString(), QStringLiteral("Encoding changed to GBK"));
}

void tst_chatsession::bindMessagesAndErrors()
{
    ChatSession s;
    QSignalSpy system(&s, &ChatSession::systemMessage);
    QSignalSpy bound(&s, &ChatSession::boundChanged);
    QVERIFY(!s.isBound());
    QVERIFY(s.bind(QHostAddress::LocalHost, 0));
    QVERIFY(s.isBound());
    QCOMPARE(s.localAddress(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(bound.size(), 1);
    QCOMPARE(strings(system), QStringList{QStringLiteral("Bound to 127.0.0.1:%1").arg(s.localPort())});

    ChatSession t;
    QVERIFY(!t.bind(QHostAddress::LocalHost, s.localPort()));
    QVERIFY2(t.errorString().contains(QString::number(s.localPort())), qPrintable(t.errorString()));
    QVERIFY(!t.isBound());

    s.close();
    QVERIFY(!s.isBound());
    QCOMPARE(bound.size(), 2);

    // Sending without bind binds a port the system chooses, and says so.
    QUdpSocket raw;
    QVERIFY(raw.bind(QHostAddress::LocalHost, 0));
    QVERIFY(t.setPeer(QStringLiteral("127.0.0.1"), raw.localPort()));
    QSignalSpy tSystem(&t, &ChatSession::systemMessage);
    QVERIFY2(t.sendMessage(QStringLiteral("auto")), qPrintable(t.errorString()));
    QVERIFY(t.isBound());
    QCOMPARE(tSystem.size(), 1);
    QVERIFY(tSystem.at(0).at(0).toString().startsWith(QStringLiteral("Bound to ")));
    Raw r;
    receiveRaw(raw, &r);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(r.port, t.localPort());
}

// ---- room ----------------------------------------------------------------------------------------

void tst_chatsession::roomArgumentErrors()
{
    ChatSession s;
    QVERIFY(!s.joinRoom(QHostAddress(QHostAddress::LocalHost), 0));
    QVERIFY2(s.errorString().contains(QStringLiteral("127.0.0.1")), qPrintable(s.errorString()));
    QVERIFY(!s.joinRoom(QHostAddress(QStringLiteral("239.255.43.21")), 0, QNetworkInterface(), 256));
    QVERIFY(!s.inRoom());
    QVERIFY(!s.isBound());
}

// A broadcast room turns SO_BROADCAST on; nothing is sent to it here.
void tst_chatsession::broadcastRoomNotSent()
{
    ChatSession s;
    QSignalSpy system(&s, &ChatSession::systemMessage);
    QVERIFY2(s.joinRoom(QHostAddress(QHostAddress::Broadcast), 0), qPrintable(s.errorString()));
    QVERIFY(s.inRoom());
    QCOMPARE(s.roomAddress(), QHostAddress(QHostAddress::Broadcast));
    QVERIFY(s.roomPort() != 0);
    QCOMPARE(s.localPort(), s.roomPort());
    QVERIFY(s.endpoint()->broadcastEnabled());
    QVERIFY2(strings(system).constLast().contains(QStringLiteral("255.255.255.255:%1").arg(s.roomPort())),
             qPrintable(strings(system).join(u'|')));
    s.leaveRoom();
    QVERIFY(!s.inRoom());
    QVERIFY(!s.endpoint()->broadcastEnabled());
    QVERIFY(strings(system).constLast().startsWith(QStringLiteral("Left the room")));
    QCOMPARE(s.endpoint()->counters().txPackets, quint64(0));
}

// Three sessions in one room over lo (TTL 0, interface pinned): everyone sees everyone else.
void tst_chatsession::room()
{
    const QNetworkInterface lo = QNetworkInterface::interfaceFromName(QStringLiteral("lo"));
    if (!lo.isValid())
        SKIP_OR_FAIL("no interface named lo");
    if (!(lo.flags() & QNetworkInterface::CanMulticast))
        SKIP_OR_FAIL("the loopback interface lo has no MULTICAST flag here (`ip link show lo`): multicast "
                     "cannot be kept on lo, so it is not tried (the ctest entry tst_chatsession_room runs "
                     "this in a private network namespace)");
    const QHostAddress group(QStringLiteral("239.255.43.21"));

    ChatSession a, b, c;
    ChatSession *sessions[] = {&a, &b, &c};
    const QStringList names{"A", "B", "C"};
    QSignalSpy aSystem(&a, &ChatSession::systemMessage);
    QVERIFY2(a.joinRoom(group, 0, lo, 0), qPrintable(a.errorString()));
    const quint16 port = a.roomPort();
    QVERIFY(port != 0);
    QVERIFY2(b.joinRoom(group, port, lo, 0), qPrintable(b.errorString()));
    QVERIFY2(c.joinRoom(group, port, lo, 0), qPrintable(c.errorString()));
    QCOMPARE(strings(aSystem).constLast(),
             QStringLiteral("Joined the room 239.255.43.21:%1 on lo, TTL 0").arg(port));
    for (ChatSession *s : sessions) {
        QVERIFY(s->inRoom());
        QCOMPARE(s->roomAddress(), group);
        QCOMPARE(s->localPort(), port);
        QCOMPARE(s->endpoint()->multicastTtl(), 0);   // read back from the socket before anything is sent
    }

    QSignalSpy aGot(&a, &ChatSession::messageReceived);
    QSignalSpy bGot(&b, &ChatSession::messageReceived);
    QSignalSpy cGot(&c, &ChatSession::messageReceived);
    QSignalSpy *spies[] = {&aGot, &bGot, &cGot};
    QVERIFY(a.setEncoding(QStringLiteral("GB2312")) && b.setEncoding(QStringLiteral("GB2312"))
            && c.setEncoding(QStringLiteral("GB2312")));
    for (int i = 0; i < 3; ++i) {
        QSignalSpy sent(sessions[i], &ChatSession::messageSent);
        QVERIFY2(sessions[i]->sendMessage(QStringLiteral(u"%1 说：大家好").arg(names.at(i))),
                 qPrintable(sessions[i]->errorString()));
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).at(0).value<ChatMessage>().address, group);
        QCOMPARE(sent.at(0).at(0).value<ChatMessage>().port, port);
    }
    for (int i = 0; i < 3; ++i) {
        // Everyone else's two messages, and not one's own (looped back, recognised).
        QTRY_COMPARE_WITH_TIMEOUT(spies[i]->size(), 2, WaitMs);
        QStringList expected;
        for (int j = 0; j < 3; ++j) {
            if (j != i)
                expected << QStringLiteral(u"%1 说：大家好").arg(names.at(j));
        }
        QCOMPARE(texts(*spies[i]), expected);
        for (const ChatMessage &m : messages(*spies[i])) {
            QVERIFY(!m.fromStranger);
            QCOMPARE(m.port, port);
            QVERIFY2(m.address.isLoopback(), qPrintable(m.address.toString()));
        }
    }
    QTest::qWait(200);
    for (QSignalSpy *spy : spies)
        QCOMPARE(spy->size(), 2);

    QSignalSpy bSystem(&b, &ChatSession::systemMessage);
    b.leaveRoom();
    QVERIFY(!b.inRoom());
    QCOMPARE(strings(bSystem), QStringList{QStringLiteral("Left the room 239.255.43.21:%1").arg(port)});
    QVERIFY(!b.sendMessage(QStringLiteral("after leaving")));
}

QTEST_GUILESS_MAIN(tst_chatsession)
#include "tst_chatsession.moc"
