#pragma once

// Shared by the tests that run netpoke-cli as a process (tst_udpcli, tst_chatcli, tst_tftpcli).

#include <QByteArray>
#include <QDebug>
#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

namespace CliTest {

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// English messages, UTF-8 arguments and output, no debug output from the core.
inline QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    return env;
}

inline QStringList lines(const QByteArray &text)
{
    QStringList l = QString::fromUtf8(text).split(QLatin1Char('\n'));
    if (!l.isEmpty() && l.constLast().isEmpty())
        l.removeLast();
    return l;
}

// Waits until p can read a whole line on its current read channel, at most timeoutMs.
inline void waitForLine(QProcess &p, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!p.canReadLine() && t.elapsed() < timeoutMs) {
        if (!p.waitForReadyRead(1000) && p.state() != QProcess::Running)
            break;
    }
}

// The port of a "listening on ADDR:PORT" line, or 0 (with a warning) for anything else.
inline quint16 listeningPort(const QString &line, QProcess &p)
{
    static const QRegularExpression re(QStringLiteral(R"(^listening on (\S+):(\d+)$)"));
    const auto m = re.match(line);
    if (!m.hasMatch()) {
        qWarning() << "unexpected first stderr line" << line << p.readAllStandardError();
        return 0;
    }
    return quint16(m.captured(2).toUInt());
}

// Waits for p to exit (killing it after timeoutMs) and collects its exit code and output.
inline Result finish(QProcess &p, int timeoutMs)
{
    Result r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        qWarning() << "process did not finish in time:" << p.program() << p.arguments();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// A failure: the exit code, exactly one readable "netpoke-cli: ..." line on stderr, nothing on stdout.
inline void checkOneErrorLine(const Result &r, int exitCode)
{
    QCOMPARE(r.exitCode, exitCode);
    const QStringList errLines = lines(r.err);
    QCOMPARE(errLines.size(), 1);
    QVERIFY2(errLines.constFirst().startsWith(QLatin1String("netpoke-cli: ")), r.err.constData());
    QVERIFY2(errLines.constFirst().size() > 20, r.err.constData());
    QCOMPARE(r.out, QByteArray());
}

} // namespace CliTest
