#pragma once

// What every widget test needs: a settings sandbox and a checked lookup of a named child widget.

#include <QCoreApplication>
#include <QObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace GuiTest {

// QSettings in a temporary folder (INI), with the test's own organisation and application name, so a
// test never reads or writes the user's real settings. Construct in initTestCase(); clear() in init().
class SettingsSandbox
{
public:
    explicit SettingsSandbox(const char *application)
    {
        if (!m_dir.isValid())
            qFatal("cannot create a temporary settings folder");
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("NetPokeTest"));
        QCoreApplication::setApplicationName(QLatin1String(application));
    }
    void clear() { QSettings().clear(); }
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

// The child named `name` of type T; the test stops at once (naming it) when there is none, since every
// assertion after it would be meaningless.
template<typename T>
T *child(const QObject &parent, const char *name)
{
    T *w = parent.findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("no child %s of the expected type", name);
    return w;
}

} // namespace GuiTest
