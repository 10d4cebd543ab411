#pragma once

#include <QEventLoop>
#include <QObject>
#include <QString>

namespace NetPoke::Cli {

// The event loop of one subcommand run and its exit code: every subcommand (udp send/listen, chat,
// tftp get) derives from it. finish() and fail() may be called before exec() (e.g. a bind that fails at
// start); the first call decides the exit code, later ones are ignored.
class Runner : public QObject
{
    Q_DISABLE_COPY_MOVE(Runner)

public:
    Runner() = default;
    // Runs the event loop until finish(); returns the exit code.
    int exec();
    bool finished() const { return m_finished; }

protected:
    void finish(int code);
    // printError(message), then finish(code).
    void fail(int code, const QString &message);
    // Called once, at finish(), before the loop exits: stop reading input, flush output.
    virtual void aboutToFinish() {}

private:
    QEventLoop m_loop;
    bool m_finished = false;
    int m_code = 0;
};

} // namespace NetPoke::Cli
