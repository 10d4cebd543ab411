#include "hostport.h"

#include <QTest>

using NetPoke::HostPort;

class tst_hostport : public QObject
{
    Q_OBJECT

private slots:
    void validateHost_data();
    void validateHost();
    void parse_data();
    void parse();
    void parsePort_data();
    void parsePort();
    void displayAddress_data();
    void displayAddress();
    void displayEndpoint_data();
    void displayEndpoint();
};

void tst_hostport::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("requireHost");
    QTest::addColumn<bool>("allowZero");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("ipv4") << "127.0.0.1:9000" << true << false << true << "127.0.0.1" << 9000;
    QTest::newRow("ipv4 spaces") << "  127.0.0.1:9000 \n" << true << false << true << "127.0.0.1" << 9000;
    QTest::newRow("ipv6 brackets") << "[::1]:9000" << true << false << true << "::1" << 9000;
    QTest::newRow("ipv6 full") << "[2001:db8::1]:53" << true << false << true << "2001:db8::1" << 53;
    QTest::newRow("ipv6 scoped") << "[fe80::1%eth0]:5000" << true << false << true << "fe80::1%eth0" << 5000;
    QTest::newRow("ipv6 mapped") << "[::ffff:127.0.0.1]:7" << true << false << true << "::ffff:127.0.0.1" << 7;
    QTest::newRow("ipv6 no brackets") << "::1:9000" << true << false << false << "" << 0;
    QTest::newRow("ipv6 bare") << "::1" << false << false << false << "" << 0;
    QTest::newRow("ipv6 brackets no port") << "[::1]" << true << false << false << "" << 0;
    QTest::newRow("ipv6 brackets colon no port") << "[::1]:" << true << false << false << "" << 0;
    QTest::newRow("ipv6 brackets no colon") << "[::1]9000" << true << false << false << "" << 0;
    QTest::newRow("ipv6 unclosed") << "[::1:9000" << true << false << false << "" << 0;
    QTest::newRow("host colon") << "host:" << true << false << false << "" << 0;
    QTest::newRow("host colon, host optional") << "host:" << false << false << false << "" << 0;
    QTest::newRow("port too big") << "host:70000" << true << false << false << "" << 0;
    QTest::newRow("port 65536") << "host:65536" << true << false << false << "" << 0;
    QTest::newRow("port 65535") << "host:65535" << true << false << true << "host" << 65535;
    QTest::newRow("port 1") << "host:1" << true << false << true << "host" << 1;
    QTest::newRow("port negative") << "host:-1" << true << false << false << "" << 0;
    QTest::newRow("port letters") << "host:http" << true << false << false << "" << 0;
    QTest::newRow("port hex") << "host:0x50" << true << false << false << "" << 0;
    QTest::newRow("port fraction") << "host:80.5" << true << false << false << "" << 0;
    QTest::newRow("port only") << "9000" << false << false << true << "" << 9000;
    QTest::newRow("port only, host required") << "9000" << true << false << false << "" << 0;
    QTest::newRow("colon port, host required") << ":9000" << true << false << false << "" << 0;
    QTest::newRow("port zero allowed") << "127.0.0.1:0" << true << true << true << "127.0.0.1" << 0;
    QTest::newRow("port zero refused") << "127.0.0.1:0" << true << false << false << "" << 0;
    QTest::newRow("port-only zero allowed") << "0" << false << true << true << "" << 0;
    QTest::newRow("port-only zero refused") << "0" << false << false << false << "" << 0;
    QTest::newRow("name") << "localhost:8080" << true << false << true << "localhost" << 8080;
    QTest::newRow("dotted name") << "tftp.example.com:69" << true << false << true << "tftp.example.com" << 69;
    QTest::newRow("empty") << "" << false << true << false << "" << 0;
    QTest::newRow("blank") << "   " << true << true << false << "" << 0;
    QTest::newRow("two colons") << "a:b:c" << true << false << false << "" << 0;
}

void tst_hostport::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, requireHost);
    QFETCH(bool, allowZero);
    QFETCH(bool, ok);
    QFETCH(QString, host);
    QFETCH(int, port);

    const HostPort hp = HostPort::parse(text, requireHost, allowZero);
    QCOMPARE(hp.ok, ok);
    if (ok) {
        QCOMPARE(hp.host, host);
        QCOMPARE(int(hp.port), port);
        QVERIFY(hp.errorString.isEmpty());
    } else {
        // A failure always says why, on one line.
        QVERIFY(!hp.errorString.isEmpty());
        QVERIFY(!hp.errorString.contains(QLatin1Char('\n')));
    }
}

void tst_hostport::parsePort_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("allowZero");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("port");

    QTest::newRow("9000") << "9000" << false << true << 9000;
    QTest::newRow("spaces") << " 53 " << false << true << 53;
    QTest::newRow("65535") << "65535" << false << true << 65535;
    QTest::newRow("65536") << "65536" << true << false << 0;
    QTest::newRow("huge") << "99999999999999999999" << true << false << 0;
    QTest::newRow("zero allowed") << "0" << true << true << 0;
    QTest::newRow("zero refused") << "0" << false << false << 0;
    QTest::newRow("empty") << "" << true << false << 0;
    QTest::newRow("negative") << "-5" << true << false << 0;
    QTest::newRow("letters") << "abc" << true << false << 0;
    QTest::newRow("digits then letters") << "80x" << true << false << 0;
}

void tst_hostport::parsePort()
{
    QFETCH(QString, text);
    QFETCH(bool, allowZero);
    QFETCH(bool, ok);
    QFETCH(int, port);

    quint16 value = 4242;
    QString error;
    QCOMPARE(HostPort::parsePort(text, &value, &error, allowZero), ok);
    if (ok) {
        QCOMPARE(int(value), port);
        QVERIFY(error.isEmpty());
    } else {
        QCOMPARE(int(value), 4242);   // untouched on failure
        QVERIFY(!error.isEmpty());
    }
    // A null error pointer is allowed.
    QCOMPARE(HostPort::parsePort(text, &value, nullptr, allowZero), ok);
}

void tst_hostport::displayAddress_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<QString>("expected");

    QTest::newRow("ipv4") << QHostAddress(QStringLiteral("127.0.1.20")) << "127.0.1.20";
    QTest::newRow("mapped loopback") << QHostAddress(QStringLiteral("::ffff:127.0.0.1")) << "127.0.0.1";
    QTest::newRow("mapped ipv4") << QHostAddress(QStringLiteral("::ffff:127.0.0.7")) << "127.0.0.7";
    QTest::newRow("ipv6 loopback") << QHostAddress(QHostAddress::LocalHostIPv6) << "::1";
    QTest::newRow("ipv6 global") << QHostAddress(QStringLiteral("2001:db8::5")) << "2001:db8::5";
    QTest::newRow("ipv6 any") << QHostAddress(QHostAddress::AnyIPv6) << "::";
    QTest::newRow("ipv4 any") << QHostAddress(QHostAddress::AnyIPv4) << "0.0.0.0";
    QTest::newRow("ipv6 compatible") << QHostAddress(QStringLiteral("::1.2.3.4")) << "::1.2.3.4";
    // Qt writes the dual-stack any-address as 0.0.0.0; it takes IPv6 too, so it is shown as ::.
    QTest::newRow("dual-stack any") << QHostAddress(QHostAddress::Any) << "::";
}

void tst_hostport::displayAddress()
{
    QFETCH(QHostAddress, address);
    QFETCH(QString, expected);
    QCOMPARE(NetPoke::displayAddress(address), expected);
}

void tst_hostport::displayEndpoint_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("expected");

    QTest::newRow("ipv4") << QHostAddress(QStringLiteral("127.0.0.1")) << 9000 << "127.0.0.1:9000";
    QTest::newRow("mapped") << QHostAddress(QStringLiteral("::ffff:127.0.0.1")) << 9000 << "127.0.0.1:9000";
    QTest::newRow("ipv6") << QHostAddress(QHostAddress::LocalHostIPv6) << 5 << "[::1]:5";
    QTest::newRow("ipv6 any") << QHostAddress(QHostAddress::AnyIPv6) << 0 << "[::]:0";
    QTest::newRow("ipv6 port max") << QHostAddress(QStringLiteral("2001:db8::1")) << 65535 << "[2001:db8::1]:65535";
}

void tst_hostport::displayEndpoint()
{
    QFETCH(QHostAddress, address);
    QFETCH(int, port);
    QFETCH(QString, expected);
    QCOMPARE(NetPoke::displayEndpoint(address, quint16(port)), expected);
}

void tst_hostport::validateHost_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("ipv4") << "127.0.0.1" << true << "";
    QTest::newRow("ipv6") << "::1" << true << "";
    QTest::newRow("ipv6-brackets") << "[::1]" << true << "";
    QTest::newRow("name") << "localhost" << true << "";
    QTest::newRow("fqdn") << "tftp.example-school.edu.cn" << true << "";
    QTest::newRow("empty") << "  " << false << "Enter";
    QTest::newRow("octet-too-big") << "300.1.1.1" << false << "IPv4";
    QTest::newRow("three-octets") << "127.0.1" << false << "IPv4";
    QTest::newRow("bad-ipv6") << "fe80::1::2" << false << "IPv6";
    QTest::newRow("space") << "my host" << false << "\" \"";
    QTest::newRow("bang") << "host!" << false << "!";
    QTest::newRow("double-dot") << "a..b" << false << "a..b";
}

void tst_hostport::validateHost()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, mentions);
    QString error;
    QCOMPARE(HostPort::validateHost(text, &error), ok);
    if (!ok)
        QVERIFY2(error.contains(mentions), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_hostport)
#include "tst_hostport.moc"
