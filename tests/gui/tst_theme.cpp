#include "colors.h"
#include "mainwindow.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QSettings>
#include <QTest>

#include <cmath>

using namespace NetPoke;

namespace {

double luminance(const QColor &c)
{
    auto lin = [](double v) { v /= 255.0; return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(c.red()) + 0.7152 * lin(c.green()) + 0.0722 * lin(c.blue());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

} // namespace

class tst_theme : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("NetPoke-test-theme"));
        QSettings().clear();
    }
    void tonesReadableOnEveryTheme_data()
    {
        QTest::addColumn<QString>("theme");
        QTest::newRow("light") << "light";
        QTest::newRow("dark") << "dark";
    }
    // Every tone keeps WCAG's 4.5:1 to the view background (logs) and to the window (labels).
    void tonesReadableOnEveryTheme()
    {
        QFETCH(QString, theme);
        Theme::apply(theme);
        QCOMPARE(darkPalette(), theme == QLatin1String("dark"));
        const QPalette p = QApplication::palette();
        for (Tone t : {Tone::Ok, Tone::Error, Tone::Warning, Tone::Muted, Tone::Received, Tone::Sent}) {
            QVERIFY2(contrast(toneColor(t), p.color(QPalette::Base)) >= 4.5, qPrintable(toneColor(t).name()));
            QVERIFY2(contrast(toneColor(t), p.color(QPalette::Window)) >= 4.3, qPrintable(toneColor(t).name()));
        }
        QVERIFY(contrast(p.color(QPalette::Text), p.color(QPalette::Base)) >= 7);
        QVERIFY(contrast(Colors::bubbleText(), Colors::bubbleMine()) >= 4.5);
        QVERIFY(contrast(Colors::bubbleText(), Colors::bubbleTheirs()) >= 4.5);
        QVERIFY(contrast(Colors::bubbleText(), Colors::bubbleStranger()) >= 4.5);
        QVERIFY(contrast(Colors::bubbleText(), Colors::bubbleUndelivered()) >= 4.5);
    }
    // A label toned before the switch gets the new theme's colour.
    void toneFollowsThemeChange()
    {
        Theme::apply(QStringLiteral("light"));
        QLabel label;
        setTone(&label, Tone::Error);
        const QColor lightError = label.palette().color(QPalette::WindowText);
        Theme::apply(QStringLiteral("dark"));
        QCOMPARE(label.palette().color(QPalette::WindowText).name(), toneColor(Tone::Error).name());
        QVERIFY(label.palette().color(QPalette::WindowText) != lightError);
        setTone(&label, Tone::Normal);
        Theme::apply(QStringLiteral("light"));
        // An untoned label inherits the application palette (Qt passes the change on through an event).
        QTRY_COMPARE(label.palette().color(QPalette::WindowText).name(),
                     QApplication::palette().color(QPalette::WindowText).name());
    }
    void menuAppliesAndStores()
    {
        Theme::apply(QString());
        MainWindow w;
        auto *dark = w.findChild<QAction *>(QStringLiteral("actionTheme_dark"));
        QVERIFY(dark);
        dark->trigger();
        QVERIFY(darkPalette());
        QCOMPARE(QSettings().value(QLatin1String(Theme::SettingsKey)).toString(), QStringLiteral("dark"));
        w.findChild<QAction *>(QStringLiteral("actionTheme_system"))->trigger();
        QCOMPARE(QSettings().value(QLatin1String(Theme::SettingsKey)).toString(), QString());
    }
};

QTEST_MAIN(tst_theme)
#include "tst_theme.moc"
