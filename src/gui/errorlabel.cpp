#include "errorlabel.h"

#include "colors.h"

#include <QLabel>

namespace NetPoke {

QLabel *makeErrorLabel(QWidget *parent, const char *objectName)
{
    auto *l = new QLabel(parent);
    if (objectName)
        l->setObjectName(QLatin1String(objectName));
    l->setWordWrap(true);
    setTone(l, Tone::Error);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->hide();
    return l;
}

void showError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace NetPoke
