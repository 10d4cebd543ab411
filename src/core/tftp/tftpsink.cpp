#include "tftpsink.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>

#ifdef Q_OS_UNIX
#include <csignal>
#include <cstdlib>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace NetPoke::Tftp {

namespace {

#ifdef Q_OS_UNIX
// While it lives, a write to a FIFO whose reader has gone fails with EPIPE ("Broken pipe") instead of ending
// the whole process with SIGPIPE (the GUI would vanish). A SIGPIPE that was pending before is left alone.
class NoSigPipe
{
    Q_DISABLE_COPY_MOVE(NoSigPipe)

public:
    NoSigPipe()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        sigset_t pending;
        sigpending(&pending);
        m_wasPending = sigismember(&pending, SIGPIPE) == 1;
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
    }
    ~NoSigPipe()
    {
        const int savedErrno = errno;
        if (!m_wasPending) {
            sigset_t pending;
            sigpending(&pending);
            if (sigismember(&pending, SIGPIPE) == 1) {
                const timespec zero{0, 0};
                while (sigtimedwait(&m_pipe, nullptr, &zero) < 0 && errno == EINTR) {
                }
            }
        }
        pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
        errno = savedErrno;
    }

private:
    sigset_t m_pipe;
    sigset_t m_old;
    bool m_wasPending = false;
};
#endif

} // namespace

Sink::Sink() = default;

Sink::~Sink()
{
    discard();
}

void Sink::allocate()
{
    if (m_buffer)
        return;
    // Page-aligned: where a received block lands changes the copy's speed a lot (measured: a buffer at a
    // 16-byte offset took 1.5x as long for blksize 65464 as one at a 64-byte boundary).
    m_buffer.reset(static_cast<char *>(std::aligned_alloc(PageSize, size_t(Capacity))));
    Q_CHECK_PTR(m_buffer.get());
}

bool Sink::writesInPlace(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() && !info.isFile() && !info.isDir();
}

bool Sink::openFile(const QString &path)
{
    discard();
    const QFileInfo info(path);
    if (info.isDir()) {
        m_errorString = info.isSymLink()
            ? tr("it is a symbolic link to the folder %1").arg(QDir::toNativeSeparators(info.symLinkTarget()))
            : tr("it is a folder");
        return false;
    }
    if (writesInPlace(path))
        return openInPlace(path);
    auto *file = new QSaveFile(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        m_errorString = saveFileError(path, file->errorString());
        delete file;
        return false;
    }
    allocate();
    m_file = file;
    m_fileName = path;
    m_errorString.clear();
    return true;
}

// A device or FIFO: opened as it is, no temporary file, no rename.
bool Sink::openInPlace(const QString &path)
{
    auto file = std::make_unique<QFile>();
#ifdef Q_OS_UNIX
    // O_NONBLOCK for the open only: a FIFO that no process reads fails at once (ENXIO) instead of blocking
    // the event loop until a reader comes. The writes block as a slow disk's would.
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        struct stat st;
        const bool fifo = ::stat(QFile::encodeName(path).constData(), &st) == 0 && S_ISFIFO(st.st_mode);
        m_errorString = e == ENXIO && fifo ? tr("no process has the FIFO open for reading") : qt_error_string(e);
        return false;
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0
        || !file->open(fd, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::AutoCloseHandle)) {
        m_errorString = file->error() != QFileDevice::NoError ? file->errorString() : qt_error_string(errno);
        ::close(fd);
        return false;
    }
#else
    file->setFileName(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        m_errorString = file->errorString();
        return false;
    }
#endif
    allocate();
    m_inPlace = file.release();
    m_fileName = path;
    m_errorString.clear();
    return true;
}

// QSaveFile writes a temporary file next to the target and renames it over the target at the end. When it
// cannot create that file its message is the errno of the attempt, which misleads: "No such file or
// directory" for an existing /proc/version (procfs answers ENOENT to any new name). The same attempt is
// made here to say what really failed.
QString Sink::saveFileError(const QString &path, const QString &qtReason)
{
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    const QFileInfo folderInfo(folder);
    const QString shown = QDir::toNativeSeparators(folder);
    if (!folderInfo.exists())
        return tr("the folder %1 does not exist").arg(shown);
    if (!folderInfo.isDir())
        return tr("%1 is not a folder").arg(shown);
#ifdef Q_OS_UNIX
    QByteArray probe = QFile::encodeName(QDir(folder).filePath(QStringLiteral(".netpoke-XXXXXX")));
    const int fd = ::mkostemp(probe.data(), O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        const QString why = e == ENOENT ? tr("the file system does not allow new files there") : qt_error_string(e);
        return tr("a temporary file cannot be created in %1 (%2)").arg(shown, why);
    }
    ::close(fd);
    ::unlink(probe.constData());
#endif
    return qtReason;   // the temporary file was not the problem
}

bool Sink::openDevice(QIODevice *device)
{
    discard();
    if (!device || !device->isWritable())
        return false;
    allocate();
    m_device = device;
    m_errorString.clear();
    return true;
}

QIODevice *Sink::output() const
{
    if (m_file)
        return m_file;
    if (m_inPlace)
        return m_inPlace;
    return m_device;
}

void Sink::append(const char *p, qsizetype n)
{
    char *out = m_buffer.get();
    if (!m_netAscii) {
        std::memcpy(out + m_pending, p, size_t(n));
        m_pending += n;
        m_received += n;
        return;
    }
    const qsizetype before = m_pending;
    // CR LF -> LF, CR NUL -> CR, also when the pair is split across two blocks.
    for (qsizetype i = 0; i < n; ++i) {
        const char c = p[i];
        if (m_pendingCr) {
            m_pendingCr = false;
            if (c == '\n') {
                out[m_pending++] = '\n';
                continue;
            }
            out[m_pending++] = '\r';
            if (c == '\0')
                continue;
        }
        if (c == '\r')
            m_pendingCr = true;
        else
            out[m_pending++] = c;
    }
    m_received += m_pending - before;
}

void Sink::endOfData()
{
    if (m_pendingCr) {
        m_buffer[m_pending++] = '\r';
        m_pendingCr = false;
        ++m_received;
    }
}

bool Sink::write(bool all)
{
    if (m_pending == 0)
        return true;
    QIODevice *dev = output();
    if (!dev) {
        m_pending = 0;
        return true;
    }
    // Small blocks: whole pages only until the end, so that source and page cache line up (the buffer is
    // page-aligned). Big blocks: everything, so that the next one is received at the buffer's start.
    qsizetype len = m_pending;
    if (!all && (m_file || m_inPlace) && !m_bigBlocks)
        len &= ~(PageSize - 1);
    if (len == 0)
        return true;
    QSaveFile *const file = m_file;
#ifdef Q_OS_UNIX
    std::optional<NoSigPipe> noSigPipe;
    if (m_inPlace)
        noSigPipe.emplace();
#endif
    // A short write is no error yet: Qt reports errno only for a write that wrote nothing, so the rest is
    // written again, and a full disk then says ENOSPC.
    qint64 written = 0;
    while (written < len) {
        const qint64 n = dev->write(m_buffer.get() + written, len - written);
        if (!isOpen())
            return false;   // discarded during the write
        if (n <= 0) {
            m_errorString = dev->errorString();
            return false;
        }
        written += n;
    }
    m_pending -= len;
    if (m_pending > 0)
        std::memmove(m_buffer.get(), m_buffer.get() + len, size_t(m_pending));
#ifdef Q_OS_LINUX
    m_unsynced += written;
    if (file && m_unsynced >= SyncInterval && file->handle() >= 0) {
        // QSaveFile::commit() syncs the file to disk: start writing back every few MiB now, without waiting,
        // so that the final sync finds little left to do instead of the whole file.
        const qint64 end = file->pos();
        ::sync_file_range(file->handle(), end - m_unsynced, m_unsynced, SYNC_FILE_RANGE_WRITE);
        m_unsynced = 0;
    }
#else
    Q_UNUSED(file);
#endif
    return true;
}

bool Sink::flushDevice()
{
    QFileDevice *file = qobject_cast<QFileDevice *>(output());
    if (file && !file->flush()) {
        m_errorString = file->errorString();
        return false;
    }
    return true;
}

bool Sink::commit()
{
    bool ok = true;
    if (m_file) {
        ok = m_file->commit();
        if (!ok)
            m_errorString = m_file->errorString();
        delete m_file;
        m_file = nullptr;
    }
    if (m_inPlace) {
        ok = m_inPlace->flush();
        if (!ok)
            m_errorString = m_inPlace->errorString();
        delete m_inPlace;   // closes it
        m_inPlace = nullptr;
    }
    resetOutput();
    return ok;
}

// No output any more: the next open() starts from nothing.
void Sink::resetOutput()
{
    m_device = nullptr;
    m_fileName.clear();
    m_pending = 0;
    m_received = 0;
    m_unsynced = 0;
    m_pendingCr = false;
}

void Sink::discard()
{
    if (m_file) {
        m_file->cancelWriting();
        delete m_file;
        m_file = nullptr;
    }
    delete m_inPlace;   // what was written stays: a device or FIFO has nothing to roll back
    m_inPlace = nullptr;
    resetOutput();
}

} // namespace NetPoke::Tftp
