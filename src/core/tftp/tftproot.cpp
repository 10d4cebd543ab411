#include "tftproot.h"

#include "tftprequest.h"

#include <QFile>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace NetPoke::Tftp {

namespace {

QByteArray joined(const QByteArray &root, const QByteArrayList &components)
{
    QByteArray path = root;
    for (const QByteArray &c : components) {
        if (!path.endsWith('/'))
            path += '/';
        path += c;
    }
    return path;
}

// realpath() into a QByteArray; false with errno set.
bool canonicalPath(const QByteArray &path, QByteArray *out)
{
    char *resolved = ::realpath(path.constData(), nullptr);
    if (!resolved)
        return false;
    *out = QByteArray(resolved);
    std::free(resolved);
    return true;
}

Root::Refusal fromErrno(int e, Root::Refusal notFound)
{
    switch (e) {
    case ENOENT:
    case ENOTDIR: return notFound;
    case EACCES:
    case EPERM: return Root::NoAccess;
    case ENAMETOOLONG: return Root::NameTooLong;
    case ELOOP: return Root::Outside;   // a loop of links, or O_NOFOLLOW met a link swapped in
    default: return Root::SystemError;
    }
}

} // namespace

Root::~Root()
{
    close();
}

Root::Refusal Root::split(QByteArrayView name, QByteArrayList *components)
{
    components->clear();
    if (name.size() > MaxFileNameBytes)
        return NameTooLong;
    qsizetype start = 0;
    while (start <= name.size()) {
        qsizetype end = start;
        while (end < name.size() && name[end] != '/')
            ++end;
        const QByteArrayView part = name.sliced(start, end - start);
        if (part == "..") {
            components->clear();
            return Outside;
        }
        if (!part.isEmpty() && part != ".")
            components->append(part.toByteArray());
        start = end + 1;
    }
    return NoRefusal;
}

bool Root::open(const QString &folder)
{
    close();
    m_errorString.clear();
    if (folder.isEmpty()) {
        m_errorString = tr("No folder to serve was given.");
        return false;
    }
    QByteArray canonical;
    if (!canonicalPath(QFile::encodeName(folder), &canonical)) {
        m_errorString = errno == ENOENT ? tr("The folder %1 does not exist.").arg(folder)
                                        : tr("Cannot use the folder %1: %2").arg(folder, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    const int fd = ::open(canonical.constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        m_errorString = errno == ENOTDIR ? tr("%1 is not a folder.").arg(folder)
                                         : tr("Cannot use the folder %1: %2").arg(folder, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_fd = fd;
    m_root = canonical;
    return true;
}

void Root::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_root.clear();
}

QString Root::path() const
{
    return QFile::decodeName(m_root);
}

// Rule 2: canonical is the root or below it, by whole components; relative: the part below (empty for
// the root itself).
bool Root::inside(const QByteArray &canonical, QByteArray *relative) const
{
    if (canonical == m_root) {
        relative->clear();
        return true;
    }
    if (m_root == "/") {
        *relative = canonical.mid(1);
        return canonical.startsWith('/');
    }
    if (canonical.size() > m_root.size() + 1 && canonical.startsWith(m_root) && canonical.at(m_root.size()) == '/') {
        *relative = canonical.mid(m_root.size() + 1);
        return true;
    }
    return false;
}

// Rule 3 for folders: opens each of folders below the root without following links. Returns a descriptor
// the caller closes (a dup of the root's for none), or -1 with the refusal.
int Root::walk(const QByteArrayList &folders, Refusal *refusal, int *systemError) const
{
    int dir = ::fcntl(m_fd, F_DUPFD_CLOEXEC, 0);
    if (dir < 0) {
        *systemError = errno;
        *refusal = SystemError;
        return -1;
    }
    for (const QByteArray &f : folders) {
        const int next = ::openat(dir, f.constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        const int e = errno;
        ::close(dir);
        if (next < 0) {
            // Not a folder (a file in the middle of the name; or a link swapped in since realpath(), which
            // O_NOFOLLOW opens as itself): refused as missing. ELOOP and the rest: refused as outside.
            *systemError = e;
            *refusal = e == ENOENT || e == ENOTDIR ? NotFound : (e == EACCES ? NoAccess : Outside);
            return -1;
        }
        dir = next;
    }
    return dir;
}

Root::ReadTarget Root::openForRead(QByteArrayView name) const
{
    ReadTarget t;
    QByteArrayList components;
    if (m_fd < 0) {
        t.refusal = SystemError;
        t.systemError = EBADF;
        return t;
    }
    t.refusal = split(name, &components);
    if (t.refusal != NoRefusal)
        return t;
    if (components.isEmpty()) {
        t.refusal = NotRegular;   // the root folder itself
        return t;
    }
    QByteArray canonical, relative;
    if (!canonicalPath(joined(m_root, components), &canonical)) {
        t.systemError = errno;
        t.refusal = fromErrno(t.systemError, NotFound);
        return t;
    }
    if (!inside(canonical, &relative)) {
        t.refusal = Outside;
        return t;
    }
    if (relative.isEmpty()) {
        t.refusal = NotRegular;
        return t;
    }
    QByteArrayList parts = relative.split('/');
    const QByteArray last = parts.takeLast();
    const int dir = walk(parts, &t.refusal, &t.systemError);
    if (dir < 0)
        return t;
    struct stat before {};
    if (::fstatat(dir, last.constData(), &before, AT_SYMLINK_NOFOLLOW) != 0) {
        t.systemError = errno;
        t.refusal = fromErrno(t.systemError, NotFound);
        ::close(dir);
        return t;
    }
    if (!S_ISREG(before.st_mode)) {
        // A link here was swapped in after realpath(); anything else is no file to send (never opened).
        t.refusal = S_ISLNK(before.st_mode) ? Outside : NotRegular;
        ::close(dir);
        return t;
    }
    const int fd = ::openat(dir, last.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    const int e = errno;
    ::close(dir);
    if (fd < 0) {
        t.systemError = e;
        t.refusal = fromErrno(e, NotFound);
        return t;
    }
    struct stat after {};
    if (::fstat(fd, &after) != 0 || !S_ISREG(after.st_mode) || after.st_dev != before.st_dev
        || after.st_ino != before.st_ino) {
        ::close(fd);
        t.refusal = Outside;   // not the file that was checked
        return t;
    }
    // Blocking reads from here on (a regular file never blocks): O_NONBLOCK was only for the open.
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0)
        ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    t.fd = fd;
    t.path = canonical;
    return t;
}

Root::WriteTarget Root::resolveForWrite(QByteArrayView name, bool overwrite) const
{
    WriteTarget t;
    if (m_fd < 0) {
        t.refusal = SystemError;
        t.systemError = EBADF;
        return t;
    }
    QByteArrayList components;
    t.refusal = split(name, &components);
    if (t.refusal != NoRefusal)
        return t;
    if (components.isEmpty()) {
        t.refusal = NotRegular;
        return t;
    }
    const QByteArray last = components.takeLast();
    QByteArray folder, relative;
    if (!canonicalPath(joined(m_root, components), &folder)) {
        t.systemError = errno;
        t.refusal = fromErrno(t.systemError, FolderNotFound);
        return t;
    }
    if (!inside(folder, &relative)) {
        t.refusal = Outside;
        return t;
    }
    const int dir = walk(relative.isEmpty() ? QByteArrayList() : relative.split('/'), &t.refusal, &t.systemError);
    if (dir < 0) {
        if (t.refusal == NotFound)
            t.refusal = FolderNotFound;
        return t;
    }
    struct stat st {};
    const int rc = ::fstatat(dir, last.constData(), &st, AT_SYMLINK_NOFOLLOW);
    const int e = errno;
    ::close(dir);
    if (rc != 0 && e != ENOENT) {
        t.systemError = e;
        t.refusal = fromErrno(e, FolderNotFound);
        return t;
    }
    if (rc == 0) {
        if (S_ISLNK(st.st_mode))
            t.refusal = SymbolicLink;
        else if (!S_ISREG(st.st_mode))
            t.refusal = NotRegular;
        else if (!overwrite)
            t.refusal = Exists;
        if (t.refusal != NoRefusal)
            return t;
        t.exists = true;
    }
    const QByteArray target = joined(folder, {last});
    t.path = QFile::decodeName(target);
    if (QFile::encodeName(t.path) != target) {
        t.refusal = BadEncoding;
        t.path.clear();
    }
    return t;
}

quint16 Root::errorCode(Refusal r)
{
    switch (r) {
    case NotFound:
    case FolderNotFound: return 1;
    case Exists: return 6;
    case NameTooLong: return 4;
    case SystemError: return 0;
    case NoRefusal:
    case Outside:
    case NotRegular:
    case SymbolicLink:
    case NoAccess:
    case BadEncoding: break;
    }
    return 2;
}

QByteArray Root::wireMessage(Refusal r)
{
    switch (r) {
    case NoRefusal: break;
    case NameTooLong: return QByteArrayLiteral("File name too long");
    case Outside:
    case SymbolicLink: return QByteArrayLiteral("Access violation");
    case NotFound: return QByteArrayLiteral("File not found");
    case FolderNotFound: return QByteArrayLiteral("Folder not found");
    case NotRegular: return QByteArrayLiteral("Not a regular file");
    case NoAccess: return QByteArrayLiteral("Permission denied");
    case Exists: return QByteArrayLiteral("File already exists");
    case BadEncoding: return QByteArrayLiteral("File name not allowed");
    case SystemError: return QByteArrayLiteral("Cannot open the file");
    }
    return QByteArray();
}

QString Root::reasonText(Refusal r)
{
    switch (r) {
    case NoRefusal: break;
    case NameTooLong: return tr("the name is too long");
    case Outside: return tr("outside the root folder");
    case NotFound: return tr("no such file");
    case FolderNotFound: return tr("no such folder (folders are not created)");
    case NotRegular: return tr("not a regular file (a folder, device, FIFO or socket)");
    case SymbolicLink: return tr("a symbolic link (uploads never replace links)");
    case NoAccess: return tr("permission denied");
    case Exists: return tr("the file exists (overwriting is off)");
    case BadEncoding: return tr("the name is not valid in this system's file name encoding");
    case SystemError: return tr("the file cannot be opened");
    }
    return QString();
}

} // namespace NetPoke::Tftp
