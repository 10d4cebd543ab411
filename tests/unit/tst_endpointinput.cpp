#include "net/endpointinput.h"

#include <QTest>

using NetPoke::Net::EndpointInput;

// Only loopback literals and strings the validator must refuse before any lookup.
class tst_endpointinput : public QObject
{
    Q_OBJECT

private slots:
    void fromParts_data();
    void fromParts();
    void fromPortText_data();
    void fromPortText();
    void parse_data();
    void parse();
    void parseAddress_data();
    void parseAddress();
    void preferredAddress();
};

void tst_endpointinput::fromParts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("use");
    QTest::addColumn<int>("problem");
    QTest::addColumn<QString>("address");   // expected literal, empty for none
    QTest::addColumn<QString>("mentions");
    const int dst = EndpointInput::Destination, bind = EndpointInput::Bind, group = EndpointInput::Group;
    const int none = EndpointInput::NoProblem, host = EndpointInput::HostProblem, port = EndpointInput::PortProblem;
    QTest::newRow("ipv4") << "127.0.0.1" << 9 << dst << none << "127.0.0.1" << "";
    QTest::newRow("ipv6 brackets") << " [::1] " << 9 << dst << none << "::1" << "";
    QTest::newRow("name") << "localhost" << 9 << dst << none << "" << "";
    QTest::newRow("empty destination") << "" << 9 << dst << host << "" << "Enter";
    QTest::newRow("short ipv4") << "127.0.1" << 9 << dst << host << "" << "127.0.1";
    QTest::newRow("short loopback") << "127.1" << 9 << dst << host << "" << "127.1";
    QTest::newRow("octet too big") << "300.1.1.1" << 9 << dst << host << "" << "300.1.1.1";
    QTest::newRow("empty label") << "no-such-host..invalid" << 9 << dst << host << "" << "no-such-host..invalid";
    QTest::newRow("port 0 destination") << "127.0.0.1" << 0 << dst << port << "" << "Port 0";
    QTest::newRow("bad host before port") << "127.1" << 0 << dst << host << "" << "127.1";
    QTest::newRow("port 0 bind") << "127.0.0.1" << 0 << bind << none << "127.0.0.1" << "";
    QTest::newRow("bind no host") << "" << 0 << bind << none << "" << "";
    QTest::newRow("port 0 group") << "::1" << 0 << group << none << "::1" << "";
    QTest::newRow("group no host") << "" << 0 << group << host << "" << "Enter";
}

void tst_endpointinput::fromParts()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(int, use);
    QFETCH(int, problem);
    QFETCH(QString, address);
    QFETCH(QString, mentions);
    const EndpointInput in = EndpointInput::fromParts(host, quint16(port), EndpointInput::Use(use));
    QCOMPARE(int(in.problem), problem);
    QCOMPARE(in.ok(), problem == EndpointInput::NoProblem);
    if (in.ok()) {
        QCOMPARE(in.address, address.isEmpty() ? QHostAddress() : QHostAddress(address));
        QCOMPARE(in.isName(), address.isEmpty() && !in.host.isEmpty());
        QCOMPARE(in.port, quint16(port));
        QVERIFY(in.errorString.isEmpty());
    } else {
        QVERIFY(!in.isName());
        QVERIFY2(in.errorString.contains(mentions), qPrintable(in.errorString));
    }
}

void tst_endpointinput::fromPortText_data()
{
    QTest::addColumn<QString>("port");
    QTest::addColumn<int>("use");
    QTest::addColumn<int>("problem");
    QTest::addColumn<int>("value");
    QTest::newRow("ok") << " 9000 " << int(EndpointInput::Destination) << int(EndpointInput::NoProblem) << 9000;
    QTest::newRow("too big") << "70000" << int(EndpointInput::Destination) << int(EndpointInput::PortProblem) << 0;
    QTest::newRow("letters") << "http" << int(EndpointInput::Destination) << int(EndpointInput::PortProblem) << 0;
    QTest::newRow("empty") << "" << int(EndpointInput::Destination) << int(EndpointInput::PortProblem) << 0;
    QTest::newRow("zero destination") << "0" << int(EndpointInput::Destination) << int(EndpointInput::PortProblem) << 0;
    QTest::newRow("zero bind") << "0" << int(EndpointInput::Bind) << int(EndpointInput::NoProblem) << 0;
}

void tst_endpointinput::fromPortText()
{
    QFETCH(QString, port);
    QFETCH(int, use);
    QFETCH(int, problem);
    QFETCH(int, value);
    const EndpointInput in = EndpointInput::fromParts(QStringLiteral("127.0.0.1"), port, EndpointInput::Use(use));
    QCOMPARE(int(in.problem), problem);
    QCOMPARE(in.port, quint16(value));
    if (!in.ok())
        QVERIFY(!in.errorString.isEmpty());
    // A bad host is reported first, whatever the port.
    const EndpointInput both = EndpointInput::fromParts(QStringLiteral("127.1"), port, EndpointInput::Use(use));
    QCOMPARE(both.problem, EndpointInput::HostProblem);
}

void tst_endpointinput::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("use");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    const int dst = EndpointInput::Destination, bind = EndpointInput::Bind, group = EndpointInput::Group;
    QTest::newRow("ipv4") << "127.0.0.1:9" << dst << true << "127.0.0.1" << "127.0.0.1" << 9;
    QTest::newRow("ipv6") << "[::1]:9" << dst << true << "::1" << "::1" << 9;
    QTest::newRow("name") << "localhost:9" << dst << true << "localhost" << "" << 9;
    // A host that is neither an address nor a possible name is refused here, as fromParts() refuses it.
    QTest::newRow("short ipv4") << "127.0.1:9" << dst << false << "" << "" << 0;
    QTest::newRow("bad octet") << "127.0.0.256:9" << dst << false << "" << "" << 0;
    QTest::newRow("bad name") << "local host:9" << dst << false << "" << "" << 0;
    QTest::newRow("port 0 destination") << "127.0.0.1:0" << dst << false << "" << "" << 0;
    QTest::newRow("no host destination") << "9" << dst << false << "" << "" << 0;
    QTest::newRow("port only bind") << "0" << bind << true << "" << "" << 0;
    QTest::newRow("bind ipv6") << "[::1]:0" << bind << true << "::1" << "::1" << 0;
    QTest::newRow("bind short") << "127.1:0" << bind << false << "" << "" << 0;
    QTest::newRow("group port 0") << "127.0.0.1:0" << group << true << "127.0.0.1" << "127.0.0.1" << 0;
    QTest::newRow("group no host") << "9" << group << false << "" << "" << 0;
    QTest::newRow("ipv6 no brackets") << "::1:9" << dst << false << "" << "" << 0;
}

void tst_endpointinput::parse()
{
    QFETCH(QString, text);
    QFETCH(int, use);
    QFETCH(bool, ok);
    QFETCH(QString, host);
    QFETCH(QString, address);
    QFETCH(int, port);
    const EndpointInput in = EndpointInput::parse(text, EndpointInput::Use(use));
    QCOMPARE(in.ok(), ok);
    if (!ok) {
        QVERIFY(in.problem != EndpointInput::NoProblem);
        QVERIFY(!in.errorString.isEmpty());
        // The same host given apart is refused the same way.
        const EndpointInput apart = EndpointInput::fromParts(NetPoke::Net::withoutBrackets(text.section(QLatin1Char(':'), 0, 0)),
                                                             quint16(9), EndpointInput::Use(use));
        if (in.problem == EndpointInput::HostProblem)
            QCOMPARE(apart.errorString, in.errorString);
        return;
    }
    QCOMPARE(in.host, host);
    QCOMPARE(in.address, address.isEmpty() ? QHostAddress() : QHostAddress(address));
    QCOMPARE(in.port, quint16(port));
    QCOMPARE(in.isName(), !host.isEmpty() && address.isEmpty());
    // A name that parse() accepts, fromParts() accepts too.
    if (in.isName())
        QVERIFY(EndpointInput::fromParts(in.host, in.port, EndpointInput::Use(use)).ok());
}

void tst_endpointinput::parseAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("address");
    QTest::newRow("ipv4") << " 127.0.0.1 " << "127.0.0.1";
    QTest::newRow("ipv6") << "::1" << "::1";
    QTest::newRow("ipv6 brackets") << "[::1]" << "::1";
    QTest::newRow("mapped") << "::ffff:127.0.0.1" << "::ffff:127.0.0.1";
    QTest::newRow("short") << "127.1" << "";
    QTest::newRow("three octets") << "127.0.1" << "";
    QTest::newRow("one number") << "2130706433" << "";
    QTest::newRow("name") << "localhost" << "";
    QTest::newRow("empty") << "" << "";
}

void tst_endpointinput::parseAddress()
{
    QFETCH(QString, text);
    QFETCH(QString, address);
    QCOMPARE(NetPoke::Net::parseAddress(text), address.isEmpty() ? QHostAddress() : QHostAddress(address));
}

void tst_endpointinput::preferredAddress()
{
    using NetPoke::Net::preferredAddress;
    const QHostAddress v4(QHostAddress::LocalHost), v6(QHostAddress::LocalHostIPv6);
    const QList<QHostAddress> answers{v6, v4};
    QCOMPARE(preferredAddress(answers, QHostAddress()), v6);                             // not bound
    QCOMPARE(preferredAddress(answers, QHostAddress(QHostAddress::Any)), v6);            // dual-stack
    QCOMPARE(preferredAddress(answers, QHostAddress(QHostAddress::AnyIPv4)), v4);        // IPv4 only
    QCOMPARE(preferredAddress(answers, QHostAddress(QHostAddress::LocalHostIPv6)), v6);  // IPv6 only
    QCOMPARE(preferredAddress({v4}, QHostAddress(QHostAddress::AnyIPv6)), v4);           // none of its family
    QVERIFY(preferredAddress({}, QHostAddress()).isNull());
}

QTEST_GUILESS_MAIN(tst_endpointinput)
#include "tst_endpointinput.moc"
