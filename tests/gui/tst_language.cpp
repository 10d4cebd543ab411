#include "language.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTest>

using NetPoke::Language;
using NetPoke::MainWindow;

// View > Language and the translations behind it. The functions run in this order: English first, since a
// translator installed later is asked first.
class tst_language : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void englishPluralForms();
    void chineseMenusAndQtDialogs();
    void languageMenuStoresTheChoice();
};

void tst_language::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("NetPoke-test-language"));
    QSettings().clear();
}

void tst_language::englishPluralForms()
{
    QCOMPARE(Language::install(Language::localeFor(QStringLiteral("en"))), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("NetPoke::Tftp::Server", "server busy (%n transfers running)", nullptr, 1),
             QStringLiteral("server busy (1 transfer running)"));
    QCOMPARE(QCoreApplication::translate("NetPoke::Tftp::Server", "server busy (%n transfers running)", nullptr, 3),
             QStringLiteral("server busy (3 transfers running)"));
    QCOMPARE(QCoreApplication::translate("TftpServeCommand", "%n request(s)", nullptr, 1), QStringLiteral("1 request"));
    MainWindow w;
    QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&File"));
}

void tst_language::chineseMenusAndQtDialogs()
{
    QCOMPARE(Language::install(Language::localeFor(QStringLiteral("zh_CN"))), QStringLiteral("zh_CN"));
    MainWindow w;
    QStringList menus;
    for (QAction *a : w.menuBar()->actions())
        menus << a->text();
    QVERIFY2(menus.first().startsWith(QStringLiteral("文件")), qPrintable(menus.join(QLatin1Char(' '))));
    QVERIFY2(menus.at(1).startsWith(QStringLiteral("视图")) || menus.at(1).startsWith(QStringLiteral("查看")),
             qPrintable(menus.join(QLatin1Char(' '))));
    // Qt's own buttons come from qtbase_zh_CN (qt6-translations-l10n).
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("取消"));
    // Plural forms in Chinese too.
    QVERIFY(!QCoreApplication::translate("NetPoke::Tftp::Server", "server busy (%n transfers running)", nullptr, 1)
                 .contains(QStringLiteral("transfer")));
}

void tst_language::languageMenuStoresTheChoice()
{
    MainWindow w;
    w.show();
    auto *menu = w.findChild<QMenu *>(QStringLiteral("menuLanguage"));
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), 3);
    auto *system = w.findChild<QAction *>(QStringLiteral("actionLanguage_system"));
    auto *english = w.findChild<QAction *>(QStringLiteral("actionLanguage_en"));
    auto *chinese = w.findChild<QAction *>(QStringLiteral("actionLanguage_zh_CN"));
    QVERIFY(system && english && chinese);
    QVERIFY(system->isChecked());
    QCOMPARE(chinese->text(), QStringLiteral("简体中文"));
    QCOMPARE(english->text(), QStringLiteral("English"));

    chinese->trigger();
    QCOMPARE(QSettings().value(QLatin1String(Language::SettingsKey)).toString(), QStringLiteral("zh_CN"));
    QVERIFY(chinese->isChecked());
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = w.findChild<QMessageBox *>(QStringLiteral("restartBox"))) && box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("简体中文")));
    // "Later": nothing restarts, the window stays.
    QAbstractButton *later = nullptr;
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == QMessageBox::RejectRole)
            later = b;
    QVERIFY(later);
    later->click();
    QVERIFY(w.isVisible());

    system->trigger();
    QCOMPARE(QSettings().value(QLatin1String(Language::SettingsKey)).toString(), QString());
    QCOMPARE(Language::localeFor(QString()), QLocale::system());
}

QTEST_MAIN(tst_language)
#include "tst_language.moc"
