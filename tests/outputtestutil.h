#pragma once

// Shared by the tests of where a download is written (tst_tftpsink, tst_tftpclient, tst_tftpcli): a FIFO
// drained by a thread, device nodes of one's own, and a guard for the system's /dev/null.
//
// Tests run as root in CI, where a regression that renames a regular file over a device replaces the
// system's /dev/null. So a test first writes into a private node (mknod in its temporary folder, root only)
// and touches the real /dev/null only after that passed; DevNullGuard puts a replaced /dev/null back.

#include <QByteArray>
#include <QFile>
#include <QString>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <thread>
#include <unistd.h>

namespace OutputTest {

inline bool isCharDevice(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 && S_ISCHR(st.st_mode);
}

inline bool isFifo(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 && S_ISFIFO(st.st_mode);
}

inline bool makeFifo(const QString &path)
{
    return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
}

// A character device node of the mem driver (major 1): 3 is null, 7 is full. Root only; false otherwise.
inline bool makeMemDevice(const QString &path, unsigned minor)
{
    return ::geteuid() == 0
        && ::mknod(QFile::encodeName(path).constData(), S_IFCHR | 0666, makedev(1, minor)) == 0;
}

// Reads a FIFO in a thread until its writer closes it (or after stopAfter bytes, closing the read end
// early). The read end is open when the constructor returns, so that a writer's non-blocking open succeeds.
class FifoReader
{
public:
    explicit FifoReader(const QString &path, qsizetype stopAfter = -1)
        : m_fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC))
    {
        if (m_fd < 0)
            return;
        m_thread = std::thread([this, stopAfter] {
            char buf[65536];
            for (;;) {
                pollfd p{m_fd, POLLIN, 0};
                // A bound so that a broken writer cannot hang the test; the data tells what happened.
                if (::poll(&p, 1, 20000) <= 0)
                    break;
                const ssize_t n = ::read(m_fd, buf, sizeof buf);
                if (n > 0) {
                    m_data.append(buf, qsizetype(n));
                    if (stopAfter >= 0 && m_data.size() >= stopAfter)
                        break;
                    continue;
                }
                if (n == 0 || (errno != EAGAIN && errno != EINTR))
                    break;   // the writer has closed it (no POLLHUP before a writer has come)
            }
            ::close(m_fd);
        });
    }
    ~FifoReader() { finish(); }
    bool isOpen() const { return m_fd >= 0; }
    // Waits for the thread; what was read.
    QByteArray finish()
    {
        if (m_thread.joinable())
            m_thread.join();
        return m_data;
    }

private:
    int m_fd = -1;
    QByteArray m_data;
    std::thread m_thread;
};

// Puts the system's /dev/null back as the character device it must be, should a test have replaced it
// (root only); wasReplaced() tells.
class DevNullGuard
{
public:
    ~DevNullGuard() { restore(); }
    bool restore()
    {
        if (isCharDevice(QStringLiteral("/dev/null")))
            return false;
        m_replaced = true;
        if (::geteuid() == 0) {
            ::unlink("/dev/null");
            ::mknod("/dev/null", S_IFCHR | 0666, makedev(1, 3));
            ::chmod("/dev/null", 0666);
        }
        return true;
    }
    bool wasReplaced() { return restore() || m_replaced; }

private:
    bool m_replaced = false;
};

} // namespace OutputTest
