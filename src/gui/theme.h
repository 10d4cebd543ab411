#pragma once

#include <QString>
#include <QStringList>

namespace NetPoke {

// View > Theme: the system's look, or NetPoke's light or dark palette (Fusion style, the same on every
// desktop: what a projector shows does not depend on the laptop). Applied at once and kept in QSettings.
namespace Theme {
inline constexpr const char *SettingsKey = "ui/theme";
// "" = the system's, "light", "dark".
QStringList codes();
QString displayName(const QString &code);
// Applies a theme to the application; the first call remembers the system's style and palette.
void apply(const QString &code);
} // namespace Theme

} // namespace NetPoke
