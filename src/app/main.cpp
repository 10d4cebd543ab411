#include "mainwindow.h"
#include "standardfds.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    NetPoke::ensureStandardFileDescriptors();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NetPoke"));
    QApplication::setApplicationName(QStringLiteral("NetPoke"));
    QApplication::setApplicationVersion(QStringLiteral(NETPOKE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/netpoke.svg")));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("netpoke"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    NetPoke::MainWindow window;
    window.show();
    return app.exec();
}
