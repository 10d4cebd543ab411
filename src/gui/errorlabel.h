#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace NetPoke {

// A red, word-wrapped message shown next to the control it is about; hidden while empty.
QLabel *makeErrorLabel(QWidget *parent, const char *objectName = nullptr);
// Sets the text and shows the label, or hides it for an empty text.
void showError(QLabel *label, const QString &text);

} // namespace NetPoke
