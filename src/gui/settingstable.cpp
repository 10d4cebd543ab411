#include "settingstable.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>

namespace NetPoke {

SettingsTable::SettingsTable(const QString &group)
    : m_group(group)
{
}

SettingsTable &SettingsTable::add(const QString &key, std::function<QVariant()> read,
                                  std::function<void(const QVariant &)> apply, const QVariant &defaultValue)
{
    m_fields.append(Field{key, std::move(read), std::move(apply), defaultValue});
    return *this;
}

SettingsTable &SettingsTable::add(const QString &key, QLineEdit *edit)
{
    return add(key, [edit] { return QVariant(edit->text()); },
               [edit](const QVariant &v) { edit->setText(v.toString()); }, edit->text());
}

SettingsTable &SettingsTable::add(const QString &key, QPlainTextEdit *edit)
{
    return add(key, [edit] { return QVariant(edit->toPlainText()); },
               [edit](const QVariant &v) { edit->setPlainText(v.toString()); }, edit->toPlainText());
}

SettingsTable &SettingsTable::add(const QString &key, QSpinBox *spin)
{
    return add(key, [spin] { return QVariant(spin->value()); },
               [spin](const QVariant &v) {
                   bool ok = false;
                   const int n = v.toInt(&ok);
                   if (ok)
                       spin->setValue(n);   // QSpinBox clamps to its range
               },
               spin->value());
}

SettingsTable &SettingsTable::add(const QString &key, QCheckBox *check)
{
    return add(key, [check] { return QVariant(check->isChecked()); },
               [check](const QVariant &v) { check->setChecked(v.toBool()); }, check->isChecked());
}

SettingsTable &SettingsTable::add(const QString &key, QComboBox *combo, ComboBy by)
{
    switch (by) {
    case ByText:
        return add(key, [combo] { return QVariant(combo->currentText()); },
                   [combo](const QVariant &v) {
                       const int i = combo->findText(v.toString());
                       if (i >= 0)
                           combo->setCurrentIndex(i);
                       else if (combo->isEditable())
                           combo->setEditText(v.toString());
                   },
                   combo->currentText());
    case ByData:
        return add(key, [combo] { return combo->currentData(); },
                   [combo](const QVariant &v) {
                       const int i = combo->findData(v);
                       if (i >= 0)
                           combo->setCurrentIndex(i);
                   },
                   combo->currentData());
    case ByDataOrText:
        return add(key,
                   [combo] {
                       const int i = combo->currentIndex();
                       return i >= 0 && combo->itemText(i) == combo->currentText() ? combo->itemData(i)
                                                                                    : QVariant(combo->currentText());
                   },
                   [combo](const QVariant &v) {
                       const int i = combo->findData(v);
                       if (i >= 0)
                           combo->setCurrentIndex(i);
                       else if (combo->isEditable() && !v.toString().isEmpty())
                           combo->setEditText(v.toString());
                   });
    case ByItems:
        return add(key,
                   [combo] {
                       QStringList items;
                       for (int k = 0; k < combo->count(); ++k)
                           items << combo->itemText(k);
                       return QVariant(items);
                   },
                   [combo](const QVariant &v) {
                       combo->clear();
                       combo->addItems(v.toStringList().mid(0, combo->maxCount()));
                       combo->setCurrentIndex(-1);
                   });
    case ByIndex:
        break;
    }
    return add(key, [combo] { return QVariant(combo->currentIndex()); },
               [combo](const QVariant &v) {
                   bool ok = false;
                   const int i = v.toInt(&ok);
                   if (ok && i >= 0 && i < combo->count())
                       combo->setCurrentIndex(i);
               },
               combo->currentIndex());
}

SettingsTable &SettingsTable::add(const QString &key, QSplitter *splitter)
{
    return add(key, [splitter] { return QVariant(splitter->saveState()); },
               [splitter](const QVariant &v) {
                   const QByteArray state = v.toByteArray();
                   if (!state.isEmpty())
                       splitter->restoreState(state);
               });
}

void SettingsTable::load() const
{
    QSettings s;
    s.beginGroup(m_group);
    for (const Field &f : m_fields)
        f.apply(s.value(f.key, f.defaultValue));
}

void SettingsTable::save() const
{
    QSettings s;
    s.beginGroup(m_group);
    for (const Field &f : m_fields)
        s.setValue(f.key, f.read());
}

QStringList SettingsTable::keys() const
{
    QStringList k;
    for (const Field &f : m_fields)
        k << f.key;
    return k;
}

} // namespace NetPoke
