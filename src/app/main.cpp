#include "language.h"
#include "mainwindow.h"
#include "standardfds.h"

#include <QApplication>
#include <QSettings>

int main(int argc, char *argv[])
{
    NetPoke::ensureStandardFileDescriptors();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NetPoke"));
    QApplication::setApplicationName(QStringLiteral("NetPoke"));
    QApplication::setApplicationVersion(QStringLiteral(NETPOKE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/netpoke.svg")));

    // View > Language: the system's language unless the user chose one (applied at start).
    NetPoke::Language::install(
        NetPoke::Language::localeFor(QSettings().value(QLatin1String(NetPoke::Language::SettingsKey)).toString()));

    NetPoke::MainWindow window;
    window.show();
    return app.exec();
}
