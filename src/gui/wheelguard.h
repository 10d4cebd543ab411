#pragma once

class QWidget;

namespace NetPoke {

// Combo boxes and spin boxes take the mouse wheel only once they have focus: scrolling a pane with the
// pointer passing over them must not change a value (the multicast interface flipped to eth0 that way).
// Applies to every QComboBox and QAbstractSpinBox below root, now; call again for widgets added later.
void guardWheel(QWidget *root);

} // namespace NetPoke
