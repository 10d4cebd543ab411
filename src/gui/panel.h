#pragma once

#include <QString>
#include <QWidget>

namespace NetPoke {

// One tab of the main window. MainWindow knows its tabs only through this interface, so a new protocol's
// tab is one line in MainWindow's list (see docs/architecture.md, "How to add a protocol").
class Panel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Panel)

public:
    using QWidget::QWidget;

    // The tab's title without a badge, e.g. tr("Chat").
    virtual QString title() const = 0;
    // Items the user has not seen yet; MainWindow shows them as "Chat (2)". 0 shows no badge.
    virtual int unreadCount() const { return 0; }
    // File > Save log: whether this tab has a log to save, and the save itself (asks for a file name).
    virtual bool canSaveLog() const { return false; }
    virtual void saveLogInteractive() {}
    // Persist the fields through QSettings (each panel keeps one SettingsTable; see settingstable.h).
    virtual void loadSettings() = 0;
    virtual void saveSettings() const = 0;

signals:
    // title() or unreadCount() changed.
    void badgeChanged();
};

} // namespace NetPoke
