// libFuzzer target for what the TFTP server does with a request before any transfer starts: parseRequest()
// must never crash or read out of bounds, and what it accepts must satisfy the frame rules; the options
// negotiated from it stay within the limits; the file name goes through Tftp::Root (split, openForRead,
// resolveForWrite) on a small real tree with links leading in and out, a FIFO and a sibling folder whose
// name starts with the root's, and whatever Root hands out must lie inside the root.
// Built and run by scripts/fuzz.sh (FUZZ_TARGET=fuzz_tftpserver; clang++ -fsanitize=fuzzer,address).

#include "tftpoptions.h"
#include "tftprequest.h"
#include "tftproot.h"

#include <QByteArray>
#include <QDir>
#include <QFile>

#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

using namespace NetPoke::Tftp;

namespace {

Root *g_root = nullptr;
QByteArray g_rootPath;
std::string g_base;

void removeTree()
{
    QDir(QString::fromStdString(g_base)).removeRecursively();
}

void check(bool ok)
{
    if (!ok)
        std::abort();
}

bool makeFile(const std::string &path)
{
    FILE *f = std::fopen(path.c_str(), "w");
    if (!f)
        return false;
    std::fputs("x", f);
    return std::fclose(f) == 0;
}

} // namespace

// base/root: f, sub/g, in -> f, out -> base/outside/secret, outdir -> base/outside, sib -> base/root-x/s,
// loop -> loop, fifo.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    char base[] = "/tmp/fuzz_tftpserver_XXXXXX";
    if (!::mkdtemp(base))
        std::abort();
    const std::string b = base;
    g_base = b;
    std::atexit(removeTree);
    const std::string root = b + "/root";
    bool ok = ::mkdir(root.c_str(), 0755) == 0 && ::mkdir((root + "/sub").c_str(), 0755) == 0
        && ::mkdir((b + "/outside").c_str(), 0755) == 0 && ::mkdir((b + "/root-x").c_str(), 0755) == 0
        && makeFile(root + "/f") && makeFile(root + "/sub/g") && makeFile(b + "/outside/secret") && makeFile(b + "/root-x/s")
        && ::symlink("f", (root + "/in").c_str()) == 0 && ::symlink((b + "/outside/secret").c_str(), (root + "/out").c_str()) == 0
        && ::symlink((b + "/outside").c_str(), (root + "/outdir").c_str()) == 0
        && ::symlink((b + "/root-x/s").c_str(), (root + "/sib").c_str()) == 0
        && ::symlink("loop", (root + "/loop").c_str()) == 0 && ::mkfifo((root + "/fifo").c_str(), 0644) == 0;
    g_root = new Root;
    ok = ok && g_root->open(QString::fromStdString(root));
    if (!ok)
        std::abort();
    g_rootPath = QFile::encodeName(g_root->path());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Request r = parseRequest(bytes);
    quint16 code = 0;
    QByteArray message;
    const bool answered = Request::reply(r.problem, &code, &message);
    if (!r.ok()) {
        check(answered == (r.problem != Request::Silent));
        check(!answered || (code == ErrIllegalOperation && !message.isEmpty()));
        check(!Request::problemText(r.problem).isEmpty());
        return 0;
    }
    check(!answered);
    check(r.opcode == Opcode::Rrq || r.opcode == Opcode::Wrq);
    check(!r.fileName.isEmpty() && r.fileName.size() <= MaxFileNameBytes && !r.fileName.contains('\0'));
    check(r.mode == "octet" || r.mode == "netascii");
    check(r.options.size() <= MaxRequestOptions);

    const ServerAnswer a = negotiateAsServer(r.options, r.isWrite(), 12345);
    check(a.agreed.blockSize >= MinBlockSize && a.agreed.blockSize <= MaxBlockSize);
    check(a.agreed.windowSize >= 1 && a.agreed.windowSize <= MaxWindowSize);
    check(a.agreed.timeoutS == 0 || (a.agreed.timeoutS >= MinTimeoutSeconds && a.agreed.timeoutS <= MaxTimeoutSeconds));
    check(a.oack.size() <= 4);

    QByteArrayList parts;
    const Root::Refusal split = Root::split(r.fileName, &parts);
    for (const QByteArray &p : parts)
        check(!p.isEmpty() && p != "." && p != ".." && !p.contains('/'));
    check(split == Root::NoRefusal || parts.isEmpty());

    const QByteArray inside = g_rootPath + '/';
    const Root::ReadTarget rt = g_root->openForRead(r.fileName);
    check((rt.refusal == Root::NoRefusal) == (rt.fd >= 0));
    if (rt.fd >= 0) {
        check(rt.path.startsWith(inside));
        struct stat st {};
        check(::fstat(rt.fd, &st) == 0 && S_ISREG(st.st_mode));
        ::close(rt.fd);
    } else {
        check(!Root::wireMessage(rt.refusal).isEmpty());
    }
    const Root::WriteTarget wt = g_root->resolveForWrite(r.fileName, size % 2 == 0);
    if (wt.refusal == Root::NoRefusal)
        check(QFile::encodeName(wt.path).startsWith(inside));
    else
        check(wt.path.isEmpty());
    return 0;
}
