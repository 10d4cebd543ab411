#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

namespace NetPoke::Tftp {

// The folder a TFTP server serves, and the one way a requested name becomes a file in it (Linux). No
// sockets, no state besides the root's descriptor: unit-tested and fuzzed on its own.
//
// Rules, in this order:
// 1. The name is split on '/'. Leading slashes are dropped: "/boot/x" is ROOT/boot/x, as tftpd-hpa -s reads
//    it (PXE firmware asks for "/pxelinux.0"). Empty and "." components are dropped. A ".." component
//    anywhere is refused (Outside), also where it would stay inside: nothing is resolved lexically.
// 2. ROOT + the components is resolved with realpath() (every symbolic link followed), and the result must
//    be ROOT itself or below it, compared by whole path components: root /srv/tftp does not contain
//    /srv/tftp-private/x. A link inside the root that leads to a file inside it is fine; one that leads
//    outside is refused (Outside).
// 3. The canonical path is then opened component by component from the root's descriptor with O_NOFOLLOW
//    (openat), so that a link swapped in after step 2 is refused rather than followed; the file is checked
//    with fstatat() before it is opened (a device or FIFO is never opened) and with fstat() after, which
//    must be the same regular file (same device and inode).
// Uploads (resolveForWrite): the folder part follows rules 1-3 and must exist (no folders are created); the
// last component must be a new name, or with overwrite an existing regular file, never a link.
class Root final
{
    Q_DECLARE_TR_FUNCTIONS(NetPoke::Tftp::Root)
    Q_DISABLE_COPY_MOVE(Root)

public:
    enum Refusal {
        NoRefusal,
        NameTooLong,       // over 255 bytes (TFTP requests), or the system's limit
        Outside,           // "..", a link leading out, or a path that changed while it was checked
        NotFound,
        FolderNotFound,    // upload into a folder that does not exist
        NotRegular,        // a folder (the root too), device, FIFO or socket
        SymbolicLink,      // upload onto a link
        NoAccess,          // permission denied
        Exists,            // upload onto an existing file without overwrite
        BadEncoding,       // upload name that is no file name in this system's encoding
        SystemError,       // anything else (errno in the result)
    };

    // Rule 1 alone: the components inside the root, or the refusal (Outside for "..", NameTooLong).
    static Refusal split(QByteArrayView name, QByteArrayList *components);

    Root() = default;
    ~Root();

    // Serves folder (made canonical); false with errorString() when it does not exist or is no folder.
    bool open(const QString &folder);
    void close();
    bool isOpen() const { return m_fd >= 0; }
    QString path() const;                 // canonical
    QString errorString() const { return m_errorString; }

    struct ReadTarget
    {
        Refusal refusal = NoRefusal;
        int fd = -1;            // open for reading (O_RDONLY | O_CLOEXEC); the caller owns it
        QByteArray path;        // canonical
        int systemError = 0;    // errno for SystemError
    };
    ReadTarget openForRead(QByteArrayView name) const;

    struct WriteTarget
    {
        Refusal refusal = NoRefusal;
        QString path;           // canonical folder + the new name: where the upload is saved
        bool exists = false;    // an existing regular file is to be replaced (overwrite)
        int systemError = 0;
    };
    WriteTarget resolveForWrite(QByteArrayView name, bool overwrite) const;

    // The ERROR a refusal is answered with: code and fixed ASCII text (nothing of the request echoed).
    static quint16 errorCode(Refusal r);
    static QByteArray wireMessage(Refusal r);
    // Why, in plain words for the log ("outside the root folder").
    static QString reasonText(Refusal r);

private:
    bool inside(const QByteArray &canonical, QByteArray *relative) const;
    int walk(const QByteArrayList &folders, Refusal *refusal, int *systemError) const;

    int m_fd = -1;              // the root, O_PATH | O_DIRECTORY
    QByteArray m_root;          // canonical, no trailing slash (except "/")
    QString m_errorString;
};

} // namespace NetPoke::Tftp
