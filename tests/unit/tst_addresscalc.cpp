#include "addresscalc.h"

#include <QTest>

using NetPoke::AddressCalc;

class tst_addresscalc : public QObject
{
    Q_OBJECT

private slots:
    void ipv4_data();
    void ipv4();
    void refused_data();
    void refused();
    void classes_data();
    void classes();
    void kinds_data();
    void kinds();
    void ipv6();
    void netmaskPrefix_data();
    void netmaskPrefix();
};

void tst_addresscalc::ipv4_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("netmask");
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("broadcast");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<quint64>("hosts");

    QTest::newRow("/8") << "10.20.30.40" << "8" << 8 << "255.0.0.0" << "10.0.0.0" << "10.255.255.255"
                        << "10.0.0.1" << "10.255.255.254" << quint64(16777214);
    QTest::newRow("/16") << "172.16.5.4" << "/16" << 16 << "255.255.0.0" << "172.16.0.0" << "172.16.255.255"
                         << "172.16.0.1" << "172.16.255.254" << quint64(65534);
    QTest::newRow("/24 (the lesson)") << "192.168.1.10" << "24" << 24 << "255.255.255.0" << "192.168.1.0"
                                      << "192.168.1.255" << "192.168.1.1" << "192.168.1.254" << quint64(254);
    QTest::newRow("/24 as netmask") << "192.168.1.10" << "255.255.255.0" << 24 << "255.255.255.0"
                                    << "192.168.1.0" << "192.168.1.255" << "192.168.1.1" << "192.168.1.254"
                                    << quint64(254);
    QTest::newRow("/24 in the address") << "192.168.1.10/24" << "" << 24 << "255.255.255.0" << "192.168.1.0"
                                        << "192.168.1.255" << "192.168.1.1" << "192.168.1.254" << quint64(254);
    QTest::newRow("mask in the address") << "192.168.1.10 255.255.255.0" << "" << 24 << "255.255.255.0"
                                         << "192.168.1.0" << "192.168.1.255" << "192.168.1.1"
                                         << "192.168.1.254" << quint64(254);
    QTest::newRow("/30") << "192.168.1.6" << "30" << 30 << "255.255.255.252" << "192.168.1.4" << "192.168.1.7"
                         << "192.168.1.5" << "192.168.1.6" << quint64(2);
    QTest::newRow("/31 (RFC 3021)") << "192.168.1.7" << "31" << 31 << "255.255.255.254" << "192.168.1.6" << ""
                                    << "192.168.1.6" << "192.168.1.7" << quint64(2);
    QTest::newRow("/32") << "192.168.1.7" << "32" << 32 << "255.255.255.255" << "192.168.1.7" << ""
                         << "192.168.1.7" << "192.168.1.7" << quint64(1);
    QTest::newRow("/0") << "1.2.3.4" << "0" << 0 << "0.0.0.0" << "0.0.0.0" << "255.255.255.255" << "0.0.0.1"
                        << "255.255.255.254" << quint64(4294967294ULL);
    QTest::newRow("class A default") << "10.1.2.3" << "" << 8 << "255.0.0.0" << "10.0.0.0" << "10.255.255.255"
                                     << "10.0.0.1" << "10.255.255.254" << quint64(16777214);
    QTest::newRow("class B default") << "128.0.0.1" << "" << 16 << "255.255.0.0" << "128.0.0.0"
                                     << "128.0.255.255" << "128.0.0.1" << "128.0.255.254" << quint64(65534);
    QTest::newRow("class C default") << "223.255.255.1" << "" << 24 << "255.255.255.0" << "223.255.255.0"
                                     << "223.255.255.255" << "223.255.255.1" << "223.255.255.254" << quint64(254);
    QTest::newRow("loopback") << "127.0.0.1" << "" << 8 << "255.0.0.0" << "127.0.0.0" << "127.255.255.255"
                              << "127.0.0.1" << "127.255.255.254" << quint64(16777214);
}

void tst_addresscalc::ipv4()
{
    QFETCH(QString, address);
    QFETCH(QString, prefix);
    QString error;
    const auto r = AddressCalc::calculate(address, prefix, &error);
    QVERIFY2(r, qPrintable(error));
    QVERIFY(error.isEmpty());
    QTEST(r->prefixLength, "length");
    QTEST(r->netmask.toString(), "netmask");
    QTEST(r->network.toString(), "network");
    QTEST(r->broadcast.isNull() ? QString() : r->broadcast.toString(), "broadcast");
    QTEST(r->firstHost.toString(), "first");
    QTEST(r->lastHost.toString(), "last");
    QTEST(r->usableHosts, "hosts");
    QCOMPARE(r->prefixFromClass, prefix.isEmpty() && !address.contains(QLatin1Char('/'))
                                     && !address.contains(QLatin1Char(' ')));
}

void tst_addresscalc::refused_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty") << "" << "" << "Enter";
    QTest::newRow("octet > 255") << "300.1.1.1" << "24" << "larger than 255";
    QTest::newRow("short form") << "10.1" << "" << "four numbers";
    QTest::newRow("five parts") << "1.2.3.4.5" << "" << "four numbers";
    QTest::newRow("letters") << "1.2.x.4" << "" << "not a number";
    QTest::newRow("sign") << "1.2.+3.4" << "" << "not a number";
    QTest::newRow("leading zero") << "10.010.0.1" << "" << "leading zero";
    QTest::newRow("/33") << "10.0.0.1" << "33" << "0 to 32";
    QTest::newRow("negative") << "10.0.0.1" << "-1" << "0 to 32";
    QTest::newRow("non-contiguous mask") << "10.0.0.1" << "255.0.255.0" << "not a netmask";
    QTest::newRow("mask > 255") << "10.0.0.1" << "255.256.0.0" << "not a netmask";
    QTest::newRow("class D without prefix") << "224.0.0.1" << "" << "class D";
    QTest::newRow("class E without prefix") << "240.0.0.1" << "" << "class E";
    QTest::newRow("prefix twice") << "10.0.0.1/8" << "16" << "twice";
    QTest::newRow("IPv6 without prefix") << "2001:db8::1" << "" << "0 to 128";
    QTest::newRow("IPv6 /129") << "2001:db8::1" << "129" << "0 to 128";
    QTest::newRow("bad IPv6") << "2001:db8:::1" << "64" << "not an IPv6";
    QTest::newRow("a name") << "localhost" << "24" << "four numbers";
}

void tst_addresscalc::refused()
{
    QFETCH(QString, address);
    QFETCH(QString, prefix);
    QFETCH(QString, says);
    QString error;
    QVERIFY(!AddressCalc::calculate(address, prefix, &error));
    QVERIFY2(error.contains(says), qPrintable(error));
}

void tst_addresscalc::classes_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QChar>("cls");
    QTest::addColumn<int>("prefix");
    QTest::newRow("0.0.0.0") << "0.0.0.0" << QChar('A') << 8;
    QTest::newRow("127.255.255.255") << "127.255.255.255" << QChar('A') << 8;
    QTest::newRow("128.0.0.0") << "128.0.0.0" << QChar('B') << 16;
    QTest::newRow("191.255.255.255") << "191.255.255.255" << QChar('B') << 16;
    QTest::newRow("192.0.0.0") << "192.0.0.0" << QChar('C') << 24;
    QTest::newRow("223.255.255.255") << "223.255.255.255" << QChar('C') << 24;
    QTest::newRow("224.0.0.0") << "224.0.0.0" << QChar('D') << -1;
    QTest::newRow("239.255.255.255") << "239.255.255.255" << QChar('D') << -1;
    QTest::newRow("240.0.0.0") << "240.0.0.0" << QChar('E') << -1;
    QTest::newRow("255.255.255.255") << "255.255.255.255" << QChar('E') << -1;
}

void tst_addresscalc::classes()
{
    QFETCH(QString, address);
    QFETCH(QChar, cls);
    QFETCH(int, prefix);
    const QChar c = AddressCalc::classOf(QHostAddress(address).toIPv4Address());
    QCOMPARE(c, cls);
    QCOMPARE(AddressCalc::classPrefix(c), prefix);
    const auto r = AddressCalc::calculate(address, QStringLiteral("24"));
    QVERIFY(r);
    QCOMPARE(r->addressClass, cls);
}

void tst_addresscalc::kinds_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("kind");
    using K = AddressCalc::Kind;
    QTest::newRow("10/8") << "10.0.0.1" << int(K::Private);
    QTest::newRow("172.16/12 first") << "172.16.0.1" << int(K::Private);
    QTest::newRow("172.31 last") << "172.31.255.254" << int(K::Private);
    QTest::newRow("172.32 outside") << "172.32.0.1" << int(K::Public);
    QTest::newRow("192.168/16") << "192.168.0.1" << int(K::Private);
    QTest::newRow("127/8") << "127.1.2.3" << int(K::Loopback);
    QTest::newRow("169.254") << "169.254.1.1" << int(K::LinkLocal);
    QTest::newRow("multicast") << "239.1.2.3" << int(K::Multicast);
    QTest::newRow("reserved") << "240.0.0.1" << int(K::Reserved);
    QTest::newRow("limited broadcast") << "255.255.255.255" << int(K::LimitedBroadcast);
    QTest::newRow("this network") << "0.1.2.3" << int(K::Unspecified);
    QTest::newRow("CGN") << "100.64.0.1" << int(K::SharedAddress);
    QTest::newRow("TEST-NET-1") << "192.0.2.1" << int(K::Documentation);
    QTest::newRow("public") << "8.8.8.8" << int(K::Public);
    QTest::newRow("::1") << "::1" << int(K::Loopback);
    QTest::newRow("::") << "::" << int(K::Unspecified);
    QTest::newRow("fe80::1") << "fe80::1" << int(K::LinkLocal);
    QTest::newRow("fd00::1") << "fd00::1" << int(K::Private);
    QTest::newRow("ff02::1") << "ff02::1" << int(K::Multicast);
    QTest::newRow("2001:db8::1") << "2001:db8::1" << int(K::Documentation);
    QTest::newRow("2a00::1") << "2a00::1" << int(K::Public);
}

void tst_addresscalc::kinds()
{
    QFETCH(QString, address);
    QFETCH(int, kind);
    QCOMPARE(int(AddressCalc::kindOf(QHostAddress(address))), kind);
    QVERIFY(!AddressCalc::kindText(AddressCalc::Kind(kind)).isEmpty());
}

void tst_addresscalc::ipv6()
{
    QString error;
    auto r = AddressCalc::calculate(QStringLiteral("2001:db8:1:2:3:4:5:6/64"), {}, &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->network.toString(), QStringLiteral("2001:db8:1:2::"));
    QCOMPARE(r->lastHost.toString(), QStringLiteral("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    QCOMPARE(r->addressCount, QStringLiteral("18446744073709551616"));
    QVERIFY(r->addressClass.isNull());
    QVERIFY(r->broadcast.isNull());

    r = AddressCalc::calculate(QStringLiteral("::1"), QStringLiteral("128"));
    QVERIFY(r);
    QCOMPARE(r->addressCount, QStringLiteral("1"));
    QCOMPARE(r->usableHosts, quint64(1));
    QCOMPARE(r->kind, AddressCalc::Kind::Loopback);

    r = AddressCalc::calculate(QStringLiteral("2001:db8::1"), QStringLiteral("0"));
    QVERIFY(r);
    QCOMPARE(r->addressCount, QStringLiteral("340282366920938463463374607431768211456"));
    QCOMPARE(r->network.toString(), QStringLiteral("::"));

    r = AddressCalc::calculate(QStringLiteral("fe80::1:2"), QStringLiteral("/127"));
    QVERIFY(r);
    QCOMPARE(r->network.toString(), QStringLiteral("fe80::1:2"));
    QCOMPARE(r->lastHost.toString(), QStringLiteral("fe80::1:3"));
    QCOMPARE(r->addressCount, QStringLiteral("2"));
}

void tst_addresscalc::netmaskPrefix_data()
{
    QTest::addColumn<QString>("mask");
    QTest::addColumn<int>("prefix");
    QTest::newRow("0") << "0.0.0.0" << 0;
    QTest::newRow("8") << "255.0.0.0" << 8;
    QTest::newRow("17") << "255.255.128.0" << 17;
    QTest::newRow("30") << "255.255.255.252" << 30;
    QTest::newRow("32") << "255.255.255.255" << 32;
    QTest::newRow("holes") << "255.255.0.255" << -1;
    QTest::newRow("inverse") << "0.0.0.255" << -1;
    QTest::newRow("junk") << "mask" << -1;
}

void tst_addresscalc::netmaskPrefix()
{
    QFETCH(QString, mask);
    QTEST(AddressCalc::prefixOfNetmask(mask), "prefix");
}

QTEST_GUILESS_MAIN(tst_addresscalc)
#include "tst_addresscalc.moc"
