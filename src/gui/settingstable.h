#pragma once

#include <QList>
#include <QString>
#include <QVariant>

#include <functional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QSplitter;

namespace NetPoke {

// A panel's persisted fields, each written once: its QSettings key and its widget. load() and save() walk
// the same table, so a key cannot be spelled two ways or forgotten on one side. A field's default is the
// widget's value when it is added (i.e. what the Designer form or the panel set up).
class SettingsTable final
{
public:
    // How a combo box is stored: its current text (editable boxes, encoding names), its item data
    // (interfaces, addresses), its index (fixed choices), the data of a listed item or else the text typed
    // into an editable box (ByDataOrText), or the list of its items' texts (ByItems: a history).
    enum ComboBy { ByText, ByData, ByIndex, ByDataOrText, ByItems };

    explicit SettingsTable(const QString &group);

    SettingsTable &add(const QString &key, QLineEdit *edit);
    SettingsTable &add(const QString &key, QPlainTextEdit *edit);
    SettingsTable &add(const QString &key, QSpinBox *spin);
    SettingsTable &add(const QString &key, QCheckBox *check);
    SettingsTable &add(const QString &key, QComboBox *combo, ComboBy by);
    SettingsTable &add(const QString &key, QSplitter *splitter);
    // Anything else: how to read the value to store, and how to apply a stored (or the default) value.
    SettingsTable &add(const QString &key, std::function<QVariant()> read,
                       std::function<void(const QVariant &)> apply, const QVariant &defaultValue = {});

    void load() const;
    void save() const;
    QStringList keys() const;

private:
    struct Field
    {
        QString key;
        std::function<QVariant()> read;
        std::function<void(const QVariant &)> apply;
        QVariant defaultValue;
    };
    QString m_group;
    QList<Field> m_fields;
};

} // namespace NetPoke
