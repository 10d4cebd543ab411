#include "tftpsink.h"

#include <QSaveFile>

#include <cstring>
#include <fcntl.h>

namespace NetPoke::Tftp {

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

bool Sink::openFile(const QString &path)
{
    discard();
    auto *file = new QSaveFile(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        m_errorString = file->errorString();
        delete file;
        return false;
    }
    allocate();
    m_file = file;
    m_errorString.clear();
    return true;
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

QString Sink::fileName() const
{
    return m_file ? m_file->fileName() : QString();
}

void Sink::append(const char *p, qsizetype n)
{
    char *out = m_buffer.get();
    if (!m_netAscii) {
        std::memcpy(out + m_pending, p, size_t(n));
        m_pending += n;
        return;
    }
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
}

void Sink::endOfData()
{
    if (m_pendingCr) {
        m_buffer[m_pending++] = '\r';
        m_pendingCr = false;
    }
}

bool Sink::write(bool all)
{
    if (m_pending == 0)
        return true;
    QIODevice *dev = m_file ? static_cast<QIODevice *>(m_file) : m_device;
    if (!dev) {
        m_pending = 0;
        return true;
    }
    // Small blocks: whole pages only until the end, so that source and page cache line up (the buffer is
    // page-aligned). Big blocks: everything, so that the next one is received at the buffer's start.
    qsizetype len = m_pending;
    if (!all && m_file && !m_bigBlocks)
        len &= ~(PageSize - 1);
    if (len == 0)
        return true;
    QSaveFile *const file = m_file;
    const qint64 written = dev->write(m_buffer.get(), len);
    if (!isOpen())
        return false;   // discarded during the write
    if (written != len) {
        m_errorString = dev->errorString();
        return false;
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
    QFileDevice *file = m_file ? static_cast<QFileDevice *>(m_file) : qobject_cast<QFileDevice *>(m_device);
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
    resetOutput();
    return ok;
}

// No output any more: the next open() starts from nothing.
void Sink::resetOutput()
{
    m_device = nullptr;
    m_pending = 0;
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
    resetOutput();
}

} // namespace NetPoke::Tftp
