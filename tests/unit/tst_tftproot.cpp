// Tftp::Root on a real tree in a temporary folder: how a requested name becomes a file (leading '/', "..",
// "." and empty components), containment by path component (a sibling folder whose name starts with the
// root's is outside), links inside and leading out, folders, FIFOs and devices refused without being
// opened, and the upload rules (existing folder only, no links, new names unless overwrite).

#include "tftp/tftproot.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using NetPoke::Tftp::Root;

Q_DECLARE_METATYPE(NetPoke::Tftp::Root::Refusal)

class tst_tftproot : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void split_data();
    void split();
    void openErrors();
    void read_data();
    void read();
    void readsTheFileItChecked();
    void write_data();
    void write();
    void wire();

private:
    bool makeFile(const QString &path, const QByteArray &data);

    QTemporaryDir m_base;
    QString m_rootPath;
    Root m_root;
};

bool tst_tftproot::makeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// base/root           the root
//   file.txt, sub/inner.bin, sub/deeper/x, empty
//   link-in -> file.txt, link-sub -> sub (links inside the root)
//   link-out -> base/outside/canary, link-outdir -> base/outside, link-abs -> /
//   link-sibling -> base/root-private/secret (its path starts with base/root)
//   dangling -> base/nothing, loop -> loop
//   fifo, dev (a character device, when run as root)
// base/root-private/secret, base/outside/canary
void tst_tftproot::initTestCase()
{
    QVERIFY(m_base.isValid());
    const QString b = m_base.path();
    m_rootPath = b + QStringLiteral("/root");
    QDir d(b);
    QVERIFY(d.mkpath(QStringLiteral("root/sub/deeper")));
    QVERIFY(d.mkpath(QStringLiteral("root-private")));
    QVERIFY(d.mkpath(QStringLiteral("outside")));
    QVERIFY(makeFile(m_rootPath + QStringLiteral("/file.txt"), "hello"));
    QVERIFY(makeFile(m_rootPath + QStringLiteral("/empty"), ""));
    QVERIFY(makeFile(m_rootPath + QStringLiteral("/sub/inner.bin"), "inner"));
    QVERIFY(makeFile(m_rootPath + QStringLiteral("/sub/deeper/x"), "x"));
    QVERIFY(makeFile(b + QStringLiteral("/root-private/secret"), "secret"));
    QVERIFY(makeFile(b + QStringLiteral("/outside/canary"), "canary"));
    auto link = [&](const QString &target, const char *name) {
        return ::symlink(QFile::encodeName(target).constData(), QFile::encodeName(m_rootPath + QLatin1Char('/')
                                                                                  + QLatin1String(name)).constData()) == 0;
    };
    QVERIFY(link(QStringLiteral("file.txt"), "link-in"));
    QVERIFY(link(QStringLiteral("sub"), "link-sub"));
    QVERIFY(link(b + QStringLiteral("/outside/canary"), "link-out"));
    QVERIFY(link(b + QStringLiteral("/outside"), "link-outdir"));
    QVERIFY(link(QStringLiteral("/"), "link-abs"));
    QVERIFY(link(b + QStringLiteral("/root-private/secret"), "link-sibling"));
    QVERIFY(link(QStringLiteral("../root-private"), "link-sibdir"));
    QVERIFY(link(b + QStringLiteral("/nothing"), "dangling"));
    QVERIFY(link(QStringLiteral("loop"), "loop"));
    QCOMPARE(::mkfifo(QFile::encodeName(m_rootPath + QStringLiteral("/fifo")).constData(), 0644), 0);
    if (::geteuid() == 0)
        QCOMPARE(::mknod(QFile::encodeName(m_rootPath + QStringLiteral("/dev")).constData(), S_IFCHR | 0644,
                         makedev(1, 3)), 0);   // /dev/null's numbers
    // Through a path with a "." and a trailing slash: the root is made canonical.
    QVERIFY2(m_root.open(b + QStringLiteral("/./root/")), qPrintable(m_root.errorString()));
    QCOMPARE(m_root.path(), QDir(m_rootPath).canonicalPath());
}

void tst_tftproot::split_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<Root::Refusal>("refusal");
    QTest::addColumn<QByteArrayList>("components");
    QTest::newRow("plain") << QByteArray("a") << Root::NoRefusal << QByteArrayList{"a"};
    QTest::newRow("leading slash: inside the root") << QByteArray("/a/b") << Root::NoRefusal << QByteArrayList{"a", "b"};
    QTest::newRow("slashes and dots") << QByteArray("//a/./b//.") << Root::NoRefusal << QByteArrayList{"a", "b"};
    QTest::newRow("trailing slash") << QByteArray("a/") << Root::NoRefusal << QByteArrayList{"a"};
    QTest::newRow("only a slash") << QByteArray("/") << Root::NoRefusal << QByteArrayList{};
    QTest::newRow("dot") << QByteArray(".") << Root::NoRefusal << QByteArrayList{};
    QTest::newRow("three dots is a name") << QByteArray("...") << Root::NoRefusal << QByteArrayList{"..."};
    QTest::newRow("..a is a name") << QByteArray("..a/b..") << Root::NoRefusal << QByteArrayList{"..a", "b.."};
    QTest::newRow("backslash is a character") << QByteArray("..\\x") << Root::NoRefusal << QByteArrayList{"..\\x"};
    QTest::newRow("..") << QByteArray("..") << Root::Outside << QByteArrayList{};
    QTest::newRow("../x") << QByteArray("../x") << Root::Outside << QByteArrayList{};
    QTest::newRow("/../x") << QByteArray("/../x") << Root::Outside << QByteArrayList{};
    QTest::newRow("a/../b (inside, still refused)") << QByteArray("a/../b") << Root::Outside << QByteArrayList{};
    QTest::newRow("a/..") << QByteArray("a/..") << Root::Outside << QByteArrayList{};
    QTest::newRow("255 bytes") << QByteArray(255, 'n') << Root::NoRefusal << QByteArrayList{QByteArray(255, 'n')};
    QTest::newRow("256 bytes") << QByteArray(256, 'n') << Root::NameTooLong << QByteArrayList{};
}

void tst_tftproot::split()
{
    QFETCH(QByteArray, name);
    QFETCH(Root::Refusal, refusal);
    QFETCH(QByteArrayList, components);
    QByteArrayList got{"left over"};
    QCOMPARE(Root::split(name, &got), refusal);
    QCOMPARE(got, components);
}

void tst_tftproot::openErrors()
{
    Root r;
    QVERIFY(!r.open(QString()));
    QVERIFY(!r.errorString().isEmpty());
    QVERIFY(!r.open(m_base.path() + QStringLiteral("/missing")));
    QVERIFY(r.errorString().contains(QLatin1String("does not exist")));
    QVERIFY(!r.open(m_rootPath + QStringLiteral("/file.txt")));
    QVERIFY(r.errorString().contains(QLatin1String("not a folder")));
    QVERIFY(!r.isOpen());
    // A root that is not open serves nothing.
    QCOMPARE(r.openForRead("file.txt").refusal, Root::SystemError);
    QCOMPARE(r.resolveForWrite("new", false).refusal, Root::SystemError);
}

void tst_tftproot::read_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<Root::Refusal>("refusal");
    QTest::addColumn<QByteArray>("content");

    QTest::newRow("file") << QByteArray("file.txt") << Root::NoRefusal << QByteArray("hello");
    QTest::newRow("leading slash") << QByteArray("/file.txt") << Root::NoRefusal << QByteArray("hello");
    QTest::newRow("in a folder") << QByteArray("sub/inner.bin") << Root::NoRefusal << QByteArray("inner");
    QTest::newRow("empty file") << QByteArray("empty") << Root::NoRefusal << QByteArray();
    QTest::newRow("link inside") << QByteArray("link-in") << Root::NoRefusal << QByteArray("hello");
    QTest::newRow("through a folder link inside") << QByteArray("link-sub/deeper/x") << Root::NoRefusal << QByteArray("x");
    QTest::newRow("missing") << QByteArray("nope") << Root::NotFound << QByteArray();
    QTest::newRow("absolute outside name is inside") << QByteArray("/etc/hostname") << Root::NotFound << QByteArray();
    QTest::newRow("file as a folder") << QByteArray("file.txt/x") << Root::NotFound << QByteArray();
    QTest::newRow("dangling link") << QByteArray("dangling") << Root::NotFound << QByteArray();
    QTest::newRow("link loop") << QByteArray("loop") << Root::Outside << QByteArray();
    QTest::newRow("dot dot") << QByteArray("../outside/canary") << Root::Outside << QByteArray();
    QTest::newRow("dot dot sibling") << QByteArray("../root-private/secret") << Root::Outside << QByteArray();
    QTest::newRow("link out") << QByteArray("link-out") << Root::Outside << QByteArray();
    QTest::newRow("through a folder link out") << QByteArray("link-outdir/canary") << Root::Outside << QByteArray();
    QTest::newRow("absolute link") << QByteArray("link-abs") << Root::Outside << QByteArray();
    QTest::newRow("link to a sibling with the root's prefix") << QByteArray("link-sibling") << Root::Outside << QByteArray();
    QTest::newRow("folder link to a sibling") << QByteArray("link-sibdir/secret") << Root::Outside << QByteArray();
    QTest::newRow("the root") << QByteArray("/") << Root::NotRegular << QByteArray();
    QTest::newRow("the root, dot") << QByteArray(".") << Root::NotRegular << QByteArray();
    QTest::newRow("folder") << QByteArray("sub") << Root::NotRegular << QByteArray();
    QTest::newRow("fifo") << QByteArray("fifo") << Root::NotRegular << QByteArray();
    QTest::newRow("device") << QByteArray("dev") << Root::NotRegular << QByteArray();
    QTest::newRow("too long") << QByteArray(256, 'a') << Root::NameTooLong << QByteArray();
}

void tst_tftproot::read()
{
    QFETCH(QByteArray, name);
    QFETCH(Root::Refusal, refusal);
    QFETCH(QByteArray, content);
    if (name == "dev" && ::geteuid() != 0)
        QSKIP("creating a device node needs root");
    const Root::ReadTarget t = m_root.openForRead(name);
    QCOMPARE(t.refusal, refusal);
    if (refusal != Root::NoRefusal) {
        QCOMPARE(t.fd, -1);
        QVERIFY(!Root::reasonText(refusal).isEmpty());
        return;
    }
    QVERIFY(t.fd >= 0);
    QVERIFY(t.path.startsWith(QByteArray(QFile::encodeName(m_root.path()) + '/')));
    QFile f;
    QVERIFY(f.open(t.fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle));
    QCOMPARE(f.readAll(), content);
    QVERIFY(!(::fcntl(int(f.handle()), F_GETFL) & O_NONBLOCK));
}

// The descriptor handed out is the file that was checked (same inode as the path says).
void tst_tftproot::readsTheFileItChecked()
{
    const Root::ReadTarget t = m_root.openForRead("sub/inner.bin");
    QVERIFY(t.fd >= 0);
    struct stat a {}, b {};
    QCOMPARE(::fstat(t.fd, &a), 0);
    QCOMPARE(::stat(QFile::encodeName(m_rootPath + QStringLiteral("/sub/inner.bin")).constData(), &b), 0);
    QCOMPARE(a.st_ino, b.st_ino);
    ::close(t.fd);
}

void tst_tftproot::write_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("overwrite");
    QTest::addColumn<Root::Refusal>("refusal");
    QTest::addColumn<QString>("path");   // relative to the root
    QTest::addColumn<bool>("exists");

    QTest::newRow("new") << QByteArray("new.bin") << false << Root::NoRefusal << QStringLiteral("new.bin") << false;
    QTest::newRow("new, leading slash") << QByteArray("/sub/new") << false << Root::NoRefusal << QStringLiteral("sub/new") << false;
    QTest::newRow("new through a folder link inside") << QByteArray("link-sub/n") << false << Root::NoRefusal
                                                       << QStringLiteral("sub/n") << false;
    QTest::newRow("existing, no overwrite") << QByteArray("file.txt") << false << Root::Exists << QString() << false;
    QTest::newRow("existing, overwrite") << QByteArray("file.txt") << true << Root::NoRefusal << QStringLiteral("file.txt") << true;
    QTest::newRow("missing folder") << QByteArray("nofolder/x") << false << Root::FolderNotFound << QString() << false;
    QTest::newRow("file as a folder") << QByteArray("file.txt/x") << false << Root::FolderNotFound << QString() << false;
    QTest::newRow("onto a link inside") << QByteArray("link-in") << true << Root::SymbolicLink << QString() << false;
    QTest::newRow("onto a link out") << QByteArray("link-out") << true << Root::SymbolicLink << QString() << false;
    QTest::newRow("onto a dangling link") << QByteArray("dangling") << true << Root::SymbolicLink << QString() << false;
    QTest::newRow("into a folder link out") << QByteArray("link-outdir/new") << true << Root::Outside << QString() << false;
    QTest::newRow("into a sibling folder") << QByteArray("link-sibdir/new") << true << Root::Outside << QString() << false;
    QTest::newRow("dot dot") << QByteArray("../outside/new") << true << Root::Outside << QString() << false;
    QTest::newRow("folder") << QByteArray("sub") << true << Root::NotRegular << QString() << false;
    QTest::newRow("fifo") << QByteArray("fifo") << true << Root::NotRegular << QString() << false;
    QTest::newRow("the root") << QByteArray("/") << true << Root::NotRegular << QString() << false;
    QTest::newRow("not UTF-8") << QByteArray("bad\xff\xfe") << false << Root::BadEncoding << QString() << false;
}

void tst_tftproot::write()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, overwrite);
    QFETCH(Root::Refusal, refusal);
    QFETCH(QString, path);
    QFETCH(bool, exists);
    const Root::WriteTarget t = m_root.resolveForWrite(name, overwrite);
    QCOMPARE(t.refusal, refusal);
    if (refusal != Root::NoRefusal) {
        QVERIFY(t.path.isEmpty());
        return;
    }
    QCOMPARE(t.path, m_root.path() + QLatin1Char('/') + path);
    QCOMPARE(t.exists, exists);
    // Resolving creates nothing.
    QCOMPARE(QFileInfo::exists(t.path), exists);
}

void tst_tftproot::wire()
{
    QCOMPARE(Root::errorCode(Root::NotFound), quint16(1));
    QCOMPARE(Root::errorCode(Root::FolderNotFound), quint16(1));
    QCOMPARE(Root::errorCode(Root::Outside), quint16(2));
    QCOMPARE(Root::errorCode(Root::NotRegular), quint16(2));
    QCOMPARE(Root::errorCode(Root::SymbolicLink), quint16(2));
    QCOMPARE(Root::errorCode(Root::NoAccess), quint16(2));
    QCOMPARE(Root::errorCode(Root::Exists), quint16(6));
    QCOMPARE(Root::errorCode(Root::NameTooLong), quint16(4));
    for (int r = Root::NameTooLong; r <= Root::SystemError; ++r) {
        const QByteArray m = Root::wireMessage(Root::Refusal(r));
        QVERIFY(!m.isEmpty());
        for (const char c : m)
            QVERIFY(c >= 0x20 && c < 0x7f);   // fixed ASCII
    }
}

QTEST_APPLESS_MAIN(tst_tftproot)
#include "tst_tftproot.moc"
