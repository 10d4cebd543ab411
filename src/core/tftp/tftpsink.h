#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdlib>
#include <memory>

class QFile;
class QFileDevice;
class QIODevice;
class QSaveFile;

namespace NetPoke::Tftp {

// Where received DATA goes (client download, server WRQ): a file through QSaveFile (only a complete
// transfer replaces it: no partial file, an existing file stays intact on failure), an existing target that
// is not a regular file (a device such as /dev/null, a FIFO) written in place, or an open QIODevice (nothing
// rolled back for either). netascii is decoded on the way in, across block boundaries.
//
// The payload is collected in one page-aligned buffer and written in large pieces, so that the protocol can
// ACK first and write while the peer sends. Octet DATA is received straight into it (tail(), room(),
// receivedInPlace()): no copy. Blocks of BigBlock bytes or more are received at the buffer's start, so what is
// pending is written before the next one is read (flushBeforeRead()): the kernel copies a multi-page datagram
// up to 4x slower into some alignments (measured on this AMD EPYC: sending and receiving a 64 KiB datagram
// whose payload lands 8..32 bytes past a 64-byte boundary takes 47 us instead of 12 us). Smaller blocks
// (measured at 512 and 1428 bytes) are not affected: they are collected and written in whole pages.
class Sink final
{
    Q_DISABLE_COPY_MOVE(Sink)
    Q_DECLARE_TR_FUNCTIONS(NetPoke::Tftp::Sink)

public:
    static constexpr qsizetype PageSize = 4096;
    static constexpr int BigBlock = 16384;
    static constexpr qsizetype DatagramRoom = 65536;                  // room for a datagram whenever a read starts
    static constexpr qsizetype Capacity = 1024 * 1024 + DatagramRoom;
    static constexpr qsizetype Limit = Capacity - DatagramRoom;      // pending bytes that force a write mid-batch
    static constexpr qsizetype FlushThreshold = 32 * 1024;            // pending bytes worth a write after a wake-up
    static constexpr qsizetype SyncInterval = 4 * 1024 * 1024;        // bytes written between write-back hints

    Sink();
    ~Sink();

    // Opens path for writing, unbuffered (the sink collects and writes large pieces itself); false with
    // errorString(), the reason in plain words (without the path). A regular file or a new name goes through
    // QSaveFile; an existing device or FIFO is written in place (writesInPlace()): QSaveFile's rename would
    // replace it with a regular file (as root, /dev/null itself). A FIFO that no process reads is refused at
    // once rather than waited for; a folder, or a link to one, is refused. Any previous output is discarded.
    bool openFile(const QString &path);
    // Whether openFile(path) writes in place: path exists (links followed) and is neither a regular file nor
    // a folder.
    static bool writesInPlace(const QString &path);
    // Writes into device, which must be open for writing; false otherwise.
    bool openDevice(QIODevice *device);
    bool isOpen() const { return m_file || m_inPlace || m_device; }
    bool isInPlace() const { return m_inPlace; }
    QString fileName() const { return m_fileName; }   // openFile()'s path, empty for a device
    QString errorString() const { return m_errorString; }

    void setNetAscii(bool on) { m_netAscii = on; }
    // The negotiated block size: decides the flush rule (BigBlock).
    void setBlockSize(int bytes) { m_bigBlocks = bytes >= BigBlock; }

    // Bytes of the output so far (netascii: decoded, a CR held back counted), written or pending.
    qint64 received() const { return m_received + (m_pendingCr ? 1 : 0); }

    // The receive area right behind what is pending.
    char *tail() { return m_buffer.get() + m_pending; }
    qsizetype room() const { return Capacity - m_pending; }
    qsizetype pending() const { return m_pending; }
    bool flushBeforeRead() const { return m_pending >= Limit || (m_pending > 0 && m_bigBlocks); }
    bool flushAfterRead() const { return m_pending >= FlushThreshold; }
    // n bytes were received at tail() (octet).
    void receivedInPlace(qsizetype n)
    {
        m_pending += n;
        m_received += n;
    }
    // A block's payload from elsewhere: decoded (netascii) or copied behind what is pending.
    void append(const char *data, qsizetype n);
    // The last block is in: a CR held back for the next block is written as it is.
    void endOfData();

    // Writes what is pending (small blocks: whole pages only, unless all). False when the write failed
    // (errorString()) or when the output was discarded during it (a slot reached from a device's write may end
    // the transfer: discard() keeps the buffer, so the write in progress stays valid). A short write is
    // continued, so that a full disk reports ENOSPC ("No space left on device"), not a bare short count.
    bool write(bool all = false);
    // Flushes the device (after write(true)); false with errorString().
    bool flushDevice();
    // Replaces the target file with what was written (QSaveFile::commit(), which syncs it); false with
    // errorString(). The sink is closed afterwards. Written in place: closes it. For a device: only closes
    // the sink.
    bool commit();
    // Drops everything: the target file stays as it was (written in place: what was written stays). The
    // buffer stays allocated.
    void discard();

private:
    bool openInPlace(const QString &path);
    static QString saveFileError(const QString &path, const QString &qtReason);
    QIODevice *output() const;
    void resetOutput();
    void allocate();

    std::unique_ptr<char[], decltype(&std::free)> m_buffer{nullptr, &std::free};   // Capacity bytes, page-aligned
    QSaveFile *m_file = nullptr;   // owned
    QFile *m_inPlace = nullptr;    // owned: an existing device or FIFO
    QIODevice *m_device = nullptr;
    QString m_fileName;
    QString m_errorString;
    qsizetype m_pending = 0;     // m_buffer[0, m_pending) waits to be written
    qint64 m_received = 0;       // output bytes so far (see received())
    qint64 m_unsynced = 0;       // written since the last write-back hint
    bool m_netAscii = false;
    bool m_pendingCr = false;    // netascii: a CR at the end of a block, decoded with the next byte
    bool m_bigBlocks = false;
};

} // namespace NetPoke::Tftp
