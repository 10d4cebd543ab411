#include "tftpsource.h"

#include "tftppacket.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace NetPoke::Tftp {

namespace {

// pread() until count bytes or the end of the file; -1 on an error (errno set).
qint64 readAt(int fd, char *out, qint64 count, qint64 offset)
{
    qint64 done = 0;
    while (done < count) {
        const ssize_t n = ::pread(fd, out + done, size_t(count - done), off_t(offset + done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (n == 0)
            break;
        done += n;
    }
    return done;
}

} // namespace

Source::~Source()
{
    close();
}

bool Source::fail(const QString &message)
{
    m_errorString = message;
    return false;
}

bool Source::openFile(const QString &path)
{
    close();
    m_errorString.clear();
    const QByteArray native = QFile::encodeName(path);
    // O_NONBLOCK: opening a FIFO with no writer must not block; it is refused below anyway.
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return fail(tr("Cannot open %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    return openDescriptor(fd, path);
}

bool Source::openDescriptor(int fd, const QString &displayName)
{
    close();
    m_errorString.clear();
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const bool isDir = fd >= 0 && S_ISDIR(st.st_mode);
        if (fd >= 0)
            ::close(fd);
        return fail(isDir ? tr("%1 is a folder, not a file.").arg(displayName)
                          : tr("%1 is not a regular file (a device, FIFO or socket).").arg(displayName));
    }
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    m_fd = fd;
    m_fileSize = qint64(st.st_size);
    m_fileBytesRead = 0;
    m_furthest = 0;
    setWindowSize(m_windowSize);
    return true;
}

void Source::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_fileSize = -1;
}

void Source::setBlockSize(int bytes)
{
    m_blockSize = qBound(MinBlockSize, bytes, MaxBlockSize);
}

void Source::setWindowSize(int blocks)
{
    m_windowSize = qBound(1, blocks, MaxWindowSize);
    m_checkpoints.assign(size_t(m_windowSize) + 1, Checkpoint());
    m_checkpoints[1 % m_checkpoints.size()] = Checkpoint{1, 0, 0, false};
}

Source::Checkpoint *Source::checkpoint(qint64 block)
{
    Checkpoint &c = m_checkpoints[size_t(block % qint64(m_checkpoints.size()))];
    return c.block == block ? &c : nullptr;
}

const Source::Checkpoint *Source::checkpoint(qint64 block) const
{
    const Checkpoint &c = m_checkpoints[size_t(block % qint64(m_checkpoints.size()))];
    return c.block == block ? &c : nullptr;
}

qint64 Source::fileOffset(qint64 block) const
{
    if (m_fd < 0 || block < 1 || block > m_furthest + 1)
        return -1;
    if (!m_netAscii)
        return qMin((block - 1) * m_blockSize, m_fileBytesRead);   // blocks 1 .. block - 1 have been read
    const Checkpoint *c = checkpoint(block);
    return c ? c->offset : -1;
}

qint64 Source::readBlock(qint64 block, char *out)
{
    if (m_fd < 0 || block < 1 || block > m_furthest + 1) {
        fail(tr("Block %1 cannot be read.").arg(block));
        return -1;
    }
    const qint64 n = m_netAscii ? readNetAscii(block, out) : readOctet(block, out);
    if (n >= 0)
        m_furthest = qMax(m_furthest, block);
    return n;
}

qint64 Source::readOctet(qint64 block, char *out)
{
    const qint64 offset = (block - 1) * m_blockSize;
    const qint64 n = readAt(m_fd, out, m_blockSize, offset);
    if (n < 0) {
        fail(tr("Cannot read the file: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        return -1;
    }
    m_fileBytesRead = qMax(m_fileBytesRead, offset + n);
    return n;
}

qint64 Source::readNetAscii(qint64 block, char *out)
{
    const Checkpoint *start = checkpoint(block);
    if (!start) {
        fail(tr("Block %1 is further back than the window.").arg(block));
        return -1;
    }
    qint64 offset = start->offset;
    qint64 pos = 0;
    char carry = 0;
    bool hasCarry = false;
    if (start->hasCarry)
        out[pos++] = start->carry;
    if (m_input.size() < size_t(m_blockSize))
        m_input.resize(size_t(m_blockSize));
    while (pos < m_blockSize && !hasCarry) {
        // Each file byte gives at least one byte on the wire: never read more than the room left.
        const qint64 n = readAt(m_fd, m_input.data(), m_blockSize - pos, offset);
        if (n < 0) {
            fail(tr("Cannot read the file: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
            return -1;
        }
        if (n == 0)
            break;
        qint64 used = 0;
        while (used < n && pos < m_blockSize) {
            const char c = m_input[size_t(used++)];
            if (c != '\n' && c != '\r') {
                out[pos++] = c;
                continue;
            }
            out[pos++] = '\r';
            const char second = c == '\n' ? '\n' : '\0';
            if (pos < m_blockSize) {
                out[pos++] = second;
            } else {
                carry = second;
                hasCarry = true;
            }
        }
        offset += used;
    }
    m_checkpoints[size_t((block + 1) % qint64(m_checkpoints.size()))] = Checkpoint{block + 1, offset, carry, hasCarry};
    m_fileBytesRead = qMax(m_fileBytesRead, offset);
    return pos;
}

} // namespace NetPoke::Tftp
