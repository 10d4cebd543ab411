#pragma once

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace NetPoke::Tftp {

// Where sent DATA comes from (server RRQ, client upload): a regular file read block by block as it is sent,
// never loaded whole. Blocks are numbered from 1 without wrapping (as SendWindow counts them).
//
// Octet block n is read with pread() at (n - 1) * blockSize, so a window that starts again after a lost
// block costs no state. netascii is encoded on the way out (RFC 764 as RFC 1350 asks: LF -> CR LF, CR -> CR
// NUL, the inverse of Sink's decoding), so the file offset of a block is known only by encoding what comes
// before it: a checkpoint is kept for each block of the current window (windowSize + 1 of them, in a ring),
// and a rewind re-encodes from the checkpoint of the block asked for.
class Source final
{
    Q_DECLARE_TR_FUNCTIONS(NetPoke::Tftp::Source)
    Q_DISABLE_COPY_MOVE(Source)

public:
    Source() = default;
    ~Source();

    // Opens path for reading: a regular file only (a FIFO, device or directory is refused without blocking
    // on it). False with errorString(). Any previous file is closed.
    bool openFile(const QString &path);
    // Takes over fd, a descriptor opened for reading (e.g. by Tftp::Root, which checked where it leads): a
    // regular file only, else fd is closed and false returned with errorString(). Any previous file is closed.
    bool openDescriptor(int fd, const QString &displayName);
    void close();
    bool isOpen() const { return m_fd >= 0; }
    QString errorString() const { return m_errorString; }
    // Size of the file when it was opened (tsize for octet), -1 when not open.
    qint64 fileSize() const { return m_fileSize; }

    // Both must be set before the first readBlock() and not changed afterwards.
    void setBlockSize(int bytes);
    void setNetAscii(bool on) { m_netAscii = on; }
    // The most blocks ever in flight: how far back a rewind may go (netascii checkpoints kept).
    void setWindowSize(int blocks);

    // Block `block` (>= 1) into out (room for blockSize bytes): its length, blockSize for all but the last
    // block, less (0 when the file size is a multiple of blockSize) for the last; -1 on a read error
    // (errorString()) or a block that cannot be produced (more than a window back, or past the next one).
    qint64 readBlock(qint64 block, char *out);
    // File bytes read into blocks so far, as far as the furthest block produced (the file's size once the
    // last block is produced, whatever the mode).
    qint64 fileBytesRead() const { return m_fileBytesRead; }
    // The file bytes that blocks 1 .. block - 1 hold (where block's encoding starts): what an ACK of
    // block - 1 confirms. Known for octet always, for netascii from block 1 to one past the furthest block
    // produced, as far back as a rewind may go; -1 otherwise.
    qint64 fileOffset(qint64 block) const;

private:
    struct Checkpoint
    {
        qint64 block = 0;      // 0: unused
        qint64 offset = 0;     // file offset where the block's encoding starts
        char carry = 0;        // second byte of a CR LF / CR NUL pair cut at the end of the previous block
        bool hasCarry = false;
    };
    qint64 readOctet(qint64 block, char *out);
    qint64 readNetAscii(qint64 block, char *out);
    Checkpoint *checkpoint(qint64 block);
    const Checkpoint *checkpoint(qint64 block) const;
    bool fail(const QString &message);

    int m_fd = -1;
    QString m_errorString;
    qint64 m_fileSize = -1;
    qint64 m_fileBytesRead = 0;
    int m_blockSize = 512;
    int m_windowSize = 1;
    bool m_netAscii = false;
    std::vector<Checkpoint> m_checkpoints;   // ring of m_windowSize + 1, indexed by block
    std::vector<char> m_input;               // netascii: raw file bytes of one block
    qint64 m_furthest = 0;                   // highest block produced so far
};

} // namespace NetPoke::Tftp
