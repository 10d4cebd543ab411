// The server's request parser on its own: the frame rules (NULs, name length, modes, opcodes) and what each
// refusal is answered with, the lenient options (bad values kept for negotiateAsServer to ignore, padding,
// a value cut at the end), and negotiateAsServer() on what it returns.

#include "tftp/tftpoptions.h"
#include "tftp/tftprequest.h"

#include <QTest>

using namespace NetPoke::Tftp;

Q_DECLARE_METATYPE(NetPoke::Tftp::Request::Problem)

namespace {

QByteArray bytes(const char *s, int n)
{
    return QByteArray(s, n);
}

QByteArray rrq(const QByteArray &name, const QByteArray &mode, const QList<QByteArray> &options = {})
{
    QByteArray b("\0\1", 2);
    b += name + '\0' + mode + '\0';
    for (const QByteArray &o : options)
        b += o + '\0';
    return b;
}

} // namespace

class tst_tftprequest : public QObject
{
    Q_OBJECT

private slots:
    void valid();
    void problems_data();
    void problems();
    void repliesEchoNothing();
    void lenientOptions();
    void negotiation_data();
    void negotiation();
};

void tst_tftprequest::valid()
{
    const Request r = parseRequest(rrq("boot/pxelinux.0", "OcTeT", {"BLKSIZE", "1468", "tsize", "0"}));
    QVERIFY(r.ok());
    QCOMPARE(r.opcode, Opcode::Rrq);
    QVERIFY(!r.isWrite());
    QCOMPARE(r.fileName, QByteArray("boot/pxelinux.0"));
    QCOMPARE(r.mode, QByteArray("octet"));
    QCOMPARE(r.options.size(), 2);
    QCOMPARE(r.options.at(0).name, QByteArray("blksize"));
    QCOMPARE(r.options.at(0).value, QByteArray("1468"));

    QByteArray w = rrq("up.txt", "netascii");
    w[1] = 2;
    const Request u = parseRequest(w);
    QVERIFY(u.ok());
    QVERIFY(u.isWrite());
    QVERIFY(u.netascii());
    QVERIFY(u.options.isEmpty());

    // The longest name allowed.
    QVERIFY(parseRequest(rrq(QByteArray(MaxFileNameBytes, 'a'), "octet")).ok());
}

void tst_tftprequest::problems_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<Request::Problem>("problem");
    QTest::newRow("empty") << QByteArray() << Request::Silent;
    QTest::newRow("one byte") << bytes("\0", 1) << Request::Silent;
    QTest::newRow("ERROR is never answered") << bytes("\0\5\0\1x\0", 6) << Request::Silent;
    QTest::newRow("DATA") << bytes("\0\3\0\1abc", 7) << Request::NotARequest;
    QTest::newRow("ACK") << bytes("\0\4\0\1", 4) << Request::NotARequest;
    QTest::newRow("OACK") << bytes("\0\6blksize\0" "512\0", 14) << Request::NotARequest;
    QTest::newRow("opcode 0") << bytes("\0\0x\0octet\0", 10) << Request::UnknownOpcode;
    QTest::newRow("opcode 9") << bytes("\0\x09x\0octet\0", 10) << Request::UnknownOpcode;
    QTest::newRow("opcode 0x0101") << bytes("\1\1x\0octet\0", 10) << Request::UnknownOpcode;
    QTest::newRow("opcode only") << bytes("\0\1", 2) << Request::Truncated;
    QTest::newRow("name without NUL") << bytes("\0\1file", 6) << Request::Truncated;
    QTest::newRow("mode without NUL") << bytes("\0\1file\0octet", 12) << Request::Truncated;
    QTest::newRow("no mode") << bytes("\0\1file\0", 7) << Request::Truncated;
    QTest::newRow("empty name") << bytes("\0\1\0octet\0", 9) << Request::EmptyFileName;
    QTest::newRow("name of 256 bytes") << rrq(QByteArray(256, 'a'), "octet") << Request::FileNameTooLong;
    QTest::newRow("300 bytes without NUL") << QByteArray(QByteArray("\0\1", 2) + QByteArray(300, 'a')) << Request::FileNameTooLong;
    QTest::newRow("unknown mode") << rrq("f", "binary") << Request::UnknownMode;
    QTest::newRow("empty mode") << rrq("f", "") << Request::UnknownMode;
    QTest::newRow("mode with NUL inside") << bytes("\0\1f\0oct\0et\0", 11) << Request::UnknownMode;
    QTest::newRow("mail") << rrq("f", "MAIL") << Request::MailMode;
}

void tst_tftprequest::problems()
{
    QFETCH(QByteArray, datagram);
    QFETCH(Request::Problem, problem);
    const Request r = parseRequest(datagram);
    QCOMPARE(r.problem, problem);
    QVERIFY(!r.ok());
    QVERIFY(!Request::problemText(problem).isEmpty());
    quint16 code = 99;
    QByteArray message;
    QCOMPARE(Request::reply(problem, &code, &message), problem != Request::Silent);
    if (problem != Request::Silent) {
        QCOMPARE(code, quint16(ErrIllegalOperation));
        QVERIFY(!message.isEmpty());
    }
}

// The ERROR text is fixed: a hostile name or mode never comes back to the sender.
void tst_tftprequest::repliesEchoNothing()
{
    const QByteArray evil = "%s%n%x\x1b[2J";
    const Request r = parseRequest(rrq(evil, evil));
    QCOMPARE(r.problem, Request::UnknownMode);
    quint16 code = 0;
    QByteArray message;
    QVERIFY(Request::reply(r.problem, &code, &message));
    QVERIFY(!message.contains("%"));
    QVERIFY(!message.contains('\x1b'));
}

void tst_tftprequest::lenientOptions()
{
    // A bad value is kept (negotiateAsServer ignores it): parse() would refuse the whole request.
    QByteArray d = rrq("f", "octet", {"blksize", "abc", "tsize", "0", "windowsize", "-1"});
    QVERIFY(!parse(d).ok());
    Request r = parseRequest(d);
    QVERIFY(r.ok());
    QCOMPARE(r.options.size(), 3);
    QCOMPARE(r.options.at(0).value, QByteArray("abc"));
    QCOMPARE(r.options.at(2).value, QByteArray("-1"));

    // NUL padding after the options ends them.
    r = parseRequest(QByteArray(rrq("f", "octet", {"tsize", "0"}) + QByteArray(20, '\0')));
    QVERIFY(r.ok());
    QCOMPARE(r.options.size(), 1);

    // A value cut off at the end: the option is dropped, the request stands.
    r = parseRequest(QByteArray(rrq("f", "octet", {"tsize", "0"}) + bytes("blksize\0" "14", 10)));
    QVERIFY(r.ok());
    QCOMPARE(r.options.size(), 1);
    r = parseRequest(QByteArray(rrq("f", "octet") + QByteArray("blks")));
    QVERIFY(r.ok());
    QVERIFY(r.options.isEmpty());

    // At most MaxRequestOptions are read.
    QList<QByteArray> many;
    for (int i = 0; i < 100; ++i)
        many << "x" + QByteArray::number(i) << "1";
    r = parseRequest(rrq("f", "octet", many));
    QVERIFY(r.ok());
    QCOMPARE(r.options.size(), MaxRequestOptions);
}

void tst_tftprequest::negotiation_data()
{
    QTest::addColumn<QList<QByteArray>>("options");
    QTest::addColumn<QByteArray>("oack");   // name=value pairs, space separated, as answered

    QTest::newRow("blksize 7 ignored") << QList<QByteArray>{"blksize", "7"} << QByteArray();
    QTest::newRow("blksize 8") << QList<QByteArray>{"blksize", "8"} << QByteArray("blksize=8");
    QTest::newRow("blksize unparsable") << QList<QByteArray>{"blksize", "1k"} << QByteArray();
    QTest::newRow("blksize 70000 answered 65464") << QList<QByteArray>{"blksize", "70000"} << QByteArray("blksize=65464");
    QTest::newRow("windowsize 0 ignored") << QList<QByteArray>{"windowsize", "0"} << QByteArray();
    QTest::newRow("windowsize -3 ignored") << QList<QByteArray>{"windowsize", "-3"} << QByteArray();
    QTest::newRow("windowsize 70000 clamped") << QList<QByteArray>{"windowsize", "70000"} << QByteArray("windowsize=65535");
    QTest::newRow("unknown left out") << QList<QByteArray>{"x-color", "blue", "tsize", "0"} << QByteArray("tsize=1234");
    QTest::newRow("timeout 0 ignored") << QList<QByteArray>{"timeout", "0"} << QByteArray();
    QTest::newRow("timeout 256 ignored") << QList<QByteArray>{"timeout", "256"} << QByteArray();
    QTest::newRow("timeout 3 echoed") << QList<QByteArray>{"timeout", "3"} << QByteArray("timeout=3");
    QTest::newRow("duplicate: first kept") << QList<QByteArray>{"blksize", "1024", "BLKSIZE", "2048"}
                                           << QByteArray("blksize=1024");
}

void tst_tftprequest::negotiation()
{
    QFETCH(QList<QByteArray>, options);
    QFETCH(QByteArray, oack);
    const Request r = parseRequest(rrq("f", "octet", options));
    QVERIFY(r.ok());
    const ServerAnswer a = negotiateAsServer(r.options, false, 1234);
    QByteArrayList got;
    for (const Option &o : a.oack)
        got << o.name + '=' + o.value;
    QCOMPARE(got.join(' '), oack);
}

QTEST_APPLESS_MAIN(tst_tftprequest)
#include "tst_tftprequest.moc"
