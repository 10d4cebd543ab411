// What one 65,507-byte datagram (the largest UDP payload over IPv4) costs to decode with TextCodec::decode()
// and to show with TextCodec::visibleText(), per encoding and kind of content. Not in ctest; run by
// bench/decode/run.sh, which also builds this file against an older TextCodec and times the peers.
//   decode_bench [--runs N] [--write-inputs DIR] [--label NAME]
// Prints one line per case:
//   RESULT label=NAME enc=GB18030 kind=ff first_us=... decode_us=... visible_us=... invalid=... chars=...
// decode_us and visible_us are medians over N runs (visible_us = decode + visibleText); first_us is the first
// decode of the process in that encoding (it includes opening the converter, and building tables if any).
// Uses only TextCodec::decode, encode and visibleText(text), so that older versions build too.
#include "textcodec.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

using NetPoke::TextCodec;

namespace {

constexpr int DatagramSize = 65507;

double microsecondsSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// Repeats unit to exactly DatagramSize bytes, cut only between whole units and padded with spaces.
QByteArray fill(const QByteArray &unit)
{
    if (unit.isEmpty())
        qFatal("decode_bench: a sample cannot be written in this encoding");
    QByteArray b;
    b.reserve(DatagramSize);
    while (b.size() + unit.size() <= DatagramSize)
        b += unit;
    b += QByteArray(DatagramSize - b.size(), ' ');
    return b;
}

QByteArray encoded(const QString &text, const QString &encoding)
{
    const auto r = TextCodec::encode(text, encoding);
    return r.ok ? r.bytes : QByteArray();
}

// Kinds of content: the worst cases for a decoder that restarts on every bad byte, and the everyday ones.
QList<QPair<QByteArray, QByteArray>> inputs(const QString &encoding)
{
    QRandomGenerator rng(65507);
    QByteArray random(DatagramSize, Qt::Uninitialized);
    for (char &c : random)
        c = char(rng.bounded(256));
    // Text each encoding can write: German for Latin-1, traditional characters for Big5, simplified otherwise.
    const bool latin1 = encoding == QLatin1String("Latin-1");
    const bool big5 = encoding == QLatin1String("Big5");
    const QString text = latin1 ? QStringLiteral("Grüße aus Köln, café crème à la carte. ")
                       : big5   ? QStringLiteral("你好，世界！網路除錯工具 NetPoke：傳送、接收、聊天和檔案傳輸。")
                                : QStringLiteral("你好，世界！网络调试工具 NetPoke：发送、接收、聊天和文件传输。");
    const QString oneChar = latin1 ? QStringLiteral("é") : QStringLiteral("你");
    return {
        {"ff", QByteArray(DatagramSize, '\xff')},
        {"80", QByteArray(DatagramSize, '\x80')},
        {"random", random},
        {"alternating", fill(encoded(oneChar, encoding) + '\xff')},
        {"text", fill(encoded(text, encoding))},
        {"ascii", fill("GET /index.html HTTP/1.1 Host: localhost User-Agent: netpoke-bench/1.0 Accept: */* ")},
    };
}

} // namespace

int main(int argc, char **argv)
{
    int runs = 21;
    QString writeDir;
    QByteArray label = "after";
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--write-inputs") && i + 1 < argc)
            writeDir = QString::fromLocal8Bit(argv[++i]);
        else if (!std::strcmp(argv[i], "--label") && i + 1 < argc)
            label = argv[++i];
        else {
            std::fprintf(stderr, "usage: %s [--runs N] [--write-inputs DIR] [--label NAME]\n", argv[0]);
            return 2;
        }
    }
    const QStringList encodings = TextCodec::encodings();
    if (!writeDir.isEmpty()) {
        // For the peers: DIR/<encoding>.<kind>, the same bytes as timed here.
        QDir().mkpath(writeDir);
        for (const QString &e : encodings) {
            for (const auto &[kind, bytes] : inputs(e)) {
                QFile f(writeDir + QLatin1Char('/') + e + QLatin1Char('.') + QString::fromLatin1(kind));
                if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
                    return 1;
            }
        }
        return 0;
    }
    for (const QString &e : encodings) {
        const auto t0 = std::chrono::steady_clock::now();
        (void)TextCodec::decode(QByteArray("\xff"), e);
        const double first = microsecondsSince(t0);
        for (const auto &[kind, bytes] : inputs(e)) {
            std::vector<double> decodeTimes, visibleTimes;
            int invalid = 0;
            qsizetype chars = 0;
            for (int r = 0; r < runs; ++r) {
                auto t = std::chrono::steady_clock::now();
                const QString text = TextCodec::decode(bytes, e, &invalid);
                decodeTimes.push_back(microsecondsSince(t));
                t = std::chrono::steady_clock::now();
                const QString shown = TextCodec::visibleText(TextCodec::decode(bytes, e));
                visibleTimes.push_back(microsecondsSince(t));
                chars = shown.size();
            }
            std::printf("RESULT label=%s enc=%s kind=%s first_us=%.0f decode_us=%.1f visible_us=%.1f invalid=%d chars=%lld\n",
                        label.constData(), qPrintable(e), kind.constData(), first, median(decodeTimes),
                        median(visibleTimes), invalid, static_cast<long long>(chars));
            std::fflush(stdout);
        }
    }
    return 0;
}
