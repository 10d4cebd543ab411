#include "colors.h"

#include <QApplication>
#include <QGuiApplication>
#include <QPalette>
#include <QWidget>

namespace NetPoke {

bool darkPalette()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

QColor toneColor(Tone tone)
{
    // On a dark palette the same meanings in lighter tones (each keeps a contrast of at least 4.5:1 to the
    // view's background, as on the light one; tst_theme checks it).
    if (darkPalette()) {
        switch (tone) {
        case Tone::Normal: break;
        case Tone::Ok: return QColor(0x3f, 0xb9, 0x50);
        case Tone::Error: return QColor(0xff, 0x7b, 0x72);
        case Tone::Warning: return QColor(0xe3, 0xb3, 0x41);
        case Tone::Muted: return QColor(0x8b, 0x94, 0x9e);
        case Tone::Received: return QColor(0x3f, 0xb9, 0x50);
        case Tone::Sent: return QColor(0x58, 0xa6, 0xff);
        }
        return QGuiApplication::palette().color(QPalette::WindowText);
    }
    switch (tone) {
    case Tone::Normal:
        break;
    case Tone::Ok:
        return QColor(0x1a, 0x7f, 0x37);
    case Tone::Error:
        return QColor(0xb3, 0x26, 0x1e);
    case Tone::Warning:
        return QColor(0xbc, 0x4c, 0x00);
    case Tone::Muted:
        return QColor(0x65, 0x6d, 0x76);
    case Tone::Received:
        return QColor(0x1a, 0x7f, 0x37);
    case Tone::Sent:
        return QColor(0x09, 0x69, 0xda);
    }
    return QGuiApplication::palette().color(QPalette::WindowText);
}

void setTone(QWidget *widget, Tone tone)
{
    // Kept on the widget, so that a theme change can give it the tone's colour of the new palette.
    widget->setProperty("netpokeTone", tone == Tone::Normal ? QVariant() : QVariant(int(tone)));
    if (tone == Tone::Normal) {
        widget->setPalette(QPalette());   // back to the inherited palette
        return;
    }
    QPalette p = widget->palette();
    p.setColor(QPalette::WindowText, toneColor(tone));
    p.setColor(QPalette::Text, toneColor(tone));
    widget->setPalette(p);
}

void setViewBackground(QWidget *view)
{
    view->setProperty("netpokeViewBackground", true);
    QPalette p = view->palette();
    p.setColor(QPalette::Base, Colors::viewBackground());
    view->setPalette(p);
}

void refreshColors()
{
    const QList<QWidget *> all = QApplication::allWidgets();
    for (QWidget *w : all) {
        if (const QVariant t = w->property("netpokeTone"); t.isValid()) {
            w->setPalette(QPalette());   // the new palette first, then the tone's colour on it
            setTone(w, Tone(t.toInt()));
        }
        if (w->property("netpokeViewBackground").toBool()) {
            w->setPalette(QPalette());
            setViewBackground(w);
        }
        w->update();
    }
}

namespace Colors {
QColor bubbleMine() { return darkPalette() ? QColor(0x1f, 0x6f, 0x33) : QColor(0x95, 0xec, 0x69); }
QColor bubbleTheirs() { return darkPalette() ? QColor(0x30, 0x36, 0x3d) : QColor(0xf2, 0xf3, 0xf5); }
QColor bubbleStranger() { return darkPalette() ? QColor(0x5a, 0x3e, 0x12) : QColor(0xff, 0xe8, 0xcc); }
QColor bubbleUndelivered() { return darkPalette() ? QColor(0x6e, 0x1b, 0x1b) : QColor(0xfd, 0xd8, 0xd6); }
QColor bubbleText() { return darkPalette() ? QColor(0xe6, 0xed, 0xf3) : QColor(0x1f, 0x23, 0x28); }
QColor viewBackground() { return darkPalette() ? QColor(0x0d, 0x11, 0x17) : QColor(0xff, 0xff, 0xff); }
QColor chartRetransmission() { return darkPalette() ? QColor(0xff, 0x7b, 0x72) : QColor(0xd1, 0x24, 0x2f); }
} // namespace Colors

} // namespace NetPoke
