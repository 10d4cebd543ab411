#include "language.h"

#include <QLibraryInfo>
#include <QTranslator>

namespace NetPoke {

QString Language::nativeName(const QString &code)
{
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return tr("System");
}

QLocale Language::localeFor(const QString &code)
{
    if (code == QLatin1String("en"))
        return QLocale(QLocale::English, QLocale::UnitedStates);
    if (code == QLatin1String("zh_CN"))
        return QLocale(QLocale::Chinese, QLocale::China);
    return QLocale::system();
}

QString Language::install(const QLocale &locale)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return {};
    QLocale::setDefault(locale);
    const bool chinese = locale.language() == QLocale::Chinese;
    auto *ours = new QTranslator(app);
    QString loaded;
    if (chinese && ours->load(QStringLiteral(":/i18n/netpoke_zh_CN.qm")))
        loaded = QStringLiteral("zh_CN");
    // Every other language shows the English source texts, with English plural forms ("1 transfer").
    else if (ours->load(QStringLiteral(":/i18n/netpoke_en.qm")))
        loaded = QStringLiteral("en");
    if (!loaded.isEmpty())
        QCoreApplication::installTranslator(ours);
    else
        delete ours;
    if (chinese) {
        auto *qt = new QTranslator(app);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
        else
            delete qt;
    }
    return loaded;
}

} // namespace NetPoke
