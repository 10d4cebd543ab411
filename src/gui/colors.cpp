#include "colors.h"

#include <QPalette>
#include <QWidget>

namespace NetPoke {

QColor toneColor(Tone tone)
{
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
        return QColor(0x6e, 0x77, 0x81);
    case Tone::Received:
        return QColor(0x1a, 0x7f, 0x37);
    case Tone::Sent:
        return QColor(0x09, 0x69, 0xda);
    }
    return QPalette().color(QPalette::WindowText);
}

void setTone(QWidget *widget, Tone tone)
{
    if (tone == Tone::Normal) {
        widget->setPalette(QPalette());   // back to the inherited palette
        return;
    }
    QPalette p = widget->palette();
    p.setColor(QPalette::WindowText, toneColor(tone));
    p.setColor(QPalette::Text, toneColor(tone));
    widget->setPalette(p);
}

namespace Colors {
QColor bubbleMine() { return QColor(0x95, 0xec, 0x69); }
QColor bubbleTheirs() { return QColor(0xf2, 0xf3, 0xf5); }
QColor bubbleStranger() { return QColor(0xff, 0xe8, 0xcc); }
QColor bubbleUndelivered() { return QColor(0xfd, 0xd8, 0xd6); }
QColor bubbleText() { return QColor(0x1f, 0x23, 0x28); }
QColor viewBackground() { return QColor(0xff, 0xff, 0xff); }
QColor chartRetransmission() { return QColor(0xd1, 0x24, 0x2f); }
} // namespace Colors

} // namespace NetPoke
