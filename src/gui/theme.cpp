#include "theme.h"

#include "colors.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace NetPoke::Theme {

namespace {

struct SystemLook
{
    QString styleName;
    QPalette palette;
    bool known = false;
};

SystemLook &systemLook()
{
    static SystemLook look;
    if (!look.known && qApp) {
        look.styleName = QApplication::style()->name();
        look.palette = QApplication::palette();
        look.known = true;
    }
    return look;
}

QPalette lightPalette()
{
    QPalette p = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
    p.setColor(QPalette::Window, QColor(0xf6, 0xf8, 0xfa));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf0, 0xf3, 0xf6));
    p.setColor(QPalette::Highlight, QColor(0x09, 0x69, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x16, 0x1b, 0x22), base(0x0d, 0x11, 0x17), text(0xe6, 0xed, 0xf3),
        button(0x21, 0x26, 0x2d), disabled(0x6e, 0x76, 0x81), accent(0x1f, 0x6f, 0xeb);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x16, 0x1b, 0x22));
    p.setColor(QPalette::ToolTipBase, button);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x7b, 0x72));
    p.setColor(QPalette::Link, QColor(0x58, 0xa6, 0xff));
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x30, 0x36, 0x3d));
    p.setColor(QPalette::Midlight, QColor(0x26, 0x2c, 0x34));
    p.setColor(QPalette::Mid, QColor(0x30, 0x36, 0x3d));
    p.setColor(QPalette::Dark, QColor(0x01, 0x04, 0x09));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole r : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, r, disabled);
    return p;
}

} // namespace

QStringList codes()
{
    return {QString(), QStringLiteral("light"), QStringLiteral("dark")};
}

QString displayName(const QString &code)
{
    if (code == QLatin1String("light"))
        return QApplication::translate("NetPoke::Theme", "Light");
    if (code == QLatin1String("dark"))
        return QApplication::translate("NetPoke::Theme", "Dark");
    return QApplication::translate("NetPoke::Theme", "System");
}

void apply(const QString &code)
{
    const SystemLook &look = systemLook();
    if (code == QLatin1String("light") || code == QLatin1String("dark")) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(code == QLatin1String("dark") ? darkPalette() : lightPalette());
    } else if (look.known) {
        QApplication::setStyle(QStyleFactory::create(look.styleName));
        QApplication::setPalette(look.palette);
    }
    refreshColors();
}

} // namespace NetPoke::Theme
