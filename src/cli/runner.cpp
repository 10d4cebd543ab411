#include "runner.h"

#include "clicommon.h"

namespace NetPoke::Cli {

int Runner::exec()
{
    if (!m_finished)
        m_loop.exec();
    return m_code;
}

void Runner::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_code = code;
    aboutToFinish();
    m_loop.exit(code);
}

void Runner::fail(int code, const QString &message)
{
    if (m_finished)
        return;
    printError(message);
    finish(code);
}

} // namespace NetPoke::Cli
