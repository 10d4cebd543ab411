#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace NetPoke {

// Which language the user interface speaks: the system's, English or Simplified Chinese. The app keeps the
// choice in QSettings ("ui/language") and applies it at start (a change takes effect after a restart, since
// every panel builds its texts once); netpoke-cli follows the system locale.
class Language final
{
    Q_DECLARE_TR_FUNCTIONS(Language)

public:
    static constexpr const char *SettingsKey = "ui/language";
    // "" = the system's, "en", "zh_CN".
    static QStringList codes() { return {QString(), QStringLiteral("en"), QStringLiteral("zh_CN")}; }
    // The name of a code in its own language ("English", "简体中文"); the system's as "System" translated.
    static QString nativeName(const QString &code);
    static QLocale localeFor(const QString &code);
    // Installs NetPoke's translation for locale (English: its plural forms) and Qt's own (dialog buttons),
    // makes locale the default for number formatting, and returns the code of what was loaded ("en" or
    // "zh_CN"). Call once, after the Q(Core)Application exists; the translators belong to the application.
    static QString install(const QLocale &locale);
};

} // namespace NetPoke
