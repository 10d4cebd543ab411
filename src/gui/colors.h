#pragma once

#include <QColor>

class QWidget;

namespace NetPoke {

// Every colour the GUI uses, in one place. Text colours are applied through the palette, never through a
// style sheet: a style sheet pins the widget's font, so the window's zoom would no longer reach it.
enum class Tone {
    Normal,     // the palette's own text colour
    Ok,         // bound, finished: green
    Error,      // errors next to fields, failed transfers: red
    Warning,    // strangers, cautions: orange
    Muted,      // system lines, times
    Received,   // RX rows in logs
    Sent,       // TX rows in logs
};

// Whether the application's palette is a dark one (View > Theme > Dark, or a dark system theme).
bool darkPalette();
QColor toneColor(Tone tone);
// Text colour of a label (or any widget) by tone; Tone::Normal restores the inherited palette colour.
void setTone(QWidget *widget, Tone tone);
// A view's background in Colors::viewBackground(), kept through theme changes.
void setViewBackground(QWidget *view);
// After the application palette changed (View > Theme): every toned widget and view background again.
void refreshColors();

namespace Colors {
QColor bubbleMine();        // chat: my messages
QColor bubbleTheirs();      // chat: the peer's
QColor bubbleStranger();    // chat: someone else's
QColor bubbleUndelivered(); // chat: a message the peer's side refused (ICMP unreachable)
QColor bubbleText();
QColor viewBackground();
QColor chartRetransmission();
} // namespace Colors

} // namespace NetPoke
